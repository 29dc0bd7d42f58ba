//! Signers and letterheads: the authorities a signer may combine (`[collective, deputy]`),
//! `on_behalf_of` where it is read, and the head unit a document's letterhead asks for.

use crate::diag::{Problem, Text};
use crate::model::{Authority, Letterhead, Meeting, Member, Signer};

/// The field name and the prefix of `a`, as the messages name them.
fn named(a: Authority) -> (&'static str, &'static str) {
    match a {
        Authority::None => ("none", "không có tiền tố"),
        Authority::Collective => ("collective", "TM."),
        Authority::Deputy => ("deputy", "KT."),
        Authority::ByOrder => ("by_order", "TL."),
        Authority::ByDelegation => ("by_delegation", "TUQ."),
        Authority::Acting => ("acting", "Q."),
    }
}

/// How `a` signs, in words: Vietnamese and English.
fn signs(a: Authority) -> (&'static str, &'static str) {
    match a {
        Authority::None => ("tự ký", "sign in their own right"),
        Authority::Collective => ("ký thay mặt tập thể", "sign for a collective"),
        Authority::Deputy => ("ký thay", "sign as deputy"),
        Authority::ByOrder => ("ký thừa lệnh", "sign by order"),
        Authority::ByDelegation => ("ký thừa ủy quyền", "sign by delegation"),
        Authority::Acting => ("ký quyền cấp trưởng", "sign as acting head"),
    }
}

/// The one list that makes sense, as a hint.
fn combine_hint() -> Text {
    text!(
        "chỉ `collective` (TM.) đi cùng một hình thức khác: `[collective, deputy]` in \"TM. ỦY BAN NHÂN DÂN … / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH\"",
        "only `collective` (TM.) goes with one other value: `[collective, deputy]` prints \"TM. ỦY BAN NHÂN DÂN … / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH\""
    )
}

/// Member `i`'s `authority`: one value, or `collective` with one other (`[collective,
/// deputy]`); never empty, `none` beside another, a value twice, or two ways of signing for
/// the head at once.
pub(super) fn check_authority(i: usize, s: &Signer, problems: &mut Vec<Problem>) {
    let path = format!("members[{i}].signer.authority");
    let all = &s.authority.0;
    let combine = combine_hint();
    if all.is_empty() {
        problems.push(
            Problem::error(
                path,
                text!(
                    "danh sách `authority` đang trống",
                    "the `authority` list is empty"
                ),
            )
            .hint(Text::new(
                format!(
                    "ghi một giá trị (ví dụ `deputy`), hoặc bỏ `authority` nếu người đứng đầu tự ký; {}",
                    combine.vi
                ),
                format!(
                    "give one value (e.g. `deputy`), or leave `authority` out when the head signs; {}",
                    combine.en
                ),
            )),
        );
        return;
    }
    if let Some(twice) = all
        .iter()
        .enumerate()
        .find_map(|(k, a)| all[..k].contains(a).then_some(*a))
    {
        let (name, mark) = named(twice);
        problems.push(Problem::error(
            path,
            text!(
                "`{name}` ({mark}) được ghi hai lần trong `authority`",
                "`{name}` ({mark}) is written twice in `authority`"
            ),
        ));
        return;
    }
    if all.len() > 1 && all.contains(&Authority::None) {
        problems.push(
            Problem::error(
                path,
                text!(
                    "`none` (người đứng đầu tự ký, không có tiền tố) không đi cùng giá trị khác trong `authority`",
                    "`none` (the head signs, no prefix) cannot go with another value in `authority`"
                ),
            )
            .hint(Text::new(
                format!("bỏ `none`; {}", combine.vi),
                format!("drop `none`; {}", combine.en),
            )),
        );
        return;
    }
    let own: Vec<Authority> = all
        .iter()
        .copied()
        .filter(|a| *a != Authority::Collective)
        .collect();
    if let [a, b, ..] = own[..] {
        let ((an, am), (bn, bm)) = (named(a), named(b));
        let ((avi, aen), (bvi, ben)) = (signs(a), signs(b));
        problems.push(
            Problem::error(
                path,
                text!(
                    "một người không thể vừa {avi} ({am}, `{an}`) vừa {bvi} ({bm}, `{bn}`)",
                    "one signer cannot both {aen} ({am}, `{an}`) and {ben} ({bm}, `{bn}`)"
                ),
            )
            .hint(combine),
        );
    }
}

/// Member `i`'s `on_behalf_of` is printed only after `TM.`: given without `collective` it
/// would be left out silently.
pub(super) fn check_on_behalf_of(i: usize, unit: &Member, problems: &mut Vec<Problem>) {
    let s = &unit.signer;
    let Some(body) = s.on_behalf_of.as_deref().filter(|b| !b.trim().is_empty()) else {
        return;
    };
    if s.authority.collective() {
        return;
    }
    let own = named(s.authority.own()).0;
    let example = if own == "none" {
        "collective".to_owned()
    } else {
        format!("[collective, {own}]")
    };
    problems.push(
        Problem::warning(
            format!("members[{i}].signer.on_behalf_of"),
            text!(
                "`on_behalf_of` chỉ được in sau \"TM.\", khi `authority` có `collective`: \"{body}\" không được in",
                "`on_behalf_of` prints only after \"TM.\", when `authority` has `collective`: \"{body}\" is not printed"
            ),
        )
        .hint(text!(
            "để in \"TM. {}\", ghi `authority: {example}`",
            "to print \"TM. {}\", write `authority: {example}`",
            crate::vietnamese::upper_vi(
                &crate::context::people::collective_name(&unit.name, Some(body)).1
            )
        )),
    );
}

/// The documents that go out under the head unit's letterhead: `bloc.head_unit` names a unit
/// (an error at the document's `letterhead` otherwise), and the unit has its code for the
/// number line (a warning, once).
pub(super) fn check_letterheads(m: &Meeting, problems: &mut Vec<Problem>) {
    let numbered_agreement = m
        .numbers
        .agreement_type
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty());
    let asked = [
        (
            "invitation.letterhead",
            m.invitation.as_ref().map(|i| i.letterhead),
            true,
        ),
        (
            "proposal.letterhead",
            m.proposal.as_ref().map(|p| p.letterhead),
            true,
        ),
        (
            "agreement.letterhead",
            Some(m.agreement.letterhead),
            numbered_agreement,
        ),
    ];
    let mut code_warned = false;
    for (path, letterhead, numbered) in asked {
        if letterhead != Some(Letterhead::HeadUnit) {
            continue;
        }
        let Some(reference) = m.bloc.head_unit.as_deref() else {
            problems.push(no_head_unit(path));
            continue;
        };
        // A head unit that is no member is `bloc.head_unit`'s own error.
        let Some(i) = m
            .find_member(reference)
            .and_then(|u| m.members.iter().position(|x| std::ptr::eq(x, u)))
        else {
            continue;
        };
        let unit = &m.members[i];
        let has_code = unit
            .header
            .as_ref()
            .and_then(|h| h.issuer_code.as_deref())
            .is_some_and(|c| !c.trim().is_empty());
        if numbered && !has_code && !code_warned {
            code_warned = true;
            problems.push(
                Problem::warning(
                    path,
                    text!(
                        "đơn vị Trưởng khối ({}) chưa có ký hiệu: số văn bản in thiếu ký hiệu của đơn vị",
                        "the head unit ({}) has no code: the document number prints without the unit's code",
                        unit.name.trim()
                    ),
                )
                .hint(text!(
                    "thêm `header: {{ issuer_code: … }}` cho members[{i}], ví dụ `issuer_code: UBND`",
                    "add `header: {{ issuer_code: … }}` to members[{i}], e.g. `issuer_code: UBND`"
                )),
            );
        }
    }
}

/// The error for a document at `path` asking for the head unit's letterhead with no head unit.
fn no_head_unit(path: &str) -> Problem {
    Problem::error(
        path,
        text!(
            "văn bản này in dưới tiêu đề của đơn vị Trưởng khối, nhưng chưa ghi đơn vị Trưởng khối (`bloc.head_unit`)",
            "this document goes out under the head unit's letterhead, but no head unit is given (`bloc.head_unit`)"
        ),
    )
    .hint(text!(
        "thêm `head_unit: <mã hoặc tên đơn vị>` dưới `bloc:`, hoặc bỏ `letterhead: head_unit` để in tiêu đề của khối",
        "add `head_unit: <a member's id or name>` under `bloc:`, or drop `letterhead: head_unit` to print the bloc's header"
    ))
}

//! People and signers: the chair, the secretary, the guests, the member units with their
//! signers, and the lines of a signature block. How a person is introduced in running text
//! ("đồng chí …, …", "ông … - …") is worded by the shared words' `intro` macro
//! (`templates/mac-dinh.j2`) from the facts here.

use serde::Serialize;

use super::{LINE_BREAK, centred_upper, one_line};
use crate::model::{Address, Authority, Meeting, Profile, Signer};

/// A person as the documents name them.
#[derive(Debug, Clone, Serialize)]
pub struct PersonCtx {
    /// Full name.
    pub name: String,
    /// Positions, most senior first, each on one line; none empty.
    pub titles: Vec<String>,
    /// The form of address: `dong_chi`, `ong` or `ba`.
    pub address: Address,
}

/// A guest.
#[derive(Debug, Clone, Serialize)]
pub struct GuestCtx {
    /// Name, positions and form of address.
    #[serde(flatten)]
    pub person: PersonCtx,
    /// Role, when the file gives one.
    pub role: Option<String>,
    /// Whether the guest gave the directing speech (a role with "chỉ đạo" in it).
    pub directs: bool,
    /// Speech summary.
    pub speech: Option<String>,
    /// The guest's unit, on one line, when the file gives one.
    pub unit: Option<String>,
}

/// A member unit.
#[derive(Debug, Clone, Serialize)]
pub struct MemberCtx {
    /// Name in normal case.
    pub name: String,
    /// Name upper-cased, with its break marks.
    pub name_upper: String,
    /// Signer's name.
    pub signer_name: String,
    /// Signer's title in normal case.
    pub signer_title: String,
    /// The signer as a person (for running text).
    pub signer: PersonCtx,
    /// Signature block lines above the signature space.
    pub sign_lines: Vec<SignLine>,
    /// Reason of absence.
    pub absent: Option<String>,
}

/// One line of a signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignLine {
    /// Text, upper case, with its break marks.
    pub text: String,
    /// Bold?
    pub bold: bool,
}

/// The person `name` with `titles` (blank ones dropped), addressed as `address`.
pub fn person(name: &str, titles: &[String], address: Address) -> PersonCtx {
    PersonCtx {
        name: one_line(name),
        titles: titles
            .iter()
            .map(|t| one_line(t))
            .filter(|t| !t.is_empty())
            .collect(),
        address,
    }
}

/// The chair, the secretary when given, and the guests of `m`.
pub fn chair_secretary_guests(m: &Meeting) -> (PersonCtx, Option<PersonCtx>, Vec<GuestCtx>) {
    let default_address = m.bloc.address.unwrap_or_default();
    let positions = |p: &crate::model::Person| -> Vec<String> {
        p.title.iter().chain(&p.titles).cloned().collect()
    };
    let of = |p: &crate::model::Person| {
        person(&p.name, &positions(p), p.address.unwrap_or(default_address))
    };
    let guests = m
        .guests
        .iter()
        .map(|g| {
            let role = g
                .role
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned);
            GuestCtx {
                person: person(&g.name, &g.titles, g.address.unwrap_or(default_address)),
                directs: role.as_deref().is_some_and(|r| r.contains("chỉ đạo")),
                role,
                speech: g.speech.as_deref().map(|s| s.trim().to_owned()),
                unit: g
                    .unit
                    .as_deref()
                    .map(super::one_line)
                    .filter(|u| !u.is_empty()),
            }
        })
        .collect();
    (of(&m.chair), m.secretary.as_ref().map(of), guests)
}

/// The member units of `m` in protocol order, with their signers' blocks for `profile`.
pub fn members(m: &Meeting, profile: Profile) -> Vec<MemberCtx> {
    let default_address = m.bloc.address.unwrap_or_default();
    m.members
        .iter()
        .map(|u| MemberCtx {
            name: one_line(&u.name),
            name_upper: centred_upper(&u.name),
            signer_name: one_line(&u.signer.name),
            signer_title: one_line(&u.signer.title),
            signer: person(
                &u.signer.name,
                std::slice::from_ref(&u.signer.title),
                u.signer.address.unwrap_or(default_address),
            ),
            sign_lines: sign_lines(&u.name, &u.signer, profile),
            absent: u.absent.clone(),
        })
        .collect()
}

/// The lines of a signature block above the signature space, for `profile` (spec §2 ô 7a,
/// §5, §10): nd30 prints every line bold; the Party format prints the unit and the T/M, K/T,
/// T/L line bold and the position line regular. A signer for a collective prints its `TM.`
/// line first, and then, signing for its head too (`[collective, deputy]`), the `KT.` line
/// (NĐ 30 Phụ lục I: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"). An acting head
/// prints `Q. <principal's title>` (nd30) or the position line `QUYỀN <principal's title>`
/// (party). The Party format has no `TUQ.`: validation refuses it before a context is built.
/// The authority marks are those the two formats prescribe, not wording an office chooses.
pub fn sign_lines(unit: &str, s: &Signer, profile: Profile) -> Vec<SignLine> {
    let party = profile == Profile::Party;
    let bold = |t: String| SignLine {
        text: t,
        bold: true,
    };
    let position = |t: &str| SignLine {
        text: centred_upper(t),
        bold: !party,
    };
    let prefixed = |kind: Authority, title: &str| {
        bold(format!(
            "{}\u{a0}{}",
            authority_mark(kind, profile),
            centred_upper(title)
        ))
    };
    let principal = s
        .principal_title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(&s.title);
    let mut lines = Vec::new();
    if s.authority.collective() {
        // "TM. <collective>": the collective is the unit itself unless named otherwise, and
        // then the unit's own name stays on top so every cell names its unit.
        let (unit_too, body) = collective_name(unit, s.on_behalf_of.as_deref());
        if unit_too {
            lines.push(bold(centred_upper(unit)));
        }
        lines.push(prefixed(Authority::Collective, &body));
    } else {
        lines.push(bold(centred_upper(unit)));
    }
    match s.authority.own() {
        Authority::None | Authority::Collective => lines.push(position(&s.title)),
        Authority::Acting if party => lines.push(position(&format!("Quyền {principal}"))),
        Authority::Acting => lines.push(prefixed(Authority::Acting, principal)),
        own => {
            lines.push(prefixed(own, principal));
            lines.push(position(&s.title));
        }
    }
    lines
}

/// The mark of `kind` in `profile`: `TM.`/`T/M`, `KT.`/`K/T`, `TL.`/`T/L`, `TUQ.`, `Q.`.
fn authority_mark(kind: Authority, profile: Profile) -> &'static str {
    let party = profile == Profile::Party;
    match kind {
        Authority::None => "",
        Authority::Collective if party => "T/M",
        Authority::Collective => "TM.",
        Authority::Deputy if party => "K/T",
        Authority::Deputy => "KT.",
        Authority::ByOrder if party => "T/L",
        Authority::ByOrder => "TL.",
        Authority::ByDelegation => "TUQ.",
        Authority::Acting => "Q.",
    }
}

/// The collective a signer signs for (after `TM.`), and whether the unit's own name must stand
/// above it. The collective is `unit` itself unless `body` names another; a body that names
/// the unit (compared without case or marks, "UBND"/"HĐND" read as their words) is printed
/// alone, and a body whose name begins the unit's ("Ủy ban nhân dân" of "UBND phường Đồng
/// Tâm") is completed with the rest of the unit's name, as joint documents write: "TM. ỦY BAN
/// NHÂN DÂN PHƯỜNG ĐỒNG TÂM". Only a body of its own (a Ban Thường vụ inside the unit) keeps
/// the unit's name above.
pub fn collective_name(unit: &str, body: Option<&str>) -> (bool, String) {
    let Some(body) = body.map(str::trim).filter(|b| !b.is_empty()) else {
        return (false, unit.trim().to_owned());
    };
    let (u, b) = (folded_words(unit), folded_words(body));
    let key = |w: &[(String, String)]| -> Vec<String> {
        w.iter()
            .filter(|(_, f)| !f.is_empty())
            .map(|(_, f)| f.clone())
            .collect()
    };
    let (uk, bk) = (key(&u), key(&b));
    if bk.is_empty() || uk == bk {
        return (false, body.to_owned());
    }
    if uk.len() > bk.len() && uk.starts_with(&bk) {
        // The unit's words after the body's (words without letters do not count).
        let mut matched = 0;
        let start = u
            .iter()
            .position(|(_, f)| {
                let done = matched == bk.len();
                matched += usize::from(!f.is_empty());
                done
            })
            .unwrap_or(u.len());
        let rest: Vec<&str> = u[start..].iter().map(|(o, _)| o.as_str()).collect();
        return (false, format!("{} {}", one_line(body), rest.join(" ")));
    }
    (true, body.to_owned())
}

/// The words of `s`, each with its folded form ([`crate::vietnamese::fold_vi`]); "UBND" and
/// "HĐND" stand for their four words.
fn folded_words(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for word in s.split_whitespace() {
        let folded = crate::vietnamese::fold_vi(word);
        let expansion: &[&str] = match folded.as_str() {
            "ubnd" => &["Ủy", "ban", "nhân", "dân"],
            "hdnd" => &["Hội", "đồng", "nhân", "dân"],
            _ => &[],
        };
        if expansion.is_empty() {
            out.push((word.to_owned(), folded));
        } else {
            out.extend(
                expansion
                    .iter()
                    .map(|w| ((*w).to_owned(), crate::vietnamese::fold_vi(w))),
            );
        }
    }
    out
}

/// The lines of a letter's signature block (giấy mời, tờ trình) from the signer's title as the
/// file or the shared words write it: each line written on a line of its own is a line of the
/// block, `over` (a collective's `TM.` line) on top unless the title opens with one. A line
/// opening with an authority mark prints the profile's mark (`TM.` ↔ `T/M`, `KT.` ↔ `K/T`,
/// `TL.` ↔ `T/L`). Weights (spec §2 ô 7a, §5): nd30 every line bold; the Party format prints
/// the last line — the signer's position — regular unless it opens with a mark, and every
/// line above it bold.
pub fn title_lines(title: &str, over: Option<&str>, profile: Profile) -> Vec<SignLine> {
    let split = |t: &str| -> Vec<String> {
        t.split(['\n', LINE_BREAK])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut lines = split(title);
    if let Some(over) = over
        && lines
            .first()
            .is_none_or(|l| leading_mark(l).map(|(k, _)| k) != Some(Authority::Collective))
    {
        let mut top = split(over);
        top.append(&mut lines);
        lines = top;
    }
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| match leading_mark(line) {
            Some((kind, rest)) => SignLine {
                text: format!(
                    "{}\u{a0}{}",
                    authority_mark(kind, profile),
                    centred_upper(rest)
                ),
                bold: true,
            },
            None => SignLine {
                text: centred_upper(line),
                bold: profile != Profile::Party || i + 1 < n,
            },
        })
        .collect()
}

/// The authority a line of a signature block opens with (`TM.`, `T/M`, `KT.`, `K/T`, `TL.`,
/// `T/L`, in any case), and the rest of the line.
fn leading_mark(line: &str) -> Option<(Authority, &str)> {
    const MARKS: [(&str, Authority); 6] = [
        ("TM.", Authority::Collective),
        ("T/M", Authority::Collective),
        ("KT.", Authority::Deputy),
        ("K/T", Authority::Deputy),
        ("TL.", Authority::ByOrder),
        ("T/L", Authority::ByOrder),
    ];
    let line = line.trim_start();
    MARKS.iter().find_map(|(mark, kind)| {
        let head = line.get(..mark.len())?;
        let rest = &line[mark.len()..];
        (head.eq_ignore_ascii_case(mark) && rest.starts_with(char::is_whitespace))
            .then(|| (*kind, rest.trim_start()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer(authority: Authority) -> Signer {
        Signer {
            name: "Lò Thị Ỹ".into(),
            title: "Phó Trưởng ban".into(),
            authority: authority.into(),
            on_behalf_of: Some("Ủy ban Kiểm tra Tỉnh ủy".into()),
            principal_title: Some("Trưởng ban".into()),
            address: None,
        }
    }

    /// The lines as printed: a no-break space reads as a space.
    fn texts(lines: &[SignLine]) -> Vec<(String, bool)> {
        lines
            .iter()
            .map(|l| {
                (
                    l.text
                        .replace(['\u{a0}', '\u{202f}', '\u{2007}', '\u{205f}'], " "),
                    l.bold,
                )
            })
            .collect()
    }

    fn owned(lines: &[(&str, bool)]) -> Vec<(String, bool)> {
        lines.iter().map(|(t, b)| ((*t).to_owned(), *b)).collect()
    }

    #[test]
    fn authority_prefixes_per_profile() {
        let unit = "Ban Tổ chức Tỉnh ủy";
        let nd = sign_lines(unit, &signer(Authority::Deputy), Profile::Nd30);
        assert_eq!(
            texts(&nd),
            owned(&[
                ("BAN TỔ CHỨC TỈNH ỦY", true),
                ("KT. TRƯỞNG BAN", true),
                ("PHÓ TRƯỞNG BAN", true)
            ])
        );
        let party = sign_lines(unit, &signer(Authority::Deputy), Profile::Party);
        assert_eq!(
            texts(&party),
            owned(&[
                ("BAN TỔ CHỨC TỈNH ỦY", true),
                ("K/T TRƯỞNG BAN", true),
                ("PHÓ TRƯỞNG BAN", false)
            ])
        );
        let tm = sign_lines(unit, &signer(Authority::Collective), Profile::Nd30);
        assert_eq!(texts(&tm)[0].0, "BAN TỔ CHỨC TỈNH ỦY");
        assert_eq!(texts(&tm)[1].0, "TM. ỦY BAN KIỂM TRA TỈNH ỦY");
        let own = Signer {
            on_behalf_of: None,
            ..signer(Authority::Collective)
        };
        let tm = sign_lines("Ủy ban Kiểm tra Tỉnh ủy", &own, Profile::Party);
        assert_eq!(
            texts(&tm),
            owned(&[
                ("T/M ỦY BAN KIỂM TRA TỈNH ỦY", true),
                ("PHÓ TRƯỞNG BAN", false)
            ])
        );
        let by_order = signer(Authority::ByOrder);
        assert_eq!(
            texts(&sign_lines(unit, &by_order, Profile::Nd30))[1].0,
            "TL. TRƯỞNG BAN"
        );
        assert_eq!(
            texts(&sign_lines(unit, &by_order, Profile::Party))[1].0,
            "T/L TRƯỞNG BAN"
        );
        let delegated = signer(Authority::ByDelegation);
        assert_eq!(
            texts(&sign_lines(unit, &delegated, Profile::Nd30))[1].0,
            "TUQ. TRƯỞNG BAN"
        );
        // Acting: the principal's title, never the signer's own deputy title.
        let acting = signer(Authority::Acting);
        assert_eq!(
            texts(&sign_lines(unit, &acting, Profile::Nd30)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("Q. TRƯỞNG BAN", true)])
        );
        assert_eq!(
            texts(&sign_lines(unit, &acting, Profile::Party)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("QUYỀN TRƯỞNG BAN", false)])
        );
        // Party: the position line under the unit is regular; nd30: bold.
        let head = signer(Authority::None);
        assert_eq!(
            texts(&sign_lines(unit, &head, Profile::Party)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("PHÓ TRƯỞNG BAN", false)])
        );
        assert_eq!(
            texts(&sign_lines(unit, &head, Profile::Nd30)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("PHÓ TRƯỞNG BAN", true)])
        );
    }

    #[test]
    fn a_deputy_signs_for_the_collective_and_its_head() {
        let ward = "Ủy ban nhân dân phường Tân An";
        let s = Signer {
            name: "Phan Thị Thu Ngân".into(),
            title: "Phó Chủ tịch".into(),
            authority: crate::model::Authorities(vec![Authority::Collective, Authority::Deputy]),
            on_behalf_of: None,
            principal_title: Some("Chủ tịch".into()),
            address: None,
        };
        assert_eq!(
            texts(&sign_lines(ward, &s, Profile::Nd30)),
            owned(&[
                ("TM. ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN", true),
                ("KT. CHỦ TỊCH", true),
                ("PHÓ CHỦ TỊCH", true)
            ])
        );
        assert_eq!(
            texts(&sign_lines(ward, &s, Profile::Party)),
            owned(&[
                ("T/M ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN", true),
                ("K/T CHỦ TỊCH", true),
                ("PHÓ CHỦ TỊCH", false)
            ])
        );
        // The order of the list does not matter; a body of its own keeps the unit on top.
        let reversed = Signer {
            authority: crate::model::Authorities(vec![Authority::Deputy, Authority::Collective]),
            on_behalf_of: Some("Ban Thường vụ".into()),
            ..s.clone()
        };
        assert_eq!(
            texts(&sign_lines(ward, &reversed, Profile::Nd30))
                .into_iter()
                .map(|(t, _)| t)
                .collect::<Vec<_>>(),
            [
                "ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN",
                "TM. BAN THƯỜNG VỤ",
                "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH"
            ]
        );
        // Acting for the collective: the Q. line is the last.
        let acting = Signer {
            authority: crate::model::Authorities(vec![Authority::Collective, Authority::Acting]),
            ..s
        };
        assert_eq!(
            texts(&sign_lines(ward, &acting, Profile::Nd30)),
            owned(&[
                ("TM. ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN", true),
                ("Q. CHỦ TỊCH", true)
            ])
        );
    }

    #[test]
    fn the_collective_line_names_the_unit_once() {
        let ward = "Ủy ban nhân dân phường Tân An";
        let plain = |(unit_too, body): (bool, String)| (unit_too, body.replace('\u{a0}', " "));
        assert_eq!(plain(collective_name(ward, None)), (false, ward.into()));
        // The body names the start of the unit: completed with the rest.
        assert_eq!(
            plain(collective_name(ward, Some("Ủy ban nhân dân"))),
            (false, "Ủy ban nhân dân phường Tân An".into())
        );
        assert_eq!(
            plain(collective_name(
                "UBND phường Tân An",
                Some("Uỷ ban nhân dân")
            )),
            (false, "Uỷ ban nhân dân phường Tân An".into())
        );
        // The same body under another spelling: the file's own words.
        assert_eq!(
            plain(collective_name(
                "UBND phường Tân An",
                Some("Ủy ban nhân dân phường Tân An")
            )),
            (false, "Ủy ban nhân dân phường Tân An".into())
        );
        // A body of its own: the unit stays on top.
        assert_eq!(
            plain(collective_name(
                "Liên đoàn Lao động tỉnh",
                Some("Ban Thường vụ")
            )),
            (true, "Ban Thường vụ".into())
        );
        assert_eq!(
            plain(collective_name("Ủy ban Kiểm tra Tỉnh ủy", Some("Ủy ban"))),
            (false, "Ủy ban Kiểm tra Tỉnh ủy".into())
        );
    }

    #[test]
    fn a_letters_title_lines_take_the_profiles_marks_and_weights() {
        let two = "TM. Khối thi đua\nTrưởng Khối";
        assert_eq!(
            texts(&title_lines(two, None, Profile::Party)),
            owned(&[("T/M KHỐI THI ĐUA", true), ("TRƯỞNG KHỐI", false)])
        );
        assert_eq!(
            texts(&title_lines(two, None, Profile::Nd30)),
            owned(&[("TM. KHỐI THI ĐUA", true), ("TRƯỞNG KHỐI", true)])
        );
        // One line is a position: regular in the Party format.
        assert_eq!(
            texts(&title_lines("Trưởng Khối thi đua", None, Profile::Party)),
            owned(&[("TRƯỞNG KHỐI THI ĐUA", false)])
        );
        // The collective's line goes on top unless the title opens with one of its own.
        let over = Some("TM. Cụm thi đua");
        assert_eq!(
            texts(&title_lines("Trưởng Cụm", over, Profile::Nd30)),
            owned(&[("TM. CỤM THI ĐUA", true), ("TRƯỞNG CỤM", true)])
        );
        assert_eq!(
            texts(&title_lines(
                "t/m Cụm thi đua số 2\n k/t Cụm trưởng \nCụm phó",
                over,
                Profile::Nd30
            )),
            owned(&[
                ("TM. CỤM THI ĐUA SỐ 2", true),
                ("KT. CỤM TRƯỞNG", true),
                ("CỤM PHÓ", true)
            ])
        );
        // Lines above the position are bold in the Party format, even without a mark.
        assert_eq!(
            texts(&title_lines(
                "T/M Khối thi đua các cơ quan\nĐảng tỉnh\nTrưởng Khối",
                None,
                Profile::Party
            )),
            owned(&[
                ("T/M KHỐI THI ĐUA CÁC CƠ QUAN", true),
                ("ĐẢNG TỈNH", true),
                ("TRƯỞNG KHỐI", false)
            ])
        );
        // A word that only starts like a mark is no mark.
        assert_eq!(
            texts(&title_lines("TL.Trưởng", None, Profile::Party)),
            owned(&[("TL.TRƯỞNG", false)])
        );
    }

    #[test]
    fn people_keep_their_positions_apart_and_one_line_each() {
        let titles = [
            "Phó Giám đốc\nSở Nội vụ".to_owned(),
            " ".to_owned(),
            "Trưởng Ban Thi đua - Khen thưởng tỉnh".to_owned(),
        ];
        let p = person(" Lý Thị  Mỹ Duyên ", &titles, Address::Ba);
        assert_eq!(p.name, "Lý Thị Mỹ Duyên");
        assert_eq!(
            p.titles,
            [
                "Phó Giám đốc Sở Nội vụ",
                "Trưởng Ban Thi đua - Khen thưởng tỉnh"
            ]
        );
        assert_eq!(p.address, Address::Ba);
    }
}

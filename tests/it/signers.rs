//! Signers and letterheads on the produced PDFs (issue 22): a deputy signing for a People's
//! Committee ("TM. ỦY BAN NHÂN DÂN … / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), letters under the head
//! unit's header and number signed "TM. KHỐI THI ĐUA", a letter's signer title on two lines
//! with the Party profile's weights, and the checks of the new fields. Weights are read from
//! the font of every glyph (a segment is bold when each glyph's font name says "bold").

use std::path::Path;

use hoinghi::model::{Letterhead, Meeting, Profile, UnitHeader};

use crate::support::api::{self, DocKind};
use crate::support::common::{sample, write};
use crate::support::pdf::{Seg, pages};

/// A segment's text as read: no-break spaces as spaces.
fn plain(s: &Seg) -> String {
    s.text
        .replace(['\u{a0}', '\u{202f}', '\u{2007}', '\u{205f}'], " ")
}

fn centre(s: &Seg) -> f32 {
    (s.x0 + s.x1) / 2.0
}

/// Document `kind` of the sample `file` in `profile`, after `edit`, as segments per page.
fn render(
    file: &str,
    profile: Profile,
    kind: DocKind,
    edit: impl FnOnce(&mut Meeting),
) -> Vec<Vec<Seg>> {
    let engine = api::engine(Some(profile));
    let base =
        api::prepare(&engine, &sample(file)).unwrap_or_else(|r| panic!("{file}: {}", r.problems));
    let mut meeting = api::meeting(&base).clone();
    edit(&mut meeting);
    let prepared = api::with_meeting(&engine, &base, meeting);
    let typeset = api::typeset(&engine, &prepared, kind, "signers")
        .unwrap_or_else(|e| panic!("{file} {kind}: {e}"));
    pages(&typeset.pdf)
}

/// The lines of the signature block standing over the signer's `name` on `page`: the
/// segments centred with the name above its signature space, each at most 1.6 lines under
/// the one before, top to bottom.
fn block_over(page: &[Seg], name: &str) -> Vec<Seg> {
    let signer = page
        .iter()
        .find(|s| plain(s) == name)
        .unwrap_or_else(|| panic!("no signer {name:?} on the page: {page:#?}"));
    let mut above: Vec<&Seg> = page
        .iter()
        .filter(|s| {
            (centre(s) - centre(signer)).abs() < 10.0
                && s.baseline < signer.baseline - 1.0
                && signer.baseline - s.baseline < 200.0
        })
        .collect();
    above.sort_by(|a, b| b.baseline.total_cmp(&a.baseline));
    let mut block: Vec<Seg> = Vec::new();
    for s in above {
        match block.last() {
            Some(prev) if prev.baseline - s.baseline > 1.6 * s.size => break,
            _ => block.push(s.clone()),
        }
    }
    block.reverse();
    assert!(!block.is_empty(), "nothing over {name:?}");
    block
}

/// `block` as (text, bold) per line.
fn lines(block: &[Seg]) -> Vec<(String, bool)> {
    block.iter().map(|s| (plain(s), s.bold)).collect()
}

/// The header zone of `page`: the segments above the line whose text is `title`.
fn header_zone<'a>(page: &'a [Seg], title: &str) -> Vec<&'a Seg> {
    let t = page
        .iter()
        .find(|s| plain(s) == title)
        .unwrap_or_else(|| panic!("no title {title:?}: {page:#?}"));
    page.iter()
        .filter(|s| s.baseline < t.baseline - 1.0)
        .collect()
}

/// The segment of `zone` reading `text`, which must be there.
fn seg<'a>(zone: &[&'a Seg], text: &str) -> &'a Seg {
    zone.iter()
        .find(|s| plain(s) == text)
        .copied()
        .unwrap_or_else(|| {
            panic!(
                "no {text:?} in {:?}",
                zone.iter().map(|s| plain(s)).collect::<Vec<_>>()
            )
        })
}

#[test]
fn a_deputy_signs_tm_and_kt_in_three_lines_with_the_profiles_weights() {
    for profile in [Profile::Nd30, Profile::Party] {
        let party = profile == Profile::Party;
        let (tm, kt) = if party {
            ("T/M", "K/T")
        } else {
            ("TM.", "KT.")
        };
        let pdf = render("cum-phuong-ky-ket.yaml", profile, DocKind::GiaoUoc, |_| {});
        let page = pdf
            .iter()
            .find(|p| p.iter().any(|s| plain(s) == "Phan Thị Thu Ngân"))
            .expect("the signature grid");
        for (name, ward) in [
            ("Phan Thị Thu Ngân", "TÂN AN"),
            ("Cao Văn Thịnh", "THỦY DƯƠNG"),
        ] {
            let block = lines(&block_over(page, name));
            let what = format!("{profile:?} {name}: {block:?}");
            let text: Vec<&str> = block.iter().map(|(t, _)| t.as_str()).collect();
            // TM. with the ward's full name (wrapped as the cell needs), then KT., then the
            // position: no separate unit line.
            assert_eq!(
                text.join(" "),
                format!("{tm} ỦY BAN NHÂN DÂN PHƯỜNG {ward} {kt} CHỦ TỊCH PHÓ CHỦ TỊCH"),
                "{what}"
            );
            assert!(text[0].starts_with(tm), "{what}");
            let k = text.iter().position(|t| t.starts_with(kt)).expect(&what);
            assert_eq!(k + 2, text.len(), "{what}: KT. is the last line but one");
            // Every line down to KT. bold; the position bold in nd30, regular in the Party format.
            assert!(block[..=k].iter().all(|(_, b)| *b), "{what}");
            assert_eq!(block[k + 1], ("PHÓ CHỦ TỊCH".to_owned(), !party), "{what}");
        }
        // A chairman signing for the committee: TM. with the ward's name, then the position.
        let chair = lines(&block_over(page, "Trịnh Văn Khởi"));
        let text: Vec<&str> = chair.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            text.join(" "),
            format!("{tm} ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG THÀNH CHỦ TỊCH"),
            "{profile:?}: {chair:?}"
        );
        assert_eq!(chair.last().unwrap().1, !party, "{profile:?}: {chair:?}");
    }
}

#[test]
fn invitations_go_out_under_the_head_units_header_and_number() {
    for profile in [Profile::Nd30, Profile::Party] {
        let party = profile == Profile::Party;
        let pdf = render("cum-phuong-ky-ket.yaml", profile, DocKind::GiayMoi, |_| {});
        // 2 guests and 5 wards (the head ward sends them, `except`): every invitation under
        // the head ward's header and number.
        assert_eq!(pdf.len(), 7);
        for (i, page) in pdf.iter().enumerate() {
            let what = format!("{profile:?} invitation {}", i + 1);
            let zone = header_zone(page, "GIẤY MỜI");
            for name in ["ỦY BAN NHÂN DÂN", "PHƯỜNG ĐÔNG THÀNH"] {
                let s = seg(&zone, name);
                assert!(s.bold && s.x1 < 300.0, "{what}: {s:?}");
            }
            seg(
                &zone,
                if party {
                    "Số 15-GM/UBND"
                } else {
                    "Số: 15/GM-UBND"
                },
            );
            assert!(
                !zone.iter().any(|s| plain(s).contains("CỤM THI ĐUA")),
                "{what}: the bloc's name in the header"
            );
            if party {
                seg(&zone, "*");
            }
            signed_for_the_cluster(page, "Trịnh Văn Khởi", party, &what);
        }
    }
}

/// The block over `signer` on `page` reads "TM. CỤM THI ĐUA" (Party "T/M"), bold, over
/// "TRƯỞNG CỤM", bold in nd30 and regular in the Party format.
fn signed_for_the_cluster(page: &[Seg], signer: &str, party: bool, what: &str) {
    let tm = if party {
        "T/M CỤM THI ĐUA"
    } else {
        "TM. CỤM THI ĐUA"
    };
    assert_eq!(
        lines(&block_over(page, signer)),
        [(tm.to_owned(), true), ("TRƯỞNG CỤM".to_owned(), !party)],
        "{what}"
    );
}

/// `m` with its head unit's header and `letterhead: head_unit` for the proposal and the
/// agreement.
fn under_head_unit(m: &mut Meeting, header: UnitHeader) {
    let head = m.bloc.head_unit.clone().expect("a head unit");
    let unit = m
        .members
        .iter_mut()
        .find(|u| u.id.as_deref() == Some(head.as_str()))
        .expect("the head unit");
    unit.header = Some(header);
    if let Some(p) = &mut m.proposal {
        p.letterhead = Letterhead::HeadUnit;
    }
    m.agreement.letterhead = Letterhead::HeadUnit;
}

#[test]
fn the_proposal_goes_out_under_the_head_units_header_signed_for_the_bloc() {
    let header = UnitHeader {
        superior: Some("UBND tỉnh Lào Cai".into()),
        name: None,
        issuer_code: Some("STC".into()),
    };
    for profile in [Profile::Nd30, Profile::Party] {
        let party = profile == Profile::Party;
        let pdf = render("tong-ket-tron-bo.yaml", profile, DocKind::ToTrinh, |m| {
            under_head_unit(m, header.clone())
        });
        let what = format!("{profile:?} to-trinh");
        let zone = header_zone(&pdf[0], "TỜ TRÌNH");
        let superior = seg(&zone, "UBND TỈNH LÀO CAI");
        let unit = seg(&zone, "SỞ TÀI CHÍNH");
        assert!(!superior.bold && unit.bold, "{what}: {superior:?} {unit:?}");
        assert!(
            unit.baseline > superior.baseline,
            "{what}: the unit under its superior"
        );
        seg(
            &zone,
            if party {
                "Số 07-TTr/STC"
            } else {
                "Số: 07/TTr-STC"
            },
        );
        assert!(
            !zone.iter().any(|s| plain(s).contains("CỤM THI ĐUA")),
            "{what}: the bloc's name in the header"
        );
        signed_for_the_cluster(pdf.last().unwrap(), "Lương Thị Thanh Thủy", party, &what);
    }
}

#[test]
fn the_agreement_may_go_out_under_the_head_units_header() {
    // A Party body under its superior's line is named short: "TỈNH ỦY … / VĂN PHÒNG / *".
    let header = UnitHeader {
        superior: Some("Tỉnh ủy Tuyên Quang".into()),
        name: Some("Văn phòng".into()),
        issuer_code: Some("VPTU".into()),
    };
    let pdf = render(
        "ky-ket-khoi-dang.yaml",
        Profile::Party,
        DocKind::GiaoUoc,
        |m| under_head_unit(m, header),
    );
    let zone = header_zone(&pdf[0], "BẢN GIAO ƯỚC THI ĐUA");
    let superior = seg(&zone, "TỈNH ỦY TUYÊN QUANG");
    let unit = seg(&zone, "VĂN PHÒNG");
    let star = seg(&zone, "*");
    assert!(!superior.bold && unit.bold);
    assert!(superior.baseline < unit.baseline && unit.baseline < star.baseline);
    assert!(
        (centre(star) - centre(unit)).abs() < 4.0,
        "{star:?} under {unit:?}"
    );
    seg(&zone, "Số 03-GƯ/VPTU");
    assert!(!zone.iter().any(|s| plain(s).contains("KHỐI THI ĐUA")));
}

#[test]
fn a_two_line_signer_title_prints_its_authority_bold_and_its_position_regular_in_the_party_format()
{
    for profile in [Profile::Nd30, Profile::Party] {
        let party = profile == Profile::Party;
        // The title as a clerk writes it for the Party format; nd30 prints its own mark.
        let pdf = render("tong-ket-tron-bo.yaml", profile, DocKind::GiayMoi, |m| {
            m.invitation.as_mut().unwrap().signer_title =
                Some("T/M Cụm thi đua\nTrưởng Cụm".into());
            m.proposal.as_mut().unwrap().signer_title = Some("T/M Cụm thi đua\nTrưởng Cụm".into());
        });
        let tm = if party {
            "T/M CỤM THI ĐUA"
        } else {
            "TM. CỤM THI ĐUA"
        };
        let want = [(tm.to_owned(), true), ("TRƯỞNG CỤM".to_owned(), !party)];
        for page in &pdf {
            assert_eq!(
                lines(&block_over(page, "Lương Thị Thanh Thủy")),
                want,
                "{profile:?}"
            );
        }
        let pdf = render("tong-ket-tron-bo.yaml", profile, DocKind::ToTrinh, |m| {
            m.proposal.as_mut().unwrap().signer_title = Some("T/M Cụm thi đua\nTrưởng Cụm".into());
        });
        assert_eq!(
            lines(&block_over(pdf.last().unwrap(), "Lương Thị Thanh Thủy")),
            want,
            "{profile:?} to-trinh"
        );
        // The default one-line title is a position: regular in the Party format.
        let pdf = render("tong-ket-tron-bo.yaml", profile, DocKind::GiayMoi, |_| {});
        assert_eq!(
            lines(&block_over(&pdf[0], "Lương Thị Thanh Thủy")),
            [("TRƯỞNG CỤM THI ĐUA".to_owned(), !party)],
            "{profile:?} default"
        );
    }
}

/// The ward sample with `from` replaced by `to`, checked as `render` does.
fn edited_sample(dir: &Path, from: &str, to: &str) -> Result<api::Prepared, api::Refusal> {
    let text = std::fs::read_to_string(sample("cum-phuong-ky-ket.yaml")).unwrap();
    assert!(text.contains(from), "the sample has no {from:?}");
    let file = write(dir, "cum.yaml", &text.replacen(from, to, 1));
    api::prepare(&api::engine(None), &file)
}

#[test]
fn impossible_signers_and_a_missing_head_unit_are_errors_naming_the_field() {
    let tmp = tempfile::tempdir().unwrap();
    let error = |from: &str, to: &str| match edited_sample(tmp.path(), from, to) {
        Ok(_) => panic!("{to:?} was accepted"),
        Err(r) => r.first_error.unwrap_or_default(),
    };
    for list in [
        "[deputy, by_order]",
        "[none, deputy]",
        "[collective, collective]",
        "[]",
    ] {
        assert_eq!(
            error(
                "      authority: [collective, deputy]",
                &format!("      authority: {list}")
            ),
            "members[1].signer.authority",
            "{list}"
        );
    }
    // A list of collective and the head's deputy still needs the head's title.
    assert_eq!(
        error("      principal_title: Chủ tịch\n", ""),
        "members[1].signer.principal_title"
    );
    assert_eq!(
        error("  head_unit: dong-thanh\n", ""),
        "invitation.letterhead"
    );
    // Warnings: a head unit without its code; on_behalf_of that would not print.
    let warned = |from: &str, to: &str| {
        let p = edited_sample(tmp.path(), from, to).unwrap_or_else(|r| panic!("{}", r.problems));
        api::warning_paths(&p)
    };
    assert_eq!(
        warned(", issuer_code: UBND }", " }"),
        [Some("invitation.letterhead".to_owned())]
    );
    assert_eq!(
        warned(
            "      authority: [collective, deputy]",
            "      authority: deputy\n      on_behalf_of: Ủy ban nhân dân"
        ),
        [Some("members[1].signer.on_behalf_of".to_owned())]
    );
    // The same signer written with the list prints and checks clean.
    assert!(
        warned(
            "      authority: [collective, deputy]",
            "      authority: [deputy, collective]"
        )
        .is_empty()
    );
}

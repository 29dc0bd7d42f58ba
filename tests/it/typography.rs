//! The typography of every sample document, in both profiles, measured on the PDF as the
//! spec's checker measures it (spec §10, §12 points 12, 15, 27, 28, 30): body line pitch
//! between single (1.15 em) and 1.5 lines with at least 6 pt between paragraphs, the Nơi nhận
//! list of each profile, no lines printed over each other, no heading at a page foot, and no
//! person's or place name broken across lines.

use hoinghi::model::{Commitment, Meeting, Profile};

use crate::support::api::{self, DocKind};
use crate::support::common::sample_files;
use crate::support::pdf::{self as geometry, Seg};

/// Every document of every sample in `profile`: (what, meeting, kind, pages).
fn documents(profile: Profile) -> Vec<(String, Meeting, DocKind, Vec<Vec<Seg>>)> {
    let engine = api::engine(Some(profile));
    let mut out = Vec::new();
    for file in sample_files() {
        let prepared = api::prepare(&engine, &file).unwrap();
        let meeting = api::meeting(&prepared);
        for kind in api::available(&engine, &prepared) {
            let typeset = api::typeset(&engine, &prepared, kind, "typography").unwrap();
            let what = format!("{} {kind} ({profile:?})", file.display());
            let parts = &typeset.parts;
            if parts.is_empty() {
                out.push((what, meeting.clone(), kind, geometry::pages(&typeset.pdf)));
            } else {
                // Invitations: each page is a document of its own; the first and the last.
                for (name, pdf) in [parts.first(), parts.last()].into_iter().flatten() {
                    out.push((
                        format!("{what} {name}"),
                        meeting.clone(),
                        kind,
                        geometry::pages(pdf),
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn body_spacing_overprinting_headings_and_names() {
    for profile in [Profile::Nd30, Profile::Party] {
        for (what, meeting, kind, pages) in documents(profile) {
            // 12: pitch between single and 1.5 lines; at least 6 pt between paragraphs. (The
            // programme and the attendance sheet are tables: no running text to measure.)
            match geometry::body_pitch(&pages) {
                Some((pitch, size, gap)) => {
                    let single = 1.15 * size;
                    assert!(
                        pitch >= single - 0.4 && pitch <= 1.5 * single + 0.5,
                        "{what}: line pitch {pitch:.2} pt at {size} pt (single {single:.2})"
                    );
                    if let Some(gap) = gap {
                        assert!(gap >= 5.4, "{what}: paragraph gap {gap:.2} pt");
                    }
                }
                None => assert!(
                    matches!(kind, DocKind::ChuongTrinh | DocKind::DanhSach),
                    "{what}: no body text"
                ),
            }
            // 27: lines never printed over each other.
            let clashes = geometry::overprints(&pages);
            assert!(clashes.is_empty(), "{what}: overprinting {clashes:?}");
            // 28: no heading or Nơi nhận label at the foot of a page.
            let stranded = geometry::stranded_headings(&pages);
            assert!(stranded.is_empty(), "{what}: stranded {stranded:?}");
            // 30: names of people and places on one line.
            let mut names: Vec<&str> =
                vec![meeting.chair.name.as_str(), meeting.bloc.place.as_str()];
            names.extend(meeting.members.iter().map(|u| u.signer.name.as_str()));
            names.extend(meeting.guests.iter().map(|g| g.name.as_str()));
            names.extend(meeting.secretary.iter().map(|s| s.name.as_str()));
            let broken = geometry::broken_names(&pages, &names);
            assert!(
                broken.is_empty(),
                "{what}: names broken across lines {broken:?}"
            );
            if kind == DocKind::BaiTin {
                assert!(geometry::recipients(&pages).is_none(), "{what}");
            }
        }
    }
}

#[test]
fn recipients_follow_the_profile() {
    for profile in [Profile::Nd30, Profile::Party] {
        for (what, _, kind, pages) in documents(profile) {
            // The article, the programme, the sheet and the vote count have no Nơi nhận.
            if matches!(
                kind,
                DocKind::BaiTin
                    | DocKind::ChuongTrinh
                    | DocKind::DanhSach
                    | DocKind::BienBanKiemPhieu
            ) {
                continue;
            }
            let r =
                geometry::recipients(&pages).unwrap_or_else(|| panic!("{what}: no Nơi nhận list"));
            let (label_size, item_size) = match profile {
                Profile::Nd30 => (12.0, 11.0),
                Profile::Party => (14.0, 12.0),
            };
            assert!(
                (r.label.size - label_size).abs() < 0.3,
                "{what}: label {}",
                r.label.size
            );
            match profile {
                // NĐ 30: "Nơi nhận:" bold italic; HD 36: upright (and underlined).
                Profile::Nd30 => assert!(r.label.bold && r.label.italic, "{what}: label style"),
                Profile::Party => assert!(!r.label.italic, "{what}: label style"),
            }
            assert!(!r.items.is_empty(), "{what}: no items");
            for s in r.item_sizes() {
                assert!((s - item_size).abs() < 0.3, "{what}: item size {s}");
            }
            assert!(
                r.hanging(),
                "{what}: wrapped items must hang under the text"
            );
            let last = r.last_item().unwrap_or_default().replace('\u{a0}', " ");
            match profile {
                Profile::Nd30 => assert!(last.starts_with("- Lưu: VT,"), "{what}: {last}"),
                Profile::Party => {
                    assert!(
                        last.starts_with("- Lưu ") && !last.contains(':'),
                        "{what}: {last}"
                    )
                }
            }
            assert!(r.last_line().unwrap_or_default().ends_with('.'), "{what}");
            for item in &r.items[..r.items.len() - 1] {
                assert!(
                    item.text.ends_with(';') || r.lines.len() > r.items.len(),
                    "{what}: {}",
                    item.text
                );
            }
        }
    }
}

/// The page holding the first segment whose text starts with `start`.
fn page_of(pages: &[Vec<Seg>], start: &str) -> Option<usize> {
    pages.iter().position(|segs| {
        segs.iter()
            .any(|s| s.text.replace('\u{a0}', " ").starts_with(start))
    })
}

/// The signing sample (ky-ket-khoi-dang), prepared: the base the pagination cases grow.
fn signing_sample(engine: &api::Engine) -> api::Prepared {
    let file = sample_files()
        .into_iter()
        .find(|f| f.ends_with("ky-ket-khoi-dang.yaml"))
        .unwrap();
    api::prepare(engine, &file).unwrap()
}

/// Commitment number `i` added to grow the agreement's body by a two-line paragraph.
fn added_commitment(i: usize) -> Commitment {
    Commitment {
        text: format!(
            "Cam kết bổ sung số {i}: tổ chức tốt các hoạt động thi đua chuyên đề, \
             sơ kết, rút kinh nghiệm kịp thời và báo cáo Trưởng Khối đúng hạn."
        ),
        items: Vec::new(),
    }
}

/// Hard case: as the body grows one paragraph at a time, the signature block reaches every
/// position on the page, the page foot included. It never stands alone on a page: the body's
/// closing sentence is always on the page where the signatures begin, and no heading is left
/// at a page foot.
#[test]
fn signature_block_never_stands_alone_at_any_page_break() {
    let engine = api::engine(None);
    let base = signing_sample(&engine);
    for extra in 0..16 {
        let mut meeting = api::meeting(&base).clone();
        for i in 0..extra {
            meeting.commitments[1].items.push(added_commitment(i));
            meeting.conclusions.push(format!(
                "Kết luận bổ sung số {i}: giao các đơn vị hoàn thành nhiệm vụ đúng thời hạn."
            ));
        }
        let prepared = api::with_meeting(&engine, &base, meeting);
        for (kind, closing, signatures) in [
            (
                DocKind::GiaoUoc,
                "Bản giao ước thi đua được lập",
                "ĐẠI DIỆN CÁC ĐƠN VỊ",
            ),
            (
                DocKind::BienBan,
                "Hội nghị kết thúc vào",
                "NGƯỜI GHI BIÊN BẢN",
            ),
        ] {
            let typeset = api::typeset(&engine, &prepared, kind, "break").unwrap();
            let pages = geometry::pages(&typeset.pdf);
            let what = format!("{kind} with {extra} extra paragraphs");
            let closing_page = page_of(&pages, closing).unwrap_or_else(|| panic!("{what}"));
            let sign_page = page_of(&pages, signatures).unwrap_or_else(|| panic!("{what}"));
            assert_eq!(
                closing_page,
                sign_page,
                "{what}: the signatures start on page {} without the closing sentence (page {})",
                sign_page + 1,
                closing_page + 1
            );
            let stranded = geometry::stranded_headings(&pages);
            assert!(stranded.is_empty(), "{what}: stranded {stranded:?}");
        }
    }
}

/// The foot of the text area: an A4 page (842 pt) less the 20 mm bottom margin.
const TEXT_FOOT: f32 = 842.0 - 20.0 * 72.0 / 25.4;

/// Issue 22, "a half-empty first page": when the signatures move to the next page only the
/// closing sentence goes with them. As the body grows one paragraph at a time before tall
/// signature cells (a deputy signing KT., two-line unit names), whenever the page where the
/// signatures begin opens with anything but the closing sentence, the page before it was
/// full: less than 70 pt (three lines and their gaps, what a heading and the two lines it
/// keeps need) left at its foot. A section moved with the signatures would leave a third of
/// the page (about 240 pt) empty. The Nơi nhận list after the grid is never split.
#[test]
fn only_the_closing_sentence_goes_with_the_signatures() {
    let engine = api::engine(None);
    let base = signing_sample(&engine);
    let mut tall = api::meeting(&base).clone();
    for (i, unit) in tall.members.iter_mut().enumerate() {
        unit.name = format!("Ủy ban nhân dân phường Hoàng Văn Thụ số {}", i + 1);
        unit.signer.title = "Phó Chủ tịch".into();
        unit.signer.authority = hoinghi::model::Authority::Deputy.into();
        unit.signer.principal_title = Some("Chủ tịch".into());
    }
    let closing = "Bản giao ước thi đua được lập";
    for profile in [Profile::Nd30, Profile::Party] {
        let engine = api::engine(Some(profile));
        for extra in 0..14 {
            let mut meeting = tall.clone();
            for i in 0..extra {
                meeting.commitments[1].items.push(added_commitment(i));
            }
            let prepared = api::with_meeting(&engine, &base, meeting);
            let typeset = api::typeset(&engine, &prepared, DocKind::GiaoUoc, "half").unwrap();
            let pages = geometry::pages(&typeset.pdf);
            let what = format!("{profile:?} with {extra} extra items");
            // A short Nơi nhận list is never split across pages.
            assert_eq!(
                page_of(&pages, "Nơi nhận"),
                page_of(&pages, "- Lưu"),
                "{what}: the Nơi nhận list is split across pages"
            );
            let sign_page =
                page_of(&pages, "ĐẠI DIỆN CÁC ĐƠN VỊ").unwrap_or_else(|| panic!("{what}"));
            if sign_page == 0 {
                continue;
            }
            // The page's first line of body text (its page number left out).
            let first = pages[sign_page]
                .iter()
                .find(|s| !s.text.chars().all(|c| c.is_ascii_digit()))
                .unwrap();
            if first.text.replace('\u{a0}', " ").starts_with(closing) {
                continue;
            }
            let last = pages[sign_page - 1]
                .iter()
                .map(|s| s.baseline)
                .fold(0.0_f32, f32::max);
            let free = TEXT_FOOT - last;
            assert!(
                free < 70.0,
                "{what}: page {} opens with {:?} though {free:.0} pt were free at the foot of page {}",
                sign_page + 1,
                first.text,
                sign_page
            );
        }
    }
}

/// Point 32 (issue 22): the programme, attendance sheet, proposal, vote count and every
/// invitation of every sample, in both profiles, break no table cell or centred line inside a
/// compound ("Tỉnh | ủy", "Văn | phòng"), a province's name or "năm | 2024".
#[test]
fn cells_and_centred_lines_keep_compounds() {
    for profile in [Profile::Nd30, Profile::Party] {
        let engine = api::engine(Some(profile));
        for file in sample_files() {
            let prepared = api::prepare(&engine, &file).unwrap();
            for kind in api::available(&engine, &prepared) {
                if !matches!(
                    kind,
                    DocKind::ChuongTrinh
                        | DocKind::DanhSach
                        | DocKind::ToTrinh
                        | DocKind::BienBanKiemPhieu
                        | DocKind::GiayMoi
                ) {
                    continue;
                }
                let typeset = api::typeset(&engine, &prepared, kind, "cells").unwrap();
                let what = format!("{} {kind} ({profile:?})", file.display());
                let mut pdfs = vec![(String::new(), &typeset.pdf)];
                if !typeset.parts.is_empty() {
                    pdfs = typeset
                        .parts
                        .iter()
                        .map(|(n, p)| (n.to_string(), p))
                        .collect();
                }
                for (name, pdf) in pdfs {
                    let broken = geometry::broken_compounds(&geometry::pages(pdf));
                    assert!(broken.is_empty(), "{what} {name}: {broken:?}");
                }
            }
        }
    }
}

/// A data table's row never splits across pages: a tall row at the foot of a page moves whole
/// to the next (found by the generated meetings; `breakable: false` must be a set rule).
#[test]
fn a_table_row_moves_whole_to_the_next_page() {
    let engine = api::engine(None);
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/to-trinh-hang-qua-trang.yaml");
    let prepared = api::prepare(&engine, &file).unwrap();
    let typeset = api::typeset(&engine, &prepared, DocKind::ToTrinh, "row").unwrap();
    let name = "Sở Tổ chức, Tổ chức, Nông nghiệp và Môi trường, Ngoại vụ, Bảo trợ xã hội, Khoa học và Công nghệ";
    // The proposal's rows 1, 2 and 4 hold that name; the fourth reaches the page's foot.
    let rows = 3;
    let pages = typeset.document.pages().len();
    assert!(pages >= 2, "the sample no longer reaches a second page");
    let whole: usize = (0..pages)
        .map(|p| {
            let text = geometry::squash(&geometry::page_layout_text(&typeset.document, p));
            text.matches(&geometry::squash(name)).count()
        })
        .sum();
    assert_eq!(whole, rows, "a row of {name:?} is split across pages");
}

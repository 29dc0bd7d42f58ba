//! The vote-count minutes as offices make them (issue 22, item 3) and votes counted by unit
//! (item 6): one minutes per secret ballot (`counting.per_ballot`), each its own document with
//! its number, motion, figures and times, named `bien-ban-kiem-phieu-<n>` in every output;
//! the counting's own start time; the head signing for the committee ("TM./T/M BAN KIỂM
//! PHIẾU" / "TRƯỞNG BAN") with each profile's weights; "8 đơn vị" for a vote by unit. Read on
//! the PDFs' text.

use std::path::{Path, PathBuf};

use crate::support::api::{self, DocKind};
use crate::support::common::{hoinghi, render, sample, stderr};
use crate::support::pdf::{Seg, pages, squash};

/// The review of a Party bloc with two secret ballots, each with its own minutes.
const SAMPLE: &str = "tong-ket-khoi-dang-bo-phieu.yaml";

/// The motions of its two secret ballots, as the minutes' subject lines print them.
const CO_THI_DUA: &str = "Bình xét, suy tôn 02 đơn vị dẫn đầu Khối thi đua năm 2025 đề nghị Ủy ban nhân dân tỉnh tặng Cờ thi đua";
const TRUONG_KHOI: &str = "Bầu đơn vị Trưởng Khối thi đua năm 2026";

/// The segments of every page of the PDF at `path`, no-break spaces read as spaces.
fn segments(path: &Path) -> Vec<Seg> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    pages(&bytes)
        .into_iter()
        .flatten()
        .map(|mut s| {
            s.text = s.text.replace('\u{a0}', " ");
            s
        })
        .collect()
}

/// The text of the PDF at `path`, without whitespace (lines break anywhere).
fn text(path: &Path) -> String {
    let segs = segments(path);
    squash(&segs.iter().map(|s| s.text.as_str()).collect::<String>())
}

/// Asserts `text` (squashed) holds each of `needles` and none of `absent`.
fn says(what: &str, text: &str, needles: &[&str], absent: &[&str]) {
    for n in needles {
        assert!(text.contains(&squash(n)), "{what}: lacks {n:?}\n{text}");
    }
    for n in absent {
        assert!(!text.contains(&squash(n)), "{what}: prints {n:?}\n{text}");
    }
}

/// The files in `dir` whose names start with `prefix`, sorted.
fn files_starting(dir: &Path, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect();
    names.sort();
    names
}

#[test]
fn per_ballot_makes_one_minutes_per_secret_ballot_each_with_its_own_figures() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out) = render(
        &sample(SAMPLE),
        tmp.path(),
        &["--doc", "bien-ban-kiem-phieu"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        files_starting(&dir, "bien-ban-kiem-phieu"),
        ["bien-ban-kiem-phieu-1.pdf", "bien-ban-kiem-phieu-2.pdf"]
    );
    let first = text(&dir.join("bien-ban-kiem-phieu-1.pdf"));
    says(
        "ballot 1",
        &first,
        &[
            "BIÊN BẢN KIỂM PHIẾU",
            CO_THI_DUA,
            "Số 03-BB/KTĐ",
            "Vào 9 giờ 40 phút, thứ Sáu, ngày 19 tháng 12 năm 2025",
            "Ban kiểm phiếu do hội nghị tổng kết công tác thi đua, khen thưởng năm 2025 bầu gồm:",
            "Số phiếu phát ra: 24; số phiếu thu về: 24; số phiếu hợp lệ: 23; số phiếu không hợp lệ: 1.",
            "Mỗi phiếu chọn không quá 2 trong số 8 đơn vị được giới thiệu.",
            "Ban Tổ chức Tỉnh ủy (được chọn)",
            "82,61%",
            "Các đơn vị được chọn: Ban Tổ chức Tỉnh ủy và Ủy ban Kiểm tra Tỉnh ủy.",
            "Việc kiểm phiếu kết thúc vào 10 giờ 05 phút, ngày 19 tháng 12 năm 2025.",
        ],
        &[
            TRUONG_KHOI,
            "trúng cử",
            "Số 04-BB",
            "10 giờ 10 phút",
            "1. Bình xét",
        ],
    );
    let second = text(&dir.join("bien-ban-kiem-phieu-2.pdf"));
    says(
        "ballot 2",
        &second,
        &[
            TRUONG_KHOI,
            "Số 04-BB/KTĐ",
            "Vào 10 giờ 10 phút, thứ Sáu, ngày 19 tháng 12 năm 2025",
            "Số phiếu phát ra: 24; số phiếu thu về: 24; số phiếu hợp lệ: 24; số phiếu không hợp lệ: 0.",
            "87,5%",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy trúng cử Trưởng Khối thi đua năm 2026.",
            "Việc kiểm phiếu kết thúc vào 10 giờ 25 phút",
        ],
        &[
            CO_THI_DUA,
            "(được chọn)",
            "Số 03-BB",
            "9 giờ 40 phút",
            "số phiếu hợp lệ: 23",
        ],
    );
    let err = stderr(&out);
    assert!(err.contains("bien-ban-kiem-phieu-2.pdf"), "{err}");
}

#[test]
fn per_ballot_names_serve_emit_typst_png_and_the_batch_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out) = render(
        &sample(SAMPLE),
        tmp.path(),
        &[
            "--doc",
            "bien-ban-kiem-phieu",
            "--emit-typst",
            "--format",
            "pdf,png",
            "--ppi",
            "20",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let made = files_starting(&dir, "bien-ban-kiem-phieu");
    for name in [
        "bien-ban-kiem-phieu-1.typ",
        "bien-ban-kiem-phieu-2.typ",
        "bien-ban-kiem-phieu-1-1.png",
        "bien-ban-kiem-phieu-2-1.png",
    ] {
        assert!(made.iter().any(|m| m == name), "{name} not in {made:?}");
    }
    assert!(
        !made.iter().any(|m| m == "bien-ban-kiem-phieu.pdf"
            || m == "bien-ban-kiem-phieu.typ"
            || m == "bien-ban-kiem-phieu-1.png"),
        "{made:?}"
    );
    // Each source is that ballot's alone (its words joined by Typst escapes of no-break marks).
    let source = std::fs::read_to_string(dir.join("bien-ban-kiem-phieu-2.typ")).unwrap();
    assert!(
        source.contains("Trưởng") && !source.contains("Cờ"),
        "{source}"
    );

    let batch_out = tmp.path().join("batch");
    let run = hoinghi()
        .args(["batch", "--doc", "bien-ban-kiem-phieu", "-o"])
        .arg(&batch_out)
        .arg(sample(SAMPLE))
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(batch_out.join("manifest.json")).unwrap()).unwrap();
    let outputs: Vec<(String, String)> = manifest["meetings"][0]["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let path = PathBuf::from(o["path"].as_str().unwrap());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (o["kind"].as_str().unwrap().to_owned(), name)
        })
        .collect();
    let kind = "bien-ban-kiem-phieu".to_owned();
    assert_eq!(
        outputs,
        [
            (kind.clone(), "bien-ban-kiem-phieu-1.pdf".to_owned()),
            (kind, "bien-ban-kiem-phieu-2.pdf".to_owned()),
        ]
    );
}

#[test]
fn the_library_typesets_each_ballot_on_its_own() {
    let engine = api::engine(None);
    let prepared = api::prepare(&engine, &sample(SAMPLE)).unwrap();
    let each = api::typeset_each(&engine, &prepared, DocKind::BienBanKiemPhieu, "t").unwrap();
    let stems: Vec<&str> = each.iter().map(|(stem, _)| stem.as_str()).collect();
    assert_eq!(stems, ["bien-ban-kiem-phieu-1", "bien-ban-kiem-phieu-2"]);
    for ((_, typeset), motion) in each.iter().zip([CO_THI_DUA, TRUONG_KHOI]) {
        let t = squash(&crate::support::pdf::facts(&typeset.pdf).text);
        assert!(t.contains(&squash(motion)), "{motion}");
    }
}

/// The signature block of the last page of `pdf`: the segments in the right half below the
/// closing sentence.
fn right_half(pdf: &Path) -> Vec<Seg> {
    let bytes = std::fs::read(pdf).unwrap();
    let last = pages(&bytes).pop().unwrap();
    last.into_iter()
        .filter(|s| s.x0 > 595.28 / 2.0 - 10.0)
        .map(|mut s| {
            s.text = s.text.replace('\u{a0}', " ");
            s
        })
        .collect()
}

#[test]
fn the_head_signs_for_the_committee_with_each_profiles_weights() {
    for (profile, on_behalf, position_bold) in [
        ("nd30", "TM. BAN KIỂM PHIẾU", true),
        ("party", "T/M BAN KIỂM PHIẾU", false),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let (dir, out) = render(
            &sample(SAMPLE),
            tmp.path(),
            &["--doc", "bien-ban-kiem-phieu", "--profile", profile],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        for n in [1, 2] {
            let pdf = dir.join(format!("bien-ban-kiem-phieu-{n}.pdf"));
            let what = format!("{profile} ballot {n}");
            let right = right_half(&pdf);
            let line = |t: &str| {
                right
                    .iter()
                    .find(|s| s.text == t)
                    .unwrap_or_else(|| panic!("{what}: no line {t:?} on the right: {right:?}"))
            };
            assert!(line(on_behalf).bold, "{what}: {on_behalf} not bold");
            assert_eq!(line("TRƯỞNG BAN").bold, position_bold, "{what}: TRƯỞNG BAN");
            assert!(line("Hoàng Văn Lực").bold, "{what}: the head's name");
            assert!(
                line(on_behalf).baseline < line("TRƯỞNG BAN").baseline
                    && line("TRƯỞNG BAN").baseline < line("Hoàng Văn Lực").baseline,
                "{what}: the lines out of order"
            );
            // The other members sign nothing: their names stand only in the committee's list.
            let all = segments(&pdf);
            for other in ["Dương Minh Khuê", "Mạc Đình Khương"] {
                assert!(
                    !all.iter().any(|s| s.text == other),
                    "{what}: {other} signs"
                );
            }
            assert!(!all.iter().any(|s| s.text == "BAN KIỂM PHIẾU"));
        }
    }
}

#[test]
fn by_default_one_minutes_of_every_ballot_signed_by_every_member() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out) = render(
        &sample("tong-ket-tron-bo.yaml"),
        tmp.path(),
        &["--doc", "bien-ban-kiem-phieu"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        files_starting(&dir, "bien-ban-kiem-phieu"),
        ["bien-ban-kiem-phieu.pdf"]
    );
    let pdf = dir.join("bien-ban-kiem-phieu.pdf");
    says(
        "tong-ket-tron-bo",
        &text(&pdf),
        &[
            "Vào 8 giờ 00 phút, thứ Năm",
            "Ban kiểm phiếu do hội nghị bầu gồm:",
            "1. Bầu đơn vị Trưởng Cụm thi đua năm 2026",
            "3. Bình xét 03 đơn vị",
            "Số: 06/BB-CTĐKTTH",
        ],
        &["TM. BAN KIỂM PHIẾU"],
    );
    let all = segments(&pdf);
    for name in [
        "Ma Quang Vỹ",
        "Bùi Thị Ngữ",
        "Đinh Văn Lựu",
        "BAN KIỂM PHIẾU",
    ] {
        assert!(all.iter().any(|s| s.text == name), "{name} does not sign");
    }
}

#[test]
fn the_counting_start_time_is_printed_instead_of_the_meetings() {
    let engine = api::engine(None);
    let base = api::prepare(&engine, &sample("tong-ket-tron-bo.yaml")).unwrap();
    let mut meeting = api::meeting(&base).clone();
    meeting.counting.as_mut().unwrap().start_time = Some("09:20".into());
    let prepared = api::with_meeting(&engine, &base, meeting);
    let typeset = api::typeset(&engine, &prepared, DocKind::BienBanKiemPhieu, "t").unwrap();
    says(
        "start_time",
        &squash(&crate::support::pdf::facts(&typeset.pdf).text),
        &[
            "Vào 9 giờ 20 phút, thứ Năm, ngày 18 tháng 12 năm 2025",
            "kết thúc vào 9 giờ 55 phút",
        ],
        &["Vào 8 giờ 00 phút"],
    );
}

#[test]
fn a_vote_counted_by_unit_is_worded_in_units() {
    for profile in ["nd30", "party"] {
        let tmp = tempfile::tempdir().unwrap();
        let (dir, out) = render(
            &sample(SAMPLE),
            tmp.path(),
            &["--doc", "bien-ban", "--profile", profile],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        says(
            profile,
            &text(&dir.join("bien-ban.pdf")),
            &[
                "Hội nghị biểu quyết (giơ tay) về: thông qua báo cáo tổng kết",
                "Số đơn vị biểu quyết: 8. Tỷ lệ tính trên tổng số đơn vị có mặt biểu quyết (8).",
                "Kết quả: Đồng ý: 8 đơn vị, chiếm 100%; Không đồng ý: 0 đơn vị, chiếm 0%.",
                // The secret ballots are still counted in ballots.
                "Số phiếu phát ra: 24",
            ],
            &["8 đại biểu", "Số đại biểu biểu quyết"],
        );
    }
}

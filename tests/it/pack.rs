//! The whole paperwork pack (issue 16): invitations (one per guest and member unit, and one
//! combined file), programme, attendance sheet (header on every page, rows whole), vote-count
//! minutes (shares recomputed), award proposal; `--doc all`; `--draft`; blank number and date
//! placeholders; batch with `--doc`.

use std::path::{Path, PathBuf};

use crate::support::common::{hoinghi, render, sample, stderr, write};

/// The text of each page, lines joined with spaces, no-break spaces as spaces.
fn page_texts(pdf: &Path) -> Vec<String> {
    let bytes = std::fs::read(pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
    crate::support::pdf::pages(&bytes)
        .iter()
        .map(|segs| {
            segs.iter()
                .map(|s| s.text.replace('\u{a0}', " "))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn doc_all_makes_every_kind_with_data_and_names_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out) = render(
        &sample("tong-ket-tron-bo.yaml"),
        tmp.path(),
        &["--doc", "all"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for kind in [
        "bien-ban",
        "bai-tin",
        "giay-moi",
        "chuong-trinh",
        "danh-sach",
        "bien-ban-kiem-phieu",
        "to-trinh",
    ] {
        assert!(
            dir.join(format!("{kind}.pdf")).is_file(),
            "{kind}.pdf missing"
        );
    }
    assert!(!dir.join("giao-uoc.pdf").exists());
    let err = stderr(&out);
    assert!(err.contains("chưa soạn: giao-uoc (`commitments`)"), "{err}");
}

#[test]
fn one_invitation_per_guest_and_unit_and_one_file_to_print() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out) = render(
        &sample("tong-ket-tron-bo.yaml"),
        tmp.path(),
        &["--doc", "giay-moi"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let combined = page_texts(&dir.join("giay-moi.pdf"));
    // 2 guests + 10 member units.
    assert_eq!(combined.len(), 12);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("giay-moi"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 12);
    let expected = [
        (
            "01-le-trong-huu.pdf",
            "Ông Lê Trọng Hữu - Phó Chủ tịch Ủy ban nhân dân tỉnh",
            "Rất mong ông",
        ),
        ("02-lo-thi-yen.pdf", "Bà Lò Thị Yến", "Rất mong bà"),
        (
            "03-so-tai-chinh.pdf",
            "Lãnh đạo Sở Tài chính",
            "Rất mong đơn vị",
        ),
        (
            "12-quy-dau-tu-phat-trien-tinh.pdf",
            "Lãnh đạo Quỹ Đầu tư phát triển tỉnh",
            "Rất mong đơn vị",
        ),
    ];
    for (name, addressee, closing) in expected {
        let path = dir.join("giay-moi").join(name);
        let pages = page_texts(&path);
        assert_eq!(pages.len(), 1, "{name}");
        let text = &pages[0];
        for needle in [
            addressee,
            closing,
            "GIẤY MỜI",
            "Số: 12/GM-CTĐKTTH",
            "Lào Cai, ngày 10 tháng 12 năm 2025",
            "Thời gian:",
            "Địa điểm:",
            "Chủ trì:",
        ] {
            assert!(text.contains(needle), "{name}: no {needle:?} in {text}");
        }
        // No page number on a one-page invitation.
        assert!(!text.split_whitespace().any(|w| w == "2"), "{name}: {text}");
    }
    for (i, page) in combined.iter().enumerate() {
        let own = page_texts(&files[i]);
        assert_eq!(&own[0], page, "page {} differs from its own file", i + 1);
    }
}

/// A meeting with `extra` appended to the minimal one of the CLI tests.
fn meeting(extra: &str) -> String {
    crate::support::common::minimal(extra)
}

#[test]
fn attendance_sheet_repeats_its_header_and_keeps_rows_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let mut people = String::new();
    for i in 0..45 {
        people.push_str(&format!(
            "    - {{ name: Nguyễn Thị Ngọc Ánh {i:02}, title: Phó Trưởng phòng Tổng hợp - Hành chính, unit: Văn phòng Ủy ban nhân dân tỉnh }}\n"
        ));
    }
    let file = write(
        tmp.path(),
        "danh-sach-dai.yaml",
        &meeting(&format!(
            "attendance:\n  blank_rows: 3\n  people:\n{people}"
        )),
    );
    let (dir, out) = render(&file, &tmp.path().join("out"), &["--doc", "danh-sach"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = page_texts(&dir.join("danh-sach.pdf"));
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        for head in ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Ký tên"] {
            assert!(page.contains(head), "page {}: no header {head:?}", i + 1);
        }
    }
    // Every person once, on one page, whole.
    for i in 0..45 {
        let name = format!("Nguyễn Thị Ngọc Ánh {i:02}");
        let on: Vec<usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.contains(&name))
            .map(|(n, _)| n)
            .collect();
        assert_eq!(on.len(), 1, "{name} on pages {on:?}");
    }
    // 2 signers + 45 people + 3 blank rows.
    let all = pages.join(" ");
    assert!(
        all.contains("Danh sách có 47 đại biểu và 3 dòng để trống"),
        "{all}"
    );
}

#[test]
fn vote_count_minutes_recompute_the_shares() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out) = render(
        &sample("tong-ket-tron-bo.yaml"),
        tmp.path(),
        &["--doc", "bien-ban-kiem-phieu"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = page_texts(&dir.join("bien-ban-kiem-phieu.pdf")).join(" ");
    // 9 valid ballots: 8 → 88,89%, 7 → 77,78%, 6 → 66,67%; ranked, the three chosen marked.
    for needle in [
        "BIÊN BẢN KIỂM PHIẾU",
        "Số phiếu phát ra: 9; số phiếu thu về: 9; số phiếu hợp lệ: 9; số phiếu không hợp lệ: 0",
        "Sở Công Thương (được chọn) 8 88,89%",
        "Sở Xây dựng (được chọn) 7 77,78%",
        "Sở Khoa học và Công nghệ (được chọn) 6 66,67%",
        "Sở Tư pháp 3 33,33%",
        "BAN KIỂM PHIẾU",
        "TRƯỞNG BAN",
        "Ma Quang Vỹ",
        // The two ballots whose method alone says "bỏ phiếu kín" are reported too.
        "1. Bầu đơn vị Trưởng Cụm thi đua năm 2026",
        "2. Suy tôn Sở Tài chính là đơn vị dẫn đầu Cụm thi đua năm 2025",
        "3. Bình xét 03 đơn vị",
    ] {
        assert!(text.contains(needle), "no {needle:?} in {text}");
    }
    let first = text.find("Sở Công Thương (được chọn)").unwrap();
    let fourth = text.find("Sở Tư pháp 3").unwrap();
    assert!(first < fourth, "not ranked");
}

/// Votes for `secret_ballot_by_method_is_counted`: two secret by their method alone (one in
/// capitals), one by the flag, one by show of hands.
const BALLOTS_BY_METHOD: &str = r#"votes:
  - motion: bầu đơn vị Trưởng Cụm thi đua năm 2027
    method: bỏ phiếu kín
    voters: 2
    options:
      - { label: Sở Tài chính, count: 2 }
  - motion: suy tôn đơn vị dẫn đầu Cụm
    method: Bỏ phiếu KÍN
    voters: 2
    options:
      - { label: Đồng ý, count: 2 }
  - motion: bình xét đơn vị tặng Bằng khen
    secret: true
    voters: 2
    options:
      - { label: Đồng ý, count: 2 }
  - motion: thông qua báo cáo tổng kết
    method: giơ tay
    voters: 2
    options:
      - { label: Đồng ý, count: 2 }
counting:
  committee:
    - { name: Lù Thị Mỷ, title: Chánh Văn phòng Sở Tài chính }
"#;

#[test]
fn secret_ballot_by_method_is_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "kin.yaml", &meeting(BALLOTS_BY_METHOD));
    let out = hoinghi()
        .args(["check", "--doc", "bien-ban-kiem-phieu"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let (dir, out) = render(
        &file,
        &tmp.path().join("out"),
        &["--doc", "bien-ban-kiem-phieu"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = page_texts(&dir.join("bien-ban-kiem-phieu.pdf")).join(" ");
    for needle in [
        "1. Bầu đơn vị Trưởng Cụm thi đua năm 2027",
        "2. Suy tôn đơn vị dẫn đầu Cụm",
        "3. Bình xét đơn vị tặng Bằng khen",
    ] {
        assert!(text.contains(needle), "no {needle:?} in {text}");
    }
    assert!(!text.contains("Thông qua báo cáo tổng kết"), "{text}");
    // Only the method says so: the file still lacks nothing for the vote-count minutes.
    let only = BALLOTS_BY_METHOD.replace("    secret: true\n", "    method: giơ tay\n");
    let file = write(tmp.path(), "kin2.yaml", &meeting(&only));
    let out = hoinghi()
        .args(["check", "--doc", "bien-ban-kiem-phieu"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn programme_and_vote_count_subjects_start_with_a_capital() {
    let tmp = tempfile::tempdir().unwrap();
    // The Party profile's generated meeting name starts lower case ("hội nghị tổng kết …").
    let (dir, out) = render(
        &sample("tong-ket-tron-bo.yaml"),
        tmp.path(),
        &[
            "--profile",
            "party",
            "--doc",
            "chuong-trinh,bien-ban-kiem-phieu",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for (kind, name) in [
        ("chuong-trinh", "CHƯƠNG TRÌNH"),
        ("bien-ban-kiem-phieu", "BIÊN BẢN KIỂM PHIẾU"),
    ] {
        let text = page_texts(&dir.join(format!("{kind}.pdf"))).join(" ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let subject = format!("{name} Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025");
        assert!(text.contains(&subject), "{kind}: no {subject:?} in {text}");
    }
}

#[test]
fn award_proposal_lists_units_results_and_bases() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out) = render(
        &sample("tong-ket-tron-bo.yaml"),
        tmp.path(),
        &["--doc", "to-trinh"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Content-stream order: a table cell's lines stay together.
    let facts = crate::support::pdf::facts(&std::fs::read(dir.join("to-trinh.pdf")).unwrap());
    let text = facts
        .text
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "TỜ TRÌNH",
        "Số: 07/TTr-CTĐKTTH",
        "Kính gửi: Ủy ban nhân dân tỉnh Lào Cai.",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Sở Tài chính",
        "dẫn đầu Cụm thi đua với 98,5 điểm",
        "Cờ thi đua của Ủy ban nhân dân tỉnh",
        "kính trình Ủy ban nhân dân tỉnh Lào Cai xem xét, quyết định./.",
    ] {
        assert!(text.contains(needle), "no {needle:?} in {text}");
    }
}

#[test]
fn draft_says_so_on_every_page_and_final_keeps_blanks() {
    let tmp = tempfile::tempdir().unwrap();
    let yaml = meeting(
        "guests:\n  - name: Lò Văn Páo\n    titles: [Phó Chủ tịch UBND tỉnh]\ninvitation: {}\nprogramme:\n  - { time: \"08:00\", item: Khai mạc }\n",
    );
    let file = write(tmp.path(), "du-thao.yaml", &yaml);
    let (dir, out) = render(
        &file,
        &tmp.path().join("draft"),
        &["--doc", "all", "--draft"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut checked = 0;
    for kind in ["giay-moi", "chuong-trinh", "bien-ban"] {
        let path = dir.join(format!("{kind}.pdf"));
        if !path.exists() {
            continue;
        }
        let facts = crate::support::pdf::facts(&std::fs::read(&path).unwrap());
        let pages = facts.pages.len();
        assert_eq!(
            facts.text.matches("DỰ THẢO").count(),
            pages,
            "{kind}: {}",
            facts.text
        );
        checked += 1;
    }
    assert!(checked >= 2);
    let (dir, out) = render(&file, &tmp.path().join("final"), &["--doc", "giay-moi"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let facts = crate::support::pdf::facts(&std::fs::read(dir.join("giay-moi.pdf")).unwrap());
    assert!(!facts.text.contains("DỰ THẢO"));
    // No number and no date of issue in the file: blanks to fill in by hand.
    let text = facts.text.replace('\u{a0}', " ");
    assert!(text.contains("/GM"), "{text}");
    assert!(!text.contains("Số: 0"), "{text}");
    assert!(
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains("Lào Cai, ngày tháng năm 2026"),
        "{text}"
    );
}

#[test]
fn batch_takes_the_same_doc_values() {
    let tmp = tempfile::tempdir().unwrap();
    let tree = tmp.path().join("in");
    std::fs::create_dir_all(&tree).unwrap();
    std::fs::copy(sample("tong-ket-tron-bo.yaml"), tree.join("meeting.yaml")).unwrap();
    let out = tmp.path().join("out");
    let run = hoinghi()
        .args(["batch", "--quiet", "--doc", "giay-moi,danh-sach"])
        .arg(&tree)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let outputs = manifest["meetings"][0]["outputs"].as_array().unwrap();
    // The combined invitations, 12 single ones, the sheet.
    assert_eq!(outputs.len(), 14, "{outputs:?}");
    assert!(out.join("meeting/giay-moi/03-so-tai-chinh.pdf").is_file());
    assert!(out.join("meeting/danh-sach.pdf").is_file());
    assert!(!out.join("meeting/bien-ban.pdf").exists());
}

/// A guest's unit (`guests[].unit`, issue 22, item 3) prints in the attendance sheet's "Đơn vị"
/// column, as a member's does, and completes the invitation's addressee after the last title
/// ("Phó Giám đốc Sở Tư pháp"), or follows the name when there is no title. A guest without
/// one prints as before.
#[test]
fn a_guests_unit_prints_on_the_attendance_sheet_and_the_invitation() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(
        tmp.path(),
        "khach-don-vi.yaml",
        &meeting(
            "guests:\n  - { name: Trần Văn Tám, titles: [Phó Giám đốc], unit: Sở Tư pháp }\n  - { name: Lò Thị Chín, unit: Báo Lào Cai }\n  - { name: Hà Văn Mười, titles: [Luật sư] }\ninvitation: { members: false }\nattendance: { members: false }\n",
        ),
    );
    let (dir, out) = render(
        &file,
        &tmp.path().join("out"),
        &["--doc", "danh-sach,giay-moi"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let sheet = page_texts(&dir.join("danh-sach.pdf")).join(" ");
    for row in [
        "Trần Văn Tám Phó Giám đốc Sở Tư pháp",
        "Lò Thị Chín Báo Lào Cai",
        "Hà Văn Mười Luật sư Danh sách có 3",
    ] {
        assert!(sheet.contains(row), "no row {row:?} in {sheet}");
    }
    let invitations = page_texts(&dir.join("giay-moi.pdf"));
    assert_eq!(invitations.len(), 3);
    for (page, addressee) in invitations.iter().zip([
        "Đồng chí Trần Văn Tám, Phó Giám đốc Sở Tư pháp",
        "Đồng chí Lò Thị Chín, Báo Lào Cai",
        "Đồng chí Hà Văn Mười, Luật sư Tới dự",
    ]) {
        assert!(page.contains(addressee), "no {addressee:?} in {page}");
    }
}

#[test]
fn invitations_leave_out_a_unit_and_word_notes_and_recipients_per_addressee() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(
        tmp.path(),
        "moi-rieng.yaml",
        &meeting(concat!(
            "guests:\n  - { name: Trần Văn Tám, titles: [Phó Giám đốc Sở Nội vụ] }\n",
            "invitation:\n",
            "  except: [Sở Tài chính]\n",
            "  notes: [Đề nghị đại biểu có mặt trước 15 phút]\n",
            "  guest_notes: [Văn phòng sẽ đón đồng chí tại sảnh chính]\n",
            "  member_notes: [Đề nghị các đơn vị chuẩn bị báo cáo tham luận]\n",
            "  recipients: [Như trên, Thường trực Hội đồng TĐKT tỉnh (để b/c), \"Lưu: VT, VP Sở Tài chính\"]\n",
            "proposal:\n  to: Ủy ban nhân dân tỉnh Lào Cai\n  recipients: [Như trên, Sở Nội vụ]\n  archive: Văn phòng Cụm\n",
            "awards:\n  - { award: Cờ thi đua của UBND tỉnh, recipients: [Sở Xây dựng] }\n",
        )),
    );
    let (dir, out) = render(
        &file,
        &tmp.path().join("out"),
        &["--doc", "giay-moi,to-trinh"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = page_texts(&dir.join("giay-moi.pdf"));
    // The guest and Sở Xây dựng; Sở Tài chính, the host, is left out.
    assert_eq!(pages.len(), 2, "{pages:?}");
    assert!(!pages.iter().any(|p| p.contains("Lãnh đạo Sở Tài chính")));
    let (guest, unit) = (&pages[0], &pages[1]);
    assert!(unit.contains("Lãnh đạo Sở Xây dựng"), "{unit}");
    for page in [guest, unit] {
        assert!(
            page.contains("Đề nghị đại biểu có mặt trước 15 phút."),
            "{page}"
        );
        assert!(
            page.contains(
                "- Như trên; - Thường trực Hội đồng TĐKT tỉnh (để b/c); - Lưu: VT, VP Sở Tài chính."
            ),
            "{page}"
        );
    }
    assert!(
        guest.contains("Văn phòng sẽ đón đồng chí tại sảnh chính."),
        "{guest}"
    );
    assert!(!guest.contains("tham luận"), "{guest}");
    assert!(
        unit.contains("Đề nghị các đơn vị chuẩn bị báo cáo tham luận."),
        "{unit}"
    );
    assert!(!unit.contains("sảnh chính"), "{unit}");
    let proposal = page_texts(&dir.join("to-trinh.pdf")).join(" ");
    assert!(
        proposal.contains("- Như trên; - Sở Nội vụ; - Lưu: VT, Văn phòng Cụm."),
        "{proposal}"
    );
}

#[test]
fn invitations_to_nobody_are_not_made_and_a_stray_exception_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let nobody = write(
        tmp.path(),
        "khong-ai.yaml",
        &meeting("invitation:\n  except: [Sở Tài chính, Sở Xây dựng]\n"),
    );
    let out = hoinghi()
        .args(["check", "--doc", "giay-moi"])
        .arg(&nobody)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("người nhận giấy mời"), "{err}");
    let stray = write(
        tmp.path(),
        "la.yaml",
        &meeting("invitation:\n  except: [Sở Tài chánh]\n"),
    );
    let out = hoinghi().arg("check").arg(&stray).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("invitation.except[0]"), "{err}");
    assert!(err.contains("Sở Tài chính"), "{err}");
}

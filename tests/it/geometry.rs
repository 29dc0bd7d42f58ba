//! The PDF geometry reader (`support::pdf`) on the samples rendered through the binary, and
//! its measurements on hand-made segments.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::support::common::hoinghi;
use crate::support::pdf::{
    Seg, body_pitch, broken_names, numbered_heading, overprints, pages, recipients,
    stranded_headings,
};

/// One rendered document: sample, profile, kind and its segments.
struct Rendered {
    sample: &'static str,
    profile: &'static str,
    kind: String,
    pages: Vec<Vec<Seg>>,
}

/// The three samples rendered once through the binary, every PDF read back.
fn rendered() -> &'static [Rendered] {
    static DOCS: OnceLock<Vec<Rendered>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let samples = [
            ("ky-ket-khoi-dang.yaml", "party"),
            ("tong-ket-cum-nd30.yaml", "nd30"),
            ("phat-dong-ky-ket-anh/phat-dong-ky-ket.yaml", "nd30"),
        ];
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut docs = Vec::new();
        for (sample, profile) in samples {
            let out = tempfile::tempdir().unwrap();
            let run = hoinghi()
                .args(["render", "--profile", profile, "-o"])
                .arg(out.path())
                .arg(root.join(sample))
                .output()
                .unwrap();
            assert_eq!(
                run.status.code(),
                Some(0),
                "{sample}: {}",
                String::from_utf8_lossy(&run.stderr)
            );
            let stem = Path::new(sample).file_stem().unwrap();
            let dir = out.path().join(stem);
            let mut pdfs: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
                .collect();
            pdfs.sort();
            assert!(!pdfs.is_empty(), "{sample}: no PDF in {}", dir.display());
            for pdf in pdfs {
                let kind = pdf.file_stem().unwrap().to_string_lossy().into_owned();
                docs.push(Rendered {
                    sample,
                    profile,
                    kind,
                    pages: pages(&std::fs::read(&pdf).unwrap()),
                });
            }
        }
        docs
    })
}

#[test]
fn every_page_has_segments_top_to_bottom() {
    for d in rendered() {
        assert!(!d.pages.is_empty(), "{} {}: no pages", d.sample, d.kind);
        for (i, ss) in d.pages.iter().enumerate() {
            let what = format!("{} {} p{}", d.sample, d.kind, i + 1);
            assert!(!ss.is_empty(), "{what}: no text");
            for s in ss {
                assert!(
                    s.baseline > 0.0 && s.baseline < 842.0 && s.x0 >= 0.0 && s.x1 <= 596.0,
                    "{what}: {s:?} off the page"
                );
                assert!(s.x1 > s.x0 && s.size > 0.0, "{what}: {s:?} has no extent");
                assert_eq!(s.text, s.text.nfc().collect::<String>(), "{what}: not NFC");
            }
            // Sorted by the tops of the glyph boxes: a later segment never stands on a line
            // above (beyond the tolerance of one row), and the page runs downward.
            for w in ss.windows(2) {
                assert!(
                    w[1].baseline > w[0].baseline - 0.35 * w[0].size.max(w[1].size),
                    "{what}: {:?} above {:?}",
                    w[1],
                    w[0]
                );
            }
            if ss.len() > 1 {
                assert!(
                    ss[ss.len() - 1].baseline > ss[0].baseline,
                    "{what}: baselines do not increase down the page"
                );
            }
        }
    }
}

#[test]
fn first_page_carries_the_header_of_the_profile() {
    let mut seen = 0;
    for d in rendered().iter().filter(|d| d.kind != "bai-tin") {
        let what = format!("{} {}", d.sample, d.kind);
        let (wanted, sizes) = match d.profile {
            "party" => ("ĐẢNG CỘNG SẢN VIỆT NAM", 14.5..=15.5),
            _ => ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 11.5..=13.5),
        };
        let header = d.pages[0]
            .iter()
            .find(|s| s.text == wanted)
            .unwrap_or_else(|| panic!("{what}: no {wanted:?} on page 1: {:#?}", d.pages[0]));
        assert!(header.bold, "{what}: {header:?} not bold");
        assert!(
            sizes.contains(&header.size),
            "{what}: {header:?} not at the profile's size"
        );
        seen += 1;
    }
    assert!(seen >= 4, "giao-uoc and bien-ban of the samples: {seen}");
}

#[test]
fn body_text_is_14_pt() {
    for d in rendered() {
        // The size that sets most characters.
        let mut by_size: HashMap<i32, usize> = HashMap::new();
        for s in d.pages.iter().flatten() {
            *by_size.entry((s.size * 10.0).round() as i32).or_default() += s.text.chars().count();
        }
        let (size, _) = by_size.into_iter().max_by_key(|&(_, n)| n).unwrap();
        assert!(
            (size as f32 / 10.0 - 14.0).abs() < 0.3,
            "{} {}: body at {} pt",
            d.sample,
            d.kind,
            size as f32 / 10.0
        );
    }
}

fn seg(text: &str, x0: f32, x1: f32, baseline: f32) -> Seg {
    Seg {
        text: text.to_owned(),
        x0,
        x1,
        baseline,
        size: 14.0,
        bold: false,
        italic: false,
    }
}

#[test]
fn numbered_headings_follow_the_checker_pattern() {
    for yes in [
        "I. Mở đầu",
        "IV) Kết",
        "1. Một",
        "1.2. Hai",
        "1.2) Ba",
        "a) bốn",
        "đ. năm",
    ] {
        assert!(numbered_heading(yes), "{yes}");
    }
    for no in ["1.2 Hai", "Ab. x", "I.Mở", "12", "A. Một", "- Lưu"] {
        assert!(!numbered_heading(no), "{no}");
    }
}

#[test]
fn pitch_and_paragraph_gap_from_full_and_short_lines() {
    let l = 85.0;
    let r = 580.0;
    let page = vec![
        seg("first line of a paragraph, indented", l + 35.0, r, 100.0),
        seg("a full line flush left", l, r, 120.0),
        seg("a short last line", l, 300.0, 140.0),
        seg("the next paragraph, indented", l + 35.0, r, 168.0),
        seg("its full second line", l, r, 188.0),
    ];
    let (pitch, size, gap) = body_pitch(&[page]).unwrap();
    assert_eq!((pitch, size), (20.0, 14.0));
    assert_eq!(gap, Some(8.0));
}

#[test]
fn overprinting_and_stranded_headings_are_reported() {
    let mut a = seg("one line", 85.0, 300.0, 100.0);
    let b = seg("another line", 200.0, 400.0, 108.0);
    assert_eq!(overprints(&[vec![a.clone(), b.clone()]]).len(), 1);
    assert!(overprints(&[vec![a.clone(), seg("apart", 200.0, 400.0, 116.0)]]).is_empty());
    assert!(overprints(&[vec![a.clone(), seg("beside", 320.0, 400.0, 104.0)]]).is_empty());

    a.bold = true;
    a.text = "II. Phương hướng".into();
    let body = seg("running text to the right edge", 85.0, 580.0, 90.0);
    let pages = vec![vec![body.clone(), a], vec![body]];
    assert_eq!(stranded_headings(&pages), ["p1 \"II. Phương hướng\""]);
}

#[test]
fn broken_names_split_or_never_whole() {
    let pages = vec![vec![
        seg("đồng chí Nguyễn Văn", 85.0, 580.0, 100.0),
        seg("An phát biểu tại Lào\u{a0}Cai.", 85.0, 300.0, 120.0),
    ]];
    let broken = broken_names(&pages, &["Nguyễn Văn An", "Lào Cai", "Hà Nội"]);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0].starts_with("Nguyễn Văn An:"), "{broken:?}");
}

#[test]
fn recipients_hang_and_end_with_the_archive_line() {
    let mut label = seg("Nơi nhận:", 85.0, 140.0, 600.0);
    label.size = 12.0;
    label.bold = true;
    label.italic = true;
    let page = vec![
        label,
        seg("- Như trên;", 85.0, 150.0, 614.0),
        seg("- Thường trực Hội đồng Thi đua - Khen", 85.0, 300.0, 627.0),
        seg("thưởng tỉnh;", 92.0, 160.0, 640.0),
        seg("- Lưu: VT.", 85.0, 140.0, 653.0),
        seg("GIÁM ĐỐC", 400.0, 480.0, 614.0),
    ];
    let r = recipients(&[page]).unwrap();
    assert_eq!((r.items.len(), r.continuations.len()), (3, 1));
    assert!(r.hanging() && r.label.bold && r.label.italic);
    assert_eq!(r.last_item(), Some("- Lưu: VT."));
    assert_eq!(r.item_sizes(), [14.0; 3]);
    assert_eq!((r.page, r.lines.len()), (0, 4));
    assert_eq!(r.last_line(), Some("- Lưu: VT."));
}

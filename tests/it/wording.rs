//! An office changes the shared words (`templates/mac-dinh.j2`) by copying that one file into
//! its `--templates` folder: every document of the pack picks up the changed phrases, in both
//! profiles, without recompiling; the PDFs' subject follows the meeting's changed name.

use std::path::{Path, PathBuf};

use lopdf::{Document, Object};

use crate::support::common::{hoinghi, sample, stderr, write};
use crate::support::pdf::{facts, squash};

/// (embedded phrase, the office's phrase): each must occur in the embedded `mac-dinh.j2`.
const CHANGES: &[(&str, &str)] = &[
    ("\"THƯ KÝ\"", "\"THƯ KÝ HỘI NGHỊ\""),
    ("\"NGƯỜI GHI BIÊN BẢN\"", "\"NGƯỜI CHÉP BIÊN BẢN\""),
    ("\"CHỦ TỌA\"", "\"CHỦ TỌA HỘI NGHỊ\""),
    ("[\"Như trên\"]", "[\"Như trên đây\"]"),
    (
        "\"Trưởng \" ~ bloc_word ~ \" thi đua\"",
        "\"Thủ trưởng đơn vị Trưởng \" ~ bloc_word",
    ),
    ("\"Bản giao ước thi đua\"", "\"Văn bản giao ước thi đua\""),
    (
        "\"Hội đồng Thi đua - Khen thưởng tỉnh (để báo cáo)\"",
        "\"Thường trực Hội đồng Thi đua - Khen thưởng tỉnh (để báo cáo)\"",
    ),
    (
        "tổng kết công tác thi đua, khen thưởng năm",
        "tổng kết phong trào thi đua năm",
    ),
    (
        "phát động và ký kết giao ước thi đua năm",
        "phát động, ký kết giao ước thi đua năm",
    ),
    ("\"Thành viên\"", "\"Ủy viên\""),
    ("Lãnh đạo {{ i.unit }}", "Ban Lãnh đạo {{ i.unit }}"),
    ("Lưu: VT, {{", "Lưu: VT, Văn thư, {{"),
];

/// A templates folder holding only `mac-dinh.j2`, the embedded one with [`CHANGES`] made.
fn office_words(dir: &Path) -> PathBuf {
    let embedded = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/mac-dinh.j2"),
    )
    .unwrap();
    let mut words = embedded.clone();
    for (from, to) in CHANGES {
        assert!(
            embedded.contains(from),
            "mac-dinh.j2 no longer holds {from}"
        );
        words = words.replace(from, to);
    }
    let folder = dir.join("mau-van-phong");
    std::fs::create_dir_all(&folder).unwrap();
    write(&folder, "mac-dinh.j2", &words);
    folder
}

/// The PDF's Info subject, decoded (UTF-16BE with a byte-order mark, else bytes as Latin-1).
fn subject(bytes: &[u8]) -> String {
    let doc = Document::load_mem(bytes).unwrap();
    let info = match doc.trailer.get(b"Info").unwrap() {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap().clone(),
        Object::Dictionary(d) => d.clone(),
        other => panic!("Info is {other:?}"),
    };
    let raw = info.get(b"Subject").unwrap().as_str().unwrap();
    match raw {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        }
        _ => raw.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Renders every document of `file` in `profile` with the office's words; returns the folder.
fn render_all(file: &Path, out: &Path, templates: &Path, profile: &str) -> PathBuf {
    let output = hoinghi()
        .arg("render")
        .arg(file)
        .arg("-o")
        .arg(out)
        .args(["--doc", "all", "--profile", profile, "--templates"])
        .arg(templates)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    out.join(file.file_stem().unwrap())
}

/// Asserts that `kind.pdf` in `dir` holds every phrase of `phrases` (spacing ignored).
fn holds(dir: &Path, kind: &str, phrases: &[&str]) {
    let pdf = dir.join(format!("{kind}.pdf"));
    let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
    let text = squash(&facts(&bytes).text);
    for phrase in phrases {
        assert!(
            text.contains(&squash(phrase)),
            "{}: the office's phrase {phrase:?} is missing from\n{text}",
            pdf.display()
        );
    }
}

#[test]
fn an_office_changes_the_shared_words_of_every_document_by_copying_one_file() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = office_words(tmp.path());
    for profile in ["nd30", "party"] {
        let party = profile == "party";
        let out = tmp.path().join(profile);

        // Review meeting: minutes, article, invitations, programme, attendance, counting,
        // proposal.
        let dir = render_all(&sample("tong-ket-tron-bo.yaml"), &out, &templates, profile);
        let activity = "tổng kết phong trào thi đua năm 2025";
        let archive = if party {
            "Lưu Sở Tài chính."
        } else {
            "Lưu: VT, Văn thư, Hồ sơ."
        };
        holds(
            &dir,
            "bien-ban",
            &[
                activity,
                if party {
                    "NGƯỜI CHÉP BIÊN BẢN"
                } else {
                    "THƯ KÝ HỘI NGHỊ"
                },
                if party {
                    "CHỦ TRÌ HỘI NGHỊ"
                } else {
                    "CHỦ TỌA HỘI NGHỊ"
                },
            ],
        );
        holds(&dir, "bai-tin", &[activity]);
        holds(
            &dir,
            "giay-moi",
            &[
                activity,
                "Ban Lãnh đạo Sở Công Thương",
                "Như trên đây;",
                archive,
                "THỦ TRƯỞNG ĐƠN VỊ TRƯỞNG CỤM",
            ],
        );
        holds(&dir, "chuong-trinh", &[activity]);
        holds(&dir, "danh-sach", &[activity]);
        holds(
            &dir,
            "bien-ban-kiem-phieu",
            &[activity, "Ủy viên", "ỦY VIÊN"],
        );
        holds(
            &dir,
            "to-trinh",
            &[
                activity,
                "Như trên đây;",
                archive,
                "THỦ TRƯỞNG ĐƠN VỊ TRƯỞNG CỤM",
            ],
        );
        let pdf = std::fs::read(dir.join("bien-ban.pdf")).unwrap();
        assert_eq!(
            subject(&pdf),
            "Hội nghị tổng kết phong trào thi đua năm 2025",
            "the PDF's subject is the meeting's name in the office's words"
        );

        // Launch and sign meeting: the agreement with its default title and recipients.
        let dir = render_all(
            &sample("giao-uoc-30-don-vi.yaml"),
            &out,
            &templates,
            profile,
        );
        holds(
            &dir,
            "giao-uoc",
            &[
                "VĂN BẢN GIAO ƯỚC THI ĐUA",
                "Thường trực Hội đồng Thi đua - Khen thưởng tỉnh (để báo cáo);",
            ],
        );
        holds(
            &dir,
            "bai-tin",
            &["phát động, ký kết giao ước thi đua năm 2026"],
        );
        let pdf = std::fs::read(dir.join("giao-uoc.pdf")).unwrap();
        assert_eq!(
            subject(&pdf),
            "Hội nghị phát động, ký kết giao ước thi đua năm 2026"
        );
    }
}

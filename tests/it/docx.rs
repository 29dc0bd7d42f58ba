//! The Word twin of every document: the same words as the PDF, paragraph by paragraph, for
//! every sample and kind in both profiles; real Word structure (page, styles, numbering,
//! tables, page numbers); the same bytes for the same meeting; hostile values as text.

use hoinghi::model::Profile;
use unicode_normalization::UnicodeNormalization;

use crate::support::api::{self, DocKind};
use crate::support::common::{sample, sample_files};
use crate::support::docx::{
    body_text, header_rows, marked_paragraphs, paragraphs, part, repair_problems, unpack,
};
use crate::support::pdf::squash;

/// Asserts that the paragraphs of `docx` are, in order, the text of `document`.
fn says_what_the_pdf_says(docx: &[u8], document: &typst_layout::PagedDocument, what: &str) {
    if let Some(problem) = unlike_the_pdf(docx, document) {
        panic!("{what}: {problem}");
    }
}

/// Where the paragraphs of `docx` differ from the text of `document`, in order (its page
/// numbers aside; a table's header row, which Typst repeats on each page, compared apart).
pub(crate) fn unlike_the_pdf(
    docx: &[u8],
    document: &typst_layout::PagedDocument,
) -> Option<String> {
    // Control characters print as nothing, and XML cannot hold them.
    let mut pdf: String = squash(&body_text(document))
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let mut heads: Vec<String> = header_rows(docx).iter().map(|h| squash(h)).collect();
    heads.dedup();
    for head in heads {
        if !pdf.contains(&head) {
            return Some(format!("the header row {head:?} is not in the PDF"));
        }
        pdf = pdf.replace(&head, "");
    }
    let mut at = 0;
    let paras = marked_paragraphs(docx);
    for (i, (para, _)) in paras.iter().filter(|(_, head)| !head).enumerate() {
        let want = squash(&para.nfc().collect::<String>());
        if !pdf[at..].starts_with(&want) {
            let next: String = pdf[at..].chars().take(80).collect();
            return Some(format!(
                "paragraph {i} {para:?} is not next in the PDF, which has {next:?}"
            ));
        }
        at += want.len();
    }
    (at != pdf.len()).then(|| format!("the DOCX ends before the PDF: {:?}", &pdf[at..]))
}

/// The first document of `kind` (the only one, but for a kind made per ballot) and its Word
/// file.
fn first_docx(
    engine: &api::Engine,
    prepared: &api::Prepared,
    kind: DocKind,
) -> (api::Typeset, hoinghi::docx::Docx) {
    let (_, typeset, docx) = api::typeset_docx(engine, prepared, kind).unwrap().remove(0);
    (typeset, docx)
}

#[test]
fn every_sample_docx_says_what_its_pdf_says_in_both_profiles() {
    for profile in [Profile::Nd30, Profile::Party] {
        let engine = api::engine(Some(profile));
        for file in sample_files() {
            let prepared = api::prepare(&engine, &file).unwrap();
            for kind in api::available(&engine, &prepared) {
                let each = api::typeset_docx(&engine, &prepared, kind).unwrap();
                for (stem, typeset, docx) in each {
                    let what = format!("{} {stem} {profile:?}", file.display());
                    assert!(docx.warnings.is_empty(), "{what}: {:?}", docx.warnings);
                    says_what_the_pdf_says(&docx.bytes, &typeset.document, &what);
                    for file in std::iter::once(&docx.bytes).chain(&docx.parts) {
                        let problems = repair_problems(file);
                        assert!(problems.is_empty(), "{what}: {problems:?}");
                    }
                    // One Word file per invitation, as for the PDF, together the whole.
                    assert_eq!(docx.parts.len(), typeset.parts.len(), "{what}");
                    if !docx.parts.is_empty() {
                        let joined: Vec<String> =
                            docx.parts.iter().flat_map(|p| paragraphs(p)).collect();
                        assert_eq!(joined, paragraphs(&docx.bytes), "{what}");
                    }
                }
            }
        }
    }
}

#[test]
fn the_docx_is_a_real_word_document() {
    let engine = api::engine(None);
    let prepared = api::prepare(&engine, &sample("ky-ket-khoi-dang.yaml")).unwrap();
    let (_, docx) = first_docx(&engine, &prepared, DocKind::GiaoUoc);
    let unpacked = unpack(&docx.bytes);
    let document = part(&unpacked, "word/document.xml");
    // A4, margins 20/20/30/15 mm, a different first page, numbered from 1.
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#));
    assert!(document.contains(r#"w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#));
    assert!(document.contains("<w:titlePg />"));
    assert!(document.contains(r#"<w:pgNumType w:start="1" />"#));
    // Commitments are numbered paragraphs, not typed numbers.
    assert!(document.contains("<w:numPr>"));
    let numbered = paragraphs(&docx.bytes);
    assert!(
        numbered.iter().any(|p| p.starts_with("1. ")),
        "{numbered:?}"
    );
    // Rows of signatures never split; no text boxes, no page images.
    assert!(document.contains("<w:cantSplit />"));
    assert!(!document.contains("<w:txbxContent") && !document.contains("<w:drawing>"));
    // The page number is a field in the header of pages after the first.
    let headers: String = unpacked
        .names_under("word/header")
        .into_iter()
        .map(|name| part(&unpacked, name))
        .collect();
    assert!(headers.contains("PAGE"), "{headers}");
    // Times New Roman named, styles with Vietnamese names.
    let styles = part(&unpacked, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#));
    for name in ["Văn bản", "Căn cứ", "Khoản", "Nơi nhận", "Khối căn giữa"] {
        assert!(
            styles.contains(&format!(r#"<w:name w:val="{name}" />"#)),
            "{name}"
        );
    }
}

#[test]
fn the_same_meeting_gives_the_same_bytes_dated_as_the_meeting() {
    let engine = api::engine(None);
    let prepared = api::prepare(&engine, &sample("ky-ket-khoi-dang.yaml")).unwrap();
    let other = api::prepare(&engine, &sample("tong-ket-tron-bo.yaml")).unwrap();
    let first = api::typeset_docx(&engine, &prepared, DocKind::BienBan).unwrap();
    // Other documents made in between, on this thread and on another.
    api::typeset_docx(&engine, &other, DocKind::GiaoUoc).unwrap();
    std::thread::scope(|s| {
        s.spawn(|| api::typeset_docx(&engine, &other, DocKind::BienBan).unwrap());
    });
    let again = std::thread::scope(|s| {
        s.spawn(|| api::typeset_docx(&engine, &prepared, DocKind::BienBan).unwrap())
            .join()
            .unwrap()
    });
    assert!(first[0].2.bytes == again[0].2.bytes, "two runs differ");
    let unpacked = unpack(&first[0].2.bytes);
    assert!(
        unpacked.dates.iter().all(|(_, d)| *d == (1980, 1, 1)),
        "{:?}",
        unpacked.dates
    );
    let date = api::meeting(&prepared).date.to_string();
    let core = part(&unpacked, "docProps/core.xml");
    assert!(core.contains(&format!(">{date}T")), "{core}");
}

#[test]
fn hostile_values_come_out_of_the_docx_as_text() {
    let engine = api::engine(None);
    let base = api::prepare(&engine, &sample("ky-ket-khoi-dang.yaml")).unwrap();
    let mut values: Vec<&str> = crate::escaping::HOSTILE.to_vec();
    values.extend([
        "<w:p>",
        "</w:t></w:r><w:r><w:t>x",
        "&amp; &",
        "]]>",
        "\"'<>&",
        // Characters XML cannot hold at all: left out, the rest kept.
        "a\u{1}b\u{1f}c\u{7}d",
    ]);
    for value in values {
        let mut meeting = api::meeting(&base).clone();
        meeting.agreement.closing = Some(format!("BẮTĐẦU {value} KẾTTHÚC"));
        meeting.members[0].signer.name = format!("TÊNĐẦU {value} TÊNCUỐI");
        let prepared = api::with_meeting(&engine, &base, meeting);
        let (typeset, docx) = first_docx(&engine, &prepared, DocKind::GiaoUoc);
        let unpacked = unpack(&docx.bytes);
        for (name, bytes) in &unpacked.parts {
            if name.ends_with(".xml") || name.ends_with(".rels") {
                let text = std::str::from_utf8(bytes).unwrap();
                roxmltree::Document::parse(text)
                    .unwrap_or_else(|e| panic!("{value:?}: {name} is not XML: {e}"));
            }
        }
        let text = squash(&paragraphs(&docx.bytes).join(" "));
        let want: String = squash(value)
            .chars()
            .filter(|c| !c.is_control() && !matches!(c, '\u{fffe}' | '\u{ffff}'))
            .collect();
        assert!(
            text.contains(&format!("BẮTĐẦU{want}KẾTTHÚC")),
            "{value:?}: markup"
        );
        assert!(
            text.contains(&format!("TÊNĐẦU{want}TÊNCUỐI")),
            "{value:?}: code"
        );
        says_what_the_pdf_says(&docx.bytes, &typeset.document, value);
    }
}

/// The records take no space: with `record` and `bracket` made to leave nothing, through an
/// office's own `hoinghi.typ`, every document's PDF is the same to the byte.
#[test]
fn the_records_leave_the_pdf_unchanged() {
    let library = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/hoinghi.typ"),
    )
    .unwrap();
    let silent = library
        .replace(
            "#let record(kind, ..data) = metadata((hoinghi: kind, ..data.named()))",
            "#let record(kind, ..data) = none",
        )
        .replace(
            "  metadata((hoinghi: kind, open: true, ..data.named()))\n  body\n  metadata((hoinghi: \"end\"))",
            "  body",
        );
    assert!(
        !silent.contains("metadata("),
        "the records were not all silenced"
    );
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("hoinghi.typ"), silent).unwrap();
    let plain = api::engine(None);
    let without = hoinghi::Engine::new(hoinghi::Settings {
        templates: Some(folder.path().to_path_buf()),
        ..hoinghi::Settings::default()
    })
    .unwrap();
    for name in ["tong-ket-tron-bo.yaml", "ky-ket-khoi-dang.yaml"] {
        let a = api::prepare(&plain, &sample(name)).unwrap();
        let b = api::prepare(&without, &sample(name)).unwrap();
        for kind in api::available(&plain, &a) {
            let x = api::typeset(&plain, &a, kind, "same").unwrap();
            let y = api::typeset(&without, &b, kind, "same").unwrap();
            assert!(x.pdf == y.pdf, "{name} {kind}: the records changed the PDF");
        }
    }
    // Without the records (an office's older hoinghi.typ) the PDF is made, and the Word file
    // is refused with a message that says what to do.
    let b = api::prepare(&without, &sample("ky-ket-khoi-dang.yaml")).unwrap();
    let Err(refused) = api::typeset_docx(&without, &b, DocKind::GiaoUoc) else {
        panic!("a Word file was made without the records");
    };
    assert!(
        refused.contains("hoinghi.typ") && refused.contains("DOCX"),
        "{refused}"
    );
}

/// An office's changed template changes the Word file as it changes the PDF.
#[test]
fn a_changed_template_changes_the_word_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let template = std::fs::read_to_string(root.join("templates/giao-uoc.typ.j2")).unwrap();
    let changed = template.replace(
        "#signature-grid(",
        "Câu văn phòng thêm vào mẫu, in cả trong tệp Word\\.\n\n#signature-grid(",
    );
    assert_ne!(changed, template);
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("giao-uoc.typ.j2"), changed).unwrap();
    let engine = hoinghi::Engine::new(hoinghi::Settings {
        templates: Some(folder.path().to_path_buf()),
        ..hoinghi::Settings::default()
    })
    .unwrap();
    let prepared = api::prepare(&engine, &sample("ky-ket-khoi-dang.yaml")).unwrap();
    let (typeset, docx) = first_docx(&engine, &prepared, DocKind::GiaoUoc);
    let sentence = "Câu văn phòng thêm vào mẫu, in cả trong tệp Word.";
    assert!(paragraphs(&docx.bytes).iter().any(|p| p == sentence));
    says_what_the_pdf_says(&docx.bytes, &typeset.document, "changed template");
}

/// `render --format pdf,docx` writes `<kind>.docx` beside each PDF, and one Word file per
/// invitation beside the PDF's.
#[test]
fn render_writes_a_docx_beside_each_pdf() {
    let out = tempfile::tempdir().unwrap();
    let file = sample("cum-phuong-ky-ket.yaml");
    crate::support::common::hoinghi()
        .args(["render", "--format", "pdf,docx", "-o"])
        .arg(out.path())
        .arg(&file)
        .assert()
        .success();
    let dir = out.path().join("cum-phuong-ky-ket");
    for kind in [
        "giao-uoc",
        "bien-ban",
        "bai-tin",
        "giay-moi",
        "chuong-trinh",
        "danh-sach",
    ] {
        let docx = std::fs::read(dir.join(format!("{kind}.docx")))
            .unwrap_or_else(|e| panic!("{kind}.docx: {e}"));
        assert!(!paragraphs(&docx).is_empty(), "{kind}.docx is empty");
        assert!(dir.join(format!("{kind}.pdf")).exists());
    }
    let pdfs = std::fs::read_dir(dir.join("giay-moi")).unwrap().count();
    let count = |ext: &str| {
        std::fs::read_dir(dir.join("giay-moi"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == ext)
            })
            .count()
    };
    assert!(
        pdfs > 0 && count("docx") == count("pdf"),
        "one Word file per invitation"
    );
}

/// `batch --format pdf,docx` writes the Word files beside the PDFs, also when each meeting is
/// made in a child process (`--templates`), and lists them in the manifest.
#[test]
fn batch_writes_word_files_in_process_and_in_children() {
    let templates = tempfile::tempdir().unwrap();
    for isolated in [false, true] {
        let out = tempfile::tempdir().unwrap();
        let mut cmd = crate::support::common::hoinghi();
        cmd.args([
            "batch", "-j", "2", "--quiet", "--format", "pdf,docx", "--doc",
        ])
        .args(["giao-uoc,bien-ban", "-o"])
        .arg(out.path())
        .arg(sample("cum-phuong-ky-ket.yaml"))
        .arg(sample("ky-ket-khoi-dang.yaml"));
        if isolated {
            cmd.arg("--templates").arg(templates.path());
        }
        cmd.assert().success();
        for meeting in ["cum-phuong-ky-ket", "ky-ket-khoi-dang"] {
            for kind in ["giao-uoc", "bien-ban"] {
                let path = out.path().join(meeting).join(format!("{kind}.docx"));
                let docx = std::fs::read(&path)
                    .unwrap_or_else(|e| panic!("{} ({isolated}): {e}", path.display()));
                assert!(!paragraphs(&docx).is_empty());
            }
        }
        let manifest = std::fs::read_to_string(out.path().join("manifest.json")).unwrap();
        assert!(manifest.contains("giao-uoc.docx"), "{manifest}");
    }
}

/// The article's photos are in the Word file, each once with an id of its own, and their
/// captions under them.
#[test]
fn the_article_embeds_its_photos_with_their_captions() {
    let engine = api::engine(None);
    let file = sample("phat-dong-ky-ket-anh/phat-dong-ky-ket.yaml");
    let prepared = api::prepare(&engine, &file).unwrap();
    let photos = api::meeting(&prepared)
        .article
        .as_ref()
        .unwrap()
        .photos
        .len();
    let (_, docx) = first_docx(&engine, &prepared, DocKind::BaiTin);
    let unpacked = unpack(&docx.bytes);
    let media: Vec<&String> = unpacked.names_under("word/media/");
    assert_eq!(media.len(), photos, "{media:?}");
    for name in media {
        assert!(unpacked.parts[name].starts_with(b"\x89PNG"), "{name}");
    }
    let document = part(&unpacked, "word/document.xml");
    assert_eq!(document.matches("<wp:docPr ").count(), photos);
    assert!(repair_problems(&docx.bytes).is_empty());
    let paras = paragraphs(&docx.bytes);
    for photo in &api::meeting(&prepared).article.as_ref().unwrap().photos {
        let caption = squash(&photo.caption);
        assert!(
            paras.iter().any(|p| squash(p).contains(&caption)),
            "{caption} in {paras:?}"
        );
    }
}

/// A draft's Word file says "DỰ THẢO" at the top of every page, the first included, and not
/// in the body; the Party profile's Nơi nhận label is underlined.
#[test]
fn a_draft_is_labelled_on_every_page_and_the_party_label_underlined() {
    let engine = hoinghi::Engine::new(hoinghi::Settings {
        draft: true,
        profile: Some(Profile::Party),
        ..hoinghi::Settings::default()
    })
    .unwrap();
    let prepared = api::prepare(&engine, &sample("ky-ket-khoi-dang.yaml")).unwrap();
    let (_, docx) = first_docx(&engine, &prepared, DocKind::GiaoUoc);
    let unpacked = unpack(&docx.bytes);
    let headers: Vec<&String> = unpacked.names_under("word/header");
    assert_eq!(headers.len(), 2, "first page and the others: {headers:?}");
    for h in headers {
        assert!(part(&unpacked, h).contains("DỰ THẢO"), "{h}");
    }
    assert!(
        !paragraphs(&docx.bytes)
            .iter()
            .any(|p| p.contains("DỰ THẢO"))
    );
    let document = part(&unpacked, "word/document.xml");
    let label = document.find(">Nơi nhận:<").expect("the Nơi nhận label");
    let run = &document[document[..label].rfind("<w:r>").unwrap()..label];
    assert!(run.contains("<w:u w:val=\"single\""), "{run}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    /// Any text a field may hold comes out of the Word file as itself.
    #[test]
    fn any_string_comes_out_of_the_docx_as_itself(
        value in "[ -~àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐƯỮỸỴỬ\t]{0,40}"
    ) {
        let engine = api::engine(None);
        let base = api::prepare(&engine, &sample("ky-ket-khoi-dang.yaml")).unwrap();
        let mut meeting = api::meeting(&base).clone();
        meeting.agreement.closing = Some(format!("BẮTĐẦU {value} KẾTTHÚC"));
        let prepared = api::with_meeting(&engine, &base, meeting);
        let (_, docx) = first_docx(&engine, &prepared, DocKind::GiaoUoc);
        let text = squash(&paragraphs(&docx.bytes).join(" "));
        let want = format!("BẮTĐẦU{}KẾTTHÚC", squash(&value));
        proptest::prop_assert!(text.contains(&want), "{:?} not in the Word file", value);
    }
}

/// A photo given as SVG (no pixels to read) is in the Word file as Typst drew it.
#[test]
fn an_svg_photo_is_drawn_into_the_word_file() {
    let dir = tempfile::tempdir().unwrap();
    let source = sample("phat-dong-ky-ket-anh");
    std::fs::create_dir(dir.path().join("photos")).unwrap();
    for entry in std::fs::read_dir(source.join("photos")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            dir.path().join("photos").join(entry.file_name()),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("photos/so-do.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#c00"/><circle cx="200" cy="150" r="80" fill="#fc0"/></svg>"##,
    )
    .unwrap();
    let yaml = std::fs::read_to_string(source.join("phat-dong-ky-ket.yaml"))
        .unwrap()
        .replace("photos/quang-canh-hoi-nghi.png", "photos/so-do.svg");
    let file = dir.path().join("phat-dong-ky-ket.yaml");
    std::fs::write(&file, yaml).unwrap();
    let engine = api::engine(None);
    let prepared = api::prepare(&engine, &file).unwrap();
    let (_, docx) = first_docx(&engine, &prepared, DocKind::BaiTin);
    assert!(docx.warnings.is_empty(), "{:?}", docx.warnings);
    let unpacked = unpack(&docx.bytes);
    let pictures = unpacked.names_under("word/media/").len();
    assert_eq!(pictures, 3);
}

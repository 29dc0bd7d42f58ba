//! Emitted Typst sources compile on their own (issue 22, item 1): typeset again from nothing
//! but the files `--emit-typst` wrote, with the meeting's folder as Typst's root.

use std::path::Path;

use crate::kind::DocKind;
use crate::pipeline::{Engine, Request, Settings};
use crate::typeset::{Job, Metadata, Typesetter, world::file_id};

use super::{WriteOptions, Writer};

/// A small meeting whose article shows the photo `anh/quang-canh.png`.
const MEETING: &str = "bloc:\n  name: Cụm thi đua các sở, ngành kinh tế\n  place: Lào Cai\nyear: 2026\nactivities: [review]\ndate: 2026-12-18\nstart_time: \"08:00\"\nend_time: \"11:00\"\nvenue: Hội trường Sở Tài chính\nchair:\n  name: Giàng Seo Ử\n  title: Giám đốc Sở Tài chính\nmembers:\n  - name: Sở Tài chính\n    signer: { name: Giàng Seo Ử, title: Giám đốc }\n  - name: Sở Xây dựng\n    signer: { name: Vàng Thị Ỹ, title: Giám đốc }\narticle:\n  byline: Lam Hồng\n  photos:\n    - file: anh/quang-canh.png\n      caption: Quang cảnh hội nghị\n      credit: Lam Hồng\n";

/// Every file under `dir/folder`, as Typst reads it from the root `dir` (`/anh-goc/0.png`).
fn files_under(dir: &Path, folder: &str) -> Vec<(String, std::path::PathBuf)> {
    std::fs::read_dir(dir.join(folder))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    (format!("/{folder}/{name}"), e.path())
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_emitted_article_typesets_from_its_folder_alone() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("anh")).unwrap();
    let photo = image::RgbImage::from_fn(60, 40, |x, y| image::Rgb([x as u8 * 4, y as u8 * 6, 90]));
    photo.save(tmp.path().join("anh/quang-canh.png")).unwrap();
    let file = tmp.path().join("hop.yaml");
    std::fs::write(&file, MEETING).unwrap();

    let engine = Engine::new(Settings::default()).expect("an engine");
    let options = WriteOptions {
        emit_typst: true,
        ..WriteOptions::pdf()
    };
    let writer = Writer::new(tmp.path().join("out"), options);
    let mut request = Request::pdf(Some(vec![DocKind::BaiTin]), "hop.yaml".into());
    request.keep_source = true;
    let (report, written) = writer.render(&engine, &file, &request);
    assert!(!report.failed() && written.ok(), "{:?}", written.notes);

    // Only what is in the folder: the source, the library beside it, the photos it wrote.
    let dir = tmp.path().join("out/hop");
    let source = std::fs::read_to_string(dir.join("bai-tin.typ")).unwrap();
    let library = std::fs::read_to_string(dir.join(crate::render::LIBRARY)).unwrap();
    let images = files_under(&dir, crate::context::article::SOURCE_PHOTO_FOLDER);
    assert_eq!(images.len(), 1, "{images:?}");
    let job = Job {
        main_path: "/bai-tin.typ".into(),
        main_name: "bai-tin.typ".into(),
        source,
        library: (
            typst::syntax::Source::new(file_id("/hoinghi.typ"), library),
            "hoinghi.typ".into(),
        ),
        images,
        date: chrono::NaiveDate::from_ymd_opt(2026, 12, 18).unwrap(),
        ident: "standalone".into(),
        metadata: Metadata::default(),
        pdf_a: false,
        epoch: None,
        split_pages: false,
    };
    let typeset = Typesetter::new(crate::typeset::fonts::Fonts::embedded())
        .typeset(job)
        .unwrap_or_else(|e| panic!("{}", e.rendered));
    assert!(!typeset.document.pages().is_empty());
}

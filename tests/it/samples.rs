//! Every sample renders, and each PDF is A4, embeds its fonts, and its extracted text holds
//! the title, every member unit and signer where the document lists them, and the date in
//! the form that document uses.

use std::path::{Path, PathBuf};

use hoinghi::kind::DocKind;
use hoinghi::model::Profile;
use hoinghi::pipeline::{Engine, Prepared, Settings};
use hoinghi::vietnamese::upper_vi;

use crate::pdf::{facts, squash};

pub fn sample_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .as_path(),
        &mut files,
    );
    files.sort();
    assert!(files.len() >= 3, "at least three samples");
    files
}

fn check_pdf(prepared: &Prepared, engine: &Engine, kind: DocKind, pdf: &[u8], file: &Path) {
    let f = facts(pdf);
    let what = format!("{} {}", file.display(), kind.slug());
    assert!(!f.pages.is_empty(), "{what}: no pages");
    for (w, h) in &f.pages {
        assert!(
            (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
            "{what}: page {w}x{h} is not A4"
        );
    }
    assert!(!f.fonts.is_empty(), "{what}: no fonts");
    for (name, embedded) in &f.fonts {
        assert!(*embedded, "{what}: font {name} not embedded");
        assert!(
            name.contains("LiberationSerif"),
            "{what}: unexpected font {name}"
        );
    }
    let text = squash(&f.text);
    let has = |needle: &str, label: &str| {
        assert!(
            text.contains(&squash(needle)),
            "{what}: the text lacks {label} {needle:?}"
        );
    };
    let ctx = engine.context(prepared).expect("a context");
    let m = &prepared.meeting;
    match kind {
        DocKind::GiaoUoc => {
            let title = m
                .agreement
                .title
                .as_deref()
                .unwrap_or("Bản giao ước thi đua");
            has(&upper_vi(title), "the title");
            has(&ctx.header.date_line, "the date line");
            // Every signer exactly once, in YAML order.
            let mut last = 0;
            for u in &m.members {
                has(&upper_vi(&u.name), "the unit");
                let needle = squash(&u.signer.name);
                let found: Vec<usize> = text.match_indices(&needle).map(|(i, _)| i).collect();
                assert_eq!(
                    found.len(),
                    1,
                    "{what}: signer {} appears {} times",
                    u.signer.name,
                    found.len()
                );
                assert!(
                    found[0] >= last,
                    "{what}: signer {} out of YAML order",
                    u.signer.name
                );
                last = found[0];
            }
        }
        DocKind::BienBan => {
            has("BIÊN BẢN", "the title");
            has(&ctx.when.date_long, "the date");
            has(ctx.when.end_clock.as_deref().unwrap(), "the end time");
            for u in &m.members {
                has(&u.name, "the unit");
                if u.absent.is_none() {
                    has(&u.signer.name, "the signer");
                }
            }
            let party = engine.profile_of(m) == Profile::Party;
            let (secretary, chair) = if party {
                ("NGƯỜI GHI BIÊN BẢN", "CHỦ TRÌ HỘI NGHỊ")
            } else {
                ("THƯ KÝ", "CHỦ TỌA")
            };
            let label = |given: &Option<String>, default: &str| {
                given.as_deref().map_or(default.to_owned(), upper_vi)
            };
            has(
                &label(&m.minutes.secretary_label, secretary),
                "the secretary label",
            );
            has(&label(&m.minutes.chair_label, chair), "the chair label");
        }
        DocKind::BaiTin => {
            let article = ctx.article.as_ref().unwrap();
            has(&article.title, "the headline");
            has(
                &format!(
                    "{} {},",
                    ctx.when.time_of_day.as_deref().unwrap_or("Ngày"),
                    ctx.when.date_short
                ),
                "the time phrase",
            );
            has(&article.byline, "the byline");
            if article.list_members {
                for u in &m.members {
                    has(&u.name, "the unit");
                }
            } else {
                // More than ten units: the article gives their number, not every name.
                has(
                    &format!("{} đơn vị", m.members.len()),
                    "the number of units",
                );
            }
            for p in &article.photos {
                has(&p.caption, "the caption");
            }
        }
        DocKind::GiayMoi => {
            has("GIẤY MỜI", "the title");
            for i in &ctx.pack.invitation.as_ref().unwrap().invitees {
                has(&i.name, "the addressee");
            }
        }
        DocKind::ChuongTrinh => {
            has("CHƯƠNG TRÌNH", "the title");
            for r in &ctx.pack.programme {
                has(&r.item, "the item");
            }
        }
        DocKind::DanhSach => {
            has("DANH SÁCH", "the title");
            for r in &ctx.pack.attendance.as_ref().unwrap().rows {
                has(&r.name, "the name");
            }
        }
        DocKind::BienBanKiemPhieu => {
            has("BIÊN BẢN KIỂM PHIẾU", "the title");
            for p in &ctx.pack.counting.as_ref().unwrap().committee {
                has(&p.name, "the committee member");
            }
        }
        DocKind::ToTrinh => {
            has("TỜ TRÌNH", "the title");
            for r in &ctx.pack.proposal.as_ref().unwrap().rows {
                has(&r.unit, "the unit");
            }
        }
    }
}

#[test]
fn every_sample_renders_in_both_profiles() {
    for profile in [None, Some(Profile::Nd30), Some(Profile::Party)] {
        let engine = Engine::new(Settings {
            profile,
            ..Settings::default()
        })
        .unwrap();
        for file in sample_files() {
            let prepared = engine
                .prepare(&file)
                .unwrap_or_else(|r| panic!("{}: {:?}", file.display(), r.problems));
            // Samples are clean, but for the deliberate vote shortfall of the review sample.
            assert!(
                prepared
                    .warnings
                    .iter()
                    .all(|w| w.path.as_deref().is_some_and(|p| p.starts_with("votes["))),
                "{}: warnings {:?}",
                file.display(),
                prepared.warnings
            );
            let (kinds, _) = engine.available(&prepared);
            assert!(!kinds.is_empty());
            for kind in kinds {
                let rendered = engine
                    .typeset(&prepared, kind, "sample")
                    .unwrap_or_else(|e| panic!("{} {kind}: {e}", file.display()));
                assert!(
                    rendered.typeset.warnings.is_empty(),
                    "{:?}",
                    rendered.typeset.warnings
                );
                check_pdf(&prepared, &engine, kind, &rendered.typeset.pdf, &file);
            }
        }
    }
}

#[test]
fn output_is_byte_reproducible() {
    let engine = Engine::new(Settings::default()).unwrap();
    let file = &sample_files()[0];
    let prepared = engine.prepare(file).unwrap();
    let a = engine.typeset(&prepared, DocKind::BienBan, "x").unwrap();
    let b = engine.typeset(&prepared, DocKind::BienBan, "x").unwrap();
    assert_eq!(a.typeset.pdf, b.typeset.pdf);
}

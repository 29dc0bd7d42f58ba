//! The arguments worked out once into what the library takes (as typst-cli's
//! `CompileConfig`): the engine's settings, the kinds asked for, the request for each file and
//! what to write.

use std::path::Path;

use hoinghi::{
    DocKind, Encoding, Engine, Hygiene, Lang, LoadOptions, Request, Settings, Text, ToneStyle,
    WebFormat, WebOptions, WriteOptions, text,
};

use crate::args::{
    DocArg, EncodingArg, FormatArg, InputArgs, LangArg, ProfileArg, PublishArgs, ToneArg,
    TypesetArgs,
};
use crate::console::Console;
use crate::exit::Failure;

/// What a command that reads, typesets or writes meetings works with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The engine's settings.
    pub settings: Settings,
    /// The kinds asked for with `--doc`; `None`: every kind a file has the data for.
    pub kinds: Option<Vec<DocKind>>,
    /// What to write of each document.
    pub write: WriteOptions,
    /// Typeset at all (not when only the article's text formats are asked for).
    typeset: bool,
    /// The article's text formats, when asked for.
    web: Option<WebOptions>,
}

impl Config {
    /// For reading and checking only (`check`).
    pub fn read(input: &InputArgs) -> Config {
        Config {
            settings: Settings {
                load: LoadOptions {
                    encoding: match input.encoding {
                        EncodingArg::Auto => Encoding::Auto,
                        EncodingArg::Cp1258 => Encoding::Cp1258,
                    },
                    hygiene: Hygiene {
                        convert_legacy: input.convert_legacy,
                        tone_style: input.tone_style.map(|t| match t {
                            ToneArg::Old => ToneStyle::Old,
                            ToneArg::New => ToneStyle::New,
                        }),
                    },
                },
                epoch: std::env::var("SOURCE_DATE_EPOCH")
                    .ok()
                    .and_then(|v| v.trim().parse().ok()),
                ..Settings::default()
            },
            kinds: kinds(&input.doc),
            write: WriteOptions::pdf(),
            typeset: true,
            web: None,
        }
    }

    /// For typesetting PDFs (`batch`).
    pub fn typeset(input: &InputArgs, typeset: &TypesetArgs) -> Config {
        let mut config = Config::read(input);
        config.settings = Settings {
            profile: typeset.profile.map(|p| match p {
                ProfileArg::Nd30 => hoinghi::model::Profile::Nd30,
                ProfileArg::Party => hoinghi::model::Profile::Party,
            }),
            templates: typeset.templates.clone(),
            system_fonts: typeset.system_fonts,
            pdf_a: typeset.pdf_a,
            draft: typeset.draft,
            ..config.settings
        };
        config
    }

    /// For writing the formats of `publish` (`render`, `watch`); a usage error for a
    /// resolution or photo size out of range.
    pub fn publish(
        input: &InputArgs,
        typeset: &TypesetArgs,
        publish: &PublishArgs,
        emit_typst: bool,
    ) -> Result<Config, Text> {
        check_publish(publish)?;
        let has = |f: FormatArg| publish.format.contains(&f);
        let formats: Vec<WebFormat> = [
            (FormatArg::Html, WebFormat::Html),
            (FormatArg::Md, WebFormat::Markdown),
            (FormatArg::Txt, WebFormat::Text),
        ]
        .into_iter()
        .filter(|(arg, _)| has(*arg))
        .map(|(_, format)| format)
        .collect();
        Ok(Config {
            write: WriteOptions {
                pdf: has(FormatArg::Pdf),
                png_ppi: has(FormatArg::Png).then_some(publish.ppi),
                emit_typst,
                docx: has(FormatArg::Docx),
            },
            typeset: has(FormatArg::Pdf)
                || has(FormatArg::Png)
                || has(FormatArg::Docx)
                || emit_typst,
            web: (!formats.is_empty()).then_some(WebOptions {
                formats,
                fragment: publish.fragment,
                photo_max_side: publish.photo_size,
            }),
            ..Config::typeset(input, typeset)
        })
    }

    /// The engine of these settings, its set-up notes printed; a usage error (the template
    /// folder is missing, a template is broken) otherwise.
    pub fn engine(&self, console: &mut Console) -> Result<Engine, Failure> {
        let engine = Engine::new(self.settings.clone()).map_err(Failure::Usage)?;
        for note in engine.notes() {
            console.note(note);
        }
        Ok(engine)
    }

    /// The request for the meeting file `file`.
    pub fn request(&self, file: &Path) -> Request {
        Request {
            kinds: self.kinds.clone(),
            ident: file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            keep_source: self.write.emit_typst,
            typeset: self.typeset,
            web: self.web.clone(),
        }
    }
}

/// The message language: `--lang`, else the environment's.
pub fn lang(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Vi) => Lang::Vi,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(),
    }
}

/// The document kinds asked for with `--doc`; `None` when not given or `all` (every kind with
/// data; the others are skipped with the reason).
fn kinds(doc: &[DocArg]) -> Option<Vec<DocKind>> {
    if doc.is_empty() || doc.contains(&DocArg::All) {
        return None;
    }
    let mut kinds: Vec<DocKind> = doc
        .iter()
        .filter_map(|d| match d {
            DocArg::GiaoUoc => Some(DocKind::GiaoUoc),
            DocArg::BienBan => Some(DocKind::BienBan),
            DocArg::BaiTin => Some(DocKind::BaiTin),
            DocArg::GiayMoi => Some(DocKind::GiayMoi),
            DocArg::ChuongTrinh => Some(DocKind::ChuongTrinh),
            DocArg::DanhSach => Some(DocKind::DanhSach),
            DocArg::BienBanKiemPhieu => Some(DocKind::BienBanKiemPhieu),
            DocArg::ToTrinh => Some(DocKind::ToTrinh),
            DocArg::All => None,
        })
        .collect();
    kinds.sort();
    kinds.dedup();
    Some(kinds)
}

/// A wrong `--ppi` or `--photo-size`, said in words.
fn check_publish(publish: &PublishArgs) -> Result<(), Text> {
    if !(publish.ppi.is_finite() && (10.0..=1200.0).contains(&publish.ppi)) {
        let v = publish.ppi;
        return Err(text!(
            "lỗi: --ppi {v} không hợp lệ: cần một số từ 10 đến 1200",
            "error: --ppi {v} is not valid: give a number from 10 to 1200"
        ));
    }
    if !(16..=10_000).contains(&publish.photo_size) {
        let v = publish.photo_size;
        return Err(text!(
            "lỗi: --photo-size {v} không hợp lệ: cần một số từ 16 đến 10000",
            "error: --photo-size {v} is not valid: give a number from 16 to 10000"
        ));
    }
    Ok(())
}

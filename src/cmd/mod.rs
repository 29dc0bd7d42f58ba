//! One file per subcommand; this module holds what they share: turning arguments into
//! [`Settings`], and printing problems and notes to standard error.

mod batch;
mod check;
mod init;
mod list;
mod render;
mod watch;

use std::io::IsTerminal;
use std::path::Path;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};
use hoinghi::diag::{Lang, Problem, Report, Text};
use hoinghi::kind::DocKind;
use hoinghi::load::{Hygiene, LoadOptions};
use hoinghi::output;
use hoinghi::pipeline::{DocError, Engine, MeetingReport, Request, Settings};
use hoinghi::publish::{ArticleStats, WebFormat, WebOptions};
use hoinghi::text;
use hoinghi::vietnamese::ToneStyle;

use crate::cli::{Command, DocArg, FormatArg, InputArgs, PublishArgs, ToneArg, TypesetArgs};

/// Exit code: everything done.
pub const OK: u8 = 0;
/// Exit code: an input file or a document failed.
pub const FAILED: u8 = 1;
/// Exit code: the command line was wrong.
pub const USAGE: u8 = 2;

/// Runs `command`, returns the exit code.
pub fn run(command: Command, lang: Lang) -> u8 {
    let mut out = Console::new(lang);
    match command {
        Command::Render(args) => render::run(&args, &mut out),
        Command::Batch(args) => batch::run(&args, &mut out),
        Command::Check(args) => check::run(&args, &mut out),
        Command::Watch(args) => watch::run(&args, &mut out),
        Command::Init(args) => init::run(&args, &mut out),
        Command::List => list::run(&mut out),
        Command::Schema => {
            println!("{}", hoinghi::schema::json_schema_text());
            OK
        }
    }
}

/// Settings for reading files, from the shared input arguments.
pub fn settings(input: &InputArgs) -> Settings {
    Settings {
        load: LoadOptions {
            encoding: input.encoding,
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
    }
}

/// Settings for reading and typesetting (`render`, `batch`).
pub fn typeset_settings(input: &InputArgs, typeset: &TypesetArgs) -> Settings {
    Settings {
        profile: typeset.profile,
        templates: typeset.templates.clone(),
        system_fonts: typeset.system_fonts,
        pdf_a: typeset.pdf_a,
        draft: typeset.draft,
        ..settings(input)
    }
}

/// Sets up the engine once for the run, printing its notes; `None` (a usage error, already
/// printed) when the template folder does not exist.
pub fn engine(settings: Settings, out: &mut Console) -> Option<Engine> {
    if let Some(dir) = &settings.templates
        && !dir.is_dir()
    {
        let d = dir.display();
        out.note(&text!(
            "lỗi: không có thư mục mẫu {d}",
            "error: the template folder {d} does not exist"
        ));
        return None;
    }
    match Engine::new(settings) {
        Ok(engine) => {
            for note in &engine.notes {
                out.note(note);
            }
            Some(engine)
        }
        Err(e) => {
            out.note(&e.message);
            None
        }
    }
}

/// A stable identifier of a meeting: its file name.
pub fn ident(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Prints a meeting's warnings and errors with its source lines, and the kinds skipped.
pub fn print_problems(out: &mut Console, report: &MeetingReport) {
    let mut problems = report.warnings.clone();
    problems.extend(report.errors.iter().cloned());
    out.problems(&report.file, report.text.as_deref(), &problems);
    for (kind, missing) in &report.skipped {
        let fields = missing_fields(missing);
        let (slug, name) = (kind.slug(), kind.name_vi());
        let name_en = kind.name_en();
        out.note(&text!(
            "{}: bỏ qua {slug} ({name}): tệp không có {fields}",
            "{}: skipped {slug} ({name_en}): the file has no {fields}",
            report.file.display()
        ));
    }
}

/// What to write of each document.
#[derive(Debug, Clone, Copy)]
pub struct WriteOptions {
    /// The generated Typst source and the library beside the PDF.
    pub emit_typst: bool,
    /// The PDF.
    pub pdf: bool,
    /// PNG pages at this resolution.
    pub png_ppi: Option<f32>,
    /// Say what was written.
    pub verbose: bool,
}

/// The request for `file` from the output options: which kinds, and in which formats.
pub fn request_for(
    file: &Path,
    kinds: Option<Vec<DocKind>>,
    publish: &PublishArgs,
    emit_typst: bool,
) -> Request {
    let has = |f: FormatArg| publish.format.contains(&f);
    let web: Vec<WebFormat> = [
        (FormatArg::Html, WebFormat::Html),
        (FormatArg::Md, WebFormat::Markdown),
        (FormatArg::Txt, WebFormat::Text),
    ]
    .into_iter()
    .filter(|(arg, _)| has(*arg))
    .map(|(_, format)| format)
    .collect();
    Request {
        kinds,
        ident: ident(file),
        keep_source: emit_typst,
        typeset: has(FormatArg::Pdf) || has(FormatArg::Png) || emit_typst,
        web: (!web.is_empty()).then_some(WebOptions {
            formats: web,
            fragment: publish.fragment,
            photo_max_side: publish.photo_size,
        }),
    }
}

/// The write options from the output options.
pub fn write_options(publish: &PublishArgs, emit_typst: bool, verbose: bool) -> WriteOptions {
    WriteOptions {
        emit_typst,
        pdf: publish.format.contains(&FormatArg::Pdf),
        png_ppi: publish
            .format
            .contains(&FormatArg::Png)
            .then_some(publish.ppi),
        verbose,
    }
}

/// A wrong `--ppi` or `--photo-size`, said in words (a usage error).
pub fn check_publish_args(publish: &PublishArgs, out: &mut Console) -> bool {
    if !(publish.ppi.is_finite() && (10.0..=1200.0).contains(&publish.ppi)) {
        let v = publish.ppi;
        out.note(&text!(
            "lỗi: --ppi {v} không hợp lệ: cần một số từ 10 đến 1200",
            "error: --ppi {v} is not valid: give a number from 10 to 1200"
        ));
        return false;
    }
    if !(16..=10_000).contains(&publish.photo_size) {
        let v = publish.photo_size;
        out.note(&text!(
            "lỗi: --photo-size {v} không hợp lệ: cần một số từ 16 đến 10000",
            "error: --photo-size {v} is not valid: give a number from 16 to 10000"
        ));
        return false;
    }
    true
}

/// The fields a skipped document lacks, as a list: "`commitments`, `end_time`".
pub fn missing_fields(missing: &[Problem]) -> String {
    let fields: Vec<String> = missing
        .iter()
        .filter_map(|p| p.path.as_deref())
        .map(|f| format!("`{f}`"))
        .collect();
    fields.join(", ")
}

/// Writes the documents of `report` into `dir` (PDF, PNG pages, and with `emit_typst` their
/// Typst sources and the shared library), then the article's text formats and photos; prints
/// what was written (when `verbose`) and every failure. A document that failed writes
/// nothing; the others are still written. Returns whether all were written.
pub fn write_documents(
    engine: &Engine,
    report: &MeetingReport,
    out_root: &Path,
    dir: &Path,
    options: WriteOptions,
    out: &mut Console,
) -> bool {
    if (!report.documents.is_empty() || report.web.is_some()) && !output::inside(out_root, dir) {
        let d = dir.display();
        out.note(&text!(
            "lỗi: thư mục {d} trỏ ra ngoài thư mục kết quả (liên kết); không ghi",
            "error: the folder {d} leads outside the output folder (a link); nothing written"
        ));
        return false;
    }
    let mut all = true;
    let write = |path: &Path, bytes: &[u8], out: &mut Console| -> bool {
        match output::write_atomic(path, bytes) {
            Ok(()) => true,
            Err(e) => {
                out.note(&output::cannot_write(path, &e));
                false
            }
        }
    };
    for doc in &report.documents {
        if options.emit_typst
            && let Some(source) = &doc.source
        {
            let typ = dir.join(format!("{}.typ", doc.kind.slug()));
            let lib = dir.join(hoinghi::render::LIBRARY);
            if !(write(&typ, source.as_bytes(), out)
                && write(&lib, engine.library_source().as_bytes(), out))
            {
                all = false;
                continue;
            }
        }
        match &doc.result {
            Ok(typeset) => {
                for w in &typeset.warnings {
                    out.block(w);
                }
                let pages = typeset.document.pages().len();
                let ms = doc.elapsed.as_millis();
                if options.pdf {
                    let path = output::pdf_path(dir, doc.kind);
                    if !write(&path, &typeset.pdf, out) {
                        all = false;
                        continue;
                    }
                    if options.verbose {
                        let p = path.display();
                        out.note(&text!(
                            "đã ghi {p} ({pages} trang, {ms} ms)",
                            "wrote {p} ({pages} page(s), {ms} ms)"
                        ));
                    }
                    // One file per invitation beside the combined one.
                    if !typeset.parts.is_empty() {
                        let folder = dir.join(doc.kind.slug());
                        for (name, bytes) in &typeset.parts {
                            all &= write(&folder.join(format!("{name}.pdf")), bytes, out);
                        }
                        if options.verbose {
                            let (f, n) = (folder.display(), typeset.parts.len());
                            out.note(&text!(
                                "đã ghi {n} tệp riêng trong {f}",
                                "wrote {n} separate file(s) in {f}"
                            ));
                        }
                    }
                }
                if let Some(ppi) = options.png_ppi {
                    match hoinghi::publish::png::pages(&typeset.document, ppi) {
                        Ok(images) => {
                            for (i, png) in images.iter().enumerate() {
                                let path = dir.join(format!("{}-{}.png", doc.kind.slug(), i + 1));
                                all &= write(&path, png, out);
                            }
                            if options.verbose {
                                let (slug, d) = (doc.kind.slug(), dir.display());
                                let n = images.len();
                                out.note(&text!(
                                    "đã ghi {d}/{slug}-1.png … ({n} trang, {ppi} ppi)",
                                    "wrote {d}/{slug}-1.png … ({n} page(s), {ppi} ppi)"
                                ));
                            }
                        }
                        Err(e) => {
                            let slug = doc.kind.slug();
                            out.note(&text!(
                                "lỗi: không tạo được ảnh PNG của {slug}: {e}",
                                "error: cannot make the PNG pages of {slug}: {e}"
                            ));
                            all = false;
                        }
                    }
                }
            }
            Err(e) => {
                let t = doc_error(&report.file, doc.kind, e);
                out.note(&t);
                if let DocError::Typst(e) = e {
                    out.block(&e.rendered);
                }
                all = false;
            }
        }
    }
    if let Some(edition) = &report.web {
        let photos = dir.join(hoinghi::publish::PHOTO_FOLDER);
        for (name, photo) in &edition.photos {
            all &= write(&photos.join(name), &photo.bytes, out);
        }
        for (format, text) in &edition.texts {
            let path = dir.join(format!("bai-tin.{}", format.extension()));
            let ok = write(&path, text.as_bytes(), out);
            all &= ok;
            if ok && options.verbose {
                let p = path.display();
                out.note(&text!("đã ghi {p}", "wrote {p}"));
            }
        }
        print_stats(out, &edition.stats);
    }
    all
}

/// The article's statistics, and a warning for a long headline.
fn print_stats(out: &mut Console, stats: &ArticleStats) {
    let ArticleStats {
        headline_words,
        words,
        characters,
        photos,
    } = *stats;
    out.note(&text!(
        "bài tin: {words} chữ, {characters} ký tự, {photos} ảnh (tít {headline_words} chữ)",
        "article: {words} words, {characters} characters, {photos} photo(s) (headline {headline_words} words)"
    ));
    if headline_words > hoinghi::validate::HEADLINE_WORDS {
        let limit = hoinghi::validate::HEADLINE_WORDS;
        out.note(&text!(
            "cảnh báo: tít bài {headline_words} chữ, dài hơn khoảng {limit} chữ thường dùng trên báo điện tử; đặt article.title ngắn hơn",
            "warning: the headline has {headline_words} words, longer than the ~{limit} news sites use; set a shorter article.title"
        ));
    }
}

/// One line saying why a document could not be made.
pub fn doc_error(file: &Path, kind: DocKind, e: &DocError) -> Text {
    let (f, slug) = (file.display(), kind.slug());
    match e {
        DocError::Template(e) => e.message.clone(),
        DocError::Typst(_) => text!(
            "{f}: lỗi khi dàn trang {slug}; không ghi tệp PDF này",
            "{f}: typesetting {slug} failed; this PDF was not written"
        ),
        DocError::Panic(m) => text!(
            "{f}: lỗi nội bộ khi soạn {slug} (lỗi của hoinghi, xin báo lại): {m}; không ghi tệp PDF này",
            "{f}: internal error while making {slug} (a bug in hoinghi, please report it): {m}; this PDF was not written"
        ),
    }
}

/// The document kinds asked for with `--doc`; `None` when not given (every kind with data).
pub fn requested_kinds(doc: &[DocArg]) -> Option<Vec<DocKind>> {
    // `all`: every kind the file has the data for; the others are skipped with the reason.
    if doc.is_empty() || doc.contains(&DocArg::All) {
        return None;
    }
    let mut kinds = Vec::new();
    for d in doc {
        let add: &[DocKind] = match d {
            DocArg::GiaoUoc => &[DocKind::GiaoUoc],
            DocArg::BienBan => &[DocKind::BienBan],
            DocArg::BaiTin => &[DocKind::BaiTin],
            DocArg::GiayMoi => &[DocKind::GiayMoi],
            DocArg::ChuongTrinh => &[DocKind::ChuongTrinh],
            DocArg::DanhSach => &[DocKind::DanhSach],
            DocArg::BienBanKiemPhieu => &[DocKind::BienBanKiemPhieu],
            DocArg::ToTrinh => &[DocKind::ToTrinh],
            DocArg::All => &DocKind::ALL,
        };
        for k in add {
            if !kinds.contains(k) {
                kinds.push(*k);
            }
        }
    }
    kinds.sort();
    Some(kinds)
}

/// Standard error, coloured on a terminal unless `NO_COLOR` is set, with the message language.
pub struct Console {
    err: StandardStream,
    /// Message language.
    pub lang: Lang,
}

impl Console {
    fn new(lang: Lang) -> Console {
        let color = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || !std::io::stderr().is_terminal()
        {
            ColorChoice::Never
        } else {
            ColorChoice::Auto
        };
        Console {
            err: StandardStream::stderr(color),
            lang,
        }
    }

    /// Prints the problems of one file.
    pub fn problems(&mut self, file: &Path, source: Option<&str>, problems: &[Problem]) {
        let name = file.display().to_string();
        let report = Report {
            file_name: &name,
            source,
            lang: self.lang,
        };
        let _ = report.emit(&mut self.err, problems);
    }

    /// Prints a one-line note to standard error.
    pub fn note(&mut self, text: &Text) {
        use std::io::Write;
        let _ = writeln!(self.err, "{}", text.get(self.lang));
    }

    /// Prints a multi-line block (Typst diagnostics, template errors) to standard error.
    pub fn block(&mut self, text: &str) {
        use std::io::Write;
        let _ = self.err.write_all(text.as_bytes());
        if !text.ends_with('\n') {
            let _ = writeln!(self.err);
        }
        let _ = self.err.reset();
    }
}

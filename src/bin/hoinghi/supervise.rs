//! An office's own templates (`--templates`) are code hoinghi does not control: each meeting
//! is then made by a child process of hoinghi itself (`render FILE` with the same options and
//! a hidden flag), watched by [`hoinghi::supervise`] for time and memory. The default
//! templates stay in-process.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use clap::ValueEnum;
use hoinghi::batch::{BatchOptions, Input};
use hoinghi::supervise::{Isolation, Limits};
use hoinghi::{Lang, text};

use crate::args::{InputArgs, PublishArgs, TypesetArgs};
use crate::console::Console;
use crate::exit::Failure;

/// How to run a meeting in a watched child process.
pub struct Supervisor {
    exe: PathBuf,
    /// The options every child is given (those of the parent, as `render` takes them).
    flags: Vec<OsString>,
    limits: Limits,
}

/// What a child is asked to make.
pub struct Options<'a> {
    /// How documents are typeset.
    pub typeset: &'a TypesetArgs,
    /// How files are read.
    pub input: &'a InputArgs,
    /// The output formats (`render`, `watch`; PDF and Word files for `batch`).
    pub publish: Option<&'a PublishArgs>,
    /// `--emit-typst`.
    pub emit_typst: bool,
    /// The message language.
    pub lang: Lang,
}

impl Supervisor {
    /// A supervisor when custom templates are in use; `None` otherwise (in-process).
    pub fn new(options: &Options) -> Result<Option<Supervisor>, Failure> {
        if options.typeset.templates.is_none() {
            return Ok(None);
        }
        let exe = std::env::current_exe().map_err(|e| {
            Failure::FailedWith(text!(
                "lỗi: không tìm thấy chương trình hoinghi để chạy mẫu riêng: {e}",
                "error: cannot find the hoinghi program to run custom templates: {e}"
            ))
        })?;
        let typeset = options.typeset;
        Ok(Some(Supervisor {
            exe,
            flags: flags(options),
            limits: Limits {
                time: Duration::from_secs(typeset.time_limit),
                memory: typeset.memory_limit << 20,
            },
        }))
    }

    /// `hoinghi render FILE -o OUT` with the parent's options and `extra`.
    fn command(&self, file: &Path, out: &Path, extra: &[&OsStr]) -> Command {
        let mut command = Command::new(&self.exe);
        command
            .arg("render")
            .args(&self.flags)
            .args(extra)
            .arg("-o")
            .arg(out)
            .arg("--")
            .arg(file);
        command
    }

    /// Renders `file` into `out` (its folder `OUT/<stem>`) in a child whose messages are
    /// printed as they come; whether it failed. A child that was stopped is said in words
    /// and its temporary files removed.
    pub fn render(&self, file: &Path, out: &Path, console: &mut Console) -> bool {
        let command = self.command(file, out, &["--supervised".as_ref()]);
        match hoinghi::supervise::run(command, &self.limits, |line| eprintln!("{line}")) {
            Ok(finished) => finished.code != 0,
            Err(stop) => {
                hoinghi::write::remove_stale_parts(&hoinghi::write::meeting_dir(out, file));
                console.note(&stop.message(file));
                true
            }
        }
    }

    /// The batch's way to make each meeting in a child: `render` into the parent of the
    /// meeting's folder, so it writes exactly where the batch would.
    pub fn isolation(self) -> Isolation {
        let limits = self.limits;
        Isolation {
            limits,
            command: Arc::new(move |input: &Input, options: &BatchOptions| {
                // The batch's own identifier of the meeting, so the PDFs are the same bytes.
                let extra = [
                    "--report-json".as_ref(),
                    "--ident".as_ref(),
                    input.dir.as_os_str(),
                ];
                let base = input.dir.parent().unwrap_or(Path::new(""));
                self.command(&input.file, &options.out.join(base), &extra)
            }),
        }
    }
}

/// The parent's options as `render` takes them.
fn flags(options: &Options) -> Vec<OsString> {
    let (typeset, input) = (options.typeset, options.input);
    let lang = match options.lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let mut f: Vec<OsString> = vec!["--lang".into(), lang.into()];
    let mut pair = |flag: &str, value: OsString| {
        f.push(flag.into());
        f.push(value);
    };
    if let Some(t) = &typeset.templates {
        pair("--templates", t.into());
    }
    if let Some(p) = typeset.profile {
        pair("--profile", name(&p).into());
    }
    pair("--encoding", name(&input.encoding).into());
    if let Some(t) = input.tone_style {
        pair("--tone-style", name(&t).into());
    }
    if !input.doc.is_empty() {
        pair("--doc", list(&input.doc).into());
    }
    if let Some(p) = options.publish {
        pair("--format", list(&p.format).into());
        pair("--ppi", p.ppi.to_string().into());
        pair("--photo-size", p.photo_size.to_string().into());
    }
    let switches = [
        ("--system-fonts", typeset.system_fonts),
        ("--pdf-a", typeset.pdf_a),
        ("--draft", typeset.draft),
        ("--convert-legacy", input.convert_legacy),
        ("--emit-typst", options.emit_typst),
        ("--fragment", options.publish.is_some_and(|p| p.fragment)),
    ];
    f.extend(
        switches
            .into_iter()
            .filter(|(_, on)| *on)
            .map(|(flag, _)| flag.into()),
    );
    f
}

/// The command-line name of `value`.
fn name(value: &impl ValueEnum) -> String {
    value
        .to_possible_value()
        .map(|p| p.get_name().to_owned())
        .unwrap_or_default()
}

/// `values` by name, separated by commas.
fn list(values: &[impl ValueEnum]) -> String {
    let names: Vec<String> = values.iter().map(name).collect();
    names.join(",")
}

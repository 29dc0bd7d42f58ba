//! The `hoinghi` binary: parse the arguments, run a command on the library, print what it
//! says, and exit 0 (done), 1 (an input or document failed) or 2 (usage).
//!
//! `args` (clap types) → `config` (the arguments as the library's settings and requests) →
//! `cmd` (one file per subcommand) → `console` (every message) → `exit` (the code); `supervise`
//! runs meetings with an office's own templates in watched child processes; `serve` is the web
//! form.

mod args;
mod cmd;
mod config;
mod console;
mod exit;
mod serve;
mod supervise;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let mut console = console::Console::new(config::lang(cli.lang));
    let (code, message) = exit::code(cmd::run(cli.command, &mut console));
    if let Some(message) = message {
        console.note(&message);
    }
    ExitCode::from(code)
}

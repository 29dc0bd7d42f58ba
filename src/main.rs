//! The `hoinghi` binary: parse arguments, run a command, print its errors once, exit
//! 0 (done), 1 (an input or document failed) or 2 (usage).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let lang = cli.lang.unwrap_or_else(hoinghi::diag::Lang::from_env);
    ExitCode::from(cmd::run(cli.command, lang))
}

//! One file per subcommand; each parses nothing more, calls the library and prints.

mod batch;
mod check;
mod init;
mod list;
mod render;
mod schema;
mod watch;

use crate::args::Command;
use crate::console::Console;
use crate::exit::Outcome;

/// Runs `command`.
pub fn run(command: Command, console: &mut Console) -> Outcome {
    match command {
        Command::Render(args) => render::run(&args, console),
        Command::Batch(args) => batch::run(&args, console),
        Command::Check(args) => check::run(&args, console),
        Command::Watch(args) => watch::run(&args, console),
        Command::Init(args) => init::run(&args, console),
        Command::List => list::run(console),
        Command::Schema => schema::run(),
        Command::Serve(args) => crate::serve::run(&args, console),
    }
}

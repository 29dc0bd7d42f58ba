//! `hoinghi schema`: the JSON Schema of a meeting file, for editors' completion and checks.

use crate::console::to_stdout;
use crate::exit::Outcome;

/// Runs the command.
pub fn run() -> Outcome {
    to_stdout(&(hoinghi::json_schema_text() + "\n"))
}

//! How a command ends, mapped to the exit code once, in `main`: 0 done, 1 an input or a
//! document failed, 2 the command line was wrong, 128 + n stopped by signal n (130 Ctrl+C,
//! 143 SIGTERM).

use hoinghi::Text;

/// Why a command did not finish cleanly.
#[derive(Debug)]
pub enum Failure {
    /// An input file or a document failed; its problems were already printed.
    Failed,
    /// Something failed that has not been said yet.
    FailedWith(Text),
    /// The command line was wrong: what to say.
    Usage(Text),
    /// Stopped by signal `n` after finishing what was under way (already said).
    Interrupted(i32),
}

/// What a command returns.
pub type Outcome = Result<(), Failure>;

/// `Failed` when `failed`, done otherwise.
pub fn failed_if(failed: bool) -> Outcome {
    if failed { Err(Failure::Failed) } else { Ok(()) }
}

/// The exit code of `outcome`, and the message still to print.
pub fn code(outcome: Outcome) -> (u8, Option<Text>) {
    match outcome {
        Ok(()) => (0, None),
        Err(Failure::Failed) => (1, None),
        Err(Failure::FailedWith(text)) => (1, Some(text)),
        Err(Failure::Usage(text)) => (2, Some(text)),
        Err(Failure::Interrupted(signal)) => (u8::try_from(128 + signal).unwrap_or(130), None),
    }
}

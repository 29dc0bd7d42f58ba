//! Meeting `index` of a seed, the same on every run and machine: proptest's ChaCha generator
//! seeded from (seed, index), so meeting `i` never depends on how many are drawn.

use hoinghi::model::Meeting;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use unicode_normalization::UnicodeNormalization;

use super::meeting::{Shape, meeting};

/// Draws meeting `index` of `seed` in `shape`.
pub fn draw(shape: Shape, seed: u64, index: u64) -> Meeting {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..16].copy_from_slice(&index.to_le_bytes());
    bytes[16..].copy_from_slice(b"hoinghi-meetings");
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    meeting(shape)
        .new_tree(&mut runner)
        .expect("the meeting strategy never rejects")
        .current()
}

/// Where meeting `index` goes: `<town>/<year>/<index>-<bloc>`, ASCII.
pub fn folder(m: &Meeting, index: u64) -> String {
    format!(
        "{}/{}/{index:05}-{}",
        slug(&m.bloc.place),
        m.year,
        slug(&m.bloc.name)
    )
}

/// ASCII folder name: no accents, đ → d, lower case, words joined by `-`, at most 40 bytes.
pub fn slug(text: &str) -> String {
    let plain: String = text
        .replace('đ', "d")
        .replace('Đ', "D")
        .nfd()
        .filter(|c| c.is_ascii())
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let joined = plain
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    joined
        .chars()
        .take(40)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

//! Repair of Vietnamese text that did not arrive as clean Unicode: files
//! saved as Windows-1258 ("ANSI" on a Vietnamese Windows), and text typed
//! with the legacy 8-bit TCVN3 (ABC) or VNI-Windows fonts and pasted into a
//! UTF-8 file, where it shows up as Latin-1 mojibake ("Kh«ng", "Khoâng").
//! This module owns the detection and conversion of such text and the
//! compact Vietnamese syllable validator both rely on; the code tables live
//! in the `tcvn3` and `vni` submodules, the code page in `cp1258`.

mod cp1258;
mod tcvn3;
mod vni;

pub use cp1258::{decode_cp1258, looks_like_cp1258};

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{compose, decompose_canonical};

/// A legacy 8-bit Vietnamese font encoding whose text has been pasted into
/// UTF-8, so that its bytes show up as Latin-1 characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, the "ABC" encoding of the `.VnTime` fonts: one
    /// byte per letter ("Kh«ng" for "Không").
    Tcvn3,
    /// VNI-Windows, the encoding of the `VNI-Times` fonts: base letter plus
    /// modifier bytes ("Khoâng" for "Không").
    Vni,
}

impl Legacy {
    /// Both encodings, in the order detection tries them.
    const ALL: [Legacy; 2] = [Legacy::Tcvn3, Legacy::Vni];

    /// The name clerks know the encoding by: "TCVN3 (ABC)" or "VNI-Windows".
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI-Windows",
        }
    }

    /// Whether `c` is a code point this encoding uses for Vietnamese.
    fn is_key(self, c: char) -> bool {
        match self {
            Legacy::Tcvn3 => tcvn3::is_key(c),
            Legacy::Vni => vni::is_key(c),
        }
    }

    /// Whether `c` can be part of a word of this encoding's mojibake. TCVN3
    /// uses symbols such as « and the soft hyphen for letters, so those
    /// count as letters too.
    fn is_word_char(self, c: char) -> bool {
        c.is_alphabetic() || is_combining(c) || self.is_key(c)
    }

    /// Whether the code point `c` stands for itself (TCVN3 ý, VNI í ì), so
    /// that a word using it reads the same either way.
    fn maps_to_itself(self, c: char) -> bool {
        match self {
            Legacy::Tcvn3 => tcvn3::maps_to_itself(c),
            Legacy::Vni => vni::maps_to_itself(c),
        }
    }

    /// Converts one word, returning NFC.
    fn convert_word(self, word: &str) -> String {
        match self {
            Legacy::Tcvn3 => tcvn3::convert_word(word),
            Legacy::Vni => vni::convert_word(word),
        }
    }
}

/// Whether `c` is a combining diacritical mark (U+0300–U+036F).
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

// ---------------------------------------------------------------------------
// Vietnamese syllable validator
// ---------------------------------------------------------------------------

/// Initial consonants, longest first so that "ngh" is tried before "ng".
/// Every prefix that matches is tried, so "gi" and "qu" need no special
/// casing ("gì" parses as g + ì, "gia" as gi + a).
const INITIALS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Final consonants (the semivowel finals i o u y are part of the vowel
/// clusters below).
const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Vowel clusters (toneless, with their semivowel ending) and where the
/// tone mark may sit: a bit mask of positions in the cluster when no final
/// consonant follows, and when one does; 0 means the cluster cannot stand
/// that way. Both placements are accepted for open oa oe uy ("hòa" and
/// "hoà"); everywhere else the tone sits on the main vowel.
const CLUSTERS: [(&str, u8, u8); 52] = [
    ("a", 0b1, 0b1),
    ("e", 0b1, 0b1),
    ("ê", 0b1, 0b1),
    ("i", 0b1, 0b1),
    ("o", 0b1, 0b1),
    ("ô", 0b1, 0b1),
    ("ơ", 0b1, 0b1),
    ("u", 0b1, 0b1),
    ("ư", 0b1, 0b1),
    ("y", 0b1, 0b1),
    ("oa", 0b11, 0b10),
    ("oe", 0b11, 0b10),
    ("uy", 0b11, 0b10),
    ("uê", 0b10, 0b10),
    ("ă", 0, 0b1),
    ("â", 0, 0b1),
    ("iê", 0, 0b10),
    ("yê", 0, 0b10),
    ("uô", 0, 0b10),
    ("ươ", 0, 0b10),
    ("oă", 0, 0b10),
    ("uâ", 0, 0b10),
    ("uyê", 0, 0b100),
    ("oo", 0, 0b11),
    ("ai", 0b1, 0),
    ("ao", 0b1, 0),
    ("au", 0b1, 0),
    ("ay", 0b1, 0),
    ("âu", 0b1, 0),
    ("ây", 0b1, 0),
    ("eo", 0b1, 0),
    ("êu", 0b1, 0),
    ("ia", 0b1, 0),
    ("iu", 0b1, 0),
    ("oi", 0b1, 0),
    ("ôi", 0b1, 0),
    ("ơi", 0b1, 0),
    ("ua", 0b1, 0),
    ("ui", 0b1, 0),
    ("ưa", 0b1, 0),
    ("ưi", 0b1, 0),
    ("ưu", 0b1, 0),
    ("uơ", 0b10, 0),
    ("oai", 0b10, 0),
    ("oay", 0b10, 0),
    ("oao", 0b10, 0),
    ("oeo", 0b10, 0),
    ("uây", 0b10, 0),
    ("uôi", 0b10, 0),
    ("ươi", 0b10, 0),
    ("ươu", 0b10, 0),
    ("iêu", 0b10, 0),
];

/// Three-letter open clusters that did not fit above (tone on the middle
/// letter).
const CLUSTERS_MORE: [(&str, u8, u8); 3] = [("yêu", 0b10, 0), ("uya", 0b10, 0), ("uyu", 0b10, 0)];

/// Tone marks as they come out of canonical decomposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    /// Huyền, U+0300.
    Grave,
    /// Sắc, U+0301.
    Acute,
    /// Ngã, U+0303.
    Tilde,
    /// Hỏi, U+0309.
    Hook,
    /// Nặng, U+0323.
    Dot,
}

impl Tone {
    /// The tone a combining mark stands for.
    fn from_mark(c: char) -> Option<Tone> {
        match c {
            '\u{300}' => Some(Tone::Grave),
            '\u{301}' => Some(Tone::Acute),
            '\u{303}' => Some(Tone::Tilde),
            '\u{309}' => Some(Tone::Hook),
            '\u{323}' => Some(Tone::Dot),
            _ => None,
        }
    }
}

/// Whether `c` (lower-case, toneless) is a Vietnamese vowel letter.
fn is_viet_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// Whether `c` (lower-case) is a Vietnamese consonant letter.
fn is_viet_consonant(c: char) -> bool {
    matches!(
        c,
        'b' | 'c'
            | 'd'
            | 'đ'
            | 'g'
            | 'h'
            | 'k'
            | 'l'
            | 'm'
            | 'n'
            | 'p'
            | 'q'
            | 'r'
            | 's'
            | 't'
            | 'v'
            | 'x'
    )
}

/// Splits a lower-case letter into its toneless Vietnamese letter and its
/// tone, or `None` if it is not a Vietnamese letter.
fn split_tone(c: char) -> Option<(char, Option<Tone>)> {
    let mut base: Option<char> = None;
    let mut shape: Option<char> = None;
    let mut tone: Option<Tone> = None;
    let mut ok = true;
    decompose_canonical(c, |d| {
        if let Some(t) = Tone::from_mark(d) {
            ok &= tone.replace(t).is_none();
        } else if matches!(d, '\u{302}' | '\u{306}' | '\u{31B}') {
            ok &= shape.replace(d).is_none();
        } else {
            ok &= base.replace(d).is_none();
        }
    });
    if !ok {
        return None;
    }
    let mut letter = base?;
    if let Some(s) = shape {
        letter = compose(letter, s)?;
    }
    let valid = if tone.is_some() {
        is_viet_vowel(letter)
    } else {
        is_viet_vowel(letter) || is_viet_consonant(letter)
    };
    valid.then_some((letter, tone))
}

/// Whether `word` is one well-formed Vietnamese syllable: an optional
/// initial consonant (b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s
/// t th tr v x), a vowel nucleus from the Vietnamese set (with its
/// semivowel ending, as in "ai", "ươu"), an optional final consonant (c ch
/// m n ng nh p t), and at most one tone mark, sitting on the main vowel of
/// the nucleus (both the old and the new placement are accepted where they
/// differ: "hòa" and "hoà", "thủy" and "thuỷ"). Syllables closed by c ch p
/// t must carry sắc or nặng. Case-insensitive; the input may be NFC or NFD.
///
/// Answers are remembered per thread (a language has a few thousand syllables, and a meeting
/// file repeats them): the legacy-encoding check asks for every word of every field.
pub fn is_vietnamese_syllable(word: &str) -> bool {
    use std::cell::RefCell;
    use std::collections::HashMap;
    /// Beyond this many distinct words (not a language's syllables), start over.
    const REMEMBERED: usize = 16_384;
    thread_local! {
        static KNOWN: RefCell<HashMap<Box<str>, bool>> = RefCell::new(HashMap::new());
    }
    if word.len() > 32 {
        return syllable_uncached(word);
    }
    KNOWN.with(|known| {
        if let Some(&answer) = known.borrow().get(word) {
            return answer;
        }
        let answer = syllable_uncached(word);
        let mut known = known.borrow_mut();
        if known.len() >= REMEMBERED {
            known.clear();
        }
        known.insert(word.into(), answer);
        answer
    })
}

fn syllable_uncached(word: &str) -> bool {
    let mut bases = String::with_capacity(word.len());
    let mut tone: Option<(usize, Tone)> = None;
    for (index, c) in crate::text::nfc_cow(word)
        .chars()
        .flat_map(char::to_lowercase)
        .enumerate()
    {
        let Some((letter, t)) = split_tone(c) else {
            return false;
        };
        if let Some(t) = t {
            if tone.is_some() {
                return false;
            }
            tone = Some((index, t));
        }
        bases.push(letter);
    }
    if bases.is_empty() {
        return false;
    }
    INITIALS.iter().any(|initial| {
        let Some(rhyme) = bases.strip_prefix(initial) else {
            return false;
        };
        let initial_len = initial.chars().count();
        match tone {
            None => rhyme_is_valid(rhyme, None),
            Some((index, t)) => index
                .checked_sub(initial_len)
                .is_some_and(|at| rhyme_is_valid(rhyme, Some((at, t)))),
        }
    })
}

/// Whether `rhyme` (toneless, lower-case) is a vowel cluster followed by an
/// allowed final, with the tone (position in the rhyme, tone) on the right
/// vowel and compatible with that final.
fn rhyme_is_valid(rhyme: &str, tone: Option<(usize, Tone)>) -> bool {
    let split = rhyme
        .char_indices()
        .find(|&(_, c)| !is_viet_vowel(c))
        .map_or(rhyme.len(), |(i, _)| i);
    let (cluster, final_) = rhyme.split_at(split);
    if !FINALS.contains(&final_) {
        return false;
    }
    let Some(&(_, open, closed)) = CLUSTERS
        .iter()
        .chain(CLUSTERS_MORE.iter())
        .find(|(c, _, _)| *c == cluster)
    else {
        return false;
    };
    let positions = if final_.is_empty() { open } else { closed };
    if positions == 0 {
        return false;
    }
    match tone {
        None => !matches!(final_, "c" | "ch" | "p" | "t"),
        Some((at, t)) => {
            let placed = u32::try_from(at)
                .ok()
                .and_then(|at| 1u8.checked_shl(at))
                .is_some_and(|bit| positions & bit != 0);
            placed
                && (matches!(t, Tone::Acute | Tone::Dot)
                    || !matches!(final_, "c" | "ch" | "p" | "t"))
        }
    }
}

// ---------------------------------------------------------------------------
// Legacy mojibake: word classification, detection and conversion
// ---------------------------------------------------------------------------

/// What a word is, seen through one legacy encoding.
#[derive(Debug)]
enum Class {
    /// Nothing to do and no evidence either way (ASCII, words that read the
    /// same in both encodings, foreign words).
    Neutral,
    /// A real Unicode Vietnamese word: evidence that its line is Unicode.
    Unicode,
    /// Not Vietnamese as it stands, Vietnamese after conversion: legacy
    /// mojibake for sure. Always converted.
    Fixed {
        /// The converted word.
        converted: String,
        /// How many legacy code points the word has (quotes excluded).
        markers: usize,
    },
    /// Vietnamese either way ("mét" is TCVN3 for "một"), Vietnamese neither
    /// way, or a lone symbol such as «: converted only where the context is
    /// legacy.
    Doubtful {
        /// The converted word.
        converted: String,
        /// Whether the word is Vietnamese as it stands.
        valid_before: bool,
    },
}

/// One word of the text and how it was classified.
#[derive(Debug)]
struct Word<'a> {
    /// Byte offset in the text.
    offset: usize,
    /// The word as written.
    text: &'a str,
    /// Index of the line the word is on.
    line: usize,
    /// The classification.
    class: Class,
}

/// Whether `word`'s capitals could be Unicode: TCVN3 writes many small letters with codes
/// that look like Latin-1 capitals ("chÝn" for "chín"), never found after a small letter.
fn natural_case(word: &str, kind: Legacy) -> bool {
    kind != Legacy::Tcvn3
        || word
            .chars()
            .zip(word.chars().skip(1))
            .all(|(a, b)| !(a.is_lowercase() && b.is_uppercase() && kind.is_key(b)))
}

/// Classifies one word for `kind`.
fn classify(word: &str, kind: Legacy) -> Class {
    let has_key = word.chars().any(|c| kind.is_key(c));
    let foreign = word.chars().any(|c| !c.is_ascii() && !kind.is_key(c));
    let unicode_if_valid = || {
        if !word.is_ascii() && is_vietnamese_syllable(word) {
            Class::Unicode
        } else {
            Class::Neutral
        }
    };
    if !has_key || foreign {
        return unicode_if_valid();
    }
    let converted = kind.convert_word(word);
    if converted == word {
        // Unchanged because a VNI modifier could not attach ("Hà"): only
        // Unicode writes that. Unchanged because the code points stand for
        // themselves ("Chí"): no evidence either way.
        let telling = word
            .chars()
            .any(|c| kind.is_key(c) && !kind.maps_to_itself(c));
        return if telling {
            unicode_if_valid()
        } else {
            Class::Neutral
        };
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && !c.is_alphabetic()
    {
        // A lone « » × ©: punctuation in Unicode text, a letter in TCVN3
        // text (where those symbols cannot be typed). The context decides.
        return Class::Doubtful {
            converted,
            valid_before: false,
        };
    }
    let natural_case = natural_case(word, kind);
    // A lone Vietnamese letter ("â" in a list of letters) counts as Unicode.
    let letter = {
        let mut chars = word.chars().flat_map(char::to_lowercase);
        matches!(
            (chars.next().and_then(split_tone), chars.next()),
            (Some(_), None)
        )
    };
    let valid_before = natural_case && (letter || is_vietnamese_syllable(word));
    let valid_after = is_vietnamese_syllable(&converted);
    match (valid_before, valid_after) {
        (false, true) => Class::Fixed {
            converted,
            markers: word.chars().filter(|&c| kind.is_key(c)).count(),
        },
        (true, false) => Class::Unicode,
        (false, false) => quoted(word, kind).unwrap_or(Class::Doubtful {
            converted,
            valid_before,
        }),
        (true, true) => Class::Doubtful {
            converted,
            valid_before,
        },
    }
}

/// A TCVN3 word inside guillemets ("«Kh«ng»"): « and » are also TCVN3
/// letters (ô, ằ), so they join the word. When the whole does not convert
/// to Vietnamese, the word is classified without them and they are kept as
/// quotes.
fn quoted(word: &str, kind: Legacy) -> Option<Class> {
    let start = word.len() - word.trim_start_matches('«').len();
    let end = word.trim_end_matches('»').len();
    let (open, core, close) = (word.get(..start)?, word.get(start..end)?, word.get(end..)?);
    if core.is_empty() || core.len() == word.len() {
        return None;
    }
    let wrap = |converted: String| format!("{open}{converted}{close}");
    match classify(core, kind) {
        Class::Fixed { converted, markers } => Some(Class::Fixed {
            converted: wrap(converted),
            markers,
        }),
        Class::Doubtful {
            converted,
            valid_before,
        } => Some(Class::Doubtful {
            converted: wrap(converted),
            valid_before,
        }),
        other => Some(other),
    }
}

/// Splits `text` into words for `kind` and classifies each one.
///
/// `detecting`: only the words that count for detection ([`Stats`]) are classified in full;
/// a word that is a Vietnamese syllable as written is taken as Unicode without converting it.
fn analyse(text: &str, kind: Legacy, detecting: bool) -> Vec<Word<'_>> {
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    let mut line = 0usize;
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if kind.is_word_char(c) {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                spans.push((s, i, line));
            }
            if c == '\n' {
                line += 1;
            }
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len(), line));
    }
    spans
        .into_iter()
        .filter_map(|(from, to, line)| {
            let w = text.get(from..to)?;
            Some(Word {
                offset: from,
                text: w,
                line,
                class: if detecting
                    && !w.is_ascii()
                    && natural_case(w, kind)
                    && is_vietnamese_syllable(w)
                {
                    Class::Unicode
                } else {
                    classify(w, kind)
                },
            })
        })
        .collect()
}

/// Detection statistics for one encoding.
#[derive(Debug, Default)]
struct Stats {
    /// Words that are not Vietnamese as written but contain legacy code
    /// points and letters.
    candidates: usize,
    /// Candidates that become Vietnamese after conversion.
    fixed: usize,
    /// Distinct fixed words (case-insensitive).
    distinct: usize,
    /// Most legacy code points in one fixed word.
    max_markers: usize,
}

impl Stats {
    /// Collects the statistics of classified words.
    fn of(words: &[Word<'_>]) -> Stats {
        let mut stats = Stats::default();
        let mut seen: HashSet<String> = HashSet::new();
        for w in words {
            if !w.text.chars().any(char::is_alphabetic) {
                continue;
            }
            match &w.class {
                Class::Fixed { converted, markers } => {
                    stats.candidates += 1;
                    stats.fixed += 1;
                    stats.max_markers = stats.max_markers.max(*markers);
                    seen.insert(converted.to_lowercase());
                }
                Class::Doubtful {
                    valid_before: false,
                    ..
                } => stats.candidates += 1,
                _ => {}
            }
        }
        stats.distinct = seen.len();
        stats
    }

    /// Whether the text is legacy mojibake: two distinct words fixed by the
    /// conversion (or one with at least two legacy code points), and at
    /// least two thirds of the suspicious words fixed.
    fn qualifies(&self) -> bool {
        let enough = self.distinct >= 2 || (self.fixed >= 1 && self.max_markers >= 2);
        enough && self.fixed * 3 >= self.candidates * 2
    }
}

/// Decides whether a UTF-8 string contains legacy TCVN3 or VNI mojibake,
/// and which. Each word containing legacy code points that is not a
/// Vietnamese syllable as written is converted with each table; the text
/// counts as legacy when the conversion turns at least two distinct such
/// words (or one word with two or more legacy code points) into Vietnamese
/// syllables, and does so for at least two thirds of them. Real Unicode
/// Vietnamese words are syllables already and never count, which keeps
/// ordinary text with «quotes», French accents or "©" out.
pub fn detect_legacy(text: &str) -> Option<Legacy> {
    let mut best: Option<(Legacy, Stats)> = None;
    let mut tie = false;
    for kind in Legacy::ALL {
        // Without one of its code points, a text cannot hold this encoding's mojibake.
        if !text.chars().any(|c| kind.is_key(c)) {
            continue;
        }
        let stats = Stats::of(&analyse(text, kind, true));
        if !stats.qualifies() {
            continue;
        }
        match &best {
            Some((_, b)) if (b.distinct, b.fixed) > (stats.distinct, stats.fixed) => {}
            Some((_, b)) if (b.distinct, b.fixed) == (stats.distinct, stats.fixed) => tie = true,
            _ => {
                tie = false;
                best = Some((kind, stats));
            }
        }
    }
    if tie {
        None
    } else {
        best.map(|(kind, _)| kind)
    }
}

/// The replacements to make in `text` for `kind`: (offset, word, converted).
/// Words that only become Vietnamese through conversion are always
/// replaced; doubtful words (Vietnamese either way, or neither way) only on
/// lines where converted words outnumber real Unicode words, or, on lines
/// with neither, when they do so in the whole text.
fn replacements(text: &str, kind: Legacy) -> Vec<(usize, String, String)> {
    let words = analyse(text, kind, false);
    let lines = words.last().map_or(0, |w| w.line + 1);
    let mut legacy_per_line = vec![0usize; lines];
    let mut unicode_per_line = vec![0usize; lines];
    for w in &words {
        let counter = match w.class {
            Class::Fixed { .. } => legacy_per_line.get_mut(w.line),
            Class::Unicode => unicode_per_line.get_mut(w.line),
            _ => None,
        };
        if let Some(n) = counter {
            *n += 1;
        }
    }
    let legacy_total: usize = legacy_per_line.iter().sum();
    let unicode_total: usize = unicode_per_line.iter().sum();
    let legacy_context = |line: usize| {
        let legacy = legacy_per_line.get(line).copied().unwrap_or(0);
        let unicode = unicode_per_line.get(line).copied().unwrap_or(0);
        if legacy + unicode > 0 {
            legacy > unicode
        } else {
            legacy_total > unicode_total
        }
    };
    words
        .into_iter()
        .filter_map(|w| match w.class {
            Class::Fixed { converted, .. } => Some((w.offset, w.text.to_owned(), converted)),
            Class::Doubtful { converted, .. } if legacy_context(w.line) => {
                Some((w.offset, w.text.to_owned(), converted))
            }
            _ => None,
        })
        .collect()
}

/// Converts legacy mojibake in `text` from `kind` to Unicode, in NFC.
/// ASCII, punctuation and words without legacy code points are kept; so are
/// real Unicode words, so a line that mixes Unicode with pasted legacy text
/// has only the broken words converted. Words that read as Vietnamese both
/// ways ("mét" / "một") are converted only where the surrounding line (or,
/// failing that, the whole text) is mostly legacy.
pub fn convert_legacy(text: &str, kind: Legacy) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut copied = 0usize;
    for (offset, word, converted) in replacements(text, kind) {
        out.push_str(text.get(copied..offset).unwrap_or(""));
        out.push_str(&converted);
        copied = offset + word.len();
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    out.nfc().collect()
}

/// Lists the words of `text` that are legacy mojibake, as (byte offset,
/// word as written, converted word in NFC), for error messages such as
/// "Kh«ng" → "Không". Empty unless [`detect_legacy`] recognises the text;
/// use [`find_legacy_words_as`] to force an encoding.
#[cfg(test)]
pub fn find_legacy_words(text: &str) -> Vec<(usize, String, String)> {
    detect_legacy(text).map_or_else(Vec::new, |kind| find_legacy_words_as(text, kind))
}

/// Like [`find_legacy_words`], but for a given encoding whether or not the
/// text is recognised as it: exactly the words [`convert_legacy`] changes.
pub fn find_legacy_words_as(text: &str, kind: Legacy) -> Vec<(usize, String, String)> {
    replacements(text, kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real Vietnamese sentences, all encodable in TCVN3 (no upper-case
    /// toned vowels) and in VNI.
    const SENTENCES: [&str; 8] = [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Độc lập - Tự do - Hạnh phúc",
        "Hội nghị ký kết giao ước thi đua năm 2026 của Khối thi đua các cơ quan Đảng tỉnh",
        "Đồng chí Bí thư Tỉnh ủy phát biểu chỉ đạo, đề nghị các đơn vị tiếp tục đổi mới.",
        "Trường Chính trị tỉnh đạt danh hiệu tập thể lao động xuất sắc năm 2025.",
        "Biên bản được lập lúc 11 giờ 30 phút cùng ngày, thông qua trước hội nghị.",
        "Người dân khuya vẫn thức, quyết tâm giữ gìn những giá trị truyền thống quý báu.",
        "Ban Chấp hành Đoàn thanh niên ở xã Yên Thủy, huyện Lạc Sơn, tổ chức mít tinh.",
    ];

    /// Real Unicode text that must never look like legacy mojibake.
    const NOT_LEGACY: [&str; 34] = [
        "Khối thi đua các cơ quan Đảng",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Trường Chính trị",
        "hội nghị ký kết giao ước thi đua năm 2026",
        "Nguyễn Thị Mỹ Dung",
        "Võ Thị Ỹ",
        "Đắk Lắk",
        "Ô Môn",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Độc lập - Tự do - Hạnh phúc",
        "Không có gì quý hơn độc lập, tự do.",
        "Tôi là cán bộ, công chức; tôi có trách nhiệm.",
        "Hoà bình, hòa hợp, hoá học, thuý, tuỳ, khoẻ, uỷ ban, thủy lợi.",
        "Xuân Tân Quân Tuân Hà Nội Huế Đà Nẵng Cần Thơ",
        "Bà Rịa - Vũng Tàu, Thừa Thiên Huế, Bình Định, Khánh Hòa",
        "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh",
        "Ngày 15 tháng 01 năm 2026, tại Hội trường UBND tỉnh",
        "Ông ấy nói: « Xin chào », rồi về.",
        "Báo cáo «Tổng kết công tác thi đua» đã được thông qua.",
        "«Tôi» và «ông»",
        "©2026 Tỉnh ủy. Bản quyền © thuộc về Văn phòng.",
        "café crème à la mode",
        "Crème brûlée, déjà vu, naïve, Noël, élève, été, où est-il? où va-t-il?",
        "The quick brown fox jumps over the lazy dog.",
        "Müller, Straße, Größe, für, señor, niño, año, São Paulo, não, José.",
        "Giá: 2×3 = 6; 10 ÷ 2 = 5; 5 °C; µs; ±1; ½ giờ",
        "Ô tô, ô dù, ơ kìa, ừ, ở, ấy, ạ.",
        "Hà Nội, ngày 05 tháng 3 năm 2026",
        "Mỹ Tho, Ỷ Lan, Ý Yên, Ỵ",
        "Lê Văn Tám, Trần Hưng Đạo, Lý Thường Kiệt",
        "Tỉnh đoàn tổ chức hội trại; các chi đoàn tham gia đông đủ.",
        "mét, cã, tõ, ë, Mét",
        "Khóa học quản lý nhà nước ngạch chuyên viên chính",
        "Giấy chứng nhận; giữa; gìn giữ; già; giường; quyết; quýt; khuya; khuỷu",
    ];

    fn tcvn3(text: &str) -> String {
        tcvn3::encode_str(text).expect("encodable in TCVN3")
    }

    fn vni(text: &str) -> String {
        vni::encode_str(text).expect("encodable in VNI")
    }

    #[test]
    fn names() {
        assert_eq!(Legacy::Tcvn3.name(), "TCVN3 (ABC)");
        assert_eq!(Legacy::Vni.name(), "VNI-Windows");
    }

    #[test]
    fn syllables_accepted() {
        for w in [
            "a",
            "ở",
            "Không",
            "nghĩa",
            "nghiêng",
            "giữa",
            "gì",
            "gìn",
            "già",
            "giường",
            "quốc",
            "quy",
            "quỳnh",
            "quyết",
            "khuya",
            "khuỷu",
            "người",
            "rượu",
            "Trường",
            "hòa",
            "hoà",
            "thủy",
            "thuỷ",
            "uỷ",
            "ủy",
            "Ủy",
            "Ỹ",
            "Mỹ",
            "yêu",
            "yên",
            "oán",
            "hoạch",
            "xoong",
            "ĐẢNG",
            "VIỆT",
            "đ\u{61}\u{323}\u{302}u",
            "Ngoằn",
            "ngoèo",
            "tuyển",
            "khuây",
            "cuối",
            "ươm",
            "ước",
            "iêu",
            "hươu",
            "thuở",
            "ngoáy",
            "ao",
            "ê",
            "NAM",
            "đua",
        ] {
            assert!(is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn syllables_rejected() {
        for w in [
            "",
            "f",
            "Đắk",
            "Lắk",
            "café",
            "the1",
            "xyz",
            "âm\u{301}\u{300}",
            "áà",
            "Viet",
            "tac",
            "bàc",
            "qa",
            "aún",
            "ă",
            "â",
            "năo",
            "oă",
            "iê",
            "kho\u{300}\u{301}",
            "Kh«ng",
            "Khoâng",
            "hello",
            "mode",
            "ng",
            "b\u{301}",
            "uou",
            "aaa",
            "«",
        ] {
            assert!(!is_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn tcvn3_sample_sentences() {
        for (legacy, unicode) in [
            (
                "Céng hßa x· héi chñ nghÜa ViÖt Nam",
                "Cộng hòa xã hội chủ nghĩa Việt Nam",
            ),
            ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
            ("Kh«ng", "Không"),
            ("Tr\u{AD}êng", "Trường"),
            (
                "Héi nghÞ ký kÕt giao \u{AD}íc thi ®ua n¨m 2026",
                "Hội nghị ký kết giao ước thi đua năm 2026",
            ),
            ("§¶NG CéNG S¶N VIÖT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ] {
            assert_eq!(convert_legacy(legacy, Legacy::Tcvn3), unicode, "{legacy}");
            if legacy != "Kh«ng" {
                assert_eq!(detect_legacy(legacy), Some(Legacy::Tcvn3), "{legacy}");
            }
        }
    }

    #[test]
    fn vni_sample_sentences() {
        for (legacy, unicode) in [
            (
                "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
                "Cộng hòa xã hội chủ nghĩa Việt Nam",
            ),
            (
                "Ñoäc laäp - Töï do - Haïnh phuùc",
                "Độc lập - Tự do - Hạnh phúc",
            ),
            ("Khoâng", "Không"),
            ("Tröôøng", "Trường"),
            ("ÑAÛNG COÄNG SAÛN VIEÄT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("Khoâng coù", "Không có"),
        ] {
            assert_eq!(convert_legacy(legacy, Legacy::Vni), unicode, "{legacy}");
            if legacy != "Khoâng" {
                assert_eq!(detect_legacy(legacy), Some(Legacy::Vni), "{legacy}");
            }
        }
    }

    #[test]
    fn tcvn3_sentences_round_trip() {
        for s in SENTENCES {
            let legacy = tcvn3(s);
            assert_ne!(legacy, s);
            assert_eq!(detect_legacy(&legacy), Some(Legacy::Tcvn3), "{legacy}");
            assert_eq!(convert_legacy(&legacy, Legacy::Tcvn3), s, "{legacy}");
        }
    }

    #[test]
    fn vni_sentences_round_trip() {
        for s in SENTENCES {
            let legacy = vni(s);
            assert_ne!(legacy, s);
            assert_eq!(detect_legacy(&legacy), Some(Legacy::Vni), "{legacy}");
            assert_eq!(convert_legacy(&legacy, Legacy::Vni), s, "{legacy}");
        }
    }

    #[test]
    fn vni_capitals_round_trip() {
        for s in [
            "BIÊN BẢN HỘI NGHỊ KÝ KẾT GIAO ƯỚC THI ĐUA",
            "ỦY BAN NHÂN DÂN TỈNH; ĐẢNG BỘ KHỐI",
            "Ủy ban Kiểm tra Tỉnh ủy; Ỷ Lan; Ỵ",
        ] {
            let legacy = vni(s);
            assert_eq!(detect_legacy(&legacy), Some(Legacy::Vni), "{legacy}");
            assert_eq!(convert_legacy(&legacy, Legacy::Vni), s, "{legacy}");
        }
    }

    #[test]
    fn whole_documents_round_trip() {
        let doc = SENTENCES.join("\n");
        // "một" alone on its line is "mét" in TCVN3, Vietnamese either way:
        // the rest of the document decides.
        let yaml = format!(
            "ten: {}\nngay: 2026-01-15\nnoi_dung: |\n  một\n  {}\n",
            SENTENCES[0], doc
        );
        for (kind, legacy) in [(Legacy::Tcvn3, tcvn3(&yaml)), (Legacy::Vni, vni(&yaml))] {
            assert_eq!(detect_legacy(&legacy), Some(kind));
            assert_eq!(convert_legacy(&legacy, kind), yaml);
        }
        assert!(tcvn3(&yaml).contains("\n  mét\n"));
    }

    #[test]
    fn short_phrases() {
        for (legacy, kind, unicode) in [
            ("Kh«ng ®i", Legacy::Tcvn3, "Không đi"),
            ("cña t«i", Legacy::Tcvn3, "của tôi"),
            ("Ph¹m V¨n §ång", Legacy::Tcvn3, "Phạm Văn Đồng"),
            ("Phaïm Vaên Ñoàng", Legacy::Vni, "Phạm Văn Đồng"),
            ("Khoâng coù gì", Legacy::Vni, "Không có gì"),
            (
                "Hå ChÝ Minh, Ninh B×nh",
                Legacy::Tcvn3,
                "Hồ Chí Minh, Ninh Bình",
            ),
            ("«Kh«ng» vµ «cã»", Legacy::Tcvn3, "«Không» và «có»"),
        ] {
            assert_eq!(detect_legacy(legacy), Some(kind), "{legacy}");
            assert_eq!(convert_legacy(legacy, kind), unicode, "{legacy}");
        }
        // One word with one legacy code point is too little to be sure,
        // but converts when asked.
        for (legacy, kind, unicode) in [
            ("Vµ", Legacy::Tcvn3, "Và"),
            ("Coù", Legacy::Vni, "Có"),
            ("«Kh«ng»", Legacy::Tcvn3, "«Không»"),
        ] {
            assert_eq!(detect_legacy(legacy), None, "{legacy}");
            assert_eq!(convert_legacy(legacy, kind), unicode, "{legacy}");
        }
    }

    #[test]
    fn doubtful_words_follow_the_document() {
        // "mét" (một), "cã" (có) are Vietnamese either way.
        assert_eq!(
            convert_legacy("Kh«ng cã mét ai", Legacy::Tcvn3),
            "Không có một ai"
        );
        assert_eq!(
            convert_legacy("Kh«ng ®i\nmét\ncã", Legacy::Tcvn3),
            "Không đi\nmột\ncó"
        );
        // Alone, they are taken as the Unicode they already are.
        assert_eq!(convert_legacy("mét", Legacy::Tcvn3), "mét");
        assert_eq!(convert_legacy("Không", Legacy::Tcvn3), "Không");
        assert_eq!(convert_legacy("Tôi là", Legacy::Vni), "Tôi là");
    }

    #[test]
    fn mixed_lines_convert_only_broken_words() {
        let line = "Hội nghị Khối thi đua: Kh«ng tổ chức tại Tr\u{AD}êng Chính trị, café";
        assert_eq!(
            convert_legacy(line, Legacy::Tcvn3),
            "Hội nghị Khối thi đua: Không tổ chức tại Trường Chính trị, café"
        );
        let line = "Hội nghị Khối thi đua: Khoâng tổ chức tại Tröôøng Chính trị, café";
        assert_eq!(
            convert_legacy(line, Legacy::Vni),
            "Hội nghị Khối thi đua: Không tổ chức tại Trường Chính trị, café"
        );
        assert_eq!(detect_legacy(line), Some(Legacy::Vni));
    }

    #[test]
    fn find_words_reports_offsets() {
        let text = "Hội nghị: Kh«ng ®i, vẫn häp.";
        let found = find_legacy_words(text);
        let expected = [("Kh«ng", "Không"), ("®i", "đi"), ("häp", "họp")];
        assert_eq!(found.len(), expected.len(), "{found:?}");
        for ((offset, word, converted), (w, c)) in found.iter().zip(expected) {
            assert_eq!(word, w);
            assert_eq!(converted, c);
            assert_eq!(text.get(*offset..offset + word.len()), Some(w));
        }
        assert!(find_legacy_words("Hội nghị thi đua").is_empty());
        assert!(find_legacy_words("Kh«ng").is_empty());
        assert_eq!(
            find_legacy_words_as("Kh«ng", Legacy::Tcvn3),
            vec![(0, "Kh«ng".to_owned(), "Không".to_owned())]
        );
    }

    #[test]
    fn unicode_text_is_not_legacy() {
        for s in NOT_LEGACY.iter().chain(SENTENCES.iter()) {
            assert_eq!(detect_legacy(s), None, "{s}");
            assert!(find_legacy_words(s).is_empty(), "{s}");
            // Decomposed (macOS-style) input is not legacy either.
            let nfd: String = s.nfd().collect();
            assert_eq!(detect_legacy(&nfd), None, "{s} (NFD)");
        }
        assert_eq!(detect_legacy(&NOT_LEGACY.join("\n")), None);
        assert_eq!(detect_legacy(""), None);
    }

    #[test]
    fn converting_unicode_text_changes_nothing() {
        for s in NOT_LEGACY.iter().chain(SENTENCES.iter()) {
            // Doubtful words alone follow the caller's choice of encoding.
            if s.starts_with("mét") || s.starts_with("«Tôi»") {
                continue;
            }
            for kind in Legacy::ALL {
                // Forced to VNI, French "où" really is VNI for "ó".
                if s.starts_with("Crème") && kind == Legacy::Vni {
                    continue;
                }
                assert_eq!(convert_legacy(s, kind), *s, "{s} as {kind:?}");
            }
        }
    }

    #[test]
    fn fuzz_no_panics_and_consistent_offsets() {
        let palette: Vec<char> = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ  \n\t.,-«»©®×÷\u{AD}"
            .chars()
            .chain((0xA0u32..=0xFF).filter_map(char::from_u32))
            .chain("ệộườữỹỵẠỦ\u{300}\u{301}\u{302}\u{303}\u{309}\u{323}\u{31B}€İß😀0123".chars())
            .collect();
        let mut seed: u64 = 0x2026_0115;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(seed >> 33).unwrap_or(0)
        };
        for _ in 0..4000 {
            let len = next() % 40;
            let text: String = (0..len).map(|_| palette[next() % palette.len()]).collect();
            let _ = detect_legacy(&text);
            let _ = find_legacy_words(&text);
            for kind in Legacy::ALL {
                let out = convert_legacy(&text, kind);
                assert_eq!(out, out.nfc().collect::<String>());
                for (offset, word, _) in find_legacy_words_as(&text, kind) {
                    assert_eq!(text.get(offset..offset + word.len()), Some(word.as_str()));
                }
            }
            for word in text.split_whitespace() {
                let _ = is_vietnamese_syllable(word);
            }
            let _ = looks_like_cp1258(text.as_bytes());
            let bytes: Vec<u8> = text.chars().map(|c| (u32::from(c) & 0xFF) as u8).collect();
            let _ = looks_like_cp1258(&bytes);
            let _ = decode_cp1258(&bytes);
        }
    }

    #[test]
    fn raw_legacy_bytes_are_not_cp1258() {
        // A TCVN3 or VNI .txt file, read as bytes: one byte per Latin-1 char.
        for s in SENTENCES {
            for legacy in [tcvn3(s), vni(s)] {
                let bytes: Vec<u8> = legacy
                    .chars()
                    .filter_map(|c| u8::try_from(u32::from(c)).ok())
                    .collect();
                assert!(!looks_like_cp1258(&bytes), "{legacy}");
            }
        }
    }

    #[test]
    fn no_panics_on_odd_input() {
        let mut odd: String = (0x80u32..0x300).filter_map(char::from_u32).collect();
        odd.push_str("\u{301}\u{300}a\u{323}\n\r\n\u{FEFF}𝔘𝔫𝔦𝔠𝔬𝔡𝔢İı");
        for text in [odd.as_str(), "", "\n\n", "\u{AD}", "«»", "ñ", "ÖÔÑ"] {
            let _ = detect_legacy(text);
            let _ = find_legacy_words(text);
            for kind in Legacy::ALL {
                let _ = convert_legacy(text, kind);
                let _ = find_legacy_words_as(text, kind);
            }
            let _ = is_vietnamese_syllable(text);
        }
    }
}

//! The VNI-Windows (`VNI-Times` fonts) code scheme and the word-level
//! conversion of VNI mojibake back to Unicode. VNI writes a Vietnamese
//! letter as its ASCII base letter followed by one modifier byte (tone,
//! circumflex, breve, or circumflex/breve combined with a tone); pasted into
//! a UTF-8 file the modifier shows up as a Latin-1 letter ("Khoâng" for
//! "Không"). A few letters are single bytes: ơ ư đ, the toned i's and ỵ.
//! Modifiers come in a lower-case and an upper-case form; the case of the
//! result follows the base letter, and either form is accepted.

use unicode_normalization::UnicodeNormalization;

/// The diacritic that changes the shape of a vowel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// â ê ô.
    Circumflex,
    /// ă.
    Breve,
}

impl Shape {
    /// The combining mark.
    fn mark(self) -> char {
        match self {
            Shape::Circumflex => '\u{302}',
            Shape::Breve => '\u{306}',
        }
    }

    /// Whether the shape can sit on the plain vowel `base`.
    fn fits(self, base: char) -> bool {
        match self {
            Shape::Circumflex => matches!(base, 'a' | 'e' | 'o' | 'A' | 'E' | 'O'),
            Shape::Breve => matches!(base, 'a' | 'A'),
        }
    }
}

/// Combining tone marks, in VNI key order: sắc, huyền, hỏi, ngã, nặng.
const TONES: [char; 5] = ['\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}'];

/// A modifier byte: (lower-case form, upper-case form, shape, tone index).
const MODIFIERS: [(char, char, Option<Shape>, Option<usize>); 17] = [
    ('ù', 'Ù', None, Some(0)),
    ('ø', 'Ø', None, Some(1)),
    ('û', 'Û', None, Some(2)),
    ('õ', 'Õ', None, Some(3)),
    ('ï', 'Ï', None, Some(4)),
    ('â', 'Â', Some(Shape::Circumflex), None),
    ('á', 'Á', Some(Shape::Circumflex), Some(0)),
    ('à', 'À', Some(Shape::Circumflex), Some(1)),
    ('å', 'Å', Some(Shape::Circumflex), Some(2)),
    ('ã', 'Ã', Some(Shape::Circumflex), Some(3)),
    ('ä', 'Ä', Some(Shape::Circumflex), Some(4)),
    ('ê', 'Ê', Some(Shape::Breve), None),
    ('é', 'É', Some(Shape::Breve), Some(0)),
    ('è', 'È', Some(Shape::Breve), Some(1)),
    ('ú', 'Ú', Some(Shape::Breve), Some(2)),
    ('ü', 'Ü', Some(Shape::Breve), Some(3)),
    ('ë', 'Ë', Some(Shape::Breve), Some(4)),
];

/// Single-byte letters: (lower-case code, upper-case code, lower, upper).
const SINGLES: [(char, char, char, char); 9] = [
    ('ô', 'Ô', 'ơ', 'Ơ'),
    ('ö', 'Ö', 'ư', 'Ư'),
    ('ñ', 'Ñ', 'đ', 'Đ'),
    ('í', 'Í', 'í', 'Í'),
    ('ì', 'Ì', 'ì', 'Ì'),
    ('æ', 'Æ', 'ỉ', 'Ỉ'),
    ('ó', 'Ó', 'ĩ', 'Ĩ'),
    ('ò', 'Ò', 'ị', 'Ị'),
    ('î', 'Î', 'ỵ', 'Ỵ'),
];

/// The (shape, tone index) of a modifier byte.
fn modifier(c: char) -> Option<(Option<Shape>, Option<usize>)> {
    MODIFIERS
        .iter()
        .find(|m| m.0 == c || m.1 == c)
        .map(|m| (m.2, m.3))
}

/// The letter of a single-byte code.
fn single(c: char) -> Option<char> {
    SINGLES.iter().find_map(|s| {
        if s.0 == c {
            Some(s.2)
        } else if s.1 == c {
            Some(s.3)
        } else {
            None
        }
    })
}

/// Whether `c` is a VNI code point (a modifier or a single-byte letter).
pub(super) fn is_key(c: char) -> bool {
    modifier(c).is_some() || single(c).is_some()
}

/// Whether the VNI code point `c` stands for itself (the single-byte í ì
/// Í Ì).
pub(super) fn maps_to_itself(c: char) -> bool {
    single(c) == Some(c)
}

/// Converts one word of VNI mojibake to NFC Unicode. A modifier that cannot
/// attach to the letter before it (a consonant, a second tone, a breve on
/// `o`) is kept as the Latin-1 character it arrived as.
pub(super) fn convert_word(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len() + 8);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        let (base, can_shape, can_tone) = if let Some(letter) = single(c) {
            (letter, false, matches!(letter, 'ơ' | 'ư' | 'Ơ' | 'Ư'))
        } else if matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            (c, true, true)
        } else {
            out.push(c);
            continue;
        };
        let mut shape: Option<Shape> = None;
        let mut tone: Option<usize> = None;
        for _ in 0..2 {
            let Some((m_shape, m_tone)) = chars.get(i).copied().and_then(modifier) else {
                break;
            };
            if let Some(s) = m_shape
                && (!can_shape || shape.is_some() || !s.fits(base))
            {
                break;
            }
            if m_tone.is_some() && (!can_tone || tone.is_some()) {
                break;
            }
            shape = shape.or(m_shape);
            tone = tone.or(m_tone);
            i += 1;
        }
        out.push(base);
        if let Some(s) = shape {
            out.push(s.mark());
        }
        if let Some(mark) = tone.and_then(|t| TONES.get(t)) {
            out.push(*mark);
        }
    }
    out.nfc().collect()
}

/// Encodes NFC Unicode text as VNI mojibake (the inverse scheme), or `None`
/// when a character is neither ASCII nor a Vietnamese letter.
#[cfg(test)]
pub(super) fn encode_str(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        if let Some(s) = SINGLES.iter().find(|s| s.2 == c || s.3 == c) {
            out.push(if s.2 == c { s.0 } else { s.1 });
            continue;
        }
        // Split into base letter, shape and tone.
        let mut base = None;
        let mut shape = None;
        let mut horn = false;
        let mut tone = None;
        for d in c.to_string().nfd() {
            match d {
                '\u{302}' => shape = Some(Shape::Circumflex),
                '\u{306}' => shape = Some(Shape::Breve),
                '\u{31B}' => horn = true,
                m if TONES.contains(&m) => tone = TONES.iter().position(|&t| t == m),
                b if b.is_ascii_alphabetic() => base = Some(b),
                _ => return None,
            }
        }
        let base = base?;
        let upper = base.is_ascii_uppercase();
        if horn {
            let letter = if base.eq_ignore_ascii_case(&'o') {
                'ơ'
            } else {
                'ư'
            };
            let letter = if upper {
                letter.to_uppercase().next()?
            } else {
                letter
            };
            out.push_str(&encode_str(&letter.to_string())?);
        } else {
            out.push(base);
        }
        if shape.is_none() && tone.is_none() {
            continue;
        }
        let m = MODIFIERS.iter().find(|m| m.2 == shape && m.3 == tone)?;
        out.push(if upper { m.1 } else { m.0 });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 67 non-ASCII lower-case Vietnamese letters.
    const LOWER: &str = "àảãáạăằẳẵắặâầẩẫấậèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵđ";

    #[test]
    fn every_letter_round_trips_in_both_cases() {
        let upper: String = LOWER.to_uppercase();
        assert_eq!(upper.chars().count(), 67);
        for c in LOWER.chars().chain(upper.chars()) {
            let legacy = encode_str(&c.to_string()).expect("encodable");
            assert_ne!(legacy, c.to_string().nfd().collect::<String>());
            assert!(legacy.chars().any(is_key), "{c} -> {legacy}");
            assert_eq!(convert_word(&legacy), c.to_string(), "{c} -> {legacy}");
        }
    }

    #[test]
    fn encoded_forms_are_distinct() {
        let upper: String = LOWER.to_uppercase();
        let mut seen = std::collections::HashSet::new();
        for c in LOWER.chars().chain(upper.chars()) {
            assert!(seen.insert(encode_str(&c.to_string())), "{c}");
        }
    }

    #[test]
    fn known_codes() {
        for (legacy, letter) in [
            ("aù", "á"),
            ("aø", "à"),
            ("aû", "ả"),
            ("aõ", "ã"),
            ("aï", "ạ"),
            ("aâ", "â"),
            ("aê", "ă"),
            ("oä", "ộ"),
            ("eä", "ệ"),
            ("aé", "ắ"),
            ("ô", "ơ"),
            ("ö", "ư"),
            ("ñ", "đ"),
            ("Ñ", "Đ"),
            ("ó", "ĩ"),
            ("ò", "ị"),
            ("æ", "ỉ"),
            ("î", "ỵ"),
            ("yï", "ỵ"),
            ("AÛ", "Ả"),
            ("OÄ", "Ộ"),
            ("öôø", "ườ"),
        ] {
            assert_eq!(convert_word(legacy), letter, "{legacy}");
        }
    }

    #[test]
    fn unattachable_modifiers_are_kept() {
        assert_eq!(convert_word("café"), "café");
        assert_eq!(convert_word("Tân"), "Tân");
        assert_eq!(convert_word("oê"), "oê");
        assert_eq!(convert_word("aùù"), "áù");
        assert_eq!(convert_word("ù"), "ù");
        assert_eq!(convert_word(""), "");
    }
}

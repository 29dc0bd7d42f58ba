//! The TCVN3 (TCVN 5712:1993 VN3, "ABC", `.VnTime` fonts) code table and
//! the word-level conversion of TCVN3 mojibake back to Unicode. In TCVN3
//! every non-ASCII Vietnamese letter is one byte in 0xA1–0xFE; pasted into a
//! UTF-8 file each byte shows up as the Latin-1 character with the same
//! number (so "Không" arrives as "Kh«ng"). Only lower-case letters and the
//! seven upper-case letters Ă Â Đ Ê Ô Ơ Ư have codes of their own: upper-case
//! vowels with tone marks live in the separate `.VnTimeH` fonts, which reuse
//! the lower-case codes.

use unicode_normalization::UnicodeNormalization;

/// The whole table as (byte, letter); every byte in 0x80–0xFF not listed
/// here is unused by TCVN3 and left unchanged.
const TABLE: [(u8, char); 74] = [
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

/// The Vietnamese letter that the TCVN3 byte shown as `c` stands for.
pub(super) fn decode_char(c: char) -> Option<char> {
    let code = u8::try_from(u32::from(c)).ok()?;
    if code < 0x80 {
        return None;
    }
    TABLE
        .binary_search_by_key(&code, |&(b, _)| b)
        .ok()
        .and_then(|i| TABLE.get(i))
        .map(|&(_, letter)| letter)
}

/// Whether `c` is a TCVN3 code point (a Latin-1 character that TCVN3 uses
/// for a Vietnamese letter).
pub(super) fn is_key(c: char) -> bool {
    decode_char(c).is_some()
}

/// Whether the TCVN3 code point `c` stands for itself (only ý, 0xFD).
pub(super) fn maps_to_itself(c: char) -> bool {
    decode_char(c) == Some(c)
}

/// Whether `c` is one of TCVN3's dedicated upper-case codes (¡ ¢ £ ¤ ¥ ¦ §).
fn is_upper_key(c: char) -> bool {
    ('\u{A1}'..='\u{A7}').contains(&c)
}

/// Converts one word of TCVN3 mojibake to NFC Unicode. ASCII and characters
/// outside the table are kept. A word written in capitals (at least two
/// upper-case letters and no lower-case ASCII letter, as typed with the
/// `.VnTimeH` fonts) is returned in capitals, since TCVN3 has no upper-case
/// codes for toned vowels.
pub(super) fn convert_word(word: &str) -> String {
    let mut upper = 0usize;
    let mut lower = 0usize;
    let mut out = String::with_capacity(word.len() + 8);
    for c in word.chars() {
        if c.is_ascii_uppercase() || is_upper_key(c) {
            upper += 1;
        } else if c.is_ascii_lowercase() {
            lower += 1;
        }
        out.push(decode_char(c).unwrap_or(c));
    }
    if upper >= 2 && lower == 0 {
        out = out.to_uppercase();
    }
    out.nfc().collect()
}

/// Encodes NFC Unicode text as TCVN3 mojibake (the inverse table), or `None`
/// when a character has no TCVN3 code (upper-case toned vowels, ĩ-less
/// letters from other scripts, ...). ASCII is kept.
#[cfg(test)]
pub(super) fn encode_str(text: &str) -> Option<String> {
    text.nfc()
        .map(|c| {
            if c.is_ascii() {
                Some(c)
            } else {
                TABLE
                    .iter()
                    .find(|&&(_, letter)| letter == c)
                    .map(|&(b, _)| char::from(b))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The 67 non-ASCII lower-case Vietnamese letters.
    const LOWER: &str = "àảãáạăằẳẵắặâầẩẫấậèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵđ";

    #[test]
    fn table_is_sorted_and_injective() {
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
        let letters: HashSet<char> = TABLE.iter().map(|&(_, l)| l).collect();
        assert_eq!(letters.len(), TABLE.len(), "a letter has two codes");
        assert!(TABLE.iter().all(|&(b, _)| b >= 0xA1));
    }

    #[test]
    fn table_covers_every_lowercase_letter_and_seven_capitals() {
        assert_eq!(LOWER.chars().count(), 67);
        let letters: HashSet<char> = TABLE.iter().map(|&(_, l)| l).collect();
        for c in LOWER.chars() {
            assert!(letters.contains(&c), "{c} has no TCVN3 code");
        }
        for c in "ĂÂĐÊÔƠƯ".chars() {
            assert!(letters.contains(&c), "{c} has no TCVN3 code");
        }
        assert_eq!(letters.len(), 67 + 7);
    }

    #[test]
    fn every_letter_round_trips() {
        for c in LOWER.chars().chain("ĂÂĐÊÔƠƯ".chars()) {
            let legacy = encode_str(&c.to_string()).expect("encodable");
            assert_eq!(legacy.chars().count(), 1);
            assert!(is_key(legacy.chars().next().unwrap_or(' ')));
            assert_eq!(convert_word(&legacy), c.to_string(), "{legacy}");
        }
    }

    #[test]
    fn known_anchors() {
        for (code, letter) in [
            ('«', 'ô'),
            ('ª', 'ê'),
            ('©', 'â'),
            ('¨', 'ă'),
            ('®', 'đ'),
            ('¬', 'ơ'),
            ('\u{AD}', 'ư'),
            ('¸', 'á'),
            ('µ', 'à'),
            ('¶', 'ả'),
            ('·', 'ã'),
            ('¹', 'ạ'),
            ('Ð', 'é'),
            ('§', 'Đ'),
        ] {
            assert_eq!(decode_char(code), Some(letter), "{code}");
        }
    }

    #[test]
    fn unused_codes_and_ascii_are_kept() {
        for c in ['a', 'Z', '1', '\u{80}', '\u{A0}', 'À', 'à', 'ÿ', 'ệ', '€'] {
            assert_eq!(decode_char(c), None, "{c}");
        }
        assert_eq!(convert_word("abc"), "abc");
    }

    #[test]
    fn capitals_from_vntimeh() {
        assert_eq!(convert_word("CéNG"), "CỘNG");
        assert_eq!(convert_word("§¶NG"), "ĐẢNG");
        assert_eq!(convert_word("§é"), "Độ");
        assert_eq!(convert_word("Vµ"), "Và");
        assert_eq!(convert_word("ViÖt"), "Việt");
    }

    #[test]
    fn upper_case_toned_vowels_are_not_encodable() {
        assert_eq!(encode_str("Ủy"), None);
        assert_eq!(encode_str("Ủ"), None);
    }
}

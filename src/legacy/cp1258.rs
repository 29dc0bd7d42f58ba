//! Windows-1258, the "ANSI" code page of a Vietnamese Windows (what Notepad
//! saves as "ANSI"): decoding to NFC Unicode, and recognising a byte string
//! that is Vietnamese written in that code page rather than UTF-8.
//! Windows-1258 has precomposed forms for only some letters and writes the
//! other tones as combining marks after the letter, so NFC is essential.

use encoding_rs::WINDOWS_1258;
use unicode_normalization::UnicodeNormalization;

use super::is_vietnamese_syllable;

/// The five combining tone marks of Windows-1258 (huyền, sắc, ngã, hỏi,
/// nặng).
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Decodes Windows-1258 bytes to Unicode in NFC, so that the combining tone
/// marks the code page uses are folded into precomposed letters ("Kho\u{302}ng"
/// style byte sequences become "Không"). Never fails: every byte has a
/// mapping.
pub fn decode_cp1258(bytes: &[u8]) -> String {
    let (text, _) = WINDOWS_1258.decode_without_bom_handling(bytes);
    text.nfc().collect()
}

/// Whether `bytes` look like Vietnamese text saved as Windows-1258: they are
/// not valid UTF-8, decode without control characters, contain something
/// only Vietnamese uses (a tone mark combined after a vowel, or a letter
/// such as ư ơ đ ă ộ in a well-formed syllable), and at least two thirds of
/// the decoded words with non-ASCII letters are Vietnamese syllables.
pub fn looks_like_cp1258(bytes: &[u8]) -> bool {
    if std::str::from_utf8(bytes).is_ok() {
        return false;
    }
    let (raw, had_errors) = WINDOWS_1258.decode_without_bom_handling(bytes);
    if had_errors
        || raw
            .chars()
            .any(|c| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFD}')
    {
        return false;
    }
    let mut evidence = raw.chars().zip(raw.chars().skip(1)).any(|(a, b)| {
        TONE_MARKS.contains(&b)
            && matches!(
                a.to_lowercase().next().unwrap_or(a),
                'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
            )
    });
    let text: String = raw.nfc().collect();
    let mut non_ascii = 0usize;
    let mut valid = 0usize;
    for word in text
        .split(|c: char| !(c.is_alphabetic() || ('\u{300}'..='\u{36F}').contains(&c)))
        .filter(|w| !w.is_ascii())
    {
        non_ascii += 1;
        if is_vietnamese_syllable(word) {
            valid += 1;
            evidence |= word.chars().any(|c| u32::from(c) > 0xFF);
        }
    }
    evidence && non_ascii > 0 && valid * 3 >= non_ascii * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encodes NFC text as Windows-1258 the way Windows does: a letter the
    /// code page has precomposed is one byte, any other toned letter is its
    /// toneless form followed by a combining tone mark.
    fn encode_windows_style(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for c in text.nfc() {
            let s = c.to_string();
            let (bytes, _, unmappable) = WINDOWS_1258.encode(&s);
            if !unmappable {
                out.extend_from_slice(&bytes);
                continue;
            }
            out.extend(encode_tones_split(&s));
        }
        out
    }

    /// Encodes NFC text as Windows-1258 with every tone as a separate
    /// combining mark: NFD, then put the shape marks (circumflex, breve,
    /// horn) back on their letter, since the code page only has ă â ê ô ơ ư
    /// precomposed and no combining circumflex, breve or horn.
    fn encode_tones_split(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for c in text.nfc() {
            let mut base = String::new();
            let mut tone = None;
            for d in c.to_string().nfd() {
                if TONE_MARKS.contains(&d) {
                    tone = Some(d);
                } else {
                    base.push(d);
                }
            }
            let mut piece: String = base.nfc().collect();
            piece.extend(tone);
            let (bytes, _, unmappable) = WINDOWS_1258.encode(&piece);
            assert!(!unmappable, "{c} is not encodable in Windows-1258");
            out.extend_from_slice(&bytes);
        }
        out
    }

    const SENTENCES: [&str; 8] = [
        "Không",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Độc lập - Tự do - Hạnh phúc",
        "Hội nghị ký kết giao ước thi đua năm 2026 của Khối thi đua các cơ quan Đảng",
        "Ủy ban Kiểm tra Tỉnh ủy tổ chức tổng kết công tác năm.",
        "Trường Chính trị tỉnh Đắk Lắk đạt danh hiệu tập thể lao động xuất sắc.",
        "Đồng chí Nguyễn Thị Mỹ Dung, Phó Chủ tịch Ủy ban nhân dân, phát biểu.",
        "BIÊN BẢN HỘI NGHỊ; ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH; Ngày 15 tháng 01 năm 2026",
    ];

    #[test]
    fn khong_decodes_to_precomposed() {
        // K h o-circumflex n g, as Windows writes it.
        let bytes = [b'K', b'h', 0xF4, b'n', b'g'];
        assert_eq!(decode_cp1258(&bytes), "Không");
        // "ố" is o-circumflex + combining acute (0xEC) in Windows-1258.
        assert_eq!(decode_cp1258(&[b'c', 0xF4, 0xEC, b'c']), "cốc");
        assert_eq!(decode_cp1258(&[0xD0, b'a', 0xF2, b'i']), "Đại");
    }

    #[test]
    fn sentences_round_trip_both_spellings() {
        for s in SENTENCES {
            for bytes in [encode_windows_style(s), encode_tones_split(s)] {
                assert_eq!(decode_cp1258(&bytes), s);
                assert_eq!(
                    decode_cp1258(&bytes),
                    decode_cp1258(&bytes).nfc().collect::<String>()
                );
                if bytes.iter().any(|b| !b.is_ascii()) && s != "Không" {
                    assert!(looks_like_cp1258(&bytes), "{s}");
                }
            }
        }
    }

    #[test]
    fn short_words_with_tone_marks_are_recognised() {
        assert!(looks_like_cp1258(&encode_tones_split("Không có")));
        assert!(looks_like_cp1258(&encode_windows_style("Việt Nam")));
        assert!(looks_like_cp1258(&encode_windows_style("Trường")));
    }

    #[test]
    fn utf8_is_not_cp1258() {
        for s in SENTENCES {
            assert!(!looks_like_cp1258(s.as_bytes()), "{s}");
        }
        assert!(!looks_like_cp1258(b""));
        assert!(!looks_like_cp1258(b"plain ASCII text"));
    }

    #[test]
    fn western_text_is_not_cp1258() {
        // cp1252 / Latin-1 bytes, not UTF-8.
        for text in [
            "café crème à la mode",
            "São Paulo não é longe",
            "Müller Straße",
            "©2026 «guillemets»",
            "señor niño año",
        ] {
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
            assert!(std::str::from_utf8(&bytes).is_err());
            assert!(!looks_like_cp1258(&bytes), "{text}");
        }
    }

    #[test]
    fn binary_is_not_cp1258() {
        assert!(!looks_like_cp1258(&[0x00, 0xFF, 0x81, 0x90]));
        assert!(!looks_like_cp1258(&[0xFF; 16]));
        assert!(!looks_like_cp1258(&[0xCC, 0xEC, 0xD2]));
    }

    #[test]
    fn decode_never_panics_on_any_byte() {
        let all: Vec<u8> = (0..=255u8).collect();
        let _ = decode_cp1258(&all);
        let _ = looks_like_cp1258(&all);
        for b in 0..=255u8 {
            let _ = decode_cp1258(&[b]);
            let _ = looks_like_cp1258(&[b, b'a', b]);
        }
    }
}

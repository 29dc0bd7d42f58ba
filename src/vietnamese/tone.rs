//! Tone-mark placement, old ↔ new style (spec §9 "Tone-mark placement"). The
//! two styles differ only in open syllables ending in `oa`, `oe` or `uy` (no
//! final consonant, no third vowel): the old style puts the tone on the first
//! vowel (`hòa`, `khỏe`, `thủy`), the new style on the second (`hoà`, `khoẻ`,
//! `thuỷ`). This module classifies words, rewrites text to one style, and
//! finds documents that mix both. Everything else is left untouched: `qu` or
//! `gi` followed by a vowel (`quý`, `giá`), closed syllables or a third vowel
//! (`hoàng`, `thuyền`, `khuya`), `uê`/`uơ` (`thuế`, `thuở`). Input and output
//! are NFC.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Where the tone mark goes in an open `oa`/`oe`/`uy` syllable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToneStyle {
    /// Old style (kiểu cũ, Unikey's default): tone on the first vowel —
    /// `hòa`, `khỏe`, `thủy`, `Ủy`.
    Old,
    /// New style (kiểu mới, QĐ1989 for textbooks): tone on the second vowel —
    /// `hoà`, `khoẻ`, `thuỷ`, `Uỷ`.
    New,
}

/// The five Vietnamese tone marks as combining characters: huyền, sắc, ngã,
/// hỏi, nặng.
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Initial consonants (lower case) that may precede an `oa`/`oe`/`uy`
/// nucleus. `qu` is deliberately absent: in `quy`, `quý` the `u` belongs to
/// the consonant and the tone always sits on `y`.
const INITIALS: [&str; 26] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
    "ph", "r", "s", "t", "th", "tr", "v", "x",
];

/// Vowel letters (lower case, without tone).
const VOWELS: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/// One letter split into its base (with case and any non-tone diacritic, e.g.
/// `Ư`) and its tone mark, if any.
#[derive(Debug, Clone, Copy)]
struct Letter {
    base: char,
    tone: Option<char>,
}

/// Splits a precomposed letter into base and tone. `None` if the letter
/// carries more than one tone mark or its base is not a single character.
fn split_letter(c: char) -> Option<Letter> {
    let mut tone = None;
    let mut rest = String::new();
    for part in c.nfd() {
        if TONE_MARKS.contains(&part) {
            if tone.is_some() {
                return None;
            }
            tone = Some(part);
        } else {
            rest.push(part);
        }
    }
    let mut composed = rest.nfc();
    let base = composed.next()?;
    if composed.next().is_some() {
        return None;
    }
    Some(Letter { base, tone })
}

/// Recomposes a letter into one precomposed character, if one exists.
fn join_letter(letter: Letter) -> Option<char> {
    let Some(tone) = letter.tone else {
        return Some(letter.base);
    };
    let mut composed = [letter.base, tone].into_iter().nfc();
    let c = composed.next()?;
    if composed.next().is_some() {
        return None;
    }
    Some(c)
}

/// Single-character lower case, or `None` when lower-casing changes length.
fn lower(c: char) -> Option<char> {
    let mut it = c.to_lowercase();
    let l = it.next()?;
    if it.next().is_some() {
        return None;
    }
    Some(l)
}

/// A word recognised as an open `oa`/`oe`/`uy` syllable carrying one tone.
struct Syllable {
    letters: Vec<Letter>,
    /// Index of the first vowel of the final pair (the second is `first + 1`).
    first: usize,
    style: ToneStyle,
}

/// Recognises an NFC word as an open `oa`/`oe`/`uy` syllable with exactly one
/// tone mark on one of the two vowels.
fn analyze(word: &str) -> Option<Syllable> {
    // Only open oa/oe/uy syllables have two styles; most words end in a consonant.
    let mut from_end = word.chars().rev();
    let (last, before) = (from_end.next()?, from_end.next()?);
    if last.is_ascii() && !matches!(last.to_ascii_lowercase(), 'a' | 'e' | 'y') {
        return None;
    }
    let base = |c: char| split_letter(c).and_then(|l| lower(l.base));
    if !matches!(
        (base(before)?, base(last)?),
        ('o', 'a') | ('o', 'e') | ('u', 'y')
    ) {
        return None;
    }
    let letters = word
        .chars()
        .map(split_letter)
        .collect::<Option<Vec<Letter>>>()?;
    let n = letters.len();
    let first = n.checked_sub(2)?;
    let lowered = letters
        .iter()
        .map(|l| lower(l.base))
        .collect::<Option<Vec<char>>>()?;
    let pair = (lowered.get(first)?, lowered.get(first + 1)?);
    if !matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y')) {
        return None;
    }
    let initial = lowered.get(..first)?;
    if initial.iter().any(|c| VOWELS.contains(c)) {
        return None;
    }
    let initial: String = initial.iter().collect();
    if !INITIALS.contains(&initial.as_str()) {
        return None;
    }
    let mut toned = letters.iter().enumerate().filter(|(_, l)| l.tone.is_some());
    let (at, _) = toned.next()?;
    if toned.next().is_some() {
        return None;
    }
    let style = if at == first {
        ToneStyle::Old
    } else if at == first + 1 {
        ToneStyle::New
    } else {
        return None;
    };
    Some(Syllable {
        letters,
        first,
        style,
    })
}

/// Rewrites one NFC word to `style`; returns `None` when it does not need or
/// allow a change.
fn restyle_word(word: &str, style: ToneStyle) -> Option<String> {
    let syllable = analyze(word)?;
    if syllable.style == style {
        return None;
    }
    let mut letters = syllable.letters;
    let (from, to) = match style {
        ToneStyle::Old => (syllable.first + 1, syllable.first),
        ToneStyle::New => (syllable.first, syllable.first + 1),
    };
    let tone = letters.get_mut(from)?.tone.take();
    letters.get_mut(to)?.tone = tone;
    letters.into_iter().map(join_letter).collect()
}

/// Whether `c` belongs to a word: a letter, or a combining mark (so a stray
/// mark stays attached to its word, which is then left alone).
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

/// Splits `text` into maximal runs of word characters and of other
/// characters, in order; `true` marks a word.
fn segments(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let kind = is_word_char(c);
        match current {
            Some(k) if k == kind => {}
            Some(k) => {
                out.push((k, text.get(start..i).unwrap_or("")));
                start = i;
                current = Some(kind);
            }
            None => current = Some(kind),
        }
    }
    if let Some(k) = current {
        out.push((k, text.get(start..).unwrap_or("")));
    }
    out
}

/// Rewrites `text` so that every open `oa`/`oe`/`uy` syllable follows
/// `style`, preserving case (`Hòa` → `Hoà`, `HÒA` → `HOÀ`, `Ủy` → `Uỷ`) and
/// leaving every other character, word and separator as it is. The input is
/// normalised to NFC first and the output is NFC. Idempotent.
///
/// ```text
/// normalize_tone("Ủy ban nhân dân tỉnh Khánh Hòa", ToneStyle::New)
///     == "Uỷ ban nhân dân tỉnh Khánh Hoà"
/// ```
pub fn normalize_tone(text: &str, style: ToneStyle) -> String {
    let text = crate::text::to_nfc(text);
    let mut out = String::with_capacity(text.len());
    for (is_word, part) in segments(&text) {
        match is_word.then(|| restyle_word(part, style)).flatten() {
            Some(rewritten) => out.push_str(&rewritten),
            None => out.push_str(part),
        }
    }
    out
}

/// The tone style a single word is written in: `Some(Old)` for `hòa`,
/// `Some(New)` for `hoà`; `None` when the two styles would write it the same
/// way (no tone, not an open `oa`/`oe`/`uy` syllable — `hoa`, `hoàng`, `quý`)
/// or when `word` is not a single word (contains a non-letter). The word is
/// normalised to NFC first.
#[cfg(test)]
pub fn tone_style_of_word(word: &str) -> Option<ToneStyle> {
    let word = crate::text::to_nfc(word);
    if !word.chars().all(char::is_alphabetic) {
        return None;
    }
    analyze(&word).map(|s| s.style)
}

/// Lists the words of `text` written in each style, to lint a document that
/// mixes them: `(old-style words, new-style words)`, each distinct (compared
/// exactly, after NFC, so `Hòa` and `hòa` are two entries) and in order of
/// first appearance. A document is consistent when one of the lists is empty.
pub fn detect_mixed(text: &str) -> (Vec<String>, Vec<String>) {
    let text = crate::text::to_nfc(text);
    let mut old: Vec<String> = Vec::new();
    let mut new: Vec<String> = Vec::new();
    for (is_word, part) in segments(&text) {
        if !is_word {
            continue;
        }
        let list = match analyze(part).map(|s| s.style) {
            Some(ToneStyle::Old) => &mut old,
            Some(ToneStyle::New) => &mut new,
            None => continue,
        };
        if !list.iter().any(|w| w == part) {
            list.push(part.to_string());
        }
    }
    (old, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_nfc(s: &str) -> bool {
        s.nfc().eq(s.chars())
    }

    /// (old style, new style) pairs of whole texts.
    const PAIRS: &[(&str, &str)] = &[
        (
            "Ủy ban nhân dân tỉnh Khánh Hòa",
            "Uỷ ban nhân dân tỉnh Khánh Hoà",
        ),
        ("mạnh khỏe", "mạnh khoẻ"),
        ("thủy lợi", "thuỷ lợi"),
        ("quý hóa", "quý hoá"),
        ("hòa nhạc", "hoà nhạc"),
        ("thủy thủ", "thuỷ thủ"),
        (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ),
        ("HUYỆN ỦY ĐỊNH HÓA", "HUYỆN UỶ ĐỊNH HOÁ"),
        ("ĐẢNG ỦY KHỐI", "ĐẢNG UỶ KHỐI"),
        ("Tỉnh ủy Bắc Ninh", "Tỉnh uỷ Bắc Ninh"),
        ("thừa ủy quyền", "thừa uỷ quyền"),
        ("Tùy theo", "Tuỳ theo"),
        ("hỏa tốc", "hoả tốc"),
        ("Giấy ủy quyền", "Giấy uỷ quyền"),
        (
            "góa phụ, đóa hoa, xòe ra, lòe loẹt",
            "goá phụ, đoá hoa, xoè ra, loè loẹt",
        ),
        (
            "Thụy Điển, lũy kế, hủy bỏ, suy thoái",
            "Thuỵ Điển, luỹ kế, huỷ bỏ, suy thoái",
        ),
        ("Chi bộ: (Hòa)", "Chi bộ: (Hoà)"),
        ("hòa-bình/thủy_lợi", "hoà-bình/thuỷ_lợi"),
        ("Òa khóc", "Oà khóc"),
        ("ỦY", "UỶ"),
        ("Ủy", "Uỷ"),
        ("HÒA", "HOÀ"),
        ("Hòa", "Hoà"),
        // Case stays with the letter; only the tone moves.
        ("hÒa", "hOà"),
    ];

    /// Words written the same way in both styles.
    const UNCHANGED: &[&str] = &[
        "Hoàng", "hoàng", "hoạch", "khuya", "thuyền", "thuế", "thuở", "giúp", "giá", "quý", "quỳ",
        "quỷ", "Quý", "QUÝ", "hoa", "thuy", "ngoài", "khuỷu", "khoảng", "toàn", "quyết", "thuộc",
        "huấn", "hoặc", "người", "Việt", "", "2020", "Đ",
    ];

    #[test]
    fn pairs_convert_both_ways() {
        for (old, new) in PAIRS {
            assert_eq!(normalize_tone(old, ToneStyle::New), *new, "{old} → new");
            assert_eq!(normalize_tone(new, ToneStyle::Old), *old, "{new} → old");
            assert_eq!(normalize_tone(old, ToneStyle::Old), *old, "{old} stays old");
            assert_eq!(normalize_tone(new, ToneStyle::New), *new, "{new} stays new");
        }
    }

    #[test]
    fn unchanged_words_in_both_directions() {
        for word in UNCHANGED {
            assert_eq!(normalize_tone(word, ToneStyle::New), *word);
            assert_eq!(normalize_tone(word, ToneStyle::Old), *word);
            assert_eq!(tone_style_of_word(word), None, "{word}");
        }
        let sentence = "Hoàng hôn khuya trên thuyền, thuế thuở trước giúp quý vị.";
        assert_eq!(normalize_tone(sentence, ToneStyle::New), sentence);
        assert_eq!(normalize_tone(sentence, ToneStyle::Old), sentence);
    }

    #[test]
    fn tone_style_of_word_table() {
        let cases = [
            ("hòa", Some(ToneStyle::Old)),
            ("hoà", Some(ToneStyle::New)),
            ("Hòa", Some(ToneStyle::Old)),
            ("HOÀ", Some(ToneStyle::New)),
            ("khỏe", Some(ToneStyle::Old)),
            ("khoẻ", Some(ToneStyle::New)),
            ("thủy", Some(ToneStyle::Old)),
            ("thuỷ", Some(ToneStyle::New)),
            ("ủy", Some(ToneStyle::Old)),
            ("Uỷ", Some(ToneStyle::New)),
            ("hóa", Some(ToneStyle::Old)),
            ("hoá", Some(ToneStyle::New)),
            ("hoa", None),
            ("hoàng", None),
            ("quý", None),
            ("quỳ", None),
            ("giá", None),
            ("khuya", None),
            ("thuế", None),
            ("hòa,", None),
            ("hòa bình", None),
            ("", None),
            // NFD input is accepted.
            ("ho\u{300}a", Some(ToneStyle::Old)),
            ("hoa\u{300}", Some(ToneStyle::New)),
            // Two tone marks: not a valid syllable.
            ("hòà", None),
            // Tone on a consonant (d with dot below).
            ("\u{1e0d}oa", None),
        ];
        for (word, want) in cases {
            assert_eq!(tone_style_of_word(word), want, "{word:?}");
        }
    }

    #[test]
    fn idempotent() {
        let texts = [
            "Ủy ban nhân dân tỉnh Khánh Hòa và Uỷ ban Mặt trận tỉnh Khánh Hoà",
            "mạnh khỏe, mạnh khoẻ, thủy lợi, thuỷ lợi, quý hóa",
            "HUYỆN UỶ ĐỊNH HÓA",
        ];
        for text in texts {
            for style in [ToneStyle::Old, ToneStyle::New] {
                let once = normalize_tone(text, style);
                assert_eq!(normalize_tone(&once, style), once, "{text} {style:?}");
                let (old, new) = detect_mixed(&once);
                match style {
                    ToneStyle::Old => assert!(new.is_empty(), "{once}"),
                    ToneStyle::New => assert!(old.is_empty(), "{once}"),
                }
            }
        }
    }

    #[test]
    fn round_trip_paragraph() {
        let old = "Sáng 13/3, tại Trường Chính trị tỉnh, Khối thi đua các cơ quan Đảng \
                   tổ chức hội nghị ký kết giao ước thi đua năm 2019. Đồng chí Phó Chủ tịch \
                   Ủy ban nhân dân tỉnh, Ủy viên Ban Thường vụ Tỉnh ủy dự và phát biểu. \
                   Hội nghị diễn ra trong không khí hòa hợp; các đại biểu chúc nhau mạnh khỏe, \
                   bàn về công tác thủy lợi, quốc phòng, hoàng hôn, thuyền khuya, thuế, quý hóa.";
        let new = normalize_tone(old, ToneStyle::New);
        assert!(new.contains("Uỷ ban nhân dân tỉnh, Uỷ viên"));
        assert!(new.contains("Tỉnh uỷ dự"));
        assert!(new.contains("hoà hợp"));
        assert!(new.contains("mạnh khoẻ"));
        assert!(new.contains("thuỷ lợi"));
        assert!(new.contains("quý hoá."));
        assert!(new.contains("hoàng hôn, thuyền khuya, thuế"));
        assert_ne!(new, old);
        assert_eq!(normalize_tone(&new, ToneStyle::Old), old);
        assert!(is_nfc(&new));
    }

    #[test]
    fn exhaustive_syllable_round_trip() {
        let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
        let nuclei = [("o", "a"), ("o", "e"), ("u", "y")];
        for initial in INITIALS {
            for (v1, v2) in nuclei {
                for tone in tones {
                    let old: String = format!("{initial}{v1}{tone}{v2}").nfc().collect();
                    let new: String = format!("{initial}{v1}{v2}{tone}").nfc().collect();
                    assert_eq!(old.chars().count(), initial.chars().count() + 2);
                    assert_eq!(tone_style_of_word(&old), Some(ToneStyle::Old), "{old}");
                    assert_eq!(tone_style_of_word(&new), Some(ToneStyle::New), "{new}");
                    assert_eq!(normalize_tone(&old, ToneStyle::New), new);
                    assert_eq!(normalize_tone(&new, ToneStyle::Old), old);
                    let upper_old = old.to_uppercase();
                    let upper_new = new.to_uppercase();
                    assert_eq!(normalize_tone(&upper_old, ToneStyle::New), upper_new);
                    assert_eq!(normalize_tone(&upper_new, ToneStyle::Old), upper_old);
                }
            }
        }
    }

    #[test]
    fn qu_and_gi_never_change() {
        let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
        for tone in tones {
            for word in [
                format!("quy{tone}"),
                format!("qu{tone}y"),
                format!("gia{tone}"),
                format!("gio{tone}a"),
                format!("thue\u{302}{tone}"),
                format!("thuo\u{31b}{tone}"),
                format!("kho{tone}ang"),
                format!("khuya{tone}"),
            ] {
                let word: String = word.nfc().collect();
                assert_eq!(normalize_tone(&word, ToneStyle::New), word, "{word}");
                assert_eq!(normalize_tone(&word, ToneStyle::Old), word, "{word}");
            }
        }
    }

    #[test]
    fn nfd_input_gives_nfc_output() {
        let nfd: String = "Ủy ban nhân dân tỉnh Khánh Hòa".nfd().collect();
        let got = normalize_tone(&nfd, ToneStyle::New);
        assert_eq!(got, "Uỷ ban nhân dân tỉnh Khánh Hoà");
        assert!(is_nfc(&got));
        // Unchanged text is still returned in NFC.
        let plain: String = "Việt Nam".nfd().collect();
        assert_eq!(normalize_tone(&plain, ToneStyle::Old), "Việt Nam");
    }

    #[test]
    fn separators_kept_verbatim() {
        let text = "  Hòa\t\tthủy\n«khỏe»—ủy…\u{a0}123Hòa456 ";
        let want = "  Hoà\t\tthuỷ\n«khoẻ»—uỷ…\u{a0}123Hoà456 ";
        assert_eq!(normalize_tone(text, ToneStyle::New), want);
        assert_eq!(normalize_tone(want, ToneStyle::Old), text);
        assert_eq!(normalize_tone("", ToneStyle::New), "");
        assert_eq!(normalize_tone("...", ToneStyle::Old), "...");
    }

    #[test]
    fn stray_combining_mark_leaves_word_alone() {
        // "hoà" followed by an acute that cannot compose: word is not touched.
        let text = "hoa\u{300}\u{301} x";
        let nfc: String = text.nfc().collect();
        assert_eq!(normalize_tone(text, ToneStyle::Old), nfc);
        assert!(is_nfc(&normalize_tone(text, ToneStyle::Old)));
    }

    #[test]
    fn non_vietnamese_text_untouched() {
        let texts = [
            "Москва́ и Κόσμος",
            "東京 2020 ✓ 🙂",
            "naïve café résumé",
            "Zoë Noël",
        ];
        for text in texts {
            let nfc: String = text.nfc().collect();
            assert_eq!(normalize_tone(text, ToneStyle::New), nfc);
            assert_eq!(normalize_tone(text, ToneStyle::Old), nfc);
        }
    }

    #[test]
    fn detect_mixed_table() {
        let text = "Ủy ban nhân dân tỉnh Khánh Hoà, Tỉnh ủy, Uỷ ban, Hòa, hòa, Ủy ban, \
                    Hoàng, quý, mạnh khoẻ, thủy lợi, Hoà";
        let (old, new) = detect_mixed(text);
        assert_eq!(old, ["Ủy", "ủy", "Hòa", "hòa", "thủy"]);
        assert_eq!(new, ["Hoà", "Uỷ", "khoẻ"]);

        let (old, new) = detect_mixed("Ủy ban nhân dân tỉnh Khánh Hòa");
        assert_eq!(old, ["Ủy", "Hòa"]);
        assert!(new.is_empty());

        let (old, new) = detect_mixed("Uỷ ban nhân dân tỉnh Khánh Hoà");
        assert!(old.is_empty());
        assert_eq!(new, ["Uỷ", "Hoà"]);

        let (old, new) = detect_mixed("Hoàng hôn, quý vị, thuế");
        assert!(old.is_empty() && new.is_empty());

        let (old, new) = detect_mixed("");
        assert!(old.is_empty() && new.is_empty());

        // NFD words are reported in NFC.
        let nfd: String = "Hòa hoà".nfd().collect();
        assert_eq!(
            detect_mixed(&nfd),
            (vec!["Hòa".to_string()], vec!["hoà".to_string()])
        );
    }

    #[test]
    fn pseudo_random_text_properties() {
        let alphabet: Vec<char> = "hoauyeqgikt òóỏõọàáảãạèéẻẽẹùúủũụỳýỷỹỵ ĐÒÀỦỶ,.\u{300}\u{301}"
            .chars()
            .collect();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..12 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let idx = usize::try_from(state >> 33).unwrap_or(0) % alphabet.len();
                text.push(alphabet.get(idx).copied().unwrap_or(' '));
            }
            let old = normalize_tone(&text, ToneStyle::Old);
            let new = normalize_tone(&text, ToneStyle::New);
            assert!(is_nfc(&old) && is_nfc(&new), "{text:?}");
            assert_eq!(normalize_tone(&old, ToneStyle::Old), old, "{text:?}");
            assert_eq!(normalize_tone(&new, ToneStyle::New), new, "{text:?}");
            assert_eq!(normalize_tone(&new, ToneStyle::Old), old, "{text:?}");
            assert_eq!(normalize_tone(&old, ToneStyle::New), new, "{text:?}");
            assert!(detect_mixed(&old).1.is_empty(), "{text:?}");
            assert!(detect_mixed(&new).0.is_empty(), "{text:?}");
        }
    }
}

//! Numbers and money amounts in words, Northern variant (spec §9 "Numbers and
//! money"): `mười`/`mươi`, `mốt`, `tư` and `lăm` after tens, `linh` for an
//! empty tens digit, `không trăm` for an empty hundreds digit inside a larger
//! number, scale words `nghìn`, `triệu`, `tỷ` (repeated for larger numbers:
//! `nghìn tỷ`, `triệu tỷ`, `tỷ tỷ`). Also first-letter capitalisation for the
//! "Bằng chữ:" line.

use unicode_normalization::UnicodeNormalization;

/// Digit names, index = digit.
const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// One billion: the unit of the word `tỷ`; numbers at least this big are read
/// as `<quotient> tỷ <remainder>`.
const BILLION: u64 = 1_000_000_000;

/// The name of a single digit (0–9); out-of-range input gives an empty string.
fn digit(d: u64) -> &'static str {
    usize::try_from(d)
        .ok()
        .and_then(|i| DIGITS.get(i))
        .copied()
        .unwrap_or("")
}

/// Reads a group of three digits (`0 < n < 1000`) into `out`.
///
/// `full` is set for every group that is not the leading one: its hundreds
/// digit is then always read (`không trăm`) and an empty tens digit before a
/// unit is read `linh`.
fn read_group(n: u64, full: bool, out: &mut Vec<&'static str>) {
    let hundreds = (n / 100) % 10;
    let tens = (n / 10) % 10;
    let units = n % 10;
    let has_hundreds = full || hundreds > 0;
    if has_hundreds {
        out.push(digit(hundreds));
        out.push("trăm");
    }
    match tens {
        0 => {
            if units > 0 && has_hundreds {
                out.push("linh");
            }
        }
        1 => out.push("mười"),
        _ => {
            out.push(digit(tens));
            out.push("mươi");
        }
    }
    match units {
        0 => {}
        1 if tens >= 2 => out.push("mốt"),
        4 if tens >= 2 => out.push("tư"),
        5 if tens >= 1 => out.push("lăm"),
        _ => out.push(digit(units)),
    }
}

/// Reads `n > 0` into `out`. `leading` is true when nothing has been read
/// before `n` (so its first group is read without `không trăm`).
fn read_number(n: u64, leading: bool, out: &mut Vec<&'static str>) {
    let high = n / BILLION;
    let low = n % BILLION;
    if high > 0 {
        read_number(high, leading, out);
        out.push("tỷ");
    }
    let mut first = leading && high == 0;
    let groups = [
        (low / 1_000_000, Some("triệu")),
        ((low / 1_000) % 1_000, Some("nghìn")),
        (low % 1_000, None),
    ];
    for (group, scale) in groups {
        if group == 0 {
            continue;
        }
        read_group(group, !first, out);
        if let Some(scale) = scale {
            out.push(scale);
        }
        first = false;
    }
}

/// A whole number in lower-case words, Northern variant:
/// 0 → `không`, 15 → `mười lăm`, 21 → `hai mươi mốt`, 24 → `hai mươi tư`,
/// 101 → `một trăm linh một`, 1001 → `một nghìn không trăm linh một`,
/// 1 250 000 → `một triệu hai trăm năm mươi nghìn`,
/// 2 000 000 000 000 → `hai nghìn tỷ`.
///
/// Groups of three zeros are skipped entirely; any later non-zero group whose
/// hundreds digit is zero is read with `không trăm` (1 000 001 → `một triệu
/// không trăm linh một`). Above `tỷ` the scale words repeat
/// (10¹⁵ → `một triệu tỷ`, 10¹⁸ → `một tỷ tỷ`).
pub fn number_words(n: u64) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let mut out = Vec::new();
    read_number(n, true, &mut out);
    out.join(" ")
}

/// A money amount in words with a capital first letter followed by `đồng`, as
/// written after "Bằng chữ:": 1 250 000 → `Một triệu hai trăm năm mươi nghìn
/// đồng`.
pub fn amount_words(n: u64) -> String {
    capitalize_first(&format!("{} đồng", number_words(n)))
}

/// Upper-cases the first character of `s` (Unicode case mapping, so `đ` → `Đ`,
/// `ư` → `Ư`) and returns the result in NFC. The rest is left as is.
pub fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out: String = first.to_uppercase().collect();
    out.push_str(chars.as_str());
    out.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_table() {
        let cases: &[(u64, &str)] = &[
            (0, "không"),
            (1, "một"),
            (4, "bốn"),
            (5, "năm"),
            (9, "chín"),
            (10, "mười"),
            (11, "mười một"),
            (14, "mười bốn"),
            (15, "mười lăm"),
            (19, "mười chín"),
            (20, "hai mươi"),
            (21, "hai mươi mốt"),
            (24, "hai mươi tư"),
            (25, "hai mươi lăm"),
            (41, "bốn mươi mốt"),
            (44, "bốn mươi tư"),
            (55, "năm mươi lăm"),
            (90, "chín mươi"),
            (99, "chín mươi chín"),
            (100, "một trăm"),
            (101, "một trăm linh một"),
            (104, "một trăm linh bốn"),
            (105, "một trăm linh năm"),
            (110, "một trăm mười"),
            (111, "một trăm mười một"),
            (115, "một trăm mười lăm"),
            (121, "một trăm hai mươi mốt"),
            (200, "hai trăm"),
            (999, "chín trăm chín mươi chín"),
            (1_000, "một nghìn"),
            (1_001, "một nghìn không trăm linh một"),
            (1_010, "một nghìn không trăm mười"),
            (1_015, "một nghìn không trăm mười lăm"),
            (1_021, "một nghìn không trăm hai mươi mốt"),
            (1_100, "một nghìn một trăm"),
            (2_024, "hai nghìn không trăm hai mươi tư"),
            (10_000, "mười nghìn"),
            (15_000, "mười lăm nghìn"),
            (21_000, "hai mươi mốt nghìn"),
            (100_000, "một trăm nghìn"),
            (105_000, "một trăm linh năm nghìn"),
            (1_000_000, "một triệu"),
            (1_000_001, "một triệu không trăm linh một"),
            (1_005_000, "một triệu không trăm linh năm nghìn"),
            (1_250_000, "một triệu hai trăm năm mươi nghìn"),
            (
                12_345_678,
                "mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám",
            ),
            (1_000_000_000, "một tỷ"),
            (1_000_000_005, "một tỷ không trăm linh năm"),
            (1_005_000_000, "một tỷ không trăm linh năm triệu"),
            (
                1_234_567_890,
                "một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi",
            ),
            (2_000_000_000_000, "hai nghìn tỷ"),
            (2_001_000_000_000, "hai nghìn không trăm linh một tỷ"),
            (1_000_000_000_000_000, "một triệu tỷ"),
            (1_000_000_000_000_000_000, "một tỷ tỷ"),
            (
                u64::MAX,
                "mười tám tỷ bốn trăm bốn mươi sáu triệu bảy trăm bốn mươi tư nghìn \
                 không trăm bảy mươi ba tỷ bảy trăm linh chín triệu năm trăm năm mươi mốt \
                 nghìn sáu trăm mười lăm",
            ),
        ];
        for (n, want) in cases {
            assert_eq!(number_words(*n), *want, "{n}");
        }
    }

    #[test]
    fn number_words_never_panics_and_is_well_formed() {
        let samples = (0..2_000u64)
            .chain((0..64).map(|s| 1u64 << s))
            .chain((1..=19).map(|e| 10u64.pow(e)))
            .chain((1..=19).map(|e| 10u64.pow(e) - 1))
            .chain((1..=19).map(|e| 10u64.pow(e) + 1))
            .chain([u64::MAX, u64::MAX - 1, u64::MAX / 2]);
        for n in samples {
            let w = number_words(n);
            assert!(!w.is_empty(), "{n}");
            assert!(!w.contains("  "), "{n}: {w}");
            assert_eq!(w.trim(), w, "{n}");
            if n != 0 {
                assert!(!w.starts_with("không"), "{n}: {w}");
                assert!(!w.ends_with("không"), "{n}: {w}");
            }
            assert!(!w.contains("mươi một"), "{n}: {w}");
            assert!(!w.contains("mười một trăm"), "{n}: {w}");
        }
    }

    #[test]
    fn amount_words_table() {
        let cases: &[(u64, &str)] = &[
            (0, "Không đồng"),
            (5, "Năm đồng"),
            (1_250_000, "Một triệu hai trăm năm mươi nghìn đồng"),
            (500_000, "Năm trăm nghìn đồng"),
            (2_021_000, "Hai triệu không trăm hai mươi mốt nghìn đồng"),
            (10_000_000, "Mười triệu đồng"),
        ];
        for (n, want) in cases {
            assert_eq!(amount_words(*n), *want, "{n}");
        }
    }

    #[test]
    fn capitalize_first_table() {
        let cases = [
            ("", ""),
            ("a", "A"),
            ("đảng ủy", "Đảng ủy"),
            ("ưu tiên", "Ưu tiên"),
            ("ủy ban", "Ủy ban"),
            ("Đã", "Đã"),
            ("123 abc", "123 abc"),
            (" space", " space"),
            ("ßtraße", "SStraße"),
            // Decomposed input comes out composed.
            ("u\u{31b}\u{300}a", "Ừa"),
        ];
        for (input, want) in cases {
            assert_eq!(capitalize_first(input), want, "{input:?}");
        }
    }
}

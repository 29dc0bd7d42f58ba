//! Upper/lower casing for Vietnamese headers and whitespace clean-up (spec §9
//! "Capitalisation": headers use full upper case with Unicode case mapping,
//! đ → Đ, ư → Ư, ủ → Ủ). Results are always NFC, so no letter ends up with
//! detached combining marks.

/// Upper-cases `s` with full Unicode case mapping and returns NFC:
/// `đảng ủy khối` → `ĐẢNG ỦY KHỐI`, `ỹ ỵ ử` → `Ỹ Ỵ Ử`. Decomposed input is
/// composed.
pub fn upper_vi(s: &str) -> String {
    crate::text::to_nfc(&s.to_uppercase())
}

/// Lower-cases `s` with full Unicode case mapping and returns NFC:
/// `ĐẢNG ỦY KHỐI` → `đảng ủy khối`.
pub fn lower_vi(s: &str) -> String {
    crate::text::to_nfc(&s.to_lowercase())
}

/// `s` reduced for comparing words as people type them: lower case, every diacritic dropped
/// (tone marks and the marks of ă â ê ô ơ ư; đ → d), punctuation taken as a space, the words
/// joined by single spaces: `"Mục đích, yêu cầu:"` → `"muc dich yeu cau"`, `"Bỏ phiếu KÍN"`
/// → `"bo phieu kin"`.
pub fn fold_vi(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let plain: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'đ' => 'd',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn fold_vi_drops_case_marks_and_punctuation() {
        let cases = [
            ("Mục đích, yêu cầu:", "muc dich yeu cau"),
            ("Bỏ phiếu KÍN", "bo phieu kin"),
            ("  TỔ CHỨC THỰC HIỆN.  ", "to chuc thuc hien"),
            ("I. Nội dung giao ước", "i noi dung giao uoc"),
            ("Đ\u{1ea0}O", "dao"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(fold_vi(input), want, "{input:?}");
        }
    }

    #[test]
    fn upper_vi_table() {
        let cases = [
            ("đảng ủy khối", "ĐẢNG ỦY KHỐI"),
            ("ư", "Ư"),
            ("ỹ ỵ ử", "Ỹ Ỵ Ử"),
            (
                "cộng hòa xã hội chủ nghĩa việt nam",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ),
            ("Ủy ban nhân dân tỉnh", "ỦY BAN NHÂN DÂN TỈNH"),
            ("trường chính trị", "TRƯỜNG CHÍNH TRỊ"),
            ("ơ ờ ở ỡ ớ ợ", "Ơ Ờ Ở Ỡ Ớ Ợ"),
            ("ă ằ ẳ ẵ ắ ặ â ầ ẩ ẫ ấ ậ", "Ă Ằ Ẳ Ẵ Ắ Ặ Â Ầ Ẩ Ẫ Ấ Ậ"),
            ("ê ề ể ễ ế ệ ô ồ ổ ỗ ố ộ", "Ê Ề Ể Ễ Ế Ệ Ô Ồ Ổ Ỗ Ố Ộ"),
            ("ừ ử ữ ứ ự ỳ ỷ ỹ ý ỵ", "Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ"),
            ("", ""),
            ("ABC 123", "ABC 123"),
            // Decomposed (NFD) input: u + horn + hook above.
            ("u\u{31b}\u{309}", "Ử"),
            ("y\u{303}", "Ỹ"),
            ("d\u{323}", "Ḍ"),
        ];
        for (input, want) in cases {
            let got = upper_vi(input);
            assert_eq!(got, want, "{input:?}");
            assert!(got.nfc().eq(got.chars()), "not NFC: {got:?}");
        }
    }

    #[test]
    fn lower_vi_table() {
        let cases = [
            ("ĐẢNG ỦY KHỐI", "đảng ủy khối"),
            ("Ư", "ư"),
            ("Ỹ Ỵ Ử", "ỹ ỵ ử"),
            ("HOÀ BÌNH", "hoà bình"),
            ("U\u{31b}\u{309}", "ử"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(lower_vi(input), want, "{input:?}");
        }
    }

    #[test]
    fn round_trip_upper_lower() {
        let text = "đảng ủy khối các cơ quan tỉnh bắc ninh ữ ỵ";
        assert_eq!(lower_vi(&upper_vi(text)), text);
    }
}

//! Number formatting in the Vietnamese convention (spec §9 "Numbers and
//! money"): `.` groups thousands and `,` separates decimals (`1.250.000`,
//! `99,1%`), percentages rounded half up on the exact ratio, and the
//! zero-padded document number (`Số: 05/...`).

/// Largest number of decimal places [`decimal`] prints; larger requests are
/// clamped to it (an `f64` carries about 17 significant digits anyway).
pub const MAX_DECIMAL_PLACES: usize = 20;

/// Inserts `.` between groups of three digits, counting from the right.
/// `digits` must be ASCII digits only.
fn group_digits(digits: &str) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// An integer with `.` as the thousands separator: `1.250.000`, `-1.000`,
/// `0`. Works for the whole `i64` range.
pub fn group_int(n: i64) -> String {
    let grouped = group_digits(&n.unsigned_abs().to_string());
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// Number of fractional digits that prints every finite `f64` exactly (the
/// smallest subnormal, 2⁻¹⁰⁷⁴, has 1074).
const EXACT_F64_DIGITS: usize = 1074;

/// A decimal number with `.` grouping and `,` as decimal separator, rounded
/// to `places` decimals: `decimal(1250000.5, 2)` → `1.250.000,50`,
/// `decimal(99.1, 1)` → `99,1`.
///
/// NaN and infinities give `"?"`. `places` is clamped to
/// [`MAX_DECIMAL_PLACES`]. Rounding is half away from zero on the exact
/// binary value of `x` (`2.25` → `2,3`, `0.5` → `1`; but `1.005` is stored as
/// 1.00499… and gives `1,00`). A value that rounds to zero is printed without
/// a minus sign (`-0,001` at 2 places → `0,00`).
pub fn decimal(x: f64, places: usize) -> String {
    if !x.is_finite() {
        return "?".to_string();
    }
    let places = places.min(MAX_DECIMAL_PLACES);
    // Exact decimal expansion of |x|, then round by hand.
    let exact = format!("{:.*}", EXACT_F64_DIGITS, x.abs());
    let (int_part, frac_part) = exact.split_once('.').unwrap_or((exact.as_str(), ""));
    let mut digits: Vec<u8> = int_part
        .bytes()
        .chain(frac_part.bytes().take(places))
        .collect();
    digits.resize(int_part.len() + places, b'0');
    if frac_part.as_bytes().get(places).is_some_and(|&d| d >= b'5') {
        let mut carry = true;
        for d in digits.iter_mut().rev() {
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                carry = false;
                break;
            }
        }
        if carry {
            digits.insert(0, b'1');
        }
    }
    let int_len = digits.len().saturating_sub(places);
    let (int_digits, frac_digits) = digits.split_at(int_len);
    let int_digits = String::from_utf8_lossy(int_digits);
    let frac_digits = String::from_utf8_lossy(frac_digits);
    let nonzero = digits.iter().any(|b| matches!(b, b'1'..=b'9'));
    let mut out = String::new();
    if x.is_sign_negative() && nonzero {
        out.push('-');
    }
    out.push_str(&group_digits(&int_digits));
    if !frac_digits.is_empty() {
        out.push(',');
        out.push_str(&frac_digits);
    }
    out
}

/// `part` as a percentage of `whole` with at most two decimals (trailing zeros
/// dropped, spec §10), a decimal comma and a `%` sign: 25 of 27 → `92,59%`,
/// 27 of 27 → `100%`, 1 of 8 → `12,5%`. Rounds half up on the exact ratio
/// (integer arithmetic, no floating point). `None` when `whole` is zero.
/// `part` may exceed `whole` (`150%`).
pub fn percent(part: u64, whole: u64) -> Option<String> {
    if whole == 0 {
        return None;
    }
    let part = u128::from(part);
    let whole = u128::from(whole);
    // Hundredths of a percent, rounded half up: floor(part*10000/whole + 1/2).
    let hundredths = (part * 20_000 + whole) / (2 * whole);
    let int_part = group_digits(&(hundredths / 100).to_string());
    let frac = format!("{:02}", hundredths % 100);
    let frac = frac.trim_end_matches('0');
    Some(if frac.is_empty() {
        format!("{int_part}%")
    } else {
        format!("{int_part},{frac}%")
    })
}

/// A document number zero-padded to two digits: `5` → `05`, `12` → `12`,
/// `123` → `123`.
pub fn pad2(n: u32) -> String {
    format!("{n:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_int_table() {
        let cases: [(i64, &str); 16] = [
            (0, "0"),
            (7, "7"),
            (12, "12"),
            (999, "999"),
            (1_000, "1.000"),
            (-1_000, "-1.000"),
            (-999, "-999"),
            (-1, "-1"),
            (12_345, "12.345"),
            (123_456, "123.456"),
            (1_250_000, "1.250.000"),
            (1_000_000, "1.000.000"),
            (10_000_000, "10.000.000"),
            (1_234_567_890, "1.234.567.890"),
            (i64::MAX, "9.223.372.036.854.775.807"),
            (i64::MIN, "-9.223.372.036.854.775.808"),
        ];
        for (n, want) in cases {
            assert_eq!(group_int(n), want, "{n}");
        }
    }

    #[test]
    fn decimal_table() {
        let cases: &[(f64, usize, &str)] = &[
            (1_250_000.5, 2, "1.250.000,50"),
            (99.1, 1, "99,1"),
            (0.0, 0, "0"),
            (0.0, 2, "0,00"),
            (-0.0, 2, "0,00"),
            (-0.001, 2, "0,00"),
            (-1234.5, 1, "-1.234,5"),
            (1234.0, 0, "1.234"),
            (999.999, 2, "1.000,00"),
            (0.5, 0, "1"),
            (1.5, 0, "2"),
            (2.5, 0, "3"),
            (-2.5, 0, "-3"),
            (2.25, 1, "2,3"),
            (0.125, 2, "0,13"),
            (1.005, 2, "1,00"),
            (9.995, 2, "9,99"),
            (9.5, 0, "10"),
            (999_999.5, 0, "1.000.000"),
            (0.0049, 2, "0,00"),
            (0.005, 2, "0,01"),
            (12.3456, 3, "12,346"),
            (1e6, 0, "1.000.000"),
            (12.0, 3, "12,000"),
            (-0.75, 2, "-0,75"),
            (100.0, 1, "100,0"),
        ];
        for &(x, places, want) in cases {
            assert_eq!(decimal(x, places), want, "{x} {places}");
        }
    }

    #[test]
    fn decimal_never_panics() {
        assert_eq!(decimal(f64::NAN, 2), "?");
        assert_eq!(decimal(f64::INFINITY, 2), "?");
        assert_eq!(decimal(f64::NEG_INFINITY, 0), "?");
        let huge = decimal(f64::MAX, 2);
        assert!(huge.starts_with("179.769.313"), "{huge}");
        assert!(huge.ends_with(",00"));
        let many = decimal(1.0, usize::MAX);
        assert_eq!(many, format!("1,{}", "0".repeat(MAX_DECIMAL_PLACES)));
        assert!(decimal(f64::MIN_POSITIVE, 5) == "0,00000");
        assert!(decimal(-f64::MAX, 0).starts_with("-179.769"));
    }

    #[test]
    fn percent_table() {
        let cases: [(u64, u64, Option<&str>); 14] = [
            (25, 27, Some("92,59%")),
            (27, 27, Some("100%")),
            (0, 27, Some("0%")),
            (1, 3, Some("33,33%")),
            (2, 3, Some("66,67%")),
            (1, 8, Some("12,5%")),
            // 1/20000 = 0.005 %: exactly half a hundredth, rounds up.
            (1, 80_000, Some("0%")),
            (1, 40_000, Some("0%")),
            (1, 20_000, Some("0,01%")),
            (3, 2, Some("150%")),
            (991, 1000, Some("99,1%")),
            (5, 0, None),
            (0, 0, None),
            (u64::MAX, u64::MAX, Some("100%")),
        ];
        for (part, whole, want) in cases {
            assert_eq!(percent(part, whole).as_deref(), want, "{part}/{whole}");
        }
    }

    #[test]
    fn percent_rounds_half_up_exactly() {
        // 1/1600 = 0.0625 %: 6.25 hundredths → 0,06.
        assert_eq!(percent(1, 1600).as_deref(), Some("0,06%"));
        // 5/100000 = 0.005 %: exactly half a hundredth → 0,01 (half up).
        assert_eq!(percent(5, 100_000).as_deref(), Some("0,01%"));
        // 0.004999…: just below the half → 0,00.
        assert_eq!(percent(4_999, 100_000_000).as_deref(), Some("0%"));
        // Big ratio is grouped.
        assert_eq!(
            percent(u64::MAX, 1).as_deref().map(|s| s.len() > 20),
            Some(true)
        );
        assert_eq!(percent(12_345, 1).as_deref(), Some("1.234.500%"));
    }

    #[test]
    fn pad2_table() {
        let cases = [
            (0, "00"),
            (1, "01"),
            (5, "05"),
            (9, "09"),
            (10, "10"),
            (12, "12"),
            (99, "99"),
            (123, "123"),
            (u32::MAX, "4294967295"),
        ];
        for (n, want) in cases {
            assert_eq!(pad2(n), want);
        }
    }
}

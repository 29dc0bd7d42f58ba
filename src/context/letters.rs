//! What letters share: number lines, issue dates, the Nơi nhận lists, the legal bases. The
//! default recipients and the Lưu line are worded by the shared words (`mac-dinh.j2`); the
//! punctuation of the list is [`recipient_lines`], applied in the template.

use serde::Serialize;

use super::{centred_upper, one_line};
use crate::model::{Letterhead, Meeting};
use crate::vietnamese::{self as vi, glue_names};

/// The header a document goes out under: the bloc's, or its head unit's (schema v1.2).
#[derive(Debug, Clone, Serialize)]
pub struct LetterheadCtx {
    /// The superior body, upper case, with its break marks.
    pub superior: Option<String>,
    /// The issuer (the bloc, or the head unit as its header names it), upper case, with its
    /// break marks.
    pub issuer: String,
    /// Whether the head unit issues the document (its letters sign "TM. KHỐI THI ĐUA").
    pub head_unit: bool,
    /// The issuer's code in the number line, when the file gives one.
    #[serde(skip)]
    pub code: Option<String>,
}

/// The header of a document of `m` that goes out under `choice`: the bloc's (`bloc.superior`,
/// `bloc.name`, `numbers.issuer_code`), or the head unit's (`members[].header`: its superior,
/// its name as the header prints it, else its `name`, and its code). Validation makes sure
/// `bloc.head_unit` names a member when a document asks for its letterhead; should it not,
/// the bloc's header is used.
pub fn letterhead(m: &Meeting, choice: Letterhead) -> LetterheadCtx {
    let code = |c: Option<&str>| {
        c.map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
    };
    fn given(s: &Option<String>) -> Option<&str> {
        s.as_deref().filter(|s| !s.trim().is_empty())
    }
    match (choice, m.head_member()) {
        (Letterhead::HeadUnit, Some(unit)) => {
            let header = unit.header.clone().unwrap_or_default();
            LetterheadCtx {
                superior: given(&header.superior).map(centred_upper),
                issuer: centred_upper(given(&header.name).unwrap_or(&unit.name)),
                head_unit: true,
                code: code(header.issuer_code.as_deref()),
            }
        }
        _ => LetterheadCtx {
            superior: m.bloc.superior.as_deref().map(centred_upper),
            issuer: centred_upper(&m.bloc.name),
            head_unit: false,
            code: code(m.numbers.issuer_code.as_deref()),
        },
    }
}

/// The Nơi nhận a file writes for a document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RecipientsCtx {
    /// The items, each on one line, blank ones and a last "Lưu …" item left out; none when
    /// the file gives none (the template's default applies).
    pub items: Option<Vec<String>>,
    /// The archive named for the Lưu line: the file's `archive`, else what a last "Lưu …"
    /// item names.
    pub archive: Option<String>,
}

/// The Nơi nhận of `items` and `archive` as a file writes them: a last item beginning with
/// "Lưu" names the archive ("Lưu: VT, Văn phòng" → "Văn phòng") unless `archive` does.
pub fn recipients(items: Option<&[String]>, archive: Option<&str>) -> RecipientsCtx {
    let mut archive = archive.map(|a| a.trim().to_owned());
    let items = items.map(|items| {
        let mut items: Vec<&String> = items.iter().filter(|i| !i.trim().is_empty()).collect();
        if let Some(last) = items.last().map(|l| l.trim_start())
            && last.starts_with("Lưu")
        {
            let rest = last["Lưu".len()..]
                .trim_start_matches([':', ' '])
                .trim_start_matches("VT")
                .trim_start_matches([',', ' '])
                .trim_end_matches(['.', ';', ' ']);
            if archive.is_none() && !rest.is_empty() {
                archive = Some(rest.to_owned());
            }
            items.pop();
        }
        items.into_iter().map(|i| one_line(i)).collect()
    });
    RecipientsCtx {
        items,
        archive: archive.map(|a| a.trim_end_matches(['.', ';']).to_owned()),
    }
}

/// The Nơi nhận as printed: every item on one line ending with `;`, then `last` (the Lưu
/// line), names glued.
pub fn recipient_lines(items: &[String], last: &str) -> Vec<String> {
    let items: Vec<String> = items
        .iter()
        .filter(|i| !i.trim().is_empty())
        .map(|i| one_line(i))
        .collect();
    let mut out = punctuate(&items, ";", ";");
    out.push(last.to_owned());
    out.into_iter().map(|i| glue_names(&i)).collect()
}

/// A document's number, as the shared words' `number_line` puts it under the issuer
/// (nd30 `Số: 05/BB-KTĐ`, party `Số 05-BB/KTĐ`).
#[derive(Debug, Clone, Serialize)]
pub struct NumberCtx {
    /// The number in two digits ("05"), or three no-break spaces to fill in by hand.
    pub number: String,
    /// The code of the document's kind ("BB", "GM", "TTr", the agreement's own).
    pub kind: String,
    /// The issuer's code ("KTĐ"), when the file gives one.
    pub issuer: Option<String>,
}

/// The number `number` (blanks when none) of a document of kind `kind` issued by `issuer`.
pub fn number(number: Option<u32>, kind: &str, issuer: Option<&str>) -> NumberCtx {
    NumberCtx {
        number: number.map_or_else(|| "\u{a0}".repeat(3), vi::pad2),
        kind: kind.to_owned(),
        issuer: issuer
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    }
}

/// The date line of a document issued on `issued` (`YYYY-MM-DD`), or with blanks for the
/// day and month to fill in by hand after signing.
pub fn issue_date_line(place: &str, issued: Option<&str>, year: i32) -> String {
    match issued.and_then(crate::model::parse_date) {
        Some(date) => vi::date_line(place.trim(), date),
        None => vi::date_line_blank(place.trim(), year),
    }
}

/// The legal bases punctuated: each with `;`, the last with `last` (the template puts "Căn
/// cứ" in front).
pub fn legal_bases(bases: &[String], last: &str) -> Vec<String> {
    punctuate(bases, ";", last)
}

/// Joins names as "A, B <and> C"; when a name holds a comma or the conjunction itself ("Sở
/// Khoa học và Công nghệ"), as "A; B; C", so the list reads one way only.
pub fn join_and(items: &[String], and: &str) -> String {
    let inner = format!(" {and} ");
    if items.iter().any(|i| i.contains(',') || i.contains(&inner)) {
        return items.join("; ");
    }
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{inner}{last}", init.join(", ")),
    }
}

/// Ends every item with `sep` and the last with `last` (replacing any final `;`, `.`, `,`).
pub fn punctuate(items: &[String], sep: &str, last: &str) -> Vec<String> {
    let n = items.len();
    items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let core = s.trim().trim_end_matches([';', '.', ',']).trim_end();
            format!("{core}{}", if i + 1 == n { last } else { sep })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(v: Vec<String>) -> Vec<String> {
        v.into_iter()
            .map(|s| s.replace(['\u{a0}', '\u{202f}', '\u{2007}', '\u{205f}'], " "))
            .collect()
    }

    #[test]
    fn numbers_are_two_digits_or_blanks() {
        let n = number(Some(5), "BB", Some(" KTĐ "));
        assert_eq!(
            (n.number.as_str(), n.issuer.as_deref()),
            ("05", Some("KTĐ"))
        );
        let n = number(None, "BB", Some(""));
        assert_eq!((n.number.as_str(), n.issuer), ("\u{a0}\u{a0}\u{a0}", None));
    }

    #[test]
    fn punctuation_and_joining() {
        let items = [
            "Luật A;".to_owned(),
            "Nghị định B.".to_owned(),
            "Quyết định C".to_owned(),
        ];
        assert_eq!(
            punctuate(&items, ";", "."),
            ["Luật A;", "Nghị định B;", "Quyết định C."]
        );
        assert_eq!(
            join_and(&["A".into(), "B".into(), "C".into()], "và"),
            "A, B và C"
        );
        assert_eq!(
            join_and(&["Sở Y tế".into(), "Sở Khoa học và Công nghệ".into()], "và"),
            "Sở Y tế; Sở Khoa học và Công nghệ"
        );
    }

    #[test]
    fn a_last_luu_item_names_the_archive() {
        let items = vec![
            "Các đơn vị".to_owned(),
            " ".to_owned(),
            "Lưu: VT, Văn phòng Sở Nội vụ.".to_owned(),
        ];
        let r = recipients(Some(&items), None);
        assert_eq!(r.items.as_deref(), Some(&["Các đơn vị".to_owned()][..]));
        assert_eq!(r.archive.as_deref(), Some("Văn phòng Sở Nội vụ"));
        // The file's own archive wins over the item's.
        let r = recipients(Some(&items), Some(" Văn phòng Tỉnh ủy; "));
        assert_eq!(r.archive.as_deref(), Some("Văn phòng Tỉnh ủy"));
        // No items: the template's default applies.
        assert!(recipients(None, None).items.is_none());
    }

    #[test]
    fn every_item_ends_with_a_semicolon_and_the_luu_line_closes() {
        let items = vec![
            "Các đơn vị trong Khối".to_owned(),
            "Ban Thi đua - Khen thưởng tỉnh.".to_owned(),
        ];
        assert_eq!(
            plain(recipient_lines(&items, "Lưu: VT, Hồ sơ.")),
            [
                "Các đơn vị trong Khối;",
                "Ban Thi đua - Khen thưởng tỉnh;",
                "Lưu: VT, Hồ sơ."
            ]
        );
    }
}

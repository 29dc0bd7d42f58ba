//! Every size limit on a meeting file, in one place.
//!
//! A real meeting is small: a 40-unit bloc with a full agreement is about 2,000 YAML nodes and
//! 60 KB. The limits below are well above that, and low enough that any file they accept is
//! typeset in about 1 GB and 30 seconds on two cores, all documents together (measured with
//! the largest meetings they allow: see the README). They are checked in this order: the size
//! of the file ([`MAX_FILE_BYTES`], while reading), the YAML structure ([`MAX_DEPTH`],
//! [`MAX_NODES`], [`MAX_ALIAS_NODES`], before serde), the lists ([`check_lists`]) and the
//! meeting's text in all ([`check_total_text`]) right after serde, and each text field
//! ([`check_text`] and [`check_words`], in the hygiene pass). The photos' pixels in all are
//! bounded by [`crate::images::MAX_MEETING_PIXELS`] when they are checked.

use crate::diag::Problem;
use crate::model::Meeting;

/// Largest meeting file accepted, in bytes (5 MB), whatever the file system says its size is.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;

/// Deepest YAML nesting accepted (the schema needs 5).
pub const MAX_DEPTH: usize = 32;
/// Most YAML nodes (mappings, lists, keys and values) written in the file. A 40-unit meeting has
/// about 2,000.
pub const MAX_NODES: usize = 50_000;
/// Most nodes that YAML aliases (`*name`) may add by standing for their anchor's content:
/// more than this is an "alias bomb" (a few lines that expand to millions of nodes).
pub const MAX_ALIAS_NODES: usize = 20_000;

/// Most characters in a text field (a name, a title, a caption …).
pub const MAX_TEXT_CHARS: usize = 2_000;
/// Most characters in a long-text field (one of [`LONG_TEXT_FIELDS`]).
pub const MAX_LONG_TEXT_CHARS: usize = 20_000;
/// Fields that hold running text and may be up to [`MAX_LONG_TEXT_CHARS`] long; `[*]` stands
/// for any index.
pub const LONG_TEXT_FIELDS: &[&str] = &[
    "article.paragraphs[*]",
    "article.body[*]",
    "article.lead",
    "guests[*].speech",
    "proceedings[*].summary",
    "commitments[*].intro",
    "commitments[*].items[*].text",
    "conclusions[*]",
    "legal_bases[*]",
    "agreement.preamble",
    "agreement.closing",
];
/// Longest word (run of characters without a space) in a text field: 60 characters of
/// Vietnamese at 14 pt is about one line, and a longer word cannot be broken. Photo file names
/// (`article.photos[*].file`) and web addresses (`https://…`, `www.…`, which Typst breaks
/// anywhere) are not checked.
pub const MAX_WORD_CHARS: usize = 60;

/// Most characters of text in the whole meeting, every field together: about 80 pages of
/// running text, four times the longest real meeting.
pub const MAX_TOTAL_CHARS: usize = 250_000;

/// Most member units (`members`): the largest blocs have about 60.
pub const MAX_MEMBERS: usize = 100;
/// Most guests (`guests`).
pub const MAX_GUESTS: usize = 50;
/// Most sections of commitments (`commitments`).
pub const MAX_SECTIONS: usize = 30;
/// Most commitments in one section (`commitments[*].items`).
pub const MAX_SECTION_ITEMS: usize = 200;
/// Most sub-items of one commitment (`commitments[*].items[*].items`).
pub const MAX_SUB_ITEMS: usize = 100;
/// Most entries in each of `proceedings`, `awards`, `conclusions`, `attendance.people`,
/// `attendance.blank_rows` and `proposal.results`.
pub const MAX_ENTRIES: usize = 100;
/// Most votes (`votes`).
pub const MAX_VOTES: usize = 30;
/// Most photos (`article.photos`).
pub const MAX_PHOTOS: usize = 30;
/// Most options of one vote (`votes[*].options`): one per member unit at most, in practice.
pub const MAX_VOTE_OPTIONS: usize = 100;
/// Most entries in any other list (`activities`, `legal_bases`, titles, recipients, elected
/// units, award recipients, article paragraphs).
pub const MAX_OTHER_LIST: usize = 200;

/// A list's field path, its length and its limit.
type Measured = (String, usize, usize);

/// Lists longer than their limit, as errors naming the list.
pub fn check_lists(m: &Meeting) -> Vec<Problem> {
    let mut lists = top_lists(m);
    lists.extend(inner_lists(m));
    lists.extend(block_lists(m));
    lists
        .into_iter()
        .filter(|(_, len, max)| len > max)
        .map(|(path, len, max)| too_many(&path, len, max))
        .collect()
}

/// The lists at the top level of the meeting, and the chair's and secretary's titles.
fn top_lists(m: &Meeting) -> Vec<Measured> {
    let mut lists: Vec<Measured> = vec![
        ("activities".into(), m.activities.len(), MAX_OTHER_LIST),
        ("guests".into(), m.guests.len(), MAX_GUESTS),
        ("members".into(), m.members.len(), MAX_MEMBERS),
        ("legal_bases".into(), m.legal_bases.len(), MAX_OTHER_LIST),
        ("commitments".into(), m.commitments.len(), MAX_SECTIONS),
        ("proceedings".into(), m.proceedings.len(), MAX_ENTRIES),
        ("votes".into(), m.votes.len(), MAX_VOTES),
        ("awards".into(), m.awards.len(), MAX_ENTRIES),
        ("conclusions".into(), m.conclusions.len(), MAX_ENTRIES),
        ("chair.titles".into(), m.chair.titles.len(), MAX_OTHER_LIST),
    ];
    if let Some(s) = &m.secretary {
        lists.push(("secretary.titles".into(), s.titles.len(), MAX_OTHER_LIST));
    }
    lists
}

/// The lists inside the entries of the top-level lists. Inner lists of a list already too long
/// are not looked at: one error says enough.
fn inner_lists(m: &Meeting) -> Vec<Measured> {
    let mut lists = Vec::new();
    if m.guests.len() <= MAX_GUESTS {
        for (i, g) in m.guests.iter().enumerate() {
            lists.push((
                format!("guests[{i}].titles"),
                g.titles.len(),
                MAX_OTHER_LIST,
            ));
        }
    }
    if m.commitments.len() <= MAX_SECTIONS {
        for (i, s) in m.commitments.iter().enumerate() {
            let items = format!("commitments[{i}].items");
            lists.push((items.clone(), s.items.len(), MAX_SECTION_ITEMS));
            if s.items.len() > MAX_SECTION_ITEMS {
                continue;
            }
            for (j, c) in s.items.iter().enumerate() {
                lists.push((format!("{items}[{j}].items"), c.items.len(), MAX_SUB_ITEMS));
            }
        }
    }
    if m.votes.len() <= MAX_VOTES {
        for (i, v) in m.votes.iter().enumerate() {
            lists.push((
                format!("votes[{i}].options"),
                v.options.len(),
                MAX_VOTE_OPTIONS,
            ));
            if let Some(e) = &v.elected {
                lists.push((format!("votes[{i}].elected"), e.len(), MAX_OTHER_LIST));
            }
        }
    }
    if m.awards.len() <= MAX_ENTRIES {
        for (i, a) in m.awards.iter().enumerate() {
            lists.push((
                format!("awards[{i}].recipients"),
                a.recipients.len(),
                MAX_OTHER_LIST,
            ));
        }
    }
    lists
}

/// The lists in the blocks of each document (agreement, minutes, programme, attendance,
/// counting, proposal, invitation, article).
fn block_lists(m: &Meeting) -> Vec<Measured> {
    let mut lists = Vec::new();
    if let Some(r) = &m.agreement.recipients {
        lists.push(("agreement.recipients".into(), r.len(), MAX_OTHER_LIST));
    }
    lists.push((
        "minutes.recipients".into(),
        m.minutes.recipients.len(),
        MAX_OTHER_LIST,
    ));
    lists.push(("programme".into(), m.programme.len(), MAX_OTHER_LIST));
    if let Some(a) = &m.attendance {
        lists.push(("attendance.people".into(), a.people.len(), MAX_ENTRIES));
        lists.push((
            "attendance.blank_rows".into(),
            a.blank_rows as usize,
            MAX_ENTRIES,
        ));
    }
    if let Some(c) = &m.counting {
        lists.push((
            "counting.committee".into(),
            c.committee.len(),
            MAX_OTHER_LIST,
        ));
    }
    if let Some(p) = &m.proposal {
        lists.push(("proposal.results".into(), p.results.len(), MAX_ENTRIES));
        lists.push((
            "proposal.legal_bases".into(),
            p.legal_bases.len(),
            MAX_OTHER_LIST,
        ));
    }
    if let Some(i) = &m.invitation {
        lists.push(("invitation.notes".into(), i.notes.len(), MAX_OTHER_LIST));
    }
    if let Some(a) = &m.article {
        lists.push((
            "article.paragraphs".into(),
            a.paragraphs.len(),
            MAX_OTHER_LIST,
        ));
        lists.push(("article.body".into(), a.body.len(), MAX_OTHER_LIST));
        lists.push(("article.photos".into(), a.photos.len(), MAX_PHOTOS));
    }
    lists
}

fn too_many(path: &str, len: usize, max: usize) -> Problem {
    Problem::error(
        path,
        text!(
            "danh sách có {len} mục, giới hạn là {max} mục",
            "the list has {len} entries; the limit is {max}"
        ),
    )
    .hint(text!(
        "một cuộc họp thật không cần nhiều như vậy: kiểm tra xem tệp có bị sinh tự động hay chép lặp lại không; nếu đúng là cần, hãy chia thành nhiều tệp",
        "a real meeting needs far fewer: check whether the file was generated or pasted repeatedly; if it really needs more, split it into several files"
    ))
}

/// An error when the meeting's text, every field together, is longer than
/// [`MAX_TOTAL_CHARS`]: it names the field where the total passes the limit.
pub fn check_total_text(m: &mut Meeting) -> Option<Problem> {
    let mut total = 0usize;
    let mut passed_at: Option<String> = None;
    m.visit_texts(&mut |path: &str, value: &mut String| {
        total += value.chars().count();
        if total > MAX_TOTAL_CHARS && passed_at.is_none() {
            passed_at = Some(path.to_owned());
        }
    });
    let path = passed_at?;
    Some(
        Problem::error(
            &path,
            text!(
                "văn bản của cả cuộc họp dài {total} ký tự (vượt giới hạn {MAX_TOTAL_CHARS} ký tự ở trường này); giấy tờ dài như vậy không dàn trang được trong thời gian hợp lý",
                "the meeting's text is {total} characters in all (past the limit of {MAX_TOTAL_CHARS} at this field); papers that long cannot be typeset in reasonable time"
            ),
        )
        .hint(text!(
            "rút gọn các đoạn dài (phát biểu, nội dung, kết luận), hoặc tách thành nhiều cuộc họp; kiểm tra xem có dán nhầm cả một tài liệu không",
            "shorten the long passages (speeches, proceedings, conclusions), or split the meeting; check that a whole document was not pasted by mistake"
        )),
    )
}

/// `path` with every index replaced by `*`: `members[3].name` → `members[*].name`.
fn pattern(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[*]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// The character limit of the field at `path`.
pub fn max_chars(path: &str) -> usize {
    if LONG_TEXT_FIELDS.contains(&pattern(path).as_str()) {
        MAX_LONG_TEXT_CHARS
    } else {
        MAX_TEXT_CHARS
    }
}

/// An error when the text field at `path` is longer than its limit.
pub fn check_text(path: &str, value: &str) -> Option<Problem> {
    let max = max_chars(path);
    // Bytes bound characters from above: most fields need no count at all.
    if value.len() <= max {
        return None;
    }
    let len = value.chars().count();
    if len <= max {
        return None;
    }
    let hint = if max == MAX_LONG_TEXT_CHARS {
        text!(
            "rút gọn nội dung, hoặc tách thành nhiều mục; kiểm tra xem có dán nhầm cả một tài liệu vào đây không",
            "shorten it, or split it into several entries; check that a whole document was not pasted here by mistake"
        )
    } else {
        text!(
            "rút gọn nội dung; trường này chỉ cần một tên hay một câu ngắn (kiểm tra xem có dán nhầm không)",
            "shorten it; this field holds a name or a short sentence (check for a mistaken paste)"
        )
    };
    Some(
        Problem::error(
            path,
            text!(
                "trường dài {len} ký tự, giới hạn là {max} ký tự",
                "the field is {len} characters long; the limit is {max}"
            ),
        )
        .hint(hint),
    )
}

/// An error when the text field at `path` holds a word longer than [`MAX_WORD_CHARS`], which
/// cannot be broken across lines and would run off the page.
pub fn check_words(path: &str, value: &str) -> Option<Problem> {
    if path.ends_with(".file") || value.len() <= MAX_WORD_CHARS {
        return None;
    }
    let (len, word) = value
        .split_whitespace()
        .filter(|w| w.len() > MAX_WORD_CHARS)
        .filter(|w| !(w.contains("://") || w.starts_with("www.")))
        .map(|w| (w.chars().count(), w))
        .find(|(len, _)| *len > MAX_WORD_CHARS)?;
    let start: String = word.chars().take(20).collect();
    Some(
        Problem::error(
            path,
            text!(
                "một từ dài {len} ký tự không có khoảng trắng (“{start}…”), không thể xuống dòng trong văn bản",
                "a word of {len} characters with no space (“{start}…”) cannot be broken across lines",
            ),
        )
        .hint(text!(
            "thêm dấu cách giữa các từ; một từ không được dài quá {MAX_WORD_CHARS} ký tự",
            "put spaces between the words; a word may be at most {MAX_WORD_CHARS} characters long"
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_fields_are_found_by_pattern() {
        assert_eq!(
            pattern("commitments[3].items[12].text"),
            "commitments[*].items[*].text"
        );
        assert_eq!(max_chars("article.paragraphs[0]"), MAX_LONG_TEXT_CHARS);
        assert_eq!(
            max_chars("commitments[1].items[0].text"),
            MAX_LONG_TEXT_CHARS
        );
        assert_eq!(
            max_chars("commitments[1].items[0].items[2]"),
            MAX_TEXT_CHARS
        );
        assert_eq!(max_chars("members[0].name"), MAX_TEXT_CHARS);
        assert_eq!(max_chars("agreement.preamble"), MAX_LONG_TEXT_CHARS);
    }

    #[test]
    fn text_over_the_limit_is_an_error_naming_its_size() {
        assert!(check_text("members[0].name", &"ả ".repeat(1000)).is_none());
        let p = check_text("members[0].name", &"ả ".repeat(1001)).unwrap();
        assert!(p.message.vi.contains("2002 ký tự"), "{}", p.message.vi);
        assert!(p.message.vi.contains("2000"), "{}", p.message.vi);
        assert!(check_text("conclusions[0]", &"ả ".repeat(5000)).is_none());
    }

    #[test]
    fn unbreakable_words_are_errors_but_paths_and_links_are_not() {
        let long = "a".repeat(61);
        assert!(check_words("members[0].name", &"a".repeat(60)).is_none());
        let p = check_words("members[0].name", &format!("Sở {long} Lào Cai")).unwrap();
        assert!(p.message.vi.contains("dài 61 ký tự"), "{}", p.message.vi);
        assert!(check_words("article.photos[0].file", &long).is_none());
        let url = "https://thiduakhenthuong.lamdong.gov.vn/tin-tuc/hoi-nghi-ky-ket-giao-uoc-thi-dua-nam-2026";
        assert!(check_words("conclusions[0]", url).is_none());
        // Vietnamese letters count as one character each, not by their bytes.
        assert!(check_words("venue", &"ư".repeat(60)).is_none());
    }

    #[test]
    fn the_meetings_text_in_all_is_bounded_and_the_field_that_passes_it_named() {
        let speech = "ả ".repeat(10_000);
        let mut m = Meeting {
            guests: vec![
                crate::model::Guest {
                    speech: Some(speech),
                    ..Default::default()
                };
                13
            ],
            ..Meeting::default()
        };
        let p = check_total_text(&mut m).unwrap();
        assert_eq!(p.path.as_deref(), Some("guests[12].speech"));
        assert!(p.message.vi.contains("260000 ký tự"), "{}", p.message.vi);
        m.guests.truncate(12);
        assert!(check_total_text(&mut m).is_none());
    }

    #[test]
    fn lists_over_the_limit_are_errors_naming_the_list() {
        let m = Meeting {
            members: vec![Default::default(); MAX_MEMBERS + 1],
            conclusions: vec![String::new(); MAX_ENTRIES],
            ..Meeting::default()
        };
        let problems = check_lists(&m);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path.as_deref(), Some("members"));
        assert!(problems[0].message.vi.contains("101 mục"));
    }
}

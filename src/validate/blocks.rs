//! The blocks of the documents beyond the agreement and the minutes: the dates and times of
//! the paperwork pack and the vote counting, the invitations' exceptions, the article's photo
//! captions and the sections it names.

use chrono::NaiveTime;

use super::{bad_date, bad_time, not_a_member};
use crate::diag::Problem;
use crate::model::{Meeting, parse_date, parse_time};

/// The dates and times of the pack's documents: a date of issue that does not exist, a
/// counting end time or a programme time that is no time of day (a programme row may still say
/// a part of the day in words, "Buổi chiều").
pub(super) fn check_pack_times(m: &Meeting, problems: &mut Vec<Problem>) {
    let issued = [
        (
            "invitation.issued",
            m.invitation.as_ref().and_then(|i| i.issued.as_deref()),
        ),
        (
            "proposal.issued",
            m.proposal.as_ref().and_then(|p| p.issued.as_deref()),
        ),
    ];
    for (path, value) in issued {
        if let Some(value) = value
            && parse_date(value).is_none()
        {
            problems.push(bad_date(path, value));
        }
    }
    check_counting(m, problems);
    for (i, item) in m.programme.iter().enumerate() {
        let clock_like = |part: &str| part.chars().any(|c| c.is_ascii_digit());
        if item
            .time
            .split(['-', '–'])
            .any(|part| clock_like(part) && parse_time(part).is_none())
        {
            problems.push(bad_time(&format!("programme[{i}].time"), &item.time).hint(text!(
                "ghi giờ:phút theo giờ 24, hoặc một khoảng \"07:30 - 08:00\" (trong dấu ngoặc kép)",
                "write hours:minutes on the 24-hour clock, or a span \"07:30 - 08:00\" (in quotes)"
            )));
        }
    }
}

/// The vote-count minutes: a committee to sign them; when counting began and ended
/// (`counting`, and each ballot's own `votes[i].counting`): times of day, the start not after
/// the end, the start not before the meeting's; a ballot's own block only where it is read (a
/// secret ballot, `counting.per_ballot`).
fn check_counting(m: &Meeting, problems: &mut Vec<Problem>) {
    if m.counting.as_ref().is_some_and(|c| c.committee.is_empty()) {
        problems.push(Problem::error(
            "counting.committee",
            text!(
                "Ban kiểm phiếu chưa có thành viên nào",
                "the vote-counting committee has no members"
            ),
        ));
    }
    let c = m.counting.clone().unwrap_or_default();
    let end = time_at("counting.end_time", c.end_time.as_deref(), problems);
    let start = time_at("counting.start_time", c.start_time.as_deref(), problems);
    check_counting_span("counting", (start, end), (true, true), m, problems);
    for (i, v) in m.votes.iter().enumerate() {
        let Some(own) = &v.counting else { continue };
        let path = format!("votes[{i}].counting");
        let own_end = time_at(
            &format!("{path}.end_time"),
            own.end_time.as_deref(),
            problems,
        );
        let own_start = time_at(
            &format!("{path}.start_time"),
            own.start_time.as_deref(),
            problems,
        );
        let span = (own_start.or(start), own_end.or(end));
        let given = (own_start.is_some(), own_end.is_some());
        if given.0 || given.1 {
            check_counting_span(&path, span, given, m, problems);
        }
        if !(v.is_secret() && c.per_ballot && m.counting.is_some()) {
            problems.push(unread_ballot_counting(&path, v.is_secret()));
        }
    }
}

/// The time at `path`, when given: an error when it is no time of day.
fn time_at(path: &str, value: Option<&str>, problems: &mut Vec<Problem>) -> Option<NaiveTime> {
    let value = value?;
    let time = parse_time(value);
    if time.is_none() {
        problems.push(bad_time(path, value));
    }
    time
}

/// A counting's `(start, end)` at `path` (`given`: which of them the block itself gives, the
/// field an error names): the start not after the end (an error), not before the meeting's
/// start (a warning).
fn check_counting_span(
    path: &str,
    (start, end): (Option<NaiveTime>, Option<NaiveTime>),
    given: (bool, bool),
    m: &Meeting,
    problems: &mut Vec<Problem>,
) {
    let field = if given.0 { "start_time" } else { "end_time" };
    if let (Some(s), Some(e)) = (start, end)
        && s > e
    {
        let (s, e) = (s.format("%H:%M"), e.format("%H:%M"));
        problems.push(
            Problem::error(
                format!("{path}.{field}"),
                text!(
                    "giờ bắt đầu kiểm phiếu ({s}) sau giờ kết thúc kiểm phiếu ({e})",
                    "counting starts ({s}) after it ends ({e})"
                ),
            )
            .hint(text!(
                "kiểm tra lại start_time và end_time của việc kiểm phiếu (giờ 24: 14:00 là 2 giờ chiều)",
                "check the counting's start_time and end_time (24-hour clock: 14:00 is 2 pm)"
            )),
        );
    }
    if let (Some(s), Some(opening), true) = (start, parse_time(&m.start_time), given.0)
        && s < opening
    {
        let (s, o) = (s.format("%H:%M"), opening.format("%H:%M"));
        problems.push(Problem::warning(
            format!("{path}.start_time"),
            text!(
                "giờ bắt đầu kiểm phiếu ({s}) trước giờ khai mạc hội nghị ({o})",
                "counting starts ({s}) before the meeting opens ({o})"
            ),
        ));
    }
}

/// The warning for a ballot's own counting block (`path`) that no minutes read: the vote is
/// no secret ballot, or the minutes are not made per ballot.
fn unread_ballot_counting(path: &str, secret: bool) -> Problem {
    if secret {
        Problem::warning(
            path,
            text!(
                "chỉ dùng khi lập biên bản kiểm phiếu riêng cho từng cuộc bỏ phiếu (`counting.per_ballot: true`); bỏ qua",
                "read only when each ballot has its own vote-count minutes (`counting.per_ballot: true`); ignored"
            ),
        )
    } else {
        Problem::warning(
            path,
            text!(
                "cuộc biểu quyết này không bỏ phiếu kín nên không có biên bản kiểm phiếu; bỏ qua",
                "this vote is no secret ballot, so it has no vote-count minutes; ignored"
            ),
        )
    }
}

/// Every photo has a caption with words in it (the article prints ". Ảnh: …" otherwise).
pub(super) fn check_captions(m: &Meeting, problems: &mut Vec<Problem>) {
    let Some(article) = &m.article else { return };
    for (i, photo) in article.photos.iter().enumerate() {
        if !photo.caption.chars().any(char::is_alphanumeric) {
            problems.push(
                Problem::error(
                    format!("article.photos[{i}].caption"),
                    text!(
                        "ảnh chưa có chú thích",
                        "the photo has no caption"
                    ),
                )
                .hint(text!(
                    "ghi một câu nói ảnh chụp gì, ví dụ: Các đơn vị ký kết giao ước thi đua",
                    "say in a sentence what the photo shows, for example: Các đơn vị ký kết giao ước thi đua"
                )),
            );
        }
    }
}

/// The sections `article.sections` names are among the commitments.
pub(super) fn check_article_sections(m: &Meeting, problems: &mut Vec<Problem>) {
    let Some(listed) = m.article.as_ref().and_then(|a| a.sections.as_ref()) else {
        return;
    };
    let count = m.commitments.len();
    for (i, &n) in listed.iter().enumerate() {
        if n == 0 || n as usize > count {
            problems.push(
                Problem::error(
                    format!("article.sections[{i}]"),
                    text!(
                        "không có mục giao ước số {n}: tệp có {count} mục trong `commitments`",
                        "there is no commitment section number {n}: the file has {count} in `commitments`"
                    ),
                )
                .hint(text!(
                    "ghi số thứ tự của mục: 1 cho mục I, 2 cho mục II, …",
                    "write the section's number: 1 for section I, 2 for II, …"
                )),
            );
        }
    }
}

/// The units `invitation.except` leaves out are members.
pub(super) fn check_invitation(m: &Meeting, problems: &mut Vec<Problem>) {
    let Some(inv) = &m.invitation else { return };
    for (i, reference) in inv.except.iter().enumerate() {
        if m.find_member(reference).is_none() {
            problems.push(not_a_member(
                m,
                &format!("invitation.except[{i}]"),
                reference,
            ));
        }
    }
}

//! Semantic checks on a loaded meeting: all problems at once, each with its field path.
//!
//! Dates and times are checked here and parsed into a [`Schedule`] (by [`crate::model`]).
//! What each document kind needs is [`crate::kind::DocKind::missing_in`]'s to say. This module reads
//! the file system only to check that photos exist inside the meeting's folder and are safe to
//! typeset ([`crate::images::inspect`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diag::Problem;
use crate::images::{self, ImageInfo, ImageProblem};
use crate::model::{
    Activity, Address, Authority, CountedBy, HEADLINE_WORDS, Meeting, Member, PercentBase, Profile,
    Schedule, Signer, Vote, parse_date, parse_time,
};
use crate::text::closest;
use chrono::NaiveTime;

mod signers;

/// The years a meeting, its emulation year and the year under review may have.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1945..=2100;

/// Checks `meeting` (whose file lives in `dir`); returns the schedule when the dates parse,
/// and every problem found.
pub fn validate(meeting: &Meeting, dir: &Path) -> (Option<Schedule>, Vec<Problem>) {
    let mut problems = Vec::new();
    let schedule = check_schedule(meeting, &mut problems);
    check_required_text(meeting, &mut problems);
    check_members(meeting, &mut problems);
    check_votes(meeting, &mut problems);
    check_awards(meeting, &mut problems);
    check_numbers(meeting, &mut problems);
    check_photos(meeting, dir, &mut problems);
    check_pack_times(meeting, &mut problems);
    check_captions(meeting, &mut problems);
    check_invitation(meeting, &mut problems);
    check_article_sections(meeting, &mut problems);
    check_article(meeting, &mut problems);
    signers::check_letterheads(meeting, &mut problems);
    (schedule, problems)
}

/// The article's own rules: a state portal's "ông/bà" needs each person's address; a long
/// headline is worth a second look.
fn check_article(m: &Meeting, problems: &mut Vec<Problem>) {
    let Some(article) = &m.article else { return };
    if let Some(title) = &article.title {
        let words = title.split_whitespace().count();
        if words > HEADLINE_WORDS {
            problems.push(
                Problem::warning(
                    "article.title",
                    text!(
                        "tít bài có {words} chữ, dài hơn khoảng {HEADLINE_WORDS} chữ thường dùng trên báo điện tử",
                        "the headline has {words} words, longer than the ~{HEADLINE_WORDS} news sites use"
                    ),
                )
                .hint(text!(
                    "rút gọn: chủ thể + hoạt động + năm",
                    "shorten it: who + what + year"
                )),
            );
        }
    }
    if article.address != Some(crate::model::ArticleAddress::OngBa) {
        return;
    }
    let own = |a: Option<Address>| a.or(m.bloc.address);
    let mut need = |path: String, address: Option<Address>| {
        if !matches!(own(address), Some(Address::Ong | Address::Ba)) {
            problems.push(
                Problem::error(
                    path,
                    text!(
                        "bài tin viết theo kiểu cổng thông tin (article.address: ong_ba) nên cần biết gọi người này là \"ông\" hay \"bà\"",
                        "the article is written for a state portal (article.address: ong_ba), so it needs to know whether to call this person \"ông\" or \"bà\""
                    ),
                )
                .hint(text!(
                    "thêm address: ong hoặc address: ba",
                    "add address: ong or address: ba"
                )),
            );
        }
    };
    need("chair.address".to_owned(), m.chair.address);
    for (i, g) in m.guests.iter().enumerate() {
        need(format!("guests[{i}].address"), g.address);
    }
}

/// What the format `profile` cannot print: the Party format (HD 36) has no `TUQ.`/`T/UQ`
/// prefix, so a signer by delegation is an error naming the field rather than an invented form.
pub fn check_profile(meeting: &Meeting, profile: Profile) -> Vec<Problem> {
    let mut problems = Vec::new();
    if profile == Profile::Party {
        for (i, u) in meeting.members.iter().enumerate() {
            if u.signer.authority.has(Authority::ByDelegation) {
                problems.push(
                    Problem::error(
                        format!("members[{i}].signer.authority"),
                        text!(
                            "thể thức văn bản của Đảng (Hướng dẫn 36-HD/VPTW) không có hình thức ký thừa ủy quyền (TUQ.)",
                            "the Party format (Hướng dẫn 36-HD/VPTW) has no signing by delegation (TUQ.)"
                        ),
                    )
                    .hint(text!(
                        "dùng `by_order` (T/L), `deputy` (K/T) hoặc bỏ `authority`; hoặc in theo thể thức nhà nước với --profile nd30",
                        "use `by_order` (T/L), `deputy` (K/T) or no `authority`; or print in the state format with --profile nd30"
                    )),
                );
            }
        }
    }
    problems
}

fn check_awards(m: &Meeting, problems: &mut Vec<Problem>) {
    for (i, a) in m.awards.iter().enumerate() {
        if a.recipients.is_empty() && a.count.is_none() {
            problems.push(
                Problem::error(
                    format!("awards[{i}].recipients"),
                    text!(
                        "khen thưởng \"{}\" chưa có người nhận",
                        "the award \"{}\" has no recipients",
                        a.award
                    ),
                )
                .hint(text!(
                    "ghi `recipients` (mã hoặc tên đơn vị) hoặc `count` (số tập thể, cá nhân)",
                    "give `recipients` (unit ids or names) or `count` (how many)"
                )),
            );
        }
        if let Some(n) = a.count
            && !a.recipients.is_empty()
            && n as usize != a.recipients.len()
        {
            problems.push(Problem::warning(
                format!("awards[{i}].count"),
                text!(
                    "`count` ({n}) khác số người nhận được liệt kê ({})",
                    "`count` ({n}) differs from the recipients listed ({})",
                    a.recipients.len()
                ),
            ));
        }
    }
}

fn check_numbers(m: &Meeting, problems: &mut Vec<Problem>) {
    if m.numbers.agreement.is_some()
        && m.numbers
            .agreement_type
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        problems.push(
            Problem::warning(
                "numbers.agreement",
                text!(
                    "số của bản giao ước không được in vì chưa có ký hiệu loại văn bản (`numbers.agreement_type`)",
                    "the agreement's number is not printed: no document code is given (`numbers.agreement_type`)"
                ),
            )
            .hint(text!(
                "Nghị định 30/2020 không quy định ký hiệu cho giao ước; ghi ký hiệu đơn vị dùng, ví dụ `agreement_type: GƯ`",
                "NĐ 30/2020 defines no code for a pledge agreement; give the one your office uses, e.g. `agreement_type: GƯ`"
            )),
        );
    }
}

/// The date and times: parsed, in order, in plausible years.
fn check_schedule(m: &Meeting, problems: &mut Vec<Problem>) -> Option<Schedule> {
    use chrono::Datelike;
    let (date, start, end) = parse_schedule(m, problems);
    if let (Some(s), Some(e)) = (start, end)
        && e <= s
    {
        problems.push(end_before_start(s, e));
    }
    check_years(m, date, problems);
    if let Some(d) = date
        && !PLAUSIBLE_YEARS.contains(&d.year())
    {
        problems.push(Problem::error(
            "date",
            text!(
                "ngày họp {} nằm ngoài khoảng năm {}–{}",
                "the meeting date {} is outside the years {}–{}",
                m.date.trim(),
                PLAUSIBLE_YEARS.start(),
                PLAUSIBLE_YEARS.end()
            ),
        ));
        return None;
    }
    Some(Schedule {
        date: date?,
        start: start?,
        end,
    })
}

/// The date, start time and end time parsed, each one that does not parse an error.
fn parse_schedule(
    m: &Meeting,
    problems: &mut Vec<Problem>,
) -> (
    Option<chrono::NaiveDate>,
    Option<chrono::NaiveTime>,
    Option<chrono::NaiveTime>,
) {
    let date = parse_date(&m.date);
    if date.is_none() {
        problems.push(bad_date("date", &m.date));
    }
    let start = parse_time(&m.start_time);
    if start.is_none() {
        problems.push(bad_time("start_time", &m.start_time));
    }
    let end = match &m.end_time {
        Some(t) => {
            let end = parse_time(t);
            if end.is_none() {
                problems.push(bad_time("end_time", t));
            }
            end
        }
        None => None,
    };
    (date, start, end)
}

/// The error for an end time `e` not after the start time `s`.
fn end_before_start(s: chrono::NaiveTime, e: chrono::NaiveTime) -> Problem {
    Problem::error(
        "end_time",
        text!(
            "giờ kết thúc ({}) không sau giờ bắt đầu ({})",
            "the end time ({}) is not after the start time ({})",
            e.format("%H:%M"),
            s.format("%H:%M")
        ),
    )
    .hint(text!(
        "kiểm tra lại start_time và end_time (giờ 24: 14:00 là 2 giờ chiều)",
        "check start_time and end_time (24-hour clock: 14:00 is 2 pm)"
    ))
}

/// The emulation year near the meeting's `date`, it and the year under review plausible.
fn check_years(m: &Meeting, date: Option<chrono::NaiveDate>, problems: &mut Vec<Problem>) {
    use chrono::Datelike;
    if let Some(d) = date
        && (d.year() - m.year).abs() > 1
    {
        problems.push(Problem::warning(
            "year",
            text!(
                "năm thi đua {} cách xa năm họp {}",
                "the emulation year {} is far from the meeting's year {}",
                m.year,
                d.year()
            ),
        ));
    }
    // Emulation blocs exist since the 1945 republic; documents are not dated centuries ahead.
    let plausible = PLAUSIBLE_YEARS;
    if !plausible.contains(&m.year) {
        problems.push(
            Problem::error(
                "year",
                text!("năm {} không hợp lệ", "{} is not a plausible year", m.year),
            )
            .hint(text!(
                "ghi năm thi đua từ {} đến {}, ví dụ 2026",
                "give the emulation year between {} and {}, e.g. 2026",
                plausible.start(),
                plausible.end()
            )),
        );
    }
    if let Some(y) = m.review_year
        && !plausible.contains(&y)
    {
        problems.push(Problem::error(
            "review_year",
            text!("năm {} không hợp lệ", "{} is not a plausible year", y),
        ));
    }
}

/// The dates and times of the pack's documents: a date of issue that does not exist, a
/// counting end time or a programme time that is no time of day (a programme row may still say
/// a part of the day in words, "Buổi chiều").
fn check_pack_times(m: &Meeting, problems: &mut Vec<Problem>) {
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
fn check_captions(m: &Meeting, problems: &mut Vec<Problem>) {
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
fn check_article_sections(m: &Meeting, problems: &mut Vec<Problem>) {
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
fn check_invitation(m: &Meeting, problems: &mut Vec<Problem>) {
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

fn bad_date(path: &str, value: &str) -> Problem {
    let exists_hint = if value.trim().len() == 10 {
        text!(
            "ngày này không có trong lịch, hoặc không đúng dạng năm-tháng-ngày (ví dụ 2026-03-13)",
            "this day does not exist, or is not written year-month-day (for example 2026-03-13)"
        )
    } else {
        text!(
            "ghi theo dạng năm-tháng-ngày, ví dụ 2026-03-13",
            "write it as year-month-day, for example 2026-03-13"
        )
    };
    Problem::error(
        path,
        text!(
            "ngày `{value}` không hợp lệ",
            "`{value}` is not a valid date"
        ),
    )
    .hint(exists_hint)
}

fn bad_time(path: &str, value: &str) -> Problem {
    Problem::error(
        path,
        text!(
            "giờ `{value}` không hợp lệ",
            "`{value}` is not a valid time"
        ),
    )
    .hint(text!(
        "ghi giờ:phút theo giờ 24, ví dụ 14:30 (phải đặt trong dấu ngoặc kép: \"14:30\")",
        "write hours:minutes on the 24-hour clock, for example 14:30 (in quotes: \"14:30\")"
    ))
}

fn check_required_text(m: &Meeting, problems: &mut Vec<Problem>) {
    let mut required: Vec<(String, &str)> = vec![
        ("bloc.name".into(), &m.bloc.name),
        ("bloc.place".into(), &m.bloc.place),
        ("venue".into(), &m.venue),
        ("chair.name".into(), &m.chair.name),
    ];
    if let Some(s) = &m.secretary {
        required.push(("secretary.name".into(), &s.name));
    }
    for (i, u) in m.members.iter().enumerate() {
        required.push((format!("members[{i}].name"), &u.name));
        required.push((format!("members[{i}].signer.name"), &u.signer.name));
        required.push((format!("members[{i}].signer.title"), &u.signer.title));
    }
    for (i, g) in m.guests.iter().enumerate() {
        required.push((format!("guests[{i}].name"), &g.name));
    }
    for (path, value) in required {
        if value.trim().is_empty() {
            problems.push(
                Problem::error(
                    path.as_str(),
                    text!("trường `{path}` đang để trống", "`{path}` is empty"),
                )
                .hint(text!("ghi nội dung cho trường này", "fill in this field")),
            );
        }
    }
    if m.activities.is_empty() {
        problems.push(
            Problem::error(
                "activities",
                text!(
                    "chưa ghi nội dung hội nghị",
                    "the meeting's activities are missing"
                ),
            )
            .hint(text!(
                "ghi ít nhất một trong: launch (phát động), sign (ký kết), review (tổng kết), mid_year_review (sơ kết)",
                "give at least one of: launch, sign, review, mid_year_review"
            )),
        );
    }
    if m.does(Activity::Review) && m.does(Activity::MidYearReview) {
        problems.push(
            Problem::error(
                "activities",
                text!(
                    "một hội nghị không thể vừa tổng kết năm (review) vừa sơ kết 6 tháng (mid_year_review)",
                    "a meeting cannot be both the year-end review (review) and the mid-year review (mid_year_review)"
                ),
            )
            .hint(text!(
                "giữ một trong hai: review cho hội nghị cuối năm, mid_year_review cho hội nghị giữa năm",
                "keep one of them: review for the year-end meeting, mid_year_review for the mid-year one"
            )),
        );
    }
}

/// The member units: some, none listed twice, each signer's titles complete, the head units
/// among them.
fn check_members(m: &Meeting, problems: &mut Vec<Problem>) {
    if m.members.is_empty() {
        problems.push(
            Problem::error(
                "members",
                text!(
                    "khối chưa có đơn vị thành viên nào",
                    "the bloc has no member units"
                ),
            )
            .hint(text!(
                "liệt kê các đơn vị theo thứ tự nghi thức dưới `members:`",
                "list the units in protocol order under `members:`"
            )),
        );
    }
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, u) in m.members.iter().enumerate() {
        check_unique(i, u, &mut names, &mut ids, problems);
        signers::check_authority(i, &u.signer, problems);
        signers::check_on_behalf_of(i, u, problems);
        check_principal(i, &u.signer, problems);
    }
    for (i, u) in m.members.iter().enumerate() {
        check_acting(i, &u.signer, problems);
    }
    let refs = [
        ("bloc.head_unit", m.bloc.head_unit.as_deref()),
        ("next_head_unit", m.next_head_unit.as_deref()),
    ];
    for (path, reference) in refs {
        if let Some(r) = reference
            && m.find_member(r).is_none()
        {
            problems.push(not_a_member(m, path, r));
        }
    }
}

/// Member `i`'s name and id not taken by an earlier member (`names` and `ids`: the first
/// member of each).
fn check_unique<'m>(
    i: usize,
    u: &'m Member,
    names: &mut HashMap<String, usize>,
    ids: &mut HashMap<&'m str, usize>,
    problems: &mut Vec<Problem>,
) {
    let key = crate::vietnamese::lower_vi(&crate::text::collapse_whitespace(&u.name));
    if let Some(first) = names.get(&key) {
        problems.push(Problem::error(
            format!("members[{i}].name"),
            text!(
                "đơn vị \"{}\" đã có ở members[{first}]",
                "unit \"{}\" is already listed as members[{first}]",
                u.name
            ),
        ));
    } else {
        names.insert(key, i);
    }
    if let Some(id) = u.id.as_deref() {
        if let Some(first) = ids.get(id) {
            problems.push(Problem::error(
                format!("members[{i}].id"),
                text!(
                    "mã `{id}` đã dùng cho members[{first}]",
                    "id `{id}` is already used by members[{first}]"
                ),
            ));
        } else {
            ids.insert(id, i);
        }
    }
}

/// A signer for the head (deputy, by order, by delegation) of member `i` names the head's title.
fn check_principal(i: usize, s: &Signer, problems: &mut Vec<Problem>) {
    let needs_principal = matches!(
        s.authority.own(),
        Authority::Deputy | Authority::ByOrder | Authority::ByDelegation
    );
    if needs_principal
        && s.principal_title
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        problems.push(
            Problem::error(
                format!("members[{i}].signer.principal_title"),
                text!(
                    "người ký thay cần chức vụ của người đứng đầu (ví dụ \"Trưởng ban\" để in KT. TRƯỞNG BAN)",
                    "a signer for the head needs the head's title (e.g. \"Trưởng ban\" to print KT. TRƯỞNG BAN)"
                ),
            )
            .hint(text!(
                "thêm `principal_title: …` dưới `signer:`",
                "add `principal_title: …` under `signer:`"
            )),
        );
    }
}

/// An acting head of member `i` whose own title is a deputy's names the head's title.
fn check_acting(i: usize, s: &Signer, problems: &mut Vec<Problem>) {
    if s.authority.own() == Authority::Acting
        && s.principal_title
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
        && crate::vietnamese::lower_vi(s.title.trim()).starts_with("phó")
    {
        problems.push(
            Problem::error(
                format!("members[{i}].signer.principal_title"),
                text!(
                    "người giữ quyền cấp trưởng ký \"Q.\" trước chức vụ của cấp trưởng, không phải \"Q. {}\"",
                    "an acting head signs \"Q.\" before the head's title, not \"Q. {}\"",
                    upper(&s.title)
                ),
            )
            .hint(text!(
                "thêm `principal_title: …` (ví dụ \"Bí thư\" để in Q. BÍ THƯ)",
                "add `principal_title: …` (e.g. \"Bí thư\" to print Q. BÍ THƯ)"
            )),
        );
    }
}

fn not_a_member(m: &Meeting, path: &str, reference: &str) -> Problem {
    let candidates = m
        .members
        .iter()
        .flat_map(|u| u.id.as_deref().into_iter().chain([u.name.as_str()]));
    let problem = Problem::error(
        path,
        text!(
            "\"{reference}\" không phải là đơn vị thành viên của khối",
            "\"{reference}\" is not a member unit of the bloc"
        ),
    );
    match closest(reference, candidates) {
        Some(best) => problem.hint(text!(
            "có phải ý bạn là \"{best}\"?",
            "did you mean \"{best}\"?"
        )),
        None => problem.hint(text!(
            "ghi đúng `id` hoặc tên đầy đủ của một đơn vị trong `members`",
            "write the `id` or the full name of a unit in `members`"
        )),
    }
}

/// Every vote's figures.
fn check_votes(m: &Meeting, problems: &mut Vec<Problem>) {
    for (i, v) in m.votes.iter().enumerate() {
        check_vote(m, v, &format!("votes[{i}]"), problems);
    }
}

/// One vote at `path`: voters, options and ballots consistent; stops at the first figure that
/// makes the rest meaningless.
fn check_vote(m: &Meeting, v: &Vote, path: &str, problems: &mut Vec<Problem>) {
    if v.voters == 0 {
        problems.push(Problem::error(
            format!("{path}.voters"),
            text!(
                "số người biểu quyết phải lớn hơn 0",
                "the number of voters must be above 0"
            ),
        ));
        return;
    }
    if v.counted_by == CountedBy::Unit {
        check_unit_voters(m, v, path, problems);
    }
    if v.options.is_empty() {
        problems.push(Problem::error(
            format!("{path}.options"),
            text!(
                "biểu quyết chưa có phương án nào",
                "the vote has no options"
            ),
        ));
    }
    let returned = v.returned.unwrap_or(v.voters);
    if returned > v.voters {
        problems.push(Problem::error(
            format!("{path}.returned"),
            text!(
                "số phiếu thu về ({returned}) lớn hơn số phiếu phát ra ({})",
                "ballots returned ({returned}) exceed ballots issued ({})",
                v.voters
            ),
        ));
        return;
    }
    if v.invalid > returned {
        problems.push(Problem::error(
            format!("{path}.invalid"),
            text!(
                "số phiếu không hợp lệ ({}) lớn hơn số phiếu thu về ({returned})",
                "invalid ballots ({}) exceed the ballots returned ({returned})",
                v.invalid
            ),
        ));
        return;
    }
    if let Some(k) = v.choose {
        check_choice(m, v, k, returned, path, problems);
        return;
    }
    check_counts(v, returned, path, problems);
    check_bases(m, v, path, problems);
}

/// A vote counted by unit (`counted_by: unit`, one vote per member unit): its voters at most
/// the units present, those entitled at most the member units.
fn check_unit_voters(m: &Meeting, v: &Vote, path: &str, problems: &mut Vec<Problem>) {
    let present = m.members.iter().filter(|u| u.absent.is_none()).count() as u32;
    if v.voters > present {
        problems.push(
            Problem::error(
                format!("{path}.voters"),
                text!(
                    "biểu quyết theo đơn vị (`counted_by: unit`): số đơn vị biểu quyết ({}) nhiều hơn số đơn vị có mặt ({present})",
                    "a vote counted by unit (`counted_by: unit`): {} units voting, more than the {present} units present",
                    v.voters
                ),
            )
            .hint(text!(
                "mỗi đơn vị có mặt một lượt biểu quyết: `voters` không quá số đơn vị trong `members` không vắng mặt",
                "one vote per unit present: `voters` at most the units in `members` that are not absent"
            )),
        );
    }
    let members = m.members.len() as u32;
    if let Some(eligible) = v.eligible
        && eligible > members
    {
        problems.push(Problem::error(
            format!("{path}.eligible"),
            text!(
                "biểu quyết theo đơn vị: số đơn vị có quyền biểu quyết ({eligible}) nhiều hơn số đơn vị thành viên ({members})",
                "a vote counted by unit: {eligible} units entitled to vote, more than the {members} member units"
            ),
        ));
    }
}

/// A vote's counts: none above the voters, their sum (with the invalid ballots) not above the
/// ballots `returned` (a warning below).
fn check_counts(v: &Vote, returned: u32, path: &str, problems: &mut Vec<Problem>) {
    for (j, o) in v.options.iter().enumerate() {
        if o.count > v.voters {
            problems.push(Problem::error(
                format!("{path}.options[{j}].count"),
                text!(
                    "số phiếu \"{}\" ({}) lớn hơn số người biểu quyết ({})",
                    "the count for \"{}\" ({}) exceeds the voters present ({})",
                    o.label,
                    o.count,
                    v.voters
                ),
            ));
        }
    }
    let counted: u64 =
        v.options.iter().map(|o| u64::from(o.count)).sum::<u64>() + u64::from(v.invalid);
    let voters = u64::from(returned);
    if counted > voters {
        problems.push(
            Problem::error(
                format!("{path}.options"),
                text!(
                    "tổng số phiếu ({counted}, kể cả phiếu không hợp lệ) lớn hơn số người biểu quyết ({voters})",
                    "the counts add up to {counted} (invalid ballots included), more than the {voters} voters present"
                ),
            )
            .hint(text!(
                "kiểm tra lại từng số phiếu và `voters`",
                "check each count and `voters`"
            )),
        );
    } else if counted < voters {
        problems.push(Problem::warning(
            format!("{path}.options"),
            text!(
                "tổng số phiếu ({counted}) ít hơn số người biểu quyết ({voters}); tỷ lệ vẫn tính trên {voters}",
                "the counts add up to {counted}, fewer than the {voters} voters present; percentages are still taken over {voters}"
            ),
        ));
    }
}

/// The base a vote's percentages are taken over is there: the voters within those entitled,
/// some valid ballots.
fn check_bases(m: &Meeting, v: &Vote, path: &str, problems: &mut Vec<Problem>) {
    let eligible = v.eligible.unwrap_or(m.members.len() as u32);
    if v.percent_of == PercentBase::Members && v.voters > eligible {
        problems.push(Problem::error(
            format!("{path}.voters"),
            text!(
                "số người biểu quyết ({}) lớn hơn số người có quyền biểu quyết ({eligible})",
                "the voters present ({}) exceed those entitled to vote ({eligible})",
                v.voters
            ),
        ));
    }
    if v.percent_of == PercentBase::Valid && v.invalid >= v.voters {
        problems.push(Problem::error(
            format!("{path}.invalid"),
            text!(
                "không còn phiếu hợp lệ để tính tỷ lệ",
                "no valid ballots are left to take percentages over"
            ),
        ));
    }
}

/// A k-of-N ballot: each candidate at most the valid ballots, all marks at most k per ballot,
/// the elected among the candidates.
fn check_choice(
    m: &Meeting,
    v: &crate::model::Vote,
    k: u32,
    returned: u32,
    path: &str,
    problems: &mut Vec<Problem>,
) {
    let name = |r: &str| {
        m.find_member(r)
            .map_or_else(|| r.trim().to_owned(), |u| u.name.clone())
    };
    let valid = returned - v.invalid;
    if k == 0 || k as usize > v.options.len() {
        problems.push(Problem::error(
            format!("{path}.choose"),
            text!(
                "mỗi phiếu phải chọn từ 1 đến {} phương án (số phương án trong `options`)",
                "each ballot must choose between 1 and {} options (those in `options`)",
                v.options.len()
            ),
        ));
        return;
    }
    for (j, o) in v.options.iter().enumerate() {
        if o.count > valid {
            problems.push(Problem::error(
                format!("{path}.options[{j}].count"),
                text!(
                    "\"{}\" được {} phiếu, nhiều hơn số phiếu hợp lệ ({valid})",
                    "\"{}\" has {} votes, more than the valid ballots ({valid})",
                    o.label,
                    o.count
                ),
            ));
        }
    }
    let marks: u64 = v.options.iter().map(|o| u64::from(o.count)).sum();
    if marks > u64::from(k) * u64::from(valid) {
        problems.push(Problem::error(
            format!("{path}.options"),
            text!(
                "tổng số phiếu bầu ({marks}) vượt quá {k} lựa chọn trên mỗi phiếu hợp lệ ({valid} phiếu)",
                "the marks add up to {marks}, more than {k} per valid ballot ({valid} ballots)"
            ),
        ));
    }
    if let Some(elected) = &v.elected {
        for (j, e) in elected.iter().enumerate() {
            if !v.options.iter().any(|o| name(&o.label) == name(e)) {
                problems.push(Problem::error(
                    format!("{path}.elected[{j}]"),
                    text!(
                        "\"{e}\" không có trong danh sách `options` của lần bỏ phiếu này",
                        "\"{e}\" is not one of this vote's `options`"
                    ),
                ));
            }
        }
    }
}

/// Each photo inside the meeting's folder and safe to typeset ([`images::inspect`]), and all
/// of them within the meeting's budget of pixels ([`images::MAX_MEETING_PIXELS`]); a file named
/// by several photos is read and decoded once (but counts each time it is printed).
fn check_photos(m: &Meeting, dir: &Path, problems: &mut Vec<Problem>) {
    let Some(article) = &m.article else { return };
    let mut inspected: HashMap<PathBuf, Result<ImageInfo, ImageProblem>> = HashMap::new();
    let mut pixels = 0u64;
    for (i, photo) in article.photos.iter().enumerate() {
        let path = format!("article.photos[{i}].file");
        let full = match images::confined_image(dir, &photo.file) {
            Ok(full) => full,
            Err(problem) => {
                problems.push(Problem {
                    path: Some(path),
                    ..problem
                });
                continue;
            }
        };
        let checked = inspected
            .entry(full)
            .or_insert_with_key(|full| images::inspect(full))
            .clone()
            .and_then(|info| images::check_extension(&photo.file, &info).map(|()| info));
        match checked {
            Err(problem) => problems.push(problem.problem(&path, &photo.file)),
            Ok(info) => {
                pixels += u64::from(info.width) * u64::from(info.height);
                if pixels > images::MAX_MEETING_PIXELS {
                    // The photos after this one are not even decoded.
                    problems.push(photos_over_budget(&path, pixels));
                    return;
                }
            }
        }
    }
}

/// The error for the photo at `path` that takes the article's photos past
/// [`images::MAX_MEETING_PIXELS`] (`pixels` so far).
fn photos_over_budget(path: &str, pixels: u64) -> Problem {
    let (mp, max) = (pixels / 1_000_000, images::MAX_MEETING_PIXELS / 1_000_000);
    Problem::error(
        path,
        text!(
            "các ảnh của bài tin tính đến ảnh này có tổng cộng {mp} triệu điểm ảnh, quá giới hạn {max} triệu điểm ảnh cho một cuộc họp",
            "the article's photos up to this one hold {mp} million pixels in all, above the limit of {max} million per meeting"
        ),
    )
    .hint(text!(
        "bớt ảnh, hoặc thu nhỏ ảnh trước khi đưa vào (bài tin in ảnh rộng chừng 16 cm, ảnh 2000 điểm mỗi cạnh là đủ nét)",
        "use fewer photos, or make them smaller first (the article prints them about 16 cm wide; 2000 pixels a side is sharp enough)"
    ))
}

fn upper(s: &str) -> String {
    crate::vietnamese::upper_vi(s.trim())
}

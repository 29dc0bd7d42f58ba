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
    Activity, Address, Authority, HEADLINE_WORDS, Meeting, Member, Profile, Schedule, Signer,
    parse_date, parse_time,
};
use crate::text::closest;

mod blocks;
mod signers;
mod votes;

use blocks::{check_article_sections, check_captions, check_invitation, check_pack_times};
use votes::check_votes;

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

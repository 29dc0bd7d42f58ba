//! Facts for the documents around the conference (issue 16): who receives an invitation, the
//! programme's rows, the attendance sheet's rows, the secret ballots to count, the units
//! proposed for an award with their results. The sentences are in the templates.

use serde::Serialize;

use super::{Context, SignLine, centred_upper, legal_bases, number_line, one_line, recipients};
use crate::model::{AwardStatus, Meeting, Profile};
use crate::vietnamese as vi;

/// Everything the five documents need beyond the shared context.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PackCtx {
    /// Giấy mời.
    pub invitation: Option<InvitationCtx>,
    /// Chương trình: the rows.
    pub programme: Vec<ProgrammeRow>,
    /// Danh sách: the rows, numbered, then the blank rows.
    pub attendance: Option<AttendanceCtx>,
    /// Biên bản kiểm phiếu.
    pub counting: Option<CountingCtx>,
    /// Tờ trình.
    pub proposal: Option<ProposalCtx>,
}

/// The invitations.
#[derive(Debug, Clone, Serialize)]
pub struct InvitationCtx {
    /// "Số: 05/GM-KTĐ", blanks when the file has no number.
    pub number_line: String,
    /// "Lào Cai, ngày 05 tháng 01 năm 2027", or with blanks to fill in.
    pub date_line: String,
    /// One per invitation, in order: guests first, then member units.
    pub invitees: Vec<InviteeCtx>,
    /// Requests, one paragraph each.
    pub notes: Vec<String>,
    /// Whom to call.
    pub contact: Option<String>,
    /// The signer's lines.
    pub sign_lines: Vec<SignLine>,
    /// The signer's name.
    pub signer: String,
    /// Nơi nhận.
    pub recipients: Vec<String>,
}

/// One invitation's addressee.
#[derive(Debug, Clone, Serialize)]
pub struct InviteeCtx {
    /// Who is invited, as the invitation names them: "Đồng chí Nguyễn Văn A, Phó Chủ tịch
    /// UBND tỉnh"; "Lãnh đạo Sở Tài chính".
    pub addressee: String,
    /// A file name for this invitation alone (`03-so-tai-chinh`).
    pub file: String,
    /// How the closing sentence addresses them: "đồng chí", "ông", "bà", "đơn vị".
    pub you: String,
}

/// One row of the programme.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeRow {
    /// "8h00" or "8h00 - 8h30".
    pub time: String,
    /// What happens.
    pub item: String,
    /// Who does it.
    pub by: Option<String>,
}

/// The attendance sheet.
#[derive(Debug, Clone, Serialize)]
pub struct AttendanceCtx {
    /// The named rows.
    pub rows: Vec<AttendanceRowCtx>,
    /// How many blank rows follow.
    pub blank_rows: u32,
}

/// One named row of the attendance sheet.
#[derive(Debug, Clone, Serialize)]
pub struct AttendanceRowCtx {
    /// Full name.
    pub name: String,
    /// Position.
    pub title: String,
    /// Unit.
    pub unit: String,
}

/// The vote-count minutes.
#[derive(Debug, Clone, Serialize)]
pub struct CountingCtx {
    /// "Số: 03/BB-KTĐ" or blanks.
    pub number_line: String,
    /// The committee, head first.
    pub committee: Vec<CommitteeCtx>,
    /// The secret ballots' indexes in `votes`.
    pub ballots: Vec<usize>,
    /// When counting ended ("10 giờ 30 phút"), when given.
    pub end_clock: Option<String>,
}

/// A member of the counting committee.
#[derive(Debug, Clone, Serialize)]
pub struct CommitteeCtx {
    /// Name.
    pub name: String,
    /// Position and unit.
    pub title: Option<String>,
    /// Role ("Trưởng ban", "Thành viên").
    pub role: String,
    /// Role, upper case, for the signature.
    pub role_upper: String,
}

/// The award proposal.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalCtx {
    /// "Số: 02/TTr-KTĐ" or blanks.
    pub number_line: String,
    /// Date line, or with blanks.
    pub date_line: String,
    /// Whom it is addressed to.
    pub to: String,
    /// "Căn cứ …;" lines.
    pub legal_bases: Vec<String>,
    /// One row per proposed unit: the award and the unit's results.
    pub rows: Vec<ProposalRow>,
    /// The awards proposed, each with its recipients (for the sentence).
    pub awards: Vec<String>,
    /// The signer's lines.
    pub sign_lines: Vec<SignLine>,
    /// The signer's name.
    pub signer: String,
    /// Nơi nhận.
    pub recipients: Vec<String>,
}

/// One row of the proposal's table.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalRow {
    /// The unit or person.
    pub unit: String,
    /// Its results, when the file gives them.
    pub result: Option<String>,
    /// The award proposed.
    pub award: String,
}

/// The date line of a document issued on `issued` (`YYYY-MM-DD`), or with blanks for the
/// day and month to fill in by hand after signing.
fn issue_date_line(place: &str, issued: Option<&str>, year: i32) -> String {
    match issued.and_then(crate::model::parse_date) {
        Some(date) => vi::date_line(place.trim(), date),
        None => {
            let blank = "\u{a0}".repeat(6);
            format!("{}, ngày{blank}tháng{blank}năm {year}", place.trim())
        }
    }
}

/// "8h00": a programme's time, as programmes write it.
fn clock_short(t: chrono::NaiveTime) -> String {
    use chrono::Timelike;
    format!("{}h{:02}", t.hour(), t.minute())
}

/// "TRƯỞNG KHỐI THI ĐUA" unless the file says otherwise.
fn signer_lines(profile: Profile, bloc_word: &str, title: Option<&str>) -> Vec<SignLine> {
    let _ = profile;
    let title = title
        .map(centred_upper)
        .unwrap_or_else(|| centred_upper(&format!("Trưởng {bloc_word} thi đua")));
    vec![SignLine {
        text: title,
        bold: true,
    }]
}

/// A file-name-safe form of `s`: ASCII letters and digits joined by hyphens, the
/// Vietnamese marks dropped (`Sở Tài chính` → `so-tai-chinh`).
fn file_slug(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = s
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect();
    let plain: String = folded
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug: Vec<&str> = plain.split('-').filter(|p| !p.is_empty()).collect();
    let slug = slug.join("-");
    slug.chars().take(60).collect()
}

/// Builds the pack's facts from `m` and the shared context.
pub fn build(m: &Meeting, ctx: &Context, profile: Profile) -> PackCtx {
    let issuer_code = m.numbers.issuer_code.as_deref().map(str::trim);
    let bloc_word = ctx.bloc_word.as_str();
    let resolve = |r: &str| {
        m.find_member(r)
            .map_or(one_line(r.trim()), |u| one_line(&u.name))
    };
    // A letter the bloc's head signs (giấy mời, tờ trình): the chair unless the file names
    // someone, and a Nơi nhận of "Như trên" and the archive line.
    let signer = |written: Option<&str>| {
        written
            .map(one_line)
            .unwrap_or_else(|| ctx.chair.name.clone())
    };
    let to_addressee = || {
        recipients(
            profile,
            vec!["Như trên".to_owned()],
            None,
            ctx.head_unit.as_deref(),
        )
    };
    let invitation = m.invitation.as_ref().map(|inv| {
        // (addressee, short name for the file, the closing's form of address)
        let mut invitees: Vec<(String, String, String)> = Vec::new();
        if inv.guests {
            for g in &ctx.guests {
                let you = g.intro.split(' ').next().unwrap_or("đồng").to_owned();
                let you = if you == "đồng" {
                    "đồng chí".to_owned()
                } else {
                    you
                };
                invitees.push((vi::capitalize_first(&g.intro), g.name.clone(), you));
            }
        }
        if inv.members {
            for u in &ctx.members {
                let addressee = format!("Lãnh đạo {}", u.name);
                invitees.push((addressee, u.name.clone(), "đơn vị".to_owned()));
            }
        }
        let invitees = invitees
            .into_iter()
            .enumerate()
            .map(|(i, (addressee, short, you))| InviteeCtx {
                file: format!("{:02}-{}", i + 1, file_slug(&short)),
                addressee,
                you,
            })
            .collect();
        InvitationCtx {
            number_line: number_line(profile, inv.number, "GM", issuer_code),
            date_line: issue_date_line(&m.bloc.place, inv.issued.as_deref(), m.year),
            invitees,
            notes: inv.notes.iter().map(|n| n.trim().to_owned()).collect(),
            contact: inv.contact.as_deref().map(|c| c.trim().to_owned()),
            sign_lines: signer_lines(profile, bloc_word, inv.signer_title.as_deref()),
            signer: signer(inv.signer.as_deref()),
            recipients: to_addressee(),
        }
    });
    let programme = m
        .programme
        .iter()
        .map(|p| ProgrammeRow {
            time: p
                .time
                .split(['-', '–'])
                .map(|t| {
                    crate::model::parse_time(t)
                        .map(clock_short)
                        .unwrap_or_else(|| t.trim().to_owned())
                })
                .collect::<Vec<_>>()
                .join(" - "),
            item: p.item.trim().to_owned(),
            by: p
                .by
                .as_deref()
                .map(|b| b.trim().to_owned())
                .filter(|b| !b.is_empty()),
        })
        .collect();
    let attendance = m.attendance.as_ref().map(|a| {
        let mut rows = Vec::new();
        if a.guests {
            for g in &m.guests {
                let titles: Vec<String> = g.titles.iter().map(|t| one_line(t)).collect();
                rows.push(AttendanceRowCtx {
                    name: one_line(&g.name),
                    title: titles.join(", "),
                    unit: String::new(),
                });
            }
        }
        if a.members {
            for u in m.members.iter().filter(|u| u.absent.is_none()) {
                rows.push(AttendanceRowCtx {
                    name: one_line(&u.signer.name),
                    title: one_line(&u.signer.title),
                    unit: one_line(&u.name),
                });
            }
        }
        for p in &a.people {
            rows.push(AttendanceRowCtx {
                name: one_line(&p.name),
                title: p.title.as_deref().map(one_line).unwrap_or_default(),
                unit: p.unit.as_deref().map(one_line).unwrap_or_default(),
            });
        }
        AttendanceCtx {
            rows,
            blank_rows: a.blank_rows,
        }
    });
    let counting = m.counting.as_ref().map(|c| CountingCtx {
        number_line: number_line(profile, c.number, "BB", issuer_code),
        committee: c
            .committee
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let role = p
                    .role
                    .as_deref()
                    .map(|r| r.trim().to_owned())
                    .filter(|r| !r.is_empty())
                    .unwrap_or_else(|| {
                        if i == 0 {
                            "Trưởng ban"
                        } else {
                            "Thành viên"
                        }
                        .to_owned()
                    });
                CommitteeCtx {
                    name: one_line(&p.name),
                    title: p.title.as_deref().map(one_line).filter(|t| !t.is_empty()),
                    role_upper: centred_upper(&role),
                    role,
                }
            })
            .collect(),
        ballots: m
            .votes
            .iter()
            .enumerate()
            .filter(|(_, v)| v.secret)
            .map(|(i, _)| i)
            .collect(),
        end_clock: c
            .end_time
            .as_deref()
            .and_then(crate::model::parse_time)
            .map(vi::clock),
    });
    let proposal = m.proposal.as_ref().map(|p| {
        let result_of = |unit: &str| {
            let name = resolve(unit);
            p.results
                .iter()
                .find(|r| resolve(&r.unit) == name)
                .map(|r| r.result.trim().trim_end_matches('.').to_owned())
        };
        let mut rows = Vec::new();
        let mut awards = Vec::new();
        for a in m
            .awards
            .iter()
            .filter(|a| a.status == AwardStatus::Proposed)
        {
            let names: Vec<String> = a.recipients.iter().map(|r| resolve(r)).collect();
            for (r, name) in a.recipients.iter().zip(&names) {
                rows.push(ProposalRow {
                    unit: name.clone(),
                    result: result_of(r),
                    award: one_line(a.award.trim()),
                });
            }
            awards.push(one_line(a.award.trim()));
        }
        let bases = if p.legal_bases.is_empty() {
            &m.legal_bases
        } else {
            &p.legal_bases
        };
        ProposalCtx {
            number_line: number_line(profile, p.number, "TTr", issuer_code),
            date_line: issue_date_line(&m.bloc.place, p.issued.as_deref(), m.year),
            to: one_line(p.to.trim()),
            legal_bases: legal_bases(bases, ";"),
            rows,
            awards,
            sign_lines: signer_lines(profile, bloc_word, p.signer_title.as_deref()),
            signer: signer(p.signer.as_deref()),
            recipients: to_addressee(),
        }
    });
    PackCtx {
        invitation,
        programme,
        attendance,
        counting,
        proposal,
    }
}

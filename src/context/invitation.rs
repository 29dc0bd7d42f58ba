//! The invitations' facts: who is invited (guests first, then member units), the number and
//! date lines, the notes, the signer. The addressee ("Đồng chí …", "Lãnh đạo …"), the closing's
//! form of address, the signer's default title and the Nơi nhận are worded by `mac-dinh.j2`.

use serde::Serialize;

use super::letters::{
    LetterheadCtx, NumberCtx, RecipientsCtx, issue_date_line, letterhead, number, recipients,
};
use super::people::PersonCtx;
use super::{Context, one_line};
use crate::model::{Invitation, Meeting};

/// The invitations.
#[derive(Debug, Clone, Serialize)]
pub struct InvitationCtx {
    /// The header the invitations go out under: the bloc's or the head unit's.
    pub letterhead: LetterheadCtx,
    /// Number (blanks when the file gives none), with the letterhead's code.
    pub number: NumberCtx,
    /// "Lào Cai, ngày 05 tháng 01 năm 2027", or with blanks to fill in.
    pub date_line: String,
    /// One per invitation, in order: guests first, then member units.
    pub invitees: Vec<InviteeCtx>,
    /// Requests in every invitation, one paragraph each.
    pub notes: Vec<String>,
    /// The Nơi nhận the file writes (the template's default when it gives none).
    pub recipients: RecipientsCtx,
    /// Whom to call.
    pub contact: Option<String>,
    /// The signer's title, as the file gives it.
    pub signer_title: Option<String>,
    /// The signer's name: the file's, else the chair's.
    pub signer: String,
}

/// One invitation's addressee: a guest or a member unit.
#[derive(Debug, Clone, Serialize)]
pub struct InviteeCtx {
    /// The guest invited.
    pub guest: Option<PersonCtx>,
    /// The guest's unit, when the file gives one: it completes the addressee.
    pub guest_unit: Option<String>,
    /// The member unit invited (its leaders), by name.
    pub unit: Option<String>,
    /// The guest's or the unit's name.
    pub name: String,
    /// A file name for this invitation alone (`03-so-tai-chinh`).
    pub file: String,
    /// Requests for this invitee's group alone (`guest_notes` or `member_notes`), printed
    /// after the notes every invitation has.
    pub notes: Vec<String>,
}

/// The invitations' facts of `m`, from the shared context.
pub fn build(m: &Meeting, inv: &Invitation, ctx: &Context) -> InvitationCtx {
    let mut invitees: Vec<InviteeCtx> = Vec::new();
    if inv.guests {
        for g in &ctx.guests {
            invitees.push(InviteeCtx {
                guest: Some(g.person.clone()),
                guest_unit: g.unit.clone(),
                unit: None,
                name: g.person.name.clone(),
                file: String::new(),
                notes: paragraphs(&inv.guest_notes),
            });
        }
    }
    for (member, u) in m.members.iter().zip(&ctx.members) {
        if m.is_invited(member) {
            invitees.push(InviteeCtx {
                guest: None,
                guest_unit: None,
                unit: Some(u.name.clone()),
                name: u.name.clone(),
                file: String::new(),
                notes: paragraphs(&inv.member_notes),
            });
        }
    }
    for (i, invitee) in invitees.iter_mut().enumerate() {
        invitee.file = invitation_file(i + 1, &invitee.name);
    }
    let letterhead = letterhead(m, inv.letterhead);
    InvitationCtx {
        number: number(inv.number, "GM", letterhead.code.as_deref()),
        letterhead,
        date_line: issue_date_line(&m.bloc.place, inv.issued.as_deref(), m.year),
        invitees,
        notes: paragraphs(&inv.notes),
        recipients: recipients(
            (!inv.recipients.is_empty()).then_some(&inv.recipients[..]),
            inv.archive.as_deref(),
        ),
        contact: inv.contact.as_deref().map(|c| c.trim().to_owned()),
        signer_title: inv.signer_title.clone(),
        signer: inv
            .signer
            .as_deref()
            .map(one_line)
            .unwrap_or_else(|| ctx.chair.name.clone()),
    }
}

/// The requests of a list, trimmed, blank ones left out.
fn paragraphs(notes: &[String]) -> Vec<String> {
    notes
        .iter()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

/// The file name of invitation `n` (from 1) for `name`: `03-so-tai-chinh`, or `03` when
/// the name has no Latin letter or digit to name the file by.
fn invitation_file(n: usize, name: &str) -> String {
    match crate::write::file_slug(name) {
        slug if slug.is_empty() => format!("{n:02}"),
        slug => format!("{n:02}-{slug}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitation_files_are_named_even_without_latin_letters() {
        assert_eq!(invitation_file(3, "Sở Tài chính"), "03-so-tai-chinh");
        assert_eq!(invitation_file(12, "Đ"), "12-d");
        assert_eq!(invitation_file(4, "“…”"), "04");
        assert_eq!(invitation_file(5, "中文"), "05");
    }
}

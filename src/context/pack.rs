//! The documents around the conference (issue 16): invitations, programme, attendance sheet,
//! vote-count minutes, award proposal, each built by its own module.

use serde::Serialize;

use super::Context;
use super::attendance::{self, AttendanceCtx};
use super::counting::{self, CountingCtx};
use super::invitation::{self, InvitationCtx};
use super::programme::{self, ProgrammeRow};
use super::proposal::{self, ProposalCtx};
use crate::model::Meeting;

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

/// Builds the pack's facts from `m` and the shared context.
pub fn build(m: &Meeting, ctx: &Context) -> PackCtx {
    PackCtx {
        invitation: m
            .invitation
            .as_ref()
            .map(|inv| invitation::build(m, inv, ctx)),
        programme: programme::build(m),
        attendance: m.attendance.as_ref().map(|a| attendance::build(m, a)),
        counting: m.counting.as_ref().map(|c| counting::build(m, c, ctx)),
        proposal: m.proposal.as_ref().map(|p| proposal::build(m, p, ctx)),
    }
}

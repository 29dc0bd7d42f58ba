//! The attendance sheet's rows: the guests, the delegates of the member units present, the
//! people the file adds, then blank rows.

use serde::Serialize;

use super::one_line;
use crate::model::{Attendance, Meeting};

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

/// The attendance sheet of `m` as `a` asks for it.
pub fn build(m: &Meeting, a: &Attendance) -> AttendanceCtx {
    let mut rows = Vec::new();
    if a.guests {
        for g in &m.guests {
            let titles: Vec<String> = g.titles.iter().map(|t| one_line(t)).collect();
            rows.push(AttendanceRowCtx {
                name: one_line(&g.name),
                title: titles.join(", "),
                unit: g.unit.as_deref().map(one_line).unwrap_or_default(),
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
}

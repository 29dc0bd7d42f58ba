//! The document kinds hoinghi typesets, and their names on the command line and on disk.

use std::fmt;
use std::str::FromStr;

use crate::diag::Problem;
use crate::model::Meeting;

/// A document kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKind {
    /// Bản giao ước thi đua (pledge agreement).
    GiaoUoc,
    /// Biên bản hội nghị (minutes).
    BienBan,
    /// Bài tin (news report).
    BaiTin,
    /// Giấy mời (invitations), one per guest and member unit.
    GiayMoi,
    /// Chương trình hội nghị (programme).
    ChuongTrinh,
    /// Danh sách đại biểu (attendance and signing sheet).
    DanhSach,
    /// Biên bản kiểm phiếu (vote-count minutes).
    BienBanKiemPhieu,
    /// Tờ trình đề nghị khen thưởng (award proposal).
    ToTrinh,
}

impl DocKind {
    /// Every kind, in the order they are written.
    pub const ALL: [DocKind; 8] = [
        DocKind::GiaoUoc,
        DocKind::BienBan,
        DocKind::BaiTin,
        DocKind::GiayMoi,
        DocKind::ChuongTrinh,
        DocKind::DanhSach,
        DocKind::BienBanKiemPhieu,
        DocKind::ToTrinh,
    ];

    /// Slug used on the command line, for the output file and the template (`giao-uoc`).
    pub fn slug(self) -> &'static str {
        match self {
            DocKind::GiaoUoc => "giao-uoc",
            DocKind::BienBan => "bien-ban",
            DocKind::BaiTin => "bai-tin",
            DocKind::GiayMoi => "giay-moi",
            DocKind::ChuongTrinh => "chuong-trinh",
            DocKind::DanhSach => "danh-sach",
            DocKind::BienBanKiemPhieu => "bien-ban-kiem-phieu",
            DocKind::ToTrinh => "to-trinh",
        }
    }

    /// Vietnamese name for messages.
    pub fn name_vi(self) -> &'static str {
        match self {
            DocKind::GiaoUoc => "bản giao ước thi đua",
            DocKind::BienBan => "biên bản hội nghị",
            DocKind::BaiTin => "bài tin",
            DocKind::GiayMoi => "giấy mời (mỗi khách mời, mỗi đơn vị một giấy)",
            DocKind::ChuongTrinh => "chương trình hội nghị",
            DocKind::DanhSach => "danh sách đại biểu (ký tên)",
            DocKind::BienBanKiemPhieu => "biên bản kiểm phiếu",
            DocKind::ToTrinh => "tờ trình đề nghị khen thưởng",
        }
    }

    /// English name for messages.
    pub fn name_en(self) -> &'static str {
        match self {
            DocKind::GiaoUoc => "pledge agreement",
            DocKind::BienBan => "minutes",
            DocKind::BaiTin => "news article",
            DocKind::GiayMoi => "invitations (one per guest and member unit)",
            DocKind::ChuongTrinh => "programme",
            DocKind::DanhSach => "attendance and signing sheet",
            DocKind::BienBanKiemPhieu => "vote-count minutes",
            DocKind::ToTrinh => "award proposal",
        }
    }

    /// What `kind` needs that `meeting` lacks: empty when the document can be made.
    pub fn missing_in(self, meeting: &Meeting) -> Vec<Problem> {
        let kind = self;
        let mut missing = Vec::new();
        let (doc_vi, doc_en) = (kind.name_vi(), kind.name_en());
        let need = |path: &str, vi: &str, en: &str| {
            Problem::error(
                path,
                text!(
                    "{doc_vi} cần trường `{path}` ({vi})",
                    "the {doc_en} needs `{path}` ({en})"
                ),
            )
            .hint(text!(
                "thêm trường `{path}` vào tệp (xem docs/schema.md), hoặc bỏ {} khỏi --doc",
                "add `{path}` to the file (see docs/schema.md), or leave {} out of --doc",
                kind.slug()
            ))
        };
        match kind {
            DocKind::GiaoUoc => {
                if meeting.commitments.iter().all(|s| s.items.is_empty()) {
                    missing.push(need("commitments", "nội dung giao ước", "the commitments"));
                }
            }
            DocKind::BienBan => {
                if meeting.secretary.is_none() {
                    missing.push(need(
                        "secretary",
                        "thư ký ghi biên bản",
                        "who keeps the minutes",
                    ));
                }
                if meeting.end_time.is_none() {
                    missing.push(need("end_time", "giờ kết thúc", "the end time"));
                }
            }
            DocKind::BaiTin => {
                if meeting.article.is_none() {
                    missing.push(need(
                        "article",
                        "thông tin bài tin, ít nhất `byline`",
                        "article data, at least `byline`",
                    ));
                }
            }
            DocKind::GiayMoi => {
                if meeting.invitation.is_none() {
                    missing.push(need(
                        "invitation",
                        "khối thông tin giấy mời, có thể để trống: `invitation: {}`",
                        "the invitation block, possibly empty: `invitation: {}`",
                    ));
                }
            }
            DocKind::ChuongTrinh => {
                if meeting.programme.is_empty() {
                    missing.push(need(
                        "programme",
                        "các mục của chương trình, mỗi mục có giờ",
                        "the programme's items, each with its time",
                    ));
                }
            }
            DocKind::DanhSach => {
                if meeting.attendance.is_none() {
                    missing.push(need(
                        "attendance",
                        "khối danh sách đại biểu, có thể để trống: `attendance: {}`",
                        "the attendance block, possibly empty: `attendance: {}`",
                    ));
                }
            }
            DocKind::BienBanKiemPhieu => {
                if meeting.counting.is_none() {
                    missing.push(need(
                        "counting",
                        "Ban kiểm phiếu: `counting.committee`",
                        "the vote-counting committee: `counting.committee`",
                    ));
                }
                if !meeting.votes.iter().any(|v| v.secret) {
                    missing.push(need(
                        "votes",
                        "ít nhất một cuộc bỏ phiếu kín (`secret: true`)",
                        "at least one secret ballot (`secret: true`)",
                    ));
                }
            }
            DocKind::ToTrinh => {
                if meeting.proposal.is_none() {
                    missing.push(need(
                        "proposal",
                        "khối tờ trình, ít nhất `to` (nơi nhận tờ trình)",
                        "the proposal block, at least `to` (whom it is addressed to)",
                    ));
                }
                if !meeting
                    .awards
                    .iter()
                    .any(|a| a.status == crate::model::AwardStatus::Proposed)
                {
                    missing.push(need(
                        "awards",
                        "ít nhất một hình thức khen thưởng được đề nghị",
                        "at least one award proposed",
                    ));
                }
            }
        }
        missing
    }

    /// The MiniJinja template that produces this kind.
    pub fn template(self) -> String {
        format!("{}.typ.j2", self.slug())
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for DocKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DocKind::ALL
            .into_iter()
            .find(|k| k.slug() == s.trim())
            .ok_or_else(|| {
                let all: Vec<&str> = DocKind::ALL.iter().map(|k| k.slug()).collect();
                format!("`{s}` ({}, all)", all.join(", "))
            })
    }
}

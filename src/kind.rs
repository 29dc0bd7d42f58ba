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

    /// What this kind needs that `meeting` lacks: empty when the document can be made.
    pub fn missing_in(self, meeting: &Meeting) -> Vec<Problem> {
        NEEDS
            .iter()
            .filter(|need| need.kind == self && (need.lacks)(meeting))
            .map(|need| need.problem())
            .collect()
    }

    /// The documents this kind makes of `meeting`: one (`[None]`), or with
    /// `counting.per_ballot` one vote-count minutes per secret ballot (`[Some(1), Some(2), …]`),
    /// each typeset on its own and named [`DocKind::file_stem`].
    pub fn parts_in(self, meeting: &Meeting) -> Vec<Option<usize>> {
        let per_ballot = self == DocKind::BienBanKiemPhieu
            && meeting.counting.as_ref().is_some_and(|c| c.per_ballot);
        let ballots = meeting.votes.iter().filter(|v| v.is_secret()).count();
        if per_ballot && ballots > 0 {
            (1..=ballots).map(Some).collect()
        } else {
            vec![None]
        }
    }

    /// The name of a document's files without extension: the slug (`bien-ban-kiem-phieu`), or
    /// for one of several parts the slug and the part's number (`bien-ban-kiem-phieu-2`).
    pub fn file_stem(self, part: Option<usize>) -> String {
        match part {
            Some(n) => format!("{}-{n}", self.slug()),
            None => self.slug().to_owned(),
        }
    }

    /// The MiniJinja template that produces this kind.
    pub fn template(self) -> String {
        format!("{}.typ.j2", self.slug())
    }
}

/// One thing a kind needs of a meeting: the field, whether the meeting lacks it, and what it
/// is, in Vietnamese and English.
struct Need {
    kind: DocKind,
    path: &'static str,
    lacks: fn(&Meeting) -> bool,
    vi: &'static str,
    en: &'static str,
}

impl Need {
    /// The error saying the document needs this field.
    fn problem(&self) -> Problem {
        let (path, vi, en) = (self.path, self.vi, self.en);
        let (doc_vi, doc_en) = (self.kind.name_vi(), self.kind.name_en());
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
            self.kind.slug()
        ))
    }
}

/// What each kind needs, in the order it is reported (a table of data).
const NEEDS: &[Need] = &[
    Need {
        kind: DocKind::GiaoUoc,
        path: "commitments",
        lacks: |m| m.commitments.iter().all(|s| s.items.is_empty()),
        vi: "nội dung giao ước",
        en: "the commitments",
    },
    Need {
        kind: DocKind::BienBan,
        path: "secretary",
        lacks: |m| m.secretary.is_none(),
        vi: "thư ký ghi biên bản",
        en: "who keeps the minutes",
    },
    Need {
        kind: DocKind::BienBan,
        path: "end_time",
        lacks: |m| m.end_time.is_none(),
        vi: "giờ kết thúc",
        en: "the end time",
    },
    Need {
        kind: DocKind::BaiTin,
        path: "article",
        lacks: |m| m.article.is_none(),
        vi: "thông tin bài tin, ít nhất `byline`",
        en: "article data, at least `byline`",
    },
    Need {
        kind: DocKind::GiayMoi,
        path: "invitation",
        lacks: |m| m.invitation.is_none(),
        vi: "khối thông tin giấy mời, có thể để trống: `invitation: {}`",
        en: "the invitation block, possibly empty: `invitation: {}`",
    },
    Need {
        kind: DocKind::GiayMoi,
        path: "invitation",
        lacks: |m| m.invitation.is_some() && !m.invites_anyone(),
        vi: "người nhận giấy mời: khách mời trong `guests`, hoặc đơn vị không bị `invitation.except` bỏ ra",
        en: "someone to invite: guests in `guests`, or member units not left out by `invitation.except`",
    },
    Need {
        kind: DocKind::ChuongTrinh,
        path: "programme",
        lacks: |m| m.programme.is_empty(),
        vi: "các mục của chương trình, mỗi mục có giờ",
        en: "the programme's items, each with its time",
    },
    Need {
        kind: DocKind::DanhSach,
        path: "attendance",
        lacks: |m| m.attendance.is_none(),
        vi: "khối danh sách đại biểu, có thể để trống: `attendance: {}`",
        en: "the attendance block, possibly empty: `attendance: {}`",
    },
    Need {
        kind: DocKind::BienBanKiemPhieu,
        path: "counting",
        lacks: |m| m.counting.is_none(),
        vi: "Ban kiểm phiếu: `counting.committee`",
        en: "the vote-counting committee: `counting.committee`",
    },
    Need {
        kind: DocKind::BienBanKiemPhieu,
        path: "votes",
        lacks: |m| !m.votes.iter().any(crate::model::Vote::is_secret),
        vi: "ít nhất một cuộc bỏ phiếu kín (`secret: true` hoặc `method: bỏ phiếu kín`)",
        en: "at least one secret ballot (`secret: true` or `method: bỏ phiếu kín`)",
    },
    Need {
        kind: DocKind::ToTrinh,
        path: "proposal",
        lacks: |m| m.proposal.is_none(),
        vi: "khối tờ trình, ít nhất `to` (nơi nhận tờ trình)",
        en: "the proposal block, at least `to` (whom it is addressed to)",
    },
    Need {
        kind: DocKind::ToTrinh,
        path: "awards",
        lacks: |m| {
            !m.awards
                .iter()
                .any(|a| a.status == crate::model::AwardStatus::Proposed)
        },
        vi: "ít nhất một hình thức khen thưởng được đề nghị",
        en: "at least one award proposed",
    },
];

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

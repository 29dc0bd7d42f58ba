//! The document kinds hoinghi typesets, and their names on the command line and on disk.

use std::fmt;
use std::str::FromStr;

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

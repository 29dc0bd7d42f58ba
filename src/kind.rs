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
}

impl DocKind {
    /// Every kind, in the order they are written.
    pub const ALL: [DocKind; 3] = [DocKind::GiaoUoc, DocKind::BienBan, DocKind::BaiTin];

    /// Slug used on the command line, for the output file and the template (`giao-uoc`).
    pub fn slug(self) -> &'static str {
        match self {
            DocKind::GiaoUoc => "giao-uoc",
            DocKind::BienBan => "bien-ban",
            DocKind::BaiTin => "bai-tin",
        }
    }

    /// Vietnamese name for messages.
    pub fn name_vi(self) -> &'static str {
        match self {
            DocKind::GiaoUoc => "bản giao ước thi đua",
            DocKind::BienBan => "biên bản hội nghị",
            DocKind::BaiTin => "bài tin",
        }
    }

    /// English name for messages.
    pub fn name_en(self) -> &'static str {
        match self {
            DocKind::GiaoUoc => "pledge agreement",
            DocKind::BienBan => "minutes",
            DocKind::BaiTin => "news article",
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
            .ok_or_else(|| format!("`{s}` (giao-uoc, bien-ban, bai-tin, all)"))
    }
}

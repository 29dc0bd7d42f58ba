//! People and units of a meeting: chair, secretary, guests, member units and their signers.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A person named in the documents (chair, secretary).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Person {
    /// Full name, no academic titles ("Trần Thị Mỹ Hạnh").
    pub name: String,
    /// Position(s) as one text, printed as written ("Chánh Văn phòng Tỉnh ủy, Trưởng Khối thi đua").
    #[serde(default)]
    pub title: Option<String>,
    /// Positions as a list, most senior first, printed after `title`; each is kept whole, so a
    /// position with a hyphen inside ("Trưởng Ban Thi đua - Khen thưởng tỉnh") stays one.
    #[serde(default)]
    pub titles: Vec<String>,
    /// How the documents address the person (default: `bloc.address`, else `dong_chi`).
    #[serde(default)]
    pub address: Option<Address>,
}

/// An invited guest.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Guest {
    /// Full name.
    pub name: String,
    /// Positions, most senior first ("Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh").
    #[serde(default)]
    pub titles: Vec<String>,
    /// The guest's unit ("Sở Tư pháp"), when the titles do not name it: the attendance
    /// sheet's "Đơn vị" column, and the invitation's addressee after the last title (schema
    /// v1.2).
    #[serde(default)]
    pub unit: Option<String>,
    /// What the guest does at the meeting ("phát biểu chỉ đạo", "dự"); defaults to "dự".
    #[serde(default)]
    pub role: Option<String>,
    /// How the documents address the guest (default: `bloc.address`, else `dong_chi`).
    #[serde(default)]
    pub address: Option<Address>,
    /// Summary of the guest's speech, continuing the sentence after the name and titles
    /// ("nhấn mạnh, các đơn vị cần …").
    #[serde(default)]
    pub speech: Option<String>,
}

/// How a person is addressed in running text (minutes and article).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Address {
    /// "đồng chí <Họ tên>, <chức vụ>" (Party press; members of the Party).
    #[default]
    DongChi,
    /// "ông <Họ tên> - <chức vụ>" (state portal; guests outside the Party).
    Ong,
    /// "bà <Họ tên> - <chức vụ>" (state portal; guests outside the Party).
    Ba,
}

/// A member unit of the bloc.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Member {
    /// Short key to refer to the unit elsewhere in the file (`head_unit`, awards); optional.
    #[serde(default)]
    pub id: Option<String>,
    /// Full name in normal case ("Ban Tổ chức Tỉnh ủy"); upper-cased in headers and signature cells.
    pub name: String,
    /// Who signs for the unit.
    pub signer: Signer,
    /// Reason the unit was absent from the meeting; the unit still appears in the signature grid.
    #[serde(default)]
    pub absent: Option<String>,
}

/// The person signing for a member unit.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Signer {
    /// Full name, no academic titles.
    pub name: String,
    /// The signer's own position ("Trưởng ban", "Phó Chánh Văn phòng").
    pub title: String,
    /// Signing authority.
    #[serde(default)]
    pub authority: Authority,
    /// For `collective`: the collective body signed for (defaults to the unit's name).
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    /// For `deputy`, `by_order`, `by_delegation` and `acting`: the head's position
    /// ("Trưởng ban"), printed after the prefix (`KT. TRƯỞNG BAN`, `Q. TRƯỞNG BAN`).
    #[serde(default)]
    pub principal_title: Option<String>,
    /// How the minutes address the signer (default: `bloc.address`, else `dong_chi`).
    #[serde(default)]
    pub address: Option<Address>,
}

/// Signing authority: each profile prints its own prefix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// The head signs in their own right: no prefix.
    #[default]
    None,
    /// On behalf of a collective: `TM.` (nd30) / `T/M` (party).
    Collective,
    /// A deputy signs for the head: `KT.` / `K/T`.
    Deputy,
    /// By order: `TL.` / `T/L`.
    ByOrder,
    /// By delegation: `TUQ.` (nd30 only: the Party format has no such prefix).
    ByDelegation,
    /// Acting head: `Q. <principal's title>` (nd30); `QUYỀN <principal's title>` as the
    /// position line (party).
    Acting,
}

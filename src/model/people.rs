//! People and units of a meeting: chair, secretary, guests, member units and their signers.

use schemars::JsonSchema;
use serde::de::{self, IntoDeserializer, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
    /// The unit's own header, for the documents that go out under the head unit's letterhead
    /// (`invitation.letterhead: head_unit` …; schema v1.2).
    #[serde(default)]
    pub header: Option<UnitHeader>,
}

/// A member unit's own header block: what its letters print above the number line when a
/// document goes out under its letterhead instead of the bloc's (schema v1.2).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct UnitHeader {
    /// The superior body, printed above the unit's name, not bold ("Tỉnh ủy Tuyên Quang",
    /// "UBND tỉnh Thái Nguyên"); none for a unit without one (a ward's People's Committee).
    #[serde(default)]
    pub superior: Option<String>,
    /// The unit's name as its header prints it, when it differs from `name` ("Văn phòng"
    /// under "Tỉnh ủy Tuyên Quang"); default the unit's `name`.
    #[serde(default)]
    pub name: Option<String>,
    /// The unit's code in its document numbers ("UBND", "VPTU": "Số: 12/GM-UBND").
    #[serde(default)]
    pub issuer_code: Option<String>,
}

/// The person signing for a member unit.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Signer {
    /// Full name, no academic titles.
    pub name: String,
    /// The signer's own position ("Trưởng ban", "Phó Chánh Văn phòng").
    pub title: String,
    /// Signing authority: one value, or two as a list when the signer signs for a collective
    /// and for its head (`[collective, deputy]`: "TM. ỦY BAN NHÂN DÂN … / KT. CHỦ TỊCH /
    /// PHÓ CHỦ TỊCH"; schema v1.2).
    #[serde(default)]
    pub authority: Authorities,
    /// With `collective`: the collective body signed for (defaults to the unit's name; a body
    /// whose name begins the unit's, "Ủy ban nhân dân" of "Ủy ban nhân dân phường Đồng Tâm",
    /// prints the unit's full name after `TM.`).
    #[serde(default)]
    pub on_behalf_of: Option<String>,
    /// For `deputy`, `by_order`, `by_delegation` and `acting` (alone or after `collective`): the
    /// head's position
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

/// `signer.authority` as the file writes it: one value (`deputy`), or a list (`[collective,
/// deputy]`) when the signer signs for a collective and for its head. [`crate::validate`]
/// says which lists make sense; an empty list is kept so that it can say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorities(pub Vec<Authority>);

impl Default for Authorities {
    fn default() -> Self {
        Authorities(vec![Authority::None])
    }
}

impl From<Authority> for Authorities {
    fn from(a: Authority) -> Self {
        Authorities(vec![a])
    }
}

impl Authorities {
    /// Whether the list holds `a`.
    pub fn has(&self, a: Authority) -> bool {
        self.0.contains(&a)
    }

    /// Whether the signer signs for a collective (`TM.` / `T/M`).
    pub fn collective(&self) -> bool {
        self.has(Authority::Collective)
    }

    /// The signer's own authority beside the collective: `deputy`, `by_order`,
    /// `by_delegation` or `acting`; `none` when there is none.
    pub fn own(&self) -> Authority {
        self.0
            .iter()
            .copied()
            .find(|a| !matches!(a, Authority::None | Authority::Collective))
            .unwrap_or(Authority::None)
    }
}

impl Serialize for Authorities {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => one.serialize(serializer),
            many => many.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Authorities {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AuthoritiesVisitor;
        impl<'de> Visitor<'de> for AuthoritiesVisitor {
            type Value = Authorities;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a signing authority or a list of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Authorities, E> {
                Authority::deserialize(v.into_deserializer()).map(Authorities::from)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Authorities, A::Error> {
                let mut all = Vec::new();
                while let Some(a) = seq.next_element::<Authority>()? {
                    all.push(a);
                }
                Ok(Authorities(all))
            }
        }
        deserializer.deserialize_any(AuthoritiesVisitor)
    }
}

impl JsonSchema for Authorities {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Authorities".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one = generator.subschema_for::<Authority>();
        schemars::json_schema!({
            "description": "Signing authority: one value, or `[collective, <deputy | by_order | by_delegation | acting>]` for \"TM. … / KT. …\" (schema v1.2).",
            "anyOf": [
                one,
                { "type": "array", "items": one, "minItems": 1, "maxItems": 2, "uniqueItems": true }
            ]
        })
    }
}

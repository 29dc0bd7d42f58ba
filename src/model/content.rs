//! What the documents say: commitments, proceedings, votes, awards, and per-document options.

use schemars::JsonSchema;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// A section of the pledge agreement ("Nội dung giao ước"); printed `I.`, `II.` … in upper case.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Section {
    /// Section heading in normal case ("Nội dung giao ước").
    pub title: String,
    /// Paragraph printed under the heading, before the items.
    #[serde(default)]
    pub intro: Option<String>,
    /// Numbered commitments; numbering starts at 1 in each section.
    #[serde(default)]
    pub items: Vec<Commitment>,
    /// The section in a few words, for the news article ("nâng cao chất lượng tham mưu");
    /// without it the article names the section by its heading.
    #[serde(default)]
    pub summary: Option<String>,
    /// Whether the news article names the section among the key contents (default true;
    /// `false` keeps it out, as for "Khen thưởng" or "Điều khoản thi hành"; schema v1.2).
    /// `article.sections`, when given, decides instead.
    #[serde(default)]
    pub in_article: Option<bool>,
}

/// One commitment: a plain string, or `{text, items}` with sub-items printed `a)`, `b)`, … `đ)`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Commitment {
    /// The commitment.
    pub text: String,
    /// Sub-items.
    #[serde(default)]
    pub items: Vec<String>,
}

impl JsonSchema for Commitment {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Commitment".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "One commitment: a string, or `text` with sub-items `items`.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": {
                        "text": { "type": "string", "description": "The commitment." },
                        "items": {
                            "type": "array",
                            "items": { "type": "string" },
                            "description": "Sub-items, printed a), b), … đ)."
                        }
                    },
                    "required": ["text"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Commitment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Full {
            text: String,
            #[serde(default)]
            items: Vec<String>,
        }
        struct CommitmentVisitor;
        impl<'de> Visitor<'de> for CommitmentVisitor {
            type Value = Commitment;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a map with `text` and `items`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Commitment, E> {
                Ok(Commitment {
                    text: v.to_owned(),
                    items: Vec::new(),
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Commitment, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Commitment, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Commitment, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Commitment, A::Error> {
                let full = Full::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Commitment {
                    text: full.text,
                    items: full.items,
                })
            }
        }
        deserializer.deserialize_any(CommitmentVisitor)
    }
}

/// A contribution to the proceedings.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Proceeding {
    /// Who spoke ("Đồng chí Lò Văn Thắm").
    pub speaker: String,
    /// The speaker's position, printed after the name.
    #[serde(default)]
    pub title: Option<String>,
    /// What was said or done ("trình bày báo cáo tổng kết công tác thi đua năm 2025").
    pub summary: String,
}

/// A vote on a motion.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Vote {
    /// What was voted on ("Đề nghị UBND tỉnh tặng Cờ thi đua cho Văn phòng Tỉnh ủy").
    pub motion: String,
    /// How ("giơ tay", "bỏ phiếu kín"); a method that says "kín" makes the vote a secret ballot.
    #[serde(default)]
    pub method: Option<String>,
    /// A secret ballot on paper: the minutes give ballots issued, returned, valid and invalid.
    #[serde(default)]
    pub secret: bool,
    /// Voters present (ballots issued).
    pub voters: u32,
    /// Ballots returned (secret ballot); defaults to `voters`.
    #[serde(default)]
    pub returned: Option<u32>,
    /// Each ballot marks up to this many of the `options` (a k-of-N ballot: "chọn 3 trong 8
    /// đơn vị"); the options are then candidates, ranked by their counts.
    #[serde(default)]
    pub choose: Option<u32>,
    /// For a k-of-N ballot: the candidates elected (labels as in `options`); defaults to the
    /// `choose` candidates with most votes, leaving out a tie at the last place.
    #[serde(default)]
    pub elected: Option<Vec<String>>,
    /// Voters entitled to vote, for `percent_of: members`; defaults to the number of member units.
    #[serde(default)]
    pub eligible: Option<u32>,
    /// Options and their counts ("Đồng ý": 10).
    pub options: Vec<VoteOption>,
    /// Invalid ballots.
    #[serde(default)]
    pub invalid: u32,
    /// What percentages are taken over: `voters` (default), `valid` or `members`.
    #[serde(default)]
    pub percent_of: PercentBase,
    /// The outcome in words ("Hội nghị thống nhất đề nghị …").
    #[serde(default)]
    pub result: Option<String>,
    /// Who votes: `delegate` (default, each delegate present one vote) or `unit` (each member
    /// unit one vote: "8 đơn vị"; `voters` at most the units present).
    #[serde(default)]
    pub counted_by: CountedBy,
    /// A secret ballot's own vote-count minutes (number, start and end time), read with
    /// `counting.per_ballot`.
    #[serde(default)]
    pub counting: Option<crate::model::BallotCounting>,
}

/// Who casts a vote's votes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CountedBy {
    /// Each delegate present: "9 đại biểu".
    #[default]
    Delegate,
    /// Each member unit present, one vote each: "8 đơn vị".
    Unit,
}

impl Vote {
    /// A secret ballot: `secret: true`, or a `method` with the word "kín" in it ("bỏ phiếu kín",
    /// "Bỏ phiếu KÍN", "bo phieu kin"), compared without case or marks (docs/schema.md §8).
    pub fn is_secret(&self) -> bool {
        self.secret
            || self
                .method
                .as_deref()
                .is_some_and(|m| crate::vietnamese::fold_vi(m).split(' ').any(|w| w == "kin"))
    }
}

/// One option of a vote.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct VoteOption {
    /// The option ("Đồng ý", "Không đồng ý"), or a candidate: a member `id` or name, or any
    /// name. In a yes/no vote the first option is the one in favour.
    pub label: String,
    /// Votes for it.
    pub count: u32,
}

/// The count a vote's percentages are taken over (spec §7).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PercentBase {
    /// Voters present (ballots issued).
    #[default]
    Voters,
    /// Valid ballots (voters present minus invalid ones).
    Valid,
    /// Voters entitled (`eligible`, or the number of member units).
    Members,
}

/// An award proposed or presented at the meeting.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Award {
    /// The award ("Cờ thi đua của UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh").
    pub award: String,
    /// Recipients: member `id`s or names, or other names as written.
    #[serde(default)]
    pub recipients: Vec<String>,
    /// How many recipients, when they are counted rather than named ("01 tập thể"); with
    /// `recipients` too, the count is printed before the names.
    #[serde(default)]
    pub count: Option<u32>,
    /// Whether the recipients are `collective` (tập thể, default) or `individual` (cá nhân).
    #[serde(default)]
    pub recipient_type: RecipientType,
    /// `proposed` (đề nghị, default) or `granted` (được tặng).
    #[serde(default)]
    pub status: AwardStatus,
    /// The achievement ("vì có thành tích xuất sắc trong phong trào thi đua năm 2025").
    #[serde(default)]
    pub reason: Option<String>,
}

/// Who receives an award.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecipientType {
    /// Tập thể (units).
    #[default]
    Collective,
    /// Cá nhân (people).
    Individual,
}

/// Whether an award is proposed or already granted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AwardStatus {
    /// Proposed to the awarding body.
    #[default]
    Proposed,
    /// Granted.
    Granted,
}

/// Document numbers (số) and the issuer's code (ký hiệu).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Numbers {
    /// The bloc's code in document symbols ("KTĐCQĐ"); without it the number line carries only the type.
    #[serde(default)]
    pub issuer_code: Option<String>,
    /// Number of the pledge agreement; printed with `agreement_type` (blanks without a number).
    #[serde(default)]
    pub agreement: Option<u32>,
    /// Type code of the pledge agreement in its number line ("GƯ"); no rule defines one, so
    /// without it the agreement has no number line.
    #[serde(default)]
    pub agreement_type: Option<String>,
    /// Number of the minutes; blanks are printed when absent.
    #[serde(default)]
    pub minutes: Option<u32>,
}

/// Whose header a document goes out under (schema v1.2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Letterhead {
    /// The bloc's: `bloc.superior` and `bloc.name`, numbered with `numbers.issuer_code`.
    #[default]
    Bloc,
    /// The head unit's (`bloc.head_unit`): a bloc has no seal, so its letters go out under
    /// the head unit's header (`members[].header`) and number, signed "TM. KHỐI THI ĐUA".
    HeadUnit,
}

/// Options for the pledge agreement.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct AgreementOptions {
    /// Whose header the agreement goes out under: `bloc` (default) or `head_unit` (its
    /// header, and its code in the number line; schema v1.2).
    #[serde(default)]
    pub letterhead: Letterhead,
    /// Title (default "BẢN GIAO ƯỚC THI ĐUA").
    #[serde(default)]
    pub title: Option<String>,
    /// Line under the title (default "<bloc name> năm <year>"); never re-cased.
    #[serde(default)]
    pub subject: Option<String>,
    /// Lead sentence before the sections (default "Các đơn vị trong <bloc> thống nhất ký kết …").
    #[serde(default)]
    pub preamble: Option<String>,
    /// Closing paragraph after the sections ("Bản giao ước được lập thành 12 bản …").
    #[serde(default)]
    pub closing: Option<String>,
    /// Heading over the signature grid (default "ĐẠI DIỆN CÁC ĐƠN VỊ TRONG KHỐI"; "" for none).
    #[serde(default)]
    pub signature_heading: Option<String>,
    /// Signature grid columns, 2 or 3 (default 2, or 3 above 12 members).
    #[serde(default)]
    pub columns: Option<u8>,
    /// "Nơi nhận" list after the signatures (default: the member units and the provincial
    /// emulation council); the program adds `- ` and the `;`/`.` endings.
    #[serde(default)]
    pub recipients: Option<Vec<String>>,
    /// Who files the original, the last Nơi nhận line: nd30 `- Lưu: VT, <archive>.` (default
    /// "Hồ sơ"), party `- Lưu <archive>.` (default the head unit).
    #[serde(default)]
    pub archive: Option<String>,
}

/// Options for the minutes.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MinutesOptions {
    /// Label over the secretary's signature (default `THƯ KÝ` nd30, `NGƯỜI GHI BIÊN BẢN` party).
    #[serde(default)]
    pub secretary_label: Option<String>,
    /// Label over the chair's signature (default `CHỦ TỌA` nd30, `CHỦ TRÌ HỘI NGHỊ` party).
    #[serde(default)]
    pub chair_label: Option<String>,
    /// "Nơi nhận" list under the secretary's block (default: the member units); the program
    /// adds `- ` and the `;`/`.` endings. A last item starting "Lưu" is taken as `archive`.
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Who files the original, the last Nơi nhận line: nd30 `- Lưu: VT, <archive>.` (default
    /// "Hồ sơ", as Mẫu 1.9), party `- Lưu <archive>.` (default the head unit).
    #[serde(default)]
    pub archive: Option<String>,
}

/// Data for the news article.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Article {
    /// Outlet tag printed in the lead: a code is put in the usual form ("BNP" → "(BNP) -
    /// Chiều 13/3, …"); a tag written with its punctuation (opening with a bracket, or ending
    /// with a dash or a colon) is printed as written, then a space ("(GLO)-" → "(GLO)- Chiều
    /// 13/3, …", "QTO -" → "QTO - Chiều 13/3, …"; schema v1.2).
    #[serde(default)]
    pub outlet: Option<String>,
    /// Headline (default: "<bloc> <activities> năm <year>"); no final period.
    #[serde(default)]
    pub title: Option<String>,
    /// Line above the headline ("Khối thi đua các cơ quan Đảng tỉnh:").
    #[serde(default)]
    pub kicker: Option<String>,
    /// Date style in the text: `slash` ("13/3", default) or `hyphen` ("13-3", Party press).
    #[serde(default)]
    pub date_style: DateStyle,
    /// Paragraphs of the body written by the press office, printed after the generated ones.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// The lead (sapo) as the press office writes it, instead of the generated one.
    #[serde(default)]
    pub lead: Option<String>,
    /// The body position by position: entry 1 replaces the first generated paragraph, entry 2
    /// the second, …; `~` (or an empty text) keeps the generated paragraph at that place;
    /// entries past the generated paragraphs extend the body.
    #[serde(default)]
    pub body: Vec<Option<String>>,
    /// How the article addresses people, as the outlet writes: `dong_chi` (Party press) or
    /// `ong_ba` (state portal: each person's own `address`, `ong` or `ba`). Default: each
    /// person's `address`, else `bloc.address`.
    #[serde(default)]
    pub address: Option<ArticleAddress>,
    /// List every member unit by name; by default the article names them only when there are
    /// ten or fewer and otherwise gives their number ("25 đơn vị thành viên").
    #[serde(default)]
    pub list_members: Option<bool>,
    /// The commitment sections the article names among the key contents, by number (1 for
    /// section I, 2 for II, …), in the agreement's order; default every section whose
    /// `in_article` is not false (schema v1.2).
    #[serde(default)]
    pub sections: Option<Vec<u32>>,
    /// Photos with captions, placed after the lead and then between paragraphs.
    #[serde(default)]
    pub photos: Vec<Photo>,
    /// Byline on the last line ("Tin, ảnh: Lam Hồng").
    pub byline: String,
    /// End the body with "./." as some outlets do.
    #[serde(default)]
    pub end_mark: bool,
}

/// How the article addresses people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ArticleAddress {
    /// "đồng chí Nguyễn Văn A, Chánh Văn phòng Tỉnh ủy" for everyone (Party press).
    DongChi,
    /// "ông Nguyễn Văn A - Giám đốc Sở …", "bà …" (state portal): each person's `address`.
    OngBa,
}

/// How dates appear in the article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateStyle {
    /// "13/3".
    #[default]
    Slash,
    /// "13-3".
    Hyphen,
}

/// A photo in the article.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Photo {
    /// Image file (PNG, JPEG, GIF, SVG, WebP), relative to the meeting file's folder.
    pub file: String,
    /// Caption, a full sentence.
    pub caption: String,
    /// Photographer, printed "Ảnh: <credit>".
    pub credit: String,
}

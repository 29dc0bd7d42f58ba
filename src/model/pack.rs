//! The data of the documents around the conference (issue 16): invitations, programme,
//! attendance sheet, vote-count minutes and award proposal. Each block is optional; a document
//! is made when its block is in the file.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Letterhead;

fn yes() -> bool {
    true
}

/// `invitation`: the invitations (giấy mời), one per guest and per member unit.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Invitation {
    /// Number of the invitation ("Số: 05/GM-…"); blanks to fill in by hand when absent.
    #[serde(default)]
    pub number: Option<u32>,
    /// Date of issue, `YYYY-MM-DD`; a date line with blanks when absent.
    #[serde(default)]
    pub issued: Option<String>,
    /// One invitation per guest (default true).
    #[serde(default = "yes")]
    pub guests: bool,
    /// One invitation per member unit, addressed to its leader (default true).
    #[serde(default = "yes")]
    pub members: bool,
    /// Requests after the details in every invitation ("Đề nghị đại biểu có mặt trước 15
    /// phút"), one paragraph each.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Requests printed only in the guests' invitations, after `notes` (schema v1.2).
    #[serde(default)]
    pub guest_notes: Vec<String>,
    /// Requests printed only in the member units' invitations, after `notes` ("Đề nghị các
    /// đơn vị chuẩn bị báo cáo tham luận"; schema v1.2).
    #[serde(default)]
    pub member_notes: Vec<String>,
    /// Member units sent no invitation (`id` or name): the host, the head unit that invites
    /// (schema v1.2).
    #[serde(default)]
    pub except: Vec<String>,
    /// "Nơi nhận" list (default "Như trên"); the program adds `- ` and the `;`/`.` endings.
    /// A last item starting "Lưu" is taken as `archive` (schema v1.2).
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Who files the original, the last Nơi nhận line: nd30 `- Lưu: VT, <archive>.` (default
    /// "Hồ sơ"), party `- Lưu <archive>.` (default the head unit; schema v1.2).
    #[serde(default)]
    pub archive: Option<String>,
    /// Who to call about the meeting ("đồng chí Lê Văn A, điện thoại 0912 345 678").
    #[serde(default)]
    pub contact: Option<String>,
    /// The signer's position line (default "TRƯỞNG <KHỐI/CỤM> THI ĐUA"; under the head unit's
    /// letterhead "TM. <KHỐI/CỤM> THI ĐUA" over "TRƯỞNG <KHỐI/CỤM>"). Lines written on lines
    /// of their own (a line break in the text) are the block's lines: the last is the
    /// position, regular in the Party profile; the lines above it and every `TM.`/`KT.`/`TL.`
    /// line are bold (schema v1.2).
    #[serde(default)]
    pub signer_title: Option<String>,
    /// The signer (default the chair).
    #[serde(default)]
    pub signer: Option<String>,
    /// Whose header the invitations go out under: `bloc` (default) or `head_unit` (schema
    /// v1.2).
    #[serde(default)]
    pub letterhead: Letterhead,
}

impl Default for Invitation {
    /// As a file with an empty `invitation:` block: every guest and every member invited.
    fn default() -> Self {
        Invitation {
            number: None,
            issued: None,
            guests: true,
            members: true,
            notes: Vec::new(),
            guest_notes: Vec::new(),
            member_notes: Vec::new(),
            except: Vec::new(),
            contact: None,
            recipients: Vec::new(),
            archive: None,
            signer_title: None,
            signer: None,
            letterhead: Letterhead::default(),
        }
    }
}

/// One item of the programme (chương trình).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProgrammeItem {
    /// Start time `HH:MM`, or a span `HH:MM - HH:MM`.
    pub time: String,
    /// What happens ("Khai mạc hội nghị").
    pub item: String,
    /// Who does it ("Đồng chí Trưởng Khối"), when said.
    #[serde(default)]
    pub by: Option<String>,
}

/// `attendance`: the attendance and signing sheet (danh sách đại biểu dự hội nghị).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Attendance {
    /// The guests first (default true).
    #[serde(default = "yes")]
    pub guests: bool,
    /// Then each member unit's signer (default true).
    #[serde(default = "yes")]
    pub members: bool,
    /// Further people, after them.
    #[serde(default)]
    pub people: Vec<AttendanceRow>,
    /// Empty rows at the end for people who come unannounced (default 0).
    #[serde(default)]
    pub blank_rows: u32,
}

/// One row of the attendance sheet.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct AttendanceRow {
    /// Full name.
    pub name: String,
    /// Position.
    #[serde(default)]
    pub title: Option<String>,
    /// Unit.
    #[serde(default)]
    pub unit: Option<String>,
}

/// `counting`: the vote-count minutes (biên bản kiểm phiếu) of the secret ballots.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Counting {
    /// Number of the minutes; blanks when absent. With `per_ballot`, the first ballot's, the
    /// next ones numbered on from it (unless a ballot gives its own, `votes[].counting.number`).
    #[serde(default)]
    pub number: Option<u32>,
    /// The vote-counting committee (Ban kiểm phiếu), head first.
    pub committee: Vec<CommitteeMember>,
    /// When counting began, `HH:MM` (default the meeting's `start_time`); not after `end_time`.
    #[serde(default)]
    pub start_time: Option<String>,
    /// When counting ended, `HH:MM`.
    #[serde(default)]
    pub end_time: Option<String>,
    /// One vote-count minutes per secret ballot, each a document of its own
    /// (`bien-ban-kiem-phieu-1.pdf`, `-2.pdf` …); default false: one minutes of every ballot.
    #[serde(default)]
    pub per_ballot: bool,
    /// Who signs the minutes: `all` (default, every member of the committee) or `head` (the
    /// head alone, "TM. BAN KIỂM PHIẾU" / "TRƯỞNG BAN").
    #[serde(default)]
    pub signers: CountingSigners,
}

/// Who signs the vote-count minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CountingSigners {
    /// Every member of the committee, in a grid under "BAN KIỂM PHIẾU".
    #[default]
    All,
    /// The head alone, on behalf of the committee: "TM. BAN KIỂM PHIẾU" / "TRƯỞNG BAN"
    /// (nd30), "T/M BAN KIỂM PHIẾU" / "TRƯỞNG BAN" (party).
    Head,
}

/// `votes[].counting`: a secret ballot's own vote-count minutes, with `counting.per_ballot`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BallotCounting {
    /// Number of this ballot's minutes (default `counting.number` numbered on, else blanks).
    #[serde(default)]
    pub number: Option<u32>,
    /// When counting this ballot began, `HH:MM` (default `counting.start_time`).
    #[serde(default)]
    pub start_time: Option<String>,
    /// When counting this ballot ended, `HH:MM` (default `counting.end_time`).
    #[serde(default)]
    pub end_time: Option<String>,
}

/// A member of the vote-counting committee.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CommitteeMember {
    /// Full name.
    pub name: String,
    /// Position and unit ("Phó Chánh Văn phòng Sở Tài chính").
    #[serde(default)]
    pub title: Option<String>,
    /// Role in the committee: "Trưởng ban", "Thành viên" (default: the first is Trưởng ban).
    #[serde(default)]
    pub role: Option<String>,
}

/// `proposal`: the award proposal (tờ trình đề nghị khen thưởng).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Proposal {
    /// Number of the proposal; blanks when absent.
    #[serde(default)]
    pub number: Option<u32>,
    /// Date of issue, `YYYY-MM-DD`; blanks when absent.
    #[serde(default)]
    pub issued: Option<String>,
    /// Whom it is addressed to ("Ủy ban nhân dân tỉnh", "Hội đồng Thi đua - Khen thưởng tỉnh").
    pub to: String,
    /// Legal bases of the proposal (default the meeting's `legal_bases`).
    #[serde(default)]
    pub legal_bases: Vec<String>,
    /// Each proposed unit's results of the year, by unit (`id` or name as in `awards`).
    #[serde(default)]
    pub results: Vec<UnitResult>,
    /// "Nơi nhận" list (default "Như trên"); the program adds `- ` and the `;`/`.` endings.
    /// A last item starting "Lưu" is taken as `archive` (schema v1.2).
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Who files the original, the last Nơi nhận line, as in `invitation.archive` (schema
    /// v1.2).
    #[serde(default)]
    pub archive: Option<String>,
    /// The signer's position line, as `invitation.signer_title` (lines of their own, schema
    /// v1.2).
    #[serde(default)]
    pub signer_title: Option<String>,
    /// The signer (default the chair).
    #[serde(default)]
    pub signer: Option<String>,
    /// Whose header the proposal goes out under: `bloc` (default) or `head_unit` (schema
    /// v1.2).
    #[serde(default)]
    pub letterhead: Letterhead,
}

/// One unit's results, for the proposal's table.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct UnitResult {
    /// The unit (`id` or name of a member, as in `awards[].recipients`).
    pub unit: String,
    /// Its results ("Hoàn thành xuất sắc nhiệm vụ; dẫn đầu Khối").
    pub result: String,
}

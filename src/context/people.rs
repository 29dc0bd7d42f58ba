//! People and signers: the chair, the secretary, the guests, the member units with their
//! signers, and the lines of a signature block. How a person is introduced in running text
//! ("đồng chí …, …", "ông … - …") is worded by the shared words' `intro` macro
//! (`templates/mac-dinh.j2`) from the facts here.

use serde::Serialize;

use super::{centred_upper, one_line};
use crate::model::{Address, Authority, Meeting, Profile, Signer};
use crate::vietnamese::upper_vi;

/// A person as the documents name them.
#[derive(Debug, Clone, Serialize)]
pub struct PersonCtx {
    /// Full name.
    pub name: String,
    /// Positions, most senior first, each on one line; none empty.
    pub titles: Vec<String>,
    /// The form of address: `dong_chi`, `ong` or `ba`.
    pub address: Address,
}

/// A guest.
#[derive(Debug, Clone, Serialize)]
pub struct GuestCtx {
    /// Name, positions and form of address.
    #[serde(flatten)]
    pub person: PersonCtx,
    /// Role, when the file gives one.
    pub role: Option<String>,
    /// Whether the guest gave the directing speech (a role with "chỉ đạo" in it).
    pub directs: bool,
    /// Speech summary.
    pub speech: Option<String>,
    /// The guest's unit, on one line, when the file gives one.
    pub unit: Option<String>,
}

/// A member unit.
#[derive(Debug, Clone, Serialize)]
pub struct MemberCtx {
    /// Name in normal case.
    pub name: String,
    /// Name upper-cased, with its break marks.
    pub name_upper: String,
    /// Signer's name.
    pub signer_name: String,
    /// Signer's title in normal case.
    pub signer_title: String,
    /// The signer as a person (for running text).
    pub signer: PersonCtx,
    /// Signature block lines above the signature space.
    pub sign_lines: Vec<SignLine>,
    /// Reason of absence.
    pub absent: Option<String>,
}

/// One line of a signature block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignLine {
    /// Text, upper case, with its break marks.
    pub text: String,
    /// Bold?
    pub bold: bool,
}

/// The person `name` with `titles` (blank ones dropped), addressed as `address`.
pub fn person(name: &str, titles: &[String], address: Address) -> PersonCtx {
    PersonCtx {
        name: one_line(name),
        titles: titles
            .iter()
            .map(|t| one_line(t))
            .filter(|t| !t.is_empty())
            .collect(),
        address,
    }
}

/// The chair, the secretary when given, and the guests of `m`.
pub fn chair_secretary_guests(m: &Meeting) -> (PersonCtx, Option<PersonCtx>, Vec<GuestCtx>) {
    let default_address = m.bloc.address.unwrap_or_default();
    let positions = |p: &crate::model::Person| -> Vec<String> {
        p.title.iter().chain(&p.titles).cloned().collect()
    };
    let of = |p: &crate::model::Person| {
        person(&p.name, &positions(p), p.address.unwrap_or(default_address))
    };
    let guests = m
        .guests
        .iter()
        .map(|g| {
            let role = g
                .role
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_owned);
            GuestCtx {
                person: person(&g.name, &g.titles, g.address.unwrap_or(default_address)),
                directs: role.as_deref().is_some_and(|r| r.contains("chỉ đạo")),
                role,
                speech: g.speech.as_deref().map(|s| s.trim().to_owned()),
                unit: g
                    .unit
                    .as_deref()
                    .map(super::one_line)
                    .filter(|u| !u.is_empty()),
            }
        })
        .collect();
    (of(&m.chair), m.secretary.as_ref().map(of), guests)
}

/// The member units of `m` in protocol order, with their signers' blocks for `profile`.
pub fn members(m: &Meeting, profile: Profile) -> Vec<MemberCtx> {
    let default_address = m.bloc.address.unwrap_or_default();
    m.members
        .iter()
        .map(|u| MemberCtx {
            name: one_line(&u.name),
            name_upper: centred_upper(&u.name),
            signer_name: one_line(&u.signer.name),
            signer_title: one_line(&u.signer.title),
            signer: person(
                &u.signer.name,
                std::slice::from_ref(&u.signer.title),
                u.signer.address.unwrap_or(default_address),
            ),
            sign_lines: sign_lines(&u.name, &u.signer, profile),
            absent: u.absent.clone(),
        })
        .collect()
}

/// The lines of a signature block above the signature space, for `profile` (spec §2 ô 7a,
/// §5, §10): nd30 prints every line bold; the Party format prints the unit and the T/M, K/T,
/// T/L line bold and the position line regular. An acting head prints `Q. <principal's title>`
/// (nd30) or the position line `QUYỀN <principal's title>` (party). The Party format has no
/// `TUQ.`: validation refuses it before a context is built. The authority marks are those the
/// two formats prescribe, not wording an office chooses.
pub fn sign_lines(unit: &str, s: &Signer, profile: Profile) -> Vec<SignLine> {
    let party = profile == Profile::Party;
    let bold = |t: String| SignLine {
        text: t,
        bold: true,
    };
    let position = |t: &str| SignLine {
        text: centred_upper(t),
        bold: !party,
    };
    let prefixed = |nd30: &str, party_prefix: &str, title: &str| {
        bold(format!(
            "{}\u{a0}{}",
            if party { party_prefix } else { nd30 },
            centred_upper(title)
        ))
    };
    let unit_line = bold(centred_upper(unit));
    let principal = s
        .principal_title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(&s.title);
    match s.authority {
        Authority::None => vec![unit_line, position(&s.title)],
        Authority::Collective => {
            // "TM. <collective>": the collective is the unit itself unless named otherwise, and
            // then the unit's own name stays on top so every cell names its unit.
            let body =
                s.on_behalf_of.as_deref().map(str::trim).filter(|b| {
                    !b.is_empty() && upper_vi(&one_line(b)) != upper_vi(&one_line(unit))
                });
            let mut lines = Vec::new();
            if body.is_some() {
                lines.push(unit_line);
            }
            lines.push(prefixed("TM.", "T/M", body.unwrap_or(unit)));
            lines.push(position(&s.title));
            lines
        }
        Authority::Deputy => vec![
            unit_line,
            prefixed("KT.", "K/T", principal),
            position(&s.title),
        ],
        Authority::ByOrder => vec![
            unit_line,
            prefixed("TL.", "T/L", principal),
            position(&s.title),
        ],
        Authority::ByDelegation => vec![
            unit_line,
            prefixed("TUQ.", "TUQ.", principal),
            position(&s.title),
        ],
        Authority::Acting if party => vec![unit_line, position(&format!("Quyền {principal}"))],
        Authority::Acting => vec![unit_line, prefixed("Q.", "Q.", principal)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer(authority: Authority) -> Signer {
        Signer {
            name: "Lò Thị Ỹ".into(),
            title: "Phó Trưởng ban".into(),
            authority,
            on_behalf_of: Some("Ủy ban Kiểm tra Tỉnh ủy".into()),
            principal_title: Some("Trưởng ban".into()),
            address: None,
        }
    }

    /// The lines as printed: a no-break space reads as a space.
    fn texts(lines: &[SignLine]) -> Vec<(String, bool)> {
        lines
            .iter()
            .map(|l| {
                (
                    l.text
                        .replace(['\u{a0}', '\u{202f}', '\u{2007}', '\u{205f}'], " "),
                    l.bold,
                )
            })
            .collect()
    }

    fn owned(lines: &[(&str, bool)]) -> Vec<(String, bool)> {
        lines.iter().map(|(t, b)| ((*t).to_owned(), *b)).collect()
    }

    #[test]
    fn authority_prefixes_per_profile() {
        let unit = "Ban Tổ chức Tỉnh ủy";
        let nd = sign_lines(unit, &signer(Authority::Deputy), Profile::Nd30);
        assert_eq!(
            texts(&nd),
            owned(&[
                ("BAN TỔ CHỨC TỈNH ỦY", true),
                ("KT. TRƯỞNG BAN", true),
                ("PHÓ TRƯỞNG BAN", true)
            ])
        );
        let party = sign_lines(unit, &signer(Authority::Deputy), Profile::Party);
        assert_eq!(
            texts(&party),
            owned(&[
                ("BAN TỔ CHỨC TỈNH ỦY", true),
                ("K/T TRƯỞNG BAN", true),
                ("PHÓ TRƯỞNG BAN", false)
            ])
        );
        let tm = sign_lines(unit, &signer(Authority::Collective), Profile::Nd30);
        assert_eq!(texts(&tm)[0].0, "BAN TỔ CHỨC TỈNH ỦY");
        assert_eq!(texts(&tm)[1].0, "TM. ỦY BAN KIỂM TRA TỈNH ỦY");
        let own = Signer {
            on_behalf_of: None,
            ..signer(Authority::Collective)
        };
        let tm = sign_lines("Ủy ban Kiểm tra Tỉnh ủy", &own, Profile::Party);
        assert_eq!(
            texts(&tm),
            owned(&[
                ("T/M ỦY BAN KIỂM TRA TỈNH ỦY", true),
                ("PHÓ TRƯỞNG BAN", false)
            ])
        );
        let by_order = signer(Authority::ByOrder);
        assert_eq!(
            texts(&sign_lines(unit, &by_order, Profile::Nd30))[1].0,
            "TL. TRƯỞNG BAN"
        );
        assert_eq!(
            texts(&sign_lines(unit, &by_order, Profile::Party))[1].0,
            "T/L TRƯỞNG BAN"
        );
        let delegated = signer(Authority::ByDelegation);
        assert_eq!(
            texts(&sign_lines(unit, &delegated, Profile::Nd30))[1].0,
            "TUQ. TRƯỞNG BAN"
        );
        // Acting: the principal's title, never the signer's own deputy title.
        let acting = signer(Authority::Acting);
        assert_eq!(
            texts(&sign_lines(unit, &acting, Profile::Nd30)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("Q. TRƯỞNG BAN", true)])
        );
        assert_eq!(
            texts(&sign_lines(unit, &acting, Profile::Party)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("QUYỀN TRƯỞNG BAN", false)])
        );
        // Party: the position line under the unit is regular; nd30: bold.
        let head = signer(Authority::None);
        assert_eq!(
            texts(&sign_lines(unit, &head, Profile::Party)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("PHÓ TRƯỞNG BAN", false)])
        );
        assert_eq!(
            texts(&sign_lines(unit, &head, Profile::Nd30)),
            owned(&[("BAN TỔ CHỨC TỈNH ỦY", true), ("PHÓ TRƯỞNG BAN", true)])
        );
    }

    #[test]
    fn people_keep_their_positions_apart_and_one_line_each() {
        let titles = [
            "Phó Giám đốc\nSở Nội vụ".to_owned(),
            " ".to_owned(),
            "Trưởng Ban Thi đua - Khen thưởng tỉnh".to_owned(),
        ];
        let p = person(" Lý Thị  Mỹ Duyên ", &titles, Address::Ba);
        assert_eq!(p.name, "Lý Thị Mỹ Duyên");
        assert_eq!(
            p.titles,
            [
                "Phó Giám đốc Sở Nội vụ",
                "Trưởng Ban Thi đua - Khen thưởng tỉnh"
            ]
        );
        assert_eq!(p.address, Address::Ba);
    }
}

//! People: names, signers and their authority, the chair and secretary, guests, speakers.

use hoinghi::model::{Address, Authorities, Authority, Guest, Person, Proceeding, Signer};
use proptest::prelude::*;
use proptest::sample::select;

use super::content::sentence;
use super::opt;
use super::words::{COLLECTIVES, FAMILY, GUEST_TITLES, PRINCIPALS, SIGNER_TITLES, SYLLABLES};

/// A form of address: đồng chí, ông, bà.
pub fn address() -> impl Strategy<Value = Address> {
    prop_oneof![
        Just(Address::DongChi),
        Just(Address::Ong),
        Just(Address::Ba)
    ]
}

/// A person's name: family name and 1–4 more syllables.
pub fn person_name() -> impl Strategy<Value = String> {
    (
        select(FAMILY),
        prop::collection::vec(select(SYLLABLES), 1..5),
    )
        .prop_map(|(family, rest)| format!("{family} {}", rest.join(" ")))
}

/// How a signer signs; signing by delegation only when `delegation`.
pub fn authority(delegation: bool) -> impl Strategy<Value = Authority> {
    prop_oneof![
        10 => Just(Authority::None),
        3 => Just(Authority::Collective),
        3 => Just(Authority::Deputy),
        1 => Just(Authority::ByOrder),
        1 => Just(if delegation { Authority::ByDelegation } else { Authority::ByOrder }),
        2 => Just(Authority::Acting),
    ]
}

/// A unit's signer, with a principal's title where the authority needs one.
pub fn signer(delegation: bool) -> impl Strategy<Value = Signer> {
    (
        person_name(),
        select(SIGNER_TITLES),
        authority(delegation),
        select(PRINCIPALS),
        0u8..4,
        opt(select(COLLECTIVES)),
        opt(address()),
    )
        .prop_map(
            |(name, title, authority, principal, roll, behalf, address)| {
                let principal_title = match authority {
                    Authority::Deputy | Authority::ByOrder | Authority::ByDelegation => {
                        Some(principal.to_owned())
                    }
                    // Without a principal an acting head signs `Q. <own title>`: valid unless a deputy.
                    Authority::Acting if roll == 0 && !title.starts_with("Phó") => None,
                    Authority::Acting => Some("Giám đốc".to_owned()),
                    Authority::None | Authority::Collective => None,
                };
                // One signer for a head in four also signs for a collective: "TM. … / KT. …".
                let also_collective =
                    roll == 3 && !matches!(authority, Authority::None | Authority::Collective);
                let on_behalf_of = match authority {
                    Authority::Collective => behalf.map(str::to_owned),
                    _ if also_collective => behalf.map(str::to_owned),
                    _ => None,
                };
                Signer {
                    name,
                    title: title.to_owned(),
                    authority: if also_collective {
                        Authorities(vec![Authority::Collective, authority])
                    } else {
                        authority.into()
                    },
                    on_behalf_of,
                    principal_title,
                    address,
                }
            },
        )
}

/// The chair or the secretary.
pub fn person() -> impl Strategy<Value = Person> {
    (
        person_name(),
        opt(select(GUEST_TITLES)),
        prop::collection::vec(select(GUEST_TITLES), 0..3),
        opt(address()),
    )
        .prop_map(|(name, title, titles, address)| Person {
            name,
            title: title.map(str::to_owned),
            titles: titles.into_iter().map(str::to_owned).collect(),
            address,
        })
}

/// A guest, who may speak.
pub fn guest() -> impl Strategy<Value = Guest> {
    (
        person_name(),
        prop::collection::vec(select(GUEST_TITLES), 0..3),
        prop::bool::ANY,
        opt(sentence()),
        opt(address()),
    )
        .prop_map(|(name, titles, speaks, speech, address)| Guest {
            name,
            titles: titles.into_iter().map(str::to_owned).collect(),
            role: speaks.then(|| "phát biểu chỉ đạo".to_owned()),
            address,
            speech,
            unit: None,
        })
}

/// One speaker of the proceedings.
pub fn proceeding() -> impl Strategy<Value = Proceeding> {
    (
        select(&["Đồng chí", "Ông", "Bà", "Đại diện"][..]),
        person_name(),
        opt(select(GUEST_TITLES)),
        sentence(),
    )
        .prop_map(|(how, name, title, summary)| Proceeding {
            speaker: format!("{how} {name}"),
            title: title.map(str::to_owned),
            summary,
        })
}

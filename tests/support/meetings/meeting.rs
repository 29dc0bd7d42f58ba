//! The meeting: every part drawn, references resolved against the members, then finished as
//! its shape asks (the pack, a defect and oddities for the whole schema; the chosen documents
//! and photos for the benchmark).

use hoinghi::model::{
    Activity, Address, AgreementOptions, Article, ArticleAddress, Bloc, Guest, Meeting,
    MinutesOptions, Numbers, Person, Photo, Proceeding, Profile, Section,
};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

use super::content::{sections, sentence, small_sections};
use super::defects::{Defect, Oddity, apply, defect, make_odd, oddities};
use super::opt;
use super::papers::{agreement_options, article, minutes_options, numbers};
use super::people::{address, guest, person, person_name, proceeding};
use super::units::{RawMember, Ref, bench_members, finish_members, members, reference, resolve};
use super::votes::{RawAward, RawVote, finish_award, finish_vote, raw_award, raw_vote};
use super::when::{When, when};
use super::words::{BLOC_TOPICS, CAPTIONS, PLACES, TOWNS};

/// What the generated meetings aim at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The whole schema, for the property test: 1–100 units, up to 400 commitments, votes and
    /// awards of every kind, the meeting pack; about one file in ten with a deliberate defect
    /// and one in six with valid oddities. The file says `nd30`; the test runs both profiles.
    Whole,
    /// Valid, realistic meetings for the benchmark: 3–60 units, 3–20 commitments, either
    /// profile (no signing by delegation in a Party file), no pack; most make two or three of
    /// the pledge, the minutes and the article; a third of the articles have 1–3 photos.
    Bench,
}

/// How a drawn meeting is finished.
#[derive(Debug, Clone)]
enum Finish {
    Whole(Option<Defect>, Vec<Oddity>),
    Bench(Plan),
}

/// The benchmark's choices: which of the three documents, and the photos.
#[derive(Debug, Clone)]
struct Plan {
    /// 0–5: all three; 6–8: all but `pick`; 9: only `pick`.
    kinds: u8,
    pick: usize,
    /// Caption and photographer of each photo.
    photos: Vec<(&'static str, String)>,
}

/// Meetings of `shape`.
pub fn meeting(shape: Shape) -> BoxedStrategy<Meeting> {
    match shape {
        Shape::Whole => drawn(shape, Profile::Nd30),
        Shape::Bench => prop_oneof![Just(Profile::Nd30), Just(Profile::Party)]
            .prop_flat_map(move |profile| drawn(shape, profile))
            .boxed(),
    }
}

fn finish(shape: Shape) -> BoxedStrategy<Finish> {
    match shape {
        Shape::Whole => (defect(), oddities())
            .prop_map(|(d, o)| Finish::Whole(d, o))
            .boxed(),
        Shape::Bench => (
            0u8..10,
            0usize..3,
            prop_oneof![
                13 => Just(Vec::new()),
                7 => prop::collection::vec((select(CAPTIONS), person_name()), 1..=3),
            ],
        )
            .prop_map(|(kinds, pick, photos)| {
                Finish::Bench(Plan {
                    kinds,
                    pick,
                    photos,
                })
            })
            .boxed(),
    }
}

/// `Some` with probability `p` for the whole schema, always for the benchmark.
fn sometimes<S: Strategy + 'static>(whole: bool, p: f64, s: S) -> BoxedStrategy<Option<S::Value>> {
    if whole {
        prop::option::weighted(p, s).boxed()
    } else {
        s.prop_map(Some).boxed()
    }
}

/// The bloc, the date and place, the title and the head units, as drawn.
#[derive(Debug, Clone)]
struct Head {
    bloc_word: &'static str,
    bloc_topic: &'static str,
    superior: Option<String>,
    place: &'static str,
    bloc_address: Option<Address>,
    activities: Vec<Activity>,
    when: When,
    review_back: Option<i32>,
    title: Option<String>,
    venue_extra: Option<String>,
    delegates: Option<u32>,
    head_unit: Option<Ref>,
    next_head_unit: Option<Ref>,
}

/// The people and the pledge, as drawn.
#[derive(Debug, Clone)]
struct People {
    chair: Person,
    secretary: Option<Person>,
    guests: Vec<Guest>,
    raw_members: Vec<RawMember>,
    legal_bases: Vec<String>,
    commitments: Vec<Section>,
}

/// What happens at the meeting and the options of its papers, as drawn.
#[derive(Debug, Clone)]
struct Content {
    proceedings: Vec<Proceeding>,
    votes: Vec<RawVote>,
    awards: Vec<RawAward>,
    conclusions: Vec<String>,
    numbers: Numbers,
    agreement: AgreementOptions,
    minutes: MinutesOptions,
    article: Option<Article>,
    finish: Finish,
}

/// Every part of a meeting of `shape` in `profile`, put together.
fn drawn(shape: Shape, profile: Profile) -> BoxedStrategy<Meeting> {
    let whole = shape == Shape::Whole;
    (head(whole), people(whole, profile), content(shape))
        .prop_map(move |(head, people, content)| assemble(profile, head, people, content))
        .boxed()
}

fn head(whole: bool) -> impl Strategy<Value = Head> {
    (
        select(&["Khối thi đua", "Cụm thi đua"][..]),
        select(BLOC_TOPICS),
        opt(select(PLACES).prop_map(|p| format!("Ủy ban nhân dân {p}"))),
        select(TOWNS),
        opt(address()),
        subsequence(
            vec![Activity::Launch, Activity::Sign, Activity::Review],
            1..=3,
        ),
        when(if whole { 0.8 } else { 1.0 }),
        opt(0i32..3),
        opt(sentence()),
        opt(sentence()),
        opt(10u32..400),
        (opt(reference()), opt(reference())),
    )
        .prop_map(
            |(
                bloc_word,
                bloc_topic,
                superior,
                place,
                bloc_address,
                activities,
                when,
                review_back,
                title,
                venue_extra,
                delegates,
                (head_unit, next_head_unit),
            )| Head {
                bloc_word,
                bloc_topic,
                superior,
                place,
                bloc_address,
                activities,
                when,
                review_back,
                title,
                venue_extra,
                delegates,
                head_unit,
                next_head_unit,
            },
        )
}

fn people(whole: bool, profile: Profile) -> impl Strategy<Value = People> {
    (
        person(),
        sometimes(whole, 0.8, person()),
        prop_oneof![
            2 => prop::collection::vec(guest(), 0..3),
            1 => prop::collection::vec(guest(), 3..9),
        ],
        if whole {
            members().boxed()
        } else {
            bench_members(profile == Profile::Nd30).boxed()
        },
        prop::collection::vec(sentence(), 0..4),
        if whole {
            sections().boxed()
        } else {
            small_sections().boxed()
        },
    )
        .prop_map(
            |(chair, secretary, guests, raw_members, legal_bases, commitments)| People {
                chair,
                secretary,
                guests,
                raw_members,
                legal_bases,
                commitments,
            },
        )
}

fn content(shape: Shape) -> impl Strategy<Value = Content> {
    let whole = shape == Shape::Whole;
    let (votes, awards) = if whole { (6, 5) } else { (2, 2) };
    (
        prop::collection::vec(proceeding(), 0..11),
        prop::collection::vec(raw_vote(), 0..votes),
        prop::collection::vec(raw_award(), 0..awards),
        prop::collection::vec(sentence(), 0..5),
        numbers(),
        agreement_options(),
        minutes_options(),
        sometimes(whole, 0.75, article()),
        finish(shape),
    )
        .prop_map(
            |(
                proceedings,
                votes,
                awards,
                conclusions,
                numbers,
                agreement,
                minutes,
                article,
                finish,
            )| Content {
                proceedings,
                votes,
                awards,
                conclusions,
                numbers,
                agreement,
                minutes,
                article,
                finish,
            },
        )
}

/// The meeting the drawn parts make: references resolved against the members, then finished.
fn assemble(profile: Profile, head: Head, people: People, content: Content) -> Meeting {
    let members = finish_members(people.raw_members);
    let pick = |r: Option<Ref>| {
        r.filter(|_| !members.is_empty())
            .map(|r| resolve(&r.into_member(), &members))
    };
    let when = head.when;
    let mut m = Meeting {
        bloc: Bloc {
            name: format!("{} {}", head.bloc_word, head.bloc_topic),
            superior: head.superior,
            place: head.place.to_owned(),
            profile,
            head_unit: pick(head.head_unit),
            address: head.bloc_address,
        },
        year: when.year,
        review_year: head.review_back.map(|b| when.year - b),
        activities: head.activities,
        title: head.title.map(|t| format!("Hội nghị {t}")),
        date: when.date,
        start_time: when.start,
        end_time: when.end,
        venue: match head.venue_extra {
            Some(v) => format!("Hội trường Văn phòng Tỉnh ủy, {v}"),
            None => "Hội trường Văn phòng Tỉnh ủy".to_owned(),
        },
        delegates: head.delegates,
        chair: people.chair,
        secretary: people.secretary,
        guests: people.guests,
        legal_bases: people.legal_bases,
        commitments: people.commitments,
        proceedings: content.proceedings,
        votes: content
            .votes
            .into_iter()
            .map(|v| finish_vote(v, &members))
            .collect(),
        awards: content
            .awards
            .into_iter()
            .map(|a| finish_award(a, &members))
            .collect(),
        conclusions: content.conclusions,
        next_head_unit: pick(head.next_head_unit),
        numbers: content.numbers,
        agreement: content.agreement,
        minutes: content.minutes,
        article: content.article,
        invitation: None,
        programme: Vec::new(),
        attendance: None,
        counting: None,
        proposal: None,
        members,
    };
    match content.finish {
        Finish::Whole(defect, oddities) => pack_and_defects(&mut m, defect, &oddities),
        Finish::Bench(plan) => choose_documents(&mut m, plan),
    }
    m
}

/// The pack: invitations to the guests, a one-line programme, an attendance sheet of the
/// guests and any signers, the vote count and the proposal when the meeting has secret ballots
/// and proposed awards; then the defect and the oddities.
fn pack_and_defects(m: &mut Meeting, defect: Option<Defect>, oddities: &[Oddity]) {
    let members = m.members.len();
    *m = Meeting {
        invitation: Some(hoinghi::model::Invitation {
            members: false,
            ..Default::default()
        }),
        programme: vec![hoinghi::model::ProgrammeItem {
            time: "08:00 - 08:15".into(),
            item: "Khai mạc hội nghị".into(),
            by: None,
        }],
        attendance: Some(hoinghi::model::Attendance {
            guests: true,
            members: members <= 40,
            people: Vec::new(),
            blank_rows: 2,
        }),
        counting: Some(hoinghi::model::Counting {
            number: None,
            committee: vec![hoinghi::model::CommitteeMember {
                name: "Hà Thị Ữa".into(),
                title: None,
                role: None,
            }],
            // Every other meeting: one minutes per ballot; an odd bloc's head signs alone.
            per_ballot: m.votes.len().is_multiple_of(2),
            signers: if members % 2 == 1 {
                hoinghi::model::CountingSigners::Head
            } else {
                hoinghi::model::CountingSigners::All
            },
            ..hoinghi::model::Counting::default()
        }),
        proposal: Some(hoinghi::model::Proposal {
            to: "Ủy ban nhân dân tỉnh".into(),
            ..Default::default()
        }),
        ..std::mem::take(m)
    };
    if let Some(d) = defect {
        apply(d, m);
    }
    for odd in oddities {
        make_odd(odd, m);
    }
}

/// Keeps the documents the plan chose (leaving out what the others need) and adds its photos.
fn choose_documents(m: &mut Meeting, plan: Plan) {
    let keep: [bool; 3] = std::array::from_fn(|k| match plan.kinds {
        0..=5 => true,
        6..=8 => k != plan.pick,
        _ => k == plan.pick,
    });
    if !keep[0] {
        m.commitments.clear();
    }
    if !keep[1] {
        m.secretary = None;
        m.end_time = None;
    }
    if !keep[2] {
        m.article = None;
    }
    if let Some(article) = &mut m.article {
        // A state portal's article calls everyone ông or bà: then every person would need it.
        if matches!(article.address, Some(ArticleAddress::OngBa)) {
            article.address = None;
        }
        article.photos = plan
            .photos
            .into_iter()
            .enumerate()
            .map(|(k, (caption, credit))| Photo {
                file: format!("photos/anh-{}.png", k + 1),
                caption: caption.to_owned(),
                credit,
            })
            .collect();
    }
}

/// How many of the pledge, the minutes and the article `m` has the data for.
pub fn bench_documents(m: &Meeting) -> usize {
    let pledge = m.commitments.iter().any(|s| !s.items.is_empty());
    let minutes = m.secretary.is_some() && m.end_time.is_some();
    usize::from(pledge) + usize::from(minutes) + usize::from(m.article.is_some())
}

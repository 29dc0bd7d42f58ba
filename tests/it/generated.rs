//! Never a panic on valid input (issue 13, item 9): meetings generated across the whole schema
//! (`support::meetings`, `Shape::Whole`) are written as YAML files and run through the real
//! pipeline in both profiles; whatever the checks accept must typeset every available document
//! without a panic and without an error.
//!
//! Most generated files are valid; about one in ten carries one deliberate defect, and a Party
//! run rejects signing by delegation. Rejections are fine (the property is about accepted files)
//! but are counted and printed, and at least [`MIN_ACCEPTED_PERCENT`] of the runs must be
//! accepted (about 72% are): a generator that drifts into rejecting everything fails the test.
//! About one file in six also carries valid oddities: blank or punctuation-only optional texts,
//! a long unbreakable address, the largest numbers, a secret ballot with no ballot returned.
//! A failing case is shrunk and written to `target/tmp/generated-failure.yaml`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use hoinghi::model::{
    Activity, AgreementOptions, Article, Authority, Award, Bloc, Commitment, Meeting, Member,
    MinutesOptions, Numbers, PercentBase, Person, Profile, Section, Signer, Vote, VoteOption,
};
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};

use crate::support::api::{self, Engine};
use crate::support::docx::repair_problems;
use crate::support::meetings::words::{
    AWARDS, CLAUSES, FAMILY, PLACES, SYLLABLES, TOPICS, UNIT_HEADS,
};
use crate::support::meetings::{Shape, describe, meeting, to_yaml};

/// The share of runs (files × 2 profiles) the checks must accept, in percent.
///
/// Measured on 2,000 files (`cargo run --example gen_meetings -- OUT --shape whole --meetings
/// 1000 --seed 1`, and `--seed 2`; every file checked as written, nd30, and again as Party):
/// 77.6% and 78.3% accepted in nd30, 66.3% and 66.7% in Party, 72% of the runs in all. The
/// defects reject one file in ten, a state portal's article (`address: ong_ba`) rejects
/// people without ông/bà, and Party rejects signing by delegation. A run of 32 files gives 64
/// runs whose accepted count has a standard deviation of about 4.7 (the two profiles of a file
/// go together): 40% lies 4.4 of them under the measured share, so chance alone fails it less
/// than once in 100,000 runs, while a generator that drifts into rejecting most files fails.
const MIN_ACCEPTED_PERCENT: usize = 40;

#[derive(Default)]
struct Tally {
    accepted: usize,
    rejected: usize,
    documents: usize,
    with_typst_warnings: usize,
    reasons: BTreeMap<String, usize>,
}

struct Harness {
    engines: Vec<(Profile, Engine)>,
    dir: tempfile::TempDir,
    tally: RefCell<Tally>,
}

impl Harness {
    fn new() -> Harness {
        let engines = [Profile::Nd30, Profile::Party]
            .into_iter()
            .map(|p| (p, api::engine(Some(p))))
            .collect();
        Harness {
            engines,
            dir: tempfile::tempdir().unwrap(),
            tally: RefCell::default(),
        }
    }

    /// Writes `m` as a file and runs it in both profiles: every document of an accepted file
    /// must typeset. Returns a description of the first failure.
    fn run(&self, m: &Meeting) -> Result<(), String> {
        let path = self.dir.path().join("hoi-nghi.yaml");
        std::fs::write(&path, to_yaml(m)).unwrap();
        for (profile, engine) in &self.engines {
            let prepared = match api::prepare(engine, &path) {
                Ok(p) => p,
                Err(refusal) => {
                    let mut t = self.tally.borrow_mut();
                    t.rejected += 1;
                    let first = match refusal.first_error {
                        Some(path) => format!("{profile:?} {}", without_indices(&path)),
                        None => format!("{profile:?} (no error?)"),
                    };
                    *t.reasons.entry(first).or_default() += 1;
                    continue;
                }
            };
            self.tally.borrow_mut().accepted += 1;
            for kind in api::available(engine, &prepared) {
                match api::typeset_docx(engine, &prepared, kind) {
                    Ok(each) => {
                        let mut t = self.tally.borrow_mut();
                        for (stem, typeset, docx) in each {
                            t.documents += 1;
                            if !typeset.warnings.is_empty() {
                                t.with_typst_warnings += 1;
                            }
                            // Its Word file says what the PDF says, and Word need repair nothing.
                            let problem =
                                crate::docx::unlike_the_pdf(&docx.bytes, &typeset.document)
                                    .or_else(|| repair_problems(&docx.bytes).into_iter().next());
                            if let Some(problem) = problem {
                                return Err(format!(
                                    "{stem} ({profile:?}) DOCX: {problem}\n  meeting: {}",
                                    describe(m)
                                ));
                            }
                        }
                    }
                    Err(e) => {
                        return Err(format!(
                            "{kind} ({profile:?}) failed on an accepted meeting: {e}\n  meeting: {}",
                            describe(m)
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

/// Keeps the failing file where it can be read after the run.
fn keep(m: &Meeting, name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, to_yaml(m)).unwrap();
    path
}

/// Field paths without indices: `members[3].name` → `members[].name`.
fn without_indices(path: &str) -> String {
    let mut key = String::new();
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => {
                skip = true;
                key.push('[');
            }
            ']' => {
                skip = false;
                key.push(']');
            }
            _ if skip => {}
            _ => key.push(c),
        }
    }
    key
}

#[test]
fn generated_meetings_accepted_render_every_document() {
    let harness = Harness::new();
    // `PROPTEST_CASES=500` for a longer hunt.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32);
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 300,
        max_shrink_time: 180_000,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let started = Instant::now();
    let result = runner.run(&meeting(Shape::Whole), |m| {
        harness.run(&m).map_err(TestCaseError::fail)
    });
    let t = harness.tally.borrow();
    eprintln!(
        "generated: {} runs accepted, {} rejected (2 profiles per file); {} documents typeset, \
         {} with Typst warnings; {:.1} s",
        t.accepted,
        t.rejected,
        t.documents,
        t.with_typst_warnings,
        started.elapsed().as_secs_f64()
    );
    for (reason, n) in &t.reasons {
        eprintln!("  rejected {n}× at {reason}");
    }
    match result {
        Ok(()) => {}
        Err(TestError::Fail(reason, minimal)) => {
            let path = keep(&minimal, "generated-failure.yaml");
            panic!("{reason}\n  minimal file: {}", path.display());
        }
        Err(e) => panic!("{e}"),
    }
    let runs = t.accepted + t.rejected;
    assert!(
        t.accepted * 100 >= runs * MIN_ACCEPTED_PERCENT,
        "the checks accepted {} of {runs} generated runs, under {MIN_ACCEPTED_PERCENT}%: the \
         generator drifted (rejections by field above)",
        t.accepted
    );
}

/// The largest meeting the generators aim at, built explicitly: 100 units (the limit) with long
/// two-line names, 400 commitments, one of them with 100 sub-items; every document in both
/// profiles.
#[test]
fn largest_meeting_renders_in_both_profiles() {
    let meeting = largest_meeting();
    let harness = Harness::new();
    let started = Instant::now();
    if let Err(e) = harness.run(&meeting) {
        let path = keep(&meeting, "generated-largest.yaml");
        panic!("{e}\n  file: {}", path.display());
    }
    let t = harness.tally.borrow();
    eprintln!(
        "largest: {} documents in {:.1} s",
        t.documents,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(
        (t.accepted, t.rejected, t.documents),
        (2, 0, 6),
        "both profiles accept the file and make all three documents: {:?}",
        t.reasons
    );
}

/// 100 units with long two-line names, signers of every authority, one in fifty absent.
fn largest_members() -> Vec<Member> {
    let authorities = [
        Authority::None,
        Authority::Collective,
        Authority::Deputy,
        Authority::ByOrder,
        Authority::Acting,
        Authority::None,
    ];
    (0..100)
        .map(|i| {
            let topic = TOPICS[i % TOPICS.len()];
            let place = PLACES[i % PLACES.len()];
            let authority = authorities[i % authorities.len()];
            Member {
                id: Some(format!("u{i}")),
                name: format!(
                    "{} {topic}, {} và {}\nsố {i} {place} - Chi nhánh Đắk Lắk",
                    UNIT_HEADS[i % UNIT_HEADS.len()],
                    TOPICS[(i + 7) % TOPICS.len()],
                    TOPICS[(i + 13) % TOPICS.len()],
                ),
                signer: Signer {
                    name: format!(
                        "{} {} {} {}",
                        FAMILY[i % FAMILY.len()],
                        SYLLABLES[i % SYLLABLES.len()],
                        SYLLABLES[(i / 3) % SYLLABLES.len()],
                        SYLLABLES[(i / 7 + 5) % SYLLABLES.len()],
                    ),
                    title: "Phó Chánh Văn phòng Thường trực".into(),
                    authority: authority.into(),
                    on_behalf_of: (authority == Authority::Collective)
                        .then(|| "Ban Thường vụ Đảng ủy".into()),
                    principal_title: matches!(
                        authority,
                        Authority::Deputy | Authority::ByOrder | Authority::Acting
                    )
                    .then(|| "Chánh Văn phòng".into()),
                    address: None,
                },
                absent: (i % 50 == 7).then(|| "bận công tác".into()),
                header: None,
            }
        })
        .collect()
}

/// 400 commitments in two sections, one of them with 100 sub-items.
fn largest_sections() -> Vec<Section> {
    let mut items: Vec<Commitment> = (0..400)
        .map(|i| Commitment {
            text: format!(
                "{} {}, {}.",
                i + 1,
                CLAUSES[i % CLAUSES.len()],
                CLAUSES[(i + 3) % CLAUSES.len()]
            ),
            items: Vec::new(),
        })
        .collect();
    items[10].items = (0..100)
        .map(|j| format!("{} (chỉ tiêu {j})", CLAUSES[j % CLAUSES.len()]))
        .collect();
    vec![
        Section {
            title: "Nội dung giao ước".into(),
            intro: Some(CLAUSES[0].into()),
            items: items.split_off(200),
            summary: Some(CLAUSES[1].into()),
            in_article: None,
        },
        Section {
            title: "Tổ chức thực hiện".into(),
            intro: None,
            items,
            summary: None,
            in_article: None,
        },
    ]
}

/// The largest meeting, with [`largest_members`] and [`largest_sections`].
fn largest_meeting() -> Meeting {
    Meeting {
        bloc: Bloc {
            name: "Cụm thi đua các sở, ban, ngành khối văn hóa - xã hội tỉnh Lâm Đồng".into(),
            superior: Some("Ủy ban nhân dân tỉnh Lâm Đồng".into()),
            place: "Đà Lạt".into(),
            profile: Profile::Nd30,
            head_unit: Some("u0".into()),
            address: None,
        },
        year: 2026,
        review_year: None,
        activities: vec![Activity::Launch, Activity::Sign, Activity::Review],
        title: None,
        date: "2026-02-26".into(),
        start_time: "08:30".into(),
        end_time: Some("11:00".into()),
        venue: "Hội trường Sở Văn hóa, Thể thao và Du lịch".into(),
        delegates: Some(120),
        chair: Person {
            name: "K' Điểu Ỹ Thương".into(),
            title: Some("Giám đốc Sở Văn hóa, Thể thao và Du lịch".into()),
            titles: vec!["Trưởng Cụm thi đua".into()],
            address: None,
        },
        secretary: Some(Person {
            name: "Ya Tuấn Ữ".into(),
            ..Person::default()
        }),
        guests: Vec::new(),
        members: largest_members(),
        legal_bases: Vec::new(),
        commitments: largest_sections(),
        proceedings: Vec::new(),
        votes: vec![Vote {
            motion: "bình xét 03 đơn vị đề nghị tặng Bằng khen".into(),
            secret: true,
            voters: 100,
            returned: Some(96),
            choose: Some(3),
            invalid: 2,
            options: (0..8)
                .map(|i| VoteOption {
                    label: format!("u{i}"),
                    count: 50 - i * 5,
                })
                .collect(),
            percent_of: PercentBase::Valid,
            ..Vote::default()
        }],
        awards: vec![Award {
            award: AWARDS[0].into(),
            recipients: vec!["u0".into(), "u1".into()],
            ..Award::default()
        }],
        conclusions: vec![CLAUSES[4].into()],
        next_head_unit: Some("u1".into()),
        numbers: Numbers::default(),
        agreement: AgreementOptions::default(),
        minutes: MinutesOptions::default(),
        article: Some(Article {
            byline: "Tin, ảnh: Lam Hồng".into(),
            list_members: Some(true),
            ..Article::default()
        }),
        ..Meeting::default()
    }
}

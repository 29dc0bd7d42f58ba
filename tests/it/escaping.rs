//! No value can inject Typst: any string put in a markup field (a paragraph) or a code-mode
//! argument (a signer's name) comes out of the laid-out document as the same text.

use std::sync::OnceLock;

use proptest::prelude::*;

use crate::support::api::{self, DocKind, Engine, Prepared};
use crate::support::pdf::{layout_text, squash};

/// The hostile strings of shared/design.md, and a few more.
pub(crate) const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "#import \"/etc/passwd\"",
    "*đậm*",
    "_nghiêng_",
    "$x^2$",
    "@x",
    "<y>",
    "// z",
    "/* khối */",
    "= Heading",
    "2. Thông qua",
    "+ mục",
    "- gạch",
    "/ thuật ngữ: định nghĩa",
    "\\",
    "\\\\n",
    "a\\",
    "\"",
    "\"); #panic(\"x\"); (\"",
    "] #panic(\"x\") [",
    "#{ panic(\"x\") }",
    "```raw```",
    "`mã`",
    "https://example.com/đường-dẫn",
    "dòng một\ndòng hai\n\n= đoạn mới",
    "~ -- --- ... 'a' \"b\"",
    "#set text(red)",
    "#show: x => none",
    "@nhãn <nhãn>",
    "Ủy ban Kiểm tra Tỉnh ủy; Đặng Thị Ỹ, Ữ, ử, ỵ",
];

fn setup() -> &'static (Engine, Prepared) {
    static SETUP: OnceLock<(Engine, Prepared)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let engine = api::engine(None);
        let prepared = api::prepare(
            &engine,
            &crate::support::common::sample("ky-ket-khoi-dang.yaml"),
        )
        .unwrap();
        (engine, prepared)
    })
}

/// Typesets the pledge with `value` as a paragraph (markup) and as a signer's name (code).
fn round_trip(value: &str) {
    let (engine, prepared) = setup();
    let mut meeting = api::meeting(prepared).clone();
    meeting.agreement.closing = Some(format!("BẮTĐẦU {value} KẾTTHÚC"));
    meeting.members[0].signer.name = format!("TÊNĐẦU {value} TÊNCUỐI");
    let prepared = api::with_meeting(engine, prepared, meeting);
    let typeset = api::typeset(engine, &prepared, DocKind::GiaoUoc, "escape")
        .unwrap_or_else(|e| panic!("{value:?} broke the document: {e}"));
    let text = squash(&layout_text(&typeset.document));
    let want = squash(value);
    assert!(
        text.contains(&format!("BẮTĐẦU{want}KẾTTHÚC")),
        "markup: {value:?} did not come out as itself"
    );
    assert!(
        text.contains(&format!("TÊNĐẦU{want}TÊNCUỐI")),
        "code: {value:?} did not come out as itself"
    );
}

#[test]
fn hostile_strings_come_out_as_text() {
    for value in HOSTILE {
        round_trip(value);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_string_comes_out_as_itself(
        value in "[ -~àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐƯỮỸỴỬ\n\t]{0,60}"
    ) {
        round_trip(&value);
    }
}

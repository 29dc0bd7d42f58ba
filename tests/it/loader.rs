//! The loader never panics, whatever the bytes, and finds every problem of a file in one run.

use proptest::prelude::*;

use crate::support::api::{decode_both, load_text};

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_text_loads_or_fails_cleanly(text in "(\\PC|[\\n\\t:\\-\\[\\]{}&*!|>'\"#%@`,?]){0,200}") {
        let _ = load_text(&text);
    }

    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode_both(&bytes);
    }

    #[test]
    fn yaml_shaped_text_loads_or_fails_cleanly(
        keys in proptest::collection::vec("(bloc|name|place|members|signer|year|date|votes|options|count|- |  |&a |\\*a|~|!x)", 0..40),
        values in proptest::collection::vec("[a-zà-ỹ0-9 :\\[\\]{},\\-\"']{0,12}", 0..40),
    ) {
        let text: String = keys
            .iter()
            .zip(values.iter().chain(std::iter::repeat(&String::new())))
            .map(|(k, v)| format!("{k}: {v}\n"))
            .collect();
        let _ = load_text(&text);
    }
}

#[test]
fn all_problems_of_a_file_in_one_run() {
    let text = "bloc:\n  name: X\n  plase: Y\n  place: Z\nyaer: 2026\nyear: 2026\nactivities: [sign]\ndate: 2026-01-05\nstart_time: \"8:00\"\nvenue: V\nchair: { name: C, titel: T }\nmembers: []\n";
    let paths: Vec<String> = load_text(text).unwrap_err().into_iter().flatten().collect();
    for want in ["bloc.plase", "yaer", "chair.titel"] {
        assert!(paths.iter().any(|p| p == want), "{want} not in {paths:?}");
    }
}

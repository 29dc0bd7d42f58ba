//! The floor of `hoinghi serve`'s live preview (issue 23): Typst alone, after a one-name edit.
//!
//! ```sh
//! cargo run -q --example preview_floor -- FILE [--edits N] [--doc giao-uoc,bien-ban]
//! ```
//!
//! An untimed setup loads and checks FILE and renders each document's Typst source, as
//! `render --emit-typst` writes it. Then, per document, ONLY Typst is timed, in-process, through
//! [`Engine::preview_source`] (the same fonts, library and World as the preview): the cold
//! layout of the source, then N edits, each renaming a person in the source (the last member
//! unit's signer, or the chair: a new name each time) and laying it out again from the kept
//! source, every page drawn as PNG at 1.5 pixels per point. Prints one JSON line per document:
//! the cold layout and the p50/p95 of layout and drawing.

use std::path::PathBuf;

use hoinghi::{DocKind, Engine, Preview, Settings, Viewer};

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut file, mut edits, mut docs) = (None, 40usize, vec!["giao-uoc", "bien-ban"]);
    let mut doc_list = String::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--edits" => edits = args.next().and_then(|n| n.parse().ok()).expect("--edits N"),
            "--doc" => doc_list = args.next().expect("--doc LIST"),
            _ => file = Some(PathBuf::from(arg)),
        }
    }
    if !doc_list.is_empty() {
        docs = doc_list.split(',').collect();
    }
    let file = file.expect("usage: preview_floor FILE [--edits N] [--doc LIST]");
    let engine = Engine::new(Settings::default()).expect("templates");
    let prepared = engine
        .prepare(&file)
        .expect("a meeting that passes its checks");
    let meeting = prepared.meeting();
    let mut names: Vec<String> = meeting
        .members
        .iter()
        .rev()
        .map(|m| m.signer.name.clone())
        .collect();
    names.push(meeting.chair.name.clone());
    for doc in docs {
        let kind = DocKind::ALL
            .into_iter()
            .find(|k| k.slug() == doc)
            .expect("a document kind");
        let sources = engine.sources(&prepared, &[kind]).expect("sources");
        let source = sources.sources[0].1.clone();
        let signer = names
            .iter()
            .find(|n| source.contains(n.as_str()))
            .expect("a person's name in the source")
            .clone();
        let mut kept = Preview::new();
        let cold = engine
            .preview_source(
                &prepared,
                &sources,
                (kind, source.clone()),
                Viewer::fresh(),
                &mut kept,
            )
            .expect("laid out");
        let (mut layout, mut draw) = (Vec::new(), Vec::new());
        for i in 0..edits {
            // A new name each time: Typst's caches would remember a name seen before.
            let renamed = format!("{signer} {}", letters(i));
            let edited = source.replace(&signer, &renamed);
            let done = engine
                .preview_source(
                    &prepared,
                    &sources,
                    (kind, edited),
                    Viewer::fresh(),
                    &mut kept,
                )
                .expect("laid out");
            layout.push(done.layout_time.as_secs_f64() * 1000.0);
            draw.push(done.draw_time.as_secs_f64() * 1000.0);
        }
        println!(
            "{{\"doc\": \"{doc}\", \"pages\": {}, \"edits\": {edits}, \"cold_layout_ms\": {:.1}, \"cold_draw_ms\": {:.1}, \"layout_p50_ms\": {:.1}, \"layout_p95_ms\": {:.1}, \"draw_p50_ms\": {:.1}, \"draw_p95_ms\": {:.1}}}",
            cold.pages.len(),
            cold.layout_time.as_secs_f64() * 1000.0,
            cold.draw_time.as_secs_f64() * 1000.0,
            percentile(&mut layout, 50.0),
            percentile(&mut layout, 95.0),
            percentile(&mut draw, 50.0),
            percentile(&mut draw, 95.0),
        );
    }
}

/// A different short word for each `n` (`A`, `B` … `Z`, `AA` …).
fn letters(mut n: usize) -> String {
    let mut word = String::new();
    loop {
        word.insert(0, (b'A' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return word;
        }
        n -= 1;
    }
}

/// The `p`th percentile of `values` (nearest rank).
fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

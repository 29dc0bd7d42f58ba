//! The form in a real browser (headless Chromium over WebDriver): a clerk opens the page, types
//! the bloc's name and sees it in the preview, adds a member unit and sees its signature cell,
//! enters an impossible date and sees the problem at the field, and downloads the pack.

use std::io::Read;
use std::time::{Duration, Instant};

use crate::support::browser::Browser;
use crate::support::common::sample;
use crate::support::server::Server;

const FILE: &str = "ky-ket-khoi-dang.yaml";

/// The script that says whether some preview page's words (its text alternative) contain
/// `words` (upper-cased, as headers print names).
fn preview_shows(words: &str) -> String {
    format!(
        "return Array.from(document.querySelectorAll('#pages canvas.page')).some(c => \
         (c.getAttribute('aria-label') || '').toUpperCase().replace(/\\s+/g, ' ').includes({:?}))",
        words.to_uppercase()
    )
}

#[test]
fn a_clerk_fills_the_form_sees_the_documents_and_downloads_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample(FILE), dir.path().join(FILE)).unwrap();
    let downloads = tempfile::tempdir().unwrap();
    let Some(browser) = Browser::start(downloads.path()) else {
        return;
    };
    let server = Server::start(dir.path());
    browser.open(&format!(
        "http://{}/?t={}#/m/{FILE}",
        server.host, server.token
    ));
    browser.wait_for(
        "the first preview",
        "return document.querySelectorAll('#pages canvas.page').length",
        60,
    );
    browser.run(
        "const s = document.querySelector('#doc'); s.value = 'giao-uoc'; \
         s.dispatchEvent(new Event('change', {bubbles: true})); return true;",
        &[],
    );

    // The bloc's name, typed, is in the agreement's header.
    browser.type_into(r#"[data-path="bloc.name"]"#, "Khối thi đua Hoàng Liên Sơn");
    browser.wait_for(
        "the new name in the preview",
        &preview_shows("HOÀNG LIÊN SƠN"),
        30,
    );

    add_a_member_and_see_its_signature_cell(&browser);
    enter_an_impossible_date_and_see_the_problem_at_the_field(&browser);
    download_the_pack(&browser, downloads.path());

    let shot = browser.screenshot();
    assert!(shot.starts_with(b"\x89PNG"));
    let target = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(target.join("serve-editor.png"), &shot).unwrap();
}

/// A member unit added, with its signer: its signature cell is in the preview.
fn add_a_member_and_see_its_signature_cell(browser: &Browser) {
    let count = browser.run(
        "return Array.from(document.querySelectorAll('button[data-remove]')) \
         .filter(b => /^members\\[\\d+\\]$/.test(b.dataset.remove)).length",
        &[],
    );
    let n = count.as_u64().unwrap();
    browser.click(r#"button[data-add="members"]"#);
    browser.type_into(
        &format!(r#"[data-path="members[{n}].name"]"#),
        "Sở Khoa học và Công nghệ",
    );
    browser.type_into(
        &format!(r#"[data-path="members[{n}].signer.name"]"#),
        "Vũ Thị Quỳnh Nga",
    );
    browser.type_into(
        &format!(r#"[data-path="members[{n}].signer.title"]"#),
        "Giám đốc",
    );
    browser.wait_for(
        "the new signer in the preview",
        &preview_shows("Vũ Thị Quỳnh Nga"),
        30,
    );
}

/// An impossible date: the problem is shown at the field, and goes when the date is fixed.
fn enter_an_impossible_date_and_see_the_problem_at_the_field(browser: &Browser) {
    let date = browser.run(
        "return document.querySelector('[data-path=\"date\"]').value",
        &[],
    );
    browser.type_into(r#"[data-path="date"]"#, "2026-02-30");
    let said = browser.wait_for(
        "the problem at the date",
        "const p = document.querySelector('.problem[data-for=\"date\"]'); return p && p.textContent",
        30,
    );
    assert!(said.as_str().unwrap().contains("30"), "{said}");
    browser.type_into(r#"[data-path="date"]"#, date.as_str().unwrap());
    browser.wait_for(
        "the problem gone",
        "return !document.querySelector('.problem[data-for=\"date\"]')",
        30,
    );
}

/// The pack, downloaded by the browser: a ZIP holding the agreement.
fn download_the_pack(browser: &Browser, downloads: &std::path::Path) {
    browser.click("#download-zip");
    let zip = wait_for_download(downloads, "zip");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    let mut pdf = Vec::new();
    archive
        .by_name("ky-ket-khoi-dang/giao-uoc.pdf")
        .unwrap()
        .read_to_end(&mut pdf)
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

/// The first finished download ending in `.extension` (Chromium writes `.crdownload` until
/// done), within a minute.
fn wait_for_download(dir: &std::path::Path, extension: &str) -> std::path::PathBuf {
    let started = Instant::now();
    loop {
        let done = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == extension));
        if let Some(path) = done {
            return path;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no .{extension} downloaded"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

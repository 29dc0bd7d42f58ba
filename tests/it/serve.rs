//! `hoinghi serve` over HTTP, against the real binary on a free port: the form's data becomes
//! the same meeting, problems carry their field path, the preview sends only changed pages,
//! saving keeps the original once, downloads are real PDFs and a real ZIP; and every request
//! that should be refused is, with its status, writing nothing.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::support::common::sample;
use crate::support::pdf::{facts, squash};
use crate::support::server::{Server, percent_encode};

/// A scratch folder holding the 30-unit sample and the photo sample in its own folder.
fn folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        sample("giao-uoc-30-don-vi.yaml"),
        tmp.path().join("giao-uoc-30-don-vi.yaml"),
    )
    .unwrap();
    let photos = tmp.path().join("anh-mau");
    std::fs::create_dir_all(photos.join("photos")).unwrap();
    let from = sample("phat-dong-ky-ket-anh");
    std::fs::copy(
        from.join("phat-dong-ky-ket.yaml"),
        photos.join("phat-dong-ky-ket.yaml"),
    )
    .unwrap();
    for entry in std::fs::read_dir(from.join("photos")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), photos.join("photos").join(entry.file_name())).unwrap();
    }
    tmp
}

/// Every file under `dir` with its bytes, sorted: what "nothing written" compares.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// The text of a PDF, squashed for comparing.
fn text_of_pdf(bytes: &[u8]) -> String {
    squash(&facts(bytes).text)
}

/// The width and height of a base64 PNG.
fn png_size(b64: &str) -> (u32, u32) {
    let png = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, b64).unwrap();
    let decoded = image::load_from_memory(&png).unwrap();
    (decoded.width(), decoded.height())
}

/// The headers of one request.
type Headers = Vec<(String, String)>;

const MEETING: &str = "/api/meeting/giao-uoc-30-don-vi.yaml";

#[test]
fn the_folders_meetings_are_listed_with_what_each_can_make() {
    let dir = folder();
    let server = Server::start(dir.path());
    let answer = server.get("/api/meetings");
    assert_eq!(answer.status, 200);
    let list = answer.json();
    let files: Vec<&str> = list["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        ["anh-mau/phat-dong-ky-ket.yaml", "giao-uoc-30-don-vi.yaml"]
    );
    let kinds = &list["meetings"][1]["kinds"];
    assert!(
        kinds
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["kind"] == "giao-uoc")
    );
    let starters: Vec<&str> = list["starters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(starters, ["ky-ket", "tong-ket", "phat-dong"]);
}

#[test]
fn the_forms_data_becomes_the_same_meeting_and_is_saved_with_a_backup() {
    let dir = folder();
    let server = Server::start(dir.path());
    let original = std::fs::read_to_string(dir.path().join("giao-uoc-30-don-vi.yaml")).unwrap();
    let opened = server.get(MEETING).json();
    let data = opened["data"].clone();
    assert_eq!(data["bloc"]["place"], "Lâm Đồng");
    // The form sends the meeting back whole: the YAML it becomes reads as the same meeting.
    let edited = server.post_json(
        &format!("{MEETING}/edit"),
        &json!({"data": data, "doc": "giao-uoc"}),
    );
    assert_eq!(edited.status, 200);
    let edited = edited.json();
    let yaml = edited["yaml"].as_str().unwrap();
    let before: serde_yaml::Value = serde_yaml::from_str(&original).unwrap();
    let after: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    assert_eq!(before, after, "the form's YAML reads as the same meeting");
    assert_eq!(edited["state"]["ok"], true);
    // A real change: the bloc's name, seen in the preview's state and saved.
    let mut data = data;
    data["bloc"]["place"] = json!("Đắk Nông");
    let edited = server
        .post_json(
            &format!("{MEETING}/edit"),
            &json!({"data": data, "doc": "giao-uoc"}),
        )
        .json();
    assert_eq!(edited["dirty"], true);
    let saved = server
        .post_json(&format!("{MEETING}/save"), &json!({}))
        .json();
    assert_eq!(saved["saved"], true);
    assert_eq!(saved["backup"], "giao-uoc-30-don-vi.yaml.bak");
    assert!(
        saved["message"]
            .as_str()
            .unwrap()
            .contains("giao-uoc-30-don-vi.yaml.bak")
    );
    let bak = std::fs::read_to_string(dir.path().join("giao-uoc-30-don-vi.yaml.bak")).unwrap();
    assert_eq!(bak, original, "the original, comments and all, kept once");
    let now = std::fs::read_to_string(dir.path().join("giao-uoc-30-don-vi.yaml")).unwrap();
    assert!(now.contains("place: Đắk Nông"), "{now}");
    // A second save keeps the first backup as it was.
    data["bloc"]["place"] = json!("Gia Lai");
    server.post_json(&format!("{MEETING}/edit"), &json!({"data": data}));
    let saved = server
        .post_json(&format!("{MEETING}/save"), &json!({}))
        .json();
    assert_eq!(saved["backup"], serde_json::Value::Null);
    let bak_again =
        std::fs::read_to_string(dir.path().join("giao-uoc-30-don-vi.yaml.bak")).unwrap();
    assert_eq!(bak_again, original);
}

#[test]
fn problems_carry_their_field_path_and_line() {
    let dir = folder();
    let server = Server::start(dir.path());
    let yaml = std::fs::read_to_string(dir.path().join("giao-uoc-30-don-vi.yaml")).unwrap();
    let date_line = yaml.lines().position(|l| l.starts_with("date:")).unwrap() + 1;
    let broken = yaml.replacen(
        &yaml.lines().nth(date_line - 1).unwrap().to_owned(),
        "date: 2026-02-30",
        1,
    );
    let answer = server
        .post_json(
            &format!("{MEETING}/edit"),
            &json!({"yaml": broken, "doc": "giao-uoc"}),
        )
        .json();
    assert_eq!(answer["state"]["ok"], false);
    let problem = answer["state"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["path"] == "date")
        .unwrap_or_else(|| panic!("{answer:#}"));
    assert_eq!(problem["severity"], "error");
    assert_eq!(problem["line"], date_line);
    assert!(problem["message"].as_str().unwrap().contains("30"));
    assert!(answer["preview"]["error"].is_string());
    // The YAML tab's text comes back as the form's data, in the file's order.
    let first_key = answer["data"].as_object().unwrap().keys().next().cloned();
    assert!(first_key.is_some());
    // What a meeting cannot make yet, with what it lacks, at its field.
    let no_secretary = yaml.replace("secretary:", "thu_ky_cu:");
    let answer = server
        .post_json(&format!("{MEETING}/edit"), &json!({"yaml": no_secretary}))
        .json();
    let problems = answer["state"]["problems"].as_array().unwrap();
    assert!(
        problems.iter().any(|p| p["path"] == "thu_ky_cu"),
        "{answer:#}"
    );
}

#[test]
fn the_preview_sends_only_the_pages_that_changed() {
    let dir = folder();
    let server = Server::start(dir.path());
    let first = server
        .post_json(&format!("{MEETING}/edit"), &json!({"doc": "giao-uoc"}))
        .json();
    let pages = first["preview"]["pages"].as_array().unwrap().clone();
    assert!(pages.len() >= 4, "{}", pages.len());
    // A page with no pictures gets the first two at once, the others on its next request.
    for (i, page) in pages.iter().enumerate() {
        let drawn = page["png"]
            .as_str()
            .is_some_and(|p| p.starts_with("iVBORw0KGgo"));
        assert_eq!(drawn, i < 2, "page {i}");
        assert_eq!(page["later"], i >= 2, "page {i}");
    }
    let have: Vec<&serde_json::Value> = pages.iter().take(2).map(|p| &p["hash"]).collect();
    let rest = server
        .post_json(
            &format!("{MEETING}/edit"),
            &json!({"doc": "giao-uoc", "have": have}),
        )
        .json();
    let rest = rest["preview"]["pages"].as_array().unwrap();
    for (i, page) in rest.iter().enumerate() {
        assert_eq!(page["png"].is_string(), i >= 2, "page {i}");
    }
    let have: Vec<&serde_json::Value> = pages.iter().map(|p| &p["hash"]).collect();
    // The same draft again: every page is one the page has.
    let again = server
        .post_json(
            &format!("{MEETING}/edit"),
            &json!({"doc": "giao-uoc", "have": have}),
        )
        .json();
    assert!(
        again["preview"]["pages"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["png"].is_null())
    );
    // The last unit renamed: its page changes, the first page does not.
    let mut data = server.get(MEETING).json()["data"].clone();
    let members = data["members"].as_array_mut().unwrap();
    let last = members.last_mut().unwrap();
    last["name"] = json!("Ban Dân tộc tỉnh Lâm Đồng mới đổi tên");
    let edited = server
        .post_json(
            &format!("{MEETING}/edit"),
            &json!({"data": data, "doc": "giao-uoc", "have": have}),
        )
        .json();
    let pages = edited["preview"]["pages"].as_array().unwrap();
    let sent: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i]["png"].is_string())
        .collect();
    assert_eq!(
        sent,
        [pages.len() - 1],
        "only the last page, with the signature grid, changed"
    );
    // It comes as the strip of rows the new name changed, over the page's last picture.
    let last = pages.last().unwrap();
    assert_eq!(last["base"], *have[pages.len() - 1]);
    let strip = png_size(last["png"].as_str().unwrap());
    assert_eq!(strip.0, last["pixels"][0].as_u64().unwrap() as u32);
    assert!(
        strip.1 < last["pixels"][1].as_u64().unwrap() as u32 / 4,
        "{strip:?}"
    );
    let words = squash(last["text"].as_str().unwrap());
    assert!(words.contains(&squash("MỚI ĐỔI TÊN")), "{words}");
    assert!(edited["timing"]["total_ms"].as_f64().unwrap() > 0.0);
}

#[test]
fn downloads_are_real_pdfs_and_a_zip_of_the_whole_pack() {
    let dir = folder();
    let server = Server::start(dir.path());
    let pdf = server.get(&format!("{MEETING}/pdf/giao-uoc?t={}", server.token));
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert!(
        pdf.header("content-disposition")
            .unwrap()
            .contains("giao-uoc-30-don-vi-giao-uoc.pdf")
    );
    assert!(text_of_pdf(&pdf.body).contains(&squash("GIAO ƯỚC THI ĐUA")));
    let draft = server.get(&format!(
        "{MEETING}/pdf/giao-uoc?t={}&draft=1",
        server.token
    ));
    assert!(text_of_pdf(&draft.body).contains(&squash("DỰ THẢO")));
    // The same document as a Word file, with the same words.
    let word = server.get(&format!("{MEETING}/docx/giao-uoc?t={}", server.token));
    assert_eq!(word.status, 200, "{}", String::from_utf8_lossy(&word.body));
    assert!(
        word.header("content-disposition")
            .unwrap()
            .contains("giao-uoc-30-don-vi-giao-uoc.docx")
    );
    let paras = crate::support::docx::paragraphs(&word.body);
    let title = squash("GIAO ƯỚC THI ĐUA");
    assert!(
        paras.iter().any(|p| squash(p).contains(&title)),
        "{paras:?}"
    );
    let photos = "/api/meeting/anh-mau%2Fphat-dong-ky-ket.yaml";
    let zip = server.get(&format!("{photos}/zip?t={}", server.token));
    assert_eq!(zip.status, 200, "{}", String::from_utf8_lossy(&zip.body));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.body.clone())).unwrap();
    let names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().into_owned())
        .collect();
    for wanted in [
        "phat-dong-ky-ket/giao-uoc.pdf",
        "phat-dong-ky-ket/bien-ban.pdf",
        "phat-dong-ky-ket/bai-tin.pdf",
        "phat-dong-ky-ket/bai-tin.html",
        "phat-dong-ky-ket/bai-tin.md",
        "phat-dong-ky-ket/bai-tin.txt",
        "phat-dong-ky-ket/giao-uoc.docx",
        "phat-dong-ky-ket/bai-tin.docx",
    ] {
        assert!(names.iter().any(|n| n == wanted), "{wanted} in {names:?}");
    }
    assert!(
        names.iter().any(|n| n.starts_with("phat-dong-ky-ket/anh/")),
        "{names:?}"
    );
    let mut pdf = Vec::new();
    archive
        .by_name("phat-dong-ky-ket/bai-tin.pdf")
        .unwrap()
        .read_to_end(&mut pdf)
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    // The same draft, the same bytes.
    let again = server.get(&format!("{photos}/zip?t={}", server.token));
    assert_eq!(again.body, zip.body);
}

#[test]
fn a_new_meeting_from_a_starter_and_an_opened_file_get_names_made_here() {
    let dir = folder();
    let server = Server::start(dir.path());
    let made = server.post_json(
        "/api/meetings/new",
        &json!({"starter": "tong-ket", "name": "Khối Văn hóa – Xã hội 2027"}),
    );
    assert_eq!(made.status, 201);
    assert_eq!(made.json()["file"], "khoi-van-hoa-xa-hoi-2027.yaml");
    let text = std::fs::read_to_string(dir.path().join("khoi-van-hoa-xa-hoi-2027.yaml")).unwrap();
    assert!(text.contains("← điền"));
    let yaml = std::fs::read(dir.path().join("giao-uoc-30-don-vi.yaml")).unwrap();
    for (sent, kept) in [
        ("../../ngoai.yaml", "ngoai.yaml"),
        ("/etc/passwd.yaml", "passwd.yaml"),
        ("..\\..\\Hội nghị.yml", "hoi-nghi.yaml"),
    ] {
        let opened = server.post_file("/api/meetings/open", sent, &yaml);
        assert_eq!(opened.status, 201);
        assert_eq!(opened.json()["file"], kept);
        assert!(dir.path().join(kept).is_file());
    }
    assert!(!dir.path().parent().unwrap().join("ngoai.yaml").exists());
}

#[test]
fn a_photo_dragged_in_is_checked_and_saved_under_a_name_made_here() {
    let dir = folder();
    let server = Server::start(dir.path());
    let mut png = Vec::new();
    image::RgbImage::from_pixel(64, 48, image::Rgb([20, 90, 160]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let answer = server.post_file(&format!("{MEETING}/photo"), "../../Hội trường.jpeg", &png);
    assert_eq!(answer.status, 201);
    let answer = answer.json();
    // Named by its letters, with the extension of what it is (a PNG), beside the meeting.
    assert_eq!(answer["file"], "anh/hoi-truong.png");
    assert_eq!(
        (answer["width"].as_u64(), answer["height"].as_u64()),
        (Some(64), Some(48))
    );
    assert_eq!(
        std::fs::read(dir.path().join("anh/hoi-truong.png")).unwrap(),
        png
    );
}

#[test]
fn reading_without_the_token_or_from_another_host_is_refused() {
    let dir = folder();
    let server = Server::start(dir.path());
    let host = ("Host".to_owned(), server.host.clone());
    let token = ("X-Hoinghi-Token".to_owned(), server.token.clone());
    let cases: Vec<(&str, &str, Headers, u16)> = vec![
        ("no token", "/api/meetings", vec![host.clone()], 401),
        (
            "wrong token",
            "/api/meetings?t=0123",
            vec![host.clone()],
            401,
        ),
        ("page without token", "/", vec![host.clone()], 401),
        (
            "rebound name",
            "/api/meetings",
            vec![
                (
                    "Host".into(),
                    format!("evil.example:{}", server.host.rsplit(':').next().unwrap()),
                ),
                token.clone(),
            ],
            403,
        ),
        ("no host", "/api/meetings", vec![token.clone()], 403),
    ];
    for (what, path, headers, status) in cases {
        let answer = server.send("GET", path, &headers, b"");
        assert_eq!(
            answer.status,
            status,
            "{what}: {}",
            String::from_utf8_lossy(&answer.body)
        );
        assert!(answer.json()["error"].is_string(), "{what}");
    }
    // The page's script and style hold no data and need no token; every answer forbids
    // scripts from elsewhere.
    let script = server.send("GET", "/static/app.js", std::slice::from_ref(&host), b"");
    assert_eq!(script.status, 200);
    assert!(
        script
            .header("content-security-policy")
            .unwrap()
            .contains("script-src 'self'")
    );
}

#[test]
fn changes_without_the_token_or_from_another_site_are_refused_writing_nothing() {
    let dir = folder();
    let server = Server::start(dir.path());
    let before = snapshot(dir.path());
    let host = ("Host".to_owned(), server.host.clone());
    let origin = ("Origin".to_owned(), format!("http://{}", server.host));
    let token = ("X-Hoinghi-Token".to_owned(), server.token.clone());
    let json = ("Content-Type".to_owned(), "application/json".to_owned());
    let body = br#"{"starter": "ky-ket"}"#;
    let posts: Vec<(&str, Headers)> = vec![
        (
            "cross-site",
            vec![
                host.clone(),
                token.clone(),
                json.clone(),
                ("Origin".into(), "http://evil.example".into()),
            ],
        ),
        ("no origin", vec![host.clone(), token.clone(), json.clone()]),
        (
            "cross-site fetch",
            vec![
                host.clone(),
                token.clone(),
                json.clone(),
                origin.clone(),
                ("Sec-Fetch-Site".into(), "cross-site".into()),
            ],
        ),
        ("no token", vec![host.clone(), json.clone(), origin.clone()]),
    ];
    for (what, headers) in posts {
        let answer = server.send("POST", "/api/meetings/new", &headers, body);
        assert!(
            matches!(answer.status, 401 | 403),
            "{what}: {}",
            answer.status
        );
    }
    assert_eq!(snapshot(dir.path()), before, "nothing written");
}

#[test]
fn paths_in_names_oversized_bodies_and_image_bombs_are_refused_writing_nothing() {
    let dir = folder();
    let server = Server::start(dir.path());
    let before = snapshot(dir.path());
    for name in [
        "..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd",
        "anh-mau%2F..%2F..%2Fx.yaml",
        "giao-uoc-30-don-vi.yaml.bak",
    ] {
        let answer = server.get(&format!("/api/meeting/{name}"));
        assert_eq!(answer.status, 404, "{name}");
    }
    // An edit bigger than three meeting files' limit.
    let huge = "x".repeat(16 * 1024 * 1024);
    let answer = server.post_json(&format!("{MEETING}/edit"), &json!({"yaml": huge}));
    assert_eq!(answer.status, 413);
    // A photo over the photo limit.
    let answer = server.post_file(
        &format!("{MEETING}/photo"),
        "lon.jpg",
        &vec![0xFF; 31 * 1024 * 1024],
    );
    assert_eq!(answer.status, 413);
    // A small PNG whose text chunk inflates to a gigabyte: refused as `render` refuses it.
    let bomb = crate::hostile_files::png_bomb(b"zTXt", b"Comment\0\0", 1024);
    let answer = server.post_file(&format!("{MEETING}/photo"), "bom.png", &bomb);
    assert_eq!(answer.status, 422);
    assert!(answer.json()["error"].as_str().unwrap().contains("zTXt"));
    // Not an image at all.
    let answer = server.post_file(
        &format!("{MEETING}/photo"),
        "anh.jpg",
        b"<svg onload=alert(1)",
    );
    assert_eq!(answer.status, 422);
    assert_eq!(snapshot(dir.path()), before, "nothing written");
    let names = percent_encode("../x");
    assert_eq!(
        server
            .get(&format!("/api/meeting/{names}/zip?t={}", server.token))
            .status,
        404
    );
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let dir = folder();
    let mut server = Server::start(dir.path());
    assert_eq!(server.get("/api/meetings").status, 200);
    let killed = std::process::Command::new("kill")
        .args(["-INT", &server.pid().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(
        server.wait_exit(std::time::Duration::from_secs(20)),
        Some(0)
    );
}

#[test]
fn a_meeting_file_that_is_not_utf8_is_refused_never_edited_from_nothing() {
    let dir = folder();
    // "Hội nghị" in Windows-1258, as an old Notepad saves it.
    std::fs::write(dir.path().join("cu.yaml"), b"title: H\xd4i ngh\xd2\n").unwrap();
    let server = Server::start(dir.path());
    let before = snapshot(dir.path());
    let opened = server.get("/api/meeting/cu.yaml");
    assert_eq!(opened.status, 422);
    assert!(opened.json()["error"].as_str().unwrap().contains("UTF-8"));
    let edited = server.post_json("/api/meeting/cu.yaml/edit", &json!({"doc": "giao-uoc"}));
    assert_eq!(edited.status, 422);
    let saved = server.post_json("/api/meeting/cu.yaml/save", &json!({}));
    assert_eq!(saved.json()["saved"], false);
    assert_eq!(snapshot(dir.path()), before, "nothing written");
}

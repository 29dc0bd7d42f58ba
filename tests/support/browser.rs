//! A real browser for a test: Debian's headless Chromium driven by chromedriver over the W3C
//! WebDriver protocol (plain JSON over HTTP, with the same small client as the server tests).
//! Where chromedriver is not installed the browser tests are skipped with a note, unless
//! `HOINGHI_REQUIRE_BROWSER=1` (set by `.ci/run`, which installs it) makes that a failure.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::server::http;

/// Where Debian puts them.
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// The key of an element reference in WebDriver's answers.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A Chromium session; the browser and its driver end when dropped.
pub struct Browser {
    driver: Child,
    host: String,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// A headless Chromium, or `None` (said on stderr) where it is not installed and not
    /// required.
    pub fn start(downloads: &Path) -> Option<Browser> {
        if !Path::new(CHROMEDRIVER).exists() || !Path::new(CHROMIUM).exists() {
            let required = std::env::var("HOINGHI_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
            assert!(
                !required,
                "HOINGHI_REQUIRE_BROWSER=1 but {CHROMEDRIVER} is missing"
            );
            eprintln!("skipped: no {CHROMEDRIVER} (apt-get install chromium chromium-driver)");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let host = format!("127.0.0.1:{port}");
        let started = Instant::now();
        while std::net::TcpStream::connect(&host).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,900",
                         format!("--user-data-dir={}", profile.path().display())],
                "prefs": {"download.default_directory": downloads.display().to_string(),
                          "download.prompt_for_download": false}
            }
        }}});
        let mut browser = Browser {
            driver,
            host,
            session: String::new(),
            _profile: profile,
        };
        let answer = browser.call("POST", "/session", &capabilities);
        browser.session = answer["sessionId"].as_str().expect("a session").to_owned();
        // Let the headless browser save downloads where the test looks.
        browser.session_call(
            "POST",
            "/goog/cdp/execute",
            &json!({"cmd": "Browser.setDownloadBehavior",
                    "params": {"behavior": "allow", "downloadPath": downloads.display().to_string()}}),
        );
        Some(browser)
    }

    /// One WebDriver command: its `value`, or a panic with the driver's error.
    fn call(&self, method: &str, path: &str, body: &Value) -> Value {
        let headers = [
            ("Host".to_owned(), self.host.clone()),
            ("Content-Type".to_owned(), "application/json".to_owned()),
        ];
        let body = if method == "GET" || method == "DELETE" {
            String::new()
        } else {
            body.to_string()
        };
        let answer = http(&self.host, method, path, &headers, body.as_bytes());
        let value: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
        if value["value"]["error"].is_string() {
            panic!("WebDriver {method} {path}: {}", value["value"]);
        }
        value["value"].clone()
    }

    /// A command of this session.
    fn session_call(&self, method: &str, path: &str, body: &Value) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    /// Opens `url`.
    pub fn open(&self, url: &str) {
        self.session_call("POST", "/url", &json!({ "url": url }));
    }

    /// Runs `script` (a function body; `arguments` are `args`) in the page: its return value.
    pub fn run(&self, script: &str, args: &[Value]) -> Value {
        self.session_call(
            "POST",
            "/execute/sync",
            &json!({"script": script, "args": args}),
        )
    }

    /// Waits until `script` returns something truthy (at most `secs` seconds): that value.
    pub fn wait_for(&self, what: &str, script: &str, secs: u64) -> Value {
        let started = Instant::now();
        loop {
            let value = self.run(script, &[]);
            let truthy = !matches!(&value, Value::Null | Value::Bool(false))
                && value != json!("")
                && value != json!(0);
            if truthy {
                return value;
            }
            assert!(
                started.elapsed() < Duration::from_secs(secs),
                "waited {secs} s for {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The first element matching `css` (waiting for it up to 20 s).
    pub fn find(&self, css: &str) -> String {
        let started = Instant::now();
        loop {
            let headers = [
                ("Host".to_owned(), self.host.clone()),
                ("Content-Type".to_owned(), "application/json".to_owned()),
            ];
            let body = json!({"using": "css selector", "value": css}).to_string();
            let path = format!("/session/{}/element", self.session);
            let answer = http(&self.host, "POST", &path, &headers, body.as_bytes());
            let value: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
            if let Some(id) = value["value"][ELEMENT].as_str() {
                return id.to_owned();
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no element {css}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks the element `css`.
    pub fn click(&self, css: &str) {
        let id = self.find(css);
        self.session_call("POST", &format!("/element/{id}/click"), &json!({}));
    }

    /// Clears the field `css` and types `text` into it, as a person would.
    pub fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.session_call("POST", &format!("/element/{id}/clear"), &json!({}));
        self.session_call(
            "POST",
            &format!("/element/{id}/value"),
            &json!({ "text": text }),
        );
    }

    /// A screenshot of the window as PNG.
    pub fn screenshot(&self) -> Vec<u8> {
        let encoded = self.session_call("GET", "/screenshot", &Value::Null);
        base64_decode(encoded.as_str().expect("base64"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let headers = [("Host".to_owned(), self.host.clone())];
            let _ = std::panic::catch_unwind(|| http(&self.host, "DELETE", &path, &headers, b""));
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Standard base64 decoded (the screenshot).
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|c| !matches!(c, b'=' | b'\n' | b'\r'))
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &c)| {
            acc | (u32::from(value(c)) << (18 - 6 * i))
        });
        out.extend(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

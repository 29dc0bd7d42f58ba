//! `hoinghi serve` for a test: the binary started on a free port over a folder, and a plain
//! HTTP/1.1 client that sends exactly the headers a test gives (a wrong Host, a foreign Origin,
//! no token), so nothing between the test and the server fixes a request up.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

/// A running server; stopped when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub host: String,
    /// The access token.
    pub token: String,
}

/// An answer: status, headers (names lower case) and body.
#[derive(Debug)]
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// The headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked.
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    /// The header `name`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Server {
    /// `hoinghi serve DIR --port 0 --no-open`, once it has printed its address.
    pub fn start(dir: &Path) -> Server {
        Server::start_with(dir, &[])
    }

    /// As [`Server::start`] with more arguments and environment variables.
    pub fn start_with(dir: &Path, env: &[(&str, &str)]) -> Server {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("hoinghi"));
        command
            .args(["serve", "--port", "0", "--no-open"])
            .arg(dir)
            .env("LANG", "vi_VN.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("hoinghi serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line.trim().strip_prefix("http://").expect(&line).to_owned();
        let (host, token) = address.split_once("/?t=").expect(&line);
        Server {
            child,
            host: host.to_owned(),
            token: token.to_owned(),
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the server to end, at most `wait`: its exit code, `None` if still running.
    pub fn wait_exit(&mut self, wait: Duration) -> Option<i32> {
        let started = std::time::Instant::now();
        while started.elapsed() < wait {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// `GET path` as the page sends it (token, own Host).
    pub fn get(&self, path: &str) -> Answer {
        self.send("GET", path, &self.own_headers(false), b"")
    }

    /// `POST path` with a JSON body as the page sends it (token, own Host and Origin).
    pub fn post_json(&self, path: &str, body: &serde_json::Value) -> Answer {
        let mut headers = self.own_headers(true);
        headers.push(("Content-Type".into(), "application/json".into()));
        self.send("POST", path, &headers, body.to_string().as_bytes())
    }

    /// `POST path` with raw bytes and the file name the browser sends.
    pub fn post_file(&self, path: &str, name: &str, bytes: &[u8]) -> Answer {
        let mut headers = self.own_headers(true);
        headers.push(("X-File-Name".into(), percent_encode(name)));
        self.send("POST", path, &headers, bytes)
    }

    /// The headers of the page's own requests: Host, the token, and Origin when it changes
    /// something.
    pub fn own_headers(&self, changes: bool) -> Vec<(String, String)> {
        let mut headers = vec![
            ("Host".into(), self.host.clone()),
            ("X-Hoinghi-Token".into(), self.token.clone()),
        ];
        if changes {
            headers.push(("Origin".into(), format!("http://{}", self.host)));
        }
        headers
    }

    /// Sends one request with exactly `headers` (and Content-Length, Connection: close).
    pub fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Answer {
        http(&self.host, method, path, headers, body)
    }
}

/// Sends one HTTP/1.1 request to `host` with exactly `headers` (and Content-Length,
/// Connection: close) and reads the whole answer.
pub fn http(
    host: &str,
    method: &str,
    path: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> Answer {
    let mut stream = TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    stream.write_all(head.as_bytes()).unwrap();
    // The server may answer (413) before reading a large body: ignore a broken pipe.
    let _ = stream.write_all(body);
    parse(&read_answer(&mut stream))
}

/// The bytes of one answer: up to the end of the body its Content-Length announces (a server
/// may keep the connection open), or of its last chunk, or of the connection.
fn read_answer(stream: &mut TcpStream) -> Vec<u8> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = stream.read(&mut buf).unwrap_or(0);
        if n == 0 {
            return raw;
        }
        raw.extend_from_slice(&buf[..n]);
        let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
        let length = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse::<usize>().ok());
        match length {
            Some(length) if raw.len() >= end + 4 + length => return raw,
            None if head.contains("chunked") && raw.ends_with(b"0\r\n\r\n") => return raw,
            _ => {}
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP/1.1 answer from its bytes.
fn parse(raw: &[u8]) -> Answer {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no answer: {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        body = dechunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

/// A chunked body joined.
fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..line_end]).trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = line_end + 2;
        out.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
    out
}

/// `s` percent-encoded as the page's `encodeURIComponent` does.
pub fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'!' | b'~' | b'*' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

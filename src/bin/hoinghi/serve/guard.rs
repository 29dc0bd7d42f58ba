//! Who may talk to the server. Every request but the page's script and style must carry the
//! token (header `X-Hoinghi-Token`, or `?t=` on a link the browser follows); the Host header must
//! name this server (an IP address or `localhost`, with its port: a DNS-rebinding page has a
//! name of its own); a request that changes anything must come from the server's own Origin
//! (no cross-site form or fetch). Every answer forbids scripts from elsewhere, framing and
//! caching.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hoinghi::text;

use super::answer::ApiError;
use super::drafts::AppState;

/// The header carrying the token on the page's requests.
pub const TOKEN_HEADER: &str = "x-hoinghi-token";

/// What the page may load and run: only its own script and style, and the pages' pictures.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/// Refuses a request with a foreign Host, a missing or wrong token, or (when it changes
/// something) a foreign Origin; adds the security headers to every answer.
pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let refused = check(&state, &request);
    let mut response = match refused {
        Some(error) => error.into_response(),
        None => next.run(request).await,
    };
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// Why `request` is refused, if it is.
fn check(state: &AppState, request: &Request) -> Option<ApiError> {
    let headers = request.headers();
    let Some(host) = header_str(headers, header::HOST.as_str()) else {
        return Some(foreign_host("(none)"));
    };
    if !is_own_host(host, state.address.port()) {
        return Some(foreign_host(host));
    }
    if !request.uri().path().starts_with("/static/") && !has_token(state, request) {
        return Some(ApiError::new(
            StatusCode::UNAUTHORIZED,
            text!(
                "thiếu mã truy cập hoặc mã sai: mở đúng địa chỉ hoinghi serve đã in (có ?t=…)",
                "the access token is missing or wrong: open the exact address hoinghi serve printed (with ?t=…)"
            ),
        ));
    }
    let changes = !matches!(*request.method(), Method::GET | Method::HEAD);
    if changes && !is_own_origin(headers, host) {
        return Some(ApiError::new(
            StatusCode::FORBIDDEN,
            text!(
                "yêu cầu đến từ trang khác; chỉ trang của hoinghi serve được thay đổi dữ liệu",
                "the request comes from another site; only hoinghi serve's own page may change anything"
            ),
        ));
    }
    None
}

/// The refusal of a request to a name that is not this server's.
fn foreign_host(host: &str) -> ApiError {
    let host = host.chars().take(100).collect::<String>();
    ApiError::new(
        StatusCode::FORBIDDEN,
        text!(
            "tên máy {host:?} không phải của máy chủ này; mở bằng địa chỉ IP hoặc localhost như hoinghi serve đã in",
            "the host name {host:?} is not this server's; open it by IP address or localhost, as hoinghi serve printed"
        ),
    )
}

/// Whether `host` (a Host header) names this server: an IP address or `localhost`, with
/// `port`. A name resolved by DNS is refused, so a page that rebinds its own name to this
/// machine cannot reach the server.
pub fn is_own_host(host: &str, port: u16) -> bool {
    let Some((name, host_port)) = host.rsplit_once(':') else {
        return false;
    };
    if host_port.parse::<u16>().ok() != Some(port) {
        return false;
    }
    let name = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok()
}

/// Whether the request comes from the page of `host`: its Origin is `http://<host>`, and the
/// browser does not call it cross-site.
fn is_own_origin(headers: &HeaderMap, host: &str) -> bool {
    let same_site = header_str(headers, "sec-fetch-site")
        .is_none_or(|site| site == "same-origin" || site == "none");
    let origin = header_str(headers, header::ORIGIN.as_str());
    same_site && origin == Some(format!("http://{host}").as_str())
}

/// Whether the request carries the token, in its header or as `?t=`.
fn has_token(state: &AppState, request: &Request) -> bool {
    let given = header_str(request.headers(), TOKEN_HEADER)
        .map(str::to_owned)
        .or_else(|| query_token(request.uri().query().unwrap_or_default()));
    given.is_some_and(|given| same_secret(given.as_bytes(), state.token.as_bytes()))
}

/// The `t` parameter of a query string.
fn query_token(query: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "t")
        .map(|(_, value)| value.to_owned())
}

/// Compares two secrets in a time that does not depend on where they differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A header's value as text.
fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_addresses_and_localhost_with_the_port_are_this_server() {
        for host in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST:8080",
            "[::1]:8080",
            "192.168.1.20:8080",
        ] {
            assert!(is_own_host(host, 8080), "{host}");
        }
        for host in [
            "127.0.0.1:8081",
            "127.0.0.1",
            "evil.example:8080",
            "localhost.evil.example:8080",
            "127.0.0.1.nip.io:8080",
            "",
        ] {
            assert!(!is_own_host(host, 8080), "{host}");
        }
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abc", b"abd"));
        assert!(!same_secret(b"abc", b"abcd"));
        assert_eq!(query_token("a=1&t=xyz"), Some("xyz".into()));
    }
}

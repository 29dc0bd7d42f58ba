//! `hoinghi serve`: the clerk's web form, on the clerk's own machine. A small axum server over
//! the library's [`hoinghi::Engine`], as it is: the form's draft is checked by `check`'s checks,
//! previewed by the same templates and Typst, downloaded as `render` writes it.
//!
//! `guard` (token, Host, Origin, headers) → `api` (the JSON the page talks; `edit` the live
//! preview) over `drafts` (the meetings being edited, their previews kept) and `folder` (the only files read or written)
//! → `download` (PDF and ZIP) → `answer` (what the page is told); `page` is the page itself.

mod answer;
mod api;
mod download;
mod drafts;
mod edit;
mod folder;
mod guard;
mod page;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use hoinghi::{Engine, Settings, text};

use crate::args::ServeArgs;
use crate::console::Console;
use crate::exit::{Failure, Outcome};

pub use api::router;
pub use drafts::AppState;

/// Runs the server until Ctrl+C (or SIGTERM): prints its address with the token, opens the
/// browser unless `--no-open`.
pub fn run(args: &ServeArgs, console: &mut Console) -> Outcome {
    let folder = folder::open(&args.folder).map_err(Failure::Usage)?;
    let engines = [false, true].map(|draft| {
        Engine::new(Settings {
            draft,
            ..Settings::default()
        })
    });
    let [Ok(engine), Ok(draft_engine)] = engines else {
        return Err(Failure::FailedWith(text!(
            "lỗi: không nạp được các mẫu văn bản",
            "error: the document templates could not be loaded"
        )));
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Failure::FailedWith(text!("lỗi: {e}", "error: {e}")))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((args.bind, args.port))
            .await
            .map_err(|e| {
                let (bind, port) = (args.bind, args.port);
                Failure::Usage(text!(
                    "lỗi: không mở được cổng {port} trên {bind}: {e} (cổng đã có chương trình khác dùng? thử --port 8081)",
                    "error: cannot listen on port {port} of {bind}: {e} (another program on that port? try --port 8081)"
                ))
            })?;
        let address = listener
            .local_addr()
            .map_err(|e| Failure::FailedWith(text!("lỗi: {e}", "error: {e}")))?;
        let state = Arc::new(AppState::new(folder, engine, draft_engine, address, console.lang));
        announce(&state, address, console);

        if !args.no_open {
            open_browser(&state.address_for(&loopback_or(address)));
        }
        axum::serve(listener, router(state.clone()))
            .with_graceful_shutdown(stopped())
            .await
            .map_err(|e| Failure::FailedWith(text!("lỗi: {e}", "error: {e}")))?;
        console.note(&text!("đã dừng máy chủ.", "server stopped."));
        Ok(())
    })
}

/// Prints where the form is: the local address and, when listening on every interface, the
/// machine's network address, each with the token.
fn announce(state: &AppState, address: SocketAddr, console: &mut Console) {
    let local = state.address_for(&loopback_or(address));
    let folder = state.folder.display();
    console.note(&text!(
        "hoinghi: biểu mẫu soạn giấy tờ hội nghị cho các tệp trong {folder}",
        "hoinghi: the meeting form for the files in {folder}"
    ));
    println!("{local}");
    if address.ip().is_unspecified()
        && let Some(ip) = network_address()
    {
        let there = state.address_for(&SocketAddr::new(ip, address.port()));
        console.note(&text!(
            "máy khác trong mạng nội bộ mở: {there}",
            "from another machine of the office network: {there}"
        ));
        println!("{there}");
    }
    console.note(&text!(
        "giữ bí mật địa chỉ này (có mã truy cập); nhấn Ctrl+C để dừng.",
        "keep this address private (it holds the access token); press Ctrl+C to stop."
    ));
    let _ = std::io::Write::flush(&mut std::io::stdout());
}

/// `address`, with 127.0.0.1 in place of an unspecified IP (0.0.0.0, ::).
fn loopback_or(address: SocketAddr) -> SocketAddr {
    if address.ip().is_unspecified() {
        SocketAddr::new(IpAddr::from([127, 0, 0, 1]), address.port())
    } else {
        address
    }
}

/// This machine's address on its network: the source address of a route outward (a UDP socket
/// connected to a documentation address sends nothing).
fn network_address() -> Option<IpAddr> {
    let socket = std::net::UdpSocket::bind(("0.0.0.0", 0)).ok()?;
    socket.connect(("192.0.2.1", 9)).ok()?;
    Some(socket.local_addr().ok()?.ip()).filter(|ip| !ip.is_loopback() && !ip.is_unspecified())
}

/// Opens `url` in the default browser, quietly: a machine without one still has the printed
/// address.
fn open_browser(url: &str) {
    let opener: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/c", "start", ""]
    } else {
        &["xdg-open"]
    };
    let _ = std::process::Command::new(opener[0])
        .args(&opener[1..])
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// Resolves at Ctrl+C or SIGTERM: the server finishes the requests under way and stops.
async fn stopped() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

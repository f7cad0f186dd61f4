//! The HTTP side of `serve`: the output folder, with a live-reload script
//! added to each HTML page, an event stream that tells open pages to reload
//! or to show the build error over the page, and a status endpoint.

use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};
use tower_http::services::{ServeDir, ServeFile};

/// What the open pages are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The site was rebuilt: reload.
    Reload,
    /// The last rebuild failed: show this over the page.
    Failed(String),
}

/// Shared between the rebuild loop and the server.
#[derive(Clone)]
pub struct Shared {
    pub out: PathBuf,
    pub notices: broadcast::Sender<Notice>,
    /// The error of the last rebuild, if it failed.
    pub error: Arc<Mutex<Option<String>>>,
    /// Rebuilds so far.
    pub generation: Arc<Mutex<u64>>,
    /// Served on a loopback address: requests must name a loopback host.
    pub loopback: bool,
}

const LIVE_JS: &str = include_str!("live.js");

/// How long a connection has to send the header of each request before it
/// is closed. A browser sends it at once; axum::serve sets no timer, and
/// 1,100 connections that each sent half a request line were all held open
/// for 30 s.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// Serves `app` on `listener` over HTTP/1.1, each connection with
/// [`HEADER_TIMEOUT`] to send each request's header (hyper's
/// `header_read_timeout`, with tokio's timer).
pub async fn serve_http(listener: tokio::net::TcpListener, app: Router) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, say: wait for some to be closed.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT);
            let io = hyper_util::rt::TokioIo::new(stream);
            // A connection that ends badly (a timeout, a reset) concerns
            // only itself.
            let _ = http.serve_connection(io, service).await;
        });
    }
}

pub fn router(shared: Shared) -> Router {
    // ServeDir refuses paths that leave the folder (`..`, encoded or not)
    // and gives those, like any missing file, the site's 404 page.
    let files =
        ServeDir::new(&shared.out).not_found_service(ServeFile::new(shared.out.join("404.html")));
    let files = Router::new()
        .fallback_service(files)
        .layer(middleware::map_response(live));
    Router::new()
        .route(
            "/__accord/live.js",
            get(|| async { ([(header::CONTENT_TYPE, "text/javascript")], LIVE_JS) }),
        )
        .route("/__accord/events", get(events))
        .route("/__accord/status", get(status))
        .fallback_service(files)
        .layer(middleware::from_fn_with_state(
            shared.clone(),
            local_host_only,
        ))
        .with_state(shared)
}

/// Served on a loopback address, a request must name a loopback host
/// (`localhost`, `127.0.0.1`, `[::1]`, any port): a page of another site
/// whose name was made to resolve to 127.0.0.1 (DNS rebinding) is refused,
/// so it can read neither the site nor its status.
async fn local_host_only(
    State(s): State<Shared>,
    request: axum::extract::Request,
    next: middleware::Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    if !s.loopback || host.is_none_or(is_loopback_host) {
        return next.run(request).await;
    }
    (
        StatusCode::MISDIRECTED_REQUEST,
        "accord serve answers only to localhost, 127.0.0.1 and [::1]\n",
    )
        .into_response()
}

/// Whether a Host header names this machine's loopback.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let name = name.to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

async fn events(State(s): State<Shared>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let pending = s.error.lock().map(|e| e.clone()).unwrap_or(None);
    let first = tokio_stream::iter(pending.map(|e| Ok(Event::default().event("failed").data(e))));
    let rest = BroadcastStream::new(s.notices.subscribe()).filter_map(|n| match n {
        Ok(Notice::Reload) => Some(Ok(Event::default().event("reload").data("reload"))),
        Ok(Notice::Failed(e)) => Some(Ok(Event::default().event("failed").data(e))),
        Err(_) => None,
    });
    Sse::new(first.chain(rest)).keep_alive(KeepAlive::default())
}

async fn status(State(s): State<Shared>) -> impl IntoResponse {
    let error = s.error.lock().map(|e| e.clone()).unwrap_or(None);
    let generation = s.generation.lock().map(|g| *g).unwrap_or(0);
    let body =
        serde_json::json!({ "ok": error.is_none(), "error": error, "generation": generation });
    (
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
}

/// Every file served from the output folder: not cached (a rebuild
/// changes it), text marked as UTF-8, and the live-reload script added to
/// each HTML page, the 404 page too.
async fn live(method: Method, mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    if kind.starts_with("text/") && !kind.contains("charset") {
        if let Ok(v) = HeaderValue::from_str(&format!("{kind}; charset=utf-8")) {
            headers.insert(header::CONTENT_TYPE, v);
        }
    }
    // Not a HEAD (no body) or part of a page (a range, "not modified").
    let whole_page = matches!(response.status(), StatusCode::OK | StatusCode::NOT_FOUND)
        && method != Method::HEAD;
    if !kind.starts_with("text/html") || !whole_page {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(page) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    // The page served is no longer the file: its length, ranges and tag
    // are the file's.
    for name in [header::CONTENT_LENGTH, header::ACCEPT_RANGES, header::ETAG] {
        parts.headers.remove(name);
    }
    Response::from_parts(parts, Body::from(inject(page.to_vec())))
}

/// Adds the live-reload script before `</body>`.
fn inject(page: Vec<u8>) -> Vec<u8> {
    let tag = b"<script src=\"/__accord/live.js\"></script>\n";
    match page.windows(7).rposition(|w| w == b"</body>") {
        Some(at) => [&page[..at], tag, &page[at..]].concat(),
        None => [page.as_slice(), tag].concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for ok in [
            "localhost",
            "localhost:8000",
            "127.0.0.1:1111",
            "[::1]:80",
            "app.localhost",
        ] {
            assert!(super::is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:8000",
            "127.0.0.1.evil.example",
            "[::2]:80",
            "10.0.0.1",
        ] {
            assert!(!super::is_loopback_host(bad), "{bad}");
        }
    }

    #[test]
    fn live_script_goes_before_body_end() {
        assert_eq!(
            inject(b"<body>x</body></html>".to_vec()),
            b"<body>x<script src=\"/__accord/live.js\"></script>\n</body></html>".to_vec()
        );
    }
}

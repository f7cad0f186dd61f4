//! The HTTP side of `serve`: the output folder, with a live-reload script
//! added to each HTML page, an event stream that tells open pages to reload
//! or to show the build error over the page, and a status endpoint.

use std::convert::Infallible;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};

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
}

const LIVE_JS: &str = include_str!("live.js");

pub fn router(shared: Shared) -> Router {
    Router::new()
        .route(
            "/__accord/live.js",
            get(|| async { ([(header::CONTENT_TYPE, "text/javascript")], LIVE_JS) }),
        )
        .route("/__accord/events", get(events))
        .route("/__accord/status", get(status))
        .fallback(get(file))
        .with_state(shared)
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

/// Decodes `%XX` escapes; `None` when the result is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file a request path names inside `root`, or `None` for any path
/// that could leave it: `..`, backslashes, NUL, drive or root
/// prefixes, also when percent-encoded (once or twice).
pub fn resolve(root: &Path, uri_path: &str) -> Option<PathBuf> {
    let once = percent_decode(uri_path)?;
    if once.contains('%') {
        // Encoded twice: judge what a second decoding would give too.
        let twice = percent_decode(&once)?;
        if twice.contains("..") || twice.contains(['\\', '\0']) {
            return None;
        }
    }
    if once.contains(['\\', '\0']) {
        return None;
    }
    let rel = once.trim_start_matches('/');
    let mut path = root.to_path_buf();
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(part) => path.push(part),
            _ => return None,
        }
    }
    if rel.is_empty() || once.ends_with('/') {
        path.push("index.html");
    }
    Some(path)
}

async fn file(State(s): State<Shared>, uri: Uri) -> Response {
    let Some(path) = resolve(&s.out, uri.path()) else {
        return (StatusCode::BAD_REQUEST, "bad path").into_response();
    };
    let bytes = match tokio::fs::read(&path).await {
        Ok(b) => b,
        Err(_) => {
            let page = tokio::fs::read(s.out.join("404.html"))
                .await
                .unwrap_or_else(|_| b"not found".to_vec());
            return (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                inject(page),
            )
                .into_response();
        }
    };
    let kind = match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("xml") => "application/xml",
        Some("pdf") => "application/pdf",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    };
    let body = if kind.starts_with("text/html") {
        inject(bytes)
    } else {
        bytes
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-store"),
        ],
        Body::from(body),
    )
        .into_response()
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
    fn paths_cannot_leave_the_root() {
        let root = Path::new("/srv/public");
        assert_eq!(
            resolve(root, "/"),
            Some(PathBuf::from("/srv/public/index.html"))
        );
        assert_eq!(
            resolve(root, "/documents/a/"),
            Some(PathBuf::from("/srv/public/documents/a/index.html"))
        );
        assert_eq!(
            resolve(root, "/documents/a/en.html"),
            Some(PathBuf::from("/srv/public/documents/a/en.html"))
        );
        assert_eq!(
            resolve(root, "/%E4%B8%AD.html"),
            Some(PathBuf::from("/srv/public/中.html"))
        );
        for bad in [
            "/../etc/passwd",
            "/a/../../etc",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc",
            "/%252e%252e/etc",
            "/a\\..\\b",
            "/a%5c..%5cb",
            "/%00",
            "/%ff",
        ] {
            assert_eq!(resolve(root, bad), None, "{bad}");
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

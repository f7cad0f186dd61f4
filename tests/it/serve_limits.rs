//! `accord serve` against slow clients and deleted files (issue 18, item
//! 12): a connection that does not send its request's header in time is
//! closed; a document deleted while serving leaves no folder behind.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::serve::{eventually, get, start};
use crate::support::fixture;

/// A client that sends half a request line and waits is disconnected after
/// the header timeout (5 s; it was held open for over a minute), and the
/// server answers others meanwhile.
#[test]
fn a_half_sent_request_is_closed_after_the_header_timeout() {
    let dir = fixture("site");
    let server = start(dir.path());
    let mut slow = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    slow.write_all(b"GET /index.html HTTP/1.1\r\nHost: 127.0")
        .unwrap();
    let sent = Instant::now();
    slow.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    assert_eq!(get(server.port, "/index.html").0, 200);
    let mut rest = Vec::new();
    // The server closes it: the end of the stream, without a response.
    let end = slow.read_to_end(&mut rest);
    let waited = sent.elapsed();
    assert!(
        matches!(end, Ok(0))
            || end
                .as_ref()
                .is_err_and(|e| e.kind() == std::io::ErrorKind::ConnectionReset),
        "{end:?} after {waited:?}"
    );
    assert!(rest.is_empty(), "{}", String::from_utf8_lossy(&rest));
    assert!(
        waited >= Duration::from_millis(4500) && waited < Duration::from_secs(15),
        "closed after {waited:?}"
    );
}

/// A deleted document's pages are removed with their folder, as a full
/// build would not have it; the other documents' stay.
#[test]
fn a_deleted_document_leaves_no_folder() {
    let dir = fixture("site");
    let documents = dir.path().join("content/documents");
    let paper = std::fs::read_to_string(documents.join("paper.toml")).unwrap();
    let extra = paper.replacen("id = \"paper\"", "id = \"extra\"", 1);
    std::fs::write(documents.join("extra.toml"), extra).unwrap();
    let server = start(dir.path());
    let folder = dir.path().join("public/documents/extra");
    assert!(folder.join("index.html").is_file());
    assert_eq!(get(server.port, "/documents/extra/en.html").0, 200);
    std::fs::remove_file(documents.join("extra.toml")).unwrap();
    eventually("the deleted document's folder is removed", || {
        !folder.exists()
    });
    assert!(!dir.path().join("public/data/extra.json").exists());
    assert!(dir
        .path()
        .join("public/documents/paper/index.html")
        .is_file());
    assert_eq!(get(server.port, "/documents/extra/en.html").0, 404);
}

//! A tiny web server on 127.0.0.1 for the tests that import from a web address: a few fixed
//! pages, each showing one way fetching goes right or wrong (redirects, a loop, a slow answer,
//! a huge body, the wrong content types, an older encoding, 404 and 500). No network is needed.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::OnceLock;
use std::time::Duration;

/// The article the server's good pages hold.
pub const ARTICLE: &str = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Council votes on the bridge</title></head>\
<body><article><h1>Council votes on the bridge</h1>\
<p>The council approved the bridge repairs on Tuesday by 7 votes to 2.</p>\
<p>Work starts in March and costs 4.2 million euros, the mayor said.</p></article></body></html>";

/// The address of `path` on the one server the test binary runs (started when first asked).
pub fn address(path: &str) -> String {
    static BASE: OnceLock<String> = OnceLock::new();
    format!("{}{path}", BASE.get_or_init(start))
}

/// Starts the server on a free port, serving until the test binary ends; returns its base
/// address, `http://127.0.0.1:PORT`.
fn start() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    base
}

/// An address nothing listens on: connecting is refused.
pub fn refused_address() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/", listener.local_addr().unwrap());
    drop(listener);
    address
}

/// An https address whose server answers in plain HTTP at once, as a server without TLS would:
/// the secure connection cannot be made.
pub fn not_tls_address() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("https://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    address
}

fn answer(mut stream: TcpStream) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The rest of the request head is not needed, only read.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request_line.split(' ').nth(1).unwrap_or("/").to_owned();
    let _ = respond(&mut stream, &path);
}

fn respond(stream: &mut TcpStream, path: &str) -> std::io::Result<()> {
    let html = "text/html; charset=utf-8";
    match path {
        "/article.html" => send(stream, "200 OK", html, ARTICLE.as_bytes()),
        "/plain.txt" => send(
            stream,
            "200 OK",
            "text/plain",
            b"Bridge vote\n\nThe council approved the repairs by 7 votes to 2.\n",
        ),
        "/no-type" => send(stream, "200 OK", "", ARTICLE.as_bytes()),
        "/latin1" => {
            // The server names the charset; the page says nothing of its own.
            let mut page = b"<html><body><p>Caf".to_vec();
            page.extend([0xE9, b' ', 0xE0, b' ', 0x80, b'4']);
            page.extend(b" a cup.</p></body></html>");
            send(stream, "200 OK", "text/html; charset=ISO-8859-1", &page)
        }
        "/windows-1252-meta" => {
            let mut page =
                b"<html><head><meta charset=\"windows-1252\"></head><body><p>na".to_vec();
            page.extend([0xEF, b'v', b'e', b' ', 0x93]);
            page.extend(b"quote");
            page.push(0x94);
            page.extend(b"</p></body></html>");
            send(stream, "200 OK", "text/html", &page)
        }
        "/report.pdf" => send(stream, "200 OK", "application/pdf", b"%PDF-1.7\n"),
        "/photo" => send(stream, "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        "/missing" => send(stream, "404 Not Found", html, b"<p>Not here</p>"),
        "/broken" => send(stream, "500 Internal Server Error", html, b"<p>Oops</p>"),
        "/loop" => redirect(stream, "/loop"),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(5));
            send(stream, "200 OK", html, ARTICLE.as_bytes())
        }
        "/huge" => huge(stream, true),
        "/huge-unannounced" => huge(stream, false),
        _ => match path.strip_prefix("/redirect/").map(str::parse::<u32>) {
            Some(Ok(0)) => redirect(stream, "/article.html"),
            Some(Ok(n)) => redirect(stream, &format!("/redirect/{}", n - 1)),
            _ => send(stream, "404 Not Found", html, b"<p>Not here</p>"),
        },
    }
}

fn send(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
) -> std::io::Result<()> {
    let content_type = if content_type.is_empty() {
        String::new()
    } else {
        format!("Content-Type: {content_type}\r\n")
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\n{content_type}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(body)?;
    stream.flush()
}

fn redirect(stream: &mut TcpStream, to: &str) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    stream.flush()
}

/// A page of 4 MB: with its length announced, or sent without one (the size only shows while
/// reading). The reader gives up long before the end, so a failed write is expected.
fn huge(stream: &mut TcpStream, announced: bool) -> std::io::Result<()> {
    let size = 4 * 1024 * 1024;
    let length = if announced {
        format!("Content-Length: {size}\r\n")
    } else {
        String::new()
    };
    write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{length}Connection: close\r\n\r\n<p>"
    )?;
    let chunk = vec![b'a'; 64 * 1024];
    for _ in 0..size / chunk.len() {
        stream.write_all(&chunk)?;
    }
    stream.flush()
}

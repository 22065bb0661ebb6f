//! One GET over HTTP(S) with ureq, within limits: a timeout for the whole exchange, at most
//! [`MAX_REDIRECTS`] redirects, a body no larger than the import size limit, and only web
//! pages or plain text; every failure becomes a [`FetchError`] naming the address.

use std::time::Duration;

use ureq::tls::{RootCerts, TlsConfig};

use super::FetchError;

/// Redirects followed before giving up (browsers allow about 20; a page that needs more than
/// 10 is looping).
pub const MAX_REDIRECTS: u32 = 10;

/// What the server sent: the body and what it says it is.
#[derive(Debug)]
pub struct FetchedBody {
    pub bytes: Vec<u8>,
    /// `text/html`, `text/plain`, … lower-cased, without parameters.
    pub media_type: String,
    /// The `charset=` parameter of the Content-Type, if any.
    pub charset: Option<String>,
}

/// Fetches `address` (already checked to be http or https).
pub fn get(address: &str, timeout: Duration, size_limit: u64) -> Result<FetchedBody, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!("copydesk/", env!("CARGO_PKG_VERSION")))
        .accept("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
        // The system's certificates, as a browser on this machine would trust.
        .tls_config(
            TlsConfig::builder()
                .root_certs(RootCerts::PlatformVerifier)
                .build(),
        )
        .build()
        .into();
    let failed = |error| error_from_ureq(address, error, timeout, size_limit);
    let response = agent.get(address).call().map_err(failed)?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            address: address.to_owned(),
            status: status.as_u16(),
            reason: status
                .canonical_reason()
                .map(|r| format!(" {r}"))
                .unwrap_or_default(),
        });
    }
    let content_type = response
        .headers()
        .get(ureq::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let (media_type, charset) = parse_content_type(&content_type);
    if !is_a_web_page(&media_type) {
        return Err(FetchError::NotAWebPage {
            address: address.to_owned(),
            content_type: describe_media_type(&media_type),
        });
    }
    if let Some(length) = response.body().content_length()
        && length > size_limit
    {
        return Err(FetchError::TooLarge {
            address: address.to_owned(),
            limit: size_limit,
        });
    }
    let bytes = response
        .into_body()
        .with_config()
        .limit(size_limit)
        .read_to_vec()
        .map_err(failed)?;
    Ok(FetchedBody {
        bytes,
        media_type,
        charset,
    })
}

/// A page with no Content-Type is taken as HTML, as browsers do; anything that says it is not
/// text (PDF, images, video, JSON, …) is refused.
fn is_a_web_page(media_type: &str) -> bool {
    matches!(
        media_type,
        "" | "text/html" | "application/xhtml+xml" | "text/plain"
    )
}

fn describe_media_type(media_type: &str) -> String {
    match media_type {
        "application/pdf" => "a PDF document".to_owned(),
        t if t.starts_with("image/") => format!("an image ({t})"),
        t if t.starts_with("video/") => format!("a video ({t})"),
        t if t.starts_with("audio/") => format!("audio ({t})"),
        t => t.to_owned(),
    }
}

/// `text/html; charset=ISO-8859-1` → (`text/html`, `Some("iso-8859-1")`).
pub fn parse_content_type(header: &str) -> (String, Option<String>) {
    let mut parts = header.split(';');
    let media_type = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|part| {
        let (name, value) = part.split_once('=')?;
        (name.trim().eq_ignore_ascii_case("charset"))
            .then(|| value.trim().trim_matches(['"', '\'']).to_ascii_lowercase())
    });
    (media_type, charset.filter(|c| !c.is_empty()))
}

fn error_from_ureq(
    address: &str,
    error: ureq::Error,
    timeout: Duration,
    size_limit: u64,
) -> FetchError {
    let address = address.to_owned();
    match error {
        ureq::Error::HostNotFound => FetchError::HostNotFound { address },
        ureq::Error::ConnectionFailed => FetchError::ConnectionFailed {
            address,
            detail: "no connection".to_owned(),
        },
        ureq::Error::Timeout(_) => FetchError::TimedOut {
            address,
            waited: seconds_text(timeout),
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            address,
            limit: size_limit,
        },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            address,
            limit: MAX_REDIRECTS,
        },
        ureq::Error::Tls(detail) => FetchError::Tls {
            address,
            detail: detail.to_owned(),
        },
        ureq::Error::Rustls(error) => FetchError::Tls {
            address,
            detail: error.to_string(),
        },
        ureq::Error::Io(error) => io_error(address, &error),
        other => FetchError::Other {
            address,
            detail: other.to_string(),
        },
    }
}

fn seconds_text(duration: Duration) -> String {
    let seconds = duration.as_secs_f64();
    if seconds == 1.0 {
        "1 second".to_owned()
    } else {
        format!("{seconds} seconds")
    }
}

fn io_error(address: String, error: &std::io::Error) -> FetchError {
    use std::io::ErrorKind;
    let detail = error.to_string();
    match error.kind() {
        ErrorKind::ConnectionRefused
        | ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::NetworkUnreachable
        | ErrorKind::HostUnreachable
        | ErrorKind::AddrNotAvailable => FetchError::ConnectionFailed { address, detail },
        // rustls reports a failed handshake (a certificate not trusted, a server that does
        // not speak TLS) through the stream, as data it could not accept.
        ErrorKind::InvalidData if address.starts_with("https:") => {
            FetchError::Tls { address, detail }
        }
        _ => FetchError::Other { address, detail },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_are_read_with_their_charset() {
        assert_eq!(
            parse_content_type("text/HTML; Charset=\"ISO-8859-1\""),
            ("text/html".to_owned(), Some("iso-8859-1".to_owned()))
        );
        assert_eq!(parse_content_type(""), (String::new(), None));
        assert!(is_a_web_page("text/plain"));
        assert!(!is_a_web_page("application/pdf"));
        assert_eq!(describe_media_type("image/png"), "an image (image/png)");
        assert_eq!(seconds_text(Duration::from_secs(30)), "30 seconds");
        assert_eq!(seconds_text(Duration::from_millis(1500)), "1.5 seconds");
    }
}

//! Importing a draft straight from a web address: fetch the page (`http`), decode it as a
//! browser would (the server's charset, else what the page says), import it as a saved page
//! would be, and keep the address and the time in the draft's record, so a fact-check says
//! which version of a published page was checked.
//!
//! Fetching blocks; the desk runs it as a background task and the command line waits for it.

mod error;
mod http;

use std::path::Path;
use std::time::Duration;

use jiff::Timestamp;

pub use error::FetchError;
pub use http::MAX_REDIRECTS;

use crate::import::{MAX_ARTICLE_BYTES, import_bytes, sha256_hex};
use crate::model::{DraftFormat, Fetched, Project};

/// How long a whole fetch may take before it is given up.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The limits a fetch works within; tests shorten them.
#[derive(Clone, Copy, Debug)]
pub struct FetchLimits {
    pub timeout: Duration,
    /// The largest page accepted, in bytes (the import's own limit).
    pub size_limit: u64,
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self {
            timeout: DEFAULT_TIMEOUT,
            size_limit: MAX_ARTICLE_BYTES,
        }
    }
}

/// Whether `text` is a web address copydesk fetches (http or https), rather than a file path.
pub fn is_web_address(text: &str) -> bool {
    let text = text.trim();
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !text.contains(char::is_whitespace)
}

/// Fetches the page at `address` and imports it; `now` is the time it is taken as fetched and
/// imported.
pub fn import_from_address(
    address: &str,
    limits: FetchLimits,
    now: Timestamp,
) -> Result<Project, FetchError> {
    let address = address.trim();
    if !is_web_address(address) {
        return Err(FetchError::NotAnAddress {
            address: address.to_owned(),
        });
    }
    let body = http::get(address, limits.timeout, limits.size_limit)?;
    let format = if body.media_type == "text/plain" {
        DraftFormat::PlainText
    } else {
        DraftFormat::Html
    };
    let bytes = utf8_from_declared_charset(&body.bytes, body.charset.as_deref(), format);
    // The address names the page in messages; its last part is the draft's file name.
    let mut project = import_bytes(Path::new(address), &bytes, format, now)?;
    project.draft.sha256 = sha256_hex(&body.bytes);
    project.draft.fetched = Some(Fetched {
        address: address.to_owned(),
        at: now,
    });
    Ok(project)
}

/// A page whose server names its charset is read in that charset, as browsers do (the server's
/// word comes before the page's own `<meta charset>`): it is re-encoded as UTF-8, and a web
/// page gets a UTF-8 byte-order mark so the HTML import reads it as such. Without a charset, or
/// with one no browser knows, the bytes go to the import as they came.
fn utf8_from_declared_charset(bytes: &[u8], charset: Option<&str>, format: DraftFormat) -> Vec<u8> {
    let encoding = charset.and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    let Some(encoding) = encoding else {
        return bytes.to_vec();
    };
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return bytes.to_vec();
    }
    let (text, _, _) = encoding.decode(bytes);
    let mut utf8 = Vec::with_capacity(text.len() + 3);
    if format == DraftFormat::Html {
        utf8.extend_from_slice(b"\xEF\xBB\xBF");
    }
    utf8.extend_from_slice(text.as_bytes());
    utf8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_told_from_paths() {
        assert!(is_web_address("https://example.com/story"));
        assert!(is_web_address(" HTTP://example.com "));
        assert!(!is_web_address("story.html"));
        assert!(!is_web_address("ftp://example.com/story"));
        assert!(!is_web_address("https://exa mple.com"));
    }

    #[test]
    fn the_servers_charset_is_read_before_the_pages() {
        let page = b"<meta charset=\"utf-8\"><p>Caf\xE9</p>";
        let bytes = utf8_from_declared_charset(page, Some("iso-8859-1"), DraftFormat::Html);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        assert!(String::from_utf8(bytes).unwrap().contains("Café"));
        let plain = utf8_from_declared_charset(b"na\xEFve", Some("latin1"), DraftFormat::PlainText);
        assert_eq!(plain, "naïve".as_bytes());
        assert_eq!(
            utf8_from_declared_charset(b"x\xff", None, DraftFormat::Html),
            b"x\xff"
        );
    }
}

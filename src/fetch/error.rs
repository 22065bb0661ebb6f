//! Why a page could not be imported from its web address: one variant per way fetching fails,
//! each message naming the address, so a fact-checker knows what to try next.

use thiserror::Error;

use crate::import::ImportError;

#[derive(Debug, Error)]
pub enum FetchError {
    #[error("{address}: not a web address (it must start with http:// or https://)")]
    NotAnAddress { address: String },
    #[error("{address}: the server's name was not found (offline, or a mistyped address?)")]
    HostNotFound { address: String },
    #[error("{address}: could not connect to the server (refused, or offline): {detail}")]
    ConnectionFailed { address: String, detail: String },
    #[error("{address}: the server did not answer within {waited}")]
    TimedOut {
        address: String,
        /// "30 seconds", "1.5 seconds".
        waited: String,
    },
    #[error("{address}: the server answered {status}{reason}")]
    Status {
        address: String,
        status: u16,
        /// " Not Found", " Internal Server Error", … or nothing for an unusual status.
        reason: String,
    },
    #[error(
        "{address}: this is {content_type}, not a web page; copydesk imports web pages (HTML) and plain text"
    )]
    NotAWebPage {
        address: String,
        content_type: String,
    },
    #[error("{address}: the page is too large (over {limit} bytes)")]
    TooLarge { address: String, limit: u64 },
    #[error("{address}: the secure connection failed (TLS): {detail}")]
    Tls { address: String, detail: String },
    #[error("{address}: too many redirects (more than {limit})")]
    TooManyRedirects { address: String, limit: u32 },
    #[error("{address}: the page could not be fetched: {detail}")]
    Other { address: String, detail: String },
    /// The page came, but does not import (no text, a page nested too deeply, …).
    #[error(transparent)]
    Import(#[from] ImportError),
}

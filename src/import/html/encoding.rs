//! The page's encoding: a saved web page says its charset in its first bytes, or says nothing
//! and is read as a browser reads it, so pages from older sites import with their accents and
//! currency signs intact.

use std::path::Path;

use crate::import::ImportError;
use crate::import::decode::{text_from_bytes, text_with_content};

/// Decodes a web page the way a browser does when it opens a saved file: a byte-order mark,
/// else the `<meta charset>` in its first kilobyte, else UTF-8 when the bytes are UTF-8, else
/// windows-1252 (what HTML assumes for a page that does not say). Old CMS exports and pages
/// saved from older sites are often windows-1252 or ISO-8859-1.
pub(in crate::import) fn text_from_page_bytes(
    path: &Path,
    bytes: &[u8],
) -> Result<String, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let declared = encoding_rs::Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| declared_charset(bytes));
    if declared.is_none() && std::str::from_utf8(bytes).is_ok() {
        return text_from_bytes(path, bytes);
    }
    let encoding = declared.unwrap_or(encoding_rs::WINDOWS_1252);
    if encoding == encoding_rs::UTF_8 {
        return text_from_bytes(path, bytes);
    }
    let (text, _, _) = encoding.decode(bytes);
    text_with_content(path, text.into_owned())
}

/// The encoding a page names in `<meta charset="…">` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` within its first kilobyte. A page cannot truly be UTF-16 if it says
/// so in ASCII: that is read as UTF-8, as browsers do.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower
        .get(at..)?
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    let encoding = encoding_rs::Encoding::for_label(&label)?;
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            encoding
        },
    )
}

#[cfg(test)]
mod tests {
    use crate::import::ImportError;
    use crate::import::tests::import;

    #[test]
    fn web_pages_in_older_encodings_are_decoded() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>Caf".to_vec();
        page.extend([0xE9, b' ', 0x80, b'4']);
        page.extend(b"</p></body></html>");
        let project = import("page.html", &page).unwrap();
        // ISO-8859-1 is read as windows-1252, as browsers do: 0x80 is the euro sign.
        assert_eq!(project.sections[0].text, "Café €4");

        // No declaration and not UTF-8: windows-1252.
        let mut undeclared = b"<p>na".to_vec();
        undeclared.extend([0xEF, b'v', b'e', 0x93, b'!', 0x94]);
        let project = import("page.htm", &undeclared).unwrap();
        assert_eq!(project.sections[0].text, "naïve“!”");

        // UTF-8 stays UTF-8, declared or not.
        let project = import(
            "page.html",
            "<meta charset=utf-8><p>Ça va – 4 000 €</p>".as_bytes(),
        )
        .unwrap();
        assert_eq!(project.sections[0].text, "Ça va – 4 000 €");
        assert!(matches!(
            import("page.html", b"<p>\0\0\0\x01\x02binary"),
            Err(ImportError::Binary { .. })
        ));
    }
}

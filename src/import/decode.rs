//! Decoding a draft's bytes into text, and refusing what is not text: a byte-order mark says
//! UTF-8 or UTF-16, anything else must be UTF-8; binary data, an empty file and a file of only
//! white space get their own errors. Web pages decode through `html`'s encoding rules, which end
//! here too.

use std::path::Path;

use super::ImportError;

/// Decodes a draft's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with one.
pub(super) fn text_from_bytes(path: &Path, bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_owned(),
        });
    }
    let utf16 = |bytes: &[u8], from: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| from([c[0], c[1]])).collect();
        String::from_utf16(&units).ok()
    };
    let decoded = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        std::str::from_utf8(rest)
            .map(str::to_owned)
            .map_err(|e| e.valid_up_to() + 3)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes).ok_or(0)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes).ok_or(0)
    } else {
        if looks_binary(bytes) {
            return Err(ImportError::Binary {
                path: path.to_owned(),
            });
        }
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|e| e.valid_up_to())
    };
    let text = decoded.map_err(|bad_byte| ImportError::NotUtf8 {
        path: path.to_owned(),
        line: 1 + bytes[..bad_byte.min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
    })?;
    text_with_content(path, text)
}

/// Decoded text, refused when it is binary data after all or only white space.
pub(super) fn text_with_content(path: &Path, text: String) -> Result<String, ImportError> {
    if looks_binary(text.as_bytes()) {
        return Err(ImportError::Binary {
            path: path.to_owned(),
        });
    }
    if text.trim().is_empty() {
        return Err(ImportError::OnlyWhitespace {
            path: path.to_owned(),
        });
    }
    Ok(text)
}

/// Binary data: a NUL byte, or many control characters that text never holds.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 100 > sample.len()
}

#[cfg(test)]
mod tests {
    use crate::import::tests::import;

    #[test]
    fn byte_order_marks_are_understood() {
        let project = import("bom.txt", "\u{feff}Héllo.".as_bytes()).unwrap();
        assert_eq!(project.sections[0].text, "Héllo.");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Ça va.".encode_utf16().flat_map(u16::to_le_bytes));
        let project = import("utf16.txt", &utf16).unwrap();
        assert_eq!(project.sections[0].text, "Ça va.");
    }
}

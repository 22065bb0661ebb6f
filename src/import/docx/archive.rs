//! The zip container of a .docx, opened defensively.
//!
//! A .docx is a zip archive, and a zip archive can lie: its directory may declare tiny
//! sizes for entries that inflate to gigabytes, hold millions of entries, or be cut short.
//! Every limit is checked twice — against the directory before anything is inflated, and
//! again while inflating, through a reader that stops one byte past the cap — so a
//! hostile file fails fast with bounded memory whatever it declares.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::DocxError;

/// How much a .docx may unpack to. A long book is a few MiB of `document.xml`; these bounds
/// are generous for real documents and small enough that a zip bomb cannot exhaust memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Entries in the archive (Word writes a few dozen; images add one each).
    pub max_entries: usize,
    /// Unpacked size of `word/document.xml`.
    pub max_document_bytes: u64,
    /// Unpacked size of each other part read (styles, numbering, notes, comments).
    pub max_part_bytes: u64,
    /// Unpacked size of all parts read, together.
    pub max_total_bytes: u64,
    /// How many times larger than its compressed size a part may unpack to…
    pub max_compression_ratio: u64,
    /// …once it is larger than this (small XML files legitimately compress very well).
    pub ratio_checked_above_bytes: u64,
    /// How deeply XML elements may nest (Word's deepest real nesting is a few dozen).
    pub max_xml_depth: usize,
    /// Elements kept from one XML part (bounds the memory of the parsed tree: a few
    /// hundred bytes each). A long book has a few hundred thousand.
    pub max_xml_elements: usize,
    /// Attributes kept from one XML part, all told.
    pub max_xml_attributes: usize,
    /// Text the importer produces from the document, all told (notes, list markers and
    /// tracked changes included): bounds what a small file can amplify into.
    pub max_text_bytes: u64,
}

const MIB: u64 = 1024 * 1024;

impl Limits {
    pub const DEFAULT: Self = Self {
        max_entries: 10_000,
        max_document_bytes: 64 * MIB,
        max_part_bytes: 16 * MIB,
        max_total_bytes: 256 * MIB,
        max_compression_ratio: 200,
        ratio_checked_above_bytes: MIB,
        max_xml_depth: 256,
        max_xml_elements: 1_000_000,
        max_xml_attributes: 2_000_000,
        max_text_bytes: 128 * MIB,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The first bytes of an OLE compound file: a Word 97–2003 .doc, or a password-protected
/// .docx (Word wraps encrypted documents in one).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const END_OF_DIRECTORY: [u8; 4] = *b"PK\x05\x06";

pub struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    unpacked_so_far: u64,
}

impl std::fmt::Debug for Archive<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("entries", &self.zip.len())
            .finish_non_exhaustive()
    }
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8], limits: Limits) -> Result<Self, DocxError> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(DocxError::OldWordOrEncrypted);
        }
        if !bytes.starts_with(b"PK") {
            return Err(DocxError::NotAZip);
        }
        // The directory's own entry count, read before the zip crate parses (and allocates
        // for) every entry of a directory that may claim millions.
        let declared = declared_entry_count(bytes).ok_or_else(|| {
            DocxError::Damaged("the zip archive is truncated: its directory is missing".into())
        })?;
        if declared > limits.max_entries {
            return Err(DocxError::TooManyEntries {
                count: declared,
                limit: limits.max_entries,
            });
        }
        let zip =
            ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged_from_zip_error("", &e))?;
        if zip.len() > limits.max_entries {
            return Err(DocxError::TooManyEntries {
                count: zip.len(),
                limit: limits.max_entries,
            });
        }
        // Two entries of one name: which copy a reader takes is arbitrary, so the file is
        // refused rather than read from either.
        if zip.has_duplicate_names() {
            return Err(DocxError::Damaged(
                "the zip archive holds two parts of the same name".to_owned(),
            ));
        }
        Ok(Self {
            zip,
            limits,
            unpacked_so_far: 0,
        })
    }

    /// The unpacked bytes of the part named `name`, or `None` when the archive has none.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let cap = if name == "word/document.xml" {
            self.limits.max_document_bytes
        } else {
            self.limits.max_part_bytes
        };
        let limits = self.limits;
        let too_large = || DocxError::TooLarge {
            part: name.to_owned(),
            limit_mib: cap / MIB,
        };
        let bomb = || DocxError::CompressionBomb {
            part: name.to_owned(),
            ratio: limits.max_compression_ratio,
        };
        let total_too_large = || DocxError::TotalTooLarge {
            limit_mib: limits.max_total_bytes / MIB,
        };
        let mut entry = self
            .zip
            .by_index(index)
            .map_err(|e| damaged_from_zip_error(name, &e))?;
        if entry.encrypted() {
            return Err(DocxError::Encrypted);
        }
        // What the directory declares, checked before inflating anything.
        let declared = entry.size();
        let compressed = entry.compressed_size().max(1);
        if declared > cap {
            return Err(too_large());
        }
        if declared > limits.ratio_checked_above_bytes
            && declared / compressed > limits.max_compression_ratio
        {
            return Err(bomb());
        }
        if self.unpacked_so_far.saturating_add(declared) > limits.max_total_bytes {
            return Err(total_too_large());
        }
        // What the data really inflates to, checked as it comes: the declaration may lie.
        let mut bytes = Vec::with_capacity(usize::try_from(declared.min(MIB)).unwrap_or(0));
        let mut reader = (&mut entry).take(cap.saturating_add(1));
        let mut chunk = vec![0_u8; 64 * 1024];
        loop {
            let read = reader
                .read(&mut chunk)
                .map_err(|e| damaged_from_io_error(name, &e))?;
            let Some(piece) = chunk.get(..read) else {
                break;
            };
            if piece.is_empty() {
                break;
            }
            bytes.extend_from_slice(piece);
            let unpacked = bytes.len() as u64;
            if unpacked > cap {
                return Err(too_large());
            }
            if unpacked > limits.ratio_checked_above_bytes
                && unpacked / compressed > limits.max_compression_ratio
            {
                return Err(bomb());
            }
            if self.unpacked_so_far.saturating_add(unpacked) > limits.max_total_bytes {
                return Err(total_too_large());
            }
        }
        self.unpacked_so_far = self.unpacked_so_far.saturating_add(bytes.len() as u64);
        Ok(Some(bytes))
    }
}

/// The entry count in the end-of-central-directory record (0xFFFF stands for "see the
/// ZIP64 record", which is over any limit we set anyway); `None` when there is no record.
fn declared_entry_count(bytes: &[u8]) -> Option<usize> {
    // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
    let search_from = bytes.len().saturating_sub(22 + 65_535);
    let tail = bytes.get(search_from..)?;
    let at = tail
        .windows(4)
        .rposition(|window| window == END_OF_DIRECTORY)?;
    let record = tail.get(at..)?;
    let total = record.get(10..12)?;
    Some(usize::from(u16::from_le_bytes([
        *total.first()?,
        *total.get(1)?,
    ])))
}

fn damaged_from_zip_error(part: &str, error: &ZipError) -> DocxError {
    match error {
        ZipError::Io(io) => damaged_from_io_error(part, io),
        ZipError::UnsupportedArchive(what) if what.to_lowercase().contains("password") => {
            DocxError::Encrypted
        }
        ZipError::CompressionMethodNotSupported(_) | ZipError::UnsupportedArchive(_) => {
            DocxError::Damaged(format!(
                "{} uses a kind of zip compression copydesk cannot read",
                part_or_archive(part)
            ))
        }
        _ => DocxError::Damaged(format!("{} is corrupt", part_or_archive(part))),
    }
}

fn damaged_from_io_error(part: &str, error: &std::io::Error) -> DocxError {
    if error.kind() == std::io::ErrorKind::UnexpectedEof {
        DocxError::Damaged(format!(
            "the zip archive is truncated: {} is cut short",
            part_or_archive(part)
        ))
    } else {
        DocxError::Damaged(format!("{} is corrupt", part_or_archive(part)))
    }
}

fn part_or_archive(part: &str) -> String {
    if part.is_empty() {
        "the zip archive".to_owned()
    } else {
        part.to_owned()
    }
}

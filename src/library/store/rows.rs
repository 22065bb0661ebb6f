//! A review's claims in and out of the index's rows: written, replaced and dropped together
//! with their full-text entries, and read back as [`LibraryClaim`]s.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use crate::library::record::LibraryClaim;
use crate::model::{ClaimId, ClaimStatus};

/// The columns [`claim_from_row`] reads, in its order (`claims` as `c`, `reviews` as `r`).
pub const CLAIM_COLUMNS: &str = "r.path, c.claim, r.article, c.quote, c.sentence, c.status, c.sources, c.note, c.checked_by, c.checked_at";

/// A review as the index records it.
#[derive(Debug)]
pub struct ReviewRow<'a> {
    pub path: &'a Path,
    /// The content hash, as hex; empty when the file's bytes are not known (a review added
    /// from the desk), so the next update reads the file again.
    pub hash: String,
    pub article: &'a str,
    pub size: u64,
}

/// Puts a review and its claims in, replacing what the index had for its path: never a
/// claim twice, and nothing stale.
pub fn replace_review(
    connection: &Connection,
    review: &ReviewRow<'_>,
    claims: &[LibraryClaim],
) -> rusqlite::Result<()> {
    let path = text_from_path(review.path);
    drop_review(connection, &path)?;
    connection.execute(
        "INSERT INTO reviews (path, hash, article, size) VALUES (?1, ?2, ?3, ?4)",
        params![
            path,
            review.hash,
            review.article,
            i64::try_from(review.size).unwrap_or(i64::MAX)
        ],
    )?;
    let review_id = connection.last_insert_rowid();
    let mut claim_row = connection.prepare(
        "INSERT INTO claims (review, claim, quote, sentence, status, sources, note, checked_by, checked_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut text_row = connection.prepare(
        "INSERT INTO claims_text (rowid, sentence, quote, note, article) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for claim in claims {
        let sources = serde_json::to_string(&claim.sources)
            .map_err(|error| rusqlite::Error::ToSqlConversionFailure(Box::new(error)))?;
        claim_row.execute(params![
            review_id,
            claim.claim.as_str(),
            claim.quote,
            claim.sentence,
            claim.status.key(),
            sources,
            claim.note,
            claim.checked_by,
            claim.checked_at.to_string(),
        ])?;
        text_row.execute(params![
            connection.last_insert_rowid(),
            claim.sentence,
            claim.quote,
            claim.note,
            review.article
        ])?;
    }
    Ok(())
}

/// Drops a review and its claims; whether there was one.
pub fn drop_review(connection: &Connection, path: &str) -> rusqlite::Result<bool> {
    let Some(review_id): Option<i64> = connection
        .query_row("SELECT id FROM reviews WHERE path = ?1", [path], |row| {
            row.get(0)
        })
        .optional()?
    else {
        return Ok(false);
    };
    // An external-content index forgets a row only when told the very values it indexed,
    // which the claims and their review's title still hold at this point.
    connection.execute(
        "INSERT INTO claims_text (claims_text, rowid, sentence, quote, note, article)
         SELECT 'delete', id, sentence, quote, note, article FROM claims_content
         WHERE id IN (SELECT id FROM claims WHERE review = ?1)",
        [review_id],
    )?;
    connection.execute("DELETE FROM claims WHERE review = ?1", [review_id])?;
    connection.execute("DELETE FROM reviews WHERE id = ?1", [review_id])?;
    Ok(true)
}

/// A claim read from a row of [`CLAIM_COLUMNS`].
pub fn claim_from_row(row: &Row<'_>) -> rusqlite::Result<LibraryClaim> {
    let conversion = |index: usize, error: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, error)
    };
    let status_key: String = row.get(5)?;
    let status = ClaimStatus::ALL
        .into_iter()
        .find(|status| status.key() == status_key)
        .ok_or_else(|| conversion(5, format!("unknown status “{status_key}”").into()))?;
    let sources: String = row.get(6)?;
    let sources = serde_json::from_str(&sources).map_err(|error| conversion(6, error.into()))?;
    let checked_at: String = row.get(9)?;
    let checked_at: Timestamp = checked_at
        .parse()
        .map_err(|error: jiff::Error| conversion(9, error.into()))?;
    Ok(LibraryClaim {
        review: PathBuf::from(row.get::<_, String>(0)?),
        claim: ClaimId::from_text(row.get::<_, String>(1)?),
        article: row.get(2)?,
        quote: row.get(3)?,
        sentence: row.get(4)?,
        status,
        sources,
        note: row.get(7)?,
        checked_by: row.get(8)?,
        checked_at,
    })
}

/// How a path is kept in the index (paths are compared as this text).
pub fn text_from_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

//! Bringing the index up to date with the review files: the folders walked, the files read
//! on two threads (`scan`), and what they said written here, on the library's one
//! connection, a transaction per batch of files, so a cancelled or failed update keeps what
//! it had committed and never half a review.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::PathBuf;

use rusqlite::Transaction;

use super::rows::{ReviewRow, drop_review, replace_review, text_from_path};
use super::schema::REBUILT_KEY;
use super::{Library, LibraryError, database_error};
use crate::library::scan::{
    ReadReview, SkippedReview, UpdateReport, read_reviews, review_files_in,
};
use crate::progress::Progress;
use crate::storage::ContentHash;

/// Files written per transaction: few enough that a cancelled update keeps most of its
/// work, many enough that committing (a sync to disk) costs little.
const FILES_PER_TRANSACTION: usize = 64;

impl Library {
    /// Reads every review (`*.copydesk.ron`, `*.ron` that is a project) in the folders, and
    /// the reviews added from the desk while their files exist, parsing only those whose
    /// content hash changed since last time; counts one unit of `progress` per file and stops
    /// early once it is cancelled. A file that cannot be read is named in `skipped` and keeps
    /// nothing in the index; a file gone is dropped (`removed`).
    pub fn update(&mut self, progress: &Progress) -> Result<UpdateReport, LibraryError> {
        let mut report = UpdateReport {
            rebuilt: self.meta(REBUILT_KEY)?.is_some(),
            ..UpdateReport::default()
        };
        progress.begin_phase(0, 1, 0);
        let folders = self.folders()?;
        let found = review_files_in(&folders);
        report
            .skipped
            .extend(found.unreadable_folders.iter().cloned());
        let known = self.known_hashes()?;

        // Reviews added from the desk, outside the folders, are read again while they exist.
        let in_folders: HashSet<&PathBuf> = found.files.iter().collect();
        let mut files = found.files.clone();
        let mut gone = Vec::new();
        for path in known.keys().filter(|path| !in_folders.contains(path)) {
            if found.is_in_unreadable_folder(path) {
                continue;
            }
            if path.is_file() {
                files.push(path.clone());
            } else {
                gone.push(path.clone());
            }
        }
        let connection_path = self.path.clone();
        let database = |source| database_error(&connection_path, source);
        {
            let transaction = self.connection.transaction().map_err(database)?;
            for path in &gone {
                if drop_review(&transaction, &text_from_path(path)).map_err(database)? {
                    report.removed += 1;
                }
            }
            transaction.commit().map_err(database)?;
        }

        progress.begin_phase(0, 1, files.len());
        let mut batch: Vec<ReadReview> = Vec::with_capacity(FILES_PER_TRANSACTION);
        let mut failure = None;
        read_reviews(&files, &known, progress, |read| {
            batch.push(read);
            if batch.len() < FILES_PER_TRANSACTION {
                return ControlFlow::Continue(());
            }
            match self.write_batch(&mut batch, &mut report) {
                Ok(()) => ControlFlow::Continue(()),
                Err(error) => {
                    failure = Some(error);
                    ControlFlow::Break(())
                }
            }
        });
        if let Some(error) = failure {
            return Err(database(error));
        }
        self.write_batch(&mut batch, &mut report)
            .map_err(database)?;
        if !progress.is_cancelled() {
            self.connection
                .execute("DELETE FROM meta WHERE key = ?1", [REBUILT_KEY])
                .map_err(database)?;
        }
        report.claims = usize::try_from(
            self.connection
                .query_row("SELECT count(*) FROM claims", [], |row| {
                    row.get::<_, i64>(0)
                })
                .map_err(database)?,
        )
        .unwrap_or(0);
        report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(report)
    }

    /// Writes what a batch of files gave, in one transaction, and counts it into `report`.
    fn write_batch(
        &mut self,
        batch: &mut Vec<ReadReview>,
        report: &mut UpdateReport,
    ) -> rusqlite::Result<()> {
        let transaction = self.connection.transaction()?;
        for read in batch.drain(..) {
            write_one(&transaction, read, report)?;
        }
        transaction.commit()
    }

    /// The content hash of each review indexed, by path.
    fn known_hashes(&self) -> Result<HashMap<PathBuf, ContentHash>, LibraryError> {
        let mut statement = self
            .connection
            .prepare("SELECT path, hash FROM reviews")
            .map_err(|source| self.database(source))?;
        let rows: Vec<(String, String)> = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .and_then(Iterator::collect)
            .map_err(|source| self.database(source))?;
        // A review added from the desk without its file's bytes has no hash: it is read.
        Ok(rows
            .into_iter()
            .filter_map(|(path, hash)| Some((PathBuf::from(path), ContentHash::from_hex(&hash)?)))
            .collect())
    }

    fn meta(&self, key: &str) -> Result<Option<String>, LibraryError> {
        use rusqlite::OptionalExtension as _;
        self.connection
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()
            .map_err(|source| self.database(source))
    }
}

fn write_one(
    transaction: &Transaction<'_>,
    read: ReadReview,
    report: &mut UpdateReport,
) -> rusqlite::Result<()> {
    match read {
        ReadReview::Unchanged { .. } => report.unchanged += 1,
        ReadReview::Read(review) => {
            let row = ReviewRow {
                path: &review.path,
                hash: review.hash.hex(),
                article: &review.article,
                size: review.size,
            };
            replace_review(transaction, &row, &review.claims)?;
            report.indexed += 1;
        }
        ReadReview::Unreadable { path, reason } => {
            // What the file said before it was damaged is not what it says now.
            drop_review(transaction, &text_from_path(&path))?;
            report.skipped.push(SkippedReview { path, reason });
        }
    }
    Ok(())
}

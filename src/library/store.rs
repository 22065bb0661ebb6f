//! The claim library's index: one SQLite file in the data folder (`library/claims.sqlite`),
//! with FTS5 for searching the claims' words.
//!
//! SQLite rather than a search engine of its own (tantivy): the library is one file beside the
//! backups; a transaction makes each review's update all-or-nothing, so a crash never leaves a
//! review half indexed; FTS5 ranks with bm25; `PRAGMA quick_check` tells a damaged file, which
//! is set aside and rebuilt from the review files (`schema`). Folders and reviews are kept by
//! path, each review with the content hash of the bytes last read, so an update parses only
//! the files that changed (`update`, reading with `super::scan`).

mod rows;
mod schema;
mod search;
#[cfg(test)]
mod tests;
mod update;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use self::rows::{CLAIM_COLUMNS, ReviewRow, claim_from_row, replace_review, text_from_path};
use super::matching::Matcher;
use super::record::{LibraryClaim, claims_of_project};
use crate::model::Project;
use crate::project_file::ron_from_project;
use crate::storage::ContentHash;

pub use schema::SCHEMA_VERSION;

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("the claim library {path} cannot be used: {reason}")]
    Unusable { path: PathBuf, reason: String },
    #[error("the claim library {path} cannot be used: {source}")]
    Database {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: there is no such folder to read reviews from")]
    NoSuchFolder { path: PathBuf },
    #[error("{path}: the library reads no such folder")]
    FolderNotInLibrary { path: PathBuf },
}

/// How much the library holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryStats {
    pub folders: Vec<PathBuf>,
    pub reviews: usize,
    pub claims: usize,
    /// Claims by status key (`verified`, `incorrect`, `unverifiable`, `in_progress`).
    pub by_status: Vec<(String, usize)>,
    /// The index's size on disk, in bytes.
    pub index_bytes: u64,
    /// The review files' size, in bytes, as last read: what the index's size is measured
    /// against.
    pub reviews_bytes: u64,
}

/// The claim library in the data folder.
#[derive(Debug)]
pub struct Library {
    path: PathBuf,
    connection: Connection,
}

impl Library {
    /// The library of the data folder (`DATA/library/`), created if there is none; a damaged
    /// index is rebuilt empty (the next `update` reads the files again).
    pub fn open_in(data_folder: &Path) -> Result<Self, LibraryError> {
        Self::open(&data_folder.join("library").join("claims.sqlite"))
    }

    /// The library in the index file `path`, created if there is none; a file that is not
    /// SQLite, is damaged or has another schema is renamed `….damaged` and the library starts
    /// empty, reported `rebuilt` by the next update.
    pub fn open(path: &Path) -> Result<Self, LibraryError> {
        Ok(Self {
            path: path.to_path_buf(),
            connection: schema::open_checked(path)?,
        })
    }

    /// The index file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folders the library reads reviews from.
    pub fn folders(&self) -> Result<Vec<PathBuf>, LibraryError> {
        let mut statement = self
            .connection
            .prepare("SELECT path FROM folders ORDER BY path")
            .map_err(|source| self.database(source))?;
        let folders = statement
            .query_map([], |row| row.get::<_, String>(0).map(PathBuf::from))
            .and_then(Iterator::collect)
            .map_err(|source| self.database(source))?;
        Ok(folders)
    }

    /// Remembers a folder to read reviews from (made absolute); `update` reads it. A folder
    /// that does not exist is an error naming it.
    pub fn add_folder(&mut self, folder: &Path) -> Result<(), LibraryError> {
        let absolute = std::fs::canonicalize(folder).map_err(|_| LibraryError::NoSuchFolder {
            path: folder.to_owned(),
        })?;
        if !absolute.is_dir() {
            return Err(LibraryError::NoSuchFolder {
                path: folder.to_owned(),
            });
        }
        self.connection
            .execute(
                "INSERT OR IGNORE INTO folders (path) VALUES (?1)",
                [text_from_path(&absolute)],
            )
            .map_err(|source| self.database(source))?;
        Ok(())
    }

    /// Forgets a folder, and the reviews read from it (those no other folder holds).
    pub fn remove_folder(&mut self, folder: &Path) -> Result<(), LibraryError> {
        let folders = self.folders()?;
        // A folder deleted since it was added is still named by its absolute path.
        let absolute = std::fs::canonicalize(folder)
            .or_else(|_| std::path::absolute(folder))
            .unwrap_or_else(|_| folder.to_owned());
        let Some(known) = folders
            .iter()
            .find(|known| **known == absolute || *known == folder)
            .cloned()
        else {
            return Err(LibraryError::FolderNotInLibrary {
                path: folder.to_owned(),
            });
        };
        let others: Vec<&PathBuf> = folders.iter().filter(|other| **other != known).collect();
        let reviews = self.review_paths()?;
        let path = self.path.clone();
        let database = |source| LibraryError::Database {
            path: path.clone(),
            source,
        };
        let transaction = self.connection.transaction().map_err(database)?;
        transaction
            .execute(
                "DELETE FROM folders WHERE path = ?1",
                [text_from_path(&known)],
            )
            .map_err(database)?;
        for review in reviews {
            if review.starts_with(&known) && !others.iter().any(|other| review.starts_with(other)) {
                rows::drop_review(&transaction, &text_from_path(&review)).map_err(database)?;
            }
        }
        transaction.commit().map_err(database)
    }

    /// Adds (or replaces) the claims of a review the user opened or saved; `path` may lie
    /// outside the folders (an update then reads it again while it exists).
    pub fn add_review(&mut self, path: &Path, project: &Project) -> Result<(), LibraryError> {
        let path = crate::storage::resolved_path(path);
        // A review saved by copydesk is these bytes, so the next update need not read it
        // again; an older file that was only opened has other bytes, and is read once more.
        let (hash, size) = ron_from_project(project).map_or((String::new(), 0), |text| {
            let size = u64::try_from(text.len()).unwrap_or(u64::MAX);
            (ContentHash::of(text.as_bytes()).hex(), size)
        });
        let review = ReviewRow {
            path: &path,
            hash,
            article: &project.title,
            size,
        };
        let claims = claims_of_project(project, &path);
        let transaction = self
            .connection
            .transaction()
            .map_err(|source| database_error(&self.path, source))?;
        replace_review(&transaction, &review, &claims)
            .and_then(|()| transaction.commit())
            .map_err(|source| database_error(&self.path, source))
    }

    /// The claims whose words match `text` (full-text search: every word, in any column), best
    /// first (bm25); none for a text without words.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<LibraryClaim>, LibraryError> {
        let Some(query) = search::match_query_from_words(text) else {
            return Ok(Vec::new());
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.claims_where(
            &format!(
                "SELECT {CLAIM_COLUMNS} FROM claims_text
                 JOIN claims c ON c.id = claims_text.rowid JOIN reviews r ON r.id = c.review
                 WHERE claims_text MATCH ?1 ORDER BY rank LIMIT ?2"
            ),
            rusqlite::params![query, limit],
        )
    }

    /// Every claim, by article then position.
    pub fn list(&self) -> Result<Vec<LibraryClaim>, LibraryError> {
        self.claims_where(
            &format!(
                "SELECT {CLAIM_COLUMNS} FROM claims c JOIN reviews r ON r.id = c.review
                 ORDER BY r.article, r.path, c.id"
            ),
            [],
        )
    }

    pub fn stats(&self) -> Result<LibraryStats, LibraryError> {
        let count = |sql: &str| -> Result<u64, LibraryError> {
            self.connection
                .query_row(sql, [], |row| row.get::<_, i64>(0))
                .map(|count| u64::try_from(count).unwrap_or(0))
                .map_err(|source| self.database(source))
        };
        let as_usize = |count: u64| usize::try_from(count).unwrap_or(usize::MAX);
        let mut statement = self
            .connection
            .prepare("SELECT status, count(*) FROM claims GROUP BY status ORDER BY status")
            .map_err(|source| self.database(source))?;
        let by_status = statement
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    usize::try_from(row.get::<_, i64>(1)?).unwrap_or(0),
                ))
            })
            .and_then(Iterator::collect)
            .map_err(|source| self.database(source))?;
        Ok(LibraryStats {
            folders: self.folders()?,
            reviews: as_usize(count("SELECT count(*) FROM reviews")?),
            claims: as_usize(count("SELECT count(*) FROM claims")?),
            by_status,
            index_bytes: count(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
            )?,
            reviews_bytes: count("SELECT coalesce(sum(size), 0) FROM reviews")?,
        })
    }

    /// Every claim loaded for matching.
    pub fn matcher(&self) -> Result<Matcher, LibraryError> {
        Ok(Matcher::new(self.list()?))
    }

    fn claims_where(
        &self,
        sql: &str,
        parameters: impl rusqlite::Params,
    ) -> Result<Vec<LibraryClaim>, LibraryError> {
        let mut statement = self
            .connection
            .prepare(sql)
            .map_err(|source| self.database(source))?;
        statement
            .query_map(parameters, claim_from_row)
            .and_then(Iterator::collect)
            .map_err(|source| self.database(source))
    }

    /// The paths of the reviews indexed.
    fn review_paths(&self) -> Result<Vec<PathBuf>, LibraryError> {
        let mut statement = self
            .connection
            .prepare("SELECT path FROM reviews")
            .map_err(|source| self.database(source))?;
        statement
            .query_map([], |row| row.get::<_, String>(0).map(PathBuf::from))
            .and_then(Iterator::collect)
            .map_err(|source| self.database(source))
    }

    fn database(&self, source: rusqlite::Error) -> LibraryError {
        database_error(&self.path, source)
    }
}

fn database_error(path: &Path, source: rusqlite::Error) -> LibraryError {
    LibraryError::Database {
        path: path.to_owned(),
        source,
    }
}

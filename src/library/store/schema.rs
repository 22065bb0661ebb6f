//! The index file's tables, and telling a file that can be used from one to set aside.
//!
//! The files are the truth and the index only a copy of what they say, so a file that is not
//! SQLite, fails `PRAGMA quick_check`, or was made for another schema is never repaired or
//! migrated: it is renamed `claims.sqlite.damaged` (for whoever wants to look at it) and the
//! library starts empty, to be filled again from the files by the next update.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension as _};

use super::LibraryError;

/// The schema this build writes and reads; any other is set aside and rebuilt.
pub const SCHEMA_VERSION: u32 = 1;
/// What the meta table's `format` says, to tell our file from another program's.
const FORMAT_NAME: &str = "copydesk-claim-library";
/// The meta key set while the library holds less than the files say (it was rebuilt empty),
/// until an update has read them all again: another process may be the one that updates.
pub const REBUILT_KEY: &str = "rebuilt";

/// The tables. Reviews by path, with the content hash of the bytes last read (unchanged
/// files are not parsed again); claims by review; the full-text index over a claim's
/// sentence, quote, note and article.
///
/// The index keeps no copy of the text (`content` is the `claims_content` view over the
/// claims and their review's title): the claims table already has it. It keeps token
/// positions (`detail=full`): a figure like "4,000" is two tokens, and finding it is a phrase
/// query, which the smaller detail levels refuse.
const SCHEMA: &str = "
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE folders (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        article TEXT NOT NULL,
        size INTEGER NOT NULL
    );
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        review INTEGER NOT NULL REFERENCES reviews (id),
        claim TEXT NOT NULL,
        quote TEXT NOT NULL,
        sentence TEXT NOT NULL,
        status TEXT NOT NULL,
        sources TEXT NOT NULL,
        note TEXT NOT NULL,
        checked_by TEXT NOT NULL,
        checked_at TEXT NOT NULL
    );
    CREATE INDEX claims_by_review ON claims (review);
    CREATE VIEW claims_content AS
        SELECT claims.id AS id, sentence, quote, note, reviews.article AS article
        FROM claims JOIN reviews ON reviews.id = claims.review;
    CREATE VIRTUAL TABLE claims_text USING fts5 (
        sentence, quote, note, article,
        content = 'claims_content',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        detail = full
    );
";

/// Opens the index at `path`, creating it if there is none; a file that cannot be used is
/// set aside and a new one made, marked rebuilt.
pub fn open_checked(path: &Path) -> Result<Connection, LibraryError> {
    if let Some(folder) = path
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder).map_err(|source| LibraryError::Io {
            path: folder.to_owned(),
            source,
        })?;
    }
    match open_existing(path) {
        Ok(connection) => Ok(connection),
        Err(Unusable::Database(source)) => Err(LibraryError::Database {
            path: path.to_owned(),
            source,
        }),
        Err(Unusable::Damaged) => {
            set_aside(path)?;
            let connection = connect(path).map_err(|source| LibraryError::Database {
                path: path.to_owned(),
                source,
            })?;
            create(&connection, true).map_err(|source| LibraryError::Database {
                path: path.to_owned(),
                source,
            })?;
            Ok(connection)
        }
    }
}

/// Why an existing file was not opened.
enum Unusable {
    /// The file is not a library this build can use: set it aside.
    Damaged,
    /// SQLite itself failed (a locked or read-only folder, …): nothing to set aside.
    Database(rusqlite::Error),
}

impl From<rusqlite::Error> for Unusable {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
                Self::Damaged
            }
            _ => Self::Database(error),
        }
    }
}

fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let connection = Connection::open(path)?;
    // The desk and a command may use the library at once: the second waits its turn.
    connection.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(connection)
}

fn open_existing(path: &Path) -> Result<Connection, Unusable> {
    let connection = connect(path)?;
    let check: String = connection.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
    if check != "ok" {
        return Err(Unusable::Damaged);
    }
    let tables: i64 =
        connection.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    if tables == 0 {
        create(&connection, false)?;
        return Ok(connection);
    }
    let meta = |key: &str| -> Result<Option<String>, Unusable> {
        match connection
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()
        {
            Ok(value) => Ok(value),
            // No meta table: another program's database, or one of ours gone wrong.
            Err(_) => Err(Unusable::Damaged),
        }
    };
    let format = meta("format")?;
    let version = meta("schema")?;
    if format.as_deref() != Some(FORMAT_NAME)
        || version.as_deref() != Some(&SCHEMA_VERSION.to_string())
    {
        return Err(Unusable::Damaged);
    }
    Ok(connection)
}

fn create(connection: &Connection, rebuilt: bool) -> rusqlite::Result<()> {
    connection.execute_batch(&format!(
        "BEGIN; {SCHEMA}
         INSERT INTO meta (key, value) VALUES ('format', '{FORMAT_NAME}'), ('schema', '{SCHEMA_VERSION}');
         COMMIT;"
    ))?;
    if rebuilt {
        connection.execute(
            "INSERT INTO meta (key, value) VALUES (?1, '1')",
            [REBUILT_KEY],
        )?;
    }
    Ok(())
}

/// Renames the unusable file `claims.sqlite.damaged` (replacing an older one), with the
/// journal SQLite may have left beside it.
fn set_aside(path: &Path) -> Result<(), LibraryError> {
    let with_suffix = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    std::fs::rename(path, with_suffix(".damaged")).map_err(|source| LibraryError::Io {
        path: path.to_owned(),
        source,
    })?;
    for journal in ["-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(journal));
    }
    Ok(())
}

//! Labelled sentences as people write them down: a TSV (tabs, no quoting) whose header names
//! the columns, so a labels file can carry more than copydesk reads (an index, a note) and
//! one file can label a whole folder of articles (`file`) and say which kinds a claim is
//! (`kind`).

use thiserror::Error;

use crate::model::CheckKind;

/// One labelled sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labelled {
    pub sentence: String,
    pub is_claim: bool,
    /// The article the sentence is from (the `file` column: its name without the extension),
    /// when the labels cover several.
    pub file: Option<String>,
    /// The kinds of claim the person saw in it (the `kind` column), empty when not given.
    pub kinds: Vec<CheckKind>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum LabelsError {
    #[error("the labels need a header row naming the columns `label` and `sentence`")]
    NoHeader,
    #[error("line {line}: the label must be 0 or 1, not “{found}”")]
    BadLabel { line: usize, found: String },
    #[error("line {line}: expected {columns} tab-separated columns")]
    MissingColumn { line: usize, columns: usize },
    #[error("line {line}: “{found}” is not a kind of claim (one of {known})")]
    BadKind {
        line: usize,
        found: String,
        known: String,
    },
    #[error("there are no labelled sentences")]
    Empty,
}

/// The header's columns copydesk reads, by position.
struct Columns {
    label: usize,
    sentence: usize,
    file: Option<usize>,
    kind: Option<usize>,
    count: usize,
}

impl Columns {
    fn from_header(header: &str) -> Result<Self, LabelsError> {
        let names: Vec<&str> = header.split('\t').map(str::trim).collect();
        let position = |wanted: &[&str]| names.iter().position(|name| wanted.contains(name));
        let (Some(label), Some(sentence)) = (position(&["label"]), position(&["sentence"])) else {
            return Err(LabelsError::NoHeader);
        };
        Ok(Self {
            label,
            sentence,
            file: position(&["file"]),
            kind: position(&["kind", "kinds"]),
            count: names.len(),
        })
    }
}

/// Reads a TSV with a header naming at least the `label` and `sentence` columns, and
/// optionally `file` and `kind` (or `kinds`: one kind or several, separated by commas).
pub fn labels_from_tsv(text: &str) -> Result<Vec<Labelled>, LabelsError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next().ok_or(LabelsError::NoHeader)?;
    let columns = Columns::from_header(header)?;
    let mut labels = Vec::new();
    for (index, line) in lines {
        let line_number = index + 1;
        let fields: Vec<&str> = line.split('\t').collect();
        let (Some(label), Some(sentence)) =
            (fields.get(columns.label), fields.get(columns.sentence))
        else {
            return Err(LabelsError::MissingColumn {
                line: line_number,
                columns: columns.count,
            });
        };
        let is_claim = match label.trim() {
            "1" => true,
            "0" => false,
            other => {
                return Err(LabelsError::BadLabel {
                    line: line_number,
                    found: other.to_owned(),
                });
            }
        };
        let field = |column: Option<usize>| {
            column
                .and_then(|column| fields.get(column))
                .map(|field| field.trim())
                .filter(|field| !field.is_empty())
        };
        let kinds = match field(columns.kind) {
            Some(kinds) => kinds_from_field(kinds, line_number)?,
            None => Vec::new(),
        };
        labels.push(Labelled {
            sentence: (*sentence).to_owned(),
            is_claim,
            file: field(columns.file).map(str::to_owned),
            kinds,
        });
    }
    if labels.is_empty() {
        return Err(LabelsError::Empty);
    }
    Ok(labels)
}

/// The kinds in one `kind` field: machine names (`figure`) or the desk's labels
/// (`Figure`), separated by commas; `-` or `none` for a sentence that is no claim.
fn kinds_from_field(field: &str, line: usize) -> Result<Vec<CheckKind>, LabelsError> {
    let mut kinds = Vec::new();
    for name in field.split([',', ';', '|']).map(str::trim) {
        if name.is_empty() || name == "-" || name.eq_ignore_ascii_case("none") {
            continue;
        }
        let kind = CheckKind::ALL
            .into_iter()
            .find(|kind| kind.key() == name || kind.label().eq_ignore_ascii_case(name))
            .ok_or_else(|| LabelsError::BadKind {
                line,
                found: name.to_owned(),
                known: CheckKind::ALL.map(CheckKind::key).join(", "),
            })?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    Ok(kinds)
}

/// The articles the labels name in their `file` column, in the order they first appear.
pub fn files_named(labels: &[Labelled]) -> Vec<&str> {
    let mut files: Vec<&str> = Vec::new();
    for file in labels
        .iter()
        .filter_map(|labelled| labelled.file.as_deref())
    {
        if !files.contains(&file) {
            files.push(file);
        }
    }
    files
}

/// Whether any label says which kinds its sentence is.
pub fn labels_name_kinds(labels: &[Labelled]) -> bool {
    labels.iter().any(|labelled| !labelled.kinds.is_empty())
}

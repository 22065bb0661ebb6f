//! Which files of the crate each file under `src/` refers to, read from the source text alone
//! (no compiler, no new dependency): comments, strings and character literals are dropped,
//! then every `use crate::…`, `use super::…` and `use self::…` tree (groups included) and every
//! `crate::…`, `super::…` and `self::…` path in the code is resolved to the file of the
//! deepest module it names — a path into a module's item maps to that module's file.
//! Inline modules (`mod tests { use super::*; }`) are followed, so `super` there is the file.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::tokens::{Line, Token, tokens};

/// Every Rust file under `folder`, sorted.
pub(super) fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// A file's path under `src/`, with `/` between folders (`app/state/mod.rs`).
pub(super) type SourceFile = String;

/// The library's files and, for each, the other files it refers to (with the first line that
/// does). `main.rs` is left out: it is the root of the binary, another crate.
#[derive(Debug, Default)]
pub(super) struct References {
    pub(super) files: Vec<SourceFile>,
    pub(super) refers_to: BTreeMap<SourceFile, BTreeMap<SourceFile, Line>>,
    module_files: HashMap<Vec<String>, SourceFile>,
}

impl References {
    /// Reads every file of the library under `src`.
    pub(super) fn of_library(src: &Path) -> Self {
        let mut references = Self::default();
        let mut sources = Vec::new();
        for path in rust_files(src) {
            let file = source_file(src, &path);
            if file == "main.rs" {
                continue;
            }
            references
                .module_files
                .insert(module_of(&file), file.clone());
            references.files.push(file.clone());
            sources.push((file, std::fs::read_to_string(&path).unwrap()));
        }
        for (file, source) in sources {
            let mut targets = BTreeMap::new();
            for (path, line) in crate_paths(&module_of(&file), &tokens(&source)) {
                let target = references.file_of(&path);
                if target != file {
                    targets.entry(target).or_insert(line);
                }
            }
            references.refers_to.insert(file, targets);
        }
        references
    }

    /// The file of the deepest module `path` (absolute, from the crate root) names.
    fn file_of(&self, path: &[String]) -> SourceFile {
        (0..=path.len())
            .rev()
            .find_map(|length| self.module_files.get(&path[..length]))
            .cloned()
            .unwrap_or_else(|| "lib.rs".to_owned())
    }

    /// The file of the module `file`'s module is declared in (`None` for the crate root).
    pub(super) fn parent_of(&self, file: &str) -> Option<&SourceFile> {
        let module = module_of(file);
        let (_, parent) = module.split_last()?;
        self.module_files.get(parent)
    }
}

fn source_file(src: &Path, path: &Path) -> SourceFile {
    let relative = path.strip_prefix(src).unwrap();
    let parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// The module a file holds: `app/state/mod.rs` and `app/state.rs` are `app::state`.
fn module_of(file: &str) -> Vec<String> {
    let mut module: Vec<String> = file.split('/').map(str::to_owned).collect();
    let last = module.pop().unwrap_or_default();
    match last.strip_suffix(".rs") {
        Some("mod" | "lib") => {}
        Some(name) => module.push(name.to_owned()),
        None => module.push(last),
    }
    module
}

/// Every path into the crate that `tokens` (of the file holding `module`) name, absolute
/// from the crate root, with its line.
fn crate_paths(module: &[String], tokens: &[(Token<'_>, Line)]) -> Vec<(Vec<String>, Line)> {
    let identifier = |i: usize| match tokens.get(i) {
        Some((Token::Identifier(name), _)) => Some(*name),
        _ => None,
    };
    let is = |i: usize, token: &Token<'_>| tokens.get(i).is_some_and(|(t, _)| t == token);
    let mut paths = Vec::new();
    // Inline modules open here, with the brace depth their body closes at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        let (token, line) = tokens[i];
        let worth_a_look = match token {
            Token::Identifier(word) => {
                matches!(word, "mod" | "use" | "in" | "crate" | "super" | "self")
            }
            Token::Punctuation(punctuation) => matches!(punctuation, b'{' | b'}'),
            Token::PathSeparator => false,
        };
        if !worth_a_look {
            i += 1;
            continue;
        }
        let current = || {
            let mut current = module.to_vec();
            current.extend(inline.iter().map(|(name, _)| name.clone()));
            current
        };
        match (token, identifier(i + 1)) {
            (Token::Identifier("mod"), Some(name)) if is(i + 2, &Token::Punctuation(b'{')) => {
                depth += 1;
                inline.push((name.to_owned(), depth));
                i += 3;
                continue;
            }
            (Token::Identifier("use"), _) => {
                let mut trees = Vec::new();
                i = use_tree(tokens, i + 1, Vec::new(), &mut trees);
                paths.extend(
                    trees
                        .iter()
                        .filter_map(|tree| absolute(&current(), tree))
                        .map(|path| (path, line)),
                );
                continue;
            }
            (Token::Identifier("in"), _)
                if i > 1
                    && is(i - 1, &Token::Punctuation(b'('))
                    && tokens[i - 2].0 == Token::Identifier("pub") =>
            {
                // `pub(in crate::app)` limits who sees an item; it refers to nothing.
                while i < tokens.len() && !is(i, &Token::Punctuation(b')')) {
                    i += 1;
                }
                continue;
            }
            (Token::Identifier(root), _)
                if matches!(root, "crate" | "super" | "self")
                    && is(i + 1, &Token::PathSeparator)
                    && !(i > 0 && is(i - 1, &Token::Punctuation(b'$')))
                    && !(i > 0 && is(i - 1, &Token::PathSeparator)) =>
            {
                let mut path = vec![root.to_owned()];
                i += 1;
                while is(i, &Token::PathSeparator) {
                    let Some(name) = identifier(i + 1) else { break };
                    path.push(name.to_owned());
                    i += 2;
                }
                paths.extend(absolute(&current(), &path).map(|path| (path, line)));
                continue;
            }
            (Token::Punctuation(b'{'), _) => depth += 1,
            (Token::Punctuation(b'}'), _) => {
                if inline.last().is_some_and(|(_, opened)| *opened == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        i += 1;
    }
    paths
}

/// Reads the use tree starting at `i` (after `use`, or inside a group) into `paths`, each
/// prefixed by `prefix`; returns where the tree ends (after its `;` at the top level).
fn use_tree(
    tokens: &[(Token<'_>, Line)],
    mut i: usize,
    prefix: Vec<String>,
    paths: &mut Vec<Vec<String>>,
) -> usize {
    let top_level = prefix.is_empty();
    let mut path = prefix;
    while let Some((token, _)) = tokens.get(i) {
        match token {
            Token::Identifier("as") => i += 2,
            Token::Identifier(name) => {
                path.push((*name).to_owned());
                i += 1;
            }
            Token::PathSeparator | Token::Punctuation(b'*') => i += 1,
            Token::Punctuation(b'{') => {
                i += 1;
                while tokens
                    .get(i)
                    .is_some_and(|(t, _)| *t != Token::Punctuation(b'}'))
                {
                    let start = i;
                    i = use_tree(tokens, i, path.clone(), paths);
                    if i == start {
                        i += 1; // not a path: an attribute, say
                    }
                    if tokens
                        .get(i)
                        .is_some_and(|(t, _)| *t == Token::Punctuation(b','))
                    {
                        i += 1;
                    }
                }
                i += 1;
                path.clear(); // the group's paths are in
            }
            _ => break,
        }
    }
    if !path.is_empty() {
        paths.push(path);
    }
    if top_level
        && tokens
            .get(i)
            .is_some_and(|(t, _)| *t == Token::Punctuation(b';'))
    {
        i += 1;
    }
    i
}

/// `path` (starting `crate`, `super` or `self`, read in `current`) from the crate root; `None`
/// for a path to another crate or to a name in scope.
fn absolute(current: &[String], path: &[String]) -> Option<Vec<String>> {
    let (root, rest) = path.split_first()?;
    let mut absolute = match root.as_str() {
        "crate" => Vec::new(),
        "self" => current.to_vec(),
        "super" => current[..current.len().checked_sub(1)?].to_vec(),
        _ => return None,
    };
    for segment in rest {
        match segment.as_str() {
            "self" => {}
            "super" => {
                absolute.pop()?;
            }
            _ => absolute.push(segment.clone()),
        }
    }
    Some(absolute)
}

#[test]
fn paths_are_read_from_use_trees_code_and_inline_modules() {
    let source = "use crate::a::{b, c::{self, D as E}, *};\n\
                  use super::{f, super::g};\n\
                  use std::io;\n\
                  pub(in crate::h) fn x() { crate::i::j(); $crate::k(); self::l::m(); }\n\
                  #[cfg(test)]\n\
                  mod tests {\n    use super::n;\n    fn y() { super::super::o(); }\n}\n\
                  fn z() { super::p::q(); }\n";
    let module = ["one".to_owned(), "two".to_owned()];
    let paths: Vec<(String, Line)> = crate_paths(&module, &tokens(source))
        .into_iter()
        .map(|(path, line)| (path.join("::"), line))
        .collect();
    let expected = [
        ("a::b", 1),
        ("a::c", 1),
        ("a::c::D", 1),
        ("a", 1),
        ("one::f", 2),
        ("g", 2),
        ("i::j", 4),
        ("one::two::l::m", 4),
        ("one::two::n", 7),
        ("one::o", 8),
        ("one::p::q", 10),
    ];
    let expected: Vec<(String, Line)> = expected
        .iter()
        .map(|&(path, line)| (path.to_owned(), line))
        .collect();
    assert_eq!(paths, expected);
}

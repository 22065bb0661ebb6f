//! Pandoc's native AST (the corpus's expected readings, `*.native`), parsed just enough to read
//! headers, tables and comment spans.

use std::path::Path;

use super::{normalized, sorted_words};

#[derive(Clone, Debug)]
pub(super) enum Native {
    Con(String, Vec<Native>),
    Str(String),
    Num,
    List(Vec<Native>),
    Tuple(Vec<Native>),
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Open(char),
    Close(char),
    Comma,
    Ident(String),
    Str(String),
    Num,
}

fn native_tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '[' | '(' => tokens.push(Token::Open(c)),
            ']' | ')' => tokens.push(Token::Close(c)),
            ',' => tokens.push(Token::Comma),
            '"' => {
                let mut s = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                        match chars.get(i) {
                            Some(d) if d.is_ascii_digit() => {
                                let mut n = 0u32;
                                while i < chars.len() && chars[i].is_ascii_digit() {
                                    n = n * 10 + chars[i].to_digit(10).unwrap();
                                    i += 1;
                                }
                                s.push(char::from_u32(n).unwrap());
                                continue;
                            }
                            // `\&` separates an escape from a following digit.
                            Some('&') | None => {}
                            Some('n') => s.push('\n'),
                            Some(other) => s.push(*other),
                        }
                    } else {
                        s.push(chars[i]);
                    }
                    i += 1;
                }
                tokens.push(Token::Str(s));
            }
            c if c.is_ascii_digit() || c == '-' => {
                while i + 1 < chars.len() && (chars[i + 1].is_ascii_digit() || chars[i + 1] == '.')
                {
                    i += 1;
                }
                tokens.push(Token::Num);
            }
            c if c.is_alphabetic() => {
                let mut s = String::new();
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    s.push(chars[i]);
                    i += 1;
                }
                tokens.push(Token::Ident(s));
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    tokens
}

/// expr := atom+ (a constructor followed by its arguments)
fn native_expr(tokens: &[Token], at: &mut usize) -> Native {
    let first = native_atom(tokens, at);
    let Native::Con(name, _) = first else {
        return first;
    };
    let mut args = Vec::new();
    while let Some(token) = tokens.get(*at) {
        if matches!(token, Token::Comma | Token::Close(_)) {
            break;
        }
        args.push(native_atom(tokens, at));
    }
    Native::Con(name, args)
}

fn native_atom(tokens: &[Token], at: &mut usize) -> Native {
    let token = tokens[*at].clone();
    *at += 1;
    match token {
        Token::Str(s) => Native::Str(s),
        Token::Num => Native::Num,
        Token::Ident(name) => Native::Con(name, Vec::new()),
        Token::Open(open) => {
            let mut items = Vec::new();
            loop {
                match tokens[*at] {
                    Token::Close(_) => {
                        *at += 1;
                        break;
                    }
                    Token::Comma => *at += 1,
                    _ => items.push(native_expr(tokens, at)),
                }
            }
            if open == '[' {
                Native::List(items)
            } else if items.len() == 1 {
                items.pop().unwrap()
            } else {
                Native::Tuple(items)
            }
        }
        Token::Close(_) | Token::Comma => panic!("unexpected {token:?}"),
    }
}

pub(super) fn native_from_file(path: &Path) -> Native {
    let text = std::fs::read_to_string(path).unwrap();
    let tokens = native_tokens(&text);
    let mut at = 0;
    native_expr(&tokens, &mut at)
}

fn native_children(node: &Native) -> &[Native] {
    match node {
        Native::Con(_, items) | Native::List(items) | Native::Tuple(items) => items,
        Native::Str(_) | Native::Num => &[],
    }
}

/// The text of inlines: words and spaces (notes and comment bodies left out).
fn native_text(node: &Native, out: &mut String) {
    match node {
        Native::Str(s) => out.push_str(s),
        Native::Con(name, _) if matches!(name.as_str(), "Space" | "SoftBreak" | "LineBreak") => {
            out.push(' ');
        }
        Native::Con(name, _) if name == "Note" => {}
        Native::Con(name, children) if matches!(name.as_str(), "Para" | "Plain") => {
            out.push(' ');
            children.iter().for_each(|c| native_text(c, out));
        }
        _ => native_children(node)
            .iter()
            .for_each(|c| native_text(c, out)),
    }
}

fn native_find<'n>(node: &'n Native, name: &str, found: &mut Vec<&'n Native>) {
    if matches!(node, Native::Con(n, _) if n == name) {
        found.push(node);
    }
    native_children(node)
        .iter()
        .for_each(|c| native_find(c, name, found));
}

pub(super) fn native_headers(doc: &Native) -> Vec<String> {
    let mut headers = Vec::new();
    native_find(doc, "Header", &mut headers);
    headers
        .into_iter()
        .map(|h| {
            let mut text = String::new();
            native_text(native_children(h).last().unwrap(), &mut text);
            normalized(&text)
        })
        .collect()
}

/// Every table row's words, sorted (a multiset), in order.
pub(super) fn native_table_rows(doc: &Native) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    native_find(doc, "Row", &mut rows);
    rows.into_iter()
        .map(|row| {
            let mut text = String::new();
            let mut cells = Vec::new();
            native_find(row, "Cell", &mut cells);
            for cell in cells {
                native_text(cell, &mut text);
                text.push(' ');
            }
            sorted_words(&text)
        })
        .collect()
}

#[derive(Debug, Default)]
pub(super) struct NativeComment {
    pub(super) author: String,
    pub(super) passage: String,
}

/// Comments in the order they start, with the text between their start and end spans.
pub(super) fn native_comments(doc: &Native) -> Vec<NativeComment> {
    fn walk(node: &Native, open: &mut Vec<(String, usize)>, comments: &mut Vec<NativeComment>) {
        match node {
            Native::Con(name, args) if name == "Span" => {
                let attr = format!("{:?}", args[0]);
                let id = attr_value(&args[0], "id");
                if attr.contains("comment-start") {
                    comments.push(NativeComment {
                        author: attr_value(&args[0], "author"),
                        passage: String::new(),
                    });
                    open.push((id, comments.len() - 1));
                    return; // the span's content is the comment's body
                }
                if attr.contains("comment-end") {
                    open.retain(|(open_id, _)| *open_id != id);
                }
                // Only the span's content, not its attributes.
                if let Some(content) = args.last() {
                    walk(content, open, comments);
                }
            }
            Native::Str(s) => open
                .iter()
                .for_each(|(_, i)| comments[*i].passage.push_str(s)),
            Native::Con(name, _)
                if matches!(name.as_str(), "Space" | "SoftBreak" | "LineBreak") =>
            {
                open.iter()
                    .for_each(|(_, i)| comments[*i].passage.push(' '));
            }
            Native::Con(name, _) if matches!(name.as_str(), "Para" | "Plain") => {
                open.iter()
                    .for_each(|(_, i)| comments[*i].passage.push(' '));
                native_children(node)
                    .iter()
                    .for_each(|c| walk(c, open, comments));
            }
            _ => native_children(node)
                .iter()
                .for_each(|c| walk(c, open, comments)),
        }
    }
    fn attr_value(attr: &Native, key: &str) -> String {
        let Native::Tuple(parts) = attr else {
            return String::new();
        };
        let Some(Native::List(pairs)) = parts.get(2) else {
            return String::new();
        };
        pairs
            .iter()
            .find_map(|pair| match pair {
                Native::Tuple(kv) => match (&kv[0], &kv[1]) {
                    (Native::Str(k), Native::Str(v)) if k == key => Some(v.clone()),
                    _ => None,
                },
                _ => None,
            })
            .unwrap_or_default()
    }
    let mut comments = Vec::new();
    walk(doc, &mut Vec::new(), &mut comments);
    comments
}

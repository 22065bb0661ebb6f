//! The generated book the book-scale benchmarks measure (`benches/support/book.rs`): what the
//! figures in docs/PERFORMANCE.md claim about it must hold — its size, that it is the same
//! book on every run, and that its .txt, .md and .docx are the same text.

#[path = "../benches/support/book.rs"]
mod book;

use std::path::Path;

use copydesk::import::import_bytes;
use copydesk::model::DraftFormat;
use jiff::Timestamp;

use book::{BOOK_MARKS, BOOK_SECTIONS, BOOK_WORDS, Book};

#[test]
fn the_book_is_the_promised_size_the_same_every_time_and_one_text_in_three_forms() {
    let book = Book::generate();
    let words = book.words();
    assert!(
        (BOOK_WORDS..BOOK_WORDS * 21 / 20).contains(&words),
        "{words} words"
    );
    assert_eq!(book.project.sections.len(), BOOK_SECTIONS);
    assert_eq!(
        book.project.comments.len() + book.project.claims.len(),
        BOOK_MARKS
    );
    assert_eq!(book.project.comments.len(), book.project.claims.len());
    book.project.validate().unwrap();
    // Spread through the book: every tenth of it carries about a tenth of the marks.
    let mut per_tenth = [0; 10];
    for section in book.project.comments.iter().map(|c| &c.section) {
        let index = book.project.section_index(section).unwrap();
        per_tenth[index * 10 / BOOK_SECTIONS] += 1;
    }
    assert!(
        per_tenth.iter().all(|&n| n > BOOK_MARKS / 2 / 10 * 8 / 10),
        "{per_tenth:?}"
    );

    let again = Book::generate();
    assert!(again.plain == book.plain && again.docx == book.docx);
    // (Not assert_eq: a failure would print two books.)
    assert!(
        again.project == book.project,
        "the same review: marks, ids and times alike"
    );

    let texts = |format, name: &str, bytes: &[u8]| {
        let project = import_bytes(Path::new(name), bytes, format, Timestamp::now()).unwrap();
        let sections: Vec<(Option<String>, String)> = project
            .sections
            .into_iter()
            .map(|s| (s.heading, s.text))
            .collect();
        (project.title, sections)
    };
    let plain = texts(DraftFormat::PlainText, "book.txt", book.plain.as_bytes());
    assert_eq!(plain.1.len(), BOOK_SECTIONS);
    assert!(texts(DraftFormat::Markdown, "book.md", book.markdown.as_bytes()) == plain);
    assert!(texts(DraftFormat::Docx, "book.docx", &book.docx) == plain);
}

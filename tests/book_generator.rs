//! The generated book the book-scale benchmarks measure (`benches/support/book.rs`): what the
//! figures in docs/PERFORMANCE.md claim about it must hold — its size, that it is the same
//! book on every run, and that its .txt, .md and .docx are the same text.

#[path = "../benches/support/book.rs"]
mod book;

use copydesk::import::import_file;
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

    // The files as written for the benchmarks and `cargo run --example book`.
    let dir = crate::common::temp_dir();
    let project_path = book.write_to(dir.path());
    let saved = copydesk::project_file::load_project(&project_path).unwrap();
    assert!(
        saved == book.project,
        "the review file reopens as generated"
    );
    let texts = |extension: &str| {
        let path = dir.path().join(format!("the-long-inquiry.{extension}"));
        let project = import_file(&path, Timestamp::now()).unwrap();
        let sections: Vec<(Option<String>, String)> = project
            .sections
            .into_iter()
            .map(|s| (s.heading, s.text))
            .collect();
        (project.title, sections)
    };
    let plain = texts("txt");
    assert_eq!(plain.1.len(), BOOK_SECTIONS);
    assert!(texts("md") == plain, "the Markdown is the same text");
    assert!(texts("docx") == plain, "the Word document is the same text");
}

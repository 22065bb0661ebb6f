//! Writes the book the performance targets are measured on, to try copydesk on a book by hand:
//! `cargo run --release --example book -- FOLDER` writes `the-long-inquiry.txt`, `.md`,
//! `.docx` and the review with 10,000 marks, `the-long-inquiry.copydesk.ron`.

#![allow(clippy::expect_used, clippy::print_stdout)]

#[path = "../benches/support/book.rs"]
mod book;

fn main() {
    let folder = std::env::args_os()
        .nth(1)
        .map_or_else(|| std::path::PathBuf::from("."), std::path::PathBuf::from);
    std::fs::create_dir_all(&folder).expect("the folder can be made");
    let book = book::Book::generate();
    let project = book.write_to(&folder);
    println!(
        "{} words, {} sections, {} marks: {}",
        book.words(),
        book.project.sections.len(),
        book.project.comments.len() + book.project.claims.len(),
        project.display()
    );
}

//! A book-length manuscript of real news sentences, shared by the benchmarks.
//!
//! The bundled sample and the labelled test articles, repeated as chapters with their figures
//! varied until the text passes the wanted number of words: no two chapters are the same
//! text, and every sentence is the kind of sentence real drafts hold.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

pub fn manuscript(target_words: usize) -> String {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/suggest");
    let mut articles = vec![copydesk::sample::SAMPLE_ARTICLE.replace('#', "")];
    let mut names: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for path in names {
        articles.push(std::fs::read_to_string(path).unwrap());
    }
    let mut text = String::new();
    let mut words = 0;
    let mut chapter = 0;
    while words < target_words {
        for article in &articles {
            chapter += 1;
            let _ = writeln!(text, "Chapter {chapter}\n");
            // Vary the figures so no two chapters are the same text.
            let varied = article.replace("20", &format!("{}", 20 + chapter % 50));
            words += varied.split_whitespace().count();
            text.push_str(&varied);
            text.push('\n');
        }
    }
    text
}

pub fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

//! Each test article in each format comes in with every word, its headings, and the direction
//! of each paragraph: from its first letter in .txt and .md (they say nothing else), from
//! `w:bidi` and `dir` in .docx and .html — where a paragraph opening with "CNN" keeps reading
//! right to left through the mark written before it.

use copydesk::bidi::{Direction, direction_mark, paragraph_direction};

use super::files::EXTENSIONS;
use super::texts::ARTICLES;
use super::{imported, lines_of, words_of};

#[test]
fn every_word_comes_in_from_every_format() {
    for article in ARTICLES {
        for extension in EXTENSIONS {
            let project = imported(article.name, extension);
            assert_eq!(
                words_of(&project),
                article.words(),
                "{}.{extension}",
                article.name
            );
            assert_eq!(project.title, article.title, "{}.{extension}", article.name);
            let headings: Vec<&str> = project
                .sections
                .iter()
                .filter_map(|s| s.heading.as_deref())
                .collect();
            let expected: Vec<&str> = article.sections.iter().filter_map(|s| s.heading).collect();
            assert_eq!(headings, expected, "{}.{extension}", article.name);
        }
    }
}

#[test]
fn each_paragraph_reads_the_way_its_source_says() {
    for article in ARTICLES {
        for extension in EXTENSIONS {
            let project = imported(article.name, extension);
            let says_direction = matches!(extension, "docx" | "html");
            let mut expected = vec![article.title.to_owned()];
            let mut directions = vec![Direction::RightToLeft];
            for section in article.sections {
                if let Some(heading) = section.heading {
                    expected.push(heading.to_owned());
                    directions.push(Direction::RightToLeft);
                }
                for paragraph in section.paragraphs {
                    let (text, direction) = if says_direction {
                        let mark = direction_mark(paragraph.text, paragraph.source);
                        (
                            format!(
                                "{}{}",
                                mark.map(String::from).unwrap_or_default(),
                                paragraph.text
                            ),
                            paragraph.source,
                        )
                    } else {
                        (
                            paragraph.text.to_owned(),
                            paragraph_direction(paragraph.text),
                        )
                    };
                    expected.push(text);
                    directions.push(direction);
                }
            }
            let lines = lines_of(&project);
            assert_eq!(lines, expected, "{}.{extension}", article.name);
            let found: Vec<Direction> = lines.iter().map(|l| paragraph_direction(l)).collect();
            assert_eq!(found, directions, "{}.{extension}", article.name);
        }
    }
}

#[test]
fn a_right_to_left_paragraph_opening_with_a_latin_word_keeps_its_direction_from_word_and_html() {
    for extension in ["docx", "html"] {
        let project = imported("arabic", extension);
        let paragraph = project.sections[1].text.split('\n').nth(1).unwrap();
        assert!(
            paragraph.starts_with("\u{200F}CNN "),
            "{extension}: {paragraph}"
        );
        assert_eq!(paragraph_direction(paragraph), Direction::RightToLeft);
        let english = project.sections[2].text.split('\n').nth(1).unwrap();
        assert_eq!(paragraph_direction(english), Direction::LeftToRight);
    }
    // Plain text says nothing of direction: the first letter decides.
    let project = imported("arabic", "txt");
    let paragraph = project.sections[1].text.split('\n').nth(1).unwrap();
    assert!(paragraph.starts_with("CNN "));
    assert_eq!(paragraph_direction(paragraph), Direction::LeftToRight);
}

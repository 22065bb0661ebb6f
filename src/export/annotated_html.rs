//! The annotated article: the text with highlighted passages and numbered margin notes.

use crate::model::Project;

pub fn annotated_article_html(_project: &Project) -> String {
    String::new()
}

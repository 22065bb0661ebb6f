//! Word comments (`word/comments.xml`) and the threads they form
//! (`word/commentsExtended.xml`).
//!
//! Word 2013 and later store a reply as a comment of its own; only commentsExtended.xml
//! says which comment it answers, by the `w14:paraId` of the last paragraph of each.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;

use super::changes::timestamp_from_word_date;
use super::inline::paragraph_plain_text;
use super::xml::Element;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordComment {
    pub id: String,
    pub author: String,
    pub created: Option<Timestamp>,
    /// Its paragraphs, joined by line breaks.
    pub body: String,
    /// The `w14:paraId` of its last paragraph, which replies point at.
    pub last_paragraph_id: Option<String>,
    /// Marked done in Word (`w15:done="1"` in commentsExtended.xml): a resolved thread.
    pub done: bool,
}

pub fn comments_from_xml(root: &Element) -> Vec<WordComment> {
    root.children_named("comment")
        .filter_map(|comment| {
            let paragraphs: Vec<&Element> = comment.children_named("p").collect();
            Some(WordComment {
                id: comment.attr("id")?.to_owned(),
                author: comment.attr("author").unwrap_or_default().trim().to_owned(),
                created: comment.attr("date").and_then(timestamp_from_word_date),
                body: paragraphs
                    .iter()
                    .map(|p| paragraph_plain_text(p).trim().to_owned())
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n")
                    .trim()
                    .to_owned(),
                last_paragraph_id: paragraphs
                    .last()
                    .and_then(|p| p.attr("paraId"))
                    .map(str::to_owned),
                done: false,
            })
        })
        .collect()
}

/// What `word/commentsExtended.xml` adds to the comments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommentsExtended {
    /// For each reply, the `paraId` of the comment it answers (keyed by the reply's
    /// `paraId`).
    pub parents: HashMap<String, String>,
    /// The `paraId`s of the comments marked done.
    pub done: HashSet<String>,
}

impl CommentsExtended {
    pub fn from_xml(root: &Element) -> Self {
        let mut extended = Self::default();
        for entry in root.children_named("commentEx") {
            let Some(id) = entry.attr("paraId") else {
                continue;
            };
            if let Some(parent) = entry.attr("paraIdParent") {
                extended.parents.insert(id.to_owned(), parent.to_owned());
            }
            if entry
                .attr("done")
                .is_some_and(|d| matches!(d.trim(), "1" | "true" | "on"))
            {
                extended.done.insert(id.to_owned());
            }
        }
        extended
    }

    /// Marks the comments Word marked done.
    pub fn mark_done(&self, comments: &mut [WordComment]) {
        for comment in comments {
            comment.done = comment
                .last_paragraph_id
                .as_ref()
                .is_some_and(|id| self.done.contains(id));
        }
    }
}

/// The index (into `comments`) of the comment each reply belongs under: the root of its
/// thread, following replies to replies. Each comment's root is found once, so a long chain
/// of replies takes linear time; the comments of a loop in a damaged file stay on their own
/// (a reply leading into the loop joins the first of them it reaches).
pub fn thread_roots(
    comments: &[WordComment],
    parents: &HashMap<String, String>,
) -> Vec<Option<usize>> {
    let by_paragraph: HashMap<&str, usize> = comments
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((c.last_paragraph_id.as_deref()?, i)))
        .collect();
    let parent: Vec<Option<usize>> = comments
        .iter()
        .enumerate()
        .map(|(i, comment)| {
            let own = comment.last_paragraph_id.as_deref()?;
            let parent = by_paragraph.get(parents.get(own)?.as_str()).copied()?;
            (parent != i).then_some(parent)
        })
        .collect();
    // The top of each comment's chain (itself for a thread's first comment), once known.
    let mut top: Vec<Option<usize>> = vec![None; comments.len()];
    // Where a comment sits on the walk in progress, to spot a loop.
    let mut on_path: Vec<Option<usize>> = vec![None; comments.len()];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..comments.len() {
        if top[start].is_some() {
            continue;
        }
        path.clear();
        let mut current = start;
        let found = loop {
            if let Some(known) = top[current] {
                break known;
            }
            if let Some(position) = on_path[current] {
                // A loop: its comments are their own tops; the walk into it ends here.
                for &member in &path[position..] {
                    top[member] = Some(member);
                    on_path[member] = None;
                }
                path.truncate(position);
                break current;
            }
            on_path[current] = Some(path.len());
            path.push(current);
            match parent[current] {
                Some(up) => current = up,
                None => break current,
            }
        };
        for &member in &path {
            top[member] = Some(found);
            on_path[member] = None;
        }
    }
    top.iter()
        .enumerate()
        .map(|(i, t)| t.filter(|&root| root != i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::docx::archive::Limits;
    use crate::import::docx::xml;

    #[test]
    fn comments_and_their_replies() {
        let root = xml::parse(
            "word/comments.xml",
            br#"<w:comments xmlns:w="w" xmlns:w14="w14">
<w:comment w:id="0" w:author=" Ann " w:date="2016-05-09T16:13:00Z"><w:p w14:paraId="A1"><w:r><w:t>First line.</w:t></w:r></w:p><w:p w14:paraId="A2"><w:r><w:t>See?</w:t></w:r></w:p></w:comment>
<w:comment w:id="1" w:author="Bo" w:date="never"><w:p w14:paraId="B1"><w:r><w:t>Agreed.</w:t></w:r></w:p></w:comment>
<w:comment w:id="2" w:author="Cy"><w:p w14:paraId="C1"><w:r><w:t>Me too.</w:t></w:r></w:p></w:comment>
<w:comment w:id="3" w:author="Di"><w:p w14:paraId="D1"><w:r><w:t>Loop.</w:t></w:r></w:p></w:comment>
</w:comments>"#,
            &Limits::DEFAULT,
        )
        .unwrap();
        let comments = comments_from_xml(&root);
        assert_eq!(comments.len(), 4);
        assert_eq!(comments[0].author, "Ann");
        assert_eq!(comments[0].body, "First line.\nSee?");
        assert_eq!(comments[0].last_paragraph_id.as_deref(), Some("A2"));
        assert!(comments[0].created.is_some());
        assert_eq!(comments[1].created, None, "a bad date is no date");
        let extended = xml::parse(
            "word/commentsExtended.xml",
            br#"<w15:commentsEx xmlns:w15="w15"><w15:commentEx w15:paraId="A2" w15:done="1"/><w15:commentEx w15:paraId="B1" w15:paraIdParent="A2"/><w15:commentEx w15:paraId="C1" w15:paraIdParent="B1"/><w15:commentEx w15:paraId="D1" w15:paraIdParent="D1"/></w15:commentsEx>"#,
            &Limits::DEFAULT,
        )
        .unwrap();
        let extended = CommentsExtended::from_xml(&extended);
        let parents = extended.parents.clone();
        let mut comments = comments;
        extended.mark_done(&mut comments);
        assert!(comments[0].done, "w15:done=\"1\"");
        assert!(!comments[1].done && !comments[2].done, "done=\"0\" or none");
        assert_eq!(
            thread_roots(&comments, &parents),
            vec![None, Some(0), Some(0), None],
            "a reply to a reply joins the thread's first comment; a self-reply is none"
        );
    }

    fn comment(id: usize) -> WordComment {
        WordComment {
            id: id.to_string(),
            author: String::new(),
            created: None,
            body: String::new(),
            last_paragraph_id: Some(format!("P{id}")),
            done: false,
        }
    }

    #[test]
    fn long_chains_and_loops_of_replies() {
        let comments: Vec<WordComment> = (0..6).map(comment).collect();
        let parents: HashMap<String, String> = [
            // 1 → 0, 2 → 1: a chain under 0.
            ("P1", "P0"),
            ("P2", "P1"),
            // 3 ↔ 4: a loop; 5 leads into it.
            ("P3", "P4"),
            ("P4", "P3"),
            ("P5", "P4"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
        assert_eq!(
            thread_roots(&comments, &parents),
            vec![None, Some(0), Some(0), None, None, Some(4)]
        );

        let many = 50_000;
        let comments: Vec<WordComment> = (0..many).map(comment).collect();
        let parents: HashMap<String, String> = (1..many)
            .map(|i| (format!("P{i}"), format!("P{}", i - 1)))
            .collect();
        let roots = thread_roots(&comments, &parents);
        assert_eq!(roots[0], None);
        assert!(roots[1..].iter().all(|r| *r == Some(0)));
    }
}

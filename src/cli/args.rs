//! The command line's arguments, as clap reads them: the file the desk opens, or one of the
//! headless commands with its flags. `--help` is written from the doc comments here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export::ExportFormat;

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A review desk for editors and fact-checkers.",
    long_about = "A review desk for editors and fact-checkers.\n\n\
        Without a command, opens the desk: on FILE (a project or an article to import), or on \
        the bundled sample article when no FILE is given.",
    after_help = "Examples:\n  \
        copydesk draft.txt                          review a draft in the desk\n  \
        copydesk import draft.md -o draft.copydesk.ron\n  \
        copydesk revise draft.copydesk.ron draft-v2.md\n  \
        copydesk memo draft.copydesk.ron --format json\n  \
        copydesk merge editor.copydesk.ron checker.copydesk.ron -o merged.copydesk.ron\n  \
        copydesk git-setup                          let git merge the reviews in this repository\n  \
        copydesk export draft.copydesk.ron --format docx -o draft-reviewed.docx\n  \
        copydesk check draft.copydesk.ron && publish",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A project (.copydesk.ron) to open, or an article (.txt, .md, .docx, .html) to import.
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import an article (.txt, .md, .docx or .html), or the web page at an http(s) address,
    /// into a new project file, without opening the desk.
    Import {
        /// The article to import, or a web address (https://…) to fetch; a fetched page's
        /// address and fetch time are kept in the project and shown in reports.
        article: PathBuf,
        /// Where to write the project.
        #[arg(short, long, value_name = "PROJECT")]
        output: PathBuf,
        /// Replace PROJECT if it already exists (its review would be lost).
        #[arg(long)]
        force: bool,
    },
    /// Carry a review over to the writer's next draft: import NEW_ARTICLE into the project,
    /// re-anchor every comment and claim (exact, moved, fuzzy or orphaned) and send approved
    /// sections whose text changed back to review. The previous draft stays in the project.
    /// Given the draft PROJECT already holds, it says nothing changed and exits 0.
    Revise {
        /// The project to carry over.
        project: PathBuf,
        /// The revised article (.txt, .md, .docx or .html).
        new_article: PathBuf,
        /// Where to write the revised project (default: over PROJECT, which is replaced only
        /// once the new file is complete).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Print the fact-check memo: progress, the sections and their statuses, every claim
    /// grouped by where its check stands, the undecided suggestions, the comments. With
    /// `--format json`, the JSON report for tools (docs/FORMAT.md) instead.
    #[command(visible_alias = "report")]
    Memo {
        /// The project (or an article, reported as not yet reviewed).
        project: PathBuf,
        #[arg(long, value_enum, default_value_t = MemoFormat::Markdown)]
        format: MemoFormat,
        /// Only the comments and claims of this reviewer (a name, in any case, or an id).
        #[arg(long, value_name = "NAME_OR_ID")]
        reviewer: Option<String>,
    },
    /// The publishing gate: exit 0 when every section is approved and nothing is open,
    /// 1 with a list of what is open, 2 when the project cannot be read.
    Check {
        /// The project to check.
        project: PathBuf,
    },
    /// List the sentences worth checking (figures, events, attributed statements, unnamed
    /// sources, superlatives, causes, promotional lines), with why. For a project, only the
    /// suggestions nobody has accepted or dismissed yet.
    Suggest {
        /// An article or a project.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = SuggestFormat::Tsv)]
        format: SuggestFormat,
        /// Also say, for each suggestion, which claims of the claim library (`copydesk
        /// library`) it says again: their verdict, sources, article, who checked them and
        /// when, and how sure the match is (a `library` column in TSV, a `library` array per
        /// suggestion in JSON).
        #[arg(long)]
        library: bool,
    },
    /// The claim library: every claim checked in the reviews of the folders you name (a
    /// shared folder, a git checkout of reviews), kept in copydesk's data folder, so a claim
    /// checked once is recognised in later drafts (`copydesk suggest --library`, the desk).
    /// The review files stay the truth: the library reads them again when they change.
    #[command(after_help = "Examples:\n  \
        copydesk library add ~/reviews team-checkout/   index the reviews in these folders\n  \
        copydesk library update                         read again what changed\n  \
        copydesk library search more than 4,000         claims with these words, best first\n  \
        copydesk library stats --format json")]
    Library {
        #[command(subcommand)]
        command: LibraryCommand,
    },
    /// Measure the suggestions against labelled sentences: precision, recall and F1 of the
    /// factual kinds, matching sentences by their text. Given a folder, evaluates each article
    /// the labels name in their `file` column (`NAME.txt` in the folder) and the figures
    /// pooled over all.
    #[command(after_help = "Examples:\n  \
        copydesk evaluate draft.txt --labels labels.tsv --errors\n  \
        copydesk evaluate corpus/ --labels corpus/labels.tsv --by-kind\n  \
        copydesk evaluate corpus/ --labels corpus/labels.tsv --format json")]
    Evaluate {
        /// The article (or project) the labels are for, or a folder of articles.
        article: PathBuf,
        /// A TSV (tabs, no quoting) with a header naming the columns `label` (1 = check-worthy
        /// factual claim, 0 = not) and `sentence`; optionally `file` (the article's name
        /// without its extension) and `kind` (the claim's kinds, separated by commas:
        /// figure, event, attribution, comparison, causal).
        #[arg(long, value_name = "TSV")]
        labels: PathBuf,
        /// Also list every missed claim and false alarm with why: for a false alarm the
        /// suggestion's reasons, for a miss what held the rules back or the nearest signs found.
        #[arg(long, visible_alias = "show-errors")]
        errors: bool,
        /// Also give precision and recall per kind of suggestion (against the labels' `kind`
        /// column; without one, how many of each kind's suggestions are claims).
        #[arg(long)]
        by_kind: bool,
        #[arg(long, value_enum, default_value_t = EvaluateFormat::Text)]
        format: EvaluateFormat,
    },
    /// Export the review: a report (Markdown or a self-contained web page), the annotated
    /// article for the writer (web page), the JSON report for tools, or the article as a Word
    /// document with the comments and claims as Word comments.
    Export {
        /// The project to export.
        project: PathBuf,
        #[arg(long, value_enum)]
        format: ExportChoice,
        /// The file to write (replaced only once it is complete).
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Only the comments and claims of this reviewer (a name, in any case, or an id).
        #[arg(long, value_name = "NAME_OR_ID")]
        reviewer: Option<String>,
    },
    /// Merge two copies of a review, record by record: what one side changed is taken, new
    /// marks from both are kept, and what both changed differently becomes a conflict kept in
    /// OUT (the field holds the safer value until someone picks a side in the desk). With
    /// BASE, the version both started from, the merge is three-way; without, whatever the two
    /// files do not share unchanged is a conflict. Exit 0: merged cleanly; 1: merged with
    /// conflicts (listed); 2: nothing written (unreadable input, different articles, …).
    #[command(override_usage = "copydesk merge [BASE] OURS THEIRS -o OUT [--force]")]
    Merge {
        /// OURS THEIRS, or BASE OURS THEIRS: project files (.copydesk.ron).
        #[arg(num_args = 2..=3, required = true, value_name = "FILES")]
        files: Vec<PathBuf>,
        /// Where to write the merged review.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Replace OUT if it already exists (its previous version is kept as a backup).
        #[arg(long)]
        force: bool,
    },
    /// Let git merge reviews with copydesk: adds `*.copydesk.ron merge=copydesk` to the
    /// repository's .gitattributes (commit it) and registers the merge driver in the
    /// repository's config (each clone runs this once: git does not copy a clone's config).
    /// Then `git merge` and `git pull` merge reviews record by record, keeping conflicts in
    /// the review for the desk. Running it again changes nothing. Hosted merge buttons
    /// (GitHub's, GitLab's) ignore custom merge drivers: merge reviews locally.
    GitSetup {
        /// A folder of the repository (default: the current folder).
        #[arg(value_name = "REPO")]
        repository: Option<PathBuf>,
    },
    /// Git's merge driver for reviews, as `copydesk git-setup` registers it (git runs it;
    /// people rarely do). Merges THEIRS into OURS, three-way with BASE (empty when both
    /// branches added the review), as `copydesk merge` does, and writes the merged review over
    /// OURS: exit 0 when clean; 1 when conflicts are kept in the review (listed on stderr; git
    /// then reports a conflict, settled in the desk's Conflicts tab). When an input cannot be
    /// used, OURS is left as it is, stderr says why, and the exit status is 2. OURS is always
    /// a review that opens in the desk, never a file with conflict markers.
    #[command(
        hide = true,
        override_usage = "copydesk merge-driver BASE OURS THEIRS PATH   (git's %O %A %B %P)"
    )]
    MergeDriver {
        /// The version both branches started from (git's %O, a temporary file).
        base: PathBuf,
        /// Our branch's version (git's %A), replaced by the merged review.
        ours: PathBuf,
        /// The version of the branch merged in (git's %B).
        theirs: PathBuf,
        /// The review's path in the repository (git's %P), for messages.
        path: PathBuf,
    },
    /// List the reviews a desk that crashed or was killed left autosaved, with what each
    /// would bring back; with N and -o, write review N to a new project file.
    Recover {
        /// The number of the review to restore, as listed.
        number: Option<usize>,
        /// The new project file to write it to.
        #[arg(short, long, value_name = "PROJECT")]
        output: Option<PathBuf>,
    },
    /// Write the bundled sample review (an article with a few marks) to a project file,
    /// to try the other commands on.
    Sample {
        /// Where to write the project.
        #[arg(short, long, value_name = "PROJECT")]
        output: PathBuf,
    },
}

/// What `copydesk library` does.
#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Add folders of reviews to the library and read them (recursively; hidden folders
    /// skipped). Exit 0 when every review was read, 1 when some could not be (each named,
    /// with why, and skipped), 2 on an error (a folder that does not exist, …).
    Add {
        /// Folders holding reviews (.copydesk.ron).
        #[arg(required = true, value_name = "FOLDER")]
        folders: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = LibraryFormat::Text)]
        format: LibraryFormat,
    },
    /// Read again the reviews that changed in the library's folders, and drop those deleted.
    /// Exit statuses as for `add`.
    Update {
        #[arg(long, value_enum, default_value_t = LibraryFormat::Text)]
        format: LibraryFormat,
    },
    /// Stop reading a folder, and drop the claims of its reviews.
    Remove {
        folder: PathBuf,
        #[arg(long, value_enum, default_value_t = LibraryFormat::Text)]
        format: LibraryFormat,
    },
    /// The claims whose sentence, words, note or article hold every one of these words
    /// (case and accents ignored), best first.
    Search {
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
        /// At most this many claims.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = LibraryFormat::Text)]
        format: LibraryFormat,
    },
    /// Every claim in the library, by article.
    List {
        #[arg(long, value_enum, default_value_t = LibraryFormat::Text)]
        format: LibraryFormat,
    },
    /// How much the library holds: folders, reviews, claims by status, the index's size.
    Stats {
        #[arg(long, value_enum, default_value_t = LibraryFormat::Text)]
        format: LibraryFormat,
    },
}

/// The `--format` of `library`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LibraryFormat {
    /// For people.
    Text,
    /// JSON for tools (docs/FORMAT.md).
    Json,
}

/// The `--format` of `evaluate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EvaluateFormat {
    /// A summary for people.
    Text,
    /// JSON for tools (`copydesk-evaluation`): figures, errors with reasons, kinds.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    Tsv,
    Json,
}

/// The `--format` of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportChoice {
    /// The review report as Markdown.
    Markdown,
    /// The review report as a self-contained web page.
    Html,
    /// The article with highlighted passages and numbered notes, as a web page.
    Annotated,
    /// The JSON report (docs/FORMAT.md).
    Json,
    /// The article as a Word document, the comments and claims as Word comments.
    Docx,
}

impl ExportChoice {
    /// The export the choice names.
    pub fn format(self) -> ExportFormat {
        match self {
            Self::Markdown => ExportFormat::Markdown,
            Self::Html => ExportFormat::Html,
            Self::Annotated => ExportFormat::AnnotatedHtml,
            Self::Json => ExportFormat::Json,
            Self::Docx => ExportFormat::Docx,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MemoFormat {
    Markdown,
    Json,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_file_and_a_command_are_told_apart() {
        let cli = Cli::try_parse_from(["copydesk", "draft.txt"]).unwrap();
        assert_eq!(cli.file, Some(PathBuf::from("draft.txt")));
        let cli = Cli::try_parse_from(["copydesk", "check", "p.copydesk.ron"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Check { .. })));
    }

    #[test]
    fn show_errors_still_asks_evaluate_for_the_errors() {
        let cli = Cli::try_parse_from([
            "copydesk",
            "evaluate",
            "a.txt",
            "--labels",
            "l.tsv",
            "--show-errors",
        ])
        .unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Evaluate {
                errors: true,
                by_kind: false,
                ..
            })
        ));
    }
}

//! The command line: the desk, and headless commands for scripts and publishing pipelines.
//!
//! Errors go to stderr with a non-zero exit status; nothing here panics on bad input.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod recover;

use clap::{Parser, Subcommand, ValueEnum};
use jiff::Timestamp;

use crate::check::open_items;
use crate::export::json_report;
use crate::export::{ExportFormat, export_bytes};
use crate::import::import_file;
use crate::memo::markdown_memo;
use crate::open::project_from_path;
use crate::progress::Progress;
use crate::project_file::{is_project_path, load_project, save_project, write_atomically};
use crate::revise::{NextDraft, read_next_draft};
use crate::suggest::evaluate::{evaluate, labels_from_tsv};
use crate::suggest::listing::{json_from_suggestions, text_from_evaluation, tsv_from_suggestions};
use crate::suggest::{detect_in_project, suggestions_for_project, undecided};
use crate::text::counted;
use crate::text::shortened;

/// Exit status of `check` when something is still open.
pub const EXIT_OPEN: u8 = 1;
/// Exit status for unreadable input and other errors.
pub const EXIT_ERROR: u8 = 2;

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
    /// Import an article (.txt, .md, .docx or .html) into a new project file, without opening the desk.
    Import {
        /// The article to import.
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
    },
    /// Measure the suggestions against labelled sentences: precision, recall and F1 of the
    /// factual kinds, matching sentences by their text.
    Evaluate {
        /// The article (or project) the labels are for.
        article: PathBuf,
        /// A TSV with a header naming the columns `label` (1 = check-worthy factual claim,
        /// 0 = not) and `sentence`.
        #[arg(long, value_name = "TSV")]
        labels: PathBuf,
        /// Also list the sentences it missed and the false alarms.
        #[arg(long)]
        show_errors: bool,
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
    fn format(self) -> ExportFormat {
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

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with status 0; usage errors to stderr with 2.
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(EXIT_ERROR)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        None => match crate::app::run_desk(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => fail(&error),
        },
        Some(Command::Import {
            article,
            output,
            force,
        }) => import_command(&article, &output, force),
        Some(Command::Revise {
            project,
            new_article,
            output,
        }) => revise_command(&project, &new_article, output.as_deref()),
        Some(Command::Memo { project, format }) => memo_command(&project, format),
        Some(Command::Check { project }) => check_command(&project),
        Some(Command::Suggest { file, format }) => suggest_command(&file, format),
        Some(Command::Evaluate {
            article,
            labels,
            show_errors,
        }) => evaluate_command(&article, &labels, show_errors),
        Some(Command::Export {
            project,
            format,
            output,
        }) => export_command(&project, format.format(), &output),
        Some(Command::Sample { output }) => sample_command(&output),
        Some(Command::Recover { number, output }) => {
            recover::recover_command(number, output.as_deref())
        }
    }
}

fn export_command(project_path: &Path, format: ExportFormat, output: &Path) -> ExitCode {
    if same_file(project_path, output) || is_project_path(output) {
        return fail(&format!(
            "{}: an export never replaces a project; write it to another file",
            output.display()
        ));
    }
    let project = match load_project(project_path) {
        Ok(project) => project,
        Err(error) => return fail(&error),
    };
    let bytes = match export_bytes(&project, format) {
        Ok(bytes) => bytes,
        Err(error) => return fail(&format!("{}: {error}", output.display())),
    };
    if let Err(error) = write_atomically(output, &bytes) {
        return fail(&error);
    }
    print_then_exit(
        &format!(
            "Exported {} to {}: {}.\n",
            project_path.display(),
            output.display(),
            format.label()
        ),
        ExitCode::SUCCESS,
    )
}

fn suggest_command(path: &Path, format: SuggestFormat) -> ExitCode {
    let project = match project_from_path(path) {
        Ok(project) => project,
        Err(error) => return fail(&error),
    };
    let suggestions = suggestions_for_project(&project);
    let text = match format {
        SuggestFormat::Tsv => tsv_from_suggestions(&project, &suggestions),
        SuggestFormat::Json => json_from_suggestions(&project, &suggestions),
    };
    print_then_exit(&text, ExitCode::SUCCESS)
}

fn evaluate_command(article: &Path, labels: &Path, show_errors: bool) -> ExitCode {
    let project = match project_from_path(article) {
        Ok(project) => project,
        Err(error) => return fail(&error),
    };
    let text = match std::fs::read(labels) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            "cannot read the labels: not UTF-8 text (expected a tab-separated file)".to_owned()
        }),
        Err(error) => Err(format!("cannot read the labels: {error}")),
    };
    let labels = match text.and_then(|text| labels_from_tsv(&text).map_err(|e| e.to_string())) {
        Ok(labels) => labels,
        Err(error) => return fail(&format!("{}: {error}", labels.display())),
    };
    let evaluation = evaluate(&project, &labels);
    print_then_exit(
        &text_from_evaluation(&evaluation, show_errors),
        ExitCode::SUCCESS,
    )
}

fn fail(error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("copydesk: {error}");
    ExitCode::from(EXIT_ERROR)
}

fn import_command(article: &Path, output: &Path, force: bool) -> ExitCode {
    if same_file(article, output) {
        return fail(&format!(
            "{}: is the article itself; write the project to another file",
            output.display()
        ));
    }
    if output.exists() && !force {
        let what = if is_project_path(output) {
            "replace it and lose its review"
        } else {
            "replace it"
        };
        return fail(&format!(
            "{}: already exists; choose another name, or add --force to {what}",
            output.display()
        ));
    }
    let project = match import_file(article, Timestamp::now()) {
        Ok(project) => project,
        Err(error) => return fail(&error),
    };
    let saved = match save_keeping_backup(&project, output, None) {
        Ok(saved) => saved,
        Err(error) => return fail(&error),
    };
    let progress = project.progress();
    print_then_exit(
        &format!(
            "Imported {} into {}: {}.{}\n{saved}",
            article.display(),
            output.display(),
            counted(progress.sections, "section", "sections"),
            crate::import::what_the_file_carried(&project),
        ),
        ExitCode::SUCCESS,
    )
}

/// Writes `project` to `output` as the desk saves: a project it replaces is kept as a backup
/// first. `read` is what the file held when it was read (it must not have changed since);
/// `None` replaces whatever is there. Returns what to tell the person about the backup and
/// about a desk that has the file open.
fn save_keeping_backup(
    project: &crate::model::Project,
    output: &Path,
    read: Option<crate::open::ProjectOnDisk>,
) -> Result<String, crate::storage::save::SaveError> {
    use crate::storage::save::{Expectation, SaveRequest, save_project_file};
    let replaces_project = output.exists() && is_project_path(output);
    let backups = crate::storage::Safekeeping::for_this_user().backups();
    let saved = save_project_file(
        &crate::storage::RealFileSystem,
        SaveRequest {
            project,
            path: output,
            expect: read.map_or(Expectation::Overwrite, |read| {
                Expectation::Unchanged(read.hash)
            }),
            backups: backups.as_ref().filter(|_| replaces_project),
            upgrading_from: read
                .filter(crate::open::ProjectOnDisk::is_older_version)
                .map(|read| read.version),
        },
        Timestamp::now(),
    )?;
    let mut text = String::new();
    if let Some(backup) = &saved.backup {
        text.push_str(&format!(
            "The previous version is kept in {}.\n",
            backup.display()
        ));
    }
    if let Some(problem) = &saved.backup_problem {
        text.push_str(&format!(
            "The previous version could not be backed up: {problem}.\n"
        ));
    }
    let lock = crate::storage::lock::lock_path(output);
    if let Some(owner) = crate::storage::lock::read_owner(&lock)
        .filter(|owner| owner.liveness() != crate::storage::lock::Liveness::Gone)
    {
        text.push_str(&format!(
            "Note: it is open in a desk for {}; that desk will ask before saving over this.\n",
            owner.describe()
        ));
    }
    Ok(text)
}

fn revise_command(project_path: &Path, article: &Path, output: Option<&Path>) -> ExitCode {
    let output = output.unwrap_or(project_path);
    // The project given as the article is refused by the import, with its own message.
    if same_file(article, output) && !same_file(article, project_path) {
        return fail(&format!(
            "{}: is the article itself; write the project to another file",
            output.display()
        ));
    }
    if output != project_path && output.exists() && !same_file(project_path, output) {
        return fail(&format!(
            "{}: already exists; choose another name, or leave out -o to update {}",
            output.display(),
            project_path.display()
        ));
    }
    let opened = match crate::open::open_path(project_path) {
        Ok(opened) if opened.file.is_some() => opened,
        Ok(_) => {
            return fail(&format!(
                "{}: not a copydesk project; import the article first",
                project_path.display()
            ));
        }
        Err(error) => return fail(&error),
    };
    let on_disk = opened.file;
    if let Some(on_disk) = on_disk.filter(crate::open::ProjectOnDisk::is_newer_version) {
        // Writing it back would drop what this version does not understand.
        return fail(&crate::project_file::ProjectFileError::NewerVersion {
            path: project_path.to_owned(),
            found: on_disk.version,
            supported: crate::project_file::FORMAT_VERSION,
        });
    }
    let project = opened.project;
    let revised = match read_next_draft(&project, article, &Progress::new()) {
        Ok(NextDraft::Revised(revised)) => *revised,
        Ok(NextDraft::AlreadyOpen { .. }) => {
            return fail(&format!(
                "{}: is the draft the project already holds (the same content); nothing to carry over",
                article.display()
            ));
        }
        Err(error) => return fail(&error),
    };
    let read = on_disk.filter(|_| same_file(project_path, output));
    let saved = match save_keeping_backup(&revised.project, output, read) {
        Ok(saved) => saved,
        Err(error) => return fail(&error),
    };
    let mut text = format!("{}\nWrote {}.\n{saved}", revised.summary, output.display());
    let unsettled = unsettled_marks(&revised.project);
    if !unsettled.is_empty() {
        text.push_str(&format!(
            "{} to look at in the desk (Revision tab):\n",
            counted(unsettled.len(), "mark", "marks")
        ));
        for line in unsettled {
            text.push_str(&format!("  - {line}\n"));
        }
    }
    print_then_exit(&text, ExitCode::SUCCESS)
}

/// The fuzzy and orphaned marks of a revised project, one line each.
fn unsettled_marks(project: &crate::model::Project) -> Vec<String> {
    let describe = |state: Option<&crate::model::Carried>, what: &str, quote: &str| {
        let carried = state?;
        carried.state.needs_attention().then(|| {
            let before = carried
                .passage_before
                .as_ref()
                .map_or(quote, |p| p.quote.as_str());
            match carried.state {
                crate::model::AnchorState::Fuzzy => format!(
                    "fuzzy {what}: “{}” → “{}” ({}% alike)",
                    shortened(before, 60),
                    shortened(quote, 60),
                    carried.similarity.unwrap_or(0)
                ),
                _ => format!("orphaned {what}: “{}”", shortened(before, 60)),
            }
        })
    };
    let comments = project.comments.iter().filter_map(|c| {
        let quote = c.passage.as_ref().map_or("", |p| p.quote.as_str());
        describe(c.carried.as_ref(), "comment", quote)
    });
    let claims = project
        .claims
        .iter()
        .filter_map(|c| describe(c.carried.as_ref(), "claim", &c.passage.quote));
    comments.chain(claims).collect()
}

fn sample_command(output: &Path) -> ExitCode {
    if output.exists() {
        return fail(&format!(
            "{}: already exists; choose another name",
            output.display()
        ));
    }
    let project = match crate::sample::sample_project(Timestamp::now()) {
        Ok(project) => project,
        Err(error) => return fail(&error),
    };
    match save_project(&project, output) {
        Ok(()) => print_then_exit(
            &format!("Wrote the sample review to {}.\n", output.display()),
            ExitCode::SUCCESS,
        ),
        Err(error) => fail(&error),
    }
}

fn memo_command(path: &Path, format: MemoFormat) -> ExitCode {
    let project = match project_from_path(path) {
        Ok(project) => project,
        Err(error) => return fail(&error),
    };
    let suggestions = detect_in_project(&project);
    let undecided = undecided(&suggestions, &project);
    let report = match format {
        MemoFormat::Markdown => markdown_memo(&project, &undecided),
        MemoFormat::Json => json_report(&project, &undecided),
    };
    print_then_exit(&report, ExitCode::SUCCESS)
}

fn check_command(path: &Path) -> ExitCode {
    let project = match load_project(path) {
        Ok(project) => project,
        Err(error) => return fail(&error),
    };
    let open = open_items(&project);
    if open.is_empty() {
        let progress = project.progress();
        return print_then_exit(
            &format!(
                "{}: ready — all {} approved, nothing open.\n",
                path.display(),
                counted(progress.sections, "section", "sections")
            ),
            ExitCode::SUCCESS,
        );
    }
    let mut text = format!(
        "{}: not ready — {} open:\n",
        path.display(),
        counted(open.len(), "item", "items")
    );
    for item in &open {
        text.push_str(&format!("  - {item}\n"));
    }
    let suggestions = detect_in_project(&project);
    let undecided = undecided(&suggestions, &project).len();
    if undecided > 0 {
        text.push_str(&format!(
            "Also: {} not yet accepted or dismissed (copydesk suggest {}).\n",
            counted(undecided, "suggested sentence", "suggested sentences"),
            path.display()
        ));
    }
    print_then_exit(&text, ExitCode::from(EXIT_OPEN))
}

/// Prints `text` and exits with `code` — without panicking when stdout is gone. A reader that
/// stopped early (`copydesk check p | grep -q ready`, `report | head`) is no error; a write
/// that fails otherwise (a full disk) is.
fn print_then_exit(text: &str, code: ExitCode) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => code,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(error) => fail(&format!("cannot write the output: {error}")),
    }
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
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
}

//! The detector on real journalism (issue 19): the news development set in
//! `../shared/corpus/news/` — five published articles labelled sentence by sentence by the rules
//! in its README — scored article by article and pooled. Third-party texts, so they are read
//! from `../shared`, never committed.

use std::collections::BTreeMap;

use copydesk::import::import_file;
use copydesk::suggest::evaluate::{Evaluation, evaluate, labels_from_tsv};
use jiff::Timestamp;

use crate::common::shared_file;

#[test]
fn on_real_news_the_pooled_f1_and_precision_meet_the_goal() {
    let Some(labels) = shared_file("corpus/news/labels.tsv") else {
        return;
    };
    let folder = labels.parent().unwrap();
    let text = std::fs::read_to_string(&labels).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    // labels.tsv holds every article's rows (`file` first); each article is scored on its own.
    let mut rows_by_article: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for line in lines.filter(|line| !line.trim().is_empty()) {
        let article = line.split('\t').next().unwrap();
        rows_by_article.entry(article).or_default().push(line);
    }
    assert_eq!(rows_by_article.len(), 5, "{:?}", rows_by_article.keys());
    let mut pooled = Evaluation::default();
    for (article, rows) in &rows_by_article {
        let project =
            import_file(&folder.join(format!("{article}.txt")), Timestamp::now()).unwrap();
        let labelled = labels_from_tsv(&format!("{header}\n{}\n", rows.join("\n"))).unwrap();
        let evaluation = evaluate(&project, &labelled);
        println!(
            "{article}: TP {} FP {} FN {} → P {:.3} R {:.3} F1 {:.3}",
            evaluation.true_positives,
            evaluation.false_positives,
            evaluation.false_negatives,
            evaluation.precision(),
            evaluation.recall(),
            evaluation.f1()
        );
        pooled.true_positives += evaluation.true_positives;
        pooled.false_positives += evaluation.false_positives;
        pooled.false_negatives += evaluation.false_negatives;
        pooled.missed.extend(evaluation.missed);
        pooled.false_alarms.extend(evaluation.false_alarms);
    }
    println!(
        "pooled: TP {} FP {} FN {} → P {:.3} R {:.3} F1 {:.3}",
        pooled.true_positives,
        pooled.false_positives,
        pooled.false_negatives,
        pooled.precision(),
        pooled.recall(),
        pooled.f1()
    );
    assert!(
        pooled.f1() >= 0.88 && pooled.precision() >= 0.85,
        "pooled P {:.3} R {:.3} F1 {:.3}; missed {:#?}; false alarms {:#?}",
        pooled.precision(),
        pooled.recall(),
        pooled.f1(),
        pooled.missed,
        pooled.false_alarms
    );
}

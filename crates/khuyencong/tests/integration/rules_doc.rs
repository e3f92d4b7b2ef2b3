//! The table "Rules by article" of docs/legal-coverage.md is generated from the documents of
//! the rule modules: each module that implements a provision says so in its `//!` documents
//! with a table `| rule | article | confidence |`; this test collects those rows, adds the
//! module, and keeps the page current, so that an article leads to its module in one hop.
//! Regenerate with `KHUYENCONG_BLESS=1 cargo test -p khuyencong --test integration rules_doc`.

use std::path::{Path, PathBuf};

const HEADER: &str = "| rule | article | confidence |";
const SECTION: &str = "## Rules by article (where to look in the code)\n";

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, by path.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("src")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The rows of a module's rule table (rule, article, confidence), from its `//!` documents.
fn rows(text: &str) -> Vec<[String; 3]> {
    let docs: Vec<&str> = text
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| l.trim_start_matches("//!").trim())
        .collect();
    let Some(start) = docs.iter().position(|l| *l == HEADER) else {
        return Vec::new();
    };
    assert_eq!(docs.get(start + 1), Some(&"|---|---|---|"), "{HEADER}");
    docs[start + 2..]
        .iter()
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let cells: Vec<String> = l
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_owned())
                .collect();
            assert_eq!(cells.len(), 3, "a rule row needs three cells: {l}");
            [cells[0].clone(), cells[1].clone(), cells[2].clone()]
        })
        .collect()
}

/// Every module with a rule table: its path under `src/` and its rows.
fn modules() -> Vec<(String, Vec<[String; 3]>)> {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).expect("source");
            let rows = rows(&text);
            let name = path
                .strip_prefix(src())
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            (!rows.is_empty()).then_some((name, rows))
        })
        .collect()
}

fn table() -> String {
    let mut s = String::from(
        "Generated from the documents of the rule modules (each states its rule, article and\n\
         confidence in a table) and checked by a test; regenerate with\n\
         `KHUYENCONG_BLESS=1 cargo test -p khuyencong --test integration rules_doc`. Each module\n\
         holds the rule, its finding kinds and its boundary tests.\n\n\
         | rule | article | module | confidence |\n|---|---|---|---|\n",
    );
    for (module, rows) in modules() {
        for [rule, article, confidence] in rows {
            s.push_str(&format!(
                "| {rule} | {article} | [`{module}`](../crates/khuyencong/src/{module}) | {confidence} |\n"
            ));
        }
    }
    s
}

fn render(page: &str) -> String {
    let start = page.find(SECTION).expect("the section") + SECTION.len();
    let end = page[start..]
        .find("\n## ")
        .map_or(page.len(), |i| start + i + 1);
    format!("{}\n{}\n{}", &page[..start], table(), &page[end..])
}

#[test]
fn rules_by_article_table_is_current() {
    let path = src().join("../../../docs/legal-coverage.md");
    let committed = std::fs::read_to_string(&path).expect("docs/legal-coverage.md");
    let fresh = render(&committed);
    if std::env::var_os("KHUYENCONG_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("write docs/legal-coverage.md");
    }
    assert!(
        committed == fresh,
        "the rules-by-article table of docs/legal-coverage.md is out of date; regenerate with KHUYENCONG_BLESS=1"
    );
}

/// Every eligibility rule module states its provision, and no two modules claim the same rule.
#[test]
fn every_eligibility_rule_names_its_article() {
    let mut files = Vec::new();
    sources(&src().join("eligibility"), &mut files);
    let machinery = ["mod.rs", "trail.rs", "test_support.rs"];
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if machinery.contains(&name) && !path.ends_with("location/mod.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        assert_eq!(
            rows(&text).len(),
            1,
            "{} must state its rule, article and confidence in one row",
            path.display()
        );
    }
    let mut rules: Vec<String> = modules()
        .into_iter()
        .flat_map(|(_, rows)| rows.into_iter().map(|[rule, ..]| rule))
        .collect();
    let n = rules.len();
    rules.sort();
    rules.dedup();
    assert_eq!(rules.len(), n, "two modules state the same rule");
}

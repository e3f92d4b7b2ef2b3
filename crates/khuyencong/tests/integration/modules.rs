//! The import graph of the core's top-level modules, read from the sources: which module
//! names which (`crate::x`, `crate::{x, y}` outside tests and comments, and the paths that
//! serde attributes name in strings, `deserialize_with = "crate::x::…"`), and whether any
//! of them form a cycle. None does: the rules sit above the data they use. The code lists of
//! fund levels and sources (`fund`) depend on no rule module; the support limits
//! (`support`) do not depend on the funding rules (`funding`); the figures documents state
//! and their reconciliation (`figure`) sit below both the documents and the funding rules;
//! the strict field readers (`de`) below every type that names them; the schema machinery
//! and the structural report (`input`) below the documents and the rule packs, whose
//! schemas they are given; the province rule reads documents through a trait they
//! implement; and `schema` only assembles what each module generates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "test_support.rs")
        {
            out.push(path);
        }
    }
}

/// The code of a source file without its `#[cfg(test)]` items (wherever they stand: a test
/// helper in the middle of a file hides nothing after it), comments and string literals —
/// except the string literals that are paths of the crate
/// (`"crate::de::items::<_, _, 0, 1000>"`, as serde attributes name a function), which are
/// kept as code. The lexer is the finding-code guard's.
fn code(text: &str) -> String {
    let (mut blank, literals) = super::finding_codes::lex(text);
    let tests = super::finding_codes::spans(&blank, "#[cfg(test)]");
    for &(from, to) in &tests {
        for c in &mut blank[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    }
    let mut out = String::from_utf8_lossy(&blank).into_owned();
    for l in &literals {
        let in_test = tests.iter().any(|&(a, b)| a <= l.start && l.start < b);
        if !in_test && l.text.starts_with("crate::") {
            out.push(' ');
            out.push_str(&l.text);
            out.push('\n');
        }
    }
    out
}

fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules a piece of code names.
fn named(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for part in code.split("crate::").skip(1) {
        if let Some(group) = part.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or_default();
            for item in group.split(',') {
                let name = ident(item.trim());
                if !name.is_empty() {
                    out.insert(name.to_owned());
                }
            }
        } else {
            out.insert(ident(part).to_owned());
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(&src(), &mut files);
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in files {
        let rel = path.strip_prefix(src()).expect("under src");
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_owned();
        let text = std::fs::read_to_string(&path).expect("source");
        let deps = named(&code(&text));
        g.entry(top.clone())
            .or_default()
            .extend(deps.into_iter().filter(|d| *d != top));
    }
    let modules: BTreeSet<String> = g.keys().cloned().collect();
    for deps in g.values_mut() {
        deps.retain(|d| modules.contains(d));
    }
    g
}

/// The modules reachable from `from`.
fn reach(g: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_owned()];
    while let Some(m) = todo.pop() {
        for d in g.get(&m).into_iter().flatten() {
            if seen.insert(d.clone()) {
                todo.push(d.clone());
            }
        }
    }
    seen
}

#[test]
fn module_graph() {
    let g = graph();
    assert!(g.len() > 15, "the modules were read: {:?}", g.keys());
    assert!(g["funding"].contains("support"), "the reader sees imports");
    assert!(
        !g["support"].contains("funding"),
        "the support limits do not import the funding rules"
    );
    let fund = reach(&g, "fund");
    assert!(
        fund.iter()
            .all(|m| ["codelist", "law"].contains(&m.as_str())),
        "the fund code lists sit below the rules: {fund:?}"
    );
    for leaf in ["law", "money", "codelist", "finding", "fund"] {
        assert!(!reach(&g, leaf).contains(leaf), "{leaf} is in a cycle");
    }
    assert!(
        g["support"].contains("de") && g["applicant"].contains("de"),
        "the reader sees the paths serde attributes name: {:?}",
        (&g["support"], &g["applicant"])
    );
    let figure = reach(&g, "figure");
    assert!(
        !figure.contains("document") && !figure.contains("funding"),
        "the stated figures and their reconciliation sit below the documents and the funding rules: {figure:?}"
    );
    let above_schema: Vec<&String> = g
        .iter()
        .filter(|(_, deps)| deps.contains("schema"))
        .map(|(m, _)| m)
        .collect();
    assert!(
        above_schema.is_empty(),
        "the published schemas only assemble what the modules generate; no module imports them: {above_schema:?}"
    );
    // No module is in a cycle: each one's imports lead only to modules below it.
    let in_cycle: BTreeSet<&str> = g
        .keys()
        .filter(|m| reach(&g, m).contains(*m))
        .map(String::as_str)
        .collect();
    assert!(
        in_cycle.is_empty(),
        "modules in an import cycle: {in_cycle:?}; the cycles: {:?}",
        in_cycle
            .iter()
            .map(|m| (
                m,
                g[*m]
                    .iter()
                    .filter(|d| reach(&g, d).contains(*m))
                    .collect::<Vec<_>>()
            ))
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_reader_skips_test_items_only() {
    let text = r#"
use crate::law::Citation;
#[cfg(test)]
fn helper() { let _ = crate::money::Vnd::ZERO; }
use crate::fund::FundLevel; // crate::codelist in a comment
#[serde(deserialize_with = "crate::de::items")]
const S: &str = "crate";
#[cfg(test)]
mod tests {
    use crate::support::limit;
}
"#;
    let names = named(&code(text));
    assert_eq!(
        names,
        BTreeSet::from(["de".to_owned(), "fund".to_owned(), "law".to_owned()]),
        "imports after a test item are seen; test items, comments and plain strings are not"
    );
}

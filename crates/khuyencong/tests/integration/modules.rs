//! The import graph of the core's top-level modules, read from the sources: which module
//! names which (`crate::x`, `crate::{x, y}` outside tests and comments), and which modules
//! form cycles. The rules sit above the data they use: the code lists of fund levels and
//! sources (`fund`) depend on no rule module, the support limits (`support`) do not depend
//! on the funding rules (`funding`), and the cycles that remain are listed here, so that a
//! new one fails this test and a removed one updates the list.

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

/// The code of a source file without its tests, comments and string literals.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or_default();
        let mut in_string = false;
        let mut escaped = false;
        for c in line.chars() {
            match (in_string, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (true, false, '"') => in_string = false,
                (true, ..) => {}
                (false, _, '"') => in_string = true,
                (false, ..) => out.push(c),
            }
        }
        out.push('\n');
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
    // The modules still in a cycle (through the document reader and the pack loader); the
    // list only shrinks.
    let in_cycle: BTreeSet<&str> = g
        .keys()
        .filter(|m| reach(&g, m).contains(*m))
        .map(String::as_str)
        .collect();
    assert_eq!(
        in_cycle,
        BTreeSet::from([
            "catalog", "document", "funding", "input", "province", "schema", "support"
        ]),
        "the modules in import cycles changed: a new cycle must be removed, a removed one taken off this list"
    );
}

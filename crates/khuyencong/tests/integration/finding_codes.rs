//! Every finding of the core is built from a kind declared once with `finding_kinds!`: no
//! finding is built from a code written as text (`Finding::new("report.x", …)`), and no
//! string shaped like a finding code (`"reconcile.range"`, `format!("structure.{}", …)`) is
//! written outside the `code:` of a declaration — not in a comparison, not in a format. The
//! sources of `src/` are scanned outside comments and `#[cfg(test)]` items; the code areas
//! (`structure`, `reconcile`, `report`…) are those of the registry.
//!
//! The scanner is tested on a sample that must be flagged and one that must pass, so that the
//! guard cannot be a check that never fails.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One string literal of a source text: where it starts and what it says (unescaped only as
/// far as the check needs: escapes are kept as written).
pub(crate) struct Literal {
    pub(crate) start: usize,
    pub(crate) text: String,
}

/// The source with comments, string and character literals blanked out (same length, so
/// offsets agree), and the string literals.
pub(crate) fn lex(src: &str) -> (Vec<u8>, Vec<Literal>) {
    let b = src.as_bytes();
    let mut blank = b.to_vec();
    let mut literals = Vec::new();
    let mut i = 0;
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let clear = |blank: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut blank[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = src[i..].find('\n').map_or(b.len(), |n| i + n);
                clear(&mut blank, i, end);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let (mut depth, mut j) = (1, i + 2);
                while j < b.len() && depth > 0 {
                    if b[j] == b'/' && b.get(j + 1) == Some(&b'*') {
                        depth += 1;
                        j += 2;
                    } else if b[j] == b'*' && b.get(j + 1) == Some(&b'/') {
                        depth -= 1;
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                clear(&mut blank, i, j);
                i = j;
            }
            b'r' if (i == 0 || !ident(b[i - 1]))
                && matches!(b.get(i + 1), Some(b'"' | b'#'))
                && b[i + 1..].iter().take_while(|c| **c == b'#').count() < b.len() =>
            {
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let open = i + 2 + hashes;
                let close = format!("\"{}", "#".repeat(hashes));
                let end = src[open..].find(&close).map_or(b.len(), |n| open + n);
                literals.push(Literal {
                    start: i,
                    text: src[open..end].to_owned(),
                });
                let stop = (end + close.len()).min(b.len());
                clear(&mut blank, i, stop);
                i = stop;
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let end = j.min(b.len());
                literals.push(Literal {
                    start: i,
                    text: src[i + 1..end].to_owned(),
                });
                let stop = (end + 1).min(b.len());
                clear(&mut blank, i, stop);
                i = stop;
            }
            b'\'' => {
                // A character literal ('x', '\n', '\u{..}'), or a lifetime ('a).
                let len = if b.get(i + 1) == Some(&b'\\') {
                    src[i + 2..].find('\'').map(|n| n + 3)
                } else {
                    src[i + 1..]
                        .chars()
                        .next()
                        .map(char::len_utf8)
                        .filter(|n| b.get(i + 1 + n) == Some(&b'\''))
                        .map(|n| n + 2)
                };
                match len {
                    Some(n) => {
                        clear(&mut blank, i, i + n);
                        i += n;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    (blank, literals)
}

/// The end of the item that starts at `from` in the blanked text: after its `;` or its
/// balanced `{ … }`, whichever comes first.
fn item_end(blank: &[u8], from: usize) -> usize {
    let mut depth = 0usize;
    for (j, c) in blank.iter().enumerate().skip(from) {
        match c {
            b';' if depth == 0 => return j + 1,
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j + 1;
                }
            }
            _ => {}
        }
    }
    blank.len()
}

/// The spans of `#[cfg(test)]` items, and of `finding_kinds!` declarations.
pub(crate) fn spans(blank: &[u8], marker: &str) -> Vec<(usize, usize)> {
    let text = String::from_utf8_lossy(blank);
    text.match_indices(marker)
        .map(|(at, m)| (at, item_end(blank, at + m.len())))
        .collect()
}

/// What precedes offset `at` in the blanked text, without the whitespace in between.
fn before(blank: &[u8], at: usize) -> String {
    let s = String::from_utf8_lossy(&blank[..at]);
    s.trim_end().to_owned()
}

/// Whether a literal is shaped like a finding code of one of `areas` (or a code built from
/// one: `"structure.{}"`, `"report."`).
fn code_shaped(text: &str, areas: &BTreeSet<String>) -> bool {
    text.split_once('.').is_some_and(|(area, rest)| {
        areas.contains(area)
            && rest
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_{}".contains(c))
    })
}

/// The places (line, what) where a source builds a finding from text or writes a code
/// outside a declaration.
fn violations(src: &str, areas: &BTreeSet<String>) -> Vec<(usize, String)> {
    let (blank, literals) = lex(src);
    let tests = spans(&blank, "#[cfg(test)]");
    let declarations = spans(&blank, "finding_kinds!");
    let inside =
        |spans: &[(usize, usize)], at: usize| spans.iter().any(|(a, b)| *a <= at && at < *b);
    let line = |at: usize| src[..at].matches('\n').count() + 1;
    let mut out = Vec::new();
    let text = String::from_utf8_lossy(&blank).into_owned();
    for (at, _) in text.match_indices("Finding::new(") {
        if !inside(&tests, at) {
            out.push((line(at), "Finding::new(…)".to_owned()));
        }
    }
    for l in &literals {
        if inside(&tests, l.start) || !code_shaped(&l.text, areas) {
            continue;
        }
        let declared = inside(&declarations, l.start) && before(&blank, l.start).ends_with("code:");
        if !declared {
            out.push((line(l.start), format!("\"{}\"", l.text)));
        }
    }
    out
}

/// The areas of the registered codes (`structure`, `reconcile`…).
fn areas() -> BTreeSet<String> {
    khuyencong::registry::findings()
        .filter_map(|d| d.code.split_once('.').map(|(a, _)| a.to_owned()))
        .collect()
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_finding_code_outside_its_declaration() {
    let areas = areas();
    assert!(areas.len() >= 8, "{areas:?}");
    let mut files = Vec::new();
    sources(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    assert!(files.len() > 50, "{}", files.len());
    let mut found = Vec::new();
    for file in &files {
        let src = std::fs::read_to_string(file).expect("a source file");
        for (line, what) in violations(&src, &areas) {
            found.push(format!("{}:{line}: {what}", file.display()));
        }
    }
    assert!(
        found.is_empty(),
        "findings built from text or codes written outside `finding_kinds!`:\n{}",
        found.join("\n")
    );
}

/// Every registered code is declared once, and every error has a fix to give.
#[test]
fn each_code_declared_once_and_errors_have_a_fix() {
    let mut seen = BTreeSet::new();
    for def in khuyencong::registry::findings() {
        assert!(seen.insert(def.code), "{} declared twice", def.code);
        if def.severity == khuyencong::Severity::Error {
            assert!(
                !def.fix_en.starts_with("Nothing") && !def.fix_vi.starts_with("Không cần"),
                "{}: an error needs a fix, not {:?}",
                def.code,
                def.fix_en
            );
        }
    }
}

const FLAGGED: &str = r##"
fn rule(out: &mut Vec<Finding>, x: u8) {
    out.push(Finding::new("report.new_code", Severity::Error, "", "a", "b"));
    if f.code == "reconcile.range" { return; }
    let code = format!("structure.{}", x);
    let raw = r#"plan.total_mismatch"#;
    finding_kinds! {
        Odd { message: ("scheme.split_total_mismatch", "x") }
    }
}
"##;

const PASSES: &str = r#"
//! The codes `reconcile.range` and "report.results_total_mismatch" in documents.
/// A comment with "structure.empty" and Finding::new("x.y").
finding_kinds! {
    /// Declared here.
    Range {
        code: "reconcile.range",
        severity: Info,
        message: ("{what}: a 'quoted' range, \"reconcile\"", "see funding.md"),
    }
}
fn rule<'a>(c: char, s: &'a str) -> bool {
    let brace = '{';
    /* a block comment "plan.total_mismatch" /* nested */ */
    s == "funding" || s == "report" || c == '"' || brace == '}'
}
#[cfg(test)]
mod tests {
    fn t() {
        assert_eq!(f.code, "reconcile.range");
        let _ = Finding::new("document.x", Severity::Info, "", "", "");
    }
}
"#;

/// The scanner finds each kind of violation in a sample, and passes declarations, comments,
/// other strings and tests.
#[test]
fn the_scanner_flags_and_passes() {
    let areas: BTreeSet<String> = ["reconcile", "report", "structure", "plan", "scheme"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    let flagged: Vec<String> = violations(FLAGGED, &areas)
        .into_iter()
        .map(|(_, what)| what)
        .collect();
    assert_eq!(
        flagged,
        [
            "Finding::new(…)",
            "\"report.new_code\"",
            "\"reconcile.range\"",
            "\"structure.{}\"",
            "\"plan.total_mismatch\"",
            "\"scheme.split_total_mismatch\"",
        ],
        "{flagged:?}"
    );
    assert_eq!(violations(PASSES, &areas), Vec::new());
}

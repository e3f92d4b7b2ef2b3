//! docs/findings.md is generated from the library's own table of finding codes, with a real
//! example from the shared corpus; this test keeps it current.
//! Regenerate with `KHUYENCONG_BLESS=1 cargo test -p khuyencong --test integration findings_doc`.

use std::fmt::Write;
use std::path::PathBuf;

use khuyencong::document::{CheckOptions, check_bytes};
use khuyencong::law::Lang;
use khuyencong::registry::findings as registry;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The first case of the corpus (by name) that produces each code, with its finding.
fn examples() -> std::collections::BTreeMap<String, (String, khuyencong::Finding)> {
    let mut out = std::collections::BTreeMap::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/cases"))
        .expect("cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.json").exists())
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let input = std::fs::read(dir.join("input.json")).expect("input");
        for f in check_bytes(&input, &CheckOptions::default()).findings {
            out.entry(f.code.clone())
                .or_insert_with(|| (name.clone(), f));
        }
    }
    out
}

fn render() -> String {
    let examples = examples();
    let mut s = String::from(
        "# Finding codes / Mã phát hiện\n\n\
         Every finding the library reports has a stable code. This page is generated from the\n\
         library's own table (`khuyencong::registry::findings()`) and checked by a test, so it never\n\
         drifts; the examples are real outputs on the shared corpus in `tests/cases/`.\n\
         `khuyencong explain CODE` prints the same entry.\n\n\
         Mỗi phát hiện có một mã cố định. Trang này được sinh tự động từ bảng mã của thư viện.\n\n",
    );
    let mut defs: Vec<_> = registry().collect();
    defs.sort_by_key(|d| d.code);
    let _ = writeln!(s, "| code | severity | basis |\n|---|---|---|");
    for d in &defs {
        let _ = writeln!(
            s,
            "| [`{}`](#{}) | {} | {} |",
            d.code,
            d.code.replace('.', ""),
            d.severity.code(),
            d.citation.map(|c| c.render(Lang::En)).unwrap_or_default()
        );
    }
    for d in &defs {
        let _ = write!(s, "\n## {}\n\n", d.code);
        let _ = writeln!(s, "- **Severity / Mức độ:** {}", d.severity.code());
        if let Some(c) = d.citation {
            let _ = writeln!(
                s,
                "- **Basis / Căn cứ:** {} — {}",
                c.render(Lang::En),
                c.render(Lang::Vi)
            );
        }
        let _ = writeln!(s, "- **Meaning:** {}", d.meaning_en);
        let _ = writeln!(s, "- **Ý nghĩa:** {}", d.meaning_vi);
        let _ = writeln!(s, "- **Fix:** {}", d.fix_en);
        let _ = writeln!(s, "- **Cách sửa:** {}", d.fix_vi);
        match examples.get(d.code) {
            Some((case, f)) => {
                let path = if f.path.is_empty() { "/" } else { &f.path };
                let _ = writeln!(s, "- **Example** (`tests/cases/{case}`), at `{path}`:");
                let _ = writeln!(s, "  - en: {}", f.message_en());
                let _ = writeln!(s, "  - vi: {}", f.message_vi());
            }
            None => {
                let _ = writeln!(
                    s,
                    "- **Example:** see the unit tests of the module that reports it."
                );
            }
        }
    }
    s
}

#[test]
fn findings_doc_is_current() {
    let path = root().join("docs/findings.md");
    let fresh = render();
    if std::env::var_os("KHUYENCONG_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("write docs/findings.md");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/findings.md is out of date; regenerate with KHUYENCONG_BLESS=1"
    );
}

#[test]
fn finding_codes_are_unique_and_documented_in_both_languages() {
    let mut codes: Vec<&str> = registry().map(|d| d.code).collect();
    let n = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), n, "duplicate finding codes");
    for d in registry() {
        assert!(d.code.contains('.') && d.code.is_ascii(), "{}", d.code);
        for text in [d.meaning_vi, d.meaning_en, d.fix_vi, d.fix_en] {
            assert!(!text.trim().is_empty(), "{}", d.code);
        }
        // An error must be fixed: its fix says how.
        if d.severity == khuyencong::Severity::Error {
            assert!(
                d.fix_en != "Nothing to fix." && d.fix_vi != "Không cần xử lý.",
                "{} is an error with no fix",
                d.code
            );
        }
    }
}

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
    s.push_str(SEMANTICS);
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

/// How documents are read where they do not say everything: the rules behind the
/// reconciliation, limit and not-assessed codes below.
const SEMANTICS: &str = r#"## How figures are reconciled / Cách đối chiếu số liệu

Documents are checked as they are written. Where the law or the arithmetic cannot decide,
the finding is information or a warning, never an error.

**A figure that is not stated is unknown, never zero.** Every reconciliation — a stated
results or targets total against its lines (support, investment, each count), a funding total
against its sources and a source against its parts ("trong đó"), the counterpart against the
result lines (investment − support), a plan's schemes against its budget, a scheme's support
split against its support — follows one rule:

| the parts… | comparison | findings |
|---|---|---|
| all state the figure | exact, or within the bounds the text gives (*hơn/trên*: more than; *gần/khoảng*: about, within 10 %) | the mismatch code (error); `reconcile.approximate` or `reconcile.lower_bound` (info) when bounds were used; `reconcile.approximate_outside_tolerance` (warning) |
| some state it | their sum is a lower bound of the whole | the mismatch code (error) only when the known parts **already exceed** the total beyond its bounds; otherwise `reconcile.partial_breakdown` (info) |
| none states it | nothing to compare | `reconcile.not_itemised` (info) |

A result line that supports establishments (every activity except contests, information,
international cooperation and the extension system's own work, which the state carries out
itself) is a part of the counterpart: its counterpart is known when it states both its
investment and its support, unknown otherwise. A funding line, a part, a plan's scheme or a
split line may omit its amount: it is then an unknown part. A source named without an amount
leaves the funding of its level unknown, so nothing is found to exceed it.

**Totals** (`khuyencong totals`, `khuyencong.totals`) never drop what a document states: the
part of a stated total that its lines do not itemise is added under the key value
`not_itemised` (activity and fund level for results; source and fund level for funding); a
stated counterpart is used as stated, the lines' derived counterpart attributed to their
activity and fund, the rest `not_itemised`; a source named without an amount adds nothing and
marks its row `lower_bound`. Each row counts its `documents_with_errors`, whose figures are
included as stated.

**Support limits are per unit.** Every level of the rule pack has its unit (per
establishment, model, round, cluster, enterprise…); a scheme's limit is the per-unit cap times
the units it supports — the content's `units` in `support_split`, else the planned outputs of
that unit, or, per establishment, the beneficiaries listed and not found ineligible (the
larger). A group scheme for eight cooperatives may receive eight times the per-establishment
cap. Where the number of units is not stated (or stated as a bound), the share is still
checked for certain (`funding.support_exceeds_limit`), the cap only as far as the units known
(`funding.units_not_stated`, warning). A scheme with several contents is checked per content
where `support_split` gives the split; without it, against the sum of the contents' limits,
with `scheme.support_split_missing` (warning).

**Not modelled means not assessed.** Every level the rule packs do not know — an item whose
level was not read, a level priced by tender, every date before 2014-04-08 (Joint Circular
125/2009), an activity with several items when none is named — gives one outcome:
`funding.support_not_assessed` (warning, exit 0) in `check`, `assessed: false` with the reason
in `khuyencong support` and `khuyencong.max_support`. Only a document that contradicts
itself (a variant of another activity) gets `funding.support_limit_unavailable` (error).

Tóm tắt: số liệu không nêu là chưa biết, không phải bằng 0 — chỉ báo lỗi khi các phần đã nêu
vượt tổng; mức trần tính theo từng đơn vị (cơ sở, mô hình…) nhân với số đơn vị; mức chưa được
mô hình hóa là "chưa đánh giá" (cảnh báo), không bao giờ là lỗi.

"#;

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

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
| all state the figure | exact, or within the bounds the text gives (*hơn/trên*: more than; *gần/khoảng*: about, within 10 %; a range *8–12*: between its ends) | the mismatch code (error); `reconcile.approximate`, `reconcile.lower_bound` or `reconcile.range` (info) when bounds were used; `reconcile.approximate_outside_tolerance` (warning) |
| some state it, or the list is marked partial | their sum is a lower bound of the whole | the mismatch code (error) only when the known parts **already exceed** the total beyond its bounds; otherwise `reconcile.partial_breakdown` (info) |
| all but one "rest" line (*còn lại*) state it, exactly | the rest is the total minus the others | `reconcile.rest_derived` (info); the mismatch code when the others already exceed the total |
| none states it | nothing to compare | `reconcile.not_itemised` (info) for a stated total; nothing for a line's own breakdown, which splits only the figures its parts state |

The same rule holds at every level of a document in format version 2 (since version 1
documents are read as version 2 with the same content, `document.upgraded`, info): the
whole against its lines (`results_total`), a line against its own breakdown (`parts`: the
national and the local part of the whole, years inside a five-year period, industries,
product groups — `report.line_parts_mismatch`), a plan's stated totals against its lines
(`plan.total_mismatch`; a line with a scheme's id is one scheme, a line for several schemes
states how many, management overheads are none), a programme's target for the period against
its targets by year (`programme.year_targets_mismatch`; a target *for each year* counts once a
year). A line that states a figure only through its parts has the sum of its parts (a lower
bound when some part does not state it). A part may not contradict its line — an item of
another activity, another fund, year, industry, product group or level:
`report.part_contradicts_line` (error). A year outside the document's period is
`document.year_outside_period`, a range whose upper end is below its lower end
`document.range_reversed` (errors).

**Figures a document states about its own figures** — an average ("bình quân 229 triệu
đồng/cơ sở"), a share ("chiếm 18,4 %"), a growth ("tăng 20 %", with the figures before and
after), a disbursement rate ("giải ngân đạt 85 %") — are recomputed when the figures they are
made of are stated exactly, and compared within the rounding the text uses: a percentage to
the last digit written ("18.4": 0.1 point), an average to its `rounding_vnd` or else to the
last non-zero digit of the figure (250000000: ten million). Rounding down, up or to the
nearest all agree; anything further is an error (`document.stated_share_mismatch`,
`document.stated_average_mismatch`, `document.stated_growth_mismatch`,
`document.disbursement_rate_mismatch`). When the figures are not stated exactly, or a growth
is a yearly average, the stated figure is not recomputed: `reconcile.not_recomputed` (info).

**Funds and sources not split.** A line may say `fund: "local"` (local funds, level not
stated) and a source may be `state_budget` (the state budget, level not stated): support of a
level is compared with that level's funding plus the unsplit state budget, and only when the
report names funding of that level. A scheme line of `state_budget` is not counted as
extension support: `funding.state_budget_not_split` (warning). Management overheads
(`line_type: "management"`) have no beneficiary and no counterpart.

**Approximate scheme money.** A scheme may state its cost, eligible cost or funding lines as
bounds or approximations ("tổng kinh phí khoảng 7,5 tỷ đồng"): sums and the counterpart are
compared within their bounds (info within 10 %, warning beyond), and a support above a limit
computed from an approximate cost is a warning — unless every limit is a per-unit cap, which
does not move with the cost. A support split may name the beneficiary of a line
(`beneficiary_index`): the line is one unit, and several lines of one content for one
beneficiary share its cap.

A result line that supports establishments (every activity except contests, information,
international cooperation and the extension system's own work, which the state carries out
itself) is a part of the counterpart: its counterpart is known when it states both its
investment and its support, unknown otherwise. A funding line, a part, a plan's scheme or a
split line may omit its amount: it is then an unknown part. A source named without an amount
leaves the funding of its level unknown, so nothing is found to exceed it.

**Totals** (`khuyencong totals`, `khuyencong.totals`) never drop what a document states: the
part of a stated total that its lines do not itemise is added under the key value
`not_itemised` (activity, fund level, year, industry and product group for results; source,
fund level and year for funding), or to the one rest line that states no such figure; a
line with parts is counted through its parts, what it holds beyond them under its own keys
with the keys its parts differ by `not_itemised`; a stated counterpart is used as stated, the
lines' derived counterpart attributed to their activity and fund, the rest `not_itemised`; a
source named without an amount adds nothing and marks its row `lower_bound`, as does a range
(its lower end is added). Each row counts its `documents_with_errors`, whose figures are
included as stated. `khuyencong totals --targets` (`khuyencong.progress`) compares each
programme's targets with the reports on it: what may count but is not broken down by the
target's keys makes the achievement a lower bound, and `met` is left open when the figures
cannot say.

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
vượt tổng; dòng "còn lại" được tính bằng tổng trừ các dòng khác; tỷ lệ, mức bình quân, mức
tăng trưởng văn bản nêu được tính lại và so trong phạm vi làm tròn của chính văn bản; mức trần
tính theo từng đơn vị (cơ sở, mô hình…) nhân với số đơn vị; mức chưa được mô hình hóa là "chưa
đánh giá" (cảnh báo), không bao giờ là lỗi.

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

//! docs/bad-inputs.md: every class of bad input, what the library decides and the exact
//! message users get — generated here from the library's own output, so it never drifts.
//! Regenerate with `KHUYENCONG_BLESS=1 cargo test -p khuyencong --test integration bad_inputs`.

use std::fmt::Write;

use khuyencong::document::{CheckOptions, Document, MAX_INPUT_BYTES, check_bytes, parse};
use khuyencong::law::Lang;
use khuyencong::totals::{TotalsKey, totals};
use khuyencong::{Finding, Severity};

use crate::generator::{self, Rng};

const SCHEME: &str = include_str!("../../../../docs/examples/scheme-quang-nam-2022.json");
const REPORT: &str = include_str!("../../../../docs/examples/an-giang-2021-2025.json");

/// The example scheme with `from` replaced by `to` (which must occur).
fn scheme_with(from: &str, to: &str) -> Vec<u8> {
    assert!(SCHEME.contains(from), "{from}");
    SCHEME.replacen(from, to, 1).into_bytes()
}

fn report_with(from: &str, to: &str) -> Vec<u8> {
    assert!(REPORT.contains(from), "{from}");
    REPORT.replacen(from, to, 1).into_bytes()
}

/// One class of bad input: its input, how it is shown, what the library decides, and the
/// code it must produce.
struct Class {
    title: &'static str,
    shown: String,
    decision: &'static str,
    input: Vec<u8>,
    code: &'static str,
}

fn class(
    title: &'static str,
    shown: &str,
    decision: &'static str,
    input: Vec<u8>,
    code: &'static str,
) -> Class {
    Class {
        title,
        shown: shown.to_owned(),
        decision,
        input,
        code,
    }
}

fn classes() -> Vec<Class> {
    let mut deep = br#"{"kind": "period_report", "schema_version": 1, "id": "x", "reporting_unit": {"name": "x", "province": "x"}, "period": {"from": "2024-01-01", "to": "2024-12-31"}, "funding": {"total": 1, "lines": ["#.to_vec();
    for _ in 0..70 {
        deep.extend_from_slice(br#"{"source": "counterpart", "amount": 1, "parts": ["#);
    }
    deep.extend_from_slice(br#"{"source": "counterpart", "amount": 1}"#);
    for _ in 0..70 {
        deep.extend_from_slice(b"]}");
    }
    deep.extend_from_slice(b"]}}");
    let mut huge = serde_json::from_str::<serde_json::Value>(SCHEME).expect("example");
    let one = huge["beneficiaries"][0].clone();
    huge["beneficiaries"] = serde_json::Value::Array(vec![one; 1001]);
    let mut oversize = SCHEME.as_bytes().to_vec();
    oversize.resize(MAX_INPUT_BYTES + 1, b' ');
    vec![
        class(
            "Empty input",
            "a file of 0 bytes",
            "refused: a document is expected",
            Vec::new(),
            "structure.empty",
        ),
        class(
            "Only whitespace",
            "`\\n\\n  \\n`",
            "refused as empty",
            b"\n\n  \n".to_vec(),
            "structure.empty",
        ),
        class(
            "Byte-order mark",
            "`EF BB BF` before `{`",
            "refused: JSON text must not start with a BOM (RFC 8259 §8.1); save as UTF-8 without BOM",
            [b"\xEF\xBB\xBF".as_slice(), SCHEME.as_bytes()].concat(),
            "structure.bom",
        ),
        class(
            "Not UTF-8 (legacy Vietnamese encodings)",
            "`Qu\\xB6ng Nam` (TCVN3 bytes)",
            "refused with the byte offset; the library never guesses an encoding",
            scheme_with("Quảng Nam\"", "Qu\u{0}ng Nam\"")
                .into_iter()
                .map(|b| if b == 0 { 0xB6 } else { b })
                .collect(),
            "structure.not_utf8",
        ),
        class(
            "Malformed JSON: missing comma",
            "`\"id\": \"…\" \"title\": …`",
            "refused with line and column",
            scheme_with(
                "\"kcqg-2022-quang-nam-htx-ky-nghe\",",
                "\"kcqg-2022-quang-nam-htx-ky-nghe\"",
            ),
            "structure.malformed_json",
        ),
        class(
            "Malformed JSON: trailing comma",
            "`\"planned_outputs\": {…},}`",
            "refused with line and column (JSON has no trailing commas)",
            scheme_with("\"establishments\": 1 }\n}", "\"establishments\": 1 },\n}"),
            "structure.malformed_json",
        ),
        class(
            "Truncated file",
            "the first 300 bytes of a scheme",
            "refused: the JSON ends early, with the line and column where it stops",
            SCHEME.as_bytes()[..300].to_vec(),
            "structure.truncated",
        ),
        class(
            "Two documents in one file",
            "`{…}{…}`",
            "refused: one document per file (use JSON Lines for many)",
            [SCHEME.as_bytes(), SCHEME.as_bytes()].concat(),
            "structure.malformed_json",
        ),
        class(
            "Not an object",
            "`[{\"kind\": \"scheme\", …}]`",
            "refused: a document is a JSON object",
            [b"[".as_slice(), SCHEME.as_bytes(), b"]"].concat(),
            "structure.invalid_type",
        ),
        class(
            "Missing `kind`",
            "no `kind` field",
            "refused: the kind decides the format",
            scheme_with("\"kind\": \"scheme\",", ""),
            "structure.missing_field",
        ),
        class(
            "`kind` of the wrong type",
            "`\"kind\": 1`",
            "refused",
            scheme_with("\"kind\": \"scheme\"", "\"kind\": 1"),
            "structure.invalid_type",
        ),
        class(
            "Unknown `kind`",
            "`\"kind\": \"de_an\"`",
            "refused with the three kinds",
            scheme_with("\"kind\": \"scheme\"", "\"kind\": \"de_an\""),
            "structure.unknown_kind",
        ),
        class(
            "Unsupported format version",
            "`\"schema_version\": 2`",
            "refused: only version 1 exists",
            scheme_with("\"schema_version\": 1", "\"schema_version\": 2"),
            "structure.unsupported_schema_version",
        ),
        class(
            "Missing required field",
            "no `approval`",
            "refused with the field and the object's path",
            scheme_with(
                "\"approval\": {\n    \"number\": \"example/QĐ-BCT\",\n    \"date\": \"2022-06-01\",\n    \"issuer\": \"Bộ Công Thương\"\n  },\n",
                "",
            ),
            "structure.missing_field",
        ),
        class(
            "`null` for a required value",
            "`\"title\": null`",
            "refused: null is not a string",
            scheme_with("\"title\": \"Hỗ trợ", "\"title\": null, \"x\": \"Hỗ trợ"),
            "structure.invalid_type",
        ),
        class(
            "Wrong type: money as text",
            "`\"total_cost\": \"620.000.000\"`",
            "refused: amounts are JSON integers of đồng (text notation is read only by `parse_vnd`, see below)",
            scheme_with(
                "\"total_cost\": 620000000",
                "\"total_cost\": \"620.000.000\"",
            ),
            "structure.invalid_type",
        ),
        class(
            "Float money",
            "`\"total_cost\": 620000000.5`",
            "refused: the đồng has no minor unit; no floats for money",
            scheme_with("\"total_cost\": 620000000", "\"total_cost\": 620000000.5"),
            "structure.not_whole_number",
        ),
        class(
            "Integral float money",
            "`\"total_cost\": 6.2e8`",
            "refused, although JSON Schema counts it as an integer: write whole đồng as an integer",
            scheme_with("\"total_cost\": 620000000", "\"total_cost\": 6.2e8"),
            "structure.not_whole_number",
        ),
        class(
            "Negative amount",
            "`\"amount\": -300000000`",
            "refused",
            scheme_with("\"amount\": 300000000", "\"amount\": -300000000"),
            "structure.negative",
        ),
        class(
            "Amount above 2^53 − 1",
            "`\"total_cost\": 9007199254740992`",
            "refused: the largest amount is 9 007 199 254 740 991 đồng (exact in every JSON reader)",
            scheme_with(
                "\"total_cost\": 620000000",
                "\"total_cost\": 9007199254740992",
            ),
            "structure.too_large",
        ),
        class(
            "Amount beyond 64 bits",
            "`\"total_cost\": 100000000000000000000`",
            "refused as too large (never wrapped or rounded)",
            scheme_with(
                "\"total_cost\": 620000000",
                "\"total_cost\": 100000000000000000000",
            ),
            "structure.too_large",
        ),
        class(
            "Unknown code",
            "`\"activities\": [\"may_moc\"]`",
            "refused with the codelist's name; `khuyencong catalog` lists the codes",
            scheme_with(
                "[\"advanced_machinery_technology_transfer\"]",
                "[\"may_moc\"]",
            ),
            "structure.unknown_code",
        ),
        class(
            "Code in another case",
            "`\"fund_level\": \"National\"`",
            "refused: codes are exact snake_case",
            scheme_with(
                "\"fund_level\": \"national\"",
                "\"fund_level\": \"National\"",
            ),
            "structure.unknown_code",
        ),
        class(
            "Unknown field",
            "`\"ghi_chu\": \"…\"` at the top",
            "refused: the format is closed, so a misspelt field never passes silently",
            scheme_with("\"province\":", "\"ghi_chu\": \"x\", \"province\":"),
            "structure.unknown_field",
        ),
        class(
            "Misspelt field",
            "`\"eligble_cost\"`",
            "refused as unknown, with the fields expected there",
            scheme_with("\"eligible_cost\"", "\"eligble_cost\""),
            "structure.unknown_field",
        ),
        class(
            "Duplicate key",
            "`\"id\"` twice",
            "refused: which value was meant is unknowable",
            scheme_with("\"title\":", "\"id\": \"again\", \"title\":"),
            "structure.duplicate_field",
        ),
        class(
            "Impossible date",
            "`\"date\": \"2025-02-30\"`",
            "refused: a date must exist in the calendar",
            scheme_with("\"date\": \"2022-06-01\"", "\"date\": \"2025-02-30\""),
            "structure.invalid_date",
        ),
        class(
            "Date in another notation",
            "`\"date\": \"01/06/2022\"`",
            "refused: dates are ISO 8601 `YYYY-MM-DD`",
            scheme_with("\"date\": \"2022-06-01\"", "\"date\": \"01/06/2022\""),
            "structure.invalid_date",
        ),
        class(
            "Date before 2012-07-05",
            "`\"date\": \"2011-06-01\"`",
            "read, then refused: the Decree 134/2004 era is not covered",
            scheme_with("\"date\": \"2022-06-01\"", "\"date\": \"2011-06-01\""),
            "document.before_coverage",
        ),
        class(
            "Reversed period",
            "`\"from\": \"2025-12-31\", \"to\": \"2021-01-01\"`",
            "read, then refused",
            report_with(
                "{ \"from\": \"2021-01-01\", \"to\": \"2025-12-31\" }",
                "{ \"from\": \"2025-12-31\", \"to\": \"2021-01-01\" }",
            ),
            "document.period_reversed",
        ),
        class(
            "Control character in a string",
            "a raw line break inside `\"title\"`",
            "refused: JSON strings escape control characters (`\\n`)",
            scheme_with("Hỗ trợ ứng dụng", "Hỗ trợ\nứng dụng"),
            "structure.malformed_json",
        ),
        class(
            "Lone surrogate escape",
            "`\"title\": \"\\ud800\"`",
            "refused: not a Unicode character",
            scheme_with("\"title\": \"Hỗ trợ", "\"title\": \"\\ud800Hỗ trợ"),
            "structure.malformed_json",
        ),
        class(
            "NaN or Infinity",
            "`\"total_cost\": NaN`",
            "refused: not JSON",
            scheme_with("\"total_cost\": 620000000", "\"total_cost\": NaN"),
            "structure.malformed_json",
        ),
        class(
            "Deep nesting",
            "funding parts nested 70 levels (140 JSON levels)",
            "refused: at most 128 levels, read without recursion beyond that",
            deep,
            "structure.too_deep",
        ),
        class(
            "Huge array",
            "1 001 beneficiaries",
            "refused at the 1 001st item, which is never stored",
            huge.to_string().into_bytes(),
            "structure.invalid_length",
        ),
        class(
            "Overlong string",
            "a title of 1 001 characters",
            "refused: every string has a maximum length (the schema's `maxLength`, counted in characters)",
            scheme_with(
                "\"title\": \"Hỗ trợ",
                &format!("\"title\": \"{}", "đ".repeat(1001)),
            ),
            "structure.invalid_length",
        ),
        class(
            "Empty required string",
            "`\"id\": \"\"`",
            "refused: identifiers have at least one character",
            scheme_with(
                "\"id\": \"kcqg-2022-quang-nam-htx-ky-nghe\"",
                "\"id\": \"\"",
            ),
            "structure.invalid_length",
        ),
        class(
            "Oversize input",
            "a document padded to 16 MiB + 1 byte",
            "refused before any byte is read: at most 16 MiB per document",
            oversize,
            "structure.too_large_input",
        ),
        class(
            "Figures that do not add up",
            "the counterpart line 1 000 đồng short of the cost left after support",
            "read, then refused by reconciliation: figures must agree to the đồng (the sources not adding up to the total is reported too)",
            scheme_with("\"amount\": 320000000", "\"amount\": 319999000"),
            "funding.counterpart_short",
        ),
    ]
}

fn first_error(input: &[u8]) -> Finding {
    let checked = check_bytes(input, &CheckOptions::default());
    checked
        .findings
        .into_iter()
        .find(|f| f.severity == Severity::Error)
        .expect("an error finding")
}

fn cli_lines(f: &Finding, lang: Lang) -> String {
    // As `khuyencong check FILE` prints it (table format; `--lang en` for English).
    let path = if f.path.is_empty() { "/" } else { &f.path };
    format!(
        "  {:<9} {}  {}\n    {}",
        f.severity.label(lang),
        path,
        f.code,
        f.message(lang)
    )
}

#[test]
fn every_class_gets_its_finding() {
    for c in classes() {
        let f = first_error(&c.input);
        assert_eq!(f.code, c.code, "{}: {f:?}", c.title);
        assert!(!f.message_en().is_empty() && !f.message_vi().is_empty());
    }
}

#[test]
fn nfd_text_is_kept_as_written() {
    // Decision: free text (names, titles, provinces) is kept exactly as written — NFC or NFD —
    // and never rewritten in the document; codes are ASCII, so normalisation cannot touch
    // them. Totals read a province name as the unit of the list, so "Khánh Hòa" in NFC and in
    // NFD are one group, with a note; the check says so as information (`parse_vnd` refuses
    // NFD amounts outright).
    use unicode_normalization::UnicodeNormalization;
    let nfc = scheme_with("\"province\": \"Quảng Nam\"", "\"province\": \"Khánh Hòa\"");
    let nfd_name: String = "Khánh Hòa".nfd().collect();
    let nfd = scheme_with(
        "\"province\": \"Quảng Nam\"",
        &format!("\"province\": \"{nfd_name}\""),
    );
    assert_ne!(nfc, nfd);
    let (a, b) = (
        parse(&nfc).expect("NFC reads"),
        parse(&nfd).expect("NFD reads"),
    );
    assert!(!check_bytes(&nfd, &CheckOptions::default()).has_errors());
    let Document::Scheme(s) = &b else {
        panic!("a scheme")
    };
    assert_eq!(s.province.as_deref(), Some(nfd_name.as_str()));
    assert!(
        check_bytes(&nfd, &CheckOptions::default())
            .findings
            .iter()
            .any(|f| f.code == "document.province_normalised")
    );
    let rows = totals([&a, &b], &[TotalsKey::Province]).expect("totals");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].keys["province"].as_deref(), Some("khanh_hoa"));
}

#[test]
fn ambiguous_vietnamese_numbers_are_refused() {
    use khuyencong::money::parse_vnd;
    for text in [
        "1,400",
        "1.400",
        "1,400,000 đồng",
        "1,5 đồng",
        "Khoa\u{309}ng 2 tỷ",
    ] {
        assert!(parse_vnd(text).is_err(), "{text}");
    }
    assert_eq!(
        parse_vnd("1.400 triệu").expect("reads").amount.get(),
        1_400_000_000
    );
}

#[test]
fn one_bad_line_among_good_ones_is_reported_alone() {
    let mut rng = Rng::new(11);
    let mut lines: Vec<Vec<u8>> = (0..5)
        .map(|i| generator::document(&mut rng, i, 0).0.into_bytes())
        .collect();
    let half = lines[2].len() / 2;
    lines[2].truncate(half);
    let bad: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| check_bytes(l, &CheckOptions::default()).has_errors())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(bad, [2]);
    assert_eq!(first_error(&lines[2]).code, "structure.truncated");
}

fn notation_rows() -> String {
    let mut s = String::new();
    for text in [
        "1,400",
        "1.400",
        "1,400,000 đồng",
        "1,5 đồng",
        "Khoa\u{309}ng 2 tỷ",
    ] {
        let e = khuyencong::money::parse_vnd(text).expect_err("refused");
        let shown = if text.starts_with("Khoa\u{309}") {
            "Khoa\\u0309ng 2 tỷ (NFD)".to_owned()
        } else {
            text.to_owned()
        };
        let _ = writeln!(s, "| `{shown}` | {} | {} |", e.message_vi(), e);
    }
    s
}

fn render() -> String {
    let mut s = String::from(
        "# Bad inputs / Dữ liệu đầu vào sai\n\n\
         What the library does with every class of bad input, and the exact message users get.\n\
         This page is generated from the library's own output by a test\n\
         (`crates/khuyencong/tests/integration/bad_inputs.rs`), so it never drifts; regenerate with\n\
         `KHUYENCONG_BLESS=1 cargo test -p khuyencong --test integration bad_inputs`.\n\n\
         Everywhere the answer is the same finding (code, JSON Pointer path, Vietnamese and English\n\
         message):\n\n\
         - **Rust**: `khuyencong::document::check_bytes(bytes, &options).findings` (`Finding::message_vi`,\n\
           `Finding::message_en`); `parse` returns the structural finding as its error.\n\
         - **CLI**: `khuyencong check FILE` prints the finding (table format below, Vietnamese by\n\
           default, `--lang en` for English; `--format json|jsonl` for the finding as JSON) and exits\n\
           **1** when any finding is an error, 0 otherwise; 2 is kept for usage errors (a file that\n\
           cannot be opened, a bad option), printed as `error: …` / `lỗi: …` on standard error.\n\
         - **Python**: the same finding via `khuyencong.check(...)`.\n\n\
         Limits: at most 16 MiB (16 777 216 bytes) per document (`MAX_INPUT_BYTES`), 128 levels\n\
         of nesting, and the maximum length of every string and array given in the schema\n\
         (`docs/schema/`). Each is answered with its own finding, before the excess is stored.\n\n",
    );
    let _ = writeln!(
        s,
        "| # | input | example | decision | code | path |\n|---:|---|---|---|---|---|"
    );
    let all = classes();
    for (i, c) in all.iter().enumerate() {
        let f = first_error(&c.input);
        let path = if f.path.is_empty() { "/" } else { &f.path };
        let _ = writeln!(
            s,
            "| {} | [{}](#{}) | {} | {} | `{}` | `{}` |",
            i + 1,
            c.title,
            i + 1,
            c.shown.replace('|', "\\|"),
            c.decision,
            f.code,
            path
        );
    }
    for (i, c) in all.iter().enumerate() {
        let f = first_error(&c.input);
        let _ = write!(
            s,
            "\n## {}\n\n<a id=\"{}\"></a>{} — {}. Test: `bad_inputs::every_class_gets_its_finding`.\n\n",
            c.title,
            i + 1,
            c.shown,
            c.decision,
        );
        let _ = writeln!(s, "- **message_vi:** {}", f.message_vi());
        let _ = writeln!(s, "- **message_en:** {}", f.message_en());
        let _ = writeln!(
            s,
            "- **CLI** (exit 1):\n\n```text\n{}\n```\n",
            cli_lines(&f, Lang::Vi)
        );
        let _ = writeln!(s, "```text\n{}\n```", cli_lines(&f, Lang::En));
    }
    s.push_str(
        "\n## More classes, tested apart\n\n\
         ### NFD-normalised Vietnamese\n\n\
         Free text (names, titles, provinces) is kept exactly as written, NFC or NFD, and never\n\
         rewritten; codes are ASCII, so normalisation cannot affect them. Such a document reads\n\
         without a finding. Totals group by the exact text, so a province written in NFC and in\n\
         NFD makes two groups: normalise text to NFC before submitting. Amounts written in words\n\
         (`parse_vnd`, CLI `support --cost`) in NFD are refused (next section).\n\
         Test: `bad_inputs::nfd_text_is_kept_as_written`.\n\n\
         ### Ambiguous Vietnamese number notation\n\n\
         `khuyencong::money::parse_vnd` (and the CLI's `support --cost`, which prints the same\n\
         message as `error: …` / `lỗi: …` and exits 2; Python: the same error) refuses what could\n\
         be read two ways. Test: `bad_inputs::ambiguous_vietnamese_numbers_are_refused`.\n\n\
         | text | Vietnamese | English |\n|---|---|---|\n",
    );
    s.push_str(&notation_rows());
    s.push_str(
        "\n### A JSON Lines file with one bad line among good ones\n\n\
         Each line is a document of its own: the bad line gets its findings (with its line\n\
         number in `line` and in the table's `FILE:LINE`), the good lines are checked as usual,\n\
         and the exit code is 1. Test: `bad_inputs::one_bad_line_among_good_ones_is_reported_alone`.\n\n\
         ### An overlong line in JSON Lines\n\n\
         The CLI keeps at most 16 MiB + 1 byte of a line (the rest is skipped, never stored), so\n\
         the line gets `structure.too_large_input` and the next lines are still read; a single\n\
         file is read the same way. Memory stays bounded whatever the input. Test:\n\
         `input::tests::an_overlong_line_is_cut_at_the_limit_and_the_next_line_still_read`\n\
         (in the CLI).\n\n\
         ### Anything else\n\n\
         Arbitrary bytes, arbitrary JSON and mutations of the corpus never make the library\n\
         panic: property tests `robustness::arbitrary_bytes_never_panic`,\n\
         `robustness::arbitrary_json_never_panics`, `robustness::mutated_documents_never_panic`,\n\
         the bounded fuzz run `robustness::fuzz_smoke`, and longer runs of the `fuzz_check`\n\
         example recorded in docs/benchmarks.md.\n",
    );
    s
}

#[test]
fn bad_inputs_doc_is_current() {
    let path = crate::cases_root().join("docs/bad-inputs.md");
    let fresh = render();
    if std::env::var_os("KHUYENCONG_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("write docs/bad-inputs.md");
    }
    assert!(
        std::fs::read_to_string(&path).unwrap_or_default() == fresh,
        "docs/bad-inputs.md is out of date; regenerate with KHUYENCONG_BLESS=1"
    );
}

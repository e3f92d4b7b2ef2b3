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

/// Method-chaining for a value (`x.pipe(f)` is `f(x)`).
trait Pipe: Sized {
    fn pipe<R>(self, f: impl FnOnce(Self) -> R) -> R {
        f(self)
    }
}

impl<T> Pipe for T {}

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
    let mut deep = br#"{"kind": "period_report", "schema_version": 2, "id": "x", "reporting_unit": {"name": "x", "province": "x"}, "period": {"from": "2024-01-01", "to": "2024-12-31"}, "funding": {"total": 1, "lines": ["#.to_vec();
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
    let utf16: Vec<u8> = REPORT.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let many = scheme_with("\"date\": \"2022-06-01\"", "\"date\": \"2022-06-31\"").pipe(|b| {
        String::from_utf8(b)
            .unwrap_or_default()
            .replacen(
                "\"province\": \"Quảng Nam\"",
                "\"province\": 49, \"tinh\": \"Quảng Nam\"",
                1,
            )
            .replacen(
                "\"total_cost\": 620000000",
                "\"total_cost\": 620000000.5",
                1,
            )
            .into_bytes()
    });
    let mut many_values = b"[0".to_vec();
    for _ in 0..1_000_000 {
        many_values.extend_from_slice(b",0");
    }
    many_values.push(b']');
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
            "read: RFC 8259 §8.1 lets a reader ignore it, and the library does, with an information finding (save without it for other systems)",
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
            "`\"schema_version\": 3`",
            "refused: versions 1 and 2 exist",
            scheme_with("\"schema_version\": 2", "\"schema_version\": 3"),
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
            scheme_with(
                "\"title\": \"Hỗ trợ ứng dụng máy móc thiết bị tiên tiến cho HTX Nông nghiệp kỹ nghệ Quảng Nam\"",
                "\"title\": null",
            ),
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
            "refused: at most 32 levels (valid documents need about ten), read without recursion, so any thread's stack is enough",
            deep,
            "structure.too_deep",
        ),
        class(
            "Huge array",
            "1 001 beneficiaries",
            "refused: every array has a maximum length (the schema's `maxItems`)",
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
            "refused before any byte is read: at most 16 MiB per document; files and JSON Lines lines are read only up to the limit + 1 byte",
            oversize,
            "structure.too_large_input",
        ),
        class(
            "UTF-16 text",
            "the report saved as UTF-16 (little-endian), as some Windows editors do",
            "refused, naming the encoding: save as UTF-8",
            utf16,
            "structure.not_utf8",
        ),
        class(
            "Date without leading zeros",
            "`\"date\": \"2022-6-1\"`",
            "refused: dates are exactly `YYYY-MM-DD`, as the schema's `format: date` says (no lenient reading)",
            scheme_with("\"date\": \"2022-06-01\"", "\"date\": \"2022-6-1\""),
            "structure.invalid_date",
        ),
        class(
            "Date with a sign or a space",
            "`\"date\": \"+2022-06-01\"`",
            "refused, as `\" 2022-06-01\"` is",
            scheme_with("\"date\": \"2022-06-01\"", "\"date\": \"+2022-06-01\""),
            "structure.invalid_date",
        ),
        class(
            "Object written as an array",
            "`\"approval\": [\"example/QĐ-BCT\", \"2022-06-01\"]`",
            "refused: an object is only ever a JSON object, as in the schema",
            scheme_with(
                "\"approval\": {\n    \"number\": \"example/QĐ-BCT\",\n    \"date\": \"2022-06-01\",\n    \"issuer\": \"Bộ Công Thương\"\n  }",
                "\"approval\": [\"example/QĐ-BCT\", \"2022-06-01\", \"Bộ Công Thương\"]",
            ),
            "structure.invalid_type",
        ),
        class(
            "Code written as an object",
            "`\"fund_level\": {\"national\": null}`",
            "refused: a code is a string",
            scheme_with(
                "\"fund_level\": \"national\"",
                "\"fund_level\": {\"national\": null}",
            ),
            "structure.invalid_type",
        ),
        class(
            "Duplicate `kind`",
            "`\"kind\": \"scheme\", …, \"kind\": \"plan\"`",
            "refused at `/` as a duplicate: which kind was meant is unknowable, so nothing else is read",
            scheme_with("\"title\":", "\"kind\": \"plan\", \"title\":"),
            "structure.duplicate_field",
        ),
        class(
            "Several mistakes at once",
            "an impossible date, a number as the province, an unknown field and a float amount",
            "every problem in one run, each at its place, with the document's kind and id; the rules are not checked (a note says so)",
            many,
            "structure.unknown_field",
        ),
        class(
            "Unreadable free text beside a real mismatch",
            "a 1 001-character title and a stated total 1 million over the sources",
            "the text is set aside (no rule computes with it) and the rules still run: the mismatch is reported too",
            report_with(
                "\"title\": \"Báo cáo",
                &format!("\"title\": \"{}", "x".repeat(1001)),
            )
            .into_iter()
            .collect::<Vec<u8>>()
            .pipe(|b| {
                String::from_utf8(b)
                    .unwrap_or_default()
                    .replacen("\"total\": 34387000000", "\"total\": 34388000000", 1)
                    .into_bytes()
            }),
            "funding.total_mismatch",
        ),
        class(
            "Reversed period beside a real mismatch",
            "`from` after `to`, and a stated total 1 million over the sources",
            "the period decides no regime, so nothing that depends on the law is assessed; the figures still must agree and the mismatch is reported",
            report_with(
                "{ \"from\": \"2021-01-01\", \"to\": \"2025-12-31\" }",
                "{ \"from\": \"2025-12-31\", \"to\": \"2021-01-01\" }",
            )
            .pipe(|b| {
                String::from_utf8(b)
                    .unwrap_or_default()
                    .replacen("\"total\": 34387000000", "\"total\": 34388000000", 1)
                    .into_bytes()
            }),
            "funding.total_mismatch",
        ),
        class(
            "Too many values",
            "`[0,0,0,…]`: 1 000 001 values in under 16 MiB",
            "refused: no document holds a million values; the reading memory stays bounded",
            many_values,
            "structure.too_large_input",
        ),
        class(
            "The schema named in the document",
            "`\"$schema\": \"urn:khuyencong:schema:scheme:1\"` at the top",
            "read: an input may name its schema, as the published schemas allow (not elsewhere)",
            scheme_with(
                "\"kind\": \"scheme\",",
                "\"$schema\": \"urn:khuyencong:schema:scheme:1\", \"kind\": \"scheme\",",
            ),
            "",
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

/// The finding a class is known by: its first finding with `code`, else its first error,
/// else its first finding.
fn known_by(input: &[u8], code: &str) -> Option<Finding> {
    if code.is_empty() {
        return None;
    }
    let checked = check_bytes(input, &CheckOptions::default());
    let by_code = checked.findings.iter().find(|f| f.code == code).cloned();
    let first_error = checked
        .findings
        .iter()
        .find(|f| f.severity == Severity::Error)
        .cloned();
    by_code
        .or(first_error)
        .or_else(|| checked.findings.into_iter().next())
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
        let checked = check_bytes(&c.input, &CheckOptions::default());
        if c.code.is_empty() {
            assert!(
                checked.document.is_some() && !checked.has_errors(),
                "{}: {:?}",
                c.title,
                checked.findings
            );
            continue;
        }
        assert!(
            checked.findings.iter().any(|f| f.code == c.code
                && (f.severity == Severity::Error || c.code == "structure.bom")),
            "{}: {:?}",
            c.title,
            checked.findings
        );
        for f in &checked.findings {
            assert!(!f.message_en().is_empty() && !f.message_vi().is_empty());
        }
    }
}

/// The file name of a class's input in `tests/bad-inputs/` (read by the test that runs
/// every class through the command and through Python).
fn fixture_name(n: usize, title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    format!("{n:02}-{}.json", slug.trim_matches('-'))
}

/// Inputs larger than this are made by the tests that need them, not committed.
const FIXTURE_MAX: usize = 256 * 1024;

#[test]
fn bad_input_fixtures_are_current() {
    let dir = crate::cases_root().join("tests/bad-inputs");
    let bless = std::env::var_os("KHUYENCONG_BLESS").is_some();
    let mut expected = std::collections::BTreeSet::new();
    for (i, c) in classes().iter().enumerate() {
        if c.input.len() > FIXTURE_MAX {
            continue;
        }
        let name = fixture_name(i + 1, c.title);
        let path = dir.join(&name);
        if bless {
            std::fs::create_dir_all(&dir).expect("mkdir");
            std::fs::write(&path, &c.input).expect("write fixture");
        }
        assert!(
            std::fs::read(&path).unwrap_or_default() == c.input,
            "{name} is out of date; regenerate with KHUYENCONG_BLESS=1"
        );
        expected.insert(name);
    }
    for entry in std::fs::read_dir(&dir).expect("tests/bad-inputs").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_json = std::path::Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_json && !expected.contains(&name) {
            if bless {
                std::fs::remove_file(entry.path()).expect("remove stale fixture");
            } else {
                panic!("stale fixture {name}; regenerate with KHUYENCONG_BLESS=1");
            }
        }
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
    assert_eq!(
        known_by(&lines[2], "structure.truncated").map(|f| f.code),
        Some("structure.truncated".to_owned())
    );
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

/// A provincial pack with `n` copies of one rule (every copy overlaps the others).
fn overlapping_pack(n: usize) -> String {
    let text = std::fs::read_to_string(
        crate::cases_root().join("docs/examples/provincial-pack.example.json"),
    )
    .expect("example pack");
    let mut pack: serde_json::Value = serde_json::from_str(&text).expect("json");
    let rule = pack["rules"][1].clone();
    pack["rules"] = (0..n)
        .map(|i| {
            let mut r = rule.clone();
            r["id"] = format!("r{i}").into();
            r
        })
        .collect();
    pack.to_string()
}

#[test]
fn a_pack_of_many_overlapping_rules_is_refused_quickly_with_capped_issues() {
    let start = std::time::Instant::now();
    let e = khuyencong::support::ProvincialPack::from_json(&overlapping_pack(1000))
        .expect_err("overlaps");
    assert_eq!(e.issues().len(), khuyencong::support::MAX_PACK_ISSUES);
    assert!(
        e.issues()[99].message_en.contains("900 more problems"),
        "{e}"
    );
    assert!(e.to_string().contains("(+90 more)"), "{e}");
    assert!(e.to_string().len() < 2000);
    let e = khuyencong::support::ProvincialPack::from_json(&overlapping_pack(4000))
        .expect_err("too many rules");
    assert_eq!(e.issues()[0].path, "/rules");
    // Far below a second even unoptimised (the pairwise comparison took minutes).
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}

fn fence(text: &str) -> String {
    format!("```text\n{text}\n```\n")
}

fn render() -> String {
    let mut s = String::from(
        "# Bad inputs / Dữ liệu đầu vào sai\n\n\
         What the library does with every class of bad input, and the exact messages users get.\n\
         This page is generated from the library's own output by a test\n\
         (`crates/khuyencong/tests/integration/bad_inputs.rs`), so it never drifts; regenerate with\n\
         `KHUYENCONG_BLESS=1 cargo test -p khuyencong --test integration bad_inputs`.\n\n\
         Everywhere the answer is the same findings (code, JSON Pointer path, Vietnamese and\n\
         English message) — every problem at once, not only the first:\n\n\
         - **Rust**: `khuyencong::document::check_bytes(bytes, &options).findings`; `parse` returns\n\
           them all in its error (`Unreadable`, with the kind and `id` when they can be read).\n\
         - **CLI**: `khuyencong check FILE` prints them (table format below, Vietnamese by default,\n\
           `--lang en` for English; `--format json|jsonl|csv` for machines) and exits **1** when\n\
           any finding is an error, 0 otherwise, **2** when a file cannot be read (reported with\n\
           the others, which are still checked) or for a usage error (printed as `error: …` /\n\
           `lỗi: …` on standard error), **141** when its output is closed before the end.\n\
         - **Python**: the same findings via `khuyencong.check(...)` — for JSON text, bytes, a\n\
           path, and a dict (written as JSON text first, so a float, an `int` beyond the bounds or\n\
           a lone surrogate in a dict is the finding it is in JSON text). Functions that need a\n\
           readable document (`load`, `totals`) raise `ValidationError`, whose `errors()` lists\n\
           the same findings. A test runs every class below through the command and through\n\
           Python and requires identical findings (`python/tests/test_cli_agreement.py`; the\n\
           inputs are in `tests/bad-inputs/`).\n\n\
         When a document cannot be read, its structural problems are reported with\n\
         `structure.rules_not_run`, which says that the rules of the law were not checked and\n\
         where the first problem that prevents them is — except when what cannot be read is only\n\
         unknown fields or free text (titles, notes, names), which no rule computes with: then\n\
         the rules run without it and `structure.rules_partial` names what was set aside.\n\n\
         Limits: at most 16 MiB (16 777 216 bytes) per document (`MAX_INPUT_BYTES`), 32 levels of\n\
         nesting (`MAX_DEPTH`), a million values, and the bounds of every string, array and\n\
         number given in the schema (`docs/schema/`). Each is answered with its own finding;\n\
         files and JSON Lines lines are never read past the limit.\n\n",
    );
    let _ = writeln!(
        s,
        "| # | input | example | decision | code | path |\n|---:|---|---|---|---|---|"
    );
    let all = classes();
    for (i, c) in all.iter().enumerate() {
        let (code, path) = known_by(&c.input, c.code).map_or_else(
            || ("—".to_owned(), "—".to_owned()),
            |f| {
                let path = if f.path.is_empty() {
                    "/".to_owned()
                } else {
                    f.path
                };
                (format!("`{}`", f.code), format!("`{path}`"))
            },
        );
        let _ = writeln!(
            s,
            "| {} | [{}](#{}) | {} | {} | {} | {} |",
            i + 1,
            c.title,
            i + 1,
            c.shown.replace('|', "\\|"),
            c.decision,
            code,
            path
        );
    }
    for (i, c) in all.iter().enumerate() {
        let checked = check_bytes(&c.input, &CheckOptions::default());
        let fixture = if c.input.len() > FIXTURE_MAX {
            "made by the tests (too large to commit)".to_owned()
        } else {
            format!("`tests/bad-inputs/{}`", fixture_name(i + 1, c.title))
        };
        let _ = write!(
            s,
            "\n## {}\n\n<a id=\"{}\"></a>{} — {}. Input: {fixture}. Test: `bad_inputs::every_class_gets_its_finding`.\n\n",
            c.title,
            i + 1,
            c.shown,
            c.decision,
        );
        if let (Some(kind), Some(id)) = (checked.kind, checked.id.as_deref()) {
            let _ = writeln!(s, "Read as a `{}` with `id` `{id}`.\n", kind.code());
        }
        if checked.findings.is_empty() {
            s.push_str("No finding.\n");
        }
        for f in &checked.findings {
            let path = if f.path.is_empty() { "/" } else { &f.path };
            let _ = writeln!(
                s,
                "- `{}` at `{path}` ({}):\n  - **vi:** {}\n  - **en:** {}",
                f.code,
                f.severity.code(),
                f.message_vi(),
                f.message_en()
            );
        }
        if !checked.findings.is_empty() {
            let vi: Vec<String> = checked
                .findings
                .iter()
                .map(|f| cli_lines(f, Lang::Vi))
                .collect();
            let en: Vec<String> = checked
                .findings
                .iter()
                .map(|f| cli_lines(f, Lang::En))
                .collect();
            let _ = write!(
                s,
                "\n**CLI** (exit {}):\n\n{}\n{}",
                i32::from(checked.has_errors()),
                fence(&vi.join("\n")),
                fence(&en.join("\n"))
            );
        }
    }
    s.push_str(&more_classes());
    s
}

/// The classes that are not one document: how packs, files, pipes, applicants, arguments
/// and Python objects are answered, with the tests that hold them.
fn more_classes() -> String {
    let mut s = String::from(
        "\n## More classes, tested apart\n\n\
         ### NFD-normalised Vietnamese\n\n\
         Free text (names, titles, provinces) is kept exactly as written, NFC or NFD, and never\n\
         rewritten; codes are ASCII, so normalisation cannot affect them. Such a document reads\n\
         without a finding. Amounts written in words (`parse_vnd`, CLI `support --cost`) in NFD are\n\
         refused (next section).\n\
         Test: `bad_inputs::nfd_text_is_kept_as_written`.\n\n\
         ### Ambiguous Vietnamese number notation\n\n\
         `khuyencong::money::parse_vnd` (and `khuyencong::input::parse_amount`, which the CLI's\n\
         `support --cost` and Python's `max_support(eligible_cost=\"…\")` use, printing the same\n\
         message as `error: …` / `lỗi: …` with exit 2, or raising `khuyencong.Error`) refuses what\n\
         could be read two ways. Test: `bad_inputs::ambiguous_vietnamese_numbers_are_refused`.\n\n\
         | text | Vietnamese | English |\n|---|---|---|\n",
    );
    s.push_str(&notation_rows());
    let date = khuyencong::input::parse_date("2022-6-1").expect_err("lenient date");
    let amount = khuyencong::input::parse_amount("hơn 620 triệu").expect_err("inexact");
    let _ = write!(
        s,
        "\n### Dates and amounts given as arguments\n\n\
         `--as-of` (every command), Python's `as_of` and the dates inside documents are read by\n\
         the one strict reader: exactly `YYYY-MM-DD`, a day that exists. Amounts given as\n\
         arguments (`support --cost`, `max_support(eligible_cost=…)`) are whole đồng or exact\n\
         Vietnamese notation (`620 triệu`). Tests: `input::tests::dates_are_strict`,\n\
         `cli::arguments_are_read_as_the_library_reads_them`, Python\n\
         `test_an_amount_given_as_text_is_read_as_the_command_reads_it`.\n\n\
         - `2022-6-1`: {} / {}\n\
         - `hơn 620 triệu`: {} / {}\n",
        date.message_vi(),
        date,
        amount.message_vi(),
        amount
    );
    let pack = khuyencong::support::ProvincialPack::from_json(&overlapping_pack(999))
        .expect_err("overlaps");
    let many = khuyencong::support::ProvincialPack::from_json(&overlapping_pack(1001))
        .expect_err("too many rules");
    let short = |t: String| t.chars().take(400).collect::<String>() + "…";
    let _ = write!(
        s,
        "\n### A provincial pack of thousands of overlapping rules\n\n\
         Overlaps are found by one sweep over the rules sorted by item, fund and first day\n\
         (O(n log n)); each rule that overlaps an earlier one is reported once; at most {} problems\n\
         are kept, the last counting the rest, and a message names at most ten. A pack holds at\n\
         most {} rules and is read only up to {} bytes (16 MiB). A 2 MB pack of 4 000 copies of one\n\
         rule used to abort the process; it is refused in milliseconds. Tests:\n\
         `bad_inputs::a_pack_of_many_overlapping_rules_is_refused_quickly_with_capped_issues`,\n\
         `cli::a_pack_of_thousands_of_overlapping_rules_is_refused_not_a_crash`.\n\n\
         999 copies of one rule:\n\n{}\n{}\n1 001 rules:\n\n{}\n{}",
        khuyencong::support::MAX_PACK_ISSUES,
        khuyencong::support::MAX_PACK_RULES,
        khuyencong::support::MAX_PACK_BYTES,
        fence(&short(pack.message_vi())),
        fence(&short(pack.to_string())),
        fence(&many.message_vi()),
        fence(&many.to_string()),
    );
    let too_large = khuyencong::support::PackError::TooLarge {
        max_bytes: khuyencong::support::MAX_PACK_BYTES,
    };
    let fifo = khuyencong::input::read_regular_file(std::path::Path::new("/dev/null"), 10)
        .expect_err("a device");
    let _ = write!(
        s,
        "\n### Inputs that never end, and files that are not files\n\n\
         Every reader reads at most the limit + 1 byte: documents (`check`, Python paths), JSON\n\
         Lines lines, provincial packs (`--pack`, `provincial_pack=`), applicant files\n\
         (`eligibility`) — a 2 GB file or `/dev/zero` costs 16 MiB, not 2 GB. The command reads\n\
         pipes and devices it is given (`<(…)`, `/dev/stdin`); Python refuses a FIFO, a socket or a\n\
         device where a document file is expected, since reading one could block for ever with\n\
         the interpreter released. Tests: `input::tests::reading_is_bounded`,\n\
         `cli::every_reader_is_bounded`, Python `test_a_fifo_is_refused_not_waited_for`.\n\n\
         - a pack too large: {} / {}\n\
         - a FIFO given to Python: {} / {}\n",
        too_large.message_vi(),
        too_large,
        fifo.message_vi(),
        fifo
    );
    s.push_str(
        "\n### An overlong line in JSON Lines\n\n\
         A line longer than 16 MiB is skipped to its end without being kept and reported as\n\
         `structure.too_large_input` (line number in `line`); nothing after the limit is ever read\n\
         as a document, and the next lines are read. (A plan padded with spaces past 16 MiB and\n\
         followed by `GARBAGE {{{` on the same line used to be cut, trimmed and read as clean.)\n\
         Tests: `input::tests::an_overlong_line_is_skipped_whole_and_the_next_one_read`,\n\
         `cli::an_overlong_json_lines_line_is_refused_whole`.\n\n\
         ### A JSON Lines file with one bad line among good ones\n\n\
         Each line is a document of its own: the bad line gets its findings (with its line\n\
         number in `line` and in the table's `FILE:LINE`), the good lines are checked as usual,\n\
         and the exit code is 1. Test: `bad_inputs::one_bad_line_among_good_ones_is_reported_alone`.\n\n\
         ### A file that cannot be read, in a batch\n\n\
         `check a.json missing.json b.json` reports the missing file as a result of its own —\n\
         `structure.unreadable_file` with the system's reason, e.g. `cannot read `missing.json`:\n\
         No such file or directory (os error 2)` / `không đọc được tệp `missing.json`: không có\n\
         tệp hoặc thư mục này` — checks the others, prints the summary (which counts it) and exits\n\
         2 at the end. Test: `cli::an_unreadable_file_in_a_batch_is_reported_and_the_rest_checked`.\n\n\
         ### A closed output pipe\n\n\
         `khuyencong check bad.jsonl | head -1`: when the output is closed before the end, the\n\
         command stops and exits **141** (128 + SIGPIPE, as any command a closed pipe stops) —\n\
         never 0, since what was not written was not seen. Test:\n\
         `cli::a_closed_pipe_does_not_claim_success`.\n\n\
         ### Terminal control characters\n\n\
         Text that comes from an input (an `id`, a field name, a value, a file name) is shown in\n\
         tables and error messages with control characters (C0, DEL, C1) and bidirectional\n\
         overrides escaped as `\\u{001b}`, so a document cannot clear the screen or rewrite earlier\n\
         lines; JSON output escapes them as JSON does. Tests:\n\
         `cli::control_characters_from_documents_are_escaped_in_tables`,\n\
         `table::tests::control_characters_are_escaped` (in the CLI).\n\n\
         ### Output formats\n\n\
         Each command offers only the formats it writes (`check`: table, json, jsonl, csv;\n\
         `explain`: table, json, jsonl; `catalog`: json, jsonl and csv with `--list`, table;\n\
         `schema`: json, csv with `--codelist`; `eligibility`: json, table); anything else is\n\
         refused with exit 2. Test: `cli::formats_are_implemented_or_refused`.\n\n\
         ### Applicant facts\n\n\
         `khuyencong eligibility FILE` and Python's `assess` read the facts with the same reader\n\
         as documents: every problem at once, each at its JSON Pointer into the facts (exit 2 /\n\
         `ValidationError`); the pointer no longer drifts after Vietnamese text. Tests:\n\
         `cli::eligibility_points_at_the_right_fact_after_vietnamese_text`,\n\
         `agreement::applicants_accepted_exactly_when_the_schema_accepts_them`, Python\n\
         `test_assess_errors`.\n\n\
         ### Python objects\n\n\
         A dict is written as JSON text and read as such: an `int` beyond 64 bits, a `str` with a\n\
         lone surrogate, a float (`nan` included), a list that contains itself are findings at\n\
         their place, exactly as for the same JSON text, and one such document never loses a\n\
         `check_many` batch. Dicts and lists are copied before they are read (a `Decimal` whose\n\
         `__str__` empties the dict cannot make the reader panic). The work runs with the\n\
         interpreter released, in chunks between which Ctrl-C is honoured, and never on a small\n\
         thread stack (Python threads' work runs on worker threads with a 16 MiB stack). Tests\n\
         (`python/tests/test_api.py`): `test_values_json_text_can_hold_but_the_library_refuses_are_findings_not_exceptions`,\n\
         `test_a_dict_changed_while_it_is_read_is_no_panic`, `test_a_long_batch_can_be_interrupted`,\n\
         `test_a_small_thread_stack_is_enough`, `test_a_validation_error_lists_every_problem`; in\n\
         Rust, `robustness::a_small_thread_stack_is_enough_at_the_depth_limit`.\n\n\
         ### One truth: the schema, the library, the command and Python\n\n\
         The library accepts exactly what the published JSON Schemas accept, both ways: tested on\n\
         the corpus, on every place of a document of each kind with a battery of wrong values, and\n\
         on thousands of random mutations, with the Rust `jsonschema` crate\n\
         (`agreement::*`), Python's `jsonschema` and ajv in strict mode\n\
         (`python/tests/test_schema.py`). What JSON Schema cannot see is the library's alone: the\n\
         bytes (size, encoding, syntax), duplicate keys, nesting depth and integral floats such\n\
         as `1400000000.0`.\n\n\
         ### Anything else\n\n\
         Arbitrary bytes, arbitrary JSON and mutations of the corpus never make the library\n\
         panic: property tests `robustness::arbitrary_bytes_never_panic`,\n\
         `robustness::arbitrary_json_never_panics`, `robustness::mutated_documents_never_panic`,\n\
         the bounded fuzz run `robustness::fuzz_smoke`, and longer runs of the `fuzz_check`\n\
         example over documents, provincial packs and applicants, recorded in\n\
         docs/benchmarks.md.\n",
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

/// Five independent structural mistakes: five errors in one run, each at its place, with the
/// report's kind and id, and the note that the rules were not run.
#[test]
fn every_structural_mistake_is_reported_in_one_run_with_kind_and_id() {
    let input =
        include_bytes!("../../../../tests/cases/structure_many_mistakes_in_one_pass/input.json");
    let checked = check_bytes(input, &CheckOptions::default());
    assert_eq!(
        checked.kind,
        Some(khuyencong::document::DocumentKind::PeriodReport)
    );
    assert_eq!(checked.id.as_deref(), Some("an-giang-kcqg-2021-2025"));
    let mut errors: Vec<(&str, &str)> = checked
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.path.as_str(), f.code.as_str()))
        .collect();
    errors.sort_unstable();
    assert_eq!(
        errors,
        vec![
            ("", "structure.unknown_field"),
            ("/period/from", "structure.invalid_date"),
            ("/reporting_unit/province", "structure.invalid_type"),
            ("/results/0/support", "structure.not_whole_number"),
            ("/results/1/note", "structure.invalid_type"),
        ]
    );
    assert!(
        checked
            .findings
            .iter()
            .any(|f| f.code == "structure.rules_not_run" && f.severity == Severity::Info)
    );
}

/// Messages say what is wrong in each language: no English wording of the JSON reader in the
/// Vietnamese text ("one of", "expected", "invalid type", …), nothing cut off ("missing "
/// followed by nothing, empty quotes).
#[test]
fn messages_are_complete_and_in_their_own_language() {
    let corpus = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/cases"))
        .expect("cases")
        .filter_map(Result::ok)
        .filter_map(|e| std::fs::read(e.path().join("input.json")).ok());
    let inputs = classes().into_iter().map(|c| c.input).chain(corpus);
    let english = [
        "one of",
        "expected",
        "invalid type",
        "invalid value",
        "missing field",
        "unknown variant",
        "unknown field",
        "at line",
    ];
    let mut seen = 0;
    for input in inputs {
        for f in check_bytes(&input, &CheckOptions::default()).findings {
            let (vi, en) = (f.message_vi(), f.message_en());
            for text in [&*vi, &*en] {
                let t = text.trim_end();
                assert!(
                    t.len() == text.len()
                        && !t.ends_with(':')
                        && !t.contains("``")
                        && !t.contains("\"\""),
                    "{}: cut-off message: {text:?}",
                    f.code
                );
            }
            for word in english {
                assert!(
                    !vi.contains(word),
                    "{}: English in message_vi: {vi}",
                    f.code
                );
            }
            seen += 1;
        }
    }
    assert!(seen > 300, "only {seen} findings looked at");
}

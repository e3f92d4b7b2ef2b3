//! The command as an officer meets it: help in Vietnamese or English, tables that fit the
//! terminal, errors first with their fix, colour, quiet runs, output files, folders and
//! patterns, completions, the manual page and SARIF.

use std::process::{Command, Output};

use unicode_width::UnicodeWidthStr;

use super::{run, stderr, stdout, temp_dir};

const EXAMPLES: [&str; 7] = [
    "docs/examples/an-giang-2021-2025.json",
    "docs/examples/plan-example-2024.json",
    "docs/examples/programme-example-2021-2025.json",
    "docs/examples/report-example-2021-2025.json",
    "docs/examples/scheme-giong-rieng-2025.json",
    "docs/examples/scheme-long-an-2018.json",
    "docs/examples/scheme-quang-nam-2022.json",
];

/// Runs the command with these environment variables set (`None`: removed).
fn run_env(args: &[&str], env: &[(&str, Option<&str>)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_khuyencong"));
    c.args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    for (k, v) in env {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    c.output().expect("run khuyencong")
}

const NO_LOCALE: [(&str, Option<&str>); 3] =
    [("LANG", None), ("LC_ALL", None), ("LC_MESSAGES", None)];

#[test]
fn help_is_vietnamese_by_default_and_english_by_lang_or_locale() {
    let vi = |o: &Output| {
        let out = stdout(o);
        assert!(o.status.success(), "{}", stderr(o));
        assert!(out.contains("Cách dùng: khuyencong"), "{out}");
        assert!(!out.contains("Usage:"), "{out}");
        out
    };
    let en = |o: &Output| {
        let out = stdout(o);
        assert!(o.status.success(), "{}", stderr(o));
        assert!(out.contains("Usage: khuyencong"), "{out}");
        assert!(!out.contains("Cách dùng"), "{out}");
        out
    };
    let out = vi(&run_env(&["--help"], &NO_LOCALE));
    assert!(out.contains("Kiểm tra văn bản"), "{out}");
    assert!(out.contains("In trợ giúp"), "{out}");
    let out = en(&run_env(&["--help", "--lang", "en"], &NO_LOCALE));
    assert!(out.contains("Check documents"), "{out}");
    en(&run_env(&["--lang=en", "-h"], &NO_LOCALE));
    en(&run_env(
        &["--help"],
        &[("LANG", Some("en_US.UTF-8")), ("LC_ALL", None)],
    ));
    vi(&run_env(
        &["--help"],
        &[("LANG", Some("vi_VN.UTF-8")), ("LC_ALL", None)],
    ));
    // LC_ALL wins over LANG; `--lang` over both; C and POSIX name no language.
    vi(&run_env(
        &["--help"],
        &[
            ("LANG", Some("en_US.UTF-8")),
            ("LC_ALL", Some("vi_VN.UTF-8")),
        ],
    ));
    vi(&run_env(
        &["--help", "--lang", "vi"],
        &[("LANG", Some("en_US.UTF-8")), ("LC_ALL", None)],
    ));
    vi(&run_env(
        &["--help"],
        &[("LANG", Some("C.UTF-8")), ("LC_ALL", None)],
    ));
    // A subcommand's help: its options, values and defaults in Vietnamese.
    let out = vi(&run_env(&["check", "--help"], &NO_LOCALE));
    for text in [
        "Tùy chọn",
        "Đối số",
        "Mã thoát 0",
        "[mặc định: table]",
        "Giá trị:",
        "cách",
    ] {
        assert!(out.contains(text), "{text}: {out}");
    }
    let out = en(&run_env(&["check", "--help", "--lang", "en"], &NO_LOCALE));
    assert!(out.contains("[default: table]"), "{out}");
    let out = vi(&run_env(&["totals", "-h"], &NO_LOCALE));
    assert!(out.contains("triệu đồng"), "{out}");
    // Parsing is the same in both languages.
    let o = run_env(
        &["check", "--lang", "en", "--format", "json", EXAMPLES[0]],
        &NO_LOCALE,
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

fn widest(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[test]
fn totals_tables_fit_the_width_with_labels_and_millions() {
    let groupings = [
        "",
        "province",
        "source",
        "activity",
        "province,source,activity",
        "province_now,period,fund_level,source,activity,kind",
        "year,industry,product_group",
    ];
    for width in ["100", "80", "60"] {
        for by in groupings {
            for lang in ["vi", "en"] {
                for amounts in ["million", "dong"] {
                    let mut args = vec!["totals", "--lang", lang, "--amounts", amounts];
                    if !by.is_empty() {
                        args.extend(["--by", by]);
                    }
                    args.extend(EXAMPLES);
                    let o = run_env(&args, &[("COLUMNS", Some(width))]);
                    assert!(o.status.success(), "{by}: {}", stderr(&o));
                    let out = stdout(&o);
                    let limit: usize = width.parse().expect("width");
                    assert!(widest(&out) <= limit, "{width} {by} {lang}:\n{out}");
                }
            }
        }
    }
    // Without COLUMNS: 100.
    let mut args = vec!["totals", "--by", "province,source,activity"];
    args.extend(EXAMPLES);
    let o = run_env(&args, &[("COLUMNS", None)]);
    let out = stdout(&o);
    assert!(widest(&out) <= 100, "{out}");
    // Labels instead of codes; funding and results in separate tables; millions of đồng.
    for text in [
        "Kinh phí theo nguồn (triệu đồng)",
        "Kết quả hỗ trợ (triệu đồng)",
        "Tỉnh An Giang",
        "Vốn đối ứng của cơ sở",
        "17.290",
        "14.908",
        "48,91",
    ] {
        assert!(out.contains(text), "{text}:\n{out}");
    }
    for code in [
        "an_giang",
        "counterpart",
        "local_budget_provincial",
        "funding_vnd",
    ] {
        assert!(!out.contains(code), "{code}:\n{out}");
    }
    let (funding, results) = out.split_once("Kết quả hỗ trợ").expect("two tables");
    assert!(!funding.contains("tổng đầu tư"), "{funding}");
    assert!(!results.contains("Vốn đối ứng của cơ sở"), "{results}");
    // In đồng, and in English.
    let mut args = vec![
        "totals",
        "--by",
        "source",
        "--amounts",
        "dong",
        "--lang",
        "en",
    ];
    args.push(EXAMPLES[0]);
    let out = stdout(&run(&args));
    for text in [
        "Funding by source (đồng)",
        "17,290,000,000",
        "Beneficiary's counterpart funds",
    ] {
        assert!(out.contains(text), "{text}:\n{out}");
    }
    // The machine-readable forms keep their shape: codes and whole đồng.
    let o = run(&["totals", "--by", "source", "--format", "csv", EXAMPLES[0]]);
    assert!(
        stdout(&o).contains("counterpart,1,0,17290000000"),
        "{}",
        stdout(&o)
    );
}

/// Outcomes and every other count the documents state are in the tables, labelled; the
/// targets of a programme against its reports fit the width too.
#[test]
fn totals_tables_show_outcomes_counts_and_targets() {
    let programme = "docs/examples/programme-example-2021-2025.json";
    let report = "docs/examples/report-example-2021-2025.json";
    let out = stdout(&run(&["totals", "--by", "kind", report]));
    // Headings wrap at spaces (a column is as wide as its widest figure or word).
    for text in ["việc", "tạo", "1.200", "Số lượng khác", "chứng", "58"] {
        assert!(out.contains(text), "{text}:\n{out}");
    }
    let out = stdout(&run(&["totals", "--by", "kind", "--lang", "en", report]));
    for text in [
        "jobs",
        "created",
        "1,200",
        "Other counts",
        "certified",
        "58",
    ] {
        assert!(out.contains(text), "{text}:\n{out}");
    }
    for width in ["100", "80", "60"] {
        for lang in ["vi", "en"] {
            for amounts in ["million", "dong"] {
                let args = [
                    "totals",
                    programme,
                    report,
                    "--targets",
                    "--lang",
                    lang,
                    "--amounts",
                    amounts,
                ];
                let o = run_env(&args, &[("COLUMNS", Some(width))]);
                assert!(o.status.success(), "{}", stderr(&o));
                let out = stdout(&o);
                let limit: usize = width.parse().expect("width");
                assert!(widest(&out) <= limit, "{width} {lang}:\n{out}");
            }
        }
    }
    let o = run_env(
        &["totals", programme, report, "--targets", "--lang", "en"],
        &[("COLUMNS", Some("100"))],
    );
    let out = stdout(&o);
    // Target 1.1: 100 establishments, at least 62 reported (some results not broken down).
    let row = out
        .lines()
        .find(|l| l.starts_with("1.1 "))
        .expect("target 1.1");
    for text in ["establishments", "100", "≥62", "62%"] {
        assert!(row.contains(text), "{text}: {row}");
    }
    // Whether it is met cannot be said from a lower bound.
    assert!(out.contains("cannot say"), "{out}");
    for code in ["advanced_machinery_technology_transfer", "lower_bound"] {
        assert!(!out.contains(code), "{code}:\n{out}");
    }
    assert!(
        out.contains("Targets and results: vi-du-ctkc-2021-2025"),
        "{out}"
    );
}

#[test]
fn check_prints_errors_first_with_their_fix() {
    let file = "tests/cases/report_funding_total_mismatch/input.json";
    let out = stdout(&run(&["check", file]));
    let error = out.find("  lỗi ").expect("an error");
    let info = out.find("  thông tin ").expect("an info");
    assert!(error < info, "{out}");
    let fix = out.find("➜ cách sửa:").expect("a fix");
    assert!(error < fix && fix < info, "{out}");
    assert!(
        out.trim_end()
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("tổng cộng:")),
        "{out}"
    );
    let out = stdout(&run(&["check", file, "--lang", "en"]));
    assert!(out.contains("➜ fix:"), "{out}");
    let out = stdout(&run(&["check", file, "--no-fix"]));
    assert!(!out.contains("cách sửa"), "{out}");
    // JSON keeps the library's order and shape.
    let o = run(&["check", file, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let severities: Vec<&str> = v["documents"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["severity"].as_str().expect("severity"))
        .collect();
    assert_eq!(severities, ["info", "error"]);
}

#[test]
fn quiet_shows_errors_and_the_summary_only() {
    let mut args = vec![
        "check",
        "--quiet",
        "tests/cases/report_funding_total_mismatch/input.json",
    ];
    args.extend(EXAMPLES);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("funding.total_mismatch"), "{out}");
    for noise in [
        "  thông tin ",
        "  cảnh báo ",
        "an-giang-2021-2025.json",
        "✓",
    ] {
        assert!(!out.contains(noise), "{noise}: {out}");
    }
    assert!(
        out.trim_end()
            .ends_with("tổng cộng: 8 văn bản, 1 có lỗi; 1 lỗi, 2 cảnh báo, 9 thông tin"),
        "{out}"
    );
}

#[test]
fn colour_by_severity_only_when_asked_or_on_a_terminal() {
    let file = "tests/cases/report_funding_total_mismatch/input.json";
    // Not a terminal (a pipe here): no colour, whatever NO_COLOR says.
    let o = run_env(&["check", file], &[("NO_COLOR", None)]);
    assert!(!o.stdout.contains(&0x1b), "{}", stdout(&o));
    let o = run_env(
        &["check", file, "--color", "always"],
        &[("NO_COLOR", Some("1"))],
    );
    let out = stdout(&o);
    assert!(out.contains("\u{1b}[1;31mlỗi"), "{out:?}");
    assert!(out.contains("\u{1b}[36mthông tin"), "{out:?}");
    let o = run(&["check", file, "--color", "never"]);
    assert!(!o.stdout.contains(&0x1b));
}

#[test]
fn output_goes_to_the_file_of_o() {
    let dir = temp_dir("output");
    for (args, name) in [
        (vec!["check", EXAMPLES[0]], "check.txt"),
        (vec!["check", "--format", "json", EXAMPLES[0]], "check.json"),
        (vec!["totals", "--by", "source", EXAMPLES[0]], "totals.txt"),
        (vec!["explain", "funding.total_mismatch"], "explain.txt"),
        (vec!["schema", "plan"], "schema.json"),
        (vec!["packs"], "packs.txt"),
        (
            vec!["catalog", "--as-of", "2024-06-01", "--list", "activities"],
            "catalog.json",
        ),
    ] {
        let direct = run(&args);
        assert!(direct.status.success(), "{args:?}: {}", stderr(&direct));
        let path = dir.join(name);
        let path = path.to_str().expect("utf-8");
        let mut to_file = args.clone();
        to_file.extend(["-o", path]);
        let o = run(&to_file);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
        assert_eq!(
            std::fs::read(path).expect("written"),
            direct.stdout,
            "{args:?}"
        );
    }
    let o = run(&["check", EXAMPLES[0], "-o", "/nonexistent-dir/x.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("không ghi được tệp"), "{}", stderr(&o));
}

#[test]
fn folders_and_patterns_are_expanded_by_the_command() {
    let all = stdout(&run(&["check", "--format", "json"]
        .iter()
        .copied()
        .chain(EXAMPLES)
        .collect::<Vec<_>>()));
    // A folder: its documents in name order, the provincial pack in it passed over.
    let o = run(&["check", "--format", "json", "docs/examples"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).replace("docs/examples/", ""),
        all.replace("docs/examples/", "")
    );
    assert!(
        stderr(&o).contains("provincial-pack.example.json"),
        "{}",
        stderr(&o)
    );
    // A pattern, expanded by the command (quoted: no shell does it here).
    let o = run(&["check", "--format", "json", "docs/examples/scheme-*.json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let files: Vec<&str> = v["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["file"].as_str().expect("file"))
        .collect();
    assert_eq!(files, EXAMPLES[4..]);
    // Recursively, hidden files and other extensions passed over, in name order.
    let dir = temp_dir("folders");
    let seed = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/scheme-quang-nam-2022.json"
    ))
    .expect("seed");
    std::fs::create_dir_all(dir.join("b/c")).expect("mkdir");
    std::fs::create_dir_all(dir.join(".git")).expect("mkdir");
    for name in [
        "b/c/z.json",
        "a.json",
        "b/y.json",
        ".hidden.json",
        ".git/x.json",
    ] {
        std::fs::write(dir.join(name), &seed).expect("write");
    }
    std::fs::write(dir.join("notes.txt"), "x").expect("write");
    let o = run(&["check", "--format", "json", dir.to_str().expect("utf-8")]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let files: Vec<String> = v["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["file"].as_str().expect("file").replace('\\', "/"))
        .collect();
    let base = dir.to_str().expect("utf-8").replace('\\', "/");
    assert_eq!(
        files,
        ["a.json", "b/c/z.json", "b/y.json"].map(|f| format!("{base}/{f}"))
    );
    // A pattern nothing matches is an unreadable input (exit 2), in both languages.
    let o = run(&["check", "no-such-folder/*.json", EXAMPLES[0]]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("không có tệp nào khớp với `no-such-folder/*.json`"));
    // A pattern names files as a shell would: a provincial pack it matches is an input.
    let o = run(&["totals", "docs/examples/*-20*.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        run(&["totals", "docs/examples/*.json"]).status.code(),
        Some(2)
    );
}

#[test]
fn completions_and_the_manual_page_come_from_the_definitions() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = run(&["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("khuyencong"), "{shell}");
        for word in ["check", "totals", "amounts", "no-fix"] {
            assert!(out.contains(word), "{shell}: {word}");
        }
    }
    let o = run(&["completions", "fish"]);
    assert!(stdout(&o).contains("Kiểm tra văn bản"));
    let o = run(&["completions", "fish", "--lang", "en"]);
    assert!(stdout(&o).contains("Check documents"));
    let o = run(&["man"]);
    assert!(o.status.success());
    let page = stdout(&o);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{page}");
    assert!(
        page.contains("khuyencong") && page.contains("Kiểm tra"),
        "{page}"
    );
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

/// The SARIF log has the shape of SARIF 2.1.0 (§3.13 sarifLog, §3.14 run, §3.19 tool,
/// §3.49 reportingDescriptor, §3.27 result, §3.28 location, §3.33 logicalLocation).
#[test]
fn sarif_output_has_the_shape_of_sarif_2_1_0() {
    let o = run(&[
        "check",
        "--format",
        "sarif",
        "tests/cases/report_funding_total_mismatch/input.json",
        EXAMPLES[5],
    ]);
    assert_eq!(o.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(log["version"], "2.1.0");
    assert!(
        log["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("sarif-2.1.0"))
    );
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let run0 = &runs[0];
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "khuyencong");
    let rules = driver["rules"].as_array().expect("rules");
    let codes: Vec<&str> = rules
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert!(codes.len() >= 50, "{}", codes.len());
    let mut seen = std::collections::BTreeSet::new();
    for r in rules {
        assert!(seen.insert(r["id"].as_str()), "rule ids are unique");
        assert!(
            r["shortDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        assert!(
            r["help"]["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{r}"
        );
        assert!(
            ["error", "warning", "note"]
                .contains(&r["defaultConfiguration"]["level"].as_str().expect("level"))
        );
    }
    let mismatch = rules
        .iter()
        .find(|r| r["id"] == "funding.total_mismatch")
        .expect("rule");
    assert!(mismatch["help"]["text"].as_str().expect("help").len() > 10);
    let with_citation = rules
        .iter()
        .filter(|r| {
            r["properties"]["citation_vi"]
                .as_str()
                .is_some_and(|c| c.contains("Điều"))
        })
        .count();
    assert!(with_citation > 10, "{with_citation}");
    let results = run0["results"].as_array().expect("results");
    assert_eq!(results.len(), 6, "{results:#?}");
    for r in results {
        let id = r["ruleId"].as_str().expect("ruleId");
        let index = usize::try_from(r["ruleIndex"].as_u64().expect("ruleIndex")).expect("index");
        assert_eq!(codes[index], id);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().expect("level")));
        assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        let loc = &r["locations"][0];
        let uri = loc["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("uri");
        assert!(
            std::path::Path::new(uri)
                .extension()
                .is_some_and(|e| e == "json")
                && !uri.contains(' '),
            "{uri}"
        );
        let pointer = loc["logicalLocations"][0]["fullyQualifiedName"]
            .as_str()
            .expect("pointer");
        assert!(pointer.is_empty() || pointer.starts_with('/'), "{pointer}");
    }
    let error = results
        .iter()
        .find(|r| r["level"] == "error")
        .expect("an error");
    assert_eq!(error["ruleId"], "funding.total_mismatch");
    assert_eq!(
        error["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "/funding/total"
    );
    assert!(
        results.iter().any(|r| r["level"] == "warning"),
        "the Long An scheme's warnings"
    );
}

/// A spreadsheet's findings name their cell in SARIF as a second logical location.
#[test]
fn sarif_names_the_cell_of_a_spreadsheet_finding() {
    let dir = temp_dir("sarif-sheet");
    let csv = dir.join("de-an.csv");
    let csv = csv.to_str().expect("utf-8");
    let o = run(&["template", "scheme", "--format", "csv", "-o", csv]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["check", "--format", "sarif", csv]);
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let results = log["runs"][0]["results"].as_array().expect("results");
    let o = run(&["check", "--format", "json", csv]);
    let plain: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let cells: Vec<&str> = plain["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .flat_map(|d| d["findings"].as_array().expect("findings"))
        .filter_map(|f| f["cell"].as_str())
        .collect();
    let sarif_cells: Vec<&str> = results
        .iter()
        .filter_map(|r| r["locations"][0]["logicalLocations"][1]["name"].as_str())
        .collect();
    assert_eq!(sarif_cells, cells);
    assert!(
        !cells.is_empty(),
        "the template's example rows give findings with cells"
    );
}

/// The words of a command line as a POSIX shell splits them (quotes, no expansion); `None`
/// for a line that is not a `khuyencong` command.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '\'' | '"') => {
                quote = Some(c);
                any = true;
            }
            (None, '#') if word.is_empty() && !any => break,
            (None, c) if c.is_whitespace() => {
                if any || !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            (_, c) => word.push(c),
        }
    }
    if any || !word.is_empty() {
        out.push(word);
    }
    out
}

/// Runs a documentation's command in `dir` with the default width and no locale.
fn run_in(dir: &std::path::Path, args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_khuyencong"))
        .args(args)
        .current_dir(dir)
        .env_remove("COLUMNS")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .output()
        .expect("run khuyencong")
}

fn copy_into(dir: &std::path::Path, rel: &str) {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let from = root.join(rel);
    let to = dir.join(rel);
    if from.is_dir() {
        for entry in std::fs::read_dir(&from).expect("read dir") {
            let name = entry.expect("entry").file_name();
            copy_into(dir, &format!("{rel}/{}", name.to_string_lossy()));
        }
    } else {
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&from, &to).expect("copy");
    }
}

/// Every `khuyencong …` line of the code blocks of a document runs (exit 0; `check` may
/// find errors, exit 1), and every result it prints is the command's real output.
fn document_commands_are_true(doc: &str) -> usize {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let text = std::fs::read_to_string(root.join(doc)).expect("read the document");
    let dir = temp_dir(&format!("doc-{}", doc.replace('/', "-")));
    for rel in [
        "docs/examples",
        "tests/cases/eligibility/applicant_enterprise_class1_ward.json",
        "tests/cases/report_funding_total_mismatch/input.json",
    ] {
        copy_into(&dir, rel);
    }
    let mut ran = 0;
    let mut in_code = false;
    let mut pending = String::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = line.trim() == "```sh";
            continue;
        }
        if !in_code {
            continue;
        }
        if let Some(start) = line.strip_suffix('\\') {
            pending.push_str(start);
            continue;
        }
        let full = std::mem::take(&mut pending) + line;
        let args = words(&full);
        if args.first().map(String::as_str) != Some("khuyencong") {
            continue;
        }
        let o = run_in(&dir, &args[1..]);
        let ok = match args.get(1).map(String::as_str) {
            Some("check") => matches!(o.status.code(), Some(0 | 1)),
            _ => o.status.success(),
        };
        assert!(ok, "{doc}: `{full}`: {:?}\n{}", o.status, stderr(&o));
        ran += 1;
    }
    // The results shown: `<!-- output: khuyencong … -->` and the text block after it.
    let mut rest = text.as_str();
    while let Some(at) = rest.find("<!-- output: ") {
        rest = &rest[at + "<!-- output: ".len()..];
        let (command, after) = rest.split_once(" -->").expect("a closed comment");
        let block = after
            .split_once("```text\n")
            .and_then(|(_, b)| b.split_once("```"))
            .map(|(b, _)| b)
            .expect("a text block after the comment");
        let args = words(command);
        let o = run_in(&dir, &args[1..]);
        assert_eq!(stdout(&o), block, "{doc}: the output of `{command}`");
        ran += 1;
    }
    ran
}

#[test]
fn every_command_of_the_vietnamese_quick_start_is_true() {
    assert!(document_commands_are_true("docs/huong-dan.md") >= 25);
}

#[test]
fn the_readme_example_output_is_true() {
    // The README's first command and what it prints.
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    let shown = readme
        .split_once("The first prints\n\n```text\n")
        .and_then(|(_, b)| b.split_once("```"))
        .map(|(b, _)| b)
        .expect("the printed example");
    let o = run_in(root, &["check".to_owned(), EXAMPLES[0].to_owned()]);
    assert_eq!(stdout(&o), shown);
}

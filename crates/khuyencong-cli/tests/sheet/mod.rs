//! Spreadsheets on the command line: `template`, `convert`, and `check` / `totals` reading
//! `.xlsx` and `.csv` files, with findings that name their cells.

use super::{run, stderr, stdout};
use serde_json::Value;

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("khuyencong-cli-sheet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn template_writes_xlsx_and_csv_to_a_file_or_csv_to_stdout() {
    let xlsx = temp("scheme.xlsx");
    let o = run(&["template", "scheme", "-o", path(&xlsx)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&xlsx).expect("written");
    assert!(bytes.starts_with(b"PK"));
    let book = khuyencong_sheet::read_xlsx(&bytes, "scheme.xlsx").expect("workbook");
    assert_eq!(book.grids[0].display, "Đề án khuyến công");
    // CSV by the file's extension; for Excel, with a byte-order mark and CRLF.
    let csv = temp("plan.csv");
    let o = run(&["template", "plan", "--excel", "-o", path(&csv)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read(&csv).expect("written");
    assert!(text.starts_with(&[0xEF, 0xBB, 0xBF]) && text.windows(2).any(|w| w == b"\r\n"));
    let o = run(&[
        "template",
        "period-report",
        "--format",
        "csv",
        "--no-example",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("Báo cáo tình hình thực hiện\n"),
        "{}",
        stdout(&o)
    );
    assert!(!stdout(&o).contains("Ví dụ"));
    let o = run(&[
        "template",
        "programme-of-nothing",
        "-o",
        path(&temp("x.xlsx")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown document kind `programme-of-nothing`"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("loại văn bản"), "{}", stderr(&o));
}

#[test]
fn check_an_officers_workbook_names_the_cells_of_its_findings() {
    let o = run(&[
        "check",
        "tests/sheets/scheme-officer.xlsx",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out: Value = serde_json::from_slice(&o.stdout).expect("json");
    let expected: Value = serde_json::from_slice(
        &std::fs::read("../../tests/sheets/scheme-officer.expected.json")
            .or_else(|_| std::fs::read("tests/sheets/scheme-officer.expected.json"))
            .expect("expected findings"),
    )
    .expect("json");
    let doc = &out["documents"][0];
    assert_eq!(doc["id"], expected["id"]);
    assert_eq!(doc["kind"], expected["kind"]);
    let got: Vec<Value> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| serde_json::json!({"severity": f["severity"], "code": f["code"], "path": f["path"], "cell": f["cell"]}))
        .collect();
    assert_eq!(Value::Array(got), expected["findings"]);
    // The table shows each cell beside its JSON Pointer.
    let o = run(&["check", "tests/sheets/scheme-officer.xlsx", "--lang", "en"]);
    let table = stdout(&o);
    assert!(
        table.contains("'Đối tượng thụ hưởng'!E5  /beneficiaries/0/industry  sheet.unknown_code"),
        "{table}"
    );
    assert!(
        table.contains("did you mean `agro_forestry_fishery_food_processing`"),
        "{table}"
    );
    // And as a workbook of results with the officer's sheets annotated.
    let results = temp("checked.xlsx");
    let o = run(&[
        "check",
        "tests/sheets/scheme-officer.xlsx",
        "--xlsx",
        path(&results),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let book = khuyencong_sheet::read_xlsx(&std::fs::read(&results).expect("written"), "c.xlsx")
        .expect("workbook");
    let names: Vec<&str> = book.grids.iter().map(|g| g.display.as_str()).collect();
    assert_eq!(names[0], "Kết quả kiểm tra");
    assert!(names.contains(&"Đối tượng thụ hưởng"), "{names:?}");
    let cells: Vec<String> = book.grids[0].rows.iter().map(|r| r.get(6).text()).collect();
    assert!(
        cells.contains(&"'Đối tượng thụ hưởng'!E5".to_owned()),
        "{cells:?}"
    );
}

#[test]
fn convert_round_trips_and_totals_read_spreadsheets() {
    let seed = "docs/examples/an-giang-2021-2025.json";
    for ext in ["xlsx", "csv"] {
        let sheet = temp(&format!("an-giang.{ext}"));
        let o = run(&["convert", seed, "-o", path(&sheet)]);
        assert!(o.status.success(), "{}", stderr(&o));
        let back = temp(&format!("an-giang-{ext}.json"));
        let o = run(&["convert", path(&sheet), "-o", path(&back)]);
        assert!(o.status.success(), "{}", stderr(&o));
        let original: Value = serde_json::from_slice(
            &std::fs::read(format!("../../{seed}"))
                .or_else(|_| std::fs::read(seed))
                .expect("seed"),
        )
        .expect("json");
        let read: Value =
            serde_json::from_slice(&std::fs::read(&back).expect("written")).expect("json");
        assert_eq!(read, original, "{ext}");
        // The same totals from the spreadsheet as from the JSON.
        let a = run(&["totals", seed, "--by", "source", "--format", "json"]);
        let b = run(&["totals", path(&sheet), "--by", "source", "--format", "json"]);
        assert!(b.status.success(), "{}", stderr(&b));
        assert_eq!(stdout(&a), stdout(&b));
    }
    // Totals as a workbook.
    let totals = temp("totals.xlsx");
    let o = run(&["totals", seed, "--by", "source", "--xlsx", path(&totals)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let book = khuyencong_sheet::read_xlsx(&std::fs::read(&totals).expect("written"), "t.xlsx")
        .expect("workbook");
    let figures: Vec<String> = book.grids[0].rows.iter().map(|r| r.get(2).text()).collect();
    assert!(figures.contains(&"17290000000".to_owned()), "{figures:?}");
    // A workbook with unreadable cells is not converted, and says where.
    let o = run(&[
        "convert",
        "tests/sheets/scheme-officer.xlsx",
        "-o",
        path(&temp("o.json")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("'Đối tượng thụ hưởng'!E5"),
        "{}",
        stderr(&o)
    );
    assert!(!temp("o.json").exists());
    // Nor totalled.
    let o = run(&["totals", "tests/sheets/scheme-officer.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("'Đối tượng thụ hưởng'!E5"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn explain_knows_the_spreadsheet_codes() {
    let o = run(&["explain", "sheet.unknown_code", "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("sheet.unknown_code (error)"),
        "{}",
        stdout(&o)
    );
    let o = run(&["explain", "sheet.nope"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn convert_says_what_a_spreadsheet_does_not_hold() {
    // An exact amount with the words it was written in: a cell holds the number only.
    let json = temp("worded.json");
    std::fs::write(
        &json,
        r#"{"kind": "plan", "schema_version": 1, "id": "kh", "year": 2024, "fund_level": "national",
            "budget": {"total": {"vnd": 600000000, "text": "600 triệu đồng"}}}"#,
    )
    .expect("write");
    let out = temp("worded.xlsx");
    let o = run(&["convert", path(&json), "-o", path(&out), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 /budget/total"), "{}", stderr(&o));
    assert!(out.exists());
    // Mixing directions is a usage error.
    let o = run(&["convert", path(&json), "tests/sheets/scheme-officer.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
}

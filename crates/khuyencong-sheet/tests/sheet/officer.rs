//! A template filled the way an officer fills it — some cells blank, amounts in Vietnamese
//! notation, a date as text, a number stored as text, a formula, a label picked from the
//! drop-down list, an example row left in place, one wrong code — checks with findings that
//! name their cells.
//!
//! The workbook is written from the template the library generates (its header rows and
//! merged headings copied as they are) with `rust_xlsxwriter`, as Excel would save it. It is
//! committed as `tests/sheets/scheme-officer.xlsx` with its findings in
//! `tests/sheets/scheme-officer.expected.json`, which the command line and Python tests read
//! too (`KHUYENCONG_BLESS=1` rewrites both).

use std::path::{Path, PathBuf};

use khuyencong::Severity;
use khuyencong_sheet::{
    Cell, Format, Layout, TemplateOptions, read_bytes_as_documents, read_xlsx, template,
};
use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Formula, Workbook};
use serde_json::{Value, json};

/// How an officer typed a cell.
#[derive(Clone, Copy)]
pub enum Typed<'a> {
    Text(&'a str),
    Number(f64),
    Date(u16, u8, u8),
    /// A formula with the result Excel computed and saved.
    Formula(&'a str, f64),
}

/// One sheet's rows: (column key, or `STT` / `Mã văn bản` for the special columns; value).
pub type Rows<'a> = Vec<Vec<(&'a str, Typed<'a>)>>;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The template of `kind`, with `fills` (by sheet key: `""` for the document sheet, else
/// e.g. `funding.lines`) written below its example rows, and a few formatted blank rows
/// after them as Excel leaves them.
pub fn fill(kind: &str, fills: &[(&str, Rows<'_>)]) -> Vec<u8> {
    let bytes = template(kind, Format::Xlsx, &TemplateOptions::default()).expect("template");
    let book = read_xlsx(&bytes, "template.xlsx").expect("read template");
    let layout = Layout::of(kind).expect("layout");
    let mut wb = Workbook::new();
    let money = XFormat::new().set_num_format("#,##0");
    let date = XFormat::new().set_num_format("dd/mm/yyyy");
    for grid in &book.grids {
        let ws = wb.add_worksheet();
        ws.set_name(&grid.display).expect("name");
        let mut last = 0;
        for row in &grid.rows {
            last = last.max(row.index);
            for (c, cell) in &row.cells {
                let c = u16::try_from(*c).expect("column");
                match cell {
                    Cell::Text(t) => ws.write_string(row.index, c, t).map(|_| ()),
                    Cell::Number(n) => ws.write_number(row.index, c, *n).map(|_| ()),
                    Cell::Int(n) => ws
                        .write_number(row.index, c, f64::from(i32::try_from(*n).expect("small")))
                        .map(|_| ()),
                    Cell::Date(d, _) => {
                        let dt = ExcelDateTime::parse_from_str(&d.to_string()).expect("date");
                        ws.write_datetime_with_format(row.index, c, &dt, &date)
                            .map(|_| ())
                    }
                    _ => Ok(()),
                }
                .expect("write");
            }
        }
        for m in &grid.merges {
            if m.first_row == m.last_row && m.first_col == m.last_col {
                continue;
            }
            let text = grid
                .rows
                .iter()
                .find(|r| r.index == m.first_row)
                .map(|r| r.get(m.first_col).text())
                .unwrap_or_default();
            ws.merge_range(
                m.first_row,
                u16::try_from(m.first_col).expect("col"),
                m.last_row,
                u16::try_from(m.last_col).expect("col"),
                &text,
                &XFormat::new().set_bold(),
            )
            .expect("merge");
        }
        let Some(sheet) = layout.sheet_named(&grid.display) else {
            continue;
        };
        let Some((_, rows)) = fills.iter().find(|(k, _)| *k == layout.sheets[sheet].key) else {
            continue;
        };
        // The Vietnamese heading row: the row with the most of the sheet's headings (the
        // special columns' headings are merged over the group rows above it).
        let vi: Vec<String> = layout.sheets[sheet]
            .columns
            .iter()
            .map(|c| c.vi.clone())
            .collect();
        let heading = grid
            .rows
            .iter()
            .max_by_key(|r| {
                r.cells
                    .iter()
                    .filter(|(_, cell)| vi.contains(&cell.text().trim_end_matches(" *").to_owned()))
                    .count()
            })
            .expect("heading row");
        let column = |key: &str| -> u16 {
            if matches!(key, "STT" | "Mã văn bản" | "Thuộc dòng") {
                let found: Vec<u32> = grid
                    .rows
                    .iter()
                    .filter(|r| r.index <= heading.index)
                    .flat_map(|r| r.cells.iter())
                    .filter(|(_, cell)| cell.text() == key)
                    .map(|(c, _)| *c)
                    .collect();
                assert_eq!(found.len(), 1, "{key}: {found:?}");
                return u16::try_from(found[0]).expect("column");
            }
            let col = layout.sheets[sheet]
                .columns
                .iter()
                .find(|c| c.key == key)
                .unwrap_or_else(|| panic!("no column {key}"));
            // Same heading, same group headings (merged over the columns above it).
            let under = |c: u32| {
                col.groups.iter().enumerate().all(|(level, g)| {
                    let row = u32::try_from(level).expect("level");
                    let own = grid
                        .rows
                        .iter()
                        .find(|r| r.index == row)
                        .is_some_and(|r| r.get(c).text().starts_with(&g.vi));
                    own || grid.merges.iter().any(|m| {
                        m.first_row == u32::try_from(level).expect("level")
                            && (m.first_col..=m.last_col).contains(&c)
                            && grid
                                .rows
                                .iter()
                                .find(|r| r.index == m.first_row)
                                .is_some_and(|r| r.get(m.first_col).text().starts_with(&g.vi))
                    })
                })
            };
            // A heading outside every group spans the group rows: its text is above.
            let found: Vec<u32> = grid
                .rows
                .iter()
                .filter(|r| r.index <= heading.index)
                .flat_map(|r| r.cells.iter())
                .filter(|(c, cell)| cell.text().trim_end_matches(" *") == col.vi && under(*c))
                .map(|(c, _)| *c)
                .collect();
            assert_eq!(found.len(), 1, "{key}: {found:?}");
            u16::try_from(found[0]).expect("column")
        };
        for (i, row) in rows.iter().enumerate() {
            let at_row = last + 1 + u32::try_from(i).expect("row");
            for (key, typed) in row {
                let at_col = column(key);
                match typed {
                    Typed::Text(text) => ws.write_string(at_row, at_col, *text).map(|_| ()),
                    Typed::Number(number) => ws
                        .write_number_with_format(at_row, at_col, *number, &money)
                        .map(|_| ()),
                    Typed::Date(year, month, day) => {
                        let value = ExcelDateTime::from_ymd(*year, *month, *day).expect("date");
                        ws.write_datetime_with_format(at_row, at_col, &value, &date)
                            .map(|_| ())
                    }
                    Typed::Formula(formula, cached) => ws
                        .write_formula(
                            at_row,
                            at_col,
                            Formula::new(*formula).set_result(cached.to_string()),
                        )
                        .map(|_| ()),
                }
                .expect("write");
            }
        }
        // Trailing rows Excel keeps: formatted but empty, and a cell holding only spaces.
        let end = last + 1 + u32::try_from(rows.len()).expect("rows");
        for r in end..end + 5 {
            ws.write_blank(r, 3, &money).expect("blank");
        }
        ws.write_string(end + 2, 1, "   ").expect("spaces");
    }
    wb.save_to_buffer().expect("save")
}

/// A provincial scheme as an officer fills the template.
pub fn scheme_officer() -> Vec<u8> {
    let main: Rows<'_> = vec![vec![
        ("STT", Typed::Text("1")),
        ("id", Typed::Text("kcdp-2024-hau-giang-01")),
        (
            "title",
            Typed::Text("Hỗ trợ máy sấy nông sản cho HTX Hòa Thành"),
        ),
        ("province", Typed::Text("Hậu Giang")),
        ("approval.number", Typed::Text("125/QĐ-UBND")),
        // Typed as text, day first.
        ("approval.date", Typed::Text("15/03/2024")),
        // A label picked from the drop-down list.
        (
            "activities",
            Typed::Text(
                "Chuyển giao công nghệ, ứng dụng máy móc tiên tiến, tiến bộ khoa học kỹ thuật vào sản xuất",
            ),
        ),
        // Vietnamese notation, and a number stored as text.
        ("funding.total_cost", Typed::Text("1,4 tỷ")),
        ("funding.eligible_cost", Typed::Text("1400000000")),
        (
            "funding.fund_level",
            Typed::Text("Kinh phí khuyến công địa phương cấp tỉnh"),
        ),
        ("funding.no_other_state_funding", Typed::Text("Có")),
        ("planned_outputs.establishments", Typed::Number(1.0)),
    ]];
    let beneficiaries: Rows<'_> = vec![vec![
        ("STT", Typed::Text("1")),
        ("name", Typed::Text("HTX Nông nghiệp Hòa Thành")),
        ("legal_form", Typed::Text("Hợp tác xã")),
        // The one wrong code.
        ("industry", Typed::Text("agro_forestry_food_processing")),
        ("head_office.province_kind", Typed::Text("Tỉnh")),
        ("head_office.unit_kind", Typed::Text("Xã")),
        ("head_office.unit_name", Typed::Text("Hòa Thành")),
        ("other_state_funding_same_items", Typed::Text("Không")),
    ]];
    let lines: Rows<'_> = vec![
        vec![
            ("STT", Typed::Text("1")),
            (
                "source",
                Typed::Text("Ngân sách cấp tỉnh (kinh phí khuyến công địa phương)"),
            ),
            ("amount", Typed::Text("300 triệu")),
        ],
        vec![
            ("STT", Typed::Text("2")),
            ("source", Typed::Text("counterpart")),
            // 1,4 tỷ − 300 triệu was meant; the formula subtracts 400 triệu.
            (
                "amount",
                Typed::Formula("=1400000000-400000000", 1_000_000_000.0),
            ),
            ("note", Typed::Text("vốn tự có của HTX")),
        ],
    ];
    fill(
        "scheme",
        &[
            ("", main),
            ("beneficiaries", beneficiaries),
            ("funding.lines", lines),
        ],
    )
}

/// What a finding says, for comparing across the library, the command line and Python.
pub fn summary(findings: &[khuyencong::Finding]) -> Vec<Value> {
    findings
        .iter()
        .map(|f| {
            json!({
                "severity": f.severity,
                "code": f.code,
                "path": f.path,
                "cell": f.cell,
            })
        })
        .collect()
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/sheets").join(name)
}

#[test]
fn an_officers_workbook_checks_with_findings_that_name_their_cells() {
    let bytes = scheme_officer();
    let docs = read_bytes_as_documents(&bytes, "scheme-officer.xlsx", None);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    let json = doc.json.clone().expect("json");
    // Amounts in Vietnamese notation, a number stored as text, a date typed as text, labels
    // read as codes; the blank cells are not stated (no `issuer`, no `support_terms`).
    assert_eq!(json["funding"]["total_cost"], json!(1_400_000_000_u64));
    assert_eq!(json["funding"]["eligible_cost"], json!(1_400_000_000_u64));
    assert_eq!(
        json["funding"]["lines"][0]["amount"],
        json!(300_000_000_u64)
    );
    assert_eq!(
        json["funding"]["lines"][1]["amount"],
        json!(1_000_000_000_u64)
    );
    assert_eq!(json["funding"]["fund_level"], "provincial");
    assert_eq!(
        json["approval"],
        json!({"number": "125/QĐ-UBND", "date": "2024-03-15"})
    );
    assert_eq!(
        json["activities"],
        json!(["advanced_machinery_technology_transfer"])
    );
    assert_eq!(json["beneficiaries"][0]["legal_form"], "cooperative");
    assert!(json["beneficiaries"][0].get("industry").is_none());
    assert!(json.get("support_terms").is_none() && json.get("declarations").is_none());
    let checked = doc.check(&khuyencong::document::CheckOptions::default());
    let find = |code: &str| {
        checked
            .findings
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("no {code}: {:#?}", checked.findings))
    };
    // The wrong code: an error at its cell, naming the code meant.
    let wrong = find("sheet.unknown_code");
    assert_eq!(wrong.severity, Severity::Error);
    assert_eq!(wrong.path, "/beneficiaries/0/industry");
    assert_eq!(
        wrong.cell.as_deref(),
        Some("'Đối tượng thụ hưởng'!E5"),
        "{wrong:#?}"
    );
    assert!(
        wrong
            .message_en()
            .contains("`agro_forestry_fishery_food_processing`"),
        "{}",
        wrong.message_en()
    );
    // The core's findings name their cells too: the lines do not add up to the total.
    let mismatch = find("funding.sources_do_not_sum");
    assert!(mismatch.cell.is_some(), "{mismatch:#?}");
    // The example row left in place is not read, and says so.
    assert_eq!(find("sheet.example_rows").severity, Severity::Info);
    for f in &checked.findings {
        if !f.path.is_empty() {
            assert!(f.cell.is_some(), "{f:#?}");
        }
    }
    let expected = json!({
        "source": "scheme-officer.xlsx",
        "kind": "scheme",
        "id": "kcdp-2024-hau-giang-01",
        "findings": summary(&checked.findings),
    });
    if std::env::var_os("KHUYENCONG_BLESS").is_some() {
        std::fs::create_dir_all(root().join("tests/sheets")).expect("dir");
        std::fs::write(fixture("scheme-officer.xlsx"), &bytes).expect("write");
        let text = serde_json::to_string_pretty(&expected).expect("json") + "\n";
        std::fs::write(fixture("scheme-officer.expected.json"), text).expect("write");
    }
    // The committed workbook gives the committed findings (the command line and Python
    // tests read the same files).
    let committed = std::fs::read(fixture("scheme-officer.xlsx")).expect("committed workbook");
    let docs = read_bytes_as_documents(&committed, "scheme-officer.xlsx", None);
    let again = docs[0].check(&khuyencong::document::CheckOptions::default());
    let want: Value = serde_json::from_slice(
        &std::fs::read(fixture("scheme-officer.expected.json")).expect("committed findings"),
    )
    .expect("json");
    assert_eq!(
        json!(summary(&again.findings)),
        want["findings"],
        "run with KHUYENCONG_BLESS=1"
    );
    assert_eq!(expected, want, "run with KHUYENCONG_BLESS=1");
}

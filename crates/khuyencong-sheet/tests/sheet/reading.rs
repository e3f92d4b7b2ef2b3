//! Reading tables as people build them: several documents in one workbook, rows that
//! belong nowhere, columns and sheets outside the template, unreadable cells, CSV files in
//! the encodings and separators Windows tools write, headings in English or as JSON keys,
//! headings under a title row, group headings written once over their columns.

use khuyencong::Severity;
use khuyencong::document::CheckOptions;
use khuyencong_sheet::{
    Book, Cell, Grid, SheetDocument, read_book, read_bytes_as_documents, read_csv,
};
use serde_json::json;

fn text(rows: &[&[&str]]) -> Vec<Vec<Cell>> {
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|t| {
                    if t.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text((*t).to_owned())
                    }
                })
                .collect()
        })
        .collect()
}

fn grid(name: &str, rows: &[&[&str]]) -> Grid {
    Grid::from_rows(Some(name.to_owned()), name, text(rows))
}

fn codes(doc: &SheetDocument) -> Vec<(&str, &str, Option<&str>)> {
    doc.findings
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str(), f.cell.as_deref()))
        .collect()
}

/// A plan with its schemes, by JSON keys (as an analyst's export writes headings).
fn plan_main(rows: &[&[&str]]) -> Grid {
    let mut all: Vec<&[&str]> = vec![&["STT", "id", "year", "fund_level", "province"]];
    all.extend_from_slice(rows);
    grid("Kế hoạch khuyến công", &all)
}

#[test]
fn one_workbook_holds_several_documents_linked_by_their_ids() {
    let book = Book::new(
        "plans.xlsx",
        vec![
            plan_main(&[
                &["1", "kh-a", "2024", "provincial", "An Giang"],
                &["2", "kh-b", "2024", "provincial", "Cà Mau"],
            ]),
            grid(
                "Các đề án",
                &[
                    &[
                        "STT",
                        "Mã văn bản",
                        "Mã đề án",
                        "Nội dung hoạt động",
                        "Kinh phí hỗ trợ",
                    ],
                    &["1", "kh-a", "a-1", "information", "40 triệu"],
                    &["1", "kh-b", "b-1", "information", "50 triệu"],
                    &["2", "kh-b", "b-2", "information", "60 triệu"],
                    &["3", "kh-c", "c-1", "information", "70 triệu"],
                    &["4", "", "x-1", "information", "80 triệu"],
                ],
            ),
        ],
    );
    let docs = read_book(&book, None);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id.as_deref(), Some("kh-a"));
    let a = docs[0].json.clone().expect("a");
    let b = docs[1].json.clone().expect("b");
    assert_eq!(
        a["schemes"],
        json!([{"scheme_id": "a-1", "activity": "information", "support": 40_000_000}])
    );
    assert_eq!(b["schemes"].as_array().map(Vec::len), Some(2));
    assert_eq!(b["year"], 2024);
    // A row naming no known document, and a row naming none while there are two: said, at
    // their cells (with the first document).
    assert!(
        codes(&docs[0]).contains(&("sheet.unknown_document", "", Some("'Các đề án'!B5"))),
        "{:?}",
        codes(&docs[0])
    );
    assert!(codes(&docs[0]).contains(&("sheet.unknown_document", "", Some("'Các đề án'!6:6"))));
    // Findings of the second document name the second document's cells.
    let checked = docs[1].check(&CheckOptions::default());
    for f in checked
        .findings
        .iter()
        .filter(|f| f.path.starts_with("/schemes/1"))
    {
        assert_eq!(
            f.cell
                .as_deref()
                .map(|c| c.starts_with("'Các đề án'!") && c.ends_with('4')),
            Some(true),
            "{f:?}"
        );
    }
    // The same id twice is an error.
    let twice = Book::new(
        "x.xlsx",
        vec![plan_main(&[
            &["1", "kh-a", "2024", "provincial"],
            &["2", "kh-a", "2025", "provincial"],
        ])],
    );
    let docs = read_book(&twice, None);
    assert!(codes(&docs[0]).contains(&(
        "sheet.duplicate_document",
        "",
        Some("'Kế hoạch khuyến công'!B3")
    )));
}

#[test]
fn parts_numbered_under_rows_that_do_not_exist_are_said_not_dropped() {
    let book = Book::new(
        "r.xlsx",
        vec![
            grid(
                "Báo cáo tình hình thực hiện",
                &[
                    &[
                        "id",
                        "reporting_unit.name",
                        "reporting_unit.province",
                        "period.from",
                        "period.to",
                    ],
                    &["bc", "UBND", "An Giang", "01/01/2024", "31/12/2024"],
                ],
            ),
            grid(
                "Nguồn kinh phí",
                &[
                    &["STT", "Nguồn kinh phí", "Số tiền (đồng)"],
                    &["1", "counterpart", "5 triệu"],
                    &["1.1", "counterpart", "2 triệu"],
                    &["3.1", "counterpart", "1 triệu"],
                    &["1", "sponsorship", "1 triệu"],
                ],
            ),
        ],
    );
    let docs = read_book(&book, Some("period_report"));
    let doc = &docs[0];
    let json = doc.json.clone().expect("json");
    assert_eq!(json["funding"]["lines"][0]["parts"][0]["amount"], 2_000_000);
    let c = codes(doc);
    assert!(
        c.contains(&("sheet.unknown_parent", "", Some("'Nguồn kinh phí'!A4"))),
        "{c:?}"
    );
    assert!(
        c.contains(&(
            "sheet.duplicate_row_number",
            "",
            Some("'Nguồn kinh phí'!A5")
        )),
        "{c:?}"
    );
}

#[test]
fn cells_that_cannot_be_read_are_errors_at_their_cells_and_left_out() {
    let rows = vec![
        text(&[&["id", "year", "fund_level", "title"]]).remove(0),
        vec![
            Cell::Text("kh".into()),
            Cell::Uncomputed,
            Cell::Text("tỉnh".into()),
            Cell::Error("#REF!".into()),
        ],
    ];
    let book = Book::new(
        "p.xlsx",
        vec![Grid::from_rows(
            Some("Kế hoạch khuyến công".into()),
            "Kế hoạch khuyến công",
            rows,
        )],
    );
    let doc = &read_book(&book, None)[0];
    let c = codes(doc);
    assert!(
        c.contains(&(
            "sheet.formula_not_computed",
            "/year",
            Some("'Kế hoạch khuyến công'!B2")
        )),
        "{c:?}"
    );
    assert!(
        c.contains(&(
            "sheet.unknown_code",
            "/fund_level",
            Some("'Kế hoạch khuyến công'!C2")
        )),
        "{c:?}"
    );
    assert!(
        c.contains(&(
            "sheet.cell_error",
            "/title",
            Some("'Kế hoạch khuyến công'!D2")
        )),
        "{c:?}"
    );
    assert_eq!(
        doc.json.clone().expect("json"),
        json!({"kind": "plan", "schema_version": 2, "id": "kh"})
    );
    // The core's "missing field" for the values left out is not said twice.
    let checked = doc.check(&CheckOptions::default());
    assert!(checked.has_errors());
    assert!(
        checked
            .findings
            .iter()
            .all(|f| f.code != "structure.missing_field"),
        "{:#?}",
        checked.findings
    );
}

#[test]
fn columns_and_sheets_outside_the_template_are_said_when_they_hold_data() {
    let book = Book::new(
        "p.xlsx",
        vec![
            plan_main(&[&["1", "kh", "2024", "provincial"]]),
            grid("Ghi chú", &[&["", "Ghi chú riêng của phòng"]]),
            grid("Sheet3", &[]),
        ],
    );
    let mut main = book.clone();
    main.grids[0].rows[0]
        .cells
        .push((9, Cell::Text("Người lập".into())));
    main.grids[0].rows[1]
        .cells
        .push((9, Cell::Text("Nguyễn Văn A".into())));
    main.grids[0].rows[0]
        .cells
        .push((10, Cell::Text("Trống".into())));
    let doc = &read_book(&main, None)[0];
    let c = codes(doc);
    assert!(
        c.contains(&(
            "sheet.column_not_read",
            "",
            Some("'Kế hoạch khuyến công'!J2")
        )),
        "{c:?}"
    );
    assert!(
        c.contains(&("sheet.sheet_not_read", "", Some("'Ghi chú'!B1"))),
        "{c:?}"
    );
    assert_eq!(
        c.iter()
            .filter(|(code, _, _)| code.ends_with("_not_read"))
            .count(),
        2,
        "{c:?}"
    );
    let f = doc
        .findings
        .iter()
        .find(|f| f.code == "sheet.column_not_read")
        .expect("column");
    assert!(f.message_vi().contains("`Người lập`"), "{}", f.message_vi());
}

#[test]
fn a_workbook_of_no_template_says_so() {
    let book = Book::new("x.xlsx", vec![grid("Sheet1", &[&["a", "b"], &["1", "2"]])]);
    let docs = read_book(&book, None);
    assert_eq!(docs.len(), 1);
    assert!(docs[0].json.is_none());
    assert_eq!(docs[0].findings[0].code, "sheet.unknown_kind");
    assert_eq!(
        docs[0].check(&CheckOptions::default()).findings[0].code,
        "sheet.unknown_kind"
    );
    let broken = read_bytes_as_documents(b"PK\x03\x04 not really a zip", "b.xlsx", None);
    assert_eq!(broken[0].findings[0].code, "sheet.unreadable");
    let big = vec![b'a'; khuyencong_sheet::MAX_FILE_BYTES + 1];
    assert_eq!(
        read_bytes_as_documents(&big, "big.csv", None)[0].findings[0].code,
        "sheet.too_large"
    );
}

#[test]
fn csv_as_excel_saves_it_in_a_vietnamese_locale_is_read() {
    // UTF-8 with a byte-order mark, `;` between fields, a title row above the headings,
    // amounts in Vietnamese notation, a quoted field with a line break, CRLF.
    let text = "\u{feff}KẾ HOẠCH KHUYẾN CÔNG NĂM 2024\r\n\
        STT;Mã định danh kế hoạch;Năm kế hoạch;Cấp kinh phí của kế hoạch;Tỉnh, thành phố (kế hoạch địa phương);Tiêu đề\r\n\
        1;kh-2024;2024;Kinh phí khuyến công địa phương cấp tỉnh;An Giang;\"Kế hoạch\r\nnăm 2024\"\r\n\
        ;;;;;\r\n";
    let docs = read_bytes_as_documents(text.as_bytes(), "ke-hoach.csv", None);
    let doc = &docs[0];
    assert_eq!(
        doc.json.clone().expect("json"),
        json!({"kind": "plan", "schema_version": 2, "id": "kh-2024", "year": 2024, "fund_level": "provincial", "province": "An Giang", "title": "Kế hoạch\r\nnăm 2024"})
    );
    assert!(codes(doc).contains(&("sheet.encoding", "", None)));
    // In UTF-16 (as "Unicode Text"), with tabs.
    let tabbed = text.trim_start_matches('\u{feff}').replace(';', "\t");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(tabbed.encode_utf16().flat_map(u16::to_le_bytes));
    let docs = read_bytes_as_documents(&utf16, "ke-hoach.csv", None);
    assert_eq!(docs[0].json, doc.json);
    // Cells are named as Excel shows the file: the sheet is the file's name.
    let checked = read_bytes_as_documents(
        "STT,id,year,fund_level\n1,kh,1999,national\n".as_bytes(),
        "ke-hoach.csv",
        None,
    )[0]
    .check(&CheckOptions::default());
    let before = checked
        .findings
        .iter()
        .find(|f| f.path == "/year")
        .expect("year finding");
    assert_eq!(before.cell.as_deref(), Some("'ke-hoach'!C2"));
    // Windows-1258 or TCVN3 bytes are not guessed at.
    let legacy = read_bytes_as_documents(b"STT,id\n1,k\xe8\n", "x.csv", None);
    assert_eq!(legacy[0].findings[0].code, "sheet.not_utf8");
}

#[test]
fn group_headings_written_once_tell_apart_columns_of_the_same_name() {
    // Two addresses with the same headings, told apart by the group heading above each, as
    // a CSV file writes merged headings: once, over the first column of the group.
    let rows = [
        vec!["Đối tượng thụ hưởng"],
        vec![
            "",
            "",
            "Địa chỉ trụ sở chính / Head office",
            "",
            "Địa điểm đầu tư, sản xuất (nếu khác trụ sở) / Production site",
            "",
        ],
        vec![
            "STT",
            "Tên đơn vị",
            "Tên tỉnh, thành phố",
            "Tên xã, phường, thị trấn, đặc khu",
            "Tên tỉnh, thành phố",
            "Tên xã, phường, thị trấn, đặc khu",
        ],
        vec![
            "1",
            "HTX A",
            "An Giang",
            "Mỹ Hòa Hưng",
            "Cần Thơ",
            "Phong Điền",
        ],
    ];
    let mut csv = String::from("Đề án khuyến công\nSTT,Mã đề án\n1,da-1\n\n");
    for r in rows {
        let line: Vec<String> = r
            .iter()
            .map(|f| {
                if f.contains(',') {
                    format!("\"{f}\"")
                } else {
                    (*f).to_owned()
                }
            })
            .collect();
        csv.push_str(&line.join(","));
        csv.push('\n');
    }
    let book = read_csv(csv.as_bytes(), "da.csv").expect("csv");
    let doc = &read_book(&book, None)[0];
    let json = doc.json.clone().expect("json");
    assert_eq!(
        json["beneficiaries"][0]["head_office"],
        json!({"province_name": "An Giang", "unit_name": "Mỹ Hòa Hưng"})
    );
    assert_eq!(
        json["beneficiaries"][0]["production_site"],
        json!({"province_name": "Cần Thơ", "unit_name": "Phong Điền"})
    );
    assert!(
        doc.findings.iter().all(|f| f.severity != Severity::Error),
        "{:?}",
        codes(doc)
    );
}

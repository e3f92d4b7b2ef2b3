//! No input makes the reader panic: random cells under the templates' headings, random
//! bytes as CSV and as workbooks, parts nested without end.

use khuyencong::document::CheckOptions;
use khuyencong_sheet::{
    Book, Cell, Format, TemplateOptions, read_book, read_bytes_as_documents, read_xlsx, template,
};

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const TEXTS: &[&str] = &[
    "",
    " ",
    "0",
    "-1",
    "1.400.000.000",
    "1,4 tỷ",
    "hơn 15,2 tỷ",
    "1,400 triệu",
    "1e9",
    "NaN",
    "Có",
    "x",
    "2.1",
    "1.1.1",
    "Ví dụ 1",
    "Tổng cộng",
    "01/06/2024",
    "31/02/2024",
    "45292",
    "national",
    "Tỉnh",
    "counterpart",
    "không",
    "60%",
    "0,6",
    "{\"a\":1}",
    "'",
    "\"",
    "=SUM(A1)",
    "kh-1",
    "Mã văn bản",
    "STT",
    "\u{0}",
    "\u{202e}",
    "ạ\u{301}",
    "9999999999999999999999",
];

fn random_cell(rng: &mut Rng) -> Cell {
    match rng.below(8) {
        0 => Cell::Empty,
        1 => Cell::Number(f64::from_bits(rng.next())),
        2 => Cell::Int(i64::from_ne_bytes(rng.next().to_ne_bytes())),
        3 => Cell::Bool(rng.below(2) == 0),
        4 => Cell::Error("#REF!".into()),
        5 => Cell::Uncomputed,
        _ => Cell::Text(
            TEXTS[usize::try_from(rng.below(TEXTS.len() as u64)).unwrap_or(0)].to_owned(),
        ),
    }
}

#[test]
fn random_cells_under_the_headings_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let options = CheckOptions::default();
    for kind in ["scheme", "plan", "period_report"] {
        let bytes = template(
            kind,
            Format::Xlsx,
            &TemplateOptions::default().without_example(),
        )
        .expect("template");
        let base = read_xlsx(&bytes, "t.xlsx").expect("read");
        for _ in 0..40 {
            let mut book: Book = base.clone();
            for grid in &mut book.grids {
                let start = grid.rows.last().map_or(0, |r| r.index + 1);
                let width = grid.rows.iter().map(|r| r.cells.len()).max().unwrap_or(3) as u64 + 2;
                for r in 0..rng.below(6) {
                    let mut cells = Vec::new();
                    for c in 0..width {
                        if rng.below(3) != 0 {
                            cells.push((u32::try_from(c).unwrap_or(0), random_cell(&mut rng)));
                        }
                    }
                    grid.rows.push(khuyencong_sheet::GridRow {
                        index: start + u32::try_from(r).unwrap_or(0),
                        cells,
                    });
                }
            }
            for doc in read_book(&book, None) {
                let checked = doc.check(&options);
                for f in &checked.findings {
                    assert!(!f.code.is_empty());
                }
            }
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(42);
    let xlsx = template("plan", Format::Xlsx, &TemplateOptions::default()).expect("template");
    for _ in 0..200 {
        let len = usize::try_from(rng.below(300)).unwrap_or(0);
        let bytes: Vec<u8> = (0..len)
            .map(|_| u8::try_from(rng.below(256)).unwrap_or(0))
            .collect();
        let _ = read_bytes_as_documents(&bytes, "r.csv", None);
        // A workbook with some bytes changed.
        let mut broken = xlsx.clone();
        for _ in 0..4 {
            let at = usize::try_from(rng.below(broken.len() as u64)).unwrap_or(0);
            broken[at] = u8::try_from(rng.below(256)).unwrap_or(0);
        }
        let _ = read_bytes_as_documents(&broken, "r.xlsx", None);
    }
}

#[test]
fn parts_nested_without_end_are_refused_not_followed() {
    let mut csv =
        String::from("Báo cáo tình hình thực hiện\nid\nbc\n\nNguồn kinh phí\nSTT,source,amount\n");
    let mut number = String::from("1");
    for _ in 0..200 {
        csv.push_str(&format!("{number},counterpart,1 đồng\n"));
        number.push_str(".1");
    }
    let docs = read_bytes_as_documents(csv.as_bytes(), "deep.csv", None);
    let doc = &docs[0];
    assert!(doc.findings.iter().any(|f| f.code == "sheet.too_deep"));
    let _ = doc.check(&CheckOptions::default());
}

/// A workbook whose first sheet's XML is replaced by `xml`.
fn with_sheet_xml(xlsx: &[u8], xml: &str) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("entry");
        let name = file.name().expect("name").into_owned();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("read");
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .expect("start");
        if name == "xl/worksheets/sheet1.xml" {
            out.write_all(xml.as_bytes()).expect("write");
        } else {
            out.write_all(&data).expect("write");
        }
    }
    out.finish().expect("finish").into_inner()
}

#[test]
fn a_cell_reference_beyond_any_sheet_is_an_unreadable_workbook_not_a_crash() {
    let xlsx = template("plan", Format::Xlsx, &TemplateOptions::default()).expect("template");
    let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="AAAAAAAAAAAAAAAAAAAA1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#;
    let broken = with_sheet_xml(&xlsx, xml);
    let docs = read_bytes_as_documents(&broken, "broken.xlsx", None);
    assert_eq!(docs.len(), 1);
    // Unreadable (when the reader notices the reference) or read without that cell.
    assert!(docs[0].json.is_none() || docs[0].findings.iter().all(|f| f.code != "sheet.too_large"));
    // A cell at the last row and column costs nothing: the sheet is read cell by cell.
    let far = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#;
    let docs = read_bytes_as_documents(&with_sheet_xml(&xlsx, far), "far.xlsx", None);
    assert_eq!(docs.len(), 1);
}

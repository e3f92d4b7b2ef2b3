//! Reading files into grids: Excel workbooks (`.xlsx`, with `calamine`, streaming each
//! sheet cell by cell within fixed bounds) and CSV files (UTF-8 with or without a byte-order
//! mark, or UTF-16; `,`, `;` or tab between fields; several tables one under another, each
//! under a title row naming its sheet).

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};
use chrono::NaiveDate;
use khuyencong::Finding;

use crate::findings::Problem;
use crate::grid::{Cell, Grid, GridRow, Merge};
use crate::layout::{CODELISTS_SHEET, INSTRUCTIONS_SHEET};
use crate::read::Book;
use crate::text::fold;

/// The largest file read: 32 MiB (a workbook of the largest document is far smaller).
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;
/// The most non-empty cells read from one file.
pub const MAX_CELLS: usize = 2_000_000;
/// The most cells (empty ones included) a sheet's XML may list before reading stops.
const MAX_CELL_RECORDS: usize = 8_000_000;

impl Problem {
    pub(crate) fn unreadable(detail: &str) -> Self {
        Self {
            code: "sheet.unreadable",
            vi: format!("không đọc được tệp như một bảng tính: {detail}"),
            en: format!("the file cannot be read as a workbook: {detail}"),
            params: Vec::new(),
        }
    }

    pub(crate) fn too_large(what_vi: &str, what_en: &str) -> Self {
        Self {
            code: "sheet.too_large",
            vi: format!("bảng tính quá lớn: {what_vi}; hãy tách dữ liệu thành nhiều tệp"),
            en: format!("the workbook is too large: {what_en}; split the data into several files"),
            params: Vec::new(),
        }
    }
}

/// The format of a spreadsheet file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// An Excel workbook (Office Open XML).
    Xlsx,
    /// Comma-separated values.
    Csv,
}

impl Format {
    /// The format a file name says (`.xlsx`, `.xlsm`, `.csv`, `.tsv`), ignoring case.
    pub fn of_name(name: &str) -> Option<Self> {
        let ext = std::path::Path::new(name)
            .extension()?
            .to_string_lossy()
            .to_lowercase();
        match ext.as_str() {
            "xlsx" | "xlsm" => Some(Self::Xlsx),
            "csv" | "tsv" => Some(Self::Csv),
            _ => None,
        }
    }

    /// The format of `bytes`: a ZIP archive is a workbook, anything else is read as CSV.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        if bytes.starts_with(b"PK\x03\x04") {
            Self::Xlsx
        } else {
            Self::Csv
        }
    }
}

/// Reads a file's bytes into grids, in the format its content shows.
///
/// # Errors
/// A `sheet.*` finding: the file is too large, is not a workbook or CSV file the reader
/// can read, or is not text in UTF-8 or UTF-16.
pub fn read_bytes(bytes: &[u8], source: &str) -> Result<Book, Finding> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Problem::too_large(
            &format!("tệp lớn hơn {} MiB", MAX_FILE_BYTES >> 20),
            &format!("the file is larger than {} MiB", MAX_FILE_BYTES >> 20),
        )
        .finding("", None));
    }
    match Format::of_bytes(bytes) {
        Format::Xlsx => read_xlsx(bytes, source),
        Format::Csv => read_csv(bytes, source),
    }
}

fn date_of(dt: &calamine::ExcelDateTime) -> Option<Cell> {
    if !dt.is_datetime() {
        return None;
    }
    let (year, month, day, hour, minute, second, milli) = dt.to_ymd_hms_milli();
    let date = NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))?;
    Some(Cell::Date(
        date,
        hour != 0 || minute != 0 || second != 0 || milli != 0,
    ))
}

fn cell_of(value: &DataRef<'_>, has_formula: bool) -> Cell {
    match value {
        DataRef::Empty => {
            if has_formula {
                Cell::Uncomputed
            } else {
                Cell::Empty
            }
        }
        DataRef::Int(i) => Cell::Int(*i),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date_of(dt).unwrap_or(Cell::Number(dt.as_f64())),
        DataRef::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| khuyencong::input::parse_date(d).ok())
            .map_or_else(
                || Cell::Text(s.clone()),
                |d| {
                    Cell::Date(
                        d,
                        s.len() > 10
                            && !s[10..]
                                .trim_start_matches('T')
                                .trim_start_matches(['0', ':', '.'])
                                .is_empty(),
                    )
                },
            ),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

/// Reads an Excel workbook: every sheet, cell by cell, with merged ranges; formulas are
/// read as their cached results.
///
/// # Errors
/// `sheet.unreadable` or `sheet.too_large`.
pub fn read_xlsx(bytes: &[u8], source: &str) -> Result<Book, Finding> {
    // The workbook reader may panic on some malformed files (an arithmetic overflow on an
    // absurd cell reference, in builds that check overflows): such a file is unreadable,
    // never a crash of the program that reads it.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_xlsx_checked(bytes, source)
    }))
    .unwrap_or_else(|_| {
        Err(Problem::unreadable("the workbook is malformed / bảng tính bị hỏng").finding("", None))
    })
}

fn read_xlsx_checked(bytes: &[u8], source: &str) -> Result<Book, Finding> {
    let unreadable =
        |e: &dyn std::fmt::Display| Problem::unreadable(&e.to_string()).finding("", None);
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut grids = Vec::new();
    let mut cells = 0usize;
    for name in workbook.sheet_names() {
        let mut rows: Vec<GridRow> = Vec::new();
        // The instructions and the code lists are the template's, never data: not read.
        if crate::read::is_reserved(&name) {
            grids.push(Grid {
                name: Some(name.clone()),
                display: name,
                rows,
                merges: Vec::new(),
            });
            continue;
        }
        {
            let mut reader = workbook
                .worksheet_cells_reader(&name)
                .map_err(|e| unreadable(&e))?;
            let mut records = 0usize;
            while let Some(record) = reader
                .next_cell_with_formula_metadata()
                .map_err(|e| unreadable(&e))?
            {
                records += 1;
                if records > MAX_CELL_RECORDS {
                    return Err(Problem::too_large(
                        &format!("trang tính `{name}` có hơn {MAX_CELL_RECORDS} ô"),
                        &format!("the sheet `{name}` lists more than {MAX_CELL_RECORDS} cells"),
                    )
                    .finding("", None));
                }
                let cell = cell_of(&record.value, record.formula.is_some());
                if cell == Cell::Empty {
                    continue;
                }
                cells += 1;
                if cells > MAX_CELLS {
                    return Err(Problem::too_large(
                        &format!("hơn {MAX_CELLS} ô có dữ liệu"),
                        &format!("more than {MAX_CELLS} cells with data"),
                    )
                    .finding("", None));
                }
                let (r, c) = record.pos;
                match rows.last_mut() {
                    Some(last) if last.index == r => last.cells.push((c, cell)),
                    _ => rows.push(GridRow {
                        index: r,
                        cells: vec![(c, cell)],
                    }),
                }
            }
        }
        // Files list rows and cells in order; sort in case one does not.
        rows.sort_by_key(|r| r.index);
        let mut merged: Vec<GridRow> = Vec::with_capacity(rows.len());
        for mut row in rows {
            row.cells.sort_by_key(|(c, _)| *c);
            row.cells.dedup_by_key(|(c, _)| *c);
            match merged.last_mut() {
                Some(last) if last.index == row.index => last.cells.extend(row.cells),
                _ => merged.push(row),
            }
        }
        let merges = workbook
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .into_iter()
            .map(|d| Merge {
                first_row: d.start.0,
                first_col: d.start.1,
                last_row: d.end.0,
                last_col: d.end.1,
            })
            .collect();
        grids.push(Grid {
            name: Some(name.clone()),
            display: name,
            rows: merged,
            merges,
        });
    }
    Ok(Book::new(source, grids))
}

/// The text of a CSV file: UTF-8 (a byte-order mark is removed, with a note) or UTF-16
/// (with or without its byte-order mark, with a note).
fn decode(bytes: &[u8]) -> Result<(String, Option<Finding>), Finding> {
    let note = |vi: &str, en: &str| {
        Problem {
            code: "sheet.encoding",
            vi: vi.to_owned(),
            en: en.to_owned(),
            params: Vec::new(),
        }
        .finding("", None)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest)
            .map(|s| {
                (
                    s.to_owned(),
                    Some(note(
                        "tệp CSV bắt đầu bằng dấu BOM UTF-8 (Excel lưu như vậy); dấu này được bỏ qua",
                        "the CSV file starts with a UTF-8 byte-order mark (as Excel saves it); it is ignored",
                    )),
                )
            })
            .map_err(|e| not_utf8(e.valid_up_to() + 3));
    }
    let utf16 = |le: bool, body: &[u8]| -> Result<String, Finding> {
        if !body.len().is_multiple_of(2) {
            return Err(not_utf8(body.len()));
        }
        let units = body.chunks_exact(2).map(|p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| not_utf8(0))
    };
    let utf16_note = || {
        note(
            "tệp CSV mã hóa UTF-16 (như Excel lưu dạng Unicode Text); đã đọc đúng",
            "the CSV file is UTF-16 (as Excel saves Unicode Text); it was read as such",
        )
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(true, rest).map(|s| (s, Some(utf16_note())));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(false, rest).map(|s| (s, Some(utf16_note())));
    }
    // UTF-16 without a byte-order mark: ASCII text has a zero in every other byte.
    let head = &bytes[..bytes.len().min(400)];
    if head.len() >= 4 && head.len().is_multiple_of(2) {
        let zeros = |offset: usize| {
            head.iter()
                .skip(offset)
                .step_by(2)
                .filter(|b| **b == 0)
                .count()
        };
        let half = head.len() / 2;
        if zeros(1) * 10 >= half * 6 && zeros(0) == 0 {
            return utf16(true, bytes).map(|s| (s, Some(utf16_note())));
        }
        if zeros(0) * 10 >= half * 6 && zeros(1) == 0 {
            return utf16(false, bytes).map(|s| (s, Some(utf16_note())));
        }
    }
    std::str::from_utf8(bytes)
        .map(|s| (s.to_owned(), None))
        .map_err(|e| not_utf8(e.valid_up_to()))
}

fn not_utf8(at: usize) -> Finding {
    Problem {
        code: "sheet.not_utf8",
        vi: format!("tệp CSV không phải UTF-8 hay UTF-16 (byte thứ {at}); có thể là TCVN3, VNI hoặc Windows-1258: trong Excel chọn Lưu thành › CSV UTF-8"),
        en: format!("the CSV file is neither UTF-8 nor UTF-16 (at byte {at}); it may be TCVN3, VNI or Windows-1258: in Excel choose Save As › CSV UTF-8"),
        params: vec![("byte", at.into())],
    }
    .finding("", None)
}

/// The separator of a CSV text: what a `sep=` first line says, otherwise the one of `,`,
/// `;` and tab found most on one of the first lines, outside quotes (Excel in a Vietnamese
/// locale writes `;`; a title row above the table may have none).
fn delimiter(text: &str) -> (u8, bool) {
    let first = text.lines().next().unwrap_or_default();
    if let Some(sep) = first.trim().strip_prefix("sep=")
        && let [b] = sep.as_bytes()
    {
        return (*b, true);
    }
    let mut best = [0usize; 3];
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(20) {
        let mut counts = [0usize; 3];
        let mut quoted = false;
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => counts[0] += 1,
                ';' if !quoted => counts[1] += 1,
                '\t' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
        for (b, c) in best.iter_mut().zip(counts) {
            *b = (*b).max(c);
        }
    }
    let sep = if best[1] > best[0] && best[1] >= best[2] {
        b';'
    } else if best[2] > best[0] && best[2] > best[1] {
        b'\t'
    } else {
        b','
    };
    (sep, false)
}

/// Every sheet name of every template, folded: the titles that open a CSV section.
fn section_titles() -> Vec<String> {
    let mut out = vec![fold(INSTRUCTIONS_SHEET), fold(CODELISTS_SHEET)];
    for layout in crate::layout::layouts() {
        for s in &layout.sheets {
            out.push(fold(&s.name));
            out.push(fold(&s.name_en));
            if !s.key.is_empty() {
                out.push(fold(&s.key));
            }
        }
    }
    out
}

/// Reads a CSV file: one table, or several one under another, each under a title row
/// whose only cell names its sheet (as `khuyencong template --format csv` writes them).
///
/// # Errors
/// `sheet.not_utf8`, `sheet.unreadable` or `sheet.too_large`.
pub fn read_csv(bytes: &[u8], source: &str) -> Result<Book, Finding> {
    let (text, note) = decode(bytes)?;
    let (delim, sep_line) = delimiter(&text);
    let body = if sep_line {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        text.as_str()
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(body.as_bytes());
    let display = std::path::Path::new(source)
        .file_stem()
        .map_or_else(|| source.to_owned(), |s| s.to_string_lossy().into_owned());
    let mut rows: Vec<GridRow> = Vec::new();
    let mut cells = 0usize;
    let offset = u32::from(sep_line);
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Problem::unreadable(&e.to_string()).finding("", None))?;
        let index = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(offset);
        let row_cells: Vec<(u32, Cell)> = record
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.trim().is_empty())
            .map(|(c, f)| {
                (
                    u32::try_from(c).unwrap_or(u32::MAX),
                    Cell::Text(f.to_owned()),
                )
            })
            .collect();
        cells += row_cells.len();
        if cells > MAX_CELLS {
            return Err(Problem::too_large(
                &format!("hơn {MAX_CELLS} ô có dữ liệu"),
                &format!("more than {MAX_CELLS} cells with data"),
            )
            .finding("", None));
        }
        if !row_cells.is_empty() {
            rows.push(GridRow {
                index,
                cells: row_cells,
            });
        }
    }
    let grids = split_sections(
        Grid {
            name: None,
            display,
            rows,
            merges: Vec::new(),
        },
        &section_titles(),
    );
    let mut book = Book::new(source, grids);
    book.notes.extend(note);
    Ok(book)
}

/// Splits a table holding several sheets one under another (as CSV files do) at its title
/// rows: rows whose only cell, in the first column, is one of `titles` (folded).
pub(crate) fn split_sections(grid: Grid, titles: &[String]) -> Vec<Grid> {
    let mut grids: Vec<Grid> = vec![Grid {
        name: grid.name.clone(),
        display: grid.display.clone(),
        rows: Vec::new(),
        merges: Vec::new(),
    }];
    for row in grid.rows {
        if let [(0, Cell::Text(title))] = &row.cells[..]
            && titles.contains(&fold(title))
        {
            grids.push(Grid {
                name: Some(title.trim().to_owned()),
                display: grid.display.clone(),
                rows: Vec::new(),
                merges: Vec::new(),
            });
            continue;
        }
        if let Some(g) = grids.last_mut() {
            g.rows.push(row);
        }
    }
    grids.retain(|g| !g.rows.is_empty() || g.name.is_some());
    grids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_utf16_and_with_a_bom_is_read() {
        let text = "STT,Tên\n1,Hợp tác xã\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let (read, note) = decode(&le).unwrap_or_default_for_test();
        assert_eq!(read, text);
        assert_eq!(note.map(|n| n.code), Some("sheet.encoding".to_owned()));
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be).unwrap_or_default_for_test().0, text);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom).unwrap_or_default_for_test().0, text);
        let latin = b"T\xean,1\n";
        assert_eq!(
            decode(latin).err().map(|f| f.code),
            Some("sheet.not_utf8".to_owned())
        );
    }

    trait ForTest {
        fn unwrap_or_default_for_test(self) -> (String, Option<Finding>);
    }
    impl ForTest for Result<(String, Option<Finding>), Finding> {
        fn unwrap_or_default_for_test(self) -> (String, Option<Finding>) {
            self.unwrap_or_else(|f| panic!("{}", f.message_en()))
        }
    }

    #[test]
    fn separators_are_found() {
        assert_eq!(delimiter("a;b;c\n1;2;3"), (b';', false));
        assert_eq!(delimiter("a,b\n"), (b',', false));
        assert_eq!(delimiter("\"x;y\",b\n"), (b',', false));
        assert_eq!(delimiter("a\tb\tc"), (b'\t', false));
        assert_eq!(delimiter("sep=;\na,b"), (b';', true));
    }
}

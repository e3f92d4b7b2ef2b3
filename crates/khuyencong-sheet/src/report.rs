//! Workbooks an officer opens: the findings of a check (with, for documents read from
//! spreadsheets, a copy of their sheets in which every cell with a finding is coloured and
//! carries the messages as a note) and totals.

use std::collections::BTreeMap;

use khuyencong::law::Lang;
use khuyencong::{Finding, Severity};
use serde_json::Value;

use crate::SheetError;
use crate::grid::{Cell, column_letters, quote_sheet};
use crate::out::{self, OutBook, OutCell, OutSheet, Style};
use crate::read::Book;

/// One checked input, for [`check_report`].
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct CheckedInput<'a> {
    /// The file it came from.
    pub file: &'a str,
    /// The line of a JSON Lines file, if any.
    pub line: Option<u64>,
    /// The document's kind, if known.
    pub kind: Option<&'a str>,
    /// The document's id, if known.
    pub id: Option<&'a str>,
    /// The findings.
    pub findings: &'a [Finding],
    /// The sheets it was read from, to annotate (for spreadsheet inputs).
    pub book: Option<&'a Book>,
}

impl<'a> CheckedInput<'a> {
    /// An input with its findings.
    pub const fn new(file: &'a str, findings: &'a [Finding]) -> Self {
        Self {
            file,
            line: None,
            kind: None,
            id: None,
            findings,
            book: None,
        }
    }

    /// With the line of a JSON Lines file.
    #[must_use]
    pub const fn line(mut self, line: Option<u64>) -> Self {
        self.line = line;
        self
    }

    /// With the document's kind and id.
    #[must_use]
    pub const fn document(mut self, kind: Option<&'a str>, id: Option<&'a str>) -> Self {
        self.kind = kind;
        self.id = id;
        self
    }

    /// With the sheets the document was read from (their copy is annotated).
    #[must_use]
    pub const fn book(mut self, book: Option<&'a Book>) -> Self {
        self.book = book;
        self
    }
}

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => Style::Error,
        Severity::Warning => Style::Warning,
        Severity::Info => Style::Info,
    }
}

/// How to fix a finding: rendered from its parameters for a declared kind, else its code's
/// documented fix (the core's codes, then the spreadsheet reader's).
fn fix(f: &Finding) -> (String, String) {
    if let (Some(vi), Some(en)) = (f.fix(Lang::Vi), f.fix(Lang::En)) {
        return (vi, en);
    }
    if let Some(d) = khuyencong::registry::explain(&f.code) {
        return (d.fix_vi.to_owned(), d.fix_en.to_owned());
    }
    crate::findings::explain(&f.code).map_or_else(
        || (String::new(), String::new()),
        |d| (d.fix_vi.to_owned(), d.fix_en.to_owned()),
    )
}

/// A sheet name not yet taken (Excel compares names without case), at most 31 characters.
fn unique_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let base: String = wanted.chars().take(31).collect();
    let mut name = base.clone();
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        let suffix = format!(" ({n})");
        name = format!(
            "{}{suffix}",
            base.chars()
                .take(31 - suffix.chars().count())
                .collect::<String>()
        );
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// Splits `'Sheet name'!C12` into the sheet and the cell.
fn split_ref(a1: &str) -> Option<(String, &str)> {
    let (sheet, cell) = a1.rsplit_once('!')?;
    let sheet = sheet
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .map_or_else(|| sheet.to_owned(), |s| s.replace("''", "'"));
    Some((sheet, cell))
}

/// Row and column (from 0) of `C12`; the column is `None` for a row reference `12:12`.
fn parse_local(cell: &str) -> Option<(u32, Option<u32>)> {
    if let Some((a, _)) = cell.split_once(':') {
        return a.parse::<u32>().ok()?.checked_sub(1).map(|r| (r, None));
    }
    let letters: String = cell.chars().take_while(char::is_ascii_uppercase).collect();
    let digits = &cell[letters.len()..];
    let row = digits.parse::<u32>().ok()?.checked_sub(1)?;
    let mut col = 0u32;
    for b in letters.bytes() {
        col = col.checked_mul(26)?.checked_add(u32::from(b - b'A') + 1)?;
    }
    Some((row, Some(col.checked_sub(1)?)))
}

fn cell_value(cell: &Cell) -> out::Value {
    match cell {
        Cell::Empty | Cell::Uncomputed => out::Value::Blank,
        Cell::Text(t) => out::Value::Text(t.clone()),
        Cell::Number(n) => out::Value::Number(*n),
        #[allow(clippy::cast_precision_loss)] // Excel holds numbers as floats anyway
        Cell::Int(i) => out::Value::Number(*i as f64),
        Cell::Bool(b) => out::Value::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        Cell::Date(d, _) => out::Value::Date(*d),
        Cell::Error(e) => out::Value::Text(e.clone()),
    }
}

/// A copy of an input's sheets with its findings on their cells.
fn annotated(
    book: &Book,
    findings: &[&Finding],
    names: &BTreeMap<String, String>,
) -> Vec<OutSheet> {
    let mut out = Vec::new();
    for grid in &book.grids {
        // Sheets that were not read (the instructions, the code lists) are not copied.
        let Some(name) = names.get(&grid.display).filter(|_| !grid.rows.is_empty()) else {
            continue;
        };
        let mut sheet = OutSheet {
            name: name.clone(),
            ..OutSheet::default()
        };
        let mut width: BTreeMap<u32, usize> = BTreeMap::new();
        for row in &grid.rows {
            let r = row.index as usize;
            if sheet.rows.len() <= r {
                sheet.rows.resize(r + 1, Vec::new());
            }
            for (c, cell) in &row.cells {
                let c_us = *c as usize;
                let cells = &mut sheet.rows[r];
                if cells.len() <= c_us {
                    cells.resize(
                        c_us + 1,
                        OutCell {
                            value: out::Value::Blank,
                            style: Style::Plain,
                        },
                    );
                }
                let style = match cell {
                    Cell::Date(..) => Style::Date,
                    _ => Style::Plain,
                };
                cells[c_us] = OutCell {
                    value: cell_value(cell),
                    style,
                };
                let w = width.entry(*c).or_default();
                *w = (*w).max(cell.text().chars().count().min(40));
            }
        }
        for m in &grid.merges {
            let text = grid
                .rows
                .iter()
                .find(|r| r.index == m.first_row)
                .map(|r| r.get(m.first_col).text())
                .unwrap_or_default();
            sheet.merges.push((
                m.first_row,
                m.first_col,
                m.last_row,
                m.last_col,
                text,
                Style::Group,
            ));
        }
        // Findings on their cells: the most serious colours the cell, all go in the note.
        let mut by_cell: BTreeMap<(u32, u32), Vec<&Finding>> = BTreeMap::new();
        for f in findings {
            let Some((sheet_name, local)) = f.cell.as_deref().and_then(split_ref) else {
                continue;
            };
            if sheet_name != grid.display {
                continue;
            }
            if let Some((r, c)) = parse_local(local) {
                by_cell.entry((r, c.unwrap_or(0))).or_default().push(f);
            }
        }
        for ((r, c), list) in by_cell {
            let worst = list
                .iter()
                .map(|f| f.severity)
                .min()
                .unwrap_or(Severity::Info);
            let (r_us, c_us) = (r as usize, c as usize);
            if sheet.rows.len() <= r_us {
                sheet.rows.resize(r_us + 1, Vec::new());
            }
            let cells = &mut sheet.rows[r_us];
            if cells.len() <= c_us {
                cells.resize(
                    c_us + 1,
                    OutCell {
                        value: out::Value::Blank,
                        style: Style::Plain,
                    },
                );
            }
            cells[c_us].style = severity_style(worst);
            let note = list
                .iter()
                .map(|f| {
                    format!(
                        "[{}] {}\n{}\n({})",
                        f.severity.label(Lang::Vi),
                        f.message_vi(),
                        f.message_en(),
                        f.code
                    )
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            sheet.notes.push((r, c, note));
        }
        sheet.widths = width
            .into_iter()
            .map(|(c, w)| {
                (
                    c,
                    (f64::from(u32::try_from(w).unwrap_or(40)) * 1.1).clamp(8.0, 44.0),
                )
            })
            .collect();
        out.push(sheet);
    }
    out
}

/// A workbook of check results: a sheet listing every finding (severity, code, cell, JSON
/// Pointer, messages, basis, how to fix), then, for inputs read from spreadsheets, a copy of
/// their sheets with each finding on its cell.
///
/// # Errors
/// [`SheetError::Write`] if the workbook writer fails.
pub fn check_report(inputs: &[CheckedInput<'_>]) -> Result<Vec<u8>, SheetError> {
    let mut results = OutSheet {
        name: "Kết quả kiểm tra".to_owned(),
        ..OutSheet::default()
    };
    let mut taken = vec![results.name.clone()];
    let (mut errors, mut warnings, mut info, mut with_errors) = (0usize, 0usize, 0usize, 0usize);
    for i in inputs {
        let e = i
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        errors += e;
        with_errors += usize::from(e > 0);
        warnings += i
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
        info += i
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Info)
            .count();
    }
    results.rows.push(vec![OutCell::text(
        "Kết quả kiểm tra / Check results — khuyencong",
        Style::Title,
    )]);
    results.rows.push(vec![OutCell::text(
        format!(
            "{} văn bản, {with_errors} có lỗi; {errors} lỗi, {warnings} cảnh báo, {info} thông tin / {} documents, {with_errors} with errors; {errors} errors, {warnings} warnings, {info} info",
            inputs.len(),
            inputs.len()
        ),
        Style::Plain,
    )]);
    results.rows.push(Vec::new());
    let head = [
        "STT / No.",
        "Tệp / File",
        "Văn bản / Document",
        "Loại / Kind",
        "Mức độ / Severity",
        "Mã / Code",
        "Ô / Cell",
        "Vị trí / Path",
        "Nội dung",
        "Message",
        "Căn cứ / Basis",
        "Cách sửa",
        "How to fix",
    ];
    results.rows.push(
        head.iter()
            .map(|h| OutCell::text(*h, Style::Header))
            .collect(),
    );
    results.freeze = Some((4, 0));
    let mut annotated_sheets = Vec::new();
    let mut n = 0usize;
    for input in inputs {
        // The copy's sheet names, for the links.
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        if let Some(book) = input.book {
            for g in book.grids.iter().filter(|g| !g.rows.is_empty()) {
                names.insert(g.display.clone(), unique_name(&g.display, &mut taken));
            }
            let list: Vec<&Finding> = input.findings.iter().collect();
            annotated_sheets.extend(annotated(book, &list, &names));
        }
        let place = match input.line {
            Some(l) => format!("{}:{l}", input.file),
            None => input.file.to_owned(),
        };
        if input.findings.is_empty() {
            n += 1;
            results.rows.push(vec![
                OutCell::text(n.to_string(), Style::Plain),
                OutCell::text(place.clone(), Style::Plain),
                OutCell::text(input.id.unwrap_or("?"), Style::Plain),
                OutCell::text(input.kind.unwrap_or("?"), Style::Plain),
                OutCell::text("✓", Style::Plain),
                OutCell::text("", Style::Plain),
                OutCell::text("", Style::Plain),
                OutCell::text("", Style::Plain),
                OutCell::text("không có vấn đề", Style::Plain),
                OutCell::text("no findings", Style::Plain),
            ]);
        }
        for f in input.findings {
            n += 1;
            let cell = match f
                .cell
                .as_deref()
                .and_then(|c| split_ref(c).map(|(s, l)| (s, l.to_owned())))
            {
                Some((sheet, local)) => match names.get(&sheet) {
                    Some(copy) => OutCell {
                        value: out::Value::Link(
                            format!(
                                "{}!{}",
                                quote_sheet(copy),
                                local.split(':').next().map_or_else(String::new, |r| {
                                    if r.chars().all(|c| c.is_ascii_digit()) {
                                        format!("A{r}")
                                    } else {
                                        r.to_owned()
                                    }
                                })
                            ),
                            f.cell.clone().unwrap_or_default(),
                        ),
                        style: Style::Top,
                    },
                    None => OutCell::text(f.cell.clone().unwrap_or_default(), Style::Top),
                },
                None => OutCell::text("", Style::Top),
            };
            let (fix_vi, fix_en) = fix(f);
            results.rows.push(vec![
                OutCell::text(n.to_string(), Style::Top),
                OutCell::text(place.clone(), Style::Top),
                OutCell::text(input.id.unwrap_or("?"), Style::Top),
                OutCell::text(input.kind.unwrap_or("?"), Style::Top),
                OutCell::text(f.severity.label(Lang::Vi), severity_style(f.severity)),
                OutCell::text(f.code.clone(), Style::Top),
                cell,
                OutCell::text(if f.path.is_empty() { "/" } else { &f.path }, Style::Top),
                OutCell::text(f.message_vi().into_owned(), Style::Note),
                OutCell::text(f.message_en().into_owned(), Style::Note),
                OutCell::text(
                    f.citation
                        .as_ref()
                        .map(|c| c.render(Lang::Vi))
                        .unwrap_or_default(),
                    Style::Note,
                ),
                OutCell::text(fix_vi, Style::Note),
                OutCell::text(fix_en, Style::Note),
            ]);
        }
    }
    results.widths = vec![
        (0, 6.0),
        (1, 32.0),
        (2, 24.0),
        (3, 13.0),
        (4, 11.0),
        (5, 30.0),
        (6, 22.0),
        (7, 24.0),
        (8, 60.0),
        (9, 60.0),
        (10, 30.0),
        (11, 36.0),
        (12, 36.0),
    ];
    results.fit_rows();
    let mut sheets = vec![results];
    sheets.extend(annotated_sheets);
    out::to_xlsx(&OutBook { sheets, active: 0 })
}

/// Vietnamese and English headings of the totals' figures.
const FIGURE_LABELS: &[(&str, &str, &str)] = &[
    ("documents", "Số văn bản", "Documents"),
    ("funding_vnd", "Kinh phí huy động (đồng)", "Funding (đồng)"),
    ("support_vnd", "Kinh phí hỗ trợ (đồng)", "Support (đồng)"),
    (
        "total_investment_vnd",
        "Tổng vốn đầu tư (đồng)",
        "Total investment (đồng)",
    ),
    (
        "counterpart_vnd",
        "Vốn đối ứng (đồng)",
        "Counterpart (đồng)",
    ),
    ("establishments", "Số cơ sở", "Establishments"),
    ("exactness", "Mức độ chính xác", "Exactness"),
    (
        "support_share",
        "Tỷ lệ hỗ trợ / vốn đầu tư",
        "Support share",
    ),
    (
        "counterpart_per_support",
        "Vốn đối ứng / hỗ trợ",
        "Counterpart per support",
    ),
    (
        "avg_support_per_establishment_vnd",
        "Hỗ trợ bình quân mỗi cơ sở (đồng)",
        "Average support per establishment (đồng)",
    ),
    ("province", "Tỉnh, thành phố", "Province"),
    ("period", "Kỳ", "Period"),
    ("year", "Năm", "Year"),
    ("fund_level", "Cấp kinh phí", "Fund level"),
    ("source", "Nguồn kinh phí", "Source"),
    ("activity", "Nội dung", "Activity"),
    ("kind", "Loại văn bản", "Kind"),
];

fn figure_label(key: &str) -> (String, String) {
    FIGURE_LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or_else(
            || (key.to_owned(), key.to_owned()),
            |(_, vi, en)| ((*vi).to_owned(), (*en).to_owned()),
        )
}

/// A workbook of totals: one row per group, the grouping keys first (in the order of
/// `by`), then the figures; amounts as whole đồng with thousands separators.
///
/// `rows` are the totals rows' JSON forms (as `khuyencong totals --format json` writes
/// them: `keys`, then the figures).
///
/// # Errors
/// [`SheetError::Write`] if the workbook writer fails.
pub fn totals_report(rows: &[Value], by: &[String]) -> Result<Vec<u8>, SheetError> {
    let mut sheet = OutSheet {
        name: "Tổng hợp".to_owned(),
        ..OutSheet::default()
    };
    // The figures, in the order of the first row (the core's order), keys excluded.
    let mut figures: Vec<String> = Vec::new();
    for r in rows {
        if let Some(map) = r.as_object() {
            for k in map.keys() {
                if k != "keys" && !figures.contains(k) {
                    figures.push(k.clone());
                }
            }
        }
    }
    let rank = |k: &str| {
        FIGURE_LABELS
            .iter()
            .position(|(f, _, _)| *f == k)
            .unwrap_or(usize::MAX)
    };
    figures.sort_by_key(|k| rank(k));
    let mut vi = Vec::new();
    let mut en = Vec::new();
    for k in by.iter().chain(figures.iter()) {
        let (v, e) = figure_label(k);
        vi.push(OutCell::text(v, Style::Header));
        en.push(OutCell::text(e, Style::HeaderEn));
    }
    sheet.rows.push(vi);
    sheet.rows.push(en);
    for r in rows {
        let mut line = Vec::new();
        for k in by {
            let key = if k == "year" { "period" } else { k.as_str() };
            let v = r
                .get("keys")
                .and_then(|keys| keys.get(key).or_else(|| keys.get(k.as_str())));
            line.push(OutCell::text(
                v.and_then(Value::as_str).unwrap_or("—").to_owned(),
                Style::Plain,
            ));
        }
        for k in &figures {
            let cell = match r.get(k) {
                #[allow(clippy::cast_precision_loss)] // amounts ≤ 2⁵³: exact
                Some(Value::Number(n)) if n.as_u64().is_some() => OutCell {
                    value: out::Value::Number(n.as_u64().unwrap_or_default() as f64),
                    style: if k.ends_with("_vnd") {
                        Style::Money
                    } else {
                        Style::Plain
                    },
                },
                Some(Value::String(s)) => OutCell::text(s.clone(), Style::Plain),
                Some(Value::Null) | None => OutCell::text("", Style::Plain),
                Some(other) => OutCell::text(other.to_string(), Style::Plain),
            };
            line.push(cell);
        }
        sheet.rows.push(line);
    }
    sheet.freeze = Some((2, u32::try_from(by.len()).unwrap_or(0)));
    sheet.widths = (0..by.len() + figures.len())
        .map(|c| (u32::try_from(c).unwrap_or(0), 20.0))
        .collect();
    let _ = column_letters;
    out::to_xlsx(&OutBook {
        sheets: vec![sheet],
        active: 0,
    })
}

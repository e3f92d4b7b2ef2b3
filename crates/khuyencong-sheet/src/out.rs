//! Workbooks to write, as plain data (sheets of styled cells, merged headings, notes,
//! drop-down lists), and their rendering as `.xlsx` (with `rust_xlsxwriter`) or as CSV.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Formula, Note, Url, Workbook, Worksheet,
};

use crate::SheetError;
use crate::grid::quote_sheet;

/// How a cell looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// Plain.
    #[default]
    Plain,
    /// A sheet's title.
    Title,
    /// Explanatory text.
    Note,
    /// A group heading (merged over its columns).
    Group,
    /// A column's Vietnamese heading.
    Header,
    /// A required column's Vietnamese heading.
    HeaderRequired,
    /// A column's English heading.
    HeaderEn,
    /// A row of the template's example.
    Example,
    /// An amount of đồng in an example row.
    ExampleMoney,
    /// A date in an example row.
    ExampleDate,
    /// An amount of đồng.
    Money,
    /// A date.
    Date,
    /// An error (red).
    Error,
    /// A warning (amber).
    Warning,
    /// Information (blue).
    Info,
    /// Bold text.
    Bold,
    /// Text at the top of its cell (beside wrapped text on the same row).
    Top,
}

/// The value of a cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing (the style still applies).
    Blank,
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A date.
    Date(NaiveDate),
    /// A link to a cell of the workbook, with its text.
    Link(String, String),
}

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub struct OutCell {
    /// Its value.
    pub value: Value,
    /// Its look.
    pub style: Style,
}

impl OutCell {
    pub fn text(t: impl Into<String>, style: Style) -> Self {
        Self {
            value: Value::Text(t.into()),
            style,
        }
    }
}

/// A drop-down list or other validation of a range of cells.
#[derive(Debug, Clone, PartialEq)]
pub enum Validation {
    /// A list from a range of another sheet (a formula such as `'Danh mục'!$B$3:$B$20`).
    ListRange(String),
    /// A list of fixed values.
    ListValues(Vec<String>),
}

/// One sheet to write.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutSheet {
    pub name: String,
    /// Rows of cells from A1.
    pub rows: Vec<Vec<OutCell>>,
    /// Merged ranges (first row, first column, last row, last column) with their text and
    /// style.
    pub merges: Vec<(u32, u32, u32, u32, String, Style)>,
    /// Rows and columns kept in view (frozen) above and left of the data.
    pub freeze: Option<(u32, u32)>,
    /// Column widths in characters.
    pub widths: Vec<(u32, f64)>,
    /// Row heights in points (for wrapped text, which no reader measures on opening).
    pub heights: Vec<(u32, f64)>,
    /// Validations: first row, column, last row, rule.
    pub validations: Vec<(u32, u32, u32, Validation)>,
    /// Notes (comments) on cells.
    pub notes: Vec<(u32, u32, String)>,
    /// Number formats for whole columns below the headers: (first row, column, style).
    pub column_styles: Vec<(u32, u32, Style)>,
    /// Rows to format with a column's style without a value (the empty rows to fill).
    pub blank_rows: u32,
}

/// A workbook to write.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutBook {
    pub sheets: Vec<OutSheet>,
    /// The sheet to show first.
    pub active: usize,
}

fn err(e: &rust_xlsxwriter::XlsxError) -> SheetError {
    SheetError::Write(e.to_string())
}

struct Formats {
    plain: Format,
    title: Format,
    note: Format,
    group: Format,
    header: Format,
    header_required: Format,
    header_en: Format,
    example: Format,
    example_money: Format,
    example_date: Format,
    money: Format,
    date: Format,
    error: Format,
    warning: Format,
    info: Format,
    bold: Format,
    top: Format,
}

impl Formats {
    fn new() -> Self {
        let border = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0x00A6_A6A6))
        };
        let head = border(
            Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0x00DD_EBF7)),
        );
        let example = Format::new()
            .set_italic()
            .set_font_color(Color::RGB(0x0070_7070));
        Self {
            plain: Format::new(),
            title: Format::new().set_bold().set_font_size(14),
            note: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            group: border(
                Format::new()
                    .set_bold()
                    .set_align(FormatAlign::Center)
                    .set_align(FormatAlign::VerticalCenter)
                    .set_background_color(Color::RGB(0x00BD_D7EE)),
            ),
            header_required: head.clone().set_font_color(Color::RGB(0x009C_0006)),
            header: head,
            header_en: border(
                Format::new()
                    .set_italic()
                    .set_text_wrap()
                    .set_font_color(Color::RGB(0x0059_5959))
                    .set_align(FormatAlign::Center)
                    .set_background_color(Color::RGB(0x00F2_F2F2)),
            ),
            example_money: example.clone().set_num_format("#,##0"),
            example_date: example.clone().set_num_format("dd/mm/yyyy"),
            example,
            money: Format::new().set_num_format("#,##0"),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            error: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0x00FF_C7CE))
                .set_font_color(Color::RGB(0x009C_0006)),
            warning: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0x00FF_EB9C))
                .set_font_color(Color::RGB(0x009C_5700)),
            info: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0x00DD_EBF7)),
            bold: Format::new().set_bold(),
            top: Format::new().set_align(FormatAlign::Top),
        }
    }

    fn of(&self, s: Style) -> &Format {
        match s {
            Style::Plain => &self.plain,
            Style::Title => &self.title,
            Style::Note => &self.note,
            Style::Group => &self.group,
            Style::Header => &self.header,
            Style::HeaderRequired => &self.header_required,
            Style::HeaderEn => &self.header_en,
            Style::Example => &self.example,
            Style::ExampleMoney => &self.example_money,
            Style::ExampleDate => &self.example_date,
            Style::Money => &self.money,
            Style::Date => &self.date,
            Style::Error => &self.error,
            Style::Warning => &self.warning,
            Style::Info => &self.info,
            Style::Bold => &self.bold,
            Style::Top => &self.top,
        }
    }
}

fn col16(c: u32) -> Result<u16, SheetError> {
    u16::try_from(c)
        .map_err(|_| SheetError::Write(format!("column {c} is beyond Excel's last column")))
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, SheetError> {
    let y = u16::try_from(d.year())
        .map_err(|_| SheetError::Write(format!("date {d} is out of Excel's range")))?;
    // Month and day always fit.
    let m = u8::try_from(d.month()).unwrap_or(1);
    let day = u8::try_from(d.day()).unwrap_or(1);
    ExcelDateTime::from_ymd(y, m, day).map_err(|e| err(&e))
}

fn write_sheet(ws: &mut Worksheet, sheet: &OutSheet, formats: &Formats) -> Result<(), SheetError> {
    ws.set_name(&sheet.name).map_err(|e| err(&e))?;
    for (c, w) in &sheet.widths {
        ws.set_column_width(col16(*c)?, *w).map_err(|e| err(&e))?;
    }
    for (r, h) in &sheet.heights {
        ws.set_row_height(*r, *h).map_err(|e| err(&e))?;
    }
    // The empty rows to fill take their column's format, so that what is typed shows as
    // money or as a date.
    for (first, c, style) in &sheet.column_styles {
        for r in *first..first.saturating_add(sheet.blank_rows) {
            ws.write_blank(r, col16(*c)?, formats.of(*style))
                .map_err(|e| err(&e))?;
        }
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(r).map_err(|_| SheetError::Write("too many rows".into()))?;
        for (c, cell) in row.iter().enumerate() {
            let c = col16(u32::try_from(c).unwrap_or(u32::MAX))?;
            let f = formats.of(cell.style);
            match &cell.value {
                Value::Blank => {
                    if cell.style != Style::Plain {
                        ws.write_blank(r, c, f).map_err(|e| err(&e))?;
                    }
                }
                Value::Text(t) => {
                    ws.write_string_with_format(r, c, t, f)
                        .map_err(|e| err(&e))?;
                }
                Value::Number(n) => {
                    ws.write_number_with_format(r, c, *n, f)
                        .map_err(|e| err(&e))?;
                }
                Value::Date(d) => {
                    ws.write_datetime_with_format(r, c, excel_date(*d)?, f)
                        .map_err(|e| err(&e))?;
                }
                Value::Link(target, text) => {
                    let url = Url::new(format!("internal:{target}")).set_text(text);
                    ws.write_url_with_format(r, c, url, f)
                        .map_err(|e| err(&e))?;
                }
            }
        }
    }
    for (r0, c0, r1, c1, text, style) in &sheet.merges {
        if r0 == r1 && c0 == c1 {
            ws.write_string_with_format(*r0, col16(*c0)?, text, formats.of(*style))
                .map_err(|e| err(&e))?;
        } else {
            ws.merge_range(*r0, col16(*c0)?, *r1, col16(*c1)?, text, formats.of(*style))
                .map_err(|e| err(&e))?;
        }
    }
    for (first, c, last, rule) in &sheet.validations {
        let v = match rule {
            Validation::ListRange(range) => {
                DataValidation::new().allow_list_formula(Formula::new(format!("={range}")))
            }
            Validation::ListValues(values) => DataValidation::new()
                .allow_list_strings(&values.iter().map(String::as_str).collect::<Vec<_>>())
                .map_err(|e| err(&e))?,
        }
        // A warning, not a stop: a code typed instead of a label is read too.
        .set_error_style(DataValidationErrorStyle::Warning);
        ws.add_data_validation(*first, col16(*c)?, *last, col16(*c)?, &v)
            .map_err(|e| err(&e))?;
    }
    for (r, c, text) in &sheet.notes {
        let note = Note::new(text)
            .set_width(360)
            .set_height(180)
            .add_author_prefix(false);
        ws.insert_note(*r, col16(*c)?, &note).map_err(|e| err(&e))?;
    }
    if let Some((r, c)) = sheet.freeze {
        ws.set_freeze_panes(r, col16(c)?).map_err(|e| err(&e))?;
    }
    Ok(())
}

impl OutSheet {
    /// Sets the height of every row holding wrapped text (styles `Note`, `Header`, the
    /// severities) to fit its longest cell at the column's width, up to 10 lines.
    pub fn fit_rows(&mut self) {
        let width = |c: usize| {
            self.widths
                .iter()
                .find(|(w, _)| *w as usize == c)
                .map_or(8.43, |(_, w)| *w)
        };
        let mut heights = Vec::new();
        for (r, row) in self.rows.iter().enumerate() {
            let mut lines = 1usize;
            for (c, cell) in row.iter().enumerate() {
                let wraps = matches!(
                    cell.style,
                    Style::Note
                        | Style::Header
                        | Style::HeaderRequired
                        | Style::HeaderEn
                        | Style::Error
                        | Style::Warning
                        | Style::Info
                );
                if let (true, Value::Text(t)) = (wraps, &cell.value) {
                    let per_line = (width(c) * 1.1).max(4.0);
                    let n: usize = t
                        .split('\n')
                        .map(|l| {
                            let chars =
                                f64::from(u32::try_from(l.chars().count()).unwrap_or(u32::MAX));
                            // Whole lines: a count of characters over a width.
                            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                            let n = (chars / per_line).ceil().max(1.0) as usize;
                            n
                        })
                        .sum();
                    lines = lines.max(n.min(10));
                }
            }
            if lines > 1
                && let Ok(r) = u32::try_from(r)
            {
                heights.push((r, 15.0 * f64::from(u32::try_from(lines).unwrap_or(10))));
            }
        }
        self.heights = heights;
    }
}

/// The workbook as `.xlsx` bytes.
pub fn to_xlsx(book: &OutBook) -> Result<Vec<u8>, SheetError> {
    let mut wb = Workbook::new();
    let formats = Formats::new();
    for (i, sheet) in book.sheets.iter().enumerate() {
        let ws = wb.add_worksheet();
        write_sheet(ws, sheet, &formats)?;
        if i == book.active {
            ws.set_active(true);
        }
    }
    wb.save_to_buffer().map_err(|e| err(&e))
}

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CsvStyle {
    /// A UTF-8 byte-order mark and CRLF line ends, as Excel writes "CSV UTF-8" and expects it
    /// to open Vietnamese text correctly.
    pub excel: bool,
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r', ';']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The workbook as CSV text: each sheet under a title row naming it, one blank row between
/// sheets (only the sheets listed, in order).
pub fn to_csv(book: &OutBook, sheets: &[usize], style: CsvStyle) -> Vec<u8> {
    let eol = if style.excel { "\r\n" } else { "\n" };
    let mut out = String::new();
    if style.excel {
        out.push('\u{feff}');
    }
    for (n, i) in sheets.iter().enumerate() {
        let Some(sheet) = book.sheets.get(*i) else {
            continue;
        };
        if n > 0 {
            out.push_str(eol);
        }
        out.push_str(&csv_field(&sheet.name));
        out.push_str(eol);
        // Merged headings: the text in the first cell of the range.
        let mut rows: Vec<Vec<String>> = sheet
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| match &c.value {
                        Value::Blank => String::new(),
                        Value::Text(t) => t.clone(),
                        Value::Number(x) => crate::grid::number_text(*x),
                        Value::Date(d) => d.format("%d/%m/%Y").to_string(),
                        Value::Link(_, text) => text.clone(),
                    })
                    .collect()
            })
            .collect();
        for (r0, c0, _, _, text, _) in &sheet.merges {
            let (r, c) = (*r0 as usize, *c0 as usize);
            if rows.len() <= r {
                rows.resize(r + 1, Vec::new());
            }
            if rows[r].len() <= c {
                rows[r].resize(c + 1, String::new());
            }
            rows[r][c].clone_from(text);
        }
        for row in rows {
            let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
            out.push_str(line.join(",").trim_end_matches(','));
            out.push_str(eol);
        }
    }
    out.into_bytes()
}

/// A reference to a range of a sheet, for formulas: `'Danh mục'!$B$3:$B$20`.
pub fn range(sheet: &str, col: u32, first_row: u32, last_row: u32) -> String {
    let c = crate::grid::column_letters(col);
    format!(
        "{}!${c}${}:${c}${}",
        quote_sheet(sheet),
        u64::from(first_row) + 1,
        u64::from(last_row) + 1
    )
}

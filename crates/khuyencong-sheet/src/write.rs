//! Writing documents as workbooks, and templates: one sheet per part of the document kind,
//! headings in Vietnamese and English, drop-down lists of the code lists, đồng formats, an
//! instructions sheet with the legal basis of each column, example rows.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::SheetError;
use crate::examples;
use crate::grid::CellRef;
use crate::layout::{CODELISTS_SHEET, Column, INSTRUCTIONS_SHEET, Layout, SheetSpec, ValueKind};
use crate::out::{self, CsvStyle, OutBook, OutCell, OutSheet, Style, Validation};
use crate::read::Special;
use crate::value::{self, Out};

/// Options of [`template`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct TemplateOptions {
    /// Whether to show the example rows (taken from the example documents; they are marked
    /// `Ví dụ` and never read as data).
    pub example: bool,
    /// How CSV is written.
    pub csv: CsvOptions,
}

impl Default for TemplateOptions {
    fn default() -> Self {
        Self {
            example: true,
            csv: CsvOptions::default(),
        }
    }
}

impl TemplateOptions {
    /// Without example rows.
    #[must_use]
    pub const fn without_example(mut self) -> Self {
        self.example = false;
        self
    }

    /// With these CSV options.
    #[must_use]
    pub const fn with_csv(mut self, csv: CsvOptions) -> Self {
        self.csv = csv;
        self
    }
}

/// How CSV files are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct CsvOptions {
    /// Excel-friendly: a UTF-8 byte-order mark and CRLF line ends (as Excel's "CSV UTF-8").
    pub excel: bool,
}

impl CsvOptions {
    /// Excel-friendly CSV: byte-order mark and CRLF.
    pub const fn excel() -> Self {
        Self { excel: true }
    }
}

/// How many empty rows of a template get the columns' formats and drop-down lists.
const FILL_ROWS: u32 = 500;

/// The special columns of a sheet, in order.
fn specials(layout: &Layout, sheet: usize) -> Vec<Special> {
    let spec = &layout.sheets[sheet];
    let mut out = vec![Special::Number];
    if sheet != 0 {
        out.push(Special::Document);
    }
    if spec.parent.is_some_and(|p| p != 0) {
        out.push(Special::Parent);
    }
    out
}

/// The number of group rows above a sheet's headings.
fn depth(spec: &SheetSpec) -> usize {
    spec.columns
        .iter()
        .map(|c| c.groups.len())
        .max()
        .unwrap_or(0)
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn kind_text(c: &Column, layout: &Layout) -> (String, String) {
    match c.value {
        ValueKind::Text => ("Văn bản".into(), "Text".into()),
        ValueKind::Integer => ("Số nguyên".into(), "Whole number".into()),
        ValueKind::Vnd => (
            "Số tiền (đồng), chính xác: 1400000000 hoặc 1.400.000.000, 1.400 triệu, 1,4 tỷ".into(),
            "Amount (đồng), exact: 1400000000 or 1.400.000.000, 1.400 triệu, 1,4 tỷ".into(),
        ),
        ValueKind::Amount => (
            "Số tiền (đồng): 1.400.000.000, 1.400 triệu, 1,4 tỷ; hơn 15,2 tỷ (cận dưới), khoảng 2 tỷ (xấp xỉ)".into(),
            "Amount (đồng): 1.400.000.000, 1.400 triệu, 1,4 tỷ; hơn 15,2 tỷ (more than), khoảng 2 tỷ (about)".into(),
        ),
        ValueKind::Count => (
            "Số lượng: 57; hơn 100 lượt (cận dưới), khoảng 2 (xấp xỉ), 8–12 (khoảng)".into(),
            "Count: 57; hơn 100 lượt (more than), khoảng 2 (about), 8–12 (a range)".into(),
        ),
        ValueKind::Bool => ("Có / Không".into(), "Yes (Có) / No (Không)".into()),
        ValueKind::Date => ("Ngày: 01/06/2024".into(), "Date: 01/06/2024 (day/month/year)".into()),
        ValueKind::Share => ("Tỷ lệ: 0,6 hoặc 60%".into(), "Share: 0.6 or 60%".into()),
        ValueKind::Code(l) => {
            let name = layout.codelists.get(l).map_or("", |c| c.name.as_str());
            (
                format!("Chọn trong danh sách (danh mục {name})"),
                format!("Pick from the list (code list {name})"),
            )
        }
        ValueKind::Codes(l) => {
            let name = layout.codelists.get(l).map_or("", |c| c.name.as_str());
            (
                format!("Một hoặc nhiều giá trị của danh mục {name}, cách nhau bằng dấu `;`; `không` nếu không có"),
                format!("One or more values of the code list {name}, separated by `;`; `không` for none"),
            )
        }
        ValueKind::Json => ("Dữ liệu JSON".into(), "JSON".into()),
    }
}

fn special_labels(s: Special) -> (&'static str, &'static str) {
    let l = s.labels();
    (l[0], l[1])
}

fn special_note(s: Special) -> &'static str {
    match s {
        Special::Number => {
            "Số thứ tự. Dòng 2.1, 2.2 là chi tiết (trong đó) của dòng 2. Dòng có số thứ tự bắt đầu bằng \"Ví dụ\" không được đọc.\n\nRow number. Rows 2.1, 2.2 are parts (of which) of row 2. Rows numbered \"Ví dụ …\" (example) are not read."
        }
        Special::Document => {
            "Mã văn bản (cột mã ở trang đầu) mà dòng này thuộc về; để trống khi bảng tính chỉ có một văn bản.\n\nThe id of the document (first sheet) this row belongs to; leave blank when the workbook holds one document."
        }
        Special::Parent => {
            "Số thứ tự của dòng (ở trang tính cha) mà dòng này thuộc về.\n\nThe row number (on the parent sheet) this row belongs to."
        }
    }
}

fn header_note(c: &Column) -> String {
    let mut s = String::new();
    if !c.description_vi.is_empty() {
        s.push_str(&c.description_vi);
        s.push_str("\n\n");
    }
    s.push_str(&c.description_en);
    if !c.basis.is_empty() {
        s.push_str("\n\nCăn cứ / Basis: ");
        s.push_str(&c.basis.join("; "));
    }
    s.push_str("\n\nJSON: ");
    s.push_str(&c.key);
    s
}

/// The header rows of a sheet: group rows, Vietnamese, English.
fn header(layout: &Layout, sheet: usize, out: &mut OutSheet) {
    let spec = &layout.sheets[sheet];
    let groups = depth(spec);
    let specials = specials(layout, sheet);
    let first = u32_of(specials.len());
    let vi_row = u32_of(groups);
    let mut vi = Vec::new();
    let mut en = Vec::new();
    for (i, s) in specials.iter().enumerate() {
        let (v, e) = special_labels(*s);
        vi.push(OutCell::text(v, Style::Header));
        en.push(OutCell::text(e, Style::HeaderEn));
        out.notes
            .push((vi_row, u32_of(i), special_note(*s).to_owned()));
        if groups > 0 {
            // The special columns' headings span the group rows.
            out.merges
                .push((0, u32_of(i), vi_row, u32_of(i), v.to_owned(), Style::Header));
        }
    }
    for (i, c) in spec.columns.iter().enumerate() {
        let col = first + u32_of(i);
        let label = if c.required {
            format!("{} *", c.vi)
        } else {
            c.vi.clone()
        };
        let style = if c.required {
            Style::HeaderRequired
        } else {
            Style::Header
        };
        if groups > 0 && c.groups.is_empty() {
            // A column outside every group: its heading spans the group rows too.
            out.merges.push((0, col, vi_row, col, label.clone(), style));
        }
        vi.push(OutCell::text(label, style));
        en.push(OutCell::text(c.en.clone(), Style::HeaderEn));
        out.notes.push((vi_row, col, header_note(c)));
    }
    // Group headings: one merged cell over each run of columns sharing a group.
    for level in 0..groups {
        let mut i = 0;
        while i < spec.columns.len() {
            let prefix = |c: &Column| c.groups.get(..=level).map(<[_]>::to_vec);
            let Some(g) = prefix(&spec.columns[i]) else {
                // No group at this level: the heading spans down to the Vietnamese row.
                i += 1;
                continue;
            };
            let mut j = i;
            while j + 1 < spec.columns.len() && prefix(&spec.columns[j + 1]).as_ref() == Some(&g) {
                j += 1;
            }
            let last = &g[level];
            out.merges.push((
                u32_of(level),
                first + u32_of(i),
                u32_of(level),
                first + u32_of(j),
                format!("{} / {}", last.vi, last.en),
                Style::Group,
            ));
            i = j + 1;
        }
    }
    while out.rows.len() < groups {
        out.rows.push(Vec::new());
    }
    out.rows.push(vi);
    out.rows.push(en);
    out.freeze = Some((vi_row + 2, first));
    // Headings wrap over up to three lines; group headings are one line.
    out.heights.push((vi_row, 45.0));
    for level in 0..groups {
        out.heights.push((u32_of(level), 20.0));
    }
    out.widths.push((0, 8.0));
    for (i, s) in specials.iter().enumerate().skip(1) {
        out.widths
            .push((u32_of(i), if *s == Special::Document { 22.0 } else { 10.0 }));
    }
    for (i, c) in spec.columns.iter().enumerate() {
        let width: f64 = match c.value {
            ValueKind::Vnd | ValueKind::Amount => 20.0,
            ValueKind::Count | ValueKind::Integer | ValueKind::Bool | ValueKind::Share => 12.0,
            ValueKind::Date => 13.0,
            ValueKind::Code(_) | ValueKind::Codes(_) => 32.0,
            ValueKind::Text | ValueKind::Json => 28.0,
        };
        let head = f64::from(u32_of(c.vi.chars().count())) / 2.0;
        out.widths
            .push((first + u32_of(i), width.max(head.min(40.0))));
    }
}

/// The value at a path of a JSON object.
fn get<'a>(v: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(v, |at, key| at.get(key))
}

/// A data row: its specials, then its values.
fn data_row(
    layout: &Layout,
    sheet: usize,
    item: &Value,
    number: &str,
    document: Option<&str>,
    parent: Option<&str>,
    example: bool,
) -> Vec<OutCell> {
    let spec = &layout.sheets[sheet];
    let plain = if example {
        Style::Example
    } else {
        Style::Plain
    };
    let mut row = Vec::new();
    for s in specials(layout, sheet) {
        let text = match s {
            Special::Number if example => format!("Ví dụ {number}"),
            Special::Number => number.to_owned(),
            Special::Document => document.unwrap_or_default().to_owned(),
            Special::Parent => parent.unwrap_or_default().to_owned(),
        };
        row.push(OutCell::text(text, plain));
    }
    for c in &spec.columns {
        let cell =
            get(item, &c.path).map_or(Out::Blank, |v| value::write(v, c.value, &layout.codelists));
        row.push(match cell {
            Out::Blank => OutCell {
                value: out::Value::Blank,
                style: plain,
            },
            Out::Text(t) => OutCell::text(t, plain),
            #[allow(clippy::cast_precision_loss)] // |i| ≤ 2⁵³: exact
            Out::Integer(i) => OutCell {
                value: out::Value::Number(i as f64),
                style: match (c.value, example) {
                    (ValueKind::Vnd | ValueKind::Amount, true) => Style::ExampleMoney,
                    (ValueKind::Vnd | ValueKind::Amount, false) => Style::Money,
                    (_, true) => Style::Example,
                    (_, false) => Style::Plain,
                },
            },
            Out::Date(d) => OutCell {
                value: out::Value::Date(d),
                style: if example {
                    Style::ExampleDate
                } else {
                    Style::Date
                },
            },
        });
    }
    row
}

/// The items written so far, by (sheet, document): their row number, JSON Pointer and value.
type Owners = BTreeMap<(usize, usize), Vec<(String, String, Value)>>;

/// The rows of one sheet for every document.
fn sheet_rows(
    layout: &Layout,
    sheet: usize,
    documents: &[Value],
    example: bool,
    rows: &mut Vec<Vec<OutCell>>,
    places: &mut Vec<(String, usize)>,
    owners: &mut Owners,
) {
    let spec = &layout.sheets[sheet];
    for (d, doc) in documents.iter().enumerate() {
        let id = doc.get("id").and_then(Value::as_str);
        if sheet == 0 {
            let number = (d + 1).to_string();
            rows.push(data_row(layout, 0, doc, &number, None, None, example));
            places.push((format!("{d}:"), rows.len() - 1));
            owners
                .entry((0, d))
                .or_default()
                .push((number, String::new(), doc.clone()));
            continue;
        }
        let parent = spec.parent.unwrap_or(0);
        let parents = owners.get(&(parent, d)).cloned().unwrap_or_default();
        // Rows are numbered 1, 2, 3… through the document (parts 2.1, 2.2 under row 2), so
        // that a row number names one row of the sheet.
        let mut next = 0usize;
        for (parent_number, parent_pointer, parent_item) in parents {
            let Some(Value::Array(items)) = get(&parent_item, &spec.path) else {
                continue;
            };
            let base = format!("{parent_pointer}/{}", spec.path.join("/"));
            let mut stack: Vec<(String, String, &Value)> = items
                .iter()
                .enumerate()
                .rev()
                .map(|(i, v)| ((next + i + 1).to_string(), format!("{base}/{i}"), v))
                .collect();
            next += items.len();
            while let Some((number, pointer, item)) = stack.pop() {
                let parent_label = (parent != 0).then_some(parent_number.as_str());
                rows.push(data_row(
                    layout,
                    sheet,
                    item,
                    &number,
                    id,
                    parent_label,
                    example,
                ));
                places.push((format!("{d}:{pointer}"), rows.len() - 1));
                owners.entry((sheet, d)).or_default().push((
                    number.clone(),
                    pointer.clone(),
                    item.clone(),
                ));
                if let Some(recursive) = &spec.recursive
                    && let Some(Value::Array(parts)) = get(item, recursive)
                {
                    for (i, part) in parts.iter().enumerate().rev() {
                        stack.push((
                            format!("{number}.{}", i + 1),
                            format!("{pointer}/{}/{i}", recursive.join("/")),
                            part,
                        ));
                    }
                }
            }
        }
    }
}

/// The sheets of a layout holding documents (or the example, in a template).
fn data_sheets(layout: &Layout, documents: &[Value], example: bool, fill: bool) -> Vec<OutSheet> {
    let mut out = Vec::new();
    let mut owners: Owners = BTreeMap::new();
    let list_rows = codelist_rows(layout);
    for (i, spec) in layout.sheets.iter().enumerate() {
        let mut sheet = OutSheet {
            name: spec.name.clone(),
            ..OutSheet::default()
        };
        header(layout, i, &mut sheet);
        let first_data = u32_of(sheet.rows.len());
        let mut places = Vec::new();
        sheet_rows(
            layout,
            i,
            documents,
            example,
            &mut sheet.rows,
            &mut places,
            &mut owners,
        );
        let first = u32_of(specials(layout, i).len());
        let last = first_data + FILL_ROWS.max(u32_of(sheet.rows.len()));
        for (c, column) in spec.columns.iter().enumerate() {
            let col = first + u32_of(c);
            match column.value {
                ValueKind::Code(l) => {
                    if let Some((start, end)) = list_rows.get(l) {
                        sheet.validations.push((
                            first_data,
                            col,
                            last,
                            Validation::ListRange(out::range(CODELISTS_SHEET, 1, *start, *end)),
                        ));
                    }
                }
                ValueKind::Bool => sheet.validations.push((
                    first_data,
                    col,
                    last,
                    Validation::ListValues(vec!["Có".into(), "Không".into()]),
                )),
                ValueKind::Vnd | ValueKind::Amount => {
                    sheet
                        .column_styles
                        .push((u32_of(sheet.rows.len()), col, Style::Money));
                }
                ValueKind::Date => {
                    sheet
                        .column_styles
                        .push((u32_of(sheet.rows.len()), col, Style::Date));
                }
                _ => {}
            }
        }
        if fill {
            sheet.blank_rows = FILL_ROWS;
        }
        out.push(sheet);
    }
    out
}

/// The rows (from 0) of each code list's labels on the code-list sheet.
fn codelist_rows(layout: &Layout) -> Vec<(u32, u32)> {
    let mut row = 3u32;
    let mut out = Vec::new();
    for list in &layout.codelists {
        let start = row + 1;
        let end = start + u32_of(list.values.len()).saturating_sub(1);
        out.push((start, end));
        row = end + 2;
    }
    out
}

fn codelist_sheet(layout: &Layout) -> OutSheet {
    let mut sheet = OutSheet {
        name: CODELISTS_SHEET.to_owned(),
        ..OutSheet::default()
    };
    sheet
        .rows
        .push(vec![OutCell::text("Danh mục / Code lists", Style::Title)]);
    sheet.rows.push(vec![OutCell::text(
        "Cột B là các giá trị của danh sách thả xuống; có thể ghi tên tiếng Việt, tên tiếng Anh hoặc mã. / Column B feeds the drop-down lists; the Vietnamese label, the English label or the code may be written.",
        Style::Note,
    )]);
    sheet.rows.push(Vec::new());
    let head = [
        "Danh mục / List",
        "Tên / Label (vi)",
        "Mã / Code",
        "English",
        "Mô tả, căn cứ, hiệu lực / Description, basis, validity",
    ];
    sheet.rows.push(
        head.iter()
            .map(|h| OutCell::text(*h, Style::Header))
            .collect(),
    );
    for list in &layout.codelists {
        for (i, c) in list.values.iter().enumerate() {
            sheet.rows.push(vec![
                OutCell::text(
                    if i == 0 {
                        list.name.clone()
                    } else {
                        String::new()
                    },
                    Style::Bold,
                ),
                OutCell::text(c.vi.clone(), Style::Plain),
                OutCell::text(c.code.clone(), Style::Plain),
                OutCell::text(c.en.clone(), Style::Plain),
                OutCell::text(c.description.clone(), Style::Plain),
            ]);
        }
        sheet.rows.push(Vec::new());
    }
    sheet.widths = vec![(0, 22.0), (1, 48.0), (2, 36.0), (3, 44.0), (4, 90.0)];
    sheet.freeze = Some((4, 0));
    sheet
}

/// Where a template's example rows come from.
#[derive(Clone, Copy)]
enum ExampleSource<'a> {
    /// No example was asked for.
    NotAsked,
    /// None exists for the kind.
    Missing,
    /// This file of docs/examples.
    File(&'a str),
}

fn instructions_sheet(layout: &Layout, example: ExampleSource<'_>) -> OutSheet {
    let mut sheet = OutSheet {
        name: INSTRUCTIONS_SHEET.to_owned(),
        ..OutSheet::default()
    };
    sheet.rows.push(vec![OutCell::text(
        format!(
            "Biểu mẫu {} / {} template — khuyencong",
            layout.title_vi.to_lowercase(),
            layout.title_en
        ),
        Style::Title,
    )]);
    // Each rule in Vietnamese, then in English, in the first column (the text runs on to
    // the right).
    let mut line = |vi: &str, en: &str| {
        sheet
            .rows
            .push(vec![OutCell::text(format!("• {vi}"), Style::Plain)]);
        sheet
            .rows
            .push(vec![OutCell::text(format!("  {en}"), Style::Example)]);
    };
    line(
        "Căn cứ: Nghị định số 45/2012/NĐ-CP về khuyến công, được sửa đổi, bổ sung bởi Nghị định số 235/2025/NĐ-CP, và các thông tư hướng dẫn. Kiểm tra: khuyencong check TỆP.xlsx",
        "Basis: Decree 45/2012/ND-CP on industrial extension as amended by Decree 235/2025/ND-CP, and its circulars. Check with: khuyencong check FILE.xlsx",
    );
    line(
        &format!(
            "Mỗi trang tính là một phần của văn bản: trang \"{}\" có một dòng cho mỗi văn bản; các trang khác có một dòng cho mỗi phần lặp lại.",
            layout.sheets[0].name
        ),
        &format!(
            "Each sheet is one part of the document: \"{}\" has one row per document; the other sheets one row per repeated part.",
            layout.sheets[0].name
        ),
    );
    line(
        "Ô để trống nghĩa là không nêu (không phải số 0). Ghi 0 khi số liệu bằng không.",
        "A blank cell means not stated (never zero). Write 0 for zero.",
    );
    line(
        "Số tiền tính bằng đồng: ghi số (1400000000) hoặc kiểu Việt Nam: 1.400.000.000, 1.400 triệu, 1,4 tỷ; \"hơn 15,2 tỷ\" là cận dưới, \"khoảng 2 tỷ\", \"gần 2 tỷ\" là xấp xỉ.",
        "Amounts are in đồng: a number (1400000000) or Vietnamese notation: 1.400.000.000, 1.400 triệu, 1,4 tỷ; \"hơn 15,2 tỷ\" is a lower bound, \"khoảng 2 tỷ\", \"gần 2 tỷ\" approximations.",
    );
    line(
        "Ngày: ô định dạng ngày, hoặc ghi ngày/tháng/năm (01/06/2024).",
        "Dates: a date cell, or day/month/year (01/06/2024).",
    );
    line(
        "Danh mục: chọn trong danh sách thả xuống (tên tiếng Việt), hoặc ghi mã; xem trang \"Danh mục\".",
        "Codes: pick from the drop-down list (Vietnamese labels), or write the code; see the \"Danh mục\" sheet.",
    );
    line(
        "STT: 1, 2, 3…; dòng 2.1, 2.2 là chi tiết (trong đó) của dòng 2. Dòng có STT bắt đầu bằng \"Ví dụ\" là dòng mẫu và không được đọc.",
        "No.: 1, 2, 3…; rows 2.1, 2.2 are parts (of which) of row 2. Rows whose No. starts with \"Ví dụ\" are examples and are not read.",
    );
    line(
        "Mã văn bản: khi bảng tính có nhiều văn bản, ghi mã văn bản ở mỗi dòng của các trang chi tiết.",
        "Document id: when the workbook holds several documents, write the document's id on every row of the other sheets.",
    );
    line(
        "Cột có dấu * là bắt buộc.",
        "Columns marked * are required.",
    );
    match example {
        ExampleSource::File(name) => line(
            &format!("Dòng ví dụ lấy từ docs/examples/{name}."),
            &format!("The example rows come from docs/examples/{name}."),
        ),
        ExampleSource::Missing => line(
            "Chưa có văn bản mẫu loại này trong docs/examples, nên biểu mẫu không có dòng ví dụ.",
            "There is no example document of this kind in docs/examples yet, so the template has no example rows.",
        ),
        ExampleSource::NotAsked => {}
    }
    sheet.rows.push(Vec::new());
    let head_row = u32_of(sheet.rows.len());
    let head = [
        "Trang tính / Sheet",
        "Cột / Column",
        "Tiêu đề / Heading (vi)",
        "Heading (en)",
        "Trường JSON / JSON field",
        "Bắt buộc / Required",
        "Cách ghi / How to write",
        "How to write (en)",
        "Mô tả / Description (vi)",
        "Description (en)",
        "Căn cứ pháp lý / Legal basis",
    ];
    sheet.rows.push(
        head.iter()
            .map(|h| OutCell::text(*h, Style::Header))
            .collect(),
    );
    for (s, spec) in layout.sheets.iter().enumerate() {
        let specials = specials(layout, s);
        let first = u32_of(specials.len());
        let heading_row = u32_of(depth(spec));
        for (i, sp) in specials.iter().enumerate() {
            let (vi, en) = special_labels(*sp);
            let at = CellRef {
                sheet: spec.name.clone(),
                row: heading_row,
                col: Some(u32_of(i)),
            };
            let (note_vi, note_en) = special_note(*sp)
                .split_once("\n\n")
                .unwrap_or((special_note(*sp), ""));
            sheet.rows.push(vec![
                OutCell::text(spec.name.clone(), Style::Plain),
                OutCell {
                    value: out::Value::Link(at.a1(), crate::grid::column_letters(u32_of(i))),
                    style: Style::Plain,
                },
                OutCell::text(vi, Style::Plain),
                OutCell::text(en, Style::Plain),
                OutCell::text("—", Style::Plain),
                OutCell::text("", Style::Plain),
                OutCell::text("", Style::Plain),
                OutCell::text("", Style::Plain),
                OutCell::text(note_vi, Style::Plain),
                OutCell::text(note_en, Style::Plain),
                OutCell::text("—", Style::Plain),
            ]);
        }
        for (i, c) in spec.columns.iter().enumerate() {
            let col = first + u32_of(i);
            let at = CellRef {
                sheet: spec.name.clone(),
                row: heading_row,
                col: Some(col),
            };
            let (how_vi, how_en) = kind_text(c, layout);
            let mut basis = c.basis.join("; ");
            if matches!(c.value, ValueKind::Code(_) | ValueKind::Codes(_)) {
                if !basis.is_empty() {
                    basis.push_str("; ");
                }
                basis.push_str(
                    "căn cứ của từng giá trị: trang Danh mục / each value's basis: Danh mục sheet",
                );
            }
            if basis.is_empty() {
                "—".clone_into(&mut basis);
            }
            let pointer = if spec.key.is_empty() {
                format!("/{}", c.path.join("/"))
            } else {
                format!("/{}/*/{}", spec.key.replace('.', "/"), c.path.join("/"))
            };
            let groups: Vec<&str> = c.groups.iter().map(|g| g.vi.as_str()).collect();
            let heading_vi = if groups.is_empty() {
                c.vi.clone()
            } else {
                format!("{} › {}", groups.join(" › "), c.vi)
            };
            let groups_en: Vec<&str> = c.groups.iter().map(|g| g.en.as_str()).collect();
            let heading_en = if groups_en.is_empty() {
                c.en.clone()
            } else {
                format!("{} › {}", groups_en.join(" › "), c.en)
            };
            sheet.rows.push(vec![
                OutCell::text(spec.name.clone(), Style::Plain),
                OutCell {
                    value: out::Value::Link(at.a1(), crate::grid::column_letters(col)),
                    style: Style::Plain,
                },
                OutCell::text(heading_vi, Style::Plain),
                OutCell::text(heading_en, Style::Plain),
                OutCell::text(pointer, Style::Plain),
                OutCell::text(if c.required { "Có / Yes" } else { "" }, Style::Plain),
                OutCell::text(how_vi, Style::Note),
                OutCell::text(how_en, Style::Note),
                OutCell::text(c.description_vi.clone(), Style::Note),
                OutCell::text(c.description_en.clone(), Style::Note),
                OutCell::text(basis, Style::Note),
            ]);
        }
    }
    sheet.widths = vec![
        (0, 24.0),
        (1, 8.0),
        (2, 40.0),
        (3, 30.0),
        (4, 36.0),
        (5, 10.0),
        (6, 40.0),
        (7, 40.0),
        (8, 50.0),
        (9, 60.0),
        (10, 40.0),
    ];
    sheet.freeze = Some((head_row + 1, 0));
    sheet.fit_rows();
    sheet
}

/// A template for a kind of document: its sheets, the instructions and the code lists.
fn template_book(layout: &Layout, options: &TemplateOptions) -> OutBook {
    let example = if options.example {
        examples::example(&layout.kind)
    } else {
        None
    };
    let docs: Vec<Value> = example.iter().map(|(_, v)| v.clone()).collect();
    let mut sheets = data_sheets(layout, &docs, true, true);
    let named = match (options.example, &example) {
        (false, _) => ExampleSource::NotAsked,
        (true, None) => ExampleSource::Missing,
        (true, Some((name, _))) => ExampleSource::File(name),
    };
    sheets.push(instructions_sheet(layout, named));
    sheets.push(codelist_sheet(layout));
    OutBook { sheets, active: 0 }
}

/// Writes a template for a kind of document (`scheme`, `plan`, `period_report`, …).
///
/// # Errors
/// [`SheetError::UnknownKind`], or [`SheetError::Write`] if the workbook writer fails.
pub fn template(
    kind: &str,
    format: crate::Format,
    options: &TemplateOptions,
) -> Result<Vec<u8>, SheetError> {
    let layout = Layout::of(kind)?;
    let book = template_book(&layout, options);
    match format {
        crate::Format::Xlsx => out::to_xlsx(&book),
        crate::Format::Csv => {
            let n = layout.sheets.len();
            Ok(out::to_csv(
                &book,
                &(0..n).collect::<Vec<_>>(),
                CsvStyle {
                    excel: options.csv.excel,
                },
            ))
        }
    }
}

/// A workbook written from documents.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Written {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The kind of the documents.
    pub kind: String,
}

/// Writes documents (their JSON forms, all of one kind) as a workbook or CSV file in the
/// layout of their kind's template (without examples or instructions in CSV).
///
/// # Errors
/// [`SheetError::NotADocument`], [`SheetError::MixedKinds`], [`SheetError::UnknownKind`] or
/// [`SheetError::Write`].
pub fn write_documents(
    documents: &[Value],
    format: crate::Format,
    csv: CsvOptions,
) -> Result<Written, SheetError> {
    let mut kinds: Vec<String> = Vec::new();
    for (i, d) in documents.iter().enumerate() {
        let kind = d
            .get("kind")
            .and_then(Value::as_str)
            .ok_or(SheetError::NotADocument { index: i + 1 })?;
        if !kinds.iter().any(|k| k == kind) {
            kinds.push(kind.to_owned());
        }
    }
    let kind = match &kinds[..] {
        [one] => one.clone(),
        [] => return Err(SheetError::NotADocument { index: 1 }),
        _ => return Err(SheetError::MixedKinds { kinds }),
    };
    let layout = Layout::of(&kind)?;
    write_documents_as(&layout, documents, format, csv).map(|bytes| Written { bytes, kind })
}

/// Writes documents in a given layout (of a schema of one's own, say, as
/// [`Layout::from_schema`] makes it).
///
/// # Errors
/// [`SheetError::Write`] if the workbook writer fails.
pub fn write_documents_as(
    layout: &Layout,
    documents: &[Value],
    format: crate::Format,
    csv: CsvOptions,
) -> Result<Vec<u8>, SheetError> {
    let mut sheets = data_sheets(layout, documents, false, false);
    let n = sheets.len();
    sheets.push(instructions_sheet(layout, ExampleSource::NotAsked));
    sheets.push(codelist_sheet(layout));
    let book = OutBook { sheets, active: 0 };
    Ok(match format {
        crate::Format::Xlsx => out::to_xlsx(&book)?,
        crate::Format::Csv => out::to_csv(
            &book,
            &(0..n).collect::<Vec<_>>(),
            CsvStyle { excel: csv.excel },
        ),
    })
}

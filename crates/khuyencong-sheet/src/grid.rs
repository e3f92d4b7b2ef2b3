//! Cells as a spreadsheet holds them, whatever the file format: the grids the reader works
//! on, and Excel's A1 references.

use chrono::NaiveDate;

/// The value of one cell, as the file holds it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number (Excel stores every number as a 64-bit float).
    Number(f64),
    /// A whole number the file stores as one.
    Int(i64),
    /// TRUE or FALSE.
    Bool(bool),
    /// A date (a number formatted as a date), with whether it has a time of day.
    Date(NaiveDate, bool),
    /// An error value such as `#DIV/0!` or `#REF!`.
    Error(String),
    /// A formula whose result was never computed (the file keeps no value for it).
    Uncomputed,
}

impl Cell {
    /// Whether the cell holds nothing (blank text counts as nothing).
    pub fn is_blank(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, for headers and messages.
    pub fn text(&self) -> String {
        match self {
            Self::Empty | Self::Uncomputed => String::new(),
            Self::Text(t) => t.clone(),
            Self::Number(n) => number_text(*n),
            Self::Int(i) => i.to_string(),
            Self::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            Self::Date(d, _) => d.format("%d/%m/%Y").to_string(),
            Self::Error(e) => e.clone(),
        }
    }
}

/// A number as text: integers without a fraction, others in the shortest form that reads
/// back to the same float.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    }
}

/// One row of a grid: its index (from 0) and its non-empty cells by column (from 0).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GridRow {
    /// The row's index in the file, from 0.
    pub index: u32,
    /// The cells, by column index, in column order.
    pub cells: Vec<(u32, Cell)>,
}

impl GridRow {
    /// The cell in column `col`.
    pub fn get(&self, col: u32) -> &Cell {
        self.cells
            .binary_search_by_key(&col, |(c, _)| *c)
            .map_or(&Cell::Empty, |i| &self.cells[i].1)
    }

    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|(_, c)| c.is_blank())
    }
}

/// A merged range of cells, both ends included (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    /// First row.
    pub first_row: u32,
    /// First column.
    pub first_col: u32,
    /// Last row.
    pub last_row: u32,
    /// Last column.
    pub last_col: u32,
}

/// One table of cells: a worksheet, a section of a CSV file, or a data frame.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Grid {
    /// The name that says which part of a document the table holds (a worksheet's name, a
    /// CSV section's title); `None` when the headers must tell.
    pub name: Option<String>,
    /// The name cell references use (the worksheet's name; for a CSV file, the sheet name
    /// Excel gives it: the file name without extension).
    pub display: String,
    /// The rows with content, in order.
    pub rows: Vec<GridRow>,
    /// Merged ranges.
    pub merges: Vec<Merge>,
}

impl Grid {
    /// A grid of rows of cells starting at A1.
    pub fn from_rows(
        name: Option<String>,
        display: impl Into<String>,
        rows: Vec<Vec<Cell>>,
    ) -> Self {
        let rows = rows
            .into_iter()
            .enumerate()
            .map(|(r, cells)| GridRow {
                index: u32::try_from(r).unwrap_or(u32::MAX),
                cells: cells
                    .into_iter()
                    .enumerate()
                    .filter(|(_, c)| *c != Cell::Empty)
                    .map(|(c, cell)| (u32::try_from(c).unwrap_or(u32::MAX), cell))
                    .collect(),
            })
            .collect();
        Self {
            name,
            display: display.into(),
            rows,
            merges: Vec::new(),
        }
    }
}

/// Excel's letters of a column index from 0: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        // rem < 26, so the byte is an ASCII capital letter.
        out.push(b'A' + u8::try_from(rem).unwrap_or(0));
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A sheet name as a formula writes it: quoted when it holds anything but letters, digits
/// and `_` (a quote inside doubled).
pub fn quote_sheet(name: &str) -> String {
    if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// A place in a workbook: a cell, or a whole row when the column is not known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct CellRef {
    /// The sheet's name as cell references write it.
    pub sheet: String,
    /// The row, from 0.
    pub row: u32,
    /// The column, from 0; `None` for the whole row.
    pub col: Option<u32>,
}

impl CellRef {
    /// Excel's A1 reference: `'Nguồn kinh phí'!D5`, or `'Nguồn kinh phí'!5:5` for a row.
    pub fn a1(&self) -> String {
        let row = u64::from(self.row) + 1;
        let sheet = quote_sheet(&self.sheet);
        match self.col {
            Some(c) => format!("{sheet}!{}{row}", column_letters(c)),
            None => format!("{sheet}!{row}:{row}"),
        }
    }

    /// The reference without the sheet: `D5`, or `5:5`.
    pub fn local(&self) -> String {
        let row = u64::from(self.row) + 1;
        match self.col {
            Some(c) => format!("{}{row}", column_letters(c)),
            None => format!("{row}:{row}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_have_excel_letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(16383), "XFD");
    }

    #[test]
    fn references_quote_sheet_names_with_spaces() {
        let at = CellRef {
            sheet: "Nguồn kinh phí".into(),
            row: 4,
            col: Some(3),
        };
        assert_eq!(at.a1(), "'Nguồn kinh phí'!D5");
        let row = CellRef {
            sheet: "Data".into(),
            row: 11,
            col: None,
        };
        assert_eq!(row.a1(), "Data!12:12");
        assert_eq!(quote_sheet("Bob's"), "'Bob''s'");
    }

    #[test]
    fn numbers_read_as_text_without_a_needless_fraction() {
        assert_eq!(number_text(1_400_000_000.0), "1400000000");
        assert_eq!(number_text(0.6), "0.6");
        assert_eq!(
            Cell::Date(
                NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default(),
                false
            )
            .text(),
            "01/06/2024"
        );
    }
}

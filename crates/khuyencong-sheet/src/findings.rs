//! What reading a spreadsheet can find before the core reads the document: cells that do not
//! hold what their column holds, rows that belong nowhere, sheets and columns that are not
//! part of a template. Each is a [`Finding`] with a `sheet.*` code, the JSON Pointer of the
//! value it is about and the cell it was read from. None of them is a rule of the law: those
//! come from the core's check of the document the workbook holds.

use khuyencong::money::NotationError;
use khuyencong::{Finding, Severity};

use crate::layout::Codelist;
use crate::text::fold;

/// The documentation of one `sheet.*` code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SheetFindingDef {
    /// The stable code.
    pub code: &'static str,
    /// The severity.
    pub severity: Severity,
    /// What it means, in Vietnamese.
    pub meaning_vi: &'static str,
    /// What it means, in English.
    pub meaning_en: &'static str,
    /// How to fix it, in Vietnamese.
    pub fix_vi: &'static str,
    /// How to fix it, in English.
    pub fix_en: &'static str,
}

macro_rules! def {
    ($code:literal, $sev:ident, $mvi:literal, $men:literal, $fvi:literal, $fen:literal) => {
        SheetFindingDef {
            code: $code,
            severity: Severity::$sev,
            meaning_vi: $mvi,
            meaning_en: $men,
            fix_vi: $fvi,
            fix_en: $fen,
        }
    };
}

/// Every `sheet.*` code.
pub const FINDINGS: &[SheetFindingDef] = &[
    def!(
        "sheet.unreadable",
        Error,
        "Không đọc được tệp như một bảng tính (xlsx) hoặc tệp CSV.",
        "The file cannot be read as a workbook (xlsx) or a CSV file.",
        "Lưu lại tệp bằng Excel dạng .xlsx hoặc CSV UTF-8.",
        "Save the file again from Excel as .xlsx or CSV UTF-8."
    ),
    def!(
        "sheet.too_large",
        Error,
        "Bảng tính vượt giới hạn (số ô, số dòng hoặc dung lượng).",
        "The workbook exceeds a limit (cells, rows or size).",
        "Tách dữ liệu thành nhiều tệp.",
        "Split the data into several files."
    ),
    def!(
        "sheet.encoding",
        Info,
        "Tệp CSV có dấu BOM hoặc mã hóa UTF-16; đã đọc đúng.",
        "The CSV file has a byte-order mark or is UTF-16; it was read correctly.",
        "Không cần sửa.",
        "Nothing to fix."
    ),
    def!(
        "sheet.not_utf8",
        Error,
        "Tệp CSV không phải UTF-8 hoặc UTF-16 (có thể là TCVN3, VNI, Windows-1258).",
        "The CSV file is neither UTF-8 nor UTF-16 (perhaps TCVN3, VNI or Windows-1258).",
        "Trong Excel chọn Lưu thành › CSV UTF-8.",
        "In Excel choose Save As › CSV UTF-8."
    ),
    def!(
        "sheet.unknown_kind",
        Error,
        "Không xác định được loại văn bản của bảng tính (không có trang tính nào của biểu mẫu).",
        "The kind of document cannot be told (no sheet of a template).",
        "Dùng biểu mẫu của `khuyencong template`, giữ nguyên tên các trang tính.",
        "Use a template from `khuyencong template` and keep its sheet names."
    ),
    def!(
        "sheet.sheet_not_read",
        Warning,
        "Một trang tính có dữ liệu không thuộc biểu mẫu; dữ liệu đó không được đọc.",
        "A sheet with data that is not part of the template; its data is not read.",
        "Đổi tên trang tính theo biểu mẫu, hoặc xóa nếu không cần.",
        "Rename the sheet as in the template, or remove it."
    ),
    def!(
        "sheet.no_header",
        Error,
        "Không tìm thấy dòng tiêu đề cột của một trang tính.",
        "The header row of a sheet is not found.",
        "Giữ dòng tiêu đề của biểu mẫu ở đầu trang tính.",
        "Keep the template's header rows at the top of the sheet."
    ),
    def!(
        "sheet.column_not_read",
        Warning,
        "Một cột có dữ liệu không thuộc biểu mẫu; dữ liệu đó không được đọc.",
        "A column with data that is not part of the template; its data is not read.",
        "Đặt tên cột theo biểu mẫu, hoặc chuyển nội dung vào cột ghi chú.",
        "Name the column as in the template, or move its content to a note column."
    ),
    def!(
        "sheet.column_ambiguous",
        Error,
        "Tiêu đề cột khớp với nhiều trường; không biết đọc vào trường nào.",
        "A column header matches several fields.",
        "Giữ dòng tiêu đề nhóm (ô gộp) của biểu mẫu phía trên cột.",
        "Keep the template's group header (merged cells) above the column."
    ),
    def!(
        "sheet.duplicate_column",
        Error,
        "Hai cột cùng ghi một trường; chỉ cột đầu tiên được đọc.",
        "Two columns hold the same field; only the first is read.",
        "Xóa một trong hai cột.",
        "Remove one of the columns."
    ),
    def!(
        "sheet.invalid_amount",
        Error,
        "Ô số tiền không đọc được (ví dụ `1,400 triệu` không rõ nghĩa, hoặc cách viết kiểu tiếng Anh).",
        "An amount cell cannot be read (e.g. the ambiguous `1,400 triệu`, or English notation).",
        "Ghi số nguyên đồng, hoặc kiểu Việt Nam: `1.400.000.000`, `1.400 triệu`, `1,4 tỷ`.",
        "Write whole đồng, or Vietnamese notation: `1.400.000.000`, `1.400 triệu`, `1,4 tỷ`."
    ),
    def!(
        "sheet.amount_not_exact",
        Error,
        "Trường này chỉ nhận số tiền chính xác, không nhận `hơn`, `khoảng`.",
        "This field takes an exact amount only, not `hơn` (more than) or `khoảng` (about).",
        "Ghi số tiền chính xác.",
        "Write the exact amount."
    ),
    def!(
        "sheet.invalid_count",
        Error,
        "Ô số lượng không đọc được.",
        "A count cell cannot be read.",
        "Ghi số nguyên, có thể kèm `hơn`, `khoảng` và tên đơn vị: `hơn 100 lượt`.",
        "Write a whole number, optionally with `hơn`/`khoảng` and a noun: `hơn 100 lượt`."
    ),
    def!(
        "sheet.invalid_number",
        Error,
        "Ô số không đọc được.",
        "A number cell cannot be read.",
        "Ghi số nguyên.",
        "Write a whole number."
    ),
    def!(
        "sheet.invalid_date",
        Error,
        "Ô ngày không đọc được hoặc không có thật.",
        "A date cell cannot be read, or the day does not exist.",
        "Ghi ngày dạng ngày/tháng/năm (01/06/2024) hoặc dùng ô định dạng ngày.",
        "Write the date as day/month/year (01/06/2024) or use a date cell."
    ),
    def!(
        "sheet.serial_date",
        Info,
        "Một số được đọc như số ngày của Excel (ví dụ 45292 là 01/01/2024).",
        "A number was read as an Excel day number (e.g. 45292 is 2024-01-01).",
        "Định dạng ô là ngày để tránh nhầm lẫn.",
        "Format the cell as a date to avoid confusion."
    ),
    def!(
        "sheet.time_ignored",
        Info,
        "Ô ngày có giờ; chỉ lấy ngày.",
        "A date cell has a time of day; only the date is read.",
        "Không cần sửa.",
        "Nothing to fix."
    ),
    def!(
        "sheet.invalid_boolean",
        Error,
        "Ô có/không không đọc được.",
        "A yes/no cell cannot be read.",
        "Ghi `Có` hoặc `Không` (hoặc chọn trong danh sách).",
        "Write `Có` (yes) or `Không` (no), or pick from the list."
    ),
    def!(
        "sheet.invalid_share",
        Error,
        "Ô tỷ lệ không đọc được.",
        "A share cell cannot be read.",
        "Ghi tỷ lệ dạng 0,6 hoặc 60%.",
        "Write the share as 0.6 or 60%."
    ),
    def!(
        "sheet.invalid_json",
        Error,
        "Ô dữ liệu JSON không hợp lệ.",
        "A JSON cell is not valid JSON.",
        "Sửa nội dung JSON của ô.",
        "Fix the cell's JSON."
    ),
    def!(
        "sheet.unknown_code",
        Error,
        "Giá trị không có trong danh mục của cột (không phải mã, cũng không phải tên trong danh mục).",
        "A value that is neither a code nor a label of the column's code list.",
        "Chọn giá trị trong danh sách thả xuống, hoặc ghi mã ở trang Danh mục.",
        "Pick a value from the drop-down list, or write a code from the Danh mục sheet."
    ),
    def!(
        "sheet.label_as_code",
        Info,
        "Một tên trong danh mục (viết khác chữ hoa, khoảng trắng hoặc bảng mã) được đọc thành mã của nó.",
        "A code list label (written with other case, spacing or Unicode form) was read as its code.",
        "Không cần sửa; có thể chọn trong danh sách thả xuống.",
        "Nothing to fix; the drop-down list gives the exact label."
    ),
    def!(
        "sheet.text_became_date",
        Warning,
        "Ô văn bản chứa một ngày (Excel có thể đã tự đổi, ví dụ số hiệu `10/2024`).",
        "A text cell holds a date (Excel may have converted it, e.g. the number `10/2024`).",
        "Định dạng ô là văn bản (Text) rồi ghi lại.",
        "Format the cell as Text and type the value again."
    ),
    def!(
        "sheet.formula_not_computed",
        Error,
        "Ô có công thức nhưng không có giá trị đã tính.",
        "A cell has a formula but no computed value.",
        "Mở và lưu tệp bằng Excel hoặc LibreOffice để tính công thức.",
        "Open and save the file in Excel or LibreOffice so that the formula is computed."
    ),
    def!(
        "sheet.cell_error",
        Error,
        "Ô chứa lỗi của công thức (ví dụ #DIV/0!, #REF!).",
        "A cell holds a formula error (e.g. #DIV/0!, #REF!).",
        "Sửa công thức.",
        "Fix the formula."
    ),
    def!(
        "sheet.no_document",
        Error,
        "Trang tính văn bản không có dòng dữ liệu nào.",
        "The document sheet has no data row.",
        "Điền một dòng cho mỗi văn bản.",
        "Fill one row per document."
    ),
    def!(
        "sheet.duplicate_document",
        Error,
        "Hai dòng cùng mã văn bản.",
        "Two rows have the same document id.",
        "Mỗi văn bản một mã riêng.",
        "Give each document its own id."
    ),
    def!(
        "sheet.unknown_document",
        Error,
        "Dòng không gắn được với văn bản: mã văn bản không có ở trang văn bản, hoặc để trống khi bảng có nhiều văn bản.",
        "A row belongs to no document: its document id is not on the document sheet, or is blank while there are several documents.",
        "Ghi đúng mã văn bản ở cột `Mã văn bản`.",
        "Write the document's id in the `Mã văn bản` column."
    ),
    def!(
        "sheet.unknown_parent",
        Error,
        "Số thứ tự của dòng chỉ tới một dòng cha không có (ví dụ 2.1 khi không có dòng 2).",
        "A row number points to a parent row that does not exist (e.g. 2.1 without a row 2).",
        "Sửa số thứ tự.",
        "Correct the row number."
    ),
    def!(
        "sheet.too_deep",
        Error,
        "Chi tiết lồng nhau quá 16 cấp (số thứ tự như 1.1.1.1…).",
        "Parts nested more than 16 levels deep (row numbers such as 1.1.1.1…).",
        "Văn bản thật không lồng sâu như vậy; kiểm tra số thứ tự.",
        "Real documents are never this deep; check the row numbers."
    ),
    def!(
        "sheet.duplicate_row_number",
        Error,
        "Hai dòng cùng số thứ tự trong cùng văn bản.",
        "Two rows of one document have the same row number.",
        "Đánh số thứ tự không trùng.",
        "Number the rows without repeats."
    ),
    def!(
        "sheet.example_rows",
        Info,
        "Các dòng ví dụ của biểu mẫu (số thứ tự bắt đầu bằng `Ví dụ`) không được đọc.",
        "The template's example rows (row number starting with `Ví dụ`) are not read.",
        "Không cần sửa; có thể xóa các dòng ví dụ.",
        "Nothing to fix; the example rows may be deleted."
    ),
    def!(
        "sheet.total_row",
        Info,
        "Dòng tổng cộng không được đọc như một dòng dữ liệu.",
        "A total row is not read as a data row.",
        "Ghi tổng ở các cột tổng của văn bản (nếu biểu mẫu có).",
        "State totals in the document's total columns, if the template has them."
    ),
];

/// The documentation of a `sheet.*` code.
pub fn explain(code: &str) -> Option<&'static SheetFindingDef> {
    FINDINGS.iter().find(|d| d.code == code)
}

/// A finding about one cell or sheet, before its JSON Pointer and cell are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The finding code.
    pub code: &'static str,
    /// Vietnamese message.
    pub vi: String,
    /// English message.
    pub en: String,
    /// Parameters.
    pub params: Vec<(&'static str, serde_json::Value)>,
}

impl Problem {
    fn new(code: &'static str, vi: String, en: String) -> Self {
        Self {
            code,
            vi,
            en,
            params: Vec::new(),
        }
    }

    fn param(mut self, key: &'static str, value: impl Into<serde_json::Value>) -> Self {
        self.params.push((key, value.into()));
        self
    }

    /// The finding at a JSON Pointer and a cell.
    pub fn finding(&self, path: &str, cell: Option<String>) -> Finding {
        let severity = explain(self.code).map_or(Severity::Error, |d| d.severity);
        let mut f = Finding::new(self.code, severity, path, &self.vi, &self.en);
        for (k, v) in &self.params {
            f = f.param(k, v.clone());
        }
        f.cell = cell;
        f
    }

    pub(crate) fn cell_error(e: &str) -> Self {
        Self::new(
            "sheet.cell_error",
            format!("ô chứa lỗi công thức `{e}`"),
            format!("the cell holds the formula error `{e}`"),
        )
        .param("value", e)
    }

    pub(crate) fn formula_not_computed() -> Self {
        Self::new(
            "sheet.formula_not_computed",
            "ô có công thức nhưng tệp không lưu giá trị đã tính; hãy mở và lưu tệp bằng Excel hoặc LibreOffice".into(),
            "the cell has a formula but the file keeps no computed value; open and save the file in Excel or LibreOffice".into(),
        )
    }

    pub(crate) fn text_became_date(shown: &str) -> Self {
        Self::new(
            "sheet.text_became_date",
            format!("ô văn bản chứa ngày {shown}; nếu đây là số hiệu (ví dụ `10/2024`), Excel đã tự đổi thành ngày: định dạng ô là Text và ghi lại"),
            format!("a text cell holds the date {shown}; if this was a number such as `10/2024`, Excel turned it into a date: format the cell as Text and type it again"),
        )
        .param("value", shown)
    }

    pub(crate) fn invalid_number(t: &str) -> Self {
        Self::new(
            "sheet.invalid_number",
            format!("`{t}` không phải số nguyên"),
            format!("`{t}` is not a whole number"),
        )
        .param("value", t)
    }

    pub(crate) fn invalid_amount(t: &str, e: Option<&NotationError>) -> Self {
        let (vi, en) = e.map_or_else(
            || {
                (
                    format!("`{t}` không phải số tiền"),
                    format!("`{t}` is not an amount"),
                )
            },
            |e| (e.message_vi(), e.to_string()),
        );
        Self::new(
            "sheet.invalid_amount",
            format!("không đọc được số tiền: {vi}"),
            format!("cannot read the amount: {en}"),
        )
        .param("value", t)
    }

    pub(crate) fn amount_must_be_exact(t: &str) -> Self {
        Self::new(
            "sheet.amount_not_exact",
            format!("`{t}` không phải số tiền chính xác; trường này chỉ nhận số tiền chính xác"),
            format!("`{t}` is not an exact amount; this field takes an exact amount only"),
        )
        .param("value", t)
    }

    pub(crate) fn invalid_count(t: &str, e: Option<&NotationError>) -> Self {
        let (vi, en) = e.map_or_else(
            || {
                (
                    format!("`{t}` không phải số lượng"),
                    format!("`{t}` is not a count"),
                )
            },
            |e| (e.message_vi(), e.to_string()),
        );
        Self::new(
            "sheet.invalid_count",
            format!("không đọc được số lượng: {vi}"),
            format!("cannot read the count: {en}"),
        )
        .param("value", t)
    }

    pub(crate) fn invalid_date(t: &str) -> Self {
        Self::new(
            "sheet.invalid_date",
            format!("`{t}` không phải ngày có thật; ghi dạng ngày/tháng/năm, ví dụ 01/06/2024"),
            format!("`{t}` is not a real date; write day/month/year, e.g. 01/06/2024"),
        )
        .param("value", t)
    }

    pub(crate) fn serial_date(t: &str, d: chrono::NaiveDate) -> Self {
        let vi = d.format("%d/%m/%Y");
        Self::new(
            "sheet.serial_date",
            format!("số {t} được đọc là ngày {vi} (số ngày của Excel)"),
            format!("the number {t} was read as the date {d} (an Excel day number)"),
        )
        .param("value", t)
        .param("date", d.to_string())
    }

    pub(crate) fn time_ignored() -> Self {
        Self::new(
            "sheet.time_ignored",
            "ô ngày có giờ; chỉ lấy ngày".into(),
            "the date cell has a time of day; only the date is read".into(),
        )
    }

    pub(crate) fn invalid_boolean(t: &str) -> Self {
        Self::new(
            "sheet.invalid_boolean",
            format!("`{t}` không phải Có hoặc Không"),
            format!("`{t}` is not yes (`Có`) or no (`Không`)"),
        )
        .param("value", t)
    }

    pub(crate) fn invalid_share(t: &str) -> Self {
        Self::new(
            "sheet.invalid_share",
            format!("`{t}` không phải tỷ lệ; ghi dạng 0,6 hoặc 60%"),
            format!("`{t}` is not a share; write 0.6 or 60%"),
        )
        .param("value", t)
    }

    pub(crate) fn invalid_json(t: &str, why: &khuyencong::Finding) -> Self {
        let shown: String = t.chars().take(80).collect();
        let at = if why.path.is_empty() {
            String::new()
        } else {
            format!(" ({})", why.path)
        };
        Self::new(
            "sheet.invalid_json",
            format!(
                "ô không chứa JSON hợp lệ (`{shown}`){at}: {}",
                why.message_vi()
            ),
            format!(
                "the cell does not hold valid JSON (`{shown}`){at}: {}",
                why.message_en()
            ),
        )
        .param("value", shown)
        .param("reason", why.code.clone())
    }

    pub(crate) fn label_as_code(t: &str, code: &str) -> Self {
        Self::new(
            "sheet.label_as_code",
            format!("`{t}` được đọc là mã `{code}`"),
            format!("`{t}` was read as the code `{code}`"),
        )
        .param("value", t)
        .param("code", code)
    }

    pub(crate) fn unknown_kind(detail: Option<&str>) -> Self {
        let (vi, en) = detail.map_or_else(
            || (String::new(), String::new()),
            |d| (format!(" ({d})"), format!(" ({d})")),
        );
        Self::new(
            "sheet.unknown_kind",
            format!(
                "không xác định được loại văn bản: không có trang tính nào của biểu mẫu (`khuyencong template`){vi}"
            ),
            format!(
                "cannot tell the kind of document: no sheet of a template (`khuyencong template`){en}"
            ),
        )
    }

    pub(crate) fn sheet_not_read(name: &str) -> Self {
        Self::new(
            "sheet.sheet_not_read",
            format!("trang tính `{name}` không thuộc biểu mẫu; dữ liệu của nó không được đọc"),
            format!("the sheet `{name}` is not part of the template; its data is not read"),
        )
        .param("sheet", name)
    }

    pub(crate) fn no_header(name: &str) -> Self {
        Self::new(
            "sheet.no_header",
            format!("không tìm thấy dòng tiêu đề cột của trang tính `{name}`; dữ liệu của nó không được đọc"),
            format!("the header row of the sheet `{name}` is not found; its data is not read"),
        )
        .param("sheet", name)
    }

    pub(crate) fn column_not_read(header: Option<&str>, cells: usize) -> Self {
        match header {
            Some(h) => Self::new(
                "sheet.column_not_read",
                format!("cột `{h}` không thuộc biểu mẫu; {cells} ô có dữ liệu của cột không được đọc"),
                format!("the column `{h}` is not part of the template; its {cells} cell(s) with data are not read"),
            )
            .param("header", h),
            None => Self::new(
                "sheet.column_not_read",
                format!("cột không có tiêu đề; {cells} ô có dữ liệu của cột không được đọc"),
                format!("a column without a header; its {cells} cell(s) with data are not read"),
            ),
        }
        .param("cells", cells)
    }

    pub(crate) fn column_ambiguous(header: &str, keys: &[String]) -> Self {
        Self::new(
            "sheet.column_ambiguous",
            format!("tiêu đề `{header}` khớp với nhiều trường ({}); giữ tiêu đề nhóm phía trên cột như biểu mẫu", keys.join(", ")),
            format!("the header `{header}` matches several fields ({}); keep the template's group heading above the column", keys.join(", ")),
        )
        .param("header", header)
        .param("fields", keys.to_vec())
    }

    pub(crate) fn duplicate_column(header: &str) -> Self {
        Self::new(
            "sheet.duplicate_column",
            format!(
                "cột `{header}` ghi lại một trường đã có ở cột trước; chỉ cột đầu tiên được đọc"
            ),
            format!(
                "the column `{header}` repeats a field of an earlier column; only the first is read"
            ),
        )
        .param("header", header)
    }

    pub(crate) fn total_row() -> Self {
        Self::new(
            "sheet.total_row",
            "dòng tổng cộng không được đọc như một dòng dữ liệu".into(),
            "a total row is not read as a data row".into(),
        )
    }

    pub(crate) fn example_rows(count: usize) -> Self {
        Self::new(
            "sheet.example_rows",
            format!("{count} dòng ví dụ của biểu mẫu không được đọc"),
            format!("{count} example row(s) of the template are not read"),
        )
        .param("rows", count)
    }

    pub(crate) fn no_document(sheet: &str) -> Self {
        Self::new(
            "sheet.no_document",
            format!("trang tính `{sheet}` không có dòng văn bản nào"),
            format!("the sheet `{sheet}` has no document row"),
        )
        .param("sheet", sheet)
    }

    pub(crate) fn duplicate_document(id: &str) -> Self {
        Self::new(
            "sheet.duplicate_document",
            format!("mã văn bản `{id}` đã có ở một dòng trên"),
            format!("the document id `{id}` is already used on a row above"),
        )
        .param("id", id)
    }

    pub(crate) fn unknown_document(id: Option<&str>) -> Self {
        match id {
            Some(id) => Self::new(
                "sheet.unknown_document",
                format!("không có văn bản mã `{id}` ở trang văn bản; dòng này không được đọc"),
                format!("no document with the id `{id}` on the document sheet; this row is not read"),
            )
            .param("id", id),
            None => Self::new(
                "sheet.unknown_document",
                "bảng có nhiều văn bản nhưng dòng này không ghi mã văn bản; dòng này không được đọc".into(),
                "the workbook holds several documents but this row names none; this row is not read".into(),
            ),
        }
    }

    pub(crate) fn unknown_parent(number: Option<&str>) -> Self {
        match number {
            Some(n) => Self::new(
                "sheet.unknown_parent",
                format!("không có dòng số `{n}` mà dòng này thuộc về; dòng này không được đọc"),
                format!("there is no row `{n}` for this row to belong to; this row is not read"),
            )
            .param("number", n),
            None => Self::new(
                "sheet.unknown_parent",
                "dòng này không ghi thuộc dòng nào; dòng này không được đọc".into(),
                "this row does not say which row it belongs to; this row is not read".into(),
            ),
        }
    }

    pub(crate) fn too_deep(number: &str) -> Self {
        let shown: String = number.chars().take(40).collect();
        Self::new(
            "sheet.too_deep",
            format!("số thứ tự `{shown}` lồng quá 16 cấp; dòng này không được đọc"),
            format!("the row number `{shown}` nests parts more than 16 levels deep; this row is not read"),
        )
        .param("number", shown)
    }

    pub(crate) fn duplicate_row_number(number: &str) -> Self {
        Self::new(
            "sheet.duplicate_row_number",
            format!("số thứ tự `{number}` đã có ở một dòng trên"),
            format!("the row number `{number}` is already used on a row above"),
        )
        .param("number", number)
    }

    pub(crate) fn unknown_code(t: &str, list: &Codelist) -> Self {
        let near = nearest(t, list);
        let (hint_vi, hint_en) = if near.is_empty() {
            (
                "; xem trang Danh mục".to_owned(),
                "; see the Danh mục sheet".to_owned(),
            )
        } else {
            let shown = near
                .iter()
                .map(|(code, vi)| format!("`{code}` ({vi})"))
                .collect::<Vec<_>>()
                .join(", ");
            (
                format!("; có phải: {shown}?"),
                format!("; did you mean {shown}?"),
            )
        };
        Self::new(
            "sheet.unknown_code",
            format!("`{t}` không có trong danh mục `{}`{hint_vi}", list.name),
            format!("`{t}` is not in the code list `{}`{hint_en}", list.name),
        )
        .param("value", t)
        .param("codelist", list.name.clone())
        .param(
            "suggestions",
            near.iter().map(|(c, _)| c.clone()).collect::<Vec<_>>(),
        )
    }
}

/// Up to three codes nearest a wrong value: by edit distance to the code and to the
/// labels, and by shared words.
fn nearest(t: &str, list: &Codelist) -> Vec<(String, String)> {
    let f = fold(t);
    let words: Vec<&str> = f.split([' ', '_']).filter(|w| w.len() > 2).collect();
    let mut scored: Vec<(usize, &str, &str)> = list
        .values
        .iter()
        .zip(&list.folded)
        .map(|(c, [code, vi, en])| {
            let d = [distance(&f, code), distance(&f, vi), distance(&f, en)]
                .into_iter()
                .min()
                .unwrap_or(usize::MAX);
            let shared = words
                .iter()
                .filter(|w| code.contains(**w) || vi.contains(**w) || en.contains(**w))
                .count();
            // A shared word counts as much as three edits.
            (d.saturating_sub(3 * shared), c.code.as_str(), c.vi.as_str())
        })
        .collect();
    scored.sort_unstable();
    // Near enough to be a slip, and not much farther than the nearest.
    let best = scored.first().map_or(0, |(d, _, _)| *d);
    let limit = (f.chars().count().max(4) / 2 + 2).min(best + 2);
    scored
        .into_iter()
        .filter(|(d, _, _)| *d <= limit)
        .take(3)
        .map(|(_, c, vi)| (c.to_owned(), vi.to_owned()))
        .collect()
}

/// Levenshtein distance by characters, bounded in cost by the (short) texts of code lists.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(200).collect();
    let b: Vec<char> = b.chars().take(200).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Code;

    fn list() -> Codelist {
        let code = |c: &str, vi: &str| Code {
            code: c.into(),
            vi: vi.into(),
            en: c.replace('_', " "),
            description: String::new(),
        };
        Codelist::new(
            "FundingSource",
            vec![
                code("national_extension_fund", "Ngân sách trung ương"),
                code("local_budget_provincial", "Ngân sách cấp tỉnh"),
                code("counterpart", "Vốn đối ứng"),
            ],
        )
    }

    #[test]
    fn a_wrong_code_names_the_codes_it_may_have_meant() {
        let p = Problem::unknown_code("counterpar", &list());
        assert!(p.en.contains("`counterpart`"), "{}", p.en);
        let p = Problem::unknown_code("local_budget", &list());
        assert!(p.en.contains("`local_budget_provincial`"), "{}", p.en);
        let p = Problem::unknown_code("xyz", &list());
        assert!(p.en.ends_with("see the Danh mục sheet"), "{}", p.en);
    }

    #[test]
    fn every_code_is_documented_once() {
        for d in FINDINGS {
            assert!(d.code.starts_with("sheet."));
            assert_eq!(
                FINDINGS.iter().filter(|e| e.code == d.code).count(),
                1,
                "{}",
                d.code
            );
        }
    }
}

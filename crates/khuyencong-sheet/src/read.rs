//! From grids of cells to documents: which sheet holds which part, which column holds which
//! value, which row belongs to which document; and, for every value read, the cell it came
//! from, so that every finding can name its cell.

use std::collections::{BTreeMap, HashMap, HashSet};

use khuyencong::document::{CheckOptions, Checked, check_bytes};
use khuyencong::finding::escape_token;
use khuyencong::{Finding, Severity};
use serde_json::{Map, Value};

use crate::findings::Problem;
use crate::grid::{CellRef, Grid, GridRow};
use crate::layout::{CODELISTS_SHEET, INSTRUCTIONS_SHEET, Layout, SheetSpec};
use crate::text::{clean, fold};
use crate::value::{self, Read};

/// The special columns every sheet may have besides its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Special {
    /// The row number (STT): `1`, `2`, `2.1` for a part of row 2.
    Number,
    /// The id of the document the row belongs to.
    Document,
    /// The row number of the row this row belongs to, on the parent sheet.
    Parent,
}

impl Special {
    /// Header texts, Vietnamese first (the template's), then what people also write.
    pub(crate) const fn labels(self) -> &'static [&'static str] {
        match self {
            Self::Number => &["STT", "No.", "số tt", "tt", "số thứ tự", "no", "#"],
            Self::Document => &["Mã văn bản", "Document id", "document", "document_id"],
            Self::Parent => &["Thuộc dòng", "Parent row", "dòng cha", "parent"],
        }
    }
}

/// What a column of a grid holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Target {
    Value(usize),
    Special(Special),
}

/// Where a document's values were read from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Locator {
    /// For each item (the document, a row of a part), its JSON Pointer → layout sheet and row.
    items: BTreeMap<String, (usize, u32)>,
    /// For each layout sheet read: its name in references, its header row and the grid
    /// column of each of its columns.
    sheets: BTreeMap<usize, SheetPlace>,
}

#[derive(Debug, Clone, Default)]
struct SheetPlace {
    display: String,
    header_row: u32,
    columns: HashMap<usize, u32>,
}

/// One document read from a workbook, with where each of its values came from.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SheetDocument {
    /// The kind of document, when the workbook says.
    pub kind: Option<String>,
    /// The document's `id`, when stated.
    pub id: Option<String>,
    /// The document in its JSON form, as read (`None` when nothing could be read).
    pub json: Option<Value>,
    /// What reading found (codes `sheet.*`), each with its cell.
    pub findings: Vec<Finding>,
    /// The workbook's name, for messages.
    pub source: String,
    locator: Locator,
    layout: Option<std::sync::Arc<Layout>>,
    book: Option<std::sync::Arc<Book>>,
}

impl SheetDocument {
    /// The sheets the document was read from (shared by the documents of one workbook).
    pub fn book(&self) -> Option<&Book> {
        self.book.as_deref()
    }

    /// The sheets the document was read from, shared (to keep them after the document).
    pub fn shared_book(&self) -> Option<std::sync::Arc<Book>> {
        self.book.clone()
    }

    pub(crate) fn unreadable(source: &str, finding: Finding) -> Self {
        Self {
            kind: None,
            id: None,
            json: None,
            findings: vec![finding],
            source: source.to_owned(),
            locator: Locator::default(),
            layout: None,
            book: None,
        }
    }

    /// Whether reading found an error (a cell that could not be read, a row that belongs
    /// nowhere…).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The document's JSON text, as the core reads it (empty when nothing could be read).
    pub fn to_json_bytes(&self) -> Vec<u8> {
        self.json
            .as_ref()
            .and_then(|v| serde_json::to_vec(v).ok())
            .unwrap_or_default()
    }

    /// The layout the document was read with.
    pub fn layout(&self) -> Option<&Layout> {
        self.layout.as_deref()
    }

    /// The cell (or row) a JSON Pointer of this document was read from.
    pub fn locate(&self, pointer: &str) -> Option<CellRef> {
        let layout = self.layout.as_deref()?;
        // The item whose pointer is the longest prefix of `pointer` at a token boundary.
        let mut at = pointer;
        let (item, (sheet, row)) = loop {
            if let Some(place) = self.locator.items.get(at) {
                break (at, *place);
            }
            let cut = at.rfind('/')?;
            at = &at[..cut];
        };
        let place = self.locator.sheets.get(&sheet)?;
        let rest: Vec<String> = pointer[item.len()..]
            .split('/')
            .skip(1)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect();
        let spec = layout.sheets.get(sheet)?;
        if !rest.is_empty() {
            // A child sheet: point at its header.
            if let Some((child, _)) = layout
                .sheets
                .iter()
                .enumerate()
                .find(|(_, s)| s.parent == Some(sheet) && s.path == rest)
                && let Some(cp) = self.locator.sheets.get(&child)
            {
                return Some(CellRef {
                    sheet: cp.display.clone(),
                    row: cp.header_row,
                    col: None,
                });
            }
            // The value's column, or the first column of an object, or the column of an
            // array of codes for one of its items.
            for len in (1..=rest.len()).rev() {
                let prefix = &rest[..len];
                let found = spec
                    .columns
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.path.len() >= len && c.path[..len] == *prefix)
                    .find_map(|(i, _)| place.columns.get(&i));
                if let Some(col) = found {
                    if row == u32::MAX {
                        return None;
                    }
                    return Some(CellRef {
                        sheet: place.display.clone(),
                        row,
                        col: Some(*col),
                    });
                }
            }
        }
        (row != u32::MAX).then(|| CellRef {
            sheet: place.display.clone(),
            row,
            col: None,
        })
    }

    /// Checks the document with the core: the core's findings, each with its cell, merged
    /// with what reading found. A core finding about a value reading already reported as
    /// unreadable (it was left out, so the core may miss it) is dropped, so that each
    /// problem is said once, at its cell.
    pub fn check(&self, options: &CheckOptions) -> Checked {
        let Some(json) = &self.json else {
            return Checked::unreadable(None, None, self.findings.clone());
        };
        let bytes = serde_json::to_vec(json).unwrap_or_default();
        let mut checked = check_bytes(&bytes, options);
        let unreadable: HashSet<&str> = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.code.starts_with("sheet."))
            .map(|f| f.path.as_str())
            .collect();
        checked.findings.retain(|f| {
            if !f.code.starts_with("structure.") {
                return true;
            }
            let target = target_pointer(f);
            !unreadable.iter().any(|p| {
                !p.is_empty()
                    && (target == *p
                        || target.starts_with(&format!("{p}/"))
                        || p.starts_with(&format!("{target}/"))
                            && f.code == "structure.invalid_length")
            })
        });
        for f in &mut checked.findings {
            if f.cell.is_none() {
                f.cell = self.locate(&target_pointer(f)).map(|c| c.a1());
            }
        }
        checked.findings.extend(self.findings.iter().cloned());
        Finding::sort(&mut checked.findings);
        if checked.kind.is_none() {
            checked.kind = self.kind.as_deref().and_then(kind_code);
        }
        if checked.id.is_none() {
            checked.id.clone_from(&self.id);
        }
        checked
    }
}

fn kind_code(kind: &str) -> Option<khuyencong::document::DocumentKind> {
    serde_json::from_value(Value::String(kind.to_owned())).ok()
}

/// The pointer a finding is about: for a missing field, the field itself (where its cell
/// would be), otherwise its path.
fn target_pointer(f: &Finding) -> String {
    if f.code == "structure.missing_field"
        && let Some(field) = f.params().get("field").and_then(Value::as_str)
    {
        return format!("{}/{}", f.path, escape_token(field));
    }
    f.path.clone()
}

/// Headers found on a grid for a sheet of the layout.
struct Header {
    /// The last header row (data starts below).
    last: u32,
    /// The grid column of each target.
    targets: Vec<(u32, Target)>,
    /// Grid columns with a header the layout does not know: column, header text.
    unknown: Vec<(u32, String)>,
    /// Problems found reading the header (duplicate or ambiguous columns), with the cell.
    problems: Vec<(Problem, u32, u32)>,
}

/// The texts a sheet's columns answer to, folded.
#[derive(Debug, Clone, Default)]
pub(crate) struct Labels {
    exact: HashMap<String, Vec<Target>>,
    groups: HashSet<String>,
}

impl Labels {
    pub(crate) fn of(spec: &SheetSpec) -> Self {
        let mut exact: HashMap<String, Vec<Target>> = HashMap::new();
        let mut add = |text: &str, t: Target| {
            let f = fold(text);
            if f.is_empty() {
                return;
            }
            let list = exact.entry(f).or_default();
            if !list.contains(&t) {
                list.push(t);
            }
        };
        for (i, c) in spec.columns.iter().enumerate() {
            let t = Target::Value(i);
            add(&c.vi, t);
            add(&c.en, t);
            add(&c.key, t);
            add(&c.path.join("/"), t);
            add(&format!("{} / {}", c.vi, c.en), t);
        }
        for s in [Special::Number, Special::Document, Special::Parent] {
            for l in s.labels() {
                add(l, Target::Special(s));
            }
        }
        let mut groups = HashSet::new();
        for c in &spec.columns {
            for g in &c.groups {
                groups.insert(fold(&g.vi));
                groups.insert(fold(&g.en));
                groups.insert(fold(&format!("{} / {}", g.vi, g.en)));
            }
        }
        Self { exact, groups }
    }

    /// The columns a folded heading names.
    fn lookup(&self, f: &str) -> Option<&Vec<Target>> {
        self.exact.get(f).or_else(|| {
            // "Tiếng Việt / English" written differently from the template.
            f.split(" / ").find_map(|part| self.exact.get(part.trim()))
        })
    }

    /// Whether a folded heading is a group heading.
    fn is_group(&self, f: &str) -> bool {
        self.groups.contains(f) || f.split(" / ").any(|p| self.groups.contains(p.trim()))
    }
}

/// The deepest "trong đó" part read: row number `1.2.3…` with at most this many numbers
/// (documents nest parts two or three deep; the core reads 128 levels of JSON).
const MAX_PART_DEPTH: usize = 16;

/// How many rows from the top may hold headers (titles above them included).
const HEADER_SCAN: u32 = 20;

/// The text of each header cell, with merged ranges spread over every cell they cover.
fn header_texts(grid: &Grid, rows: &[&GridRow]) -> BTreeMap<(u32, u32), (String, String)> {
    let mut out = BTreeMap::new();
    for row in rows {
        for (c, cell) in &row.cells {
            let t = clean(&cell.text());
            if !t.is_empty() {
                let f = fold(&t);
                out.insert((row.index, *c), (t, f));
            }
        }
    }
    let indexes: HashSet<u32> = rows.iter().map(|r| r.index).collect();
    for m in &grid.merges {
        let Some(text) = out.get(&(m.first_row, m.first_col)).cloned() else {
            continue;
        };
        let width = m.last_col.saturating_sub(m.first_col);
        // Spread a merge over at most 200 columns and the header rows.
        for r in m.first_row..=m.last_row.min(m.first_row.saturating_add(HEADER_SCAN)) {
            if !indexes.contains(&r) {
                continue;
            }
            for c in m.first_col..=m.first_col.saturating_add(width.min(200)) {
                out.entry((r, c)).or_insert_with(|| text.clone());
            }
        }
    }
    out
}

fn find_header(grid: &Grid, spec: &SheetSpec, labels: &Labels) -> Option<Header> {
    let top: Vec<&GridRow> = grid.rows.iter().take(HEADER_SCAN as usize).collect();
    let texts = header_texts(grid, &top);
    // Headings and group headings found on each row.
    let mut heading_hits: HashMap<u32, usize> = HashMap::new();
    let mut group_hits: HashMap<u32, usize> = HashMap::new();
    for ((row, _), (_, f)) in &texts {
        if labels.lookup(f).is_some() {
            *heading_hits.entry(*row).or_default() += 1;
        }
        if labels.is_group(f) {
            *group_hits.entry(*row).or_default() += 1;
        }
    }
    let hits = |r: u32| heading_hits.get(&r).copied().unwrap_or(0);
    let groups = |r: u32| group_hits.get(&r).copied().unwrap_or(0);
    let (best_pos, best) = top
        .iter()
        .enumerate()
        .map(|(i, r)| (i, hits(r.index)))
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
    if best == 0 {
        return None;
    }
    // The header block: the best row, group rows above it, and header rows right below
    // it (the English row), each the next row of the grid.
    let mut first = best_pos;
    while first > 0
        && top[first - 1].index + 1 == top[first].index
        && (groups(top[first - 1].index) > 0 || hits(top[first - 1].index) > 0)
    {
        first -= 1;
    }
    let mut last = best_pos;
    while last + 1 < top.len()
        && top[last + 1].index == top[last].index + 1
        && hits(top[last + 1].index) * 2 >= best.max(1)
    {
        last += 1;
    }
    let block: Vec<u32> = top[first..=last].iter().map(|r| r.index).collect();
    let mut columns: Vec<u32> = texts
        .keys()
        .filter(|(r, _)| block.contains(r))
        .map(|(_, c)| *c)
        .collect();
    columns.sort_unstable();
    columns.dedup();
    let mut targets: Vec<(u32, Target)> = Vec::new();
    let mut unknown = Vec::new();
    let mut problems = Vec::new();
    for c in columns {
        let own: Vec<&(String, String)> =
            block.iter().filter_map(|r| texts.get(&(*r, c))).collect();
        let mut candidates: Option<Vec<Target>> = None;
        for (_, f) in &own {
            if let Some(found) = labels.lookup(f) {
                candidates = Some(match candidates {
                    None => found.clone(),
                    Some(prev) => {
                        let both: Vec<Target> =
                            prev.iter().copied().filter(|x| found.contains(x)).collect();
                        if both.is_empty() { prev } else { both }
                    }
                });
            }
        }
        let Some(mut candidates) = candidates else {
            if let Some((t, _)) = own.last() {
                unknown.push((c, t.clone()));
            }
            continue;
        };
        if candidates.len() > 1 {
            // Group headings above the column: its own cells, or the nearest heading to
            // its left on the same row (a heading written once over several columns).
            let mut context: Vec<&str> = own.iter().map(|(_, f)| f.as_str()).collect();
            for (i, r) in block.iter().enumerate() {
                if let Some(((_, h), (_, f))) = texts.range((*r, 0)..=(*r, c)).next_back() {
                    // A heading spans the columns to its right until a heading on a row
                    // above starts (an outer group, or a field whose heading is there).
                    let ended = *h < c
                        && block[..i].iter().any(|above| {
                            texts.range((*above, h + 1)..=(*above, c)).next().is_some()
                        });
                    if !ended {
                        context.push(f);
                    }
                }
            }
            let score = |t: &Target| match t {
                Target::Value(i) => spec.columns[*i]
                    .groups
                    .iter()
                    .filter(|g| {
                        let (vi, en) = (fold(&g.vi), fold(&g.en));
                        context.iter().any(|x| {
                            *x == vi || *x == en || x.split(" / ").any(|p| p == vi || p == en)
                        })
                    })
                    .count(),
                Target::Special(_) => 0,
            };
            let best = candidates.iter().map(score).max().unwrap_or(0);
            candidates.retain(|t| score(t) == best);
            // Without headings, the column with the fewest groups (the plain field).
            if candidates.len() > 1 {
                let depth = |t: &Target| match t {
                    Target::Value(i) => spec.columns[*i].groups.len(),
                    Target::Special(_) => 0,
                };
                let least = candidates.iter().map(depth).min().unwrap_or(0);
                let shallow: Vec<Target> = candidates
                    .iter()
                    .copied()
                    .filter(|t| depth(t) == least)
                    .collect();
                if shallow.len() == 1 && best == 0 && least == 0 {
                    candidates = shallow;
                }
            }
        }
        let row = block.last().copied().unwrap_or_default();
        let name = own.last().map(|(s, _)| s.as_str()).unwrap_or_default();
        if let [t] = candidates[..] {
            if targets.iter().any(|(_, x)| *x == t) {
                problems.push((Problem::duplicate_column(name), row, c));
            } else {
                targets.push((c, t));
            }
        } else {
            let keys: Vec<String> = candidates
                .iter()
                .filter_map(|t| match t {
                    Target::Value(i) => Some(spec.columns[*i].key.clone()),
                    Target::Special(_) => None,
                })
                .collect();
            problems.push((Problem::column_ambiguous(name, &keys), row, c));
        }
    }
    Some(Header {
        last: block.last().copied().unwrap_or_default(),
        targets,
        unknown,
        problems,
    })
}

/// How well a grid's headers fit a sheet: the number of its columns found.
fn header_score(grid: &Grid, spec: &SheetSpec) -> usize {
    find_header(grid, spec, spec.labels()).map_or(0, |h| {
        h.targets
            .iter()
            .filter(|(_, t)| matches!(t, Target::Value(_)))
            .count()
    })
}

/// One data row of a sheet, read.
#[derive(Debug)]
struct RowRead {
    row: u32,
    number: Option<(String, u32)>,
    document: Option<(String, u32)>,
    parent: Option<(String, u32)>,
    values: Vec<(usize, Value)>,
    problems: Vec<(usize, Problem)>,
}

/// A sheet of the layout, as read from a grid.
struct SheetRead {
    spec: usize,
    display: String,
    header_row: u32,
    columns: HashMap<usize, u32>,
    rows: Vec<RowRead>,
    /// Findings about the sheet itself (columns, example and total rows), with their cells.
    findings: Vec<Finding>,
}

const EXAMPLE_MARKS: &[&str] = &["ví dụ", "example", "vd"];
const TOTAL_MARKS: &[&str] = &["tổng cộng", "tổng", "cộng", "total", "tổng số"];

fn read_sheet(grid: &Grid, layout: &Layout, spec_index: usize) -> SheetRead {
    let spec = &layout.sheets[spec_index];
    let labels = spec.labels();
    let mut out = SheetRead {
        spec: spec_index,
        display: grid.display.clone(),
        header_row: 0,
        columns: HashMap::new(),
        rows: Vec::new(),
        findings: Vec::new(),
    };
    let at = |row: u32, col: Option<u32>| {
        Some(
            CellRef {
                sheet: grid.display.clone(),
                row,
                col,
            }
            .a1(),
        )
    };
    let Some(header) = find_header(grid, spec, labels) else {
        if grid.rows.iter().any(|r| !r.is_blank()) {
            out.findings
                .push(Problem::no_header(&spec.name).finding("", at(0, None)));
        }
        return out;
    };
    out.header_row = header.last;
    for (p, r, c) in &header.problems {
        out.findings.push(p.finding("", at(*r, Some(*c))));
    }
    let mut special: HashMap<Special, u32> = HashMap::new();
    for (c, t) in &header.targets {
        match t {
            Target::Value(i) => {
                out.columns.insert(*i, *c);
            }
            Target::Special(s) => {
                special.insert(*s, *c);
            }
        }
    }
    let known: HashSet<u32> = header.targets.iter().map(|(c, _)| *c).collect();
    let mut stray: BTreeMap<u32, (u32, usize)> = BTreeMap::new();
    let mut examples = 0usize;
    let mut first_example = None;
    for row in grid.rows.iter().filter(|r| r.index > header.last) {
        if row.is_blank() {
            continue;
        }
        let text_at = |c: Option<&u32>| {
            c.map(|c| clean(&row.get(*c).text()))
                .filter(|t| !t.is_empty())
        };
        let number = text_at(special.get(&Special::Number));
        if let Some(n) = &number {
            let f = fold(n);
            if EXAMPLE_MARKS.iter().any(|m| f.starts_with(m)) {
                examples += 1;
                first_example.get_or_insert(row.index);
                continue;
            }
        }
        let first_text = row
            .cells
            .iter()
            .find(|(_, c)| !c.is_blank())
            .map(|(_, c)| fold(&c.text()));
        if number
            .iter()
            .map(|n| fold(n))
            .chain(first_text)
            .any(|t| TOTAL_MARKS.contains(&t.as_str()))
        {
            out.findings
                .push(Problem::total_row().finding("", at(row.index, None)));
            continue;
        }
        let mut read = RowRead {
            row: row.index,
            number: number.zip(special.get(&Special::Number).copied()),
            document: text_at(special.get(&Special::Document))
                .zip(special.get(&Special::Document).copied()),
            parent: text_at(special.get(&Special::Parent))
                .zip(special.get(&Special::Parent).copied()),
            values: Vec::new(),
            problems: Vec::new(),
        };
        for (i, col) in &out.columns {
            let column = &spec.columns[*i];
            match value::read(row.get(*col), column.value, &layout.codelists) {
                Read::Blank => {}
                Read::Value(v) => read.values.push((*i, v)),
                Read::Noted(v, p) => {
                    read.values.push((*i, v));
                    read.problems.push((*i, p));
                }
                Read::Problem(p) => read.problems.push((*i, p)),
            }
        }
        for (c, cell) in &row.cells {
            if !known.contains(c) && !cell.is_blank() {
                let e = stray.entry(*c).or_insert((row.index, 0));
                e.1 += 1;
            }
        }
        read.values.sort_by_key(|(i, _)| *i);
        read.problems.sort_by_key(|(i, _)| *i);
        out.rows.push(read);
    }
    for (c, (row, count)) in stray {
        let name = header
            .unknown
            .iter()
            .find(|(uc, _)| *uc == c)
            .map(|(_, t)| t.clone());
        out.findings
            .push(Problem::column_not_read(name.as_deref(), count).finding("", at(row, Some(c))));
    }
    if let Some(row) = first_example {
        out.findings
            .push(Problem::example_rows(examples).finding("", at(row, None)));
    }
    out
}

/// A workbook's tables, before they are read as documents.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Book {
    /// The name of the file, for messages.
    pub source: String,
    /// The tables.
    pub grids: Vec<Grid>,
    /// What reading the file itself noted (its encoding, say).
    pub notes: Vec<Finding>,
}

impl Book {
    /// A book of these grids.
    pub fn new(source: impl Into<String>, grids: Vec<Grid>) -> Self {
        Self {
            source: source.into(),
            grids,
            notes: Vec::new(),
        }
    }
}

pub(crate) fn is_reserved(name: &str) -> bool {
    let f = fold(name);
    f == fold(INSTRUCTIONS_SHEET)
        || f == fold(CODELISTS_SHEET)
        || f == "instructions"
        || f == "codes"
}

/// Which layout sheet each grid holds (or none), for one layout; and how well it fits.
fn assign(book: &Book, layout: &Layout) -> (Vec<Option<usize>>, usize) {
    let mut out = vec![None; book.grids.len()];
    let mut score = 0;
    let mut taken = HashSet::new();
    for (g, grid) in book.grids.iter().enumerate() {
        if let Some(s) = grid.name.as_deref().and_then(|n| layout.sheet_named(n))
            && taken.insert(s)
        {
            out[g] = Some(s);
            score += if s == 0 { 100 } else { 10 };
        }
    }
    for (g, grid) in book.grids.iter().enumerate() {
        if out[g].is_some() || grid.name.as_deref().is_some_and(is_reserved) {
            continue;
        }
        let best = layout
            .sheets
            .iter()
            .enumerate()
            .filter(|(s, _)| !taken.contains(s))
            .map(|(s, spec)| (header_score(grid, spec), s))
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)));
        if let Some((fit, s)) = best
            && fit >= 2
        {
            taken.insert(s);
            out[g] = Some(s);
            score += fit;
        }
    }
    (out, score)
}

/// Reads the documents a book holds, of the given kind, or of the kind its sheets say.
///
/// Never fails: a book that holds no document gives one [`SheetDocument`] without JSON,
/// whose findings say why.
pub fn read_book(book: &Book, kind: Option<&str>) -> Vec<SheetDocument> {
    let layouts: Vec<std::sync::Arc<Layout>> = match kind {
        Some(k) => match Layout::of(k) {
            Ok(l) => vec![l],
            Err(e) => {
                return vec![SheetDocument::unreadable(
                    &book.source,
                    Problem::unknown_kind(Some(&e.to_string())).finding("", None),
                )];
            }
        },
        None => crate::layout::layouts().to_vec(),
    };
    let best = layouts
        .into_iter()
        .map(|l| {
            let (assigned, score) = assign(book, &l);
            (score, assigned, l)
        })
        .max_by_key(|(score, _, _)| *score);
    let Some((score, assigned, layout)) = best else {
        return vec![SheetDocument::unreadable(
            &book.source,
            Problem::unknown_kind(None).finding("", None),
        )];
    };
    if score == 0 && kind.is_none() {
        let mut doc =
            SheetDocument::unreadable(&book.source, Problem::unknown_kind(None).finding("", None));
        doc.findings.extend(book.notes.iter().cloned());
        return vec![doc];
    }
    read_assigned(book, layout, &assigned)
}

/// Reads the documents a book holds in a given layout (of a schema of one's own, say, as
/// [`Layout::from_schema`] makes it).
pub fn read_book_as(book: &Book, layout: std::sync::Arc<Layout>) -> Vec<SheetDocument> {
    // Tables without a name (a CSV file) may hold this layout's sheets one under another.
    let mut titles: Vec<String> = Vec::new();
    for s in &layout.sheets {
        titles.push(fold(&s.name));
        titles.push(fold(&s.name_en));
    }
    let mut split = book.clone();
    split.grids = book
        .grids
        .iter()
        .flat_map(|g| {
            if g.name.is_none() {
                crate::input::split_sections(g.clone(), &titles)
            } else {
                vec![g.clone()]
            }
        })
        .collect();
    let (assigned, _) = assign(&split, &layout);
    read_assigned(&split, layout, &assigned)
}

#[allow(clippy::needless_pass_by_value)] // the documents share the layout
fn read_assigned(
    book: &Book,
    layout: std::sync::Arc<Layout>,
    assigned: &[Option<usize>],
) -> Vec<SheetDocument> {
    let mut workbook_findings: Vec<Finding> = book.notes.clone();
    let mut sheets: Vec<SheetRead> = Vec::new();
    for (g, grid) in book.grids.iter().enumerate() {
        if let Some(s) = assigned[g] {
            sheets.push(read_sheet(grid, &layout, s));
            continue;
        }
        if grid.name.as_deref().is_some_and(is_reserved) {
            continue;
        }
        // A sheet with data that no part of the document takes: say so, at its first cell.
        let first = grid.rows.iter().find_map(|r| {
            r.cells
                .iter()
                .find(|(_, c)| !c.is_blank())
                .map(|(c, _)| (r.index, *c))
        });
        if let Some((row, col)) = first {
            let name = grid.name.clone().unwrap_or_else(|| grid.display.clone());
            let at = CellRef {
                sheet: grid.display.clone(),
                row,
                col: Some(col),
            };
            workbook_findings.push(Problem::sheet_not_read(&name).finding("", Some(at.a1())));
        }
    }
    for s in &mut sheets {
        workbook_findings.append(&mut s.findings);
    }
    assemble(book, &layout, sheets, workbook_findings)
}

/// One item of a document: the document itself or a row of one of its parts.
struct Node {
    sheet: usize,
    row: u32,
    /// The path from the parent item to the array this item is in.
    via: Vec<String>,
    values: Vec<(usize, Value)>,
    problems: Vec<(usize, Problem)>,
    children: Vec<usize>,
}

fn set_path(obj: &mut Map<String, Value>, path: &[String], value: Value) {
    let Some((last, init)) = path.split_last() else {
        return;
    };
    let mut at = obj;
    for key in init {
        let entry = at
            .entry(key.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        let Value::Object(next) = entry else {
            return;
        };
        at = next;
    }
    at.insert(last.clone(), value);
}

fn pointer_of(base: &str, path: &[String]) -> String {
    let mut p = base.to_owned();
    for t in path {
        p.push('/');
        p.push_str(&escape_token(t));
    }
    p
}

#[allow(clippy::too_many_lines)]
fn assemble(
    book: &Book,
    layout: &std::sync::Arc<Layout>,
    sheets: Vec<SheetRead>,
    mut workbook_findings: Vec<Finding>,
) -> Vec<SheetDocument> {
    let mut nodes: Vec<Node> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut places: BTreeMap<usize, SheetPlace> = BTreeMap::new();
    for s in &sheets {
        places.insert(
            s.spec,
            SheetPlace {
                display: s.display.clone(),
                header_row: s.header_row,
                columns: s.columns.clone(),
            },
        );
    }
    let cell = |sheet: usize, row: u32, col: u32| {
        places.get(&sheet).map(|p| {
            CellRef {
                sheet: p.display.clone(),
                row,
                col: Some(col),
            }
            .a1()
        })
    };
    let id_column = layout.sheets[0]
        .columns
        .iter()
        .position(|c| c.path == ["id"]);
    let mut by_sheet: BTreeMap<usize, Vec<RowRead>> = BTreeMap::new();
    for s in sheets {
        by_sheet.entry(s.spec).or_default().extend(s.rows);
    }
    // The documents: one per row of the document sheet.
    let mut ids: Vec<Option<String>> = Vec::new();
    for r in by_sheet.remove(&0).unwrap_or_default() {
        let id = id_column.and_then(|i| {
            r.values
                .iter()
                .find(|(c, _)| *c == i)
                .and_then(|(_, v)| v.as_str().map(str::to_owned))
        });
        if let Some(id) = &id
            && ids.iter().flatten().any(|x| x == id)
            && let Some(col) =
                id_column.and_then(|i| places.get(&0).and_then(|p| p.columns.get(&i)))
        {
            workbook_findings
                .push(Problem::duplicate_document(id).finding("", cell(0, r.row, *col)));
        }
        ids.push(id);
        let n = nodes.len();
        nodes.push(Node {
            sheet: 0,
            row: r.row,
            via: Vec::new(),
            values: r.values,
            problems: r.problems,
            children: Vec::new(),
        });
        roots.push(n);
    }
    if roots.is_empty() {
        let has_parts = by_sheet.values().any(|rows| !rows.is_empty());
        let at = places.get(&0).map(|p| {
            CellRef {
                sheet: p.display.clone(),
                row: p.header_row.saturating_add(1),
                col: None,
            }
            .a1()
        });
        workbook_findings.push(Problem::no_document(&layout.sheets[0].name).finding("", at));
        if !has_parts {
            return vec![SheetDocument {
                kind: Some(layout.kind.clone()),
                id: None,
                json: None,
                findings: workbook_findings,
                source: book.source.clone(),
                locator: Locator::default(),
                layout: Some(layout.clone()),
                book: Some(std::sync::Arc::new(book.clone())),
            }];
        }
        // The parts still make one document (without the document sheet's values), so
        // that what they hold is checked.
        nodes.push(Node {
            sheet: 0,
            row: u32::MAX,
            via: Vec::new(),
            values: Vec::new(),
            problems: Vec::new(),
            children: Vec::new(),
        });
        roots.push(0);
        ids.push(None);
    }
    let mut row_findings: Vec<(usize, Finding)> = Vec::new();
    let row_ref = |sheet: usize, row: u32| {
        places.get(&sheet).map(|p| {
            CellRef {
                sheet: p.display.clone(),
                row,
                col: None,
            }
            .a1()
        })
    };
    // Documents by id (the first of a repeated id).
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (d, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            by_id.entry(id.as_str()).or_insert(d);
        }
    }
    // Items by (sheet, document, row number), and the items of each (sheet, document).
    let mut numbered: HashMap<(usize, usize, String), usize> = HashMap::new();
    let mut items_of: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    // The parts, sheet by sheet (a sheet always comes after the sheet it belongs to).
    for (sheet_index, spec) in layout.sheets.iter().enumerate().skip(1) {
        let rows = by_sheet.remove(&sheet_index).unwrap_or_default();
        let parent_sheet = spec.parent.unwrap_or(0);
        for r in rows {
            // The document.
            let document = match &r.document {
                Some((id, col)) => {
                    if let Some(d) = by_id.get(id.as_str()) {
                        *d
                    } else {
                        row_findings.push((
                            usize::MAX,
                            Problem::unknown_document(Some(id))
                                .finding("", cell(sheet_index, r.row, *col)),
                        ));
                        continue;
                    }
                }
                None if roots.len() == 1 => 0,
                None => {
                    let at = row_ref(sheet_index, r.row);
                    row_findings
                        .push((usize::MAX, Problem::unknown_document(None).finding("", at)));
                    continue;
                }
            };
            // The item of the parent sheet this row belongs to.
            let owner = if parent_sheet == 0 {
                Some(roots[document])
            } else {
                match &r.parent {
                    Some((number, _)) => numbered
                        .get(&(parent_sheet, document, number.clone()))
                        .copied(),
                    None => match items_of.get(&(parent_sheet, document)).map(Vec::as_slice) {
                        Some([only]) => Some(*only),
                        _ => None,
                    },
                }
            };
            let Some(owner) = owner else {
                let at = match &r.parent {
                    Some((_, col)) => cell(sheet_index, r.row, *col),
                    None => row_ref(sheet_index, r.row),
                };
                let number = r.parent.as_ref().map(|(t, _)| t.as_str());
                row_findings.push((document, Problem::unknown_parent(number).finding("", at)));
                continue;
            };
            // A part of another row of the same sheet ("2.1" under "2").
            let mut parent = owner;
            let mut via = spec.path.clone();
            if let Some((number, col)) = &r.number {
                if spec.recursive.is_some() && number.split('.').count() > MAX_PART_DEPTH {
                    row_findings.push((
                        document,
                        Problem::too_deep(number).finding("", cell(sheet_index, r.row, *col)),
                    ));
                    continue;
                }
                if let Some(recursive) = &spec.recursive
                    && let Some((up, _)) = number.rsplit_once('.')
                {
                    if let Some(p) = numbered.get(&(sheet_index, document, up.to_owned())) {
                        parent = *p;
                        via.clone_from(recursive);
                    } else {
                        row_findings.push((
                            document,
                            Problem::unknown_parent(Some(up))
                                .finding("", cell(sheet_index, r.row, *col)),
                        ));
                        continue;
                    }
                }
                match numbered.entry((sheet_index, document, number.clone())) {
                    std::collections::hash_map::Entry::Occupied(_) => row_findings.push((
                        document,
                        Problem::duplicate_row_number(number)
                            .finding("", cell(sheet_index, r.row, *col)),
                    )),
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(nodes.len());
                    }
                }
            }
            let n = nodes.len();
            items_of.entry((sheet_index, document)).or_default().push(n);
            nodes.push(Node {
                sheet: sheet_index,
                row: r.row,
                via,
                values: r.values,
                problems: r.problems,
                children: Vec::new(),
            });
            nodes[parent].children.push(n);
        }
    }
    // Build each document, top down, giving every item its pointer.
    let mut out = Vec::with_capacity(roots.len());
    let shared = std::sync::Arc::new(book.clone());
    for (d, root) in roots.iter().enumerate() {
        let mut locator = Locator {
            items: BTreeMap::new(),
            sheets: places.clone(),
        };
        let mut findings: Vec<Finding> = if d == 0 {
            workbook_findings.clone()
        } else {
            Vec::new()
        };
        findings.extend(
            row_findings
                .iter()
                .filter(|(doc, _)| *doc == d || (*doc == usize::MAX && d == 0))
                .map(|(_, f)| f.clone()),
        );
        let json = build(
            &nodes,
            *root,
            "",
            layout,
            &mut locator,
            &mut findings,
            &cell,
        );
        let id = ids.get(d).cloned().flatten();
        out.push(SheetDocument {
            kind: Some(layout.kind.clone()),
            id,
            json: Some(json),
            findings,
            source: book.source.clone(),
            locator,
            layout: Some(layout.clone()),
            book: Some(shared.clone()),
        });
    }
    out
}

fn build(
    nodes: &[Node],
    at: usize,
    pointer: &str,
    layout: &Layout,
    locator: &mut Locator,
    findings: &mut Vec<Finding>,
    cell: &dyn Fn(usize, u32, u32) -> Option<String>,
) -> Value {
    let node = &nodes[at];
    let spec = &layout.sheets[node.sheet];
    let mut obj = Map::new();
    for (path, value) in &spec.constants {
        set_path(&mut obj, path, value.clone());
    }
    for (i, value) in &node.values {
        set_path(&mut obj, &spec.columns[*i].path, value.clone());
    }
    let place = locator.sheets.get(&node.sheet).cloned();
    for (i, problem) in &node.problems {
        let col = place.as_ref().and_then(|p| p.columns.get(i)).copied();
        let at = col.and_then(|c| {
            (node.row != u32::MAX)
                .then(|| cell(node.sheet, node.row, c))
                .flatten()
        });
        findings.push(problem.finding(&pointer_of(pointer, &spec.columns[*i].path), at));
    }
    locator
        .items
        .insert(pointer.to_owned(), (node.sheet, node.row));
    // Children, grouped by the array they are in, in row order.
    let mut arrays: Vec<(Vec<String>, Vec<Value>)> = Vec::new();
    for child in &node.children {
        let via = &nodes[*child].via;
        let slot = if let Some(i) = arrays.iter().position(|(p, _)| p == via) {
            i
        } else {
            arrays.push((via.clone(), Vec::new()));
            arrays.len() - 1
        };
        let index = arrays[slot].1.len();
        let child_pointer = format!("{}/{index}", pointer_of(pointer, via));
        let value = build(
            nodes,
            *child,
            &child_pointer,
            layout,
            locator,
            findings,
            cell,
        );
        arrays[slot].1.push(value);
    }
    for (path, items) in arrays {
        set_path(&mut obj, &path, Value::Array(items));
    }
    Value::Object(obj)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_for_a_missing_field_points_at_the_field() {
        let f = Finding::new(
            "structure.missing_field",
            Severity::Error,
            "/funding",
            "",
            "",
        )
        .param("field", "total_cost");
        assert_eq!(target_pointer(&f), "/funding/total_cost");
    }

    #[test]
    fn values_are_set_at_nested_paths() {
        let mut m = Map::new();
        set_path(
            &mut m,
            &["approval".into(), "date".into()],
            Value::from("2024-01-01"),
        );
        set_path(
            &mut m,
            &["approval".into(), "number".into()],
            Value::from("1/QĐ"),
        );
        assert_eq!(
            Value::Object(m),
            serde_json::json!({"approval": {"date": "2024-01-01", "number": "1/QĐ"}})
        );
    }
}

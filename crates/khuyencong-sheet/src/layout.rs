//! The layout of a workbook for one kind of document, derived from the kind's JSON Schema
//! (`khuyencong::schema::annotated_schema`): one sheet for the document itself (one row per
//! document), one sheet per repeated part (an array of objects), and one column per value.
//!
//! Nothing here names a field of a document: fields, their order, their Vietnamese and
//! English labels, their types and their code lists all come from the schema, so a field
//! added to the core's types appears in the templates, and is read back, without an edit
//! here. The only hand-written data are Vietnamese labels for the few schema descriptions
//! that have none ([`LABELS_VI`]) and for a few overlong ones ([`SHORT_VI`]).

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde_json::{Map, Value};

use crate::examples;

/// The layout of one document kind.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Layout {
    /// The `kind` code (`scheme`, `plan`, `period_report`, …).
    pub kind: String,
    /// The kind's name in Vietnamese (from the schema's title).
    pub title_vi: String,
    /// The kind's name in English.
    pub title_en: String,
    /// The sheets: `sheets[0]` holds the documents, the others their repeated parts, each
    /// after the sheet it belongs to.
    pub sheets: Vec<SheetSpec>,
    /// The code lists the columns use, in order of first use.
    pub codelists: Vec<Codelist>,
}

/// One sheet: the document itself or one repeated part of it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SheetSpec {
    /// The sheet's name (Vietnamese, at most 31 characters, unique in the workbook).
    pub name: String,
    /// The sheet's name in English.
    pub name_en: String,
    /// The JSON path of the array, `.`-separated, from the document (`funding.lines`), with
    /// `*` for the items of enclosing arrays; empty for the document sheet.
    pub key: String,
    /// The sheet whose rows own this sheet's rows (`None` for the document sheet).
    pub parent: Option<usize>,
    /// The property path from an item of the parent sheet (or from the document) to the array.
    pub path: Vec<String>,
    /// The property path, inside an item, of an array of items of the same type ("trong
    /// đó" parts), written on the same sheet with row numbers such as `2.1`.
    pub recursive: Option<Vec<String>>,
    /// Constant values every item holds (`kind`, `schema_version`), filled in on reading.
    pub constants: Vec<(Vec<String>, Value)>,
    /// The columns holding values.
    pub columns: Vec<Column>,
    /// What one row is, in Vietnamese.
    pub description_vi: String,
    /// What one row is, in English.
    pub description_en: String,
    /// The headings the sheet's columns answer to, folded (made on first use).
    pub(crate) labels: OnceLock<crate::read::Labels>,
}

impl SheetSpec {
    /// The headings the sheet's columns answer to.
    pub(crate) fn labels(&self) -> &crate::read::Labels {
        self.labels.get_or_init(|| crate::read::Labels::of(self))
    }
}

/// A heading above a group of columns: an object inside the row's item.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Group {
    /// The Vietnamese label.
    pub vi: String,
    /// The English label.
    pub en: String,
}

/// One column: one value of the row's item.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Column {
    /// The property path inside the row's item.
    pub path: Vec<String>,
    /// The path joined with `.`, e.g. `approval.date`.
    pub key: String,
    /// The Vietnamese header.
    pub vi: String,
    /// The English header.
    pub en: String,
    /// The objects the value sits in, outermost first.
    pub groups: Vec<Group>,
    /// What the cell holds.
    pub value: ValueKind,
    /// Whether the document must state it (required in its object, and every enclosing
    /// object required too).
    pub required: bool,
    /// The schema's description, Vietnamese part.
    pub description_vi: String,
    /// The schema's description, English part.
    pub description_en: String,
    /// Legal provisions the description cites.
    pub basis: Vec<String>,
}

/// What a column's cells hold, and how they are read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ValueKind {
    /// Text.
    Text,
    /// A whole number that is not money (a year, a number of workers).
    Integer,
    /// An amount of đồng, always exact (a plain integer in JSON).
    Vnd,
    /// An amount of đồng that a document may state as a bound or an approximation
    /// ("hơn 15,2 tỷ").
    Amount,
    /// A count that a document may state as a bound or an approximation ("hơn 100 lượt").
    Count,
    /// Yes or no.
    Bool,
    /// A calendar date.
    Date,
    /// A share in [0, 1], as a decimal.
    Share,
    /// One code of the code list with this index in [`Layout::codelists`].
    Code(usize),
    /// Several codes of one code list, separated by `;`.
    Codes(usize),
    /// Any other JSON value, written as JSON text (a shape the sheets have no cell form for).
    Json,
}

/// A code list: the values one column may take.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Codelist {
    /// The schema's name for the list (`Activity`, `FundingSource`, …).
    pub name: String,
    /// The values, in schema order.
    pub values: Vec<Code>,
    /// Each value's code, Vietnamese and English labels, folded (as [`crate::text`]
    /// compares them), to find a value by any of them.
    pub(crate) folded: Vec<[String; 3]>,
}

impl Codelist {
    /// A code list of these values.
    pub fn new(name: impl Into<String>, values: Vec<Code>) -> Self {
        let folded = values
            .iter()
            .map(|c| {
                [
                    crate::text::fold(&c.code),
                    crate::text::fold(&c.vi),
                    crate::text::fold(&c.en),
                ]
            })
            .collect();
        Self {
            name: name.into(),
            values,
            folded,
        }
    }

    /// Whether the Vietnamese label of the value at `index` names it alone (no other value
    /// has it as its code or label), so that the label reads back as the code.
    pub fn label_is_unique(&self, index: usize) -> bool {
        let Some([_, vi, _]) = self.folded.get(index) else {
            return false;
        };
        self.folded.iter().filter(|f| f.contains(vi)).count() == 1
    }
}

/// One value of a code list.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Code {
    /// The permanent code.
    pub code: String,
    /// The Vietnamese label.
    pub vi: String,
    /// The English label.
    pub en: String,
    /// The description (with its citation and validity, when the schema gives them).
    pub description: String,
}

/// Vietnamese labels for schema descriptions that have none, by `Definition.property`.
const LABELS_VI: &[(&str, &str)] = &[
    ("SchemeFunding.total_cost", "Tổng kinh phí thực hiện (đồng)"),
    (
        "SchemeFunding.eligible_cost",
        "Kinh phí được xem xét hỗ trợ (đồng)",
    ),
    ("SchemeFunding.fund_level", "Cấp kinh phí khuyến công"),
    ("SchemeFunding.lines", "Nguồn kinh phí"),
    (
        "SchemeFunding.no_other_state_funding",
        "Cam kết không nhận hỗ trợ khác của nhà nước cho cùng nội dung",
    ),
    ("FundingLine.source", "Nguồn kinh phí"),
    ("FundingLine.amount", "Số tiền (đồng)"),
    ("FundingLine.note", "Ghi chú"),
];

/// Shorter Vietnamese headers where the schema's Vietnamese text is a sentence, by
/// `Definition.property`.
const SHORT_VI: &[(&str, &str)] = &[
    // A sheet name fits in 31 characters.
    ("scheme:support_split", "Hỗ trợ theo nội dung"),
    ("ApplicantFacts.name", "Tên đơn vị"),
    ("PriorityFacts.areas", "Địa bàn ưu tiên"),
    ("FundingBreakdown.lines", "Nguồn kinh phí"),
];

/// Where a Vietnamese text ends in a schema description: after `/ ` and up to a blank line.
fn split_description(desc: &str) -> (Option<String>, String) {
    let bytes = desc.as_bytes();
    let mut split = None;
    for (i, _) in desc.match_indices("/ ") {
        if i > 0 && bytes[i - 1].is_ascii_whitespace() {
            split = Some(i);
        }
    }
    let Some(i) = split else {
        return (None, desc.trim().to_owned());
    };
    let before = desc[..i].trim();
    let after = &desc[i + 2..];
    let (vi, rest) = match after.find("\n\n") {
        Some(j) => (&after[..j], after[j..].trim()),
        None => (after, ""),
    };
    // Line breaks inside a paragraph are the doc comment's wrapping, not the text's.
    let vi = vi.split_whitespace().collect::<Vec<_>>().join(" ");
    let en = if rest.is_empty() {
        before.to_owned()
    } else {
        format!("{before}\n\n{rest}")
    };
    (Some(vi), en)
}

/// A short header from a Vietnamese sentence: up to the first `;` or `:` outside
/// parentheses, without the final full stop.
fn short_label(text: &str) -> String {
    let mut depth = 0i32;
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' | ':' if depth <= 0 => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    text[..end].trim().trim_end_matches('.').trim().to_owned()
}

/// `total_cost` → `Total cost`.
fn humanise(key: &str) -> String {
    let words = key.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The citations a description names, e.g. `Decree 45/2012 Art. 5.1`.
fn citations(text: &str) -> Vec<String> {
    const OPENERS: &[&str] = &[
        "Joint Circular ",
        "Circular ",
        "Decree ",
        "Decision ",
        "Law ",
        "Resolution ",
    ];
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(opener) = OPENERS.iter().find(|o| rest.starts_with(**o)) else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        // The instrument number (digits and `/`, `-`, letters), then an optional
        // `Art. 5.1(b)`.
        let after = &rest[opener.len()..];
        let number_len = after
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '/' | '-' | 'Đ')))
            .unwrap_or(after.len());
        if number_len == 0 || !after.starts_with(|c: char| c.is_ascii_digit()) {
            i += opener.len();
            continue;
        }
        let mut end = opener.len() + number_len;
        let tail = &rest[end..];
        if let Some(art) = tail.strip_prefix(" Art. ") {
            let art_len = art
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '(' | ')')))
                .unwrap_or(art.len());
            let art_text = art[..art_len].trim_end_matches('.');
            // Drop closing parentheses that close the sentence's, not the article's.
            let mut art_text = art_text;
            while art_text.matches(')').count() > art_text.matches('(').count() {
                art_text = &art_text[..art_text.len() - 1];
                art_text = art_text.trim_end_matches('.');
            }
            if !art_text.is_empty() {
                end += " Art. ".len() + art_text.len();
            }
        }
        let found = rest[..end].trim_end_matches(['.', ',']).to_owned();
        if !out.contains(&found) {
            out.push(found);
        }
        i += end;
    }
    out
}

/// The shape of one schema node, after references and nullable wrappers are resolved.
enum Shape<'a> {
    Const(Value),
    Object {
        def: Option<&'a str>,
        node: &'a Map<String, Value>,
    },
    Array {
        items: &'a Value,
    },
    Scalar(Scalar),
    Json,
}

enum Scalar {
    Text,
    Integer,
    Vnd,
    Amount,
    Count,
    Bool,
    Date,
    Share,
    Code(Vec<Code>, String),
}

struct Walker<'a> {
    /// The document kind (for the crate's short headings, by `kind:path`).
    kind: String,
    defs: Option<&'a Map<String, Value>>,
    order: BTreeMap<String, Vec<String>>,
    sheets: Vec<SheetSpec>,
    /// The schema definition of each sheet's items (parallel to `sheets`).
    item_defs: Vec<Option<&'a str>>,
    codelists: Vec<Codelist>,
}

/// A node with its references followed: the node, the name of the last definition, the
/// description nearest the property.
fn description(node: &Value) -> Option<&str> {
    node.get("description").and_then(Value::as_str)
}

impl<'a> Walker<'a> {
    fn deref(&self, mut node: &'a Value) -> (&'a Value, Option<&'a str>) {
        let mut def = None;
        for _ in 0..32 {
            let Some(r) = node.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let Some(name) = r.strip_prefix("#/$defs/") else {
                break;
            };
            match self.defs.and_then(|d| d.get(name)) {
                Some(target) => {
                    def = Some(name);
                    node = target;
                }
                None => break,
            }
        }
        (node, def)
    }

    /// Resolves references and `anyOf [X, null]`; returns the node, its definition name,
    /// and the description closest to the property.
    fn resolve(&self, node: &'a Value) -> (&'a Value, Option<&'a str>, Option<&'a str>) {
        let mut desc = description(node);
        let (mut node, mut def) = self.deref(node);
        for _ in 0..8 {
            if desc.is_none() {
                desc = description(node);
            }
            let Some(any) = node.get("anyOf").and_then(Value::as_array) else {
                break;
            };
            let alts: Vec<&Value> = any.iter().filter(|a| !is_null_type(a)).collect();
            if alts.len() != 1 {
                break;
            }
            let (n, d) = self.deref(alts[0]);
            node = n;
            if d.is_some() {
                def = d;
            }
        }
        if desc.is_none() {
            desc = description(node);
        }
        (node, def, desc)
    }

    fn shape(&self, node: &'a Value, def: Option<&'a str>) -> Shape<'a> {
        if let Some(c) = node.get("const") {
            return Shape::Const(c.clone());
        }
        // The library reads every format version the schema lists; a workbook is written
        // and read in the current one.
        if def == Some("SchemaVersion") {
            return Shape::Const(Value::from(khuyencong::document::common::SCHEMA_VERSION));
        }
        if let Some(any) = node.get("anyOf").and_then(Value::as_array)
            && any.iter().filter(|a| !is_null_type(a)).count() != 1
        {
            return Shape::Json;
        }
        if let Some(one) = node.get("oneOf").and_then(Value::as_array) {
            if one.len() == 1
                && let Some(c) = one[0].get("const")
            {
                return Shape::Const(c.clone());
            }
            if !one.is_empty()
                && one
                    .iter()
                    .all(|v| v.get("const").is_some_and(Value::is_string))
            {
                let codes = one.iter().map(code_of).collect();
                return Shape::Scalar(Scalar::Code(codes, def.unwrap_or("codes").to_owned()));
            }
            return self.quantity(one).map_or(Shape::Json, Shape::Scalar);
        }
        if let Some(values) = node.get("enum").and_then(Value::as_array) {
            if values.iter().all(Value::is_string) {
                let codes = values
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|c| Code {
                        code: c.to_owned(),
                        vi: c.to_owned(),
                        en: c.to_owned(),
                        description: String::new(),
                    })
                    .collect();
                return Shape::Scalar(Scalar::Code(codes, def.unwrap_or("codes").to_owned()));
            }
            return Shape::Json;
        }
        let types = types_of(node);
        let only = |t: &str| types.len() == 1 && types[0] == t;
        if only("object") {
            return match node.as_object() {
                Some(map) if map.get("properties").is_some_and(Value::is_object) => {
                    Shape::Object { def, node: map }
                }
                _ => Shape::Json,
            };
        }
        if only("array") {
            return node
                .get("items")
                .map_or(Shape::Json, |items| Shape::Array { items });
        }
        if only("boolean") {
            return Shape::Scalar(Scalar::Bool);
        }
        if only("integer") {
            let money = def == Some("Vnd");
            return Shape::Scalar(if money { Scalar::Vnd } else { Scalar::Integer });
        }
        if only("string") {
            if node.get("format").and_then(Value::as_str) == Some("date") {
                return Shape::Scalar(Scalar::Date);
            }
            if def == Some("Share") {
                return Shape::Scalar(Scalar::Share);
            }
            return Shape::Scalar(Scalar::Text);
        }
        Shape::Json
    }

    /// `oneOf [integer, {vnd|value, exactness, text}]`: an amount or a count with its
    /// exactness.
    fn quantity(&self, one: &'a [Value]) -> Option<Scalar> {
        // A count may also be a range `{"min", "max"}` (format version 2): the third form.
        if one.len() == 3 {
            let is_range = |v: &'a Value| {
                let (r, _) = self.deref(v);
                r.get("properties")
                    .and_then(Value::as_object)
                    .is_some_and(|p| p.contains_key("min") && p.contains_key("max"))
            };
            let rest: Vec<Value> = one.iter().filter(|v| !is_range(v)).cloned().collect();
            return match (rest.len(), self.quantity_pair(&rest)) {
                (2, Some(Scalar::Count)) => Some(Scalar::Count),
                _ => None,
            };
        }
        self.quantity_pair(one)
    }

    fn quantity_pair(&self, one: &[Value]) -> Option<Scalar> {
        if one.len() != 2 {
            return None;
        }
        let (a, _) = self.deref(&one[0]);
        let (b, _) = self.deref(&one[1]);
        let (int, obj) = if types_of(a) == ["integer"] {
            (a, b)
        } else {
            (b, a)
        };
        if types_of(int) != ["integer"] {
            return None;
        }
        let props = obj.get("properties")?.as_object()?;
        let known = ["vnd", "value", "exactness", "text"];
        if !props.keys().all(|k| known.contains(&k.as_str())) {
            return None;
        }
        match (props.contains_key("vnd"), props.contains_key("value")) {
            (true, false) => Some(Scalar::Amount),
            (false, true) => Some(Scalar::Count),
            _ => None,
        }
    }

    /// Whether `def` is the item type of `sheet` or of a sheet above it.
    fn is_ancestor(&self, sheet: usize, def: Option<&str>) -> bool {
        let mut at = Some(sheet);
        while let Some(i) = at {
            if self.item_defs[i] == def {
                return true;
            }
            at = self.sheets[i].parent;
        }
        false
    }

    fn codelist(&mut self, name: &str, codes: Vec<Code>) -> usize {
        if let Some(i) = self.codelists.iter().position(|c| c.name == name) {
            return i;
        }
        self.codelists.push(Codelist::new(name, codes));
        self.codelists.len() - 1
    }

    fn properties_in_order(
        &self,
        node: &'a Map<String, Value>,
        key: &str,
    ) -> Vec<(&'a String, &'a Value)> {
        let Some(props) = node.get("properties").and_then(Value::as_object) else {
            return Vec::new();
        };
        let required: Vec<&str> = node
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let seen = self.order.get(key);
        let rank = |name: &str| -> (usize, usize) {
            // The order of the example documents first, then required fields in the
            // schema's order (their declaration order), then the rest by name.
            if let Some(i) = seen.and_then(|s| s.iter().position(|k| k == name)) {
                return (0, i);
            }
            if let Some(i) = required.iter().position(|k| *k == name) {
                return (1, i);
            }
            (2, 0)
        };
        let mut out: Vec<(&String, &Value)> = props.iter().collect();
        out.sort_by(|(a, _), (b, _)| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
        out
    }

    /// Adds the columns of an object (the item of `sheet`, or an object inside it).
    #[allow(clippy::too_many_arguments)]
    fn object(
        &mut self,
        sheet: usize,
        node: &'a Map<String, Value>,
        def: Option<&'a str>,
        item_def: Option<&'a str>,
        path: &[String],
        order_key: &str,
        groups: &[Group],
        required: bool,
        depth: usize,
    ) {
        let required_fields: Vec<&str> = node
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (name, schema) in self.properties_in_order(node, order_key) {
            let mut sub = path.to_vec();
            sub.push(name.clone());
            let (target, target_def, desc) = self.resolve(schema);
            let (vi_desc, en_desc) = desc.map_or((None, String::new()), split_description);
            let lookup = format!("{}.{name}", def.unwrap_or(""));
            let vi_full = vi_desc
                .or_else(|| {
                    LABELS_VI
                        .iter()
                        .find(|(k, _)| *k == lookup)
                        .map(|(_, v)| (*v).to_owned())
                })
                .unwrap_or_default();
            let by_path = format!(
                "{}:{}",
                self.kind,
                if order_key.is_empty() {
                    name.clone()
                } else {
                    format!("{order_key}.{name}")
                }
            );
            let vi = SHORT_VI
                .iter()
                .find(|(k, _)| *k == lookup || *k == by_path)
                .map_or_else(|| short_label(&vi_full), |(_, v)| (*v).to_owned());
            let vi = if vi.is_empty() { humanise(name) } else { vi };
            let en = humanise(name);
            let is_required = required && required_fields.contains(&name.as_str());
            let sub_key = if order_key.is_empty() {
                name.clone()
            } else {
                format!("{order_key}.{name}")
            };
            let shape = if depth > 24 {
                Shape::Json
            } else {
                self.shape(target, target_def)
            };
            let scalar = match shape {
                Shape::Const(value) => {
                    self.sheets[sheet].constants.push((sub, value));
                    continue;
                }
                Shape::Object { def: d, node: n } => {
                    let mut g = groups.to_vec();
                    g.push(Group {
                        vi: vi.clone(),
                        en: en.clone(),
                    });
                    self.object(
                        sheet,
                        n,
                        d,
                        item_def,
                        &sub,
                        &sub_key,
                        &g,
                        is_required,
                        depth + 1,
                    );
                    continue;
                }
                Shape::Array { items } => {
                    let (item, idef, _) = self.resolve(items);
                    match self.shape(item, idef) {
                        Shape::Scalar(Scalar::Code(codes, list)) => {
                            ValueKind::Codes(self.codelist(&list, codes))
                        }
                        Shape::Object { def: d, node: n } => {
                            if d.is_some() && d == item_def {
                                if self.sheets[sheet].recursive.is_none() {
                                    self.sheets[sheet].recursive = Some(sub);
                                    continue;
                                }
                                ValueKind::Json
                            } else if d.is_some() && self.is_ancestor(sheet, d) {
                                // A type that contains itself further up: no sheet form.
                                ValueKind::Json
                            } else {
                                self.child_sheet(
                                    sheet,
                                    n,
                                    d,
                                    &sub,
                                    &format!("{sub_key}.*"),
                                    &vi,
                                    &en,
                                    &en_desc,
                                    depth + 1,
                                );
                                continue;
                            }
                        }
                        _ => ValueKind::Json,
                    }
                }
                Shape::Scalar(s) => match s {
                    Scalar::Text => ValueKind::Text,
                    Scalar::Integer => ValueKind::Integer,
                    Scalar::Vnd => ValueKind::Vnd,
                    Scalar::Amount => ValueKind::Amount,
                    Scalar::Count => ValueKind::Count,
                    Scalar::Bool => ValueKind::Bool,
                    Scalar::Date => ValueKind::Date,
                    Scalar::Share => ValueKind::Share,
                    Scalar::Code(codes, list) => ValueKind::Code(self.codelist(&list, codes)),
                },
                Shape::Json => ValueKind::Json,
            };
            let basis = citations(&en_desc);
            self.sheets[sheet].columns.push(Column {
                key: sub.join("."),
                path: sub,
                vi,
                en,
                groups: groups.to_vec(),
                value: scalar,
                required: is_required,
                description_vi: vi_full,
                description_en: en_desc,
                basis,
            });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn child_sheet(
        &mut self,
        parent: usize,
        node: &'a Map<String, Value>,
        def: Option<&'a str>,
        path: &[String],
        order_key: &str,
        vi: &str,
        en: &str,
        en_desc: &str,
        depth: usize,
    ) {
        let parent_key = &self.sheets[parent].key;
        let key = if parent_key.is_empty() {
            path.join(".")
        } else {
            format!("{parent_key}.*.{}", path.join("."))
        };
        self.sheets.push(SheetSpec {
            name: vi.to_owned(),
            name_en: en.to_owned(),
            key,
            parent: Some(parent),
            path: path.to_vec(),
            recursive: None,
            constants: Vec::new(),
            columns: Vec::new(),
            description_vi: vi.to_owned(),
            description_en: en_desc.to_owned(),
            labels: OnceLock::new(),
        });
        self.item_defs.push(def);
        let index = self.sheets.len() - 1;
        self.object(index, node, def, def, &[], order_key, &[], true, depth);
    }
}

fn is_null_type(v: &Value) -> bool {
    v.get("type").and_then(Value::as_str) == Some("null")
}

fn types_of(node: &Value) -> Vec<&str> {
    match node.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .collect(),
        _ => Vec::new(),
    }
}

fn code_of(v: &Value) -> Code {
    let code = v
        .get("const")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let title = v.get("title").and_then(Value::as_str).unwrap_or_default();
    let (title_en, title_vi) = match title.rsplit_once(" / ") {
        Some((en, vi)) => (en.trim(), vi.trim()),
        None => (title, ""),
    };
    let label = |key: &str, fallback: &str| {
        v.get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| {
                if fallback.is_empty() {
                    code.clone()
                } else {
                    fallback.to_owned()
                }
            })
    };
    Code {
        vi: label("x-label-vi", title_vi),
        en: label("x-label-en", title_en),
        description: v
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        code,
    }
}

/// The layouts of every document kind the library reads, in the order of its schemas (the
/// schemas whose `kind` property is a constant), computed once.
fn all() -> &'static [Arc<Layout>] {
    static ALL: OnceLock<Vec<Arc<Layout>>> = OnceLock::new();
    ALL.get_or_init(|| {
        khuyencong::schema::SchemaKind::ALL
            .iter()
            .filter_map(|k| {
                let schema = khuyencong::schema::annotated_schema(*k);
                let kind = kind_of_schema(&schema)?;
                Some(Arc::new(Layout::from_schema(&kind, &schema)))
            })
            .collect()
    })
}

/// Every document kind the library reads (`scheme`, `plan`, `period_report`, …).
pub fn document_kinds() -> Vec<String> {
    all().iter().map(|l| l.kind.clone()).collect()
}

/// The layouts of every document kind.
pub fn layouts() -> &'static [Arc<Layout>] {
    all()
}

fn kind_of_schema(schema: &Value) -> Option<String> {
    let kind = schema.get("properties")?.get("kind")?;
    let defs = schema.get("$defs").and_then(Value::as_object);
    let walker = Walker {
        kind: String::new(),
        defs,
        order: BTreeMap::new(),
        sheets: Vec::new(),
        item_defs: Vec::new(),
        codelists: Vec::new(),
    };
    let (node, def, _) = walker.resolve(kind);
    match walker.shape(node, def) {
        Shape::Const(Value::String(s)) => Some(s),
        _ => None,
    }
}

/// The sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with `'`.
fn sheet_name(wanted: &str) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim_matches(['\'', ' ']).to_owned();
    if clean.chars().count() <= 31 {
        return clean;
    }
    // Cut at a word boundary.
    let mut out = String::new();
    for word in clean.split(' ') {
        let candidate = if out.is_empty() {
            word.to_owned()
        } else {
            format!("{out} {word}")
        };
        if candidate.chars().count() > 31 {
            break;
        }
        out = candidate;
    }
    if out.is_empty() {
        clean.chars().take(31).collect()
    } else {
        out
    }
}

/// Names that the workbook uses besides the document's sheets.
pub const INSTRUCTIONS_SHEET: &str = "Hướng dẫn";
/// The sheet listing the code lists (the source of the drop-down lists).
pub const CODELISTS_SHEET: &str = "Danh mục";

impl Layout {
    /// The layout of a document kind (`scheme`, `plan`, `period_report`, `period-report`…),
    /// from its JSON Schema.
    ///
    /// # Errors
    /// [`crate::SheetError::UnknownKind`] when no schema has this `kind`.
    pub fn of(kind: &str) -> Result<Arc<Self>, crate::SheetError> {
        let normalised = kind.trim().replace('-', "_");
        all()
            .iter()
            .find(|l| l.kind == normalised)
            .cloned()
            .ok_or_else(|| crate::SheetError::UnknownKind {
                kind: kind.to_owned(),
                known: document_kinds(),
            })
    }

    /// The layout described by a schema of a document kind.
    pub fn from_schema(kind: &str, schema: &Value) -> Self {
        let defs = schema.get("$defs").and_then(Value::as_object);
        let title = schema.get("title").and_then(Value::as_str).unwrap_or(kind);
        let (title_en, title_vi) = match title.rsplit_once(" / ") {
            Some((en, vi)) => (en.trim().to_owned(), vi.trim().to_owned()),
            None => (title.to_owned(), title.to_owned()),
        };
        let mut walker = Walker {
            kind: kind.to_owned(),
            defs,
            order: examples::key_order(kind),
            sheets: vec![SheetSpec {
                name: title_vi.clone(),
                name_en: title_en.clone(),
                key: String::new(),
                parent: None,
                path: Vec::new(),
                recursive: None,
                constants: Vec::new(),
                columns: Vec::new(),
                description_vi: title_vi.clone(),
                description_en: title_en.clone(),
                labels: OnceLock::new(),
            }],
            item_defs: vec![None],
            codelists: Vec::new(),
        };
        if let Some(root) = schema.as_object() {
            walker.object(0, root, None, None, &[], "", &[], true, 0);
        }
        let mut sheets = walker.sheets;
        // Sheet names: Excel-safe and unique (case-insensitively, as Excel compares them).
        let mut taken: Vec<String> = vec![
            INSTRUCTIONS_SHEET.to_lowercase(),
            CODELISTS_SHEET.to_lowercase(),
        ];
        for s in &mut sheets {
            let base = sheet_name(&s.name);
            let mut name = base.clone();
            let mut n = 2;
            while taken.contains(&name.to_lowercase()) {
                let suffix = format!(" ({n})");
                let keep = 31 - suffix.chars().count();
                name = format!(
                    "{}{suffix}",
                    base.chars().take(keep).collect::<String>().trim_end()
                );
                n += 1;
            }
            taken.push(name.to_lowercase());
            s.name = name;
        }
        Self {
            kind: kind.to_owned(),
            title_vi,
            title_en,
            sheets,
            codelists: walker.codelists,
        }
    }

    /// The sheet with this name (Vietnamese or English, ignoring case, spaces and the
    /// Unicode form) or key.
    pub fn sheet_named(&self, name: &str) -> Option<usize> {
        let wanted = crate::text::fold(name);
        self.sheets.iter().position(|s| {
            crate::text::fold(&s.name) == wanted
                || crate::text::fold(&s.name_en) == wanted
                || (!s.key.is_empty() && crate::text::fold(&s.key) == wanted)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_split_into_vietnamese_and_english() {
        let (vi, en) = split_description("The title. / Tên đề án.");
        assert_eq!(vi.as_deref(), Some("Tên đề án."));
        assert_eq!(en, "The title.");
        let (vi, en) = split_description(
            "What is known.\n/ Các dữ kiện.\n\nEvery field may be omitted; never assumed.",
        );
        assert_eq!(vi.as_deref(), Some("Các dữ kiện."));
        assert_eq!(
            en,
            "What is known.\n\nEvery field may be omitted; never assumed."
        );
        let (vi, _) = split_description("How much, in đồng (JSON integer).");
        assert_eq!(vi, None);
        // A slash inside a number is not a separator.
        let (vi, _) = split_description("The number, e.g. \"2080/QĐ-UBND\". / Số hiệu văn bản.");
        assert_eq!(vi.as_deref(), Some("Số hiệu văn bản."));
    }

    #[test]
    fn short_labels_stop_at_the_first_clause() {
        assert_eq!(
            short_label("Nội dung hoạt động; nội dung đầu tiên là nội dung chính."),
            "Nội dung hoạt động"
        );
        assert_eq!(
            short_label("Quyết định phê duyệt: số, ngày (xác định chế độ áp dụng), cơ quan."),
            "Quyết định phê duyệt"
        );
        assert_eq!(
            short_label("Cấp huyện (trước 01/7/2025)."),
            "Cấp huyện (trước 01/7/2025)"
        );
    }

    #[test]
    fn citations_are_found_in_descriptions() {
        assert_eq!(
            citations("The industry the support is for (Decree 45/2012 Art. 5.1)."),
            vec!["Decree 45/2012 Art. 5.1"]
        );
        assert_eq!(
            citations(
                "Whether other state funding (Joint Circular 26/2014/TTLT-BTC-BCT Art. 7.4)."
            ),
            vec!["Joint Circular 26/2014/TTLT-BTC-BCT Art. 7.4"]
        );
        assert_eq!(
            citations("Legal form (Decree 45/2012 Art. 1.2(a)). For `enterprise`"),
            vec!["Decree 45/2012 Art. 1.2(a)"]
        );
        assert!(citations("The title.").is_empty());
    }

    #[test]
    fn sheet_names_fit_excel() {
        assert_eq!(
            sheet_name("Kết quả: theo nội dung / nguồn"),
            "Kết quả- theo nội dung - nguồn"
        );
        let long = sheet_name("Kết quả theo nội dung và nguồn kinh phí khuyến công");
        assert!(long.chars().count() <= 31, "{long}");
        assert_eq!(long, "Kết quả theo nội dung và nguồn");
    }
}

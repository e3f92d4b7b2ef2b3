//! Templates: generated from the schemas (so they cannot drift from them), with Vietnamese
//! headings, drop-down lists, đồng formats, instructions and example rows that read back as
//! the example documents.

use std::io::Read as _;

use khuyencong::document::parse;
use khuyencong::schema::{SchemaKind, annotated_schema};
use khuyencong_sheet::{
    Book, CODELISTS_SHEET, Cell, Format, INSTRUCTIONS_SHEET, Layout, TemplateOptions, ValueKind,
    document_kinds, read_book, read_csv, read_xlsx, template,
};
use serde_json::Value;

use crate::officer::root;

/// Every value path of a schema, found by a walk of the schema's JSON written here (not
/// the library's): `a.b` for values, `a.*` for arrays of objects (their items' paths follow
/// as `a.*.c`), constants included.
fn schema_paths(schema: &Value) -> Vec<String> {
    fn walk(schema: &Value, node: &Value, prefix: &str, seen: &[String], out: &mut Vec<String>) {
        let defs = &schema["$defs"];
        let mut node = node;
        let mut seen = seen.to_vec();
        loop {
            if let Some(r) = node.get("$ref").and_then(Value::as_str) {
                let name = r.trim_start_matches("#/$defs/").to_owned();
                if seen.contains(&name) {
                    // A type inside itself (parts of parts): its paths are its own.
                    out.push(format!("{prefix} (recursive)"));
                    return;
                }
                seen.push(name.clone());
                node = &defs[name.as_str()];
                continue;
            }
            if let Some(any) = node.get("anyOf").and_then(Value::as_array) {
                let alts: Vec<&Value> = any.iter().filter(|a| a["type"] != "null").collect();
                if alts.len() == 1 {
                    node = alts[0];
                    continue;
                }
            }
            break;
        }
        let is = |t: &str| {
            node["type"] == t
                || node["type"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|x| x == t))
        };
        if is("object") && node.get("properties").is_some() && node.get("oneOf").is_none() {
            for (k, v) in node["properties"].as_object().into_iter().flatten() {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                walk(schema, v, &p, &seen, out);
            }
        } else if is("array") && {
            let mut items = &node["items"];
            while let Some(r) = items.get("$ref").and_then(Value::as_str) {
                items = &defs_of(schema)[r.trim_start_matches("#/$defs/")];
            }
            items["type"] == "object" && items.get("properties").is_some()
        } {
            walk(schema, &node["items"], &format!("{prefix}.*"), &seen, out);
        } else {
            out.push(prefix.to_owned());
        }
    }
    fn defs_of(schema: &Value) -> &Value {
        &schema["$defs"]
    }
    let mut out = Vec::new();
    walk(schema, schema, "", &[], &mut out);
    out.sort();
    out
}

/// The same paths, from the layout.
fn layout_paths(layout: &Layout) -> Vec<String> {
    let mut out = Vec::new();
    for s in &layout.sheets {
        let prefix = if s.key.is_empty() {
            String::new()
        } else {
            format!("{}.*.", s.key)
        };
        for c in &s.columns {
            out.push(format!("{prefix}{}", c.key));
        }
        for (path, _) in &s.constants {
            out.push(format!("{prefix}{}", path.join(".")));
        }
        if let Some(r) = &s.recursive {
            out.push(format!("{prefix}{}.* (recursive)", r.join(".")));
        }
    }
    out.sort();
    out
}

#[test]
fn templates_hold_every_field_of_the_schemas_and_nothing_else() {
    let kinds = document_kinds();
    assert!(kinds.len() >= 3, "{kinds:?}");
    for kind in &kinds {
        let schema = SchemaKind::ALL
            .iter()
            .map(|k| annotated_schema(*k))
            .find(|s| {
                s["properties"]["kind"]["$ref"].is_string() && {
                    let tag = s["properties"]["kind"]["$ref"]
                        .as_str()
                        .unwrap_or_default()
                        .trim_start_matches("#/$defs/")
                        .to_owned();
                    let def = &s["$defs"][tag.as_str()];
                    def["const"] == kind.as_str() || def["oneOf"][0]["const"] == kind.as_str()
                }
            })
            .expect("schema");
        let layout = Layout::of(kind).expect("layout");
        assert_eq!(layout_paths(&layout), schema_paths(&schema), "{kind}");
        for s in &layout.sheets {
            for c in &s.columns {
                // Every value has a cell form (JSON text is the fallback for shapes the
                // sheets do not know; none is needed today).
                assert_ne!(c.value, ValueKind::Json, "{kind} {}: {}", s.name, c.key);
                // Every heading is Vietnamese (from the schema's description or the
                // crate's short list), not the English field name.
                assert!(
                    !c.vi.is_empty() && c.vi != c.en,
                    "{kind} {}: {} has no Vietnamese heading",
                    s.name,
                    c.key
                );
            }
            assert!(s.name.chars().count() <= 31, "{}", s.name);
        }
    }
}

#[test]
fn code_list_labels_read_back_as_their_codes() {
    for kind in document_kinds() {
        let layout = Layout::of(&kind).expect("layout");
        for list in &layout.codelists {
            for c in &list.values {
                let fold = |s: &str| s.to_lowercase();
                let same = list
                    .values
                    .iter()
                    .filter(|o| {
                        fold(&o.vi) == fold(&c.vi)
                            || fold(&o.en) == fold(&c.vi)
                            || fold(&o.code) == fold(&c.vi)
                    })
                    .count();
                assert_eq!(
                    same, 1,
                    "{kind} {}: label `{}` is not unique",
                    list.name, c.vi
                );
            }
        }
    }
}

/// The workbook's file `name`, as text.
fn part(xlsx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("zip");
    let mut file = zip.by_name(name).expect("part");
    let mut s = String::new();
    file.read_to_string(&mut s).expect("read");
    s
}

#[test]
fn xlsx_templates_have_drop_down_lists_money_formats_notes_and_instructions() {
    let bytes = template("scheme", Format::Xlsx, &TemplateOptions::default()).expect("template");
    let book = read_xlsx(&bytes, "scheme.xlsx").expect("read");
    let names: Vec<&str> = book.grids.iter().map(|g| g.display.as_str()).collect();
    let layout = Layout::of("scheme").expect("layout");
    let mut wanted: Vec<&str> = layout.sheets.iter().map(|s| s.name.as_str()).collect();
    wanted.extend([INSTRUCTIONS_SHEET, CODELISTS_SHEET]);
    assert_eq!(names, wanted);
    assert_eq!(
        names[..3],
        ["Đề án khuyến công", "Đối tượng thụ hưởng", "Nguồn kinh phí"]
    );
    // The first sheet: drop-down lists from the code-list sheet, yes/no lists, đồng format.
    let sheet1 = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet1.contains("<dataValidation type=\"list\""),
        "no drop-down list"
    );
    assert!(
        sheet1.contains("'Danh mục'!$B$"),
        "no list from the code-list sheet"
    );
    assert!(sheet1.contains("\"Có,Không\""), "no yes/no list");
    assert!(part(&bytes, "xl/styles.xml").contains("formatCode=\"#,##0\""));
    // Headings carry notes with the description, the legal basis and the JSON field.
    let notes = part(&bytes, "xl/comments1.xml");
    assert!(
        notes.contains("Căn cứ / Basis: Decree 45/2012"),
        "no basis in the notes"
    );
    assert!(
        notes.contains("JSON: funding.total_cost"),
        "no field in the notes"
    );
    // The instructions list every column with its legal basis; the code lists give label,
    // code, English and description (the reader skips both sheets: they are not data).
    assert!(
        book.grids[names.len() - 2..]
            .iter()
            .all(|g| g.rows.is_empty())
    );
    let strings = part(&bytes, "xl/sharedStrings.xml");
    for text in [
        "Ô để trống nghĩa là không nêu",
        "/beneficiaries/*/industry",
        "Decree 45/2012 Art. 5.1",
        "advanced_machinery_technology_transfer",
        "khoản 1 Điều 4 Nghị định số 45/2012/NĐ-CP",
    ] {
        assert!(strings.contains(text), "{text}");
    }
}

/// A book with the template's example rows made into data (their `Ví dụ` mark removed).
fn examples_as_data(mut book: Book) -> Book {
    for grid in &mut book.grids {
        for row in &mut grid.rows {
            for (_, cell) in &mut row.cells {
                if let Cell::Text(t) = cell
                    && let Some(rest) = t.strip_prefix("Ví dụ ")
                {
                    *t = rest.to_owned();
                }
            }
        }
    }
    book
}

#[test]
fn the_example_rows_are_an_example_document() {
    for kind in document_kinds() {
        let examples: Vec<_> = std::fs::read_dir(root().join("docs/examples"))
            .expect("examples")
            .filter_map(Result::ok)
            .filter_map(|e| parse(&std::fs::read(e.path()).ok()?).ok())
            .filter(|d| d.kind().code() == kind)
            .collect();
        for format in [Format::Xlsx, Format::Csv] {
            let bytes = template(&kind, format, &TemplateOptions::default()).expect("template");
            let book = match format {
                Format::Xlsx => read_xlsx(&bytes, "t.xlsx"),
                _ => read_csv(&bytes, "t.csv"),
            }
            .expect("read");
            // As written, the examples are not read.
            let docs = read_book(&book, None);
            assert!(
                docs[0].json.is_none()
                    && docs[0]
                        .findings
                        .iter()
                        .any(|f| f.code == "sheet.example_rows")
            );
            let docs = read_book(&examples_as_data(book), None);
            assert_eq!(docs.len(), 1, "{kind}");
            let json = docs[0].json.clone().expect("json");
            let read = parse(&serde_json::to_vec(&json).expect("json")).expect("parse");
            assert!(examples.contains(&read), "{kind} {format:?}: {json:#}");
        }
        // Without examples: headings only.
        let bytes = template(
            &kind,
            Format::Xlsx,
            &TemplateOptions::default().without_example(),
        )
        .expect("template");
        let docs = read_book(&read_xlsx(&bytes, "t.xlsx").expect("read"), None);
        assert!(
            docs[0]
                .findings
                .iter()
                .all(|f| f.code != "sheet.example_rows")
        );
        assert_eq!(docs[0].findings[0].code, "sheet.no_document");
    }
}

#[test]
fn csv_templates_for_excel_have_a_byte_order_mark_and_crlf() {
    let plain = template("plan", Format::Csv, &TemplateOptions::default()).expect("template");
    assert!(!plain.starts_with(&[0xEF, 0xBB, 0xBF]));
    assert!(!plain.windows(2).any(|w| w == b"\r\n"));
    let excel = template(
        "plan",
        Format::Csv,
        &TemplateOptions::default().with_csv(khuyencong_sheet::CsvOptions::excel()),
    )
    .expect("template");
    assert!(excel.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8(excel[3..].to_vec()).expect("utf-8");
    assert!(
        text.lines().count() > 5
            && text
                .split('\n')
                .filter(|l| !l.is_empty())
                .all(|l| l.ends_with('\r'))
    );
    // Read back, the byte-order mark is a note.
    let docs = khuyencong_sheet::read_bytes_as_documents(&excel, "plan.csv", None);
    assert!(docs[0].findings.iter().any(|f| f.code == "sheet.encoding"));
    assert!(
        template(
            "programme-of-nothing",
            Format::Csv,
            &TemplateOptions::default()
        )
        .is_err()
    );
}

/// A kind the library does not have, shaped as a road map might be: objectives, each with
/// targets by year (an array inside the items of an array).
fn roadmap_schema() -> Value {
    serde_json::json!({
        "title": "Road map / Lộ trình phát triển",
        "type": "object",
        "required": ["kind", "id"],
        "properties": {
            "kind": {"const": "roadmap"},
            "id": {"type": "string", "description": "Identifier. / Mã chương trình."},
            "envelope": {"$ref": "#/$defs/Amount", "description": "The envelope. / Tổng kinh phí."},
            "objectives": {
                "type": "array",
                "description": "Objectives. / Mục tiêu.",
                "items": {"$ref": "#/$defs/Objective"}
            }
        },
        "$defs": {
            "Objective": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "description": "Name. / Tên mục tiêu."},
                    "targets": {
                        "type": "array",
                        "description": "Targets by year. / Chỉ tiêu theo năm.",
                        "items": {"$ref": "#/$defs/Target"}
                    }
                }
            },
            "Target": {
                "type": "object",
                "properties": {
                    "year": {"type": "integer", "description": "Year. / Năm."},
                    "amount": {"$ref": "#/$defs/Vnd", "description": "Amount. / Kinh phí (đồng)."}
                }
            },
            "Vnd": {"type": "integer", "minimum": 0},
            "Amount": {"oneOf": [
                {"$ref": "#/$defs/Vnd"},
                {"type": "object", "properties": {
                    "vnd": {"$ref": "#/$defs/Vnd"},
                    "exactness": {"type": "string"},
                    "text": {"type": ["string", "null"]}
                }}
            ]}
        }
    })
}

#[test]
fn a_new_kind_gets_its_sheets_from_its_schema_alone() {
    let layout = std::sync::Arc::new(Layout::from_schema("roadmap", &roadmap_schema()));
    let names: Vec<&str> = layout.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Lộ trình phát triển", "Mục tiêu", "Chỉ tiêu theo năm"]
    );
    // Targets belong to an objective: a parent-row column.
    assert_eq!(layout.sheets[2].parent, Some(1));
    let doc = serde_json::json!({
        "kind": "roadmap", "id": "ct-2021-2025",
        "envelope": {"vnd": 50_000_000_000_u64, "exactness": "approximate", "text": "khoảng 50 tỷ"},
        "objectives": [
            {"name": "Máy móc", "targets": [{"year": 2021, "amount": 5}, {"year": 2022, "amount": 6}]},
            {"name": "Bình chọn"},
            {"name": "Đào tạo", "targets": [{"year": 2021, "amount": 7}]}
        ]
    });
    for format in [Format::Xlsx, Format::Csv] {
        let bytes = khuyencong_sheet::write_documents_as(
            &layout,
            std::slice::from_ref(&doc),
            format,
            khuyencong_sheet::CsvOptions::default(),
        )
        .expect("write");
        let book = match format {
            Format::Xlsx => read_xlsx(&bytes, "p.xlsx"),
            _ => read_csv(&bytes, "p.csv"),
        }
        .expect("read");
        let docs = khuyencong_sheet::read_book_as(&book, layout.clone());
        assert_eq!(
            docs.len(),
            1,
            "{:#?}",
            docs.iter()
                .map(|d| (&d.id, &d.findings))
                .collect::<Vec<_>>()
        );
        assert!(docs[0].findings.is_empty(), "{:?}", docs[0].findings);
        assert_eq!(docs[0].json.as_ref(), Some(&doc), "{format:?}");
        // The third objective's target is on the third sheet's third row, under objective 3.
        let at = docs[0]
            .locate("/objectives/2/targets/0/amount")
            .expect("cell");
        assert_eq!(
            at.sheet,
            if format == Format::Xlsx {
                "Chỉ tiêu theo năm"
            } else {
                "p"
            }
        );
    }
}

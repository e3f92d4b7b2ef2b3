//! `check --format sarif`: the findings as a SARIF 2.1.0 log (OASIS Static Analysis Results
//! Interchange Format), which code-scanning services and portals' pipelines read.
//!
//! One run; its rules are every finding kind of the library's registry (meaning, how to fix,
//! legal basis), plus any other code met; each result has its level, message, the file as
//! the artifact (the line, for JSON Lines), the JSON Pointer as a logical location and, for a
//! spreadsheet, the cell as a second one.

use std::collections::BTreeMap;

use khuyencong::document::DocumentFindings;
use khuyencong::finding::FindingDef;
use khuyencong::law::Lang;
use khuyencong::{Finding, Severity};
use serde_json::{Value, json};

/// The schema URI SARIF consumers expect for version 2.1.0.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(def: &FindingDef, lang: Lang) -> Value {
    let (meaning, fix) = match lang {
        Lang::Vi => (def.meaning_vi, def.fix_vi),
        Lang::En => (def.meaning_en, def.fix_en),
    };
    let mut properties = json!({
        "meaning_vi": def.meaning_vi,
        "meaning_en": def.meaning_en,
        "fix_vi": def.fix_vi,
        "fix_en": def.fix_en,
    });
    let mut help = fix.to_owned();
    if let Some(c) = &def.citation {
        properties["citation_vi"] = c.render(Lang::Vi).into();
        properties["citation_en"] = c.render(Lang::En).into();
        help.push_str(&format!(" ({})", c.render(lang)));
    }
    json!({
        "id": def.code,
        "name": def.code,
        "shortDescription": { "text": meaning },
        "fullDescription": { "text": meaning },
        "help": { "text": help },
        "defaultConfiguration": { "level": level(def.severity) },
        "properties": properties,
    })
}

/// A file name as a URI reference: `\` as `/`, and every byte outside the unreserved
/// characters and `/` percent-encoded (RFC 3986).
fn uri(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    for b in file.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn result(doc: &DocumentFindings, f: &Finding, index: Option<usize>, lang: Lang) -> Value {
    let mut physical = json!({ "artifactLocation": { "uri": uri(&doc.file) } });
    if let Some(line) = doc.line {
        physical["region"] = json!({ "startLine": line });
    }
    let pointer = if f.path.is_empty() { "" } else { &f.path };
    let mut logical = vec![json!({
        "fullyQualifiedName": pointer,
        "kind": "element",
        "properties": { "syntax": "json-pointer" },
    })];
    if let Some(cell) = &f.cell {
        logical.push(json!({ "name": cell, "kind": "cell" }));
    }
    let mut r = json!({
        "ruleId": f.code,
        "level": level(f.severity),
        "message": { "text": f.message(lang) },
        "locations": [{
            "physicalLocation": physical,
            "logicalLocations": logical,
        }],
        "properties": {
            "message_vi": f.message_vi(),
            "message_en": f.message_en(),
        },
    });
    if let Some(i) = index {
        r["ruleIndex"] = i.into();
    }
    if let Some(c) = &f.citation {
        r["properties"]["citation"] = c.render(lang).into();
    }
    if let Some(id) = &doc.id {
        r["properties"]["document_id"] = id.as_str().into();
    }
    r
}

/// The SARIF log of a check run.
pub fn log(docs: &[DocumentFindings], lang: Lang) -> Value {
    let mut rules: Vec<Value> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for def in khuyencong::registry::findings() {
        if !index.contains_key(def.code) {
            index.insert(def.code.to_owned(), rules.len());
            rules.push(rule(def, lang));
        }
    }
    // Codes outside the registry (a spreadsheet's reading problems) get a rule of their own.
    for f in docs.iter().flat_map(|d| &d.findings) {
        if !index.contains_key(&f.code) {
            index.insert(f.code.clone(), rules.len());
            rules.push(json!({
                "id": f.code,
                "name": f.code,
                "shortDescription": { "text": f.code },
                "defaultConfiguration": { "level": level(f.severity) },
            }));
        }
    }
    let results: Vec<Value> = docs
        .iter()
        .flat_map(|d| {
            d.findings
                .iter()
                .map(|f| result(d, f, index.get(&f.code).copied(), lang))
        })
        .collect();
    let artifacts: Vec<Value> = docs
        .iter()
        .map(|d| uri(&d.file))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|u| json!({ "location": { "uri": u } }))
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "khuyencong",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/khuyencong/khuyencong",
                "rules": rules,
            }},
            "artifacts": artifacts,
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    })
}

//! JSON Schemas (draft 2020-12) of the documents and outputs, generated from the types.
//!
//! The committed copies live in `docs/schema/`; a test keeps them current. They are the
//! library's own truth, not a description of it: the structural report validates inputs
//! against them, and agreement tests prove that the library accepts exactly what they accept.
//! They compile in strict validators (ajv's draft 2020-12 mode with `strict: true`): only
//! standard keywords and formats, closed code lists as `enum`, unions written so that a
//! wrong value gets one clear error.
//!
//! Each module generates the schemas of its own types (the documents in [`crate::document`],
//! the rule packs in [`crate::support`], the applicant's facts in [`crate::input`]), the
//! structural report validating against the same values; this module assembles them.

use serde_json::Value;

use crate::document::DocumentKind;
pub use crate::input::schema::{SCHEMA_VERSION, SchemaKind};
use crate::input::schema::{close_objects, generated, root};

/// The schema of one kind as generated from the types, before it is made strict: every code
/// still a `oneOf` of constants with its labels (`title`, `x-label-vi`, `x-label-en`),
/// unions as `anyOf`/`oneOf`, integer widths as `format`s, no `$schema` member.
///
/// For tools that lay out forms from the types (the spreadsheet templates of
/// `khuyencong-sheet`); it describes the same documents as [`json_schema`], which is the one
/// to validate with.
pub fn annotated_schema(kind: SchemaKind) -> Value {
    match kind {
        SchemaKind::Scheme => crate::document::schema::document(DocumentKind::Scheme, true),
        SchemaKind::Plan => crate::document::schema::document(DocumentKind::Plan, true),
        SchemaKind::PeriodReport => {
            crate::document::schema::document(DocumentKind::PeriodReport, true)
        }
        SchemaKind::Programme => crate::document::schema::document(DocumentKind::Programme, true),
        SchemaKind::Findings => crate::document::schema::findings(true),
        SchemaKind::ProvincialPack => crate::support::provincial_schema(true),
        SchemaKind::Applicant => crate::input::applicant_schema(true),
        SchemaKind::Assessment => generated::<crate::eligibility::Assessment>(kind),
        SchemaKind::Document => json_schema(kind),
    }
}

/// The JSON Schema of one kind, as a JSON value.
pub fn json_schema(kind: SchemaKind) -> Value {
    match kind {
        SchemaKind::Scheme => crate::document::schema::document(DocumentKind::Scheme, false),
        SchemaKind::Plan => crate::document::schema::document(DocumentKind::Plan, false),
        SchemaKind::PeriodReport => {
            crate::document::schema::document(DocumentKind::PeriodReport, false)
        }
        SchemaKind::Programme => crate::document::schema::document(DocumentKind::Programme, false),
        SchemaKind::Findings => crate::document::schema::findings(false),
        SchemaKind::ProvincialPack => crate::support::provincial_schema(false),
        SchemaKind::Applicant => crate::input::applicant_schema(false),
        SchemaKind::Assessment => {
            // An output: the library writes exactly these fields, so every object is closed
            // (as the findings schema's are).
            let mut value = root::<crate::eligibility::Assessment>(kind, false);
            close_objects(&mut value);
            value
        }
        SchemaKind::Document => {
            let branch = |k: SchemaKind, tag: &str| {
                serde_json::json!({
                    "if": { "properties": { "kind": { "const": tag } }, "required": ["kind"] },
                    "then": { "$ref": k.id() }
                })
            };
            serde_json::json!({
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "$id": kind.id(),
                "title": "Industrial-extension document / Văn bản khuyến công",
                "description": "Any document: `kind` selects the scheme, plan, period-report or programme schema (their `$id`s must be registered with the validator). / Mọi loại văn bản: trường `kind` chọn lược đồ.",
                "type": "object",
                "required": ["kind"],
                "properties": {
                    "kind": {
                        "description": "The document kind. / Loại văn bản.\n\nValues / Giá trị:\n- `scheme`: Scheme / Đề án khuyến công\n- `plan`: Plan / Kế hoạch khuyến công\n- `period_report`: Period report / Báo cáo tình hình thực hiện\n- `programme`: Programme / Chương trình khuyến công",
                        "enum": ["scheme", "plan", "period_report", "programme"]
                    }
                },
                "allOf": [
                    branch(SchemaKind::Scheme, "scheme"),
                    branch(SchemaKind::Plan, "plan"),
                    branch(SchemaKind::PeriodReport, "period_report"),
                    branch(SchemaKind::Programme, "programme")
                ]
            })
        }
    }
}

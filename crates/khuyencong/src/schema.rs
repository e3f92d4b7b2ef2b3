//! JSON Schemas (draft 2020-12) of the documents and outputs, generated from the types.
//!
//! The committed copies live in `docs/schema/`; a test keeps them current.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::document::{CheckReport, PeriodReport, Plan, Programme, Scheme};
use crate::support::ProvincialPack;

/// The version of the document formats the schemas describe (`schema_version`).
pub const SCHEMA_VERSION: u64 = crate::document::common::SCHEMA_VERSION;

/// Which schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SchemaKind {
    /// Any document: dispatches on `kind` to the scheme, plan, period-report or programme
    /// schema.
    Document,
    /// A scheme.
    Scheme,
    /// An annual plan.
    Plan,
    /// A period report.
    PeriodReport,
    /// A multi-year programme.
    Programme,
    /// The output of `check` (documents with their findings, and a summary).
    Findings,
    /// A provincial rule pack (local support levels set by a People's Council resolution).
    ProvincialPack,
}

impl SchemaKind {
    /// Every schema.
    pub const ALL: [Self; 7] = [
        Self::Document,
        Self::Scheme,
        Self::Plan,
        Self::PeriodReport,
        Self::Programme,
        Self::Findings,
        Self::ProvincialPack,
    ];

    /// The schema's name, also its file stem in `docs/schema/`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Scheme => "scheme",
            Self::Plan => "plan",
            Self::PeriodReport => "period_report",
            Self::Programme => "programme",
            Self::Findings => "findings",
            Self::ProvincialPack => "provincial_pack",
        }
    }

    /// The schema's `$id`: a URN carrying the format version.
    pub fn id(self) -> String {
        format!("urn:khuyencong:schema:{}:{SCHEMA_VERSION}", self.name())
    }

    /// Looks a schema up by name (`plan`, `period_report`, `period-report`, …).
    pub fn from_name(name: &str) -> Option<Self> {
        let n = name.replace('-', "_");
        Self::ALL.iter().copied().find(|k| k.name() == n)
    }
}

fn root<T: JsonSchema>(kind: SchemaKind) -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<T>();
    let mut value = schema.to_value();
    if let Value::Object(map) = &mut value {
        map.insert("$id".into(), Value::String(kind.id()));
        map.insert(
            "x-schema-version".into(),
            Value::Number(SCHEMA_VERSION.into()),
        );
    }
    value
}

/// The JSON Schema of one kind, as a JSON value.
pub fn json_schema(kind: SchemaKind) -> Value {
    match kind {
        SchemaKind::Scheme => root::<Scheme>(kind),
        SchemaKind::Plan => root::<Plan>(kind),
        SchemaKind::PeriodReport => root::<PeriodReport>(kind),
        SchemaKind::Programme => root::<Programme>(kind),
        SchemaKind::Findings => root::<CheckReport>(kind),
        SchemaKind::ProvincialPack => root::<ProvincialPack>(kind),
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
                "x-schema-version": SCHEMA_VERSION,
                "title": "Industrial-extension document / Văn bản khuyến công",
                "description": "Any document: `kind` selects the scheme, plan, period-report or programme schema (their `$id`s must be registered with the validator). / Mọi loại văn bản: trường `kind` chọn lược đồ.",
                "type": "object",
                "required": ["kind"],
                "properties": {
                    "kind": {
                        "description": "The document kind. / Loại văn bản.",
                        "oneOf": [
                            { "const": "scheme", "title": "Scheme / Đề án khuyến công" },
                            { "const": "plan", "title": "Plan / Kế hoạch khuyến công" },
                            { "const": "period_report", "title": "Period report / Báo cáo tình hình thực hiện" },
                            { "const": "programme", "title": "Programme / Chương trình khuyến công" }
                        ]
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

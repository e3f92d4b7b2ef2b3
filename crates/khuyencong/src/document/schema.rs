//! The JSON Schemas of the documents and of the output of `check`, generated from their
//! types. The structural report validates a document against its kind's schema, compiled
//! once; [`crate::schema::json_schema`] publishes the same values.

use std::sync::LazyLock;

use schemars::JsonSchema;
use serde_json::Value;

use super::{CheckReport, DocumentKind, PeriodReport, Plan, Programme, Scheme};
use crate::input::report::{Compiled, Target};
use crate::input::schema::{SchemaKind, generated, root};

/// The schema of an input type as published, or as generated (`annotated`).
fn of<T: JsonSchema>(kind: SchemaKind, annotated: bool) -> Value {
    if annotated {
        generated::<T>(kind)
    } else {
        root::<T>(kind, true)
    }
}

/// The schema of a document kind as published, or as generated before it is made strict
/// (`annotated`: see [`crate::schema::annotated_schema`]).
pub(crate) fn document(kind: DocumentKind, annotated: bool) -> Value {
    match kind {
        DocumentKind::Scheme => of::<Scheme>(SchemaKind::Scheme, annotated),
        DocumentKind::Plan => of::<Plan>(SchemaKind::Plan, annotated),
        DocumentKind::PeriodReport => of::<PeriodReport>(SchemaKind::PeriodReport, annotated),
        DocumentKind::Programme => of::<Programme>(SchemaKind::Programme, annotated),
    }
}

/// The schema of the output of `check` (an output: no `$schema` member), as published or as
/// generated (`annotated`).
pub(crate) fn findings(annotated: bool) -> Value {
    if annotated {
        generated::<CheckReport>(SchemaKind::Findings)
    } else {
        root::<CheckReport>(SchemaKind::Findings, false)
    }
}

static SCHEME: LazyLock<Compiled> =
    LazyLock::new(|| Compiled::new(document(DocumentKind::Scheme, false)));
static PLAN: LazyLock<Compiled> =
    LazyLock::new(|| Compiled::new(document(DocumentKind::Plan, false)));
static REPORT: LazyLock<Compiled> =
    LazyLock::new(|| Compiled::new(document(DocumentKind::PeriodReport, false)));
static PROGRAMME: LazyLock<Compiled> =
    LazyLock::new(|| Compiled::new(document(DocumentKind::Programme, false)));

/// The compiled schema a document of a kind is validated against.
pub(crate) fn compiled(kind: DocumentKind) -> Target {
    match kind {
        DocumentKind::Scheme => &SCHEME,
        DocumentKind::Plan => &PLAN,
        DocumentKind::PeriodReport => &REPORT,
        DocumentKind::Programme => &PROGRAMME,
    }
}

//! Structural problems of a document: what the strict reader refused, reported in one pass
//! (every problem, with its JSON Pointer and messages in both languages), the document's
//! `kind` and `id` whenever they can be read, and — where it is safe — the document with
//! the problems set aside, so that the rules can still be checked.

use serde_json::Value;

use super::DocumentKind;
use crate::finding::{Finding, Unlisted, Wording, escape_token};
use crate::input::report::{self, Issue, Target, What};

/// What the structural report found about an input the strict reader refused.
pub(crate) struct Report {
    /// The document's kind, when it can be read.
    pub kind: Option<DocumentKind>,
    /// The document's `id`, when it can be read.
    pub id: Option<String>,
    /// Every structural finding.
    pub findings: Vec<Finding>,
    /// The value with unknown fields dropped and unreadable free text set aside, for the
    /// rules; `None` when that is not safe (then the first problem that prevents it).
    pub prunable: Result<(Value, Vec<String>), String>,
}

fn target(kind: DocumentKind) -> Target {
    super::schema::compiled(kind)
}

fn kind_of(code: &str) -> Option<DocumentKind> {
    match code {
        super::tag::SchemeTag::VALUE => Some(DocumentKind::Scheme),
        super::tag::PlanTag::VALUE => Some(DocumentKind::Plan),
        super::tag::ReportTag::VALUE => Some(DocumentKind::PeriodReport),
        super::tag::ProgrammeTag::VALUE => Some(DocumentKind::Programme),
        _ => None,
    }
}

/// Examines an input (without a byte-order mark) that the strict reader refused.
pub(crate) fn report(bytes: &[u8]) -> Report {
    let (parsed, examined) = report::read(bytes);
    let root = examined
        .value
        .as_ref()
        .and_then(Value::as_object)
        .or(examined.root.as_ref());
    let duplicate_kind = parsed
        .duplicates
        .iter()
        .any(|(object, key)| object.is_empty() && key == "kind");
    let kind = if duplicate_kind {
        None
    } else {
        root.and_then(|r| r.get("kind"))
            .and_then(Value::as_str)
            .and_then(kind_of)
    };
    let id = if kind.is_some() {
        root.and_then(|r| r.get("id"))
            .and_then(Value::as_str)
            .map(str::to_owned)
    } else {
        None
    };
    let duplicates = |findings: &mut Vec<Finding>| {
        for (object, field) in &parsed.duplicates {
            findings.push(
                Issue {
                    path: object.clone(),
                    what: What::DuplicateField {
                        field: field.clone(),
                    },
                }
                .finding(),
            );
        }
    };
    let mut out = Report {
        kind,
        id,
        findings: examined.findings,
        prunable: Err(String::new()),
    };
    let Some(value) = examined.value else {
        // Not JSON: the duplicates met before the error are problems too.
        duplicates(&mut out.findings);
        return out;
    };
    let Some(object) = value.as_object() else {
        out.findings.push(
            report::InvalidType {
                shape: report::Shape::Document,
                p: report::At::root(),
                expected: report::Types::none(),
                got: report::Type::Object,
                field: None,
            }
            .at(""),
        );
        return out;
    };
    let Some(kind) = kind else {
        if !duplicate_kind {
            out.findings.push(match object.get("kind") {
                None => report::MissingField {
                    field: "kind".to_owned(),
                    p: report::At::root(),
                    kinds: Unlisted(Wording(
                        ": `scheme`, `plan`, `period_report` hoặc `programme`",
                        ": `scheme`, `plan`, `period_report` or `programme`",
                    )),
                }
                .at(""),
                Some(Value::String(other)) => report::UnknownKind {
                    kind: Unlisted(report::Input(other.clone())),
                    field: "kind",
                }
                .at("/kind"),
                Some(_) => report::InvalidType {
                    shape: report::Shape::KindField,
                    p: report::At::root(),
                    expected: report::Types::none(),
                    got: report::Type::Object,
                    field: Some("kind"),
                }
                .at("/kind"),
            });
        }
        duplicates(&mut out.findings);
        return out;
    };
    let target = target(kind);
    let issues = report::validate(&parsed, &value, target);
    out.findings = issues.iter().map(Issue::finding).collect();
    out.prunable = prune(value, &issues, target);
    out
}

/// The value with unknown fields dropped and unreadable optional free text (titles, notes,
/// names) removed — what the rules can be checked on without any risk of a false finding,
/// since no rule computes with either. Anything else wrong (a figure, a date, a code, a
/// missing or duplicated value) stops the rules: `Err` names the first such place.
fn prune(
    mut value: Value,
    issues: &[Issue],
    target: Target,
) -> Result<(Value, Vec<String>), String> {
    // First decide, on the value as read, what to set aside; then set it aside.
    let mut unknown = Vec::new();
    let mut removed = Vec::new();
    for issue in issues {
        let place = match &issue.what {
            What::UnknownField { field, .. } => {
                unknown.push((issue.path.as_str(), field.as_str()));
                continue;
            }
            What::DuplicateField { field } => format!("{}/{}", issue.path, escape_token(field)),
            What::MissingField { .. } => return Err(issue.path.clone()),
            _ => issue.path.clone(),
        };
        if !place.contains('/') || !report::is_free_text(target, &value, &place) {
            return Err(place);
        }
        removed.push(place);
    }
    for (object, field) in unknown {
        remove(&mut value, object, field);
    }
    for place in &removed {
        let Some((parent, last)) = place.rsplit_once('/') else {
            return Err(place.clone());
        };
        if !remove(
            &mut value,
            parent,
            &last.replace("~1", "/").replace("~0", "~"),
        ) {
            return Err(place.clone());
        }
    }
    // Removing an optional text never makes the document invalid; a required one would.
    if !removed.is_empty()
        && !report::validate(&report::Parsed::default(), &value, target).is_empty()
    {
        return Err(removed[0].clone());
    }
    Ok((value, removed))
}

/// Removes member `key` of the object at `pointer`; whether it was there.
fn remove(value: &mut Value, pointer: &str, key: &str) -> bool {
    value
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .is_some_and(|m| m.remove(key).is_some())
}

/// The value of the first top-level `"kind"` of a JSON object, found by a quick scan that
/// skips every value before it without reading it (documents usually start with `kind`, as
/// the schema and the examples do); `None` when the scan meets anything unusual (an escape in
/// a key or in the kind, malformed text). Only a hint: the typed reader that follows checks
/// the tag, duplicates and everything else.
pub(crate) fn quick_kind(b: &[u8]) -> Option<&[u8]> {
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    loop {
        i = skip_ws(b, i);
        let (key, next) = plain_string(b, i)?;
        i = skip_ws(b, next);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        if key == b"kind" {
            return plain_string(b, i).map(|(value, _)| value);
        }
        i = skip_value(b, i)?;
        i = skip_ws(b, i);
        if b.get(i) != Some(&b',') {
            return None;
        }
        i += 1;
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// A string without escapes starting at `i`: its contents and the index after it.
fn plain_string(b: &[u8], i: usize) -> Option<(&[u8], usize)> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let rest = b.get(i + 1..)?;
    let end = rest.iter().position(|c| *c == b'"' || *c == b'\\')?;
    (rest[end] == b'"').then(|| (&rest[..end], i + 1 + end + 1))
}

/// The index after the string starting at `i` (escapes allowed).
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        let rest = b.get(i..)?;
        let at = rest.iter().position(|c| *c == b'"' || *c == b'\\')?;
        if rest[at] == b'"' {
            return Some(i + at + 1);
        }
        i += at + 2;
    }
}

/// The index after the value starting at `i`, without reading it.
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            loop {
                match b.get(i)? {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let start = i;
            while b
                .get(i)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            {
                i += 1;
            }
            (i > start).then_some(i)
        }
    }
}

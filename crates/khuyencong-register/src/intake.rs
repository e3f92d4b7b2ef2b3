//! Intake: documents go in only through the checker, in one transaction per batch.

use khuyencong::Severity;
use khuyencong::document::{CheckOptions, Checked, Document, check_bytes};
use khuyencong::law::Lang;

use crate::db::{Db, Value};
use crate::extract::{Extract, activity_group, exactness_code, extract};
use crate::{Register, RegisterError, now};

/// One document to add: its bytes and where they came from.
#[derive(Debug, Clone, Copy)]
pub struct Submission<'a> {
    /// The file name (`-` for standard input).
    pub source: &'a str,
    /// The line of a JSON Lines file (from 1), if any.
    pub line: Option<u64>,
    /// The document's bytes, exactly as submitted.
    pub bytes: &'a [u8],
}

impl<'a> Submission<'a> {
    /// A document read from a file.
    pub fn new(source: &'a str, bytes: &'a [u8]) -> Self {
        Self {
            source,
            line: None,
            bytes,
        }
    }
}

/// What became of a submitted document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Stored as a new version: the checker found no error.
    Accepted,
    /// Stored as rejected, with its findings: the checker found errors.
    Rejected,
    /// Not stored again: the same bytes are already registered as this version, with the
    /// same outcome.
    Unchanged,
}

impl Status {
    /// The code: `accepted`, `rejected`, `unchanged`.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
            Self::Unchanged => "unchanged",
        }
    }
}

/// The outcome of one submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// Where it came from.
    pub source: String,
    /// The line of a JSON Lines file.
    pub line: Option<u64>,
    /// The document kind, if it could be read.
    pub kind: Option<&'static str>,
    /// The document's id, if it could be read.
    pub doc_id: Option<String>,
    /// The version it was stored as (or is already registered as).
    pub version: Option<i64>,
    /// What became of it.
    pub status: Status,
    /// The version it supersedes, if any.
    pub supersedes: Option<i64>,
    /// Error findings.
    pub errors: u64,
    /// Warning findings.
    pub warnings: u64,
    /// Information findings.
    pub infos: u64,
}

/// A submission checked, before the transaction.
struct Prepared<'a> {
    submission: Submission<'a>,
    checked: Checked,
    extract: Option<Extract>,
}

fn int(v: u64) -> Value {
    // Amounts are at most 2^53 − 1 đồng and counts fit likewise: always within i64.
    Value::Int(i64::try_from(v).unwrap_or(i64::MAX))
}

fn counts(findings: &[khuyencong::Finding]) -> (u64, u64, u64) {
    let mut c = (0, 0, 0);
    for f in findings {
        match f.severity {
            Severity::Error => c.0 += 1,
            Severity::Warning => c.1 += 1,
            Severity::Info => c.2 += 1,
        }
    }
    c
}

impl Register {
    /// Checks each submission and stores it, all in one transaction: the register holds the
    /// whole batch or, on any failure (or if the process dies), none of it.
    ///
    /// A document without errors is stored as a new version of its `(kind, id)` and
    /// supersedes the current accepted version; a document with errors is stored as rejected
    /// with its findings and supersedes nothing; bytes already registered are not stored
    /// twice. `on_stored` is called after each document is written (inside the transaction).
    ///
    /// # Errors
    /// The database refused a write (then nothing of the batch is kept).
    pub fn add(
        &mut self,
        submissions: &[Submission<'_>],
        on_stored: &mut dyn FnMut(usize, &Added),
    ) -> Result<Vec<Added>, RegisterError> {
        let options = CheckOptions::default();
        // The checks run before the transaction, so that it stays short.
        let mut prepared = Vec::with_capacity(submissions.len());
        for s in submissions {
            let checked = check_bytes(s.bytes, &options);
            let extract = match (&checked.document, checked.has_errors()) {
                (Some(doc), false) => Some(extract(doc).map_err(|e| {
                    RegisterError::invalid(
                        format!("`{}`: {e}", s.source),
                        format!("`{}`: {}", s.source, e.message_vi()),
                    )
                })?),
                _ => None,
            };
            prepared.push(Prepared {
                submission: *s,
                checked,
                extract,
            });
        }
        let rules = khuyencong::rules_version();
        self.db.write(|db| {
            let batch = db.insert_id(
                "INSERT INTO batches (started_at, rules_version, command) VALUES (?, ?, 'add')",
                &[now().into(), rules.as_str().into()],
            )?;
            let mut out = Vec::with_capacity(prepared.len());
            for (i, p) in prepared.iter().enumerate() {
                let added = store(db, batch, &rules, p)?;
                on_stored(i, &added);
                out.push(added);
            }
            Ok(out)
        })
    }
}

fn store(db: &mut Db, batch: i64, rules: &str, p: &Prepared<'_>) -> Result<Added, RegisterError> {
    let checked = &p.checked;
    let kind = checked.kind.map(khuyencong::document::DocumentKind::code);
    let doc_id = checked.id.clone();
    let (errors, warnings, infos) = counts(&checked.findings);
    let accepted = p.extract.is_some();
    let mut added = Added {
        source: p.submission.source.to_owned(),
        line: p.submission.line,
        kind,
        doc_id: doc_id.clone(),
        version: None,
        status: if accepted {
            Status::Accepted
        } else {
            Status::Rejected
        },
        supersedes: None,
        errors,
        warnings,
        infos,
    };
    if let (Some(kind), Some(id)) = (kind, &doc_id) {
        let versions = db.query(
            "SELECT version, body, status, superseded_by FROM documents WHERE kind = ? AND doc_id = ? ORDER BY version",
            &[kind.into(), id.as_str().into()],
        )?;
        let mut last = 0;
        for v in &versions {
            let version = v[0].as_i64().unwrap_or(0);
            last = last.max(version);
            // The same bytes with the same outcome are not stored again; the same bytes
            // with another outcome (the rules changed since) are a new version.
            let same_outcome =
                v[2].as_str() == Some(if accepted { "accepted" } else { "rejected" });
            if same_outcome
                && matches!(&v[1], Value::Bytes(b) if b.as_slice() == p.submission.bytes)
            {
                added.version = Some(version);
                added.status = Status::Unchanged;
                return Ok(added);
            }
            if accepted && v[2].as_str() == Some("accepted") && v[3] == Value::Null {
                added.supersedes = Some(version);
            }
        }
        added.version = Some(last + 1);
    }
    let x = p.extract.as_ref();
    let now = now();
    let document = db.insert_id(
        "INSERT INTO documents (batch, kind, doc_id, version, status, source, source_line, added_at, rules_version, title, province, province_key, province_now, fund_level, period_from, period_to, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        &[
            batch.into(),
            kind.into(),
            doc_id.clone().into(),
            added.version.into(),
            (if accepted { "accepted" } else { "rejected" }).into(),
            p.submission.source.into(),
            p.submission.line.map_or(Value::Null, int),
            now.as_str().into(),
            rules.into(),
            x.and_then(|x| x.title.clone()).into(),
            x.and_then(|x| x.province.clone()).into(),
            x.and_then(|x| x.province_key.clone()).into(),
            x.and_then(|x| x.province_now.clone()).into(),
            x.and_then(|x| x.fund_level).into(),
            x.and_then(|x| x.period_from.clone()).into(),
            x.and_then(|x| x.period_to.clone()).into(),
            Value::Bytes(p.submission.bytes.to_vec()),
        ],
    )?;
    insert_check(db, document, batch, rules, &now, &checked.findings)?;
    if let (Some(x), Some(kind), Some(id)) = (x, kind, &doc_id) {
        db.execute(
            "UPDATE documents SET superseded_by = ? WHERE kind = ? AND doc_id = ? AND status = 'accepted' AND superseded_by IS NULL AND id <> ?",
            &[document.into(), kind.into(), id.as_str().into(), document.into()],
        )?;
        index(db, document, batch, &now, x, true)?;
    }
    Ok(added)
}

/// Stores a check and its findings; returns the check's id.
pub(crate) fn insert_check(
    db: &mut Db,
    document: i64,
    batch: i64,
    rules: &str,
    at: &str,
    findings: &[khuyencong::Finding],
) -> Result<i64, RegisterError> {
    let (errors, warnings, infos) = counts(findings);
    let check = db.insert_id(
        "INSERT INTO checks (document, batch, checked_at, rules_version, errors, warnings, infos) VALUES (?, ?, ?, ?, ?, ?, ?)",
        &[
            document.into(),
            batch.into(),
            at.into(),
            rules.into(),
            int(errors),
            int(warnings),
            int(infos),
        ],
    )?;
    for (seq, f) in findings.iter().enumerate() {
        let json = serde_json::to_string(f)
            .map_err(|e| RegisterError::Database(format!("cannot encode a finding: {e}")))?;
        db.execute(
            "INSERT INTO findings (check_id, seq, code, severity, path, message_vi, message_en, citation, finding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            &[
                check.into(),
                int(seq as u64),
                f.code.as_str().into(),
                f.severity.code().into(),
                f.path.as_str().into(),
                f.message_vi().into_owned().into(),
                f.message_en().into_owned().into(),
                f.citation.map(|c| c.render(Lang::Vi)).into(),
                json.into(),
            ],
        )?;
    }
    Ok(check)
}

/// Writes what the register indexes of an accepted document.
fn index(
    db: &mut Db,
    document: i64,
    batch: i64,
    at: &str,
    x: &Extract,
    states: bool,
) -> Result<(), RegisterError> {
    for (seq, m) in x.mentions.iter().enumerate() {
        db.execute(
            "INSERT INTO schemes (scheme_id, first_document) VALUES (?, ?) ON CONFLICT (scheme_id) DO NOTHING",
            &[m.scheme_id.as_str().into(), document.into()],
        )?;
        db.execute(
            "INSERT INTO scheme_mentions (document, seq, scheme_id, role, title, province, province_key, fund_level, year, approved_on, approval_number, support_vnd, support_exactness, total_cost_vnd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            &[
                document.into(),
                int(seq as u64),
                m.scheme_id.as_str().into(),
                m.role.into(),
                m.title.clone().into(),
                m.province.clone().into(),
                x.province_key.clone().into(),
                m.fund_level.into(),
                m.year.into(),
                m.approved_on.clone().into(),
                m.approval_number.clone().into(),
                m.support_vnd.map_or(Value::Null, int),
                m.support_exactness.map(exactness_code).into(),
                m.total_cost_vnd.map_or(Value::Null, int),
            ],
        )?;
        for (i, a) in m.activities.iter().enumerate() {
            db.execute(
                "INSERT INTO scheme_activities (document, mention, seq, activity, activity_group) VALUES (?, ?, ?, ?, ?)",
                &[
                    document.into(),
                    int(seq as u64),
                    int(i as u64),
                    a.code().into(),
                    activity_group(*a).into(),
                ],
            )?;
        }
    }
    for (seq, b) in x.beneficiaries.iter().enumerate() {
        db.execute(
            "INSERT INTO beneficiaries (document, seq, scheme_id, name, name_key, other_state_funding_same_items) VALUES (?, ?, ?, ?, ?, ?)",
            &[
                document.into(),
                int(seq as u64),
                b.scheme_id.as_str().into(),
                b.name.clone().into(),
                b.name_key.clone().into(),
                b.other_state_funding_same_items.map(i64::from).into(),
            ],
        )?;
    }
    for (scheme_id, state, date, source) in x.states.iter().filter(|_| states) {
        db.execute(
            "INSERT INTO scheme_states (scheme_id, state, on_date, source, document, batch, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            &[
                scheme_id.as_str().into(),
                (*state).into(),
                date.as_str().into(),
                source.as_str().into(),
                document.into(),
                batch.into(),
                at.into(),
            ],
        )?;
    }
    for (seq, l) in x.report_lines.iter().enumerate() {
        db.execute(
            "INSERT INTO report_lines (document, seq, activity, activity_group, fund_level, year_from, year_to) VALUES (?, ?, ?, ?, ?, ?, ?)",
            &[
                document.into(),
                int(seq as u64),
                l.activity.code().into(),
                activity_group(l.activity).into(),
                l.fund_level.into(),
                l.year_from.into(),
                l.year_to.into(),
            ],
        )?;
    }
    for (programme, relation) in &x.programmes {
        db.execute(
            "INSERT INTO programme_refs (document, programme_id, relation) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            &[document.into(), programme.as_str().into(), (*relation).into()],
        )?;
    }
    for (scheme_id, programme) in &x.scheme_programmes {
        db.execute(
            "INSERT INTO scheme_programmes (document, scheme_id, programme_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            &[
                document.into(),
                scheme_id.as_str().into(),
                programme.as_str().into(),
            ],
        )?;
    }
    for (seq, t) in x.targets.iter().enumerate() {
        db.execute(
            "INSERT INTO targets (document, seq, programme_id, basis, province, province_key, period_from, period_to, year, activity, fund_level, level, measure, target, exactness, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            &[
                document.into(),
                int(seq as u64),
                t.programme_id.clone().into(),
                t.basis.into(),
                x.province.clone().into(),
                t.province_key.clone().into(),
                t.period_from.clone().into(),
                t.period_to.clone().into(),
                t.year.into(),
                t.activity.into(),
                t.fund_level.into(),
                t.level.into(),
                t.measure.into(),
                int(t.target),
                exactness_code(t.exactness).into(),
                t.text.clone().into(),
            ],
        )?;
    }
    for (seq, row) in x.totals.iter().enumerate() {
        let key = |k: &str| -> Value { row.keys.get(k).cloned().flatten().into() };
        db.execute(
            "INSERT INTO document_totals (document, seq, province, province_now, period, fund_level, source, activity, funding_vnd, support_vnd, total_investment_vnd, counterpart_vnd, establishments, exactness) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            &[
                document.into(),
                int(seq as u64),
                key("province"),
                key("province_now"),
                key("period"),
                key("fund_level"),
                key("source"),
                key("activity"),
                int(row.funding_vnd),
                int(row.support_vnd),
                int(row.total_investment_vnd),
                int(row.counterpart_vnd),
                int(row.establishments),
                exactness_code(row.exactness).into(),
            ],
        )?;
    }
    Ok(())
}

/// Reads a stored body back into a document (for the questions that need the core's totals).
pub(crate) fn parse_body(body: &Value) -> Option<Document> {
    match body {
        Value::Bytes(b) => khuyencong::document::parse(b).ok(),
        _ => None,
    }
}

/// The tables derived from the stored documents (rebuilt by [`reindex`]); the states a
/// document stated at intake are kept as recorded.
const DERIVED: [&str; 8] = [
    "scheme_mentions",
    "scheme_activities",
    "beneficiaries",
    "report_lines",
    "programme_refs",
    "scheme_programmes",
    "targets",
    "document_totals",
];

/// Rebuilds what the register reads out of its accepted documents (links, beneficiaries,
/// targets, the core's totals, the province columns), inside the caller's transaction: after
/// a migration, so that the index is what this library reads from the same bytes.
pub(crate) fn reindex(db: &mut Db) -> Result<(), RegisterError> {
    for table in DERIVED {
        db.execute(&format!("DELETE FROM {table}"), &[])?;
    }
    let docs = db.query(
        "SELECT id, batch, added_at, body FROM documents WHERE status = 'accepted' ORDER BY id",
        &[],
    )?;
    for d in docs {
        let (Some(id), Some(batch)) = (d[0].as_i64(), d[1].as_i64()) else {
            continue;
        };
        // A document this library can no longer read keeps no index; `recheck` lists it.
        let Some(doc) = parse_body(&d[3]) else {
            continue;
        };
        let x = extract(&doc)?;
        db.execute(
            "UPDATE documents SET title = ?, province = ?, province_key = ?, province_now = ?, fund_level = ?, period_from = ?, period_to = ? WHERE id = ?",
            &[
                x.title.clone().into(),
                x.province.clone().into(),
                x.province_key.clone().into(),
                x.province_now.clone().into(),
                x.fund_level.into(),
                x.period_from.clone().into(),
                x.period_to.clone().into(),
                id.into(),
            ],
        )?;
        index(db, id, batch, d[2].as_str().unwrap_or_default(), &x, false)?;
    }
    Ok(())
}

//! The questions people ask of the register, and recording a scheme's state.
//!
//! Money is added up by the core ([`khuyencong::totals::totals`]) over the registered
//! documents; links and states are read from the views of `sql/0002_views.sql`.

use std::str::FromStr;

use chrono::NaiveDate;
use khuyencong::document::{CheckOptions, Document, Exactness, check_bytes};
use khuyencong::totals::{NOT_ITEMISED, TotalsKey, TotalsRow, totals};

use crate::db::{Db, Value};
use crate::extract::exactness_code;
use crate::intake::{insert_check, parse_body};
use crate::table::Table;
use crate::{Register, RegisterError, now};

/// A key of the money question (the core's totals keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyKey(pub TotalsKey);

impl FromStr for MoneyKey {
    type Err = RegisterError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse::<TotalsKey>()
            .map(MoneyKey)
            .map_err(|e| RegisterError::invalid(e.clone(), e))
    }
}

/// Which province documents are grouped under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProvinceEra {
    /// The province as the document names it (of its time).
    #[default]
    Time,
    /// The province of today, after the merger of 2025-07-01 (Resolution 202/2025/QH15).
    Now,
}

/// A state of a scheme to record, with its date and source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateRecord {
    /// The scheme's identifier.
    pub scheme_id: String,
    /// `proposed`, `approved`, `implemented`, `settled` or `cancelled`.
    pub state: String,
    /// The day it took effect.
    pub on_date: NaiveDate,
    /// What says so: a decision's number and issuer, a minute, a report.
    pub source: String,
    /// A note.
    pub note: Option<String>,
}

/// The states a scheme goes through.
pub const STATES: [&str; 5] = [
    "proposed",
    "approved",
    "implemented",
    "settled",
    "cancelled",
];

fn int(v: u64) -> Value {
    Value::Int(i64::try_from(v).unwrap_or(i64::MAX))
}

/// The current documents (accepted, not superseded), read back by the core, with their
/// province of today.
/// A current document with its province key and province of today.
type Current = (Document, Option<String>, Option<String>);

fn current_documents(db: &mut Db, kind: Option<&str>) -> Result<Vec<Current>, RegisterError> {
    let rows = db.query(
        "SELECT body, province_key, province_now FROM documents WHERE status = 'accepted' AND superseded_by IS NULL AND (CAST(? AS TEXT) IS NULL OR kind = ?) ORDER BY id",
        &[kind.into(), kind.into()],
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for mut r in rows {
        let now = std::mem::replace(&mut r[2], Value::Null).into_string();
        let key = std::mem::replace(&mut r[1], Value::Null).into_string();
        let doc = parse_body(&r[0]).ok_or_else(|| {
            RegisterError::Database(
                "an accepted document can no longer be read by this version of the library; run `khuyencong register recheck`".to_owned(),
            )
        })?;
        out.push((doc, key, now));
    }
    Ok(out)
}

/// Rows of the core's totals as a table: the keys, then every figure the core names
/// ([`TotalsRow::FIGURES`]), read from the row's own JSON form so that a figure the core adds
/// is shown without a change here.
fn totals_table(rows: &[TotalsRow], by: &[TotalsKey]) -> Table {
    let mut columns: Vec<&str> = by.iter().map(|k| k.code()).collect();
    columns.extend(TotalsRow::FIGURES);
    let mut table = Table::new(&columns);
    for r in rows {
        let json = serde_json::to_value(r).unwrap_or_default();
        let mut values: Vec<Value> = by
            .iter()
            .map(|k| r.keys.get(k.code()).cloned().flatten().into())
            .collect();
        values.extend(TotalsRow::FIGURES.iter().map(|f| match json.get(*f) {
            Some(serde_json::Value::Number(n)) => n.as_i64().map_or(Value::Null, Value::Int),
            Some(serde_json::Value::String(s)) => Value::Text(s.clone()),
            Some(serde_json::Value::Bool(b)) => Value::Int(i64::from(*b)),
            _ => Value::Null,
        }));
        table.rows.push(values);
    }
    table
}

fn totals_error(e: &khuyencong::totals::TotalsError) -> RegisterError {
    RegisterError::Totals(e.to_string(), e.message_vi())
}

impl Register {
    /// Money by the given keys over the current documents, added up by the core
    /// ([`khuyencong::totals::totals`]); `kind` is always the first key, so that plans,
    /// schemes and reports are never added together. Provinces are the library's permanent
    /// codes; with [`ProvinceEra::Now`], the `province` key is the province of today (the
    /// core's `province_now`: a former province under its successor of the 2025 arrangement).
    ///
    /// # Errors
    /// A total exceeds the largest amount; the database refused the query.
    pub fn money(&mut self, by: &[MoneyKey], era: ProvinceEra) -> Result<Table, RegisterError> {
        let mut keys = vec![TotalsKey::Kind];
        keys.extend(
            by.iter()
                .map(|k| match (k.0, era) {
                    (TotalsKey::Province, ProvinceEra::Now) => TotalsKey::ProvinceNow,
                    (key, _) => key,
                })
                .filter(|k| *k != TotalsKey::Kind),
        );
        let docs = self.db.read(|db| current_documents(db, None))?;
        let rows = totals(docs.iter().map(|(d, _, _)| d), &keys).map_err(|e| totals_error(&e))?;
        Ok(totals_table(&rows, &keys))
    }

    /// Schemes approved (by their own document or a recorded state) and not cancelled that no
    /// current report counts (view `v_unreported_schemes`).
    ///
    /// # Errors
    /// The database refused the query.
    pub fn unreported(&mut self) -> Result<Table, RegisterError> {
        self.view(
            "SELECT scheme_id, title, province, fund_level, approved_on, approved_by, scheme_document, plans, latest_state FROM v_unreported_schemes ORDER BY approved_on, scheme_id",
            &[
                "scheme_id",
                "title",
                "province",
                "fund_level",
                "approved_on",
                "approved_by",
                "scheme_document",
                "plans",
                "latest_state",
            ],
        )
    }

    /// Schemes per beneficiary (view `v_beneficiary_schemes`): one row per beneficiary,
    /// scheme and activity, with how many schemes the beneficiary has and how many of them
    /// are for the same activity (`double_funding`: the same items supported twice, which
    /// Joint Circular 26/2014/TTLT-BTC-BCT Art. 7.4 bars). With `all` unset, only
    /// beneficiaries of more than one scheme.
    ///
    /// # Errors
    /// The database refused the query.
    pub fn beneficiaries(&mut self, all: bool) -> Result<Table, RegisterError> {
        let sql = format!(
            "SELECT name, name_key, schemes, scheme_id, year, province, fund_level, activity, schemes_same_activity, CASE WHEN schemes_same_activity > 1 THEN 1 ELSE 0 END AS double_funding, other_state_funding_same_items FROM v_beneficiary_schemes {} ORDER BY name_key, activity, year, scheme_id",
            if all { "" } else { "WHERE schemes > 1" }
        );
        self.view(
            &sql,
            &[
                "name",
                "name_key",
                "schemes",
                "scheme_id",
                "year",
                "province",
                "fund_level",
                "activity",
                "schemes_same_activity",
                "double_funding",
                "other_state_funding_same_items",
            ],
        )
    }

    /// Every version of every document (view `v_documents`).
    ///
    /// # Errors
    /// The database refused the query.
    pub fn documents(&mut self) -> Result<Table, RegisterError> {
        self.view(
            "SELECT id, kind, doc_id, version, status, is_current, source, source_line, added_at, rules_version, province, period_from, period_to, errors, warnings, infos FROM v_documents ORDER BY id",
            &[
                "id",
                "kind",
                "doc_id",
                "version",
                "status",
                "is_current",
                "source",
                "source_line",
                "added_at",
                "rules_version",
                "province",
                "period_from",
                "period_to",
                "errors",
                "warnings",
                "infos",
            ],
        )
    }

    /// Each scheme with its document, plans, reports and state (views `v_schemes`,
    /// `v_scheme_reports`).
    ///
    /// # Errors
    /// The database refused the query.
    pub fn schemes(&mut self) -> Result<Table, RegisterError> {
        self.view(
            "SELECT s.scheme_id, s.title, s.province, s.fund_level, s.approved_on, s.plans, (SELECT COUNT(DISTINCT r.report_id) FROM v_scheme_reports r WHERE r.scheme_id = s.scheme_id) AS reports, s.state, s.state_on, s.state_source FROM v_schemes s ORDER BY s.scheme_id",
            &[
                "scheme_id",
                "title",
                "province",
                "fund_level",
                "approved_on",
                "plans",
                "reports",
                "state",
                "state_on",
                "state_source",
            ],
        )
    }

    fn view(&mut self, sql: &str, columns: &[&str]) -> Result<Table, RegisterError> {
        let rows = self.db.read(|db| db.query(sql, &[]))?;
        let mut t = Table::new(columns);
        t.rows = rows;
        Ok(t)
    }

    /// Records a state of a scheme, with its date and source.
    ///
    /// # Errors
    /// An unknown state; a scheme no registered document mentions; an empty source.
    pub fn record_state(&mut self, record: &StateRecord) -> Result<(), RegisterError> {
        if !STATES.contains(&record.state.as_str()) {
            return Err(RegisterError::invalid(
                format!(
                    "unknown state `{}`; expected one of: {}",
                    record.state,
                    STATES.join(", ")
                ),
                format!(
                    "trạng thái `{}` không hợp lệ; chọn một trong: {}",
                    record.state,
                    STATES.join(", ")
                ),
            ));
        }
        if record.source.trim().is_empty() {
            return Err(RegisterError::invalid(
                "a state needs its source: the decision or document that says so",
                "trạng thái cần nêu căn cứ: quyết định hoặc văn bản ghi nhận",
            ));
        }
        let rules = khuyencong::rules_version();
        self.db.write(|db| {
            let known = db.query(
                "SELECT 1 FROM schemes WHERE scheme_id = ?",
                &[record.scheme_id.as_str().into()],
            )?;
            if known.is_empty() {
                return Err(RegisterError::invalid(
                    format!(
                        "no registered document mentions the scheme `{}`: add its scheme document or the plan that lists it first",
                        record.scheme_id
                    ),
                    format!(
                        "chưa có văn bản nào trong sổ nêu đề án `{}`: thêm văn bản đề án hoặc kế hoạch có đề án trước",
                        record.scheme_id
                    ),
                ));
            }
            let at = now();
            let batch = db.insert_id(
                "INSERT INTO batches (started_at, rules_version, command) VALUES (?, ?, 'state')",
                &[at.as_str().into(), rules.as_str().into()],
            )?;
            db.execute(
                "INSERT INTO scheme_states (scheme_id, state, on_date, source, document, batch, recorded_at, note) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)",
                &[
                    record.scheme_id.as_str().into(),
                    record.state.as_str().into(),
                    record.on_date.to_string().into(),
                    record.source.trim().into(),
                    batch.into(),
                    at.as_str().into(),
                    record.note.clone().into(),
                ],
            )?;
            Ok(())
        })
    }

    /// Checks every stored document again under the current rules and lists what changed:
    /// one row per finding that appeared or disappeared since the document's latest check.
    /// Unless `dry_run`, a new check is recorded for each document whose findings changed
    /// (its status at intake stays as it was; `would_be` says what it would be now).
    ///
    /// # Errors
    /// The database refused a query or a write.
    pub fn recheck(&mut self, dry_run: bool) -> Result<Table, RegisterError> {
        let rules = khuyencong::rules_version();
        let options = CheckOptions::default();
        let mut table = Table::new(&[
            "document",
            "kind",
            "doc_id",
            "version",
            "status",
            "would_be",
            "rules_before",
            "change",
            "severity",
            "code",
            "path",
            "message_vi",
            "message_en",
        ]);
        self.db.write(|db| {
            let docs = db.query(
                "SELECT d.id, d.kind, d.doc_id, d.version, d.status, d.body, c.id, c.rules_version FROM documents d JOIN checks c ON c.id = (SELECT MAX(c2.id) FROM checks c2 WHERE c2.document = d.id) ORDER BY d.id",
                &[],
            )?;
            let mut batch = None;
            let at = now();
            for d in docs {
                let Value::Bytes(body) = &d[5] else { continue };
                let before: Vec<khuyencong::Finding> = db
                    .query(
                        "SELECT finding FROM findings WHERE check_id = ? ORDER BY seq",
                        &[d[6].clone()],
                    )?
                    .into_iter()
                    .filter_map(|r| r.into_iter().next().and_then(Value::into_string))
                    .filter_map(|s| serde_json::from_str(&s).ok())
                    .collect();
                let after = check_bytes(body, &options).findings;
                let key = |f: &khuyencong::Finding| {
                    (f.path.clone(), f.severity, f.code.clone(), f.message_en().into_owned())
                };
                let mut removed: Vec<&khuyencong::Finding> = Vec::new();
                let mut remaining: Vec<&khuyencong::Finding> = after.iter().collect();
                for f in &before {
                    if let Some(i) = remaining.iter().position(|g| key(g) == key(f)) {
                        remaining.swap_remove(i);
                    } else {
                        removed.push(f);
                    }
                }
                let added = remaining;
                if added.is_empty() && removed.is_empty() {
                    continue;
                }
                let would_be = if after
                    .iter()
                    .any(|f| f.severity == khuyencong::Severity::Error)
                {
                    "rejected"
                } else {
                    "accepted"
                };
                for (change, f) in added
                    .iter()
                    .map(|f| ("added", *f))
                    .chain(removed.iter().map(|f| ("removed", *f)))
                {
                    table.rows.push(vec![
                        d[0].clone(),
                        d[1].clone(),
                        d[2].clone(),
                        d[3].clone(),
                        d[4].clone(),
                        would_be.into(),
                        d[7].clone(),
                        change.into(),
                        f.severity.code().into(),
                        f.code.as_str().into(),
                        f.path.as_str().into(),
                        f.message_vi().into_owned().into(),
                        f.message_en().into_owned().into(),
                    ]);
                }
                if !dry_run {
                    let batch = if let Some(b) = batch {
                        b
                    } else {
                        let b = db.insert_id(
                            "INSERT INTO batches (started_at, rules_version, command) VALUES (?, ?, 'recheck')",
                            &[at.as_str().into(), rules.as_str().into()],
                        )?;
                        batch = Some(b);
                        b
                    };
                    let document = d[0].as_i64().unwrap_or_default();
                    insert_check(db, document, batch, &rules, &at, &after)?;
                }
            }
            Ok(())
        })?;
        Ok(table)
    }

    /// Progress against the targets a report proposes for the period after its own: what
    /// the current reports of the same province over that period achieved, period by
    /// period, added up by the core from the result lines of the target's activity (or the
    /// items of its Art. 4 group), and of its fund level and contest level where the target
    /// states them. The targets of programme documents are compared with the reports on them
    /// by [`Register::programme_progress`] (the core's computation).
    ///
    /// What is not itemised is shown as such: `not_itemised_lines` counts the matching
    /// result lines that do not state the figure (then `achieved` is a lower bound), and
    /// `not_itemised` is the part of the reports' stated results total that no activity line
    /// itemises (the core's `not_itemised` bucket: some of it may belong to this target). A
    /// measure the core's totals do not add up is shown with `achieved` empty and a note.
    ///
    /// # Errors
    /// A total exceeds the largest amount; the database refused the query.
    pub fn progress(&mut self) -> Result<Table, RegisterError> {
        let (targets, reports) = self.db.read(|db| {
            let targets = db.query(
                "SELECT doc_id, programme_id, basis, province, province_key, period_from, period_to, activity, fund_level, level, measure, target, exactness, text FROM v_targets WHERE basis = 'report_proposal' ORDER BY province_key, period_from, doc_id, seq",
                &[],
            )?;
            let reports = current_documents(db, Some("period_report"))?;
            Ok((targets, reports))
        })?;
        let mut table = Table::new(&PROGRESS_COLUMNS);
        for t in &targets {
            progress_of(t, &reports, &mut table)?;
        }
        Ok(table)
    }
}

/// The columns of [`Register::programme_progress`] after the core's own
/// ([`khuyencong::totals::ProgressRow`]): the programme's document version, and the core's
/// notes on how the reports were matched to the programme.
const PROGRAMME_PROGRESS_EXTRA: [&str; 2] = ["programme_version", "notes"];

impl Register {
    /// Every current programme's targets against the results of the current reports on it
    /// (by the programme's `id`, or by the decision that approved it and the province),
    /// computed by the core ([`khuyencong::totals::progress`]) over the registered
    /// documents: one row per target and indicator (and per year, for a target for each
    /// year), with the core's columns (`achieved` with its exactness, `share`, `met` — empty
    /// when the figures cannot say), the programme's version and the core's notes on the
    /// reports it matched (a yearly report inside a five-year one not counted twice, reports
    /// that overlap, a programme without reports).
    ///
    /// # Errors
    /// The database refused the query.
    pub fn programme_progress(&mut self) -> Result<Table, RegisterError> {
        let (docs, versions) = self.db.read(|db| {
            let mut docs = current_documents(db, Some("programme"))?;
            let versions = db.query(
                "SELECT doc_id, version FROM documents WHERE kind = 'programme' AND status = 'accepted' AND superseded_by IS NULL",
                &[],
            )?;
            docs.extend(current_documents(db, Some("period_report"))?);
            Ok((docs, versions))
        })?;
        let report = khuyencong::totals::progress(docs.iter().map(|(d, _, _)| d));
        let mut columns: Vec<&str> = khuyencong::totals::ProgressRow::FIELDS.to_vec();
        columns.extend(PROGRAMME_PROGRESS_EXTRA);
        let mut table = Table::new(&columns);
        for row in &report.rows {
            let json = serde_json::to_value(row).unwrap_or_default();
            let mut values: Vec<Value> = khuyencong::totals::ProgressRow::FIELDS
                .iter()
                .map(|c| match json.get(*c) {
                    Some(serde_json::Value::Number(n)) => n
                        .as_i64()
                        .map_or_else(|| Value::Text(n.to_string()), Value::Int),
                    Some(serde_json::Value::String(s)) => Value::Text(s.clone()),
                    Some(serde_json::Value::Bool(b)) => Value::Int(i64::from(*b)),
                    _ => Value::Null,
                })
                .collect();
            values.push(
                versions
                    .iter()
                    .find(|v| v[0].as_str() == Some(row.programme_id.as_str()))
                    .map_or(Value::Null, |v| v[1].clone()),
            );
            let notes: Vec<String> = report
                .notes
                .iter()
                .filter(|n| n.programme_id == row.programme_id)
                .map(|n| format!("{} / {}", n.message_vi, n.message_en))
                .collect();
            values.push((!notes.is_empty()).then(|| notes.join("; ")).into());
            table.rows.push(values);
        }
        Ok(table)
    }
}

/// The columns of [`Register::progress`].
const PROGRESS_COLUMNS: [&str; 19] = [
    "province",
    "target_source",
    "programme_id",
    "basis",
    "target_from",
    "target_to",
    "activity",
    "fund_level",
    "level",
    "measure",
    "target",
    "target_exactness",
    "period",
    "achieved",
    "achieved_exactness",
    "not_itemised",
    "reports",
    "not_itemised_lines",
    "note",
];

/// The measures the core's totals add up, and how to read each from a row.
fn measure_of(measure: &str, row: &TotalsRow) -> Option<u64> {
    match measure {
        "support_vnd" => Some(row.support_vnd),
        "total_investment_vnd" => Some(row.total_investment_vnd),
        "establishments" => Some(row.establishments),
        _ => None,
    }
}

fn line_matches(
    l: &khuyencong::document::report::ResultLine,
    activity: Option<&str>,
    fund: Option<&str>,
    level: Option<&str>,
) -> bool {
    activity.is_none_or(|a| {
        l.activity
            .is_some_and(|la| la.code() == a || la.parent().is_some_and(|p| p.code() == a))
    }) && fund.is_none_or(|f| l.fund.is_some_and(|lf| lf.code() == f))
        && level.is_none_or(|v| l.level.is_some_and(|ll| ll.code() == v))
}

/// The rows of one target (a row of `v_targets`).
fn progress_of(t: &[Value], reports: &[Current], table: &mut Table) -> Result<(), RegisterError> {
    let text = |i: usize| t.get(i).and_then(Value::as_str).map(str::to_owned);
    let (province_key, from, to) = (text(4), text(5), text(6));
    let (activity, fund, level) = (text(7), text(8), text(9));
    let measure = text(10).unwrap_or_default();
    // The reports of the province inside the target's period, whole (for what their stated
    // totals do not itemise) and reduced to the target's lines (for what was achieved).
    let mut whole: Vec<Document> = Vec::new();
    let mut matching: Vec<Document> = Vec::new();
    let mut not_itemised_lines = 0u64;
    for (doc, key, _) in reports {
        let Document::PeriodReport(r) = doc else {
            continue;
        };
        if key.is_none() || *key != province_key {
            continue;
        }
        let (rf, rt) = (r.period.from.to_string(), r.period.to.to_string());
        if from.as_ref().is_some_and(|f| rf < *f) || to.as_ref().is_some_and(|t| rt > *t) {
            continue;
        }
        let mut w = r.clone();
        w.targets.clear();
        let mut m = w.clone();
        m.results
            .retain(|l| line_matches(l, activity.as_deref(), fund.as_deref(), level.as_deref()));
        // Only the target's lines: no stated total, whose remainder would then be wrong.
        m.results_total = None;
        m.funding = None;
        let stated = |l: &khuyencong::document::report::ResultLine| match measure.as_str() {
            "support_vnd" => l.support.is_some(),
            "total_investment_vnd" => l.total_investment.is_some(),
            kind => l.counts.iter().any(|(k, _)| k == kind),
        };
        for l in &m.results {
            not_itemised_lines += u64::from(!stated(l));
        }
        // Only the lines that state the figure are added up (a line stating other counts
        // has a totals row of its own, whose figure would read as 0).
        m.results.retain(|l| stated(l));
        whole.push(Document::PeriodReport(w));
        matching.push(Document::PeriodReport(m));
    }
    let row = |period: Value,
               achieved: Value,
               exactness: Value,
               not_itemised: Value,
               reports: u64,
               note: Option<String>| {
        let mut r: Vec<Value> = [3, 0, 1, 2, 5, 6, 7, 8, 9]
            .iter()
            .map(|i| t.get(*i).cloned().unwrap_or(Value::Null))
            .collect();
        r.push(measure.as_str().into());
        r.extend(
            [11, 12]
                .iter()
                .map(|i| t.get(*i).cloned().unwrap_or(Value::Null)),
        );
        r.extend([
            period,
            achieved,
            exactness,
            not_itemised,
            int(reports),
            int(not_itemised_lines),
            note.into(),
        ]);
        r
    };
    if matching.is_empty() {
        table.rows.push(row(
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            0,
            Some("no report of this province for this period is registered / chưa có báo cáo của tỉnh cho kỳ này".to_owned()),
        ));
        return Ok(());
    }
    if !matches!(
        measure.as_str(),
        "support_vnd" | "total_investment_vnd" | "establishments"
    ) {
        table.rows.push(row(
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            matching.len() as u64,
            Some(format!(
                "not assessed: the library's totals do not add up `{measure}` yet / chưa đánh giá: phần tổng hợp của thư viện chưa cộng `{measure}`"
            )),
        ));
        return Ok(());
    }
    // What the reports state only in a total, by period (the core's `not_itemised` bucket).
    let rest: std::collections::BTreeMap<Option<String>, (u64, Exactness)> =
        totals(whole.iter(), &[TotalsKey::Period, TotalsKey::Activity])
            .map_err(|e| totals_error(&e))?
            .into_iter()
            .filter(|r| r.keys.get("activity").cloned().flatten().as_deref() == Some(NOT_ITEMISED))
            .filter_map(|r| {
                let v = measure_of(&measure, &r)?;
                (v > 0).then(|| (r.keys.get("period").cloned().flatten(), (v, r.exactness)))
            })
            .collect();
    let rows = totals(matching.iter(), &[TotalsKey::Period]).map_err(|e| totals_error(&e))?;
    let mut periods: std::collections::BTreeSet<Option<String>> = rest.keys().cloned().collect();
    let achieved: std::collections::BTreeMap<Option<String>, &TotalsRow> = rows
        .iter()
        .map(|r| (r.keys.get("period").cloned().flatten(), r))
        .collect();
    periods.extend(achieved.keys().cloned());
    if periods.is_empty() {
        let with_lines = matching
            .iter()
            .filter(|d| matches!(d, Document::PeriodReport(r) if !r.results.is_empty()))
            .count() as u64;
        table.rows.push(row(
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            with_lines,
            Some(if with_lines == 0 {
                "the registered reports of this province and period have no result line for this target / các báo cáo của tỉnh trong kỳ không có dòng kết quả cho mục tiêu này".to_owned()
            } else {
                "the matching result lines do not state this figure (not itemised) / các dòng kết quả tương ứng không nêu số liệu này (không chi tiết)".to_owned()
            }),
        ));
        return Ok(());
    }
    for period in periods {
        let got = achieved.get(&period);
        let value = got.and_then(|r| measure_of(&measure, r));
        let exactness = got.map(|r| {
            if not_itemised_lines > 0 {
                r.exactness.combine(Exactness::LowerBound)
            } else {
                r.exactness
            }
        });
        let unitemised = rest.get(&period);
        let mut notes = Vec::new();
        if not_itemised_lines > 0 {
            notes.push("some result lines do not state this figure: achieved is a lower bound / một số dòng kết quả không nêu số liệu này: số đạt được là cận dưới");
        }
        if unitemised.is_some() {
            notes.push("the reports state part of this figure only in a total, not by activity (not_itemised) / báo cáo nêu một phần số liệu chỉ ở dòng tổng, không theo nội dung (not_itemised)");
        }
        table.rows.push(row(
            period.into(),
            value.map_or(Value::Null, int),
            exactness.map_or(Value::Null, |e| exactness_code(e).into()),
            unitemised.map_or(Value::Null, |(v, _)| int(*v)),
            got.map_or(0, |r| r.documents),
            (!notes.is_empty()).then(|| notes.join("; ")),
        ));
    }
    Ok(())
}

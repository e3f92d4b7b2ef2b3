//! `khuyencong totals`: exact sums across documents.

use std::process::ExitCode;

use khuyencong::document::Document;
use khuyencong::input::Line;
use khuyencong::law::Lang;
use khuyencong::totals::{ProgressRow, TotalsKey, progress, totals_report};

use crate::input::Item;
use crate::{Format, Usage, input, table};

/// How a totals run answers: grouping or targets, language, format and amounts.
pub struct Style<'a> {
    /// The grouping keys (none with `targets`).
    pub by: &'a [TotalsKey],
    /// Programmes' targets against results instead of sums.
    pub targets: bool,
    pub lang: Lang,
    pub format: Format,
    /// Amounts in table output.
    pub amounts: crate::totals_view::Amounts,
}

/// Runs the command.
pub fn run(
    files: &[String],
    jsonl: bool,
    style: &Style<'_>,
    xlsx: Option<&str>,
) -> Result<ExitCode, Usage> {
    let &Style {
        by,
        targets,
        lang,
        format,
        amounts,
    } = style;
    let mut docs: Vec<Document> = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    input::for_each(files, jsonl, |item| {
        let (source, line, content, sheet) = match item {
            Item::Document {
                source,
                line,
                content,
                sheet,
            } => (source, line, content, sheet),
            Item::Unreadable { en, vi, .. } => return Err(Usage::new(en, vi)),
        };
        let place = match line {
            Some(l) => format!("{source}:{l}"),
            None => source.to_owned(),
        };
        let Line::Text { bytes, .. } = content else {
            return Err(Usage::new(
                format!(
                    "cannot total `{place}`: the line is larger than 16 MiB, the limit for one document"
                ),
                format!(
                    "không tổng hợp được `{place}`: dòng lớn hơn 16 MiB, giới hạn của một văn bản"
                ),
            ));
        };
        match crate::sheet::checked_parse(bytes, sheet) {
            Ok(d) => {
                docs.push(d);
                sources.push(place);
                Ok(())
            }
            Err(findings) => {
                let (f, more) = (&findings[0], findings.len() - 1);
                let at = match &f.cell {
                    Some(cell) => cell.as_str(),
                    None if f.path.is_empty() => "/",
                    None => &f.path,
                };
                Err(Usage::new(
                    format!(
                        "cannot total `{place}`: {} ({at}){}; run `khuyencong check` on it",
                        f.message_en(),
                        if more > 0 {
                            format!(" and {more} more problems")
                        } else {
                            String::new()
                        }
                    ),
                    format!(
                        "không tổng hợp được `{place}`: {} ({at}){}; hãy chạy `khuyencong check`",
                        f.message_vi(),
                        if more > 0 {
                            format!(" và {more} vấn đề khác")
                        } else {
                            String::new()
                        }
                    ),
                ))
            }
        }
    })?;
    if targets {
        return run_targets(&docs, lang, format, amounts);
    }
    let report = totals_report(&docs, by).map_err(|e| Usage::new(e.to_string(), e.message_vi()))?;
    // Every document is counted; those whose check finds errors are named, so a reader
    // knows which figures come from documents that need fixing.
    for d in report.documents.iter().filter(|d| d.errors > 0) {
        let source = table::clean(sources.get(d.index).map_or("?", String::as_str));
        let id = table::clean(&d.id);
        match lang {
            Lang::Vi => eprintln!(
                "lưu ý: `{source}` ({id}) được tổng hợp nhưng có {} lỗi; chạy `khuyencong check` để xem",
                d.errors
            ),
            Lang::En => eprintln!(
                "note: `{source}` ({id}) is included but has {} error(s); run `khuyencong check` on it",
                d.errors
            ),
        }
    }
    // How keys were read (a province typed differently, a former province under today's
    // unit) goes to standard error too, so that the output stays the rows only.
    for n in &report.notes {
        let message = match lang {
            Lang::Vi => &n.message_vi,
            Lang::En => &n.message_en,
        };
        let source = table::clean(sources.get(n.document).map_or("?", String::as_str));
        eprintln!(
            "note[{}] `{source}` {}: {}",
            n.code,
            table::clean(n.key),
            table::clean(message)
        );
    }
    let rows = report.rows;
    let text = match format {
        Format::Json => crate::to_json(&rows)?,
        Format::Jsonl => {
            let mut s = String::new();
            for r in &rows {
                s.push_str(&serde_json::to_string(r).map_err(crate::json_error)?);
                s.push('\n');
            }
            s
        }
        Format::Csv => khuyencong::catalog::to_csv(&grid(&rows, by)),
        Format::Table => {
            crate::totals_view::render(&rows, by, lang, amounts, crate::totals_view::width())
        }
    };
    crate::write_out(&text)?;
    if let Some(path) = xlsx {
        crate::sheet::write_totals(path, &rows, by)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The rows as CSV cells: codes and whole đồng, the shape other tools read.
fn grid(rows: &[khuyencong::totals::TotalsRow], by: &[TotalsKey]) -> Vec<Vec<String>> {
    let money = |v: u64| v.to_string();
    let mut header: Vec<String> = by.iter().map(|k| k.code().to_owned()).collect();
    header.extend(
        khuyencong::totals::TotalsRow::FIGURES
            .iter()
            .map(|f| (*f).to_owned()),
    );
    let mut out = vec![header];
    for r in rows {
        let mut line: Vec<String> = by
            .iter()
            .map(|k| {
                r.keys
                    .get(k.code())
                    .cloned()
                    .flatten()
                    .unwrap_or_else(|| "—".to_owned())
            })
            .collect();
        line.extend([
            r.documents.to_string(),
            r.documents_with_errors
                .map(|n| n.to_string())
                .unwrap_or_default(),
            money(r.funding_vnd),
            money(r.support_vnd),
            money(r.total_investment_vnd),
            money(r.counterpart_vnd),
            r.establishments.to_string(),
            r.jobs_created.to_string(),
            r.workers_trained.to_string(),
            r.counts
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; "),
            serde_json::to_value(r.exactness)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            r.support_share.map(|d| d.to_string()).unwrap_or_default(),
            r.counterpart_per_support
                .map(|d| d.to_string())
                .unwrap_or_default(),
            r.avg_support_per_establishment_vnd
                .map(money)
                .unwrap_or_default(),
        ]);
        out.push(line);
    }
    out
}

/// `totals --targets`: every programme's targets against the results of its reports.
fn run_targets(
    docs: &[Document],
    lang: Lang,
    format: Format,
    amounts: crate::totals_view::Amounts,
) -> Result<ExitCode, Usage> {
    let report = progress(docs);
    for n in &report.notes {
        match lang {
            Lang::Vi => eprintln!(
                "lưu ý ({}): {}",
                table::clean(&n.programme_id),
                table::clean(&n.message_vi)
            ),
            Lang::En => eprintln!(
                "note ({}): {}",
                table::clean(&n.programme_id),
                table::clean(&n.message_en)
            ),
        }
    }
    let rows = &report.rows;
    let text = match format {
        Format::Json => crate::to_json(rows)?,
        Format::Jsonl => {
            let mut s = String::new();
            for r in rows {
                s.push_str(&serde_json::to_string(r).map_err(crate::json_error)?);
                s.push('\n');
            }
            s
        }
        Format::Csv => khuyencong::catalog::to_csv(&targets_grid(rows)),
        Format::Table => {
            crate::totals_view::render_targets(rows, lang, amounts, crate::totals_view::width())
        }
    };
    crate::write_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The rows of `totals --targets` as CSV cells: codes and whole numbers.
fn targets_grid(rows: &[ProgressRow]) -> Vec<Vec<String>> {
    let number = |v: u64| v.to_string();
    let code = |e: khuyencong::document::Exactness| e.code().to_owned();
    let opt = |v: Option<&str>| v.map_or_else(|| "—".to_owned(), str::to_owned);
    let mut out = vec![
        ProgressRow::FIELDS
            .iter()
            .map(|f| (*f).to_owned())
            .collect::<Vec<_>>(),
    ];
    for r in rows {
        out.push(vec![
            r.programme_id.clone(),
            opt(r.province.as_deref()),
            r.target_index.to_string(),
            opt(r.target_id.as_deref()),
            opt(r.activity),
            opt(r.fund_level),
            opt(r.level),
            opt(r.industry),
            opt(r.product_group),
            r.year.map_or_else(|| "—".to_owned(), |y| y.to_string()),
            r.indicator.to_owned(),
            number(r.target),
            r.target_max.map(number).unwrap_or_default(),
            code(r.target_exactness),
            r.achieved.map(number).unwrap_or_default(),
            code(r.achieved_exactness),
            r.reports.to_string(),
            r.share.map(|d| d.to_string()).unwrap_or_default(),
            r.met.map(|m| m.to_string()).unwrap_or_default(),
        ]);
    }
    out
}

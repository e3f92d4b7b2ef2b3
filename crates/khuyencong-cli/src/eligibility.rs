//! `khuyencong eligibility APPLICANT.json --activity CODE --as-of DATE`.

use std::process::ExitCode;

use chrono::NaiveDate;
use khuyencong::activity::Activity;
use khuyencong::catalog::CitationView;
use khuyencong::eligibility::{Assessment, Priority};
use khuyencong::law::Lang;
use khuyencong::{ApplicantFacts, Codelist, Severity};
use serde::Serialize;

use crate::{Format, Usage, to_json, write_out};

/// One finding as the command prints it: the citation carries its renderings.
#[derive(Serialize)]
struct FindingOut<'a> {
    code: &'a str,
    severity: Severity,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    citation: Option<CitationView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<khuyencong::law::Confidence>,
    message_vi: std::borrow::Cow<'a, str>,
    message_en: std::borrow::Cow<'a, str>,
    facts: &'a [String],
}

#[derive(Serialize)]
struct Out<'a> {
    verdict: khuyencong::Verdict,
    beneficiary_category: Option<khuyencong::beneficiary::BeneficiaryCategory>,
    findings: Vec<FindingOut<'a>>,
    missing_facts: &'a [String],
    priorities: &'a [Priority],
    regime: khuyencong::law::Regime,
    as_of: NaiveDate,
    plan_year: i32,
    activity: Activity,
    confidence: khuyencong::law::Confidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    sme_status: Option<khuyencong::sme::SmeStatus>,
}

fn view(a: &Assessment) -> Out<'_> {
    Out {
        verdict: a.verdict,
        beneficiary_category: a.beneficiary_category,
        findings: a
            .findings
            .iter()
            .map(|f| FindingOut {
                code: &f.code,
                severity: f.severity,
                path: &f.path,
                citation: f.citation.map(CitationView::from),
                confidence: f.confidence,
                message_vi: f.message_vi(),
                message_en: f.message_en(),
                facts: &f.facts,
            })
            .collect(),
        missing_facts: &a.missing_facts,
        priorities: &a.priorities,
        regime: a.regime,
        as_of: a.as_of,
        plan_year: a.plan_year,
        activity: a.activity,
        confidence: a.confidence,
        sme_status: a.sme_status,
    }
}

/// Runs the command; exit 0 whatever the verdict.
pub fn run(
    path: &str,
    activity: &str,
    as_of: NaiveDate,
    lang: Lang,
    format: Format,
) -> Result<ExitCode, Usage> {
    let Some(activity) = Activity::from_code(activity) else {
        let codes: Vec<&str> = Activity::ALL.iter().map(|a| a.code()).collect();
        return Err(Usage::new(
            format!(
                "unknown activity `{activity}`; expected one of: {}",
                codes.join(", ")
            ),
            format!(
                "nội dung hoạt động `{activity}` không tồn tại; chọn một trong: {}",
                codes.join(", ")
            ),
        ));
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        Usage::new(
            format!("cannot read `{path}`: {e}"),
            format!("không đọc được tệp `{path}`: {e}"),
        )
    })?;
    let applicant = parse_applicant(&text, path)?;
    let assessment = khuyencong::assess(&applicant, activity, as_of)
        .map_err(|e| Usage::new(e.to_string(), e.message_vi()))?;
    let out = match format {
        Format::Json => to_json(&view(&assessment))?,
        Format::Table => table(&assessment, lang),
        Format::Csv | Format::Jsonl => {
            return Err(Usage::new(
                "eligibility output is json or table",
                "kết quả xét điều kiện chỉ xuất dạng json hoặc table",
            ));
        }
    };
    write_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Parses the applicant, naming the place of any error: line and column for malformed
/// JSON, and the JSON path of the field for a wrong value.
fn parse_applicant(text: &str, file: &str) -> Result<ApplicantFacts, Usage> {
    serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        if e.is_syntax() || e.is_eof() || e.is_io() {
            Usage::new(
                format!("`{file}` is not valid JSON at line {line}, column {column}: {e}"),
                format!("`{file}` không phải JSON hợp lệ tại dòng {line}, cột {column}: {e}"),
            )
        } else {
            let pointer = pointer_at(text, line, column);
            Usage::new(
                format!("`{file}`: invalid applicant at `{pointer}` (line {line}, column {column}): {e}"),
                format!(
                    "`{file}`: dữ kiện không hợp lệ tại `{pointer}` (dòng {line}, cột {column}): {e}"
                ),
            )
        }
    })
}

/// The JSON Pointer of the value being read at (line, column) of a well-formed JSON text —
/// a small scanner that tracks the open objects and arrays up to that position.
fn pointer_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let (mut l, mut c) = (1usize, 0usize);
    let mut last_string: Option<String> = None;
    while let Some((_, ch)) = chars.next() {
        if ch == '\n' {
            l += 1;
            c = 0;
        } else {
            c += 1;
        }
        if l > line || (l == line && c >= column) {
            break;
        }
        match ch {
            '"' => {
                let mut s = String::new();
                while let Some((_, x)) = chars.next() {
                    c += 1;
                    match x {
                        '\\' => {
                            if let Some((_, y)) = chars.next() {
                                c += 1;
                                s.push(y);
                            }
                        }
                        '"' => break,
                        _ => s.push(x),
                    }
                }
                last_string = Some(s);
            }
            ':' => {
                if let Some(Frame::Object(key)) = stack.last_mut() {
                    *key = last_string.take();
                }
            }
            '{' => stack.push(Frame::Object(None)),
            '[' => stack.push(Frame::Array(0)),
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Frame::Array(i)) => *i += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            _ => {}
        }
    }
    let mut out = String::new();
    for f in &stack {
        match f {
            Frame::Object(Some(k)) => {
                out.push('/');
                out.push_str(&khuyencong::finding::escape_token(k));
            }
            Frame::Object(None) => {}
            Frame::Array(i) => out.push_str(&format!("/{i}")),
        }
    }
    out
}

fn table(a: &Assessment, lang: Lang) -> String {
    let (h_verdict, h_category, h_missing, h_priorities) = match lang {
        Lang::Vi => ("kết luận", "đối tượng", "dữ kiện còn thiếu", "ưu tiên"),
        Lang::En => ("verdict", "category", "missing facts", "priorities"),
    };
    let mut out = format!(
        "{h_verdict}: {}\n{h_category}: {}\n\n",
        a.verdict.code(),
        a.beneficiary_category
            .map_or("-".to_owned(), |c| c.label(lang).to_owned())
    );
    let mut rows = vec![
        match lang {
            Lang::Vi => vec!["mức", "mã", "căn cứ", "nội dung"],
            Lang::En => vec!["severity", "code", "citation", "message"],
        }
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>(),
    ];
    for f in &a.findings {
        rows.push(vec![
            f.severity.label(lang).to_owned(),
            f.code.clone(),
            f.citation.map_or_else(String::new, |c| c.render(lang)),
            f.message(lang).into_owned(),
        ]);
    }
    out.push_str(&crate::table::render(&rows));
    if !a.missing_facts.is_empty() {
        out.push_str(&format!("\n{h_missing}: {}\n", a.missing_facts.join(", ")));
    }
    if !a.priorities.is_empty() {
        let codes: Vec<&str> = a.priorities.iter().map(|p| p.code.as_str()).collect();
        out.push_str(&format!("\n{h_priorities}: {}\n", codes.join(", ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pointer_at;

    #[test]
    fn pointer_at_finds_nested_fields() {
        let text = "{\n  \"sme\": {\n    \"total_capital\": 1.5\n  }\n}";
        assert_eq!(pointer_at(text, 3, 23), "/sme/total_capital");
        let text = "{\"priority\": {\"areas\": [\"highland\", \"nope\"]}}";
        assert_eq!(pointer_at(text, 1, 43), "/priority/areas/1");
    }
}

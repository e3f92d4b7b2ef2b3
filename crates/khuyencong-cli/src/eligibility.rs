//! `khuyencong eligibility APPLICANT.json --activity CODE --as-of DATE`.

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::ValueEnum;
use khuyencong::Codelist;
use khuyencong::activity::Activity;
use khuyencong::eligibility::Assessment;
use khuyencong::input::{MAX_INPUT_BYTES, read_applicant, read_file};
use khuyencong::law::Lang;

use crate::table::clean;
use crate::{Usage, to_json, write_out};

/// Output format of `eligibility`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EligibilityFormat {
    /// The assessment as JSON (the `assessment` schema; the same as Python's `assess`).
    Json,
    /// A table for people.
    Table,
}

/// Runs the command; exit 0 whatever the verdict, 2 for an applicant file that cannot be
/// read (every problem listed, each with its JSON Pointer).
pub fn run(
    path: &str,
    activity: &str,
    as_of: NaiveDate,
    lang: Lang,
    format: EligibilityFormat,
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
    let bytes = read_file(std::path::Path::new(path), MAX_INPUT_BYTES)
        .map_err(|e| Usage::new(e.to_string(), e.message_vi()))?;
    let applicant = read_applicant(&bytes).map_err(|findings| {
        let list = |lang: Lang| {
            let mut out = String::new();
            for f in findings
                .iter()
                .filter(|f| f.severity == khuyencong::Severity::Error)
            {
                let at = if f.path.is_empty() { "/" } else { &f.path };
                out.push_str(&format!("\n  {at}  {}  {}", f.code, f.message(lang)));
            }
            out
        };
        Usage::new(
            format!("`{path}`: invalid applicant facts:{}", list(Lang::En)),
            format!(
                "`{path}`: dữ kiện của đối tượng không hợp lệ:{}",
                list(Lang::Vi)
            ),
        )
    })?;
    let assessment = khuyencong::assess(&applicant, activity, as_of)
        .map_err(|e| Usage::new(e.to_string(), e.message_vi()))?;
    let out = match format {
        EligibilityFormat::Json => to_json(&assessment)?,
        EligibilityFormat::Table => table(&assessment, lang),
    };
    write_out(&out)?;
    Ok(ExitCode::SUCCESS)
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
        out.push_str(&format!(
            "\n{h_missing}: {}\n",
            clean(&a.missing_facts.join(", "))
        ));
    }
    if !a.priorities.is_empty() {
        let codes: Vec<&str> = a.priorities.iter().map(|p| p.code.as_str()).collect();
        out.push_str(&format!("\n{h_priorities}: {}\n", codes.join(", ")));
    }
    out
}

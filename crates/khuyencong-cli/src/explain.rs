//! `khuyencong explain`: what a finding code means, its legal basis and how to fix it.

use std::process::ExitCode;

use khuyencong::finding::FindingDef;
use khuyencong::law::Lang;
use khuyencong::registry::{explain, findings as registry};

use crate::{ExplainFormat, Usage};

/// Runs the command.
pub fn run(code: &str, lang: Lang, format: ExplainFormat) -> Result<ExitCode, Usage> {
    let Some(def) = explain(code) else {
        let mut near: Vec<&str> = registry()
            .map(|d| d.code)
            .filter(|c| c.split('.').next() == code.split('.').next())
            .collect();
        near.truncate(8);
        return Err(Usage::new(
            format!(
                "unknown finding code `{code}`; known codes start with: {}",
                prefixes()
            ),
            format!(
                "mã phát hiện `{code}` không tồn tại; các mã bắt đầu bằng: {}{}",
                prefixes(),
                if near.is_empty() {
                    String::new()
                } else {
                    format!(" (gần giống: {})", near.join(", "))
                }
            ),
        ));
    };
    let text = match format {
        ExplainFormat::Json => crate::to_json(&json(def))?,
        ExplainFormat::Jsonl => {
            let mut line = serde_json::to_string(&json(def)).map_err(crate::json_error)?;
            line.push('\n');
            line
        }
        ExplainFormat::Table => text(def, lang),
    };
    crate::write_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn prefixes() -> String {
    let mut p: Vec<&str> = registry()
        .filter_map(|d| d.code.split('.').next())
        .collect();
    p.sort_unstable();
    p.dedup();
    p.join(", ")
}

fn json(d: &FindingDef) -> serde_json::Value {
    serde_json::json!({
        "code": d.code,
        "severity": d.severity,
        "citation": d.citation.map(|c| serde_json::json!({
            "vi": c.render(Lang::Vi), "en": c.render(Lang::En), "citation": c,
        })),
        "meaning_vi": d.meaning_vi,
        "meaning_en": d.meaning_en,
        "fix_vi": d.fix_vi,
        "fix_en": d.fix_en,
    })
}

fn text(d: &FindingDef, lang: Lang) -> String {
    let (m, f, basis, fix, meaning) = match lang {
        Lang::Vi => (d.meaning_vi, d.fix_vi, "Căn cứ", "Cách sửa", "Ý nghĩa"),
        Lang::En => (d.meaning_en, d.fix_en, "Basis", "Fix", "Meaning"),
    };
    let mut s = format!("{} ({})\n{meaning}: {m}\n", d.code, d.severity.label(lang));
    if let Some(c) = d.citation {
        s.push_str(&format!("{basis}: {}\n", c.render(lang)));
    }
    s.push_str(&format!("{fix}: {f}\n"));
    s
}

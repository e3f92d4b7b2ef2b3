//! `khuyencong packs`: the provincial rule packs shipped with the library, and loading a
//! pack by name or from a file (`--pack`).

use std::process::ExitCode;

use khuyencong::law::Lang;
use khuyencong::support::{PackSummary, ProvincialPack, SHIPPED_PACKS, shipped_packs};

use crate::{Format, Usage, table};

/// A pack named on the command line: a shipped pack's name (`dong-thap-2024`), else a file.
pub fn load(arg: &str) -> Result<ProvincialPack, Usage> {
    let to_usage = |e: khuyencong::support::PackError| Usage::new(e.to_string(), e.message_vi());
    if SHIPPED_PACKS.iter().any(|(name, _)| *name == arg) {
        return ProvincialPack::shipped(arg).map_err(to_usage);
    }
    let path = std::path::Path::new(arg);
    if !path.exists() && !arg.contains(['/', '\\', '.']) {
        // Neither a shipped name nor a file: say both.
        return ProvincialPack::shipped(arg).map_err(to_usage);
    }
    ProvincialPack::from_file(path).map_err(to_usage)
}

/// Runs `khuyencong packs`.
pub fn run(lang: Lang, format: Format) -> Result<ExitCode, Usage> {
    let packs = shipped_packs().map_err(|e| Usage::new(e.to_string(), e.message_vi()))?;
    let text = match format {
        Format::Json => crate::to_json(&packs)?,
        Format::Jsonl => {
            let mut s = String::new();
            for p in &packs {
                s.push_str(&serde_json::to_string(p).map_err(crate::json_error)?);
                s.push('\n');
            }
            s
        }
        Format::Csv => khuyencong::catalog::to_csv(&grid(&packs, lang)),
        Format::Table => table::render(&grid(&packs, lang)),
    };
    crate::write_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn grid(packs: &[PackSummary], lang: Lang) -> Vec<Vec<String>> {
    let header = match lang {
        Lang::Vi => [
            "tên",
            "tỉnh",
            "mã tỉnh",
            "văn bản",
            "hiệu lực từ",
            "đến",
            "độ tin cậy",
            "số quy định",
        ],
        Lang::En => [
            "name",
            "province",
            "province_code",
            "instrument",
            "from",
            "until",
            "confidence",
            "rules",
        ],
    };
    let unknown = match lang {
        Lang::Vi => "chưa rõ",
        Lang::En => "not read",
    };
    let mut out = vec![header.map(str::to_owned).to_vec()];
    for p in packs {
        out.push(vec![
            p.name.to_owned(),
            p.province.clone(),
            p.province_code.clone().unwrap_or_default(),
            p.instrument(lang).to_owned(),
            p.effective_from
                .map_or_else(|| unknown.to_owned(), |d| d.to_string()),
            p.effective_until.map(|d| d.to_string()).unwrap_or_default(),
            p.confidence.code().to_owned(),
            p.rules.to_string(),
        ]);
    }
    out
}

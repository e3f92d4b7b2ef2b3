//! `khuyencong support`: the most state support for an activity on a date.

use std::num::NonZeroU64;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use khuyencong::activity::Activity;
use khuyencong::funding::FundLevel;
use khuyencong::law::Lang;
use khuyencong::money::{Vnd, format_million};
use khuyencong::support::{SupportContext, SupportLimit, SupportVariant, max_support};

use crate::{LangArg, Usage, parse_date, to_json, write_out};

/// The fund level of the scheme.
#[derive(Clone, Copy, ValueEnum)]
pub enum FundArg {
    National,
    Provincial,
    District,
    Commune,
}

impl From<FundArg> for FundLevel {
    fn from(f: FundArg) -> Self {
        match f {
            FundArg::National => Self::National,
            FundArg::Provincial => Self::Provincial,
            FundArg::District => Self::District,
            FundArg::Commune => Self::Commune,
        }
    }
}

/// Output format of `support`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SupportFormat {
    Json,
    Table,
}

/// Arguments of `khuyencong support`.
#[derive(Args)]
pub struct SupportArgs {
    /// The activity code (e.g. `advanced_machinery_technology_transfer`).
    #[arg(long)]
    activity: String,
    /// The eligible cost: whole đồng (`620000000`) or Vietnamese notation (`620 triệu`).
    #[arg(long)]
    cost: String,
    /// The date (YYYY-MM-DD) the scheme is approved; it decides the instrument.
    #[arg(long, value_parser = parse_date)]
    as_of: NaiveDate,
    /// The fund level of the scheme.
    #[arg(long, value_enum, default_value_t = FundArg::National)]
    fund: FundArg,
    /// The item, where the activity has several (e.g. `new_technology_or_product`).
    #[arg(long)]
    variant: Option<String>,
    /// The scheme is in a priority area or sector approved for a higher level.
    #[arg(long)]
    priority: bool,
    /// A whole technology line is supported.
    #[arg(long)]
    technology_line: bool,
    /// How many units (establishments, models, rounds… — the unit of the level) the cost
    /// covers: the cap applies once per unit (a group scheme for 8 cooperatives: `--units 8`).
    #[arg(long, default_value = "1", value_parser = parse_units)]
    units: NonZeroU64,
    /// A provincial rule pack for local funds: the name of a shipped pack (see `khuyencong
    /// packs`, e.g. `dong-thap-2024`) or a JSON file.
    #[arg(long)]
    pack: Option<String>,
    /// Language of table output.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SupportFormat::Json)]
    format: SupportFormat,
    #[command(flatten)]
    pub(crate) output: crate::OutputArg,
}

fn parse_units(s: &str) -> Result<NonZeroU64, String> {
    s.trim()
        .parse::<u64>()
        .ok()
        .and_then(NonZeroU64::new)
        .ok_or_else(|| {
            format!(
                "`{s}` is not a number of units: give a whole number from 1 / `{s}` không phải số đơn vị: nhập số nguyên từ 1"
            )
        })
}

/// Reads the cost as every front does (the library's argument reader): whole đồng or exact
/// Vietnamese notation.
fn parse_cost(s: &str) -> Result<Vnd, Usage> {
    khuyencong::input::parse_amount(s).map_err(|e| Usage::new(e.to_string(), e.message_vi()))
}

/// Runs `khuyencong support`.
pub fn cmd_support(a: &SupportArgs) -> Result<ExitCode, Usage> {
    let activity = <Activity as khuyencong::Codelist>::from_code(&a.activity).ok_or_else(|| {
        Usage::new(
            format!(
                "unknown activity `{}`; see `khuyencong catalog --list activities`",
                a.activity
            ),
            format!(
                "mã hoạt động `{}` không tồn tại; xem `khuyencong catalog --list activities`",
                a.activity
            ),
        )
    })?;
    let cost = parse_cost(&a.cost)?;
    let variant = match a.variant.as_deref() {
        None => None,
        Some(v) => Some(SupportVariant::from_code(v).ok_or_else(|| {
            let known: Vec<&str> = SupportVariant::ALL.iter().map(|x| x.code()).collect();
            Usage::new(
                format!(
                    "unknown variant `{v}`; expected one of: {}",
                    known.join(", ")
                ),
                format!(
                    "biến thể `{v}` không tồn tại; chọn một trong: {}",
                    known.join(", ")
                ),
            )
        })?),
    };
    let pack = a.pack.as_deref().map(crate::packs::load).transpose()?;
    let mut ctx = SupportContext::new(a.fund.into())
        .priority(a.priority)
        .technology_line(a.technology_line)
        .units(a.units);
    if let Some(v) = variant {
        ctx = ctx.variant(v);
    }
    if let Some(p) = &pack {
        ctx = ctx.provincial_pack(p);
    }
    let limit = max_support(activity, cost, &ctx, a.as_of)
        .map_err(|e| Usage::new(e.to_string(), e.message_vi()))?;
    let text = match a.format {
        SupportFormat::Json => to_json(&limit)?,
        SupportFormat::Table => render(&limit, a.lang.into()),
    };
    write_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn render(limit: &SupportLimit, lang: Lang) -> String {
    let mut out = String::new();
    match limit {
        SupportLimit::Assessed(a) => {
            let (head, basis, conf) = match lang {
                Lang::Vi => ("Mức hỗ trợ tối đa", "Căn cứ", "Độ tin cậy"),
                Lang::En => ("Maximum support", "Basis", "Confidence"),
            };
            out.push_str(&format!(
                "{head}: {} ({} đồng) [{}]\n",
                format_million(a.max_support_vnd, lang),
                a.max_support_vnd.get(),
                a.binding.code()
            ));
            if let Some(unit) = a.unit {
                let label = match lang {
                    Lang::Vi => "Đơn vị tính",
                    Lang::En => "Unit",
                };
                out.push_str(&format!("{label}: {} × {}\n", a.units, unit.label(lang)));
            }
            out.push_str(&format!("{basis}: {}\n", a.citation.render(lang)));
            out.push_str(&format!("{conf}: {}\n", a.confidence.label(lang)));
            for (i, s) in a.derivation.iter().enumerate() {
                let d = match lang {
                    Lang::Vi => &s.description_vi,
                    Lang::En => &s.description_en,
                };
                out.push_str(&format!("  {}. {d}\n", i + 1));
            }
        }
        SupportLimit::NotAssessed(n) => {
            let (head, r) = match lang {
                Lang::Vi => ("Không đánh giá", &n.reason_vi),
                Lang::En => ("Not assessed", &n.reason_en),
            };
            out.push_str(&format!(
                "{head} (assessed: false)\n{r}\n{}\n",
                n.citation.render(lang)
            ));
        }
        _ => {}
    }
    out
}

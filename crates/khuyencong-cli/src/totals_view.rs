//! The table form of `totals`: Vietnamese (or English) labels instead of codes, amounts in
//! millions of đồng (or in đồng), funding by source and results in separate tables, every
//! table within the width of the terminal.

use std::collections::HashMap;

use clap::ValueEnum;
use khuyencong::law::Lang;
use khuyencong::money::{Exactness, group_thousands};
use khuyencong::totals::{NOT_ITEMISED, TotalsKey, TotalsRow};
use rust_decimal::Decimal;

use crate::table::{Column, fit};

/// How amounts are shown in tables.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Amounts {
    /// In millions of đồng (triệu đồng), exactly: `48,91`.
    Million,
    /// In đồng: `48.910.000`.
    Dong,
}

/// The labels of the codes a key can take, by key.
struct Labels {
    lang: Lang,
    lists: HashMap<&'static str, HashMap<String, String>>,
}

impl Labels {
    fn new(by: &[TotalsKey], lang: Lang) -> Self {
        let mut lists = HashMap::new();
        for key in by {
            let list = match key.code() {
                "province" | "province_now" => "provinces",
                "source" => "funding_sources",
                "fund_level" => "fund_levels",
                "activity" => "activities",
                "industry" => "industries",
                "product_group" => "typical_product_groups",
                _ => continue,
            };
            let column = match lang {
                Lang::Vi => 1,
                Lang::En => 2,
            };
            let rows = khuyencong::catalog::codelist_rows(list).unwrap_or_default();
            let labels = rows
                .iter()
                .skip(1)
                .filter_map(|r| Some((r.first()?.clone(), r.get(column)?.clone())))
                .collect();
            lists.insert(key.code(), labels);
        }
        Self { lang, lists }
    }

    fn label(&self, key: TotalsKey, value: Option<&str>) -> String {
        let vi = self.lang == Lang::Vi;
        let Some(value) = value else {
            return "—".to_owned();
        };
        if value == NOT_ITEMISED {
            return if vi {
                "(không chi tiết)"
            } else {
                "(not itemised)"
            }
            .to_owned();
        }
        if key.code() == "kind" {
            let label = match (value, vi) {
                ("scheme", true) => "đề án",
                ("scheme", false) => "scheme",
                ("plan", true) => "kế hoạch",
                ("plan", false) => "plan",
                ("period_report", true) => "báo cáo",
                ("period_report", false) => "report",
                ("programme", true) => "chương trình",
                ("programme", false) => "programme",
                _ => value,
            };
            return label.to_owned();
        }
        self.lists
            .get(key.code())
            .and_then(|l| l.get(value))
            .cloned()
            .unwrap_or_else(|| value.to_owned())
    }
}

fn key_title(key: TotalsKey, lang: Lang) -> &'static str {
    match (key.code(), lang) {
        ("province", Lang::Vi) => "tỉnh",
        ("province_now", Lang::Vi) => "tỉnh (hiện nay)",
        ("period", Lang::Vi) => "kỳ",
        ("year", Lang::Vi) => "năm",
        ("fund_level", Lang::Vi) => "cấp kinh phí",
        ("source", Lang::Vi) => "nguồn",
        ("activity", Lang::Vi) => "hoạt động",
        ("industry", Lang::Vi) => "ngành",
        ("product_group", Lang::Vi) => "nhóm sản phẩm",
        ("kind", Lang::Vi) => "loại văn bản",
        ("province_now", Lang::En) => "province (today)",
        ("fund_level", Lang::En) => "fund level",
        ("product_group", Lang::En) => "product group",
        (code, _) => code,
    }
}

fn exactness(e: Exactness, lang: Lang) -> &'static str {
    match (e, lang) {
        (Exactness::Exact, Lang::Vi) => "chính xác",
        (Exactness::Exact, Lang::En) => "exact",
        (Exactness::LowerBound, Lang::Vi) => "cận dưới",
        (Exactness::LowerBound, Lang::En) => "lower bound",
        (Exactness::Approximate, Lang::Vi) => "xấp xỉ",
        (_, Lang::Vi) => "khác",
        (_, Lang::En) => "other",
    }
}

/// An amount in đồng as shown: exactly in millions (`14.908`, `48,91`, `0,5`) or in đồng.
pub fn amount(v: u64, amounts: Amounts, lang: Lang) -> String {
    let (group, decimal) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    match amounts {
        Amounts::Dong => group_thousands(v, group),
        Amounts::Million => {
            let whole = group_thousands(v / 1_000_000, group);
            let rest = v % 1_000_000;
            if rest == 0 {
                whole
            } else {
                let frac = format!("{rest:06}");
                format!("{whole}{decimal}{}", frac.trim_end_matches('0'))
            }
        }
    }
}

fn decimal(d: Decimal, lang: Lang) -> String {
    let s = d.normalize().to_string();
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A share as a percentage, exactly (the library's share has 6 decimals).
fn percent(d: Decimal, lang: Lang) -> String {
    format!("{}%", decimal(d * Decimal::ONE_HUNDRED, lang))
}

/// The tables of a totals run, fitted to `width` terminal cells.
pub fn render(
    rows: &[TotalsRow],
    by: &[TotalsKey],
    lang: Lang,
    amounts: Amounts,
    width: usize,
) -> String {
    let labels = Labels::new(by, lang);
    let vi = lang == Lang::Vi;
    let unit = match (amounts, vi) {
        (Amounts::Million, true) => "triệu đồng",
        (Amounts::Million, false) => "million đồng",
        (Amounts::Dong, _) => "đồng",
    };
    let money = |v: u64| amount(v, amounts, lang);
    let by_source = by.iter().any(|k| k.code() == "source");
    let keys_of = |skip_source: bool| -> Vec<TotalsKey> {
        by.iter()
            .copied()
            .filter(|k| !(skip_source && k.code() == "source"))
            .collect()
    };
    let key_columns = |keys: &[TotalsKey]| -> Vec<Column> {
        keys.iter()
            .map(|k| Column::key(key_title(*k, lang)))
            .collect()
    };
    let key_cells = |keys: &[TotalsKey], r: &TotalsRow| -> Vec<String> {
        keys.iter()
            .map(|k| labels.label(*k, r.keys.get(k.code()).cloned().flatten().as_deref()))
            .collect()
    };
    let mut out = String::new();

    // Funding as stated, by source (top-level funding lines).
    let funding_rows: Vec<&TotalsRow> = rows
        .iter()
        .filter(|r| {
            if by_source {
                r.keys.get("source").is_some_and(Option::is_some)
            } else {
                r.funding_vnd > 0
            }
        })
        .collect();
    if !funding_rows.is_empty() {
        let keys = keys_of(false);
        let mut columns = key_columns(&keys);
        columns.push(Column::number(if vi { "văn bản" } else { "documents" }));
        columns.push(Column::number(if vi { "kinh phí" } else { "funding" }));
        let cells: Vec<Vec<String>> = funding_rows
            .iter()
            .map(|r| {
                let mut c = key_cells(&keys, r);
                c.push(r.documents.to_string());
                c.push(money(r.funding_vnd));
                c
            })
            .collect();
        let title = match (vi, by_source) {
            (true, true) => format!("Kinh phí theo nguồn ({unit})"),
            (true, false) => format!("Kinh phí ({unit})"),
            (false, true) => format!("Funding by source ({unit})"),
            (false, false) => format!("Funding ({unit})"),
        };
        out.push_str(&fit(&title, &columns, &cells, width));
    }

    // Results: support, investment, counterpart and what they reached.
    let result_rows: Vec<&TotalsRow> = rows
        .iter()
        .filter(|r| !by_source || r.keys.get("source").is_none_or(Option::is_none))
        .filter(|r| {
            !(r.support_vnd == 0
                && r.total_investment_vnd == 0
                && r.counterpart_vnd == 0
                && r.establishments == 0
                && r.funding_vnd > 0)
        })
        .collect();
    if !result_rows.is_empty() {
        let keys = keys_of(by_source);
        let checked = result_rows
            .iter()
            .any(|r| r.documents_with_errors.is_some());
        let mut columns = key_columns(&keys);
        columns.push(Column::number(if vi { "văn bản" } else { "documents" }));
        if checked {
            columns.push(Column::number(if vi { "có lỗi" } else { "with errors" }));
        }
        for (t_vi, t_en) in [
            ("hỗ trợ", "support"),
            ("tổng đầu tư", "total investment"),
            ("đối ứng", "counterpart"),
        ] {
            columns.push(Column::number(if vi { t_vi } else { t_en }));
        }
        columns.push(Column::number(if vi {
            "cơ sở"
        } else {
            "establishments"
        }));
        columns.push(Column::text(if vi {
            "độ chính xác"
        } else {
            "exactness"
        }));
        columns.push(Column::number(if vi {
            "tỷ lệ hỗ trợ"
        } else {
            "support share"
        }));
        columns.push(Column::number(if vi {
            "đối ứng / hỗ trợ"
        } else {
            "counterpart / support"
        }));
        columns.push(Column::number(if vi {
            "hỗ trợ / cơ sở"
        } else {
            "support / establishment"
        }));
        let cells: Vec<Vec<String>> = result_rows
            .iter()
            .map(|r| {
                let mut c = key_cells(&keys, r);
                c.push(r.documents.to_string());
                if checked {
                    c.push(
                        r.documents_with_errors
                            .map(|n| n.to_string())
                            .unwrap_or_default(),
                    );
                }
                c.extend([
                    money(r.support_vnd),
                    money(r.total_investment_vnd),
                    money(r.counterpart_vnd),
                    r.establishments.to_string(),
                    exactness(r.exactness, lang).to_owned(),
                    r.support_share
                        .map(|d| percent(d, lang))
                        .unwrap_or_default(),
                    r.counterpart_per_support
                        .map(|d| decimal(d, lang))
                        .unwrap_or_default(),
                    r.avg_support_per_establishment_vnd
                        .map(money)
                        .unwrap_or_default(),
                ]);
                c
            })
            .collect();
        let title = if vi {
            format!("Kết quả hỗ trợ ({unit})")
        } else {
            format!("Results ({unit})")
        };
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&fit(&title, &columns, &cells, width));
    }
    if out.is_empty() {
        out.push_str(if vi {
            "(không có số liệu)\n"
        } else {
            "(no figures)\n"
        });
    }
    out
}

/// The width of tables: `COLUMNS` when it is set to a number (shells set it for the
/// terminal), else 100.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w >= 20)
        .unwrap_or(100)
}

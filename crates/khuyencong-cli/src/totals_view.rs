//! The table form of `totals`: Vietnamese (or English) labels instead of codes, amounts in
//! millions of đồng (or in đồng), funding by source and results in separate tables, every
//! table within the width of the terminal.

use std::collections::HashMap;

use clap::ValueEnum;
use khuyencong::document::common::CountKind;
use khuyencong::law::Lang;
use khuyencong::money::{Exactness, group_thousands};
use khuyencong::totals::{NOT_ITEMISED, ProgressRow, TotalsKey, TotalsRow};
use rust_decimal::Decimal;

use crate::table::{Column, fit, wrap};

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

/// The heading of a count's column: the kinds of `counts` in the documents.
fn count_title(code: &str, lang: Lang) -> &str {
    let vi = match code {
        "establishments" => "cơ sở",
        "schemes" => "đề án",
        "models" => "mô hình",
        "products" => "sản phẩm",
        "products_certified" => "sản phẩm được chứng nhận",
        "fairs" => "hội chợ, triển lãm",
        "rounds" => "cuộc bình chọn",
        "participations" => "lượt cơ sở tham gia",
        "courses" => "lớp đào tạo, tập huấn",
        "trainees" => "lượt người tham gia",
        "broadcasts" => "chương trình truyền hình, truyền thanh",
        "articles" => "chuyên mục, bài báo",
        "websites" => "trang thông tin, phần mềm",
        "visits" => "lượt kiểm tra, giám sát",
        "collaborators" => "cộng tác viên",
        "trips" => "chuyến kết nối cung cầu",
        "brands" => "nhãn hiệu",
        "enterprises" => "doanh nghiệp thành lập",
        "industrial_clusters" => "cụm công nghiệp",
        "linkage_clusters" => "cụm liên kết doanh nghiệp",
        "associations" => "hiệp hội",
        _ => code,
    };
    let en = match code {
        "products_certified" => "products certified",
        "broadcasts" => "broadcasts",
        "industrial_clusters" => "industrial clusters",
        "linkage_clusters" => "linkage clusters",
        "enterprises" => "enterprises set up",
        _ => code,
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
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

/// An amount in đồng as shown: exactly in millions (`14.908`, `48,91`, `0,5`) or in đồng
/// (`Amounts::Dong`, which also writes counts with their thousands grouped: `1.200`).
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
                && r.jobs_created == 0
                && r.workers_trained == 0
                && r.counts.values().all(|v| *v == 0)
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
        // Outcomes and other counts: a column for each the documents state.
        let jobs = result_rows.iter().any(|r| r.jobs_created > 0);
        let trained = result_rows.iter().any(|r| r.workers_trained > 0);
        if jobs {
            columns.push(Column::number(if vi {
                "việc làm tạo mới"
            } else {
                "jobs created"
            }));
        }
        if trained {
            columns.push(Column::number(if vi {
                "lao động được đào tạo"
            } else {
                "workers trained"
            }));
        }
        let mut kinds: Vec<&'static str> = result_rows
            .iter()
            .flat_map(|r| r.counts.iter().filter(|(_, v)| **v > 0).map(|(k, _)| *k))
            .collect();
        // In the order of the documents' `counts`, not alphabetically.
        kinds.sort_by_key(|k| {
            CountKind::ALL
                .iter()
                .position(|c| c.code() == *k)
                .unwrap_or(usize::MAX)
        });
        kinds.dedup();
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
                    amount(r.establishments, Amounts::Dong, lang),
                ]);
                if jobs {
                    c.push(amount(r.jobs_created, Amounts::Dong, lang));
                }
                if trained {
                    c.push(amount(r.workers_trained, Amounts::Dong, lang));
                }
                c.extend([
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
        // Every other count the documents state (models, products, fairs…), in a table of
        // its own: one column per kind stated; empty where a row's documents do not state it.
        let counted: Vec<&&TotalsRow> = result_rows
            .iter()
            .filter(|r| r.counts.values().any(|v| *v > 0))
            .collect();
        if !kinds.is_empty() {
            let mut columns = key_columns(&keys);
            for k in &kinds {
                columns.push(Column::number(count_title(k, lang)));
            }
            let cells: Vec<Vec<String>> = counted
                .iter()
                .map(|r| {
                    let mut c = key_cells(&keys, r);
                    for k in &kinds {
                        c.push(
                            r.counts
                                .get(k)
                                .map(|v| amount(*v, Amounts::Dong, lang))
                                .unwrap_or_default(),
                        );
                    }
                    c
                })
                .collect();
            out.push('\n');
            out.push_str(&fit(
                if vi {
                    "Số lượng khác"
                } else {
                    "Other counts"
                },
                &columns,
                &cells,
                width,
            ));
        }
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

/// The labels of the codes in these codelists, in `lang` (code → label), by list.
fn codelist_labels(
    lists: &[&'static str],
    lang: Lang,
) -> HashMap<&'static str, HashMap<String, String>> {
    let column = match lang {
        Lang::Vi => 1,
        Lang::En => 2,
    };
    lists
        .iter()
        .map(|list| {
            let rows = khuyencong::catalog::codelist_rows(list).unwrap_or_default();
            let labels = rows
                .iter()
                .skip(1)
                .filter_map(|r| Some((r.first()?.clone(), r.get(column)?.clone())))
                .collect();
            (*list, labels)
        })
        .collect()
}

/// The heading of a target's indicator: a count's, or an amount's or outcome's.
fn indicator_title(code: &str, unit: &str, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match code {
        "support_vnd" if vi => format!("hỗ trợ ({unit})"),
        "support_vnd" => format!("support ({unit})"),
        "total_investment_vnd" if vi => format!("tổng đầu tư ({unit})"),
        "total_investment_vnd" => format!("total investment ({unit})"),
        "jobs_created" if vi => "việc làm tạo mới".to_owned(),
        "jobs_created" => "jobs created".to_owned(),
        "workers_trained" if vi => "lao động được đào tạo".to_owned(),
        "workers_trained" => "workers trained".to_owned(),
        other => count_title(other, lang).to_owned(),
    }
}

/// The table of `totals --targets`: each programme's targets against the results of the
/// reports on it, with labels instead of codes, fitted to `width` terminal cells.
pub fn render_targets(rows: &[ProgressRow], lang: Lang, amounts: Amounts, width: usize) -> String {
    let vi = lang == Lang::Vi;
    if rows.is_empty() {
        return if vi {
            "(không có chỉ tiêu)\n"
        } else {
            "(no targets)\n"
        }
        .to_owned();
    }
    let unit = match (amounts, vi) {
        (Amounts::Million, true) => "triệu đồng",
        (Amounts::Million, false) => "million đồng",
        (Amounts::Dong, _) => "đồng",
    };
    let labels = codelist_labels(
        &[
            "activities",
            "fund_levels",
            "typical_product_levels",
            "industries",
            "typical_product_groups",
        ],
        lang,
    );
    let label = |list: &str, code: &str| {
        labels
            .get(list)
            .and_then(|l| l.get(code))
            .cloned()
            .unwrap_or_else(|| code.to_owned())
    };
    let t = |v: &'static str, e: &'static str| if vi { v } else { e };
    let columns = [
        Column::key(t("chỉ tiêu", "target")),
        Column::key(t("phạm vi", "scope")),
        Column::key(t("chỉ số", "indicator")),
        Column::number(t("mục tiêu", "goal")),
        Column::number(t("đạt được", "achieved")),
        Column::number(t("báo cáo", "reports")),
        Column::number(t("tỷ lệ", "share")),
        Column::text(t("đạt chỉ tiêu", "met")),
    ];
    let cells = |r: &ProgressRow| {
        let money = r.indicator.ends_with("_vnd");
        let number = |v: u64| {
            if money {
                amount(v, amounts, lang)
            } else {
                amount(v, Amounts::Dong, lang)
            }
        };
        let mut scope: Vec<String> = Vec::new();
        for (list, code) in [
            ("activities", r.activity),
            ("fund_levels", r.fund_level),
            ("typical_product_levels", r.level),
            ("industries", r.industry),
            ("typical_product_groups", r.product_group),
        ] {
            if let Some(code) = code {
                scope.push(label(list, code));
            }
        }
        if let Some(y) = r.year {
            scope.push(if vi {
                format!("năm {y}")
            } else {
                y.to_string()
            });
        }
        if scope.is_empty() {
            scope.push(t("cả chương trình", "whole programme").to_owned());
        }
        let goal = match r.target_max {
            Some(max) => format!(
                "{}{}–{}",
                sign(r.target_exactness),
                number(r.target),
                number(max)
            ),
            None => format!("{}{}", sign(r.target_exactness), number(r.target)),
        };
        let met = match r.met {
            Some(true) => t("đạt", "yes"),
            Some(false) => t("chưa đạt", "no"),
            None => t("chưa rõ", "cannot say"),
        };
        vec![
            r.target_id
                .clone()
                .unwrap_or_else(|| format!("#{}", r.target_index + 1)),
            scope.join("; "),
            indicator_title(r.indicator, unit, lang),
            goal,
            r.achieved.map_or_else(
                || "—".to_owned(),
                |v| format!("{}{}", sign(r.achieved_exactness), number(v)),
            ),
            r.reports.to_string(),
            r.share.map(|d| percent(d, lang)).unwrap_or_default(),
            met.to_owned(),
        ]
    };
    // One table per programme (the rows of a programme are together, in its order).
    let mut out = String::new();
    for group in rows.chunk_by(|a, b| a.programme_id == b.programme_id && a.province == b.province)
    {
        let first = &group[0];
        let name = match &first.province {
            Some(p) => format!("{} ({p})", first.programme_id),
            None => first.programme_id.clone(),
        };
        let title = format!(
            "{}: {name}",
            t("Chỉ tiêu và kết quả", "Targets and results")
        );
        let table: Vec<Vec<String>> = group.iter().map(cells).collect();
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&fit(&title, &columns, &table, width));
    }
    let stated = |e: Exactness| e == Exactness::LowerBound || e == Exactness::Approximate;
    if rows
        .iter()
        .any(|r| stated(r.target_exactness) || stated(r.achieved_exactness))
    {
        let legend = t(
            "(≥: ít nhất, cận dưới — số ghi là \"hơn\", hoặc có kết quả chưa nêu hay chưa chia theo chỉ tiêu; ~: khoảng, xấp xỉ)",
            "(≥: at least, a lower bound — stated as \"more than\", or some results are not stated or not broken down by the target; ~: about, approximate)",
        );
        for line in wrap(legend, width) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The sign of a figure that is not exact: `≥` for a lower bound (a figure stated as *hơn*,
/// or results some of which are not stated: the true one is at least this), `~` for about
/// it (*khoảng*).
fn sign(e: Exactness) -> &'static str {
    match e {
        Exactness::LowerBound => "≥",
        Exactness::Approximate => "~",
        _ => "",
    }
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

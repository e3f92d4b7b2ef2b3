//! The extension support of a scheme within its support limit: the sum of the limits of its
//! contents, each computed by the one computation of [`crate::support::max_support`] (the
//! levels are data: Joint Circular 26/2014 Art. 6.2, Circular 28/2018 Art. 8, provincial
//! packs). A level the project does not know is *not assessed* — a warning, never an error.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | a scheme's extension support within the sum of its contents' support limits; a level not modelled is not assessed; a state-budget line of no stated level is not counted | TTLT 26/2014 Art. 6.2; TT 28/2018 Art. 8 (levels in `support/`) | per level |

use std::fmt;
use std::num::NonZeroU64;

use chrono::NaiveDate;

use super::{FundingSource, SchemeFunding, limit_uncertain};
use crate::activity::Activity;
use crate::finding::{Arg, Finding, Params, Severity, Wording, finding_kinds};
use crate::law::{Confidence, Lang};
use crate::money::{Vnd, format_million_en, format_million_vi};
use crate::support::{
    Binding, CapUnit, Outcome, RuleCitation, RuleSource, SupportContext, SupportError,
    SupportVariant, limit,
};

finding_kinds! {
    /// The support is above the limit.
    SupportExceedsLimit {
        code: "funding.support_exceeds_limit",
        severity: Error,
        citation: None,
        meaning: (
            "Kinh phí khuyến công hỗ trợ vượt mức hỗ trợ tối đa.",
            "The extension support exceeds the maximum support level.",
        ),
        fix: (
            "Giảm mức hỗ trợ xuống không quá mức tối đa; phần còn lại do cơ sở đối ứng.",
            "Reduce the support to the maximum; the beneficiary funds the rest.",
        ),
        params: {
            support_vnd: Vnd,
            max_support_vnd: Vnd,
            binding: &'static str,
            rule_id: String,
            units: Vec<u64>,
            subject: Wording,
            what: Wording,
            basis: Basis,
            note: Wording,
        },
        message: (
            "{subject} {support_vnd} vượt {what} {max_support_vnd} ({basis}){note}",
            "{subject} {support_vnd} exceeds {what} {max_support_vnd} ({basis}){note}",
        ),
    }

    /// The level of a content is not known.
    SupportNotAssessed {
        code: "funding.support_not_assessed",
        severity: Warning,
        citation: None,
        meaning: (
            "Mức hỗ trợ tối đa cho nội dung này không được đánh giá: mức chưa được mô hình hóa (chưa đọc được văn bản, mức theo giá đấu thầu, ngày trước 08/04/2014) hoặc đề án không nêu nội dung hỗ trợ cụ thể; mức hỗ trợ không được kiểm tra.",
            "The maximum support for this item is not assessed: the level is not modelled (not read from the legal text, priced by tender, a date before 2014-04-08) or the scheme does not name the item; the support was not checked.",
        ),
        fix: (
            "Đối chiếu thủ công với văn bản quy định mức chi, hoặc nêu nội dung hỗ trợ cụ thể (`support_terms.variant`).",
            "Check by hand against the instrument that sets the level, or name the item (`support_terms.variant`).",
        ),
        params: { activity: Activity, support_vnd: Vnd, reason: Reason },
        message: ("{reason}", "{reason}"),
    }

    /// The question contradicts itself.
    SupportLimitUnavailable {
        code: "funding.support_limit_unavailable",
        severity: Error,
        citation: None,
        meaning: (
            "Không xác định được mức hỗ trợ vì văn bản tự mâu thuẫn (biến thể thuộc nội dung khác) hoặc mức tính ra bị tràn số.",
            "No support limit can be given because the document contradicts itself (a variant of another activity) or the computed limit overflows.",
        ),
        fix: (
            "Ghi biến thể thuộc đúng nội dung hỗ trợ.",
            "Name a variant of the scheme's own activity.",
        ),
        params: { activity: Activity, error: Unavailable },
        message: ("{error}", "{error}"),
    }

    /// Above the cap for the units known, while the number of units is not stated.
    UnitsNotStated {
        code: "funding.units_not_stated",
        severity: Warning,
        citation: None,
        meaning: (
            "Kinh phí hỗ trợ vượt mức trần của một đơn vị (cơ sở, mô hình…) nhưng đề án không nêu số đơn vị được hỗ trợ; mức trần theo đơn vị chỉ được đánh giá đến đó (tỷ lệ hỗ trợ vẫn được kiểm tra).",
            "The support exceeds the cap for one unit (establishment, model…) but the scheme does not state how many units it supports; the per-unit cap is assessed only that far (the share is still checked).",
        ),
        fix: (
            "Liệt kê các đối tượng thụ hưởng, hoặc ghi số đơn vị dự kiến (`planned_outputs`, `support_split[].units`).",
            "List the beneficiaries, or state the planned units (`planned_outputs`, `support_split[].units`).",
        ),
        params: {
            support_vnd: Vnd,
            limit_for_known_units_vnd: Vnd,
            max_support_vnd: Vnd,
            unit: Unit,
            rule_id: String,
            subject: Wording,
            basis: Basis,
        },
        message: (
            "{subject} {support_vnd} vượt mức trần tính cho số {unit} đã biết ({limit_for_known_units_vnd}; {basis}) nhưng đề án không nêu được hỗ trợ bao nhiêu {unit}: chỉ kiểm tra được đến mức {max_support_vnd} theo tỷ lệ hỗ trợ",
            "{subject} {support_vnd} exceeds the cap for the {unit}s known ({limit_for_known_units_vnd}; {basis}) but the scheme does not state how many {unit}s it supports: it is assessed only up to {max_support_vnd}, by the share",
        ),
    }

    /// A state-budget line of no stated level.
    StateBudgetNotSplit {
        code: "funding.state_budget_not_split",
        severity: Warning,
        citation: None,
        meaning: (
            "Đề án có dòng ngân sách nhà nước không nêu cấp: phần này không được tính là kinh phí khuyến công khi kiểm tra mức hỗ trợ tối đa (chưa đánh giá).",
            "A scheme has a state-budget line whose level is not stated: it is not counted as extension support when the support limit is checked (not assessed).",
        ),
        fix: (
            "Ghi nguồn theo cấp (`national_extension_fund`, `local_budget_provincial`…).",
            "Name the source by its level (`national_extension_fund`, `local_budget_provincial`…).",
        ),
        params: { amount_vnd: Vnd },
        message: (
            "Ngân sách nhà nước {amount_vnd} không nêu cấp (khuyến công quốc gia, địa phương hay chương trình khác): phần này không được tính là kinh phí khuyến công khi kiểm tra mức hỗ trợ tối đa",
            "The state budget of {amount_vnd} does not say its level (national or local extension, or another programme): it is not counted as extension support when the support limit is checked",
        ),
    }
}

/// A cap unit: its label in messages, its code in `params`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit(CapUnit);

impl Arg for Unit {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.label(lang))
    }
    fn json(&self) -> serde_json::Value {
        self.0.code().into()
    }
}

/// Why a content's level is not assessed (the reason [`crate::support::max_support`]
/// gives); for one of several contents, named with its activity.
#[derive(Debug, Clone)]
pub(crate) struct Reason {
    vi: String,
    en: String,
    of_several: Option<Activity>,
}

impl Arg for Reason {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        };
        match (self.of_several, lang) {
            (None, _) => f.write_str(text),
            (Some(a), Lang::Vi) => write!(
                f,
                "Nội dung `{}`: {text}; tổng mức hỗ trợ tối đa của đề án vì vậy không được đánh giá",
                a.code()
            ),
            (Some(a), Lang::En) => write!(
                f,
                "Content `{}`: {text}; the scheme's total limit is therefore not assessed",
                a.code()
            ),
        }
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// Why no limit can be given: the error, in the message's language.
#[derive(Debug, Clone)]
pub(crate) struct Unavailable(SupportError);

impl Arg for Unavailable {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match lang {
            Lang::Vi => f.write_str(&self.0.message_vi()),
            Lang::En => write!(f, "{}", self.0),
        }
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// The basis of a limit: its provision and, for several units, units × cap; for several
/// contents, each content's own limit.
#[derive(Debug, Clone)]
pub(crate) struct Basis {
    several: bool,
    parts: Vec<BasisPart>,
}

#[derive(Debug, Clone)]
struct BasisPart {
    activity: Activity,
    amount: Vnd,
    citation: RuleCitation,
    units: u64,
    per_unit: Option<Vnd>,
    unit: Option<CapUnit>,
}

impl BasisPart {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.citation.render(lang))?;
        if let (true, Some(per), Some(unit)) = (self.units > 1, self.per_unit, self.unit) {
            let unit = unit.label(lang);
            match lang {
                Lang::Vi => write!(
                    f,
                    "; {} {unit} × {}/{unit}",
                    self.units,
                    format_million_vi(per)
                )?,
                Lang::En => write!(
                    f,
                    "; {} × {} per {unit}",
                    self.units,
                    format_million_en(per)
                )?,
            }
        }
        Ok(())
    }
}

impl Arg for Basis {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.several {
            return self.parts.first().map_or(Ok(()), |p| p.write(lang, f));
        }
        for (i, p) in self.parts.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "`{}` ", p.activity.code())?;
            p.amount.write(lang, f)?;
            f.write_str(": ")?;
            p.write(lang, f)?;
        }
        Ok(())
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// How many units (establishments, models, rounds…) a content of a scheme supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Units {
    /// Exactly this many.
    Known(NonZeroU64),
    /// At least this many (a lower-bound or approximate count, or — at least one — no count).
    AtLeast(NonZeroU64),
}

/// One content of a scheme, for its support limit: an activity with its item, the eligible
/// cost it covers and the units it supports.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Content {
    pub activity: Activity,
    pub variant: Option<SupportVariant>,
    pub technology_line: bool,
    pub eligible_cost: Vnd,
    pub units: Units,
}

/// The limit of one content, assessed: the most support for certain (`hard`) and the most
/// support for the units known (`soft`, below `hard` only when the number of units is not
/// known).
struct ContentLimit {
    activity: Activity,
    hard: Vnd,
    soft: Vnd,
    per_unit: Option<Vnd>,
    unit: Option<CapUnit>,
    units: u64,
    binding: Binding,
    rule_source: RuleSource,
    citation: RuleCitation,
    confidence: Confidence,
    rule_id: String,
}

/// Why a content has no limit.
enum NoLimit {
    /// Not assessed (never an error): the reason, and the provision that would set the level.
    NotAssessed(String, String, RuleCitation),
    /// The question contradicts itself (a variant of another activity) or overflows.
    Unavailable(SupportError),
}

/// The limit of one content, by the one computation of [`crate::support::max_support`]
/// (its derivation is not rendered).
fn content_limit(
    c: &Content,
    context: &SupportContext<'_>,
    date: NaiveDate,
) -> Result<ContentLimit, NoLimit> {
    let (count, open) = match c.units {
        Units::Known(n) => (n, false),
        Units::AtLeast(n) => (n, true),
    };
    let ctx = SupportContext {
        variant: c.variant,
        technology_line: c.technology_line,
        ..*context
    }
    .units(count);
    let l = match limit(c.activity, c.eligible_cost, &ctx, date) {
        Err(e) => return Err(NoLimit::Unavailable(e)),
        Ok(Outcome::NotAssessed(n)) => {
            let n = n.render();
            return Err(NoLimit::NotAssessed(n.reason_vi, n.reason_en, n.citation));
        }
        Ok(Outcome::Assessed(l)) => l,
    };
    let found = ContentLimit {
        activity: c.activity,
        hard: l.max_support_vnd,
        soft: l.max_support_vnd,
        per_unit: l.cap_per_unit_vnd,
        unit: l.unit,
        units: count.get(),
        binding: l.binding,
        rule_source: l.rule_source,
        citation: l.citation(),
        confidence: l.confidence,
        rule_id: l.rule_id().to_owned(),
    };
    // With the number of units unknown beyond `count`, the cap cannot be applied for
    // certain: only the share (or, for a cap without a share, the eligible cost itself)
    // bounds the support.
    if open && found.per_unit.is_some() && !found.unit.is_some_and(CapUnit::is_whole) {
        return Ok(ContentLimit {
            hard: l
                .share_limit_vnd()
                .unwrap_or(c.eligible_cost)
                .max(found.soft),
            ..found
        });
    }
    Ok(found)
}

/// The unit of the assessed level that applies to an activity (and variant) on a date;
/// `None` when the level is not assessed — then the number of units does not matter.
pub(crate) fn unit_of(
    activity: Activity,
    context: &SupportContext<'_>,
    date: NaiveDate,
) -> Option<CapUnit> {
    match limit(activity, Vnd::ZERO, context, date) {
        Ok(Outcome::Assessed(l)) => l.unit,
        _ => None,
    }
}

/// The usual subject of a limit finding.
pub(crate) const EXTENSION_SUPPORT: (&str, &str) =
    ("Kinh phí khuyến công hỗ trợ", "Extension support");

/// Checks `support` against the sum of the contents' limits and says what it finds:
/// `funding.support_exceeds_limit` above the certain limit, `funding.units_not_stated`
/// above the limit for the units known, `funding.support_not_assessed` when a content's
/// level is not known (never an error), `funding.support_limit_unavailable` when the
/// document contradicts itself.
#[allow(clippy::too_many_arguments)]
pub(crate) fn check_limit(
    out: &mut Vec<Finding>,
    contents: &[Content],
    support: Vnd,
    context: &SupportContext<'_>,
    date: NaiveDate,
    path: &dyn Fn() -> String,
    subject: (&'static str, &'static str),
    uncertain: bool,
) {
    let several = contents.len() > 1;
    let mut limits = Vec::with_capacity(contents.len());
    for c in contents {
        match content_limit(c, context, date) {
            Ok(l) => limits.push(l),
            Err(NoLimit::Unavailable(error)) => {
                out.push(
                    SupportLimitUnavailable {
                        activity: c.activity,
                        error: Unavailable(error),
                    }
                    .at(path()),
                );
                return;
            }
            Err(NoLimit::NotAssessed(vi, en, citation)) => {
                let mut f = SupportNotAssessed {
                    activity: c.activity,
                    support_vnd: support,
                    reason: Reason {
                        vi,
                        en,
                        of_several: several.then_some(c.activity),
                    },
                }
                .at(path());
                if let Some(c) = citation.national() {
                    f = f.cite(c);
                }
                out.push(f);
                return;
            }
        }
    }
    let total = |pick: fn(&ContentLimit) -> Vnd| {
        Vnd::new(
            limits
                .iter()
                .map(|l| pick(l).get())
                .fold(0u64, u64::saturating_add)
                .min(crate::money::MAX_VND),
        )
        .unwrap_or(Vnd::ZERO)
    };
    let (hard, soft) = (total(|l| l.hard), total(|l| l.soft));
    let Some(first) = limits.first() else {
        return;
    };
    let rule_id = limits
        .iter()
        .map(|l| l.rule_id.as_str())
        .collect::<Vec<_>>()
        .join(",");
    let confidence = limits
        .iter()
        .map(|l| l.confidence)
        .max()
        .unwrap_or(first.confidence);
    let basis = |pick: fn(&ContentLimit) -> Vnd| Basis {
        several,
        parts: limits
            .iter()
            .map(|l| BasisPart {
                activity: l.activity,
                amount: pick(l),
                citation: l.citation.clone(),
                units: l.units,
                per_unit: l.per_unit,
                unit: l.unit,
            })
            .collect(),
    };
    let subject = Wording(subject.0, subject.1);
    if support > hard {
        let reference = limits
            .iter()
            .any(|l| l.rule_source == RuleSource::NationalAsReference);
        // Approximate money leaves the excess uncertain, unless every limit is a cap that
        // does not move with the cost.
        let approximate = uncertain && limits.iter().any(|l| l.binding != Binding::Cap);
        let mut f = SupportExceedsLimit {
            support_vnd: support,
            max_support_vnd: hard,
            binding: first.binding.code(),
            rule_id,
            units: limits.iter().map(|l| l.units).collect(),
            subject,
            what: if several {
                Wording(
                    "tổng mức tối đa của các nội dung",
                    "the sum of the contents' maximums",
                )
            } else {
                Wording("mức tối đa", "the maximum")
            },
            basis: basis(|l| l.hard),
            note: if approximate {
                Wording(
                    "; số liệu ước tính, cần xem xét",
                    "; the figures are approximate, a reviewer should look",
                )
            } else {
                Wording("", "")
            },
        }
        .at(path())
        .confidence(confidence);
        if reference || approximate {
            f.severity = Severity::Warning;
        }
        if let Some(c) = first.citation.national() {
            f = f.cite(c);
        }
        out.push(f);
    } else if support > soft {
        let unit = limits
            .iter()
            .find(|l| l.hard > l.soft)
            .and_then(|l| l.unit)
            .unwrap_or(CapUnit::PerEstablishment);
        let mut f = UnitsNotStated {
            support_vnd: support,
            limit_for_known_units_vnd: soft,
            max_support_vnd: hard,
            unit: Unit(unit),
            rule_id,
            subject,
            basis: basis(|l| l.soft),
        }
        .at(path())
        .confidence(confidence);
        if let Some(c) = first.citation.national() {
            f = f.cite(c);
        }
        out.push(f);
    }
}

/// The scheme's extension support within the sum of its contents' limits, for the scheme's
/// fund level.
pub(super) fn check_scheme(
    out: &mut Vec<Finding>,
    funding: &SchemeFunding,
    contents: &[Content],
    extension: Vnd,
    ctx: &SupportContext<'_>,
    date: NaiveDate,
    p: &str,
) {
    let level = funding.fund_level;
    let support_path = || {
        let mut own = funding.lines.iter().enumerate().filter(|(_, l)| {
            l.source
                .fund_level()
                .is_some_and(|f| super::fund_level::pays_for(f, level))
        });
        match (own.next(), own.next()) {
            (Some((i, _)), None) => format!("{p}/lines/{i}/amount"),
            _ => format!("{p}/lines"),
        }
    };
    check_limit(
        out,
        contents,
        extension,
        ctx,
        date,
        &support_path,
        EXTENSION_SUPPORT,
        limit_uncertain(funding),
    );
}

/// A state-budget line of no stated level is not counted as extension support.
pub(super) fn check_state_budget_lines(out: &mut Vec<Finding>, funding: &SchemeFunding, p: &str) {
    for (i, line) in funding.lines.iter().enumerate() {
        if line.source == FundingSource::StateBudget {
            out.push(
                StateBudgetNotSplit {
                    amount_vnd: line.amount.vnd,
                }
                .at(format!("{p}/lines/{i}/source")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::scheme;
    use super::{StateBudgetNotSplit, SupportExceedsLimit};
    use crate::fund::FundingSource;

    /// The 300 million cap for advanced machinery (Circular 28/2018 Art. 8), one million
    /// either side.
    #[test]
    fn support_at_and_above_the_cap() {
        let at = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 300),
                (FundingSource::Counterpart, 320),
            ],
        );
        assert!(!at.codes().contains(&SupportExceedsLimit::DEF.code));
        let above = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 301),
                (FundingSource::Counterpart, 319),
            ],
        );
        let f = above
            .findings
            .iter()
            .find(|f| f.code == SupportExceedsLimit::DEF.code)
            .expect("above");
        assert_eq!(f.severity, crate::Severity::Error);
        assert_eq!(f.path, "/funding/lines/0/amount");
        assert_eq!(f.params()["max_support_vnd"], 300_000_000);
        assert!(
            f.message_en().starts_with(
                "Extension support 301 million VND exceeds the maximum 300 million VND ("
            ),
            "{}",
            f.message_en()
        );
    }

    #[test]
    fn a_state_budget_of_no_level_is_not_counted() {
        let s = scheme(
            620,
            &[
                (FundingSource::StateBudget, 300),
                (FundingSource::Counterpart, 320),
            ],
        );
        let f = s
            .findings
            .iter()
            .find(|f| f.code == StateBudgetNotSplit::DEF.code)
            .expect("flagged");
        assert_eq!(f.path, "/funding/lines/0/source");
        assert!(!s.codes().contains(&SupportExceedsLimit::DEF.code));
    }
}

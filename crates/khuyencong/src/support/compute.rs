//! [`max_support`]: `min(share × eligible cost, cap × multipliers)`, read from the packs.

use std::num::NonZeroU64;

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

use super::pack::{PackError, ProvincialPack, national_pack, national_rules_on};
use super::types::{
    ArticleRef, AssessedLimit, Binding, CapUnit, Flag, MultiplierKind, NotAssessedLimit,
    RuleCitation, RuleSource, Step, SupportLimit, SupportRule, SupportVariant,
};
use crate::activity::Activity;
use crate::fund::FundLevel;
use crate::law::{Citation, Confidence, DECREE_45_EFFECTIVE, InstrumentId, Lang, SupportRegime};
use crate::money::{MAX_VND, MoneyError, Share, Vnd, format_million_en, format_million_vi};

/// The facts besides activity, cost and date that decide a support limit.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct SupportContext<'a> {
    /// The fund level of the scheme (national or local).
    pub fund: FundLevel,
    /// Whether the scheme is in a priority area or sector approved for a higher level
    /// (Decree 45/2012 Art. 6; Joint Circular 26/2014 Art. 6.2(t)).
    pub priority: bool,
    /// Whether a whole technology line is supported (Circular 28/2018 Art. 8.4).
    pub technology_line: bool,
    /// Which item, where the activity has several (see [`SupportVariant::of`]).
    pub variant: Option<SupportVariant>,
    /// The provincial pack for local funds, if any.
    pub provincial_pack: Option<&'a ProvincialPack>,
    /// How many units (establishments, models, rounds… — the unit of the level) the
    /// eligible cost covers: the cap applies once per unit, so a group scheme for eight
    /// cooperatives may receive eight times the per-establishment cap. One by default.
    pub units: NonZeroU64,
}

impl<'a> SupportContext<'a> {
    /// A context for a fund level, for one unit, without priority, technology line, variant
    /// or pack.
    pub const fn new(fund: FundLevel) -> Self {
        Self {
            fund,
            priority: false,
            technology_line: false,
            variant: None,
            provincial_pack: None,
            units: NonZeroU64::MIN,
        }
    }

    /// With the number of units the eligible cost covers.
    #[must_use]
    pub const fn units(mut self, units: NonZeroU64) -> Self {
        self.units = units;
        self
    }

    /// With the priority flag.
    #[must_use]
    pub const fn priority(mut self, on: bool) -> Self {
        self.priority = on;
        self
    }

    /// With the technology-line flag.
    #[must_use]
    pub const fn technology_line(mut self, on: bool) -> Self {
        self.technology_line = on;
        self
    }

    /// With a variant.
    #[must_use]
    pub const fn variant(mut self, variant: SupportVariant) -> Self {
        self.variant = Some(variant);
        self
    }

    /// With a provincial pack.
    #[must_use]
    pub const fn provincial_pack(mut self, pack: &'a ProvincialPack) -> Self {
        self.provincial_pack = Some(pack);
        self
    }
}

/// Why no limit (assessed or not) can be given: the question contradicts itself, or the
/// embedded data is broken. A level the project does not know is never an error but a
/// [`SupportLimit::NotAssessed`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SupportError {
    /// The variant belongs to another activity.
    #[error("variant `{variant}` does not belong to activity `{activity}`")]
    VariantMismatch {
        /// The activity code.
        activity: &'static str,
        /// The variant code.
        variant: &'static str,
    },
    /// The embedded national pack is malformed.
    #[error("the national rule pack is malformed: {0}")]
    Pack(PackError),
    /// A multiplied cap exceeds the largest amount.
    #[error("the computed limit overflows: {0}")]
    Money(#[from] MoneyError),
}

impl SupportError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Self::VariantMismatch { activity, variant } => {
                format!("biến thể `{variant}` không thuộc hoạt động `{activity}`")
            }
            Self::Pack(e) => format!("gói quy định quốc gia bị lỗi: {}", e.message_vi()),
            Self::Money(e) => format!("mức hỗ trợ tính ra bị tràn số: {}", e.message_vi()),
        }
    }

    /// The message in the requested language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.message_vi(),
            Lang::En => self.to_string(),
        }
    }
}

/// The most state support an activity may receive on a date, with its derivation.
///
/// `support = min(share × eligible cost, units × cap × multipliers)`, the share rounded down
/// to the đồng (so a cap is never exceeded). The cap is per unit (per establishment, model,
/// round… — see [`AssessedLimit::unit`]); [`SupportContext::units`] says how many units the
/// eligible cost covers. For local funds, a provincial pack in force on the date overrides
/// the national level for the same activity and variant; without one, the national level is
/// applied as a *reference* ([`RuleSource::NationalAsReference`]), at best `secondary`.
///
/// **Not modelled means not assessed.** Every level the project does not know gives the
/// same outcome, [`SupportLimit::NotAssessed`] with the reason: an item whose level was not
/// read, a level fixed by tender or contract, any date before 2014-04-08 (Joint Circular
/// 125/2009 is not modelled; before 2012-07-05 not even the decree is covered), and an
/// activity with several items when none is named. This function is the one place that
/// decides it; `check`, the command line and Python only report it.
///
/// # Errors
/// - [`SupportError::VariantMismatch`] when the variant belongs to another activity;
/// - [`SupportError::Pack`] if the embedded pack were malformed;
/// - [`SupportError::Money`] if a multiplied cap overflowed.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use std::num::NonZeroU64;
/// use khuyencong::{activity::Activity, funding::FundLevel, money::Vnd};
/// use khuyencong::support::{SupportContext, SupportError, max_support};
/// let ctx = SupportContext::new(FundLevel::National);
/// let day = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
/// let limit = max_support(Activity::AdvancedMachinery, Vnd::new(97_820_000)?, &ctx, day)?;
/// assert_eq!(limit.max_support_vnd(), Some(Vnd::new(48_910_000)?));
/// // Eight cooperatives of a group scheme: eight times the 300 M cap per establishment.
/// let group = ctx.units(NonZeroU64::new(8).unwrap());
/// let limit = max_support(Activity::AdvancedMachinery, Vnd::from_million(6_000)?, &group, day)?;
/// assert_eq!(limit.max_support_vnd(), Some(Vnd::from_million(2_400)?));
/// // A demonstration model without its variant: not assessed, with the reason.
/// let limit = max_support(Activity::DemonstrationModel, Vnd::new(1)?, &ctx, day)?;
/// assert!(!limit.is_assessed());
/// // A variant of another activity contradicts the question: an error.
/// let foreign = ctx.variant(khuyencong::support::SupportVariant::Brand);
/// let e = max_support(Activity::AdvancedMachinery, Vnd::new(1)?, &foreign, day).unwrap_err();
/// assert!(matches!(e, SupportError::VariantMismatch { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn max_support(
    activity: Activity,
    eligible_cost: Vnd,
    context: &SupportContext<'_>,
    date: NaiveDate,
) -> Result<SupportLimit, SupportError> {
    Ok(match limit(activity, eligible_cost, context, date)? {
        Outcome::Assessed(l) => SupportLimit::Assessed(l.render()),
        Outcome::NotAssessed(n) => SupportLimit::NotAssessed(n.render()),
    })
}

/// The outcome of the one computation of a support limit: an assessed limit as data (its
/// derivation rendered only by [`Limit::render`]), or not assessed with the reason (also
/// written only when read: document checks that want only an assessed limit drop it).
pub(crate) enum Outcome<'a> {
    /// A computed limit.
    Assessed(Limit<'a>),
    /// Not computed, with the reason.
    NotAssessed(NotAssessed<'a>),
}

/// Why a limit is not assessed, as data; [`NotAssessed::render`] writes the reason.
pub(crate) enum NotAssessed<'a> {
    /// A date before the modelled support levels.
    BeforeModelledLevels(NaiveDate),
    /// An activity with several support items, none named.
    VariantNotNamed(Activity, SupportRegime),
    /// No level read for the item on the date.
    NotRead {
        activity: Activity,
        variant: Option<SupportVariant>,
        regime: SupportRegime,
        national: &'a super::pack::NationalPack,
        date: NaiveDate,
    },
    /// A rule whose level cannot be computed (its reason is in the rule).
    Written(NotAssessedLimit),
}

impl NotAssessed<'_> {
    /// The reason, written in both languages.
    pub(crate) fn render(self) -> NotAssessedLimit {
        match self {
            Self::BeforeModelledLevels(date) => before_modelled_levels(date),
            Self::VariantNotNamed(activity, regime) => {
                variant_not_named(activity, &SupportVariant::of(activity), regime)
            }
            Self::NotRead {
                activity,
                variant,
                regime,
                national,
                date,
            } => not_read(activity, variant, regime, national, date),
            Self::Written(n) => n,
        }
    }
}

/// The one computation behind [`max_support`]: the same question, answered with data.
/// Document checks read the figures; [`max_support`] renders the derivation.
pub(crate) fn limit<'a>(
    activity: Activity,
    eligible_cost: Vnd,
    context: &SupportContext<'a>,
    date: NaiveDate,
) -> Result<Outcome<'a>, SupportError> {
    if let Some(v) = context.variant
        && v.activity() != activity
    {
        return Err(SupportError::VariantMismatch {
            activity: activity.code(),
            variant: v.code(),
        });
    }
    let Ok(regime) = SupportRegime::at(date) else {
        return Ok(Outcome::NotAssessed(NotAssessed::BeforeModelledLevels(
            date,
        )));
    };
    if context.variant.is_none() && SupportVariant::ALL.iter().any(|v| v.activity() == activity) {
        return Ok(Outcome::NotAssessed(NotAssessed::VariantNotNamed(
            activity, regime,
        )));
    }
    let national = national_pack().map_err(SupportError::Pack)?;
    let mut preface = Vec::new();

    // Local funds: the province's own level, when its resolution is in force.
    if let Some(pack) = context.provincial_pack {
        if !context.fund.is_local() {
            preface.push(Preface::PackNotForNational);
        } else if pack.resolution.effective_from.is_none() {
            preface.push(Preface::PackDateUnread(pack));
        } else if !pack.in_force(date) {
            preface.push(Preface::PackNotInForce(pack, date));
        } else if let Some(rule) = pack.rules.iter().find(|r| {
            r.activity == Some(activity)
                && r.variant == context.variant
                && r.fund_levels.contains(&context.fund)
                && r.valid_on(date)
        }) {
            return apply(
                Applied::Provincial(pack, rule),
                rule,
                eligible_cost,
                context,
                regime,
                RuleSource::Provincial,
                preface,
            );
        } else {
            preface.push(Preface::PackNoLevel(pack));
        }
    }

    let mut reference = None;
    let own = national_rules_on(national, activity, context.variant, date).find(|r| {
        if r.fund_levels.contains(&context.fund) {
            return true;
        }
        if reference.is_none() && r.fund_levels.contains(&FundLevel::National) {
            reference = Some(*r);
        }
        false
    });
    // Without its own rule, a local fund takes the first national rule as a reference.
    let (rule, source) = match (own, reference) {
        (Some(r), _) => (r, RuleSource::National),
        (None, Some(r)) if context.fund.is_local() => {
            preface.push(Preface::Reference(context.fund, regime));
            (r, RuleSource::NationalAsReference)
        }
        _ => {
            return Ok(Outcome::NotAssessed(NotAssessed::NotRead {
                activity,
                variant: context.variant,
                regime,
                national,
                date,
            }));
        }
    };
    apply(
        Applied::National(rule),
        rule,
        eligible_cost,
        context,
        regime,
        source,
        preface,
    )
}

/// The not-assessed result for every date before 2014-04-08.
fn before_modelled_levels(date: NaiveDate) -> NotAssessedLimit {
    let day = date.format("%d/%m/%Y");
    let (reason_vi, reason_en, citation) = if date < DECREE_45_EFFECTIVE {
        (
            format!(
                "Chưa đánh giá: ngày {day} trước ngày 05/07/2012, ngày Nghị định số 45/2012/NĐ-CP có hiệu lực; giai đoạn Nghị định số 134/2004/NĐ-CP không được mô hình hóa"
            ),
            format!(
                "Not assessed: {date} is before 2012-07-05, when Decree 45/2012/ND-CP took effect; the Decree 134/2004/ND-CP era is not modelled"
            ),
            Citation::article(InstrumentId::Nd45_2012, 18),
        )
    } else {
        (
            format!(
                "Chưa đánh giá: ngày {day} trước ngày 08/04/2014; mức hỗ trợ khi đó do Thông tư liên tịch số 125/2009/TTLT-BTC-BCT quy định và chưa được mô hình hóa"
            ),
            format!(
                "Not assessed: {date} is before 2014-04-08; the support levels of that time were set by Joint Circular 125/2009/TTLT-BTC-BCT, which is not modelled"
            ),
            Citation::instrument(InstrumentId::Ttlt125_2009),
        )
    };
    NotAssessedLimit {
        assessed: Flag,
        reason_vi,
        reason_en,
        citation: RuleCitation::National(citation),
        support_regime: None,
        unit: None,
        rule_id: None,
    }
}

/// The not-assessed result for an activity with several items when none is named.
fn variant_not_named(
    activity: Activity,
    variants: &[SupportVariant],
    regime: SupportRegime,
) -> NotAssessedLimit {
    let codes: Vec<&str> = variants.iter().map(|v| v.code()).collect();
    let codes = codes.join(", ");
    NotAssessedLimit {
        assessed: Flag,
        reason_vi: format!(
            "Chưa đánh giá: hoạt động `{}` có nhiều nội dung hỗ trợ với mức khác nhau và không nêu nội dung nào (biến thể: {codes})",
            activity.code()
        ),
        reason_en: format!(
            "Not assessed: activity `{}` has several support items with different levels and none is named (variants: {codes})",
            activity.code()
        ),
        citation: RuleCitation::National(activity.citation()),
        support_regime: Some(regime),
        unit: None,
        rule_id: None,
    }
}

/// Where the power of provinces to set local levels is read.
const fn local_levels_citation(regime: SupportRegime) -> Citation {
    match regime {
        SupportRegime::Tt28_2018 => Citation::article(InstrumentId::Nd45_2012, 13),
        _ => Citation::article(InstrumentId::Ttlt26_2014, 6).clause(3),
    }
}

fn note_step(vi: &str, en: &str) -> Step {
    Step {
        description_vi: vi.to_owned(),
        description_en: en.to_owned(),
        value: None,
        citation: None,
    }
}

/// The not-assessed result when the pack has no rule for the item on the date.
fn not_read(
    activity: Activity,
    variant: Option<SupportVariant>,
    regime: SupportRegime,
    national: &super::pack::NationalPack,
    date: NaiveDate,
) -> NotAssessedLimit {
    let item = match variant {
        Some(v) => format!("{} / {}", activity.code(), v.code()),
        None => activity.code().to_owned(),
    };
    // Decree 45/2012 Art. 4 as in force on the date (as amended by Decree 235/2025 from
    // 2025-10-15): an item that is not an activity that day has no level to apply.
    if let Ok(law) = crate::law::Regime::at(date)
        && !activity.exists_in(law)
    {
        return NotAssessedLimit {
            assessed: Flag,
            reason_vi: format!(
                "Chưa đánh giá: `{item}` không phải nội dung hoạt động khuyến công theo {} vào ngày {}, nên không có mức hỗ trợ để áp dụng",
                law.label(Lang::Vi),
                date.format("%d/%m/%Y")
            ),
            reason_en: format!(
                "Not assessed: `{item}` is not an extension activity under {} on {date}, so no support level applies",
                law.label(Lang::En)
            ),
            citation: RuleCitation::National(activity.citation_in(law)),
            support_regime: Some(regime),
            unit: None,
            rule_id: None,
        };
    }
    let (reason_vi, reason_en, citation) = match regime {
        SupportRegime::Tt28_2018 => {
            let repealed = national
                .rules
                .iter()
                .find(|r| r.activity == Some(activity) && r.variant == variant);
            let (hist_vi, hist_en) = repealed.map_or((String::new(), String::new()), |r| {
                (
                    format!(
                        "; mức của Thông tư liên tịch 26/2014 (quy định `{}`) đã hết hiệu lực và không được áp dụng thay",
                        r.id
                    ),
                    format!(
                        "; the repealed Joint Circular 26/2014 level (rule `{}`) is not carried over",
                        r.id
                    ),
                )
            });
            (
                format!(
                    "Chưa đánh giá: mức hỗ trợ của Thông tư 28/2018/TT-BTC cho nội dung `{item}` chưa đọc được từ văn bản hoặc từ nguồn thứ cấp (chỉ đọc được các khoản 2, 4, 6, 14 Điều 8, mức hỗ trợ thành lập doanh nghiệp và vé máy bay; mức mô hình tại cơ sở hoạt động hiệu quả và mô hình thí điểm sản xuất sạch hơn từ nguồn thứ cấp){hist_vi}"
                ),
                format!(
                    "Not assessed: the Circular 28/2018/TT-BTC level for `{item}` on {date} has not been read, in the legal text or a secondary source (only Art. 8 clauses 2, 4, 6 and 14, the enterprise set-up level and air tickets were; the efficient-establishment model and the cleaner-production pilot come from secondary sources){hist_en}"
                ),
                Citation::article(InstrumentId::Tt28_2018Btc, 8),
            )
        }
        _ => (
            format!(
                "Chưa đánh giá: khoản 2 Điều 6 Thông tư liên tịch 26/2014 không quy định mức riêng cho nội dung `{item}`; các định mức chi chung của khoản 1 Điều 6 (theo các thông tư tài chính liên quan) chưa được mô hình hóa"
            ),
            format!(
                "Not assessed: Joint Circular 26/2014 Art. 6.2 sets no level of its own for `{item}`; the general spending norms of Art. 6.1 (cross-cutting finance circulars) are not modelled"
            ),
            Citation::article(InstrumentId::Ttlt26_2014, 6).clause(1),
        ),
    };
    NotAssessedLimit {
        assessed: Flag,
        reason_vi,
        reason_en,
        citation: RuleCitation::National(citation),
        support_regime: Some(regime),
        unit: None,
        rule_id: None,
    }
}

fn pct(share: Decimal) -> String {
    (share * Decimal::ONE_HUNDRED).normalize().to_string()
}

fn amounts(v: Vnd) -> (String, String) {
    (format_million_vi(v), format_million_en(v))
}

/// The rule a limit applies, with where its citations come from.
#[derive(Debug, Clone, Copy)]
enum Applied<'a> {
    /// A rule of the national pack.
    National(&'a SupportRule),
    /// A rule of a provincial pack.
    Provincial(&'a ProvincialPack, &'a SupportRule<ArticleRef>),
}

impl<'a> Applied<'a> {
    fn citation(self) -> RuleCitation {
        match self {
            Self::National(r) => RuleCitation::National(r.citation),
            Self::Provincial(p, r) => RuleCitation::Provincial(p.cite(&r.citation)),
        }
    }

    /// The multiplier `i` of the rule: kind, factor, note and citation.
    fn multiplier(
        self,
        i: usize,
    ) -> Option<(MultiplierKind, Decimal, Option<&'a str>, RuleCitation)> {
        match self {
            Self::National(r) => r.multipliers.get(i).map(|m| {
                (
                    m.kind,
                    m.factor,
                    m.note.as_deref(),
                    RuleCitation::National(m.citation),
                )
            }),
            Self::Provincial(p, r) => r.multipliers.get(i).map(|m| {
                (
                    m.kind,
                    m.factor,
                    m.note.as_deref(),
                    RuleCitation::Provincial(p.cite(&m.citation)),
                )
            }),
        }
    }
}

/// A note of the derivation before the rule is applied.
#[derive(Debug, Clone, Copy)]
enum Preface<'a> {
    /// A provincial pack was given for national funds.
    PackNotForNational,
    /// The provincial resolution's first day was not read.
    PackDateUnread(&'a ProvincialPack),
    /// The provincial resolution is not in force on the date.
    PackNotInForce(&'a ProvincialPack, NaiveDate),
    /// The provincial resolution sets no level for the item.
    PackNoLevel(&'a ProvincialPack),
    /// The national level applied as a reference for local funds.
    Reference(FundLevel, SupportRegime),
}

impl Preface<'_> {
    fn step(self) -> Step {
        match self {
            Self::PackNotForNational => note_step(
                "Gói quy định của tỉnh không áp dụng cho kinh phí khuyến công quốc gia",
                "The provincial pack does not apply to national extension funds",
            ),
            Self::PackDateUnread(pack) => note_step(
                &format!(
                    "Ngày có hiệu lực của {} của {} chưa đọc được: mức của tỉnh không được áp dụng",
                    pack.resolution.designation(Lang::Vi),
                    pack.province
                ),
                &format!(
                    "The first day of {} of {} was not read: its levels are not applied",
                    pack.resolution.designation(Lang::En),
                    pack.province
                ),
            ),
            Self::PackNotInForce(pack, date) => note_step(
                &format!(
                    "{} chưa hoặc không còn hiệu lực vào ngày {}",
                    pack.resolution.designation(Lang::Vi),
                    date.format("%d/%m/%Y")
                ),
                &format!(
                    "{} is not in force on {date}",
                    pack.resolution.designation(Lang::En)
                ),
            ),
            Self::PackNoLevel(pack) => note_step(
                &format!(
                    "{} của {} không quy định mức cho nội dung này",
                    pack.resolution.designation(Lang::Vi),
                    pack.province
                ),
                &format!(
                    "{} of {} sets no level for this item",
                    pack.resolution.designation(Lang::En),
                    pack.province
                ),
            ),
            Self::Reference(fund, regime) => Step {
                description_vi: format!(
                    "Không có mức của tỉnh cho kinh phí cấp {}: mức quốc gia được dùng làm mức tham chiếu (mức kinh phí khuyến công địa phương do Hội đồng nhân dân cấp tỉnh quyết định)",
                    fund.label(Lang::Vi)
                ),
                description_en: format!(
                    "No provincial level for {} funds: the national level is applied as a reference (local extension levels are set by the provincial People's Council)",
                    fund.code()
                ),
                value: None,
                citation: Some(RuleCitation::National(local_levels_citation(regime))),
            },
        }
    }
}

/// An assessed support limit as data: every figure of its derivation, rendered into steps
/// only by [`Limit::render`].
#[derive(Debug, Clone)]
pub(crate) struct Limit<'a> {
    applied: Applied<'a>,
    rule_id: &'a str,
    preface: Vec<Preface<'a>>,
    /// The most support, in đồng.
    pub max_support_vnd: Vnd,
    /// Which limit binds.
    pub binding: Binding,
    /// Where the rule comes from.
    pub rule_source: RuleSource,
    /// How sure the project is of the level.
    pub confidence: Confidence,
    /// The unit of the level.
    pub unit: Option<CapUnit>,
    /// The number of units.
    pub units: NonZeroU64,
    /// The share and the share limit alone, if the level has a share.
    share: Option<(Share, Vnd)>,
    /// The cap of one unit, before multipliers.
    cap: Option<super::types::Cap>,
    /// The multipliers applied (their index in the rule) and the cap each gives.
    raised: Vec<(usize, Vnd)>,
    /// The cap for one unit (after multipliers), if the level has a cap.
    pub cap_per_unit_vnd: Option<Vnd>,
    eligible_cost: Vnd,
    regime: SupportRegime,
    technology_line_unused: bool,
    priority_unread: bool,
}

impl Limit<'_> {
    /// The share limit alone (share × eligible cost, rounded down), if the level has a share.
    pub(crate) fn share_limit_vnd(&self) -> Option<Vnd> {
        self.share.map(|(_, v)| v)
    }

    /// The id of the rule applied.
    pub(crate) const fn rule_id(&self) -> &str {
        self.rule_id
    }

    /// The provision the level rests on.
    pub(crate) fn citation(&self) -> RuleCitation {
        self.applied.citation()
    }

    /// The limit with its derivation, as [`max_support`] gives it.
    pub(crate) fn render(self) -> AssessedLimit {
        let citation = self.applied.citation();
        let (cost_vi, cost_en) = amounts(self.eligible_cost);
        let mut steps: Vec<Step> = self.preface.iter().map(|p| p.step()).collect();
        let conditions = match self.applied {
            Applied::National(r) => r.conditions.clone(),
            Applied::Provincial(_, r) => r.conditions.clone(),
        };
        let share_of = match self.applied {
            Applied::National(r) => r.share_of,
            Applied::Provincial(_, r) => r.share_of,
        };
        if let Some((s, v)) = self.share {
            let (v_vi, v_en) = amounts(v);
            steps.push(Step {
                description_vi: format!(
                    "Tỷ lệ hỗ trợ tối đa {} % của {} ({cost_vi}) = {v_vi} (làm tròn xuống đến đồng)",
                    pct(s.get()),
                    share_of.label(Lang::Vi)
                ),
                description_en: format!(
                    "Maximum share {} % of {} ({cost_en}) = {v_en} (rounded down to the đồng)",
                    pct(s.get()),
                    share_of.label(Lang::En)
                ),
                value: Some(v),
                citation: Some(citation.clone()),
            });
        }
        if let Some(cap) = self.cap {
            let (c_vi, c_en) = amounts(cap.amount_vnd);
            steps.push(Step {
                description_vi: format!("Mức trần {c_vi}/{}", cap.unit.label(Lang::Vi)),
                description_en: format!("Cap {c_en} per {}", cap.unit.label(Lang::En)),
                value: Some(cap.amount_vnd),
                citation: Some(citation.clone()),
            });
            for &(i, raised) in &self.raised {
                let Some((kind, factor, note, m_citation)) = self.applied.multiplier(i) else {
                    continue;
                };
                let (r_vi, r_en) = amounts(raised);
                let (what_vi, what_en) = match kind {
                    MultiplierKind::TechnologyLine => {
                        ("hỗ trợ cả dây chuyền công nghệ", "a whole technology line")
                    }
                    MultiplierKind::Priority => {
                        ("địa bàn, ngành nghề ưu tiên", "priority area or sector")
                    }
                };
                let note_en = note.map_or(String::new(), |n| format!(" ({n})"));
                steps.push(Step {
                    description_vi: format!(
                        "Nhân mức trần với hệ số tối đa {factor} ({what_vi}) = {r_vi}"
                    ),
                    description_en: format!(
                        "Cap multiplied by at most {factor} ({what_en}) = {r_en}{note_en}"
                    ),
                    value: Some(raised),
                    citation: Some(m_citation),
                });
            }
            let units = self.units.get();
            if let (true, Some(per_unit)) = (units > 1, self.cap_per_unit_vnd) {
                let total = times_units(per_unit, self.units);
                let (t_vi, t_en) = amounts(total);
                let (u_vi, u_en) = (cap.unit.label(Lang::Vi), cap.unit.label(Lang::En));
                steps.push(Step {
                    description_vi: format!(
                        "Mức trần áp dụng cho từng {u_vi}: × {units} {u_vi} = {t_vi}"
                    ),
                    description_en: format!("The cap applies per {u_en}: × {units} = {t_en}"),
                    value: Some(total),
                    citation: Some(citation.clone()),
                });
            }
        }
        if self.technology_line_unused {
            steps.push(note_step(
                "Không có hệ số cho dây chuyền công nghệ đối với nội dung này: không áp dụng",
                "No technology-line multiplier exists for this item: not applied",
            ));
        }
        if self.priority_unread {
            steps.push(note_step(
                "Hệ số ưu tiên cho nội dung này chưa được xác định từ văn bản: mức trên là mức thông thường",
                "A priority uplift for this item has not been read from the legal text: the limit shown is the normal level",
            ));
        }
        let (m_vi, m_en) = amounts(self.max_support_vnd);
        let (b_vi, b_en) = match self.binding {
            Binding::Share => (
                "tỷ lệ hỗ trợ là giới hạn thấp hơn",
                "the share is the lower limit",
            ),
            Binding::Cap => (
                "mức trần là giới hạn thấp hơn",
                "the cap is the lower limit",
            ),
            Binding::MultipliedCap => (
                "mức trần đã nhân hệ số là giới hạn thấp hơn",
                "the multiplied cap is the lower limit",
            ),
            Binding::LumpSum => ("mức khoán tối đa", "a fixed maximum amount"),
            Binding::FullCost => ("toàn bộ chi phí được hỗ trợ", "the whole eligible cost"),
        };
        steps.push(Step {
            description_vi: format!("Mức hỗ trợ tối đa {m_vi} ({b_vi}; chi phí {cost_vi})"),
            description_en: format!("Maximum support {m_en} ({b_en}; cost {cost_en})"),
            value: Some(self.max_support_vnd),
            citation: Some(citation.clone()),
        });
        AssessedLimit {
            assessed: Flag,
            max_support_vnd: self.max_support_vnd,
            binding: self.binding,
            eligible_cost_vnd: self.eligible_cost,
            unit: self.unit,
            units: self.units.get(),
            share_limit_vnd: self.share.map(|(_, v)| v),
            cap_per_unit_vnd: self.cap_per_unit_vnd,
            derivation: steps,
            citation,
            confidence: self.confidence,
            rule_id: self.rule_id.to_owned(),
            rule_source: self.rule_source,
            support_regime: self.regime,
            conditions,
        }
    }
}

/// Applies one rule: share, cap, multipliers, and picks the binding limit — figures only;
/// the derivation is rendered by [`Limit::render`].
fn apply<'a, C>(
    applied: Applied<'a>,
    rule: &'a SupportRule<C>,
    cost: Vnd,
    context: &SupportContext<'_>,
    regime: SupportRegime,
    source: RuleSource,
    preface: Vec<Preface<'a>>,
) -> Result<Outcome<'a>, SupportError> {
    if let Some(why) = &rule.not_computable {
        return Ok(Outcome::NotAssessed(NotAssessed::Written(
            NotAssessedLimit {
                assessed: Flag,
                reason_vi: format!("Chưa đánh giá: {}", why.vi),
                reason_en: format!("Not assessed: {}", why.en),
                citation: applied.citation(),
                support_regime: Some(regime),
                unit: rule.unit(),
                rule_id: Some(rule.id.clone()),
            },
        )));
    }
    let mut confidence = rule.confidence;
    if source == RuleSource::NationalAsReference {
        confidence = confidence.max(Confidence::Secondary);
    }
    let share = rule.max_share.map(|s| (s, s.of(cost)));
    let mut cap_limit = None;
    let mut cap_per_unit = None;
    let mut raised = Vec::new();
    if let Some(cap) = rule.cap {
        let mut value = cap.amount_vnd;
        for (i, m) in rule.multipliers.iter().enumerate() {
            let wanted = match m.kind {
                MultiplierKind::TechnologyLine => context.technology_line,
                MultiplierKind::Priority => context.priority,
            };
            if !wanted {
                continue;
            }
            let up =
                (value.to_decimal() * m.factor).round_dp_with_strategy(0, RoundingStrategy::ToZero);
            value = u64::try_from(up)
                .map_err(|_| MoneyError::Overflow)
                .and_then(Vnd::new)?;
            raised.push((i, value));
            confidence = confidence.max(m.confidence);
        }
        cap_per_unit = Some(value);
        cap_limit = Some(times_units(value, context.units));
    }
    let has = |k: MultiplierKind| rule.multipliers.iter().any(|m| m.kind == k);
    let (max, binding) = binding(share, cap_limit, !raised.is_empty(), cost);
    Ok(Outcome::Assessed(Limit {
        applied,
        rule_id: &rule.id,
        preface,
        max_support_vnd: max,
        binding,
        rule_source: source,
        confidence,
        unit: rule.unit(),
        units: context.units,
        share,
        cap: rule.cap,
        raised,
        cap_per_unit_vnd: cap_per_unit,
        eligible_cost: cost,
        regime,
        technology_line_unused: context.technology_line && !has(MultiplierKind::TechnologyLine),
        priority_unread: context.priority && !has(MultiplierKind::Priority),
    }))
}

/// A per-unit cap times the number of units, saturating at the largest amount: a limit that
/// large never binds.
fn times_units(per_unit: Vnd, units: NonZeroU64) -> Vnd {
    let product = u128::from(per_unit.get()) * u128::from(units.get());
    let capped = u64::try_from(product.min(u128::from(MAX_VND))).unwrap_or(MAX_VND);
    Vnd::new(capped).unwrap_or(per_unit)
}

/// The binding limit of a share limit and a (multiplied) cap.
fn binding(
    share_limit: Option<(Share, Vnd)>,
    cap_limit: Option<Vnd>,
    multiplied: bool,
    cost: Vnd,
) -> (Vnd, Binding) {
    match (share_limit, cap_limit) {
        (Some((_, s)), Some(c)) if s < c => (s, Binding::Share),
        (Some(_), Some(c)) if multiplied => (c, Binding::MultipliedCap),
        (Some(_), Some(c)) => (c, Binding::Cap),
        (Some((s, v)), None) if s.get() == Decimal::ONE => (v, Binding::FullCost),
        (Some((_, v)), None) => (v, Binding::Share),
        (None, Some(c)) if cost < c => (cost, Binding::FullCost),
        (None, Some(c)) if multiplied => (c, Binding::MultipliedCap),
        (None, Some(c)) => (c, Binding::LumpSum),
        (None, None) => (cost, Binding::FullCost),
    }
}

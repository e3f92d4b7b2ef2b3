//! Eligibility: may this applicant receive this extension activity on this date?
//!
//! [`assess`] reads [`ApplicantFacts`], applies the subject rules of Decree 45/2012/NĐ-CP
//! Art. 1.2 (2012 wording until 2025-10-14, Decree 235/2025/NĐ-CP wording from 2025-10-15),
//! the industry list of Art. 5.1 with Circular 46/2012/TT-BCT Art. 3 and 5, and the
//! activity conditions of the finance circulars, and answers [`Verdict::Eligible`],
//! [`Verdict::NotEligible`] or [`Verdict::Indeterminate`] with every finding, each citing
//! its article and carrying its confidence. The decision procedure is documented for
//! lawyers in `docs/eligibility.md`.
//!
//! ```
//! use chrono::NaiveDate;
//! use khuyencong::activity::Activity;
//! use khuyencong::applicant::{ApplicantFacts, Location};
//! use khuyencong::beneficiary::LegalForm;
//! use khuyencong::eligibility::{Verdict, assess};
//! use khuyencong::industry::Industry;
//! use khuyencong::location::AdminUnit;
//!
//! // The facts structs grow with the law (`#[non_exhaustive]`): start from the default and
//! // set what is known.
//! let mut office = Location::default();
//! office.province_kind = Some(AdminUnit::Province);
//! office.unit_kind = Some(AdminUnit::Commune);
//! let mut applicant = ApplicantFacts::default();
//! applicant.legal_form = Some(LegalForm::Cooperative);
//! applicant.industry = Some(Industry::Handicraft);
//! applicant.head_office = Some(office);
//! let day = NaiveDate::from_ymd_opt(2025, 11, 1).unwrap();
//! let a = assess(&applicant, Activity::AdvancedMachinery, day)?;
//! assert_eq!(a.verdict, Verdict::Eligible);
//!
//! // Before Decree 45/2012 took effect the question is out of scope.
//! let early = NaiveDate::from_ymd_opt(2012, 7, 4).unwrap();
//! assert!(assess(&applicant, Activity::AdvancedMachinery, early).is_err());
//! # Ok::<(), khuyencong::law::RegimeError>(())
//! ```
//!
//! ## One module per provision
//!
//! Each rule is a module named after what it decides, whose documentation names its article;
//! the module holds the rule, the kinds of finding it reports and its boundary tests. The
//! table "Rules by article" of `docs/legal-coverage.md` is generated from these module
//! documents. In the order [`assess`] applies them:
//!
//! 1. `activity_in_force` — the activity exists in the text in force (Art. 4);
//! 2. `service_provider` — group 9 activities: extension-service providers (Art. 1.2(c));
//! 3. `category` — which category of Art. 1.2 the applicant is assessed under, with
//!    `cleaner_production` (Art. 1.2(b)), `categories_2025` (Decree 235/2025 Art. 1.1) and
//!    `artisan`;
//! 4. for a rural industrial establishment (Art. 1.2(a)): `legal_form` with `sme_size`,
//!    `location` (with its texts per era and the five-year `ward_conversion`), `industry`
//!    (Art. 5.1) with `mining` (Art. 5.1(e)) and `brick_kiln` (Circular 46/2012 Art. 5), and
//!    `enterprise_setup` (the finance circulars);
//! 5. `double_funding` — no double state funding (Joint Circular 26/2014 Art. 7.4), the
//!    article's one module for applicants and for the declaration schemes carry;
//! 6. `priorities` — Art. 6 and Circular 46/2012 Art. 6.

mod activity_in_force;
mod artisan;
mod brick_kiln;
mod categories_2025;
mod category;
mod cleaner_production;
mod double_funding;
mod enterprise_setup;
mod industry;
mod legal_form;
mod location;
mod mining;
mod priorities;
mod service_provider;
mod sme_size;
#[cfg(test)]
mod test_support;
mod trail;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::Serialize;

use crate::activity::Activity;
use crate::applicant::ApplicantFacts;
use crate::beneficiary::BeneficiaryCategory;
use crate::finding::{Finding, FindingDef};
use crate::law::{Citation, Confidence, InstrumentId, Point, Regime, RegimeError};
use crate::sme::SmeStatus;

use trail::Trail;

pub(crate) use double_funding::check_declaration;

/// The answer of an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// Every condition is met. / Đủ điều kiện.
    Eligible,
    /// At least one condition fails. / Không đủ điều kiện.
    NotEligible,
    /// No condition fails, but at least one could not be decided (see `missing_facts` and the
    /// warnings). / Chưa xác định được.
    Indeterminate,
}

impl Verdict {
    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Eligible => "eligible",
            Self::NotEligible => "not_eligible",
            Self::Indeterminate => "indeterminate",
        }
    }
}

/// Whether a priority is an area (Art. 6.1) or an industry or product (Art. 6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PriorityKind {
    /// A priority area (địa bàn ưu tiên).
    Area,
    /// A priority industry or product (ngành nghề ưu tiên).
    Industry,
}

/// One priority the applicant has, in allocation order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Priority {
    /// Area or industry.
    pub kind: PriorityKind,
    /// The code of the [`PriorityArea`](crate::industry::PriorityArea) or
    /// [`PriorityIndustry`](crate::industry::PriorityIndustry).
    pub code: String,
    /// For areas: the rank of Circular 46/2012/TT-BCT Art. 6 (1 first); for industries:
    /// 5 for Decree 45/2012 Art. 6.2(b), 6 for Art. 6.2(a) (industries come after areas, and
    /// 6.2(b) before 6.2(a)); 7 for the tie-break of Art. 6.2a (inserted by Decree 235/2025),
    /// which only orders establishments that meet the conditions equally.
    pub rank: u8,
    /// The provision.
    pub citation: Citation,
    /// How sure the project is of it.
    pub confidence: Confidence,
    /// JSON Pointers of the facts it was derived from.
    pub facts: Vec<String>,
}

/// Which findings an assessment builds.
///
/// The verdict, the category, the missing facts and every warning and error are the same at
/// every level; a level only leaves out what its caller would drop unread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Keep {
    /// Every finding, information included, and the priorities.
    #[default]
    All,
    /// Warnings and errors only, and no priorities: for a check that reports only problems,
    /// such as the beneficiaries of a scheme in [`crate::document::check`].
    Problems,
}

/// The result of [`assess`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Assessment {
    /// The answer.
    pub verdict: Verdict,
    /// The category of Decree 45/2012 Art. 1.2 the applicant was assessed under; eligible in it
    /// only when `verdict` is `eligible`. `None` when several categories remain open.
    pub beneficiary_category: Option<BeneficiaryCategory>,
    /// Every finding, in rule order: what was decided, on which article, with which facts.
    pub findings: Vec<Finding>,
    /// JSON Pointers (into the applicant) of the facts still needed to decide, in rule order.
    pub missing_facts: Vec<String>,
    /// The applicant's priorities (Art. 6), areas first by rank, then industries; only for
    /// rural industrial establishments (cleaner production is not ranked, TT 46/2012 Art. 6).
    pub priorities: Vec<Priority>,
    /// The SME status derived for an enterprise, if the legal form asked for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sme_status: Option<SmeStatus>,
    /// The text of the law applied.
    pub regime: Regime,
    /// The assessment date.
    pub as_of: NaiveDate,
    /// The plan year used by the five-year ward test (TT 46/2012 Art. 3.1(đ)): the year of the
    /// assessment date.
    pub plan_year: i32,
    /// The activity asked about.
    pub activity: Activity,
    /// The weakest confidence of the findings the verdict rests on.
    pub confidence: Confidence,
}

impl Assessment {
    /// The same assessment with every JSON Pointer (finding paths, facts, missing facts,
    /// priority facts) prefixed by `base` — for applicants embedded in a larger document,
    /// e.g. `/beneficiaries/0`.
    #[must_use]
    pub fn prefixed(mut self, base: &str) -> Self {
        let p = |s: &mut String| s.insert_str(0, base);
        for f in &mut self.findings {
            p(&mut f.path);
            f.facts.iter_mut().for_each(p);
        }
        self.missing_facts.iter_mut().for_each(p);
        for pr in &mut self.priorities {
            pr.facts.iter_mut().for_each(p);
        }
        self
    }
}

/// Assesses whether `applicant` may receive `activity` under the law in force on `date`,
/// with every finding ([`Keep::All`]).
///
/// The date is the scheme's approval date (or the plan date); its year is used as the plan
/// year of the five-year ward test. Every condition is checked and every finding kept: any
/// failed condition gives [`Verdict::NotEligible`]; otherwise any undecided condition gives
/// [`Verdict::Indeterminate`] with the facts it needs in `missing_facts`; otherwise
/// [`Verdict::Eligible`].
///
/// # Errors
/// [`RegimeError::BeforeDecree45`] for dates before 2012-07-05.
pub fn assess(
    applicant: &ApplicantFacts,
    activity: Activity,
    date: NaiveDate,
) -> Result<Assessment, RegimeError> {
    assess_with(applicant, activity, date, Keep::All)
}

/// [`assess`], building only the findings `keep` asks for (the verdict, category, missing
/// facts, warnings and errors are the same at every level).
///
/// ```
/// use chrono::NaiveDate;
/// use khuyencong::activity::Activity;
/// use khuyencong::eligibility::{Keep, Verdict, assess_with};
/// use khuyencong::{ApplicantFacts, Severity};
///
/// let day = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
/// let facts: ApplicantFacts = serde_json::from_str(r#"{"legal_form": "cooperative",
///     "industry": "handicraft", "head_office": {"unit_kind": "commune"}}"#).unwrap();
/// let all = assess_with(&facts, Activity::AdvancedMachinery, day, Keep::All)?;
/// let problems = assess_with(&facts, Activity::AdvancedMachinery, day, Keep::Problems)?;
/// assert_eq!(all.verdict, problems.verdict);
/// assert!(all.findings.iter().any(|f| f.severity == Severity::Info));
/// assert!(problems.findings.iter().all(|f| f.severity != Severity::Info));
/// # Ok::<(), khuyencong::law::RegimeError>(())
/// ```
///
/// # Errors
/// [`RegimeError::BeforeDecree45`] for dates before 2012-07-05.
pub fn assess_with(
    applicant: &ApplicantFacts,
    activity: Activity,
    date: NaiveDate,
    keep: Keep,
) -> Result<Assessment, RegimeError> {
    let regime = Regime::at(date)?;
    let mut trail = Trail::new(keep);
    activity_in_force::check(activity, date, regime, &mut trail);
    let assessed = if service_provider::applies(activity) {
        service_provider::check(activity, regime, &mut trail);
        category::Assessed {
            category: Some(BeneficiaryCategory::ExtensionServiceProvider),
            priorities: Vec::new(),
            sme_status: None,
        }
    } else {
        category::check(applicant, activity, date, regime, &mut trail)
    };
    double_funding::check(applicant, date, &mut trail);
    let confidence = trail
        .findings
        .iter()
        .filter_map(|f| f.confidence)
        .max()
        .unwrap_or(Confidence::Confirmed);
    Ok(Assessment {
        verdict: trail.verdict(),
        beneficiary_category: assessed.category,
        findings: trail.findings,
        missing_facts: trail.missing,
        priorities: assessed.priorities,
        sme_status: assessed.sme_status,
        regime,
        as_of: date,
        plan_year: date.year(),
        activity,
        confidence,
    })
}

/// Every kind of finding of the eligibility rules, by module (for [`crate::registry`]).
pub(crate) const FINDINGS: &[&[&FindingDef]] = &[
    activity_in_force::KINDS,
    service_provider::KINDS,
    category::KINDS,
    cleaner_production::KINDS,
    categories_2025::KINDS,
    artisan::KINDS,
    legal_form::KINDS,
    sme_size::KINDS,
    location::KINDS,
    industry::KINDS,
    mining::KINDS,
    brick_kiln::KINDS,
    enterprise_setup::KINDS,
    double_funding::KINDS,
];

/// Decree 45/2012 Art. 1.2, one point (the subjects of the extension policies).
const fn nd45_1_2(point: Point) -> Citation {
    Citation::article(InstrumentId::Nd45_2012, 1)
        .clause(2)
        .point(point)
}

/// Decree 235/2025 Art. 1.1, which replaced Decree 45/2012 Art. 1.2 from 2025-10-15.
const ND235_1_1: Citation = Citation::article(InstrumentId::Nd235_2025, 1).clause(1);

/// The provision of Art. 1.2(a) in the text in force.
const fn art_1_2_a(regime: Regime) -> Citation {
    match regime {
        Regime::Regime2025 => ND235_1_1,
        _ => nd45_1_2(Point::A),
    }
}

//! Extension funds pay only for schemes of their own level: the national extension funds
//! for national schemes, the local funds (a province's, a district's until 2025-06-30, a
//! commune's) for local ones — Decree 45/2012/NĐ-CP Art. 11, as amended by Decree
//! 235/2025/NĐ-CP from 2025-10-15 (which keeps the split).
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | extension funds pay only for schemes of their level: national funds for national schemes, local funds for local ones; a plan's budget draws only on funds of its schemes' levels | Decree 45/2012 Art. 11 | confirmed |

use super::{FundLevel, FundingSource, SchemeFunding};
use crate::finding::{Finding, Unlisted, finding_kinds};
use crate::law::{Citation, Confidence, InstrumentId};

/// Decree 45/2012/NĐ-CP Art. 11.
const ND45_11: Citation = Citation::article(InstrumentId::Nd45_2012, 11);

finding_kinds! {
    /// Money of one fund level on a scheme of the other.
    FundLevelMismatch {
        code: "funding.fund_level_mismatch",
        severity: Error,
        citation: Some(ND45_11),
        meaning: (
            "Kinh phí khuyến công quốc gia chỉ dùng cho đề án quốc gia; kinh phí địa phương chỉ dùng cho đề án địa phương.",
            "National extension funds pay only for national schemes; local funds only for local ones.",
        ),
        fix: (
            "Sửa nguồn kinh phí hoặc cấp của đề án.",
            "Correct the source or the scheme's fund level.",
        ),
        params: { source: FundingSource, fund_level: FundLevel },
        message: match fund_level {
            FundLevel::National => (
                "Kinh phí khuyến công địa phương không dùng cho đề án khuyến công quốc gia (nguồn `{source}`, đề án cấp `{fund_level}`)",
                "Local extension funds cannot pay for a national scheme (source `{source}`, scheme level `{fund_level}`)",
            ),
            _ => (
                "Kinh phí khuyến công quốc gia không dùng cho đề án khuyến công địa phương (nguồn `{source}`, đề án cấp `{fund_level}`)",
                "National extension funds cannot pay for a local scheme (source `{source}`, scheme level `{fund_level}`)",
            ),
        },
    }

    /// A plan's budget line of a level none of its schemes is of.
    PlanFundSourceMismatch {
        code: "plan.fund_source_mismatch",
        severity: Error,
        citation: Some(ND45_11),
        meaning: (
            "Kế hoạch quốc gia dùng ngân sách địa phương hoặc ngược lại.",
            "A national plan draws on local budgets, or a local plan on national funds.",
        ),
        fix: ("Dùng nguồn đúng cấp.", "Use sources of the plan's level."),
        params: { plan_level: Unlisted<String>, source: Unlisted<FundingSource> },
        message: (
            "kế hoạch cấp `{plan_level}` không dùng nguồn `{source}`: kinh phí khuyến công quốc gia chi cho hoạt động do Bộ Công Thương quản lý, kinh phí địa phương chi cho hoạt động ở địa phương",
            "a `{plan_level}` plan does not draw on `{source}`: national funds pay for activities managed by the Ministry, local funds for local activities",
        ),
    }
}

/// Whether money of an extension fund of level `fund` may pay for a scheme of level
/// `scheme`: both national, or both local (Art. 11).
pub(crate) const fn pays_for(fund: FundLevel, scheme: FundLevel) -> bool {
    fund.is_local() == scheme.is_local()
}

/// Every extension-fund line of the scheme is of the scheme's level.
pub(super) fn check(out: &mut Vec<Finding>, funding: &SchemeFunding, p: &str) {
    let level = funding.fund_level;
    for (i, line) in funding.lines.iter().enumerate() {
        if let Some(l) = line.source.fund_level()
            && !pays_for(l, level)
        {
            out.push(
                FundLevelMismatch {
                    source: line.source,
                    fund_level: level,
                }
                .at(format!("{p}/lines/{i}/source"))
                .confidence(Confidence::Confirmed),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{line, run, scheme};
    use super::{FundLevelMismatch, pays_for};
    use crate::fund::{FundLevel, FundingSource};

    #[test]
    fn each_level_pays_for_its_own_schemes() {
        assert!(pays_for(FundLevel::National, FundLevel::National));
        assert!(pays_for(FundLevel::Commune, FundLevel::Provincial));
        assert!(!pays_for(FundLevel::Provincial, FundLevel::National));
        assert!(!pays_for(FundLevel::National, FundLevel::Local));
        let ok = scheme(
            620,
            &[
                (FundingSource::NationalExtensionFund, 300),
                (FundingSource::Counterpart, 320),
            ],
        );
        assert!(!ok.codes().contains(&FundLevelMismatch::DEF.code));
        let mut local = ok.funding.clone();
        local.lines[0] = line(FundingSource::LocalBudgetProvincial, 300);
        let got = run(&local, ok.date);
        let f = got
            .iter()
            .find(|f| f.code == FundLevelMismatch::DEF.code)
            .expect("mismatch");
        assert_eq!(f.path, "/funding/lines/0/source");
        assert_eq!(
            f.message_en(),
            "Local extension funds cannot pay for a national scheme (source `local_budget_provincial`, scheme level `national`)"
        );
    }
}

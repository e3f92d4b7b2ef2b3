//! Scheme money for the tests of the funding rules.

use chrono::NaiveDate;

use super::{FundLevel, FundingLine, FundingSource, SchemeFunding, check_funding};
use crate::activity::Activity;
use crate::document::Amount;
use crate::finding::Finding;
use crate::money::Vnd;
use crate::support::SupportContext;

/// A line of `million` million đồng.
pub(super) fn line(source: FundingSource, million: u64) -> FundingLine {
    FundingLine {
        source,
        amount: Amount::exact(Vnd::from_million(million).expect("an amount")),
        note: None,
    }
}

/// A scheme's money and what the checks found.
pub(super) struct Run {
    pub funding: SchemeFunding,
    pub date: NaiveDate,
    pub findings: Vec<Finding>,
}

impl Run {
    pub(super) fn codes(&self) -> Vec<&str> {
        self.findings.iter().map(|f| f.code.as_str()).collect()
    }
}

/// A national scheme for advanced machinery of `total` million đồng (all eligible), with the
/// declaration of Art. 7.4, on 2022-06-01, checked.
pub(super) fn scheme(total: u64, lines: &[(FundingSource, u64)]) -> Run {
    let funding = SchemeFunding {
        total_cost: Amount::exact(Vnd::from_million(total).expect("an amount")),
        eligible_cost: Amount::exact(Vnd::from_million(total).expect("an amount")),
        fund_level: FundLevel::National,
        lines: lines.iter().map(|&(s, m)| line(s, m)).collect(),
        no_other_state_funding: Some(true),
    };
    let date = crate::law::ymd(2022, 6, 1);
    let findings = run(&funding, date);
    Run {
        funding,
        date,
        findings,
    }
}

/// The checks of `funding` for advanced machinery on `date`, at the root.
pub(super) fn run(funding: &SchemeFunding, date: NaiveDate) -> Vec<Finding> {
    check_funding(
        funding,
        Activity::AdvancedMachinery,
        &SupportContext::new(FundLevel::National),
        date,
        "",
    )
}

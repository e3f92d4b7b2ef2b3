//! The province a document names and the dates it speaks of, read by the province rule
//! ([`crate::province::document_province`] and the check of every document).

use chrono::NaiveDate;

use super::Document;
use crate::province::NamesProvince;

impl NamesProvince for Document {
    fn province_named(&self) -> Option<(&str, NaiveDate, NaiveDate)> {
        match self {
            Document::Scheme(s) => s
                .province
                .as_deref()
                .map(|p| (p, s.approval.date, s.approval.date)),
            Document::Plan(p) => {
                let name = p.province.as_deref()?;
                let from = NaiveDate::from_ymd_opt(p.year, 1, 1)?;
                let to = NaiveDate::from_ymd_opt(p.year, 12, 31)?;
                Some((name, from, to))
            }
            Document::PeriodReport(r) => r
                .reporting_unit
                .province
                .as_deref()
                .map(|p| (p, r.period.from, r.period.to)),
            Document::Programme(p) => p
                .province
                .as_deref()
                .map(|name| (name, p.period.from, p.period.to)),
        }
    }

    fn province_path(&self) -> &'static str {
        match self {
            Document::PeriodReport(_) => "/reporting_unit/province",
            _ => "/province",
        }
    }
}

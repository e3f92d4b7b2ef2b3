//! The applicant's priorities, in allocation order.
//!
//! | rule | article | confidence |
//! |---|---|---|
//! | priorities and their order: areas by the rank of TT 46/2012 Art. 6, then industries, Art. 6.2(b) before 6.2(a), then the tie-break of Art. 6.2a (from 2025-10-15) | Decree 45/2012 Art. 6 (clause 2a inserted by Decree 235/2025); TT 46/2012 Art. 6 | confirmed (2012); 2025 text secondary |
//!
//! Priorities never decide eligibility; they are listed for rural industrial establishments
//! only (cleaner production is not ranked, TT 46/2012 Art. 6). The areas, industries and
//! their ranks are the codelists [`PriorityArea`] and [`PriorityIndustry`]. From 2025-10-15
//! sustainable production and consumption is an Art. 6.2(a) priority, and the qualities of
//! the inserted Art. 6.2a (owned by women, employing more women, disadvantaged or
//! ethnic-minority workers) only order establishments that meet the conditions equally: they
//! rank after every priority.

use crate::applicant::ApplicantFacts;
use crate::codelist::Codelist;
use crate::industry::{Industry, PriorityArea, PriorityIndustry};
use crate::law::{Citation, Confidence, InstrumentId, Point, Regime};
use crate::money::Share;

use super::{Priority, PriorityKind};

/// Decree 45/2012 Art. 6.1: the priority areas.
const ND45_6_1: Citation = Citation::article(InstrumentId::Nd45_2012, 6).clause(1);

/// TT 46/2012 Art. 6: a local-raw-material product uses more than this percentage (of the
/// value of its main inputs) from the province.
const LOCAL_RAW_MATERIAL_ABOVE_PERCENT: u32 = 50;

/// TT 46/2012 Art. 6: a labour-intensive establishment has at least this many workers.
const LABOUR_INTENSIVE_FROM_WORKERS: u32 = 50;

/// The rank of an industry priority: after the areas (1–4), Art. 6.2(b) first, then
/// Art. 6.2(a), then the tie-break of Art. 6.2a.
const RANK_6_2_B: u8 = 5;
const RANK_6_2_A: u8 = 6;
const RANK_TIE_BREAK: u8 = 7;

/// The applicant's priorities in allocation order (TT 46/2012 Art. 6): areas by rank, then
/// industries, Art. 6.2(b) before 6.2(a), then the tie-break of Art. 6.2a.
pub(super) fn of(a: &ApplicantFacts, regime: Regime) -> Vec<Priority> {
    let mut out = Vec::new();
    if let Some(areas) = &a.priority.areas {
        let mut areas: Vec<PriorityArea> = areas.clone();
        areas.sort_by_key(|p| (p.rank(), PriorityArea::ALL.iter().position(|x| x == p)));
        areas.dedup();
        for area in areas {
            out.push(Priority {
                kind: PriorityKind::Area,
                code: area.code().to_owned(),
                rank: area.rank(),
                citation: ND45_6_1,
                confidence: area
                    .info()
                    .confidence_in(regime)
                    .unwrap_or(Confidence::Secondary),
                facts: vec!["/priority/areas".to_owned()],
            });
        }
    }
    let p = &a.priority;
    let threshold = Share::percent(LOCAL_RAW_MATERIAL_ABOVE_PERCENT).ok();
    let mut industries: Vec<(PriorityIndustry, &'static str)> = Vec::new();
    let mut add = |i: PriorityIndustry, fact: &'static str| industries.push((i, fact));
    if p.typical_product_certificate.is_some() {
        add(
            PriorityIndustry::TypicalRuralProduct,
            "/priority/typical_product_certificate",
        );
    }
    if p.export_contract == Some(true) {
        add(PriorityIndustry::ExportProduct, "/priority/export_contract");
    }
    if let (Some(share), Some(threshold)) = (p.local_raw_material_share, threshold)
        && share > threshold
    {
        add(
            PriorityIndustry::LocalRawMaterial,
            "/priority/local_raw_material_share",
        );
    }
    if p.insured_workers
        .is_some_and(|w| w >= LABOUR_INTENSIVE_FROM_WORKERS)
    {
        add(
            PriorityIndustry::LabourIntensive,
            "/priority/insured_workers",
        );
    }
    if p.women_owned == Some(true) {
        add(PriorityIndustry::WomenOwned, "/priority/women_owned");
    }
    if p.ethnic_minority_employment == Some(true) {
        add(
            PriorityIndustry::EthnicMinorityEmployment,
            "/priority/ethnic_minority_employment",
        );
    }
    match a.industry {
        Some(Industry::AgroFoodProcessing) => {
            add(PriorityIndustry::AgroProcessing, "/industry");
        }
        Some(Industry::AgriculturalChemicals) => {
            add(PriorityIndustry::ChemicalsForAgriculture, "/industry");
        }
        _ => {}
    }
    if p.supporting_industry_product == Some(true) {
        add(
            PriorityIndustry::SupportingIndustry,
            "/priority/supporting_industry_product",
        );
    }
    if a.cleaner_production == Some(true) {
        add(PriorityIndustry::CleanerProduction, "/cleaner_production");
    }
    // Art. 6.2(a) as amended by Decree 235/2025: sustainable production and consumption.
    if a.sustainable_production == Some(true) {
        add(
            PriorityIndustry::SustainableProduction,
            "/sustainable_production",
        );
    }
    for (i, fact) in industries {
        let Some(confidence) = i.info().confidence_in(regime) else {
            continue; // a 2025 priority asked about under the 2012 regime
        };
        let c = i.citation();
        let rank = if c.clause_letter().is_some() {
            RANK_TIE_BREAK // Art. 6.2a: the tie-break, after every priority
        } else if c.point_letter() == Some(Point::B) {
            RANK_6_2_B
        } else {
            RANK_6_2_A
        };
        out.push(Priority {
            kind: PriorityKind::Industry,
            code: i.code().to_owned(),
            rank,
            citation: i.citation(),
            confidence,
            facts: vec![fact.to_owned()],
        });
    }
    // Stable: areas (1–4) before 6.2(b) (5) before 6.2(a) (6) before the tie-break (7);
    // within a rank, the order above.
    out.sort_by_key(|p| p.rank);
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assessed, day, establishment};
    use crate::activity::Activity;

    /// The thresholds of TT 46/2012 Art. 6 on both sides: more than 50 % local raw material,
    /// at least 50 workers; areas first by rank.
    #[test]
    fn thresholds_and_order() {
        let codes = |priority: &str| {
            let facts = establishment(&format!(r#"{{"priority": {priority}}}"#));
            assessed(&facts, Activity::AdvancedMachinery, day(2024, 6, 1))
                .priorities
                .into_iter()
                .map(|p| p.code)
                .collect::<Vec<_>>()
        };
        assert!(codes(r#"{"local_raw_material_share": "0.5"}"#).is_empty());
        assert_eq!(
            codes(r#"{"local_raw_material_share": "0.5001"}"#),
            ["local_raw_material"]
        );
        assert!(codes(r#"{"insured_workers": 49}"#).is_empty());
        assert_eq!(codes(r#"{"insured_workers": 50}"#), ["labour_intensive"]);
        let order = codes(
            r#"{"insured_workers": 50, "areas": ["difficult_area", "highland"], "export_contract": true}"#,
        );
        assert_eq!(order[..2], ["highland", "difficult_area"]);
    }

    /// From 2025-10-15 sustainable production is an Art. 6.2(a) priority (rank 6) and the
    /// tie-break of Art. 6.2a (an establishment owned by women) ranks after every priority
    /// (7); on 2025-10-14 neither exists and only the 2012 priorities are listed.
    #[test]
    fn sustainable_production_and_the_tie_break_from_2025_10_15() {
        let facts = establishment(
            r#"{"sustainable_production": true,
                "priority": {"women_owned": true, "export_contract": true, "areas": ["island"]}}"#,
        );
        let ranked = |date| {
            assessed(&facts, Activity::AdvancedMachinery, date)
                .priorities
                .into_iter()
                .map(|p| (p.code, p.rank))
                .collect::<Vec<_>>()
        };
        let owned = |v: &[(&str, u8)]| {
            v.iter()
                .map(|(c, r)| ((*c).to_owned(), *r))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ranked(day(2025, 10, 15)),
            owned(&[
                ("island", 1),
                ("export_product", 5),
                ("sustainable_production_consumption", 6),
                ("women_owned", 7),
            ])
        );
        assert_eq!(
            ranked(day(2025, 10, 14)),
            owned(&[("island", 1), ("export_product", 5)])
        );
    }
}

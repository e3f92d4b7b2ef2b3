//! The shared eligibility cases (`tests/cases/eligibility/cases.json`), each named after the
//! article it exercises, run against `khuyencong::assess`.

use chrono::NaiveDate;
use khuyencong::activity::Activity;
use khuyencong::eligibility::Verdict;
use khuyencong::law::RegimeError;
use khuyencong::registry::{explain, findings as registry};
use khuyencong::{ApplicantFacts, Codelist, assess};
use serde::Deserialize;

const CASES: &str = include_str!("../../../../tests/cases/eligibility/cases.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    applicant: ApplicantFacts,
    activity: String,
    as_of: NaiveDate,
    expected: Expected,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    verdict: Option<String>,
    #[serde(default)]
    beneficiary_category: Option<String>,
    #[serde(default)]
    codes: Vec<String>,
    #[serde(default)]
    absent_codes: Vec<String>,
    #[serde(default)]
    missing_facts: Vec<String>,
    #[serde(default)]
    priorities: Option<Vec<String>>,
    #[serde(default)]
    confidence: Option<String>,
}

fn check(case: &Case) -> Result<(), String> {
    let activity = Activity::from_code(&case.activity)
        .ok_or_else(|| format!("unknown activity {}", case.activity))?;
    let result = assess(&case.applicant, activity, case.as_of);
    let e = &case.expected;
    if let Some(err) = &e.error {
        return match (err.as_str(), result) {
            ("before_decree_45", Err(RegimeError::BeforeDecree45 { .. })) => Ok(()),
            (_, other) => Err(format!("expected error {err}, got {other:?}")),
        };
    }
    let a = result.map_err(|e| format!("unexpected error {e}"))?;
    let mut problems = Vec::new();
    let verdict = serde_json::to_value(a.verdict).map_err(|e| e.to_string())?;
    if Some(verdict.as_str().unwrap_or_default()) != e.verdict.as_deref() {
        problems.push(format!("verdict {verdict} != {:?}", e.verdict));
    }
    let category = a.beneficiary_category.map(|c| c.code().to_owned());
    if category != e.beneficiary_category {
        problems.push(format!(
            "category {category:?} != {:?}",
            e.beneficiary_category
        ));
    }
    let codes: Vec<&str> = a.findings.iter().map(|f| f.code.as_str()).collect();
    for c in &e.codes {
        if !codes.contains(&c.as_str()) {
            problems.push(format!("missing code {c}"));
        }
    }
    for c in &e.absent_codes {
        if codes.contains(&c.as_str()) {
            problems.push(format!("unexpected code {c}"));
        }
    }
    if a.missing_facts != e.missing_facts {
        problems.push(format!(
            "missing_facts {:?} != {:?}",
            a.missing_facts, e.missing_facts
        ));
    }
    if let Some(p) = &e.priorities {
        let got: Vec<&str> = a.priorities.iter().map(|p| p.code.as_str()).collect();
        if got != p.iter().map(String::as_str).collect::<Vec<_>>() {
            problems.push(format!("priorities {got:?} != {p:?}"));
        }
    }
    if let Some(c) = &e.confidence
        && a.confidence.code() != c
    {
        problems.push(format!("confidence {} != {c}", a.confidence.code()));
    }
    // Invariants of every assessment.
    match a.verdict {
        Verdict::NotEligible
            if !a
                .findings
                .iter()
                .any(|f| f.severity == khuyencong::Severity::Error) =>
        {
            problems.push("not_eligible without an error finding".into());
        }
        Verdict::Eligible if !a.missing_facts.is_empty() => {
            problems.push("eligible with missing facts".into());
        }
        _ => {}
    }
    for f in &a.findings {
        if explain(&f.code).is_none() {
            problems.push(format!("finding code {} is not in the registry", f.code));
        }
        if f.citation.is_none() || f.confidence.is_none() {
            problems.push(format!("finding {} lacks citation or confidence", f.code));
        }
        if f.message_vi().is_empty() || f.message_en().is_empty() {
            problems.push(format!("finding {} lacks a message", f.code));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let trace: Vec<String> = a
            .findings
            .iter()
            .map(|f| format!("    {} {:?} {}", f.code, f.severity, f.message_en()))
            .collect();
        Err(format!("{}\n{}", problems.join("; "), trace.join("\n")))
    }
}

#[test]
fn eligibility_cases_from_the_shared_table() {
    let cases: Vec<Case> = serde_json::from_str(CASES).expect("cases.json parses");
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let mut names = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for case in &cases {
        assert!(
            names.insert(case.name.clone()),
            "duplicate case {}",
            case.name
        );
        if let Err(e) = check(case) {
            failures.push(format!("{}: {e}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn eligibility_is_deterministic_and_prefixable() {
    let cases: Vec<Case> = serde_json::from_str(CASES).expect("cases.json parses");
    for case in cases.iter().filter(|c| c.expected.error.is_none()) {
        let act = Activity::from_code(&case.activity).expect("activity");
        let a = assess(&case.applicant, act, case.as_of).expect("assess");
        let b = assess(&case.applicant, act, case.as_of).expect("assess");
        assert_eq!(a, b, "{}", case.name);
        let p = a.clone().prefixed("/beneficiaries/0");
        for (m, n) in a.missing_facts.iter().zip(&p.missing_facts) {
            assert_eq!(format!("/beneficiaries/0{m}"), *n);
        }
    }
}

#[test]
fn eligibility_finding_codes_are_documented_once() {
    let codes: Vec<&str> = registry()
        .map(|d| d.code)
        .filter(|c| c.starts_with("eligibility."))
        .collect();
    let mut unique = codes.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(codes.len(), unique.len());
    assert!(codes.len() >= 20);
}

#[test]
fn applicant_facts_reject_unknown_fields_and_floats() {
    let bad =
        serde_json::from_str::<ApplicantFacts>(r#"{"legal_form": "cooperative", "colour": 1}"#);
    assert!(bad.is_err());
    let float = serde_json::from_str::<ApplicantFacts>(r#"{"sme": {"total_capital": 1.5}}"#);
    assert!(float.is_err());
    let ok = serde_json::from_str::<ApplicantFacts>(r#"{"sme": {"total_capital": 15}}"#);
    assert!(ok.is_ok());
}

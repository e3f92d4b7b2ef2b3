//! A mutation fuzzer that runs on the stable toolchain: for a bounded time, mutates the
//! shared corpus with a seeded PRNG and reads every mutant, catching any panic — documents
//! (`check_bytes`), provincial and national rule packs (`ProvincialPack::from_json`,
//! `NationalPack::from_json`, then `max_support` with a pack that loads) and applicants'
//! facts (`read_applicant`, then `assess` on dates of both regimes).
//!
//! ```text
//! cargo run --release -p khuyencong --example fuzz_check -- [--seconds N] [--seed N] [--target documents|packs|applicants|all] [--out DIR]
//! ```
//!
//! Prints, per target, the iterations, the inputs read successfully and the first codes or
//! outcomes seen; a panicking input is written to DIR (default `target/fuzz-crashes`) and
//! the run exits 1.

#[path = "../gen_corpus/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use khuyencong::activity::Activity;
use khuyencong::document::{CheckOptions, check_bytes};
use khuyencong::funding::FundLevel;
use khuyencong::input::read_applicant;
use khuyencong::support::{NATIONAL_PACK_JSON, NationalPack, ProvincialPack, SupportContext};

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Target {
    Documents,
    Packs,
    Applicants,
}

#[derive(Default)]
struct Tally {
    runs: u64,
    read: u64,
    crashes: u64,
    outcomes: BTreeMap<String, u64>,
}

fn seeds(root: &std::path::Path) -> BTreeMap<Target, Vec<Vec<u8>>> {
    let documents = corpus::seed_inputs(root);
    let mut applicants: Vec<Vec<u8>> = Vec::new();
    for doc in &documents {
        if let Ok(serde_json::Value::Object(m)) = serde_json::from_slice::<serde_json::Value>(doc)
            && let Some(serde_json::Value::Array(items)) = m.get("beneficiaries")
        {
            applicants.extend(items.iter().map(|b| b.to_string().into_bytes()));
        }
    }
    let eligibility = root.join("tests/cases/eligibility/cases.json");
    if let Ok(text) = std::fs::read_to_string(eligibility)
        && let Ok(serde_json::Value::Array(cases)) = serde_json::from_str(&text)
    {
        applicants.extend(
            cases
                .iter()
                .filter_map(|c| c.get("applicant"))
                .map(|a| a.to_string().into_bytes()),
        );
    }
    let mut packs = vec![NATIONAL_PACK_JSON.as_bytes().to_vec()];
    if let Ok(text) = std::fs::read(root.join("docs/examples/provincial-pack.example.json")) {
        packs.push(text);
    }
    BTreeMap::from([
        (Target::Documents, documents),
        (Target::Packs, packs),
        (Target::Applicants, applicants),
    ])
}

/// Reads one input as the target does; the outcome's name, and whether it was read.
fn read(target: Target, input: &[u8], options: &CheckOptions) -> (String, bool) {
    match target {
        Target::Documents => {
            let checked = check_bytes(input, options);
            let first = checked
                .findings
                .iter()
                .find(|f| f.severity == khuyencong::Severity::Error)
                .or_else(|| checked.findings.first())
                .map_or_else(|| "clean".to_owned(), |f| f.code.clone());
            (first, checked.document.is_some())
        }
        Target::Packs => {
            let text = String::from_utf8_lossy(input);
            if text.contains("\"province\"") {
                match ProvincialPack::from_json(&text) {
                    Ok(pack) => {
                        let ctx = SupportContext::new(FundLevel::Provincial).provincial_pack(&pack);
                        for date in ["2018-06-01", "2025-03-01", "2026-01-01"] {
                            let date = khuyencong::input::parse_date(date).ok();
                            if let (Some(date), Ok(cost)) =
                                (date, khuyencong::Vnd::new(620_000_000))
                            {
                                let _ = khuyencong::max_support(
                                    Activity::AdvancedMachinery,
                                    cost,
                                    &ctx,
                                    date,
                                );
                            }
                        }
                        ("provincial pack loaded".to_owned(), true)
                    }
                    Err(e) if e.issues().is_empty() => {
                        ("provincial pack refused: not JSON".to_owned(), false)
                    }
                    Err(e) => (
                        format!("provincial pack refused: {} problem(s)", e.issues().len()),
                        false,
                    ),
                }
            } else {
                match NationalPack::from_json(&text) {
                    Ok(_) => ("national pack loaded".to_owned(), true),
                    Err(_) => ("national pack refused".to_owned(), false),
                }
            }
        }
        Target::Applicants => match read_applicant(input) {
            Ok(facts) => {
                for date in ["2013-01-01", "2024-06-01", "2025-08-01", "2026-01-01"] {
                    if let Ok(date) = khuyencong::input::parse_date(date) {
                        for activity in [
                            Activity::AdvancedMachinery,
                            Activity::DemonstrationModel,
                            Activity::Information,
                        ] {
                            let _ = khuyencong::assess(&facts, activity, date);
                        }
                    }
                }
                ("applicant read".to_owned(), true)
            }
            Err(findings) => (
                findings
                    .iter()
                    .find(|f| f.severity == khuyencong::Severity::Error)
                    .map_or_else(|| "refused".to_owned(), |f| f.code.clone()),
                false,
            ),
        },
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut seconds, mut seed, mut out) = (60u64, 1u64, String::from("target/fuzz-crashes"));
    let mut targets = vec![Target::Documents, Target::Packs, Target::Applicants];
    while let Some(a) = args.next() {
        let value = args.next();
        match (a.as_str(), value.as_deref()) {
            ("--seconds", Some(v)) if v.parse::<u64>().is_ok() => seconds = v.parse().unwrap_or(60),
            ("--seed", Some(v)) if v.parse::<u64>().is_ok() => seed = v.parse().unwrap_or(1),
            ("--out", Some(v)) => v.clone_into(&mut out),
            ("--target", Some("documents")) => targets = vec![Target::Documents],
            ("--target", Some("packs")) => targets = vec![Target::Packs],
            ("--target", Some("applicants")) => targets = vec![Target::Applicants],
            ("--target", Some("all")) => {}
            _ => {
                eprintln!(
                    "usage: fuzz_check [--seconds N] [--seed N] [--target documents|packs|applicants|all] [--out DIR]"
                );
                return ExitCode::from(2);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seeds = seeds(&root);
    let all_documents = seeds.get(&Target::Documents).cloned().unwrap_or_default();
    let mut rng = corpus::Rng::new(seed);
    let options = CheckOptions::default();
    std::panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let deadline = Duration::from_secs(seconds);
    let mut tallies: BTreeMap<Target, Tally> = BTreeMap::new();
    let mut turn = 0usize;
    while start.elapsed() < deadline {
        let target = targets[turn % targets.len()];
        turn += 1;
        let Some(pool) = seeds.get(&target).filter(|p| !p.is_empty()) else {
            continue;
        };
        let tally = tallies.entry(target).or_default();
        // Packs are slower to read; fewer per batch keeps the targets' time comparable.
        let batch = if target == Target::Packs { 16 } else { 256 };
        for _ in 0..batch {
            let base = rng.pick(pool).clone();
            let splice = if rng.chance(20) { &all_documents } else { pool };
            let input = corpus::mutate(&mut rng, &base, splice);
            tally.runs += 1;
            if let Ok((outcome, read)) = std::panic::catch_unwind(|| read(target, &input, &options))
            {
                tally.read += u64::from(read);
                *tally.outcomes.entry(outcome).or_default() += 1;
            } else {
                tally.crashes += 1;
                let _ = std::fs::create_dir_all(&out);
                let _ = std::fs::write(
                    format!("{out}/crash-{target:?}-{}.json", tally.runs),
                    &input,
                );
            }
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    let total: u64 = tallies.values().map(|t| t.runs).sum();
    let crashes: u64 = tallies.values().map(|t| t.crashes).sum();
    println!("fuzz_check: seed {seed}, {total} inputs in {elapsed:.1} s, {crashes} panics");
    for (target, t) in &tallies {
        println!(
            "{target:?}: {} inputs, {} read, {} panics",
            t.runs, t.read, t.crashes
        );
        let mut outcomes: Vec<(&String, &u64)> = t.outcomes.iter().collect();
        outcomes.sort_by(|a, b| b.1.cmp(a.1));
        for (outcome, n) in outcomes.iter().take(12) {
            println!("  {outcome}: {n}");
        }
    }
    if crashes == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

//! `check_bytes` against the limit (serde_json's typed parse of the same bytes), measured
//! in interleaved rounds, for a shared machine whose load drifts: criterion measures one
//! function for seconds, then the next, so a build starting in between moves the ratio; here
//! every round times each reader once over the same corpus, and the median of the per-round
//! ratios is reported with the median times.
//!
//! ```text
//! cargo run --release -p khuyencong --example bench_interleaved -- [ROUNDS] [--large] [--only limit|parse|check [--invalid PERCENT]]
//! ```
//!
//! `--only` runs one reader ROUNDS times over one corpus (valid, or `--invalid 10`) and prints
//! nothing: for
//! `perf stat -e task-clock,instructions`, whose counts do not depend on how long the
//! process waited for a core on a loaded machine.
//!
//! The corpus is the generator's (`gen_corpus 1000 --seed 1`, valid and 10 % invalid; with
//! `--large`, 100 large documents). See docs/benchmarks.md.

#[path = "gen_corpus/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Instant;

use khuyencong::document::{CheckOptions, PeriodReport, Scheme, check_bytes, parse};

fn lines(count: u64, invalid: u64, size: corpus::Size) -> Vec<(bool, Vec<u8>)> {
    let mut out = Vec::new();
    corpus::write_jsonl_of(&mut out, 1, count, invalid, size).unwrap_or_default();
    out.split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| {
            (
                l.windows(15).any(|w| w == br#""kind":"scheme""#),
                l.to_vec(),
            )
        })
        .collect()
}

/// The limit, as in `benches/check.rs`.
fn limit(lines: &[(bool, Vec<u8>)]) -> usize {
    lines
        .iter()
        .filter(|(is_scheme, bytes)| {
            if *is_scheme {
                serde_json::from_slice::<Scheme>(bytes).is_ok()
            } else {
                serde_json::from_slice::<PeriodReport>(bytes).is_ok()
            }
        })
        .count()
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let mut rounds = 40;
    let mut size = corpus::Size::Usual;
    let mut only = None;
    let mut only_invalid = 0;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--large" {
            size = corpus::Size::Large;
        } else if a == "--only" {
            only = args.next();
        } else if a == "--invalid" {
            only_invalid = args.next().and_then(|v| v.parse().ok()).unwrap_or(0);
        } else if let Ok(n) = a.parse() {
            rounds = n;
        }
    }
    let count = if size == corpus::Size::Large {
        100
    } else {
        1000
    };
    let options = CheckOptions::default();
    if let Some(only) = only {
        let corpus = lines(count, only_invalid, size);
        for _ in 0..rounds {
            black_box(match only.as_str() {
                "limit" => limit(black_box(&corpus)),
                "parse" => corpus
                    .iter()
                    .filter(|(_, l)| parse(black_box(l)).is_ok())
                    .count(),
                _ => corpus
                    .iter()
                    .map(|(_, l)| check_bytes(black_box(l), &options).findings.len())
                    .sum::<usize>(),
            });
        }
        return;
    }
    println!(
        "| corpus | limit | `parse` | `check_bytes` | `parse` vs limit | `check_bytes` vs limit |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for invalid in [0, 10] {
        let corpus = lines(count, invalid, size);
        let (mut t_limit, mut t_parse, mut t_check, mut ratio_parse, mut ratio_check) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for _ in 0..rounds {
            let start = Instant::now();
            black_box(limit(black_box(&corpus)));
            let a = start.elapsed().as_secs_f64();
            let start = Instant::now();
            black_box(
                corpus
                    .iter()
                    .filter(|(_, l)| parse(black_box(l)).is_ok())
                    .count(),
            );
            let b = start.elapsed().as_secs_f64();
            let start = Instant::now();
            black_box(
                corpus
                    .iter()
                    .map(|(_, l)| check_bytes(black_box(l), &options).findings.len())
                    .sum::<usize>(),
            );
            let c = start.elapsed().as_secs_f64();
            t_limit.push(a);
            t_parse.push(b);
            t_check.push(c);
            ratio_parse.push(a / b);
            ratio_check.push(a / c);
        }
        println!(
            "| {count} {}, {invalid} % invalid | {:.2} ms | {:.2} ms | {:.2} ms | {:.0} % | {:.0} % |",
            if size == corpus::Size::Large {
                "large"
            } else {
                "usual"
            },
            median(&mut t_limit) * 1e3,
            median(&mut t_parse) * 1e3,
            median(&mut t_check) * 1e3,
            median(&mut ratio_parse) * 100.0,
            median(&mut ratio_check) * 100.0,
        );
    }
}

//! Throughput of `check` against the limit of typed parsing, and of `totals`.
//!
//! Run with `scripts/bench.sh` (which also prints the ratios), or
//! `cargo bench -p khuyencong --bench check`. See docs/benchmarks.md.

#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_main};
use khuyencong::document::{CheckOptions, Document, PeriodReport, Scheme, check_bytes, parse};
use khuyencong::totals::{TotalsKey, totals, totals_report};

/// `count` generated documents, `invalid_percent` % of them invalid.
fn corpus(count: u64, invalid_percent: u64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    corpus::write_jsonl(&mut out, 1, count, invalid_percent).unwrap_or_default();
    out.split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(<[u8]>::to_vec)
        .collect()
}

/// The limit: serde_json parsing the same bytes into the same document types, with no
/// rules, no error paths and no kind probe (the kind is known in advance).
fn parse_only(lines: &[(bool, Vec<u8>)]) -> usize {
    let mut ok = 0;
    for (is_scheme, bytes) in lines {
        ok += usize::from(if *is_scheme {
            serde_json::from_slice::<Scheme>(bytes).is_ok()
        } else {
            serde_json::from_slice::<PeriodReport>(bytes).is_ok()
        });
    }
    ok
}

/// The same parse from text after one UTF-8 check of each input (what `check_bytes` does on
/// its fast path), shown beside the limit so that the gain of reading text is visible.
fn parse_only_text(lines: &[(bool, Vec<u8>)]) -> usize {
    let mut ok = 0;
    for (is_scheme, bytes) in lines {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        ok += usize::from(if *is_scheme {
            serde_json::from_str::<Scheme>(text).is_ok()
        } else {
            serde_json::from_str::<PeriodReport>(text).is_ok()
        });
    }
    ok
}

fn bench(c: &mut Criterion) {
    let options = CheckOptions::default();
    for (name, invalid) in [("valid", 0), ("mixed_10pct_invalid", 10)] {
        let lines = corpus(1000, invalid);
        let bytes: usize = lines.iter().map(Vec::len).sum();
        let kinds: Vec<(bool, Vec<u8>)> = lines
            .iter()
            .map(|l| (l.windows(15).any(|w| w == br#""kind":"scheme""#), l.clone()))
            .collect();
        let mut group = c.benchmark_group(format!("documents_1k_{name}"));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(20);
        group.bench_function("serde_json_typed_parse", |b| {
            b.iter(|| black_box(parse_only(black_box(&kinds))));
        });
        group.bench_function("serde_json_typed_parse_utf8_once", |b| {
            b.iter(|| black_box(parse_only_text(black_box(&kinds))));
        });
        group.bench_function("parse", |b| {
            b.iter(|| lines.iter().filter(|l| parse(black_box(l)).is_ok()).count());
        });
        group.bench_function("check_bytes", |b| {
            b.iter(|| {
                lines
                    .iter()
                    .map(|l| check_bytes(black_box(l), &options).findings.len())
                    .sum::<usize>()
            });
        });
        group.finish();
    }

    let lines = corpus(1000, 0);
    let documents: Vec<Document> = lines.iter().filter_map(|l| parse(l).ok()).collect();
    let mut group = c.benchmark_group("totals_1k");
    group.throughput(Throughput::Elements(documents.len() as u64));
    group.sample_size(20);
    group.bench_function("grand_total", |b| {
        b.iter(|| totals(black_box(&documents), &[]).map_or(0, |r| r.len()));
    });
    group.bench_function("by_province_activity", |b| {
        b.iter(|| {
            totals(
                black_box(&documents),
                &[TotalsKey::Province, TotalsKey::Activity],
            )
            .map_or(0, |r| r.len())
        });
    });
    // With a check of every document, to name those with errors (the CLI and Python).
    group.bench_function("report_by_province_activity", |b| {
        b.iter(|| {
            totals_report(
                black_box(&documents),
                &[TotalsKey::Province, TotalsKey::Activity],
            )
            .map_or(0, |r| r.rows.len())
        });
    });
    group.finish();

    // The province of each document read as a unit of the list (what `check` adds per
    // document): the exact names of the corpus, and the same names typed otherwise.
    let names: Vec<(String, chrono::NaiveDate, chrono::NaiveDate)> = documents
        .iter()
        .filter_map(|d| {
            khuyencong::province::document_province(d).map(|(t, f, to)| (t.to_owned(), f, to))
        })
        .collect();
    let typed: Vec<(String, chrono::NaiveDate, chrono::NaiveDate)> = names
        .iter()
        .map(|(t, f, to)| (format!("  tỉnh  {}", t.to_uppercase()), *f, *to))
        .collect();
    let mut group = c.benchmark_group("provinces_1k");
    group.throughput(Throughput::Elements(names.len() as u64));
    group.sample_size(20);
    for (label, set) in [("exact", &names), ("typed_otherwise", &typed)] {
        group.bench_function(label, |b| {
            b.iter(|| {
                set.iter()
                    .filter(|(t, f, to)| {
                        khuyencong::province::resolve(black_box(t), *f, *to).is_some()
                    })
                    .count()
            });
        });
    }
    group.finish();
}

/// The benchmark group (the macro's function has no documentation of its own).
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::bench);
}

criterion_main!(group::benches);

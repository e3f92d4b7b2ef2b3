//! Reading and writing spreadsheets of the largest documents the format allows: a scheme
//! with 1 000 beneficiaries and a period report with 1 000 result lines (with their funding
//! and targets), as `.xlsx` and as CSV.
//!
//! `cargo bench -p khuyencong-sheet --bench sheet`; the results are in docs/spreadsheets.md.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_main};
use khuyencong::document::CheckOptions;
use khuyencong_sheet::{CsvOptions, Format, read_bytes_as_documents, write_documents};
use serde_json::{Value, json};

fn example(name: &str) -> Value {
    let path = format!("{}/../../docs/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read(path).unwrap_or_default();
    khuyencong::document::parse(&text)
        .ok()
        .and_then(|d| serde_json::to_value(d).ok())
        .unwrap_or(Value::Null)
}

/// The Long An scheme with 1 000 beneficiaries.
fn big_scheme() -> Value {
    let mut doc = example("scheme-long-an-2018.json");
    let one = doc["beneficiaries"][0].clone();
    let many: Vec<Value> = (0..1000)
        .map(|i| {
            let mut b = one.clone();
            b["name"] = json!(format!("Hộ kinh doanh số {i}"));
            b
        })
        .collect();
    doc["beneficiaries"] = Value::Array(many);
    doc
}

/// The An Giang report with its result lines repeated to 1 000.
fn big_report() -> Value {
    let mut doc = example("an-giang-2021-2025.json");
    let lines = doc["results"].as_array().cloned().unwrap_or_default();
    doc["results"] = Value::Array(lines.iter().cycle().take(1000).cloned().collect());
    doc.as_object_mut().map(|o| o.remove("results_total"));
    doc
}

fn bench(c: &mut Criterion) {
    let options = CheckOptions::default();
    for (name, doc) in [
        ("scheme_1000_beneficiaries", big_scheme()),
        ("report_1000_results", big_report()),
    ] {
        let docs = [doc];
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Elements(1));
        for (format, ext) in [(Format::Xlsx, "xlsx"), (Format::Csv, "csv")] {
            let bytes = write_documents(&docs, format, CsvOptions::default())
                .map(|w| w.bytes)
                .unwrap_or_default();
            eprintln!("{name}.{ext}: {} bytes", bytes.len());
            group.bench_function(format!("write_{ext}"), |b| {
                b.iter(|| write_documents(black_box(&docs), format, CsvOptions::default()));
            });
            group.bench_function(format!("read_{ext}"), |b| {
                b.iter(|| read_bytes_as_documents(black_box(&bytes), "x", None));
            });
            group.bench_function(format!("read_and_check_{ext}"), |b| {
                b.iter(|| {
                    read_bytes_as_documents(black_box(&bytes), "x", None)
                        .iter()
                        .map(|d| d.check(&options).findings.len())
                        .sum::<usize>()
                });
            });
        }
        group.finish();
    }
}

fn benches() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
}

criterion_main!(benches);

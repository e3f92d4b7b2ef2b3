//! A mutation fuzzer for `check_bytes` that runs on the stable toolchain: for a bounded time,
//! mutates the shared corpus (tests/cases, docs/examples and generated documents) with a
//! seeded PRNG and checks every mutant, catching any panic.
//!
//! ```text
//! cargo run --release -p khuyencong --example fuzz_check -- [--seconds N] [--seed N] [--out DIR]
//! ```
//!
//! Prints the iterations, the inputs read successfully and the structural codes seen; a
//! panicking input is written to DIR (default `target/fuzz-crashes`) and the run exits 1.

#[path = "../gen_corpus/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use khuyencong::document::{CheckOptions, check_bytes};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut seconds, mut seed, mut out) = (60u64, 1u64, String::from("target/fuzz-crashes"));
    while let Some(a) = args.next() {
        let value = args.next();
        match (a.as_str(), value) {
            ("--seconds", Some(v)) if v.parse::<u64>().is_ok() => seconds = v.parse().unwrap_or(60),
            ("--seed", Some(v)) if v.parse::<u64>().is_ok() => seed = v.parse().unwrap_or(1),
            ("--out", Some(v)) => out = v,
            _ => {
                eprintln!("usage: fuzz_check [--seconds N] [--seed N] [--out DIR]");
                return ExitCode::from(2);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seeds = corpus::seed_inputs(&root);
    let mut rng = corpus::Rng::new(seed);
    let options = CheckOptions::default();
    std::panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let deadline = Duration::from_secs(seconds);
    let (mut runs, mut read, mut crashes) = (0u64, 0u64, 0u64);
    let mut codes: BTreeMap<String, u64> = BTreeMap::new();
    while start.elapsed() < deadline {
        for _ in 0..256 {
            let base = rng.pick(&seeds).clone();
            let input = corpus::mutate(&mut rng, &base, &seeds);
            runs += 1;
            if let Ok(checked) = std::panic::catch_unwind(|| check_bytes(&input, &options)) {
                read += u64::from(checked.document.is_some());
                if let Some(f) = checked.findings.first() {
                    *codes.entry(f.code.clone()).or_default() += 1;
                }
            } else {
                crashes += 1;
                let _ = std::fs::create_dir_all(&out);
                let _ = std::fs::write(format!("{out}/crash-{runs}.json"), &input);
            }
        }
    }
    println!(
        "fuzz_check: seed {seed}, {runs} inputs in {:.1} s ({}/s), {read} read as documents, {crashes} panics",
        start.elapsed().as_secs_f64(),
        runs / start.elapsed().as_secs().max(1)
    );
    for (code, n) in &codes {
        println!("  {code}: {n}");
    }
    if crashes == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

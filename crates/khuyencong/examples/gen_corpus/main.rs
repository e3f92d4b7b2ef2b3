//! Writes a deterministic corpus of generated documents as JSON Lines.
//!
//! ```text
//! cargo run --release -p khuyencong --example gen_corpus -- COUNT [--seed N] [--invalid PERCENT] [--large] [-o FILE]
//! ```
//!
//! `--large` writes large documents (50–80 beneficiaries per scheme, 100–150 result lines
//! per report, notes of several hundred characters).
//!
//! The same arguments always give the same bytes. Without `-o` the corpus goes to standard
//! output.

mod corpus;

use std::io::Write;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!(
        "usage: gen_corpus COUNT [--seed N] [--invalid PERCENT] [--large] [-o FILE]\n\
         writes COUNT generated schemes and period reports as JSON Lines\n\
         (--large: 50-80 beneficiaries per scheme, 100-150 result lines per report, long notes)"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut count, mut seed, mut invalid, mut output) = (None, 1u64, 10u64, None);
    let mut size = corpus::Size::Usual;
    while let Some(a) = args.next() {
        let parsed = match a.as_str() {
            "--seed" => args.next().and_then(|v| v.parse().ok()).map(|v| seed = v),
            "--invalid" => args
                .next()
                .and_then(|v| v.parse().ok())
                .filter(|v| *v <= 100)
                .map(|v| invalid = v),
            "-o" => args.next().map(|v| output = Some(v)),
            "--large" => {
                size = corpus::Size::Large;
                Some(())
            }
            n => n.replace('_', "").parse().ok().map(|v| count = Some(v)),
        };
        if parsed.is_none() {
            return usage();
        }
    }
    let Some(count) = count else {
        return usage();
    };
    let result = if let Some(path) = output {
        std::fs::File::create(&path).and_then(|f| {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
            corpus::write_jsonl_of(&mut w, seed, count, invalid, size)?;
            w.flush()
        })
    } else {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
        corpus::write_jsonl_of(&mut w, seed, count, invalid, size).and_then(|()| w.flush())
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

//! `khuyencong register …`: the register of programmes, plans, schemes and reports, in a
//! SQLite file or a PostgreSQL database (`khuyencong-register` does the work).

use std::io::{BufReader, Write};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use khuyencong::input::Line;
use khuyencong_register::{
    Added, MoneyKey, ProvinceEra, Register, RegisterError, StateRecord, Status, Submission, Table,
    Value,
};

use crate::{Format, Usage, input, table};

/// The register's commands.
#[derive(Args)]
pub struct RegisterArgs {
    /// The register: a SQLite file (created by `init`) or a `postgres://…` URL.
    #[arg(long, global = true, default_value = "khuyencong.db")]
    db: String,
    /// Output format of questions and listings.
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    format: Format,
    #[command(subcommand)]
    command: RegisterCommand,
}

#[derive(Subcommand)]
enum RegisterCommand {
    /// Create a register (or bring an existing one up to date): `init khuyencong.db`, or
    /// `init postgres://user@host/db` for an existing PostgreSQL database.
    Init {
        /// The register (instead of --db).
        target: Option<String>,
    },
    /// Bring a register's schema up to this version of khuyencong (back it up first).
    Migrate,
    /// Check documents and store them: accepted, or rejected with their findings; a
    /// corrected document becomes a new version. The whole batch goes in, or nothing.
    ///
    /// Exit code 0: everything stored and accepted (or already registered); 1: some
    /// documents were stored as rejected; 2: nothing stored (a file cannot be read, or the
    /// database refused).
    Add {
        /// Files; `-` reads standard input; `.jsonl` files are read line by line.
        #[arg(required = true)]
        files: Vec<String>,
        /// Treat every input as JSON Lines.
        #[arg(long)]
        jsonl: bool,
    },
    /// Record a state of a scheme with its date and source.
    State {
        /// The scheme's identifier.
        scheme_id: String,
        /// proposed, approved, implemented, settled or cancelled.
        state: String,
        /// The day it took effect (YYYY-MM-DD).
        #[arg(long, value_parser = crate::parse_date)]
        date: NaiveDate,
        /// What says so: the decision's number and issuer, the minutes…
        #[arg(long)]
        source: String,
        /// A note.
        #[arg(long)]
        note: Option<String>,
    },
    /// Every version of every document, with its status and finding counts.
    Documents,
    /// Every scheme with its plans, reports and latest state.
    Schemes,
    /// Progress against the targets reports propose for the period after theirs, by
    /// province and period (count and money).
    Progress,
    /// Every programme's targets against the results of the reports on it (the library's
    /// computation, as `totals --targets`).
    ProgrammeProgress,
    /// Schemes approved (and not cancelled) that no report counts.
    Unreported,
    /// Money by source and fund level over the years (the library's totals).
    Money {
        /// Grouping keys, comma-separated: province, period (or year), fund_level, source,
        /// activity (kind is always first).
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "province,period,fund_level,source"
        )]
        by: Vec<String>,
        /// Group by the province of the document's date (`time`) or of today, after the
        /// arrangement of 2025-07-01 (`now`).
        #[arg(long, default_value = "time")]
        province: String,
    },
    /// Schemes per beneficiary: the same establishment supported twice for the same items.
    Beneficiaries {
        /// Every beneficiary, not only those of more than one scheme.
        #[arg(long)]
        all: bool,
    },
    /// Check every stored document again under the current rules and list what changed.
    Recheck {
        /// List only; record nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the whole register as JSON Lines (to a file, or `-` for standard output).
    Export {
        /// The file to write.
        #[arg(default_value = "-")]
        file: String,
    },
    /// Read an export into a new register (--db), then bring it up to date.
    Import {
        /// The export (`-` for standard input).
        file: String,
    },
    /// Run one read-only SQL query (see the views in docs/register.md).
    Sql {
        /// The query.
        query: String,
    },
}

fn usage(e: &RegisterError) -> Usage {
    Usage::new(e.to_string(), e.message_vi())
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Text(s) => s.clone(),
        Value::Bytes(b) => format!("({} bytes)", b.len()),
    }
}

fn write_table(t: &Table, format: Format) -> Result<(), Usage> {
    let text = match format {
        Format::Json => crate::to_json(t)?,
        Format::Jsonl => {
            let mut s = String::new();
            for row in t.to_json_rows() {
                s.push_str(&row.to_string());
                s.push('\n');
            }
            s
        }
        Format::Csv | Format::Table => {
            let mut grid = vec![t.columns.clone()];
            grid.extend(t.rows.iter().map(|r| r.iter().map(cell).collect()));
            if format == Format::Csv {
                khuyencong::catalog::to_csv(&grid)
            } else {
                table::render(&grid)
            }
        }
    };
    crate::write_out(&text)
}

/// Runs a register command.
pub fn run(args: RegisterArgs) -> Result<ExitCode, Usage> {
    let RegisterArgs {
        db,
        format,
        command,
    } = args;
    match command {
        RegisterCommand::Init { target } => {
            let target = target.unwrap_or(db);
            let mut r = Register::create(&target).map_err(|e| usage(&e))?;
            let version = r.schema_version().map_err(|e| usage(&e))?;
            eprintln!(
                "register ready / sổ đăng ký sẵn sàng: {target} ({}, schema {version})",
                r.dialect()
            );
            Ok(ExitCode::SUCCESS)
        }
        RegisterCommand::Migrate => {
            let (before, after) = Register::migrate(&db).map_err(|e| usage(&e))?;
            eprintln!("schema {before} → {after}");
            Ok(ExitCode::SUCCESS)
        }
        RegisterCommand::Add { files, jsonl } => add(&db, &files, jsonl, format),
        RegisterCommand::State {
            scheme_id,
            state,
            date,
            source,
            note,
        } => {
            let mut r = Register::open(&db).map_err(|e| usage(&e))?;
            r.record_state(&StateRecord {
                scheme_id,
                state,
                on_date: date,
                source,
                note,
            })
            .map_err(|e| usage(&e))?;
            Ok(ExitCode::SUCCESS)
        }
        RegisterCommand::Import { file } => {
            let reader: Box<dyn std::io::Read> = if file == "-" {
                Box::new(std::io::stdin().lock())
            } else {
                Box::new(std::fs::File::open(&file).map_err(|e| {
                    Usage::new(
                        format!("cannot read `{file}`: {e}"),
                        format!("không đọc được tệp `{file}`: {e}"),
                    )
                })?)
            };
            let (_, n) =
                Register::import(&db, &mut BufReader::new(reader)).map_err(|e| usage(&e))?;
            eprintln!("{n} rows imported / đã nhập {n} dòng: {db}");
            Ok(ExitCode::SUCCESS)
        }
        RegisterCommand::Documents => answer(&db, format, Register::documents),
        RegisterCommand::Schemes => answer(&db, format, Register::schemes),
        RegisterCommand::Progress => answer(&db, format, Register::progress),
        RegisterCommand::ProgrammeProgress => answer(&db, format, Register::programme_progress),
        RegisterCommand::Unreported => answer(&db, format, Register::unreported),
        RegisterCommand::Money { by, province } => {
            let keys = by
                .iter()
                .map(|k| k.parse::<MoneyKey>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| usage(&e))?;
            let era = match province.as_str() {
                "time" => ProvinceEra::Time,
                "now" => ProvinceEra::Now,
                other => {
                    return Err(Usage::new(
                        format!("--province is `time` or `now`, not `{other}`"),
                        format!("--province là `time` hoặc `now`, không phải `{other}`"),
                    ));
                }
            };
            answer(&db, format, |r| r.money(&keys, era))
        }
        RegisterCommand::Beneficiaries { all } => answer(&db, format, |r| r.beneficiaries(all)),
        RegisterCommand::Recheck { dry_run } => answer(&db, format, |r| r.recheck(dry_run)),
        RegisterCommand::Sql { query } => answer(&db, format, |r| r.sql(&query)),
        RegisterCommand::Export { file } => export(&db, &file),
    }
}

/// Opens the register, asks, writes the answer.
fn answer(
    db: &str,
    format: Format,
    ask: impl FnOnce(&mut Register) -> Result<Table, RegisterError>,
) -> Result<ExitCode, Usage> {
    let mut r = Register::open(db).map_err(|e| usage(&e))?;
    let table = ask(&mut r).map_err(|e| usage(&e))?;
    write_table(&table, format)?;
    Ok(ExitCode::SUCCESS)
}

fn export(db: &str, file: &str) -> Result<ExitCode, Usage> {
    let mut r = Register::open(db).map_err(|e| usage(&e))?;
    let n = if file == "-" {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        r.export(&mut out).map_err(|e| usage(&e))?
    } else {
        // Written beside the target, then renamed: a failed export never leaves a partial
        // file under the name asked for.
        let partial = format!("{file}.partial");
        let cannot = |e: std::io::Error, name: &str| {
            Usage::new(
                format!("cannot write `{name}`: {e}"),
                format!("không ghi được tệp `{name}`: {e}"),
            )
        };
        let f = std::fs::File::create(&partial).map_err(|e| cannot(e, &partial))?;
        let mut out = std::io::BufWriter::new(f);
        match r.export(&mut out) {
            Ok(n) => {
                drop(out);
                std::fs::rename(&partial, file).map_err(|e| cannot(e, file))?;
                n
            }
            Err(e) => {
                drop(out);
                let _ = std::fs::remove_file(&partial);
                return Err(usage(&e));
            }
        }
    };
    eprintln!("{n} rows exported / đã xuất {n} dòng");
    Ok(ExitCode::SUCCESS)
}

/// How long to wait after storing each document, inside the transaction. Only for testing
/// that a process killed in the middle of a batch leaves the register as it was.
const PAUSE_ENV: &str = "KHUYENCONG_REGISTER_PAUSE_MS";

fn add(db: &str, files: &[String], jsonl: bool, format: Format) -> Result<ExitCode, Usage> {
    let mut register = Register::open(db).map_err(|e| usage(&e))?;
    // Every input is read before anything is stored: a file that cannot be read stops the
    // batch before it starts.
    let mut inputs: Vec<(String, Option<u64>, Vec<u8>)> = Vec::new();
    input::for_each(files, jsonl, |item| match item {
        input::Item::Document {
            source,
            line,
            content: Line::Text { bytes, .. },
            ..
        } => {
            inputs.push((source.to_owned(), line, bytes.to_vec()));
            Ok(())
        }
        input::Item::Document {
            source,
            line,
            content,
            ..
        } => {
            let place = match line {
                Some(l) => format!("{source}:{l}"),
                None => source.to_owned(),
            };
            let length = match content {
                Line::Overlong { length, .. } => length,
                _ => 0,
            };
            Err(Usage::new(
                format!(
                    "cannot add `{place}`: the line is {length} bytes, larger than 16 MiB, the limit for one document; nothing was stored"
                ),
                format!(
                    "không thêm được `{place}`: dòng dài {length} byte, lớn hơn 16 MiB, giới hạn của một văn bản; chưa lưu gì"
                ),
            ))
        }
        input::Item::Unreadable { en, vi, .. } => Err(Usage::new(
            format!("{en}; nothing was stored"),
            format!("{vi}; chưa lưu gì"),
        )),
    })?;
    let submissions: Vec<Submission<'_>> = inputs
        .iter()
        .map(|(source, line, bytes)| Submission {
            source,
            line: *line,
            bytes,
        })
        .collect();
    let pause = std::env::var(PAUSE_ENV)
        .ok()
        .and_then(|p| p.parse::<u64>().ok())
        .map(std::time::Duration::from_millis);
    let total = submissions.len();
    let added = register
        .add(&submissions, &mut |i, _| {
            if let Some(pause) = pause {
                eprintln!("stored {}/{total}", i + 1);
                std::thread::sleep(pause);
            }
        })
        .map_err(|e| usage(&e))?;
    let mut t = Table::new(&[
        "source",
        "line",
        "kind",
        "doc_id",
        "version",
        "status",
        "supersedes",
        "errors",
        "warnings",
        "infos",
    ]);
    let int = |v: u64| Value::Int(i64::try_from(v).unwrap_or(i64::MAX));
    for a in &added {
        let Added {
            source,
            line,
            kind,
            doc_id,
            version,
            status,
            supersedes,
            errors,
            warnings,
            infos,
        } = a;
        t.rows.push(vec![
            source.as_str().into(),
            line.map_or(Value::Null, int),
            (*kind).into(),
            doc_id.clone().into(),
            (*version).into(),
            status.code().into(),
            (*supersedes).into(),
            int(*errors),
            int(*warnings),
            int(*infos),
        ]);
    }
    write_table(&t, format)?;
    let rejected = added
        .iter()
        .filter(|a| a.status == Status::Rejected)
        .count();
    let accepted = added
        .iter()
        .filter(|a| a.status == Status::Accepted)
        .count();
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "{accepted} accepted, {rejected} rejected, {} already registered / {accepted} được nhận, {rejected} bị từ chối, {} đã có",
        total - accepted - rejected,
        total - accepted - rejected
    );
    Ok(if rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

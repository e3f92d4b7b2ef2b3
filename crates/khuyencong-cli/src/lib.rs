//! The `khuyencong` command: check industrial-extension documents, compute totals,
//! explain eligibility and support limits, print the catalogue and the schemas.
//!
//! The command is a library so that the Python package's console script runs exactly this
//! code: [`run`] takes the arguments and writes to the process's standard output and error,
//! as the binary does.

use std::ffi::OsString;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{FromArgMatches, Parser, Subcommand, ValueEnum};
use khuyencong::law::Lang;

mod check;
mod convert;
mod eligibility;
mod explain;
mod help;
mod input;
mod output;
mod packs;
mod register;
mod sarif;
mod sheet;
mod support;
mod table;
mod template;
mod totals;
mod totals_view;
mod upgrade;

pub use output::CLOSED_PIPE;

/// Vietnam's industrial-extension law (khuyến công) as code.
#[derive(Parser)]
#[command(name = "khuyencong", version, about, long_about = None)]
struct Cli {
    /// Language of the help (default: from LC_ALL, LC_MESSAGES or LANG; Vietnamese when
    /// they name no language). Each command has its own --lang for its output.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a JSON Schema (draft 2020-12): document, scheme, plan, period_report, programme,
    /// findings, provincial_pack; or, with --codelist, a codelist as CSV or JSON.
    Schema {
        /// The schema's name.
        #[arg(required_unless_present = "codelist")]
        kind: Option<String>,
        /// Print a codelist (e.g. `activities`) with every value, titles, citation and validity.
        #[arg(long, conflicts_with = "kind")]
        codelist: Option<String>,
        /// Output format (csv only with --codelist).
        #[arg(long, value_enum, default_value_t = SchemaFormat::Json)]
        format: SchemaFormat,
        #[command(flatten)]
        output: OutputArg,
    },
    /// Check documents (schemes, plans, period reports, programmes): every problem, where, and
    /// which article.
    ///
    /// Exit code 0: no errors; 1: errors found (including unreadable JSON content);
    /// 2: a file cannot be opened (it is reported with the others, which are still checked),
    /// or a usage error; 141: the output was closed before the end (`| head`).
    Check {
        /// Files, folders (read recursively: `.json`, `.jsonl`, `.xlsx`, `.csv`) or patterns
        /// (`reports/*.json`); `-` reads standard input; `.jsonl` files are read line by line;
        /// `.xlsx` and `.csv` files are read as filled templates (findings name their cells).
        #[arg(required = true)]
        files: Vec<String>,
        /// Treat every input as JSON Lines (one document per line).
        #[arg(long)]
        jsonl: bool,
        /// Language of messages in table output.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        /// Output format (`jsonl`: one result per line, streamed; `csv`: one row per finding;
        /// `sarif`: SARIF 2.1.0 for code-scanning tools).
        #[arg(long, value_enum, default_value_t = check::CheckFormat::Table)]
        format: check::CheckFormat,
        /// Table output: do not print how to fix each error.
        #[arg(long)]
        no_fix: bool,
        /// Table output: only the errors and the summary.
        #[arg(short, long)]
        quiet: bool,
        /// Table output: colour by severity (`auto`: on a terminal, unless NO_COLOR is set).
        #[arg(long, value_enum, default_value_t = check::ColorArg::Auto)]
        color: check::ColorArg,
        #[command(flatten)]
        output: OutputArg,
        /// A provincial rule pack for schemes on local funds: a shipped pack's name (see
        /// `khuyencong packs`) or a JSON file.
        #[arg(long)]
        pack: Option<String>,
        /// Also write the results as an Excel workbook: every finding with its cell, and a
        /// copy of each spreadsheet input with its findings on their cells.
        #[arg(long, value_name = "FILE.xlsx")]
        xlsx: Option<String>,
    },
    /// Add documents up, exactly, by province, period, year, fund level, source, activity,
    /// industry and product group — or, with --targets, compare programmes' targets with the
    /// results of the reports on them.
    Totals {
        /// Files, folders (read recursively) or patterns to total; `-` reads standard input;
        /// `.jsonl` files are read line by line; `.xlsx` and `.csv` files are read as filled
        /// templates.
        #[arg(required = true)]
        files: Vec<String>,
        /// Grouping keys, comma-separated: province (of the document's date), province_now
        /// (today's unit, after the 2025 arrangement), period, year, fund_level, source,
        /// activity, industry, product_group, kind. How province names were read is noted on
        /// standard error.
        #[arg(long, value_delimiter = ',', value_parser = parse_key)]
        by: Vec<khuyencong::totals::TotalsKey>,
        /// Compare every programme among the files with the period reports on it (by
        /// `programme_id`, or by the approving decision): one row per target and indicator.
        #[arg(long, conflicts_with = "by")]
        targets: bool,
        /// Treat every input as JSON Lines.
        #[arg(long)]
        jsonl: bool,
        /// Language of labels and number formatting in table output.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Amounts in table output: in millions of đồng (`million`) or in đồng (`dong`).
        /// JSON, JSON Lines and CSV always give whole đồng.
        #[arg(long, value_enum, default_value_t = totals_view::Amounts::Million)]
        amounts: totals_view::Amounts,
        /// Also write the totals as an Excel workbook.
        #[arg(long, value_name = "FILE.xlsx")]
        xlsx: Option<String>,
        #[command(flatten)]
        output: OutputArg,
    },
    /// Explain a finding code: its meaning, legal basis and how to fix it.
    Explain {
        /// The finding code, e.g. `report.counterpart_mismatch`.
        code: String,
        /// Language.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        /// Output format (`jsonl`: the JSON on one line).
        #[arg(long, value_enum, default_value_t = ExplainFormat::Table)]
        format: ExplainFormat,
        #[command(flatten)]
        output: OutputArg,
    },
    /// Print the catalogue of instruments and codelists valid on a date.
    Catalog {
        /// The date (YYYY-MM-DD); it decides the regime.
        #[arg(long, value_parser = parse_date)]
        as_of: NaiveDate,
        /// Language of labels in table output.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        /// Output format (`jsonl`: one item per line, with --list).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Print only this list (e.g. `activities`); required for CSV and JSON Lines.
        #[arg(long)]
        list: Option<String>,
        #[command(flatten)]
        output: OutputArg,
    },
    /// Assess whether an applicant may receive an extension activity on a date.
    Eligibility {
        /// The applicant's facts (JSON, see the ApplicantFacts schema).
        applicant: String,
        /// The activity code (e.g. `advanced_machinery_technology_transfer`).
        #[arg(long)]
        activity: String,
        /// The date (YYYY-MM-DD), normally the scheme's approval date; it decides the regime.
        #[arg(long, value_parser = parse_date)]
        as_of: NaiveDate,
        /// Language of table output.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = eligibility::EligibilityFormat::Json)]
        format: eligibility::EligibilityFormat,
        #[command(flatten)]
        output: OutputArg,
    },
    /// Compute the most state support for an activity on a date (with its derivation).
    Support(support::SupportArgs),
    /// Write a document in the current format version (2). A version-1 document keeps every
    /// figure, code and text; only `schema_version` changes.
    ///
    /// Exit code 0: written; 1: a document cannot be read (nothing is written); 2: a file
    /// cannot be opened or written, or a usage error.
    Upgrade {
        /// The file; `-` reads standard input; `.jsonl` files are upgraded line by line.
        file: String,
        /// Write here instead of standard output (may be the input file itself).
        #[arg(short, long)]
        output: Option<String>,
        /// Treat the input as JSON Lines.
        #[arg(long)]
        jsonl: bool,
        /// Language of messages.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
    },
    /// List the provincial rule packs shipped with the library (name, province, instrument,
    /// window, confidence, number of rules); load one with `--pack NAME`.
    Packs {
        /// Language of table output.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[command(flatten)]
        output: OutputArg,
    },
    /// The register: programmes, plans, schemes and reports kept over the years in SQLite or
    /// PostgreSQL, checked on intake (see docs/register.md).
    Register(register::RegisterArgs),
    /// Write a spreadsheet template (xlsx or csv) for a kind of document: Vietnamese and
    /// English headings, drop-down lists of codes, instructions with the legal basis of each
    /// column, example rows. `check` and `totals` read filled templates.
    Template(template::TemplateArgs),
    /// Convert spreadsheets (xlsx, csv) to JSON documents, or JSON documents to a spreadsheet.
    ///
    /// Exit code 0: converted; 1: a cell or document cannot be read, or a value the
    /// spreadsheet cannot hold exactly (said on standard error); 2: a usage error.
    Convert(convert::ConvertArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish), e.g.
    /// `khuyencong completions bash > /etc/bash_completion.d/khuyencong`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
        /// Language of the descriptions in the script.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        #[command(flatten)]
        output: OutputArg,
    },
    /// Print the manual page (roff), e.g. `khuyencong man | man -l -`.
    Man {
        /// Language of the page.
        #[arg(long, value_enum, default_value_t = LangArg::Vi)]
        lang: LangArg,
        #[command(flatten)]
        output: OutputArg,
    },
}

/// Where a command's results go.
#[derive(clap::Args, Clone, Default)]
struct OutputArg {
    /// Write the results to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

/// Output format of `catalog` and `totals`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Table,
    Csv,
}

/// Output format of `schema`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SchemaFormat {
    Json,
    Csv,
}

/// Output format of `explain`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExplainFormat {
    Table,
    Json,
    Jsonl,
}

/// A failure that ends the command with exit code 2 and a bilingual message.
struct Usage {
    en: String,
    vi: String,
}

impl Usage {
    fn new(en: impl Into<String>, vi: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            vi: vi.into(),
        }
    }
}

fn parse_key(s: &str) -> Result<khuyencong::totals::TotalsKey, String> {
    s.parse()
}

/// Reads a date argument as every front does: exactly `YYYY-MM-DD` (the library's reader).
fn parse_date(s: &str) -> Result<NaiveDate, String> {
    khuyencong::input::parse_date(s).map_err(|e| {
        format!(
            "{} / {}",
            table::clean(&e.to_string()),
            table::clean(&e.message_vi())
        )
    })
}

/// Runs the command with these arguments (the first is the program's name) and returns its
/// exit code. Results go to standard output, or to the file of `-o`; messages to standard
/// error. A closed standard output (`| head`) ends the process with [`CLOSED_PIPE`], as the
/// command would end.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let help_lang = help::lang_of(&args);
    let matches = match help::command(help_lang).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return clap_exit(&e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let result = dispatch(cli.command);
    output::set(None);
    match result {
        Ok(code) => code,
        Err(u) => {
            // Messages may quote the input (file names, values): each line is cleaned of
            // terminal control characters.
            let lines = |s: &str| {
                s.lines()
                    .map(|l| table::clean(l).into_owned())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            eprintln!("error: {}\nlỗi: {}", lines(&u.en), lines(&u.vi));
            ExitCode::from(2)
        }
    }
}

/// Runs the command as [`run`] does and gives its exit status as a number (for a caller
/// that reports it itself, such as the Python package's console script).
pub fn run_status<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let code = run(args);
    (0..=u8::MAX)
        .find(|n| ExitCode::from(*n) == code)
        .unwrap_or(1)
}

/// Prints clap's answer (help and version to standard output, usage errors to standard
/// error) and gives its exit code.
fn clap_exit(e: &clap::Error) -> ExitCode {
    if e.print().is_err() && e.use_stderr() {
        return ExitCode::from(2);
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

fn dispatch(command: Command) -> Result<ExitCode, Usage> {
    match command {
        Command::Catalog {
            as_of,
            lang,
            format,
            list,
            output,
        } => {
            output::set(output.output);
            cmd_catalog(as_of, lang.into(), format, list.as_deref())
        }
        Command::Schema {
            kind,
            codelist,
            format,
            output,
        } => {
            output::set(output.output);
            cmd_schema(kind.as_deref(), codelist.as_deref(), format)
        }
        Command::Check {
            files,
            jsonl,
            lang,
            format,
            no_fix,
            quiet,
            color,
            output,
            pack,
            xlsx,
        } => {
            let colour = color.enabled(output.output.is_none());
            output::set(output.output);
            check::run(
                &files,
                jsonl,
                &check::Style {
                    lang: lang.into(),
                    format,
                    fix: !no_fix,
                    quiet,
                    colour,
                },
                pack.as_deref(),
                xlsx.as_deref(),
            )
        }
        Command::Totals {
            files,
            by,
            targets,
            jsonl,
            lang,
            format,
            amounts,
            xlsx,
            output,
        } => {
            output::set(output.output);
            totals::run(
                &files,
                jsonl,
                &totals::Style {
                    by: &by,
                    targets,
                    lang: lang.into(),
                    format,
                    amounts,
                },
                xlsx.as_deref(),
            )
        }
        Command::Upgrade {
            file,
            output,
            jsonl,
            lang,
        } => upgrade::run(&file, output.as_deref(), jsonl, lang.into()),
        Command::Explain {
            code,
            lang,
            format,
            output,
        } => {
            output::set(output.output);
            if code.starts_with("sheet.") {
                sheet::explain(&code, lang.into(), format)
            } else {
                explain::run(&code, lang.into(), format)
            }
        }
        Command::Eligibility {
            applicant,
            activity,
            as_of,
            lang,
            format,
            output,
        } => {
            output::set(output.output);
            eligibility::run(&applicant, &activity, as_of, lang.into(), format)
        }
        Command::Support(args) => {
            output::set(args.output.output.clone());
            support::cmd_support(&args)
        }
        Command::Packs {
            lang,
            format,
            output,
        } => {
            output::set(output.output);
            packs::run(lang.into(), format)
        }
        Command::Register(args) => register::run(args),
        Command::Template(args) => template::run(&args),
        Command::Convert(args) => convert::run(&args),
        Command::Completions {
            shell,
            lang,
            output,
        } => {
            output::set(output.output);
            let mut cmd = help::command(lang.into());
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "khuyencong", &mut script);
            output::write_bytes(&script)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { lang, output } => {
            output::set(output.output);
            let mut page = Vec::new();
            clap_mangen::Man::new(help::command(lang.into()))
                .render(&mut page)
                .map_err(write_error)?;
            output::write_bytes(&page)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn write_out(s: &str) -> Result<(), Usage> {
    output::write_bytes(s.as_bytes())
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(json_error)`
fn json_error(e: serde_json::Error) -> Usage {
    Usage::new(
        format!("cannot encode JSON: {e}"),
        format!("không mã hóa được JSON: {e}"),
    )
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(write_error)`
fn write_error(e: std::io::Error) -> Usage {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        // A closed pipe (`| head`) ends the run quietly, but not as a success.
        std::process::exit(CLOSED_PIPE);
    }
    Usage::new(
        format!("cannot write output: {e}"),
        format!("không ghi được kết quả: {e}"),
    )
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Usage> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| {
            Usage::new(
                format!("cannot encode JSON: {e}"),
                format!("không mã hóa được JSON: {e}"),
            )
        })
}

fn cmd_schema(
    kind: Option<&str>,
    codelist: Option<&str>,
    format: SchemaFormat,
) -> Result<ExitCode, Usage> {
    use khuyencong::schema::{SchemaKind, json_schema};
    let text = if let Some(list) = codelist {
        let unknown = || {
            Usage::new(
                format!(
                    "unknown codelist `{list}`; expected one of: {}",
                    khuyencong::catalog::LISTS[1..].join(", ")
                ),
                format!(
                    "danh mục `{list}` không tồn tại; chọn một trong: {}",
                    khuyencong::catalog::LISTS[1..].join(", ")
                ),
            )
        };
        match format {
            SchemaFormat::Csv => khuyencong::catalog::to_csv(
                &khuyencong::catalog::codelist_rows(list).ok_or_else(unknown)?,
            ),
            SchemaFormat::Json => {
                to_json(&khuyencong::catalog::codelist_json(list).ok_or_else(unknown)?)?
            }
        }
    } else {
        if format == SchemaFormat::Csv {
            return Err(Usage::new(
                "a JSON Schema is printed as JSON; --format csv is for --codelist",
                "lược đồ JSON chỉ in dạng JSON; --format csv dùng với --codelist",
            ));
        }
        let name = kind.unwrap_or_default();
        let names: Vec<&str> = SchemaKind::ALL.iter().map(|k| k.name()).collect();
        let kind = SchemaKind::from_name(name).ok_or_else(|| {
            Usage::new(
                format!(
                    "unknown schema `{name}`; expected one of: {}",
                    names.join(", ")
                ),
                format!(
                    "lược đồ `{name}` không tồn tại; chọn một trong: {}",
                    names.join(", ")
                ),
            )
        })?;
        to_json(&json_schema(kind))?
    };
    write_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_catalog(
    as_of: NaiveDate,
    lang: Lang,
    format: Format,
    list: Option<&str>,
) -> Result<ExitCode, Usage> {
    let catalog =
        khuyencong::catalog(as_of).map_err(|e| Usage::new(e.to_string(), e.message_vi()))?;
    if let Some(name) = list
        && !khuyencong::catalog::LISTS.contains(&name)
    {
        {
            return Err(Usage::new(
                format!(
                    "unknown list `{name}`; expected one of: {}",
                    khuyencong::catalog::LISTS.join(", ")
                ),
                format!(
                    "danh mục `{name}` không tồn tại; chọn một trong: {}",
                    khuyencong::catalog::LISTS.join(", ")
                ),
            ));
        }
    }
    let text = match (format, list) {
        (Format::Json, None) => to_json(&catalog)?,
        (Format::Json, Some("instruments")) => to_json(&catalog.instruments)?,
        (Format::Json, Some(name)) => to_json(&catalog.list(name))?,
        (Format::Jsonl, None) => {
            return Err(Usage::new(
                "JSON Lines output needs one list: add --list NAME",
                "xuất JSON Lines cần chọn một danh mục: thêm --list TÊN",
            ));
        }
        (Format::Jsonl, Some(name)) => {
            let items = if name == "instruments" {
                serde_json::to_value(&catalog.instruments)
            } else {
                serde_json::to_value(catalog.list(name))
            }
            .map_err(json_error)?;
            let mut s = String::new();
            for item in items.as_array().map(Vec::as_slice).unwrap_or_default() {
                s.push_str(&serde_json::to_string(item).map_err(json_error)?);
                s.push('\n');
            }
            s
        }
        (Format::Csv, None) => {
            return Err(Usage::new(
                "CSV output needs one list: add --list NAME",
                "xuất CSV cần chọn một danh mục: thêm --list TÊN",
            ));
        }
        (Format::Csv, Some(name)) => {
            khuyencong::catalog::to_csv(&catalog.rows(name).unwrap_or_default())
        }
        (Format::Table, list) => {
            let names: Vec<&str> = match list {
                Some(n) => vec![n],
                None => khuyencong::catalog::LISTS.to_vec(),
            };
            let mut out = String::new();
            for name in names {
                out.push_str(&table::catalog_table(&catalog, name, lang));
                out.push('\n');
            }
            out
        }
    };
    write_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

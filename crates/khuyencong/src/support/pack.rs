//! Rule packs: the national pack embedded in the library, provincial packs loaded from
//! files; both validated on load, with every problem reported at its JSON Pointer.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{LazyLock, OnceLock};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::types::{ArticleRef, ProvincialInstrumentKind, SupportRule, SupportVariant};
use crate::activity::Activity;
use crate::finding::Finding;
use crate::fund::FundLevel;
use crate::input::report::{self, Compiled, Target};
use crate::input::schema::{SchemaKind, generated, internal, root};
use crate::input::strict;
use crate::law::{
    Citation, Confidence, InstrumentId, Point, TT_28_EFFECTIVE, TTLT_26_EFFECTIVE, TTLT_26_LAST_DAY,
};

/// The national rule pack as shipped (`data/national.json`).
pub const NATIONAL_PACK_JSON: &str = include_str!("../../data/national.json");

/// The national rule pack: the support levels of Joint Circular 26/2014/TTLT-BTC-BCT
/// Art. 6.2 (historical, 2014-04-08 … 2018-05-10) and the items of Circular
/// 28/2018/TT-BTC Art. 8 that were read (from 2018-05-11).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NationalPack {
    /// The pack's version (date of the last change of content).
    pub version: String,
    /// What the pack holds and what it leaves out.
    pub description: String,
    /// The support items (at most 1000).
    #[serde(deserialize_with = "crate::de::items::<_, _, 0, 1000>")]
    #[schemars(length(max = 1000))]
    pub rules: Vec<SupportRule>,
}

/// The provincial People's Council (HĐND) resolution a provincial pack transcribes (or, in
/// some provinces and years, a People's Committee decision).
///
/// What the source did not give is left out rather than guessed: a pack whose first day was
/// not read validates and documents its levels, but is never applied (its levels are not
/// assessed, and the national level is the reference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Resolution {
    /// The kind of instrument: `resolution` (the default) or `decision`.
    #[serde(
        default,
        skip_serializing_if = "ProvincialInstrumentKind::is_resolution"
    )]
    pub kind: ProvincialInstrumentKind,
    /// The number as issued, e.g. `23/2025/NQ-HĐND`; absent when the source did not give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The day it was passed or signed, when known.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub date: Option<NaiveDate>,
    /// The first day it applies, when known.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub effective_from: Option<NaiveDate>,
    /// The last day it applies, if it has been replaced.
    #[serde(
        default,
        deserialize_with = "crate::de::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub effective_until: Option<NaiveDate>,
    /// The title, in Vietnamese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl Resolution {
    /// "Nghị quyết số 08/2024/NQ-HĐND" / "Resolution 08/2024/NQ-HĐND" (or "… (number not
    /// read)").
    pub fn designation(&self, lang: crate::law::Lang) -> String {
        match (&self.number, lang) {
            (Some(n), crate::law::Lang::Vi) => format!("{} số {n}", self.kind.name(lang)),
            (Some(n), crate::law::Lang::En) => format!("{} {n}", self.kind.name(lang)),
            (None, crate::law::Lang::Vi) => format!("{} (chưa rõ số hiệu)", self.kind.name(lang)),
            (None, crate::law::Lang::En) => format!("{} (number not read)", self.kind.name(lang)),
        }
    }
}

/// A provincial rule pack: the local support levels a province's People's Council set
/// for its local extension funds, layered over the national pack (modelling decision 6).
///
/// The format is documented in docs/funding.md; `deny_unknown_fields` everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ProvincialPack {
    /// `true` for illustrative packs that must not be used for real decisions.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
    /// Free description: sources, status of the values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The province or centrally-run city, as named in the resolution.
    pub province: String,
    /// The province's permanent code in the `provinces` codelist, as the unit was at the
    /// resolution's date (e.g. `hoa_binh` for a 2019 decision of the former province).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province_code: Option<String>,
    /// Where the levels were read: addresses of the legal text or of the secondary sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// The resolution.
    pub resolution: Resolution,
    /// The local support items (at most 1000); each cites an article of the resolution.
    #[serde(deserialize_with = "crate::de::items::<_, _, 0, 1000>")]
    #[schemars(length(max = 1000))]
    pub rules: Vec<SupportRule<ArticleRef>>,
}

/// One problem in a rule pack: where (JSON Pointer) and why, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PackIssue {
    /// JSON Pointer (RFC 6901) to the offending value.
    pub path: String,
    /// Why, in English.
    pub message_en: String,
    /// Why, in Vietnamese.
    pub message_vi: String,
}

impl std::fmt::Display for PackIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message_en)
    }
}

/// Why a rule pack cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PackError {
    /// The file could not be read.
    #[error("cannot read rule pack `{file}`: {reason}")]
    Io {
        /// The file.
        file: String,
        /// The operating-system error.
        reason: String,
    },
    /// The pack is larger than [`MAX_PACK_BYTES`]: refused before it is read.
    #[error("the rule pack is larger than {max_bytes} bytes (16 MiB), the limit for a pack")]
    TooLarge {
        /// The limit.
        max_bytes: usize,
    },
    /// The text is not JSON.
    #[error("rule pack is not valid JSON at line {line}, column {column}: {reason}")]
    Syntax {
        /// Line (1-based).
        line: usize,
        /// Column (1-based).
        column: usize,
        /// What is wrong, in English.
        reason: String,
        /// What is wrong, in Vietnamese.
        reason_vi: String,
    },
    /// The JSON does not follow the pack format or breaks its rules: the problems, at most
    /// [`MAX_PACK_ISSUES`] (the last then says how many more there are).
    #[error("invalid rule pack: {}", render_issues(.0, |i| &i.message_en, "more"))]
    Invalid(Vec<PackIssue>),
    /// No pack shipped with the library has this name.
    #[error("no provincial pack named `{name}`; shipped packs: {}", .known.join(", "))]
    UnknownName {
        /// The name asked for.
        name: String,
        /// The names of the shipped packs.
        known: Vec<&'static str>,
    },
}

/// The largest rule pack read: 16 MiB, as for a document.
pub const MAX_PACK_BYTES: usize = crate::input::MAX_INPUT_BYTES;

/// The most rules a pack may hold. A People's Council resolution sets a few dozen levels;
/// the national pack has well under a hundred.
pub const MAX_PACK_RULES: usize = 1000;

/// The most problems a [`PackError::Invalid`] lists; the last then counts the rest.
pub const MAX_PACK_ISSUES: usize = 100;

/// How many problems the message of a [`PackError`] names (all are in
/// [`PackError::issues`]).
const SHOWN_ISSUES: usize = 10;

fn render_issues(
    issues: &[PackIssue],
    message: impl Fn(&PackIssue) -> &String,
    more: &str,
) -> String {
    let mut out: Vec<String> = issues
        .iter()
        .take(SHOWN_ISSUES)
        .map(|i| {
            let path = if i.path.is_empty() { "/" } else { &i.path };
            format!("{path}: {}", message(i))
        })
        .collect();
    if issues.len() > SHOWN_ISSUES {
        out.push(format!("… (+{} {more})", issues.len() - SHOWN_ISSUES));
    }
    out.join("; ")
}

impl PackError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Self::Io { file, reason } => format!("không đọc được gói quy định `{file}`: {reason}"),
            Self::TooLarge { max_bytes } => {
                format!("gói quy định lớn hơn {max_bytes} byte (16 MiB), giới hạn của một gói")
            }
            Self::Syntax {
                line,
                column,
                reason_vi,
                ..
            } => format!(
                "gói quy định không phải JSON hợp lệ tại dòng {line}, cột {column}: {reason_vi}"
            ),
            Self::UnknownName { name, known } => format!(
                "không có gói quy định của tỉnh tên `{name}`; các gói có sẵn: {}",
                known.join(", ")
            ),
            Self::Invalid(issues) => format!(
                "gói quy định không hợp lệ: {}",
                render_issues(issues, |i| &i.message_vi, "vấn đề khác")
            ),
        }
    }

    /// The problems, when the pack is invalid.
    pub fn issues(&self) -> &[PackIssue] {
        match self {
            Self::Invalid(i) => i,
            _ => &[],
        }
    }
}

/// Keeps at most [`MAX_PACK_ISSUES`] problems, the last counting the rest.
fn capped(mut issues: Vec<PackIssue>) -> Vec<PackIssue> {
    if issues.len() > MAX_PACK_ISSUES {
        let rest = issues.len() - (MAX_PACK_ISSUES - 1);
        issues.truncate(MAX_PACK_ISSUES - 1);
        issues.push(issue(
            "",
            format!("{rest} more problems are not listed; fix these and load the pack again"),
            format!("còn {rest} vấn đề khác chưa liệt kê; sửa các vấn đề trên rồi nạp lại gói"),
        ));
    }
    issues
}

fn issue(path: impl Into<String>, en: impl Into<String>, vi: impl Into<String>) -> PackIssue {
    PackIssue {
        path: path.into(),
        message_en: en.into(),
        message_vi: vi.into(),
    }
}

/// The schema of a provincial pack as published, or as generated before it is made strict
/// (`annotated`: see [`crate::schema::annotated_schema`]).
pub(crate) fn provincial_schema(annotated: bool) -> serde_json::Value {
    if annotated {
        generated::<ProvincialPack>(SchemaKind::ProvincialPack)
    } else {
        root::<ProvincialPack>(SchemaKind::ProvincialPack, true)
    }
}

/// The compiled schema a provincial pack is validated against.
pub(crate) static PROVINCIAL_SCHEMA: LazyLock<Compiled> =
    LazyLock::new(|| Compiled::new(provincial_schema(false)));

/// The compiled schema of the national pack (embedded; its schema is not published).
pub(crate) static NATIONAL_SCHEMA: LazyLock<Compiled> = LazyLock::new(|| {
    Compiled::new(internal::<NationalPack>(
        "urn:khuyencong:schema:national_pack:1",
    ))
});

/// Reads a pack through the strict reader; when it cannot be read, the structural report
/// says every problem at once, each at its JSON Pointer, in both languages.
fn load<T: DeserializeOwned>(text: &str, target: Target) -> Result<T, PackError> {
    let bytes = text.as_bytes();
    if bytes.len() > MAX_PACK_BYTES {
        return Err(PackError::TooLarge {
            max_bytes: MAX_PACK_BYTES,
        });
    }
    let (bytes, _) = crate::input::strip_bom(bytes);
    if let Ok(pack) = strict::from_slice::<T>(bytes) {
        return Ok(pack);
    }
    let examined = report::examine(bytes, target);
    let mut findings = examined.findings;
    if findings.is_empty() {
        findings.push(report::fallback::<T>(bytes));
    }
    Finding::sort(&mut findings);
    // A text that is not JSON: one syntax error, with its place.
    if let [f] = findings.as_slice()
        && let (Some(line), Some(column)) = (
            f.params().get("line").and_then(serde_json::Value::as_u64),
            f.params().get("column").and_then(serde_json::Value::as_u64),
        )
    {
        return Err(PackError::Syntax {
            line: usize::try_from(line).unwrap_or(usize::MAX),
            column: usize::try_from(column).unwrap_or(usize::MAX),
            reason: f.message_en().into_owned(),
            reason_vi: f.message_vi().into_owned(),
        });
    }
    Err(PackError::Invalid(capped(
        findings
            .into_iter()
            .map(|f| PackIssue {
                message_en: f.message_en().into_owned(),
                message_vi: f.message_vi().into_owned(),
                path: f.path,
            })
            .collect(),
    )))
}

/// Checks shared by both packs: ids, windows, shares, caps, multipliers, variants,
/// overlaps.
fn check_common<C>(rules: &[SupportRule<C>], issues: &mut Vec<PackIssue>) {
    let mut ids = BTreeSet::new();
    for (i, r) in rules.iter().enumerate() {
        let at = |field: &str| format!("/rules/{i}/{field}");
        if r.id.trim().is_empty() {
            issues.push(issue(
                at("id"),
                "id must not be empty",
                "mã không được để trống",
            ));
        } else if !ids.insert(r.id.as_str()) {
            issues.push(issue(
                at("id"),
                format!("duplicate id `{}`", r.id),
                format!("mã `{}` bị trùng", r.id),
            ));
        }
        if let (Some(from), Some(until)) = (r.valid_from, r.valid_until)
            && until < from
        {
            issues.push(issue(
                at("valid_until"),
                format!("valid_until is before valid_from {from}"),
                format!("valid_until trước valid_from {from}"),
            ));
        }
        if r.fund_levels.is_empty() {
            issues.push(issue(
                at("fund_levels"),
                "at least one fund level is required",
                "cần ít nhất một cấp kinh phí",
            ));
        }
        if r.cap.is_some_and(|c| c.amount_vnd.get() == 0) {
            issues.push(issue(
                at("cap/amount_vnd"),
                "a cap must be more than 0 đồng",
                "mức trần phải lớn hơn 0 đồng",
            ));
        }
        if let (Some(unit), Some(cap)) = (r.unit, r.cap)
            && unit != cap.unit
        {
            issues.push(issue(
                at("unit"),
                format!(
                    "unit `{}` differs from the cap's unit `{}`",
                    unit.code(),
                    cap.unit.code()
                ),
                format!(
                    "đơn vị `{}` khác đơn vị của mức trần `{}`",
                    unit.code(),
                    cap.unit.code()
                ),
            ));
        }
        if r.max_share.is_some_and(|s| s.get().is_zero()) {
            issues.push(issue(
                at("max_share"),
                "a share must be more than 0",
                "tỷ lệ phải lớn hơn 0",
            ));
        }
        for (j, m) in r.multipliers.iter().enumerate() {
            if m.factor < Decimal::ONE || m.factor > Decimal::TEN {
                issues.push(issue(
                    format!("/rules/{i}/multipliers/{j}/factor"),
                    format!("factor must be between 1 and 10, got {}", m.factor),
                    format!(
                        "hệ số phải nằm trong khoảng 1 đến 10, nhận được {}",
                        m.factor
                    ),
                ));
            }
        }
        match (r.activity, r.variant) {
            (Some(a), Some(v)) if v.activity() != a => issues.push(issue(
                at("variant"),
                format!("variant `{v}` belongs to `{}`, not `{a}`", v.activity()),
                format!("biến thể `{v}` thuộc `{}`, không thuộc `{a}`", v.activity()),
            )),
            (Some(a), None) if !SupportVariant::of(a).is_empty() => issues.push(issue(
                at("variant"),
                format!("activity `{a}` has several items: a variant is required"),
                format!("hoạt động `{a}` có nhiều nội dung: cần ghi biến thể"),
            )),
            (Some(a), _) if !a.is_leaf() => issues.push(issue(
                at("activity"),
                format!("activity `{a}` is a group; name one of its items"),
                format!("`{a}` là nhóm hoạt động; hãy ghi một nội dung cụ thể"),
            )),
            (None, Some(_)) => issues.push(issue(
                at("variant"),
                "a variant needs an activity",
                "biến thể cần đi kèm hoạt động",
            )),
            _ => {}
        }
    }
    check_overlaps(rules, issues);
}

/// One window of a rule: item, fund, first and last day, and the rule's index.
type Window = (
    Activity,
    Option<SupportVariant>,
    FundLevel,
    NaiveDate,
    NaiveDate,
    usize,
);

/// Two rules for the same item, fund and day would make the result depend on order: each
/// rule that overlaps an earlier one is reported once, naming it. Sorted by first day within
/// each item and fund, one sweep finds every such rule: O(n log n), whatever the pack.
fn check_overlaps<C>(rules: &[SupportRule<C>], issues: &mut Vec<PackIssue>) {
    let mut windows: Vec<Window> = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        let Some(activity) = r.activity else { continue };
        let mut levels = r.fund_levels.clone();
        levels.sort_unstable();
        levels.dedup();
        for level in levels {
            windows.push((
                activity,
                r.variant,
                level,
                r.valid_from.unwrap_or(NaiveDate::MIN),
                r.valid_until.unwrap_or(NaiveDate::MAX),
                i,
            ));
        }
    }
    windows.sort_unstable();
    let mut overlapping: BTreeMap<usize, usize> = BTreeMap::new();
    let mut latest: Option<(usize, NaiveDate)> = None;
    for (n, w) in windows.iter().enumerate() {
        let same_group = n > 0 && {
            let p = &windows[n - 1];
            (p.0, p.1, p.2) == (w.0, w.1, w.2)
        };
        match latest {
            Some((j, end)) if same_group => {
                if w.3 <= end && j != w.5 {
                    overlapping.entry(w.5).or_insert(j);
                }
                if w.4 > end {
                    latest = Some((w.5, w.4));
                }
            }
            _ => latest = Some((w.5, w.4)),
        }
    }
    for (i, j) in overlapping {
        let (a, b) = (&rules[j], &rules[i]);
        issues.push(issue(
            format!("/rules/{i}"),
            format!(
                "rules `{}` and `{}` cover the same item, fund and days",
                a.id, b.id
            ),
            format!(
                "quy định `{}` và `{}` trùng nội dung, cấp kinh phí và thời gian",
                a.id, b.id
            ),
        ));
    }
}

impl NationalPack {
    /// Parses and validates a national pack.
    ///
    /// # Errors
    /// [`PackError::Syntax`] for text that is not JSON; [`PackError::Invalid`] listing
    /// every problem with its JSON Pointer: shape, duplicate ids, windows outside the
    /// cited instrument's, confidence that does not fit the instrument (Joint Circular
    /// 26/2014 values must be `historical`; Circular 28/2018 ones must not), overlaps.
    pub fn from_json(text: &str) -> Result<Self, PackError> {
        let pack: Self = load(text, &NATIONAL_SCHEMA)?;
        let mut issues = Vec::new();
        check_common(&pack.rules, &mut issues);
        for (i, r) in pack.rules.iter().enumerate() {
            check_national_rule(i, r, &mut issues);
        }
        if issues.is_empty() {
            Ok(pack)
        } else {
            Err(PackError::Invalid(capped(issues)))
        }
    }
}

fn check_national_rule(i: usize, r: &SupportRule, issues: &mut Vec<PackIssue>) {
    let at = |field: &str| format!("/rules/{i}/{field}");
    // Every national level says what it is per (establishment, model, round…), so that a
    // scheme's limit can scale with the units it supports.
    if r.unit().is_none() {
        issues.push(issue(
            at("unit"),
            "a national level must state its unit (per establishment, model, round…)",
            "mức hỗ trợ quốc gia phải ghi đơn vị tính (mỗi cơ sở, mô hình, cuộc bình chọn…)",
        ));
    }
    let Some(valid_from) = r.valid_from else {
        issues.push(issue(
            at("valid_from"),
            "a national level needs its first day (valid_from)",
            "mức hỗ trợ quốc gia cần ngày bắt đầu áp dụng (valid_from)",
        ));
        return;
    };
    let citations = std::iter::once(("citation".to_owned(), r.citation)).chain(
        r.multipliers
            .iter()
            .enumerate()
            .map(|(j, m)| (format!("multipliers/{j}/citation"), m.citation)),
    );
    for (field, c) in citations {
        if c.article_no().is_none() {
            issues.push(issue(
                at(&field),
                "a support level must cite at least an article",
                "mức hỗ trợ phải trích dẫn ít nhất một Điều",
            ));
        }
    }
    match r.citation.instrument_id() {
        InstrumentId::Ttlt26_2014 => {
            if r.confidence != Confidence::Historical {
                issues.push(issue(
                    at("confidence"),
                    "Joint Circular 26/2014 was repealed on 2018-05-11: its levels are `historical`",
                    "Thông tư liên tịch 26/2014 hết hiệu lực từ 11/05/2018: mức của nó là `historical`",
                ));
            }
            if valid_from < TTLT_26_EFFECTIVE || r.valid_until.is_none_or(|u| u > TTLT_26_LAST_DAY)
            {
                issues.push(issue(
                    at("valid_until"),
                    "a Joint Circular 26/2014 level must lie within 2014-04-08 … 2018-05-10",
                    "mức theo Thông tư liên tịch 26/2014 phải nằm trong 08/04/2014 … 10/05/2018",
                ));
            }
        }
        InstrumentId::Tt28_2018Btc | InstrumentId::Tt64_2024Btc => {
            if r.confidence == Confidence::Historical {
                issues.push(issue(
                    at("confidence"),
                    "a Circular 28/2018 level in force is `confirmed` or `secondary`, not `historical`",
                    "mức theo Thông tư 28/2018 đang có hiệu lực là `confirmed` hoặc `secondary`, không phải `historical`",
                ));
            }
            if valid_from < TT_28_EFFECTIVE {
                issues.push(issue(
                    at("valid_from"),
                    "a Circular 28/2018 level cannot apply before 2018-05-11",
                    "mức theo Thông tư 28/2018 không áp dụng trước 11/05/2018",
                ));
            }
        }
        other => issues.push(issue(
            at("citation/instrument"),
            format!("`{}` does not set support levels", other.code()),
            format!("`{}` không quy định mức hỗ trợ", other.code()),
        )),
    }
}

static NATIONAL: OnceLock<Result<NationalPack, PackError>> = OnceLock::new();

/// The national rule pack, parsed and validated at first use.
///
/// # Errors
/// The [`PackError`] of the embedded pack, if it were malformed (a test guards against
/// this; it is reported, never a panic).
pub fn national_pack() -> Result<&'static NationalPack, PackError> {
    NATIONAL
        .get_or_init(|| NationalPack::from_json(NATIONAL_PACK_JSON))
        .as_ref()
        .map_err(Clone::clone)
}

impl ProvincialPack {
    /// Parses and validates a provincial pack.
    ///
    /// # Errors
    /// [`PackError::Syntax`] for text that is not JSON; [`PackError::Invalid`] listing
    /// every problem with its JSON Pointer: unknown or missing fields, an empty province
    /// or resolution number, a province code not in the `provinces` codelist or not a unit at
    /// the resolution's first day, a resolution effective before it was passed, a rule for
    /// national funds, a rule outside the resolution's window, a citation with a clause or
    /// point but no article or with an invalid point, duplicate ids, overlapping rules.
    ///
    /// # Example
    /// ```
    /// use khuyencong::support::ProvincialPack;
    /// let err = ProvincialPack::from_json(r#"{"province": "X", "rules": []}"#).unwrap_err();
    /// assert!(err.to_string().contains("resolution"));
    /// ```
    pub fn from_json(text: &str) -> Result<Self, PackError> {
        let pack: Self = load(text, &PROVINCIAL_SCHEMA)?;
        let (h, rules) = (&pack, &pack.rules);
        let mut issues = Vec::new();
        check_common(rules, &mut issues);
        if h.province.trim().is_empty() {
            issues.push(issue(
                "/province",
                "province must not be empty",
                "tên tỉnh không được để trống",
            ));
        }
        if h.resolution
            .number
            .as_deref()
            .is_some_and(|n| n.trim().is_empty())
        {
            issues.push(issue(
                "/resolution/number",
                "the resolution number must not be empty (leave it out when it is not known)",
                "số nghị quyết không được để trống (bỏ trường này nếu chưa biết)",
            ));
        }
        check_province_code(h, &mut issues);
        if let (Some(date), Some(from)) = (h.resolution.date, h.resolution.effective_from)
            && from < date
        {
            issues.push(issue(
                "/resolution/effective_from",
                format!("effective_from is before the resolution's date {date}"),
                format!("ngày hiệu lực trước ngày ban hành {date}"),
            ));
        }
        let from = h
            .resolution
            .effective_from
            .or(h.resolution.date)
            .unwrap_or(NaiveDate::MIN);
        if h.resolution.effective_until.is_some_and(|u| u < from) {
            issues.push(issue(
                "/resolution/effective_until",
                "effective_until is before effective_from",
                "ngày hết hiệu lực trước ngày có hiệu lực",
            ));
        }
        for (i, r) in rules.iter().enumerate() {
            let at = |field: &str| format!("/rules/{i}/{field}");
            if r.activity.is_none() {
                issues.push(issue(
                    at("activity"),
                    "a provincial rule needs an activity",
                    "quy định của tỉnh cần ghi hoạt động",
                ));
            }
            if let Some(j) = r.fund_levels.iter().position(|f| !f.is_local()) {
                issues.push(issue(
                    format!("/rules/{i}/fund_levels/{j}"),
                    "a provincial pack sets levels for local funds only (provincial, district, commune), not `national`",
                    "gói của tỉnh chỉ quy định mức cho kinh phí địa phương (tỉnh, huyện, xã), không cho `national`",
                ));
            }
            // A rule without a beginning or an end lasts as long as the resolution.
            let rule_from = r.valid_from.unwrap_or(from);
            if rule_from < from
                || h.resolution
                    .effective_until
                    .is_some_and(|u| rule_from > u || r.valid_until.is_some_and(|ru| ru > u))
            {
                issues.push(issue(
                    at("valid_from"),
                    "the rule's window must lie within the resolution's effective window",
                    "thời gian áp dụng của quy định phải nằm trong thời gian hiệu lực của nghị quyết",
                ));
            }
            let cites = std::iter::once(("citation".to_owned(), &r.citation)).chain(
                r.multipliers
                    .iter()
                    .enumerate()
                    .map(|(j, m)| (format!("multipliers/{j}/citation"), &m.citation)),
            );
            for (field, c) in cites {
                check_article_ref(&at(&field), c, &mut issues);
            }
        }
        if issues.is_empty() {
            Ok(pack)
        } else {
            Err(PackError::Invalid(capped(issues)))
        }
    }

    /// Reads, parses and validates a provincial pack file; at most [`MAX_PACK_BYTES`] + 1
    /// bytes are read, whatever the file.
    ///
    /// # Errors
    /// [`PackError::Io`] when the file cannot be read, [`PackError::TooLarge`] above the
    /// limit; otherwise as [`Self::from_json`].
    pub fn from_file(path: &std::path::Path) -> Result<Self, PackError> {
        let bytes = crate::input::read_file(path, MAX_PACK_BYTES).map_err(|e| PackError::Io {
            file: e.file.clone(),
            reason: e.reason.clone(),
        })?;
        Self::from_bytes(&bytes)
    }

    /// [`Self::from_json`] for bytes.
    ///
    /// # Errors
    /// As [`Self::from_json`]; bytes that are not UTF-8 are [`PackError::Invalid`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, PackError> {
        if bytes.len() > MAX_PACK_BYTES {
            return Err(PackError::TooLarge {
                max_bytes: MAX_PACK_BYTES,
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Self::from_json(text),
            Err(e) => Err(PackError::Invalid(vec![issue(
                "",
                format!(
                    "the pack is not valid UTF-8 (at byte {}); save it as UTF-8",
                    e.valid_up_to()
                ),
                format!(
                    "gói quy định không phải UTF-8 hợp lệ (byte thứ {}); hãy lưu tệp dạng UTF-8",
                    e.valid_up_to()
                ),
            )])),
        }
    }

    /// Whether the resolution is in force on `date`; never when its first day was not read.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.resolution.effective_from.is_some_and(|f| f <= date)
            && self.resolution.effective_until.is_none_or(|u| date <= u)
    }

    /// The citation of an article of this pack's resolution.
    pub fn cite(&self, r: &ArticleRef) -> super::types::ProvincialCitation {
        super::types::ProvincialCitation {
            province: self.province.clone(),
            kind: self.resolution.kind,
            resolution: self.resolution.number.clone(),
            article: r.article,
            clause: r.clause,
            point: r.point.clone(),
        }
    }

    /// The weakest confidence of the pack's levels (`confirmed` for a pack without rules).
    pub fn confidence(&self) -> Confidence {
        self.rules
            .iter()
            .map(|r| r.confidence)
            .max()
            .unwrap_or(Confidence::Confirmed)
    }
}

/// A province code must be in the `provinces` codelist and, when the resolution's first day
/// is known, a unit on that day (the province as it was then).
fn check_province_code(h: &ProvincialPack, issues: &mut Vec<PackIssue>) {
    use crate::codelist::Codelist;
    let Some(code) = h.province_code.as_deref() else {
        return;
    };
    let Some(p) = crate::province::Province::from_code(code) else {
        issues.push(issue(
            "/province_code",
            format!("unknown province code `{code}`; see the `provinces` codelist"),
            format!("mã tỉnh `{code}` không có trong danh mục `provinces`"),
        ));
        return;
    };
    if let Some(day) = h.resolution.effective_from.or(h.resolution.date)
        && !p.exists_during(day, day)
    {
        issues.push(issue(
            "/province_code",
            format!("`{code}` is not a provincial-level unit on {day}, the resolution's first day"),
            format!("`{code}` không phải đơn vị hành chính cấp tỉnh vào ngày {day} (ngày đầu của nghị quyết)"),
        ));
    }
}

fn check_article_ref(path: &str, c: &ArticleRef, issues: &mut Vec<PackIssue>) {
    if c.article == Some(0) || c.clause == Some(0) {
        issues.push(issue(
            path,
            "article and clause numbers start at 1",
            "số Điều và số Khoản bắt đầu từ 1",
        ));
    }
    if c.article.is_none() && (c.clause.is_some() || c.point.is_some()) {
        issues.push(issue(
            path,
            "a clause or point needs an article",
            "khoản hoặc điểm cần đi kèm số Điều",
        ));
    }
    if let Some(p) = &c.point
        && Point::parse(p).is_err()
    {
        issues.push(issue(
            format!("{path}/point"),
            format!("invalid point letter `{p}`: points run a b c d đ e g h i k l m n o p q r s t u v x y"),
            format!("ký hiệu điểm `{p}` không hợp lệ: điểm theo thứ tự a b c d đ e g h i k l m n o p q r s t u v x y"),
        ));
    }
}

/// The national rules for an activity, variant and day (any fund level).
pub(super) fn national_rules_on(
    pack: &NationalPack,
    activity: Activity,
    variant: Option<SupportVariant>,
    date: NaiveDate,
) -> impl Iterator<Item = &SupportRule<Citation>> {
    pack.rules
        .iter()
        .filter(move |r| r.activity == Some(activity) && r.variant == variant && r.valid_on(date))
}

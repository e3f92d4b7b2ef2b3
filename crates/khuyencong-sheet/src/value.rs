//! One cell, read as the JSON value of its column, and one JSON value written as a cell.
//!
//! Reading converts notation, never meaning: amounts go through the core's parser of
//! Vietnamese notation ([`khuyencong::money::parse_vnd`]), counts through
//! [`khuyencong::money::parse_count`]; whether a value is allowed is for the core to say
//! when it reads the document. A blank cell is a value not stated, never zero.

use chrono::{Datelike, NaiveDate};
use khuyencong::money::{Exactness, MAX_VND, parse_count, parse_count_range, parse_vnd};
use serde_json::{Number, Value, json};

use crate::findings::Problem;
use crate::grid::{Cell, number_text};
use crate::layout::{Codelist, ValueKind};
use crate::text::{clean, fold};

/// What reading one cell gave.
#[derive(Debug)]
pub enum Read {
    /// A blank cell: the value is not stated.
    Blank,
    /// A value.
    Value(Value),
    /// A value, with a note on how it was read.
    Noted(Value, Problem),
    /// The cell cannot be read as its column's value.
    Problem(Problem),
}

/// The largest integer a float holds exactly (2⁵³), the bound of whole numbers in cells.
const EXACT_FLOAT: f64 = 9_007_199_254_740_992.0;

/// A float that is a whole number Excel holds exactly, as an integer.
#[allow(clippy::cast_possible_truncation)] // checked: whole and within ±2⁵³
fn whole(n: f64) -> Option<i64> {
    (n.is_finite() && n.fract() == 0.0 && n.abs() < EXACT_FLOAT).then_some(n as i64)
}

/// A number for JSON: an integer when whole, otherwise the float as it is (the core then
/// says that an amount or a count must be whole).
fn number(n: f64) -> Value {
    match whole(n) {
        Some(i) => Value::from(i),
        None => Number::from_f64(n).map_or(Value::Null, Value::Number),
    }
}

/// Reads a cell for a column of this kind.
pub fn read(cell: &Cell, kind: ValueKind, lists: &[Codelist]) -> Read {
    match cell {
        Cell::Empty => return Read::Blank,
        Cell::Text(t) if t.trim().is_empty() => return Read::Blank,
        Cell::Error(e) => return Read::Problem(Problem::cell_error(e)),
        Cell::Uncomputed => return Read::Problem(Problem::formula_not_computed()),
        _ => {}
    }
    match kind {
        ValueKind::Text => text(cell),
        ValueKind::Integer => integer(cell),
        ValueKind::Vnd | ValueKind::Amount => amount(cell, kind == ValueKind::Amount),
        ValueKind::Count => count(cell),
        ValueKind::Bool => boolean(cell),
        ValueKind::Date => date(cell),
        ValueKind::Share => share(cell),
        ValueKind::Code(list) => lists.get(list).map_or(Read::Blank, |l| code(cell, l)),
        ValueKind::Codes(list) => lists.get(list).map_or(Read::Blank, |l| codes(cell, l)),
        ValueKind::Json => json_cell(cell),
    }
}

fn text(cell: &Cell) -> Read {
    match cell {
        Cell::Text(t) => Read::Value(Value::String(clean(t))),
        Cell::Date(d, _) => Read::Noted(
            Value::String(d.format("%d/%m/%Y").to_string()),
            Problem::text_became_date(&d.format("%d/%m/%Y").to_string()),
        ),
        other => Read::Value(Value::String(other.text())),
    }
}

fn integer(cell: &Cell) -> Read {
    match cell {
        Cell::Int(i) => Read::Value(Value::from(*i)),
        Cell::Number(n) => Read::Value(number(*n)),
        Cell::Text(t) => {
            let t = clean(t);
            // Digits with `.` between thousands, as Vietnamese writes them, or plain digits.
            let grouped = t.split('.').collect::<Vec<_>>();
            let plain = grouped.len() == 1
                || (grouped[0].len() <= 3
                    && !grouped[0].is_empty()
                    && grouped[1..].iter().all(|g| g.len() == 3));
            let digits: String = grouped.concat();
            let (sign, digits) = match digits.strip_prefix('-') {
                Some(d) => ("-", d.to_owned()),
                None => ("", digits),
            };
            if plain && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                match format!("{sign}{digits}").parse::<i64>() {
                    Ok(i) => Read::Value(Value::from(i)),
                    Err(_) => Read::Problem(Problem::invalid_number(&t)),
                }
            } else {
                Read::Problem(Problem::invalid_number(&t))
            }
        }
        other => Read::Problem(Problem::invalid_number(&other.text())),
    }
}

/// Whether a text has a letter (a unit, a qualifier or other words).
fn has_letter(t: &str) -> bool {
    t.chars().any(char::is_alphabetic)
}

/// The text written for an amount or count that is not exact and has no words of its
/// own: the qualifier and the number, as [`parse_vnd`] and [`parse_count`] read them.
pub fn canonical_text(value: u64, exactness: Exactness, unit: &str) -> String {
    let qualifier = match exactness {
        Exactness::LowerBound => "hơn ",
        Exactness::Approximate => "khoảng ",
        _ => "",
    };
    let number = khuyencong::money::group_thousands(value, '.');
    if unit.is_empty() {
        format!("{qualifier}{number}")
    } else {
        format!("{qualifier}{number} {unit}")
    }
}

fn exactness_code(e: Exactness) -> &'static str {
    e.code()
}

/// An amount of đồng: a number (whole đồng), or text in Vietnamese notation ("1.400 triệu",
/// "hơn 15,2 tỷ"); a text of digits alone is đồng, the column's unit ("1.400.000.000").
fn amount(cell: &Cell, bounded: bool) -> Read {
    let t = match cell {
        Cell::Int(i) => return Read::Value(Value::from(*i)),
        Cell::Number(n) => return Read::Value(number(*n)),
        Cell::Text(t) => clean(t),
        other => return Read::Problem(Problem::invalid_amount(&other.text(), None)),
    };
    let negative = t.starts_with('-');
    let body = t.trim_start_matches('-').trim();
    // The column is in đồng: digits alone (with `.` between thousands) are đồng.
    let written = if has_letter(body) {
        body.to_owned()
    } else {
        format!("{body} đồng")
    };
    match parse_vnd(&written) {
        // Amounts are never negative: the core says so, at this cell.
        Ok(p) if negative => Read::Value(Value::from(
            -i64::try_from(p.amount.get()).unwrap_or(i64::MAX),
        )),
        Ok(p) if p.exactness == Exactness::Exact => Read::Value(Value::from(p.amount.get())),
        Ok(_) if !bounded => Read::Problem(Problem::amount_must_be_exact(&t)),
        Ok(p) => {
            let canonical = canonical_text(p.amount.get(), p.exactness, "đồng");
            if fold(&t) == fold(&canonical) {
                Read::Value(
                    json!({"vnd": p.amount.get(), "exactness": exactness_code(p.exactness)}),
                )
            } else {
                Read::Value(json!({
                    "vnd": p.amount.get(),
                    "exactness": exactness_code(p.exactness),
                    "text": t,
                }))
            }
        }
        Err(e) => Read::Problem(Problem::invalid_amount(&t, Some(&e))),
    }
}

/// A count: a number, or text ("57", "hơn 100 lượt", "05 cơ sở"). As for amounts, an
/// exact figure is its number and a bound or an approximation keeps the words it was
/// written in (unless they are only the qualifier and the number).
fn count(cell: &Cell) -> Read {
    let t = match cell {
        Cell::Int(i) => return Read::Value(Value::from(*i)),
        Cell::Number(n) => return Read::Value(number(*n)),
        Cell::Text(t) => clean(t),
        other => return Read::Problem(Problem::invalid_count(&other.text(), None)),
    };
    if let Some(rest) = t.strip_prefix('-')
        && rest.trim().bytes().all(|b| b.is_ascii_digit())
        && let Ok(i) = t.parse::<i64>()
    {
        return Read::Value(Value::from(i));
    }
    // A range, "8–12 đề án" (format version 2): its ends, and its words unless they are
    // only the two numbers.
    if let Some(r) = parse_count_range(&t) {
        return Read::Value(if fold(&t) == fold(&range_text(r.min, r.max)) {
            json!({"min": r.min, "max": r.max})
        } else {
            json!({"min": r.min, "max": r.max, "text": t})
        });
    }
    match parse_count(&t) {
        // An exact count is its number: "05 cơ sở" is 5 (the words are notation).
        Ok(p) if p.exactness == Exactness::Exact => Read::Value(Value::from(p.value)),
        Ok(p) => {
            if p.exactness != Exactness::Exact
                && fold(&t) == fold(&canonical_text(p.value, p.exactness, ""))
            {
                Read::Value(json!({"value": p.value, "exactness": exactness_code(p.exactness)}))
            } else {
                Read::Value(json!({
                    "value": p.value,
                    "exactness": exactness_code(p.exactness),
                    "text": t,
                }))
            }
        }
        Err(e) => Read::Problem(Problem::invalid_count(&t, Some(&e))),
    }
}

const YES: &[&str] = &[
    "có", "co", "x", "yes", "y", "true", "đúng", "dung", "1", "v", "✓", "✔",
];
const NO: &[&str] = &["không", "khong", "no", "n", "false", "sai", "0"];

fn boolean(cell: &Cell) -> Read {
    match cell {
        Cell::Bool(b) => Read::Value(Value::Bool(*b)),
        Cell::Int(1) => Read::Value(Value::Bool(true)),
        Cell::Int(0) => Read::Value(Value::Bool(false)),
        Cell::Number(n) if whole(*n) == Some(1) => Read::Value(Value::Bool(true)),
        Cell::Number(n) if whole(*n) == Some(0) => Read::Value(Value::Bool(false)),
        Cell::Text(t) => {
            let f = fold(t);
            if YES.contains(&f.as_str()) {
                Read::Value(Value::Bool(true))
            } else if NO.contains(&f.as_str()) {
                Read::Value(Value::Bool(false))
            } else {
                Read::Problem(Problem::invalid_boolean(&clean(t)))
            }
        }
        other => Read::Problem(Problem::invalid_boolean(&other.text())),
    }
}

/// Excel's day 0 of the 1900 system is 1899-12-30 (it counts a 29 February 1900 that did
/// not exist, so serial numbers from 61 on are right from this day).
fn serial_date(n: f64) -> Option<NaiveDate> {
    serial_days(whole(n.floor())?)
}

/// The date of a whole serial number (1 … 2 958 465, that is up to 9999-12-31).
fn serial_days(days: i64) -> Option<NaiveDate> {
    if !(1..=2_958_465).contains(&days) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?
        .checked_add_days(chrono::Days::new(u64::try_from(days).ok()?))
}

fn date_value(d: NaiveDate) -> Value {
    Value::String(d.format("%Y-%m-%d").to_string())
}

/// A date: a date cell, an Excel serial number (45292 is 2024-01-01), or text as
/// Vietnamese documents write dates: `01/06/2024`, `1-6-2024`, `01.06.2024` (day first),
/// `2024-06-01`, `ngày 01 tháng 6 năm 2024`.
fn date(cell: &Cell) -> Read {
    match cell {
        Cell::Date(d, false) => Read::Value(date_value(*d)),
        Cell::Date(d, true) => Read::Noted(date_value(*d), Problem::time_ignored()),
        Cell::Int(i) => serial_days(*i).map_or_else(
            || Read::Problem(Problem::invalid_date(&i.to_string())),
            |d| Read::Noted(date_value(d), Problem::serial_date(&i.to_string(), d)),
        ),
        Cell::Number(n) => serial_date(*n).map_or_else(
            || Read::Problem(Problem::invalid_date(&number_text(*n))),
            |d| Read::Noted(date_value(d), Problem::serial_date(&number_text(*n), d)),
        ),
        Cell::Text(t) => {
            let t = clean(t);
            parse_date_text(&t).map_or_else(
                || Read::Problem(Problem::invalid_date(&t)),
                |d| Read::Value(date_value(d)),
            )
        }
        other => Read::Problem(Problem::invalid_date(&other.text())),
    }
}

/// A date written as text, day first as Vietnamese writes it, or ISO.
pub fn parse_date_text(t: &str) -> Option<NaiveDate> {
    let folded = fold(t);
    // "ngày 01 tháng 6 năm 2024"
    if folded.starts_with("ngày") {
        let nums: Vec<u32> = folded
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        if let [d, m, y] = nums[..] {
            return NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d);
        }
        return None;
    }
    let parts: Vec<&str> = folded.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if nums.len() != 3 {
        return None;
    }
    let (y, m, d) = if parts[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else if parts[2].len() == 4 {
        (nums[2], nums[1], nums[0])
    } else {
        return None;
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    (date.year() >= 1900).then_some(date)
}

/// A share in [0, 1]: a number (0.6, or 60 % formatted as a percentage, which Excel stores
/// as 0.6), or text `0.6`, `0,6`, `60%`, `60 %`.
fn share(cell: &Cell) -> Read {
    let text = match cell {
        Cell::Number(n) => number_text(*n),
        Cell::Int(i) => i.to_string(),
        Cell::Text(t) => clean(t),
        other => return Read::Problem(Problem::invalid_share(&other.text())),
    };
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (digits, percent) = match compact.strip_suffix('%') {
        Some(d) => (d.replace(',', "."), true),
        None => (compact.replace(',', "."), false),
    };
    let valid = !digits.is_empty()
        && digits.matches('.').count() <= 1
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    if !valid {
        return Read::Problem(Problem::invalid_share(&text));
    }
    let decimal = if percent {
        shift_percent(&digits)
    } else {
        digits
    };
    Read::Value(Value::String(decimal))
}

/// `60` → `0.6`, `12.5` → `0.125`: a percentage as a decimal, exactly (by moving the point).
fn shift_percent(digits: &str) -> String {
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let int = int.trim_start_matches('0');
    let padded = format!("{int:0>2}");
    let (whole, tail) = padded.split_at(padded.len() - 2);
    let whole = if whole.is_empty() { "0" } else { whole };
    let decimals = format!("{tail}{frac}");
    let decimals = decimals.trim_end_matches('0');
    if decimals.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{decimals}")
    }
}

/// How a text matched a code list value.
enum Match<'a> {
    /// The code itself, or a label exactly as the drop-down list offers it.
    Exact(&'a str),
    /// A label, after folding case, spaces and the Unicode form.
    Label(&'a str),
}

fn find_code<'a>(t: &str, list: &'a Codelist) -> Option<Match<'a>> {
    let cleaned = clean(t);
    if let Some(c) = list
        .values
        .iter()
        .find(|c| c.code == cleaned || c.vi == cleaned)
    {
        return Some(Match::Exact(&c.code));
    }
    let f = fold(&cleaned);
    // "Nhãn (code)" as the instructions show values.
    if let Some(inner) = f
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
        .map(|(_, c)| c.trim())
        && let Some(c) = list.values.iter().find(|c| c.code == inner)
    {
        return Some(Match::Label(&c.code));
    }
    let mut hits = list
        .folded
        .iter()
        .enumerate()
        .filter(|(_, folded)| folded.contains(&f))
        .map(|(i, _)| list.values[i].code.as_str());
    match (hits.next(), hits.next()) {
        (Some(one), None) => Some(Match::Label(one)),
        _ => None,
    }
}

fn code(cell: &Cell, list: &Codelist) -> Read {
    let t = match cell {
        Cell::Text(t) => t.clone(),
        other => other.text(),
    };
    match find_code(&t, list) {
        Some(Match::Exact(c)) => Read::Value(Value::String(c.to_owned())),
        Some(Match::Label(c)) => Read::Noted(
            Value::String(c.to_owned()),
            Problem::label_as_code(&clean(&t), c),
        ),
        None => Read::Problem(Problem::unknown_code(&clean(&t), list)),
    }
}

/// The words that write an empty list (the fact is known: none applies).
const NONE_WORDS: &[&str] = &["không", "không có", "none", "(không)", "(none)", "[]"];

/// Several codes separated by `;` or line breaks; `không` (none) is an empty list.
fn codes(cell: &Cell, list: &Codelist) -> Read {
    let t = match cell {
        Cell::Text(t) => t.clone(),
        other => other.text(),
    };
    if NONE_WORDS.contains(&fold(&t).as_str()) {
        return Read::Value(Value::Array(Vec::new()));
    }
    let mut out = Vec::new();
    let mut note = None;
    for part in t
        .split([';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match find_code(part, list) {
            Some(Match::Exact(c)) => out.push(Value::String(c.to_owned())),
            Some(Match::Label(c)) => {
                note.get_or_insert_with(|| Problem::label_as_code(part, c));
                out.push(Value::String(c.to_owned()));
            }
            None => return Read::Problem(Problem::unknown_code(&clean(part), list)),
        }
    }
    match note {
        Some(n) => Read::Noted(Value::Array(out), n),
        None => Read::Value(Value::Array(out)),
    }
}

fn json_cell(cell: &Cell) -> Read {
    match cell {
        // The core's reader, as for a whole document: a key written twice or nesting too
        // deep is refused here too, and the reason is in both languages.
        Cell::Text(t) => match khuyencong::input::read_json_value(t.trim()) {
            Ok(v) => Read::Value(v),
            Err(f) => Read::Problem(Problem::invalid_json(t.trim(), &f)),
        },
        Cell::Int(i) => Read::Value(Value::from(*i)),
        Cell::Number(n) => Read::Value(number(*n)),
        Cell::Bool(b) => Read::Value(Value::Bool(*b)),
        other => Read::Value(Value::String(other.text())),
    }
}

/// What a cell should hold for a value of a column, for writing.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    /// Nothing.
    Blank,
    /// Text.
    Text(String),
    /// A whole number (shown with thousands separators when it is money).
    Integer(i64),
    /// A date.
    Date(NaiveDate),
}

/// The cell form of a value of a column: what [`read`] reads back as the same value.
pub fn write(value: &Value, kind: ValueKind, lists: &[Codelist]) -> Out {
    match (kind, value) {
        (_, Value::Null) => Out::Blank,
        (
            ValueKind::Integer | ValueKind::Vnd | ValueKind::Amount | ValueKind::Count,
            Value::Number(n),
        ) => match n.as_i64() {
            Some(i) if i.unsigned_abs() <= MAX_VND => Out::Integer(i),
            _ => Out::Text(n.to_string()),
        },
        (ValueKind::Amount, Value::Object(o)) => quantity(o, "vnd", "đồng"),
        (ValueKind::Count, Value::Object(o)) if o.contains_key("min") => {
            range(o).unwrap_or_else(|| Out::Text(Value::Object(o.clone()).to_string()))
        }
        (ValueKind::Count, Value::Object(o)) => quantity(o, "value", ""),
        (ValueKind::Bool, Value::Bool(b)) => Out::Text(if *b { "Có" } else { "Không" }.to_owned()),
        (ValueKind::Date, Value::String(s)) => {
            khuyencong::input::parse_date(s).map_or_else(|_| Out::Text(s.clone()), Out::Date)
        }
        (ValueKind::Code(l), Value::String(s)) => Out::Text(label(s, lists.get(l))),
        (ValueKind::Codes(l), Value::Array(items)) => {
            if items.is_empty() {
                return Out::Text("không".to_owned());
            }
            let labels: Vec<String> = items
                .iter()
                .map(|i| {
                    i.as_str()
                        .map_or_else(|| i.to_string(), |s| label(s, lists.get(l)))
                })
                .collect();
            Out::Text(labels.join("; "))
        }
        (ValueKind::Text | ValueKind::Share, Value::String(s)) => Out::Text(s.clone()),
        (_, other) => Out::Text(other.to_string()),
    }
}

/// The Vietnamese label of a code, when it names the code alone (so that it reads back as
/// the same code); the code otherwise.
fn label(code: &str, list: Option<&Codelist>) -> String {
    let Some(list) = list else {
        return code.to_owned();
    };
    match list.values.iter().position(|c| c.code == code) {
        Some(i) if list.label_is_unique(i) => list.values[i].vi.clone(),
        _ => code.to_owned(),
    }
}

/// The text written for a range of counts with no words of its own: "8–12".
fn range_text(min: u64, max: u64) -> String {
    format!(
        "{}–{}",
        khuyencong::money::group_thousands(min, '.'),
        khuyencong::money::group_thousands(max, '.')
    )
}

/// A range of counts, `{"min", "max", "text"}`: its own words when they read back as the
/// same range, otherwise "min–max".
fn range(o: &serde_json::Map<String, Value>) -> Option<Out> {
    let min = o.get("min")?.as_u64()?;
    let max = o.get("max")?.as_u64()?;
    if let Some(text) = o.get("text").and_then(Value::as_str)
        && parse_count_range(text).is_some_and(|r| r.min == min && r.max == max)
    {
        return Some(Out::Text(text.to_owned()));
    }
    Some(Out::Text(range_text(min, max)))
}

/// An amount (`key` `vnd`) or a count (`value`) with its exactness: an exact figure is its
/// number; a bound or an approximation is written in its own words when they read back as
/// the same figure, otherwise as the qualifier and the number. (So the words of an exact
/// figure, and words that are not notation, are not kept: `convert` says so.)
fn quantity(o: &serde_json::Map<String, Value>, key: &str, unit: &str) -> Out {
    let Some(value) = o.get(key).and_then(Value::as_u64) else {
        return Out::Text(Value::Object(o.clone()).to_string());
    };
    let exactness = match o.get("exactness").and_then(Value::as_str) {
        None | Some("exact") => Exactness::Exact,
        Some("lower_bound") => Exactness::LowerBound,
        Some("approximate") => Exactness::Approximate,
        Some(_) => return Out::Text(Value::Object(o.clone()).to_string()),
    };
    if exactness == Exactness::Exact {
        return i64::try_from(value).map_or_else(|_| Out::Text(value.to_string()), Out::Integer);
    }
    if let Some(text) = o.get("text").and_then(Value::as_str) {
        let cell = Cell::Text(text.to_owned());
        let back = if key == "vnd" {
            amount(&cell, true)
        } else {
            count(&cell)
        };
        if let Read::Value(Value::Object(b)) = back
            && b.get(key).and_then(Value::as_u64) == Some(value)
            && b.get("exactness").and_then(Value::as_str) == Some(exactness.code())
        {
            return Out::Text(text.to_owned());
        }
    }
    Out::Text(canonical_text(value, exactness, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount_of(t: &str) -> Value {
        match amount(&Cell::Text(t.into()), true) {
            Read::Value(v) => v,
            other => panic!("{t}: {other:?}"),
        }
    }

    /// A cell holding JSON is read by the core's reader: a key written twice is refused (a
    /// value would keep one of the two silently), and the reason is given in each language.
    #[test]
    fn json_cells_are_read_as_documents_are() {
        assert!(matches!(
            json_cell(&Cell::Text(r#"{"a": 1, "b": [2]}"#.into())),
            Read::Value(_)
        ));
        for (text, reason) in [
            (r#"{"a": 1, "a": 2}"#, "structure.duplicate_field"),
            (r#"{"a": 1,}"#, "structure.malformed_json"),
            (r#"{"a": [1"#, "structure.truncated"),
        ] {
            let Read::Problem(p) = json_cell(&Cell::Text(text.into())) else {
                panic!("{text}: read");
            };
            assert_eq!(p.code, "sheet.invalid_json", "{text}");
            assert!(
                p.params
                    .iter()
                    .any(|(k, v)| *k == "reason" && v.as_str() == Some(reason)),
                "{text}: {:?}",
                p.params
            );
            for word in ["expected", "trailing", "EOF", "line"] {
                assert!(!p.vi.contains(word), "{text}: {}", p.vi);
            }
        }
    }

    #[test]
    fn amounts_are_read_as_officers_type_them() {
        assert_eq!(amount_of("1.400.000.000"), json!(1_400_000_000_u64));
        assert_eq!(amount_of("1400000000"), json!(1_400_000_000_u64));
        assert_eq!(amount_of("1.400 triệu"), json!(1_400_000_000_u64));
        assert_eq!(amount_of("1,4 tỷ"), json!(1_400_000_000_u64));
        assert_eq!(
            amount_of("hơn 15,2 tỷ"),
            json!({"vnd": 15_200_000_000_u64, "exactness": "lower_bound", "text": "hơn 15,2 tỷ"})
        );
        assert_eq!(
            amount_of("hơn 15.200.000.000 đồng"),
            json!({"vnd": 15_200_000_000_u64, "exactness": "lower_bound"})
        );
        assert!(matches!(
            amount(&Cell::Text("1,400 triệu".into()), true),
            Read::Problem(_)
        ));
        assert!(matches!(
            amount(&Cell::Text("1,400,000".into()), true),
            Read::Problem(_)
        ));
        assert_eq!(
            match amount(&Cell::Number(1.4e9), true) {
                Read::Value(v) => v,
                _ => Value::Null,
            },
            json!(1_400_000_000_i64)
        );
    }

    #[test]
    fn fractional_and_negative_numbers_go_to_the_core_as_they_are() {
        assert!(
            matches!(amount(&Cell::Number(12.5), true), Read::Value(Value::Number(n)) if n.as_f64() == Some(12.5))
        );
        assert!(
            matches!(amount(&Cell::Text("-5 triệu".into()), true), Read::Value(Value::Number(n)) if n.as_i64() == Some(-5_000_000))
        );
    }

    #[test]
    fn dates_as_serial_numbers_and_text() {
        let d = |c: Cell| match date(&c) {
            Read::Value(v) | Read::Noted(v, _) => v,
            other => panic!("{other:?}"),
        };
        assert_eq!(d(Cell::Number(45292.0)), json!("2024-01-01"));
        assert_eq!(d(Cell::Text("01/06/2024".into())), json!("2024-06-01"));
        assert_eq!(d(Cell::Text("1-6-2024".into())), json!("2024-06-01"));
        assert_eq!(d(Cell::Text("2024-06-01".into())), json!("2024-06-01"));
        assert_eq!(
            d(Cell::Text("ngày 01 tháng 6 năm 2024".into())),
            json!("2024-06-01")
        );
        assert!(matches!(
            date(&Cell::Text("30/02/2024".into())),
            Read::Problem(_)
        ));
        assert!(matches!(
            date(&Cell::Text("06/01/24".into())),
            Read::Problem(_)
        ));
    }

    #[test]
    fn shares_as_decimals_and_percentages() {
        let s = |t: &str| match share(&Cell::Text(t.into())) {
            Read::Value(v) => v,
            other => panic!("{other:?}"),
        };
        assert_eq!(s("0,6"), json!("0.6"));
        assert_eq!(s("60%"), json!("0.6"));
        assert_eq!(s("12,5 %"), json!("0.125"));
        assert_eq!(s("100%"), json!("1"));
        assert_eq!(s("5%"), json!("0.05"));
        assert_eq!(
            match share(&Cell::Number(0.6)) {
                Read::Value(v) => v,
                _ => Value::Null,
            },
            json!("0.6")
        );
    }

    #[test]
    fn counts_keep_their_words() {
        let c = |t: &str| match count(&Cell::Text(t.into())) {
            Read::Value(v) => v,
            other => panic!("{other:?}"),
        };
        assert_eq!(c("57"), json!(57));
        assert_eq!(c("1.500"), json!(1500));
        assert_eq!(
            c("hơn 100 lượt"),
            json!({"value": 100, "exactness": "lower_bound", "text": "hơn 100 lượt"})
        );
        assert_eq!(
            c("hơn 100"),
            json!({"value": 100, "exactness": "lower_bound"})
        );
        assert_eq!(c("05 cơ sở"), json!(5));
    }

    #[test]
    fn count_ranges_are_read_and_written_back_as_typed() {
        let c = |t: &str| match count(&Cell::Text(t.into())) {
            Read::Value(v) => v,
            other => panic!("{other:?}"),
        };
        assert_eq!(c("8–12"), json!({"min": 8, "max": 12}));
        assert_eq!(c("8-12"), json!({"min": 8, "max": 12, "text": "8-12"}));
        assert_eq!(
            c("8–12 đề án mỗi năm"),
            json!({"min": 8, "max": 12, "text": "8–12 đề án mỗi năm"})
        );
        for t in ["8–12", "8-12", "từ 8 đến 12 đề án", "1.000–1.200 lượt"] {
            let v = c(t);
            let Out::Text(back) = write(&v, ValueKind::Count, &[]) else {
                panic!("{t}: not text");
            };
            assert_eq!(c(&back), v, "{t} → {back}");
        }
        // Words that do not read as the same range are replaced by the two numbers.
        assert_eq!(
            write(
                &json!({"min": 8, "max": 12, "text": "tám đến mười hai"}),
                ValueKind::Count,
                &[]
            ),
            Out::Text("8–12".into())
        );
        // A single count is not a range.
        assert_eq!(c("12"), json!(12));
    }
}

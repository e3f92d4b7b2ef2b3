//! Reading the fields of inputs strictly, the one way for every input (documents, rule packs,
//! applicant facts): texts and lists within their bounds (counted as JSON Schema counts
//! them), dates written exactly `YYYY-MM-DD`. The types name these readers in their
//! `#[serde(deserialize_with = …)]` attributes; the published schemas state the same bounds.

use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;

/// Reads a string of `MIN ..= MAX` characters (Unicode scalar values, as JSON Schema's
/// `minLength`/`maxLength` count them).
pub(crate) fn text<'de, D, const MIN: usize, const MAX: usize>(d: D) -> Result<String, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let s = String::deserialize(d)?;
    let n = s.chars().count();
    if (MIN..=MAX).contains(&n) {
        Ok(s)
    } else {
        Err(serde::de::Error::custom(format_args!(
            "text length {n} is out of range: expected {MIN} to {MAX} characters"
        )))
    }
}

/// [`text`] for an optional field.
pub(crate) fn opt_text<'de, D, const MIN: usize, const MAX: usize>(
    d: D,
) -> Result<Option<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(transparent)]
    struct Wrap(#[serde(deserialize_with = "text::<_, 0, { usize::MAX }>")] String);
    let s = Option::<Wrap>::deserialize(d)?.map(|w| w.0);
    match s {
        None => Ok(None),
        Some(s) => {
            let n = s.chars().count();
            if (MIN..=MAX).contains(&n) {
                Ok(Some(s))
            } else {
                Err(serde::de::Error::custom(format_args!(
                    "text length {n} is out of range: expected {MIN} to {MAX} characters"
                )))
            }
        }
    }
}

/// Reads an array of `MIN ..= MAX` items, refusing the input as soon as it has one too many
/// (so a huge array is never held in memory).
pub(crate) fn items<'de, D, T, const MIN: usize, const MAX: usize>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T, const MIN: usize, const MAX: usize>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>, const MIN: usize, const MAX: usize> serde::de::Visitor<'de>
        for V<T, MIN, MAX>
    {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "an array of {MIN} to {MAX} items")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX).min(1024));
            while let Some(item) = seq.next_element()? {
                if out.len() == MAX {
                    return Err(serde::de::Error::invalid_length(
                        MAX + 1,
                        &format!("at most {MAX} items").as_str(),
                    ));
                }
                out.push(item);
            }
            if out.len() < MIN {
                return Err(serde::de::Error::invalid_length(
                    out.len(),
                    &format!("at least {MIN} items").as_str(),
                ));
            }
            Ok(out)
        }
    }
    d.deserialize_seq(V::<T, MIN, MAX>(std::marker::PhantomData))
}

/// Reads a date written exactly `YYYY-MM-DD` (the schemas' `format: date`, RFC 3339
/// `full-date`); chrono's own reader also takes `2022-6-1`, `+2025-01-01` or a leading
/// space, which no schema allows.
pub(crate) fn date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = NaiveDate;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date written YYYY-MM-DD")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<NaiveDate, E> {
            strict_date(v).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
        }
    }
    d.deserialize_str(V)
}

/// [`date`] for an optional field (`null` or absent: `None`).
pub(crate) fn opt_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    #[serde(transparent)]
    struct Wrap(#[serde(deserialize_with = "date")] NaiveDate);
    Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
}

/// Reads a date written exactly `YYYY-MM-DD` (as [`crate::input::parse_date`] does, without
/// the error value).
pub(crate) fn strict_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter()
            .fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0'))
    };
    let year = i32::try_from(digits(0..4)).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7), digits(8..10))
}

//! Exact money: integer đồng ([`Vnd`]) and exact shares ([`Share`]).

use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The largest amount accepted: 2^53 − 1 đồng, so that every amount is exact in any JSON
/// consumer (JavaScript numbers included).
pub const MAX_VND: u64 = 9_007_199_254_740_991;

/// An amount of Vietnamese đồng: a whole, non-negative number no larger than [`MAX_VND`].
///
/// VND has no minor unit, so amounts are integers everywhere; arithmetic is checked and
/// an overflow is an error, never a wrap or a panic.
///
/// ```
/// use khuyencong::money::Vnd;
/// let a = Vnd::new(1_400_000_000)?;
/// let b = Vnd::from_million(15_697)?;
/// assert_eq!(a.checked_add(b)?.get(), 17_097_000_000);
/// assert!(Vnd::new(u64::MAX).is_err());
/// # Ok::<(), khuyencong::money::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
#[serde(transparent)]
pub struct Vnd(u64);

impl Vnd {
    /// Zero đồng.
    pub const ZERO: Self = Self(0);

    /// An amount of `dong` đồng.
    ///
    /// # Errors
    /// [`MoneyError::Overflow`] above [`MAX_VND`].
    pub const fn new(dong: u64) -> Result<Self, MoneyError> {
        if dong > MAX_VND {
            Err(MoneyError::Overflow)
        } else {
            Ok(Self(dong))
        }
    }

    /// An amount of `million` million đồng (triệu đồng).
    ///
    /// # Errors
    /// [`MoneyError::Overflow`] when the result exceeds [`MAX_VND`].
    pub const fn from_million(million: u64) -> Result<Self, MoneyError> {
        match million.checked_mul(1_000_000) {
            Some(d) => Self::new(d),
            None => Err(MoneyError::Overflow),
        }
    }

    /// The amount in đồng.
    pub const fn get(self) -> u64 {
        self.0
    }

    /// Checked addition.
    ///
    /// # Errors
    /// [`MoneyError::Overflow`] when the sum exceeds [`MAX_VND`].
    pub const fn checked_add(self, other: Self) -> Result<Self, MoneyError> {
        match self.0.checked_add(other.0) {
            Some(s) => Self::new(s),
            None => Err(MoneyError::Overflow),
        }
    }

    /// Checked subtraction.
    ///
    /// # Errors
    /// [`MoneyError::Negative`] when `other` is larger than `self`.
    pub const fn checked_sub(self, other: Self) -> Result<Self, MoneyError> {
        match self.0.checked_sub(other.0) {
            Some(d) => Ok(Self(d)),
            None => Err(MoneyError::Negative),
        }
    }

    /// The amount as an exact decimal.
    pub fn to_decimal(self) -> Decimal {
        Decimal::from(self.0)
    }

    /// Sums amounts, failing on overflow.
    ///
    /// # Errors
    /// [`MoneyError::Overflow`] when the total exceeds [`MAX_VND`].
    pub fn sum<I: IntoIterator<Item = Self>>(items: I) -> Result<Self, MoneyError> {
        items.into_iter().try_fold(Self::ZERO, Self::checked_add)
    }
}

impl fmt::Display for Vnd {
    /// Vietnamese grouping: `1.400.000.000 đồng`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} đồng", group_thousands(self.0, '.'))
    }
}

/// Groups the digits of `n` by thousands with `sep`.
pub fn group_thousands(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

impl<'de> Deserialize<'de> for Vnd {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Vnd;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number of đồng (JSON integer, 0 … 9007199254740991)")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Vnd, E> {
                Vnd::new(v).map_err(|_| {
                    E::custom(format_args!(
                        "amount {v} exceeds the maximum 9007199254740991 đồng"
                    ))
                })
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Vnd, E> {
                match u64::try_from(v) {
                    Ok(u) => self.visit_u64(u),
                    Err(_) => Err(E::custom(format_args!(
                        "amount must not be negative, got {v}"
                    ))),
                }
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Vnd, E> {
                // JSON integers beyond u64 arrive here as floats: say what is wrong with them.
                if v >= 9_007_199_254_740_992.0 && v.fract() == 0.0 {
                    return Err(E::custom(format_args!(
                        "amount {v} exceeds the maximum 9007199254740991 đồng"
                    )));
                }
                Err(E::custom(format_args!(
                    "amount must be a whole number of đồng written as a JSON integer, got {v}"
                )))
            }
        }
        d.deserialize_u64(V)
    }
}

impl JsonSchema for Vnd {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Vnd".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An amount in đồng (VND has no minor unit): a JSON integer, 0 … 9007199254740991. / Số tiền tính bằng đồng: số nguyên, 0 … 9007199254740991.",
            "type": "integer",
            "minimum": 0,
            "maximum": MAX_VND,
        })
    }
}

/// An exact share in [0, 1] (e.g. 0.5 for 50 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Share(Decimal);

impl Share {
    /// A share from a decimal.
    ///
    /// # Errors
    /// [`MoneyError::ShareOutOfRange`] outside [0, 1].
    pub fn new(value: Decimal) -> Result<Self, MoneyError> {
        if value < Decimal::ZERO || value > Decimal::ONE {
            Err(MoneyError::ShareOutOfRange(value.to_string()))
        } else {
            Ok(Self(value.normalize()))
        }
    }

    /// A share of `percent` per cent.
    ///
    /// # Errors
    /// [`MoneyError::ShareOutOfRange`] outside 0 … 100.
    pub fn percent(percent: u32) -> Result<Self, MoneyError> {
        Self::new(Decimal::from(percent) / Decimal::ONE_HUNDRED)
    }

    /// The share as a decimal.
    pub const fn get(self) -> Decimal {
        self.0
    }

    /// `self × amount`, rounded down to the đồng (so a limit is never exceeded).
    pub fn of(self, amount: Vnd) -> Vnd {
        let exact = self.0 * amount.to_decimal();
        let floored = exact.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::ToZero);
        // share ≤ 1, so the product never exceeds `amount` and always fits.
        u64::try_from(floored).map_or(amount, Vnd)
    }
}

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = <Decimal as Deserialize>::deserialize(d)?;
        Self::new(value).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Share {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Share".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact share in [0, 1] written as a decimal string, e.g. \"0.5\" for 50 %. / Tỷ lệ chính xác trong [0, 1], viết dạng chuỗi thập phân.",
            "type": "string",
            "pattern": "^(0(\\.[0-9]{1,28})?|1(\\.0{1,28})?)$",
        })
    }
}

/// Why an amount or share is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The amount exceeds [`MAX_VND`].
    #[error("amount exceeds the maximum 9007199254740991 đồng")]
    Overflow,
    /// A subtraction would go below zero.
    #[error("amount would be negative")]
    Negative,
    /// A share outside [0, 1].
    #[error("share must be between 0 and 1, got {0}")]
    ShareOutOfRange(String),
}

impl MoneyError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Self::Overflow => "số tiền vượt quá mức tối đa 9.007.199.254.740.991 đồng".to_owned(),
            Self::Negative => "số tiền không được âm".to_owned(),
            Self::ShareOutOfRange(v) => {
                format!("tỷ lệ phải nằm trong khoảng 0 đến 1, nhận được {v}")
            }
        }
    }
}

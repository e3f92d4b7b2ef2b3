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
    let mut out = String::with_capacity(26);
    push_grouped(&mut out, n, sep);
    out
}

/// Appends `n` grouped by thousands with `sep` (as [`group_thousands`]), without allocating.
fn push_grouped(out: &mut String, n: u64, sep: char) {
    use fmt::Write as _;
    // Writing to a `String` cannot fail.
    if n < 1000 {
        let _ = write!(out, "{n}");
    } else {
        push_grouped(out, n / 1000, sep);
        out.push(sep);
        let _ = write!(out, "{:03}", n % 1000);
    }
}

/// What a JSON reader handed over for a whole quantity (an amount of đồng or a count).
#[derive(Debug, Clone, Copy)]
pub(crate) enum JsonNumber {
    /// A non-negative integer.
    Unsigned(u64),
    /// A negative integer.
    Signed(i64),
    /// A number with a fraction or an exponent — or an integer beyond 64 bits, which JSON
    /// readers hand over as a float.
    Float(f64),
}

/// The kind of whole quantity being read, for the messages.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Quantity {
    /// Money, in đồng.
    Amount,
    /// A count of things.
    Count,
}

/// Checks that a JSON number is a whole quantity in 0 … [`MAX_VND`]: the one rule for every
/// amount and count the library reads, with the one wording of its errors.
pub(crate) fn whole<E: serde::de::Error>(n: JsonNumber, what: Quantity) -> Result<u64, E> {
    let (name, unit, of_unit) = match what {
        Quantity::Amount => ("amount", " đồng", " of đồng"),
        Quantity::Count => ("count", "", ""),
    };
    match n {
        JsonNumber::Unsigned(v) if v <= MAX_VND => Ok(v),
        JsonNumber::Unsigned(v) => Err(E::custom(format_args!(
            "{name} {v} exceeds the maximum {MAX_VND}{unit}"
        ))),
        JsonNumber::Signed(v) => match u64::try_from(v) {
            Ok(u) => whole(JsonNumber::Unsigned(u), what),
            Err(_) => Err(E::custom(format_args!(
                "{name} must not be negative, got {v}"
            ))),
        },
        // Integers beyond 64 bits arrive as floats: say what is wrong with them.
        JsonNumber::Float(v) if v >= 9_007_199_254_740_992.0 && v.fract() == 0.0 => Err(E::custom(
            format_args!("{name} {v} exceeds the maximum {MAX_VND}{unit}"),
        )),
        JsonNumber::Float(v) => Err(E::custom(format_args!(
            "{name} must be a whole number{of_unit} written as a JSON integer, got {v}"
        ))),
    }
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
                whole(JsonNumber::Unsigned(v), Quantity::Amount).map(Vnd)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Vnd, E> {
                whole(JsonNumber::Signed(v), Quantity::Amount).map(Vnd)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Vnd, E> {
                whole(JsonNumber::Float(v), Quantity::Amount).map(Vnd)
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
    /// A ratio with a zero denominator.
    #[error("cannot divide by an amount of zero đồng")]
    DivisionByZero,
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
            Self::DivisionByZero => "không thể chia cho số tiền bằng 0 đồng".to_owned(),
        }
    }
}

impl MoneyError {
    /// The message in the requested language.
    pub fn message(&self, lang: crate::law::Lang) -> String {
        match lang {
            crate::law::Lang::Vi => self.message_vi(),
            crate::law::Lang::En => self.to_string(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Exact ratios
// ---------------------------------------------------------------------------------------

/// An exact ratio of two amounts (e.g. support ÷ total cost), kept as a fraction so that
/// nothing is lost; it is rounded only when displayed, with a named strategy.
///
/// ```
/// use khuyencong::money::{Ratio, Vnd};
/// use rust_decimal::RoundingStrategy;
/// let r = Ratio::new(Vnd::from_million(1_400)?, Vnd::from_million(4_600)?)?;
/// assert_eq!(r.percent(2, RoundingStrategy::ToZero).to_string(), "30.43");
/// assert!(Ratio::new(Vnd::ZERO, Vnd::ZERO).is_err());
/// # Ok::<(), khuyencong::money::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Ratio {
    /// The numerator in đồng.
    pub numerator: Vnd,
    /// The denominator in đồng (never zero).
    pub denominator: Vnd,
}

impl Ratio {
    /// `numerator ÷ denominator`.
    ///
    /// # Errors
    /// [`MoneyError::DivisionByZero`] when `denominator` is zero.
    pub fn new(numerator: Vnd, denominator: Vnd) -> Result<Self, MoneyError> {
        if denominator == Vnd::ZERO {
            Err(MoneyError::DivisionByZero)
        } else {
            Ok(Self {
                numerator,
                denominator,
            })
        }
    }

    /// The ratio as a decimal with `dp` decimal places, rounded with `strategy`.
    ///
    /// The quotient is computed to 28 significant digits first; `dp` up to 12 is exact in
    /// the sense that the rounding named by `strategy` is the only one applied.
    pub fn decimal(self, dp: u32, strategy: rust_decimal::RoundingStrategy) -> Decimal {
        self.scaled(Decimal::ONE, dp, strategy)
    }

    /// The ratio in per cent with `dp` decimal places, rounded with `strategy`.
    pub fn percent(self, dp: u32, strategy: rust_decimal::RoundingStrategy) -> Decimal {
        self.scaled(Decimal::ONE_HUNDRED, dp, strategy)
    }

    fn scaled(self, factor: Decimal, dp: u32, strategy: rust_decimal::RoundingStrategy) -> Decimal {
        // Integer division first keeps the integral part exact; the remainder carries the
        // fraction. Both operands are below 2^53, far inside Decimal's 96-bit range.
        let num = Decimal::from(self.numerator.get()) * factor;
        let den = Decimal::from(self.denominator.get());
        (num / den).round_dp_with_strategy(dp, strategy)
    }

    /// Whether the ratio is at most `share`, compared exactly (by cross-multiplication).
    pub fn at_most(self, share: Share) -> bool {
        let lhs = Decimal::from(self.numerator.get());
        share
            .get()
            .checked_mul(Decimal::from(self.denominator.get()))
            .is_none_or(|rhs| lhs <= rhs)
    }
}

// ---------------------------------------------------------------------------------------
// Vietnamese notation
// ---------------------------------------------------------------------------------------

/// How exact a stated amount is: Vietnamese texts mark lower bounds with *hơn* or *trên*
/// ("more than") and approximations with *gần* ("nearly"), *khoảng* or *xấp xỉ* ("about").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Exactness {
    /// The amount is stated exactly.
    #[default]
    #[schemars(title = "Exact / Chính xác")]
    Exact,
    /// The true amount is more than the stated one (*hơn*, *trên*).
    #[schemars(title = "Lower bound (more than) / Cận dưới (hơn, trên)")]
    LowerBound,
    /// The true amount is near the stated one (*gần*, *khoảng*, *xấp xỉ*).
    #[schemars(title = "Approximate / Xấp xỉ (gần, khoảng)")]
    Approximate,
}

impl Exactness {
    /// Whether the figure is exact (the default, left out of the JSON form).
    pub fn is_exact(&self) -> bool {
        *self == Self::Exact
    }

    /// The exactness of a sum of figures: exact only if all parts are; any approximation
    /// makes it approximate; otherwise a lower bound.
    #[must_use]
    pub fn combine(self, other: Self) -> Self {
        match (self, other) {
            (Self::Approximate, _) | (_, Self::Approximate) => Self::Approximate,
            (Self::LowerBound, _) | (_, Self::LowerBound) => Self::LowerBound,
            _ => Self::Exact,
        }
    }

    /// The permanent code (`exact`, `lower_bound`, `approximate`).
    pub const fn code(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::LowerBound => "lower_bound",
            Self::Approximate => "approximate",
        }
    }
}

/// An amount read from Vietnamese notation, with how exact the text says it is.
///
/// ```
/// use khuyencong::money::{Exactness, ParsedAmount};
/// let p: ParsedAmount = "hơn 15,2 tỷ".parse()?;
/// assert_eq!(p.amount.get(), 15_200_000_000);
/// assert_eq!(p.exactness, Exactness::LowerBound);
/// assert!("1,400 triệu".parse::<ParsedAmount>().is_err()); // 1.4 or 1 400?
/// # Ok::<(), khuyencong::money::NotationError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ParsedAmount {
    /// The amount in đồng.
    pub amount: Vnd,
    /// Whether the amount is exact, a lower bound or an approximation.
    pub exactness: Exactness,
}

impl std::str::FromStr for ParsedAmount {
    type Err = NotationError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_vnd(s)
    }
}

/// Why a text is not an amount in Vietnamese notation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NotationError {
    /// Nothing to read.
    #[error("empty amount")]
    Empty,
    /// The text is in decomposed Unicode (NFD): combining marks instead of precomposed letters.
    #[error("amount `{0}` is not in Unicode NFC (it contains combining marks); use NFC")]
    NotNfc(String),
    /// A qualifier or unit without a number.
    #[error("amount `{0}` has no number")]
    MissingNumber(String),
    /// A number without a unit.
    #[error(
        "amount `{0}` has no unit: write đồng, nghìn, triệu or tỷ (a bare `1.400` could mean đồng or million đồng)"
    )]
    MissingUnit(String),
    /// A word that is not a known unit.
    #[error(
        "unknown unit `{unit}` in `{input}`; expected đồng, đ, nghìn, ngàn, triệu, tr, trđ or tỷ"
    )]
    UnknownUnit {
        /// The whole input.
        input: String,
        /// The word that was not understood.
        unit: String,
    },
    /// `1,400`: a Vietnamese decimal (1.4) or an English thousands group (1 400)?
    #[error(
        "amount `{0}` is ambiguous: a comma followed by three digits is a decimal in Vietnamese (1,4) but a thousands separator in English (1 400); write `1.400` for one thousand four hundred or `1,4` for one point four"
    )]
    AmbiguousComma(String),
    /// English notation (`1,400,000` or `1,400.5`), which uses the separators the other way round.
    #[error(
        "amount `{0}` uses English separators; Vietnamese notation writes `.` between thousands and `,` before decimals"
    )]
    EnglishNotation(String),
    /// The number is not well formed (bad grouping, stray characters, leading zeros).
    #[error("malformed number `{number}` in `{input}`: {reason}")]
    Malformed {
        /// The whole input.
        input: String,
        /// The number part.
        number: String,
        /// What is wrong.
        reason: &'static str,
    },
    /// More decimals than the unit allows, i.e. a fraction of a đồng.
    #[error(
        "amount `{input}` has {decimals} decimal place(s) but `{unit}` allows at most {allowed}: VND has no fraction of a đồng"
    )]
    FractionalDong {
        /// The whole input.
        input: String,
        /// The unit as written.
        unit: String,
        /// Decimals written.
        decimals: u32,
        /// Decimals the unit allows.
        allowed: u32,
    },
    /// More than one qualifier (`khoảng hơn`).
    #[error("amount `{0}` has more than one qualifier")]
    TwoQualifiers(String),
    /// The amount exceeds [`MAX_VND`].
    #[error("amount `{0}` exceeds the maximum 9007199254740991 đồng")]
    Overflow(String),
}

impl NotationError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Self::Empty => "số tiền trống".to_owned(),
            Self::NotNfc(s) => format!(
                "số tiền `{s}` không ở dạng Unicode dựng sẵn NFC (có dấu kết hợp rời); hãy dùng NFC"
            ),
            Self::MissingNumber(s) => format!("số tiền `{s}` không có con số"),
            Self::MissingUnit(s) => format!(
                "số tiền `{s}` thiếu đơn vị: ghi rõ đồng, nghìn, triệu hoặc tỷ (`1.400` không rõ là đồng hay triệu đồng)"
            ),
            Self::UnknownUnit { input, unit } => format!(
                "đơn vị `{unit}` trong `{input}` không hợp lệ; dùng đồng, đ, nghìn, ngàn, triệu, tr, trđ hoặc tỷ"
            ),
            Self::AmbiguousComma(s) => format!(
                "số tiền `{s}` không rõ nghĩa: dấu phẩy trước ba chữ số là dấu thập phân theo cách viết Việt Nam (1,4) nhưng là dấu phân cách hàng nghìn theo cách viết tiếng Anh (1 400); viết `1.400` cho một nghìn bốn trăm hoặc `1,4` cho một phẩy bốn"
            ),
            Self::EnglishNotation(s) => format!(
                "số tiền `{s}` viết theo kiểu tiếng Anh; cách viết Việt Nam dùng `.` phân cách hàng nghìn và `,` trước phần thập phân"
            ),
            Self::Malformed {
                input,
                number,
                reason,
            } => format!("con số `{number}` trong `{input}` không hợp lệ ({reason})"),
            Self::FractionalDong {
                input,
                unit,
                decimals,
                allowed,
            } => format!(
                "số tiền `{input}` có {decimals} chữ số thập phân nhưng đơn vị `{unit}` chỉ cho phép tối đa {allowed}: tiền đồng không có phần lẻ dưới một đồng"
            ),
            Self::TwoQualifiers(s) => format!("số tiền `{s}` có nhiều hơn một từ chỉ mức độ"),
            Self::Overflow(s) => {
                format!("số tiền `{s}` vượt quá mức tối đa 9.007.199.254.740.991 đồng")
            }
        }
    }

    /// The message in the requested language.
    pub fn message(&self, lang: crate::law::Lang) -> String {
        match lang {
            crate::law::Lang::Vi => self.message_vi(),
            crate::law::Lang::En => self.to_string(),
        }
    }
}

/// Qualifiers that open a stated amount, with what they mean.
const QUALIFIERS: &[(&str, Exactness)] = &[
    ("hơn", Exactness::LowerBound),
    ("trên", Exactness::LowerBound),
    ("gần", Exactness::Approximate),
    ("khoảng", Exactness::Approximate),
    ("xấp xỉ", Exactness::Approximate),
];

/// Units as written, with their power of ten. Longer spellings first.
const UNITS: &[(&str, u32)] = &[
    ("nghìn tỷ đồng", 12),
    ("nghìn tỷ", 12),
    ("ngàn tỷ đồng", 12),
    ("ngàn tỷ", 12),
    ("tỷ đồng", 9),
    ("tỉ đồng", 9),
    ("tỷ", 9),
    ("tỉ", 9),
    ("triệu đồng", 6),
    ("triệu", 6),
    ("trđ", 6),
    ("tr", 6),
    ("nghìn đồng", 3),
    ("ngàn đồng", 3),
    ("nghìn", 3),
    ("ngàn", 3),
    ("đồng", 0),
    ("vnđ", 0),
    ("vnd", 0),
    ("đ", 0),
];

/// Reads an amount written in Vietnamese notation.
///
/// The grammar: an optional qualifier (*hơn*, *trên*: lower bound; *gần*, *khoảng*,
/// *xấp xỉ*: approximate), a number with `.` between groups of three digits and an
/// optional `,` decimal part, and a unit (*đồng*/*đ*/*VND*, *nghìn*/*ngàn*,
/// *triệu*/*tr*/*trđ*, *tỷ*/*tỉ*, *nghìn tỷ*, each optionally followed by *đồng*). Case and
/// extra spaces do not matter; the space between number and unit may be left out
/// (`620tr`).
///
/// Decisions (see docs/funding.md): a number without a unit is rejected (is `1.400`
/// đồng or million?); `1,400` is rejected as ambiguous (1.4 or 1 400); English notation
/// (`1,400,000`, `1,400.5`) is rejected; a fraction of a đồng is rejected, and so is any
/// decimal place beyond what the unit can carry (`1,5 đồng`, `2,0 đồng`, `1,0000001
/// triệu`); text in decomposed Unicode (NFD) is rejected with a request to use NFC.
///
/// # Errors
/// A [`NotationError`] naming the offending input and why.
///
/// # Example
/// ```
/// use khuyencong::money::{parse_vnd, Exactness};
/// assert_eq!(parse_vnd("1.400 triệu đồng")?.amount.get(), 1_400_000_000);
/// assert_eq!(parse_vnd("4,36 tỷ")?.amount.get(), 4_360_000_000);
/// assert_eq!(parse_vnd("gần 2,5 tỷ")?.exactness, Exactness::Approximate);
/// assert!(parse_vnd("1,5 đồng").is_err());
/// # Ok::<(), khuyencong::money::NotationError>(())
/// ```
pub fn parse_vnd(input: &str) -> Result<ParsedAmount, NotationError> {
    parse_vnd_with_place(input).map(|(parsed, _)| parsed)
}

/// Reads an amount as [`parse_vnd`] does, and also returns the place value, in đồng, of the
/// last digit written: `1` for "1.400.000.000 đồng", `1_000_000` for "1.400 triệu",
/// `100_000_000` for "15,2 tỷ". Written words are rounded: they stand for every figure within
/// half that place value either side of the amount they state.
///
/// # Errors
/// As [`parse_vnd`].
///
/// # Example
/// ```
/// use khuyencong::money::parse_vnd_with_place;
/// let (p, place) = parse_vnd_with_place("hơn 15,2 tỷ")?;
/// assert_eq!((p.amount.get(), place), (15_200_000_000, 100_000_000));
/// assert_eq!(parse_vnd_with_place("1.400 triệu")?.1, 1_000_000);
/// assert_eq!(parse_vnd_with_place("1.400.000.000 đồng")?.1, 1);
/// # Ok::<(), khuyencong::money::NotationError>(())
/// ```
pub fn parse_vnd_with_place(input: &str) -> Result<(ParsedAmount, u64), NotationError> {
    // The input as shown in an error, built only for an error.
    let shown = || input.chars().take(80).collect::<String>();
    if input
        .chars()
        .any(|c| ('\u{0300}'..='\u{036F}').contains(&c))
    {
        return Err(NotationError::NotNfc(shown()));
    }
    // Lowercase and collapse whitespace (including non-breaking spaces); words already
    // written so (most are) are read without a copy.
    let plain = input
        .chars()
        .all(|c| (c == ' ' || !c.is_whitespace()) && c.to_lowercase().eq([c]))
        && !input.starts_with(' ')
        && !input.ends_with(' ')
        && !input.contains("  ");
    let text: std::borrow::Cow<'_, str> = if plain {
        std::borrow::Cow::Borrowed(input)
    } else {
        let lowered = input.to_lowercase();
        std::borrow::Cow::Owned(lowered.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    if text.is_empty() {
        return Err(NotationError::Empty);
    }
    let mut rest = &*text;
    let mut exactness = Exactness::Exact;
    let mut qualified = false;
    loop {
        let found = QUALIFIERS.iter().find_map(|(word, ex)| {
            rest.strip_prefix(word)
                .filter(|r| r.is_empty() || r.starts_with(' '))
                .map(|r| (r.trim_start(), *ex))
        });
        match found {
            Some((r, ex)) => {
                if qualified {
                    return Err(NotationError::TwoQualifiers(shown()));
                }
                qualified = true;
                exactness = ex;
                rest = r;
            }
            None => break,
        }
    }
    let number_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (number, unit_text) = (&rest[..number_end], rest[number_end..].trim());
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return Err(NotationError::MissingNumber(shown()));
    }
    let (int, frac_digits) = split_vi_number(number, &shown)?;
    if unit_text.is_empty() {
        return Err(NotationError::MissingUnit(shown()));
    }
    let (unit, power) = UNITS
        .iter()
        .find(|(u, _)| *u == unit_text)
        .copied()
        .ok_or_else(|| NotationError::UnknownUnit {
            input: shown(),
            unit: unit_text.to_owned(),
        })?;
    let decimals = u32::try_from(frac_digits.len()).unwrap_or(u32::MAX);
    if decimals > power {
        return Err(NotationError::FractionalDong {
            input: shown(),
            unit: unit.to_owned(),
            decimals,
            allowed: power,
        });
    }
    // Exact integer arithmetic: int × 10^power + frac × 10^(power − decimals).
    let overflow = || NotationError::Overflow(shown());
    let int = int.ok_or_else(overflow)?;
    let frac: u128 = if frac_digits.is_empty() {
        0
    } else {
        frac_digits.parse().map_err(|_| overflow())?
    };
    let total = int
        .checked_mul(10u128.pow(power))
        .and_then(|a| a.checked_add(frac * 10u128.pow(power - decimals)))
        .ok_or_else(overflow)?;
    let dong = u64::try_from(total).map_err(|_| overflow())?;
    let amount = Vnd::new(dong).map_err(|_| overflow())?;
    // power ≤ 12 and decimals ≤ power, so the place value fits.
    let place = 10u64.pow(power - decimals);
    Ok((ParsedAmount { amount, exactness }, place))
}

/// A count read from Vietnamese notation, with how exact the text says it is.
///
/// ```
/// use khuyencong::money::{parse_count, Exactness};
/// let c = parse_count("hơn 100 lượt")?;
/// assert_eq!((c.value, c.exactness), (100, Exactness::LowerBound));
/// assert_eq!(parse_count("05 cơ sở")?.value, 5);
/// assert!(parse_count("1,5 lớp").is_err());
/// # Ok::<(), khuyencong::money::NotationError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ParsedCount {
    /// The number.
    pub value: u64,
    /// Whether the number is exact, a lower bound or an approximation.
    pub exactness: Exactness,
}

/// Reads a count as documents write it: an optional qualifier (as [`parse_vnd`] reads them:
/// *hơn*, *trên*, *gần*, *khoảng*, *xấp xỉ*), a whole number with `.` between groups of
/// three digits (leading zeros are usual in reports: "05 cơ sở", "02 cuộc"), and optional
/// words naming what is counted ("lượt", "cơ sở").
///
/// # Errors
/// A [`NotationError`]: no number, a fraction (`1,5`), a money unit (`1.400 triệu` is an
/// amount, not a count), two qualifiers, text in decomposed Unicode, or a number above
/// [`MAX_VND`].
pub fn parse_count(input: &str) -> Result<ParsedCount, NotationError> {
    let shown: String = input.chars().take(80).collect();
    if input
        .chars()
        .any(|c| ('\u{0300}'..='\u{036F}').contains(&c))
    {
        return Err(NotationError::NotNfc(shown));
    }
    let lowered = input.to_lowercase();
    let text = lowered.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(NotationError::Empty);
    }
    let mut rest = text.as_str();
    let mut exactness = Exactness::Exact;
    if let Some((r, ex)) = QUALIFIERS.iter().find_map(|(word, ex)| {
        rest.strip_prefix(word)
            .filter(|r| r.is_empty() || r.starts_with(' '))
            .map(|r| (r.trim_start(), *ex))
    }) {
        exactness = ex;
        rest = r;
        if QUALIFIERS.iter().any(|(word, _)| {
            rest.strip_prefix(word)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        }) {
            return Err(NotationError::TwoQualifiers(shown));
        }
    }
    let number_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (number, words) = (&rest[..number_end], rest[number_end..].trim());
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return Err(NotationError::MissingNumber(shown));
    }
    let malformed = |reason: &'static str| NotationError::Malformed {
        input: shown.clone(),
        number: number.to_owned(),
        reason,
    };
    if !words.is_empty() && !words.starts_with(char::is_alphabetic) {
        return Err(malformed("a count is a number followed by words, if any"));
    }
    if UNITS.iter().any(|(unit, _)| *unit == words) {
        return Err(malformed("a count has no money unit; this is an amount"));
    }
    let value: u64 = if number.bytes().all(|b| b.is_ascii_digit()) {
        number
            .parse()
            .map_err(|_| NotationError::Overflow(shown.clone()))?
    } else {
        let (int, frac) = split_vi_number(number, &|| shown.clone())?;
        if !frac.is_empty() {
            return Err(malformed("a count is a whole number"));
        }
        int.and_then(|v| u64::try_from(v).ok())
            .ok_or_else(|| NotationError::Overflow(shown.clone()))?
    };
    if value > MAX_VND {
        return Err(NotationError::Overflow(shown));
    }
    Ok(ParsedCount { value, exactness })
}

/// A count stated as a range, "8–12 đề án": its two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParsedCountRange {
    /// The lower end.
    pub min: u64,
    /// The upper end (the parser does not compare it with `min`: a reversed range is for
    /// the document check to report, `document.range_reversed`).
    pub max: u64,
}

/// Reads a count written as a range, as plans write yearly targets: "8–12", "8 - 12 đề
/// án", "từ 8 đến 12 đề án", "8 đến 12". Both ends are whole numbers as [`parse_count`]
/// reads them, without a qualifier; the words after the upper end name what is counted.
///
/// Returns `None` when the text is not written as a range (then it is a single count, for
/// [`parse_count`]).
#[must_use]
pub fn parse_count_range(input: &str) -> Option<ParsedCountRange> {
    let lowered = input.to_lowercase();
    let text = lowered.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.strip_prefix("từ ").unwrap_or(&text);
    // The separators people type between the ends: an en dash, a hyphen, an em dash, a
    // minus sign, or the word "đến" (to).
    let (low, high) = [" đến ", "–", "—", "−", "-"]
        .iter()
        .find_map(|sep| text.split_once(sep))?;
    let low = low.trim();
    if low.is_empty() || !low.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let high = high.trim();
    let min = parse_count(low).ok()?;
    let max = parse_count(high).ok()?;
    (min.exactness == Exactness::Exact
        && max.exactness == Exactness::Exact
        && high.starts_with(|c: char| c.is_ascii_digit()))
    .then_some(ParsedCountRange {
        min: min.value,
        max: max.value,
    })
}

/// Splits a Vietnamese number into the value of its integer part (separators removed;
/// `None` when it does not fit in 128 bits) and its decimal digits, without a copy.
fn split_vi_number<'a>(
    number: &'a str,
    shown: &dyn Fn() -> String,
) -> Result<(Option<u128>, &'a str), NotationError> {
    let malformed = |reason: &'static str| NotationError::Malformed {
        input: shown(),
        number: number.to_owned(),
        reason,
    };
    let commas = number.matches(',').count();
    let comma_pos = number.find(',');
    let dot_after_comma = comma_pos.is_some_and(|c| number[c..].contains('.'));
    if commas > 1 || dot_after_comma {
        return Err(NotationError::EnglishNotation(shown()));
    }
    let (int_part, frac_part) = match comma_pos {
        Some(c) => (&number[..c], &number[c + 1..]),
        None => (number, ""),
    };
    if comma_pos.is_some() {
        if frac_part.is_empty() {
            return Err(malformed("a comma must be followed by decimal digits"));
        }
        if frac_part.len() == 3 && !int_part.contains('.') {
            return Err(NotationError::AmbiguousComma(shown()));
        }
    }
    if int_part.is_empty() {
        return Err(malformed("the number must start with a digit"));
    }
    let mut groups = int_part.split('.');
    let first = groups.next().unwrap_or_default();
    let grouped = int_part.contains('.');
    if first.is_empty() || first.len() > 3 && grouped {
        return Err(malformed(
            "`.` separates groups of three digits; the first group has one to three digits",
        ));
    }
    if groups.any(|g| g.len() != 3) {
        return Err(malformed(
            "`.` separates groups of exactly three digits; write decimals after `,`",
        ));
    }
    let digit_count = int_part.bytes().filter(u8::is_ascii_digit).count();
    if digit_count > 1 && first.starts_with('0') {
        return Err(malformed("leading zeros are not allowed"));
    }
    // The number holds only digits, `.` and `,` (the caller cut it so).
    let value = int_part
        .bytes()
        .filter(u8::is_ascii_digit)
        .try_fold(0u128, |acc, b| {
            acc.checked_mul(10)?.checked_add(u128::from(b - b'0'))
        });
    Ok((value, frac_part))
}

/// Formats an amount in million đồng, Vietnamese style: `1.400 triệu đồng`,
/// `48,91 triệu đồng`. Exact: every non-zero digit is kept.
///
/// ```
/// use khuyencong::money::{format_million_vi, format_million_en, Vnd};
/// assert_eq!(format_million_vi(Vnd::new(48_910_000)?), "48,91 triệu đồng");
/// assert_eq!(format_million_en(Vnd::from_million(1_400)?), "1,400 million VND");
/// # Ok::<(), khuyencong::money::MoneyError>(())
/// ```
pub fn format_million_vi(amount: Vnd) -> String {
    let mut out = String::with_capacity(40);
    push_million_vi(&mut out, amount);
    out
}

/// Appends [`format_million_vi`] of `amount` to `out`.
pub(crate) fn push_million_vi(out: &mut String, amount: Vnd) {
    push_million_digits(out, amount, '.', ',');
    out.push_str(" triệu đồng");
}

/// Appends [`format_million_en`] of `amount` to `out`.
pub(crate) fn push_million_en(out: &mut String, amount: Vnd) {
    push_million_digits(out, amount, ',', '.');
    out.push_str(" million VND");
}

/// Formats an amount in million đồng, English style: `1,400 million VND`,
/// `48.91 million VND`. Exact: every non-zero digit is kept.
pub fn format_million_en(amount: Vnd) -> String {
    let mut out = String::with_capacity(40);
    push_million_en(&mut out, amount);
    out
}

/// Formats an amount in million đồng in the requested language.
pub fn format_million(amount: Vnd, lang: crate::law::Lang) -> String {
    match lang {
        crate::law::Lang::Vi => format_million_vi(amount),
        crate::law::Lang::En => format_million_en(amount),
    }
}

fn push_million_digits(out: &mut String, amount: Vnd, group: char, decimal: char) {
    use fmt::Write as _;
    let whole = amount.get() / 1_000_000;
    let mut rest = amount.get() % 1_000_000;
    push_grouped(out, whole, group);
    if rest != 0 {
        // Six decimals, without the trailing zeros.
        let mut width = 6;
        while rest.is_multiple_of(10) {
            rest /= 10;
            width -= 1;
        }
        out.push(decimal);
        let _ = write!(out, "{rest:0width$}");
    }
}

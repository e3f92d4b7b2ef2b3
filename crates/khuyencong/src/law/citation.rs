//! Citations: instrument, article (Điều), clause (Khoản), point (Điểm).

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{InstrumentId, InstrumentKind, Lang};

/// A point (điểm) of a clause, lettered in the Vietnamese alphabet.
///
/// Points run a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r, s, t, u, v, x, y:
/// there is no f, j, w or z, and đ follows d (modelling decision 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Point {
    A,
    B,
    C,
    D,
    /// The letter đ.
    Dd,
    E,
    G,
    H,
    I,
    K,
    L,
    M,
    N,
    O,
    P,
    Q,
    R,
    S,
    T,
    U,
    V,
    X,
    Y,
}

impl Point {
    /// Every point letter in legal order.
    pub const ALL: [Self; 23] = [
        Self::A,
        Self::B,
        Self::C,
        Self::D,
        Self::Dd,
        Self::E,
        Self::G,
        Self::H,
        Self::I,
        Self::K,
        Self::L,
        Self::M,
        Self::N,
        Self::O,
        Self::P,
        Self::Q,
        Self::R,
        Self::S,
        Self::T,
        Self::U,
        Self::V,
        Self::X,
        Self::Y,
    ];

    /// The Vietnamese letter (`a` … `y`, with `đ`).
    pub const fn letter(self) -> &'static str {
        match self {
            Self::A => "a",
            Self::B => "b",
            Self::C => "c",
            Self::D => "d",
            Self::Dd => "đ",
            Self::E => "e",
            Self::G => "g",
            Self::H => "h",
            Self::I => "i",
            Self::K => "k",
            Self::L => "l",
            Self::M => "m",
            Self::N => "n",
            Self::O => "o",
            Self::P => "p",
            Self::Q => "q",
            Self::R => "r",
            Self::S => "s",
            Self::T => "t",
            Self::U => "u",
            Self::V => "v",
            Self::X => "x",
            Self::Y => "y",
        }
    }

    /// The letter as English texts write it (`dd` for đ).
    pub const fn ascii(self) -> &'static str {
        match self {
            Self::Dd => "dd",
            other => other.letter(),
        }
    }

    /// Parses a point letter; accepts `đ`, `Đ` and the ASCII spelling `dd`.
    ///
    /// # Errors
    /// [`CitationParseError::InvalidPoint`] for anything else, including the
    /// letters f, j, w and z, which Vietnamese legal texts never use.
    pub fn parse(s: &str) -> Result<Self, CitationParseError> {
        let lower = s.to_lowercase();
        let found = Self::ALL
            .iter()
            .copied()
            .find(|p| p.letter() == lower || p.ascii() == lower);
        found.ok_or_else(|| CitationParseError::InvalidPoint(s.to_owned()))
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.letter())
    }
}

/// A reference into a legal instrument: instrument, and optionally article (Điều),
/// clause (Khoản) and point (Điểm).
///
/// A clause needs an article; a point needs an article (some articles have
/// points directly, without clauses). A citation with no article refers to the
/// instrument as a whole. A clause inserted by an amendment carries a letter after its
/// number (`khoản 2a`, inserted after clause 2).
///
/// ```
/// use khuyencong::law::{Citation, InstrumentId, Lang, Point};
/// let c = Citation::article(InstrumentId::Nd45_2012, 1).clause(2).point(Point::A);
/// assert_eq!(c.render(Lang::Vi), "điểm a khoản 2 Điều 1 Nghị định số 45/2012/NĐ-CP");
/// assert_eq!(c.render(Lang::En), "Decree 45/2012/ND-CP, Art. 1(2)(a)");
/// assert_eq!("Decree 45/2012/ND-CP, Art. 1(2)(a)".parse::<Citation>()?, c);
/// assert!("điểm f khoản 2 Điều 1 Nghị định số 45/2012/NĐ-CP".parse::<Citation>().is_err());
/// # Ok::<(), khuyencong::law::CitationParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Citation {
    instrument: InstrumentId,
    article: Option<u16>,
    clause: Option<u16>,
    clause_letter: Option<Point>,
    point: Option<Point>,
}

impl Citation {
    /// The instrument as a whole.
    pub const fn instrument(instrument: InstrumentId) -> Self {
        Self {
            instrument,
            article: None,
            clause: None,
            clause_letter: None,
            point: None,
        }
    }

    /// An article (Điều) of an instrument.
    pub const fn article(instrument: InstrumentId, article: u16) -> Self {
        Self {
            instrument,
            article: Some(article),
            clause: None,
            clause_letter: None,
            point: None,
        }
    }

    /// The same citation narrowed to a clause (Khoản) of its article.
    #[must_use]
    pub const fn clause(self, clause: u16) -> Self {
        Self {
            clause: Some(clause),
            ..self
        }
    }

    /// The same citation narrowed to a clause inserted by an amendment after clause
    /// `clause`, lettered `letter` (`khoản 2a` is `inserted_clause(2, Point::A)`).
    #[must_use]
    pub const fn inserted_clause(self, clause: u16, letter: Point) -> Self {
        Self {
            clause: Some(clause),
            clause_letter: Some(letter),
            ..self
        }
    }

    /// The same citation narrowed to a point (Điểm).
    #[must_use]
    pub const fn point(self, point: Point) -> Self {
        Self {
            point: Some(point),
            ..self
        }
    }

    /// Builds a citation from its parts, checking that they fit together.
    ///
    /// # Errors
    /// [`CitationParseError::Malformed`] when a clause or point is given without an
    /// article, or when an article or clause number is zero.
    pub fn new(
        instrument: InstrumentId,
        article: Option<u16>,
        clause: Option<u16>,
        point: Option<Point>,
    ) -> Result<Self, CitationParseError> {
        let bad = |why: &str| CitationParseError::Malformed {
            input: instrument.code().to_owned(),
            reason: why.to_owned(),
        };
        if article == Some(0) || clause == Some(0) {
            return Err(bad("article and clause numbers start at 1"));
        }
        if article.is_none() && (clause.is_some() || point.is_some()) {
            return Err(bad("a clause or point needs an article"));
        }
        Ok(Self {
            instrument,
            article,
            clause,
            clause_letter: None,
            point,
        })
    }

    /// The same citation with the letter of an inserted clause (`khoản 2a`), or without one.
    ///
    /// # Errors
    /// [`CitationParseError::Malformed`] when a letter is given and the citation has no
    /// clause.
    pub fn with_clause_letter(self, letter: Option<Point>) -> Result<Self, CitationParseError> {
        if letter.is_some() && self.clause.is_none() {
            return Err(CitationParseError::Malformed {
                input: self.instrument.code().to_owned(),
                reason: "a clause letter needs a clause".to_owned(),
            });
        }
        Ok(Self {
            clause_letter: letter,
            ..self
        })
    }

    /// The cited instrument.
    pub const fn instrument_id(&self) -> InstrumentId {
        self.instrument
    }

    /// The article number (Điều), if any.
    pub const fn article_no(&self) -> Option<u16> {
        self.article
    }

    /// The clause number (Khoản), if any.
    pub const fn clause_no(&self) -> Option<u16> {
        self.clause
    }

    /// The letter of a clause inserted by an amendment (the `a` of `khoản 2a`), if any.
    pub const fn clause_letter(&self) -> Option<Point> {
        self.clause_letter
    }

    /// The point letter (Điểm), if any.
    pub const fn point_letter(&self) -> Option<Point> {
        self.point
    }

    /// Renders the citation: "điểm a khoản 2 Điều 1 Nghị định số 45/2012/NĐ-CP"
    /// or "Decree 45/2012/ND-CP, Art. 1(2)(a)".
    pub fn render(&self, lang: Lang) -> String {
        let info = self.instrument.info();
        let mut out = String::with_capacity(64);
        match lang {
            Lang::Vi => {
                if let Some(p) = self.point {
                    out.push_str("điểm ");
                    out.push_str(p.letter());
                    out.push(' ');
                }
                if let Some(k) = self.clause {
                    out.push_str(&format!("khoản {k}"));
                    if let Some(l) = self.clause_letter {
                        out.push_str(l.letter());
                    }
                    out.push(' ');
                }
                if let Some(a) = self.article {
                    out.push_str(&format!("Điều {a} "));
                }
                out.push_str(&info.designation(Lang::Vi));
            }
            Lang::En => {
                out.push_str(&info.designation(Lang::En));
                if let Some(a) = self.article {
                    out.push_str(&format!(", Art. {a}"));
                    if let Some(k) = self.clause {
                        match self.clause_letter {
                            Some(l) => out.push_str(&format!("({k}{})", l.ascii())),
                            None => out.push_str(&format!("({k})")),
                        }
                    }
                    if let Some(p) = self.point {
                        out.push('(');
                        out.push_str(p.ascii());
                        out.push(')');
                    }
                }
            }
        }
        out
    }

    fn parse_vi(s: &str) -> Result<Self, CitationParseError> {
        let malformed = |reason: &str| CitationParseError::Malformed {
            input: s.to_owned(),
            reason: reason.to_owned(),
        };
        let mut rest = s.trim();
        let mut point = None;
        let mut clause = None;
        let mut clause_letter = None;
        let mut article = None;
        if let Some(r) = strip_prefix_ci(rest, "điểm ") {
            let (tok, r) = split_token(r);
            point = Some(Point::parse(tok)?);
            rest = r;
        }
        if let Some(r) = strip_prefix_ci(rest, "khoản ") {
            let (tok, r) = split_token(r);
            let (number, letter) =
                parse_clause(tok).ok_or_else(|| malformed("clause is not a number"))?;
            clause = Some(number);
            clause_letter = letter;
            rest = r;
        }
        if let Some(r) = strip_prefix_ci(rest, "điều ") {
            let (tok, r) = split_token(r);
            article = Some(parse_number(tok).ok_or_else(|| malformed("article is not a number"))?);
            rest = r;
        }
        let number = InstrumentKind::PARSE_ORDER
            .iter()
            .find_map(|k| {
                let name = k.name(Lang::Vi);
                rest.strip_prefix(name)
                    .and_then(|r| r.strip_prefix(" số "))
                    .map(|n| (*k, n.trim()))
            })
            .ok_or_else(|| {
                malformed("expected an instrument such as `Nghị định số 45/2012/NĐ-CP`")
            })?;
        let id = InstrumentId::ALL
            .iter()
            .copied()
            .find(|id| id.info().kind == number.0 && id.info().number == number.1)
            .ok_or_else(|| CitationParseError::UnknownInstrument(number.1.to_owned()))?;
        Self::new(id, article, clause, point)?.with_clause_letter(clause_letter)
    }

    fn parse_en(s: &str) -> Result<Self, CitationParseError> {
        let s = s.trim();
        let malformed = |reason: &str| CitationParseError::Malformed {
            input: s.to_owned(),
            reason: reason.to_owned(),
        };
        let (id, rest) = InstrumentId::ALL
            .iter()
            .filter_map(|id| {
                let d = id.info().designation(Lang::En);
                s.strip_prefix(d.as_str()).map(|r| (*id, r, d.len()))
            })
            .filter(|(_, r, _)| r.is_empty() || r.starts_with(','))
            .max_by_key(|(_, _, len)| *len)
            .map(|(id, r, _)| (id, r))
            .ok_or_else(|| {
                let first = s.split(',').next().unwrap_or(s);
                CitationParseError::UnknownInstrument(first.to_owned())
            })?;
        if rest.is_empty() {
            return Ok(Self::instrument(id));
        }
        let rest = rest
            .strip_prefix(", Art. ")
            .ok_or_else(|| malformed("expected `, Art. N` after the instrument"))?;
        let digits_end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let article = parse_number(&rest[..digits_end])
            .ok_or_else(|| malformed("article is not a number"))?;
        let mut rest = &rest[digits_end..];
        let mut clause = None;
        let mut clause_letter = None;
        let mut point = None;
        while let Some(r) = rest.strip_prefix('(') {
            let close = r
                .find(')')
                .ok_or_else(|| malformed("unclosed parenthesis"))?;
            let tok = &r[..close];
            if tok.starts_with(|c: char| c.is_ascii_digit()) {
                if clause.is_some() || point.is_some() {
                    return Err(malformed("a clause must come once, before the point"));
                }
                let (number, letter) =
                    parse_clause(tok).ok_or_else(|| malformed("bad clause number"))?;
                clause = Some(number);
                clause_letter = letter;
            } else {
                if point.is_some() {
                    return Err(malformed("only one point may be given"));
                }
                point = Some(Point::parse(tok)?);
            }
            rest = &r[close + 1..];
        }
        if !rest.is_empty() {
            return Err(malformed("unexpected text after the citation"));
        }
        Self::new(id, Some(article), clause, point)?.with_clause_letter(clause_letter)
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    (head.to_lowercase() == prefix.to_lowercase()).then(|| &s[prefix.len()..])
}

fn split_token(s: &str) -> (&str, &str) {
    match s.find(' ') {
        Some(i) => (&s[..i], s[i + 1..].trim_start()),
        None => (s, ""),
    }
}

/// A clause number, with the letter of an inserted clause (`2a`; `2đ` or ASCII `2dd`).
fn parse_clause(s: &str) -> Option<(u16, Option<Point>)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let number = parse_number(&s[..end])?;
    let rest = &s[end..];
    if rest.is_empty() {
        return Some((number, None));
    }
    Point::parse(rest).ok().map(|p| (number, Some(p)))
}

fn parse_number(s: &str) -> Option<u16> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|n| *n > 0)
}

impl fmt::Display for Citation {
    /// Vietnamese by default; the alternate form (`{:#}`) renders English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = if f.alternate() { Lang::En } else { Lang::Vi };
        f.write_str(&self.render(lang))
    }
}

impl FromStr for Citation {
    type Err = CitationParseError;

    /// Parses the Vietnamese or the English rendering.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let english = InstrumentKind::PARSE_ORDER
            .iter()
            .any(|k| t.starts_with(k.name(Lang::En)));
        if english {
            Self::parse_en(t)
        } else {
            Self::parse_vi(t)
        }
    }
}

/// Why a citation could not be parsed or built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CitationParseError {
    /// The point letter is not a Vietnamese legal point letter.
    #[error(
        "invalid point letter `{0}`: points run a b c d đ e g h i k l m n o p q r s t u v x y (no f, j, w, z)"
    )]
    InvalidPoint(String),
    /// No registered instrument has this number.
    #[error("unknown instrument `{0}`")]
    UnknownInstrument(String),
    /// The text does not have the shape of a citation.
    #[error("malformed citation `{input}`: {reason}")]
    Malformed {
        /// The offending input.
        input: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl CitationParseError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Self::InvalidPoint(p) => format!(
                "ký hiệu điểm `{p}` không hợp lệ: điểm theo thứ tự a b c d đ e g h i k l m n o p q r s t u v x y (không có f, j, w, z)"
            ),
            Self::UnknownInstrument(n) => format!("văn bản `{n}` không có trong danh mục"),
            Self::Malformed { input, reason } => {
                format!("trích dẫn `{input}` không đúng định dạng: {reason}")
            }
        }
    }
}

/// The compact JSON form: `{"instrument": "nd_45_2012", "article": 1, "clause": 2, "point": "a"}`.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename = "Citation")]
/// A reference into a legal instrument. / Trích dẫn điều, khoản, điểm của văn bản pháp luật.
struct CitationRepr {
    /// The instrument's stable code. / Mã văn bản.
    instrument: InstrumentId,
    /// Article (Điều) number, from 1. / Số Điều.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    article: Option<u16>,
    /// Clause (Khoản) number, from 1; needs an article. / Số Khoản.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    clause: Option<u16>,
    /// Letter of a clause inserted by an amendment (the `a` of `khoản 2a`); needs a clause. / Chữ của khoản được bổ sung (khoản 2a).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^(a|b|c|d|đ|e|g|h|i|k|l|m|n|o|p|q|r|s|t|u|v|x|y)$"))]
    clause_letter: Option<String>,
    /// Point (Điểm) letter in the Vietnamese order a b c d đ e g h i k …; needs an article. / Ký hiệu Điểm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^(a|b|c|d|đ|e|g|h|i|k|l|m|n|o|p|q|r|s|t|u|v|x|y)$"))]
    point: Option<String>,
}

impl Serialize for Citation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        CitationRepr {
            instrument: self.instrument,
            article: self.article,
            clause: self.clause,
            clause_letter: self.clause_letter.map(|p| p.letter().to_owned()),
            point: self.point.map(|p| p.letter().to_owned()),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = CitationRepr::deserialize(d)?;
        let point = match r.point.as_deref() {
            None => None,
            Some(p) => Some(Point::parse(p).map_err(serde::de::Error::custom)?),
        };
        let letter = match r.clause_letter.as_deref() {
            None => None,
            Some(p) => Some(Point::parse(p).map_err(serde::de::Error::custom)?),
        };
        Self::new(r.instrument, r.article, r.clause, point)
            .and_then(|c| c.with_clause_letter(letter))
            .map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Citation {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Citation".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        CitationRepr::json_schema(generator)
    }
}

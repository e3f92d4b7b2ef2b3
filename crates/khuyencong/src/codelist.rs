//! The shared machinery of codelists: permanent codes, bilingual labels,
//! citation, validity window and confidence per regime (OCDS-style).

use chrono::NaiveDate;

use crate::law::{Citation, Confidence, Lang, Regime};

/// The facts behind one codelist value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeInfo {
    /// The permanent ASCII snake_case code.
    pub code: &'static str,
    /// The Vietnamese label (Unicode NFC).
    pub label_vi: &'static str,
    /// The English label.
    pub label_en: &'static str,
    /// Where the law defines the value (in the first regime it exists in).
    pub citation: Citation,
    /// Where the law defines the value under the 2025 regime, when that differs from
    /// `citation` (a point renumbered, or an amended clause that letters no points).
    pub citation_2025: Option<Citation>,
    /// The first day the value exists.
    pub valid_from: NaiveDate,
    /// The last day the value exists, if it has been retired.
    pub valid_until: Option<NaiveDate>,
    /// The regimes the value exists in, each with how sure the project is of it there.
    pub regimes: &'static [(Regime, Confidence)],
    /// A note for readers: what is uncertain or how the value is used.
    pub note: Option<&'static str>,
}

impl CodeInfo {
    /// The label in the requested language.
    pub const fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.label_vi,
            Lang::En => self.label_en,
        }
    }

    /// Whether the value exists on `date` (inside its window and in the regime of that date).
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        let in_window =
            self.valid_from <= date && self.valid_until.is_none_or(|until| date <= until);
        in_window && Regime::at(date).is_ok_and(|r| self.confidence_in(r).is_some())
    }

    /// Where the law defines the value under `regime`.
    pub fn citation_in(&self, regime: Regime) -> Citation {
        match (regime, self.citation_2025) {
            (Regime::Regime2025, Some(c)) => c,
            _ => self.citation,
        }
    }

    /// The confidence of the value under `regime`, or `None` when it does not exist there.
    pub fn confidence_in(&self, regime: Regime) -> Option<Confidence> {
        self.regimes
            .iter()
            .find(|(r, _)| *r == regime)
            .map(|(_, c)| *c)
    }

    /// The weakest confidence across the regimes the value exists in.
    pub fn confidence(&self) -> Confidence {
        self.regimes
            .iter()
            .map(|(_, c)| *c)
            .max()
            .unwrap_or(Confidence::Secondary)
    }
}

/// A typed codelist: an enum whose values carry [`CodeInfo`].
pub trait Codelist: Copy + Eq + std::hash::Hash + std::fmt::Debug + 'static {
    /// The list's name as the catalogue and CSV export use it (`activities`…).
    const LIST: &'static str;
    /// Every value, in the law's order.
    const ALL: &'static [Self];
    /// The facts of this value.
    fn info(self) -> &'static CodeInfo;
    /// The permanent code.
    fn code(self) -> &'static str {
        self.info().code
    }
    /// Looks a value up by its code.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
    /// The values valid on `date`.
    fn valid_on(date: NaiveDate) -> impl Iterator<Item = Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(move |v| v.info().valid_on(date))
    }
}

/// Regime tables used by the codelists.
pub(crate) mod regimes {
    use crate::law::Confidence::{Confirmed, Secondary};
    use crate::law::{Confidence, Regime};

    pub const BOTH: &[(Regime, Confidence)] = &[
        (Regime::Regime2012, Confirmed),
        (Regime::Regime2025, Confirmed),
    ];
    pub const BOTH_2025_SECONDARY: &[(Regime, Confidence)] = &[
        (Regime::Regime2012, Confirmed),
        (Regime::Regime2025, Secondary),
    ];
    pub const BOTH_SECONDARY: &[(Regime, Confidence)] = &[
        (Regime::Regime2012, Secondary),
        (Regime::Regime2025, Secondary),
    ];
    pub const ONLY_2012: &[(Regime, Confidence)] = &[(Regime::Regime2012, Confirmed)];
    pub const ONLY_2025: &[(Regime, Confidence)] = &[(Regime::Regime2025, Confirmed)];
    pub const ONLY_2025_SECONDARY: &[(Regime, Confidence)] = &[(Regime::Regime2025, Secondary)];
    pub const ONLY_2012_SECONDARY: &[(Regime, Confidence)] = &[(Regime::Regime2012, Secondary)];
}

/// Defines a codelist enum with its [`CodeInfo`] table, serde as the code,
/// and a JSON Schema of `oneOf` constants with Vietnamese and English titles.
macro_rules! codelist {
    (
        $(#[doc = $edoc:literal])*
        pub enum $name:ident : $list:literal {
            $(
                $(#[doc = $doc:literal])*
                $variant:ident = ($code:literal, $vi:literal, $en:literal,
                    $cite:expr, $from:expr, $until:expr, $regimes:expr $(, $note:expr)?
                    $(; in_2025: $cite25:expr)?)
            ),* $(,)?
        }
    ) => {
        $(#[doc = $edoc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl $crate::codelist::Codelist for $name {
            const LIST: &'static str = $list;
            const ALL: &'static [Self] = &[$(Self::$variant),*];
            fn info(self) -> &'static $crate::codelist::CodeInfo {
                match self {
                    $( Self::$variant => {
                        const INFO: $crate::codelist::CodeInfo = $crate::codelist::CodeInfo {
                            code: $code,
                            label_vi: $vi,
                            label_en: $en,
                            citation: $cite,
                            citation_2025: codelist!(@cite25 $($cite25)?),
                            valid_from: $from,
                            valid_until: $until,
                            regimes: $regimes,
                            note: codelist!(@note $($note)?),
                        };
                        &INFO
                    } )*
                }
            }
            fn code(self) -> &'static str {
                match self { $( Self::$variant => $code, )* }
            }
            fn from_code(code: &str) -> Option<Self> {
                match code { $( $code => Some(Self::$variant), )* _ => None }
            }
        }

        impl $name {
            /// The permanent code of this value.
            pub fn code(self) -> &'static str {
                <Self as $crate::codelist::Codelist>::code(self)
            }

            /// The label in the requested language.
            pub fn label(self, lang: $crate::law::Lang) -> &'static str {
                <Self as $crate::codelist::Codelist>::info(self).label(lang)
            }

            /// The citation that defines this value (in the first regime it exists in).
            pub fn citation(self) -> $crate::law::Citation {
                <Self as $crate::codelist::Codelist>::info(self).citation
            }

            /// The citation that defines this value under `regime`.
            pub fn citation_in(self, regime: $crate::law::Regime) -> $crate::law::Citation {
                <Self as $crate::codelist::Codelist>::info(self).citation_in(regime)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::codelist::deserialize_code(d)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $crate::codelist::schema_of::<Self>(concat!($($edoc, "\n",)*))
            }
        }
    };
    (@note $note:expr) => { Some($note) };
    (@note) => { None };
    (@cite25 $c:expr) => { Some($c) };
    (@cite25) => { None };
}
pub(crate) use codelist;

/// Deserializes a codelist value from its code, naming the valid codes on failure.
pub(crate) fn deserialize_code<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Codelist,
{
    struct V<T>(std::marker::PhantomData<T>);
    impl<T: Codelist> serde::de::Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "a code of the `{}` codelist", T::LIST)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            T::from_code(v).ok_or_else(|| E::custom(UnknownCode::new::<T>(v)))
        }
    }
    d.deserialize_str(V(std::marker::PhantomData))
}

/// An unknown code, as reported by deserialization.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown code `{code}` in codelist `{list}`")]
#[non_exhaustive]
pub struct UnknownCode {
    /// The codelist.
    pub list: &'static str,
    /// The code that was given.
    pub code: String,
}

impl UnknownCode {
    fn new<T: Codelist>(code: &str) -> Self {
        Self {
            list: T::LIST,
            code: code.chars().take(64).collect(),
        }
    }
}

/// The JSON Schema of a codelist: a string that is one of the codes, each with titles.
pub(crate) fn schema_of<T: Codelist>(doc: &str) -> schemars::Schema {
    let one_of: Vec<serde_json::Value> = T::ALL
        .iter()
        .map(|v| {
            let i = v.info();
            let until = i
                .valid_until
                .map_or_else(String::new, |d| format!(" … {d}"));
            let amended = i.citation_2025.map_or_else(String::new, |c| {
                format!(
                    "; from 2025-10-15: {}; {}",
                    c.render(Lang::Vi),
                    c.render(Lang::En)
                )
            });
            serde_json::json!({
                "const": i.code,
                "title": i.label_en,
                "description": format!(
                    "{} / {} — {}; {}{amended}; {}{}",
                    i.label_vi,
                    i.label_en,
                    i.citation.render(Lang::Vi),
                    i.citation.render(Lang::En),
                    i.valid_from,
                    until
                ),
                "x-label-vi": i.label_vi,
                "x-label-en": i.label_en,
            })
        })
        .collect();
    let doc = doc.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    schemars::json_schema!({
        "description": doc.trim(),
        "type": "string",
        "oneOf": one_of,
    })
}

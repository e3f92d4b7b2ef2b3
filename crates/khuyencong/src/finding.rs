//! Findings: the one result type of every check — a stable code, a severity, where
//! (JSON Pointer), which article, and a message in Vietnamese and English.
//!
//! Each kind of finding is declared once, next to the rule that reports it, with the
//! crate's `finding_kinds!` macro: its code, usual severity, citation, meaning,
//! fix, and the typed parameters its messages are rendered from. A rule reports a finding by
//! building the kind's value — `LegalFormNotEligible { form }.at("/legal_form")` — so the
//! compiler checks the code and every parameter. The messages are rendered from the parameters
//! only when they are read ([`Finding::message`]), printed or serialised: a caller that keeps
//! only errors never formats the text of an information finding.
//!
//! Every declared kind is listed by [`crate::registry`], which sits above the rule modules.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::law::{Citation, Confidence, Lang};

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document breaks the law or cannot be read: it must be fixed.
    #[schemars(title = "Error / Lỗi")]
    Error,
    /// A reviewer should look: unusual, or not assessed.
    #[schemars(title = "Warning / Cảnh báo")]
    Warning,
    /// For information: how a result was reached.
    #[schemars(title = "Information / Thông tin")]
    Info,
}

impl Severity {
    /// The permanent code.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }

    /// A label in the requested language.
    pub const fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Error, Lang::Vi) => "lỗi",
            (Self::Error, Lang::En) => "error",
            (Self::Warning, Lang::Vi) => "cảnh báo",
            (Self::Warning, Lang::En) => "warning",
            (Self::Info, Lang::Vi) => "thông tin",
            (Self::Info, Lang::En) => "info",
        }
    }
}

/// One problem or observation about a document or an applicant.
///
/// The data is primary: the messages ([`Finding::message`]) and the parameters
/// ([`Finding::params`]) are rendered from the finding's kind and its typed parameters when
/// they are read, printed or serialised. The JSON form has the fields `code`, `severity`,
/// `path`, `citation`, `confidence`, `message_vi`, `message_en`, `facts`, `params` and, for a
/// document read from a spreadsheet, `cell` (see `docs/schema/findings.schema.json`).
#[non_exhaustive]
pub struct Finding {
    /// Stable code, documented in docs/findings.md (e.g. `report.total_mismatch`).
    pub code: String,
    /// Severity.
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the place in the input the finding is about; `""` for the whole input.
    pub path: String,
    /// The legal provision the finding rests on, if any.
    pub citation: Option<Citation>,
    /// How sure the project is of the rule behind the finding, if it rests on one.
    pub confidence: Option<Confidence>,
    /// JSON Pointers of the input facts the finding used (a trace a caseworker can read).
    pub facts: Vec<String>,
    /// What the messages are rendered from.
    message: Message,
    /// Parameters added with [`Finding::param`] (the typed parameters of a declared kind are
    /// rendered on demand).
    extra: BTreeMap<String, serde_json::Value>,
    /// Where the value at `path` was read from, when the document came from a spreadsheet:
    /// a cell or row in Excel's A1 notation, e.g. `'Nguồn kinh phí'!D5` (set by the
    /// spreadsheet reader, `khuyencong-sheet`; never by a rule).
    pub cell: Option<String>,
}

/// The source of a finding's messages.
enum Message {
    /// Texts given when the finding was built ([`Finding::new`], or read from JSON).
    Text { vi: String, en: String },
    /// A declared kind with its typed parameters, rendered on demand.
    Kind(Box<dyn Kind>),
}

/// A declared kind of finding with its typed parameters (see [`finding_kinds!`]).
pub(crate) trait Kind: fmt::Debug + Send + Sync + 'static {
    /// The declaration: code, usual severity, citation, meaning and fix.
    fn def(&self) -> &'static FindingDef;
    /// Writes the message (`fix == false`) or the fix in `lang`.
    fn write(&self, fix: bool, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    /// Adds the typed parameters to `out`, by name.
    fn params(&self, out: &mut Params);
    /// A boxed copy.
    fn clone_box(&self) -> Box<dyn Kind>;
}

/// The typed parameters of a finding, by name, as they appear in its JSON form (collected
/// only when the finding's parameters are read or serialised).
#[derive(Default)]
pub(crate) struct Params(Vec<(&'static str, serde_json::Value)>);

impl Params {
    /// Adds a parameter; a later value of the same name replaces an earlier one.
    pub(crate) fn insert(&mut self, name: &'static str, value: serde_json::Value) {
        self.0.push((name, value));
    }
}

/// A value a finding's message can be rendered from, and how it appears in `params`.
pub(crate) trait Arg {
    /// Writes the value as the message in `lang` shows it.
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    /// The value in the finding's `params`.
    fn json(&self) -> serde_json::Value;
    /// Adds the value to `params` under `name` (a value may add several entries, or none).
    fn to_params(&self, name: &'static str, out: &mut Params) {
        out.insert(name, self.json());
    }
}

/// An [`Arg`] shown in a language (what a template's `{name}` writes).
pub(crate) struct Shown<'a, T: ?Sized>(pub &'a T, pub Lang);

impl<T: Arg + ?Sized> fmt::Display for Shown<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(self.1, f)
    }
}

impl Arg for str {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
    fn json(&self) -> serde_json::Value {
        self.into()
    }
}

impl Arg for &'static str {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
    fn json(&self) -> serde_json::Value {
        (*self).into()
    }
}

impl Arg for String {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
    fn json(&self) -> serde_json::Value {
        self.as_str().into()
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
            fn json(&self) -> serde_json::Value {
                (*self).into()
            }
        }
    )*};
}
number_args!(i32, i64, u32, u64, usize);

/// Amounts: in million đồng as the message's language writes them; `params` holds the
/// integer đồng.
impl Arg for crate::money::Vnd {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match lang {
            Lang::Vi => crate::money::format_million_vi(*self),
            Lang::En => crate::money::format_million_en(*self),
        })
    }
    fn json(&self) -> serde_json::Value {
        self.get().into()
    }
}

/// A list of numbers: joined by ", " in messages, an array in `params`.
impl Arg for Vec<u64> {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, n) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{n}")?;
        }
        Ok(())
    }
    fn json(&self) -> serde_json::Value {
        self.iter().copied().collect()
    }
}

/// A fixed text in Vietnamese and in English, shown in the message's language; not a
/// parameter (it adds nothing to `params`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Wording(pub &'static str, pub &'static str);

impl Arg for Wording {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match lang {
            Lang::Vi => self.0,
            Lang::En => self.1,
        })
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// A value shown in a message but not one of its parameters (it adds nothing to `params`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unlisted<T>(pub T);

impl<T: Arg> Arg for Unlisted<T> {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(lang, f)
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

/// A decimal number as a document writes it: a decimal comma in Vietnamese, a decimal point
/// in English and in `params` (a string, exactly as stated or computed).
#[derive(Debug, Clone)]
pub(crate) struct DecimalText(pub String);

impl Arg for DecimalText {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match lang {
            Lang::Vi => {
                for part in self.0.split_inclusive('.') {
                    match part.strip_suffix('.') {
                        Some(p) => {
                            f.write_str(p)?;
                            f.write_str(",")?;
                        }
                        None => f.write_str(part)?,
                    }
                }
                Ok(())
            }
            Lang::En => f.write_str(&self.0),
        }
    }
    fn json(&self) -> serde_json::Value {
        self.0.as_str().into()
    }
}

/// A date as `yyyy-mm-dd` in every language and in `params` (as the documents write it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct IsoDate(pub chrono::NaiveDate);

impl Arg for IsoDate {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
    fn json(&self) -> serde_json::Value {
        self.0.to_string().into()
    }
}

/// Dates: `dd/mm/yyyy` in Vietnamese, `yyyy-mm-dd` in English and in `params`.
impl Arg for chrono::NaiveDate {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use chrono::Datelike;
        match lang {
            Lang::Vi => write!(
                f,
                "{:02}/{:02}/{:04}",
                self.day(),
                self.month(),
                self.year()
            ),
            Lang::En => fmt::Display::fmt(self, f),
        }
    }
    fn json(&self) -> serde_json::Value {
        self.to_string().into()
    }
}

/// Citations render in the message's language; `params` holds the English rendering.
impl Arg for Citation {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(lang))
    }
    fn json(&self) -> serde_json::Value {
        self.render(Lang::En).into()
    }
}

/// The text of the law in force: its label; `params` holds its code.
impl Arg for crate::law::Regime {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(lang))
    }
    fn json(&self) -> serde_json::Value {
        self.code().into()
    }
}

/// Codelist values show as their permanent code, in messages and in `params`.
impl<T: crate::codelist::Codelist> Arg for T {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
    fn json(&self) -> serde_json::Value {
        self.code().into()
    }
}

/// A list of strings (JSON Pointers, codes): joined by ", " in messages, an array in `params`.
impl Arg for Vec<String> {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(s)?;
        }
        Ok(())
    }
    fn json(&self) -> serde_json::Value {
        self.iter().map(String::as_str).collect()
    }
}

/// An optional value: nothing in the message and no entry in `params` when absent.
impl<T: Arg> Arg for Option<T> {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_ref().map_or(Ok(()), |v| v.write(lang, f))
    }
    fn json(&self) -> serde_json::Value {
        self.as_ref().map_or(serde_json::Value::Null, Arg::json)
    }
    fn to_params(&self, name: &'static str, out: &mut Params) {
        if let Some(v) = self {
            v.to_params(name, out);
        }
    }
}

/// Declares an enum of texts a finding can show — the rows of a decision table, say — each
/// with a permanent code (what `params` holds) and a Vietnamese and an English format string.
/// The optional `shown` values (dates of the law, say) can be named in every text.
///
/// ```text
/// texts! {
///     /// Why a place is eligible under the 2012 text.
///     pub(crate) enum Why {
///         Commune = ("commune", "Xã: thuộc địa bàn được hỗ trợ.", "A commune: an eligible place."),
///     }
/// }
/// ```
macro_rules! texts {
    (
        $(#[doc = $doc:literal])*
        $vis:vis enum $name:ident {
            $(
                $(#[doc = $vdoc:literal])*
                $variant:ident = ($code:literal, $vi:literal, $en:literal $(,)?)
            ),* $(,)?
        }
        $(shown: { $($text:ident = $value:expr),* $(,)? })?
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name {
            $( $(#[doc = $vdoc])* $variant, )*
        }

        impl $name {
            /// The permanent code of the text.
            #[allow(dead_code, reason = "not every table is read by its code")]
            pub(crate) const fn code(self) -> &'static str {
                match self { $( Self::$variant => $code, )* }
            }
        }

        impl $crate::finding::Arg for $name {
            #[allow(unused_variables, reason = "a text need not show every value")]
            fn write(
                &self,
                lang: $crate::law::Lang,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                $($(let $text = $crate::finding::Shown(&$value, lang);)*)?
                match (self, lang) {
                    $(
                        (Self::$variant, $crate::law::Lang::Vi) => write!(f, $vi),
                        (Self::$variant, $crate::law::Lang::En) => write!(f, $en),
                    )*
                }
            }

            fn json(&self) -> serde_json::Value {
                self.code().into()
            }
        }
    };
}
pub(crate) use texts;

/// Declares the kinds of finding of one area, each next to its rule: for each kind a type
/// holding its typed parameters, its [`FindingDef`] (`Kind::DEF`), a constructor
/// `Kind { .. }.at(path)` that gives the [`Finding`], and the area's list `KINDS` for the
/// registry. Messages and fixes are format strings over the parameters (and over `text`
/// values, which are shown but not part of `params`), rendered only when read.
///
/// ```text
/// finding_kinds! {
///     /// The legal form is not one of a rural industrial establishment.
///     LegalFormNotEligible {
///         code: "eligibility.legal_form_not_eligible",
///         severity: Error,
///         citation: Some(ART_1_2_A),
///         meaning: ("Loại hình không thuộc …", "The legal form is not …"),
///         fix: ("Không khắc phục được …", "Not curable for this activity …"),
///         params: { form: LegalForm },
///         message: ("Loại hình `{form}` không phải …", "Legal form `{form}` is not …"),
///     }
/// }
/// ```
macro_rules! finding_kinds {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident {
            code: $code:literal,
            severity: $severity:ident,
            citation: $citation:expr,
            meaning: ($meaning_vi:literal, $meaning_en:literal $(,)?),
            fix: ($fix_vi:literal, $fix_en:literal $(,)?),
            params: { $($param:ident : $ty:ty),* $(,)? },
            $(text: { $($text:ident = $value:expr),* $(,)? },)?
            message: $($message:tt)+
        }
    )*) => {
        $(
            $(#[doc = $doc])*
            #[derive(Debug, Clone)]
            #[allow(clippy::struct_field_names, reason = "the fields are the names of the parameters in JSON")]
            pub(crate) struct $name {
                $(pub(crate) $param: $ty,)*
            }

            impl $name {
                /// The declaration of this kind.
                pub(crate) const DEF: $crate::finding::FindingDef = $crate::finding::FindingDef {
                    code: $code,
                    severity: $crate::finding::Severity::$severity,
                    citation: $citation,
                    meaning_vi: $meaning_vi,
                    meaning_en: $meaning_en,
                    fix_vi: $fix_vi,
                    fix_en: $fix_en,
                };

                /// The finding at `path`, with the kind's severity and citation.
                pub(crate) fn at(self, path: impl Into<String>) -> $crate::finding::Finding {
                    $crate::finding::Finding::of(path, self)
                }
            }

            impl $crate::finding::Kind for $name {
                fn def(&self) -> &'static $crate::finding::FindingDef {
                    &Self::DEF
                }

                #[allow(unused_variables, reason = "a template need not show every parameter")]
                fn write(
                    &self,
                    fix: bool,
                    lang: $crate::law::Lang,
                    f: &mut ::std::fmt::Formatter<'_>,
                ) -> ::std::fmt::Result {
                    let kind = self;
                    $(let $param = $crate::finding::Shown(&self.$param, lang);)*
                    $($(let $text = $crate::finding::Shown(&$value, lang);)*)?
                    match (fix, lang) {
                        (true, $crate::law::Lang::Vi) => write!(f, $fix_vi),
                        (true, $crate::law::Lang::En) => write!(f, $fix_en),
                        (false, lang) => $crate::finding::finding_message!(
                            kind, lang, f, $($message)+
                        ),
                    }
                }

                #[allow(unused_variables, reason = "a kind may have no parameter")]
                fn params(&self, out: &mut $crate::finding::Params) {
                    $($crate::finding::Arg::to_params(&self.$param, stringify!($param), out);)*
                }

                fn clone_box(&self) -> Box<dyn $crate::finding::Kind> {
                    Box::new(self.clone())
                }
            }
        )*

        /// Every kind of finding declared in this module, for the registry.
        pub(crate) const KINDS: &[&$crate::finding::FindingDef] = &[$(&$name::DEF),*];
    };
}
pub(crate) use finding_kinds;

/// The message part of [`finding_kinds!`]: one pair of templates, or one pair per value of a
/// parameter (`match param { Pattern => ("vi", "en"), … }`).
macro_rules! finding_message {
    ($self:ident, $lang:ident, $f:ident, ($vi:literal, $en:literal $(,)?) $(,)?) => {
        match $lang {
            $crate::law::Lang::Vi => write!($f, $vi),
            $crate::law::Lang::En => write!($f, $en),
        }
    };
    ($self:ident, $lang:ident, $f:ident, match $selector:ident {
        $($pattern:pat => ($vi:literal, $en:literal $(,)?)),* $(,)?
    } $(,)?) => {
        match ($self.$selector, $lang) {
            $(
                ($pattern, $crate::law::Lang::Vi) => write!($f, $vi),
                ($pattern, $crate::law::Lang::En) => write!($f, $en),
            )*
        }
    };
}
pub(crate) use finding_message;

/// Declares an enum of permanent codes (what `params` holds and what a message shows), e.g.
/// a parameter that selects a kind's message with `message: match`.
macro_rules! codes {
    (
        $(#[doc = $doc:literal])*
        $vis:vis enum $name:ident {
            $( $(#[doc = $vdoc:literal])* $variant:ident = $code:literal ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name {
            $( $(#[doc = $vdoc])* $variant, )*
        }

        impl $crate::finding::Arg for $name {
            fn write(
                &self,
                _: $crate::law::Lang,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> ::std::fmt::Result {
                f.write_str(match self { $( Self::$variant => $code, )* })
            }

            fn json(&self) -> serde_json::Value {
                match self { $( Self::$variant => $code, )* }.into()
            }
        }
    };
}
pub(crate) use codes;

impl Finding {
    /// A finding with a code, severity, path and messages given as text; add the rest with
    /// the builders.
    ///
    /// The library itself builds none this way: each of its findings is of a kind declared
    /// once with `finding_kinds!`, whose messages are rendered only when read (a test of the
    /// crate keeps it so).
    pub fn new(
        code: &str,
        severity: Severity,
        path: impl Into<String>,
        message_vi: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Self {
            code: code.to_owned(),
            severity,
            path: path.into(),
            citation: None,
            confidence: None,
            facts: Vec::new(),
            message: Message::Text {
                vi: message_vi.into(),
                en: message_en.into(),
            },
            extra: BTreeMap::new(),
            cell: None,
        }
    }

    /// A finding of a declared kind at `path`, with the kind's code, severity and citation.
    pub(crate) fn of<K: Kind>(path: impl Into<String>, kind: K) -> Self {
        let def = kind.def();
        Self {
            code: def.code.to_owned(),
            severity: def.severity,
            path: path.into(),
            citation: def.citation,
            confidence: None,
            facts: Vec::new(),
            message: Message::Kind(Box::new(kind)),
            extra: BTreeMap::new(),
            cell: None,
        }
    }

    /// Sets the citation.
    #[must_use]
    pub fn cite(mut self, citation: Citation) -> Self {
        self.citation = Some(citation);
        self
    }

    /// Sets the confidence of the rule.
    #[must_use]
    pub fn confidence(mut self, confidence: Confidence) -> Self {
        self.confidence = Some(confidence);
        self
    }

    /// Adds a parameter.
    #[must_use]
    pub fn param(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.extra.insert(key.to_owned(), value.into());
        self
    }

    /// Adds the pointers of the facts used.
    #[must_use]
    pub fn facts<I, S>(mut self, facts: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.facts.extend(facts.into_iter().map(Into::into));
        self
    }

    /// The message in the requested language, rendered now if the finding is of a declared kind.
    pub fn message(&self, lang: Lang) -> Cow<'_, str> {
        match (&self.message, lang) {
            (Message::Text { vi, .. }, Lang::Vi) => Cow::Borrowed(vi),
            (Message::Text { en, .. }, Lang::En) => Cow::Borrowed(en),
            (Message::Kind(_), _) => Cow::Owned(self.display(lang).to_string()),
        }
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> Cow<'_, str> {
        self.message(Lang::Vi)
    }

    /// The message in English.
    pub fn message_en(&self) -> Cow<'_, str> {
        self.message(Lang::En)
    }

    /// The message in `lang` as a value that writes it where it is printed (no string is built).
    pub fn display(&self, lang: Lang) -> impl fmt::Display + '_ {
        Rendered {
            finding: self,
            fix: false,
            lang,
        }
    }

    /// How to fix this finding, rendered from its parameters — for a finding of a declared
    /// kind; `None` for one built from text ([`Finding::new`]).
    pub fn fix(&self, lang: Lang) -> Option<String> {
        match &self.message {
            Message::Kind(_) => Some(
                Rendered {
                    finding: self,
                    fix: true,
                    lang,
                }
                .to_string(),
            ),
            Message::Text { .. } => None,
        }
    }

    /// The declaration of the finding's kind, for a finding of a declared kind.
    pub fn def(&self) -> Option<&'static FindingDef> {
        match &self.message {
            Message::Kind(k) => Some(k.def()),
            Message::Text { .. } => None,
        }
    }

    /// The values the messages were rendered from, by name (built now for a declared kind).
    pub fn params(&self) -> Cow<'_, BTreeMap<String, serde_json::Value>> {
        match &self.message {
            Message::Kind(k) => {
                let mut typed = Params::default();
                k.params(&mut typed);
                let mut out = self.extra.clone();
                out.extend(typed.0.into_iter().map(|(k, v)| (k.to_owned(), v)));
                Cow::Owned(out)
            }
            Message::Text { .. } => Cow::Borrowed(&self.extra),
        }
    }

    /// The parameters sorted by name, borrowed where they can be (for serialising).
    fn params_sorted(&self) -> Vec<(&str, Cow<'_, serde_json::Value>)> {
        let mut out: Vec<(&str, Cow<'_, serde_json::Value>)> = self
            .extra
            .iter()
            .map(|(k, v)| (k.as_str(), Cow::Borrowed(v)))
            .collect();
        if let Message::Kind(k) = &self.message {
            let mut typed = Params::default();
            k.params(&mut typed);
            out.extend(typed.0.into_iter().map(|(k, v)| (k, Cow::Owned(v))));
            // Stable: of two values of one name, the later (typed) one is kept.
            out.sort_by(|a, b| a.0.cmp(b.0));
            let mut i = 0;
            while i + 1 < out.len() {
                if out[i].0 == out[i + 1].0 {
                    out.remove(i);
                } else {
                    i += 1;
                }
            }
        }
        out
    }

    /// The deterministic order of findings: by path, then severity, then code, then message.
    pub fn sort(findings: &mut [Self]) {
        findings.sort_by(|a, b| {
            (&a.path, a.severity, &a.code)
                .cmp(&(&b.path, b.severity, &b.code))
                // Rendered only to break a tie.
                .then_with(|| a.message_en().cmp(&b.message_en()))
        });
    }
}

/// `severity code at path: message (citation)` — Vietnamese by default; the alternate form
/// (`{:#}`) renders English, as [`Citation`]'s `Display` does. With [`std::error::Error`], a
/// finding can travel through `?` into `Box<dyn Error>` or an `anyhow`-style error.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = if f.alternate() { Lang::En } else { Lang::Vi };
        write!(f, "{} {}", self.severity.label(lang), self.code)?;
        if !self.path.is_empty() {
            let at = match lang {
                Lang::Vi => "tại",
                Lang::En => "at",
            };
            write!(f, " {at} {}", self.path)?;
        }
        if let Some(cell) = &self.cell {
            write!(f, " [{cell}]")?;
        }
        write!(f, ": {}", self.display(lang))?;
        match (&self.citation, lang) {
            (Some(c), Lang::Vi) => write!(f, " ({c})"),
            (Some(c), Lang::En) => write!(f, " ({c:#})"),
            (None, _) => Ok(()),
        }
    }
}

impl std::error::Error for Finding {}

/// A finding's message or fix, written on demand.
struct Rendered<'a> {
    finding: &'a Finding,
    fix: bool,
    lang: Lang,
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.finding.message, self.lang) {
            (Message::Kind(k), lang) => k.write(self.fix, lang, f),
            (Message::Text { vi, .. }, Lang::Vi) => f.write_str(vi),
            (Message::Text { en, .. }, Lang::En) => f.write_str(en),
        }
    }
}

impl Clone for Finding {
    fn clone(&self) -> Self {
        Self {
            code: self.code.clone(),
            severity: self.severity,
            path: self.path.clone(),
            citation: self.citation,
            confidence: self.confidence,
            facts: self.facts.clone(),
            message: match &self.message {
                Message::Text { vi, en } => Message::Text {
                    vi: vi.clone(),
                    en: en.clone(),
                },
                Message::Kind(k) => Message::Kind(k.clone_box()),
            },
            extra: self.extra.clone(),
            cell: self.cell.clone(),
        }
    }
}

impl fmt::Debug for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Finding");
        d.field("code", &self.code)
            .field("severity", &self.severity)
            .field("path", &self.path)
            .field("citation", &self.citation)
            .field("confidence", &self.confidence);
        match &self.message {
            Message::Text { vi, en } => d.field("message_vi", vi).field("message_en", en),
            Message::Kind(k) => d.field("kind", k),
        };
        d.field("facts", &self.facts)
            .field("params", &self.extra)
            .field("cell", &self.cell)
            .finish()
    }
}

/// Two findings are equal when their JSON forms are: same fields, same rendered messages,
/// same parameters.
impl PartialEq for Finding {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
            && self.severity == other.severity
            && self.path == other.path
            && self.citation == other.citation
            && self.confidence == other.confidence
            && self.facts == other.facts
            && self.message_vi() == other.message_vi()
            && self.message_en() == other.message_en()
            && self.params() == other.params()
            && self.cell == other.cell
    }
}

impl Eq for Finding {}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let params = self.params_sorted();
        let mut st = s.serialize_struct("Finding", 10)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("path", &self.path)?;
        if let Some(c) = &self.citation {
            st.serialize_field("citation", c)?;
        } else {
            st.skip_field("citation")?;
        }
        if let Some(c) = &self.confidence {
            st.serialize_field("confidence", c)?;
        } else {
            st.skip_field("confidence")?;
        }
        st.serialize_field("message_vi", &Collected(self.display(Lang::Vi)))?;
        st.serialize_field("message_en", &Collected(self.display(Lang::En)))?;
        if self.facts.is_empty() {
            st.skip_field("facts")?;
        } else {
            st.serialize_field("facts", &self.facts)?;
        }
        if params.is_empty() {
            st.skip_field("params")?;
        } else {
            st.serialize_field("params", &SortedParams(&params))?;
        }
        if let Some(cell) = &self.cell {
            st.serialize_field("cell", cell)?;
        } else {
            st.skip_field("cell")?;
        }
        st.end()
    }
}

/// Parameters sorted by name, serialised as a map.
struct SortedParams<'a>(&'a [(&'a str, Cow<'a, serde_json::Value>)]);

impl Serialize for SortedParams<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (*k, &**v)))
    }
}

/// A `Display` value serialised as a string, written straight into the output.
struct Collected<T>(T);

impl<T: fmt::Display> Serialize for Collected<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

// The JSON form of a `Finding`, for reading one back and for its schema (its doc comment
// is the schema's description).
/// One problem or observation about a document or an applicant.
///
/// The data is primary; `message_vi` and `message_en` are renderings of `code` and `params`.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename = "Finding")]
struct FindingForm {
    /// Stable code, documented in docs/findings.md (e.g. `report.total_mismatch`).
    code: String,
    /// Severity.
    severity: Severity,
    /// JSON Pointer (RFC 6901) to the place in the input the finding is about; `""` for the whole input.
    path: String,
    /// The legal provision the finding rests on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    citation: Option<Citation>,
    /// How sure the project is of the rule behind the finding, if it rests on one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    confidence: Option<Confidence>,
    /// The message in Vietnamese.
    message_vi: String,
    /// The message in English.
    message_en: String,
    /// JSON Pointers of the input facts the finding used (a trace a caseworker can read).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    facts: Vec<String>,
    /// The values the messages were rendered from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    params: BTreeMap<String, serde_json::Value>,
    /// Where the value at `path` was read from, when the document came from a spreadsheet:
    /// a cell or row in Excel's A1 notation, e.g. `'Nguồn kinh phí'!D5` (set by the
    /// spreadsheet reader, `khuyencong-sheet`; never by a rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = FindingForm::deserialize(d)?;
        Ok(Self {
            code: f.code,
            severity: f.severity,
            path: f.path,
            citation: f.citation,
            confidence: f.confidence,
            facts: f.facts,
            message: Message::Text {
                vi: f.message_vi,
                en: f.message_en,
            },
            extra: f.params,
            cell: f.cell,
        })
    }
}

impl JsonSchema for Finding {
    fn schema_name() -> Cow<'static, str> {
        FindingForm::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::Finding"))
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        FindingForm::json_schema(generator)
    }
}

/// The documentation of one finding code: what it means, its basis and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FindingDef {
    /// The stable code.
    pub code: &'static str,
    /// The usual severity.
    pub severity: Severity,
    /// The legal basis, when the finding rests on one article.
    pub citation: Option<Citation>,
    /// What it means, in Vietnamese.
    pub meaning_vi: &'static str,
    /// What it means, in English.
    pub meaning_en: &'static str,
    /// How to fix it, in Vietnamese.
    pub fix_vi: &'static str,
    /// How to fix it, in English.
    pub fix_en: &'static str,
}

/// Escapes one JSON Pointer reference token (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn escape_token(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1").into()
    } else {
        token.into()
    }
}

#[cfg(test)]
mod tests {
    use std::fmt;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::{Arg, Finding, Lang, Severity};

    /// Counts how often it is shown, to see when messages are rendered.
    #[derive(Debug, Clone, Copy)]
    pub(crate) struct Counted(u32);

    static SHOWN: AtomicUsize = AtomicUsize::new(0);

    impl Arg for Counted {
        fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            SHOWN.fetch_add(1, Ordering::SeqCst);
            write!(f, "{}", self.0)
        }
        fn json(&self) -> serde_json::Value {
            self.0.into()
        }
    }

    finding_kinds! {
        /// A kind for the tests.
        Probe {
            code: "test.probe",
            severity: Info,
            citation: None,
            meaning: ("Thử.", "A probe."),
            fix: ("Sửa {n}.", "Fix {n}."),
            params: { n: Counted, label: &'static str },
            message: ("Giá trị {n} ({label}).", "Value {n} ({label})."),
        }
    }

    #[test]
    fn messages_are_rendered_only_when_read() {
        let before = SHOWN.load(Ordering::SeqCst);
        let f = Probe {
            n: Counted(7),
            label: "x",
        }
        .at("/a");
        let copy = f.clone();
        assert_eq!(SHOWN.load(Ordering::SeqCst), before, "built, not rendered");
        assert_eq!(
            (f.code.as_str(), f.severity),
            ("test.probe", Severity::Info)
        );
        assert_eq!(f.message_vi(), "Giá trị 7 (x).");
        assert_eq!(f.message(Lang::En), "Value 7 (x).");
        assert_eq!(f.fix(Lang::En).as_deref(), Some("Fix 7."));
        assert!(SHOWN.load(Ordering::SeqCst) > before);
        assert_eq!(f, copy);
        assert_eq!(f.def().map(|d| d.code), Some("test.probe"));
        assert_eq!(Probe::DEF.severity, Severity::Info);
        assert_eq!(KINDS.len(), 1);
    }

    /// `Display` names severity, code, place, message and citation, in Vietnamese by default
    /// and in English with `{:#}`; a finding is a `std::error::Error`, so `?` carries it.
    #[test]
    fn display_and_error() {
        use crate::law::{Citation, InstrumentId, Point};

        fn fails(f: Finding) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
            Err(f)?
        }

        let f = Probe {
            n: Counted(5),
            label: "z",
        }
        .at("/funding/lines/0")
        .cite(
            Citation::article(InstrumentId::Nd45_2012, 4)
                .clause(1)
                .point(Point::A),
        );
        assert_eq!(
            f.to_string(),
            format!(
                "thông tin test.probe tại /funding/lines/0: Giá trị 5 (z). ({})",
                f.citation
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            )
        );
        assert!(f.to_string().contains("Nghị định"), "{f}");
        let en = format!("{f:#}");
        assert!(
            en.starts_with("info test.probe at /funding/lines/0: Value 5 (z). (")
                && en.contains("Decree"),
            "{en}"
        );
        let whole = Finding::new("x.y", Severity::Error, "", "Hỏng.", "Broken.");
        assert_eq!(whole.to_string(), "lỗi x.y: Hỏng.");
        assert_eq!(format!("{whole:#}"), "error x.y: Broken.");

        let e = fails(whole).expect_err("an error");
        assert_eq!(e.to_string(), "lỗi x.y: Hỏng.");
    }

    /// The JSON form of a declared kind is the form of a finding given as text: the same
    /// fields, the messages rendered, the typed parameters (sorted, with the added ones).
    #[test]
    fn json_form_and_round_trip() {
        let typed = Probe {
            n: Counted(3),
            label: "y",
        }
        .at("/b")
        .param("extra", 1)
        .facts(["/b/c"]);
        let json = serde_json::to_value(&typed).expect("json");
        assert_eq!(
            json,
            serde_json::json!({
                "code": "test.probe", "severity": "info", "path": "/b",
                "message_vi": "Giá trị 3 (y).", "message_en": "Value 3 (y).",
                "facts": ["/b/c"], "params": {"extra": 1, "label": "y", "n": 3},
            })
        );
        let text: Finding = serde_json::from_value(json.clone()).expect("read back");
        assert_eq!(text, typed);
        assert_eq!(serde_json::to_value(&text).expect("json"), json);
        assert_eq!(text.params()["n"], 3);
        assert!(text.fix(Lang::Vi).is_none() && text.def().is_none());
    }

    /// Findings sort by path, severity and code; the message breaks a tie.
    #[test]
    fn sort_order() {
        let probe = |n, path: &str| {
            Probe {
                n: Counted(n),
                label: "z",
            }
            .at(path)
        };
        let mut v = vec![
            probe(2, "/b"),
            Finding::new("a.code", Severity::Error, "/b", "vi", "en"),
            probe(9, "/a"),
            probe(1, "/b"),
        ];
        Finding::sort(&mut v);
        let got: Vec<(String, String)> = v
            .iter()
            .map(|f| (f.path.clone(), f.message_en().into_owned()))
            .collect();
        assert_eq!(
            got,
            [
                ("/a".into(), "Value 9 (z).".into()),
                ("/b".into(), "en".into()),
                ("/b".into(), "Value 1 (z).".into()),
                ("/b".into(), "Value 2 (z).".into()),
            ]
        );
    }
}

//! The reporting JSON reader: reads JSON text (already checked to be UTF-8) into a
//! [`serde_json::Value`] without recursion, and says exactly what is wrong and where when it
//! cannot — the kind of syntax error (from its own grammar, never from a message's text), its
//! line and column and the JSON Pointer of the value being read — and what JSON Schema
//! cannot see: every duplicate key, numbers written with a fraction or an exponent, integers
//! beyond 64 bits, and nesting deeper than [`MAX_DEPTH`](super::MAX_DEPTH).

use serde_json::{Map, Number, Value};

use crate::finding::escape_token;

/// What is wrong with the JSON text at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SyntaxKind {
    /// The text ends before the JSON is complete.
    Truncated,
    /// A character where another was expected.
    Unexpected {
        /// The character found.
        found: char,
        /// What was expected there.
        expected: Expected,
    },
    /// A comma right before `}` or `]`.
    TrailingComma,
    /// A raw control character (below U+0020) inside a string.
    ControlCharacter(char),
    /// A backslash escape JSON does not define.
    InvalidEscape(String),
    /// A `\u` escape of half a UTF-16 surrogate pair.
    LoneSurrogate(String),
    /// A number that does not follow JSON's grammar (`01`, `1.`, `-`, `1e`).
    InvalidNumber(String),
    /// Deeper nesting than the limit.
    TooDeep,
    /// More values than [`MAX_VALUES`]: far more than any document holds.
    TooManyValues,
}

/// The most values (strings, numbers, objects…) the reporting reader keeps: a bound on the
/// memory it needs, whatever the input (a plan of 100 000 schemes holds about 500 000).
pub(crate) const MAX_VALUES: usize = 1_000_000;

/// What the reader expected where it found something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expected {
    /// Any JSON value.
    Value,
    /// A key (a string) of an object.
    Key,
    /// `:` after a key.
    Colon,
    /// `,` or `}` after a member of an object.
    CommaOrBrace,
    /// `,` or `]` after an item of an array.
    CommaOrBracket,
    /// Nothing: the document has ended.
    End,
}

/// A syntax error: what, where in the text, and the JSON Pointer of the value being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// What is wrong.
    pub kind: SyntaxKind,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// The JSON Pointer of the value being read.
    pub path: String,
}

/// How a number was written, when JSON Schema's view of it differs from the library's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberForm {
    /// With a fraction or an exponent (`1400.0`, `1.4e9`): never a whole quantity.
    Float,
    /// An integer beyond the 64-bit range, kept as the nearest float for the schema.
    BigInteger,
}

/// Everything the reader learnt about one JSON text.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    /// The value, when the text is JSON (a duplicate key keeps its first value).
    pub value: Option<Value>,
    /// The syntax error, when the text is not JSON.
    pub error: Option<SyntaxError>,
    /// The top-level object's members read before a syntax error (for `kind` and `id`).
    pub partial_root: Option<Map<String, Value>>,
    /// Every duplicate key: the object's pointer and the key.
    pub duplicates: Vec<(String, String)>,
    /// Every number written as a float or beyond 64 bits: its pointer, form and text.
    pub numbers: Vec<(String, NumberForm, String)>,
}

enum Frame {
    Object {
        map: Map<String, Value>,
        /// The key of the member being read, and whether it repeats an earlier key.
        key: Option<(String, bool)>,
        base: usize,
    },
    Array {
        items: Vec<Value>,
        base: usize,
    },
}

struct Reader<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    values: usize,
    path: String,
    out: Parsed,
}

type Step<T> = Result<T, (SyntaxKind, usize)>;

/// Reads `text` (UTF-8 already checked).
pub(crate) fn parse(text: &str, max_depth: usize) -> Parsed {
    let mut r = Reader {
        text,
        b: text.as_bytes(),
        i: 0,
        values: 0,
        path: String::new(),
        out: Parsed::default(),
    };
    let mut stack: Vec<Frame> = Vec::new();
    let result = r.run(&mut stack, max_depth);
    match result {
        Ok(value) => r.out.value = Some(value),
        Err((kind, at)) => {
            let (line, column) = position(text, at);
            if let Some(Frame::Object { map, .. }) = stack.into_iter().next() {
                r.out.partial_root = Some(map);
            }
            r.out.error = Some(SyntaxError {
                kind,
                line,
                column,
                path: r.path.clone(),
            });
        }
    }
    r.out
}

/// Line (from 1) and column (in characters, from 1) of byte offset `at`.
pub(crate) fn position(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let mut start = at;
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = &text.as_bytes()[..start];
    let line = 1 + before.split(|b| *b == b'\n').count() - 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let column = 1 + text[line_start..start].chars().count();
    (line, column)
}

impl Reader<'_> {
    fn skip_ws(&mut self) {
        while let Some(c) = self.b.get(self.i) {
            if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    fn found(&self) -> char {
        self.text
            .get(self.i..)
            .and_then(|s| s.chars().next())
            .unwrap_or('\0')
    }

    fn unexpected(&self, expected: Expected) -> (SyntaxKind, usize) {
        if self.i >= self.b.len() {
            (SyntaxKind::Truncated, self.i)
        } else {
            (
                SyntaxKind::Unexpected {
                    found: self.found(),
                    expected,
                },
                self.i,
            )
        }
    }

    fn run(&mut self, stack: &mut Vec<Frame>, max_depth: usize) -> Step<Value> {
        'value: loop {
            // A value starts here.
            self.skip_ws();
            self.values += 1;
            if self.values > MAX_VALUES {
                return Err((SyntaxKind::TooManyValues, self.i));
            }
            let mut value = match self.b.get(self.i) {
                None => return Err((SyntaxKind::Truncated, self.i)),
                Some(b'{') => {
                    if stack.len() >= max_depth {
                        return Err((SyntaxKind::TooDeep, self.i));
                    }
                    self.i += 1;
                    let base = self.path.len();
                    self.skip_ws();
                    if self.b.get(self.i) == Some(&b'}') {
                        self.i += 1;
                        Value::Object(Map::new())
                    } else {
                        stack.push(Frame::Object {
                            map: Map::new(),
                            key: None,
                            base,
                        });
                        self.key(stack)?;
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    if stack.len() >= max_depth {
                        return Err((SyntaxKind::TooDeep, self.i));
                    }
                    self.i += 1;
                    let base = self.path.len();
                    self.skip_ws();
                    if self.b.get(self.i) == Some(&b']') {
                        self.i += 1;
                        Value::Array(Vec::new())
                    } else {
                        stack.push(Frame::Array {
                            items: Vec::new(),
                            base,
                        });
                        self.path.push_str("/0");
                        continue 'value;
                    }
                }
                Some(b'"') => Value::String(self.string()?),
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b't') => self.literal("true", Value::Bool(true))?,
                Some(b'f') => self.literal("false", Value::Bool(false))?,
                Some(b'n') => self.literal("null", Value::Null)?,
                Some(_) => return Err(self.unexpected(Expected::Value)),
            };
            // The value is complete: attach it to its container, closing containers as
            // they end, until another value starts or the document ends.
            loop {
                let Some(frame) = stack.last_mut() else {
                    self.skip_ws();
                    if self.i < self.b.len() {
                        return Err(self.unexpected(Expected::End));
                    }
                    return Ok(value);
                };
                match frame {
                    Frame::Object { map, key, base } => {
                        if let Some((k, duplicate)) = key.take()
                            && !duplicate
                        {
                            map.insert(k, value);
                        }
                        let base = *base;
                        self.path.truncate(base);
                        self.skip_ws();
                        match self.b.get(self.i) {
                            Some(b',') => {
                                let comma = self.i;
                                self.i += 1;
                                self.skip_ws();
                                if self.b.get(self.i) == Some(&b'}') {
                                    return Err((SyntaxKind::TrailingComma, comma));
                                }
                                self.key(stack)?;
                                continue 'value;
                            }
                            Some(b'}') => {
                                self.i += 1;
                                let Some(Frame::Object { map, .. }) = stack.pop() else {
                                    return Err((SyntaxKind::Truncated, self.i));
                                };
                                value = Value::Object(map);
                            }
                            _ => return Err(self.unexpected(Expected::CommaOrBrace)),
                        }
                    }
                    Frame::Array { items, base } => {
                        items.push(value);
                        let (base, next) = (*base, items.len());
                        self.path.truncate(base);
                        self.skip_ws();
                        match self.b.get(self.i) {
                            Some(b',') => {
                                let comma = self.i;
                                self.i += 1;
                                self.skip_ws();
                                if self.b.get(self.i) == Some(&b']') {
                                    return Err((SyntaxKind::TrailingComma, comma));
                                }
                                push_index(&mut self.path, next);
                                continue 'value;
                            }
                            Some(b']') => {
                                self.i += 1;
                                let Some(Frame::Array { items, .. }) = stack.pop() else {
                                    return Err((SyntaxKind::Truncated, self.i));
                                };
                                value = Value::Array(items);
                            }
                            _ => return Err(self.unexpected(Expected::CommaOrBracket)),
                        }
                    }
                }
            }
        }
    }

    /// Reads `"key":` of the object on top of the stack and points the path at its value.
    fn key(&mut self, stack: &mut [Frame]) -> Step<()> {
        self.skip_ws();
        if self.b.get(self.i) != Some(&b'"') {
            return Err(self.unexpected(Expected::Key));
        }
        let k = self.string()?;
        self.skip_ws();
        if self.b.get(self.i) != Some(&b':') {
            return Err(self.unexpected(Expected::Colon));
        }
        self.i += 1;
        if let Some(Frame::Object { map, key, base }) = stack.last_mut() {
            let duplicate = map.contains_key(&k);
            if duplicate {
                self.out
                    .duplicates
                    .push((self.path[..*base].to_owned(), k.clone()));
            }
            self.path.push('/');
            self.path.push_str(&escape_token(&k));
            *key = Some((k, duplicate));
        }
        Ok(())
    }

    fn literal(&mut self, word: &str, value: Value) -> Step<Value> {
        for (n, expected) in word.bytes().enumerate() {
            match self.b.get(self.i + n) {
                Some(c) if *c == expected => {}
                None => return Err((SyntaxKind::Truncated, self.i + n)),
                Some(_) => {
                    self.i += n;
                    return Err(self.unexpected(Expected::Value));
                }
            }
        }
        self.i += word.len();
        Ok(value)
    }

    fn string(&mut self) -> Step<String> {
        // At the opening quote.
        self.i += 1;
        // The usual string, without an escape: one allocation of its length.
        if let Some(stop) = stop(&self.b[self.i.min(self.b.len())..])
            && self.b.get(self.i + stop) == Some(&b'"')
        {
            let out = self.text[self.i..self.i + stop].to_owned();
            self.i += stop + 1;
            return Ok(out);
        }
        let mut out = String::new();
        loop {
            let rest = &self.b[self.i.min(self.b.len())..];
            let Some(stop) = stop(rest) else {
                return Err((SyntaxKind::Truncated, self.b.len()));
            };
            out.push_str(&self.text[self.i..self.i + stop]);
            self.i += stop;
            match self.b[self.i] {
                b'"' => {
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => self.escape(&mut out)?,
                c => return Err((SyntaxKind::ControlCharacter(char::from(c)), self.i)),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Step<()> {
        let at = self.i;
        let Some(&c) = self.b.get(self.i + 1) else {
            return Err((SyntaxKind::Truncated, self.b.len()));
        };
        self.i += 2;
        let simple = match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4(at)?;
                let ch = if (0xD800..0xDC00).contains(&first) {
                    // A high surrogate must be followed by `\u` and a low one.
                    if self.b.get(self.i) == Some(&b'\\') && self.b.get(self.i + 1) == Some(&b'u') {
                        self.i += 2;
                        let second = self.hex4(at)?;
                        if !(0xDC00..0xE000).contains(&second) {
                            return Err((SyntaxKind::LoneSurrogate(self.slice(at)), at));
                        }
                        char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                    } else if self.i >= self.b.len() {
                        return Err((SyntaxKind::Truncated, self.i));
                    } else {
                        return Err((SyntaxKind::LoneSurrogate(self.slice(at)), at));
                    }
                } else if (0xDC00..0xE000).contains(&first) {
                    return Err((SyntaxKind::LoneSurrogate(self.slice(at)), at));
                } else {
                    char::from_u32(first)
                };
                let Some(ch) = ch else {
                    return Err((SyntaxKind::InvalidEscape(self.slice(at)), at));
                };
                out.push(ch);
                return Ok(());
            }
            _ => {
                let end = (at + 1 + self.found_len(at + 1)).min(self.b.len());
                return Err((SyntaxKind::InvalidEscape(self.text[at..end].to_owned()), at));
            }
        };
        out.push(simple);
        Ok(())
    }

    /// The text from `at` to the reader's position (an escape, for messages).
    fn slice(&self, at: usize) -> String {
        self.text
            .get(at..self.i.min(self.b.len()))
            .unwrap_or_default()
            .to_owned()
    }

    /// The length in bytes of the character starting at `at`.
    fn found_len(&self, at: usize) -> usize {
        self.text
            .get(at..)
            .and_then(|s| s.chars().next())
            .map_or(1, char::len_utf8)
    }

    fn hex4(&mut self, at: usize) -> Step<u32> {
        let mut v = 0u32;
        for _ in 0..4 {
            let Some(&c) = self.b.get(self.i) else {
                return Err((SyntaxKind::Truncated, self.b.len()));
            };
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => {
                    let end = (self.i + self.found_len(self.i)).min(self.b.len());
                    return Err((SyntaxKind::InvalidEscape(self.text[at..end].to_owned()), at));
                }
            };
            v = v * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(v)
    }

    fn number(&mut self) -> Step<Value> {
        let start = self.i;
        let b = self.b;
        let digits = |mut i: usize| {
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            i
        };
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        let int_start = i;
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i),
            None => return Err((SyntaxKind::Truncated, i)),
            Some(_) => return Err(self.bad_number(start, i)),
        }
        let leading_zero =
            b.get(int_start) == Some(&b'0') && b.get(i).is_some_and(u8::is_ascii_digit);
        if leading_zero {
            return Err(self.bad_number(start, digits(i)));
        }
        let mut float = false;
        if b.get(i) == Some(&b'.') {
            float = true;
            i += 1;
            match b.get(i) {
                Some(b'0'..=b'9') => i = digits(i),
                None => return Err((SyntaxKind::Truncated, i)),
                Some(_) => return Err(self.bad_number(start, i)),
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            float = true;
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            match b.get(i) {
                Some(b'0'..=b'9') => i = digits(i),
                None => return Err((SyntaxKind::Truncated, i)),
                Some(_) => return Err(self.bad_number(start, i)),
            }
        }
        self.i = i;
        let text = &self.text[start..i];
        if float {
            self.out.numbers.push((
                self.path.clone(),
                NumberForm::Float,
                text.chars().take(40).collect(),
            ));
        } else {
            if let Ok(u) = text.parse::<u64>() {
                return Ok(Value::Number(u.into()));
            }
            if let Ok(v) = text.parse::<i64>() {
                return Ok(Value::Number(v.into()));
            }
            self.out.numbers.push((
                self.path.clone(),
                NumberForm::BigInteger,
                text.chars().take(40).collect(),
            ));
        }
        // The nearest float, kept finite so that the schema can still judge its range.
        let f = text.parse::<f64>().unwrap_or(0.0);
        let f = if f.is_finite() {
            f
        } else {
            f64::MAX.copysign(f)
        };
        Ok(Number::from_f64(f).map_or(Value::Null, Value::Number))
    }

    fn bad_number(&self, start: usize, end: usize) -> (SyntaxKind, usize) {
        let end = (end + self.found_len(end)).min(self.b.len());
        let shown: String = self.text[start..end].chars().take(40).collect();
        (SyntaxKind::InvalidNumber(shown), start)
    }
}

/// The index of the first byte of `b` that ends a string's plain run: a quote, a backslash
/// or a control character. Eight bytes at a time (a word with none of them is skipped whole),
/// as serde_json's reader does.
fn stop(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let plain = |c: &u8| *c != b'"' && *c != b'\\' && *c >= 0x20;
    let mut i = 0;
    while let Some(word) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let x = u64::from_le_bytes(word);
        // A byte is zero in `x ^ (ONES * c)` where `x` has `c`; `(y - ONES) & !y & HIGH` is
        // not zero when some byte of `y` is zero, and `(x - ONES * 0x20) & !x & HIGH` when
        // some byte of `x` is below 0x20.
        let zero = |y: u64| y.wrapping_sub(ONES) & !y & HIGH;
        let found = zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            | (x.wrapping_sub(ONES * 0x20) & !x & HIGH);
        if found != 0 {
            break;
        }
        i += 8;
    }
    b[i..].iter().position(|c| !plain(c)).map(|n| i + n)
}

/// Appends `/index` to a pointer without allocating.
fn push_index(path: &mut String, index: usize) {
    use std::fmt::Write as _;
    // Writing to a `String` cannot fail.
    let _ = write!(path, "/{index}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> SyntaxError {
        parse(text, 32).error.expect("an error")
    }

    /// The word-at-a-time scan stops where a scan byte by byte stops, wherever the byte
    /// falls in a word, beside bytes of every kind (ASCII, UTF-8 sequences, 0x7f, 0x20).
    #[test]
    fn the_scan_of_a_string_stops_where_a_byte_scan_does() {
        let fillers: [&[u8]; 4] = [b"a", "ạ".as_bytes(), b"\x7f", b" "];
        for stopper in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
            for filler in fillers {
                for len in 0..24 {
                    let mut b: Vec<u8> = filler.iter().copied().cycle().take(len).collect();
                    let plain = b.clone();
                    assert_eq!(stop(&plain), None, "{plain:?}");
                    b.push(stopper);
                    b.extend_from_slice(b"tail\"");
                    assert_eq!(stop(&b), Some(len), "{b:?}");
                }
            }
        }
    }

    #[test]
    fn reads_json_like_serde_json() {
        for text in [
            r#"{"a": [1, -2, 3.5, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}}"#,
            "[]",
            "  0 ",
            r#""\/\\\"""#,
            "-0.0e+5",
            "18446744073709551615",
            "-9223372036854775808",
        ] {
            let ours = parse(text, 32).value.expect(text);
            let theirs: Value = serde_json::from_str(text).expect(text);
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn says_what_and_where() {
        let e = err("{\"a\": {\"b\": [1, 2,]}}");
        assert_eq!(e.kind, SyntaxKind::TrailingComma);
        assert_eq!(e.path, "/a/b");
        let e = err("{\n  \"a\": tru");
        assert_eq!(e.kind, SyntaxKind::Truncated);
        assert_eq!((e.line, e.column), (2, 11));
        let e = err("{\"a\": \"x\" \"b\": 1}");
        assert_eq!(
            e.kind,
            SyntaxKind::Unexpected {
                found: '"',
                expected: Expected::CommaOrBrace
            }
        );
        assert_eq!(err("{\"t\": \"\\ud800x\"}").path, "/t");
        assert!(matches!(
            err("[\"\\ud800x\"]").kind,
            SyntaxKind::LoneSurrogate(_)
        ));
        assert!(matches!(err("[01]").kind, SyntaxKind::InvalidNumber(_)));
        assert!(matches!(
            err("[NaN]").kind,
            SyntaxKind::Unexpected { found: 'N', .. }
        ));
        assert!(matches!(
            err("[\"a\nb\"]").kind,
            SyntaxKind::ControlCharacter('\n')
        ));
        assert!(matches!(
            err("{} {}").kind,
            SyntaxKind::Unexpected {
                expected: Expected::End,
                ..
            }
        ));
        let deep = "[".repeat(40);
        assert_eq!(err(&deep).kind, SyntaxKind::TooDeep);
    }

    #[test]
    fn finds_every_duplicate_and_keeps_the_first_value() {
        let p = parse(r#"{"a": 1, "a": 2, "b": {"c": 1, "c": 1, "c": 3}}"#, 32);
        assert_eq!(
            p.duplicates,
            [
                (String::new(), "a".to_owned()),
                ("/b".to_owned(), "c".to_owned()),
                ("/b".to_owned(), "c".to_owned())
            ]
        );
        assert_eq!(p.value.expect("json")["a"], 1);
    }

    #[test]
    fn notes_floats_and_big_integers() {
        let p = parse(
            r#"{"a": 1.0, "b": [100000000000000000000], "c": 1e999}"#,
            32,
        );
        let forms: Vec<(&str, NumberForm, &str)> = p
            .numbers
            .iter()
            .map(|(a, b, c)| (a.as_str(), *b, c.as_str()))
            .collect();
        assert_eq!(
            forms,
            [
                ("/a", NumberForm::Float, "1.0"),
                ("/b/0", NumberForm::BigInteger, "100000000000000000000"),
                ("/c", NumberForm::Float, "1e999")
            ]
        );
        assert_eq!(p.value.expect("json")["c"].as_f64(), Some(f64::MAX));
    }

    #[test]
    fn keeps_the_top_level_members_read_before_an_error() {
        let p = parse(r#"{"kind": "plan", "id": "x", "year": 20"#, 32);
        let root = p.partial_root.expect("partial");
        assert_eq!(root["kind"], "plan");
        assert_eq!(root["id"], "x");
    }
}

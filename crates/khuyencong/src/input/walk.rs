//! The structural report's validator: a schema compiled once per process into typed nodes
//! (references resolved to node indices, `properties` sorted with their JSON Pointer tokens
//! escaped, `required`, enums, bounds, patterns and hints read once), and the walk of a value
//! against them, which pushes an issue per failing keyword (a value of the wrong type gets
//! that one issue, not also its other keywords); and the schema of a place of a value
//! ([`Nodes::schema_at`]: whether a problem is in free text the rules can do without, whether
//! a number stands where a whole number is expected).
//!
//! The walk reads the schema's keywords exactly as the value of the schema says them, in the
//! same order, so its issues are those of a walk over the schema value itself; only the
//! looking up (of keywords by name, of `$ref`s by pointer, of properties in maps) is done
//! once, when the schema is compiled, instead of at every node of every document.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::report::{Issue, Type, What, codelist_of, hint_of, shown_number, shown_value};
use crate::finding::escape_token;
use crate::money::MAX_VND;

/// A node's index in [`Nodes`].
type Id = usize;

/// A schema compiled into nodes; the root is node 0.
pub(crate) struct Nodes {
    nodes: Vec<Node>,
}

enum Node {
    /// `true`, or a schema with no keyword the validator reads: every value fits.
    Any,
    /// `false`: no value fits.
    Never,
    /// A schema object.
    Schema(Box<Keywords>),
}

/// `additionalProperties`.
#[derive(Default)]
enum Additional {
    #[default]
    Absent,
    /// `false`: an unknown member is a problem.
    Forbidden,
    /// Any other schema, which each unknown member is validated against.
    Schema(Id),
}

/// The target of a `$ref`.
enum Reference {
    To(Id),
    /// A reference that leads nowhere: no value fits.
    Nowhere,
}

/// An `if`.
enum Condition {
    /// `{"type": …}` alone, decided by the type without a walk: the types it names (`None`
    /// when `type` is not a name or a list of names, which every value fits).
    Type(Option<Vec<Type>>),
    /// Any other schema, walked.
    Schema(Id),
}

/// An `enum`'s values.
enum Options {
    /// Every value a string: sorted, for a binary search.
    Strings(Vec<String>),
    /// Anything else, compared as JSON values.
    Values(Vec<Value>),
}

/// A bound of a number (`minimum`, `maximum`), with what a finding needs.
struct Bound {
    value: Value,
    /// Whether the bound is the integer named (0 for a minimum, the largest amount for a
    /// maximum): then the finding is "negative" or "too large" rather than "out of range".
    named: bool,
}

/// The keywords of one schema object the validator reads, read once. (Its flags are
/// independent facts of the schema object, each read where it is needed.)
#[allow(clippy::struct_excessive_bools)]
#[derive(Default)]
struct Keywords {
    /// `$ref`.
    reference: Option<Reference>,
    /// `if`.
    if_: Option<Condition>,
    then: Option<Id>,
    else_: Option<Id>,
    all_of: Vec<Id>,
    any_of: Option<Vec<Id>>,
    one_of: Option<Vec<Id>>,
    /// `type` when it is a name or a list of names (unknown names left out).
    types: Option<Vec<Type>>,
    /// `enum` when it is an array, with the strings of its values in order (for messages)
    /// and the code list they are.
    enum_: Option<(Options, Vec<String>, Option<&'static str>)>,
    const_: Option<Value>,
    minimum: Option<Bound>,
    maximum: Option<Bound>,
    /// The shown `minimum` and `maximum` of an out-of-range finding.
    range: (Option<String>, Option<String>),
    min_length: Option<u64>,
    max_length: Option<u64>,
    date: bool,
    /// The index of the compiled `pattern`.
    pattern: Option<usize>,
    hint: Option<(String, String)>,
    min_items: Option<u64>,
    max_items: Option<u64>,
    items: Option<Id>,
    /// `required`: each name, with its index in `properties` when it is one.
    required: Vec<(String, Option<usize>)>,
    /// `properties` when it is an object, sorted by name: name, the name as a JSON Pointer
    /// token, node.
    properties: Option<Vec<(String, String, Id)>>,
    /// The names of `properties` in the schema's order, for a finding.
    names: Vec<String>,
    additional: Additional,
    /// Whether `anyOf` is a member (an array or not: `schema_at` then ignores `oneOf`).
    has_any_of: bool,
    /// Whether `properties` is a member (an object or not).
    has_properties: bool,
    /// Whether any of `enum`, `const`, `format`, `pattern`, `oneOf`, `anyOf`, `if` is a
    /// member: then a string is not free text.
    decorated: bool,
}

fn type_name(n: &str) -> Option<Type> {
    match n {
        "object" => Some(Type::Object),
        "array" => Some(Type::Array),
        "string" => Some(Type::String),
        "integer" => Some(Type::Integer),
        "number" => Some(Type::Number),
        "boolean" => Some(Type::Boolean),
        "null" => Some(Type::Null),
        _ => None,
    }
}

/// The types a `type` keyword names, when it is a name or a list of names.
fn type_list(keyword: &Value) -> Option<Vec<Type>> {
    match keyword {
        Value::String(n) => Some(type_name(n).into_iter().collect()),
        Value::Array(ns) => Some(
            ns.iter()
                .filter_map(Value::as_str)
                .filter_map(type_name)
                .collect(),
        ),
        _ => None,
    }
}

/// The target of a local `$ref` (`#/$defs/Name`, or any JSON Pointer after `#`).
fn reference<'a>(root: &'a Value, r: &str) -> Option<&'a Value> {
    root.pointer(r.strip_prefix('#')?)
}

/// Compiles the schema objects reachable from the root, each once (by address: a `$ref` and
/// the definition it names are one node).
struct Compiler<'a> {
    root: &'a Value,
    patterns: &'a [(String, super::pattern::Pattern)],
    ids: HashMap<*const Value, Id>,
    nodes: Vec<Node>,
    todo: Vec<(&'a Value, Id)>,
}

impl<'a> Compiler<'a> {
    fn id(&mut self, s: &'a Value) -> Id {
        let key: *const Value = s;
        if let Some(id) = self.ids.get(&key) {
            return *id;
        }
        let id = self.nodes.len();
        self.nodes.push(Node::Any);
        self.ids.insert(key, id);
        self.todo.push((s, id));
        id
    }

    fn ids(&mut self, list: &'a Value) -> Option<Vec<Id>> {
        list.as_array()
            .map(|items| items.iter().map(|s| self.id(s)).collect())
    }

    fn node(&mut self, s: &'a Value) -> Node {
        let map = match s {
            Value::Bool(false) => return Node::Never,
            Value::Object(map) => map,
            _ => return Node::Any,
        };
        let mut k = Keywords::default();
        let u64_of = |key: &str| map.get(key).and_then(Value::as_u64);
        if let Some(r) = map.get("$ref").and_then(Value::as_str) {
            k.reference = Some(
                reference(self.root, r).map_or(Reference::Nowhere, |t| Reference::To(self.id(t))),
            );
        }
        if let Some(cond) = map.get("if") {
            k.if_ = Some(
                if let Value::Object(c) = cond
                    && c.len() == 1
                    && let Some(types) = c.get("type")
                {
                    Condition::Type(type_list(types))
                } else {
                    Condition::Schema(self.id(cond))
                },
            );
        }
        k.then = map.get("then").map(|s| self.id(s));
        k.else_ = map.get("else").map(|s| self.id(s));
        k.all_of = map
            .get("allOf")
            .and_then(|l| self.ids(l))
            .unwrap_or_default();
        k.any_of = map.get("anyOf").and_then(|l| self.ids(l));
        k.one_of = map.get("oneOf").and_then(|l| self.ids(l));
        k.types = map.get("type").and_then(type_list);
        if let Some(Value::Array(options)) = map.get("enum") {
            let strings: Vec<String> = options
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            let set = if strings.len() == options.len() {
                let mut sorted = strings.clone();
                sorted.sort_unstable();
                Options::Strings(sorted)
            } else {
                Options::Values(options.clone())
            };
            let list = codelist_of(&Value::Array(options.clone()));
            k.enum_ = Some((set, strings, list));
        }
        k.const_ = map.get("const").cloned();
        let bound = |key: &str, named: u64| {
            map.get(key).map(|b| Bound {
                value: b.clone(),
                named: b.as_u64() == Some(named),
            })
        };
        k.minimum = bound("minimum", 0);
        k.maximum = bound("maximum", MAX_VND);
        k.range = (
            map.get("minimum").map(ToString::to_string),
            map.get("maximum").map(ToString::to_string),
        );
        k.min_length = u64_of("minLength");
        k.max_length = u64_of("maxLength");
        k.date = map.get("format").and_then(Value::as_str) == Some("date");
        k.pattern = map
            .get("pattern")
            .and_then(Value::as_str)
            .and_then(|p| self.patterns.iter().position(|(source, _)| source == p));
        k.hint = hint_of(s);
        k.min_items = u64_of("minItems");
        k.max_items = u64_of("maxItems");
        k.items = map.get("items").map(|s| self.id(s));
        if let Some(Value::Object(properties)) = map.get("properties") {
            let mut sorted: Vec<(String, String, Id)> = properties
                .iter()
                .map(|(name, s)| (name.clone(), escape_token(name).into_owned(), self.id(s)))
                .collect();
            sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            k.names = properties.keys().cloned().collect();
            k.properties = Some(sorted);
        }
        if let Some(Value::Array(required)) = map.get("required") {
            let properties = k.properties.as_deref().unwrap_or_default();
            k.required = required
                .iter()
                .filter_map(Value::as_str)
                .map(|field| {
                    let at = properties
                        .binary_search_by(|(name, _, _)| name.as_str().cmp(field))
                        .ok();
                    (field.to_owned(), at)
                })
                .collect();
        }
        k.additional = match map.get("additionalProperties") {
            None => Additional::Absent,
            Some(Value::Bool(false)) => Additional::Forbidden,
            Some(s) => Additional::Schema(self.id(s)),
        };
        k.has_any_of = map.contains_key("anyOf");
        k.has_properties = map.contains_key("properties");
        k.decorated = ["enum", "const", "format", "pattern", "oneOf", "anyOf", "if"]
            .iter()
            .any(|key| map.contains_key(*key));
        Node::Schema(Box::new(k))
    }
}

impl Nodes {
    /// Compiles `schema` (whose patterns are `patterns`).
    pub(crate) fn compile(schema: &Value, patterns: &[(String, super::pattern::Pattern)]) -> Self {
        let mut c = Compiler {
            root: schema,
            patterns,
            ids: HashMap::new(),
            nodes: Vec::new(),
            todo: Vec::new(),
        };
        c.id(schema);
        while let Some((s, id)) = c.todo.pop() {
            let node = c.node(s);
            c.nodes[id] = node;
        }
        Self { nodes: c.nodes }
    }

    fn keywords(&self, s: Id) -> Option<&Keywords> {
        match &self.nodes[s] {
            Node::Schema(k) => Some(k),
            Node::Any | Node::Never => None,
        }
    }

    /// Follows `$ref`s.
    fn resolve(&self, mut s: Id) -> Id {
        for _ in 0..16 {
            match self.keywords(s).and_then(|k| k.reference.as_ref()) {
                Some(Reference::To(target)) => s = *target,
                Some(Reference::Nowhere) | None => return s,
            }
        }
        s
    }

    /// Whether a schema admits a value of type `t` by its `type` (or, without one, by
    /// `properties` or `items`).
    pub(crate) fn admits(&self, s: Id, t: Type) -> bool {
        self.keywords(s).is_some_and(|k| match &k.types {
            Some(types) => admits(types, t),
            None => {
                (k.has_properties && t == Type::Object) || (k.items.is_some() && t == Type::Array)
            }
        })
    }

    /// The branch of a union (`anyOf`, `oneOf`, `if`/`then`/`else` on a type) that applies
    /// to a value of type `t`.
    fn branch(&self, s: Id, t: Type) -> Id {
        let mut s = self.resolve(s);
        for _ in 0..8 {
            let Some(k) = self.keywords(s) else {
                return s;
            };
            let options = if k.has_any_of {
                k.any_of.as_ref()
            } else {
                k.one_of.as_ref()
            };
            if let Some(options) = options {
                match options.iter().map(|o| self.resolve(*o)).find(|o| {
                    self.admits(*o, t) || self.keywords(*o).is_some_and(|k| k.if_.is_some())
                }) {
                    Some(o) => s = o,
                    None => return s,
                }
            } else if let Some(cond) = &k.if_ {
                let holds = match cond {
                    Condition::Type(Some(types)) => admits(types, t),
                    Condition::Type(None) => false,
                    Condition::Schema(cond) => self.admits(*cond, t),
                };
                match if holds { k.then } else { k.else_ } {
                    Some(next) => s = self.resolve(next),
                    None => return s,
                }
            } else {
                return s;
            }
        }
        s
    }

    /// The schema of the value at `pointer` of `instance` (and the value, when it exists).
    pub(crate) fn schema_at<'v>(
        &self,
        instance: &'v Value,
        pointer: &str,
    ) -> Option<(Id, Option<&'v Value>)> {
        let mut s = 0;
        let mut value = Some(instance);
        if pointer.is_empty() {
            return Some((self.branch(s, Type::of(instance)), value));
        }
        for token in pointer.split('/').skip(1) {
            let v = value?;
            let here = self.keywords(self.branch(s, Type::of(v)));
            match v {
                Value::Object(map) => {
                    let key = unescape(token);
                    let properties = here?.properties.as_deref()?;
                    let at = properties
                        .binary_search_by(|(name, _, _)| name.as_str().cmp(&key))
                        .ok()?;
                    s = properties[at].2;
                    value = map.get(key.as_ref());
                }
                Value::Array(items) => {
                    s = here?.items?;
                    value = token.parse::<usize>().ok().and_then(|i| items.get(i));
                }
                _ => return None,
            }
        }
        let t = value.map_or(Type::Null, Type::of);
        Some((self.branch(s, t), value))
    }

    /// Whether the schema `s` is free text: a string without a code list, format or pattern.
    pub(crate) fn is_plain_text(&self, s: Id) -> bool {
        self.admits(s, Type::String) && self.keywords(s).is_some_and(|k| !k.decorated)
    }

    /// Every issue of `value` against the schema.
    pub(crate) fn walk(
        &self,
        patterns: &[(String, super::pattern::Pattern)],
        value: &Value,
        out: &mut Vec<Issue>,
    ) {
        Walk {
            nodes: &self.nodes,
            patterns,
            out,
        }
        .value(0, value, &mut String::new());
    }
}

/// Whether `types` (of a `type` keyword) admits type `t` (`number` admits integers).
fn admits(types: &[Type], t: Type) -> bool {
    types.iter().any(|x| match x {
        Type::Number => matches!(t, Type::Integer | Type::Number),
        other => *other == t,
    })
}

/// A JSON Pointer token as the key it names (a copy only when it has an escape).
fn unescape(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains('~') {
        token.replace("~1", "/").replace("~0", "~").into()
    } else {
        token.into()
    }
}

/// Whether a value of JSON type `t` (with `v` to tell integral floats) is of a type in `types`.
fn type_fits(types: &[Type], v: &Value) -> bool {
    let t = Type::of(v);
    types.iter().any(|allowed| match allowed {
        Type::Number => matches!(t, Type::Integer | Type::Number),
        // JSON Schema counts a float with a zero fraction as an integer (the byte layer
        // reports how it was written).
        Type::Integer => {
            t == Type::Integer
                || v.as_f64()
                    .is_some_and(|f| f.is_finite() && f.fract() == 0.0)
        }
        other => *other == t,
    })
}

/// A number compared exactly with a bound (integers as integers, floats as floats).
fn compare(v: &Value, bound: &Value) -> Option<std::cmp::Ordering> {
    let as_int = |x: &Value| {
        x.as_i64()
            .map(i128::from)
            .or_else(|| x.as_u64().map(i128::from))
    };
    match (as_int(v), as_int(bound)) {
        (Some(a), Some(b)) => Some(a.cmp(&b)),
        _ => v.as_f64()?.partial_cmp(&bound.as_f64()?),
    }
}

/// Appends `/i` to a path.
fn push_index(path: &mut String, mut i: usize) {
    let mut digits = [0u8; 20];
    let mut n = digits.len();
    loop {
        n -= 1;
        // `i % 10` is a digit: the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        {
            digits[n] = b'0' + (i % 10) as u8;
        }
        i /= 10;
        if i == 0 {
            break;
        }
    }
    path.push('/');
    for d in &digits[n..] {
        path.push(char::from(*d));
    }
}

struct Walk<'a> {
    nodes: &'a [Node],
    patterns: &'a [(String, super::pattern::Pattern)],
    out: &'a mut Vec<Issue>,
}

impl Walk<'_> {
    fn push(&mut self, path: &str, what: What) {
        self.out.push(Issue {
            path: path.to_owned(),
            what,
        });
    }

    /// Whether `v` is valid against `s` (the issues are not kept).
    fn is_valid(&self, s: Id, v: &Value, path: &mut String) -> bool {
        let mut scratch = Vec::new();
        Walk {
            nodes: self.nodes,
            patterns: self.patterns,
            out: &mut scratch,
        }
        .value(s, v, path);
        scratch.is_empty()
    }

    fn value(&mut self, s: Id, v: &Value, path: &mut String) {
        let nodes = self.nodes;
        let k = match &nodes[s] {
            Node::Any => return,
            Node::Never => {
                self.push(
                    path,
                    What::InvalidValue {
                        shown: shown_value(v),
                        hint: None,
                    },
                );
                return;
            }
            Node::Schema(k) => k,
        };
        match k.reference {
            Some(Reference::To(target)) => self.value(target, v, path),
            Some(Reference::Nowhere) => self.push(
                path,
                What::InvalidValue {
                    shown: shown_value(v),
                    hint: None,
                },
            ),
            None => {}
        }
        if let Some(cond) = &k.if_ {
            // The usual condition, `{"type": …}` alone (`if` null `then` anything `else` the
            // type, for every optional field), is decided by the type: no walk, no issue built.
            let holds = match cond {
                Condition::Type(Some(types)) => type_fits(types, v),
                Condition::Type(None) => true,
                Condition::Schema(cond) => self.is_valid(*cond, v, path),
            };
            if let Some(b) = if holds { k.then } else { k.else_ } {
                self.value(b, v, path);
            }
        }
        for sub in &k.all_of {
            self.value(*sub, v, path);
        }
        for options in [&k.any_of, &k.one_of].into_iter().flatten() {
            self.union(options, v, path);
        }
        if let Some(types) = &k.types
            && !type_fits(types, v)
        {
            let got = Type::of(v);
            let what = if got == Type::Number && types.contains(&Type::Integer) {
                What::NotWholeNumber {
                    shown: shown_number(v),
                }
            } else {
                What::InvalidType {
                    expected: types.clone(),
                    got,
                }
            };
            self.push(path, what);
            return;
        }
        self.constants(k, v, path);
        match v {
            Value::Number(_) => self.number(k, v, path),
            Value::String(text) => self.string(k, text, path),
            Value::Array(items) => self.array(k, items, path),
            Value::Object(map) => self.object(k, map, path),
            _ => {}
        }
    }

    /// A value that fits no option of a union: the options of another type only say which
    /// types were allowed; the fitting option with the fewest problems says what is wrong.
    fn union(&mut self, options: &[Id], v: &Value, path: &mut String) {
        let mut best: Option<Vec<Issue>> = None;
        let mut expected = Vec::new();
        for o in options {
            let mut issues = Vec::new();
            Walk {
                nodes: self.nodes,
                patterns: self.patterns,
                out: &mut issues,
            }
            .value(*o, v, path);
            if issues.is_empty() {
                return;
            }
            let type_only = issues.len() == 1
                && issues[0].path == *path
                && matches!(
                    issues[0].what,
                    What::InvalidType { .. } | What::NotWholeNumber { .. }
                );
            if type_only {
                if let What::InvalidType { expected: e, .. } = &issues[0].what {
                    expected.extend(e.iter().copied());
                } else {
                    expected.push(Type::Integer);
                }
            } else if best.as_ref().is_none_or(|b| issues.len() < b.len()) {
                best = Some(issues);
            }
        }
        if let Some(best) = best {
            self.out.extend(best);
            return;
        }
        expected.sort();
        expected.dedup();
        let got = Type::of(v);
        let what = if got == Type::Number && expected.contains(&Type::Integer) {
            What::NotWholeNumber {
                shown: shown_number(v),
            }
        } else {
            What::InvalidType { expected, got }
        };
        self.push(path, what);
    }

    fn constants(&mut self, k: &Keywords, v: &Value, path: &str) {
        if let Some((options, strings, list)) = &k.enum_ {
            let listed = match options {
                Options::Strings(sorted) => v
                    .as_str()
                    .is_some_and(|s| sorted.binary_search_by(|o| o.as_str().cmp(s)).is_ok()),
                Options::Values(values) => values.contains(v),
            };
            if !listed {
                if path == "/schema_version" {
                    self.push(
                        path,
                        What::UnsupportedVersion {
                            got: shown_value(v),
                        },
                    );
                    return;
                }
                self.push(
                    path,
                    What::UnknownCode {
                        value: v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                        list: *list,
                        options: strings.clone(),
                    },
                );
            }
        }
        if let Some(expected) = &k.const_
            && expected != v
        {
            let what = if path == "/schema_version" {
                What::UnsupportedVersion {
                    got: shown_value(v),
                }
            } else {
                What::UnknownCode {
                    value: v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                    list: None,
                    options: vec![
                        expected
                            .as_str()
                            .map_or_else(|| expected.to_string(), str::to_owned),
                    ],
                }
            };
            self.push(path, what);
        }
    }

    fn number(&mut self, k: &Keywords, v: &Value, path: &str) {
        let below = k
            .minimum
            .as_ref()
            .is_some_and(|m| compare(v, &m.value) == Some(std::cmp::Ordering::Less));
        let above = k
            .maximum
            .as_ref()
            .is_some_and(|m| compare(v, &m.value) == Some(std::cmp::Ordering::Greater));
        if !below && !above {
            return;
        }
        let shown = shown_number(v);
        let range = |shown| What::OutOfRange {
            shown,
            min: k.range.0.clone(),
            max: k.range.1.clone(),
        };
        if below {
            let what = if k.minimum.as_ref().is_some_and(|m| m.named) {
                What::Negative { shown }
            } else {
                range(shown)
            };
            self.push(path, what);
        } else if above {
            let what = if k.maximum.as_ref().is_some_and(|m| m.named) {
                What::TooLarge { shown }
            } else {
                range(shown)
            };
            self.push(path, what);
        }
    }

    fn string(&mut self, k: &Keywords, text: &str, path: &str) {
        let (min, max) = (k.min_length, k.max_length);
        // Characters are counted only when there is a bound to compare them with.
        let n = if min.is_some() || max.is_some() {
            text.chars().count()
        } else {
            0
        };
        let len = u64::try_from(n).unwrap_or(u64::MAX);
        if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
            self.push(
                path,
                What::TextLength {
                    n,
                    min: min.unwrap_or(0),
                    max,
                },
            );
        }
        if k.date && super::strict_date(text).is_none() {
            self.push(
                path,
                What::InvalidDate {
                    value: text.to_owned(),
                },
            );
        }
        if let Some(p) = k.pattern
            && !self.patterns[p].1.is_match(text)
        {
            self.push(
                path,
                What::InvalidValue {
                    shown: shown_value(&Value::String(text.to_owned())),
                    hint: k.hint.clone(),
                },
            );
        }
    }

    fn array(&mut self, k: &Keywords, items: &[Value], path: &mut String) {
        let n = items.len();
        let (min, max) = (k.min_items, k.max_items);
        let len = u64::try_from(n).unwrap_or(u64::MAX);
        if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
            self.push(
                path,
                What::ArrayLength {
                    n,
                    min: min.unwrap_or(0),
                    max,
                },
            );
        }
        if let Some(item_schema) = k.items {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                push_index(path, i);
                self.value(item_schema, item, path);
                path.truncate(len);
            }
        }
    }

    fn object(&mut self, k: &Keywords, map: &Map<String, Value>, path: &mut String) {
        // A missing field comes before the problems of the members; it is known once the
        // members are walked (which finds the properties present), and set in its place.
        let start = self.out.len();
        let properties = k.properties.as_deref().unwrap_or_default();
        // Bit i: property i is a member (the first 64 properties).
        let mut present: u64 = 0;
        // The value's members and the schema's properties are both sorted by name (a
        // `serde_json::Map` is a `BTreeMap`: test `members_are_sorted`): one pass over the two
        // finds the property of each member.
        let mut next = 0;
        for (key, value) in map {
            while properties
                .get(next)
                .is_some_and(|(name, _, _)| name.as_str() < key.as_str())
            {
                next += 1;
            }
            let len = path.len();
            if let Some((_, token, sub)) = properties.get(next).filter(|(name, _, _)| name == key) {
                if next < 64 {
                    present |= 1 << next;
                }
                path.push('/');
                path.push_str(token);
                self.value(*sub, value, path);
                path.truncate(len);
                next += 1;
                continue;
            }
            match k.additional {
                Additional::Forbidden => self.push(
                    path,
                    What::UnknownField {
                        field: key.clone(),
                        expected: k.names.clone(),
                    },
                ),
                Additional::Schema(sub) => {
                    path.push('/');
                    path.push_str(&escape_token(key));
                    self.value(sub, value, path);
                    path.truncate(len);
                }
                Additional::Absent => {}
            }
        }
        let mut missing = Vec::new();
        for (field, property) in &k.required {
            let found = match property {
                Some(i) if *i < 64 => present & (1 << i) != 0,
                _ => map.contains_key(field),
            };
            if !found {
                missing.push(Issue {
                    path: path.clone(),
                    what: What::MissingField {
                        field: field.clone(),
                    },
                });
            }
        }
        if !missing.is_empty() {
            self.out.splice(start..start, missing);
        }
    }
}

#[cfg(test)]
mod tests {
    /// The walk goes through an object's members and its schema's properties in step, both
    /// sorted by name: a `serde_json::Map` must iterate in that order (it would not with
    /// serde_json's `preserve_order`).
    #[test]
    fn members_are_sorted() {
        let value: serde_json::Value =
            serde_json::from_str(r#"{"b": 1, "a~": 2, "a/": 3, "A": 4, "ă": 5, "a": 6}"#)
                .unwrap_or_default();
        let keys: Vec<&str> = value
            .as_object()
            .into_iter()
            .flat_map(|m| m.keys())
            .map(String::as_str)
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(keys.len(), 6);
        assert_eq!(keys, sorted);
    }
}

//! The regular expressions of the JSON Schemas' `pattern` keyword, for the structural report:
//! a small backtracking matcher for the subset the schemas use — literal characters, `\`
//! escapes, `.`, character classes with ranges, groups with alternation, the quantifiers
//! `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}`, and the anchors `^` and `$`. A pattern outside
//! the subset does not compile ([`Pattern::new`] gives `None`); a test requires every
//! pattern of the published schemas to compile.

use std::cell::Cell;

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    node: Node,
    start: bool,
    end: bool,
}

#[derive(Debug, Clone)]
enum Node {
    /// One of several sequences.
    Alt(Vec<Vec<Node>>),
    /// A character.
    Char(char),
    /// Any character.
    Any,
    /// A class: ranges, negated or not.
    Class(Vec<(char, char)>, bool),
    /// A repeated node.
    Repeat(Box<Node>, usize, Option<usize>),
}

impl Pattern {
    /// Compiles a pattern; `None` outside the subset.
    pub(crate) fn new(source: &str) -> Option<Self> {
        let chars: Vec<char> = source.chars().collect();
        let mut i = 0;
        let start = chars.first() == Some(&'^');
        if start {
            i = 1;
        }
        let (node, next) = alternation(&chars, i)?;
        i = next;
        let end = chars.get(i) == Some(&'$');
        if end {
            i += 1;
        }
        (i == chars.len()).then_some(Self { node, start, end })
    }

    /// Whether `text` matches (somewhere, unless anchored, as JSON Schema's `pattern`).
    pub(crate) fn is_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let starts: Vec<usize> = if self.start {
            vec![0]
        } else {
            (0..=chars.len()).collect()
        };
        starts.into_iter().any(|s| {
            let budget = Cell::new(100_000usize);
            matches(&self.node, &chars, s, &budget, &mut |end| {
                !self.end || end == chars.len()
            })
        })
    }
}

fn alternation(c: &[char], mut i: usize) -> Option<(Node, usize)> {
    let mut branches = vec![Vec::new()];
    loop {
        match c.get(i) {
            None | Some(')' | '$') => return Some((Node::Alt(branches), i)),
            Some('|') => {
                branches.push(Vec::new());
                i += 1;
            }
            Some(_) => {
                let (atom, next) = atom(c, i)?;
                let (node, next) = quantified(c, next, atom)?;
                branches.last_mut()?.push(node);
                i = next;
            }
        }
    }
}

fn atom(c: &[char], i: usize) -> Option<(Node, usize)> {
    match *c.get(i)? {
        '(' => {
            let (node, next) = alternation(c, i + 1)?;
            (c.get(next) == Some(&')')).then_some((node, next + 1))
        }
        '[' => class(c, i + 1),
        '.' => Some((Node::Any, i + 1)),
        '\\' => escape(*c.get(i + 1)?).map(|n| (n, i + 2)),
        '*' | '+' | '?' | '{' | '}' | ']' | '^' => None,
        ch => Some((Node::Char(ch), i + 1)),
    }
}

fn escape(ch: char) -> Option<Node> {
    Some(match ch {
        'd' => Node::Class(vec![('0', '9')], false),
        'n' => Node::Char('\n'),
        't' => Node::Char('\t'),
        c if c.is_ascii_punctuation() => Node::Char(c),
        _ => return None,
    })
}

fn class(c: &[char], mut i: usize) -> Option<(Node, usize)> {
    let negated = c.get(i) == Some(&'^');
    if negated {
        i += 1;
    }
    let mut ranges = Vec::new();
    loop {
        let mut ch = *c.get(i)?;
        if ch == ']' && !ranges.is_empty() {
            return Some((Node::Class(ranges, negated), i + 1));
        }
        if ch == '\\' {
            i += 1;
            ch = *c.get(i)?;
        }
        if c.get(i + 1) == Some(&'-') && c.get(i + 2).is_some_and(|e| *e != ']') {
            ranges.push((ch, *c.get(i + 2)?));
            i += 3;
        } else {
            ranges.push((ch, ch));
            i += 1;
        }
    }
}

fn number(c: &[char], mut i: usize) -> Option<(usize, usize)> {
    let start = i;
    while c.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    let n: String = c[start..i].iter().collect();
    n.parse().ok().map(|n| (n, i))
}

fn quantified(c: &[char], i: usize, node: Node) -> Option<(Node, usize)> {
    let repeat = |min, max, next| Some((Node::Repeat(Box::new(node.clone()), min, max), next));
    match c.get(i) {
        Some('?') => repeat(0, Some(1), i + 1),
        Some('*') => repeat(0, None, i + 1),
        Some('+') => repeat(1, None, i + 1),
        Some('{') => {
            let (min, next) = number(c, i + 1)?;
            match c.get(next) {
                Some('}') => repeat(min, Some(min), next + 1),
                Some(',') if c.get(next + 1) == Some(&'}') => repeat(min, None, next + 2),
                Some(',') => {
                    let (max, next) = number(c, next + 1)?;
                    (c.get(next) == Some(&'}') && max >= min).then_some(())?;
                    repeat(min, Some(max), next + 1)
                }
                _ => None,
            }
        }
        _ => Some((node, i)),
    }
}

/// Whether `node` matches at `i` with a continuation `k` that accepts the end position.
/// `budget` bounds the backtracking (a pathological pattern fails rather than hangs).
fn matches(
    node: &Node,
    s: &[char],
    i: usize,
    budget: &Cell<usize>,
    k: &mut dyn FnMut(usize) -> bool,
) -> bool {
    if budget.get() == 0 {
        return false;
    }
    budget.set(budget.get() - 1);
    match node {
        Node::Char(ch) => s.get(i) == Some(ch) && k(i + 1),
        Node::Any => i < s.len() && k(i + 1),
        Node::Class(ranges, negated) => {
            s.get(i)
                .is_some_and(|ch| ranges.iter().any(|(a, b)| (a..=b).contains(&ch)) != *negated)
                && k(i + 1)
        }
        Node::Alt(branches) => branches.iter().any(|seq| sequence(seq, s, i, budget, k)),
        Node::Repeat(inner, min, max) => repeat(
            &Repeat {
                inner,
                min: *min,
                max: *max,
            },
            0,
            s,
            i,
            budget,
            k,
        ),
    }
}

fn sequence(
    seq: &[Node],
    s: &[char],
    i: usize,
    budget: &Cell<usize>,
    k: &mut dyn FnMut(usize) -> bool,
) -> bool {
    match seq.split_first() {
        None => k(i),
        Some((first, rest)) => matches(first, s, i, budget, &mut |j| {
            sequence(rest, s, j, budget, k)
        }),
    }
}

/// A repetition being matched.
struct Repeat<'a> {
    inner: &'a Node,
    min: usize,
    max: Option<usize>,
}

fn repeat(
    r: &Repeat<'_>,
    done: usize,
    s: &[char],
    i: usize,
    budget: &Cell<usize>,
    k: &mut dyn FnMut(usize) -> bool,
) -> bool {
    // Greedy: one more first (while it advances), then stop here if allowed.
    if r.max.is_none_or(|m| done < m)
        && matches(r.inner, s, i, budget, &mut |j| {
            j > i && repeat(r, done + 1, s, j, budget, k)
        })
    {
        return true;
    }
    done >= r.min && k(i)
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    #[test]
    fn the_schemas_patterns() {
        let share = Pattern::new(r"^(0(\.[0-9]{1,28})?|1(\.0{1,28})?)$").expect("compiles");
        for ok in [
            "0",
            "1",
            "0.5",
            "0.0000000000000000000000000001",
            "1.0",
            "1.000",
        ] {
            assert!(share.is_match(ok), "{ok}");
        }
        for bad in [
            "",
            "2",
            "1.5",
            "01",
            "0.",
            "+0.5",
            " 0.5",
            "0.5 ",
            "0,5",
            "1e-1",
            "0.00000000000000000000000000001",
        ] {
            assert!(!share.is_match(bad), "{bad}");
        }
        let point =
            Pattern::new("^(a|b|c|d|đ|e|g|h|i|k|l|m|n|o|p|q|r|s|t|u|v|x|y)$").expect("compiles");
        assert!(point.is_match("đ") && point.is_match("a") && point.is_match("y"));
        assert!(
            !point.is_match("f")
                && !point.is_match("dd")
                && !point.is_match("")
                && !point.is_match("A")
        );
    }

    #[test]
    fn unanchored_and_outside_the_subset() {
        let p = Pattern::new("[a-c]+x").expect("compiles");
        assert!(p.is_match("zzabcx!") && !p.is_match("x"));
        assert!(Pattern::new("(?i)a").is_none());
        assert!(Pattern::new("a{2,1}").is_none());
        assert!(Pattern::new(r"\w").is_none());
        let nested = Pattern::new("^(a*)*b$").expect("compiles");
        assert!(!nested.is_match(&"a".repeat(40)));
    }
}

//! Plain-text tables for terminals.

use std::borrow::Cow;

use khuyencong::Catalog;
use khuyencong::law::Lang;
use unicode_width::UnicodeWidthStr;

/// Text from an input made safe for a terminal: control characters (C0, DEL, C1) and the
/// bidirectional overrides are shown as `\u{…}` escapes, so that a document cannot clear the
/// screen, move the cursor or rewrite earlier lines.
pub fn clean(text: &str) -> Cow<'_, str> {
    let unsafe_char =
        |c: char| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:04x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Renders rows as an aligned text table (widths by characters, not bytes), every cell
/// [cleaned](clean).
pub fn render(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; cols];
    let rows: Vec<Vec<Cow<'_, str>>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for (r, row) in rows.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let pad = widths[i].saturating_sub(cell.chars().count());
                format!("{cell}{}", " ".repeat(pad))
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
        if r == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            out.push_str(&rule.join("  "));
            out.push('\n');
        }
    }
    out
}

/// The width of text in terminal cells (a precomposed Vietnamese letter is one cell, a
/// combining mark none, a wide character two).
pub fn display_width(text: &str) -> usize {
    text.width()
}

/// A column of a fitted table.
pub struct Column {
    title: String,
    /// Numbers: right-aligned, never wrapped, in every part of a split table.
    number: bool,
    /// A grouping key: repeated at the left of every part of a split table, wrapped at
    /// spaces when the table is too wide.
    key: bool,
}

impl Column {
    /// A grouping key's column.
    pub fn key(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            number: false,
            key: true,
        }
    }

    /// A column of figures.
    pub fn number(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            number: true,
            key: false,
        }
    }

    /// A column of short text.
    pub fn text(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            number: false,
            key: false,
        }
    }
}

/// Splits text into lines of at most `width` cells: at spaces where possible, inside a word
/// only when the word alone is wider.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let sep = usize::from(!line.is_empty());
        if display_width(&line) + sep + display_width(word) <= width {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            let w = display_width(c.encode_utf8(&mut [0; 4]));
            if display_width(&line) + w > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The widest word of a text, in cells.
fn longest_word(text: &str) -> usize {
    text.split(' ').map(display_width).max().unwrap_or(0)
}

/// Renders a titled table within `width` terminal cells. Headings wrap at spaces; key
/// columns wrap when the table is too wide; when the figures alone do not fit, the table is
/// split into parts that each repeat the key columns. Every cell is [cleaned](clean).
pub fn fit(title: &str, columns: &[Column], rows: &[Vec<String>], width: usize) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c).into_owned()).collect())
        .collect();
    let cell = |r: &Vec<String>, i: usize| r.get(i).map_or("", String::as_str).to_owned();
    // Natural and smallest widths of each column.
    let natural: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            rows.iter()
                .map(|r| display_width(&cell(r, i)))
                .max()
                .unwrap_or(0)
                .max(longest_word(&c.title))
        })
        .collect();
    let smallest: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if c.key {
                natural[i].min(28)
            } else {
                natural[i]
            }
        })
        .collect();
    let keys: Vec<usize> = (0..columns.len()).filter(|&i| columns[i].key).collect();
    let others: Vec<usize> = (0..columns.len()).filter(|&i| !columns[i].key).collect();
    let key_min: usize = keys.iter().map(|&i| smallest[i] + 2).sum();
    // Parts: as many figure columns as fit beside the key columns at their smallest.
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut part: Vec<usize> = Vec::new();
    let mut used = key_min;
    for &i in &others {
        let w = natural[i] + 2;
        if !part.is_empty() && used + w > width + 2 {
            parts.push(std::mem::take(&mut part));
            used = key_min;
        }
        used += w;
        part.push(i);
    }
    if !part.is_empty() || parts.is_empty() {
        parts.push(part);
    }
    let count = parts.len();
    let mut out = String::new();
    for (n, part) in parts.iter().enumerate() {
        let mut shown: Vec<usize> = keys.clone();
        shown.extend(part);
        // Key columns shrink, the widest first, until the part fits.
        let mut widths: Vec<usize> = shown.iter().map(|&i| natural[i]).collect();
        let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
        // Down to 6 cells a key column stays readable; narrower only when nothing else fits.
        for floor in [6, 2] {
            while total(&widths) > width {
                let Some((j, _)) = widths
                    .iter()
                    .enumerate()
                    .filter(|(j, w)| columns[shown[*j]].key && **w > floor)
                    .max_by_key(|(_, w)| **w)
                else {
                    break;
                };
                widths[j] -= 1;
            }
        }
        if count > 1 {
            out.push_str(&format!("{title} [{}/{count}]\n", n + 1));
        } else {
            out.push_str(&format!("{title}\n"));
        }
        let line = |out: &mut String, cells: Vec<Vec<String>>| {
            let height = cells.iter().map(Vec::len).max().unwrap_or(1);
            for k in 0..height {
                let mut text = String::new();
                for (j, lines) in cells.iter().enumerate() {
                    let piece = lines.get(k).map_or("", String::as_str);
                    let pad = widths[j].saturating_sub(display_width(piece));
                    if j > 0 {
                        text.push_str("  ");
                    }
                    if columns[shown[j]].number {
                        text.push_str(&" ".repeat(pad));
                        text.push_str(piece);
                    } else {
                        text.push_str(piece);
                        text.push_str(&" ".repeat(pad));
                    }
                }
                out.push_str(text.trim_end());
                out.push('\n');
            }
        };
        line(
            &mut out,
            shown
                .iter()
                .zip(&widths)
                .map(|(&i, &w)| wrap(&columns[i].title, w))
                .collect(),
        );
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        out.push_str(&rule.join("  "));
        out.push('\n');
        for r in &rows {
            line(
                &mut out,
                shown
                    .iter()
                    .zip(&widths)
                    .map(|(&i, &w)| wrap(&cell(r, i), w))
                    .collect(),
            );
        }
        if n + 1 < count {
            out.push('\n');
        }
    }
    out
}

/// One catalogue list as a table in the chosen language.
pub fn catalog_table(catalog: &Catalog, name: &str, lang: Lang) -> String {
    let mut rows = vec![
        match lang {
            Lang::Vi => ["mã", "tên", "căn cứ", "hiệu lực", "độ tin cậy"],
            Lang::En => ["code", "label", "citation", "valid", "confidence"],
        }
        .map(str::to_owned)
        .to_vec(),
    ];
    let window = |from: Option<chrono::NaiveDate>, until: Option<chrono::NaiveDate>| {
        format!(
            "{} … {}",
            from.map(|d| d.to_string()).unwrap_or_default(),
            until.map(|d| d.to_string()).unwrap_or_default()
        )
    };
    if name == "instruments" {
        rows.extend(catalog.instruments.iter().map(|i| {
            vec![
                i.code.to_owned(),
                match lang {
                    Lang::Vi => i.label_vi,
                    Lang::En => i.label_en,
                }
                .to_owned(),
                match lang {
                    Lang::Vi => i.citation.vi.clone(),
                    Lang::En => i.citation.en.clone(),
                },
                window(i.valid_from, i.valid_until),
                i.confidence.code().to_owned(),
            ]
        }));
    } else if let Some(list) = catalog.list(name) {
        rows.extend(list.iter().map(|i| {
            let label = match lang {
                Lang::Vi => i.label_vi,
                Lang::En => i.label_en,
            };
            let label = match &i.number {
                Some(n) => format!("{n}. {label}"),
                None => label.to_owned(),
            };
            vec![
                i.code.to_owned(),
                label,
                match lang {
                    Lang::Vi => i.citation.vi.clone(),
                    Lang::En => i.citation.en.clone(),
                },
                window(Some(i.valid_from), i.valid_until),
                i.confidence.code().to_owned(),
            ]
        }));
    }
    format!("# {name}\n{}", render(&rows))
}

#[cfg(test)]
mod tests {
    use super::{Column, clean, display_width, fit, wrap};

    #[test]
    fn vietnamese_text_is_measured_in_cells() {
        // Precomposed (NFC) and decomposed (NFD) forms take the same cells.
        assert_eq!(display_width("Đồng Tháp"), 9);
        assert_eq!(display_width("Đo\u{302}\u{300}ng Tha\u{301}p"), 9);
        assert_eq!(display_width("广东"), 4);
        assert_eq!(
            wrap("Chuyển giao công nghệ", 10),
            ["Chuyển", "giao công", "nghệ"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn a_wide_table_is_wrapped_or_split_to_fit() {
        let columns = [
            Column::key("hoạt động"),
            Column::number("văn bản"),
            Column::number("hỗ trợ"),
            Column::number("tổng đầu tư"),
            Column::number("đối ứng"),
        ];
        let rows = vec![vec![
            "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ".to_owned(),
            "12".to_owned(),
            "14.908.000".to_owned(),
            "32.738.000".to_owned(),
            "17.830.000".to_owned(),
        ]];
        for width in [30, 40, 60, 100] {
            let text = fit("Kết quả", &columns, &rows, width);
            for line in text.lines() {
                assert!(display_width(line) <= width, "{width}: {line:?}\n{text}");
            }
            for figure in ["14.908.000", "32.738.000", "17.830.000"] {
                assert!(text.contains(figure), "{width}: {text}");
            }
        }
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(clean("Quảng Nam"), "Quảng Nam");
        assert_eq!(clean("a\u{1b}[2Jb"), "a\\u{001b}[2Jb");
        assert_eq!(
            clean("x\ry\u{9b}z\u{202e}"),
            "x\\u{000d}y\\u{009b}z\\u{202e}"
        );
    }
}

//! Plain-text tables for terminals.

use std::borrow::Cow;

use khuyencong::Catalog;
use khuyencong::law::Lang;

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
    use super::clean;

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

//! Plain-text tables for terminals.

use khuyencong::Catalog;
use khuyencong::law::Lang;

/// Renders rows as an aligned text table (widths by characters, not bytes).
pub fn render(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; cols];
    for row in rows {
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

//! docs/spreadsheets.md lists every `sheet.*` code as the crate defines it.

use khuyencong_sheet::FINDINGS;

use crate::officer::root;

const BEGIN: &str = "<!-- sheet-codes:begin";
const END: &str = "<!-- sheet-codes:end -->";

fn table() -> String {
    let mut s = String::from("| code | severity | meaning | fix |\n|---|---|---|---|\n");
    for d in FINDINGS {
        s.push_str(&format!(
            "| `{}` | {} | {} / {} | {} / {} |\n",
            d.code,
            d.severity.code(),
            d.meaning_vi,
            d.meaning_en,
            d.fix_vi,
            d.fix_en
        ));
    }
    s
}

#[test]
fn the_guide_lists_every_spreadsheet_code() {
    let path = root().join("docs/spreadsheets.md");
    let text = std::fs::read_to_string(&path).expect("docs/spreadsheets.md");
    let start = text.find(BEGIN).expect("begin marker");
    let open_end = start + text[start..].find("-->").expect("marker end") + 3;
    let end = text.find(END).expect("end marker");
    let current = &text[open_end..end];
    let wanted = format!("\n{}", table());
    if current != wanted {
        if std::env::var_os("KHUYENCONG_BLESS").is_some() {
            let updated = format!("{}{wanted}{}", &text[..open_end], &text[end..]);
            std::fs::write(&path, updated).expect("write");
        } else {
            panic!(
                "docs/spreadsheets.md is out of date: run KHUYENCONG_BLESS=1 cargo test -p khuyencong-sheet --test sheet"
            );
        }
    }
}

//! Comparing text as people type it: composed or decomposed accents, case, extra and
//! non-breaking spaces.

use unicode_normalization::UnicodeNormalization;

/// The form two labels are compared in: Unicode NFC, lower case, single spaces, without a
/// trailing `*` (the mark of a required column).
pub fn fold(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    let lower = nfc.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for word in lower.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let trimmed = out.trim_end_matches('*').trim_end();
    trimmed.to_owned()
}

/// NFC, trimmed, with runs of whitespace (including non-breaking spaces and line breaks
/// inside a cell) kept as they are except at the ends.
pub fn clean(text: &str) -> String {
    text.nfc().collect::<String>().trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_compare_across_unicode_forms_case_and_spaces() {
        let decomposed = "Nguo\u{302}\u{300}n kinh phi\u{301}";
        assert_eq!(fold(decomposed), fold("nguồn  KINH\u{a0}phí"));
        assert_eq!(fold("Mã đề án *"), "mã đề án");
    }
}

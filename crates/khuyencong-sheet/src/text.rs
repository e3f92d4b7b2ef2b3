//! Comparing text as people type it: composed or decomposed accents, case, extra and
//! non-breaking spaces.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The text in Unicode NFC, without copying text that already is (most is).
fn nfc(text: &str) -> Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// The form two labels are compared in: Unicode NFC, lower case, single spaces, without a
/// trailing `*` (the mark of a required column).
pub fn fold(text: &str) -> String {
    let lower = nfc(text).to_lowercase();
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
    nfc(text.trim()).trim().to_owned()
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

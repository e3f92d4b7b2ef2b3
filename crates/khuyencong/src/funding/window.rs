//! The one policy of the funding rules read in Joint Circular 26/2014/TTLT-BTC-BCT
//! (Art. 3.3, 7.3, 7.4) outside its window: inside 2014-04-08 … 2018-05-10 they are
//! `historical`; on any other date the equivalent rule of the instrument in force
//! (Circular 28/2018/TT-BTC from 2018-05-11) has not been read, so the Joint Circular is
//! applied as a reference, `secondary`, and every message says so. The window is the
//! instrument table's ([`crate::law::SupportRegime`]). What a rule's finding becomes there is
//! stated in the rule's module: Art. 7.4 (`eligibility::double_funding`, the article's one
//! module for schemes and applicants) reports no error outside the window, only a warning for
//! the reviewer.

use chrono::NaiveDate;

use crate::finding::{Arg, Params};
use crate::law::{Confidence, Lang, SupportRegime, TTLT_26_AS_REFERENCE};

/// Whether a date is inside the window of Joint Circular 26/2014.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ttlt26 {
    /// Inside it: the rule is read in the instrument in force.
    Inside,
    /// Outside it: applied as a reference.
    Outside,
}

impl Ttlt26 {
    /// The window on `date`.
    pub(super) fn on(date: NaiveDate) -> Self {
        match SupportRegime::at(date) {
            Ok(SupportRegime::Ttlt26_2014) => Self::Inside,
            _ => Self::Outside,
        }
    }

    /// The confidence of a rule of the Joint Circular on the date.
    pub(super) const fn confidence(self) -> Confidence {
        match self {
            Self::Inside => Confidence::Historical,
            Self::Outside => Confidence::Secondary,
        }
    }
}

/// Outside the window, the message ends with the reason it is applied as a reference.
impl Arg for Ttlt26 {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match (self, lang) {
            (Self::Inside, _) => "",
            (Self::Outside, Lang::Vi) => TTLT_26_AS_REFERENCE.0,
            (Self::Outside, Lang::En) => TTLT_26_AS_REFERENCE.1,
        })
    }
    fn json(&self) -> serde_json::Value {
        serde_json::Value::Null
    }
    fn to_params(&self, _: &'static str, _: &mut Params) {}
}

#[cfg(test)]
mod tests {
    use super::Ttlt26;
    use crate::law::{Confidence, TT_28_EFFECTIVE, TTLT_26_EFFECTIVE, TTLT_26_LAST_DAY};

    /// Both sides of both ends of the window.
    #[test]
    fn window_boundaries() {
        let before = TTLT_26_EFFECTIVE.pred_opt().expect("a day");
        assert_eq!(Ttlt26::on(before), Ttlt26::Outside);
        assert_eq!(Ttlt26::on(TTLT_26_EFFECTIVE), Ttlt26::Inside);
        assert_eq!(Ttlt26::on(TTLT_26_LAST_DAY), Ttlt26::Inside);
        assert_eq!(Ttlt26::on(TT_28_EFFECTIVE), Ttlt26::Outside);
        assert_eq!(Ttlt26::Inside.confidence(), Confidence::Historical);
        assert_eq!(Ttlt26::Outside.confidence(), Confidence::Secondary);
    }
}

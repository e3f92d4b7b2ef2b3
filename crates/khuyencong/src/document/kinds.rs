//! The kinds of finding of format version 2 that its rules report directly (the
//! reconciliations of stated totals are reported by [`super::reconcile`] with their codes).

use std::fmt;

use chrono::NaiveDate;

use crate::finding::{Arg, finding_kinds};
use crate::law::Lang;

/// An amount of đồng in a message: in millions, as documents write it; the number of đồng
/// in `params`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dong(pub u64);

impl Arg for Dong {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let figure = super::reconcile::Figure {
            value: self.0,
            upper: None,
            exactness: super::common::Exactness::Exact,
        };
        let (vi, en) = super::reconcile::describe(figure, true);
        f.write_str(match lang {
            Lang::Vi => &vi,
            Lang::En => &en,
        })
    }
    fn json(&self) -> serde_json::Value {
        self.0.into()
    }
}

/// A stage of plan versus execution, by its field name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    Requested,
    Approved,
    Allocated,
    Disbursed,
    Settled,
}

impl Arg for Stage {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match (self, lang) {
            (Self::Requested, Lang::Vi) => "kinh phí đề nghị",
            (Self::Requested, Lang::En) => "the amount requested",
            (Self::Approved, Lang::Vi) => "kinh phí được phê duyệt",
            (Self::Approved, Lang::En) => "the amount approved",
            (Self::Allocated, Lang::Vi) => "kinh phí được giao dự toán",
            (Self::Allocated, Lang::En) => "the amount allocated",
            (Self::Disbursed, Lang::Vi) => "kinh phí đã giải ngân",
            (Self::Disbursed, Lang::En) => "the amount disbursed",
            (Self::Settled, Lang::Vi) => "kinh phí đã quyết toán",
            (Self::Settled, Lang::En) => "the amount settled",
        })
    }
    fn json(&self) -> serde_json::Value {
        self.field().into()
    }
}

impl Stage {
    /// The stage's field in [`super::common::Execution`].
    pub(crate) const fn field(self) -> &'static str {
        match self {
            Self::Requested => "requested",
            Self::Approved => "approved",
            Self::Allocated => "allocated",
            Self::Disbursed => "disbursed",
            Self::Settled => "settled",
        }
    }
}

finding_kinds! {
    /// A document in format version 1, read as version 2.
    Upgraded {
        code: "document.upgraded",
        severity: Info,
        citation: None,
        meaning: (
            "Văn bản theo định dạng phiên bản 1: được đọc như phiên bản 2 với cùng nội dung (phiên bản 2 chỉ bổ sung, không đổi nghĩa).",
            "A document in format version 1: it is read as version 2 with the same content (version 2 only adds elements).",
        ),
        fix: (
            "`khuyencong upgrade TỆP` ghi lại văn bản theo phiên bản 2.",
            "`khuyencong upgrade FILE` writes it as version 2.",
        ),
        params: { schema_version: u64, current: u64 },
        message: (
            "văn bản theo định dạng phiên bản {schema_version}; được đọc như phiên bản {current} với cùng nội dung (`khuyencong upgrade` ghi lại theo phiên bản {current})",
            "the document is in format version {schema_version}; it was read as version {current} with the same content (`khuyencong upgrade` writes it as version {current})",
        ),
    }

    /// A year outside the document's period.
    YearOutsidePeriod {
        code: "document.year_outside_period",
        severity: Error,
        citation: None,
        meaning: (
            "Năm của một dòng (hoặc chỉ tiêu, dòng kinh phí) nằm ngoài kỳ của văn bản.",
            "The year of a line (or a target, an envelope line) is outside the document's period.",
        ),
        fix: ("Sửa năm hoặc kỳ của văn bản.", "Correct the year or the document's period."),
        params: { year: i32, from: NaiveDate, to: NaiveDate },
        message: (
            "năm {year} nằm ngoài kỳ {from} – {to} của văn bản",
            "the year {year} is outside the document's period {from} – {to}",
        ),
    }

    /// A later stage of execution above the stage it follows.
    ExecutionStageExceeds {
        code: "document.execution_stage_exceeds",
        severity: Warning,
        citation: None,
        meaning: (
            "Một giai đoạn thực hiện lớn hơn giai đoạn trước nó: kinh phí được phê duyệt lớn hơn kinh phí đề nghị, kinh phí giải ngân lớn hơn dự toán được giao, hoặc kinh phí quyết toán lớn hơn kinh phí giải ngân. Thường là nhầm số liệu hoặc có bổ sung dự toán chưa được nêu; người thẩm định cần xem lại (chỉ so khi cả hai số đều được nêu chính xác).",
            "A stage of execution above the stage before it: more approved than requested, more disbursed than allocated, or more settled than disbursed. Usually a mistaken figure or a supplementary allocation the document does not state; a reviewer should look (compared only when both figures are stated exactly).",
        ),
        fix: (
            "Kiểm tra hai số liệu; nếu có bổ sung dự toán, nêu số đã bổ sung.",
            "Check both figures; where the allocation was supplemented, state the supplemented amount.",
        ),
        params: { later: Stage, later_vnd: Dong, earlier: Stage, earlier_vnd: Dong },
        message: (
            "{later} ({later_vnd}) lớn hơn {earlier} ({earlier_vnd})",
            "{later} ({later_vnd}) is above {earlier} ({earlier_vnd})",
        ),
    }

    /// A range whose upper end is below its lower end.
    RangeReversed {
        code: "document.range_reversed",
        severity: Error,
        citation: None,
        meaning: (
            "Số lượng nêu dạng khoảng có cận trên nhỏ hơn cận dưới.",
            "A count stated as a range has its upper end below its lower end.",
        ),
        fix: ("Sửa `min` và `max`.", "Correct `min` and `max`."),
        params: { min: u64, max: u64 },
        message: (
            "khoảng {min}–{max} có cận trên nhỏ hơn cận dưới",
            "the range {min}–{max} has its upper end below its lower end",
        ),
    }

    /// A share of a count that does not name the count.
    ShareCountMissing {
        code: "document.share_count_missing",
        severity: Error,
        citation: None,
        meaning: (
            "Tỷ lệ theo số lượng (`count_of_whole`) không nêu số lượng nào.",
            "A share of a count (`count_of_whole`) does not name the count.",
        ),
        fix: ("Ghi `count` (ví dụ `establishments`).", "State `count` (e.g. `establishments`)."),
        params: {},
        message: (
            "tỷ lệ `count_of_whole` cần nêu số lượng nào (`count`)",
            "a `count_of_whole` share needs the count it is of (`count`)",
        ),
    }

    /// A part that contradicts its line.
    PartContradictsLine {
        code: "report.part_contradicts_line",
        severity: Error,
        citation: None,
        meaning: (
            "Một phần chi tiết nêu nội dung, nguồn, năm, ngành, nhóm sản phẩm hoặc cấp bình chọn không thuộc dòng chứa nó.",
            "A part states an activity, fund, year, industry, product group or level outside its line's.",
        ),
        fix: ("Sửa phần chi tiết hoặc dòng chứa nó.", "Correct the part or its line."),
        params: { field: &'static str, part: String, line: String },
        message: (
            "phần chi tiết ghi `{field}` là `{part}`, không thuộc `{line}` của dòng chứa nó",
            "the part states `{field}` `{part}`, which is not within its line's `{line}`",
        ),
    }

    /// A programme target for one year and for each year.
    TargetYearAndEachYear {
        code: "programme.target_year_and_each_year",
        severity: Error,
        citation: None,
        meaning: (
            "Chỉ tiêu vừa nêu một năm vừa ghi là chỉ tiêu mỗi năm.",
            "A target names one year and is also said to be for each year.",
        ),
        fix: ("Bỏ `year` hoặc `each_year`.", "Remove `year` or `each_year`."),
        params: { year: i32 },
        message: (
            "chỉ tiêu vừa nêu năm {year} vừa ghi là chỉ tiêu mỗi năm",
            "the target names the year {year} and is also said to be for each year",
        ),
    }

    /// A split line naming a beneficiary the scheme does not list.
    SplitBeneficiaryUnknown {
        code: "scheme.split_beneficiary_unknown",
        severity: Error,
        citation: None,
        meaning: (
            "Dòng chia kinh phí nêu một đối tượng thụ hưởng không có trong danh sách.",
            "A line of the support split names a beneficiary the scheme does not list.",
        ),
        fix: (
            "Sửa `beneficiary_index` (vị trí trong `beneficiaries`, từ 0).",
            "Correct `beneficiary_index` (the position in `beneficiaries`, from 0).",
        ),
        params: { beneficiary_index: u32, beneficiaries: usize },
        message: (
            "dòng chia kinh phí nêu đối tượng thụ hưởng vị trí {beneficiary_index} nhưng đề án chỉ liệt kê {beneficiaries} đối tượng",
            "the line names the beneficiary at position {beneficiary_index} but the scheme lists {beneficiaries} beneficiaries",
        ),
    }

    /// A split line for one beneficiary with more than one unit.
    SplitBeneficiaryUnits {
        code: "scheme.split_beneficiary_units",
        severity: Error,
        citation: None,
        meaning: (
            "Dòng chia kinh phí cho một đối tượng thụ hưởng là một đơn vị, nhưng ghi số đơn vị khác 1.",
            "A split line for one beneficiary is one unit, but states `units` other than 1.",
        ),
        fix: ("Bỏ `units` hoặc tách dòng.", "Remove `units` or split the line."),
        params: { beneficiary_index: u32 },
        message: (
            "một dòng chia kinh phí cho một đối tượng thụ hưởng là một đơn vị; không ghi số đơn vị khác 1",
            "a line for one beneficiary is one unit; its `units` cannot be other than 1",
        ),
    }

    /// Support split to a beneficiary who is not eligible.
    SplitBeneficiaryNotEligible {
        code: "scheme.split_beneficiary_not_eligible",
        severity: Error,
        citation: None,
        meaning: (
            "Kinh phí hỗ trợ được chia cho một đối tượng thụ hưởng không đủ điều kiện.",
            "Support is split to a beneficiary who is not eligible.",
        ),
        fix: ("Bỏ phần hỗ trợ này hoặc thay đối tượng.", "Remove that support or change the beneficiary."),
        params: { beneficiary_index: u32, number: usize },
        message: (
            "kinh phí hỗ trợ được chia cho đối tượng thụ hưởng thứ {number}, là đối tượng không đủ điều kiện",
            "support is split to beneficiary no. {number}, who is not eligible",
        ),
    }
}

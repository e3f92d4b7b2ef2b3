//! Spreadsheet habits, each read as what the officer meant: merged headings, formulas with
//! the values Excel saved, dates as date cells, serial numbers or text, amounts as
//! "1.400.000.000", "1.400 triệu", "1,4 tỷ", numbers stored as text, blank cells (not
//! stated), trailing empty rows, labels instead of codes, a total row, "trong đó" parts
//! numbered 2.1 and 2.2. The seed report (An Giang, 2021–2025) typed this way reads as
//! exactly the document of `docs/examples/an-giang-2021-2025.json`.

use khuyencong::Severity;
use khuyencong::document::{CheckOptions, parse};
use khuyencong_sheet::read_bytes_as_documents;

use crate::officer::{Rows, Typed, fill, root};

fn an_giang_as_typed() -> Vec<u8> {
    use Typed::{Date, Formula, Number, Text};
    let main: Rows<'_> = vec![vec![
        ("STT", Text("1")),
        ("id", Text("an-giang-kcqg-2021-2025")),
        (
            "title",
            Text(
                "Báo cáo về tình hình thực hiện Chương trình khuyến công quốc gia giai đoạn 2021-2025 trên địa bàn tỉnh An Giang",
            ),
        ),
        ("reporting_unit.name", Text("Ủy ban nhân dân tỉnh An Giang")),
        ("reporting_unit.province", Text("An Giang")),
        // A date cell, and an Excel serial number typed in a General cell (46022 = 31/12/2025).
        ("period.from", Date(2021, 1, 1)),
        ("period.to", Number(46022.0)),
        ("in_reply_to.number", Text("1463/BCT-CTĐP")),
        ("in_reply_to.date", Text("27/02/2025")),
        ("in_reply_to.issuer", Text("Bộ Công Thương")),
        // The code itself.
        ("programme", Text("qd_1881_2020_ttg")),
        // "Tổng nguồn vốn": a formula over the lines, with the value Excel saved.
        (
            "funding.total",
            Formula("=1400000000+15697000000+17290000000", 34_387_000_000.0),
        ),
    ]];
    let fund = "Kinh phí khuyến công quốc gia";
    let provincial = "kinh phí khuyến công địa phương cấp tỉnh"; // lower case: read with a note
    let machinery =
        "Chuyển giao công nghệ, ứng dụng máy móc tiên tiến, tiến bộ khoa học kỹ thuật vào sản xuất";
    let contest = "Tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu";
    let results: Rows<'_> = vec![
        vec![
            ("STT", Text("1")),
            ("activity", Text(machinery)),
            ("fund", Text(fund)),
            ("counts.establishments", Text("05")),
            ("support", Text("1.400 triệu")),
            ("total_investment", Text("4.600.000.000")),
            (
                "note",
                Text(
                    "Hỗ trợ 05 cơ sở CNNT ứng dụng máy móc thiết bị tiên tiến; tổng kinh phí hỗ trợ 1.400 triệu đồng, vốn thu hút đầu tư từ cơ sở CNNT 4.600 triệu đồng",
                ),
            ),
        ],
        vec![
            ("STT", Text("2")),
            ("activity", Text("advanced_machinery_technology_transfer")),
            ("fund", Text(provincial)),
            // A number stored as text.
            ("counts.establishments", Text("57")),
            ("support", Text("13.058 triệu")),
            ("total_investment", Number(27_148_000_000.0)),
            (
                "note",
                Text(
                    "Hỗ trợ 57 cơ sở CNNT; tổng kinh phí hỗ trợ 13.058 triệu đồng, vốn thu hút đầu tư 27.148 triệu đồng",
                ),
            ),
        ],
        vec![
            ("STT", Text("3")),
            ("activity", Text("fairs_exhibitions")),
            ("counts.fairs", Number(12.0)),
            ("counts.participations", Number(205.0)),
            (
                "note",
                Text("12 cuộc hội chợ, triển lãm trong nước; 205 lượt cơ sở CNNT tham gia"),
            ),
        ],
        vec![
            ("STT", Text("4")),
            ("activity", Text(contest)),
            ("fund", Text("provincial")),
            ("level", Text("Cấp tỉnh")),
            ("counts.rounds", Number(2.0)),
            ("counts.participations", Number(29.0)),
            ("counts.products_certified", Number(33.0)),
            ("support", Text("128 triệu")),
            (
                "note",
                Text(
                    "02 cuộc bình chọn cấp tỉnh, 29 lượt cơ sở tham gia, 33 sản phẩm đạt chứng nhận; tổng kinh phí tổ chức 128 triệu đồng",
                ),
            ),
        ],
        vec![
            ("STT", Text("5")),
            ("activity", Text(contest)),
            ("level", Text("regional")),
            ("counts.products_certified", Number(8.0)),
        ],
        vec![
            ("STT", Text("6")),
            ("activity", Text(contest)),
            ("level", Text("national")),
            ("counts.products_certified", Number(3.0)),
        ],
        vec![
            ("STT", Text("7")),
            ("activity", Text("information")),
            ("counts.broadcasts", Number(7.0)),
            ("counts.articles", Number(10.0)),
            ("counts.websites", Number(18.0)),
            (
                "note",
                Text(
                    "07 chương trình truyền hình chuyên đề; 10 chuyên mục trên Báo An Giang; 18 website/phần mềm ứng dụng cho cơ sở CNNT",
                ),
            ),
        ],
        vec![
            ("STT", Text("8")),
            ("activity", Text("staff_training_materials")),
            ("counts.courses", Number(1.0)),
            ("counts.trainees", Number(150.0)),
            (
                "note",
                Text("01 lớp tập huấn cho 150 lượt người làm công tác khuyến công"),
            ),
        ],
        vec![
            ("STT", Text("9")),
            ("activity", Text("inspection_supervision")),
            ("counts.visits", Text("hơn 100 lượt")),
        ],
        vec![
            ("STT", Text("10")),
            ("activity", Text("extension_centres_collaborators")),
            ("counts.collaborators", Number(143.0)),
            (
                "note",
                Text("143 cộng tác viên khuyến công tại các xã, phường, thị trấn"),
            ),
        ],
        vec![
            ("STT", Text("11")),
            ("activity", Text("market_export_expansion")),
            ("counts.trips", Number(6.0)),
            ("note", Text("06 chuyến kết nối cung cầu")),
        ],
        // The total row officers add under a table.
        vec![
            ("STT", Text("Tổng cộng")),
            ("support", Formula("=SUM(I5:I15)", 14_586_000_000.0)),
        ],
    ];
    let lines: Rows<'_> = vec![
        vec![
            ("STT", Text("1")),
            (
                "source",
                Text("Ngân sách trung ương (kinh phí khuyến công quốc gia)"),
            ),
            (
                "label",
                Text(
                    "Nguồn ngân sách Trung ương (kinh phí khuyến công quốc gia, Bộ Công Thương cấp)",
                ),
            ),
            ("amount", Text("1,4 tỷ")),
        ],
        vec![
            ("STT", Text("2")),
            ("source", Text("local_budget_provincial")),
            ("label", Text("Ngân sách địa phương (ngân sách tỉnh)")),
            ("amount", Text("15.697 triệu")),
        ],
        vec![
            ("STT", Text("2.1")),
            ("source", Text("national_target_programme")),
            ("label", Text("Chương trình MTQG XD NTM")),
            ("amount", Text("838 triệu đồng")),
        ],
        vec![
            ("STT", Text("2.2")),
            ("source", Text("local_budget_provincial")),
            ("label", Text("Chương trình khuyến công")),
            ("amount", Number(14_859_000_000.0)),
        ],
        vec![
            ("STT", Text("3")),
            ("source", Text("counterpart")),
            ("label", Text("Vốn cơ sở, doanh nghiệp đối ứng")),
            ("amount", Text("17.290.000.000")),
        ],
    ];
    let targets: Rows<'_> = vec![
        vec![
            ("STT", Text("1")),
            ("activity", Text("demonstration_model")),
            ("counts.models", Text("khoảng 02 mô hình")),
        ],
        vec![
            ("STT", Text("2")),
            ("activity", Text(machinery)),
            ("counts.establishments", Number(100.0)),
        ],
        vec![
            ("STT", Text("3")),
            ("activity", Text(contest)),
            ("level", Text("provincial")),
            ("counts.products_certified", Text("khoảng 50 sản phẩm")),
        ],
        vec![
            ("STT", Text("4")),
            ("activity", Text(contest)),
            ("level", Text("regional")),
            ("counts.products_certified", Number(20.0)),
        ],
        vec![
            ("STT", Text("5")),
            ("activity", Text(contest)),
            ("level", Text("national")),
            ("counts.products_certified", Number(10.0)),
        ],
        vec![
            ("STT", Text("6")),
            ("activity", Text("fairs_exhibitions")),
            ("counts.participations", Number(20.0)),
            ("counts.establishments", Text("hơn 200 cơ sở")),
        ],
    ];
    fill(
        "period_report",
        &[
            ("", main),
            ("results", results),
            ("funding.lines", lines),
            ("targets", targets),
        ],
    )
}

#[test]
fn the_seed_report_typed_as_officers_type_it_is_the_seed_report() {
    let bytes = an_giang_as_typed();
    let docs = read_bytes_as_documents(&bytes, "an-giang.xlsx", None);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    let errors: Vec<_> = doc
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let json = doc.json.clone().expect("json");
    let read = parse(&serde_json::to_vec(&json).expect("json"))
        .unwrap_or_else(|f| panic!("{f:#?}\n{json:#}"));
    let seed =
        parse(&std::fs::read(root().join("docs/examples/an-giang-2021-2025.json")).expect("seed"))
            .expect("seed parses");
    assert_eq!(read, seed, "{json:#}");
    // It checks clean, as the seed does; the notes say how cells were read.
    let checked = doc.check(&CheckOptions::default());
    assert!(!checked.has_errors(), "{:#?}", checked.findings);
    let codes: Vec<&str> = checked.findings.iter().map(|f| f.code.as_str()).collect();
    for code in [
        "sheet.serial_date",
        "sheet.label_as_code",
        "sheet.total_row",
        "sheet.example_rows",
    ] {
        assert!(codes.contains(&code), "{code}: {codes:?}");
    }
    let serial = checked
        .findings
        .iter()
        .find(|f| f.code == "sheet.serial_date")
        .expect("serial");
    assert_eq!(serial.path, "/period/to");
    assert!(
        serial.message_en().contains("2025-12-31"),
        "{}",
        serial.message_en()
    );
    let label = checked
        .findings
        .iter()
        .find(|f| f.code == "sheet.label_as_code")
        .expect("label");
    assert_eq!(label.path, "/results/1/fund");
}

//! The command's definitions in the user's language: Vietnamese (the default) or English.
//!
//! The English texts are the doc comments of the definitions; the Vietnamese ones are in
//! [`VI`], keyed by the command's path and the argument's name. A test requires a
//! Vietnamese text for every command, argument and documented value.

use std::ffi::OsString;

use clap::builder::PossibleValue;
use clap::{Arg, Command, CommandFactory};
use khuyencong::law::Lang;

use crate::Cli;

/// The language of the help: `--lang vi|en` anywhere among the arguments, else the locale
/// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`): Vietnamese when it starts with `vi`,
/// English for any other language; Vietnamese when no locale names a language (unset,
/// `C`, `POSIX`).
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = if a == "--lang" {
            it.next().map(std::borrow::Cow::into_owned)
        } else {
            a.strip_prefix("--lang=").map(str::to_owned)
        };
        match value.as_deref() {
            Some("en") => return Lang::En,
            Some("vi") => return Lang::Vi,
            _ => {}
        }
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(v) = std::env::var_os(var) {
            let v = v.to_string_lossy();
            if v.is_empty() {
                continue;
            }
            return locale_lang(&v);
        }
    }
    Lang::Vi
}

fn locale_lang(locale: &str) -> Lang {
    if locale.starts_with("vi") || locale == "C" || locale == "POSIX" || locale.starts_with("C.") {
        Lang::Vi
    } else {
        Lang::En
    }
}

/// The command's definition with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = Cli::command();
    cmd.build();
    match lang {
        Lang::En => cmd,
        Lang::Vi => translate(cmd, "")
            .help_template(VI_TEMPLATE)
            .after_help(VI_AFTER),
    }
}

const VI_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";
const VI_AFTER: &str = "Trợ giúp bằng tiếng Anh / help in English: --lang en";

/// The key of a command in [`VI`]: the names of its subcommands from the top, joined by
/// spaces (`""` for the command itself, `"register add"`).
fn sub_key(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path} {name}")
    }
}

fn exact(key: &str) -> Option<&'static str> {
    VI.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The Vietnamese text of a key: its own; for the `help` subcommands, the text of the
/// command they show; for an argument every command has (`--help`, `--output`) or that a
/// command passes to its subcommands (`register --db`), the shared one.
fn vi(key: &str) -> Option<&'static str> {
    if let Some(t) = exact(key) {
        return Some(t);
    }
    let (path, arg) = match key.split_once(" --") {
        Some((p, a)) => (p.trim(), Some(a)),
        None => (key, None),
    };
    let words: Vec<&str> = path.split(' ').filter(|w| !w.is_empty()).collect();
    if arg.is_none() && words.last() == Some(&"help") {
        return exact("help");
    }
    if let Some(i) = words.iter().position(|w| *w == "help")
        && i + 1 < words.len()
        && arg.is_none()
    {
        let mut shown = words.clone();
        shown.remove(i);
        return vi(&shown.join(" "));
    }
    let arg = arg?;
    if let Some(t) = exact(&format!("* --{arg}")) {
        return Some(t);
    }
    (1..words.len())
        .rev()
        .find_map(|n| exact(&format!("{} --{arg}", words[..n].join(" "))))
}

/// Help from a Vietnamese text: the first paragraph as the short help, the whole as the long.
fn split(text: &'static str) -> (&'static str, Option<&'static str>) {
    match text.split_once("\n\n") {
        Some((short, _)) => (short, Some(text)),
        None => (text, None),
    }
}

fn translate(mut cmd: Command, path: &str) -> Command {
    if let Some(text) = vi(path) {
        let (short, long) = split(text);
        cmd = cmd.about(short).long_about(long);
    }
    cmd = cmd
        .help_template(VI_TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH");
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let key = format!("{path} --{id}");
        cmd = cmd.mut_arg(&id, |a| translate_arg(a, &key));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in subs {
        let key = sub_key(path, &name);
        cmd = cmd.mut_subcommand(&name, |c| translate(c, &key));
    }
    cmd
}

fn translate_arg(mut a: Arg, key: &str) -> Arg {
    let heading = if a.is_positional() {
        "Đối số"
    } else {
        "Tùy chọn"
    };
    a = a.help_heading(heading);
    let Some(text) = vi(key) else {
        return a;
    };
    let (short, long) = split(text);
    let mut short = short.to_owned();
    let mut long = long.map(str::to_owned);
    // clap writes "[possible values: …]" and "[default: …]" in English: the Vietnamese help
    // says them itself (the values' own help in the long form).
    let values: Vec<PossibleValue> = a
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_value = a.get_num_args().is_some_and(|n| n.takes_values());
    if !values.is_empty() && takes_value {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        short.push_str(&format!(" [giá trị: {}]", names.join(", ")));
        if values.iter().any(|v| v.get_help().is_some()) {
            let mut l = long.unwrap_or_else(|| text.to_owned());
            l.push_str("\n\nGiá trị:");
            for v in &values {
                let k = format!("{key}={}", v.get_name());
                match vi(&k) {
                    Some(h) => l.push_str(&format!("\n  - {}: {h}", v.get_name())),
                    None => l.push_str(&format!("\n  - {}", v.get_name())),
                }
            }
            long = Some(l);
        }
        a = a.hide_possible_values(true);
    }
    if !defaults.is_empty() && takes_value && !a.is_hide_default_value_set() {
        let d = format!(" [mặc định: {}]", defaults.join(", "));
        short.push_str(&d);
        long = long.map(|mut l| {
            l.push_str(&format!("\n\n[mặc định: {}]", defaults.join(", ")));
            l
        });
        a = a.hide_default_value(true);
    }
    if let Some(l) = &mut long
        && !values.is_empty()
        && takes_value
        && !l.contains("Giá trị:")
    {
        l.push_str(&format!(
            "\n\n[giá trị: {}]",
            values
                .iter()
                .map(PossibleValue::get_name)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let a = a.help(short);
    match long {
        Some(l) => a.long_help(l),
        None => a.long_help(None::<&'static str>),
    }
}

/// Every text of the help that [`VI`] must translate: `(key, English text)`.
#[cfg(test)]
fn texts(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
    if let Some(about) = cmd.get_about() {
        out.push((path.to_owned(), about.to_string()));
    }
    for a in cmd.get_arguments() {
        let key = format!("{path} --{}", a.get_id());
        if let Some(h) = a.get_long_help().or(a.get_help()) {
            out.push((key.clone(), h.to_string()));
        }
        for v in a.get_possible_values() {
            if let Some(h) = v.get_help() {
                out.push((format!("{key}={}", v.get_name()), h.to_string()));
            }
        }
    }
    for c in cmd.get_subcommands() {
        texts(c, &sub_key(path, c.get_name()), out);
    }
}

/// The Vietnamese help: `("check", about)`, `("check --files", help)`,
/// `("check --format=json", a value's help)`.
static VI: &[(&str, &str)] = &[
    (
        "",
        "Lệnh khuyencong: kiểm tra văn bản khuyến công (đề án, kế hoạch, báo cáo, chương trình), tổng hợp số liệu, giải thích điều kiện và mức hỗ trợ",
    ),
    (
        " --lang",
        "Ngôn ngữ của trợ giúp (mặc định: theo LC_ALL, LC_MESSAGES hoặc LANG; tiếng Việt khi các biến này không chỉ một ngôn ngữ). Mỗi lệnh có --lang riêng cho kết quả của lệnh",
    ),
    ("* --help", "In trợ giúp"),
    ("* --version", "In số phiên bản"),
    (
        "* --output",
        "Ghi kết quả vào tệp FILE thay vì đầu ra chuẩn",
    ),
    ("help", "In trợ giúp này hoặc trợ giúp của một lệnh"),
    (
        "schema",
        "In một lược đồ JSON (draft 2020-12): document, scheme, plan, period_report, programme, findings, provincial_pack; hoặc, với --codelist, một danh mục mã dạng CSV hay JSON",
    ),
    ("schema --kind", "Tên lược đồ"),
    (
        "schema --codelist",
        "In một danh mục mã (ví dụ `activities`) với mọi giá trị, tên, căn cứ và thời gian hiệu lực",
    ),
    (
        "schema --format",
        "Định dạng đầu ra (csv chỉ dùng với --codelist)",
    ),
    (
        "check",
        "Kiểm tra văn bản (đề án, kế hoạch, báo cáo, chương trình): mọi vấn đề, ở đâu, theo điều khoản nào\n\nMã thoát 0: không có lỗi; 1: có lỗi (kể cả nội dung JSON không đọc được); 2: không mở được một tệp (tệp đó được báo cùng các tệp khác, các tệp khác vẫn được kiểm tra) hoặc dùng lệnh sai; 141: đầu ra bị đóng trước khi in xong (`| head`).",
    ),
    (
        "check --files",
        "Tệp, thư mục (đọc cả thư mục con: `.json`, `.jsonl`, `.xlsx`, `.csv`) hoặc mẫu tên (`bao-cao/*.json`); `-` đọc đầu vào chuẩn; tệp `.jsonl` được đọc từng dòng; tệp `.xlsx` và `.csv` được đọc như biểu mẫu đã điền (phát hiện chỉ rõ ô)",
    ),
    (
        "check --jsonl",
        "Coi mọi đầu vào là JSON Lines (mỗi dòng một văn bản)",
    ),
    ("check --lang", "Ngôn ngữ của thông báo khi in dạng bảng"),
    (
        "check --format",
        "Định dạng đầu ra (`jsonl`: mỗi kết quả một dòng, in dần; `csv`: mỗi phát hiện một dòng; `sarif`: SARIF 2.1.0 cho các công cụ quét mã)",
    ),
    (
        "check --format=table",
        "Bảng cho người đọc (theo ngôn ngữ của `--lang`)",
    ),
    (
        "check --format=json",
        "Một tài liệu JSON: phát hiện của mọi đầu vào và phần tổng cộng (lược đồ findings)",
    ),
    (
        "check --format=jsonl",
        "Mỗi đầu vào, mỗi dòng một đối tượng JSON, in dần",
    ),
    (
        "check --format=csv",
        "Mỗi phát hiện một dòng CSV (đầu vào không có phát hiện được một dòng không có mã)",
    ),
    (
        "check --format=sarif",
        "SARIF 2.1.0 (một lần chạy; quy tắc lấy từ danh mục phát hiện), cho các công cụ quét mã",
    ),
    (
        "check --no_fix",
        "Dạng bảng: không in cách sửa dưới mỗi lỗi",
    ),
    ("check --quiet", "Dạng bảng: chỉ in lỗi và dòng tổng cộng"),
    (
        "check --color",
        "Dạng bảng: tô màu theo mức độ (`auto`: khi in ra màn hình, trừ khi có biến môi trường NO_COLOR)",
    ),
    (
        "check --color=auto",
        "Khi in ra màn hình, trừ khi đặt biến môi trường NO_COLOR",
    ),
    (
        "check --color=always",
        "Luôn luôn (kể cả khi ghi vào tệp hoặc đường ống)",
    ),
    ("check --color=never", "Không bao giờ"),
    (
        "check --pack",
        "Gói quy định của tỉnh cho đề án dùng kinh phí địa phương: tên một gói có sẵn (xem `khuyencong packs`) hoặc một tệp JSON",
    ),
    (
        "check --xlsx",
        "Ghi thêm kết quả ra tệp Excel: mọi phát hiện kèm ô, và bản sao của mỗi bảng tính đầu vào với phát hiện ghi vào đúng ô",
    ),
    (
        "totals",
        "Cộng số liệu các văn bản, chính xác, theo tỉnh, kỳ, năm, cấp kinh phí, nguồn, hoạt động, ngành và nhóm sản phẩm — hoặc, với --targets, so chỉ tiêu của chương trình với kết quả của các báo cáo về chương trình đó",
    ),
    (
        "totals --files",
        "Tệp, thư mục (đọc cả thư mục con) hoặc mẫu tên cần tổng hợp; `-` đọc đầu vào chuẩn; tệp `.jsonl` được đọc từng dòng; tệp `.xlsx` và `.csv` được đọc như biểu mẫu đã điền",
    ),
    (
        "totals --by",
        "Khóa nhóm, cách nhau bằng dấu phẩy: province (tỉnh theo ngày của văn bản), province_now (đơn vị hiện nay, sau sắp xếp năm 2025), period, year, fund_level, source, activity, industry, product_group, kind. Cách đọc tên tỉnh được ghi chú ở đầu ra lỗi chuẩn",
    ),
    (
        "totals --targets",
        "So mỗi chương trình trong các tệp với các báo cáo kỳ về chương trình đó (theo `programme_id`, hoặc theo quyết định phê duyệt): mỗi chỉ tiêu và mỗi chỉ số một dòng",
    ),
    ("totals --jsonl", "Coi mọi đầu vào là JSON Lines"),
    (
        "totals --lang",
        "Ngôn ngữ của nhãn và cách viết số khi in dạng bảng",
    ),
    ("totals --format", "Định dạng đầu ra"),
    (
        "totals --amounts",
        "Số tiền trong bảng: theo triệu đồng (`million`) hoặc theo đồng (`dong`). JSON, JSON Lines và CSV luôn ghi số đồng nguyên",
    ),
    (
        "totals --amounts=million",
        "Theo triệu đồng, chính xác: `48,91`",
    ),
    ("totals --amounts=dong", "Theo đồng: `48.910.000`"),
    ("totals --xlsx", "Ghi thêm số liệu tổng hợp ra tệp Excel"),
    (
        "explain",
        "Giải thích một mã phát hiện: ý nghĩa, căn cứ pháp lý và cách sửa",
    ),
    (
        "explain --code",
        "Mã phát hiện, ví dụ `report.counterpart_mismatch`",
    ),
    ("explain --lang", "Ngôn ngữ"),
    (
        "explain --format",
        "Định dạng đầu ra (`jsonl`: JSON trên một dòng)",
    ),
    (
        "catalog",
        "In danh mục văn bản pháp luật và các danh mục mã có hiệu lực vào một ngày",
    ),
    (
        "catalog --as_of",
        "Ngày (YYYY-MM-DD); ngày quyết định chế độ áp dụng",
    ),
    ("catalog --lang", "Ngôn ngữ của nhãn khi in dạng bảng"),
    (
        "catalog --format",
        "Định dạng đầu ra (`jsonl`: mỗi mục một dòng, dùng với --list)",
    ),
    (
        "catalog --list",
        "Chỉ in danh mục này (ví dụ `activities`); bắt buộc với CSV và JSON Lines",
    ),
    (
        "eligibility",
        "Đánh giá một đối tượng có được hưởng một hoạt động khuyến công vào một ngày không",
    ),
    (
        "eligibility --applicant",
        "Thông tin của đối tượng (JSON, xem lược đồ ApplicantFacts)",
    ),
    (
        "eligibility --activity",
        "Mã hoạt động (ví dụ `advanced_machinery_technology_transfer`)",
    ),
    (
        "eligibility --as_of",
        "Ngày (YYYY-MM-DD), thường là ngày phê duyệt đề án; ngày quyết định chế độ áp dụng",
    ),
    ("eligibility --lang", "Ngôn ngữ khi in dạng bảng"),
    ("eligibility --format", "Định dạng đầu ra"),
    (
        "eligibility --format=json",
        "Kết quả đánh giá dạng JSON (lược đồ `assessment`; giống hàm `assess` của Python)",
    ),
    ("eligibility --format=table", "Bảng cho người đọc"),
    (
        "support",
        "Tính mức hỗ trợ tối đa của Nhà nước cho một hoạt động vào một ngày (kèm cách tính)",
    ),
    (
        "support --activity",
        "Mã hoạt động (ví dụ `advanced_machinery_technology_transfer`)",
    ),
    (
        "support --cost",
        "Chi phí được hỗ trợ: số đồng nguyên (`620000000`) hoặc cách viết tiếng Việt (`620 triệu`)",
    ),
    (
        "support --as_of",
        "Ngày (YYYY-MM-DD) phê duyệt đề án; ngày quyết định văn bản áp dụng",
    ),
    ("support --fund", "Cấp kinh phí của đề án"),
    (
        "support --variant",
        "Nội dung cụ thể, khi hoạt động có nhiều nội dung (ví dụ `new_technology_or_product`)",
    ),
    (
        "support --priority",
        "Đề án thuộc địa bàn hoặc ngành ưu tiên được áp dụng mức cao hơn",
    ),
    (
        "support --technology_line",
        "Hỗ trợ cả một dây chuyền công nghệ",
    ),
    (
        "support --units",
        "Số đơn vị (cơ sở, mô hình, lớp… — đơn vị tính của mức hỗ trợ) mà chi phí bao gồm: mức trần áp dụng cho mỗi đơn vị (đề án chung cho 8 hợp tác xã: `--units 8`)",
    ),
    (
        "support --pack",
        "Gói quy định của tỉnh cho kinh phí địa phương: tên một gói có sẵn (xem `khuyencong packs`, ví dụ `dong-thap-2024`) hoặc một tệp JSON",
    ),
    ("support --lang", "Ngôn ngữ khi in dạng bảng"),
    ("support --format", "Định dạng đầu ra"),
    (
        "upgrade",
        "Ghi một văn bản theo phiên bản định dạng hiện hành (2). Văn bản phiên bản 1 giữ nguyên mọi số liệu, mã và lời văn; chỉ `schema_version` thay đổi\n\nMã thoát 0: đã ghi; 1: một văn bản không đọc được (không ghi gì); 2: không mở hoặc không ghi được một tệp, hoặc dùng lệnh sai.",
    ),
    (
        "upgrade --file",
        "Tệp; `-` đọc đầu vào chuẩn; tệp `.jsonl` được nâng cấp từng dòng",
    ),
    (
        "upgrade --output",
        "Ghi vào tệp này thay vì đầu ra chuẩn (có thể chính là tệp đầu vào)",
    ),
    ("upgrade --jsonl", "Coi đầu vào là JSON Lines"),
    ("upgrade --lang", "Ngôn ngữ của thông báo"),
    (
        "packs",
        "Liệt kê các gói quy định của tỉnh có sẵn trong thư viện (tên, tỉnh, văn bản, thời gian hiệu lực, độ tin cậy, số quy định); dùng một gói với `--pack TÊN`",
    ),
    ("packs --lang", "Ngôn ngữ khi in dạng bảng"),
    ("packs --format", "Định dạng đầu ra"),
    (
        "register",
        "Sổ theo dõi: chương trình, kế hoạch, đề án và báo cáo lưu qua các năm trong SQLite hoặc PostgreSQL, được kiểm tra khi nhập (xem docs/register.md)",
    ),
    (
        "register --db",
        "Sổ theo dõi: một tệp SQLite (tạo bằng `init`) hoặc một địa chỉ `postgres://…`",
    ),
    (
        "register --format",
        "Định dạng đầu ra của câu hỏi và danh sách",
    ),
    (
        "register init",
        "Tạo sổ theo dõi (hoặc cập nhật sổ đã có): `init khuyencong.db`, hoặc `init postgres://user@host/db` cho một cơ sở dữ liệu PostgreSQL đã có",
    ),
    ("register init --target", "Sổ theo dõi (thay cho --db)"),
    (
        "register migrate",
        "Cập nhật cấu trúc của sổ theo phiên bản khuyencong này (hãy sao lưu trước)",
    ),
    (
        "register add",
        "Kiểm tra văn bản và lưu vào sổ: được nhận, hoặc bị từ chối kèm phát hiện; văn bản đã sửa thành phiên bản mới. Cả lô được lưu, hoặc không văn bản nào",
    ),
    (
        "register add --files",
        "Tệp; `-` đọc đầu vào chuẩn; tệp `.jsonl` được đọc từng dòng",
    ),
    ("register add --jsonl", "Coi mọi đầu vào là JSON Lines"),
    (
        "register state",
        "Ghi một trạng thái của đề án kèm ngày và nguồn",
    ),
    ("register state --scheme_id", "Mã đề án"),
    (
        "register state --state",
        "proposed (đề xuất), approved (phê duyệt), implemented (thực hiện), settled (quyết toán) hoặc cancelled (hủy)",
    ),
    ("register state --date", "Ngày có hiệu lực (YYYY-MM-DD)"),
    (
        "register state --source",
        "Căn cứ: số và cơ quan ban hành quyết định, biên bản…",
    ),
    ("register state --note", "Ghi chú"),
    (
        "register documents",
        "Mọi phiên bản của mọi văn bản, kèm trạng thái và số phát hiện",
    ),
    (
        "register schemes",
        "Mọi đề án kèm kế hoạch, báo cáo và trạng thái mới nhất",
    ),
    (
        "register progress",
        "Tiến độ so với chỉ tiêu mà các báo cáo đề ra cho kỳ sau, theo tỉnh và kỳ (số lượng và kinh phí)",
    ),
    (
        "register programme-progress",
        "Chỉ tiêu của mỗi chương trình so với kết quả của các báo cáo về chương trình đó (phép tính của thư viện, như `totals --targets`)",
    ),
    (
        "register unreported",
        "Đề án đã phê duyệt (và không bị hủy) mà chưa báo cáo nào tính đến",
    ),
    (
        "register money",
        "Kinh phí theo nguồn và cấp kinh phí qua các năm (tổng hợp của thư viện)",
    ),
    (
        "register money --by",
        "Khóa nhóm, cách nhau bằng dấu phẩy: province, period (hoặc year), fund_level, source, activity (kind luôn đứng đầu)",
    ),
    (
        "register money --province",
        "Nhóm theo tỉnh vào ngày của văn bản (`time`) hoặc theo tỉnh hiện nay, sau sắp xếp ngày 01/7/2025 (`now`)",
    ),
    (
        "register beneficiaries",
        "Số đề án của mỗi đối tượng thụ hưởng: một cơ sở được hỗ trợ hai lần cho cùng nội dung",
    ),
    (
        "register beneficiaries --all",
        "Mọi đối tượng thụ hưởng, không chỉ những đối tượng có nhiều hơn một đề án",
    ),
    (
        "register recheck",
        "Kiểm tra lại mọi văn bản đã lưu theo quy định hiện hành và liệt kê những gì thay đổi",
    ),
    ("register recheck --dry_run", "Chỉ liệt kê; không ghi gì"),
    (
        "register export",
        "Ghi toàn bộ sổ dạng JSON Lines (ra tệp, hoặc `-` ra đầu ra chuẩn)",
    ),
    ("register export --file", "Tệp cần ghi"),
    (
        "register import",
        "Đọc một bản xuất vào sổ mới (--db), rồi cập nhật sổ",
    ),
    ("register import --file", "Bản xuất (`-` đọc đầu vào chuẩn)"),
    (
        "register sql",
        "Chạy một câu truy vấn SQL chỉ đọc (xem các view trong docs/register.md)",
    ),
    ("register sql --query", "Câu truy vấn"),
    (
        "template",
        "Ghi biểu mẫu bảng tính (xlsx hoặc csv) cho một loại văn bản: tiêu đề tiếng Việt và tiếng Anh, danh sách chọn mã, hướng dẫn kèm căn cứ pháp lý của từng cột, dòng ví dụ. `check` và `totals` đọc được biểu mẫu đã điền",
    ),
    (
        "template --kind",
        "Loại văn bản: scheme, plan, period_report (mọi loại có lược đồ)",
    ),
    (
        "template --format",
        "Định dạng tệp (mặc định: theo phần mở rộng của -o, nếu không thì xlsx)",
    ),
    ("template --format=xlsx", "Sổ tính Excel"),
    (
        "template --format=csv",
        "CSV: các trang tính nối tiếp nhau, mỗi trang dưới một dòng tiêu đề",
    ),
    (
        "template --output",
        "Ghi vào tệp này (sổ tính không được in ra màn hình)",
    ),
    ("template --no_example", "Bỏ các dòng ví dụ"),
    (
        "template --excel",
        "CSV cho Excel: có dấu BOM UTF-8 và xuống dòng CRLF",
    ),
    (
        "convert",
        "Chuyển bảng tính (xlsx, csv) thành văn bản JSON, hoặc văn bản JSON thành bảng tính\n\nMã thoát 0: đã chuyển; 1: không đọc được một ô hoặc văn bản, hoặc bảng tính không giữ được chính xác một giá trị (ghi ở đầu ra lỗi chuẩn); 2: dùng lệnh sai.",
    ),
    (
        "convert --inputs",
        "Tệp đầu vào: bảng tính (.xlsx, .csv) để chuyển thành JSON, hoặc văn bản JSON (.json, .jsonl, `-` đọc đầu vào chuẩn) để chuyển thành bảng tính",
    ),
    (
        "convert --output",
        "Ghi vào tệp này: .json (một văn bản), .jsonl, .xlsx hoặc .csv",
    ),
    (
        "convert --format",
        "Định dạng bảng tính khi chuyển từ JSON (mặc định: theo phần mở rộng của -o, nếu không thì xlsx)",
    ),
    ("convert --format=xlsx", "Sổ tính Excel"),
    (
        "convert --format=csv",
        "CSV: các trang tính nối tiếp nhau, mỗi trang dưới một dòng tiêu đề",
    ),
    (
        "convert --excel",
        "CSV cho Excel: có dấu BOM UTF-8 và xuống dòng CRLF",
    ),
    ("convert --lang", "Ngôn ngữ của thông báo"),
    (
        "completions",
        "In tập lệnh tự hoàn thành cho shell (bash, zsh, fish, powershell, elvish), ví dụ `khuyencong completions bash > /etc/bash_completion.d/khuyencong`",
    ),
    ("completions --shell", "Shell"),
    (
        "completions --lang",
        "Ngôn ngữ của phần mô tả trong tập lệnh",
    ),
    (
        "man",
        "In trang hướng dẫn (roff), ví dụ `khuyencong man | man -l -`",
    ),
    ("man --lang", "Ngôn ngữ của trang"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_of_the_help_is_in_vietnamese() {
        let mut all = Vec::new();
        texts(&command(Lang::En), "", &mut all);
        let missing: Vec<String> = all
            .iter()
            .filter(|(k, _)| vi(k).is_none())
            .map(|(k, en)| {
                format!(
                    "    (\"{k}\", \"{}\"),",
                    en.replace('"', "\\\"").replace('\n', "\\n")
                )
            })
            .collect();
        assert!(
            missing.is_empty(),
            "missing Vietnamese help:\n{}",
            missing.join("\n")
        );
        let unused: Vec<&str> = VI
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| !k.starts_with("* ") && !all.iter().any(|(a, _)| a == k))
            .collect();
        assert!(unused.is_empty(), "Vietnamese help for nothing: {unused:?}");
    }

    #[test]
    fn the_locale_decides_the_help_language_when_lang_is_not_given() {
        assert!(matches!(locale_lang("vi_VN.UTF-8"), Lang::Vi));
        assert!(matches!(locale_lang("en_US.UTF-8"), Lang::En));
        assert!(matches!(locale_lang("C.UTF-8"), Lang::Vi));
        assert!(matches!(locale_lang("POSIX"), Lang::Vi));
        assert!(matches!(locale_lang("fr_FR"), Lang::En));
    }
}

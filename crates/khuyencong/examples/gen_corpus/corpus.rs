//! A deterministic generator of realistic documents (schemes and period reports), for
//! benchmarks, property tests and load tests: the same seed always gives the same bytes.
//!
//! Documents follow the example documents in `docs/examples/`, varied: provinces, dates in
//! both regimes (Decree 45/2012 and Decree 235/2025), activities, amounts in whole đồng and
//! beneficiaries. A share of them can be made invalid, half structurally (the reader rejects
//! them) and half by reconciliation (the figures disagree).

#![allow(dead_code)]

use serde_json::{Value, json};

/// A small, fast, seeded PRNG (SplitMix64): deterministic on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[usize::try_from(self.below(items.len() as u64)).unwrap_or(0)]
    }

    /// `true` with probability `percent` %.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const PROVINCES: &[&str] = &[
    "An Giang",
    "Bắc Ninh",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Tĩnh",
    "Hưng Yên",
    "Khánh Hòa",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Nghệ An",
    "Ninh Bình",
    "Phú Thọ",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sơn La",
    "Tây Ninh",
    "Thái Nguyên",
    "Thanh Hóa",
    "Tuyên Quang",
    "Vĩnh Long",
    "Long An",
    "Quảng Nam",
    "Bình Định",
    "Kiên Giang",
];

const COMMUNES: &[&str] = &[
    "Giồng Riềng",
    "Tiên Mỹ",
    "Khánh Hậu",
    "Mỹ Hòa Hưng",
    "Phú Lộc",
    "Tân Phước",
    "Hòa Bình",
    "Đông Hưng",
    "Xuân Lộc",
    "Nghĩa Đàn",
];

const DISTRICTS: &[&str] = &["Tân An", "Long Xuyên", "Tam Kỳ", "Rạch Giá", "Cao Lãnh"];

const TRADES: &[(&str, &str)] = &[
    ("bánh tráng", "agro_forestry_fishery_food_processing"),
    ("nước mắm", "agro_forestry_fishery_food_processing"),
    ("sấy nông sản", "agro_forestry_fishery_food_processing"),
    ("mây tre đan", "handicraft"),
    ("gốm", "handicraft"),
    ("cơ khí nhỏ", "mechanical_electrical_electronic"),
];

const OWNERS: &[&str] = &[
    "Cô Út",
    "2 Đậu",
    "Bảy Hùng",
    "Tư Lành",
    "Ba Phát",
    "Năm Lợi",
    "Sáu Thành",
    "Minh Tâm",
];

/// Activities in force in both regimes, usable in result lines without a contest level.
const REPORT_ACTIVITIES: &[(&str, &str)] = &[
    ("fairs_exhibitions", "fairs"),
    ("information", "broadcasts"),
    ("staff_training_materials", "courses"),
    ("inspection_supervision", "visits"),
    ("extension_centres_collaborators", "collaborators"),
    ("market_export_expansion", "trips"),
];

/// How big the generated documents are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Size {
    /// Shaped like the example documents: 1–3 beneficiaries per scheme, 2–9 result lines
    /// per report, short notes.
    #[default]
    Usual,
    /// Large documents, as a province's consolidated files are: 50–80 beneficiaries per
    /// scheme, 100–150 result lines per report, and notes of several hundred characters on
    /// funding and result lines.
    Large,
}

/// A note of several hundred characters (Vietnamese text, as reports write them).
fn long_note(rng: &mut Rng, lo: u64, hi: u64) -> String {
    const WORDS: &[&str] = &[
        "hỗ trợ",
        "cơ sở công nghiệp nông thôn",
        "ứng dụng máy móc thiết bị",
        "tiên tiến",
        "nâng cao năng suất",
        "chất lượng sản phẩm",
        "theo Quyết định phê duyệt",
        "của Ủy ban nhân dân tỉnh",
        "đã nghiệm thu",
        "thanh quyết toán",
        "đúng quy định",
        "kinh phí đối ứng",
        "giải quyết việc làm",
        "lao động địa phương",
        "tại xã",
    ];
    let target = usize::try_from(rng.range(lo, hi)).unwrap_or(0);
    let mut note = String::with_capacity(target + 40);
    while note.chars().count() < target {
        if !note.is_empty() {
            note.push_str(if rng.chance(15) { ". " } else { " " });
        }
        let word = rng.pick::<&str>(WORDS);
        note.push_str(word);
    }
    note
}

/// How a generated document was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    /// A valid document: no error findings.
    None,
    /// A structural error: the reader rejects it.
    Structural,
    /// A reconciliation error: it reads, but its figures disagree.
    Reconciliation,
}

fn date(y: u64, m: u64, d: u64) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// A day between 2015 and 2026 (both regimes: Decree 235/2025 applies from 2025-10-15;
/// support levels are modelled from 2014-04-08).
fn day(rng: &mut Rng) -> (u64, String) {
    let y = rng.range(2015, 2026);
    let m = rng.range(1, 12);
    let d = rng.range(1, 28);
    (y, date(y, m, d))
}

/// The province of the name on a date (`YYYY-MM-DD`): from 2025-07-01 the provinces merged by
/// Resolution 202/2025/QH15 are named by a unit of the 34 (the successor, or a neighbour
/// of the same kind for Quảng Nam, whose successor is the city of Đà Nẵng).
fn province_on(name: &'static str, day: &str) -> &'static str {
    if day < "2025-07-01" {
        return name;
    }
    match name {
        "Long An" => "Tây Ninh",
        "Quảng Nam" => "Quảng Ngãi",
        "Bình Định" => "Gia Lai",
        "Kiên Giang" => "An Giang",
        other => other,
    }
}

/// Whole đồng, a multiple of 1 000.
fn thousands(rng: &mut Rng, lo: u64, hi: u64) -> u64 {
    rng.range(lo / 1000, hi / 1000) * 1000
}

/// A valid scheme.
pub fn scheme(rng: &mut Rng, index: u64) -> Value {
    scheme_of(rng, index, Size::Usual)
}

/// A valid scheme of the given size.
pub fn scheme_of(rng: &mut Rng, index: u64, size: Size) -> Value {
    let province = *rng.pick(PROVINCES);
    let (year, approved) = day(rng);
    let province = province_on(province, &approved);
    let national = rng.chance(30);
    let n_beneficiaries = match size {
        Size::Usual => rng.range(1, 3),
        Size::Large => rng.range(50, 80),
    };
    let (trade, industry) = *rng.pick(TRADES);
    // Decree 235/2025 names the mechanical industry in the 2012 wording's place.
    let industry =
        if approved.as_str() >= "2025-10-15" && industry == "mechanical_electrical_electronic" {
            "mechanical_industry"
        } else {
            industry
        };
    let after_district_reform = approved.as_str() >= "2025-07-01";
    let beneficiaries: Vec<Value> = (0..n_beneficiaries)
        .map(|_| {
            let owner = *rng.pick(OWNERS);
            let cooperative = rng.chance(30);
            let name = if cooperative {
                format!("HTX {trade} {owner}")
            } else {
                format!("Hộ kinh doanh {trade} {owner}")
            };
            let unit_name = *rng.pick(COMMUNES);
            let head_office = if !after_district_reform && rng.chance(50) {
                json!({
                    "province_kind": "province",
                    "province_name": province,
                    "district_kind": "rural_district",
                    "district_name": rng.pick(DISTRICTS),
                    "unit_kind": "commune",
                    "unit_name": unit_name,
                })
            } else {
                json!({"province_kind": "province", "unit_kind": "commune", "unit_name": unit_name})
            };
            json!({
                "name": name,
                "legal_form": if cooperative { "cooperative" } else { "business_household" },
                "industry": industry,
                "head_office": head_office,
                "other_state_funding_same_items": false,
            })
        })
        .collect();
    let total_cost = thousands(rng, 40_000_000, 900_000_000);
    let eligible_cost = if rng.chance(30) {
        total_cost - thousands(rng, 0, total_cost / 10)
    } else {
        total_cost
    };
    // At most 40 % of the eligible cost and 150 million đồng: under every cap of Art. 4
    // machinery support in both regimes.
    let support = (eligible_cost * 4 / 10 / 1000 * 1000).min(150_000_000);
    let source = if national {
        "national_extension_fund"
    } else {
        "local_budget_provincial"
    };
    let mut lines = json!([
        {"source": source, "amount": support},
        {"source": "counterpart", "amount": total_cost - support},
    ]);
    if size == Size::Large {
        lines[0]["note"] = json!(long_note(rng, 300, 800));
        lines[1]["note"] = json!(long_note(rng, 300, 800));
    }
    let mut doc = json!({
        "kind": "scheme",
        "schema_version": 2,
        "id": format!("{}-{year}-{index:07}", if national { "kcqg" } else { "kcdp" }),
        "title": format!("Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất {trade} tại tỉnh {province}"),
        "province": province,
        "approval": {
            "number": format!("{}/QĐ-{}", rng.range(1, 4999), if national { "BCT" } else { "UBND" }),
            "date": approved,
            "issuer": if national { "Bộ Công Thương".to_owned() } else { format!("Ủy ban nhân dân tỉnh {province}") },
        },
        "activities": ["advanced_machinery_technology_transfer"],
        "beneficiaries": beneficiaries,
        "funding": {
            "total_cost": total_cost,
            "eligible_cost": eligible_cost,
            "fund_level": if national { "national" } else { "provincial" },
            "lines": lines,
            "no_other_state_funding": true,
        },
        "declarations": {"counterpart_committed": true},
    });
    if rng.chance(60) {
        doc["planned_outputs"] = json!({"establishments": n_beneficiaries});
    }
    doc
}

/// A valid period report.
pub fn report(rng: &mut Rng, index: u64) -> Value {
    report_of(rng, index, Size::Usual)
}

/// A valid period report of the given size.
pub fn report_of(rng: &mut Rng, index: u64, size: Size) -> Value {
    let province = *rng.pick(PROVINCES);
    let (from, to, label) = if rng.chance(25) {
        let (a, b) = *rng.pick(&[(2016, 2020), (2021, 2025)]);
        (date(a, 1, 1), date(b, 12, 31), format!("{a}-{b}"))
    } else {
        let y = rng.range(2013, 2026);
        (date(y, 1, 1), date(y, 12, 31), y.to_string())
    };
    let province = province_on(province, &from);
    let mut results = Vec::new();
    let (mut national_support, mut provincial_support, mut counterpart) = (0u64, 0u64, 0u64);
    let (machinery, others) = match size {
        Size::Usual => (rng.range(1, 4), None),
        Size::Large => (rng.range(40, 60), Some(rng.range(60, 90))),
    };
    for _ in 0..machinery {
        let national = rng.chance(30);
        let establishments = rng.range(1, 60);
        let support = thousands(rng, 50_000_000, 300_000_000) * establishments / 4;
        let support = support / 1000 * 1000;
        // Support is at most half of the investment (Circular 28/2018 Art. 8.4), and at most
        // 75 M per establishment, well under the 300 M cap.
        let investment = support + thousands(rng, support, support * 3);
        if national {
            national_support += support;
        } else {
            provincial_support += support;
        }
        counterpart += investment - support;
        let note = match size {
            Size::Usual => format!(
                "Hỗ trợ {establishments:02} cơ sở công nghiệp nông thôn ứng dụng máy móc thiết bị tiên tiến"
            ),
            Size::Large => long_note(rng, 400, 1500),
        };
        results.push(json!({
            "activity": "advanced_machinery_technology_transfer",
            "fund": if national { "national" } else { "provincial" },
            "counts": {"establishments": establishments},
            "support": support,
            "total_investment": investment,
            "note": note,
        }));
    }
    if rng.chance(60) {
        let support = thousands(rng, 20_000_000, 200_000_000);
        provincial_support += support;
        results.push(json!({
            "activity": "typical_product_contest",
            "fund": "provincial",
            "level": "provincial",
            "counts": {"rounds": rng.range(1, 3), "participations": rng.range(10, 80), "products_certified": rng.range(5, 40)},
            "support": support,
        }));
    }
    let others = match others {
        Some(n) => n,
        None => rng.range(1, 4),
    };
    for _ in 0..others {
        let (activity, count) = *rng.pick(REPORT_ACTIVITIES);
        let value = rng.range(1, 200);
        let counts = if rng.chance(15) {
            json!({count: {"value": value, "exactness": "lower_bound", "text": format!("hơn {value}")}})
        } else {
            json!({count: value})
        };
        results.push(json!({"activity": activity, "counts": counts}));
    }
    let provincial = provincial_support + thousands(rng, 0, 2_000_000_000);
    let mut lines = Vec::new();
    if national_support > 0 {
        lines.push(json!({
            "source": "national_extension_fund",
            "label": "Nguồn ngân sách Trung ương (kinh phí khuyến công quốc gia)",
            "amount": national_support,
        }));
    }
    let mut provincial_line = json!({
        "source": "local_budget_provincial",
        "label": "Ngân sách địa phương (ngân sách tỉnh)",
        "amount": provincial,
    });
    if rng.chance(40) {
        let ntp = thousands(rng, 0, provincial / 2);
        provincial_line["parts"] = json!([
            {"source": "national_target_programme", "label": "Chương trình MTQG xây dựng nông thôn mới", "amount": ntp},
            {"source": "local_budget_provincial", "label": "Chương trình khuyến công", "amount": provincial - ntp},
        ]);
    }
    lines.push(provincial_line);
    lines.push(
        json!({"source": "counterpart", "label": "Vốn cơ sở đối ứng", "amount": counterpart}),
    );
    let total = national_support + provincial + counterpart;
    json!({
        "kind": "period_report",
        "schema_version": 2,
        "id": format!("{}-kc-{label}-{index:07}", slug(province)),
        "title": format!("Báo cáo tình hình thực hiện công tác khuyến công giai đoạn {label} trên địa bàn tỉnh {province}"),
        "reporting_unit": {"name": format!("Sở Công Thương tỉnh {province}"), "province": province},
        "period": {"from": from, "to": to},
        "results": results,
        "funding": {"total": total, "lines": lines},
    })
}

fn slug(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Breaks a valid document's structure (it stays a JSON value; truncation is done on bytes).
fn break_structure(rng: &mut Rng, doc: &mut Value) -> bool {
    let scheme = doc["kind"] == "scheme";
    match rng.below(7) {
        0 => doc["colour"] = json!("đỏ"),
        1 => {
            if scheme {
                doc["funding"]["total_cost"] = json!(1_400_000_000.5);
            } else {
                doc["funding"]["total"] = json!(1.4e9);
            }
        }
        2 => {
            if scheme {
                doc["approval"]["date"] = json!("2025-02-30");
            } else {
                doc["period"]["to"] = json!("2023-02-29");
            }
        }
        3 => {
            if scheme {
                doc["funding"]["lines"][0]["amount"] = json!(-5_000_000);
            } else {
                doc["results"][0]["support"] = json!(-5_000_000);
            }
        }
        4 => {
            if scheme {
                doc["activities"][0] = json!("advanced_machinery");
            } else {
                doc["results"][0]["activity"] = json!("hoi_cho");
            }
        }
        5 => doc["schema_version"] = json!("1"),
        _ => return true,
    }
    false
}

/// Makes a valid document's figures disagree.
fn break_figures(rng: &mut Rng, doc: &mut Value) {
    if doc["kind"] == "scheme" {
        let total = doc["funding"]["total_cost"].as_u64().unwrap_or(0);
        if rng.chance(50) {
            doc["funding"]["total_cost"] = json!(total + 1_000_000);
            doc["funding"]["eligible_cost"] = json!(total + 1_000_000);
        } else {
            // The counterpart line falls short: the sources no longer add up.
            let counterpart = doc["funding"]["lines"][1]["amount"].as_u64().unwrap_or(0);
            doc["funding"]["lines"][1]["amount"] = json!(counterpart.saturating_sub(1_000_000));
        }
    } else {
        let total = doc["funding"]["total"].as_u64().unwrap_or(0);
        if rng.chance(50) {
            doc["funding"]["total"] = json!(total + 1_000_000);
        } else {
            // The stated counterpart falls below what the result lines already derive
            // (lines that state no investment are unknown, so only a shortfall is certain).
            let lines = doc["funding"]["lines"].as_array_mut();
            if let Some(last) = lines.and_then(|l| l.last_mut()) {
                let amount = last["amount"].as_u64().unwrap_or(0);
                last["amount"] = json!(amount.saturating_sub(7_000_000));
            }
            doc["funding"]["total"] = json!(total.saturating_sub(7_000_000));
        }
    }
}

/// The compact JSON text of a document with `kind` first, as the examples and the schema
/// order it (the other keys in alphabetical order).
pub fn to_text(doc: &Value) -> String {
    let mut rest = doc.clone();
    let kind = rest
        .as_object_mut()
        .and_then(|m| m.remove("kind"))
        .unwrap_or(Value::Null);
    let rest = rest.to_string();
    let tail = rest.strip_prefix('{').unwrap_or(&rest);
    let sep = if tail == "}" { "" } else { "," };
    format!("{{\"kind\":{kind}{sep}{tail}")
}

/// One document: the `index`-th of a corpus, with `invalid_percent` % made invalid.
pub fn document(rng: &mut Rng, index: u64, invalid_percent: u64) -> (String, Flaw) {
    document_of(rng, index, invalid_percent, Size::Usual)
}

/// One document of the given size: the `index`-th of a corpus, with `invalid_percent` %
/// made invalid.
pub fn document_of(rng: &mut Rng, index: u64, invalid_percent: u64, size: Size) -> (String, Flaw) {
    let mut doc = if rng.chance(70) {
        scheme_of(rng, index, size)
    } else {
        report_of(rng, index, size)
    };
    if !rng.chance(invalid_percent) {
        return (to_text(&doc), Flaw::None);
    }
    if rng.chance(50) {
        let truncate = break_structure(rng, &mut doc);
        let mut text = to_text(&doc);
        if truncate {
            let mut cut = usize::try_from(rng.below(text.len() as u64)).unwrap_or(0);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut.max(1));
        }
        (text, Flaw::Structural)
    } else {
        break_figures(rng, &mut doc);
        (to_text(&doc), Flaw::Reconciliation)
    }
}

/// Writes `count` documents as JSON Lines, `invalid_percent` % of them invalid.
pub fn write_jsonl<W: std::io::Write>(
    out: &mut W,
    seed: u64,
    count: u64,
    invalid_percent: u64,
) -> std::io::Result<()> {
    write_jsonl_of(out, seed, count, invalid_percent, Size::Usual)
}

/// Writes `count` documents of the given size as JSON Lines, `invalid_percent` % of them
/// invalid.
pub fn write_jsonl_of<W: std::io::Write>(
    out: &mut W,
    seed: u64,
    count: u64,
    invalid_percent: u64,
    size: Size,
) -> std::io::Result<()> {
    let mut rng = Rng::new(seed);
    for i in 0..count {
        let (text, _) = document_of(&mut rng, i, invalid_percent, size);
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Byte strings that mutations insert: the tokens bad inputs are made of.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b",",
    b":",
    b"null",
    b"-1",
    b"0.5",
    b"1e999",
    b"18446744073709551616",
    b"9007199254740992",
    b"\"\\ud800\"",
    b"\"\\u0000\"",
    b"\xEF\xBB\xBF",
    b"\xC3\x28",
    b"\xFF",
    b"\"kind\":\"scheme\",",
    b"\"kind\":\"period_report\",",
    b"\"2025-02-30\"",
    b"\"Kho\xCC\x81nh Ho\xCC\x80a\"",
    b"[[[[[[[[[[[[[[[[",
    b"\"x\":1,",
];

fn index(rng: &mut Rng, len: usize) -> usize {
    usize::try_from(rng.below(len as u64 + 1)).unwrap_or(0)
}

/// A mutation of `input`: one to four byte-level edits (flip, insert a token, delete or
/// duplicate a range, truncate, or splice with one of `others`).
pub fn mutate(rng: &mut Rng, input: &[u8], others: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..rng.range(1, 4) {
        let at = index(rng, out.len());
        match rng.below(7) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] = u8::try_from(rng.below(256)).unwrap_or(0);
            }
            1 => {
                let token = rng.pick(TOKENS);
                out.splice(at..at, token.iter().copied());
            }
            2 => {
                let end = (at + index(rng, 64)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let end = (at + index(rng, 256)).min(out.len());
                let copy = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
            4 => out.truncate(at),
            5 if !others.is_empty() => {
                let other = rng.pick(others);
                let from = index(rng, other.len());
                out.truncate(at);
                out.extend_from_slice(&other[from..]);
            }
            _ => {
                let token = rng.pick(TOKENS);
                out.extend_from_slice(token);
            }
        }
    }
    out
}

/// The seed inputs of the fuzzer: every document of the shared corpus (`tests/cases/*/input.json`
/// and `docs/examples/*.json` under `root`), and a few generated documents.
pub fn seed_inputs(root: &std::path::Path) -> Vec<Vec<u8>> {
    let mut paths = Vec::new();
    for dir in ["tests/cases", "docs/examples"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    paths.push(p.join("input.json"));
                } else if p.extension().is_some_and(|x| x == "json") {
                    paths.push(p);
                }
            }
        }
    }
    paths.sort();
    let mut out: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let mut rng = Rng::new(1);
    for i in 0..16 {
        out.push(document(&mut rng, i, 0).0.into_bytes());
    }
    out
}

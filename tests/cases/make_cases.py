#!/usr/bin/env python3
"""Writes the shared document cases: tests/cases/<name>/input.json + expected.json.

Each case's expectations are written here by hand (the findings a reviewer expects, as
code + path + severity, in the library's deterministic order; the totals the document's own
figures give). The library is then tested against them from Rust and Python. Run it after
changing a case:  python3 tests/cases/make_cases.py
"""
import copy
import json
import pathlib
import shutil

HERE = pathlib.Path(__file__).resolve().parent
SEED = json.loads((HERE / "../../docs/examples/an-giang-2021-2025.json").read_text("utf-8"))
M = 1_000_000

CASES = []


def case(name, doc, findings=(), description="", totals=None, raw=None):
    """Registers a case. `findings`: (severity, path, code) in expected order."""
    CASES.append(
        {
            "name": name,
            "doc": doc,
            "raw": raw,
            "expected": {
                "description": description,
                "findings": [
                    {"severity": s, "path": p, "code": c} for (s, p, c) in findings
                ],
                **({"totals": totals} if totals else {}),
            },
        }
    )


def seed(**changes):
    d = copy.deepcopy(SEED)
    for k, v in changes.items():
        d[k] = v
    return d


# ---------------------------------------------------------------- period reports
case(
    "report_seed_an_giang_clean",
    seed(),
    description="The An Giang report 2021-2025 reconciles exactly: 1,400 + 15,697 + 17,290 = 34,387 M; "
    "838 + 14,859 = 15,697 M; counterpart (4,600 - 1,400) + (27,148 - 13,058) = 17,290 M.",
    totals=[
        {"by": [], "rows": [{"keys": {}, "funding_vnd": 34_387 * M, "support_vnd": 14_586 * M,
                             "total_investment_vnd": 31_748 * M, "counterpart_vnd": 17_290 * M,
                             "establishments": 62}]},
        {"by": ["source"], "rows": [
            {"keys": {"source": None}, "funding_vnd": 0, "support_vnd": 14_586 * M, "counterpart_vnd": 17_290 * M},
            {"keys": {"source": "counterpart"}, "funding_vnd": 17_290 * M},
            {"keys": {"source": "local_budget_provincial"}, "funding_vnd": 15_697 * M},
            {"keys": {"source": "national_extension_fund"}, "funding_vnd": 1_400 * M},
        ]},
        {"by": ["activity", "fund_level"], "rows": [
            {"keys": {"activity": None, "fund_level": None}, "funding_vnd": 17_290 * M},
            {"keys": {"activity": None, "fund_level": "national"}, "funding_vnd": 1_400 * M},
            {"keys": {"activity": None, "fund_level": "provincial"}, "funding_vnd": 15_697 * M},
            {"keys": {"activity": "advanced_machinery_technology_transfer", "fund_level": "national"},
             "support_vnd": 1_400 * M, "total_investment_vnd": 4_600 * M, "counterpart_vnd": 3_200 * M,
             "establishments": 5, "support_share": "0.304347", "avg_support_per_establishment_vnd": 280 * M},
            {"keys": {"activity": "advanced_machinery_technology_transfer", "fund_level": "provincial"},
             "support_vnd": 13_058 * M, "total_investment_vnd": 27_148 * M, "counterpart_vnd": 14_090 * M,
             "establishments": 57, "support_share": "0.480993", "avg_support_per_establishment_vnd": 229_087_719},
            {"keys": {"activity": "typical_product_contest", "fund_level": "provincial"}, "support_vnd": 128 * M},
        ]},
    ],
)

d = seed()
d["funding"]["total"] = 34_388 * M
case("report_funding_total_mismatch", d, [("error", "/funding/total", "funding.total_mismatch")],
     "The stated total is one million more than the sum of the sources.")

d = seed()
d["funding"]["lines"][1]["parts"][1]["amount"] = 14_860 * M
case("report_funding_parts_mismatch", d, [("error", "/funding/lines/1/amount", "funding.parts_mismatch")],
     "838 + 14,860 is not the stated local budget of 15,697 M.")

d = seed()
d["funding"]["lines"][2]["amount"] = 17_300 * M
d["funding"]["total"] = 34_397 * M
case("report_counterpart_mismatch", d, [("error", "/funding/lines/2/amount", "report.counterpart_mismatch")],
     "The counterpart must equal total investment minus support over the result lines (17,290 M).")

d = seed()
d["results"][0]["total_investment"] = 1_000 * M
case("report_investment_below_support", d,
     [("error", "/results/0/total_investment", "report.investment_below_support")],
     "Capital attracted (investment including the support) cannot be below the support.")

d = seed()
d["results"][0]["support"] = 1_500 * M
d["results"][0]["total_investment"] = 4_700 * M
case("report_national_support_exceeds_funding", d,
     [("error", "/funding/lines", "report.support_exceeds_funding")],
     "National support in the results (1,500 M) exceeds the central budget mobilised (1,400 M); Decree 45/2012 Art. 12.1(a).")

d = seed()
d["results"][4]["fund"] = "provincial"
case("report_regional_contest_paid_locally", d, [("warning", "/results/4/fund", "report.contest_fund_level")],
     "Regional contests are paid from national funds (Circular 26/2014/TT-BCT Art. 19).")


def small_report(period, results, funding=None, **extra):
    d = {
        "kind": "period_report",
        "schema_version": 1,
        "id": "r-1",
        "reporting_unit": {"name": "Sở Công Thương tỉnh X", "province": "X"},
        "period": {"from": period[0], "to": period[1]},
        "results": results,
    }
    if funding is not None:
        d["funding"] = funding
    d.update(extra)
    return d


case("report_average_support_above_usual_cap", small_report(("2022-01-01", "2022-12-31"),
     [{"activity": "advanced_machinery_technology_transfer", "fund": "national", "counts": {"establishments": 4},
       "support": 1_400 * M, "total_investment": 4_000 * M}]),
     [("warning", "/results/0/support", "report.support_above_usual_limit")],
     "350 M of support per establishment on 1,000 M of investment: above the 300 M cap of Circular 28/2018 Art. 8.4.")
case("report_average_support_within_usual_cap", small_report(("2022-01-01", "2022-12-31"),
     [{"activity": "advanced_machinery_technology_transfer", "fund": "national", "counts": {"establishments": 5},
       "support": 1_400 * M, "total_investment": 4_600 * M}]), [],
     "280 M per establishment on 920 M of investment: within 50 % and 300 M.")
case("report_2025_activity_in_2022", small_report(("2022-01-01", "2022-12-31"),
     [{"activity": "digital_transformation", "counts": {"schemes": 1}}]),
     [("error", "/results/0/activity", "document.activity_not_in_regime")],
     "Digital transformation is a reported Decree 235/2025 addition: not an activity before 2025-10-15.")
case("report_2025_activity_in_2026", small_report(("2026-01-01", "2026-12-31"),
     [{"activity": "digital_transformation", "counts": {"schemes": 1}}]), [],
     "From 2025-10-15 the addition exists (confidence: secondary).")
case("report_2025_activity_in_period_spanning_reform", small_report(("2025-01-01", "2025-12-31"),
     [{"activity": "sustainable_production_consumption", "counts": {"models": 1}}]), [],
     "A period that reaches into the 2025 regime may report its activities.")
case("report_district_fund_after_reform", small_report(("2026-01-01", "2026-12-31"),
     [{"activity": "information", "fund": "district", "support": 10 * M}]),
     [("error", "/results/0/fund", "document.fund_level_not_in_force")],
     "Districts were abolished on 2025-07-01: no district extension funds after that.")
case("report_district_fund_before_reform", small_report(("2024-01-01", "2024-12-31"),
     [{"activity": "information", "fund": "district", "support": 10 * M}]), [],
     "District funds exist until 2025-06-30.")
case("report_period_reversed", small_report(("2024-12-31", "2024-01-01"), []),
     [("error", "/period", "document.period_reversed")])
case("report_before_coverage", small_report(("2010-01-01", "2011-12-31"), []),
     [("error", "/period", "document.before_coverage")],
     "Before 2012-07-05 (Decree 134/2004 era) nothing is assessed.")
case("report_period_reversed_still_reconciles",
     small_report(("2024-12-31", "2024-01-01"), [],
                  funding={"total": 3 * M, "lines": [{"source": "counterpart", "amount": 2 * M}]}),
     [("error", "/funding/total", "funding.total_mismatch"), ("error", "/period", "document.period_reversed")],
     "A reversed period decides no regime, so nothing that depends on the law is assessed; "
     "the report's own figures must still agree, and the total does not.")
case("report_before_coverage_still_reconciles",
     small_report(("2010-01-01", "2011-12-31"), [],
                  funding={"total": 3 * M, "lines": [{"source": "counterpart", "amount": 2 * M}]}),
     [("error", "/funding/total", "funding.total_mismatch"), ("error", "/period", "document.before_coverage")],
     "Before 2012-07-05 the law is not assessed, but a total that does not add up is still reported.")
case("report_partly_before_coverage", small_report(("2011-01-01", "2013-12-31"), []),
     [("warning", "/period", "document.partly_before_coverage")])

khanh_hoa = [
    {"activity": "typical_product_contest", "level": "district", "fund": "district", "support": 558 * M},
    {"activity": "typical_product_contest", "level": "provincial", "fund": "provincial",
     "support": {"vnd": 543 * M, "exactness": "lower_bound", "text": "hơn 543 triệu"}},
    {"activity": "typical_product_contest", "level": "regional", "fund": "national",
     "support": {"vnd": 116 * M, "exactness": "lower_bound", "text": "hơn 116 triệu"}},
    {"activity": "typical_product_contest", "level": "national", "fund": "national", "support": 85 * M},
]
case("report_khanh_hoa_lower_bounds_consistent",
     small_report(("2012-07-05", "2022-12-31"), khanh_hoa,
                  results_total={"support": {"vnd": 1_300 * M, "exactness": "lower_bound", "text": "hơn 1.300 triệu đồng"}}),
     [], "More than 1,300 M = 558 + >543 + >116 + 85 (>= 1,302 M): bounds are consistent.",
     totals=[{"by": [], "rows": [{"keys": {}, "support_vnd": 1_302 * M, "exactness": "lower_bound"}]}])
case("report_exact_total_below_lower_bound_parts",
     small_report(("2012-07-05", "2022-12-31"), khanh_hoa, results_total={"support": 1_200 * M}),
     [("error", "/results_total/support", "report.results_total_mismatch")],
     "An exact 1,200 M cannot be the sum of parts that are more than 1,302 M.")
case("report_approximate_total_within_tolerance",
     small_report(("2024-01-01", "2024-12-31"), [{"activity": "information", "fund": "provincial", "support": 2_400 * M}],
                  results_total={"support": {"vnd": 2_500 * M, "exactness": "approximate", "text": "gần 2,5 tỷ"}}),
     [("info", "/results_total/support", "reconcile.approximate")],
     "'Gần 2,5 tỷ' against 2,400 M: approximate, within 10 %.")
case("report_approximate_total_outside_tolerance",
     small_report(("2024-01-01", "2024-12-31"), [{"activity": "information", "fund": "provincial", "support": 2_000 * M}],
                  results_total={"support": {"vnd": 2_500 * M, "exactness": "approximate"}}),
     [("warning", "/results_total/support", "reconcile.approximate_outside_tolerance")])

binh_dinh = [
    {"activity": "technology", "fund": "provincial", "counts": {"schemes": 13}, "support": 2_035 * M},
    {"activity": "brand_showroom_trade_promotion", "fund": "provincial", "counts": {"schemes": 3}, "support": 262_500_000},
    {"activity": "information", "fund": "provincial", "counts": {"schemes": 2}, "support": 60 * M},
    {"activity": "system_capacity", "fund": "provincial", "counts": {"schemes": 2}, "support": 162_500_000},
]
case("report_binh_dinh_2017_totals",
     small_report(("2017-01-01", "2017-12-31"), binh_dinh,
                  results_total={"support": 2_520 * M, "counts": {"schemes": 20}}),
     [], "Bình Định 2017: 20 schemes, 2,520 M = 2,035 + 262.5 + 60 + 162.5 M; 13 + 3 + 2 + 2 schemes.",
     totals=[{"by": ["period"], "rows": [{"keys": {"period": "2017"}, "support_vnd": 2_520 * M}]}])
case("report_binh_dinh_count_mismatch",
     small_report(("2017-01-01", "2017-12-31"), binh_dinh,
                  results_total={"support": 2_520 * M, "counts": {"schemes": 21}}),
     [("error", "/results_total/counts/schemes", "report.results_total_mismatch")])
case("report_binh_dinh_amount_mismatch",
     small_report(("2017-01-01", "2017-12-31"), binh_dinh,
                  results_total={"support": 2_525 * M, "counts": {"schemes": 20}}),
     [("error", "/results_total/support", "report.results_total_mismatch")])
d = seed()
d["targets"].append({"activity": "digital_transformation", "counts": {"establishments": 10}})
case("report_targets_use_next_regime", d, [],
     "Targets for 2026-2030 are judged in the regime after the period (2025 regime).")
d = small_report(("2022-01-01", "2022-12-31"), [], targets=[{"activity": "digital_transformation"}])
case("report_targets_before_reform", d, [("error", "/targets/0/activity", "document.activity_not_in_regime")])

# ---------------------------------------------------------------- structural problems
# A document whose structure is broken gets, besides its structural errors, this note: the
# rules were not checked (they run only when what could not be read is unknown fields or
# free text, which no rule computes with).
NOT_RUN = ("info", "", "structure.rules_not_run")


def raw_case(name, raw_bytes, findings, description=""):
    case(name, None, findings, description, raw=raw_bytes)


raw_case("structure_empty", b"", [("error", "", "structure.empty"), NOT_RUN])
raw_case("structure_whitespace_only", b"  \n\t ", [("error", "", "structure.empty"), NOT_RUN])
raw_case("structure_bom", b"\xef\xbb\xbf" + json.dumps(SEED, ensure_ascii=False).encode(), [("info", "", "structure.bom")],
         "A UTF-8 byte-order mark is ignored (RFC 8259 §8.1 lets a reader ignore it), with an information finding.")
raw_case("structure_not_utf8", '{"kind": "plan", "id": "Hà Nam"}'.encode("cp1258"), [("error", "", "structure.not_utf8"), NOT_RUN],
         "Windows-1258 bytes are not UTF-8.")
raw_case("structure_malformed_json", b'{"kind": "plan" "id": "x"}', [("error", "", "structure.malformed_json"), NOT_RUN])
raw_case("structure_truncated", json.dumps(SEED).encode()[:200], [NOT_RUN, ("error", "/title", "structure.truncated")],
         "The input ends inside the title: the finding points at the value being read.")
raw_case("structure_top_level_array", b"[1, 2]", [("error", "", "structure.invalid_type"), NOT_RUN])
deep = {"source": "other_lawful", "amount": 1}
for _ in range(200):
    deep = {"source": "other_lawful", "amount": 1, "parts": [deep]}
d = seed(); d["funding"]["lines"].append(deep)
case("structure_deep_nesting", d, [NOT_RUN, ("error", "/funding/lines/3" + "/parts/0" * 14 + "/parts", "structure.too_deep")],
     "Nesting beyond 32 levels is refused before any check runs, at the container that goes too deep.")
raw_case("structure_deep_unknown_field", b'{"kind": "plan", "x": ' + b"[" * 300 + b"]" * 300 + b"}",
         [NOT_RUN, ("error", "/x" + "/0" * 31, "structure.too_deep")],
         "Nesting beyond 32 levels is refused wherever it is, even inside an unknown field.")
d = seed(); d["colour"] = "red"
case("structure_unknown_field_top", d, [("error", "", "structure.unknown_field")])
d = seed(); d["results"][1]["establishment_count"] = 57
case("structure_unknown_field_nested", d, [("error", "/results/1", "structure.unknown_field")])
d = seed(); del d["period"]
case("structure_missing_field", d, [("error", "", "structure.missing_field"), NOT_RUN])
d = seed(); d["results"][0]["support"] = 1400000000.0
case("structure_float_amount", d, [NOT_RUN, ("error", "/results/0/support", "structure.not_whole_number")])
d = seed(); d["results"][0]["support"] = 1.4e9
case("structure_exponent_amount", d, [NOT_RUN, ("error", "/results/0/support", "structure.not_whole_number")])
d = seed(); d["results"][0]["support"] = -1
case("structure_negative_amount", d, [NOT_RUN, ("error", "/results/0/support", "structure.negative")])
d = seed(); d["results"][0]["support"] = 9_007_199_254_740_992
case("structure_amount_too_large", d, [NOT_RUN, ("error", "/results/0/support", "structure.too_large")])
d = seed(); d["results"][0]["support"] = 10**25
case("structure_amount_beyond_u64", d, [NOT_RUN, ("error", "/results/0/support", "structure.too_large")])
d = seed(); d["results"][0]["activity"] = "machinery"
case("structure_unknown_activity_code", d, [NOT_RUN, ("error", "/results/0/activity", "structure.unknown_code")])
d = seed(); d["funding"]["lines"][0]["source"] = "central_budget"
case("structure_unknown_source_code", d, [NOT_RUN, ("error", "/funding/lines/0/source", "structure.unknown_code")])
d = seed(); d["period"]["to"] = "2025-02-30"
case("structure_impossible_date", d, [NOT_RUN, ("error", "/period/to", "structure.invalid_date")])
d = seed(); d["period"]["from"] = "01/01/2021"
case("structure_date_wrong_format", d, [NOT_RUN, ("error", "/period/from", "structure.invalid_date")])
d = seed(); d["results"][0]["counts"]["establishments"] = "5"
case("structure_count_as_string", d, [NOT_RUN, ("error", "/results/0/counts/establishments", "structure.invalid_type")])
d = seed(); d["results"][0]["counts"]["establishments"] = 5.5
case("structure_fractional_count", d, [NOT_RUN, ("error", "/results/0/counts/establishments", "structure.not_whole_number")])
d = seed(); d["kind"] = "report"
case("structure_unknown_kind", d, [NOT_RUN, ("error", "/kind", "structure.unknown_kind")])
d = seed(); del d["kind"]
case("structure_missing_kind", d, [("error", "", "structure.missing_field"), NOT_RUN])
d = seed(); d["kind"] = 5
case("structure_kind_not_a_string", d, [NOT_RUN, ("error", "/kind", "structure.invalid_type")])
d = seed(); d["schema_version"] = 2
case("structure_unsupported_schema_version", d, [NOT_RUN, ("error", "/schema_version", "structure.unsupported_schema_version")])
raw_case("structure_duplicate_key", b'{"kind": "plan", "schema_version": 1, "id": "a", "id": "b", "year": 2024, "fund_level": "national"}',
         [("error", "", "structure.duplicate_field"), NOT_RUN])
d = seed(); d["funding"]["lines"][1]["amount"] = {"vnd": 15_697 * M, "exactness": "roughly"}
case("structure_unknown_exactness", d, [NOT_RUN, ("error", "/funding/lines/1/amount/exactness", "structure.unknown_code")])
d = seed()
d["period"]["from"] = "2021-1-1"
case("structure_date_without_leading_zeros", d, [NOT_RUN, ("error", "/period/from", "structure.invalid_date")],
     "Dates are exactly YYYY-MM-DD, as the schema's format date says: 2021-1-1 is refused.")
d = seed()
d["period"]["to"] = "+2025-12-31"
case("structure_date_with_sign", d, [NOT_RUN, ("error", "/period/to", "structure.invalid_date")])
d = seed()
d["period"] = ["2021-01-01", "2025-12-31"]
case("structure_object_as_array", d, [NOT_RUN, ("error", "/period", "structure.invalid_type")],
     "An object written as a positional array is refused, as the schema refuses it.")
d = seed()
d["funding"]["lines"][0]["source"] = {"national_extension_fund": None}
case("structure_code_as_object", d, [NOT_RUN, ("error", "/funding/lines/0/source", "structure.invalid_type")],
     "A code is a string, never an object naming it.")
raw_case("structure_duplicate_kind",
         b'{"kind": "plan", "kind": "scheme", "schema_version": 1, "id": "a", "year": 2024, "fund_level": "national"}',
         [("error", "", "structure.duplicate_field"), NOT_RUN],
         "Two kinds: which was meant is unknowable, so nothing else is read.")
raw_case("structure_utf16", json.dumps(SEED, ensure_ascii=False).encode("utf-16-le"),
         [("error", "", "structure.not_utf8"), NOT_RUN], "UTF-16 text is recognised and named.")
d = seed()
d["colour"] = "red"
d["period"]["from"] = "2021-02-30"
d["reporting_unit"]["province"] = 5
d["results"][0]["support"] = 1400.5
d["results"][1]["note"] = 7
case("structure_many_mistakes_in_one_pass", d,
     [("error", "", "structure.unknown_field"), NOT_RUN,
      ("error", "/period/from", "structure.invalid_date"),
      ("error", "/reporting_unit/province", "structure.invalid_type"),
      ("error", "/results/0/support", "structure.not_whole_number"),
      ("error", "/results/1/note", "structure.invalid_type")],
     "Five independent mistakes, five findings in one run, with the report's kind and id.")
d = seed()
d["title"] = "x" * 1001
d["funding"]["total"] = 34_388 * M
case("structure_bad_text_does_not_hide_a_mismatch", d,
     [("info", "", "structure.rules_partial"),
      ("error", "/funding/total", "funding.total_mismatch"),
      ("error", "/title", "structure.invalid_length")],
     "An overlong title (free text, which no rule reads) is set aside: the rules still run and find the total one million off.")
d = seed()
d["$schema"] = "urn:khuyencong:schema:period_report:1"
case("report_names_its_schema", d, [],
     "An input may name its schema with a top-level $schema string, as the published schemas allow.")

# ---------------------------------------------------------------- plans
def plan(**over):
    d = {
        "kind": "plan",
        "schema_version": 1,
        "id": "kh-2024-x",
        "title": "Kế hoạch khuyến công địa phương năm 2024",
        "year": 2024,
        "fund_level": "provincial",
        "province": "X",
        "approval": {"number": "123/QĐ-UBND", "date": "2024-01-15", "issuer": "Ủy ban nhân dân tỉnh X"},
        "schemes": [
            {"scheme_id": "da-1", "activity": "advanced_machinery_technology_transfer", "support": 300 * M, "total_cost": 700 * M},
            {"scheme_id": "da-2", "activity": "demonstration_model", "support": 500 * M, "total_cost": 2_000 * M},
            {"scheme_id": "da-3", "activity": "information", "support": 100 * M},
        ],
        "budget": {"total": 1_000 * M, "lines": [{"source": "local_budget_provincial", "amount": 1_000 * M}]},
    }
    d.update(over)
    return d


case("plan_clean", plan(), [], totals=[{"by": ["fund_level"], "rows": [
    {"keys": {"fund_level": "provincial"}, "funding_vnd": 1_000 * M, "support_vnd": 900 * M,
     "total_investment_vnd": 2_700 * M, "counterpart_vnd": 1_900 * M}]}])
p = plan(); p["schemes"][1]["scheme_id"] = "da-1"
case("plan_duplicate_scheme", p, [("error", "/schemes/1/scheme_id", "plan.duplicate_scheme")])
p = plan(); p["schemes"][2]["support"] = 250 * M
case("plan_schemes_exceed_budget", p, [("error", "/schemes", "plan.schemes_exceed_budget")],
     "300 + 500 + 250 = 1,050 M of support against a budget of 1,000 M.")
p = plan(fund_level="national", province=None)
del p["province"]
case("plan_national_with_local_budget", p, [("error", "/budget/lines/0/source", "plan.fund_source_mismatch")])
p = plan(); p["schemes"][0]["support"] = 800 * M
p["budget"] = {"total": 2_000 * M, "lines": [{"source": "local_budget_provincial", "amount": 2_000 * M}]}
case("plan_support_exceeds_cost", p, [("error", "/schemes/0/support", "plan.support_exceeds_cost")])
p = plan(); p["budget"]["total"] = 1_100 * M
case("plan_budget_total_mismatch", p, [("error", "/budget/total", "funding.total_mismatch")])
case("plan_district_after_reform", plan(year=2026, fund_level="district", budget=None, schemes=[]),
     [("error", "/fund_level", "document.fund_level_not_in_force")])
case("plan_before_coverage", plan(year=2011), [("error", "/year", "document.before_coverage")])
p = plan(year=2011)
p["schemes"][1]["scheme_id"] = p["schemes"][0]["scheme_id"]
case("plan_before_coverage_still_finds_duplicates", p,
     [("error", "/schemes/1/scheme_id", "plan.duplicate_scheme"), ("error", "/year", "document.before_coverage")],
     "A 2011 plan is outside the law modelled, but a scheme listed twice is still reported.")
p = plan(); p["schemes"][2]["activity"] = "digital_transformation"
case("plan_2025_activity_in_2024", p, [("error", "/schemes/2/activity", "document.activity_not_in_regime")])
case("plan_2025_activity_in_2026", plan(year=2026, schemes=[
    {"scheme_id": "da-1", "activity": "digital_transformation", "support": 100 * M}]), [])


# ---------------------------------------------------------------- schemes
QN = json.loads((HERE / "../../docs/examples/scheme-quang-nam-2022.json").read_text("utf-8"))


def scheme(**over):
    d = copy.deepcopy(QN)
    d.update(over)
    return d


case("scheme_quang_nam_2022_cap_binds", scheme(),
     [("info", "/funding", "funding.shares")],
     "620 M machinery scheme, national funds, 2022: 50 % would be 310 M, the 300 M cap binds; "
     "support 300 M + counterpart 320 M = 620 M (Circular 28/2018 Art. 8.4).",
     totals=[{"by": ["source"], "rows": [
         {"keys": {"source": None}, "support_vnd": 300 * M, "total_investment_vnd": 620 * M,
          "counterpart_vnd": 320 * M, "establishments": 1},
         {"keys": {"source": "counterpart"}, "funding_vnd": 320 * M},
         {"keys": {"source": "national_extension_fund"}, "funding_vnd": 300 * M}]}])
d = scheme()
d["funding"]["lines"] = [{"source": "national_extension_fund", "amount": 310 * M},
                         {"source": "counterpart", "amount": 310 * M}]
case("scheme_support_above_cap", d,
     [("info", "/funding", "funding.shares"), ("error", "/funding/lines/0/amount", "funding.support_exceeds_limit")],
     "310 M of national support exceeds the 300 M per-establishment cap (Circular 28/2018 Art. 8.4).")
d = scheme()
d["funding"]["lines"][1]["amount"] = 300 * M
case("scheme_sources_do_not_sum", d,
     [("info", "/funding", "funding.shares"), ("error", "/funding/lines", "funding.counterpart_short"),
      ("error", "/funding/total_cost", "funding.sources_do_not_sum")],
     "300 + 300 M of funding against a total cost of 620 M.")
d = scheme()
d["funding"]["lines"][0]["source"] = "local_budget_provincial"
case("scheme_local_funds_on_national_scheme", d,
     [("info", "/funding", "funding.shares"), ("error", "/funding/lines/0/source", "funding.fund_level_mismatch")],
     "Local budgets do not pay for national schemes (Decree 45/2012 Art. 11).")
d = scheme()
del d["funding"]["no_other_state_funding"]
case("scheme_declaration_missing", d,
     [("info", "/funding", "funding.shares"),
      ("error", "/funding/no_other_state_funding", "funding.no_other_state_funding_missing")],
     "The declaration that no other state money funds the same items is a condition of support (Joint Circular 26/2014 Art. 7.4).")
d = scheme()
d["beneficiaries"][0]["legal_form"] = "large_enterprise"
case("scheme_large_enterprise_not_rural_establishment", d,
     [("error", "/beneficiaries/0", "scheme.beneficiary_not_eligible"),
      ("error", "/beneficiaries/0/legal_form", "eligibility.large_enterprise"),
      ("info", "/funding", "funding.shares")],
     "A large enterprise is not a rural industrial establishment (Decree 45/2012 Art. 1.2(a)).")
d = scheme()
del d["beneficiaries"][0]["head_office"]
case("scheme_beneficiary_location_missing", d,
     [("warning", "/beneficiaries/0", "scheme.beneficiary_indeterminate"),
      ("warning", "/beneficiaries/0/production_site", "eligibility.location_unknown"),
      ("info", "/funding", "funding.shares")],
     "Without a location the eligibility is indeterminate, never assumed.")
d = scheme(approval={"number": "x/QĐ-BCT", "date": "2016-06-01", "issuer": "Bộ Công Thương"})
case("scheme_ttlt26_window_cap_200m", d,
     [("info", "/funding", "funding.shares"), ("error", "/funding/lines/0/amount", "funding.support_exceeds_limit")],
     "Approved in 2016, the scheme falls under Joint Circular 26/2014 (Art. 6.2(c): 50 % and 200 M): 300 M is too much.")
d = scheme(approval={"number": "x/QĐ-BCT", "date": "2012-01-01", "issuer": "Bộ Công Thương"})
case("scheme_approved_before_2012", d, [("error", "/approval/date", "document.before_coverage")])
d = scheme(activities=["technology"])
case("scheme_activity_group", d,
     [("warning", "/activities/0", "scheme.activity_not_specific"), ("info", "/funding", "funding.shares"),
      ("warning", "/funding/lines/0/amount", "funding.support_not_assessed")],
     "A group has no support level of its own: the limit is not assessed, and the scheme should name the item.")
d = scheme()
d["declarations"] = {}
case("scheme_counterpart_commitment_missing", d,
     [("warning", "/declarations", "scheme.counterpart_commitment_missing"), ("info", "/funding", "funding.shares")])
d = scheme()
d["funding"]["lines"][0]["amount"] = 300000000.5
case("structure_scheme_fractional_amount", d, [NOT_RUN, ("error", "/funding/lines/0/amount", "structure.not_whole_number")])
d = scheme()
d["beneficiaries"][0]["legal_form"] = "corporation"
case("structure_scheme_unknown_legal_form", d, [NOT_RUN, ("error", "/beneficiaries/0/legal_form", "structure.unknown_code")])
d = scheme(activities=[])
case("structure_scheme_no_activities", d, [NOT_RUN, ("error", "/activities", "structure.invalid_length")])
GR = json.loads((HERE / "../../docs/examples/scheme-giong-rieng-2025.json").read_text("utf-8"))
case("scheme_giong_rieng_2025_share_binds", GR, [("info", "/funding", "funding.shares")],
     "97.82 M, 2025, local funds: 50 % = 48.91 M, the share binds (national level as reference, no provincial pack).")
d = copy.deepcopy(GR)
d["approval"]["date"] = "2025-10-20"
d["beneficiaries"][0]["head_office"] = {"province_kind": "centrally_run_city", "unit_kind": "ward"}
case("scheme_2025_ward_of_central_city", d,
     [("warning", "/beneficiaries/0", "scheme.beneficiary_indeterminate"),
      ("warning", "/beneficiaries/0/head_office", "eligibility.location_unknown"),
      ("info", "/funding", "funding.shares")],
     "From 2025-10-15 a ward of a centrally-run city qualifies only inside a recognised craft village (Decree 235/2025 Art. 1.1).")


def main():
    for old in HERE.iterdir():
        if old.is_dir() and (old / "expected.json").exists():
            shutil.rmtree(old)
    names = set()
    for c in CASES:
        assert c["name"] not in names, c["name"]
        names.add(c["name"])
        d = HERE / c["name"]
        d.mkdir()
        if c["raw"] is not None:
            (d / "input.json").write_bytes(c["raw"])
        else:
            d.joinpath("input.json").write_text(
                json.dumps(c["doc"], ensure_ascii=False, indent=2) + "\n", "utf-8")
        d.joinpath("expected.json").write_text(
            json.dumps(c["expected"], ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"{len(CASES)} cases")


if __name__ == "__main__":
    main()

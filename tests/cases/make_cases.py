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


def case(name, doc, findings=(), description="", totals=None, raw=None, changed=None):
    """Registers a case. `findings`: (severity, path, code) in expected order; `changed`:
    the one-line reason when an existing case's expectation was changed."""
    CASES.append(
        {
            "name": name,
            "doc": doc,
            "raw": raw,
            "expected": {
                "description": description,
                **({"changed": changed} if changed else {}),
                "findings": [
                    {"severity": s, "path": p, "code": c} for (s, p, c) in findings
                ],
                **({"totals": totals} if totals else {}),
            },
        }
    )


# The seed's fairs and market-expansion lines support establishments but state no
# investment: their counterpart is unknown, so the stated counterpart is checked as a bound.
SEED_PARTIAL = ("info", "/funding/lines/2/amount", "reconcile.partial_breakdown")
SEED_CHANGED = ("The fairs and market-expansion lines state no investment: their counterpart "
                "is unknown, not zero, so the counterpart is checked as a lower bound (info).")


def seed(**changes):
    d = copy.deepcopy(SEED)
    for k, v in changes.items():
        d[k] = v
    return d


# ---------------------------------------------------------------- period reports
case(
    "report_seed_an_giang_clean",
    seed(),
    [SEED_PARTIAL],
    changed=SEED_CHANGED,
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
case("report_funding_total_mismatch", d, [SEED_PARTIAL, ("error", "/funding/total", "funding.total_mismatch")],
     "The stated total is one million more than the sum of the sources.", changed=SEED_CHANGED)

d = seed()
d["funding"]["lines"][1]["parts"][1]["amount"] = 14_860 * M
case("report_funding_parts_mismatch", d, [("error", "/funding/lines/1/amount", "funding.parts_mismatch"), SEED_PARTIAL],
     "838 + 14,860 is not the stated local budget of 15,697 M.", changed=SEED_CHANGED)

d = seed()
d["funding"]["lines"][2]["amount"] = 17_280 * M
d["funding"]["total"] = 34_377 * M
case("report_counterpart_mismatch", d, [("error", "/funding/lines/2/amount", "report.counterpart_mismatch")],
     "The machinery lines alone derive 17,290 M of counterpart (investment minus support): a stated 17,280 M is too little.",
     changed="A stated 17,300 M may include the unknown counterpart of lines that state no investment; "
             "the certain contradiction is a counterpart below what the lines already derive.")

d = seed()
d["results"][0]["total_investment"] = 1_000 * M
case("report_investment_below_support", d,
     [("error", "/results/0/total_investment", "report.investment_below_support")],
     "Capital attracted (investment including the support) cannot be below the support.")

d = seed()
d["results"][0]["support"] = 1_500 * M
d["results"][0]["total_investment"] = 4_700 * M
case("report_national_support_exceeds_funding", d,
     [("error", "/funding/lines", "report.support_exceeds_funding"), SEED_PARTIAL], changed=SEED_CHANGED,
     description=
     "National support in the results (1,500 M) exceeds the central budget mobilised (1,400 M); Decree 45/2012 Art. 12.1(a).")

d = seed()
d["results"][4]["fund"] = "provincial"
case("report_regional_contest_paid_locally", d, [SEED_PARTIAL, ("warning", "/results/4/fund", "report.contest_fund_level")],
     changed=SEED_CHANGED, description="Regional contests are paid from national funds (Circular 26/2014/TT-BCT Art. 19).")


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
     [("info", "/funding/lines/0/amount", "reconcile.not_itemised"),
      ("error", "/funding/total", "funding.total_mismatch"), ("error", "/period", "document.period_reversed")],
     "A reversed period decides no regime, so nothing that depends on the law is assessed; "
     "the report's own figures must still agree, and the total does not.")
case("report_before_coverage_still_reconciles",
     small_report(("2010-01-01", "2011-12-31"), [],
                  funding={"total": 3 * M, "lines": [{"source": "counterpart", "amount": 2 * M}]}),
     [("info", "/funding/lines/0/amount", "reconcile.not_itemised"),
      ("error", "/funding/total", "funding.total_mismatch"), ("error", "/period", "document.before_coverage")],
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
     [("info", "/results_total/support", "reconcile.lower_bound")],
     changed="Lower bounds used in a comparison now get a note, as approximations do.",
     description="More than 1,300 M = 558 + >543 + >116 + 85 (>= 1,302 M): bounds are consistent.",
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
case("report_targets_use_next_regime", d, [SEED_PARTIAL], changed=SEED_CHANGED, description=
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
raw_case("structure_bom", b"\xef\xbb\xbf" + json.dumps(SEED, ensure_ascii=False).encode(), [("info", "", "structure.bom"), SEED_PARTIAL],
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
case("structure_unknown_field_top", d, [("error", "", "structure.unknown_field"), SEED_PARTIAL],
     "An unknown field is set aside and the rules still run.")
d = seed(); d["results"][1]["establishment_count"] = 57
case("structure_unknown_field_nested", d, [SEED_PARTIAL, ("error", "/results/1", "structure.unknown_field")])
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
     [("info", "", "structure.rules_partial"), SEED_PARTIAL,
      ("error", "/funding/total", "funding.total_mismatch"),
      ("error", "/title", "structure.invalid_length")],
     "An overlong title (free text, which no rule reads) is set aside: the rules still run and find the total one million off.")
d = seed()
d["$schema"] = "urn:khuyencong:schema:period_report:1"
case("report_names_its_schema", d, [SEED_PARTIAL],
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


# ---------------------------------------------------------------- real documents, as they are written
# Shaped like the patterns of published reports, plans and schemes (invented figures).
# A figure that is not stated is unknown, never zero; limits are per unit; what the rule
# pack does not know is not assessed.

def rep(results=(), year="2023", **extra):
    """A provincial report for one year (Sở Công Thương tỉnh Y)."""
    d = small_report((f"{year}-01-01", f"{year}-12-31"), list(results), **extra)
    d["reporting_unit"] = {"name": "Sở Công Thương tỉnh Y", "province": "Y"}
    return d


MACH = "advanced_machinery_technology_transfer"
machinery_6 = {"activity": MACH, "fund": "provincial", "counts": {"establishments": 6},
               "support": 1_500 * M, "total_investment": 4_000 * M}
fairs_3 = {"activity": "fairs_exhibitions", "counts": {"fairs": 3, "participations": 41}}
training = {"activity": "vocational_training", "counts": {"courses": 4, "trainees": 120}}
info_line = {"activity": "information", "fund": "provincial", "counts": {"broadcasts": 12}, "support": 1_600 * M}

# Results total against lines that state only some figures.
case("report_totals_only_no_breakdown",
     rep(results_total={"support": {"vnd": 12_000 * M, "exactness": "lower_bound", "text": "hơn 12 tỷ đồng"},
                        "counts": {"schemes": 40}}),
     [("info", "/results_total/counts/schemes", "reconcile.not_itemised"),
      ("info", "/results_total/support", "reconcile.not_itemised")],
     "'Tổng kinh phí hơn 12 tỷ đồng, hỗ trợ 40 đề án' with no breakdown: nothing to compare, no error; "
     "totals keep the 12 tỷ as not itemised.",
     totals=[{"by": ["activity"], "rows": [
         {"keys": {"activity": "not_itemised"}, "documents": 1, "support_vnd": 12_000 * M,
          "exactness": "lower_bound"}]},
             {"by": [], "rows": [{"keys": {}, "support_vnd": 12_000 * M}]}])
case("report_partial_breakdown_below_total",
     rep([machinery_6, fairs_3, training], results_total={"support": 6_200 * M}),
     [("info", "/results_total/support", "reconcile.partial_breakdown")],
     "6,200 M in total; only the machinery line states its support (1,500 M): the rest is unknown, not zero.",
     totals=[{"by": ["activity"], "rows": [
         {"keys": {"activity": MACH}, "support_vnd": 1_500 * M, "establishments": 6},
         {"keys": {"activity": "not_itemised"}, "support_vnd": 4_700 * M}]}])
case("report_partial_breakdown_known_parts_exceed_total",
     rep([machinery_6, info_line, fairs_3], results_total={"support": 3_000 * M}),
     [("error", "/results_total/support", "report.results_total_mismatch")],
     "The lines that state support already add up to 3,100 M, more than the stated 3,000 M.")
case("report_partial_breakdown_known_parts_equal_total",
     rep([machinery_6, info_line, fairs_3], results_total={"support": 3_100 * M}),
     [("info", "/results_total/support", "reconcile.partial_breakdown")],
     "Boundary: known parts exactly equal to the total (the fairs line may have cost nothing): no error.")
case("report_partial_breakdown_known_parts_one_million_over",
     rep([machinery_6, info_line, fairs_3], results_total={"support": 3_099 * M}),
     [("error", "/results_total/support", "report.results_total_mismatch")],
     "Boundary: known parts one million đồng above the total.")
case("report_counts_not_itemised",
     rep([dict(machinery_6), {"activity": "demonstration_model", "counts": {"models": 2}}],
         results_total={"counts": {"schemes": 31}}),
     [("info", "/results_total/counts/schemes", "reconcile.not_itemised")],
     "'31 đề án' while the lines count establishments and models, not schemes: nothing to compare.")
case("report_counts_partial_breakdown",
     rep([{**machinery_6, "counts": {"schemes": 10, "establishments": 6}},
          {"activity": "information", "counts": {"schemes": 8}}, fairs_3],
         results_total={"counts": {"schemes": 31}}),
     [("info", "/results_total/counts/schemes", "reconcile.partial_breakdown")],
     "10 + 8 schemes itemised, the fairs line does not count schemes: 31 is consistent.")
case("report_counts_partial_known_exceed",
     rep([{**machinery_6, "counts": {"schemes": 10, "establishments": 6}},
          {"activity": "information", "counts": {"schemes": 8}}, fairs_3],
         results_total={"counts": {"schemes": 15}}),
     [("error", "/results_total/counts/schemes", "report.results_total_mismatch")],
     "10 + 8 itemised schemes already exceed the stated 15.")
case("report_investment_partial_breakdown",
     rep([machinery_6, {"activity": MACH, "fund": "national", "counts": {"establishments": 2}, "support": 500 * M}],
         results_total={"total_investment": 30_000 * M}),
     [("info", "/results_total/total_investment", "reconcile.partial_breakdown")],
     "The national machinery line states no investment: 4,000 M itemised of 30,000 M is no contradiction.")
case("report_lower_bound_total_with_partial_lines",
     rep([{**machinery_6, "support": 1_200 * M}, info_line, fairs_3],
         results_total={"support": {"vnd": 2_000 * M, "exactness": "lower_bound", "text": "hơn 2 tỷ"}}),
     [("info", "/results_total/support", "reconcile.partial_breakdown")],
     "'Hơn 2 tỷ' against 2,800 M itemised and an unknown line: consistent.")
case("report_approximate_total_partial_below",
     rep([machinery_6, fairs_3],
         results_total={"support": {"vnd": 7_500 * M, "exactness": "approximate", "text": "khoảng 7,5 tỷ"}}),
     [("info", "/results_total/support", "reconcile.partial_breakdown")],
     "'Khoảng 7,5 tỷ' against 1,500 M itemised: the rest is unknown, so no tolerance warning.")
case("report_approximate_total_partial_above_tolerance",
     rep([{**machinery_6, "support": 1_700 * M}, {**info_line, "support": 4_300 * M}, fairs_3],
         results_total={"support": {"vnd": 5_000 * M, "exactness": "approximate", "text": "khoảng 5 tỷ"}}),
     [("warning", "/results_total/support", "reconcile.approximate_outside_tolerance")],
     "The itemised 6,000 M is already more than 10 % above 'khoảng 5 tỷ'.")
case("report_approximate_total_partial_above_within_tolerance",
     rep([{**machinery_6, "support": 1_700 * M}, {**info_line, "support": 3_800 * M}, fairs_3],
         results_total={"support": {"vnd": 5_000 * M, "exactness": "approximate", "text": "khoảng 5 tỷ"}}),
     [("info", "/results_total/support", "reconcile.partial_breakdown")],
     "Boundary: 5,500 M itemised is within 10 % of 'khoảng 5 tỷ'.")
case("report_lower_bound_parts_note",
     rep([{**machinery_6, "support": 1_000 * M},
          {**info_line, "support": {"vnd": 300 * M, "exactness": "lower_bound", "text": "hơn 300 triệu"}}],
         results_total={"support": 1_400 * M}),
     [("info", "/results_total/support", "reconcile.lower_bound")],
     "1,400 M against 1,000 M + 'hơn 300 triệu': consistent, with a note that a lower bound was used.")
case("report_lower_bound_total_parts_fall_short",
     rep([{**machinery_6, "support": 1_000 * M}, {**info_line, "support": 900 * M}],
         results_total={"support": {"vnd": 2_000 * M, "exactness": "lower_bound", "text": "hơn 2 tỷ"}}),
     [("error", "/results_total/support", "report.results_total_mismatch")],
     "Every line states its support, 1,900 M in all: that cannot be 'hơn 2 tỷ'.")
case("report_lower_bound_total_parts_reach_it",
     rep([{**machinery_6, "support": 1_100 * M}, {**info_line, "support": 900 * M}],
         results_total={"support": {"vnd": 2_000 * M, "exactness": "lower_bound", "text": "hơn 2 tỷ"}}),
     [("info", "/results_total/support", "reconcile.lower_bound")],
     "Boundary: the lines reach 2,000 M exactly.")

# Targets.
targets = [{"activity": MACH, "counts": {"establishments": 80}},
           {"activity": "demonstration_model", "counts": {"models": 2}}]
case("report_targets_total_partial",
     rep(targets=targets, targets_total={"counts": {"establishments": 300}}),
     [("info", "/targets_total/counts/establishments", "reconcile.partial_breakdown")],
     "A target of 300 establishments; the itemised targets count 80, the models line none.")
case("report_targets_total_exceeded",
     rep(targets=targets + [{"activity": "cleaner_production_pilot", "counts": {"establishments": 40}}],
         targets_total={"counts": {"establishments": 100}}),
     [("error", "/targets_total/counts/establishments", "report.targets_total_mismatch")],
     "80 + 40 itemised establishments exceed a target of 100.")
case("report_targets_total_agrees",
     rep(targets=[{"activity": MACH, "counts": {"establishments": 80}},
                  {"activity": "cleaner_production_pilot", "counts": {"establishments": 40}}],
         targets_total={"counts": {"establishments": 120}}), [],
     "Every target line counts establishments: 80 + 40 = 120.")

# Funding breakdowns.
case("report_funding_total_no_lines",
     rep(funding={"total": {"vnd": 48_000 * M, "text": "ngân sách nhà nước 48 tỷ"}}),
     [("info", "/funding/total", "reconcile.not_itemised")],
     "A state budget of 48 tỷ without a split by source.",
     totals=[{"by": ["source"], "rows": [
         {"keys": {"source": "not_itemised"}, "funding_vnd": 48_000 * M, "documents": 1}]}])
case("report_funding_line_amount_unstated",
     rep(funding={"total": 20_000 * M, "lines": [
         {"source": "national_extension_fund", "amount": 5_000 * M},
         {"source": "local_budget_provincial", "amount": 6_000 * M},
         {"source": "counterpart", "label": "vốn đối ứng của cơ sở và các nguồn khác còn lại"}]}),
     [("info", "/funding/total", "reconcile.partial_breakdown")],
     "'Vốn đối ứng … còn lại' with no figure: unknown, and 11,000 M of 20,000 M itemised is no contradiction.",
     totals=[{"by": ["source"], "rows": [
         {"keys": {"source": "counterpart"}, "funding_vnd": 0, "exactness": "lower_bound"},
         {"keys": {"source": "local_budget_provincial"}, "funding_vnd": 6_000 * M},
         {"keys": {"source": "national_extension_fund"}, "funding_vnd": 5_000 * M},
         {"keys": {"source": "not_itemised"}, "funding_vnd": 9_000 * M}]}])
case("report_funding_unstated_line_known_exceed",
     rep(funding={"total": 10_000 * M, "lines": [
         {"source": "national_extension_fund", "amount": 6_000 * M},
         {"source": "local_budget_provincial", "amount": 5_000 * M},
         {"source": "other_lawful", "label": "các nguồn khác"}]}),
     [("error", "/funding/total", "funding.total_mismatch")],
     "The sources that state an amount already add up to 11,000 M, above the stated 10,000 M.")
case("report_funding_parts_partial",
     rep(funding={"total": 15_697 * M, "lines": [
         {"source": "local_budget_provincial", "amount": 15_697 * M, "parts": [
             {"source": "national_target_programme", "label": "Chương trình MTQG XD NTM", "amount": 838 * M},
             {"source": "local_budget_provincial", "label": "còn lại"}]}]}),
     [("info", "/funding/lines/0/amount", "reconcile.partial_breakdown")],
     "'Trong đó' naming one part and 'the rest' without a figure.")
case("report_funding_parts_partial_exceed",
     rep(funding={"total": 15_697 * M, "lines": [
         {"source": "local_budget_provincial", "amount": 15_697 * M, "parts": [
             {"source": "national_target_programme", "amount": 16_000 * M},
             {"source": "local_budget_provincial", "label": "còn lại"}]}]}),
     [("error", "/funding/lines/0/amount", "funding.parts_mismatch")],
     "One part alone (16,000 M) is larger than its whole (15,697 M).")

# Counterpart.
mach_support_only = {"activity": MACH, "fund": "provincial", "counts": {"establishments": 10}, "support": 2_000 * M}
case("report_counterpart_stated_no_line_states_investment",
     rep([mach_support_only], funding={"total": 12_000 * M, "lines": [
         {"source": "local_budget_provincial", "amount": 2_000 * M},
         {"source": "counterpart", "amount": 10_000 * M}]}),
     [("info", "/funding/lines/1/amount", "reconcile.not_itemised")],
     "No line states its investment: the stated counterpart cannot be derived, and is used as stated.",
     totals=[{"by": ["activity"], "rows": [
         {"keys": {"activity": None}, "funding_vnd": 12_000 * M},
         {"keys": {"activity": MACH}, "support_vnd": 2_000 * M, "counterpart_vnd": 0, "establishments": 10},
         {"keys": {"activity": "not_itemised"}, "counterpart_vnd": 10_000 * M}]},
             {"by": [], "rows": [{"keys": {}, "counterpart_vnd": 10_000 * M, "support_vnd": 2_000 * M}]}])
both = {"activity": MACH, "fund": "provincial", "counts": {"establishments": 4}, "support": 1_000 * M,
        "total_investment": 4_000 * M}
case("report_counterpart_partial_consistent",
     rep([both, {**mach_support_only, "support": 500 * M, "counts": {"establishments": 2}}],
         funding={"lines": [{"source": "local_budget_provincial", "amount": 1_500 * M},
                            {"source": "counterpart", "amount": 5_000 * M}]}),
     [("info", "/funding/lines/1/amount", "reconcile.partial_breakdown")],
     "3,000 M derived from the line stating both figures, the other line's counterpart unknown: 5,000 M is possible.",
     totals=[{"by": [], "rows": [{"keys": {}, "counterpart_vnd": 5_000 * M, "counterpart_per_support": "3"}]}])
case("report_counterpart_known_lines_exceed",
     rep([both, {**mach_support_only, "support": 500 * M, "counts": {"establishments": 2}}],
         funding={"lines": [{"source": "local_budget_provincial", "amount": 1_500 * M},
                            {"source": "counterpart", "amount": 2_500 * M}]}),
     [("error", "/funding/lines/1/amount", "report.counterpart_mismatch")],
     "The one line stating both figures already derives 3,000 M of counterpart, above the stated 2,500 M.")
case("report_national_funding_unstated",
     rep([{"activity": MACH, "fund": "national", "counts": {"establishments": 5}, "support": 1_500 * M,
           "total_investment": 4_500 * M}],
         funding={"lines": [{"source": "national_extension_fund", "label": "kinh phí khuyến công quốc gia"},
                            {"source": "counterpart", "amount": 3_000 * M}]}),
     [], "The national funding is named without a figure: support cannot exceed an unknown amount.")

# The usual-limit warning on report lines, with and without investment.
case("report_usual_limit_without_investment_above_cap",
     rep([{"activity": MACH, "fund": "national", "counts": {"establishments": 4}, "support": 1_400 * M}], year="2022"),
     [("warning", "/results/0/support", "report.support_above_usual_limit")],
     "No investment stated: 1,400 M for 4 establishments is above 4 × 300 M all the same.")
case("report_usual_limit_without_investment_at_cap",
     rep([{"activity": MACH, "fund": "national", "counts": {"establishments": 4}, "support": 1_200 * M}], year="2022"),
     [], "Boundary: exactly 4 × 300 M.")
case("report_usual_limit_without_investment_within",
     rep([{"activity": MACH, "fund": "national", "counts": {"establishments": 5}, "support": 1_400 * M}], year="2022"),
     [], "280 M per establishment: within the cap.")
case("report_usual_limit_enterprises_set_up",
     rep([{"activity": "enterprise_setup", "fund": "national", "counts": {"enterprises": 3}, "support": 45 * M}],
         year="2020"),
     [("warning", "/results/0/support", "report.support_above_usual_limit")],
     "45 M for 3 enterprises set up: above 3 × 10 M per enterprise (Circular 28/2018 Art. 8).")

# Plans.
p = plan(); del p["schemes"][2]["support"]
case("plan_scheme_support_unstated", p, [],
     "A scheme listed without its support: unknown, and the others (800 M) are within the budget.",
     totals=[{"by": ["fund_level"], "rows": [{"keys": {"fund_level": "provincial"}, "support_vnd": 800 * M,
                                               "exactness": "lower_bound"}]}])
p = plan(); p["schemes"][0]["support"] = 700 * M; del p["schemes"][2]["support"]
p["schemes"][0]["total_cost"] = 1_400 * M
case("plan_known_support_exceeds_budget", p, [("error", "/schemes", "plan.schemes_exceed_budget")],
     "700 + 500 M stated already exceed the 1,000 M budget, whatever the third scheme costs.")
p = plan(); p["budget"] = {"total": 1_000 * M, "lines": [{"source": "local_budget_provincial", "label": "ngân sách tỉnh"}]}
case("plan_budget_line_unstated", p, [("info", "/budget/total", "reconcile.not_itemised")],
     "The budget line names its source without a figure: nothing to compare, and no scheme can exceed it.")
p = plan(); p["budget"] = {"total": 1_000 * M}
case("plan_budget_total_only", p, [("info", "/budget/total", "reconcile.not_itemised")],
     "A budget stated only as a total.",
     totals=[{"by": ["source"], "rows": [
         {"keys": {"source": None}, "support_vnd": 900 * M},
         {"keys": {"source": "not_itemised"}, "funding_vnd": 1_000 * M}]}])

# Schemes: limits per unit.
COOP = copy.deepcopy(QN["beneficiaries"][0])


def group_scheme(support, eligible, date="2022-06-01", activities=(MACH,), beneficiaries=0, planned=None,
                 split=None, variant=None, fund="national"):
    total = max(eligible, support)
    source = "national_extension_fund" if fund == "national" else "local_budget_provincial"
    d = {
        "kind": "scheme",
        "schema_version": 1,
        "id": "da-nhom-y",
        "title": "Đề án nhóm hỗ trợ ứng dụng máy móc thiết bị cho các hợp tác xã",
        "province": "Y",
        "approval": {"number": "34/QĐ-BCT", "date": date, "issuer": "Bộ Công Thương"},
        "activities": list(activities),
        "funding": {
            "total_cost": total,
            "eligible_cost": eligible,
            "fund_level": fund,
            "lines": [{"source": source, "amount": support},
                      {"source": "counterpart", "amount": total - support}],
            "no_other_state_funding": True,
        },
        "declarations": {"counterpart_committed": True},
    }
    if beneficiaries:
        d["beneficiaries"] = [dict(COOP, name=f"HTX số {i + 1}") for i in range(beneficiaries)]
    if planned:
        d["planned_outputs"] = planned
    if split:
        d["support_split"] = split
    if variant:
        d["support_terms"] = {"variant": variant}
    return d


SHARES = ("info", "/funding", "funding.shares")
OVER = ("error", "/funding/lines/0/amount", "funding.support_exceeds_limit")
case("scheme_group_8_cooperatives_within",
     group_scheme(2_400 * M, 6_000 * M, planned={"establishments": 8}), [SHARES],
     "A group scheme for 8 cooperatives: 8 × 300 M = 2,400 M is lawful (Circular 28/2018 Art. 8.4).",
     totals=[{"by": [], "rows": [{"keys": {}, "establishments": 8, "support_vnd": 2_400 * M}]}])
case("scheme_group_8_cooperatives_over",
     group_scheme(2_410 * M, 6_000 * M, planned={"establishments": 8}), [SHARES, OVER],
     "10 M above 8 × 300 M.")
case("scheme_group_3_beneficiaries_listed_within",
     group_scheme(900 * M, 1_800 * M, beneficiaries=3), [SHARES],
     "Three eligible cooperatives listed: 3 × 300 M (and 50 % of 1,800 M).")
case("scheme_group_3_beneficiaries_listed_over",
     group_scheme(901 * M, 1_900 * M, beneficiaries=3), [SHARES, OVER],
     "One million above 3 × 300 M.")
case("scheme_units_not_stated_above_one_cap",
     group_scheme(800 * M, 2_000 * M),
     [SHARES, ("warning", "/funding/lines/0/amount", "funding.units_not_stated")],
     "No beneficiaries, no planned count: 800 M is within 50 % of 2,000 M but above one 300 M cap — "
     "how many establishments is not stated, so a warning, not an error.")
case("scheme_units_not_stated_above_share",
     group_scheme(1_100 * M, 2_000 * M), [SHARES, OVER],
     "Whatever the number of establishments, 1,100 M is above 50 % of 2,000 M.")
case("scheme_planned_lower_bound_units",
     group_scheme(1_600 * M, 4_000 * M, planned={"establishments": {"value": 5, "exactness": "lower_bound",
                                                                     "text": "hơn 5 cơ sở"}}),
     [SHARES, ("warning", "/funding/lines/0/amount", "funding.units_not_stated")],
     "'Hơn 5 cơ sở': 1,600 M is above 5 × 300 M but the exact number is not stated.")
case("scheme_demonstration_models_3",
     group_scheme(3_000 * M, 12_000 * M, date="2019-03-01", activities=("demonstration_model",),
                  planned={"models": 3}, variant="new_technology_or_product"), [SHARES],
     "Three demonstration models: 3 × 1,000 M (Circular 28/2018 Art. 8.2).")
case("scheme_demonstration_models_3_over",
     group_scheme(3_001 * M, 12_000 * M, date="2019-03-01", activities=("demonstration_model",),
                  planned={"models": 3}, variant="new_technology_or_product"), [SHARES, OVER],
     "One million above 3 × 1,000 M.")
split_units = [{"activity": MACH, "units": 1, "eligible_cost": 400 * M, "support": 200 * M, "label": "HTX số 1"},
               {"activity": MACH, "units": 1, "eligible_cost": 800 * M, "support": 300 * M, "label": "HTX số 2"}]
case("scheme_per_unit_costs_within",
     group_scheme(500 * M, 1_200 * M, beneficiaries=2, split=split_units), [SHARES],
     "Per-unit costs: 50 % of 400 M and the 300 M cap on 800 M.")
over_unit = copy.deepcopy(split_units); over_unit[0]["support"] = 210 * M; over_unit[1]["support"] = 290 * M
case("scheme_per_unit_cost_one_over",
     group_scheme(500 * M, 1_200 * M, beneficiaries=2, split=over_unit),
     [SHARES, ("error", "/support_split/0/support", "funding.support_exceeds_limit")],
     "The first cooperative gets 210 M, above 50 % of its 400 M, though the scheme's 500 M is within 2 × 300 M.")

# Schemes with several contents.
TWO = (MACH, "advisory")
case("scheme_two_contents_without_split",
     group_scheme(230 * M, 600 * M, date="2016-05-01", activities=TWO, planned={"establishments": 1}),
     [("warning", "/activities", "scheme.support_split_missing"), SHARES],
     "Machinery and consulting for one establishment, 2016: at most 200 + 35 M (Joint Circular 26/2014 Art. 6.2(c), (i)).")
case("scheme_two_contents_without_split_over",
     group_scheme(240 * M, 600 * M, date="2016-05-01", activities=TWO, planned={"establishments": 1}),
     [("warning", "/activities", "scheme.support_split_missing"), SHARES, OVER],
     "240 M is above the sum of the two contents' limits (235 M).")
case("scheme_two_contents_one_not_assessed",
     group_scheme(3_000 * M, 6_000 * M, activities=TWO, planned={"establishments": 1}),
     [("warning", "/activities", "scheme.support_split_missing"), SHARES,
      ("warning", "/funding/lines/0/amount", "funding.support_not_assessed")],
     "The consulting level of Circular 28/2018 was not read: the scheme's limit is not assessed — a warning, never an error.")
split_two = [{"activity": MACH, "units": 6, "eligible_cost": 3_000 * M, "support": 1_200 * M},
             {"activity": "advisory", "units": 4, "eligible_cost": 200 * M, "support": 100 * M}]
case("scheme_split_by_content_within",
     group_scheme(1_300 * M, 3_200 * M, date="2016-05-01", activities=TWO, split=split_two), [SHARES],
     "Machinery for 6 establishments (6 × 200 M) and consulting for 4 (50 % of 200 M), 2016.")
d = copy.deepcopy(split_two); d[1]["support"] = 120 * M
case("scheme_split_content_over",
     group_scheme(1_320 * M, 3_200 * M, date="2016-05-01", activities=TWO, split=d),
     [SHARES, ("error", "/support_split/1/support", "funding.support_exceeds_limit")],
     "Consulting gets 120 M, above 50 % of its 200 M.")
case("scheme_split_total_mismatch",
     group_scheme(1_350 * M, 3_200 * M, date="2016-05-01", activities=TWO, split=split_two),
     [SHARES, ("error", "/support_split", "scheme.split_total_mismatch")],
     "The split adds up to 1,300 M; the scheme's national support is 1,350 M.")
d = copy.deepcopy(split_two) + [{"activity": "information", "support": 50 * M}]
case("scheme_split_activity_not_listed",
     group_scheme(1_350 * M, 3_200 * M, date="2016-05-01", activities=TWO, split=d),
     [SHARES, ("error", "/support_split/2/activity", "scheme.split_activity_not_listed")],
     "A content of the split that is not among the scheme's activities.")
d = copy.deepcopy(split_two); del d[0]["support"]
case("scheme_split_support_unstated",
     group_scheme(1_300 * M, 3_200 * M, date="2016-05-01", activities=TWO, split=d),
     [SHARES, ("info", "/support_split", "reconcile.partial_breakdown")],
     "The machinery share is not stated: it is what the consulting leaves (1,200 M), within 6 × 200 M.")
case("scheme_split_support_unstated_over",
     group_scheme(1_310 * M, 3_200 * M, date="2016-05-01", activities=TWO, split=d),
     [SHARES, ("error", "/support_split", "funding.support_exceeds_limit"),
      ("info", "/support_split", "reconcile.partial_breakdown")],
     "What the consulting leaves (1,210 M) is above the machinery's 6 × 200 M.")
d = copy.deepcopy(split_two); d[0]["eligible_cost"] = 3_150 * M
case("scheme_split_eligible_exceeds",
     group_scheme(1_300 * M, 3_200 * M, date="2016-05-01", activities=TWO, split=d),
     [SHARES, ("error", "/support_split", "scheme.split_eligible_exceeds")],
     "3,150 + 200 M of content costs against a scheme eligible cost of 3,200 M.")

# Not modelled means not assessed.
NA = ("warning", "/funding/lines/0/amount", "funding.support_not_assessed")
case("scheme_approved_2013_not_assessed",
     scheme(approval={"number": "x/QĐ-BCT", "date": "2013-06-01", "issuer": "Bộ Công Thương"}),
     [SHARES, NA],
     "Before 2014-04-08 the levels of Joint Circular 125/2009 applied; they are not modelled: not assessed, exit 0.")
case("scheme_approved_2014_04_07_not_assessed",
     scheme(approval={"number": "x/QĐ-BCT", "date": "2014-04-07", "issuer": "Bộ Công Thương"}),
     [SHARES, NA], "Boundary: the last day before Joint Circular 26/2014.")
case("scheme_approved_2014_04_08_ttlt26_cap",
     scheme(approval={"number": "x/QĐ-BCT", "date": "2014-04-08", "issuer": "Bộ Công Thương"}),
     [SHARES, OVER], "Boundary: from 2014-04-08 Joint Circular 26/2014 applies, 200 M per establishment.")
case("scheme_demonstration_model_without_variant",
     scheme(activities=["demonstration_model"]), [SHARES, NA],
     "A demonstration model without saying which kind: the level is not known, so not assessed (never an error).")
d = scheme(); d["support_terms"] = {"variant": "brand"}
case("scheme_variant_of_another_activity", d,
     [SHARES, ("error", "/funding/lines/0/amount", "funding.support_limit_unavailable")],
     "A variant of another activity contradicts the scheme itself: an error.")


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

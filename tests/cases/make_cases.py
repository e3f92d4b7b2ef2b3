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
    # Row keys in name order, as the library writes them (runners that compare JSON text
    # depend on it).
    for spec in totals or ():
        for row in spec["rows"]:
            row["keys"] = dict(sorted(row["keys"].items()))
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
SEED_TOTALS_CHANGED = (SEED_CHANGED + " Totals now carry every count, so the lines that state only counts "
                       "have rows of their own (fund not itemised).")


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
    changed=SEED_TOTALS_CHANGED,
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
            {"keys": {"activity": "typical_product_contest", "fund_level": "provincial"}, "support_vnd": 128 * M,
             "counts": {"participations": 29, "products_certified": 33, "rounds": 2}},
            # Lines that state only counts, with no fund: the counts under fund not_itemised.
            {"keys": {"activity": "extension_centres_collaborators", "fund_level": "not_itemised"},
             "counts": {"collaborators": 143}},
            {"keys": {"activity": "fairs_exhibitions", "fund_level": "not_itemised"},
             "counts": {"fairs": 12, "participations": 205}},
            {"keys": {"activity": "information", "fund_level": "not_itemised"},
             "counts": {"articles": 10, "broadcasts": 7, "websites": 18}},
            {"keys": {"activity": "inspection_supervision", "fund_level": "not_itemised"},
             "counts": {"visits": 100}, "exactness": "lower_bound"},
            {"keys": {"activity": "market_export_expansion", "fund_level": "not_itemised"}, "counts": {"trips": 6}},
            {"keys": {"activity": "staff_training_materials", "fund_level": "not_itemised"},
             "counts": {"courses": 1, "trainees": 150}},
            {"keys": {"activity": "typical_product_contest", "fund_level": "not_itemised"},
             "counts": {"products_certified": 11}},
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
        "schema_version": 2,
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
d = seed(); d["schema_version"] = 3
case("structure_unsupported_schema_version", d, [NOT_RUN, ("error", "/schema_version", "structure.unsupported_schema_version")],
     "Versions 1 and 2 are read; 3 does not exist.", changed="Version 2 is now the current version; 3 is the unsupported one.")
raw_case("structure_duplicate_key", b'{"kind": "plan", "schema_version": 2, "id": "a", "id": "b", "year": 2024, "fund_level": "national"}',
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
        "schema_version": 2,
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
      ("warning", "/funding/no_other_state_funding", "funding.no_other_state_funding_missing")],
     "The declaration that no other state money funds the same items was a condition of support under Joint Circular 26/2014 "
     "Art. 7.4; on a 2025 scheme the rule in force has not been read, so its absence is a warning for the reviewer.",
     changed="Art. 7.4 outside the Joint Circular's window (2014-04-08 to 2018-05-10) is applied as a reference: a warning, "
     "never an error, for schemes as for applicants.")
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
     changed="Totals now carry every count (fairs, courses…), so the lines that state only counts have rows.",
     totals=[{"by": ["activity"], "rows": [
         {"keys": {"activity": MACH}, "support_vnd": 1_500 * M, "establishments": 6},
         {"keys": {"activity": "fairs_exhibitions"}, "support_vnd": 0, "counts": {"fairs": 3, "participations": 41}},
         {"keys": {"activity": "not_itemised"}, "support_vnd": 4_700 * M},
         {"keys": {"activity": "vocational_training"}, "counts": {"courses": 4, "trainees": 120}}]}])
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
        "schema_version": 2,
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


# ================================================================ format version 2
# The shapes real reports, plans, programmes and schemes have (real-reports.md §4), with
# invented figures. Every new figure follows the rule: unstated is unknown, never zero.

UPGRADED = ("info", "/schema_version", "document.upgraded")

# ---------------------------------------------------------------- version 1 documents
d = seed(); d["schema_version"] = 1
case("v1_report_seed_upgraded", d, [SEED_PARTIAL, UPGRADED],
     "The seed as version 1: read as version 2 with the same content, with a note; the figures reconcile as before.",
     totals=[{"by": [], "rows": [{"keys": {}, "funding_vnd": 34_387 * M, "support_vnd": 14_586 * M,
                                  "counterpart_vnd": 17_290 * M, "establishments": 62}]}])
p = plan(); p["schema_version"] = 1
case("v1_plan_upgraded", p, [UPGRADED], "A version-1 plan with nothing wrong: only the upgrade note.")
LA = json.loads((HERE / "../../docs/examples/scheme-long-an-2018.json").read_text("utf-8"))
case("v1_scheme_long_an_upgraded", LA,
     [("warning", "/beneficiaries/0", "scheme.beneficiary_indeterminate"),
      ("warning", "/beneficiaries/0/head_office", "eligibility.location_unknown"),
      ("info", "/funding", "funding.shares"), UPGRADED],
     "docs/examples/scheme-long-an-2018.json is kept in version 1: 77 M, 50 % local support, read as version 2 "
     "(a ward of a provincial city: eligible only with the city's class, not stated).")


def rep2(results=(), period=("2023-01-01", "2023-12-31"), **extra):
    d = small_report(period, list(results), **extra)
    d["reporting_unit"] = {"name": "Sở Công Thương tỉnh Z", "province": "Z"}
    return d


FIVE = ("2021-01-01", "2025-12-31")

# ---------------------------------------------------------------- the rest ("còn lại") and partial lists
case("report_rest_line_derived",
     rep2([{"activity": MACH, "fund": "provincial", "counts": {"establishments": 5}, "support": 1_500 * M},
           {"activity": "information", "fund": "provincial", "support": 600 * M},
           {"line_type": "rest", "fund": "provincial", "note": "các nội dung khác"}],
          results_total={"support": 3_000 * M}),
     [("info", "/results/2/support", "reconcile.rest_derived")],
     "'Các nội dung khác' states no figure: it is 3,000 − 1,500 − 600 = 900 M, and totals give it to the provincial fund.",
     totals=[{"by": ["fund_level"], "rows": [{"keys": {"fund_level": "provincial"}, "support_vnd": 3_000 * M}]},
             {"by": ["activity"], "rows": [
                 {"keys": {"activity": MACH}, "support_vnd": 1_500 * M},
                 {"keys": {"activity": "information"}, "support_vnd": 600 * M},
                 {"keys": {"activity": "not_itemised"}, "support_vnd": 900 * M}]}])
case("report_rest_line_known_exceed",
     rep2([{"activity": MACH, "fund": "provincial", "support": 2_000 * M},
           {"activity": "information", "fund": "provincial", "support": 1_500 * M},
           {"line_type": "rest", "fund": "provincial"}],
          results_total={"support": 3_000 * M}),
     [("error", "/results_total/support", "report.results_total_mismatch")],
     "The lines other than the rest already add up to 3,500 M, more than the 3,000 M total: no rest can be derived.")
lines_3000 = [{"activity": MACH, "fund": "provincial", "support": 2_000 * M},
              {"activity": "information", "fund": "provincial", "support": 1_000 * M}]
case("report_results_list_partial",
     rep2(lines_3000, results_total={"support": 3_500 * M}, results_partial=True),
     [("info", "/results_total/support", "reconcile.partial_breakdown")],
     "Both lines state their support (3,000 M) but the report lists only some activities: 3,500 M is consistent.",
     totals=[{"by": ["activity"], "rows": [
         {"keys": {"activity": MACH}, "support_vnd": 2_000 * M},
         {"keys": {"activity": "information"}, "support_vnd": 1_000 * M},
         {"keys": {"activity": "not_itemised"}, "support_vnd": 500 * M}]}])
case("report_results_list_complete_mismatch",
     rep2(lines_3000, results_total={"support": 3_500 * M}),
     [("error", "/results_total/support", "report.results_total_mismatch")],
     "Boundary: the same lines, the list not marked partial — every line states its support, so 3,000 M must be 3,500 M.")
case("report_funding_rest_derived",
     rep2(funding={"total": 20_000 * M, "lines": [
         {"source": "national_extension_fund", "amount": 5_000 * M},
         {"source": "local_budget_provincial", "amount": 6_000 * M},
         {"source": "counterpart", "rest": True, "label": "vốn đối ứng của cơ sở và các nguồn khác còn lại"}]}),
     [("info", "/funding/lines/2/amount", "reconcile.rest_derived")],
     "'Vốn đối ứng … còn lại' as the rest: 20,000 − 5,000 − 6,000 = 9,000 M, counted as counterpart in totals.",
     totals=[{"by": ["source"], "rows": [
         {"keys": {"source": "counterpart"}, "funding_vnd": 9_000 * M, "exactness": "exact"},
         {"keys": {"source": "local_budget_provincial"}, "funding_vnd": 6_000 * M},
         {"keys": {"source": "national_extension_fund"}, "funding_vnd": 5_000 * M}]}])
case("report_funding_sources_partial",
     rep2(funding={"total": 20_000 * M, "partial": True, "lines": [
         {"source": "national_extension_fund", "amount": 5_000 * M},
         {"source": "local_budget_provincial", "amount": 6_000 * M}]}),
     [("info", "/funding/total", "reconcile.partial_breakdown")],
     "Two sources named, 'và các nguồn khác' not listed: 11,000 M of 20,000 M is no contradiction.")

# ---------------------------------------------------------------- subtotals by fund, lines by fund only
local_part = {"fund": "local", "counts": {"schemes": 28}, "support": 3_100 * M, "parts": [
    {"activity": MACH, "counts": {"schemes": 12, "establishments": 12}, "support": 2_000 * M},
    {"activity": "information", "counts": {"schemes": 10}, "support": 600 * M},
    {"activity": "vocational_training", "counts": {"schemes": 6}, "support": 500 * M}]}
national_part = {"fund": "national", "counts": {"schemes": 13}, "support": 3_100 * M}
case("report_subtotals_by_fund",
     rep2([national_part, local_part], results_total={"counts": {"schemes": 41}, "support": 6_200 * M}),
     [], "The whole (41 đề án, 6,2 tỷ), the national part (13, 3,1 tỷ) and the local part (28, 3,1 tỷ) with its own "
         "breakdown: every figure agrees.",
     totals=[{"by": ["fund_level"], "rows": [
         {"keys": {"fund_level": "local"}, "support_vnd": 3_100 * M, "establishments": 12},
         {"keys": {"fund_level": "national"}, "support_vnd": 3_100 * M}]},
             {"by": ["fund_level", "activity"], "rows": [
         {"keys": {"fund_level": "local", "activity": MACH}, "support_vnd": 2_000 * M},
         {"keys": {"fund_level": "local", "activity": "information"}, "support_vnd": 600 * M},
         {"keys": {"fund_level": "local", "activity": "vocational_training"}, "support_vnd": 500 * M},
         {"keys": {"fund_level": "national", "activity": "not_itemised"}, "support_vnd": 3_100 * M}]}])
d = copy.deepcopy(local_part); d["parts"][1]["support"] = 700 * M
case("report_subtotal_parts_exceed",
     rep2([national_part, d], results_total={"counts": {"schemes": 41}, "support": 6_200 * M}),
     [("error", "/results/1/support", "report.line_parts_mismatch")],
     "The local part's breakdown adds up to 3,200 M, not its 3,100 M.")
d = copy.deepcopy(local_part); d["parts"][0]["fund"] = "national"
case("report_subtotal_part_contradicts_fund",
     rep2([national_part, d], results_total={"counts": {"schemes": 41}, "support": 6_200 * M}),
     [("error", "/results/1/parts/0/fund", "report.part_contradicts_line")],
     "A part of the local-fund line cannot be paid from national funds.")
d = copy.deepcopy(local_part); del d["parts"][2]["support"]
case("report_subtotal_breakdown_partial",
     rep2([national_part, d], results_total={"counts": {"schemes": 41}, "support": 6_200 * M}),
     [("info", "/results/1/support", "reconcile.partial_breakdown")],
     "The training line of the local part states no money: 2,600 M of 3,100 M itemised, the rest unknown.",
     totals=[{"by": ["fund_level", "activity"], "rows": [
         {"keys": {"fund_level": "local", "activity": MACH}, "support_vnd": 2_000 * M},
         {"keys": {"fund_level": "local", "activity": "information"}, "support_vnd": 600 * M},
         {"keys": {"fund_level": "local", "activity": "not_itemised"}, "support_vnd": 500 * M},
         {"keys": {"fund_level": "local", "activity": "vocational_training"}, "support_vnd": 0,
          "counts": {"schemes": 6}},
         {"keys": {"fund_level": "national", "activity": "not_itemised"}, "support_vnd": 3_100 * M,
          "counts": {"schemes": 13}}]}])
case("report_lines_by_fund_only",
     rep2([{"fund": "national", "counts": {"schemes": 9}}, {"fund": "provincial", "counts": {"schemes": 26}}],
          results_total={"counts": {"schemes": 35}}),
     [], "'KCQG: 9 đề án; KCĐP: 26 đề án' — lines by fund with no activity: 9 + 26 = 35.")
case("report_lines_by_fund_only_mismatch",
     rep2([{"fund": "national", "counts": {"schemes": 9}}, {"fund": "provincial", "counts": {"schemes": 26}}],
          results_total={"counts": {"schemes": 36}}),
     [("error", "/results_total/counts/schemes", "report.results_total_mismatch")],
     "9 + 26 is not the stated 36.")
mach_both = {"activity": MACH, "fund": "provincial", "counts": {"establishments": 4}, "support": 1_000 * M,
             "total_investment": 2_500 * M}
case("report_management_overheads",
     rep2([mach_both, {"line_type": "management", "fund": "provincial", "support": 150 * M,
                       "note": "chi phí quản lý, triển khai đề án"}],
          results_total={"support": 1_150 * M},
          funding={"total": 2_650 * M, "lines": [{"source": "local_budget_provincial", "amount": 1_150 * M},
                                                  {"source": "counterpart", "amount": 1_500 * M}]}),
     [], "Management overheads are a line of their own: no beneficiary, no counterpart — so the counterpart "
         "(2,500 − 1,000 = 1,500 M) is compared exactly, not as a lower bound.",
     totals=[{"by": ["activity"], "rows": [
         {"keys": {"activity": None}, "funding_vnd": 2_650 * M},
         {"keys": {"activity": MACH}, "support_vnd": 1_000 * M, "counterpart_vnd": 1_500 * M},
         {"keys": {"activity": "management"}, "support_vnd": 150 * M}]}])

money_in_parts = [{"fund": "local", "parts": [{"activity": MACH, "support": 2_000 * M},
                                               {"activity": "information", "support": 600 * M}]},
                  {"fund": "national", "support": 1_000 * M}]
case("report_fund_line_money_in_its_parts",
     rep2(money_in_parts, results_total={"support": 3_600 * M}), [],
     "The local line states its money only through its parts (2,000 + 600 M): with the national 1,000 M, the total "
     "3,600 M agrees, and totals count the parts once.",
     totals=[{"by": [], "rows": [{"keys": {}, "support_vnd": 3_600 * M}]},
             {"by": ["fund_level"], "rows": [{"keys": {"fund_level": "local"}, "support_vnd": 2_600 * M},
                                             {"keys": {"fund_level": "national"}, "support_vnd": 1_000 * M}]}])
case("report_fund_line_money_in_its_parts_exceed",
     rep2(money_in_parts, results_total={"support": 3_500 * M}),
     [("error", "/results_total/support", "report.results_total_mismatch")],
     "The parts of the local line and the national line already add up to 3,600 M, above the stated 3,500 M.")
case("report_management_line_is_no_scheme",
     rep2([{"activity": MACH, "fund": "provincial", "counts": {"schemes": 10}, "support": 2_000 * M},
           {"line_type": "management", "fund": "provincial", "support": 100 * M}],
          results_total={"counts": {"schemes": 10}, "support": 2_100 * M}), [],
     "The overheads line counts no scheme: 10 schemes in all, compared exactly (no partial breakdown).")

# ---------------------------------------------------------------- ranges
case("report_count_range_reversed",
     rep2([{"activity": MACH, "fund": "provincial", "counts": {"schemes": {"min": 12, "max": 8}}}]),
     [("error", "/results/0/counts/schemes", "document.range_reversed")],
     "A range '12–8' contradicts itself.")
case("report_targets_range_total",
     rep2(targets=[{"activity": MACH, "counts": {"schemes": {"min": 8, "max": 12, "text": "8–12 đề án"}}},
                   {"activity": "demonstration_model", "counts": {"schemes": 2}}],
          targets_total={"counts": {"schemes": 12}}),
     [("info", "/targets_total/counts/schemes", "reconcile.range")],
     "'8–12 đề án' plus 2 is 10–14: a total of 12 is within the range.")
case("report_targets_range_total_outside",
     rep2(targets=[{"activity": MACH, "counts": {"schemes": {"min": 8, "max": 12}}},
                   {"activity": "demonstration_model", "counts": {"schemes": 2}}],
          targets_total={"counts": {"schemes": 15}}),
     [("error", "/targets_total/counts/schemes", "report.targets_total_mismatch")],
     "10–14 cannot make 15.")

# ---------------------------------------------------------------- years inside a multi-year period
by_year = {"activity": MACH, "fund": "provincial", "counts": {"establishments": 57}, "support": 13_058 * M,
           "parts": [{"year": 2021, "counts": {"establishments": 9}, "support": 2_058 * M},
                     {"year": 2022, "counts": {"establishments": 11}, "support": 2_500 * M},
                     {"year": 2023, "counts": {"establishments": 12}, "support": 2_700 * M},
                     {"year": 2024, "counts": {"establishments": 13}, "support": 2_900 * M},
                     {"year": 2025, "counts": {"establishments": 12}, "support": 2_900 * M}]}
case("report_five_years_by_year",
     rep2([by_year], period=FIVE), [],
     "A five-year report gives the machinery money per year: 2,058 + 2,500 + 2,700 + 2,900 + 2,900 = 13,058 M.",
     totals=[{"by": ["year"], "rows": [
         {"keys": {"year": "2021"}, "support_vnd": 2_058 * M, "establishments": 9},
         {"keys": {"year": "2022"}, "support_vnd": 2_500 * M},
         {"keys": {"year": "2023"}, "support_vnd": 2_700 * M},
         {"keys": {"year": "2024"}, "support_vnd": 2_900 * M},
         {"keys": {"year": "2025"}, "support_vnd": 2_900 * M, "establishments": 12}]},
             {"by": ["period"], "rows": [{"keys": {"period": "2021-2025"}, "support_vnd": 13_058 * M}]}])
d = copy.deepcopy(by_year); del d["parts"][4]["support"]
case("report_five_years_one_year_unstated",
     rep2([d], period=FIVE), [("info", "/results/0/support", "reconcile.partial_breakdown")],
     "2025 states no money: the four years stated are a lower bound; totals keep 2,900 M under year not_itemised.",
     totals=[{"by": ["year"], "rows": [
         {"keys": {"year": "2021"}, "support_vnd": 2_058 * M},
         {"keys": {"year": "2022"}, "support_vnd": 2_500 * M},
         {"keys": {"year": "2023"}, "support_vnd": 2_700 * M},
         {"keys": {"year": "2024"}, "support_vnd": 2_900 * M},
         {"keys": {"year": "2025"}, "establishments": 12},
         {"keys": {"year": "not_itemised"}, "support_vnd": 2_900 * M}]}])
d = copy.deepcopy(by_year); d["parts"][4]["year"] = 2026
case("report_year_outside_period",
     rep2([d], period=FIVE), [("error", "/results/0/parts/4/year", "document.year_outside_period")],
     "A year 2026 inside a 2021–2025 report.")
d = copy.deepcopy(by_year); d["parts"][4]["support"] = 3_000 * M
case("report_year_parts_mismatch",
     rep2([d], period=FIVE), [("error", "/results/0/support", "report.line_parts_mismatch")],
     "The years add up to 13,158 M, not the line's 13,058 M.")

# ---------------------------------------------------------------- industry and product group
by_industry = {"activity": MACH, "fund": "provincial", "counts": {"establishments": 18}, "support": 4_000 * M,
               "parts": [{"industry": "agro_forestry_fishery_food_processing", "counts": {"establishments": 11}},
                         {"industry": "handicraft", "counts": {"establishments": 3}},
                         {"industry": "mechanical_electrical_electronic", "counts": {"establishments": 4}}]}
case("report_industry_breakdown",
     rep2([by_industry]), [],
     "'18 cơ sở: 11 chế biến nông sản, 3 thủ công, 4 cơ khí' — counts by industry; the money is not split by "
     "industry (a line's parts split only the figures they state).",
     totals=[{"by": ["industry"], "rows": [
         {"keys": {"industry": "agro_forestry_fishery_food_processing"}, "establishments": 11, "support_vnd": 0},
         {"keys": {"industry": "handicraft"}, "establishments": 3},
         {"keys": {"industry": "mechanical_electrical_electronic"}, "establishments": 4},
         {"keys": {"industry": "not_itemised"}, "support_vnd": 4_000 * M, "establishments": 0}]}])
d = copy.deepcopy(by_industry); d["parts"][2]["counts"]["establishments"] = 5
case("report_industry_counts_mismatch",
     rep2([d]), [("error", "/results/0/counts/establishments", "report.line_parts_mismatch")],
     "11 + 3 + 5 = 19 establishments, not 18.")
contest = {"activity": "typical_product_contest", "fund": "provincial", "level": "provincial",
           "counts": {"products_certified": 33}, "support": 128 * M,
           "parts": [{"product_group": "agro_forestry_fishery_food", "counts": {"products_certified": 15}},
                     {"product_group": "handicraft_fine_art", "counts": {"products_certified": 10}},
                     {"product_group": "machinery_tools_parts", "counts": {"products_certified": 3}},
                     {"product_group": "other", "counts": {"products_certified": 5}}]}
case("report_contest_by_product_group",
     rep2([contest], period=FIVE), [],
     "33 products certified at provincial level, by product group (Circular 26/2014/TT-BCT Art. 5): 15 + 10 + 3 + 5.",
     totals=[{"by": ["product_group"], "rows": [
         {"keys": {"product_group": "agro_forestry_fishery_food"}, "counts": {"products_certified": 15}},
         {"keys": {"product_group": "handicraft_fine_art"}, "counts": {"products_certified": 10}},
         {"keys": {"product_group": "machinery_tools_parts"}, "counts": {"products_certified": 3}},
         {"keys": {"product_group": "not_itemised"}, "support_vnd": 128 * M, "counts": {}},
         {"keys": {"product_group": "other"}, "counts": {"products_certified": 5}}]}])
d = copy.deepcopy(contest); d["parts"][0]["level"] = "national"
case("report_contest_part_level_contradicts",
     rep2([d], period=FIVE), [("warning", "/results/0/parts/0/fund", "report.contest_fund_level"),
                              ("error", "/results/0/parts/0/level", "report.part_contradicts_line")],
     "A part of a provincial-level contest line cannot be a national-level certificate (and national contests "
     "are not paid from the provincial funds it inherits).")

# ---------------------------------------------------------------- the state budget, not split by level
results_sb = [{"activity": MACH, "fund": "national", "counts": {"establishments": 6}, "support": 1_500 * M},
              {"activity": MACH, "fund": "provincial", "counts": {"establishments": 60}, "support": 12_000 * M}]
case("report_state_budget_unsplit",
     rep2(results_sb, period=FIVE, funding={"total": 48_000 * M, "lines": [
         {"source": "state_budget", "amount": 48_000 * M, "label": "ngân sách nhà nước"}]}),
     [], "'Ngân sách nhà nước 48 tỷ' without its levels: support of either level cannot be found to exceed it.",
     totals=[{"by": ["source"], "rows": [
         {"keys": {"source": None}, "support_vnd": 13_500 * M},
         {"keys": {"source": "state_budget"}, "funding_vnd": 48_000 * M}]},
             {"by": ["fund_level"], "rows": [
         {"keys": {"fund_level": "national"}, "support_vnd": 1_500 * M},
         {"keys": {"fund_level": "not_itemised"}, "funding_vnd": 48_000 * M},
         {"keys": {"fund_level": "provincial"}, "support_vnd": 12_000 * M}]}])
case("report_state_budget_known_exceed",
     rep2(results_sb, period=FIVE, funding={"lines": [
         {"source": "national_extension_fund", "amount": 500 * M},
         {"source": "state_budget", "amount": 800 * M}]}),
     [("error", "/funding/lines", "report.support_exceeds_funding")],
     "National support of 1,500 M exceeds even the national funds (500 M) with all of the unsplit state budget (800 M).")
d = group_scheme(300 * M, 620 * M, planned={"establishments": 1})
d["funding"]["lines"][0]["source"] = "state_budget"
case("scheme_state_budget_line", d,
     [SHARES, ("warning", "/funding/lines/0/source", "funding.state_budget_not_split")],
     "A scheme whose support is written as 'ngân sách nhà nước' without its level: the limit is not assessed on it.")

# ---------------------------------------------------------------- plans mixing funds, lines for several schemes
def plan2(**over):
    p = plan()
    p["schemes"].append({"scheme_id": "da-qg-1", "activity": MACH, "fund_level": "national",
                         "support": 600 * M, "total_cost": 1_300 * M})
    p["schemes"].append({"scheme_id": "da-qg-2", "activity": "demonstration_model", "fund_level": "national",
                         "support": 600 * M, "total_cost": 2_000 * M})
    p["budget"] = {"total": 2_200 * M, "lines": [{"source": "local_budget_provincial", "amount": 1_000 * M},
                                                  {"source": "national_extension_fund", "amount": 1_200 * M}]}
    p.update(over)
    return p


case("plan_mixed_funds", plan2(), [],
     "A provincial plan that lists two national-fund schemes beside its own: the national budget line is no mismatch.",
     totals=[{"by": ["fund_level"], "rows": [
         {"keys": {"fund_level": "national"}, "support_vnd": 1_200 * M, "funding_vnd": 1_200 * M},
         {"keys": {"fund_level": "provincial"}, "support_vnd": 900 * M, "funding_vnd": 1_000 * M}]}])
p = plan2(); p["schemes"][3]["support"] = 700 * M; p["schemes"][3]["total_cost"] = 1_400 * M
case("plan_mixed_funds_national_exceeds", p, [("error", "/schemes", "plan.schemes_exceed_budget")],
     "The national-fund schemes (700 + 600 M) exceed the national budget line (1,200 M).")
p = plan2(); del p["budget"]["lines"][1]; p["budget"]["total"] = 1_000 * M
case("plan_mixed_funds_no_national_budget", p, [],
     "The national schemes are listed but the plan's budget names only local funds: nothing to compare them with.")
p = plan(fund_level="national", province=None); del p["province"]
p["schemes"] = [{"scheme_id": "da-1", "activity": MACH, "support": 300 * M}]
case("plan_national_with_local_budget_still_mismatch", p,
     [("error", "/budget/lines/0/source", "plan.fund_source_mismatch")],
     "Boundary: a national plan with no local line still may not draw on a provincial budget.")
several = [{"activity": MACH, "counts": {"schemes": 7},
            "support": {"vnd": 2_000 * M, "exactness": "approximate", "text": "gần 2 tỷ đồng"},
            "title": "7 đề án máy móc thiết bị"},
           {"scheme_id": "da-8", "activity": "demonstration_model", "support": 500 * M},
           {"scheme_id": "da-9", "activity": "information", "support": 100 * M},
           {"line_type": "management", "support": 50 * M, "title": "chi phí quản lý, triển khai đề án"}]
case("plan_line_for_several_schemes",
     plan(schemes=several, budget={"total": 3_000 * M, "lines": [{"source": "local_budget_provincial", "amount": 3_000 * M}]},
          schemes_total={"counts": {"schemes": 9}}), [],
     "'7 đề án máy móc thiết bị, gần 2 tỷ' as one line, two single schemes and the overheads: 7 + 1 + 1 = 9 schemes.",
     totals=[{"by": ["activity"], "rows": [
         {"keys": {"activity": None}, "funding_vnd": 3_000 * M},
         {"keys": {"activity": MACH}, "support_vnd": 2_000 * M, "exactness": "approximate"},
         {"keys": {"activity": "demonstration_model"}, "support_vnd": 500 * M},
         {"keys": {"activity": "information"}, "support_vnd": 100 * M},
         {"keys": {"activity": "management"}, "support_vnd": 50 * M}]}])
case("plan_line_for_several_schemes_mismatch",
     plan(schemes=several, budget={"total": 3_000 * M, "lines": [{"source": "local_budget_provincial", "amount": 3_000 * M}]},
          schemes_total={"counts": {"schemes": 10}}),
     [("error", "/schemes_total/counts/schemes", "plan.total_mismatch")],
     "7 + 1 + 1 schemes (the overheads are none) is not 10.")
p = plan(); del p["fund_level"]
p["schemes"] = [dict(s, fund_level="provincial") for s in p["schemes"]]
case("plan_without_own_level", p, [],
     "A plan with no level of its own, each line with its level: checked by the lines' levels.",
     totals=[{"by": ["fund_level"], "rows": [{"keys": {"fund_level": "provincial"}, "support_vnd": 900 * M}]}])
case("plan_range_total",
     plan(schemes=[{"activity": MACH, "counts": {"schemes": {"min": 8, "max": 12}}},
                   {"scheme_id": "da-x", "activity": "information", "support": 100 * M}],
          schemes_total={"counts": {"schemes": 10}}),
     [("info", "/schemes_total/counts/schemes", "reconcile.range")],
     "'8–12 đề án' and one scheme: 9–13, and 10 is within it.")

# ---------------------------------------------------------------- plan versus execution
ex = {"scheme_id": "da-1", "activity": MACH, "support": 300 * M, "total_cost": 700 * M,
      "execution": {"requested": 350 * M, "approved": 300 * M, "allocated": 300 * M, "disbursed": 255 * M,
                    "settled": 250 * M, "disbursement_rate": "85"}}
p = plan(); p["schemes"][0] = ex
case("plan_execution_rate_agrees", p, [],
     "Requested 350, approved and allocated 300, disbursed 255, settled 250 M: 'giải ngân đạt 85 %' is 255 / 300.")
p = plan(); p["schemes"][0] = copy.deepcopy(ex); p["schemes"][0]["execution"]["disbursement_rate"] = "90"
case("plan_execution_rate_contradicts", p,
     [("error", "/schemes/0/execution/disbursement_rate", "document.disbursement_rate_mismatch")],
     "255 / 300 is 85 %, not the stated 90 %.")
case("report_funding_execution_rounded_rate",
     rep2(funding={"lines": [{"source": "local_budget_provincial", "amount": 1_420 * M, "execution": {
         "planned": 1_600 * M, "allocated": 1_500 * M, "disbursed": 1_420 * M, "disbursement_rate": "94.7"}}]}),
     [], "1,420 / 1,500 = 94.666…%: '94,7 %' is that rounded to one decimal.")
p = plan(); p["schemes"][0] = copy.deepcopy(ex); p["schemes"][0]["execution"]["disbursement_rate"] = "85"
del p["schemes"][0]["execution"]["allocated"]
case("plan_execution_rate_not_recomputed", p,
     [("info", "/schemes/0/execution/disbursement_rate", "reconcile.not_recomputed")],
     "No allocated amount: the stated rate cannot be recomputed, so it is not checked (information).")

p = plan(); p["schemes"][0] = copy.deepcopy(ex); p["schemes"][0]["execution"]["approved"] = 360 * M
p["schemes"][0]["execution"]["disbursement_rate"] = "85"
case("plan_execution_approved_above_requested", p,
     [("warning", "/schemes/0/execution/approved", "document.execution_stage_exceeds")],
     "Approved 360 M of 350 M requested: a later stage above the one before it is a warning for a reviewer, not an error.")
p = plan(); p["schemes"][0] = copy.deepcopy(ex); p["schemes"][0]["execution"]["approved"] = 350 * M
case("plan_execution_approved_equal_requested", p, [],
     "Approved exactly what was requested (350 M): nothing to say.")
r = rep2(funding={"lines": [{"source": "local_budget_provincial", "amount": 1_520 * M, "execution": {
    "allocated": 1_500 * M, "disbursed": 1_520 * M, "settled": 1_500 * M}}]})
case("report_funding_disbursed_above_allocated", r,
     [("warning", "/funding/lines/0/execution/disbursed", "document.execution_stage_exceeds")],
     "1,520 M disbursed of 1,500 M allocated: a warning (the allocation may have been supplemented); settled 1,500 M is below disbursed.")
r = rep2(funding={"lines": [{"source": "local_budget_provincial", "amount": 1_500 * M, "execution": {
    "allocated": 1_500 * M, "disbursed": {"vnd": 1_520 * M, "exactness": "approximate", "text": "khoảng 1,52 tỷ đồng"}}}]})
case("report_funding_disbursed_approximate_not_compared", r, [],
     "'khoảng 1,52 tỷ đồng' disbursed of 1,500 M allocated: an approximate figure is not compared.")

# ---------------------------------------------------------------- outcomes: averages, shares, growth, jobs
m57 = {"activity": MACH, "fund": "provincial", "counts": {"establishments": 57}, "support": 13_058 * M,
       "total_investment": 27_148 * M}
def with_outcomes(line, **o):
    d = copy.deepcopy(line); d["outcomes"] = o; return d
case("report_average_agrees",
     rep2([with_outcomes(m57, averages=[{"vnd": 229 * M, "per": "establishments", "rounding_vnd": M,
                                         "text": "bình quân 229 triệu đồng/cơ sở"}])], period=FIVE),
     [], "13,058 M / 57 = 229.09 M: '229 triệu/cơ sở' at one million.")
case("report_average_contradicts",
     rep2([with_outcomes(m57, averages=[{"vnd": 250 * M, "per": "establishments", "rounding_vnd": M}])], period=FIVE),
     [("error", "/results/0/outcomes/averages/0/vnd", "document.stated_average_mismatch")],
     "13,058 M / 57 = 229 M, not the stated 250 M.")
case("report_average_coarse_rounding",
     rep2([with_outcomes(m57, averages=[{"vnd": 230 * M, "per": "establishments"}])], period=FIVE),
     [], "'230 triệu' with no rounding stated is read as rounded to ten million: 229.09 M agrees.")
case("report_average_investment_per_model",
     rep2([{"activity": "demonstration_model", "fund": "provincial", "counts": {"models": 3},
            "support": 1_500 * M, "total_investment": 4_000 * M,
            "outcomes": {"averages": [{"vnd": 1_300 * M, "per": "models", "of": "total_investment",
                                       "rounding_vnd": 100 * M}]}}]),
     [], "4,000 M over 3 models is 1,333 M: '1,3 tỷ/mô hình' at 100 million.")
shares_line = {"activity": MACH, "fund": "national", "counts": {"establishments": 5}, "support": 1_400 * M,
               "total_investment": 4_600 * M}
case("report_share_of_investment_agrees",
     rep2([with_outcomes(shares_line, shares=[{"of": "support_of_investment", "percent": "30.4",
                                               "text": "hỗ trợ chiếm 30,4 % tổng vốn đầu tư"}])]),
     [], "1,400 / 4,600 = 30.43 %: '30,4 %'.")
case("report_share_of_investment_contradicts",
     rep2([with_outcomes(shares_line, shares=[{"of": "support_of_investment", "percent": "35"}])]),
     [("error", "/results/0/outcomes/shares/0/percent", "document.stated_share_mismatch")],
     "1,400 / 4,600 = 30.43 %, not 35 %.")
whole_lines = [with_outcomes({"activity": MACH, "fund": "provincial", "support": 1_150 * M},
                             shares=[{"of": "support_of_whole", "percent": "18.4", "text": "chiếm 18,4 %"}]),
               {"activity": "information", "fund": "provincial", "support": 5_100 * M}]
case("report_share_of_whole_agrees",
     rep2(whole_lines, results_total={"support": 6_250 * M}), [],
     "1,150 of 6,250 M is exactly 18.4 %.")
d = copy.deepcopy(whole_lines); d[0]["outcomes"]["shares"][0]["percent"] = "18.6"
case("report_share_of_whole_contradicts",
     rep2(d, results_total={"support": 6_250 * M}),
     [("error", "/results/0/outcomes/shares/0/percent", "document.stated_share_mismatch")],
     "Boundary: 18.6 % is 0.2 point from 18.4 %, more than the 0.1 the text rounds to.")
case("report_share_of_whole_not_recomputed",
     rep2(whole_lines),
     [("info", "/results/0/outcomes/shares/0/percent", "reconcile.not_recomputed")],
     "No results total: the share of the whole cannot be recomputed — information, not an error.")
case("report_count_share_of_part",
     rep2([{"activity": MACH, "fund": "provincial", "counts": {"establishments": 18}, "parts": [
         {"industry": "agro_forestry_fishery_food_processing", "counts": {"establishments": 11},
          "outcomes": {"shares": [{"of": "count_of_whole", "count": "establishments", "percent": "61.1"}]}},
         {"industry": "handicraft", "counts": {"establishments": 7}}]}]),
     [], "11 of the line's 18 establishments is 61.11 %: '61,1 %'.")
growth = {"activity": MACH, "fund": "provincial", "counts": {"establishments": 10}, "support": 2_000 * M,
          "outcomes": {"revenue_growth": {"before": 10_000 * M, "after": 12_000 * M, "percent": "20",
                                          "text": "doanh thu tăng từ 10 tỷ lên 12 tỷ đồng (20 %)"}}}
case("report_growth_agrees", rep2([growth]), [], "From 10 to 12 tỷ is a 20 % growth.")
d = copy.deepcopy(growth); d["outcomes"]["revenue_growth"]["percent"] = "25"
case("report_growth_contradicts", rep2([d]),
     [("error", "/results/0/outcomes/revenue_growth/percent", "document.stated_growth_mismatch")],
     "From 10 to 12 tỷ is 20 %, not 25 %.")
d = copy.deepcopy(growth); d["outcomes"]["revenue_growth"]["percent"] = "8"; d["outcomes"]["revenue_growth"]["per_year"] = True
case("report_growth_per_year_not_recomputed", rep2([d], period=FIVE),
     [("info", "/results/0/outcomes/revenue_growth/percent", "reconcile.not_recomputed")],
     "'Tăng trưởng bình quân 8 %/năm' is a yearly average: not recomputed from the two figures.")
jobs = [{"activity": MACH, "fund": "provincial", "outcomes": {"jobs_created": 900}},
        {"activity": "demonstration_model", "fund": "provincial", "outcomes": {"jobs_created": 700}}]
case("report_jobs_lower_bound_total",
     rep2(jobs, period=FIVE, results_total={"outcomes": {"jobs_created": {"value": 1_500, "exactness": "lower_bound",
                                                                         "text": "tạo việc làm cho hơn 1.500 lao động"}}}),
     [("info", "/results_total/outcomes/jobs_created", "reconcile.lower_bound")],
     "'Hơn 1.500 lao động' against 900 + 700 = 1,600: consistent.",
     totals=[{"by": [], "rows": [{"keys": {}, "jobs_created": 1_600}]}])
case("report_jobs_total_mismatch",
     rep2(jobs, period=FIVE, results_total={"outcomes": {"jobs_created": 1_500}}),
     [("error", "/results_total/outcomes/jobs_created", "report.results_total_mismatch")],
     "900 + 700 jobs is 1,600, not the stated 1,500.")

# ---------------------------------------------------------------- national documents
case("report_national_ministry",
     {"kind": "period_report", "schema_version": 2, "id": "bct-binh-chon-2023",
      "title": "Kết quả bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2023",
      "reporting_unit": {"name": "Bộ Công Thương"},
      "period": {"from": "2023-01-01", "to": "2023-12-31"},
      "results": [{"activity": "typical_product_contest", "level": "national", "fund": "national",
                   "counts": {"products_certified": 120, "participations": 310}, "support": 2_100 * M}]},
     [], "The Ministry's own report: no province.",
     totals=[{"by": ["province"], "rows": [{"keys": {"province": "national"}, "support_vnd": 2_100 * M}]}])

# ---------------------------------------------------------------- approximate scheme money
def approx(v, word="khoảng"):
    # In Vietnamese notation: "7,5 tỷ đồng" (a comma before the decimals).
    ty = f"{v / 1_000_000_000:g}".replace(".", ",")
    return {"vnd": v, "exactness": "approximate", "text": f"{word} {ty} tỷ đồng"}


d = group_scheme(2_400 * M, 6_000 * M, planned={"establishments": 8})
d["funding"]["total_cost"] = approx(7_500 * M)
d["funding"]["lines"][1]["amount"] = 5_000 * M
case("scheme_approximate_total_within", d,
     [SHARES, ("info", "/funding/total_cost", "reconcile.approximate")],
     "'Tổng kinh phí khoảng 7,5 tỷ đồng' against 2,400 + 5,000 M: within 10 %.")
d = group_scheme(2_400 * M, 6_000 * M, planned={"establishments": 8})
d["funding"]["total_cost"] = approx(9_000 * M)
d["funding"]["lines"][1]["amount"] = 5_000 * M
case("scheme_approximate_total_outside", d,
     [SHARES, ("warning", "/funding/lines", "reconcile.approximate_outside_tolerance"),
      ("warning", "/funding/total_cost", "reconcile.approximate_outside_tolerance")],
     "'Khoảng 9 tỷ' against 7,400 M of lines is more than 10 % apart (and so is the counterpart): warnings, not errors.")
d = group_scheme(2_100 * M, 4_000 * M, planned={"establishments": 8})
d["funding"]["eligible_cost"] = approx(4_000 * M)
d["funding"]["total_cost"] = approx(4_000 * M)
case("scheme_approximate_cost_share_exceeded_warning", d,
     [SHARES, ("warning", "/funding/lines/0/amount", "funding.support_exceeds_limit"),
      ("info", "/funding/total_cost", "reconcile.approximate")],
     "2,100 M against 50 % of about 4,000 M: the share moves with an approximate cost — a warning, not an error.")
d = group_scheme(2_500 * M, 20_000 * M, planned={"establishments": 8})
d["funding"]["eligible_cost"] = approx(20_000 * M)
d["funding"]["total_cost"] = approx(20_000 * M)
case("scheme_approximate_cost_cap_binds_error", d,
     [SHARES, OVER, ("info", "/funding/total_cost", "reconcile.approximate")],
     "Boundary: with about 20,000 M of cost the 8 × 300 M cap binds, whatever the exact cost: 2,500 M is an error.")

# ---------------------------------------------------------------- support split by beneficiary
split_b = [{"activity": MACH, "beneficiary_index": 0, "eligible_cost": 500 * M, "support": 250 * M},
           {"activity": MACH, "beneficiary_index": 1, "eligible_cost": 700 * M, "support": 300 * M}]
case("scheme_split_by_beneficiary",
     group_scheme(550 * M, 1_200 * M, beneficiaries=2, split=split_b), [SHARES],
     "Machinery for two cooperatives, split by beneficiary: 250 M (50 % of 500 M) and 300 M (the cap).")
d = copy.deepcopy(split_b); d[1]["support"] = 320 * M
case("scheme_split_by_beneficiary_over_cap",
     group_scheme(570 * M, 1_200 * M, beneficiaries=2, split=d),
     [SHARES, ("error", "/support_split/1/support", "funding.support_exceeds_limit")],
     "The second cooperative gets 320 M, above the 300 M cap for one establishment.")
d = copy.deepcopy(split_b); d[1]["beneficiary_index"] = 5
case("scheme_split_beneficiary_unknown",
     group_scheme(550 * M, 1_200 * M, beneficiaries=2, split=d),
     [SHARES, ("error", "/support_split/1/beneficiary_index", "scheme.split_beneficiary_unknown")],
     "A split line for a sixth beneficiary of a scheme that lists two.")
d = [{"activity": MACH, "beneficiary_index": 0, "eligible_cost": 500 * M, "support": 200 * M},
     {"activity": MACH, "beneficiary_index": 0, "eligible_cost": 400 * M, "support": 150 * M}]
case("scheme_split_same_beneficiary_two_lines",
     group_scheme(350 * M, 900 * M, beneficiaries=1, split=d),
     [SHARES, ("error", "/support_split/0/support", "funding.support_exceeds_limit")],
     "Two machinery lines for one cooperative share its 300 M cap: 200 + 150 = 350 M is too much.")
d = copy.deepcopy(split_b); d[0]["units"] = 2
case("scheme_split_beneficiary_units",
     group_scheme(550 * M, 1_200 * M, beneficiaries=2, split=d),
     [SHARES, ("error", "/support_split/0/units", "scheme.split_beneficiary_units")],
     "A line for one beneficiary is one unit.")

# ---------------------------------------------------------------- programmes
def programme(**over):
    d = {
        "kind": "programme",
        "schema_version": 2,
        "id": "ct-kc-z-2021-2025",
        "title": "Chương trình khuyến công tỉnh Z giai đoạn 2021 – 2025",
        "province": "Z",
        "period": {"from": "2021-01-01", "to": "2025-12-31"},
        "approval": {"number": "99/QĐ-UBND", "date": "2021-03-15", "issuer": "Ủy ban nhân dân tỉnh Z"},
        "fund_level": "provincial",
        "objectives": [{"id": "1", "text": "Hỗ trợ cơ sở công nghiệp nông thôn ứng dụng máy móc, thiết bị tiên tiến"}],
        "targets": [
            {"id": "1.1", "objective": "1", "activity": MACH, "counts": {"establishments": 100}},
            {"id": "1.2", "objective": "1", "activity": MACH, "each_year": True,
             "counts": {"schemes": {"min": 8, "max": 12, "text": "8–12 đề án mỗi năm"}}},
            {"id": "1.3", "objective": "1", "activity": MACH, "counts": {"schemes": 50}},
            {"id": "2.1", "activity": "typical_product_contest", "level": "provincial",
             "counts": {"products_certified": {"value": 50, "exactness": "approximate", "text": "khoảng 50 sản phẩm"}}},
            {"id": "3.1", "outcomes": {"jobs_created": {"value": 2_000, "exactness": "lower_bound"}}},
        ],
        "envelope": {"total": 60_000 * M, "lines": [
            {"source": "local_budget_provincial", "amount": 30_000 * M, "parts": [
                {"source": "local_budget_provincial", "year": y, "amount": 6_000 * M} for y in range(2021, 2026)]},
            {"source": "counterpart", "amount": 30_000 * M}]},
        "contents": [{"activity": MACH, "description": "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến"},
                     {"activity": "typical_product_contest"}],
    }
    d.update(over)
    return {k: v for k, v in d.items() if v is not None}


case("programme_provincial", programme(),
     [("info", "/targets/2/counts/schemes", "reconcile.range")],
     "A province's five-year programme: targets, an envelope by source and year (5 × 6,000 M), contents; "
     "'8–12 đề án mỗi năm' over five years is 40–60, and the period target of 50 is within it.",
     totals=[{"by": ["year"], "rows": [
         {"keys": {"year": "2021"}, "funding_vnd": 6_000 * M},
         {"keys": {"year": "2022"}, "funding_vnd": 6_000 * M},
         {"keys": {"year": "2023"}, "funding_vnd": 6_000 * M},
         {"keys": {"year": "2024"}, "funding_vnd": 6_000 * M},
         {"keys": {"year": "2025"}, "funding_vnd": 6_000 * M},
         {"keys": {"year": "not_itemised"}, "funding_vnd": 30_000 * M}]},
             {"by": ["kind", "source"], "rows": [
         {"keys": {"kind": "programme", "source": "counterpart"}, "funding_vnd": 30_000 * M},
         {"keys": {"kind": "programme", "source": "local_budget_provincial"}, "funding_vnd": 30_000 * M}]}])
d = programme(); d["targets"][2]["counts"]["schemes"] = 70
case("programme_year_targets_exceeded", d,
     [("error", "/targets/2/counts/schemes", "programme.year_targets_mismatch")],
     "8–12 schemes a year is at most 60 over five years: a period target of 70 contradicts it.")
d = programme(); d["envelope"]["lines"][0]["parts"][4]["amount"] = 7_000 * M
case("programme_envelope_years_mismatch", d,
     [("error", "/envelope/lines/0/amount", "funding.parts_mismatch"),
      ("info", "/targets/2/counts/schemes", "reconcile.range")],
     "The years of the provincial budget add up to 31,000 M, not 30,000 M.")
d = programme(); d["envelope"]["lines"][0]["parts"][4]["year"] = 2026
case("programme_envelope_year_outside", d,
     [("error", "/envelope/lines/0/parts/4/year", "document.year_outside_period"),
      ("info", "/targets/2/counts/schemes", "reconcile.range")],
     "An envelope line for 2026 in a 2021–2025 programme.")
d = programme(); d["targets"][1]["year"] = 2023
case("programme_target_year_and_each_year", d,
     [("error", "/targets/1/each_year", "programme.target_year_and_each_year"),
      ("info", "/targets/2/counts/schemes", "reconcile.range")],
     "A target for 2023 that also says 'each year'.")
case("programme_national",
     programme(id="ct-kcqg-2021-2025", province=None, fund_level="national", instrument="qd_1881_2020_ttg",
               title="Chương trình khuyến công quốc gia giai đoạn 2021 – 2025",
               approval={"number": "1881/QĐ-TTg", "date": "2020-11-20", "issuer": "Thủ tướng Chính phủ"},
               targets=[{"id": "1", "activity": "demonstration_model", "counts": {"models": 2}}],
               envelope=None, contents=[]),
     [], "The national programme (Decision 1881/QĐ-TTg), no province; a target with invented figures.")


# ---------------------------------------------------------------- the words kept with amounts
# Reports keep the source's words next to the figure; the words are rounded ("1,52 tỷ"
# stands for 1,515 … 1,525 M), "hơn"/"khoảng" qualify them, and notes are not amounts.
words_lines = [
    {"activity": MACH, "fund": "provincial", "counts": {"establishments": 6},
     "support": {"vnd": 1_523_400_000, "text": "1,52 tỷ đồng"},
     "total_investment": {"vnd": 4_000 * M, "text": "4.000 triệu đồng"}},
    {"activity": "information", "fund": "provincial", "counts": {"broadcasts": 12},
     "support": {"vnd": 600 * M, "text": "600 triệu đồng (NSĐP)"}},
]
case("report_amount_words_agree",
     rep2(words_lines,
          results_total={"support": {"vnd": 2_123_400_000, "text": "hơn 2,1 tỷ đồng"}}),
     [],
     "Words rounded as reports write them ('1,52 tỷ đồng' for 1,523.4 M, 'hơn 2,1 tỷ đồng' for "
     "2,123.4 M, '4.000 triệu đồng') agree with the figures; '600 triệu đồng (NSĐP)' carries a note and "
     "is not read as an amount: no finding.")
case("report_amount_words_disagree",
     rep2([{**words_lines[0], "support": {"vnd": 1_250 * M, "text": "12,5 tỷ đồng"}}, words_lines[1]]),
     [("warning", "/results/0/support", "document.amount_text_mismatch")],
     "The support is 1,250 M but its words say '12,5 tỷ đồng' (12,450 … 12,550 M): one of the two is a "
     "slip of the decimal comma; a warning, since the words may be the source's own.")


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

"""Real documents, as they are written: unstated figures are unknown, support limits are per
unit, and a level the rule pack does not know is not assessed — the same answers as the
library and the command line give (tests/cases holds the shared documents)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

import khuyencong
from _corpus import CASES, EXAMPLES
from khuyencong import Error

MACHINERY = "advanced_machinery_technology_transfer"
M = 1_000_000


# --- not modelled means not assessed -------------------------------------------------------


@pytest.mark.parametrize(
    ("activity", "as_of", "variant", "reason"),
    [
        (MACHINERY, "2014-04-07", None, "Joint Circular 125/2009"),
        (MACHINERY, datetime.date(2013, 1, 1), None, "Joint Circular 125/2009"),
        (MACHINERY, "2010-05-01", None, "Decree 134/2004"),
        ("demonstration_model", "2025-03-01", None, "new_technology_or_product"),
        ("advisory", "2022-01-01", None, "has not been read"),
        ("information", "2016-01-01", None, "Not assessed"),
    ],
)
def test_unknown_levels_are_not_assessed_never_raised(
    activity: str, as_of: Any, variant: str | None, reason: str
) -> None:
    s = khuyencong.max_support(activity, 620 * M, as_of, variant=variant)
    assert not s.assessed and s.status == "not_assessed"
    assert s.to_dict()["assessed"] is False
    assert s.max_support_vnd is None
    assert s.reason_en and reason in s.reason_en
    assert s.reason_vi and s.reason_vi.startswith("Chưa đánh giá")


def test_the_first_day_of_joint_circular_26_is_assessed() -> None:
    s = khuyencong.max_support(MACHINERY, 620 * M, "2014-04-08")
    assert s.assessed and s.to_dict()["assessed"] is True
    assert s.max_support_vnd == 200 * M and s.support_regime == "ttlt26_2014"


@pytest.mark.parametrize("case", ["scheme_approved_2013_not_assessed", "scheme_demonstration_model_without_variant"])
def test_check_warns_but_never_errs_on_unknown_levels(case: str) -> None:
    r = khuyencong.check((CASES / case / "input.json").read_bytes())
    assert r.ok
    codes = {f["code"]: f["severity"] for f in r.findings}
    assert codes["funding.support_not_assessed"] == "warning"


# --- limits per unit -----------------------------------------------------------------------


def test_units_scale_the_cap() -> None:
    one = khuyencong.max_support(MACHINERY, 6_000 * M, "2022-06-01")
    eight = khuyencong.max_support(MACHINERY, 6_000 * M, "2022-06-01", units=8)
    assert (one.max_support_vnd, one.units, one.unit) == (300 * M, 1, "per_establishment")
    assert (eight.max_support_vnd, eight.units) == (2_400 * M, 8)
    assert eight.cap_per_unit_vnd == 300 * M and eight.share_limit_vnd == 3_000 * M
    assert type(eight.max_support_vnd) is int


@pytest.mark.parametrize("units", [0, -3])
def test_units_below_one_are_refused(units: int) -> None:
    with pytest.raises(Error, match="units must be a whole number from 1"):
        khuyencong.max_support(MACHINERY, 1, "2022-06-01", units=units)


@pytest.mark.parametrize("units", [2.0, True, "8"])
def test_units_of_the_wrong_type_are_refused(units: Any) -> None:
    with pytest.raises(TypeError, match="units must be an int"):
        khuyencong.max_support(MACHINERY, 1, "2022-06-01", units=units)


def test_a_group_scheme_is_held_to_units_times_the_cap() -> None:
    within = khuyencong.check(CASES / "scheme_group_8_cooperatives_within" / "input.json")
    over = khuyencong.check(CASES / "scheme_group_8_cooperatives_over" / "input.json")
    assert within.ok and not over.ok
    (error,) = [f for f in over.findings if f["severity"] == "error"]
    assert error["code"] == "funding.support_exceeds_limit"
    assert error["params"]["max_support_vnd"] == 2_400 * M


# --- unstated is unknown, in checks and totals ----------------------------------------------


def test_partial_breakdowns_are_information_and_known_excess_an_error() -> None:
    partial = khuyencong.check(CASES / "report_partial_breakdown_below_total" / "input.json")
    assert partial.ok
    assert [f["code"] for f in partial.findings] == ["reconcile.partial_breakdown"]
    over = khuyencong.check(CASES / "report_partial_breakdown_known_parts_exceed_total" / "input.json")
    assert [f["code"] for f in over.findings] == ["report.results_total_mismatch"]


def test_totals_keep_a_report_that_states_only_totals() -> None:
    doc = CASES / "report_totals_only_no_breakdown" / "input.json"
    t = khuyencong.totals([doc], by=["activity"])
    (row,) = t.rows
    assert row["activity"] == "not_itemised" and row["support_vnd"] == 12_000 * M
    assert row["exactness"] == "lower_bound"
    assert t.documents == [{"index": 0, "id": "r-1", "kind": "period_report", "errors": 0}]


def test_totals_use_a_stated_counterpart() -> None:
    doc = CASES / "report_counterpart_stated_no_line_states_investment" / "input.json"
    (grand,) = khuyencong.totals([doc]).rows
    assert grand["counterpart_vnd"] == 10_000 * M
    rows = {r["activity"]: r for r in khuyencong.totals([doc], by=["activity"]).rows}
    assert rows["not_itemised"]["counterpart_vnd"] == 10_000 * M


def test_totals_flag_documents_with_errors() -> None:
    bad = CASES / "report_binh_dinh_amount_mismatch" / "input.json"
    t = khuyencong.totals([EXAMPLES / "an-giang-2021-2025.json", bad])
    (row,) = t.rows
    assert row["documents"] == 2 and row["documents_with_errors"] == 1
    assert [d["errors"] > 0 for d in t.documents] == [False, True]
    assert t.to_dict()["documents"][1]["index"] == 1
    df = t.to_pandas()
    assert str(df["documents_with_errors"].dtype) == "int64"

"""Format version 2 from Python: version-1 documents upgraded, the new keys of totals,
programme targets against results — the core's answers, as the Rust tests check them."""

from __future__ import annotations

import json
from decimal import Decimal

import pandas  # type: ignore[import-untyped, unused-ignore]
import polars
import pytest

import khuyencong
from khuyencong import ValidationError
from _corpus import EXAMPLES

M = 1_000_000
PROGRAMME = EXAMPLES / "programme-example-2021-2025.json"
REPORT = EXAMPLES / "report-example-2021-2025.json"
V1 = EXAMPLES / "scheme-long-an-2018.json"


def test_a_version_1_document_is_read_as_version_2_and_upgraded() -> None:
    (doc,) = khuyencong.load(V1)
    assert doc.schema_version_read == 1
    codes = [f["code"] for f in khuyencong.check(doc).findings]
    assert "document.upgraded" in codes
    v1 = json.loads(V1.read_text(encoding="utf-8"))
    written = khuyencong.upgrade(V1)
    assert written == doc.to_json()
    assert json.loads(written) == {**v1, "schema_version": 2}
    assert doc.to_dict()["schema_version"] == 2
    again = khuyencong.check(written)
    assert "document.upgraded" not in [f["code"] for f in again.findings]
    assert again.document is not None and again.document.schema_version_read == 2
    with pytest.raises(ValidationError):
        khuyencong.upgrade("{")
    with pytest.raises(TypeError):
        khuyencong.upgrade(42)  # type: ignore[arg-type]


def test_totals_by_year_industry_and_product_group() -> None:
    by_year = {r["year"]: r for r in khuyencong.totals([REPORT], by=["year"])}
    assert by_year["2021"]["support_vnd"] == 2_100 * M
    assert by_year["not_itemised"]["support_vnd"] == 3_400 * M
    assert sum(r["support_vnd"] for r in by_year.values()) == 17_400 * M
    groups = {r["product_group"]: r for r in khuyencong.totals([REPORT], by=["product_group"])}
    assert groups["agro_forestry_fishery_food"]["counts"] == {"products_certified": 22}
    funds = {r["fund_level"]: r for r in khuyencong.totals([REPORT], by=["fund_level"])}
    assert funds["national"]["support_vnd"] == 1_800 * M
    assert funds["provincial"]["support_vnd"] == 15_600 * M
    grand = khuyencong.totals([REPORT]).rows[0]
    assert grand["jobs_created"] == 1_200 and grand["exactness"] == "lower_bound"
    activities = {r["activity"] for r in khuyencong.totals([REPORT], by=["activity"])}
    assert "management" in activities


def test_progress_of_a_programme() -> None:
    p = khuyencong.progress([PROGRAMME, REPORT])
    assert p.notes == []
    rows = {(r["target_id"], r["indicator"], r["year"]): r for r in p}
    machinery = rows[("1.1", "establishments", None)]
    assert machinery["achieved"] == 62 and machinery["achieved_exactness"] == "lower_bound"
    assert machinery["share"] == Decimal("0.62") and machinery["met"] is None
    assert [r["year"] for r in p if r["target_id"] == "1.2"] == [2021, 2022, 2023, 2024, 2025]
    assert rows[("1.2", "schemes", 2023)]["target_max"] == 12
    df = p.to_pandas()
    assert isinstance(df, pandas.DataFrame) and str(df["target"].dtype) == "int64"
    assert isinstance(p.to_polars(), polars.DataFrame)
    assert p.to_dict()["rows"][0]["share"] == "0.62"
    none = khuyencong.progress([PROGRAMME])
    assert none.notes[0]["code"] == "no_reports"
    assert all(r["achieved"] is None for r in none)
    with pytest.raises(TypeError, match="wrap it in a list"):
        khuyencong.progress(PROGRAMME)  # type: ignore[arg-type]


def test_the_programme_schema() -> None:
    schema = khuyencong.json_schema("programme")
    assert schema["$id"] == "urn:khuyencong:schema:programme:2"
    assert "targets" in schema["properties"]
    assert khuyencong.check(PROGRAMME).kind == "programme"

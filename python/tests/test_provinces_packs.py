"""Provinces across the 2025 arrangement and the shipped provincial rule packs, from Python:
the same answers as the library (the Rust tests check the same rules)."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

import khuyencong
from khuyencong import Error

M = 1_000_000


def plan(province: str, year: int, amount: int) -> dict[str, Any]:
    return {
        "kind": "plan",
        "schema_version": 2,
        "id": f"kh-{year}-{amount}",
        "year": year,
        "fund_level": "provincial",
        "province": province,
        "budget": {"lines": [{"source": "local_budget_provincial", "amount": amount}]},
    }


def test_catalog_lists_63_provinces_before_and_34_after_the_arrangement() -> None:
    before = khuyencong.catalog("2025-06-30")["provinces"]
    after = khuyencong.catalog("2025-07-01")["provinces"]
    assert len(before) == 63
    assert len(after) == 34
    an_giang = next(p for p in after if p["gso_code"] == "91")
    assert (an_giang["code"], an_giang["label_vi"]) == ("an_giang_2025", "Tỉnh An Giang")
    kien_giang = next(p for p in before if p["code"] == "kien_giang")
    assert kien_giang["successor"] == "an_giang_2025"


def test_totals_group_one_province_typed_five_ways() -> None:
    nfd = unicodedata.normalize("NFD", "Đồng Tháp")
    names = ["Đồng Tháp", "Tỉnh Đồng Tháp", "  Đồng   Tháp ", nfd, "DONG THAP"]
    docs = [plan(n, 2024, (i + 1) * 100 * M) for i, n in enumerate(names)]
    t = khuyencong.totals(docs, by=["province"])
    assert len(t.rows) == 1
    assert t.rows[0]["province"] == "dong_thap"
    assert t.rows[0]["funding_vnd"] == 1_500 * M
    assert [n["document"] for n in t.notes if n["code"] == "province_normalised"] == [2, 3, 4]
    assert t.to_dict()["notes"] == t.notes


def test_totals_by_province_now_put_former_provinces_under_their_successor() -> None:
    docs = [plan("Tiền Giang", 2024, 300 * M), plan("Đồng Tháp", 2024, 200 * M), plan("Đồng Tháp", 2026, 500 * M)]
    by_time = khuyencong.totals(docs, by=["province"])
    assert [r["province"] for r in by_time.rows] == ["dong_thap", "dong_thap_2025", "tien_giang"]
    now = khuyencong.totals(docs, by=["province_now"])
    assert [(r["province_now"], r["funding_vnd"]) for r in now.rows] == [("dong_thap_2025", 1_000 * M)]
    assert {n["code"] for n in now.notes} == {"province_successor"}


def test_check_warns_on_a_province_not_of_the_document_date() -> None:
    result = khuyencong.check(plan("Kiên Giang", 2026, 1_000))
    codes = [(f["code"], f["severity"], f["path"]) for f in result.findings]
    assert codes == [("document.province_not_of_date", "warning", "/province")]
    assert result.ok


def test_packs_lists_the_shipped_packs() -> None:
    packs = khuyencong.packs()
    names = [p["name"] for p in packs]
    for name in ["dong-thap-2024", "lai-chau-2025", "dak-lak-2025", "hoa-binh-2019"]:
        assert name in names
    assert sum(not p["example"] for p in packs) >= 4
    assert all(p["confidence"] == "secondary" and p["rules"] > 0 for p in packs)
    hoa_binh = next(p for p in packs if p["name"] == "hoa-binh-2019")
    assert hoa_binh["effective_from"] is None
    assert hoa_binh["instrument_vi"] == "Quyết định số 20/2019/QĐ-UBND"


def test_provincial_pack_by_name() -> None:
    limit = khuyencong.max_support(
        "cleaner_production_pilot", 2_000 * M, "2025-11-01", fund="provincial", provincial_pack="dak-lak-2025"
    )
    assert limit.max_support_vnd == 400 * M
    assert limit.confidence == "secondary"
    with pytest.raises(Error, match="dong-thap-2024"):
        khuyencong.max_support("cleaner_production_pilot", 1, "2025-11-01", provincial_pack="dong-thap")


def test_decree_235_activities_and_industries_from_python() -> None:
    facts = {
        "legal_form": "cooperative",
        "industry": "mining_mineral_processing",
        "head_office": {"province_kind": "province", "unit_kind": "commune"},
        "other_state_funding_same_items": False,
        "priority": {"areas": ["difficult_area"]},
    }
    assert khuyencong.assess(facts, MACHINERY, "2025-10-14").verdict == "eligible"
    assert khuyencong.assess(facts, MACHINERY, "2025-10-15").verdict == "not_eligible"
    facts["industry"] = "handicraft"
    assert khuyencong.assess(facts, "brand_showroom_trade_promotion", "2025-10-14").verdict == "eligible"
    assert khuyencong.assess(facts, "brand_showroom_trade_promotion", "2025-10-15").verdict == "not_eligible"
    limit = khuyencong.max_support(
        "relocation_pollution_treatment", 1_200 * M, "2024-01-01", variant="relocation_interest"
    )
    assert (limit.max_support_vnd, limit.confidence) == (500 * M, "confirmed")


MACHINERY = "advanced_machinery_technology_transfer"

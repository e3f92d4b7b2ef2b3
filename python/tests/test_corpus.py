"""The shared corpus (tests/cases/), compared exactly as the Rust runner compares it
(crates/khuyencong/tests/integration/cases.rs and eligibility.rs)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import khuyencong
from _corpus import CASES, case_dirs

DIRS = case_dirs()


def test_corpus_has_at_least_forty_cases() -> None:
    assert len(DIRS) >= 40


@pytest.mark.parametrize("case", DIRS, ids=[d.name for d in DIRS])
def test_case_gives_exactly_its_expected_findings(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    result = khuyencong.check((case / "input.json").read_bytes())
    got = [(f["severity"], f["path"], f["code"]) for f in result.findings]
    want = [(f["severity"], f["path"], f["code"]) for f in expected["findings"]]
    assert got == want
    codes = set(khuyencong.finding_codes())
    for f in result.findings:
        assert f["message_vi"] and f["message_en"]
        assert f["path"] == "" or f["path"].startswith("/")
        assert f["code"] in codes, f"finding code {f['code']} is not documented"
    assert result.ok == all(f["severity"] != "error" for f in expected["findings"])
    # The same document given as a path, as text and (when it is JSON) as a dict.
    assert khuyencong.check(case / "input.json").findings == result.findings


WITH_TOTALS = [
    d for d in DIRS if "totals" in json.loads((d / "expected.json").read_text(encoding="utf-8"))
]


def test_some_cases_have_totals() -> None:
    assert WITH_TOTALS


@pytest.mark.parametrize("case", WITH_TOTALS, ids=[d.name for d in WITH_TOTALS])
def test_case_gives_its_expected_totals(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    (doc,) = khuyencong.load(case / "input.json")
    for spec in expected["totals"]:
        by: list[str] = spec["by"]
        result = khuyencong.totals([doc], by=by)
        rows = result.to_dict()["rows"]
        key_names = list(result.by)
        assert len(rows) == len(spec["rows"]), rows
        for want in spec["rows"]:
            got = [r for r in rows if {k: r[k] for k in key_names} == want["keys"]]
            assert len(got) == 1, f"no row {want['keys']} in {rows}"
            for field, value in want.items():
                if field == "keys":
                    continue
                assert got[0][field] == value, f"{field} of {want['keys']}"


# --- eligibility ------------------------------------------------------------------------

ELIGIBILITY: list[dict[str, Any]] = json.loads(
    (CASES / "eligibility" / "cases.json").read_text(encoding="utf-8")
)


def test_eligibility_table_is_large_and_names_are_unique() -> None:
    assert len(ELIGIBILITY) >= 60
    names = [c["name"] for c in ELIGIBILITY]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("case", ELIGIBILITY, ids=[c["name"] for c in ELIGIBILITY])
def test_eligibility_case(case: dict[str, Any]) -> None:
    e = case["expected"]
    as_of = datetime.date.fromisoformat(case["as_of"])
    if "error" in e:
        assert e["error"] == "before_decree_45"
        with pytest.raises(khuyencong.Error) as info:
            khuyencong.assess(case["applicant"], case["activity"], as_of)
        assert "2012-07-05" in info.value.message_en
        return
    a = khuyencong.assess(case["applicant"], case["activity"], as_of)
    assert a.verdict == e.get("verdict")
    assert a.beneficiary_category == e.get("beneficiary_category")
    codes = [f["code"] for f in a.findings]
    for c in e.get("codes", []):
        assert c in codes, f"missing code {c}"
    for c in e.get("absent_codes", []):
        assert c not in codes, f"unexpected code {c}"
    assert a.missing_facts == e.get("missing_facts", [])
    if "priorities" in e:
        assert [p["code"] for p in a.priorities] == e["priorities"]
    if "confidence" in e:
        assert a.confidence == e["confidence"]
    # Invariants of every assessment.
    if a.verdict == "not_eligible":
        assert any(f["severity"] == "error" for f in a.findings)
    if a.verdict == "eligible":
        assert not a.missing_facts
    registry = set(khuyencong.finding_codes())
    for f in a.findings:
        assert f["code"] in registry
        assert f.get("citation") and f.get("confidence")
        assert f["message_vi"] and f["message_en"]
    assert a.as_of == as_of and a.plan_year == as_of.year
    assert a.to_dict()["as_of"] == case["as_of"]

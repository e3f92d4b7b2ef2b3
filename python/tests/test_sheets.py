"""Spreadsheets from Python: the same findings as the command line for the same workbook,
data frames with what data frames hold, workbooks of results and totals."""

from __future__ import annotations

import datetime
import json
import zipfile
from decimal import Decimal
from pathlib import Path
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd  # type: ignore[import-untyped, unused-ignore]
import polars as pl
import pytest

import khuyencong

ROOT = Path(__file__).resolve().parents[2]
OFFICER = ROOT / "tests" / "sheets" / "scheme-officer.xlsx"


def _summary(findings: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"severity": f["severity"], "code": f["code"], "path": f["path"], "cell": f.get("cell")}
        for f in findings
    ]


def test_an_officers_workbook_gives_the_findings_of_the_command_line() -> None:
    expected = json.loads((ROOT / "tests" / "sheets" / "scheme-officer.expected.json").read_text("utf-8"))
    docs = khuyencong.read_excel(OFFICER)
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.kind, doc.id) == (expected["kind"], expected["id"])
    assert not doc.ok  # the wrong code
    result = doc.check()
    assert _summary(result.findings) == expected["findings"]
    assert not result.ok
    wrong = next(f for f in result.findings if f["code"] == "sheet.unknown_code")
    assert wrong["cell"] == "'Đối tượng thụ hưởng'!E5"
    assert "agro_forestry_fishery_food_processing" in wrong["message_vi"]
    # The document is what the officer meant where the cells could be read.
    data = doc.to_dict()
    assert data is not None
    assert data["funding"]["total_cost"] == 1_400_000_000
    assert data["funding"]["lines"][0]["amount"] == 300_000_000


def test_a_data_frame_goes_in_as_it_is() -> None:
    frame = pd.DataFrame(
        {
            "id": ["kh-1", "kh-2", "kh-3"],
            # numpy integers, and a column of integers with a gap (float64 with NaN)
            "year": np.array([2024, 2025, 2024], dtype=np.int64),
            "fund_level": ["national", "Kinh phí khuyến công địa phương cấp tỉnh", "tỉnh"],
            "approval.number": ["1/QĐ-BCT", None, pd.NA],
            "approval.date": [pd.Timestamp("2024-01-20"), pd.NaT, datetime.date(2024, 3, 1)],
            "budget.total": [5e8, np.nan, 1_000_000_000],
            "province": [np.nan, "An Giang", "Cà Mau"],
        },
        index=["a", "b", "c"],
    )
    docs = khuyencong.from_pandas(frame, kind="plan")
    assert [d.id for d in docs] == ["kh-1", "kh-2", "kh-3"]
    assert docs[0].to_dict() == {
        "kind": "plan",
        "schema_version": 2,
        "id": "kh-1",
        "year": 2024,
        "fund_level": "national",
        "approval": {"number": "1/QĐ-BCT", "date": "2024-01-20"},
        "budget": {"total": 500_000_000},
    }
    # Blanks are not stated, never zero.
    second = docs[1].to_dict()
    assert second is not None and "budget" not in second and "approval" not in second
    assert second["fund_level"] == "provincial"
    # A wrong code: a finding at its row (the index label) and column.
    third = docs[2].check()
    wrong = next(f for f in third.findings if f["code"] == "sheet.unknown_code")
    assert (wrong["row"], wrong["column"], wrong["path"]) == ("c", "fund_level", "/fund_level")
    # The core's findings too: a fractional amount is not whole đồng.
    frame2 = pd.DataFrame({"id": ["x"], "year": [2024], "fund_level": ["national"], "budget.total": [12.5]})
    found = khuyencong.from_pandas(frame2, kind="plan")[0].check().findings
    # (with the note that the rules were not run: the document cannot be read until then)
    assert [f["code"] for f in found if f["severity"] == "info"] == ["structure.rules_not_run"]
    assert [(f["code"], f["row"], f["column"]) for f in found if f["severity"] == "error"] == [
        ("structure.not_whole_number", 0, "budget.total")
    ]


def test_several_frames_make_a_workbook_and_polars_frames_are_read_too() -> None:
    schemes = pd.DataFrame({"id": ["kh"], "year": [2024], "fund_level": ["national"]})
    lines = pd.DataFrame(
        {"source": ["local_budget_provincial"], "amount": ["500 triệu"]}, index=[10]
    )
    docs = khuyencong.from_pandas({"Kế hoạch khuyến công": schemes, "budget.lines": lines}, kind="plan")
    result = docs[0].check()
    mismatch = next(f for f in result.findings if f["code"] == "plan.fund_source_mismatch")
    assert (mismatch["row"], mismatch["column"]) == (10, "source")
    polars = pl.DataFrame({"id": ["kh"], "year": [2024], "fund_level": ["national"], "budget.total": [None]})
    read = khuyencong.from_polars(polars, kind="plan")[0].to_dict()
    assert read == {"kind": "plan", "schema_version": 2, "id": "kh", "year": 2024, "fund_level": "national"}


def test_records_and_what_is_not_a_cell() -> None:
    docs = khuyencong.from_records(
        [{"id": "kh", "year": 2024, "fund_level": "national", "budget.total": Decimal("600000000")}],
        kind="plan",
    )
    data = docs[0].to_dict()
    assert data is not None and data["budget"] == {"total": 600_000_000}
    with pytest.raises(TypeError, match="record 0, column 'year'"):
        khuyencong.from_records([{"id": "kh", "year": object()}], kind="plan")
    with pytest.raises(TypeError, match="not a single dict"):
        khuyencong.from_records({"id": "kh"}, kind="plan")  # type: ignore[dict-item]
    unknown = khuyencong.from_records([{"id": "kh"}], kind="no-such-kind")
    assert unknown[0].findings[0]["code"] == "sheet.unknown_kind"
    assert unknown[0].to_dict() is None


def _sheet_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode("utf-8")
    return [part.split('"')[0] for part in workbook.split('<sheet name="')[1:]]


def test_results_and_totals_as_workbooks(tmp_path: Path) -> None:
    result = khuyencong.read_excel(OFFICER)[0].check()
    plain = khuyencong.check(ROOT / "docs" / "examples" / "an-giang-2021-2025.json")
    path = tmp_path / "results.xlsx"
    khuyencong.to_excel([result, plain], path)
    names = _sheet_names(path)
    assert names[0] == "Kết quả kiểm tra"
    assert "Đối tượng thụ hưởng" in names  # the officer's sheets, annotated
    totals = khuyencong.totals([ROOT / "docs" / "examples" / "an-giang-2021-2025.json"], by=["source"])
    khuyencong.to_excel(totals, tmp_path / "totals.xlsx")
    assert _sheet_names(tmp_path / "totals.xlsx") == ["Tổng hợp"]
    with pytest.raises(TypeError):
        khuyencong.to_excel(["not a result"], tmp_path / "x.xlsx")  # type: ignore[list-item]


def test_templates_and_csv_as_windows_tools_write_it(tmp_path: Path) -> None:
    from khuyencong.sheets import template

    template("scheme", tmp_path / "scheme.xlsx")
    assert _sheet_names(tmp_path / "scheme.xlsx")[:3] == [
        "Đề án khuyến công",
        "Đối tượng thụ hưởng",
        "Nguồn kinh phí",
    ]
    template("plan", tmp_path / "plan.csv", excel_csv=True)
    raw = (tmp_path / "plan.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    docs = khuyencong.read_excel(tmp_path / "plan.csv")
    codes = {f["code"] for f in docs[0].findings}
    assert {"sheet.encoding", "sheet.example_rows", "sheet.no_document"} <= codes
    # A CSV saved by Excel in a Vietnamese locale: `;`, a byte-order mark, Vietnamese amounts.
    csv = "\ufeffSTT;id;year;fund_level;budget.total\r\n1;kh;2024;national;1,4 tỷ\r\n"
    (tmp_path / "kh.csv").write_text(csv, encoding="utf-8")
    data = khuyencong.read_excel(tmp_path / "kh.csv")[0].to_dict()
    assert data is not None and data["budget"] == {"total": 1_400_000_000}
    with pytest.raises(FileNotFoundError):
        khuyencong.read_excel(tmp_path / "missing.xlsx")


def _run_blocks(
    path: Path, marker: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    text = path.read_text("utf-8")
    section = text.split(marker, 1)[1]
    block = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tests" / "sheets").mkdir(parents=True)
    (tmp_path / "tests" / "sheets" / "scheme-officer.xlsx").write_bytes(OFFICER.read_bytes())
    (tmp_path / "de-an.xlsx").write_bytes(OFFICER.read_bytes())
    report = ROOT / "docs" / "examples" / "an-giang-2021-2025.json"
    namespace: dict[str, Any] = {"khuyencong": khuyencong, "report": report}
    exec(compile(block, str(path), "exec"), namespace)
    return namespace


def test_the_guides_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ns = _run_blocks(ROOT / "docs" / "python.md", "## Spreadsheets and data frames", tmp_path, monkeypatch)
    assert (tmp_path / "ket-qua.xlsx").exists() and (tmp_path / "tong-hop.xlsx").exists()
    wrong = ns["wrong"]
    assert (wrong["code"], wrong["row"], wrong["column"]) == ("sheet.unknown_code", 0, "fund_level")
    other = tmp_path / "other"
    other.mkdir()
    _run_blocks(ROOT / "docs" / "spreadsheets.md", "### Python", other, monkeypatch)
    assert (other / "ket-qua.xlsx").exists()

"""Optional tables: pandas and polars are imported only when asked for."""

from __future__ import annotations

import subprocess
import sys
import types
from typing import Any

import pytest

import khuyencong
from khuyencong import frames


@pytest.mark.parametrize(("func", "extra"), [(frames.to_pandas, "pandas"), (frames.to_polars, "polars")])
def test_missing_library_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, func: Any, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, extra, None)
    with pytest.raises(ImportError, match=rf"pip install 'khuyencong\[{extra}\]'"):
        func([{"a": 1}])


def test_importing_khuyencong_does_not_import_pandas_or_polars() -> None:
    code = "import khuyencong, khuyencong.frames, sys; print('pandas' in sys.modules, 'polars' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_to_polars_hands_over_all_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def data_frame(data: Any, infer_schema_length: Any) -> str:
        seen["data"], seen["infer_schema_length"] = data, infer_schema_length
        return "frame"

    monkeypatch.setitem(sys.modules, "polars", types.SimpleNamespace(DataFrame=data_frame))
    data: list[dict[str, Any]] = [{"code": "a", "amount": 1}, {"code": "b"}]
    assert frames.to_polars(iter(data)) == "frame"
    assert seen == {"data": [{"code": "a", "amount": 1}, {"code": "b"}], "infer_schema_length": None}


def test_to_pandas_keeps_integers() -> None:
    pandas = pytest.importorskip("pandas")
    df = frames.to_pandas([{"code": "a", "amount": 1_400_000_000}, {"code": "b", "amount": 2}])
    assert list(df.columns) == ["code", "amount"]
    assert str(df["amount"].dtype) == "int64"
    df2 = frames.to_pandas([{"amount": 1}, {"code": "b"}, {"amount": None, "code": "c"}])
    assert str(df2["amount"].dtype) == "Int64"
    assert df2["amount"][0] == 1 and df2["amount"].isna().tolist() == [False, True, True]
    assert isinstance(df2, pandas.DataFrame)
    catalog = frames.to_pandas(khuyencong.catalog("2024-06-01")["activities"])
    assert len(catalog) == 29 and "label_en" in catalog.columns


def test_to_polars_on_the_catalogue() -> None:
    pytest.importorskip("polars")
    df = frames.to_polars(khuyencong.catalog("2024-06-01")["activities"])
    assert df.height == 29
    assert "label_vi" in df.columns

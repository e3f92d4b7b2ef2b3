"""Tables from lists of dicts (catalogue lists, findings, report lines).

pandas and polars are optional: install ``khuyencong[pandas]`` or ``khuyencong[polars]``.
Nothing is imported until a function is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as _pandas  # type: ignore[import-not-found, import-untyped, unused-ignore]
    import polars as _polars  # type: ignore[import-not-found, import-untyped, unused-ignore]

__all__ = ["to_pandas", "to_polars"]


_INT64_MIN = -(2**63)
_INT64_MAX = 2**63 - 1


def _rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [dict(row) for row in rows]


def to_pandas(rows: Iterable[Mapping[str, Any]]) -> _pandas.DataFrame:
    """A ``pandas.DataFrame`` with one row per dict and one column per key.

    A column of integers (amounts in đồng, counts) stays integer: ``int64``, or the
    nullable ``Int64`` when some rows lack the value, never ``float``.
    """
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "khuyencong.frames.to_pandas needs pandas: pip install 'khuyencong[pandas]'"
        ) from e
    data = _rows(rows)
    columns = list(dict.fromkeys(key for row in data for key in row))
    return pandas.DataFrame(
        {col: _pandas_column(pandas, [row.get(col) for row in data]) for col in columns},
        columns=columns,
    )


def _pandas_column(pandas: Any, values: list[Any]) -> Any:
    present = [v for v in values if v is not None]
    if present and all(type(v) is int and _INT64_MIN <= v <= _INT64_MAX for v in present):
        return pandas.Series(values, dtype="Int64" if len(present) < len(values) else "int64")
    return pandas.Series(values, dtype=object).infer_objects()


def to_polars(rows: Iterable[Mapping[str, Any]]) -> _polars.DataFrame:
    """A ``polars.DataFrame`` with one row per dict and one column per key."""
    try:
        import polars
    except ImportError as e:
        raise ImportError(
            "khuyencong.frames.to_polars needs polars: pip install 'khuyencong[polars]'"
        ) from e
    return polars.DataFrame(_rows(rows), infer_schema_length=None)

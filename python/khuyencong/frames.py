"""Tables from lists of dicts (catalogue lists, findings, report lines).

pandas and polars are optional: install ``khuyencong[pandas]`` or ``khuyencong[polars]``.
Nothing is imported until a function is called.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as _pandas  # type: ignore[import-not-found, import-untyped, unused-ignore]
    import polars as _polars  # type: ignore[import-not-found, import-untyped, unused-ignore]

__all__ = ["to_pandas", "to_polars", "typed_pandas", "typed_polars"]


_INT64_MIN = -(2**63)
_INT64_MAX = 2**63 - 1


def _rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [dict(row) for row in rows]


def to_pandas(rows: Iterable[Mapping[str, Any]]) -> _pandas.DataFrame:
    """A ``pandas.DataFrame`` with one row per dict and one column per key.

    A column of integers (amounts in đồng, counts) stays integer: ``int64``, or the
    nullable ``Int64`` when some rows lack the value, never ``float``.

    Parameters
    ----------
    rows : iterable of mapping
        One dict per row; the keys are the columns.

    Returns
    -------
    pandas.DataFrame
        As described above.
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
    """A ``polars.DataFrame`` with one row per dict and one column per key.

    Parameters
    ----------
    rows : iterable of mapping
        One dict per row; the keys are the columns.

    Returns
    -------
    polars.DataFrame
        As described above.
    """
    try:
        import polars
    except ImportError as e:
        raise ImportError(
            "khuyencong.frames.to_polars needs polars: pip install 'khuyencong[polars]'"
        ) from e
    return polars.DataFrame(_rows(rows), infer_schema_length=None)


# Column kinds of typed frames: every missing value is one marker (``pandas.NA``, polars'
# null), whatever the column holds.
_KINDS = ("string", "int", "decimal", "float", "bool", "object")


def _kind(values: list[Any], hint: str | None) -> str:
    if hint is not None:
        return hint
    present = [v for v in values if v is not None]
    if not present:
        return "string"
    if all(type(v) is int and _INT64_MIN <= v <= _INT64_MAX for v in present):
        return "int"
    if all(isinstance(v, Decimal) for v in present):
        return "decimal"
    if all(type(v) is float for v in present):
        return "float"
    if all(type(v) is bool for v in present):
        return "bool"
    if all(isinstance(v, str) for v in present):
        return "string"
    return "object"


def typed_pandas(
    columns: Sequence[str], rows: Sequence[Mapping[str, Any]], hints: Mapping[str, str] | None = None
) -> _pandas.DataFrame:
    """A ``pandas.DataFrame`` with exactly ``columns``, in that order, and one missing-value
    marker: ``pandas.NA``.

    Text is the ``string`` dtype, integers ``int64`` (``Int64`` when some are missing), floats
    ``Float64`` and booleans ``boolean`` (nullable), and
    ``decimal.Decimal`` values stay exact in an ``object`` column (``pandas.NA`` where
    missing). ``hints`` names the kind (``string``, ``int``, ``decimal``, ``float``,
    ``bool``, ``object``) of a column whose values do not show it (all missing).

    Parameters
    ----------
    columns : sequence of str
        The columns, in order.
    rows : sequence of mapping
        One dict per row.
    hints : mapping, optional
        The kind of columns whose values do not show it.

    Returns
    -------
    pandas.DataFrame
        As described above.
    """
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "khuyencong.frames.typed_pandas needs pandas: pip install 'khuyencong[pandas]'"
        ) from e
    hints = hints or {}
    data: dict[str, Any] = {}
    for col in columns:
        values = [row.get(col) for row in rows]
        kind = _kind(values, hints.get(col))
        if kind == "int":
            complete = all(v is not None for v in values)
            data[col] = pandas.Series(values, dtype="int64" if complete else "Int64")
        elif kind == "float":
            data[col] = pandas.Series(values, dtype="Float64")
        elif kind == "bool":
            data[col] = pandas.Series(values, dtype="boolean")
        elif kind == "string":
            data[col] = pandas.Series(values, dtype="string")
        else:
            data[col] = pandas.Series([pandas.NA if v is None else v for v in values], dtype=object)
    return pandas.DataFrame(data, columns=list(columns))


def typed_polars(
    columns: Sequence[str], rows: Sequence[Mapping[str, Any]], hints: Mapping[str, str] | None = None
) -> _polars.DataFrame:
    """A ``polars.DataFrame`` with exactly ``columns``, in that order; missing values are
    null. Text is ``String``, integers ``Int64``, floats ``Float64``, booleans ``Boolean``, ``decimal.Decimal``
    values ``Decimal`` (exact).

    Parameters
    ----------
    columns : sequence of str
        The columns, in order.
    rows : sequence of mapping
        One dict per row.
    hints : mapping, optional
        The kind of columns whose values do not show it.

    Returns
    -------
    polars.DataFrame
        As described above.
    """
    try:
        import polars
    except ImportError as e:
        raise ImportError(
            "khuyencong.frames.typed_polars needs polars: pip install 'khuyencong[polars]'"
        ) from e
    hints = hints or {}
    series = []
    for col in columns:
        values = [row.get(col) for row in rows]
        kind = _kind(values, hints.get(col))
        if kind == "int":
            series.append(polars.Series(col, values, dtype=polars.Int64))
        elif kind == "float":
            series.append(polars.Series(col, values, dtype=polars.Float64))
        elif kind == "bool":
            series.append(polars.Series(col, values, dtype=polars.Boolean))
        elif kind == "string":
            series.append(polars.Series(col, values, dtype=polars.String))
        elif kind == "decimal":
            s = polars.Series(col, values, strict=False)
            series.append(s if s.dtype != polars.Null else s.cast(polars.Decimal(38, 6)))
        else:
            series.append(polars.Series(col, values, dtype=polars.Object))
    return polars.DataFrame(series)

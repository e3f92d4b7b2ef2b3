"""Spreadsheets: where provincial data lives.

Read filled templates (Excel ``.xlsx`` or CSV), rows of records and pandas or polars data
frames into documents; check them with findings that name their cells (``cell``, e.g.
``"'Nguồn kinh phí'!D5"``) or, for records and frames, their ``row`` and ``column``; write
check results and totals as workbooks an officer opens; write templates.

Reading is the Rust crate ``khuyencong-sheet``'s, checking the core's: the findings are
the command line's, finding for finding. This module turns what data frames hold into
plain cells: ``None``, ``NaN``, ``pandas.NA`` and ``NaT`` are blank (not stated, never
zero); ``numpy`` integers and floats are numbers; ``datetime.date``, ``datetime.datetime``
and ``pandas.Timestamp`` are dates; ``decimal.Decimal`` is written as its digits.

>>> import khuyencong
>>> docs = khuyencong.from_records(
...     [{"id": "kh-2024", "year": 2024, "fund_level": "national"}], kind="plan")
>>> docs[0].to_dict()
{'fund_level': 'national', 'id': 'kh-2024', 'kind': 'plan', 'schema_version': 1, 'year': 2024}
"""

from __future__ import annotations

import datetime
import math
import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from khuyencong import _khuyencong as _native
from khuyencong.results import CheckResult, Totals
from khuyencong.types import Finding

if TYPE_CHECKING:
    import pandas as _pandas  # type: ignore[import-not-found, import-untyped, unused-ignore]
    import polars as _polars  # type: ignore[import-not-found, import-untyped, unused-ignore]

__all__ = [
    "SheetCheckResult",
    "SheetDocument",
    "from_pandas",
    "from_polars",
    "from_records",
    "read_excel",
    "template",
    "to_excel",
]

# The largest spreadsheet file read (as the command line): 32 MiB.
_MAX_FILE_BYTES = 32 * 1024 * 1024


class SheetCheckResult(CheckResult):
    """A :class:`CheckResult` of a document read from a spreadsheet or a table: each finding
    has its ``cell`` (A1 reference, e.g. ``"'Nguồn kinh phí'!D5"``) or, for records and
    data frames, its ``row`` (the index label) and ``column`` (the column's name).
    ``sheet`` is the :class:`SheetDocument` it was read as (:func:`to_excel` copies its
    sheets with the findings on their cells)."""

    __slots__ = ("sheet",)
    sheet: SheetDocument | None

    def __new__(
        cls,
        kind: str | None,
        id: str | None,
        findings: list[Finding],
        document: _native.Document | None = None,
        source: str | None = None,
        line: int | None = None,
        sheet: SheetDocument | None = None,
    ) -> SheetCheckResult:
        self = super().__new__(cls, kind, id, findings, document, source, line)
        object.__setattr__(self, "sheet", sheet)
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: a SheetCheckResult is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: a SheetCheckResult is frozen")

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (
            SheetCheckResult,
            (self.kind, self.id, self.findings, self.document, self.source, self.line, self.sheet),
        )


def _a1(cell: str) -> tuple[str, int, int | None] | None:
    """``"'Sheet'!C12"`` → ``("Sheet", 11, 2)``; ``"Sheet!12:12"`` → ``("Sheet", 11, None)``."""
    sheet, sep, local = cell.rpartition("!")
    if not sep:
        return None
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    if ":" in local:
        row = local.split(":")[0]
        return (sheet, int(row) - 1, None) if row.isdigit() else None
    letters = "".join(c for c in local if c.isalpha())
    digits = local[len(letters) :]
    if not letters or not digits.isdigit():
        return None
    col = 0
    for c in letters:
        col = col * 26 + (ord(c) - ord("A") + 1)
    return sheet, int(digits) - 1, col - 1


class SheetDocument:
    """A document read from a spreadsheet, records or a data frame.

    ``kind``, ``id``, ``source``; ``findings``: what reading found (codes ``sheet.*``), each
    with its cell; ``to_dict()``: the document's JSON form as read (``None`` when nothing
    could be read); ``check()``: the core's findings (and reading's), each with its cell.
    """

    __slots__ = ("_inner", "_tables")

    def __init__(
        self,
        inner: _native._SheetDocument,
        tables: Mapping[str, tuple[Sequence[Any], Sequence[str]]] | None = None,
    ) -> None:
        self._inner = inner
        # For records and frames: by table name, the row labels and column names.
        self._tables = tables

    @property
    def kind(self) -> str | None:
        """The document kind (``scheme``, ``plan``, ``period_report``…), if known."""
        return self._inner.kind

    @property
    def id(self) -> str | None:
        """The document's ``id``, if stated."""
        return self._inner.id

    @property
    def source(self) -> str:
        """The file (or table) it was read from."""
        return self._inner.source

    @property
    def ok(self) -> bool:
        """Reading found no error (the law is not checked yet: see :meth:`check`)."""
        return not any(f.get("severity") == "error" for f in self.findings)

    @property
    def findings(self) -> list[Finding]:
        """What reading found (codes ``sheet.*``), each with its cell (or row and column)."""
        return self._place(self._inner.findings)

    def to_dict(self) -> dict[str, Any] | None:
        """The document's JSON form as read.

        Returns
        -------
        dict or None
            ``None`` when nothing could be read.
        """
        return self._inner.to_dict()

    def check(self, *, provincial_pack: Any = None) -> SheetCheckResult:
        """Checks the document: the core's findings and reading's, in the core's order.

        Parameters
        ----------
        provincial_pack : str, dict, bytes or os.PathLike, optional
            As for :func:`khuyencong.check`.

        Returns
        -------
        SheetCheckResult
            Each finding with its ``cell`` (or ``row`` and ``column``).

        Raises
        ------
        khuyencong.Error
            For an invalid provincial pack.
        """
        kind, id_, findings, document = self._inner.check(provincial_pack)
        return SheetCheckResult(kind, id_, self._place(findings), document, sheet=self)

    def _place(self, findings: list[Finding]) -> list[Finding]:
        if self._tables is None:
            return findings
        for f in findings:
            at = _a1(f["cell"]) if isinstance(f.get("cell"), str) else None
            if at is None:
                continue
            table, row, col = at
            labels, columns = self._tables.get(table, ((), ()))
            # Row 0 holds the headings; row r is the record r - 1.
            if 1 <= row <= len(labels):
                f["row"] = labels[row - 1]
            if col is not None and 0 <= col < len(columns):
                f["column"] = columns[col]
        return findings

    def __repr__(self) -> str:
        return (
            f"SheetDocument(kind={self.kind!r}, id={self.id!r}, source={self.source!r}, "
            f"findings={len(self._inner.findings)})"
        )


def read_excel(
    path: str | os.PathLike[str], *, kind: str | None = None
) -> list[SheetDocument]:
    """Reads a filled template into its documents.

    Parameters
    ----------
    path : str or os.PathLike
        An Excel workbook (``.xlsx``) or a CSV file (UTF-8 with or without a byte-order
        mark, or UTF-16; ``,``, ``;`` or tab). Here a ``str`` is a file name.
    kind : str, optional
        The kind of document when the sheets do not tell.

    Returns
    -------
    list of SheetDocument
        Problems of the file are findings of the first document (``sheet.*``), not
        exceptions.

    Raises
    ------
    FileNotFoundError, OSError
        When the file cannot be read or is not a regular file (a FIFO could block for ever).
    """
    name = os.fspath(path)
    if not stat.S_ISREG(os.stat(name).st_mode):
        raise OSError(f"`{name}` is not a regular file / `{name}` không phải là tệp thông thường")
    with open(name, "rb") as f:
        data = f.read(_MAX_FILE_BYTES + 1)
    return [SheetDocument(d) for d in _native._read_sheet(data, name, kind)]


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    # pandas.NA, pandas.NaT, numpy NaN and NaT, without importing pandas or numpy.
    name = type(value).__name__
    if name in ("NAType", "NaTType"):
        return True
    try:
        return bool(value != value)  # NaN-like scalars are not equal to themselves
    except (TypeError, ValueError):
        return False


def _cell(value: Any, where: str) -> Any:
    """A data frame's or record's value as a cell the reader takes."""
    if _is_missing(value):
        return None
    if isinstance(value, (bool, int, float, str, datetime.date)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    module = type(value).__module__
    if module == "numpy" or module.startswith("numpy."):
        if type(value).__name__ == "datetime64":
            return _cell(value.astype("datetime64[us]").item(), where)
        return _cell(value.item(), where)
    raise TypeError(
        f"{where}: a cell must be None, a bool, an int, a float, a str, a datetime.date "
        f"or a decimal.Decimal (numpy and pandas scalars are converted), not {type(value).__name__}"
    )


_Table = tuple[str | None, list[str], list[list[Any]], list[Any]]


def _read(
    tables: list[_Table], kind: str, source: str
) -> list[SheetDocument]:
    names = {t[0] if t[0] is not None else source: (t[3], t[1]) for t in tables}
    raw = _native._read_tables([(n, c, r) for n, c, r, _ in tables], kind, source)
    return [SheetDocument(d, names) for d in raw]


def from_records(
    rows: Iterable[Mapping[str, Any]], kind: str, *, sheet: str | None = None
) -> list[SheetDocument]:
    """Reads rows of records as one sheet of documents.

    Parameters
    ----------
    rows : iterable of mapping
        Dicts of column heading → value. Headings may be the template's Vietnamese or
        English headings or JSON keys such as ``funding.total_cost``.
    kind : str
        The kind of document.
    sheet : str, optional
        By default the document sheet (one record per document); else another part
        (``"beneficiaries"``, ``"funding.lines"``, or its Vietnamese name).

    Returns
    -------
    list of SheetDocument
        Findings have the ``row`` (the record's position from 0) and ``column`` (its
        heading) they are about.

    Raises
    ------
    TypeError
        For a value that is not a cell, or a single dict.
    """
    if isinstance(rows, Mapping):
        raise TypeError("from_records() takes an iterable of records (dicts), not a single dict: wrap it in a list")
    records = list(rows)
    columns: list[str] = []
    for r in records:
        for k in r:
            if str(k) not in columns:
                columns.append(str(k))
    body = [
        [_cell(r.get(c), f"record {i}, column {c!r}") for c in columns] for i, r in enumerate(records)
    ]
    return _read([(sheet, columns, body, list(range(len(records))))], kind, "records")


def _frame_table(name: str | None, frame: Any, library: Literal["pandas", "polars"]) -> _Table:
    if library == "pandas":
        columns = [str(c) for c in frame.columns]
        labels = list(frame.index)
        rows = frame.itertuples(index=False, name=None)
    else:
        columns = [str(c) for c in frame.columns]
        labels = list(range(frame.height))
        rows = frame.iter_rows()
    body = [
        [_cell(v, f"row {labels[i]!r}, column {columns[j]!r}") for j, v in enumerate(row)]
        for i, row in enumerate(rows)
    ]
    return (name, columns, body, labels)


def from_pandas(
    frame: _pandas.DataFrame | Mapping[str, _pandas.DataFrame], kind: str
) -> list[SheetDocument]:
    """Reads pandas data frames as documents.

    Parameters
    ----------
    frame : pandas.DataFrame or mapping of str to pandas.DataFrame
        The document sheet of ``kind`` (one row per document), or a dict of frames by sheet
        (``{"Đề án khuyến công": df, "funding.lines": lines}``) as a workbook. A blank
        (``NaN``, ``None``, ``pandas.NA``, ``NaT``) is a value not stated, never zero;
        ``numpy`` integers, whole floats (an integer column with gaps), dates and
        timestamps go in without conversion.
    kind : str
        The kind of document.

    Returns
    -------
    list of SheetDocument
        Findings have the ``row`` (the index label) and ``column``.
    """
    if isinstance(frame, Mapping):
        tables = [_frame_table(str(k), v, "pandas") for k, v in frame.items()]
    else:
        tables = [_frame_table(None, frame, "pandas")]
    return _read(tables, kind, "DataFrame")


def from_polars(
    frame: _polars.DataFrame | Mapping[str, _polars.DataFrame], kind: str
) -> list[SheetDocument]:
    """As :func:`from_pandas`, for polars data frames.

    Parameters
    ----------
    frame : polars.DataFrame or mapping of str to polars.DataFrame
        One frame (the document sheet) or a dict of frames by sheet.
    kind : str
        The kind of document.

    Returns
    -------
    list of SheetDocument
        Findings have the ``row`` (labelled from 0) and ``column``.
    """
    if isinstance(frame, Mapping):
        tables = [_frame_table(str(k), v, "polars") for k, v in frame.items()]
    else:
        tables = [_frame_table(None, frame, "polars")]
    return _read(tables, kind, "DataFrame")


def _write(path: str | os.PathLike[str], data: bytes) -> None:
    with open(os.fspath(path), "wb") as f:
        f.write(data)


def to_excel(
    results: CheckResult | Iterable[CheckResult] | Totals, path: str | os.PathLike[str]
) -> None:
    """Writes check results or totals as an Excel workbook an officer opens.

    Parameters
    ----------
    results : CheckResult, iterable of CheckResult, or Totals
        Check results: a sheet of every finding (severity, code, cell, JSON Pointer,
        messages in Vietnamese and English, legal basis, how to fix) and, for documents
        read from a spreadsheet, a copy of their sheets with each finding on its cell
        (coloured, with the messages as a note). Totals: one row per group, amounts in
        đồng.
    path : str or os.PathLike
        The file to write (a ``str`` is a file name).

    Raises
    ------
    TypeError
        For an item that is not a check result.
    """
    if isinstance(results, Totals):
        rows = []
        for row in results.rows:
            keys = {k: row.get(k) for k in results.by}
            figures = {
                k: (str(v) if isinstance(v, Decimal) else v)
                for k, v in row.items()
                if k not in results.by
            }
            rows.append({"keys": keys, **figures})
        _write(path, bytes(_native._totals_report(rows, list(results.by))))
        return
    items = [results] if isinstance(results, CheckResult) else list(results)
    entries = []
    for r in items:
        if not isinstance(r, CheckResult):
            raise TypeError(f"to_excel() takes check results or totals, not {type(r).__name__}")
        sheet = r.sheet if isinstance(r, SheetCheckResult) else None
        if sheet is not None:
            source = sheet.source
        elif r.document is not None and r.document.source is not None:
            source = r.document.source
        else:
            source = "—"
        findings = [{k: v for k, v in f.items() if k not in ("row", "column")} for f in r.findings]
        entries.append((source, r.kind, r.id, findings, sheet._inner if sheet is not None else None))
    _write(path, bytes(_native._check_report(entries)))


def template(
    kind: str,
    path: str | os.PathLike[str],
    *,
    format: Literal["xlsx", "csv"] | None = None,
    example: bool = True,
    excel_csv: bool = False,
) -> None:
    """Writes a template to fill for a kind of document (as ``khuyencong template``).

    Parameters
    ----------
    kind : str
        ``scheme``, ``plan`` or ``period_report``.
    path : str or os.PathLike
        The file to write (a ``str`` is a file name).
    format : {"xlsx", "csv"}, optional
        By default from the file's extension.
    example : bool
        Fill the template with an example.
    excel_csv : bool
        CSV with a byte-order mark and CRLF line ends, as Excel writes it.

    Raises
    ------
    khuyencong.Error
        For an unknown kind or format.
    """
    if format is None:
        format = "csv" if Path(path).suffix.lower() == ".csv" else "xlsx"
    _write(path, bytes(_native._template(kind, format, example, excel_csv)))

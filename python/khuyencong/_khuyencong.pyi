"""The native module of khuyencong (Rust, PyO3): conversions and delegation to the core."""

import datetime
import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, ClassVar, Literal, NotRequired, Self, TypedDict, final

from typing_extensions import disjoint_base

from khuyencong.errors import ValidationError
from khuyencong.types import (
    Citation,
    Finding,
    FindingRow,
    ProgressNote,
    ProgressRow,
    TotalsDocument,
    TotalsNote,
)

__all__ = [
    "__version__",
    "catalog",
    "packs",
    "regime_at",
    "parse_citation",
    "render_citation",
    "_as_vnd",
    "_as_share",
    "_json_round_trip",
    "_json_loads",
    "_validation_error",
    "Document",
    "CheckResult",
    "_check_many",
    "_check_plain",
    "_load",
    "_document",
    "_totals",
    "_progress",
    "_upgrade",
    "_assess",
    "_max_support",
    "_parse_vnd",
    "json_schema",
    "explain",
    "finding_codes",
    "_Register",
    "_SheetDocument",
    "_read_sheet",
    "_read_tables",
    "_check_report",
    "_totals_report",
    "_template",
    "_cli_main",
]

__version__: str

class _Citation(TypedDict):
    """A citation in its compact form: ``{"instrument": "nd_45_2012", "article": 4, ...}``."""

    instrument: str
    article: NotRequired[int]
    clause: NotRequired[int]
    clause_letter: NotRequired[str]
    point: NotRequired[str]

def packs() -> list[dict[str, Any]]:
    """The provincial rule packs shipped with the library: ``name`` (pass it as
    ``provincial_pack=``), ``province``, ``province_code``, ``instrument_vi``,
    ``instrument_en``, ``effective_from``, ``effective_until`` (ISO dates or ``None``: a pack
    whose first day was not read is never applied), ``confidence``, ``rules``, ``example``."""

def catalog(as_of: datetime.date | str, lang: str = "vi") -> dict[str, Any]:
    """The catalogue of instruments and codelists valid on ``as_of``.

    A dict with ``as_of``, ``regime``, ``support_regime`` and one list per codelist
    (``instruments``, ``activities``, ``legal_forms`` …); every item has ``code``,
    ``label_vi``, ``label_en``, ``label`` (in ``lang``), ``citation`` (with ``vi`` and
    ``en`` renderings), ``valid_from``, ``valid_until`` and ``confidence``. Dates are ISO
    strings.

    Raises :class:`khuyencong.Error` for a date before 2012-07-05 or an unknown ``lang``,
    and :class:`TypeError` when ``as_of`` is neither a ``datetime.date`` nor a ``str``.
    """

def regime_at(date: datetime.date | str) -> Literal["regime_2012", "regime_2025"]:
    """The regime of Decree 45/2012/NĐ-CP in force on ``date``.

    Raises :class:`khuyencong.Error` for a date before 2012-07-05.
    """

def parse_citation(text: str) -> _Citation:
    """Parses a citation written in Vietnamese or English.

    ``"điểm đ khoản 1 Điều 4 Nghị định số 45/2012/NĐ-CP"`` and
    ``"Decree 45/2012/ND-CP, Art. 4(1)(dd)"`` both give
    ``{"instrument": "nd_45_2012", "article": 4, "clause": 1, "point": "đ"}``.
    Raises :class:`khuyencong.Error` when the text is not a citation of a known instrument.
    """

def render_citation(citation: _Citation | Citation | dict[str, Any], lang: str = "vi") -> str:
    """Renders a citation dict in ``lang`` (``"vi"`` or ``"en"``).

    Takes the compact form :func:`parse_citation` returns, a catalogue item's
    ``citation`` (its ``vi`` and ``en`` renderings are set aside), or the citation of a
    level from a provincial rule pack (``province``, ``resolution``, ``article``…).

    Raises :class:`khuyencong.Error` for an invalid citation (unknown instrument or
    field, a clause without an article, point letters such as f or w).
    """

def _as_vnd(amount: int | Decimal | str) -> int:
    """An amount in đồng (a ``str``: whole đồng or exact Vietnamese notation); a ``float``
    or ``bool`` raises :class:`TypeError`."""

def _as_share(share: Decimal | int | str) -> Decimal:
    """A share in [0, 1] as a normalised ``Decimal``; a ``float`` raises :class:`TypeError`."""

def _json_round_trip(value: Any) -> Any:
    """Plain data through the binding's JSON conversion and back."""

def _json_loads(text: str) -> Any:
    """JSON text parsed by the binding and converted to Python objects."""

def _validation_error(findings: Sequence[Mapping[str, Any]]) -> ValidationError:
    """The ``ValidationError`` a check raises for these findings (returned, not raised)."""

@final
class Document:
    """A document read by the core (a scheme, a plan, a period report or a programme).

    Made by :func:`khuyencong.load` or found in ``CheckResult.document``; checking or
    totalling it again does not read it again.
    """

    @property
    def kind(self) -> Literal["scheme", "plan", "period_report", "programme"]:
        """The document kind."""
    @property
    def schema_version_read(self) -> int:
        """The format version the document was written in (1 or 2); it is held as 2."""
    @property
    def id(self) -> str:
        """The document's ``id``."""
    @property
    def source(self) -> str | None:
        """The file the document was read from, if any."""
    @property
    def line(self) -> int | None:
        """The line of a JSON Lines file (1-based), if any."""
    def to_dict(self) -> dict[str, Any]:
        """The document in its JSON form (amounts are ``int`` đồng, dates ISO strings)."""
    def to_json(self) -> str:
        """The document as version-2 JSON text, indented (what ``khuyencong upgrade`` writes)."""
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str, str | None, int | None]]: ...

def _document(text: str, source: str | None = None, line: int | None = None) -> Document:
    """A document read from JSON text (how a pickled ``Document`` is read again)."""

_DocumentInput = dict[str, Any] | str | bytes | bytearray | os.PathLike[str] | Document
_PackInput = dict[str, Any] | str | bytes | os.PathLike[str]

@disjoint_base
class CheckResult:
    """The findings of one document, in the core's deterministic order.

    Made by :func:`khuyencong.check`, :func:`khuyencong.check_many` and
    :meth:`khuyencong.SheetDocument.check`; ``repr`` is one line (kind, id, counts).
    Results compare by ``kind``, ``id`` and ``findings``, pickle, and are frozen.
    """

    __match_args__: ClassVar[tuple[str, ...]]
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(
        cls,
        kind: str | None,
        id: str | None,
        findings: list[Finding],
        document: Document | None = None,
        source: str | None = None,
        line: int | None = None,
    ) -> Self: ...
    @property
    def kind(self) -> str | None:
        """The document kind, or ``None`` when the input could not be read (its findings
        then have ``structure.*`` codes)."""
    @property
    def id(self) -> str | None:
        """The document's ``id``, or ``None`` when it could not be read."""
    @property
    def findings(self) -> list[Finding]:
        """Every finding, a list of dicts: ``code``, ``severity`` (``error``, ``warning``,
        ``info``), ``path`` (a JSON Pointer), ``message_vi``, ``message_en`` and, when
        known, ``citation``, ``confidence``, ``facts`` and ``params``. Converted when first
        read; the same list on every read."""
    @property
    def document(self) -> Document | None:
        """The document read, if any."""
    @property
    def source(self) -> str | None:
        """The file the document was read from, when it was given as a path."""
    @property
    def line(self) -> int | None:
        """Its line in a JSON Lines file (from 1)."""
    @property
    def ok(self) -> bool:
        """No finding is an error (warnings and information are allowed)."""
    @property
    def error_count(self) -> int:
        """How many findings are errors."""
    @property
    def warning_count(self) -> int:
        """How many findings are warnings."""
    @property
    def info_count(self) -> int:
        """How many findings are information."""
    @property
    def file(self) -> str | None:
        """The file the document came from (given as a path, by :func:`khuyencong.load` or
        from a spreadsheet), or ``None``."""
    def to_dict(self) -> dict[str, Any]:
        """The result's JSON form: ``{"kind", "id", "ok", "findings"}``."""
    def rows(self) -> list[FindingRow]:
        """One flat dict per finding, for tables (see :func:`khuyencong.findings_frame` for
        a whole batch)."""
    def to_pandas(self) -> Any:
        """The findings as a ``pandas.DataFrame``, one row per finding."""
    def to_polars(self) -> Any:
        """The findings as a ``polars.DataFrame``, one row per finding."""
    def _repr_html_(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]: ...

def _check_many(
    docs: Iterable[_DocumentInput],
    *,
    provincial_pack: _PackInput | None = None,
    places: list[tuple[str | None, int | None]] | None = None,
) -> list[CheckResult]:
    """Checks documents with the GIL released: one result each; ``places`` holds the
    ``(source, line)`` of each input."""

def _check_plain(
    docs: Sequence[_DocumentInput], *, provincial_pack: _PackInput | None = None
) -> list[CheckResult] | None:
    """Checks a list or tuple of bytes, dicts, Documents and str of JSON objects or arrays
    in one call; ``None`` when an item is anything else."""

def _load(paths: Sequence[str | os.PathLike[str]]) -> list[Document]:
    """Reads the documents of files (``.json``: one; ``.jsonl``/``.ndjson``: one a line)."""

def _totals(
    docs: Iterable[_DocumentInput], by: Iterable[str]
) -> tuple[list[dict[str, Any]], list[TotalsDocument], list[TotalsNote]]:
    """Totals rows as flat dicts (the keys, then the figures; shares as ``Decimal``), one
    dict per document (``index``, ``id``, ``kind``, ``errors``), and the notes on how the
    keys were read."""

def _progress(
    docs: Iterable[_DocumentInput],
) -> tuple[list[ProgressRow], list[ProgressNote]]:
    """Programme targets against results: row dicts (``share`` as ``Decimal``) and notes."""

def _upgrade(doc: _DocumentInput) -> str:
    """One document as version-2 JSON text."""

def _assess(
    applicant: dict[str, Any], activity: str, as_of: datetime.date | str
) -> dict[str, Any]:
    """The JSON form of an eligibility assessment."""

def _max_support(
    activity: str,
    eligible_cost: int | Decimal | str,
    as_of: datetime.date | str,
    *,
    fund: str | None = None,
    priority: bool = False,
    technology_line: bool = False,
    variant: str | None = None,
    provincial_pack: _PackInput | None = None,
    units: int | None = None,
) -> dict[str, Any]:
    """The JSON form of a support limit (``status``: ``assessed`` or ``not_assessed``)."""

def _parse_vnd(text: str) -> tuple[int, str]:
    """``(đồng, exactness)`` of an amount in Vietnamese notation."""

def json_schema(
    kind: Literal[
        "document",
        "scheme",
        "plan",
        "period_report",
        "findings",
        "provincial_pack",
        "applicant",
        "assessment",
    ]
    | str,
) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of documents (``document`` dispatches on ``kind``
    to ``scheme``, ``plan`` and ``period_report``), of check output (``findings``), of a
    provincial rule pack, of an applicant's facts or of an eligibility assessment.

    Raises :class:`khuyencong.Error` for an unknown kind.
    """

def explain(code: str) -> dict[str, Any]:
    """What a finding code means: ``code``, ``severity``, ``citation`` (with ``vi`` and
    ``en`` renderings, or ``None``), ``meaning_vi``, ``meaning_en``, ``fix_vi``, ``fix_en``.

    Raises :class:`khuyencong.Error` for an unknown code.
    """

def finding_codes() -> list[str]:
    """Every finding code the library can report."""

_Answer = tuple[list[str], list[dict[str, Any]]]

@final
class _Register:
    """An open register (``khuyencong.register.Register`` wraps it)."""

    @staticmethod
    def create(target: str) -> _Register: ...
    @staticmethod
    def open(target: str) -> _Register: ...
    @staticmethod
    def migrate(target: str) -> tuple[int, int]: ...
    @staticmethod
    def import_export(target: str, path: str | os.PathLike[str]) -> tuple[_Register, int]: ...
    @property
    def dialect(self) -> str: ...
    def schema_version(self) -> int: ...
    def add(self, documents: Iterable[tuple[str, int | None, Any]]) -> list[dict[str, Any]]: ...
    def record_state(
        self,
        scheme_id: str,
        state: str,
        on_date: datetime.date | str,
        source: str,
        note: str | None = None,
    ) -> None: ...
    def documents(self) -> _Answer: ...
    def schemes(self) -> _Answer: ...
    def progress(self) -> _Answer: ...
    def programme_progress(self) -> _Answer: ...
    def unreported(self) -> _Answer: ...
    def money(self, by: Sequence[str], province: str) -> _Answer: ...
    def beneficiaries(self, all: bool) -> _Answer: ...
    def recheck(self, dry_run: bool) -> _Answer: ...
    def sql(self, query: str) -> _Answer: ...
    def export(self, path: str | os.PathLike[str]) -> int: ...

@final
class _SheetDocument:
    """A document read from a spreadsheet or a table, with where its values came from."""

    @property
    def kind(self) -> str | None:
        """The document kind, when the workbook says."""
    @property
    def id(self) -> str | None:
        """The document's ``id``, when stated."""
    @property
    def source(self) -> str:
        """The file (or table) it was read from."""
    @property
    def findings(self) -> list[Finding]:
        """What reading found (``sheet.*`` codes), each with its cell."""
    def to_dict(self) -> dict[str, Any] | None:
        """The document's JSON form as read, or ``None`` when nothing could be read."""
    def locate(self, pointer: str) -> tuple[str, int, int | None] | None:
        """The cell a JSON Pointer was read from: ``(sheet, row, column)`` from 0."""
    def check(
        self, provincial_pack: _PackInput | None = None
    ) -> tuple[str | None, str | None, list[Finding], Document | None]:
        """Checks the document: ``(kind, id, findings, document)``, findings with cells."""

def _read_sheet(data: bytes, source: str, kind: str | None = None) -> list[_SheetDocument]:
    """Reads a spreadsheet file's bytes (xlsx or CSV) into its documents."""

def _read_tables(
    tables: Iterable[tuple[str | None, Sequence[str], Iterable[Sequence[Any]]]],
    kind: str | None,
    source: str,
) -> list[_SheetDocument]:
    """Reads tables ``(name, columns, rows)`` of plain cells into documents."""

def _check_report(
    results: Iterable[
        tuple[str, str | None, str | None, list[Finding] | list[dict[str, Any]], _SheetDocument | None]
    ],
) -> bytes:
    """Check results as an xlsx workbook (with annotated copies of spreadsheet inputs)."""

def _totals_report(rows: list[dict[str, Any]], by: list[str]) -> bytes:
    """Totals rows (``keys`` and figures) as an xlsx workbook."""

def _template(
    kind: str, format: str = "xlsx", example: bool = True, excel_csv: bool = False
) -> bytes:
    """A template for a kind of document, as xlsx or CSV bytes."""

def _cli_main(argv: Sequence[str]) -> int:
    """Run the ``khuyencong`` command (program name first); its exit status."""

"""The functions of khuyencong: documents (check, load, totals) and the law's answers
(assess, max_support, parse_vnd). Each converts its arguments and delegates to the Rust
core; no rule of the law is decided here.

A document may be given as

- a ``dict`` (its JSON form; read exactly as the same document written as JSON text: a
  ``float`` where whole đồng are expected, an ``int`` beyond the bounds or a ``str`` that is
  not valid Unicode is a finding at its place, as it is in JSON text),
- a ``str`` holding **JSON text** (never a file name),
- ``bytes`` or ``bytearray`` holding JSON,
- an ``os.PathLike`` such as ``pathlib.Path``: a JSON file holding one document,
- a :class:`khuyencong.Document` (from :func:`load` or ``CheckResult.document``).
"""

from __future__ import annotations

import datetime
import glob
import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeAlias

from khuyencong import _khuyencong as _native
from khuyencong._khuyencong import Document
from khuyencong.results import (
    Assessment,
    CheckResult,
    ParsedAmount,
    Progress,
    SupportLimit,
    Totals,
)

__all__ = [
    "DocumentInput",
    "PackInput",
    "assess",
    "check",
    "check_many",
    "load",
    "max_support",
    "parse_vnd",
    "progress",
    "totals",
    "upgrade",
]

DocumentInput: TypeAlias = Mapping[str, Any] | str | bytes | bytearray | os.PathLike[str] | Document
"""What :func:`check`, :func:`check_many` and :func:`totals` accept as one document."""

PackInput: TypeAlias = Mapping[str, Any] | str | bytes | os.PathLike[str]
"""A provincial rule pack: its JSON form as a dict, JSON text, bytes, or a path to its file."""

_DOCUMENT_TYPES = (
    "a dict, a str of JSON text, bytes of JSON, an os.PathLike (pathlib.Path) "
    "to a JSON file, or a khuyencong.Document"
)


# Inputs the binding reads as they are (checked first: isinstance against the Mapping ABC
# is slow, and a batch may hold many thousands of documents).
_NATIVE_TYPES = frozenset((bytes, str, dict, bytearray, Document))


def _plain(doc: Any) -> Any:
    # A Mapping that is not a dict (e.g. a MappingProxy) is copied; the binding reads dicts.
    if type(doc) in _NATIVE_TYPES:
        return doc
    if isinstance(doc, Mapping) and not isinstance(doc, dict):
        return dict(doc)
    return doc


def _results(raw: list[tuple[Any, Any, Any, Any]]) -> list[CheckResult]:
    return [CheckResult(k, i, f, d) for k, i, f, d in raw]


def check(doc: DocumentInput, *, provincial_pack: PackInput | None = None) -> CheckResult:
    """Checks one document: every finding, in deterministic order.

    A document that cannot be read is not an exception: its findings have ``structure.*``
    codes — every problem at once — and ``kind`` and ``id`` are given whenever they can be
    read. ``provincial_pack`` layers a province's levels over the national ones for
    local-fund schemes: the name of a shipped pack (``"dong-thap-2024"``, see
    :func:`packs`), a dict, JSON text or bytes, or a path.

    Raises :class:`TypeError` for an input of another type (or a value JSON cannot hold
    inside a dict: a set, a date), :class:`FileNotFoundError` / :class:`OSError` when a path
    cannot be read or is not a regular file (a FIFO could block for ever), and
    :class:`khuyencong.Error` for an invalid provincial pack.
    """
    if not isinstance(doc, (Mapping, str, bytes, bytearray, os.PathLike, Document)):
        raise TypeError(f"doc must be {_DOCUMENT_TYPES}, not {type(doc).__name__}")
    return _results(_native._check_many([_plain(doc)], provincial_pack=_plain(provincial_pack)))[0]


def check_many(
    docs: Iterable[DocumentInput], *, provincial_pack: PackInput | None = None
) -> list[CheckResult]:
    """Checks many documents, one :class:`CheckResult` each, in order.

    The inputs are converted first; then the core checks them with the GIL released, so
    other Python threads run meanwhile, in chunks of a few hundred, between which Ctrl-C
    (``KeyboardInterrupt``) is honoured. One unreadable document is a result with its
    findings; it never stops the batch.
    """
    if isinstance(docs, (Mapping, str, bytes, bytearray, os.PathLike, Document)):
        raise TypeError(
            "check_many() takes an iterable of documents, not a single "
            f"{type(docs).__name__}: use check() or wrap it in a list"
        )
    return _results(
        _native._check_many([_plain(d) for d in docs], provincial_pack=_plain(provincial_pack))
    )


def _expand(path_or_glob: str | os.PathLike[str]) -> list[str]:
    if isinstance(path_or_glob, os.PathLike):
        name = os.fspath(path_or_glob)
    elif isinstance(path_or_glob, str):
        name = path_or_glob
    else:
        raise TypeError(
            "path_or_glob must be a str (a path or a glob such as 'data/*.jsonl') "
            f"or an os.PathLike, not {type(path_or_glob).__name__}"
        )
    if os.path.isdir(name):
        return sorted(
            str(p)
            for p in Path(name).iterdir()
            if p.is_file() and p.suffix.lower() in (".json", ".jsonl", ".ndjson")
        )
    if isinstance(path_or_glob, str) and not os.path.exists(name) and glob.has_magic(name):
        matches = sorted(p for p in glob.glob(name, recursive=True) if os.path.isfile(p))
        if not matches:
            raise FileNotFoundError(f"no file matches `{name}`")
        return matches
    return [name]


def load(path_or_glob: str | os.PathLike[str]) -> list[Document]:
    """Reads documents from a file, a directory or a glob (``"reports/**/*.jsonl"``).

    A ``.json`` file holds one document; a ``.jsonl`` (or ``.ndjson``) file one per line
    (blank lines are skipped). A directory means its ``.json``, ``.jsonl`` and ``.ndjson``
    files, in name order; a glob, its matching files in name order.

    Returns :class:`khuyencong.Document` objects (``kind``, ``id``, ``source``, ``line``,
    ``to_dict()``), ready for :func:`check_many` and :func:`totals` without being read
    again. Loading reads documents; it does not check the law: use :func:`check_many`.

    Raises :class:`khuyencong.ValidationError` (with ``.findings``, and the file and line
    in its message) for the first document that cannot be read, and
    :class:`FileNotFoundError` when a file or glob matches nothing.
    """
    return _native._load(_expand(path_or_glob))


def totals(docs: Iterable[DocumentInput], by: Sequence[str] = ()) -> Totals:
    """Exact totals of documents, grouped by keys among ``province`` (of the document's
    date), ``province_now`` (today's unit, after the 2025 arrangement), ``period``, ``year``,
    ``fund_level``, ``source``, ``activity``, ``industry``, ``product_group`` and ``kind``
    (none: one grand total). Provinces are grouped by their permanent code however they are
    written; how each name was read is in ``.notes``.

    Nothing a document states is dropped: the part of a stated total that its lines do not
    itemise is counted under the key value ``"not_itemised"``, and a stated counterpart is
    used as stated. A line broken down into parts (by fund, year, industry, product group)
    is counted through its parts. ``year`` is a line's year inside a multi-year period, else
    the document's year when its period is one calendar year, else ``"not_itemised"``.
    ``Totals.documents`` lists every document with the number of errors its check finds;
    each row counts its ``documents_with_errors``.

    Raises :class:`khuyencong.ValidationError` when a document cannot be read, and
    :class:`khuyencong.Error` for an unknown key.
    """
    if isinstance(docs, (Mapping, str, bytes, bytearray, os.PathLike, Document)):
        raise TypeError(
            "totals() takes an iterable of documents, not a single "
            f"{type(docs).__name__}: wrap it in a list"
        )
    if isinstance(by, str):
        raise TypeError(f"by must be a list of keys such as [{by!r}], not a str")
    keys = list(by)
    rows, documents, notes = _native._totals([_plain(d) for d in docs], keys)
    return Totals(by=tuple(keys), rows=rows, documents=documents, notes=notes)


def progress(docs: Iterable[DocumentInput]) -> Progress:
    """Programme targets against results: every programme among ``docs`` compared with the
    period reports among them that report on it (by ``programme_id``, or by the decision
    that approved it, ``programme``). One row per target and indicator (and year, for a
    target for each year): ``target``, ``achieved`` (``None`` when no report covers it),
    ``achieved_exactness`` (``"lower_bound"`` when results that may count are not stated or
    not broken down by the target's keys), ``share`` (``Decimal``) and ``met`` (``None``
    when the figures cannot say). ``Progress.notes`` says how reports were matched.

    Raises :class:`khuyencong.ValidationError` when a document cannot be read.
    """
    if isinstance(docs, (Mapping, str, bytes, bytearray, os.PathLike, Document)):
        raise TypeError(
            "progress() takes an iterable of documents, not a single "
            f"{type(docs).__name__}: wrap it in a list"
        )
    rows, notes = _native._progress([_plain(d) for d in docs])
    return Progress(rows=rows, notes=notes)


def upgrade(doc: DocumentInput) -> str:
    """The document as version-2 JSON text (what ``khuyencong upgrade`` writes): a version-1
    document keeps every figure, code and text; only ``schema_version`` changes.

    Raises :class:`khuyencong.ValidationError` when the document cannot be read.
    """
    if not isinstance(doc, (Mapping, str, bytes, bytearray, os.PathLike, Document)):
        raise TypeError(f"doc must be {_DOCUMENT_TYPES}, not {type(doc).__name__}")
    return _native._upgrade(_plain(doc))


def assess(
    applicant: Mapping[str, Any], activity: str, as_of: datetime.date | str
) -> Assessment:
    """Assesses whether an applicant may receive an activity on a date.

    ``applicant`` holds the facts known (``legal_form``, ``sme``, ``location`` …, see
    ``docs/eligibility.md``); what is missing makes the verdict ``indeterminate`` rather
    than guessed.

    Raises :class:`khuyencong.ValidationError` (an :class:`khuyencong.Error`) listing
    every problem of the facts with its JSON Pointer (unknown fields and codes, a ``float``
    where whole đồng are expected… — as ``khuyencong eligibility`` reports them), and
    :class:`khuyencong.Error` for dates before 2012-07-05.
    """
    return Assessment._from_json(_native._assess(_plain(applicant), activity, as_of))


def max_support(
    activity: str,
    eligible_cost: int | Decimal | str,
    as_of: datetime.date | str,
    *,
    fund: str = "national",
    priority: bool = False,
    technology_line: bool = False,
    variant: str | None = None,
    provincial_pack: PackInput | None = None,
    units: int = 1,
) -> SupportLimit:
    """The most state support an activity may receive on a date.

    ``eligible_cost`` is whole đồng for all ``units`` together: an ``int``, or a ``str`` of
    whole đồng or exact Vietnamese notation (``"620 triệu"``), read as ``khuyencong support
    --cost`` reads it; a ``float`` raises :class:`TypeError`. The cap applies once per unit
    (establishment, model, round…), so a group scheme for eight cooperatives passes
    ``units=8``. ``fund`` is ``national``, ``provincial``, ``district`` or ``commune``; a
    ``provincial_pack`` (a shipped pack's name such as ``"dong-thap-2024"``, a dict, JSON
    text or bytes, or a path) sets the levels of local funds.

    A level the project does not know — an item whose level was not read, a level priced by
    tender, any date before 2014-04-08, an activity with several items when no ``variant``
    is named — is returned as not assessed (``assessed`` is ``False``, with the reason),
    never raised.

    Raises :class:`khuyencong.Error` for unknown codes, a ``variant`` of another activity
    and ``units`` below 1.
    """
    return SupportLimit._from_json(
        _native._max_support(
            activity,
            eligible_cost,
            as_of,
            fund=fund,
            priority=priority,
            technology_line=technology_line,
            variant=variant,
            provincial_pack=_plain(provincial_pack),
            units=units,
        )
    )


def parse_vnd(text: str) -> ParsedAmount:
    """Reads an amount in Vietnamese notation: ``"1.400 triệu đồng"`` is 1,400,000,000
    đồng, exact; ``"hơn 15,2 tỷ"`` is a lower bound.

    Raises :class:`khuyencong.Error` for ambiguous or malformed text (``"1,400 triệu"``).
    """
    vnd, exactness = _native._parse_vnd(text)
    return ParsedAmount(vnd=vnd, exactness=exactness)

"""The shapes of the dicts khuyencong returns, as ``TypedDict`` for type checkers.

At run time they are plain ``dict`` objects; these classes only describe their keys.

>>> from khuyencong.types import Finding
>>> import khuyencong
>>> f: Finding = khuyencong.check({"kind": "plan"}).findings[0]
>>> f["code"], f["severity"]
('structure.missing_field', 'error')
"""

from decimal import Decimal
from typing import Any, Literal, NotRequired, TypedDict

__all__ = [
    "Citation",
    "DerivationStep",
    "Finding",
    "FindingRow",
    "ProgressNote",
    "ProgressRow",
    "Skipped",
    "TotalsDocument",
    "TotalsNote",
]


class Citation(TypedDict, total=False):
    """A citation in its compact form.

    A national instrument: ``{"instrument": "nd_45_2012", "article": 4, "clause": 3,
    "point": "b"}``. A level from a provincial rule pack names the ``province`` and, when the
    pack states them, the ``resolution`` number and its ``article``, ``clause`` and
    ``point``.
    """

    instrument: str
    article: int
    clause: int
    clause_letter: str
    point: str
    province: str
    resolution: str
    vi: str
    en: str


class Finding(TypedDict):
    """One finding of a check, as the core writes it.

    Keys
    ----
    code : str
        Stable code (``funding.total_mismatch``), documented in ``docs/findings.md``.
    severity : {"error", "warning", "info"}
    path : str
        JSON Pointer into the document (``""`` for the whole document).
    message_vi, message_en : str
        The message in Vietnamese and in English.
    citation : Citation, optional
        The legal basis, when the finding has one.
    confidence : {"confirmed", "secondary", "historical"}, optional
    facts : list of str, optional
        JSON Pointers of the facts the finding rests on.
    params : dict, optional
        The values the messages were made from.
    cell : str, optional
        For a document read from a spreadsheet: the cell (``"'Nguồn kinh phí'!D5"``).
    row, column : optional
        For records and data frames: the row label and the column name.
    """

    code: str
    severity: Literal["error", "warning", "info"]
    path: str
    message_vi: str
    message_en: str
    citation: NotRequired[Citation]
    confidence: NotRequired[str]
    facts: NotRequired[list[str]]
    params: NotRequired[dict[str, Any]]
    cell: NotRequired[str]
    row: NotRequired[Any]
    column: NotRequired[str]


class FindingRow(TypedDict):
    """One finding as a flat table row (:meth:`khuyencong.CheckResult.rows`)."""

    kind: str | None
    id: str | None
    severity: str | None
    code: str | None
    path: str | None
    message: str | None
    message_vi: str | None
    message_en: str | None
    citation: str | None
    confidence: str | None


class DerivationStep(TypedDict):
    """One step of a support limit's derivation (:attr:`khuyencong.SupportLimit.derivation`)."""

    description_vi: str
    description_en: str
    value: NotRequired[int]
    citation: NotRequired[Citation]


class TotalsDocument(TypedDict):
    """One input document of :func:`khuyencong.totals`, with the number of errors its check
    finds."""

    index: int
    id: str
    kind: str
    errors: int


class TotalsNote(TypedDict):
    """How a grouping key of one document was read (:attr:`khuyencong.Totals.notes`)."""

    document: int
    key: str
    code: str
    text: str
    value: str | None
    message_vi: str
    message_en: str


class ProgressRow(TypedDict):
    """One target and indicator (and year) of a programme against the reports on it
    (:attr:`khuyencong.Progress.rows`).

    Keys
    ----
    programme_id : str
    province : str or None
        ``None`` for the national programme.
    target_index : int
        The target's position in the programme's ``targets``, from 0.
    target_id, activity, fund_level, level, industry, product_group : str or None
        The target's own key and what it is for (``None``: not limited by that key).
    year : int or None
        The year of a target for one year, or of one year of a target for each year;
        ``None`` for the whole period.
    indicator : str
        A count (``establishments``, ``models``…), ``support_vnd``,
        ``total_investment_vnd``, ``jobs_created`` or ``workers_trained``.
    target, target_max : int, int or None
        The target (for a range, its ends).
    target_exactness, achieved_exactness : {"exact", "lower_bound", "approximate"}
    achieved : int or None
        ``None`` when no report on the programme covers it.
    reports : int
        The reports counted.
    share : decimal.Decimal or None
        achieved ÷ target, 4 decimals, rounded toward zero.
    met : bool or None
        ``None`` when the figures cannot say.
    """

    programme_id: str
    province: str | None
    target_index: int
    target_id: str | None
    activity: str | None
    fund_level: str | None
    level: str | None
    industry: str | None
    product_group: str | None
    year: int | None
    indicator: str
    target: int
    target_max: int | None
    target_exactness: str
    achieved: int | None
    achieved_exactness: str
    reports: int
    share: Decimal | None
    met: bool | None


class ProgressNote(TypedDict):
    """How the reports on a programme were matched (:attr:`khuyencong.Progress.notes`):
    ``code`` is ``no_reports``, ``report_within_another``, ``reports_overlap`` or
    ``report_outside_period``."""

    programme_id: str
    report_id: str | None
    code: str
    message_vi: str
    message_en: str


class Skipped(TypedDict):
    """A file, or a line of a JSON Lines file, that :func:`khuyencong.load` left out.

    Keys
    ----
    source : str
        The file.
    line : int or None
        The line of a JSON Lines file (from 1), else ``None``.
    reason : {"not_a_document", "unreadable_document", "unreadable_file"}
        ``not_a_document``: JSON that is not a scheme, plan, period report or programme (a provincial
        rule pack, a schema…); ``unreadable_document``: a document that cannot be read
        (its ``findings`` say why); ``unreadable_file``: the file cannot be read at all.
    message_vi, message_en : str
        What was left out and why.
    findings : list of Finding
        The problems of the document (empty for an unreadable file).
    """

    source: str
    line: int | None
    reason: Literal["not_a_document", "unreadable_document", "unreadable_file"]
    message_vi: str
    message_en: str
    findings: list[Finding]

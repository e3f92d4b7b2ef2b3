"""Result objects: what :func:`khuyencong.check`, :func:`khuyencong.totals`,
:func:`khuyencong.progress`, :func:`khuyencong.assess`, :func:`khuyencong.max_support` and :func:`khuyencong.parse_vnd`
return.

Each is frozen and has ``to_dict()`` (its JSON form: dates as ISO
strings, amounts as ``int`` đồng, shares as decimal strings). Those shown in notebooks
have ``_repr_html_`` (escaped; in the language of :func:`set_language`), and those that are
tables have ``rows()``, ``to_pandas()`` and ``to_polars()``. :class:`CheckResult` is built by
the binding (a whole batch at once, findings converted to dicts when first read); the others
are dataclasses.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from khuyencong import frames
from khuyencong._khuyencong import CheckResult, explain, render_citation
from khuyencong.errors import Error
from khuyencong.types import (
    DerivationStep,
    Finding,
    FindingRow,
    ProgressNote,
    ProgressRow,
    TotalsDocument,
    TotalsNote,
)

if TYPE_CHECKING:
    import pandas as _pandas  # type: ignore[import-not-found, import-untyped, unused-ignore]
    import polars as _polars  # type: ignore[import-not-found, import-untyped, unused-ignore]

__all__ = [
    "Assessment",
    "CheckResult",
    "ParsedAmount",
    "Progress",
    "SupportLimit",
    "Totals",
    "findings_frame",
    "get_language",
    "set_language",
]

_language: list[Literal["vi", "en"]] = ["vi"]


def set_language(lang: Literal["vi", "en"]) -> None:
    """Sets the language of notebook displays and of ``message`` columns.

    Parameters
    ----------
    lang : {"vi", "en"}
        Vietnamese (the default) or English.

    Raises
    ------
    khuyencong.Error
        For any other value.
    """
    if lang not in ("vi", "en"):
        raise Error(
            f"unknown language `{lang}`; expected `vi` or `en`",
            f"ngôn ngữ không hợp lệ `{lang}`; chọn `vi` hoặc `en`",
        )
    _language[0] = lang


def get_language() -> Literal["vi", "en"]:
    """The language of notebook displays.

    Returns
    -------
    {"vi", "en"}
        ``"vi"`` until :func:`set_language` is called.
    """
    return _language[0]


_LABELS: dict[str, tuple[str, str]] = {
    "document": ("Văn bản", "Document"),
    "no_findings": ("Không có vấn đề", "No findings"),
    "severity": ("Mức độ", "Severity"),
    "path": ("Vị trí", "Path"),
    "code": ("Mã", "Code"),
    "message": ("Nội dung", "Message"),
    "basis": ("Căn cứ", "Basis"),
    "error": ("Lỗi", "Error"),
    "warning": ("Cảnh báo", "Warning"),
    "info": ("Thông tin", "Info"),
    "verdict": ("Kết luận", "Verdict"),
    "eligible": ("Đủ điều kiện", "Eligible"),
    "not_eligible": ("Không đủ điều kiện", "Not eligible"),
    "indeterminate": ("Chưa xác định được", "Indeterminate"),
    "category": ("Đối tượng", "Beneficiary category"),
    "missing_facts": ("Dữ kiện còn thiếu", "Missing facts"),
    "confidence": ("Độ tin cậy", "Confidence"),
    "totals": ("Tổng hợp", "Totals"),
    "rows": ("dòng", "rows"),
    "max_support": ("Mức hỗ trợ tối đa", "Maximum support"),
    "not_assessed": ("Chưa tính được", "Not assessed"),
    "no_citation": ("không có căn cứ kèm theo mức này", "no citation given with this level"),
}


def _t(key: str) -> str:
    vi, en = _LABELS.get(key, (key, key))
    return vi if get_language() == "vi" else en


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _money(amount: int) -> str:
    sep = "." if get_language() == "vi" else ","
    return f"{amount:,}".replace(",", sep)


def _citation(citation: Any, lang: Literal["vi", "en"] | None = None) -> str | None:
    """A citation rendered in ``lang`` by the core: a national instrument's, or a
    provincial rule pack's (its resolution or decision, article, clause and point, and "số
    hiệu chưa rõ" when the pack does not give the number), as the command line renders it."""
    if not isinstance(citation, dict):
        return None
    try:
        return render_citation(citation, lang or get_language())
    except Error:
        return None


def _finding_row(finding: Finding) -> dict[str, Any]:
    lang = get_language()
    return {
        "severity": finding.get("severity"),
        "code": finding.get("code"),
        "path": finding.get("path"),
        "message": finding.get(f"message_{lang}"),
        "message_vi": finding.get("message_vi"),
        "message_en": finding.get("message_en"),
        "citation": _citation(finding.get("citation")),
        "confidence": finding.get("confidence"),
    }


def _counts(findings: Sequence[Finding]) -> str:
    errors = sum(1 for f in findings if f.get("severity") == "error")
    warnings = sum(1 for f in findings if f.get("severity") == "warning")
    return f"errors={errors}, warnings={warnings}, info={len(findings) - errors - warnings}"


def _findings_html(findings: Sequence[Finding]) -> str:
    if not findings:
        return f"<p>✓ {_e(_t('no_findings'))}</p>"
    head = "".join(f"<th>{_e(_t(k))}</th>" for k in ("severity", "path", "code", "message", "basis"))
    body = []
    for f in findings:
        row = _finding_row(f)
        sev = row["severity"]
        body.append(
            f'<tr class="khuyencong-{_e(sev)}"><td>{_e(_t(str(sev)))}</td>'
            f"<td><code>{_e(row['path'] or '/')}</code></td><td><code>{_e(row['code'])}</code></td>"
            f"<td>{_e(row['message'])}</td><td>{_e(row['citation'] or '')}</td></tr>"
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


# `CheckResult` is built by the binding for a whole batch (see its docstring); what it shows
# in tables and notebooks is written here, once for every result.


def _result_rows(result: CheckResult) -> list[FindingRow]:
    """:meth:`CheckResult.rows`."""
    return [
        {"kind": result.kind, "id": result.id, **_finding_row(f)}  # type: ignore[typeddict-item]
        for f in result.findings
    ]


def _result_pandas(result: CheckResult) -> _pandas.DataFrame:
    """:meth:`CheckResult.to_pandas`."""
    return frames.to_pandas(result.rows())


def _result_polars(result: CheckResult) -> _polars.DataFrame:
    """:meth:`CheckResult.to_polars`."""
    return frames.to_polars(result.rows())


def _result_html(result: CheckResult) -> str:
    """``CheckResult._repr_html_``."""
    title = f"{_e(_t('document'))} <code>{_e(result.kind or '?')}</code> <b>{_e(result.id or '?')}</b>"
    return f"<div><p>{title}</p>{_findings_html(result.findings)}</div>"


_SHARES = ("support_share", "counterpart_per_support")


@dataclass(frozen=True, slots=True, repr=False)
class Totals:
    """Exact totals: one flat dict per group, the grouping keys first in the order of ``by``, then
    ``documents``, ``documents_with_errors``, ``funding_vnd``, ``support_vnd``,
    ``total_investment_vnd``, ``counterpart_vnd``, ``establishments``, ``jobs_created``,
    ``workers_trained`` (``int``), ``counts`` (a dict of every other count by kind),
    ``exactness`` (``exact``, ``lower_bound``, ``approximate``), ``support_share`` and
    ``counterpart_per_support`` (``decimal.Decimal`` or ``None``) and
    ``avg_support_per_establishment_vnd`` (``int`` or ``None``). A key is ``None`` where the
    figures do not have it (funding has no activity, results have no source), and
    ``"not_itemised"`` for the part of a stated total its lines do not break down by that
    key. ``documents`` lists every input document (``index``, ``id``, ``kind``, ``errors``):
    documents with errors are included as stated, and named here.

    ``notes`` says how grouping keys were read, one dict per document and key
    (``document``, ``key``, ``code``, ``text``, ``value``, ``message_vi``, ``message_en``):
    a province written otherwise than the list (``province_normalised``), a province that
    did not exist at the document's date (``province_not_of_date``), a former province under
    today's unit (``province_successor``), a name that is not a province of the list
    (``province_not_recognised``), white space or Unicode form changed
    (``text_normalised``)."""

    by: tuple[str, ...]
    rows: list[dict[str, Any]]
    documents: list[TotalsDocument] = field(default_factory=list)
    notes: list[TotalsNote] = field(default_factory=list)

    def __repr__(self) -> str:
        return (
            f"Totals(by={self.by!r}, rows={len(self.rows)}, documents={len(self.documents)}, "
            f"notes={len(self.notes)})"
        )

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def to_dict(self) -> dict[str, Any]:
        """The totals' JSON form.

        Returns
        -------
        dict
            ``{"by", "rows", "documents", "notes"}`` with shares as decimal strings.
        """
        return {
            "by": list(self.by),
            "rows": [
                {k: (str(v) if isinstance(v, Decimal) else v) for k, v in row.items()}
                for row in self.rows
            ],
            "documents": [dict(d) for d in self.documents],
            "notes": [dict(n) for n in self.notes],
        }

    def _frame(self) -> tuple[list[str], list[dict[str, Any]], dict[str, str]]:
        columns = list(dict.fromkeys([*self.by, *(k for row in self.rows for k in row)]))
        for share in _SHARES:
            if share in columns:
                columns.insert(columns.index(share) + 1, f"{share}_float")
        rows = []
        for row in self.rows:
            out = dict(row)
            for share in _SHARES:
                v = row.get(share)
                out[f"{share}_float"] = float(v) if isinstance(v, Decimal) else None
            rows.append(out)
        hints = {k: "string" for k in self.by}
        hints["counts"] = "object"
        hints.update({s: "decimal" for s in _SHARES})
        hints.update({f"{s}_float": "float" for s in _SHARES})
        return columns, rows, hints

    def to_pandas(self) -> _pandas.DataFrame:
        """The rows as a ``pandas.DataFrame``.

        Returns
        -------
        pandas.DataFrame
            The key columns first, in the order of ``by``, then the figures. One
            missing-value marker, ``pandas.NA``: keys are the ``string`` dtype, amounts and
            counts ``int64`` (``Int64`` where some are missing; never ``float``), shares exact ``decimal.Decimal`` (``object``)
            each followed by a ``float`` copy for plotting (``support_share_float``,
            ``counterpart_per_support_float``, ``Float64``).
        """
        return frames.typed_pandas(*self._frame())

    def to_polars(self) -> _polars.DataFrame:
        """The rows as a ``polars.DataFrame``.

        Returns
        -------
        polars.DataFrame
            As :meth:`to_pandas`: keys first in the order of ``by``, missing values null,
            amounts ``Int64``, shares ``Decimal`` each followed by a ``Float64`` copy
            (``support_share_float``…).
        """
        return frames.typed_polars(*self._frame())

    def _repr_html_(self) -> str:
        columns = list(self.by) + [
            "documents",
            "documents_with_errors",
            "funding_vnd",
            "support_vnd",
            "total_investment_vnd",
            "counterpart_vnd",
            "establishments",
            "support_share",
        ]
        head = "".join(f"<th>{_e(c)}</th>" for c in columns)
        body = []
        for row in self.rows:
            cells = []
            for c in columns:
                v = row.get(c)
                text = _money(v) if type(v) is int and c.endswith("_vnd") else ("—" if v is None else v)
                cells.append(f"<td>{_e(text)}</td>")
            body.append(f"<tr>{''.join(cells)}</tr>")
        caption = f"{_e(_t('totals'))}: {len(self.rows)} {_e(_t('rows'))}"
        return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


# The columns of a progress row that are text (their values may all be missing).
_PROGRESS_TEXT = (
    "programme_id",
    "province",
    "target_id",
    "activity",
    "fund_level",
    "level",
    "industry",
    "product_group",
    "indicator",
    "target_exactness",
    "achieved_exactness",
)


@dataclass(frozen=True, slots=True, repr=False)
class Progress:
    """Programme targets against results (:func:`khuyencong.progress`).

    ``repr`` is one line (rows, targets met, not met, undecided, notes).

    Attributes
    ----------
    rows : list of ProgressRow
        One flat dict per target and indicator (and year, for a target for each year):
        ``programme_id``, ``province``, ``target_index``, ``target_id``, ``activity``,
        ``fund_level``, ``level``, ``industry``, ``product_group``, ``year``,
        ``indicator`` (a count such as ``establishments``, or ``support_vnd``,
        ``total_investment_vnd``, ``jobs_created``, ``workers_trained``), ``target`` and
        ``target_max`` (``int``), ``target_exactness``, ``achieved`` (``int`` or ``None``
        when no report covers it), ``achieved_exactness``, ``reports``, ``share``
        (``decimal.Decimal`` or ``None``) and ``met`` (``True``, ``False`` or ``None`` when
        the figures cannot say). See :class:`khuyencong.types.ProgressRow`.
    notes : list of ProgressNote
        How reports were matched (``programme_id``, ``report_id``, ``code``:
        ``no_reports``, ``report_within_another``, ``reports_overlap``,
        ``report_outside_period``; ``message_vi``, ``message_en``).
    """

    rows: list[ProgressRow]
    notes: list[ProgressNote] = field(default_factory=list)

    def __repr__(self) -> str:
        met = sum(1 for r in self.rows if r.get("met") is True)
        not_met = sum(1 for r in self.rows if r.get("met") is False)
        return (
            f"Progress(rows={len(self.rows)}, met={met}, not_met={not_met}, "
            f"undecided={len(self.rows) - met - not_met}, notes={len(self.notes)})"
        )

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[ProgressRow]:
        return iter(self.rows)

    def to_dict(self) -> dict[str, Any]:
        """The progress' JSON form.

        Returns
        -------
        dict
            ``{"rows": [...], "notes": [...]}`` with shares as decimal strings.
        """
        return {
            "rows": [
                {k: (str(v) if isinstance(v, Decimal) else v) for k, v in row.items()}
                for row in self.rows
            ],
            "notes": [dict(n) for n in self.notes],
        }

    def _frame(self) -> tuple[list[str], list[dict[str, Any]], dict[str, str]]:
        columns = list(dict.fromkeys(k for row in self.rows for k in row))
        if not columns:
            columns = list(ProgressRow.__annotations__)
        if "share" in columns:
            columns.insert(columns.index("share") + 1, "share_float")
        rows = []
        for row in self.rows:
            out: dict[str, Any] = dict(row)
            v = row.get("share")
            out["share_float"] = float(v) if isinstance(v, Decimal) else None
            rows.append(out)
        hints = {k: "string" for k in _PROGRESS_TEXT}
        hints.update(
            {k: "int" for k in ("target_index", "year", "target", "target_max", "achieved", "reports")}
        )
        hints.update(share="decimal", share_float="float", met="bool")
        return columns, rows, hints

    def to_pandas(self) -> _pandas.DataFrame:
        """The rows as a ``pandas.DataFrame``.

        Returns
        -------
        pandas.DataFrame
            One missing-value marker, ``pandas.NA``: text is the ``string`` dtype, figures
            and years ``int64`` (``Int64`` where some are missing; never ``float``),
            ``met`` ``boolean``, ``share`` exact ``decimal.Decimal`` (``object``) followed
            by a ``Float64`` copy for plotting, ``share_float``.
        """
        return frames.typed_pandas(*self._frame())

    def to_polars(self) -> _polars.DataFrame:
        """The rows as a ``polars.DataFrame``.

        Returns
        -------
        polars.DataFrame
            As :meth:`to_pandas`: missing values null, figures ``Int64``, ``met``
            ``Boolean``, ``share`` ``Decimal`` followed by a ``Float64`` copy,
            ``share_float``.
        """
        return frames.typed_polars(*self._frame())


@dataclass(frozen=True, slots=True, repr=False)
class Assessment:
    """Whether an applicant may receive an activity on a date (Decree 45/2012 Art. 1.2,
    5, 6), with every finding cited.

    ``verdict`` is ``eligible``, ``not_eligible`` or ``indeterminate`` (then
    ``missing_facts`` lists, as JSON Pointers into the applicant, what is needed to decide).
    """

    verdict: str
    beneficiary_category: str | None
    findings: list[Finding]
    missing_facts: list[str]
    priorities: list[dict[str, Any]]
    sme_status: dict[str, Any] | None
    regime: str
    as_of: datetime.date
    plan_year: int
    activity: str
    confidence: str

    @classmethod
    def _from_json(cls, data: dict[str, Any]) -> Assessment:
        return cls(
            verdict=data["verdict"],
            beneficiary_category=data.get("beneficiary_category"),
            findings=data["findings"],
            missing_facts=data["missing_facts"],
            priorities=data["priorities"],
            sme_status=data.get("sme_status"),
            regime=data["regime"],
            as_of=datetime.date.fromisoformat(data["as_of"]),
            plan_year=data["plan_year"],
            activity=data["activity"],
            confidence=data["confidence"],
        )

    @property
    def eligible(self) -> bool:
        """The verdict is ``eligible``."""
        return self.verdict == "eligible"

    def __repr__(self) -> str:
        return (
            f"Assessment(activity={self.activity!r}, as_of={self.as_of.isoformat()!r}, "
            f"verdict={self.verdict!r}, missing_facts={len(self.missing_facts)}, "
            f"{_counts(self.findings)})"
        )

    def to_dict(self) -> dict[str, Any]:
        """The assessment's JSON form.

        Returns
        -------
        dict
            As the core writes it, ``as_of`` as an ISO string.
        """
        out: dict[str, Any] = {
            "verdict": self.verdict,
            "beneficiary_category": self.beneficiary_category,
            "findings": list(self.findings),
            "missing_facts": list(self.missing_facts),
            "priorities": list(self.priorities),
        }
        if self.sme_status is not None:
            out["sme_status"] = self.sme_status
        out.update(
            regime=self.regime,
            as_of=self.as_of.isoformat(),
            plan_year=self.plan_year,
            activity=self.activity,
            confidence=self.confidence,
        )
        return out

    def rows(self) -> list[dict[str, Any]]:
        """One flat dict per finding.

        Returns
        -------
        list of dict
            As :meth:`CheckResult.rows`, with the activity.
        """
        return [{"activity": self.activity, **_finding_row(f)} for f in self.findings]

    def to_pandas(self) -> _pandas.DataFrame:
        """The findings as a ``pandas.DataFrame``.

        Returns
        -------
        pandas.DataFrame
            One row per finding (see :meth:`rows`).
        """
        return frames.to_pandas(self.rows())

    def to_polars(self) -> _polars.DataFrame:
        """The findings as a ``polars.DataFrame``.

        Returns
        -------
        polars.DataFrame
            One row per finding (see :meth:`rows`).
        """
        return frames.to_polars(self.rows())

    def _repr_html_(self) -> str:
        lines = [
            f"<p><b>{_e(_t('verdict'))}:</b> {_e(_t(self.verdict))} — <code>{_e(self.activity)}</code>, {_e(self.as_of.isoformat())}</p>",
            f"<p>{_e(_t('category'))}: <code>{_e(self.beneficiary_category or '—')}</code>; {_e(_t('confidence'))}: {_e(self.confidence)}</p>",
        ]
        if self.missing_facts:
            facts = ", ".join(f"<code>{_e(m)}</code>" for m in self.missing_facts)
            lines.append(f"<p>{_e(_t('missing_facts'))}: {facts}</p>")
        return f"<div>{''.join(lines)}{_findings_html(self.findings)}</div>"


@dataclass(frozen=True, slots=True, repr=False)
class SupportLimit:
    """The most state support for an activity (``min(share × cost, cap × multipliers)``),
    with its derivation, basis and confidence.

    ``status`` is ``assessed`` (``max_support_vnd`` is set) or ``not_assessed`` (the level
    is not known: ``reason_vi`` and ``reason_en`` say why); ``assessed`` says the same as a
    ``bool``. ``unit`` is what the level is per (``per_establishment``, ``per_model``…),
    ``units`` how many the cost covers; ``cap_per_unit_vnd`` and ``share_limit_vnd`` are the
    two limits before the lower is taken. ``support_regime`` is ``None`` before 2014-04-08.
    """

    status: str
    max_support_vnd: int | None
    eligible_cost_vnd: int | None
    binding: str | None
    citation: dict[str, Any]
    confidence: str | None
    rule_id: str | None
    rule_source: str | None
    support_regime: str | None
    derivation: list[DerivationStep]
    conditions: list[str]
    reason_vi: str | None
    reason_en: str | None
    unit: str | None
    units: int | None
    cap_per_unit_vnd: int | None
    share_limit_vnd: int | None
    _data: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def _from_json(cls, data: dict[str, Any]) -> SupportLimit:
        return cls(
            status=data["status"],
            max_support_vnd=data.get("max_support_vnd"),
            eligible_cost_vnd=data.get("eligible_cost_vnd"),
            binding=data.get("binding"),
            citation=data["citation"],
            confidence=data.get("confidence"),
            rule_id=data.get("rule_id"),
            rule_source=data.get("rule_source"),
            support_regime=data.get("support_regime"),
            derivation=data.get("derivation", []),
            conditions=data.get("conditions", []),
            reason_vi=data.get("reason_vi"),
            reason_en=data.get("reason_en"),
            unit=data.get("unit"),
            units=data.get("units"),
            cap_per_unit_vnd=data.get("cap_per_unit_vnd"),
            share_limit_vnd=data.get("share_limit_vnd"),
            _data=data,
        )

    @property
    def assessed(self) -> bool:
        """The limit was computed (``False``: not assessed, with the reason)."""
        return bool(self._data.get("assessed", self.status == "assessed"))

    def to_dict(self) -> dict[str, Any]:
        """The limit's JSON form.

        Returns
        -------
        dict
            As the core writes it.
        """
        return dict(self._data)

    def basis(self, lang: Literal["vi", "en"] | None = None) -> str:
        """The legal basis of the limit, rendered; never empty.

        Parameters
        ----------
        lang : {"vi", "en"}, optional
            The language (by default :func:`get_language`).

        Returns
        -------
        str
            The instrument, article, clause and point of a national level
            (``"khoản 4 Điều 8 Thông tư số 28/2018/TT-BTC"``); for a level of a provincial
            rule pack, its resolution or decision, with the article the pack gives, and a
            number not given said as such (``"Nghị quyết (chưa rõ số hiệu) của Hội đồng
            nhân dân Đắk Lắk"``) — the command line's rendering. A citation that cannot
            be rendered is said to be missing, never shown empty.
        """
        lang = lang or get_language()
        text = _citation(self.citation, lang)
        if text:
            return text
        vi, en = _LABELS["no_citation"]
        return vi if lang == "vi" else en

    def __repr__(self) -> str:
        if self.max_support_vnd is None:
            return f"SupportLimit(status={self.status!r}, rule_source={self.rule_source!r})"
        return (
            f"SupportLimit(status={self.status!r}, max_support_vnd={self.max_support_vnd}, "
            f"binding={self.binding!r}, rule_source={self.rule_source!r})"
        )

    def __str__(self) -> str:
        lang = get_language()
        if self.max_support_vnd is None:
            reason = self.reason_vi if lang == "vi" else self.reason_en
            return f"{_t('not_assessed')}: {reason} — {_t('basis')}: {self.basis(lang)}"
        unit = "đồng" if lang == "vi" else "VND"
        return (
            f"{_t('max_support')}: {_money(self.max_support_vnd)} {unit} [{self.binding}] — "
            f"{_t('basis')}: {self.basis(lang)}; {_t('confidence')}: {self.confidence}"
        )

    def _repr_html_(self) -> str:
        lang = get_language()
        basis = self.basis(lang)
        if self.max_support_vnd is None:
            reason = self.reason_vi if lang == "vi" else self.reason_en
            return f"<div><p><b>{_e(_t('not_assessed'))}:</b> {_e(reason)}</p><p>{_e(_t('basis'))}: {_e(basis)}</p></div>"
        steps = "".join(
            f"<li>{_e(s.get(f'description_{lang}'))}"
            + (f" <i>({_e(c)})</i>" if (c := _citation(s.get("citation"), lang)) else "")
            + "</li>"
            for s in self.derivation
        )
        return (
            f"<div><p><b>{_e(_t('max_support'))}:</b> {_e(_money(self.max_support_vnd))} đồng "
            f"[{_e(self.binding)}]</p><p>{_e(_t('basis'))}: {_e(basis)}; {_e(_t('confidence'))}: "
            f"{_e(self.confidence)}</p><ol>{steps}</ol></div>"
        )


@dataclass(frozen=True, slots=True)
class ParsedAmount:
    """An amount read from Vietnamese notation: ``vnd`` (``int`` đồng) and ``exactness``
    (``exact``, ``lower_bound`` for *hơn*/*trên*, ``approximate`` for *gần*/*khoảng*)."""

    vnd: int
    exactness: str

    def to_dict(self) -> dict[str, Any]:
        """The amount's JSON form.

        Returns
        -------
        dict
            ``{"amount": vnd, "exactness": ...}``, as the core writes it.
        """
        return {"amount": self.vnd, "exactness": self.exactness}


FINDINGS_COLUMNS = (
    "id",
    "kind",
    "file",
    "line",
    "code",
    "severity",
    "path",
    "cell",
    "message",
    "fix",
    "citation",
    "confidence",
)
"""The columns of :func:`findings_frame`, in order."""

_FINDINGS_HINTS = {c: ("int" if c == "line" else "string") for c in FINDINGS_COLUMNS}


def _fix(code: str, lang: Literal["vi", "en"], cache: dict[str, str | None]) -> str | None:
    if code not in cache:
        try:
            cache[code] = explain(code)[f"fix_{lang}"] or None
        except Error:
            cache[code] = None
    return cache[code]


def findings_frame(
    results: CheckResult | Iterable[CheckResult],
    lang: Literal["vi", "en"] | None = None,
    backend: Literal["pandas", "polars"] = "pandas",
) -> Any:
    """One frame of every finding of a batch of check results.

    Parameters
    ----------
    results : CheckResult or iterable of CheckResult
        What :func:`khuyencong.check`, :func:`khuyencong.check_many` or
        :meth:`khuyencong.SheetDocument.check` returned.
    lang : {"vi", "en"}, optional
        The language of ``message``, ``fix`` and ``citation`` (by default
        :func:`get_language`, Vietnamese unless set).
    backend : {"pandas", "polars"}
        The library of the frame (imported only now).

    Returns
    -------
    pandas.DataFrame or polars.DataFrame
        One row per finding, in the order of the results and of their findings, with the
        columns of ``FINDINGS_COLUMNS`` in this order: ``id``, ``kind`` (of the document),
        ``file`` and ``line`` (where it was read from, if from a file), ``code``,
        ``severity``, ``path`` (JSON Pointer), ``cell`` (of a spreadsheet), ``message``,
        ``fix`` (how to fix it, from :func:`khuyencong.explain`), ``citation`` (rendered)
        and ``confidence``. A value that does not apply is missing (``pandas.NA`` or
        null); ``path`` is ``""`` for the whole document (a JSON Pointer). A batch without findings gives a frame with these
        columns and no row.

    Raises
    ------
    khuyencong.Error
        For an unknown ``lang`` or ``backend``.
    TypeError
        For an item that is not a :class:`CheckResult`.
    ImportError
        When the backend library is not installed.

    Examples
    --------
    >>> import khuyencong
    >>> results = khuyencong.check_many([{"kind": "plan"}])
    >>> khuyencong.findings_frame(results, lang="en", backend="polars")["code"][0]
    'structure.missing_field'
    """
    if lang is None:
        lang = get_language()
    if lang not in ("vi", "en"):
        raise Error(
            f"unknown language `{lang}`; expected `vi` or `en`",
            f"ngôn ngữ không hợp lệ `{lang}`; chọn `vi` hoặc `en`",
        )
    if backend not in ("pandas", "polars"):
        raise Error(
            f"unknown backend `{backend}`; expected `pandas` or `polars`",
            f"thư viện bảng không hợp lệ `{backend}`; chọn `pandas` hoặc `polars`",
        )
    items = [results] if isinstance(results, CheckResult) else results
    fixes: dict[str, str | None] = {}
    rows: list[dict[str, Any]] = []
    for i, r in enumerate(items):
        if not isinstance(r, CheckResult):
            raise TypeError(
                f"findings_frame() takes check results, not {type(r).__name__} (item {i})"
            )
        file = r.file
        if file is None:
            sheet = getattr(r, "sheet", None)
            file = getattr(sheet, "source", None)
        for f in r.findings:
            code = f.get("code")
            rows.append(
                {
                    "id": r.id,
                    "kind": r.kind,
                    "file": file,
                    "line": r.line,
                    "code": code,
                    "severity": f.get("severity"),
                    "path": f.get("path"),
                    "cell": f.get("cell"),
                    "message": f.get(f"message_{lang}"),
                    "fix": _fix(code, lang, fixes) if isinstance(code, str) else None,
                    "citation": _citation(f.get("citation"), lang),
                    "confidence": f.get("confidence"),
                }
            )
    if backend == "polars":
        return frames.typed_polars(FINDINGS_COLUMNS, rows, _FINDINGS_HINTS)
    return frames.typed_pandas(FINDINGS_COLUMNS, rows, _FINDINGS_HINTS)

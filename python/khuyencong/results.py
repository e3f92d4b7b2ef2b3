"""Result objects: what :func:`khuyencong.check`, :func:`khuyencong.totals`,
:func:`khuyencong.assess`, :func:`khuyencong.max_support` and :func:`khuyencong.parse_vnd`
return.

Each is a frozen, slotted dataclass with ``to_dict()`` (its JSON form: dates as ISO
strings, amounts as ``int`` đồng, shares as decimal strings). Those shown in notebooks
have ``_repr_html_`` (escaped; in the language of :func:`set_language`), and those that are
tables have ``rows()``, ``to_pandas()`` and ``to_polars()``.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from khuyencong import frames
from khuyencong._khuyencong import Document, render_citation
from khuyencong.errors import Error

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
    "get_language",
    "set_language",
]

_language: list[Literal["vi", "en"]] = ["vi"]


def set_language(lang: Literal["vi", "en"]) -> None:
    """Sets the language of notebook displays and of ``message`` columns: ``"vi"`` or ``"en"``.

    Raises :class:`khuyencong.Error` for any other value.
    """
    if lang not in ("vi", "en"):
        raise Error(
            f"unknown language `{lang}`; expected `vi` or `en`",
            f"ngôn ngữ không hợp lệ `{lang}`; chọn `vi` hoặc `en`",
        )
    _language[0] = lang


def get_language() -> Literal["vi", "en"]:
    """The language of notebook displays (``"vi"`` until :func:`set_language` is called)."""
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
}


def _t(key: str) -> str:
    vi, en = _LABELS.get(key, (key, key))
    return vi if get_language() == "vi" else en


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _money(amount: int) -> str:
    sep = "." if get_language() == "vi" else ","
    return f"{amount:,}".replace(",", sep)


def _citation(citation: Any) -> str | None:
    if not isinstance(citation, dict):
        return None
    try:
        return render_citation(citation, get_language())
    except Error:
        return None


def _finding_row(finding: dict[str, Any]) -> dict[str, Any]:
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


def _findings_html(findings: Sequence[dict[str, Any]]) -> str:
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


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The findings of one document, in the core's deterministic order.

    ``kind`` and ``id`` are ``None`` when the input could not be read (its findings then
    have ``structure.*`` codes); ``document`` is the :class:`Document` read, if any. Each
    finding is a dict: ``code``, ``severity`` (``error``, ``warning``, ``info``), ``path``
    (a JSON Pointer), ``message_vi``, ``message_en`` and, when known, ``citation``,
    ``confidence``, ``facts`` and ``params``.
    """

    kind: str | None
    id: str | None
    findings: list[dict[str, Any]]
    document: Document | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        """No finding is an error (warnings and information are allowed)."""
        return not any(f.get("severity") == "error" for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """``{"kind", "id", "ok", "findings"}``."""
        return {"kind": self.kind, "id": self.id, "ok": self.ok, "findings": list(self.findings)}

    def rows(self) -> list[dict[str, Any]]:
        """One flat dict per finding, for tables: the document's ``kind`` and ``id``, then
        ``severity``, ``code``, ``path``, ``message`` (in :func:`get_language`),
        ``message_vi``, ``message_en``, ``citation`` (rendered) and ``confidence``."""
        return [{"kind": self.kind, "id": self.id, **_finding_row(f)} for f in self.findings]

    def to_pandas(self) -> _pandas.DataFrame:
        """The findings as a ``pandas.DataFrame`` (see :meth:`rows`)."""
        return frames.to_pandas(self.rows())

    def to_polars(self) -> _polars.DataFrame:
        """The findings as a ``polars.DataFrame`` (see :meth:`rows`)."""
        return frames.to_polars(self.rows())

    def _repr_html_(self) -> str:
        title = f"{_e(_t('document'))} <code>{_e(self.kind or '?')}</code> <b>{_e(self.id or '?')}</b>"
        return f"<div><p>{title}</p>{_findings_html(self.findings)}</div>"


@dataclass(frozen=True, slots=True)
class Totals:
    """Exact totals: one flat dict per group, the grouping keys (``by``) first, then
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
    documents: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def to_dict(self) -> dict[str, Any]:
        """``{"by": [...], "rows": [...], "notes": [...]}`` with shares as decimal strings."""
        return {
            "by": list(self.by),
            "rows": [
                {k: (str(v) if isinstance(v, Decimal) else v) for k, v in row.items()}
                for row in self.rows
            ],
            "documents": [dict(d) for d in self.documents],
            "notes": [dict(n) for n in self.notes],
        }

    def to_pandas(self) -> _pandas.DataFrame:
        """The rows as a ``pandas.DataFrame``; amounts stay ``int64``."""
        return frames.to_pandas(self.rows)

    def to_polars(self) -> _polars.DataFrame:
        """The rows as a ``polars.DataFrame``."""
        return frames.to_polars(self.rows)

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


@dataclass(frozen=True, slots=True)
class Progress:
    """Programme targets against results: one flat dict per target and indicator (and year,
    for a target for each year) — ``programme_id``, ``province``, ``target_index``,
    ``target_id``, ``activity``, ``fund_level``, ``level``, ``industry``, ``product_group``,
    ``year``, ``indicator`` (a count such as ``establishments``, or ``support_vnd``,
    ``total_investment_vnd``, ``jobs_created``, ``workers_trained``), ``target`` and
    ``target_max`` (``int``), ``target_exactness``, ``achieved`` (``int`` or ``None`` when no
    report covers it), ``achieved_exactness``, ``reports``, ``share`` (``Decimal`` or
    ``None``) and ``met`` (``True``, ``False`` or ``None`` when the figures cannot say).
    ``notes`` says how reports were matched (``no_reports``, ``report_within_another``,
    ``reports_overlap``, ``report_outside_period``)."""

    rows: list[dict[str, Any]]
    notes: list[dict[str, Any]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def to_dict(self) -> dict[str, Any]:
        """``{"rows": [...], "notes": [...]}`` with shares as decimal strings."""
        return {
            "rows": [
                {k: (str(v) if isinstance(v, Decimal) else v) for k, v in row.items()}
                for row in self.rows
            ],
            "notes": [dict(n) for n in self.notes],
        }

    def to_pandas(self) -> _pandas.DataFrame:
        """The rows as a ``pandas.DataFrame``; figures stay integers."""
        return frames.to_pandas(self.rows)

    def to_polars(self) -> _polars.DataFrame:
        """The rows as a ``polars.DataFrame``."""
        return frames.to_polars(self.rows)


@dataclass(frozen=True, slots=True)
class Assessment:
    """Whether an applicant may receive an activity on a date (Decree 45/2012 Art. 1.2,
    5, 6), with every finding cited.

    ``verdict`` is ``eligible``, ``not_eligible`` or ``indeterminate`` (then
    ``missing_facts`` lists, as JSON Pointers into the applicant, what is needed to decide).
    """

    verdict: str
    beneficiary_category: str | None
    findings: list[dict[str, Any]]
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

    def to_dict(self) -> dict[str, Any]:
        """The assessment's JSON form (``as_of`` as an ISO string)."""
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
        """One flat dict per finding (as :meth:`CheckResult.rows`, with the activity)."""
        return [{"activity": self.activity, **_finding_row(f)} for f in self.findings]

    def to_pandas(self) -> _pandas.DataFrame:
        """The findings as a ``pandas.DataFrame``."""
        return frames.to_pandas(self.rows())

    def to_polars(self) -> _polars.DataFrame:
        """The findings as a ``polars.DataFrame``."""
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


@dataclass(frozen=True, slots=True)
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
    derivation: list[dict[str, Any]]
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
        """The limit's JSON form, as the core writes it."""
        return dict(self._data)

    def _repr_html_(self) -> str:
        lang = get_language()
        basis = _citation(self.citation) or ""
        if self.max_support_vnd is None:
            reason = self.reason_vi if lang == "vi" else self.reason_en
            return f"<div><p><b>{_e(_t('not_assessed'))}:</b> {_e(reason)}</p><p>{_e(_t('basis'))}: {_e(basis)}</p></div>"
        steps = "".join(f"<li>{_e(s.get(f'description_{lang}'))}</li>" for s in self.derivation)
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
        """``{"amount": vnd, "exactness": ...}``, the core's JSON form."""
        return {"amount": self.vnd, "exactness": self.exactness}

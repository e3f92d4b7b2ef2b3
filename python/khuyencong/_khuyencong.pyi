"""The native module of khuyencong (Rust, PyO3): conversions and delegation to the core."""

import datetime
from decimal import Decimal
from typing import Any, Literal, NotRequired, TypedDict

from khuyencong.errors import ValidationError

__all__ = [
    "__version__",
    "catalog",
    "regime_at",
    "parse_citation",
    "render_citation",
    "_as_vnd",
    "_as_share",
    "_json_round_trip",
    "_json_loads",
    "_validation_error",
]

__version__: str

class _Citation(TypedDict):
    """A citation in its compact form: ``{"instrument": "nd_45_2012", "article": 4, ...}``."""

    instrument: str
    article: NotRequired[int]
    clause: NotRequired[int]
    point: NotRequired[str]

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

def render_citation(citation: _Citation | dict[str, Any], lang: str = "vi") -> str:
    """Renders a citation dict in ``lang`` (``"vi"`` or ``"en"``).

    Takes the compact form :func:`parse_citation` returns, or a catalogue item's
    ``citation`` (its ``vi`` and ``en`` renderings are set aside).

    Raises :class:`khuyencong.Error` for an invalid citation (unknown instrument or
    field, a clause without an article, point letters such as f or w).
    """

def _as_vnd(amount: int | Decimal) -> int:
    """An amount in đồng; a ``float`` or ``bool`` raises :class:`TypeError`."""

def _as_share(share: Decimal | int | str) -> Decimal:
    """A share in [0, 1] as a normalised ``Decimal``; a ``float`` raises :class:`TypeError`."""

def _json_round_trip(value: Any) -> Any:
    """Plain data through the binding's JSON conversion and back."""

def _json_loads(text: str) -> Any:
    """JSON text parsed by the binding and converted to Python objects."""

def _validation_error(findings: list[dict[str, Any]]) -> ValidationError:
    """The ``ValidationError`` a check raises for these findings (returned, not raised)."""

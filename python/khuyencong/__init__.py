"""Vietnam's industrial-extension law (khuyến công) as code.

Decree 45/2012/NĐ-CP as amended by Decree 235/2025/NĐ-CP, with the circulars that set
support levels, as typed, dated, cited data with validation. The rules live in the Rust
crate ``khuyencong``; this package is its Python face.

>>> import khuyencong
>>> khuyencong.regime_at("2025-10-15")
'regime_2025'
>>> c = khuyencong.parse_citation("Decree 45/2012/ND-CP, Art. 4(3)(b)")
>>> khuyencong.render_citation(c, "vi")
'điểm b khoản 3 Điều 4 Nghị định số 45/2012/NĐ-CP'

>>> khuyencong.parse_vnd("1.400 triệu đồng").vnd
1400000000
>>> khuyencong.check({"kind": "plan"}).findings[0]["code"]
'structure.missing_field'

Dates are ``datetime.date`` or ISO strings; amounts are ``int`` đồng; shares are
``decimal.Decimal``; floats are refused. Rejected values raise :class:`Error` (a
``ValueError``) with messages in English and Vietnamese. See ``docs/python.md``.
"""

from khuyencong._khuyencong import (
    Document,
    __version__,
    catalog,
    explain,
    finding_codes,
    json_schema,
    packs,
    parse_citation,
    regime_at,
    render_citation,
)
from khuyencong.api import (
    assess,
    Loaded,
    check,
    check_many,
    load,
    max_support,
    parse_vnd,
    progress,
    totals,
    upgrade,
)
from khuyencong.errors import Error, LoadWarning, PathAsTextError, ValidationError
from khuyencong.sheets import (
    SheetCheckResult,
    SheetDocument,
    from_pandas,
    from_polars,
    from_records,
    read_excel,
    to_excel,
)
from khuyencong.types import Finding
from khuyencong.results import (
    Assessment,
    CheckResult,
    ParsedAmount,
    Progress,
    SupportLimit,
    Totals,
    findings_frame,
    get_language,
    set_language,
)

__all__ = [
    "Assessment",
    "CheckResult",
    "Document",
    "Error",
    "Finding",
    "LoadWarning",
    "Loaded",
    "ParsedAmount",
    "PathAsTextError",
    "Progress",
    "SheetCheckResult",
    "SheetDocument",
    "SupportLimit",
    "Totals",
    "ValidationError",
    "__version__",
    "assess",
    "catalog",
    "check",
    "check_many",
    "explain",
    "finding_codes",
    "findings_frame",
    "from_pandas",
    "from_polars",
    "from_records",
    "get_language",
    "json_schema",
    "load",
    "max_support",
    "packs",
    "parse_citation",
    "parse_vnd",
    "progress",
    "read_excel",
    "regime_at",
    "render_citation",
    "set_language",
    "to_excel",
    "totals",
    "upgrade",
]

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

Dates are ``datetime.date`` or ISO strings; amounts are ``int`` đồng; shares are
``decimal.Decimal``; floats are refused. Rejected values raise :class:`Error` (a
``ValueError``) with messages in English and Vietnamese.
"""

from khuyencong._khuyencong import (
    __version__,
    catalog,
    parse_citation,
    regime_at,
    render_citation,
)
from khuyencong.errors import Error, ValidationError

__all__ = [
    "Error",
    "ValidationError",
    "__version__",
    "catalog",
    "parse_citation",
    "regime_at",
    "render_citation",
]

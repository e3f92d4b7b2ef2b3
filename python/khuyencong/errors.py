"""The exceptions of khuyencong.

Every value that the law or the library rejects raises :class:`Error`, which is a
:class:`ValueError`; a value of the wrong type raises :class:`TypeError`. Messages come in
English and Vietnamese (``message_en``, ``message_vi``); ``str(error)`` shows both.
A document that fails its checks raises :class:`ValidationError`, whose ``findings`` list
every problem found, each a dict with a stable ``code``, a ``severity``, a JSON Pointer
``path``, ``message_vi``, ``message_en`` and, when known, the ``citation``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from khuyencong.types import Finding

__all__ = ["Error", "LoadWarning", "PathAsTextError", "ValidationError"]


class Error(ValueError):
    """A value that the law or the library rejects, with messages in English and Vietnamese.

    Parameters
    ----------
    message_en : str
        The message in English.
    message_vi : str, optional
        The message in Vietnamese (the English one when not given).

    Attributes
    ----------
    message_en, message_vi : str
        ``str(error)`` shows both.
    """

    message_en: str
    message_vi: str

    def __init__(self, message_en: str, message_vi: str | None = None) -> None:
        vi = message_en if message_vi is None else message_vi
        super().__init__(message_en, vi)
        self.message_en = message_en
        self.message_vi = vi

    def __str__(self) -> str:
        if self.message_vi == self.message_en:
            return self.message_en
        return f"{self.message_en} / {self.message_vi}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message_en, self.message_vi), self.__dict__)


class ValidationError(Error):
    """Input that cannot be read (a document, an applicant's facts).

    ``str(error)`` lists the problems one per line (in the language of
    :func:`khuyencong.set_language`); :meth:`errors` gives them in the shape pydantic uses.

    Parameters
    ----------
    message_en, message_vi : str
        The message in English and in Vietnamese.
    findings : list of Finding, optional
        Every problem found, not only the first.

    Attributes
    ----------
    findings : list of Finding
        One dict per problem, each with a stable ``code``, a ``severity``, a JSON Pointer
        ``path`` and ``message_vi`` / ``message_en``.
    """

    findings: list[Finding]

    def __init__(
        self,
        message_en: str,
        message_vi: str | None = None,
        findings: list[Finding] | None = None,
    ) -> None:
        super().__init__(message_en, message_vi)
        self.findings = [] if findings is None else findings

    def __str__(self) -> str:
        from khuyencong.results import get_language

        return self.message_vi if get_language() == "vi" else self.message_en

    def errors(self) -> list[dict[str, Any]]:
        """Every problem in the shape of pydantic's ``ValidationError.errors()``.

        Returns
        -------
        list of dict
            One dict per finding:

            - ``type``: the finding code (``structure.invalid_date``), documented in
              ``docs/findings.md`` and by :func:`khuyencong.explain`;
            - ``loc``: the place as a tuple of keys and indices (``("period", "from")``,
              ``("results", 0, "support")``; ``()`` for the whole input);
            - ``msg``: the message in English; ``msg_vi``: in Vietnamese;
            - ``severity``: ``error``, ``warning`` or ``info``;
            - ``ctx``: the values the messages were made from (``{"field": "kind"}``);
            - ``url``: where the code is explained.
        """
        return [
            {
                "type": f["code"],
                "loc": _loc(f["path"]),
                "msg": f["message_en"],
                "msg_vi": f["message_vi"],
                "severity": f["severity"],
                "ctx": dict(f.get("params") or {}),
                "url": f"{_FINDINGS_URL}#{f['code'].replace('.', '')}",
            }
            for f in self.findings
        ]

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            type(self),
            (self.message_en, self.message_vi, self.findings),
            self.__dict__,
        )


class PathAsTextError(Error, TypeError):
    """A ``str`` that names a file was given where a document is expected.

    A ``str`` given as a document is always **JSON text**; a file is given as a
    ``pathlib.Path``. This error is raised instead of reading the name as JSON (which would
    only report that the text is not JSON) when the ``str`` is not a JSON object or array
    and names an existing file or folder, or ends in ``.json``, ``.jsonl``, ``.ndjson``,
    ``.xlsx`` or ``.csv``. It is both a :class:`khuyencong.Error` (a ``ValueError``) and a
    ``TypeError``.

    Parameters
    ----------
    message_en, message_vi : str
        The message in English and in Vietnamese; both name the value and say to pass
        ``pathlib.Path``.
    """


class LoadWarning(UserWarning):
    """:func:`khuyencong.load` left out a file or a line (``on_error="skip"``).

    The message is in English and Vietnamese; the same entry is in the ``skipped`` list of
    what :func:`khuyencong.load` returns.
    """


_FINDINGS_URL = "https://github.com/khuyencong/khuyencong/blob/main/docs/findings.md"


def _loc(pointer: str) -> tuple[str | int, ...]:
    """A JSON Pointer as a tuple of keys (``str``) and array indices (``int``)."""
    if not pointer:
        return ()
    parts: list[str | int] = []
    for token in pointer.split("/")[1:]:
        key = token.replace("~1", "/").replace("~0", "~")
        parts.append(int(key) if key.isdigit() and (key == "0" or not key.startswith("0")) else key)
    return tuple(parts)

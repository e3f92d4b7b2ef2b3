"""The exceptions of khuyencong.

Every value that the law or the library rejects raises :class:`Error`, which is a
:class:`ValueError`; a value of the wrong type raises :class:`TypeError`. Messages come in
English and Vietnamese (``message_en``, ``message_vi``); ``str(error)`` shows both.
A document that fails its checks raises :class:`ValidationError`, whose ``findings`` list
every problem found, each a dict with a stable ``code``, a ``severity``, a JSON Pointer
``path``, ``message_vi``, ``message_en`` and, when known, the ``citation``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Error", "ValidationError"]


class Error(ValueError):
    """A value that the law or the library rejects, with messages in English and Vietnamese."""

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
    """A document with findings: ``findings`` holds one dict per finding."""

    findings: list[dict[str, Any]]

    def __init__(
        self,
        message_en: str,
        message_vi: str | None = None,
        findings: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(message_en, message_vi)
        self.findings = [] if findings is None else findings

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            type(self),
            (self.message_en, self.message_vi, self.findings),
            self.__dict__,
        )

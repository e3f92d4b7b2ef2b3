"""The register: programmes, plans, schemes and reports kept over the years in a database.

A register is a SQLite file (nothing to install) or a PostgreSQL database (a server, several
people adding at once), with the same schema on both. Documents go in only through the
checker: each is stored exactly as given, with its findings, the rules version and the
time; a document with errors is stored as *rejected*. A corrected document is a new version
that supersedes the earlier one; both remain. See ``docs/register.md``.

>>> from pathlib import Path
>>> from khuyencong.register import Register
>>> reg = Register.init("khuyencong.db")                     # doctest: +SKIP
>>> reg.add([Path("docs/examples/an-giang-2021-2025.json")]) # doctest: +SKIP
>>> reg.money(by=["source"])                                 # doctest: +SKIP

Each question returns a ``pandas.DataFrame`` (``frame="polars"`` for polars); amounts are
integer đồng (``int64``), never ``float``.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from khuyencong import frames
from khuyencong._khuyencong import _Register
from khuyencong.api import _refuse_file_name

__all__ = ["Register"]

_DocumentInput = os.PathLike[str] | str | bytes | bytearray | Mapping[str, Any]


def _target(db: str | os.PathLike[str]) -> str:
    if isinstance(db, os.PathLike):
        return os.fspath(db)
    if isinstance(db, str):
        return db
    raise TypeError(
        f"db must be a path (str or os.PathLike) to a SQLite file or a postgres:// URL, "
        f"not {type(db).__name__}"
    )


def _frame(answer: tuple[list[str], list[dict[str, Any]]], frame: Literal["pandas", "polars"]) -> Any:
    columns, rows = answer
    if frame not in ("pandas", "polars"):
        raise ValueError(f'frame must be "pandas" or "polars", not {frame!r}')
    if rows:
        return frames.to_pandas(rows) if frame == "pandas" else frames.to_polars(rows)
    # An empty answer keeps its columns.
    if frame == "pandas":
        import pandas  # type: ignore[import-untyped, unused-ignore]

        return pandas.DataFrame(columns=columns)
    import polars

    return polars.DataFrame(schema=dict.fromkeys(columns, polars.Utf8))


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith((".jsonl", ".ndjson"))


def _submissions(documents: Iterable[_DocumentInput]) -> list[tuple[str, int | None, Any]]:
    if isinstance(documents, (str, bytes, bytearray, Mapping, os.PathLike)):
        raise TypeError(
            "add() takes an iterable of documents (paths, JSON text, bytes or dicts), "
            f"not a single {type(documents).__name__}: wrap it in a list"
        )
    out: list[tuple[str, int | None, Any]] = []
    for i, doc in enumerate(documents):
        if isinstance(doc, os.PathLike):
            path = os.fspath(doc)
            data = Path(path).read_bytes()
            if _is_jsonl(path):
                for n, line in enumerate(data.split(b"\n"), start=1):
                    if line.strip():
                        out.append((path, n, line.strip()))
            else:
                out.append((path, None, data))
        elif isinstance(doc, str):
            # JSON text, as everywhere in khuyencong (a file is a pathlib.Path); a str
            # that looks like a file name is refused with PathAsTextError.
            _refuse_file_name(doc, f"document {i}")
            out.append((f"<document {i}>", None, doc.encode("utf-8")))
        elif isinstance(doc, (bytes, bytearray)):
            out.append((f"<document {i}>", None, bytes(doc)))
        elif isinstance(doc, Mapping):
            out.append((f"<document {i}>", None, dict(doc)))
        else:
            raise TypeError(
                f"document {i} must be an os.PathLike (pathlib.Path), a str of JSON text, "
                f"bytes or a dict, not {type(doc).__name__}"
            )
    return out


class Register:
    """An open register. Make one with :meth:`init` (create), ``Register(db)`` (open an
    existing one) or :meth:`import_` (from an export).

    ``db`` is a SQLite file path or a ``postgres://user@host/database`` URL.
    """

    __slots__ = ("_native",)

    def __init__(self, db: str | os.PathLike[str] = "khuyencong.db") -> None:
        self._native = _Register.open(_target(db))

    @classmethod
    def _wrap(cls, native: _Register) -> Register:
        self = cls.__new__(cls)
        self._native = native
        return self

    @classmethod
    def init(cls, db: str | os.PathLike[str] = "khuyencong.db") -> Register:
        """Creates a register (or brings an existing one up to date) and opens it.

        Parameters
        ----------
        db : str or os.PathLike
            A SQLite file path or a ``postgres://`` URL.

        Returns
        -------
        Register
            The open register.
        """
        return cls._wrap(_Register.create(_target(db)))

    @staticmethod
    def migrate(db: str | os.PathLike[str]) -> tuple[int, int]:
        """Brings a register's schema up to this version: ``(before, after)``.

        Parameters
        ----------
        db : str or os.PathLike
            A SQLite file path or a ``postgres://`` URL.

        Returns
        -------
        tuple of int
            The schema version ``(before, after)``.
        """
        return _Register.migrate(_target(db))

    @classmethod
    def import_(cls, export: str | os.PathLike[str], db: str | os.PathLike[str]) -> Register:
        """Reads an export (JSON Lines, :meth:`export`) into a new register ``db``.

        Parameters
        ----------
        export : str or os.PathLike
            The JSON Lines export.
        db : str or os.PathLike
            The new register.

        Returns
        -------
        Register
            The open register.
        """
        native, _ = _Register.import_export(_target(db), Path(export))
        return cls._wrap(native)

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._native.dialect

    @property
    def schema_version(self) -> int:
        """The register's schema version."""
        return self._native.schema_version()

    def add(self, documents: Iterable[_DocumentInput], *, frame: Literal["pandas", "polars"] = "pandas") -> Any:
        """Checks documents and stores them, all in one transaction.

        Each document is a ``pathlib.Path`` (``.jsonl`` files are read line by line), a
        ``str`` of JSON text (never a file name, as everywhere in khuyencong), ``bytes`` of
        JSON, or a ``dict``. Returns one row per document: ``source``,
        ``line``, ``kind``, ``doc_id``, ``version``, ``status`` (``accepted``, ``rejected``,
        ``unchanged``), ``supersedes``, ``errors``, ``warnings``, ``infos``.

        Parameters
        ----------
        documents : iterable
            Paths, JSON text, bytes or dicts (see above).
        frame : {"pandas", "polars"}
            The library of the frame returned.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            One row per item, as described above.

        Raises
        ------
        khuyencong.PathAsTextError
            For a ``str`` that looks like a file name (pass ``pathlib.Path``).
        """
        rows = self._native.add(_submissions(documents))
        columns = ["source", "line", "kind", "doc_id", "version", "status", "supersedes"]
        return _frame((columns + ["errors", "warnings", "infos"], rows), frame)

    def record_state(
        self,
        scheme_id: str,
        state: Literal["proposed", "approved", "implemented", "settled", "cancelled"],
        on_date: datetime.date | str,
        source: str,
        note: str | None = None,
    ) -> None:
        """Records a state of a scheme with its date and source (a decision, minutes…).

        Parameters
        ----------
        scheme_id : str
            The scheme's ``id``.
        state : str
            ``proposed``, ``approved``, ``implemented``, ``settled`` or ``cancelled``.
        on_date : datetime.date or str
            The date of the state.
        source : str
            Where it is recorded (a decision, minutes…).
        note : str, optional
            A note.
        """
        self._native.record_state(scheme_id, state, on_date, source, note)

    def documents(self, *, frame: Literal["pandas", "polars"] = "pandas") -> Any:
        """Every version of every document, with its status and finding counts.

        Parameters
        ----------
        frame : {"pandas", "polars"}
            The library of the frame returned.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            One row per item, as described above.
        """
        return _frame(self._native.documents(), frame)

    def schemes(self, *, frame: Literal["pandas", "polars"] = "pandas") -> Any:
        """Every scheme with its plans, reports and latest state.

        Parameters
        ----------
        frame : {"pandas", "polars"}
            The library of the frame returned.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            One row per item, as described above.
        """
        return _frame(self._native.schemes(), frame)

    def progress(self, *, frame: Literal["pandas", "polars"] = "pandas") -> Any:
        """Progress against the targets reports propose for the period after their own, by
        province and period (counts and money); the targets of programme documents are
        :meth:`programme_progress`. What is not
        itemised is shown as such: ``not_itemised_lines`` (lines that do not state the
        figure; ``achieved`` is then a lower bound) and ``not_itemised`` (the part of the
        reports' stated totals no activity line itemises). A measure the library does not
        add up is left empty with a ``note``.

        Parameters
        ----------
        frame : {"pandas", "polars"}
            The library of the frame returned.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            One row per item, as described above.
        """
        return _frame(self._native.progress(), frame)

    def programme_progress(self, *, frame: Literal["pandas", "polars"] = "pandas") -> Any:
        """Every registered programme's targets against the results of the registered
        reports on it, computed by the library as :func:`khuyencong.progress` computes them
        (one row per target and indicator, and per year for a target for each year), with the
        programme's version and the library's notes on how the reports were matched.

        Parameters
        ----------
        frame : {"pandas", "polars"}
            The library of the frame returned.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            One row per target and indicator (and year), as described above.
        """
        return _frame(self._native.programme_progress(), frame)

    def unreported(self, *, frame: Literal["pandas", "polars"] = "pandas") -> Any:
        """Schemes approved (and not cancelled) that no registered report counts.

        Parameters
        ----------
        frame : {"pandas", "polars"}
            The library of the frame returned.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            One row per item, as described above.
        """
        return _frame(self._native.unreported(), frame)

    def money(
        self,
        by: Iterable[str] = ("province", "period", "fund_level", "source"),
        *,
        province: Literal["time", "now"] = "time",
        frame: Literal["pandas", "polars"] = "pandas",
    ) -> Any:
        """Money by the keys (``province``, ``period``/``year``, ``fund_level``, ``source``,
        ``activity``; ``kind`` always first), added up by the library's totals over the
        current documents.

        Parameters
        ----------
        by : iterable of str
            The keys.
        province : {"time", "now"}
            The province of the document's date or today's unit.
        frame : {"pandas", "polars"}
            The library of the frame returned.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            One row per item, as described above.
        """
        if isinstance(by, str):
            raise TypeError('by must be a list of keys such as ["source"], not a str')
        return _frame(self._native.money(list(by), province), frame)

    def beneficiaries(self, *, all: bool = False, frame: Literal["pandas", "polars"] = "pandas") -> Any:  # noqa: A002
        """Schemes per beneficiary: ``double_funding`` is 1 where the same establishment has
        more than one scheme for the same activity.

        Parameters
        ----------
        all : bool
            Every beneficiary, not only those with several schemes.
        frame : {"pandas", "polars"}
            The library of the frame returned.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            One row per item, as described above.
        """
        return _frame(self._native.beneficiaries(all), frame)

    def recheck(self, *, dry_run: bool = False, frame: Literal["pandas", "polars"] = "pandas") -> Any:
        """Checks every stored document again under the current rules; one row per finding
        that appeared (``added``) or disappeared (``removed``).

        Parameters
        ----------
        dry_run : bool
            Report without storing.
        frame : {"pandas", "polars"}
            The library of the frame returned.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            One row per item, as described above.
        """
        return _frame(self._native.recheck(dry_run), frame)

    def sql(self, query: str, *, frame: Literal["pandas", "polars"] = "pandas") -> Any:
        """One read-only SQL query (the views are in docs/register.md); values are text.

        Parameters
        ----------
        query : str
            One read-only SQL query.
        frame : {"pandas", "polars"}
            The library of the frame returned.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            The answer; values are text.
        """
        return _frame(self._native.sql(query), frame)

    def export(self, path: str | os.PathLike[str]) -> int:
        """Writes the whole register as JSON Lines; returns the number of rows.

        Parameters
        ----------
        path : str or os.PathLike
            The JSON Lines file to write.

        Returns
        -------
        int
            The number of rows written.
        """
        return self._native.export(Path(path))

    def __repr__(self) -> str:
        return repr(self._native)


"""The functions of khuyencong: documents (check, load, totals, progress, upgrade) and the law's answers
(assess, max_support, parse_vnd). Each converts its arguments and delegates to the Rust
core; no rule of the law is decided here.

A document may be given as

- a ``dict`` (its JSON form; read exactly as the same document written as JSON text: a
  ``float`` where whole đồng are expected, an ``int`` beyond the bounds or a ``str`` that is
  not valid Unicode is a finding at its place, as it is in JSON text),
- a ``str`` holding **JSON text** (never a file name: a ``str`` that looks like one raises
  :class:`khuyencong.PathAsTextError`),
- ``bytes`` or ``bytearray`` holding JSON,
- an ``os.PathLike`` such as ``pathlib.Path``: a JSON file, a JSON Lines file, a filled
  spreadsheet template (``.xlsx``, ``.csv``) or, for the functions of many documents, a
  folder of them,
- a :class:`khuyencong.Document` (from :func:`load` or ``CheckResult.document``).

Where a function takes a file rather than a document (:func:`load`,
:func:`khuyencong.read_excel`, :func:`khuyencong.to_excel`), a ``str`` and a path are both
a file name.
"""

from __future__ import annotations

import datetime
import glob
import json
import os
import stat
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeAlias

from khuyencong import _khuyencong as _native
from khuyencong._khuyencong import Document
from khuyencong.errors import Error, LoadWarning, PathAsTextError, ValidationError
from khuyencong.results import (
    Assessment,
    CheckResult,
    ParsedAmount,
    Progress,
    SupportLimit,
    Totals,
)
from khuyencong.sheets import SheetDocument, read_excel
from khuyencong.types import Finding, Skipped

__all__ = [
    "DocumentInput",
    "Loaded",
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
"""What :func:`check`, :func:`check_many`, :func:`totals`, :func:`progress` and
:func:`upgrade` accept as one document."""

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


# The one rule for str: where a document is expected, a str is JSON text; where a file is
# expected (load, read_excel, to_excel), a str or a Path is a file name. A str that cannot
# be a document's JSON and looks like a file name is refused with a clear error rather than
# answered with "malformed JSON at line 1, column 1".
_FILE_SUFFIXES = (".json", ".jsonl", ".ndjson", ".xlsx", ".csv")
_SHEET_SUFFIXES = (".xlsx", ".csv")
_LINES_SUFFIXES = (".jsonl", ".ndjson")
# The longest str looked up as a file name (longer text is never a path: PATH_MAX is 4096).
_MAX_NAME = 4096


def _looks_like_file(text: str) -> bool:
    """``text`` is not a JSON object or array and ends like a document file or names an
    existing file or folder."""
    stripped = text.strip()
    if not stripped or stripped[0] in "{[" or len(stripped) > _MAX_NAME or "\n" in stripped:
        return False
    if stripped.lower().endswith(_FILE_SUFFIXES):
        return True
    try:
        return os.path.exists(stripped)
    except (OSError, ValueError):
        return False


def _refuse_file_name(text: str, what: str) -> None:
    if _looks_like_file(text):
        name = text.strip()
        raise PathAsTextError(
            f"{what} is a str that looks like a file name ({name!r}); a str is read as JSON "
            f"text: pass pathlib.Path({name!r}) to read the file",
            f"{_VI_WHAT.get(what.split(' ')[0], what)}{what[len(what.split(' ')[0]):]} là một "
            f"chuỗi (str) trông như tên tệp ({name!r}); chuỗi được đọc như văn bản JSON: hãy "
            f"truyền pathlib.Path({name!r}) để đọc tệp",
        )


_VI_WHAT = {"document": "văn bản", "provincial_pack": "provincial_pack", "doc": "doc"}


def _walk(folder: str) -> list[str]:
    """The document files under a folder, recursively: ``.json``, ``.jsonl``, ``.ndjson``,
    ``.xlsx`` and ``.csv``, names in code-point order, a folder's files before its
    subfolders; hidden names (``.x``) and Excel's lock files (``~$x.xlsx``) are left out,
    symbolic links to folders are not followed."""
    out: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(
            os.path.join(root, f)
            for f in sorted(files)
            if f.lower().endswith(_FILE_SUFFIXES) and not f.startswith((".", "~$"))
        )
    return out


def _regular_file(name: str) -> None:
    """Raises ``OSError`` unless ``name`` is a regular file (a FIFO could block for ever)."""
    mode = os.stat(name).st_mode
    if not stat.S_ISREG(mode):
        raise OSError(f"`{name}` is not a regular file / `{name}` không phải là tệp thông thường")


def _json_lines(name: str) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines of a JSON Lines file, numbered from 1, each read up to the
    core's limit + 1 byte (a longer line is handed over cut there, so the core reports it as
    too large, and the rest of it is skipped)."""
    _regular_file(name)
    with open(name, "rb") as f:
        number = 0
        while True:
            line = f.readline(_MAX_INPUT_BYTES + 1)
            if not line:
                return
            number += 1
            if len(line) > _MAX_INPUT_BYTES and not line.endswith(b"\n"):
                while True:
                    rest = f.readline(1 << 20)
                    if not rest or rest.endswith(b"\n"):
                        break
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if line.strip():
                yield number, line.rstrip(b"\r\n")


_MAX_INPUT_BYTES = 16 * 1024 * 1024


# One input after paths are opened: a value the binding reads (or a SheetDocument), the
# file it came from and its line.
_Entry = tuple[Any, str | None, int | None]


def _path_entries(path: os.PathLike[str] | str) -> list[_Entry]:
    name = os.fspath(path)
    files = _walk(name) if os.path.isdir(name) else [name]
    out: list[_Entry] = []
    for f in files:
        suffix = os.path.splitext(f)[1].lower()
        if suffix in _SHEET_SUFFIXES:
            out.extend((d, f, None) for d in read_excel(f))
        elif suffix in _LINES_SUFFIXES:
            out.extend((line, f, n) for n, line in _json_lines(f))
        else:
            out.append((Path(f), f, None))
    return out


def _entries(docs: Iterable[Any], function: str) -> list[_Entry]:
    out: list[_Entry] = []
    for i, doc in enumerate(docs):
        t = type(doc)
        if t is dict or t is bytes or t is bytearray:
            out.append((doc, None, None))
        elif t is Document:
            out.append((doc, doc.source, doc.line))
        elif isinstance(doc, str):
            _refuse_file_name(doc, f"document {i}")
            out.append((doc, None, None))
        elif isinstance(doc, os.PathLike):
            out.extend(_path_entries(doc))
        elif isinstance(doc, (Mapping, bytes, bytearray, Document)):
            out.append((_plain(doc), None, None))
        else:
            raise TypeError(
                f"{function}(): document {i} must be {_DOCUMENT_TYPES}, not {type(doc).__name__}"
            )
    return out


def _pack(provincial_pack: PackInput | None) -> Any:
    if isinstance(provincial_pack, str) and provincial_pack.strip() not in _shipped_packs():
        _refuse_file_name(provincial_pack, "provincial_pack")
    return _plain(provincial_pack)


def _shipped_packs() -> frozenset[str]:
    if not _SHIPPED:
        _SHIPPED.append(frozenset(p["name"] for p in _native.packs()))
    return _SHIPPED[0]


_SHIPPED: list[frozenset[str]] = []


def _check_entries(entries: list[_Entry], pack: Any) -> list[CheckResult]:
    native = [v for v, _, _ in entries if not isinstance(v, SheetDocument)]
    places = [(s, n) for v, s, n in entries if not isinstance(v, SheetDocument)]
    checked = _native._check_many(native, provincial_pack=pack, places=places)
    if len(native) == len(entries):
        return checked
    results = iter(checked)
    out: list[CheckResult] = []
    for value, _, _ in entries:
        if isinstance(value, SheetDocument):
            out.append(value.check(provincial_pack=pack))
        else:
            out.append(next(results))
    return out


def _one(doc: Any, function: str) -> list[_Entry]:
    """The one document ``doc`` stands for; a path to a folder, or to a file of no or
    several documents, raises :class:`khuyencong.Error`."""
    if isinstance(doc, os.PathLike):
        name = os.fspath(doc)
        if os.path.isdir(name):
            raise Error(
                f"`{name}` is a folder: {function}() takes one document; "
                f"check_many([Path({name!r})]) checks every document in it",
                f"`{name}` là một thư mục: {function}() nhận một văn bản; "
                f"check_many([Path({name!r})]) kiểm tra mọi văn bản trong đó",
            )
        entries = _path_entries(doc)
        if len(entries) != 1:
            raise Error(
                f"`{name}` holds {len(entries)} documents; {function}() takes one: "
                f"use check_many([Path({name!r})]) or load(Path({name!r}))",
                f"`{name}` chứa {len(entries)} văn bản; {function}() nhận một văn bản: "
                f"hãy dùng check_many([Path({name!r})]) hoặc load(Path({name!r}))",
            )
        return entries
    if isinstance(doc, (Mapping, str, bytes, bytearray, Document)):
        return _entries([doc], function)
    raise TypeError(f"doc must be {_DOCUMENT_TYPES}, not {type(doc).__name__}")


def check(doc: DocumentInput, *, provincial_pack: PackInput | None = None) -> CheckResult:
    """Checks one document: every finding, in deterministic order.

    Parameters
    ----------
    doc : dict, str, bytes, bytearray, os.PathLike or Document
        The document. A ``str`` is **JSON text**, never a file name: pass a
        ``pathlib.Path`` for a file. A path ending in ``.xlsx`` or ``.csv`` is read as a
        filled spreadsheet template (as :func:`khuyencong.read_excel`), a ``.jsonl`` or
        ``.ndjson`` path as JSON Lines, any other path as a JSON file; the file must hold
        exactly one document (use :func:`check_many` for more, or for a folder).
    provincial_pack : str, dict, bytes or os.PathLike, optional
        Layers a province's levels over the national ones for local-fund schemes: the name
        of a shipped pack (``"dong-thap-2024"``, see :func:`khuyencong.packs`), a dict,
        JSON text or bytes, or a path.

    Returns
    -------
    CheckResult
        A document that cannot be read is not an exception: its findings have
        ``structure.*`` codes — every problem at once — and ``kind`` and ``id`` are given
        whenever they can be read. A document from a spreadsheet gives a
        :class:`khuyencong.SheetCheckResult`, each finding with its ``cell``.

    Raises
    ------
    khuyencong.PathAsTextError
        For a ``str`` that is not a JSON object and looks like a file name (it ends in
        ``.json``, ``.jsonl``, ``.ndjson``, ``.xlsx`` or ``.csv``, or names an existing file
        or folder).
    khuyencong.Error
        For a path holding no or several documents, or a folder, and for an invalid
        provincial pack.
    TypeError
        For an input of another type (or a value JSON cannot hold inside a dict: a set, a
        date).
    FileNotFoundError, OSError
        When a path cannot be read or is not a regular file (a FIFO could block for ever).

    Examples
    --------
    >>> import khuyencong
    >>> khuyencong.check({"kind": "plan"})
    CheckResult(kind='plan', id=None, errors=3, warnings=0, info=1)
    """
    entries = _one(doc, "check")
    return _check_entries(entries, _pack(provincial_pack))[0]


def check_many(
    docs: Iterable[DocumentInput], *, provincial_pack: PackInput | None = None
) -> list[CheckResult]:
    """Checks many documents, one :class:`CheckResult` each, in order.

    The inputs are converted first; then the core checks them with the GIL released, so
    other Python threads run meanwhile, in chunks of a few hundred, between which Ctrl-C
    (``KeyboardInterrupt``) is honoured. One unreadable document is a result with its
    findings; it never stops the batch.

    Parameters
    ----------
    docs : iterable of dict, str, bytes, bytearray, os.PathLike or Document
        The documents, as :func:`check` takes them. A path stands for every document it
        holds, in order: a folder for its ``.json``, ``.jsonl``, ``.ndjson``, ``.xlsx`` and
        ``.csv`` files, recursively (names in code-point order, a folder's files before its
        subfolders; hidden files and Excel's ``~$`` lock files left out), a JSON Lines file
        for one document a non-blank line, a spreadsheet for each of its documents.
    provincial_pack : str, dict, bytes or os.PathLike, optional
        As for :func:`check`.

    Returns
    -------
    list of CheckResult
        One per document, in order; ``source`` and ``line`` say where each document read
        from a path came from.

    Raises
    ------
    khuyencong.PathAsTextError
        For a ``str`` that looks like a file name (see :func:`check`); its index is named.
    TypeError
        For a single document (wrap it in a list) or an input of another type.
    FileNotFoundError, OSError
        When a path cannot be read.
    """
    if isinstance(docs, (Mapping, str, bytes, bytearray, os.PathLike, Document)):
        raise TypeError(
            "check_many() takes an iterable of documents, not a single "
            f"{type(docs).__name__}: use check() or wrap it in a list"
        )
    pack = _pack(provincial_pack)
    if type(docs) is list or type(docs) is tuple:
        # A list of bytes, str of JSON, dicts or Documents, the usual batch, is checked in
        # one call with no Python code per document; anything else takes the general path.
        plain = _native._check_plain(docs, provincial_pack=pack)
        if plain is not None:
            return plain
    return _check_entries(_entries(docs, "check_many"), pack)


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
        return _walk(name)
    if isinstance(path_or_glob, str) and not os.path.exists(name) and glob.has_magic(name):
        matches = sorted(p for p in glob.glob(name, recursive=True) if os.path.isfile(p))
        if not matches:
            raise FileNotFoundError(f"no file matches `{name}`")
        return matches
    return [name]


class Loaded(list[Document]):
    """What :func:`load` returns: a ``list`` of :class:`khuyencong.Document`, with what was
    left out.

    Attributes
    ----------
    skipped : list of Skipped
        Each file or line left out (``on_error="skip"`` or ``"collect"``): ``source``,
        ``line``, ``reason`` (``not_a_document``, ``unreadable_document``,
        ``unreadable_file``), ``message_vi``, ``message_en`` and ``findings``.
    """

    skipped: list[Skipped]

    def __init__(self, documents: Iterable[Document] = ()) -> None:
        super().__init__(documents)
        self.skipped = []

    def __repr__(self) -> str:
        return f"Loaded(documents={len(self)}, skipped={len(self.skipped)})"


def _is_pack(name: str) -> bool:
    """The file is a valid provincial rule pack (read by the core's pack reader)."""
    try:
        _native._check_many([], provincial_pack=Path(name))
    except (Error, OSError, TypeError):
        return False
    return True


def _lacks_kind(findings: Sequence[Finding]) -> bool:
    return any(
        f["code"] == "structure.missing_field"
        and f["path"] == ""
        and (f.get("params") or {}).get("field") == "kind"
        for f in findings
    )


def _skipped(
    source: str,
    line: int | None,
    findings: list[Finding],
    error: OSError | None = None,
) -> Skipped:
    place = source if line is None else f"{source}:{line}"
    if error is not None:
        return {
            "source": source,
            "line": line,
            "reason": "unreadable_file",
            "message_en": f"`{place}` left out: the file cannot be read ({error})",
            "message_vi": f"bỏ qua `{place}`: không đọc được tệp ({error})",
            "findings": [],
        }
    if line is None and _is_pack(source):
        return {
            "source": source,
            "line": line,
            "reason": "not_a_document",
            "message_en": f"`{place}` left out: a provincial rule pack, not a document "
            "(pass it as provincial_pack=)",
            "message_vi": f"bỏ qua `{place}`: đây là gói quy định của tỉnh, không phải văn bản "
            "(truyền nó qua provincial_pack=)",
            "findings": findings,
        }
    if _lacks_kind(findings):
        return {
            "source": source,
            "line": line,
            "reason": "not_a_document",
            "message_en": f"`{place}` left out: JSON without `kind`, not a scheme, plan, period report or programme",
            "message_vi": f"bỏ qua `{place}`: JSON không có `kind`, không phải đề án, kế hoạch, báo cáo hay chương trình",
            "findings": findings,
        }
    n = sum(1 for f in findings if f["severity"] == "error")
    first = findings[0]["message_en"] if findings else ""
    first_vi = findings[0]["message_vi"] if findings else ""
    return {
        "source": source,
        "line": line,
        "reason": "unreadable_document",
        "message_en": f"`{place}` left out: the document cannot be read ({n} errors; {first})",
        "message_vi": f"bỏ qua `{place}`: không đọc được văn bản ({n} lỗi; {first_vi})",
        "findings": findings,
    }


def _line_document(name: str, number: int, line: bytes) -> Document | list[Finding]:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        # The core says what is wrong with bytes that are not UTF-8.
        findings = _native._check_many([line])[0].findings
        return [f for f in findings if f["severity"] == "error"]
    try:
        return _native._document(text, name, number)
    except ValidationError as e:
        return e.findings


def load(
    path_or_glob: str | os.PathLike[str],
    *,
    on_error: Literal["raise", "skip", "collect"] = "raise",
) -> Loaded:
    """Reads documents from a file, a folder or a glob (``"reports/**/*.jsonl"``).

    Loading reads documents; it does not check the law: use :func:`check_many`.

    Parameters
    ----------
    path_or_glob : str or os.PathLike
        A file name — here a ``str`` is a path, as in :func:`khuyencong.read_excel` — a
        folder or a glob. A ``.json`` file holds one document; a ``.jsonl`` (or
        ``.ndjson``) file one per non-blank line; an ``.xlsx`` or ``.csv`` file the
        documents of a filled template. A folder means those files under it,
        recursively, names in code-point order, a folder's files before its subfolders
        (hidden files and Excel's ``~$`` lock files left out); a glob, its matching files
        in name order.
    on_error : {"raise", "skip", "collect"}
        What to do with a file or line that is not a readable document — a provincial rule
        pack or other JSON without ``kind``, a document with structural errors, a file that
        cannot be read. ``"raise"`` (the default: nothing is left out silently) raises at
        the first one; ``"skip"`` leaves each out with a :class:`khuyencong.LoadWarning`;
        ``"collect"`` leaves each out quietly. Either way, what was left out is listed in
        the result's ``skipped``.

    Returns
    -------
    Loaded
        A ``list`` of :class:`khuyencong.Document` (``kind``, ``id``, ``source``, ``line``,
        ``to_dict()``), ready for :func:`check_many` and :func:`totals` without being read
        again, with ``skipped``.

    Raises
    ------
    khuyencong.ValidationError
        With ``on_error="raise"``: for the first document that cannot be read (with
        ``.findings``, and the file and line in its message; a provincial rule pack is
        named as such).
    FileNotFoundError
        When the file or glob matches nothing (whatever ``on_error`` says).
    OSError
        With ``on_error="raise"``: when a file cannot be read.
    khuyencong.Error
        For another ``on_error``.
    """
    if on_error not in ("raise", "skip", "collect"):
        raise Error(
            f"on_error must be `raise`, `skip` or `collect`, not `{on_error}`",
            f"on_error phải là `raise`, `skip` hoặc `collect`, không phải `{on_error}`",
        )
    files = _expand(path_or_glob)
    if not isinstance(path_or_glob, str) or not glob.has_magic(path_or_glob):
        if not os.path.exists(os.fspath(path_or_glob)):
            raise FileNotFoundError(f"`{os.fspath(path_or_glob)}` does not exist / không tồn tại")
    out = Loaded()

    def leave_out(entry: Skipped, cause: BaseException | None) -> None:
        if on_error == "raise":
            if entry["reason"] == "not_a_document":
                raise ValidationError(
                    entry["message_en"].replace(" left out:", ":")
                    + '; load(..., on_error="skip") leaves such files out',
                    entry["message_vi"].replace("bỏ qua ", "", 1)
                    + '; load(..., on_error="skip") bỏ qua các tệp như vậy',
                    entry["findings"],
                ) from cause
            if cause is not None:
                raise cause
        out.skipped.append(entry)
        if on_error == "skip":
            warnings.warn(
                LoadWarning(f"{entry['message_en']} / {entry['message_vi']}"), stacklevel=3
            )

    for f in files:
        suffix = os.path.splitext(f)[1].lower()
        if suffix in _SHEET_SUFFIXES:
            try:
                sheets = read_excel(f)
            except OSError as e:
                leave_out(_skipped(f, None, [], e), e)
                continue
            for d in sheets:
                data = d.to_dict()
                problems = d.findings
                if data is None or any(p["severity"] == "error" for p in problems):
                    entry = _skipped(f, None, problems)
                    leave_out(entry, ValidationError(entry["message_en"], entry["message_vi"], problems))
                    continue
                try:
                    out.append(_native._document(json.dumps(data, ensure_ascii=False), f, None))
                except ValidationError as e:
                    leave_out(_skipped(f, None, e.findings), e)
            continue
        try:
            out.extend(_native._load([f]))
            continue
        except ValidationError as e:
            if on_error == "raise" or suffix not in _LINES_SUFFIXES:
                leave_out(_skipped(f, None, e.findings), e)
                continue
        except OSError as e:
            leave_out(_skipped(f, None, [], e), e)
            continue
        # A JSON Lines file with a line that cannot be read: the other lines are kept.
        try:
            for number, line in _json_lines(f):
                read = _line_document(f, number, line)
                if isinstance(read, Document):
                    out.append(read)
                else:
                    leave_out(_skipped(f, number, read), None)
        except OSError as e:
            leave_out(_skipped(f, None, [], e), e)
    return out


def totals(docs: Iterable[DocumentInput], by: Sequence[str] = ()) -> Totals:
    """Exact totals of documents, grouped by keys.

    Provinces are grouped by their permanent code however they are written; how each name
    was read is in ``.notes``. Nothing a document states is dropped: the part of a stated
    total that its lines do not itemise is counted under the key value ``"not_itemised"``,
    and a stated counterpart is used as stated. A line broken down into parts (by fund,
    year, industry, product group) is counted through its parts.

    Parameters
    ----------
    docs : iterable of dict, str, bytes, bytearray, os.PathLike or Document
        The documents, as :func:`check_many` takes them (a path stands for every document
        it holds; a ``str`` is JSON text).
    by : sequence of str
        Keys among ``province`` (of the document's date), ``province_now`` (today's unit,
        after the 2025 arrangement), ``period``, ``year`` (a line's year inside a
        multi-year period, else the document's year when its period is one calendar year,
        else ``"not_itemised"``), ``fund_level``, ``source``, ``activity``, ``industry``,
        ``product_group`` and ``kind``; none gives one grand total.

    Returns
    -------
    Totals
        ``rows`` with the key columns first in the order of ``by``; ``documents`` lists
        every document (``index`` in the order read, paths expanded) with the number of
        errors its check finds, and each row counts its ``documents_with_errors``.

    Raises
    ------
    khuyencong.ValidationError
        When a document cannot be read.
    khuyencong.PathAsTextError
        For a ``str`` that looks like a file name (see :func:`check`).
    khuyencong.Error
        For an unknown key.
    TypeError
        For a single document (wrap it in a list) or ``by`` given as a ``str``.
    """
    if isinstance(docs, (Mapping, str, bytes, bytearray, os.PathLike, Document)):
        raise TypeError(
            "totals() takes an iterable of documents, not a single "
            f"{type(docs).__name__}: wrap it in a list"
        )
    if isinstance(by, str):
        raise TypeError(f"by must be a list of keys such as [{by!r}], not a str")
    keys = list(by)
    rows, documents, notes = _native._totals(_document_inputs(docs, "totals"), keys)
    order = tuple(dict.fromkeys(keys))
    if order:
        rows = [{**{k: row.get(k) for k in order}, **row} for row in rows]
    return Totals(by=order, rows=rows, documents=documents, notes=notes)


def _document_inputs(docs: Iterable[Any], function: str) -> list[Any]:
    """The documents as the binding reads them, paths expanded; a document of a spreadsheet
    that cannot be read raises :class:`khuyencong.ValidationError`."""
    inputs: list[Any] = []
    for value, source, _ in _entries(docs, function):
        if isinstance(value, SheetDocument):
            data = value.to_dict()
            problems = [f for f in value.findings if f["severity"] == "error"]
            if data is None or problems:
                raise ValidationError(
                    f"`{source}` cannot be read as a document ({len(problems)} errors)",
                    f"`{source}` không đọc được thành văn bản ({len(problems)} lỗi)",
                    value.findings,
                )
            inputs.append(data)
        else:
            inputs.append(value)
    return inputs


def progress(docs: Iterable[DocumentInput]) -> Progress:
    """Programme targets against results.

    Every programme among ``docs`` is compared with the period reports among them that
    report on it (by ``programme_id``, or by the decision that approved it,
    ``programme``).

    Parameters
    ----------
    docs : iterable of dict, str, bytes, bytearray, os.PathLike or Document
        The programmes and reports, as :func:`check_many` takes them (a path stands for
        every document it holds, a folder included; a ``str`` is JSON text).

    Returns
    -------
    Progress
        One row per target and indicator (and year, for a target for each year):
        ``target``, ``achieved`` (``None`` when no report covers it),
        ``achieved_exactness`` (``"lower_bound"`` when results that may count are not
        stated or not broken down by the target's keys), ``share`` (``decimal.Decimal``)
        and ``met`` (``None`` when the figures cannot say); ``notes`` says how reports were
        matched.

    Raises
    ------
    khuyencong.ValidationError
        When a document cannot be read.
    khuyencong.PathAsTextError
        For a ``str`` that looks like a file name (see :func:`check`).
    TypeError
        For a single document (wrap it in a list) or an input of another type.
    FileNotFoundError, OSError
        When a path cannot be read.
    """
    if isinstance(docs, (Mapping, str, bytes, bytearray, os.PathLike, Document)):
        raise TypeError(
            "progress() takes an iterable of documents, not a single "
            f"{type(docs).__name__}: wrap it in a list"
        )
    rows, notes = _native._progress(_document_inputs(docs, "progress"))
    return Progress(rows=rows, notes=notes)


def upgrade(doc: DocumentInput) -> str:
    """One document as version-2 JSON text (what ``khuyencong upgrade`` writes).

    A version-1 document keeps every figure, code and text; only ``schema_version``
    changes.

    Parameters
    ----------
    doc : dict, str, bytes, bytearray, os.PathLike or Document
        The document, as :func:`check` takes it: a ``str`` is JSON text, never a file name
        (pass a ``pathlib.Path``); a path must hold exactly one document.

    Returns
    -------
    str
        The document as indented version-2 JSON text.

    Raises
    ------
    khuyencong.ValidationError
        When the document cannot be read.
    khuyencong.PathAsTextError
        For a ``str`` that looks like a file name (see :func:`check`).
    khuyencong.Error
        For a path holding no or several documents, or a folder.
    TypeError
        For an input of another type.
    FileNotFoundError, OSError
        When a path cannot be read.
    """
    entries = _one(doc, "upgrade")
    return _native._upgrade(_document_inputs([entries[0][0]], "upgrade")[0])


def assess(
    applicant: Mapping[str, Any], activity: str, as_of: datetime.date | str
) -> Assessment:
    """Assesses whether an applicant may receive an activity on a date.

    Parameters
    ----------
    applicant : mapping
        The facts known (``legal_form``, ``sme``, ``location`` …, see
        ``docs/eligibility.md``); what is missing makes the verdict ``indeterminate``
        rather than guessed.
    activity : str
        The activity code (see ``khuyencong.catalog(as_of)["activities"]``).
    as_of : datetime.date or str
        The date (ISO ``YYYY-MM-DD``).

    Returns
    -------
    Assessment
        The verdict, the findings (each cited), the missing facts and the confidence.

    Raises
    ------
    khuyencong.ValidationError
        Listing every problem of the facts with its JSON Pointer (unknown fields and codes,
        a ``float`` where whole đồng are expected… — as ``khuyencong eligibility`` reports
        them).
    khuyencong.Error
        For dates before 2012-07-05.
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

    Parameters
    ----------
    activity : str
        The activity code.
    eligible_cost : int, decimal.Decimal or str
        Whole đồng for all ``units`` together: an ``int``, or a ``str`` of whole đồng or
        exact Vietnamese notation (``"620 triệu"``), read as ``khuyencong support --cost``
        reads it; a ``float`` raises :class:`TypeError`.
    as_of : datetime.date or str
        The date (ISO ``YYYY-MM-DD``).
    fund : {"national", "provincial", "district", "commune"}
        The fund level paying.
    priority, technology_line : bool
        The priority multiplier and the technology-line level apply.
    variant : str, optional
        The item of an activity with several.
    provincial_pack : str, dict, bytes or os.PathLike, optional
        Sets the levels of local funds: a shipped pack's name such as
        ``"dong-thap-2024"``, a dict, JSON text or bytes, or a path.
    units : int
        The cap applies once per unit (establishment, model, round…), so a group scheme
        for eight cooperatives passes ``units=8``.

    Returns
    -------
    SupportLimit
        A level the project does not know — an item whose level was not read, a level
        priced by tender, any date before 2014-04-08, an activity with several items when
        no ``variant`` is named — is returned as not assessed (``assessed`` is ``False``,
        with the reason), never raised. :meth:`SupportLimit.basis` renders the citation
        (a provincial pack's included).

    Raises
    ------
    khuyencong.Error
        For unknown codes, a ``variant`` of another activity and ``units`` below 1.
    khuyencong.PathAsTextError
        For a ``provincial_pack`` given as a ``str`` file name (pass a ``pathlib.Path``).
    TypeError
        For a ``float`` cost.
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
            provincial_pack=_pack(provincial_pack),
            units=units,
        )
    )


def parse_vnd(text: str) -> ParsedAmount:
    """Reads an amount in Vietnamese notation.

    Parameters
    ----------
    text : str
        ``"1.400 triệu đồng"`` is 1,400,000,000 đồng, exact; ``"hơn 15,2 tỷ"`` is a lower
        bound.

    Returns
    -------
    ParsedAmount
        ``vnd`` (``int`` đồng) and ``exactness``.

    Raises
    ------
    khuyencong.Error
        For ambiguous or malformed text (``"1,400 triệu"``).
    """
    vnd, exactness = _native._parse_vnd(text)
    return ParsedAmount(vnd=vnd, exactness=exactness)

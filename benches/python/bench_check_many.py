"""khuyencong.check_many against general-purpose validators, on the same JSON Lines corpus.

    python benches/python/bench_check_many.py CORPUS.jsonl [CORPUS.jsonl ...] [--repeat N]

Every document is one line of the file, given as ``bytes`` exactly as in the file. Each
reader gets the same list and must say, for every document, everything it finds wrong:

- ``khuyencong``: ``khuyencong.check_many(docs)``: reading, structure and the law's checks
  (eligibility, support limits, reconciliation), every finding found; the count of errors
  is read from each result (``error_count``, which converts no finding to Python);
- ``khuyencong+findings``: the same, and every finding of every result read as a dict (the
  conversion to Python objects that ``findings`` does when it is first read);
- ``jsonschema``: ``json.loads`` then ``list(Draft202012Validator.iter_errors(doc))`` with
  the committed schemas (``document`` dispatching to ``scheme``, ``plan`` and
  ``period_report`` by ``$id``, registered with ``referencing``) and format checking on;
- ``jsonschema_rs``: ``json.loads`` then ``list(validator.iter_errors(doc))``, the same
  schemas registered with ``jsonschema_rs.Registry``, ``validate_formats=True``;
- ``jsonschema_rs+orjson``: the same validator fed by ``orjson.loads`` (the fastest JSON
  reader for Python: the honest peer);
- ``pydantic``: ``TypeAdapter(Scheme | Plan | PeriodReport).validate_json(bytes)`` with the
  models of ``pydantic_models.py`` (a union discriminated by ``kind``), ``e.errors()`` on
  failure;
- ``fastjsonschema``: ``json.loads`` then the compiled validator, from the same schemas
  merged into one draft-07 schema (see :func:`fastjsonschema_schema`); it stops at the
  first error of a document (it cannot collect them all);
- ``fastjsonschema+orjson``: the same, fed by ``orjson.loads``;
- ``orjson``: ``orjson.loads`` alone, no validation at all: the floor, what reading the
  bytes into Python objects costs.

A document that is not JSON counts as one error for the readers that parse with
``json.loads``. Each reader runs once to warm up, then ``--repeat`` times, the readers
interleaved round-robin so that a slow period of a shared machine hits all of them; the
median time is reported. The table also counts the documents each reader refused, so that
one can see they did the same work.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import gc
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import jsonschema_rs
import orjson
import pydantic
import referencing
from referencing.jsonschema import DRAFT202012

import khuyencong

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pydantic_models import DOCUMENT  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "docs" / "schema"
KINDS = ("scheme", "plan", "period_report", "programme")
# Formats the schemas use that are not JSON Schema formats (schemars writes them for integer
# widths; the bounds are also given as minimum and maximum). jsonschema and jsonschema_rs
# ignore unknown formats; fastjsonschema refuses them unless told, so it is told they pass.
INTEGER_FORMATS = ("int32", "uint16", "uint32", "uint64")

Reader = Callable[[list[bytes]], list[int]]
"""Checks every document and returns, for each, how many problems it found."""


def schema(kind: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{kind}.schema.json").read_text("utf-8"))
    return loaded


def read_corpus(path: Path) -> list[bytes]:
    return [line for line in path.read_bytes().split(b"\n") if line.strip()]


# --- the readers ---------------------------------------------------------------------


def khuyencong_reader() -> Reader:
    # What a caller who keeps the documents with errors reads: the number of errors, which
    # needs no finding converted (a package without `error_count` counts the dicts).
    if not hasattr(khuyencong.CheckResult, "error_count"):
        return khuyencong_findings_reader()

    def run(docs: list[bytes]) -> list[int]:
        return [r.error_count for r in khuyencong.check_many(docs)]

    return run


def khuyencong_findings_reader() -> Reader:
    # Every finding of every document read as a dict, as a caller who lists them does.
    def run(docs: list[bytes]) -> list[int]:
        return [
            sum(1 for f in r.findings if f["severity"] == "error")
            for r in khuyencong.check_many(docs)
        ]

    return run


def jsonschema_reader() -> Reader:
    resources = [
        (schema(k)["$id"], referencing.Resource.from_contents(schema(k), default_specification=DRAFT202012))
        for k in KINDS
    ]
    registry: referencing.Registry[Any] = referencing.Registry().with_resources(resources)
    validator = jsonschema.Draft202012Validator(
        schema("document"), registry=registry, format_checker=jsonschema.FormatChecker()
    )

    def run(docs: list[bytes]) -> list[int]:
        out = []
        for b in docs:
            try:
                doc = json.loads(b)
            except ValueError:
                out.append(1)
                continue
            out.append(len(list(validator.iter_errors(doc))))
        return out

    return run


def jsonschema_rs_reader(loads: Callable[[bytes], Any] = json.loads) -> Reader:
    registry = jsonschema_rs.Registry([(schema(k)["$id"], schema(k)) for k in KINDS])
    validator = jsonschema_rs.Draft202012Validator(
        schema("document"), registry=registry, validate_formats=True
    )

    def run(docs: list[bytes]) -> list[int]:
        out = []
        for b in docs:
            try:
                doc = loads(b)
            except ValueError:
                out.append(1)
                continue
            out.append(len(list(validator.iter_errors(doc))))
        return out

    return run


def pydantic_reader() -> Reader:
    validate = DOCUMENT.validate_json

    def run(docs: list[bytes]) -> list[int]:
        out = []
        for b in docs:
            try:
                validate(b)
            except pydantic.ValidationError as e:
                out.append(len(e.errors(include_url=False)))
            else:
                out.append(0)
        return out

    return run


def fastjsonschema_schema() -> dict[str, Any]:
    """The document schema with the three kinds merged in, for a draft-07 validator.

    fastjsonschema knows drafts 4, 6 and 7 and resolves ``$ref`` by URL, not by ``$id``
    registered elsewhere; the ``urn:`` references cannot be fetched. So each kind's
    ``$defs`` move under ``definitions`` with the kind as prefix (``scheme__Activity``), its
    ``#/$defs/X`` references are rewritten to match, the ``urn:…`` references of the
    document schema point at the kinds placed under ``definitions``, and ``$id`` and
    ``$schema`` are dropped. The keywords the schemas use (``const``, ``oneOf``,
    ``anyOf``, ``if``/``then``, ``pattern``, ``format: date``, bounds) all exist in draft 7.
    """
    def rewrite(node: Any, prefix: str) -> Any:
        if isinstance(node, dict):
            out = {}
            for k, v in node.items():
                if k == "$ref" and isinstance(v, str) and v.startswith("#/$defs/"):
                    out[k] = f"#/definitions/{prefix}__{v.removeprefix('#/$defs/')}"
                else:
                    out[k] = rewrite(v, prefix)
            return out
        if isinstance(node, list):
            return [rewrite(v, prefix) for v in node]
        return node

    top = copy.deepcopy(schema("document"))
    top.pop("$id", None)
    top["$schema"] = "http://json-schema.org/draft-07/schema#"
    definitions: dict[str, Any] = {}
    urn = {}
    for kind in KINDS:
        s = schema(kind)
        urn[s["$id"]] = f"#/definitions/{kind}"
        for name, d in s.pop("$defs", {}).items():
            definitions[f"{kind}__{name}"] = rewrite(d, kind)
        s.pop("$id", None)
        s.pop("$schema", None)
        definitions[kind] = rewrite(s, kind)
    for branch in top["allOf"]:
        branch["then"]["$ref"] = urn[branch["then"]["$ref"]]
    top["definitions"] = definitions
    return top


def fastjsonschema_reader(loads: Callable[[bytes], Any] = json.loads) -> Reader:
    validate = fastjsonschema.compile(
        fastjsonschema_schema(), formats={f: (lambda _: True) for f in INTEGER_FORMATS}
    )

    def run(docs: list[bytes]) -> list[int]:
        out = []
        for b in docs:
            try:
                validate(loads(b))
            except (ValueError, fastjsonschema.JsonSchemaException):
                # JsonSchemaValueException is a ValueError too: one error, the first.
                out.append(1)
            else:
                out.append(0)
        return out

    return run


def orjson_reader() -> Reader:
    loads = orjson.loads

    def run(docs: list[bytes]) -> list[int]:
        out = []
        for b in docs:
            try:
                loads(b)
            except orjson.JSONDecodeError:
                out.append(1)
            else:
                out.append(0)
        return out

    return run


READERS: dict[str, Callable[[], Reader]] = {
    "khuyencong": khuyencong_reader,
    "khuyencong+findings": khuyencong_findings_reader,
    "jsonschema": jsonschema_reader,
    "jsonschema_rs": jsonschema_rs_reader,
    "jsonschema_rs+orjson": lambda: jsonschema_rs_reader(orjson.loads),
    "pydantic": pydantic_reader,
    "fastjsonschema": fastjsonschema_reader,
    "fastjsonschema+orjson": lambda: fastjsonschema_reader(orjson.loads),
    "orjson": orjson_reader,
}

WHAT = {
    "khuyencong": "`khuyencong.check_many(docs)`: structure + the law, all findings; `error_count` read",
    "khuyencong+findings": "`khuyencong.check_many(docs)`, every finding read as a dict",
    "jsonschema": "`json.loads` + `Draft202012Validator.iter_errors` (formats on), all errors",
    "jsonschema_rs": "`json.loads` + `Draft202012Validator.iter_errors` (formats on), all errors",
    "pydantic": "`TypeAdapter(...).validate_json(bytes)`, `e.errors()`",
    "fastjsonschema": "`json.loads` + compiled draft-07 validator, first error only",
    "jsonschema_rs+orjson": "`orjson.loads` + `Draft202012Validator.iter_errors` (formats on), all errors",
    "fastjsonschema+orjson": "`orjson.loads` + compiled draft-07 validator, first error only",
    "orjson": "`orjson.loads` alone: no validation (the floor)",
}


# --- timing --------------------------------------------------------------------------


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def measure(corpora: list[Path], repeat: int, only: list[str], clock: str = "wall") -> None:
    # CPU time of the process: on a shared machine it does not count the time spent waiting
    # for a core (every reader runs on the calling thread, the core's check included).
    now = time.process_time if clock == "cpu" else time.perf_counter
    readers = {name: READERS[name]() for name in only}
    print("## Python: check_many against general-purpose validators")
    print()
    print(f"- date: {datetime.datetime.now(datetime.UTC):%Y-%m-%dT%H:%MZ}")
    print(f"- Python {platform.python_version()} ({platform.python_implementation()}), {platform.machine()}")
    print(
        "- versions: "
        + ", ".join(
            f"{d} {version(d)}"
            for d in (
                "khuyencong", "jsonschema", "jsonschema-rs", "pydantic", "pydantic-core",
                "fastjsonschema", "orjson",
            )
        )
    )
    print(
        f"- {repeat} timed runs per reader after one warm-up, interleaved; median shown; "
        + ("CPU time of the process" if clock == "cpu" else "wall-clock time")
    )
    print()
    for path in corpora:
        docs = read_corpus(path)
        size = sum(len(d) for d in docs)
        times: dict[str, list[float]] = {name: [] for name in readers}
        refused: dict[str, int] = {}
        problems: dict[str, int] = {}
        for name, run in readers.items():  # warm-up, and the counts
            counts = run(docs)
            assert len(counts) == len(docs)
            refused[name] = sum(1 for c in counts if c)
            problems[name] = sum(counts)
        for _ in range(repeat):
            for name, run in readers.items():
                gc.collect()
                start = now()
                run(docs)
                times[name].append(now() - start)
        base = statistics.median(times["khuyencong"]) if "khuyencong" in times else None
        print(f"### `{path.name}`: {len(docs):,} documents, {size / 1e6:.2f} MB")
        print()
        print("| reader | median | min–max | documents/s | MB/s | khuyencong is × faster | documents refused | problems found |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name in readers:
            t = statistics.median(times[name])
            ratio = f"{t / base:.1f}×" if base else "—"
            print(
                f"| {name} | {t * 1e3:,.1f} ms | {min(times[name]) * 1e3:,.1f}–{max(times[name]) * 1e3:,.1f} ms "
                f"| {len(docs) / t:,.0f} | {size / t / 1e6:.1f} | {ratio} | {refused[name]:,} | {problems[name]:,} |"
            )
        print()
        sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="JSON Lines files")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per reader (default 5)")
    parser.add_argument(
        "--only", default=",".join(READERS), help=f"comma-separated readers (default: {','.join(READERS)})"
    )
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall-clock time (default) or the process's CPU time (for a loaded machine)",
    )
    args = parser.parse_args()
    only = [n for n in args.only.split(",") if n]
    unknown = [n for n in only if n not in READERS]
    if unknown:
        parser.error(f"unknown readers: {', '.join(unknown)}")
    if os.environ.get("PYTHONDEVMODE") or sys.flags.dev_mode:
        print("warning: Python development mode is on; timings are slower", file=sys.stderr)
    measure(args.corpora, args.repeat, only, args.clock)


if __name__ == "__main__":
    main()

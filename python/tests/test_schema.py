"""The JSON Schemas agree with the library on every document of the corpus, checked with
an independent validator (jsonschema, formats checked), as
crates/khuyencong/tests/integration/schema.rs does in Rust."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped, unused-ignore]
import pytest
import referencing
from referencing.jsonschema import DRAFT202012

import khuyencong
from _corpus import CASES, EXAMPLES, SCHEMAS

KINDS = ["document", "scheme", "plan", "period_report", "programme", "findings"]

# Structural checks only the library makes: the schema cannot see them.
LIBRARY_ONLY = {
    "structure.empty",
    "structure.bom",
    "structure.not_utf8",
    "structure.malformed_json",
    "structure.truncated",
    "structure.duplicate_field",
    "structure.too_deep",
}

# serde_json, which the Rust test reads documents with, refuses deeper input.
MAX_DEPTH = 128


def committed(kind: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return schema


@pytest.mark.parametrize("kind", KINDS)
def test_json_schema_is_the_committed_one(kind: str) -> None:
    schema = khuyencong.json_schema(kind)
    assert schema == committed(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_unknown_schema_is_an_error() -> None:
    with pytest.raises(khuyencong.Error, match="unknown schema `report`"):
        khuyencong.json_schema("report")
    assert khuyencong.json_schema("period-report") == committed("period_report")


def validator() -> jsonschema.Draft202012Validator:
    resources = [
        (committed(k)["$id"], referencing.Resource.from_contents(committed(k), default_specification=DRAFT202012))
        for k in ("scheme", "plan", "period_report", "programme")
    ]
    registry: referencing.Registry[Any] = referencing.Registry().with_resources(resources)
    return jsonschema.Draft202012Validator(
        committed("document"), registry=registry, format_checker=jsonschema.FormatChecker()
    )


def pointer(path: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def schema_paths(error: jsonschema.ValidationError, out: list[str]) -> None:
    out.append(pointer(error.absolute_path))
    for sub in error.context or []:
        schema_paths(sub, out)


def depth(v: Any) -> int:
    deepest, stack = 0, [(v, 0)]
    while stack:
        item, d = stack.pop()
        deepest = max(deepest, d)
        if isinstance(item, dict):
            stack.extend((x, d + 1) for x in item.values())
        elif isinstance(item, list):
            stack.extend((x, d + 1) for x in item)
    return deepest


def resolve(doc: Any, ptr: str) -> Any:
    for token in ptr.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        doc = doc[int(token)] if isinstance(doc, list) else doc[token]
    return doc


def is_integral_float(doc: Any, ptr: str) -> bool:
    try:
        v = resolve(doc, ptr)
    except (KeyError, IndexError, ValueError, TypeError):
        return False
    return isinstance(v, float) and v.is_integer()


def inputs() -> list[Path]:
    found = sorted(CASES.glob("*/input.json"))
    found += sorted(p for p in EXAMPLES.glob("*.json") if "provincial-pack" not in p.name)
    return found


INPUTS = inputs()


def test_corpus_is_large() -> None:
    assert len(INPUTS) >= 40


@pytest.mark.parametrize("path", INPUTS, ids=[f"{p.parent.name}/{p.name}" for p in INPUTS])
def test_schema_and_library_agree(path: Path) -> None:
    raw = path.read_bytes()
    result = khuyencong.check(raw)
    structural = [f for f in result.findings if f["code"].startswith("structure.")]
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        # Not JSON a validator can load: only the library can say what is wrong.
        assert structural
        return
    if depth(doc) > MAX_DEPTH:
        assert structural
        return
    paths: list[str] = []
    for error in validator().iter_errors(doc):
        schema_paths(error, paths)
    read = result.document is not None
    if read:
        assert not paths, f"the library reads it, the schema rejects it at {paths}"
    elif paths:
        lib = [(f["code"], f["path"]) for f in structural]
        assert any(f["path"] in paths for f in structural), f"schema paths {paths}, library {lib}"
    else:
        for f in structural:
            assert f["code"] in LIBRARY_ONLY or (
                f["code"] == "structure.not_whole_number" and is_integral_float(doc, f["path"])
            ), f"the schema accepts what the library rejects: {f['code']} at {f['path']}"


def test_the_validator_rejects_what_it_should() -> None:
    bad = json.loads((CASES / "structure_unknown_activity_code" / "input.json").read_text(encoding="utf-8"))
    paths: list[str] = []
    for error in validator().iter_errors(bad):
        schema_paths(error, paths)
    assert paths
    date = json.loads((CASES / "structure_date_wrong_format" / "input.json").read_text(encoding="utf-8"))
    assert not validator().is_valid(date), "format checking is on"

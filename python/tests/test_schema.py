"""One truth: the library accepts exactly what the published JSON Schemas accept, both
ways, on every document of the corpus and thousands of mutations of it — checked here with
Python's ``jsonschema`` (formats checked) and with ajv in strict draft 2020-12 mode, as
crates/khuyencong/tests/integration/agreement.rs checks it with the Rust ``jsonschema``.

What JSON Schema cannot see is left out by construction: mutations are JSON values (no
duplicate keys, no bad bytes), and values holding an integral float (``1400.0``, which the
schema counts as an integer and the library refuses) are skipped.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path
from collections.abc import Mapping, Sequence
from typing import Any

import jsonschema  # type: ignore[import-untyped, unused-ignore]
import pytest
import referencing
from referencing.jsonschema import DRAFT202012

import khuyencong
from _corpus import CASES, EXAMPLES, SCHEMAS

ROOT = SCHEMAS.parent.parent
KINDS = [
    "document",
    "scheme",
    "plan",
    "period_report",
    "programme",
    "findings",
    "provincial_pack",
    "applicant",
    "assessment",
]
MACHINERY = "advanced_machinery_technology_transfer"

# Structural checks only the library makes: the schema cannot see them.
LIBRARY_ONLY = {
    "structure.empty",
    "structure.not_utf8",
    "structure.malformed_json",
    "structure.truncated",
    "structure.duplicate_field",
    "structure.too_deep",
    "structure.too_large_input",
}


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


def validator(kind: str = "document") -> jsonschema.Draft202012Validator:
    resources = [
        (committed(k)["$id"], referencing.Resource.from_contents(committed(k), default_specification=DRAFT202012))
        for k in ("scheme", "plan", "period_report", "programme")
    ]
    registry: referencing.Registry[Any] = referencing.Registry().with_resources(resources)
    return jsonschema.Draft202012Validator(
        committed(kind), registry=registry, format_checker=jsonschema.FormatChecker()
    )


DOCUMENTS = validator()
APPLICANTS = validator("applicant")


def pointer(path: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def schema_paths(error: jsonschema.ValidationError, out: list[str]) -> None:
    out.append(pointer(error.absolute_path))
    for sub in error.context or []:
        schema_paths(sub, out)


def has_integral_float(v: Any) -> bool:
    if isinstance(v, float):
        return True
    if isinstance(v, dict):
        return any(has_integral_float(x) for x in v.values())
    if isinstance(v, list):
        return any(has_integral_float(x) for x in v)
    return False


def inputs() -> list[Path]:
    found = sorted(CASES.glob("*/input.json"))
    found += sorted(p for p in EXAMPLES.glob("*.json") if "provincial-pack" not in p.name)
    return found


INPUTS = inputs()


def test_corpus_is_large() -> None:
    assert len(INPUTS) >= 60


def errors_of(findings: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [f for f in findings if f["code"].startswith("structure.") and f["severity"] == "error"]


@pytest.mark.parametrize("path", INPUTS, ids=[f"{p.parent.name}/{p.name}" for p in INPUTS])
def test_schema_and_library_agree_on_the_corpus(path: Path) -> None:
    raw = path.read_bytes()
    result = khuyencong.check(raw)
    structural = errors_of(result.findings)
    try:
        # A byte-order mark is ignored by the library (RFC 8259 §8.1).
        doc = json.loads(raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8"))
    except (ValueError, RecursionError):
        # Not JSON a validator can load: only the library can say what is wrong.
        assert structural
        return
    if any(f["code"] == "structure.too_deep" for f in structural):
        # Nesting beyond the library's limit: JSON Schema has no keyword for depth.
        return
    paths: list[str] = []
    for error in DOCUMENTS.iter_errors(doc):
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
                f["code"] == "structure.not_whole_number" and has_integral_float(doc)
            ), f"the schema accepts what the library rejects: {f['code']} at {f['path']}"


# --- mutations --------------------------------------------------------------------------

STRINGS = [
    "", "x", "2022-6-1", "+2025-01-01", " 2025-01-01", "2025-02-30", "2024-02-29", "0.5", "1.5",
    "+0.5", "national", "provincial", "counterpart", MACHINERY, "technology", "exact", "lower_bound",
    "roughly", "cooperative", "scheme", "plan", "period_report", "ward", "class_1",
]


def replacement(rng: random.Random, old: Any) -> Any:
    choice = rng.randrange(20)
    if choice == 0:
        return None
    if choice == 1:
        return True
    if choice in (2, 3):
        return rng.choice([0, -1, 2101, 1999, 9_007_199_254_740_991, 9_007_199_254_740_992, 2**32, 2**64, -(2**31) - 1])
    if choice == 4:
        return 1.5
    if choice in (5, 6, 7):
        return rng.choice(STRINGS)
    if choice == 8:
        return "đ" * rng.randrange(90, 1100)
    if choice == 9:
        return []
    if choice == 10:
        return {}
    if choice == 11:
        return {"x": 1}
    if choice == 12:
        # An object written as the array of its values.
        return list(old.values()) if isinstance(old, dict) else [old]
    if choice == 13:
        # A code written as an object naming it.
        return {old: None} if isinstance(old, str) else {"national": None}
    if choice == 14 and isinstance(old, list) and old:
        return (old * 1001)[: rng.choice([21, 1001])]
    if choice == 15 and isinstance(old, int) and not isinstance(old, bool):
        return rng.choice([old + 1, old * 1000, -old])
    return rng.choice([2024, ["a"], -0.5])


def places(v: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [at]
    if isinstance(v, dict):
        for k, x in v.items():
            out += places(x, (*at, k))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            out += places(x, (*at, i))
    return out


def mutate(rng: random.Random, doc: Any) -> Any:
    out = json.loads(json.dumps(doc))
    for _ in range(rng.randrange(1, 4)):
        at = rng.choice(places(out))
        parent: Any = out
        for key in at[:-1]:
            parent = parent[key]
        action = rng.randrange(5)
        if action == 0 and at and isinstance(parent, dict):
            parent.pop(at[-1], None)
        elif action == 1:
            target = parent[at[-1]] if at else out
            if isinstance(target, dict):
                if rng.random() < 0.3:
                    target["$schema"] = "urn:khuyencong:schema:x:1"
                else:
                    target["colour"] = "red"
        elif at:
            parent[at[-1]] = replacement(rng, parent[at[-1]])
    return out


def seeds() -> list[Any]:
    out = []
    for p in INPUTS:
        try:
            doc = json.loads(p.read_bytes().decode("utf-8"))
        except ValueError:
            continue
        if isinstance(doc, dict) and khuyencong.check(p).document is not None:
            out.append(doc)
    return out


def applicant_seeds(documents: list[Any]) -> list[Any]:
    out = [b for d in documents for b in d.get("beneficiaries", [])]
    out.append(
        {
            "name": "Hợp tác xã Kỹ nghệ",
            "legal_form": "enterprise",
            "sme": {
                "sector": "industry_construction",
                "average_insured_employees": 40,
                "previous_year_revenue": 10_000_000_000,
                "total_capital": 5_000_000_000,
                "figures_year": 2023,
            },
            "priority": {"areas": ["difficult_area"], "local_raw_material_share": "0.6", "insured_workers": 60},
            "head_office": {
                "province_kind": "province",
                "unit_kind": "ward",
                "ward_converted_on": "2020-01-01",
                "city_urban_class": "class_1",
                "district_kind": "provincial_city",
            },
            "kiln_technology": "tunnel_kiln",
            "artisan_title": "peoples_artisan",
        }
    )
    return out


def mutants() -> list[tuple[str, Any, bool]]:
    """``(schema, instance, library verdict)`` of the corpus and its mutations."""
    rng = random.Random(2026)
    documents = seeds()
    assert len(documents) >= 40
    out: list[tuple[str, Any, bool]] = []
    docs = documents + [mutate(rng, rng.choice(documents)) for _ in range(1500)]
    docs = [d for d in docs if not has_integral_float(d)]
    results = khuyencong.check_many([json.dumps(d, ensure_ascii=False) for d in docs])
    out += [("document", d, r.document is not None) for d, r in zip(docs, results, strict=True)]
    applicants = applicant_seeds(documents)
    for _ in range(600):
        a = mutate(rng, rng.choice(applicants))
        if has_integral_float(a) or not isinstance(a, dict):
            continue
        try:
            khuyencong.assess(a, MACHINERY, "2024-06-01")
            ok = True
        except khuyencong.ValidationError:
            ok = False
        out.append(("applicant", a, ok))
    return out


MUTANTS = mutants()


def test_python_jsonschema_agrees_with_the_library_on_mutations() -> None:
    rejected = sum(1 for _, _, ok in MUTANTS if not ok)
    assert rejected > 800 and len(MUTANTS) - rejected > 100
    disagreements = []
    for schema, instance, library in MUTANTS:
        valid = (DOCUMENTS if schema == "document" else APPLICANTS).is_valid(instance)
        if valid != library:
            disagreements.append((schema, library, json.dumps(instance, ensure_ascii=False)[:300]))
    assert not disagreements, f"{len(disagreements)} disagreements: {disagreements[:5]}"


def ajv() -> tuple[str, Path]:
    node = shutil.which("node")
    script = ROOT / ".ci" / "ajv" / "agree.mjs"
    modules = ROOT / ".ci" / "ajv" / "node_modules" / "ajv"
    assert node and modules.exists(), (
        "ajv is needed: `npm ci --prefix .ci/ajv` (bash .ci/run installs it), with node on PATH"
    )
    return node, script


def run_ajv(tmp_path: Path, rows: list[tuple[str, Any, bool]]) -> dict[str, Any]:
    node, script = ajv()
    instances = tmp_path / "instances.jsonl"
    with instances.open("w", encoding="utf-8") as f:
        for schema, instance, library in rows:
            f.write(json.dumps({"schema": schema, "instance": instance, "library": library}, ensure_ascii=False))
            f.write("\n")
    out = subprocess.run(
        [node, str(script), str(SCHEMAS), str(instances)], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def test_the_schemas_compile_in_ajv_strict_mode_without_warnings(tmp_path: Path) -> None:
    result = run_ajv(tmp_path, [])
    assert result["schemas"] == len(KINDS)
    assert result["warnings"] == []


def test_ajv_strict_agrees_with_the_library_on_mutations(tmp_path: Path) -> None:
    result = run_ajv(tmp_path, MUTANTS)
    assert result["checked"] == len(MUTANTS)
    assert result["warnings"] == []
    assert not result["disagreements"], (
        f"{len(result['disagreements'])} disagreements: {result['disagreements'][:5]}"
    )


def test_one_wrong_code_is_one_error_in_ajv(tmp_path: Path) -> None:
    doc = json.loads((EXAMPLES / "scheme-quang-nam-2022.json").read_text(encoding="utf-8"))
    doc["activities"][0] = "may_moc"
    node, script = ajv()
    instances = tmp_path / "one.jsonl"
    instances.write_text(json.dumps({"schema": "scheme", "instance": doc, "library": True}) + "\n", encoding="utf-8")
    out = subprocess.run([node, str(script), str(SCHEMAS), str(instances)], capture_output=True, text=True, check=True)
    (disagreement,) = json.loads(out.stdout)["disagreements"]
    assert disagreement["errors"] == ["/activities/0 enum must be equal to one of the allowed values"]


def test_the_validator_rejects_what_it_should() -> None:
    bad = json.loads((CASES / "structure_unknown_activity_code" / "input.json").read_text(encoding="utf-8"))
    assert not DOCUMENTS.is_valid(bad)
    date = json.loads((CASES / "structure_date_without_leading_zeros" / "input.json").read_text(encoding="utf-8"))
    assert not DOCUMENTS.is_valid(date), "format checking is on"


def recipe(language: str) -> str:
    text = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    block = text.split(f"```{language}\n", 1)[1].split("```", 1)[0]
    return block


def test_the_javascript_recipe_runs_in_strict_mode_without_warnings() -> None:
    node, _ = ajv()
    program = 'const doc = require("./docs/examples/an-giang-2021-2025.json");\n' + recipe("js")
    bad = program.replace("an-giang-2021-2025.json", "../../tests/cases/structure_unknown_activity_code/input.json")
    env = {**os.environ, "NODE_PATH": str(ROOT / ".ci" / "ajv" / "node_modules")}
    ok = subprocess.run([node, "-e", program], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert (ok.stdout, ok.stderr) == ("", "")
    out = subprocess.run([node, "-e", bad], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert "/results/0/activity must be equal to one of the allowed values" in out.stdout
    assert out.stderr == ""


def test_the_python_recipe_runs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(recipe("python"), {})  # noqa: S102 - the documented recipe itself
    assert capsys.readouterr().out == ""

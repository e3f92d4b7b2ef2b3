"""One truth across the fronts: the ``khuyencong`` command and the Python package give
identical findings — code, severity, path, both messages, parameters, citation — and the
same kind and id, on the whole corpus, on every class of bad input of docs/bad-inputs.md
(tests/bad-inputs/), as single files and as JSON Lines; and identical assessments on the
eligibility corpus.

The command is the one ``cargo test`` builds (``target/debug/khuyencong``; set
``KHUYENCONG_CLI`` to use another build).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

import khuyencong
from _corpus import CASES, EXAMPLES, ROOT
from khuyencong import _khuyencong as native

BAD_INPUTS = ROOT / "tests" / "bad-inputs"


def cli() -> str:
    path = os.environ.get("KHUYENCONG_CLI") or str(ROOT / "target" / "debug" / "khuyencong")
    assert Path(path).is_file(), f"build the command first (cargo build -p khuyencong-cli): {path}"
    return path


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([cli(), *args], capture_output=True, check=False)


def large_inputs(tmp: Path) -> list[Path]:
    """The classes too large to commit: an input past 16 MiB, a million values."""
    seed = (EXAMPLES / "scheme-quang-nam-2022.json").read_bytes()
    oversize = tmp / "oversize.json"
    oversize.write_bytes(seed + b" " * (16 * 1024 * 1024 + 1 - len(seed)))
    many = tmp / "many-values.json"
    many.write_bytes(b"[0" + b",0" * 1_000_000 + b"]")
    return [oversize, many]


def documents(tmp: Path) -> list[Path]:
    files = sorted(CASES.glob("*/input.json"))
    files += sorted(p for p in EXAMPLES.glob("*.json") if "provincial-pack" not in p.name)
    files += sorted(BAD_INPUTS.glob("*.json"))
    files += large_inputs(tmp)
    return files


def test_check_gives_the_same_findings_in_the_command_and_in_python(tmp_path: Path) -> None:
    files = documents(tmp_path)
    assert len(files) > 140
    out = run("check", "--format", "json", *map(str, files))
    assert out.returncode == 1, out.stderr
    report = json.loads(out.stdout)
    assert len(report["documents"]) == len(files)
    results = khuyencong.check_many(files)
    differ = []
    for path, from_cli, from_py in zip(files, report["documents"], results, strict=True):
        assert from_cli["file"] == str(path)
        py = {"kind": from_py.kind, "id": from_py.id, "findings": from_py.findings}
        command = {"kind": from_cli.get("kind"), "id": from_cli.get("id"), "findings": from_cli["findings"]}
        if py != command:
            differ.append(path.name)
    assert not differ, differ
    codes = {f["code"] for d in report["documents"] for f in d["findings"]}
    assert {"structure.not_utf8", "structure.too_large_input", "structure.rules_not_run", "structure.bom"} <= codes
    summary = report["summary"]
    assert summary["documents"] == len(files)
    assert summary["errors"] == sum(1 for r in results for f in r.findings if f["severity"] == "error")


def test_json_lines_give_the_same_findings_in_the_command_and_in_python(tmp_path: Path) -> None:
    lines: list[bytes] = []
    for path in documents(tmp_path)[:-2]:
        raw = path.read_bytes()
        try:
            one = json.dumps(json.loads(raw.removeprefix(b"\xef\xbb\xbf")), ensure_ascii=False).encode()
        except ValueError:
            one = raw
        if b"\n" not in one and b"\r" not in one and one.strip():
            lines.append(one.strip())
    batch = tmp_path / "all.jsonl"
    batch.write_bytes(b"\n".join(lines) + b"\n")
    out = run("check", "--format", "jsonl", str(batch))
    from_cli = [json.loads(line) for line in out.stdout.splitlines()]
    from_py = khuyencong.check_many(lines)
    assert len(from_cli) == len(from_py) == len(lines) > 100
    for n, (c, p) in enumerate(zip(from_cli, from_py, strict=True), start=1):
        assert c["line"] == n
        assert (c.get("kind"), c.get("id"), c["findings"]) == (p.kind, p.id, p.findings), n


CASES_JSON: list[dict[str, Any]] = json.loads((CASES / "eligibility" / "cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES_JSON[::4], ids=[c["name"] for c in CASES_JSON[::4]])
def test_eligibility_gives_the_same_assessment_in_the_command_and_in_python(case: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "applicant.json"
    path.write_text(json.dumps(case["applicant"], ensure_ascii=False), encoding="utf-8")
    out = run("eligibility", str(path), "--activity", case["activity"], "--as-of", case["as_of"])
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == native._assess(case["applicant"], case["activity"], case["as_of"])


def test_a_bad_applicant_gives_the_same_findings_in_the_command_and_in_python(tmp_path: Path) -> None:
    facts = {"name": "Hợp tác xã Đồng Hưng", "sme": {"total_capital": 1.5, "figures_year": 2**40}, "colour": 1}
    path = tmp_path / "applicant.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    out = run("eligibility", str(path), "--activity", "information", "--as-of", "2024-06-01", "--lang", "en")
    assert out.returncode == 2
    with pytest.raises(khuyencong.ValidationError) as info:
        khuyencong.assess(facts, "information", "2024-06-01")
    stderr = out.stderr.decode()
    for f in info.value.findings:
        path_shown = f["path"] or "/"
        assert f"{path_shown}  {f['code']}  {f['message_en']}" in stderr, stderr

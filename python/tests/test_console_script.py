"""The ``khuyencong`` console script (and ``python -m khuyencong``) is the command: the same
bytes on standard output, the same exit status, the same end on a closed pipe and on Ctrl-C
as the binary built with Cargo, on the whole corpus.

The binary is the one ``cargo test`` builds (``target/debug/khuyencong``; set
``KHUYENCONG_CLI`` to use another build).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from _corpus import CASES, EXAMPLES, ROOT


def binary() -> str:
    path = os.environ.get("KHUYENCONG_CLI") or str(ROOT / "target" / "debug" / "khuyencong")
    assert Path(path).is_file(), f"build the command first (cargo build -p khuyencong-cli): {path}"
    return path


def script() -> str:
    found = shutil.which("khuyencong", path=str(Path(sys.executable).parent))
    assert found is not None, "the package installs a `khuyencong` console script"
    return found


def corpus() -> list[str]:
    files = sorted(CASES.glob("*/input.json")) + sorted(EXAMPLES.glob("*.json"))
    assert len(files) > 140
    return [str(p.relative_to(ROOT)) for p in files]


Run = subprocess.CompletedProcess[bytes]


def both(*args: str) -> tuple[Run, Run]:
    runs = tuple(
        subprocess.run([exe, *args], capture_output=True, check=False, cwd=ROOT)
        for exe in (binary(), script())
    )
    return runs[0], runs[1]


def same(*args: str) -> subprocess.CompletedProcess[bytes]:
    rust, python = both(*args)
    assert python.returncode == rust.returncode, (args, python.stderr)
    assert python.stdout == rust.stdout, args
    assert python.stderr == rust.stderr, args
    return rust


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "sarif"])
def test_check_is_byte_identical_on_the_corpus(fmt: str) -> None:
    out = same("check", "--format", fmt, *corpus())
    assert out.returncode == 1  # the corpus holds documents with errors
    assert len(out.stdout) > 10_000


def test_check_in_english_quiet_and_without_fixes_is_byte_identical() -> None:
    same("check", "--lang", "en", "--no-fix", *corpus())
    same("check", "--quiet", "--color", "always", *corpus())
    same("check", "docs/examples")  # a folder, expanded by the command


def readable(files: list[str]) -> list[str]:
    """The files whose document can be read (a kind and an id), which totals accept."""
    done = subprocess.run(
        [binary(), "check", "--format", "json", *files], capture_output=True, check=False, cwd=ROOT
    )
    report = json.loads(done.stdout)
    return [
        d["file"]
        for d in report["documents"]
        if d.get("kind")
        and d.get("id")
        and not any(f["code"].startswith("structure.") for f in d["findings"])
    ]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--by", "province,source,activity"],
        ["--by", "period,fund_level", "--lang", "en", "--amounts", "dong"],
        ["--by", "source", "--format", "json"],
        ["--by", "activity", "--format", "csv"],
    ],
)
def test_totals_are_byte_identical_on_the_corpus(args: list[str]) -> None:
    files = readable(corpus())
    assert len(files) > 100
    out = same("totals", *args, *files)
    assert out.returncode == 0, out.stderr
    # An unreadable document stops totals with status 2, in both.
    assert same("totals", *args, *corpus()).returncode == 2


def test_help_version_usage_errors_and_python_m() -> None:
    for args in (["--help"], ["--help", "--lang", "en"], ["check", "-h"], ["--version"]):
        assert same(*args).returncode == 0
    assert same("check").returncode == 2
    assert same("check", "--format", "xml", "x.json").returncode == 2
    assert same("explain", "no.such_code").returncode == 2
    module = subprocess.run(
        [sys.executable, "-m", "khuyencong", "check", "docs/examples/an-giang-2021-2025.json"],
        capture_output=True,
        check=False,
        cwd=ROOT,
    )
    rust = subprocess.run(
        [binary(), "check", "docs/examples/an-giang-2021-2025.json"],
        capture_output=True,
        check=False,
        cwd=ROOT,
    )
    assert (module.returncode, module.stdout) == (rust.returncode, rust.stdout)


def test_output_file_is_the_same(tmp_path: Path) -> None:
    outputs: list[bytes] = []
    for exe in (binary(), script()):
        target = tmp_path / f"{Path(exe).name}-{len(outputs)}.txt"
        args = ["totals", "--by", "source", "docs/examples/an-giang-2021-2025.json"]
        done = subprocess.run(
            [exe, *args, "-o", str(target)], capture_output=True, check=False, cwd=ROOT
        )
        assert done.returncode == 0 and done.stdout == b""
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] and b"Kinh ph" in outputs[0]


def many_lines(tmp: Path) -> Path:
    path = tmp / "many.jsonl"
    line = b'{"kind": "plan", "schema_version": 1, "id": "p", "year": 2024.5}\n'
    path.write_bytes(line * 200_000)
    return path


def test_a_closed_pipe_ends_both_with_141(tmp_path: Path) -> None:
    path = many_lines(tmp_path)
    for exe in (binary(), script()):
        child = subprocess.Popen(
            [exe, "check", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert child.stdout is not None
        assert len(child.stdout.read(64)) == 64
        child.stdout.close()
        _, err = child.communicate(timeout=120)
        assert child.returncode == 141, (exe, err)
        assert err == b"", (exe, err)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_stops_both_at_once(tmp_path: Path) -> None:
    path = many_lines(tmp_path)
    for exe in (binary(), script()):
        child = subprocess.Popen(
            [exe, "check", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert child.stdout is not None
        # Output has started: the command is running (the script's handler is set by then).
        assert len(child.stdout.read(64)) == 64
        child.send_signal(signal.SIGINT)
        child.stdout.close()
        _, err = child.communicate(timeout=120)
        assert child.returncode == -signal.SIGINT, (exe, child.returncode, err)
        assert b"Traceback" not in err, err

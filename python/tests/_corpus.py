"""Where the shared cases live (the same files the Rust tests read)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "cases"
EXAMPLES = ROOT / "docs" / "examples"
SCHEMAS = ROOT / "docs" / "schema"


def case_dirs() -> list[Path]:
    """Every case directory with an ``expected.json``, in name order."""
    return sorted(d for d in CASES.iterdir() if (d / "expected.json").is_file())

"""The analyst notebook runs end to end in a real kernel of this Python and shows the
seed report's numbers and a chart."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbclient
import nbformat
import pytest

from _corpus import ROOT

NOTEBOOK = ROOT / "docs" / "notebooks" / "analyst-walkthrough.ipynb"


def test_the_notebook_runs_and_shows_the_seed_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A kernel spec for the interpreter running the tests, found before any other.
    spec = tmp_path / "kernels" / "khuyencong-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "khuyencong tests",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call, unused-ignore]
    client = nbclient.NotebookClient(
        nb,
        kernel_name="khuyencong-test",
        timeout=120,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    text: list[str] = []
    images = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                text.append(output["text"])
            data = output.get("data", {})
            text.append(data.get("text/plain", ""))
            text.append(data.get("text/html", ""))
            images += "image/png" in data
            assert output.get("output_type") != "error", output
    joined = "\n".join(text)
    assert "Total funding: 34,387 million VND" in joined
    assert "Counterpart: 17,290 million VND" in joined
    assert "an-giang-kcqg-2021-2025" in joined
    assert images >= 1

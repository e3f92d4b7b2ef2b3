"""The register from Python: every question returns a DataFrame, on SQLite and on
PostgreSQL (when ``KHUYENCONG_TEST_POSTGRES`` names a server; ``.ci/run`` starts one)."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pandas  # type: ignore[import-untyped, unused-ignore]
import polars
import pytest

import khuyencong
from khuyencong.register import Register

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [
    ROOT / "docs/examples" / name
    for name in (
        "an-giang-2021-2025.json",
        "plan-example-2024.json",
        "scheme-giong-rieng-2025.json",
        "scheme-long-an-2018.json",
        "scheme-quang-nam-2022.json",
    )
]


def _postgres() -> Iterator[str]:
    admin = os.environ.get("KHUYENCONG_TEST_POSTGRES")
    if not admin:
        pytest.skip("KHUYENCONG_TEST_POSTGRES is not set (.ci/run starts a server)")
    name = f"kc_py_{uuid.uuid4().hex[:12]}"
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
    try:
        yield admin.rsplit("/", 1)[0] + "/" + name
    finally:
        subprocess.run(
            ["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True
        )


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "khuyencong.db")
    else:
        yield from _postgres()


def test_add_then_every_question_returns_a_frame(db: str) -> None:
    reg = Register.init(db)
    assert reg.dialect == ("sqlite" if "://" not in db else "postgresql")
    added = reg.add(EXAMPLES)
    assert isinstance(added, pandas.DataFrame)
    assert list(added["status"]) == ["accepted"] * 5
    assert added["version"].dtype == "int64"
    # Again: nothing new.
    assert list(reg.add(EXAMPLES[:1])["status"]) == ["unchanged"]

    money = reg.money(by=["source"])
    assert str(money["funding_vnd"].dtype) == "int64"
    report = money[money["kind"] == "period_report"]
    assert int(report["funding_vnd"].sum()) == 34_387_000_000
    # The same as the library's totals of the same files.
    direct = khuyencong.totals([EXAMPLES[0]], by=["source"]).rows
    assert sorted(int(v) for v in report["funding_vnd"]) == sorted(
        r["funding_vnd"] for r in direct
    )

    unreported = reg.unreported()
    assert sorted(unreported["scheme_id"]) == [
        "kcdp-2018-long-an-banh-trang-co-ut",
        "kcdp-2025-giong-rieng-hkd-2-dau",
        "kcqg-2022-quang-nam-htx-ky-nghe",
    ]
    progress = reg.progress()
    assert set(progress["measure"]) >= {"establishments", "models"}
    assert reg.beneficiaries(all=True).shape[0] == 3
    assert reg.beneficiaries().empty and "double_funding" in reg.beneficiaries().columns
    assert reg.recheck().empty
    assert reg.schemes().shape[0] == 7
    assert reg.documents().shape[0] == 5
    assert isinstance(reg.unreported(frame="polars"), polars.DataFrame)
    assert reg.sql("SELECT COUNT(*) AS n FROM v_current_documents")["n"].tolist() == ["5"]


def test_programme_progress_is_the_librarys(db: str) -> None:
    programme = ROOT / "docs/examples/programme-example-2021-2025.json"
    report = ROOT / "docs/examples/report-example-2021-2025.json"
    reg = Register.init(db)
    assert list(reg.add([programme, report])["status"]) == ["accepted"] * 2
    frame = reg.programme_progress()
    direct = khuyencong.progress([programme, report]).rows
    assert frame.shape[0] == len(direct) == 9
    assert list(frame["target_id"]) == [r["target_id"] for r in direct]
    assert [None if pandas.isna(v) else int(v) for v in frame["achieved"]] == [
        r["achieved"] for r in direct
    ]
    assert frame["programme_version"].tolist() == [1] * 9
    # Programme targets are not answered again by the question on reports' proposals.
    assert "programme" not in set(reg.progress()["basis"])
    assert isinstance(reg.programme_progress(frame="polars"), polars.DataFrame)


def test_versions_states_and_rejections(db: str) -> None:
    reg = Register.init(db)
    reg.add(EXAMPLES)
    fixed = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    fixed["title"] = "Báo cáo (bản sửa đổi)"
    out = reg.add([fixed, b"{", "{\"kind\": \"plan\"}"])
    assert list(out["status"]) == ["accepted", "rejected", "rejected"]
    assert out["supersedes"].tolist()[0] == 1
    docs = reg.documents()
    assert docs[docs["doc_id"] == "an-giang-kcqg-2021-2025"]["is_current"].tolist() == [0, 1]
    reg.record_state("kcdp-2024-01", "implemented", "2024-09-30", "BB nghiệm thu")
    schemes = reg.schemes()
    assert schemes[schemes["scheme_id"] == "kcdp-2024-01"]["state"].tolist() == ["implemented"]
    with pytest.raises(khuyencong.Error) as e:
        reg.record_state("no-such-scheme", "approved", "2024-01-01", "1/QĐ")
    assert "chưa có văn bản" in e.value.message_vi
    with pytest.raises(TypeError):
        reg.add([{"kind": "plan", "amount": 1.5}])
    with pytest.raises(TypeError):
        reg.add(EXAMPLES[0])  # type: ignore[arg-type]
    with pytest.raises(khuyencong.Error):
        reg.money(province="then")  # type: ignore[arg-type]
    now = reg.money(by=["province"], province="now")
    assert "da_nang_2025" in set(now["province_now"])


def test_export_and_import_round_trip(db: str, tmp_path: Path) -> None:
    reg = Register.init(db)
    reg.add(EXAMPLES)
    first = tmp_path / "a.jsonl"
    n = reg.export(first)
    assert n > 50
    copy = Register.import_(first, tmp_path / "copy.db")
    second = tmp_path / "b.jsonl"
    assert copy.export(second) == n
    assert first.read_bytes() == second.read_bytes()
    with pytest.raises(khuyencong.Error):
        Register.import_(first, tmp_path / "copy.db")


def test_opening_a_missing_register_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(khuyencong.Error) as e:
        Register(tmp_path / "none.db")
    assert "register init" in str(e.value)
    assert Register.init(tmp_path / "new.db").schema_version == Register.migrate(
        tmp_path / "new.db"
    )[1]


def test_the_python_example_of_docs_register_md_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (ROOT / "docs/register.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in text.split("```python\n")[1:]]
    assert len(blocks) == 1
    (tmp_path / "reports").mkdir()
    for path in EXAMPLES:
        (tmp_path / "reports" / path.name).write_bytes(path.read_bytes())
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(compile(blocks[0], "docs/register.md", "exec"), scope)
    assert (tmp_path / "copy.db").exists()
    df = scope["df"]
    assert isinstance(df, pandas.DataFrame)
    assert int(df["funding_vnd"].sum()) > 34_387_000_000

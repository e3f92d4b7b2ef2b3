"""The analyst's paper cuts: a file name given as a str, folders and spreadsheets given as
paths, load() on a folder that also holds a provincial pack, one frame of every finding,
totals frames, short reprs and the citation of every support limit."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pandas as pd  # type: ignore[import-untyped, unused-ignore]
import polars as pl
import pytest

import khuyencong
from khuyencong.results import FINDINGS_COLUMNS
from khuyencong.types import Finding

from _corpus import EXAMPLES, ROOT

SEED = EXAMPLES / "an-giang-2021-2025.json"
PACK = EXAMPLES / "provincial-pack.example.json"
OFFICER = ROOT / "tests" / "sheets" / "scheme-officer.xlsx"
PLAN_CSV = "\ufeffSTT;id;year;fund_level;budget.total\r\n1;kh;2024;national;1,4 tỷ\r\n"
PLAN = {"kind": "plan", "schema_version": 1, "id": "kh.json", "year": 2024, "fund_level": "national"}


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    khuyencong.set_language("vi")


# --- A str is JSON text; a file is a Path -------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["reports/2024.json", "bao-cao.JSONL", "x.ndjson", "de-an.xlsx", "ke-hoach.csv", "  a.json \n"],
)
def test_a_str_ending_like_a_document_file_is_refused_everywhere(name: str) -> None:
    # The file need not exist: the name alone says it is not JSON text.
    calls: list[Callable[[], object]] = [
        lambda: khuyencong.check(name),
        lambda: khuyencong.check_many([PLAN, name]),
        lambda: khuyencong.totals([name]),
    ]
    for call in calls:
        with pytest.raises(khuyencong.PathAsTextError) as caught:
            call()
        e = caught.value
        assert isinstance(e, khuyencong.Error) and isinstance(e, TypeError)
        assert "pathlib.Path" in e.message_en and "pass pathlib.Path" in e.message_en
        assert "chuỗi" in e.message_vi and "hãy truyền pathlib.Path" in e.message_vi
        assert name.strip() in str(e)
    with pytest.raises(khuyencong.PathAsTextError, match="document 1"):
        khuyencong.check_many([PLAN, name])
    # It pickles (for multiprocessing) and keeps both messages.
    with pytest.raises(khuyencong.PathAsTextError) as caught:
        khuyencong.check(name)
    again = pickle.loads(pickle.dumps(caught.value))
    assert (again.message_en, again.message_vi) == (caught.value.message_en, caught.value.message_vi)


def test_a_str_naming_an_existing_file_or_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bao-cao").write_text(json.dumps(PLAN), encoding="utf-8")  # no extension
    Path("reports").mkdir()
    for name in ["bao-cao", "reports", str(tmp_path / "bao-cao"), str(SEED)]:
        with pytest.raises(khuyencong.PathAsTextError, match="pathlib.Path"):
            khuyencong.check(name)
    # The same file as a Path is read.
    assert khuyencong.check(Path("bao-cao")).ok


def test_a_provincial_pack_file_name_as_a_str_is_refused_but_a_shipped_name_is_read() -> None:
    with pytest.raises(khuyencong.PathAsTextError):
        khuyencong.check(SEED, provincial_pack=str(PACK))
    with pytest.raises(khuyencong.PathAsTextError):
        khuyencong.max_support(
            "demonstration_model", 2_000_000_000, "2025-06-01", fund="provincial",
            variant="new_technology_or_product", provincial_pack="pack.json",
        )
    assert khuyencong.check(SEED, provincial_pack="dong-thap-2024").kind == "period_report"
    assert khuyencong.check(SEED, provincial_pack=PACK).kind == "period_report"


def test_json_text_is_still_json_text() -> None:
    # JSON text mentioning ".json", with white space around it, is read as JSON.
    text = json.dumps(PLAN)
    inputs: list[str | bytes] = [text, f"  \n{text}\n", text.encode()]
    for given in inputs:
        r = khuyencong.check(given)
        assert (r.kind, r.id) == ("plan", "kh.json") and r.ok
    # A str that is neither JSON nor a file name is JSON text that cannot be read: findings.
    for not_json in ["reports/2024", "khong-ton-tai/bao-cao", "{", ""]:
        r = khuyencong.check(not_json)
        assert not r.ok and r.findings[0]["code"].startswith("structure."), not_json
    # JSON that is not a document (an array) is a finding, not a path error.
    assert khuyencong.check('["a.json"]').findings[0]["code"].startswith("structure.")


# --- Paths: spreadsheets, JSON Lines and folders ------------------------------------------


def test_a_spreadsheet_path_is_read_by_the_spreadsheet_reader(tmp_path: Path) -> None:
    r = khuyencong.check(OFFICER)
    expected = khuyencong.read_excel(OFFICER)[0].check()
    assert isinstance(r, khuyencong.SheetCheckResult)
    assert r.findings == expected.findings and r.findings
    assert any("cell" in f for f in r.findings)
    csv = tmp_path / "ke-hoach.csv"
    csv.write_text(PLAN_CSV, encoding="utf-8")
    c = khuyencong.check(csv)
    assert (c.kind, c.id) == ("plan", "kh")
    assert c.findings == khuyencong.read_excel(csv)[0].check().findings
    # Not read as JSON: no structure.malformed_json.
    assert all(not f["code"].startswith("structure.") for f in c.findings)


def _tree(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b.json").write_text(json.dumps(PLAN), encoding="utf-8")
    lines = [json.dumps({**PLAN, "id": f"line-{i}"}) for i in (1, 2)]
    (root / "a.jsonl").write_text(f"{lines[0]}\n\n{lines[1]}\n", encoding="utf-8")
    (root / "sub" / "ke-hoach.csv").write_text(PLAN_CSV, encoding="utf-8")
    (root / "sub" / "deeper" / "z.json").write_text(json.dumps({**PLAN, "id": "deep"}), encoding="utf-8")
    (root / "sub" / "~$ke-hoach.xlsx").write_bytes(b"lock")  # Excel's lock file
    (root / ".hidden" / "x.json").write_text("{", encoding="utf-8")
    (root / "notes.txt").write_text("not a document", encoding="utf-8")


def test_a_folder_stands_for_its_documents_recursively_in_order(tmp_path: Path) -> None:
    _tree(tmp_path)
    expected = [
        ("line-1", "a.jsonl", 1),
        ("line-2", "a.jsonl", 3),
        ("kh.json", "b.json", None),
        ("kh", os.path.join("sub", "ke-hoach.csv"), None),
        ("deep", os.path.join("sub", "deeper", "z.json"), None),
    ]
    results = khuyencong.check_many([tmp_path])
    got = [(r.id, os.path.relpath(r.file or "", tmp_path), r.line) for r in results]
    assert got == expected
    assert all(r.ok for r in results)
    # A folder given twice is read twice, in the same order; mixed with other inputs.
    again = khuyencong.check_many([PLAN, tmp_path, tmp_path])
    assert [r.id for r in again] == ["kh.json"] + [e[0] for e in expected] * 2
    loaded = khuyencong.load(tmp_path)
    assert [(d.id, os.path.relpath(d.source or "", tmp_path), d.line) for d in loaded] == expected
    t = khuyencong.totals([tmp_path], by=["kind"])
    assert [d["id"] for d in t.documents] == [e[0] for e in expected]
    with pytest.raises(khuyencong.Error, match="check_many"):
        khuyencong.check(tmp_path)
    with pytest.raises(khuyencong.Error, match="2 documents"):
        khuyencong.check(tmp_path / "a.jsonl")


def test_a_bad_line_of_a_json_lines_path_is_a_result_not_an_exception(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    f.write_bytes(json.dumps(PLAN).encode() + b"\n{\n\xff\xfe\n")
    results = khuyencong.check_many([f])
    assert [r.line for r in results] == [1, 2, 3]
    assert results[0].ok and not results[1].ok and not results[2].ok
    assert results[2].findings[0]["code"] == "structure.not_utf8"


# --- load(on_error=...) ---------------------------------------------------------------------


def _mixed_folder(root: Path) -> None:
    shutil.copy(PACK, root / "0-pack.json")
    shutil.copy(SEED, root / "1-report.json")
    (root / "2-broken.json").write_text('{"kind": "plan", "id": "x", "year": "hai nghìn"}', encoding="utf-8")
    good = json.dumps(PLAN)
    (root / "3-lines.jsonl").write_text(f"{good}\n{{\n{good}\n", encoding="utf-8")
    os.mkfifo(root / "4-fifo.json")  # cannot be read: not a regular file
    (root / "5-schema.json").write_text('{"$schema": "https://json-schema.org/draft/2020-12/schema"}', encoding="utf-8")
    shutil.copy(OFFICER, root / "6-officer.xlsx")  # a workbook with a wrong code
    (root / "7-plan.csv").write_text(PLAN_CSV, encoding="utf-8")


def test_load_raises_by_default_and_names_a_pack(tmp_path: Path) -> None:
    _mixed_folder(tmp_path)
    with pytest.raises(khuyencong.ValidationError) as caught:
        khuyencong.load(tmp_path)
    e = caught.value
    assert "0-pack.json" in e.message_en and "provincial rule pack" in e.message_en
    assert 'on_error="skip"' in e.message_en and "gói quy định" in e.message_vi
    (tmp_path / "0-pack.json").unlink()
    with pytest.raises(khuyencong.ValidationError, match="2-broken.json"):
        khuyencong.load(tmp_path)
    with pytest.raises(khuyencong.Error, match="on_error"):
        khuyencong.load(tmp_path, on_error="ignore")  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        khuyencong.load(tmp_path / "missing", on_error="skip")


def test_load_skip_leaves_out_what_is_not_a_document_with_a_warning(tmp_path: Path) -> None:
    _mixed_folder(tmp_path)
    with pytest.warns(khuyencong.LoadWarning) as record:
        loaded = khuyencong.load(tmp_path, on_error="skip")
    assert [(d.id, Path(d.source or "").name, d.line) for d in loaded] == [
        ("an-giang-kcqg-2021-2025", "1-report.json", None),
        ("kh.json", "3-lines.jsonl", 1),
        ("kh.json", "3-lines.jsonl", 3),
        ("kh", "7-plan.csv", None),
    ]
    skipped = [(Path(s["source"]).name, s["line"], s["reason"]) for s in loaded.skipped]
    assert skipped == [
        ("0-pack.json", None, "not_a_document"),
        ("2-broken.json", None, "unreadable_document"),
        ("3-lines.jsonl", 2, "unreadable_document"),
        ("4-fifo.json", None, "unreadable_file"),
        ("5-schema.json", None, "not_a_document"),
        ("6-officer.xlsx", None, "unreadable_document"),
    ]
    assert len(record) == len(skipped)
    assert "provincial rule pack" in str(record[0].message) and "gói quy định" in str(record[0].message)
    broken = loaded.skipped[1]
    assert any(f["path"] == "/year" for f in broken["findings"])
    assert all(s["message_vi"] and s["message_en"] for s in loaded.skipped)
    assert repr(loaded) == "Loaded(documents=4, skipped=6)"
    # What was loaded checks and totals like any list of documents.
    assert len(khuyencong.check_many(loaded)) == 4


def test_load_collect_is_quiet_and_keeps_the_same_list(tmp_path: Path) -> None:
    _mixed_folder(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        collected = khuyencong.load(tmp_path, on_error="collect")
    with pytest.warns(khuyencong.LoadWarning):
        skipped = khuyencong.load(tmp_path, on_error="skip")
    assert list(collected) == list(skipped) and collected.skipped == skipped.skipped
    assert isinstance(collected, list)


# --- findings_frame -------------------------------------------------------------------------


def _batch(tmp_path: Path) -> list[khuyencong.CheckResult]:
    lines = tmp_path / "batch.jsonl"
    lines.write_text(json.dumps(PLAN) + "\n{\n", encoding="utf-8")
    return khuyencong.check_many(
        [EXAMPLES / "scheme-long-an-2018.json", lines, OFFICER, {"kind": "plan"}]
    )


def test_findings_frame_pandas_has_every_finding_of_the_batch(tmp_path: Path) -> None:
    results = _batch(tmp_path)
    df = khuyencong.findings_frame(results)
    assert isinstance(df, pd.DataFrame)
    assert tuple(df.columns) == FINDINGS_COLUMNS == (
        "id", "kind", "file", "line", "code", "severity", "path", "cell", "message", "fix",
        "citation", "confidence",
    )
    flat = [(r, f) for r in results for f in r.findings]
    assert len(df) == len(flat)
    assert list(df["code"]) == [f["code"] for _, f in flat]
    assert list(df["message"]) == [f["message_vi"] for _, f in flat]
    # Where each came from.
    assert df["file"].iloc[0].endswith("scheme-long-an-2018.json")
    bad_line = df[df["line"] == 2]
    assert len(bad_line) >= 1 and bad_line["file"].iloc[0].endswith("batch.jsonl")
    officer = df[df["file"].fillna("").str.endswith("scheme-officer.xlsx")]
    assert officer["cell"].notna().any()
    # One missing marker: pandas.NA, never None or "".
    assert df["file"].isna().sum() == len(results[-1].findings)
    others = df.drop(columns=["path"]).astype(object).to_numpy().ravel().tolist()
    assert not any(v is None or (isinstance(v, str) and not v) for v in others)
    # Fix from explain(), citation rendered.
    code = results[0].findings[0]["code"]
    assert df["fix"].iloc[0] == khuyencong.explain(code)["fix_vi"]
    cited = [(i, f) for i, (_, f) in enumerate(flat) if "citation" in f]
    assert cited
    i, f = cited[0]
    assert df["citation"].iloc[i] == khuyencong.render_citation(f["citation"], "vi")
    en = khuyencong.findings_frame(results, lang="en")
    assert list(en["message"]) == [f["message_en"] for _, f in flat]
    assert en["citation"].iloc[i] == khuyencong.render_citation(f["citation"], "en")


def test_findings_frame_polars_and_an_empty_batch() -> None:
    results = khuyencong.check_many([SEED, {"kind": "plan"}])
    df = khuyencong.findings_frame(results, lang="en", backend="polars")
    assert isinstance(df, pl.DataFrame)
    assert tuple(df.columns) == FINDINGS_COLUMNS
    assert df.height == sum(len(r.findings) for r in results)
    assert df.schema["line"] == pl.Int64 and df.schema["code"] == pl.String
    assert df["file"].null_count() == len(results[1].findings)
    empty = khuyencong.findings_frame([], backend="polars")
    assert tuple(empty.columns) == FINDINGS_COLUMNS and empty.height == 0
    assert tuple(khuyencong.findings_frame([]).columns) == FINDINGS_COLUMNS
    with pytest.raises(khuyencong.Error):
        khuyencong.findings_frame(results, backend="spark")  # type: ignore[arg-type, unused-ignore]
    with pytest.raises(TypeError):
        khuyencong.findings_frame([SEED])  # type: ignore[list-item, unused-ignore]


# --- Totals frames --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "by",
    [
        ["source", "activity"],
        ["activity", "source"],
        ["year", "province"],
        ["period", "year"],
        ["product_group", "industry", "year"],
    ],
)
def test_totals_frames_put_the_keys_first_in_the_order_of_by(by: list[str]) -> None:
    docs = [SEED, *sorted(EXAMPLES.glob("scheme-*.json")), EXAMPLES / "report-example-2021-2025.json"]
    t = khuyencong.totals(docs, by=by)
    keys = by
    assert list(t.by) == keys
    assert all(list(row)[: len(keys)] == keys for row in t.rows)
    for df in (t.to_pandas(), t.to_polars()):
        assert list(df.columns)[: len(keys)] == keys


def test_totals_frames_have_one_missing_marker_and_shares_as_decimal_and_float() -> None:
    t = khuyencong.totals([SEED], by=["source", "activity"])
    df = t.to_pandas()
    values = df.astype(object).to_numpy().ravel().tolist()
    assert not any(v is None or (isinstance(v, str) and v in ("—", "")) for v in values)
    assert df["source"].isna().any() and df["activity"].isna().any()
    assert str(df["source"].dtype) == "string" and str(df["funding_vnd"].dtype) == "int64"
    shares = [(s, f) for s, f in zip(df["support_share"], df["support_share_float"]) if s is not pd.NA]
    assert shares
    for exact, approx in shares:
        assert isinstance(exact, Decimal) and approx == float(exact)
    cols = list(df.columns)
    assert cols.index("support_share_float") == cols.index("support_share") + 1
    assert str(df["support_share_float"].dtype) == "Float64"
    assert df["support_share_float"].isna().sum() == df["support_share"].isna().sum()
    p = t.to_polars()
    assert isinstance(p.schema["support_share"], pl.Decimal)
    assert p.schema["support_share_float"] == pl.Float64 and p.schema["source"] == pl.String
    assert p["support_share"].null_count() == p["support_share_float"].null_count()
    # The exact rows and the JSON form are unchanged: no float there.
    assert "support_share_float" not in t.rows[0]
    assert all(not isinstance(v, float) for row in t.rows for v in row.values())


# --- Reprs and citations --------------------------------------------------------------------


def test_reprs_are_one_short_line() -> None:
    r = khuyencong.check({"kind": "plan"})
    assert repr(r) == "CheckResult(kind='plan', id=None, errors=3, warnings=0, info=1)"
    assert repr(khuyencong.check(OFFICER)).startswith("SheetCheckResult(kind='scheme', id=")
    t = khuyencong.totals([SEED], by=["source"])
    assert repr(t) == "Totals(by=('source',), rows=4, documents=1, notes=0)"
    s = khuyencong.max_support("advanced_machinery_technology_transfer", 97_820_000, "2025-03-01")
    assert repr(s) == (
        "SupportLimit(status='assessed', max_support_vnd=48910000, binding='share', "
        "rule_source='national')"
    )
    a = khuyencong.assess({"legal_form": "cooperative"}, "advanced_machinery_technology_transfer", "2024-06-01")
    assert repr(a).startswith("Assessment(activity='advanced_machinery_technology_transfer', as_of='2024-06-01', verdict='indeterminate'")
    for obj in (r, t, s, a, khuyencong.check(SEED)):
        assert "\n" not in repr(obj) and len(repr(obj)) < 200


def _limits() -> list[khuyencong.SupportLimit]:
    return [
        khuyencong.max_support(
            "cleaner_production_pilot", 2_000_000_000, "2025-11-01", fund="provincial",
            provincial_pack="dak-lak-2025",
        ),
        khuyencong.max_support(
            "demonstration_model", 2_000_000_000, "2025-06-01", fund="provincial",
            variant="new_technology_or_product", provincial_pack=PACK,
        ),
        khuyencong.max_support(
            "demonstration_model", 2_000_000_000, "2025-06-01", fund="provincial",
            variant="new_technology_or_product", provincial_pack="dong-thap-2024",
        ),
        khuyencong.max_support("advanced_machinery_technology_transfer", 97_820_000, "2025-03-01"),
        khuyencong.max_support("advanced_machinery_technology_transfer", 620_000_000, "2013-06-01"),
    ]


def test_every_display_of_a_limit_shows_its_citation() -> None:
    limits = _limits()
    assert [s.rule_source for s in limits[:3]] == ["provincial"] * 3
    for lang in ("vi", "en"):
        khuyencong.set_language(lang)
        label = "Căn cứ" if lang == "vi" else "Basis"
        for s in limits:
            basis = s.basis()
            assert basis.strip(), s
            for shown in (str(s), s._repr_html_()):
                assert f"{label}: {basis}" in shown.replace("&#x27;", "'")
                assert f"{label}: ;" not in shown and f"{label}: <" not in shown
    dak_lak, example, dong_thap, national, _ = limits
    # The shipped Đắk Lắk pack does not give the resolution's number: said, not left blank.
    assert dak_lak.basis("vi") == "Nghị quyết (chưa rõ số hiệu) của Hội đồng nhân dân Đắk Lắk"
    assert dak_lak.basis("en") == "Resolution (number not read) of the People's Council of Đắk Lắk"
    assert example.basis("vi") == "khoản 1 Điều 1 Nghị quyết số 00/2025/NQ-HĐND của Hội đồng nhân dân Hải Dương"
    assert example.basis("en") == "Resolution 00/2025/NQ-HĐND of the People's Council of Hải Dương, Art. 1(1)"
    assert dong_thap.basis("vi") == "Nghị quyết số 08/2024/NQ-HĐND của Hội đồng nhân dân Đồng Tháp"
    assert national.basis("vi") == khuyencong.render_citation(national.citation, "vi")
    # A citation that cannot be rendered is said to be missing, never shown empty.
    broken = khuyencong.SupportLimit._from_json({**dak_lak.to_dict(), "citation": {}})
    assert broken.basis("vi") == "không có căn cứ kèm theo mức này"
    khuyencong.set_language("vi")
    assert "Căn cứ: không có căn cứ kèm theo mức này;" in str(broken)
    # Each step of the derivation shows its basis too.
    assert example._repr_html_().count("00/2025/NQ-HĐND") >= 1 + len(example.derivation)


def test_findings_are_typed() -> None:
    f: Finding = khuyencong.check({"kind": "plan"}).findings[0]
    assert set(f) <= set(Finding.__annotations__)
    assert Finding.__required_keys__ == {"code", "severity", "path", "message_vi", "message_en"}


def _block(marker: str) -> str:
    text = (ROOT / "docs" / "python.md").read_text("utf-8")
    return text.split(marker, 1)[1].split("```python\n", 1)[1].split("```", 1)[0]


def test_the_guides_examples_of_these_sections_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    ns: dict[str, object] = {"khuyencong": khuyencong, "Path": Path}
    exec(_block("**One rule for `str` / Một quy tắc cho chuỗi.**"), ns)
    exec(_block("#### A folder that holds other files"), ns)
    docs = ns["docs"]
    assert isinstance(docs, khuyencong.Loaded)
    assert len(docs) == 7 and repr(docs) == "Loaded(documents=7, skipped=1)"
    assert [(Path(s["source"]).name, s["reason"]) for s in docs.skipped] == [
        ("provincial-pack.example.json", "not_a_document")
    ]
    exec(_block("### Every finding of a batch: `findings_frame`"), ns)
    df, results = ns["df"], ns["results"]
    assert isinstance(df, pd.DataFrame) and isinstance(results, list)
    assert len(df) == sum(len(r.findings) for r in results) > 0
    assert isinstance(ns["pl_df"], pl.DataFrame)


def test_the_register_follows_the_same_str_rule(tmp_path: Path) -> None:
    from khuyencong.register import Register

    register = Register.init(tmp_path / "r.db")
    with pytest.raises(khuyencong.PathAsTextError):
        register.add([str(SEED)])
    added = register.add([SEED])
    assert len(added) == 1


def _public() -> list[tuple[str, object]]:
    import inspect

    import khuyencong.frames
    import khuyencong.register
    import khuyencong.sheets

    seen: list[tuple[str, object]] = []
    for module in (khuyencong, khuyencong.sheets, khuyencong.register, khuyencong.frames):
        for name in module.__all__:
            obj = getattr(module, name)
            where = getattr(obj, "__module__", "") or ""
            if where == "khuyencong._khuyencong" or not where.startswith("khuyencong"):
                continue
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            seen.append((f"{module.__name__}.{name}", obj))
            if inspect.isclass(obj):
                for attr, value in vars(obj).items():
                    if not attr.startswith("_") and (
                        inspect.isfunction(value) or isinstance(value, (classmethod, staticmethod))
                    ):
                        seen.append((f"{module.__name__}.{name}.{attr}", getattr(obj, attr)))
    return seen


def test_every_public_function_and_class_has_a_numpy_style_docstring() -> None:
    import inspect

    items = _public()
    assert len(items) > 60
    missing = []
    for name, obj in items:
        doc = inspect.getdoc(obj) or ""
        if not doc:
            missing.append(f"{name}: no docstring")
            continue
        if inspect.isclass(obj):
            continue
        sig = inspect.signature(obj)  # type: ignore[arg-type]
        if [p for p in sig.parameters if p not in ("self", "cls")] and "Parameters\n----------" not in doc:
            missing.append(f"{name}: Parameters")
        if sig.return_annotation not in (None, "None", inspect.Signature.empty) and "Returns\n-------" not in doc:
            missing.append(f"{name}: Returns")
    assert not missing, missing


def test_a_provincial_limit_is_cited_as_the_command_line_cites_it() -> None:
    import subprocess

    cli = ROOT / "target" / "debug" / "khuyencong"
    assert cli.is_file(), "cargo build -p khuyencong-cli"
    for lang in ("vi", "en"):
        out = subprocess.run(
            [str(cli), "support", "--activity", "cleaner_production_pilot", "--cost", "2000000000",
             "--as-of", "2025-11-01", "--fund", "provincial", "--pack", "dak-lak-2025",
             "--format", "table", "--lang", lang],
            capture_output=True, text=True, check=True,
        ).stdout
        limit = _limits()[0]
        label = "Căn cứ" if lang == "vi" else "Basis"
        assert f"{label}: {limit.basis(lang)}\n" in out


# --- Format version 2: the new columns, progress and upgrade --------------------------------

PROGRAMME = EXAMPLES / "programme-example-2021-2025.json"
REPORT_V2 = EXAMPLES / "report-example-2021-2025.json"


def test_totals_frames_of_the_new_keys_have_one_missing_marker() -> None:
    t = khuyencong.totals([REPORT_V2, SEED], by=["year", "product_group", "industry"])
    df = t.to_pandas()
    assert list(df.columns)[:3] == ["year", "product_group", "industry"]
    for col in ("year", "product_group", "industry"):
        assert str(df[col].dtype) == "string"
    values = df.drop(columns=["counts"]).astype(object).to_numpy().ravel().tolist()
    assert not any(v is None or (isinstance(v, str) and v in ("—", "")) for v in values)
    assert df["product_group"].isna().any()
    for col in ("jobs_created", "workers_trained"):
        assert str(df[col].dtype) in ("int64", "Int64")
    assert all(isinstance(c, dict) for c in df["counts"])
    assert "2021" in set(df["year"].dropna())
    p = t.to_polars()
    assert p.columns[:3] == ["year", "product_group", "industry"]
    assert p.schema["year"] == pl.String and p.schema["support_share_float"] == pl.Float64


def test_progress_frames_repr_and_inputs(tmp_path: Path) -> None:
    p = khuyencong.progress([PROGRAMME, REPORT_V2])
    met = sum(1 for r in p if r["met"] is True)
    not_met = sum(1 for r in p if r["met"] is False)
    assert repr(p) == (
        f"Progress(rows={len(p)}, met={met}, not_met={not_met}, "
        f"undecided={len(p) - met - not_met}, notes=0)"
    )
    df = p.to_pandas()
    values = df.astype(object).to_numpy().ravel().tolist()
    assert not any(v is None for v in values)
    cols = list(df.columns)
    assert cols.index("share_float") == cols.index("share") + 1
    assert str(df["met"].dtype) == "boolean" and str(df["share_float"].dtype) == "Float64"
    assert str(df["year"].dtype) == "Int64" and str(df["target_id"].dtype) == "string"
    for exact, approx in zip(df["share"], df["share_float"]):
        assert (exact is pd.NA and approx is pd.NA) or approx == float(exact)
    pf = p.to_polars()
    assert pf.schema["met"] == pl.Boolean and isinstance(pf.schema["share"], pl.Decimal)
    assert "share_float" not in p.rows[0]
    # A folder stands for its documents, as in totals; a str is JSON text.
    folder = tmp_path / "programme"
    (folder / "reports").mkdir(parents=True)
    shutil.copy(PROGRAMME, folder)
    shutil.copy(REPORT_V2, folder / "reports")
    assert khuyencong.progress([folder]).rows == p.rows
    with pytest.raises(khuyencong.PathAsTextError, match="pathlib.Path"):
        khuyencong.progress([str(PROGRAMME)])
    empty = khuyencong.progress([])
    assert len(empty) == 0 and len(empty.to_pandas().columns) > 0


def test_upgrade_follows_the_str_rule_and_reads_one_document_from_a_path() -> None:
    v1 = EXAMPLES / "scheme-long-an-2018.json"
    assert khuyencong.upgrade(v1) == khuyencong.upgrade(v1.read_text("utf-8"))
    with pytest.raises(khuyencong.PathAsTextError, match="pathlib.Path"):
        khuyencong.upgrade(str(v1))
    with pytest.raises(khuyencong.Error, match="folder"):
        khuyencong.upgrade(EXAMPLES)

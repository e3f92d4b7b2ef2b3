"""The document and rule functions: inputs, results, errors, tables, notebook displays."""

from __future__ import annotations

import datetime
import json
import pickle
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas  # type: ignore[import-untyped, unused-ignore]
import polars
import pytest

import khuyencong
from _corpus import CASES, EXAMPLES
from khuyencong import Document, Error, ValidationError

SEED = EXAMPLES / "an-giang-2021-2025.json"
PACK = EXAMPLES / "provincial-pack.example.json"
SCHEMES = sorted(EXAMPLES.glob("scheme-*.json"))
MACHINERY = "advanced_machinery_technology_transfer"
M = 1_000_000


def seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return data


@pytest.fixture(autouse=True)
def _language() -> Any:
    yield
    khuyencong.set_language("vi")


# --- check: every input form gives the same findings ------------------------------------


def test_check_accepts_every_input_form() -> None:
    raw = SEED.read_bytes()
    (doc,) = khuyencong.load(SEED)
    forms: list[Any] = [seed(), raw.decode("utf-8"), raw, bytearray(raw), SEED, doc]
    results = [khuyencong.check(f) for f in forms]
    for r in results:
        # One note: two lines state no investment, so the counterpart is a lower bound.
        codes = [f["code"] for f in r.findings]
        assert (r.kind, r.id, r.ok, codes) == (
            "period_report",
            "an-giang-kcqg-2021-2025",
            True,
            ["reconcile.partial_breakdown"],
        )
        assert r.findings == results[0].findings
        assert isinstance(r.document, Document)
    assert results[0] == results[-1]
    assert results[0].to_dict() == {
        "kind": "period_report",
        "id": "an-giang-kcqg-2021-2025",
        "ok": True,
        "findings": results[0].findings,
    }


def test_a_document_round_trips_through_to_dict() -> None:
    for path in [SEED, *SCHEMES]:
        (doc,) = khuyencong.load(path)
        again = khuyencong.check(doc.to_dict())
        # to_dict() is the version-2 form: a version-1 document loses only its upgrade note.
        first = [
            f for f in khuyencong.check(doc).findings if f["code"] != "document.upgraded"
        ]
        assert again.findings == first
        assert again.id == doc.id and again.kind == doc.kind
        assert again.document is not None and again.document.to_dict() == doc.to_dict()


def test_findings_carry_codes_paths_messages_and_citations() -> None:
    r = khuyencong.check(CASES / "report_funding_total_mismatch" / "input.json")
    assert not r.ok
    f = r.findings[0]
    assert {"code", "severity", "path", "message_vi", "message_en"} <= f.keys()
    assert r.rows()[0]["message"] == f["message_vi"]
    khuyencong.set_language("en")
    assert r.rows()[0]["message"] == f["message_en"]


def test_a_str_is_json_text_not_a_path() -> None:
    # A str naming a file is refused (pass a Path); a str that is not a file name is JSON
    # text, read and answered with findings.
    with pytest.raises(khuyencong.PathAsTextError, match="pathlib.Path"):
        khuyencong.check(str(SEED))
    r = khuyencong.check("reports 2024")
    assert r.kind is None and r.id is None and r.document is None and not r.ok
    assert r.findings[0]["code"].startswith("structure.")


def test_unreadable_input_is_a_finding_not_an_exception() -> None:
    for text in ["", "{", "[1]", '{"kind": "memo"}']:
        r = khuyencong.check(text)
        assert not r.ok and r.findings[0]["code"].startswith("structure.")
    assert khuyencong.check(b"\xff\xfe").findings[0]["code"] == "structure.not_utf8"


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: d["funding"].__setitem__("total", 34_387_000_000.0), "/funding/total"),
        (lambda d: d["funding"]["lines"][1]["parts"][0].__setitem__("amount", 8.38e8), "/funding/lines/1/parts/0/amount"),
        (lambda d: d["results"][0]["counts"].__setitem__("establishments", 5.5), "/results/0/counts/establishments"),
    ],
)
def test_a_float_in_a_dict_is_the_finding_it_is_in_json_text(mutate: Any, where: str) -> None:
    doc = seed()
    mutate(doc)
    from_dict = khuyencong.check(doc)
    from_text = khuyencong.check(json.dumps(doc, ensure_ascii=False))
    codes = [(f["code"], f["path"]) for f in from_dict.findings if f["severity"] == "error"]
    assert codes == [("structure.not_whole_number", where)]
    assert [(f["code"], f["path"], f["message_en"]) for f in from_dict.findings] == [
        (f["code"], f["path"], f["message_en"]) for f in from_text.findings
    ]
    assert (from_dict.kind, from_dict.id) == ("period_report", "an-giang-kcqg-2021-2025")


def test_values_json_text_can_hold_but_the_library_refuses_are_findings_not_exceptions() -> None:
    # An int beyond 64 bits, a lone surrogate, NaN, nesting past the limit: each is a
    # finding at its place — for a dict as for the same JSON text — and one such document
    # never loses a batch.
    big = seed()
    big["results"][0]["support"] = 10**30
    surrogate = seed()
    surrogate["title"] = "Báo cáo \ud800"
    nan = seed()
    nan["funding"]["total"] = float("nan")
    deep = seed()
    nest: dict[str, Any] = {"source": "counterpart", "amount": 1}
    for _ in range(40):
        nest = {"source": "counterpart", "amount": 1, "parts": [nest]}
    deep["funding"]["lines"] = [nest]
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    looped = seed()
    looped["results"] = cyclic
    expected = {
        "big": ("structure.too_large", "/results/0/support"),
        "surrogate": ("structure.malformed_json", "/title"),
        "nan": ("structure.malformed_json", "/funding/total"),
        "deep": ("structure.too_deep", "/funding/lines/0" + "/parts/0" * 14 + "/parts"),
        "looped": ("structure.too_deep", "/results" + "/0" * 31),
    }
    docs = {"big": big, "surrogate": surrogate, "nan": nan, "deep": deep, "looped": looped}
    results = khuyencong.check_many([*docs.values(), SEED])
    for (name, doc), r in zip(docs.items(), results, strict=False):
        errors = [(f["code"], f["path"]) for f in r.findings if f["severity"] == "error"]
        assert errors == [expected[name]], (name, r.findings)
        assert (r.kind, r.id) == ("period_report", "an-giang-kcqg-2021-2025"), name
        assert khuyencong.check(doc).findings == r.findings
    assert results[-1].ok
    # The same as JSON text (json.dumps writes a lone surrogate as an escape).
    text = khuyencong.check(json.dumps(surrogate))
    assert [(f["code"], f["path"]) for f in text.findings if f["severity"] == "error"] == [expected["surrogate"]]


def test_a_dict_changed_while_it_is_read_is_no_panic() -> None:
    # A Decimal subclass whose __str__ clears the dict it sits in: the dict is copied
    # before it is read, so nothing changes under the reader.
    doc = seed()

    class Sneaky(Decimal):
        def __str__(self) -> str:
            doc["results"].clear()
            doc.clear()
            return "0.5"

    doc["results"][0]["note"] = Sneaky("0.5")
    r = khuyencong.check(doc)
    # What was read is the dict as it was: a note of "0.5", a clean report.
    assert r.ok and r.id == "an-giang-kcqg-2021-2025"
    assert doc == {}


def test_a_validation_error_lists_every_problem() -> None:
    doc = seed()
    doc["colour"] = "red"
    doc["period"]["from"] = "2021-02-30"
    doc["results"][0]["support"] = 1.5
    with pytest.raises(ValidationError) as info:
        khuyencong.totals([doc])
    e = info.value
    errors = e.errors()
    assert [(x["type"], x["loc"]) for x in errors] == [
        ("structure.unknown_field", ()),
        ("structure.invalid_date", ("period", "from")),
        ("structure.not_whole_number", ("results", 0, "support")),
    ]
    assert all(x["msg"] and x["msg_vi"] and x["url"].endswith(x["type"].replace(".", "")) for x in errors)
    assert errors[0]["ctx"] == {"field": "colour"}
    khuyencong.set_language("en")
    lines = str(e).splitlines()
    assert lines[0] == "`document 0` has 3 errors:"
    assert lines[2].startswith("  /period/from  structure.invalid_date  invalid date `2021-02-30`")
    khuyencong.set_language("vi")
    assert str(e).splitlines()[0] == "`document 0` có 3 lỗi:"
    assert pickle.loads(pickle.dumps(e)).errors() == errors


def test_a_small_thread_stack_is_enough() -> None:
    # 128 KiB, musl's default: the library's work runs on a stack of known size.
    deep = seed()
    nest: dict[str, Any] = {"source": "counterpart", "amount": 1}
    for _ in range(13):
        nest = {"source": "counterpart", "amount": 1, "parts": [nest]}
    deep["funding"]["lines"] = [nest]
    deep["colour"] = "red"
    text = json.dumps(deep)
    over = "[" * 40 + "]" * 40
    out: list[Any] = []

    def work() -> None:
        out.append(khuyencong.check(deep))
        out.append(khuyencong.check(text))
        out.append(khuyencong.check(over))
        out.append(khuyencong.check_many([deep, text, SEED]))
        out.append(khuyencong.assess({"legal_form": "cooperative", "sme": {"total_capital": 1}}, MACHINERY, "2024-06-01"))

    old = threading.stack_size(131072)
    try:
        t = threading.Thread(target=work)
        t.start()
        t.join()
    finally:
        threading.stack_size(old)
    assert len(out) == 5
    assert out[0].findings == out[1].findings
    assert out[2].findings[1]["code"] == "structure.too_deep"


def test_a_fifo_is_refused_not_waited_for(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "doc.json"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        khuyencong.check(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        khuyencong.load(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        khuyencong.max_support(MACHINERY, 620 * M, "2025-03-01", fund="provincial", provincial_pack=fifo)


def test_a_long_batch_can_be_interrupted() -> None:
    import _thread
    import time

    batch = [SEED.read_bytes()] * 60_000
    timer = threading.Timer(0.5, _thread.interrupt_main)
    start = time.monotonic()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            khuyencong.check_many(batch)
    finally:
        timer.cancel()
    # The batch takes far longer than this; the interrupt is honoured between chunks.
    assert time.monotonic() - start < 5


@pytest.mark.parametrize("bad", [None, 1, 1.5, [seed()], {1, 2}])
def test_check_of_another_type_is_a_type_error(bad: Any) -> None:
    with pytest.raises(TypeError, match="doc must be a dict, a str of JSON text"):
        khuyencong.check(bad)


def test_a_missing_file_is_file_not_found() -> None:
    with pytest.raises(FileNotFoundError, match="cannot read `.*nope.json`"):
        khuyencong.check(EXAMPLES / "nope.json")


def test_check_many_keeps_order_and_refuses_a_single_document() -> None:
    docs: list[Any] = [SEED, *SCHEMES, "{"]
    results = khuyencong.check_many(iter(docs))
    assert [r.id for r in results][:2] == ["an-giang-kcqg-2021-2025", "kcdp-2025-giong-rieng-hkd-2-dau"]
    assert results[-1].kind is None
    assert [r.findings for r in results[:-1]] == [khuyencong.check(d).findings for d in docs[:-1]]
    singles: list[Any] = [seed(), "{}", b"{}", SEED]
    for single in singles:
        with pytest.raises(TypeError, match="iterable of documents"):
            khuyencong.check_many(single)
    with pytest.raises(TypeError, match="document 1 must be"):
        khuyencong.check_many([seed(), 3])  # type: ignore[list-item]


def test_a_batch_gives_the_same_results_by_every_path() -> None:
    # A list of plain inputs is checked in one call; a generator, or a list holding a path,
    # takes the general path. Both give the same results, document for document.
    docs: list[Any] = [
        SEED.read_bytes(),
        seed(),
        SCHEMES[0].read_text(encoding="utf-8"),
        bytearray(SCHEMES[1].read_bytes()),
        "{",
        "  [1]",
        khuyencong.load(SCHEMES[2])[0],
    ]
    fast = khuyencong.check_many(docs)
    tuple_ = khuyencong.check_many(tuple(docs))
    general = khuyencong.check_many(iter(docs))
    with_path = khuyencong.check_many([*docs, SEED])[:-1]
    for other in (tuple_, general, with_path):
        assert other == fast
        assert [(r.kind, r.id, r.findings, r.source, r.line, r.file) for r in other] == [
            (r.kind, r.id, r.findings, r.source, r.line, r.file) for r in fast
        ]
    assert fast[-1].source == str(SCHEMES[2]) and fast[-1].file == str(SCHEMES[2])
    assert fast[-1].line is None and fast[0].source is None and fast[0].file is None
    assert [r.kind for r in fast] == [
        "period_report", "period_report", "scheme", "scheme", None, None, "scheme",
    ]
    # A str that looks like a file name is refused in a list as anywhere else.
    with pytest.raises(khuyencong.PathAsTextError, match="document 1"):
        khuyencong.check_many([seed(), str(SEED)])


def test_findings_are_converted_when_read_and_behave_as_a_list() -> None:
    bad = seed()
    bad["results"][0]["support_vnd"] = -1
    results = khuyencong.check_many([json.dumps(bad), SEED.read_bytes(), "{"])
    # The counts are known before any finding is read, and agree with the findings.
    counts = [(r.ok, r.error_count, r.warning_count, r.info_count) for r in results]
    shown = [repr(r) for r in results]
    for r, (ok, errors, warnings, info) in zip(results, counts, strict=True):
        findings = r.findings
        assert type(findings) is list and findings is r.findings
        assert all(type(f) is dict for f in findings)
        assert errors == sum(f["severity"] == "error" for f in findings)
        assert warnings == sum(f["severity"] == "warning" for f in findings)
        assert info == len(findings) - errors - warnings
        assert ok == (errors == 0)
    assert [repr(r) for r in results] == shown
    assert shown[2] == "CheckResult(kind=None, id=None, errors=1, warnings=0, info=1)"
    assert not results[0].ok and results[1].ok and not results[2].ok
    # Equal to the same check made again, to a result built from the same values, and
    # after pickling; printable and serialisable as any list of dicts.
    again = khuyencong.check_many([json.dumps(bad), SEED.read_bytes(), "{"])
    assert again == results and not (again != results)
    rebuilt = [khuyencong.CheckResult(r.kind, r.id, list(r.findings)) for r in results]
    assert rebuilt == results and rebuilt[0].error_count == results[0].error_count
    assert pickle.loads(pickle.dumps(results)) == results
    fresh = khuyencong.check_many([json.dumps(bad)])[0]
    assert pickle.loads(pickle.dumps(fresh)).findings == results[0].findings
    assert json.loads(json.dumps([r.to_dict() for r in again])) == [r.to_dict() for r in results]
    assert str(results[0].findings) == str(again[0].findings)
    assert results[0] != results[1] and results[0] != "CheckResult"
    with pytest.raises(TypeError):
        hash(results[0])
    with pytest.raises(AttributeError):
        results[0].kind = "plan"  # type: ignore[misc]
    # The list is the result's: a finding added to it is counted, as before.
    extra = khuyencong.check_many([SEED.read_bytes()])[0]
    extra.findings.append({"code": "x", "severity": "error", "path": "", "message_vi": "", "message_en": ""})
    assert not extra.ok and extra.error_count == 1
    # The document read is given when asked, once.
    assert results[1].document is results[1].document is not None
    assert results[1].document.id == results[1].id and results[2].document is None
    # From JSON it is read again when asked for: the same document as load reads.
    (loaded,) = khuyencong.load(SEED)
    assert results[1].document.to_dict() == loaded.to_dict() == results[1].document.to_dict()
    assert khuyencong.check_many([seed()])[0].document == khuyencong.check(SEED).document
    kept = khuyencong.check_many([loaded])[0].document
    assert kept is not None and kept.to_dict() == loaded.to_dict()
    match results[1]:
        case khuyencong.CheckResult(kind, id_):
            assert (kind, id_) == ("period_report", "an-giang-kcqg-2021-2025")


def test_a_sheet_result_is_a_check_result_with_its_sheet() -> None:
    sheet = khuyencong.read_excel(Path(__file__).parents[2] / "tests" / "sheets" / "scheme-officer.xlsx")[0]
    result = sheet.check()
    assert isinstance(result, khuyencong.SheetCheckResult) and isinstance(result, khuyencong.CheckResult)
    assert result.sheet is sheet and result.file == sheet.source
    assert repr(result).startswith("SheetCheckResult(kind='scheme', id=")
    assert result == sheet.check() and result != khuyencong.CheckResult(result.kind, result.id, result.findings)
    assert result.error_count == sum(f["severity"] == "error" for f in result.findings)
    with pytest.raises(AttributeError):
        result.sheet = None


def test_check_many_releases_the_gil_and_runs_from_threads() -> None:
    batch = [SEED.read_bytes()] * 300
    out: dict[int, list[khuyencong.CheckResult]] = {}

    def work(i: int) -> None:
        out[i] = khuyencong.check_many(batch)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    assert all(len(r) == 300 and all(x.ok for x in r) for r in out.values())


def test_findings_and_documents_read_from_threads_are_one_list_and_one_document() -> None:
    results = khuyencong.check_many([SEED.read_bytes(), json.dumps(seed()), "{"] * 50)
    seen: dict[int, list[tuple[int, int]]] = {}

    def read(i: int) -> None:
        seen[i] = [(id(r.findings), id(r.document)) for r in results]

    threads = [threading.Thread(target=read, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads)
    assert len(seen) == 4 and all(v == seen[0] for v in seen.values())
    assert seen[0] == [(id(r.findings), id(r.document)) for r in results]


def test_provincial_pack_in_every_form_and_an_invalid_one() -> None:
    scheme = EXAMPLES / "scheme-giong-rieng-2025.json"
    pack = json.loads(PACK.read_text(encoding="utf-8"))
    base = khuyencong.check(scheme, provincial_pack=PACK)
    assert khuyencong.check(scheme, provincial_pack=pack).findings == base.findings
    assert khuyencong.check(scheme, provincial_pack=PACK.read_text(encoding="utf-8")).findings == base.findings
    assert khuyencong.check_many([scheme], provincial_pack=PACK)[0].findings == base.findings
    with pytest.raises(Error, match="invalid rule pack|rule pack is not valid JSON") as info:
        khuyencong.check(scheme, provincial_pack="{}")
    assert info.value.message_vi != info.value.message_en
    with pytest.raises(TypeError, match="provincial_pack must be"):
        khuyencong.check(scheme, provincial_pack=3)  # type: ignore[arg-type]


# --- load -------------------------------------------------------------------------------


def test_load_a_file_a_directory_and_a_glob() -> None:
    (doc,) = khuyencong.load(str(SEED))
    assert (doc.kind, doc.id, doc.source, doc.line) == ("period_report", "an-giang-kcqg-2021-2025", str(SEED), None)
    assert "an-giang-kcqg-2021-2025" in repr(doc)
    schemes = khuyencong.load(str(EXAMPLES / "scheme-*.json"))
    assert [d.kind for d in schemes] == ["scheme"] * len(SCHEMES) and len(schemes) == 3
    with pytest.raises(ValidationError, match="provincial-pack.example.json"):
        khuyencong.load(EXAMPLES)  # the pack is not a document
    with pytest.raises(FileNotFoundError, match="no file matches"):
        khuyencong.load(str(EXAMPLES / "*.nothing"))
    with pytest.raises(TypeError, match="path_or_glob must be"):
        khuyencong.load(3)  # type: ignore[arg-type]


def test_load_json_lines_with_file_and_line_in_errors(tmp_path: Path) -> None:
    lines = [json.dumps(seed()), "", json.dumps(json.loads(SCHEMES[0].read_text(encoding="utf-8")))]
    good = tmp_path / "batch.jsonl"
    good.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = khuyencong.load(good)
    assert [(d.kind, d.line) for d in docs] == [("period_report", 1), ("scheme", 3)]
    assert all(d.source == str(good) for d in docs)
    assert [r.ok for r in khuyencong.check_many(docs)] == [True, True]
    back = pickle.loads(pickle.dumps(docs))
    assert back == docs and back[1].line == 3 and back[1].source == str(good)
    result = khuyencong.check(docs[0])
    assert pickle.loads(pickle.dumps(result)) == result

    bad = tmp_path / "bad.jsonl"
    bad.write_text(lines[0] + '\n{"kind": "plan", "id": 3}\n', encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        khuyencong.load(bad)
    e = info.value
    assert f"`{bad}:2`" in e.message_en and f"`{bad}:2`" in e.message_vi
    assert e.findings and e.findings[0]["code"].startswith("structure.")
    back = pickle.loads(pickle.dumps(e))
    assert back.findings == e.findings and str(back) == str(e)


# --- totals -----------------------------------------------------------------------------


def test_seed_totals_by_source_are_exact_integers() -> None:
    t = khuyencong.totals([SEED], by=["source"])
    by_source = {r["source"]: r for r in t.rows}
    assert by_source["national_extension_fund"]["funding_vnd"] == 1_400 * M
    assert by_source["local_budget_provincial"]["funding_vnd"] == 15_697 * M
    assert by_source["counterpart"]["funding_vnd"] == 17_290 * M
    assert sum(r["funding_vnd"] for r in t.rows) == 34_387 * M
    assert all(type(r["funding_vnd"]) is int for r in t.rows)
    grand = khuyencong.totals([SEED]).rows
    assert len(grand) == 1 and grand[0]["funding_vnd"] == 34_387 * M
    assert grand[0]["counterpart_vnd"] == 17_290 * M
    assert isinstance(grand[0]["support_share"], Decimal)
    assert t.to_dict()["by"] == ["source"] and len(t) == 4 and list(t) == t.rows
    assert by_source[None]["funding_vnd"] == 0  # results have no source


def test_totals_keys_years_errors() -> None:
    docs = khuyencong.load(str(EXAMPLES / "[aps]*-20*.json"))
    t = khuyencong.totals(docs, by=["kind", "year"])
    assert t.by == ("kind", "year")
    assert list(t.rows[0])[:3] == ["kind", "year", "documents"]
    assert {r["kind"] for r in t.rows} == {"period_report", "plan", "programme", "scheme"}
    # The five-year seed states no years: its figures are not itemised by year.
    assert any(r["kind"] == "period_report" and r["year"] == "not_itemised" for r in t.rows)
    with pytest.raises(Error, match="unknown totals key `colour`"):
        khuyencong.totals(docs, by=["colour"])
    with pytest.raises(TypeError, match="by must be a list"):
        khuyencong.totals(docs, by="source")
    with pytest.raises(ValidationError, match="document 1"):
        khuyencong.totals([SEED, "{"])


def test_totals_and_findings_as_frames() -> None:
    t = khuyencong.totals([SEED, *SCHEMES], by=["activity"])
    df = t.to_pandas()
    assert isinstance(df, pandas.DataFrame)
    assert str(df["support_vnd"].dtype) == "int64"
    assert int(df["funding_vnd"].sum()) == 34_387 * M + sum(
        khuyencong.totals([s]).rows[0]["funding_vnd"] for s in SCHEMES
    )
    pl = t.to_polars()
    assert isinstance(pl, polars.DataFrame) and pl.height == len(t)
    assert pl["support_vnd"].dtype == polars.Int64
    r = khuyencong.check(EXAMPLES / "scheme-long-an-2018.json")
    fdf = r.to_pandas()
    assert list(fdf["code"]) == [f["code"] for f in r.findings]
    assert r.to_polars().height == len(r.findings)


# --- assess, max_support, parse_vnd, explain --------------------------------------------


def test_assess_returns_a_typed_assessment() -> None:
    a = khuyencong.assess({"legal_form": "cooperative"}, MACHINERY, datetime.date(2024, 6, 1))
    assert a.verdict == "indeterminate" and not a.eligible
    assert a.missing_facts and all(m.startswith("/") for m in a.missing_facts)
    assert a.as_of == datetime.date(2024, 6, 1) and a.regime == "regime_2012"
    assert a.to_dict()["as_of"] == "2024-06-01"
    assert a.to_pandas().shape[0] == len(a.findings) == a.to_polars().height


def test_assess_errors() -> None:
    # Every problem of the facts at once, with its pointer, as `khuyencong eligibility`
    # reports them.
    with pytest.raises(ValidationError) as info:
        khuyencong.assess({"sme": {"total_capital": 1.5}, "colour": 1}, MACHINERY, "2024-06-01")
    assert [(e["type"], e["loc"]) for e in info.value.errors()] == [
        ("structure.unknown_field", ()),
        ("structure.not_whole_number", ("sme", "total_capital")),
    ]
    khuyencong.set_language("en")
    assert "unknown field `colour`" in str(info.value)
    with pytest.raises(Error, match="unknown activity `juggling`"):
        khuyencong.assess({}, "juggling", "2024-06-01")
    with pytest.raises(Error, match="before 2012-07-05"):
        khuyencong.assess({}, MACHINERY, "2012-07-04")
    with pytest.raises(TypeError, match="applicant must be a dict"):
        khuyencong.assess([], MACHINERY, "2024-06-01")  # type: ignore[arg-type]


def test_max_support_share_binds() -> None:
    s = khuyencong.max_support(MACHINERY, 97_820_000, datetime.date(2025, 3, 1))
    assert s.assessed and s.max_support_vnd == 48_910_000 and type(s.max_support_vnd) is int
    assert s.binding == "share" and s.eligible_cost_vnd == 97_820_000
    assert s.to_dict()["status"] == "assessed" and s.derivation
    assert khuyencong.max_support(MACHINERY, Decimal("97820000"), "2025-03-01") == s


def test_max_support_with_a_provincial_pack() -> None:
    s = khuyencong.max_support(
        MACHINERY, 2_000 * M, "2025-06-01", fund="provincial", provincial_pack=PACK
    )
    assert s.rule_source == "provincial" and s.max_support_vnd == 250 * M


@pytest.mark.parametrize("cost", [97_820_000.0, 1e9, True])
def test_max_support_refuses_a_float_cost(cost: Any) -> None:
    with pytest.raises(TypeError, match=r"amounts are whole đồng: pass an int"):
        khuyencong.max_support(MACHINERY, cost, "2025-03-01")


def test_max_support_errors() -> None:
    with pytest.raises(Error, match="does not belong to activity"):
        khuyencong.max_support(MACHINERY, 1, "2025-03-01", variant="brand")
    with pytest.raises(Error, match="unknown variant `x`"):
        khuyencong.max_support("demonstration_model", 1, "2025-03-01", variant="x")
    with pytest.raises(Error, match="unknown fund level `city`"):
        khuyencong.max_support(MACHINERY, 1, "2025-03-01", fund="city")
    with pytest.raises(Error, match="must not be negative"):
        khuyencong.max_support(MACHINERY, -1, "2025-03-01")


def test_parse_vnd() -> None:
    p = khuyencong.parse_vnd("1.400 triệu đồng")
    assert (p.vnd, p.exactness) == (1_400 * M, "exact") and type(p.vnd) is int
    assert khuyencong.parse_vnd("hơn 15,2 tỷ").exactness == "lower_bound"
    assert p.to_dict() == {"amount": 1_400 * M, "exactness": "exact"}
    with pytest.raises(Error) as info:
        khuyencong.parse_vnd("1,400 triệu")
    assert info.value.message_vi != info.value.message_en
    with pytest.raises(TypeError, match="text must be a str"):
        khuyencong.parse_vnd(1400)  # type: ignore[arg-type]


def test_explain_every_code() -> None:
    codes = khuyencong.finding_codes()
    assert len(codes) == len(set(codes)) > 50
    for code in codes:
        d = khuyencong.explain(code)
        assert d["code"] == code and d["meaning_vi"] and d["fix_en"]
        if d["citation"] is not None:
            assert d["citation"]["vi"] and d["citation"]["en"]
    with pytest.raises(Error, match="unknown finding code `nope`"):
        khuyencong.explain("nope")


# --- notebook displays ------------------------------------------------------------------


def test_html_is_escaped_and_follows_the_language() -> None:
    doc = seed()
    doc["id"] = "<script>alert(1)</script>"
    doc["funding"]["total"] = 1
    r = khuyencong.check(doc)
    page = r._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Lỗi" in page
    khuyencong.set_language("en")
    assert khuyencong.get_language() == "en"
    page_en = r._repr_html_()
    assert "Error" in page_en and r.findings[0]["message_en"].split("<")[0][:20] in page_en
    t = khuyencong.totals([doc], by=["source"])._repr_html_()
    assert "<table>" in t and "17,290,000,000" in t
    a = khuyencong.assess({"name": "<b>x</b>"} if False else {}, MACHINERY, "2024-06-01")._repr_html_()
    assert "Indeterminate" in a
    s = khuyencong.max_support(MACHINERY, 97_820_000, "2025-03-01")._repr_html_()
    assert "48,910,000" in s
    with pytest.raises(Error, match="unknown language `fr`"):
        khuyencong.set_language("fr")  # type: ignore[arg-type]

"""The Python face of khuyencong: catalogue, regimes, citations, errors, conversions."""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal
from typing import Any

import pytest

import khuyencong
from khuyencong import Error, ValidationError
from khuyencong import _khuyencong as native
from khuyencong.types import Finding

AMOUNT_MESSAGE = (
    "amounts are whole đồng: pass an int (e.g. 1_400_000_000) "
    "or a decimal.Decimal with no fraction, not a float"
)


def test_version_matches_the_native_module() -> None:
    assert khuyencong.__version__ == native.__version__
    assert khuyencong.__version__.count(".") == 2


# --- catalogue (Art. 4 and the codelists) -------------------------------------------------


def test_catalog_2024_has_the_29_items_of_article_4_with_both_labels() -> None:
    c = khuyencong.catalog(datetime.date(2024, 6, 1))
    assert c["as_of"] == "2024-06-01"
    assert c["regime"] == "regime_2012"
    activities = c["activities"]
    assert len(activities) == 29
    assert sum(1 for a in activities if "parent" not in a) == 9
    for a in activities:
        assert isinstance(a["label_vi"], str) and a["label_vi"]
        assert isinstance(a["label_en"], str) and a["label_en"]
        assert a["label"] == a["label_vi"]
        assert a["citation"]["instrument"] == "nd_45_2012"
        assert type(a["citation"]["article"]) is int
        assert a["citation"]["article"] == 4
        # Items Decree 235/2025 no longer names end on 2025-10-14 (they keep their codes).
        assert a["valid_until"] in (None, "2025-10-14")
    ended = sorted(a["code"] for a in activities if a["valid_until"])
    assert ended == [
        "associations_business_linkage",
        "brand_showroom_trade_promotion",
        "industrial_cluster_development",
        "linkage_clusters_relocation",
        "relocation_pollution_treatment",
    ]
    first = activities[0]
    assert first["citation"]["vi"] == "khoản 1 Điều 4 Nghị định số 45/2012/NĐ-CP"


def test_catalog_accepts_an_iso_string_and_english_labels() -> None:
    c = khuyencong.catalog("2024-06-01", lang="en")
    assert len(c["activities"]) == 29
    assert all(a["label"] == a["label_en"] for a in c["activities"])
    assert all(i["label"] == i["label_en"] for i in c["instruments"])
    assert c == khuyencong.catalog(datetime.date(2024, 6, 1), "en")


def test_union_of_cooperatives_appears_on_2025_10_15() -> None:
    def forms(day: str) -> list[str]:
        return [f["code"] for f in khuyencong.catalog(day)["legal_forms"]]

    assert "union_of_cooperatives" not in forms("2025-10-14")
    assert "union_of_cooperatives" in forms("2025-10-15")


def test_catalog_values_are_plain_python_objects() -> None:
    def walk(v: Any) -> None:
        assert type(v) in (dict, list, str, int, bool, type(None)), type(v)
        if isinstance(v, dict):
            assert all(type(k) is str for k in v)
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(khuyencong.catalog("2025-10-15"))


def test_catalog_before_decree_45_raises_error_in_both_languages() -> None:
    with pytest.raises(Error) as info:
        khuyencong.catalog(datetime.date(2012, 7, 4))
    e = info.value
    assert isinstance(e, ValueError)
    assert "2012-07-04 is before 2012-07-05" in e.message_en
    assert "Decree 134/2004/ND-CP" in e.message_en
    assert "ngày 04/07/2012 trước ngày 05/07/2012" in e.message_vi
    assert e.message_en in str(e) and e.message_vi in str(e)
    assert khuyencong.catalog(datetime.date(2012, 7, 5))["regime"] == "regime_2012"


@pytest.mark.parametrize("bad", [2024.5, 20240601, True, None, [2024, 6, 1], b"2024-06-01"])
def test_catalog_date_of_the_wrong_type_is_a_type_error(bad: Any) -> None:
    with pytest.raises(TypeError, match=r"as_of must be a datetime\.date .* or an ISO date string"):
        khuyencong.catalog(bad)


def test_a_datetime_is_refused_with_a_hint() -> None:
    with pytest.raises(TypeError, match=r"not a datetime\.datetime: pass its \.date\(\)"):
        khuyencong.regime_at(datetime.datetime(2024, 6, 1, 12, 0))


@pytest.mark.parametrize("bad", ["2024-6-1", "2024-02-30", "01/06/2024", "", "2024-06-01T00:00", "２０２４-06-01"])
def test_malformed_date_strings_raise_error(bad: str) -> None:
    with pytest.raises(Error, match="YYYY-MM-DD"):
        khuyencong.catalog(bad)


def test_unknown_language_raises_error_and_wrong_type_a_type_error() -> None:
    with pytest.raises(Error) as info:
        khuyencong.catalog("2024-06-01", lang="fr")
    assert "unknown language `fr`" in info.value.message_en
    assert "ngôn ngữ không hợp lệ `fr`" in info.value.message_vi
    with pytest.raises(TypeError):
        khuyencong.catalog("2024-06-01", lang=1)  # type: ignore[arg-type]


# --- regimes (Art. 18 of Decree 45/2012; Decree 235/2025) ---------------------------------


@pytest.mark.parametrize(
    ("day", "regime"),
    [
        ("2012-07-05", "regime_2012"),
        (datetime.date(2025, 10, 14), "regime_2012"),
        ("2025-10-15", "regime_2025"),
        (datetime.date(2030, 1, 1), "regime_2025"),
    ],
)
def test_regime_at_boundaries(day: datetime.date | str, regime: str) -> None:
    assert khuyencong.regime_at(day) == regime


def test_regime_before_decree_45_is_an_error() -> None:
    with pytest.raises(Error, match="before 2012-07-05"):
        khuyencong.regime_at("2012-07-04")


# --- citations (Điều, Khoản, Điểm; đ follows d) --------------------------------------------

DD_VI = "điểm đ khoản 9 Điều 4 Nghị định số 45/2012/NĐ-CP"
DD_EN = "Decree 45/2012/ND-CP, Art. 4(9)(dd)"
DD = {"instrument": "nd_45_2012", "article": 4, "clause": 9, "point": "đ"}


def test_citation_with_point_dd_round_trips_in_both_languages() -> None:
    assert khuyencong.parse_citation(DD_VI) == DD
    assert khuyencong.parse_citation(DD_EN) == DD
    assert khuyencong.render_citation(DD) == DD_VI
    assert khuyencong.render_citation(DD, "vi") == DD_VI
    assert khuyencong.render_citation(DD, lang="en") == DD_EN
    parsed = khuyencong.parse_citation(DD_VI)
    assert type(parsed["article"]) is int
    assert khuyencong.render_citation(khuyencong.parse_citation(DD_EN), "vi") == DD_VI


@pytest.mark.parametrize(
    "text",
    [
        "Nghị định số 45/2012/NĐ-CP",
        "Điều 18 Nghị định số 45/2012/NĐ-CP",
        "khoản 3 Điều 4 Nghị định số 45/2012/NĐ-CP",
        "điểm b khoản 3 Điều 4 Nghị định số 45/2012/NĐ-CP",
        "Decree 45/2012/ND-CP, Art. 4(3)(b)",
        "Decree 235/2025/ND-CP, Art. 1",
    ],
)
def test_citations_round_trip(text: str) -> None:
    c = khuyencong.parse_citation(text)
    lang = "en" if text.startswith("Decree") else "vi"
    assert khuyencong.render_citation(c, lang) == text


def test_catalog_citations_render_as_shown() -> None:
    for a in khuyencong.catalog("2024-06-01")["activities"]:
        assert khuyencong.render_citation(a["citation"], "vi") == a["citation"]["vi"]
        assert khuyencong.render_citation(a["citation"], "en") == a["citation"]["en"]


@pytest.mark.parametrize(
    "text",
    [
        "điểm f khoản 2 Điều 1 Nghị định số 45/2012/NĐ-CP",
        "Nghị định số 99/2099/NĐ-CP",
        "khoản x Điều 4 Nghị định số 45/2012/NĐ-CP",
        "",
    ],
)
def test_bad_citations_raise_error_in_both_languages(text: str) -> None:
    with pytest.raises(Error) as info:
        khuyencong.parse_citation(text)
    assert info.value.message_en and info.value.message_vi
    assert info.value.message_en != info.value.message_vi


@pytest.mark.parametrize(
    "bad",
    [
        {"instrument": "nd_45_2012", "clause": 2},
        {"instrument": "nd_45_2012", "article": 4, "point": "w"},
        {"instrument": "nd_999", "article": 1},
        {"instrument": "nd_45_2012", "article": 0},
        {"instrument": "nd_45_2012", "article": -1},
        {"instrument": "nd_45_2012", "article": 70000},
        {"instrument": "nd_45_2012", "article": 4, "paragraph": 1},
        {"instrument": "nd_45_2012", "article": "4"},
        {"instrument": "nd_45_2012", "article": 2**70},
        {},
    ],
)
def test_invalid_citation_dicts_raise_error(bad: dict[str, Any]) -> None:
    with pytest.raises(Error):
        khuyencong.render_citation(bad)


def test_citation_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="citation must be a dict"):
        khuyencong.render_citation(DD_VI)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="floats are not accepted at `/article`"):
        khuyencong.render_citation({"instrument": "nd_45_2012", "article": 4.0})
    with pytest.raises(TypeError, match="text must be a str"):
        khuyencong.parse_citation(4)  # type: ignore[arg-type]


# --- amounts and shares: whole đồng, exact decimals, never floats --------------------------


@pytest.mark.parametrize("bad", [1.4e9, 1_400_000_000.0, float("nan"), True, False])
def test_float_or_bool_amount_is_a_type_error(bad: Any) -> None:
    with pytest.raises(TypeError) as info:
        native._as_vnd(bad)
    assert str(info.value) == AMOUNT_MESSAGE


@pytest.mark.parametrize("bad", [None, [1], b"1"])
def test_other_amount_types_are_type_errors(bad: Any) -> None:
    with pytest.raises(TypeError, match="amounts are whole đồng: pass an int"):
        native._as_vnd(bad)


def test_an_amount_given_as_text_is_read_as_the_command_reads_it() -> None:
    assert native._as_vnd("1400000000") == 1_400_000_000
    assert native._as_vnd("620 triệu") == 620_000_000
    for bad in ["hơn 620 triệu", "1,400", "9007199254740992"]:
        with pytest.raises(Error):
            native._as_vnd(bad)


@pytest.mark.parametrize(
    ("amount", "dong"),
    [
        (0, 0),
        (1_400_000_000, 1_400_000_000),
        (Decimal("1400000000"), 1_400_000_000),
        (Decimal("1.4E+9"), 1_400_000_000),
        (Decimal("1400000000.000"), 1_400_000_000),
        (Decimal("-0"), 0),
        (2**53 - 1, 2**53 - 1),
    ],
)
def test_whole_amounts_are_accepted(amount: int | Decimal, dong: int) -> None:
    got = native._as_vnd(amount)
    assert type(got) is int
    assert got == dong


@pytest.mark.parametrize(
    ("amount", "fragment"),
    [
        (Decimal("12.5"), "whole number of đồng, got 12.5"),
        (Decimal("NaN"), "whole number of đồng"),
        (Decimal("Infinity"), "whole number of đồng"),
        (-1, "must not be negative, got -1"),
        (Decimal("-5"), "must not be negative, got -5"),
        (Decimal("-1E+30"), "must not be negative, got -1E+30"),
        (-(2**100), "must not be negative"),
        (2**53, "exceeds the maximum"),
        (2**200, "exceeds the maximum"),
        (Decimal("1E+999999"), "exceeds the maximum"),
    ],
)
def test_amounts_out_of_range_raise_error(amount: int | Decimal, fragment: str) -> None:
    with pytest.raises(Error) as info:
        native._as_vnd(amount)
    assert fragment in info.value.message_en
    assert info.value.message_vi


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (Decimal("0.5"), Decimal("0.5")),
        (Decimal("0.50"), Decimal("0.5")),
        ("0.3", Decimal("0.3")),
        (0, Decimal("0")),
        (1, Decimal("1")),
        (Decimal("5E-1"), Decimal("0.5")),
    ],
)
def test_shares_are_exact_decimals(share: Decimal | int | str, expected: Decimal) -> None:
    got = native._as_share(share)
    assert isinstance(got, Decimal)
    assert got == expected


def test_float_share_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="shares are exact decimals"):
        native._as_share(0.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="shares are exact decimals"):
        native._as_share(True)


@pytest.mark.parametrize("bad", [Decimal("1.01"), Decimal("-0.1"), "abc", "NaN", Decimal("1E+999999"), 2])
def test_shares_outside_0_1_raise_error(bad: Decimal | str | int) -> None:
    with pytest.raises(Error):
        native._as_share(bad)


# --- JSON conversion ----------------------------------------------------------------------


def test_json_integers_become_int_never_float() -> None:
    v = native._json_loads(
        '{"a": 1, "b": -2, "c": 18446744073709551615, "d": -9223372036854775808,'
        ' "e": 9007199254740993, "f": 0}'
    )
    assert v == {"a": 1, "b": -2, "c": 2**64 - 1, "d": -(2**63), "e": 9007199254740993, "f": 0}
    assert all(type(x) is int for x in v.values())


def test_json_values_of_every_kind() -> None:
    v = native._json_loads('[null, true, false, "đồng", [], {}, {"k": [1, {"x": "y"}]}, 1.5]')
    assert v == [None, True, False, "đồng", [], {}, {"k": [1, {"x": "y"}]}, 1.5]
    assert type(v[1]) is bool and type(v[3]) is str


def test_invalid_json_is_an_error() -> None:
    with pytest.raises(Error, match="invalid JSON"):
        native._json_loads("{")


def test_python_data_round_trips_through_json() -> None:
    data = {"n": 2**63, "m": -3, "s": "Điều", "l": [1, (2, 3)], "b": False, "z": None, "d": Decimal("0.25")}
    assert native._json_round_trip(data) == {
        "n": 2**63,
        "m": -3,
        "s": "Điều",
        "l": [1, [2, 3]],
        "b": False,
        "z": None,
        "d": "0.25",
    }


def test_json_conversion_refuses_what_json_cannot_hold() -> None:
    with pytest.raises(TypeError, match="floats are not accepted at `/a/0`"):
        native._json_round_trip({"a": [1.5]})
    with pytest.raises(TypeError, match="dict keys must be str"):
        native._json_round_trip({1: "x"})
    with pytest.raises(TypeError, match="cannot use a set at `/s`"):
        native._json_round_trip({"s": {1}})
    with pytest.raises(Error, match="out of range"):
        native._json_round_trip(2**64)


def test_self_containing_data_is_refused_not_a_crash() -> None:
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(Error, match="nested deeper than 128 levels"):
        native._json_round_trip(loop)


# --- exceptions -------------------------------------------------------------------------

FINDING: Finding = {
    "code": "report.total_mismatch",
    "severity": "error",
    "path": "/lines/0/amount",
    "citation": {"instrument": "nd_45_2012", "article": 4, "clause": 9, "point": "đ"},
    "message_vi": "tổng không khớp",
    "message_en": "the total does not match",
}


def test_errors_pickle_round_trip() -> None:
    e = Error("date is out of range", "ngày nằm ngoài phạm vi")
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is Error
    assert (back.message_en, back.message_vi, str(back)) == (e.message_en, e.message_vi, str(e))

    v = ValidationError("1 finding", "1 phát hiện", [FINDING.copy()])
    back_v = pickle.loads(pickle.dumps(v))
    assert type(back_v) is ValidationError
    assert back_v.findings == v.findings
    assert (back_v.message_en, back_v.message_vi) == (v.message_en, v.message_vi)


def test_raised_errors_pickle_round_trip() -> None:
    with pytest.raises(Error) as info:
        khuyencong.regime_at("2000-01-01")
    back = pickle.loads(pickle.dumps(info.value))
    assert type(back) is Error
    assert back.message_vi == info.value.message_vi


def test_error_with_one_message() -> None:
    e = Error("only english")
    assert e.message_vi == "only english"
    assert str(e) == "only english"
    assert ValidationError("x").findings == []


def test_validation_error_from_findings() -> None:
    e = native._validation_error([FINDING.copy(), {**FINDING, "path": "/b", "severity": "warning"}])
    assert type(e) is ValidationError
    assert isinstance(e, Error) and isinstance(e, ValueError)
    assert len(e.findings) == 2
    assert e.findings[0] == FINDING
    assert e.findings[0]["citation"]["article"] == 4
    assert e.message_en.splitlines() == [
        "the document has 1 error:",
        "  /lines/0/amount  report.total_mismatch  the total does not match",
        "  /b  report.total_mismatch  the total does not match",
    ]
    assert e.message_vi.splitlines()[0] == "tài liệu có 1 lỗi:"
    back = pickle.loads(pickle.dumps(e))
    assert back.findings == e.findings
    with pytest.raises(ValidationError) as info:
        raise e
    assert info.value.findings[1]["severity"] == "warning"


def test_validation_error_without_findings_and_bad_findings() -> None:
    assert native._validation_error([]).findings == []
    with pytest.raises(Error, match="invalid findings"):
        native._validation_error([{"code": "x"}])
    with pytest.raises(Error, match="invalid findings"):
        native._validation_error([{**FINDING, "severity": "fatal"}])

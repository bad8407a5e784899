from decimal import Decimal

import pytest

from reportqa.parsing.numbers import is_blank_cell, is_number_cell, normalize_cell, parse_number


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("0", (0, "")),
        ("244", (244, "")),
        ("1,234", (1234, "")),
        ("12,345,678", (12345678, "")),
        ("1，234", (1234, "")),  # full-width comma
        ("３７３５３", (37353, "")),  # full-width digits
        ("１，２３４", (1234, "")),
        (" 37353 ", (37353, "")),
        ("3 7353", (37353, "")),  # a space left inside a number by the converter
        ("12件", (12, "件")),
        ("2330人次", (2330, "人次")),
    ],
)
def test_integers(cell, expected):
    value, unit = parse_number(cell)
    assert (value, unit) == expected
    assert type(value) is int


@pytest.mark.parametrize(
    "cell, value, unit",
    [
        ("85.4", Decimal("85.4"), ""),
        ("160.5964万元", Decimal("160.5964"), "万元"),
        ("１６０．５９６４万元", Decimal("160.5964"), "万元"),
        ("1,234.50", Decimal("1234.50"), ""),
        ("0.00", Decimal("0.00"), ""),
    ],
)
def test_decimals_are_exact_not_floats(cell, value, unit):
    got, got_unit = parse_number(cell)
    assert isinstance(got, Decimal)
    assert got == value and str(got) == str(value)
    assert got_unit == unit


@pytest.mark.parametrize("cell", ["", "   ", "\u3000", "—", "——", "-", "－", "–", "/", "／", "无"])
def test_blank_and_dash_cells_are_not_reported_not_zero(cell):
    assert parse_number(cell) == (None, "")
    assert is_blank_cell(cell)
    assert not is_number_cell(cell)


def test_none_cell_is_not_reported():
    assert parse_number(None) == (None, "")  # type: ignore[arg-type]


@pytest.mark.parametrize("cell", ["合计", "统计数", "条", "1.2.3", "abc", "约100", "一百"])
def test_text_raises_value_error(cell):
    with pytest.raises(ValueError, match="not a number"):
        parse_number(cell)
    assert not is_number_cell(cell)
    assert not is_blank_cell(cell)


def test_zero_is_a_number_cell_and_not_blank():
    assert is_number_cell("0")
    assert not is_blank_cell("0")


def test_normalize_cell_removes_spaces_and_converts_full_width_digits():
    assert normalize_cell("统\u3000计\u3000指\u3000标") == "统计指标"
    assert normalize_cell("１２．５") == "12.5"
    assert normalize_cell(None) == ""  # type: ignore[arg-type]

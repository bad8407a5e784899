"""Differences between two figures; a change from one year to the next keeps its sign (a real engine over made-up
reports of one street office)."""

import pytest

Y2023 = """2023年石桥街道政府信息公开工作年度报告
一、总体情况
（一）主动公开
全年通过石桥微博发布各类信息300条，通过石桥微信公众号发布各类信息1500条。
"""
Y2024 = """2024年石桥街道政府信息公开工作年度报告
一、总体情况
（一）主动公开
全年通过石桥微博发布各类信息420条，通过石桥微信公众号发布各类信息1200条。
"""


@pytest.fixture(scope="module")
def street(engine_over):
    return engine_over({"shiqiao-2023.txt": Y2023, "shiqiao-2024.txt": Y2024})


def test_a_change_from_one_year_to_the_next_is_the_later_less_the_earlier(street):
    answer = street.ask("By how much did the Shiqiao subdistrict's WeChat posts change from 2023 to 2024?")
    assert (answer.found, answer.value) == (True, -300)
    assert "a fall" in answer.text


def test_how_many_more_asks_a_size_not_a_change(street):
    assert street.ask("石桥街道2024年微博发布的信息比2023年多多少条？").value == 120

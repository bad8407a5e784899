"""Which figures of the text are added up over the years."""

import pytest

from reportqa.answering.running_totals import said_as_running_total
from reportqa.documents import Fact


def prose(source: str, raw: str) -> Fact:
    return Fact(path=("一、概述", "x"), column=None, value=1, unit="条", raw=raw, kind="prose", table="", source=source)


@pytest.mark.parametrize(("source", "raw", "running"), [
    ("《条例》颁布实施以来,累计主动公开政府信息410000条。", "410000条", True),
    ("截至2019年底，累计主动公开政府信息64627条。", "64627条", True),
    ("2019年，我局在区政府网站主动公开信息35条,历年累计400条;", "400条", True),
    ("今年以来累计发布信息120条。", "120条", False),  # the year's own
    ("全年累计发布信息120条。", "120条", False),
    ("2019年1月至12月,共主动公开文件20件,历年累计345条,全文电子化达100%。", "100%", False),
    ("历年累计52条，其中2010年新增14条。", "14条", False),
])
def test_a_running_total_is_one_added_up_over_the_years(source, raw, running):
    assert said_as_running_total(prose(source, raw)) is running

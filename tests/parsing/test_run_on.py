"""A report saved as one line is cut back into paragraphs at its numbered headings."""

from reportqa.parsing.run_on import split_heading, split_run_on

LINE = ("青禾市东湖区2016年度政府信息公开工作年度报告 根据《条例》要求编制本报告。" + "本报告说明。" * 40 +
        "一、 概述2016年，我区持续推进政府信息公开工作。（一）组织机构方面我区成立了领导小组。"
        "二、主动公开政府信息情况（一）主动公开政府信息的数量2016年全区主动公开政府信息3460条。"
        "三、政府信息依申请公开工作情况 2016年全区未收到申请。六、主要问题和改进措施2016年，仍存在一些不足。")


def test_headings_get_lines_of_their_own():
    parts = split_run_on(LINE)
    for heading in ["一、 概述", "二、主动公开政府信息情况", "三、政府信息依申请公开工作情况",
                    "六、主要问题和改进措施"]:
        assert heading in parts, heading
    assert "2016年全区未收到申请。" in parts
    assert any(p.startswith("（一）组织机构方面") for p in parts)


def test_a_short_line_is_left_alone():
    assert split_run_on("一、概述 二、情况") == ["一、概述 二、情况"]


def test_split_heading():
    assert split_heading("一、 概述2016年，我区…") == ["一、 概述", "2016年，我区…"]
    assert split_heading("（一）组织机构方面我区成立了领导小组") == ["（一）组织机构方面", "我区成立了领导小组"]
    assert split_heading("一是加强领导。") == ["一是加强领导。"]


def test_joined_headings_and_headings_before_a_space():
    assert (split_heading("五、政府信息公开工作存在的主要问题及改进措施目前，我局仍有不足。")[0]
            == "五、政府信息公开工作存在的主要问题及改进措施")
    assert split_heading("一、概述我局政府信息公开工作在领导小组领导下开展")[0] == "一、概述"
    assert (split_heading("（三）加大政府信息公开工作力度 2017年我局将继续加大力度")[0]
            == "（三）加大政府信息公开工作力度")


def test_a_top_heading_ends_at_its_word_not_at_the_first_digit_of_the_text_glued_to_it():
    """"一、总体情况今年我局共制作政务信息1197条": 情况 ends the heading; cut at the digit, the heading would take the
    sentence's subject and the figure would lose its words."""
    from reportqa.parsing.run_on import split_heading

    assert split_heading("一、总体情况今年我局共制作政务信息1197条，主动公开政府信息53条") == [
        "一、总体情况", "今年我局共制作政务信息1197条，主动公开政府信息53条"]
    assert split_heading("一、 概述2016年，在省政府的领导下") == ["一、 概述", "2016年，在省政府的领导下"]
    assert split_heading("二、主要问题及改进措施2024年存在不足") == ["二、主要问题及改进措施", "2024年存在不足"]

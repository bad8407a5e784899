"""Text layouts → blocks: one cell per line, pipe rows, tab-separated rows, chart residue."""

from __future__ import annotations

from reportqa.parsing.layout import is_chart_residue, is_markdown_separator, pipe_cells, split_text_blocks


def tables(blocks):
    return [b.rows for b in blocks if b.kind == "table"]


def texts(blocks):
    return [b.text for b in blocks if b.kind == "text"]


def test_one_cell_per_line_rows_with_wrapped_cell():
    text = (
        "政府信息公开情况统计表\n\n"
        "\t统计指标\n\t单位\n\t统计数\n\n"
        "\t　　（一）主动公开政府信息数\n　　（不同渠道和方式公开相同信息计1条）\n\t条\n\t1,234\n\n"
        "\t　　（二）依申请公开\n\t件\n\t—\n"
    )
    blocks = split_text_blocks(text)
    assert texts(blocks) == ["政府信息公开情况统计表"]
    assert tables(blocks) == [[
        ["统计指标", "单位", "统计数"],
        ["　　（一）主动公开政府信息数　　（不同渠道和方式公开相同信息计1条）", "条", "1,234"],
        ["　　（二）依申请公开", "件", "—"],
    ]]


def test_one_cell_per_line_lone_tab_is_an_empty_cell():
    text = "\t项目\n\t自然人\n\t总计\n\n\t一、本年新收\n\t\n\t5\n\n\t\u3000\u3000（七）总计\n\t3\n\t\u3000\n"
    assert tables(split_text_blocks(text)) == [[["项目", "自然人", "总计"], ["一、本年新收", "", "5"],
                                                 ["\u3000\u3000（七）总计", "3", ""]]]


def test_pipe_rows_with_and_without_outer_pipes_and_empty_fillers():
    text = (
        "说明文字\n"
        "| 项目 | 自然人 | 总计 |\n"
        "|---|:---:|---:|\n"
        "| 一、本年新收 | 1,234 | 1,240 |\n"
        "三、本年度办理结果 || （一）予以公开 | 5 |\n"
        "||||\n"
        "| | （二）部分公开 | 7 |\n"
        "后文\n"
    )
    blocks = split_text_blocks(text)
    assert texts(blocks) == ["说明文字", "后文"]
    assert tables(blocks) == [[
        ["项目", "自然人", "总计"],
        ["一、本年新收", "1,234", "1,240"],
        ["三、本年度办理结果", "", "（一）予以公开", "5"],
        ["", "（二）部分公开", "7"],
    ]]


def test_dash_values_are_not_a_markdown_separator():
    assert is_markdown_separator("|---|:---:|")
    assert is_markdown_separator("| --- | --- |")
    assert not is_markdown_separator("| - | — | -- |")
    assert pipe_cells("| 行政强制 | - | — |") == ["行政强制", "-", "—"]
    blocks = split_text_blocks("| 行政处罚 | 12 |\n| 行政强制 | - |\n")
    assert tables(blocks) == [[["行政处罚", "12"], ["行政强制", "-"]]]


def test_escaped_pipe_stays_in_its_cell():
    assert pipe_cells(r"| a \| b | c |") == ["a | b", "c"]


def test_a_single_pipe_in_prose_is_not_a_table():
    blocks = split_text_blocks("网址：www.example.gov.cn | 电话\n下一段")
    assert tables(blocks) == []


def test_tab_separated_rows_keep_empty_cells_and_commas():
    text = "标题\n信息内容\t本年制发件数\t本年废止件数\n规章\t\t0\n行政规范性文件\t1,234\t5\n结尾\n"
    blocks = split_text_blocks(text)
    assert texts(blocks) == ["标题", "结尾"]
    assert tables(blocks) == [[
        ["信息内容", "本年制发件数", "本年废止件数"],
        ["规章", "", "0"],
        ["行政规范性文件", "1,234", "5"],
    ]]


def test_tab_rows_keep_leading_empty_cells_under_merged_cells():
    text = ("三、本年度办理结果\t（四）无法提供\t1.本机关不掌握相关政府信息\t746\t12\n"
            "\t\t2.没有现成信息需要另行制作\t11\t0\t\n")
    assert tables(split_text_blocks(text)) == [[
        ["三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息", "746", "12"],
        ["", "", "2.没有现成信息需要另行制作", "11", "0"],
    ]]


def test_tab_row_with_one_filled_cell_continues_the_table():
    text = "信息内容\t本年制发件数\t本年废止件数\n规章\t\t\n第二十条第（五）项\t\t\n行政许可\t5\n后文\n"
    blocks = split_text_blocks(text)
    assert tables(blocks) == [[["信息内容", "本年制发件数", "本年废止件数"], ["规章", "", ""],
                               ["第二十条第（五）项", "", ""], ["行政许可", "5", ""]]]
    assert texts(blocks) == ["后文"]


def test_chart_residue_is_dropped():
    assert is_chart_residue("系列 1")
    assert is_chart_residue("系列1\t")
    assert is_chart_residue("系列 1\t系列 2\t系列 3")
    assert is_chart_residue("类别 4")
    assert is_chart_residue("图表标题")
    assert not is_chart_residue("系列化服务持续推进")
    assert not is_chart_residue("1. 系列 1 的说明")
    blocks = split_text_blocks("正文\n系列 1\t\n当面申请数\t信函申请数\t网络申请数\t138\t95\t11\n")
    assert texts(blocks) == ["正文"]
    assert tables(blocks) == [[["当面申请数", "信函申请数", "网络申请数", "138", "95", "11"]]]


def test_seed_still_splits_as_before(seed_path):
    """The seed: prose lines, one 66-row statistics table, the chart data row; chart residue and the four image
    captions are gone."""
    blocks = split_text_blocks(seed_path.read_text(encoding="utf-8"))
    table_blocks = tables(blocks)
    assert len(table_blocks) == 2
    statistics = table_blocks[0]
    assert len(statistics) == 66
    assert statistics[0] == ["统\u3000计\u3000指\u3000标", "单位", "统计数"]
    assert statistics[1] == ["一、主动公开情况", "——", ""]  # its empty 统计数 cell, written as a lone tab
    assert statistics[-1] == ["\u3000\u3000（三）接受培训人员数", "人次", "2330"]
    assert table_blocks[1] == [["当面申请数", "信函申请数", "网络申请数", "传真申请数", "138", "95", "11", "0"]]
    assert "系列 1" not in texts(blocks)
    assert len(blocks) == 25
    assert "“瓯海发布”微信截图" not in texts(blocks)
    assert texts(blocks)[0] == "2017年度政府信息公开工作年度报告"


def test_image_captions_are_not_prose() -> None:
    text = ("正文第一段。\n[image: 截图]\n“瓯海发布”微信截图\n\n下一段正文，说明了情况。\n[image: ]\n\n"
            "这是一句完整的话，在图片之后。")
    blocks = split_text_blocks(text)
    texts = [b.text for b in blocks if b.kind == "text"]
    assert "“瓯海发布”微信截图" not in texts
    assert texts == ["正文第一段。", "下一段正文，说明了情况。", "这是一句完整的话，在图片之后。"]


def test_a_lone_pipe_row_with_a_markdown_separator_is_a_table():
    blocks = split_text_blocks("（四）无\n| 2.没有现成信息需要另行制作 | 47 | 1 | 0 | 0 | 0 | 0 | 48 |\n"
                               "|---|---|---|---|---|---|---|---|\n")
    assert [b.kind for b in blocks] == ["text", "table"]
    assert blocks[1].rows == [["2.没有现成信息需要另行制作", "47", "1", "0", "0", "0", "0", "48"]]
    assert [b.kind for b in split_text_blocks("a | b | c\n正文")] == ["text", "text"]  # no separator: not a table


def test_a_table_saved_one_cell_a_line_each_closed_by_a_bar_is_read_in_rows():
    """Empty cells are bare bars; the title row (a cell and its empty cells) gives the number of columns."""
    text = "\n".join(["二、主动公开政府信息情况", "第二十条第(五)项 |", "|||", "信息内容 |", "上一年项目数量 |",
                      "本年增/减 |", "处理决定数量 |", "行政许可 |", "16 |", "+3 |", "19 |",
                      "第二十条第(九)项 |", "|||", "信息内容 |", "采购项目数量 |", "采购总金额 |", "|",
                      "政府集中采购 |", "2 |", "24.5万元 |", "三、收到和处理政府信息公开申请情况"])
    rows = tables(split_text_blocks(text))[0]
    assert ["行政许可", "16", "+3", "19"] in rows
    assert ["信息内容", "采购项目数量", "采购总金额", ""] in rows
    assert ["政府集中采购", "2", "24.5万元", ""] in rows  # a last row cut short
    assert texts(split_text_blocks(text))[-1] == "三、收到和处理政府信息公开申请情况"


def test_a_line_closed_by_a_bar_without_a_row_of_bars_after_it_is_text():
    lines = ["内容概述: |", "本年度报告根据《条例》编制。"]
    assert texts(split_text_blocks("\n".join(lines))) == lines


def test_a_cell_and_the_empty_cells_it_spans_written_on_one_line_are_read_as_the_cell_stream():
    """"第二十条第(五)项 | |||": the title and its span on one line, among lone cells; a real pipe table's row with a
    blank cell ("内容概述 | |||" between rows of several cells) is left as it is."""
    text = "\n".join(["第二十条第(五)项 | |||", "信息内容 |", "本年处理决定数量 | ||", "行政许可 |", "731 | ||",
                      "第二十条第(六)项 | |||", "信息内容 |", "本年处理决定数量 | ||", "行政处罚 |", "42 | ||",
                      "三、收到和处理政府信息公开申请情况"])
    found = tables(split_text_blocks(text))
    assert ["行政许可", "731", "", ""] in found[0]
    assert any(["行政处罚", "42", "", ""] in rows for rows in found)
    header = "\n".join(["文 号 | 无 | 主 题 词 | |", "内容概述 | |||", "时 效 | 有效 |"])
    assert ["内容概述", "", "", ""] in tables(split_text_blocks(header))[0]


def test_rows_opened_by_a_bar_on_their_own_line_are_one_row_each():
    """A page's table saved with each row opened by a lone bar and then one cell a line, each closed by its bar, a
    cell's span as bars after it ("325 | ||")."""
    text = ("二、主动公开政府信息情况\n|\n第二十条第(五)项 | |||\n|\n信息内容 |\n本年处理决定数量 | ||\n"
            "|\n行政许可 |\n325 | ||\n|\n行政处罚 |\n49 | ||\n第二十条")
    assert tables(split_text_blocks(text)) == [[["第二十条第(五)项", "", "", ""],
                                                ["信息内容", "本年处理决定数量", "", ""],
                                                ["行政许可", "325", "", ""], ["行政处罚", "49", "", ""]]]
    # one such row alone is no table
    assert tables(split_text_blocks("正文\n|\n一个单元格 |\n正文")) == []

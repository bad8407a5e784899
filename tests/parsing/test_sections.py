
from reportqa.chunking import report_passages
from reportqa.parsing.sections import PREAMBLE, is_top_heading, split_sections

WORK = "一、工作概况"
LEADERSHIP = "（二）强化组织领导，夯实政务公开基础"
PROBLEMS = "六、主要问题及改进措施"


def _sections(seed_report):
    return {s.path: s for s in seed_report.sections}


def test_seed_heading_paths(seed_report):
    paths = [s.path for s in seed_report.sections]
    assert (WORK, LEADERSHIP) in paths
    assert (WORK, "（三）抓基础强平台，完善政务公开方式") in paths
    assert (PROBLEMS,) in paths
    tops = list(dict.fromkeys(p[0] for p in paths))
    assert tops == [PREAMBLE, WORK, "二、主动公开政府信息情况", "三、依申请公开政府信息情况", "四、收费及减免情况",
                    "五、复议和诉讼情况", PROBLEMS]


def test_seed_sub_section_text(seed_report):
    section = _sections(seed_report)[(WORK, LEADERSHIP)]
    assert section.heading == f"{WORK} › {LEADERSHIP}"
    assert section.text.startswith(LEADERSHIP)
    assert "接受培训人数达2330人次" in section.text


def test_seed_problems_section_holds_both_paragraphs(seed_report):
    text = _sections(seed_report)[(PROBLEMS,)].text
    assert text.startswith("目前，我区政府信息公开工作主要存在的问题有")
    assert "四是加强队伍建设" in text


def test_report_title_is_not_prose(seed_report):
    assert not any(s.text.startswith("2017年度政府信息公开工作年度报告") for s in seed_report.sections)


def test_statistics_table_title_lines_and_signature_are_not_prose(seed_report):
    text = "\n".join(s.text for s in seed_report.sections)
    for line in ("政府信息公开情况统计表", "（2017年度）", "温州市瓯海区人民政府", "2018年1月12日"):
        assert line not in text


def test_table_cells_are_not_prose(seed_report):
    text = "\n".join(s.text for s in seed_report.sections)
    assert "统计指标" not in text and "统　计　指　标" not in text
    assert "不同意公开答复数" not in text


def test_chart_data_does_not_become_a_passage(seed_report):
    text = "\n".join(s.text for s in seed_report.sections)
    assert "系列" not in text
    assert "当面申请数" not in text
    for p in report_passages(seed_report):
        assert "系列 1" not in p.text and "系列1" not in p.text
        assert "138\t95" not in p.text and "1389511" not in p.text.replace(" ", "")
        assert not p.text.startswith("当面申请数")


def test_converter_artifacts_are_not_prose(seed_report):
    text = "\n".join(s.text for s in seed_report.sections)
    assert "[bookmark" not in text and "[image" not in text


# ------------------------------------------------------------------ split_sections on its own


def test_split_sections_top_and_second_level():
    paragraphs = [
        "本报告根据《条例》编制。",
        "一、总体情况",
        "（一）主动公开。本年主动公开信息100条。",
        "（二）依申请公开",
        "收到申请10件。",
        "二、存在的主要问题及改进情况",
        "一是人员不足。",
    ]
    got = [(s.path, s.text) for s in split_sections(paragraphs)]
    assert got == [
        ((PREAMBLE,), "本报告根据《条例》编制。"),
        (("一、总体情况", "（一）主动公开"), "（一）主动公开。本年主动公开信息100条。"),
        (("一、总体情况", "（二）依申请公开"), "收到申请10件。"),
        (("二、存在的主要问题及改进情况",), "一是人员不足。"),
    ]


def test_paragraphs_before_the_first_sub_heading_stay_at_the_top_level():
    got = [s.path for s in split_sections(["一、总体情况", "本年度总体情况如下。", "（一）主动公开。正文。"])]
    assert got == [("一、总体情况",), ("一、总体情况", "（一）主动公开")]


def test_later_paragraphs_of_a_sub_section_keep_its_heading():
    paragraphs = [
        "一、总体情况",
        "（一）主动公开。本年主动公开信息100条。",
        "其中规范性文件12件。",
        "（二）依申请公开",
        "收到申请10件。",
        "全部按时答复。",
    ]
    got = [(s.path, s.text) for s in split_sections(paragraphs)]
    assert got == [
        (("一、总体情况", "（一）主动公开"), "（一）主动公开。本年主动公开信息100条。\n其中规范性文件12件。"),
        (("一、总体情况", "（二）依申请公开"), "收到申请10件。\n全部按时答复。"),
    ]


def test_empty_headings_make_no_sections():
    assert split_sections(["一、总体情况", "二、其他", "  "]) == []


def test_is_top_heading():
    assert is_top_heading("一、工作概况")
    assert is_top_heading("    六、主要问题及改进措施")
    assert is_top_heading("十、其他需要报告的事项")
    assert not is_top_heading("一是个别部门决心不坚定。")
    assert not is_top_heading("一、本机关认真贯彻落实《条例》，"
                              "全年共主动公开政府信息一万余条，比上年增长了百分之二十。")


def test_lines_cut_by_the_page_are_joined_back():
    full = "“某某科技”网站全年累计发布信息 2139 条，其中动态类"
    paragraphs = [
        "一、总体情况",
        full,
        "信息发布 1744 条，政务信息发布 393 条，解读类信息发布 21 条，",
        "回应公众关注热点信息 2 条。",
        "“某某科技”微信公众号共编发文章 1640 篇，其中原创文章 294",
        "篇，微信公众号目前关注人数达 1016823 人；短视频号共制作",
        "并发布短视频 584 条，累计观看量 1924252 次。",
        "（二）依申请公开",
        "本年共收到申请 5 件。",
    ]
    sections = split_sections(paragraphs)
    text = sections[0].text
    assert "其中动态类信息发布 1744 条" in text and "原创文章 294篇" in text and "短视频号共制作并发布" in text
    assert "2 条。\n“某某科技”" in text  # a line that ends its sentence keeps its break
    assert sections[-1].path == ("一、总体情况", "（二）依申请公开")


def test_lines_of_a_document_without_page_wrapping_stay_apart():
    paragraphs = ["一、概述", "本年主动公开信息100条", "网上申请20件", "当面申请5件", "信函申请3件"]
    assert split_sections(paragraphs)[0].text == "本年主动公开信息100条\n网上申请20件\n当面申请5件\n信函申请3件"


def test_a_whole_heading_is_never_joined_to_the_paragraph_after_it():
    """Short page lines make the document look page-wrapped; a heading that ends as headings do (…的情况) is whole."""
    paragraphs = ["一二三四五六七八九十一二三四五六七八九十" for _ in range(6)] + [
        "二、主动公开政府信息的情况", "我局2015年度共主动公开政府信息158条。",
        "三、依申请公开信息和不予公开政府信息的情况", "2015年度我局依申请公开政府信息79条，不予以公开信息93条。",
        "四、因政府信息公开申请行政复议、提起行政诉讼的", "情况", "无。"]
    sections = {s.path[0]: s.text for s in split_sections(paragraphs)}
    assert sections["三、依申请公开信息和不予公开政府信息的情况"].startswith("2015年度我局依申请公开政府信息79条")
    assert "四、因政府信息公开申请行政复议、提起行政诉讼的情况" in sections  # a heading cut by the page is joined


def test_a_numbered_paragraph_opening_with_a_whole_heading_is_a_third_level():
    """"1. 平度市政务网主动公开情况。政府信息123条:…": the heading says what 政府信息 counts (the portal's proactive
    disclosures); a numbered paragraph of another kind ends it."""
    sections = split_sections(["一、总体情况", "(二)政府信息主动公开情况。",
                               "1. 某市政务网主动公开情况。政府信息123条。", "2. 加强培训。全年培训3次。", "二、其他"])
    paths = [s.path for s in sections]
    assert ("一、总体情况", "(二)政府信息主动公开情况", "1.某市政务网主动公开情况") in paths
    assert sections[-1].path == ("一、总体情况", "(二)政府信息主动公开情况")
    assert "加强培训" in sections[-1].text


def test_a_numbered_heading_alone_on_its_line_names_the_paragraphs_that_follow():
    # "1.固定宣传栏信息公开" and "2.政府网站信息公开": each its own third-level section, its figures under it
    sections = split_sections(["一、总体情况", "（二）信息公开及平台建设情况", "1.固定宣传栏信息公开",
                               "街道宣传栏全年共公开信息200条。", "2.政府网站信息公开", "全年公开信息18条。",
                               "3.加强培训。组织培训2次。"])
    paths = {s.path[-1]: s.text for s in sections}
    assert "全年共公开信息200条" in paths["1.固定宣传栏信息公开"]
    assert "全年公开信息18条" in paths["2.政府网站信息公开"]
    # a numbered paragraph with a sentence in it is no heading of its own
    assert not any(p.startswith("3.") for p in paths)

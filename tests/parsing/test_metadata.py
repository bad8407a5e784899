import pytest

from reportqa.parsing.metadata import (
    chinese_year_to_int,
    detect_metadata,
    find_agency,
    find_title,
    find_year,
    is_signature_line,
    with_its_place,
)


def test_seed_metadata(seed_report):
    assert seed_report.title == "2017年度政府信息公开工作年度报告"
    assert seed_report.agency == "温州市瓯海区人民政府"
    assert seed_report.year == 2017


def test_seed_metadata_from_its_text_lines(seed_doc):
    lines = [b.text for b in seed_doc.blocks if b.kind == "text"]
    meta = detect_metadata(lines, "000_f6584d2c7913d8cd")
    assert (meta.title, meta.agency, meta.year) == ("2017年度政府信息公开工作年度报告", "温州市瓯海区人民政府", 2017)


@pytest.mark.parametrize(
    "title, agency, year",
    [
        ("淮安市人民政府2024年政府信息公开工作年度报告", "淮安市人民政府", 2024),
        ("淮安市人民政府 2024 年政府信息公开工作年度报告", "淮安市人民政府", 2024),
        ("温州市瓯海区人民政府办公室2019年政府信息公开工作年度报告", "温州市瓯海区人民政府办公室", 2019),
        ("杭州市卫生健康委员会2020年度政府信息公开工作年度报告", "杭州市卫生健康委员会", 2020),
        ("国家税务总局温州市税务局2021年政府信息公开工作年度报告", "国家税务总局温州市税务局", 2021),
    ],
)
def test_agency_and_year_from_the_title(title, agency, year):
    meta = detect_metadata([title, "一、总体情况", "本年度……"])
    assert meta.title == title.replace(" ", "")
    assert meta.agency == agency
    assert meta.year == year


@pytest.mark.parametrize(
    "title",
    ["国家税务总局温州市税务局（2021年）政府信息公开工作年度报告", "温州市瓯海区人民政府2021年政务公开工作年度报告"],
)
def test_year_written_after_the_agency_in_the_title(title):
    meta = detect_metadata([title, "一、总体情况", "本机关认真贯彻落实《条例》。"], "report")
    assert meta.agency in ("国家税务总局温州市税务局", "温州市瓯海区人民政府")
    assert meta.year == 2021


def test_year_falls_back_to_the_file_name():
    meta = detect_metadata(["政府信息公开工作年度报告", "一、总体情况", "本机关认真贯彻落实《条例》。"],
                           "瓯海区_2016_年报")
    assert meta.year == 2016
    assert meta.agency == ""


def test_no_year_anywhere_is_none():
    assert detect_metadata(["政府信息公开工作年度报告", "正文。"], "report").year is None


def test_text_beats_the_file_name():
    assert find_year("2018年政府信息公开工作年度报告", [], "scan-2016") == 2018


def test_chinese_numeral_signature_date_gives_the_previous_year_and_the_agency():
    lines = ["政府信息公开工作年度报告", "一、总体情况", "本机关认真贯彻落实《条例》。", "温州市瓯海区人民政府",
             "二〇一八年一月十二日"]
    meta = detect_metadata(lines, "x")
    assert meta.year == 2017  # reports are signed early in the following year
    assert meta.agency == "温州市瓯海区人民政府"


def test_arabic_signature_date():
    lines = ["政府信息公开工作年度报告", "正文。", "淮安市人民政府", "2025年1月20日"]
    assert find_year(find_title(lines), lines) == 2024
    assert find_agency(find_title(lines), lines) == "淮安市人民政府"


def test_agency_from_the_compiled_by_sentence():
    lines = ["政府信息公开工作年度报告", "本报告由杭州市西湖区人民政府办公室编制。"]
    assert find_agency(find_title(lines), lines) == "杭州市西湖区人民政府办公室"


def test_title_is_the_annual_report_line_not_the_first_line():
    lines = ["附件1", "温州市瓯海区人民政府2018年政府信息公开工作年度报告", "正文"]
    assert find_title(lines) == "温州市瓯海区人民政府2018年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    "text, year",
    [("二〇一七", 2017), ("二○一八", 2018), ("二零二四", 2024), ("2017", 2017), ("一七", None), ("二〇一", None)],
)
def test_chinese_year_to_int(text, year):
    assert chinese_year_to_int(text) == year


@pytest.mark.parametrize(
    "line, expected",
    [
        ("温州市瓯海区人民政府", True),
        ("2018年1月12日   ", True),
        ("二〇一八年一月十二日", True),
        ("一、工作概况", False),
        ("全年政府信息公开工作未收取任何费用。", False),
    ],
)
def test_is_signature_line(line, expected):
    assert is_signature_line(line) is expected


def test_year_first_titles_and_titles_with_guanyu():
    meta = detect_metadata(["2019年上海市人民政府办公厅政府信息公开工作年度报告", "一、总体情况"])
    assert meta.agency == "上海市人民政府办公厅"
    meta = detect_metadata(["平潭综合实验区财政金融局关于2015年度政府信息公开工作年度报告", "一、概述"])
    assert (meta.agency, meta.year) == ("平潭综合实验区财政金融局", 2015)


def test_a_phrase_ending_like_an_agency_is_not_one():
    lines = ["政府信息公开工作年度报告", "一、概述", "本机关信息公开工作由办公室人员兼职经办，人员少。"]
    assert detect_metadata(lines).agency == ""


def test_the_report_title_wins_over_site_menus():
    lines = ["政府信息公开领导之窗政府机构要闻政府工作报告", "青禾市东湖区2016年度政府信息公开工作年度报告", "一、概述"]
    assert find_title(lines) == "青禾市东湖区2016年度政府信息公开工作年度报告"


def test_a_pdf_title_in_two_lines_and_a_sentence_about_the_report():
    from reportqa.parsing.metadata import detect_metadata, report_start

    lines = ["正文", "2025 年上海市人民政府办公厅政府信息公开", "工作年度报告",
             "本年度报告根据《中华人民共和国政府信息公开条例》（以", "下简称《条例》）的要求编制。"]
    assert report_start(lines) == 1
    meta = detect_metadata(lines[1:])
    assert meta.title == "2025年上海市人民政府办公厅政府信息公开工作年度报告"
    assert meta.agency == "上海市人民政府办公厅" and meta.year == 2025


def test_a_markdown_heading_mark_is_not_part_of_the_title():
    from reportqa.parsing.metadata import detect_metadata

    assert detect_metadata(["# 沐阳县人民政府 2025 年 政府信息公开工作年度报告", "正文。"]).title == \
        "沐阳县人民政府2025年政府信息公开工作年度报告"


def test_the_second_line_of_a_title_is_not_site_chrome():
    from reportqa.parsing.page_chrome import clean_page_lines

    cleaned, _ = clean_page_lines(["2024 年上海市科委政府信息公开工作", "年度报告", "根据《条例》编制。"])
    assert cleaned[1] == "年度报告"
    assert clean_page_lines(["首页", "年度报告", "正文"])[0][1] is None  # a menu item stays chrome


@pytest.mark.parametrize(("lines", "agency"), [
    # the contact sentence every report ends its preamble with (made-up bodies: the wording is the template's)
    (["根据条例,特向社会公布我局2012年度信息公开工作年度报告。",
      "如对本报告有任何疑问,请与甲乙县林业局政府信息公开工作领导小组办公室联系。"], "甲乙县林业局"),
    (["如对本报告有疑问，请与丙丁市统计局办公室联系（电话：12345678）。"], "丙丁市统计局"),
    # the report named in the opening sentence, its agency before its year
    (["依据条例,现公布戊己市交通运输局2020年政府信息公开工作年度报告。"], "戊己市交通运输局"),
    # an office by its short name, the report named with it
    (["根据条例要求,编制壬癸市人防办2018年政府信息公开年度报告,包括概述、主动公开政府信息情况。"], "壬癸市人防办"),
    # the body whose year's work the report covers
    (["本报告根据通知编制,全文包括子丑新区退役军人事务局本年度政府信息公开工作的基本情况,主动公开政府信息情况。"],
     "子丑新区退役军人事务局"),
    # a page's byline: body and date
    (["每日一报 | 庚辛2016年政府信息公开工作年度报告", "庚辛省人民政府办公厅 2017-04-15", "正文"],
     "庚辛省人民政府办公厅"),
])
def test_agency_from_the_contact_sentence_the_named_report_or_the_byline(lines, agency):
    assert find_agency(find_title(lines), lines) == agency


def test_a_generic_or_described_body_is_no_agency():
    assert find_agency("", ["如有疑问，请与区政府办公室联系。"]) == ""
    lines = ["本报告内容涵盖壬癸市农业农村局在2021年1月1日至12月31日期间的工作情况。"]
    assert find_agency("", lines) != "内容涵盖壬癸市农业农村局"


def test_the_agency_named_before_the_subject_and_the_year_and_a_column_name_before_a_bar():
    title = "甲市乙区人民政府外事办公室政府信息公开工作2022年度报告"
    assert find_agency(title, [title]) == "甲市乙区人民政府外事办公室"
    meta = detect_metadata(["每日一报 | 丙省2015年政府信息公开工作年度报告", "正文"])
    assert meta.title == "丙省2015年政府信息公开工作年度报告"


@pytest.mark.parametrize(("lines", "agency"), [
    # the contact sentence written "请联系…" and with the body's own office before 联系 (made-up bodies)
    (["如对本报告有任何疑问,请联系甲乙县人民政府办公室,地址:某路1号。"], "甲乙县人民政府"),
    (["如对本年度报告有疑问,请与丙丁区戊己街道党政办联系(电话:12345678)。"], "丙丁区戊己街道"),
    # a place named as the report's subject stands for its government
    (["根据条例有关规定,现向社会公布庚辛市壬癸区2024年政府信息公开工作年度报告。"], "庚辛市壬癸区"),
    # the body said to write the report, by its short name
    (["本年度报告是根据条例要求,由甲乙省人防办编制,现予以公布。"], "甲乙省人防办"),
    (["本报告由专人承办编制。"], ""),
])
def test_agency_from_a_contact_office_a_named_place_or_the_body_that_wrote_it(lines, agency):
    assert find_agency(find_title(lines), lines) == agency


def test_a_dated_title_under_its_agency_line_wins_over_the_same_title_alone():
    lines = ["2022年政府信息公开工作年度报告", "甲乙县丙丁镇人民政府", "2022年政府信息公开工作年度报告", "一、总体情况"]
    meta = detect_metadata(lines)
    assert (meta.title, meta.agency) == ("甲乙县丙丁镇人民政府2022年政府信息公开工作年度报告", "甲乙县丙丁镇人民政府")
    # an undated column name under an agency line is no title
    lines = ["甲乙县林业局", "政府信息公开年报", "甲乙县林业局2015年政府信息公开年度报告", "一、概述"]
    assert detect_metadata(lines).title == "甲乙县林业局2015年政府信息公开年度报告"


def test_a_title_that_says_only_information_disclosure_report():
    meta = detect_metadata(["戊己乡2010年政府信息公开报告", "发布日期:2011-01-01", "六、年度政府信息公开工作报告0600",
                            "乡政府信息公开工作始终坚持以服务人民群众为宗旨。"])
    assert (meta.title, meta.agency, meta.year) == ("戊己乡2010年政府信息公开报告", "戊己乡", 2010)


@pytest.mark.parametrize(("lines", "agency"), [
    (["县人民政府办公室2021年政府信息公开工作年度报告", "一、总体情况",
      "2021年,甲乙县始终坚持把政务公开工作作为重要举措。"], "甲乙县人民政府办公室"),
    (["市教育局2020年政府信息公开工作年度报告", "建立了《丙丁市教育局网上信息公开审查制度》。"], "丙丁市教育局"),
    (["县人民政府办公室2021年政府信息公开工作年度报告", "全县推进政务公开。"], "县人民政府办公室"),  # no place named
])
def test_an_agency_named_by_its_level_alone_gets_the_place_the_text_names(lines, agency):
    assert detect_metadata(lines).agency == agency


def test_a_department_titled_without_its_place_takes_the_place_from_the_pages_publisher():
    """A county site titles its bureau's report "税务局2012年度…" and names the bureau whole only as the page's
    publisher (发布机构: 青禾县税务局办公室)."""
    from reportqa.parsing.page_chrome import PageHeader

    header = PageHeader({"title": "税务局2012年度政府信息公开工作年度报告", "publisher": "青禾县税务局办公室"})
    meta = detect_metadata(["税务局2012年度政府信息公开工作年度报告", "一、概述"], header=header)
    assert (meta.agency, meta.year) == ("青禾县税务局", 2012)
    # a publisher that names another body, or no place, leaves the title's name as it is
    other = PageHeader({"title": "税务局2012年度政府信息公开工作年度报告", "publisher": "办公室"})
    assert detect_metadata(["税务局2012年度政府信息公开工作年度报告"], header=other).agency == "税务局"


def test_an_autonomous_regions_office_named_by_its_level_alone_gets_the_regions_name():
    lines = ["标 题 | 青禾自治区2015年政府信息公开工作年度报告 |", "发布机构 | 自治区人民政府办公厅 |",
             "本报告根据2015年度青禾自治区各地(市)的年度报告编制。"]

    assert with_its_place("自治区人民政府办公厅", lines) == "青禾自治区人民政府办公厅"


def test_a_report_that_calls_itself_ours_names_no_agency_by_it_and_its_one_acting_body_does():
    """"编制2019年度我乡信息公开工作年度报告": 我乡 (our township) is no name, nor is 度我乡; the one body that acts in
    the text ("青禾乡人民政府通过信息平台公开…"), named once, is the agency."""
    lines = ["根据条例的规定,编制2019年度我乡信息公开工作年度报告。本报告主要包括:总体情况;主动公开政府信息情况。",
             "一、总体情况", "2019年我乡高度重视政府信息公开工作。", "各村委会配合开展工作。",
             "截至2019年12月31日,青禾乡人民政府通过信息平台公开信息累计120条。"]
    assert detect_metadata(lines).agency == "青禾乡人民政府"
    assert detect_metadata(lines[:4]).agency == ""


def test_a_titles_short_name_the_text_defines_as_an_alias_stands_for_the_full_name():
    lines = ["自治区北部湾办2022年政府信息公开工作年度报告",
             "本年度报告由广西壮族自治区北部湾经济区规划建设管理办公室(以下简称自治区北部湾办)编制。"]
    assert detect_metadata(lines).agency == "广西壮族自治区北部湾经济区规划建设管理办公室"


def test_a_titles_short_name_is_the_texts_full_name_spelling_its_characters_in_order():
    lines = ["财金局2016年政府信息公开年度报告",
             "开展政府信息公开工作是平潭综合实验区财政金融局认真贯彻落实《条例》的要求。"]
    assert detect_metadata(lines).agency == "平潭综合实验区财政金融局"


def test_a_street_and_a_year_written_without_nian_in_the_title():
    assert detect_metadata(["西青区西营门街2019年政府信息公开工作年度报告", "一、总体情况"]).agency == "西青区西营门街"
    assert detect_metadata(["西藏自治区政府国资委2020政府信息公开工作年度报告", "一、总体情况"]).agency \
        == "西藏自治区政府国资委"


def test_a_breadcrumb_or_a_labelled_title_line_gives_way_to_the_title_itself():
    lines = ["首页 >> 政府信息公开平台 >> 政府信息公开 >> 2021年年报", "2021年年报",
             "芦庙乡人民政府2021年政府信息公开工作年度报告", "来源: 西平县人民政府"]
    assert detect_metadata(lines).agency == "芦庙乡人民政府"
    lines = ["政府信息公开", "标     题 江汉区常青街道办事处2023年政府信息公开工作年度报告",
             "江汉区常青街道办事处2023年政府信息公开工作年度报告"]
    assert detect_metadata(lines).agency == "江汉区常青街道办事处"


def test_a_zone_named_with_the_street_it_is_in_brackets_is_the_agency():
    from reportqa.parsing.metadata import agency_in_opening

    lines = ["2025年政府信息公开工作年度报告",
             "根据《中华人民共和国政府信息公开条例》规定,现公布甲乙外向型农业综合开发区(丙镇街道)2025年政府信息公开工作年度报告。"]
    assert agency_in_opening(lines) == "甲乙外向型农业综合开发区（丙镇街道）"


def test_the_words_a_sentence_puts_before_a_bodys_name_are_not_the_name():
    from reportqa.parsing.metadata import without_lead_in

    assert without_lead_in("结合国家税务总局青禾市东湖区税务局") == "国家税务总局青禾市东湖区税务局"
    assert without_lead_in("年青禾县住建局") == "青禾县住建局"  # of "2025年青禾县住建局"
    assert without_lead_in("和平区人民政府") == "和平区人民政府"  # 和 of its name stays


def test_an_office_inside_the_body_is_not_its_agency():
    lines = ["依据《中华人民共和国政府信息公开条例》第五十条规定,编制本报告。", "一、总体情况",
             "1.组织领导情况。明确由综合办公室牵头负责,健全联动工作机制。东华街道严格落实公开要求。"]
    assert detect_metadata(lines).agency != "综合办公室"


def test_a_report_naming_only_its_places_government_site_is_that_governments():
    from reportqa.parsing.metadata import government_of_its_site

    lines = ["一、总体情况", "完成青禾区人民政府网站后台改版,编辑发布《青禾区政府公报》5期。",
             "依托区政府门户网站公开信息。"]
    assert government_of_its_site(lines) == "青禾区人民政府"
    assert government_of_its_site(["于区政府门户网站公开信息。"]) == ""  # the level alone names no place
    assert government_of_its_site(["青禾区人民政府网站和东湖县政府公报"]) == ""  # two places: whose is unclear


def test_the_verb_that_publishes_the_report_is_not_its_agency():
    opening = ("根据《政府信息公开条例》有关规定要求,现发布省市场监管局2023年政府信息公开情况报告。", "一、总体情况",
               "2023年,省市场监管局认真贯彻落实《政府信息公开条例》规定。")
    assert detect_metadata(list(opening), "report").agency == "省市场监管局"


def test_a_departments_own_office_writes_the_departments_report():
    opening = ["本报告由海南省地震局办公室编制并依法公开,所列数据的统计时间为2024年1月1日至2024年12月31日。",
               "一、总体情况", "2024年,海南省地震局坚持公开为常态。"]
    assert detect_metadata(opening, "report").agency == "海南省地震局"
    # a government's or a committee's general office is a body of its own
    office = ["本报告由临夏市人民政府办公室编制。", "一、总体情况"]
    assert detect_metadata(office, "report").agency == "临夏市人民政府办公室"


def test_the_body_asked_to_be_contacted_with_its_address():
    opening = ["特向社会公布2023年政府信息公开工作年度报告。"
               "如对本报告有任何疑问,请与平度市公安局(地址:平度市红旗路36号)联系。",
               "一、总体情况"]
    assert detect_metadata(opening, "report").agency == "平度市公安局"


def test_an_agency_named_after_a_verb_and_its_le_is_read_without_it():
    lines = ["根据《条例》的规定，我局编制了甲市应急管理局2020年政府信息公开工作年度报告。", "一、总体情况"]
    assert detect_metadata(lines).agency == "甲市应急管理局"


def test_a_time_word_before_a_body_named_by_its_level_is_no_place():
    lines = ["2022年政府信息公开工作年度报告", "一、总体情况", "今年以来,市审计局政务公开工作按照要求推进。",
             "2022年全年市审计局主动公开信息128条。"]
    assert detect_metadata(lines, header=None).agency == "市审计局"  # not 全年市审计局


def test_a_department_named_without_any_place_is_of_the_one_government_its_text_names():
    lines = ["根据《条例》规定,特向社会公布2015年度工业和信息化局信息公开年度报告。",
             "本报告的电子版可在甲乙市人民政府信息公开网站上下载。", "一、基本工作情况"]
    assert detect_metadata(lines, "report").agency == "甲乙市工业和信息化局"
    two = ["特向社会公布2015年度工业和信息化局信息公开年度报告。可在甲乙市人民政府网站或丙丁县人民政府网站下载。"]
    assert detect_metadata(two, "report").agency == "工业和信息化局"  # two places: none is chosen


def test_a_zone_named_by_its_kind_alone_takes_the_full_name_its_text_writes():
    lines = ["2022年,开发区坚持公开为常态。", "一、总体情况",
             "开发区党工委高度重视政府信息公开工作,修订完善《甲乙经济技术开发区政府信息公开指南》。",
             "2022年,开发区门户网站发布信息1330条。"]
    assert detect_metadata(lines, "report").agency == "甲乙经济技术开发区党工委"


def test_a_party_committee_named_by_its_level_or_the_cadres_of_a_sentence_are_no_body():
    lines = ["根据《条例》,我局认真贯彻《条例》的各项要求。", "一、公开政府信息情况",
             "局党委高度重视政府信息公开工作。", "要求全乡广大干部认真学习。"]
    assert detect_metadata(lines, "report").agency == ""


def test_a_bureaus_own_offices_in_the_title_name_the_bureau():
    lines = ["甲乙市市场监督管理局机关2023年政府信息公开工作年度报告", "一、总体情况"]
    assert detect_metadata(lines, "report").agency == "甲乙市市场监督管理局"


def test_a_government_and_its_office_named_together_are_the_government():
    lines = ["根据《条例》要求,现公布甲乙县人民政府(政府办公室)2023年政府信息公开工作年度报告。", "一、总体情况"]
    assert detect_metadata(lines, "report").agency == "甲乙县人民政府"


def test_the_department_whose_own_site_publishes_the_report_wrote_it():
    own = ["本年度报告根据条例编制。现通过甲乙市自然资源和规划局门户网站(http://example.gov.cn/)予以公布。", "一、总"]
    assert detect_metadata(own, "report").agency == "甲乙市自然资源和规划局"
    level = ["本年度报告根据《条例》以及甲乙市人民政府办公厅有关文件规定要求组织编制。统计时限为2024年1月1日至12月31日,"
             "电子版在市人社局门户网站(http://example.gov.cn/)政府信息公开专栏发布并可下载。"
             "如有疑问,请与局办公室联系(地址:甲乙市丙丁区戊己路1号)。", "一、总体情况"]
    assert detect_metadata(level, "report").agency == "甲乙市人社局"  # its place from the text, not 电子版在
    government = ["现通过甲乙市人民政府门户网站予以公布。", "一、总体情况"]
    assert detect_metadata(government, "report").agency != "甲乙市人民政府"  # a government site publishes everyone's


def test_a_report_named_in_quotes_in_its_opening_gives_its_agency_and_title():
    lines = ["根据《条例》要求,现发布《甲乙市丙丁区人民政府2023年政府信息公开工作年度报告》,"
             "本报告统计数据从2023年1月1日至12月31日。", "一、总体情况"]
    meta = detect_metadata(lines, "report")
    assert (meta.agency, meta.title) == ("甲乙市丙丁区人民政府", "甲乙市丙丁区人民政府2023年政府信息公开工作年度报告")


def test_a_service_naming_itself_a_department_in_its_title():
    lines = ["甲省乙市气象部门2022年政府信息公开工作年度报告", "一、总体情况"]
    assert detect_metadata(lines, "r").agency == "甲省乙市气象部门"


def test_a_zone_named_by_its_short_kind_takes_its_long_name_from_the_text():
    lines = ["现公布经开区2023年政府信息公开工作年度报告。", "一、总体情况", "2023年门户网站发布信息100条。",
             "请与经开区办公室联系(地址:甲乙经济技术开发区迎宾路1号)。"]
    assert detect_metadata(lines, "report").agency == "甲乙经济技术开发区"


def test_last_years_report_listed_among_published_documents_gives_no_year():
    lines = ["一、总体情况", "2025,甲乙市丙区住建局推进政务公开。",
             "公开了供热信息11条、甲乙市丙区住建局2024年政府信息公开工作年度报告、2025年其他信息。"]
    assert detect_metadata(lines, "jiayi-zjj-2025").year == 2025


def test_the_body_whose_figures_the_report_gives_outweighs_one_named_once():
    lines = ["一、总体情况", "2024年,甲乙县人民政府办公室认真落实上级部署。", "2024年,丙丁乡主动公开政务信息数545条。",
             "2024年,丙丁乡没有收到个人申请。", "丙丁乡没有发生行政复议。"]
    assert detect_metadata(lines, "report").agency == "丙丁乡"


def test_a_government_named_by_a_reused_opening_is_the_bureau_that_speaks_and_answers():
    # the opening names the district government (a template reused), the text says 我局 and the contact is the bureau
    lines = ["根据《条例》要求,现公布甲秀区人民政府(区人民政府办公室)2021年政府信息公开工作年度报告。"
             "公众如需进一步咨询,请与甲秀区退役军人事务局办公室联系。",
             "一、总体情况", "2021年我局通过区政府门户网站公开信息59条。"]
    assert detect_metadata(lines).agency == "甲秀区退役军人事务局"
    # a government's own report that names a bureau's contact stays the government's
    own = ["现公布甲秀区人民政府2021年政府信息公开工作年度报告。请与甲秀区人民政府办公室联系。", "一、总体情况",
           "2021年全区主动公开政府信息500条。"]
    assert detect_metadata(own).agency == "甲秀区人民政府"


def test_a_body_publishing_on_its_own_sub_site_is_the_reports_body():
    # no title in the window; the street office publishes on its own sub-site (子网站) of the district portal
    lines = ["一、总体情况", "本年度报告根据《条例》要求,结合2020年度本街道政府信息公开工作情况编制而成。",
             "2020年我街道通过渝中区人民政府大溪沟街道办事处子网站主动公开政府采购19项。"]
    assert detect_metadata(lines).agency == "渝中区人民政府大溪沟街道办事处"


def test_a_university_reporting_by_academic_year_is_its_own_body():
    lines = ["江北大学2021-2022学年度 信息公开工作年度报告 根据教育部要求,现编制本学年报告。", "一、概述"]
    assert detect_metadata(lines, "jbdx-2022.txt").agency == "江北大学"


def test_a_sentence_publishing_the_report_is_no_part_of_the_bodys_name():
    lines = ["2016年以来,结合本局工作实际,特编制并向社会公布青山区商务局2016年度政府信息公开年度报告如下:",
             "一、工作开展情况", "(一)加强领导。"]
    assert detect_metadata(lines, "qs-2016.txt").agency == "青山区商务局"


def test_a_body_named_by_its_level_takes_its_place_from_its_own_sites_name():
    """"市审计局" with no place in the text but its site, 桐岭审计网: the site names the place with the field."""
    lines = ["2019年,市审计局认真贯彻落实《条例》,按照市审计局工作部署推进公开。",
             "一、总体公开情况", "局网站及时更新栏目内容,把桐岭审计网作为审计政务公开宣传的窗口。"]
    assert detect_metadata(lines, "tl-2019.txt").agency == "桐岭市审计局"


@pytest.mark.parametrize(("opening", "agency"), [
    ("根据《条例》要求,现公布建林县林业和草原局2023年度政府信息公开工作报告。本报告所列数据…", "建林县林业和草原局"),
    ("本报告依据《条例》编制。现将西河临水旅游商贸开发区管理委员会2024年度政府信息公开工作情况报告如下:",
     "西河临水旅游商贸开发区管理委员会"),
])
def test_a_report_named_as_a_work_report_or_reported_as_follows(opening, agency):
    assert detect_metadata([opening, "一、总体情况", "全年公开信息20条。"]).agency == agency


def test_an_archives_office_writing_the_report_is_the_archives_own():
    lines = ["本年度报告由樟林市档案馆办公室结合有关统计数据编制。如对本报告有任何疑问,请与樟林市档案馆办公室联系"
             "(地址:樟林市滨江新城)。", "一、总体情况", "全年公开信息12条。"]
    assert detect_metadata(lines).agency == "樟林市档案馆"


def test_a_body_with_its_other_name_in_brackets_in_the_title():
    title = "宿州市妇幼保健计划生育服务中心(市妇幼保健院)2021年政府信息公开年度报告"
    assert find_agency(title, []) == "宿州市妇幼保健计划生育服务中心(市妇幼保健院)"


def test_the_body_said_to_compile_the_report_wrote_it():
    lines = ["根据青山县人民政府办公室《关于做好2022年政府信息公开年度报告的通知》要求,"
             "青山县市场监督管理局结合单位实际,编制本单位2022年度政务公开工作年度报告。", "一、总体情况",
             "2022年,我局按照统一部署开展工作。"]
    assert detect_metadata(lines).agency == "青山县市场监督管理局"


def test_a_body_naming_its_own_website_and_account_is_the_one_speaking():
    lines = ["一、总体情况", "2022年,我局认真贯彻《条例》要求,全面推进我局政府信息公开工作。",
             "(一)主动公开情况。2022年,青山市民政局网站公开信息总数357条,青山市民政局微信公众号发布信息138条。"]
    assert detect_metadata(lines).agency == "青山市民政局"


def test_a_place_doing_the_years_work_in_a_report_naming_no_body_is_its_government():
    lines = ["根据《条例》有关规定编制本报告。", "一、总体情况",
             "2022年,青山市坚持以人民为中心,全面落实政务公开的各项决策部署。"]
    assert detect_metadata(lines).agency == "青山市人民政府"
    # a report that speaks as a department is that department's, whatever place opens its year
    assert detect_metadata([lines[0], lines[1], lines[2] + "我局全年公开信息20条。"]).agency != "青山市人民政府"


def test_a_body_giving_its_short_name_as_the_subject_of_its_year_is_the_agency():
    lines = ["根据《中华人民共和国政府信息公开条例》规定,特向社会公布2021年本机关政府信息公开年度报告。",
             "一、总体情况",
             "2021年,青禾市公安局(以下简称“市公安局”)以习近平新时代中国特色社会主义思想为指导,坚持以人民为中心。"]
    assert find_agency("", lines) == "青禾市公安局"


def test_a_verb_of_using_before_a_places_government_is_no_part_of_the_place():
    lines = ["一、总体情况", "全年,利用青县人民政府网站,对县人社局的领导分工、工作动态进行公开。"]
    assert with_its_place("县人社局", lines) == "青县人社局"


def test_the_body_the_opening_says_compiled_it_with_its_other_name_or_the_rules_it_follows():
    named = ["本年报是根据《条例》要求,由青山区行政审批服务管理办公室(公共资源交易管理委员会办公室)编制的2017年度"
             "政府信息公开工作年度报告。", "一、主动公开政府信息的情况"]
    assert detect_metadata(named).agency == "青山区行政审批服务管理办公室"
    following = ["一、总体情况", "本报告由青山县教育局根据《中华人民共和国政府信息公开条例》规定编制。2023年,县教育局"
                 "紧紧围绕中心工作开展信息公开。"]
    assert detect_metadata(following).agency == "青山县教育局"


def test_a_year_in_the_title_of_a_document_the_text_cites_is_not_the_reports():
    lines = ["一、总体情况", "2022年,我室坚持以人民为中心,认真贯彻落实《青山省人民政府关于转发国务院办公厅2020年"
             "政务公开工作要点的通知》等文件精神,全年公开信息723条。"]
    assert detect_metadata(lines, "qingshan-css-2022.txt").year == 2022
    # a report quoted by its own title keeps its year
    quoted = ["现公布《2012年青山镇政府信息公开工作年度报告》。", "一、概述"]
    assert detect_metadata(quoted).year == 2012


def test_a_level_only_department_doing_the_years_work_takes_the_place_the_text_names():
    lines = ["本报告根据《中华人民共和国政府信息公开条例》编制。", "一、概述",
             "按照《条例》的要求,2012年省体育局政府信息公开工作在深化公开内容等方面取得了新的进展。",
             "1.《青山省全民健身条例》经青山省人大常委会会议通过。"]
    assert detect_metadata(lines).agency == "青山省体育局"


def test_a_report_speaking_as_its_county_and_hosted_on_its_governments_site_is_that_governments():
    lines = ["2021年,我县认真贯彻落实新修订的《条例》。本报告的电子版可在青山县人民政府(http://www.qs.gov.cn)"
             "政府信息公开专栏下载。", "一、总体情况", "2021年,我县主动公开政府信息1200条。"]
    assert detect_metadata(lines).agency == "青山县人民政府"
    # a report speaking as a department (我局) is the department's, wherever its copy is kept
    assert detect_metadata([lines[0] + "我局全年公开信息20条。", *lines[1:]]).agency != "青山县人民政府"


def test_a_whole_is_no_ministry_and_the_body_staffing_the_work_is_the_reports():
    lines = ["一、总体情况", "2016年度,全县公安机关主动发布各类信息314条。安排2名民警承担青山县公安局政府信息公开工作。"
             "办公所需费用全部在财政拨付的行政办公经费中列支。"]
    assert detect_metadata(lines).agency == "青山县公安局"  # never 办公所需费用全部 (全部 is no 部)


def test_the_department_compiling_the_report_in_full_over_the_short_name_of_its_contact():
    lines = ["引 言", "本年度报告由青山市公安局绿水分局编制。如对本年度报告有任何疑问,请联系绿水公安分局政务公开办公室,"
             "联系电话:23039176。", "一、概述"]
    assert detect_metadata(lines).agency == "青山市公安局绿水分局"
    # a government's office compiles the government's report: the body named in the contact stays
    office = ["本报告由青山县人民政府办公室编制。如对报告有任何疑问,请与青山县人民政府联系(地址:青山路1号)。"]
    assert detect_metadata(office).agency == "青山县人民政府"


def test_a_township_named_with_its_government_in_the_contact_and_a_sumu_by_its_title():
    lines = ["结合绿水乡信息公开工作实际编制。如对本报告有任何疑问,请与绿水乡政府联系(地址:青山市青山大街1号)"]
    assert detect_metadata(lines).agency == "绿水乡"
    titled = ["青山旗绿水苏木2024年政府信息公开工作年度报告", "一、总体情况"]
    assert (detect_metadata(titled).agency, detect_metadata(titled).year) == ("青山旗绿水苏木", 2024)


def test_a_body_naming_itself_by_the_last_word_of_its_own_accounts_name():
    lines = ["根据《中华人民共和国政府信息公开条例》,现将我委2022年度工作情况报告如下:", "一、总体情况",
             "2022年度,投资区主动公开政府信息数140条。", "投资区注重加强政府信息公开制度建设。",
             "有专人负责微信公众号“青山市绿水湾投资区”运维工作。"]
    assert detect_metadata(lines).agency == "青山市绿水湾投资区"


def test_a_division_running_a_park_is_a_body_of_its_own_line_above_the_title():
    lines = ["首页 > 县政府直属事业机构 > 乙山国家湿地公园管理处 > 政府信息公开年报", "甲南乙山国家湿地公园管理处",
             "2020年政府信息公开年度报告", "一、总体情况", "门户网站全年共公开各类信息13条。"]
    meta = detect_metadata(lines, "report")
    assert (meta.agency, meta.year) == ("甲南乙山国家湿地公园管理处", 2020)


def test_a_verb_before_a_level_only_name_is_no_place_of_it():
    lines = ["根据《兖州区人民政府办公室关于报送2016年政府信息公开年度报告的通知》要求,",
             "特向社会公布区水利局政府信息公开工作年度报告。",
             "一、概述", "区水利局以贯彻落实《条例》为宗旨。",
             "根据人事变动,调整充实区水利局政府信息公开工作领导小组和办公室成员。"]
    assert detect_metadata(lines, "report").agency == "兖州区水利局"


def test_a_town_named_alone_takes_the_county_its_address_places_it_in():
    lines = ["根据《条例》要求,编制并向社会公布《青山镇人民政府2024年政府信息公开工作年度报告》。"
             "若对报告有疑问,请与青山镇党政办联系(地址:临川县青山镇府前街1号)。", "一、总体情况", "本年度……"]
    assert detect_metadata(lines).agency == "临川县青山镇人民政府"
    # an address through a province and a city names the county last; a lead-in (请与) is no part of it
    lines[0] = lines[0].replace("(地址:临川县青山镇", "(地址:某某省某州市临川县青山镇")
    assert detect_metadata(lines).agency == "临川县青山镇人民政府"
    two = [lines[0] + "青山镇与石门县青山镇结为友好乡镇。", *lines[1:]]
    assert detect_metadata(two).agency == "青山镇人民政府"  # two counties named: neither is known to be its


def test_the_contacts_lead_in_is_no_part_of_a_bodys_place():
    lines = ["引言", "区卫生和计划生育局认真落实《条例》,现向社会公布区卫生和计划生育局2016年政府信息公开工作年度报告。"
             "如有疑问,可与东山区卫生和计划生育局联系(电话:0000-1234567)。"]
    assert detect_metadata(lines).agency == "东山区卫生和计划生育局"


def test_a_governments_disclosure_office_answers_for_the_government():
    lines = ["本报告根据《条例》以及2017年度某市政府各部门和各区政府的年度报告编制。如对本报告有疑问,请与河湾市政府"
             "信息公开办公室联系(地址:河湾市中山路1号)。", "一、概述", "2017年,全市新增主动公开政府信息1200条。"]
    assert detect_metadata(lines).agency == "河湾市人民政府"


def test_a_state_owned_enterprise_acting_in_the_opening_is_the_body():
    lines = ["2023年,南湖市燃气集团有限公司严格贯彻落实《中华人民共和国政府信息公开条例》,围绕中心工作推进政务公开。",
             "一、总体情况", "(一)主动公开情况。燃气集团在南湖市政府信息公开平台主动公开政府信息38条。"]
    assert detect_metadata(lines, "report").agency == "南湖市燃气集团有限公司"


def test_a_body_named_short_in_the_compiled_by_sentence_takes_the_level_the_text_writes():
    lines = ["引言", "本年报是根据江北区政府信息公开工作规定有关要求,由江北国税局编制的2016年度政府信息公开年度报告。",
             "江北区政府门户网站可下载本报告的电子版。", "一、概述", "区国税局成立了政府信息公开领导小组。"]
    assert detect_metadata(lines, "report").agency == "江北区国税局"


def test_the_body_the_2019_rules_say_made_the_report():
    lines = ["依据《中华人民共和国政府信息公开条例》第五十条之规定,结合工作实际,由南湖市水务局制作本报告。",
             "一、总体情况", "2021年,我局扎实推进政府信息公开工作。"]
    assert detect_metadata(lines, "report").agency == "南湖市水务局"


def test_the_contact_office_answers_for_the_government_that_does_the_work():
    lines = ["根据《中华人民共和国政府信息公开条例》编制本报告,如对本报告有疑问,请联系北川市政府政务服务中心"
             "(地址:北川市人民路1号)。", "一、总体情况",
             "2022年,北川市人民政府坚持以人民为中心深化政务公开,扎实推进政府信息公开工作。"]
    assert detect_metadata(lines, "report").agency == "北川市人民政府"


def test_a_place_written_short_is_the_long_name_the_page_writes():
    lines = ["克孜勒苏柯尔克孜自治州人民政府",
             "本报告是依据《条例》要求,由克州人民政府编制的2015年度政府信息公开工作年度报告。",
             "如对报告有任何疑问,请与克州人民政府电子政务办公室联系(地址:阿图什市)。", "一、概述",
             "2015年,克州人民政府继续深入贯彻落实《条例》。"]
    assert detect_metadata(lines, "report").agency == "克孜勒苏柯尔克孜自治州人民政府"


def test_a_university_named_by_its_own_disclosure_rules():
    lines = ["本报告根据《南湖海洋大学信息公开实施细则》和2016-2017学年学校各部门的信息公开工作情况编制。",
             "一、概述",
             "2016-2017学年,学校充分利用官方网站公开信息。"]
    assert find_agency(find_title(lines), lines) == "南湖海洋大学"


def test_a_one_character_countys_department_keeps_its_own_place():
    lines = ["索引号: | 1 | 发布机构: | 沛县水务局 |", "沛县水务局2023年政府信息公开工作年度报告", "一、总体情况",
             "2023年,沛县水务局依托沛县人民政府门户网站,全面推进政务公开。"]
    assert detect_metadata(lines, "report").agency == "沛县水务局"


def test_a_report_speaking_as_its_place_is_the_government_of_the_one_place_it_names():
    # 我区 and never 我局: the district's government, named where it set up its information centre
    lines = ["根据《条例》规定,特编制2013年度本单位信息公开年度报告。", "一、情况概述",
             "现将2013年我区政府信息公开工作开展情况公布如下:",
             "2013年5月,区政府成立了南岭区人民政府信息中心,负责电子政务及政府信息公开工作。"]
    assert detect_metadata(lines, "report").agency == "南岭区人民政府"
    # a department speaking (我局) is not its place's government
    assert detect_metadata([*lines[:3], "我局成立了南岭区人民政府信息中心。"], "report").agency != "南岭区人民政府"

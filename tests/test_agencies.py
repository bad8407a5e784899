"""Agency names and the short forms people use."""

import pytest

from reportqa.agencies import (
    agency_aliases,
    bare_place,
    department_matches,
    department_mentions,
    english_departments,
    english_name_names,
    first_named_at,
    in_english_body_name,
    match_agencies,
    place_is_known,
    resolve_agencies,
    shortened_place_span,
    split_agency,
    without_english_body_names,
)

OUHAI = "温州市瓯海区人民政府"
OUHAI_HEALTH = "温州市瓯海区卫生健康委员会"
HANGZHOU_HR = "杭州市人力资源和社会保障局"
HUAIAN = "淮安市人民政府"


@pytest.mark.parametrize("alias", [OUHAI, "瓯海区人民政府", "瓯海区政府", "瓯海区", "温州市瓯海区政府"])
def test_district_government_aliases(alias):
    assert alias in agency_aliases(OUHAI)


def test_generic_words_are_not_aliases():
    aliases = agency_aliases(OUHAI)
    for generic in ("人民政府", "政府", "区政府", "区人民政府", "市"):
        assert generic not in aliases


@pytest.mark.parametrize("question", ["瓯海区2017年收到多少申请", "瓯海区政府网上申请有多少件",
                                      "温州市瓯海区人民政府的报告"])
def test_question_naming_the_district_matches_it(question):
    assert match_agencies(question, [OUHAI, HUAIAN]) == [OUHAI]


def test_health_commission_abbreviation():
    assert "卫健委" in agency_aliases(OUHAI_HEALTH)
    assert "瓯海区卫健委" in agency_aliases(OUHAI_HEALTH)
    assert match_agencies("瓯海区卫健委收到多少申请", [OUHAI, OUHAI_HEALTH]) == [OUHAI_HEALTH]
    assert match_agencies("卫健委收到多少申请", [OUHAI, OUHAI_HEALTH]) == [OUHAI_HEALTH]


def test_human_resources_bureau_abbreviation():
    assert "人社局" in agency_aliases(HANGZHOU_HR)
    assert match_agencies("杭州市人社局2020年收到多少申请", [HANGZHOU_HR, HUAIAN]) == [HANGZHOU_HR]
    assert match_agencies("人社局收到多少申请", [HANGZHOU_HR, HUAIAN]) == [HANGZHOU_HR]


def test_the_longest_alias_decides():
    """瓯海区卫健委 names the commission, not the district government whose alias 瓯海区 it also contains."""
    assert match_agencies("瓯海区卫健委", [OUHAI, OUHAI_HEALTH]) == [OUHAI_HEALTH]
    assert match_agencies("瓯海区", [OUHAI, OUHAI_HEALTH]) == [OUHAI]


def test_no_agency_named():
    assert match_agencies("网上申请有多少件", [OUHAI, HUAIAN]) == []
    assert match_agencies("瓯海区", []) == []
    assert agency_aliases("") == set()


def test_market_regulation_abbreviation():
    agency = "温州市市场监督管理局"
    assert "市场监管局" in agency_aliases(agency)
    assert match_agencies("市场监管局收到多少申请", [agency, OUHAI]) == [agency]


def test_place_is_known():
    assert place_is_known("瓯海区", [OUHAI])
    assert place_is_known("温州市", [OUHAI])
    assert not place_is_known("杭州市", [OUHAI])
    assert not place_is_known("淮安市", [OUHAI])


def test_an_english_question_with_chinese_words_names_its_agency_in_english():
    agencies = ["平潭综合实验区", "平潭综合实验区金井片区管理局"]
    assert resolve_agencies("How many licensing decisions (行政许可) did Pingtan report for 2021?", agencies) \
        == (["平潭综合实验区"], None)
    assert resolve_agencies("How many posts did Pingtan's Jinjing area administration (金井片区管理局) publish?",
                            agencies) == (["平潭综合实验区金井片区管理局"], None)


def test_english_department_names_and_area_administrations():
    agencies = ["平潭综合实验区", "平潭综合实验区经济发展局", "平潭综合实验区苏平片区管理局", "上海市人民政府办公厅"]
    assert resolve_agencies("What did Pingtan's Economic Development Bureau do in 2021?", agencies)[0] \
        == ["平潭综合实验区经济发展局"]
    assert resolve_agencies("What did the Suping area administration admit in 2025?", agencies)[0] \
        == ["平潭综合实验区苏平片区管理局"]
    assert resolve_agencies("What does the Shanghai General Office report?", agencies)[0] == ["上海市人民政府办公厅"]


def test_words_that_end_like_a_department_name_no_agency():
    """大厅 ends in 厅 and 布局 in 局, but a question about the service hall names no agency to look for."""
    from reportqa.agencies import department_mentions, resolve_agencies

    assert department_mentions("2015年窗口服务大厅共受理了多少件申请？") == []
    assert department_mentions("如何优化政务公开的整体布局？") == []
    assert resolve_agencies("2015年窗口服务大厅共受理了多少件申请？", ["平潭综合实验区"]) == ([], None)
    assert department_mentions("财政厅2019年收到多少申请") == ["财政厅"]  # a real department still is one


def test_one_character_left_of_a_department_word_names_no_department():
    """管委 (of 管委会) stripped of 委 leaves 管, which is inside 市场监督管理局: no match by that one character."""
    from reportqa.agencies import department_matches

    assert department_matches("管委", "管委会办公室")
    assert not department_matches("管委", "市场监督管理局")
    assert department_matches("财政局", "财政金融局") or department_matches("财政", "财政金融局")


def test_an_abbreviated_department_name_is_matched_to_its_full_name_either_way():
    """科委 is the usual abbreviation of 科学技术委员会 and 管委会 of 管理委员会: an English name translated to the full
    words finds the agency indexed under the short name. A shared word is no abbreviation (交通 of 交通运输), nor is
    水利局 one of the ministry 水利部."""
    from reportqa.agencies import abbreviates_within

    agencies = ["上海市科委", "平潭综合实验区管委会办公室", "平潭综合实验区市场监督管理局",
                "平潭综合实验区交通与建设局"]
    assert resolve_agencies("How many livestreams did the Shanghai Science and Technology Commission run in 2024?",
                            agencies) == (["上海市科委"], None)
    assert resolve_agencies("In the 2016 report of the Pingtan Comprehensive Experimental Zone Management Committee "
                            "Office, how many items", agencies) == (["平潭综合实验区管委会办公室"], None)
    assert abbreviates_within("管委会办公室", "管理委员会") and abbreviates_within("科委", "科学技术")
    assert not abbreviates_within("交通与建设局", "交通运输")
    assert not abbreviates_within("人向水利局", "水利部")


def test_an_english_body_name_in_lower_case_names_the_department():
    agencies = ["平潭综合实验区交通与建设局", "平潭综合实验区财政金融局"]
    text = "How many items did Pingtan's transport and construction bureau publish in 2015?"
    assert resolve_agencies(text, agencies) == (["平潭综合实验区交通与建设局"], None)


def test_a_bare_bureau_word_is_the_bureau_in_hand():
    from reportqa.agencies import department_mentions, resolve_agencies

    assert department_mentions("这一年局里作出了多少件行政许可决定？") == []
    assert resolve_agencies("局里下一步打算怎么改进政策解读？", ["国家林业和草原局", "水利部"]) == ([], None)
    assert department_mentions("2017年水利局收到多少申请") == ["水利局"]


def test_a_place_written_one_character_off_is_read_as_the_indexed_one():
    from reportqa.agencies import resolve_agencies

    agencies = ["沐阳县人民政府", "沭阳县发展和改革局", "上海市人民政府办公厅"]
    assert resolve_agencies("沭阳县人民政府2025年主动公开政府信息多少条？", agencies) == (["沐阳县人民政府"], None)
    assert resolve_agencies("沭阳县2025年共受理申请多少件？", agencies) == (["沐阳县人民政府"], None)  # its government
    assert resolve_agencies("沭阳县发展和改革局2023年发布了多少条", agencies) == (["沭阳县发展和改革局"], None)
    assert resolve_agencies("杭州市2019年收到多少申请", agencies)[0] == []


def test_an_english_body_name_spelling_out_every_word_of_a_department_names_it():
    agencies = ["平潭综合实验区交通与建设局", "平潭综合实验区财政金融局", "平潭综合实验区公安局"]
    text = "How many requests reached the Pingtan Transport and Construction Bureau online in 2024?"
    assert resolve_agencies(text, agencies) == (["平潭综合实验区交通与建设局"], None)
    assert not english_name_names("How many requests did the Pingtan Transport Bureau get?", "交通与建设局")


def test_an_english_name_of_a_thing_with_a_department_word_in_it_names_no_agency():
    """"government websites" is a channel (政府网站), not a government; "Public Security Bureau" stays a body."""
    assert english_departments("How many items were published through government websites in 2015?") == []
    assert english_departments("What did the Pingtan Public Security Bureau publish in 2019?") == ["公安"]
    assert english_departments("How many requests did the Shanghai Municipal Government receive?") == ["人民政府"]


def test_a_department_named_in_other_words_is_found_in_the_question_as_scope():
    """平潭综合执法局 names 平潭综合实验区综合执法局办公室: it scopes the question, it is no item of it."""
    from reportqa.agencies import department_mentions_of

    agencies = ["平潭综合实验区综合执法局办公室"]
    question = "2017年平潭综合执法局法规文件类信息比机构职能类多了几条？"
    assert department_mentions_of(question, agencies) == ["平潭综合执法局"]
    assert department_mentions_of("2017年平潭财政局收到多少申请？", agencies) == []



def test_a_department_named_as_written_beats_one_the_mention_only_skips_through():
    offices = ["甲市乙区人民政府办公室", "甲市乙区人民政府外事办公室"]
    assert resolve_agencies("乙区政府办公室2022年收到多少件申请", offices)[0] == ["甲市乙区人民政府办公室"]
    assert resolve_agencies("乙区外事办2023年受理了几件", offices)[0] == ["甲市乙区人民政府外事办公室"]
    assert resolve_agencies("乙区人民政府外事办公室2022年", offices)[0] == ["甲市乙区人民政府外事办公室"]
    # two bodies written in one question: neither wins by the rule, the years decide as before
    both = ["丙丁区公安局", "丙丁区管委会办公室"]
    assert sorted(resolve_agencies("丙丁区公安局整改了区管委会办公室检查发现的几个问题", both)[0]) == sorted(both)


def test_a_department_after_a_place_no_agency_has_is_not_every_bureau_of_that_department():
    bureaus = ["金华市农业局", "清远市农业农村局"]
    assert resolve_agencies("驻马店市农业农村局2019年主动公开了多少条", bureaus) == ([], "驻马店市农业农村局")
    assert resolve_agencies("2019年驻马店市农业农村局发布了多少条", bureaus) == ([], "驻马店市农业农村局")
    # the department alone still names it
    assert "清远市农业农村局" in resolve_agencies("农业农村局2021年主动公开了多少条", bureaus)[0]


def test_a_place_is_named_in_english_by_any_reading_of_its_characters():
    """pypinyin reads 朝阳 as the morning sun (zhaoyang); the township is Chaoyang."""
    towns = ["朝阳乡", "龙归镇"]
    assert resolve_agencies("How many items did Chaoyang Township publish in 2016?", towns)[0] == ["朝阳乡"]
    assert resolve_agencies("How many items did Longgui Town publish in 2016?", towns)[0] == ["龙归镇"]


def test_an_english_place_no_agency_has_is_an_unknown_agency_not_every_bureau_of_its_department():
    bureaus = ["金华市农业局", "清远市农业农村局"]
    named, unknown = resolve_agencies("How many items did the Zhumadian Agriculture and Rural Affairs Bureau publish?",
                                      bureaus)
    assert named == [] and unknown is not None and unknown.startswith("Zhumadian ")
    assert resolve_agencies("How many items did the Jinhua Agriculture Bureau publish in 2017?", bureaus)[0] \
        == ["金华市农业局"]
    assert resolve_agencies("Which Bureau received the most requests in 2019?", bureaus) == ([], None)


def test_an_agency_named_by_its_place_alone_is_that_places_government():
    agencies = ["甲乙市", "丙丁旗", "戊己市长安区", "庚辛市长安区人民政府办公室"]
    assert department_matches("人民政府", "") and not department_matches("教育局", "")
    assert resolve_agencies("How many requests did Jiayi City's government departments receive in 2022?",
                            agencies)[0] == ["甲乙市"]
    # the place's own name decides between two districts of one name; the named city's has no department
    assert resolve_agencies("How many news items did Wuji's Chang'an District government publish in 2024?",
                            agencies)[0] == ["戊己市长安区"]


def test_agencies_of_places_listed_apart_are_each_named():
    """"临邑县宿安乡和岳阳县长湖乡": the township indexed without its county is named too, though the other is
    spelled with more of its places; a place named alone is still one agency."""
    agencies = ["宿安乡", "岳阳县长湖乡", "兴华镇人民政府"]
    named = resolve_agencies("2018年临邑县宿安乡和岳阳县长湖乡合计多少条？", agencies)[0]
    assert sorted(named) == ["宿安乡", "岳阳县长湖乡"]
    assert resolve_agencies("2018年岳阳县长湖乡主动公开多少条？", agencies)[0] == ["岳阳县长湖乡"]


def test_places_compared_are_each_named_in_chinese_and_in_english():
    """"A比B多", "A … than B": two places set side by side by a comparing word are both meant, though one is spelled
    with more of its places; a place named alone, or two places without a listing word between them, stay one."""
    agencies = ["青禾乡", "丙丁县白石乡", "丙丁县人民政府"]
    assert sorted(resolve_agencies("2020年戊己县青禾乡公开的信息比丙丁县白石乡多多少条？", agencies)[0]) == \
        ["丙丁县白石乡", "青禾乡"]
    assert sorted(resolve_agencies("In 2020, how many more items did Qinghe Township (Wuji County) publish than "
                                   "Baishi Township (Bingding County)?", agencies)[0]) == ["丙丁县白石乡", "青禾乡"]
    assert resolve_agencies("How many items did Baishi Township (Bingding County) publish in 2020?",
                            agencies)[0] == ["丙丁县白石乡"]
    assert first_named_at("How many more did Qinghe publish than Bai Shi?", "青禾乡") == 18
    assert first_named_at("How many more did Qinghe publish than Bai Shi?", "丙丁县白石乡") == 38  # spaced too
    assert first_named_at("How many more did Qinghe publish than Heshan?", "丙丁县白石乡") == -1


def test_an_english_department_word_names_a_body_only_in_a_bodys_name():
    """"tax and fee incentive policies" and "education items" are things published; "the Pingtan Transport Bureau",
    "Bureau of Taxation", "Pingtan police" and "Management Committee" are bodies."""
    assert english_departments("How many tax and fee incentive policies did Funing County publish in 2023?") == []
    assert english_departments("How many education items did the town publish?") == []
    assert english_departments("How many requests did the Pingtan Transport Bureau receive?") == ["交通运输"]
    assert english_departments("How many items did the Bureau of Taxation publish?") == ["税务"]
    assert english_departments("How many requests did Pingtan police receive?") == ["公安"]
    assert english_departments("How many science, education, culture, sports and health items did Pingtan's social "
                               "affairs bureau disclose?") == ["社会事业"]


def test_a_departments_words_that_end_like_a_township_are_no_place():
    """城乡 (urban and rural) ends in 乡 like a township: 住房和城乡建设局 is one department of 青禾市."""
    assert split_agency("青禾市住房和城乡建设局") == (["青禾市"], "住房和城乡建设局")
    assert split_agency("和平区人民政府") == (["和平区"], "人民政府")
    agencies = ["青禾市住房和城乡建设局", "青禾市教育局", "澜川县人民防空办公室"]
    assert resolve_agencies("青禾市住建局2020年公开了多少条通知公告？", agencies) == (["青禾市住房和城乡建设局"], None)
    assert resolve_agencies("青禾住建局2020年公开了多少条？", agencies)[0] == ["青禾市住房和城乡建设局"]


def test_a_department_called_by_its_short_name_without_an_ending():
    """English "civil air defence" reads as 人防, the short name of 人民防空(办公室)."""
    agencies = ["青禾市住房和城乡建设局", "澜川县人民防空办公室"]
    assert resolve_agencies("How many items did the Lanchuan civil air defence office publish in 2018?",
                            agencies) == (["澜川县人民防空办公室"], None)
    assert resolve_agencies("How many items did the Qinghe housing and urban-rural development bureau publish?",
                            agencies) == (["青禾市住房和城乡建设局"], None)


def test_english_place_names_that_are_not_plain_pinyin():
    agencies = ["西藏自治区人民政府办公厅", "哈尔滨市教育局", "内蒙古自治区人民政府办公厅"]
    assert resolve_agencies("Who compiled the Tibet Autonomous Region's 2014 report?", agencies)[0] == \
        ["西藏自治区人民政府办公厅"]
    assert resolve_agencies("How many requests did the Harbin education bureau get?", agencies)[0] == ["哈尔滨市教育局"]
    assert resolve_agencies("How many items did Inner Mongolia publish?", agencies)[0] == \
        ["内蒙古自治区人民政府办公厅"]


def test_a_place_listed_beside_a_department_of_another_place_is_its_government():
    """"通山县和平潭国资局": 国资局 is 平潭's; 通山县, named alone, is the county's own report."""
    agencies = ["澜川县", "青禾市国有资产管理局", "青禾市", "青禾市公安局", "澜川县人民防空办公室"]
    assert sorted(resolve_agencies("2019年澜川县和青禾国资局，哪个主动公开的信息多？", agencies)[0]) == \
        ["澜川县", "青禾市国有资产管理局"]
    assert resolve_agencies("青禾国资局2019年主动公开了多少条？", agencies)[0] == ["青禾市国有资产管理局"]
    # a place written by its bare name still counts as listed ("青禾公安局和澜川县人防办")
    assert sorted(resolve_agencies("2018年青禾公安局和澜川县人防办，哪个公开得多？", agencies)[0]) == \
        ["澜川县人民防空办公室", "青禾市公安局"]
    assert first_named_at("2019年澜川县和青禾国资局", "青禾市国有资产管理局") == 9


def test_a_place_of_the_named_body_read_alike_in_pinyin_is_not_another_listed_place():
    """"Yanshan Subdistrict in Lixia District, Jinan": Jinan is 济南 of the street office, though 晋安 reads jinan
    too; the comma does not list a second body."""
    agencies = ["福州市晋安区", "济南市历下区燕山街道办事处"]
    question = "How many applications did Yanshan Subdistrict in Lixia District, Jinan receive in 2025?"
    assert resolve_agencies(question, agencies)[0] == ["济南市历下区燕山街道办事处"]


def test_an_english_name_spelling_every_word_of_a_department_names_it_as_well_as_a_shared_word_does():
    """"Environment and Land Resources Bureau" spells 环境与国土资源局 whole; 自然资源与生态环境局 shares its
    "environment": both are in scope, so the year asked can tell them apart."""
    agencies = ["青禾实验区环境与国土资源局", "青禾实验区自然资源与生态环境局", "青禾实验区财政局"]
    found = resolve_agencies("How many requests did Qinghe's Environment and Land Resources Bureau accept in 2017?",
                             agencies)[0]
    assert "青禾实验区环境与国土资源局" in found and "青禾实验区财政局" not in found


def test_two_departments_of_one_place_listed_apart_are_both_named():
    agencies = ["青禾实验区国有资产管理局", "青禾实验区自然资源与生态环境局", "青禾实验区财政局"]
    question = "青禾国资局2023年和青禾自然资源与生态环境局2024年主动公开的信息加起来多少条？"
    found = resolve_agencies(question, agencies)[0]
    assert sorted(found) == ["青禾实验区国有资产管理局", "青禾实验区自然资源与生态环境局"]
    assert resolve_agencies("青禾国资局2023年主动公开了多少条？", agencies)[0] == ["青禾实验区国有资产管理局"]


def test_a_street_named_alone_beside_another_body_is_its_office():
    """A street's 办事处 is its government: named by the street alone next to a body named with its department, in
    Chinese or English; "Area Office" names 地区办事处."""
    agencies = ["青禾市白沙区二桥街道办事处", "红石县人民政府办公室", "青禾市松林地区办事处"]
    both = sorted(["青禾市白沙区二桥街道办事处", "红石县人民政府办公室"])
    question = "2022年红石县政府办通过网站公开的信息比白沙区二桥街道多多少条？"
    assert sorted(resolve_agencies(question, agencies)[0]) == both
    assert sorted(resolve_agencies("What did Erqiao Subdistrict (Qinghe) and the Hongshi County government office "
                                   "publish in 2022 combined?", agencies)[0]) == both
    assert resolve_agencies("How many items did the Songlin Area Office publish in 2012?", agencies)[0] == \
        ["青禾市松林地区办事处"]


def test_an_english_place_of_one_character_is_named_with_its_level_and_an_unknown_one_is_reported():
    agencies = ["兴县人民政府", "清水县人民政府", "如皋市东陈镇", "上海市黄浦区人民政府"]
    assert resolve_agencies("How many items did the Xing County government disclose in 2014?", agencies) \
        == (["兴县人民政府"], None)
    named, unknown = resolve_agencies("How many items did the Tianshui city government disclose in 2019?", agencies)
    assert named == [] and unknown is not None and unknown.startswith("Tianshui")


def test_a_website_named_after_a_government_names_no_body():
    named = resolve_agencies("华富街道办2022年在福田政府在线网站上公开了多少条信息？",
                             ["深圳市福田区华富街道办事处", "上海市黄浦区人民政府"])
    assert named == (["深圳市福田区华富街道办事处"], None)


def test_a_district_governments_street_office_is_a_place_under_the_district():
    assert split_agency("重庆市沙坪坝区人民政府小龙坎街道办事处") == (["重庆市", "沙坪坝区", "小龙坎街道"], "办事处")
    assert resolve_agencies("沙坪坝区小龙坎街道2023年通过网站公开信息多少条？",
                            ["重庆市沙坪坝区人民政府小龙坎街道办事处", "江汉区常青街道办事处"]) \
        == (["重庆市沙坪坝区人民政府小龙坎街道办事处"], None)


def test_a_comparison_word_before_a_short_department_name_is_no_part_of_it():
    agencies = ["平潭综合实验区行政审批局", "平潭综合实验区交通与建设局"]
    assert sorted(resolve_agencies("2020年平潭行政审批局公开的信息比平潭交建局多多少条？", agencies)[0]) \
        == sorted(agencies)


def test_a_street_written_x_jie_is_a_place_named_in_english_as_a_subdistrict():
    assert split_agency("西青区西营门街") == (["西青区", "西营门街"], "")
    assert resolve_agencies("How many documents did the Xiyingmen Subdistrict Office of Xiqing District issue in 2019?",
                            ["西青区西营门街", "上海市黄浦区人民政府"]) == (["西青区西营门街"], None)


def test_an_english_department_is_found_where_its_name_stands_not_where_its_place_does():
    q = "How many more items did the Pingtan Administrative Approval Bureau publish than the Pingtan Transport and " \
        "Construction Bureau in 2021?"
    assert first_named_at(q, "平潭综合实验区行政审批局") < first_named_at(q, "平潭综合实验区交通与建设局")


def test_a_township_followed_by_a_verb_is_named_alone_beside_a_bureau():
    agencies = ["广元市朝天区西北乡人民政府", "平潭综合实验区环境与国土资源局"]
    q = "In 2015, how many items did the Pingtan Environment and Land Resources Bureau and Xibei Township " \
        "(Chaotian District, Guangyuan) publish proactively in total?"
    assert sorted(resolve_agencies(q, agencies)[0]) == sorted(agencies)


def test_an_autonomous_places_bare_name_leaves_out_its_peoples():
    from reportqa.agencies import bare_place

    assert bare_place("广西壮族自治区") == "广西" and bare_place("新疆维吾尔自治区") == "新疆"
    assert bare_place("恩施土家族苗族自治州") == "恩施" and bare_place("城步苗族自治县") == "城步"
    assert bare_place("西藏自治区") == "西藏" and bare_place("内蒙古自治区") == "内蒙古"  # never one character


def test_a_department_with_yu_in_its_name_is_no_place_named_alone():
    agencies = ["平潭综合实验区管委会办公室", "平潭综合实验区农业农村局"]
    named, unknown = resolve_agencies("平潭综合实验区交通与建设局2025年主动公开政府信息多少条？", agencies)
    assert named == [] and unknown  # never the zone's own office
    assert resolve_agencies("平潭综合实验区2025年主动公开多少条", agencies)[0] == ["平潭综合实验区管委会办公室"]


def test_a_zone_with_its_street_in_brackets_is_named_by_either():
    agencies = ["甲乙外向型农业综合开发区（苴镇街道）", "平潭综合实验区农业农村局"]
    for q in ("甲乙外向型农业综合开发区（苴镇街道）2025年主动公开政府信息多少条？",
              "苴镇街道2025年主动公开政府信息多少条？", "How many items did Juzhen Subdistrict publish in 2025?"):
        assert resolve_agencies(q, agencies)[0] == ["甲乙外向型农业综合开发区（苴镇街道）"], q


def test_a_street_office_is_its_streets_government_never_swapped_for_a_street_one_character_off():
    agencies = ["甲乙外向型农业综合开发区（苴镇街道）", "安镇街道办事处"]
    assert resolve_agencies("安镇街道2025年全年累计公开信息多少条？", agencies)[0] == ["安镇街道办事处"]


def test_one_body_under_two_readings_of_its_name_is_one_body():
    from reportqa.agencies import same_bodies

    indexed = ["泉州市洛江区人民政府办公室", "洛江区政府办公室", "洛江区人民政府", "重庆市长寿区卫生健康委员会",
               "长寿区卫健委"]
    assert same_bodies(["洛江区政府办公室"], indexed) == {"洛江区政府办公室", "泉州市洛江区人民政府办公室"}
    assert same_bodies(["长寿区卫健委"], indexed) == {"长寿区卫健委", "重庆市长寿区卫生健康委员会"}
    assert "洛江区政府办公室" not in same_bodies(["洛江区人民政府"], indexed)  # the government is not its office


def test_a_district_governments_street_office_written_with_zhengfu_is_the_street():
    assert split_agency("宣武区政府大栅栏街道办事处") == (["宣武区", "大栅栏街道"], "办事处")
    assert resolve_agencies("宣武区大栅栏街道办事处2009年共主动公开多少条", ["宣武区政府大栅栏街道办事处"])[0] \
        == ["宣武区政府大栅栏街道办事处"]


def test_a_place_named_alone_is_its_government_before_a_department_naming_more_of_the_place():
    agencies = ["东城区人民政府", "北京市东城区建设委员会"]
    assert resolve_agencies("北京市东城区2023年主动公开政府信息多少条", agencies)[0] == ["东城区人民政府"]
    assert resolve_agencies("东城区建委2014年收到多少申请", agencies)[0] == ["北京市东城区建设委员会"]


def test_a_national_systems_office_is_named_by_its_place():
    """国家税务总局珠海市税务局 is 珠海市税务局 ("Zhuhai Municipal Tax Service") to the people asking about it."""
    agencies = ["国家税务总局青禾市税务局", "国家税务总局青禾市东湖区税务局", "国家林业和草原局"]
    assert split_agency("国家税务总局青禾市东湖区税务局") == (["青禾市", "东湖区"], "税务局")
    assert "青禾市税务局" in agency_aliases("国家税务总局青禾市税务局")
    assert resolve_agencies("青禾市税务局2020年推出的清单有多少项", agencies)[0] == ["国家税务总局青禾市税务局"]
    assert resolve_agencies("东湖区税务局2023年发布多少篇", agencies)[0] == ["国家税务总局青禾市东湖区税务局"]
    assert split_agency("国家林业和草原局") == ([], "国家林业和草原局")  # a national body, no place


def test_a_text_may_name_an_agency_by_its_place_and_no_other_department():
    from reportqa.agencies import may_name

    assert may_name("the Dashilan Street Office in Xuanwu District", "宣武区政府大栅栏街道办事处")
    assert may_name("宣武区大栅栏街道办事处2009年", "宣武区政府大栅栏街道办事处")
    assert not may_name("the Donghu District office", "宣武区政府大栅栏街道办事处")
    assert not may_name("瓯海区教育局2017年收到多少件", "温州市瓯海区人民政府")  # another department
    # its own department, its place in a reading pinyin does not give (大栅栏: Dashilan, not Dazhalan)
    assert may_name("Where did the Dashilan street office set up its disclosure column?", "宣武区政府大栅栏街道办事处")


def test_two_bodies_compared_with_bi_are_both_named():
    agencies = ["建国门街道办事处", "西城区广内街道办事处", "东城区人民政府"]
    named = resolve_agencies("2013年,东城区建国门街道比西城区广内街道多主动公开了多少条?", agencies)[0]
    assert sorted(named) == ["建国门街道办事处", "西城区广内街道办事处"]


def test_a_level_alone_before_a_department_names_no_place():
    assert split_agency("省市场监管局") == ([], "市场监管局")
    assert split_agency("市中区人民政府") == (["市中区"], "人民政府")  # 市中区 is a place of its own


def test_a_market_regulator_is_the_market_regulation_department():
    text = "How many Weibo posts did the Heilongjiang market regulator publish?"
    assert english_departments(text) == ["市场监督管理"]


@pytest.mark.parametrize(("agency", "split"), [
    ("兴安盟生态环境局乌兰浩特市分局", (["兴安盟", "乌兰浩特市"], "生态环境局分局")),  # a branch in a city below
    ("临夏州公安局", (["临夏州"], "公安局")),  # 州, a prefecture's short name
    ("贵州省卫生健康委", (["贵州省"], "卫生健康委")),  # …not the end of 贵州 in 贵州省
    ("杭州市公安局", (["杭州市"], "公安局")),
    ("通州区人民政府", (["通州区"], "人民政府")),
])
def test_places_of_an_agency(agency, split):
    assert split_agency(agency) == split


def test_a_body_named_in_lower_case_english_keeps_its_department():
    text = "How many items did the Linxia prefecture public security bureau publish through government new media?"
    assert english_departments(text) == ["公安"]  # "government new media" is a channel, not a government
    assert resolve_agencies(text, ["临夏州公安局", "临夏市政府办公室"]) == (["临夏州公安局"], None)


def test_a_departments_core_right_after_the_place_names_that_department():
    agencies = ["临夏州公安局", "临夏市政府办公室"]
    assert resolve_agencies("临夏公安2023年发了多少条微博?", agencies) == (["临夏州公安局"], None)
    assert resolve_agencies("临夏2023年发了多少条微博?", agencies) == (["临夏市政府办公室"], None)


def test_a_place_known_in_english_by_a_name_pinyin_does_not_give():
    agencies = ["兴安盟生态环境局乌兰浩特市分局", "兴安盟生态环境局"]
    text = "How many items did the Ulanhot branch of the Hinggan League ecology and environment bureau publish?"
    assert resolve_agencies(text, agencies) == (["兴安盟生态环境局乌兰浩特市分局"], None)
    assert resolve_agencies("How many items did the Hinggan League ecology and environment bureau publish?",
                            agencies) == (["兴安盟生态环境局"], None)


def test_a_department_named_after_another_place_is_that_places_body():
    from reportqa.agencies import first_named_at

    text = "2024年丰阳市审计局主动公开的政府信息比临川市审计局门户网站发布的信息多多少条?"
    assert first_named_at(text, "丰阳市审计局") == 5
    assert first_named_at(text, "临川市审计局") == text.index("临川")  # not the 审计局 of 丰阳市审计局


def test_an_english_body_described_in_lowercase_words_keeps_the_place_before_them():
    from reportqa.agencies import _english_unknown_place

    text = "How many items did the Haikou tourism, culture, radio, TV and sports bureau disclose in 2023?"
    assert _english_unknown_place(text) == "haikou"


def test_an_ethnic_towns_people_and_a_zones_kind_are_not_part_of_its_place_name():
    assert bare_place("茅坪回族镇") == "茅坪"
    assert bare_place("甲乙经济技术开发区") == "甲乙"
    assert bare_place("甲乙高新技术产业开发区") == "甲乙"


def test_english_department_words_are_blanked_only_inside_a_bodys_name():
    text = without_english_body_names("How many items did the Jiayi letters and visits bureau publish on the county "
                                      "government website?")
    assert "visits" not in text and "government website" in text
    assert "visits" in without_english_body_names("How many visits did the Jiayi bureau's website get?")
    assert "people" not in without_english_body_names("How many requests did the Jiayi County People's Government "
                                                      "receive?")


def test_city_management_is_a_department_not_a_place_called_city():
    assert split_agency("甲乙市城市管理委员会") == (["甲乙市"], "城市管理委员会")


def test_two_english_bodies_each_keep_their_own_department():
    agencies = ["北京市发展和改革委员会", "北京市城市管理委员会", "河南省发展和改革委员会"]
    found, _ = resolve_agencies("How many more items did the Henan development and reform commission publish in 2022 "
                                "than the Beijing urban management commission?", agencies)
    assert sorted(found) == ["北京市城市管理委员会", "河南省发展和改革委员会"]


def test_a_zones_party_working_committee_governs_it_and_handling_is_no_office():
    from reportqa.agencies import department_mentions, is_place_government, resolve_agencies

    assert is_place_government("党工委") and not is_place_government("局党委")
    # 办结 is a verb: the government, not its office (政府办)
    assert not any(m.endswith("办") for m in department_mentions("2023年甲乙县政府办结了多少条网民留言?"))
    agencies = ["甲乙经济技术开发区党工委", "丙丁回族镇人民政府"]
    named, _ = resolve_agencies("2022年甲乙开发区门户网站发布的信息比丙丁回族镇公开的政府信息多多少条?", agencies)
    assert sorted(named) == sorted(agencies)  # each place named alone is its governing body


def test_a_water_affairs_bureau_is_named_in_english():
    from reportqa.agencies import resolve_agencies

    named, _ = resolve_agencies("How many items did the Jiayi county water affairs bureau publish in 2020?",
                                ["甲乙县水务局", "甲乙县人民政府"])
    assert named == ["甲乙县水务局"]


def test_a_bonded_zone_of_a_port_is_read_by_its_citys_name():
    from reportqa.agencies import bare_place, place_readings

    assert bare_place("天津港保税区") == "天津"
    assert "tianjin" in place_readings("天津港保税区")
    assert bare_place("上海自由贸易试验区") == "上海"


def test_a_zone_that_is_its_own_body_is_named_beside_another_bodys_department():
    agencies = ["安顺经济技术开发区", "东城区卫健委", "北京市文物局", "怀柔区发展和改革委员会"]
    # the health commission's department words belong to the other body; "A or B" lists the two
    text = ("Which posted more on WeChat: the Anshun development zone in 2023 or the Dongcheng health commission "
            "in 2025?")
    assert set(resolve_agencies(text, agencies)[0]) == {"安顺经济技术开发区", "东城区卫健委"}
    # a department the zone is not: an unknown body, not the zone
    assert resolve_agencies("How many items did the Anshun health commission publish in 2023?", agencies)[0] == []


def test_the_cultural_heritage_bureau_is_the_wenwu_bureau_beside_another_department():
    agencies = ["北京市文物局", "怀柔区发展和改革委员会"]
    text = ("How many more items did the Beijing cultural heritage bureau proactively disclose in 2015 than the "
            "Huairou development and reform commission in 2010?")
    assert set(resolve_agencies(text, agencies)[0]) == set(agencies)


def test_a_department_whose_name_has_he_in_it_is_named_whole_and_by_its_short_form():
    assert department_mentions("巴州住房和城乡建设局2019年公开的工作动态信息有多少条？") == ["住房和城乡建设局"]
    # a report that calls itself by the short form is asked for by the full one
    assert resolve_agencies("巴州住房和城乡建设局2019年公开了多少条信息？", ["巴州住建局", "某省住房和城乡建设厅"])[0] \
        == ["巴州住建局"]
    assert "巴州住房和城乡建设局" in agency_aliases("巴州住建局")


def test_a_park_named_by_its_own_place_is_told_apart_by_that_name():
    """江南科技产业园管理委员会 and 五华科技产业园管理委员会: each park's own name (江南, 五华) is its place; "science
    and technology" names both (科技 is 科学技术's usual short name)."""
    agencies = ["泸州国家高新区江南科技产业园管理委员会", "五华科技产业园管理委员会", "柳州市统计局"]
    assert split_agency(agencies[0]) == (["泸州", "国家高新区", "江南"], "科技产业园管理委员会")
    assert resolve_agencies("How many items did the Jiangnan science and technology park committee publish?",
                            agencies)[0] == [agencies[0]]
    assert resolve_agencies("五华科技产业园管委会2022年发布简报多少期？", agencies)[0] == [agencies[1]]
    assert department_matches("科学技术", "科技产业园管理委员会")


def test_a_tech_park_committee_is_named_beside_another_body_by_its_kind():
    agencies = ["五华科技产业园管理委员会", "柳州市统计局"]
    assert sorted(resolve_agencies("How many more WeChat posts did the Wuhua tech park committee publish in 2022 "
                                   "than the Liuzhou statistics bureau did?", agencies)[0]) == sorted(agencies)


def test_a_university_is_named_by_its_place_and_its_kind():
    agencies = ["江北大学", "柳州市统计局"]
    assert split_agency("江北大学") == (["江北"], "大学")
    assert resolve_agencies("Where can Jiangbei University's 2015-2016 disclosure report be downloaded?",
                            agencies)[0] == ["江北大学"]


def test_a_zone_committee_compared_with_a_park_committee_is_named_by_its_place_alone():
    agencies = ["泸州国家高新区江南科技产业园管理委员会", "番禺经济技术开发区管委会", "柳州市统计局"]
    assert sorted(resolve_agencies("How many more items did the Luzhou Jiangnan tech park committee disclose in 2023 "
                                   "than the Panyu development zone committee did in 2022?", agencies)[0]) \
        == sorted(agencies[:2])


def test_a_zone_named_after_the_two_places_it_joins_is_named_by_them_in_english():
    """广佛 joins 广州 and 佛山: English writes each place in full ("Guangzhou-Foshan"); the zone's committee is
    named by the zone alone in Chinese too."""
    agencies = ["广州市广佛特别合作区管理委员会", "广州市司法局", "韶关市人民政府办公室"]
    assert resolve_agencies("How many requests did the Guangzhou-Foshan cooperation zone receive in 2024?",
                            agencies)[0] == ["广州市广佛特别合作区管理委员会"]
    assert sorted(resolve_agencies("How many more requests did the Guangzhou-Foshan cooperation zone receive than the "
                                   "Shaoguan government office?", agencies)[0]) == sorted([agencies[0], agencies[2]])
    assert "广佛特别合作区" in agency_aliases("广州市广佛特别合作区管理委员会")
    assert resolve_agencies("How many items did the Guangzhou justice bureau publish?", agencies)[0] \
        == ["广州市司法局"]


def test_a_body_with_its_other_name_in_brackets_is_named_by_either():
    hospital = "宿州市妇幼保健计划生育服务中心(市妇幼保健院)"
    assert split_agency(hospital) == (["宿州市"], "妇幼保健计划生育服务中心")
    assert {"宿州市妇幼保健院", "宿州市妇幼保健计划生育服务中心"} <= agency_aliases(hospital)
    agencies = [hospital, "安岳县卫生健康局"]
    assert sorted(resolve_agencies("宿州市妇幼保健院2021年公布的信息比安岳县卫健局2022年多多少条？", agencies)[0]) \
        == sorted(agencies)


def test_a_government_office_is_named_with_or_without_renmin():
    assert "宁州市政府办公室" in agency_aliases("宁州市人民政府办公室")
    assert "政府办公室" not in agency_aliases("宁州市人民政府办公室")


def test_an_english_body_name_runs_to_its_last_body_noun():
    """"the Hebei provincial government services bureau": government is a word of the name, not its end."""
    agencies = ["河北省政务服务和数字化建设管理局", "安岳县卫生健康局"]
    assert sorted(resolve_agencies("Which body disclosed more items: the Hebei provincial government services bureau "
                                   "in 2024 or the Anyue health bureau in 2023?", agencies)[0]) == sorted(agencies)


def test_an_archives_is_a_body_beside_a_town_of_its_city():
    agencies = ["新余市档案馆", "新余市水北镇"]
    assert sorted(resolve_agencies("What is the combined proactive disclosure count of Shuibei town and the Xinyu "
                                   "city archives in 2024?", agencies)[0]) == sorted(agencies)


def test_a_zone_is_named_by_its_own_name_or_by_its_kind_under_its_city():
    agencies = ["东河临水旅游商贸开发区管理委员会", "广元市天然气综合利用工业园区管委会", "广元市市场监督管理局"]
    assert resolve_agencies("Roughly how many items did the Donghe Linshui tourism and trade development zone "
                            "committee publish in 2024?", agencies)[0] == [agencies[0]]
    assert resolve_agencies("How many notices did the Guangyuan natural gas industrial park committee publish?",
                            agencies)[0] == [agencies[1]]
    assert resolve_agencies("How many items did the Guangyuan market regulation bureau publish?", agencies)[0] \
        == [agencies[2]]


def test_a_long_zone_name_written_with_a_middle_word_left_out_names_it():
    agencies = ["宁州市生物医药综合产业园区管委会", "宁州市审计局", "东湖区审计局"]
    assert resolve_agencies("宁州生物医药产业园区管委会2023年门户网站公开信息比东湖区审计局2023年多多少条？",
                            agencies)[0] == [agencies[0], agencies[2]]
    assert shortened_place_span("宁州生物医药产业园区管委会", "生物医药综合产业园区") == (2, 10)
    # the first and last two characters alone, or a run too short, name nothing
    assert shortened_place_span("生物园区", "生物医药综合产业园区") == (-1, -1)


def test_an_english_body_is_found_where_its_own_words_start():
    """"… handle in 2023 than Hangzhou's health commission received": the words before the body's own belong to the
    sentence, not to its name."""
    text = ("How many more requests did Futian's housing bureau handle in 2023 than Hangzhou's health commission "
            "received?")
    assert first_named_at(text, "杭州市卫生健康委员会") > text.index(" than ")


def test_each_place_named_keeps_its_own_body_when_it_has_no_government_indexed():
    """"宁北高新区…与东川高新区…": 宁北's only report is its office's, 东川's its government's; 东川市's bureau is not
    named by the 东川 of 东川高新区."""
    agencies = ["宁北高新区党政办公室", "东川高新区人民政府", "东川市民政局"]
    assert resolve_agencies("宁北高新区2025年与东川高新区2023年收到的信息公开申请合计多少件？", agencies)[0] \
        == agencies[:2]
    assert resolve_agencies("How many more requests did the Ningbei High-tech Zone receive in 2025 than the "
                            "Dongchuan High-tech Zone in 2023?", agencies)[0] == agencies[:2]


def test_a_banner_is_named_by_its_first_character_and_its_last():
    """阿左旗 for 阿拉善左旗: a banner (旗) written by the first character of its name and the last ones."""
    assert shortened_place_span("巴左旗民政局2022年发布信息多少条？", "巴音特左旗") == (0, 3)
    agencies = ["青禾盟巴音特左旗民政局", "青禾盟巴音特右旗教育体育局"]
    assert resolve_agencies("巴左旗民政局2022年发布信息多少条？", agencies)[0] == [agencies[0]]
    # a short place is never a banner's shortened name
    assert shortened_place_span("巴旗", "巴音特左旗") == (-1, -1)


def test_a_city_bureaus_branch_named_after_its_district_is_that_districts():
    assert split_agency("青山市公安局绿水分局") == (["青山市", "绿水"], "公安局分局")
    assert split_agency("青山市公安局交警分局")[0] == ["青山市"]  # a field's branch is in no place
    agencies = ["青山市公安局绿水分局", "青山市公安局红岭分局", "青山县公安局"]
    assert resolve_agencies("绿水公安分局2018年开辟了多少个查阅点?", agencies) == (["青山市公安局绿水分局"], None)
    assert "分局" not in agency_aliases("青山市生态环境局绿水市分局")  # a branch alone names no body


def test_a_zone_named_by_its_kind_in_english():
    agencies = ["青山市空港新区管委会", "绿水市人民政府"]
    assert resolve_agencies("How many items did the Qingshan airport new area management committee disclose in "
                            "2017?", agencies) == (["青山市空港新区管委会"], None)
    zone = ["青山市绿水湾投资区", "绿水市人民政府"]
    assert resolve_agencies("How many items did the Qingshan overseas Chinese investment zone disclose in 2022?",
                            zone) == (["青山市绿水湾投资区"], None)


def test_a_levels_government_the_asked_body_deals_with_is_no_second_body():
    agencies = ["青山市绿水街道政务办公室", "青山市人民政府"]
    assert resolve_agencies("青山市绿水街道2014年组织人员参加了几次市政府组织的培训?", agencies) \
        == (["青山市绿水街道政务办公室"], None)


def test_a_sumu_is_a_township():
    assert split_agency("青山旗绿水苏木人民政府") == (["青山旗", "绿水苏木"], "人民政府")


def test_a_word_followed_by_a_bodys_noun_is_part_of_its_name():
    text = "did the Qinzhou overseas Chinese investment zone or the students at the university"
    assert in_english_body_name(text, text.index("overseas") + len("overseas"))
    assert not in_english_body_name(text, text.index("students") + len("students"))


def test_a_body_written_with_no_place_word_is_named_by_the_words_opening_its_name():
    # 铜鼓 of 铜鼓公路分局 is a county written bare; 衡山 and 萱洲 open the park's name after the province's
    assert resolve_agencies("How many items did the Tonggu highway sub-bureau disclose in 2017?",
                            ["铜鼓公路分局", HUAIAN]) == (["铜鼓公路分局"], None)
    park = "湖南衡山萱洲国家湿地公园管理处"
    assert resolve_agencies("What did the Xuanzhou wetland park administration publish in 2020?",
                            [park, HUAIAN]) == ([park], None)


def test_a_word_joined_to_another_by_a_hyphen_names_no_body():
    assert english_departments("What did the park set up for the 2020 open-government priorities?") == []


def test_a_street_named_for_its_road_is_read_with_the_ending_translated():
    assert resolve_agencies("How many items did the Guangming Road sub-district publish in 2025?",
                            ["光明路街道", HUAIAN]) == (["光明路街道"], None)
    centre = "西安市西大街发展服务中心"  # 西大街 opens the centre's name, its city unsaid
    assert resolve_agencies("Did the Xidajie Development Service Center receive any requests in 2025?",
                            [centre, HUAIAN]) == ([centre], None)


def test_each_side_of_a_comparison_names_its_own_body():
    # the sub-bureau has no place word, the centre is written without its city: each side read alone names one
    agencies = ["淤上乡", "铜鼓公路分局", "西安市西大街发展服务中心", "宿迁市档案馆", "连生乡人民政府"]
    assert resolve_agencies("Which disclosed more items: Yushang township in 2024 or the Tonggu highway sub-bureau "
                            "in 2017?", agencies) == (["淤上乡", "铜鼓公路分局"], None)
    assert resolve_agencies("西大街发展服务中心2025年公开信息比宿迁市档案馆2023年主动公开信息多多少条?", agencies) \
        == (["西安市西大街发展服务中心", "宿迁市档案馆"], None)
    assert resolve_agencies("How many more items did Liansheng township disclose in 2025 than the Xidajie "
                            "Development Service Center published in 2025?", agencies) \
        == (["连生乡人民政府", "西安市西大街发展服务中心"], None)
    centre = "西安市西大街发展服务中心"
    assert first_named_at("Did the Xidajie Development Service Center receive requests?", centre) == 8


def test_a_banner_is_named_by_its_mongolian_name_and_its_parts_in_english():
    agencies = ["科尔沁右翼中旗", "阿拉善右旗教育体育局", "清原满族自治县"]
    assert resolve_agencies("How many items did Horqin Right Middle Banner disclose in 2023?", agencies)[0] == \
        ["科尔沁右翼中旗"]
    assert resolve_agencies("How many items did the Alxa Right Banner education bureau publish?", agencies)[0] == \
        ["阿拉善右旗教育体育局"]


def test_a_short_name_inside_another_places_department_name_is_not_this_body():
    text = "2025年栾城区办理的申请数比2023年六盘水市人民政府办公室收到的申请多多少件?"
    assert first_named_at(text, "石家庄市栾城区人民政府办公室") == 5
    assert first_named_at(text, "六盘水市人民政府") == text.find("六盘水")


def test_two_bodies_of_one_kind_are_each_where_their_place_names_them():
    text = ("How many more items did the Nankang district health commission disclose in 2022 than the Jiangning "
            "district health commission published in 2023?")
    assert first_named_at(text, "赣州市南康区卫生健康委") == text.index("Nankang")
    assert first_named_at(text, "南京市江宁区卫生健康委员会") == text.index("Jiangning")
    ratio = ("How many times as many items did the Shapingba district portal disclose in 2022 as the Nankang district "
             "health commission in 2022?")
    agencies = ["赣州市南康区卫生健康委", "重庆市沙坪坝区人民政府办公室", "南京市江宁区卫生健康委员会"]
    named = resolve_agencies(ratio, agencies)[0]
    assert sorted(named) == ["赣州市南康区卫生健康委", "重庆市沙坪坝区人民政府办公室"]


def test_a_town_written_after_another_county_is_not_the_indexed_one():
    agencies = ["临川县青山镇人民政府", "高阳县常乐镇人民政府"]
    assert resolve_agencies("石门县青山镇2024年公开信息多少条?", agencies)[0] == []
    assert resolve_agencies("临川县青山镇2024年公开信息多少条?", agencies)[0] == ["临川县青山镇人民政府"]
    assert resolve_agencies("青山镇2024年公开信息多少条?", agencies)[0] == ["临川县青山镇人民政府"]
    # a city above the county, the county skipped, is no other county; an autonomous county written short is itself
    assert resolve_agencies("某某市常乐镇2024年公开信息多少条?", agencies)[0] == ["高阳县常乐镇人民政府"]
    assert resolve_agencies("云岭县白水镇2021年公开信息多少条?", ["云岭彝族自治县白水镇人民政府"])[0] == [
        "云岭彝族自治县白水镇人民政府"]


def test_a_field_asked_by_its_name_finds_its_body_under_the_former_name():
    """Before the 2018 reform a health commission was 卫生和计划生育委员会: "the health commission" of 2016 is it."""
    assert department_matches("卫生健康", "卫生和计划生育委员会")
    assert department_matches("卫生健康", "卫生计生局")
    assert not department_matches("卫生健康", "民政局")
    assert department_matches("卫计局", "卫生健康局")  # the old short name of a body signing with its new one
    agencies = ["信阳市卫生和计划生育委员会", "信阳市教育局"]
    assert resolve_agencies("How many items did the Xinyang health commission publish in 2016?", agencies)[0] == [
        "信阳市卫生和计划生育委员会"]


def test_a_kind_of_zone_is_no_department():
    assert english_departments("the Nanning economic development zone committee") == []
    assert english_departments("the Nanning economic development bureau") == ["经济发展"]


def test_a_township_that_became_a_town_is_named_by_the_level_written():
    agencies = ["兴和乡", "某河市兴和镇人民政府"]
    assert set(resolve_agencies("某河市兴和乡2010年公开信息多少条？", agencies)[0]) == set(agencies)
    assert resolve_agencies("某河市兴和镇2024年公开信息多少条？", agencies)[0] == ["某河市兴和镇人民政府"]
    assert "兴和乡" in resolve_agencies("How many items did Xinghe Township (Mouhe) publish in 2010?", agencies)[0]


def test_a_town_read_with_and_without_its_county_is_one_body():
    from reportqa.agencies import same_bodies

    agencies = ["大河市东风街道", "东风街道", "南岭县东风街道"]
    assert same_bodies(["大河市东风街道"], agencies) == {"大河市东风街道", "东风街道"}


def test_a_county_the_dictionary_knows_is_a_place_though_written_without_its_level():
    assert split_agency("内江市隆昌生态环境局") == (["内江市", "隆昌"], "生态环境局")
    assert split_agency("武汉市公安局") == (["武汉市"], "公安局")  # (公安 is no county before 局)
    agencies = ["内江市隆昌生态环境局", "广州市生态环境局", "重庆市梁平区生态环境局"]
    assert resolve_agencies("2021年隆昌生态环境局主动公开了多少条信息?", agencies)[0] == ["内江市隆昌生态环境局"]


def test_a_place_named_in_english_by_the_dictionary():
    agencies = ["巴音郭楞蒙古自治州人民政府", "兴安盟卫生健康委", "广州市生态环境局"]
    assert resolve_agencies("How many items did the Bayingolin prefecture government publish in 2015?",
                            agencies)[0] == ["巴音郭楞蒙古自治州人民政府"]
    assert resolve_agencies("How many items did the Hinggan league health commission publish in 2022?",
                            agencies)[0] == ["兴安盟卫生健康委"]


def test_two_bodies_joined_by_and_or_set_against_each_other_by_a_multiple():
    agencies = ["内江市隆昌生态环境局", "东风区市场监督管理局", "兴安盟卫生健康委", "赣州经济技术开发区党群工作部",
                "广州市生态环境局"]
    both = resolve_agencies("What is the combined proactive disclosure total of the Ganzhou development zone "
                            "party-masses work department in 2014 and the Longchang ecology and environment bureau in "
                            "2021?", agencies)[0]
    assert sorted(both) == sorted(["赣州经济技术开发区党群工作部", "内江市隆昌生态环境局"])
    both = resolve_agencies("2022年兴安盟卫健委主动公开的信息是2021年隆昌生态环境局的多少倍?", agencies)[0]
    assert sorted(both) == sorted(["兴安盟卫生健康委", "内江市隆昌生态环境局"])
    # a name holding "and" is one body
    assert resolve_agencies("How many items did the Guangzhou ecology and environment bureau publish in 2020?",
                            agencies)[0] == ["广州市生态环境局"]


def test_a_department_written_short_is_named_by_its_full_words_in_english():
    agencies = ["国家疾控局", "甲乙市疾控中心", "丙丁市疾病预防控制中心", "戊己市人防办", "庚辛区生态环境局"]
    assert resolve_agencies("How many requests did the National Disease Control and Prevention Administration "
                            "receive in 2025?", agencies)[0] == ["国家疾控局"]
    # the place tells two centres apart; the national body is no city's
    assert resolve_agencies("What did the Jiayi city center for disease control charge in 2015?",
                            agencies)[0] == ["甲乙市疾控中心"]
    assert resolve_agencies("How many items did the Bingding city center for disease control and prevention "
                            "publish in 2016?", agencies)[0] == ["丙丁市疾病预防控制中心"]
    assert resolve_agencies("How many items did the Wuji city civil air defence office publish in 2018?",
                            agencies)[0] == ["戊己市人防办"]
    assert department_matches("疾病预防控制", "疾控中心") and not department_matches("生态环境", "疾控中心")


def test_a_central_body_named_beside_a_placed_one_is_named_too():
    agencies = ["国家疾控局", "甲乙市市场监督管理局", "丙丁区生态环境局"]
    named = resolve_agencies("What do the National Disease Control and Prevention Administration's 2025 website "
                             "disclosures and the Jiayi city market regulation bureau's 2020 disclosures add up to?",
                             agencies)[0]
    assert sorted(named) == sorted(["国家疾控局", "甲乙市市场监督管理局"])

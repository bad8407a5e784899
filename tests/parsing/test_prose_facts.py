from decimal import Decimal

from reportqa.documents import Section
from reportqa.parsing.prose_facts import MAX_LABEL, extract_prose_facts

APPLY = "三、依申请公开政府信息情况"


def _prose(seed_report):
    return [f for f in seed_report.facts if f.kind == "prose"]


def test_district_government_received_62(seed_report):
    facts = [f for f in _prose(seed_report) if f.label == "区政府受理"]
    assert len(facts) == 1
    fact = facts[0]
    assert fact.value == 62 and type(fact.value) is int
    assert fact.unit == "件"
    assert fact.raw == "62件"
    assert fact.path == (APPLY, "区政府受理")
    assert fact.column is None and fact.table == ""
    assert fact.source == ("2017年，全区各有关单位共受理政府信息依申请公开244件，"
                           "其中，区政府受理62件，各部门及镇街受理182件。")
    assert fact.report_id == seed_report.id and fact.year == 2017 and fact.agency == "温州市瓯海区人民政府"


def test_channel_figures_in_prose(seed_report):
    got = {f.label: (f.value, f.unit) for f in _prose(seed_report) if f.path[0] == APPLY}
    assert got["当面申请"] == (138, "件")
    assert got["信函申请"] == (95, "件")
    assert got["网络申请"] == (11, "件")
    assert got["传真申请"] == (0, "件")
    assert got["明确不予公开的"] == (19, "件")


def test_wan_units_keep_their_decimal(seed_report):
    fact = next(f for f in _prose(seed_report) if f.raw == "3.3万条")
    assert fact.value == Decimal("3.3") and fact.unit == "万条"
    more = next(f for f in _prose(seed_report) if f.raw == "3.7万多条")
    assert more.value == Decimal("3.7") and more.unit == "万条"


def test_dates_and_document_numbers_are_not_facts(seed_report):
    prose = _prose(seed_report)
    values = {f.value for f in prose}
    assert 2017 not in values and 2018 not in values
    assert 24 not in values and 36 not in values  # 国办发〔2017〕24号, 浙政办发〔2017〕36号
    for f in prose:
        assert f.unit not in ("年", "月", "日", "号")
        assert not f.raw.startswith(("2017", "2018"))
    # the sentence with 2017年5月 still gives its real figure
    pilot = [f for f in prose if "2017年5月" in f.source]
    assert [(f.value, f.unit) for f in pilot] == [(100, "个")]


def test_percentages_are_facts_with_their_own_label(seed_report):
    (rate,) = [f for f in _prose(seed_report) if f.raw.endswith("%")]  # 答复率100%
    assert (rate.label, rate.value, rate.unit) == ("答复率", 100, "%")


def test_ways_reports_write_figures():
    section = Section(path=("三、依申请公开",), text=(
        "当面申请，共12件。全年共收到申请120条，其中当面申请数30条，电子邮件申请数90条。"
        "网上、信函、当面申请分别为5件、6件和7件。区直部门公开1822条，占53%。受理申请达200余件，同比增长12%。"
        "举办培训十二期。收取费用12.5万元。"
    ))
    got = {(f.label, f.value, f.unit) for f in extract_prose_facts([section])}
    assert {("当面申请", 12, "件"), ("全年共收到申请", 120, "条"), ("当面申请数", 30, "条"),
            ("电子邮件申请数", 90, "条"), ("网上申请", 5, "件"), ("信函申请", 6, "件"), ("当面申请", 7, "件"),
            ("区直部门公开占比", 53, "%"), ("受理申请", 200, "件"), ("受理申请同比增长", 12, "%"),
            ("举办培训", 12, "期"), ("收取费用", Decimal("12.5"), "万元")} <= got


def test_a_clause_opening_with_another_year_gives_its_figures_that_year():
    section = Section(path=("二、概况",), text="2015年受理申请20件，本年受理30件，比2015年增加10件。")
    facts = extract_prose_facts([section])
    assert [(f.value, f.year) for f in facts] == [(20, 2015), (30, None), (10, None)]


def test_synthetic_sentences():
    section = Section(path=("三、依申请公开",), text=(
        "根据国办发〔2019〕12号文件，2019年3月起施行。"
        "全年收到申请35件，其中“网上申请”20件。收取费用0.5万元；第3期培训。"
    ))
    got = [(f.label, f.value, f.unit, f.raw) for f in extract_prose_facts([section])]
    assert got == [
        ("全年收到申请", 35, "件", "35件"),
        ("网上申请", 20, "件", "20件"),  # quotes and the filler 其中 dropped from the label
        ("收取费用", Decimal("0.5"), "万元", "0.5万元"),
    ]  # 〔2019〕12号, 2019年3月 and 第3期 are not figures


def test_a_figure_without_a_label_is_dropped():
    section = Section(path=("一、概况",), text="35件。")
    assert extract_prose_facts([section]) == []


def test_label_is_capped_at_max_label_characters():
    section = Section(path=("一、概况",), text="本机关通过政府网站政务微博政务微信及新闻发布会和新闻媒体采访、"
                                             "电视台、报刊、电台等多种渠道"
                                             "主动公开各类政府信息300条。")
    (fact,) = extract_prose_facts([section])
    assert len(fact.label) <= MAX_LABEL and fact.label.endswith("政府信息")
    assert fact.value == 300


def _labels(text: str) -> list[tuple[str, object, str]]:
    return [(f.label, f.value, f.unit) for f in extract_prose_facts([Section(path=("一、概述",), text=text)])]


def test_what_is_said_between_fenbie_and_the_figures_belongs_to_every_item():
    assert _labels("微博、微信分别发布旅游信息495条和632条。") == [
        ("微博发布旅游信息", 495, "条"), ("微信发布旅游信息", 632, "条")]
    assert _labels("当面、网上、信函申请分别为3件、5件和2件。") == [
        ("当面申请", 3, "件"), ("网上申请", 5, "件"), ("信函申请", 2, "件")]


def test_an_ascii_semicolon_ends_a_figures_clause():
    assert _labels("工作动态类36条;计划总结类7条;其他类3条。") == [
        ("工作动态类", 36, "条"), ("计划总结类", 7, "条"), ("其他类", 3, "条")]


def test_liang_is_two_where_a_count_is_written():
    assert [(v, u) for _, v, u in _labels("年初、年中两次举办政府信息公开工作培训。")] == [(2, "次")]


def test_after_a_verb_the_thing_counted_follows_the_figure():
    assert _labels("全年共召开6场新闻发布会，及时公布重大警情。") == [("全年共召开新闻发布会", 6, "场")]
    assert _labels("主动公开信息236条，其中网站公开200条。") == [("主动公开信息", 236, "条"), ("网站公开", 200, "条")]


def test_figures_listed_after_one_verb_each_count_what_follows_them():
    assert _labels("发布120项审批类及15项服务类事务的办事指南，完成备案。") == [
        ("发布审批类", 120, "项"), ("发布服务类事务的办事指南", 15, "项")]


def test_a_figure_opening_its_clause_counts_what_the_clause_says_after_it():
    assert _labels("依托网上大厅，80项服务实现“一网通办”，方便群众。") == [("服务实现一网通办", 80, "项")]
    assert _labels("当面申请，共12件。") == [("当面申请", 12, "件")]  # filler before the figure: the clause before it


def test_a_figure_a_thing_was_changed_to_is_labelled_by_the_thing_and_the_change():
    assert _labels("行政许可事项由原来的29项精简合并为22项。") == [
        ("行政许可事项由原来的", 29, "项"), ("行政许可事项精简合并", 22, "项")]


def test_the_unit_of_an_earlier_figure_is_not_part_of_the_next_label():
    assert _labels("全年收到申请35件其中网上申请20件。") == [("全年收到申请", 35, "件"), ("网上申请", 20, "件")]


def test_one_thing_counted_in_two_units_gives_both_figures_its_name():
    """"微信订阅号发布信息54期97条": 97 items, in 54 issues; the second figure is not left without a name (and so
    unfindable), nor named after the clause before."""
    text = "“学习强国”公开发布2条,“庆阳外事”微信订阅号发布信息54期97条。全年举办培训班3期120人次。"
    got = [(f.label, f.value, f.unit) for f in extract_prose_facts([Section(("一、总体情况",), text)])]
    assert ("庆阳外事微信订阅号发布信息", 54, "期") in got
    assert ("庆阳外事微信订阅号发布信息", 97, "条") in got
    assert ("全年举办培训班", 120, "人次") in got or ("举办培训班", 120, "人次") in got


def _label_of(text: str) -> dict[int | Decimal | None, str]:
    return {f.value: f.label for f in extract_prose_facts([Section(("一、总体情况",), text)])}


def test_a_category_named_by_a_list_of_topics_keeps_every_topic():
    labels = _label_of("全年主动公开信息90条，其中机关职能类信息12条，环境保护、公共卫生、食品药品类信息33条；"
                     "全年主动公开行政许可、行政处罚等各类政府信息80条。")
    assert labels[33] == "环境保护、公共卫生、食品药品类信息"
    assert labels[80] == "全年主动公开行政许可、行政处罚等各类政府信息"
    assert labels[12] == "机关职能类信息"  # a figure before the 、 list ends it


def test_a_long_label_is_cut_where_a_listed_item_starts_never_inside_a_word():
    from reportqa.parsing.prose_facts import MAX_LABEL, short_label

    label = ("机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名及各科室的职责分工、"
             "内设机构及下属单位的联系电话")
    cut = short_label(label)
    assert len(cut) <= MAX_LABEL and label.endswith(cut) and label[len(label) - len(cut) - 1] == "、"
    assert short_label("机构设置类信息") == "机构设置类信息"


def test_a_change_in_percentage_points_is_of_the_share_before_it():
    assert _labels("主动公开及依申请公开政府信息占比高达80.29%，较2019年下降10.33个百分点。") == [
        ("主动公开及依申请公开政府信息占比", Decimal("80.29"), "%"),
        ("主动公开及依申请公开政府信息占比下降", Decimal("10.33"), "个百分点")]


def test_a_change_written_short_is_of_the_figure_before_it():
    assert _labels("全年共主动公开政府信息181条，比升11%。") == [
        ("全年共主动公开政府信息", 181, "条"), ("全年共主动公开政府信息比升", 11, "%")]


def test_after_building_the_thing_built_follows_the_figure_even_with_a_number_in_its_name():
    assert _labels("在便民服务中心再建2个24小时自助服务区，方便群众。") == [
        ("在便民服务中心再建24小时自助服务区", 2, "个")]


def test_the_years_part_of_a_running_total_is_the_same_thing_without_running():
    assert _labels("截止2009年底，门户网站累计访问量4746万人次，其中2009年度1499万人次。") == [
        ("门户网站累计访问量", 4746, "万人次"), ("门户网站访问量", 1499, "万人次")]


def test_the_report_counting_its_own_parts_is_no_figure_of_work_done():
    assert _labels("本报告包括总体情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况等六项内容。") == []
    # (its parts, under their own label: "报告包括几个部分")
    assert _labels("全文包括概述、政府信息主动公开情况6个部分。") == [("报告组成部分", 6, "个部分")]
    assert _labels("全年围绕五个方面开展工作，公开信息120条。")[-1] == ("公开信息", 120, "条")


def test_a_bracket_closed_before_the_figure_glosses_its_label():
    assert _labels("公共资源交易类(建设项目招标)的信息289条,占总体比例的31.6%。")[0] == (
        "公共资源交易类(建设项目招标)的信息", 289, "条")
    assert _labels("收到申请（含网上申请）12件，其中（网上）5件。") == [
        ("收到申请（含网上申请）", 12, "件"), ("网上", 5, "件")]


def test_a_figure_after_a_verb_and_whose_it_is_counts_the_noun_after_it():
    assert _labels("陆续发布并更新维护全市公安机关20部便民服务电话,方便社会公众查阅。") == [
        ("陆续发布并更新维护全市公安机关便民服务电话", 20, "部")]


def test_a_list_of_topics_ending_in_deng_keeps_its_first_item():
    (fact,) = extract_prose_facts([Section(path=("一、概况",), text=(
        "主动公开生产安全事故的政府举措、处置精湛、风险预警、方案措施等信息14条;"))])
    assert fact.label.startswith("主动公开生产安全事故") and fact.value == 14


def test_parts_written_without_their_unit_after_qizhong_take_the_wholes_unit_only_when_they_add_up():
    text = ("年内发布各类信息854条,其中新闻类信息520旗内文件55政策解读60特色栏目更新类信息219、"
            "微信平台同步发布信息812条。")
    assert _labels(text) == [("年内发布各类信息", 854, "条"), ("微信平台同步发布信息", 812, "条"),
                             ("新闻类信息", 520, "条"), ("旗内文件", 55, "条"), ("政策解读", 60, "条"),
                             ("特色栏目更新类信息", 219, "条")]
    assert _labels("受理申请12件，其中网上5当面6。") == [("受理申请", 12, "件")]  # 5 + 6 ≠ 12: no guess


def test_a_part_without_its_unit_beside_parts_with_theirs_is_read_when_all_add_up_to_the_whole():
    assert ("主动公开信息数", 169, "条") in _labels(
        "全年印发公文类政府信息共510条，其中主动公开信息数169，依申请公开信息数317条，不予公开24条；")


def test_people_counted_in_wei_and_after_any_verb_done_the_noun_that_follows():
    assert _labels("公布四个区级非遗代表性项目和22位项目代表性传承人。")[-1] == ("公布项目代表性传承人", 22, "位")
    assert _labels("排名第1位。") == []
    assert _labels("专门配备了1名全职工作人员、45名兼职工作人员。") == [
        ("专门配备了全职工作人员", 1, "名"), ("专门配备了兼职工作人员", 45, "名")]


def test_after_the_verb_gongkai_the_noun_that_follows_is_what_is_counted():
    assert _labels("今年我局公开356条政务信息，行政许可类信息1条。")[0] == ("今年我局公开政务信息", 356, "条")


def test_a_share_opening_its_clause_is_of_what_the_clause_says_it_is():
    assert _labels("从申请的信息内容来看,40%是涉及民政优抚类信息,35%是涉及财政类信息。") == [
        ("民政优抚类信息占比", 40, "%"), ("财政类信息占比", 35, "%")]


def test_a_count_its_label_says_is_one_needs_no_unit():
    labels = _labels("“山东人防”微博发布信息308条,关注量4859;“山东人民防空”微信公众号发布信息466条,订阅数1499。")
    assert ("关注量", 4859, "") in labels and ("订阅数", 1499, "") in labels
    assert _labels("全年访问量2019年为12。") == []


def _labelled(sentence: str) -> dict[str, tuple]:
    return {f.label: (f.value, f.unit, f.year) for f in extract_prose_facts([Section(("s",), sentence)])}


def test_a_dated_gloss_belongs_to_its_label_and_dates_no_figure():
    got = _labelled("通过网站公开信息346条，内容包括日常工作情况240条、政府信息公开指南(2023年版)1条、"
                  "2022年政府信息公开工作年度报告、政务公开标准目录(2023年版)、基层政务公开70条。")
    assert got["政府信息公开指南(2023年版)"] == (1, "条", None)
    assert got["基层政务公开"] == (70, "条", None)  # not "版)、基层政务公开", and not of 2022 or 2023
    assert got["日常工作情况"] == (240, "条", None)  # 内容包括 is no part of what is counted


def test_a_year_that_opens_a_clause_still_dates_its_figures():
    assert _labelled("发布2020年度政府信息公开工作年度报告1篇，2021年受理申请5件")["受理申请"] == (5, "件", 2021)


def test_parts_listed_after_包括_are_parts_of_the_figure_before():
    from reportqa.parsing.prose_facts import listed_part_of

    facts = extract_prose_facts([Section(("s",), "通过网站公开信息346条，内容包括工作动态240条、法定主动公开内容36条。"
                                                 "另发布微信信息20条。")])
    whole, dynamic, statutory = facts[0], facts[1], facts[2]
    assert listed_part_of(statutory, whole) and listed_part_of(dynamic, whole)
    assert not listed_part_of(whole, statutory)
    assert not any(listed_part_of(f, whole) for f in facts[3:])  # another sentence


def test_figures_of_one_list_share_what_the_list_opens_with():
    from reportqa.parsing.prose_facts import listed_in_one_run

    sentence = "利用门户网站主动公开政府信息88条、规范性文件2条、政务动态类信息421条，微信推送信息30条。"
    facts = extract_prose_facts([Section(("s",), sentence)])
    first, documents, news, wechat = facts
    assert listed_in_one_run(first, news) and listed_in_one_run(first, documents)
    assert not listed_in_one_run(first, wechat) and not listed_in_one_run(news, first)


def test_a_web_address_breaks_no_clause_and_counts_nothing():
    got = _labelled("在河北省体育局门户网站(http://sport.hebei.gov.cn)公开信息1469条，"
                    "访问 www.gov.cn/2019/12.html 网站发布信息20条")
    assert got == {"在河北省体育局门户网站公开信息": (1469, "条", None), "访问网站发布信息": (20, "条", None)}


def test_a_rows_name_before_the_year_stays_in_the_label():
    got = _labelled("行政许可2022年处理决定数量450项,行政处罚2项。我局2019年共受理申请5件，市政府2019年受理申请8件")
    assert got["行政许可处理决定数量"] == (450, "项", 2022)
    assert got["受理申请"] == (5, "件", 2019)  # 我局 is no row's name
    assert got["市政府受理申请"] == (8, "件", 2019)


def test_a_time_word_and_a_verb_start_a_clause_without_a_comma():
    """"…同步推进主动公开与依申请公开工作全年共制作政府信息236条": the label is what was made, not the work before it
    (whose 主动公开 and 依申请公开 would make 236 a proactive figure)."""
    section = Section(path=("一、概述",), text=(
        "2013年,某区教育局认真贯彻落实条例,同步推进主动公开与依申请公开工作全年共制作政府信息236条,"
        "其中主动公开信息数为158条。"))
    labels = {f.value: f.label for f in extract_prose_facts([section])}
    assert labels[236] == "全年共制作政府信息"
    assert "主动公开" in labels[158]


def test_jishi_is_a_word_not_a_list_joiner_at_the_start_of_a_label():
    section = Section(path=("一、总体情况",), text="三是动态管理政策文件,及时更新政府信息主动公开“全清单”7438条。")
    labels = [f.label for f in extract_prose_facts([section])]
    assert labels and labels[0].startswith("及时更新")


def test_a_quoted_name_after_the_measure_word_says_what_is_counted():
    section = Section(path=("一、总体情况",), text="推出11大类165项“一次不用跑”清单,公告4大类46项“省内通办”和7大类133项"
                                                  "“同城通办”办税事项;发布宣传稿件2305篇。")
    labels = {f.value: f.label for f in extract_prose_facts([section])}
    assert "一次不用跑清单" in labels[165] and "省内通办" in labels[46] and "同城通办办税事项" in labels[133]


def test_figures_opening_their_clauses_are_named_by_the_words_after_them():
    section = Section(("一、总体情况",), "因不服答复引起行政复议3件,1件结果维持,2件结果纠正。")
    got = {(f.label, f.value) for f in extract_prose_facts([section])}
    assert ("结果维持", 1) in got and ("结果纠正", 2) in got  # never 结果维持结果纠正


def test_a_figure_in_brackets_after_the_year_compared_is_that_years_count_of_the_same_thing():
    section = Section(path=("（二）依申请公开",),
                      text="2023年度，我局共收到信息公开申请22起，比2022年（31起）下降29%，答复22起。")
    got = [(f.label, f.value, f.unit, f.year) for f in extract_prose_facts([section])]
    assert ("我局共收到信息公开申请", 31, "起", 2022) in got
    assert ("我局共收到信息公开申请下降", 29, "%", 2023) in got  # the change is 2023's, labelled not ")下降"
    assert ("答复", 22, "起", 2023) in got


def test_the_year_before_said_as_shang_nian_is_resolved_against_the_reports_own_year():
    from reportqa.documents import Block, LoadedDocument
    from reportqa.parsing import parse_report

    doc = LoadedDocument(source="甲县2021年报.txt", blocks=[
        Block(kind="text", text="甲县水利局2021年政府信息公开工作年度报告"),
        Block(kind="text", text="一、总体情况"),
        Block(kind="text", text="全年收到政府信息公开申请12件，较上年（15件）减少3件。")])
    facts = {(f.value, f.year) for f in parse_report(doc, "rid").facts if f.kind == "prose"}
    assert (15, 2020) in facts and (12, 2021) in facts


def test_a_category_named_by_a_list_of_long_topics_is_labelled_whole():
    # the old regulation's categories: topics of up to a dozen characters joined by 、 name one category
    section = Section(path=("（一）主动公开",), text=(
        "全年公开信息20条，其中国民经济和社会发展规划、专项规划、区域规划及相关政策3条，"
        "突发公共事件的应急预案、预警信息及应对情况2条。"))
    labels = {f.label: f.value for f in extract_prose_facts([section])}
    assert labels["国民经济和社会发展规划、专项规划、区域规划及相关政策"] == 3
    assert labels["突发公共事件的应急预案、预警信息及应对情况"] == 2


def test_a_figure_right_after_a_list_mark_starts_no_topic_list():
    section = Section(path=("一、概述",), text="认真学习党委八届四次、5次全会精神，开展培训2次。")
    assert all(not f.label.endswith("、") for f in extract_prose_facts([section]))


def test_the_channel_before_a_time_word_stays_in_the_label():
    section = Section(path=("（一）主动公开",),
                      text="通过“丰阳市应急管理局”门户网站全年累计共主动公开信息1171条,其中工作动态717条。")
    labels = {f.value: f.label for f in extract_prose_facts([section])}
    assert "门户网站" in labels[1171]


def test_parts_counted_out_over_semicolon_clauses_stay_parts_of_the_whole_before_them():
    from reportqa.parsing.prose_facts import listed_part_of, sentences_of

    text = ("2022年,全镇政府信息公开500条,一是利用门户网站公开政务信息40条;二是通过微信等发布信息160条;"
            "三是在日报等媒体发布信息45条,在省级媒体发布信息13条;四是通过公开栏公开政务信息242条。下一段;二是无关。")
    assert sentences_of(text)[0].endswith("242条。") and sentences_of(text)[1:] == ["下一段;", "二是无关。"]
    facts = extract_prose_facts([Section(("s",), text)])
    whole = next(f for f in facts if f.value == 500)
    assert all(listed_part_of(f, whole) for f in facts if f.value in (40, 160, 45, 13, 242))


def test_a_sentence_opening_with_qizhong_lists_the_parts_of_the_figure_before_it():
    from reportqa.parsing.prose_facts import listed_part_of

    text = "动态调整行政权力清单,保留行政权力841项。其中,行政许可24项、行政处罚765项。另公开文件3件。"
    facts = {f.value: f for f in extract_prose_facts([Section(("s",), text)])}
    assert facts[24].label == "行政许可" and facts[765].label == "行政处罚"
    assert listed_part_of(facts[765], facts[841]) and listed_part_of(facts[24], facts[841])
    assert not listed_part_of(facts[3], facts[841])  # a sentence of its own, not opened by 其中


def test_rounds_cases_and_reports_are_units_of_prose_figures():
    got = _labelled("开展6轮行政权力事项清单动态调整工作,收到依申请公开3宗,在各级媒体刊发报道646则。")
    assert got["开展行政权力事项清单动态调整工作"][:2] == (6, "轮")
    assert got["收到依申请公开"][:2] == (3, "宗")
    assert got["在各级媒体刊发报道"][:2] == (646, "则")


def test_sheets_kinds_and_the_nouns_of_a_list_counted_for_whom():
    got = _labelled("向7家企业、15位自然人分别提供气象证明各1次,印发宣传单2500133张,更新宣传栏3593个次。"
                    "包括组织机构、政策法规等12类信息。一张蓝图绘到底。")
    assert got["向企业"][:2] == (7, "家") and got["向自然人"][:2] == (15, "位")
    assert got["印发宣传单"][:2] == (2500133, "张") and got["更新宣传栏"][:2] == (3593, "个次")
    assert got["组织机构、政策法规等信息"][:2] == (12, "类")  # (the kind the examples are of, after the figure)
    assert not any(unit == "张" and value == 1 for value, unit, *_ in got.values())  # 一张蓝图 is no figure


def test_a_breakdown_opened_by_sheji_is_of_the_figure_before_it():
    from reportqa.parsing.prose_facts import listed_part_of

    text = "通过门户网站发布信息5916条,涉及概况类信息36条,政务动态类信息1521条。"
    facts = {f.value: f for f in extract_prose_facts([Section(("s",), text)])}
    assert listed_part_of(facts[1521], facts[5916]) and listed_part_of(facts[36], facts[5916])


def test_no_request_received_is_a_count_of_zero():
    section = Section(path=("（二）依申请公开情况",), text=(
        "没有收到政府信息公开申请。2021年，我局未收到依申请公开申请事项。"))
    facts = extract_prose_facts([section])
    assert [(f.label, f.value, f.unit) for f in facts] == [("收到政府信息公开申请", 0, "件"),
                                                            ("收到依申请公开申请", 0, "件")]
    # a review case whose respondent (被申请人) is the body, or a review asked for, is no request for information
    others = Section(path=("四、行政复议",),
                     text="全年未收到以某局为被申请人的政府信息公开行政复议案件。未收到行政复议申请。")
    assert extract_prose_facts([others]) == []


def test_a_report_published_that_year_does_not_date_the_figure():
    # "2020年…网站工作年度报表": a document of 2020 published in the 2021 report, the figure's year is the report's
    section = Section(path=("一、总体情况",), text=(
        "在局网站上公开了2020年政府信息公开工作年度报告、2020年某局网站工作年度报表,《政府信息公开目录》公示了文件6个。"))
    facts = extract_prose_facts([section])
    assert [(f.value, f.year) for f in facts] == [(6, None)]


def test_working_days_are_a_unit_of_their_own():
    section = Section(path=("三、依申请公开",), text="平均处理答复时间2个工作日,共受理申请20件。")
    assert [(f.label, f.value, f.unit) for f in extract_prose_facts([section])] == [
        ("平均处理答复时间", 2, "个工作日"), ("受理申请", 20, "件")]


def test_a_figure_after_of_them_is_named_by_the_clause_after_it():
    """"其中3件完成办结": nothing but 其中 before the figure, so the words after it say what it counts."""
    text = "全年收到政府信息公开申请7件,其中4件完成办结,3件由申请人撤回。"
    facts = extract_prose_facts([Section(("一、总体情况",), text)])
    assert {(f.label, f.value) for f in facts} >= {("完成办结", 4), ("由申请人撤回", 3)}


def test_years_dating_the_items_of_a_list_are_not_the_figures_year():
    """"2024年财政预算、2023年财政决算等财政信息95条": the years date the budget and the accounts listed, the 95 items
    are the report's year, and the label keeps the items without their years."""
    text = "“资金信息”栏目发布2024年财政预算、2023年财政决算等财政信息95条。"
    [fact] = extract_prose_facts([Section(("一、总体情况",), text)])
    assert (fact.value, fact.year) == (95, None)
    assert fact.label.endswith("财政预算、财政决算等财政信息")


def test_a_year_after_jiezhuan_is_the_one_carried_into():
    """"结转2025年2件" in a 2024 report: carried forward into the next year, not a figure of 2025."""
    text = "共受理政府信息公开申请15件,办结13件,结转2025年2件。"
    facts = extract_prose_facts([Section(("（二）依申请公开情况",), text)])
    assert [(f.label, f.value, f.year) for f in facts][-1] == ("结转下年度", 2, None)


def test_a_range_gives_its_two_ends_each_named_as_what_it_is():
    """"配备1至2名专(兼)职工作人员": the fewest and the most, never one figure standing for the range."""
    staff = extract_prose_facts([Section(("一、总体情况",), "各部门配备1至2名专(兼)职工作人员,形成工作格局。")])
    assert [(f.label, f.value, f.unit) for f in staff] == [("各部门配备专兼职工作人员最少", 1, "名"),
                                                           ("各部门配备专兼职工作人员最多", 2, "名")]
    price = extract_prose_facts([Section(("一、总体情况",), "购买乘用车新车,且单车价格在8—30万元之间的个人消费者。")])
    assert [(f.label, f.value) for f in price] == [("单车价格最低", 8), ("单车价格最高", 30)]


def test_a_figure_said_of_each_listed_item_is_each_ones():
    text = "全年未收到政府信息公开申请,进入行政复议程序和行政诉讼程序均为0件。"
    facts = extract_prose_facts([Section(("（二）依申请公开情况",), text)])
    assert {(f.label, f.value) for f in facts} >= {("进入行政复议程序", 0), ("行政诉讼程序", 0)}
    assert not any("均" in f.label for f in facts)


def test_a_figure_opening_a_sentence_is_read():
    """"2条依申请公开,1条部分公开": a figure at a sentence's very start is no date or document number."""
    text = "共计收到7条政府信息公开申请,均在规定时限内办结。2条依申请公开,1条部分公开;1条内容本机关未制作,无法提供。"
    facts = extract_prose_facts([Section(("（二）依申请公开情况",), text)])
    assert {(f.label, f.value) for f in facts} >= {("依申请公开", 2), ("部分公开", 1), ("内容本机关未制作无法提供", 1)}


def test_a_year_in_a_documents_title_does_not_date_the_figure():
    text = "其中:更新发布了《某局2021年度部门决算》等信息9期,发布审计结果公告31期。"
    facts = extract_prose_facts([Section(("（一）主动公开情况",), text)])
    assert [(f.value, f.year) for f in facts] == [(9, None), (31, None)]


def test_a_running_total_after_the_years_figure_is_of_the_same_thing():
    text = "本街道2015年共主动公开政府信息11条,历年累计234条。"
    facts = extract_prose_facts([Section(("二、主动公开",), text)])
    assert [(f.label, f.value) for f in facts] == [("主动公开政府信息", 11), ("历年累计主动公开政府信息", 234)]


def test_an_item_opened_by_its_figure_keeps_its_verdict_after_a_comma():
    """"3条公开详细内容可能涉及经济安全,不予公开": the clause names the item, the words after the comma its handling."""
    text = "2条依申请公开,1条部分公开,3条公开详细内容可能涉及商业秘密,不予公开;1条内容本机关未制作,也未保存,无法提供。"
    facts = extract_prose_facts([Section(("（二）依申请公开情况",), text)])
    labels = {f.label: f.value for f in facts}
    assert labels["公开详细内容可能涉及商业秘密不予公开"] == 3
    assert labels["部分公开"] == 1  # (a long clause after the comma is an item of its own, not a verdict)


def test_items_listed_after_the_first_are_published_the_way_it_was():
    text = "同时,通过我局微信公众平台发布工作动态类信息40条,时政要闻类信息14条,新闻类信息10条,有力促进了政务公开。"
    facts = extract_prose_facts([Section(("一、总体情况",), text)])
    assert [(f.label, f.value) for f in facts] == [("通过我局微信公众平台发布工作动态类信息", 40),
                                                   ("通过我局微信公众平台发布时政要闻类信息", 14),
                                                   ("通过我局微信公众平台发布新闻类信息", 10)]


def test_a_figure_after_a_bare_noun_counts_the_figure_before_in_another_unit():
    text = "全年依托市政府门户网站集中公开七大类48项信息共8989条。"
    facts = extract_prose_facts([Section(("一、总体情况",), text)])
    assert [(f.label, f.value) for f in facts] == [("全年依托市政府门户网站集中公开七大类", 48),
                                                   ("全年依托市政府门户网站集中公开七大类信息", 8989)]


def test_parts_listed_after_a_share_of_the_whole_are_still_the_wholes():
    from reportqa.parsing.prose_facts import listed_part_of

    text = "我单位累计主动公开政府信息45条,其中全文电子化达100%。其中,财政管理信息2条,工作信息16条,公共资源交易18条。"
    facts = extract_prose_facts([Section(("二、主动公开政府信息的情况",), text)])
    whole = next(f for f in facts if f.value == 45)
    assert all(listed_part_of(f, whole) for f in facts if f.value in (2, 16, 18))


def test_the_year_requests_were_carried_over_from_is_not_the_year_counted():
    text = "2022年,共收到10件依申请公开请求,2021年结转政府信息公开申请2件,共办结10件,结转2023年度继续办理2件。"
    facts = extract_prose_facts([Section(("(二)依申请公开情况",), text)])
    carried = [f for f in facts if "结转下年度" in f.label]
    assert len(carried) == 1 and carried[0].year == 2022  # the report's year, not 2021's nor 2023's


def test_a_disclosure_catalogue_is_a_thing_not_a_verb():
    from reportqa.parsing.prose_facts import has_verb

    assert not has_verb("信息公开目录信息")
    assert has_verb("网站公开信息")


def test_staff_counted_after_a_list_word_end_where_their_duty_begins():
    text = "安排2名民警和1名合同制工作人员承担本局政府信息公开工作。"
    facts = extract_prose_facts([Section(("一、总体情况",), text)])
    assert [(f.label, f.value) for f in facts] == [("安排民警", 2), ("安排合同制工作人员", 1)]


def test_a_figure_after_a_word_announcing_a_list_counts_the_noun_after_it():
    text = "扩大公众有序参与,主要采取以下3种形式:一是在政府网站公开。"
    facts = extract_prose_facts([Section(("4.政府信息公开平台建设情况",), text)])
    assert [(f.label, f.value) for f in facts] == [("主要采取以下形式", 3)]


def test_requests_carried_over_from_a_named_year_are_last_years():
    text = "全年接收政府信息公开申请1554件,2023年结转132件;全年办理1503件,结转2025年183件。"
    facts = extract_prose_facts([Section(("(二)依申请公开方面",), text)])
    assert [(f.label, f.value) for f in facts] == [("全年接收政府信息公开申请", 1554), ("上年结转", 132),
                                                   ("全年办理", 1503), ("结转下年度", 183)]


def test_machines_are_counted_in_tai_before_their_noun():
    text = "明确了2名兼职人员,调配了2台电脑和1台打印机。建立工作台账3本。"
    facts = extract_prose_facts([Section(("二、组织领导",), text)])
    assert [(f.label, f.value, f.unit) for f in facts][:3] == [("明确了兼职人员", 2, "名"), ("调配了电脑", 2, "台"),
                                                                ("调配了打印机", 1, "台")]
    assert all(f.unit != "台" or "账" not in f.label for f in facts)


def test_a_shared_tail_written_on_the_last_item_is_cut_where_a_word_ends():
    text = "今日头条和抖音总订阅数分别增长180%和150%。"
    facts = extract_prose_facts([Section(("一、总体情况",), text)])
    assert [(f.label, f.value) for f in facts] == [("今日头条总订阅数增长", 180), ("抖音总订阅数增长", 150)]


def test_rates_given_respectively_go_to_the_figures_before_them():
    text = "因依申请公开产生行政复议案件2件和行政诉讼案件7件,同比分别下降60%和12.5%。"
    facts = extract_prose_facts([Section(("一、总体情况",), text)])
    rates = [(f.label, f.value) for f in facts if f.unit == "%"]
    assert rates == [("因依申请公开产生行政复议案件同比下降", 60),
                     ("因依申请公开产生行政诉讼案件同比下降", Decimal("12.5"))]
    text = "全年受理申请20件、办结18件,分别同比增长10%和5%。"
    facts = extract_prose_facts([Section(("一、总体情况",), text)])
    assert [(f.label, f.value) for f in facts if f.unit == "%"] == [("全年受理申请同比增长", 10), ("办结同比增长", 5)]


def test_kinds_sub_items_and_the_reports_own_parts_have_their_measure_words():
    text = ("主要分为概况信息、政策文件、工作动态8大类。共主动公开相关信息14大领域内容,共计294小项,"
            "社会保险领域78小项录入。报告包括概述,主动公开政府信息情况,其他需要报告的事项等7个部分。")
    facts = extract_prose_facts([Section(("一、总体情况",), text)])
    got = {(f.value, f.unit) for f in facts}
    assert {(8, "大类"), (14, "大领域"), (294, "小项"), (78, "小项"), (7, "个部分")} <= got
    assert next(f.label for f in facts if f.value == 7) == "报告组成部分"


def test_a_part_after_a_closed_bracket_is_no_part_of_the_figure_before_it():
    from reportqa.parsing.prose_facts import listed_part_of

    text = ("全年累计公开信息189条,具体为:业务信息共99条(其中社会救助24条、乡村振兴32条)、今日发布84条。"
            "收到申请36件(含2021年结转2件)。")
    facts = {f.value: f for f in extract_prose_facts([Section(("一、总体情况",), text)])}
    assert listed_part_of(facts[24], facts[99]) and not listed_part_of(facts[84], facts[99])
    assert listed_part_of(facts[2], facts[36])


def test_a_total_in_another_unit_after_a_figure_counts_the_same_thing():
    """"公开信息9大类内容,共计120小项": 120 is the information counted in items, not a thing called "大类内容"; a
    total in the figure's own unit ("A 5件, B 3件, 共计8件") is no second count of B."""
    labels = _labels("全年主动公开政务信息9大类内容,共计120小项,其中财政领域12小项。")
    assert ("全年主动公开政务信息", 120, "小项") in labels
    assert not any(label == "受理申请" and value == 8 for label, value, _ in
                   _labels("受理申请5件，办结3件，共计8件。"))


def test_examples_before_a_figure_name_the_kind_the_words_after_it_say():
    """"明确了申请条件、办理时限等6个方面的要求": the figure counts 方面的要求, of which the list gives examples."""
    labels = _labels("今年明确了申请条件、办理时限等6个方面的要求。")
    assert [(label, value) for label, value, _ in labels] == [("今年明确了申请条件、办理时限等方面的要求", 6)]


def test_the_matters_requests_involve_are_those_requests_own():
    """"结转下一年度3件,涉及具体事项7项": the 7 matters are the carried-over requests', not every request's."""
    labels = _labels("全年共收到申请40件,涉及具体事项95项(其中结转下一年度3件,涉及具体事项7项)。")
    assert ("全年共收到申请涉及具体事项", 95, "项") in labels
    assert ("结转下一年度涉及具体事项", 7, "项") in labels
    # in the figure's own unit 涉及 lists its parts; parts listed (其中…) and items side by side are named by their
    # own words
    assert not _labels("网站发布信息500条,涉及概况类信息30条,政务动态类信息470条。")[1][0].startswith("网站")
    assert _labels("主动公开政府信息300条,其中涉及就业的信息200条,涉及社保的信息100条。")[1:] == [
        ("涉及就业的信息", 200, "条"), ("涉及社保的信息", 100, "条")]


def test_what_issues_of_a_bulletin_published_is_the_bulletins():
    labels = _labels("编印《乡村简报》12期,刊登政府信息48条,门户网站发布信息90条。")
    assert ("编印乡村简报刊登政府信息", 48, "条") in labels
    assert ("门户网站发布信息", 90, "条") in labels


def test_baohan_opens_parts_like_baokuo():
    labels = _labels("网站发布信息30条,包含通知公告8条、工作动态22条。")
    assert ("通知公告", 8, "条") in labels


def test_a_count_without_a_unit_takes_the_measure_word_of_its_label():
    """"受理申请件数为0": 0 件; "粉丝数1200" has no measure word and stays without a unit."""
    got = _labelled("本年度受理依申请公开件数为0,公众号粉丝数1200。")
    assert got["本年度受理依申请公开件数"][:2] == (0, "件")
    assert got["公众号粉丝数"][:2] == (1200, "")


def test_a_long_list_keeps_where_and_how_it_was_published():
    """The head of a long list ("在区政府网站上公示了…") says where the items went; middle items are dropped first."""
    labels = _labels("在区政府网站上公示了机构概况、财政预决算、人事任免、政策法规、规划计划、建议提案办理、应急管理、"
                     "政策解读等41条信息。")
    label = next(label for label, value, _ in labels if value == 41)
    assert label.startswith("在区政府网站上公示了机构概况、") and label.endswith("政策解读等信息")


def test_a_reports_parts_keep_the_measure_word_it_prints():
    assert _labels("本报告由概述、附表共5部分组成。") == [("报告组成部分", 5, "部分")]
    assert _labels("大部分信息通过网站公开。") == []


def _labels_of(text: str) -> dict[str, tuple]:
    return {f.label: (f.value, f.unit) for f in extract_prose_facts([Section(("一、总体情况",), text)])}


def test_a_bracket_closed_before_the_figure_stays_in_its_label():
    labels = _labels_of("全市主动公开政府信息4300条,其中市政府门户网站900条,各县(市、区)政府门户网站2100条,"
                     "各部门网站1300条。")
    assert labels["各县(市、区)政府门户网站"] == (2100, "条")
    assert labels["市政府门户网站"] == (900, "条")


def test_a_short_label_contrasting_the_one_before_takes_its_owner():
    labels = _labels_of("局机关信息公开专职工作人员2人,兼职人员6人,局属事业单位专职人员1人,兼职人员5人,负责日常工作。")
    assert labels["局机关信息公开兼职人员"] == (6, "人")
    assert labels["局属事业单位兼职人员"] == (5, "人")
    assert labels["局属事业单位专职人员"] == (1, "人")
    # a label with a thing of its own (转载, not a contrast of 撰写 sharing a character) keeps its words
    labels = _labels_of("全年在微信公众号发布原创信息52期,转载各类信息130期。")
    assert "转载各类信息" in labels


def test_bound_copies_are_a_measure_word():
    assert _labels_of("编印《政府公报》12期,共印发3600册。")["印发"] == (3600, "册")


def test_the_months_a_figure_covers_are_no_part_of_its_label():
    labels = _labels_of("2020年1至12月主动公开部门文件类信息183份,依申请公开371条。2021年1-6月发布政务动态类信息40份。")
    assert labels["主动公开部门文件类信息"][:2] == (183, "份")
    assert labels["发布政务动态类信息"][:2] == (40, "份")


def test_durations_and_cases_are_counted_in_their_own_measure_words():
    # 个月 before 个 (no "6个" of months), and 例 / 例次 (a health body's cases, requests counted in 例); hours are
    # no figure (24小时 names a service: "24小时自助服务区")
    assert _labels("网站全面改版,试运行6个月,热线24小时服务。") == [("试运行", 6, "个月")]
    assert _labels("收到政府信息公开申请26例,完成手术1200例次。") == [("收到政府信息公开申请", 26, "例"),
                                                                    ("完成手术", 1200, "例次")]

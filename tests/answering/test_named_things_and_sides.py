"""What the question names and the figure must say: another figure's label written whole, the thing the lexicon
reads in it, a duration asked in months (none in 条); a sum's items named each by its own words and a list
saying how many things it holds; each side of a comparison by its own verb, two platforms' posts counted alike (a real
engine over made-up reports)."""

import pytest

# made-up: a county bureau listing what went where, a district health bureau's three columns, a street office's
# platforms, and a district government whose report speaks as 我区
MARKET_2022 = """青山县市场监督管理局2022年政府信息公开工作年度报告
一、总体情况
(一)主动公开政府信息
2022年,县市场监督管理局在政府门户网站上共发布公开各类政务信息58条,其中政务动态30条,公示公告12条,草案征集6条,\
政策文件10条。同时向各级政务平台和媒体平台报送工作信息90条,其中省市场监管局网站发布40条,市日报发布11条。
(二)依申请公开政府信息
2022年,县市场监督管理局未收到信息公开申请。
"""

HEALTH_2022 = """白沙区卫生健康局2022年政府信息公开工作年度报告
一、总体情况
(一)主动公开方面
2022年主动公开的政府信息500条,公开包括政府信息公开、主动信息公开及疫情防控专题专栏三个方面。其中政府信息公开20条、\
主动信息公开100条、疫情防控专题专栏380条。
(二)依申请公开方面
2022年收到政府信息公开申请3件,均已按时答复。
"""

STREET_2023 = """红河街道办事处2023年政府信息公开工作年度报告
一、总体情况
(一)主动公开
全年通过区门户网站主动公开信息60条。截至2023年12月31日,政务微博主动发布信息130条,解决微博投诉问题12件;\
微信公众平台主动发布信息80条。全年办理局长信箱信件20件,办理12345热线工单90件。
(二)依申请公开
2023年红河街道办事处收到政府信息公开申请2件。
"""

DISTRICT_2013 = """根据《中华人民共和国政府信息公开条例》规定,特编制2013年度本单位信息公开年度报告。
一、情况概述
现将2013年我区政府信息公开工作开展情况公布如下:
(一)组织机构建设情况
2013年5月,区政府成立了南岭区人民政府信息中心,负责电子政务及政府信息公开工作。
(二)网站建设情况
我区政府网站2012年进行了全面改版,试运行6个月,从2013年元月开始正式运行。一年来,共在政府网站上发布各类信息共400余条。
二、政府信息公开情况
全年主动公开政府信息191条。
"""


@pytest.fixture(scope="module")
def reports(engine_over):
    return engine_over({"qingshan-scjgj-2022.txt": MARKET_2022, "baisha-wjj-2022.txt": HEALTH_2022,
                        "honghe-jd-2023.txt": STREET_2023, "nanling-zf-2013.txt": DISTRICT_2013})


@pytest.mark.parametrize("question,value,unit", [
    # 草案征集 is another figure's whole label: not the website figure the lexicon's 网站 reads
    ("2022年青山县市场监管局在门户网站发布草案征集多少条?", 6, "条"),
    # "三个方面": the three items of the list, the first one named by the domain's words alone
    ("2022年白沙区卫生健康局政府信息公开、主动信息公开、疫情防控专栏三部分加起来是多少条?", 500, "条"),
    # two platforms' posts: 政务微博主动发布信息, counted in 条 as the WeChat posts are, not the complaints (件)
    ("In 2023, how many more Weibo posts than WeChat posts did the Honghe sub-district office publish?", 50, "条"),
    # a number names one item of a sum (12345 hotline orders), written where that item's figure is
    ("In 2023, how many mailbox letters and 12345 hotline orders did the Honghe sub-district office handle in total?",
     110, "件"),
    # the report speaks as 我区 and names its district's government: a question naming the district finds it
    ("2013年南岭区主动公开政府信息多少条?", 191, "条"),
])
def test_the_figure_asked(reports, question, value, unit):
    answer = reports.ask(question)
    assert (answer.found, answer.value, answer.unit) == (True, value, unit), answer.text


@pytest.mark.parametrize("question", [
    # the row 政府信息公开20条 holds the question's words and says nothing of 行政诉讼
    "2022年白沙区卫生健康局政府信息公开行政诉讼有多少件?",
    # months asked: 400余条 is no duration
    "南岭区政府网站2013年正式运行前共发布了几个月的信息?",
])
def test_no_figure_of_another_thing(reports, question):
    answer = reports.ask(question)
    assert answer.value is None, answer.text


def test_each_side_of_a_comparison_by_its_own_verb(reports):
    # "proactively disclose" of the first side, "released" of the second: each read as asked alone
    answer = reports.ask("How many more items did the Baisha district health bureau proactively disclose in 2022 "
                         "than the Honghe sub-district office released in 2023?")
    assert (answer.found, answer.value) == (True, 440), answer.text


def test_a_part_deducted_from_a_running_total(reports):
    answer = reports.ask("2022年白沙区卫生健康局主动公开的政府信息,扣除疫情防控专题专栏的部分,还有多少条?")
    assert (answer.found, answer.value, answer.unit) == (True, 120, "条"), answer.text


# made-up: a commission whose requests are counted in the text, by channel and by kind of applicant
REQUESTS_2025 = """青山市卫生健康委员会2025年政府信息公开工作年度报告
一、总体情况
(二)依申请公开情况。2025年新收40件,上一年度结转2件,共计42件。其中,通过信函提交申请的5件,占比11.90%;当面提交申请的7件,\
占比16.67%;通过网站提交申请的30件,占比71.43%。公民个人提出申请39件,占比92.86%;法人或其他组织提出申请3件,占比7.14%。
"""


@pytest.fixture(scope="module")
def requests_2025(engine_over):
    return engine_over({"qingshan-health-2025.txt": REQUESTS_2025})


def test_new_requests_are_the_ones_received_not_one_kind_of_applicants_nor_a_channels(requests_2025):
    # 新收 says what it counts by its heading (依申请公开情况): the channels listed after it are no parts asked
    for text in ("How many new information disclosure requests did the Qingshan city health commission receive "
                 "in 2025?", "青山市卫健委2025年新收政府信息公开申请多少件？"):
        answer = requests_2025.ask(text)
        assert (answer.found, answer.value, answer.unit) == (True, 40, "件"), text

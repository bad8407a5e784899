"""The prose of a synthetic report: the template's or the old format's sections, with sentences that state figures
from the tables (so prose facts agree with the table) and sentences drawn from pools (so prose questions have
evidence that differs from report to report).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..documents import Number
from .agencies import AgencyName
from .model import SYNTHETIC_NOTICE, SYNTHETIC_TITLE_PREFIX, Paragraph

TOPICS = ("义务教育招生", "医保报销政策", "就业创业补贴", "老旧小区改造", "食品安全抽检", "征地拆迁补偿",
          "养老服务补贴", "安全生产执法", "环境质量监测", "保障性住房分配", "农村饮水工程", "公共资源交易",
          "企业开办服务", "社会救助标准", "城市更新项目", "重大建设项目批准和实施")
CHANNELS = ("政府门户网站", "政务新媒体矩阵", "政务服务大厅公开专区", "社区公开栏", "政务公开专区", "12345热线知识库")
INITIATIVES = (
    "围绕{topic}开设专题专栏，集中发布政策文件、办事指南和进展情况",
    "建立{topic}信息定期发布机制，做到应公开尽公开",
    "编制{topic}政务公开事项标准目录，逐项明确公开时限和公开方式",
    "对{topic}相关政策开展图解、视频等多形式解读",
    "在{channel}设置{topic}查询入口，方便群众一站式查询",
)
PROBLEMS = (
    "政策解读形式较为单一，图解、音视频等解读方式运用不多",
    "依申请公开答复文书的规范性有待提升，个别答复说理不够充分",
    "部分栏目信息更新不够及时，存在内容滞后的情况",
    "基层工作人员业务能力参差不齐，对《条例》的理解把握不够准确",
    "政务新媒体互动回应的时效性还需进一步加强",
    "重点领域信息公开的深度和广度与公众期待仍有差距",
    "公开内容的标准化程度不高，同类信息发布格式不统一",
    "政务公开专区的使用率不高，线下查阅渠道宣传不足",
)
MEASURES = (
    "加强政策解读，推行政策文件与解读材料同步起草、同步审签、同步发布",
    "规范依申请公开办理流程，建立答复文书法律审核机制",
    "建立栏目内容定期巡查制度，每月通报更新情况",
    "组织开展《条例》专题培训，提升工作人员业务水平",
    "完善政务新媒体留言办理机制，提高回应时效",
    "深化重点领域信息公开，及时回应社会关切",
    "推进公开事项标准化规范化，统一信息发布格式",
    "加强政务公开专区建设，扩大线下查阅点覆盖面",
)
FOCUS_AREAS = ("财政预决算", "重大建设项目", "公共资源配置", "社会公益事业", "行政执法", "民生保障")


@dataclass(frozen=True)
class ProseChoices:
    """What a report's prose talks about, drawn once so both formats' builders stay deterministic."""

    topic: str
    channel: str
    initiative: str
    problems: tuple[str, str]
    measures: tuple[str, str]
    focus: str
    proactive_items: int
    trainings: int
    trainees: int
    sign_day: int


def choose_prose(rng: random.Random) -> ProseChoices:
    topic, channel = rng.choice(TOPICS), rng.choice(CHANNELS)
    picks = rng.sample(range(len(PROBLEMS)), 2)
    return ProseChoices(
        topic=topic, channel=channel, initiative=rng.choice(INITIATIVES).format(topic=topic, channel=channel),
        problems=(PROBLEMS[picks[0]], PROBLEMS[picks[1]]), measures=(MEASURES[picks[0]], MEASURES[picks[1]]),
        focus=rng.choice(FOCUS_AREAS), proactive_items=rng.randint(300, 30000), trainings=rng.randint(2, 30),
        trainees=rng.randint(40, 2000), sign_day=rng.randint(5, 28),
    )


def title(agency: AgencyName, year: int, old: bool) -> str:
    return f"{SYNTHETIC_TITLE_PREFIX}{agency.full}{year}年{'度' if old else ''}政府信息公开工作年度报告"


def _self_name(agency: AgencyName) -> str:
    return "本机关" if not agency.is_government else f"{agency.short_place}政府"


def problems_paragraphs(choices: ProseChoices, year: int) -> list[Paragraph]:
    p1, p2 = choices.problems
    m1, m2 = choices.measures
    return [Paragraph(f"{year}年，我们的政府信息公开工作取得了一定成效，但仍存在一些不足：一是{p1}；二是{p2}。"),
            Paragraph(f"{year + 1}年，我们将重点做好以下工作：一是{m1}；二是{m2}。")]


def template_paragraphs(agency: AgencyName, year: int, choices: ProseChoices, figures: dict[str, Number],
                        fee_text: str) -> dict[str, list[Paragraph]]:
    """The template's prose by section (一 … 六, plus the preamble and signature); tables go between them."""
    me = _self_name(agency)
    preamble = [
        Paragraph(title(agency, year, old=False), "title"),
        Paragraph(SYNTHETIC_NOTICE),
        Paragraph(f"本报告由{agency.full}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息"
                  f"公开工作年度报告格式》要求编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"),
    ]
    overview = [
        Paragraph("一、总体情况", "heading"),
        Paragraph(f"（一）主动公开。{year}年，{me}通过{choices.channel}等渠道主动公开政府信息{choices.proactive_items}条，"
                  f"重点公开{choices.focus}等领域信息。{choices.initiative}。"),
        Paragraph(f"（二）依申请公开。全年共收到政府信息公开申请{figures['new']}件，上年结转{figures['carried']}件，"
                  f"结转下年度继续办理{figures['carry_on']}件，均在法定期限内答复。"),
        Paragraph(f"（三）政府信息管理。严格落实公开前保密审查制度，全年制发行政规范性文件{figures['normative_made']}件。"),
        Paragraph(f"（四）平台建设。持续优化{choices.channel}，完善{choices.topic}等栏目设置，提升信息查找的便利度。"),
        Paragraph(f"（五）监督保障。全年组织政务公开业务培训{choices.trainings}次，培训{choices.trainees}人次。"),
    ]
    return {
        "preamble": preamble,
        "一": overview,
        "二": [Paragraph("二、主动公开政府信息情况", "heading")],
        "三": [Paragraph("三、收到和处理政府信息公开申请情况", "heading")],
        "四": [Paragraph("四、政府信息公开行政复议、行政诉讼情况", "heading")],
        "五": [Paragraph("五、存在的主要问题及改进情况", "heading"), *problems_paragraphs(choices, year)],
        "六": [Paragraph("六、其他需要报告的事项", "heading"), Paragraph(fee_text)],
        "signature": [Paragraph(agency.full, "signature"),
                      Paragraph(f"{year + 1}年1月{choices.sign_day}日", "signature")],
    }


def table_intros(year: int, figures: dict[str, Number]) -> dict[str, Paragraph]:
    """A sentence some reports put between a section heading and its table."""
    return {
        "二": Paragraph(f"{year}年主动公开政府信息情况详见下表。"),
        "三": Paragraph(f"{year}年收到和处理政府信息公开申请的情况如下表所示。"),
        "四": Paragraph(f"全年因政府信息公开被申请行政复议{figures['reconsideration']}件、被提起行政诉讼"
                        f"{figures['lawsuits']}件，具体情况如下表。"),
    }


def old_paragraphs(agency: AgencyName, year: int, choices: ProseChoices, v: dict[str, Number],
                   trainings: Number | None = None) -> list[Paragraph]:
    """The old format's prose sections (like the seed), before the statistics table; ``trainings`` is the table's
    培训班 figure when it has that row, so prose and table tell the same number."""
    me = _self_name(agency)
    fee = "全年政府信息公开工作未收取任何费用。" if not v["fees"] else f"全年依申请公开信息收取费用{v['fees']}万元。"
    return [
        Paragraph(title(agency, year, old=True), "title"),
        Paragraph(SYNTHETIC_NOTICE),
        Paragraph(f"本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的规定，由{agency.full}编制。"
                  f"报告中所列数据的统计期限从{year}年1月1日到12月31日止。"),
        Paragraph("一、工作概况", "heading"),
        Paragraph(f"{year}年，{me}认真贯彻落实《条例》要求，{choices.initiative}，"
                  f"全年组织政务公开业务培训{trainings if trainings is not None else choices.trainings}次。"),
        Paragraph("二、主动公开政府信息情况", "heading"),
        Paragraph(f"{year}年，{me}通过{choices.channel}等渠道主动公开政府信息{v['proactive.total']}条，"
                  f"重点公开{choices.focus}等领域信息。"),
        Paragraph("三、依申请公开政府信息情况", "heading"),
        Paragraph(f"{year}年，共受理政府信息公开申请{v['received']}件。申请渠道方面，当面申请{v['received.in_person']}件，"
                  f"网络申请{v['received.online']}件，信函申请{v['received.mail']}件，传真申请{v['received.fax']}件。"),
        Paragraph(f"已办结的申请中，答复同意公开的{v['replied.granted']}件，同意部分公开的{v['replied.partial']}件，"
                  f"不同意公开的{v['replied.refused']}件。"),
        Paragraph("四、收费及减免情况", "heading"),
        Paragraph(fee),
        Paragraph("五、因政府信息公开申请行政复议、提起行政诉讼的情况", "heading"),
        Paragraph(f"{year}年，因政府信息公开申请行政复议{v['reconsideration']}件，提起行政诉讼{v['lawsuit']}件。"),
        Paragraph("六、存在的主要问题及改进措施", "heading"),
        *problems_paragraphs(choices, year),
        Paragraph(agency.full, "signature"),
        Paragraph(f"{year + 1}年1月{choices.sign_day}日", "signature"),
    ]


def old_table_caption(year: int) -> list[Paragraph]:
    return [Paragraph("政府信息公开情况统计表", "caption"), Paragraph(f"（{year}年度）", "caption")]


def _figure(value: Number) -> str:
    return f"{value:f}" if not isinstance(value, int) else str(value)


def old2008_paragraphs(agency: AgencyName, year: int, choices: ProseChoices, values: dict[str, tuple[Number, Number]],
                       labels: dict[str, str], units: dict[str, str], stated: tuple[str, ...], phrasing: int = 0
                       ) -> tuple[list[Paragraph], set[str]]:
    """The prose of a 2008–2014 report (概述 … 存在的主要问题) before its statistics table, and the keys of the figures
    it states (``old2008.STATABLE``; ":cum" for a row's 历年累计). Figures are written as the table writes them, with
    the table's unit, next to the words of their row, as such reports do ("本年度主动公开政府信息356条").
    ``labels`` and ``units``: the table's present rows by key (labels without numbering); ``phrasing`` picks how
    the sentences stating the totals open (2013年，…; 本年度…; 全年…)."""
    me = _self_name(agency)
    present = set(labels)
    said: set[str] = set()

    def say(key: str, column: int = 0) -> str | None:
        row = key.split(":")[0]
        if key not in stated or row not in present:
            return None
        said.add(key)
        return f"{_figure(values[row][column])}{units[row]}"

    proactive = say("proactive")
    opening = (f"{year}年，{me}", "本年度", "全年共")[phrasing % 3]
    first = (f"{opening}主动公开政府信息{proactive}" if proactive else
             f"{year}年，{me}通过{choices.channel}等渠道主动公开政府信息")
    if (cum := say("proactive:cum", 1)) is not None:
        first += f"，历年累计主动公开政府信息{cum}"
    first += f"，重点公开{choices.focus}等领域信息。"
    channels = [f"通过{words}公开{figure}" for key, words in (("proactive.website", "政府网站"),
                                                              ("proactive.gazette", "政府公报"))
                if (figure := say(key)) is not None]
    if channels:
        first += "其中，" + "，".join(channels) + "。"
    if (rate := say("rate")) is not None:
        first += f"主动公开信息全文电子化率达{rate}。"
    if (normative := say("normative")) is not None:
        first += f"全年新增行政规范性文件{normative}。"

    received = values.get("received", (0, 0))[0]
    if received == 0:
        applied = f"{year}年，{me}未收到政府信息公开申请。"
    else:
        total = say("received")
        words = (f"{year}年，共受理依申请公开信息", "本年度共受理政府信息公开申请",
                 "全年受理依申请公开信息")[phrasing // 3 % 3]
        applied = f"{words}{total}" if total else f"{year}年，{me}依法受理政府信息公开申请"
        ways = [f"{labels[key].removesuffix('数')}{figure}" for key in ("received.in_person", "received.online",
                                                                         "received.mail")
                if (figure := say(key)) is not None]
        applied += ("，其中" + "，".join(ways) if ways else "") + "。"
        if (replied := say("replied")) is not None:
            applied += f"全年对申请作出答复{replied}"
            kinds = [f"{words}{figure}" for key, words in (("replied.granted", "同意公开"),
                                                           ("replied.partial", "同意部分公开"),
                                                           ("replied.refused", "不予公开"))
                     if (figure := say(key)) is not None]
            applied += ("，其中" + "，".join(kinds) if kinds else "") + "。"

    fee_year = values.get("fee", (0, 0))[0]
    if not fee_year and not values.get("fee_waived", (0, 0))[0]:
        fee_text = "全年政府信息公开工作未收取任何费用。"
    elif (fee := say("fee")) is not None:
        waived = say("fee_waived")
        fee_text = f"全年收取政府信息公开费用{fee}" + (f"，减免{waived}" if waived else "") + "。"
    else:
        fee_text = "全年依照规定收取政府信息公开检索、复制、邮寄等费用，并对符合条件的申请人予以减免。"

    cases = [(key, words) for key, words in (("reconsideration", "因政府信息公开申请行政复议"),
                                             ("lawsuit", "提起行政诉讼")) if key in present]
    if all(values[key][0] == 0 for key, _ in cases):
        case_text = f"{year}年，{me}未发生因政府信息公开申请行政复议、提起行政诉讼的情况。"
    else:
        parts = [f"{words}{figure}" for key, words in cases if (figure := say(key)) is not None]
        case_text = (f"{year}年，" + "，".join(parts) + "。" if parts
                     else f"{year}年，因政府信息公开申请行政复议、提起行政诉讼的案件均已依法办理。")

    paragraphs = [
        Paragraph(title(agency, year, old=True), "title"),
        Paragraph(SYNTHETIC_NOTICE),
        Paragraph(f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由{agency.full}编制。全文包括概述，"
                  "主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、"
                  f"提起行政诉讼的情况，存在的主要问题及改进措施和附表。本报告中所列数据的统计期限自{year}年1月1日起至"
                  f"{year}年12月31日止。"),
        Paragraph("一、概述", "heading"),
        Paragraph(f"{year}年，{me}认真贯彻落实《条例》要求，{choices.initiative}，全年组织政府信息公开业务培训"
                  f"{choices.trainings}次。"),
        Paragraph("二、主动公开政府信息情况", "heading"),
        Paragraph(first),
        Paragraph("三、依申请公开政府信息情况", "heading"),
        Paragraph(applied),
        Paragraph("四、政府信息公开的收费及减免情况", "heading"),
        Paragraph(fee_text),
        Paragraph("五、因政府信息公开申请行政复议、提起行政诉讼的情况", "heading"),
        Paragraph(case_text),
        Paragraph("六、存在的主要问题及改进措施", "heading"),
        *problems_paragraphs(choices, year),
        Paragraph(agency.full, "signature"),
        Paragraph(f"{year + 1}年1月{choices.sign_day}日", "signature"),
    ]
    return paragraphs, said


def old2008_caption(year: int, numbered: bool) -> list[Paragraph]:
    """The table's caption: 七、政府信息公开情况统计表, or the title and （2013年度） as two lines."""
    if numbered:
        return [Paragraph("七、政府信息公开情况统计表", "caption")]
    return [Paragraph("政府信息公开情况统计表", "caption"), Paragraph(f"（{year}年度）", "caption")]

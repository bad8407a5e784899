"""Figures written in the prose (区政府受理62件) → facts of kind ``prose`` with their sentence as source.

They answer questions the tables do not cover (and reports that have no table at all), and let the answer say where
prose and table disagree. Reports write figures in a handful of ways; each figure gets a label that says what it
counts, never the filler around it:
- ``收到申请35件`` / ``受理申请达35件`` / ``申请总数为35件``: the words before the figure, less the filler
  (共, 达, 为, 其中…);
- ``当面申请，共12件。``: nothing but filler before the figure, so the label is the clause before it;
- ``当面、网上、信函申请分别为3件、5件和2件``: each figure goes to its item, the shared tail (申请) kept;
- ``占53%`` / ``同比增长12%``: a share or change of the figure just before it, labelled so (…占比, …同比增长);
- ``发布了40期安全生产信息简报``: a verb alone before the figure, so the words after it say what it counts;
- ``200余条``, ``3.7万多条``, ``12.5万元``, ``十二期`` (Chinese numerals, via cn2an): the figure as written, approximate
  figures marked in ``raw``;
- a clause that opens with another year (``2015年受理…``) gives that year to its figures.
Dates, document numbers (〔2019〕12号) and ordinals (第3期) are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from os.path import commonprefix

from ..documents import Fact, Number, Section

UNITS = ("个工作日", "工作日", "个月", "人次", "件次", "篇次", "条次", "场次", "个次", "例次", "万元", "万条", "万件",
         "万次", "万份", "万册", "件", "条", "次", "篇", "个", "人", "名", "起", "小项", "项", "场", "期", "家", "份",
         "元", "批次", "批", "所", "户", "套", "处", "种", "倍", "宗", "则", "轮", "册", "例")
# (收到申请3宗 (件 in some provinces), 报道646则, 开展6轮调整, 公报共印发2400册)
# units read only in the contexts below (部电话, not 部门), which a label's own figure may still end with
_CONTEXT_UNITS = ("部", "位", "类", "张", "台")
_PLAIN_UNITS = "|".join(u for u in UNITS if not u.startswith("万")) + r"|部(?![门分署委长级])" \
    + r"|(?<!第)(?<=\d)位(?![数置次居列于])" \
    + r"|(?<=\d)大?类(?=信息|事项|内容|数据|$|[，,。；;、）)：:])" + r"|(?<=\d)大(?:领域|板块|方面)" \
    + r"|(?<=\d)张" + r"|(?<=\d)台(?![账帐阶])"
# (20部电话, not 部门; 22位传承人, not 第1位 or 两位数; 等12类信息, 8大类, 14大领域;
# 宣传单2500133张, not 一张蓝图; 1台打印机, not 台账)
_CN_NUMERAL = "零〇一二两三四五六七八九十百千万"
_FIGURE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|[" + _CN_NUMERAL + r"]{1,8})\s*(?P<wan>万)?\s*(?P<approx>多|余)?\s*"
    r"(?:(?P<pct>%|％|个百分点)|(?P<unit>" + _PLAIN_UNITS + r"))"  # 个百分点 before 个
    r"(?:[（(](?:篇|条|件|次|个|份|项)[）)])?"  # "报道24篇(条)": a second measure word the report prints with it
)
# the measure word a report prints with a figure's unit, in brackets: the answer quotes it as printed
# a figure printed as rough ("870余条", "3.7万多条"): its number, and the word that makes it rough
ROUGH_FIGURE = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s*(?P<wan>万)?\s*(?P<rough>多|余)")
UNIT_PRINTED_WITH = re.compile(r"(?<=\d)(?P<unit>[\u4e00-\u9fa5]{1,2})[（(](?P<also>篇|条|件|次|个|份|项)[）)]")
_SENTENCE = re.compile(r"[^。！？；;\n]+[。！？；;]?")
_CLAUSE_BREAK = re.compile(r"[，,、：:；;（(。！？]")
_QUOTES = re.compile(r"[“”\"‘’《》【】]")
# Filler around a figure: what a label must not be made of.
_LEADING_FILLER = re.compile(
    # (及时: a word)
    r"^(?:其中|另外|此外|同时|共计|合计|总计|累计|(?:内容)?包[括含]|共|并|还|均|即|和|及(?!时)|与|或|且)+")
_TRAILING_FILLER = re.compile(
    r"(?:共计|合计|总计|累计|总数为|总数是|数量为|为|是|达到|高达|达|有|计|共|约|近|超过|逾|多达|仅|只有|分别为|分别是|分别)+$")
_RELATIVE = re.compile(r"^(?:同比|环比|(?:比|较|与)(?:上年|去年|上一年|\d{4}\s*年度?)(?:相比)?)?"
                       r"(?:增长|增加|上升|提升|提高|下降|减少|降低|占|比[升增降])")
# (an edition or a document, 2020年…年度报表, is no figure's year)
_YEAR_MARK = re.compile(r"(?<![比较与同于至到转入])(?P<year>\d{4})\s*年(?:度)?(?!\s*\d{1,2}\s*月)(?!以来)"
                        r"(?!版)(?![^，,。；;、]{0,16}?(?:报告|要点|报表|年报))"
                        r"|(?P<this>本年度?|今年|当年)")
_YEAR_PART = re.compile(r"其中\s*(?:\d{4}\s*年度?|本年度?|当年|今年|全年)(?:共|为|是|达|有)?")
# "共主动公开政府信息11条,历年累计234条": the running total of the thing the clause before counted
_RUNNING_TOTAL_ALONE = re.compile(r"(?:历年|自\d{4}年以来|截至目前|至今)累计(?:共|为|是|达|有)?")


def _said_of_the_previous(clause: str, previous_label: str) -> str:
    """The label of a figure whose clause names only a time of the thing before: the year's own part of a running
    total ("累计访问量4746万人次，其中2009年度1499万人次") or the running total of the year's figure
    ("共主动公开政府信息11条,历年累计234条"); "" for any other clause."""
    if _YEAR_PART.fullmatch(clause):
        return previous_label.replace("累计", "")
    if _RUNNING_TOTAL_ALONE.fullmatch(clause):
        return "历年累计" + previous_label.replace("累计", "")
    return ""
_MULTIPLE_OF = re.compile(r"(?:是|为|相当于|达到?)?(?:上年|去年|上一年|同期|\d{4}\s*年度?)?(?:同期)?的?")
_LIST_SPLIT = re.compile(r"[、和与]|及(?!时)|以及")
MAX_LABEL = 40  # "主动公开生产安全事故的政府举措、处置精湛、风险预警、方案措施等信息" (33) whole
SHORT_LABEL = 4  # a label this short before a figure is a verb ("发布了"); what it counts follows the figure
# … and so is one ending in a verb of doing or publishing ("全年共召开6场新闻发布会")
_VERBS = (r"(?:召开|举办|举行|开展|组织|发布|编印|印发|制作|接待|培训|发放|上传|更新|推送|报送|办理|录入"
          r"|撰写|刊登|转载|播出|推出|设置|开设|新增|增设|设立|编发|出台|公开|收到|受理|办结|答复|配备|配齐"
          r"|[新再共]?建(?:成|设)?)了?")
# … or any verb done (配备了1名全职工作人员), or a list to come (主要采取以下3种形式)
_VERB_END = re.compile(_VERBS + "$|[\u4e00-\u9fa5]{2}了$|(?:以下|下列|如下)$")
# … or in a verb and whose it is ("更新维护全市公安机关20部便民服务电话"): the thing counted follows the figure too
_VERB_OWNER_END = re.compile(_VERBS + r"[\u4e00-\u9fa5]{0,3}?(?:全|本|各|我)[\u4e00-\u9fa5]{1,8}$")
_FOLLOWING_NOUN = re.compile(r"(?:[“《][^”》，,。；;]{1,16}[”》][\u4e00-\u9fa5]{0,8}?"  # "“一次不用跑”清单"
                             r"|[“《]?(?:\d{1,4}(?=[\u4e00-\u9fa5]))?[\u4e00-\u9fa5]{2,16}?[”》]?)"
                             # "2个24小时自助服务区"; "向7家企业、15位自然人分别提供…": a list's noun ends at 分别
                             # "1名合同制工作人员承担…工作": staff counted end where their duty begins
                             r"(?=[，,。；;、（(：:]|(?:及|和|与|以及)\d|分别|依次|负责(?!人)|承担|从事|$)")
# what follows a figure that opens its clause ("，200项办事服务实现“全流程网上办”"): the rest of the clause
def _item_after_its_figure(sentence: str, clause: re.Match[str]) -> str:
    """The clause a figure opens, with the verdict after a comma that ends the item ("3条公开详细内容可能涉及经济安全,
    不予公开;")."""
    verdict = _ITEMS_VERDICT.match(sentence, clause.end())
    return _QUOTES.sub("", clause.group(0)) + (verdict.group(1) if verdict else "")


# the handling said after a comma at the end of an item opened by its figure ("…涉及经济安全,不予公开;")
_ITEMS_VERDICT = re.compile(r"[，,]((?:不予|予以|不宜|无法|未予|依法|已)[\u4e00-\u9fa5]{1,6})(?=[；;。]|$)")
_FOLLOWING_CLAUSE = re.compile(r"(?:[\u4e00-\u9fa5“”《》]|(?:19|20)\d{2}\s*年度?){2,24}(?=[，,。；;、（(：:]|$)")
# what a share opening its clause is of ("40%是涉及民政优抚类信息")
_SHARE_SAID_OF = re.compile(r"\s*(?:是|为|系|属于)(?:涉及)?([\u4e00-\u9fa5“”]{2,20}?)(?=[，,。；;、]|$)")
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9./:_?=&%#~+-]+")
_EMPTY_BRACKETS = re.compile(r"[（(]\s*[）)]")
_LIST_JOIN = re.compile(r"\s*(?:及|和|与|以及|、)\s*$")


def _share_said_of(sentence: str, m: re.Match[str], label: str) -> str:
    """"40%是涉及民政优抚类信息": a share opening its clause is of what the clause says it is."""
    said = _SHARE_SAID_OF.match(sentence, m.end()) if m.group("pct") and not label else None
    return _QUOTES.sub("", said.group(1)) + "占比" if said else ""


def chinese_number(text: str) -> int | None:
    """十二 → 12, 一百二十 → 120; None when the characters are not a number (一些, 一是)."""
    try:
        import cn2an

        value = cn2an.cn2an(text.replace("两", "二"), "strict")  # 两次, 两千: 两 is 2 where a count is written
    except (ValueError, KeyError, IndexError):
        return None
    return int(value) if float(value).is_integer() else None


def _relabelled(fact: Fact, label: str) -> Fact:
    return replace(fact, path=fact.path[:-1] + (short_label(label),))


def _figures_in_order(facts: list[Fact]) -> list[tuple[int, Fact]]:
    return sorted(((at, f) for f in facts if (at := figure_position(f)) is not None and f.raw), key=lambda p: p[0])


# a noun that says nothing of its own: what a figure right before it counted, counted again ("…48项信息共8989条")
_BARE_NOUNS = frozenset({"信息", "政府信息", "政务信息", "各类信息", "条信息", "内容"})


def _counted_again_after_a_noun(facts: list[Fact]) -> list[Fact]:
    """"集中公开七大类48项信息共8989条": the second figure counts the first one's thing in another unit; its label
    (信息) alone names nothing, so it takes the first's label and that noun."""
    order = _figures_in_order(facts)
    relabel: dict[int, Fact] = {}
    for (at0, f0), (at1, f1) in zip(order, order[1:], strict=False):
        between = f1.source[at0 + len(f0.raw): at1]
        if f1.label in _BARE_NOUNS and re.fullmatch(re.escape(f1.label) + r"(?:共计|共|合计|总计|计)?", between):
            relabel[id(f1)] = _relabelled(f1, f0.label + f1.label)
    return [relabel.get(id(f), f) for f in facts]


_LISTING_VERB = re.compile(r"发布|公开|公布|推送|报送|录入|上传|更新|转载|刊登|刊发")


def _named_by_the_first(facts: list[Fact]) -> list[Fact]:
    """"通过微信公众平台发布工作动态类信息40条,时政要闻类信息14条,新闻类信息10条": items listed after the first with
    only a comma between, no verb of their own and the first item's ending (类信息), were published the way it was."""
    order = _figures_in_order(facts)
    if len(order) < 2:
        return facts
    first = order[0][1]
    verbs = list(_LISTING_VERB.finditer(first.label))
    if not verbs:
        return facts
    prefix, item = first.label[: verbs[-1].end()], first.label[verbs[-1].end():]
    relabel: dict[int, Fact] = {}
    previous_end = order[0][0] + len(first.raw)
    for at, fact in order[1:]:
        label = fact.label
        between = fact.source[previous_end: at]
        # (a part of the first, "…5916条,涉及概况类信息36条", is counted within it, not beside it; a shared noun
        # alone, 信息, makes no kind of items)
        if not re.fullmatch(r"[，,、]\s*" + re.escape(label), between) or _LISTING_VERB.search(label) \
                or len(commonprefix([item[::-1], label[::-1]])) < 3 or len(label) <= 3 or listed_part_of(fact, first):
            break
        relabel[id(fact)] = _relabelled(fact, prefix + label)
        previous_end = at + len(fact.raw)
    return [relabel.get(id(f), f) for f in facts]


MAX_CONTRASTED = 6  # "兼职人员": a label this short may be the contrast of the one before, not a thing of its own


def _owned_like_the_one_before(facts: list[Fact]) -> list[Fact]:
    """"厅属企事业单位专职人员3人,兼职人员10人": a short label right after another, ending as it does (人员) and
    contrasting a word of it that shares a character (兼职 / 专职), belongs to the same owner (厅属企事业单位): it
    takes the owner's words before that word."""
    order = _figures_in_order(facts)
    relabel: dict[int, Fact] = {}
    for (at0, f0), (at1, f1) in zip(order, order[1:], strict=False):
        a, b = f0.label, f1.label
        between = f1.source[at0 + len(f0.raw): at1]
        shared = len(commonprefix([a[::-1], b[::-1]]))
        if not (2 <= shared and len(b) <= MAX_CONTRASTED and f0.unit == f1.unit
                and re.fullmatch(r"[，,]\s*" + re.escape(b), between)):
            continue
        for head in range(min(shared, len(b) - 1), 1, -1):  # (专职人员 / 兼职人员 share 职人员: the head is 人员)
            core, owned = b[: len(b) - head], a[: len(a) - head]
            at = next((i for i in range(len(owned) - len(core), 1, -1)
                       if owned[i + len(core) - 1] == core[-1] and owned[i:i + len(core)] != core), -1)
            if len(core) <= 2 and at >= 2:
                relabel[id(f1)] = _relabelled(f1, owned[:at] + b)
                break
    return [relabel.get(id(f), f) for f in facts]


def extract_prose_facts(sections: list[Section]) -> list[Fact]:
    facts: list[Fact] = []
    for section in sections:
        for sentence in sentences_of(section.text):
            found = _named_by_the_first(_counted_again_after_a_noun(_sentence_facts(section, sentence)))
            found = _owned_like_the_one_before(found)
            found += _unitless_parts(section, sentence, found)
            facts += found + _counts_without_unit(section, sentence, found) + _none_received(section, sentence)
    return facts


# "没有收到政府信息公开申请", "本年度未收到依申请公开申请": no request received is a count of requests, zero
# (…为被申请人的行政复议案件, 行政复议申请: no request for information)
_NONE_RECEIVED = re.compile(r"(?:未|没有)(?P<what>(?:收到|接到|受理|接收)(?:(?!被|复议|诉讼)[\u4e00-\u9fa5“”]){0,12}"
                            r"(?<!依)申请)(?!人)(?![\u4e00-\u9fa5]*\d)")  # (依申请公开的信息: no request)


def with_request_unit(prose: list[Fact], tables: list[Fact]) -> list[Fact]:
    """The requests a report says it did not receive counted in the unit its own table counts requests in (an old
    table's 条), so that they add up with other reports' rows."""
    units = {f.unit for f in tables if "申请" in f.label and f.unit in ("件", "条")}
    if len(units) != 1:
        return prose
    unit = units.pop()
    for fact in prose:
        if fact.value == 0 and fact.raw.startswith(("未", "没有")) and "申请" in fact.label:
            fact.unit = unit
    return prose


def _none_received(section: Section, sentence: str) -> list[Fact]:
    """The requests a report says it did not receive: 0 件, labelled with what it did not receive."""
    out = []
    for m in _NONE_RECEIVED.finditer(sentence):
        out.append(Fact(path=section.path + (short_label(m.group("what")),), column=None, value=0, unit="件",
                        raw=m.group(0), kind="prose", table="", source=sentence.strip(),
                        year=_year_of(sentence, m.start())))
    return out


# "一是…38条;二是…168条;三是…": the parts a report counts out over semicolon clauses are one sentence with the whole
# written before them, so that each part stays linked to it
_COUNTING_OUT = re.compile(r"(?:^|[，,：:])\s*(?:一是|其一是?|第一[，,是])")
_COUNTED_NEXT = re.compile(r"^\s*(?:[二三四五六七八九十]是|其[二三四五六七八九十]是?|第[二三四五六七八九十][，,是])")


_PARTS_NEXT = re.compile(r"^\s*其中")
# (…45条,其中全文电子化达100%。其中,…: a share of it ends the sentence, the parts that follow are still the count's)
_ENDS_WITH_FIGURE = re.compile(r"\d\s*(?:万)?\s*(?:多|余)?\s*(?:[\u4e00-\u9fa5]{1,2}|[%％])\s*。$")
# (…信息542条,公开包括A、B及C三个方面。其中A 24条…: the parts of the count the sentence gives, whatever ends it)
_COUNTS_SOMETHING = re.compile(r"\d\s*(?:万)?\s*(?:多|余)?\s*(?:条|件|项|篇|个|次|份|人次)")


def sentences_of(text: str) -> list[str]:
    """The sentences of ``text``, a run of parts counted out (一是…；二是…；三是…) kept as one, and a sentence listing
    the parts of the figure the one before ends with ("保留行政权力841项。其中,行政许可24项、…") kept with it."""
    out: list[str] = []
    for piece in _SENTENCE.findall(text):
        if out and out[-1][-1:] in "；;" and _COUNTED_NEXT.match(piece) and _COUNTING_OUT.search(out[-1]):
            out[-1] += piece
        elif out and out[-1][-1:] == "。" and _PARTS_NEXT.match(piece) \
                and (_ENDS_WITH_FIGURE.search(out[-1]) or _COUNTS_SOMETHING.search(out[-1])):
            out[-1] += piece
        else:
            out.append(piece)
    return out


_COUNT_WITHOUT_UNIT = re.compile(r"([\u4e00-\u9fa5“”]{1,12}?(?:数|量))\s*(?:为|达|达到|共|约)?\s*(\d+)"
                                 r"(?=\s*(?:[，,。；;、]|$))")


def _counts_without_unit(section: Section, sentence: str, found: list[Fact]) -> list[Fact]:
    """"微博关注量4859", "公众号订阅数1499": a count its label says is one (…数, …量) needs no unit; kept without,
    unless the sentence's figures already read it (a 其中-part given the whole's unit)."""
    read = {(f.label, f.value) for f in found}
    out = []
    for m in _COUNT_WITHOUT_UNIT.finditer(sentence):
        label = short_label(_LEADING_FILLER.sub("", _QUOTES.sub("", m.group(1))))
        if len(label) >= 2 and (label, int(m.group(2))) not in read:
            # "受理申请件数为0": a count of 件 by its label's own measure word (数 of 件数); "关注量" has none
            measured = _MEASURED_COUNT.search(label)
            out.append(Fact(path=section.path + (label,), column=None, value=int(m.group(2)),
                            unit=measured.group(1) if measured else "",
                            raw=m.group(2), kind="prose", table="", source=sentence.strip(),
                            year=_year_of(sentence, m.start(2))))
    return out


_PUBLISHED_IN_ISSUES = re.compile(r"(?:公开|发布|刊登|刊发|登载|刊载|编发)(?:了)?[\u4e00-\u9fa5]{0,8}$")
_MEASURED_COUNT = re.compile(r"(件|条|人|项|篇|份|个)数$")
_UNITLESS_PART = re.compile(r"([\u4e00-\u9fa5“”《》]{2,40}?)(\d+)(?![\d.%％])(?=[\u4e00-\u9fa5、，,；;。]|$)")
_PARTS_OPEN = re.compile(r"\s*[，,]?\s*其中[:：，,]?")


def _unitless_parts(section: Section, sentence: str, found: list[Fact]) -> list[Fact]:
    """"发布各类信息854条,其中新闻类信息520旗内文件55政策解读60…类信息219": parts written without their unit after
    其中 take the whole's unit, but only when they add up to the whole exactly (never a guess)."""
    out: list[Fact] = []
    for whole in found:
        if whole.value is None or not whole.unit or whole.unit == "%" or whole.raw not in sentence:
            continue
        after = sentence.index(whole.raw) + len(whole.raw)
        opening = _PARTS_OPEN.match(sentence, after)
        if opening is None:
            continue
        parts: list[tuple[str, int]] = []
        for m in _UNITLESS_PART.finditer(sentence, opening.end()):
            if not _FIGURE.match(sentence, m.start(2)):
                parts.append((m.group(1).strip("、，,；; "), int(m.group(2))))
        # "其中主动公开信息数169，依申请公开信息数317条，不予公开24条": the parts with their unit count too
        region = sentence[opening.end():]
        with_unit = [f.value for f in found
                     if f is not whole and f.value is not None and f.unit == whole.unit and f.raw in region]
        unitless = [v for _, v in parts]
        if len(parts) >= 2 and _adds_up(unitless, whole.value) \
                or parts and with_unit and _adds_up([*unitless, *with_unit], whole.value):
            out += [Fact(path=section.path + (short_label(label),), column=None, value=value, unit=whole.unit,
                         raw=str(value), kind="prose", table="", source=whole.source, year=whole.year)
                    for label, value in parts]
    return out


def _adds_up(values: Sequence[Number], whole: Number) -> bool:
    return sum((Decimal(str(v)) for v in values), Decimal(0)) == Decimal(str(whole))


def _sentence_facts(section: Section, sentence: str) -> list[Fact]:
    facts: list[Fact] = []
    source = sentence.strip()
    # a web address ("门户网站(http://sport.hebei.gov.cn)公开信息1469条") is blanked out: its colon is no clause
    # break and its digits no figures; the sentence is quoted as written
    sentence = _URL.sub(lambda m: " " * len(m.group(0)), sentence)
    facts += _report_parts_figures(section, sentence, source)
    previous_label = ""
    shared = _shared_list(sentence)
    listed: tuple[str, int] | None = None  # (verb, end of its counted noun) of "发布207项A类及19项B类信息"
    previous_end: int | None = None  # where the figure before ends
    previous_unit = ""  # … and its unit
    previous_share = ""  # the label of the last share (%) in the sentence: what a change in 个百分点 is of
    for index, m in enumerate(_FIGURE.finditer(sentence)):
        skipped = _is_date_or_code(sentence, m) or _counts_the_reports_parts(sentence, m)
        value = None if skipped else _figure_value(m.group("num"))
        if value is None:
            continue
        clause_start = _clause_start(sentence, m.start())
        label = _label_before(sentence, clause_start, m.start())
        year = _year_of(sentence, m.start())
        if previous_label and (compared := _compared_years_figure(sentence, m)) is not None:
            # "收到申请22起，比2022年（31起）下降29%": the same thing counted in the year compared with
            fact = Fact(path=section.path + (short_label(previous_label),), column=None, value=value,
                        unit=_unit_of(m), raw=m.group(0), kind="prose", table="", source=source, year=compared)
            facts.append(fact)
            previous_end = m.end()
            continue
        if _counted_again(sentence, previous_end, m, previous_unit) and previous_label:
            label = previous_label
        elif shared and index in shared:
            label = shared[index]
        elif _is_relative(label, m):
            label = _label_of_relative(sentence, m, label, previous_label, previous_share)
            if not label:
                continue
        elif previous_label and (said := _said_of_the_previous(sentence[clause_start:m.start()].strip(),
                                                               previous_label)):
            label = said
        elif not label and not (not m.group("pct") and _FOLLOWING_CLAUSE.match(sentence, m.end())
                                and _OPENS_CLAUSE.fullmatch(sentence[clause_start:m.start()].strip())):
            # (a figure opening its clause with words after it, "…,1件结果维持,2件结果纠正", is named by those words
            # below, never by the clause before it)
            label = _label_before(sentence, _clause_start(sentence, clause_start - 1), clause_start - 1) \
                if clause_start > 0 else ""
        after = _FOLLOWING_NOUN.match(sentence, m.end())
        if listed and after and _LIST_JOIN.fullmatch(sentence[listed[1]:m.start()]):
            # "发布207项行政监管类及19项便民服务类…": the second figure shares the first one's verb
            label = listed[0] + _QUOTES.sub("", after.group(0))
            listed = (listed[0], after.end())
        elif label and (len(label) <= SHORT_LABEL or _VERB_END.search(label) or _VERB_OWNER_END.search(label)
                        or label.endswith("等")) \
                and not m.group("pct") \
                and not (shared and index in shared):
            # "发布了40期安全生产信息简报": the thing counted follows the figure (and after examples of it:
            # "提出了适用范围、工作程序等5个方面具体要求")
            listed = None
            if after:
                listed = (label, after.end())
                label = label + _QUOTES.sub("", after.group(0))
        elif _OPENS_CLAUSE.fullmatch(sentence[clause_start:m.start()].strip()) and not m.group("pct") \
                and (rest := _FOLLOWING_CLAUSE.match(sentence, m.end())):
            # a figure opening its clause ("，200项办事服务实现“全流程网上办”", "其中3件完成办结"): the clause
            # after it says what it counts
            label = _item_after_its_figure(sentence, rest)
            listed = None
        else:
            listed = None
        label = _of_the_figure_before(sentence, label, (previous_label, previous_unit, previous_end), clause_start,
                                      _unit_of(m))
        if not label:
            continue
        figures = _figures_said(sentence, clause_start, m, label, value)
        facts.extend(Fact(path=section.path + (short_label(said),), column=None, value=said_value, unit=_unit_of(m),
                          raw=raw, kind="prose", table="", source=source, year=year)
                     for said, said_value, raw in figures)
        previous_label, previous_share = _remembered(label, m, previous_label, previous_share)
        previous_end, previous_unit = m.end(), _unit_of(m)
    return facts


_OPENS_CLAUSE = re.compile(r"(?:其中)?")  # nothing before the figure but "of them"
_REPORT_ITSELF = re.compile(r"报告|全文")
_PARTS = re.compile(r"(?:大)?(?:部分|方面|内容|章节)")


# a number without its unit, then 至/到/a dash, right before a figure: the low end of a range ("1至2名", "8—30万元")
_RANGE_BEFORE = re.compile(r"(?<![\d.])(?P<low>\d+(?:\.\d+)?)\s*(?:至|到|—|–|~|～|-)\s*$")
_MONEY_OR_RATE = re.compile(r"元|%|％")
_RANGE_WORD = re.compile(r"之间|以内|以下|以上|左右|不等")


def _ends_of_a_range(sentence: str, clause_start: int, span: re.Match[str],
                     m: re.Match[str]) -> list[tuple[str, Number]] | None:
    """The (label, value) of a range's low and high ends: what is counted, then 最少/最多 (最低/最高 of money and
    rates); None when the range's words name nothing."""
    low, high = _figure_value(span.group("low")), _figure_value(m.group("num"))
    if low is None or high is None or low >= high:
        return None
    base = _label_before(sentence, clause_start, span.start())
    base = re.sub(r"(?:在|为|是|有|达)$", "", base)
    # (a bracketed character of the noun after it is part of it: "专(兼)职工作人员")
    after = _FOLLOWING_NOUN.match(re.sub(r"[（(]([\u4e00-\u9fa5]{1,3})[）)]", r"\1", sentence[m.end():]))
    if after and not _RANGE_WORD.match(after.group(0)) \
            and (not base or len(base) <= SHORT_LABEL or _VERB_END.search(base)):
        base += _QUOTES.sub("", after.group(0))
    if len(base) < 2:
        return None
    least, most = ("最低", "最高") if _MONEY_OR_RATE.search(m.group(0)) else ("最少", "最多")
    return [(base + least, low), (base + most, high)]


def _figures_said(sentence: str, clause_start: int, m: re.Match[str], label: str,
                  value: Number) -> list[tuple[str, Number, str]]:
    """(label, value, raw) of what a figure says: the two ends of a range ("配备1至2名专(兼)职工作人员",
    "单车价格在8—30万元之间"), each listed item's own ("进入行政复议程序和行政诉讼程序均为0件"), or the figure."""
    if (span := _RANGE_BEFORE.search(sentence, clause_start, m.start())) is not None \
            and (ends := _ends_of_a_range(sentence, clause_start, span, m)) is not None:
        return [(end_label, end_value, sentence[span.start():m.end()]) for end_label, end_value in ends]
    return [(each, value, m.group(0)) for each in _each_item_of(label) or [label]]


_EACH_OF_THEM = re.compile(r"^(?P<items>.{2,40}?)(?:均|都|皆|各)$")


def _each_item_of(label: str) -> list[str]:
    """"A和B均(为)": the items a figure is said of each ([] for a label of one thing)."""
    m = _EACH_OF_THEM.match(label)
    if m is None:
        return []
    items = [i for i in _LIST_SPLIT.split(m.group("items")) if len(i) >= 2]
    return items if len(items) >= 2 else []


def _is_relative(label: str, m: re.Match[str]) -> bool:
    """A change, share or multiple of another figure ("同比增长12%", "占53%", "是上年的3.5倍")."""
    return bool(_RELATIVE.match(label) or (m.group("pct") and not label)
                or (m.group("unit") == "倍" and _MULTIPLE_OF.fullmatch(label)))


def _label_of_relative(sentence: str, m: re.Match[str], label: str, previous_label: str, previous_share: str) -> str:
    if m.group("unit") == "倍" and _MULTIPLE_OF.fullmatch(label):
        return previous_label + label if previous_label else ""  # "受理申请758件，是上年的3.5倍"
    return _share_said_of(sentence, m, label) or _relative_label(label, m.group("pct"), previous_label, previous_share)


def _counts_the_reports_parts(sentence: str, m: re.Match[str]) -> bool:
    """"本报告包括总体情况、…等六项内容", "全文包括…6个部分": the report describing itself counts no work done."""
    return bool(_PARTS.match(sentence, m.end())) and bool(_REPORT_ITSELF.search(sentence))


REPORT_PARTS_LABEL = "报告组成部分"  # the label of a report's count of its own parts


def _report_parts_figures(section: Section, sentence: str, source: str) -> list[Fact]:
    """"报告包括概述,…等7个部分": the parts the report says it has, in 个 of 部分 (六项内容 and the like are not
    read), under their own label and never a count of work done."""
    if "部分" not in sentence or not _REPORT_ITSELF.search(sentence):
        return []  # (most sentences: no second pass over their figures)
    # (the measure as printed: "7个部分", or "共6部分" with 部分 its own measure word)
    return [Fact(path=section.path + (REPORT_PARTS_LABEL,), column=None, value=value, unit=m.group("unit"),
                 raw=m.group(0), kind="prose", table="", source=source)
            for m in _PARTS_COUNTED.finditer(sentence) if (value := _figure_value(m.group("num"))) is not None]


_PARTS_COUNTED = re.compile(r"(?<![\d第])(?P<num>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?P<unit>个?部分)")


def _remembered(label: str, m: re.Match[str], previous_label: str, previous_share: str) -> tuple[str, str]:
    """What a later change or share in the sentence is of: the last thing counted (a multiple of it is no new
    thing), and the last share given."""
    pct = m.group("pct")
    if m.group("unit") == "倍":
        return previous_label, previous_share
    if not (pct or _RELATIVE.match(label) or label.endswith("占比")):
        return label, previous_share
    if pct in ("%", "％") and not _RELATIVE.match(label):
        return previous_label, label
    return previous_label, previous_share


def _relative_label(label: str, pct: str | None, previous_label: str, previous_share: str) -> str:
    """A change or share is of the thing before it: a change in points of the share before it ("占比80.29%，较2019年
    下降10.33个百分点"), anything else of the last thing counted; "" when there is none."""
    if pct == "个百分点" and previous_share:
        return previous_share + label
    if not previous_label:
        return ""
    return previous_label + (label if label and not label.startswith("占") else "占比")


def _of_the_figure_before(sentence: str, label: str, previous: tuple[str, str, int | None], clause_start: int,
                          unit: str) -> str:
    """A clause right after a figure's comma that says what that figure's things involve or hold: "结转下一年度8件,
    涉及具体事项20项" (the matters of the carried-over requests, not every request's), "编印《乡村简报》12期,刊登政府
    信息48条" (what those issues published). In the figure's own unit "涉及" lists its parts ("发布信息5916条,涉及概况类
    信息36条")."""
    previous_label, previous_unit, previous_end = previous
    if previous_label and previous_end is not None and unit != previous_unit \
            and re.fullmatch(r"\s*[，,]\s*", sentence[previous_end:clause_start]) \
            and (sentence[clause_start:].lstrip().startswith("涉及") and "涉及" not in previous_label
                 or previous_unit == "期" and _PUBLISHED_IN_ISSUES.match(label)):
        return previous_label + label  # (…510条,其中涉及公共服务的506条: a part listed, named by its own words)
    return label


def _counted_again(sentence: str, previous_end: int | None, m: re.Match[str], previous_unit: str = "") -> bool:
    """"发布信息54期97条": a figure right after another is the same thing counted in a second unit, under its name;
    so is a total in another unit said right after it ("公开信息14大领域内容,共计294小项"; a total in the same unit,
    "A 5件,B 3件,共计8件", sums the items before)."""
    if previous_end is None or m.group("pct"):
        return False
    between = sentence[previous_end:m.start()]
    return not between.strip() or (bool(previous_unit) and _unit_of(m) not in (previous_unit, "%")
                                   and _TOTAL_IN_ANOTHER_UNIT.fullmatch(between) is not None)


_TOTAL_IN_ANOTHER_UNIT = re.compile(r"\s*(?:内容|信息|事项|数据)?\s*[，,]\s*(?:共计|合计|总计|共)\s*")


def _figure_value(num: str) -> Number | None:
    if num[0].isdigit():
        return Decimal(num) if "." in num else int(num)
    if num in ("一", "万", "百", "千", "零", "〇"):  # 一 alone is mostly a word (一是, 一批), not a count
        return None
    return chinese_number(num)


def _unit_of(m: re.Match[str]) -> str:
    pct = m.group("pct")
    return pct.replace("％", "%") if pct else ("万" if m.group("wan") else "") + (m.group("unit") or "")


PREVIOUS_YEAR = -1  # a figure's year, "the year before the report's", until the report's own year is known
_COMPARED_WITH = re.compile(r"(?:比|较|与|同)\s*(?:(?P<year>(?:19|20)\d{2})\s*年度?|(?P<last>上年|去年|上一年))"
                            r"(?:同期)?(?:的)?\s*[（(]\s*$")


def _compared_years_figure(sentence: str, m: re.Match[str]) -> int | None:
    """The year a figure is of when it stands in brackets after the year compared with ("比2022年（31起）",
    "较上年（15件）"): that year, PREVIOUS_YEAR for 上年; else None."""
    compared = _COMPARED_WITH.search(sentence, max(0, m.start() - 16), m.start())
    if compared is None or not re.match(r"\s*[）)]", sentence[m.end():]) or m.group("pct"):
        return None
    return int(compared.group("year")) if compared.group("year") else PREVIOUS_YEAR


def short_label(label: str) -> str:
    """A label kept to ``MAX_LABEL`` characters from its end, cut where a listed item starts (after 、 or a comma),
    not inside a word: 公共卫生、安全生产、食品药品类信息, not 护、公共卫生…; a point's number's dot (2.主动公开…) is no
    part of it."""
    label = label.lstrip(".．、")
    if len(label) <= MAX_LABEL:
        return label
    breaks = list(re.finditer(r"[、，,；;]", label))
    cut = next((m.end() for m in breaks if len(label) - m.end() <= MAX_LABEL), None)
    head = label[: breaks[0].start()] if breaks else ""
    if breaks and breaks[0].group(0) == "、" and cut is not None and breaks[0].end() <= cut \
            and _TOPIC_AFTER_VERB.search(head) and _PUBLISHED_WHERE.search(head):
        # "在市政府网站上公示了政务公开、预决算、…、政策解读等59条信息": the head says where and how the list was
        # published; the middle items go first (…公示了政务公开、政策解读等信息)
        kept = next((m.end() for m in breaks[1:] if len(head) + 1 + len(label) - m.end() <= MAX_LABEL), None)
        if kept is not None and len(label) - kept >= 2:
            return label[: breaks[0].end()] + label[kept:]
    return label[cut:] if cut is not None and len(label) - cut >= 2 else label[-MAX_LABEL:]


def _clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins (after the last clause break before it); a short item joined by 、
    belongs to it ("社保、救济类信息10条" counts 社保、救济类信息)."""
    # (a bracket closed before the figure is one word of its label: "各县(市、区)政府门户网站14541条")
    closed = _closed_brackets(sentence, pos)
    breaks = [m for m in _CLAUSE_BREAK.finditer(sentence, 0, max(0, pos))
              if not any(a < m.start() < b for a, b in closed)]
    if not breaks:
        return 0
    start = breaks[-1].end()
    if breaks[-1].group(0) in "（(" and re.search(r"[）)]", sentence[start:pos]):
        # "公共资源交易类(建设项目招标)的信息289条": a bracket closed before the figure glosses its label
        return _clause_start(sentence, breaks[-1].start())
    # a category named by a list of topics ("环境保护、公共卫生、食品药品类信息33条", "行政许可、行政处罚等各类政府信息
    # 80条"): items without figures, joined by 、 up to one that has the figure, are one name
    k = len(breaks) - 1
    opened = next((b.end() for b in reversed(breaks) if b.group(0) != "、"), 0)
    longest = TOPIC_ITEM if "等" not in sentence[opened:pos] else LISTED_ITEM
    # (a figure right after 、 opens an item of its own: "八届四次、5次全会" lists no topic before the figure)
    while k >= 0 and breaks[k].group(0) == "、" and re.search(r"[\u4e00-\u9fa5]", sentence[start:pos]):
        previous = breaks[k - 1].end() if k >= 1 else 0
        item = re.sub(r"^.*\d{4}\s*年(?:度)?\s*", "", sentence[previous:breaks[k].start()])  # "2020年制作、获取…"
        item = _LEADING_FILLER.sub("", item)  # "其中国民经济和社会发展规划、…": 其中 opens the list, names no topic
        # the list's first item may carry the clause's subject and verb ("我局在政府信息公开平台上公开机关简介、…"):
        # its topic is what follows the verb
        opens = k == 0 or breaks[k - 1].group(0) != "、"
        topic = _TOPIC_AFTER_VERB.search(item) if opens else None
        size = len(topic.group(1)) if topic else len(item)
        if not 1 <= size <= longest or re.search(r"\d", item) or (k >= 1 and breaks[k - 1].group(0) in "（("):
            # an item that starts inside a bracket ("目录(2023年版)、基层政务公开70条") is the gloss's end, no topic
            break
        start = previous
        k -= 1
    return start


def _closed_brackets(sentence: str, pos: int) -> list[tuple[int, int]]:
    """The spans (opening, closing) of brackets opened and closed before ``pos``."""
    spans, opened = [], []
    for i, c in enumerate(sentence[:pos]):
        if c in "（(":
            opened.append(i)
        elif c in "）)" and opened:
            spans.append((opened.pop(), i))
    return spans


# a head naming where a list was published ("在市政府网站上公示了…", "通过微信公众号发布…"), not a verb alone
_PUBLISHED_WHERE = re.compile(r"(?:在|通过|于|经)[\u4e00-\u9fa5“”]{1,16}?"
                              r"(?:网站|网|平台|公众号|微信|微博|专栏|公开栏|宣传栏|系统|显示屏|客户端|新媒体)")
_TOPIC_AFTER_VERB = re.compile(r"(?:公开|发布|公布|公示|推送|上传|刊登|录入)了?([\u4e00-\u9fa5“”]{1,16})$")
TOPIC_ITEM = 12  # the longest topic in a list that names one category (国民经济和社会发展规划、专项规划…)
LISTED_ITEM = 16  # … when the list ends in 等 ("全年主动公开行政许可、行政处罚等各类政府信息")


_FIGURE_AND_UNIT = re.compile(r"\d+(?:\.\d+)?\s*(?:万)?\s*(?:多|余)?\s*(?:"
                              + "|".join((*UNITS, *_CONTEXT_UNITS)) + r")?")
_CHANGED_TO = re.compile(r"(?:为|至|到|成)\s*$")  # "由原来的29项精简合并为22项": the figure the thing became
_CHANGED_FROM = re.compile(r"(?:由原来的|从原来的|由原有的|由原|从原|由|从|原来的|原有)\s*$")


def _label_before(sentence: str, start: int, end: int) -> str:
    """The words of a clause up to a figure, less quotes, filler and any figure or year before them; a figure a
    thing was changed to ("行政许可事项由原来的29项精简合并为22项") is labelled by the thing and the change."""
    text = _QUOTES.sub("", sentence[start:end]).strip()
    gloss = _DATED_GLOSS.search(text)
    if gloss and gloss.start() > 0:  # "政府信息公开指南(2023年版)1条": the gloss's year and figures are the label's own
        head = _label_of_text(text[: gloss.start()])
        return head + gloss.group(0).strip() if head else ""
    return _label_of_text(text)


_ROW_NAME_BEFORE_YEAR = re.compile(r"(?![我本全各该截至在于从自今去])[\u4e00-\u9fa5]{2,8}(?<![的了在为是和与及])")
_DATED_GLOSS = re.compile(r"[（(][^（）()]*\d[^（）()]*[）)]\s*$")


# a time word and a verb start a clause though no comma is written after a long run of words ("同步推进主动公开与依申请
# 公开工作全年共制作政府信息236条"); a short one before it is the subject ("官方微信全年公开政府信息502条")
_CLAUSE_BY_TIME = re.compile(r"(?<=[\u4e00-\u9fa5]{10})(?:全年|年内|本年度)"
                             r"(?=共|累计|主动|发布|制作|受理|收到|公开|办理)")


# …unless the words before it name where it was published: "通过“宜春市应急管理局”门户网站全年累计共主动公开信息"
_CHANNEL_END = re.compile(r"(?:网站|门户|平台|公众号|微博|专栏|政务网|客户端|新媒体)$")


# years dating each item of a list, not the figure after it: "2024年财政预算、2023年财政决算等…"
_LISTED_YEARS = re.compile(r"\d{4}\s*年度?[\u4e00-\u9fa5]{1,12}?(?:[、和与]|及(?!时)|以及)\s*\d{4}\s*年度?"
                           r"(?!\s*\d{1,2}\s*月)")


_CARRIED_FROM_NEXT = re.compile(r"\s*(?:结转|转入)")
_CARRIED_INTO_A_YEAR = re.compile(r"结转(?:到|至|入)?\s*\d{4}\s*年度?(?!\s*\d{1,2}\s*月)")
_CARRIED_FROM_A_YEAR = re.compile(r"\d{4}\s*年度?\s*(?=结转(?!下年度)|转入)")


# the months a figure covers ("2020年1至12月主动公开…", "1-6月"): when, not what
_MONTH_SPAN = re.compile(r"\d{1,2}\s*(?:月份?)?\s*(?:至|到|-|—|－|~|～)\s*\d{1,2}\s*月份?(?:期间|间)?")


def _label_of_text(text: str) -> str:
    text = re.sub(r"\s{2,}", "", _EMPTY_BRACKETS.sub("", text))  # a blanked web address leaves nothing
    text = _MONTH_SPAN.sub("", text)
    # "结转2025年2件": a year after 结转 is the one carried into, the next (上年结转 and 2023年结转 are from)
    text = _CARRIED_INTO_A_YEAR.sub("结转下年度", text)
    text = _CARRIED_FROM_A_YEAR.sub("上年", text)  # "2023年结转132件" (in 2024's report): carried over from the last
    if _LISTED_YEARS.search(text):  # the items keep their names, their years go
        text = re.sub(r"\d{4}\s*年度?(?!\s*\d{1,2}\s*月)", "", text)
    if (clause := _CLAUSE_BY_TIME.search(text)) and not _CHANNEL_END.search(text, 0, clause.start()):
        text = text[clause.start():]
    if year := re.search(r"\d{4}\s*年(?:度)?\s*", text):
        head = text[: year.start()]
        # "行政许可2022年处理决定数量450项": a row's name before the year is the label's; "2020年共受理", "我局2019年"
        # and "截至2019年" are not
        text = head + text[year.end():] if _ROW_NAME_BEFORE_YEAR.fullmatch(head) else text[year.end():]
    figures = [f for f in _FIGURE_AND_UNIT.finditer(text) if not re.match(r"\s*[年月日号]", text[f.end():])]
    if figures and _CHANGED_TO.search(text):
        head = _LEADING_FILLER.sub("", _CHANGED_FROM.sub("", text[: figures[0].start()])).strip()
        change = _TRAILING_FILLER.sub("", text[figures[-1].end():]).strip()
        if head and change and not re.search(r"\d", head):
            return head + change
    if figures:  # the words after the last figure and its unit ("35件其中网上申请" → 网上申请)
        text = text[figures[-1].end():]
    text = re.sub(r"^.*\d[^\d]*?(?=[\u4e00-\u9fa5])", "", text) if re.search(r"\d", text) else text
    text = _LEADING_FILLER.sub("", text.lstrip("）) "))  # "比2022年(31起)下降": the bracket is closed
    text = _TRAILING_FILLER.sub("", text).strip()
    text = _LEADING_FILLER.sub("", text)
    return re.sub(r"^[（(]([^（）()]*)[）)]$", r"\1", text)  # "其中（网上）5件"


def _shared_list(sentence: str) -> dict[int, str]:
    """``A、B、C分别为x件、y件和z件`` → {figure index: label}: each figure to its item, a common tail kept;
    ``微博、微信分别发布旅游信息495条和632条``: what is said between 分别 and the figures belongs to every item."""
    m = re.search(r"([^，,。；;：:]{2,80}?)(?:分别|依次)(?P<said>为|是|有|达|[\u4e00-\u9fa5“”《》]{1,20}?)"
                  r"(?=[\d〇零一二三四五六七八九十两])", sentence)
    if rates := _rates_of_figures_before(sentence):
        return rates
    if not m:
        return {}
    said = "" if m.group("said") in ("为", "是", "有", "达") else _QUOTES.sub("", m.group("said"))
    head = _QUOTES.sub("", m.group(1))
    head = _LEADING_FILLER.sub("", re.sub(r"^.*?\d{4}\s*年(?:度)?", "", head))
    items = [i.strip() for i in _LIST_SPLIT.split(head) if i.strip()]
    figures = [f for f in _FIGURE.finditer(sentence) if f.start() >= m.end()]
    if len(items) < 2 or len(figures) < len(items) or any(_FIGURE.search(i) for i in items):
        return {}  # ("向7家企业、15位自然人分别提供…各1次": the items have their figures; 1次 is each one's)
    # a tail the items share, written once on the last: "当面、网上、信函申请" → 当面申请, 网上申请, 信函申请
    tail = ""
    lengths = {len(i) for i in items[:-1]}
    if len(lengths) == 1 and len(items[-1]) > (n := lengths.pop()):
        tail = items[-1][_head_end(items[-1], n):]
    items = [(i if i.endswith(tail) else i + tail) + said for i in items]
    starts = [f.start() for f in _FIGURE.finditer(sentence)]
    out: dict[int, str] = {}
    for k, item in enumerate(items):
        out[starts.index(figures[k].start())] = item
    return out


# "行政复议案件2件和行政诉讼案件7件,同比分别下降60%和12.5%": the changes of the figures just listed, in their order
_RATES_OF_THOSE = re.compile(r"[，,]\s*(?P<pre>同比|较上年|比上年|较去年|比去年)?(?:分别|依次)"
                             r"(?P<said>(?:同比|较上年|比上年|较去年|比去年)?[\u4e00-\u9fa5]{1,6}?)(?=\d)")


def _rates_of_figures_before(sentence: str) -> dict[int, str]:
    """{rate's figure index: its figure's item + the change said} when 分别 opens a clause of rates, one for each
    figure counted before it in the sentence; {} otherwise."""
    m = _RATES_OF_THOSE.search(sentence)
    if m is None:
        return {}
    said = (m.group("pre") or "") + m.group("said")
    stops = [i for i, c in enumerate(sentence[: m.start()]) if c in "。；;：:"]
    start = stops[-1] + 1 if stops else 0
    all_figures = list(_FIGURE.finditer(sentence))
    counts = [f for f in all_figures if start <= f.start() < m.start() and not f.group("pct")]
    rates = [f for f in all_figures if f.start() >= m.end() and f.group("pct")]
    if len(counts) < 2 or len(rates) != len(counts):
        return {}
    items = []
    for count in counts:
        items.append(_LEADING_FILLER.sub("", sentence[start: count.start()].strip("，,、 ")))
        start = count.end()
        if not items[-1] or re.search(r"\d", items[-1]):
            return {}
    # "因依申请公开产生行政复议案件4件和行政诉讼案件8件": the words before the first item's own name are every item's
    lengths = {len(i) for i in items[1:]}
    if len(lengths) == 1 and len(items[0]) > (n := lengths.pop()) and all(i[-1] == items[0][-1] for i in items):
        items = [items[0], *(items[0][: len(items[0]) - n] + i for i in items[1:])]
    return {all_figures.index(rate): item + said for item, rate in zip(items, rates, strict=True)}


def _head_end(item: str, n: int) -> int:
    """Where the last item's own head ends, ``n`` characters in as the other items' heads are long, unless that
    cuts a word: "今日头条和抖音总订阅数" — 抖音 is the head, 总订阅数 the tail both share (not 阅数)."""
    from ..chunking import jieba  # quiet, as chunking sets it up

    ends: list[int] = []
    for word in jieba.cut(item):
        ends.append((ends[-1] if ends else 0) + len(word))
    return n if n in ends or not ends or ends[0] >= len(item) else ends[0]


_TITLED = re.compile(r"《[^《》]*》")


def _year_of(sentence: str, pos: int) -> int | None:
    """The year a figure refers to when its sentence names one before it (2015年受理…), else None (the report's).

    本年/今年 name the report's own year; a year compared against (比2015年, 较上年) is not the figure's year, nor
    are years that date the items of a list ("2024年财政预算、2023年财政决算等财政信息95条")."""
    # (a year inside a title, 《…2021年度部门决算》, dates the document, not the figure)
    unquoted = _TITLED.sub(lambda t: " " * len(t.group(0)), sentence)
    # ("2021年结转申请2件": the year the requests were carried over from, not the year counted)
    marks = [m for m in _YEAR_MARK.finditer(unquoted, 0, pos) if not _CARRIED_FROM_NEXT.match(unquoted, m.end())]
    if not marks or marks[-1].group("this"):
        return None
    if _LISTED_YEARS.search(sentence, _clause_start(sentence, pos), pos):
        return None
    year = int(marks[-1].group("year"))
    return year if 1990 <= year <= 2100 else None


def _is_date_or_code(sentence: str, m: re.Match[str]) -> bool:
    after = sentence[m.end(): m.end() + 1]
    before = sentence[max(0, m.start() - 1): m.start()]
    return bool(re.match(r"[年月日号〕\]]", after) or before and before in "〔[第")  # ("" opens a sentence)


# words after which a sentence lists the parts of the figure before them (公开信息346条，内容包括…法定主动公开内容36条)
_PARTS_FOLLOW = re.compile(r"其中|包括|包含|涵盖|涉及|主要有|主要是|分为|[（(]含")  # (…36件(含2021年结转2件))
_PARTS_COUNTED_OUT = re.compile(r"^\s*[，,：:]\s*(?:一是|其一是?|第一[，,是])")


def figure_position(fact: Fact) -> int | None:
    """Where a prose figure stands in its sentence: its raw text, the occurrence after its label where it is written
    more than once; None when that cannot be told."""
    source, raw = fact.source, fact.raw
    if not raw:
        return None
    hits = [m.start() for m in re.finditer(re.escape(raw), source)]
    if len(hits) == 1:
        return hits[0]
    # "结果维持1件、结果纠正1件": the occurrence its own label is written right before
    right_after = [h for h in hits if fact.label and source[max(0, h - len(fact.label)): h] == fact.label]
    if len(right_after) == 1:
        return right_after[0]
    tail = fact.label[-2:]
    near = [h for h in hits if tail and tail in source[max(0, h - len(fact.label) - 6): h]]
    return near[0] if len(near) == 1 else None


def text_before(fact: Fact) -> str:
    """The words of a prose figure's sentence before it ("" when its place there cannot be told)."""
    at = figure_position(fact)
    return fact.source[:at] if at else ""


def own_clause(fact: Fact) -> str:
    """The figure's own clause, up to it ("妥善办理宣城市12345政府服务热线派件" of …247件): the words before it since
    the last comma, semicolon or stop."""
    return re.split(r"[,，;；。]", text_before(fact))[-1]


def listed_part_of(part: Fact, whole: Fact) -> bool:
    """``part`` is one of the parts its sentence lists under ``whole`` (…346条，内容包括…36条): same sentence, the
    whole first, a word that opens a list of parts between them."""
    between = _between_figures(whole, part)
    if between is None or "。" in between.replace("。其中", ""):
        return False
    # a bracket closed before the part holds the whole's own parts: "业务信息共99条(…其中社会救助24条…)、今日平江发布
    # 84条" lists 今日平江发布 beside 业务信息, not under it
    between = re.sub(r"[（(][^（）()]*[)）]", "", between)
    # "全镇政府信息公开566条,一是…38条;二是…168条": parts counted out (一是, 二是…) right after the whole
    return bool(_PARTS_COUNTED_OUT.match(between)) or bool(_PARTS_FOLLOW.search(between)) \
        and not re.search(r"[；;]", between)


def listed_after_it(first: Fact, later: Fact) -> bool:
    """``later`` follows ``first`` in one list of its sentence, commas or 、 between them and no stop, colon or
    semicolon ("发布动态要闻300余条,通知公告11条,机构职能2条")."""
    between = _between_figures(first, later)
    return between is not None and not re.search(r"[。；;：:]", between)


def own_noun(label: str) -> str:
    """What a label counts, after its last verb ("网站发布动态要闻": 动态要闻); the whole label when it has no verb."""
    verbs = list(re.finditer(_VERBS, label))
    return label[verbs[-1].end():] if verbs else label


def _verb_ends(label: str) -> list[int]:
    """Where each verb of two characters or more ends in the label (信息公开目录 is a thing: no verb)."""
    label = _DISCLOSURE_NOUN.sub(lambda m: "名" * len(m.group(0)), label)
    return [m.end() for m in re.finditer(_VERBS, label) if len(m.group(0)) >= 2]


def any_verb(label: str) -> bool:
    """A verb anywhere in the label, last too (微博更新: the channel's own clause)."""
    return bool(_verb_ends(label))


_PUBLISHING = re.compile(r"公开|发布|公布|推送|更新|上传|刊登|转载|编发|报送|播出|推出|发送")


def publishes(label: str) -> bool:
    """A verb of putting information out in the label (微信公众号公开, 微博更新); 乡镇建设 or 政务公开目录 do not."""
    return bool(_PUBLISHING.search(_DISCLOSURE_NOUN.sub("", label)))


def has_verb(label: str) -> bool:
    """A verb with what it does after it (建 alone is a word's part: 党建; a name may end in one: "双随机、一公开")."""
    return any(end < len(label) for end in _verb_ends(label))


_DISCLOSURE_NOUN = re.compile(r"(?:信息|政务|党务|村务|校务|厂务)公开"
                              r"(?=目录|专栏|栏目|指南|平台|网|工作|年报|年度报告)")


def listed_in_one_run(first: Fact, later: Fact) -> bool:
    """Two figures of one 、-list ("利用门户网站主动公开政府信息88条、规范性文件2条、政务动态类信息421条"): what the
    list opens with (the channel, the verb) is said of every item."""
    between = _between_figures(first, later)
    return between is not None and "、" in between and not re.search(r"[，,。；;：:]", between)


def _between_figures(first: Fact, later: Fact) -> str | None:
    """The words between two prose figures of one sentence, the first written first; None when they are not."""
    if first.kind != "prose" or later.kind != "prose" or first is later or first.source != later.source:
        return None
    at, first_at = figure_position(later), figure_position(first)
    if at is None or first_at is None or first_at >= at:
        return None
    return later.source[first_at + len(first.raw): at]

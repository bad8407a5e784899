"""Who published a report and which year it covers, read from the text itself; the file name is a fallback."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..agencies import LEVEL_ONLY_DEPARTMENT, SUB_PLACE_GLOSS, bare_place, is_place_government, split_agency
from .page_chrome import PageHeader

_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6",
              "七": "7", "八": "8", "九": "9"}
_AGENCY_SUFFIX = (r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|委员会|管理委员会|办公室|办公厅|"
                  # "咸宁市气象部门": a service that names itself a 部门 (a title's agency only)
                  r"局|厅|委|办|部门|(?<![全内局外细干])部|院|中心|署|管委会|街道办事处|办事处|镇|乡|苏木|街道|街(?=\s*\d{4})|馆|所|站|"
                  # "湖南衡山萱洲国家湿地公园管理处": a division that runs a park, a reserve, a road
                  r"(?:管理|服务|事务)处|"
                  r"集团|公司)")
# What a government body's name ends with; a string harvested from the body text must end so to be an agency.
_BODY_SUFFIX = (r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|委员会|管理委员会|管委会|办公室|办公厅|"
                # (全部, 内部: no ministry)
                r"街道办事处|办事处|(?:管理|服务|事务)处|局|厅|委|(?<![全内局外细干])部|署|院|中心|镇|乡|苏木|街道)")
_BODY_NAME = re.compile(rf"^[\u4e00-\u9fa5（）()]{{2,40}}{_BODY_SUFFIX}$")
_NOT_A_NAME = re.compile(r"人员|兼职|经办|专人|同志|负责|我们|我[局区市县乡镇办委厅部院署]|本机关|本单位|"
                         r"有关|相关|各级|各部门|认真|进一步|内容|涵盖|包括|干部|要求|全[省市县区乡镇]|"
                         # "局党委": the body's party committee named by the body's level word, not a body's name
                         r"^[局委厅署院办]党")
# A title may name a jurisdiction (平潭综合实验区2016年度…报告): its name stands for its government.
_PLACE_SUFFIX = r"(?:省|市|县|区|州|盟|旗|自治州|自治县|自治区|新区|实验区|开发区|高新区)"
_TITLE_PLACE = re.compile(rf"^(?P<agency>[\u4e00-\u9fa5]{{2,20}}?{_PLACE_SUFFIX})\s*[（(]?(?P<year>\d{{4}})\s*年")
_YEAR_PLACE = re.compile(rf"^[（(]?\d{{4}}\s*年度?[）)]?\s*(?P<agency>[\u4e00-\u9fa5]{{2,20}}?{_PLACE_SUFFIX})"
                         r"(?:政府|政务)?信息公开")
_QUOTED_TITLE = re.compile(rf"\d{{4}}\s*年度?\s*(?!度)"
                           rf"(?P<agency>[\u4e00-\u9fa5]{{2,20}}?(?:{_PLACE_SUFFIX}|镇|乡|苏木|街道|局|委员会))"
                           r"(?:人民)?(?:政府|政务)?信息公开(?:工作)?年度报告")
_TITLE_PREFIX = re.compile(r"^(?:标\s*题|文章标题|题\s*目|名\s*称)(?:\s*[:：]\s*|\s+)")  # "标     题 …" too
# "每日一报 | 辽宁2015年…年度报告": a column name before a bar is not part of the title
_TITLE_COLUMN = re.compile(r"^[^|｜]{1,12}\s*[|｜]\s*(?=\S.*报告)")
# "重庆市大足区人民政府外事办公室政府信息公开工作2022年度报告": the agency, the subject, then the year
_TITLE_AGENCY_SUBJECT_YEAR = re.compile(
    rf"^(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}?{_AGENCY_SUFFIX})(?:政府|政务)?信息公开(?:工作)?\s*[（(]?\d{{4}}\s*年")
# "现公布清远市农业农村局2021年政府信息公开工作年度报告" (or its title in 《》): the report named, with its agency, in
# the opening sentence
_REPORT_VERB = r"(?:公布|发布|编制|印发|现将)了?"  # the verb an opening sentence names its report with
_NAMED_REPORT = re.compile(rf"{_REPORT_VERB}《?(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}?"
                           rf"(?:{_BODY_SUFFIX}|{_PLACE_SUFFIX}|办)(?:[（(][\u4e00-\u9fa5]{{2,12}}(?:街道|镇|乡)[）)])?)"
                           # "黄平县人民政府(政府办公室)2023年…": the government and its office, one report
                           r"(?:[（(](?:[\u4e00-\u9fa5]{0,6}政府)?办公[室厅][）)])?"
                           # (…工作年度报告, …工作报告, "现将…2024年度政府信息公开工作情况报告如下")
                           r"[（(]?\d{4}\s*年度?[）)]?(?:政府|政务)?信息公开(?:工作)?(?:年度|情况)?报告")
# "全文包括南湖新区退役军人事务局本年度政府信息公开工作的基本情况": the body whose year's work the report covers
_REPORT_COVERS = re.compile(rf"全文(?:共)?包括(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}?(?:{_BODY_SUFFIX}|办))"
                            r"(?:本年度|(?:19|20)\d{2}\s*年度?)?(?:政府|政务)?信息公开工作")
# "现通过南通市自然资源和规划局门户网站(http://…)予以公布", "电子版在市人社局门户网站(…)…发布": the department
# whose own site publishes the report (a government's site publishes every department's)
_OWN_SITE_PUBLISHES = re.compile(rf"(?:通过|在)(?P<agency>[\u4e00-\u9fa5]{{2,30}}?(?<!政府)(?:{_BODY_SUFFIX}))"
                                 r"(?:门户)?网站[^。；;]{0,60}?(?:予以)?(?:公布|发布)")
_OWN_SUB_SITE = re.compile(rf"(?:通过|在)(?P<agency>[\u4e00-\u9fa5]{{2,30}}?(?:{_BODY_SUFFIX}))子网站"
                           r"[^。；;]{0,60}?(?:公布|发布|公开)")
# "如对本报告有任何疑问,请与闽侯县水利局政府信息公开工作领导小组办公室联系": the body whose office answers questions
# "请联系富宁县人民政府办公室", "请与海陵区城东街道党政办联系": the body, then its office that answers
_CONTACT = re.compile(rf"请(?:与|联系)(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}?{_BODY_SUFFIX})"
                      r"(?=(?:政府|政务)?信息公开|政务公开|办公室|联系|[\u4e00-\u9fa5]{1,6}?办联系|[（(]地址"
                      r"|(?<=[镇乡])政府联系)")  # ("请与环城乡政府联系": the township, its government)
# a page's byline: the publishing body and the date ("辽宁省人民政府办公厅 2016-04-15")
_BYLINE = re.compile(rf"^(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}{_BODY_SUFFIX})\s+"
                     r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?$")
_GENERIC_BODY = re.compile(r"^(?:[省市县区镇乡]|本|我|该|上级)")
_SHORT_OFFICE = re.compile(r"^[\u4e00-\u9fa5]{2,20}[^承督交转协主代举包兴创开查经帮]办$")
_AGENCY_LINE = re.compile(rf"^[\u4e00-\u9fa5（）()]{{2,40}}{_AGENCY_SUFFIX}$")
# (…局机关: the bureau's own offices, the bureau's report)
# (…中心(市妇幼保健院): the body's other name in brackets, part of its name)
_TITLE_AGENCY = re.compile(rf"^(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}?{_AGENCY_SUFFIX}"
                           rf"(?:[（(][\u4e00-\u9fa5]{{2,20}}?{_AGENCY_SUFFIX}[）)])?)(?:机关)?"
                           r"\s*(?:关于)?\s*[（(]?(?P<year>\d{4})\s*(?:年|(?=(?:政府|政务)?信息公开))")
# "2019年上海市人民政府办公厅政府信息公开工作年度报告": the year first, then the agency
_TITLE_YEAR_AGENCY = re.compile(
    rf"^[（(]?\d{{4}}\s*年度?[）)]?\s*(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}?{_AGENCY_SUFFIX})(?:政府|政务)?(?:信息公开|政务公开)")
_DATE = re.compile(r"^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日$")
_TITLE_YEAR_FIRST = re.compile(r"^[（(]?((?:19|20)\d{2})\s*年度?[）)]?(?!\s*\d{1,2}\s*月)[\u4e00-\u9fa5]")
_YEAR_PATTERNS = (
    re.compile(r"(\d{4})\s*年度?\s*(?:政府)?(?:信息公开|政务公开)"),
    re.compile(r"[（(](\d{4})\s*年度?[）)]"),
    re.compile(r"统计期限[^。]{0,10}?(\d{4})\s*年\s*1\s*月\s*1\s*日"),
    re.compile(r"(?:^|[^\d])(\d{4})\s*年度"),
)


# "…、吐鲁番市高昌区住建局2024年政府信息公开工作年度报告、2025年…": a report named in a list of documents the body
# published (last year's report), not this report's own title; its year is read on
_LISTED_REPORT = re.compile(r"[^。；;，,、]{0,12}?(?:年度报告|年报)[》”]?、")


# "按照《…转发国务院办公厅2020年政务公开工作要点的通知》": a document the text cites, whose year is its own (a report
# quoted by its title, 《2012年凤安镇政府信息公开工作年度报告》, keeps its year)
_CITED_DOCUMENT = re.compile(r"《(?![^《》]*(?:年度报告|年报)》)[^《》]*》")


@dataclass
class Metadata:
    title: str
    agency: str
    year: int | None


def chinese_year_to_int(text: str) -> int | None:
    digits = "".join(_CN_DIGITS.get(ch, ch) for ch in text)
    return int(digits) if digits.isdigit() and len(digits) == 4 else None


_BREADCRUMB = re.compile(r">|＞|»|首页|当前位置")  # "首页 >> 政府信息公开 >> 2021年年报" is the page's path


def find_title(lines: list[str]) -> str:
    """The title line; an agency name on the line above it (a title set in two lines) is part of it."""
    compact = [re.sub(r"\s+", "", line) for line in lines[:25]]
    for i in range(len(compact) - 1):  # a title wrapped onto a second line: 「…工作年」「度报告」
        joined = compact[i] + compact[i + 1]
        if len(compact[i + 1]) <= 12 and joined.endswith("报告") and not compact[i].endswith("报告") \
                and ("年度报告" in joined or "工作报告" in joined) and "年度报告" not in compact[i]:
            compact[i : i + 2] = [joined, ""]
    best, best_score = -1, 0.0
    for i, s in enumerate(compact):
        if 6 <= len(s) <= 80 and ("年度报告" in s or "工作报告" in s or "年报" in s or "信息公开报告" in s) \
                and not s.endswith(("。", "；")):
            score = 1 + 2 * ("年度报告" in s or "年报" in s) + ("信息公开" in s or "政务公开" in s) \
                + bool(re.search(r"\d{4}|[〇○零一二三四五六七八九]{4}", s)) - bool(re.search(r"[:：]", s)) \
                - 2 * bool(_BREADCRUMB.search(s)) - bool(re.match(r"标题|题目|文章标题|[•·●▪]", s)) \
                + 0.5 * (i > 0 and bool(_AGENCY_LINE.match(compact[i - 1])) and bool(re.search(r"\d{4}", s)))
            # a dated title set under its agency's name wins over the same title alone (a page repeats it); a
            # page's bulleted field (• 2020年政府信息公开工作年度报告) is no title line
            if score > best_score:
                best, best_score = i, score
    if best >= 0:
        s = compact[best]
        if best > 0 and _AGENCY_LINE.match(compact[best - 1]) and not _TITLE_AGENCY.match(s):
            return compact[best - 1] + s
        return s
    return ""


def find_year(title: str, lines: list[str], file_name: str = "") -> int | None:
    if m := _TITLE_YEAR_FIRST.match(title):  # "2025年上海市人民政府办公厅政府信息公开工作年度报告"
        return int(m.group(1))
    for text in [title, *(_CITED_DOCUMENT.sub("《》", line) for line in lines[:40])]:
        for pattern in _YEAR_PATTERNS:
            if (m := pattern.search(text)) and 1990 <= (year := int(m.group(1))) <= 2100 \
                    and not _LISTED_REPORT.match(text, m.end()):
                return year
    for line in reversed(lines[-30:]):
        if m := _DATE.match(re.sub(r"\s+", "", line)):
            signed = chinese_year_to_int(m.group(1))
            if signed:
                return signed - 1  # reports are signed early in the following year
    if m := re.search(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)", file_name):
        return int(m.group(1))
    return None


def looks_like_body(name: str) -> bool:
    """A government body's name (…人民政府, …局, …委员会, …镇), not a phrase that happens to end like one."""
    return bool(_BODY_NAME.match(name)) and not _NOT_A_NAME.search(name)


def find_agency(title: str, lines: list[str], publisher: str = "") -> str:
    """The agency from the title, the page's 发布机构, the signature block or the body, checked to be a body's name."""
    for pattern in (_TITLE_AGENCY, _TITLE_YEAR_AGENCY, _TITLE_AGENCY_SUBJECT_YEAR):
        if (m := pattern.match(title)) and not _NOT_A_NAME.search(m.group("agency")):
            return m.group("agency")
    compact_publisher = re.sub(r"\s+", "", publisher)
    if looks_like_body(compact_publisher):
        return compact_publisher
    # The signature block: an agency line just above the date that closes the report body.
    tail = [re.sub(r"\s+", "", line) for line in lines if line.strip()]
    for i in range(len(tail) - 1, 0, -1):
        if _DATE.match(tail[i]) and looks_like_body(tail[i - 1]):
            return tail[i - 1]
    if m := _TITLE_PLACE.match(title) or _YEAR_PLACE.match(title):
        return m.group("agency")
    for line in lines[:5]:  # a title quoted in the opening sentence: "现公布2012年凤安镇政府信息公开工作年度报告"
        if (m := _QUOTED_TITLE.search(line)) and not _NOT_A_NAME.search(m.group("agency")):
            return m.group("agency")
    if named := agency_in_opening(lines):
        return named
    if compiler := _body_compiling_it(lines):
        return compiler
    for text in (title, *lines[:1]):  # "安徽大学2015-2016学年度 信息公开工作年度报告": a university, by academic year
        if m := _UNIVERSITY.match(re.sub(r"\s+", "", text)):
            return m.group("agency")
    for line in lines[:3]:  # "本报告根据《上海海事大学信息公开实施细则》…编制": the university's own disclosure rules
        if m := _UNIVERSITYS_OWN_RULES.search(line):
            return m.group("agency")
    return (body_subject(lines) or body_doing_the_work(lines) or government_of_its_site(lines)
            or government_as_subject(lines) or government_speaking_as_its_place(lines)
            or government_hosting_it(lines) or named_by_its_own_account(lines)
            or enterprise_subject(lines))


# a state-owned enterprise that publishes as a body does ("2024年,桐乡市水务集团有限公司严格贯彻落实《条例》")
_ENTERPRISE = re.compile(r"(?:^|[。；;，,]|年度?[，,]?)\s*(?P<name>[\u4e00-\u9fa5]{2,20}?"
                         r"(?:集团有限公司|有限责任公司|股份有限公司|有限公司|集团公司|集团))"
                         r"(?=认真|坚持|严格|主动|进一步|按照|围绕|高度|全面|积极|深入|始终|切实|扎实|不断|在|通过)")


def enterprise_subject(lines: list[str]) -> str:
    """An enterprise with its place acting in the first lines, when no government body does."""
    for line in lines[:5]:
        for m in _ENTERPRISE.finditer(line[:2000]):
            if _HAS_PLACE.match(m.group("name")) and not _NOT_A_NAME.search(m.group("name")):
                return m.group("name")
    return ""


# "有专人负责微信公众号“钦州市北部湾华侨投资区”运维": a channel of the body's own, named as the body is
_OWN_ACCOUNT = re.compile(r"(?:微信公众号|公众号|政务微博|微博|网站|头条号|抖音号)[“\"](?P<name>[\u4e00-\u9fa5]{4,20}?"
                          rf"{_PLACE_SUFFIX})[”\"]")
_SELF_NAMED_AT_LEAST = 2  # times the report calls itself by the account name's last word (投资区主动公开…)


def named_by_its_own_account(lines: list[str]) -> str:
    """The name of the body's own account, when the report calls itself by that name's last word (投资区 of
    钦州市北部湾华侨投资区) and names no body otherwise."""
    text = "".join(lines[:60])
    names = {m.group("name") for m in _OWN_ACCOUNT.finditer(text)}
    found = [n for n in names if text.replace(f"“{n}”", "").count(n[-3:]) >= _SELF_NAMED_AT_LEAST]
    return found[0] if len(found) == 1 else ""


# "安排2名民警…承担盐津县公安局政府信息公开工作": the body whose own disclosure work the report staffs or does
_DOES_THE_WORK = re.compile(rf"(?:承担|负责|做好|抓好|推进)(?P<agency>[\u4e00-\u9fa5]{{2,20}}?{_BODY_SUFFIX})的?"
                            r"(?:政府信息公开|政务公开)工作")


def body_doing_the_work(lines: list[str]) -> str:
    """The one body named as the owner of the disclosure work, with its place (not 本局, 县政府)."""
    names = {m.group("agency") for line in lines[:60] for m in _DOES_THE_WORK.finditer(line[:3000])}
    names = {n for n in names if looks_like_body(n) and not _GENERIC_BODY.match(n) and not _SUPERIOR.match(n)}
    return names.pop() if len(names) == 1 else ""


_UNIVERSITYS_OWN_RULES = re.compile(r"《(?P<agency>[\u4e00-\u9fa5]{2,20}?(?:大学|学院))(?:信息公开|政务公开)")
_UNIVERSITY = re.compile(r"^(?P<agency>[\u4e00-\u9fa5]{2,20}?(?:大学|学院))(?=[（(]?\d{4}|信息公开|政务公开)")


_OWN_SITE = re.compile(r"[省市县区旗](?=(?:人民)?政府(?:门户)?(?:网站|公报))")
_CJK = re.compile(r"^[\u4e00-\u9fa5]+$")
_NO_PLACE_BEFORE = frozenset("于在本全该各向到至由从对和及与，,。、；;：:（(《“\" ")
# a name starting with a pronoun, a level or 年 is no place's name (本市, 全县, 市政府, 年市审计局)
_NO_PLACE_START = re.compile(r"^(?:本|我|全|该|各|上|下|省|市|县|区|乡|镇|年)")


def government_of_its_site(lines: list[str]) -> str:
    """A report naming no body of its own, only its place's government site or gazette, twice or more (完成东城区
    人民政府网站…, 《东城区政府公报》): that place's government wrote it. The place is the name most mentions share
    (东城区, not 成东城区 of 完成东城区), the longest of those (石家庄市, not 家庄市); none when two places are named
    as often."""
    names: Counter[str] = Counter()
    for line in lines[:60]:
        for m in _OWN_SITE.finditer(line):
            if m.start() == 0 or line[m.start() - 1] in _NO_PLACE_BEFORE:
                continue  # "于区政府门户网站": the level alone, the report's own place unnamed
            names.update(name for k in (2, 3, 4) if _CJK.match(name := line[max(0, m.start() - k): m.end()])
                         and len(name) == k + 1)
    top = max(names.values(), default=0)
    shared = [n for n, c in names.items() if c == top]
    place = max(shared, key=len, default="")
    if top < 2 or any(not place.endswith(n) for n in shared) or _GENERIC_BODY.match(place):
        return ""
    return f"{place}人民政府"


# "本报告的电子版可在兴海县人民政府(http://…)政府信息公开网站下载": the government whose site carries the report
_HOSTED_BY = re.compile(r"电子版[^。；;]{0,6}?(?:在|从|于|登录|访问)\s*(?P<government>[\u4e00-\u9fa5]{2,12}?"
                        r"(?P<level>[省市县区旗])人民政府)(?:[（(][^（）()]{0,60}[）)])?")


def government_hosting_it(lines: list[str]) -> str:
    """A report naming no body, that speaks as its place (我县) and never as a department (我局), and says its
    electronic copy is on a government's site of that level: that government wrote it."""
    head = lines[:60]
    if any(_SPEAKS_AS_A_DEPARTMENT.search(line) for line in head):
        return ""
    for line in head:
        for m in _HOSTED_BY.finditer(line[:3000]):
            government = m.group("government")
            if any(f"我{m.group('level')}" in text for text in head) and not _GENERIC_BODY.match(government):
                return government
    return ""


# "2022年,乌鲁木齐市坚持以…为指导": the year's work opened with a place as the one doing it
_PLACE_ACTING = re.compile(r"(?:^|[。；;])\s*(?:19|20)\d{2}\s*年度?[，,]\s*(?P<place>[\u4e00-\u9fa5]{2,8}?"
                           r"(?:自治区|自治州|省|市|县|区|州|盟|旗))(?=坚持|认真|深入|全面|紧紧|持续|扎实|积极|围绕|按照|以)")
_SPEAKS_AS_A_DEPARTMENT = re.compile(r"[我本][局委办厅署院部]")


def government_as_subject(lines: list[str]) -> str:
    """A report naming no body, whose year opens with its place doing the work and which never speaks as a
    department (我局, 本委): that place's government wrote it."""
    head = lines[:60]
    if any(_SPEAKS_AS_A_DEPARTMENT.search(line) for line in head):
        return ""
    places = {m.group("place") for line in head for m in _PLACE_ACTING.finditer(line[:3000])}
    return f"{places.pop()}人民政府" if len(places) == 1 and not _GENERIC_BODY.match(next(iter(places))) else ""


# "我区政府网站…", "现将2013年我区政府信息公开工作开展情况公布如下": the report speaks as a place of one level
_SPEAKS_AS_A_PLACE = re.compile(r"我(?P<level>[区县市旗])(?![委局办])")
_PLACE_GOVERNMENT_NAMED = re.compile(r"(?P<place>[\u4e00-\u9fa5]{2,6}?[区县市旗])(?:人民)?政府")


def government_speaking_as_its_place(lines: list[str]) -> str:
    """A report naming no body that speaks as its place (我区, never 我局) and names one government of that level
    ("区政府成立了中站区人民政府信息中心"): that government wrote it; "" when it names none or several."""
    head = lines[:60]
    if any(_SPEAKS_AS_A_DEPARTMENT.search(line) for line in head):
        return ""
    levels = {m.group("level") for line in head for m in _SPEAKS_AS_A_PLACE.finditer(line[:3000])}
    if len(levels) != 1:
        return ""
    level = levels.pop()
    places = {bare for line in head for m in _PLACE_GOVERNMENT_NAMED.finditer(line[:3000])
              for bare in [_trailing_place(m.group("place"), level)] if bare}
    return f"{places.pop()}人民政府" if len(places) == 1 else ""


def _trailing_place(words: str, level: str) -> str:
    """The place of the level that ``words`` end with (成立了中站区 → 中站区), or ""."""
    for start in range(len(words) - 3, -1, -1):
        name = words[start:]
        if name.endswith(level) and not _NO_PLACE_START.match(name) and not _LEAD_IN_WORD.match(name) \
                and not re.search(r"了|的|在|和|与|及|是|为|将", name):
            return name
    return ""


def _same_places_body_acting(contact: str, lines: list[str]) -> str:
    """The body of the contact's place that acts in the report's first lines ("2022年,子长市人民政府坚持…"), when it
    is not the contact itself: the office to call answers for it; "" otherwise."""
    acting = body_subject(lines)
    if not acting or acting == contact or re.fullmatch(r"(?:人民)?政府", split_agency(contact)[1]):
        return ""  # (a government to call is the one: 扎赉特旗宝力根花苏木人民政府, not the 宝力根花苏木 acting)
    places, acting_places = split_agency(contact)[0], split_agency(acting)[0]
    if not places or not acting_places or bare_place(places[-1]) != bare_place(acting_places[-1]):
        return ""
    return acting if is_place_government(split_agency(acting)[1]) else ""


def agency_in_opening(lines: list[str]) -> str:
    """The report named with its agency in the opening sentence, the contact sentence of the preamble, or a page's
    byline (a body and a date) — each checked to be a body's own name, not 区政府办公室."""
    for line in lines[:10]:
        named = [m for pattern in (_NAMED_REPORT, _REPORT_COVERS, _CONTACT) for m in pattern.finditer(line[:3000])
                 if _is_named_body(m.group("agency"), pattern is not _CONTACT)]
        if named:
            name = named[0].group("agency")
            if named[0].re is _CONTACT and (compiler := _body_compiling_it(lines)) \
                    and not is_place_government(split_agency(compiler)[1]):
                # "由上海市公安局长宁分局编制…请联系长宁公安分局…": the department compiling it, in full (a
                # government's office compiles the government's report: the contact's name stays)
                return compiler
            if (bureau := _bureau_speaking(name, [m.group("agency") for m in named[1:]], lines)):
                return bureau
            if named[0].re is _CONTACT and (acting := _same_places_body_acting(name, lines)):
                return acting  # "请联系子长市政府政务服务中心" in a report where 子长市人民政府 does the work
            if named[0].re is _CONTACT and (office := _GOVERNMENTS_DISCLOSURE_OFFICE.match(name)):
                # "请与青岛市政府信息公开办公室联系": the government's office for disclosure answers for the government
                return office.group("place") + "人民政府"
            return SUB_PLACE_GLOSS.sub(lambda g: f"（{g.group(1)}）", name)
        if (byline := _BYLINE.match(line.strip())) and looks_like_body(byline.group("agency")):
            return byline.group("agency")
    for line in lines[:10]:
        for m in _OWN_SUB_SITE.finditer(line[:3000]):
            # "通过渝中区人民政府大溪沟街道办事处子网站主动公开…": the sub-site is the body's own, whatever its kind
            if looks_like_body(m.group("agency")) and not _GENERIC_BODY.match(m.group("agency")):
                return m.group("agency")
        for m in _OWN_SITE_PUBLISHES.finditer(line[:3000]):
            name = m.group("agency")
            if looks_like_body(name) and not is_place_government(split_agency(name)[1]) \
                    and (not _GENERIC_BODY.match(name) or _LEVEL_ONLY.match(name)):
                return name  # (a level's department, 市人社局, takes its place from the text: with_its_place)
    return ""



_GOVERNMENTS_DISCLOSURE_OFFICE = re.compile(r"^(?P<place>[\u4e00-\u9fa5]{2,12}?[省市县区旗])(?:人民)?政府"
                                            r"(?:信息公开|政务公开|政府信息公开)办公室$")


def _is_named_body(name: str, named_report: bool) -> bool:
    core = SUB_PLACE_GLOSS.sub("", name)  # "南通外向型农业综合开发区(苴镇街道)": a zone, its street
    # "现向社会公布西安市长安区2024年…报告": a place named as the report's subject stands for its government
    # (an office by its short name, 牡丹江市人防办, when the report is named with it)
    return (looks_like_body(core) or named_report and bool(_PLACE_NAME.match(core)
                                                           or _SHORT_OFFICE.match(core) and _HAS_PLACE.match(core))
            and not _NOT_A_NAME.search(name)) and not _GENERIC_BODY.match(core)


_COMPILES_ITS_REPORT = re.compile(rf"(?:^|[。；;，,])\s*(?P<agency>[\u4e00-\u9fa5]{{2,30}}?{_BODY_SUFFIX})"
                                  r"[^。；;，,]{0,12}?[，,]?\s*编制(?:了)?(?:本单位|本机关|本部门|本)?\s*\d{4}\s*年")
# "由江干区行政审批服务管理办公室(公共资源交易管理委员会办公室)编制", "本报告由三原县教育局根据《…》规定编制",
# "依据《条例》第五十条之规定,由广州市生态环境局制作本报告" (the 2019 rules' own words)
_COMPILED_BY = re.compile(rf"由([\u4e00-\u9fa5]{{2,30}}?(?:{_BODY_SUFFIX}|办))(?:[（(][^（）()]{{1,30}}[）)])?"
                          r"(?:负责|编制|制作本|组织|牵头|会同|发布|(?:根据|依据|按照)[^。；;]{0,80}?编制)")


def _body_compiling_it(lines: list[str]) -> str:
    """"由吉林省人防办编制", "…要求,黄龙县市场监督管理局结合单位实际,编制本单位2022年度…年度报告": the body the
    opening says compiled it."""
    for line in lines[:10]:
        for m in _COMPILED_BY.finditer(line[:2000]):
            # (an office's short name, …办, too, where the body is said to write it)
            name = m.group(1)
            # an office with no place of its own (由综合办公室牵头负责) is a unit inside the body, not the body
            if (looks_like_body(name) and _HAS_PLACE.match(name)
                    or _SHORT_OFFICE.match(name) and not _NOT_A_NAME.search(name)):
                return name
            if looks_like_body(name) and (placed := _with_place_written_elsewhere(name, lines)):
                return placed
    for line in lines[:5]:
        for m in _COMPILES_ITS_REPORT.finditer(line[:2000]):
            if looks_like_body(m.group("agency")) and _HAS_PLACE.match(m.group("agency")):
                return m.group("agency")
    return ""


def _with_place_written_elsewhere(name: str, lines: list[str]) -> str:
    """"由武进地税局编制" in a report that writes 武进区 elsewhere: the body's place named short, with its level put
    back as the text writes it (武进区地税局); "" when the text never writes the place with a level."""
    text = "".join(lines[:20])
    for size in (2, 3):
        place, rest = name[:size], name[size:]
        if len(rest) < 2 or not looks_like_body(rest):
            continue
        levels = {m.group(1) for m in re.finditer(re.escape(place) + r"(省|市|县|区|旗)", text)}
        if len(levels) == 1:
            return place + levels.pop() + rest
    return ""


_SELF_AS_BUREAU = re.compile(r"[我本]局")


def _bureau_speaking(named: str, others: list[str], lines: list[str]) -> str:
    """A report naming a government in its opening ("现公布西秀区人民政府…年度报告", a template reused) whose text
    speaks as a bureau (我局) and whose contact is a bureau of the same place: that bureau wrote it."""
    places, department = split_agency(named)
    if not places or not is_place_government(department):
        return ""
    if not _SELF_AS_BUREAU.search("".join(lines[:60])):
        return ""
    place = bare_place(places[-1])
    for other in others:
        o_places, o_department = split_agency(other)
        same_place = other.startswith(place) or bool(o_places) and o_places[-1] in (places[-1], place)
        if o_department.endswith("局") and same_place:
            return other
    return ""


# The body names its agency as the subject of what it did: "2009年，水利部主动公开政府信息1192条", also when it
# gives its short name first: "2021年,汕尾市公安局(以下简称“市公安局”)以…为指导".
_SUBJECT = re.compile(rf"(?:^|[。；，,]|年度?[，,]?)\s*(?P<name>[\u4e00-\u9fa5]{{2,20}}?{_BODY_SUFFIX})"
                      r"(?:[（(](?:以下)?简称[^（）()]{1,20}[）)])?"
                      r"(?=认真|坚持|主动|共|全年|进一步|按照|依托|通过|不断|积极|高度|严格|切实|着力|继续|加强|收到|受理|围绕|深入|"
                      r"始终|全面|扎实|把|将|对|在|以|没有|未|(?:政府信息公开|政务公开)工作(?:在|取得|坚持|以)"
                      # its own channels named at a clause's start: "，玉林市民政局网站公开信息总数357条"
                      r"|(?:门户)?网站(?:公开|发布)|微信公众号(?:公开|发布)|政务微博(?:公开|发布))")
_SUPERIOR = re.compile(r"^(?:国务院|省政府|省人民政府|市政府|国家)(?:办公厅|办公室)?$|^[省市县区]$")


def body_subject(lines: list[str]) -> str:
    """The body's most frequent acting body name (at least twice, or once in the report's first lines)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, line in enumerate(lines[:60]):
        for m in _SUBJECT.finditer(line[:3000]):
            name = m.group("name")
            if looks_like_body(name) and not _SUPERIOR.match(name):
                counts[name] = counts.get(name, 0) + 1
                first.setdefault(name, i)
    if not counts:
        return ""
    name = max(counts, key=lambda n: (counts[n], -first[n]))
    # once is enough early in the report, or when no other body acts in it ("牛街乡人民政府通过信息平台公开…")
    return name if counts[name] >= 2 or first[name] <= 3 or len(counts) == 1 else ""


def clean_title(title: str) -> str:
    title = _TITLE_COLUMN.sub("", _HEADING_MARK.sub("", _TITLE_PREFIX.sub("", title.strip())).strip()).strip()
    return title.rstrip("|｜ \t")  # a table cell's bar left after a title saved from a page's layout table


_QUOTED_REPORT = re.compile(rf"{_REPORT_VERB}《(?P<title>[^《》]{{6,80}}?(?:年度报告|年报))》")


def title_in_opening(lines: list[str]) -> str:
    """A report whose page lost its title line names itself in its opening sentence: "现发布《银川市兴庆区人民政府
    2023年政府信息公开工作年度报告》"."""
    for line in lines[:5]:
        if m := _QUOTED_REPORT.search(line[:1000]):
            return m.group("title")
    return ""


def detect_metadata(lines: list[str], file_name: str = "", header: PageHeader | None = None) -> Metadata:
    """Title, agency and year; a page saver's header block (标题 / 发布机构 / 发布时间) is one more witness."""
    header = header or PageHeader()
    title = clean_title(find_title(lines)) or title_in_opening(lines)
    header_title = re.sub(r"\s+", "", clean_title(header.title))
    if header_title and ("报告" in header_title or "年报" in header_title) and len(header_title) <= 80:
        title = header_title
    year = find_year(title, lines, file_name)
    if year is None and (m := re.match(r"^\s*(\d{4})", header.date)):
        year = int(m.group(1)) - 1  # a report is published early in the year after the one it covers
    agency = with_publishers_place(find_agency(title, lines, header.publisher), header.publisher)
    agency = full_name_of(agency, lines) or expanded_short_name(agency, lines) or place_spelled_out(agency, lines) \
        or with_its_place(agency, lines)
    agency = with_towns_county(with_zones_full_name(with_governments_place(agency, lines), lines), lines)
    return Metadata(title=title, agency=_TOWNS_OFFICE.sub("", without_lead_in(agency)), year=year)


_TOWN_ALONE = re.compile(r"^(?P<town>[^县区市旗州省]{1,5}(?:镇|乡|街道))(?:人民政府|办事处)?$")


def with_towns_county(agency: str, lines: list[str]) -> str:
    """"太平镇人民政府" whose address is "姚安县太平镇太平街6号": a town named alone (many counties have a 太平镇) is
    the one of the county its text places it in, when it names one county and no other."""
    if not (m := _TOWN_ALONE.match(agency)):
        return agency
    text = "\n".join(lines[:60])
    counties = {county for c in re.finditer(r"([\u4e00-\u9fa5]{1,10}?[县区市旗])" + re.escape(m.group("town")), text)
                if (county := _county_of(c.group(1)))}
    return counties.pop() + agency if len(counties) == 1 else agency


def _county_of(words: str) -> str:
    """The county-level place that ends the words before a town: "安徽省池州市青阳县" → 青阳县, "请与饶平县" → 饶平县;
    "" when none is left (a name led by a level, 市中区, is not told from 本市's words)."""
    words = re.split(r"[^\u4e00-\u9fa5]|请与|可与|通过|经过|按照|依据|根据|结合|联系", words)[-1]
    words = _VERBS_BEFORE_A_PLACE.sub("", words)
    cut = max(words.rfind(c, 0, len(words) - 1) for c in "省市州")
    if cut >= 0 and len(words) - cut - 1 >= 3:
        words = words[cut + 1:]
    if len(words) < 2 or _NO_PLACE_START.match(words) or words[0] in _BEFORE_A_PLACE:
        return ""
    return words


# "请与富文镇人民政府党政办公室联系": the office that compiles a town's report, not the body it reports on
_TOWNS_OFFICE = re.compile(r"(?<=[镇乡])(?:人民政府)?党政(?:综合)?办(?:公室)?$")


_LEAD_IN_VERB = re.compile(r"^.*?(?:结合|根据|依据|按照|会同|对照|[现特]发布|[现特]公布|现予公布|向社会公布|向社会发布)"
                           r"(?=[\u4e00-\u9fa5]{4})")
_TIME_WORD = r"全年|今年|本年度?|当年|年内|去年|年度"  # words of time, never of a place
_LEAD_IN_TIME = re.compile(rf"^(?:{_TIME_WORD})")
_LEAD_IN_WORD = re.compile(r"^(?:年度|年|及|和|与|同|经|对|向|了)")


def without_lead_in(agency: str) -> str:
    """"结合国家税务总局芜湖市镜湖区税务局", "年安阳县住建局" (of "2025年安阳县住建局"): the words a sentence puts
    before a body's name are not the name; a first character is dropped only when a placed name is left (和平区
    stays)."""
    name = _LEAD_IN_VERB.sub("", agency)
    if (m := _LEAD_IN_TIME.match(name)) and looks_like_body(rest := name[m.end():]):
        name = rest  # "2022年全年市审计局主动公开…": a time word, then a body named by its level alone
    if (m := _LEAD_IN_WORD.match(name)) and _HAS_PLACE.match(rest := name[m.end():]) and looks_like_body(rest):
        name = rest
    if (m := _INNER_OFFICE.match(name)) and (looks_like_body(body := m.group("body"))
                                             or body.endswith("馆") and _HAS_PLACE.match(body)):
        # "由海南省地震局办公室编制", "由樟树市档案馆办公室编制": the body's own office writes the body's report
        return body
    return name if looks_like_body(name) else agency


# an office inside a department (地震局办公室), not the general office of a government or a committee (人民政府办公室,
# 管委会办公室, 县委办公室), which is a body of its own
_INNER_OFFICE = re.compile(r"^(?P<body>[\u4e00-\u9fa5]{2,30}?(?:局|厅|署|院|中心|馆))办公室$")


_ALIAS = r"[（(]\s*(?:以下)?简称[：:]?\s*[“\"]?{}[”\"]?\s*[）)]"


def full_name_of(agency: str, lines: list[str]) -> str:
    """"由广西壮族自治区北部湾经济区规划建设管理办公室(以下简称自治区北部湾办)编制": a title's short name is the
    alias the text defines; the name it stands for is the agency's."""
    if not agency:
        return ""
    text = "\n".join(lines[:60])
    for m in re.finditer(_ALIAS.format(re.escape(agency)), text):
        name = re.split(r"[\s，,。；;：:、“”\"《》]|由|是|为|的", text[max(0, m.start() - 60):m.start()])[-1]
        if looks_like_body(name) and name != agency:
            return name
    return ""


def expanded_short_name(agency: str, lines: list[str]) -> str:
    """"财金局2016年…报告" and, in the text, 平潭综合实验区财政金融局: a title's short name (no place, two or three
    characters before its suffix) is the text's full name that spells its characters in order, with its place."""
    m = re.fullmatch(r"([\u4e00-\u9fa5]{2,3})(局|委|办|厅)", agency)
    if m is None or _HAS_PLACE.match(agency) or _LEVEL_ONLY.match(agency):
        return ""  # 市审计局 is named by its level (with_its_place), no short name of a longer one
    short, suffix = m.groups()
    spelled = "".join(f"{re.escape(c)}[\u4e00-\u9fa5]{{0,3}}?" for c in short)
    found = Counter(re.split(r"是|由|在", n.group(1))[-1] for n in re.finditer(
        rf"([\u4e00-\u9fa5]{{2,20}}?{spelled}{suffix})", "\n".join(lines[:60])))
    names = [n for n, _ in found.most_common() if _HAS_PLACE.match(n) and looks_like_body(n)]
    return names[0] if names else ""


def place_spelled_out(agency: str, lines: list[str]) -> str:
    """"巴州人民政府" of a page headed 巴音郭楞蒙古自治州人民政府: a place written short (its first character and its
    level) is the longer place of the text that starts with that character and ends with that level, before the
    same department; "" when the text writes no such name, or more than one."""
    m = re.fullmatch(r"(?P<first>[\u4e00-\u9fa5])(?P<level>[省市县区州盟旗])(?P<body>[\u4e00-\u9fa5]{2,})", agency)
    if m is None:
        return ""
    # (written whole: at a line's start or after a mark, not inside another name)
    pattern = rf"(?<![\u4e00-\u9fa5]){m['first']}[\u4e00-\u9fa5]{{1,12}}?{m['level']}{re.escape(m['body'])}"
    # (a long place that writes the short one inside it, 巴格住建大厦巴州住建局, is an address, not the place)
    names = {n.group(0) for n in re.finditer(pattern, "\n".join(lines[:60]))
             if m["first"] + m["level"] not in n.group(0)}
    return names.pop() if len(names) == 1 and looks_like_body(next(iter(names))) else ""


_HAS_PLACE = re.compile(rf"^[\u4e00-\u9fa5]{{2,20}}?{_PLACE_SUFFIX}|^[\u4e00-\u9fa5]{{2,}}(?:镇|乡|苏木|街道)")


def with_publishers_place(agency: str, publisher: str) -> str:
    """A department named without its place in the title ("公安局2009年度…报告" on the county's own site), completed
    from the page's publisher when that names the same department after a place (发布机构: 平潭县公安局办公室)."""
    publisher = re.sub(r"\s+", "", publisher)
    if not agency or _HAS_PLACE.match(agency) or _LEVEL_ONLY.match(agency):
        return agency
    at = publisher.find(agency)
    if at < 2 or not _HAS_PLACE.match(place := publisher[:at]) or not re.fullmatch(r"[\u4e00-\u9fa5]+", place):
        return agency
    return place + agency


# "县人民政府办公室", "市教育局": a title on the site of the place itself leaves the place's name out
_LEVEL_ONLY = re.compile(LEVEL_ONLY_DEPARTMENT.pattern + r"|^(?:自治区|自治州|自治县|[省市县区])(?:人民)?政府$")
_BOUNDARY = r"(?:^|(?<=[\s,，。、;；:：《“\"(（年]))"


def with_its_place(agency: str, lines: list[str]) -> str:
    """An agency named by its level alone, completed with the place the text names: the name written whole
    (铜仁市教育局), else the text's most frequent place of that level (湟源县 for 县人民政府办公室)."""
    if not _LEVEL_ONLY.match(agency):
        return agency
    text = "\n".join(lines[:60])
    level = next(w for w in ("自治区", "自治州", "自治县", agency[0]) if agency.startswith(w))
    before = rf"{_BOUNDARY}([\u4e00-\u9fa5]{{2,4}}?)"
    def places_before(after: str) -> Counter[str]:
        # the words a sentence puts before a name are left out (结合盂县…, 按照市审计局, 把盘锦审计网); a time word is
        # no place ("2022年全年市审计局": 全年), nor words ending in a preposition or 我 (电子版在市人社局, 宣传我省)
        names = (_VERBS_BEFORE_A_PLACE.sub("", m.group(1)) for m in re.finditer(before + after, text))
        return Counter(n for n in names if n and not _NO_PLACE_START.match(n) and "简称" not in n
                       and not re.search(_TIME_WORD, n) and n[-1] not in _BEFORE_A_PLACE and n[-1] != "我")
    if whole := places_before(re.escape(agency)):
        return whole.most_common(1)[0][0] + agency
    places = places_before(rf"{level}(?![\u4e00-\u9fa5]?级)")
    if not places and len(domain := re.sub(r"(?:局|委员会|委|办公室|中心)$", "", agency[len(level):])) >= 2:
        # "盘锦审计网作为审计政务公开的主要平台": the body's own site, named by its place and its field
        places = places_before(rf"{re.escape(domain)}(?:信息)?网")
    return places.most_common(1)[0][0] + level + agency[len(level):] if places else agency


# the words a sentence puts before a body's name (结合, 现发布, 并通过, 把, 调整充实, 可与…联系): never a place's
_VERBS_BEFORE_A_PLACE = re.compile(r"^(?:[并现特]|[可请]?与|结合|根据|依据|按照|会同|对照|通过|经过|发布|公布|把|将|向|"
                                   r"利用|依托|借助|依靠|运用|参照|调整|充实|完善|健全|成立|组建|落实|加强)+")
_GOVERNMENT_AFTER_PLACE = re.compile(r"[市县区旗](?:人民)?政府")
_BEFORE_A_PLACE = _NO_PLACE_BEFORE | frozenset("经的或\n")
_DEPARTMENT_ONLY = re.compile(r"^[\u4e00-\u9fa5]{2,14}(?:局|委员会|委|办公室|中心)$")


def with_governments_place(agency: str, lines: list[str]) -> str:
    """"2015年度工业和信息化局…报告" whose text points to 磐石市人民政府's site: a department named with no place at
    all is its place's department when the text names one place's government and no other."""
    if not agency or not _DEPARTMENT_ONLY.match(agency) or _HAS_PLACE.match(agency) or _LEVEL_ONLY.match(agency) \
            or _GENERIC_BODY.match(agency) or "政府" in agency:
        return agency
    text = "\n".join(lines[:60])
    places = set()
    for m in _GOVERNMENT_AFTER_PLACE.finditer(text):
        # the place is the shortest name (2–4 characters) that a word or a mark stands before: 甲乙市 of 可在甲乙市
        for k in (2, 3, 4):
            start = m.start() - k
            name = text[max(0, start):m.start() + 1]
            if start >= 0 and _CJK.match(name) and (start == 0 or text[start - 1] in _BEFORE_A_PLACE):
                if not _NO_PLACE_START.match(name):
                    places.add(name)
                break
    # "宁县卫生健康局" of a text writing 依托宁县人民政府: a one-character county's department has its place already
    if any(agency.startswith(place[-k:]) for place in places for k in (2, 3)):
        return agency
    return f"{places.pop()}{agency}" if len(places) == 1 else agency


_ZONE_WORD = r"(?:开发区|高新区|经开区|新区|园区|试验区|实验区)"
_ZONE_ALONE = re.compile(rf"^(?P<zone>{_ZONE_WORD})(?P<body>[\u4e00-\u9fa5]*)$")
# a zone's short kind and the long ones it stands for (经开区: 经济技术开发区, 经济开发区)
_ZONE_LONG_FORMS = {"经开区": ("经济技术开发区", "经济开发区"), "高新区": ("高新技术产业开发区", "高新技术开发区")}


_VERB_IN_NAME = re.compile(r"公布|发布|根据|依据|按照|结合|编制")


def with_zones_full_name(agency: str, lines: list[str]) -> str:
    """"开发区党工委" of a report that writes 《西宁经济技术开发区政府信息公开指南》: a zone named by its kind alone is
    the zone whose full name (a place, then that kind or the long kind its short one stands for: 经开区, 安顺经济技术
    开发区) the text writes, the most often written one."""
    m = _ZONE_ALONE.match(agency)
    if m is None:
        return agency
    text = "\n".join(lines[:60])
    zone = m.group("zone")
    kinds = "|".join(re.escape(k) for k in (zone, *_ZONE_LONG_FORMS.get(zone, ())))
    names = Counter(n.group(1) for n in re.finditer(
        rf"(?:^|(?<=[《“\"\s，,。、；;：:（(在于由向]))([\u4e00-\u9fa5]{{2,14}}?(?:{kinds}))", text))
    # a name spelled out in full (安顺经济技术开发区) first, then the most often written
    for name in sorted(names, key=lambda n: (n.endswith(zone), -names[n])):
        if not _NO_PLACE_START.match(name) and not name.startswith(zone) and not _VERB_IN_NAME.search(name) \
                and not _NOT_A_NAME.search(name):
            return name + m.group("body")
    return agency


def is_signature_line(line: str) -> bool:
    s = re.sub(r"\s+", "", line)
    return bool(_DATE.match(s) or (len(s) <= 30 and _AGENCY_LINE.match(s)))


_REPORT_TITLE = re.compile(r"(?:年度报告|年报)")
_SENTENCE_WORDS = re.compile(r"^本(?:年度)?报告|根据|依据|按照|《")
_HEADING_MARK = re.compile(r"^#+")  # a Markdown heading
_DISCLOSURE = re.compile(r"(?:信息公开|政务公开)")
_PLACE_NAME = re.compile(rf"^[\u4e00-\u9fa5]{{2,20}}{_PLACE_SUFFIX}$")


def is_report_title(line: str) -> bool:
    """A report's title, not a sentence about the report ("本年度报告根据《…条例》…" names the same words)."""
    s = _HEADING_MARK.sub("", re.sub(r"\s+", "", line))
    return 8 <= len(s) <= 80 and bool(_REPORT_TITLE.search(s) and _DISCLOSURE.search(s)) and not s.endswith("。") \
        and not _SENTENCE_WORDS.search(s)


def report_start(lines: list[str]) -> int:
    """Index of the report's title line when site text (menus, links) comes before it, else 0.

    A page's menus rarely end in a sentence; the report proper starts at its title (with the agency's name on the
    line above when the title is set in two lines). Only the first half of the page is searched, so a title quoted
    near the end never cuts the report away."""
    for i, line in enumerate(lines[: max(1, len(lines) // 2)]):
        after = re.sub(r"\s+", "", lines[i + 1]) if i + 1 < len(lines) else ""
        if is_report_title(line) or (len(after) <= 12 and not is_report_title(after)
                                     and is_report_title(line.strip() + after)):  # 「…信息公开」「工作年度报告」
            above = re.sub(r"\s+", "", lines[i - 1]) if i > 0 else ""
            # (the agency with the year: 「赣州市南康区卫生健康委2022年」「政府信息公开工作年度报告」)
            named = re.sub(r"[（(]?(?:19|20)\d{2}年度?[）)]?$", "", above)
            return i - 1 if named and (_AGENCY_LINE.match(named) or _PLACE_NAME.match(named)) else i
    return 0

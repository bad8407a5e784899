"""Agency names and the short forms people use: 瓯海区 / 瓯海区政府 for 温州市瓯海区人民政府, 卫健委 for 卫生健康委员会.

A rule does most of the work (drop the higher-level place prefixes, 人民政府 → 政府 → nothing); the lexicon adds
the usual department abbreviations that the rule cannot produce.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from .cedict import english_place_names
from .language import question_language
from .lexicon import glossary_entries, glossary_terms, load_lexicon

_LEVEL = re.compile(r"(.+?(?:自治区|自治州|省|市|区|县|旗|盟))")
# (分局, 支局 alone: any body's branch, no name of one)
_GENERIC = re.compile(r"^(人民政府|政府|政府办|政府办公室|政府办公厅|[省市区县]?(人民)?政府|分局|支局)$")


def agency_aliases(agency: str) -> set[str]:
    """The names people use for an agency (a copy: callers may change it)."""
    return set(_agency_aliases(agency))


@lru_cache(maxsize=65536)
def _agency_aliases(agency: str) -> frozenset[str]:
    return frozenset(_derive_aliases(agency))


_GOVERNMENT_SHORT_NAMES = (("人民政府办公室", "政府办"), ("人民政府办公室", "政府办公室"),
                           ("人民政府办公厅", "政府办公厅"), ("人民政府", "政府"))
_OTHER_NAME = re.compile(r"^(?P<first>[\u4e00-\u9fa5]{2,40})[（(](?P<second>[\u4e00-\u9fa5]{3,20})[）)]$")


def _derive_aliases(agency: str) -> set[str]:
    if not agency:
        return set()
    aliases = {agency}
    if other := _OTHER_NAME.match(agency):
        # "淮北市妇幼保健计划生育服务中心(市妇幼保健院)": one body, two names; a bracketed name that starts with a
        # level (市…) is of the first name's place (淮北市妇幼保健院)
        first, second = other.group("first"), other.group("second")
        place = next((p for p in _split_agency(first)[0] if p.endswith(second[0])), "") if second[0] in "省市县区" \
            else ""
        return {agency} | _derive_aliases(first) | _derive_aliases(place + second[1:] if place else second)
    if system := _SYSTEM_PREFIX.match(agency):  # 国家税务总局珠海市税务局 is 珠海市税务局 to its readers
        aliases |= _derive_aliases(agency[system.end():])
    # progressively drop the leading administrative levels: 温州市瓯海区人民政府 → 瓯海区人民政府
    rest = agency
    while (m := _LEVEL.match(rest)) and len(rest) > len(m.group(1)):
        rest = rest[len(m.group(1)):]
        if len(rest) >= 2:
            aliases.add(rest)
        if rest.startswith(("人民政府", "政府")):
            break
    for name in list(aliases):
        for long, short in _GOVERNMENT_SHORT_NAMES:
            if name.endswith(long):
                base = name[: -len(long)]
                aliases.add(base + short)
                if long == "人民政府" and len(base) >= 2:
                    aliases.add(base)  # 瓯海区人民政府 → 瓯海区
                    if len(base) >= 3 and base[-1] in "省市区县":
                        aliases.add(base[:-1])  # 瓯海
        aliases |= _abbreviation_aliases(name)
    places, department = _split_agency(agency)
    if department in _ZONE_BODIES and places and places[-1].endswith(("区", "园")):
        aliases.add(places[-1])  # a zone's committee is its government: "深汕特别合作区" names it alone
    aliases = {a for a in aliases if len(a) >= 2 and not _GENERIC.match(a)}
    return aliases | {p for a in aliases if len(a) <= 4 and re.fullmatch(r"[\u4e00-\u9fa5]+", a) for p in _pinyins(a)}


_SCHOOL_NAME = re.compile(r"([\u4e00-\u9fa5]{2,4}?)((?:师范|科技|理工|工业|农业|医科|财经)?(?:大学|学院))")
# a park or zone named by its own place's name before its field (江南 of 江南科技产业园管理委员会, 五华科技产业园)
_ZONE_BODIES = frozenset({"管委会", "管理委员会", "管理局", "管理办公室"})  # the bodies that run a zone
_PARK_NAME = re.compile(r"^([\u4e00-\u9fa5]{2,3}?)(?:科技|高新|经济|产业|工业|物流|农业|文化|临空|临港)"
                        r"[\u4e00-\u9fa5]{0,6}?(?:园区|园|开发区|新区)(?:" + "|".join(sorted(_ZONE_BODIES, key=len,
                                                                                     reverse=True)) + ")")


def _abbreviation_aliases(name: str) -> set[str]:
    """The usual short forms of a name's department (住房和城乡建设局 → 住建局), and the full form of a name that
    is written short (巴州住建局 → 巴州住房和城乡建设局: asked for by either)."""
    aliases = set()
    for long, shorts in load_lexicon().agency_abbreviations.items():
        if name.endswith(long):
            for short in shorts:
                aliases.add(name[: -len(long)] + short)
                aliases.add(short)
        for short in shorts:
            if short != long and len(short) >= 3 and name.endswith(short) and len(name) > len(short):
                aliases.add(name[: -len(short)] + long)
    return aliases


@lru_cache(maxsize=65536)
def body_keys(agency: str) -> frozenset[str]:
    """The agency's names with a place and a department, written one way (人民政府 → 政府, 委员会 → 委, 政府办公室 →
    政府办): two reports of one body whose names were read differently ("泉州市洛江区人民政府办公室" from a title,
    "洛江区政府办公室" from a page without one) share one."""
    keys = set()
    for name in _agency_aliases(agency):
        places, department = split_agency(name)
        if not places or not department or not re.fullmatch(r"[\u4e00-\u9fa5]+", name):
            continue
        key = name.replace("人民政府", "政府")
        key = key[: -len("委员会")] + "委" if key.endswith("委员会") else key
        key = key[: -len("办公室")] + "办" if key.endswith("政府办公室") else key
        keys.add(key)
    return frozenset(keys)


@lru_cache(maxsize=8)
def _bodies(agencies: tuple[str, ...]) -> dict[str, frozenset[str]]:
    by_key: dict[str, set[str]] = {}
    for agency in agencies:
        for key in body_keys(agency):
            by_key.setdefault(key, set()).add(agency)
    return {key: frozenset(names) for key, names in by_key.items()}


def same_bodies(named: Iterable[str], agencies: Sequence[str]) -> set[str]:
    """The named agencies and every indexed agency that is the same body under another reading of its name (a town
    read with its county in one year's report and without it in another's: 大冶市东风路街道, 东风路街道)."""
    named = list(named)
    bodies = _bodies(tuple(agencies))
    same = set(named) | {other for agency in named for key in body_keys(agency) for other in bodies.get(key, ())}
    for agency in named:
        if town := _town_of(agency):
            same |= {other for other in agencies if _town_of(other) == town
                     and (len(split_agency(other)[0]) == 1 or len(split_agency(agency)[0]) == 1)}
    return same


def _town_of(agency: str) -> str:
    """The town, township or sub-district an agency is the government of ("" for any other body)."""
    places, department = split_agency(agency)
    if not places or department not in ("", "人民政府", "办事处", "街道办事处") \
            or not re.search(r"(?:镇|乡|街道)$", places[-1]):
        return ""
    return places[-1]


@lru_cache(maxsize=65536)
def _pinyin(name: str) -> str:
    """瓯海 → ouhai, so English questions can name the place ("Ouhai", "Huai'an")."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name)).lower()


@lru_cache(maxsize=256)
def reading_of(text: str) -> str:
    """A Chinese text in pinyin, without spaces (for finding an English place name in a report's own words)."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).lower()


@lru_cache(maxsize=65536)
def _pinyins(name: str) -> frozenset[str]:
    """Every reading of a place name: pypinyin reads 朝阳 as the morning sun (zhaoyang), the place is Chaoyang."""
    from itertools import islice, product

    from pypinyin import Style, pinyin

    syllables = pinyin(name, style=Style.NORMAL, heteronym=True)
    readings = {_pinyin(name), *("".join(r).lower() for r in islice(product(*syllables), 16))}
    # the usual spelling of 儿-final syllables in place names drops the e (哈尔滨 Harbin, 齐齐哈尔 Qiqihar)
    readings |= {r.replace("aer", "ar") for r in readings if "aer" in r}
    # a street named for its road or street, the ending translated ("光明路街道": the Guangming Road sub-district)
    for ending, english in _STREET_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            readings |= {stem + word for stem in _pinyins(name[: -len(ending)]) for word in english}
            break
    exonyms = load_lexicon().place_english
    for known, names in exonyms.items():
        # "科尔沁右翼中": a banner named for its Mongolian name, then its wing and part (Horqin Right Middle)
        if name.startswith(known) and name != known and (rest := _banner_part_readings(name[len(known):])):
            readings |= {n + part for n in names for part in rest}
    # (and the names the dictionary gives it: 巴音郭楞 Bayingolin, 兴安盟 Hinggan)
    return frozenset(readings | set(exonyms.get(name, ())) | english_place_names(name))


_STREET_ENDINGS = (("大街", ("avenue", "street")), ("路", ("road",)), ("街", ("street",)))
# the words after a banner's name, translated: 右翼中旗 is the Right (Wing) Middle Banner
_BANNER_PARTS = {"右翼": ("right", "rightwing"), "左翼": ("left", "leftwing"), "右": ("right",), "左": ("left",),
                 "中": ("middle",), "前": ("front",), "后": ("rear", "back"), "联合": ("united",),
                 "东": ("east",), "西": ("west",)}


def _banner_part_readings(rest: str) -> set[str]:
    """Every English reading of a banner's parts ("右翼中": rightmiddle, rightwingmiddle); none when a character is
    not one of them."""
    if not rest:
        return {""}
    readings: set[str] = set()
    for part, english in _BANNER_PARTS.items():
        if rest.startswith(part) and (tails := _banner_part_readings(rest[len(part):])):
            readings |= {e + tail for e in english for tail in tails}
    return readings


def match_agencies(text: str, agencies: list[str]) -> list[str]:
    """Indexed agencies named in the text, by their longest alias found."""
    found: list[tuple[int, str]] = []
    lowered = _latin(text)
    for agency in agencies:
        best = max((len(a) for a in agency_aliases(agency) if (a in lowered if a.isascii() else a in text)), default=0)
        if best:
            found.append((best, agency))
    if not found:
        return []
    top = max(n for n, _ in found)
    return [a for n, a in found if n == top]


def _latin(text: str) -> str:
    return re.sub(r"[^a-z\u4e00-\u9fff]", "", text.lower())


def place_is_known(place: str, agencies: list[str]) -> bool:
    if place.isascii():
        name = _latin(place)
        return any(name and (a in name or name in a)
                   for agency in agencies for a in agency_aliases(agency) if a.isascii())
    return any(place in agency or any(place in a or a in place for a in agency_aliases(agency) if len(a) >= 2)
               for agency in agencies)


def may_name(text: str, agency: str) -> bool:
    """The text names no department other than the agency's own (瓯海区教育局 is not 瓯海区人民政府) and names one of
    its places (宣武区, or "Xuanwu District" in pinyin) or its department ("the Dashilan street office": 大栅栏 has a
    reading pinyin does not give): it may name the agency in words no rule reads."""
    english = not re.search(r"[\u4e00-\u9fff]", text)
    is_named = _place_finder(text, _latin(text), english)
    places, department = _split_agency(agency)
    depts = english_departments(text) if english else department_mentions(text)
    if not all(department_matches(d, department) for d in depts):
        return False
    return any(is_named(p) for p in places) or bool(depts)


# ---------------------------------------------------------------------------------------------------------------
# Which indexed agencies a question names: a place (its lowest level: 东湖 of 青禾市东湖区…) and, when the question
# names a department (卫健委, 人社局, 政府, "Health Commission"), that department too. A place or department that
# matches no indexed agency is reported, so the answer can say the agency is not indexed.

# a department named by its place's level alone ("省市场监管局", "县教育局" of the place's own site): its place is
# not in its name (the place's own government, 县人民政府, is not this)
LEVEL_ONLY_DEPARTMENT = re.compile(r"^(?:自治区|自治州|自治县|[省市县区])(?!委员会|政府$|人民政府$)"
                                   r"[\u4e00-\u9fa5]{1,12}$")
# 州 alone is a prefecture's short name (临夏州 of 临夏回族自治州), not the end of 杭州 in 杭州市 or 通州 in 通州区
_PLACE_LEVEL = re.compile(r"(.+?(?:自治区|自治州|省|市|区|县|旗|盟|镇|乡|苏木|街道|州(?![市区县省])))")
# a department's branch in a place below the department's own (生态环境局 + 乌兰浩特市 + 分局)
# (or a district by its name alone, "上海市公安局长宁分局": 长宁区's; a field's branch, 交警分局, is in no place)
_BRANCH_IN_PLACE = re.compile(r"^(?P<department>[\u4e00-\u9fa5]{2,14}?(?:局|委员会))"
                              r"(?P<place>[\u4e00-\u9fa5]{2,8}?(?:自治县|市|县|区|旗)"
                              r"|(?!交警|交通|治安|刑侦|经侦|直属|第|高新|开发|水上|铁路|机场|港|林业|森林|稽查|巡警|特警"
                              r"|禁毒|网安|监管|出入境|城区|郊区)[\u4e00-\u9fa5]{2})(?P<branch>分局|支局)$")
# a body named by its level alone before its department ("省市场监管局", "市市场监管局"): two level characters are
# no place's name
_LEVEL_ALONE = re.compile(r"^[省市县区][省市县区](?![\u4e00-\u9fa5]?(?:自治区|自治州|省|市|区|县|旗|盟|镇|乡|街道))")
# words of a department's name that end like a township (乡): 城乡 (urban and rural: 住房和城乡建设局), 和乡村振兴
_NOT_A_PLACE = re.compile(r"(?:城|[和与及、])乡$|^城市$")  # 城市管理局: "city" is no place of its own
_DEPT_SUFFIX = re.compile(r"(委员会|局|委|厅|办公室|政府办(?![理结件法事案学])|人民政府|"
                          # the offices usually called by their short name (外事办 of 外事办公室)
                          r"(?:外事|信访|扶贫|金融|法制|应急|人防|口岸|台|侨|合作|政务|网信|编|督查|综治)办(?![理结件法事案学])|"
                          r"政府(?!信息|网站|网|在线|官网|公报|门户|采购|规章|部门|集中|工作|文件))")
_DEPT_STRIP = re.compile(r"(委员会|局|委|厅|办公室|办|人民政府|政府)$")


def department_core(department: str) -> str:
    """农业农村局 → 农业农村: the words that name what a department does, without its body ending."""
    return _DEPT_STRIP.sub("", department)


def split_agency(agency: str) -> tuple[list[str], str]:
    """温州市瓯海区人民政府 → (["温州市", "瓯海区"], "人民政府")."""
    places, department = _split_agency(agency)
    return list(places), department


# "南通外向型农业综合开发区（苴镇街道）": a zone named with the street (town) it governs, in brackets at its end
SUB_PLACE_GLOSS = re.compile(r"[（(]([\u4e00-\u9fa5]{2,12}(?:街道|镇|乡))[）)]$")
_GOVERNMENT_BEFORE_SUB_PLACE = re.compile(r"(?<=[区县市旗])(?:人民)?政府(?=[\u4e00-\u9fa5]{2,8}?(?:街道|镇|乡))")


# a national system whose offices are named after the place they serve (国家税务总局珠海市税务局, 中国人民银行…支行)
_SYSTEM_PREFIX = re.compile(r"^(?:国家[\u4e00-\u9fa5]{2,8}?总?局|中国人民银行)"
                            r"(?=[\u4e00-\u9fa5]{2,8}?(?:省|市|自治区|自治州|县|区))")


@lru_cache(maxsize=65536)
def _split_agency(agency: str) -> tuple[tuple[str, ...], str]:
    # "南通外向型农业综合开发区（苴镇街道）": a zone and the street it governs, the street its lowest place
    if (gloss := SUB_PLACE_GLOSS.search(agency)) and agency[: gloss.start()]:
        outer, _ = _split_agency(agency[: gloss.start()])
        return (*outer, *([agency[: gloss.start()]] if not outer else []), gloss.group(1)), ""
    if other := _OTHER_NAME.match(agency):  # "…服务中心(市妇幼保健院)": the body's places and department by its name
        return _split_agency(other.group("first"))
    # "沙坪坝区人民政府小龙坎街道办事处", "宣武区政府大栅栏街道办事处": the district government's street office is a
    # place under the district; "国家税务总局珠海市税务局": a national system's office in a place is that place's
    places: list[str] = []
    rest = _SYSTEM_PREFIX.sub("", _GOVERNMENT_BEFORE_SUB_PLACE.sub("", agency))
    if _LEVEL_ALONE.match(rest):
        return (), rest[1:]  # "省市场监管局" (a province's own site): the level names no place; 省市 is none
    while (m := _PLACE_LEVEL.match(rest)) and len(rest) > len(m.group(1)) and not _NOT_A_PLACE.search(m.group(1)):
        if places and (branch := _BRANCH_IN_PLACE.match(rest)):
            # "兴安盟生态环境局乌兰浩特市分局": the league's bureau's branch in a city, that city its lowest place
            return (*places, branch.group("place")), branch.group("department") + branch.group("branch")
        places.append(m.group(1))
        rest = rest[len(m.group(1)):]
    if places and (branch := _BRANCH_IN_PLACE.match(rest)):
        return (*places, branch.group("place")), branch.group("department") + branch.group("branch")
    if places and (county := _county_without_level(rest)):
        places.append(county)  # "内江市隆昌生态环境局": 隆昌 is a county the dictionary knows, written without 县
        rest = rest[len(county):]
    if school := _SCHOOL_NAME.fullmatch(rest):
        places.append(school.group(1))  # 安徽大学: "Anhui University" is named by its place
        rest = school.group(2)
    if park := _PARK_NAME.match(rest):
        places.append(park.group(1))  # 江南科技产业园管理委员会: "the Jiangnan tech park committee" is 江南's
        rest = rest[park.end(1):]
    if re.fullmatch(r"[\u4e00-\u9fa5]{2,12}?(?:自治区|自治州|省|市|区|县|旗|盟|镇|乡|苏木|街道|街)", rest) \
            and not _DEPT_SUFFIX.search(rest):
        places.append(rest)  # the agency is named by its place alone (平潭综合实验区): its government
        rest = ""
    return tuple(places), rest


def _county_without_level(department: str) -> str:
    """The county-level place a department's name starts with, written without its level (隆昌 of 隆昌生态环境局), when
    the dictionary names it a county or city and what follows is a department's whole name (not 局 of 公安局)."""
    for size in (2, 3):
        place, rest = department[:size], department[size:]
        if len(rest) >= 4 and rest[0] not in "局委厅办处分支" and _DEPT_SUFFIX.search(rest) \
                and re.fullmatch(r"[\u4e00-\u9fa5]+", place) and english_place_names(place, counties_only=True):
            return place
    return ""


@lru_cache(maxsize=4096)
def place_readings(agency: str) -> frozenset[str]:
    """Every English reading of an agency's places: pinyin, and the names that are not (乌兰浩特: ulanhot)."""
    return frozenset(r for p in _split_agency(agency)[0] for r in _pinyins(bare_place(p)))


@lru_cache(maxsize=65536)
def short_place_names(place: str) -> tuple[str, ...]:
    """淄博高新技术产业开发区 → 淄博高新区: a zone's usual short name (``place_abbreviations``)."""
    return tuple(place.replace(long, short) for long, shorts in load_lexicon().place_abbreviations.items()
                 if long in place for short in shorts)


@lru_cache(maxsize=65536)
def bare_place(place: str) -> str:
    # a zone's kind words go with it (西宁经济技术开发区 is Xining's zone: its place is 西宁)
    for suffix in ("高新技术产业开发区", "高新技术开发区", "经济技术开发区", "经济开发区", "综合实验区", "综合试验区",
                   "特别合作区", "深度合作区", "合作区",
                   "自由贸易试验区", "自贸试验区", "综合保税区", "保税港区", "保税区", "自贸区",
                   "实验区", "试验区", "高新区", "经开区", "开发区", "新区", "片区", "自治区",
                   "自治州", "自治县", "自治旗", "街道", "地区", "省", "市", "区", "县", "旗", "盟", "镇", "乡", "街",
                   "州"):
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            bare = place[: -len(suffix)]
            # 广西壮族自治区 → 广西, 新疆维吾尔自治区 → 新疆, 茅坪回族镇 → 茅坪: the peoples' names go
            if suffix.startswith("自治") or suffix in ("镇", "乡") and bare.endswith("族"):
                bare = _PEOPLES.sub("", bare) if len(_PEOPLES.sub("", bare)) >= 2 else bare
            if "保税" in suffix and bare.endswith("港") and len(bare) >= 3:
                bare = bare[:-1]  # 天津港保税区: the bonded zone of the port of 天津, Tianjin's
            return bare
    return place


# the peoples an autonomous place is named after (壮族, 土家族苗族, 维吾尔), written between its name and 自治区/州/县
_PEOPLE_NAMES = (
    "壮 回 维吾尔 藏 蒙古 苗 土家 侗 瑶 彝 白 哈尼 傣 傈僳 佤 拉祜 "
    "纳西 景颇 布依 水 仡佬 黎 羌 朝鲜 满 哈萨克 柯尔克孜 土 撒拉 东乡 "
    "保安 裕固 畲 达斡尔 鄂温克 鄂伦春 锡伯 毛南 仫佬 京 普米 怒 独龙 "
    "德昂 布朗 阿昌 基诺 门巴 珞巴 塔吉克 乌孜别克 俄罗斯 塔塔尔 各"
).split()
_PEOPLES = re.compile("(?:(?:" + "|".join(sorted(_PEOPLE_NAMES, key=len, reverse=True)) + ")族?)+$")


def _names_whole(text: str, agency: str) -> bool:
    """The text names an agency that has no place in its name by the whole name or a long alias."""
    return any(alias in text for alias in agency_aliases(agency) if len(alias) >= 3 and not alias.isascii())


def is_place_government(department: str) -> bool:
    """The department part of a place's own government (人民政府, 管委会 and their offices, a street's 办事处, the
    party working committee that governs a zone or a street with them: 党工委), or none at all."""
    return not department or bool(re.search(r"人民政府|政府|管委会|管理委员会|^(?:街道)?办事处$|^党工委$", department))


_DEICTIC = re.compile(r"^(?:这个|这|那个|那|该|本|我|此|贵|各|哪个|哪)")


def department_mentions(text: str) -> list[str]:
    """Department names in a Chinese question: the words before 局/委/政府… back to a place, year or punctuation."""
    mentions = []
    for m in _DEPT_SUFFIX.finditer(text):
        start = m.start()
        while start > 0 and start > m.start() - 8 and re.match(r"[\u4e00-\u9fa5]", text[start - 1]) \
                and not re.match(r"[省市区县年的和与及在了是有比较跟]", text[start - 1]):
            start -= 1
        mention = text[start:m.end()]
        # "住房和城乡建设局": a department whose own name has 和 in it, not 城乡建设局
        whole = max((long for long in load_lexicon().agency_abbreviations
                     if len(long) > len(mention) and text.startswith(long, m.end() - len(long))), key=len, default="")
        mention = whole or mention
        if _DEICTIC.match(mention):  # 这个局 / 该局 / 本局 point at the report in hand, they name no agency
            continue
        if len(mention) == 1:  # "这一年局里": a bare 局/委/厅 is the bureau in hand, not a department's name
            continue
        if any(text.startswith(word, m.end() - len(word)) or text.startswith(word, m.start())
               for word in load_lexicon().words.not_departments):  # 窗口服务大厅, 局面: no department
            continue
        mentions.append(mention)
    return mentions


def department_matches(mention: str, department: str) -> bool:
    if not department:  # an agency named by its place alone (荔浦市, 正蓝旗) is that place's government
        return bool(mention) and is_place_government(mention)
    if mention in department or department in mention:
        return True
    core = _DEPT_STRIP.sub("", department)
    mention_core = _DEPT_STRIP.sub("", mention)
    # one character left of a mention (管 of 管委) is inside too many names (市场监督管理局) to name one
    if len(core) >= 2 and len(mention_core) >= 2 and (core in mention_core or mention_core in core):
        return True
    if abbreviates_within(department, mention) or abbreviates_within(mention, department):
        return True
    if len(mention_core) >= 2 and mention_core[0] == core[:1] and _is_subsequence(mention_core, core):
        return True  # a department's short name without its ending (人防 of 人民防空办公室, 住建 of 住房和城乡建设局)
    if len(mention_core) == 4 and mention_core[0] + mention_core[2] in department:
        return True  # a field of two words by its usual short name, each word's first character (科技 of 科学技术)
    for field, former in load_lexicon().department_former_names.items():
        # "the Xinyang health commission" of 2016: 信阳市卫生和计划生育委员会; "慈溪市卫计局" of a report the body
        # signs with its new name, 慈溪市卫生健康局
        if mention_core == field and any(old in department for old in former) \
                or mention_core in former and field in department:
            return True
    # (a department written short is named by its full words too: "disease control", 疾病预防控制, of 疾控中心)
    return any(department.endswith(long) and any(short in mention or mention in short for short in shorts)
               or any(len(mention_core) >= 2 and department.endswith(short)
                      and mention_core in department[: -len(short)] + long for short in shorts)
               for long, shorts in load_lexicon().agency_abbreviations.items())


# the bodies a department name without its own ending may be ("science and technology" of a Commission: 科学技术委员会)
_BODY_ENDINGS = ("委员会", "局", "办公室", "厅")
# a name that already ends in a body (水利部): no other ending is tried after it
_BODY_NAMED = re.compile(r"(委员会|局|委|厅|办公室|办|人民政府|政府|部|署|院|中心|会|所|站)$")


def abbreviates_within(name: str, full: str) -> bool:
    """Some run of ``name`` of 2+ characters is the usual abbreviation of ``full`` (or of ``full`` and a body's
    ending): it starts with full's first character, keeps full's characters in order and skips some (管委会 of
    管理委员会, in 管委会办公室; 科委 of 科学技术委员会). A run that is a plain part of full (交通 of 交通运输) is a
    shared word, not an abbreviation: 交通与建设局 is not 交通运输局."""
    fulls = [full] if _BODY_NAMED.search(full) else [full, *(full + e for e in _BODY_ENDINGS)]
    for long in fulls:
        for start in (i for i, ch in enumerate(name) if ch == long[0]):
            for end in range(start + 2, len(name) + 1):
                run = name[start:end]
                if run not in long and _is_subsequence(run, long) and _DEPT_STRIP.search(run):
                    return True
    return False


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


# "government information" is what the reports are about, not an agency: it never names a department
_ENGLISH_DOMAIN = re.compile(r"government[- ]information|government[- ]info\b|government[- ]affairs|open government")


ENGLISH_BODY = re.compile(r"((?:(?:[A-Z][\w'-]*|and|of|for|&),?\s+)+)(?:Bureau|Commission|Committee|Office|Department"
                           r"|Administration|Center|Centre|Authority|Agency|Service)\b")
_FUNCTION_CHARS = re.compile(r"[与和及、]")


# the words an English body's name ends with
_ENGLISH_BODY_ENDINGS = ("bureau", "commission", "committee", "office", "department", "administration", "center",
                         "centre", "authority", "agency", "service", "government", "regulator", "archives", "museum",
                         "library")
# a body named in lower case ("pingtan's transport and construction bureau"): the few words before its ending
_ENGLISH_BODY_ANY_CASE = re.compile(rf"((?:[\w'-]+,?\s+){{1,8}})(?:{'|'.join(_ENGLISH_BODY_ENDINGS)})\b",
                                    re.IGNORECASE)
# the level of a place, written between its name and its body ("the Tianshui city government")
_ENGLISH_LEVELS = {"city": "市", "county": "县", "district": "区", "town": "镇", "township": "乡", "province": "省",
                   "municipal": "市", "prefecture": "州", "banner": "旗", "league": "盟"}
# the words that name a body or its place's level, never a thing counted ("the Beichuan county statistics bureau's")
ENGLISH_BODY_WORDS = frozenset((*_ENGLISH_BODY_ENDINGS, *_ENGLISH_LEVELS, "provincial", "municipality", "village",
                                "street", "subdistrict", "sub-district", "university", "group", "company", "branch",
                                "bureaus"))


def english_name_names(text: str, department: str) -> bool:
    """An English body name ("Transport and Construction Bureau", in any case) whose words, read through the
    glossary, spell out every word of the department's Chinese name (交通与建设局), where no department phrase names
    it whole."""
    core = _FUNCTION_CHARS.sub("", _DEPT_STRIP.sub("", department))
    if len(core) < 2:
        return False
    for terms in _english_body_terms(text):
        covered = [False] * len(core)
        for term in terms:
            for found in re.finditer(re.escape(term), core):
                covered[found.start():found.end()] = [True] * len(term)
        if all(covered):
            return True
    return False


def _english_bodies_at(text: str, department: str) -> list[int]:
    """Where English body names that spell out the department's Chinese name start."""
    if not department or not re.search(r"[A-Za-z]{3}", text):
        return []
    return [_own_words_at(m, department) for m in _ENGLISH_BODY_ANY_CASE.finditer(text)
            if english_name_names(m.group(0), department)]


def _own_words_at(body: re.Match[str], department: str) -> int:
    """Where a body's own words start: the run before its ending takes up to eight words ("handle in 2023 than
    Hangzhou's health commission"); the last word from which the rest still names the department."""
    name = body.group(0)
    starts = [w.start() for w in re.finditer(r"[\w'-]+", name)]
    return body.start() + next((at for at in reversed(starts) if english_name_names(name[at:], department)), 0)


@lru_cache(maxsize=256)
def _english_body_terms(text: str) -> tuple[tuple[str, ...], ...]:
    """The glossary's Chinese words of each English body name in the text, read once per question (a question is
    checked against every candidate agency)."""
    return tuple(tuple(glossary_terms(m.group(1))) for m in _ENGLISH_BODY_ANY_CASE.finditer(text))


@lru_cache(maxsize=1)
def _english_terms_with_department_words() -> tuple[str, ...]:
    """The lexicon's English names of things that contain a department word ("government website" is a channel,
    not a government): they name no agency."""
    lexicon = load_lexicon()
    words = [w for w in lexicon.department_english if w.isascii()]
    # the glossary's things of several words too ("government new media": 政务新媒体), not a department's own name
    # (public security) nor its words for a body's own level (本级)
    things = [p for c in lexicon.concepts for p in c.phrases if p.isascii()] \
        + [k for k, zh in glossary_entries().items()
           if " " in k and k not in lexicon.department_english and "本级" not in zh]
    terms = {p for p in things if any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", p) for w in words)}
    return tuple(sorted(terms, key=len, reverse=True))


def english_departments(text: str) -> list[str]:
    lowered = _ENGLISH_DOMAIN.sub(" ", text.lower())
    bodies = [m.span() for m in ENGLISH_BODY.finditer(text)]  # "Pingtan Public Security Bureau" stays a body
    for term in _english_terms_with_department_words():
        for m in re.finditer(rf"(?<![a-z]){re.escape(term)}", lowered):
            # "the Linxia prefecture public security bureau": the term begins a body's name written in lower case
            if not any(start <= m.start() < end for start, end in bodies) \
                    and not _BODY_NOUN_NEXT.match(lowered, m.end()):
                lowered = lowered[: m.start()] + " " * len(term) + lowered[m.end():]
    found = []
    written = re.sub(r"\s+", " ", lowered)  # as written: a department phrase taken out must not join two words
    for phrase, core in sorted(load_lexicon().department_english.items(), key=lambda kv: -len(kv[0])):
        # ("open-government priorities": a word joined to the one before it by a hyphen names no body)
        # ("the Nanning economic development zone committee": the kind of zone, no department)
        if re.search(rf"(?<![a-z])(?<![a-z]-){re.escape(phrase)}(?![a-z])(?!\s+zones?\b)", lowered) \
                and core not in found and _names_a_body(phrase, written):
            found.append(core)
            lowered = lowered.replace(phrase, " ")
    return found


@lru_cache(maxsize=1024)
def without_english_body_names(text: str) -> str:
    """The text with the department words of the English body names it writes blanked ("the Fumin letters and
    visits bureau": no visits are asked about; "the veterans affairs bureau"): what a question measures is said
    outside the names of the bodies it asks about."""
    if not re.search(r"[A-Za-z]{3}", text):
        return text
    lowered = text.lower()
    # "the county government website" is a channel, no body: the lexicon's terms with department words stay
    kept = [m.span() for term in _english_terms_with_department_words()
            for m in re.finditer(rf"(?<![a-z]){re.escape(term)}(?![a-z])", lowered)
            if not _BODY_NOUN_NEXT.match(lowered, m.end())]

    def blank(m: re.Match[str]) -> str:
        if any(m.start(1) < end and start < m.end(1) for start, end in kept):
            return m.group(0)
        return " " * len(m.group(1)) + m.group(2)

    for phrase in sorted(load_lexicon().department_english, key=len, reverse=True):
        if phrase.isascii() and phrase in lowered:
            lowered = _as_department_words(phrase).sub(blank, lowered)
    return lowered


@lru_cache(maxsize=256)
def _as_department_words(phrase: str) -> re.Pattern[str]:
    """The phrase as the department words of a body's name: a body noun follows within three words."""
    if re.search(rf"{_BODY_NOUN}s?$", phrase):  # "people's government", "government office": a body's name itself
        return re.compile(rf"(?<![a-z])({re.escape(phrase)})()(?![a-z])")
    return re.compile(rf"(?<![a-z])({re.escape(phrase)})((?:[\s,'&-]+[a-z'&]+){{0,3}}?[\s-]+{_BODY_NOUN}s?(?![a-z]))")


_BODY_NOUN = (r"(?:ministry|bureau|office|administration|department|commission|committee|center|centre|authority"
              r"|authorities|agency|service|station|team|brigade|government|police|sub-bureau|branch|regulators?"
              r"|university|college|archives|museum|library)")


_BODY_NOUN_NEXT = re.compile(rf"\s+{_BODY_NOUN}s?(?![a-z])")
_NOT_A_NAME_WORD = r"(?!(?:did|does|do|of|the|by|for|in|on|its|their|was|were|has|have|had|and|or|than)\b)"
# "the Baotou culture, tourism, radio and TV bureau": a body described in lower case, its functions listed with "and"
LOWER_CASE_BODY = re.compile(rf"(?i)\b(?:{_NOT_A_NAME_WORD}[a-z][\w'-]*,?\s+){{1,6}}(?:and|&)\s+"
                             rf"(?:{_NOT_A_NAME_WORD}[a-z][\w'-]*\s+){{0,3}}"
                             r"(?:bureau|office|administration|department|commission|committee|authority|agency)s?\b")


_NOT_A_NAME_WORD_OR_LINK = r"(?!(?:at|from|to|with|about|per|whose|that|who|which|are|is)\b)" + _NOT_A_NAME_WORD


def in_english_body_name(text: str, end: int) -> bool:
    """The word ending at ``end`` is one of the words of a body's name: a body's noun (or a zone's kind) follows
    within three words with no verb, article or preposition between ("overseas" of "the Qinzhou overseas Chinese
    investment zone" asks for no overseas applicants; "overseas applicants did the bureau" does)."""
    return bool(_in_body_name().match(text, end))


@lru_cache(maxsize=1)
def _in_body_name() -> re.Pattern[str]:
    kinds = sorted({kind for english in _ZONE_KINDS_EN.values() for kind in english}, key=len, reverse=True)
    ends = "|".join([rf"{_BODY_NOUN}s?", *map(re.escape, kinds)])
    return re.compile(rf"(?:[\s-]+{_NOT_A_NAME_WORD_OR_LINK}[a-z][\w'-]*){{0,3}}?[\s-]+(?:{ends})(?![a-z])",
                      re.IGNORECASE)


_THING_OF_A_BODY = re.compile(r"\s+(?:documents?|information|websites?|portals?|gazettes?|bulletins?|news|data"
                              r"|platforms?|columns?|items?|procurement)\b")


@lru_cache(maxsize=4096)
def _names_a_body(phrase: str, text: str) -> bool:
    """A department word names a body only as part of a body's name: "the tax bureau", "Bureau of Taxation",
    "management committee"; "tax and fee incentive policies" or "education items" are things published, not the
    tax or education department."""
    word = re.escape(phrase)
    alone = [m.end() for m in re.finditer(rf"(?<![a-z]){word}(?![a-z])", text)]
    if alone and all(_THING_OF_A_BODY.match(text, end) for end in alone):
        return False  # "its 'government documents' column": documents, not the government
    return bool(re.search(rf"{_BODY_NOUN}s?$", phrase)
                or re.search(rf"(?<![a-z]){word}(?:[\s,'&-]+[a-z'&]+){{0,3}}?[\s-]+{_BODY_NOUN}(?![a-z])", text)
                or re.search(rf"{_BODY_NOUN}s? (?:of|for) (?:the )?(?:[a-z]+ ){{0,2}}{word}(?![a-z])", text))


# words that may start an English body's name without being a place ("Which Bureau", "County Transport Bureau")
_NOT_PLACE_WORDS = frozenset(
    "which what how did does do the a an in of and for its their this that these those each every all county city "
    "district town township province provincial municipal municipality people's government state national new area "
    "zone office bureau commission committee department administration center centre authority agency service "
    "information disclosure public general main".split())


def _english_unknown_place(text: str) -> str:
    """The proper name written just before an English body's department words, when it is no department word: the
    place the question gives ("Zhumadian" of "the Zhumadian Agriculture and Rural Affairs Bureau"), or ""."""
    department_words = english_department_words()
    for m in _ENGLISH_BODY_ANY_CASE.finditer(text):
        for word in reversed(m.group(1).split()):
            bare = word.strip(",")
            if bare.lower() in department_words or bare.lower() in ("and", "of", "&", *_ENGLISH_LEVELS) \
                    or (bare.isupper() and len(bare) <= 3) or (bare.isalpha() and bare.islower()):
                continue  # "radio, TV and sports": the department's own words, whatever the lexicon knows of them
            if bare[:1].isupper() and bare.isalpha() and len(bare) >= 4 and bare.lower() not in _NOT_PLACE_WORDS:
                return bare.lower()
            break
    return ""


@lru_cache(maxsize=1)
def english_department_words() -> frozenset[str]:
    """The English words of department names (bureau, emergency, management, health…)."""
    words = {w for phrase in load_lexicon().department_english for w in re.findall(r"[a-z']+", phrase.lower())}
    return frozenset(words | {w for t in _english_terms_with_department_words() for w in re.findall(r"[a-z']+", t)})


@lru_cache(maxsize=8)
def _places_longest_first(agencies: tuple[str, ...]) -> tuple[str, ...]:
    """The places (3+ characters) of the indexed agencies, computed once per list of agencies."""
    return tuple(sorted({p for a in agencies for p in split_agency(a)[0] if len(p) >= 3}, key=lambda p: (-len(p), p)))


def near_place_readings(text: str, agencies: list[str]) -> list[str]:
    """The text with one place read as an indexed place written one character differently (沭阳县 → an indexed
    沐阳县: reports and users both mistype look-alike characters); tried only when the text as written names no
    indexed agency."""
    readings = []
    for place in _places_longest_first(tuple(agencies)):
        if place in text:
            continue
        n = len(place)
        for i in range(len(text) - n + 1):
            word = text[i:i + n]
            if word[-1] == place[-1] and re.fullmatch(r"[\u4e00-\u9fa5]+", word) \
                    and sum(x != y for x, y in zip(word, place, strict=True)) == 1:
                readings.append(text.replace(word, place))
    return readings


def resolve_agencies(text: str, agencies: list[str], every_of_place: bool = False) -> tuple[list[str], str | None]:
    """(indexed agencies the text names, a named place/department that no indexed agency has).

    An English question with Chinese words in it names its agency by the Chinese name it quotes ("(金井片区管理局)")
    or, failing that, in English (pinyin, department words: "… (行政许可) did Pingtan report"). A place named alone
    means its government, unless ``every_of_place``: a question over several agencies ("平潭各部门一共", "平潭哪个部门
    最多") means every agency of the most specific place it names."""
    chinese = bool(re.search(r"[\u4e00-\u9fff]", text))
    if chinese and question_language(text) == "en":
        quoted = _resolve_agencies(text, agencies, english=False)  # a name quoted in Chinese is the exact one
        return quoted if quoted[0] else _resolve_agencies(text, agencies, english=True, every_of_place=every_of_place)
    found = _resolve_agencies(text, agencies, english=not chinese, every_of_place=every_of_place)
    # a place named alone means its government: one not indexed as written may be, written one character off
    wants_government = bool(found[0]) and not every_of_place and not department_mentions(text) \
        and not any(is_place_government(split_agency(a)[1]) for a in found[0])
    if chinese and (not found[0] or wants_government):
        for reading in near_place_readings(text, agencies):
            near = _resolve_agencies(reading, agencies, english=False)
            if near[0] and (not wants_government or all(is_place_government(split_agency(a)[1]) for a in near[0])):
                return near
    if len(found[0]) == 1 and not every_of_place:
        return _each_side_compared(text, agencies, chinese) or found
    return found


# the words between the two bodies a comparison names ("A … than B", "A or B", "A比B")
_COMPARED_EN = re.compile(r"\s(?:than|or|exceed(?:ed|s)?|as)\s", re.IGNORECASE)
_TIMES_AS_EN = re.compile(r"\btimes as (?:many|much)\b", re.IGNORECASE)
_COMPARED_ZH = re.compile(r"比|较|是(?=[^，,。？?]{2,40}?(?:多少|几)倍)")  # (A是B的多少倍)
# (after a body's last word or its year: 住房和城乡建设局, "ecology and environment bureau" are one body each)
_JOINED_EN = re.compile(r"(?:\d{4}|[)]|\b(?:" + "|".join(sorted(ENGLISH_BODY_WORDS)) + r"))"
                        r"(?P<joint>\s+(?:and|plus)\s)", re.IGNORECASE)
_JOINED_ZH = re.compile(r"(?:[局委府厅处心镇乡道办院馆部区县市]|\d年|年度)(?P<joint>和|与|及|加上)")


def _each_side_compared(text: str, agencies: list[str], chinese: bool) -> tuple[list[str], str | None] | None:
    """"How many more items did Liurenba town disclose than Changdi Buyei township": two bodies compared, one of them
    named in words the whole question's reading lets the other outscore (a body with no place word, 铜鼓公路分局;
    one written without its city, 西大街发展服务中心); each side of the comparing word read alone names one body, and
    the two together are the question's (None when the sides do not each name one other body)."""
    # "how many times as many items did A … as B": the ratio's second "as" sets B apart
    text = _TIMES_AS_EN.sub("times", text) if not chinese else text
    sides = (_COMPARED_ZH if chinese else _COMPARED_EN).split(text)
    if len(sides) == 2:
        return _one_body_each(sides, agencies, chinese)
    # "the combined total of A in 2014 and B in 2021", "A和B一共": two bodies joined, at the one joining word where
    # each side names one body ("ecology and environment bureau" leaves a side naming none or several)
    for joint in (_JOINED_ZH if chinese else _JOINED_EN).finditer(text):
        if (each := _one_body_each([text[:joint.start("joint")], text[joint.end("joint"):]], agencies, chinese)) \
                is not None:
            return each
    return None


def _one_body_each(sides: list[str], agencies: list[str], chinese: bool) -> tuple[list[str], str | None] | None:
    each = [_resolve_agencies(side, agencies, english=not chinese)[0] for side in sides]
    if any(len(named) != 1 for named in each) or each[0] == each[1]:
        return None
    return [each[0][0], each[1][0]], None


@lru_cache(maxsize=4)
def _agencies_by_place(agencies: tuple[str, ...]) -> tuple[dict[str, list[int]], list[int]]:
    """(place → the agencies it is a place of, by position; the agencies with no place)."""
    by_place: dict[str, list[int]] = {}
    placeless = []
    for i, agency in enumerate(agencies):
        places = _split_agency(agency)[0]
        if not places and not _LEVEL_ALONE.match(agency):
            # (省市场监管局 has a place its name leaves out: a question naming any place is not thereby about it;
            # scope.unnamed_reports_naming reads its place from its text)
            placeless.append(i)
        for p in dict.fromkeys(places):
            by_place.setdefault(p, []).append(i)
    return by_place, placeless


def _one_character_place(place: str, latin: str) -> bool:
    """"Xing County" is 兴县: a place of one character and its level is written with the level in English."""
    return any(r in latin for r in _one_character_readings(place))


def _one_character_readings(place: str) -> list[str]:
    if len(place) != 2:
        return []
    return [r + en for en, zh in _ENGLISH_LEVELS.items() if zh == place[1] for r in _pinyins(place[0])]


def _place_finder(text: str, latin: str, english: bool) -> Callable[[str], bool]:
    """Whether the text names a place (in pinyin, for English), each place looked for once: 2,500 agencies share
    a few hundred places."""
    named: dict[str, bool] = {}

    def is_named(p: str) -> bool:
        if (known := named.get(p)) is None:
            known = named[p] = (any(r in latin for r in _pinyins(bare_place(p))) or _one_character_place(p, latin)
                                or _named_by_the_places_it_joins(bare_place(p), text)
                                or bool(zone := _ZONE_OWN_NAME.match(p)) and any(
                                    r in latin for r in _pinyins(zone.group(1)))  # type: ignore[union-attr]
                                if english else (p in text or bare_place(p) in text
                                                 or any(short in text for short in short_place_names(p))
                                                 or shortened_place_span(text, p)[0] >= 0))
        return known

    return is_named


_HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")


def _named_by_the_places_it_joins(place: str, text: str) -> bool:
    """深汕 joins the first characters of 深圳 and 汕尾: English names it "Shenzhen-Shanwei", each place in full."""
    return bool(_places_it_joins_at(place, text))


def words_naming_joined_places(text: str, agency: str) -> frozenset[str]:
    """The words of "Shenzhen-Shanwei" (lower case) where the text names the agency's 深汕 by the places it joins."""
    words: set[str] = set()
    for place in _split_agency(agency)[0]:
        for at in _places_it_joins_at(bare_place(place), text):
            words.update(_HYPHENATED.match(text, at).group(0).lower().split("-"))  # type: ignore[union-attr]
    return frozenset(words)


def _places_it_joins_at(place: str, text: str) -> list[int]:
    if not 2 <= len(place) <= 4 or not re.fullmatch(r"[\u4e00-\u9fa5]+", place) or "-" not in text:
        return []
    return [m.start() for m in _HYPHENATED.finditer(text)
            if len(parts := m.group(0).lower().split("-")) == len(place)
            and all(any(part.startswith(r) for r in _pinyins(ch)) for part, ch in zip(parts, place, strict=True))]


def _resolve_agencies(text: str, agencies: list[str], english: bool,
                      every_of_place: bool = False) -> tuple[list[str], str | None]:
    latin = _latin(text)
    depts = english_departments(text) if english else department_mentions(text)
    candidates: list[tuple[int, str]] = []
    sub_places: list[str] = []
    is_named = _place_finder(text, latin, english)
    by_place, placeless = _agencies_by_place(tuple(agencies))
    named_places = [p for p in by_place if is_named(p)]
    places_seen = bool(named_places)
    depts = _without_upper_government(text, depts, named_places)
    # only an agency with a place the text names, or with no place, can be named (2,500 agencies at 10,000 reports)
    for agency in [agencies[i] for i in sorted({i for p in named_places for i in by_place[p]}.union(placeless))]:
        score = _agency_score(text, agency, depts, english, every_of_place, is_named, sub_places)
        if score is not None:
            candidates.append((score, agency))
    if not candidates:
        candidates = _named_by_their_opening_words(text, agencies, depts, every_of_place, is_named, sub_places) \
            if english else _written_whole_without_their_place(text, agencies)
    if not candidates and depts and not places_seen and (
            not _english_unknown_place(text) if english else not _placed_mention(text, depts)):
        # 人社局2022年…: the department alone names it (驻马店市农业农村局 names a place no indexed agency has)
        candidates = [(1, a) for a in agencies if any(department_matches(d, split_agency(a)[1]) for d in depts)]
    if candidates and not depts and not every_of_place:
        # "临夏公安": a department's core written without its ending names that department of the place
        cored = [c for c in candidates if not english and _core_after_place(text, c[1])]
        # a place named alone means its government (北京市东城区: 东城区人民政府), before a department of it that
        # names more of the place (北京市东城区建设委员会)
        kept = set(_governments_of_each_place([a for _, a in candidates]))
        candidates = cored or [c for c in candidates if c[1] in kept]
    if english and len(depts) >= 2 and candidates:
        # "the Henan development and reform commission … than the Beijing urban management commission": each place
        # with the department words of its own body's name, not another's
        paired = [c for c in candidates if _english_department_after_place(text, c[1]) is not False]
        candidates = paired or candidates
    if candidates:
        best = max(n for n, _ in candidates)
        chosen = [a for n, a in candidates if n == best]
        chosen = _each_listed_place(text, candidates, chosen, skip=every_of_place)
        if not english and len(depts) >= 2 and not every_of_place:
            chosen = _each_listed_department(text, candidates, chosen, depts)
        if not depts and not every_of_place:  # a place named alone means its government, not every department
            chosen = _governments_of_each_place(chosen)
        if english and len(depts) >= 2 and not every_of_place:
            chosen = _with_each_placeless_body(candidates, chosen, depts)
        return chosen, None
    if sub_places:
        return [], sub_places[0]
    return [], _unindexed_mention(text, agencies, english, depts, places_seen)


def _with_each_placeless_body(candidates: list[tuple[int, str]], chosen: list[str], depts: list[str]) -> list[str]:
    """"the National Disease Control and Prevention Administration's 2025 … and the Changji city market regulation
    bureau's 2020 …": a department named that no chosen body is, whose one candidate has no place (a central body,
    国家疾控局), is that body; a placed body named outscores it otherwise."""
    added = list(chosen)
    for dept in depts:
        if any(department_matches(dept, split_agency(a)[1]) for a in added):
            continue
        own = [a for _, a in candidates if not split_agency(a)[0] and department_matches(dept, split_agency(a)[1])]
        if len(own) == 1:
            added.append(own[0])
    return added


def _unindexed_mention(text: str, agencies: list[str], english: bool, depts: list[str],
                       places_seen: bool) -> str | None:
    """What the text names that no indexed agency is ("Zhumadian 农业农村局", 青禾区卫健委, "?"), or None: it names
    no body at all."""
    if english and depts and not places_seen and (place := _english_unknown_place(text)):
        return f"{place.capitalize()} {depts[0]}"  # "Zhumadian 农业农村局": a place no indexed agency has
    if depts and (places_seen or not english):
        where = next((p for a in agencies for p in split_agency(a)[0] if p in text or bare_place(p) in text), "")
        if not where and not english and (at := text.find(depts[0])) > 0:
            where = _place_before(text, at)  # the place the question gives itself
        return where + depts[0] if not english else depts[0]
    if places_seen:
        if english:
            return "?"
        place = next(p for a in agencies for p in split_agency(a)[0] if p in text or bare_place(p) in text)
        return _mention_from(text, place if place in text else bare_place(place))
    return None


def _named_by_their_opening_words(text: str, agencies: list[str], depts: list[str], every_of_place: bool,
                                  is_named: Callable[[str], bool], sub_places: list[str]) -> list[tuple[int, str]]:
    """"the Xidajie development service center": bodies an English text names by the words opening their own name
    (西大街 of 西安市西大街发展服务中心), their city unsaid, with their scores."""
    scored = [(_agency_score(text, agency, depts, True, every_of_place, is_named, sub_places), agency)
              for agency in agencies if _opening_words_named(split_agency(agency)[1], is_named)]
    return [(score, agency) for score, agency in scored if score is not None]


def _written_whole_without_their_place(text: str, agencies: list[str]) -> list[tuple[int, str]]:
    """"西大街发展服务中心2025年公开信息": a body written by its whole name less its city (西安市), no place of it
    named, nor another place right before it (驻马店市农业农村局 is no 清远市农业农村局)."""
    return [(6, agency) for agency in agencies if any(_written_alone(alias, text) for alias in agency_aliases(agency))]


def _written_alone(alias: str, text: str) -> bool:
    return len(alias) >= 5 and alias in text and not alias.isascii() \
        and re.search(rf"(?<![省市县区州旗镇乡]){re.escape(alias)}", text) is not None


def _without_upper_government(text: str, depts: list[str], named_places: list[str]) -> list[str]:
    """The mentions without 政府 when every 政府 of the text is a level's government written without its place
    (参加市政府组织的培训, 报县政府审定) while the text names a place of its own: a government the asked body deals
    with, not a second body asked."""
    spots = [m.start() for m in re.finditer("政府", text)]
    if not named_places or "政府" not in depts or not spots:
        return depts
    upper = all(
        at >= 2 and text[at - 1] in "省市区县" and re.match(r"[\u4e00-\u9fa5]", text[at - 2])
        and text[at - 2] not in "和与及跟同"
        and not any(text.endswith(p, 0, at) or text.endswith(bare_place(p) + text[at - 1], 0, at) for p in named_places)
        for at in spots)
    return [d for d in depts if d != "政府"] if upper else depts


def _governments_of_each_place(chosen: list[str]) -> list[str]:
    """Each place's government among the chosen agencies of that place, or all of its agencies where it has none
    indexed ("燕郊高新区…与鞍山高新区…": 燕郊's only report is its office's)."""
    by_place: dict[str, list[str]] = {}
    for agency in chosen:
        by_place.setdefault((_split_agency(agency)[0] or ("",))[-1], []).append(agency)
    governments = {place: [g for g in group if is_place_government(split_agency(g)[1])]
                   for place, group in by_place.items()}
    kept: set[str] = set()
    for place, group in by_place.items():
        # (鞍山市民政局 beside 鞍山高新区人民政府: 鞍山 is written as the zone's, no place of its own)
        inside_another = any(other != place and bare_place(place) in other and governments[other]
                             for other in by_place)
        kept.update(governments[place] or ([] if inside_another else group))
    if not any(governments.values()):
        return chosen  # no place has its government indexed: every agency named stays
    return [a for a in chosen if a in kept]


def _core_after_place(text: str, agency: str) -> bool:
    """"临夏公安": the department's core (公安 of 公安局) written right after the agency's place (临夏 of 临夏州)."""
    places, department = _split_agency(agency)
    core = department_core(department)
    if len(core) < 2 or not places or is_place_government(department):
        return False
    return any(f"{name}{core}" in text for name in (places[-1], bare_place(places[-1])))


_ZONE_KINDS_EN = {"工业园区": ("industrial park",), "产业园区": ("industrial park",), "开发区": ("development zone",),
                  "合作区": ("cooperation zone",), "高新区": ("high-tech zone", "hi-tech zone"), "园区": ("park",),
                  "新区": ("new area", "new district"), "保税区": ("bonded zone", "bonded area"),
                  "示范区": ("demonstration zone",), "试验区": ("pilot zone", "experimental zone"),
                  "投资区": ("investment zone", "investment area")}
# a zone's own name before the field it is for (西安临潼 of 西安临潼旅游商贸开发区: "Xi'an Lintong")
_ZONE_OWN_NAME = re.compile(r"^([\u4e00-\u9fa5]{2,4}?)(?:旅游|商贸|经济|科技|高新|工业|产业|综合|物流|文化|临空"
                            r"|临港|保税|出口加工|化工|生态|农业|现代)[\u4e00-\u9fa5]*(?:开发区|园区|合作区)$")


def _zone_kind_written(place: str, text: str) -> bool:
    """The zone's kind in English ("industrial park" of 天然气综合利用工业园区) written in the text."""
    lowered = text.lower()
    return any(place.endswith(kind) and any(e in lowered for e in english) for kind, english in _ZONE_KINDS_EN.items())


def _agency_score(text: str, agency: str, depts: list[str], english: bool, every_of_place: bool,
                  is_named: Callable[[str], bool], sub_places: list[str]) -> int | None:
    """How much of the agency the text names (its places, its department), or None: it is not named."""
    places, department = _split_agency(agency)  # read-only here: no list copy per agency
    hits = [p for p in places if is_named(p)]
    lowest_named = bool(places) and places[-1] in hits
    if lowest_named and (_english_level_differs(text, places[-1]) if english else
                         places[-1] not in text and _written_with_another_level(text, places[-1])):
        hits = hits[:-1]  # "梅河口市兴华乡" names 兴华乡 (a report of 2010) more than 兴华镇 (the town it became)
    if english and not lowest_named and (opening := _opening_words_named(department, is_named)):
        # "the Tonggu highway sub-bureau": 铜鼓 of 铜鼓公路分局, no 县 written; "the Xidajie development service
        # center": 西大街 of 西安市西大街发展服务中心, its city unsaid
        hits, lowest_named = [*hits, *opening], True
    if english and not lowest_named and len(places) >= 2 and all(p in hits for p in places[:-1]) \
            and _zone_kind_written(places[-1], text):
        lowest_named = True  # "the Guangyuan natural gas industrial park committee": 广元市's 天然气综合利用工业园区
    if lowest_named and not english and _another_place_before(text, places):
        return None  # "施甸县太平镇" is not 姚安县太平镇: the town written after a county the agency is not in
    if lowest_named and not english and (sub := _sub_place_after(text, places[-1], agency)):
        sub_places.append(sub)  # 淮安市淮阴区 names a district of 淮安市, not 淮安市人民政府
        lowest_named = False
    if not places and not english and _names_whole(text, agency):  # 水利部, 国家林业和草原局: named in full
        return 6
    if every_of_place and not depts and hits:  # every agency of the place, its areas' too (海坛片区)
        return 2 * len(hits)
    if lowest_named and not english and _alias_written(text, agency, places):
        return 2 * len(hits) + 5  # "淮北市妇幼保健院": the body's other name, written whole with its place
    if (lowest_named or (not places and depts)) and (  # the department is checked only where it can decide
            not depts or any(department_matches(_after_place(d, places), department) for d in depts)
            or (english and english_name_names(text, department))):
        # in English, a department the translated mention names whole (Management Committee → 管理委员会 →
        # 管委会办公室) over one sharing only its core (管理 of 市场监督管理局)
        # (or one whose every word an English name spells: Environment and Land Resources → 环境与国土资源局)
        whole = english and (any(d in department or abbreviates_within(department, d) for d in depts)
                             or english_name_names(text, department))
        # in Chinese, a department named as written (政府办公室 in 人民政府办公室) over one whose characters the
        # mention only skips through (人民政府外事办公室); a mention inside a longer one (人民政府 of
        # 人民政府外事办公室) does not count
        written = not english and bool(depts) and (bool(department) and department in text or any(
            _after_place(d, places) in department for d in depts if not any(d != e and d in e for e in depts)))
        return 2 * len(hits) + (4 if depts else 0) + whole + written
    if lowest_named and depts and english and (not department or department in _ZONE_BODIES) \
            and _english_department_after_place(text, agency) is None:
        # "the Anshun development zone … or the Dongcheng health commission": a zone is its body, with or without
        # its committee ("… than the Panyu development zone committee": 番禺经济技术开发区管委会)
        return 2 * len(hits)
    if lowest_named and depts and is_place_government(department) \
            and (_named_alone_in_english(text, places[-1]) if english else _named_alone(text, places[-1], depts)):
        return 2 * len(hits)  # listed beside another body: the place's government
    return None


def _written_with_another_level(text: str, place: str) -> bool:
    """The place's own name is written with another level's ending (兴华乡 for 兴华镇, 城关镇 for 城关乡)."""
    bare = re.sub(r"(?:镇|乡|街道)$", "", place)
    return bare != place and len(bare) >= 2 and re.search(re.escape(bare) + r"(?:镇|乡|街道)", text) is not None


def _english_level_differs(text: str, place: str) -> bool:
    """"Xinghua Township" of 兴华镇 (a town) or "Xinghua town" of 兴华乡: the English level word is the other one."""
    township, town = re.search(r"\btownships?\b", text, re.I), re.search(r"\btowns?\b", text, re.I)
    return bool(place.endswith("镇") and township and not town or place.endswith("乡") and town and not township)


def _another_place_before(text: str, places: Sequence[str]) -> bool:
    """The agency's lowest place is written only right after a place that is none of its own (施甸县 before 太平镇 of
    姚安县太平镇); an agency that names no place above its lowest cannot tell."""
    if len(places) < 2:
        return False
    own = {n for p in places[:-1] for n in (p, bare_place(p))}
    befores = [_place_before(text, m.start()) for m in re.finditer(re.escape(places[-1]), text)]
    # (a place of the same level as the one above it: 淄博市常家镇 skips 高青县 and names the city above it)
    # (禄劝县 is 禄劝彝族苗族自治县 written short: the same place by its bare name)
    return bool(befores) and all(b and not any(b.endswith(n) for n in own) and bare_place(b) not in own
                                 and _level_of(b[-1]) == _level_of(places[-2][-1]) for b in befores)


def _level_of(ending: str) -> str:
    return "county" if ending in "县区旗" else ending


def _opening_words_named(name: str, is_named: Callable[[str], bool]) -> list[str]:
    """The words opening a body's name written with no place word (铜鼓公路分局, 湖南衡山萱洲国家湿地公园管理处) that
    the text names as places: a county's, a province's or a park's own name, written bare."""
    return [words for words in _opening_words(name) if is_named(words)]


def _opening_words(name: str) -> list[str]:
    """The words of two or three characters that may open a name after a province's or a county's (湖南衡山萱洲…)."""
    return [name[i:i + n] for i in (0, 2, 4) for n in (2, 3) if i + n <= len(name) - 2]


def _alias_written(text: str, agency: str, places: Sequence[str]) -> bool:
    """A name of the agency beyond its place alone (淮北市妇幼保健院 of 淮北市妇幼保健计划生育服务中心(市妇幼保健院))
    written in the text as it is."""
    return any(len(a) > len(places[-1]) + 1 and a.startswith(places[-1]) and a in text and not a.isascii()
               for a in _agency_aliases(agency))


# words that set two bodies side by side: listed (和, 与, 及, 、) or compared (A比B, A较B; "A … than B")
_LISTED = re.compile(r"和|与|及|、|以及|比|较")
_LISTED_EN = re.compile(r"\b(?:and|than|versus|vs|or)\b|,|compared (?:with|to)")  # "which …: A or B"


def _each_listed_place(text: str, candidates: list[tuple[int, str]], chosen: list[str], skip: bool) -> list[str]:
    """Agencies of places the text lists apart ("临邑县宿安乡和岳阳县长湖乡", "A乡比B县C乡多…", "… Su'an Township
    than Changhu Township (Yueyang County)"): the best of each place, not only the one whose name the text spells more
    of (岳阳县 and 长湖乡 outscore 宿安乡 alone). Each place is written in full (in English: in pinyin) and a listing or
    comparing word stands between two of them."""
    if skip:  # every agency of a place is meant anyway
        return chosen
    english = not re.search(r"[\u4e00-\u9fff]", text)
    spots = _latin_spots(text) if english else None
    best_of: dict[str, tuple[int, list[str]]] = {}
    where: dict[str, int] = {}
    for score, agency in candidates:
        places = _split_agency(agency)[0]
        if not places:
            continue
        spot = _english_place_at(spots, places[-1]) if spots is not None else _chinese_place_at(text, places[-1])
        if spot < 0 and spots is not None and len(places) >= 2 and _zone_kind_written(places[-1], text):
            spot = _english_place_at(spots, places[-2])  # "the Ningzhou park committee": the zone by its city
        if spot < 0:
            continue
        where[places[-1]] = spot
        kept = best_of.get(places[-1])
        if kept is None or score > kept[0]:
            best_of[places[-1]] = (score, [agency])
        elif score == kept[0]:
            kept[1].append(agency)
    # the words of a chosen agency's own place are not another place ("…Lixia District, Jinan": Jinan is 济南 of the
    # chosen street office, not 晋安, which reads jinan too)
    if spots is not None:  # pinyin reads two places alike; Chinese characters do not
        own = {p for a in chosen for p in _split_agency(a)[0]}
        taken = {_english_place_at(spots, p) for p in own}
        best_of = {p: kept for p, kept in best_of.items() if p in own or where[p] not in taken}
    if not english:  # "宁州市生物医药产业园区": the city written as the zone's own first words is no place listed
        best_of = {p: kept for p, kept in best_of.items() if not _written_as_upper_place(text, p, best_of)}
    if len(best_of) < 2:
        return chosen
    listing = _LISTED_EN if english else _LISTED
    order = sorted((where[p], p) for p in best_of)
    listed = [order[0][1]] + [p for (i, _), (j, p) in zip(order, order[1:], strict=False)
                              if listing.search(text[i:j].lower())]
    if len(listed) < 2 or any(a in b or b in a for a in listed for b in listed if a != b):
        return chosen
    return list(dict.fromkeys([*chosen, *(a for p in listed for a in best_of[p][1])]))


def _written_as_upper_place(text: str, place: str, best_of: dict[str, tuple[int, list[str]]]) -> bool:
    """The place is written right before a lower place of another candidate's, which it is an upper place of."""
    end = _chinese_place_span(text, place)[1]
    return any(place in _split_agency(a)[0][:-1] and _chinese_place_at(text, lower) == end
               for lower, (_, agencies) in best_of.items() if lower != place for a in agencies)


def _each_listed_department(text: str, candidates: list[tuple[int, str]], chosen: list[str],
                            depts: list[str]) -> list[str]:
    """Departments of one place listed apart ("平潭国资局2023年和平潭自然资源与生态环境局2024年"): the best agency
    of each department mention, when a listing or comparing word stands between the mentions."""
    at = sorted((text.find(d), d) for d in dict.fromkeys(depts) if text.find(d) >= 0)
    if len(at) < 2 or not all(_LISTED.search(text[i + len(d):j]) for (i, d), (j, _) in zip(at, at[1:], strict=False)):
        return chosen
    picked: list[str] = []
    for i, mention in at:
        scored = [(score, agency) for score, agency in candidates
                  if department_matches(_after_place(mention, _split_agency(agency)[0]), _split_agency(agency)[1])]
        if not scored:
            return chosen
        # "…比东湖区审计局": the department of the place written right before it, not another named place's
        scored = [(n, a) for n, a in scored if (places := _split_agency(a)[0])
                  and text[:i].endswith((places[-1], bare_place(places[-1])))] or scored
        best = max(n for n, _ in scored)
        picked += [a for n, a in scored if n == best]
    return list(dict.fromkeys([*chosen, *picked]))


def _chinese_place_at(text: str, place: str) -> int:
    """Where the text writes a place, in full or by its bare name (平潭 of 平潭综合实验区)."""
    return _chinese_place_span(text, place)[0]


def _chinese_place_span(text: str, place: str) -> tuple[int, int]:
    for name in (place, bare_place(place)):
        if len(name) >= 2 and (at := text.find(name)) >= 0:
            return at, at + len(name)
    return shortened_place_span(text, place)


def shortened_place_span(text: str, place: str) -> tuple[int, int]:
    """"广元天然气工业园区" of 天然气综合利用工业园区: a long place (a zone, a park) written with words of its middle
    left out — its first two and last two characters kept, the rest in order — names it; (-1, -1) when not."""
    if not re.fullmatch(r"[\u4e00-\u9fa5]+", place):
        return -1, -1
    if len(place) >= 5 and place.endswith("旗"):
        # a banner by its first character and its last ones: 阿左旗 (阿拉善左旗), 科右前旗 (科尔沁右翼前旗)
        head, tail, shortest = place[:1], "旗", 3
    elif len(place) >= 7:
        head, tail, shortest = place[:2], place[-2:], max(5, len(place) // 2)
    else:
        return -1, -1
    for start in (m.start() for m in re.finditer(head, text)):
        for end in (m.end() for m in re.finditer(tail, text[start + len(head):])):
            run = text[start: start + len(head) + end]
            if len(run) >= shortest and run != place and _is_subsequence(run, place):
                return start, start + len(run)
    return -1, -1


def _named_alone(text: str, place: str, depts: list[str]) -> bool:
    """The place is written without a department after it, up to the next listing word ("通山县和平潭国资局":
    通山县 alone, its government; 国资局 is 平潭's)."""
    at, end = _chinese_place_span(text, place)
    if at < 0:
        return False
    body = _DEPT_SUFFIX.search(text, end)
    if body and not re.search(r"和|及|、|以及|比|较|[的年，,。？?；;：:\d]", text[end:body.end()]) \
            and not text.startswith("与", end) and body.end() - end <= MAX_DEPARTMENT_NAME:
        return False  # "平潭综合实验区交通与建设局": a department follows (与 inside its name)
    segment = re.split(r"和|与|及|、|以及|比|较|[，,。？?；;：:]", text[end:], maxsplit=1)[0]
    return not any(d in segment for d in depts)


MAX_DEPARTMENT_NAME = 14  # 自然资源与生态环境局, 住房和城乡建设局 … written after their place


_LEVEL_EN = r"(?:sub-?district|street|town|township|county|district|city|area|village)"
_ALONE_EN = re.compile(rf"[a-z'’-]+\s+{_LEVEL_EN}(?:\s*\([^)]*\))?(?![a-z'’-])(?!['’]s\b)"
                       rf"(?!\s+(?:[a-z'’-]+\s+){{0,2}}{_BODY_NOUN}s?\b)", re.I)


def _named_alone_in_english(text: str, place: str) -> bool:
    """"Erlang Subdistrict (Chongqing) and the Wuqia County government office": the place and its level word, not
    followed by a body's name within a few words ("Xibei Township (Chaotian District) publish…") — its government;
    the department words belong to the other body."""
    at = _english_place_at(_latin_spots(text), place)
    return at >= 0 and bool(_ALONE_EN.match(text, at))


_BODY_NAME_END = re.compile(rf"(?i)\b{_BODY_NOUN}s?\b")
_NAME_BREAK = re.compile(r"(?i)'s\b|[,;?]|\b(?:than|versus|vs|compared|while|whereas|and the|or the)\b")


_NAME_RUN_END = re.compile(r"(?i)\s+(?:in|during|for|did|do|does|was|were|is|are|has|have|had|or|and|than|from"
                           r"|publish\w*|disclose\w*|release\w*|receive\w*|post\w*)\b")


def _english_department_after_place(text: str, agency: str) -> bool | None:
    """Whether the English body name that starts at the agency's place (in pinyin) names the agency's department
    before its body noun ends it; None when the place is not found written, or the name names no department."""
    places, department = _split_agency(agency)
    if not places:
        return None
    verdicts = set()
    # "the Pingtan Management Committee Office … than the Pingtan Agriculture Bureau": each name it starts
    for at in _english_places_at(_latin_spots(text), places[-1]):
        # the name runs to its last body noun ("Jilin provincial government services bureau", not "… government")
        run = _NAME_RUN_END.split(_NAME_BREAK.split(text[at:], maxsplit=1)[0], maxsplit=1)[0]
        ends = list(_BODY_NAME_END.finditer(run))
        end = _BODY_NAME_END.search(text, at)
        name = run[: ends[-1].end()] if ends else _NAME_BREAK.split(text[at: end.end() if end else len(text)],
                                                                        maxsplit=1)[0]
        if named := english_departments(name):  # "the Xining zone's WeChat account … than the Fumin bureau"
            verdicts.add(any(department_matches(d, department) for d in named)
                         or english_name_names(name, department))
    return (True in verdicts) if verdicts else None


class _Spots(NamedTuple):
    letters: str  # the text's letters run together (as ``_latin``)
    at: list[int]  # where each stands in the text
    text: str


def _latin_spots(text: str) -> _Spots:
    kept = [(c, i) for i, c in enumerate(text.lower()) if "a" <= c <= "z"]
    return _Spots("".join(c for c, _ in kept), [i for _, i in kept], text)


def _english_place_at(spots: _Spots, place: str) -> int:
    """Where the text first names the place in pinyin (-1: nowhere)."""
    return min(_english_places_at(spots, place), default=-1)


def _english_places_at(spots: _Spots, place: str) -> list[int]:
    """Everywhere the text names the place in pinyin (or by the places it joins: "Shenzhen-Shanwei")."""
    letters, index, text = spots
    # (兴县 also as "Xing County")
    readings = [r for r in _pinyins(bare_place(place)) if len(r) >= 3] + _one_character_readings(place)
    return sorted({index[m.start()] for r in readings for m in re.finditer(re.escape(r), letters)}
                  | set(_places_it_joins_at(bare_place(place), text)))


MAX_PLACE_BEFORE_BODY = 40  # characters from a place's English name to its body's ("Nankang district health …")


def first_named_at(text: str, agency: str) -> int:
    """Where the text first names the agency, by any of its aliases (in pinyin too, "Su'an" for 宿安); -1: nowhere."""
    lowered, spots = text.lower(), _latin_spots(text)
    places, department = _split_agency(agency)
    found = [i for a in agency_aliases(agency) if a and (i := _named_here(text, lowered, a, places, department)) >= 0]
    found += [spots[1][i] for a in agency_aliases(agency) if a.isascii() and len(a) >= 3
              and (i := spots[0].find(a.lower())) >= 0]
    if bodies := _english_bodies_at(text, department):  # "the Pingtan Transport and Construction Bureau"
        if places and (at := _english_place_at(spots, places[-1])) >= 0 \
                and any(0 <= body - at <= MAX_PLACE_BEFORE_BODY for body in bodies):
            # "the Nankang district health commission … than the Jiangning district health commission": two places'
            # bodies of one kind, each where its own place names it
            return min([*found, at])
        return min(found + bodies)  # where the department is named, not its place (which another may share)
    if places and (lowest := _english_place_at(spots, places[-1])) >= 0:  # "Changhu Township (Yueyang County)"
        found.append(lowest)
    elif len(places) >= 2 and _zone_kind_written(places[-1], text) \
            and (upper := _english_place_at(spots, places[-2])) >= 0:
        found.append(upper)  # "the Ningzhou park committee": the zone named by its city and its kind
    if not found and places and (lowest := _chinese_place_at(text, places[-1])) >= 0:
        found.append(lowest)  # "平潭国资局": its place, the department by a short name no alias spells
    if not found:  # "the Xidajie development service center": the words opening its name (西大街)
        found += [at for words in _opening_words(department) if (at := _english_place_at(spots, words)) >= 0]
    return min(found, default=-1)


def _named_here(text: str, lowered: str, alias: str, places: Sequence[str], department: str = "") -> int:
    """The first place the alias names the agency: a department's short name written after another place
    ("咸宁市审计局" for 包头市审计局's 审计局) is that place's body, not this one; so is a short name read inside
    the whole department name of another place (府办 of "六盘水市人民政府办公室")."""
    at = lowered.find(alias.lower())
    while at >= 0:
        written = _department_around(text, at, department) if len(alias) < len(department) else -1
        before = _place_before(text, written if written >= 0 else at) \
            if not any(bare_place(p) in alias for p in places) else ""
        if not before or any(bare_place(before) in p or bare_place(p) in before for p in places):
            return at
        at = lowered.find(alias.lower(), at + 1)
    return -1


def _department_around(text: str, at: int, department: str) -> int:
    """Where the whole department name written around ``at`` starts; -1 when ``at`` is in none."""
    start = text.find(department) if department else -1
    while start >= 0:
        if start <= at < start + len(department):
            return start
        start = text.find(department, start + 1)
    return -1


_PLACE_BEFORE = re.compile(r"[\u4e00-\u9fa5]{2,8}(?:省|市|县|区|州|旗|镇|乡|苏木)$")
_NOT_IN_PLACE = re.compile(r".*[各全本该我每的了是有在和与及或对把被经由年]")


def _place_before(text: str, at: int) -> str:
    """The place name written right before ``at`` (驻马店市 in 2019年驻马店市农业农村局), or "" (经审核的市政府)."""
    run = re.search(r"[\u4e00-\u9fa5]{1,12}$", text[:at])
    name = _NOT_IN_PLACE.sub("", run.group(0)) if run else ""
    return name if _PLACE_BEFORE.fullmatch(name) else ""


def _placed_mention(text: str, mentions: list[str]) -> bool:
    """A department mention written right after a place name of its own (驻马店市 of 驻马店市农业农村局)."""
    return any(at > 0 and _place_before(text, at) for m in mentions if (at := text.find(m)) >= 0)


def department_mentions_of(text: str, agencies: Iterable[str]) -> list[str]:
    """The department mentions of a Chinese text that name one of these agencies (平潭综合执法局 of
    平潭综合实验区综合执法局办公室): words that scope a question, not things it asks about."""
    found = []
    for mention in department_mentions(text):
        for agency in agencies:
            places, department = split_agency(agency)
            if department and department_matches(_after_place(mention, places), department):
                found.append(mention)
                break
    return found


def _after_place(mention: str, places: Sequence[str]) -> str:
    """A department mention without the agency's place written before it (平潭综合执法局 → 综合执法局): a place
    without its level word (平潭 of 平潭综合实验区) does not stop the mention where a 区 or 县 would."""
    for place in sorted({q for p in places for q in (p, bare_place(p))}, key=len, reverse=True):
        if mention.startswith(place) and len(mention) - len(place) >= 2:
            return mention[len(place):]
    return mention


_SUB_PLACE = re.compile(r"[\u4e00-\u9fa5]{1,4}?(?:自治县|区|县|市|镇|乡|苏木|街道)")
_LOWER_PLACE = re.compile(r"[\u4e00-\u9fa5]{1,6}?(?:自治县|区|县|市|镇|乡|苏木|街道)")


def _sub_place_after(text: str, place: str, agency: str) -> str | None:
    """A lower-level place written right after the agency's own place, which the agency's name does not have."""
    at = text.find(place)
    if at < 0:
        return None
    m = _SUB_PLACE.match(text, at + len(place))
    if m and m.group(0) not in agency and not re.match(r"(政府|人民政府)", m.group(0)) \
            and not re.search(r"[的了是有在和与及或个年比较跟同]", m.group(0)) \
            and not m.group(0).startswith(("各", "全")):  # (青岛市各区: the city's districts, in its own report)
        return text[at:m.end()]
    return None


def _mention_from(text: str, place: str) -> str:
    """杭州市 in 「杭州市上城区2019年…」 → 杭州市上城区: the whole name the question gives, not the part we know."""
    end = text.find(place) + len(place)
    while m := _LOWER_PLACE.match(text, end):
        end = m.end()
    return text[text.find(place):end]


def without_body_words(text: str, agency: str) -> str:
    """The text without the words naming the body by its field ("盐津县公安机关…主动发布": 公安机关, the police
    organs, whose 机关 says nothing of 局机关发布信息). Its places stay: 主动公开朋普镇政府信息 is the town's whole."""
    department = split_agency(agency)[1]
    core = re.sub(r"(?:局|委员会|委|办公室|办|厅|中心|分局)+$", "", department)
    for name in (f"{core}{body}" for body in ("机关", "系统", "部门") if len(core) >= 2):
        text = text.replace(name, "|")
    return text

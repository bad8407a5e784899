"""Agency names and the short forms people use: 瓯海区 / 瓯海区政府 for 温州市瓯海区人民政府, 卫健委 for 卫生健康委员会.

A rule does most of the work (drop the higher-level place prefixes, 人民政府 → 政府 → nothing); the lexicon adds
the usual department abbreviations that the rule cannot produce.
"""

from __future__ import annotations

import re

from .lexicon import load_lexicon

_LEVEL = re.compile(r"(.+?(?:自治区|自治州|省|市|区|县|旗|盟))")
_GENERIC = re.compile(r"^(人民政府|政府|政府办|政府办公厅|[省市区县]?(人民)?政府)$")


def agency_aliases(agency: str) -> set[str]:
    if not agency:
        return set()
    aliases = {agency}
    # progressively drop the leading administrative levels: 温州市瓯海区人民政府 → 瓯海区人民政府
    rest = agency
    while (m := _LEVEL.match(rest)) and len(rest) > len(m.group(1)):
        rest = rest[len(m.group(1)):]
        if len(rest) >= 2:
            aliases.add(rest)
        if rest.startswith(("人民政府", "政府")):
            break
    for name in list(aliases):
        for long, short in (("人民政府办公室", "政府办"), ("人民政府办公厅", "政府办公厅"), ("人民政府", "政府")):
            if name.endswith(long):
                base = name[: -len(long)]
                aliases.add(base + short)
                if long == "人民政府" and len(base) >= 2:
                    aliases.add(base)  # 瓯海区人民政府 → 瓯海区
                    if len(base) >= 3 and base[-1] in "省市区县":
                        aliases.add(base[:-1])  # 瓯海
        for long, shorts in load_lexicon().agency_abbreviations.items():
            if name.endswith(long):
                for short in shorts:
                    aliases.add(name[: -len(long)] + short)
                    aliases.add(short)
    aliases = {a for a in aliases if len(a) >= 2 and not _GENERIC.match(a)}
    return aliases | {_pinyin(a) for a in aliases if len(a) <= 4 and re.fullmatch(r"[\u4e00-\u9fa5]+", a)}


def _pinyin(name: str) -> str:
    """瓯海 → ouhai, so English questions can name the place ("Ouhai", "Huai'an")."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name)).lower()


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
        return any(name and (a in name or name in a) for agency in agencies for a in agency_aliases(agency) if a.isascii())
    return any(place in agency or any(place in a or a in place for a in agency_aliases(agency) if len(a) >= 2)
               for agency in agencies)


_DEPARTMENT = re.compile(r"^[\u4e00-\u9fa5]{1,6}?(?:局|委员会|委|办公室|厅|中心|院|署)")


def unknown_department(text: str, agencies: list[str]) -> str | None:
    """瓯海区教育局 names a department of 瓯海区, not the 瓯海区人民政府 that is indexed."""
    for agency in agencies:
        for alias in sorted(agency_aliases(agency), key=len, reverse=True):
            pos = text.find(alias)
            if pos < 0:
                continue
            if m := _DEPARTMENT.match(text[pos + len(alias):]):
                mention = alias + m.group(0)
                if not any(mention in a or a.endswith(m.group(0)) for a in agency_aliases(agency)):
                    return mention
            break
    return None

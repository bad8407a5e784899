"""A figure the text adds up over the years (历年累计, 截至2019年底累计, 《条例》实施以来累计) is no figure of one year:
it answers only a question asking a running total, and is never the whole a year's part is a share of."""

from __future__ import annotations

import re

from ..documents import Fact

SHORT_LEAD_IN = 10  # a comma clause this short before a figure's own opens it ("历年来，", "截至2019年底，")
_UP_TO_YEAR_END = re.compile(r"(?:截至|截止|至)\s*(?:19|20)\d{2}\s*年\s*(?:底|末)|(?:到|截至|截止|至)目前|至今")
# "《条例》颁布实施以来,累计主动公开…": added up since long before the year (今年以来 is the year's own)
_SINCE_LONG_AGO = re.compile(r"(?<!今年)(?<!年初)(?<!本年)(?<!全年)(?<!年度)以来[，,]?\s*(?:共|已|总共)?累计")


def said_as_running_total(fact: Fact) -> bool:
    """"截至2019年底，累计主动公开政府信息64627条": added up over the years (历年, or 累计 up to a year's end or since
    long ago: 累计 alone is often the year's own)."""
    if fact.kind != "prose":
        return False
    before = fact.source[: fact.source.find(fact.raw)] if fact.raw in fact.source else ""
    clause = re.split(r"[。；;]", before)[-1]
    last = max(clause.rfind("历年"), clause.rfind("累计"))
    if last < 0 or "其中" in clause[last:]:
        return False  # "历年累计52条，其中2010年新增14条": the year's own part of the running total
    # "截至2019年12月31日，…累计主动公开3条" dates the year's own figure
    return said_of_the_figure(clause, "历年") or bool(_UP_TO_YEAR_END.search(clause) or _SINCE_LONG_AGO.search(clause))


def said_of_the_figure(clause: str, word: str) -> bool:
    """The word is in the figure's own comma clause or in a short lead-in before it: "历年累计52条", "历年来，共公开…",
    not "对…历年政务公开第三方评估…有关要求进行再梳理，…提出25项措施" (past years' reviews, not a running total)."""
    parts = re.split(r"[，,]", clause)
    # (a clause with a figure of its own, "历年累计345条,全文电子化达100%", is that figure's, no lead-in)
    return word in parts[-1] or any(word in p and len(p) <= SHORT_LEAD_IN and not re.search(r"\d", p)
                                    for p in parts[:-1])

"""Figures written in the prose (区政府受理62件) → facts of kind ``prose`` with their sentence as source.

They answer questions the tables do not cover, and let the answer say where prose and table disagree.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..documents import Fact, Section

UNITS = ("人次", "万元", "万条", "万件", "万次", "件", "条", "次", "篇", "个", "人", "起", "项", "场", "期", "家", "份", "元")
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(万)?\s*(多|余)?\s*(" + "|".join(u for u in UNITS if not u.startswith("万")) + ")")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_CLAUSE_BREAK = re.compile(r"[，,、：:；（(]")
_QUOTES = re.compile(r"[“”\"‘’]")
MAX_LABEL = 24


def extract_prose_facts(sections: list[Section]) -> list[Fact]:
    facts: list[Fact] = []
    for section in sections:
        for sentence in _SENTENCE.findall(section.text):
            for m in _FIGURE.finditer(sentence):
                if _is_date_or_code(sentence, m):
                    continue
                before = _QUOTES.sub("", _CLAUSE_BREAK.split(sentence[: m.start()])[-1]).strip()[-MAX_LABEL:]
                if not before:
                    continue
                digits = m.group(1)
                value = Decimal(digits) if "." in digits else int(digits)
                unit = ("万" if m.group(2) else "") + m.group(4)
                facts.append(Fact(path=section.path + (before,), column=None, value=value, unit=unit,
                                  raw=m.group(0), kind="prose", table="", source=sentence.strip()))
    return facts


def _is_date_or_code(sentence: str, m: re.Match[str]) -> bool:
    after = sentence[m.end(): m.end() + 1]
    before = sentence[max(0, m.start() - 1): m.start()]
    return bool(re.match(r"[年月日号〕\]]", after) or before in "〔[第")

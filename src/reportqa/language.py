"""Which language a question is written in: the answer's language and how agency names are matched follow it."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def question_language(text: str) -> str:
    """English when the question is written in English, even with a Chinese name in it ("… (金井片区管理局) …")."""
    cjk = len(_CJK.findall(text))
    latin_words = _LATIN_WORD.findall(text)
    if cjk and not (len(latin_words) >= 3 and sum(map(len, latin_words)) > 2 * cjk):
        return "zh"
    return "en"

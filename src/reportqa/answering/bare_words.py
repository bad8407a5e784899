"""The words that say "information was published" and nothing about what (公开, 政府信息, 全年, 全镇).

A label or question made of nothing else is bare: "全镇政府信息公开566条" is all the body published, and "全年共公开
信息200条" is about what its point or the clause before it says (街道宣传栏…). Language data, kept apart so the
figure finders and the overall answer read the same words.
"""

from __future__ import annotations

import re
from functools import lru_cache

# words that say "information was published" and nothing about what: the question and the label may write only these
_GENERIC_WORDS = frozenset({
    "公开", "发布", "主动", "政府", "信息", "政务", "政府信息", "政务信息", "各类", "各项", "有关", "相关",
    "共", "共计", "一共", "总共", "合计", "累计", "全年", "年内", "本年", "本年度", "今年", "年度", "了", "的",
    "有", "多少", "几", "等", "总数", "数量", "数", "全部", "所有", "我", "其", "通过", "对外", "向", "社会",
    "共有", "已", "进行", "依法", "及时", "完成"})  # (2019年度完成政府信息公开301条)
# characters every figure's sentence may hold: a word made of nothing else names no particular thing (政府信息公开)
DOMAIN_CHARACTERS = frozenset("政府信息公开")
# the body itself: 全镇, 我局, 我馆, 本机关 scope a figure to the body, they name no part of what it published
_BODY_WORDS = re.compile(r"^(?:全|我|本)(?:[镇乡区县市局委办省州旗街院所厅馆站校处队])$|^本(?:机关|单位|部门)$"
                         r"|^(?:全|本)?(?:镇|乡|街道)$")
_MEASURES = re.compile(r"^(?:(?:几|多少)?[条项件个篇份次]|(?:19|20)\d{2}年?|年|月)$")  # 1月至12月: the year's months


# a clause's subject, the body itself, before its verb ("街道通过政府门户网站公开文件", "我局全年发布…"): a word of the
# label that names who published, not what
_BODY_AS_SUBJECT = re.compile(r"^(?:全|我|本|该)?(?:[镇乡区县市局委办街院所厅馆站校处队]|街道(?:办事处)?"
                              r"|机关|单位|部门)(?=通过|依托|利用|在|于|向|共|全年|年内|累计|主动|发布|公开|制作)")


def without_the_body_as_subject(label: str) -> str:
    """A figure's label less the body that is its clause's subject ("街道通过…公开文件" → "通过…公开文件"): what
    the figure counts, for matching it to a thing asked."""
    return _BODY_AS_SUBJECT.sub("", label)


@lru_cache(maxsize=4096)
def jieba_words(text: str) -> tuple[str, ...]:
    from ..chunking import jieba  # quiet, as chunking sets it up

    return tuple(w for w in jieba.lcut(re.sub(r"[\s\d,，。、:：;；?？!！“”\"'()（）]+", " ", text)) if w.strip())


def is_bare(text: str) -> bool:
    """Some words, and nothing but the generic words of publishing, the body's own scope words and measure words."""
    words = jieba_words(text)
    return bool(words) and all(w in _GENERIC_WORDS or _BODY_WORDS.match(w) or _MEASURES.match(w) for w in words)

"""Character-level similarity of Chinese labels: the row labels of one concept vary by a character or two."""

from __future__ import annotations

import re

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])")
_STOP = set("数的量情况其中总和及与")


def bare_label(label: str) -> str:
    """The label without its numbering, spaces and quotes: （三）申请答复数 → 申请答复数."""
    return re.sub(r"[\s“”\"《》]", "", _NUMBERING.sub("", label))


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def label_similarity(a: str, b: str) -> float:
    """Dice coefficient over character bigrams of the bare labels, ignoring filler characters."""
    a2 = "".join(ch for ch in bare_label(a) if ch not in _STOP)
    b2 = "".join(ch for ch in bare_label(b) if ch not in _STOP)
    if not a2 or not b2:
        return 0.0
    x, y = _bigrams(a2), _bigrams(b2)
    return 2 * len(x & y) / (len(x) + len(y))

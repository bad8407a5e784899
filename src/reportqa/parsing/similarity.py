"""Row labels without their decoration, so labels of one concept compare equal across numbering styles."""

from __future__ import annotations

import re

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])")


def bare_label(label: str) -> str:
    """The label without its numbering, spaces and quotes: （三）申请答复数 → 申请答复数."""
    return re.sub(r"[\s“”\"《》]", "", _NUMBERING.sub("", label))

"""What every loader shares: the ``LoadError`` it raises, joining wrapped lines, and turning text and grids into
blocks."""

from __future__ import annotations

import re
from pathlib import Path

from ..documents import Block


class LoadError(Exception):
    """A file that cannot be read as a report; the message starts with the file name."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{Path(path).name}: {reason}")
        self.path = str(path)
        self.reason = reason


_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_CJK_CHAR = re.compile(f"[{_CJK}]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_CHAR.match(ch))


_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")


def join_wrapped(parts: list[str]) -> str:
    """Join visual lines of one paragraph or cell: nothing between Chinese characters, a space between words.

    Letter-spaced Chinese ("结 果") is closed up too: a space between two Chinese characters is layout, not text.
    """
    out = ""
    for part in (_SPACE_BETWEEN_CJK.sub("", p.strip()) for p in parts):
        if not part:
            continue
        if out and not _is_cjk(out[-1]) and not _is_cjk(part[0]):
            out += " "
        out += part
    return out


def _grid_blocks(rows: list[list[str]]) -> list[Block]:
    """A grid as a table block; a one-column "table" (a framed paragraph) as text blocks; empty rows dropped."""
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    if width <= 1:
        return [Block(kind="text", text=line.strip()) for row in rows for line in row[0].split("\n") if line.strip()]
    return [Block(kind="table", rows=[row + [""] * (width - len(row)) for row in rows])]


def _text_blocks(text: str) -> list[Block]:
    return [Block(kind="text", text=line.strip()) for line in text.split("\n") if line.strip()]

"""A whole report on one line → its paragraphs, each heading on a line of its own.

Text saved from a report page often loses every line break: "…联系。一、 概述2016年，在省政府…（一）组织机构方面我区…".
The section splitter needs headings on lines of their own, so a long line is cut before each numbered heading
(一、 … （一） …) that follows a sentence end or a space, and a top heading glued to the text after it
("一、 概述2016年，…") is cut where the heading's words end: at a space, a digit, or a word headings end with
(情况, 措施, 统计表 …, language data in ``run_on.toml``; the earliest strong ending wins). Lines that already read as
paragraphs are left alone.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

MIN_RUN_ON = 300  # a line at least this long with two or more numbered headings in it is a run-on report
_TOP = r"[一二三四五六七八九十]{1,2}、"
_SUB = r"[（(][一二三四五六七八九十]{1,2}[）)]"
_CUT = re.compile(rf"(?:(?<=[。！？；!?;\s])|^)(?=(?:{_TOP}|{_SUB})\s*[^\s\d，。；、])")
_TOP_START = re.compile(rf"^\s*{_TOP}")
_SUB_START = re.compile(rf"^\s*{_SUB}")


@lru_cache(maxsize=1)
def _heading_ends() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = tomllib.loads(Path(__file__).with_name("run_on.toml").read_text(encoding="utf-8"))
    return tuple(data["strong_heading_ends"]), tuple(data["weak_heading_ends"])


def _heading_end(words: str, strong_only: bool = False) -> int | None:
    """Where a heading's words end: after the earliest strong ending (情况, 措施 …), else the earliest weak one."""
    for group in _heading_ends()[:1] if strong_only else _heading_ends():
        ends = [words.find(w) + len(w) for w in group if w in words]
        if ends:
            end = min(ends)
            # "主要问题及改进措施": a heading joined by 及/和/与 goes on to its last ending
            while (joined := re.match(r"以及|及|和|与|、", words[end:])) \
                    and (more := _heading_end(words[end + joined.end():])) is not None:
                end += joined.end() + more
            return end
    return None


def is_run_on(line: str) -> bool:
    return len(line) >= MIN_RUN_ON and len(re.findall(rf"(?:{_TOP}|{_SUB})", line)) >= 2


def split_run_on(line: str) -> list[str]:
    """The paragraphs of a run-on line (the line itself when it is not one)."""
    if not is_run_on(line):
        return [line]
    out: list[str] = []
    for piece in (p.strip() for p in _CUT.split(line)):
        if piece:
            out.extend(split_heading(piece))
    return out


def split_heading(piece: str) -> list[str]:
    """``一、 概述2016年，…`` → [``一、 概述``, ``2016年，…``]; a piece that is not a heading plus text stays whole."""
    is_top = bool(_TOP_START.match(piece))
    if not is_top and not _SUB_START.match(piece):
        return [piece]
    marker = re.match(rf"^\s*(?:{_TOP}|{_SUB})\s*", piece)
    assert marker is not None
    head_limit = 40 if is_top else 24
    words = piece[marker.end(): marker.end() + head_limit]
    if is_top and (sub := re.search(_SUB, words)) and sub.start() >= 2 \
            and not re.search(r"[，,。；;：:！？]", words[: sub.start()]):
        cut = marker.end() + sub.start()  # "二、主动公开政府信息情况（一）…": the sub-heading starts the rest
        return [piece[:cut].strip(), *split_heading(piece[cut:].strip())]
    stop = re.search(r"[\s\d，,。；;：:！？]", words)
    before_stop = words[: stop.start()] if stop else words
    stop_char = words[stop.start()] if stop else ""
    strong = _heading_end(before_stop, strong_only=True)
    if strong is not None and 2 <= strong < len(before_stop) and is_top:
        # "一、总体情况今年我局共制作政务信息1197条": the heading ends at its word (情况), not at the first digit
        cut = marker.end() + strong
    elif stop and stop.start() >= 2 and (stop_char.isspace() or (is_top and stop_char.isdigit())):
        cut = marker.end() + stop.start()  # a space (or, after 一、, a digit) ends a heading: "一、 概述2016年"
    else:
        end = _heading_end(before_stop)
        if end is None:
            return [piece]
        cut = marker.end() + end
    head, rest = piece[:cut].strip(), piece[cut:].strip()
    return [head, rest] if rest and len(head) - marker.end() >= 2 else [piece]

"""Prose → sections with heading paths (一、工作概况 › （二）强化组织领导，夯实政务公开基础).

A top-level heading is a short numbered line; a second-level heading is the first clause of a paragraph that starts
with （二） or （2）, because reports write ``（二）强化组织领导，夯实基础。正文…`` as one paragraph.

Text saved from a PDF keeps the page's line breaks ("其中原创文章 294" / "篇，微信公众号…"): a line as wide as the
document's full lines that does not end a sentence continues on the next one, so the two are joined without a break
(a figure's label and unit must not be cut apart). The full width is measured on the document itself.
"""

from __future__ import annotations

import re

from ..documents import Section

_TOP = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*\S")
_SUB = re.compile(r"^[（(]([一二三四五六七八九十]+|\d+)[）)]\s*")
_SUB_HEAD = re.compile(r"^([（(](?:[一二三四五六七八九十]+|\d+)[）)]\s*[^。！？；]{2,40}?)[。！？；]")
_THIRD_HEAD = re.compile(r"^(\d{1,2}[.．、]\s*[^。！？；，,\d]{2,30}?)[。！？；]")
_NUMBERED = re.compile(r"^\d{1,2}[.．、]\s*\D")
_SENTENCE_END = re.compile(r"[。！？；]$")
# a line stating a figure ("(一)2010年主动公开政府信息10余条") is content even when it is short and numbered
_FIGURE = re.compile(r"\d\s*(?:万)?\s*(?:多|余)?\s*(?:件|条|次|个|项|人次|人|期|场|篇|份|家|元|%)")
PREAMBLE = "前言"
_OPEN_END = re.compile(r"[^。！？；：:;!?）)”」》]$")
_ITEM_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.．是]|[（(][一二三四五六七八九十\d]+[）)]"
                         r"|\d+[、.．](?!\d)|第[一二三四五六七八九十]+)")
# how a whole heading ends ("三、依申请公开信息和不予公开政府信息的情况"): nothing of it is left for the next line
_HEADING_END = re.compile(r"(?:情况|措施|问题|概述|概况|说明|事项|建议|计划|思路|工作|其他|附表|附件|内容|成效|目标)$")
FULL_LINE_SHARE = 0.85  # a line at least this share of the document's full width was wrapped by the page
MIN_WRAP_WIDTH = 40  # display width (a Chinese character counts 2): shorter "full lines" are not page wrapping


MAX_THIRD_HEADING = 30  # characters of a numbered heading alone on its line ("2.政府网站信息公开")


def display_width(text: str) -> int:
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def wrap_width(paragraphs: list[str]) -> int | None:
    """The width of the document's full lines (its 75th percentile line width) when its lines look page-wrapped."""
    widths = sorted(display_width(p.strip()) for p in paragraphs if p.strip())
    if len(widths) < 4:
        return None
    width = widths[(len(widths) * 3) // 4]
    return width if width >= MIN_WRAP_WIDTH else None


def continues_on_next_line(line: str, next_line: str, width: int | None) -> bool:
    """Whether ``line`` was cut by the page and ``next_line`` goes on with it."""
    line, next_line = line.strip(), next_line.strip()
    return (width is not None and bool(line) and bool(next_line) and bool(_OPEN_END.search(line))
            and display_width(line) >= FULL_LINE_SHARE * width and not _ITEM_START.match(next_line)
            and not (is_top_heading(line) and _HEADING_END.search(line)))


def join_page_wrapped(paragraphs: list[str]) -> list[str]:
    """Lines cut by the page joined back into their paragraphs."""
    width = wrap_width(paragraphs)
    out: list[str] = []
    for para in paragraphs:
        if out and continues_on_next_line(out[-1].split("\n")[-1], para, width):
            out[-1] = out[-1].rstrip() + para.strip()
        else:
            out.append(para)
    return out


def is_top_heading(line: str) -> bool:
    s = line.strip()
    return bool(_TOP.match(s)) and len(s) <= 40 and not _SENTENCE_END.search(s)


def split_sections(paragraphs: list[str]) -> list[Section]:
    sections: list[Section] = []
    top = PREAMBLE
    for para in join_page_wrapped(paragraphs):
        text = para.strip()
        if not text:
            continue
        if is_top_heading(text):
            top = re.sub(r"\s+", "", text)
            continue
        path: tuple[str, ...] = (top,)
        if m := _SUB_HEAD.match(text):
            path = (top, re.sub(r"\s+", "", m.group(1)))
        elif (m := _THIRD_HEAD.match(text)) or _NUMBERED.match(text):
            # "1. 平度市政务网主动公开情况。政府信息123条:…": a third-level heading, the paragraph's first clause; a
            # numbered paragraph of another kind ("2. 加强培训。…") ends the one before
            base = sections[-1].path[:2] if sections and sections[-1].path[0] == top else (top,)
            path = (*base, re.sub(r"\s+", "", m.group(1))) if m and _HEADING_END.search(m.group(1)) else base
            if m is None and len(text) <= MAX_THIRD_HEADING and not _SENTENCE_END.search(text) \
                    and not _FIGURE.search(text) and not re.search(r"[，,：:]", text):
                # "1.固定宣传栏信息公开" on a line of its own: it names the paragraphs that follow
                path = (*base, re.sub(r"\s+", "", text))
        elif _SUB.match(text) and len(text) <= 40 and not _SENTENCE_END.search(text) and not _FIGURE.search(text):
            # a second-level heading on a line of its own: it names the paragraphs that follow
            sections.append(Section(path=(top, re.sub(r"\s+", "", text)), text=""))
            continue
        elif sections and sections[-1].path[0] == top:
            path = sections[-1].path  # a later paragraph of the same (sub-)section
        if sections and sections[-1].path == path:
            sections[-1] = Section(path=path, text=(sections[-1].text + "\n" + text).strip())
        else:
            sections.append(Section(path=path, text=text))
    return [s for s in sections if s.text]

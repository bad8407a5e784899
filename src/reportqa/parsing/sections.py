"""Prose → sections with heading paths (一、工作概况 › （二）强化组织领导，夯实政务公开基础).

A top-level heading is a short numbered line; a second-level heading is the first clause of a paragraph that starts
with （二） or （2）, because reports write ``（二）强化组织领导，夯实基础。正文…`` as one paragraph.
"""

from __future__ import annotations

import re

from ..documents import Section

_TOP = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*\S")
_SUB = re.compile(r"^[（(]([一二三四五六七八九十]+|\d+)[）)]\s*")
_SUB_HEAD = re.compile(r"^([（(](?:[一二三四五六七八九十]+|\d+)[）)]\s*[^。！？；]{2,40}?)[。！？；]")
_SENTENCE_END = re.compile(r"[。！？；]$")
# a line stating a figure ("(一)2010年主动公开政府信息10余条") is content even when it is short and numbered
_FIGURE = re.compile(r"\d\s*(?:万)?\s*(?:多|余)?\s*(?:件|条|次|个|项|人次|人|期|场|篇|份|家|元|%)")
PREAMBLE = "前言"


def is_top_heading(line: str) -> bool:
    s = line.strip()
    return bool(_TOP.match(s)) and len(s) <= 40 and not _SENTENCE_END.search(s)


def split_sections(paragraphs: list[str]) -> list[Section]:
    sections: list[Section] = []
    top = PREAMBLE
    for para in paragraphs:
        text = para.strip()
        if not text:
            continue
        if is_top_heading(text):
            top = re.sub(r"\s+", "", text)
            continue
        path: tuple[str, ...] = (top,)
        if m := _SUB_HEAD.match(text):
            path = (top, re.sub(r"\s+", "", m.group(1)))
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

"""Sections and table facts → passages for retrieval.

Prose is cut on sentence ends into 100–400 character passages with one sentence of overlap; a sentence longer than
the limit is cut at a jieba word boundary, never inside a word. Each table row becomes one passage written as
"parent headings › label：value unit", which retrieves better than a passage prefixed with the table's title
(DESIGN.md §7); year and agency stay metadata, not text.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict

import jieba

from .documents import PATH_SEP, Fact, Passage, Report

MIN_CHARS, MAX_CHARS = 100, 400
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")

jieba.setLogLevel(60)


def passage_id(report_id: str, section: str, text: str) -> str:
    return hashlib.sha1(f"{report_id}\x1f{section}\x1f{text}".encode()).hexdigest()[:16]


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for s in (m.strip() for m in _SENTENCE.findall(text)):
        if not s:
            continue
        sentences.extend(_cut_long(s) if len(s) > MAX_CHARS else [s])
    return sentences


def _cut_long(sentence: str) -> list[str]:
    pieces, current = [], ""
    for word in jieba.cut(sentence):
        if len(current) + len(word) > MAX_CHARS and current:
            pieces.append(current)
            current = ""
        current += word
    return pieces + ([current] if current else [])


def chunk_text(text: str) -> list[str]:
    """Sentences grouped into chunks of MIN_CHARS–MAX_CHARS; each chunk after the first repeats the sentence before
    it."""
    groups = _balance(_group_sentences(split_sentences(text)))
    chunks = []
    for i, group in enumerate(groups):
        body = "".join(group)
        if i and len(groups[i - 1][-1]) + len(body) <= MAX_CHARS:
            body = groups[i - 1][-1] + body  # one sentence of overlap
        chunks.append(body)
    return chunks


def _group_sentences(sentences: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    current: list[str] = []
    for sentence in sentences:
        overlap = len(groups[-1][-1]) if groups else 0  # room for the sentence repeated from the group before
        if current and overlap + sum(map(len, current)) + len(sentence) > MAX_CHARS:
            groups.append(current)
            current = []
        current.append(sentence)
    return groups + ([current] if current else [])


def _balance(groups: list[list[str]]) -> list[list[str]]:
    """A short last group borrows sentences from the one before it, or joins it when both fit in one chunk."""
    if len(groups) < 2:
        return groups
    prev, last = groups[-2], groups[-1]
    size = lambda g: sum(map(len, g))  # noqa: E731
    while (size(last) < MIN_CHARS and len(prev) > 1 and size(prev) - len(prev[-1]) >= MIN_CHARS
           and size(last) + len(prev[-1]) <= MAX_CHARS):
        last.insert(0, prev.pop())
    if size(last) < MIN_CHARS and size(prev) + size(last) <= MAX_CHARS:
        return groups[:-2] + [prev + last]
    return groups


def format_value(fact: Fact) -> str:
    return "未填报" if fact.value is None else f"{fact.value}{fact.unit}"


def table_row_text(facts: list[Fact]) -> str:
    """One row of a table: "一、… › （三）不予公开 › 1.属于国家秘密：自然人 0件，…，总计 0件"."""
    head = facts[0].path_text
    if len(facts) == 1 and facts[0].column is None:
        return f"{head}：{format_value(facts[0])}"
    cells = "，".join(f"{f.column} {format_value(f)}" if f.column else format_value(f) for f in facts)
    return f"{head}：{cells}"


def report_passages(report: Report) -> list[Passage]:
    passages: list[Passage] = []
    for section in report.sections:
        heading = section.heading
        for text in chunk_text(section.text):
            passages.append(Passage(id=passage_id(report.id, heading, text), report_id=report.id, section=heading,
                                    text=text, kind="prose", year=report.year, agency=report.agency))
    rows: OrderedDict[tuple, list[Fact]] = OrderedDict()
    for fact in report.facts:
        if fact.kind == "table":
            rows.setdefault((fact.table, fact.path), []).append(fact)
    for (table, _path), facts in rows.items():
        text = table_row_text(facts)
        table_name = table or "统计表"
        passages.append(Passage(id=passage_id(report.id, table_name, text), report_id=report.id, section=table_name,
                                text=text, kind="table", year=report.year, agency=report.agency))
    return passages


def tokenize(text: str) -> list[str]:
    """BM25 tokens: jieba words (search mode, so 申请数 also yields 申请), lower-cased, punctuation dropped."""
    return [t.lower() for t in jieba.cut_for_search(text) if t.strip() and re.search(r"\w", t)]


def bm25_tokens(passage: Passage) -> list[str]:
    """A passage's BM25 tokens. A prose passage's heading (五、存在的主要问题及改进情况) is included: it names the topic
    the text often does not repeat. Dense vectors stay on the text alone (DESIGN.md §7)."""
    return tokenize(f"{passage.section} {passage.text}" if passage.kind == "prose" else passage.text)


__all__ = ["PATH_SEP", "bm25_tokens", "chunk_text", "report_passages", "tokenize", "passage_id"]

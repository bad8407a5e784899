"""Report and user text → safe HTML and Markdown: escaping, search-term highlighting, figures and where they come from.

Everything a report (or a user) wrote goes through ``esc`` or ``escape_markdown_text`` before it reaches the page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

import jieba

from ..documents import PATH_SEP, Fact, Number, Report


# ---------------------------------------------------------------------------------------------------- escaping
def esc(value: object) -> str:
    """Text → HTML that shows exactly these characters."""
    return html.escape("" if value is None else str(value), quote=True)


_MARKDOWN_ACTIVE = str.maketrans({
    "[": "&#91;", "]": "&#93;", "`": "&#96;", "\\": "&#92;", "_": "&#95;", "~": "&#126;", "|": "&#124;",
    "$": "&#36;", "#": "&#35;", "!": "&#33;",
})


def escape_markdown_text(text: str) -> str:
    """Composed answer text → Markdown that shows the characters as written.

    HTML is escaped; link, image, code, maths, table and heading syntax is turned into character references, and URLs
    are not auto-linked. The answerer's own ``**bold**``, ``- `` list items and line-start ``> `` quotes still work.
    """
    # quotes are not escaped: in text they are harmless, and the chat showed 's as &#x27;s
    escaped = html.escape(text, quote=False).translate(_MARKDOWN_ACTIVE)
    escaped = escaped.replace("://", "&#58;//").replace("www.", "www&#46;")
    return re.sub(r"(?m)^&gt; ?", "> ", escaped)


def highlight_terms(text: str, terms: Iterable[str]) -> str:
    """Escaped ``text`` with every occurrence of the terms wrapped in <mark> (case-insensitive, overlaps merged)."""
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for term in {t.lower() for t in terms if t and t.strip()}:
        start = lowered.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = lowered.find(term, start + 1)
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, pos = [], 0
    for a, b in merged:
        out.append(esc(text[pos:a]))
        out.append(f"<mark>{esc(text[a:b])}</mark>")
        pos = b
    out.append(esc(text[pos:]))
    return "".join(out)


def query_terms(query: str) -> list[str]:
    """The words of a query worth highlighting: each word as typed; a long Chinese phrase also by its jieba words
    of two or more characters (so 网上申请有多少件 marks 网上 and 申请, while 不予公开 stays one phrase)."""
    terms: list[str] = []
    for word in query.split():
        terms.append(word)
        if len(word) > 4:
            terms += [t for t in jieba.lcut(word) if len(t) >= 2 and re.search(r"\w", t)]
    return list(dict.fromkeys(terms))


def one_line(html_block: str) -> str:
    """An HTML block on one line, so that Markdown treats it as one raw HTML block and parses nothing inside."""
    return re.sub(r"\s*\n\s*", " ", html_block).strip()


def refusal_html(message: str) -> str:
    return f'<div class="rq-error">{esc(message)}</div>'


# ---------------------------------------------------------------------------------------------------- numbers
def format_number(value: Number | None) -> str:
    return "—" if value is None else str(value)


def fact_value_text(fact: Fact) -> str:
    return f"{fact.value}{fact.unit}" if fact.value is not None else f"未填报（{fact.raw or '空白'}）"


def report_label(report: Report) -> str:
    if not report.agency:  # an unknown agency is shown by the report's title, never as "?"
        return f"{report.title} · {Path(report.source).stem}"
    return f"{report.agency} {report.year or ''}年 · {Path(report.source).stem}"


def fact_location(fact: Fact, report: Report | None) -> str:
    """《title》 › table › row path （column）."""
    where = PATH_SEP.join(((fact.table,) if fact.table else ()) + fact.path)
    column = f"（{fact.column}）" if fact.column else ""
    kind = "（正文 prose）" if fact.kind == "prose" else ""
    title = f"《{report.title}》" if report else ""
    return f"{title}{where}{column}{kind}"

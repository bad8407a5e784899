"""Web pages as people save them: the page saver's header block and the site's chrome are not report text.

A report copied from a government site arrives wrapped in things that are not the report: a header block that page
savers and crawlers add (``标题: …`` / ``发布时间: …`` / ``发布机构: …`` / ``原文链接: …``), breadcrumbs (当前位置),
share links (微信 微博 QQ空间), print/close buttons, font-size switches, 附件下载 lists and 文字版/全真版 switches.
Left in, they become the title ("标题: …"), the agency, prose passages and even figures. The header block is kept as
metadata (it is often the most reliable title, publisher and date the page has); the chrome is dropped.

The field names and chrome phrases are language data in ``page_chrome.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("page_chrome.toml")


@dataclass
class PageHeader:
    """What a page saver's header block says about the page."""

    fields: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.fields.get("title", "")

    @property
    def publisher(self) -> str:
        return self.fields.get("publisher", "")

    @property
    def date(self) -> str:
        return self.fields.get("date", "")


@dataclass(frozen=True)
class _ChromeData:
    header_fields: dict[str, str]  # field name as written → role (title, publisher, date, other)
    body_markers: tuple[str, ...]
    chrome_lines: tuple[re.Pattern[str], ...]
    chrome_phrases: tuple[str, ...]
    prefix_markers: tuple[str, ...]


_TITLE_TAIL = re.compile(r"^(?:工作)?年度报告$")
_TITLE_HEAD_END = re.compile(r"(?:信息公开|政务公开)(?:工作)?$")


@lru_cache(maxsize=1)
def _data() -> _ChromeData:
    raw = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    fields = {name: role for role, names in raw["header_fields"].items() for name in names}
    return _ChromeData(
        header_fields=fields,
        body_markers=tuple(raw["body_markers"]),
        chrome_lines=tuple(re.compile(p) for p in raw["chrome_line_patterns"]),
        chrome_phrases=tuple(raw["chrome_phrases"]),
        prefix_markers=tuple(raw["chrome_prefix_markers"]),
    )


def _header_field(line: str) -> tuple[str, str] | None:
    m = re.match(r"^\s*(?:[-*·•]\s*)?([\u4e00-\u9fa5A-Za-z ]{2,8})\s*[:：]\s*(.*)$", line)  # "- 信息来源:城东街道"
    if not m:
        return None
    role = _data().header_fields.get(re.sub(r"\s+", "", m.group(1)) if _is_cjk(m.group(1)) else m.group(1).strip())
    # "发布机构: 市审计局 组配分类: 政府信息公开年报": the next field on the line ends this one's value
    value = _NEXT_FIELD.split(m.group(2), maxsplit=1)[0]
    return (role, value.strip()) if role else None


_NEXT_FIELD = re.compile(r"\s+[\u4e00-\u9fa5]{2,6}\s*[:：]")


def _is_cjk(name: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fa5]", name))


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"[|｜]", line.strip().strip("|｜"))]


def _header_table_fields(line: str, following: str) -> tuple[list[tuple[str, str]], int] | None:
    """A page's field table flattened with bars: pairs on one row ("索引号 | 11/2023-00063 | 发布机构 | 海陵区政府办 |")
    or a row of field names over a row of values ("索引号 | 公开方式 | 发布机构 |" then the values); (fields, rows
    used), or None when the row is no such table."""
    if "|" not in line and "｜" not in line:
        return None
    roles = _data().header_fields
    cells = _cells(line)
    role_of = [roles.get(re.sub(r"\s+", "", c).rstrip(":：")) for c in cells]  # "索 引 号: | …" too
    if len(cells) >= 2 and all(role_of):  # every cell a field name: the values are the next row's
        values = _cells(following) if following.strip() else []
        if len(values) != len(cells):
            return [], 1
        return [(r, v) for r, v in zip(role_of, values, strict=True) if r is not None], 2
    pairs = [(r, cells[i + 1]) for i in range(0, len(cells) - 1, 2) if (r := role_of[i]) is not None]
    return (pairs, 1) if len(pairs) >= 1 and role_of[0] else None


def split_page_header(lines: list[str]) -> tuple[list[str], PageHeader]:
    """Remove a page saver's header block from the top of the text and return its fields.

    A header block is two or more ``字段: 值`` lines of known field names among the first lines, optionally closed
    by a marker line such as ``==== 正文 ====``; nothing is removed when the top does not look like one.
    """
    header = PageHeader()
    data = _data()
    end = 0
    known = 0
    skip_to = 0
    for i, line in enumerate(lines[:20]):
        s = line.strip()
        if not s or i < skip_to:
            continue
        table = _header_table_fields(s, lines[i + 1] if i + 1 < len(lines) else "")
        if table is not None:
            found, rows = table
        elif (parsed := _header_field(s)) is not None:
            found, rows = [parsed], 1
        elif not known and is_chrome_line(s):
            continue  # the site's chrome above the block ("首页", a breadcrumb)
        else:
            break
        for role, value in found:
            known += 1
            if value and role != "other":
                header.fields.setdefault(role, value)
        end = skip_to = i + rows
    if known >= 2:  # a marker line a few lines on closes the block ("==== 正文 ====")
        for j in range(end, min(end + 4, len(lines))):
            if any(marker in lines[j] for marker in data.body_markers):
                end = j + 1
                break
    if known < 2:
        return lines, PageHeader()
    return lines[end:], header


def header_table_fields(rows: list[list[str]]) -> list[tuple[str, str]] | None:
    """A page's field table above the report (索引号 / 发布机构 / 发文日期 …, a table of its own once the bars are
    read) as (role, value) pairs, or None when the table is anything else."""
    lines = [" | ".join(c or "" for c in row) for row in rows]
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        got = _header_table_fields(lines[i], lines[i + 1] if i + 1 < len(lines) else "")
        if got is None:
            return None
        pairs, used = got
        found += pairs
        i += used
    return found or None


MAX_CHROME_LINE = 200  # a longer line is report text, even when site chrome opens it
PREFIX_WINDOW = 400


def strip_chrome_prefix(line: str) -> str:
    """A whole page on one line: the breadcrumbs and share bar opening it removed, the report text kept."""
    s = line.strip()
    data = _data()
    if len(s) <= MAX_CHROME_LINE or not any(p.search(s) for p in data.chrome_lines):
        return line
    window = s[:PREFIX_WINDOW]
    ends = [window.rfind(m) + len(m) for m in data.prefix_markers if m in window]
    return s[max(ends):].strip() if ends else line


def is_chrome_line(line: str) -> bool:
    """A line that belongs to the site, not the report: breadcrumbs, share bars, print/close, font size, 附件下载."""
    s = re.sub(r"\s+", " ", line).strip()
    if not s or len(s) > MAX_CHROME_LINE:
        return False
    data = _data()
    if any(p.search(s) for p in data.chrome_lines):
        return True
    # a short line made only of chrome phrases and separators ("分享到： 微信 微博 QQ空间", "【打印】【关闭】")
    rest = s
    for phrase in data.chrome_phrases:
        rest = rest.replace(phrase, " ")
    return len(s) <= 60 and not re.sub(r"[\s|｜/\\【】\[\]（）()：:>＞»·\-—_,，、]+", "", rest)


def clean_page_lines(lines: list[str]) -> tuple[list[str | None], PageHeader]:
    """Each line as report text (chrome cut from its start), or None when it is not report text; and the header's
    fields. The result is aligned with ``lines``."""
    body, header = split_page_header(lines)
    dropped: list[str | None] = [None] * (len(lines) - len(body))
    kept: list[str | None] = []
    for i, line in enumerate(body):
        if is_chrome_line(line) and not (i > 0 and _TITLE_TAIL.match(line.strip())
                                         and _TITLE_HEAD_END.search(re.sub(r"\s+", "", body[i - 1]))):
            kept.append(None)
        else:  # 「2024年…信息公开工作」「年度报告」: a title set in two lines keeps its second line
            kept.append(strip_chrome_prefix(line))
    return dropped + kept, header


def strip_page_chrome(lines: list[str]) -> tuple[list[str], PageHeader]:
    """The report's own lines and the header block's fields."""
    cleaned, header = clean_page_lines(lines)
    return [line for line in cleaned if line is not None], header

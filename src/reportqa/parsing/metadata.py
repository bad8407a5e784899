"""Who published a report and which year it covers, read from the text itself; the file name is a fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6",
              "七": "7", "八": "8", "九": "9"}
_AGENCY_SUFFIX = (r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|委员会|管理委员会|办公室|办公厅|局|厅|委|办|院|中心|署|"
                  r"管委会|街道办事处|办事处|镇|乡|街道|馆|所|站|集团|公司)")
_AGENCY_LINE = re.compile(rf"^[\u4e00-\u9fa5（）()]{{2,40}}{_AGENCY_SUFFIX}$")
_TITLE_AGENCY = re.compile(rf"^(?P<agency>[\u4e00-\u9fa5（）()]{{2,40}}?{_AGENCY_SUFFIX})\s*[（(]?(?P<year>\d{{4}})\s*年")
_DATE = re.compile(r"^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日$")
_YEAR_PATTERNS = (
    re.compile(r"(\d{4})\s*年度?\s*(?:政府)?(?:信息公开|政务公开)"),
    re.compile(r"[（(](\d{4})\s*年度?[）)]"),
    re.compile(r"统计期限[^。]{0,10}?(\d{4})\s*年\s*1\s*月\s*1\s*日"),
    re.compile(r"(?:^|[^\d])(\d{4})\s*年度"),
)


@dataclass
class Metadata:
    title: str
    agency: str
    year: int | None


def chinese_year_to_int(text: str) -> int | None:
    digits = "".join(_CN_DIGITS.get(ch, ch) for ch in text)
    return int(digits) if digits.isdigit() and len(digits) == 4 else None


def find_title(lines: list[str]) -> str:
    """The title line; an agency name on the line above it (a title set in two lines) is part of it."""
    compact = [re.sub(r"\s+", "", l) for l in lines[:15]]
    for i in range(len(compact) - 1):  # a title wrapped onto a second line: 「…工作年」「度报告」
        joined = compact[i] + compact[i + 1]
        if len(compact[i + 1]) <= 12 and joined.endswith("报告") and not compact[i].endswith("报告") \
                and ("年度报告" in joined or "工作报告" in joined) and "年度报告" not in compact[i]:
            compact[i : i + 2] = [joined, ""]
    for i, s in enumerate(compact):
        if 6 <= len(s) <= 80 and ("年度报告" in s or "工作报告" in s or "年报" in s) and not s.endswith(("。", "；")):
            if i > 0 and _AGENCY_LINE.match(compact[i - 1]) and not _TITLE_AGENCY.match(s):
                return compact[i - 1] + s
            return s
    return next((s for s in compact if s), "")


def find_year(title: str, lines: list[str], file_name: str = "") -> int | None:
    for text in [title, *lines[:40]]:
        for pattern in _YEAR_PATTERNS:
            if m := pattern.search(text):
                year = int(m.group(1))
                if 1990 <= year <= 2100:
                    return year
    for line in reversed(lines[-30:]):
        if m := _DATE.match(re.sub(r"\s+", "", line)):
            year = chinese_year_to_int(m.group(1))
            if year:
                return year - 1  # reports are signed early in the following year
    if m := re.search(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)", file_name):
        return int(m.group(1))
    return None


def find_agency(title: str, lines: list[str]) -> str:
    if m := _TITLE_AGENCY.match(title):
        return m.group("agency")
    # The signature block: an agency line just above the date that closes the report body.
    tail = [re.sub(r"\s+", "", l) for l in lines if l.strip()]
    for i in range(len(tail) - 1, 0, -1):
        if _DATE.match(tail[i]) and _AGENCY_LINE.match(tail[i - 1]):
            return tail[i - 1]
    for line in lines[:10]:
        if m := re.search(rf"由([\u4e00-\u9fa5]{{2,30}}?{_AGENCY_SUFFIX})", line):
            return m.group(1)
    return ""


def detect_metadata(lines: list[str], file_name: str = "") -> Metadata:
    title = find_title(lines)
    return Metadata(title=title, agency=find_agency(title, lines), year=find_year(title, lines, file_name))


def is_signature_line(line: str) -> bool:
    s = re.sub(r"\s+", "", line)
    return bool(_DATE.match(s) or (len(s) <= 30 and _AGENCY_LINE.match(s)))

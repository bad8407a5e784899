"""The national template's tables flattened into running text → "label figure figure …" lines.

A 2019/2021 report page saved as text writes its tables cell after cell, often with no space at all:

    一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开…
    行政复议行政诉讼结果维持…总计10203120001200000

The row labels are the template's, so what lies between two labels is one row's figures; the template's own
arithmetic splits glued digits:
- table 三: the six applicant columns add up to 总计 (``640020470`` → 64 0 0 2 0 4 | 70, the only reading);
- table 四: each of the three groups (行政复议, 未经复议直接起诉, 复议后起诉) has 总计 = 结果维持 + 结果纠正 +
  其他结果 + 尚未审结;
- table 二: a row with one column is its figure; rows with several columns and no arithmetic are read only when
  their figures are separated or can be read one way only (``000``).
No figure has a leading zero. A row that still reads more than one way keeps its label without figures and the
report gets a warning — never a guess. The lines produced go to the template parser's text path (``text_lines``),
which already maps labels to the template's rows.

The steps: ``find_flat_template`` (is there a glued template table in this text, and where are tables 二/三/四),
``row_runs`` (label and figure run pairs, the next row's number peeled off a run), ``split_row`` (one reading per
table's arithmetic), ``flat_template_lines`` (the lines and warnings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product

from ..flat_table import peel_row_number, split_figures
from ..numbers import CELL_UNITS
from .labels import load_template_labels

_T3_START = re.compile(r"一\s*、\s*本年新收")
# the parts' titles by their words, whatever their number (a report with an extra part numbers them 四、五、)
_T3_TITLE = re.compile(r"[一二三四五六七八九十]\s*、\s*收到和处理政府信息公开申请情况")
_T4_TITLE = re.compile(r"[一二三四五六七八九十]\s*、\s*(?!结转)[^，。；0-9]{0,12}?行政\S{0,2}复议")
_T2_START = re.compile(r"第\s*二\s*十\s*条\s*第\s*[（(]\s*一\s*[）)]\s*项")
_T4_HEADER_END = re.compile(r"(?:结果维持|结果纠正|其他结果|尚未审结|总计|"
                            r"未经复议直接起诉|复议后起诉|行政复议|行政诉讼|\s)+")
_T4_RUN = re.compile(r"[\d\s]+")
_GLUED = re.compile(r"[\u4e00-\u9fa5）)]\d{3,}")
_FIGURE_RUN = re.compile(r"[\d\s.,，]*\d")
_FIGURE = re.compile(r"0|[1-9]\d*")  # no figure has a leading zero
_NUMBERING_AFTER = re.compile(r"^[.．、]\s*[\u4e00-\u9fa5]")
_LABEL_PARTS = re.compile(r"(?=[（(][一二三四五六七八九十]{1,2}[)）])|(?=(?<![\d])\d{1,2}[.．、](?=[\u4e00-\u9fa5]))|"
                          r"(?=[一二三四五六七八九十]{1,2}、)")
# table 二's header words, each allowed a space anywhere inside ("本年新 制作数量", "上一年 项目数量")
_TABLE2_HEADER_WORDS = ("本年制发件数", "本年废止件数", "现行有效件数", "本年新制作数量", "本年新公开数量",
                        "对外公开总数量", "本年处理决定数量", "处理决定数量", "上一年项目数量", "本年增/减量",
                        "本年增/减", "本年收费金额", "采购项目数量", "采购总金额")
_SPACED_WORD = "|".join(r"\s*".join(map(re.escape, w)) for w in _TABLE2_HEADER_WORDS) + r"|[（(]单位：?万元[）)]"
_TABLE2_HEADER = re.compile(r"^\s*信息\s*内容(?:" + _SPACED_WORD + r"|\s)*")
_TABLE2_WORD = re.compile(_SPACED_WORD)
T3_COLUMNS = 7
T4_GROUPS, T4_GROUP = 3, 5


@dataclass
class FlatTemplate:
    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def has_glued_template(text: str) -> bool:
    """A template table flattened with figures glued to labels (一、本年新收…数量640020470)."""
    return bool(_T3_START.search(text) or _T2_START.search(text)) and bool(_GLUED.search(text))


MIN_PIPED_CELLS = 6  # cells a line must set apart with "|" from a template table's start to be read as one


def piped_template_cells(text: str) -> tuple[str, list[str]] | None:
    """A template table flattened onto one line with its cells set apart by pipes ("第二十条第(五)项 | 信息内容 |
    本年处理决定数量 | 行政许可 | 650 | …"): the text before it and its cells, one a line as the template parser reads
    them; None when the line holds no such table."""
    starts = [m.start() for m in (_T2_START.search(text), _T3_START.search(text)) if m]
    if not starts:
        return None
    start = min(starts)
    cells = [c.strip() for c in text[start:].split("|")]
    if len(cells) < MIN_PIPED_CELLS:
        return None
    return text[:start].strip(), [c for c in cells if c]


def row_runs(text: str) -> list[tuple[str, str]]:
    """(label, figure run) pairs in order; a label without figures has an empty run.

    A run directly followed by "." or "、" and a Chinese character ends with the next row's number (``00000002.其他``):
    that number is peeled off as the start of the next label, taken as the next in sequence where that fits."""
    pairs: list[tuple[str, str]] = []
    pos = 0
    label = ""
    last_number = 0
    while pos < len(text):
        m = _FIGURE_RUN.match(text, pos)
        if not m:
            label += text[pos]
            pos += 1
            continue
        run, end = m.group(0), m.end()
        if _NUMBERING_AFTER.match(text[end:]):
            figures, tail = peel_row_number(run, last_number) or (run.rstrip()[:-1], run.rstrip()[-1])
            number, run = tail.strip(), figures
            if not run.strip():  # only a row number: it starts the next label
                if label.strip():
                    pairs.append((label.strip(), ""))
                label = number
                last_number = int(number)
                pos = end
                continue
            pairs.append((label.strip(), run.strip()))
            label = number
            last_number = int(number)
            pos = end
            continue
        pairs.append((label.strip(), run.strip()))
        label = ""
        pos = end
        if m := re.match(r"\s*[（(]?(\d{1,2})[.．、]", text[pos:]):
            last_number = int(m.group(1))
    if label.strip():
        pairs.append((label.strip(), ""))
    return pairs


def split_row(run: str, columns: int, total_last: bool) -> list[tuple[str, ...]]:
    """Readings of a row's run; with ``total_last`` the last figure must be the sum of the others."""
    readings = split_figures(run, columns)
    if total_last:
        readings = [r for r in readings if _adds_up(r)]
    return readings


def _adds_up(reading: tuple[str, ...]) -> bool:
    if not all(c.isdigit() for c in reading):
        return True
    return sum(int(c) for c in reading[:-1]) == int(reading[-1])


def split_table4(run: str) -> list[tuple[str, ...]]:
    """The 15 figures of table 四: three groups of five, each group's last figure the sum of its first four."""
    tokens = [t for t in re.split(r"\s+", run.strip()) if t]
    if len(tokens) == T4_GROUPS * T4_GROUP:
        return [tuple(tokens)]
    digits = "".join(tokens) if all(t.isdigit() for t in tokens) else ""
    if not digits:
        return []
    return [tuple(r) for r in _groups_of_five(digits, T4_GROUPS)]


def _groups_of_five(digits: str, groups: int) -> list[list[str]]:
    if groups == 0:
        return [[]] if not digits else []
    out: list[list[str]] = []
    max_len = len(digits) - (groups - 1) * T4_GROUP
    for length in range(T4_GROUP, max_len + 1):
        for group in split_figures(digits[:length], T4_GROUP):
            if _adds_up(group):
                for rest in _groups_of_five(digits[length:], groups - 1):
                    out.append(list(group) + rest)
                    if len(out) > 50:
                        return out
    return out


def _label_lines(label: str) -> list[str]:
    """A label holding several numbered parts ("三、本年度办理结果（一）予以公开") as one line per part."""
    return [p.strip() for p in _LABEL_PARTS.split(label) if p and p.strip()]


def _emit(out: FlatTemplate, label: str, readings: list[tuple[str, ...]], run: str, where: str) -> None:
    parts = _label_lines(label) or [label]
    out.lines.extend(parts[:-1])
    if len(readings) == 1:
        out.lines.append(f"{parts[-1]} {' '.join(readings[0])}")
        return
    out.lines.append(parts[-1])
    if run:
        shown = "、".join(" ".join(r) for r in readings[:3]) or "无"
        out.warnings.append(f"{where}「{parts[-1]}」的数字连在一起（{run}），无法唯一拆分（可能为 {shown}），"
                            "未记录该行")


def flat_template_lines(text: str, version: str = "template-2021") -> FlatTemplate | None:
    """The glued template tables in ``text`` as text lines (tables 二、三、四 in order), or None."""
    if not has_glued_template(text):
        return None
    out = FlatTemplate()
    t3_title = _T3_TITLE.search(text)
    t4_title = _T4_TITLE.search(text)
    t2 = _T2_START.search(text)
    t3 = _T3_START.search(text)
    out.lines.append(text[: t2.start() if t2 and (not t3 or t2.start() < t3.start()) else
                          (t3_title.start() if t3_title else (t3.start() if t3 else 0))].strip())
    if t2 and t3 and t2.start() < t3.start():
        end2 = t3_title.start() if t3_title and t3_title.start() > t2.start() else t3.start()
        _table2(text[t2.start():end2], version, out)
    if t3:
        if t3_title and t3_title.start() < t3.start():  # the title on its own line, then the note and header
            out.lines += [t3_title.group(0), text[t3_title.end():t3.start()].strip()]
        end3 = t4_title.start() if t4_title and t4_title.start() > t3.start() else len(text)
        _table3(text[t3.start():end3], out)
        if t4_title:
            _table4(text[t4_title.start():], out)
    return FlatTemplate([line for line in out.lines if line], out.warnings)


def with_cell_units(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A unit written after a figure ("政府集中采购 2笔 984361元") ends the figure, not the row: it is put back on
    its figure, and the row goes on."""
    out: list[tuple[str, str]] = []
    for label, run in pairs:
        unit = next((u for u in CELL_UNITS if label == u or label.startswith(u + " ")), None)
        if out and out[-1][1] and unit is not None:
            previous_label, previous_run = out[-1]
            out[-1] = (previous_label, f"{previous_run}{unit} {run}".strip())
            rest = label[len(unit):].strip()
            if rest:
                out.append((rest, ""))
            continue
        out.append((label, run))
    return out


def _table2(region: str, version: str, out: FlatTemplate) -> None:
    section = ""
    for label, run in with_cell_units(row_runs(region)):
        if m := re.search(r"第\s*二\s*十\s*条\s*第\s*[（(][一二三四五六七八九十]+[）)]\s*项", label):
            section = re.sub(r"\s+", "", m.group(0))
            head, item = label[: m.end()], label[m.end():]
            words = _TABLE2_HEADER.match(item)
            out.lines.append(head + (_header_words(item[: words.end()]) if words else ""))
            label = item[words.end():] if words else item
        if not label:
            continue
        columns = _table2_width(section, version)
        if not run:
            out.lines.append(label)
            continue
        tokens = run.split()
        if any(not t.isdigit() for t in tokens):  # figures written with their units are apart: read as written
            readings: list[tuple[str, ...]] = [tuple(tokens)]
        else:
            readings = ([(run.replace(" ", ""),)] if columns == 1 else split_row(run, columns, total_last=False))
        _emit(out, label, readings, run, "第二十条表")


def _header_words(header: str) -> str:
    """Table 二's header as its words, one space between them and none inside ("本年新 制作数量" → 本年新制作数量)."""
    words = [re.sub(r"\s+", "", m.group(0)).replace("本年增/减量", "本年增/减") for m in _TABLE2_WORD.finditer(header)]
    return " " + " ".join(["信息内容", *words]) + " "


def _table2_width(section: str, version: str) -> int:
    """How many figures a row of this 第二十条 section has in this template version (from the template's labels)."""
    widths = [len(item.columns.get(version, ())) for item in load_template_labels().table2_items
              if re.sub(r"\s+", "", item.section) == section]
    return max(widths, default=1) or 1


def _table3(region: str, out: FlatTemplate) -> None:
    rows = [(label, run, split_row(run, T3_COLUMNS, total_last=True) if run else [])
            for label, run in row_runs(region)]
    resolve_table3_columns(rows)
    for label, run, readings in rows:
        if not run:
            out.lines.extend(_label_lines(label))
            continue
        if not readings and not run.replace("0", "").strip():  # zeros only: every cell is 0, however they split
            readings = [("0",) * T3_COLUMNS]
        if not readings and re.search(r"\s", run) and all(_FIGURE.fullmatch(t) for t in run.split()):
            readings = [tuple(run.split())]  # separated figures, though not seven: as written ("00" is glued)
        _emit(out, label, readings, run, "申请情况表")


MAX_COMBINATIONS = 5000


def resolve_table3_columns(rows: list[tuple[str, str, list[tuple[str, ...]]]]) -> None:
    """Narrow rows that read several ways by the table's column arithmetic, in place: in every column the results
    (rows between 三、本年度办理结果 and （七）总计) add up to （七）总计, and 一 + 二 = （七）总计 + 四 (the rule the
    template states above the table). Only readings that some consistent choice for the whole table uses survive."""
    labels = [re.sub(r"\s+", "", label) for label, _, _ in rows]
    total = next((i for i, label in enumerate(labels) if "总计" in label and rows[i][1]), None)
    results_start = next((i for i, label in enumerate(labels) if "本年度办理结果" in label), None)
    if total is None or results_start is None:
        return
    results = [i for i in range(results_start, total) if rows[i][1]]
    received = next((i for i, label in enumerate(labels) if "本年新收" in label and rows[i][1]), None)
    carried = next((i for i, label in enumerate(labels) if "上年结转" in label and rows[i][1]), None)
    forward = next((i for i, label in enumerate(labels) if "结转下年度" in label and rows[i][1]), None)
    involved = [i for i in [*results, total, received, carried, forward] if i is not None]
    ambiguous = [i for i in involved if len(rows[i][2]) > 1]
    if not ambiguous or any(not rows[i][2] for i in involved):
        return
    count = 1
    for i in ambiguous:
        count *= len(rows[i][2])
    if count > MAX_COMBINATIONS:
        return
    fixed = {i: rows[i][2][0] for i in involved if i not in ambiguous}
    survivors: dict[int, set[tuple[str, ...]]] = {i: set() for i in ambiguous}
    for choice in product(*(rows[i][2] for i in ambiguous)):
        table = {**fixed, **dict(zip(ambiguous, choice, strict=True))}
        if _columns_add_up(table, results, total, received, carried, forward):
            for i, reading in zip(ambiguous, choice, strict=True):
                survivors[i].add(reading)
    for i in ambiguous:
        if survivors[i]:
            label, run, readings = rows[i]
            rows[i] = (label, run, [r for r in readings if r in survivors[i]])


def _columns_add_up(table: dict[int, tuple[str, ...]], results: list[int], total: int, received: int | None,
                    carried: int | None, forward: int | None) -> bool:
    for col in range(T3_COLUMNS):
        values = {i: int(r[col]) if r[col].isdigit() else None for i, r in table.items()}
        if any(values[i] is None for i in [*results, total]):
            continue
        if sum(values[i] or 0 for i in results) != values[total]:
            return False
        if received is None or carried is None or forward is None:
            continue
        r, c, f = values[received], values[carried], values[forward]
        if r is not None and c is not None and f is not None and r + c != (values[total] or 0) + f:
            return False
    return True


def _table4(region: str, out: FlatTemplate) -> None:
    head = _T4_TITLE.match(region)
    assert head is not None
    rest = region[head.end():]
    title_end = re.search(r"情况", rest)
    body_start = title_end.end() if title_end and title_end.start() < 20 else 0
    header = _T4_HEADER_END.match(rest, body_start)
    end = header.end() if header else body_start
    run = _T4_RUN.match(rest, end)
    out.lines.append(region[: head.end() + body_start].strip())
    out.lines.append(rest[body_start:end].strip())
    if not run:
        out.lines.append(rest[end:].strip())
        return
    if len(re.sub(r"\s+", "", run.group(0))) < T4_GROUPS * T4_GROUP:  # not the table's figures (a year, say)
        out.lines.append(rest[end:].strip())
        return
    readings = split_table4(run.group(0))
    if len(readings) == 1:
        out.lines.append(" ".join(readings[0]))
    elif run.group(0).strip():
        out.warnings.append(f"行政复议行政诉讼表的数字连在一起（{run.group(0).strip()}），无法唯一拆分，未记录")
    out.lines.append(rest[run.end():].strip())

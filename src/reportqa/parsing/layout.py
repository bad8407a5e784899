"""Plain text → text blocks and table grids.

Text extracted from Word/PDF files writes tables in several ways; each detector here turns one of them into a grid of
cell strings so the table parsers never see the layout:
- one cell per line: a row is a run of lines each starting with a tab, rows separated by blank lines, a line
  holding only a tab is an empty cell, and a line without a leading tab continues the cell above (a wrapped label);
- pipe rows: ``| a | b |``, ``a | b | c |``, ``||`` for an empty (often merged-away) cell; markdown separator rows
  (``|---|:---:|``) and rows with no text at all are skipped;
- tab-separated rows: two or more lines each holding two or more tab-separated cells, padded to the widest row.

Cell text is kept as written ("1,234" stays "1,234"): turning it into numbers is the parsers' job.
Word chart residue ("系列 1", "类别 2", "图表标题" left behind when a chart is saved as text) is dropped, since it is
neither prose nor a figure.
"""

from __future__ import annotations

import re

from ..documents import Block

_ARTIFACT = re.compile(r"\[bookmark:[^\]]*\]")
_IMAGE_LINE = re.compile(r"^\s*\[image:[^\]]*\]\s*$")
_MD_SEPARATOR_CELL = re.compile(r"^\s*(:?-{3,}:?|:-+:?|-+:)\s*$")
_CHART_RESIDUE_CELL = re.compile(r"^\s*((系列|类别|数据系列|Series|Category)\s*\d{1,2}|图表标题|Chart Title)\s*$", re.I)
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def clean_line(line: str) -> str:
    """One line without its line ending and without converter artifacts such as ``[bookmark: _GoBack]``."""
    return _ARTIFACT.sub("", line.rstrip("\r\n"))


def is_chart_residue(line: str) -> bool:
    """True for a line that only holds a Word chart's series/category names ("系列 1", "系列 1\\t系列 2")."""
    cells = [c for c in re.split(r"[\t|]", line) if c.strip()]
    return bool(cells) and all(_CHART_RESIDUE_CELL.match(c) for c in cells)


def drop_image_captions(lines: list[str]) -> list[str]:
    """Drop the caption under a picture ("[image: …]" then "“瓯海发布”微信截图"): it describes a screenshot, it is
    not report prose. A caption is a short line with no sentence end right after the image (blank lines between)."""
    kept: list[str] = []
    after_image = False
    for line in lines:
        s = line.strip()
        if _IMAGE_LINE.match(line):
            after_image = True
        elif after_image and s:
            after_image = False
            if len(s) <= 40 and not re.search(r"[。！？；：]$", s) and "\t" not in line:
                continue
        kept.append(line)
    return kept


def split_text_blocks(text: str) -> list[Block]:
    """Split extracted text into text blocks (one per non-empty line) and table blocks, in document order."""
    lines = [clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = drop_image_captions(lines)
    lines = [line for line in lines if not _IMAGE_LINE.match(line) and not is_chart_residue(line)]
    lines = cell_stream_rows(bar_led_rows(lines))
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        for detect in (_cell_per_line_table, _pipe_table, _tab_table):
            found = detect(lines, i)
            if found is not None:
                rows, i = found
                blocks.append(Block(kind="table", rows=rows))
                break
        else:
            if lines[i].strip():
                blocks.append(Block(kind="text", text=lines[i].strip()))
            i += 1
    return blocks


_STREAM_CELL = re.compile(r"^[^|]*\S[^|]*\|\s*$")  # "规章 |": one cell, closed by its bar
_STREAM_FILLER = re.compile(r"^\s*(\|+)\s*$")  # "|||": as many empty cells as bars


_LONE_CELL = re.compile(r"^[^|]*[^|\s][^|]*\|\s*$")  # "信息内容 |" (no bar inside: "时 效 | 有效 |" is a row)
_STREAM_CELL_AND_FILLER = re.compile(r"^([^|]*[^|\s][^|]*\|)\s*(\|+)\s*$")  # "本年处理决定数量 | ||": a cell, its span


def _split_spanning_cells(lines: list[str]) -> list[str]:
    """"第二十条第(五)项 | |||" among lone cells ("信息内容 |"): a cell and the empty cells it spans written on one
    line, as some page savers do; split as the cell stream writes them on two ("… |", "|||"). A line of a real pipe
    table (its neighbours rows of several cells) is left as it is."""
    out: list[str] = []
    for i, line in enumerate(lines):
        m = _STREAM_CELL_AND_FILLER.match(line)
        near = lines[max(i - 1, 0): i] + lines[i + 1: i + 2]
        if m and any(_LONE_CELL.match(n) or _STREAM_CELL_AND_FILLER.match(n) for n in near):
            out += [m.group(1), m.group(2)]
        else:
            out.append(line)
    return out


_ROW_BAR = re.compile(r"^\s*\|\s*$")  # "|": a row begins
_CELL_AND_SPAN = re.compile(r"^([^|]*[^|\s][^|]*)\|\s*(\|*)\s*$")  # "325 | ||": a cell, and the empty cells it spans


def bar_led_rows(lines: list[str]) -> list[str]:
    """A page's table saved with each row opened by a bar on its own line and then one cell a line, each closed by
    its bar, a cell's span as bars after it ("|", "行政许可 |", "325 | ||"): each row becomes one bar-separated row.
    Two rows so written at least; any other line is left as it is."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        rows: list[list[str]] = []
        j = i
        while j + 1 < len(lines) and _ROW_BAR.match(lines[j]) and _CELL_AND_SPAN.match(lines[j + 1]):
            row: list[str] = []
            j += 1
            while j < len(lines) and (m := _CELL_AND_SPAN.match(lines[j])):
                row += [m.group(1).strip()] + [""] * len(m.group(2))
                j += 1
            rows.append(row)
        if len(rows) >= 2:
            out += ["| " + " | ".join(row) + " |" for row in rows]
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def cell_stream_rows(lines: list[str]) -> list[str]:
    """A page's table saved one cell a line, each closed by a bar, empty cells as bare bars ("第二十条第(五)项 |",
    "|||", "信息内容 |", "本年处理决定数量 |", "||", "行政许可 |", "213 |", "||"): rows are not marked, but a table
    whose title spans the row (a cell then its empty cells) gives the number of columns, and the cells after it
    fill rows of that many. Each such table becomes bar-separated rows; any other line is left as it is."""
    lines = _split_spanning_cells(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        filler = _STREAM_FILLER.match(lines[i + 1]) if i + 1 < len(lines) else None
        if not (_STREAM_CELL.match(lines[i]) and filler):
            out.append(lines[i])
            i += 1
            continue
        columns = 1 + len(filler.group(1))
        cells = [lines[i].strip()[:-1].strip()] + [""] * (columns - 1)
        j = i + 2
        while j < len(lines) and (_STREAM_CELL.match(lines[j]) or _STREAM_FILLER.match(lines[j])):
            nxt = _STREAM_FILLER.match(lines[j + 1]) if j + 1 < len(lines) else None
            if _STREAM_CELL.match(lines[j]) and nxt and len(cells) % columns == 0:
                break  # the next table's title row
            if bar := _STREAM_FILLER.match(lines[j]):
                cells += [""] * len(bar.group(1))
            else:
                cells.append(lines[j].strip()[:-1].strip())
            j += 1
        cells += [""] * (-len(cells) % columns)  # a last row cut short
        if len(cells) < 2 * columns:
            out.append(lines[i])
            i += 1
            continue
        out += ["| " + " | ".join(cells[k: k + columns]) + " |" for k in range(0, len(cells), columns)]
        i = j
    return out


def _cell_per_line_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    if not _is_cell_line(lines[start]):
        return None
    rows: list[list[str]] = []
    i = start
    while i < len(lines):
        if _is_row_break(lines[i]):
            i += 1
            continue
        if not (_is_cell_line(lines[i]) or _is_empty_cell_line(lines[i])):
            break
        row: list[str] = []
        while i < len(lines) and not _is_row_break(lines[i]):
            line = lines[i]
            if _is_empty_cell_line(line):
                row.append("")
            elif _is_cell_line(line):
                row.append(line[1:].rstrip("\t"))
            elif row:  # a wrapped cell continues on a line without the leading tab
                row[-1] += line.rstrip()
            else:
                break
            i += 1
        rows.append(row)
    if len(rows) < 2:
        return None
    return rows, i


def _is_cell_line(line: str) -> bool:
    return line.startswith("\t") and line.count("\t") <= 2 and bool(line.strip())


def _is_empty_cell_line(line: str) -> bool:
    """A lone tab (or a tab and spaces): Word's text export writes an empty cell so."""
    return line.startswith("\t") and line.count("\t") <= 2 and not line.strip()


def _is_row_break(line: str) -> bool:
    """A truly blank line separates rows; a line holding only a tab is an empty cell, not a break."""
    return not line.strip() and not _is_empty_cell_line(line)


def is_markdown_separator(line: str) -> bool:
    """``|---|:---:|`` and friends; a row of "-" or "—" values (figures not reported) is not a separator."""
    s = line.strip()
    if "-" not in s:
        return False
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    cells = s.split("|")
    return all(_MD_SEPARATOR_CELL.match(c) for c in cells)


def pipe_cells(line: str) -> list[str] | None:
    """The cells of a pipe row, or None when the line is not one (fewer than two pipes, or a separator row)."""
    s = line.strip()
    if len(_UNESCAPED_PIPE.findall(s)) < 2 or is_markdown_separator(s):
        return None
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip().replace("\\|", "|") for c in _UNESCAPED_PIPE.split(s)]


def _pipe_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    if pipe_cells(lines[start]) is None:
        return None
    rows: list[list[str]] = []
    separated = False
    i = start
    while i < len(lines):
        if is_markdown_separator(lines[i]):
            separated = True
            i += 1
            continue
        cells = pipe_cells(lines[i])
        if cells is None:
            break
        if any(cells):  # a row of empty fillers carries nothing
            rows.append(cells)
        i += 1
    # one row is a table when a Markdown separator says so (a converter that made a lone data row the header)
    return (rows, i) if len(rows) >= 2 or (rows and separated) else None


def _tab_cells(line: str) -> list[str] | None:
    """The cells of a tab-separated row; leading empty cells are kept (they hold the row's place under merged
    cells), trailing ones are not (a trailing tab is just the end of the row)."""
    if "\t" not in line.strip("\t "):
        return None
    cells = [c.strip() for c in line.rstrip().split("\t")]
    return cells if sum(1 for c in cells if c) >= 2 else None


def _tab_continuation(line: str) -> list[str] | None:
    """A later row of a tab table may hold a single filled cell ("规章\t\t\t": a row of blank figures)."""
    cells = _tab_cells(line)
    if cells is None and "\t" in line and line.strip():
        cells = [c.strip() for c in line.rstrip().split("\t")]
    return cells


def _tab_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """Tab-separated rows; a lone line of three or more cells is kept as a one-row table (chart data, not prose)."""
    first = _tab_cells(lines[start])
    if first is None:
        return None
    rows = [first]
    i = start + 1
    while i < len(lines) and (cells := _tab_continuation(lines[i])) is not None:
        rows.append(cells)
        i += 1
    if len(rows) >= 2 or len(first) >= 3:
        width = max(len(row) for row in rows)  # trailing empty cells are lost with the line's trailing tabs
        return [row + [""] * (width - len(row)) for row in rows], i
    return None

"""The pre-2019 statistics table (统计指标 / 单位 / 统计数), modelled on the seed's table, with the variants agencies
wrote: blocks left out, rows renamed, an extra 上年数 column, 其中 breakdowns, labels wrapped onto a second line.

Truth paths follow the old-format parser's convention: the labels as written (no whitespace, a trailing explanatory
parenthetical dropped), nested by their numbering (一、 › （一） › 1.), a 其中 row and the rows after it under the
row they break down; heading rows ("——") carry no figure; the year's own column (统计数, 数量) is the default
column None, and an extra column keeps its header's name (上年数, 上年数量).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, replace
from decimal import Decimal

from ..documents import Fact, Number
from .mess import FULLWIDTH_SPACE, Mess, format_figure, truth_of
from .model import Inconsistency, Table

TABLE_TITLE = "政府信息公开情况统计表"
HEADING_MARK = "——"
_CN_NUMBERS = "一二三四五六七八九十"


@dataclass(frozen=True)
class OldRow:
    """A row of the statistics table. ``key`` names the concept whatever the wording (questions use it)."""

    key: str
    label: str  # without its numbering
    unit: str = ""  # "" for a heading row (written "——", no figure)
    children: tuple[OldRow, ...] = ()
    breakdown: bool = False  # children are a 其中 breakdown (unnumbered)
    sums: bool = False  # the children add up to this row (the checks test it)
    note: str = ""  # explanatory parenthetical after the label
    renames: tuple[str, ...] = ()
    optional: bool = False


def _r(key: str, label: str, unit: str = "", *children: OldRow, **kw: object) -> OldRow:
    return OldRow(key, label, unit, tuple(children), **kw)  # type: ignore[arg-type]


CATALOGUE: tuple[OldRow, ...] = (
    _r("proactive", "主动公开情况", "",
       _r("proactive.total", "主动公开政府信息数", "条",
          _r("proactive.normative", "主动公开规范性文件数", "条"),
          _r("proactive.normative_made", "制发规范性文件总数", "件"),
          breakdown=True, note="（不同渠道和方式公开相同信息计1条）"),
       _r("proactive.channels", "通过不同渠道和方式公开政府信息的情况", "",
          _r("proactive.gazette", "政府公报公开政府信息数", "条"),
          _r("proactive.website", "政府网站公开政府信息数", "条"),
          _r("proactive.weibo", "政务微博公开政府信息数", "条", optional=True),
          _r("proactive.wechat", "政务微信公开政府信息数", "条", optional=True),
          _r("proactive.other", "其他方式公开政府信息数", "条"))),
    _r("response", "回应解读情况", "",
       _r("response.hotspots", "回应公众关注热点或重大舆情数", "次", note="（不同方式回应同一热点或舆情计1次）"),
       _r("response.channels", "通过不同渠道和方式回应解读的情况", "",
          _r("response.press", "参加或举办新闻发布会总次数", "次",
             _r("response.press_leaders", "主要负责同志参加新闻发布会次数", "次"), breakdown=True),
          _r("response.interviews", "政府网站在线访谈次数", "次",
             _r("response.interview_leaders", "主要负责同志参加政府网站在线访谈次数", "次"), breakdown=True),
          _r("response.interpretations", "政策解读稿件发布数", "篇"),
          _r("response.weibo_wechat", "微博微信回应事件数", "次"),
          _r("response.other", "其他方式回应事件数", "次")),
       optional=True),
    _r("apply", "依申请公开情况", "",
       _r("received", "收到申请数", "件",
          _r("received.in_person", "当面申请数", "件", renames=("当面提出申请数",)),
          _r("received.fax", "传真申请数", "件"),
          _r("received.online", "网络申请数", "件", renames=("网上申请数",)),
          _r("received.mail", "信函申请数", "件", renames=("信件申请数",)),
          sums=True, renames=("受理申请数",)),
       _r("completed", "申请办结数", "件",
          _r("completed.on_time", "按时办结数", "件"),
          _r("completed.delayed", "延期办结数", "件"),
          sums=True),
       _r("replied", "申请答复数", "件",
          _r("replied.already_public", "属于已主动公开范围数", "件"),
          _r("replied.granted", "同意公开答复数", "件", renames=("同意公开数",)),
          _r("replied.partial", "同意部分公开答复数", "件", renames=("同意部分公开数",)),
          _r("replied.refused", "不同意公开答复数", "件",
             _r("refused.secret", "涉及国家秘密", "件"),
             _r("refused.commercial", "涉及商业秘密", "件"),
             _r("refused.privacy", "涉及个人隐私", "件"),
             _r("refused.security", "危及国家安全、公共安全、经济安全和社会稳定", "件"),
             _r("refused.not_gov_info", "不是《条例》所指政府信息", "件"),
             _r("refused.other_law", "法律法规规定的其他情形", "件"),
             breakdown=True, sums=True, renames=("不同意公开数",)),
          _r("replied.not_ours", "不属于本行政机关公开数", "件"),
          _r("replied.not_exist", "申请信息不存在数", "件"),
          _r("replied.amend", "告知作出更改补充数", "件"),
          _r("replied.elsewhere", "告知通过其他途径办理数", "件"),
          sums=True)),
    _r("reconsideration", "行政复议数量", "件",
       _r("reconsideration.upheld", "维持具体行政行为数", "件"),
       _r("reconsideration.corrected", "被依法纠错数", "件"),
       _r("reconsideration.other", "其他情形数", "件"),
       sums=True, renames=("因政府信息公开申请行政复议数",)),
    _r("lawsuit", "行政诉讼数量", "件",
       _r("lawsuit.upheld", "维持具体行政行为或者驳回原告诉讼请求数", "件"),
       _r("lawsuit.corrected", "被依法纠错数", "件"),
       _r("lawsuit.other", "其他情形数", "件"),
       sums=True, renames=("因政府信息公开申请提起行政诉讼数",)),
    _r("complaints", "举报投诉数量", "件", optional=True),
    _r("fees", "依申请公开信息收取的费用", "万元", renames=("依申请公开收取的费用",)),
    _r("staffing", "机构建设和保障经费情况", "",
       _r("staffing.offices", "政府信息公开工作专门机构数", "个"),
       _r("staffing.reading_points", "设置政府信息公开查阅点数", "个"),
       _r("staffing.staff", "从事政府信息公开工作人员数", "人",
          _r("staffing.full_time", "专职人员数", "人", note="（不包括政府公报及政府网站工作人员数）"),
          _r("staffing.part_time", "兼职人员数", "人"),
          sums=True),
       _r("staffing.budget", "政府信息公开专项经费", "万元",
          note="（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", renames=("政府信息公开工作专项经费",))),
    _r("meetings", "政府信息公开会议和培训情况", "",
       _r("meetings.meetings", "召开政府信息公开工作会议或专题会议数", "次"),
       _r("meetings.trainings", "举办各类培训班数", "次"),
       _r("meetings.trainees", "接受培训人员数", "人次"),
       optional=True),
)


def walk(rows: tuple[OldRow, ...] = CATALOGUE) -> Iterator[OldRow]:
    for row in rows:
        yield row
        yield from walk(row.children)


@dataclass(frozen=True)
class OldVariant:
    """Which version of the table an agency filled in, and how its file writes labels."""

    dropped: tuple[str, ...] = ()  # keys of optional rows or blocks left out
    drop_breakdowns: bool = False  # the 其中 breakdowns left out
    renamed: tuple[str, ...] = ()  # keys written with their alternative label
    extra_column: bool = False  # a 上年数 column after 统计数
    header: tuple[str, ...] = ("统　计　指　标", "单位", "统计数")
    wrap_notes: bool = True  # an explanatory note on a line of its own inside the cell
    wrap_long: bool = False  # long labels broken over two lines

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


HEADERS = (("统　计　指　标", "单位", "统计数"), ("统计指标", "单位", "统计数"), ("指标名称", "计量单位", "数量"))
EXTRA_HEADERS = {"统计数": "上年数", "数量": "上年数量"}


def random_variant(rng: random.Random) -> OldVariant:
    optional = [r.key for r in walk() if r.optional]
    renamable = [r.key for r in walk() if r.renames]
    return OldVariant(
        dropped=tuple(k for k in optional if rng.random() < 0.3),
        drop_breakdowns=rng.random() < 0.2,
        renamed=tuple(k for k in renamable if rng.random() < 0.3),
        extra_column=rng.random() < 0.3,
        header=rng.choice(HEADERS),
        wrap_notes=rng.random() < 0.6,
        wrap_long=rng.random() < 0.4,
    )


# --------------------------------------------------------------------------------------------------------------------
# figures


def _split(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    from .template2021 import _allocate

    return _allocate(rng, total, weights)


def _money(rng: random.Random, low: int, high: int, places: int) -> Number:
    cents = rng.randint(low * 10**places, high * 10**places)
    return Decimal(cents) / Decimal(10**places) if cents % 10**places else cents // 10**places


def old_figures(rng: random.Random, received: int | None = None, agency: str = "") -> dict[str, Number]:
    """Figures by concept key; every row with ``sums`` equals the sum of its children, and 收到 = 办结 = 答复.
    How much an agency publishes is a trait of the agency (drawn from its name), so consecutive years stay in
    proportion."""
    v: dict[str, Number] = {}
    r = received if received is not None else rng.randint(10, 1200)
    total = int(random.Random(f"proactive:{agency}").randint(800, 60000) * rng.uniform(0.8, 1.25))
    v.update({"proactive.total": total, "proactive.normative": rng.randint(0, 90)})
    v["proactive.normative_made"] = rng.randint(0, int(v["proactive.normative"]) + 5)
    for key, share in (("gazette", 0.003), ("website", 0.6), ("weibo", 0.2), ("wechat", 0.12), ("other", 0.05)):
        v[f"proactive.{key}"] = int(total * share * rng.uniform(0.5, 1.5))
    v["response.hotspots"] = rng.randint(0, 500)
    v["response.press"] = rng.randint(0, 40)
    v["response.press_leaders"] = rng.randint(0, int(v["response.press"]))
    v["response.interviews"] = rng.randint(0, 25)
    v["response.interview_leaders"] = rng.randint(0, int(v["response.interviews"]))
    v.update({"response.interpretations": rng.randint(0, 200), "response.weibo_wechat": rng.randint(0, 900),
              "response.other": rng.randint(0, 900)})
    v["received"] = v["completed"] = v["replied"] = r
    for key, n in zip(("in_person", "fax", "online", "mail"), _split(rng, r, [0.45, 0.01, 0.3, 0.24]), strict=True):
        v[f"received.{key}"] = n
    delayed = rng.randint(0, r // 15)
    v["completed.on_time"], v["completed.delayed"] = r - delayed, delayed
    replies = ("already_public", "granted", "partial", "refused", "not_ours", "not_exist", "amend", "elsewhere")
    for key, n in zip(replies, _split(rng, r, [0.05, 0.5, 0.1, 0.08, 0.05, 0.15, 0.03, 0.04]), strict=True):
        v[f"replied.{key}"] = n
    reasons = ("secret", "commercial", "privacy", "security", "not_gov_info", "other_law")
    for key, n in zip(reasons, _split(rng, int(v["replied.refused"]), [0.05, 0.1, 0.15, 0.05, 0.4, 0.25]), strict=True):
        v[f"refused.{key}"] = n
    for case in ("reconsideration", "lawsuit"):
        parts = [rng.choice((0, 0, 0, 1, 1, 2, 3)) for _ in range(3)]
        v.update({f"{case}.upheld": parts[0], f"{case}.corrected": parts[1], f"{case}.other": parts[2],
                  case: sum(parts)})
    v["complaints"] = rng.choice((0, 0, rng.randint(1, 20)))
    v["fees"] = 0 if rng.random() < 0.7 else _money(rng, 0, 2, 2)
    v["staffing.offices"], v["staffing.reading_points"] = rng.randint(1, 80), rng.randint(1, 30)
    v["staffing.full_time"], v["staffing.part_time"] = rng.randint(1, 60), rng.randint(0, 200)
    v["staffing.staff"] = v["staffing.full_time"] + v["staffing.part_time"]
    v["staffing.budget"] = _money(rng, 0, 200, rng.choice((0, 1, 2)))
    v.update({"meetings.meetings": rng.randint(1, 150), "meetings.trainings": rng.randint(1, 80),
              "meetings.trainees": rng.randint(10, 5000)})
    return v


def inject_parent_sum(rng: random.Random, values: dict[str, Number], rows: list[_Line],
                      column: str | None) -> tuple[Inconsistency | None, set[str]]:
    """A parent written larger than its children add up to (the kind of slip the checks exist for); also the keys
    of the rows that must be written as figures for a check to see it (a blank child is "not reported")."""
    present = {line.row.key for line in rows}
    candidates = [line for line in rows if line.row.sums and any(k.key in present for k in line.row.children)]
    if not candidates:
        return None, set()
    line = rng.choice(candidates)
    before = values[line.row.key]
    delta = rng.randint(1, 5)
    values[line.row.key] = before + delta
    found = Inconsistency(kind="parent_sum", table=TABLE_TITLE, path=line.path, column=column,
                          consistent_value=before, written_value=before + delta, mentions=(line.path[-1],))
    return found, {line.row.key, *(k.key for k in line.row.children)}


# --------------------------------------------------------------------------------------------------------------------
# rows as written


@dataclass
class _Line:
    """A row as the report writes it: its label cell text and its truth path."""

    row: OldRow
    cell: str
    path: tuple[str, ...]
    level: int


def _numbering(level: int, index: int) -> str:
    if level == 0:
        return _CN_NUMBERS[index] + "、" if index < 10 else f"{index + 1}、"
    if level == 1:
        return f"（{_CN_NUMBERS[index]}）"
    return f"{index + 1}."


def _present(rows: tuple[OldRow, ...], variant: OldVariant, breakdown: bool) -> list[OldRow]:
    if breakdown and variant.drop_breakdowns:
        return []
    return [r for r in rows if r.key not in variant.dropped]


def layout_rows(variant: OldVariant, mess: Mess) -> list[_Line]:
    """The rows in order with their label cells and truth paths."""
    lines: list[_Line] = []

    def visit(rows: list[OldRow], level: int, parent_path: tuple[str, ...], breakdown: bool) -> None:
        for index, row in enumerate(rows):
            name = row.renames[0] if row.key in variant.renamed and row.renames else row.label
            if breakdown:
                written = ("其中：" if index == 0 else "") + name
                path = parent_path + (name,)
                depth = level + 1
            else:
                written = _numbering(level, index) + name
                path = parent_path + (written,)
                depth = level
            cell = _indent(depth, mess) + _wrapped(written, depth, variant, mess)
            if row.note:
                gap = "\n" + _indent(depth + 1, mess) if variant.wrap_notes else ""
                cell += gap + row.note
            lines.append(_Line(row, cell, path, depth))
            children = _present(row.children, variant, row.breakdown)
            if row.breakdown:
                visit(children, depth, path, True)
            else:
                visit(children, level + 1, path, False)

    visit(_present(CATALOGUE, variant, False), 0, (), False)
    return lines


def _indent(level: int, mess: Mess) -> str:
    return FULLWIDTH_SPACE * (2 * level) if mess.fullwidth_spaces and level else ""


def _wrapped(label: str, level: int, variant: OldVariant, mess: Mess) -> str:
    if not variant.wrap_long or len(label) <= 16:
        return label
    cut = len(label) // 2
    if label[cut - 1] in "（《“" or label[cut] in "）》”、":
        cut += 1
    return label[:cut] + "\n" + _indent(level + 1, mess) + label[cut:]


def value_headers(variant: OldVariant) -> list[str]:
    """The header cells of the value columns: 统计数, and 上年数 when the table has it."""
    first = variant.header[2]
    return [first, EXTRA_HEADERS.get(first, "上年数")] if variant.extra_column else [first]


def value_columns(variant: OldVariant) -> list[str | None]:
    """The facts' column per value column: None for the year's own column (统计数, 数量: the default a question
    without a column word means), the header's words for an extra one (上年数)."""
    names = value_headers(variant)
    return [None, *(re.sub(r"\s+", "", n) for n in names[1:])]


def build_table(values: dict[str, Number], previous: dict[str, Number] | None, rng: random.Random, mess: Mess,
                variant: OldVariant, lines: list[_Line], keep: AbstractSet[str] = frozenset()
                ) -> tuple[Table, list[Fact]]:
    """The statistics table and its truth facts; rows in ``keep`` are written as figures, never as blanks."""
    header = [*variant.header[:2], *value_headers(variant)]
    columns = value_columns(variant)
    rows: list[list[str]] = [header]
    facts: list[Fact] = []
    for line in lines:
        if not line.row.unit:
            rows.append([line.cell, HEADING_MARK] + [""] * len(columns))
            continue
        sources = [values] + ([previous or values] if variant.extra_column else [])
        texts = []
        for column, source in zip(columns, sources, strict=True):
            suffix = "万元" if line.row.unit == "万元" and mess.unit_in_fee_cell else ""
            row_mess = replace(mess, blank_rate=0.0) if line.row.key in keep else mess
            text = format_figure(source[line.row.key], rng, row_mess, unit_suffix=suffix)
            truth, unit_in_cell = truth_of(text)
            facts.append(Fact(path=line.path, column=column, value=truth, unit=unit_in_cell or line.row.unit,
                              raw=text.strip(), kind="table", table=TABLE_TITLE))
            texts.append(text)
        rows.append([line.cell, line.row.unit, *texts])
    widths = [300, 50, 80] if not variant.extra_column else [270, 45, 68, 68]
    return Table(name="old", rows=rows, header_rows=1, col_widths=widths), facts


def concept_paths(lines: list[_Line]) -> dict[str, tuple[str, ...]]:
    """Concept key → the truth path of its row in this report (for questions)."""
    return {line.row.key: line.path for line in lines if line.row.unit}


__all__ = ["CATALOGUE", "OldRow", "OldVariant", "TABLE_TITLE", "random_variant", "old_figures", "layout_rows",
           "build_table", "concept_paths", "value_columns", "inject_parent_sum", "walk"]

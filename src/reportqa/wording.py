"""How an answer is said: the figure with its unit, who reported it, and where in which report it stands.

Pure functions of a report and its facts, in Chinese or English; the arithmetic of a derived figure is written out
so a reader can check it (178 = 2 + 31 + …).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .documents import Answer, Fact, Number, Report
from .language import question_language
from .parsing.prose_facts import ROUGH_FIGURE, UNIT_PRINTED_WITH
from .parsing.similarity import bare_label
from .scope import ProblemKind, ScopeProblem

# Reports named one by one in an answer over many of them (a ranking, a sum over 各单位): at 10,000 reports a year holds
# thousands; the rest are counted, and every figure stays in the answer's chart (series) and sources (facts).
LISTED = 20


def with_unit_as_printed(answer: Answer) -> Answer:
    """"报道24篇(条)": a report printing a second measure word in brackets with every figure an answer rests on is
    quoted so — the unit as printed, in the answer's figure and its headline."""
    if not answer.found or answer.value is None or not answer.unit or not answer.facts:
        return answer
    printed = {m.group("also") if (m := UNIT_PRINTED_WITH.search(f.raw)) and m.group("unit") == answer.unit else None
               for f in answer.facts if f.value is not None}
    if len(printed) != 1 or (also := printed.pop()) is None:
        return answer
    unit = f"{answer.unit}({also})"
    figure = re.compile(rf"(?<![\d.,])({re.escape(f'{answer.value:,}')}|{re.escape(str(answer.value))})\s*"
                        rf"{re.escape(answer.unit)}(?![（(])")
    return replace(answer, unit=unit, text=figure.sub(lambda m: f"{m.group(0)}({also})", answer.text, count=1))


def with_roughness_as_printed(answer: Answer) -> Answer:
    """"主动公开政府信息870余条": the one figure an answer quotes is rough as printed, so its headline says 870余条,
    never a bare 870条 the report did not write."""
    if not answer.found or answer.value is None or len(answer.facts) != 1:
        return answer
    fact = answer.facts[0]
    m = ROUGH_FIGURE.search(fact.raw)
    if m is None or not answer.unit or fact.value != answer.value or m.group("num") != str(answer.value):
        return answer
    if m.group("wan"):
        # "粉丝5万余人" read as 5 万人: the mark goes after 万, as printed (5万余人)
        if not answer.unit.startswith("万"):
            return answer
        figure = re.compile(rf"(?<![\d.,])({re.escape(str(answer.value))}\s*万)(?=\s*{re.escape(answer.unit[1:])})")
    else:
        figure = re.compile(rf"(?<![\d.,])({re.escape(f'{answer.value:,}')}|{re.escape(str(answer.value))})"
                            rf"(?=\s*{re.escape(answer.unit)})")
    return replace(answer, text=figure.sub(lambda g: f"{g.group(0)}{m.group('rough')}", answer.text, count=1))


def with_rough_inputs_said(answer: Answer) -> Answer:
    """"全年受理咨询40余人次，其中网上咨询3人次" → 37: a figure worked out from one the report gives only roughly is
    rough too; the answer says which input was rough, as printed, so 37 is never read as exact."""
    if not answer.found or answer.value is None or len(answer.facts) < 2:
        return answer
    rough = [f for f in answer.facts if (m := ROUGH_FIGURE.search(f.raw)) is not None and "万" not in f.raw
             and m.group("num") == str(f.value)]
    if not rough:
        return answer
    printed = "，".join(f"{f.label} {f.raw}" for f in rough)
    if question_language(answer.question) == "en":
        note = f"Approximate: the report gives {printed} only roughly (余/多: “more than”), so the result is rough."
    else:
        note = f"约数：报告中{printed}本身是约数，计算结果亦为约数。"
    return replace(answer, text=f"{answer.text}\n{note}", notes=[*answer.notes, "rough input"])


def common_prefix(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    prefix = paths[0]
    for p in paths[1:]:
        n = 0
        while n < min(len(prefix), len(p)) and prefix[n] == p[n]:
            n += 1
        prefix = prefix[:n]
    return prefix


def cite(report: Report | None, fact: Fact, lang: str) -> str:
    """来源：《title》table › row path（column列）— the place a reader can check the figure."""
    title = report.title if report else ""
    if lang == "en":
        return f"Source: {title} — {place_in_report(fact, lang)}."
    return f"来源：《{title}》{place_in_report(fact, lang)}。"


def place_in_report(fact: Fact, lang: str) -> str:
    """table › row path（column列）, or the passage a prose figure comes from."""
    where = " › ".join(p for p in ((fact.table,) if fact.table else ()) + fact.path)
    col = f"（{fact.column}列）" if fact.column and lang != "en" else (f" [{fact.column}]" if fact.column else "")
    kind = "" if fact.kind == "table" else ("（正文）" if lang != "en" else " (prose)")
    return f"{where}{col}{kind}"


def report_name(report: Report | None) -> str:
    """How an answer names a report: agency and year, or its title when the agency is unknown."""
    if report is None:
        return ""
    return f"{report.agency} {report.year}年" if report.agency and report.year else f"《{report.title}》"


def say_figure(report: Report | None, lang: str, fact: Fact, value: Number, unit: str, used: list[Fact]) -> str:
    """One figure, or a sum of several facts written as its formula, with the source."""
    who = report_name(report)
    if len(used) > 1:
        label = bare_label(used[0].path[len(used[0].path) - 2]) if len(used[0].path) >= 2 else fact.label
        formula = " + ".join(f"{bare_label(f.label)} {f.value if f.value is not None else '未填报'}" for f in used)
        if len({f.path for f in used}) == 1 and used[0].column:
            formula = " + ".join(f"{f.column} {f.value}" for f in used)
            label = f"{fact.label}（{'、'.join(f.column or '' for f in used)}）"
        group = replace(fact, path=common_prefix([f.path for f in used]) or fact.path)
        if lang == "en":
            return f"{who} {label}: **{value} {unit}** ({formula}). " + cite(report, group, "en")
        return f"{who}{label}共 **{value}{unit}**（{formula}）。" + cite(report, group, "zh")
    label = bare_label(fact.label)
    if fact.column and fact.column != "总计":
        label += f"（{fact.column}）"
    if lang == "en":
        unitless = " (the report prints no unit for it)" if not unit else ""
        return (f"**{value}{' ' + unit if unit else ''}**{unitless} — {label} ({who}). " + cite(report, fact, "en")
                + quote_of(fact, lang))
    unitless = "（报告未注明单位）" if not unit else ""
    return f"{who}{label}：**{value}{unit}**{unitless}。" + cite(report, fact, "zh") + quote_of(fact, lang)


def quote_of(fact: Fact, lang: str) -> str:
    """A figure read from prose quotes its sentence: a short label (点击量, 办结) says what it counts only with the
    words around it (重点领域信息219条，点击量为169012次)."""
    if fact.kind == "table" or not fact.source:
        return ""
    text = fact.source if len(fact.source) <= 160 else fact.source[:159] + "…"
    return f' Text: "{text}"' if lang == "en" else f"原文：“{text}”"


def say_not_reported(report: Report | None, lang: str, fact: Fact) -> str:
    """A blank or dash cell: not reported, which is not the same as 0."""
    if lang == "en":
        return f"The report leaves this cell blank ('{fact.raw or ''}'): not reported. " + cite(report, fact, "en")
    return f"报告中该项未填报（原文为「{fact.raw or '空白'}」），不等于0。" + cite(report, fact, "zh")


def say_blank_total(lang: str) -> str:
    if lang == "en":
        return "The report leaves the total blank; the figure is the sum of its filled columns."
    return "报告的总计栏为空白，以上为已填各栏之和。"


def say_breakdown(lang: str, children: list[Fact]) -> str:
    """The rows a figure is made of (其中：…), after the figure."""
    if not children:
        return ""
    if lang == "en":
        return " Of which: " + ", ".join(f"{bare_label(c.label)} {c.value}" for c in children) + "."
    return "其中：" + "，".join(f"{bare_label(c.label)} {c.value}" for c in children) + "。"


def say_prose_differs(stated: Fact, value: Number, unit: str) -> str:
    """The report's text gives the table's figure differently: the table is quoted, the text's wording named."""
    return f"注意：正文写作「{stated.raw}」（{stated.source[:60]}），与表格的 {value}{unit} 不同；以表格为准。"


def say_change_stated(lang: str, stated: Fact) -> str:
    """The report states the change itself, rounded: quoted beside the rate worked out from the figures."""
    if lang == "en":
        return f"The report itself states “{stated.raw}” ({stated.source[:60]})."
    return f"报告自述为「{stated.raw}」（{stated.source[:60]}）。"


def say_unit_of_text(lang: str, stated: Fact, table_unit: str) -> str:
    """The table counts in one unit, the text the same figure in the unit asked: the text's wording is named."""
    if lang == "en":
        return f"The table counts it in {table_unit}; the text states it as “{stated.raw}” ({stated.source[:60]})."
    return f"表格中单位为「{table_unit}」；正文写作「{stated.raw}」（{stated.source[:60]}）。"


def say_which(lang: str, options: list[tuple[Report, Fact, str]], more: bool = False, within_one: bool = False) -> str:
    """Several reports hold the figure and the question names none: list them and ask (report, fact, value text);
    ``more``: others have it too (the first few are listed); ``within_one``: one report gives it for several
    things (厅机关 and 厅属企事业单位) and the question names neither."""
    lines = "\n".join(f"- {r.agency} {r.year}年：{value}（{f.path_text}）" for r, f, value in options)
    if within_one:
        if lang == "en":
            return "The report gives this figure for several things; which one do you mean?\n" + lines
        return "报告对几项分别给出了这一数字，请指明是哪一项：\n" + lines
    if lang == "en":
        tail = "\n- … and more: name the agency or the year." if more else ""
        return "Several reports have this figure; which one do you mean?\n" + lines + tail
    tail = "\n- ……还有更多报告，请指明机关或年度。" if more else ""
    return "多份报告都有这一数字，请指明哪一份（机关或年度）：\n" + lines + tail


def say_sum(report: Report | None, lang: str, parts: list[tuple[str, Number]], total: Number, unit: str,
            cited: Fact) -> str:
    formula = " + ".join(f"{label} {v}" for label, v in parts) + f" = {total}{unit}"
    if lang == "en":
        return f"Total: **{total} {unit}** ({formula}). " + cite(report, cited, "en")
    return f"合计 **{total}{unit}**（{formula}）。" + cite(report, cited, "zh")


def say_sum_over_years(lang: str, parts: list[tuple[int, Number, Report | None, Fact]], total: Number,
                       unit: str) -> str:
    """One figure added up over several years' reports, each year's source named."""
    label = "{}" if lang == "en" else "{}年"
    formula = " + ".join(f"{label.format(y)} {v}" for y, v, _, _ in parts) + f" = {total}{unit}"
    sources = " ".join(cite(r, f, lang) for _, _, r, f in parts)
    if lang == "en":
        return f"Total: **{total} {unit}** ({formula}). {sources}"
    return f"合计 **{total}{unit}**（{formula}）。{sources}"


def say_sum_across(lang: str, rows: list[tuple[Report, Number, Fact]], missing: list[Report], total: Number,
                   unit: str) -> str:
    """One figure added up over several agencies' reports: each report's figure with its row, and the reports where it
    was not found (left out, not counted as 0; "not found", since a report may give it in words no rule reads)."""
    listing = "；".join(f"{r.agency} {r.year}{'' if lang == 'en' else '年'} {v}{unit}（{place_in_report(f, lang)}）"
                       for r, v, f in rows[:LISTED]) + _more(lang, len(rows))
    left_out = "；".join(f"{r.agency} {r.year}" for r in missing[:LISTED]) + _more(lang, len(missing))
    if len(rows) == 1:  # no total to give: the one figure, and the reports without it
        if lang == "en":
            return (f"Only one of the {1 + len(missing)} reports gives this figure: **{total} {unit}** ({listing}). "
                    f"Not found in: {left_out}; no total over all of them.")
        return (f"{1 + len(missing)}份报告中只有1份给出这一数字：**{total}{unit}**（{listing}）。"
                f"以下报告中没有找到，无法合计：{left_out}。")
    if lang == "en":
        text = f"Total over {len(rows)} reports: **{total} {unit}**. Each: {listing}."
        return text + (f" Not found in (left out): {left_out}." if missing else "")
    text = f"{len(rows)}份报告合计 **{total}{unit}**。各报告：{listing}。"
    return text + (f"以下报告中没有找到这一数字，未计入：{left_out}。" if missing else "")


def say_difference(report: Report | None, lang: str, a: tuple[str, Number], b: tuple[str, Number], unit: str,
                   cited: Fact) -> str:
    (la, va), (lb, vb) = a, b
    diff = va - vb
    value = abs(diff)
    if lang == "en":
        fewer = "" if diff >= 0 else f"; the first is {value} fewer"
        return (f"{la}: {va} {unit}; {lb}: {vb} {unit}. Difference: **{value} {unit}** ({va} − {vb} = {diff}{fewer}). "
                + cite(report, cited, "en"))
    more = "多" if diff >= 0 else "少"
    return (f"{la} {va}{unit}，{lb} {vb}{unit}，前者比后者{more} **{value}{unit}**（{va} − {vb} = {diff}）。"
            + cite(report, cited, "zh"))


def say_ratio(report: Report | None, lang: str, a: tuple[str, Number], b: tuple[str, Number], unit: str,
              ratio: Number, cited: Fact) -> str:
    """How many times the first figure is the second, to two decimals as the reports' own multiples are."""
    (la, va), (lb, vb) = a, b
    if lang == "en":
        return (f"{la}: {va} {unit}; {lb}: {vb} {unit}. The first is **{ratio} times** the second "
                f"({va} / {vb} = {ratio}, to two decimals). " + cite(report, cited, "en"))
    return (f"{la} {va}{unit}，{lb} {vb}{unit}，前者是后者的 **{ratio}倍**（{va} / {vb} = {ratio}，保留两位小数）。"
            + cite(report, cited, "zh"))


def say_change(report: Report | None, lang: str, first: tuple[int, Number], last: tuple[int, Number], unit: str,
               cited: Fact) -> str:
    """The change from the first year to the last, its sign kept: a fall is negative, and said so."""
    (y0, v0), (y1, v1) = first, last
    change = v1 - v0
    if lang == "en":
        way = "a rise" if change > 0 else "a fall" if change < 0 else "no change"
        return (f"{y0}: {v0} {unit}; {y1}: {v1} {unit}. Change from {y0} to {y1}: **{change} {unit}** "
                f"({v1} − {v0} = {change}: {way}). " + cite(report, cited, "en"))
    way = f"增加{change}{unit}" if change > 0 else f"减少{-change}{unit}" if change < 0 else "没有变化"
    return (f"{y0}年 {v0}{unit}，{y1}年 {v1}{unit}，变化 **{change}{unit}**（{v1} − {v0} = {change}，{way}）。"
            + cite(report, cited, "zh"))


def say_share(report: Report | None, lang: str, label: str, num: Number, den_label: str, den: Number, unit: str,
              pct: Number, cited: Fact, den_unit: str | None = None) -> str:
    """``den_unit``: the whole's own measure word when it differs (公示公告6则 of 主动公开政府信息10条)."""
    formula = f"{num} / {den} = {pct}%"
    if lang == "en":
        return f"{label}: {num} of {den} ({den_label}) = **{pct}%** ({formula}). " + cite(report, cited, "en")
    return f"{label} {num}{unit}，占{den_label} {den}{den_unit or unit} 的 **{pct}%**（{formula}）。" \
        + cite(report, cited, "zh")


def say_growth(report: Report | None, lang: str, first: tuple[int, Number], last: tuple[int, Number], unit: str,
               pct: Number, rounded: bool, cited: Fact, fell: bool = False) -> str:
    """``fell``: ``pct`` is the size of a fall the question asked about (the formula keeps its sign)."""
    (y0, v0), (y1, v1) = first, last
    formula = f"({v1} − {v0}) / {v0} × 100 = {'-' if fell else ''}{pct}%"
    if lang == "en":
        note = ", rounded to two decimals" if rounded else ""
        change = "Fall" if fell else "Change"
        return (f"{y0}: {v0} {unit}; {y1}: {v1} {unit}. {change}: **{pct}%** of {y0}'s figure ({formula}{note}). "
                + cite(report, cited, "en"))
    note = "，保留两位小数" if rounded else ""
    change = "下降" if fell else "变化"
    return (f"{y0}年 {v0}{unit}，{y1}年 {v1}{unit}，{change} **{pct}%**（以{y0}年为基数：{formula}{note}）。"
            + cite(report, cited, "zh"))


def say_series(report: Report | None, lang: str, series: list[tuple[str, Number]], unit: str, cited: Fact) -> str:
    body = "，".join(f"{x}年 {v}{unit}" for x, v in series)
    text = (f"Series: {body}. " if lang == "en" else f"各年度数字：{body}。") + cite(report, cited, lang)
    if len(series) == 1:
        text += " Only one year is indexed." if lang == "en" else " 只有一个年度的数据。"
    return text


def say_ranking(lang: str, rows: list[tuple[Report, Number]], unit: str, lowest: bool) -> str:
    top, top_value = rows[0]
    listing = "；".join(f"{r.agency} {r.year}年 {v}{unit}" for r, v in rows[:LISTED])
    if lang == "en":
        return f"{top.agency} ({top.year}): {top_value} {unit}. All: {listing}" + _more(lang, len(rows))
    return (f"{'最少' if lowest else '最多'}的是 {top.agency}（{top.year}年）：**{top_value}{unit}**。全部：{listing}"
            + _more(lang, len(rows)))


def _more(lang: str, count: int) -> str:
    """What a list cut at LISTED leaves out: every figure is still in the answer's chart and sources."""
    if count <= LISTED:
        return ""
    if lang == "en":
        return f"; and {count - LISTED} more reports (all of them in the chart and the sources)"
    return f"；另有 {count - LISTED} 份报告（全部见图表和出处）"


def say_list(report: Report | None, lang: str, group: Fact, children: list[Fact], value_text: list[str]) -> str:
    items = "；".join(f"{bare_label(f.label)} {v}" for f, v in zip(children, value_text, strict=True))
    head = group.path[-1]
    text = f"{head}: {items}. " if lang == "en" else f"{bare_label(head)}分为：{items}。"
    return text + cite(report, group, lang)


def say_passage(report: Report | None, lang: str, section: str, text: str) -> str:
    source = f"《{report.title}》" if report else ""
    if lang == "en":
        return f"From {source} {section}:\n> {text}"
    return f"据{source}「{section}」：\n> {text}"


def say_no_report(lang: str, problem: ScopeProblem | None) -> str:
    """Why the index cannot answer: no report of that year or agency, or nothing found."""
    subject = problem.subject if problem else ""
    if problem and problem.kind is ProblemKind.UNKNOWN_YEAR and problem.agencies:
        if lang == "en":
            return f"No {subject} report of {' or '.join(problem.agencies)} is indexed. "
        return f"索引中没有{'或'.join(problem.agencies)}{subject}年度的报告。"
    if problem and problem.kind is ProblemKind.UNKNOWN_YEAR:
        return f"No report for {subject} is indexed. " if lang == "en" else f"索引中没有{subject}年度的报告。"
    if problem and problem.kind is ProblemKind.UNKNOWN_AGENCY:
        return f"No report of {subject} is indexed. " if lang == "en" else f"索引中没有「{subject}」的报告。"
    return "The indexed reports do not contain this. " if lang == "en" else "已索引的报告中没有找到这一信息。"


def say_missing_year(lang: str, year: int) -> str:
    return f"No figure for {year} is indexed. " if lang == "en" else f"{year}年没有这一数字。"


def say_range(report: Report | None, lang: str, end: Fact) -> str:
    """A range the text gives ("1至2名"), both ends as written, with the sentence: no one figure stands for it."""
    where = report_name(report)
    if lang == "en":
        return f"{where} gives a range, not one figure: **{end.raw}**. Text: “{end.source}”. {cite(report, end, lang)}"
    return f"{where}给出的是一个范围，不是单一数字：**{end.raw}**。原文：“{end.source}”。{cite(report, end, lang)}"


def say_read_from_text(report: Report | None, lang: str, fact: Fact, quoted_section: bool) -> str:
    """A figure read from a sentence (or a row the lexicon does not know), quoted so the reader sees its words."""
    where = report_name(report)
    if fact.kind == "table":  # a row found by its words: cited as the table row it is, never as text
        if lang == "en":
            return f"**{fact.value} {fact.unit}** — {fact.label} ({where}). {cite(report, fact, lang)}"
        return f"{where}{fact.label}：**{fact.value}{fact.unit}**。{cite(report, fact, lang)}"
    if not quoted_section:
        if lang == "en":
            return f"{fact.value} {fact.unit} — read from the text of {where}: “{fact.source}”."
        return f"{where}：**{fact.value}{fact.unit}**（从正文读出）。原文：“{fact.source}”"
    quote = fact.source if fact.kind == "prose" else f"{fact.path_text}：{fact.raw}"
    section = fact.path[0] if fact.kind == "prose" and fact.path else (fact.table or "")
    if lang == "en":
        return f"{fact.value} {fact.unit} — read from the text of {where}, not from a table row: “{quote}” ({section})."
    return f"{where}：**{fact.value}{fact.unit}**（从正文读出，非统计表）。原文：“{quote}”（{section}）"


def say_sum_read_from_text(report: Report | None, lang: str, used: list[Fact], total: Number, unit: str) -> str:
    formula = " + ".join(f"{f.label} {f.value}" for f in used) + f" = {total}{unit}"
    where = report_name(report)
    if lang == "en":
        return f"Total: **{total} {unit}** ({formula}), read from the text of {where}."
    return f"{where}：合计 **{total}{unit}**（{formula}；从正文读出）。"


def say_difference_read_from_text(report: Report | None, lang: str, a: Fact, b: Fact, value: Number,
                                  diff: Number, names: tuple[str, str] | None = None) -> str:
    """``names``: what each figure is, when its label alone does not say (微信公众号：发布信息, 政府网站：发布信息)."""
    name_a, name_b = names or (a.label, b.label)
    if lang == "en":
        fewer = "" if diff >= 0 else f"; the first is {value} fewer"
        return (f"{name_a} {a.value} {a.unit}; {name_b} {b.value}. Difference: **{value} {a.unit}** "
                f"({a.value} − {b.value} = {diff}{fewer}; read from the text).")
    more = "多" if diff >= 0 else "少"  # "A比B多多少" answered honestly when A is the smaller
    return (f"{name_a} {a.value}{a.unit}，{name_b} {b.value}{b.unit}，前者比后者{more} **{value}{a.unit}**"
            f"（{a.value} − {b.value} = {diff}；从正文读出，{report_name(report)}）。")


def say_what_is_left(report: Report | None, lang: str, whole: Fact, parts: list[Fact], value: Number) -> str:
    """A whole less the parts the question takes out of it, each figure with its label."""
    taken = " − ".join(str(p.value) for p in parts)
    if lang == "en":
        named = "; ".join(f"{p.label} {p.value}" for p in parts)
        return (f"{whole.label} {whole.value} {whole.unit}, less {named}: **{value} {whole.unit}** "
                f"({whole.value} − {taken} = {value}). " + cite(report, whole, "en"))
    named = "，".join(f"{p.label} {p.value}{p.unit}" for p in parts)
    return (f"{whole.label} {whole.value}{whole.unit}，除去{named}，余 **{value}{whole.unit}**"
            f"（{whole.value} − {taken} = {value}）。" + cite(report, whole, "zh"))


def say_not_broken_down(lang: str, qualifiers: list[str], related: str) -> str:
    """The question narrows a figure in a way the report does not (男性申请人): no figure, the related one labelled."""
    words = "、".join(qualifiers) if lang != "en" else ", ".join(qualifiers)
    if lang == "en":
        return f"The reports do not break this figure down by “{words}”. A related figure, not the answer: {related}"
    return f"报告没有按「{words}」分列这一数字。相关数字（并非所问）：{related}"


def say_too_long(lang: str, length: int, limit: int) -> str:
    if lang == "en":
        return (f"The question is {length} characters long; please ask it in at most {limit} characters "
                "(one question at a time).")
    return f"问题太长（{length} 字），请缩短到 {limit} 字以内，一次问一个问题。"

"""Which reports a question is about: the report or filters the user chose, the agency and the years it names.

Relative years resolve against the newest report in scope (去年 = that report's year, 比去年 = it and the year
before). An agency or year that no indexed report has is a "problem" the answer states, never a silent widening.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from .agencies import (
    LEVEL_ONLY_DEPARTMENT,
    bare_place,
    department_core,
    department_matches,
    first_named_at,
    is_place_government,
    match_agencies,
    may_name,
    place_is_known,
    reading_of,
    resolve_agencies,
    same_bodies,
    split_agency,
)
from .documents import Report
from .lexicon import load_lexicon
from .questions import Question, contains_phrase

AGENCIES_NAMED = 3  # an answer saying which agencies lack a year names at most this many
MAX_NAMED_APART = 4  # bodies a question names one by one ("A、B、C和D一共…"); more are a scope, not a list


class ProblemKind(StrEnum):
    UNKNOWN_YEAR = "unknown-year"
    UNKNOWN_AGENCY = "unknown-agency"
    NO_REPORT = "no-report"


@dataclass(frozen=True)
class ScopeProblem:
    """Why nothing in the index can answer: the answer names it (索引中没有2019年度的报告) instead of widening."""

    kind: ProblemKind
    subject: str = ""  # the year or agency the question named
    # a year other agencies' reports have, missing only for the agencies asked about: the answer names them, never
    # saying that no report of that year is indexed
    agencies: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.subject}" if self.subject else self.kind.value


@dataclass
class Scope:
    reports: list[Report]
    years: list[int] = field(default_factory=list)
    problem: ScopeProblem | None = None


INDEXED_LISTED = 40  # reports an abstention names; the rest are counted (10,000 names are no answer)


# every abstention over one index lists the same reports
_SUMMARIES: dict[tuple[tuple[str, ...], tuple[int, ...], str], str] = {}
_SUMMARIES_KEPT = 8


def indexed_summary(reports: list[Report], lang: str = "zh") -> str:
    # report ids hash once each, cheap at 10,000 reports unlike their names; the objects' identities change with every
    # load, so a report parsed again (same id, another agency read) is listed anew
    key = (tuple(r.id for r in reports), tuple(map(id, reports)), lang)
    if (summary := _SUMMARIES.get(key)) is None:
        if len(_SUMMARIES) >= _SUMMARIES_KEPT:
            _SUMMARIES.pop(next(iter(_SUMMARIES)))
        summary = _SUMMARIES[key] = _indexed_summary(reports, lang)
    return summary


def _indexed_summary(reports: list[Report], lang: str) -> str:
    # a report whose agency or year is unknown is named by its title, never by "?"
    items = sorted({(r.agency, r.year or 0) if r.agency and r.year else (r.title, 0) for r in reports},
                   key=lambda x: (x[1], x[0]))
    shown, more = items[:INDEXED_LISTED], len(items) - INDEXED_LISTED
    if lang == "en":
        return "Indexed reports: " + "; ".join(f"{a} {y}" if y else a for a, y in shown) \
            + (f"; and {more} more" if more > 0 else "") if items else "No reports are indexed."
    if not items:
        return "索引中还没有报告。"
    return "已索引的报告：" + "；".join(f"{a} {y}年" if y else f"《{a}》" for a, y in shown) \
        + (f"；另有 {more} 份" if more > 0 else "")


def _text_of(report: Report) -> str:
    return report.title + "".join(s.text for s in report.sections)


def unnamed_reports_naming(mention: str, reports: list[Report]) -> list[Report]:
    """Reports whose agency could not be read from them (a page's body without its title), or was read without its
    place (省市场监管局), but whose own text names the place and the department a question names (驻马店, 农业农村
    for 驻马店市农业农村局): the question is about them, not about an agency the index lacks."""
    texts = {r.id: r.agency + _text_of(r) for r in reports if not r.agency or LEVEL_ONLY_DEPARTMENT.match(r.agency)}
    if " " in mention:  # an English place before the department ("Zhumadian 农业农村局"): the place read in pinyin
        latin, department = mention.split(" ", 1)
        core = department_core(department)
        if len(latin) < 4 or len(core) < 2:
            return []
        return [r for r in reports if r.id in texts and (core in texts[r.id] or _is_department(r, department))
                and latin.lower() in reading_of(texts[r.id][:3000])]
    places, department = split_agency(mention)
    core, bare = department_core(department), [bare_place(p) for p in places]
    if not bare or any(len(b) < 2 for b in bare) or len(core) < 2:
        return []
    return [r for r in reports if r.id in texts and (core in texts[r.id] or _is_department(r, department))
            and all(b in texts[r.id] for b in bare)]


_GOVERNMENT_OFFICE = re.compile(r"^(?:人民)?政府办(?:公室|公厅)?$")


def reports_of_the_government(mention: str, reports: list[Report]) -> list[Report]:
    """"贵阳市政府办公厅" when no office of 贵阳市 has a report, only its government (whose report, 《贵阳市人民政府
    (市人民政府办公厅)…》, the office writes): the government's reports."""
    places, department = split_agency(mention)
    if not places or not _GOVERNMENT_OFFICE.match(department):
        return []
    return [r for r in reports if r.agency and (parts := split_agency(r.agency))[0][-1:] == places[-1:]
            and is_place_government(parts[1])]


def _is_department(report: Report, department: str) -> bool:
    """The report's body is the department named (市场监督管理 of 省市场监管局, by its usual short name)."""
    return bool(report.agency) and department_matches(department, split_agency(report.agency)[1])


def _of_agencies_named(q: Question, reports: list[Report], all_reports: list[Report], over_agencies: bool,
                       agencies: Sequence[str], chosen: bool = False) -> tuple[list[Report], ScopeProblem | None]:
    if chosen and reports and not any(r.agency for r in reports):
        return reports, None  # a report chosen whose body is unknown: no body the question names tells it apart
    named, unknown_agency = resolve_agencies(q.text, list(agencies), every_of_place=over_agencies)
    if named:
        bodies = same_bodies(named, agencies)  # one body's reports under its names as each report writes it
        return [r for r in reports if r.agency in bodies], None
    if titled := reports_by_title_name(q.text, reports):
        return titled, None
    if unknown_agency and chosen and all(may_name(q.text, r.agency) for r in reports):
        return reports, None  # a report chosen that the question names by its place or department (agencies.may_name)
    if unknown_agency and (governments := reports_of_the_government(unknown_agency, reports)):
        return governments, None
    if unknown_agency:
        unnamed = unnamed_reports_naming(unknown_agency, reports)
        return unnamed, None if unnamed else ScopeProblem(ProblemKind.UNKNOWN_AGENCY, unknown_agency)
    unknown = [p for p in q.places if not place_is_known(p, [r.agency for r in all_reports])]
    return reports, ScopeProblem(ProblemKind.UNKNOWN_AGENCY, unknown[0]) if unknown else None


_TITLE_NAME = re.compile(r"^([\u4e00-\u9fa5]{3,20}?)(?:\d{4}|[二〇一]{4}|政府信息公开)")


@lru_cache(maxsize=65536)
def title_names(title: str, agency: str) -> tuple[str, ...]:
    """The name a report gives its body in its own title (自治区北部湾办 of "自治区北部湾办2022年政府信息公开
    工作年度报告"), which may be a short name no rule derives from the full one
    (广西壮族自治区北部湾经济区规划建设管理办公室), with and without the level word a body writes of its own place
    (北部湾办); none when the title names the agency as it is. Read once per title: every unscoped question asks."""
    m = _TITLE_NAME.match(title)
    if m is None or m.group(1) == agency:
        return ()
    name = m.group(1)
    bare = re.sub(r"^(?:自治区|省|市|县|区)", "", name)
    return (name, bare) if bare != name and len(bare) >= 3 else (name,)


def reports_by_title_name(text: str, reports: list[Report]) -> list[Report]:
    """Reports whose own title names their body as the question does, when no agency name matched: "广西自治区
    北部湾办2022年…" holds 自治区北部湾办."""
    named = {r.id: n for r in reports if (names := title_names(r.title, r.agency))
             and (n := next((len(v) for v in names if v in text), 0))}
    longest = max(named.values(), default=0)
    agencies = {r.agency for r in reports if named.get(r.id) == longest}
    return [r for r in reports if r.agency in agencies]  # its other years' reports too


def indexed_agencies(reports: Iterable[Report]) -> list[str]:
    """The agencies a question may name, in one order (an answerer keeps them: 2,500 of them at 10,000 reports)."""
    return sorted({r.agency for r in reports if r.agency})


def resolve_scope(q: Question, all_reports: list[Report], report_id: str | None = None, year: int | None = None,
                  agency: str | None = None, agencies: Sequence[str] | None = None) -> Scope:
    """``agencies``: ``indexed_agencies(all_reports)``, when the caller keeps them."""
    reports = list(all_reports)
    if report_id:
        # a report chosen by its id, or by its file's name with or without the extension
        reports = [r for r in reports if report_id in (r.id, r.source, r.source.rsplit(".", 1)[0])]
    if agency:
        reports = [r for r in reports if agency in r.agency or match_agencies(agency, [r.agency])]
    # a question over several agencies (a ranking, a sum over 各部门) means every agency of a place it names
    over_agencies = q.across is not None or q.intent == "ranking"
    reports, problem = _of_agencies_named(q, reports, all_reports, over_agencies,
                                          agencies if agencies is not None else indexed_agencies(all_reports),
                                          chosen=bool(report_id))
    if problem:
        return Scope([], problem=problem)
    if not reports:
        return Scope([], problem=ScopeProblem(ProblemKind.NO_REPORT))
    base = max((r.year for r in reports if r.year), default=None) if q.relative_years else None
    years = list(q.years) + ([year] if year else [])
    if "比去年" in q.relative_years:
        anchor = years[0] if years else base
        years = [anchor, anchor - 1] if anchor else years
    else:
        if "去年" in q.relative_years and base and not years:
            years.append(base)
        if "前年" in q.relative_years and base:
            years.append(base - 1)
        if "今年" in q.relative_years and base and not years:
            years.append(base)
    years = list(dict.fromkeys(y for y in years if y))
    if report_id and len(years) >= 2 and len(reports) == 1 and reports[0].year in years:
        # one report chosen, and the question compares its year with another ("rose in 2023 compared with 2022"):
        # what the chosen report says is asked, not another year's report
        years = [reports[0].year]
    if years and q.intent == "prose" and load_lexicon().words.plans.search(q.text):
        # a report states the next year's plans: "2018年有什么打算" is answered by the 2017 report
        years = [y if any(r.year == y for r in reports) or not any(r.year == y - 1 for r in reports) else y - 1
                 for y in years]
    if years:
        in_years = [r for r in reports if r.year in years]
        present = {r.year for r in in_years}
        missing = [y for y in years if y not in present]
        # (a change from last year asked of one report, 同比下降了百分之多少, may be the rate the report states)
        if missing and (q.intent not in ("difference", "share") or len(missing) == len(years)):
            asked = tuple(sorted({r.agency for r in reports if r.agency})) \
                if len(reports) < len(all_reports) and any(r.year == missing[0] for r in all_reports) else ()
            return Scope([], years=years,
                          problem=ScopeProblem(ProblemKind.UNKNOWN_YEAR, str(missing[0]), asked[:AGENCIES_NAMED]))
        if not missing and (unmatched := _named_without_the_year(q, reports, in_years, len(all_reports))):
            # "A局和B县2015年一共…": B has the year, A has not — say so, never B's figure alone
            return Scope([], years=years, problem=ScopeProblem(ProblemKind.UNKNOWN_YEAR, str(years[0]),
                                                                tuple(unmatched[:AGENCIES_NAMED])))
        if q.intent not in ("difference", "share") or len(years) < 2 or not missing:
            reports = in_years
        reports = _in_their_own_years(q.text, reports, years)
    return Scope(reports, years)


def _in_their_own_years(text: str, reports: list[Report], years: list[int]) -> list[Report]:
    """"济宁市卫健委2024年…比武汉市民政局2025年…": each body in the year written with it, not every year named."""
    own = _year_of_each_agency(text, reports) if len(years) >= 2 else {}
    return [r for r in reports if own.get(r.agency) == r.year] if own else reports


_YEAR_MARK = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_YEAR_BESIDE = 3  # characters between a body's name and the year written with it ("2023年黄平县", "卫健委2024年")


def _year_of_each_agency(text: str, reports: list[Report]) -> dict[str, int]:
    """{agency: the one year the question writes with it}, when it names two or more bodies each with a year of its
    own, written right before or after its name ("2023年A…比2024年B…", "A2024年…比B2025年…", "A … in 2023 than B …
    in 2020"); {} otherwise."""
    agencies = sorted({r.agency for r in reports if r.agency})
    if not 2 <= len(agencies) <= MAX_NAMED_APART:
        return {}  # (a year-only question over thousands of bodies names none of them)
    at = {a: first_named_at(text, a) for a in agencies}
    if any(i < 0 for i in at.values()) or len(set(at.values())) != len(at):
        return {}
    order = sorted(agencies, key=lambda a: at[a])
    marks = [(m.start(), m.end(), int(m.group(1))) for m in _YEAR_MARK.finditer(text)]
    own: dict[str, int] = {}
    taken: set[int] = set()
    for k, agency in enumerate(order):
        start = at[agency]
        nxt = at[order[k + 1]] if k + 1 < len(order) else len(text)
        before = [m for m in marks if 0 <= start - m[1] <= _YEAR_BESIDE + 1 and m[0] not in taken]
        after = [m for m in marks if start < m[0] < nxt and m[0] not in taken
                 and not any(0 <= at[b] - m[1] <= _YEAR_BESIDE + 1 for b in order[k + 1:])]
        chosen = before[-1] if before else after[0] if after else None
        if chosen is None:
            return {}
        own[agency] = chosen[2]
        taken.add(chosen[0])
    years = {r.year for r in reports}
    return own if len(set(own.values())) == len(own) and set(own.values()) <= years else {}


_LISTED_APART = re.compile(r"[和与及、跟比较,，]|\b(?:and|than|or)\b", re.IGNORECASE)


def _named_without_the_year(q: Question, named: list[Report], in_years: list[Report], indexed: int) -> list[str]:
    """Agencies a question names one by one (each by its own name) of which no report is of the year it asks."""
    agencies = sorted({r.agency for r in named if r.agency})
    intents = load_lexicon().intents
    combines = q.intent in ("sum", "difference") or any(
        contains_phrase(q.text.lower(), p) for name in ("sum", "difference") for p in intents.get(name, ()))
    if len(agencies) < 2 or len(named) >= indexed or q.across is not None or len(q.years) != 1 or not combines:
        return []  # one agency named ambiguously (two 国资局) is told apart by the year, as before
    spots = sorted(first_named_at(q.text, a) for a in agencies)
    if spots[0] < 0 or any(not _LISTED_APART.search(q.text[a:b]) for a, b in zip(spots, spots[1:], strict=False)):
        return []  # each by its own name, set apart (和, 比, and, than), not two readings of one name
    covered = {r.agency for r in in_years}
    return [a for a in agencies if a not in covered]

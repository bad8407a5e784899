"""Rebuild eval/generated/: a small synthetic corpus (3 agencies × 3 years, two report formats, every file type) and
its question set, from fixed seeds.

    python eval/generated/build.py            # writes corpus/, questions.jsonl, truth_facts.jsonl, README.md

Every answer is computed from the generator's truth facts, never typed in. Each written file is read back with the
project's loader and parser first, and the build stops if a table fact differs, so a wrong answer in an evaluation
is the answering's fault, not the parser's (``--allow-mismatch`` writes anyway, with the differences listed).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from reportqa.synth import AgencyName, OldVariant, SyntheticReport, generate_report, random_mess, write_report
from reportqa.synth.generate import _rng
from reportqa.synth.old_table import TABLE_TITLE
from reportqa.synth.roundtrip import run_roundtrip

sys.path.insert(0, str(Path(__file__).resolve().parent))
from question_bank import CARRY_ON, COMPARE_OLD, COMPARE_TEMPLATE, OLD_CONCEPTS, T3, TEMPLATE_CONCEPTS, Concept  # noqa: E402

HERE = Path(__file__).resolve().parent
QUESTION_SEED = 20240601
APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


@dataclass(frozen=True)
class AgencySpec:
    slug: str
    name: AgencyName
    fmt: str
    years: tuple[int, ...]
    zh_names: tuple[str, ...]  # how people name it; the first is the usual short form
    en_names: tuple[str, ...]
    seed: int


AGENCIES = (
    AgencySpec("lanchuan-gov", AgencyName("澜川", "", "人民政府"), "old-table", (2016, 2017, 2018),
               ("澜川市政府", "澜川市人民政府", "澜川市"), ("the Lanchuan City government", "Lanchuan City"), 1100),
    AgencySpec("donghu-health", AgencyName("青禾", "东湖区", "卫生健康委员会"), "template-2021", (2021, 2022, 2023),
               ("东湖区卫健委", "青禾市东湖区卫生健康委员会", "东湖区卫生健康委"),
               ("the Donghu District Health Commission", "the Donghu District (Qinghe) Health Commission"), 2100),
    AgencySpec("anping-hrss", AgencyName("岚江", "安平县", "人力资源和社会保障局"), "template-2021", (2021, 2022, 2023),
               ("安平县人社局", "岚江市安平县人力资源和社会保障局", "安平县人力资源和社会保障局"),
               ("the Anping County Human Resources and Social Security Bureau",
                "the Anping County HR and social security bureau"), 3100),
)
# (file type, layout) per report: every type and layout of the generator appears at least once
FILES = {
    ("lanchuan-gov", 2016): ("docx", "word"), ("lanchuan-gov", 2017): ("txt", "cells"),
    ("lanchuan-gov", 2018): ("pdf", "ruled"),
    ("donghu-health", 2021): ("html", "utf8"), ("donghu-health", 2022): ("docx", "word"),
    ("donghu-health", 2023): ("pdf", "ruled"),
    ("anping-hrss", 2021): ("txt", "pipes"), ("anping-hrss", 2022): ("html", "gbk"),
    ("anping-hrss", 2023): ("md", "markdown"),
}
WITH_BLANKS = {("lanchuan-gov", 2017), ("donghu-health", 2022), ("anping-hrss", 2023)}  # some zeros written "—"/"/"
OLD_VARIANT = OldVariant(header=("统　计　指　标", "单位", "统计数"), renamed=("received.online",), wrap_notes=True)


@dataclass
class Built:
    spec: AgencySpec
    year: int
    report: SyntheticReport
    stem: str
    path: Path | None = None


# --------------------------------------------------------------------------------------------------------------------
# corpus


def _carry_on(report: SyntheticReport) -> dict[str, int]:
    """Last year's 结转下年度 per applicant column: this year's 上年结转 (a blank counts as none)."""
    return {c: int(report.value(T3, CARRY_ON, c) or 0) for c in APPLICANTS}


def generate_corpus() -> list[Built]:
    built: list[Built] = []
    for spec in AGENCIES:
        previous: SyntheticReport | None = None
        scale = random.Random(spec.seed).randint(120, 420)
        for i, year in enumerate(spec.years):
            seed = spec.seed + i
            mess = random_mess(_rng(seed, "mess"))
            mess = replace(mess, blank_rate=0.3 if (spec.slug, year) in WITH_BLANKS else 0.0)
            new_total = int(scale * random.Random(seed).uniform(0.75, 1.35))
            kwargs = {"mess": mess, "new_total": new_total}
            if spec.fmt == "old-table":
                kwargs["old_variant"] = OLD_VARIANT
            elif previous is not None:
                kwargs["carried_in"] = _carry_on(previous)
            report = generate_report(seed, spec.fmt, spec.name, year, **kwargs)  # type: ignore[arg-type]
            built.append(Built(spec, year, report, f"synth-{spec.slug}-{year}"))
            previous = report
    return built


def write_corpus(built: list[Built], corpus: Path, allow_mismatch: bool) -> list[str]:
    """Write every report and check it reads back exactly; returns the problems found."""
    if corpus.exists():
        shutil.rmtree(corpus)
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for b in built:
            file_type, layout = FILES[(b.spec.slug, b.year)]
            b.path = write_report(b.report, corpus, file_type, layout, stem=b.stem)
            trip = run_roundtrip(b.report, Path(scratch), file_type, layout)
            if not trip.exact or not trip.metadata_ok:
                problems.append(trip.describe(limit=5) + ("" if trip.metadata_ok else " (agency/year misread)"))
    if problems and not allow_mismatch:
        raise SystemExit("read-back differs from the truth:\n" + "\n".join(problems))
    return problems


def fact_rows(built: list[Built]) -> list[dict]:
    return [{"report": b.stem, "agency": b.report.agency, "year": b.year, "table": f.table, "path": list(f.path),
             "column": f.column, "value": _json_number(f.value), "unit": f.unit, "raw": f.raw}
            for b in built for f in b.report.facts]


# --------------------------------------------------------------------------------------------------------------------
# questions


def _json_number(value: int | Decimal | None) -> int | float | None:
    if value is None or isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() and "." not in str(value) else float(value)


def _resolve(b: Built, cell: tuple) -> tuple[int | Decimal | None, str] | None:
    """The truth (value, unit) of one cell of a concept; None when the report has no such row."""
    table, path, column = cell
    if table == "old":
        real = b.report.concepts.get(path[0])
        if real is None:
            return None
        table, path = TABLE_TITLE, real
    fact = b.report.fact(table, path, column)
    return None if fact is None else (fact.value, fact.unit)


def concept_value(b: Built, concept: Concept) -> tuple[int | Decimal, str] | None:
    """The concept's answer: one figure or a sum; None when a part is missing or not reported (no clean answer)."""
    parts = [_resolve(b, cell) for cell in concept.cells]
    if any(p is None or p[0] is None for p in parts) or len({p[1] for p in parts}) != 1:  # type: ignore[index]
        return None
    return sum(p[0] for p in parts), parts[0][1]  # type: ignore[index,return-value]


@dataclass
class QuestionWriter:
    """Turns concepts into question lines with varied phrasing and scope, deterministic in its seed."""

    rng: random.Random
    english_share: float = 0.3

    def phrase(self, concept: Concept, b: Built, scoped: bool) -> tuple[str, str]:
        """(question, language)."""
        english = bool(concept.en) and self.rng.random() < self.english_share
        template = self.rng.choice(concept.en if english else concept.zh)
        if english:
            who = self.rng.choice(("the agency", "this agency")) if scoped else self.rng.choice(b.spec.en_names)
            when = "" if scoped else f" in {b.year}"
        else:
            leading = template.startswith(("{who}", "{when}{who}"))
            who = ("" if leading else "该单位") if scoped else self.rng.choice(b.spec.zh_names)
            when = "" if scoped else f"{b.year}年"
        text = template.format(who=who, when=when)
        if english:
            text = text[0].upper() + text[1:]
        return text, "en" if english else "zh"


def _line(kind: str, question: str, value, unit: str, report: str | None, evidence: str | None = None) -> dict:
    return {"question": question, "kind": kind, "answer_value": _json_number(value), "unit": unit,
            "evidence": evidence, "report": report}


def figure_questions(built: list[Built], writer: QuestionWriter, lookups: dict[str, int],
                     aggregates: dict[str, int]) -> list[dict]:
    out = []
    for b in built:
        concepts = TEMPLATE_CONCEPTS if b.report.format == "template-2021" else OLD_CONCEPTS
        for kind, wanted in (("lookup", lookups[b.report.format]), ("aggregate", aggregates[b.report.format])):
            pool = [c for c in concepts if c.kind == kind and concept_value(b, c) is not None]
            for concept in writer.rng.sample(pool, min(wanted, len(pool))):
                value, unit = concept_value(b, concept)  # type: ignore[misc]
                scoped = writer.rng.random() < 0.5
                text, _ = writer.phrase(concept, b, scoped)
                out.append(_line(kind, text, value, unit, b.stem if scoped else None))
    return out


def compare_questions(built: list[Built], writer: QuestionWriter, per_agency: int) -> list[dict]:
    out = []
    for spec in AGENCIES:
        reports = {b.year: b for b in built if b.spec is spec}
        concepts = {c.id: c for c in (TEMPLATE_CONCEPTS if spec.fmt == "template-2021" else OLD_CONCEPTS)}
        cores = COMPARE_TEMPLATE if spec.fmt == "template-2021" else COMPARE_OLD
        pairs = [(a, b) for a in spec.years for b in spec.years if a < b]
        options = [(core, pair) for core in cores for pair in pairs]
        made = 0
        for (concept_id, zh, en), (y1, y2) in writer.rng.sample(options, len(options)):
            if made == per_agency:
                break
            first, second = (concept_value(reports[y], concepts[concept_id]) for y in (y1, y2))
            if first is None or second is None or first[0] == second[0]:
                continue
            diff = second[0] - first[0]
            english = bool(en) and writer.rng.random() < writer.english_share
            if english:
                text = en.format(who=writer.rng.choice(spec.en_names), y1=y1, y2=y2,
                                 more_en="more" if diff > 0 else "fewer")
                text = text[0].upper() + text[1:]
            else:
                text = zh.format(who=writer.rng.choice(spec.zh_names), y1=y1, y2=y2, more="多" if diff > 0 else "少")
            out.append(_line("compare", text, abs(diff), first[1], None))
            made += 1
    return out


def _evidence_candidates(b: Built) -> list[tuple[str, str, str, str, str]]:
    """(evidence, zh over the corpus, zh within the report, en over the corpus, en within the report) about the
    report's prose; {who} and {y} are filled in for questions over the corpus."""
    from reportqa.synth.prose import choose_prose

    choices = choose_prose(_rng(b.report.seed, "prose"))
    topic = choices.topic
    return [
        (choices.problems[0], "{who}{y}年的政府信息公开工作存在哪些问题？", "本年度的政府信息公开工作存在哪些问题？",
         "What shortcomings did {who} report in its {y} disclosure work?",
         "What shortcomings does the report admit?"),
        (choices.problems[1], "{y}年{who}在信息公开方面还有什么不足？", "信息公开工作还有什么不足？", "", ""),
        (choices.measures[0], "{who}在{y}年的报告里说下一年要怎么改进？", "下一年打算怎么改进信息公开工作？",
         "What improvements did {who} plan for the year after {y}?", "What does the agency plan to improve next year?"),
        (choices.initiative[:40], "{who}{y}年在" + topic + "的信息公开上做了什么？",
         "在" + topic + "的信息公开上做了什么？",
         "What did {who} do in {y} about disclosing information on " + topic + "?",
         "What was done about disclosing information on " + topic + "?"),
    ]


def prose_questions(built: list[Built], writer: QuestionWriter, per_report: int) -> list[dict]:
    texts = {b.stem: re.sub(r"\s+", "", b.report.text) for b in built}
    out = []
    for b in built:
        for evidence, zh, zh_scoped, en, en_scoped in writer.rng.sample(_evidence_candidates(b), per_report):
            assert re.sub(r"\s+", "", evidence) in texts[b.stem], evidence
            unique = sum(re.sub(r"\s+", "", evidence) in t for t in texts.values()) == 1
            scoped = not unique or writer.rng.random() < 0.3
            english = bool(en) and writer.rng.random() < 0.4
            if scoped:
                text = en_scoped if english else zh_scoped
            else:
                names = b.spec.en_names if english else b.spec.zh_names
                text = (en if english else zh).format(who=writer.rng.choice(names), y=b.year)
                text = text[0].upper() + text[1:]
            out.append(_line("prose", text, None, "", b.stem if scoped else None, evidence))
    return out


def unanswerable_questions(built: list[Built]) -> list[dict]:
    """Figures the corpus does not hold: other years, other agencies, rows a format never has, other topics."""
    stem = {(b.spec.slug, b.year): b.stem for b in built}
    null = [
        "2020年东湖区卫健委收到多少件信息公开申请？",
        "青禾市东湖区卫生健康委员会2024年的行政复议有几件？",
        "How many disclosure requests did the Donghu District Health Commission receive in 2019?",
        "2020年安平县人社局收到企业申请多少件？",
        "岚江市安平县人力资源和社会保障局2024年不予公开的有多少件？",
        "2015年澜川市政府共收到多少件信息公开申请？",
        "澜川市人民政府2019年被申请行政复议几件？",
        "How many disclosure lawsuits did the Lanchuan City government face in 2021?",
        "2022年东湖区教育局收到多少件信息公开申请？",
        "2022年青禾市人民政府收到多少件政府信息公开申请？",
        "安平县卫健委2023年拒绝公开了几件申请？",
        "澜川市人社局2017年收到多少件申请？",
        "How many requests did the Qinghe City Market Supervision Administration receive in 2022?",
        "2017年岚江市政府收到多少件政府信息公开申请？",
        "2022年东湖区卫健委网上申请有多少件？",
        "2023年安平县人社局开了几次新闻发布会？",
        "2021年东湖区卫健委信息公开专项经费有多少万元？",
        "2017年澜川市政府收到企业的申请多少件？",
        "2018年澜川市政府有多少件申请结转到下一年继续办理？",
        "How many requests from law firms did the Lanchuan City government receive in 2016?",
        "2016年澜川市政府作出了多少个行政许可决定？",
        "How many online requests did the Anping County Human Resources and Social Security Bureau receive in 2022?",
        "2023年东湖区卫健委的财政预算是多少？",
    ]
    scoped = [
        (("donghu-health", 2022), "网上申请有多少件？"),
        (("donghu-health", 2023), "专职从事信息公开的有几个人？"),
        (("anping-hrss", 2021), "传真申请了几件？"),
        (("anping-hrss", 2022), "How many press conferences were held?"),
        (("lanchuan-gov", 2017), "律师事务所提出的申请有多少件"),
        (("lanchuan-gov", 2018), "复议之后又被起诉的有几件？"),
        (("lanchuan-gov", 2016), "How many requests were still pending at the end of the year?"),
        (("anping-hrss", 2023), "当面申请的有几件？"),
        (("donghu-health", 2021), "当地GDP是多少？"),
        (("lanchuan-gov", 2018), "行政处罚决定有多少件？"),
    ]
    return ([_line("unanswerable", q, None, "", None) for q in null]
            + [_line("unanswerable", q, None, "", stem[key]) for key, q in scoped])


def build_questions(built: list[Built]) -> list[dict]:
    writer = QuestionWriter(random.Random(QUESTION_SEED))
    questions = (figure_questions(built, writer, {"template-2021": 11, "old-table": 8},
                                  {"template-2021": 4, "old-table": 2})
                 + compare_questions(built, writer, per_agency=8)
                 + prose_questions(built, writer, per_report=2)
                 + unanswerable_questions(built))
    seen: set[tuple[str, str | None]] = set()
    unique = []
    for q in questions:
        if (q["question"], q["report"]) not in seen:
            seen.add((q["question"], q["report"]))
            unique.append(q)
    return [{"id": f"gen-{i:03d}", **q} for i, q in enumerate(unique, 1)]


# --------------------------------------------------------------------------------------------------------------------
# README


def language(question: str) -> str:
    return "zh" if re.search(r"[\u4e00-\u9fff]", question) else "en"


def counts_table(questions: list[dict]) -> str:
    counts = Counter((q["kind"], language(q["question"])) for q in questions)
    lines = ["| kind | zh | en | total |", "|---|---|---|---|"]
    for kind in ("lookup", "aggregate", "compare", "prose", "unanswerable"):
        zh, en = counts[(kind, "zh")], counts[(kind, "en")]
        lines.append(f"| {kind} | {zh} | {en} | {zh + en} |")
    zh = sum(v for (k, lang), v in counts.items() if lang == "zh")
    en = sum(v for (k, lang), v in counts.items() if lang == "en")
    lines.append(f"| **all** | {zh} | {en} | {zh + en} |")
    return "\n".join(lines)


def corpus_table(built: list[Built]) -> str:
    lines = ["| file | agency | year | format | file type / layout |", "|---|---|---|---|---|"]
    for b in built:
        file_type, layout = FILES[(b.spec.slug, b.year)]
        mark = " (some zeros written —, / or blank)" if (b.spec.slug, b.year) in WITH_BLANKS else ""
        lines.append(f"| `{b.path.name if b.path else b.stem}` | {b.report.agency} | {b.year} | {b.report.format} | "
                     f"{file_type} / {layout}{mark} |")
    return "\n".join(lines)


README = """# Generated evaluation set (synthetic)

**Everything here is synthetic test data.** The agencies and places are made up, every report's title starts with
【合成】 and its text says 本报告为测试合成数据. Nothing here may be copied into `corpus/` (the generator refuses to
write there).

Rebuild both the corpus and the questions from fixed seeds (deterministic; about {seconds} s):

```
python eval/generated/build.py
```

`build.py` uses `reportqa.synth` (the report generator) and `question_bank.py` (what is asked and how people phrase
it). Before writing, it reads every report back with the project's loader and parser and stops if any table fact
differs from the truth, so evaluation failures on this set are answering failures, not parsing failures.

## Corpus: `corpus/` (3 agencies × 3 years, 2 formats, every file type)

{corpus}

Consecutive template years of one agency agree: a year's 二、上年结转 equals the previous year's 四、结转下年度
in every applicant column. `truth_facts.jsonl` lists every table figure of every report (report stem, agency, year,
table, path, column, value, unit, raw cell text) with the parsers' conventions.

## Questions: `questions.jsonl`

The DESIGN.md §6 format: `{{"id", "question", "kind", "answer_value", "unit", "evidence", "report"}}`.

{counts}

{scoped} questions are asked within one report (`report` is the file-name stem) and {null} over the whole corpus
(`report` null); every whole-corpus question names the agency and the year (compare questions name two years).

- **lookup**: one figure, asked the way citizens ask (企业/公司 → 商业企业, 律师事务所 → 法律服务机构, 个人/老百姓 → 自然人,
  不掌握相关信息 → （四）1, 复议 → 行政复议, 直接被告上法庭 → 未经复议直接起诉, 网上 → 网络申请, …), mostly not the row's
  own words. Template reports: table 二, 三 and 四 cells; old-format reports: rows of the 统计指标 table.
- **aggregate**: a sum the report does not state itself: 不予公开 = the eight （三） rows' 总计; 行政诉讼一共 = both
  lawsuit groups' 总计; 法人或其他组织 = the five organisation columns of 一、本年新收; 全部+部分公开; 复议+诉讼; …
- **compare**: the same agency in two years; the answer is the positive difference, the question says 多/少
  (more/fewer) to match its sign.
- **prose**: `answer_value` null; `evidence` is a verbatim substring (≤ 40 characters) of the report's prose. A
  question is over the whole corpus only when its evidence occurs in one report alone.
- **unanswerable**: other years (2015, 2019, 2020, 2024), agencies not in the corpus (including the city government
  above a department that is in it), rows a format never has (channels and staffing are old-format rows; applicant
  types, 结转下年度 and 行政许可 are template rows), and other topics (GDP, budgets). The right answer is `found: false`.
- Questions are never asked about a cell written as not reported ("—", "/", blank), nor about a sum with such a part.
- Units are the report's: 件 for requests and cases, 万元 for fees and budgets, 条/次/人/人次 for old-format rows.

## Running

```
reportqa eval eval/generated/questions.jsonl --corpus eval/generated/corpus
```
"""  # noqa: E501 -- the lines of the README this writes (eval/generated/README.md), kept verbatim


def write_readme(built: list[Built], questions: list[dict], seconds: float) -> None:
    scoped = sum(1 for q in questions if q["report"])
    text = README.format(corpus=corpus_table(built), counts=counts_table(questions), scoped=scoped,
                         null=len(questions) - scoped, seconds=max(1, round(seconds)))
    (HERE / "README.md").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    import time

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--allow-mismatch", action="store_true", help="write even if a report reads back wrong")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    built = generate_corpus()
    problems = write_corpus(built, HERE / "corpus", args.allow_mismatch)
    questions = build_questions(built)
    with (HERE / "questions.jsonl").open("w", encoding="utf-8") as out:
        for q in questions:
            out.write(json.dumps(q, ensure_ascii=False) + "\n")
    with (HERE / "truth_facts.jsonl").open("w", encoding="utf-8") as out:
        for row in fact_rows(built):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    write_readme(built, questions, time.perf_counter() - start)
    print(counts_table(questions))
    english = sum(language(q["question"]) == "en" for q in questions) / len(questions)
    unanswerable = sum(q["kind"] == "unanswerable" for q in questions) / len(questions)
    print(f"\n{len(questions)} questions, {english:.0%} English, {unanswerable:.0%} unanswerable; "
          f"{len(built)} reports in {HERE / 'corpus'}")
    for problem in problems:
        print("WARNING:", problem)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

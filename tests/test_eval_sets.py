"""Every question set through `reportqa eval --corpus` (a fresh index each): the figures the issues require, on both
store configurations — SQLite (the default) and PostgreSQL (a real server) — with identical answers.

This is the end-to-end guard of answer quality; the sets and their corpora are described in eval/README.md and
eval/generated/README.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETS = [  # (questions, corpus, bar for recall@5 and every kind); the blind set was written without seeing the code
    ("eval/seed_questions.jsonl", "corpus", 0.9),
    ("eval/generated/questions.jsonl", "eval/generated/corpus", 0.9),
    ("eval/blind/questions.jsonl", "corpus", 0.85),
]


def _run_eval(tmp_path: Path, questions: str, corpus: str, store: str, *extra: str,
              vectors: str = "") -> tuple[dict, str]:
    """``reportqa eval`` in a child process, as a user runs it."""
    out = tmp_path / f"result-{store.split(':')[0]}.json"
    backends = ["--store", store, *(["--vectors", vectors] if vectors else [])]
    run = subprocess.run([sys.executable, "-m", "reportqa.cli", *backends, "eval", str(ROOT / questions),
                          "--corpus", str(ROOT / corpus), *extra, "--json", str(out)],
                         capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8")), run.stdout


def _on_both_stores(tmp_path: Path, pg_cluster, questions: str, corpus: str,
                    sqlite_extra: tuple[str, ...] = ()) -> list[tuple[dict, str]]:
    """The set on SQLite + FAISS and on PostgreSQL + Milvus Lite; their answers must be the same, answer by answer."""
    sqlite_run = _run_eval(tmp_path, questions, corpus, f"sqlite:///{tmp_path / 'store.sqlite'}", *sqlite_extra)
    postgres_run = _run_eval(tmp_path, questions, corpus, pg_cluster.new_database(),
                             vectors=f"milvus-lite://{tmp_path / 'milvus.db'}")
    assert sqlite_run[0]["answers"] == postgres_run[0]["answers"]
    return [sqlite_run, postgres_run]


@pytest.mark.parametrize("questions,corpus,bar", SETS)
def test_question_set_meets_the_bar(tmp_path, pg_cluster, questions, corpus, bar):
    for result, stdout in _on_both_stores(tmp_path, pg_cluster, questions, corpus):
        _meets_the_bar(result, stdout, bar)


def _meets_the_bar(result: dict, stdout: str, bar: float) -> None:
    assert result["numeric_accuracy"] >= 0.95, stdout
    assert result["abstention_accuracy"] >= 0.95, stdout
    assert result["false_answer_rate"] <= 0.03, stdout
    assert result["recall_at_5"] >= bar, stdout
    for kind, row in result["by_kind"].items():
        assert row["accuracy"] >= bar, (kind, stdout)
    assert result["by_lang"]["en"]["accuracy"] >= 0.9, stdout


# (questions, corpus, numeric, abstention, recall@5): the real set is a development set now, so its bar guards the
# figures reached on it (see eval/real/README.md); the held-out set's first run (0.657 / 0.933 / 0.929, before any
# change for it) is its README's figure, and its bar only guards against falling back. The second held-out set's first
# runs (0.471, then 0.490) are its README's figures; it has been a development set since. The third held-out set's
# first run (0.641 / 1.000 / 0.929; 0.684 / 1.000 / 1.000 once the reserved 平潭 2011–2014 reports were taken
# out) is its README's figure. The fourth held-out set's first run (0.759 / 0.889 / 1.000 at 7ccf84d) is its README's
# figure; its failures are not read, and its bar only guards against falling back. The fifth held-out set's first
# run (0.763 / 0.806 / 0.885 at 963165f) is its README's figure; it has been a development set since.
REAL_SETS = [
    ("eval/real/questions.jsonl", "eval/real/corpus", 0.85, 0.95, 0.95),
    ("eval/holdout/questions.jsonl", "eval/holdout/corpus", 0.78, 0.95, 0.90),
    ("eval/holdout2/questions.jsonl", "eval/holdout2/corpus", 0.78, 0.90, 0.90),
    ("eval/holdout3/questions.jsonl", "eval/holdout3/corpus", 0.66, 0.95, 0.95),
    ("eval/holdout4/questions.jsonl", "eval/holdout4/corpus", 0.76, 0.85, 0.95),
    ("eval/holdout5/questions.jsonl", "eval/holdout5/corpus", 0.85, 0.85, 0.90),
    # 16 non-Pingtan report openings (nine provinces); first run 0.509 / 0.933 / 0.625, a development set since
    ("eval/holdout6/questions.jsonl", "eval/holdout6/corpus", 0.75, 0.90, 0.80),
    # 20 report openings from 16 provinces none of the others has; first run 0.356 / 0.974 / 0.739 (e5246d6), a
    # development set since
    ("eval/holdout7/questions.jsonl", "eval/holdout7/corpus", 0.70, 0.95, 0.90),
    # 8 whole 平潭 department reports and 12 openings from six provinces; first run 0.568 / 0.900 / 0.813 (bded996),
    # a development set since
    ("eval/holdout8/questions.jsonl", "eval/holdout8/corpus", 0.75, 0.90, 0.95),
    # 8 平潭 department page.html files and 12 openings from 12 provinces; first run 0.682 / 0.919 / 0.906 (e8a233b),
    # a development set since
    ("eval/holdout9/questions.jsonl", "eval/holdout9/corpus", 0.70, 0.95, 0.90),
    # 8 平潭 page.txt reports (three year pairs) and 12 openings from 12 provinces; first run 0.568 / 0.932 / 0.938
    # (88e63bd), a development set since
    ("eval/holdout10/questions.jsonl", "eval/holdout10/corpus", 0.62, 0.90, 0.90),
    # 8 平潭 page.txt reports (two agencies' runs of years) and 12 openings from 11 provinces; first run 0.592 /
    # 0.958 / 0.938 (88e63bd; 0.603 with that session's code before it was read), a development set since
    ("eval/holdout11/questions.jsonl", "eval/holdout11/corpus", 0.62, 0.90, 0.90),
    # 8 平潭 page.html reports (two year pairs) and 12 openings from 11 provinces; first run 0.078 as run (a report
    # filter by file name with its extension found nothing), 0.637 / 0.932 / 0.906 with that filter fixed (1b46722),
    # a development set since
    ("eval/holdout12/questions.jsonl", "eval/holdout12/corpus", 0.62, 0.90, 0.85),
    # 3 平潭 page.html reports and 18 openings from 9 provinces (three year pairs); first run 0.697 / 0.900 / 0.889
    # (97e3f29), a development set since
    ("eval/holdout13/questions.jsonl", "eval/holdout13/corpus", 0.70, 0.90, 0.85),
    # 23 report openings from 11 provinces (towns, streets, departments; two year pairs); first run 0.471 / 1.000 /
    # 0.735 (af15695), a development set since
    ("eval/holdout14/questions.jsonl", "eval/holdout14/corpus", 0.65, 0.90, 0.90),
    # 24 report openings from 16 provinces (health, police, ecology, market regulation… bodies; two year pairs);
    # first run 0.628 / 0.976 / 0.913 (8f9f1ee), a development set since
    ("eval/holdout15/questions.jsonl", "eval/holdout15/corpus", 0.65, 0.90, 0.90),
    # 23 report openings from 15 provinces (audit, emergency, agriculture… bodies, towns; two year pairs); first run
    # 0.740 / 0.939 / 1.000 (a658806), a development set since
    ("eval/holdout16/questions.jsonl", "eval/holdout16/corpus", 0.70, 0.90, 0.90),
    # 23 report openings from 18 provinces (finance, justice, letters and visits… bodies, a zone, towns; two year
    # pairs); first run 0.730 / 0.918 / 0.793 (20e20f3), a development set since
    ("eval/holdout17/questions.jsonl", "eval/holdout17/corpus", 0.75, 0.90, 0.90),
    # 24 report openings from 20 provinces (health, market regulation, natural resources, civil affairs… bodies, a
    # street office, towns; two year pairs); first run 0.772 / 0.960 / 0.966 (b1b3fc3), a development set since
    ("eval/holdout18/questions.jsonl", "eval/holdout18/corpus", 0.80, 0.90, 0.90),
    # 23 report openings from 14 provinces (meteorology, housing, justice, health… bodies, a bonded zone, a hospital,
    # towns; two year pairs); first run 0.672 / 0.965 / 0.929 (56bbaa2), a development set since
    ("eval/holdout19/questions.jsonl", "eval/holdout19/corpus", 0.80, 0.90, 0.90),
    # 23 report openings from 17 provinces (meteorology, veterans affairs, forestry, housing, culture and sports…
    # bodies, street offices; a year pair); first run 0.762 / 1.000 / 0.929 (f7c96e4 + 71b93fe), a development set since
    ("eval/holdout20/questions.jsonl", "eval/holdout20/corpus", 0.85, 0.95, 0.90),
    # 24 report openings from 14 provinces (audit, justice, statistics, archives… bodies, park committees, a
    # university, towns, street offices; one body in three years); first run 0.717 / 0.911 / 0.936 (78e15e6 +
    # 9084aee), a development set since
    ("eval/holdout21/questions.jsonl", "eval/holdout21/corpus", 0.80, 0.95, 0.90),
    # 23 report openings from 14 provinces and a ministry (justice, audit, health, forestry, commerce, archives… bodies,
    # a hospital, a university, two zone committees, towns; one body in three years); first run 0.786 / 1.000 / 1.000
    # (2e23ea3 + 7ed2f6e), a development set since
    ("eval/holdout22/questions.jsonl", "eval/holdout22/corpus", 0.92, 0.95, 0.95),
    # 21 report openings from 15 provinces (commerce, audit, meteorology, housing, health, veterans affairs, forestry
    # bodies, two zone committees and an industrial park, street offices, towns; one year pair); first run 0.694 /
    # 0.963 / 0.931 (84d9c04 + the working code of then, /work/h23first/code.patch), a development set since
    ("eval/holdout23/questions.jsonl", "eval/holdout23/corpus", 0.78, 0.95, 0.90),
    # 22 report openings from 17 provinces (ecology, natural resources, transport, statistics, civil affairs, market
    # regulation, medical security bodies, a city government in two consecutive years, two high-tech zones, towns);
    # first run 0.676 / 0.961 / 1.000 (d307c17 + the working code of then, /work/h24first/code.patch), a development
    # set since
    ("eval/holdout24/questions.jsonl", "eval/holdout24/corpus", 0.72, 0.95, 0.95),
    # 23 report openings from 15 provinces (human resources, water resources, education, agriculture, public
    # security, tax, ethnic affairs, civil affairs, health bodies, two sub-district offices; one year pair); first run
    # 0.711 / 0.943 / 0.969 (b06b6e4 with the code of e95ef50, nothing changed for it), a development set since
    ("eval/holdout25/questions.jsonl", "eval/holdout25/corpus", 0.85, 0.95, 0.95),
    # 19 report openings from 14 provinces (a counsellors' office, a culture and history institute, sports, commerce,
    # foreign affairs, education, forestry, transport, approval bodies, county and city governments, a zone committee,
    # a sub-district; one year pair); first run 0.694 / 0.865 / 0.968 (fd87d3a with the code of f84cc3a, nothing
    # changed for it), a development set since
    ("eval/holdout26/questions.jsonl", "eval/holdout26/corpus", 0.78, 0.95, 0.95),
    # 20 report openings from 15 provinces (five public-security bureaus, eight towns and townships with a sumu in two
    # consecutive years, water, education, ecology, an investment zone, a sub-district, two governments); first run
    # 0.627 / 0.923 / 0.906 (0456b54 with the code of 2d61bcb, nothing changed for it), a development set since
    ("eval/holdout27/questions.jsonl", "eval/holdout27/corpus", 0.85, 0.95, 0.95),
    # 20 report openings from 15 provinces (an archives bureau, a police sub-bureau, eight towns with a year pair,
    # three sub-districts, two Tianjin commissions with a year pair, a highway sub-bureau, a wetland-park division);
    # first run 0.720 / 0.982 / 0.909 (b4de9fa with the code of 3c47ff9, nothing changed for it), a development set
    # since
    ("eval/holdout28/questions.jsonl", "eval/holdout28/corpus", 0.85, 0.95, 0.95),
    # 22 report openings from 15 provinces, 2010–2025 (a provincial emergency department, a Tianjin commission, an
    # archives bureau, a county police bureau of 2010, towns, water bureaus, a zone, governments; one district in three
    # years); first run 0.839 / 0.962 / 0.906 (b1aa153 with the code of 3a09836, nothing changed for it), a
    # development set since
    ("eval/holdout29/questions.jsonl", "eval/holdout29/corpus", 0.85, 0.95, 0.90),
    # 20 report openings from 14 provinces, 2014–2025, Tibet, Hainan, Henan, Guangxi and Jiangxi among them (health
    # bureaus, culture and tourism bureaus, towns, sub-districts, a district general office, two city-wide reports);
    # first run 0.746 / 0.961 / 1.000 (bf8b764 with the code of 5669afa, nothing changed for it), a development set
    # since
    ("eval/holdout30/questions.jsonl", "eval/holdout30/corpus", 0.85, 0.95, 0.95),
    # 19 report openings from 14 provinces, 2015–2025 (towns with a year pair, a police branch, health bodies under
    # their 卫生和计划生育 names, housing, forestry, a river-basin authority, a zone, a city-wide report); first run
    # 0.728 / 0.943 / 0.917 (cbbc4ae with the code of 1c058e3, nothing changed for it), a development set since
    ("eval/holdout31/questions.jsonl", "eval/holdout31/corpus", 0.82, 0.95, 0.95),
    # 18 report openings from 12 provinces, 2010–2024 (statistics, commerce, environment, tax, audit, transport, civil
    # affairs and market-regulation bodies, a street office in two years, a state-owned water company); first run
    # 0.706 / 0.936 / 1.000 (e740e7a with the code of ac152bb, nothing changed for it), a development set since
    ("eval/holdout32/questions.jsonl", "eval/holdout32/corpus", 0.78, 0.95, 0.95),
    # 16 report openings from 14 provinces, 2011–2023 (audit, party-masses, a prefecture and a district government, a
    # university, an ecology bureau in two years, health, veterans' affairs, emergency management, market regulation);
    # first run 0.680 / 1.000 / 1.000 (7e9fe8b with the code of 32d5cd9, nothing changed for it), a development set
    # since
    ("eval/holdout33/questions.jsonl", "eval/holdout33/corpus", 0.83, 0.95, 0.95),
    # 16 report openings from 13 provinces, 2011–2025, Tibet, Hainan and Ningxia among them (four audit bureaus, one in
    # two years, health, market regulation, sports, emergency management, a state-assets commission, a district
    # government, three street offices); first run 0.757 / 0.958 / 1.000 (c1d793e with the code of 29b37a7, nothing
    # changed for it), a development set since
    ("eval/holdout34/questions.jsonl", "eval/holdout34/corpus", 0.80, 0.95, 0.95),
    # 16 report openings from 13 provinces and one central administration, 2013–2025 (three disease-control bodies,
    # three ecology bureaus, civil air defence, transport, market regulation, civil affairs, veterans' affairs, four
    # towns, a street office); first run 0.694 / 0.979 / 0.923 (77848a0 with the code of a18c9e4, nothing changed for
    # it), a development set since
    ("eval/holdout35/questions.jsonl", "eval/holdout35/corpus", 0.85, 0.95, 0.95),
    # questions over several reports at once (sums over 各单位, rankings), written blind on the real corpus; first run
    # 0.528, a development set since (eval/across/README.md); no prose questions, so no recall
    ("eval/across/questions.jsonl", "eval/real/corpus", 0.70, 0.95, None),
]


@pytest.mark.parametrize("questions,corpus,numeric,abstention,recall", REAL_SETS)
def test_real_reports_and_the_retrieval_baseline(tmp_path, pg_cluster, questions, corpus, numeric, abstention, recall):
    """Real published reports with questions written blind: the bars, and above all the fact engine staying above
    the retrieval-only answerer in the same run (the baseline once, on SQLite; the answers on both stores)."""
    runs = _on_both_stores(tmp_path, pg_cluster, questions, corpus, sqlite_extra=("--baseline",))
    for result, stdout in runs:
        _meets_the_real_bars(result, stdout, numeric, abstention, recall)
    result, stdout = runs[0]
    base = result["baseline"]
    assert result["numeric_accuracy"] > base["numeric_accuracy"], stdout
    assert result["abstention_accuracy"] > base["abstention_accuracy"], stdout
    if recall is not None:
        assert result["recall_at_5"] >= base["recall_at_5"], stdout


def _meets_the_real_bars(result: dict, stdout: str, numeric: float, abstention: float, recall: float | None) -> None:
    assert result["numeric_accuracy"] >= numeric, stdout
    assert result["abstention_accuracy"] >= abstention, stdout
    if recall is not None:
        assert result["recall_at_5"] >= recall, stdout

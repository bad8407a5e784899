"""A question's passages are searched for only when a step reads them: an answer resting on the facts of more reports
than passages are shown (a ranking, a year's figure of every agency) cites those facts and costs no search."""

import pytest

from reportqa.answering.context import Retrieval
from reportqa.config import Settings
from reportqa.engine import Engine

TOWN = """2016年{name}政府信息公开工作年度报告
一、概述
2016年，{name}认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开情况
2016年度共主动公开政府信息{count}条。
"""
TOWNS = [("甲溪镇", 25), ("乙山乡", 138), ("丙河镇", 40)]


def test_the_search_runs_once_on_first_read():
    calls = []

    def search():
        calls.append(1)
        return []

    passages = Retrieval(search)
    assert not passages.searched and not calls
    assert list(passages) == [] and len(passages) == 0 and passages[:3] == []
    assert passages.searched and calls == [1]


@pytest.fixture(scope="module")
def towns(tmp_path_factory, embedder):
    root = tmp_path_factory.mktemp("towns")
    (root / "corpus").mkdir()
    for i, (name, count) in enumerate(TOWNS):
        (root / "corpus" / f"town-{i}.txt").write_text(TOWN.format(name=name, count=count), encoding="utf-8")
    # two passages shown: a ranking over three towns rests on more reports than that
    eng = Engine(Settings(index_dir=root / "index", corpus_dir=root / "corpus", top_k=2), embedder=embedder)
    eng.ingest([root / "corpus"])
    yield eng
    eng.close()


def test_a_ranking_over_more_reports_than_passages_shown_cites_its_facts_and_searches_nothing(towns):
    answer = towns.ask("2016年哪个单位主动公开的信息最多？")
    assert (answer.found, answer.value) == (True, 138)
    assert len({f.report_id for f in answer.facts}) == 3
    assert answer.passages == []
    ask = towns.answerer.prepare("2016年哪个单位主动公开的信息最多？")
    assert isinstance(ask.passages, Retrieval) and not ask.passages.searched


def test_an_answer_from_one_report_keeps_its_passages(towns):
    answer = towns.ask("2016年乙山乡主动公开了多少条信息？")
    assert (answer.found, answer.value) == (True, 138)
    assert answer.passages and answer.passages[0].passage.report_id == answer.facts[0].report_id

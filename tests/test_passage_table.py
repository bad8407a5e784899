import numpy as np
import pytest

from reportqa.chunking import bm25_tokens, report_passages
from reportqa.documents import Fact, Report, Section
from reportqa.index import build_index, load_index
from reportqa.passage_table import ROWS_FILE, PassageColumns, PassageRows, PassageTable
from reportqa.store import PassageRow, Store


def row(pid, report, ord_, section="一、概述", kind="prose", year=2017, agency="某区"):
    return PassageRow(pid, report, ord_, section, kind, year, agency)


ROWS = [row("a0", "ra", 0), row("a1", "ra", 1, "统计表", "table"), row("b0", "rb", 0, year=None, agency=""),
        row("c0", "rc", 0, "统计表", "table", 2018, "某县"), row("c1", "rc", 1, year=2018, agency="某县")]


def test_columns_give_back_the_rows_they_were_made_of():
    columns = PassageColumns.from_rows(ROWS)
    assert [columns.row(i) for i in range(len(columns))] == ROWS
    assert list(PassageRows(columns)) == ROWS and PassageRows(columns)[-1] == ROWS[-1]
    assert PassageRows(columns)[1:3] == ROWS[1:3]
    with pytest.raises(IndexError):
        PassageRows(columns)[5]


def test_concatenated_parts_are_the_rows_in_order_with_their_strings_merged():
    parts = [PassageColumns.from_rows(ROWS[:2]), PassageColumns.from_rows([]), PassageColumns.from_rows(ROWS[2:])]
    joined = PassageColumns.concat(parts)
    assert list(PassageRows(joined)) == ROWS
    assert joined.sections.count("统计表") == 1
    assert list(PassageRows(joined.slice(1, 4))) == ROWS[1:4]


def test_rows_by_report_and_year_are_every_row_once_in_order():
    columns = PassageColumns.from_rows(ROWS)
    by_report = {r: v.tolist() for r, v in columns.rows_of_report().items()}
    assert by_report == {"ra": [0, 1], "rb": [2], "rc": [3, 4]}
    by_year = {y: v.tolist() for y, v in columns.rows_of_year().items()}
    assert by_year == {2017: [0, 1], None: [2], 2018: [3, 4]}
    assert PassageColumns.empty().rows_of_year() == {} and PassageColumns.empty().rows_of_report() == {}


def test_a_saved_file_loads_back_and_a_bad_one_is_refused(tmp_path):
    columns = PassageColumns.from_rows(ROWS)
    columns.save(tmp_path)
    ids = [r.id for r in ROWS]
    loaded = PassageColumns.load(tmp_path, ids, ["ra", "rb", "rc"])
    assert loaded is not None and list(PassageRows(loaded)) == ROWS
    assert PassageColumns.load(tmp_path, ids[:-1], ["ra", "rb", "rc"]) is None  # another segment's passages
    assert PassageColumns.load(tmp_path, ids, ["ra", "rb"]) is None
    data = (tmp_path / ROWS_FILE).read_bytes()
    (tmp_path / ROWS_FILE).write_bytes(data[: len(data) // 2])  # truncated
    assert PassageColumns.load(tmp_path, ids, ["ra", "rb", "rc"]) is None
    (tmp_path / ROWS_FILE).unlink()
    assert PassageColumns.load(tmp_path, ids, ["ra", "rb", "rc"]) is None
    assert not list(tmp_path.glob(".tmp-*"))


def report(report_id, source, year):
    facts = [Fact(path=("三、依申请公开情况", "（一）收到申请数"), column=None, value=11, unit="件", raw="11",
                  table="统计表")]
    sections = [Section(("六、主要问题及改进措施",), f"{year}年存在的问题：公开目录体系不完善。"),
                Section(("四、收费及减免情况",), "全年政府信息公开工作未收取任何费用。")]
    return Report(id=report_id, title="t", agency="某区人民政府", year=year, format="old-table", source=source,
                  sections=sections, facts=facts)


class CountingStore(Store):
    """The real store, counting the passage rows it is asked for."""

    read: int = 0

    def passage_rows(self, report_ids=None):
        rows = super().passage_rows(report_ids)
        self.read += len(rows)
        return rows


@pytest.fixture
def versioned(tmp_path, embedder):
    store = CountingStore(tmp_path / "index" / "reportqa.sqlite")
    for i, year in enumerate((2017, 2018)):
        r = report(f"r{i}", f"{year}.txt", year)
        passages = report_passages(r)
        store.put_report(r, passages, [bm25_tokens(p) for p in passages], parser="v1")
    yield store
    store.close()


def test_a_load_reads_no_passage_rows_from_the_store(tmp_path, versioned, embedder):
    built = build_index(tmp_path / "index", versioned, embedder)
    versioned.read = 0
    index = load_index(tmp_path / "index", versioned, embedder)
    assert versioned.read == 0
    assert list(index.rows) == list(built.rows) == versioned.passage_rows()
    assert [p.text for p in index.passages] == [p.text for p in versioned.passages()]


def test_a_report_stored_again_by_another_parser_is_read_from_the_store(tmp_path, versioned, embedder):
    build_index(tmp_path / "index", versioned, embedder)
    with versioned.transaction() as db:
        db.execute("UPDATE reports SET parser='v2' WHERE id='r1'")
        db.execute("UPDATE passages SET agency='另一个区' WHERE report_id='r1'")
    versioned.read = 0
    index = load_index(tmp_path / "index", versioned, embedder)
    assert versioned.read > 0 and {r.agency for r in index.rows if r.report_id == "r1"} == {"另一个区"}


def test_a_segment_without_its_columns_is_read_from_the_store_and_gets_them_at_the_next_build(
        tmp_path, versioned, embedder):
    built = build_index(tmp_path / "index", versioned, embedder)
    [folder] = (tmp_path / "index" / "segments").iterdir()
    (folder / ROWS_FILE).unlink()  # as a segment written before segments held their columns
    versioned.read = 0
    assert list(load_index(tmp_path / "index", versioned, embedder).rows) == list(built.rows)
    assert versioned.read == len(built.rows)
    build_index(tmp_path / "index", versioned, embedder)
    assert (folder / ROWS_FILE).exists()
    versioned.read = 0
    assert list(load_index(tmp_path / "index", versioned, embedder).rows) == list(built.rows)
    assert versioned.read == 0


def test_the_table_shows_passages_by_row_with_their_text(tmp_path, versioned, embedder):
    index = build_index(tmp_path / "index", versioned, embedder)
    table = PassageTable(list(index.rows), versioned.passage_texts)
    assert [p.text for p in table] == [p.text for p in versioned.passages()]
    assert table[len(table) - 1].text == versioned.passages()[-1].text
    assert np.array_equal(table.columns.year, index.passages.columns.year)

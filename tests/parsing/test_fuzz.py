"""Fuzzing: 10,000 mutated reports of both formats in every file type and layout go through load → parse → chunk
with zero crashes. A file may be refused (``LoadError``, reported by name); any other exception is a bug, and so is
one file taking more than a few seconds (an unbounded regex or loop).

The mutations are what real files suffer: spans cut, doubled or moved, lines joined into one, cells glued, digits and
Chinese inserted, full-width and half-width swapped, control bytes, truncation, another encoding; for .docx and .pdf,
bytes flipped, cut and spliced. ``REPORTQA_FUZZ_N`` sets the count (default 10,000); the seed is fixed, so a failure
reproduces.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from reportqa.chunking import report_passages
from reportqa.loaders import LoadError, load_document
from reportqa.parsing import parse_report
from reportqa.synth import FLAT_COMBINATIONS, generate_report, write_report
from reportqa.synth.render import combinations_for

FUZZ_N = int(os.environ.get("REPORTQA_FUZZ_N", "10000"))
SLOW_SECONDS = 10.0
BINARY_SHARE = 0.06  # of the mutants are .docx / .pdf (slower to parse)
INSERTS = ["0", "7", "12", "3030", "１２", "件", "条", "万元", "%", "其中：", "一、", "（二）", "3.", "总计", "合计",
           "申请", "年", "2019年", "\t", "|", " ", "　", "\n", "\n\n", "，", "。", "：", "——", "<td>", "</tr>",
           "&nbsp;", "\x00", "\ufeff", "标题:", "当前位置", "〇", "十二", "－", "-", "/", "…"]
FULL_WIDTH = str.maketrans("0123456789,.:()", "０１２３４５６７８９，．：（）")


def mutate_text(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 6)):
        n = len(text)
        if n < 2:
            break
        a = rng.randrange(n)
        b = min(n, a + rng.randint(1, max(1, n // rng.choice((4, 20, 200)))))
        kind = rng.randrange(11)
        if kind == 0:
            text = text[:a] + text[b:]  # cut
        elif kind == 1:
            text = text[:b] + text[a:b] + text[b:]  # doubled
        elif kind == 2:
            c = rng.randrange(n)
            piece, rest = text[a:b], text[:a] + text[b:]
            text = rest[:c] + piece + rest[c:]  # moved
        elif kind == 3:
            text = text.replace("\n", rng.choice(("", " ", "\t")), rng.randint(1, 1000))  # lines joined
        elif kind == 4:
            text = text[:a] + "".join(rng.choice(INSERTS) for _ in range(rng.randint(1, 8))) + text[a:]
        elif kind == 5:
            text = text[:a] + text[a:b].translate(FULL_WIDTH) + text[b:]
        elif kind == 6:
            text = text[: rng.randrange(n)]  # truncated
        elif kind == 7:
            text = text[:a] + "".join(chr(rng.randrange(0x20)) for _ in range(rng.randint(1, 5))) + text[a:]
        elif kind == 8:
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        elif kind == 9:
            text = text[:a] + text[a:b].replace(" ", "").replace("\t", "") + text[b:]  # cells glued
        else:
            text = text[:a] + str(rng.randrange(10 ** rng.randint(1, 12))) + text[b:]  # a number for a span
    return text


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        n = len(out)
        if n < 2:
            break
        a = rng.randrange(n)
        kind = rng.randrange(4)
        if kind == 0:
            for i in range(a, min(n, a + rng.randint(1, 64))):
                out[i] = rng.randrange(256)
        elif kind == 1:
            del out[a : a + rng.randint(1, 4096)]
        elif kind == 2:
            out[a:a] = out[rng.randrange(n) :][: rng.randint(1, 4096)]
        else:
            del out[rng.randrange(n) :]
    return bytes(out)


def originals(folder: Path) -> list[Path]:
    """Generated reports of both formats (and the 2008 table generation) in every file type and layout."""
    files = []
    editions = (("template-2021", 2022, None), ("template-2021", 2023, None), ("old-table", 2017, "2015"),
                ("old-table", 2013, "2008"))
    for i, (fmt, year, edition) in enumerate(editions):
        report = generate_report(4000 + i, fmt, "青禾市东湖区人民政府", year, old_edition=edition)
        for file_type, layout in combinations_for(report):
            if (file_type, layout) in FLAT_COMBINATIONS and report.flat is None:
                continue
            files.append(write_report(report, folder, file_type, layout, stem=f"{i}-{fmt}-{file_type}-{layout}"))
    return files


def run_one(args: tuple[int, str, str]) -> tuple[str, str] | None:
    """Mutate one original by the seed, load, parse and chunk it; a crash or a slow file is returned."""
    seed, original, workdir = args
    rng = random.Random(seed)
    source = Path(original)
    target = Path(workdir) / f"m{seed}{source.suffix}"
    if source.suffix in (".docx", ".pdf"):
        target.write_bytes(mutate_bytes(source.read_bytes(), rng))
    else:
        raw = source.read_bytes()
        try:
            raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "gb18030"
        text = mutate_text(raw.decode(encoding), rng)
        target.write_bytes(text.encode(rng.choice((encoding, "utf-8", "utf-16", "gb18030")), errors="replace"))
    started = time.perf_counter()
    try:
        doc = load_document(target)
        report = parse_report(doc, f"fuzz{seed}")
        report_passages(report)
    except LoadError:
        pass
    except Exception:  # noqa: BLE001 — what the test is for
        return f"{source.name} seed {seed}", traceback.format_exc(limit=6)
    finally:
        target.unlink(missing_ok=True)
    elapsed = time.perf_counter() - started
    if elapsed > SLOW_SECONDS:
        return f"{source.name} seed {seed}", f"slow: {elapsed:.1f} s"
    return None


def test_mutated_reports_never_crash_the_pipeline(tmp_path):
    files = originals(tmp_path)
    text_files = [f for f in files if f.suffix not in (".docx", ".pdf")]
    binary_files = [f for f in files if f.suffix in (".docx", ".pdf")]
    rng = random.Random(2026)
    jobs = []
    with tempfile.TemporaryDirectory() as work:
        for seed in range(FUZZ_N):
            pool = binary_files if rng.random() < BINARY_SHARE else text_files
            jobs.append((seed, str(rng.choice(pool)), work))
        started = time.perf_counter()
        with ProcessPoolExecutor(max_workers=2) as executor:
            problems = [p for p in executor.map(run_one, jobs, chunksize=50) if p]
        elapsed = time.perf_counter() - started
    print(f"fuzz: {len(jobs)} mutants of {len(files)} originals in {elapsed:.0f} s, {len(problems)} problems")
    assert not problems, "\n\n".join(f"{name}:\n{trace}" for name, trace in problems[:5])

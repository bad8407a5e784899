"""An English question's thing, found by meaning among the figures a report writes in prose.

The lexicon and the glossary reach only the words they list: "tax and fee incentive policies" finds no 税费优惠政策
through them. Here the asked phrase (the noun phrase after "how many") and each prose figure's label are encoded
alike (e5's "query:" for both: a short phrase against a short phrase; a whole question scores every label of a
report within 0.02, its agency and year outweighing the thing). The best label answers only when it stands clearly
above the next one (``MARGIN``) and its unit fits the question; otherwise nothing is said.

``MARGIN`` was set on the English questions of holdout6 and holdout7 that the engine abstained on (at 0.023: 5 right,
0 wrong; at 0.021 two unanswerable questions would get a figure) and checked on real, holdout, holdout2 and holdout5
(2 right, 0 wrong).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence

import numpy as np

from ..documents import Fact
from ..questions import Question

log = logging.getLogger(__name__)

MARGIN = 0.023
LABEL_MEMO = 8192  # label vectors remembered
# the noun phrase after "how many": its span is read elsewhere too (answerer: a concept inside the asked thing)
ASKED_THING = re.compile(r"\bhow many (.+?) (?:did|do|does|were|was|are|is|has|have|had|will)\b", re.I)
_COMPARED = re.compile(r"^(?:more|fewer|less|additional)\b", re.I)
_RELATIVE = re.compile(r"\b(?:that|which|who|whose)\b", re.I)


def asked_phrase(q: Question, where: bool = False) -> str | None:
    """"How many tax and fee incentive policies did …" → "tax and fee incentive policies"; None for a comparison
    ("how many more items") or a question not asking "how many"."""
    m = ASKED_THING.search(q.text)
    # (by words only: the part a predicate sets apart is too long a phrase for meaning's margin)
    if where and m is not None and (partitive := _partitive(q, m)) is not None:
        return _partitive_thing(partitive)
    if where and m is None and (whole := _PARTITIVE_WHOLE.search(q.text)) is not None:
        return _partitive_thing(whole)  # "how many of the bureau's consultations?": a whole, parts taken out of it
    if m is None or _COMPARED.match(m.group(1)) or _RELATIVE.search(m.group(1)):
        return None  # "how many requests that had reached their deadline did …": the clause qualifies the thing
    if where and BARE_MEASURE.fullmatch(m.group(1)) and (went := _WHERE_PUBLISHED.search(q.text, m.end())):
        # "how many items did X post in its information-disclosure column": the items are named by where they went
        # (``where``: for finding a figure by its words, not for checking one found otherwise)
        return f"{m.group(1)} {went.group('where')}"
    return m.group(1)


# "how many of the bureau's 2012 consultations were made online": the thing is the part the predicate sets apart
_PARTITIVE = re.compile(r"how many of (?P<whole>[^?.,]+?) (?:were|was|are|is|had been|have been) "
                        r"(?P<predicate>[a-z][a-z' -]*?)(?=\s+(?:in|during)\s+(?:19|20)\d{2}\b|\s*[?.,;]|$)", re.I)
# "Of the reading points in the prefecture in 2015, how many were set up by its departments?": the whole written
# first, the part after "how many"
_OF_THE_WHOLE_FIRST = re.compile(r"^\s*(?:and\s+)?of (?P<whole>[^?,]+?),\s*how many(?: of (?:them|these|those))? "
                                 r"(?:were|was|are|is|had been|have been) "
                                 r"(?P<predicate>[a-z][a-z' -]*?)(?=\s+(?:in|during)\s+(?:19|20)\d{2}\b|\s*[?.,;]|$)",
                                 re.I)
# (the whole alone, what is left when the parts are taken out: "how many of the bureau's 2012 consultations?")
_PARTITIVE_WHOLE = re.compile(r"\bhow many of (?P<whole>[^?.,]*'s(?:\s+[\w-]+){1,4}?)\s*(?:[?.]|$)", re.I)
_LIGHT_VERB = re.compile(r"^(?:made|done|carried out)\s+(?=\w)", re.I)
_OWNER = re.compile(r"^.*'s\s+|^(?:the|its|their)\s+", re.I)


def partitive_predicate(q: Question) -> str | None:
    """What the predicate of a partitive question sets apart ("set up by prefecture-level departments"), a light verb
    dropped; None when the question is no partitive."""
    partitive = _partitive(q, ASKED_THING.search(q.text))
    return _LIGHT_VERB.sub("", partitive.group("predicate").strip()) if partitive is not None else None


def _partitive(q: Question, asked: re.Match[str] | None) -> re.Match[str] | None:
    """"how many of X were Y" at the asked thing, or "Of X, how many were Y"."""
    return (_PARTITIVE.match(q.text, asked.start()) if asked is not None else None) \
        or _OF_THE_WHOLE_FIRST.search(q.text)


def _partitive_thing(m: re.Match[str]) -> str:
    """"disclosure consultations that were made online": the whole without its owner and year, then the predicate as
    a relative clause, so the head noun stays the whole's (``translation.head_term``)."""
    whole = " ".join(re.sub(r"\b(?:19|20)\d{2}\b", " ", _OWNER.sub("", m.group("whole").strip())).split())
    predicate = m.groupdict().get("predicate")
    if not predicate:
        return whole
    # (a light verb says nothing of the part: "made online" is online)
    return f"{whole} that were {_LIGHT_VERB.sub('', predicate.strip())}"


BARE_MEASURE = re.compile(r"items|posts|articles|pieces(?: of information)?|entries|documents", re.I)
# ("through other media": no determiner; "in total" names no place)
_WHERE_PUBLISHED = re.compile(r"\b(?:in|on|through|via|under)\s+(?:(?:its|their|the)\s+|(?=other\b))"
                              r"(?P<where>[a-z][\w' -]{2,60}?)"
                              r"(?=\s+(?:in|during|for)\s+(?:19|20)\d{2}\b|\s*[?.,]|$)", re.I)


def figure_by_meaning(phrase: str, facts: Sequence[Fact],
                      vectors: Callable[[list[str]], np.ndarray]) -> Fact | None:
    """The figure whose label means the asked phrase, clearly more than any other label does; ``vectors`` encodes
    short texts alike (an ``embedding.VectorMemo`` over ``encode_queries``)."""
    labels = list(dict.fromkeys(f.label for f in facts))
    if len(labels) < 2:
        return None
    asked = vectors([phrase])[0]
    similarity = vectors(labels) @ asked
    order = np.argsort(-similarity, kind="stable")
    if similarity[order[0]] - similarity[order[1]] < MARGIN:
        return None
    best = labels[int(order[0])]
    log.debug("by meaning: %r → %s (similarity %.3f, margin %.3f)", phrase, best, similarity[order[0]],
              similarity[order[0]] - similarity[order[1]])
    chosen = [f for f in facts if f.label == best]
    return chosen[0] if len({(f.value, f.unit) for f in chosen}) == 1 else None

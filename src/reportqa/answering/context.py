"""What a handler is given: the question, its scope, the passages retrieved for it, and the fact finder."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import overload

from ..documents import Answer, Hit
from ..questions import Question
from ..scope import Scope
from .finder import FactFinder


class Retrieval(Sequence[Hit]):
    """A question's passages, searched for when a step first reads them: an answer resting on the facts of many
    reports (a ranking of 2,500 agencies, a year's figure in every report) never needs them, and at 10,000 reports
    the search is most of its time."""

    def __init__(self, search: Callable[[], list[Hit]]) -> None:
        self._search: Callable[[], list[Hit]] | None = search
        self._hits: list[Hit] = []

    @property
    def hits(self) -> list[Hit]:
        if self._search is not None:
            self._hits, self._search = self._search(), None
        return self._hits

    @property
    def searched(self) -> bool:
        return self._search is None

    @overload
    def __getitem__(self, i: int) -> Hit: ...
    @overload
    def __getitem__(self, i: slice) -> list[Hit]: ...
    def __getitem__(self, i: int | slice) -> Hit | list[Hit]:
        return self.hits[i]

    def __len__(self) -> int:
        return len(self.hits)


@dataclass
class Ask:
    q: Question
    scope: Scope
    topic: str  # the question without the agency and year that already scope it
    passages: Sequence[Hit] = field(default_factory=list)


Handler = Callable[[FactFinder, Ask], "Answer | None"]

"""What a handler is given: the question, its scope, the passages retrieved for it, and the fact finder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..documents import Answer, Hit
from ..questions import Question
from ..scope import Scope
from .finder import FactFinder


@dataclass
class Ask:
    q: Question
    scope: Scope
    topic: str  # the question without the agency and year that already scope it
    passages: list[Hit] = field(default_factory=list)


Handler = Callable[[FactFinder, Ask], "Answer | None"]

"""Answering: a question and the indexed facts and passages → an ``Answer`` with its sources.

``answerer`` runs the chain of steps; ``finder`` and ``facts`` find the figures a question names; one module per
intent (``lookup``, ``sum``, ``difference``, ``share``, ``trend``, ``ranking``, ``listing``) builds that kind of answer;
``items`` and ``extractive`` read figures the lexicon does not know; ``prose`` quotes passages or abstains.
"""

from ..questions import Intent
from .answerer import Answerer
from .prose import PROSE_MIN_SCORE

__all__ = ["PROSE_MIN_SCORE", "Answerer", "Intent"]

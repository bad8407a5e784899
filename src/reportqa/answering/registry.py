"""Intent → handler: the one place that says which module answers which kind of question."""

from __future__ import annotations

from ..questions import Intent
from .context import Handler
from .difference import answer_difference
from .listing import answer_list
from .lookup import answer_lookup
from .ranking import answer_ranking
from .share import answer_share
from .sum import answer_sum
from .trend import answer_trend

HANDLERS: dict[Intent, Handler] = {
    Intent.LOOKUP: answer_lookup,
    Intent.SUM: answer_sum,
    Intent.DIFFERENCE: answer_difference,
    Intent.SHARE: answer_share,
    Intent.TREND: answer_trend,
    Intent.RANKING: answer_ranking,
    Intent.LIST: answer_list,
}

"""Amounts in a committing sentence that are still no pledge: salaries, prices, costs, needs
and exports in their own clause; hopes and appeals; a conversion of the amount before."""
from __future__ import annotations

from spacy.tokens import Span

from .. import extensions as ext
from ..lexicon import load_json
from ..syntax.analysis import clause_at
from .context import clause_of
from .view import doc_view

_DATA = load_json("pledges.json")
_NOT_PLEDGE = frozenset(_DATA["not_pledge"])
_NOT_PLEDGE_HEADS = tuple(_DATA["not_pledge_heads"])
_HOPING = frozenset(_DATA["hoping_verbs"])


def no_pledge(money: Span) -> bool:
    return _spoken_of_otherwise(money) or _hoped_for(money) or _conversion(money)


def _spoken_of_otherwise(money: Span) -> bool:
    """A salary, price, revenue, cost or need in the amount's own clause."""
    clause = clause_of(money[0])
    view = doc_view(money.doc)
    sent = view.sent(money.start)
    return any(
        (view.texts[i] in _NOT_PLEDGE or view.texts[i][:1].isupper() and view.lowers[i].endswith(_NOT_PLEDGE_HEADS))
        and clause_of(money.doc[i]) == clause for i in range(sent.start, sent.end)
    )


def _conversion(money: Span) -> bool:
    """"1,5 Milliarden Dollar, umgerechnet 1,3 Milliarden Euro": the amount converts one told
    just before it; a lone "umgerechnet rund 400 Millionen Euro" is the pledge itself."""
    view = doc_view(money.doc)
    if "umgerechnet" not in view.lowers[max(view.sent_start(money.start), money.start - 3) : money.start]:
        return False
    return any(o.end <= money.start and view.sent_of[o.start] == view.sent_of[money.start] for o in money.doc.spans[ext.MONEY])


def _hoped_for(money: Span) -> bool:
    """Hopes, expectations, appeals and needs are no pledges: "hatte auf Zusagen über acht
    Milliarden gehofft", "rechnet mit Zusagen über fünf Milliarden"."""
    return clause_at(money.doc, money.start).verb in _HOPING

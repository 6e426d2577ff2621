"""Pledges that must not be added to the others: collective donors and totals.

"Die internationale Gemeinschaft sagte 3,8 Milliarden zu" comes from a group, and
"Insgesamt hat London damit 169 Millionen Pfund bereitgestellt" sums pledges the article
also lists; summed with them, both would count money twice. This component marks such
pledges (``collective``, ``total_of_others``) after ``coalition_money``; corpus sums and
plots leave them out by default.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..lexicon import load_json
from ..names import fold
from .context import clause_of
from .view import doc_view

_DATA = load_json("pledge_totals.json")
_TOTAL_WORDS = frozenset(w.lower() for w in _DATA["total_words"])
_GATHERINGS = tuple(_DATA["gathering_endings"])
_COLLECTIVE = frozenset(fold(d) for d in load_json("pledges.json")["collective_donors"])


def _clause_lowers(span: Span) -> list[str]:
    view = doc_view(span.doc)
    sent = view.sent(span.start)
    clause = clause_of(span[0])
    return [view.lowers[i] for i in range(sent.start, sent.end) if clause_of(span.doc[i]) == clause]


def _is_collective(event: dict, words: list[str]) -> bool:
    donor = event["donor"]
    if donor is None:
        return any(w.endswith(_GATHERINGS) for w in words)
    return event["donor_actor"] is None and (fold(donor) in _COLLECTIVE or fold(donor).endswith(_GATHERINGS))


def _sums_others(span: Span, pledges: list[Span], words: list[str]) -> bool:
    """A total word in its clause, and a smaller pledge it may include: same currency, and
    the same donor unless the total has no single one."""
    if not _TOTAL_WORDS.intersection(words):
        return False
    event = span._.event
    single = event["donor"] is not None and not event["collective"]
    return any(
        other is not span
        and other._.event["currency"] == event["currency"]
        and other._.event["amount"] < event["amount"]
        and (not single or other._.event["donor"] == event["donor"])
        for other in pledges
    )


class PledgeKinds:
    def __call__(self, doc: Doc) -> Doc:
        pledges = list(doc.spans.get(ext.PLEDGES, []))
        clauses = [_clause_lowers(span) for span in pledges]
        for span, words in zip(pledges, clauses):
            span._.event["collective"] = _is_collective(span._.event, words)
        for span, words in zip(pledges, clauses):
            span._.event["total_of_others"] = _sums_others(span, pledges, words)
        return doc


@Language.factory("coalition_pledge_kinds")
def make_pledge_kinds(nlp: Language, name: str) -> PledgeKinds:
    return PledgeKinds()

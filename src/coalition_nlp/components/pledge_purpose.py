"""What money is for: the phrase after "für" up to the verb ("für den Wiederaufbau von
Mossul"), else a purpose noun in the sentence ("humanitäre Hilfe")."""
from __future__ import annotations

from spacy.tokens import Span

from ..lexicon import load_json
from ..syntax.words import PREPOSITIONS
from .context import mention_at

_DATA = load_json("pledges.json")
_TRIGGERS = frozenset(_DATA["triggers"])
_PURPOSE_HEADS = frozenset(_DATA["purpose_heads"])
_PURPOSE_STOP = frozenset(_DATA["purpose_stop"])
_PURPOSE_SKIP = frozenset(_DATA["purpose_skip"])
_MAX_PURPOSE = 6
_TIMES = frozenset(_DATA["purpose_times"])


def purpose_of(sent: Span, money: Span) -> str | None:
    doc = sent.doc
    if money.end < sent.end and doc[money.end].lower_ == "für":
        words = []
        for tok in doc[money.end + 1 : min(sent.end, money.end + 1 + _MAX_PURPOSE)]:
            if tok.is_punct or tok.lower_ in _PURPOSE_STOP or tok.text in _TRIGGERS:
                break  # "für den Wiederaufbau von Mossul bereitstellen": the verb ends it
            if not words and tok.lower_ in _PURPOSE_SKIP:
                continue
            words.append(tok.text)
        if words and words[0] not in _TIMES:  # "für die Jahre 2018 bis 2020" is a time
            return " ".join(words)
    for tok in sent:
        if tok.text in _PURPOSE_HEADS or (tok.text.endswith("hilfe") and tok.text[:1].isupper()):
            prev = doc[tok.i - 1] if tok.i > sent.start else None
            if prev is not None and _is_qualifier(prev):
                return f"{prev.text} {tok.text}"  # "humanitäre Hilfe"
            return tok.text
    return None


def _is_qualifier(tok) -> bool:
    """A plain adjective before a purpose noun, not an article, a particle, a preposition or a state."""
    word = tok.lower_
    return (
        tok.is_alpha and tok.text[:1].islower() and word not in _PURPOSE_SKIP and word not in PREPOSITIONS
        and word not in _PURPOSE_STOP and mention_at(tok) is None
    )

"""What the event components ask about a sentence: which actors it names, its tense.

Shared so that troops, money and meetings read sentences the same way.
"""
from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..lexicon import get_lexicon, load_json

_TENSE = load_json("tense.json")
_FUTURE = frozenset(_TENSE["future"])
_PAST = frozenset(_TENSE["past"])
_ANNOUNCE = frozenset(_TENSE["future_over_past"])


def actors_in(span: Span, *labels: str) -> list[Span]:
    """Actor mentions inside ``span`` (a sentence, usually), in text order."""
    doc = span.doc
    found = [
        a for a in doc.spans.get(ext.ACTORS, [])
        if a.start >= span.start and a.end <= span.end and (not labels or a.label_ in labels)
    ]
    return sorted(found, key=lambda a: (a.start, -a.end))


def state_of(mention: Span) -> str | None:
    """The state a mention stands for: a country, a person's state, a state body's state."""
    return mention._.iso


def previous_sentences(sent: Span, limit: int = 3) -> list[Span]:
    """Up to ``limit`` sentences before ``sent``, nearest first."""
    out: list[Span] = []
    doc: Doc = sent.doc
    i = sent.start - 1
    while i >= 0 and len(out) < limit:
        prev = doc[i].sent
        out.append(prev)
        i = prev.start - 1
    return out


def tense(sent: Span) -> str:
    """"future", "past" or "present", from modal and auxiliary words; an announcement
    ("kündigte ... an") speaks of the future even in the past tense."""
    words = {t.lower_ for t in sent}
    if words & _ANNOUNCE or words & _FUTURE:
        return "future"
    if words & _PAST:
        return "past"
    return "present"


_CONTEXT = load_json("context.json")
_CLAUSE_BREAKS = frozenset(_CONTEXT["clause_breaks"])
_PLACE_PREPOSITIONS = frozenset(_CONTEXT["place_prepositions"])
_SOURCE_NOUNS = frozenset(_CONTEXT["source_nouns"])
_GOVERNMENT_NOUNS = frozenset(_CONTEXT["government_nouns"])


def _clause_ids(doc: Doc) -> list[int]:
    """Clause number per token, counted once per doc (commas, semicolons, dashes, quotes)."""
    ids = doc.user_data.get("coalition_clause_ids")
    if ids is None or len(ids) != len(doc):
        ids, current = [], 0
        for tok in doc:
            if tok.is_sent_start:
                current += 1
            ids.append(current)
            if tok.text in _CLAUSE_BREAKS:
                current += 1
        doc.user_data["coalition_clause_ids"] = ids
    return ids


def clause_of(token) -> int:
    return _clause_ids(token.doc)[token.i]


def _mention_index(doc: Doc) -> dict[int, Span]:
    """Token index -> the longest actor mention covering it."""
    index = doc.user_data.get("coalition_mentions")
    if index is None:
        index = {}
        for span in sorted(doc.spans.get(ext.ACTORS, []), key=len):
            for i in range(span.start, span.end):
                index[i] = span
        doc.user_data["coalition_mentions"] = index
    return index


def mention_at(token) -> Span | None:
    return _mention_index(token.doc).get(token.i)


def token_state(token) -> str | None:
    """The state a single token names (a country mention, "kanadische", "US-Soldaten")."""
    mention = mention_at(token)
    if mention is not None and mention.label_ == ext.COUNTRY:
        return mention._.iso
    if "-" in token.text:
        return prefix_state(token.text.split("-", 1)[0])
    return None


def prefix_state(prefix: str) -> str | None:
    """The state a compound's first part names: a country ("US") or a state body ("Bundeswehr")."""
    lexicon = get_lexicon()
    org = lexicon.org(prefix)
    return lexicon.country_by_prefix(prefix) or (org.country if org else None)


def in_place_phrase(mention: Span) -> bool:
    """True for "in den Irak", "im nordirakischen Erbil", "nach Syrien", "nördlich von Bagdad";
    false for a government named by its seat ("die Regierung in Ottawa")."""
    doc, first = mention.doc, mention.sent.start
    i = mention.start - 1
    if i >= first and doc[i].lower_ not in _PLACE_PREPOSITIONS and doc[i].text[:1].islower():
        i -= 1  # one article or adjective in between
    if not (i >= first and doc[i].lower_ in _PLACE_PREPOSITIONS):
        return False
    return not (i - 1 >= first and doc[i - 1].text in _GOVERNMENT_NOUNS)


def in_source_phrase(mention: Span) -> bool:
    """True for the source of a report: "nach Angaben der Kommission", "laut Pentagon"."""
    doc = mention.doc
    before = [t.lower_ for t in doc[max(mention.start - 3, mention.sent.start) : mention.start]]
    return any(w in _SOURCE_NOUNS for w in before)


def destinations(sent: Span) -> list[str]:
    """States a sentence names as places things go to or happen in."""
    out: list[str] = []
    for mention in actors_in(sent, ext.COUNTRY):
        if mention._.iso and in_place_phrase(mention) and mention._.iso not in out:
            out.append(mention._.iso)
    return out


def sender_state(sent: Span, noun=None, numbers: list[Span] = ()) -> tuple[str | None, Span | None]:
    """The state behind a noun phrase (its own adjective or prefix first: "830 kanadische
    Soldaten"), else the sentence's first state that is neither a place nor a source;
    with the person of that state the sentence names, if any."""
    doc = sent.doc
    iso = None
    if noun is not None:
        before = [n.start for n in numbers if n.start < noun.i]
        start = min(before) if before else max(sent.start, noun.i - 3)  # "der kanadischen Ausbilder"
        for tok in reversed(doc[start : noun.i + 1]):
            iso = token_state(tok)
            if iso:
                break
    if iso is None:
        for mention in actors_in(sent):
            if mention._.iso and not in_place_phrase(mention) and not in_source_phrase(mention):
                iso = mention._.iso
                break
    persons = [m for m in actors_in(sent, ext.PERSON) if iso and m._.iso == iso]
    return iso, (persons[0] if persons else None)


class WordSet:
    """Words and multi-word phrases ("im Einsatz") found as whole words in a text, any case."""

    def __init__(self, words: Iterable[str]):
        alternatives = sorted({w.lower() for w in words}, key=len, reverse=True)
        self._pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)", re.IGNORECASE
        ) if alternatives else None

    def find(self, text: str) -> str | None:
        """The first word of the set in ``text``, lower-cased, or None."""
        match = self._pattern.search(text) if self._pattern else None
        return match.group(0).lower() if match else None

    def __contains__(self, text: str) -> bool:
        return self.find(text) is not None


def clause_text(tokens: Iterable) -> str:
    """The text of the clauses the given tokens stand in."""
    tokens = list(tokens)
    if not tokens:
        return ""
    doc = tokens[0].doc
    ids = _clause_ids(doc)
    wanted = {ids[t.i] for t in tokens}
    return " ".join(t.text for t in tokens[0].sent if ids[t.i] in wanted)

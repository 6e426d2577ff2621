"""Who met and how many: the persons a sentence names ("Er" for the one before, "der
US-Außenminister" for the last of that office), states named as taking part, "der beiden",
those quoted right after a meeting, and a headcount ("rund 40 Ministern")."""
from __future__ import annotations

from spacy.tokens import Span

from .. import extensions as ext
from ..lexicon import get_lexicon, load_json, load_list
from ..syntax.models import Clause
from .context import actor_mentions, actors_in, group_in, previous_sentences
from .meeting_places import GENITIVE_ARTICLES
from .meeting_time import BEFORE_PREPS
from .meeting_triggers import DEFINITE, PARTICIPATION, PARTICIPATION_SEPARABLE, Trigger
from .view import doc_view

_M = load_json("meetings.json")

_BOTH = frozenset(_M["both"])
_SIZE_HEADS = tuple(_M["size_heads"])
_DATIVE_ENDINGS = tuple(_M["size_dative_endings"])
_COORDINATION = frozenset(_M["coordination"])
_STATE_LIST_PREPS = frozenset(_M["state_list_prepositions"])
_STATE_FOR_PREPS = frozenset(_M["state_for_prepositions"])
_LIST_SEPARATORS = frozenset(_M["list_separators"])
_PRONOUNS = frozenset(_M["pronouns"])
_REPORTING = frozenset(load_list("reporting_verbs.txt"))
_QUOTES = frozenset('"„“”«»')
_BODY_KINDS = frozenset(_M["meeting_bodies"])


def persons_in(sent: Span, trigger: Trigger) -> list:
    """People named in the sentence, "Er" for the person before, "der US-Außenminister" for the last such."""
    if trigger.preposition in BEFORE_PREPS:
        return []
    people: list = list(actors_in(sent, ext.PERSON))
    texts = doc_view(sent.doc).texts
    first = next((i for i in range(sent.start, sent.end) if not texts[i].isspace() and texts[i] not in _QUOTES), None)
    if first is not None and doc_view(sent.doc).lowers[first] in _PRONOUNS and texts[first][:1].isupper():
        for prev in previous_sentences(sent, 1):
            named = actors_in(prev, ext.PERSON)
            if named:
                people.insert(0, named[0])
    people.extend(_office_references(sent))
    return people


def _office_references(sent: Span) -> list[Span]:
    """"der US-Außenminister" without a name: the last person of that office named before."""
    doc = sent.doc
    lexicon = get_lexicon()
    lowers = doc_view(doc).lowers
    persons = actor_mentions(doc, ext.PERSON)
    here = actors_in(sent, ext.PERSON)
    named = {k for p in here for k in range(p.start, p.end)} | {p.start - 1 for p in here}
    out = []
    for i in range(sent.start + 1, sent.end):
        if lowers[i - 1] not in DEFINITE or i in named:
            continue
        tok = doc[i]
        office = lexicon.office(tok.text)
        if office is None:
            continue
        role = office.role.lower()
        earlier = [
            p for p in persons
            if p.end <= sent.start and (p._.role or "").lower().endswith(role)
            and (office.country is None or p._.iso == office.country)
        ]
        if earlier:
            out.append(max(earlier, key=lambda p: p.start))
    return out


def reporters(sent: Span) -> list[Span]:
    """People quoted with a reporting verb next to their name ("Steinmeier sagte: ...")."""
    doc = sent.doc
    return [
        p for p in actors_in(sent, ext.PERSON)
        if (p.start > sent.start and doc[p.start - 1].lower_ in _REPORTING)
        or (p.end < sent.end and doc[p.end].lower_ in _REPORTING)
    ]


def states_in(sent: Span) -> list[str]:
    """States named as taking part: "aus A, B und C", "(Deutschland)" after a name, "Für Deutschland nahm ... teil"."""
    doc = sent.doc
    countries = actors_in(sent, ext.COUNTRY)
    persons = actors_in(sent, ext.PERSON)
    by_start = {c.start: c for c in countries}
    out: list[str] = []
    for c in countries:
        before = doc[c.start - 1] if c.start > sent.start else None
        if before is None or not c._.iso:
            continue
        if before.lower_ in _STATE_LIST_PREPS:
            j = c.start
            while j in by_start:
                out.append(by_start[j]._.iso)
                j = by_start[j].end
                while j < sent.end and doc[j].lower_ in _LIST_SEPARATORS:
                    j += 1
        elif before.text == "(" and c.end < sent.end and doc[c.end].text == ")" and any(
            p.end == before.i for p in persons
        ):
            out.append(c._.iso)
        elif before.lower_ in _STATE_FOR_PREPS and any(
            w in PARTICIPATION or w in PARTICIPATION_SEPARABLE for w in doc_view(doc).lowers[sent.start : sent.end]
        ):
            out.append(c._.iso)
    return out


def bodies_of(trigger: Trigger) -> list[Span]:
    """"Nato-Gipfel", "Tagung der Anti-IS-Koalition", "Treffen der Nato-Außenminister": the
    alliance or international body whose meeting the noun names takes part."""
    if trigger.kind != "noun":
        return []
    tok = trigger.token
    doc, lexicon = tok.doc, get_lexicon()
    texts, j = doc_view(doc).texts, tok.i + 1
    if j < len(doc) and doc[j].lower_ in GENITIVE_ARTICLES:
        j += 1
        while j < len(doc) and texts[j][:1].islower() and texts[j].isalpha():
            j += 1  # "der internationalen Anti-IS-Koalition"
    return [
        m for m in actors_in(doc[tok.i : min(j + 1, len(doc))], ext.ORG)
        if m.start in (tok.i, j) and (info := lexicon.org(m._.canonical or m.text)) is not None
        and info.kind in _BODY_KINDS
    ]


def both(sent: Span, clause: Clause) -> list:
    """"Ein persönliches Treffen der beiden": the persons of the sentence before."""
    if _BOTH.isdisjoint(doc_view(sent.doc).lowers[clause.start : clause.end]):
        return []
    return [p for prev in previous_sentences(sent, 1) for p in actors_in(prev, ext.PERSON)]


def size_in(sent: Span, prefer: Clause) -> dict | None:
    """The headcount: a number before a counted noun ("rund 40 Außen- und Verteidigungsministern")."""
    doc = sent.doc
    found = []
    for span in group_in(sent, ext.NUMBERS):
        number = span._.number
        if span.end >= sent.end or number.is_year or number.vague:
            continue
        nxt = doc[span.end]
        unit = _unit(nxt.text)
        if unit is None and nxt.text.endswith("-") and span.end + 2 < sent.end and doc[span.end + 1].lower_ in _COORDINATION:
            head = next((h for h in _SIZE_HEADS if doc[span.end + 2].lower_.endswith(h)), None)
            unit = _unit(head.capitalize()) if head else None
        if unit:
            size = {"value": int(number.value), "approx": bool(number.approx), "unit": unit}
            found.append((span.start, size))
    if not found:
        return None
    inside = [f for f in found if prefer.start <= f[0] < prefer.end]
    return (inside or found)[0][1]


def _unit(word: str) -> str | None:
    low = word.lower()
    if not low.endswith(_SIZE_HEADS):
        return None
    for ending in _DATIVE_ENDINGS:
        if low.endswith(ending):
            return word[:-1]
    return word

"""The words that tell of a meeting in a sentence: a meeting noun with what its noun
phrase says (definite, "weiteres", "am Rande des ...", a city adjective), a verb of meeting
where its clause bears it out ("traf" with someone met, "beraten" with a place), a verb
that refers back ("sagte ... bei dem Treffen") or one of taking part."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import extensions as ext
from ..lexicon import load_json
from ..syntax.analysis import clause_at
from ..syntax.models import Clause
from ..syntax.words import NEGATIONS
from .context import actor_mentions, actors_in
from .meeting_nouns import meeting_noun_at
from .meeting_places import GENITIVE_ARTICLES, SIDELINES, city_in, city_of_adjective
from .view import OPEN_QUOTES, TOGGLE_QUOTES, doc_view

_M = load_json("meetings.json")

_VERBS = frozenset(_M["verbs"])
_SEPARABLE = {stem: particle for particle, stems in _M["separable"].items() for stem in stems}
_REFLEXIVE = frozenset(_M["reflexive"])
_DELIBERATE = frozenset(_M["deliberate"])
_DELIBERATE_CUES = frozenset(_M["deliberate_cues"])
_ADVISING = frozenset(_M["advising_cues"])
_PERSON_OBJECT = frozenset(_M["person_object"])
_TRAVEL = frozenset(_M["travel_verbs"])
_OFFICIAL_GROUPS = frozenset(_M["official_groups"])
_JOURNEY = frozenset(load_json("prepositions.json")["journeys"])
_ACCUSATIVE = frozenset(_M["accusative_determiners"])
_TALK_WITH = frozenset(_M["talk_with"])
_WITH = _M["talk_with_preposition"]
_REFERENCE_VERBS = frozenset(_M["reference_verbs"])
PARTICIPATION = frozenset(_M["participation"])
PARTICIPATION_SEPARABLE = {
    stem: particle for particle, stems in _M["participation_separable"].items() for stem in stems
}
_PARTICIPATION_NOUNS = frozenset(_M["participation_nouns"])
# Every word that can start a trigger other than a meeting noun: the rest of a sentence is
# passed over without looking at its clause, which keeps the component cheap.
_TRIGGER_WORDS = (
    _VERBS | set(_SEPARABLE) | _REFLEXIVE | _DELIBERATE | _PERSON_OBJECT | _TALK_WITH | _REFERENCE_VERBS | _TRAVEL
    | PARTICIPATION | set(PARTICIPATION_SEPARABLE) | _PARTICIPATION_NOUNS
)
_CONTRACTIONS: dict[str, str] = _M["contractions"]
DEFINITE = frozenset(_M["definite"]) | frozenset(_CONTRACTIONS)
_INDEFINITE = frozenset(_M["indefinite"])
_NEW_MARKERS = frozenset(_M["new_markers"])
_GENERIC_PREPS = frozenset(_M["generic_prepositions"])
_VISIT_HEADS = tuple(_M["visit_heads"])
_INTERNAL = tuple(_M["internal_bodies"])
_SESSIONS = tuple(_M["session_endings"])
_SINGLE_BODIES = frozenset(_M["single_bodies"])


@dataclass
class Trigger:
    token: Token
    kind: str  # "noun", "verb", "reference", "participation"
    definite: bool = False
    preposition: str | None = None  # the word governing the noun phrase
    quoted: bool = False
    new: bool = False  # "ein weiteres Treffen"
    bare: bool = True  # no article: "weitere Konferenzen", meetings in general unless placed, dated or peopled
    generic: bool = False  # "eine Frequenz von Treffen"
    sideline_of: bool = False  # the noun in "am Rande des Treffens"
    city: str | None = None  # "Pariser Konferenz"

    @property
    def creates(self) -> bool:
        """Whether this mention may start a meeting of its own."""
        return self.kind in ("noun", "verb") and not (self.quoted or self.generic or self.sideline_of)

    @property
    def travels(self) -> bool:
        """A verb of travel ("reist", "fliegt"): the meeting lies where the journey goes."""
        return self.kind == "verb" and self.token.lower_ in _TRAVEL

    @property
    def journey(self) -> bool:
        """A journey to the meeting: "reist nach Moskau", "reist zu einem Treffen"."""
        return self.travels or self.preposition in _JOURNEY


def _visit_at(view, sent: Span, i: int) -> bool:
    """"beim Antrittsbesuch des irakischen Ministerpräsidenten ... sagte Merkel": a visit
    where two persons meet."""
    return (
        view.texts[i][:1].isupper() and view.lowers[i].endswith(_VISIT_HEADS)
        and len({m._.canonical for m in actors_in(sent, ext.PERSON)}) >= 2
    )


def _noun_phrase(trigger: Trigger) -> None:
    """Fill determiner, governing preposition and markers from the words left of a noun."""
    tok = trigger.token
    doc = tok.doc
    start = clause_at(doc, tok.i).start  # the noun phrase stands in the noun's clause
    j = tok.i - 1
    while j >= start:
        left = doc[j]
        low = left.lower_
        if low in DEFINITE or low in _INDEFINITE:
            trigger.definite, trigger.bare = low in DEFINITE, False
            if low in _CONTRACTIONS:
                trigger.preposition = _CONTRACTIONS[low]
            elif j > start:
                trigger.preposition = doc[j - 1].lower_
            return
        if low in NEGATIONS:
            trigger.generic = True  # "kein einziger Gipfel": no meeting
            return
        if left.text in OPEN_QUOTES or left.text in TOGGLE_QUOTES:
            pass  # "die internationale „Konferenz zur ...“"
        elif low in _NEW_MARKERS:
            trigger.new = True
        elif left.text[:1].isupper() and (city := city_of_adjective(left.text, doc)):
            trigger.city = city
        elif not (left.is_lower or left.like_num or left.text.endswith("-")):
            break
        j -= 1
    if j >= start:
        trigger.preposition = doc[j].lower_
        trigger.generic = doc[j].lower_ in _GENERIC_PREPS


def _with_own_body(tok: Token) -> bool:
    """"Gespräche mit ihrem Kabinett": a meeting noun whose partner is one's own
    government or party body."""
    doc = tok.doc
    texts, lowers = doc_view(doc).texts, doc_view(doc).lowers
    k = tok.i + 1
    if k >= len(doc) or lowers[k] != _WITH:
        return False
    k += 1
    while k < len(doc) and texts[k].islower():
        k += 1  # "mit seinem", "mit dem neuen"
    while k + 1 < len(doc) and texts[k + 1][:1].isupper() and texts[k + 1].isalpha():
        k += 1  # "dem Auswärtigen Ausschuss" (a body's name): the last capitalised word is the head
    return k < len(doc) and lowers[k].endswith(_INTERNAL)


def _session_of_one_body(view, sent: Span, i: int) -> bool:
    """"In seiner letzten Sitzung sagte der Ministerrat ... zu": a session of one state's body."""
    return view.lowers[i].endswith(_SESSIONS) and not _SINGLE_BODIES.isdisjoint(view.texts[sent.start : sent.end])


def _sideline_noun(tok: Token) -> bool:
    """Whether ``tok`` is the noun in "am Rande des/der ...", skipping adjectives."""
    doc = tok.doc
    lowers, sent_start = doc_view(doc).lowers, doc_view(doc).sent_start(tok.i)
    j = tok.i - 1
    while j > sent_start and doc[j].is_lower and lowers[j] not in GENITIVE_ARTICLES:
        j -= 1
    if j - 2 < sent_start or lowers[j] not in GENITIVE_ARTICLES:
        return False
    return (lowers[j - 2], lowers[j - 1]) == SIDELINES


def triggers_in(sent: Span, quoted: set[int]) -> list[Trigger]:
    found: list[Trigger] = []
    doc = sent.doc
    view = doc_view(doc)
    lowers = view.lowers
    for i in range(sent.start, sent.end):
        low = lowers[i]
        is_noun = meeting_noun_at(view, i) or _visit_at(view, sent, i)
        if not is_noun and low not in _TRIGGER_WORDS:
            continue
        tok = doc[i]
        clause = clause_at(doc, i)
        later = set(lowers[i + 1 : clause.end])
        words = set(lowers[clause.start : clause.end])
        if is_noun:
            trigger = Trigger(tok, "noun")
            _noun_phrase(trigger)
            trigger.generic = trigger.generic or _with_own_body(tok) or _session_of_one_body(view, sent, i)
            trigger.sideline_of = _sideline_noun(tok)
        elif tok.is_lower and (
            low in _VERBS
            or _rejoined(_SEPARABLE.get(low), later, clause)
            or (low in _REFLEXIVE and "sich" in words)
            or (low in _DELIBERATE and (words & _DELIBERATE_CUES or city_in(doc, clause)) and not words & _ADVISING)
            or (low in _PERSON_OBJECT and _person_met(doc, lowers, clause))
            or (low in _TRAVEL and _visits_person(doc, lowers, clause))
            or (low in _TALK_WITH and _WITH in lowers[sent.start : sent.end] and _partner_with(doc, lowers, sent))
        ):
            trigger = Trigger(tok, "verb")
        elif tok.is_lower and low in _REFERENCE_VERBS:
            trigger = Trigger(tok, "reference")
        elif low in PARTICIPATION or PARTICIPATION_SEPARABLE.get(low) in later or (
            tok.text[:1].isupper() and low in _PARTICIPATION_NOUNS
        ):
            trigger = Trigger(tok, "participation")
        else:
            continue
        trigger.quoted = tok.i in quoted
        found.append(trigger)
    return found


def _rejoined(particle: str | None, later: set[str], clause) -> bool:
    """"kamen ... zusammen": the particle closes the clause, so the analysis rejoined it to the
    verb; "kam zusammen mit den Jets zum Einsatz" is no meeting."""
    return particle is not None and particle in later and (clause.verb or "").startswith(particle)


def _partner_with(doc: Doc, lowers: list[str], sent: Span) -> bool:
    """A person after "mit" in its clause, an apposition included ("mit dem Außenminister
    Jordaniens, Aiman al-Safadi, gesprochen"), or officials as a group ("mit Regierungsvertretern")."""
    return any(
        _person_between(doc, i + 1, clause_at(doc, i).end) or _officials_after(doc, i + 1)
        for i in range(sent.start, sent.end) if lowers[i] == _WITH
    )


def _officials_after(doc: Doc, k: int) -> bool:
    """The noun the words after "mit" lead to, past articles and adjectives, names officials."""
    texts = doc_view(doc).texts
    while k < len(texts) and texts[k][:1].islower() and texts[k].isalpha():
        k += 1
    return k < len(texts) and texts[k] in _OFFICIAL_GROUPS


def _person_met(doc: Doc, lowers: list[str], clause: Clause) -> bool:
    """Someone met, not someone who "traf" (scored, hit): two persons in the clause, or one
    as an accusative object ("den irakischen Regierungschef Haider al-Abadi")."""
    persons = [p for p in actor_mentions(doc, ext.PERSON) if clause.start <= p.start and p.end <= clause.end]
    return len(persons) >= 2 or any(
        not _ACCUSATIVE.isdisjoint(lowers[max(clause.start, p.start - 4) : p.start]) for p in persons
    )


def _visits_person(doc: Doc, lowers: list[str], clause: Clause) -> bool:
    """"reist nach Amman zum jordanischen König": a person in a phrase
    that "zu" opens, in the clause of a verb of travelling."""
    journeys = [p for p in clause.phrases if lowers[p.prep] in _JOURNEY]
    return any(
        p.prep < m.start < p.end for p in journeys for m in actor_mentions(doc, ext.PERSON)
    )


def _person_between(doc: Doc, start: int, end: int) -> bool:
    return any(start <= m.start and m.end <= end for m in actor_mentions(doc, ext.PERSON))

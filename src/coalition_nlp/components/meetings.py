"""Meetings held or planned, one span per real meeting.

Each sentence that names a meeting (a noun such as "Treffen", a verb such as "kamen ...
zusammen") becomes a candidate with its own place, venue, date, size and people. A
candidate that refers back to a meeting already told of (a definite article, the same
place, "nahm ... teil") is merged into it, because articles mention one meeting many
times; only an indefinite or "weiteres" meeting elsewhere starts a new one. Talks "am
Rande des Treffens" are a meeting of their own among the people of that sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions as ext
from ..lexicon import get_lexicon, load_json, load_list
from ..parse.dates import resolve_date
from ..syntax.analysis import clause_at
from ..syntax.models import Clause
from ..syntax.words import ANNOUNCE, TIME_WORDS
from .context import actor_mentions, actors_in, group_in, previous_sentences
from .view import doc_view, quoted_tokens

_M = load_json("meetings.json")
_TENSE = load_json("tense.json")
_DATE_WORDS = load_json("dates.json")

_NOUNS = frozenset(_M["nouns"])
_HEADS = tuple(_M["compound_heads"])
_EXCLUDED_MODIFIERS = tuple(_M["excluded_modifiers"])
_IDIOMS: dict[str, list[str]] = _M["idioms"]
_VERBS = frozenset(_M["verbs"])
_SEPARABLE = {stem: particle for particle, stems in _M["separable"].items() for stem in stems}
_REFLEXIVE = frozenset(_M["reflexive"])
_DELIBERATE = frozenset(_M["deliberate"])
_DELIBERATE_CUES = frozenset(_M["deliberate_cues"])
_PERSON_OBJECT = frozenset(_M["person_object"])
_ACCUSATIVE = frozenset(_M["accusative_determiners"])
_PREPOSITIONS = frozenset(_M["prepositions"])
_TALK_WITH = frozenset(_M["talk_with"])
_WITH = _M["talk_with_preposition"]
_DESTINATION_PREPS = frozenset(_M["destination_prepositions"])
_PLACE_LEAD_INS = frozenset(_M["place_lead_ins"])
_MAX_LEAD_IN = 3
_BOTH = frozenset(_M["both"])
_REFERENCE_VERBS = frozenset(_M["reference_verbs"])
_PARTICIPATION = frozenset(_M["participation"])
_PARTICIPATION_SEPARABLE = {
    stem: particle for particle, stems in _M["participation_separable"].items() for stem in stems
}
_PARTICIPATION_NOUNS = frozenset(_M["participation_nouns"])
# Every word that can start a trigger other than a meeting noun: the rest of a sentence is
# passed over without looking at its clause, which keeps the component cheap.
_TRIGGER_WORDS = (
    _VERBS | set(_SEPARABLE) | _REFLEXIVE | _DELIBERATE | _PERSON_OBJECT | _TALK_WITH | _REFERENCE_VERBS
    | _PARTICIPATION | set(_PARTICIPATION_SEPARABLE) | _PARTICIPATION_NOUNS
)
_CONTRACTIONS: dict[str, str] = _M["contractions"]
_DEFINITE = frozenset(_M["definite"]) | frozenset(_CONTRACTIONS)
_INDEFINITE = frozenset(_M["indefinite"])
_NEW_MARKERS = frozenset(_M["new_markers"])
_GENERIC_PREPS = frozenset(_M["generic_prepositions"])
_BEFORE_PREPS = frozenset(_M["before_prepositions"])
_BLOCKERS = frozenset(_M["blockers"])
# One search over a sentence's lower-case words joined by NUL, which no word contains.
_BLOCKER_PARTS = re.compile("|".join(map(re.escape, _M["blocker_parts"])))
_PLANNED = frozenset(_M["planned_cues"]) | frozenset(_TENSE["future"])
_HELD = frozenset(_M["held_cues"])
_ZU_INFINITIVE = re.compile(r"^(?:" + "|".join(_M["zu_infinitive_prefixes"]) + r")zu\w+en$")
_FUTURE_DATE_WORDS = frozenset(_DATE_WORDS["future_modifiers"])
_AFTER = frozenset(_M["after_prepositions"])
_CONDITIONAL = frozenset(_M["conditional"])
_PAST_WORDS = frozenset(_TENSE["past"])
_PLACE_PREPS = frozenset(_M["place_prepositions"])
_PLACE_ANAPHORS = frozenset(_M["place_anaphors"])
_NOT_PLACES = frozenset(_M["not_places"])
_NOUN_ENDINGS = tuple(_M["common_noun_endings"])
_CITY_ADJ = _M["city_adjective_ending"]
_LEAD_IN_HEADS = tuple(_M["place_lead_in_heads"])
_VISIT_HEADS = tuple(_M["visit_heads"])
_VENUE_HEADS = tuple(_M["venue_heads"])
_VENUE_PREPS = frozenset(_M["venue_prepositions"])
_SIDELINES = tuple(_M["sidelines"])
_GENITIVE_ARTICLES = frozenset(_M["genitive_articles"])
_SIZE_HEADS = tuple(_M["size_heads"])
_DATIVE_ENDINGS = tuple(_M["size_dative_endings"])
_COORDINATION = frozenset(_M["coordination"])
_STATE_LIST_PREPS = frozenset(_M["state_list_prepositions"])
_STATE_FOR_PREPS = frozenset(_M["state_for_prepositions"])
_LIST_SEPARATORS = frozenset(_M["list_separators"])
_PRONOUNS = frozenset(_M["pronouns"])
_CLAUSE_BREAKS = frozenset(_M["clause_breaks"])
_REPORTING = frozenset(load_list("reporting_verbs.txt"))
_QUOTES = frozenset('"„“”«»')
_DATE_KINDS = ("day", "weekday", "month", "relative", "deictic")
_MAX_PLACE_TOKENS = 3
_ABBREVIATION_REACH = 8  # tokens from a venue noun to "(Eucom)"


@dataclass
class Trigger:
    token: Token
    kind: str  # "noun", "verb", "reference", "participation"
    definite: bool = False
    preposition: str | None = None  # the word governing the noun phrase
    quoted: bool = False
    new: bool = False  # "ein weiteres Treffen"
    generic: bool = False  # "eine Frequenz von Treffen"
    sideline_of: bool = False  # the noun in "am Rande des Treffens"
    city: str | None = None  # "Pariser Konferenz"

    @property
    def creates(self) -> bool:
        """Whether this mention may start a meeting of its own."""
        return self.kind in ("noun", "verb") and not (self.quoted or self.generic or self.sideline_of)


@dataclass
class Meeting:
    span: Span
    status: str
    location: str | None = None
    implied: bool = False  # location taken from the dateline
    venue: str | None = None
    date: str | None = None
    date_text: str | None = None
    size: dict | None = None
    participants: list = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    parent: "Meeting | None" = None  # the meeting on whose sidelines this one took place

    def as_event(self) -> dict:
        location = self.location
        if location is None and self.parent is not None:
            location = self.parent.location
        return {
            "status": self.status,
            "location": location,
            "venue": self.venue,
            "date": self.date,
            "date_text": self.date_text,
            "participants": _unique(self.participants),
            "size": self.size,
            "evidence": self.evidence,
        }


@dataclass
class Candidate:
    """What one sentence says about a meeting."""

    trigger: Trigger
    status: str
    location: str | None
    venue: str | None
    date: str | None
    date_text: str | None
    size: dict | None
    participants: list
    there: bool = False  # "dort": at the place of the meeting told of last
    stated: bool = True  # False: "held" only because nothing in the clause says otherwise


# -- tokens and clauses -------------------------------------------------------


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _is_meeting_noun(tok: Token) -> bool:
    return _meeting_noun_at(doc_view(tok.doc), tok.i)


def _meeting_noun_at(view, i: int) -> bool:
    if not view.texts[i][:1].isupper():
        return False
    low = view.lowers[i]
    if i > 0 and view.lowers[i - 1] in _IDIOMS.get(low, ()):
        return False
    return _meeting_word(low)


@lru_cache(maxsize=65536)
def _meeting_word(low: str) -> bool:
    """A meeting noun or a compound of one ("Außenministertreffen"); asked of every word."""
    if low in _NOUNS:
        return True
    for head in _HEADS:
        if low.endswith(head) and len(low) > len(head):
            modifier = low[: -len(head)].strip("-")
            return bool(modifier) and not any(m in modifier for m in _EXCLUDED_MODIFIERS)
    return False


def _visit_at(view, sent: Span, i: int) -> bool:
    """"beim Antrittsbesuch des irakischen Ministerpräsidenten ... sagte Merkel": a visit
    where two persons meet."""
    return (
        view.texts[i][:1].isupper() and view.lowers[i].endswith(_VISIT_HEADS)
        and len({m._.canonical for m in actors_in(sent, ext.PERSON)}) >= 2
    )


def _known_place(name: str, doc: Doc) -> bool:
    return name == doc._.place or get_lexicon().is_city(name)


def _city_in(doc: Doc, clause: Clause) -> bool:
    """A known city after a place preposition: "Die Minister beraten in Wien"."""
    texts = doc_view(doc).texts
    return any(p.start == p.prep + 1 and _known_place(texts[p.start], doc) for p in clause.phrases_of("place"))


def _city_of_adjective(word: str, doc: Doc) -> str | None:
    """"Wiener", "Genfer" -> the city; "Münchner" drops the "e" of "München" too."""
    if not word.endswith(_CITY_ADJ):
        return None
    stem = word[: -len(_CITY_ADJ)]
    for city in (stem, stem[:-1] + "en" if stem.endswith("n") else None):
        if city and _known_place(city, doc):
            return city
    return None


def _named_for_city(doc: Doc, clause: Clause) -> str | None:
    """The city a meeting in the clause is named for: "am Rande der Münchner
    Sicherheitskonferenz" is in München."""
    view = doc_view(doc)
    for k in range(clause.start, clause.end - 1):
        if view.texts[k][:1].isupper() and _meeting_noun_at(view, k + 1):
            city = _city_of_adjective(view.texts[k], doc)
            if city:
                return city
    return None


def _noun_phrase(trigger: Trigger) -> None:
    """Fill determiner, governing preposition and markers from the words left of a noun."""
    tok = trigger.token
    doc = tok.doc
    sent_start = clause_at(doc, tok.i).start  # the noun phrase stands in the noun's clause
    j = tok.i - 1
    while j >= sent_start:
        left = doc[j]
        low = left.lower_
        if low in _DEFINITE or low in _INDEFINITE:
            trigger.definite = low in _DEFINITE
            if low in _CONTRACTIONS:
                trigger.preposition = _CONTRACTIONS[low]
            elif j > sent_start:
                trigger.preposition = doc[j - 1].lower_
            return
        if low in _NEW_MARKERS:
            trigger.new = True
        elif _capitalised(left) and (city := _city_of_adjective(left.text, doc)):
            trigger.city = city
        elif not (left.is_lower or left.like_num or left.text.endswith("-")):
            break
        j -= 1
    if j >= sent_start:
        trigger.preposition = doc[j].lower_
        trigger.generic = doc[j].lower_ in _GENERIC_PREPS


def _sideline_noun(tok: Token) -> bool:
    """Whether ``tok`` is the noun in "am Rande des/der ...", skipping adjectives."""
    doc = tok.doc
    lowers, sent_start = doc_view(doc).lowers, doc_view(doc).sent_start(tok.i)
    j = tok.i - 1
    while j > sent_start and doc[j].is_lower and lowers[j] not in _GENITIVE_ARTICLES:
        j -= 1
    if j - 2 < sent_start or lowers[j] not in _GENITIVE_ARTICLES:
        return False
    return (lowers[j - 2], lowers[j - 1]) == _SIDELINES


def _triggers(sent: Span, quoted: set[int]) -> list[Trigger]:
    found: list[Trigger] = []
    doc = sent.doc
    view = doc_view(doc)
    lowers = view.lowers
    for i in range(sent.start, sent.end):
        low = lowers[i]
        is_noun = _meeting_noun_at(view, i) or _visit_at(view, sent, i)
        if not is_noun and low not in _TRIGGER_WORDS:
            continue
        tok = doc[i]
        clause = clause_at(doc, i)
        later = set(lowers[i + 1 : clause.end])
        words = set(lowers[clause.start : clause.end])
        if is_noun:
            trigger = Trigger(tok, "noun")
            _noun_phrase(trigger)
            trigger.sideline_of = _sideline_noun(tok)
        elif tok.is_lower and (
            low in _VERBS
            or _SEPARABLE.get(low) in later
            or (low in _REFLEXIVE and "sich" in words)
            or (low in _DELIBERATE and (words & _DELIBERATE_CUES or _city_in(doc, clause)))
            or (low in _PERSON_OBJECT and _person_met(doc, lowers, clause))
            or (low in _TALK_WITH and _WITH in lowers[sent.start : sent.end] and _partner_with(doc, lowers, sent))
        ):
            trigger = Trigger(tok, "verb")
        elif tok.is_lower and low in _REFERENCE_VERBS:
            trigger = Trigger(tok, "reference")
        elif low in _PARTICIPATION or _PARTICIPATION_SEPARABLE.get(low) in later or (
            _capitalised(tok) and low in _PARTICIPATION_NOUNS
        ):
            trigger = Trigger(tok, "participation")
        else:
            continue
        trigger.quoted = tok.i in quoted
        found.append(trigger)
    return found


def _both(sent: Span, trigger: Trigger, clause: Clause) -> list:
    """"Ein persönliches Treffen der beiden": the persons of the sentence before."""
    if _BOTH.isdisjoint(doc_view(sent.doc).lowers[clause.start : clause.end]):
        return []
    return [p for prev in previous_sentences(sent, 1) for p in actors_in(prev, ext.PERSON)]


def _partner_with(doc: Doc, lowers: list[str], sent: Span) -> bool:
    """A person after "mit" in its clause, an apposition included ("mit dem Außenminister
    Jordaniens, Aiman al-Safadi, gesprochen")."""
    return any(
        _person_between(doc, i + 1, clause_at(doc, i).end)
        for i in range(sent.start, sent.end) if lowers[i] == _WITH
    )


def _person_met(doc: Doc, lowers: list[str], clause: Clause) -> bool:
    """Someone met, not someone who "traf" (scored, hit): two persons in the clause, or one
    as an accusative object ("den irakischen Regierungschef Haider al-Abadi")."""
    persons = [p for p in actor_mentions(doc, ext.PERSON) if clause.start <= p.start and p.end <= clause.end]
    return len(persons) >= 2 or any(
        not _ACCUSATIVE.isdisjoint(lowers[max(clause.start, p.start - 4) : p.start]) for p in persons
    )


def _person_between(doc: Doc, start: int, end: int) -> bool:
    return any(start <= m.start and m.end <= end for m in actor_mentions(doc, ext.PERSON))


# -- what a sentence says about the meeting ------------------------------------


def _status(trigger: Trigger, dates: list[Span]) -> str:
    """Planned for future or planning words in the meeting's clause, held otherwise."""
    doc = trigger.token.doc
    clause = clause_at(doc, trigger.token.i)
    clause_words = doc_view(doc).lowers[clause.start : clause.end]
    words = set(clause_words)
    if words & _HELD or trigger.preposition in _AFTER:
        return "held"  # "nach einem Gespräch mit ...": what came before is past
    if words & _PLANNED or (trigger.preposition in _BEFORE_PREPS and not trigger.definite):
        return "planned"  # "Vor einem Treffen in Rom warnte er": what the warning comes before lies ahead
    if not trigger.definite and trigger.preposition not in _PREPOSITIONS and any(w in ANNOUNCE for w in clause_words):
        # "kündigte ein Treffen an", "hat ein Treffen angekündigt" -- not "hatte die Summe
        # bei einem Treffen angekündigt", where the meeting is where it was said
        return "planned"
    if _infinitive_of_intent(doc, clause, clause_words):
        return "planned"
    if words & _CONDITIONAL and not words & _PAST_WORDS:
        return "planned"
    present = clause.tense == "present"
    for span in dates:
        if span.start >= clause.start and span.end <= clause.end:
            match = span._.date
            if (match.offset_days or 0) > 0 or set(match.text.lower().split()) & _FUTURE_DATE_WORDS:
                return "planned"
            if match.kind == "month" and match.text.lower().startswith("für "):
                return "planned"
            if present and _ahead(match, span.doc._.published):
                return "planned"  # "Die Minister beraten am Mittwoch in Wien", written before
    return "held"


def _ahead(match, published: str | None) -> bool:
    """A date the present tense speaks of that lies after the publication day: a weekday
    other than that day's, or a calendar day after it; any such date in an undated article."""
    if published is None or len(published) < 10:
        # news in the present tense tells of days ahead; the past has its own tenses
        return match.kind in ("weekday", "day")
    if match.kind == "weekday" and match.weekday is not None:
        return resolve_date(match, published, "past") != published
    if match.kind == "day":
        day = resolve_date(match, published, "future")
        return day is not None and day > published
    return False


def _held_stated(trigger: Trigger) -> bool:
    """Whether the clause says the meeting took place: a past tense, "nach dem Treffen",
    "stattgefunden" -- not a present tense that only describes it."""
    doc = trigger.token.doc
    clause = clause_at(doc, trigger.token.i)
    words = doc_view(doc).lowers[clause.start : clause.end]
    return trigger.preposition in _AFTER or not _HELD.isdisjoint(words) or clause.tense == "past"


def _infinitive_of_intent(doc: Doc, clause: Clause, clause_words: list[str]) -> bool:
    """"Die Kanzlerin kündigte an, das Thema beim EU-Gipfel ... aufzugreifen": a zu-infinitive
    after an announcement or intention speaks of the future."""
    infinitive = any(_ZU_INFINITIVE.match(w) for w in clause_words) or any(
        a == "zu" and b.isalpha() and b.endswith("en") for a, b in zip(clause_words, clause_words[1:])
    )
    if not infinitive:
        return False
    view = doc_view(doc)
    before = view.lowers[view.sent_start(clause.start) : clause.start]
    return any(w in ANNOUNCE or w in _PLANNED for w in before)


def _place_at(doc: Doc, i: int, end: int, actors: list[Span], declared: bool = False) -> str | None:
    """The place named from token ``i`` on ("Brüssel", "New York"), else None. A name is a
    place when it is known, or when a lead-in noun declares it one (``declared``)."""
    lexicon = get_lexicon()
    tokens: list[Token] = []
    while i < end and len(tokens) < _MAX_PLACE_TOKENS:
        tok = doc[i]
        if not (_capitalised(tok) and tok.is_alpha or "-" in tok.text and _capitalised(tok)):
            break
        # "im Mai" is no place
        if tok.text in _NOT_PLACES or tok.lower_ in TIME_WORDS or tok.lower_.endswith(_NOUN_ENDINGS) or _is_meeting_noun(tok):
            break
        if any(a.start <= i < a.end and a.label_ in (ext.PERSON, ext.ORG) for a in actors):
            break
        tokens.append(tok)
        if _known_place(tok.text, doc) or lexicon.country_by_name(tok.text):
            break
        i += 1
    if not tokens:
        return None
    name = " ".join(t.text for t in tokens)
    if lexicon.is_region(name):
        return None
    iso = lexicon.country_by_name(name)
    if iso:
        return name if _city_state(name, iso) or name == doc._.place else None
    # Only a known place is a place: "im Kampf", "im Konflikt" name no city.
    return name if declared and len(tokens) == 1 or _known_place(name, doc) else None


def _city_state(name: str, iso: str) -> bool:
    """A state named like its capital ("Kuwait", capital "Kuwait-Stadt"; "Singapur")."""
    return any(
        capital_iso == iso and (form == name or form.startswith(name + "-"))
        for form, capital_iso in get_lexicon().capital_forms()
    )


def _places(sent: Span, skip: range) -> list[tuple[int, str]]:
    doc = sent.doc
    lowers = doc_view(doc).lowers
    actors = actors_in(sent)
    out = []
    for i in range(sent.start, sent.end):
        if lowers[i] in _PLACE_PREPS and i + 1 < sent.end and i + 1 not in skip:
            start, declared = _place_start(doc, i + 1, sent.end)
            name = _place_at(doc, start, sent.end, actors, declared)
            if name:
                out.append((i, name))
        elif lowers[i] in _DESTINATION_PREPS and i + 1 < sent.end:
            # "reiste nach Kairo, wo er mit ... sprach": the destination is where it happens
            start, declared = _place_start(doc, i + 1, sent.end)
            name = _place_at(doc, start, sent.end, actors, declared)
            after = start + len(name.split()) if name else sent.end
            if name and (lowers[after : after + 2] == [",", "wo"] or _PLACE_ANAPHORS & set(lowers[after : sent.end])):
                out.append((i, name))  # "nach Damaskus reisen und dort mit ... sprechen"
    return out


def _place_start(doc: Doc, i: int, end: int) -> tuple[int, bool]:
    """Past the words that lead in to a place ("in der jordanischen Hauptstadt Amman", "im
    chinesischen Hangzhou", "auf dem Stützpunkt Hmeimim"), and whether a lead-in noun
    ("Hauptstadt", "Stützpunkt") declared what follows a place."""
    lexicon = get_lexicon()
    j, declared = i, False
    while j < min(end, i + _MAX_LEAD_IN) and (
        doc[j].text in _PLACE_LEAD_INS
        or (doc[j].is_lower and lexicon.country_by_adjective(doc[j].text))
        or (_capitalised(doc[j]) and doc[j].lower_.endswith(_LEAD_IN_HEADS))
    ):
        declared = declared or _capitalised(doc[j])
        j += 1
    if j < end and j > i and _capitalised(doc[j]):
        return j, declared
    return i, False


def _nearest(items: list[tuple[int, object]], anchor: Token, prefer: Clause | None = None):
    """The item nearest to ``anchor``, those inside ``prefer`` first."""
    if not items:
        return None
    if prefer is not None:
        inside = [it for it in items if prefer.start <= it[0] < prefer.end]
        items = inside or items
    return min(items, key=lambda it: abs(it[0] - anchor.i))[1]


def _nominative(word: str) -> str:
    """Genitive of a body or building to the nominative ("Sicherheitsrates" -> "Sicherheitsrat")."""
    low = word.lower()
    for cut in ("es", "s"):
        if low.endswith(cut) and low[: -len(cut)].endswith(_VENUE_HEADS):
            return word[: -len(cut)]
    return word


def _venue(sent: Span) -> tuple[str | None, range]:
    """The building or body a meeting is held in, and the tokens its phrase covers."""
    doc = sent.doc
    lowers = doc_view(doc).lowers
    for i in range(sent.start, sent.end):
        low = lowers[i]
        if low not in _VENUE_PREPS and low != _SIDELINES[0]:
            continue
        tok = doc[i]
        if (low, lowers[i + 1] if i + 1 < sent.end else "") == _SIDELINES and i + 3 < sent.end:
            if doc[tok.i + 2].lower_ in _GENITIVE_ARTICLES and not _is_meeting_noun(doc[tok.i + 3]):
                head = doc[tok.i + 3]
                if _capitalised(head) and _nominative(head.text).lower().endswith(_VENUE_HEADS):
                    return _nominative(head.text), range(tok.i, head.i + 1)
            continue
        if low not in _VENUE_PREPS:
            continue
        j = tok.i + 1
        if j < sent.end and doc[j].lower_ in ("der", "dem"):
            j += 1
        run = []
        while j < sent.end and _capitalised(doc[j]) and len(run) < _MAX_PLACE_TOKENS:
            run.append(doc[j])
            if doc[j].lower_.endswith(_VENUE_HEADS):
                break
            j += 1
        if not run or not run[-1].lower_.endswith(_VENUE_HEADS):
            continue
        end = run[-1].i + 1
        abbreviation = _abbreviation_after(doc, end, sent.end)
        if abbreviation is not None:
            return abbreviation.text, range(tok.i, abbreviation.i + 2)
        return " ".join(t.text for t in run), range(tok.i, end)
    return None, range(0)


def _abbreviation_after(doc: Doc, start: int, end: int) -> Token | None:
    """"(Eucom)" closing the genitive phrase after a venue noun."""
    for j in range(start, min(end - 2, start + _ABBREVIATION_REACH)):
        if doc[j].text in _CLAUSE_BREAKS:
            return None
        if doc[j].text == "(" and doc[j + 2].text == ")" and _capitalised(doc[j + 1]) and doc[j + 1].is_alpha:
            return doc[j + 1]
    return None


def _size(sent: Span, prefer: Clause) -> dict | None:
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


def _date(sent: Span, trigger: Trigger, status: str, creates: bool) -> tuple[str | None, str | None]:
    doc = sent.doc
    clause = clause_at(doc, trigger.token.i)
    spans = [
        s for s in doc.spans.get(ext.DATES, [])
        if sent.start <= s.start and s.end <= sent.end and s._.date.kind in _DATE_KINDS
        and s.text != doc._.published  # the metadata stamp before the dateline
    ]
    if not creates:
        spans = [s for s in spans if clause.start <= s.start < clause.end]
    # a date in another subordinate clause dates something else: "..., auch wenn die USA im Oktober ..."
    spans = [s for s in spans if (c := clause_at(doc, s.start)) is clause or c.kind not in ("sub", "relative")]
    chosen = _nearest([(s.start, s) for s in spans], trigger.token, clause)
    if chosen is None:
        return None, None
    tense = "future" if status == "planned" else "past"
    return resolve_date(chosen._.date, doc._.published, tense), chosen.text


def _persons(sent: Span, trigger: Trigger) -> list:
    """People named in the sentence, "Er" for the person before, "der US-Außenminister" for the last such."""
    if trigger.preposition in _BEFORE_PREPS:
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
        if lowers[i - 1] not in _DEFINITE or i in named:
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


def _reporters(sent: Span) -> list[Span]:
    """People quoted with a reporting verb next to their name ("Steinmeier sagte: ...")."""
    doc = sent.doc
    return [
        p for p in actors_in(sent, ext.PERSON)
        if (p.start > sent.start and doc[p.start - 1].lower_ in _REPORTING)
        or (p.end < sent.end and doc[p.end].lower_ in _REPORTING)
    ]


def _same_paragraph(a: Span, b: Span) -> bool:
    view = doc_view(a.doc)
    last = next((i for i in range(a.end - 1, a.start - 1, -1) if not view.texts[i].isspace()), a.end - 1)
    return "\n" not in view.text[view.idx[last] + len(view.texts[last]) : b.start_char]


def _states(sent: Span) -> list[str]:
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
            w in _PARTICIPATION or w in _PARTICIPATION_SEPARABLE for w in doc_view(doc).lowers[sent.start : sent.end]
        ):
            out.append(c._.iso)
    return out


def _candidate(sent: Span, trigger: Trigger, dates: list[Span]) -> Candidate:
    status = _status(trigger, dates)
    venue, venue_tokens = _venue(sent)
    clause = clause_at(sent.doc, trigger.token.i)
    places = _places(sent, venue_tokens)
    if not trigger.creates:
        places = [p for p in places if clause.start <= p[0] < clause.end]
    location = trigger.city or _nearest(places, trigger.token, clause) or _named_for_city(sent.doc, clause)
    there = location is None and any(w in _PLACE_ANAPHORS for w in doc_view(sent.doc).lowers[clause.start : clause.end])
    if there:
        # "Am Abend wurde er in Ankara erwartet. Dort will er ...": the place named just before
        earlier = [p for prev in previous_sentences(sent, 1) if _same_paragraph(prev, sent) for p in _places(prev, range(0))]
        if earlier:
            location, there = earlier[-1][1], False
    date, date_text = _date(sent, trigger, status, trigger.creates)
    return Candidate(
        trigger=trigger,
        status=status,
        location=location,
        venue=venue,
        date=date,
        date_text=date_text,
        size=_size(sent, clause),
        participants=[*_persons(sent, trigger), *_states(sent), *_both(sent, trigger, clause)],
        there=there,
        stated=status == "planned" or _held_stated(trigger),
    )


# -- merging ----------------------------------------------------------------


def _fold(text: str | None) -> str:
    return (text or "").casefold()


def _same_place(a: str | None, b: str | None) -> bool:
    """"Kuwait" and "Kuwait-Stadt" name one place: a city and the state named like it."""
    a, b = _fold(a), _fold(b)
    short, long = sorted((a, b), key=len)
    return bool(short) and (a == b or long.startswith((short + "-", short + " ")))


def _same_date(a: Meeting, c: Candidate) -> bool:
    return not (a.date_text and c.date_text and _fold(a.date_text) != _fold(c.date_text))


def _new_partner(c: Candidate, meeting: Meeting) -> bool:
    """"Kerry, der am Nachmittag mit Sarif zusammentraf": meeting someone the meeting told of
    did not have is another meeting."""
    if c.trigger.kind != "verb":
        return False
    doc = c.trigger.token.doc
    clause = clause_at(doc, c.trigger.token.i)
    partners = {
        m._.canonical for p in clause.phrases_of("partner")
        for m in actors_in(doc[p.start : p.end], ext.PERSON)
    }
    present = {p._.canonical for p in meeting.participants if isinstance(p, Span)}
    return bool(partners - present)


def _target(meetings: list[Meeting], c: Candidate) -> Meeting | None:
    """The meeting a candidate refers to, else None for a new one."""
    if c.trigger.new:
        return None
    mains = [m for m in meetings if m.parent is None]
    if c.there:
        return next((m for m in reversed(mains) if m.location), None)
    # a quotation, or a clause that states no status, speaks of the meeting whatever its status
    same = mains if c.trigger.quoted or not c.stated else [m for m in mains if m.status == c.status]
    if not same:
        return None
    if c.location:
        for m in reversed(same):
            if _same_place(m.location, c.location):
                return m
        latest = same[-1]
        definite = c.trigger.definite or not c.trigger.creates
        if latest.location is None or (latest.implied and definite):
            return latest if _same_date(latest, c) else None
        return None
    latest = same[-1]
    return latest if _same_date(latest, c) and not _new_partner(c, latest) else None


def _merge(m: Meeting, c: Candidate, span: Span) -> None:
    m.evidence.append(span)
    if c.location and (m.location is None or m.implied):
        m.location, m.implied = c.location, False
    m.venue = m.venue or c.venue
    if m.date_text is None and c.date_text:
        m.date, m.date_text = c.date, c.date_text
    m.size = m.size or c.size
    m.participants.extend(c.participants)


def _new(c: Candidate, span: Span, doc: Doc, parent: Meeting | None = None) -> Meeting:
    m = Meeting(
        span=span, status=c.status, location=c.location, venue=c.venue, date=c.date,
        date_text=c.date_text, size=c.size, participants=list(c.participants), parent=parent,
    )
    if m.location is None and parent is None and m.status == "held" and not c.there and doc._.place and "/" not in doc._.place:
        # Not where the text points elsewhere ("dort"), nor for a dateline of two desks.
        m.location, m.implied = doc._.place, True
    return m


def _unique(items: list) -> list:
    seen, out = set(), []
    for item in items:
        key = (item.start_char, item.end_char) if isinstance(item, Span) else item
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


# -- the component ------------------------------------------------------------


class Meetings:
    def __call__(self, doc: Doc) -> Doc:
        quoted = quoted_tokens(doc)
        dates = list(doc.spans.get(ext.DATES, []))
        lowers = doc_view(doc).lowers
        meetings: list[Meeting] = []
        just_held: tuple[Span, Meeting] | None = None  # a held meeting told of in the last sentence
        headline_end = _headline_end(doc)
        headlines: list[Span] = []
        for sent in doc.sents:
            if sent.start_char < headline_end:
                headlines.append(sent)
                continue
            words = lowers[sent.start : sent.end]
            if not _BLOCKERS.isdisjoint(words) or _BLOCKER_PARTS.search("\0".join(words)):
                just_held = None
                continue
            triggers = [t for t in _triggers(sent, quoted) if not t.generic]
            if triggers:
                count = len(meetings)
                self._read(doc, sent, triggers, dates, meetings)
                created = meetings[-1] if len(meetings) > count else None
                just_held = (sent, created) if created and created.status == "held" else None
            elif just_held is not None:
                # who speaks right after a meeting was told of reports on it
                if _same_paragraph(just_held[0], sent):
                    just_held[1].participants.extend(_reporters(sent))
                just_held = None
        for sent in headlines:
            # a headline sums up the body: it may name a meeting the body tells of, never a new one
            for trigger in _triggers(sent, quoted)[:1]:
                c = _candidate(sent, trigger, dates)
                target = _target(meetings, c)
                if target is not None:
                    _merge(target, c, _token_span(trigger.token))
        spans = []
        for m in meetings:
            m.span._.event = m.as_event()
            spans.append(m.span)
        doc.spans[ext.MEETINGS] = spans
        return doc

    @staticmethod
    def _read(doc: Doc, sent: Span, triggers: list[Trigger], dates: list[Span], meetings: list[Meeting]) -> None:
        creating = [t for t in triggers if t.creates]
        sideline_nouns = [t for t in triggers if t.sideline_of]
        if sideline_nouns and creating:
            c = _candidate(sent, creating[0], dates)
            parent = next((m for m in reversed(meetings) if m.parent is None), None)
            meetings.append(_new(c, _token_span(creating[0].token), doc, parent))
            return
        main = creating[0] if creating else triggers[0]
        c = _candidate(sent, main, dates)
        Meetings._place(doc, sent, main, c, meetings)
        home = clause_at(doc, main.token.i)
        for other in creating[1:]:
            # another clause with another place ("..., wie das Amt nach einem Treffen ... in New York
            # ankündigte") or with someone the first meeting lacks ("Kerry, der ... mit Sarif zusammentraf")
            own = clause_at(doc, other.token.i)
            if own is home:
                continue
            o = _candidate(sent, other, dates)
            named = {m._.canonical for m in actors_in(doc[own.start : own.end], ext.PERSON)}
            first = {p._.canonical for p in c.participants if isinstance(p, Span)}
            if (o.location and not _same_place(o.location, c.location)) or named - first:
                o.participants = [p for p in o.participants if not isinstance(p, Span) or p.start in own or p._.canonical in named]
                Meetings._place(doc, sent, other, o, meetings)

    @staticmethod
    def _place(doc: Doc, sent: Span, trigger: Trigger, c: Candidate, meetings: list[Meeting]) -> None:
        """Merge a candidate into the meeting it refers to, or start a meeting with it."""
        span = _token_span(trigger.token)
        target = _target(meetings, c)
        if target is not None:
            _merge(target, c, span)
        elif trigger.creates:
            if trigger.definite:
                # a first mention with "the" points back to the people of the sentence before
                c.participants += [
                    p for prev in previous_sentences(sent, 1) if _same_paragraph(prev, sent)
                    for p in _persons(prev, trigger)
                ]
            meetings.append(_new(c, span, doc))


def _headline_end(doc: Doc) -> int:
    """Where the headline (as ingest found it) ends in the text, 0 without one."""
    headline = doc._.headline
    if not headline:
        return 0
    at = doc_view(doc).text.find(headline)
    return at + len(headline) if at >= 0 else 0


def _token_span(tok: Token) -> Span:
    return tok.doc[tok.i : tok.i + 1]


@Language.factory("coalition_meetings")
def make_meetings(nlp: Language, name: str) -> Meetings:
    return Meetings()

"""What one sentence says about a meeting (a candidate), and the meetings candidates add
up to: a candidate that refers to a meeting told of (the same place, a definite article,
no new partner) is merged into it, since articles mention one meeting many times."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..lexicon import get_lexicon, load_json
from ..syntax.analysis import clause_at
from ..syntax.words import COORDINATORS
from .context import actors_in, previous_sentences, same_paragraph
from .meeting_people import bodies_of, both, persons_in, size_in, states_in
from .meeting_places import (
    PLACE_ANAPHORS, destination_after, host_city, named_for_city, nearest, places_in, venue_in,
)
from .meeting_time import date_of, held_stated, status_of
from .meeting_triggers import Trigger
from .view import doc_view

_DATES = load_json("dates.json")
_WEEKDAYS: dict[str, int] = {w.lower(): day for w, day in _DATES["weekdays"].items()}
_DAY_WORDS = tuple({w.lower() for w in (*_DATES["weekdays"], *_DATES["deictic"]) if " " not in w})


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
    stated: bool = True  # False: "held" only because nothing said otherwise
    noun: str | None = None  # the noun that named it first ("eu-gipfel")

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


def candidate(sent: Span, trigger: Trigger, dates: list[Span]) -> Candidate:
    status = status_of(trigger, dates)
    venue, venue_tokens = venue_in(sent)
    clause = clause_at(sent.doc, trigger.token.i)
    places = places_in(sent, venue_tokens)
    if not trigger.creates:
        places = [p for p in places if clause.start <= p[0] < clause.end]
    location = (
        trigger.city or _journey_to(sent, trigger, clause) or nearest(places, trigger.token, clause)
        or named_for_city(sent.doc, clause) or host_city(sent.doc, clause)
    )
    lowers = doc_view(sent.doc).lowers
    there = location is None and not PLACE_ANAPHORS.isdisjoint(lowers[clause.start : clause.end])
    if there:
        # "Am Abend wurde er in Ankara erwartet. Dort will er ...": the place named just before
        earlier = [
            p for prev in previous_sentences(sent, 1) if same_paragraph(prev, sent) for p in places_in(prev, range(0))
        ]
        if earlier:
            location, there = earlier[-1][1], False
    date, date_text = date_of(sent, trigger, status, trigger.creates)
    return Candidate(
        trigger=trigger,
        status=status,
        location=location,
        venue=venue,
        date=date,
        date_text=date_text,
        size=size_in(sent, clause),
        participants=[*persons_in(sent, trigger), *states_in(sent), *both(sent, clause), *bodies_of(trigger)],
        there=there,
        stated=status == "planned" or held_stated(trigger),
    )


def _journey_to(sent: Span, trigger: Trigger, clause) -> str | None:
    """"reist zu einem Treffen nach Basel und anschließend zur Konferenz nach London": the
    destination the journey to this meeting names, before the next "und"."""
    if trigger.travels:
        return destination_after(sent, clause.start - 1, clause.end)  # "reist nach Moskau zum Präsidenten"
    if not trigger.journey:
        return None
    lowers = doc_view(sent.doc).lowers
    end = next((k for k in range(trigger.token.i + 1, clause.end) if lowers[k] in COORDINATORS), clause.end)
    return destination_after(sent, trigger.token.i, end)


def _fold(text: str | None) -> str:
    return (text or "").casefold()


def same_place(a: str | None, b: str | None) -> bool:
    """"Kuwait" and "Kuwait-Stadt" name one place: a city and the state named like it."""
    a, b = _fold(a), _fold(b)
    short, long = sorted((a, b), key=len)
    return bool(short) and (a == b or long.startswith((short + "-", short + " ")))


def _noun(c: Candidate) -> str | None:
    return c.trigger.token.lower_ if c.trigger.kind == "noun" else None


def _same_date(a: Meeting, c: Candidate) -> bool:
    """No two different days: "in dieser Woche" and then "am Donnerstag" may be one meeting."""
    return not (
        a.date_text and c.date_text and _fold(a.date_text) != _fold(c.date_text)
        and _one_day(a.date_text) and _one_day(c.date_text)
        and not _same_or_next_day(_fold(a.date_text).split()[-1], _fold(c.date_text).split()[-1])
    )


def _same_or_next_day(a: str, b: str) -> bool:
    """The same weekday told twice ("am Freitag", "in der Nacht zum Freitag"), or weekdays one
    apart ("am Dienstag", "am Mittwochabend"): the days of one conference."""
    days = [next((day for name, day in _WEEKDAYS.items() if w.startswith(name)), None) for w in (a, b)]
    return None not in days and abs(days[0] - days[1]) <= 1


def _one_day(text: str) -> bool:
    """A date that names a single day ("am Donnerstag", "heute", "am 5. Mai"), not a week or month."""
    words = set(_fold(text).replace(".", " ").split())
    return any(w.startswith(_DAY_WORDS) or w.isdigit() and len(w) <= 2 for w in words)  # "Dienstagabend"


def _new_partner(c: Candidate, meeting: Meeting) -> bool:
    """"Kerry, der am Nachmittag mit Sarif zusammentraf": meeting someone the meeting told of
    did not have is another meeting; a meeting told of without any person takes them in."""
    if c.trigger.kind != "verb":
        return False
    doc = c.trigger.token.doc
    clause = clause_at(doc, c.trigger.token.i)
    partners = {
        m._.canonical for p in clause.phrases_of("partner")
        for m in actors_in(doc[p.start : p.end], ext.PERSON)
    }
    present = {p._.canonical for p in meeting.participants if isinstance(p, Span) and p.label_ == ext.PERSON}
    return bool(present) and bool(partners - present)


def target_of(meetings: list[Meeting], c: Candidate) -> Meeting | None:
    """The meeting a candidate refers to, else None for a new one."""
    if c.trigger.new:
        return None
    mains = [m for m in meetings if m.parent is None]
    if c.there:
        return next((m for m in reversed(mains) if m.location), None)
    # a quotation, or a clause that states no status, speaks of the meeting whatever its status
    named = next((m for m in reversed(mains) if m.noun and m.noun == _noun(c) and not m.stated
                  and (m.location is None or same_place(m.location, c.location))), None)
    if named is not None and c.trigger.definite:
        return named  # "... bei der Ankunft zum EU-Gipfel", then "Auf dem EU-Gipfel in Brüssel wollen ..."
    unstated = next((m for m in reversed(mains) if not m.stated and c.location and same_place(m.location, c.location)
                     and _same_date(m, c)), None)
    if unstated is not None:
        return unstated  # a headline's "Konferenz am Montag in Paris", then "... soll am Montag in Paris stattfinden"
    same = mains if c.trigger.quoted or not c.stated else [m for m in mains if m.status == c.status]
    if not same:
        # "Das Emirat sagte auf der Konferenz ... zu": "the" meeting, or a verb of meeting, with
        # no place or date of its own, is the one told of, though the clause's tense differs
        referring = c.trigger.definite or c.trigger.kind == "verb"  # "Die Minister wollten ... beraten"
        # "Das Treffen fand am Dienstag statt": a definite reference may bring the date the meeting lacked
        plain = mains and referring and not c.location and (
            not c.date_text or (c.trigger.definite and mains[-1].date_text is None)
        )
        return mains[-1] if plain and not _new_partner(c, mains[-1]) else None
    if c.location:
        for m in reversed(same):
            if same_place(m.location, c.location):
                return m
        latest = same[-1]
        definite = c.trigger.definite or not c.trigger.creates
        if latest.location is None or (latest.implied and definite):
            return latest if _same_date(latest, c) and not _new_partner(c, latest) else None
        return None
    latest = same[-1]
    return latest if _same_date(latest, c) and not _new_partner(c, latest) else None


def merge(m: Meeting, c: Candidate, span: Span) -> None:
    m.evidence.append(span)
    if not m.stated and c.stated and not c.trigger.quoted:
        m.status, m.stated = c.status, True  # the first mention said nothing of its time
        if c.date_text:
            m.date, m.date_text = c.date, c.date_text  # its day resolves by the tense now told
    if m.status == "planned" and c.status == "held" and c.stated and not c.trigger.quoted and not _ahead(m, span):
        m.status = "held"  # what was announced, the text now tells in the past
    if c.location and (m.location is None or m.implied):
        m.location, m.implied = c.location, False
    m.venue = m.venue or c.venue
    if m.date_text is None and c.date_text:
        m.date, m.date_text = c.date, c.date_text
    m.size = m.size or c.size
    m.participants.extend(c.participants)


def _ahead(m: Meeting, span: Span) -> bool:
    published = span.doc._.published
    return m.date is not None and published is not None and len(published) == 10 and m.date > published


def new_meeting(c: Candidate, span: Span, doc: Doc, parent: Meeting | None = None) -> Meeting:
    m = Meeting(
        span=span, status=c.status, location=c.location, venue=c.venue, date=c.date,
        date_text=c.date_text, size=c.size, participants=list(c.participants), parent=parent,
        stated=c.stated, noun=_noun(c),
    )
    place = doc._.place
    if m.location is None and parent is None and m.status == "held" and not c.there and place and "/" not in place and (
        get_lexicon().is_city(place)
    ):
        # Not where the text points elsewhere ("dort"), nor for a dateline of two desks or a
        # label taken for one ("Geplanter Truppenabzug - ", "USA - Golfstaaten: ..."): a dateline names a city.
        m.location, m.implied = place, True
    return m


def _unique(items: list) -> list:
    seen, out = set(), []
    for item in items:
        key = (item.start_char, item.end_char) if isinstance(item, Span) else item
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out

"""When a meeting is: held or planned, read from its clause (tense, planning and
announcing words, "nach dem Treffen", a date ahead of publication), and its date."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..lexicon import load_json
from ..parse.dates import resolve_date
from ..syntax.analysis import clause_at
from ..syntax.models import Clause
from ..syntax.words import ANNOUNCE, is_verbal
from .meeting_places import nearest
from .meeting_triggers import Trigger
from .view import doc_view

_M = load_json("meetings.json")
_TENSE = load_json("tense.json")
_DATE_WORDS = load_json("dates.json")

_PREPOSITIONS = frozenset(_M["prepositions"])
BEFORE_PREPS = frozenset(_M["before_prepositions"])
_PLANNED = frozenset(_M["planned_cues"]) | frozenset(_TENSE["future"])
_PLANNED_ATTRIBUTES = frozenset(_M["planned_attributes"])
_INVITATION = frozenset(_M["invitation_cues"])
_PLUPERFECT = frozenset(_M["pluperfect_auxiliaries"])
_HELD = frozenset(_M["held_cues"])
_ZU_INFINITIVE = re.compile(r"^(?:" + "|".join(_M["zu_infinitive_prefixes"]) + r")zu\w+en$")
_FUTURE_DATE_WORDS = frozenset(_DATE_WORDS["future_modifiers"])
_AFTER = frozenset(_M["after_prepositions"])
_CONDITIONAL = frozenset(_M["conditional"])
_PAST_WORDS = frozenset(_TENSE["past"])
_AGENDA = tuple(_M["agenda_nouns"])
_DATE_KINDS = ("day", "weekday", "month", "relative", "deictic")


def status_of(trigger: Trigger, dates: list[Span]) -> str:
    """Planned for future or planning words in the meeting's clause, held otherwise."""
    doc = trigger.token.doc
    clause = clause_at(doc, trigger.token.i)
    view = doc_view(doc)
    clause_words = view.lowers[clause.start : clause.end]
    first = view.sent_start(clause.start)
    # cue words are written lower-case; inside a sentence a capital makes a noun ("am Morgen", not "morgen")
    words = {w for k, w in enumerate(clause_words, clause.start) if k == first or not view.texts[k][:1].isupper()}
    if words & _HELD or trigger.preposition in _AFTER:
        return "held"  # "nach einem Gespräch mit ...": what came before is past
    invited = bool(words & _INVITATION) and not words & _PLUPERFECT  # "haben zu dem Treffen eingeladen"
    if trigger.journey and clause.tense in ("present", "future") and not words & _HELD:
        return "planned"  # "reist zu einem Ministertreffen nach Basel", "reist zum Präsidenten"
    if words & _PLANNED or invited or (words & _PLANNED_ATTRIBUTES and clause.tense != "past") or (
        trigger.preposition in BEFORE_PREPS and not trigger.definite
    ):
        return "planned"  # "Vor einem Treffen in Rom warnte er": what the warning comes before lies ahead
    if not trigger.definite and trigger.preposition not in _PREPOSITIONS and any(w in ANNOUNCE for w in clause_words):
        # "kündigte ein Treffen an", "hat ein Treffen angekündigt" -- not "hatte die Summe
        # bei einem Treffen angekündigt", where the meeting is where it was said
        return "planned"
    if _infinitive_of_intent(doc, clause, clause_words):
        return "planned"
    if clause.tense == "present" and any(w.endswith(_AGENDA) for w in clause_words):
        return "planned"  # "Auf seinem Programm stehen Treffen mit ..."
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
            if present and (_ahead(match, span.doc._.published) or "heut" in match.text.lower()):
                return "planned"  # "Die Minister beraten am Mittwoch in Wien", "... treffen sich heute", written before
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


def _since(doc: Doc, date: int, trigger: int) -> bool:
    """"das erste Treffen seit dem Überfall auf X am 3. März": a date after a noun
    phrase that "seit" opens dates that phrase's event, not the meeting."""
    view = doc_view(doc)
    k = date - 1
    while k > trigger and view.texts[k][:1].isalnum() and not is_verbal(view, k) and view.lowers[k] != "seit":
        k -= 1
    return k > trigger and view.lowers[k] == "seit"


def held_stated(trigger: Trigger) -> bool:
    """Whether the clause says the meeting took place: a past tense, "nach dem Treffen",
    "stattgefunden" -- not a present tense that only describes it."""
    doc = trigger.token.doc
    clause = clause_at(doc, trigger.token.i)
    words = doc_view(doc).lowers[clause.start : clause.end]
    if trigger.preposition in BEFORE_PREPS:
        return False  # "hieß es vor dem Treffen": the tense dates the saying, not the meeting
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
    return any(w in ANNOUNCE or w in _PLANNED or w in _PLANNED_ATTRIBUTES for w in before)


def _describes(clause: Clause, trigger: Trigger) -> bool:
    return clause.kind == "relative" and clause.start <= trigger.token.i + 2 and clause.start > trigger.token.i


def date_of(sent: Span, trigger: Trigger, status: str, creates: bool) -> tuple[str | None, str | None]:
    doc = sent.doc
    clause = clause_at(doc, trigger.token.i)
    spans = [
        s for s in doc.spans.get(ext.DATES, [])
        if sent.start <= s.start and s.end <= sent.end and s._.date.kind in _DATE_KINDS
        and s.text != doc._.published  # the metadata stamp before the dateline
    ]
    if not creates:
        spans = [s for s in spans if clause.start <= s.start < clause.end]
    # a date in another subordinate clause dates something else: "..., selbst wenn die Armee im März ..."
    # ... unless it is the relative clause of the meeting noun itself: "dem Treffen, das am Freitag ... stattfindet"
    spans = [
        s for s in spans
        if (c := clause_at(doc, s.start)) is clause or c.kind not in ("sub", "relative") or _describes(c, trigger)
    ]
    spans = [s for s in spans if not _since(doc, s.start, trigger.token.i)]
    chosen = nearest([(s.start, s) for s in spans], trigger.token, clause)
    if chosen is None:
        return None, None
    tense = "future" if status == "planned" else "past"
    return resolve_date(chosen._.date, doc._.published, tense), chosen.text

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

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions as ext
from ..lexicon import load_json
from ..syntax.analysis import clause_at
from .context import actors_in, previous_sentences, same_paragraph
from .meeting_people import persons_in, reporters
from .meeting_records import Candidate, Meeting, candidate, merge, new_meeting, same_place, target_of
from .meeting_triggers import Trigger, triggers_in
from .view import doc_view, headline_end_of, quoted_tokens

_M = load_json("meetings.json")

_BLOCKERS = frozenset(_M["blockers"])
# One search over a sentence's lower-case words joined by NUL, which no word contains.
_BLOCKER_PARTS = re.compile("|".join(map(re.escape, _M["blocker_parts"])))


class Meetings:
    def __call__(self, doc: Doc) -> Doc:
        quoted = quoted_tokens(doc)
        dates = list(doc.spans.get(ext.DATES, []))
        lowers = doc_view(doc).lowers
        meetings: list[Meeting] = []
        just_held: tuple[Span, Meeting] | None = None  # a held meeting told of in the last sentence
        headline_end = headline_end_of(doc)
        headlines: list[Span] = []
        for sent in doc.sents:
            if sent.start_char < headline_end:
                headlines.append(sent)
                continue
            words = _outside_brackets(lowers[sent.start : sent.end])  # not "Brüssel (dts Nachrichtenagentur)"
            if not _BLOCKERS.isdisjoint(words) or _BLOCKER_PARTS.search("\0".join(words)):
                just_held = None
                continue
            triggers = [t for t in triggers_in(sent, quoted) if not t.generic]
            if triggers:
                count = len(meetings)
                self._read(doc, sent, triggers, dates, meetings)
                created = meetings[-1] if len(meetings) > count else None
                just_held = (sent, created) if created and created.status == "held" else None
            elif just_held is not None:
                # who speaks right after a meeting was told of reports on it
                if same_paragraph(just_held[0], sent):
                    just_held[1].participants.extend(reporters(sent))
                just_held = None
        for sent in headlines:
            # a headline sums up the body: it may name a meeting the body tells of, never a new one
            for trigger in triggers_in(sent, quoted)[:1]:
                c = candidate(sent, trigger, dates)
                target = target_of(meetings, c)
                if target is not None:
                    merge(target, c, _token_span(trigger.token))
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
            c = candidate(sent, creating[0], dates)
            parent = next((m for m in reversed(meetings) if m.parent is None), None)
            meetings.append(new_meeting(c, _token_span(creating[0].token), doc, parent))
            return
        if sideline_nouns and not meetings:
            # "sagte Trudeau am Rande des Nato-Gipfels": the speaker was at the summit
            c = candidate(sent, sideline_nouns[0], dates)
            if c.participants and c.status == "held":
                meetings.append(new_meeting(c, _token_span(sideline_nouns[0].token), doc))
            return
        main = creating[0] if creating else triggers[0]
        c = candidate(sent, main, dates)
        Meetings._place(doc, sent, main, c, meetings)
        home = clause_at(doc, main.token.i)
        for other in creating[1:]:
            # another clause with another place ("..., wie das Amt nach einem Treffen ... in New York
            # ankündigte") or with someone the first meeting lacks ("Kerry, der ... mit Sarif zusammentraf")
            own = clause_at(doc, other.token.i)
            if own is home:
                continue
            o = candidate(sent, other, dates)
            named = {m._.canonical for m in actors_in(doc[own.start : own.end], ext.PERSON)}
            first = {p._.canonical for p in c.participants if isinstance(p, Span)}
            if (o.location and not same_place(o.location, c.location)) or named - first:
                o.participants = [p for p in o.participants if not isinstance(p, Span) or p.start in own or p._.canonical in named]
                Meetings._place(doc, sent, other, o, meetings)

    @staticmethod
    def _place(doc: Doc, sent: Span, trigger: Trigger, c: Candidate, meetings: list[Meeting]) -> None:
        """Merge a candidate into the meeting it refers to, or start a meeting with it."""
        span = _token_span(trigger.token)
        target = target_of(meetings, c)
        if target is not None:
            merge(target, c, span)
        elif trigger.creates and not (trigger.bare and trigger.kind == "noun" and not (c.location or c.date_text or c.participants)):
            # "Weitere Konferenzen sollen folgen", "in technischen Gesprächen": meetings in general
            if trigger.definite:
                # a first mention with "the" points back to the people of the sentence before
                c.participants += [
                    p for prev in previous_sentences(sent, 1) if same_paragraph(prev, sent)
                    for p in persons_in(prev, trigger)
                ]
            meetings.append(new_meeting(c, span, doc))


def _outside_brackets(words: list[str]) -> list[str]:
    out, depth = [], 0
    for w in words:
        depth += (w == "(") - (w == ")")
        if depth <= 0 and w != ")":
            out.append(w)
    return out


def _token_span(tok: Token) -> Span:
    return tok.doc[tok.i : tok.i + 1]


@Language.factory("coalition_meetings")
def make_meetings(nlp: Language, name: str) -> Meetings:
    return Meetings()

"""What the person rules ask of a doc: whether a token could be part of a name, where
titles and state mentions stand, and which state a sentence, its paragraph or the
sentence before speaks of (for an office with no state in its title)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..lexicon import load_json
from ..syntax.words import TIME_WORDS
from .countries import ADJECTIVE, INSTITUTION, LOCATIVE, NAME, STATE_KINDS, CountryMention
from .view import CLOSE_QUOTES, OPEN_QUOTES, TOGGLE_QUOTES, doc_view, quoted_tokens

if TYPE_CHECKING:
    from .persons import PersonFinder

_CONTEXT = load_json("person_context.json")

_FUNCTION_WORDS = frozenset(_CONTEXT["function_words"])
_THING_HEADS = frozenset(_CONTEXT["non_person_heads"])
_PLACE_NAME_HEADS = frozenset(_CONTEXT["place_name_heads"])
_NOUN_SUFFIXES = tuple(_CONTEXT["common_noun_suffixes"])
ARTICLE_WORDS = frozenset({"der", "die", "das", "den", "dem", "des"})
_CLAUSE_OPENERS = frozenset({",", ";", ":", "–", "und", "sowie"})
DETERMINERS = frozenset({"der", "des", "dem", "den", "Der", "Des", "Dem", "Den"})
_WORD_PARTS = re.compile(r"[-'’]")


class PersonContext:
    """Per-document lookups: what each token is, where quotes and sentences are."""

    def __init__(self, doc: Doc, countries: list[CountryMention], orgs: list[Span], finder: PersonFinder):
        self.doc, self.finder, self.lex = doc, finder, finder.lex
        view = doc_view(doc)
        self.texts = view.texts
        self.countries = countries
        self.country_at: dict[int, list[CountryMention]] = {}
        for m in countries:
            for k in range(m.span.start, m.span.end):
                self.country_at.setdefault(k, []).append(m)
        self.org_tokens = {k for span in orgs for k in range(span.start, span.end)}
        self.titles = _title_spans(doc, finder)
        title_tokens = {k for s, e in self.titles for k in range(s, e)}
        self.blocked = set(self.country_at) | self.org_tokens | title_tokens
        self.names_blocked_gap = title_tokens
        self.quoted = quoted_tokens(doc)
        self._words: dict[int, bool] = {}
        annotated = doc.has_annotation("SENT_START")
        self.sents = list(doc.sents) if annotated else [doc[:]]
        self.sent_of: list[int] = view.sent_of if annotated else [0] * len(doc)

    def word(self, i: int) -> bool:
        """Could token ``i`` be part of a personal name?"""
        known = self._words.get(i)
        if known is None:
            known = self._words[i] = self._word(i)
        return known

    def genitive_before(self, j: int) -> bool:
        """Does a surname in the genitive end before token ``j`` ("Donald Trumps Berater")?
        Token ``j`` is then a capitalised word that is no name of its own, the noun it qualifies."""
        texts, lex = self.texts, self.lex
        return (
            0 < j < len(texts) and texts[j - 1].endswith("s") and not texts[j - 1].endswith("ss")
            and not lex.is_given_name(texts[j - 1])  # "Jens Stoltenberg"
            and texts[j][:1].isupper() and "-" not in texts[j]
            and not lex.is_given_name(texts[j]) and not lex.is_name_particle(texts[j])
        )

    def _word(self, i: int) -> bool:
        text, lex = self.texts[i], self.lex
        if i in self.blocked or text in _FUNCTION_WORDS or text.casefold() in TIME_WORDS:
            return False
        if not text[:1].isupper():
            head, _, rest = text.partition("-")
            return bool(rest) and rest[:1].isupper() and lex.is_name_particle(head)
        if (text.isupper() and len(text) > 1) or not all(p.isalpha() for p in _WORD_PARTS.split(text) if p):
            return False
        if len(text) > 7 and text.casefold().endswith(_NOUN_SUFFIXES):
            return False
        return not (lex.country_by_capital(text) or lex.is_region(text) or lex.org(text))

    def words(self, start: int, end: int) -> int:
        return sum(1 for k in range(start, end) if self.word(k))

    def is_thing(self, start: int, end: int) -> bool:
        """A name in quotes on its own or after "Flugzeugträger" names a thing, not a person;
        so does a name that is a town's ("Abu Dhabi") or opens like an Arabic place's ("Tal Afar")."""
        doc = self.doc
        if end - start > 1 and (self.lex.is_city(doc[start:end].text) or doc[start].text in _PLACE_NAME_HEADS):
            return True  # "Abu Dhabi", "Ain al-Assad"
        while start > 0 and self.lex.office(doc[start - 1].text):
            start -= 1  # «Admiral Kusnezow»: a ship named with a title is still a ship
        before = doc[start - 1].text if start > 0 else ""
        after = doc[end].text if end < len(doc) else ""
        quoted = (before in OPEN_QUOTES or before in TOGGLE_QUOTES) and (after in CLOSE_QUOTES or after in TOGGLE_QUOTES)
        head = doc[start - 2].text if quoted and start > 1 else before
        return quoted or head in _THING_HEADS

    def state_in(self, start: int, end: int) -> bool:
        return any(m.kind == NAME for k in range(start, end) for m in self.country_at.get(k, ()))

    def _candidates(self, sent_no: int, before: int | None = None) -> list[CountryMention]:
        sent = self.sents[sent_no]
        out = []
        for m in self.countries:
            s = m.span.start
            if not (sent.start <= s < sent.end) or (before is not None and s >= before):
                continue
            if m.kind not in STATE_KINDS or m.affiliation or s in self.quoted:
                continue
            if s > 0 and self.doc[s - 1].text in LOCATIVE:
                continue
            out.append(m)
        return sorted(out, key=lambda m: m.span.start)

    def subject_state(self, anchor: int) -> str | None:
        """The state heading the clause nearest before the title ("Großbritannien sagte ...
        zu, Katar 100 Millionen Dollar, wie Außenminister X mitteilte" -> Katar), else the
        sentence's first state."""
        found = self._candidates(self.sent_of[anchor], before=anchor)
        heading = [m for m in found if self._heads_clause(m.span.start)]
        if heading:
            return heading[-1].iso
        # not an adjective of something else ("die Versorgung syrischer Flüchtlinge, sagte X")
        named = [m for m in found if m.kind != ADJECTIVE]
        return named[0].iso if named else None

    def _heads_clause(self, start: int) -> bool:
        i = start - 1
        if i >= 0 and self.doc[i].lower_ in ARTICLE_WORDS:
            i -= 1
        return i < 0 or self.doc[i].is_sent_end or self.doc[i].text in _CLAUSE_OPENERS or i < self.sents[self.sent_of[start]].start

    def previous_state(self, anchor: int) -> str | None:
        n = self.sent_of[anchor]
        found = self._candidates(n - 1) if n > 0 else []
        return found[0].iso if found else None

    def paragraph_state(self, anchor: int) -> str | None:
        """The state heading the paragraph's first sentence ("Dänemark geht noch weiter. ...")."""
        n = self.sent_of[anchor]
        texts = doc_view(self.doc).texts
        while n > 0 and not (self.sents[n].start > 0 and "\n" in texts[self.sents[n].start - 1]):
            n -= 1
        heading = [m for m in self._candidates(n) if self._heads_clause(m.span.start)]
        return heading[0].iso if heading and n < self.sent_of[anchor] else None

    def institution_after(self, start: int) -> str | None:
        """"Sprecherin Sarah Sanders ... im Weißen Haus": the state body a spokesperson or
        other non-state office speaks from, named later in the same clause."""
        sent = self.sents[self.sent_of[start]]
        texts = doc_view(self.doc).texts
        end = start
        while end < sent.end and texts[end] not in (",", ";", ":"):
            end += 1
        for m in self.countries:
            if m.kind == INSTITUTION and start < m.span.start < end:
                return m.iso
        return None

    def place_in(self, sent_no: int) -> str | None:
        """The state of the last place a sentence names ("in Ankara", "nach Damaskus")."""
        sent, found = self.sents[sent_no], None
        texts = doc_view(self.doc).texts
        for i in range(sent.start + 1, sent.end):
            if texts[i - 1] in LOCATIVE and texts[i][:1].isupper():
                found = self.lex.country_by_capital(texts[i]) or self.lex.country_by_name(texts[i]) or found
        return found

    def place_state(self) -> str | None:
        place = self.doc._.place
        return (self.lex.country_by_capital(place) or self.lex.country_by_name(place)) if place else None


def _title_spans(doc: Doc, finder: PersonFinder) -> list[tuple[int, int]]:
    """Office words (one or more tokens, also "US-Außenminister") and "Kollege"-like words."""
    lex = finder.lex
    spans = {(s, e) for _, s, e in finder.offices(doc)}
    covered = {k for s, e in spans for k in range(s, e)}
    for i, text in enumerate(doc_view(doc).texts):
        if i in covered:
            continue
        if lex.referring_noun(text) or ("-" in text and (lex.office(text) or lex.referring_noun(text.rsplit("-", 1)[1]))):
            spans.add((i, i + 1))
    return sorted(spans)

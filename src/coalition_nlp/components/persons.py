"""Persons without a statistical model.

A name is recognised where something vouches for it: an office title or a word like
"Kollege" before it, a known given name, a bracketed state or party after it, a
reporting verb before it, a photo credit. Every later occurrence of a part of a known
name is then a mention of the same person. The state a person acts for comes from the
title (prefix, adjective, genitive, institution), a bracketed state, or, for a state
office with no state in its title, from the sentence context and the dateline.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..holders import full_names
from .countries import CountryMention
from .person_context import PersonContext
from .person_mentions import mentions_of, persons_of
from .person_names import names_in
from .person_states import acting_state, titled_references


class PersonFinder:
    """Built once per pipeline; the office matcher holds every office form of the lexicon."""

    def __init__(self, nlp: Language, lexicon, make_docs):
        self.lex = lexicon
        self.offices = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.offices.add("OFFICE", make_docs({f for f, _ in lexicon.office_forms()}))
        self.known = PhraseMatcher(nlp.vocab, attr="ORTH")  # office holders' full names
        self.known.add("KNOWN", make_docs(full_names()))

    def __call__(
        self, doc: Doc, countries: list[CountryMention], orgs: list[Span], extra: list[Span] = ()
    ) -> list[Span]:
        ctx = PersonContext(doc, countries, orgs, self)
        found = names_in(doc, ctx)
        taken = {i for start, end, _ in found for i in range(start, end)}
        for ent in extra:  # a model's persons, without titles the rules read themselves
            start, end = ent.start, ent.end
            while start < end and not ctx.word(start):
                start += 1
            while end > start and not ctx.word(end - 1):
                end -= 1
            if start < end and not taken.intersection(range(start, end)):
                found.append((start, end, None))
        persons = persons_of(doc, found, ctx)
        spans = mentions_of(doc, persons, found, ctx)
        for person in persons.values():
            person.iso = acting_state(doc, person, ctx)
        spans += titled_references(doc, persons, ctx, spans)
        for span in spans:
            span._.iso = persons[span._.canonical].iso
        return spans

"""The ``coalition_actors`` component: every country, organisation and person mention.

Countries and organisations come from the lexicon through phrase matchers, persons
from the rules in :mod:`.persons`. When a statistical model has already set
``doc.ents``, its persons and organisations are added where the rules found nothing;
the rules stay authoritative for states and offices.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..lexicon import get_lexicon
from .view import doc_view
from .countries import CountryFinder
from .patterns import PatternArrays
from .persons import PersonFinder

_PERSON_LABELS = frozenset({"PER", "PERSON"})
_ORG_LABELS = frozenset({"ORG"})


class OrgFinder:
    """Organisation names from the lexicon, also as the first part of a compound ("IS-Terrormiliz")."""

    def __init__(self, nlp: Language, lexicon, make_docs):
        self.lex = lexicon
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("ORG", make_docs({f for f, _ in lexicon.org_forms()}))

    def __call__(self, doc: Doc) -> list[Span]:
        spans, taken = [], set()
        for _, start, end in sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if not taken.intersection(range(start, end)):
                info = self.lex.org(doc[start:end].text)
                if info is not None:
                    spans.append(self._org(doc, start, end, info))
                    taken.update(range(start, end))
        for i, text in enumerate(doc_view(doc).texts):
            if i in taken or "-" not in text:
                continue
            info = self.lex.org(text.split("-", 1)[0])
            if info is not None:
                spans.append(self._org(doc, i, i + 1, info))
        return spans

    def _org(self, doc: Doc, start: int, end: int, info) -> Span:
        span = Span(doc, start, end, label=ext.ORG)
        span._.canonical = info.canonical
        # A state body ("Bundesrat") belongs to the state the agency's country gives it; the
        # same offsets may hold its country mention, whose state must stay the same.
        country = self.lex.country_by_institution(info.canonical, doc_view(doc).agency) or info.country
        if country:
            span._.iso = country
        return span


class Actors:
    def __init__(self, nlp: Language):
        lexicon, make_docs = get_lexicon(), PatternArrays(nlp)  # one pattern cache for all matchers
        self.countries = CountryFinder(nlp, lexicon, make_docs)
        self.orgs = OrgFinder(nlp, lexicon, make_docs)
        self.persons = PersonFinder(nlp, lexicon, make_docs)
        make_docs.save()

    def __call__(self, doc: Doc) -> Doc:
        countries = self.countries(doc)
        orgs = self.orgs(doc)
        ents = [e for e in doc.ents if e.label_ in _PERSON_LABELS]
        persons = self.persons(doc, countries, orgs, ents)
        orgs += _model_orgs(doc, [m.span for m in countries] + orgs + persons)
        doc.spans[ext.ACTORS] = [m.span for m in countries] + orgs + persons
        return doc


def _model_orgs(doc: Doc, rule_spans: list[Span]) -> list[Span]:
    """A model's organisations where no rule mention lies."""
    taken = {k for s in rule_spans for k in range(s.start, s.end)}
    out = []
    for ent in doc.ents:
        if ent.label_ in _ORG_LABELS and not taken.intersection(range(ent.start, ent.end)):
            span = Span(doc, ent.start, ent.end, label=ext.ORG)
            span._.canonical = ent.text
            out.append(span)
    return out


@Language.factory("coalition_actors")
def make_actors(nlp: Language, name: str) -> Actors:
    return Actors(nlp)

"""Country mentions: names, adjectives, demonyms, prefixes, institutions, capitals.

Every state reference becomes a COUNTRY span; the kind of reference is kept next to it
because the person finder trusts a state named as a subject more than a capital used
as a place or a state that already belongs to someone else's title.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..lexicon import load_json, load_tsv
from .view import doc_view

NAME, ADJECTIVE, PREFIX, CAPITAL, INSTITUTION, OFFICE = (
    "name", "adjective", "prefix", "capital", "institution", "office",
)
# Kinds that name the state itself (not a city, not a title that carries it).
STATE_KINDS = frozenset({NAME, ADJECTIVE, PREFIX, INSTITUTION})

_CONTEXT = load_json("country_context.json")
LOCATIVE = frozenset(load_json("prepositions.json")["locative"])
_GOVERNMENT = frozenset(load_json("context.json")["government_nouns"])
_PLACE_NOUNS = frozenset(_CONTEXT["place_nouns"])
_COORDINATING = frozenset(_CONTEXT["coordinating"])
_SOURCE = frozenset(load_json("prepositions.json")["source"])
_DATELINE_MARKS = frozenset({"(", "-", "–", "—", "/"})
# "US-Dollar", "Hongkong-Dollar": a currency named after a state is no mention of the state.
_CURRENCY_WORDS = frozenset(row["expression"] for row in load_tsv("currencies.tsv") if " " not in row["expression"])
# Where one form is of two kinds ("Luxemburg", "Polen"), the earlier kind is tried first: a
# capital counts only where it stands for the government, and then the name is read.
_TIE_ORDER = {CAPITAL: 0, NAME: 1, ADJECTIVE: 2, INSTITUTION: 3}


@dataclass
class CountryMention:
    span: Span
    kind: str
    affiliation: bool = False  # set by the person finder when the state is someone's title

    @property
    def iso(self) -> str:
        return self.span._.iso


class CountryFinder:
    """Built once per pipeline from every lexicon form.

    Forms of several tokens go into a phrase matcher; the tens of thousands of one-token
    forms into a dictionary keyed by the token's ORTH hash, read in one pass over the doc
    (adding them to the matcher costs a tenth of a second at every start).
    """

    def __init__(self, nlp: Language, lexicon, make_docs):
        self.lex = lexicon
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.one_token: dict[int, list[str]] = {}
        # one-token offices that carry a state ("Bundesaußenminister"), the rest being hyphenated
        self.state_offices = frozenset(form for form, info in lexicon.office_forms() if info.country)
        for key, forms in (
            (NAME, lexicon.country_name_forms()),
            (ADJECTIVE, lexicon.country_adjective_forms()),
            (CAPITAL, lexicon.capital_forms()),
            (INSTITUTION, lexicon.institution_forms()),
        ):
            arrays = make_docs({f for f, _ in forms})
            self.matcher.add(key, [a for a in arrays if len(a) > 1])
            for (orth,) in (a for a in arrays if len(a) == 1):
                self.one_token.setdefault(orth, []).append(key)

    def _matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(kind, start, end), longest first at each start, ties in :data:`_TIE_ORDER`."""
        strings, one_token = doc.vocab.strings, self.one_token
        matches = [(strings[key], start, end) for key, start, end in self.matcher(doc)]
        orths = doc.to_array(ORTH).tolist()
        matches += [(kind, i, i + 1) for i, orth in enumerate(orths) if orth in one_token for kind in one_token[orth]]
        return sorted(matches, key=lambda m: (m[1], m[1] - m[2], _TIE_ORDER[m[0]]))

    def __call__(self, doc: Doc) -> list[CountryMention]:
        found: list[CountryMention] = []
        taken: set[int] = set()
        for kind, start, end in self._matches(doc):
            if taken.intersection(range(start, end)):
                continue
            span = doc[start:end]
            iso = self._resolve(kind, span)
            if iso:
                found.append(_mention(span, iso, kind))
                taken.update(range(start, end))
        offices = self.state_offices
        for i, text in enumerate(doc_view(doc).texts):
            if i not in taken and ("-" in text or (text in offices and text[:1].isupper())):
                found.extend(self._in_word(doc, i, text))
        return found

    def _resolve(self, kind: str, span: Span) -> str | None:
        text, lex = span.text, self.lex
        if kind == NAME:
            return lex.country_by_name(text)
        if kind == ADJECTIVE:
            return lex.country_by_adjective(text)
        if kind == INSTITUTION:
            return lex.country_by_institution(text, doc_view(span.doc).agency)
        if kind == CAPITAL and _is_government(span, lex):
            return lex.country_by_capital(text)
        return None

    def _in_word(self, doc: Doc, i: int, text: str) -> list[CountryMention]:
        """States inside one token: "US-Minister", "türkisch-syrischen", "Bundesaußenminister"."""
        lex = self.lex
        if "-" not in text:
            office = lex.office(text)
            if office is not None and office.country:
                return [_mention(doc[i : i + 1], _bundes(lex, text, office.country, doc), OFFICE)]
            return []
        parts = [p for p in text.split("-") if p]
        if text in _CURRENCY_WORDS or parts[-1:] and parts[-1] in _CURRENCY_WORDS:
            return []
        for n, part in enumerate(parts):
            last = n == len(parts) - 1
            # the first parts of "türkisch-syrischen" are bare stems, which the lexicon inflects only
            iso, kind = lex.country_by_adjective(part) or (not last and lex.country_by_adjective(part + "e")), ADJECTIVE
            if not iso and not last:
                iso = lex.country_by_prefix(part) or lex.country_by_institution(part, doc_view(doc).agency)
                kind = PREFIX
            if iso:  # span attributes are stored per offsets: one state per token
                return [_mention(doc[i : i + 1], iso, kind)]
        return []

def _mention(span: Span, iso: str, kind: str) -> CountryMention:
    span = Span(span.doc, span.start, span.end, label=ext.COUNTRY)
    span._.iso = iso
    return CountryMention(span, kind)


def _bundes(lex, word: str, country: str, doc: Doc) -> str:
    """ "Bundesaußenminister" is Austrian in APA text: the lexicon gives such offices as DEU."""
    return lex.bundes_country(doc_view(doc).agency) if word.startswith("Bundes") and country == "DEU" else country


def _is_government(span: Span, lex) -> bool:
    """A capital stands for its state unless it is the dateline or a place: after "in"/"nach",
    "nördlich von", "die Anschläge von"; listed with a place after one ("in Erbil und Bagdad");
    "die Regierung in Bagdad" is the state even after a preposition."""
    doc = span.doc
    words = [t.text for t in doc[max(0, span.start - 3):span.start]]
    words = [""] * (3 - len(words)) + words  # the three words before the capital, "" before the text
    if words[-1] in _COORDINATING and words[-2][:1].isupper():  # "Erbil und Bagdad": as the first place
        if words[-3].lower() in LOCATIVE or (words[-3] in _SOURCE and not _is_state(words[-2], lex)):
            return False
    before = words[-1].lower()
    if before in LOCATIVE:
        return words[-2] in _GOVERNMENT
    if before == "von" and (words[-2].lower() in LOCATIVE or words[-2] in _PLACE_NOUNS):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if span.text == doc._.place and (after is None or after.text in _DATELINE_MARKS):
        return False
    return lex.is_metonym_capital(span.text)


def _is_state(word: str, lex) -> bool:
    return bool(lex.country_by_name(word) or lex.country_by_capital(word))

"""Numbers, money amounts and date expressions as span groups, for the event components.

The parsing itself lives in :mod:`coalition_nlp.parse` (pure functions over text, so
they can be fuzzed); this component only ties their character offsets to tokens.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..parse.dates import find_dates
from ..parse.money import find_money
from ..parse.numbers import find_numbers
from .view import doc_view


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The token span covering ``[start, end)``, widened to whole tokens."""
    return doc.char_span(start, end, label=label, alignment_mode="expand")


class Numbers:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_view(doc).text
        numbers = find_numbers(text)
        for group, label, attr, matches in (
            (ext.NUMBERS, "NUMBER", "number", numbers),
            (ext.MONEY, "MONEY", "money", find_money(text, numbers)),
            (ext.DATES, "DATE", "date", find_dates(text)),
        ):
            spans = []
            for m in matches:
                span = char_span(doc, m.start, m.end, label)
                if span is not None:
                    span._.set(attr, m)
                    spans.append(span)
            doc.spans[group] = spans
        return doc


@Language.factory("coalition_numbers")
def make_numbers(nlp: Language, name: str) -> Numbers:
    return Numbers()

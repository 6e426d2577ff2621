"""Sentence boundaries for news text.

spaCy's ``sentencizer`` hangs an opening quote on the previous sentence and runs a
headline or sub-heading without a full stop into the next sentence. Here a line break
always ends a sentence, closing quotes and brackets stay with the sentence they close,
an opening quote starts the next one, and "seit 2014. Die ..." ends at the year.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..lexicon import load_json

_DATA = load_json("sentences.json")
_ENDS = frozenset(_DATA["sentence_end"])
_OPEN = frozenset(_DATA["opening_quotes"])
_CLOSE = frozenset(_DATA["closing_quotes"]) - _OPEN
_AMBIGUOUS = frozenset(_DATA["ambiguous_quotes"])  # '"' opens or closes by parity
_MONTHS = frozenset(_DATA["months"])
_NUMBER_DOT = re.compile(r"^\d+\.$")  # the tokenizer keeps "2014." and "22." whole


class NewsSentences:
    def __call__(self, doc: Doc) -> Doc:
        starts = [False] * len(doc)
        inside = False  # inside a quotation, so that the next ambiguous quote closes it
        pending = True  # the next real token starts a sentence
        for i, tok in enumerate(doc):
            if tok.is_space:
                if "\n" in tok.text:
                    pending, inside = True, False
                continue
            text = tok.text
            closes = text in _CLOSE or (text in _AMBIGUOUS and inside)
            if pending and not (closes and any(starts)):
                starts[i], pending = True, False
            if text in _OPEN:
                inside = True
            elif text in _AMBIGUOUS:
                inside = not inside
            if text in _ENDS or (_NUMBER_DOT.match(text) and int(text[:-1]) >= 100):
                pending = _continues_upper(doc, i)
        for tok, start in zip(doc, starts):
            tok.is_sent_start = start
        return doc


def _continues_upper(doc: Doc, i: int) -> bool:
    """An end mark ends a sentence only where capitalised text (or a quote) follows."""
    for tok in doc[i + 1 :]:
        if tok.text in _CLOSE or tok.text in _AMBIGUOUS or tok.is_space:
            continue
        return _starts_sentence(tok)
    return False


def _starts_sentence(tok: Token) -> bool:
    first = tok.text[:1]
    return (first.isupper() or first.isdigit() or tok.text in _OPEN) and tok.text not in _MONTHS


@Language.factory("coalition_sentences")
def make_news_sentences(nlp: Language, name: str) -> NewsSentences:
    return NewsSentences()

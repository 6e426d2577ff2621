"""Sentence boundaries for news text.

spaCy's ``sentencizer`` hangs an opening quote on the previous sentence and runs a
headline or sub-heading without a full stop into the next sentence. Here a line break
ends a sentence unless it only wraps one (the line ends without a mark, the next begins
lower-case or with a digit), closing quotes and brackets stay with the sentence they close,
an opening quote starts the next one, "seit 2014. Die ..." ends at the year, and a leading
"date 2016-10" metadata stamp is a sentence of its own.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import load_json

_DATA = load_json("sentences.json")
_ENDS = frozenset(_DATA["sentence_end"])
_OPEN = frozenset(_DATA["opening_quotes"])
_CLOSE = frozenset(_DATA["closing_quotes"]) - _OPEN
_AMBIGUOUS = frozenset(_DATA["ambiguous_quotes"])  # '"' opens or closes by parity
_MONTHS = frozenset(_DATA["months"])
_NUMBER_DOT = re.compile(r"^\d+\.$")  # the tokenizer keeps "2014." and "22." whole
# News sentences stay far below these lengths (in tokens); longer runs are cut at a comma
# or semicolon after the soft limit, anywhere after the hard one, so that every rule's
# work per sentence stays bounded and a pathological text costs time linear in its size.
_SOFT_LIMIT, _HARD_LIMIT = 120, 250
_SOFT_BREAKS = frozenset({",", ";", ":"})


class NewsSentences:
    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            strings = doc.vocab.strings  # token texts without making a Token per token
            texts = [strings[h] for h in doc.to_array(ORTH).tolist()]
            starts = sentence_starts(texts)
            column = numpy.array([1 if s else -1 for s in starts], dtype="int64")
            # one array write instead of a Python setter per token (which costs more than tokenizing)
            doc.from_array([SENT_START], column.astype("uint64").reshape(-1, 1))
        return doc


def sentence_starts(texts: list[str]) -> list[bool]:
    """For each token text, whether a sentence starts there."""
    starts = [False] * len(texts)
    inside = False  # inside a quotation, so that the next ambiguous quote closes it
    pending = True  # the next real token starts a sentence
    seen_start = False
    length = 0  # tokens since the last start
    stamp_end = _stamp_end(texts)
    for i, text in enumerate(texts):
        if i == stamp_end:
            pending = True  # after the "date 2016-10" metadata stamp
        if text.isspace():
            if "\n" in text and not _wrapped(texts, i):
                pending, inside = True, False
            continue
        closes = text in _CLOSE or (text in _AMBIGUOUS and inside)
        if length >= _HARD_LIMIT or (length >= _SOFT_LIMIT and texts[i - 1] in _SOFT_BREAKS):
            pending = True  # a run-on "sentence" (a dump, a list) is cut so no rule reads it whole
        if pending and not (closes and seen_start):
            starts[i], pending, seen_start = True, False, True
            length = 0
        length += 1
        if text in _OPEN:
            inside = True
        elif text in _AMBIGUOUS:
            inside = not inside
        if text in _ENDS or (_NUMBER_DOT.match(text) and int(text[:-1]) >= 100):
            pending = _continues_upper(texts, i)
    return starts


def _wrapped(texts: list[str], i: int) -> bool:
    """A single line break inside a sentence, as hard-wrapped pages have it: the line ends
    without a mark and the next begins lower-case or with a digit ("hat bereits\n4 Millionen")."""
    if texts[i].count("\n") > 1:
        return False  # a blank line ends a paragraph
    before = next((texts[k] for k in range(i - 1, -1, -1) if not texts[k].isspace()), None)
    after = next((texts[k] for k in range(i + 1, len(texts)) if not texts[k].isspace()), None)
    return (
        before is not None and after is not None and before[-1:].isalnum() and before not in _ENDS
        and (after[:1].islower() or after[:1].isdigit())
    )


def _stamp_end(texts: list[str]) -> int | None:
    """Where the text after a leading metadata stamp ("date 2016-10-14") begins, else None."""
    i = next((k for k, t in enumerate(texts) if not t.isspace()), len(texts))
    if i + 1 >= len(texts) or texts[i] != "date" or not (len(texts[i + 1]) == 4 and texts[i + 1].isdigit()):
        return None
    i += 2
    while i + 1 < len(texts) and texts[i] == "-" and len(texts[i + 1]) == 2 and texts[i + 1].isdigit():
        i += 2
    return i


def _continues_upper(texts: list[str], i: int) -> bool:
    """An end mark ends a sentence only where capitalised text (or a quote) follows."""
    for text in texts[i + 1 :]:
        if text in _CLOSE or text in _AMBIGUOUS or text.isspace():
            continue
        first = text[:1]
        return (first.isupper() or first.isdigit() or text in _OPEN) and text not in _MONTHS
    return False


@Language.factory("coalition_sentences")
def make_news_sentences(nlp: Language, name: str) -> NewsSentences:
    return NewsSentences()

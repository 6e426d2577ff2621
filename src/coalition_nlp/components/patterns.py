"""Matcher patterns for lexicon forms, tokenized once and then read from the cache."""
from __future__ import annotations

import hashlib
from typing import Iterable

from spacy.language import Language
from spacy.tokenizer import Tokenizer

from .. import cache


class PatternArrays:
    """Lexicon forms as the ``PhraseMatcher`` takes them: the ORTH hashes of their tokens.

    Tokenizing the tens of thousands of forms takes seconds, so the hashes are cached per
    tokenizer (a model may split words differently); forms the cache lacks are tokenized
    with a copy of ``nlp``'s tokenizer, since tokenizing them with the pipeline's own
    fills its cache and makes every article afterwards tokenize at half the speed.
    """

    def __init__(self, nlp: Language):
        self._nlp = nlp
        rules = nlp.tokenizer.to_bytes(exclude=["vocab"])  # the rules only: the vocab grows with use
        self._name = "patterns-" + hashlib.sha256(rules).hexdigest()[:16]
        self._rules = rules
        known = cache.read(self._name)
        self._known: dict[str, list[int]] = known if isinstance(known, dict) else {}
        self._tokenizer: Tokenizer | None = None
        self._added = False

    def __call__(self, forms: Iterable[str]) -> list[list[int]]:
        return [self._known.get(form) or self._tokenize(form) for form in forms]

    def _tokenize(self, form: str) -> list[int]:
        if self._tokenizer is None:
            self._tokenizer = Tokenizer(self._nlp.vocab)
            self._tokenizer.from_bytes(self._rules, exclude=["vocab"])
        self._known[form] = hashes = [t.orth for t in self._tokenizer(form)]
        self._added = True
        return hashes

    def save(self) -> None:
        """Write the cache when forms were added (a first start, or changed resources)."""
        if self._added:
            cache.write(self._name, self._known)
            self._added = False

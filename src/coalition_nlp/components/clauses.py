"""The clause analysis (:mod:`coalition_nlp.syntax`) as a pipeline step, so that a pipeline
lists it; it only makes sure the doc has an analysis, whose sentences are analysed when a
later component first asks about them."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..syntax.analysis import analysis


class Clauses:
    def __call__(self, doc: Doc) -> Doc:
        analysis(doc)
        return doc


@Language.factory("coalition_clauses")
def make_clauses(nlp: Language, name: str) -> Clauses:
    return Clauses()

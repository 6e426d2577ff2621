"""Which spaCy pipeline runs: a named or saved model with our components, or the embedded default.

The embedded default (spaCy's German tokenizer plus the project's rule components and
language data) does the whole job offline; a statistical model such as
``de_core_news_lg`` adds its entities, which the actor component merges with its rules.
"""
from __future__ import annotations

import logging
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers the Doc/Span attributes)
from .components import register_all

log = logging.getLogger("coalition_nlp")

PREFERRED_MODEL = "de_core_news_lg"
EMBEDDED = "embedded"
ENV_VAR = "COALITION_NLP_MODEL"

# Our components in the order they depend on each other.
COMPONENTS = (
    "coalition_clauses",
    "coalition_actors",
    "coalition_numbers",
    "coalition_money",
    "coalition_pledge_kinds",
    "coalition_troops",
    "coalition_meetings",
)


class ModelNotFoundError(ValueError):
    """A model was asked for by name or path and cannot be loaded."""


def resolve_model_name(model: str | None = None) -> str:
    """The model to use: the argument, else ``$COALITION_NLP_MODEL``, else the preferred
    model when installed, else the embedded default."""
    chosen = model or os.environ.get(ENV_VAR) or None
    if chosen:
        return chosen
    return PREFERRED_MODEL if spacy.util.is_package(PREFERRED_MODEL) else EMBEDDED


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """A ready pipeline; loaded once per process and model name."""
    name = resolve_model_name(model)
    register_all()
    if name == EMBEDDED:
        nlp = spacy.blank("de")
        nlp.add_pipe("coalition_sentences")
    else:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ModelNotFoundError(f"cannot load spaCy model {name!r}: {exc}") from None
        # The parser respects sentence starts set before it; a senter would overwrite them.
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("coalition_sentences", before="parser")
        else:
            nlp.add_pipe("coalition_sentences", last=True)
    for component in COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component)
    log.info("coalition_nlp: using %s pipeline (%s)", "embedded default" if name == EMBEDDED else "model", name)
    nlp.meta.setdefault("coalition_nlp", {})["model"] = name
    return nlp

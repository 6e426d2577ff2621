"""Fixtures shared by several test modules."""
from __future__ import annotations

import pytest
import spacy

from coalition_nlp.components import register_all


@pytest.fixture(scope="session")
def nlp():
    """Sentences and actors only: what the actor rule tests need, cheap to build once.

    A module that needs another pipeline defines its own ``nlp`` fixture.
    """
    register_all()
    pipeline = spacy.blank("de")
    pipeline.add_pipe("coalition_sentences")
    pipeline.add_pipe("coalition_actors")
    return pipeline

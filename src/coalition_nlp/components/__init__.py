"""The project's spaCy components, each a registered factory.

Importing a module registers its factory; :func:`register_all` imports them all so that
``nlp.add_pipe("coalition_actors")`` works in a user's own pipeline too.
"""
from __future__ import annotations

import importlib

MODULES = ("sentences", "clauses", "actors", "numbers", "money", "pledge_kinds", "troops", "meetings")


def register_all() -> None:
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}")

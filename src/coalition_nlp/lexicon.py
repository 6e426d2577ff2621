"""Language data from ``resources/``, read once per process.

Components never open files themselves: they ask this module, so that every word list
lives in one data file and is parsed exactly once.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

_PKG = "coalition_nlp.resources"


def _read_text(name: str) -> str:
    return resources.files(_PKG).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """A JSON resource, e.g. ``load_json("numbers.json")``."""
    return json.loads(_read_text(name))


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """A TSV resource with a header row; blank lines and ``#`` comments are skipped."""
    lines = [ln for ln in _read_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return tuple(dict(zip(header, ln.split("\t"))) for ln in lines[1:])


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """A one-entry-per-line resource; blank lines and ``#`` comments are skipped."""
    return tuple(
        ln.strip() for ln in _read_text(name).splitlines() if ln.strip() and not ln.startswith("#")
    )

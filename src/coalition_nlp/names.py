"""Comparing names as different articles and annotations write them."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Case, diacritics and hyphens folded, white space collapsed: "Al-Dschafari" ~
    "al-Dschafari", "François" ~ "Francois"."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("-", " ").split())


def person_matches(predicted: str, gold: str) -> bool:
    """The same person (spec §4): folded names equal or token-set similarity >= 90, but a
    bare surname never matches a full name."""
    p, g = fold(predicted), fold(gold)
    if p == g:
        return True
    if (len(p.split()) == 1) != (len(g.split()) == 1):
        return False  # a bare surname never matches a full name
    return fuzz.token_set_ratio(p, g) >= 90

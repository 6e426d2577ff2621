"""Which words name a meeting: a meeting noun ("Treffen", "Gipfel") or a compound ending
in one ("Außenministertreffen"), not in an idiom ("zum Treffen bringen"). Asked of every
word of every sentence, so decided once per word form."""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import load_json

_M = load_json("meetings.json")

_NOUNS = frozenset(_M["nouns"])
_HEADS = tuple(_M["compound_heads"])
_EXCLUDED_MODIFIERS = tuple(_M["excluded_modifiers"])
_IDIOMS: dict[str, list[str]] = _M["idioms"]


def meeting_noun_at(view, i: int) -> bool:
    """Token ``i`` of a doc's view is a meeting noun (capitalised, not in an idiom)."""
    if not view.texts[i][:1].isupper():
        return False
    low = view.lowers[i]
    if i > 0 and view.lowers[i - 1] in _IDIOMS.get(low, ()):
        return False
    return _meeting_word(low)


@lru_cache(maxsize=65536)
def _meeting_word(low: str) -> bool:
    """A meeting noun or a compound of one ("Außenministertreffen"); asked of every word."""
    if low in _NOUNS:
        return True
    for head in _HEADS:
        if low.endswith(head) and len(low) > len(head):
            modifier = low[: -len(head)].strip("-")
            return bool(modifier) and not any(m in modifier for m in _EXCLUDED_MODIFIERS)
    return False

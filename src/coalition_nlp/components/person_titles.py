"""What the words around a name say about its bearer: the office and whether it is a
state's, and the state or organisation the title or a body next to it names
("US-Außenminister", "der Außenminister Frankreichs", "im US-Außenamt")."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .countries import ADJECTIVE, NAME
from .person_context import PersonContext


@dataclass
class Title:
    """What the words around a name say about its bearer."""

    role: str | None = None
    state_actor: bool = False
    iso: str | None = None  # a state the title or a bracket names explicitly
    org: bool = False  # the title belongs to an organisation: no state by context
    party: str | None = None
    anchor: int = 0  # first token of the title phrase, for the sentence context


def title_at(doc: Doc, start: int, end: int, ctx: PersonContext) -> Title:
    span = doc[start:end]
    office = ctx.lex.office(span.text)
    title = Title(anchor=start)
    if office is not None:
        title.role, title.state_actor = office.role, bool(office.state_actor)
    for k in range(start, end):
        _take_state(k, ctx, title)
    k = start - 1
    while k >= 0 and start - k <= 3 and not title.iso and not title.org:
        tok = doc[k]
        if _take_state(k, ctx, title, genitive_only=True):
            title.anchor = k
            break
        if not (tok.text.islower() and tok.text.endswith(("e", "en", "er", "es", "em", "s"))):
            break
        k -= 1
    return title


def _take_state(k: int, ctx: PersonContext, title: Title, genitive_only: bool = False) -> bool:
    """The state (or organisation) token ``k`` contributes to a title; True if it did."""
    if k in ctx.org_tokens and not any(m.kind != ADJECTIVE for m in ctx.country_at.get(k, ())):
        title.org = title.org or not title.iso
        return True
    for mention in ctx.country_at.get(k, ()):
        if genitive_only and mention.kind == NAME and not mention.span.text.endswith(("s", "’", "'")):
            continue
        mention.affiliation = True
        title.iso = title.iso or mention.iso
        return True
    return False


def gap_states(tokens: range, ctx: PersonContext, title: Title) -> None:
    """The state of the body named next to a title ("im US-Außenamt") is the one acted for."""
    for k in tokens:
        if not title.iso and _take_state(k, ctx, title) and title.iso:
            title.state_actor = True


def merged(title: Title, other: Title | None) -> Title:
    if other is not None:
        title.party = title.party or other.party
        title.iso = title.iso or other.iso
    return title

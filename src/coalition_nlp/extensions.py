"""The attributes the components and the normaliser exchange on ``Doc`` and ``Span``.

Registered in one place at import, so that any component can be added to a user's own
pipeline without the others.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

# Span groups the components fill; ``normalize`` reads them.
ACTORS = "actors"          # labels PERSON, COUNTRY, ORG
NUMBERS = "numbers"        # Span._.number: parse.numbers.NumberMatch
MONEY = "money"            # Span._.money: parse.money.MoneyMatch
DATES = "dates"            # Span._.date: parse.dates.DateMatch
MEETINGS = "meetings"      # Span._.event: dict of Meeting fields
TROOPS = "troops"          # Span._.event: dict of TroopCommitment fields
PLEDGES = "pledges"        # Span._.event: dict of MoneyPledge fields

PERSON, COUNTRY, ORG = "PERSON", "COUNTRY", "ORG"

_DOC = ("article_id", "published", "place", "agency", "headline")
_SPAN = ("iso", "canonical", "role", "party", "number", "money", "date", "event")


def register() -> None:
    for name in _DOC:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in _SPAN:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()

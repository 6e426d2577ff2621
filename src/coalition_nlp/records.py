"""The output contract (``shared/spec/records.md`` §1) as pydantic models.

These models are the single source of truth for the format: the JSONL writer, the
JSON Schema (``coalition-nlp schema``) and the evaluation all go through them.
"""
from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = 1


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Span(_Record):
    """A piece of the article text; ``text == article_text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ActorType(str, Enum):
    person = "person"
    country = "country"
    organization = "organization"


class MeetingStatus(str, Enum):
    held = "held"
    planned = "planned"


class TroopStatus(str, Enum):
    announced = "announced"
    planned = "planned"
    current = "current"


class ArticleInfo(_Record):
    id: str
    source_path: Optional[str] = None
    headline: Optional[str] = None
    place: Optional[str] = None
    agency: Optional[str] = None
    published: Optional[str] = Field(
        default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD"
    )
    text_sha256: str


class Actor(_Record):
    id: str
    type: ActorType
    name: str
    country: Optional[str] = Field(default=None, description="ISO 3166-1 alpha-3")
    roles: list[str] = Field(default_factory=list)
    party: Optional[str] = None
    mentions: list[Span] = Field(default_factory=list)


class Size(_Record):
    value: int
    approx: bool = False
    unit: Optional[str] = None


class _Identified(_Record):
    id: str


class _Evidenced(_Record):
    evidence: list[Span] = Field(default_factory=list)


# The fields of each event kind, shared by the article records below and the corpus
# records (coalition_nlp.corpus), which carry other ids and sourced evidence.


class MeetingFields(_Record):
    status: MeetingStatus
    location: Optional[str] = None
    venue: Optional[str] = None
    date: Optional[str] = None
    date_text: Optional[str] = None
    participants: list[str] = Field(default_factory=list, description="actor ids")
    size: Optional[Size] = None


class TroopFields(_Record):
    country: Optional[str] = Field(default=None, description="ISO alpha-3 of the sending state")
    actor: Optional[str] = Field(default=None, description="actor id of who announced it")
    personnel: str
    change: Optional[int] = Field(default=None, description="increase (+) or cut (-)")
    total: Optional[int] = Field(default=None, description="resulting or current strength")
    approx: bool = False
    destination: list[str] = Field(default_factory=list)
    status: TroopStatus


class PledgeFields(_Record):
    donor: Optional[str] = Field(default=None, description="ISO alpha-3 or organisation name")
    donor_actor: Optional[str] = None
    amount: float
    currency: str = Field(description="ISO 4217")
    approx: bool = False
    purpose: Optional[str] = None
    recipient: Optional[str] = None
    collective: bool = Field(default=False, description="the donor is a group (Geber, internationale Gemeinschaft)")
    total_of_others: bool = Field(default=False, description="a total that sums other pledges (insgesamt, zusammen)")
    amount_eur: Optional[float] = Field(default=None, description="at the ECB rate of rate_date (coalition_nlp.fx)")
    amount_usd: Optional[float] = Field(default=None, description="at the ECB rate of rate_date")
    rate_date: Optional[str] = Field(default=None, description="the ECB day whose rate converts; null: no rate")


# Field order is id, the kind's fields, evidence (bases are read right to left).


class Meeting(_Evidenced, MeetingFields, _Identified):
    pass


class TroopCommitment(_Evidenced, TroopFields, _Identified):
    pass


class MoneyPledge(_Evidenced, PledgeFields, _Identified):
    pass


class ArticleExtraction(_Record):
    schema_version: int = SCHEMA_VERSION
    article: ArticleInfo
    actors: list[Actor] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    troop_commitments: list[TroopCommitment] = Field(default_factory=list)
    money_pledges: list[MoneyPledge] = Field(default_factory=list)
    # The text the offsets point into, kept in memory for display (not part of the output).
    _text: Optional[str] = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        """Data only: the in-memory text is not part of the record, so a result read back
        from its own JSON equals it."""
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __str__(self) -> str:
        from .summary import describe

        return describe(self)

    def to_json_line(self) -> str:
        """One compact JSON line, as the batch output holds it."""
        return self.model_dump_json()

    def to_frames(self) -> dict:
        """pandas DataFrames by table name (needs the ``tables`` extra)."""
        from .sinks.tables import frames

        return frames([self])

    def _repr_html_(self) -> str:
        """The article with its records highlighted, for notebooks."""
        from .display import article_html

        return article_html(self)

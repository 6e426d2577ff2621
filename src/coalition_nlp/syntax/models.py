"""What the clause analysis says of a clause and its phrases."""
from __future__ import annotations

from dataclasses import dataclass, field

@dataclass
class Phrase:
    """A prepositional phrase: its role ("place", "direction", "source", "recipient",
    "partner", "opponent", "topic", "time", "agent") and the noun phrase after the preposition."""

    role: str
    prep: int
    start: int
    end: int


@dataclass
class Clause:
    start: int
    end: int
    kind: str  # "main", "sub", "relative", "infinitive", "bracket"
    quoted: bool = False
    finite: int | None = None
    verb: str | None = None  # lemma of the full verb, particle rejoined: "zusagen"
    tense: str | None = None  # "present", "past", "future", "subj"
    mood: str = "indicative"  # "subjunctive" (Konjunktiv I), "conditional" (Konjunktiv II)
    modality: str | None = None  # "wollen", "sollen", ..., or a plan verb: "planen"
    negated: bool = False
    passive: bool = False
    subject: tuple[int, int] | None = None
    objects: dict[str, tuple[int, int]] = field(default_factory=dict)  # "dative", "accusative"
    phrases: list[Phrase] = field(default_factory=list)
    # Verbless pieces after a comma that share this clause's verb: a list or an apposition,
    # or a gapped clause with a subject of its own (", Katar 100 Millionen Dollar").
    gaps: list[tuple[int, int]] = field(default_factory=list)
    brackets: list[tuple[int, int]] = field(default_factory=list)  # clauses of their own inside this one

    def tokens(self) -> list[int]:
        """Its own tokens: those of brackets inside it left out."""
        return [k for k in range(self.start, self.end) if not any(s <= k < e for s, e in self.brackets)]

    def __contains__(self, i: int) -> bool:
        return self.start <= i < self.end

    def role_at(self, i: int) -> str | None:
        """The role of the phrase token ``i`` stands in: "subject" or a phrase role."""
        if self.subject and self.subject[0] <= i < self.subject[1]:
            return "subject"
        return next((p.role for p in self.phrases if p.start <= i < p.end or p.prep == i), None)

    def phrases_of(self, role: str) -> list[Phrase]:
        return [p for p in self.phrases if p.role == role]

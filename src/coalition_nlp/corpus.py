"""One view of many articles: the same person, state, meeting or pledge becomes one record.

Articles are merged in order, one at a time (:class:`CorpusBuilder`), so a batch run can
feed the corpus while it streams; names, ids and reported figures are settled at the
end (:meth:`CorpusBuilder.build`) so that they do not depend on the order of articles.

How the merge decides (each rule is deliberately conservative: two records stay apart
unless the evidence says they are one):

- states by ISO code, organisations by canonical (folded) name;
- persons by name (:func:`coalition_nlp.evaluate.person_matches`: folded equality or
  rapidfuzz token-set similarity >= 90), never across conflicting countries; a fuzzy
  match or a bare surname also needs agreement on the country or on an office;
- meetings when no source contradicts another (a different place, an incompatible
  date) and at least two signals agree: the same place, the same date, shared persons
  among the participants (one shared person is one signal, two are two);
- troop numbers: same state, personnel and status, and the same change or total;
  pledges: same donor and currency, and the same amount or the same stated purpose; the
  amount in EUR/USD is that of the source whose amount is reported, converted at the rate
  of that source's publication date.

Where merged sources give different figures, each value is kept with its source
(:class:`Dispute`) and the corpus reports the one most sources give, then an exact over
an approximate figure, then the one from the most recently published article.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

from .names import fold, person_matches
from .records import (
    Actor,
    ArticleExtraction,
    ArticleInfo,
    Meeting,
    MeetingFields,
    MoneyPledge,
    PledgeFields,
    Size,
    TroopCommitment,
    TroopFields,
)

Number = Union[int, float]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    """A record in one article that went into a corpus record."""

    article: str
    record: str


class SourcedSpan(_Model):
    article: str
    text: str
    start: int
    end: int


class SourcedValue(_Model):
    value: Number
    approx: bool = False
    article: str
    record: str


class Dispute(_Model):
    """Sources that disagree on a figure, and which value the corpus reports and why."""

    field: str
    values: list[SourcedValue]
    reported: Number
    reason: str


class CorpusActor(_Model):
    id: str
    type: str
    name: str
    country: Optional[str] = None
    roles: list[str] = Field(default_factory=list)
    party: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    mentions: list[SourcedSpan] = Field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({s.article for s in self.sources})


class _Event(_Model):
    id: str
    sources: list[Source] = Field(default_factory=list)
    evidence: list[SourcedSpan] = Field(default_factory=list)
    disputes: list[Dispute] = Field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({s.article for s in self.sources})


class CorpusMeeting(_Event, MeetingFields):
    """Participants are corpus actor ids."""


class CorpusTroopCommitment(_Event, TroopFields):
    """``actor`` is a corpus actor id; ``country_actor`` the sending state's."""

    country_actor: Optional[str] = Field(default=None, description="corpus actor id of the sending state")


class CorpusMoneyPledge(_Event, PledgeFields):
    """``donor_actor`` is a corpus actor id."""


class Corpus(_Model):
    articles: list[ArticleInfo] = Field(default_factory=list)
    actors: list[CorpusActor] = Field(default_factory=list)
    meetings: list[CorpusMeeting] = Field(default_factory=list)
    troop_commitments: list[CorpusTroopCommitment] = Field(default_factory=list)
    money_pledges: list[CorpusMoneyPledge] = Field(default_factory=list)

    @classmethod
    def from_extractions(cls, results: Iterable[ArticleExtraction]) -> "Corpus":
        builder = CorpusBuilder()
        for result in results:
            builder.add(result)
        return builder.build()

    def actor(self, name: str) -> CorpusActor:
        """The corpus actor called ``name`` (or having it as an alias)."""
        for a in self.actors:
            if fold(name) in {fold(a.name), *map(fold, a.aliases)}:
                return a
        raise KeyError(name)

    def to_frames(self):
        """pandas DataFrames (needs the ``tables`` extra)."""
        from .sinks.tables import corpus_frames

        return corpus_frames(self)

    def _repr_html_(self) -> str:
        from .display import corpus_html

        return corpus_html(self)

    def write(self, folder: Union[str, Path], fmt: str = "jsonl") -> None:
        """``corpus.json`` into ``folder``, and the corpus tables too for ``parquet``/``duckdb``."""
        from .sinks.tables import write_corpus

        write_corpus(self, Path(folder), fmt)

    def to_json(self) -> str:
        return json.dumps(self.model_dump(), ensure_ascii=False, indent=1)


# --- actors -------------------------------------------------------------------------

class _ActorDraft:
    def __init__(self, actor: Actor):
        self.type = actor.type
        self.names: Counter[str] = Counter()
        self.countries: Counter[str] = Counter()
        self.roles: dict[str, None] = {}
        self.parties: Counter[str] = Counter()
        self.sources: list[Source] = []
        self.mentions: list[SourcedSpan] = []

    @property
    def country(self) -> Optional[str]:
        return self.countries.most_common(1)[0][0] if self.countries else None

    def add(self, article: str, actor: Actor) -> None:
        self.names[actor.name] += 1
        if actor.country:
            self.countries[actor.country] += 1
        self.roles.update(dict.fromkeys(actor.roles))
        if actor.party:
            self.parties[actor.party] += 1
        self.sources.append(Source(article=article, record=actor.id))
        self.mentions += [SourcedSpan(article=article, **m.model_dump()) for m in actor.mentions]

    def name(self) -> str:
        # A person's fullest name, a state's or organisation's most frequent one.
        if self.type == "person":
            key = lambda n: (-len(n.split()), -self.names[n], n)  # noqa: E731
        else:
            key = lambda n: (-self.names[n], n)  # noqa: E731
        return sorted(self.names, key=key)[0]

    def aliases(self) -> list[str]:
        texts = set(self.names) | {m.text for m in self.mentions}
        if self.type == "person":  # "der US-Außenminister" is a mention, not a name
            tokens = {t for n in self.names for t in fold(n).split()}
            texts = {t for t in texts if set(fold(t).split()) <= tokens}
        return sorted(texts)


def _person_score(draft: _ActorDraft, actor: Actor) -> int:
    """0: different persons; otherwise higher for stronger evidence of one person."""
    if draft.country and actor.country and draft.country != actor.country:
        return 0
    agree = bool(draft.country and draft.country == actor.country) or bool(set(draft.roles) & set(actor.roles))
    name = fold(actor.name)
    best = 0
    for known in draft.names:
        other = fold(known)
        if other == name:
            best = max(best, 3)
        elif person_matches(actor.name, known) and agree:
            best = max(best, 2)
        elif agree and (len(name.split()) == 1) != (len(other.split()) == 1):
            short, full = sorted((name, other), key=len)
            if full.split()[-1] == short:
                best = max(best, 1)
    return best


def _actor_key(actor: Actor) -> Optional[str]:
    if actor.type == "country":
        return f"country:{actor.country or fold(actor.name)}"
    if actor.type == "organization":
        return f"organization:{fold(actor.name)}"
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


# --- events ---------------------------------------------------------------------------

def _dates_compatible(a: Optional[str], b: Optional[str]) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _close(a: Optional[Number], b: Optional[Number], tolerance: float) -> bool:
    return a is not None and b is not None and abs(a - b) <= tolerance * max(abs(a), abs(b))


class _Group:
    """Records from several articles that report one event."""

    def __init__(self, article: str, record, published: Optional[str]):
        self.members: list[tuple[str, object, Optional[str]]] = [(article, record, published)]

    @property
    def articles(self) -> set[str]:
        return {a for a, _, _ in self.members}


def _settle(field: str, group: _Group, value: Callable, approx: Callable) -> tuple[Optional[Number], bool, Optional[Dispute]]:
    """The figure the corpus reports for ``field``, and the dispute when sources differ."""
    seen = [
        (SourcedValue(value=value(r), approx=approx(r), article=a, record=r.id), published or "")
        for a, r, published in group.members
        if value(r) is not None
    ]
    if not seen:
        return None, False, None
    distinct = sorted({v.value for v, _ in seen})
    if len(distinct) == 1:
        return distinct[0], all(v.approx for v, _ in seen), None
    by_value = {d: [(v, p) for v, p in seen if v.value == d] for d in distinct}

    def rank(d):
        items = by_value[d]
        return (len(items), any(not v.approx for v, _ in items), max(p for _, p in items))

    ordered = sorted(distinct, key=rank, reverse=True)
    best, runner_up = ordered[0], ordered[1]
    (n1, exact1, pub1), (n2, exact2, _) = rank(best), rank(runner_up)
    if n1 > n2:
        reason = f"given by {n1} of {len(seen)} sources"
    elif exact1 != exact2:
        reason = "an exact figure is preferred over an approximate one"
    elif pub1:
        reason = f"from the most recently published source ({pub1})"
    else:
        reason = "no source is preferred: the first of the equally supported values"
        best = min((v for v, _ in seen if v.value in (best, runner_up)), key=lambda v: v.article).value
    values = [v for v, _ in seen]
    dispute = Dispute(field=field, values=values, reported=best, reason=reason)
    return best, all(v.approx for v in values if v.value == best), dispute


class CorpusBuilder:
    """Adds articles one at a time; :meth:`build` settles names, ids and figures."""

    def __init__(self) -> None:
        self._articles: list[ArticleInfo] = []
        self._drafts: list[_ActorDraft] = []
        self._keyed: dict[str, _ActorDraft] = {}
        self._draft_of: dict[tuple[str, str], _ActorDraft] = {}
        self._meetings: list[_Group] = []
        self._troops: list[_Group] = []
        self._pledges: list[_Group] = []

    def add(self, result: ArticleExtraction) -> None:
        article = result.article.id
        self._articles.append(result.article)
        # Full names first, so that a bare surname finds the person it abbreviates.
        for actor in sorted(result.actors, key=lambda a: len(a.name.split()) == 1):
            draft = self._find_actor(actor)
            if draft is None:
                draft = _ActorDraft(actor)
                self._drafts.append(draft)
                key = _actor_key(actor)
                if key:
                    self._keyed[key] = draft
            draft.add(article, actor)
            self._draft_of[article, actor.id] = draft
        published = result.article.published
        for meeting in result.meetings:
            self._place(self._meetings, article, meeting, published, self._same_meeting)
        for troop in result.troop_commitments:
            self._place(self._troops, article, troop, published, _same_troops)
        for pledge in result.money_pledges:
            self._place(self._pledges, article, pledge, published, self._same_pledge)

    write = add  # so that a batch run can use the builder as one more sink

    def _find_actor(self, actor: Actor) -> Optional[_ActorDraft]:
        key = _actor_key(actor)
        if key is not None:
            return self._keyed.get(key)
        scored = [(s, d) for d in self._drafts if d.type == "person" and (s := _person_score(d, actor))]
        if not scored:
            return None
        scored.sort(key=lambda x: -x[0])
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None  # two people fit equally well: better two actors than a wrong merge
        return scored[0][1]

    def _corpus_draft(self, article: str, actor_id: Optional[str]) -> Optional[_ActorDraft]:
        return self._draft_of.get((article, actor_id)) if actor_id else None

    @staticmethod
    def _place(groups: list[_Group], article: str, record, published, same: Callable) -> None:
        for group in groups:
            if article in group.articles:
                continue  # the extractor already told apart the records of one article
            scores = [same(article, record, a, r) for a, r, _ in group.members]
            if all(s is not None for s in scores) and max(scores) >= 2:
                group.members.append((article, record, published))
                return
        groups.append(_Group(article, record, published))

    def _persons(self, article: str, meeting: Meeting) -> set[int]:
        drafts = (self._corpus_draft(article, p) for p in meeting.participants)
        return {id(d) for d in drafts if d is not None and d.type == "person"}

    def _same_meeting(self, art_a: str, a: Meeting, art_b: str, b: Meeting) -> Optional[int]:
        """None when the two contradict each other, else the number of agreeing signals."""
        if a.location and b.location and fold(a.location) != fold(b.location):
            return None
        if not _dates_compatible(a.date, b.date):
            return None
        shared = len(self._persons(art_a, a) & self._persons(art_b, b))
        same_place = bool(a.location and b.location)
        same_date = bool(a.date and b.date)
        return same_place + same_date + min(shared, 2)

    def _same_pledge(self, art_a: str, a: MoneyPledge, art_b: str, b: MoneyPledge) -> Optional[int]:
        donor_a, donor_b = self._corpus_draft(art_a, a.donor_actor), self._corpus_draft(art_b, b.donor_actor)
        same_donor = donor_a is donor_b if donor_a and donor_b else fold(a.donor) == fold(b.donor)
        if not same_donor or a.currency != b.currency or not a.donor:
            return None
        if a.recipient and b.recipient and a.recipient != b.recipient:
            return None
        same_purpose = bool(a.purpose and b.purpose and fold(a.purpose) == fold(b.purpose))
        return 2 if _close(a.amount, b.amount, 0.005) or same_purpose else 0

    def build(self) -> Corpus:
        ids: dict[int, str] = {}
        actors = []
        for draft in self._drafts:
            name = draft.name()
            base = f"{draft.type}:{_slug(draft.country or name) if draft.type == 'country' else _slug(name)}"
            actor_id = base if base not in ids.values() else f"{base}-{_slug(draft.country or str(len(ids)))}"
            ids[id(draft)] = actor_id
            actors.append(CorpusActor(
                id=actor_id, type=draft.type, name=name, country=draft.country, roles=list(draft.roles),
                party=draft.parties.most_common(1)[0][0] if draft.parties else None,
                aliases=draft.aliases(), sources=draft.sources, mentions=draft.mentions,
            ))

        def corpus_id(article: str, local: Optional[str]) -> Optional[str]:
            draft = self._corpus_draft(article, local)
            return ids[id(draft)] if draft else None

        def state_id(iso: Optional[str]) -> Optional[str]:
            draft = self._keyed.get(f"country:{iso}") if iso else None
            return ids[id(draft)] if draft else None

        def common(group: _Group, prefix: str, number: int) -> dict:
            return {
                "id": f"{prefix}{number}",
                "sources": [Source(article=a, record=r.id) for a, r, _ in group.members],
                "evidence": [SourcedSpan(article=a, **s.model_dump()) for a, r, _ in group.members for s in r.evidence],
            }

        def first(group: _Group, get: Callable):
            return next((get(r) for _, r, _ in group.members if get(r)), None)

        meetings = []
        for n, group in enumerate(self._meetings, 1):
            size_value, size_approx, dispute = _settle(
                "size", group, lambda m: m.size.value if m.size else None, lambda m: bool(m.size and m.size.approx)
            )
            unit = next((m.size.unit for _, m, _ in group.members if m.size and m.size.value == size_value), None)
            participants = dict.fromkeys(
                pid for a, m, _ in group.members for p in m.participants if (pid := corpus_id(a, p))
            )
            meetings.append(CorpusMeeting(
                **common(group, "M", n),
                disputes=[dispute] if dispute else [],
                status="held" if any(m.status == "held" for _, m, _ in group.members) else "planned",
                location=first(group, lambda m: m.location), venue=first(group, lambda m: m.venue),
                date=max((m.date for _, m, _ in group.members if m.date), key=len, default=None),
                date_text=first(group, lambda m: m.date_text), participants=list(participants),
                size=Size(value=size_value, approx=size_approx, unit=unit) if size_value is not None else None,
            ))

        troops = []
        for n, group in enumerate(self._troops, 1):
            change, change_approx, d1 = _settle("change", group, lambda t: t.change, lambda t: t.approx)
            total, total_approx, d2 = _settle("total", group, lambda t: t.total, lambda t: t.approx)
            _, lead, _ = group.members[0]
            troops.append(CorpusTroopCommitment(
                **common(group, "T", n), disputes=[d for d in (d1, d2) if d],
                country=lead.country, country_actor=state_id(lead.country),
                actor=next((c for a, t, _ in group.members if (c := corpus_id(a, t.actor))), None),
                personnel=lead.personnel, change=change, total=total,
                approx=change_approx if change is not None else total_approx,
                destination=list(dict.fromkeys(d for _, t, _ in group.members for d in t.destination)),
                status=lead.status,
            ))

        pledges = []
        for n, group in enumerate(self._pledges, 1):
            amount, approx, dispute = _settle("amount", group, lambda p: p.amount, lambda p: p.approx)
            _, lead, _ = group.members[0]
            # The source of the reported amount, a dated one (with a rate) where there is one.
            reported = max((p for _, p, _ in group.members if p.amount == amount), key=lambda p: p.amount_eur is not None)
            pledges.append(CorpusMoneyPledge(
                **common(group, "P", n), disputes=[dispute] if dispute else [],
                donor=lead.donor,
                donor_actor=next((c for a, p, _ in group.members if (c := corpus_id(a, p.donor_actor))), None)
                or state_id(lead.donor),
                amount=amount, currency=lead.currency, approx=approx,
                purpose=first(group, lambda p: p.purpose), recipient=first(group, lambda p: p.recipient),
                collective=lead.collective, total_of_others=any(p.total_of_others for _, p, _ in group.members),
                amount_eur=reported.amount_eur, amount_usd=reported.amount_usd, rate_date=reported.rate_date,
            ))
        return Corpus(
            articles=self._articles, actors=actors, meetings=meetings,
            troop_commitments=troops, money_pledges=pledges,
        )


def _same_troops(art_a: str, a: TroopCommitment, art_b: str, b: TroopCommitment) -> Optional[int]:
    if not a.country or a.country != b.country or a.status != b.status:
        return None
    if fold(a.personnel) != fold(b.personnel):
        return None
    if a.destination and b.destination and not set(a.destination) & set(b.destination):
        return None
    return 2 if _close(a.change, b.change, 0.01) or _close(a.total, b.total, 0.01) else 0

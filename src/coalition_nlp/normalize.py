"""Doc -> :class:`ArticleExtraction`: mentions become actors, event spans become records.

The only place that builds records. Components hand over span groups whose
``Span._.event`` dicts name actors by their mention spans (or a state by its ISO
code); here those references become actor ids and each record gets its evidence.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable, NamedTuple

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span as SpacySpan

from . import extensions as ext
from .components.view import doc_view
from .fx import convert
from .ingest import Article
from .lexicon import get_lexicon
from .names import fold
from .records import (
    Actor,
    ArticleExtraction,
    ArticleInfo,
    Meeting,
    MoneyPledge,
    Span,
    TroopCommitment,
)

_TYPES = {ext.PERSON: "person", ext.COUNTRY: "country", ext.ORG: "organization"}


def to_span(text: str, start: int, end: int) -> Span:
    """A record span with surrounding white space trimmed, so ``text[start:end]`` holds
    (offsets and text checked by construction: built without pydantic's validation, which the
    record tests apply to the whole output)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.model_construct(text=text[start:end], start=start, end=end)


def _key(span: SpacySpan) -> tuple[int, int]:
    return (span.start_char, span.end_char)


class _Mention(NamedTuple):
    """An actor mention's span attributes, read once (each read makes a spaCy object)."""

    start: int
    end: int
    label: str
    iso: str | None
    name: str
    role: str | None
    party: str | None


def _mentions(doc: Doc) -> list[_Mention]:
    found = []
    for span in doc.spans[ext.ACTORS]:
        attrs = span._
        found.append(_Mention(span.start_char, span.end_char, span.label_, attrs.iso,
                              attrs.canonical or span.text, attrs.role, attrs.party))
    return sorted(found, key=lambda m: (m.start, -m.end))


class _Actors:
    """Clusters of mentions, one per real entity, with a lookup from mention to actor id."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.actors: list[Actor] = []
        self.by_mention: dict[tuple[int, int], str] = {}
        self.by_country: dict[str, str] = {}
        self._build(_mentions(doc))

    def _build(self, mentions: list[_Mention]) -> None:
        clusters: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
        for m in mentions:
            key = (m.label, m.iso) if m.label == ext.COUNTRY and m.iso else (m.label, m.name)
            clusters[key].append(m)
        _merge_person_variants(clusters)
        ordered = sorted(clusters.items(), key=lambda kv: min(m.start for m in kv[1]))
        lexicon = get_lexicon()
        text = doc_view(self.doc).text
        for number, ((label, name), members) in enumerate(ordered, start=1):
            actor_id = f"A{number}"
            country = _most_common(m.iso for m in members)
            if label == ext.COUNTRY:
                name = lexicon.country_name(name) if country else name
                self.by_country.setdefault(country, actor_id)
            self.actors.append(
                Actor.model_construct(  # values from the lexicon and the mentions: checked in the tests
                    id=actor_id,
                    type=_TYPES[label],
                    name=name,
                    country=country,
                    roles=list(dict.fromkeys(m.role for m in members if m.role)),
                    party=_most_common(m.party for m in members),
                    mentions=[to_span(text, m.start, m.end) for m in members],
                )
            )
            for m in members:
                self.by_mention[(m.start, m.end)] = actor_id

    def resolve(self, ref: Any) -> str | None:
        """An actor id for a mention span or an ISO code."""
        if ref is None:
            return None
        if isinstance(ref, SpacySpan):
            return self.by_mention.get(_key(ref)) or (
                self.by_country.get(ref._.iso) if ref._.iso else None
            )
        return self.by_country.get(ref)


def _merge_person_variants(clusters: dict[tuple[str, str], list[_Mention]]) -> None:
    """Fold part-name clusters ("Carter", "Kerrys", "Le Drian") into the one full name that
    contains them, and spelling variants of a full name into each other."""
    persons = sorted((k for k in clusters if k[0] == ext.PERSON), key=lambda k: -len(fold(k[1]).split()))
    for key in persons:
        words = fold(key[1]).split()
        variants = {tuple(words), tuple(words[:-1] + [words[-1].rstrip("s")])}
        targets = [
            k for k in persons
            if k != key and k in clusters and len(fold(k[1]).split()) > len(words)
            and any(_is_part(v, fold(k[1]).split()) for v in variants)
        ]
        if len(targets) == 1 and key in clusters:
            clusters[targets[0]].extend(clusters.pop(key))
    full = [k for k in persons if k in clusters and len(fold(k[1]).split()) > 1]
    for i, a in enumerate(full):
        for b in full[i + 1 :]:
            if a in clusters and b in clusters and fuzz.ratio(fold(a[1]), fold(b[1])) >= _SAME_NAME:
                clusters[a].extend(clusters.pop(b))


_SAME_NAME = 90  # fuzz.ratio of folded full names: transliteration variants, not namesakes (tests)


def _is_part(part: tuple[str, ...], words: list[str]) -> bool:
    n = len(part)
    return any(tuple(words[i : i + n]) == part for i in range(len(words) - n + 1))


def _most_common(values: Iterable[str | None]) -> str | None:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _evidence(doc: Doc, span: SpacySpan, extra: Iterable[SpacySpan] = ()) -> list[Span]:
    view = doc_view(doc)
    seen: dict[tuple[int, int], Span] = {}
    for s in (span, *extra):
        sent = view.sent(s.start)
        if (sent.start_char, sent.end_char) not in seen:
            seen[(sent.start_char, sent.end_char)] = to_span(view.text, sent.start_char, sent.end_char)
    return sorted(seen.values(), key=lambda e: e.start)


def _dedupe(records: list, key_fields: tuple[str, ...], loose: tuple[str, ...] = ()) -> list:
    """Repeats (a headline repeating the lead) become one record with both evidences: equal
    in ``key_fields``, and in each ``loose`` field equal or unstated in one of them ("eine
    Million geht an UNICEF, eine Million an UNDP" are two), and told in other sentences: two
    equal amounts in one sentence are two."""
    merged: dict[tuple, list] = {}
    kept = []
    for rec in records:
        key = tuple(str(getattr(rec, f)) for f in key_fields)
        same = merged.setdefault(key, [])
        first = next((m for m in same if all(
            getattr(m, f) is None or getattr(rec, f) is None or getattr(m, f) == getattr(rec, f) for f in loose
        ) and m.evidence[0] != rec.evidence[0]), None)
        if first is None:
            same.append(rec)
            kept.append(rec)
        else:
            first.evidence.extend(e for e in rec.evidence if e not in first.evidence)
    return kept


def _event_record(model: type, span: SpacySpan, actors: _Actors, refs: tuple[str, ...] = ()):
    """A record from an event span: its dict names the model's fields; actor references
    (mention spans or ISO codes) become actor ids, the span's sentences the evidence."""
    fields = dict(span._.event)
    extra = fields.pop("evidence", ())
    for key in refs:
        fields[key] = actors.resolve(fields.get(key))
    if "participants" in fields:
        found = (actors.resolve(p) for p in fields["participants"])
        fields["participants"] = list(dict.fromkeys(p for p in found if p))
    return model(id="", evidence=_evidence(span.doc, span, extra), **fields)


def build_extraction(article: Article, doc: Doc) -> ArticleExtraction:
    actors = _Actors(doc)
    troops = [_event_record(TroopCommitment, s, actors, ("actor",)) for s in doc.spans.get(ext.TROOPS, [])]
    pledges = [_event_record(MoneyPledge, s, actors, ("donor_actor",)) for s in doc.spans.get(ext.PLEDGES, [])]
    meetings = [_event_record(Meeting, s, actors) for s in doc.spans.get(ext.MEETINGS, [])]
    troops = _dedupe(troops, ("country", "personnel", "change", "total", "status", "destination"))
    pledges = _dedupe(pledges, ("donor", "amount", "currency"), loose=("recipient",))
    for pledge in pledges:
        converted = convert(pledge.amount, pledge.currency, article.header.published)
        pledge.amount_eur, pledge.amount_usd, pledge.rate_date = converted.eur, converted.usd, converted.rate_date
    for prefix, records in (("T", troops), ("P", pledges), ("M", meetings)):
        for number, rec in enumerate(records, start=1):
            rec.id = f"{prefix}{number}"
    header = article.header
    result = ArticleExtraction(
        article=ArticleInfo(
            id=article.id,
            source_path=article.source_path,
            headline=header.headline,
            place=header.place,
            agency=header.agency,
            published=header.published,
            text_sha256=article.sha256,
        ),
        actors=actors.actors,
        meetings=meetings,
        troop_commitments=troops,
        money_pledges=pledges,
    )
    result._text = article.text
    return result

"""Who is who: one person per full name, a lone surname joining the full name it ends;
then every occurrence of a part of a known name, grown to the longest run of that name, is
a mention of that person (a surname two persons share only with the full name)."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..holders import office_holder
from .person_context import PersonContext
from .person_titles import Title, merged


@dataclass
class Person:
    canonical: str
    tokens: tuple[str, ...]
    words: tuple[str, ...]  # case-folded tokens
    titles: list[tuple[int, Title]] = field(default_factory=list)  # (mention start, title)
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the name stands
    iso: str | None = None


def persons_of(doc: Doc, found, ctx: PersonContext) -> dict[str, Person]:
    """One person per full name; a lone surname joins the full name it ends. A name that
    ends in a genitive ("Emmanuel Macrons Plan") is the name without its "s", unless the
    text also writes that form where no noun follows, or it is an office holder's name as it
    stands ("Alexis Tsipras Regierung" where the table knows him)."""
    persons: dict[str, Person] = {}
    plain = {ctx.texts[e - 1] for _, e, _ in found if not ctx.genitive_before(e)}
    def order(f):  # longest first; a genitive or a leading particle after the plain form
        return -(f[1] - f[0]), ctx.genitive_before(f[1]), ctx.lex.is_name_particle(ctx.texts[f[0]])

    for start, end, title in sorted(found, key=order):
        canonical = doc[start:end].text
        tokens = tuple(t.text for t in doc[start:end])
        if ctx.genitive_before(end) and tokens[-1] not in plain and not office_holder(canonical, surname=True):
            canonical, tokens = canonical[:-1], (*tokens[:-1], tokens[-1][:-1])
        words = tuple(_fold(t) for t in tokens)
        person = _owner(persons, words) or persons.get(canonical)
        lead = 0
        while person is None and lead < len(words) - 1 and ctx.lex.is_name_particle(tokens[lead]):
            lead += 1  # "ein Sprecher von Kurz": "von" is the preposition before a known surname
            if (person := _owner(persons, words[lead:])) is not None:
                start += lead
        if person is None:
            person = persons.setdefault(canonical, Person(canonical, tokens, words))
        person.spans.append((start, end))
        if title is not None:
            person.titles.append((start, title))
    return persons


def _owner(persons: dict[str, Person], words: tuple[str, ...]) -> Person | None:
    for candidate in (words, words[:-1] + (words[-1].rstrip("s"),)):
        owners = [p for p in persons.values() if _contains(p.words, candidate)]
        if len(owners) == 1:
            return owners[0]
    return None


def mentions_of(doc: Doc, persons: dict[str, Person], found, ctx: PersonContext) -> list[Span]:
    """Every occurrence of a known name part, grown to the longest run of the same name."""
    index: dict[str, set[str]] = {}
    alone: dict[str, set[str]] = {}  # leading given names: a reference only standing alone ("Ban rief")
    for person in persons.values():
        given = 0
        while given < len(person.tokens) - 1 and ctx.lex.is_given_name(person.tokens[given]):
            given += 1
        for n, (token, word) in enumerate(zip(person.tokens, person.words)):
            if not ctx.lex.is_name_particle(token):
                (alone if n < given else index).setdefault(word, set()).add(person.canonical)
    attributes: dict[tuple[int, int], Title] = {}
    for s, e, t in found:  # an office title wins over a bare bracket on the same name
        if t is not None and (attributes.get((s, e)) is None or t.role):
            attributes[(s, e)] = merged(t, attributes.get((s, e)))
    spans: list[Span] = []
    texts = ctx.texts
    i = 0
    while i < len(doc):
        text = texts[i]
        key = _fold(text)
        capitalised = text[:1].isupper() or "-" in text
        owners = (index.get(key) or index.get(key.rstrip("s"))) if capitalised else None
        if not owners and key in alone and not _beside_name(doc, i, ctx):
            owners = alone[key]
        if not owners or i in ctx.blocked:
            i += 1
            continue
        # a surname two persons share ("Oliver Müller", "Gerd Müller") belongs to the one
        # whose full name stands here; alone it stays ambiguous and is left out
        runs = sorted(((_grow(texts, i, persons[o].words), o) for o in owners), key=lambda r: r[0][0] - r[0][1])
        (start, end), owner = runs[0]
        if len(runs) > 1 and (end - start < 2 or runs[1][0][1] - runs[1][0][0] == end - start):
            i += 1
            continue
        person = persons[owner]
        span = Span(doc, start, end, label=ext.PERSON)
        span._.canonical = person.canonical
        title = attributes.get((start, end))
        if title is not None:
            span._.role, span._.party = title.role, title.party
        spans.append(span)
        i = end
    return spans


def _fold(text: str) -> str:
    return text.casefold()


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Is ``part`` a run of consecutive words of ``words`` (and shorter)?"""
    n = len(part)
    return n < len(words) and any(words[i : i + n] == part for i in range(len(words) - n + 1))


def _grow(texts: list[str], i: int, words: tuple[str, ...]) -> tuple[int, int]:
    """The longest run around token ``i`` that spells consecutive words of the name."""
    key = _fold(texts[i])
    best = (i, i + 1)
    for pos, word in enumerate(words):
        if word not in (key, key.rstrip("s")):
            continue
        start, end = i, i + 1
        while start > 0 and pos - (i - start) - 1 >= 0 and _fold(texts[start - 1]) == words[pos - (i - start) - 1]:
            start -= 1
        while end < len(texts) and pos + (end - i) < len(words) and _fold(texts[end]) == words[pos + (end - i)]:
            end += 1
        if end - start > best[1] - best[0]:
            best = (start, end)
    return best


def _beside_name(doc: Doc, i: int, ctx: PersonContext) -> bool:
    return (i > 0 and ctx.word(i - 1)) or (i + 1 < len(doc) and ctx.word(i + 1))

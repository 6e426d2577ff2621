"""Who held which office when (``resources/office_holders.tsv``).

A person named without title or state adjective still has a state when they held a state
office at the article's date: ``office_holder("Barack Obama", "2015")`` is the US president,
``office_holder("Assad", None, surname=True)`` the Syrian one. The table is read on first use
into one dict from folded spelling to terms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_list, load_tsv, split_field
from .names import fold

RESOURCE = "office_holders.tsv"

# Family name first: the surname is the first word ("Xi", "Ban").
_SURNAME_FIRST_STATES = frozenset({"CHN"})
_SURNAME_FIRST_NAMES = frozenset({"ban ki moon"})
# Patronymic names ("Mohammed bin Salman") have no surname to look up alone.
_PATRONYMICS = frozenset({"bin", "ibn", "bint"})
_REGNAL_NUMBER = re.compile(r"^[ivxl]+\.?$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Holder:
    """One term of one office. ``iso3`` is None for officials of international bodies,
    ``org`` names the body (UN, NATO, EU-Kommission, Kurdistan, a German party...) when the
    office is not the state's own government; ``end`` is None while in office."""

    name: str
    iso3: str | None
    role: str
    start: str
    end: str | None
    org: str | None
    variants: tuple[str, ...] = ()

    def in_office(self, first: str, last: str) -> bool:
        """Whether the term overlaps the months ``first``..``last`` (both "YYYY-MM")."""
        return self.start <= last and (self.end is None or self.end >= first)


def _months(date: str) -> tuple[str, str]:
    """The months a date covers: "2015" -> 2015-01..2015-12, "2015-03-02" -> 2015-03."""
    match = _DATE.match(date.strip())
    if not match:
        raise ValueError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}")
    year, month = match.group(1), match.group(2)
    if month is None:
        return f"{year}-01", f"{year}-12"
    if not 1 <= int(month) <= 12:
        raise ValueError(f"no month {month} in {date!r}")
    return f"{year}-{month}", f"{year}-{month}"


def all_holders() -> tuple[Holder, ...]:
    """Every row of the table, in file order."""
    return _table()[0]


def full_names() -> list[str]:
    """Every full name and variant of the table as written ("Baschar al-Assad"): a person
    the text names so needs no title to be found."""
    return sorted({n for h in _table()[0] for n in (h.name, *h.variants) if " " in n})


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """The last word of every name and variant of the table as written, and the first where
    the family name comes first: a cheap test before a look-up by surname."""
    words = set()
    for h in _table()[0]:
        for n in (h.name, *h.variants):
            parts = n.split()
            words.add(parts[-1])
            if h.iso3 in _SURNAME_FIRST_STATES:
                words.add(parts[0])
    return frozenset(words)


def _surname_keys(name: str, iso3: str | None, particles: frozenset[str]) -> set[str]:
    tokens = fold(name).split()
    if not tokens or _PATRONYMICS.intersection(tokens[:-1]) or _REGNAL_NUMBER.match(tokens[-1]):
        return set()
    if iso3 in _SURNAME_FIRST_STATES or " ".join(tokens) in _SURNAME_FIRST_NAMES:
        return {tokens[0]}
    keys = {tokens[-1]}
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1] in particles:  # "von der leyen", "al assad"
        start -= 1
        keys.add(" ".join(tokens[start:]))
    return keys


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[Holder, ...], dict[str, tuple[Holder, ...]], dict[str, tuple[Holder, ...]]]:
    """(rows, folded full name or variant -> terms, folded surname -> terms of its one person)."""
    particles = frozenset(fold(p).rstrip() for p in load_list("name_particles.txt"))
    rows: list[Holder] = []
    by_name: dict[str, list[Holder]] = {}
    by_surname: dict[str, dict[str, list[Holder]]] = {}
    for row in load_tsv(RESOURCE):
        holder = Holder(
            name=row["name"],
            iso3=row["iso3"] or None,
            role=row["role"],
            start=row["start"],
            end=row.get("end") or None,
            org=row.get("org") or None,
            variants=tuple(split_field(row["variants"])),
        )
        rows.append(holder)
        person = fold(holder.name)
        for spelling in {fold(s.rstrip(".")) for s in (holder.name, *holder.variants)}:
            by_name.setdefault(spelling, []).append(holder)
        keys: set[str] = set()
        for spelling in (holder.name, *holder.variants):
            keys |= _surname_keys(spelling, holder.iso3, particles)
        for key in keys:
            by_surname.setdefault(key, {}).setdefault(person, []).append(holder)
    names = {key: tuple(terms) for key, terms in by_name.items()}
    surnames = {
        key: tuple(next(iter(persons.values())))
        for key, persons in by_surname.items()
        if len(persons) == 1
    }
    return tuple(rows), names, surnames


def office_holder(name: str, date: str | None = None, *, surname: bool = False) -> list[Holder]:
    """The terms of the person called ``name`` that cover ``date``.

    ``name`` is a full name or listed variant, compared with case, diacritics and hyphens
    folded ("baschar al assad"). With ``surname=True`` a name not found as such is also tried
    as a surname ("Assad", "von der Leyen"), which answers only when exactly one person in
    the table has it. ``date`` is "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a term that overlaps that
    year or month counts); None gives every term. A person with several offices at once
    returns each, in file order.
    """
    _, names, surnames = _table()
    key = fold(name.rstrip("."))  # "Abdullah II" and "Abdullah II." are one
    terms = names.get(key)
    if terms is None and surname:
        terms = surnames.get(key)
    if not terms:
        return []
    if date is None:
        return list(terms)
    first, last = _months(date)
    return [term for term in terms if term.in_office(first, last)]

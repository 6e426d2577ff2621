"""German date expressions with offsets, resolved against the publication date.

News German dates events relative to the day of publication ("am Montag", "gestern",
"in drei Wochen"); general date parsers resolve those against today and ignore the
tense, so this module keeps the expression as written and resolves it separately.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator

from coalition_nlp.lexicon import load_json
from coalition_nlp.parse.numbers import parse_number_word

_D = load_json("dates.json")
_NUM = load_json("numbers.json")

_WEEKDAYS: dict[str, int] = _D["weekdays"]
_MONTHS: dict[str, int] = _D["months"]
_DEICTIC: dict[str, int] = _D["deictic"]
_UNITS: dict[str, int] = _D["relative_units"]
_PAST = frozenset(_D["past_modifiers"])
_FUTURE = frozenset(_D["future_modifiers"])
_YEAR_CUES = frozenset(c.lower() for c in _D["year_cues"])
_ARTICLES = frozenset(_NUM["articles"])


def _alt(words, flags: str = "i") -> str:
    """Longest first; the lookahead on first letters keeps scanning long non-text fast."""
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    first = {w[0] for w in words} | ({w[0].swapcase() for w in words} if flags else set())
    return f"(?=[{re.escape(''.join(sorted(first)))}])" + (f"(?{flags}:{body})" if flags else f"(?:{body})")


_B = r"(?<!\w)"  # word start; also fails fast inside long digit runs
_E = r"(?![^\W\d_])"  # word end
_PREP = rf"(?:(?P<prep>{_alt(_D['prepositions'])})\s+)?"
_MOD = rf"(?:(?P<mod>{_alt([*_D['past_modifiers'], *_D['future_modifiers']])})\s+)?"
_WD = rf"(?P<wd>{_alt(_WEEKDAYS)})"
_MONTH = rf"(?P<month>{_alt(_MONTHS)})"
_TOD = _alt(_D["time_of_day"])
_YEAR = r"(?P<year>\d{4})(?![\d.,]?\d)"

_PATTERNS: dict[str, re.Pattern] = {
    "day": re.compile(
        rf"{_B}{_PREP}(?:{_WD},?\s+(?:(?i:den)\s+)?)?(?<!\d)(?P<day>\d{{1,2}})\.\s*"
        rf"(?:(?:bis|und|-|–)\s*\d{{1,2}}\.\s*)?{_MONTH}{_E}(?:\s+{_YEAR})?"
    ),
    "numeric": re.compile(
        rf"{_B}{_PREP}(?<![\d.])(?:(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>\d{{4}}|\d{{2}}(?!\d))?"
        rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))(?![\d\w])"
    ),
    "month": re.compile(rf"{_B}{_PREP}{_MONTH}{_E}(?:\s+{_YEAR})?"),
    "year": re.compile(rf"{_B}{_PREP}(?:(?P<season>{_alt(_D['seasons'])})\s+)?{_YEAR}{_E}"),
    "weekday": re.compile(rf"{_B}{_PREP}{_MOD}{_WD}(?:{_TOD}|\s+{_TOD})?{_E}"),
    "deictic": re.compile(rf"{_B}{_PREP}(?P<word>{_alt(_DEICTIC, '')})(?:\s+{_TOD})?{_E}"),
    "relative": re.compile(
        rf"{_B}(?P<dir>{_alt([*_D['relative_future'], *_D['relative_past']])})\s+"
        rf"(?P<n>\d{{1,3}}|[^\W\d_]+)\s+(?P<unit>{_alt(_UNITS)}){_E}"
    ),
    "week": re.compile(
        rf"{_B}(?:(?i:in\s+der)\s+)?(?:(?P<mod>{_alt([*_D['past_modifiers'], *_D['future_modifiers']])})"
        rf"|(?P<this>{_alt(_D['this_week'], '')}))\s+{_alt(_D['week_nouns'], '')}{_E}"
    ),
}
# Every match of a kind holds one of its key words (or shapes), and begins at most a few words
# before it: the patterns are tried only at those word starts, not at every character.
_KEY_WORDS: dict[str, tuple[str, ...]] = {
    kind: tuple(sorted({max(w.lower().split(), key=len) for w in words}))
    for kind, words in (
        ("day", _MONTHS), ("month", _MONTHS), ("weekday", _WEEKDAYS), ("deictic", _DEICTIC),
        ("relative", _UNITS), ("week", _D["week_nouns"]),
    )
}
_KEY_SHAPES = {"numeric": re.compile(r"\d[.-]\d"), "year": re.compile(r"\d{4}")}
# Words a match can have before its key: a preposition of up to four words, a modifier, a
# weekday, "den" and a day range ("am Montag, den 12. bis 14. März": six); twice that.
_WORDS_BEFORE_KEY = 16
_WORD_START = re.compile(r"(?<!\w)\w")
# Letters that case-insensitive regexes pair with i, s or k but whose key words would not show:
# texts with them are scanned at every position.
_FOLD_EXCEPTIONS = re.compile("[\u0130\u0131\u017f\u212a]")
_NOUN_AFTER = re.compile(r"[ \t\u00a0]+[A-ZÄÖÜ]")
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    kind: str
    weekday: int | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    offset_days: int | None = None


def _lookup(table: dict[str, int], word: str | None) -> int | None:
    return None if word is None else table.get(re.sub(r"\s+", " ", word.lower()))


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word.lower() in _ARTICLES:
        return 1
    value = parse_number_word(word)
    return int(value) if value is not None and value == int(value) else None


def _build(kind: str, m: re.Match, text: str) -> DateMatch | None:
    """A DateMatch for one pattern hit, or None where the hit is not a date after all."""
    g = m.groupdict()
    fields: dict = {}
    if kind == "day":
        fields = dict(day=int(g["day"]), month=_lookup(_MONTHS, g["month"]),
                      year=_year(g["year"]), weekday=_lookup(_WEEKDAYS, g["wd"]))
    elif kind == "numeric":
        if g["iy"]:
            fields = dict(day=int(g["id"]), month=int(g["im"]), year=int(g["iy"]))
        else:
            fields = dict(day=int(g["day"]), month=int(g["month"]), year=_year(g["year"]))
        kind = "day"
    elif kind == "month":
        if not (g["prep"] or g["year"]):
            return None  # a bare "August" may be a first name
        fields = dict(month=_lookup(_MONTHS, g["month"]), year=_year(g["year"]))
    elif kind == "year":
        cue = g["season"] or (g["prep"] and g["prep"].lower() in _YEAR_CUES)
        if not (g["prep"] or g["season"]) or (not cue and _NOUN_AFTER.match(text, m.end())):
            return None  # "von 2000 Soldaten"
        fields = dict(year=int(g["year"]))
        if not 1900 <= fields["year"] <= 2100:
            return None
    elif kind == "weekday":
        fields = dict(weekday=_lookup(_WEEKDAYS, g["wd"]))
    elif kind == "deictic":
        fields = dict(offset_days=_DEICTIC[re.sub(r"\s+", " ", g["word"])])
    elif kind == "relative":
        n = _count(g["n"])
        if n is None:
            return None
        sign = -1 if g["dir"].lower() in _D["relative_past"] else 1
        fields = dict(offset_days=sign * n * _lookup(_UNITS, g["unit"]))
    elif kind == "week":
        mod = (g["mod"] or "").lower()
        fields = dict(offset_days=-7 if mod in _PAST else 7 if mod in _FUTURE else 0)
        kind = "relative"
    if fields.get("day") is not None and not (1 <= fields["day"] <= 31 and 1 <= (fields["month"] or 0) <= 12):
        return None
    return DateMatch(start=m.start(), end=m.end(), text=m.group(), kind=kind, **fields)


def find_dates(text: str) -> list[DateMatch]:
    """Date expressions in ``text``; where two overlap the longer one wins."""
    if not isinstance(text, str):
        return []
    folds = _FOLD_EXCEPTIONS.search(text)
    low = text.lower()
    hits = [
        d for kind, pattern in _PATTERNS.items()
        for m in (pattern.finditer(text) if folds else _scan(kind, text, low))
        if (d := _build(kind, m, text)) is not None
    ]
    hits.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMatch] = []
    for d in hits:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


def _scan(kind: str, text: str, low: str) -> Iterator[re.Match]:
    """What ``_PATTERNS[kind].finditer(text)`` finds, trying the pattern only at the word
    starts just before each key word (tests compare the two)."""
    pattern, end = _PATTERNS[kind], 0
    starts = _candidate_starts(kind, text, low)
    if starts is None:  # words too far apart to bound where a match begins
        yield from pattern.finditer(text)
        return
    for start in starts:
        if start >= end and (m := pattern.match(text, start)):
            end = m.end()
            yield m


def _candidate_starts(kind: str, text: str, low: str) -> list[int] | None:
    starts: set[int] = set()
    for key in _key_positions(kind, text, low):
        for reach in (128, 2048):  # wider where white space runs long
            lo = max(key - reach, 0)
            found = [m.start() for m in _WORD_START.finditer(text, lo, key + 1)]
            if len(found) > _WORDS_BEFORE_KEY or lo == 0:
                break
        else:
            return None
        starts.update(found[-_WORDS_BEFORE_KEY - 1 :])
    return sorted(starts)


def _key_positions(kind: str, text: str, low: str) -> list[int]:
    """Where the kind's key words occur (substring search on the lower-cased text, which keeps
    offsets where no fold exception occurs), or its key shape."""
    if kind in _KEY_SHAPES:
        return [m.start() for m in _KEY_SHAPES[kind].finditer(text)]
    found = []
    for word in _KEY_WORDS[kind]:
        i = low.find(word)
        while i >= 0:
            found.append(i)
            i = low.find(word, i + 1)
    return found


def _parse_published(published: str | None) -> tuple[int | None, int | None, dt.date | None]:
    m = _PUBLISHED.fullmatch(published.strip()) if isinstance(published, str) else None
    if not m:
        return None, None, None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    if month is not None and not 1 <= month <= 12:
        return year, None, None
    try:
        day = dt.date(year, month, int(m.group(3))) if m.group(3) else None
    except ValueError:
        day = None
    return year, month, day


def _direction(m: DateMatch, tense: str | None) -> str:
    """Tense of the sentence, overridden by a modifier in the expression ("am kommenden Montag")."""
    words = set(m.text.lower().split())
    if words & _FUTURE:
        return "future"
    if words & _PAST:
        return "past"
    return "future" if tense == "future" else "past"


def resolve_date(m: DateMatch, published: str | None, tense: str | None) -> str | None:
    """ISO "YYYY-MM-DD" or "YYYY-MM" for ``m`` read on the publication date, else None."""
    try:
        return _resolve(m, published, tense)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None


def _resolve(m: DateMatch, published: str | None, tense: str | None) -> str | None:
    pub_year, pub_month, pub_day = _parse_published(published)
    direction = _direction(m, tense)
    if m.kind == "day" and m.day and m.month:
        year = m.year or pub_year
        if year is None:
            return None
        if m.year is None and tense == "future" and pub_month is not None:
            if (m.month, m.day) < (pub_month, pub_day.day if pub_day else 1):
                year += 1
        return dt.date(year, m.month, m.day).isoformat()
    if m.kind == "month" and m.month:
        year = m.year or pub_year
        if year is None:
            return None
        if m.year is None and tense == "future" and pub_month is not None and m.month < pub_month:
            year += 1
        return f"{year:04d}-{m.month:02d}"
    if pub_day is None:
        return None
    if m.kind == "weekday" and m.weekday is not None:
        if direction == "future":
            delta = (m.weekday - pub_day.weekday()) % 7 or 7
        else:
            delta = -((pub_day.weekday() - m.weekday) % 7)
        return (pub_day + dt.timedelta(days=delta)).isoformat()
    if m.kind in ("relative", "deictic") and m.offset_days is not None:
        return (pub_day + dt.timedelta(days=m.offset_days)).isoformat()
    return None

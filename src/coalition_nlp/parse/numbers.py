"""German numbers in running text, with character offsets.

Rule-based on purpose: the spaCy components need the exact span of "rund 1,8 Milliarden"
and the reading of German separators ("4.600" is 4600, "1,8" is 1.8), which general
number libraries either lose or get wrong.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coalition_nlp.lexicon import load_json

_NUM = load_json("numbers.json")
_DATES = load_json("dates.json")

_UNITS: dict[str, int] = _NUM["units"]
_TEENS: dict[str, int] = _NUM["teens"]
_TENS: dict[str, int] = _NUM["tens"]
_HALVES: dict[str, float] = _NUM["halves"]
_HUNDRED: str = _NUM["hundred"]
_THOUSAND: str = _NUM["thousand"]
_ARTICLES = frozenset(_NUM["articles"])
_SCALES: dict[str, float] = _NUM["scales"]
_HOMOGRAPHS = frozenset(_NUM["capitalised_homographs"])
_APPROX: dict[str, dict] = _NUM["approximations"]
_VAGUE_WORDS: dict[str, float] = _NUM["vague_words"]
_VAGUE_DETERMINERS: dict[str, str] = _NUM["vague_determiners"]
_VAGUE_SCALES: dict[str, float] = _NUM["vague_scales"]
_ORDINAL_DETERMINERS = frozenset(_NUM["ordinal_determiners"])
_SENTENCE_OPENERS = frozenset(_NUM["sentence_openers"])

_MAX_DIGITS = 15  # beyond float precision a digit run is an identifier, not a figure
_SPACE = "[ \u00a0\u202f\u2009]"


def _alternation(words, flags: str = "") -> str:
    """Longest first, so that "Mio." wins over "Mio" and "mehr als" over "mehr"."""
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


# A maximal run of digits with inner separators; possessive so that a long run of
# digits, dots and commas is consumed once and never re-tried from inside.
_TOKEN = re.compile(r"(?P<d>\d++(?:[.,]\d++)*+)|(?P<w>[^\W\d_]++)")
_GERMAN_DIGITS = re.compile(r"(?P<int>\d{1,3}(?:\.\d{3})++|\d++)(?:,(?P<dec>\d++))?")
_SPACE_GROUP = re.compile(_SPACE + r"\d{3}(?![\d\w]|[.,]\d)")
_CLOCK_AFTER = re.compile(r":\d|\s*" + _alternation(_NUM["clock_words"]) + r"(?!\w)")
_SCALE_AFTER = re.compile(
    r"(?:\s+|-)(?P<s>" + _alternation(_SCALES) + r")(?![^\W\d_])"
)
_HALF_SCALE_AFTER = re.compile(  # "eine weitere Million", "einer halben Milliarde"
    r"\s+(?:(?:" + _alternation(_NUM["article_adjectives"]) + r")\s+)?"
    r"(?:(?P<half>" + _alternation([h for h in _HALVES if h.startswith("halb")]) + r")\s+)?"
    r"(?P<s>" + _alternation(_SCALES) + r")(?![^\W\d_])"
)
_APPROX_TAIL = re.compile(
    r"(?<![^\W\d_])(?P<q>" + _alternation(_APPROX, "i") + r")\s+\Z"
)
_VAGUE_PHRASE = re.compile(
    r"(?P<d>" + _alternation(_VAGUE_DETERMINERS, "i") + r")\s+(?P<s>"
    + _alternation(_VAGUE_SCALES, "i") + r")(?![^\W\d_])"
)
# The first word of each vague determiner ("ein" of "ein paar"), with the same case folding.
_VAGUE_HEADS = re.compile(_alternation(
    {h for d in _VAGUE_DETERMINERS if (h := re.match(r"[^\W\d_]*", d).group())}, "i"
))
_BETWEEN_TAIL = re.compile(r"(?<![^\W\d_])(?i:zwischen)\s+\Z")
_RANGE_GAP = re.compile(r"\s*(?:" + _alternation(_NUM["range_connectors"]) + r")\s*\Z")
_AND_GAP = re.compile(r"\s+und\s+\Z")
_ORDINAL_NEXT = re.compile(r"[ \t\u00a0]*(?P<c>\S)?")
_MONTH_AHEAD = re.compile(r"\s*" + _alternation(_DATES["months"], "i") + r"(?![^\W\d_])")
_WORD_BEFORE = re.compile(r"(?P<w>[^\W\d_]+)\s*\Z")
_YEAR_CUE_TAIL = re.compile(
    r"(?<![^\W\d_])"
    + _alternation([*_DATES["year_cues"], *_DATES["months"], *_DATES["seasons"]], "i")
    + r"\s+\Z"
)
_NOUN_AFTER = re.compile(r"[ \t\u00a0]+[A-ZÄÖÜ]")
_YEAR_SHAPE = re.compile(r"\d{4}")
_ISO_DATE = re.compile(r"\d{4}-\d{1,2}(?:-\d{1,2})?(?![\d\w])")  # "2015-01-22" is a date, not a range
# Windows for looking back from a number: the longest phrase plus some whitespace.
_LOOKBACK = max(len(w) for w in [*_APPROX, *_DATES["year_cues"], *_DATES["months"], *_DATES["seasons"]]) + 4


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    num_start: int
    value: float
    high: float | None
    approx: bool
    qualifier: str | None
    vague: bool
    text: str
    is_year: bool = False


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    value: float
    raw: float  # before the scale word, to carry a scale across a range
    scale: float | None
    vague: bool = False
    vague_start: int | None = None
    vague_qualifier: str | None = None
    digits: str | None = None


def _below_100(word: str) -> int | None:
    if word in _UNITS and word != "ein":
        return _UNITS[word]
    if word in _TEENS:
        return _TEENS[word]
    if word in _TENS:
        return _TENS[word]
    unit, sep, tens = word.partition("und")
    if sep and unit in _UNITS and tens in _TENS and _UNITS[unit] > 0 and unit != "eins":
        return _UNITS[unit] + _TENS[tens]
    return None


def _below_1000(word: str) -> int | None:
    head, sep, tail = word.partition(_HUNDRED)
    if not sep:
        return _below_100(word)
    if head and (head not in _UNITS or head in ("eins", "null")):
        return None
    low = _below_100(tail.removeprefix("und")) if tail else 0
    return None if low is None else (_UNITS[head] if head else 1) * 100 + low


@lru_cache(maxsize=1 << 16)  # called for every word of every text; the vocabulary repeats
def parse_number_word(word: str) -> float | None:
    """The value of one German number word ("zweihundertfünfzig", "zweieinhalb"), else None.

    The bare article "ein" is not a number: it only counts before a scale word, which
    is decided by the caller that sees the next word.
    """
    word = word.lower()
    if word in _HALVES and not word.startswith(("ein", "halb")):
        return _HALVES[word]
    if word.endswith("einhalb") and len(word) > len("einhalb"):
        base = parse_number_word(word[: -len("einhalb")] or "")
        return None if base is None else base + 0.5
    head, sep, tail = word.partition(_THOUSAND)
    if not sep:
        return _below_1000(word) if word else None
    if _THOUSAND in tail:
        return None
    high = _below_1000(head) if head else 1
    low = _below_1000(tail.removeprefix("und")) if tail else 0
    if high is None or low is None or high == 0:
        return None
    return high * 1000 + low


def approximation_before(text: str, pos: int) -> tuple[int, str] | None:
    """Start and normalised qualifier of an approximation phrase ending just before ``pos``."""
    m = _APPROX_TAIL.search(text, max(0, pos - _LOOKBACK), pos)
    if not m:
        return None
    word = m.group("q").lower()
    if word == "über" and _after_noun(text, m.start()):
        return None  # "ein Kredit über 1,5 Milliarden": the amount of the loan, not "more than"
    return m.start(), _APPROX[word]["qualifier"]


def _after_noun(text: str, pos: int) -> bool:
    before = text[max(0, pos - 40) : pos].split()
    return bool(before) and before[-1].isalpha() and before[-1][:1].isupper()


def qualifier_meaning(qualifier: str | None) -> str | None:
    """"about", "at_least", "more_than", "at_most" or "less_than" for a normalised qualifier.

    Lets callers treat "bis zu" as a ceiling and "rund" as an estimate.
    """
    for entry in _APPROX.values():
        if entry["qualifier"] == qualifier:
            return entry["meaning"]
    return None


def format_german(value: int, style: str = "dot") -> str:
    """An integer as German text writes it; the inverse of ``find_numbers`` for tests."""
    sep = {"dot": ".", "space": " ", "plain": ""}[style]
    sign = "-" if value < 0 else ""
    return sign + f"{abs(int(value)):,}".replace(",", sep)


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS


def _is_ordinal(text: str, start: int, end: int) -> bool:
    """A dot after the digits: "22. Februar", "der 2. Weltkrieg" versus "auf 500. Die"."""
    nxt = _ORDINAL_NEXT.match(text, end + 1).group("c")
    if nxt is None or text[end + 1 : end + 2] == "\n":
        return False
    if _MONTH_AHEAD.match(text, end + 1):
        return True
    if not (nxt.isupper() or nxt in "\"„“«»‹›'"):
        return True
    before = _WORD_BEFORE.search(text, max(0, start - _LOOKBACK), start)
    return bool(before) and before.group("w").lower() in _ORDINAL_DETERMINERS


def _digit_end(text: str, m: re.Match) -> int:
    """End of a digit token, extended over space-separated thousands ("20 000")."""
    end = m.end()
    if end - m.start() <= 3 and m.group().isdigit():
        while g := _SPACE_GROUP.match(text, end):
            end = g.end()
    return end


def _digit_atom(text: str, start: int, end: int) -> _Atom | None:
    if start and (text[start - 1] in ".,:/" or text[start - 1].isalpha() or text[start - 1] == "_"):
        return None
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return None  # type designations: "CF-18", "Su-24"
    if end < len(text) and (text[end].isalpha() or text[end] == "_"):
        return None  # "20er", "3fach"
    raw = text[start:end]
    if end < len(text) and text[end] == "." and _is_ordinal(text, start, end):
        return None
    if _CLOCK_AFTER.match(text, end):
        return None
    clean = re.sub(_SPACE, "", raw)
    g = _GERMAN_DIGITS.fullmatch(clean)
    if not g or len(g.group("int").replace(".", "")) > _MAX_DIGITS:
        return None
    value = float(g.group("int").replace(".", "") + "." + (g.group("dec") or "0"))
    return _Atom(start, end, value, value, None, digits=clean)


def _word_atom(text: str, m: re.Match) -> _Atom | None:
    start, end = m.span()
    word = m.group()
    lower = word.lower()
    if (start and text[start - 1] == "-") or text[end : end + 1] == "-":
        return None  # "Zwei-Staaten-Lösung", "Drei-Punkte-Plan"
    v = _VAGUE_PHRASE.match(text, start)
    if v:
        value = _VAGUE_SCALES[v.group("s").lower()]
        det = _VAGUE_DETERMINERS[re.sub(r"\s+", " ", v.group("d").lower())]
        return _Atom(v.start("s"), v.end(), value, value, None, True, start, det)
    if lower in _ARTICLES:
        s = _HALF_SCALE_AFTER.match(text, end)
        if not s:
            return None
        one = _HALVES[s.group("half").lower()] if s.group("half") else 1.0
        scale = _SCALES[s.group("s")]
        return _Atom(start, s.end(), one * scale, one, scale)
    if word in _VAGUE_WORDS:
        value = _VAGUE_WORDS[word]
        return _Atom(start, end, value, value, None, vague=True)
    value = parse_number_word(lower)
    if value is None:
        return None
    if word[0].isupper() and lower in _HOMOGRAPHS and not _sentence_start(text, start):
        return None  # "außer Acht lassen"
    return _Atom(start, end, value, value, None)


@lru_cache(maxsize=1 << 16)
def _may_start_number(word: str) -> bool:
    """Whether :func:`_word_atom` can find anything at this word, whatever surrounds it;
    most words of a text cannot, and this answer is remembered per word."""
    lower = word.lower()
    return (
        bool(_VAGUE_HEADS.fullmatch(word))
        or lower in _ARTICLES
        or word in _VAGUE_WORDS
        or parse_number_word(lower) is not None
    )


def _with_scale(text: str, atom: _Atom) -> _Atom:
    if atom.scale is not None:
        return atom
    s = _SCALE_AFTER.match(text, atom.end)
    if not s:
        return atom
    scale = _SCALES[s.group("s")]
    return _Atom(atom.start, s.end(), atom.value * scale, atom.raw, scale, atom.vague,
                 atom.vague_start, atom.vague_qualifier, atom.digits)


def _atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() < pos:
            continue
        if m.group("d"):
            if iso := _ISO_DATE.match(text, m.start()):
                pos = iso.end()
                continue
            end = _digit_end(text, m)
            atom = _digit_atom(text, m.start(), end)
            if atom is None:
                scale = _SCALE_AFTER.match(text, end)  # "1,8,9 Milliarden" is not a vague "Milliarden"
                pos = scale.end() if scale else end
                continue
        else:
            atom = _word_atom(text, m) if _may_start_number(m.group("w")) else None
            if atom is None:
                continue
        atom = _with_scale(text, atom)
        atoms.append(atom)
        pos = atom.end
    return atoms


def _is_year(text: str, atom: _Atom, qualifier: str | None) -> bool:
    if atom.digits is None or not _YEAR_SHAPE.fullmatch(atom.digits) or atom.scale or qualifier:
        return False
    if not 1900 <= atom.value <= 2100:
        return False
    cue = _YEAR_CUE_TAIL.search(text, max(0, atom.start - _LOOKBACK), atom.start)
    return bool(cue) or not _NOUN_AFTER.match(text, atom.end)


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in ``text``; ordinals, clock times and article "ein" are left out."""
    if not isinstance(text, str):
        return []
    atoms = _atoms(text)
    out: list[NumberMatch] = []
    i = 0
    while i < len(atoms):
        low = atoms[i]
        high = None
        start = low.vague_start if low.vague_start is not None else low.start
        qualifier = low.vague_qualifier
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        between = _BETWEEN_TAIL.search(text, max(0, low.start - _LOOKBACK), low.start)
        if nxt and not low.vague and not nxt.vague and nxt.vague_start is None:
            gap_ok = (_AND_GAP if between else _RANGE_GAP).match(text[low.end : nxt.start])
            if gap_ok and not approximation_before(text, nxt.start):
                high = nxt
        value = low.value
        if high is not None:
            if low.scale is None and high.scale is not None and low.raw <= high.raw:
                value = low.raw * high.scale
            if between:
                start = between.start()
            i += 1
        if qualifier is None:
            appr = approximation_before(text, start)
            if appr and not (high and appr[1] == "über"):  # "verfügt über 20 000 bis 31 500"
                start, qualifier = appr
        end = (high or low).end
        is_year = _is_year(text, low, qualifier) and (high is None or _is_year(text, high, None))
        out.append(NumberMatch(
            start=start,
            end=end,
            num_start=low.start,
            value=float(value),
            high=None if high is None else float(high.value),
            approx=qualifier is not None or low.vague,
            qualifier=qualifier,
            vague=low.vague,
            text=text[start:end],
            is_year=is_year,
        ))
        i += 1
    return out

"""Money amounts in German text: a number from ``find_numbers`` next to a currency.

Built on the number parser so that "zwölf Millionen Flüchtlinge" can never become money:
only a currency word or sign directly after (or a sign or code directly before) the
number makes an amount.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coalition_nlp.lexicon import get_lexicon, load_json, load_tsv
from coalition_nlp.parse.numbers import NumberMatch, approximation_before, find_numbers

_CURRENCIES = {row["expression"]: row for row in load_tsv("currencies.tsv")}


def _pattern(expression: str) -> str:
    """An adjective in its -e form also matches its other endings ("kanadischen Dollar")."""
    first, sep, rest = expression.partition(" ")
    if sep and first[0].islower() and first.endswith("e"):
        return re.escape(first) + r"[nrs]?\s+" + re.escape(rest)
    return r"\s+".join(re.escape(part) for part in expression.split(" "))


def _compile(expressions, template: str) -> tuple[re.Pattern, list[str]]:
    """One group per expression, longest first; the group name indexes the returned list."""
    ordered = sorted(expressions, key=len, reverse=True)
    body = "|".join(f"(?P<c{i}>{_pattern(e)})" for i, e in enumerate(ordered))
    first = re.escape("".join(sorted({e[0] for e in ordered})))  # cheap pre-check per position
    return re.compile(template.replace("CUR", body).replace("FIRST", first)), ordered


# After the number: "40 Millionen Euro", "40 Mio. €", "500-Millionen-Euro-Programm".
_AFTER, _AFTER_NAMES = _compile(_CURRENCIES, r"(?:[ \t\u00a0\u202f]*|-)(?:CUR)(?![^\W\d_])")
# Before the number: "€ 40 Mio.", "US$ 5 Mrd.", "EUR 40 Mio.".
_BEFORE, _BEFORE_NAMES = _compile(
    [e for e, row in _CURRENCIES.items() if row["position"] == "both"],
    r"(?<![^\W\d_])(?:CUR)[ \t\u00a0\u202f]?\Z",
)
# Every naming of a specific currency, with or without an amount, to settle a later bare "Dollar";
# each with its longest word, which the text must contain for the naming to be there.
_SPECIFIC = tuple(
    (e, max(e.split(" "), key=len)) for e, row in _CURRENCIES.items() if row["generic"] == "no"
)
# "Norwegen und Dänemark mit je 35 Millionen": a scaled amount that closes its phrase
# without a currency, in the sentence of an amount with one, is in that currency.
_LARGE_SCALES = tuple(word for word, value in load_json("numbers.json")["scales"].items() if value >= 1e6)
_PHRASE_END = re.compile(r"\s*(?:[,;.!?)]|und\b|sowie\b|\Z)")
_MONEY_NOUN_AFTER = re.compile(r"\s+an\s+(?:" + "|".join(load_json("pledges.json")["money_nouns"]) + r")\b")
_RANGE_JOIN = re.compile(r"\s+(?:auf|bis|und)\s+(?:(?:über|rund|etwa|knapp|fast|mehr als|zu)\s+)?")
_SENTENCE_END = re.compile(r"[a-zäöüß]{3,}[.!?]\s|\(")  # "Dollar. Katar", not "Mio. Dollar"; no bracket
# "... um 30 Millionen Franken aufstocken. Je 15 Millionen gehen ...": the next sentence opens with a share
_NEXT_SENTENCE_OPENING = re.compile(
    r"(?:[^.!?(]*[a-zäöüß]{3,})?[.!?]\s+(?:(?:Je|Jeweils|Weitere|Davon|Zusätzlich)\s+)?(?:(?:rund|etwa|knapp)\s+)?\Z"
)
_VERB_AFTER = re.compile(r"\s+([a-zäöüß]+)\b")
_OPEN_BRACKET_TAIL = re.compile(r"\(\s*(?:[^\W\d_]+\s+){0,2}\Z")
_LOOKBACK = max(len(e) for e in _BEFORE_NAMES) + 2  # a prefix sign or code and one space
_BRACKET_LOOKBACK = 40  # "(" plus up to two words such as "umgerechnet rund"


@dataclass(frozen=True)
class MoneyMatch:
    start: int
    end: int
    amount: float
    currency: str
    approx: bool
    qualifier: str | None
    in_brackets: bool
    text: str


def _expression(m: re.Match, names: list[str]) -> str:
    return names[int(m.lastgroup[1:])]


def _currency_at(text: str, number: NumberMatch) -> tuple[int, int, str] | None:
    """Start, end and written form of the currency that belongs to ``number``."""
    after = _AFTER.match(text, number.end)
    if after:
        return number.start, after.end(), _expression(after, _AFTER_NAMES)
    before = _BEFORE.search(text, max(0, number.num_start - _LOOKBACK), number.num_start)
    if before and number.start == number.num_start:
        return before.start(), number.end, _expression(before, _BEFORE_NAMES)
    return None


@lru_cache(maxsize=256)
def _specific_pattern(expressions: tuple[str, ...]) -> tuple[re.Pattern, list[str]]:
    return _compile(expressions, r"(?<![^\W\d_])(?=[FIRST])(?:CUR)(?![^\W\d_])")


def _specific_mentions(text: str) -> list[tuple[int, str]]:
    """Scanned for only the currencies whose words occur: one alternation over all of them
    costs a millisecond per article, as much as parsing its numbers."""
    present = tuple(e for e, word in _SPECIFIC if word in text)
    if not present:
        return []
    pattern, names = _specific_pattern(present)
    return [(m.start(), _expression(m, names)) for m in pattern.finditer(text)]


def _iso(expression: str, start: int, mentions: list[tuple[int, str]]) -> str:
    """A bare "Dollar" takes the latest specific dollar named before it in the article."""
    row = _CURRENCIES[expression]
    if row["generic"] != "yes":
        return row["iso"]
    earlier = [_CURRENCIES[e] for pos, e in mentions if pos < start]
    same_family = [r["iso"] for r in earlier if r["family"] == row["family"]]
    return same_family[-1] if same_family else row["iso"]


def find_money(text: str, numbers: list[NumberMatch] | None = None) -> list[MoneyMatch]:
    """Every amount of money in ``text``; vague amounts ("Millionen Euro") are left out.

    ``numbers``, when given, must be ``find_numbers(text)``: a caller that needs both
    parses the numbers once.
    """
    if not isinstance(text, str):
        return []
    mentions: list[tuple[int, str]] | None = None  # only a bare "Dollar" needs them
    out: list[MoneyMatch] = []
    waiting: list[NumberMatch] = []  # scaled amounts whose currency may follow ("um 137 Millionen auf ...")
    for number in find_numbers(text) if numbers is None else numbers:
        if number.vague:
            continue
        found = _currency_at(text, number)
        if not found:
            elliptic = _elliptic(text, number, out)
            if elliptic:
                out.append(elliptic)
            elif number.text.endswith(_LARGE_SCALES):
                waiting.append(number)
            continue
        start, end, expression = found
        if mentions is None and _CURRENCIES[expression]["generic"] == "yes":
            mentions = _specific_mentions(text)
        qualifier = number.qualifier
        if start < number.start and (appr := approximation_before(text, start)):
            start, qualifier = appr  # "rund € 40 Mio."
        bracket = _OPEN_BRACKET_TAIL.search(text, max(0, start - _BRACKET_LOOKBACK), start)
        in_brackets = bool(
            bracket and out and not text[out[-1].end : bracket.start()].strip()
        )
        out.append(MoneyMatch(
            start=start,
            end=end,
            amount=number.value,
            currency=_iso(expression, start, mentions or []),
            approx=number.approx or number.high is not None or qualifier is not None,
            qualifier=qualifier,
            in_brackets=in_brackets,
            text=text[start:end],
        ))
    if waiting:
        found = (_before_its_range_end(text, n, out) or _of_money(text, n, out) for n in waiting)
        out = sorted(out + [m for m in found if m], key=lambda m: m.start)
    return out


def _in_currency(text: str, number: NumberMatch, currency: str) -> MoneyMatch:
    """A bare scaled amount in the currency its context gives it."""
    return MoneyMatch(
        start=number.start, end=number.end, amount=number.value, currency=currency,
        approx=number.approx or number.high is not None, qualifier=number.qualifier,
        in_brackets=False, text=text[number.start : number.end],
    )


def _elliptic(text: str, number: NumberMatch, out: list[MoneyMatch]) -> MoneyMatch | None:
    if not out or out[-1].in_brackets or not number.text.endswith(_LARGE_SCALES):
        return None
    before = out[-1]
    if _SENTENCE_END.search(text, before.start, number.start):
        return _in_currency(text, number, before.currency) if _opens_next_sentence(text, number, before) else None
    if not _PHRASE_END.match(text, number.end):
        return None
    return _in_currency(text, number, before.currency)


def _opens_next_sentence(text: str, number: NumberMatch, before: MoneyMatch) -> bool:
    """"Je 20 Millionen sollen ...", "Weitere 5 Millionen fließen ...": a scaled amount that is
    the subject of the sentence right after an amount of money is in that money's currency."""
    verb = _VERB_AFTER.match(text, number.end)
    return bool(
        _NEXT_SENTENCE_OPENING.match(text, before.end, number.start)
        and verb and get_lexicon().verb(verb.group(1))
    )


def _before_its_range_end(text: str, number: NumberMatch, out: list[MoneyMatch]) -> MoneyMatch | None:
    """"um rund 85 Millionen auf knapp 900 Millionen Franken": a scaled amount joined by "auf",
    "bis" or "und" to the amount right after it has that amount's currency."""
    after = next((m for m in out if m.start >= number.end), None)
    if after is None or after.in_brackets or not _RANGE_JOIN.fullmatch(text[number.end : after.start]):
        return None
    return _in_currency(text, number, after.currency)


def _of_money(text: str, number: NumberMatch, out: list[MoneyMatch]) -> MoneyMatch | None:
    """"Insgesamt 26 Millionen an Hilfsgeldern": an amount of money named by a noun of money
    is in the currency the text last named."""
    before = [m for m in out if m.end <= number.start and not m.in_brackets]
    if not before or not _MONEY_NOUN_AFTER.match(text, number.end):
        return None
    return _in_currency(text, number, before[-1].currency)

"""Pledged amounts in euros and US dollars at the ECB reference rate of the publication date.

Rates come from ``currencyconverter``, which ships the ECB's history since 1999 offline;
it is loaded on first use, once per process. The rate is that of the publication date,
or of the nearest earlier day with one (weekends, holidays), looking back at most
:data:`LOOKBACK_DAYS` days: a rate older than that (a currency the ECB stopped quoting, a
date past the installed history) gives no value rather than a stale one. Currencies the
ECB does not quote but that are pegged to the dollar (``resources/currency_pegs.tsv``)
go through the dollar rate of that day.

Dates: "YYYY-MM-DD" as is; "YYYY-MM" the 15th of that month, the middle, so the error
stays within half a month of rate movement; "YYYY" alone gives no value (a year's rates
spread too far to pick one). ``rate_date`` says which ECB day was used.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_tsv

LOOKBACK_DAYS = 7
MID_MONTH = 15


@dataclass(frozen=True)
class Converted:
    eur: float | None = None
    usd: float | None = None
    rate_date: str | None = None


def rate_day(published: str | None) -> dt.date | None:
    """The day whose rate converts an article's amounts (see the module docstring)."""
    if not published or len(published) == 4:
        return None
    try:
        if len(published) == 7:
            return dt.date(int(published[:4]), int(published[5:7]), MID_MONTH)
        return dt.date.fromisoformat(published)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _converter():
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


@lru_cache(maxsize=1)
def _pegs() -> dict[str, tuple[float, int]]:
    return {row["iso"]: (float(row["per_usd"]), int(row["since"])) for row in load_tsv("currency_pegs.tsv")}


def _per_eur(currency: str, day: dt.date) -> float | None:
    """Units of ``currency`` per euro on ``day`` exactly, or None."""
    from currency_converter import RateNotFoundError

    if currency == "EUR":
        return 1.0
    converter = _converter()
    if currency in converter.currencies:
        try:
            return converter.convert(1.0, "EUR", currency, date=day)
        except RateNotFoundError:
            return None
    peg = _pegs().get(currency)
    if peg is None or day.year < peg[1]:
        return None
    usd = _per_eur("USD", day)
    return usd * peg[0] if usd is not None else None


@lru_cache(maxsize=4096)
def _rates(currency: str, day: dt.date) -> tuple[float, float, dt.date] | None:
    """(currency per EUR, USD per EUR, the ECB day) on ``day`` or the nearest earlier day with both."""
    for back in range(LOOKBACK_DAYS + 1):
        when = day - dt.timedelta(days=back)
        own, usd = _per_eur(currency, when), _per_eur("USD", when)
        if own is not None and usd is not None:
            return own, usd, when
    return None


def convert(amount: float, currency: str, published: str | None) -> Converted:
    """``amount`` of ``currency`` in EUR and USD for an article published on ``published``."""
    day = rate_day(published)
    rates = _rates(currency, day) if day is not None else None
    if rates is None:
        return Converted()
    own, usd, when = rates
    eur = amount / own
    return Converted(eur=round(eur, 2), usd=round(eur * usd, 2), rate_date=when.isoformat())

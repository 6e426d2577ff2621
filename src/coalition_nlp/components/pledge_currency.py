"""The currency of a pledge whose currency name several states use ("Kronen", "Dinar")."""
from __future__ import annotations

from ..lexicon import load_json, load_tsv

_DATA = load_json("pledges.json")
_CURRENCIES = load_tsv("currencies.tsv")
_FAMILY = {row["iso"]: row["family"] for row in _CURRENCIES if row["family"]}
_ISSUED = {(row["family"], row["state"]): row["iso"] for row in _CURRENCIES if row["family"]}
_DONOR_DECIDES = frozenset(_DATA["donor_decides_families"])
_SPECIFIC_NAMES = {  # "dänische Kronen", "DKK": the text has chosen already
    family: tuple(r["expression"] for r in _CURRENCIES if r["generic"] != "yes" and r["family"] == family)
    for family in _DONOR_DECIDES
}


def donors_currency(m, donor: str | None) -> str:
    """A bare "Kronen" from Norway are Norwegian kroner: for currency names many states use
    without a default, the donor's own currency wins over the parser's guess."""
    family = _FAMILY.get(m.currency)
    if family not in _DONOR_DECIDES or any(e in m.text for e in _SPECIFIC_NAMES[family]):
        return m.currency
    return _ISSUED.get((family, donor), m.currency)

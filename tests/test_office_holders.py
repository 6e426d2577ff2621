"""The office-holder table is consistent and answers who held an office when."""
import re
from collections import defaultdict
from importlib import resources

import pytest

from coalition_nlp.holders import RESOURCE, Holder, all_holders, office_holder
from coalition_nlp.names import fold

COLUMNS = ["name", "variants", "iso3", "role", "start", "end", "org"]
MONTH = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])$")
OPEN_END = "9999-12"

# Offices held by two people at once: the dual leaderships of German parties and Bundestag groups.
CO_HOLDERS = {
    ("DEU", "Grüne", "Parteivorsitzender"): 2,
    ("DEU", "Grüne", "Fraktionschef"): 2,
    ("DEU", "Linke", "Parteivorsitzender"): 2,
    ("DEU", "Linke", "Fraktionschef"): 2,
    ("DEU", "AfD", "Parteivorsitzender"): 2,
    ("DEU", "AfD", "Fraktionschef"): 2,
    ("DEU", "SPD", "Parteivorsitzender"): 2,
}


def _base_role(role: str) -> str:
    """The masculine office noun: "Außenministerin" -> "Außenminister",
    "Parteivorsitzende" -> "Parteivorsitzender"."""
    if role.endswith("in"):
        return role[:-2]
    if role.endswith("e"):
        return role + "r"
    return role


@pytest.fixture(scope="module")
def holders() -> tuple[Holder, ...]:
    return all_holders()


def test_every_row_has_the_columns():
    text = resources.files("coalition_nlp.resources").joinpath(RESOURCE).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert lines[0].split("\t") == COLUMNS
    bad = [ln for ln in lines[1:] if len(ln.split("\t")) != len(COLUMNS)]
    assert not bad
    assert len(lines) - 1 == len(all_holders()) > 500


def test_fields_are_well_formed(holders):
    for h in holders:
        assert h.name.strip() == h.name and h.name, h
        assert h.role and h.role[0].isupper(), h
        assert MONTH.match(h.start), h
        assert h.end is None or MONTH.match(h.end), h
        assert h.iso3 or h.org, f"{h}: an international official needs the body in org"
        assert all(v.strip() == v and v for v in h.variants), h


def test_start_not_after_end(holders):
    assert [h for h in holders if h.end is not None and h.end < h.start] == []


def test_iso3_codes_are_iso_3166(holders):
    pycountry = pytest.importorskip("pycountry")
    codes = {c.alpha_3 for c in pycountry.countries}
    assert sorted({h.iso3 for h in holders if h.iso3} - codes) == []


def test_no_spelling_names_two_persons(holders):
    persons = defaultdict(set)
    for h in holders:
        for spelling in (h.name, *h.variants):
            persons[fold(spelling)].add(h.name)
    assert {s: p for s, p in persons.items() if len(p) > 1} == {}


def test_one_holder_per_office_at_a_time(holders):
    """Terms of one office (state, body, role) do not overlap; a handover month is shared."""
    offices = defaultdict(list)
    for h in holders:
        offices[(h.iso3 or "", h.org or "", _base_role(h.role))].append(h)
    clashes = []
    for key, terms in offices.items():
        allowed = CO_HOLDERS.get((key[0], key[1], key[2]), 1)
        for point in {t.start for t in terms}:
            active = [
                t for t in terms
                if t.start <= point and (t.start == point or (t.end or OPEN_END) > point)
            ]
            if len(active) > allowed:
                clashes.append((key, point, sorted(t.name for t in active)))
    assert clashes == []


def test_co_holder_exceptions_are_used(holders):
    keys = {(h.iso3, h.org, _base_role(h.role)) for h in holders}
    assert set(CO_HOLDERS) <= keys


@pytest.mark.parametrize(
    "name, date, iso3, role",
    [
        ("Barack Obama", "2015", "USA", "Präsident"),
        ("David Cameron", "2016", "GBR", "Premierminister"),
        ("Baschar al-Assad", None, "SYR", "Präsident"),
        ("Bashar al-Assad", "2015-09-30", "SYR", "Präsident"),
        ("baschar al assad", "2015-09", "SYR", "Präsident"),
        ("Francois Hollande", "2015", "FRA", "Präsident"),
        ("Wladimir Putin", "2016", "RUS", "Präsident"),
        ("Recep Tayyip Erdogan", "2012", "TUR", "Ministerpräsident"),
        ("Haider al-Abadi", "2016", "IRQ", "Ministerpräsident"),
        ("Masoud Barzani", "2015", "IRQ", "Präsident"),
        ("Ursula von der Leyen", "2016", "DEU", "Verteidigungsministerin"),
        ("Frank-Walter Steinmeier", "2015", "DEU", "Außenminister"),
        ("Sebastian Kurz", "2015", "AUT", "Außenminister"),
        ("Didier Burkhalter", "2015", "CHE", "Außenminister"),
        ("Mohammed bin Salman", "2016", "SAU", "Verteidigungsminister"),
        ("Brett McGurk", "2017", "USA", "Sondergesandter"),
        # spokespeople, security advisers and commanders the press names without their office
        ("Josh Earnest", "2015", "USA", "Regierungssprecher"),
        ("Gabriel Attal", "2021", "FRA", "Regierungssprecher"),
        ("Steffen Seibert", "2016-05", "DEU", "Regierungssprecher"),
        ("John Bolton", "2019-01", "USA", "Sicherheitsberater"),
        ("Joseph Votel", "2017", "USA", "Centcom-Kommandeur"),
    ],
)
def test_lookup_gives_state_and_role(name, date, iso3, role):
    found = office_holder(name, date)
    assert (iso3, role) in {(h.iso3, h.role) for h in found}


def test_international_official_has_no_state():
    found = office_holder("Ban Ki Moon", "2014")
    assert [(h.iso3, h.role, h.org) for h in found] == [(None, "Generalsekretär", "UN")]
    assert [h.org for h in office_holder("Ban Ki-moon", "2014")] == ["UN"]


def test_unknown_name_and_date_outside_term_give_nothing():
    assert office_holder("Max Mustermann", "2015") == []
    assert office_holder("Barack Obama", "2018") == []
    assert office_holder("David Cameron", "2020") == []
    assert office_holder("Baschar al-Assad", "2025-06") == []


def test_several_offices_at_once_each_returned():
    roles = {(h.role, h.org) for h in office_holder("Angela Merkel", "2015")}
    assert roles == {("Bundeskanzlerin", None), ("Parteivorsitzende", "CDU")}
    assert len(office_holder("Boris Johnson")) == 2
    # a handover month belongs to both terms
    assert {h.role for h in office_holder("Ursula von der Leyen", "2019")} == {
        "Verteidigungsministerin", "Kommissionspräsidentin"}


def test_surname_only_when_asked_and_unique():
    assert office_holder("Assad", "2015") == []
    assert [h.iso3 for h in office_holder("Assad", "2015", surname=True)] == ["SYR"]
    assert [h.org for h in office_holder("von der Leyen", "2021", surname=True)] == ["EU-Kommission"]
    assert [h.iso3 for h in office_holder("Xi", "2020", surname=True)] == ["CHN"]
    assert office_holder("Barsani", "2015", surname=True) == []  # three Barzanis
    assert office_holder("Rasmussen", "2012", surname=True) == []  # two Rasmussens
    assert office_holder("Salman", "2016", surname=True) == []  # patronymic, not a surname


def test_date_formats():
    assert office_holder("Barack Obama", "2017") and office_holder("Barack Obama", "2017-01")
    assert office_holder("Barack Obama", "2017-02") == []
    assert office_holder("Barack Obama", "2008-12-31") == []
    with pytest.raises(ValueError):
        office_holder("Barack Obama", "15.03.2015")
    with pytest.raises(ValueError):
        office_holder("Barack Obama", "2015-13")

"""Scoring per spec §4: one-to-one matching, surname rule, tolerances, optional records."""
from __future__ import annotations

import json

import pytest

from coalition_nlp.evaluate import evaluate, max_assignment, person_matches
from coalition_nlp.records import Actor, ArticleExtraction, ArticleInfo, Meeting, MoneyPledge, TroopCommitment


@pytest.mark.parametrize(
    "predicted, gold, expected",
    [
        ("Ashton Carter", "Ashton Carter", True),
        ("Ibrahim al-Dschafari", "Ibrahim Al-Dschafari", True),  # case and hyphen folded
        ("Francois Hollande", "François Hollande", True),  # diacritics folded
        ("Carter", "Ashton Carter", False),  # a bare surname never matches a full name
        ("Anders Fogh Rasmussen", "Anders Rasmussen", True),  # token-set similarity
        ("John Key", "John Kerry", False),
    ],
)
def test_person_matching(predicted, gold, expected):
    assert person_matches(predicted, gold) is expected


def test_assignment_is_one_to_one_and_maximal():
    # p0 fits g0 and g1, p1 only g0: the maximum pairs p1-g0 and p0-g1
    pairs = max_assignment(2, 2, lambda p, g: (p, g) in {(0, 0), (0, 1), (1, 0)})
    assert pairs == {0: 1, 1: 0}


def _write_gold(tmp_path, **records):
    gold = {"article_id": "a1", "persons": [], "countries": {"required": [], "allowed": []},
            "meetings": [], "troop_commitments": [], "money_pledges": [],
            "optional": {"meetings": [], "troop_commitments": [], "money_pledges": []}}
    gold.update(records)
    (tmp_path / "a1.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def _pred(**fields):
    return ArticleExtraction(article=ArticleInfo(id="a1", text_sha256="x"), **fields)


def test_troops_match_on_change_or_total_within_one_percent(tmp_path):
    gold_dir = _write_gold(tmp_path, troop_commitments=[
        {"country": "USA", "personnel": "Soldaten", "change": 560, "total": 4600, "approx": True, "destination": ["IRQ"], "status": "announced"},
        {"country": "GBR", "personnel": "Militärausbilder", "change": [250, None], "total": 500, "approx": False, "destination": ["IRQ"], "status": "announced"},
    ])
    pred = _pred(troop_commitments=[
        TroopCommitment(id="T1", country="USA", personnel="Soldaten", total=4620, status="announced"),  # 0.4 % off
        TroopCommitment(id="T2", country="GBR", personnel="Ausbilder", change=300, status="announced"),  # wrong figure
        TroopCommitment(id="T3", country="FRA", personnel="Soldaten", change=560, status="announced"),  # wrong state
    ])
    s = evaluate([pred], gold_dir).scores["troop_commitments"]
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)


def test_money_donor_aliases_and_optional(tmp_path):
    gold_dir = _write_gold(
        tmp_path,
        money_pledges=[{"donor": "DEU", "donor_aliases": ["Deutschland", "Auswärtiges Amt"], "amount": 40000000, "currency": "EUR", "approx": False, "purpose": None, "recipient": None}],
        optional={"meetings": [], "troop_commitments": [], "money_pledges": [
            {"donor": "DEU", "donor_aliases": [], "amount": 1000000000, "currency": "EUR", "approx": True, "purpose": None, "recipient": None}]},
    )
    pred = _pred(money_pledges=[
        MoneyPledge(id="P1", donor="Auswärtiges Amt", amount=40_100_000, currency="EUR"),  # alias, 0.25 % off
        MoneyPledge(id="P2", donor="DEU", amount=1e9, currency="EUR"),  # optional: neither way
        MoneyPledge(id="P3", donor="DEU", amount=40e6, currency="USD"),  # wrong currency
    ])
    s = evaluate([pred], gold_dir).scores["money_pledges"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


def test_countries_required_and_allowed(tmp_path):
    gold_dir = _write_gold(tmp_path, countries={"required": ["USA", "IRQ"], "allowed": ["BEL"]})
    pred = _pred(actors=[
        Actor(id=f"A{i}", type="country", name=iso, country=iso) for i, iso in enumerate(["USA", "BEL", "FRA"])
    ])
    s = evaluate([pred], gold_dir).scores["countries"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)


def test_missing_prediction_counts_as_misses(tmp_path):
    gold_dir = _write_gold(tmp_path, persons=[{"name": "John Kerry", "country": "USA", "role": None}])
    report = evaluate([], gold_dir)
    assert report.scores["persons"].fn == 1


_KERRY = Actor(id="A1", type="person", name="John Kerry", country="USA")


@pytest.mark.parametrize(
    "location, participants, gold_location, required, matches",
    [
        ("Brüssel", [], "Brüssel", ["John Kerry"], True),
        ("Brüssel", [], ["Brüssel", None], ["John Kerry"], True),
        ("Kampf", ["A1"], ["Brüssel", None], ["John Kerry"], False),  # a wrong place never matches
        ("Kampf", ["A1"], "Brüssel", ["John Kerry"], False),
        (None, ["A1"], "Brüssel", ["John Kerry"], True),  # a missing place is forgiven by participants
        (None, [], "Brüssel", ["John Kerry"], False),
        (None, [], ["Brüssel", None], [], True),  # none required: the gold must accept no place
        (None, [], "Brüssel", [], False),
    ],
)
def test_meeting_place_rule(tmp_path, location, participants, gold_location, required, matches):
    gold_dir = _write_gold(tmp_path, meetings=[{"status": "held", "location": gold_location,
                                                "participants": {"required": required, "allowed": []}}])
    pred = _pred(actors=[_KERRY], meetings=[
        Meeting(id="M1", status="held", location=location, participants=participants)])
    s = evaluate([pred], gold_dir).scores["meetings"]
    assert (s.tp, s.fp, s.fn) == ((1, 0, 0) if matches else (0, 1, 1))

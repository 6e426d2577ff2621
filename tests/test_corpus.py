"""Cross-article merge: one actor per person, state and organisation; one event per meeting."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import coalition_nlp
from coalition_nlp.corpus import Corpus
from coalition_nlp.evaluate import person_matches
from coalition_nlp.records import (
    Actor, ArticleExtraction, ArticleInfo, Meeting, MoneyPledge, Size, Span, TroopCommitment,
)

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def dev_results():
    return list(coalition_nlp.extract_many([ROOT / "data" / "articles"]))


def _gold_articles(name: str) -> list[str]:
    return sorted(
        p.stem for p in (ROOT / "data" / "gold").glob("*.json")
        if any(person_matches(name, g["name"]) for g in json.loads(p.read_text(encoding="utf-8"))["persons"])
    )


@pytest.mark.parametrize("name, country", [
    ("John Kerry", "USA"), ("Frank-Walter Steinmeier", "DEU"), ("Ashton Carter", "USA"),
    ("Jean-Yves Le Drian", "FRA"), ("Michael Fallon", "GBR"), ("Ursula von der Leyen", "DEU"),
])
def test_each_minister_is_one_corpus_actor_with_all_source_articles(dev_results, name, country):
    corpus = Corpus.from_extractions(dev_results)
    matches = [a for a in corpus.actors if a.type == "person" and person_matches(a.name, name)]
    assert len(matches) == 1
    actor = matches[0]
    assert actor.name == name and actor.country == country
    assert actor.articles == _gold_articles(name)
    assert len(actor.articles) >= 2


def test_dev_corpus_merges_states_by_iso_and_links_events(dev_results):
    corpus = Corpus.from_extractions(dev_results)
    germany = [a for a in corpus.actors if a.type == "country" and a.country == "DEU"]
    assert len(germany) == 1 and germany[0].id == "country:deu"
    assert "Bundesregierung" in germany[0].aliases
    kerry = corpus.actor("Kerry")
    assert kerry.id == "person:john-kerry"
    london = [m for m in corpus.meetings if m.location == "London" and m.size]
    assert london[0].size.value == 21 and kerry.id in london[0].participants
    ids = {a.id for a in corpus.actors}
    pledges = {(p.donor, p.amount): p for p in corpus.money_pledges}
    assert pledges["DEU", 255e6].donor_actor == "country:deu"
    assert all(t.country_actor in ids for t in corpus.troop_commitments)
    fallon_troops = [t for t in corpus.troop_commitments if t.actor == "person:michael-fallon"]
    assert [(t.country_actor, t.change, t.total) for t in fallon_troops] == [("country:gbr", None, 500)]


def test_ids_do_not_depend_on_article_order(dev_results):
    forward = Corpus.from_extractions(dev_results)
    backward = Corpus.from_extractions(reversed(dev_results))
    assert {(a.id, a.name, tuple(a.articles)) for a in forward.actors} == {
        (a.id, a.name, tuple(a.articles)) for a in backward.actors
    }


# --- small constructed articles -----------------------------------------------------------

def _span(text: str) -> Span:
    return Span(text=text, start=0, end=len(text))


def _article(aid: str, actors, meetings=(), troops=(), pledges=(), published=None) -> ArticleExtraction:
    return ArticleExtraction(
        article=ArticleInfo(id=aid, text_sha256="0", published=published), actors=list(actors),
        meetings=list(meetings), troop_commitments=list(troops), money_pledges=list(pledges),
    )


def _person(aid, name, country, roles=()):
    return Actor(id=aid, type="person", name=name, country=country, roles=list(roles), mentions=[_span(name)])


def _state(aid, name, iso):
    return Actor(id=aid, type="country", name=name, country=iso, mentions=[_span(name)])


def _london(mid, size, approx, participants, date="2015-01-22"):
    return Meeting(id=mid, status="held", location="London", date=date, participants=participants,
                   size=Size(value=size, approx=approx, unit="Staaten"), evidence=[_span(f"{size} Staaten in London")])


def test_same_meeting_from_three_articles_keeps_every_size_and_reports_the_majority():
    a = _article("a", [_person("A1", "John Kerry", "USA"), _person("A2", "Philip Hammond", "GBR")],
                 [_london("M1", 21, False, ["A1", "A2"])], published="2015-01-22")
    b = _article("b", [_person("A1", "Kerry", "USA", ["Außenminister"]), _person("A2", "Hammond", "GBR")],
                 [_london("M1", 20, True, ["A1", "A2"], date=None)], published="2015-01-23")
    c = _article("c", [_person("A5", "John Kerry", "USA", ["Außenminister"])],
                 [_london("M2", 21, False, ["A5"], date="2015-01")])
    corpus = Corpus.from_extractions([a, b, c])
    assert len(corpus.meetings) == 1
    meeting = corpus.meetings[0]
    assert meeting.articles == ["a", "b", "c"]
    assert [e.article for e in meeting.evidence] == ["a", "b", "c"]
    assert meeting.size.value == 21 and meeting.size.approx is False and meeting.date == "2015-01-22"
    (dispute,) = meeting.disputes
    assert dispute.field == "size" and dispute.reported == 21
    assert [(v.value, v.article) for v in dispute.values] == [(21, "a"), (20, "b"), (21, "c")]
    assert dispute.reason == "given by 2 of 3 sources"
    kerry = corpus.actor("John Kerry")
    assert kerry.articles == ["a", "b", "c"] and kerry.aliases == ["John Kerry", "Kerry"]
    assert meeting.participants == [kerry.id, corpus.actor("Philip Hammond").id]


def test_tie_between_figures_is_settled_by_exactness_then_by_recency():
    def pledge(pid, amount, approx):
        return MoneyPledge(id=pid, donor="DEU", donor_actor="A1", amount=amount, currency="EUR", approx=approx,
                           purpose="humanitäre Hilfe")

    germany = _state("A1", "Deutschland", "DEU")
    exact = Corpus.from_extractions([
        _article("a", [germany], pledges=[pledge("P1", 100e6, True)]),
        _article("b", [germany], pledges=[pledge("P1", 110e6, False)]),
    ])
    (p,) = exact.money_pledges
    assert p.amount == 110e6 and p.donor_actor == "country:deu"
    assert p.disputes[0].reason == "an exact figure is preferred over an approximate one"
    recent = Corpus.from_extractions([
        _article("a", [germany], pledges=[pledge("P1", 100e6, False)], published="2016-02"),
        _article("b", [germany], pledges=[pledge("P1", 110e6, False)], published="2016-01"),
    ])
    assert recent.money_pledges[0].amount == 100e6
    assert recent.money_pledges[0].disputes[0].reason == "from the most recently published source (2016-02)"


def test_troop_totals_that_disagree_are_kept_with_their_sources():
    def troops(tid, total):
        return TroopCommitment(id=tid, country="GBR", actor="A1", personnel="Militärausbilder", change=250,
                               total=total, destination=["IRQ"], status="announced")

    fallon = _person("A1", "Michael Fallon", "GBR", ["Verteidigungsminister"])
    corpus = Corpus.from_extractions([_article("a", [fallon], troops=[troops("T1", 500)]),
                                      _article("b", [fallon], troops=[troops("T1", 550)], published="2016-02")])
    (t,) = corpus.troop_commitments
    assert (t.change, t.total, t.actor) == (250, 550, "person:michael-fallon")
    assert [(d.field, [v.value for v in d.values]) for d in t.disputes] == [("total", [500, 550])]


def test_what_must_stay_apart():
    corpus = Corpus.from_extractions([
        _article("a", [_person("A1", "Gerd Müller", "DEU"), _person("A2", "Carter", "USA")],
                 [Meeting(id="M1", status="held", location="Paris", participants=["A1"])]),
        _article("b", [_person("A1", "Gerd Müller", "AUT"), _person("A2", "Ashton Carter", "USA")],
                 [Meeting(id="M1", status="held", location="Paris", participants=["A1"]),
                  Meeting(id="M2", status="held", location="Brüssel", participants=["A1"])]),
    ])
    # Same name, other state: two people; one shared place alone is not one meeting.
    assert sorted(a.id for a in corpus.actors if "Müller" in a.name) == ["person:gerd-muller",
                                                                         "person:gerd-muller-aut"]
    assert len(corpus.meetings) == 3
    # A bare surname with the same state joins the full name, whichever article comes first.
    assert corpus.actor("Ashton Carter").articles == ["a", "b"]

"""Comparable money: EUR/USD at the ECB rate of the publication date, states behind their
ministries as donors, collective donors and totals flagged."""
from __future__ import annotations

import pytest

import coalition_nlp
from coalition_nlp import fx
from coalition_nlp.corpus import Corpus
from coalition_nlp.ingest import article_from_text


@pytest.mark.parametrize(
    "amount, currency, published, expected",
    [
        # ECB 2016-04-18: 1.1306 USD per EUR
        (100.0, "USD", "2016-04-18", fx.Converted(88.45, 100.0, "2016-04-18")),
        # a Sunday takes Friday's rate (1.1284)
        (100.0, "USD", "2016-04-17", fx.Converted(88.62, 100.0, "2016-04-15")),
        # "YYYY-MM": the 15th of the month
        (10.0, "EUR", "2016-04", fx.Converted(10.0, 11.28, "2016-04-15")),
        # the riyal's dollar peg (3.75) at that day's dollar rate
        (375.0, "SAR", "2016-04-18", fx.Converted(88.45, 100.0, "2016-04-18")),
        (1.0, "EUR", "2016", fx.Converted()),          # a year alone: no rate picked
        (1.0, "EUR", None, fx.Converted()),            # undated
        (1.0, "KWD", "2016-04-18", fx.Converted()),    # a basket peg, no ECB rate
        (1.0, "RUB", "2023-01-02", fx.Converted()),    # the ECB stopped quoting the rouble
    ],
)
def test_conversion_at_the_ecb_rate_of_the_day(amount, currency, published, expected):
    assert fx.convert(amount, currency, published) == expected


def test_pledges_carry_euro_and_dollar_amounts():
    dated = coalition_nlp.extract("Kanada sagte 20 Millionen Dollar für den Irak zu.", published="2016-04-18")
    (pledge,) = dated.money_pledges
    assert (pledge.currency, pledge.amount_eur, pledge.amount_usd, pledge.rate_date) == (
        "USD", 17689722.27, 20000000.0, "2016-04-18")
    undated = coalition_nlp.extract("Kanada sagte 20 Millionen Dollar für den Irak zu.")
    assert (undated.money_pledges[0].amount_eur, undated.money_pledges[0].rate_date) == (None, None)


def test_schema_names_the_new_pledge_fields():
    schema = coalition_nlp.ArticleExtraction.model_json_schema()["$defs"]["MoneyPledge"]["properties"]
    assert {"amount_eur", "amount_usd", "rate_date", "collective", "total_of_others"} <= set(schema)


@pytest.mark.parametrize(
    "text, donor, body",
    [
        ("Das BMZ stellt 20 Millionen Euro für den Wiederaufbau im Irak bereit.",
         "DEU", "Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung"),
        ("Das Auswärtige Amt sagte 40 Millionen Euro für Nahrungsmittel zu.", "DEU", "Auswärtiges Amt"),
        ("Das Pentagon stellt 30 Millionen Dollar für die Ausbildung bereit.", "USA", "Pentagon"),
        ("Das State Department sagte 15 Millionen Dollar für Flüchtlinge zu.", "USA", "US-Außenministerium"),
    ],
)
def test_a_ministry_gives_its_state_as_donor(text, donor, body):
    result = coalition_nlp.extract(text)
    (pledge,) = result.money_pledges
    names = {a.id: a.name for a in result.actors}
    assert (pledge.donor, names[pledge.donor_actor]) == (donor, body)


def kinds(text: str) -> list[tuple]:
    return [(p.donor, p.amount, p.collective, p.total_of_others)
            for p in coalition_nlp.extract(text).money_pledges]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die internationale Gemeinschaft sagte 2 Milliarden Dollar zu. Schweden gab 40 Millionen Dollar.",
         [("internationale Gemeinschaft", 2e9, True, False), ("SWE", 40e6, False, False)]),
        ("Die Geber sagten insgesamt 900 Millionen Euro zu. Dänemark gab davon 30 Millionen Euro.",
         [("Geber", 900e6, True, True), ("DNK", 30e6, False, False)]),
        # a conference's sum, with no single donor
        ("Bei der Geberkonferenz wurden insgesamt 3 Milliarden Dollar zugesagt. Kuwait gab 500 Millionen Dollar.",
         [("Geberkonferenz", 3e9, True, True), ("KWT", 500e6, False, False)]),
        # a state's total that includes its own pledge named before
        ("Belgien gab weitere 8 Millionen Euro für Schulen. Insgesamt hat Belgien damit 60 Millionen Euro bereitgestellt.",
         [("BEL", 8e6, False, False), ("BEL", 60e6, False, True)]),
        # "insgesamt" alone, with nothing smaller of the same donor to sum: a pledge like any other
        ("Belgien stellt insgesamt 60 Millionen Euro bereit. Portugal gab 5 Millionen Euro.",
         [("BEL", 60e6, False, False), ("PRT", 5e6, False, False)]),
        # a different currency is not summed
        ("Belgien gab 8 Millionen Dollar. Insgesamt hat Belgien damit 60 Millionen Euro bereitgestellt.",
         [("BEL", 8e6, False, False), ("BEL", 60e6, False, False)]),
    ],
)
def test_collective_donors_and_totals_are_flagged(text, expected):
    assert kinds(text) == expected


def test_corpus_pledge_keeps_the_conversion_of_its_reported_source():
    text = "Kanada sagte 20 Millionen Dollar für den Irak zu."
    a = coalition_nlp.extract(article_from_text(text, id="a", published="2016-04-18"))
    b = coalition_nlp.extract(article_from_text(text, id="b"))
    (pledge,) = Corpus.from_extractions([b, a]).money_pledges
    assert (pledge.amount_eur, pledge.rate_date, pledge.collective) == (17689722.27, "2016-04-18", False)

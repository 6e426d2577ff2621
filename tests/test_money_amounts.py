"""Money amounts: amount, ISO currency, approximation, brackets and the traps."""
import pytest
from hypothesis import given, settings, strategies as st

from coalition_nlp.parse.money import find_money


def _check_offsets(text, matches):
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("text, expected", [
    ("Bereits zugesagt hat das Auswärtige Amt 40 Millionen Euro für weitere Nahrungsmittelhilfe "
     "an rund zwölf Millionen Flüchtlinge in der Krisenregion.",
     [("40 Millionen Euro", 40e6, "EUR", False)]),
    ("eine deutsche Stabilisierungshilfe in Höhe von 160 Millionen Euro",
     [("160 Millionen Euro", 160e6, "EUR", False)]),
    ("In diesem Jahr summierten sich diese Hilfen auf rund eine Milliarde Euro.",
     [("rund eine Milliarde Euro", 1e9, "EUR", True)]),
    ("Die Teilnehmerländer wollen mit rund 1,8 Milliarden Dollar Zivilisten unterstützen.",
     [("rund 1,8 Milliarden Dollar", 1.8e9, "USD", True)]),
    ("Großbritannien will 100 Millionen Pfund beisteuern.", [("100 Millionen Pfund", 100e6, "GBP", False)]),
    ("Die EU stellt 1,1 Mrd. Euro bereit.", [("1,1 Mrd. Euro", 1.1e9, "EUR", False)]),
    ("Es gibt € 40 Mio. und 40 Mio. € und 40 Mio. Euro.",
     [("€ 40 Mio.", 40e6, "EUR", False), ("40 Mio. €", 40e6, "EUR", False), ("40 Mio. Euro", 40e6, "EUR", False)]),
    ("zusammen US$ 5 Mrd. sowie EUR 3 Mio. und 7 Mio. USD",
     [("US$ 5 Mrd.", 5e9, "USD", False), ("EUR 3 Mio.", 3e6, "EUR", False), ("7 Mio. USD", 7e6, "USD", False)]),
    ("zwei Millionen Euro und drei Millionen Dollar",
     [("zwei Millionen Euro", 2e6, "EUR", False), ("drei Millionen Dollar", 3e6, "USD", False)]),
    ("12 Millionen Schweizer Franken und 5 Millionen Franken",
     [("12 Millionen Schweizer Franken", 12e6, "CHF", False), ("5 Millionen Franken", 5e6, "CHF", False)]),
    ("20 Millionen britische Pfund, 3 Millionen Pfund Sterling",
     [("20 Millionen britische Pfund", 20e6, "GBP", False), ("3 Millionen Pfund Sterling", 3e6, "GBP", False)]),
    ("9 Mrd. Yen, 2 Mrd. Rubel, 4 Mrd. Yuan, 3 Mrd. türkische Lira und 1 Mrd. Lira",
     [("9 Mrd. Yen", 9e9, "JPY", False), ("2 Mrd. Rubel", 2e9, "RUB", False), ("4 Mrd. Yuan", 4e9, "CNY", False),
      ("3 Mrd. türkische Lira", 3e9, "TRY", False), ("1 Mrd. Lira", 1e9, "TRY", False)]),
    ("200 Millionen australische Dollar", [("200 Millionen australische Dollar", 200e6, "AUD", False)]),
    ("Mit dem Verkauf von Erdöl nahm sie bis zu drei Millionen Dollar am Tag ein.",
     [("bis zu drei Millionen Dollar", 3e6, "USD", True)]),
    ("ein 500-Millionen-Euro-Programm", [("500-Millionen-Euro", 500e6, "EUR", False)]),
    ("zwischen 20 und 30 Millionen Euro", [("zwischen 20 und 30 Millionen Euro", 20e6, "EUR", True)]),
])
def test_amounts(text, expected):
    found = find_money(text)
    _check_offsets(text, found)
    assert [(m.text, m.amount, m.currency, m.approx) for m in found] == [
        (t, pytest.approx(a), c, ap) for t, a, c, ap in expected
    ]


def test_bare_dollar_keeps_the_earlier_specific_dollar():
    text = ("Ottawa stellt 1,6 Milliarden kanadische Dollar bereit. Davon sind 840 Millionen Dollar "
            "für humanitäre Hilfe vorgesehen. Washington gab 5 Millionen US-Dollar.")
    found = find_money(text)
    _check_offsets(text, found)
    assert [(m.amount, m.currency) for m in found] == [(1.6e9, "CAD"), (840e6, "CAD"), (5e6, "USD")]


def test_bare_dollar_reads_only_currencies_named_before_it_in_any_spelling():
    text = ("Canberra nannte zuerst 30 Millionen australischen Dollar, Ottawa dann 2 Millionen kanadische\n"
            "Dollar. Später kamen weitere 10 Millionen Dollar hinzu.")
    assert [m.currency for m in find_money(text)] == ["AUD", "CAD", "CAD"]
    assert find_money("Es geht um 10 Millionen Dollar, nicht um australische.")[0].currency == "USD"


def test_inflected_dollar_adjective():
    text = "mit 1,6 Milliarden kanadischen Dollar"
    (m,) = find_money(text)
    assert (m.text, m.currency) == ("1,6 Milliarden kanadischen Dollar", "CAD")


@pytest.mark.parametrize("text, flags", [
    ("hat 3,8 Milliarden US-Dollar (rund 3,5 Mrd Euro) zugesagt.", [False, True]),
    ("monatlich noch rund 200 US-Dollar (gut 180 Euro), ausländische etwa 400 US-Dollar.", [False, True, False]),
    ("Deutschland gibt 255 Millionen Euro (davon 100 Millionen Euro sofort).", [False, True]),
    ("Die USA (500 Millionen Dollar) helfen.", [False]),
])
def test_conversion_in_brackets(text, flags):
    found = find_money(text)
    _check_offsets(text, found)
    assert [m.in_brackets for m in found] == flags


@pytest.mark.parametrize("text, expected", [
    # a scaled amount closing its phrase without a currency takes that of the amount before it
    ("Japan gibt 300 Millionen Dollar, Norwegen und Dänemark je 35 Millionen.", [(300e6, "USD"), (35e6, "USD")]),
    ("London stellt 164 Mio. Pfund bereit, Berlin 80 Millionen und Rom 20 Millionen.",
     [(164e6, "GBP"), (80e6, "GBP"), (20e6, "GBP")]),
    # not before a noun, not in another sentence, not in brackets, not without an amount before
    ("Es gibt 500 Millionen Dollar für zwei Millionen Flüchtlinge.", [(500e6, "USD")]),
    ("Sie gaben 5 Millionen Euro. Das Land hat 80 Millionen.", [(5e6, "EUR")]),
    ("Die Kosten von 400 Millionen Euro (rund 450 Millionen) trägt der Bund.", [(400e6, "EUR")]),
    ("Das Land hat 80 Millionen Einwohner und 80 Millionen.", []),
    # a scaled amount joined to the next one takes the currency written after it
    ("Das Budget wächst um rund 85 Millionen auf knapp 900 Millionen Franken.", [(85e6, "CHF"), (900e6, "CHF")]),
    ("Die Zahl stieg von 2 Millionen auf 3 Millionen Flüchtlinge.", []),
    # an amount named by a noun of money is in the currency the text last named
    ("Österreich gibt 60 Millionen Euro. Zuvor hatte es 26 Millionen an Hilfsgeldern zugesagt.", [(60e6, "EUR"), (26e6, "EUR")]),
    ("Es leben 26 Millionen an der Küste.", []),
    # an adjective between the article and its scale word
    ("Dazu kommt eine weitere Million Euro.", [(1e6, "EUR")]),
    ("Bern gibt einer zusätzlichen Milliarde Franken den Vorzug.", [(1e9, "CHF")]),
    # a scaled amount that opens the next sentence as its subject is a share in the same currency
    ("Die Regierung stockt die Hilfe um 30 Millionen Franken auf. Je 15 Millionen gehen an zwei Länder.",
     [(30e6, "CHF"), (15e6, "CHF")]),
    ("Die EU gibt 4 Milliarden Euro. Weitere 2 Milliarden fließen an Jordanien.", [(4e9, "EUR"), (2e9, "EUR")]),
    # ... not before a noun, nor two sentences later
    ("Die EU gibt 4 Milliarden Euro. Rund 5 Millionen syrische Kinder leben dort.", [(4e9, "EUR")]),
    ("Die EU gibt 4 Milliarden Euro. Das ist viel. Weitere 2 Milliarden fließen an Jordanien.", [(4e9, "EUR")]),
])
def test_elliptic_amounts(text, expected):
    assert [(m.amount, m.currency) for m in find_money(text)] == expected


@pytest.mark.parametrize("text", [
    "an rund zwölf Millionen Flüchtlinge in der Krisenregion",
    "Sie verlor 20 bis 30 Prozent ihres Gebiets.",
    "Es geht um einen 47-Jährigen aus Manchester.",
    "Der Staudamm liegt rund 50 Kilometer nördlich von Mossul.",
    "Es geht um Millionen Euro an Hilfe.",
    "Das kostet den Euro-Raum viel, sagte er am 22. Februar.",
    "Mehr als 220 000 Menschen sind getötet worden.",
])
def test_not_money(text):
    assert find_money(text) == []


@settings(max_examples=300)
@given(text=st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(list("0123456789.,-() €$\n") + ["Mio.", " Euro", " Dollar", "US$", " kanadische",
                                                                     "rund ", "(", "1,8,9 Milliarden", "--", "«»"]), max_size=80).map("".join),
))
def test_never_raises_and_offsets_inside(text):
    _check_offsets(text, find_money(text))

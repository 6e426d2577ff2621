"""German numbers: value, offsets, approximations, ranges, years and the traps."""
import pytest
from hypothesis import given, settings, strategies as st

from coalition_nlp.parse.numbers import find_numbers, format_german, qualifier_meaning


def _check_offsets(text, matches):
    for m in matches:
        assert 0 <= m.start <= m.num_start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("text, expected", [
    ("Die USA wollen ihre Truppen um rund 560 auf dann 4.600 Soldaten aufstocken.", [560, 4600]),
    ("Die Terrormiliz verfügt über 20 000 bis 31 500 Kämpfer.", [20000]),
    ("Es waren 20\u00a0000 Mann und 20\u202f000 Helfer.", [20000, 20000]),
    ("Im Libanon leben mehr als 1,1 Millionen registrierte Flüchtlinge.", [1_100_000]),
    ("Die Teilnehmerländer wollen mit rund 1,8 Milliarden Dollar helfen.", [1_800_000_000]),
    ("Seither flogen die Maschinen 1378 Einsätze, also 1.378.", [1378, 1378]),
    ("Der Anteil liegt bei 0,5 Prozent.", [0.5]),
    ("Zwölf Staaten und einundzwanzig Minister, zweihundertfünfzig Helfer.", [12, 21, 250]),
    ("Es kamen tausend, dann hunderttausend Menschen.", [1000, 100000]),
    ("Rund ein Dutzend Nationen fliegen Luftangriffe.", [12]),
    ("ein Zusammentreffen von mehr als zwei Dutzend Ländern", [24]),
    ("eine Million Menschen und mit einer Milliarde Euro", [1_000_000, 1_000_000_000]),
    ("40 Mio. und 3 Mrd und 5 Tsd. und 7 Mio", [40_000_000, 3_000_000_000, 5000, 7_000_000]),
    ("zwei Millionen und zwölf Millionen", [2_000_000, 12_000_000]),
    ("eine halbe Million und zweieinhalb Milliarden und anderthalb Millionen", [500_000, 2.5e9, 1.5e6]),
    ("Acht Soldaten wurden verletzt.", [8]),
    ("Etwa 60 Prozent weniger als im Vorjahr", [60]),
    ("Das Ergebnis: 445 Abgeordnete dafür, 146 dagegen, 7 enthielten sich.", [445, 146, 7]),
    ("Die Zahl stieg auf 500. Danach sank sie.", [500]),
    ("ein 500-Millionen-Euro-Programm", [500_000_000]),
])
def test_values(text, expected):
    found = find_numbers(text)
    _check_offsets(text, found)
    assert [m.value for m in found] == pytest.approx(expected)


@pytest.mark.parametrize("text, span, qualifier", [
    ("Die USA wollen ihre Truppen um rund 560 aufstocken.", "rund 560", "rund"),
    ("Vertreter von mehr als 20 Ländern", "mehr als 20", "mehr als"),
    ("Damit können bis zu 1200 Soldaten geschickt werden.", "bis zu 1200", "bis zu"),
    ("Es sind mindestens 3000 Zivilisten getötet worden.", "mindestens 3000", "mindestens"),
    ("Sie erhalten gut 180 Euro.", "gut 180", "gut"),
    ("Es flohen fast vier Millionen Syrer.", "fast vier Millionen", "fast"),
    ("Es kamen ca. 40 Minister.", "ca. 40", "circa"),
    ("Rund 60 Staaten gehören dazu.", "Rund 60", "rund"),
    ("Über 500 Soldaten sind dort.", "Über 500", "über"),
    ("Knapp 300 Ausbilder.", "Knapp 300", "knapp"),
    ("Es sind weniger als 100 Berater.", "weniger als 100", "weniger als"),
])
def test_approximations(text, span, qualifier):
    (m,) = find_numbers(text)
    _check_offsets(text, [m])
    assert (m.text, m.qualifier, m.approx) == (span, qualifier, True)


@pytest.mark.parametrize("text, approx", [
    ("Die Weltbank gewährt einen Kredit über 1,5 Milliarden Dollar.", False),  # "of", after a noun
    ("Bei den Kämpfen starben über 100 Menschen.", True),
    ("Über 100 Menschen starben.", True),
])
def test_ueber_after_a_noun_is_not_an_approximation(text, approx):
    (m,) = find_numbers(text)
    assert m.approx is approx


def test_qualifier_meaning_tells_ceiling_from_estimate():
    assert qualifier_meaning("bis zu") == "at_most"
    assert qualifier_meaning("rund") == "about"
    assert qualifier_meaning(None) is None


@pytest.mark.parametrize("text, span, low, high", [
    ("sowie 20 bis 30 Prozent ihres Gebiets", "20 bis 30", 20, 30),
    ("über 20 000 bis 31 500 Kämpfer", "20 000 bis 31 500", 20000, 31500),
    ("20-30 Kämpfer", "20-30", 20, 30),
    ("20–30 Kämpfer", "20–30", 20, 30),
    ("zwischen 20 und 30 Soldaten", "zwischen 20 und 30", 20, 30),
    ("zwei bis drei Millionen Menschen", "zwei bis drei Millionen", 2e6, 3e6),
    ("etwa 2 bis 3 Mio. Euro", "etwa 2 bis 3 Mio.", 2e6, 3e6),
])
def test_ranges(text, span, low, high):
    (m,) = find_numbers(text)
    _check_offsets(text, [m])
    assert (m.text, m.value, m.high) == (span, low, high)


@pytest.mark.parametrize("text, span, value, qualifier", [
    ("Die USA wollen mehrere hundert Soldaten mehr schicken.", "mehrere hundert", 100, "mehrere"),
    ("eine Flutwelle, die Hunderttausende Menschen gefährden würde", "Hunderttausende", 100000, None),
    ("Tausende flohen.", "Tausende", 1000, None),
    ("Dutzende Tote", "Dutzende", 12, None),
    ("einige tausend Kämpfer", "einige tausend", 1000, "einige"),
    ("ein paar Dutzend Berater", "ein paar Dutzend", 12, "ein paar"),
])
def test_vague(text, span, value, qualifier):
    (m,) = find_numbers(text)
    _check_offsets(text, [m])
    assert (m.text, m.value, m.vague, m.approx, m.qualifier) == (span, value, True, True, qualifier)


@pytest.mark.parametrize("text, value, is_year", [
    ("verlor die Miliz seit 2014 rund die Hälfte", 2014, True),
    ("Harper hatte die Beteiligung im Oktober 2014 beschlossen.", 2014, True),
    ("Der Einsatz ist zunächst bis Ende 2016 befristet.", 2016, True),
    ("2015 flogen die Maschinen weiter.", 2015, True),
    ("seit Herbst 2014 Luftangriffe", 2014, True),
    ("Sie schicken 2000 Soldaten.", 2000, False),
    ("rund 2000 Soldaten", 2000, False),
    ("Es sind 1.999 Helfer.", 1999, False),
])
def test_years(text, value, is_year):
    (m,) = find_numbers(text)
    _check_offsets(text, [m])
    assert (m.value, m.is_year) == (value, is_year)


@pytest.mark.parametrize("text", [
    "Am Samstag hatte die Miliz ein Video veröffentlicht.",
    "die Ermordung einer dritten westlichen Geisel",
    "Die Flugzeuge sollen bis spätestens 22. Februar zurückkehren.",
    "Das Treffen findet am 3. März statt.",
    "Er erinnerte an den 2. Weltkrieg.",
    "am 1., 2. und 3. Mai",
    "Die Sitzung beginnt um 14.30 Uhr, die andere um 9 Uhr und um 14:30.",
    "Kampfflugzeuge vom Typ CF-18",
    "Einer der Minister sagte, einige wollten mehr.",
    "Sie verlor rund die Hälfte ihres Gebiets.",
    "Die Regierung ließ das außer Acht.",
    "In den 90er Jahren",
    "die Zwei-Staaten-Lösung",
    "Die Daten vom 22.02.2015 und 1.8 sind falsch, 1,8,9 Milliarden auch.",
    " date 2015-01-22 London (dpa) und date 2018-06 Paris",
])
def test_not_numbers(text):
    assert find_numbers(text) == []


def test_age_is_a_plain_number():
    text = "Es geht um einen 47-Jährigen aus Manchester."
    (m,) = find_numbers(text)
    _check_offsets(text, [m])
    assert (m.text, m.value) == ("47", 47)


@pytest.mark.parametrize("style", ["dot", "space", "plain"])
@given(n=st.integers(min_value=0, max_value=10**12))
def test_format_round_trip(style, n):
    text = format_german(n, style)
    (m,) = find_numbers(text)
    assert m.value == n and m.text == text


def test_format_styles():
    assert [format_german(4600, s) for s in ("dot", "space", "plain")] == ["4.600", "4 600", "4600"]


_NASTY = st.lists(st.sampled_from(list("0123456789.,- \u00a0\n\t()«»„“\"'$€") + ["\x00", "\u202e", "\u05d0", "Mio.", " Milliarden", " bis ", "rund ", "zwei", "Dutzend", "ein ", "Euro"]), max_size=80).map("".join)


@settings(max_examples=300)
@given(text=st.one_of(st.text(max_size=200), _NASTY))
def test_never_raises_and_offsets_inside(text):
    _check_offsets(text, find_numbers(text))


_WORDS = ["Ein", "ein", "paar", "Mehrere", "Dutzende", "Hunderte", "zwölf", "Acht", "achtzehn", "Soldaten",
          "zweieinhalb", "Millionen", "Milliarden", "halbe", "ETLICHE", "einige", "Einheit", "neun", "tausend"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(alphabet="aeinzwölfhMDEİſ", min_size=1, max_size=9),
                min_size=1, max_size=8),
       st.sampled_from([" ", "-", "  ", "\n"]))
def test_word_filter_never_hides_a_number(words, separator):
    """The per-word shortcut gives the same numbers as reading every word."""
    from coalition_nlp.parse import numbers

    text = separator.join(words)
    fast = numbers._atoms(text)
    numbers._may_start_number.cache_clear()
    original = numbers._may_start_number
    try:
        numbers._may_start_number = lambda word: True
        slow = numbers._atoms(text)
    finally:
        numbers._may_start_number = original
    assert fast == slow

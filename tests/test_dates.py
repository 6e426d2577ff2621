"""Date expressions: spans as written, fields, and resolution against the publication date."""
import pytest
from hypothesis import given, settings, strategies as st

from coalition_nlp.parse.dates import DateMatch, find_dates, resolve_date


def _check_offsets(text, matches):
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("text, span, kind, fields", [
    ("Die Außenminister sind am Donnerstag in London zusammengekommen.", "am Donnerstag", "weekday", {"weekday": 3}),
    ("Das kündigte Renzi am Mittwochabend in einer Sendung an.", "am Mittwochabend", "weekday", {"weekday": 2}),
    ("Die Jets sollen bis spätestens 22. Februar zurückkehren.", "bis spätestens 22. Februar", "day",
     {"day": 22, "month": 2, "year": None}),
    ("Ein weiteres Treffen ist für März in Kuwait geplant.", "für März", "month", {"month": 3}),
    ("ein Zusammentreffen in drei Wochen in Brüssel", "in drei Wochen", "relative", {"offset_days": 21}),
    ("Die Koalition hatte sich Anfang September zusammengefunden.", "Anfang September", "month", {"month": 9}),
    ("Am Vortag hatte Carter klar gemacht", "Am Vortag", "deictic", {"offset_days": -1}),
    ("Er sagte gestern in Berlin", "gestern", "deictic", {"offset_days": -1}),
    ("wie er vor zwei Tagen sagte", "vor zwei Tagen", "relative", {"offset_days": -2}),
    ("Harper hatte das im Oktober 2014 beschlossen.", "im Oktober 2014", "month", {"month": 10, "year": 2014}),
    ("verlor die Miliz seit 2014 rund die Hälfte", "seit 2014", "year", {"year": 2014}),
    ("Der Einsatz ist bis Ende 2016 befristet.", "bis Ende 2016", "year", {"year": 2016}),
    ("seit Herbst 2014 sind 3000 Zivilisten getötet worden", "seit Herbst 2014", "year", {"year": 2014}),
    ("Die Wahl ist am 22.02.2015.", "am 22.02.2015", "day", {"day": 22, "month": 2, "year": 2015}),
    ("Am Montag, 26. Januar, sprach er.", "Am Montag, 26. Januar", "day", {"weekday": 0, "day": 26, "month": 1}),
    ("am kommenden Montag", "am kommenden Montag", "weekday", {"weekday": 0}),
    ("in der vergangenen Woche", "in der vergangenen Woche", "relative", {"offset_days": -7}),
    ("in der Nacht zum Freitag", "in der Nacht zum Freitag", "weekday", {"weekday": 4}),
    ("Am Samstag hatte die Miliz ein Video veröffentlicht.", "Am Samstag", "weekday", {"weekday": 5}),
    ("vor einer Woche", "vor einer Woche", "relative", {"offset_days": -7}),
    ("Seit August seien 6000 Ziele angegriffen worden.", "Seit August", "month", {"month": 8}),
])
def test_find(text, span, kind, fields):
    found = find_dates(text)
    _check_offsets(text, found)
    (m,) = found
    assert (m.text, m.kind) == (span, kind)
    for key, value in fields.items():
        assert getattr(m, key) == value, key


@pytest.mark.parametrize("text", [
    "Der frühere BND-Chef August Hanning sagte das.",
    "Sie schicken 2000 Soldaten und von 2000 Soldaten bleiben 500.",
    "Er arbeitet montags.",
    "Am Morgen gab es Angriffe.",
    "Die Zahl stieg auf 4.600 Soldaten.",
])
def test_not_dates(text):
    assert find_dates(text) == []


def _one(text):
    (m,) = find_dates(text)
    return m


@pytest.mark.parametrize("text, published, tense, expected", [
    ("am Donnerstag", "2015-01-22", "past", "2015-01-22"),  # dpa reports the same day
    ("am Montag", "2015-01-22", "past", "2015-01-19"),
    ("am Montag", "2015-01-22", None, "2015-01-19"),
    ("am Montag", "2015-01-22", "future", "2015-01-26"),
    ("am Donnerstag", "2015-01-22", "future", "2015-01-29"),
    ("am kommenden Montag", "2015-01-22", "past", "2015-01-26"),
    ("am vergangenen Freitag", "2015-01-22", "future", "2015-01-16"),
    ("am Montag", "2015-01", "past", None),  # weekdays need the day of publication
    ("am Montag", None, "past", None),
    ("bis spätestens 22. Februar", "2015-01-22", "future", "2015-02-22"),
    ("am 22. Februar", "2015-03-10", "future", "2016-02-22"),
    ("am 22. Februar", "2015-03-10", "past", "2015-02-22"),
    ("am 22. Februar", "2015", "past", "2015-02-22"),
    ("am 22. Februar 2014", "2015-03-10", "future", "2014-02-22"),
    ("für März", "2015-01-22", "future", "2015-03"),
    ("im Januar", "2015-03-10", "future", "2016-01"),
    ("im Januar", "2015-03-10", "past", "2015-01"),
    ("im Oktober 2014", None, "past", "2014-10"),
    ("in drei Wochen", "2016-02-11", "future", "2016-03-03"),
    ("vor zwei Tagen", "2015-01-22", "past", "2015-01-20"),
    ("gestern", "2015-01-01", "past", "2014-12-31"),
    ("in drei Wochen", "2016-02", "future", None),
    ("seit 2014", "2016-02-11", "past", None),
    ("am 31. Februar", "2015-01-22", "past", None),
])
def test_resolve(text, published, tense, expected):
    assert resolve_date(_one(text), published, tense) == expected


@pytest.mark.parametrize("published", ["", "gestern", "2015-13-01", "2015-02-30", "20150122", "\x00", 2015])
def test_resolve_never_raises_on_bad_publication_date(published):
    assert resolve_date(_one("am Montag"), published, "past") is None


def test_resolve_never_raises_on_odd_match():
    odd = DateMatch(start=0, end=1, text="x", kind="day", weekday=9, day=40, month=13, year=99999, offset_days=10**9)
    assert resolve_date(odd, "2015-01-22", "future") is None


@settings(max_examples=300)
@given(text=st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(list("0123456789.,-() \n\u200f") + ["am ", "Montag", "März", "in ", " drei",
                                                                         " Wochen", "seit ", "Ende ", "gestern"]), max_size=80).map("".join),
))
def test_never_raises_and_offsets_inside(text):
    _check_offsets(text, find_dates(text))


# The patterns are tried only at the word starts before each key word; that must find exactly
# what trying them at every character finds.
_DATE_WORDS = ["am", "in der Nacht zum", "bis spätestens", "Montag", "Dienstag,", "den", "12.", "3.", "-", "bis",
               "März", "Sept.", "2015", "15.03.2016", "2016-03-15", "gestern", "vor", "drei", "Wochen", "nächsten",
               "Woche", "Herbst", "Ende", "Anfang", "Mitte", "kommenden", "Die", "Minister", "trafen", "sich",
               ",", ".", "\n", "   ", "\t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_DATE_WORDS), st.text(max_size=3)), max_size=40),
       st.lists(st.sampled_from(["", " ", "  ", "\n", " " * 300]), min_size=40, max_size=40))
def test_trying_patterns_at_key_words_finds_what_a_full_scan_finds(words, gaps):
    from hypothesis import assume

    from coalition_nlp.parse.dates import _FOLD_EXCEPTIONS, _PATTERNS, _scan

    text = "".join(w + g for w, g in zip(words, gaps))
    assume(not _FOLD_EXCEPTIONS.search(text))  # find_dates scans those texts in full
    for kind, pattern in _PATTERNS.items():
        assert [m.span() for m in _scan(kind, text, text.lower())] == [m.span() for m in pattern.finditer(text)], kind


def test_a_date_far_behind_white_space_is_still_found():
    text = "am" + " " * 500 + "Montag, den 12." + "\n" * 300 + "März 2015"
    assert [d.text for d in find_dates(text)] == [text]

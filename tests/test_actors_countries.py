"""Country mentions: names in every case, adjectives, demonyms, prefixes, institutions, capitals."""
import pytest

from coalition_nlp import extensions as ext


def countries(nlp, text, agency=None, place=None):
    doc = nlp.make_doc(text)
    doc._.agency, doc._.place = agency, place
    doc = nlp(doc)
    return {(s.text, s._.iso) for s in doc.spans[ext.ACTORS] if s.label_ == ext.COUNTRY}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Regierung von Neuseeland schickt Ausbilder.", {("Neuseeland", "NZL")}),
        ("Die Minister der Vereinigten Arabischen Emirate kamen.", {("Vereinigten Arabischen Emirate", "ARE")}),
        ("Die Pläne Dänemarks sind bekannt.", {("Dänemarks", "DNK")}),
        ("Ein Jordanier wurde getötet.", {("Jordanier", "JOR")}),
        ("Die norwegische Ministerin kam dazu.", {("norwegische", "NOR")}),
        ("Soldaten im nordirakischen Erbil.", {("nordirakischen", "IRQ")}),
        ("Die Ausbildung im Nordirak geht weiter.", {("Nordirak", "IRQ")}),
        ("Die US-Angaben seien falsch.", {("US-Angaben", "USA")}),
        ("Die türkisch-syrische Grenze ist zu.", {("türkisch-syrische", "TUR")}),
        ("Das Pentagon bestätigte den Angriff.", {("Pentagon", "USA")}),
        ("Die Bundesregierung stockt die Hilfe auf.", {("Bundesregierung", "DEU")}),
        ("Wie das Auswärtige Amt mitteilte.", {("Auswärtige Amt", "DEU")}),
        ("Teheran lehnt eine Beteiligung ab.", {("Teheran", "IRN")}),
        ("Die neue Regierung in Bagdad soll gestärkt werden.", {("Bagdad", "IRQ")}),
        ("Moskau nannte den Angriff einen Fehler.", {("Moskau", "RUS")}),
        ("Die Sitzung findet in Berlin statt.", set()),
        ("Die Lage in Nahost und in der Sahel-Zone ist ernst.", set()),
        ("Die kurdischen und arabischen Kämpfer in Europa.", set()),
        ("Die EU-Kommission und die Nato beraten.", set()),
        ("Am Montag beriet die westliche Allianz über den sunnitischen Aufstand.", set()),
    ],
)
def test_country_mentions(nlp, text, expected):
    assert countries(nlp, text) == expected


def test_bundes_words_follow_the_agency(nlp):
    assert countries(nlp, "Die Bundesregierung berät.", agency="APA") == {("Bundesregierung", "AUT")}
    assert countries(nlp, "Bundesaußenminister Kurz reist ab.", agency="APA") == {("Bundesaußenminister", "AUT")}


def test_dateline_capital_is_a_place(nlp):
    assert countries(nlp, "Ottawa (dpa) - Die Regierung will handeln.", place="Ottawa") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Hilfe beträgt 300 Millionen US-Dollar.", set()),
        ("Zugesagt sind mehr als zwei Milliarden US-Dollars.", set()),
        ("Der Fonds hält 80 Millionen Hongkong-Dollar.", set()),
        ("Die USA zahlen 20 Millionen US-Dollar.", {("USA", "USA")}),
        ("Der US-Botschafter zahlt in US-Dollar.", {("US-Botschafter", "USA")}),
    ],
)
def test_a_currency_named_after_a_state_is_no_mention_of_it(nlp, text, expected):
    assert countries(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Washington lehnt den Vorschlag ab.", {("Washington", "USA")}),
        ("Nach Angaben aus Washington ist das falsch.", {("Washington", "USA")}),
        ("Berlin und Paris lehnen den Plan ab.", {("Berlin", "DEU"), ("Paris", "FRA")}),
        ("In Washington trafen sich die Minister.", set()),
        ("In Rom berieten die Generäle.", set()),
        ("Seit den Anschlägen von Paris ist die Lage angespannt.", set()),
        ("Der Flughafen von Bagdad wurde gesperrt.", set()),
        ("Das Lager liegt nördlich von Bagdad.", set()),
        ("Die Ausbilder arbeiten in Erbil und Bagdad.", set()),
        ("Die Soldaten wurden aus Tadschi und Bagdad abgezogen.", set()),
    ],
)
def test_a_capital_stands_for_its_state_only_as_the_government(nlp, text, expected):
    assert countries(nlp, text) == expected


def test_capital_as_meeting_place_is_no_alias_of_its_state():
    import coalition_nlp
    from coalition_nlp.corpus import Corpus

    results = [coalition_nlp.extract("In Paris trafen sich die Außenminister. Frankreich sagte 20 Millionen Euro zu."),
               coalition_nlp.extract("Paris lehnt den Plan ab.")]
    france = Corpus.from_extractions(results[:1]).actor("Frankreich")
    assert "Paris" not in france.aliases
    assert "Paris" in Corpus.from_extractions(results).actor("Frankreich").aliases


def test_us_dollar_is_not_highlighted_as_a_state():
    import coalition_nlp

    html = coalition_nlp.extract("Kuwait sagte 300 Millionen US-Dollar zu.")._repr_html_()
    assert 'cn-country">Kuwait' in html and 'cn-country">US' not in html

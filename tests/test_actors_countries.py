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

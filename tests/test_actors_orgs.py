"""Organisations from the lexicon, also as the first part of a compound."""
import pytest

from coalition_nlp import extensions as ext


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Nato berät.", {("Nato", "Nato")}),
        ("Im Nato-Hauptquartier wurde beraten.", {("Nato-Hauptquartier", "Nato")}),
        ("Die IS-Terrormiliz zieht sich zurück.", {("IS-Terrormiliz", "Islamischer Staat")}),
        ("Die Terrormiliz Islamischer Staat (IS) wird bekämpft.", {("Terrormiliz", "Islamischer Staat"), ("Islamischer Staat", "Islamischer Staat"), ("IS", "Islamischer Staat")}),
        ("Peschmerga-Kämpfer werden ausgebildet.", {("Peschmerga-Kämpfer", "Peschmerga")}),
        ("Die Vereinten Nationen warnen.", {("Vereinten Nationen", "Vereinte Nationen")}),
        ("Das meldete die Syrische Beobachtungsstelle für Menschenrechte.", {("Syrische Beobachtungsstelle für Menschenrechte", "Syrische Beobachtungsstelle für Menschenrechte")}),
    ],
)
def test_orgs(nlp, text, expected):
    doc = nlp(text)
    assert {(s.text, s._.canonical) for s in doc.spans[ext.ACTORS] if s.label_ == ext.ORG} == expected


def test_auswaertiges_amt_is_org_and_germany(nlp):
    doc = nlp("Wie das Auswärtige Amt mitteilte.")
    labels = {(s.label_, s.text) for s in doc.spans[ext.ACTORS]}
    assert labels == {("ORG", "Auswärtige Amt"), ("COUNTRY", "Auswärtige Amt")}
    assert {s._.iso for s in doc.spans[ext.ACTORS]} == {"DEU"}


@pytest.mark.parametrize("text, iso", [
    ("Der Bundesrat will die Hilfe um 40 Millionen Franken aufstocken.", "CHE"),  # Swiss francs
    ("Der Bundesrat hat die Vorlage des Aussenministers gebilligt.", "CHE"),  # Swiss spelling
    ("Der Bundesrat berät im Jänner über die Hilfe.", "AUT"),  # the Austrian month
    ("Der Bundesrat will die Hilfe um 40 Millionen Euro aufstocken.", "DEU"),
    ("Der Bundesrat tagt in Franken.", "DEU"),  # the region, no amount
])
def test_federal_body_of_an_uncredited_text_by_its_wording(nlp, text, iso):
    orgs = [s for s in nlp(text).spans[ext.ACTORS] if s.label_ == ext.ORG]
    assert [(s.text, s._.iso) for s in orgs] == [("Bundesrat", iso)]


@pytest.mark.parametrize("agency, iso", [("dpa", "DEU"), ("SDA", "CHE"), ("APA", "AUT")])
def test_federal_body_belongs_to_the_agency_country(nlp, agency, iso):
    doc = nlp.make_doc("Der Bundesrat will die Hilfe aufstocken.")
    doc._.agency = agency
    doc = nlp(doc)
    orgs = [s for s in doc.spans[ext.ACTORS] if s.label_ == ext.ORG]
    assert [(s.text, s._.iso) for s in orgs] == [("Bundesrat", iso)]

"""Clause tense from finite verbs: the generated verb-form table and the closed class of
auxiliaries and modals (sentences written for this test)."""
import pytest

from coalition_nlp.syntax.words import clause_tense
from coalition_nlp.lexicon import get_lexicon


@pytest.mark.parametrize(
    "clause,tense",
    [
        ("die Minister trafen sich in Rom", "past"),
        ("der Minister traf seinen Amtskollegen", "past"),
        ("Deutschland schickte weitere Ausbilder", "past"),
        ("die Regierung hat weitere Hilfe zugesagt", "past"),
        ("die Minister haben in Wien beraten", "past"),
        ("die Koalition ist in Rom zusammengekommen", "past"),
        ("die Minister hatten sich getroffen", "past"),
        ("der Minister trifft seinen Amtskollegen", "present"),
        ("die Minister beraten in Wien", "present"),
        ("die Bundeswehr hält ihre Stellung", "present"),
        ("Kanada entsendet 100 Soldaten", "present"),
        ("die Minister wollen sich treffen", "future"),
        ("die Konferenz wird in Genf stattfinden", "future"),
        ("das Treffen soll im Mai sein", "future"),
        ("der Minister kündigte ein Treffen an", "future"),
        ("man sei bereit", "subj"),
        ("in Rom", None),
    ],
)
def test_clause_tense(clause, tense):
    assert clause_tense(clause.lower().split()) == tense


@pytest.mark.parametrize(
    "form,tense",
    [("sagte", "past"), ("trafen", "past"), ("kam", "past"), ("hielt", "past"), ("nahm", "past"),
     ("trifft", "present"), ("hält", "present"), ("berät", "present"), ("reist", "present"),
     ("arbeitet", "present"), ("zugesagt", "part"), ("angekündigt", "part"), ("abgezogen", "part")],
)
def test_verb_form_table(form, tense):
    assert get_lexicon().verb(form)[1] == {"present": "pres"}.get(tense, tense)


@pytest.mark.parametrize("form", ["sagtest", "kamt", "Kampf", "Brüssel"])
def test_other_persons_and_nouns_are_not_in_the_table(form):
    assert get_lexicon().verb(form) is None

"""News sentence boundaries: quotes, headlines, sub-headings, ordinals, years."""
from __future__ import annotations

import pytest
import spacy

import coalition_nlp.components.sentences  # noqa: F401


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("de")
    nlp.add_pipe("coalition_sentences")
    return nlp


@pytest.mark.parametrize(
    "text, sentences",
    [
        # an opening quote starts the next sentence instead of ending the previous one
        ("Er sagte das. „Wir sind bereit.“ Dann ging er.", ["Er sagte das.", "„Wir sind bereit.“", "Dann ging er."]),
        ("Er kam. «Wir sind da», sagte er.", ["Er kam.", "«Wir sind da», sagte er."]),
        ('Kerry sprach. "Der IS ist eine Gefahr", sagte Kerry.', ["Kerry sprach.", '"Der IS ist eine Gefahr", sagte Kerry.']),
        # a closing quote stays with its sentence
        ('Steinmeier sagte: "Jeder weiß es." Dann kam Kerry.', ['Steinmeier sagte: "Jeder weiß es."', "Dann kam Kerry."]),
        # a headline or sub-heading without full stop is its own sentence
        ("Militärkoalition will mehr tun\nParis (dpa) - Die USA wollen mehr.", ["Militärkoalition will mehr tun", "Paris (dpa) - Die USA wollen mehr."]),
        ("Erster Absatz.\n\nIS ideologisch delegitimieren\n\nEin Ziel sei es.", ["Erster Absatz.", "IS ideologisch delegitimieren", "Ein Ziel sei es."]),
        # ordinals, abbreviations and lower-case continuations do not end a sentence
        ("Sie kehren bis zum 22. Februar zurück. Dann nicht.", ["Sie kehren bis zum 22. Februar zurück.", "Dann nicht."]),
        ("Es geht um 40 Mio. Euro und z.B. Waffen.", ["Es geht um 40 Mio. Euro und z.B. Waffen."]),
        # a year with a full stop ends the sentence
        ("Das begann im Jahr 2014. Die USA führen.", ["Das begann im Jahr 2014.", "Die USA führen."]),
        # a hard-wrapped line goes on; a line ending in a mark, a blank line or a capital ends it
        ("2017 hat Österreich bereits\n4 Millionen Euro bereitgestellt.", ["2017 hat Österreich bereits\n4 Millionen Euro bereitgestellt."]),
        ("Die Minister wollen\nüber den Einsatz beraten.", ["Die Minister wollen\nüber den Einsatz beraten."]),
        ("Erster Absatz\n\n4 Tote bei Anschlag", ["Erster Absatz", "4 Tote bei Anschlag"]),
        ("Er sagte:\nwir kommen.", ["Er sagte:", "wir kommen."]),
        # a leading metadata stamp is a sentence of its own
        ("date 2016-10 Der Minister stellt Geld bereit.", ["date 2016-10", "Der Minister stellt Geld bereit."]),
        ("date 2016-10-14 Der Minister reist.", ["date 2016-10-14", "Der Minister reist."]),
        ("Er nannte das date 2016 nicht.", ["Er nannte das date 2016 nicht."]),
    ],
)
def test_sentences(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_empty_text(nlp):
    assert list(nlp("").sents) == []


def test_run_on_text_is_cut_into_bounded_sentences(nlp):
    # a dump without full stops: cut after a comma past the soft limit, so rules stay linear
    text = "Die USA schicken Soldaten, " * 200
    lengths = [len(s) for s in nlp(text).sents]
    assert len(lengths) > 1 and max(lengths) <= 250
    assert sum(lengths) == len(nlp.make_doc(text))

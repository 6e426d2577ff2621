"""Model choice: a saved spaCy pipeline is used when named; otherwise the embedded default.

The real model (de_core_news_lg) cannot be installed here, so the model path is tested
with a tiny German pipeline that this test trains and saves itself.
"""
from __future__ import annotations

import random

import pytest
import spacy
from spacy.training import Example

from coalition_nlp import pipeline
from coalition_nlp.pipeline import EMBEDDED, ModelNotFoundError, load_pipeline, resolve_model_name

TRAIN = [
    ("Heute sprach Max Mustermann in Berlin.", [(13, 27, "PER")]),
    ("Max Mustermann traf Erika Musterfrau.", [(0, 14, "PER"), (20, 36, "PER")]),
    ("Erika Musterfrau sagte, es gehe voran.", [(0, 16, "PER")]),
    ("Die Ministerin Erika Musterfrau kam spät.", [(15, 31, "PER")]),
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    random.seed(0)
    nlp = spacy.blank("de")
    nlp.add_pipe("ner")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": ents}) for t, ents in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "tiny_de"
    nlp.to_disk(path)
    return path


def test_named_model_gets_our_components(tiny_model):
    nlp = load_pipeline(str(tiny_model))
    assert nlp.pipe_names[0] == "ner"
    assert {"coalition_sentences", "coalition_actors", "coalition_troops", "coalition_money", "coalition_meetings"} <= set(nlp.pipe_names)
    assert nlp.meta["coalition_nlp"]["model"] == str(tiny_model)
    doc = nlp("Max Mustermann traf Erika Musterfrau. Die USA schicken 500 Soldaten.")
    assert len(list(doc.sents)) == 2
    assert any(e.label_ == "PER" for e in doc.ents)


def test_extract_with_model_and_env_var(tiny_model, monkeypatch):
    import coalition_nlp

    monkeypatch.setenv(pipeline.ENV_VAR, str(tiny_model))
    assert resolve_model_name() == str(tiny_model)
    result = coalition_nlp.extract("Die USA schicken 500 Soldaten in den Irak.")
    assert result.article.text_sha256


def test_default_is_embedded_when_no_model_installed(monkeypatch):
    monkeypatch.delenv(pipeline.ENV_VAR, raising=False)
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    assert resolve_model_name() == EMBEDDED
    nlp = load_pipeline(EMBEDDED)
    assert nlp.pipe_names[0] == "coalition_sentences"


def test_preferred_model_when_installed(monkeypatch):
    monkeypatch.delenv(pipeline.ENV_VAR, raising=False)
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name == "de_core_news_lg")
    assert resolve_model_name() == "de_core_news_lg"


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelNotFoundError, match="cannot load spaCy model"):
        load_pipeline("/no/such/model")

"""The real-article set: which texts are present and unchanged, and scoring only those."""
import hashlib
import json

from coalition_nlp.realset import RealSet


def _set(tmp_path, texts: dict[str, str], present: dict[str, str]):
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    sources = [{"id": i, "sha256": hashlib.sha256(t.encode()).hexdigest()} for i, t in texts.items()]
    (tmp_path / "sources.json").write_text(json.dumps({"articles": sources}), encoding="utf-8")
    for i, t in present.items():
        (tmp_path / "texts" / f"{i}.txt").write_text(t, encoding="utf-8")
    for i in texts:
        gold = {"article_id": i, "persons": [{"name": "Barack Obama", "country": "USA", "role": None}]}
        (tmp_path / "gold" / f"{i}.json").write_text(json.dumps(gold), encoding="utf-8")
    return RealSet.open(tmp_path)


def test_missing_and_changed_texts_are_named(tmp_path):
    real = _set(tmp_path, {"a": "Eins.", "b": "Zwei.", "c": "Drei."}, {"a": "Eins.", "c": "Drei!"})
    assert [p.stem for p in real.present] == ["a"] and real.missing == ["b"] and real.changed == ["c"]
    assert not real.complete
    assert "1 of 3 texts present, 1 missing" in real.status()


def test_only_present_texts_are_scored(tmp_path):
    text = "US-Präsident Barack Obama sagte das."
    real = _set(tmp_path, {"a": text, "b": "Anderes."}, {"a": text})
    score = real.score().scores["persons"]
    assert (score.tp, score.fn) == (1, 0)  # b's gold is not counted as missed

"""The compiled-data cache: keyed by the resources, rebuilt when they change, optional when read-only."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import spacy

from coalition_nlp import cache
from coalition_nlp.components import register_all
from coalition_nlp.components.patterns import PatternArrays
from coalition_nlp.lexicon import Lexicon, get_lexicon

RESOURCES = Path(cache.__file__).parent / "resources"


def _unwritable(tmp_path: Path) -> Path:
    """A folder that cannot be created, even by root: its parent is a file."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    return blocker / "cache"


def test_folder_from_env_then_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_folder() == tmp_path / "xdg" / "coalition_nlp"
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "mine"))
    assert cache.cache_folder() == tmp_path / "mine"


def test_no_home_directory_means_no_cache(monkeypatch):
    for var in (cache.ENV_VAR, "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # what it does without a home
    assert cache.cache_folder() is None
    assert cache.write("patterns-x", {"Irak": [1]}) is False
    assert cache.read("patterns-x") is None


def test_digest_changes_with_a_resource(tmp_path):
    copy = tmp_path / "resources"
    shutil.copytree(RESOURCES, copy)
    before = cache.digest(copy)
    assert cache.digest(copy) == before
    with (copy / "regions.txt").open("a", encoding="utf-8") as f:
        f.write("Neuland\n")
    assert cache.digest(copy) != before


def test_changed_resources_make_a_new_file_and_old_ones_go(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    for age, version in enumerate(["v1", "v2", "v3", "v4"]):
        monkeypatch.setattr(cache, "_current_digest", lambda version=version: version)
        assert cache.read("patterns-x") is None
        assert cache.write("patterns-x", {"Irak": [age]})
        assert cache.read("patterns-x") == {"Irak": [age]}
        os.utime(tmp_path / f"patterns-x-{version}.msgpack", ns=(age * 10**9, age * 10**9))
    cache.write("patterns-x", {"Irak": [3]})  # prunes: the three newest versions stay
    assert sorted(p.name for p in tmp_path.glob("*.msgpack")) == [
        "patterns-x-v2.msgpack", "patterns-x-v3.msgpack", "patterns-x-v4.msgpack"
    ]


def test_read_only_folder_keeps_data_in_memory(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV_VAR, str(_unwritable(tmp_path)))
    assert cache.write("patterns-x", {"Irak": [1]}) is False
    assert cache.read("patterns-x") is None


def test_pattern_arrays_are_the_tokenizers_and_come_back_from_the_cache(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    nlp = spacy.blank("de")
    forms = ["Vereinigten Arabischen Emirate", "US-Außenminister", "Irak"]
    expected = [[t.orth for t in nlp.make_doc(f)] for f in forms]
    first = PatternArrays(nlp)
    assert first(forms) == expected
    first.save()
    assert len(list(tmp_path.glob("patterns-*.msgpack"))) == 1
    again = PatternArrays(nlp)
    assert again(forms) == expected
    assert again._tokenizer is None  # read, not tokenized again


def test_pipeline_works_without_a_writable_cache(monkeypatch, tmp_path, nlp):
    monkeypatch.setenv(cache.ENV_VAR, str(_unwritable(tmp_path)))
    register_all()
    fresh = spacy.blank("de")
    fresh.add_pipe("coalition_sentences")
    fresh.add_pipe("coalition_actors")
    text = "Der französische Außenminister Laurent Fabius reiste nach Bagdad zur Regierung in Bagdad."
    spans = lambda doc: [(s.text, s.label_, s._.iso) for s in doc.spans["actors"]]  # noqa: E731
    assert spans(fresh(text)) == spans(nlp(text))
    assert ("Laurent Fabius", "PERSON", "FRA") in spans(fresh(text))


def test_import_loads_nothing_heavy():
    code = (
        "import sys, coalition_nlp; "
        "print(sorted(m for m in ('pandas', 'matplotlib', 'dask', 'distributed', 'pyarrow', 'duckdb') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_pattern_cache_key_does_not_grow_with_use():
    nlp = spacy.blank("de")
    before = PatternArrays(nlp)._name
    nlp("Ein Satz mit neuen Wörtern wie Quarkstrudelbäckerei.")
    assert PatternArrays(nlp)._name == before


def test_lexicon_comes_back_from_the_cache_unchanged(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    built = Lexicon()
    cache.write("lexicon", built.to_state())
    get_lexicon.cache_clear()
    try:
        read = get_lexicon()
        assert vars(read) == vars(built)
        assert list(read.capital_forms()) == list(built.capital_forms())  # order kept too
        assert read.office("Außenminister") == built.office("Außenminister")
    finally:
        get_lexicon.cache_clear()


def test_a_damaged_cache_file_is_rebuilt(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path))
    cache.write("lexicon", {"_names": ["no such kind", {}]})
    get_lexicon.cache_clear()
    try:
        assert get_lexicon().country_by_name("Irak") == "IRQ"
        assert cache.read("lexicon")["_names"][0] == "dict"  # written again, whole
    finally:
        get_lexicon.cache_clear()

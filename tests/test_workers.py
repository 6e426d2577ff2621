"""Worker processes: same output as one process, runaway and crashing articles stopped and reported."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from coalition_nlp import workers
from coalition_nlp.batch import run_batch
from coalition_nlp.workers import Limits, outcomes

ARTICLES = sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.txt"))


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):  # 33 articles: more than two chunks per worker
        for f in ARTICLES:
            shutil.copy(f, folder / f"{i}_{f.name}")
    (folder / "1_zz_binary.txt").write_bytes(b"\x00\x01")
    return sorted(folder.glob("*.txt"))


@pytest.mark.parametrize("workers_, timeout", [(2, None), (1, 60.0), (3, 60.0)])
def test_output_identical_to_one_process(corpus, tmp_path, workers_, timeout):
    single = run_batch(corpus, tmp_path / "one.jsonl")
    many = run_batch(corpus, tmp_path / "many.jsonl", workers=workers_, limits=Limits(timeout=timeout))
    assert (tmp_path / "many.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    assert single.articles == many.articles == 33
    assert [f.reason for f in many.failures] == ["binary file (contains NUL bytes)"]
    assert (tmp_path / "many.errors.jsonl").read_bytes() == (tmp_path / "one.errors.jsonl").read_bytes()


def _misbehave(article, doc):
    if article.id.startswith("hang"):
        # Catastrophic backtracking runs inside C: no Python signal handler could interrupt it.
        re.match(r"(a+)+$", "a" * 64 + "b")
    if article.id.startswith("crash"):
        os._exit(3)
    if article.id.startswith("bug"):
        raise RuntimeError("boom")
    return _real_build(article, doc)


_real_build = workers.build_extraction


def test_runaway_crash_and_bug_are_reported_and_the_rest_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "build_extraction", _misbehave)  # forked workers inherit it
    names = ["a_ok", "bug", "crash", "hang", "z_ok"]
    files = []
    for name in names:
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text("Berlin (dpa) - Deutschland schickt 100 Soldaten in den Irak.", encoding="utf-8")
    got = list(outcomes(files, limits=Limits(timeout=1.5), workers=2))
    assert [Path(o.path).stem for o in got] == names
    assert [o.error for o in got] == [
        None,
        "extraction failed: RuntimeError: boom",
        "worker process died (exit code 3)",
        "timeout after 1.5 s",
        None,
    ]
    assert '"change":100' in got[0].line and got[0].line == got[4].line.replace("z_ok", "a_ok")


def test_too_large_is_reported_before_and_after_decoding(tmp_path):
    short, long_chars, long_bytes = (tmp_path / n for n in ("a.txt", "b.txt", "c.txt"))
    short.write_text("Die USA schicken 500 Soldaten.", encoding="utf-8")
    long_chars.write_text("ä" * 60, encoding="utf-8")  # 120 bytes, 60 characters
    long_bytes.write_text("x" * 201, encoding="utf-8")
    got = list(outcomes([short, long_chars, long_bytes], limits=Limits(max_chars=50)))
    assert got[0].error is None
    assert got[1].error == "too large: 60 characters (limit 50 characters, see --max-chars)"
    assert got[2].error == "too large: 201 bytes (limit 50 characters, see --max-chars)"


def test_skip_returns_the_key_without_extracting(tmp_path, monkeypatch):
    f = tmp_path / "x.txt"
    f.write_text("Die USA schicken 500 Soldaten.", encoding="utf-8")
    (first,) = outcomes([f])
    monkeypatch.setattr(workers, "build_extraction", None)  # would fail if called
    (again,) = outcomes([f], skip={first.key})
    assert again.key == first.key == ("x", first.key[1]) and again.line is None and again.error is None


def test_a_finished_article_leaves_no_reference_cycle(corpus):
    """Each doc is freed when its line is written, not at the collector's next full pass."""
    import gc

    from coalition_nlp.components.view import DocView

    gc.collect()
    gc.disable()
    try:
        lines = [o.line for o in outcomes(corpus[:3])]
        alive = sum(1 for o in gc.get_objects() if isinstance(o, DocView))
    finally:
        gc.enable()
    assert all(lines) and alive == 0

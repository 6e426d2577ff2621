"""Resumable batches: a killed run continues where it stopped; the output holds each article once."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coalition_nlp import workers
from coalition_nlp.batch import run_batch
from coalition_nlp.checkpoint import partial_path_for

ARTICLES = sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.txt"))
EXE = Path(sys.executable).with_name("coalition-nlp")


def _corpus(folder: Path, copies: int) -> list[Path]:
    folder.mkdir()
    for i in range(copies):
        for f in ARTICLES:
            shutil.copy(f, folder / f"{i:03d}_{f.name}")
    return sorted(folder.glob("*.txt"))


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["article"]["id"] for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("sig, workers_", [(signal.SIGKILL, "1"), (signal.SIGTERM, "2")])
def test_killed_run_resumes_to_the_uninterrupted_output(tmp_path, sig, workers_):
    files = _corpus(tmp_path / "in", 12)  # 132 articles, several seconds of work
    reference = tmp_path / "reference.jsonl"
    run_batch(files, reference)
    out = tmp_path / "out" / "events.jsonl"
    partial = partial_path_for(out)
    cmd = [str(EXE), "extract", str(tmp_path / "in"), "-o", str(out), "-q", "--workers", workers_]
    run = subprocess.Popen(cmd)
    deadline = time.monotonic() + 120
    while not (partial.exists() and partial.stat().st_size > 20_000) and time.monotonic() < deadline:
        assert run.poll() is None, "the run ended before it could be interrupted"
        time.sleep(0.05)
    run.send_signal(sig)
    run.wait(timeout=30)
    assert not out.exists()  # never a half-written output
    done_before = len(partial.read_bytes().split(b"\n")) - 1
    assert 0 < done_before < len(files)
    resumed = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == reference.read_bytes()
    assert not partial.exists()


def test_resume_skips_finished_articles_and_cuts_a_torn_line(tmp_path, monkeypatch):
    files = _corpus(tmp_path / "in", 1)
    reference = tmp_path / "reference.jsonl"
    run_batch(files, reference)
    lines = reference.read_bytes().splitlines(keepends=True)
    out = tmp_path / "events.jsonl"
    partial_path_for(out).write_bytes(b"".join(lines[:4]) + lines[4][:50])  # killed mid-line
    extracted = []
    real = workers.build_extraction
    monkeypatch.setattr(workers, "build_extraction", lambda a, d: extracted.append(a.id) or real(a, d))
    result = run_batch(files, out, resume=True)
    assert out.read_bytes() == reference.read_bytes()
    assert extracted == [f.stem for f in files[4:]]
    assert result.articles == len(files)


def test_resume_over_a_finished_output_adds_new_files_in_order(tmp_path):
    files = _corpus(tmp_path / "in", 1)
    out = tmp_path / "events.jsonl"
    run_batch(files[1::2], out)  # an earlier run saw every second file
    result = run_batch(files, out, resume=True)
    assert _ids(out) == [f.stem for f in files]  # sorted, each article once
    reference = tmp_path / "reference.jsonl"
    run_batch(files, reference)
    assert out.read_bytes() == reference.read_bytes()
    assert result.articles == len(files)


def test_without_resume_a_stale_partial_is_discarded(tmp_path):
    files = _corpus(tmp_path / "in", 1)[:2]
    out = tmp_path / "events.jsonl"
    partial_path_for(out).write_text('{"article": {"id": "stale", "text_sha256": "x"}}\n')
    run_batch(files, out)
    assert _ids(out) == [f.stem for f in files]

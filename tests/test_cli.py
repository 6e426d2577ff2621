"""The command line: exit codes, the errors file, atomic output, user errors without tracebacks."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from coalition_nlp.cli import main

ARTICLE = "Paris (dpa) - Die USA wollen 500 Soldaten in den Irak schicken, sagte US-Außenminister John Kerry."


@pytest.fixture()
def corpus(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "b_second.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "a_first.txt").write_text("Berlin (dpa) - Deutschland gibt 100 Millionen Euro für Syrien.", encoding="utf-8")
    (src / "c_binary.txt").write_bytes(b"\x00\x01\x02\x03")
    return src


def test_extract_writes_sorted_lines_and_reports_failures(corpus, tmp_path):
    out = tmp_path / "out" / "events.jsonl"
    result = CliRunner().invoke(main, ["extract", str(corpus), "-o", str(out), "--quiet"])
    assert result.exit_code == 1
    assert "c_binary.txt" in result.output and "binary" in result.output
    lines = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [l["article"]["id"] for l in lines] == ["a_first", "b_second"]
    errors = [json.loads(l) for l in (tmp_path / "out" / "events.errors.jsonl").read_text().splitlines()]
    assert errors == [{"path": str(corpus / "c_binary.txt"), "error": "binary file (contains NUL bytes)"}]
    assert not list((tmp_path / "out").glob(".*.tmp"))  # no temporary file left behind
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # an ordinary file, not mkstemp's 0600


def test_clean_run_exits_zero_and_removes_stale_error_list(corpus, tmp_path):
    (corpus / "c_binary.txt").unlink()
    out = tmp_path / "events.jsonl"
    (tmp_path / "events.errors.jsonl").write_text("old\n")
    result = CliRunner().invoke(main, ["extract", str(corpus), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "events.errors.jsonl").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "does/not/exist", "-o", "x.jsonl"], "no such file or folder"),
        (["extract", ".", "-o", "x.jsonl", "--pattern", "*.nothing"], "nothing to read"),
        (["extract", "data/articles", "-o", "x.jsonl", "--model", "/no/such/model"], "cannot load spaCy model"),
    ],
)
def test_user_errors_exit_2_with_one_line(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(Path(__file__).parents[1])
    args = [a if a != "x.jsonl" else str(tmp_path / "x.jsonl") for a in args]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.jsonl").exists()


def test_failed_run_keeps_previous_output(corpus, tmp_path, monkeypatch):
    out = tmp_path / "events.jsonl"
    out.write_text("previous\n")

    def explode(*args, **kwargs):  # the run itself fails (a bad article is only reported)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("coalition_nlp.checkpoint.Checkpoint.write", explode)
    result = CliRunner().invoke(main, ["extract", str(corpus), "-o", str(out), "--quiet", "--force"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "No space left on device" in result.stderr
    assert out.read_text() == "previous\n"  # never half-written
    assert not list(tmp_path.glob(".*.tmp"))


def test_schema_and_evaluate_commands(tmp_path):
    runner = CliRunner()
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    assert schema["title"] == "ArticleExtraction"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    result = runner.invoke(main, ["evaluate", str(bad), "--gold", str(Path(__file__).parents[1] / "data" / "gold")])
    assert result.exit_code == 2 and f"{bad}: line 1 is not JSON" in result.output


def test_console_script_runs():
    exe = Path(sys.executable).with_name("coalition-nlp")
    result = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "extract" in result.stdout

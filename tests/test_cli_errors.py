"""No traceback, ever: every subcommand over bad arguments ends with exit 2, one line on
stderr naming the problem, and nothing left behind; one overwrite policy for every format."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from coalition_nlp.cli import main

ROOT = Path(__file__).parents[1]
EXE = Path(sys.executable).with_name("coalition-nlp")
TEXT = "Berlin (dpa) - Die Bundesregierung will 150 Soldaten in den Irak schicken, sagte Ministerin Eva Roth."


def _make_read_only(folder: Path) -> bool:
    """A folder nobody can write into; as root (CI) mode bits do not stop writes, the
    immutable attribute does. False where neither works."""
    folder.chmod(0o555)
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    try:
        (folder / "probe").touch()
    except OSError:
        return True
    (folder / "probe").unlink()
    return False


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """A folder with good and bad inputs and outputs of every kind."""
    pytest.importorskip("duckdb")
    d = tmp_path_factory.mktemp("cli")
    (d / "in").mkdir()
    (d / "in" / "a_text.txt").write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    for args in (["-o", str(d / "events.jsonl")], ["-o", str(d / "events.duckdb"), "--format", "duckdb"],
                 ["-o", str(d / "tables"), "--format", "parquet"]):
        assert runner.invoke(main, ["extract", str(d / "in"), "-q", *args]).exit_code == 0
    shutil.copy(ROOT / "README.md", d / "README.md")
    (d / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (d / "empty.jsonl").write_text("")
    (d / "report.html").write_text("<p>an earlier report</p>")
    for name in ("a_folder", "gold_empty", "gold_other", "gold_broken"):
        (d / name).mkdir()
    (d / "gold_other" / "someone_else.json").write_text('{"persons": []}')
    (d / "gold_broken" / "a_text.json").write_text("{not json")
    (d / "read_only").mkdir()
    read_only = _make_read_only(d / "read_only")
    yield d, read_only
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(d / "read_only")], capture_output=True)
    (d / "read_only").chmod(0o755)


def _state(folder: Path) -> dict[str, str]:
    """Every file and folder below ``folder`` with a hash of its content."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*")) if "read_only" not in p.parts or p.name == "read_only"}


GOLD = str(ROOT / "data" / "gold")
CASES = [
    # extract: inputs, then outputs of the wrong kind, unwritable, or already there
    (["extract", "{d}/no_such_folder", "-o", "{d}/new.jsonl"], "no such file or folder: {d}/no_such_folder"),
    (["extract", "{d}/in", "-o", "{d}/new.jsonl", "--pattern", "*.csv"], "nothing to read"),
    (["extract", "{d}/in", "-o", "{d}/a_folder"], "{d}/a_folder is a folder; give a file name"),
    (["extract", "{d}/in", "-o", "{d}/a_folder", "--format", "duckdb"], "{d}/a_folder is a folder"),
    (["extract", "{d}/in", "-o", "{d}/events.jsonl"], "{d}/events.jsonl exists; use --force to replace it"),
    (["extract", "{d}/in", "-o", "{d}/events.duckdb", "--format", "duckdb"], "{d}/events.duckdb exists; use --force"),
    (["extract", "{d}/in", "-o", "{d}/events.jsonl", "--format", "duckdb"], "{d}/events.jsonl exists; use --force"),
    (["extract", "{d}/in", "-o", "{d}/tables", "--format", "parquet"], "{d}/tables exists; use --force"),
    (["extract", "{d}/in", "-o", "{d}/events.jsonl", "--format", "parquet"], "{d}/events.jsonl exists and is not a folder"),
    (["extract", "{d}/in", "-o", "{d}/gold_other", "--format", "parquet", "--force"], "not a folder of Parquet tables"),
    (["extract", "{d}/in", "-o", "/proc/x.jsonl"], "cannot write /proc/x.jsonl"),
    (["extract", "{d}/in", "-o", "/proc/x.duckdb", "--format", "duckdb"], "cannot write /proc/x.duckdb"),
    (["extract", "{d}/in", "-o", "{d}/read_only/x.jsonl"], "cannot write {d}/read_only/x.jsonl"),
    (["extract", "{d}/in", "-o", "{d}/binary.bin/x.jsonl"], "{d}/binary.bin is not a folder"),
    (["extract", "{d}/in", "-o", "{d}/new.jsonl", "--corpus", "{d}/binary.bin"], "'{d}/binary.bin' is a file"),
    (["extract", "{d}/in", "-o", "{d}/new.jsonl", "--format", "xml"], "Invalid value for '--format'"),
    (["extract", "{d}/in"], "Missing option '-o'"),
    (["extract", "{d}/in", "-o", "{d}/new.jsonl", "--model", "/no/such/model"], "cannot load spaCy model"),
    # summary, evaluate, report: inputs that are no JSONL output
    (["summary", "{d}/no_such.jsonl"], "'{d}/no_such.jsonl' does not exist"),
    (["summary", "{d}/a_folder"], "'{d}/a_folder' is a directory"),
    (["summary", "{d}/README.md"], "{d}/README.md: line 1 is not JSON"),
    (["summary", "{d}/events.duckdb"], "{d}/events.duckdb: a binary file, not the JSONL output"),
    (["summary", "{d}/binary.bin"], "{d}/binary.bin: a binary file"),
    (["summary", "{d}/empty.jsonl"], "{d}/empty.jsonl: no extraction lines"),
    (["evaluate", "{d}/README.md", "--gold", GOLD], "{d}/README.md: line 1 is not JSON"),
    (["evaluate", "{d}/events.duckdb", "--gold", GOLD], "{d}/events.duckdb: a binary file"),
    (["evaluate", "{d}/a_folder", "--gold", GOLD], "is a directory"),
    (["evaluate", "{d}/events.jsonl", "--gold", "{d}/gold_empty"], "{d}/gold_empty: no gold files"),
    (["evaluate", "{d}/events.jsonl", "--gold", "{d}/gold_other"], "none of the 1 predicted articles has a gold file"),
    (["evaluate", "{d}/events.jsonl", "--gold", "{d}/gold_broken"], "{d}/gold_broken/a_text.json: not a gold file"),
    (["evaluate", "{d}/events.jsonl", "--gold", "{d}/events.jsonl"], "is a file"),
    (["evaluate", "{d}/events.jsonl", "--gold", "{d}/no_such"], "does not exist"),
    (["evaluate", "{d}/events.jsonl"], "Missing option '--gold'"),
    (["report", "{d}/README.md", "-o", "{d}/new.html"], "{d}/README.md: line 1 is not JSON"),
    (["report", "{d}/events.duckdb", "-o", "{d}/new.html"], "{d}/events.duckdb: a binary file"),
    (["report", "{d}/empty.jsonl", "-o", "{d}/new.html"], "no extraction lines"),
    (["report", "{d}/events.jsonl", "-o", "{d}/a_folder"], "{d}/a_folder is a folder"),
    (["report", "{d}/events.jsonl", "-o", "/proc/x.html"], "cannot write /proc/x.html"),
    (["report", "{d}/events.jsonl", "-o", "{d}/read_only/r.html"], "cannot write {d}/read_only/r.html"),
    (["report", "{d}/events.jsonl", "-o", "{d}/report.html"], "{d}/report.html exists; use --force"),
    (["schema", "extra"], "unexpected extra argument"),
    (["schema", "--bogus"], "No such option '--bogus'"),
    (["nonsense"], "No such command 'nonsense'"),
]


@pytest.mark.parametrize("args, message", CASES, ids=[" ".join(a[:3]) + f" #{i}" for i, (a, _) in enumerate(CASES)])
def test_bad_arguments_end_in_one_line_and_exit_2(place, args, message):
    d, read_only = place
    if "read_only" in " ".join(args) and not read_only:
        pytest.skip("no way to make a folder read-only here")
    before = _state(d)
    result = CliRunner().invoke(main, [a.format(d=d) for a in args])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # no exception escaped the command
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("coalition-nlp: error: "), result.stderr
    assert message.format(d=d) in lines[0]
    assert result.stdout == "" and "Traceback" not in result.output
    assert _state(d) == before  # nothing written, replaced or left half-done (no .partial, no .tmp)


def test_a_real_process_prints_no_traceback(place):
    d, _ = place
    for args in (["summary", str(d / "events.duckdb")], ["extract", str(d / "in"), "-o", str(d / "a_folder")],
                 ["evaluate", str(d / "events.jsonl"), "--gold", str(d / "gold_empty")]):
        done = subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=120)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_an_existing_folder_fails_before_the_pipeline_loads(place, monkeypatch):
    d, _ = place

    def never(*args, **kwargs):
        raise AssertionError("the pipeline was loaded before the output was checked")

    monkeypatch.setattr("coalition_nlp.pipeline.load_pipeline", never)
    result = CliRunner().invoke(main, ["extract", str(d / "in"), "-o", str(d / "a_folder"), "-q"])
    assert result.exit_code == 2 and "is a folder" in result.stderr


def test_an_unexpected_error_is_one_line_too(place, monkeypatch):
    d, _ = place

    def bug(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("coalition_nlp.summary.summarize", bug)
    result = CliRunner().invoke(main, ["summary", str(d / "events.jsonl")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr == "coalition-nlp: internal error: RuntimeError: a bug (COALITION_NLP_DEBUG=1 shows the traceback)\n"


@pytest.mark.parametrize("fmt, name", [("jsonl", "out.jsonl"), ("duckdb", "out.duckdb"), ("parquet", "out")])
def test_force_replaces_any_format_and_the_errors_file_follows(tmp_path, fmt, name):
    pytest.importorskip("duckdb")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_text.txt").write_text(TEXT, encoding="utf-8")
    (src / "b_binary.txt").write_bytes(b"\x00\x01")
    out = tmp_path / name
    args = ["extract", str(src), "-o", str(out), "--format", fmt, "-q"]
    assert CliRunner().invoke(main, args).exit_code == 1  # b_binary.txt is reported
    errors = tmp_path / "out.errors.jsonl"
    assert "b_binary.txt" in errors.read_text()
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 2 and "use --force" in refused.stderr
    (src / "b_binary.txt").unlink()
    assert CliRunner().invoke(main, [*args, "--force"]).exit_code == 0
    assert not errors.exists()  # the errors list of the replaced run is gone with it
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in", name])


def test_resume_extends_an_existing_jsonl_without_force(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_text.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "-q"]).exit_code == 0
    (src / "b_text.txt").write_text(TEXT.replace("150", "250"), encoding="utf-8")
    assert CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "-q", "--resume"]).exit_code == 0
    assert len(out.read_text().splitlines()) == 2


def test_report_force_replaces_an_earlier_report(place, tmp_path):
    d, _ = place
    page = tmp_path / "report.html"
    page.write_text("old")
    result = CliRunner().invoke(main, ["report", str(d / "events.jsonl"), "-o", str(page), "--force"])
    assert result.exit_code == 0, result.output
    assert page.read_text().startswith("<!DOCTYPE html>")

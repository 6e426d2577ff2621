"""Pathological articles, parsers on hostile input, byte-identical output across runs and hash seeds."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import given, settings, strategies as st

from coalition_nlp.batch import run_batch
from coalition_nlp.parse.dates import find_dates
from coalition_nlp.parse.money import find_money
from coalition_nlp.parse.numbers import find_numbers
from coalition_nlp.workers import Limits

ROOT = Path(__file__).parents[1]
EXE = Path(sys.executable).with_name("coalition-nlp")
NORMAL = "Berlin (dpa) - Deutschland gibt 100 Millionen Euro für Syrien."

PATHOLOGICAL = {
    "ten_megabytes": ("Die USA schicken 500 Soldaten. " * 330_000).encode(),
    "one_long_line": ("Wort " * 100_000).encode(),  # 500 000 characters, no line break
    "fifty_thousand_numbers": " ".join(str(n) for n in range(50_000)).encode(),
    "only_punctuation": ("!?.,;:-–—„“«»()[]/'\"…" * 200).encode(),
    "html": ("<html><head><script>var x = '500 Soldaten';</script></head><body><p>Kerry &amp; "
             "Steinmeier: 1,8 Milliarden &euro; f&uuml;r Syrien&nbsp;&#x2013; &lt;rund&gt; 500 Soldaten</p>"
             "</body></html>").encode(),
    "nul_bytes": b"Die USA schicken\x00 500 Soldaten.",
    "right_to_left": "القوات الأمريكية 500 جندي \u202eDie USA schicken 500 Soldaten\u202c في العراق. עברית 1,8".encode(),
    "mixed_scripts": "Минск 2015: Die 東京 Gruppe 𝟓𝟎𝟎 Soldaten und ٥٠٠ Euro ＄1".encode(),
}


def _offsets_inside(record, text: str) -> None:
    """Every span anywhere in a record points into the article text."""
    if isinstance(record, dict):
        if {"text", "start", "end"} <= record.keys():
            assert text[record["start"]:record["end"]] == record["text"]
        for value in record.values():
            _offsets_inside(value, text)
    elif isinstance(record, list):
        for value in record:
            _offsets_inside(value, text)


def test_pathological_articles_extract_or_are_reported_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in PATHOLOGICAL.items():
        (folder / f"{name}.txt").write_bytes(data)
    (folder / "zz_normal.txt").write_text(NORMAL, encoding="utf-8")
    files = sorted(folder.glob("*.txt"))
    start = time.monotonic()
    result = run_batch(files, tmp_path / "out.jsonl", workers=2, limits=Limits(timeout=20))
    assert time.monotonic() - start < 90
    reasons = {Path(f.path).stem: f.reason for f in result.failures}
    assert reasons == {
        "ten_megabytes": "too large: 10230000 bytes (limit 100000 characters, see --max-chars)",
        "one_long_line": "too large: 500000 bytes (limit 100000 characters, see --max-chars)",
        "fifty_thousand_numbers": "too large: 288889 characters (limit 100000 characters, see --max-chars)",
        "nul_bytes": "binary file (contains NUL bytes)",
    }
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [l["article"]["id"] for l in lines] == ["html", "mixed_scripts", "only_punctuation", "right_to_left", "zz_normal"]
    for line in lines:
        _offsets_inside(line, (folder / f"{line['article']['id']}.txt").read_text(encoding="utf-8"))
    assert lines[-1]["money_pledges"][0]["amount"] == 100_000_000


def test_a_large_article_within_the_limit_extracts_in_bounded_time(tmp_path):
    f = tmp_path / "numbers.txt"
    f.write_text(" ".join(str(n) for n in range(10_000)), encoding="utf-8")  # 48 890 characters
    start = time.monotonic()
    result = run_batch([f], tmp_path / "out.jsonl", limits=Limits(timeout=60))
    assert result.articles == 1 and not result.failures
    assert time.monotonic() - start < 60


_HOSTILE = st.lists(
    st.sampled_from(list("0123456789.,-– \u00a0\u202f\n\t()«»„“\"'$€\x00\u202e\u05d0\u0660")
                    + ["1,8,9 Milliarden", "--", "„»“«", "Mio.", " Millionen", " Dollar", " bis ", "rund ",
                       "zwei", "am ", "Montag", "März", "1" * 500, "0," * 50]),
    max_size=60,
).map("".join)


@settings(max_examples=150, deadline=2000)
@given(text=st.one_of(_HOSTILE, st.text(alphabet=st.characters(codec="utf-8"), max_size=300)))
def test_parsers_on_hostile_text_keep_offsets_inside_and_finish_fast(text):
    for find in (find_numbers, find_money, find_dates):
        for m in find(text):
            assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text


def test_parsers_are_linear_on_a_long_digit_run():
    for text in ("9" * 200_000, "1,8," * 50_000, "-" * 200_000):
        start = time.monotonic()
        for find in (find_numbers, find_money, find_dates):
            find(text)
        assert time.monotonic() - start < 5, text[:10]


def test_output_is_byte_identical_across_hash_seeds_and_workers(tmp_path):
    outputs = []
    for seed, workers in (("1", "1"), ("4242", "2")):
        out = tmp_path / f"seed{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([str(EXE), "extract", str(ROOT / "data" / "articles"), "-o", str(out), "-q",
                               "--workers", workers], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") == 11

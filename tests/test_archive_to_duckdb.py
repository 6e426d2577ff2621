"""Done-when of issue 13 (archives, comparable money): the bundled CSV archive in, pledges in
EUR per donor and year out of DuckDB, with the README's own (only) query."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

duckdb = pytest.importorskip("duckdb")

from coalition_nlp.cli import main  # noqa: E402

README = Path(__file__).parents[1] / "README.md"
ARCHIVE = Path(__file__).parents[1] / "examples" / "archive.csv"  # sentences of our own


def readme_query() -> str:
    """The SQL block that follows the README's mention of pledges in EUR per donor and year."""
    text = README.read_text(encoding="utf-8")
    assert text.count("```sql") == 1
    return re.search(r"pledges in EUR per donor and year.*?```sql\n(.*?)```", text, re.S).group(1)


def test_csv_archive_to_duckdb_pledges_in_eur_per_donor_and_year(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(ARCHIVE), "--text-col", "body", "--date-col", "date",
                                       "-o", "out.duckdb", "--format", "duckdb", "-q"])
    assert result.exit_code == 0, result.output
    with duckdb.connect("out.duckdb", read_only=True) as con:
        rows = con.execute(readme_query()).fetchall()
    # Germany's two ministries count for Germany; the collective 3 billion and the undated
    # Japanese pledge (no rate) are not in the sums; riyal via the dollar peg.
    assert rows == [
        ("DEU", 2015, 30000000.0),
        ("CAN", 2015, 17814197.92),  # ECB 2015-03-02: 1.1227 USD per EUR
        ("SAU", 2016, 88448611.36),
        ("DEU", 2016, 12000000.0),
    ]

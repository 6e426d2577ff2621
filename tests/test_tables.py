"""Tables: typed DataFrames, Parquet folders and a DuckDB file that answers SQL."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")

import coalition_nlp  # noqa: E402
from coalition_nlp.cli import main  # noqa: E402
from coalition_nlp.sinks import tables  # noqa: E402

ROOT = Path(__file__).parents[1]
ARTICLES = {
    "a_berlin.txt": " date 2016-02-04 Berlin - Deutschland gibt 100 Millionen Euro für Syrien, "
                    "sagte Außenminister Frank-Walter Steinmeier.",
    "b_london.txt": " date 2016-02-04 London - Großbritannien will 50 Millionen Euro beisteuern.",
    "c_paris.txt": " date 2016-03-01 Paris - Deutschland gibt weitere 30 Millionen Euro für den Irak.",
    "d_old.txt": " date 2015-05-01 Rom - Italien gibt 900 Millionen Euro für Syrien.",
}


@pytest.fixture()
def small(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_one_article_as_typed_frames():
    result = coalition_nlp.extract("Die USA wollen 500 Soldaten in den Irak schicken, sagte John Kerry.",
                                   published="2016-04-18")
    frames = result.to_frames()
    assert set(frames) == set(tables.TABLES)
    troops = frames["troop_commitments"]
    assert troops.loc[0, "change"] == 500 and troops.loc[0, "country"] == "USA"
    assert str(troops["change"].dtype) == "Int64" and str(troops["approx"].dtype) == "boolean"
    assert frames["articles"].loc[0, "year"] == 2016
    assert str(frames["money_pledges"]["amount"].dtype) == "Float64"  # typed even when empty
    kerry = frames["actors"].set_index("name").loc["John Kerry"]
    mentions = frames["mentions"]
    assert (mentions["actor_id"] == kerry["actor_id"]).sum() == kerry["n_mentions"]


def test_duckdb_file_answers_sql(small, tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "CHUNK_ARTICLES", 1)  # several chunks, as in a long batch
    out = tmp_path / "events.duckdb"
    result = CliRunner().invoke(main, ["extract", str(small), "-o", str(out), "--format", "duckdb", "--quiet"])
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob(".*.tmp*"))
    con = duckdb.connect(str(out), read_only=True)
    rows = con.execute("""
        SELECT p.donor, SUM(p.amount) AS pledged
        FROM money_pledges p JOIN articles a USING (article_id)
        WHERE a.year = 2016 AND p.currency = 'EUR'
        GROUP BY p.donor ORDER BY pledged DESC
    """).fetchall()
    assert rows == [("DEU", 130e6), ("GBR", 50e6)]
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (4,)
    names = con.execute("SELECT name FROM actors WHERE type = 'person'").fetchall()
    assert names == [("Frank-Walter Steinmeier",)]


def test_parquet_folder_and_corpus(small, tmp_path):
    out = tmp_path / "events.parquet"
    corpus_dir = tmp_path / "corpus"
    args = ["extract", str(small), "-o", str(out), "--format", "parquet", "--corpus", str(corpus_dir), "--quiet"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in tables.TABLES)
    pledges = pd.read_parquet(out / "money_pledges.parquet")
    assert sorted(pledges["amount"]) == [30e6, 50e6, 100e6, 900e6]
    corpus = json.loads((corpus_dir / "corpus.json").read_text(encoding="utf-8"))
    germany = [a for a in corpus["actors"] if a["id"] == "country:deu"]
    assert [s["article"] for s in germany[0]["sources"]] == ["a_berlin", "c_paris"]
    corpus_pledges = pd.read_parquet(corpus_dir / "tables" / "money_pledges.parquet")
    assert set(corpus_pledges.loc[corpus_pledges["donor"] == "DEU", "donor_actor_id"]) == {"country:deu"}
    # A second run is refused; with --force it replaces the folder whole.
    assert CliRunner().invoke(main, args).exit_code == 2
    assert CliRunner().invoke(main, [*args, "--force"]).exit_code == 0
    assert len(pd.read_parquet(out / "articles.parquet")) == 4


def test_parquet_never_replaces_a_foreign_folder(small, tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    result = CliRunner().invoke(main, ["extract", str(small), "-o", str(tmp_path), "--format", "parquet", "-q"])
    assert result.exit_code == 2  # one line naming the folder, no traceback
    assert "is not a folder of Parquet tables" in result.output and "Traceback" not in result.output
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_missing_extra_is_one_line_and_exit_2(small, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if the extra were not installed
    result = CliRunner().invoke(main, ["extract", str(small), "-o", str(tmp_path / "x"), "--format", "parquet"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "coalition-nlp: error: --format parquet: this needs the tables extra: pip install coalition-nlp[tables]"
    ]


def test_corpus_frames_for_the_dev_articles():
    from coalition_nlp.corpus import Corpus

    corpus = Corpus.from_extractions(coalition_nlp.extract_many([ROOT / "data" / "articles"]))
    frames = corpus.to_frames()
    actors = frames["actors"].set_index("actor_id")
    assert actors.loc["person:john-kerry", "n_articles"] == 4
    eur = frames["money_pledges"].query("currency == 'EUR'").groupby("donor")["amount"].sum()
    assert eur["DEU"] == 555e6 and eur["EU"] == 1.1e9
    assert set(frames["participants"]["actor_id"]) <= set(actors.index)
    assert set(frames) == {*tables.TABLES, "disputes"}

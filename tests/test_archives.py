"""Archives with metadata: JSONL, CSV and Parquet tables, batch dates, dates in file names."""
from __future__ import annotations

import csv
import itertools
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import coalition_nlp
from coalition_nlp import workers
from coalition_nlp.archives import ColumnError, Columns, parse_date, read_table, table_columns
from coalition_nlp.batch import run_batch
from coalition_nlp.checkpoint import partial_path_for
from coalition_nlp.cli import main
from coalition_nlp.ingest import Article, IngestError, article_from_text, name_date, read_article
from coalition_nlp.workers import Limits, outcomes

# Sentences of our own, no article text.
ROWS = [
    {"id": "k1", "body": "Kanada sagte 20 Millionen Dollar für den Irak zu.", "date": "2016-04-18", "headline": "Hilfe"},
    {"id": "k2", "body": "", "date": "2016-04-19", "headline": ""},
    {"id": "k3", "body": "Die USA wollen 500 Soldaten in den Irak schicken.", "date": "letzte Woche", "headline": ""},
    {"id": "", "body": "Deutschland gibt 10 Millionen Euro für Syrien.", "date": "2017-03", "headline": ""},
    {"id": "k1", "body": "Ein anderer Text mit derselben Kennung.", "date": "", "headline": ""},
]


def write_csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def outcome(items) -> list[tuple]:
    return [(i.id, i.header.published, i.header.headline) if isinstance(i, Article) else (i.row, i.reason)
            for i in items]


EXPECTED = [
    ("k1", "2016-04-18", "Hilfe"),
    (2, "no text in column 'body'"),
    (3, "unparsable date 'letzte Woche'"),
    ("archive:4", "2017-03", None),
    (5, "duplicate id 'k1' (first in {path} row 1)"),
]


def expected(path: Path) -> list[tuple]:
    return [tuple(x.format(path=path) if isinstance(x, str) else x for x in e) for e in EXPECTED]


def test_csv_rows_become_articles_and_bad_rows_errors_with_their_number(tmp_path):
    from coalition_nlp.archives import inputs

    path = write_csv(tmp_path / "archive.csv", ROWS)
    assert outcome(inputs([path], Columns(text="body"))) == expected(path)
    # "body" is found without naming it: the only usual text column present
    assert outcome(inputs([path])) == expected(path)


def test_jsonl_rows_line_numbers_and_lines_that_are_no_object(tmp_path):
    from coalition_nlp.archives import inputs

    path = tmp_path / "archive.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in ROWS] + ["[1, 2]", "{kaputt"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert outcome(inputs([path])) == expected(path) + [
        (6, "a JSON list, not an object"), (7, "not JSON (Expecting property name enclosed in double quotes)")]


def test_parquet_rows_with_typed_dates_and_ids(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import datetime as dt

    import pyarrow.parquet as pq

    path = tmp_path / "archive.parquet"
    table = pa.table({
        "nr": [7, 8, 9],
        "text": ["Kanada sagte 20 Millionen Dollar für den Irak zu.", None, "Die USA schicken 500 Soldaten."],
        "published": [dt.datetime(2016, 4, 18, 9, 30), dt.datetime(2016, 4, 19), None],
    })
    pq.write_table(table, path, row_group_size=2)
    got = outcome(read_table(path, Columns(id="nr")))
    assert got == [("7", "2016-04-18", None), (2, "no text in column 'text'"), ("9", None, None)]


def test_a_text_that_is_no_string_is_a_bad_row(tmp_path):
    path = tmp_path / "numbers.jsonl"
    path.write_text('{"text": 42, "date": null}\n{"text": "Ein Satz.", "date": 2016}\n', encoding="utf-8")
    assert outcome(read_table(path)) == [
        (1, "text in column 'text' is of type int, not a string"),
        (2, "date is of type int, not a string or a date"),
    ]


@pytest.mark.parametrize(
    "value, expected",
    [("2016-04-18", "2016-04-18"), ("2016-04-18T09:30:00Z", "2016-04-18"), ("2016-04-18 09:30", "2016-04-18"),
     ("2016-04", "2016-04"), ("2016", "2016"), ("18.04.2016", "2016-04-18"), ("", None), (None, None)],
)
def test_date_cells(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2016-02-30", "gestern", "04/18/2016", "2016-13"])
def test_unparsable_date_cells(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_missing_named_column_and_missing_text_column(tmp_path):
    path = write_csv(tmp_path / "a.csv", [{"nr": "1", "inhalt": "Ein Satz."}])
    with pytest.raises(ColumnError, match=r"a.csv: no date column 'datum'; columns: 'nr', 'inhalt'"):
        Columns(text="inhalt", date="datum").resolve(table_columns(path), path)
    with pytest.raises(ColumnError, match="no text column"):
        Columns().resolve(table_columns(path), path)


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "a.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)  # import fails as if not installed
    with pytest.raises(ColumnError, match=r"a.parquet: reading Parquet needs pyarrow: pip install coalition-nlp\[tables\]"):
        table_columns(path)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--text-col", "inhalt"], "archive.csv: no text column 'inhalt'; columns: 'id', 'body', 'date', 'headline'"),
        (["--date-col", "datum"], "archive.csv: no date column 'datum'"),
        (["--published", "18.04.2016"], "--published '18.04.2016': give YYYY, YYYY-MM or YYYY-MM-DD"),
        (["--published", "2016-02-30"], "--published '2016-02-30'"),
        (["--dask-local", "1"], "table files (.jsonl, .csv, .parquet) are extracted locally"),
    ],
)
def test_cli_column_and_date_errors_exit_2_with_one_line(tmp_path, args, message):
    path = write_csv(tmp_path / "archive.csv", ROWS)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(out), "-q", *args])
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert not out.exists() and not partial_path_for(out).exists()


def test_cli_reports_bad_rows_on_stderr_and_in_the_errors_file(tmp_path):
    path = write_csv(tmp_path / "archive.csv", ROWS)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(out), "-q", "--text-col", "body"])
    assert result.exit_code == 1
    assert f"coalition-nlp: {path}: row 3: unparsable date 'letzte Woche'" in result.output
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert [(e["path"], e["row"]) for e in errors] == [(str(path), 2), (str(path), 3), (str(path), 5)]
    assert [json.loads(line)["article"]["id"] for line in out.read_text().splitlines()] == ["k1", "archive:4"]


def test_batch_date_is_the_fallback_after_header_column_and_file_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_plain.txt").write_text("Kanada sagte 20 Millionen Dollar zu.", encoding="utf-8")
    (folder / "b_header.txt").write_text(" date 2015-01-02 Kanada sagte 20 Millionen Dollar zu.", encoding="utf-8")
    (folder / "c_2016-05-06_named.txt").write_text("Kanada sagte 20 Millionen Dollar zu.", encoding="utf-8")
    write_csv(folder / "d.csv", [{"text": "Kanada sagte 20 Millionen Dollar zu.", "date": "2014-07-08"},
                                 {"text": " date 2013-01-01 Kanada sagte 20 Millionen Dollar zu.", "date": "2014-07-08"},
                                 {"text": "Kanada sagte 20 Millionen Dollar zu.", "date": ""}])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "-q", "--pattern", "*.txt,*.csv",
                                       "--published", "2017-09"])
    assert result.exit_code == 0, result.output
    dates = {r["article"]["id"]: r["article"]["published"] for r in map(json.loads, out.read_text().splitlines())}
    assert dates == {"a_plain": "2017-09", "b_header": "2015-01-02", "c_2016-05-06_named": "2016-05-06",
                     "d:1": "2014-07-08", "d:2": "2013-01-01", "d:3": "2017-09"}


@pytest.mark.parametrize(
    "stem, expected",
    [("2016-04-18_kerry", "2016-04-18"), ("20160418-kerry", "2016-04-18"), ("r007_2015-01-22", "2015-01-22"),
     ("kerry-2015-01-22", "2015-01-22"), ("x_20161332_y", None), ("000_7c11d8552f802005", None),
     ("a2016-04-18", None), ("120160418", None)],
)
def test_dates_in_file_names(stem, expected):
    assert name_date(stem) == expected


def test_a_header_date_wins_over_the_file_name(tmp_path):
    named = tmp_path / "2016-04-18_x.txt"
    named.write_text(" date 2015-03 Ein Satz.", encoding="utf-8")
    assert read_article(named).header.published == "2015-03"


def _rows(n: int) -> list[dict]:
    states = ["Kanada", "Belgien", "Japan", "Norwegen"]
    return [{"id": f"r{i:03d}", "text": f"{states[i % 4]} sagte {i + 1} Millionen Euro für den Irak zu.",
             "date": f"2016-04-{1 + i % 28:02d}"} for i in range(n)]


def test_workers_give_the_same_bytes_for_table_rows(tmp_path):
    path = write_csv(tmp_path / "many.csv", _rows(40))  # more than two chunks per worker
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch([path], one)
    result = run_batch([path], two, workers=2, limits=Limits(timeout=60))
    assert two.read_bytes() == one.read_bytes() and result.articles == 40


def test_resume_skips_rows_already_done(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "many.csv", _rows(6))
    reference = tmp_path / "reference.jsonl"
    run_batch([path], reference)
    out = tmp_path / "out.jsonl"
    lines = reference.read_bytes().splitlines(keepends=True)
    partial_path_for(out).write_bytes(b"".join(lines[:4]))
    extracted = []
    real = workers.build_extraction
    monkeypatch.setattr(workers, "build_extraction", lambda a, d: extracted.append(a.id) or real(a, d))
    run_batch([path], out, resume=True)
    assert out.read_bytes() == reference.read_bytes()
    assert extracted == ["r004", "r005"]


def test_rows_are_taken_as_the_work_goes(tmp_path):
    """An endless stream of rows: the first outcomes come without reading it all."""
    endless = (article_from_text("Kanada sagte 20 Millionen Dollar zu.", id=f"r{i}") for i in itertools.count())
    first = list(itertools.islice(outcomes(endless, workers=2), 5))
    assert [json.loads(o.line)["article"]["id"] for o in first] == ["r0", "r1", "r2", "r3", "r4"]


def test_extract_many_reads_a_table_file(tmp_path):
    path = write_csv(tmp_path / "archive.csv", ROWS)
    got = list(coalition_nlp.extract_many([str(path)], errors="return"))
    assert [r.article.id if not isinstance(r, IngestError) else r.row for r in got] == ["k1", 2, 3, "archive:4", 5]


def test_extract_frame_returns_the_tables():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {"body": ["Kanada sagte 20 Millionen Dollar für den Irak zu.", "Die USA schicken 500 Soldaten in den Irak."],
         "date": [pd.Timestamp("2016-04-18"), pd.NaT]},
        index=["k1", "k2"],
    )
    tables = coalition_nlp.extract_frame(frame, text="body")
    assert list(tables["articles"]["article_id"]) == ["k1", "k2"]
    assert list(tables["articles"]["published"].fillna("-")) == ["2016-04-18", "-"]
    pledges = tables["money_pledges"]
    assert list(zip(pledges["article_id"], pledges["donor"], pledges["amount_eur"])) == [("k1", "CAN", 17689722.27)]
    assert list(tables["troop_commitments"]["article_id"]) == ["k2"]
    with pytest.raises(ColumnError, match="no text column 'text'"):
        coalition_nlp.extract_frame(frame)
    with pytest.raises(IngestError, match="row 2: no text"):
        coalition_nlp.extract_frame(pd.DataFrame({"text": ["Ein Satz.", None]}))


def test_unreadable_tables_are_reported_and_the_rest_goes_on(tmp_path):
    (tmp_path / "a_latin.csv").write_bytes("text\nGrüße aus Köln: Belgien gab 5 Millionen Euro.\n".encode("cp1252"))
    (tmp_path / "b_binary.csv").write_bytes(b"\x00\x01\x02")
    (tmp_path / "c_broken.parquet").write_bytes(b"not parquet at all")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(out), "-q", "--pattern", "*.csv,*.parquet"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert [(Path(e["path"]).name, e["error"].split(":")[0]) for e in errors] == [
        ("b_binary.csv", "binary file (contains NUL bytes)"), ("c_broken.parquet", "cannot read as a parquet table")]
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["money_pledges"][0]["evidence"][0]["text"].startswith("Grüße aus Köln")

"""Records as tables: pandas DataFrames, Parquet files, one DuckDB database.

One Arrow schema per table is the single source of the column types, so an empty
table, a Parquet file and a DuckDB table all have the same typed columns. The sinks
buffer rows for a few hundred articles at a time, so memory stays bounded however long
the batch is. Needs the ``tables`` extra (pandas, pyarrow, duckdb, matplotlib).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from ..records import ArticleExtraction
from .atomic import atomic_binary_path, atomic_folder, atomic_text_file
from .targets import is_table_folder

if TYPE_CHECKING:
    from ..corpus import Corpus

INSTALL_HINT = "this needs the tables extra: pip install coalition-nlp[tables]"
CHUNK_ARTICLES = 256


def require_tables() -> None:
    """Raise an ImportError that names the extra, before any work is done."""
    try:
        import duckdb  # noqa: F401
        import matplotlib  # noqa: F401
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc


def _schemas(corpus: bool) -> dict:
    import pyarrow as pa

    s, i, f, b, strings = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.list_(pa.string())
    # Article tables name each record by (article_id, local id); corpus tables by corpus id.
    where = [("articles", strings), ("n_sources", i), ("disputed", b)] if corpus else [("article_id", s)]
    return {
        "articles": [("article_id", s), ("source_path", s), ("headline", s), ("place", s),
                     ("agency", s), ("published", s), ("year", i)],
        "actors": ([] if corpus else [("article_id", s)]) + [
            ("actor_id", s), ("type", s), ("name", s), ("country", s), ("roles", strings), ("party", s)]
            + ([("aliases", strings), ("articles", strings), ("n_articles", i)] if corpus else [("n_mentions", i)]),
        "mentions": [("article_id", s), ("actor_id", s), ("text", s), ("start", i), ("end", i)],
        "meetings": [("meeting_id", s), ("status", s), ("location", s), ("venue", s), ("date", s),
                     ("date_text", s), ("size", i), ("size_approx", b), ("size_unit", s), ("evidence", s)] + where,
        "participants": ([] if corpus else [("article_id", s)]) + [("meeting_id", s), ("actor_id", s)],
        "troop_commitments": [("troop_id", s), ("country", s), ("actor_id", s), ("personnel", s),
                              ("change", i), ("total", i), ("approx", b), ("destination", strings),
                              ("status", s), ("evidence", s)] + where,
        "money_pledges": [("pledge_id", s), ("donor", s), ("donor_actor_id", s), ("amount", f),
                          ("currency", s), ("approx", b), ("purpose", s), ("recipient", s),
                          ("collective", b), ("total_of_others", b), ("amount_eur", f), ("amount_usd", f),
                          ("rate_date", s), ("evidence", s)] + where,
        **({"disputes": [("record_id", s), ("field", s), ("value", f), ("approx", b), ("article_id", s),
                         ("source_record", s), ("reported", b), ("reason", s)]} if corpus else {}),
    }


TABLES = ("articles", "actors", "mentions", "meetings", "participants", "troop_commitments", "money_pledges")


def _evidence(spans) -> str:
    return " … ".join(s.text for s in spans)


_PLEDGE_VALUES = ("donor", "amount", "currency", "approx", "purpose", "recipient", "collective",
                  "total_of_others", "amount_eur", "amount_usd", "rate_date")


def _pledge_values(pledge) -> dict:
    return {name: getattr(pledge, name) for name in _PLEDGE_VALUES}


def article_rows(result: ArticleExtraction) -> dict[str, list[dict]]:
    """One article's records as rows, keyed by table name."""
    art = result.article
    aid = art.id
    return {
        "articles": [{"article_id": aid, "source_path": art.source_path, "headline": art.headline,
                      "place": art.place, "agency": art.agency, "published": art.published,
                      "year": int(art.published[:4]) if art.published else None}],
        "actors": [{"article_id": aid, "actor_id": a.id, "type": a.type, "name": a.name, "country": a.country,
                    "roles": a.roles, "party": a.party, "n_mentions": len(a.mentions)} for a in result.actors],
        "mentions": [{"article_id": aid, "actor_id": a.id, "text": m.text, "start": m.start, "end": m.end}
                     for a in result.actors for m in a.mentions],
        "meetings": [{"article_id": aid, "meeting_id": m.id, "status": m.status, "location": m.location,
                      "venue": m.venue, "date": m.date, "date_text": m.date_text,
                      "size": m.size.value if m.size else None, "size_approx": m.size.approx if m.size else None,
                      "size_unit": m.size.unit if m.size else None, "evidence": _evidence(m.evidence)}
                     for m in result.meetings],
        "participants": [{"article_id": aid, "meeting_id": m.id, "actor_id": p}
                         for m in result.meetings for p in m.participants],
        "troop_commitments": [{"article_id": aid, "troop_id": t.id, "country": t.country, "actor_id": t.actor,
                               "personnel": t.personnel, "change": t.change, "total": t.total,
                               "approx": t.approx, "destination": t.destination, "status": t.status,
                               "evidence": _evidence(t.evidence)} for t in result.troop_commitments],
        "money_pledges": [{"article_id": aid, "pledge_id": p.id, "donor_actor_id": p.donor_actor,
                           **_pledge_values(p), "evidence": _evidence(p.evidence)}
                          for p in result.money_pledges],
    }


def corpus_rows(corpus: "Corpus") -> dict[str, list[dict]]:
    def where(e) -> dict:
        return {"articles": e.articles, "n_sources": len(e.sources), "disputed": bool(e.disputes),
                "evidence": " … ".join(f"[{s.article}] {s.text}" for s in e.evidence)}

    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for art in corpus.articles:
        rows["articles"] += article_rows(ArticleExtraction(article=art))["articles"]
    for a in corpus.actors:
        rows["actors"].append({"actor_id": a.id, "type": a.type, "name": a.name, "country": a.country,
                               "roles": a.roles, "party": a.party, "aliases": a.aliases,
                               "articles": a.articles, "n_articles": len(a.articles)})
        rows["mentions"] += [{"article_id": m.article, "actor_id": a.id, "text": m.text, "start": m.start,
                              "end": m.end} for m in a.mentions]
    for m in corpus.meetings:
        rows["meetings"].append({"meeting_id": m.id, "status": m.status, "location": m.location, "venue": m.venue,
                                 "date": m.date, "date_text": m.date_text,
                                 "size": m.size.value if m.size else None,
                                 "size_approx": m.size.approx if m.size else None,
                                 "size_unit": m.size.unit if m.size else None, **where(m)})
        rows["participants"] += [{"meeting_id": m.id, "actor_id": p} for p in m.participants]
    for t in corpus.troop_commitments:
        rows["troop_commitments"].append({"troop_id": t.id, "country": t.country, "actor_id": t.actor,
                                          "personnel": t.personnel, "change": t.change, "total": t.total,
                                          "approx": t.approx, "destination": t.destination,
                                          "status": t.status, **where(t)})
    for p in corpus.money_pledges:
        rows["money_pledges"].append({"pledge_id": p.id, "donor_actor_id": p.donor_actor,
                                      **_pledge_values(p), **where(p)})
    rows["disputes"] = [
        {"record_id": e.id, "field": d.field, "value": float(v.value), "approx": v.approx, "article_id": v.article,
         "source_record": v.record, "reported": v.value == d.reported, "reason": d.reason}
        for e in (*corpus.meetings, *corpus.troop_commitments, *corpus.money_pledges)
        for d in e.disputes for v in d.values
    ]
    return rows


def _arrow(rows: dict[str, list[dict]], corpus: bool) -> dict:
    import pyarrow as pa

    return {
        name: pa.Table.from_pylist(rows.get(name, []), schema=pa.schema(columns))
        for name, columns in _schemas(corpus).items()
    }


def _pandas(tables: dict) -> dict:
    import pandas as pd
    import pyarrow as pa

    nullable = {pa.string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype(),
                pa.float64(): pd.Float64Dtype(), pa.bool_(): pd.BooleanDtype()}
    return {name: table.to_pandas(types_mapper=nullable.get) for name, table in tables.items()}


def frames(results: Iterable[ArticleExtraction]) -> dict:
    """DataFrames for many articles; records keep their article's id beside their own."""
    require_tables()
    merged: dict[str, list[dict]] = {name: [] for name in TABLES}
    for result in results:
        for name, rows in article_rows(result).items():
            merged[name] += rows
    return _pandas(_arrow(merged, corpus=False))


def corpus_frames(corpus: "Corpus") -> dict:
    require_tables()
    return _pandas(_arrow(corpus_rows(corpus), corpus=True))


# --- sinks ----------------------------------------------------------------------------

class _Buffered:
    """Collects rows of many articles and hands them on a chunk at a time."""

    def __init__(self, flush):
        self._flush = flush
        self._rows: dict[str, list[dict]] = {name: [] for name in TABLES}
        self._articles = 0

    def write(self, result: ArticleExtraction) -> None:
        for name, rows in article_rows(result).items():
            self._rows[name] += rows
        self._articles += 1
        if self._articles >= CHUNK_ARTICLES:
            self.close()

    def close(self) -> None:
        if self._articles:
            self._flush(_arrow(self._rows, corpus=False))
        self._rows = {name: [] for name in TABLES}
        self._articles = 0


def _parquet_folder(folder: Path):
    """:func:`atomic_folder`, but never over a folder that holds more than our tables."""
    if folder.exists() and not is_table_folder(folder):
        raise FileExistsError(f"{folder} exists and is not a folder of Parquet tables; not replacing it")
    return atomic_folder(folder)


@contextmanager
def parquet_sink(folder: Path) -> Iterator[_Buffered]:
    """``folder/<table>.parquet``, one file per table, published together."""
    require_tables()
    import pyarrow as pa
    import pyarrow.parquet as pq

    with _parquet_folder(folder) as tmp:
        writers = {name: pq.ParquetWriter(tmp / f"{name}.parquet", pa.schema(cols))
                   for name, cols in _schemas(corpus=False).items()}
        try:
            sink = _Buffered(lambda tables: [writers[n].write_table(t) for n, t in tables.items()])
            yield sink
            sink.close()
        finally:
            for writer in writers.values():
                writer.close()


@contextmanager
def duckdb_sink(path: Path) -> Iterator[_Buffered]:
    """One DuckDB file with a table per record kind."""
    require_tables()
    with atomic_binary_path(path) as tmp:
        con = _create_duckdb(tmp, _arrow({}, corpus=False))
        try:
            sink = _Buffered(lambda tables: _insert(con, tables))
            yield sink
            sink.close()
        finally:
            con.close()


def _create_duckdb(path: Path, empty: dict):
    import duckdb

    con = duckdb.connect(str(path))
    for name, table in empty.items():
        con.register("_chunk", table)
        con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _chunk')
        con.unregister("_chunk")
    return con


def _insert(con, tables: dict) -> None:
    for name, table in tables.items():
        con.register("_chunk", table)
        con.execute(f'INSERT INTO "{name}" SELECT * FROM _chunk')
        con.unregister("_chunk")


def write_corpus(corpus: "Corpus", folder: Path, fmt: str) -> None:
    """``corpus.json``, plus the corpus tables in ``tables/*.parquet`` or ``corpus.duckdb``."""
    folder.mkdir(parents=True, exist_ok=True)
    with atomic_text_file(folder / "corpus.json") as fh:
        fh.write(corpus.to_json())
    if fmt == "parquet":
        import pyarrow.parquet as pq

        with _parquet_folder(folder / "tables") as tmp:
            for name, table in _arrow(corpus_rows(corpus), corpus=True).items():
                pq.write_table(table, tmp / f"{name}.parquet")
    elif fmt == "duckdb":
        with atomic_binary_path(folder / "corpus.duckdb") as tmp:
            _create_duckdb(tmp, _arrow(corpus_rows(corpus), corpus=True)).close()

"""Where results go. Only the sinks know about files and formats."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Protocol

from ..records import ArticleExtraction
from .atomic import atomic_text_file

FORMATS = ("jsonl", "parquet", "duckdb")


class Sink(Protocol):
    def write(self, result: ArticleExtraction) -> None: ...


class _JsonlSink:
    def __init__(self, fh):
        self._fh = fh

    def write(self, result: ArticleExtraction) -> None:
        self._fh.write(result.to_json_line() + "\n")


class _Tee:
    """Writes every result to the output sink and to the corpus being merged."""

    def __init__(self, *sinks: Sink):
        self._sinks = sinks

    def write(self, result: ArticleExtraction) -> None:
        for sink in self._sinks:
            sink.write(result)


@contextmanager
def _format_sink(path: Path, fmt: str) -> Iterator[Sink]:
    if fmt == "parquet":
        from .tables import parquet_sink as open_tables
    elif fmt == "duckdb":
        from .tables import duckdb_sink as open_tables
    else:
        with atomic_text_file(path) as fh:
            yield _JsonlSink(fh)
        return
    with open_tables(Path(path)) as sink:
        yield sink


def check_format(fmt: str) -> None:
    """Fail before any work when ``fmt`` is unknown or its extra is not installed."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt != "jsonl":
        from .tables import require_tables

        require_tables()


@contextmanager
def open_sink(path: Path, fmt: str = "jsonl", corpus_dir: Path | None = None) -> Iterator[Sink]:
    """A sink that publishes its output only when the block ends without error.

    ``parquet`` writes a folder of tables, ``duckdb`` one database file; with
    ``corpus_dir`` the results are also merged into a corpus written there at the end.
    """
    check_format(fmt)
    with _format_sink(path, fmt) as sink:
        if corpus_dir is None:
            yield sink
            return
        from ..corpus import CorpusBuilder

        builder = CorpusBuilder()
        yield _Tee(sink, builder)
        builder.build().write(corpus_dir, fmt)

"""Tables of articles -> :class:`~coalition_nlp.ingest.Article`: JSONL, CSV, Parquet files and DataFrames.

Archives come as tables with an id, a date, a headline and the text. Each file is read
one row at a time (JSONL line by line, CSV through the ``csv`` module, Parquet in record
batches through pyarrow), so memory does not grow with the archive; only the ids seen so
far are kept, to refuse a duplicate. JSONL and CSV are UTF-8, else cp1252 (German
newsroom files), judged by their first megabyte. Rows are numbered from 1 (the header of
a CSV file is not counted; a JSONL file's row is its line).

Which column holds what: ``--text-col`` etc. name it; without a name, the first of the
usual names (:data:`USUAL`) that the table has. A named column that is missing, or a
table with no text column at all, is a :class:`ColumnError` (the user's error). A bad row
(no text, a text that is no string, an unparsable date) is an :class:`IngestError` with
its row number, and the rest go on.

Dates: an explicit ``date`` line in the text's own header wins, then the date column,
then the batch date (``--published``). The headline column wins over the headline
guessed from the text's first line. A row's id is its id column, else ``<file stem>:<row>``.
"""
from __future__ import annotations

import codecs
import csv
import json
import re
import sys
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Iterator, Union

from .ingest import Article, IngestError, PathLike, article_from_text

SUFFIXES = (".jsonl", ".csv", ".parquet")
FIELDS = ("id", "text", "date", "headline")
USUAL = {"id": ("id",), "text": ("text", "body", "content"), "date": ("date", "published"),
         "headline": ("headline", "title")}
PARQUET_HINT = "reading Parquet needs pyarrow: pip install coalition-nlp[tables]"
_BATCH_ROWS = 256
_SNIFF_BYTES = 1 << 20
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_GERMAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_PUBLISHED = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class ColumnError(ValueError):
    """A table that lacks a column it must have: the user's error, before any work."""


@dataclass(frozen=True)
class Columns:
    """Column names set by the user; None tries the usual names (with ``usual``), else means none."""

    id: str | None = None
    text: str | None = None
    date: str | None = None
    headline: str | None = None
    usual: bool = True

    def resolve(self, present: Iterable[str], path: PathLike) -> dict[str, str | None]:
        """The column for each field, or None where the table has none."""
        present = list(present)
        chosen: dict[str, str | None] = {}
        for name in FIELDS:
            given = getattr(self, name)
            if given is not None and given not in present:
                raise ColumnError(f"{path}: no {name} column {given!r}; columns: {_listing(present)}")
            chosen[name] = given or next((c for c in USUAL[name] if c in present and self.usual), None)
        if chosen["text"] is None:
            raise ColumnError(f"{path}: no text column (tried {', '.join(USUAL['text'])}; "
                              f"name it with --text-col); columns: {_listing(present)}")
        return chosen


def _listing(present: list[str]) -> str:
    return ", ".join(map(repr, present[:12])) + (" ..." if len(present) > 12 else "") if present else "none"


def _missing(value: Any) -> bool:
    """None, or a missing value pandas writes as NaN or NaT (which differ from themselves)."""
    if value is None or isinstance(value, str):
        return value is None
    try:
        return bool(value != value)
    except (TypeError, ValueError):  # an array cell compares element-wise
        return False


def is_table(path: PathLike) -> bool:
    return Path(str(path)).suffix.lower() in SUFFIXES


def parse_date(value: Any) -> str | None:
    """A date cell as "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None when empty; ValueError when unreadable."""
    if _missing(value):
        return None
    if isinstance(value, (date, datetime)):  # also pandas.Timestamp
        return value.isoformat()[:10]
    if not isinstance(value, str):
        raise ValueError(f"date is of type {type(value).__name__}, not a string or a date")
    text = value.strip()
    if not text:
        return None
    german = _GERMAN.fullmatch(text)
    if german:
        day, month, year = german.groups()
        return date(int(year), int(month), int(day)).isoformat()
    iso = _ISO.fullmatch(text)
    if iso is None:
        raise ValueError(f"unparsable date {value[:40]!r}")
    year, month, day = iso.groups()
    date(int(year), int(month or 1), int(day or 1))  # a real date, or ValueError
    return "-".join(p for p in (year, month, day) if p)


def check_published(value: str) -> str:
    """A batch date as --published takes it; ValueError otherwise."""
    try:
        valid = bool(_PUBLISHED.fullmatch(value)) and parse_date(value) == value
    except ValueError:
        valid = False
    if not valid:
        raise ValueError(f"--published {value!r}: give YYYY, YYYY-MM or YYYY-MM-DD (a real date)")
    return value


def row_article(cells: dict, columns: dict[str, str | None], path: PathLike, row: int,
                published: str | None = None, default_id: str | None = None) -> Article:
    """One row as an article; :class:`IngestError` (with the row) for a bad one."""
    text = cells.get(columns["text"])
    if _missing(text) or (isinstance(text, str) and not text.strip()):
        raise IngestError(path, f"no text in column {columns['text']!r}", row)
    if not isinstance(text, str):
        raise IngestError(path, f"text in column {columns['text']!r} is of type {type(text).__name__}, not a string", row)
    try:
        when = parse_date(cells.get(columns["date"])) if columns["date"] else None
    except ValueError as exc:
        raise IngestError(path, str(exc), row) from None
    raw_id = cells.get(columns["id"]) if columns["id"] else None
    if _missing(raw_id) or str(raw_id).strip() == "":
        article_id = default_id or f"{Path(str(path)).stem}:{row}"
    else:
        article_id = str(raw_id).strip()
    article = article_from_text(text, id=article_id, source_path=str(path)).dated(when).dated(published)
    headline = cells.get(columns["headline"]) if columns["headline"] else None
    header = article.header
    if isinstance(headline, str) and headline.strip():
        header = type(header)(headline.strip(), header.place, header.agency, header.published)
    return Article(id=article.id, text=article.text, source_path=article.source_path, header=header, row=row)


# --- reading the three formats, one row at a time ------------------------------------------

def _encoding(path: Path) -> str:
    """UTF-8 when the first megabyte is, else cp1252 (German newsroom files); binaries refused."""
    with path.open("rb") as fh:
        head = fh.read(_SNIFF_BYTES)
    if b"\x00" in head:
        raise IngestError(path, "binary file (contains NUL bytes)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _jsonl(path: Path) -> Iterator[tuple[int, Union[dict, str]]]:
    """(line number, object) per line; (line number, reason) for a line that is no JSON object."""
    with path.open("r", encoding=_encoding(path), newline="") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                cells = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, f"not JSON ({exc.msg})"
                continue
            yield number, cells if isinstance(cells, dict) else f"a JSON {type(cells).__name__}, not an object"


def _jsonl_columns(path: Path) -> list[str]:
    for _, cells in _jsonl(path):
        if isinstance(cells, dict):
            return list(cells)
    return []


def _csv_reader(fh):
    csv.field_size_limit(sys.maxsize if sys.maxsize < 2**63 else 2**31 - 1)  # articles are long cells
    return csv.DictReader(fh)


def _csv_columns(path: Path) -> list[str]:
    with path.open("r", encoding=_encoding(path), newline="") as fh:
        return list(_csv_reader(fh).fieldnames or [])


def _csv(path: Path) -> Iterator[tuple[int, Union[dict, str]]]:
    with path.open("r", encoding=_encoding(path), newline="") as fh:
        reader = _csv_reader(fh)
        number = 0
        try:
            for number, cells in enumerate(reader, start=1):
                yield number, cells
        except csv.Error as exc:  # the reader cannot go on after a broken record
            yield number + 1, f"unreadable CSV ({exc}); the rest of the file is skipped"


def _parquet_file(path: Path):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ColumnError(f"{path}: {PARQUET_HINT}") from None
    return pq.ParquetFile(path)


def _parquet_columns(path: Path) -> list[str]:
    return list(_parquet_file(path).schema_arrow.names)


def _parquet(path: Path, wanted: list[str]) -> Iterator[tuple[int, dict]]:
    number = 0
    for batch in _parquet_file(path).iter_batches(batch_size=_BATCH_ROWS, columns=wanted):
        for cells in batch.to_pylist():
            number += 1
            yield number, cells


def table_columns(path: PathLike) -> list[str]:
    """The column names of a table file, read from its header only."""
    p = Path(str(path))
    kind = p.suffix.lower()
    try:
        if kind == ".parquet":
            return _parquet_columns(p)
        return _jsonl_columns(p) if kind == ".jsonl" else _csv_columns(p)
    except ColumnError:
        raise
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise IngestError(p, f"cannot read as a {kind[1:]} table: {exc}") from None


def check_tables(files: Iterable[PathLike], columns: Columns) -> None:
    """Raise :class:`ColumnError` for the first table file that lacks a needed column.

    A file that cannot be read at all is left to the run, which reports it like any
    unreadable file.
    """
    for path in files:
        if is_table(path):
            try:
                columns.resolve(table_columns(path), path)
            except IngestError:
                continue


def read_table(path: PathLike, columns: Columns = Columns(), published: str | None = None
               ) -> Iterator[Union[Article, IngestError]]:
    """The rows of one table file as articles, in order; bad rows as :class:`IngestError`."""
    p = Path(str(path))
    kind = p.suffix.lower()
    try:
        chosen = columns.resolve(table_columns(p), p)
    except (ColumnError, IngestError) as err:
        yield err if isinstance(err, IngestError) else IngestError(p, str(err).split(": ", 1)[1])
        return
    if kind == ".parquet":
        rows: Iterator = _parquet(p, [c for c in dict.fromkeys(chosen.values()) if c])
    else:
        rows = _jsonl(p) if kind == ".jsonl" else _csv(p)
    try:
        for number, cells in rows:
            if isinstance(cells, str):
                yield IngestError(p, cells, number)
                continue
            try:
                yield row_article(cells, chosen, p, number, published)
            except IngestError as err:
                yield err
    except (OSError, ValueError) as exc:  # also UnicodeDecodeError, a broken Parquet page
        yield IngestError(p, f"cannot read further: {exc}")


def unique_ids(items: Iterable[Union[Article, IngestError]]) -> Iterator[Union[Article, IngestError]]:
    """A table row whose id an earlier row already had becomes an error: ids name one article.
    (Text files keep their stems as before, even where two folders hold the same name.)"""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article) and item.row is not None:
            where = f"{item.source_path} row {item.row}"
            first = seen.setdefault(item.id, where)
            if first != where:
                yield IngestError(item.source_path or "", f"duplicate id {item.id!r} (first in {first})", item.row)
                continue
        yield item


def inputs(files: Iterable[PathLike], columns: Columns = Columns(), published: str | None = None
           ) -> Iterator[Union[str, Article, IngestError]]:
    """What a batch extracts, in order: a text file as its path (read where it is extracted),
    a table file as its rows."""
    def expanded() -> Iterator[Union[str, Article, IngestError]]:
        for path in files:
            if is_table(path):
                yield from read_table(path, columns, published)
            else:
                yield str(path)

    return unique_ids(expanded())


def frame_articles(frame, columns: Columns, published: str | None = None) -> list[Article]:
    """The rows of a pandas DataFrame as articles (without an id column, the index labels
    are the ids); raises :class:`IngestError` at the first bad row."""
    chosen = columns.resolve([str(c) for c in frame.columns], "DataFrame")
    found = [
        row_article(cells, chosen, "DataFrame", number, published, default_id=str(label))
        for number, (label, cells) in enumerate(zip(frame.index, frame.to_dict("records")), start=1)
    ]
    for item in unique_ids(found):
        if isinstance(item, IngestError):
            raise item
    return [replace(article, source_path=None) for article in found]

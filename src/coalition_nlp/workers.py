"""Input files -> one :class:`Outcome` each, in input order, in this process or in workers.

spaCy's own ``nlp.pipe(n_process=2)`` is slower than one process for this light
pipeline (it ships every Doc back through a queue); what scales is splitting the *files*:
each worker process reads, extracts and serialises whole articles and sends back one
JSON line per article. Workers are forked from a process that has already loaded the
pipeline, so they start at once. The same workers let a runaway article be stopped: the
parent keeps a deadline per article, kills the worker that overruns it, reports that
article and hands the rest of its files to a fresh worker. A signal-based timer in one
process could not do this: Python handlers do not run while spaCy or a regular
expression is inside C code.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Collection, Iterable, Iterator, Union

from spacy.language import Language

from .api import _make_doc, release
from .ingest import Article, IngestError, read_article
from .normalize import build_extraction
from .pipeline import load_pipeline

# A dpa article has 1 000 to 10 000 characters; 100 000 is ten times the longest. The
# pipeline's cost grows faster than the length (50 000 characters take ~5 s, 200 000
# take ~90 s on one core), so anything longer is a dump, not an article, and is reported.
MAX_CHARS = 100_000
CHUNK = 16  # files per message to a worker: amortises the round trip, bounds the reorder buffer

Key = tuple[str, str]  # (article id, sha256 of its text): what --resume recognises


@dataclass(frozen=True)
class Limits:
    timeout: float | None = None  # seconds per article; None: no limit
    max_chars: int = MAX_CHARS


@dataclass(frozen=True)
class Outcome:
    """What became of one file. Plain data, because it crosses process boundaries."""

    path: str
    key: Key | None = None
    line: str | None = None  # the output JSON line; None when skipped or failed
    error: str | None = None
    row: int | None = None  # the row of a table file


Item = Union[str, Article, Outcome]  # a text file's path, a table row, or what became of one already


def as_item(entry: Union[str, Article, IngestError]) -> Item:
    """An unreadable file or bad row becomes its outcome before it reaches a worker."""
    if isinstance(entry, IngestError):
        return Outcome(entry.path, error=entry.reason, row=entry.row)
    return entry


def too_large(size: int, unit: str, limit: int) -> str:
    return f"too large: {size} {unit} (limit {limit} characters, see --max-chars)"


def read_limited(path: str, max_chars: int) -> Article:
    """The article, refused before reading when its bytes alone exceed the limit."""
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0  # read_article reports why the file cannot be read
    if size > 4 * max_chars:  # UTF-8 needs at most 4 bytes per character
        raise IngestError(path, too_large(size, "bytes", max_chars))
    return read_article(path)


def extract_item(
    item: Item,
    nlp: Language,
    max_chars: int = MAX_CHARS,
    skip: Collection[Key] = frozenset(),
    read: Callable[[str, int], Article] = read_limited,
    published: str | None = None,
) -> Outcome:
    """One file or row to one outcome; never raises, so one bad article cannot end a batch.

    ``published`` dates a text file that has no date of its own (header or file name).
    """
    if isinstance(item, Outcome):
        return item
    path = item.source_path or item.id if isinstance(item, Article) else item
    row = item.row if isinstance(item, Article) else None
    try:
        article = item if isinstance(item, Article) else read(item, max_chars).dated(published)
        if len(article.text) > max_chars:
            raise IngestError(path, too_large(len(article.text), "characters", max_chars))
    except IngestError as err:
        return Outcome(path, error=err.reason, row=row)
    key = (article.id, article.sha256)
    if key in skip:
        return Outcome(path, key, row=row)
    doc = None
    try:
        doc = nlp(_make_doc(nlp, article))
        line = build_extraction(article, doc).to_json_line()
    except Exception as exc:  # a bug met on one article is reported with it, not fatal
        return Outcome(path, key, error=f"extraction failed: {type(exc).__name__}: {exc}", row=row)
    finally:
        if doc is not None:
            release(doc)
    return Outcome(path, key, line, row=row)


def outcomes(
    items: Iterable[Union[str, Path, Article, IngestError]],
    *,
    model: str | None = None,
    limits: Limits = Limits(),
    skip: Collection[Key] = frozenset(),
    workers: int = 1,
    published: str | None = None,
) -> Iterator[Outcome]:
    """One outcome per file or table row, in the order of ``items``, whatever the number of
    workers. ``items`` is consumed as the work goes, so a long stream of rows stays out of memory."""
    stream = (as_item(str(i) if isinstance(i, Path) else i) for i in items)
    nlp = load_pipeline(model)  # loaded here, so forked workers inherit it
    if workers <= 1 and limits.timeout is None:
        for item in stream:
            yield extract_item(item, nlp, limits.max_chars, skip, published=published)
        return
    yield from _Pool(model, limits, skip, max(1, workers), published).run(stream)


def _serve(conn, model: str | None, max_chars: int, skip: Collection[Key], published: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    nlp = load_pipeline(model)
    while True:
        try:
            chunk = conn.recv()
        except EOFError:  # the parent is gone or done
            return
        for index, item in chunk:
            conn.send((index, extract_item(item, nlp, max_chars, skip, published=published)))


class _Worker:
    def __init__(self, context, args: tuple):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, *args), daemon=True)
        self.process.start()
        child.close()
        self.pending: deque[tuple[int, Item]] = deque()
        self.since = time.monotonic()  # when its current article started

    def give(self, chunk: list[tuple[int, Item]]) -> None:
        if not chunk:
            return
        if not self.pending:
            self.since = time.monotonic()
        self.pending.extend(chunk)
        self.conn.send(chunk)

    def stop(self) -> int | None:
        self.conn.close()
        self.process.kill()
        self.process.join()
        return self.process.exitcode


class _Pool:
    def __init__(self, model: str | None, limits: Limits, skip: Collection[Key], size: int,
                 published: str | None = None):
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.args = (model, limits.max_chars, frozenset(skip), published)
        self.timeout = limits.timeout
        self.size = size
        self.taken = 0  # items handed out so far

    def _take(self, tasks: Iterator[tuple[int, Item]], n: int) -> list[tuple[int, Item]]:
        chunk = list(islice(tasks, n))
        self.taken += len(chunk)
        return chunk

    def run(self, items: Iterable[Item]) -> Iterator[Outcome]:
        tasks = enumerate(items)
        done: dict[int, Outcome] = {}
        workers: list[_Worker] = []
        try:
            for _ in range(self.size):  # no more workers than there are chunks of work
                chunk = self._take(tasks, 2 * CHUNK)
                if not chunk:
                    break
                workers.append(_Worker(self.context, self.args))
                workers[-1].give(chunk)
            emitted = 0
            while emitted < self.taken:
                ready = wait([w.conn for w in workers if w.pending], self._wait_time(workers))
                for i, w in enumerate(workers):
                    if w.conn in ready:
                        try:
                            index, outcome = w.conn.recv()
                        except (EOFError, OSError):
                            workers[i] = self._replace(w, done, "worker process died (exit code {code})")
                            continue
                        w.pending.popleft()
                        w.since = time.monotonic()
                        done[index] = outcome
                        if len(w.pending) <= CHUNK:
                            w.give(self._take(tasks, CHUNK))
                    elif w.pending and self._overdue(w):
                        workers[i] = self._replace(w, done, f"timeout after {self.timeout:g} s")
                while emitted in done:
                    yield done.pop(emitted)
                    emitted += 1
        finally:
            for w in workers:
                w.stop()

    def _wait_time(self, workers: list[_Worker]) -> float | None:
        if self.timeout is None:
            return None
        now = time.monotonic()
        return max(0.0, min((w.since + self.timeout - now for w in workers if w.pending), default=0.0))

    def _overdue(self, w: _Worker) -> bool:
        return self.timeout is not None and time.monotonic() - w.since >= self.timeout

    def _replace(self, w: _Worker, done: dict[int, Outcome], reason: str) -> _Worker:
        """Stop ``w``, report its current article, give its other files to a new worker."""
        code = w.stop()
        index, item = w.pending.popleft()
        done[index] = _lost(item, reason.format(code=code))
        fresh = _Worker(self.context, self.args)
        fresh.give(list(w.pending))
        return fresh


def _lost(item: Item, reason: str) -> Outcome:
    """The outcome of an item whose worker was stopped or died."""
    if isinstance(item, Article):
        return Outcome(item.source_path or item.id, error=reason, row=item.row)
    return Outcome(item.path, error=reason, row=item.row) if isinstance(item, Outcome) else Outcome(item, error=reason)

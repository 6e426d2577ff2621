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
from typing import Callable, Collection, Iterable, Iterator

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


def extract_path(
    path: str,
    nlp: Language,
    max_chars: int = MAX_CHARS,
    skip: Collection[Key] = frozenset(),
    read: Callable[[str, int], Article] = read_limited,
) -> Outcome:
    """One file to one outcome; never raises, so one bad article cannot end a batch."""
    try:
        article = read(path, max_chars)
        if len(article.text) > max_chars:
            raise IngestError(path, too_large(len(article.text), "characters", max_chars))
    except IngestError as err:
        return Outcome(path, error=err.reason)
    key = (article.id, article.sha256)
    if key in skip:
        return Outcome(path, key)
    doc = None
    try:
        doc = nlp(_make_doc(nlp, article))
        line = build_extraction(article, doc).to_json_line()
    except Exception as exc:  # a bug met on one article is reported with it, not fatal
        return Outcome(path, key, error=f"extraction failed: {type(exc).__name__}: {exc}")
    finally:
        if doc is not None:
            release(doc)
    return Outcome(path, key, line)


def outcomes(
    files: Iterable[str | Path],
    *,
    model: str | None = None,
    limits: Limits = Limits(),
    skip: Collection[Key] = frozenset(),
    workers: int = 1,
) -> Iterator[Outcome]:
    """One outcome per file, in the order of ``files``, whatever the number of workers."""
    paths = [str(f) for f in files]
    nlp = load_pipeline(model)  # loaded here, so forked workers inherit it
    if workers <= 1 and limits.timeout is None:
        for path in paths:
            yield extract_path(path, nlp, limits.max_chars, skip)
        return
    yield from _Pool(model, limits, skip, max(1, workers)).run(paths)


def _serve(conn, model: str | None, max_chars: int, skip: Collection[Key]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    nlp = load_pipeline(model)
    while True:
        try:
            chunk = conn.recv()
        except EOFError:  # the parent is gone or done
            return
        for index, path in chunk:
            conn.send((index, extract_path(path, nlp, max_chars, skip)))


class _Worker:
    def __init__(self, context, args: tuple):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, *args), daemon=True)
        self.process.start()
        child.close()
        self.pending: deque[tuple[int, str]] = deque()
        self.since = time.monotonic()  # when its current article started

    def give(self, chunk: list[tuple[int, str]]) -> None:
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
    def __init__(self, model: str | None, limits: Limits, skip: Collection[Key], size: int):
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.args = (model, limits.max_chars, frozenset(skip))
        self.timeout = limits.timeout
        self.size = size

    def run(self, paths: list[str]) -> Iterator[Outcome]:
        tasks = iter(enumerate(paths))
        done: dict[int, Outcome] = {}
        workers = [_Worker(self.context, self.args) for _ in range(min(self.size, len(paths)))]
        try:
            for w in workers:
                w.give(list(islice(tasks, 2 * CHUNK)))
            emitted = 0
            while emitted < len(paths):
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
                            w.give(list(islice(tasks, CHUNK)))
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
        index, path = w.pending.popleft()
        done[index] = Outcome(path, error=reason.format(code=code))
        fresh = _Worker(self.context, self.args)
        fresh.give(list(w.pending))
        return fresh

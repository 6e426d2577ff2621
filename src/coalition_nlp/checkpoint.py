"""Durable progress of a batch, so a killed run can be resumed and the output is never half-written.

Each finished article is appended to ``<output>.partial`` as one complete JSON line,
fsynced every :data:`SYNC_EVERY` lines. When the run ends, the partial file becomes the
output in one rename (or, after a resume that reordered things, is copied into it in
input order, atomically). A run killed by SIGKILL leaves at most a torn last line, which
a resume cuts off; every complete line counts as done.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .records import ArticleExtraction
from .sinks import check_format, open_sink
from .sinks.atomic import atomic_text_file
from .workers import Key

SYNC_EVERY = 64

Location = tuple[Path, int, int]  # file, byte offset, length of one line with its newline


def partial_path_for(output: Path) -> Path:
    return output.with_name(f"{output.name}.partial")


def _index(path: Path, into: dict[Key, Location]) -> int:
    """Add the complete lines of ``path`` to ``into``; return where the complete lines end."""
    end = 0
    with path.open("rb") as fh:
        for line in fh:
            try:
                article = json.loads(line)["article"] if line.endswith(b"\n") else None
            except (ValueError, KeyError, TypeError):
                article = None
            if not isinstance(article, dict):
                break  # a torn or foreign line: nothing after it is trusted
            into.setdefault((article["id"], article["text_sha256"]), (path, end, len(line)))
            end += len(line)
    return end


class Checkpoint:
    """Lines in the order of the input; ``done`` holds what an earlier run finished."""

    def __init__(self, output: Path, *, fmt: str = "jsonl", corpus_dir: Path | None = None, resume: bool = False):
        check_format(fmt)
        self.output = Path(output)
        self.fmt, self.corpus_dir = fmt, corpus_dir
        self.partial = partial_path_for(self.output)
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self.done: dict[Key, Location] = {}
        if resume and fmt == "jsonl" and self.output.is_file():
            _index(self.output, self.done)
        end = _index(self.partial, self.done) if resume and self.partial.is_file() else 0
        self._fh = open(self.partial, "r+b" if end else "wb")
        self._fh.truncate(end)
        self._fh.seek(end)
        self._order: list[Location] = []
        self._unsynced = 0

    def __enter__(self) -> "Checkpoint":
        return self

    def __exit__(self, *exc) -> None:
        if not self._fh.closed:  # interrupted: keep what is finished for --resume
            self._sync()
            self._fh.close()

    def write(self, line: str) -> str:
        data = line.encode("utf-8") + b"\n"
        self._order.append((self.partial, self._fh.tell(), len(data)))
        self._fh.write(data)
        self._unsynced += 1
        if self._unsynced >= SYNC_EVERY:
            self._sync()
        return line

    def keep(self, key: Key) -> str:
        """Take a line an earlier run finished; return it."""
        location = self.done[key]
        self._order.append(location)
        return self._read(location).decode("utf-8").rstrip("\n")

    def publish(self) -> None:
        """Make the output hold exactly the lines of this run's input, in its order.

        Tables and the corpus are built from the lines here, at the end, so that they
        too see each article once, however often the run was resumed.
        """
        self._sync()
        size = self._fh.tell()
        self._fh.close()
        if self.fmt == "jsonl" and self.corpus_dir is None and self._is_whole_partial(size):
            os.replace(self.partial, self.output)
            return
        if self.fmt == "jsonl" and self.corpus_dir is None:
            with atomic_text_file(self.output) as fh:
                for location in self._order:
                    fh.write(self._read(location).decode("utf-8"))
        else:
            with open_sink(self.output, self.fmt, corpus_dir=self.corpus_dir) as sink:
                for location in self._order:
                    sink.write(ArticleExtraction.model_validate_json(self._read(location)))
        self.partial.unlink()

    def _is_whole_partial(self, size: int) -> bool:
        offset = 0
        for path, start, length in self._order:
            if path != self.partial or start != offset:
                return False
            offset += length
        return offset == size

    def _read(self, location: Location) -> bytes:
        path, start, length = location
        with path.open("rb") as fh:
            fh.seek(start)
            return fh.read(length)

    def _sync(self) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._unsynced = 0

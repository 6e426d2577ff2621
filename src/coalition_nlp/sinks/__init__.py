"""Where results go. Only the sinks know about files and formats."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Protocol

from ..records import ArticleExtraction
from .jsonl import atomic_text_file

FORMATS = ("jsonl",)


class Sink(Protocol):
    def write(self, result: ArticleExtraction) -> None: ...


class _JsonlSink:
    def __init__(self, fh):
        self._fh = fh

    def write(self, result: ArticleExtraction) -> None:
        self._fh.write(result.to_json_line() + "\n")


@contextmanager
def open_sink(path: Path, fmt: str = "jsonl") -> Iterator[Sink]:
    """A sink that publishes its output only when the block ends without error."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})")
    with atomic_text_file(path) as fh:
        yield _JsonlSink(fh)

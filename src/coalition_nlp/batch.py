"""A batch run: files in, one output written atomically, failures listed beside it.

The CLI's ``extract`` is a thin shell around :func:`run_batch`; so is any script or
scheduler that wants the same guarantees (sorted order, nothing half-written, every
unreadable file reported with its reason).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from .api import process_articles
from .ingest import IngestError, iter_articles
from .pipeline import load_pipeline
from .sinks import open_sink
from .sinks.atomic import atomic_text_file

COUNTED = ("actors", "meetings", "troop_commitments", "money_pledges")


@dataclass
class BatchResult:
    output: Path
    articles: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTED, 0))
    failures: list[IngestError] = field(default_factory=list)

    @property
    def errors_path(self) -> Path:
        return errors_path_for(self.output)

    def summary(self) -> str:
        counted = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in self.counts.items())
        return f"{self.articles} articles, {counted}; {len(self.failures)} failed -> {self.output}"


def errors_path_for(output: Path) -> Path:
    return output.with_name(f"{output.stem}.errors.jsonl")


def run_batch(
    files: Sequence[Path],
    output: Path,
    *,
    model: str | None = None,
    fmt: str = "jsonl",
    corpus_dir: Path | None = None,
    progress: bool = False,
    on_failure: Callable[[IngestError], None] | None = None,
) -> BatchResult:
    """Extract ``files`` (already listed and sorted) into ``output``.

    With ``corpus_dir``, the results are also merged across articles (:mod:`coalition_nlp.corpus`)
    and the corpus is written there.
    """
    from tqdm import tqdm

    nlp = load_pipeline(model)
    result = BatchResult(output=Path(output))
    with open_sink(result.output, fmt, corpus_dir=corpus_dir) as sink, tqdm(
        total=len(files), unit="article", disable=not progress, file=sys.stderr
    ) as bar:
        for item in process_articles(iter_articles(files), nlp):
            bar.update(1)
            if isinstance(item, IngestError):
                result.failures.append(item)
                if on_failure is not None:
                    on_failure(item)
                continue
            sink.write(item)
            result.articles += 1
            for key in COUNTED:
                result.counts[key] += len(getattr(item, key))
    _write_failures(result)
    return result


def _write_failures(result: BatchResult) -> None:
    if not result.failures:
        result.errors_path.unlink(missing_ok=True)  # a list from an earlier run would mislead
        return
    with atomic_text_file(result.errors_path) as fh:
        for f in result.failures:
            fh.write(json.dumps({"path": f.path, "error": f.reason}, ensure_ascii=False) + "\n")

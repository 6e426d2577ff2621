"""A batch run: files in, one output written atomically, failures listed beside it.

The CLI's ``extract`` is a thin shell around :func:`run_batch`; so is any script or
scheduler that wants the same guarantees (sorted order, nothing half-written, every
unreadable file reported with its reason).
"""
from __future__ import annotations

import json
import sys
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from .archives import Columns, inputs, is_table
from .checkpoint import Checkpoint
from .ingest import IngestError
from .sinks.atomic import atomic_text_file
from .workers import Limits, outcomes

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
    workers: int = 1,
    limits: Limits = Limits(),
    resume: bool = False,
    client: Any = None,
    columns: Columns = Columns(),
    published: str | None = None,
) -> BatchResult:
    """Extract ``files`` (already listed and sorted) into ``output``.

    Table files (JSONL, CSV, Parquet: :mod:`coalition_nlp.archives`) give one article per
    row, read as the run goes; ``columns`` names their columns. ``published`` dates every
    article that has no date of its own (text header, date column, file name).

    With ``corpus_dir``, the results are also merged across articles (:mod:`coalition_nlp.corpus`)
    and the corpus is written there.

    Finished articles are kept in ``<output>.partial`` as the run goes, so a killed run
    can be continued: ``resume=True`` skips every article (same id, same text) already
    there or in an earlier JSONL ``output``. ``workers`` > 1 or a ``limits.timeout`` runs
    the articles in worker processes, ``client`` (a ``dask.distributed.Client``) on Dask;
    the output is the same byte for byte whichever runs them.
    """
    from tqdm import tqdm

    result = BatchResult(output=Path(output))
    tables = any(is_table(f) for f in files)
    if tables and client is not None:
        raise ValueError("table files (.jsonl, .csv, .parquet) are extracted locally, not on Dask")
    with Checkpoint(result.output, fmt=fmt, corpus_dir=corpus_dir, resume=resume) as checkpoint, tqdm(
        total=None if tables else len(files), unit="article", disable=not progress, file=sys.stderr
    ) as bar:
        if client is None:
            stream = outcomes(inputs(files, columns, published), model=model, limits=limits,
                              skip=checkpoint.done.keys(), workers=workers, published=published)
        else:
            from .distributed import outcomes as dask_outcomes

            stream = dask_outcomes(client, files, model=model, limits=limits, skip=checkpoint.done.keys(),
                                   published=published)
        with closing(stream):
            for outcome in stream:
                bar.update(1)
                if outcome.error is not None:
                    failure = IngestError(outcome.path, outcome.error, outcome.row)
                    result.failures.append(failure)
                    if on_failure is not None:
                        on_failure(failure)
                    continue
                line = checkpoint.keep(outcome.key) if outcome.line is None else checkpoint.write(outcome.line)
                record = json.loads(line)
                result.articles += 1
                for key in COUNTED:
                    result.counts[key] += len(record[key])
        checkpoint.publish()
    _write_failures(result)
    return result


def _write_failures(result: BatchResult) -> None:
    if not result.failures:
        result.errors_path.unlink(missing_ok=True)  # a list from an earlier run would mislead
        return
    with atomic_text_file(result.errors_path) as fh:
        for f in result.failures:
            where = {"path": f.path} if f.row is None else {"path": f.path, "row": f.row}
            fh.write(json.dumps({**where, "error": f.reason}, ensure_ascii=False) + "\n")

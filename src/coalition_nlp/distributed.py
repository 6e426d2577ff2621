"""Extraction on a Dask cluster, for archives beyond one machine (``pip install coalition-nlp[dask]``).

The files become a Dask bag whose partitions run :func:`extract_partition`. It lives in
this importable module so that workers import it instead of receiving a pickled copy:
the pipeline it loads then stays cached in each worker process from task to task. Paths
may be object-storage URLs (``s3://``, ``gs://``, ``memory://`` ...) read through fsspec.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import PurePosixPath
from typing import Collection, Iterable, Iterator

from .ingest import Article, IngestError, article_from_text, decode, list_files, name_date, patterns
from .pipeline import load_pipeline
from .workers import Key, Limits, Outcome, extract_item, read_limited, too_large

INSTALL_HINT = "this needs the dask extra: pip install coalition-nlp[dask]"
PARTITION = 64  # articles per task: a few seconds of work, far above Dask's per-task overhead


def require_dask() -> None:
    """Raise an ImportError that names the extra, before any work is done."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc


def is_url(path: object) -> bool:
    return "://" in str(path)


def list_paths(paths: Iterable[str], pattern: str = "*.txt") -> list[str]:
    """:func:`coalition_nlp.ingest.list_files` that also lists object-storage URLs, in the same order."""
    import fsspec

    paths = [str(p) for p in paths]
    found = [str(p) for p in list_files([p for p in paths if not is_url(p)], pattern)]
    for url in filter(is_url, paths):
        fs, root = fsspec.core.url_to_fs(url)
        if fs.isdir(root):
            found += [fs.unstrip_protocol(m) for each in patterns(pattern)
                      for m in fs.glob(f"{root.rstrip('/')}/**/{each}")]
        elif fs.exists(root):
            found.append(url)
        else:
            raise FileNotFoundError(url)
    return sorted(set(found), key=lambda f: (PurePosixPath(f).name, f))


def read_any(path: str, max_chars: int) -> Article:
    """A local file as :func:`~coalition_nlp.workers.read_limited` reads it, or a URL through fsspec."""
    if not is_url(path):
        return read_limited(path, max_chars)
    import fsspec

    try:
        with fsspec.open(path, "rb") as fh:
            data = fh.read(4 * max_chars + 1)
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc}") from None
    if len(data) > 4 * max_chars:
        raise IngestError(path, too_large(len(data), "bytes or more", max_chars))
    stem = PurePosixPath(path).stem
    return article_from_text(decode(data, path), id=stem, source_path=path).dated(name_date(stem))


def extract_partition(paths: list[str], model: str | None, max_chars: int, skip: Collection[Key],
                      published: str | None = None) -> list[Outcome]:
    nlp = load_pipeline(model)  # cached per worker process
    return [extract_item(p, nlp, max_chars, skip, read=read_any, published=published) for p in paths]


def bag(paths: Iterable[str], *, model: str | None = None, limits: Limits = Limits(),
        skip: Collection[Key] = frozenset(), partition_size: int = PARTITION, published: str | None = None):
    """A Dask bag of one :class:`~coalition_nlp.workers.Outcome` per path, in path order.

    Text files only: the rows of table files are read by the client (a local run)."""
    import dask.bag as db

    return db.from_sequence([str(p) for p in paths], partition_size=partition_size).map_partitions(
        extract_partition, model, limits.max_chars, frozenset(skip), published
    )


def outcomes(client, files: Iterable[str], *, model: str | None = None, limits: Limits = Limits(),
             skip: Collection[Key] = frozenset(), published: str | None = None) -> Iterator[Outcome]:
    """Outcomes computed on ``client``'s cluster, yielded in input order as partitions finish."""
    if limits.timeout is not None:
        raise ValueError("a per-article time limit needs local worker processes; Dask cannot stop one task")
    futures = client.compute(bag(files, model=model, limits=limits, skip=skip, published=published).to_delayed())
    try:
        for future in futures:
            yield from future.result()
            future.release()
    finally:
        client.cancel(futures)


@contextmanager
def connect(scheduler: str | None = None, local_workers: int | None = None):
    """A client of the scheduler at ``scheduler``, or of a new cluster of ``local_workers`` processes."""
    require_dask()
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=local_workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client

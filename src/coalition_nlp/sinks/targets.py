"""Where an output may go, checked before a run starts, so a bad ``-o`` fails at once and
not after an hour of extraction.

One policy for every format: an existing output is refused unless the caller forces its
replacement (which the sinks then do atomically).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputRefused(ValueError):
    """An output path that cannot or may not take the output; the message is one line."""


def is_table_folder(path: Path) -> bool:
    """A folder holding nothing but Parquet tables: the only folder an output may replace."""
    return path.is_dir() and all(p.suffix == ".parquet" for p in path.iterdir())


def check_target(path: Path, *, folder: bool = False, force: bool = False, keep: bool = False) -> None:
    """Raise :class:`OutputRefused` unless ``path`` can take a new output.

    ``folder``: the output is a folder of tables. ``force``: an existing output may be
    replaced. ``keep``: an existing output is read and extended (``--resume``), not refused.
    """
    path = Path(path)
    if path.exists():
        if folder and not path.is_dir():
            raise OutputRefused(f"{path} exists and is not a folder; the tables need a folder")
        if not folder and path.is_dir():
            raise OutputRefused(f"{path} is a folder; give a file name")
        if folder and not is_table_folder(path):
            raise OutputRefused(f"{path} exists and is not a folder of Parquet tables; not replacing it")
        if not (force or keep):
            raise OutputRefused(f"{path} exists; use --force to replace it")
    _check_writable(path)


def _check_writable(path: Path) -> None:
    """The nearest existing folder on the way to ``path`` accepts a new file."""
    existing = Path(os.path.abspath(path)).parent
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise OutputRefused(f"cannot write {path}: {existing} is not a folder")
    try:
        fd, probe = tempfile.mkstemp(prefix=".coalition-nlp-probe.", dir=existing)
    except OSError as exc:
        raise OutputRefused(f"cannot write {path}: {existing} does not take new files ({exc.strerror or exc})") from None
    os.close(fd)
    os.unlink(probe)

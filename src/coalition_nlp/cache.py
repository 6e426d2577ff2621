"""Compiled language data in a user cache folder, so that a start reads instead of rebuilding.

Building the lexicon tables and tokenizing their tens of thousands of forms for the
phrase matchers takes seconds; the results are written once as msgpack files named by a
digest of ``resources/``, the code that compiles them and the spaCy version, so any change
to one of those makes a new file (the newest few are kept). The folder is ``$COALITION_NLP_CACHE``, else
``$XDG_CACHE_HOME/coalition_nlp``, else ``~/.cache/coalition_nlp``; when it cannot be
written, the data is simply built in memory.
"""
from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import srsly

log = logging.getLogger("coalition_nlp")

ENV_VAR = "COALITION_NLP_CACHE"
_FORMAT = "1"  # raise when the layout of a cached file changes
_KEEP = 3  # versions kept per file: installs of other versions share the folder
_PACKAGE = Path(__file__).resolve().parent
# What compiled data depends on besides the resource files themselves.
_COMPILERS = ("lexicon.py", "components/patterns.py")


def cache_folder() -> Path | None:
    """The folder, or None for a user without a home directory (then nothing is cached)."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return None if base.startswith("~") else Path(base) / "coalition_nlp"


def digest(resources: Path = _PACKAGE / "resources") -> str:
    """Fingerprint of the resource files, the compiling code and the spaCy version."""
    from spacy import about  # spaCy's string hashes and tokenizer rules change with its version

    h = hashlib.sha256(f"{_FORMAT} {about.__version__}".encode())
    files = sorted(p for p in resources.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    files += [_PACKAGE / name for name in _COMPILERS]
    for path in files:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:20]


@lru_cache(maxsize=1)
def _current_digest() -> str:
    return digest()


def _path(name: str) -> Path:
    folder = cache_folder()
    if folder is None:
        raise FileNotFoundError("no home directory for a cache folder")
    return folder / f"{name}-{_current_digest()}.msgpack"


def read(name: str) -> Any | None:
    """The cached data called ``name`` for the current resources, or None."""
    try:
        return srsly.msgpack_loads(_path(name).read_bytes())
    except (OSError, ValueError) as exc:
        log.debug("coalition_nlp: no cached %s (%s)", name, exc)
        return None


def write(name: str, data: Any) -> bool:
    """Store ``data`` atomically; False when the folder cannot be written."""
    tmp = None
    try:
        path = _path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{name}-", delete=False) as tmp:
            tmp.write(srsly.msgpack_dumps(data))
        os.replace(tmp.name, path)
    except OSError as exc:
        if tmp is not None:
            Path(tmp.name).unlink(missing_ok=True)
        log.debug("coalition_nlp: cache folder not writable, keeping %s in memory (%s)", name, exc)
        return False
    _prune(path, name)
    return True


def _prune(path: Path, name: str) -> None:
    """Keep the newest :data:`_KEEP` versions of ``name``; another process may prune at once."""
    versions = []
    for other in path.parent.glob(f"{name}-*.msgpack"):
        try:
            versions.append((other.stat().st_mtime_ns, other))
        except OSError:
            continue
    for _, old in sorted(versions, reverse=True)[_KEEP:]:
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass

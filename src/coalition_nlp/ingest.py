"""Files and folders -> :class:`Article`: decoding, dpa header, no guessing on binaries.

The text an article carries is the decoded file with line ends folded to ``\\n``; every
offset in every record points into exactly this string.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator, Union

from charset_normalizer import from_bytes

PathLike = Union[str, Path]

# Encodings tried when a file is not UTF-8: German newsroom files are cp1252 or latin-1.
_LEGACY_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

_META = re.compile(r"\A[ \t]*date[ \t]+(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)\b[ \t]*")
_PLACE = r"[A-ZÄÖÜ][\w.'’-]*(?: [A-ZÄÖÜ][\w.'’-]*){0,2}"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE}(?:/{_PLACE})*)[ \t]*"
    r"(?:\((?P<agency>[A-Za-z][A-Za-z/ -]{0,24}[A-Za-z])\))?[ \t]*[-–—][ \t]+(?=\S)"
)
# "Brüssel. Die Nato wird ...": a one-word place and a full stop open a long paragraph
_DOT_DATELINE = re.compile(r"(?P<place>[A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\.[ \t]+(?=(?:Der|Die|Das|Ein|Eine) \S.{40})")
_SENTENCE_END = re.compile(r"[.!?…:;\"“”«»„)]\s*$")
_CAPTION = re.compile(r"\b(?:Foto|Bild|Fotos|Photo)\s*:\s*\S+[^\n]*$")
_HEADER_LINES = 6  # the dateline stands within the first few paragraphs
_ARTICLES = frozenset({"Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer"})
_MAX_HEADLINE = 200
# A date segment of a file name: "2016-04-18_kerry", "20160418-kerry", "r007_2015-01-22".
_NAME_DATE = re.compile(r"(?:^|(?<=[_-]))(\d{4})-?(\d{2})-?(\d{2})(?=$|[_-])")


class IngestError(Exception):
    """A file (or a row of a table, numbered from 1) that cannot become an article; carries
    the path and a reason for the user."""

    def __init__(self, path: PathLike, reason: str, row: int | None = None):
        super().__init__(f"{path}: {reason}" if row is None else f"{path}: row {row}: {reason}")
        self.path = str(path)
        self.reason = reason
        self.row = row


@dataclass(frozen=True)
class Header:
    headline: str | None = None
    place: str | None = None
    agency: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    source_path: str | None = None
    header: Header = field(default_factory=Header)
    row: int | None = None  # its row in a table file (JSONL, CSV, Parquet), from 1

    def dated(self, published: str | None) -> "Article":
        """This article with ``published`` as its date unless it carries one already."""
        if published is None or self.header.published is not None:
            return self
        return replace(self, header=replace(self.header, published=published))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def decode(data: bytes, path: PathLike = "<bytes>") -> str:
    """Bytes -> text with ``\\n`` line ends; raises :class:`IngestError` rather than guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"invalid {encoding} after byte-order mark ({exc.reason})") from None
            return _fold_newlines(text.lstrip("\ufeff"))
    if b"\x00" in data:
        raise IngestError(path, "binary file (contains NUL bytes)")
    try:
        return _fold_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise IngestError(path, "undecodable: no text encoding fits its bytes")
    encoding = best.encoding
    if encoding not in _LEGACY_PREFERRED:
        # The detector may name a rarer sibling of cp1252; German text decodes the same.
        for candidate in _LEGACY_PREFERRED:
            try:
                return _fold_newlines(data.decode(candidate))
            except UnicodeDecodeError:
                continue
    return _fold_newlines(str(best))


def _fold_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_header(text: str) -> Header:
    """The dpa header: ``date`` metadata, headline, dateline (place and agency)."""
    published = None
    meta = _META.match(text)
    if meta:
        published = meta.group("date")
    lines = [ln.strip() for ln in text[meta.end() if meta else 0 :].split("\n", 50)[:50]]
    lines = [ln for ln in lines if ln][:_HEADER_LINES]
    place = agency = None
    dateline_at = None
    for i, line in enumerate(lines):
        match = _DATELINE.match(line) or _DOT_DATELINE.match(line)
        if match and _is_dateline(match):
            place, agency, dateline_at = match.group("place"), match.groupdict().get("agency"), i
            break
    headline = None
    if len(lines) > 1 and dateline_at != 0 and _is_headline(lines[0]):
        headline = lines[0]
    return Header(headline=headline, place=place, agency=agency, published=published)


def _is_dateline(match: re.Match) -> bool:
    # Without an agency, only a short place name before a spaced dash counts ("Stuttgart - ").
    words = match.group("place").split()
    if words[0] in _ARTICLES:
        return False
    return bool(match.groupdict().get("agency")) or len(words) <= 2


def _is_headline(line: str) -> bool:
    return (
        0 < len(line) <= _MAX_HEADLINE
        and not _SENTENCE_END.search(line)
        and not _CAPTION.search(line)
    )


def article_from_text(
    text: str, *, id: str = "text", source_path: str | None = None, published: str | None = None
) -> Article:
    """Wrap text already in memory; ``published`` overrides the header's date."""
    text = _fold_newlines(text)
    header = parse_header(text)
    if published is not None:
        header = Header(header.headline, header.place, header.agency, published)
    return Article(id=id, text=text, source_path=source_path, header=header)


def name_date(stem: str) -> str | None:
    """The first real date ("YYYY-MM-DD" or "YYYYMMDD") delimited by ``_``, ``-`` or the ends of a file name."""
    for match in _NAME_DATE.finditer(stem):
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            continue
    return None


def read_article(path: PathLike) -> Article:
    """A text file; without a ``date`` header, a date in its name dates it."""
    p = Path(path)
    if p.is_symlink() and not p.exists():
        raise IngestError(p, "broken symbolic link")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(p, f"cannot read: {exc.strerror or exc}") from None
    return article_from_text(decode(data, p), id=p.stem, source_path=str(p)).dated(name_date(p.stem))


def patterns(pattern: str) -> list[str]:
    """``--pattern`` may list several, separated by commas: ``"*.txt,*.csv"``."""
    return [p.strip() for p in pattern.split(",") if p.strip()]


def list_files(paths: Iterable[PathLike], pattern: str = "*.txt") -> list[Path]:
    """Files named on the command line, plus matching files under folders, sorted by name.

    Raises ``FileNotFoundError`` for a path that does not exist: that is the user's
    error, not a bad article.
    """
    found: dict[str, Path] = {}
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in (f for each in patterns(pattern) for f in p.rglob(each)):
                if f.is_file() or f.is_symlink():
                    found[str(f)] = f
        elif p.exists() or p.is_symlink():
            found[str(p)] = p
        else:
            raise FileNotFoundError(str(p))
    return sorted(found.values(), key=lambda f: (f.name, str(f)))


def iter_articles(
    paths: Iterable[PathLike], pattern: str = "*.txt"
) -> Iterator[Union[Article, IngestError]]:
    """Articles in file-name order; unreadable files come as :class:`IngestError` items."""
    for path in list_files(paths, pattern):
        try:
            yield read_article(path)
        except IngestError as err:
            yield err

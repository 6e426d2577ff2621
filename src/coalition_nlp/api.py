"""The functions the notebook API and the CLI share: articles in, records out."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Union

from spacy.language import Language
from spacy.tokens import Doc

from .archives import Columns, frame_articles, is_table, read_table, unique_ids
from .ingest import Article, IngestError, article_from_text, iter_articles, read_article
from .normalize import build_extraction
from .pipeline import load_pipeline
from .records import ArticleExtraction

Source = Union[str, Path, Article]
_MAX_PATH = 4096


def _make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    header = article.header
    doc._.article_id = article.id
    doc._.published = header.published
    doc._.place = header.place
    doc._.agency = header.agency
    doc._.headline = header.headline
    return doc


def release(doc: Doc) -> None:
    """Let a spent doc go at once.

    Its user data (span attributes, the per-doc views) refers back to the doc, and such
    cycles wait for the garbage collector's rare full passes: memory would grow over
    thousands of articles before one runs.
    """
    doc.user_data.clear()


def records(article: Article, doc: Doc) -> ArticleExtraction:
    """The records of a processed doc, which is spent afterwards."""
    try:
        return build_extraction(article, doc)
    finally:
        release(doc)


def _looks_like_path(item: str) -> bool:
    return len(item) < _MAX_PATH and "\n" not in item and os.path.isfile(item)


def _as_article(item: Source, published: str | None = None, number: int = 0) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, Path) or _looks_like_path(item):
        article = read_article(item)
        if published is not None:
            article = article_from_text(
                article.text, id=article.id, source_path=article.source_path, published=published
            )
        return article
    return article_from_text(item, id=f"text{number}", published=published)


def extract(
    text_or_path: Source, *, published: str | None = None, model: str | None = None
) -> ArticleExtraction:
    """Records from one article: a text, a file path or an :class:`Article`.

    ``published`` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") anchors relative dates such as
    "am Montag" when the text carries no ``date`` header.
    """
    nlp = load_pipeline(model)
    article = _as_article(text_or_path, published)
    return records(article, nlp(_make_doc(nlp, article)))


def process_articles(
    items: Iterable[Union[Article, IngestError]], nlp: Language, batch_size: int = 32
) -> Iterator[Union[ArticleExtraction, IngestError]]:
    """Extract a stream of articles in order; ingest errors pass through in their place."""
    buffer: list[Union[Article, IngestError]] = []

    def flush() -> Iterator[Union[ArticleExtraction, IngestError]]:
        articles = [a for a in buffer if isinstance(a, Article)]
        docs = iter(nlp.pipe(_make_doc(nlp, a) for a in articles))
        for item in buffer:
            yield item if isinstance(item, IngestError) else records(item, next(docs))
        buffer.clear()

    for item in items:
        buffer.append(item)
        if len(buffer) >= batch_size:
            yield from flush()
    yield from flush()


def extract_many(
    items: Iterable[Source], *, model: str | None = None, errors: str = "raise"
) -> Iterator[Union[ArticleExtraction, IngestError]]:
    """Records for many texts, files or folders (folders: ``*.txt`` below them, by name).

    A table file (``.jsonl``, ``.csv``, ``.parquet``) gives one article per row, its
    columns found under their usual names (:mod:`coalition_nlp.archives`).

    ``errors="raise"`` stops at a file that cannot be read; ``errors="return"`` yields
    its :class:`IngestError` in its place and goes on.
    """
    if errors not in ("raise", "return"):
        raise ValueError("errors must be 'raise' or 'return'")
    nlp = load_pipeline(model)

    def articles() -> Iterator[Union[Article, IngestError]]:
        for number, item in enumerate(items):
            if _is_dir(item):
                yield from iter_articles([item])
                continue
            if isinstance(item, (str, Path)) and is_table(item) and _looks_like_path(str(item)):
                yield from read_table(item)
                continue
            try:
                yield _as_article(item, number=number)
            except IngestError as err:
                yield err

    for result in process_articles(unique_ids(articles()), nlp):
        if isinstance(result, IngestError) and errors == "raise":
            raise result
        yield result


def _is_dir(item: object) -> bool:
    if isinstance(item, Path):
        return item.is_dir()
    return isinstance(item, str) and len(item) < _MAX_PATH and "\n" not in item and os.path.isdir(item)


def extract_frame(frame, *, text: str = "text", published: str | None = "date", id: str | None = "id",
                  headline: str | None = None, model: str | None = None) -> dict:
    """The tables (as :meth:`ArticleExtraction.to_frames` gives them) for the articles in a
    pandas DataFrame, one per row; needs the ``tables`` extra.

    ``text``, ``published``, ``id`` and ``headline`` name columns. A column named here
    but missing raises :class:`~coalition_nlp.archives.ColumnError`, except the default
    ``date`` and ``id``, which may be absent (no dates; the index labels as ids); a bad row
    raises :class:`IngestError` with its row number before anything is extracted. An
    explicit ``date`` line in a text's own header wins over the date column.
    """
    from .sinks.tables import frames

    present = {str(c) for c in frame.columns}
    columns = Columns(
        id=None if id == "id" and id not in present else id,
        text=text,
        date=None if published == "date" and published not in present else published,
        headline=headline,
        usual=False,
    )
    articles = frame_articles(frame, columns)
    return frames(r for r in process_articles(articles, load_pipeline(model)))

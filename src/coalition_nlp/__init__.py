"""coalition_nlp: German news about the anti-IS coalition -> typed, provenance-carrying records.

>>> import coalition_nlp
>>> result = coalition_nlp.extract("Die USA wollen 500 Soldaten in den Irak schicken.")
"""
from . import extensions  # noqa: F401  (registers Doc/Span attributes)
from .api import extract, extract_frame, extract_many
from .ingest import Article, IngestError, read_article
from .pipeline import load_pipeline
from .records import (
    Actor,
    ArticleExtraction,
    ArticleInfo,
    Meeting,
    MoneyPledge,
    Size,
    Span,
    TroopCommitment,
)

__all__ = [
    "Actor",
    "Article",
    "ArticleExtraction",
    "ArticleInfo",
    "IngestError",
    "Meeting",
    "MoneyPledge",
    "Size",
    "Span",
    "TroopCommitment",
    "extract",
    "extract_frame",
    "extract_many",
    "load_pipeline",
    "read_article",
]
__version__ = "0.1.0"

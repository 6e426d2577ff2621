"""``python -m benchmarks.hotspots [N]``: where one process spends its time, by cProfile.

Extracts N copies of the development articles (pipeline loaded before profiling) and
prints the ten functions with the most own time, then the ten project functions with the
most cumulative time: the "top ten" of the README's throughput section.
"""
from __future__ import annotations

import cProfile
import io
import pstats
import sys
from pathlib import Path

from coalition_nlp.api import process_articles
from coalition_nlp.ingest import iter_articles
from coalition_nlp.pipeline import load_pipeline

SOURCE = Path(__file__).resolve().parents[1] / "data" / "articles"


def profile(copies: int) -> str:
    nlp = load_pipeline("embedded")
    articles = list(iter_articles(sorted(SOURCE.glob("*.txt")))) * copies
    profiler = cProfile.Profile()
    profiler.enable()
    for result in process_articles(articles, nlp):
        result.to_json_line()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(10)
    stats.sort_stats("cumulative").print_stats(r"coalition_nlp/(?!api)", 10)
    return out.getvalue()


if __name__ == "__main__":
    print(profile(int(sys.argv[1]) if len(sys.argv) > 1 else 20))

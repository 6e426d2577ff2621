"""Quality floors on the eleven development articles: a change that lowers any score fails CI.

The floors live in ``quality_floors.json`` (one place); raise them as the extractor improves.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from coalition_nlp import extract, extract_many, read_article
from coalition_nlp.evaluate import evaluate

ROOT = Path(__file__).parents[1]
FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report():
    results = list(extract_many([ROOT / "data" / "articles"]))
    assert len(results) == 11
    return evaluate(results, ROOT / "data" / "gold").as_dict()


@pytest.mark.parametrize("kind", list(FLOORS["f1"]))
def test_f1_floor(report, kind):
    assert report[kind]["f1"] >= FLOORS["f1"][kind], f"{kind}: {report[kind]}"


def test_person_country_floor(report):
    assert report["person_country_accuracy"] >= FLOORS["person_country_accuracy"]


def test_offsets_point_into_the_text():
    for path in sorted((ROOT / "data" / "articles").glob("*.txt")):
        article = read_article(path)
        result = extract(article)
        spans = [m for a in result.actors for m in a.mentions]
        for rec in [*result.meetings, *result.troop_commitments, *result.money_pledges]:
            spans.extend(rec.evidence)
        for s in spans:
            assert article.text[s.start : s.end] == s.text

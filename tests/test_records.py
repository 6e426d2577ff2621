"""The records are the contract of spec §1: field names, enums, one compact line."""
from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from coalition_nlp.records import ArticleExtraction, ArticleInfo, TroopCommitment


def test_json_line_has_the_contract_fields():
    rec = ArticleExtraction(article=ArticleInfo(id="a", text_sha256="0" * 64, published="2015-01-22"))
    line = rec.to_json_line()
    assert "\n" not in line
    data = json.loads(line)
    assert list(data) == ["schema_version", "article", "actors", "meetings", "troop_commitments", "money_pledges"]
    assert data["schema_version"] == 1
    assert set(data["article"]) == {"id", "source_path", "headline", "place", "agency", "published", "text_sha256"}


def test_status_is_an_enum():
    with pytest.raises(ValidationError):
        TroopCommitment(id="T1", personnel="Soldaten", status="rumoured")


def test_published_format_is_checked():
    with pytest.raises(ValidationError):
        ArticleInfo(id="a", text_sha256="x", published="22.01.2015")


def test_schema_names_every_record():
    schema = ArticleExtraction.model_json_schema()
    assert {"Actor", "Meeting", "TroopCommitment", "MoneyPledge", "Span"} <= set(schema["$defs"])

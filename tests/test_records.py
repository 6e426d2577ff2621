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


def test_a_result_read_back_from_its_json_equals_it():
    import coalition_nlp

    result = coalition_nlp.extract("Die USA wollen 500 Soldaten in den Irak schicken.", published="2016-04-18")
    back = ArticleExtraction.model_validate_json(result.model_dump_json())
    assert back._text is None and result._text is not None  # the hidden text differs ...
    assert back == result and not back != result  # ... and takes no part in equality
    assert repr(back) == repr(result) and "_text" not in repr(result)
    other = back.model_copy(update={"meetings": []}, deep=True)
    other.troop_commitments[0].change = 600
    assert other != result


def test_print_gives_a_short_summary():
    import coalition_nlp

    text = ("Verteidigungsminister Jan Meier sagte, Deutschland schicke 120 Soldaten in den Irak. "
            "Zudem sagte Deutschland 40 Millionen Euro für Flüchtlinge zu.")
    shown = str(coalition_nlp.extract(text, published="2017-03-02"))
    lines = shown.splitlines()
    assert lines[0] == "text0 · 2017-03-02"
    assert lines[1].startswith("  ") and "1 troop numbers, 1 pledges" in lines[1]
    assert "persons  Jan Meier (DEU)" in shown
    assert any(ln.startswith("  troops   DEU Soldaten change=None total=120 -> IRQ") for ln in lines)
    assert any(ln.startswith("  pledge   DEU 40 Mio EUR for Flüchtlinge") for ln in lines)
    assert len(lines) <= 8 and max(map(len, lines)) <= 100


def test_every_record_of_the_development_articles_validates():
    """Spans and actors are built without validation on the hot path; here they are checked."""
    from pathlib import Path

    from coalition_nlp.api import extract_many

    results = list(extract_many(sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.txt"))))
    assert len(results) == 11
    for result in results:
        back = ArticleExtraction.model_validate(result.model_dump())
        assert back == result and all(s.text for a in back.actors for s in a.mentions)

"""Ingest on arbitrary bytes and text: an article or an IngestError with a reason, nothing else."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from coalition_nlp.ingest import IngestError, article_from_text, decode, read_article

_TEXTISH = st.lists(
    st.sampled_from(["Berlin (dpa) - ", "date 2015-01-22 ", "\r\n", "\n", "\r", "Überschrift", " – ",
                     "\x00", "\ufeff", "\u202e", "„Zitat »innen«“", "(AFP)", "ä", "", "1,8,9 Milliarden"]),
    max_size=30,
).map("".join)


@settings(max_examples=200)
@given(data=st.one_of(st.binary(max_size=400), _TEXTISH.map(lambda t: t.encode("utf-8")),
                      _TEXTISH.map(lambda t: t.encode("utf-16"))))
def test_decode_gives_text_or_a_reason(data):
    try:
        text = decode(data)
    except IngestError as err:
        assert err.reason
        return
    assert "\r" not in text


@settings(max_examples=200)
@given(text=st.one_of(_TEXTISH, st.text(max_size=300)))
def test_header_fields_are_pieces_of_the_text(text):
    article = article_from_text(text, id="x")
    assert "\r" not in article.text
    header = article.header
    for field in (header.headline, header.place, header.agency):
        assert field is None or field in article.text
    assert header.published is None or article.text.lstrip(" \t").startswith("date")


@settings(max_examples=50)
@given(data=st.binary(max_size=300))
def test_reading_any_file_gives_an_article_or_a_reason(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("f") / "a.txt"
    path.write_bytes(data)
    try:
        article = read_article(path)
    except IngestError as err:
        assert err.path == str(path) and err.reason
        return
    assert article.id == "a" and article.source_path == str(path)

"""Ingest: decoding, the dpa header, folders; bad files are reported, never guessed at."""
from __future__ import annotations

import os

import pytest

from coalition_nlp.ingest import IngestError, decode, iter_articles, list_files, parse_header, read_article

GERMAN = "Außenminister Steinmeier sagte: „Es ist Zeit.“ Die Kosten: 40 Mio. €, 5 % mehr.\nZweite Zeile"


@pytest.mark.parametrize(
    "text, headline, place, agency, published",
    [
        (" date 2018-06 Paris (dpa) - Im Kampf gegen den IS formiert sich ein Bündnis.\n\nMehr.", None, "Paris", "dpa", "2018-06"),
        (" date 2015-01-22 Koalition berät in London über Kampf gegen IS\nLondon (dpa) - Die Außenminister kamen.", "Koalition berät in London über Kampf gegen IS", "London", "dpa", "2015-01-22"),
        ("Kanada zieht Kampfjets ab\nOttawa (dpa) - Kanada beendet seine Luftangriffe.", "Kanada zieht Kampfjets ab", "Ottawa", "dpa", None),
        ("„Der Kampf ist nicht zu Ende“: Carter in Stuttgart. Foto: dpa\n\nDie Koalition muss mehr tun.\n\nStuttgart - Carter rief die Verbündeten auf.", None, "Stuttgart", None, None),
        ("Paris/München (APA/AFP) - Frankreich und Deutschland beraten.", None, "Paris/München", "APA/AFP", None),
        ("Brüssel (AFP) - Die Nato berät.", None, "Brüssel", "AFP", None),
        ("Geberkonferenz: 3,8 Milliarden Dollar für Syrien\nKuwait (dpa) - Die Gemeinschaft sagte zu.", "Geberkonferenz: 3,8 Milliarden Dollar für Syrien", "Kuwait", "dpa", None),
        # a plain article: no header at all
        ("US-Außenminister John Kerry hat die Koalition eingestimmt. Dieser werde lange dauern.\n\nZweiter Absatz.", None, None, None, None),
        # a sentence with a dash is not a dateline
        ("Die Teilnehmer - rund 40 Minister - berieten lange.\nDanach gingen sie.", None, None, None, None),
        # a one-word place with a full stop before a long paragraph; not a short first sentence
        ("Lissabon. Die Regierung will ihre Hilfe für die Flüchtlinge im Land deutlich aufstocken.", None, "Lissabon", None, None),
        ("Nein. Das ist falsch, sagte er.", None, None, None, None),
    ],
)
def test_header(text, headline, place, agency, published):
    h = parse_header(text)
    assert (h.headline, h.place, h.agency, h.published) == (headline, place, agency, published)


@pytest.mark.parametrize(
    "data",
    [
        GERMAN.encode("utf-8"),
        b"\xef\xbb\xbf" + GERMAN.encode("utf-8"),
        GERMAN.encode("utf-16"),  # with BOM
        GERMAN.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "crlf"],
)
def test_decode_unicode(data):
    assert decode(data) == GERMAN


def test_decode_legacy_cp1252():
    text = "Die Außenminister berieten über „Stabilisierungshilfe“ – 40 Mio. € für Flüchtlinge in Düsseldorf."
    assert decode(text.encode("cp1252")) == text


def test_decode_latin1():
    text = "Größere Übungen der Bundeswehr in Österreich für die Peschmerga-Kämpfer sind geplant."
    assert decode(text.encode("latin-1")) == text


def test_binary_is_reported_not_guessed():
    with pytest.raises(IngestError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")


def test_broken_link_and_unreadable(tmp_path):
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "nowhere.txt", link)
    with pytest.raises(IngestError, match="broken symbolic link") as err:
        read_article(link)
    assert err.value.path == str(link)


def test_folder_recursion_pattern_and_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "002_x.txt").write_text("Zwei.", encoding="utf-8")
    (tmp_path / "001_y.txt").write_text("Eins.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("nicht lesen", encoding="utf-8")
    (tmp_path / "003_bin.txt").write_bytes(b"\x00\x01\x02")
    items = list(iter_articles([tmp_path]))
    assert [getattr(i, "id", None) for i in items] == ["001_y", "002_x", None]
    assert isinstance(items[2], IngestError) and items[2].path.endswith("003_bin.txt")
    assert [p.name for p in list_files([tmp_path], "*.md")] == ["notes.md"]


def test_missing_path_is_a_user_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        list_files([tmp_path / "missing"])


def test_real_articles_keep_offsets_and_hash():
    a = read_article("data/articles/004_eb07cb67dff6d22f.txt")
    assert a.id == "004_eb07cb67dff6d22f"
    assert a.header.place == "Paris" and a.header.published == "2018-06"
    assert len(a.sha256) == 64

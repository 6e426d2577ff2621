"""The HTML report: self-contained, escaped, structured (in a browser: test_report_browser.py)."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("matplotlib")

import coalition_nlp  # noqa: E402
from coalition_nlp.cli import main  # noqa: E402
from coalition_nlp.records import ArticleExtraction  # noqa: E402

ROOT = Path(__file__).parents[1]
VOID = {"meta", "br", "img", "input", "link", "hr", "col", "area", "base", "wbr", "source", "path", "use",
        "rect", "circle", "line", "polyline", "polygon", "ellipse", "stop", "image"}


class Structure(HTMLParser):
    """Tags, the ids and classes seen, every external reference, and whether tags nest."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.count: dict[str, int] = {}
        self.ids: set[str] = set()
        self.classes: dict[str, int] = {}
        self.external: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.count[tag] = self.count.get(tag, 0) + 1
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for c in (attrs.get("class") or "").split():
            self.classes[c] = self.classes.get(c, 0) + 1
        for key in ("src", "href", "xlink:href"):
            if attrs.get(key) and not attrs[key].startswith("#"):
                self.external.append(attrs[key])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.count[tag] = self.count.get(tag, 0) + 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    events = tmp_path_factory.mktemp("report") / "events.jsonl"
    out = events.with_name("report.html")
    assert CliRunner().invoke(main, ["extract", str(ROOT / "data" / "articles"), "-o", str(events), "-q"]).exit_code == 0
    result = CliRunner().invoke(main, ["report", str(events), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_report_is_self_contained_and_well_formed(report):
    html = report.read_text(encoding="utf-8")
    parser = Structure()
    parser.feed(html)
    parser.close()
    assert parser.errors == [] and parser.stack == []
    assert parser.external == []  # no CDN, no web fonts, no images from elsewhere
    assert parser.count.get("script", 0) == 1  # inline: table sorting and filtering, nothing loaded
    assert "fetch(" not in html and "XMLHttpRequest" not in html and "import(" not in html
    assert "@media print" in html
    assert parser.count["svg"] == 3  # the three plots, inline
    assert {"corpus", "plots", "articles", "a-000_7c11d8552f802005", "a-d06_bundestag_mandat"} <= parser.ids
    assert parser.count["section"] == 11


def test_report_shows_corpus_and_highlights(report):
    parser = Structure()
    parser.feed(report.read_text(encoding="utf-8"))
    text = "".join(parser.text)
    assert "Figures the sources disagree on" not in text  # the dev articles agree
    assert "person:john-kerry" in text and "000_7c11d8552f802005, 001_1b9413930cd04c90" in text
    # every person mention, every event's evidence is highlighted in the article texts
    assert parser.classes["cn-person"] >= 60 and parser.classes["cn-pledge"] >= 11
    assert parser.classes["cn-troops"] >= 12 and parser.classes["cn-meeting"] >= 12


def test_text_is_escaped():
    result = coalition_nlp.extract('Die USA <b>wollen</b> 500 Soldaten & "mehr" in den Irak schicken.')
    html = result._repr_html_()
    assert "<b>" not in html and "&lt;b&gt;wollen&lt;/b&gt;" in html and "&amp;" in html
    parser = Structure()
    parser.feed(html)
    assert parser.errors == [] and parser.classes["cn-troops"] >= 1


def test_notebook_view_highlights_the_article_read_back_from_its_file():
    result = coalition_nlp.extract(ROOT / "data" / "articles" / "d03_kuwait_geberkonferenz.txt")
    html = result._repr_html_()
    assert "Article text not available" not in html
    assert '<span class="cn-hl cn-country">Kuwait<span class="cn-label">STAAT</span></span>' in html
    assert html.count("<caption>Money pledges</caption>") == 1
    assert "3.8 Mrd" in html  # the pledge table beneath the text
    changed = ArticleExtraction.model_validate(
        {**result.model_dump(), "article": {**result.article.model_dump(), "text_sha256": "changed"}})
    assert "Article text not available" in changed._repr_html_()


def test_notebook_view_of_a_text_shows_the_whole_text():
    import coalition_nlp

    text = "Die USA wollen 500 Soldaten in den Irak schicken, sagte US-Außenminister John Kerry. Danach ging er."
    html = coalition_nlp.extract(text)._repr_html_()
    assert "Danach ging er." in html  # a sentence without records is there too
    assert "John Kerry" in html

"""One self-contained HTML page for a corpus: tables, plots as inline SVG, every article.

Nothing is loaded from the network (no scripts, fonts or images from elsewhere), so the
page opens offline, can be mailed as one file and prints cleanly.
"""
from __future__ import annotations

import io
from html import escape
from pathlib import Path
from typing import Sequence

from .. import plots
from ..corpus import Corpus
from ..display import CSS, article_body, corpus_tables, legend, record_tables
from ..records import ArticleExtraction
from .atomic import atomic_text_file

PAGE_CSS = """
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:84em;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
nav ol{columns:2;font-size:.9em}
figure{margin:1em 0}figure svg{max-width:100%;height:auto}
section.article{border-top:1px solid #eee;padding-top:.5em}
.cn-table th{cursor:pointer;white-space:nowrap}
.cn-table th[data-sort=asc]::after{content:" ▲"}.cn-table th[data-sort=desc]::after{content:" ▼"}
.cn-filter{display:block;margin:1em 0 0;font:.85em sans-serif;padding:.2em .4em;width:16em;max-width:100%}
@media print{
  body{margin:0;max-width:none;font-size:10pt}
  nav,.cn-filter{display:none}
  h2{break-after:avoid}
  figure,table,tr{break-inside:avoid}
  section.article{break-before:page}
  a{color:inherit;text-decoration:none}
}
"""

# Every table gets a filter box (rows containing the text stay) and headers that sort on
# click (numbers as numbers, "1.8 Mrd" and "160 Mio" by value). Inline, so no network.
SCRIPT = """
document.querySelectorAll("table.cn-table").forEach(function (table) {
  var body = table.tBodies[0], box = document.createElement("input");
  box.type = "search"; box.className = "cn-filter"; box.placeholder = "filter rows";
  box.setAttribute("aria-label", "filter " + (table.caption ? table.caption.textContent : "table"));
  table.parentNode.parentNode.insertBefore(box, table.parentNode);
  box.addEventListener("input", function () {
    var q = box.value.toLowerCase();
    Array.from(body.rows).forEach(function (r) { r.hidden = q !== "" && r.textContent.toLowerCase().indexOf(q) < 0; });
  });
  function key(cell) {
    var t = cell.textContent.trim(), m = t.match(/^[~+]?(-?\\d+(?:\\.\\d+)?)(?: (Mio|Mrd))?$/);
    return m ? parseFloat(m[1]) * ({Mio: 1e6, Mrd: 1e9}[m[2]] || 1) : t;
  }
  Array.from(table.tHead.rows[0].cells).forEach(function (th, i) {
    th.title = "sort";
    th.addEventListener("click", function () {
      var up = th.dataset.sort !== "asc";
      Array.from(th.parentNode.cells).forEach(function (c) { delete c.dataset.sort; });
      th.dataset.sort = up ? "asc" : "desc";
      Array.from(body.rows).sort(function (a, b) {
        var x = key(a.cells[i]), y = key(b.cells[i]);
        var c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "de", {numeric: true});
        return up ? c : -c;
      }).forEach(function (r) { body.appendChild(r); });
    });
  });
});
"""


def svg(fig) -> str:
    """A matplotlib figure as an inline ``<svg>`` element (text as paths: no fonts needed)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def render_report(results: Sequence[ArticleExtraction], title: str = "coalition_nlp report") -> str:
    corpus = Corpus.from_extractions(results)
    frames = corpus.to_frames()
    figures = [
        ("Pledges by donor in EUR", plots.pledges_by_donor(frames)),
        ("Troop numbers by state over time", plots.troops_over_time(frames)),
        ("Meeting timeline", plots.meeting_timeline(frames)),
    ]
    people = sum(a.type == "person" for a in corpus.actors)
    summary = (f"{len(results)} articles; {len(corpus.actors)} actors ({people} persons), "
               f"{len(corpus.meetings)} meetings, {len(corpus.troop_commitments)} troop numbers, "
               f"{len(corpus.money_pledges)} money pledges after merging across articles.")
    toc = "".join(f'<li><a href="#a-{escape(r.article.id)}">{escape(r.article.headline or r.article.id)}</a></li>'
                  for r in results)
    articles = "".join(
        f'<section class="article" id="a-{escape(r.article.id)}"><h3>{escape(r.article.headline or r.article.id)}</h3>'
        f'<p class="cn-note">{escape(" · ".join(x for x in (r.article.id, r.article.place, r.article.published) if x))}'
        f"</p>{article_body(r)}{record_tables(r)}</section>"
        for r in results
    )
    plots_html = "".join(f"<figure><figcaption>{escape(name)}</figcaption>{svg(fig)}</figure>"
                         for name, fig in figures)
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{PAGE_CSS}{CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{escape(summary)}</p>"
        f'<nav><h2>Articles</h2><ol>{toc}</ol></nav>'
        f'<h2 id="corpus">Corpus</h2>{corpus_tables(corpus)}'
        f'<h2 id="plots">Plots</h2>{plots_html}'
        f'<h2 id="articles">Articles</h2>{legend()}{articles}'
        f"<script>{SCRIPT}</script></body></html>"
    )


def write_report(results: Sequence[ArticleExtraction], output: str | Path) -> None:
    html = render_report(results)
    with atomic_text_file(output) as fh:
        fh.write(html)

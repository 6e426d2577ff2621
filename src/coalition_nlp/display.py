"""HTML for notebooks and the report: the article with its records highlighted, tables beneath.

Standard library only, so ``_repr_html_`` works without the ``tables`` extra. Like
displaCy's entity view, each highlight carries a small label; unlike it, highlights may
overlap (a name inside a pledge's evidence sentence), so the text is cut at every span
boundary and each piece is wrapped in all the highlights that cover it.
"""
from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from .records import ArticleExtraction
from .summary import _amount as amount

if TYPE_CHECKING:
    from .corpus import Corpus

# kind -> (label, colour); actors are coloured, events underlined
KINDS = {
    "person": ("PER", "#aa9cfc"),
    "country": ("STAAT", "#7aecec"),
    "organization": ("ORG", "#feca74"),
    "meeting": ("TREFFEN", "#1f77b4"),
    "troops": ("TRUPPEN", "#d62728"),
    "pledge": ("GELD", "#2ca02c"),
}
EVENTS = ("meeting", "troops", "pledge")

CSS = """
.cn-article{font-family:Georgia,serif;line-height:1.9;max-width:60em;white-space:pre-wrap}
.cn-hl{padding:0 .15em;border-radius:.25em}
.cn-ev{text-decoration-line:underline;text-decoration-thickness:.18em;text-underline-offset:.3em}
.cn-label{font:bold .6em sans-serif;vertical-align:super;margin-left:.2em;opacity:.8}
.cn-scroll{max-width:100%;overflow-x:auto}
.cn-table{border-collapse:collapse;font:.85em sans-serif;margin:.5em 0 1em}
.cn-table th,.cn-table td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top;overflow-wrap:normal}
.cn-table th{background:#f2f2f2}
.cn-note{font:.85em sans-serif;color:#666}
""" + "".join(
    f".cn-{kind}{{background:{colour}66}}" if kind not in EVENTS else f".cn-{kind}{{text-decoration-color:{colour}}}"
    for kind, (_, colour) in KINDS.items()
)


def article_text(result: ArticleExtraction) -> Optional[str]:
    """The text the offsets point into: kept from extraction, else read back from
    ``source_path`` when it is unchanged (a result loaded from JSONL)."""
    from .ingest import IngestError, read_article

    if result._text is not None:
        return result._text
    path = result.article.source_path
    if not path or not Path(path).is_file():
        return None
    try:
        article = read_article(path)
    except IngestError:
        return None
    return article.text if article.sha256 == result.article.text_sha256 else None


def spans(result: ArticleExtraction) -> list[tuple[int, int, str]]:
    """(start, end, kind) for every mention and every evidence span."""
    out = [(m.start, m.end, a.type) for a in result.actors for m in a.mentions]
    for kind, records in (("meeting", result.meetings), ("troops", result.troop_commitments),
                          ("pledge", result.money_pledges)):
        out += [(e.start, e.end, kind) for r in records for e in r.evidence]
    return out


def highlight(text: str, marks: Iterable[tuple[int, int, str]]) -> str:
    """``text`` as escaped HTML with every (start, end, kind) highlighted."""
    marks = [(s, e, k) for s, e, k in marks if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
    ends = {(e, k) for _, e, k in marks}
    out = []
    for lo, hi in zip(cuts, cuts[1:]):
        piece = escape(text[lo:hi])
        active = sorted({k for s, e, k in marks if s <= lo and hi <= e}, key=list(KINDS).index)
        for kind in active:  # actors innermost, events around them
            label = f'<span class="cn-label">{KINDS[kind][0]}</span>' if (hi, kind) in ends else ""
            css = f"cn-ev cn-{kind}" if kind in EVENTS else f"cn-hl cn-{kind}"
            piece = f'<span class="{css}">{piece}{label}</span>'
        out.append(piece)
    return "".join(out)


def html_table(headers: Sequence[str], rows: Iterable[Sequence[object]], caption: str = "") -> str:
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if v is None else escape(str(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    # Columns as wide as their longest word; a table wider than the page scrolls inside its box.
    return (f'<div class="cn-scroll"><table class="cn-table">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def record_tables(result: ArticleExtraction) -> str:
    names = {a.id: a.name for a in result.actors}
    parts = [html_table(
        ["id", "type", "name", "country", "roles", "party", "mentions"],
        [(a.id, a.type, a.name, a.country, ", ".join(a.roles), a.party, len(a.mentions)) for a in result.actors],
        "Actors",
    )]
    if result.meetings:
        parts.append(html_table(
            ["id", "status", "location", "venue", "date", "participants", "size"],
            [(m.id, m.status, m.location, m.venue, m.date or m.date_text,
              ", ".join(names.get(p, p) for p in m.participants),
              f"{'~' if m.size.approx else ''}{m.size.value} {m.size.unit or ''}" if m.size else None)
             for m in result.meetings],
            "Meetings",
        ))
    if result.troop_commitments:
        parts.append(html_table(
            ["id", "state", "personnel", "change", "total", "destination", "status", "announced by"],
            [(t.id, t.country, t.personnel, t.change, t.total, ", ".join(t.destination), t.status,
              names.get(t.actor or "")) for t in result.troop_commitments],
            "Troop numbers",
        ))
    if result.money_pledges:
        parts.append(html_table(
            ["id", "donor", "amount", "currency", "purpose", "recipient"],
            [(p.id, p.donor, amount(p.amount), p.currency, p.purpose, p.recipient) for p in result.money_pledges],
            "Money pledges",
        ))
    return "".join(parts)


def legend() -> str:
    return '<p class="cn-note">' + " ".join(
        f'<span class="{"cn-ev" if k in EVENTS else "cn-hl"} cn-{k}">{label}</span>'
        for k, (label, _) in KINDS.items()
    ) + "</p>"


def article_body(result: ArticleExtraction, text: Optional[str] = None) -> str:
    """The highlighted article, or its highlighted evidence passages when the text is not at hand."""
    text = text if text is not None else article_text(result)
    if text is not None:
        return f'<div class="cn-article">{highlight(text, spans(result))}</div>'
    marks = spans(result)
    passages = sorted({(s.start, s.text) for r in (*result.meetings, *result.troop_commitments,
                                                    *result.money_pledges) for s in r.evidence})
    shown = []
    for start, passage in passages:  # offsets made relative to the passage
        local = [(s - start, e - start, k) for s, e, k in marks if start <= s and e <= start + len(passage)]
        shown.append(f'<div class="cn-article">… {highlight(passage, local)} …</div>')
    note = '<p class="cn-note">Article text not available (no readable, unchanged source file); evidence passages:</p>'
    return note + "".join(shown)


def article_html(result: ArticleExtraction, text: Optional[str] = None) -> str:
    a = result.article
    title = escape(a.headline or a.id)
    meta = escape(" · ".join(x for x in (a.id, a.place, a.agency, a.published) if x))
    return (f"<div><style>{CSS}</style><h3>{title}</h3><p class=\"cn-note\">{meta}</p>{legend()}"
            f"{article_body(result, text)}{record_tables(result)}</div>")


def corpus_tables(corpus: "Corpus") -> str:
    names = {a.id: a.name for a in corpus.actors}
    sources = lambda e: ", ".join(e.articles)  # noqa: E731
    shared = [a for a in corpus.actors if len(a.articles) > 1 or a.type == "person"]
    parts = [html_table(
        ["id", "type", "name", "country", "roles", "aliases", "articles"],
        [(a.id, a.type, a.name, a.country, ", ".join(a.roles), ", ".join(a.aliases[:8]), sources(a))
         for a in shared],
        "Actors (persons, and states and organisations found in more than one article)",
    ), html_table(
        ["id", "status", "location", "venue", "date", "participants", "size", "articles"],
        [(m.id, m.status, m.location, m.venue, m.date or m.date_text,
          ", ".join(names.get(p, p) for p in m.participants),
          f"{'~' if m.size.approx else ''}{m.size.value} {m.size.unit or ''}" if m.size else None, sources(m))
         for m in corpus.meetings],
        "Meetings",
    ), html_table(
        ["id", "state", "personnel", "change", "total", "destination", "status", "announced by", "articles"],
        [(t.id, t.country, t.personnel, t.change, t.total, ", ".join(t.destination), t.status,
          names.get(t.actor or ""), sources(t)) for t in corpus.troop_commitments],
        "Troop numbers",
    ), html_table(
        ["id", "donor", "amount", "currency", "purpose", "recipient", "articles"],
        [(p.id, names.get(p.donor_actor or "", p.donor), amount(p.amount), p.currency, p.purpose, p.recipient,
          sources(p)) for p in corpus.money_pledges],
        "Money pledges",
    )]
    disputes = [(e.id, d.field, ", ".join(f"{v.value:g} ({v.article})" for v in d.values), f"{d.reported:g}",
                 d.reason)
                for e in (*corpus.meetings, *corpus.troop_commitments, *corpus.money_pledges) for d in e.disputes]
    if disputes:
        parts.append(html_table(["record", "figure", "values (source)", "reported", "why"], disputes,
                                "Figures the sources disagree on"))
    return "".join(parts)


def corpus_html(corpus: "Corpus") -> str:
    return f"<div><style>{CSS}</style>{corpus_tables(corpus)}</div>"

"""A one-screen text overview of extraction results, for ``make run`` and the terminal."""
from __future__ import annotations

from typing import Iterable

from .records import ArticleExtraction


def _amount(value: float) -> str:
    for scale, word in ((1e9, "Mrd"), (1e6, "Mio")):
        if value >= scale:
            return f"{value / scale:g} {word}"
    return f"{value:g}"


def event_lines(r: ArticleExtraction, width: int = 100) -> list[str]:
    """One indented line per meeting, troop number and pledge of an article."""
    names = {a.id: a.name for a in r.actors}
    lines = []
    for m in r.meetings:
        who = ", ".join(names.get(p, p) for p in m.participants[:4])
        lines.append(f"  meeting  {m.status:<7} {m.location or '?'} {m.date_text or ''} {who}"[:width])
    for t in r.troop_commitments:
        lines.append(f"  troops   {t.country or '?'} {t.personnel} change={t.change} total={t.total} "
                     f"-> {','.join(t.destination) or '?'} ({t.status})"[:width])
    for p in r.money_pledges:
        lines.append(f"  pledge   {p.donor or '?'} {_amount(p.amount)} {p.currency} "
                     f"for {p.purpose or '?'} -> {p.recipient or '?'}"[:width])
    return lines


def describe(r: ArticleExtraction, width: int = 100) -> str:
    """A few lines for ``print(result)``: the article, its counts, its persons and its events."""
    a = r.article
    head = " · ".join(x for x in (a.id, a.published, a.place, a.headline) if x)
    persons = [f"{p.name} ({p.country})" if p.country else p.name for p in r.actors if p.type == "person"]
    states = sorted({c.country or c.name for c in r.actors if c.type == "country"})
    lines = [head[:width],
             f"  {len(r.actors)} actors, {len(r.meetings)} meetings, {len(r.troop_commitments)} troop numbers, "
             f"{len(r.money_pledges)} pledges"]
    if persons:
        lines.append(f"  persons  {', '.join(persons)}"[:width])
    if states:
        lines.append(f"  states   {', '.join(states)}"[:width])
    return "\n".join(lines + event_lines(r, width))


def summarize(results: Iterable[ArticleExtraction], width: int = 100) -> str:
    lines = []
    totals = [0, 0, 0, 0, 0]
    for r in results:
        counts = (1, len(r.actors), len(r.meetings), len(r.troop_commitments), len(r.money_pledges))
        totals = [t + c for t, c in zip(totals, counts)]
        lines.append(f"{r.article.id}: {counts[1]} actors, {counts[2]} meetings, "
                     f"{counts[3]} troop numbers, {counts[4]} pledges")
        lines += event_lines(r, width)
    lines.append(f"total: {totals[0]} articles, {totals[1]} actors, {totals[2]} meetings, "
                 f"{totals[3]} troop numbers, {totals[4]} pledges")
    return "\n".join(lines)

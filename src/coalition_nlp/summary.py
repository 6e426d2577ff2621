"""A one-screen text overview of extraction results, for ``make run`` and the terminal."""
from __future__ import annotations

from typing import Iterable

from .records import ArticleExtraction


def _amount(value: float) -> str:
    for scale, word in ((1e9, "Mrd"), (1e6, "Mio")):
        if value >= scale:
            return f"{value / scale:g} {word}"
    return f"{value:g}"


def summarize(results: Iterable[ArticleExtraction], width: int = 100) -> str:
    lines = []
    totals = [0, 0, 0, 0, 0]
    for r in results:
        names = {a.id: a.name for a in r.actors}
        counts = (1, len(r.actors), len(r.meetings), len(r.troop_commitments), len(r.money_pledges))
        totals = [t + c for t, c in zip(totals, counts)]
        lines.append(f"{r.article.id}: {counts[1]} actors, {counts[2]} meetings, "
                     f"{counts[3]} troop numbers, {counts[4]} pledges")
        for m in r.meetings:
            who = ", ".join(names.get(p, p) for p in m.participants[:4])
            lines.append(f"  meeting  {m.status:<7} {m.location or '?'} {m.date_text or ''} {who}"[:width])
        for t in r.troop_commitments:
            lines.append(f"  troops   {t.country or '?'} {t.personnel} change={t.change} total={t.total} "
                         f"-> {','.join(t.destination) or '?'} ({t.status})"[:width])
        for p in r.money_pledges:
            lines.append(f"  pledge   {p.donor or '?'} {_amount(p.amount)} {p.currency} "
                         f"for {p.purpose or '?'} -> {p.recipient or '?'}"[:width])
    lines.append(f"total: {totals[0]} articles, {totals[1]} actors, {totals[2]} meetings, "
                 f"{totals[3]} troop numbers, {totals[4]} pledges")
    return "\n".join(lines)

"""Plots of pledges, troop numbers and meetings, as matplotlib figures.

Each takes an :class:`~coalition_nlp.records.ArticleExtraction`, a list of them, a
:class:`~coalition_nlp.corpus.Corpus` or the dict its ``to_frames()`` returns. Figures
are built with ``matplotlib.figure.Figure``, not pyplot, so a report can make many
without a GUI backend or global state; notebooks display them as usual.
"""
from __future__ import annotations

from typing import Any

from .summary import _amount

WIDTH = 7.5


def _frames(source: Any) -> dict:
    if isinstance(source, dict):
        return source
    if hasattr(source, "to_frames"):
        return source.to_frames()
    from .sinks.tables import frames

    return frames(source)


def _figure(height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH, height), layout="constrained")


def _empty(fig, message: str):
    ax = fig.subplots()
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", color="#666")
    return fig


def _published(frames: dict):
    """Each article's publication date as a timestamp (NaT where unknown)."""
    import pandas as pd

    articles = frames["articles"]
    return dict(zip(articles["article_id"], pd.to_datetime(articles["published"], errors="coerce", format="mixed")))


def _donor_names(frames: dict) -> dict:
    """A state's donor code -> its name as the actors table gives it."""
    actors = frames["actors"]
    states = actors[actors["type"] == "country"].dropna(subset=["country"])
    return dict(zip(states["country"], states["name"]))


def pledges_by_donor(source: Any, *, include_collective: bool = False):
    """Pledged amounts per donor in euros (``amount_eur``: the ECB rate of the publication date).

    A ministry counts for its state (the donor is the state's code). Pledges by collective
    donors ("internationale Gemeinschaft") and totals that sum other pledges are left out
    unless ``include_collective``, since adding them would count money twice; pledges with
    no euro value (undated article, no ECB rate) cannot be placed. A note under the plot
    says how many were left out and why.
    """
    import pandas as pd

    frames = _frames(source)
    pledges = frames["money_pledges"]
    if pledges.empty:
        return _empty(_figure(1.5), "no money pledges")
    grouped = pledges["collective"].fillna(False) | pledges["total_of_others"].fillna(False)
    kept = pledges if include_collective else pledges[~grouped]
    converted = kept[kept["amount_eur"].notna()]
    notes = []
    if not include_collective and grouped.sum():
        notes.append(f"{int(grouped.sum())} by collective donors or totals of other pledges left out")
    if len(converted) < len(kept):
        notes.append(f"{len(kept) - len(converted)} without a euro value (undated article or no ECB rate) left out")
    names = _donor_names(frames)
    who = pd.Series([names.get(d, d) for d in converted["donor"].fillna("?")], index=converted.index)
    sums = converted["amount_eur"].astype(float).groupby(who).sum().sort_values()
    fig = _figure(1.3 + 0.35 * len(sums) + 0.2 * len(notes))
    if sums.empty:
        _empty(fig, "no pledges with a euro value")
    else:
        ax = fig.subplots()
        bars = ax.barh(list(sums.index), list(sums.to_numpy()), color="#2ca02c")
        ax.bar_label(bars, labels=[_amount(v) for v in sums], padding=3, fontsize=8)
        ax.set_title("Pledges by donor in EUR (ECB rate of the publication date)", loc="left", fontsize=10)
        ax.margins(x=0.2)
        ax.xaxis.set_major_formatter(lambda v, _: _amount(v))
    if notes:
        fig.supxlabel("; ".join(notes) + ".", fontsize=8, color="#666")
    return fig


def troops_over_time(source: Any):
    """Troop numbers (total, else change) by sending state, article by article in order of publication.

    Articles are placed in order, not on a date scale, because many carry no date; the
    axis names each article by its date where known, else by its id.
    """
    frames = _frames(source)
    troops = frames["troop_commitments"].copy()
    if troops.empty:
        return _empty(_figure(1.5), "no troop numbers")
    articles = frames["articles"]
    ordered = sorted(zip(articles["published"].fillna("~"), articles["article_id"]))
    position = {aid: i for i, (_, aid) in enumerate(ordered)}
    first_article = troops["articles"].map(lambda a: a[0]) if "articles" in troops else troops["article_id"]
    troops["x"] = first_article.map(position)
    troops["figure"] = troops["total"].fillna(troops["change"]).astype("Float64")
    fig = _figure(3.8)
    ax = fig.subplots()
    for state, rows in troops.dropna(subset=["figure"]).groupby("country"):
        rows = rows.sort_values("x")
        ax.plot(list(rows["x"]), list(rows["figure"].astype(float)), marker="o", label=state)
    used = sorted(set(troops["x"]))
    ax.set_xticks(used, [ordered[i][0] if ordered[i][0] != "~" else ordered[i][1][:12] for i in used],
                  rotation=30, ha="right", fontsize=8)
    ax.set_ylabel("soldiers (total, else change)")
    ax.legend(fontsize=8, ncols=2, title="state")
    ax.set_title("Troop numbers by state (articles in order of publication)", loc="left", fontsize=10)
    return fig


def meeting_timeline(source: Any):
    """Meetings on a time line: held filled, planned hollow; undated ones in a column of their own."""
    import pandas as pd

    frames = _frames(source)
    meetings = frames["meetings"]
    if meetings.empty:
        return _empty(_figure(1.5), "no meetings")
    first_article = meetings["articles"].map(lambda a: a[0]) if "articles" in meetings else meetings["article_id"]
    published = _published(frames)
    when = pd.to_datetime(meetings["date"], errors="coerce", format="mixed")
    when = when.fillna(first_article.map(published))
    meetings = meetings.assign(when=when).sort_values("when", na_position="last").reset_index(drop=True)
    dated = meetings["when"].dropna()
    lo, hi = (dated.min(), dated.max()) if len(dated) else (pd.Timestamp("2015-01-01"),) * 2
    span = max(hi - lo, pd.Timedelta(days=60))
    undated_x = hi + span * 0.25
    fig = _figure(0.9 + 0.3 * len(meetings))
    ax = fig.subplots()
    for y, row in meetings.iterrows():
        x = row["when"] if pd.notna(row["when"]) else undated_x
        held = row["status"] == "held"
        ax.plot([x], [y], marker="o", color="#1f77b4", markerfacecolor="#1f77b4" if held else "white")
        ax.annotate(f"{row['location'] if pd.notna(row['location']) else '?'} ({row['status']})", (x, y), xytext=(6, -3),
                    textcoords="offset points", fontsize=8)
    ax.axvline(hi + span * 0.125, color="#ccc", linestyle=":")
    ax.text(undated_x, -0.8, "undated", ha="center", fontsize=8, color="#666")
    ax.set_xlim(lo - span * 0.1, undated_x + span * 0.35)
    ax.set_ylim(len(meetings) - 0.4, -1.2)
    ax.set_yticks([])
    ax.set_title("Meetings (date, else publication date of the article)", loc="left", fontsize=10)
    return fig

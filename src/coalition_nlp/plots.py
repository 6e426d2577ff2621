"""Plots of pledges, troop numbers and meetings, as matplotlib figures.

Each takes an :class:`~coalition_nlp.records.ArticleExtraction`, a list of them, a
:class:`~coalition_nlp.corpus.Corpus` or the dict its ``to_frames()`` returns. Figures
are built with ``matplotlib.figure.Figure``, not pyplot, so a report can make many
without a GUI backend or global state; notebooks display them as usual.
"""
from __future__ import annotations

import textwrap
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


def _dates(frames: dict, records) -> "Any":
    """Each record's publication date: the earliest among its articles' (NaT when none is dated)."""
    import pandas as pd

    published = _published(frames)
    ids = records["articles"] if "articles" in records else records["article_id"].map(lambda a: [a])
    return ids.map(lambda aids: min((published[a] for a in aids if pd.notna(published.get(a, pd.NaT))),
                                    default=pd.NaT))


def _date_axis(ax) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def troops_over_time(source: Any):
    """Troop strength per sending state and destination over publication dates.

    One series per (state, destination): totals joined by a line within the series only;
    a number given only as a change has no strength to draw and is a hollow marker. Records
    from undated articles cannot be placed in time: they are left out and counted beneath.
    """
    import pandas as pd

    frames = _frames(source)
    troops = frames["troop_commitments"]
    if troops.empty:
        return _empty(_figure(1.5), "no troop numbers")
    troops = troops.assign(
        when=_dates(frames, troops), state=troops["country"].fillna("?"),
        to=troops["destination"].map(lambda d: "/".join(d) if len(d) else "?"),
        total_=troops["total"].astype("Float64").astype(float), change_=troops["change"].astype("Float64").astype(float))
    dated = troops[troops["when"].notna()]
    fig = _figure(3.8)
    ax = fig.subplots()
    for (state, to), rows in dated.groupby(["state", "to"], sort=True):
        rows = rows.sort_values("when")
        totals = rows[rows["total_"].notna()]
        (line,) = ax.plot(list(totals["when"]), list(totals["total_"]), marker="o",
                          label=f"{state} → {to}" if len(totals) else None)
        changes = rows[rows["total_"].isna() & rows["change_"].notna()]
        if len(changes):
            ax.plot(list(changes["when"]), list(changes["change_"].abs()), marker="o", linestyle="none",
                    markerfacecolor="white", color=line.get_color(),
                    label=f"{state} → {to} (change only)" if totals.empty else None)
    if dated.empty:
        ax.text(0.5, 0.5, "no dated troop numbers", ha="center", va="center", color="#666", transform=ax.transAxes)
        ax.set_xticks([])
    else:
        _date_axis(ax)
        ax.legend(fontsize=8, ncols=2, title="state → destination", title_fontsize=8)
    undated = len(troops) - len(dated)
    ax.set_xlabel(f"publication date · {undated} of {len(troops)} troop numbers are from undated articles "
                  "and not shown", fontsize=8)
    ax.set_ylabel("soldiers (total; hollow: change only)")
    ax.set_title("Troop strength by sending state and destination", loc="left", fontsize=10)
    return fig


def meeting_timeline(source: Any):
    """Meetings on a time axis (held filled, planned hollow); undated ones listed apart beneath."""
    import pandas as pd

    frames = _frames(source)
    meetings = frames["meetings"]
    if meetings.empty:
        return _empty(_figure(1.5), "no meetings")
    when = pd.to_datetime(meetings["date"], errors="coerce", format="mixed")
    when = when.fillna(pd.to_datetime(_dates(frames, meetings)))
    meetings = meetings.assign(when=when).sort_values("when", na_position="last").reset_index(drop=True)
    dated, undated = meetings[meetings["when"].notna()], meetings[meetings["when"].isna()]
    label = lambda row: f"{row['location'] if pd.notna(row['location']) else '?'} ({row['status']})"  # noqa: E731
    names = textwrap.wrap(", ".join(label(row) for _, row in undated.iterrows()), 110) or ["none"]
    heights = [0.9 + 0.3 * max(len(dated), 1), 0.3 + 0.18 * len(names)]
    fig = _figure(sum(heights))
    top, bottom = fig.subplots(2, 1, height_ratios=heights)
    for y, (_, row) in enumerate(dated.iterrows()):
        held = row["status"] == "held"
        top.plot([row["when"]], [y], marker="o", color="#1f77b4", markerfacecolor="#1f77b4" if held else "white")
        top.annotate(label(row), (row["when"], y), xytext=(6, -3), textcoords="offset points", fontsize=8)
    if dated.empty:
        top.text(0.5, 0.5, "no dated meetings", ha="center", va="center", color="#666", transform=top.transAxes)
        top.set_xticks([])
    else:
        _date_axis(top)
        top.margins(x=0.25)
    top.set_ylim(len(dated) - 0.4, -0.8)
    top.set_yticks([])
    top.set_title("Meetings (date, else publication date of the article; planned hollow)", loc="left", fontsize=10)
    bottom.set_axis_off()
    bottom.set_title(f"Undated: {len(undated)} of {len(meetings)} meetings", loc="left", fontsize=9, color="#444")
    bottom.text(0, 1, "\n".join(names), va="top", fontsize=8, color="#444", transform=bottom.transAxes)
    return fig

"""The plots say only what the data says: real dates on the x axis, one series per sending
state and destination, undated records counted or listed apart, never placed among dated ones."""
from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("matplotlib")
import matplotlib.dates as mdates  # noqa: E402

import coalition_nlp  # noqa: E402
from coalition_nlp import plots  # noqa: E402
from coalition_nlp.corpus import Corpus  # noqa: E402
from coalition_nlp.ingest import article_from_text  # noqa: E402

TEXTS = [  # (text, publication date)
    ("Deutschland stockt seine Truppe im Irak um 100 auf 400 Soldaten auf.", "2016-03-01"),
    ("Deutschland stockt seine Truppe im Irak um 200 auf 600 Soldaten auf.", "2016-09-15"),
    ("Die Niederlande schicken 150 Soldaten nach Jordanien.", "2016-05-10"),
    ("Dänemark stockt seine Truppe in Syrien um 50 auf 250 Soldaten auf.", None),
]


def _series(ax) -> dict[str, tuple[list, list]]:
    return {line.get_label(): ([mdates.num2date(x).date() for x in line.get_xdata(orig=False)],
                               list(line.get_ydata()))
            for line in ax.get_lines() if not line.get_label().startswith("_")}


@pytest.fixture(scope="module")
def results():
    return [coalition_nlp.extract(article_from_text(text, id=f"t{i}", published=date))
            for i, (text, date) in enumerate(TEXTS)]


def test_troops_are_series_per_state_and_destination_on_publication_dates(results):
    fig = plots.troops_over_time(Corpus.from_extractions(results).to_frames())
    ax = fig.axes[0]
    series = _series(ax)
    assert series["DEU → IRQ"] == ([dt.date(2016, 3, 1), dt.date(2016, 9, 15)], [400.0, 600.0])
    assert series["NLD → JOR (change only)"] == ([dt.date(2016, 5, 10)], [150.0])  # no strength given
    assert not any(label.startswith("DNK") for label in series)  # undated: not placed in time ...
    assert "1 of 4 troop numbers are from undated articles" in ax.get_xlabel()  # ... but counted
    assert isinstance(ax.xaxis.get_major_locator(), mdates.AutoDateLocator)  # a date scale, not article ids


def test_troops_without_any_date_say_so(results):
    fig = plots.troops_over_time(results[3:])
    ax = fig.axes[0]
    assert _series(ax) == {}
    assert [t.get_text() for t in ax.texts] == ["no dated troop numbers"]
    assert "1 of 1 troop numbers" in ax.get_xlabel()


def test_meetings_on_a_time_axis_and_undated_ones_listed_apart():
    results = [
        coalition_nlp.extract(article_from_text("Die Außenminister trafen sich am 4. Februar 2016 in London.",
                                                id="m1", published="2016-02-05")),
        coalition_nlp.extract(article_from_text("Die Verteidigungsminister trafen sich in Brüssel.", id="m2")),
    ]
    fig = plots.meeting_timeline(results)
    timeline, undated = fig.axes
    assert [mdates.num2date(line.get_xdata(orig=False)[0]).date() for line in timeline.get_lines()] == [
        dt.date(2016, 2, 4)]
    assert [t.get_text() for t in timeline.texts] == ["London (held)"]
    assert undated.get_title(loc="left") == "Undated: 1 of 2 meetings"
    assert [t.get_text() for t in undated.texts] == ["Brüssel (held)"]

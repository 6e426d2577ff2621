"""The pledge plot: donors in EUR, a ministry under its state, collective sums and totals left out with a note."""
from __future__ import annotations

import pytest

pytest.importorskip("matplotlib")

import coalition_nlp  # noqa: E402
from coalition_nlp import plots  # noqa: E402
from coalition_nlp.corpus import Corpus  # noqa: E402
from coalition_nlp.ingest import article_from_text  # noqa: E402

TEXTS = {
    "a": ("2016-04-18", "Das Auswärtige Amt sagte 40 Millionen Euro für Nahrungsmittel zu. "
                        "Deutschland gab außerdem 10 Millionen Euro für Schulen."),
    "b": ("2016-04-18", "Kanada sagte 20 Millionen Dollar für den Irak zu. "
                        "Die internationale Gemeinschaft sagte 2 Milliarden Dollar zu."),
    "c": (None, "Japan sagte 30 Millionen Dollar für Flüchtlinge zu."),
}


@pytest.fixture(scope="module")
def corpus():
    return Corpus.from_extractions(
        coalition_nlp.extract(article_from_text(text, id=aid, published=date)) for aid, (date, text) in TEXTS.items()
    )


def bars(fig) -> dict[str, float]:
    ax = fig.axes[0]
    return {label.get_text(): round(p.get_width()) for label, p in zip(ax.get_yticklabels(), ax.patches)}


def test_pledges_by_donor_in_euros_without_collective_sums(corpus):
    fig = plots.pledges_by_donor(corpus)
    # The Foreign Office's 40 million count for Germany; 20 million dollars at 1.1306 per euro.
    assert bars(fig) == {"Kanada": 17689722, "Deutschland": 50000000}
    note = fig.get_supxlabel()
    assert "1 by collective donors or totals of other pledges left out" in note
    assert "1 without a euro value (undated article or no ECB rate) left out" in note


def test_collective_sums_shown_on_request(corpus):
    fig = plots.pledges_by_donor(corpus, include_collective=True)
    assert bars(fig)["internationale Gemeinschaft"] == 1768972227
    assert "collective" not in fig.get_supxlabel()

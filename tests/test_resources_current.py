"""The committed generated resources are what build.py produces today.

A failure means a curated file (or a library version) changed without rerunning
``python -m coalition_nlp.resources.build``.
"""
from importlib import resources

import pytest

pytest.importorskip("pycountry")
pytest.importorskip("babel")
pytest.importorskip("gender_guesser")

from coalition_nlp.resources import build  # noqa: E402


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    return build.build()


@pytest.mark.parametrize("name", build.GENERATED)
def test_generated_file_is_current(built, name):
    committed = resources.files("coalition_nlp.resources").joinpath(name).read_text(encoding="utf-8")
    assert built[name] == committed


def test_build_is_deterministic(built):
    assert build.build() == built

"""Within-article normalisation: one actor per real entity, with all its mentions."""
import pytest

from coalition_nlp import extensions as ext
from coalition_nlp import extract
from coalition_nlp.names import fold
from coalition_nlp.normalize import _merge_person_variants


class _Fake:
    """Stands in for a mention span: the merge only moves spans between clusters."""


def merged(*names):
    clusters = {(ext.PERSON, n): [_Fake()] for n in names}
    _merge_person_variants(clusters)
    return sorted(k[1] for k in clusters)


@pytest.mark.parametrize(
    "names, expected",
    [
        (("Ashton Carter", "Carter"), ["Ashton Carter"]),
        (("John Kerry", "Kerrys"), ["John Kerry"]),
        (("Jean-Yves Le Drian", "Le Drian"), ["Jean-Yves Le Drian"]),
        (("Anders Fogh Rasmussen", "Fogh Rasmussen"), ["Anders Fogh Rasmussen"]),
        (("Ibrahim Al-Dschafari", "Ibrahim al-Dschafari"), ["Ibrahim Al-Dschafari"]),
        (("Ibrahim al-Dschafari", "Ibrahim al-Dschaafari"), ["Ibrahim al-Dschafari"]),
        (("Sergej Lawrow", "Sergei Lawrow"), ["Sergej Lawrow"]),
        (("François Hollande", "Francois Hollande"), ["François Hollande"]),
        # different people stay apart
        (("Kim Jong Un", "Kim Jong Il"), ["Kim Jong Il", "Kim Jong Un"]),
        (("Mohammed bin Salman", "Mohammed bin Sajed"), ["Mohammed bin Sajed", "Mohammed bin Salman"]),
        (("Michael Fallon", "Michael Müller", "Michael"), ["Michael", "Michael Fallon", "Michael Müller"]),
    ],
)
def test_merge_person_variants(names, expected):
    assert merged(*names) == expected


def test_fold():
    assert fold("Al-Dschafari") == fold("al Dschafari") == "al dschafari"
    assert fold("François") == "francois"


def test_one_actor_per_entity():
    text = (
        "US-Außenminister John Kerry traf in Paris den französischen Präsidenten François Hollande. "
        "«Wir handeln», sagte Kerry. Die USA und Frankreich wollen mehr tun. Kerrys Rede fand Beifall. "
        "Der US-Außenminister reiste dann nach Washington."
    )
    result = extract(text)
    persons = {a.name: a for a in result.actors if a.type == "person"}
    assert set(persons) == {"John Kerry", "François Hollande"}
    kerry = persons["John Kerry"]
    assert (kerry.country, kerry.roles) == ("USA", ["Außenminister"])
    assert [m.text for m in kerry.mentions] == ["John Kerry", "Kerry", "Kerrys", "Der US-Außenminister"]
    countries = {a.country: a for a in result.actors if a.type == "country"}
    assert set(countries) == {"USA", "FRA"}
    assert countries["USA"].name == "USA" and len(countries["USA"].mentions) == 3
    for actor in result.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text

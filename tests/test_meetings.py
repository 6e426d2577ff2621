"""Meetings: sentences and short articles written for these tests, with the answer next to them."""
from __future__ import annotations

import pytest

import coalition_nlp
from coalition_nlp import extensions as ext
from coalition_nlp.components.meeting_people import _unit
from coalition_nlp.components.meeting_places import _nominative


def meetings(text: str, published: str | None = None) -> list:
    return coalition_nlp.extract(text, published=published).meetings


def names(result, meeting) -> set[str]:
    by_id = {a.id: a.name for a in result.actors}
    return {by_id[p] for p in meeting.participants}


def found(text: str) -> list[tuple]:
    """Status, place and participants' names of each meeting in ``text``."""
    result = coalition_nlp.extract(text)
    return [(m.status, m.location, names(result, m)) for m in result.meetings]


# text, status, location, venue, date_text, size
SINGLE = [
    (
        "Die Außenminister der Nato-Staaten sind am Dienstag in Brüssel zusammengekommen, "
        "um über die Lage in Syrien zu beraten.",
        "held", "Brüssel", None, "am Dienstag", None,
    ),
    (
        "Die Geberkonferenz für den Irak soll im April in Genf stattfinden.",
        "planned", "Genf", None, "im April", None,
    ),
    (
        "Der italienische Außenminister Paolo Gentiloni kündigte ein Treffen der Koalition "
        "in zwei Wochen in Rom an.",
        "planned", "Rom", None, "in zwei Wochen", None,
    ),
    (
        "Das Treffen der Anti-IS-Koalition fand im Élysée-Palast in Paris statt.",
        "held", "Paris", "Élysée-Palast", None, None,
    ),
    (
        "Die Minister berieten im Hauptquartier der Nato-Streitkräfte in Europa (Shape) über die Ausbildung.",
        "held", None, "Shape", None, None,
    ),
    (
        "Am Montag sollen am Rande der UN-Vollversammlung in New York etwa 30 Staaten über die Hilfe beraten.",
        "planned", "New York", "UN-Vollversammlung", "Am Montag", {"value": 30, "approx": True, "unit": "Staaten"},
    ),
    (
        "Vertreter von 35 Ländern nahmen an der Konferenz in Madrid teil.",
        "held", "Madrid", None, None, {"value": 35, "approx": False, "unit": "Länder"},
    ),
    (
        "Rund 30 Außen- und Finanzminister kamen in Wien zu einer Tagung zusammen.",
        "held", "Wien", None, None, {"value": 30, "approx": True, "unit": "Minister"},
    ),
    (
        "Nach dem Treffen mit neun Verteidigungsministern in Kopenhagen reiste der Minister weiter.",
        "held", "Kopenhagen", None, None, {"value": 9, "approx": False, "unit": "Verteidigungsminister"},
    ),
    (
        "Die Londoner Konferenz einigte sich auf ein gemeinsames Vorgehen.",
        "held", "London", None, None, None,
    ),
    (
        "Ein Treffen der Geberländer ist für Juni in Kuwait geplant.",
        "planned", "Kuwait", None, "für Juni", None,
    ),
    (
        "Die Minister berieten am Montag über den Einsatz in Syrien.",
        "held", None, None, "am Montag", None,
    ),
]


@pytest.mark.parametrize("text,status,location,venue,date_text,size", SINGLE)
def test_single_meeting(text, status, location, venue, date_text, size):
    (m,) = meetings(text)
    assert (m.status, m.location, m.venue, m.date_text) == (status, location, venue, date_text)
    assert (m.size.model_dump() if m.size else None) == size


# text, participant names that must all be found
PARTICIPANTS = [
    ("Der kanadische Verteidigungsminister Harjit Sajjan und die australische Verteidigungsministerin "
     "Marise Payne trafen sich am Montag in Ottawa.",
     {"Harjit Sajjan", "Marise Payne"}),
    ("Gastgeber der Konferenz waren der britische Außenminister Boris Johnson und sein "
     "US-Kollege Rex Tillerson.", {"Boris Johnson", "Rex Tillerson"}),
    ("Gemeinsam mit Jean-Yves Le Drian hatte US-Verteidigungsminister Ashton Carter zuvor mit Roberta Pinotti (Italien) "
     "über die Strategie beraten.", {"Jean-Yves Le Drian", "Ashton Carter", "Roberta Pinotti", "Italien"}),
    ("Nach Gesprächen mit dem irakischen Ministerpräsidenten Haider al-Abadi in Bagdad sagte "
     "US-Außenminister John Kerry, die Hilfe werde fortgesetzt.", {"John Kerry", "Haider al-Abadi"}),
    ("Carter nannte die Gespräche mit den Amtskollegen aus Australien, Kanada und Dänemark produktiv.",
     {"Australien", "Kanada", "Dänemark"}),
]


@pytest.mark.parametrize("text,expected", PARTICIPANTS)
def test_participants(text, expected):
    result = coalition_nlp.extract(text)
    (m,) = result.meetings
    assert expected <= names(result, m)


def test_repeated_references_make_one_meeting():
    text = (
        "Die Verteidigungsminister der Koalition kamen am Mittwoch in Kopenhagen zusammen. "
        "Das Treffen dauerte drei Stunden. Die Minister diskutierten in Kopenhagen über die Ausbildung. "
        "Nach dem Treffen sagte Bundesverteidigungsministerin Ursula von der Leyen, man sei sich einig."
    )
    (m,) = meetings(text)
    assert (m.status, m.location, m.date_text) == ("held", "Kopenhagen", "am Mittwoch")
    assert len(m.evidence) == 4


def test_planned_meeting_elsewhere_stays_separate():
    text = (
        "Die Außenminister trafen sich am Donnerstag in Rom. "
        "Ein weiteres Treffen ist für Mai in Warschau geplant."
    )
    held, planned = meetings(text)
    assert (held.status, held.location) == ("held", "Rom")
    assert (planned.status, planned.location, planned.date_text) == ("planned", "Warschau", "für Mai")


def test_sidelines_talk_is_a_meeting_of_its_own():
    text = (
        "Rom (dpa) - Die Außenminister der Koalition haben sich am Donnerstag in Rom getroffen. "
        "Für Deutschland nahm Außenminister Heiko Maas teil. "
        "Er traf am Rande des Treffens auch mit seinem türkischen Kollegen Mevlüt Cavusoglu zusammen."
    )
    result = coalition_nlp.extract(text)
    main, side = result.meetings
    assert {"Heiko Maas"} <= names(result, main)
    assert (side.status, side.location) == ("held", "Rom")
    assert {"Heiko Maas", "Mevlüt Cavusoglu"} <= names(result, side)


def test_office_without_name_is_the_person_named_before():
    text = (
        "US-Außenminister John Kerry kam in Wien mit seinen Amtskollegen zusammen. "
        "Am Rande des Treffens kam der US-Außenminister zu einem Gespräch mit dem jordanischen "
        "Außenminister Nasser Judeh zusammen."
    )
    result = coalition_nlp.extract(text)
    side = result.meetings[-1]
    assert {"John Kerry", "Nasser Judeh"} <= names(result, side)


def test_there_is_the_place_of_the_meeting_before():
    text = (
        "Im Juli ist ein Gipfeltreffen der Nato in Warschau geplant. "
        "Dort wollen die Staats- und Regierungschefs über die Ausbildungsmission beraten."
    )
    (m,) = meetings(text)
    assert (m.status, m.location, len(m.evidence)) == ("planned", "Warschau", 2)


def test_first_mention_with_article_takes_the_people_before():
    text = (
        "Der irakische Ministerpräsident Haider al-Abadi hat am Sonntag den französischen Präsidenten "
        "François Hollande empfangen. Bei dem Gespräch ging es um die Rückeroberung Mossuls."
    )
    result = coalition_nlp.extract(text)
    (m,) = result.meetings
    assert {"Haider al-Abadi", "François Hollande"} <= names(result, m)


def test_speaker_after_the_meeting_reports_on_it():
    text = (
        "Das Treffen der Koalition fand in Brüssel statt. "
        "Außenminister Frank-Walter Steinmeier sagte: \"Es ist ein langer Weg.\""
    )
    result = coalition_nlp.extract(text)
    (m,) = result.meetings
    assert "Frank-Walter Steinmeier" in names(result, m)


@pytest.mark.parametrize(
    "text,location",
    [
        ("Riad (dpa) - Die Außenminister der Golfstaaten haben über den Kampf gegen den IS beraten.", "Riad"),
        ("Die Außenminister der Golfstaaten haben über den Kampf gegen den IS beraten.", None),
    ],
)
def test_dateline_is_the_place_of_a_held_meeting(text, location):
    (m,) = meetings(text)
    assert m.location == location


@pytest.mark.parametrize(
    "text,status,date",
    [
        ("Die Minister kamen am Montag in Rom zusammen.", "held", "2016-02-08"),
        ("Die Minister wollen am Montag in Rom zusammenkommen.", "planned", "2016-02-15"),
    ],
)
def test_weekday_resolves_by_tense(text, status, date):
    (m,) = meetings(text, published="2016-02-10")  # a Wednesday
    assert (m.status, m.date) == (status, date)


NOT_MEETINGS = [
    "Der Minister sagte auf einer Pressekonferenz in Berlin, die Lage sei ernst.",
    "In einem Telefongespräch mit Präsident Barack Obama beriet Merkel über die Lage in Syrien.",
    "Die Kanzlerin telefonierte am Abend mit dem französischen Präsidenten über das Treffen.",
    "Das kündigte der Regierungschef am Abend in einer Fernsehsendung an.",
    "Der Präsident sagte im Gespräch mit der Zeitung, die Truppen blieben im Land.",
    "Ein Abzug der Truppen sei nicht im Gespräch, sagte der Minister.",
    "Die Koalition hatte sich im September mit zehn Staaten zusammengefunden.",
    "Der Bundestag stimmte am Freitag in seiner Sitzung für das Mandat.",
    "Der Minister sprach von einer \"hohen Zahl von Gesprächen\" in den kommenden Wochen.",
    "US-Militärs beraten die irakische Armee seit Monaten.",
    "Die Ausbilder sollen zusammen mit britischen Kollegen die malischen Truppen beraten und trainieren.",
    "Konkrete Vereinbarungen wurden nicht getroffen.",
    "Die Teilnehmerländer wollen 500 Millionen Euro bereitstellen.",
    # talks suspended or called off are neither held nor planned
    "Die Friedensgespräche in Genf wurden am Montag bis auf Weiteres ausgesetzt.",
    "Das für Freitag geplante Treffen der Außenminister wurde abgesagt.",
    # further meetings in general, with no place or date
    "Weitere Konferenzen sollen folgen.",
    "Weitere Gespräche seien geplant, hieß es.",
    "Der Zeitplan solle in technischen Gesprächen festgelegt werden.",
    # a meeting noun inside quoted speech is no meeting of its own
    "„Das ist ein wichtiges Treffen“, sagte er.",
    # talks with one's own government or party body are no gathering of two parties
    "Die Präsidentin entschied das nach Gesprächen mit ihrem Kabinett.",
    "Die Ministerin erklärte das nach einer Sitzung mit dem Verteidigungsausschuss des Parlaments.",
    # a session of one state's body
    "In seiner letzten Sitzung vor Weihnachten sagte der Ministerrat am Mittwoch Hilfe zu.",
    "Das sagte der Minister in einer vertraulichen Sitzung im Bundestag.",
    # a meeting noun under "kein" names no meeting
    "Bisher habe sich kein einziger Gipfel in Genf der Vertriebenen angenommen, sagte die Ministerin.",
    # "zusammen mit" is no particle of "zusammenkommen"
    "In Wien kam das Hubschrauberteam zusammen mit der Feuerwehr 120 Mal zum Einsatz.",
]


@pytest.mark.parametrize("text", NOT_MEETINGS)
def test_not_a_meeting(text):
    assert meetings(text) == []


def test_spans_keep_offsets():
    text = "Die Minister kamen am Montag in Rom zusammen. Das Treffen dauerte lange."
    nlp = coalition_nlp.load_pipeline()
    doc = nlp(text)
    (span,) = doc.spans[ext.MEETINGS]
    for s in (span, *span._.event["evidence"]):
        assert text[s.start_char : s.end_char] == s.text


@pytest.mark.parametrize(
    "word,unit",
    [("Ländern", "Länder"), ("Staaten", "Staaten"), ("Verteidigungsministern", "Verteidigungsminister"),
     ("Vertretern", "Vertreter"), ("Soldaten", None)],
)
def test_size_unit_in_nominative(word, unit):
    assert _unit(word) == unit


@pytest.mark.parametrize(
    "word,nominative", [("Sicherheitsrates", "Sicherheitsrat"), ("Hauptquartiers", "Hauptquartier"), ("Rates", "Rat")]
)
def test_venue_in_nominative(word, nominative):
    assert _nominative(word) == nominative


def test_headline_only_names_the_meeting_of_the_body():
    text = (
        "Minister beraten über Syrien\n"
        "Wien (APA) - Österreich gibt weitere 10 Millionen Euro. "
        "Bereits am Donnerstag kamen in Brüssel die Verteidigungsminister von 27 Staaten zusammen."
    )
    found = meetings(text)
    assert [(m.status, m.location) for m in found] == [("held", "Brüssel")]
    assert [e.text for e in found[0].evidence][0] == "Minister beraten über Syrien"  # the headline is evidence


def test_headline_alone_makes_no_meeting():
    text = "Minister beraten über Syrien\nWien (APA) - Österreich gibt weitere 10 Millionen Euro."
    assert meetings(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # "traf" with a person as its object is a meeting of its own, on the sidelines here
        ("Bei einer Konferenz in Genf sagten die Geber Hilfe zu. US-Außenminister Rex Tillerson traf am Rande "
         "der Konferenz den irakischen Regierungschef Haider al-Abadi.",
         [("held", "Genf", set()), ("held", "Genf", {"Rex Tillerson", "Haider al-Abadi"})]),
        ("Die Regierung traf am Montag eine Entscheidung.", []),  # no person met
        ("Luftangriffe trafen Stellungen der Miliz.", []),
    ],
)
def test_meeting_a_person(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a meeting verb whose person object stands before it (verb-final clause)
        ("Von der Leyen wird in der kommenden Woche in Amman den jordanischen König Abdullah II. treffen.",
         [("planned", "Amman", {"Abdullah II."})]),
        ("Aussenminister Ignazio Cassis wird Ende März in Bern seinen irakischen Amtskollegen Ibrahim al-Dschafari empfangen.",
         [("planned", "Bern", {"Ignazio Cassis", "Ibrahim al-Dschafari"})]),
        # talking with a person, at a destination that a "wo" clause makes the place
        ("Putin reiste weiter nach Kairo, wo er mit dem ägyptischen Präsidenten Abdel Fattah al-Sisi über "
         "den Bau eines Atomkraftwerks sprach.", [("held", "Kairo", {"Abdel Fattah al-Sisi"})]),
        ("Der Minister sprach mit Journalisten über die Lage.", []),  # no person to meet
    ],
)
def test_meeting_verbs_with_a_person(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a zu-infinitive after an announcement: planned, and not the talk told of before
        ("Am Rande der Konferenz sprach Merkel mit dem türkischen Ministerpräsidenten Ahmet Davutoglu. "
         "Die Kanzlerin kündigte an, das Thema beim EU-Gipfel Mitte Februar in Brüssel erneut aufzugreifen.",
         "2016-02-04", [("held", None), ("planned", "Brüssel")]),
        # "dort" is the place named just before: a destination in the same sentence ...
        ("Grandi will Ende des Monats nach Damaskus reisen und dort mit Außenminister Walid al-Muallem sprechen.",
         None, [("planned", "Damaskus")]),
        # ... or the place of the sentence before, not the meeting told of last
        ("Putin reiste nach Kairo, wo er mit dem ägyptischen Präsidenten Abdel Fattah al-Sisi sprach. "
         "Am Abend wurde er in Ankara erwartet. Dort will er mit Präsident Recep Tayyip Erdogan beraten.",
         None, [("held", "Kairo"), ("planned", "Ankara")]),
        # a state and its capital named like it are one place
        ("Bei der Konferenz in Kuwait sagten die Geber Milliarden zu. An der Konferenz in Kuwait-Stadt "
         "nahmen Vertreter von 70 Staaten teil.", None, [("held", "Kuwait")]),
    ],
)
def test_places_and_tense_across_sentences(text, published, expected):
    assert [(m.status, m.location) for m in meetings(text, published)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a place led in by an article, a state's adjective and "Hauptstadt"; a partner in apposition
        ("Gabriel war in die jordanische Hauptstadt Amman gereist und hatte dort mit dem Außenminister Jordaniens, "
         "Aiman al-Safadi, über die Stationierung gesprochen.", [("held", "Amman", {"Aiman al-Safadi"})]),
        ("Am Rande des G20-Gipfels im chinesischen Hangzhou hatte Premierministerin Theresa May mit US-Präsident "
         "Barack Obama gesprochen.", [("held", "Hangzhou", {"Theresa May", "Barack Obama"})]),
        # bringing parties together, agreeing with someone
        ("Der Sondergesandte will die Delegationen Mitte Mai erneut in Genf zusammenbringen.", [("planned", "Genf", set())]),
        ("Verteidigungsminister Steven Vandeput hatte den Wechsel in Den Haag mit seiner Amtskollegin "
         "Jeanine Hennis-Plasschaert vereinbart.", [("held", "Den Haag", {"Steven Vandeput", "Jeanine Hennis-Plasschaert"})]),
        # "der beiden": the two persons just named
        ("Präsident Donald Trump hat mit Präsident Recep Tayyip Erdogan telefoniert. Ein persönliches Treffen der "
         "beiden sei für die kommenden Wochen geplant.", [("planned", None, {"Donald Trump", "Recep Tayyip Erdogan"})]),
        ("Das Treffen fand im Mai statt.", [("held", None, set())]),  # a month is no place
        # what came before the announcement is past
        ("Österreich stellt 3 Mio. Euro bereit, kündigte Außenministerin Karin Kneissl in Amman nach einem Gespräch "
         "mit dem jordanischen Ministerpräsidenten Omar al-Razzaz an.", [("held", "Amman", {"Karin Kneissl", "Omar al-Razzaz"})]),
    ],
)
def test_places_partners_and_pairs(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wenn sich die Außenminister der Koalition am 13. Februar in Kuwait treffen, wird es um Beton gehen.",
         [("planned", "Kuwait")]),
        ("Wenn sich die Minister trafen, ging es stets um Geld.", [("held", None)]),  # past: habitual
        ("Das State Department kündigt die nächste Ministerrunde an: Sie soll im September in New York stattfinden.",
         [("planned", "New York")]),
        ("Parallel dazu lädt Kuwait zu einer dreitägigen Wiederaufbaukonferenz ein.", [("planned", None)]),
    ],
)
def test_future_without_future_tense(text, expected):
    assert [(m.status, m.location) for m in meetings(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Vor 30 000 Zuschauern traf Robert Lewandowski zweimal.", []),  # "traf" is scoring, no one met
        # what was announced at a meeting does not make the meeting planned
        ("Die Summe hatte Außenminister Rex Tillerson im Februar bei einem Treffen der Koalition in Kuwait angekündigt.",
         [("held", {"Rex Tillerson", "Anti-IS-Koalition"})]),
        ("Gesundheitsminister Jens Spahn hat ein Treffen mit den Gesundheitsministern der Länder angekündigt.",
         [("planned", {"Jens Spahn"})]),  # an announced meeting, and "der Länder" is nobody
    ],
)
def test_off_topic_look_alikes(text, expected):
    assert [(status, people) for status, _, people in found(text)] == expected


@pytest.mark.parametrize(
    "text,location",
    [
        # only a known place is a place
        ("Die Minister berieten in Brüssel über den Kampf gegen den IS.", "Brüssel"),
        ("Bei dem Treffen im Kampf gegen den IS wurde über Waffen beraten.", None),
        ("Die Minister trafen sich im Konflikt um die Stadt erneut.", None),
        ("Die Außenminister kamen in Dschidda zusammen.", "Dschidda"),
        # a town too small to be a city by its spellings, by its own name
        ("Die Außenminister kamen im schweizerischen Lugano zusammen.", "Lugano"),
        ("Die Regierungschefs trafen sich im französischen Biarritz.", "Biarritz"),
        # a declared place with the Arabic article in its name
        ("Die Minister trafen sich im ägyptischen Badeort Marsa al-Alam.", "Marsa al-Alam"),
        # a region's adjective leads in a known place too
        ("Die Regierungschefs trafen sich im walisischen Cardiff.", "Cardiff"),
        # a lead-in noun declares an unknown name a place
        ("Die Präsidenten trafen sich auf dem Luftwaffenstützpunkt Kalamar.", "Kalamar"),
        ("Die Präsidenten trafen sich in der Hafenstadt Tartus.", "Tartus"),
        # a meeting named for its city
        ("Er warb bei einem Treffen am Rande der Münchner Sicherheitskonferenz um Hilfe.", "München"),
        ("Die Minister trafen sich am Rande der Wiener Syrien-Gespräche.", "Wien"),
    ],
)
def test_known_places_only(text, location):
    (m,) = meetings(text)
    assert m.location == location


@pytest.mark.parametrize(
    "text,location",
    [
        # a dateline of two desks places nothing
        ("Brüssel/Washington (dpa) - Die Außenminister haben über den IS beraten.", None),
        # "dort" points elsewhere: not to the dateline
        ("Moskau (dpa) - Putin flog nach Syrien. Dort traf er mit Präsident Baschar al-Assad zusammen.", None),
    ],
)
def test_dateline_is_no_place_here(text, location):
    (m,) = meetings(text)
    assert m.location == location


@pytest.mark.parametrize(
    "text,status,date",
    [
        # present tense with a day ahead is planned, and resolves forward
        ("Die Minister beraten am Mittwoch in Wien.", "planned", "2016-02-10"),
        ("Die Geber treffen sich am 12. Februar in London.", "planned", "2016-02-12"),
        ("Die Koalition kommt am Donnerstag in Rom zusammen.", "planned", "2016-02-11"),
        # the day of publication itself: under way
        ("Die Minister beraten am Montag in Wien.", "held", "2016-02-08"),
        # past tenses resolve backwards
        ("Die Minister berieten am Mittwoch in Wien.", "held", "2016-02-03"),
        ("Die Minister haben am Mittwoch in Wien beraten.", "held", "2016-02-03"),
        ("Die Koalition ist am Donnerstag in Rom zusammengekommen.", "held", "2016-02-04"),
    ],
)
def test_present_tense_with_a_day_ahead(text, status, date):
    (m,) = meetings(text, published="2016-02-08")  # a Monday
    assert (m.status, m.date) == (status, date)


def test_a_date_of_another_clause_dates_something_else():
    text = ("Die Minister kamen am Donnerstag in Washington zusammen. Nach dem Treffen sagte er, "
            "dass die Lage ernst bleibe, selbst wenn die Armee im März die Stadt befreit habe.")
    result = coalition_nlp.extract(text)
    assert [(m.location, m.date_text) for m in result.meetings] == [("Washington", "am Donnerstag")]


def test_a_clause_that_states_no_status_refers_to_the_meeting_told_of():
    text = ("Die Außenminister wollen am Dienstag in Paris beraten. "
            "Das Treffen findet vor dem Hintergrund der Kämpfe statt.")
    assert [(m.status, m.location) for m in meetings(text)] == [("planned", "Paris")]


@pytest.mark.parametrize("text", [
    "Die Minister beraten am Mittwoch in Wien.",
    "Die Geber treffen sich am 12. Februar in London.",
])
def test_present_tense_in_an_undated_article_looks_ahead(text):
    (m,) = meetings(text)
    assert m.status == "planned"


def test_a_second_meeting_in_another_clause_of_the_sentence():
    text = ("Der Gipfel soll im März in Wien stattfinden, wie die Regierung nach einem Gespräch "
            "des Kanzlers mit dem jordanischen König Abdullah II. in Amman erklärte.")
    assert [(m.status, m.location) for m in meetings(text)] == [("planned", "Wien"), ("held", "Amman")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Beim Staatsbesuch des jordanischen Königs Abdullah II. in Wien lobte Bundeskanzler Werner Faymann die Hilfe.",
         [("held", "Wien", {"Werner Faymann", "Abdullah II."})]),
        # a visit of one person is no meeting
        ("Der Besuch des Ministers in Bagdad dauerte zwei Tage.", []),
    ],
)
def test_a_visit_where_two_persons_meet(text, expected):
    assert found(text) == expected


def test_meeting_someone_new_is_another_meeting():
    text = ("Die Ministerin ist mit dem norwegischen Außenminister Peter Muster in Oslo zusammengetroffen. "
            "Muster, der am Abend mit dem dänischen Außenminister Hans Beispiel zusammentraf, "
            "lobte den Austausch.")
    result = coalition_nlp.extract(text)
    assert [names(result, m) for m in result.meetings] == [
        {"Peter Muster"}, {"Peter Muster", "Hans Beispiel"}]


def test_a_meeting_told_without_persons_takes_them_in():
    text = ("Die Innenminister mehrerer Staaten haben in Lissabon über Rückkehrer beraten. "
            "Die Gefahr bleibe hoch, sagte Ministerin Anna Muster, die zuvor mit Minister Jan Beispiel "
            "zusammengetroffen war.")
    result = coalition_nlp.extract(text)
    assert [(m.location, names(result, m)) for m in result.meetings] == [
        ("Lissabon", {"Anna Muster", "Jan Beispiel"})]


def test_the_same_weekday_told_twice_is_one_meeting():
    text = ("Präsident Jan Beispiel erklärte am Ende des EU-Gipfels am Freitag, bis 2026 stünden weitere "
            "Mittel bereit. Der EU-Gipfel habe einen solchen Antrag der Kommission „wohlwollend zur "
            "Kenntnis genommen“, erklärte Bundeskanzlerin Anna Muster (CDU) in der Nacht zum Freitag.")
    found = meetings(text, "2021-06-25")
    assert [(m.status, m.date) for m in found] == [("held", "2021-06-25")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the alliance or international body whose meeting the noun names takes part
        ("In Oslo begann am Dienstag eine Tagung der Anti-IS-Koalition.", {"Anti-IS-Koalition"}),
        ("Beim Nato-Gipfel in Riga sprach Ministerin Anna Muster.", {"Nato", "Anna Muster"}),
        # ... not a ministry, nor a body only named near the meeting
        ("Beim Treffen in Oslo lobte die Ministerin die Nato.", set()),
    ],
)
def test_bodies_that_meet(text, expected):
    result = coalition_nlp.extract(text, published="2017-07-11")
    assert [names(result, m) for m in result.meetings] == [expected]


def test_a_date_after_seit_dates_that_event():
    text = ("Die Minister trafen sich am Donnerstag in Oslo. Über Rückkehrer wollten die Minister bei ihrem "
            "ersten Treffen seit dem Überfall von Lyon am 3. März beraten.")
    assert [(m.status, m.date_text) for m in meetings(text, "2016-05-12")] == [("held", "am Donnerstag")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a headline that states no time, then the body's planned meeting there: one, planned
        ("Konferenz am Montag in Oslo. Die von der Regierung angeregte Konferenz zur Lage soll am Montag in Oslo "
         "stattfinden.", [("planned", "Oslo", "2014-09-15")]),
        # "the" meeting with a date it lacked: the one convened before, told in the past
        ("Die Agentur hatte in Oslo eine Konferenz mit Fachleuten einberufen. Die Konferenz tagte dann am "
         "Dienstag.", [("held", "Oslo", "2014-09-09")]),
        # an invitation lies ahead, unless told in the pluperfect before a past
        ("Zu dem Treffen der Minister in Oslo haben Norwegen und Jordanien eingeladen.", [("planned", "Oslo", None)]),
        ("Zu der Konferenz in Oslo hatten Norwegen und Jordanien eingeladen, Delegationen aus 40 Ländern nahmen teil.",
         [("held", "Oslo", None)]),
        # talks with officials as a group
        ("Die Gesandte hat das bereits mit Regierungsvertretern in Oslo erörtert.", [("held", "Oslo", None)]),
        # an encounter is a meeting
        ("Bei ihrer Begegnung in Oslo lobten die Minister die Hilfe.", [("held", "Oslo", None)]),
        # a journey to a person: a meeting with them at the destination, ahead in the present
        ("Danach reist die Ministerin nach Amman zum jordanischen König Abdullah II.", [("planned", "Amman", None)]),
        # a journey to a meeting: its destination is the place, and it lies ahead
        ("Die Ministerin reist danach zu einem Treffen der Geber nach Oslo.", [("planned", "Oslo", None)]),
    ],
)
def test_one_meeting_told_in_steps(text, expected):
    assert [(m.status, m.location, m.date) for m in meetings(text, "2014-09-09")] == expected


def test_the_same_partners_again_are_the_same_meeting():
    text = ("Außenminister Peter Muster traf in Oslo mit Außenminister Hans Beispiel zusammen. "
            "Muster sprach dabei mit Beispiel über die Hilfe.")
    assert len(meetings(text)) == 1


@pytest.mark.parametrize(
    "text, status",
    [
        ("Vor einer Konferenz der Geber in Genf mahnte die Ministerin mehr Hilfe an.", "planned"),
        ("Zu der für Freitag in Madrid geplanten Tagung reist auch die Ministerin.", "planned"),
        # an adjective after an article is no verb: "ist ... der deutschen Kanzlerin" stays present
        ("Der Wiederaufbau ist Thema des Gesprächs der deutschen Ministerin mit dem Premier am Dienstagabend in Lyon.", "planned"),
        # a planning participle as an adjective: planned, unless the clause tells it in the past
        ("Die lange geplante Konferenz der Geber hat in Oslo begonnen.", "held"),
        ("Die kurzfristig angesetzte Tagung der Minister fand in Oslo statt.", "held"),
    ],
)
def test_meetings_that_lie_ahead(text, status):
    assert [m.status for m in meetings(text)] == [status]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # "the" meeting in a clause of another tense is the one told of: announced, then told in the past
        ("Das Ministerium hatte angekündigt, bei der Geberkonferenz am Dienstag in Kuwait Hilfe zuzusagen. "
         "Katar sagte auf der Konferenz 100 Millionen Dollar zu.", None, [("held", "Kuwait", "am Dienstag")]),
        # a held meeting, then a modal clause about money collected there: still one held meeting
        ("Die Geberkonferenz in London ging am Montag zu Ende. "
         "Die bei der Konferenz gesammelten Gelder sollen Flüchtlingen zugutekommen.", None,
         [("held", "London", "am Montag")]),
        # an agenda sentence with a verb of meeting and no place or date of its own
        ("Die Außenminister der Koalition sind am Dienstag in Rom zusammengekommen. "
         "Die Minister wollten über die Lage in Libyen beraten.", None, [("held", "Rom", "am Dienstag")]),
        # "vor dem Treffen": the tense dates the saying, the meeting is the one announced
        ("Die Minister wollen am Donnerstag in Paris beraten. "
         "Die Einigung stehe, verlautete vor dem Treffen in Paris.", "2015-06-01", [("planned", "Paris", "am Donnerstag")]),
        # a planned meeting stays planned when "the" meeting lies after the day of writing
        ("Die Geber treffen sich am 20. Juni in Genf. Bei dem Treffen wurde 2014 viel Geld zugesagt.",
         "2016-06-01", [("planned", "Genf", "am 20. Juni")]),
        # "zu Beginn" is a preposition, not a zu-infinitive: the clause is in the past
        ("Hatte die Kommissarin zu Beginn der Tagung am Dienstag noch Zweifel geäußert, "
         "lobte sie am Mittwoch das Ergebnis.", None, [("held", None, "am Dienstag")]),
    ],
)
def test_references_across_tenses(text, published, expected):
    assert [(m.status, m.location, m.date_text) for m in meetings(text, published)] == expected


@pytest.mark.parametrize(
    "text, location",
    [
        # the place of a government is its seat, not the meeting's
        ("Die Konferenz mit Vertretern von 24 Staaten sagte der Regierung in Bagdad Hilfe zu.", None),
        ("Das Treffen der Botschafter fand in Kairo statt.", "Kairo"),
        # a venue's place is the meeting's
        ("Die Minister trafen sich im Nato-Hauptquartier in Brüssel.", "Brüssel"),
    ],
)
def test_seat_of_a_body_is_no_meeting_place(text, location):
    (m,) = meetings(text)
    assert m.location == location


@pytest.mark.parametrize(
    "text, status",
    [
        # today with the present tense lies ahead; with a past tense it was held
        ("Die Koalition trifft sich heute in Paris.", "planned"),
        ("Die Minister treffen heute Abend in Genf zusammen.", "planned"),
        ("Der Minister ist heute in Wien mit seinem Amtskollegen zusammengetroffen.", "held"),
        ("Beim heutigen Treffen in Rom sagte der Minister, die Lage sei ernst.", "held"),
        # "am Morgen" is the morning, not "morgen" (tomorrow); a lone participle closes the clause
        ("In Paris waren am Morgen die Minister Frankreichs und der USA, Le Drian und Carter, zusammengekommen.", "held"),
        ("Morgen treffen sich die Minister in Paris.", "planned"),
    ],
)
def test_today_and_morning(text, status):
    (m,) = meetings(text)
    assert m.status == status


@pytest.mark.parametrize(
    "text, expected",
    [
        # every form of "zusammentreffen"; "dort" is the place of the sentence before
        ("Die Ministerin flog am Freitag in die jordanische Hauptstadt Amman. Dort will sie am Samstag mit "
         "König Abdullah II. zusammentreffen.", [("planned", "Amman", "am Samstag")]),
        ("Die Minister planen, am Montag in Rom zusammenzutreffen.", [("planned", "Rom", "am Montag")]),
        # a conference's quoted title is a name, not speech
        ("Anlass der Absperrungen war die „Konferenz für Stabilität im Sahel“ in Berlin.",
         [("held", "Berlin", None)]),
    ],
)
def test_verb_forms_and_quoted_titles(text, expected):
    assert [(m.status, m.location, m.date_text) for m in meetings(text)] == expected


def test_a_new_partner_elsewhere_is_another_meeting():
    # a meeting without a place, then one in a place with someone it did not have
    text = ("Außenministerin Karin Kneissl wird mit ihrem jordanischen Amtskollegen Aiman al-Safadi zusammentreffen. "
            "Kneissl und Bundeskanzler Christian Kern treffen heute Abend in Genf mit dem libanesischen Präsidenten "
            "Michel Aoun zusammen.")
    found = [(m.status, m.location) for m in meetings(text)]
    assert found == [("planned", None), ("planned", "Genf")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a programme in the present tense lies ahead, in the past it was held
        ("Auf dem Programm des Ministers stehen Treffen mit Präsident Fuad Masum.", ["planned"]),
        ("Auf dem Programm des Ministers standen Treffen mit Präsident Fuad Masum.", ["held"]),
        # a week, then a day in it: one meeting
        ("An dem für diese Woche in Madrid geplanten Treffen nimmt Frank-Walter Steinmeier teil. Er wird das Treffen am "
         "Donnerstag mit seinem spanischen Kollegen eröffnen.", ["planned"]),
        # two different days: two meetings
        ("Die Minister trafen sich am Montag. Das Treffen am Donnerstag fiel kürzer aus.", ["held", "held"]),
    ],
)
def test_programmes_and_days(text, expected):
    assert [m.status for m in meetings(text)] == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a reception of a delegation, a strategic dialogue
        ("Merkel versprach bei einem Empfang für Vertreter der Peschmerga in Berlin weitere Hilfe.", None,
         [("held", "Berlin", None)]),
        ("Beide Seiten einigten sich darauf in einem strategischen Dialog, der am Donnerstag eröffnet worden war.",
         "2020-06-12", [("held", None, "am Donnerstag")]),
        # a summit the speaker speaks on the sidelines of, when no meeting was told of
        ("Kanada schicke 40 weitere Berater, sagte Premier Justin Trudeau am Rande des Nato-Gipfels.",
         None, [("held", None, None)]),
        # an agency's name in the dateline blocks nothing; the meeting's own relative clause dates it
        ("Der Ratsvorsitz hat ein Sondertreffen einberufen.\nLuxemburg (dts Nachrichtenagentur) - Bei dem Treffen, "
         "das am kommenden Montag in Luxemburg stattfindet, soll es um Mali gehen.", "2014-08-13",
         [("planned", "Luxemburg", "am kommenden Montag")]),
        # a conference's first and last day are one meeting
        ("Die Wiederaufbaukonferenz in Oslo wurde am Montag eröffnet. Zu der Konferenz, die am Dienstagabend "
         "schloss, kamen 40 Staaten.", None, [("held", "Oslo", "am Montag")]),
    ],
)
def test_receptions_dialogues_and_days(text, published, expected):
    assert [(m.status, m.location, m.date_text) for m in meetings(text, published)] == expected


@pytest.mark.parametrize("text", [
    "Beide Seiten wollen im Dialog bleiben.",
    "Der Neujahrsempfang fiel aus.",
])
def test_idioms_of_dialogue_and_reception(text):
    assert meetings(text) == []


@pytest.mark.parametrize("text", [
    "Geplanter Truppenabzug - Die Minister kamen am Mittwoch zusammen.",
    "USA - Golfstaaten: Die Minister kamen am Donnerstag zusammen.",  # a state is no dateline
])
def test_a_label_taken_for_a_dateline_is_no_place(text):
    (m,) = meetings(text)
    assert m.location is None


def test_a_host_noun_makes_its_subject_the_place():
    assert [(m.status, m.location) for m in meetings("Wien wird Schauplatz eines Treffens der Außenminister.")] == [
        ("planned", "Wien")
    ]


def test_the_same_noun_later_tells_the_time_of_a_meeting_first_only_named():
    text = ("Rutte, Sánchez und Costa bei der Ankunft zum EU-Gipfel.\n"
            "Auf dem EU-Gipfel in Brüssel wollen die Regierungschefs neue Hilfen beschließen.")
    assert [(m.status, m.location) for m in meetings(text)] == [("planned", "Brüssel")]


def test_a_video_conference_of_ministers_meets():
    text = "Bei einer Videokonferenz der Nato-Verteidigungsminister am Donnerstag ging es um den Einsatz."
    assert [(m.status, m.date_text) for m in meetings(text)] == [("held", "am Donnerstag")]
    assert meetings("Die Kanzlerin sprach in einer Telefonkonferenz mit den Regierungschefs.") == []

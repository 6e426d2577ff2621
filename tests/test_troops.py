"""Troop numbers: the expected record is written next to each sentence; traps must yield nothing."""
from __future__ import annotations

import pytest

import coalition_nlp


def troops(text: str) -> list[tuple]:
    return [
        (t.country, t.personnel, t.change, t.total, t.status)
        for t in coalition_nlp.extract(text).troop_commitments
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # change and total in one clause
        ("Kanada will seine Truppen in Lettland um rund 340 auf dann 1.250 Soldaten aufstocken.",
         [("CAN", "Soldaten", 340, 1250, "announced")]),
        ("Australien stockt seine Truppen im Irak um 300 auf 780 Soldaten auf.",
         [("AUS", "Soldaten", 300, 780, "announced")]),
        # from ... to, multiplied to: the total is stated, a change the text does not state is not computed
        ("Die Zahl der belgischen Soldaten in Mali soll von 4100 auf 2700 verringert werden.",
         [("BEL", "Soldaten", None, 2700, "planned")]),
        ("Der britische Verteidigungsminister kündigte die Verdoppelung der Militärausbilder seines Landes auf 500 an.",
         [("GBR", "Militärausbilder", None, 500, "announced")]),
        ("Die Zahl der kanadischen Ausbilder werde auf 210 verdreifacht, sagte der Premier.",
         [("CAN", "Ausbilder", None, 210, "announced")]),
        ("Die USA verdoppeln ihre Truppen im Irak auf 300 Soldaten.", [("USA", "Soldaten", None, 300, "announced")]),
        # an additional ceiling is a change with no total
        ("Die USA schicken bis zu 200 zusätzliche Soldaten nach Syrien.", [("USA", "Soldaten", 200, None, "planned")]),
        # staying, and what is still there, are strengths
        ("Trotz des Truppenabzugs sollen etwa 300 britische Soldaten in Mali die Stellung halten.",
         [("GBR", "Soldaten", None, 300, "planned")]),
        ("Die Opposition verlangt den Abzug der noch etwa 900 französischen Soldaten aus Mali.",
         [("FRA", "Soldaten", None, 900, "current")]),
        # sending, adding, withdrawing
        ("Portugal will 380 Soldaten zur Sicherung des Hafens nach Mali schicken.",
         [("PRT", "Soldaten", 380, None, "announced")]),
        ("Frankreich will 500 weitere Soldaten nach Mali schicken.", [("FRA", "Soldaten", 500, None, "announced")]),
        ("Spanien entsendet zusätzlich 150 Militärausbilder in den Irak.",
         [("ESP", "Militärausbilder", 150, None, "announced")]),
        ("Großbritannien zieht 300 Soldaten aus dem Irak ab.", [("GBR", "Soldaten", -300, None, "announced")]),
        # the number standing before the verb that moves the troops named earlier
        ("Von den derzeit etwa 2000 Soldaten in Syrien sollen rund 1000 abgezogen werden, teilte Washington mit.",
         [("USA", "Soldaten", -1000, 2000, "planned")]),
        # a ceiling is the strength that may be reached
        ("Damit können nach dem Beschluss des Bundestags bis zu 1200 Bundeswehrsoldaten entsandt werden.",
         [("DEU", "Soldaten", 1200, 1200, "planned")]),
        # current strength
        ("Die USA wollen mehr Soldaten schicken, wo derzeit rund 5000 US-Soldaten im Einsatz sind.",
         [("USA", "Soldaten", None, 5000, "current")]),
        ("Die Bundeswehr ist mit 1200 Soldaten in Afghanistan im Einsatz.", [("DEU", "Soldaten", None, 1200, "current")]),
        ("Die Türkei hat rund 3000 Soldaten in Nordsyrien stationiert.", [("TUR", "Soldaten", None, 3000, "current")]),
        ("Bereits seit Januar bilden etwa 100 deutsche Soldaten im nordirakischen Erbil Kämpfer aus.",
         [("DEU", "Soldaten", None, 100, "current")]),
        ("Insgesamt sollen dann etwa 830 kanadische Soldaten an dem Einsatz beteiligt sein.",
         [("CAN", "Soldaten", None, 830, "planned")]),
        # the sender named in the previous sentence
        ("Auch Neuseeland beteiligt sich an der Mission. Die Regierung will bis zu 106 Soldaten entsenden.",
         [("NZL", "Soldaten", 106, 106, "announced")]),
        # a change and the total it leads to, in two clauses
        ("Großbritannien schickt weitere 440 Soldaten nach Afghanistan, die britische Truppe wächst damit auf rund 1100 Soldaten.",
         [("GBR", "Soldaten", 440, 1100, "announced")]),
        # members of a unit
        ("Australien holt seine Jets zurück, etwa 80 Angehörige der Spezialkräfte bleiben im Land.",
         [("AUS", "Spezialkräfte", None, 80, "current")]),
        # the region of a state is a place, not the sender
        ("Die USA wollen eine kleine Truppe belassen. Rund 200 Soldaten sollen im Nordosten Syriens bleiben.",
         [("USA", "Soldaten", None, 200, "planned")]),
        # no sender in the sentence: the one of the figure just told of, not a state trained
        ("Die Bundeswehr soll bis zu 800 Soldaten stellen. Neu ist die Ausbildung irakischer Streitkräfte. "
         "Dafür sollen zusätzlich bis zu 100 Ausbilder nach Bagdad geschickt werden.",
         [("DEU", "Soldaten", 800, 800, "planned"), ("DEU", "Ausbilder", 100, None, "planned")]),
        # the next sentence completes the change with its total
        ("Die USA schicken weitere 217 Soldaten in den Irak. Die Obergrenze für die amerikanischen Truppen "
         "steigt damit von 3870 auf 4087 Soldaten.", [("USA", "Soldaten", 217, 4087, "announced")]),
        # a cap stands beside the current strength
        ("Insgesamt sind derzeit rund 415 deutsche Soldaten im Einsatz, dessen Obergrenze bei 700 liegt.",
         [("DEU", "Soldaten", None, 415, "current"), ("DEU", "Soldaten", None, 700, "current")]),
        # a unit's strength set "auf N"
        ("Derzeit sind in Incirlik rund 260 deutsche Soldaten stationiert. Danach werde das Kontingent in Jordanien "
         "auf etwa 250 verringert.", [("DEU", "Soldaten", None, 260, "current"), ("DEU", "Soldaten", None, 250, "announced")]),
        ("Zudem würden 25 zusätzliche Sanitäter nach Bagdad geschickt, teilte Den Haag mit.",
         [("NLD", "Sanitäter", 25, None, "announced")]),
        # two kinds of personnel in one sentence
        ("Dänemark schickt 120 Soldaten und 30 Militärberater in den Irak.",
         [("DNK", "Soldaten", 120, None, "announced"), ("DNK", "Militärberater", 30, None, "announced")]),
        ("Frankreich stellt 350 Spezialkräfte für die Mission in Syrien.",
         [("FRA", "Spezialkräfte", None, 350, "current")]),
        ("Rund 200 Soldaten der Bundeswehr bilden in Erbil Peschmerga aus.", [("DEU", "Soldaten", None, 200, "current")]),
        # a force that moves base whole is told by its strength, not withdrawn
        ("Die 150 niederländischen Soldaten ziehen bis Juli von Bagdad nach Erbil um.",
         [("NLD", "Soldaten", None, 150, "current")]),
        ("Die Niederlande ziehen 150 Soldaten aus Bagdad ab.", [("NLD", "Soldaten", -150, None, "announced")]),
        # a count noun names the figure of the personnel the sentence before told of
        ("Norwegen beendet seine Luftangriffe. Zudem sollen mehr norwegische Ausbilder im Nordirak arbeiten. "
         "Ihre Zahl steigt von bisher 60 auf etwa 150.", [("NOR", "Ausbilder", None, 150, "planned")]),
        ("Norwegen schickt Soldaten. Die Zahl der Toten steigt auf 150.", []),
        # a figure in a clause of contrast is no total of the one before, and a unit's strength stays
        ("Außerdem werden 300 spanische Soldaten nach Mali entsendet, während Spaniens 900 Mann starkes "
         "Kontingent im Irak halbiert wird.",
         [("ESP", "Soldaten", 300, None, "announced"), ("ESP", "Soldaten", None, 900, "current")]),
        # ... not even the one named before
        ("Die USA schicken 3000 Soldaten. Die Verbündeten haben weitere 1500 Soldaten zugesagt.",
         [("USA", "Soldaten", 3000, None, "announced")]),
        # members of an army are soldiers; who returns home is withdrawn; a part of a figure is no record
        ("Belgien zieht 150 Armeeangehörige aus dem Irak ab.", [("BEL", "Soldaten", -150, None, "announced")]),
        ("Sieben weitere spanische Soldaten werden nach Spanien zurückkehren.", [("ESP", "Soldaten", -7, None, "announced")]),
        # ... also where a relative clause interrupts the clause of the figure
        ("Sieben weitere spanische Soldaten, deren Einsatz endet, werden nach Spanien zurückkehren.",
         [("ESP", "Soldaten", -7, None, "announced")]),
        ("Norwegen schickt 90 Soldaten, darunter zwölf Ausbilder, nach Jordanien.",
         [("NOR", "Soldaten", 90, None, "announced")]),
        # a list number is no count
        ("4. Streitkräfte: Spanien entsendet 300 Soldaten nach Mali.", [("ESP", "Soldaten", 300, None, "announced")]),
    ],
)
def test_troop_numbers(text, expected):
    assert troops(text) == expected


@pytest.mark.parametrize(
    "text, destination",
    [
        ("Die USA wollen 200 Soldaten in den Irak und nach Syrien schicken.", ["IRQ", "SYR"]),
        ("Belgien schickt 60 Ausbilder in den Nordirak.", ["IRQ"]),
        ("Japan entsendet 40 Soldaten.", []),
        ("Dänemark schickt 100 Ausbilder nach Bagdad.", ["IRQ"]),  # a capital as the place
    ],
)
def test_destination(text, destination):
    assert coalition_nlp.extract(text).troop_commitments[0].destination == destination


def test_approximation_and_evidence():
    text = "Kanada beendet die Luftangriffe. Insgesamt sollen dann etwa 830 kanadische Soldaten beteiligt sein."
    (t,) = coalition_nlp.extract(text).troop_commitments
    assert t.approx is True
    assert [e.text for e in t.evidence] == ["Insgesamt sollen dann etwa 830 kanadische Soldaten beteiligt sein."]
    assert text[t.evidence[0].start : t.evidence[0].end] == t.evidence[0].text


@pytest.mark.parametrize(
    "text",
    [
        "Bei dem Anschlag wurden 12 Soldaten getötet.",  # casualties
        "Mindestens 3000 Zivilisten und 40 Soldaten kamen ums Leben.",
        "Die Miliz verfügt über 20 000 bis 31 500 Kämpfer.",  # fighters of an armed group
        "Rund ein Dutzend Nationen fliegen Luftangriffe.",  # states, not personnel
        "Die Allianz hat rund 14.000 Luftangriffe geflogen.",  # air strikes
        "Die sechs Kampfflugzeuge sollen bis zum 22. Februar zurückkehren.",  # aircraft, a date
        "Deutschland beteiligt sich mit bis zu sechs Tornado-Jets und einer Fregatte.",  # aircraft, ships
        "Im Libanon leben mehr als 1,1 Millionen Flüchtlinge.",  # refugees
        "445 Abgeordnete stimmten für das Mandat, 146 dagegen.",  # votes
        "Der Koalition gehören mehr als 60 Staaten an.",  # member counts
        "Ein 24 Jahre alter Soldat wurde von der Miliz getötet.",  # an age
        "Der Staudamm liegt rund 50 Kilometer nördlich von Mossul.",  # a distance
        "Die Soldaten erhalten monatlich 2000 Euro.",  # a salary
        "Die USA wollen mehrere hundert Soldaten mehr in den Irak schicken.",  # no figure
        "Im Jahr 2014 begann der Einsatz der Soldaten.",  # a year
        "Die Koalition hat seit 2014 mehr als 150.000 irakische Sicherheitskräfte ausgebildet.",  # trained locals
        "An der Mission der Nato sind rund 500 Soldaten aus Bündnisstaaten beteiligt.",  # many senders
        "Bei einem Anschlag waren vier Amerikaner getötet worden, darunter zwei Soldaten.",  # a casualty list
        "Der letzte Tornado kehrte mit zwei Mann Besatzung zurück.",  # an aircraft's crew
        "Die Zahl der verletzten US-Soldaten steigt auf 50.",  # the injured
        "Vier Soldaten waren an Bord, als der Hubschrauber beim Absturz zerschellte.",  # a crash
        "Die Armee Syriens hat seit Jahresbeginn rund 3.400 Mann verloren.",  # losses
        "Kanada stellt Ausbilder. In Ottawa wird damit gerechnet, dass bald 800 Soldaten nach Jordanien verlegt werden.",  # speculation
        # an alliance's figure has no sending state, not even one named before
        "Österreich lobte den Plan. Die Nato kündigte an, ihren Kosovo-Einsatz von 700 auf 2.300 Soldaten aufzustocken.",
        "Die politischen Kräfte des Landes sind zerstritten.",  # forces without a number
    ],
)
def test_not_troop_numbers(text):
    assert troops(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Nato-Mission soll von 500 auf rund 4000 Soldaten wachsen.",
        "Insgesamt sind dort rund 10 000 Soldaten im Einsatz.",
        # a group of allies sends no one state's figure
        "US-Verbündete entsenden etwa 900 Ausbilder nach Jordanien.",
        # places joined by "und" are both places, not senders
        "Die neue Einheit soll die bereits 4.000 Soldaten in Jordanien und Kuwait unterstützen.",
    ],
)
def test_no_sending_state_no_record(text):
    assert coalition_nlp.extract(text).troop_commitments == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Türkei verfügt über rund 350.000 Soldaten.",
        "Die Armee des Landes umfasst etwa 200.000 Soldaten.",
        # what a camp can hold is no deployment
        "Das neue Lager der Bundeswehr in Mali soll bis zu 800 Soldaten beherbergen.",
        "Die neuen Unterkünfte in Erbil sollen für bis zu 600 Soldaten ausgelegt sein.",
    ],
)
def test_a_states_forces_as_a_whole_are_no_deployment(text):
    assert coalition_nlp.extract(text).troop_commitments == []


@pytest.mark.parametrize(
    "text",
    [
        "Bis zum Frühjahr sollen 3000 Peschmerga-Soldaten mit Gewehren ausgerüstet werden.",
        "Die Niederlande haben bisher 2000 irakische Soldaten ausgebildet.",
        "Spanien bildet in Bagdad 900 irakische Soldaten aus.",
    ],
)
def test_soldiers_others_train_or_equip_are_no_deployment(text):
    assert coalition_nlp.extract(text).troop_commitments == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In Erbil bilden 130 norwegische Soldaten kurdische Kämpfer aus.", [("NOR", 130)]),
        ("Zusammen mit 200 spanischen Soldaten bilden sie irakische Rekruten aus.", [("ESP", 200)]),
    ],
)
def test_soldiers_who_train_others_are_a_deployment(text, expected):
    assert [(t.country, t.total or t.change) for t in coalition_nlp.extract(text).troop_commitments] == expected


def test_forces_serving_somewhere_are_a_deployment():
    found = coalition_nlp.extract("Die Bundeswehr verfügt im Irak über rund 150 Soldaten.").troop_commitments
    assert [(t.country, t.total) for t in found] == [("DEU", 150)]


def test_medical_figures_are_no_troops():
    text = "Bei zwölf weiteren Soldaten seien Gehirnerschütterungen diagnostiziert worden, 20 Soldaten würden noch behandelt."
    assert coalition_nlp.extract(text).troop_commitments == []


def test_a_figure_told_again_with_other_words_is_one_record():
    # the same state and figure, places that overlap, told in another tense
    text = ("Zuvor waren bereits 700 zusätzliche US-Soldaten nach Kuwait geschickt worden. "
            "Weitere rund 700 Soldaten der USA sind in dieser Woche in die Region um Kuwait und den Irak verlegt worden.")
    assert [(t.country, t.change) for t in coalition_nlp.extract(text).troop_commitments] == [("USA", 700)]
    # other places: two deployments, each with its own place
    text = "Deutschland schickt 100 Soldaten nach Mali und 100 Soldaten nach Niger."
    assert [(t.country, t.change, t.destination) for t in coalition_nlp.extract(text).troop_commitments] == [
        ("DEU", 100, ["MLI"]), ("DEU", 100, ["NER"])
    ]
    text = "Deutschland schickt 100 Soldaten nach Mali und rund 200 Soldaten nach Niger."
    assert [(t.country, t.change, t.destination) for t in coalition_nlp.extract(text).troop_commitments] == [
        ("DEU", 100, ["MLI"]), ("DEU", 200, ["NER"])
    ]
    # "Soldatinnen und Soldaten" is one noun phrase, not two figures
    text = "Statt bisher 900 Soldatinnen und Soldaten sollen bald nur noch 650 deutsche Soldaten dienen."
    assert [(t.country, t.total) for t in coalition_nlp.extract(text).troop_commitments] == [("DEU", 650)]


def test_counted_forces_with_a_state_prefix():
    assert troops("In Niger sind laut Pentagon derzeit rund 1.100 US-Kräfte im Einsatz.") == [
        ("USA", "Soldaten", None, 1100, "current")
    ]


def test_a_figure_told_again_is_one_record():
    text = ("Spanien hat die Entsendung von 120 Soldaten nach Mali angekündigt. "
            "Spanien werde 120 Soldaten schicken, sagte die Ministerin.")
    assert [(t.country, t.change) for t in coalition_nlp.extract(text).troop_commitments] == [("ESP", 120)]


def test_the_subject_sends_not_the_dateline():
    text = "Ottawa · Zur Unterstützung der Mission will Dänemark 80 zusätzliche Soldaten nach Mali schicken."
    assert [(t.country, t.change) for t in coalition_nlp.extract(text).troop_commitments] == [("DNK", 80)]


def test_those_who_stay_are_a_total():
    text = "Etwa 45 weitere niederländische Soldaten bleiben weiterhin in Litauen stationiert."
    assert troops(text) == [("NLD", "Soldaten", None, 45, "current")]


def test_a_total_and_the_same_ceiling_are_one_record():
    text = ("Nach dem Kabinettsbeschluss stellt Schweden im Herbst 250 Soldaten. "
            "Bis zu 250 schwedische Soldaten sollen nach Mali gehen.")
    assert [(t.country, t.total) for t in coalition_nlp.extract(text).troop_commitments] == [("SWE", 250)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a part and the whole: the part moves, the whole is the strength
        ("Paris prüft den Abzug von 1500 der 5100 französischen Soldaten aus Mali.", [("FRA", -1500, 5100)]),
        # "das Land" refers back to the state that acts, not to a place named in between
        ("Spanien will helfen. Das Land ist derzeit mit knapp 600 Soldaten in Lettland präsent.", [("ESP", None, 600)]),
        ("Norwegen stimmt zu. Die Flugzeuge starten in Jordanien. Laut Beschluss stellt das Land 120 Soldaten.",
         [("NOR", None, 120)]),
        # one figure, told as a change in one sentence and a total in another, is one record with both
        ("Sechshundert britische Soldaten sollen nach Estland. London plant die Verlegung von 600 Soldaten "
         "nach Estland.", [("GBR", 600, 600)]),
    ],
)
def test_parts_epithets_and_one_figure(text, expected):
    assert [(t.country, t.change, t.total) for t in coalition_nlp.extract(text).troop_commitments] == expected


def test_a_state_in_the_object_is_no_sender():
    text = ("Tschechien stellt zwei Einheiten. Die 35 Soldaten der zweiten Einheit sollen die Malische Armee "
            "weiterbilden.")
    assert [(t.country, t.total) for t in coalition_nlp.extract(text).troop_commitments] == [("CZE", 35)]

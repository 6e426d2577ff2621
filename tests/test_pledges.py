"""Money pledges: donor, amount, currency written next to each sentence; traps must yield nothing."""
from __future__ import annotations

import pytest

import coalition_nlp


def pledges(text: str) -> list[tuple]:
    return [(p.donor, p.amount, p.currency, p.approx) for p in coalition_nlp.extract(text).money_pledges]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bereits zugesagt hat das Auswärtige Amt 40 Millionen Euro für weitere Nahrungsmittelhilfe.",
         [("DEU", 40e6, "EUR", False)]),
        ("Bundesaußenminister Frank-Walter Steinmeier kündigte eine deutsche Stabilisierungshilfe in Höhe von 160 Millionen Euro an.",
         [("DEU", 160e6, "EUR", False)]),
        ("Die Teilnehmerländer wollen mit rund 1,8 Milliarden Dollar Zivilisten im Irak unterstützen.",
         [("Teilnehmerländer", 1.8e9, "USD", True)]),
        ("Die internationale Gemeinschaft hat bei einer Geberkonferenz in Kuwait 3,8 Milliarden US-Dollar (rund 3,5 Mrd Euro) zugesagt.",
         [("internationale Gemeinschaft", 3.8e9, "USD", False)]),  # the bracketed conversion is not a pledge
        ("Die USA sagten 507 Millionen Dollar zu, wie die Botschafterin mitteilte.", [("USA", 507e6, "USD", False)]),
        ("Großbritannien will 100 Millionen Pfund beisteuern.", [("GBR", 100e6, "GBP", False)]),
        ("Japan sagte 200 Millionen Dollar für humanitäre Hilfe im Irak zu.", [("JPN", 200e6, "USD", False)]),
        ("Die Bundesregierung stockt ihre humanitäre Hilfe für Syrien um 100 Millionen Euro auf.",
         [("DEU", 100e6, "EUR", False)]),
        ("Zusätzlich stellt die Regierung in Ottawa 1,6 Milliarden kanadische Dollar für Entwicklung bereit.",
         [("CAN", 1.6e9, "CAD", False)]),
        # reported speech (Konjunktiv) in Swiss spelling
        ("Die Schweiz stelle zusätzlich 30 Millionen Franken bereit, sagte Aussenminister Didier Burkhalter.",
         [("CHE", 30e6, "CHF", False)]),
        # the issuing state decides a currency name several states use
        ("Norwegen sagte zehn Milliarden Kronen zu.", [("NOR", 10e9, "NOK", False)]),
        ("Norwegen sagte 100 Millionen dänische Kronen zu.", [("NOR", 100e6, "DKK", False)]),
        # money already given is provided money
        ("Österreich habe seit 2012 bereits mehr als 100 Mio. Euro für die Syrien-Hilfe geleistet.",
         [("AUT", 100e6, "EUR", True)]),
        ("Seit 2011 hat die Schweiz damit rund 330 Millionen Franken für Syrien aufgewendet.", [("CHE", 330e6, "CHF", True)]),
        ("Die Europäische Kommission selbst steuert 560 Mio. Euro bei.", [("Europäische Kommission", 560e6, "EUR", False)]),
        # the passive names the giver after "von"
        ("Von der Weltbank werden weitere 400 Millionen Dollar bereitgestellt.", [("Weltbank", 400e6, "USD", False)]),
        # a state inside a compound naming a thing is no donor; the givers named before are
        ("Die UN lobten die Zusagen der internationalen Geber. Bei der Syrien-Konferenz seien sieben Milliarden "
         "Dollar zugesagt worden.", [("Geber", 7e9, "USD", False)]),
        # the people the money is for are not its donor; the speaker's state is
        ("Aus dem Fonds würden weitere 3 Mio. Euro für die Versorgung syrischer Flüchtlinge bereitgestellt, "
         "kündigte die österreichische Außenministerin Karin Kneissl an.", [("AUT", 3e6, "EUR", False)]),
        # one donor per clause
        ("Die Türkei stellte fünf Milliarden Dollar in Aussicht, Saudi-Arabien sagte 1,5 Milliarden Dollar zu.",
         [("TUR", 5e9, "USD", False), ("SAU", 1.5e9, "USD", False)]),
        # a contribution
        ("Deutschland beteiligt sich mit 350 Millionen Euro, wie der Außenminister sagte.", [("DEU", 350e6, "EUR", False)]),
        # the place in the dateline is neither donor nor recipient
        ("Kuwait-Stadt (Reuters) - Deutschland sagte 350 Millionen Euro zu.", [("DEU", 350e6, "EUR", False)]),
        # the agency in the dateline is not the donor
        ("Berlin (dpa) - Deutschland gibt 100 Millionen Euro für Syrien.", [("DEU", 100e6, "EUR", False)]),
        ("Die Schweiz stellt 20 Millionen Franken zur Verfügung.", [("CHE", 20e6, "CHF", False)]),
        ("Saudi-Arabien stellt der Regierung in Bagdad eine Milliarde Dollar zur Verfügung.",
         [("SAU", 1e9, "USD", False)]),
        ("Die Weltbank gewährt dem Irak einen Kredit über 1,5 Milliarden Dollar.", [("Weltbank", 1.5e9, "USD", False)]),
        ("Die Weltbank sagte dem Libanon 100 Millionen Dollar zu.", [("Weltbank", 100e6, "USD", False)]),
        ("Die Europäische Union stellt nach Angaben der Kommission 1,1 Milliarden Euro bereit.",
         [("EU", 1.1e9, "EUR", False)]),
        # a contribution names a pledge
        ("Der Beitrag Japans beläuft sich auf 300 Millionen Dollar.", [("JPN", 300e6, "USD", False)]),
        ("Zum norwegischen Beitrag von 90 Millionen Euro sagte Ministerpräsidentin Erna Solberg, mehr sei möglich.",
         [("NOR", 90e6, "EUR", False)]),
    ],
)
def test_pledges(text, expected):
    assert pledges(text) == expected


def test_purpose_and_recipient():
    (p,) = coalition_nlp.extract("Japan sagte 200 Millionen Dollar für humanitäre Hilfe im Irak zu.").money_pledges
    assert (p.purpose, p.recipient) == ("humanitäre Hilfe", "IRQ")
    (p,) = coalition_nlp.extract(
        "Die internationale Gemeinschaft hat bei einer Geberkonferenz in Kuwait 3,8 Milliarden Dollar "
        "für die Opfer des Bürgerkriegs in Syrien zugesagt."
    ).money_pledges
    assert p.recipient == "SYR"  # the conference town is not the recipient
    (p,) = coalition_nlp.extract("Saudi-Arabien stellt der Regierung in Bagdad eine Milliarde Dollar zur Verfügung.").money_pledges
    assert p.recipient == "IRQ"


def test_recipient_stays_in_the_clause_of_the_amount():
    result = coalition_nlp.extract(
        "Kuwait-Stadt (Reuters) - Die Türkei stellte fünf Milliarden Dollar in Aussicht, Saudi-Arabien sagte zu."
    )
    assert [(p.donor, p.recipient) for p in result.money_pledges] == [("TUR", None)]


def test_purpose_stops_at_the_verb():
    (p,) = coalition_nlp.extract(
        "Frankreich werde weitere 100 Millionen Euro für den Wiederaufbau von Mossul bereitstellen."
    ).money_pledges
    assert p.purpose == "Wiederaufbau von Mossul"


def test_bare_dollar_keeps_the_currency_named_before():
    text = ("Kanada stellt 1,6 Milliarden kanadische Dollar bereit. "
            "Davon sagte die Regierung 840 Millionen Dollar für humanitäre Hilfe zu.")
    assert [p.currency for p in coalition_nlp.extract(text).money_pledges] == ["CAD", "CAD"]


@pytest.mark.parametrize(
    "text",
    [
        "Syrische IS-Kämpfer erhalten monatlich noch rund 200 US-Dollar (gut 180 Euro).",  # salary + conversion
        "Ein Kämpfer erhält nach Angaben von Überläufern monatlich rund 400 Dollar.",
        "Mit dem Verkauf von Erdöl nahm die Miliz bis zu drei Millionen Dollar am Tag ein.",  # revenue
        "Die Kosten beziffert die Bundesregierung für das erste Jahr auf rund 134 Millionen Euro.",  # own deployment cost
        "Die Vereinten Nationen hatten einen Bedarf von 8,4 Milliarden Dollar errechnet.",  # a need
        "Das Land benötigt nach eigenen Angaben 88 Milliarden Dollar für den Wiederaufbau.",
        "Für die Geisel wurde ein Lösegeld von fünf Millionen Euro gefordert.",  # ransom
        "Der Ölpreis fiel auf 30 Dollar je Barrel.",  # a price
        "Das IKRK hat seinen Spendenaufruf für Syrien auf 185 Millionen Franken erhöht.",  # an appeal is a need
        "Die Wirtschaftsleistung des Irak lag bei 170 Milliarden Dollar.",  # an economic figure
        "Geberkonferenz: 3,8 Milliarden Dollar für syrische Flüchtlinge",  # a headline without a commitment
        "Der Hilfsbedarf von 6,5 Milliarden Dollar wurde deutlich verfehlt, wie die Geber mitteilten.",  # a need (compound)
        "Die Militärausgaben für die Sonderoperationen beliefen sich auf 200 Millionen Dollar.",  # an expense
        "Im ersten Halbjahr erlaubte Berlin Waffenexporte im Wert von 2,7 Milliarden Euro.",  # exports
        "Der niederländische Beitrag zum Einsatz kostet 90 Millionen Euro im Jahr.",  # a contribution's cost
    ],
)
def test_not_pledges(text):
    assert pledges(text) == []


def test_people_counted_beside_money_are_not_money():
    text = "Deutschland hat 40 Millionen Euro für Nahrungsmittelhilfe an rund zwölf Millionen Flüchtlinge zugesagt."
    assert pledges(text) == [("DEU", 40e6, "EUR", False)]


def pledge_roles(text: str) -> list[tuple]:
    return [(p.donor, p.amount, p.recipient) for p in coalition_nlp.extract(text).money_pledges]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the one who receives money is not its donor: the von-phrase of a receiving verb gives
        ("Jordanien bekommt von Japan ein Darlehen über 300 Millionen Dollar.", [("JPN", 300e6, "JOR")]),
        ("Der Irak erhält von der EU weitere 50 Millionen Euro.", [("EU", 50e6, "IRQ")]),
        ("Von der Weltbank werden 400 Millionen Dollar bereitgestellt.", [("Weltbank", 400e6, None)]),
        # banks, funds and agencies are donors, by the head of the subject
        ("Die Islamische Entwicklungsbank sagte 400 Mio. Dollar zu.", [("Islamische Entwicklungsbank", 400e6, None)]),
        ("Das katholische Hilfswerk Caritas sagte 2 Millionen Euro zu.", [("Caritas", 2e6, None)]),
        # a gapped clause has a giver of its own, and givers are no recipients
        ("Dänemark sagte 300 Millionen Kronen zu, Finnland 20 Millionen Euro.",
         [("DNK", 300e6, None), ("FIN", 20e6, None)]),
        ("Die Türkei stellte fünf Milliarden Dollar in Aussicht, Saudi-Arabien sagte 1,5 Milliarden Dollar zu.",
         [("TUR", 5e9, None), ("SAU", 1.5e9, None)]),
        # an amount in a zu-infinitive: the giver is the subject of the clause it depends on
        ("Bei einem Treffen mit dem US-Gesandten versprach Karim Muster, der katarische Minister für Hilfe, "
         "den Wiederaufbau der Stadt mit zwei Milliarden Dollar zu unterstützen.", [("QAT", 2e9, None)]),
        # a Vorfeld opened by a preposition is no subject: the giver stands after the verb
        ("Wegen der Dürre in Somalia und im Jemen gibt der Ministerrat morgen drei Millionen Euro frei.",
         [("AUT", 3e6, "SOM")]),
    ],
)
def test_donor_by_role(text, expected):
    assert pledge_roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # hopes, expectations, appeals and needs are no pledges
        "Das Flüchtlingshilfswerk rechnet mit Zusagen über fünf Milliarden Dollar.",
        "Die Hilfswerke hatten auf Zusagen von zwölf Milliarden Euro gehofft.",
        "Die Hilfsorganisationen fordern von den Gebern zusätzliche 2 Milliarden Euro.",
        "Die UN erhoffen sich Zusagen von sechs Milliarden Dollar.",
        # a state in a relative clause after the amount is helped by the money, not its giver
        "Über drei Jahre sollen 500 Millionen Euro fließen, durch die auch Jordanien geholfen werden soll.",
        "Über drei Jahre sollen 500 Millionen Euro fließen, mit denen auch der Libanon unterstützt werden soll.",
    ],
)
def test_hopes_are_no_pledges(text):
    assert pledges(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # money that comes together at a gathering is the gathering's
        ("Beim Gebertreffen in Oslo kamen rund 900 Millionen Euro zusammen.", [("Gebertreffen", 900e6, None)]),
        # a bracket inside the subject does not cut the clause
        ("Minister Hans Beispielmann (SPD) hat dem libanesischen Premier ein Darlehen von 80 Millionen Euro zugesagt.",
         [("DEU", 80e6, "LBN")]),
    ],
)
def test_gatherings_and_brackets(text, expected):
    assert pledge_roles(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a giving verb in any form makes a commitment
        ("Außerdem wird Schweden 40 Millionen Kronen für die Minenräumung einsetzen.", [("SWE", 40e6, None)]),
        ("Der Einsatz der Bundeswehr kostet in diesem Jahr 30 Millionen Euro.", []),  # a cost
        # aid in kind, by its value
        ("Belgien stellt Zelte und Decken im Wert von 3 Millionen Euro zur Verfügung.", [("BEL", 3e6, None)]),
    ],
)
def test_giving_verbs_and_values(text, expected):
    assert pledge_roles(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pronoun gives: the state the sentence before opened with
        ("Norwegen hat bei dem Treffen 90 Millionen Kronen zugesagt. Zudem will es 20 Millionen Kronen "
         "für Schulen einsetzen.", [("NOR", 90e6, None), ("NOR", 20e6, None)]),
        # a label before a colon is no subject
        ("Nach dem Gipfel: Bundesregierung sagt Jordanien 200 Millionen Euro zu", [("DEU", 200e6, "JOR")]),
        # "Bundes-" in a text an Austrian agency credits is Austrian
        ("Die Bundesregierung hat dem Libanon 3 Millionen Euro zugesagt.\n\nFoto: APA/Archiv", [("AUT", 3e6, "LBN")]),
        # an uncredited text marked Austrian by a minister's party, or a fund only Austria has
        ("Die Bundesregierung hat dem Libanon 3 Millionen Euro zugesagt, sagte Ministerin Eva Muster (ÖVP).",
         [("AUT", 3e6, "LBN")]),
        ("Die Bundesregierung hat Hilfe aus dem Auslandskatastrophenfonds über 3 Millionen Euro für den Libanon beschlossen.",
         [("AUT", 3e6, "LBN")]),
    ],
)
def test_pronouns_labels_and_home_agencies(text, expected):
    assert pledge_roles(text) == expected


def test_shares_of_a_pledge_and_targets():
    text = ("Der Ministerrat hat fünf Millionen Euro für den Irak freigegeben. Zwei Millionen Euro erhält das "
            "Welternährungsprogramm.\n\nFoto: APA")
    assert pledge_roles(text) == [("AUT", 5e6, "IRQ"), ("AUT", 2e6, None)]
    # a target set beforehand is no pledge
    assert pledges("Das Hilfswerk hat sich Spenden von 40 Millionen Euro zum Ziel gesetzt.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a group as the agent of a passive, in the dative
        ("Den Flüchtlingen wurden von der internationalen Gemeinschaft 900 Millionen Euro zugesichert.",
         [("internationale Gemeinschaft", 900e6, None)]),
        # a gathering as the subject
        ("Die Geberkonferenz in Oslo hat Zusagen in Höhe von 1,1 Milliarden Dollar gebracht.",
         [("Geberkonferenz", 1.1e9, None)]),
        # a pronoun: the state that was the subject of the clause before
        ("Die Sprecherin teilte mit, dass sich die Schweiz mit 12 Millionen Franken beteiligt. "
         "Ausserdem will sie 3 Millionen Franken für Minenräumung einsetzen.", [("CHE", 12e6, None), ("CHE", 3e6, None)]),
        # a group named as what a state is, not who gives
        ("Auch Norwegen gehört zu den großen Gebern: Das Land kündigte zehn Milliarden Kronen an.", [("NOR", 10e9, None)]),
    ],
)
def test_groups_gatherings_and_pronouns(text, expected):
    assert pledge_roles(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the headline's amount told again in the body with another name for the givers: the body's
        ("date 2019-03-14 Syrien-Konferenz: Geber sagen sieben Milliarden Dollar zu\nBrüssel (dpa) - Die internationale Gemeinschaft "
         "hat in Brüssel sieben Milliarden Dollar für Syrien zugesagt.",
         [("internationale Gemeinschaft", 7e9, "SYR")]),
        # the same giver in both: one pledge
        ("date 2019-03-14 Geber sagen sieben Milliarden Dollar zu\nBrüssel (dpa) - Die Geber haben in Brüssel "
         "sieben Milliarden Dollar für Syrien zugesagt.", [("Geber", 7e9, "SYR")]),
    ],
)
def test_headline_repeats_are_one_pledge(text, expected):
    assert pledge_roles(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "je": each of the givers named together gives the amount; givers are no recipients
        ("Norwegen und Dänemark sagten je 35 Millionen Dollar zu.", [("NOR", 35e6, None), ("DNK", 35e6, None)]),
        ("Japan will mit 300 Millionen Dollar helfen, Norwegen und Dänemark mit je 35 Millionen.",
         [("JPN", 300e6, None), ("NOR", 35e6, None), ("DNK", 35e6, None)]),
        # without "je" the first named gives
        ("Norwegen und Dänemark sagten Jordanien 35 Millionen Dollar zu.", [("NOR", 35e6, "JOR")]),
        # the value of weapons delivered in kind is no pledge; aid worth an amount is
        ("Die Armee Malis bekam von Frankreich Waffen für rund 45 Millionen Euro geliefert.", []),
        ("Österreich stellt Hilfe im Wert von 15 Millionen Euro zur Verfügung.", [("AUT", 15e6, None)]),
    ],
)
def test_each_giver_and_values(text, expected):
    assert pledge_roles(text) == expected


def test_a_period_is_no_purpose():
    (p,) = coalition_nlp.extract("Die EU sagte für die Jahre 2018 bis 2020 humanitäre Hilfe von 1,2 Milliarden Euro zu.").money_pledges
    assert p.purpose == "humanitäre Hilfe"


@pytest.mark.parametrize(
    "text, expected",
    [
        # an epithet as the giver: the nearest state named before that it can stand for
        ("Viel Lob erhielt Katar. Das Emirat will die Vertriebenen mit 150 Millionen Dollar unterstützen.",
         [("QAT", 150e6, None)]),
        ("Jemen und Oman unterzeichneten einen Vertrag, nach dem der Golfstaat 80 Millionen Dollar für Schulen "
         "zahlt.", [("OMN", 80e6, None)]),
        ("Die Runde dankte Norwegen für die Einladung. 90 Millionen Dollar gibt das Land selbst.",
         [("NOR", 90e6, None)]),
        # "sein Land": the state of the person named before
        ("Der katarische Emir Tamim bin Hamad Al Thani sprach über die Not im Jemen. Er sagte, sein Land werde 70 Millionen "
         "Dollar bereitstellen.", [("QAT", 70e6, None)]),
    ],
)
def test_state_epithets_as_givers(text, expected):
    assert pledge_roles(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # money directed somewhere right after a commitment continues it, from the same giver
        ("Die EU sagte der Türkei vier Milliarden Euro zu. Weitere 1,5 Milliarden Euro sollen an Jordanien gehen.",
         [("EU", 4e9, "TUR", None), ("EU", 1.5e9, "JOR", None)]),
        ("Kanadas Premier kündigte in Amman neue Hilfe für die Flüchtlinge an. "
         "Der Betrag von 40 Millionen Dollar ist für Flüchtlinge in Jordanien bestimmt.",
         [("CAN", 40e6, "JOR", "Flüchtlinge")]),
        # ... but not without a commitment just before
        ("Der Bürgerkrieg dauert an. Weitere 1,5 Milliarden Euro sollen an Jordanien gehen.", []),
    ],
)
def test_money_directed_after_a_commitment(text, expected):
    found = coalition_nlp.extract(text).money_pledges
    assert [(p.donor, p.amount, p.recipient, p.purpose) for p in found] == expected


def test_shares_told_later_are_the_first_givers():
    # a share sent on by a verb of directing, paragraphs after the pledge; an earmark whose only
    # bodies before are those who receive
    text = ("Die Regierung in Wien hat am Mittwoch Hilfe über 3,2 Millionen Euro beschlossen. Die Ministerin "
            "lobte die Helfer. Sie sprach von einer Pflicht. Eine Million Euro gehen an das Internationale "
            "Komitee vom Roten Kreuz (IKRK) im Jemen. Weiters sind 200.000 Euro für das Kinderhilfswerk "
            "der Vereinten Nationen (UNICEF) vorgesehen.")
    found = coalition_nlp.extract(text).money_pledges
    assert [(p.donor, p.amount) for p in found] == [("AUT", 3.2e6), ("AUT", 1e6), ("AUT", 2e5)]


def test_money_that_stands_ready_is_the_reporters():
    text = "Für die Jahre 2020 bis 2022 stünden weitere 40 Millionen Euro bereit, teilte die Regierung in Oslo mit."
    assert pledges(text) == [("NOR", 40e6, "EUR", False)]


def test_shares_for_bodies_of_the_un_are_the_givers():
    # a body in a für-phrase before the amount is helped by it, not its giver
    text = ("Vorgesehen sind 800.000 Euro für das Kinderhilfswerk der Vereinten Nationen (UNICEF) in Jordanien "
            "und zudem 1,5 Millionen Euro für das Palästinenserhilfswerk (UNRWA) der Vereinten Nationen im Libanon, "
            "teilte die Regierung in Wien mit.")
    assert [(p.donor, p.amount) for p in coalition_nlp.extract(text).money_pledges] == [("AUT", 8e5), ("AUT", 1.5e6)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plural "sie" refers back to the group of states, not to one state among them
        ("Mehrere Staaten, darunter Norwegen, haben am Montag Hilfe versprochen. Sie sagten in Oslo umgerechnet "
         "2,1 Milliarden Franken zu.", [("Mehrere Staaten", 2.1e9)]),
        # a singular "sie" is the state named before
        ("Norwegen hat am Montag Hilfe versprochen. Sie sagte 20 Millionen Kronen zu.", [("NOR", 2e7)]),
    ],
)
def test_pronouns_that_refer_to_givers(text, expected):
    assert [(p.donor, p.amount) for p in coalition_nlp.extract(text).money_pledges] == expected


def test_a_fronted_plan_after_an_announcement():
    text = "Dabei kündigte Norwegen mehr Hilfe an. Geplant sind mindestens 200 Millionen Kronen für die Jahre 2016 bis 2018."
    assert pledges(text) == [("NOR", 200e6, "NOK", True)]


def test_equal_shares_of_a_pledge_in_one_sentence_are_two_pledges():
    text = ("Die Regierung in Wien gab am Dienstag zwei Millionen Euro frei. Eine Million Euro erhält das "
            "Kinderhilfswerk UNICEF, eine Million Euro fließt an das Entwicklungsprogramm UNDP der UNO.")
    found = coalition_nlp.extract(text).money_pledges
    assert [(p.donor, p.amount) for p in found] == [("AUT", 2e6), ("AUT", 1e6), ("AUT", 1e6)]


def test_equal_shares_to_different_recipients_are_two_pledges():
    text = "Deutschland gibt Jordanien 10 Millionen Euro und dem Libanon 10 Millionen Euro."
    found = coalition_nlp.extract(text).money_pledges
    assert [(p.donor, p.amount) for p in found] == [("DEU", 10e6), ("DEU", 10e6)]
    assert {p.recipient for p in found} == {"JOR", "LBN"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # groups of givers by name
        ("Die internationalen Geldgeber haben sieben Milliarden Dollar zugesagt.", [("Geldgeber", 7e9, None)]),
        ("Internationale Hilfsorganisationen sagten zu, 400 Millionen Dollar beizutragen.",
         [("Hilfsorganisationen", 400e6, None)]),
        # strengthening aid by an amount commits it
        ("Die Schweiz will ihre Unterstützung für Jordanien um 12 Millionen Franken verstärken.",
         [("CHE", 12e6, "JOR")]),
    ],
)
def test_groups_by_name_and_strengthening(text, expected):
    assert pledge_roles(text) == expected


def test_the_body_reporting_a_passive_pledge_gave_it():
    text = ("Die Mittel für die Hilfswerke (Caritas und Ärzte ohne Grenzen) seien um 2,5 Millionen Franken "
            "erhöht worden, meldete das Eidgenössische Departement für auswärtige Angelegenheiten.")
    assert pledge_roles(text) == [("CHE", 2.5e6, None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # money that flows, is earmarked or is made known is committed
        ("Schweden leistet seit Jahren Hilfe. 2019 seien 95 Millionen Euro an schwedischen Geldern nach "
         "Jemen geflossen.", [("SWE", 95e6, "YEM")]),
        ("Österreich hat 2017 bereits vier Millionen Euro bereitgestellt. Zwei Millionen Euro sind für 2018 vorgesehen.",
         [("AUT", 4e6, None), ("AUT", 2e6, None)]),
        ("Premierministerin Theresa May hat Hilfen über zwölf Millionen Pfund bekanntgegeben.",
         [("GBR", 12e6, None)]),
        # a lone converted amount is the pledge; one after the amount it converts is not
        ("Australien will in fünf Jahren umgerechnet rund 400 Millionen Euro bereitstellen.", [("AUS", 400e6, None)]),
        ("Kanada will 1,6 Milliarden kanadische Dollar bereitstellen, umgerechnet 1,1 Milliarden Euro.",
         [("CAN", 1.6e9, None)]),
        # governments as a group of givers
        ("Bei der Konferenz haben Regierungen Hilfsgelder von 1,7 Milliarden Euro zugesagt.", [("Regierungen", 1.7e9, None)]),
    ],
)
def test_flowing_earmarked_and_converted(text, expected):
    assert pledge_roles(text) == expected


def test_a_plainly_named_gathering_is_the_donors_conference():
    text = ("Die Geberkonferenz für Jemen in Genf blieb hinter den Zielen zurück. Zum Schluss des Treffens "
            "sagte die Koordinatorin, 1,2 Milliarden Dollar seien zusammengekommen.")
    assert pledge_roles(text) == [("Geberkonferenz", 1.2e9, None)]


def test_the_eu_states_as_a_group_of_givers():
    text = "Die EU-Staaten wollen dem Welternährungsprogramm weitere 300 Millionen Euro überweisen."
    assert pledge_roles(text) == [("EU-Staaten", 300e6, None)]


def test_an_amount_nobody_is_named_to_give_is_no_pledge():
    assert pledges("Für den Wiederaufbau wurden 50 Millionen Euro bereitgestellt.") == []
    # a gathering gives its sum
    assert pledge_roles("Bei der Geberkonferenz wurden insgesamt 3 Milliarden Dollar zugesagt.") == [
        ("Geberkonferenz", 3e9, None)
    ]

"""Persons: names after titles, given names, brackets, reporting verbs, credits; their state."""
import pytest
import spacy

import coalition_nlp

from coalition_nlp import extensions as ext
from coalition_nlp.components import register_all


def run(nlp, text, place=None, agency="dpa"):
    doc = nlp.make_doc(text)
    doc._.place, doc._.agency = place, agency
    return nlp(doc)


def persons(nlp, text, **kw):
    """(canonical, state, role) of the first mention of each person, in text order."""
    seen = {}
    doc = run(nlp, text, **kw)
    for span in sorted(doc.spans[ext.ACTORS], key=lambda s: s.start):
        if span.label_ == ext.PERSON:
            entry = seen.setdefault(span._.canonical, [span._.canonical, span._.iso, span._.role])
            entry[2] = entry[2] or span._.role
    return [tuple(v) for v in seen.values()]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Der britische Außenminister Philip Hammond reiste ab.", [("Philip Hammond", "GBR", "Außenminister")]),
        ("US-Verteidigungsminister Ashton Carter kam nach Paris.", [("Ashton Carter", "USA", "Verteidigungsminister")]),
        ("Frankreichs Präsident François Hollande warnte.", [("François Hollande", "FRA", "Präsident")]),
        ("Dann sprach Polens Regierungschefin Beata Szydlo.", [("Beata Szydlo", "POL", "Regierungschefin")]),
        ("Der kanadische Premier Justin Trudeau kündigte das an.", [("Justin Trudeau", "CAN", "Premier")]),
        # a surname that is also a common word ("kurz") after a given name
        ("Das sagte der österreichische Außenminister Sebastian Kurz.", [("Sebastian Kurz", "AUT", "Außenminister")]),
        ("Bundesaußenminister Frank-Walter Steinmeier (SPD) reiste an.", [("Frank-Walter Steinmeier", "DEU", "Außenminister")]),
        ("Der scheidende Nato-Generalsekretär Anders Fogh Rasmussen sprach.", [("Anders Fogh Rasmussen", None, "Generalsekretär")]),
        ("Das sagte UN-Generalsekretär Ban Ki Moon in Genf.", [("Ban Ki Moon", None, "Generalsekretär")]),
        ("Er traf seinen spanischen Kollegen Pedro Morenés.", [("Pedro Morenés", "ESP", None)]),
        ("Das teilte die Sprecherin im US-Außenamt, Marie Harf, mit.", [("Marie Harf", "USA", "Sprecherin")]),
        ("Er sprach mit Ursula von der Leyen (Deutschland) und Marise Payne (Australien).",
         [("Ursula von der Leyen", "DEU", None), ("Marise Payne", "AUS", None)]),
        ("Der jordanische König Abdullah II. empfing ihn.", [("Abdullah II.", "JOR", "König")]),
        ("Auch Sabah al-Ahmad al-Jaber al-Sabah war dabei.", [("Sabah al-Ahmad al-Jaber al-Sabah", "KWT", None)]),  # office-holder table
        ("Die Niederländerin Jeanine Hennis-Plasschaert sagte das.", [("Jeanine Hennis-Plasschaert", "NLD", None)]),
        ("«Wir bleiben», sagte Gabriel. Gabriel lächelte.", [("Gabriel", "DEU", None)]),  # the one Gabriel of the table
        ("Foto: Michael Kappeler/dpa", [("Michael Kappeler", None, None)]),
    ],
)
def test_names(nlp, text, expected):
    assert persons(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Frankreich verlegt den Flugzeugträger «Charles de Gaulle» ins Mittelmeer.",
        "Russland hat seinen Flugzeugträger «Admiral Kusnezow» vor die Küste geschickt.",  # a title in a ship's name
        "Die Tornado-Jets und die «Tornado» starten.",
        "Das berichtete die «New York Times» am Montag.",
        "Dem Magazin Paris-Match sagte er das.",
        "Die Syrische Beobachtungsstelle für Menschenrechte meldete Tote.",
        "Am Montag kamen die Minister in Brüssel zusammen.",
        "Im August Soldaten zu schicken, sagte der Minister.",
        "Erste deutliche Erfolge sieht die Koalition jedoch bereits.",
        "Foto: dpa",
        # a name that is a town's, or opens like an Arabic place name
        "Der Außenminister reiste am Montag weiter nach Abu Dhabi.",
        "Die Soldaten sind in Ain al-Harir im Norden stationiert.",
        # a plural reporting verb has no one speaker
        "Die Truppe werde verstärkt, sagten Diplomaten in Brüssel.",
    ],
)
def test_no_person(nlp, text):
    assert persons(nlp, text) == []


@pytest.mark.parametrize(
    "text, place, expected",
    [
        # (1) the state that speaks in the same sentence
        ("Die USA sagten 507 Millionen Dollar zu, wie Botschafterin Samantha Power mitteilte.", None, "USA"),
        ("Deutschland gibt 255 Millionen Euro, sagte Entwicklungsminister Gerd Müller.", None, "DEU"),
        # (2) the state named in the sentence before
        ("Auch Neuseeland beteiligt sich. Premierminister John Key hatte das angekündigt.", None, "NZL"),
        ("Italien will Soldaten in den Irak schicken. Das kündigte Ministerpräsident Matteo Renzi an.", None, "ITA"),
        # a quotation is not the speaker's subject
        ("«Die US-Koalition ist nutzlos», sagte Präsident Hassan Ruhani.", "Teheran", "IRN"),
        # (3) the dateline
        ("Die Opposition kritisierte das. Premierminister Stephen Harper schwieg.", "Ottawa", "CAN"),
        # the person met is not of the subject's state: the dateline decides
        ("Deutschland hilft weiter, hieß es nach einem Treffen mit Ministerpräsident Haider al-Abadi.", "Bagdad", "IRQ"),
        # the state heading the clause the title closes
        ("Großbritannien sagte 400 Millionen Pfund zu, Katar 100 Millionen Dollar, wie Außenminister "
         "Mohammed bin Abdulrahman Al Thani mitteilte.", None, "QAT"),
        # the person met lives where the visitor goes
        ("Grandi will nach Damaskus reisen und dort mit Außenminister Walid al-Muallem sprechen.", "Genf", "SYR"),
        ("Am Abend wurde er in Ankara erwartet. Dort will er mit Präsident Recep Tayyip Erdogan beraten.", "Moskau", "TUR"),
        # a spokesperson speaks for the state body named in the clause
        ("Rund 200 Soldaten bleiben, wie Sprecherin Sarah Sanders am Donnerstag im Weißen Haus mitteilte.", None, "USA"),
        # a German party's politician acts for Germany, whatever the sentence names
        ("Die türkische Regierung lehnte ab. «Wir haben lange genug verhandelt», sagte Außenminister Sigmar Gabriel (SPD).", None, "DEU"),
        # an adjective of something else is not the speaker's state; the sentence before is
        ("Österreich stockt auf. Weitere 3 Mio. Euro würden für die Versorgung syrischer Flüchtlinge bereitgestellt, "
         "kündigte Außenministerin Karin Kneissl an.", None, "AUT"),
        # the state the paragraph is about
        ("Dänemark geht noch weiter. «Wir übernehmen Verantwortung», sagt ein Sprecher. Außenminister Kristian Jensen sagte Hilfe zu.", None, "DNK"),
        # (4) dpa: an unmarked office is German
        ("Verteidigungsministerin Ursula von der Leyen (CDU) verteidigte den Einsatz.", None, "DEU"),
    ],
)
def test_state_from_context(nlp, text, place, expected):
    [(_, iso, _)] = persons(nlp, text, place=place)
    assert iso == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das teilte Brett McGurk, dem US-Sondergesandten für die Koalition, mit.", [("Brett McGurk", "USA", "Sondergesandter")]),
        ("Jens Stoltenberg, der Nato-Generalsekretär, warnte.", [("Jens Stoltenberg", None, "Generalsekretär")]),
        # a foreign office is not German by default
        ("Präsident Hans Beispielmann verlangt mehr Geld.", [("Hans Beispielmann", None, "Präsident")]),
        # unless the office-holder table knows the person
        ("Präsident Donald Trump verlangt mehr Geld.", [("Donald Trump", "USA", "Präsident")]),
    ],
)
def test_title_after_the_name_and_foreign_offices(nlp, text, expected):
    assert persons(nlp, text) == expected


def test_office_named_after_an_untitled_person(nlp):
    text = "Gastgeber Mike Pompeo begrüßt Vertreter von 79 Staaten. Der US-Außenminister spricht von einem Moment der Entscheidung."
    assert persons(nlp, text) == [("Mike Pompeo", "USA", "Außenminister")]
    # two untitled persons: the office fits neither for sure
    assert [p[1] for p in persons(nlp, "Hans Beispielmann und Karl Mustermann kamen an. Der US-Außenminister sprach zuerst.")] == [None, None]
    # the office-holder table tells them apart: only one was a US minister
    assert persons(nlp, "Mike Pompeo und Heiko Maas kamen an. Der US-Außenminister sprach zuerst.") == [
        ("Mike Pompeo", "USA", "Außenminister"), ("Heiko Maas", "DEU", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Zuvor wollen die Außenminister Frankreichs und Großbritanniens, Jean-Marc Ayrault und Boris Johnson, beraten.",
         [("Jean-Marc Ayrault", "FRA", "Außenminister"), ("Boris Johnson", "GBR", "Außenminister")]),
        ("Am Freitag treffen sich die Außenminister der USA und Russlands, John Kerry und Sergej Lawrow.",
         [("John Kerry", "USA", "Außenminister"), ("Sergej Lawrow", "RUS", "Außenminister")]),
    ],
)
def test_office_holders_listed_with_their_states(nlp, text, expected):
    assert persons(nlp, text) == expected


def test_unnamed_office_holder_announces_the_name(nlp):
    text = "Irans oberster Führer sieht keinen Sinn darin. «Das ist nutzlos», sagte Ajatollah Ali Chamenei."
    assert persons(nlp, text) == [("Ali Chamenei", "IRN", "Ajatollah")]


def test_organisation_title_blocks_context(nlp):
    text = "Deutschland hilft, sagte Nato-Sprecherin Oana Lungescu."
    assert persons(nlp, text) == [("Oana Lungescu", None, "Sprecherin")]


def test_aid_worker_has_no_state(nlp):
    assert persons(nlp, "Das Video zeigt den britischen Entwicklungshelfer David Haines.") == [
        ("David Haines", None, "Entwicklungshelfer")
    ]


def test_party_and_country_in_brackets(nlp):
    doc = run(nlp, "Verteidigungsministerin Ursula von der Leyen (CDU) sprach mit Marise Payne (Australien).")
    found = {s._.canonical: (s._.party, s._.iso) for s in doc.spans[ext.ACTORS] if s.label_ == ext.PERSON}
    assert found == {"Ursula von der Leyen": ("CDU", "DEU"), "Marise Payne": (None, "AUS")}


def test_later_mentions_join_the_full_name(nlp):
    text = (
        "US-Außenminister John Kerry und Jean-Yves Le Drian berieten. «Nein», sagte Kerry. "
        "Le Drian widersprach. Kerrys Plan. Am Rande sprach der US-Außenminister mit Irakern."
    )
    doc = run(nlp, text)
    mentions = [(s.text, s._.canonical) for s in doc.spans[ext.ACTORS] if s.label_ == ext.PERSON]
    assert mentions == [
        ("John Kerry", "John Kerry"),
        ("Jean-Yves Le Drian", "Jean-Yves Le Drian"),
        ("Kerry", "John Kerry"),
        ("Le Drian", "Jean-Yves Le Drian"),
        ("Kerrys", "John Kerry"),
        ("der US-Außenminister", "John Kerry"),
    ]


def test_offsets_point_into_the_text(nlp):
    text = "Bundesaußenminister Frank-Walter Steinmeier (SPD) sagte, so Steinmeier, es eile."
    doc = run(nlp, text)
    for span in doc.spans[ext.ACTORS]:
        assert text[span.start_char : span.end_char] == span.text


def test_statistical_persons_are_merged():
    """With a model's entities (here an entity ruler), its persons join the rule results."""
    register_all()
    nlp = spacy.blank("de")
    nlp.add_pipe("coalition_sentences")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PER", "pattern": "Max Mustermann"},
        {"label": "PER", "pattern": "Außenminister Zbigniew Nowakowski"},
        {"label": "ORG", "pattern": "Amnesty International"},
        {"label": "ORG", "pattern": "Frankreich"},
    ])
    nlp.add_pipe("coalition_actors")
    doc = nlp("Max Mustermann und Außenminister Zbigniew Nowakowski trafen Amnesty International in Frankreich. Mustermann ging.")
    found = sorted((s.label_, s.text, s._.canonical, s._.iso) for s in doc.spans[ext.ACTORS])
    assert found == [
        ("COUNTRY", "Frankreich", None, "FRA"),
        ("ORG", "Amnesty International", "Amnesty International", None),
        ("PERSON", "Max Mustermann", "Max Mustermann", None),
        ("PERSON", "Mustermann", "Max Mustermann", None),
        ("PERSON", "Zbigniew Nowakowski", "Zbigniew Nowakowski", "DEU"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an organisation after a title, the name after the comma
        ("Die Not bleibe groß, sagte der Leiter von Caritas international, Oliver Müller.",
         [("Oliver Müller", None, "Leiter")]),
        # the object of a separable verb is not a speaker
        ("Auch der Vatikan kündigte Hilfe an: Papst Franziskus stelle eine Million Euro bereit.",
         [("Franziskus", "VAT", "Papst")]),
        # a name before a comma and an article that open its title
        ("Zugesagt hat das Karim Muster, der katarische Minister für Hilfe.", [("Karim Muster", "QAT", "Minister")]),
        ("Es kamen Gäste aus Doha, Kairo, Amman und Riad, die katarische Ministerin reiste ab.", []),
        # a name in the genitive ends before the noun it qualifies, and loses its "s"
        ("Seit Boris Johnsons Wahl ist London vorsichtiger.", [("Boris Johnson", "GBR", None)]),
        ("Premierminister Boris Johnson sagte das. Boris Johnsons Sprecher schwieg.",
         [("Boris Johnson", "GBR", "Premierminister")]),
        # ... but a given name ending in "s" is no genitive, nor a surname written plain elsewhere
        ("Nato-Chef Jens Stoltenberg reiste ab.", [("Jens Stoltenberg", None, "Chef")]),
        ("Ministerpräsident Kyriakos Mitsotakis sagte das. Kyriakos Mitsotakis Kabinett tagte.",
         [("Kyriakos Mitsotakis", None, "Ministerpräsident")]),
        # "von" before a given name or a known surname is a preposition, not a particle
        ("Ein Sprecher von Wladimir Putin widersprach.", [("Wladimir Putin", "RUS", None)]),
        ("Kanzler Karl Nehammer kam. Ein Sprecher von Nehammer sagte, es gehe um Hilfe.",
         [("Karl Nehammer", "AUT", "Kanzler")]),
        ("Ministerin Ursula von der Leyen reiste ab.", [("Ursula von der Leyen", None, "Ministerin")]),
    ],
)
def test_names_next_to_look_alikes(nlp, text, expected):
    assert persons(nlp, text) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a person without title or state adjective gets the state of the office held then
        ("Nach dem Treffen sagte Barack Obama, der Kampf werde dauern.", "2015-03-01", ("Barack Obama", "USA")),
        ("Baschar al-Assad lehnte den Vorschlag ab.", None, ("Baschar al-Assad", "SYR")),
        ("Das sagte David Cameron am Rande des Gipfels.", "2016-02-01", ("David Cameron", "GBR")),
        # who held a state's office before or after the article's date is still of that state
        ("Schon als Vizepräsident hatte Joe Biden davor gewarnt.", "2019-05-01", ("Joe Biden", "USA")),
        ("Zuvor hatte David Cameron ein Referendum angekündigt.", "2019-05-01", ("David Cameron", "GBR")),
        # an international official acts for no state, whatever the context says
        ("Bei seinem Besuch in Berlin sagte Ban Ki Moon, die Lage sei ernst.", "2014-06-01", ("Ban Ki Moon", None)),
        ("Ban Ki Moon lobte die Gespräche.", "2019-05-01", ("Ban Ki Moon", None)),
        # a name the table does not know keeps what the context gives
        ("Der deutsche Außenminister Hans Beispielmann sagte, man helfe.", "2015-03-01", ("Hans Beispielmann", "DEU")),
    ],
)
def test_office_holder_table_gives_the_state(text, published, expected):
    result = coalition_nlp.extract(text, published=published)
    assert expected in [(a.name, a.country) for a in result.actors if a.type == "person"]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # the surname alone of one office holder in office on the article's day
        ("Erdogan will die Grenze schließen.", "2017-05-01", [("Erdogan", "TUR")]),
        ("Dazu sagte Merkel nichts.", "2019-04-30", [("Merkel", "DEU")]),
        ("Am Abend reiste von der Leyen nach Amman.", "2015-06-02", [("von der Leyen", "DEU")]),
        # not a word after an article, not a sentence's first word before no verb, not undated
        ("Im Kern geht es um Geld.", "2016-09-01", []),
        ("Die Konferenz der Gouverneure fand in Austin statt.", "2022-03-01", []),
        ("Die Minister berieten: Kurz nach Mitternacht endete das Treffen.", "2015-06-01", []),
        ("Erdogan will die Grenze schließen.", None, []),
        # not out of office
        ("Ein Treffen mit Merkel ist nicht geplant.", "2023-04-30", []),
    ],
)
def test_office_holders_by_surname_alone(text, published, expected):
    result = coalition_nlp.extract(text, published=published)
    assert [(a.name, a.country) for a in result.actors if a.type == "person"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Lage bleibe gefährlich, erklärte die SPD-Bundestagsabgeordnete Michelle Beispiel.", ("Michelle Beispiel", "DEU")),
        ("Das sei falsch, sagte Jan Beispielmann im Bundestag.", ("Jan Beispielmann", "DEU")),
        ("Das sei falsch, sagte Jan Beispielmann.", ("Jan Beispielmann", None)),
        # the office-holder table outweighs a state the context suggests
        ("Teheran will Präsident Bashar al-Assad weiter unterstützen.", ("Bashar al-Assad", "SYR")),
        ("Gesprochen hat er mit König Abdullah II in Amman.", ("Abdullah II", "JOR")),
    ],
)
def test_parliaments_and_the_table(text, expected):
    result = coalition_nlp.extract(text)
    assert expected in [(a.name, a.country) for a in result.actors if a.type == "person"]


@pytest.mark.parametrize("text", [
    "Der Gast bezeichnete den Angaben zufolge das Treffen als hilfreich.",
    "Ein Helfer sagte der Nachrichtenagentur dpa, die Versorgung sei knapp.",
    "Die Ministerin forderte den Rat auf, rasch zu entscheiden.",
])
def test_no_speaker_starts_with_an_article(text):
    names = [a.name for a in coalition_nlp.extract(text).actors if a.type == "person"]
    assert not any(n.split()[0] in ("den", "der", "dem", "des", "die", "das") for n in names)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # the adviser or spokesman of an office holder named in the genitive serves that holder's state
        ("Bidens Sicherheitsberater Jake Sullivan sagte, man prüfe den Plan.", "2022-03-01", ("Jake Sullivan", "USA")),
        ("Putins Sprecher Dmitri Peskow bestätigte die Reise.", "2019-05-10", ("Dmitri Peskow", "RUS")),
        # a state in the genitive still names the state
        ("Frankreichs Außenminister Laurent Fabius kam nach Rom.", "2015-01-20", ("Laurent Fabius", "FRA")),
    ],
)
def test_the_state_of_whom_one_serves(text, published, expected):
    persons = [(a.name, a.country) for a in coalition_nlp.extract(text, published=published).actors if a.type == "person"]
    assert persons == [expected]

"""Where a meeting is: the place after a place preposition ("in Brüssel", "in der
jordanischen Hauptstadt Amman"), a destination the sentence then speaks of ("nach Kairo,
wo ..."), a city the meeting is named for ("Münchner Sicherheitskonferenz"), and the venue
("im Nato-Hauptquartier"). Only a known place is a place, or a name a lead-in noun
declares one."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import extensions as ext
from ..lexicon import get_lexicon, load_json
from ..syntax.analysis import clause_at
from ..syntax.models import Clause
from ..syntax.words import TIME_WORDS
from .context import actors_in
from .meeting_nouns import meeting_noun_at
from .view import doc_view

_M = load_json("meetings.json")

_PREP = load_json("prepositions.json")
_DESTINATION_PREPS = frozenset(_PREP["destinations"])
_REGION_ADJECTIVE = tuple(_M["region_adjective_endings"])  # "im walisischen Newport"
_ARABIC_ARTICLES = tuple(_M["arabic_articles"])  # "Scharm al-Scheich"
_PLACE_LEAD_INS = frozenset(_M["place_lead_ins"])
_MAX_LEAD_IN = 3
_PLACE_PREPS = frozenset(_PREP["meeting_places"])
PLACE_ANAPHORS = frozenset(_M["place_anaphors"])
_NOT_PLACES = frozenset(_M["not_places"])
_NOUN_ENDINGS = tuple(_M["common_noun_endings"])
_CITY_ADJ = _M["city_adjective_ending"]
_LEAD_IN_HEADS = tuple(_M["place_lead_in_heads"])
_VENUE_HEADS = tuple(_M["venue_heads"])
_VENUE_PREPS = frozenset(_M["venue_prepositions"])
SIDELINES = tuple(_M["sidelines"])
GENITIVE_ARTICLES = frozenset(_M["genitive_articles"])
_CLAUSE_BREAKS = frozenset(_M["clause_breaks"])
_MAX_PLACE_TOKENS = 3
_SEAT_HEADS = tuple(_M["seat_heads"])
_HOST_NOUNS = frozenset(_M["host_nouns"])


def _known_place(name: str, doc: Doc) -> bool:
    return name == doc._.place or get_lexicon().is_city(name)


def city_in(doc: Doc, clause: Clause) -> bool:
    """A known city after a place preposition: "Die Minister beraten in Wien"."""
    texts = doc_view(doc).texts
    return any(p.start == p.prep + 1 and _known_place(texts[p.start], doc) for p in clause.phrases_of("place"))


def city_of_adjective(word: str, doc: Doc) -> str | None:
    """"Wiener", "Genfer" -> the city; "Münchner" drops the "e" of "München" too."""
    if not word.endswith(_CITY_ADJ):
        return None
    stem = word[: -len(_CITY_ADJ)]
    for city in (stem, stem[:-1] + "en" if stem.endswith("n") else None):
        if city and _known_place(city, doc):
            return city
    return None


def host_city(doc: Doc, clause: Clause) -> str | None:
    """"Wien wird Schauplatz eines Treffens": the city that a host noun makes the place, as the
    last word of the clause's subject."""
    view = doc_view(doc)
    if clause.subject is None or _HOST_NOUNS.isdisjoint(view.texts[clause.start : clause.end]):
        return None
    last = clause.subject[1] - 1
    return view.texts[last] if _known_place(view.texts[last], doc) else None


def named_for_city(doc: Doc, clause: Clause) -> str | None:
    """The city a meeting in the clause is named for: "am Rande der Münchner
    Sicherheitskonferenz" is in München."""
    view = doc_view(doc)
    for k in range(clause.start, clause.end - 1):
        if view.texts[k][:1].isupper() and meeting_noun_at(view, k + 1):
            city = city_of_adjective(view.texts[k], doc)
            if city:
                return city
    return None


def _place_at(doc: Doc, i: int, end: int, actors: list[Span], declared: bool = False) -> str | None:
    """The place named from token ``i`` on ("Brüssel", "New York"), else None. A name is a
    place when it is known, or when a lead-in noun declares it one (``declared``)."""
    lexicon = get_lexicon()
    view = doc_view(doc)
    tokens: list[Token] = []
    while i < end and len(tokens) < _MAX_PLACE_TOKENS:
        tok = doc[i]
        arabic = bool(tokens) and tok.lower_.startswith(_ARABIC_ARTICLES)  # "Scharm al-Scheich", "Deir ez-Zor"
        if not (tok.text[:1].isupper() and tok.is_alpha or "-" in tok.text and tok.text[:1].isupper() or arabic):
            break
        # "im Mai" is no place
        if tok.text in _NOT_PLACES or tok.lower_ in TIME_WORDS or tok.lower_.endswith(_NOUN_ENDINGS) or meeting_noun_at(view, i):
            break
        if any(a.start <= i < a.end and a.label_ in (ext.PERSON, ext.ORG) for a in actors):
            break
        tokens.append(tok)
        if _known_place(tok.text, doc) or lexicon.country_by_name(tok.text):
            break
        i += 1
    if not tokens:
        return None
    name = " ".join(t.text for t in tokens)
    if lexicon.is_region(name):
        return None
    iso = lexicon.country_by_name(name)
    if iso:
        return name if _city_state(name, iso) or name == doc._.place else None
    # Only a known place is a place: "im Kampf", "im Konflikt" name no city.
    one_name = len(tokens) == 1 or all(t.lower_.startswith(_ARABIC_ARTICLES) for t in tokens[1:])
    return name if declared and one_name or _known_place(name, doc) else None


def _city_state(name: str, iso: str) -> bool:
    """A state named like its capital ("Kuwait", capital "Kuwait-Stadt"; "Singapur")."""
    return any(
        capital_iso == iso and (form == name or form.startswith(name + "-"))
        for form, capital_iso in get_lexicon().capital_forms()
    )


def places_in(sent: Span, skip: range) -> list[tuple[int, str]]:
    """(preposition's index, place) for each place a sentence names, the tokens in ``skip``
    (a venue's phrase) passed over."""
    doc = sent.doc
    lowers = doc_view(doc).lowers
    actors = actors_in(sent)
    out = []
    texts = doc_view(doc).texts
    for i in range(sent.start, sent.end):
        if i > sent.start and texts[i - 1][:1].isupper() and lowers[i - 1].endswith(_SEAT_HEADS):
            continue  # "die Regierung in Bagdad": the body's seat
        if lowers[i] in _PLACE_PREPS and i + 1 < sent.end and i + 1 not in skip:
            start, declared = _place_start(doc, i + 1, sent.end)
            name = _place_at(doc, start, sent.end, actors, declared)
            if name:
                out.append((i, name))
        elif lowers[i] in _DESTINATION_PREPS and i + 1 < sent.end:
            # "reiste nach Kairo, wo er mit ... sprach": the destination is where it happens
            start, declared = _place_start(doc, i + 1, sent.end)
            name = _place_at(doc, start, sent.end, actors, declared)
            after = start + len(name.split()) if name else sent.end
            if name and (lowers[after : after + 2] == [",", "wo"] or PLACE_ANAPHORS & set(lowers[after : sent.end])):
                out.append((i, name))  # "nach Damaskus reisen und dort mit ... sprechen"
    return out


def destination_after(sent: Span, i: int, end: int) -> str | None:
    """"reist zu einem Ministertreffen nach Basel": the place a journey to the meeting at ``i``
    goes to, named before ``end`` (the clause's end or the next "und")."""
    doc, lowers = sent.doc, doc_view(sent.doc).lowers
    actors = actors_in(sent)
    for k in range(i + 1, min(end, sent.end) - 1):
        if lowers[k] in _DESTINATION_PREPS:
            start, declared = _place_start(doc, k + 1, sent.end)
            return _place_at(doc, start, sent.end, actors, declared)
    return None


def _place_start(doc: Doc, i: int, end: int) -> tuple[int, bool]:
    """Past the words that lead in to a place ("in der jordanischen Hauptstadt Amman", "im
    chinesischen Hangzhou", "im walisischen Newport", "auf dem Stützpunkt Hmeimim"), and whether a lead-in noun
    ("Hauptstadt", "Stützpunkt") declared what follows a place."""
    lexicon = get_lexicon()
    j, declared = i, False
    while j < min(end, i + _MAX_LEAD_IN) and (
        doc[j].text in _PLACE_LEAD_INS
        or (doc[j].is_lower and (lexicon.country_by_adjective(doc[j].text) or doc[j].text.endswith(_REGION_ADJECTIVE)))
        or (doc[j].text[:1].isupper() and doc[j].lower_.endswith(_LEAD_IN_HEADS))
    ):
        declared = declared or doc[j].text[:1].isupper()
        j += 1
    if j < end and j > i and doc[j].text[:1].isupper():
        return j, declared
    return i, False


def nearest(items: list[tuple[int, object]], anchor: Token, prefer: Clause | None = None):
    """The item nearest to ``anchor``, those inside ``prefer`` first."""
    if not items:
        return None
    if prefer is not None:
        inside = [it for it in items if prefer.start <= it[0] < prefer.end]
        items = inside or items
    return min(items, key=lambda it: abs(it[0] - anchor.i))[1]


def _nominative(word: str) -> str:
    """Genitive of a body or building to the nominative ("Sicherheitsrates" -> "Sicherheitsrat")."""
    low = word.lower()
    for cut in ("es", "s"):
        if low.endswith(cut) and low[: -len(cut)].endswith(_VENUE_HEADS):
            return word[: -len(cut)]
    return word


def venue_in(sent: Span) -> tuple[str | None, range]:
    """The building or body a meeting is held in, and the tokens its phrase covers."""
    doc = sent.doc
    view = doc_view(doc)
    lowers = view.lowers
    for i in range(sent.start, sent.end):
        low = lowers[i]
        if low not in _VENUE_PREPS and low != SIDELINES[0]:
            continue
        tok = doc[i]
        if (low, lowers[i + 1] if i + 1 < sent.end else "") == SIDELINES and i + 3 < sent.end:
            if doc[tok.i + 2].lower_ in GENITIVE_ARTICLES and not meeting_noun_at(view, i + 3):
                head = doc[tok.i + 3]
                if head.text[:1].isupper() and _nominative(head.text).lower().endswith(_VENUE_HEADS):
                    return _nominative(head.text), range(tok.i, head.i + 1)
            continue
        if low not in _VENUE_PREPS:
            continue
        j = tok.i + 1
        if j < sent.end and doc[j].lower_ in ("der", "dem"):
            j += 1
        run = []
        while j < sent.end and doc[j].text[:1].isupper() and len(run) < _MAX_PLACE_TOKENS:
            run.append(doc[j])
            if doc[j].lower_.endswith(_VENUE_HEADS):
                break
            j += 1
        if not run or not run[-1].lower_.endswith(_VENUE_HEADS):
            continue
        end = run[-1].i + 1
        abbreviation = _abbreviation_after(doc, end, sent.end)
        if abbreviation is not None:
            return abbreviation.text, range(tok.i, abbreviation.i + 2)
        return " ".join(t.text for t in run), range(tok.i, end)
    return None, range(0)


def _abbreviation_after(doc: Doc, start: int, end: int) -> Token | None:
    """"(Eucom)" closing the genitive phrase after a venue noun, before the clause ends or
    breaks."""
    for j in range(start, min(end - 2, clause_at(doc, start - 1).end)):
        if doc[j].text in _CLAUSE_BREAKS:
            return None
        if doc[j].text == "(" and doc[j + 2].text == ")" and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha:
            return doc[j + 1]
    return None

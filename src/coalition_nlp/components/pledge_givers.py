"""Who can give money, and who only receives it: a state or body outside a place, source or
dateline phrase, not a thing named for a state ("Syrien-Konferenz"), not the one a "für"- or
"an"-phrase or a relative clause after the amount names as helped."""
from __future__ import annotations

from spacy.tokens import Span

from .. import extensions as ext
from ..lexicon import get_lexicon, load_json
from ..syntax import words as cw
from ..syntax.analysis import clause_at
from .context import actors_in, in_place_phrase, in_source_phrase
from .view import doc_view

_DATA = load_json("pledges.json")
_EVENT_NOUNS = tuple(_DATA["event_nouns"])
_GIVING_HEADS = frozenset(_DATA["giving_heads"])
_GIVING_ENDINGS = tuple(_DATA["giving_endings"])
_DATELINE_MARKS = frozenset({"(", "-", "–", "—"})
_NOT_DONORS = frozenset(_DATA["not_donor_kinds"])
_PASSIVE = frozenset(_DATA["passive_auxiliaries"])
_RECIPIENT_PREPOSITIONS = frozenset(p for p, role in cw.ROLES.items() if role == "recipient")


def can_give(mention: Span, as_agent: bool = False) -> bool:
    if (in_place_phrase(mention) and not (as_agent or _passive_agent(mention))) or in_source_phrase(mention):
        return False
    if in_dateline(mention) or _thing_named_for(mention):
        return False
    if mention.label_ == ext.ORG and not mention._.iso:
        info = get_lexicon().org(mention._.canonical or mention.text)
        return info is None or info.kind not in _NOT_DONORS
    return bool(mention._.iso)


def beneficiary(mention: Span) -> bool:
    """After the amount, "für die Versorgung syrischer Flüchtlinge", "an das Hilfswerk der
    Vereinten Nationen" name who receives it: the preposition that governs the mention's noun
    phrase, found by walking left over the phrase's own words."""
    view = doc_view(mention.doc)
    k, first = mention.start - 1, view.sent_start(mention.start)
    names = {i: m.start for m in actors_in(view.sent(mention.start)) for i in range(m.start, m.end)}
    while k >= first and (view.texts[k][:1].isalnum() or view.texts[k] in "()") and (
        k in names or view.lowers[k] not in cw.PREPOSITIONS and not cw.is_verbal(view, k)
    ):
        k = names.get(k, k) - 1  # a name is passed whole ("Komitee vom Roten Kreuz (IKRK)")
    return mention.text[:1].islower() or (k >= first and view.lowers[k] in _RECIPIENT_PREPOSITIONS)


def _passive_agent(mention: Span) -> bool:
    """"Von der Weltbank werden 400 Millionen Dollar bereitgestellt": the giver after "von"."""
    view = doc_view(mention.doc)
    i = mention.start - 1
    if i >= 0 and view.lowers[i] in ("der", "dem", "den"):
        i -= 1
    sent = view.sent(mention.start)
    return i >= 0 and view.lowers[i] in ("von", "vom") and any(
        view.lowers[k] in _PASSIVE for k in range(sent.start, sent.end)
    )


def _thing_named_for(mention: Span) -> bool:
    """"Syrien-Konferenz", "Irak-Hilfe": a state inside a compound naming a thing gives nothing
    ("US-Regierung", "Kreml-Sprecher" do)."""
    lexicon = get_lexicon()
    if len(mention) != 1 or "-" not in mention.text or lexicon.country_by_name(mention.text):
        return False  # "Saudi-Arabien" is a name, not a compound
    head = mention.text.rsplit("-", 1)[1]
    return not (
        head in _GIVING_HEADS or head.endswith(_GIVING_ENDINGS) or lexicon.office(head) or lexicon.org(head)
    )


def in_relative(mention: Span) -> bool:
    """"..., durch die auch dem Irak geholfen werden soll": a relative clause
    after the amount says what the money does, not who gives it."""
    return clause_at(mention.doc, mention.start).kind == "relative"


def in_dateline(mention: Span) -> bool:
    """"Kuwait-Stadt (Reuters) - ...": the place a report comes from gives nothing."""
    doc = mention.doc
    return (
        doc._.place is not None and mention.text == doc._.place.split("/")[0]
        and mention.end < len(doc) and doc[mention.end].text in _DATELINE_MARKS
    )


def event_place(mention: Span) -> bool:
    doc = mention.doc
    window = doc[max(doc_view(doc).sent_start(mention.start), mention.start - 3) : mention.start]
    return any(t.lower_.endswith(_EVENT_NOUNS) for t in window)

"""Money pledges: who commits how much, in which currency, for what, to whom.

An amount is a pledge only in a sentence that commits it (zusagen, bereitstellen,
ankündigen, "in Höhe von", ...) and only when its own clause does not speak of salaries,
prices, revenues, costs or needs. Conversions in brackets are never pledges.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..lexicon import load_json
from ..syntax import words as cw
from ..syntax.analysis import analysis, clause_at
from .pledge_currency import donors_currency
from .pledge_givers import beneficiary, can_give, event_place, in_dateline, in_relative
from .pledge_filters import no_pledge
from .pledge_purpose import purpose_of
from .view import doc_view, headline_end_of
from .context import (
    actors_in,
    clause_subject_state,
    epithet_mention,
    in_source_phrase,
    previous_sentences,
)

_DATA = load_json("pledges.json")
_TRIGGERS = frozenset(_DATA["triggers"])
_SEPARABLE: dict[str, str] = _DATA["separable"]
_PHRASES = tuple(_DATA["phrases"])
_COLLECTIVE = tuple(sorted(_DATA["collective_donors"], key=len, reverse=True))
# a group's name as written, or with the endings its cases add: "internationalen Gemeinschaft", "Gebern"
_COLLECTIVE_NOMINATIVE, _COLLECTIVE_FORMS = (re.compile("|".join(
    r"(?<!\w)(" + r"\s+".join(re.escape(w) + ending for w in phrase.split()) + r")(?!\w)" for phrase in _COLLECTIVE
)) for ending in ("", r"(?:n|en|s|es)?"))
_RECEIVING = frozenset(_DATA["receiving_verbs"])
_DONOR_HEADS = tuple(_DATA["donor_heads"])
_COLLECTING = frozenset(_DATA["collecting_verbs"])
_GIVING = frozenset(_DATA["giving_verbs"])
_DIRECTING = frozenset(_DATA["directing_verbs"])
_GATHERINGS = tuple(_DATA["gathering_heads"])
_DONOR_GATHERINGS = tuple(_DATA["donor_gatherings"])
_COMMITTING = _GIVING | _RECEIVING | _COLLECTING
_EACH = frozenset(_DATA["each_words"])
_STATE_GROUPS = frozenset(_DATA["state_groups"])
_REPORTING = frozenset(_DATA["reporting_verbs"])


def is_commitment(sent: Span) -> bool:
    """A sentence that commits money: a pledge verb, a closing particle ("sagten ... zu."),
    a phrase like "zur Verfügung", or a clause whose verb gives, receives or collects
    ("wird ... einsetzen", "erhält von der EU", "kamen ... zusammen")."""
    tokens = list(sent)
    for i, tok in enumerate(tokens):
        if tok.text in _TRIGGERS:
            return True
        particle = _SEPARABLE.get(tok.lower_)
        if particle and any(
            t.lower_ == particle and (j + 1 == len(tokens) or tokens[j + 1].is_punct)
            for j, t in enumerate(tokens[i + 1 :], start=i + 1)
        ):
            return True
    text = sent.text
    if any(p in text for p in _PHRASES):
        return True
    return any(c.verb in _COMMITTING for c in analysis(sent.doc).sentence(doc_view(sent.doc).sent_of[sent.start]))


def _collective_donor(sent: Span, before: int, any_case: bool = False) -> str | None:
    """A group of givers named before ``before``: "die internationale Gemeinschaft"; with
    ``any_case`` also "von der internationalen Gemeinschaft" (an agent, a phrase of the clause)."""
    text = doc_view(sent.doc).text[sent.start_char:before]
    match = (_COLLECTIVE_FORMS if any_case else _COLLECTIVE_NOMINATIVE).search(text)
    return _COLLECTIVE[match.lastindex - 1] if match else None


def _clause(money: Span) -> range:
    """The tokens of the amount's clause: "Die Türkei stellte fünf Milliarden in Aussicht,
    Saudi-Arabien sagte 1,5 Milliarden zu" has one donor each."""
    clause = clause_at(money.doc, money.start)
    return range(clause.start, clause.end)


def _role_donor(money: Span) -> tuple[str | None, Span | None] | None:
    """The giver by its role in the amount's clause: the von-phrase of a receiving verb
    ("Jordanien bekommt von Japan ...") or of a passive ("Von der Weltbank werden ...
    bereitgestellt"), else the subject of the giving verb; a body named by its head
    ("Die Islamische Entwicklungsbank sagte ... zu"). None where the clause says nothing."""
    doc = money.doc
    clause = clause_at(doc, money.start)
    span = doc[clause.start : clause.end]
    mentions = [m for m in actors_in(span) if m.label_ != ext.PERSON or m._.iso]
    if clause.verb in _RECEIVING or clause.passive:
        roles = ("source", "agent") if clause.verb in _RECEIVING else ("agent",)
        givers = [m for m in mentions if clause.role_at(m.start) in roles and can_give(m, as_agent=True)]
        if givers:
            return _named(givers[0])
        phrases = (doc[p.start : p.end] for p in clause.phrases if p.role in roles)
        group = next((c for p in phrases if (c := _collective_donor(p, p.end_char, any_case=True))), None)
        # "von der internationalen Gemeinschaft zugesichert"
        if group:
            return group, None
        if clause.verb not in _RECEIVING and (reporter := _reporter(doc, clause)) is not None:
            return _named(reporter)  # "... sei um 3,7 Millionen Franken aufgestockt worden, teilte das EDA mit"
        if clause.verb not in _RECEIVING and (gathering := _gathering(span)):
            # "Bei der Geberkonferenz wurden insgesamt 3 Milliarden zugesagt", unless the givers
            # were named just before ("die Zusagen der internationalen Geber")
            before = previous_sentences(doc_view(doc).sent(money.start), limit=1)
            return next(((c, None) for prev in before if (c := _collective_donor(prev, prev.end_char))), gathering)
        return (None, None) if clause.verb in _RECEIVING else None
    if clause.kind == "infinitive" and clause.subject is None:
        # "versprach der saudische Minister, die Rechnung von vier Milliarden zu übernehmen": the
        # giver is the subject of the clause the infinitive depends on
        governing = next((c for c in analysis(doc).before(clause, sentences=0) if c.subject and c.kind in ("main", "sub")), None)
        if governing is not None:
            a, b = governing.subject
            givers = [
                m for m in actors_in(doc_view(doc).sent(money.start))
                if a <= m.start < b and (m.label_ != ext.PERSON or m._.iso) and can_give(m)
            ]
            if givers:
                return _named(givers[0])
    start, end = next(((s, money.start) for s, e in clause.gaps if s <= money.start < e), clause.subject or (0, 0))
    if end - start == 1 and doc[start].lower_ in cw.PRONOUNS:
        # "..., dass sich die Schweiz beteiligen will. Ausserdem will sie ...": the nearest state
        # that was the subject of a clause before
        return _subject_before(doc, clause)
    if clause.verb in _COLLECTING or start <= money.start < end:
        # "Bei der Geberkonferenz kamen zwei Milliarden zusammen", "... wurden zugesagt": the gathering gives
        earlier = previous_sentences(doc_view(doc).sent(money.start), limit=2)
        return (
            _gathering(doc[clause.start : clause.end])
            or next(((c, None) for prev in earlier if (c := _collective_donor(prev, prev.end_char))), None)
            or next((found for prev in earlier if (found := _gathering(prev))), None)
            or ((None, None) if clause.verb in _COLLECTING or clause.verb in _DIRECTING else None)  # else the giver named before
        )
    attached = next((p.end for p in clause.phrases if p.prep == end), end)  # "die Regierung in Ottawa"
    givers = [m for m in mentions if start <= m.start < attached and can_give(m)]
    if givers:
        return _named(givers[0])
    view = doc_view(doc)
    if start < end and (group := _gathering(doc[start:end])):
        return group  # "Die internationale Geberkonferenz hat Zusagen von 6,9 Milliarden gebracht"
    epithet = next((m for k in range(start, end) if (m := epithet_mention(doc, k))), None)
    if epithet is not None and not any(start <= m.start < end for m in mentions):
        return _named(epithet)  # "Das Emirat will ...", "gibt das Land selbst"
    head = next((k for k in range(start, end) if view.texts[k][:1].isupper() and view.lowers[k].endswith(_DONOR_HEADS)), None)
    if head is None or any(start <= m.start < end for m in mentions):
        return None
    name = [k for k in range(head + 1, end) if view.texts[k][:1].isupper()]
    if name:  # "Das Hilfswerk Misereor"
        return " ".join(view.texts[k] for k in name), None
    return " ".join(view.texts[k] for k in range(start, head + 1) if view.lowers[k] not in cw.DETERMINERS), None


def _reporter(doc, clause) -> Span | None:
    """The giver that reports a passive pledge in the same sentence: the subject of a
    clause whose verb reports ("teilte das Außenministerium mit")."""
    view = doc_view(doc)
    for other in analysis(doc).sentence(view.sent_of[clause.start]):
        if other is not clause and other.verb in _REPORTING and other.subject:
            subject = doc[other.subject[0] : other.subject[1]]
            found = [m for m in actors_in(subject) if m.label_ != ext.PERSON and can_give(m)]
            if found:
                return found[0]
    return None


def _subject_before(doc, clause) -> tuple[str, None] | None:
    """The state in the subject of the nearest clause before, in this sentence or the two
    before; for "sie" with a plural verb, a group of states that subject names ("Zahlreiche
    Staaten, auch die Schweiz, ... Sie sagten ... zu": the states, not the one among them)."""
    view = doc_view(doc)
    plural = view.lowers[clause.subject[0]] == "sie" and view.lowers[clause.finite].endswith("n")
    for before in analysis(doc).before(clause, sentences=2):
        if plural and before.subject:
            a, b = before.subject
            head = next((k for k in range(a, b) if view.texts[k] in _STATE_GROUPS), None)
            if head is not None:
                first = head
                while first > a and view.texts[first - 1].isalpha():
                    first -= 1  # "Zahlreiche Staaten", not a credit before them
                return " ".join(view.texts[first : head + 1]), None
        iso = clause_subject_state(doc, before)
        if iso:
            return iso, None
    return None


def _gathering(span: Span) -> tuple[str, None] | None:
    """A group of givers or the gathering they gave at: "die internationale Gemeinschaft",
    "bei der Geberkonferenz"."""
    collective = _collective_donor(span, span.end_char)
    if collective:
        return collective, None
    view = doc_view(span.doc)
    found = next((_nominative(view.texts[k]) for k in range(span.start, span.end)
                  if view.texts[k][:1].isupper() and _nominative(view.lowers[k]).endswith(_GATHERINGS)), None)
    if found is None:
        return None
    # "zu Beginn des Treffens": the gathering is the donors' conference the article names
    named = next((_nominative(t) for t in view.texts if t.lower().startswith(_DONOR_GATHERINGS)), None)
    return (named or found), None


def _nominative(noun: str) -> str:
    """"Treffens", "Gipfels" -> "Treffen", "Gipfel"."""
    return noun[:-1] if noun.endswith(("ens", "els")) else noun


def _named(mention: Span) -> tuple[str, Span]:
    return (mention._.iso or mention._.canonical or mention.text), mention


def _donor(sent: Span, money: Span) -> tuple[str | None, Span | None]:
    clause = _clause(money)
    doc = sent.doc
    collective = _collective_donor(doc[clause.start : money.start], money.start_char) or _collective_donor(
        sent, money.start_char
    )
    if collective:
        return collective, None
    by_role = _role_donor(money)
    if by_role is not None:
        return by_role
    mentions = [m for m in actors_in(sent) if can_give(m) and not beneficiary(m)]
    own = [m for m in mentions if m.start in clause and m.start < money.start]
    after = [m for m in mentions if m.start >= money.end and not in_relative(m)]
    ordered = own + [m for m in mentions if m.start < money.start] + after
    for prev in previous_sentences(sent, limit=1) if not ordered else ():
        # "Die UN lobten die Zusagen der internationalen Geber. ... seien sieben Milliarden zugesagt worden"
        collective = _collective_donor(prev, prev.end_char)
        if collective:
            return collective, None
        # not "syrischer Flüchtlinge", nor who received money there
        ordered = [m for m in actors_in(prev) if can_give(m) and not beneficiary(m)]
    return _named(ordered[0]) if ordered else (None, None)


def _each(money: Span, mention: Span | None) -> list[Span]:
    """"Norwegen und Dänemark mit je 35 Millionen": every giver named with the donor before
    an amount "je" (each) gives it; else none."""
    doc = money.doc
    if mention is None or _EACH.isdisjoint(doc_view(doc).lowers[max(0, money.start - 2) : money.start]):
        return []
    clause = clause_at(doc, money.start)
    start = next((s for s, e in clause.gaps if s <= money.start < e), clause.start)
    givers = [m for m in actors_in(doc[start : money.start]) if can_give(m)]
    return givers if len(givers) > 1 and any(g.start == mention.start for g in givers) else []


def _recipient(sent: Span, money: Span, donor: str | None, givers: list[Span]) -> str | None:
    """The state money goes to, named in the amount's own clause, after it if possible
    ("für die Opfer in Syrien", "dem Libanon"); never the town of the donors' conference."""
    clause = _clause(money)
    analysed = clause_at(money.doc, money.start)
    if analysed.verb in _RECEIVING and analysed.subject:  # "Jordanien bekommt von Japan ..."
        receivers = [m for m in actors_in(sent, ext.COUNTRY) if analysed.subject[0] <= m.start < analysed.subject[1]]
        if receivers and receivers[0]._.iso != donor:
            return receivers[0]._.iso
    # Givers are no recipients: the clause's subject, and that of a gapped clause (", Katar 100 Millionen").
    gapped = {s for s, _ in analysed.gaps} | set(range(*analysed.subject) if analysed.subject else ())
    gapped |= {g.start for g in givers}
    gapped |= {k for s, e in analysed.gaps if not s <= money.start < e for k in range(s, e)}  # another amount's
    candidates = [
        m for m in actors_in(sent, ext.COUNTRY)
        if m.start in clause and m.start not in gapped and m._.iso and m._.iso != donor and not money.start <= m.start < money.end
        and not in_source_phrase(m) and not event_place(m) and not in_dateline(m)
    ]
    after = [m for m in candidates if m.start >= money.end]
    chosen = (after or candidates or [None])[0]
    return chosen._.iso if chosen is not None else None


class Pledges:
    def __call__(self, doc: Doc) -> Doc:
        found = []
        for money in doc.spans.get(ext.MONEY, []):
            m = money._.money
            if m.in_brackets:
                continue
            sent = doc_view(doc).sent(money.start)
            directed = clause_at(doc, money.start).verb in _DIRECTING
            committing = is_commitment(sent)
            # "Zwei Millionen gehen an das IKRK", after a pledge, or right after a sentence that commits
            continued = directed and not committing and (bool(found) or _after_commitment(sent))
            if not (continued or committing) or no_pledge(money):
                continue
            donor, donor_mention = (None, None) if continued and found else (
                _giver_before(sent) if continued else _donor(sent, money)
            )
            if donor is None and found and directed:
                # "Eine Million Euro erhält UNICEF, eine Million geht an UNDP": shares of the pledge before
                donor, donor_mention = found[-1]._.event["donor"], found[-1]._.event["donor_actor"]
            givers = _each(money, donor_mention)
            for donor, donor_mention in [_named(g) for g in givers] or [(donor, donor_mention)]:
                # one span per giver, from the giver on: span attributes are keyed by offsets alone
                start = donor_mention.start if givers else money.start
                span = Span(doc, start, money.end, label="PLEDGE")
                span._.event = {
                    "donor": donor,
                    "donor_actor": donor_mention,
                    "amount": m.amount,
                    "currency": donors_currency(m, donor),
                    "approx": m.approx,
                    "purpose": purpose_of(sent, money),
                    "recipient": _recipient(sent, money, donor, givers),
                }
                found.append(span)
        # like a troop figure without a sending state, an amount nobody is named to give is no
        # pledge of the contract (a cost, a value, or a giver the text never names)
        doc.spans[ext.PLEDGES] = [p for p in _without_headline_repeats(doc, found) if p._.event["donor"]]
        return doc


def _after_commitment(sent: Span) -> bool:
    """"Kanada kündigte Hilfe an. Die Summe sei für Flüchtlinge bestimmt": the sentence before
    commits money."""
    return any(is_commitment(prev) for prev in previous_sentences(sent, limit=1))


def _giver_before(sent: Span) -> tuple[str | None, Span | None]:
    """The first giver the sentence before names: who committed the money directed here."""
    givers = [m for prev in previous_sentences(sent, limit=1) for m in actors_in(prev) if can_give(m)]
    return _named(givers[0]) if givers else (None, None)


def _without_headline_repeats(doc: Doc, pledges: list[Span]) -> list[Span]:
    """A headline sums up the body: its amount, told again below, is one pledge, not two; the
    body names it more fully ("Geber" above, "die internationale Gemeinschaft" below), and
    what only the headline says fills the body's gaps."""
    end = headline_end_of(doc)
    body = [p._.event for p in pledges if p.start_char >= end]
    kept = []
    for p in pledges:
        event = p._.event
        repeat = p.start_char < end and next((
            b for b in body
            if b["currency"] == event["currency"] and abs(b["amount"] - event["amount"]) <= 0.005 * b["amount"]
        ), None)
        if not repeat:
            kept.append(p)
            continue
        for key in ("recipient", "purpose"):
            repeat[key] = repeat[key] or event[key]
    return kept


@Language.factory("coalition_money")
def make_money(nlp: Language, name: str) -> Pledges:
    return Pledges()

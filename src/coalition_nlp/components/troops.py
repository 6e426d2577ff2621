"""Troop numbers: who sends, adds, withdraws or has deployed how many soldiers where.

A number counts only when it is tied to a personnel noun: right before it ("rund 5000
US-Soldaten"), or as "um N" / "auf N" / "von N auf M" in a clause about such a noun
("die Zahl der Militärausbilder ... auf rund 210 verdreifacht"). Casualties, ages,
distances and percentages are turned away by the words around the number.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions as ext
from ..lexicon import get_lexicon, load_json
from ..syntax.analysis import analysis, clause_at
from ..syntax.words import COORDINATORS
from .troop_filters import no_deployment
from .troop_merges import joined, once
from .view import doc_view
from .context import (
    WordSet,
    actors_in,
    clause_subject_state,
    clause_of,
    clause_text,
    destinations,
    prefix_state,
    previous_sentences,
    sender_state,
    subject_state,
    token_state,
)

_DATA = load_json("troops.json")
_PERSONNEL: dict[str, str] = _DATA["personnel"]
_NEEDS_NUMBER = frozenset(_DATA["personnel_requires_number"])
_COMPOUND_HEADS = tuple(k.lower() for k in ("Soldaten", "Soldatinnen", "Truppen", "Ausbilder"))
_PARTITIVE = frozenset(_DATA["partitive"])
_UNIT_NOUNS = frozenset(_DATA["unit_nouns"])
_MULTINATIONAL = frozenset(_DATA["multinational"])
_CAPS = WordSet(_DATA["cap_nouns"])
_CONTINUATION = WordSet(_DATA["continuation"])
_DECREASE = WordSet(_DATA["decrease"])
_MOVES = WordSet(_DATA["send"] + _DATA["increase"] + _DATA["decrease"])
_ADDITIONAL = frozenset(_DATA["additional"])
_CURRENT = WordSet(_DATA["current"])
_PLANNED = WordSet(_DATA["planned"])
_ANNOUNCED = WordSet(_DATA["announced"])
_TOTALS = WordSet(_DATA["total_cues"] + _DATA["current"])
_SPECULATION = WordSet(_DATA["speculation"])
_STRENGTH = frozenset(_DATA["strength_prepositions"])
_STRENGTH_ADJECTIVES = frozenset(_DATA["strength_adjectives"])
_HOLDING = frozenset(_DATA["holding_verbs"])
_RELOCATING = frozenset(_DATA["relocating_verbs"])
_COUNT_NOUNS = frozenset(_DATA["count_nouns"])
_SHARE_OPENERS = frozenset(_DATA["share_openers"])
_STILL = frozenset(_DATA["still"])
_REMAINING = WordSet(_DATA["remaining"])
_ALLIANCE_KINDS = frozenset(_DATA["alliance_kinds"])
_GROUP_SUBJECTS = frozenset(_DATA["group_subjects"])
_MAX_GAP = 3  # adjectives between a number and its noun: "830 kanadische Soldaten"


def personnel_noun(text: str, counted: bool = False) -> str | None:
    """The normalised personnel noun a word names ("US-Soldaten" -> "Soldaten"); ``counted``:
    right after a number, where "2500 US-Kräfte" counts too."""
    if text in _PERSONNEL:
        return _PERSONNEL[text]
    head = text.rsplit("-", 1)[-1]
    if head != text and head in _PERSONNEL and (counted or head not in _NEEDS_NUMBER):
        return _PERSONNEL[head]
    lower = text.lower()
    for suffix in _COMPOUND_HEADS:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            return _PERSONNEL[suffix.capitalize()]  # "Bundeswehrsoldaten", "Kampftruppen"
    return None


@dataclass
class _Commitment:
    noun: Token
    personnel: str
    numbers: list[Span] = field(default_factory=list)
    cap: bool = False  # a stated ceiling stands on its own: "415 Soldaten ..., dessen Obergrenze bei 700 liegt"


def _noun_after(num: Span) -> Token | None:
    """The noun the number counts: the first capitalised word after it, past adjectives."""
    doc = num.doc
    for tok in doc[num.end : min(num.end + _MAX_GAP + 1, len(doc))]:
        if tok.is_punct or tok.is_space:
            return None
        if tok.text[:1].isupper() and token_state(tok) is None:
            return tok
        if tok.text[:1].isupper() and "-" in tok.text:
            return tok  # "US-Soldaten": a prefix compound is the noun itself
    return None


def _coordinated(first: "_Commitment", second: "_Commitment") -> bool:
    """"100 Soldaten nach Mali und 200 Soldaten nach Niger": two figures, each with its noun."""
    doc = first.noun.doc
    start = min(n.start for n in second.numbers)
    joints = [k for k in range(first.noun.i + 1, start) if doc[k].lower_ in COORDINATORS]
    # "und rund 200": only lower-case words between; not "Soldatinnen und Soldaten bald nur 650"
    return bool(joints) and all(doc[k].is_lower for k in range(joints[-1] + 1, start))


def _stretches(sent: Span, commitments: list["_Commitment"]) -> list[Span]:
    """Where each figure's places are named: the sentence, but for figures coordinated with
    the next ("100 Soldaten nach Mali und 200 nach Niger") the stretch up to that one."""
    doc = sent.doc
    out = []
    for k, c in enumerate(commitments):
        start = min([c.noun.i, *(n.start for n in c.numbers)])
        after = commitments[k + 1] if k + 1 < len(commitments) else None
        before = commitments[k - 1] if k else None
        if after is not None and _coordinated(c, after):
            out.append(doc[start : min(n.start for n in after.numbers)])
        elif before is not None and _coordinated(before, c):
            out.append(doc[start : sent.end])
        else:
            out.append(sent)
    return out


def _alliance_subject(doc, clause) -> bool:
    """"Die Nato will ihren Einsatz auf 4000 Soldaten aufstocken": an alliance's or a group of
    allies' figure has no sending state, not even one named before."""
    if clause.kind == "infinitive":  # "Die Nato kündigte an, ihren Einsatz ... aufzustocken"
        clause = next(analysis(doc).before(clause, sentences=0), clause)
    if clause.subject is None:
        return False
    texts = doc_view(doc).texts
    if any(texts[k].rsplit("-", 1)[-1] in _GROUP_SUBJECTS for k in range(*clause.subject)):
        return True  # "Die Verbündeten haben 1500 Soldaten zugesagt", "US-Verbündete schicken ..."
    lexicon = get_lexicon()
    return any(
        (info := lexicon.org(m._.canonical or m.text)) is not None and info.kind in _ALLIANCE_KINDS
        for m in actors_in(doc[slice(*clause.subject)], ext.ORG)
    )


def _part_of(numbers: list[Span]) -> tuple[int, int] | None:
    """("5000 der 14 000", "Zehn von insgesamt 13"): the part and the whole, else None."""
    ordered = sorted(numbers, key=lambda n: n.start)
    for a, b in zip(ordered, ordered[1:]):
        between = [t.lower_ for t in a.doc[a.end : b.start]]
        if between in (["der"], ["von"], ["von", "insgesamt"]):
            return int(a._.number.value), int(b._.number.value)
    return None


def _multinational(noun: Token) -> bool:
    """"500 Soldaten aus Bündnisstaaten": many senders, none to name."""
    doc = noun.doc
    return noun.i + 2 < len(doc) and doc[noun.i + 1].lower_ == "aus" and doc[noun.i + 2].text in _MULTINATIONAL


def _genitive_noun(token: Token) -> Token:
    """The noun after "der"/"des" that a partitive word ("Angehörige") counts, else itself."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ in ("der", "des") and personnel_noun(doc[token.i + 2].text):
        return doc[token.i + 2]
    return token


def _counted_before(sent: Span) -> list[Token]:
    """"Die Zahl steigt auf 200": the personnel the sentence before named, when this one
    names its figure by a count noun and no personnel of its own."""
    texts = doc_view(sent.doc).texts
    if _COUNT_NOUNS.isdisjoint(texts[sent.start : sent.end]):
        return []
    return [t for prev in previous_sentences(sent, limit=1) for t in prev if personnel_noun(t.text)]


def _word_before(num: Span) -> Token | None:
    """The word before a number and its approximation word ("um rund 560" -> "um")."""
    doc = num.doc
    i = num.start - 1
    while i >= 0 and doc[i].lower_ in ("dann", "nun", "jetzt", "nunmehr"):
        i -= 1
    return doc[i] if i >= 0 else None


def _is_candidate(num: Span) -> bool:
    """A count: no year, no vague or broken figure, no ordinal ("4. Streitkräfte", "die 4.
    Division": a period that ends no sentence)."""
    m = num._.number
    view = doc_view(num.doc)
    k = next((k for k in range(num.end, len(view.texts)) if not view.texts[k].isspace()), None)
    ordinal = num[-1].text.endswith(".") and k is not None and view.sent_start(k) != k
    return not (m.is_year or m.vague or m.value < 2 or m.value != int(m.value) or ordinal)


class Troops:
    def __call__(self, doc: Doc) -> Doc:
        view = doc_view(doc)
        by_sentence: dict[int, list[Span]] = {}
        for num in doc.spans.get(ext.NUMBERS, []):
            if _is_candidate(num):
                by_sentence.setdefault(view.sent_of[num.start], []).append(num)
        found: list[Span] = []
        last_sender = None
        for numbers in by_sentence.values():  # only sentences with a figure are read
            sent = view.sent(numbers[0].start)
            if sent.text in _SPECULATION:
                continue
            commitments = self._commitments(sent, numbers)
            records = [
                self._record(sent, c, last_sender, where)
                for c, where in zip(commitments, _stretches(sent, commitments))
            ]
            if found and sent.text in _CONTINUATION:
                records = joined([found.pop(), *records])  # "... steigt damit auf 4087 Soldaten"
            found.extend(joined(records))
            last_sender = next((r._.event["country"] for r in reversed(records) if r._.event["country"]), last_sender)
        # A figure no state sends (an alliance's mission, "insgesamt 10 000 Soldaten") is no
        # troop commitment of the contract.
        doc.spans[ext.TROOPS] = once([r for r in found if r._.event["country"]])
        return doc

    def _commitments(self, sent: Span, numbers: list[Span]) -> list[_Commitment]:
        doc, texts = sent.doc, doc_view(sent.doc).texts
        nouns = [
            doc[i] for i in range(sent.start, sent.end)
            if texts[i] not in _NEEDS_NUMBER and personnel_noun(texts[i])
        ]
        by_noun: dict[int, _Commitment] = {}
        for num in numbers:
            before = _word_before(num)
            if before is not None and before.lower_ in _SHARE_OPENERS and num is not numbers[0]:
                continue  # "120 Personen, darunter acht Piloten": a part of the figure before
            after = _noun_after(num)
            if after is not None and after.text in _PARTITIVE:
                after = _genitive_noun(after)  # "80 Angehörige der Spezialkräfte"
            if after is not None:
                personnel = personnel_noun(after.text, counted=True)
                if personnel is None or after.text in _UNIT_NOUNS or _multinational(after):
                    continue
                noun = after
            else:
                before = _word_before(num)
                word = before.lower_ if before is not None else ""
                follows = num.doc[num.end] if num.end < len(num.doc) else None
                capped = word == "bei" and clause_text([num[0]]) in _CAPS  # "dessen Obergrenze bei 700 liegt"
                if not (follows is not None and _moves(follows)) and word not in ("um", "auf", "von") and not capped:
                    continue  # a bare number counts only as "um N", "auf N", "von N", "N abgezogen", a cap
                earlier = [t for t in nouns if t.i < num.start and clause_of(t) == clause_of(num[0])]
                if not earlier:
                    earlier = [t for t in nouns if t.i < num.start] or _counted_before(sent)
                if not earlier:
                    continue
                noun = earlier[-1]
                personnel = personnel_noun(noun.text)
            clause = clause_at(doc, num.start)
            if no_deployment(num, clause, noun.i):
                continue
            if after is None and capped:
                by_noun[-num.start - 1] = _Commitment(noun, personnel, [num], cap=True)
                continue
            by_noun.setdefault(noun.i, _Commitment(noun, personnel)).numbers.append(num)
        # "um rund 560 auf dann 4.600 Soldaten": numbers before the noun join its commitment
        merged: list[_Commitment] = []
        for c in sorted(by_noun.values(), key=lambda c: (c.noun.i, c.cap)):
            target = None if c.cap else next(
                (m for m in merged
                 if not m.cap and m.personnel == c.personnel and clause_of(m.noun) == clause_of(c.noun)
                 and not _coordinated(m, c)),
                None,
            )
            if target is None:
                merged.append(c)
            else:
                target.numbers.extend(c.numbers)
                target.noun = c.noun
        return merged

    def _record(self, sent: Span, c: _Commitment, last_sender: str | None, where: Span) -> Span:
        doc = sent.doc
        clause = clause_text([c.noun, *(n[0] for n in c.numbers)])
        change = total = start_value = None
        approx = ceiling = holding = False
        for num in sorted(c.numbers, key=lambda n: n.start):
            m = num._.number
            value = int(m.value)
            approx = approx or (m.approx and m.qualifier != "bis zu")
            ceiling = ceiling or m.qualifier == "bis zu"
            before = _word_before(num)
            word = before.lower_ if before is not None else ""
            after = doc[num.end] if num.end < len(doc) else None
            verb = clause_at(doc, num.start).verb
            if word == "um":
                change = value
            elif word == "auf":
                total = value
            elif word == "von" and any(n.start > num.start for n in c.numbers):
                start_value = value
            elif word in _STILL or verb in _HOLDING or verb in _RELOCATING or clause in _REMAINING or (
                c.noun.i + 1 < len(doc) and doc[c.noun.i + 1].lower_ in _STRENGTH_ADJECTIVES  # "1500 Mann starkes Kontingent"
            ):
                # "der noch rund 2500 Soldaten", "sollen 200 Soldaten die Stellung halten",
                # "90 weitere Soldaten sind weiterhin ... stationiert" (the others, who stay),
                # "die 300 Soldaten ziehen auf einen anderen Stützpunkt um" (the force moves whole)
                total, holding = value, True
            elif word in _ADDITIONAL or (after is not None and (after.lower_ in _ADDITIONAL or _moves(after))):
                change = value  # "weitere 217", "300 mehr", "bis zu 200 zusätzliche", "rund 1000 abgezogen"
            elif m.qualifier == "bis zu":
                change = total = value  # a ceiling: what may be sent is the strength
            elif word in _STRENGTH or clause in _TOTALS or clause not in _MOVES:
                total = value  # "mit 1200 Soldaten im Einsatz", "derzeit 5000 Soldaten"
            else:
                change = value
        part = _part_of(c.numbers)
        if part is not None:  # "den Abzug von 1500 der 5100 Soldaten": a part moves, the whole stays told
            (change, total), start_value = part, None
        # "von 5200 auf 3000", "verdoppelt auf 300": a change the text does not state is not computed
        if change is not None and change > 0 and start_value is None and clause in _DECREASE:
            change = -change
        status = _status(clause, sent.text, ceiling, stated=change is None and (holding or clause not in _MOVES))
        first = min(n.start for n in c.numbers)
        start = min(first, c.noun.i)
        end = max(max(n.end for n in c.numbers), c.noun.i + 1)
        span = Span(doc, start, end, label="TROOPS")
        sender, actor = sender_state(sent, c.noun, c.numbers)
        own = _glued_prefix_state(c.noun) or _adjective_state(c)
        subject = clause_subject_state(doc, clause_at(doc, c.noun.i))  # the sending verb's subject
        grouped = _alliance_subject(doc, clause_at(doc, c.noun.i))
        if own or subject:
            sender = own or subject  # "Wellington · ... will Australien 300 Soldaten schicken"
        if grouped and not own:
            sender = None  # "US-Verbündete schicken 1500 Soldaten": whose allies, not who sends
        if sender is None and not grouped:
            # named before: a sentence opening with a state, the sender of the figure just
            # told of ("Dafür sollen zusätzlich 100 Ausbilder geschickt werden"), any state
            earlier = previous_sentences(sent)
            sender = (
                next((iso for prev in earlier if (iso := subject_state(prev))), None)
                or last_sender
                or next((iso for prev in earlier if (iso := sender_state(prev)[0])), None)
            )
        span._.event = {
            "country": sender,
            "actor": actor,
            "personnel": c.personnel,
            "change": change,
            "total": total,
            "approx": approx,
            "destination": [iso for iso in destinations(where) if iso != sender],
            "status": status,
        }
        return span


def _adjective_state(c: _Commitment) -> str | None:
    """The state of the noun's own adjective or prefix: "830 kanadische Soldaten"."""
    doc = c.noun.doc
    first = min([n.start for n in c.numbers if n.start < c.noun.i] or [c.noun.i])
    return next((iso for k in range(c.noun.i, first - 1, -1) if (iso := token_state(doc[k]))), None)


def _moves(token: Token) -> bool:
    """A verb that sends, adds or withdraws, right after a number."""
    return token.is_lower and token.text in _MOVES


def _glued_prefix_state(noun: Token) -> str | None:
    """"Bundeswehrsoldaten": the state of a compound written without a hyphen."""
    lower = noun.text.lower()
    for suffix in _COMPOUND_HEADS:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return prefix_state(noun.text[: len(noun.text) - len(suffix)])
    return None


def _status(clause: str, sentence: str, ceiling: bool, stated: bool) -> str:
    """Cue words decide; without them a strength in the present is current, a move announced."""
    for text in (clause, sentence):
        if text in _ANNOUNCED:
            return "announced"
        if text in _PLANNED:
            return "planned"
        if text in _CURRENT:
            return "current"
    if ceiling:
        return "planned"
    return "current" if stated else "announced"


@Language.factory("coalition_troops")
def make_troops(nlp: Language, name: str) -> Troops:
    return Troops()

"""The roles in a clause: prepositional phrases, subject and objects, read by rules or off a
dependency parse; subjects a clause leaves out, taken from the clause before."""
from __future__ import annotations

from spacy.tokens import Doc

from . import words as cw
from .models import Clause, Phrase

_NO_SUBJECT_OPENERS = cw.ADVERBS | cw.PREPOSITIONS  # a Vorfeld they open is no subject
_ONLY_DATIVE = cw.DATIVE - cw.NOMINATIVE  # "dem", "einem": no subject starts there


def phrases(view, c: Clause) -> list[Phrase]:
    out = []
    lowers, texts = view.lowers, view.texts
    for k in range(c.start, c.end - 1):
        low = lowers[k]
        if c.kind == "relative" and k == c.start and lowers[k + 1] in cw.RELATIVES:
            continue  # ", nach dem der Golfstaat ...": the pronoun is the phrase, no noun follows it
        if low == "in":
            nxt = lowers[k + 1]
            role = "direction" if nxt in ("den", "die", "das", "einen", "eine") else "place"
        elif low in cw.ROLES:
            role = cw.ROLES[low]
        else:
            continue
        if c.passive and low in ("von", "vom", "durch"):
            role = "agent"
        head = k + 1
        while head < c.end and (texts[head][:1].islower() or texts[head][:1].isdigit()) and texts[head] not in cw.BREAKS:
            head += 1
        if head >= c.end or texts[head] in cw.BREAKS or not texts[head][:1].isalnum():
            continue  # "teilte ... mit.": a particle that closes the clause, no phrase
        if lowers[head] in cw.TIME_WORDS:
            role = "time"  # "am Montag", "für Mai"
        end = head + 1
        while end < min(c.end, head + cw.MAX_NAME) and texts[end][:1].isupper() and lowers[end] not in cw.DETERMINERS:
            end += 1
        out.append(Phrase(role, k, k + 1, end))
    return out


def subject(view, c: Clause) -> tuple[int, int] | None:
    """Main clause: the Vorfeld when it is a noun phrase, else the first noun phrase after
    the finite verb that no preposition governs (also after a fronted participle: "Geplant sind
    500 Millionen"); subordinate clause: the first after its conjunction."""
    if c.finite is None or c.kind in ("bracket", "infinitive"):
        return None
    lowers, texts = view.lowers, view.texts
    in_phrase = {i for p in c.phrases for i in range(p.prep, p.end)}
    first = c.start
    while first < c.finite and (
        texts[first] in cw.BREAKS or lowers[first] in cw.COORDINATORS or texts[first][:-1].isdigit() and texts[first][-1:] == "."
    ):
        first += 1  # a list item's number ("5. Bundesregierung sagt ...") opens no subject
    fronted = first == c.finite - 1 and (found := cw.verb_of(lowers[first])) is not None and found[1] == "part"
    if c.kind == "main" and first < c.finite and first not in in_phrase and lowers[first] not in _NO_SUBJECT_OPENERS and not fronted:
        counted = cw.is_count(lowers[first])
        if counted and not _plural(lowers[c.finite]):
            pass  # "90 Millionen Dollar stellt der Staat bereit": a count agrees with no singular verb
        elif texts[first][:1].isupper() or counted or lowers[first] in cw.NOMINATIVE or lowers[first] in cw.PRONOUNS:
            return first, c.finite
    search = range(c.finite + 1, c.end) if c.kind == "main" else range(first + 1, c.finite)
    for k in search:
        if k in in_phrase or texts[k] in cw.BREAKS or lowers[k] in _ONLY_DATIVE:
            continue
        if lowers[k] in cw.PRONOUNS:
            return k, k + 1
        if lowers[k] in cw.NOMINATIVE or texts[k][:1].isupper():
            end = k + 1
            while end < c.end and end not in in_phrase and texts[end] not in cw.BREAKS and not cw.is_verbal(view, end) and (
                texts[end][:1].isupper() or texts[end - 1][:1].islower()
            ) and not (texts[end - 1].isupper() and len(texts[end - 1]) > 1):  # "die USA | Soldaten"
                end += 1
            return k, end
    return None


def _plural(finite: str) -> bool:
    """A finite verb of the plural: "stellen", "gaben", "sind" (the singular ends otherwise)."""
    return finite.endswith("n") or finite == "sind"


def objects(view, c: Clause) -> dict[str, tuple[int, int]]:
    """Noun phrases after the finite verb that no preposition governs, by the case their
    determiner marks: "dem Irak" dative, "den Kredit" accusative; after the subject, an
    ambiguous "die", "das", "eine" is the accusative."""
    if c.finite is None:
        return {}
    lowers, texts = view.lowers, view.texts
    in_phrase = {i for p in c.phrases for i in range(p.prep, p.end)}
    taken = set(range(*c.subject)) if c.subject else set()
    found: dict[str, tuple[int, int]] = {}
    k = c.finite + 1
    while k < c.end:
        low = lowers[k]
        if k in in_phrase or k in taken or low not in cw.DETERMINERS:
            k += 1
            continue
        end = k + 1
        while end < c.end and end not in in_phrase and texts[end] not in cw.BREAKS and not texts[end - 1][:1].isupper():
            end += 1
        case = "dative" if low in cw.DATIVE_ONLY else "accusative" if low in cw.ACCUSATIVE else None
        if case and case not in found:
            found[case] = (k, end)
        k = end
    return found


def from_parse(doc: Doc, c: Clause, own: list[int]) -> None:
    """With a dependency parser (TIGER labels of spaCy's German models: sb subject, oa and
    da objects, svp a separable particle) the parse decides; the rules fill what it lacks."""
    def phrase(k: int) -> tuple[int, int]:
        token = doc[k]
        return max(token.left_edge.i, c.start), min(token.right_edge.i + 1, c.end)

    for k in own:
        dep = doc[k].dep_
        if dep == "sb":
            c.subject = phrase(k)
        elif dep in ("da", "oa"):
            c.objects["dative" if dep == "da" else "accusative"] = phrase(k)
        elif dep == "svp" and c.finite is not None and doc[k].head.i == c.finite:
            joined = doc[k].lower_ + (cw.verb_of(doc[c.finite].lower_) or ("", ""))[0]
            if cw.verb_of(joined):
                c.verb = joined


def inherit_subjects(clauses: list[Clause], view) -> None:
    """A clause without a subject of its own takes one from before: "... und schickten 500
    Soldaten" the clause it is coordinated with; "Die Minister, die ..., sagten ... zu" (a
    main clause a relative clause interrupts) and that relative clause the noun phrase before."""
    opening: Clause | None = None  # the last main clause without a verb, in this sentence
    for before, clause in zip([None, *clauses], clauses):
        if before is None or view.sent_of[before.start] != view.sent_of[clause.start]:
            opening = None
        elif clause.kind == "main" and view.lowers[clause.start] in cw.COORDINATORS and clause.finite == clause.start + 1:
            clause.subject = before.subject  # "und schickten ...": the subject is left out
        elif clause.kind == "main" and clause.finite == clause.start and opening:
            clause.subject = _trimmed(view, opening)
        elif clause.kind == "relative" and view.lowers[clause.start] in cw.NOMINATIVE and opening:
            clause.subject = _trimmed(view, opening)
        if clause.kind == "main" and clause.finite is None:
            opening = clause


def _trimmed(view, clause: Clause) -> tuple[int, int]:
    end = clause.end
    while end > clause.start and view.texts[end - 1] in cw.BREAKS:
        end -= 1
    return clause.start, end

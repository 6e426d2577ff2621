"""One analysis of German sentences that every later component reads: clauses, their verb
complex (finite verb, separable particle rejoined, auxiliaries and modals), tense, mood,
modality, negation and voice, the subject and the prepositional phrases with their roles.

Rules after the topological field model: a main clause has its finite verb second, a
subordinate clause last; a comma opens a clause only where a verb follows (else it lists or
appends). Word classes come from data: closed classes in ``clauses.json``, verb forms from
``verb_forms.tsv`` (the German lemma table). A sentence is analysed once, when first asked about.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc

from ..components.view import doc_view, quoted_tokens
from . import roles
from . import words as cw
from .models import Clause
from .words import clause_tense


class Analysis:
    """The clauses of a doc and, per token, the clause it stands in. A sentence is analysed
    when a component first asks about it: most sentences hold nothing any component reads."""

    def __init__(self, doc: Doc):
        self.view = doc_view(doc)
        self.quoted = quoted_tokens(doc)
        self._sents: list[list[Clause] | None] = [None] * len(self.view.sent_bounds)
        self._number: list[int] = [0] * len(doc)  # per token: its clause's place in its sentence

    def sentence(self, n: int) -> list[Clause]:
        """The clauses of sentence ``n``, in text order (brackets after the clause around them)."""
        clauses = self._sents[n]
        if clauses is None:
            view = self.view
            clauses = self._sents[n] = _segment(view, *view.sent_bounds[n])
            for clause in clauses:
                clause.quoted = clause.start in self.quoted or clause.end - 1 in self.quoted
                _analyse(view, clause)
            roles.inherit_subjects(clauses, view)
            for k, clause in enumerate(clauses):
                self._number[clause.start : clause.end] = [k] * (clause.end - clause.start)
        return clauses

    @property
    def clauses(self) -> list[Clause]:
        """All clauses of the doc, every sentence analysed."""
        return [c for n in range(len(self._sents)) for c in self.sentence(n)]

    def number(self, i: int) -> tuple[int, int]:
        """Which clause token ``i`` stands in: (sentence, place in it), ordered as the text."""
        n = self.view.sent_of[i]
        self.sentence(n)
        return n, self._number[i]

    def at(self, i: int) -> Clause:
        n, k = self.number(i)
        return self.sentence(n)[k]

    def before(self, clause: Clause, sentences: int) -> Iterator[Clause]:
        """The clauses before ``clause``, nearest first, back to ``sentences`` sentences before its own."""
        n = self.view.sent_of[clause.start]
        own = self.sentence(n)
        yield from reversed(own[: next(k for k, c in enumerate(own) if c is clause)])  # not number(): a bracket may open it
        for m in range(n - 1, max(n - sentences, 0) - 1, -1):
            yield from reversed(self.sentence(m))


def analysis(doc: Doc) -> Analysis:
    """The doc's analysis (sentences analysed on demand), whether or not the component ran."""
    found = doc.user_data.get("coalition_clauses")
    if found is None or len(found._number) != len(doc):
        found = doc.user_data["coalition_clauses"] = Analysis(doc)
    return found


def clause_at(doc: Doc, i: int) -> Clause:
    return analysis(doc).at(i)


# -- segmentation --------------------------------------------------------------


def _second_verb(view, k: int, end: int) -> bool:
    """A finite verb in second place with more to follow ("und schickten weitere
    Soldaten"), not the close of a verb cluster ("und Kuwait verlegt worden")."""
    return cw.is_finite(view, k) and k + 1 < end and view.texts[k + 1].isalnum() and not cw.is_verbal(view, k + 1)


def _segment(view, start: int, end: int) -> list[Clause]:
    """Cut a sentence at breaks that open a clause, at brackets, and before a coordinator
    followed by a finite verb; a piece with no verb joins the clause before it."""
    pieces: list[tuple[int, int, str]] = []
    nested: list[Clause] = []  # brackets: clauses of their own inside the one around them
    i, begin = start, start
    while i < end:
        text = view.texts[i]
        if text in cw.BRACKETS:
            close = next((j for j in range(i + 1, end) if view.texts[j] == cw.BRACKETS[text]), end - 1)
            nested.append(Clause(i, close + 1, "bracket"))
            i = close + 1
            continue
        if text in cw.BREAKS and i + 1 < end:
            pieces.append((begin, i + 1, ""))
            begin = i + 1
        elif (
            view.lowers[i] in cw.COORDINATORS and i > begin
            and any(_second_verb(view, k, end) for k in range(i + 1, min(end, i + 3)))
            and any(cw.is_finite(view, k) for k in range(begin, i))
        ):
            pieces.append((begin, i, ""))
            begin = i
        i += 1
    if begin < end:
        pieces.append((begin, end, ""))
    clauses: list[Clause] = []
    for s, e, kind in pieces:
        kind = kind or _kind(view, s, e)
        inside = [(b.start, b.end) for b in nested]
        own = [k for k in range(s, e) if not any(a <= k < b for a, b in inside)]
        joins = kind == "main" and clauses and (
            not any(cw.is_verbal(view, k) for k in own)
            or _closes(view, clauses[-1], own)  # "werden ... für Straßen, Brücken und Leitungen bereitgestellt"
        )
        host = clauses[-1] if joins else None
        if host is not None:
            host.gaps.append((s, e))
            host.end = e  # appositions, lists after the verb
        elif kind == "main" and clauses and clauses[-1].kind == "main" and clauses[-1].start == start and view.texts[s - 1] not in cw.LABEL_MARKS and not any(
            cw.is_verbal(view, k) for k in range(clauses[-1].start, clauses[-1].end) if not any(a <= k < b for a, b in inside)
        ):
            clauses[-1].end = e  # "Deutschland, Frankreich und Italien wollen"
        else:
            clauses.append(Clause(s, e, kind))
    for bracket in nested:
        host = next((c for c in clauses if c.start <= bracket.start < c.end), None)
        if host is not None:
            host.brackets.append((bracket.start, bracket.end))
    return clauses + nested


def _closes(view, host: Clause, own: list[int]) -> bool:
    """A piece that ends in a participle or infinitive, with no finite verb, closes the main
    clause before when that clause has an auxiliary or modal waiting for it."""
    kinds = cw.verb_kinds(view)
    words = [k for k in own if view.texts[k].isalpha()]
    return (
        host.kind == "main" and words and kinds[words[-1]] in ("part", "inf")
        and (len(words) == 1 or kinds[words[0]] is None)  # "..., Le Drian und Carter, zusammengekommen."
        and not any(cw.is_finite(view, k) for k in own)
        and any(kinds[k] == "aux" for k in range(host.start, host.end))
        and not any(kinds[k] in ("part", "inf") for k in range(host.start, host.end))
    )


def _kind(view, start: int, end: int) -> str:
    first = next((k for k in range(start, end) if view.texts[k] not in cw.BREAKS), start)
    while first + 1 < end and view.lowers[first] in cw.ADVERBS and view.lowers[first + 1] in cw.SUBORDINATORS:
        first += 1  # "auch wenn", "erst nachdem"
    low = view.lowers[first]
    if low in cw.SUBORDINATORS:
        return "sub"
    last = next((k for k in range(end - 1, first, -1) if view.texts[k].isalpha()), first)
    infinitive = not any(cw.is_finite(view, k) for k in range(start, end)) and any(
        _zu_verb(view, k) or cw.zu_infinitive(view.lowers[k]) for k in range(start, end)
    )
    if infinitive and low in cw.DETERMINERS:
        return "infinitive"  # "..., die Rechnung zu übernehmen": an article, not a relative pronoun
    if (
        start > 0 and view.texts[start - 1] == "," and low in cw.PREPOSITIONS and low != "in" and first + 1 < end
        and view.lowers[first + 1] in cw.RELATIVES and cw.is_finite(view, last)
    ):
        return "relative"  # ", nach dem der Golfstaat ... zur Verfügung stellt"; not ", in der gesamten Region ... hat"
    if low in cw.RELATIVES and start > 0 and view.texts[start - 1] == "," and first + 1 < end and (
        not view.texts[first + 1][:1].isupper() or cw.is_verbal(view, last)
    ):
        return "relative"  # ", die am Montag ...", ", dem Japan Hilfe zusagte" -- not ", die Minister sagten ..."
    if low in cw.INFINITIVE_OPENERS or infinitive:
        return "infinitive"
    return "main"


def _zu_verb(view, k: int) -> bool:
    """"zu" before a verb ("zu beraten"), not the preposition ("zu Beginn", "zu einem Treffen")."""
    return view.lowers[k] == "zu" and k + 1 < len(view.texts) and cw.is_verbal(view, k + 1)


# -- one clause ----------------------------------------------------------------


def _analyse(view, c: Clause) -> None:
    lowers = view.lowers
    own = c.tokens()
    words = [lowers[k] for k in own]
    finite = [k for k in own if cw.is_finite(view, k)]
    plural = [k for k in own if cw.verb_kinds(view)[k] == "inf"]
    if finite:
        c.finite = finite[-1] if c.kind in ("sub", "relative") else finite[0]
    elif plural and c.kind in ("main", "sub", "relative"):
        # "Die Minister beraten", "..., dass sie sich treffen": the plural present is the infinitive
        c.finite = plural[-1] if c.kind != "main" else plural[0]
    opening = view.sent_start(c.start)
    c.tense = clause_tense([  # nouns are no verb forms: "Auf dem Programm standen Treffen"
        lowers[k] if k == opening or not view.texts[k][:1].isupper() else "" for k in own
        if not cw.attributive(view, k)
    ])
    c.negated = not cw.NEGATIONS.isdisjoint(words)
    kinds = [cw.AUXILIARIES.get(w) or (found[1] if (found := cw.verb_of(w)) else None) for w in words]
    bracket = _right_bracket(view, c, own)
    c.passive = not cw.PASSIVE.isdisjoint(words) and bracket is not None and (
        "worden" in words or cw.verb_kinds(view)[bracket] in ("part", "pres")
    )  # "wird ... verlängert": a participle after werden; "wird ... stattfinden" is the future
    if c.passive and c.tense == "future":
        c.tense = "present"
    if c.finite is not None and (lowers[c.finite] in cw.SUBJUNCTIVE or kinds[own.index(c.finite)] == "subj"):
        c.mood = "subjunctive"  # "Deutschland werde ... schicken", "man sei bereit"
    if "cond" in kinds:
        c.mood = "conditional"
    c.modality = next((cw.MODALS[w] for w in words if w in cw.MODALS), None)
    c.verb = _full_verb(view, c, bracket)
    if c.modality is None and (c.verb in cw.PLAN_VERBS or not cw.PLAN_PARTICIPLES.isdisjoint(words)):
        c.modality = "planen"
    c.phrases = roles.phrases(view, c)
    c.subject = roles.subject(view, c)
    c.objects = roles.objects(view, c)
    if view.doc.has_annotation("DEP"):
        roles.from_parse(view.doc, c, own)


def _right_bracket(view, c: Clause, own: list[int]) -> int | None:
    """The verb that closes the clause after an auxiliary or modal: "hat ... zugesagt",
    "wird ... verlängert", "sind ... verlegt worden" (the auxiliaries at the end passed over);
    before a gapped clause if it closes there ("will ... helfen, Katar mit 60 Millionen")."""
    if c.finite is None:
        return None
    finite = view.lowers[c.finite]
    if c.kind == "main" and finite not in cw.AUXILIARIES and finite not in cw.MODALS:
        return None
    own_end = c.gaps[0][0] if c.gaps else c.end
    closing = _closing(view, c, [k for k in own if k < own_end]) or _closing(view, c, own)
    if closing is None and c.finite > c.start:
        # "Geplant sind 500 Millionen ...", "Zugesagt wurden ...": a participle fronted before the auxiliary
        found = cw.verb_of(view.lowers[c.finite - 1])
        if found and found[1] == "part" and finite in cw.AUXILIARIES:
            return c.finite - 1
    return closing


def _closing(view, c: Clause, own: list[int]) -> int | None:
    closing = True  # still at the clause's end, where "sein" is the infinitive ("ausgelegt sein"), no possessive
    for k in reversed(own):
        if k == c.finite or not view.texts[k].isalpha():
            continue
        low = view.lowers[k]
        if low in cw.PASSIVE or low in cw.AUXILIARIES or low in cw.MODALS or (closing and low == "sein"):
            closing = False
            continue
        closing = False
        return k if view.texts[k][:1].islower() and (cw.verb_of(low) or cw.zu_infinitive(low)) else None
    return None


def _full_verb(view, c: Clause, bracket: int | None) -> str | None:
    """The lexical verb's lemma: the one closing the clause after an auxiliary, else the
    finite verb with a closing particle rejoined ("sagte ... zu")."""
    lowers = view.lowers
    if bracket is not None:
        low = lowers[bracket]
        return cw.zu_infinitive(low) or cw.verb_of(low)[0]
    if c.finite is None:
        last = next((k for k in range(c.end - 1, c.start - 1, -1) if view.texts[k].isalpha()), None)
        if last is not None and (cw.zu_infinitive(lowers[last]) or cw.verb_of(lowers[last])):
            return cw.zu_infinitive(lowers[last]) or cw.verb_of(lowers[last])[0]  # an infinitive clause
        return None
    low = lowers[c.finite]
    if low in cw.AUXILIARIES or low in cw.MODALS:
        return None
    lemma = (cw.verb_of(low) or (low, ""))[0]
    own_end = next((s for s, _ in c.gaps if s > c.finite), c.end)  # a gap before the verb is an insertion
    # the particle closes the clause's own words, or the clause after an apposition
    # ("traf mit dem Präsidenten, Nechirvan Barzani, zusammen")
    for end in dict.fromkeys((own_end, c.end)):
        k = next((k for k in range(end - 1, c.finite, -1) if view.texts[k].isalpha()), None)
        if k is None or lowers[k] not in cw.PARTICLES or c.kind != "main":
            continue
        if lowers[k] in cw.CLOSING_PARTICLES and any(view.texts[j][:1].isalnum() for j in range(k + 1, end)):
            continue  # "stieg um 30": a preposition before a number
        if cw.verb_of(lowers[k] + lemma):
            return lowers[k] + lemma
    return lemma

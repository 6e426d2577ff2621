"""One analysis of German sentences that every later component reads: clauses, their verb
complex (finite verb, separable particle rejoined, auxiliaries and modals), tense, mood,
modality, negation and voice, the subject and the prepositional phrases with their roles.

Rules after the topological field model: a main clause has its finite verb second, a
subordinate clause last; a comma opens a clause only where a verb follows (else it lists or
appends). Word classes come from data: closed classes in ``clauses.json``, verb forms from
``verb_forms.tsv`` (the German lemma table). Computed once per document.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import get_lexicon, load_json
from .view import doc_view, quoted_tokens

_D = load_json("clauses.json")
_T = load_json("tense.json")
_BREAKS = frozenset(_D["breaks"])
_BRACKETS: dict[str, str] = _D["brackets"]
_LABEL_MARKS = frozenset(_D["label_marks"])  # "Wellington ·", "Besuch aus Bagdad:": a label, no subject
_SUBORDINATORS = frozenset(_D["subordinators"])
_RELATIVES = frozenset(_D["relative_pronouns"])
_INFINITIVE_OPENERS = frozenset(_D["infinitive_openers"])
_COORDINATORS = frozenset(_D["coordinators"])
_PARTICLES = frozenset(_D["separable_particles"])
_NEGATIONS = frozenset(_D["negations"])
_MODALS: dict[str, str] = _D["modals"]
_PLAN_VERBS = frozenset(_D["plan_verbs"])
_PLAN_PARTICIPLES = frozenset(_D["plan_participles"])
_PASSIVE = frozenset(_D["passive_auxiliaries"])
_ROLES: dict[str, str] = _D["preposition_roles"]
_DATIVE = frozenset(_D["dative_determiners"])
_DATIVE_ONLY = frozenset(_D["dative_only_determiners"])
_ACCUSATIVE = frozenset(_D["accusative_determiners"])
_NOMINATIVE = frozenset(_D["nominative_determiners"])
_DETERMINERS = frozenset(_D["determiners"])
_ADVERBS = frozenset(_D["adverbs"])
_AUXILIARIES: dict[str, str] = _T["auxiliaries"]
_PERFECT = frozenset(_T["perfect_auxiliaries"])
_ANNOUNCE = frozenset(_T["future_over_past"])
_FINITE = frozenset({"pres", "past", "subj"})
_WERDEN = frozenset(_D["future_auxiliaries"])
_PRONOUNS = frozenset(_D["personal_pronouns"])
_SUBJUNCTIVE = frozenset(_D["subjunctive_auxiliaries"])
_DATES = load_json("dates.json")
_FUNCTION_WORDS = frozenset().union(
    _D["determiners"], _D["relative_pronouns"], _D["subordinators"], _D["coordinators"], _D["personal_pronouns"],
    _D["negations"], _D["preposition_roles"], _D["adverbs"], ["in", "zu", "um", "ohne"],
)
_TIME_WORDS = frozenset(w.lower() for w in (*_DATES["weekdays"], *_DATES["months"]))
_MAX_NAME = 4  # "Frank-Walter Steinmeier", "Sabah al-Ahmad al-Sabah": tokens of a head after a preposition


@dataclass
class Phrase:
    """A prepositional phrase: its role ("place", "direction", "source", "recipient",
    "partner", "opponent", "topic", "time", "agent") and the noun phrase after the preposition."""

    role: str
    prep: int
    start: int
    end: int


@dataclass
class Clause:
    start: int
    end: int
    kind: str  # "main", "sub", "relative", "infinitive", "bracket"
    quoted: bool = False
    finite: int | None = None
    verb: str | None = None  # lemma of the full verb, particle rejoined: "zusagen"
    tense: str | None = None  # "present", "past", "future", "subj"
    mood: str = "indicative"  # "subjunctive" (Konjunktiv I), "conditional" (Konjunktiv II)
    modality: str | None = None  # "wollen", "sollen", ..., or a plan verb: "planen"
    negated: bool = False
    passive: bool = False
    subject: tuple[int, int] | None = None
    objects: dict[str, tuple[int, int]] = field(default_factory=dict)  # "dative", "accusative"
    phrases: list[Phrase] = field(default_factory=list)
    # Verbless pieces after a comma that share this clause's verb: a list or an apposition,
    # or a gapped clause with a subject of its own (", Katar 100 Millionen Dollar").
    gaps: list[tuple[int, int]] = field(default_factory=list)
    brackets: list[tuple[int, int]] = field(default_factory=list)  # clauses of their own inside this one

    def tokens(self) -> list[int]:
        """Its own tokens: those of brackets inside it left out."""
        return [k for k in range(self.start, self.end) if not any(s <= k < e for s, e in self.brackets)]

    def __contains__(self, i: int) -> bool:
        return self.start <= i < self.end

    def role_at(self, i: int) -> str | None:
        """The role of the phrase token ``i`` stands in: "subject" or a phrase role."""
        if self.subject and self.subject[0] <= i < self.subject[1]:
            return "subject"
        return next((p.role for p in self.phrases if p.start <= i < p.end or p.prep == i), None)

    def phrases_of(self, role: str) -> list[Phrase]:
        return [p for p in self.phrases if p.role == role]


def clause_tense(words: list[str]) -> str | None:
    """The tense of a clause from its finite verbs: "future" (werden, modals of intent, an
    announcement), "past" (Präteritum, or Perfekt: haben/sein with a participle, "beraten"
    being both participle and infinitive), "present", "subj" (Konjunktiv I only), or None
    where no finite verb is known."""
    kinds = {
        _AUXILIARIES.get(w) or (found[1] if (found := _verb(w)) else None)
        for before, w in zip(["", *words], words) if before not in _DETERMINERS  # "der deutschen": an adjective
    }
    if not _WERDEN.isdisjoint(words) and "part" in kinds and "inf" not in kinds and _MODALS.keys().isdisjoint(words):
        kinds = (kinds - {"future", "part"}) | {"pres"}  # "wird ... bereitgestellt": a passive, not the future
    if "future" in kinds or not _ANNOUNCE.isdisjoint(words):
        return "future"
    if "past" in kinds or kinds & {"part", "inf"} and not _PERFECT.isdisjoint(words):
        return "past"
    if "pres" in kinds or "inf" in kinds and "subj" not in kinds:
        return "present"
    return "subj" if "subj" in kinds else None


class Analysis:
    """The clauses of a doc and, per token, the clause it stands in."""

    def __init__(self, doc: Doc):
        self.clauses: list[Clause] = []
        view = doc_view(doc)
        quoted = quoted_tokens(doc)
        for start, end in view.sent_bounds:
            for clause in _segment(view, start, end):
                clause.quoted = clause.start in quoted or clause.end - 1 in quoted
                _analyse(view, clause)
                self.clauses.append(clause)
        _inherit_subjects(self.clauses, view)
        self.index = [0] * len(doc)
        for n, clause in enumerate(self.clauses):
            self.index[clause.start : clause.end] = [n] * (clause.end - clause.start)

    def at(self, i: int) -> Clause:
        return self.clauses[self.index[i]]


def analysis(doc: Doc) -> Analysis:
    """The doc's analysis; computed on first use if the component did not run."""
    found = doc.user_data.get("coalition_clauses")
    if found is None or len(found.index) != len(doc):
        found = doc.user_data["coalition_clauses"] = Analysis(doc)
    return found


def clause_at(doc: Doc, i: int) -> Clause:
    return analysis(doc).at(i)


# -- segmentation --------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def _verb(form: str) -> tuple[str, str] | None:
    """(lemma, tense) of a lower-case word, looked up once per distinct word; function words,
    a closed class, are never verbs ("eine" is no form of "einen")."""
    return None if form in _FUNCTION_WORDS else get_lexicon().verb(form)


def _kinds(view) -> list[str | None]:
    """Per token, read once per doc: "aux" for an auxiliary or modal, a verb form's tense, or
    None (capitalised words are nouns: "Treffen")."""
    kinds = getattr(view, "verb_kinds", None)
    if kinds is None:
        kinds = view.verb_kinds = [
            None if not text[:1].islower() or before in _DETERMINERS  # "der deutschen Kanzlerin": an adjective
            else "aux" if low in _AUXILIARIES else (found[1] if (found := _verb(low)) else None)
            for text, low, before in zip(view.texts, view.lowers, ["", *view.lowers])
        ]
    return kinds


def _verbal(view, i: int) -> bool:
    """A verb form or auxiliary."""
    return _kinds(view)[i] is not None


def _finite_at(view, i: int) -> bool:
    kind = _kinds(view)[i]
    return kind == "aux" or kind in _FINITE


def _second_verb(view, k: int, end: int) -> bool:
    """A finite verb in second place with more to follow ("und schickten weitere
    Soldaten"), not the close of a verb cluster ("und Kuwait verlegt worden")."""
    return _finite_at(view, k) and k + 1 < end and view.texts[k + 1].isalnum() and not _verbal(view, k + 1)


def _segment(view, start: int, end: int) -> list[Clause]:
    """Cut a sentence at breaks that open a clause, at brackets, and before a coordinator
    followed by a finite verb; a piece with no verb joins the clause before it."""
    pieces: list[tuple[int, int, str]] = []
    nested: list[Clause] = []  # brackets: clauses of their own inside the one around them
    i, begin = start, start
    while i < end:
        text = view.texts[i]
        if text in _BRACKETS:
            close = next((j for j in range(i + 1, end) if view.texts[j] == _BRACKETS[text]), end - 1)
            nested.append(Clause(i, close + 1, "bracket"))
            i = close + 1
            continue
        if text in _BREAKS and i + 1 < end:
            pieces.append((begin, i + 1, ""))
            begin = i + 1
        elif (
            view.lowers[i] in _COORDINATORS and i > begin
            and any(_second_verb(view, k, end) for k in range(i + 1, min(end, i + 3)))
            and any(_finite_at(view, k) for k in range(begin, i))
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
        joins = kind == "main" and clauses and not any(_verbal(view, k) for k in own)
        host = clauses[-1] if joins else None
        if host is not None:
            host.gaps.append((s, e))
            host.end = e  # appositions, lists after the verb
        elif kind == "main" and clauses and clauses[-1].kind == "main" and clauses[-1].start == start and view.texts[s - 1] not in _LABEL_MARKS and not any(
            _verbal(view, k) for k in range(clauses[-1].start, clauses[-1].end) if not any(a <= k < b for a, b in inside)
        ):
            clauses[-1].end = e  # "Deutschland, Frankreich und Italien wollen"
        else:
            clauses.append(Clause(s, e, kind))
    for bracket in nested:
        host = next((c for c in clauses if c.start <= bracket.start < c.end), None)
        if host is not None:
            host.brackets.append((bracket.start, bracket.end))
    return clauses + nested


def _kind(view, start: int, end: int) -> str:
    first = next((k for k in range(start, end) if view.texts[k] not in _BREAKS), start)
    while first + 1 < end and view.lowers[first] in _ADVERBS and view.lowers[first + 1] in _SUBORDINATORS:
        first += 1  # "auch wenn", "erst nachdem"
    low = view.lowers[first]
    if low in _SUBORDINATORS:
        return "sub"
    last = next((k for k in range(end - 1, first, -1) if view.texts[k].isalpha()), first)
    if low in _RELATIVES and start > 0 and view.texts[start - 1] == "," and first + 1 < end and (
        not view.texts[first + 1][:1].isupper() or _verbal(view, last)
    ):
        return "relative"  # ", die am Montag ...", ", dem Japan Hilfe zusagte" -- not ", die Minister sagten ..."
    if low in _INFINITIVE_OPENERS or not any(_finite_at(view, k) for k in range(start, end)) and any(
        w == "zu" or _zu_infinitive(w) for w in view.lowers[start:end]
    ):
        return "infinitive"
    return "main"


# -- one clause ----------------------------------------------------------------


def _analyse(view, c: Clause) -> None:
    lowers = view.lowers
    own = c.tokens()
    words = [lowers[k] for k in own]
    finite = [k for k in own if _finite_at(view, k)]
    plural = [k for k in own if _kinds(view)[k] == "inf"]
    if finite:
        c.finite = finite[-1] if c.kind in ("sub", "relative") else finite[0]
    elif plural and c.kind in ("main", "sub", "relative"):
        # "Die Minister beraten", "..., dass sie sich treffen": the plural present is the infinitive
        c.finite = plural[-1] if c.kind != "main" else plural[0]
    c.tense = clause_tense(words)
    c.negated = not _NEGATIONS.isdisjoint(words)
    kinds = [_AUXILIARIES.get(w) or (found[1] if (found := _verb(w)) else None) for w in words]
    bracket = _right_bracket(view, c, own)
    c.passive = not _PASSIVE.isdisjoint(words) and bracket is not None and (
        "worden" in words or _kinds(view)[bracket] in ("part", "pres")
    )  # "wird ... verlängert": a participle after werden; "wird ... stattfinden" is the future
    if c.passive and c.tense == "future":
        c.tense = "present"
    if c.finite is not None and (lowers[c.finite] in _SUBJUNCTIVE or kinds[own.index(c.finite)] == "subj"):
        c.mood = "subjunctive"  # "Deutschland werde ... schicken", "man sei bereit"
    if "cond" in kinds:
        c.mood = "conditional"
    c.modality = next((_MODALS[w] for w in words if w in _MODALS), None)
    c.verb = _full_verb(view, c, bracket)
    if c.modality is None and (c.verb in _PLAN_VERBS or not _PLAN_PARTICIPLES.isdisjoint(words)):
        c.modality = "planen"
    c.phrases = _phrases(view, c)
    c.subject = _subject(view, c)
    c.objects = _objects(view, c)
    if view.doc.has_annotation("DEP"):
        _from_parse(view.doc, c, own)


def _right_bracket(view, c: Clause, own: list[int]) -> int | None:
    """The verb that closes the clause after an auxiliary or modal: "hat ... zugesagt",
    "wird ... verlängert", "sind ... verlegt worden" (the auxiliaries at the end passed over)."""
    if c.finite is None:
        return None
    finite = view.lowers[c.finite]
    if c.kind == "main" and finite not in _AUXILIARIES and finite not in _MODALS:
        return None
    for k in reversed(own):
        if k == c.finite or not view.texts[k].isalpha():
            continue
        low = view.lowers[k]
        if low in _PASSIVE or low in _AUXILIARIES or low in _MODALS:
            continue
        return k if view.texts[k][:1].islower() and (_verb(low) or _zu_infinitive(low)) else None
    return None


def _zu_infinitive(word: str) -> str | None:
    """"bereitzustellen" -> "bereitstellen"."""
    particle, _, rest = word.partition("zu")
    return particle + rest if particle in _PARTICLES and rest and _verb(particle + rest) else None


def _full_verb(view, c: Clause, bracket: int | None) -> str | None:
    """The lexical verb's lemma: the one closing the clause after an auxiliary, else the
    finite verb with a closing particle rejoined ("sagte ... zu")."""
    lowers = view.lowers
    if bracket is not None:
        low = lowers[bracket]
        return _zu_infinitive(low) or _verb(low)[0]
    if c.finite is None:
        last = next((k for k in range(c.end - 1, c.start - 1, -1) if view.texts[k].isalpha()), None)
        if last is not None and (_zu_infinitive(lowers[last]) or _verb(lowers[last])):
            return _zu_infinitive(lowers[last]) or _verb(lowers[last])[0]  # an infinitive clause
        return None
    low = lowers[c.finite]
    if low in _AUXILIARIES or low in _MODALS:
        return None
    lemma = (_verb(low) or (low, ""))[0]
    own_end = c.gaps[0][0] if c.gaps else c.end
    last = next((k for k in range(own_end - 1, c.finite, -1) if view.texts[k].isalpha()), None)
    if c.kind == "main" and last is not None and lowers[last] in _PARTICLES:
        joined = lowers[last] + lemma
        if _verb(joined):
            return joined
    return lemma


def _phrases(view, c: Clause) -> list[Phrase]:
    out = []
    lowers, texts = view.lowers, view.texts
    for k in range(c.start, c.end - 1):
        low = lowers[k]
        if low == "in":
            nxt = lowers[k + 1]
            role = "direction" if nxt in ("den", "die", "das", "einen", "eine") else "place"
        elif low in _ROLES:
            role = _ROLES[low]
        else:
            continue
        if c.passive and low in ("von", "vom", "durch"):
            role = "agent"
        head = k + 1
        while head < c.end and (texts[head][:1].islower() or texts[head][:1].isdigit()) and texts[head] not in _BREAKS:
            head += 1
        if head >= c.end or texts[head] in _BREAKS:
            continue
        if lowers[head] in _TIME_WORDS:
            role = "time"  # "am Montag", "für Mai"
        end = head + 1
        while end < min(c.end, head + _MAX_NAME) and texts[end][:1].isupper() and lowers[end] not in _DETERMINERS:
            end += 1
        out.append(Phrase(role, k, k + 1, end))
    return out


def _subject(view, c: Clause) -> tuple[int, int] | None:
    """Main clause: the Vorfeld when it is a noun phrase, else the first noun phrase after
    the finite verb that no preposition governs; subordinate clause: the first after its
    conjunction."""
    if c.finite is None or c.kind in ("bracket", "infinitive"):
        return None
    lowers, texts = view.lowers, view.texts
    in_phrase = {i for p in c.phrases for i in range(p.prep, p.end)}
    first = c.start
    while first < c.finite and (texts[first] in _BREAKS or lowers[first] in _COORDINATORS):
        first += 1
    if c.kind == "main" and first < c.finite and first not in in_phrase and lowers[first] not in _ADVERBS:
        if texts[first][:1].isupper() or lowers[first] in _NOMINATIVE or lowers[first] in _PRONOUNS:
            return first, c.finite
    search = range(c.finite + 1, c.end) if c.kind == "main" else range(first + 1, c.finite)
    for k in search:
        if k in in_phrase or texts[k] in _BREAKS or lowers[k] in _DATIVE - _NOMINATIVE:
            continue
        if lowers[k] in _PRONOUNS:
            return k, k + 1
        if lowers[k] in _NOMINATIVE or texts[k][:1].isupper():
            end = k + 1
            while end < c.end and end not in in_phrase and texts[end] not in _BREAKS and not _verbal(view, end) and (
                texts[end][:1].isupper() or texts[end - 1][:1].islower()
            ) and not (texts[end - 1].isupper() and len(texts[end - 1]) > 1):  # "die USA | Soldaten"
                end += 1
            return k, end
    return None


def _objects(view, c: Clause) -> dict[str, tuple[int, int]]:
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
        if k in in_phrase or k in taken or low not in _DETERMINERS:
            k += 1
            continue
        end = k + 1
        while end < c.end and end not in in_phrase and texts[end] not in _BREAKS and not texts[end - 1][:1].isupper():
            end += 1
        case = "dative" if low in _DATIVE_ONLY else "accusative" if low in _ACCUSATIVE else None
        if case and case not in found:
            found[case] = (k, end)
        k = end
    return found


def _from_parse(doc: Doc, c: Clause, own: list[int]) -> None:
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
            joined = doc[k].lower_ + (_verb(doc[c.finite].lower_) or ("", ""))[0]
            if _verb(joined):
                c.verb = joined


def _inherit_subjects(clauses: list[Clause], view) -> None:
    """A clause without a subject of its own takes one from before: "... und schickten 500
    Soldaten" the clause it is coordinated with; "Die Minister, die ..., sagten ... zu" (a
    main clause a relative clause interrupts) and that relative clause the noun phrase before."""
    for n, clause in enumerate(clauses):
        before = clauses[n - 1] if n else None
        if before is None or view.sent_of[before.start] != view.sent_of[clause.start]:
            continue
        opening = [c for c in clauses[:n] if view.sent_of[c.start] == view.sent_of[clause.start]
                   and c.kind == "main" and c.finite is None]
        if clause.kind == "main" and view.lowers[clause.start] in _COORDINATORS and clause.finite == clause.start + 1:
            clause.subject = before.subject  # "und schickten ...": the subject is left out
        elif clause.kind == "main" and clause.finite == clause.start and opening:
            clause.subject = _trimmed(view, opening[-1])
        elif clause.kind == "relative" and view.lowers[clause.start] in _NOMINATIVE and opening:
            clause.subject = _trimmed(view, opening[-1])


def _trimmed(view, clause: Clause) -> tuple[int, int]:
    end = clause.end
    while end > clause.start and view.texts[end - 1] in _BREAKS:
        end -= 1
    return clause.start, end


class Clauses:
    def __call__(self, doc: Doc) -> Doc:
        analysis(doc)
        return doc


@Language.factory("coalition_clauses")
def make_clauses(nlp: Language, name: str) -> Clauses:
    return Clauses()

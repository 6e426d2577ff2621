"""What the event components ask about a sentence: which actors it names, and in which role.

Shared so that troops, money and meetings read sentences the same way.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable

from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..lexicon import get_lexicon, load_json, load_tsv
from ..syntax.analysis import analysis
from ..syntax.words import COORDINATORS, POSSESSIVES
from .view import doc_view


class _ActorIndex:
    """The actor mentions as one list each in group order and in text order, read once."""

    def __init__(self, group):
        self.group, self.size = group, len(group or ())
        self.mentions: list[Span] = list(group or ())
        self.labels = [m.label_ for m in self.mentions]
        self.ordered = sorted(self.mentions, key=lambda a: (a.start, -a.end))
        self.ordered_labels = [m.label_ for m in self.ordered]
        self.starts = [m.start for m in self.ordered]


def _actor_index(doc: Doc) -> _ActorIndex:
    """Rebuilt when the span group is replaced or grows."""
    group = doc.spans.get(ext.ACTORS)
    index = doc.user_data.get("coalition_actor_index")
    if index is None or index.group is not group or index.size != len(group or ()):
        index = doc.user_data["coalition_actor_index"] = _ActorIndex(group)
    return index


def actor_mentions(doc: Doc, label: str) -> list[Span]:
    """The doc's actor mentions with ``label``, in span group order."""
    index = _actor_index(doc)
    return [m for m, kind in zip(index.mentions, index.labels) if kind == label]


def actors_in(span: Span, *labels: str) -> list[Span]:
    """Actor mentions inside ``span`` (a sentence, usually), in text order."""
    index = _actor_index(span.doc)
    mentions, kinds, end = index.ordered, index.ordered_labels, span.end
    return [
        mentions[k] for k in range(bisect_left(index.starts, span.start), bisect_left(index.starts, end))
        if mentions[k].end <= end and (not labels or kinds[k] in labels)
    ]


def group_in(span: Span, name: str) -> list[Span]:
    """The spans of group ``name`` inside ``span``, in text order, by bisection on a list
    sorted once per doc: looking them up per sentence stays linear in the doc's size."""
    doc = span.doc
    group = doc.spans.get(name)
    key = f"coalition_sorted_{name}"
    cached = doc.user_data.get(key)
    if cached is None or cached[0] is not group or len(cached[1]) != len(group or ()):
        ordered = sorted(group or (), key=lambda s: (s.start, -s.end))
        cached = doc.user_data[key] = (group, ordered, [s.start for s in ordered])
    _, ordered, starts = cached
    lo, hi = bisect_left(starts, span.start), bisect_left(starts, span.end)
    return [s for s in ordered[lo:hi] if s.end <= span.end]


def previous_sentences(sent: Span, limit: int = 3) -> list[Span]:
    """Up to ``limit`` sentences before ``sent``, nearest first."""
    out: list[Span] = []
    view = doc_view(sent.doc)
    i = sent.start - 1
    while i >= 0 and len(out) < limit:
        prev = view.sent(i)
        out.append(prev)
        i = prev.start - 1
    return out


def same_paragraph(a: Span, b: Span) -> bool:
    """Whether no line break stands between sentence ``a`` and the later sentence ``b``."""
    view = doc_view(a.doc)
    last = next((i for i in range(a.end - 1, a.start - 1, -1) if not view.texts[i].isspace()), a.end - 1)
    return "\n" not in view.text[view.idx[last] + len(view.texts[last]) : b.start_char]


_CONTEXT = load_json("context.json")
_PLACE_PREPOSITIONS = frozenset(load_json("prepositions.json")["place_names"])
_SOURCE_NOUNS = frozenset(_CONTEXT["source_nouns"])
_GOVERNMENT_NOUNS = frozenset(_CONTEXT["government_nouns"])
_PLACE_NOUNS = frozenset(_CONTEXT["place_nouns"])
_MISSION_HEADS = tuple(_CONTEXT["mission_heads"])
_GENITIVE_ARTICLES = frozenset({"des", "der"})


def clause_of(token) -> tuple[int, int]:
    """The number of the clause ``token`` stands in (syntax.analysis)."""
    return analysis(token.doc).number(token.i)


def _mention_index(doc: Doc) -> dict[int, Span]:
    """Token index -> the longest actor mention covering it."""
    index = doc.user_data.get("coalition_mentions")
    if index is None:
        index = {}
        for span in sorted(doc.spans.get(ext.ACTORS, []), key=len):
            for i in range(span.start, span.end):
                index[i] = span
        doc.user_data["coalition_mentions"] = index
    return index


def mention_at(token) -> Span | None:
    return _mention_index(token.doc).get(token.i)


def token_state(token) -> str | None:
    """The state a single token names (a country mention, "kanadische", "US-Soldaten")."""
    return _state_at(token.doc, token.i)


def _state_at(doc: Doc, i: int) -> str | None:
    mention = _mention_index(doc).get(i)
    if mention is not None and mention.label_ == ext.COUNTRY:
        return mention._.iso
    text = doc_view(doc).texts[i]
    if "-" in text:
        return prefix_state(text.split("-", 1)[0])
    return None


def prefix_state(prefix: str) -> str | None:
    """The state a compound's first part names: a country ("US") or a state body ("Bundeswehr")."""
    lexicon = get_lexicon()
    org = lexicon.org(prefix)
    return lexicon.country_by_prefix(prefix) or (org.country if org else None)


def in_place_phrase(mention: Span) -> bool:
    """True for "in den Irak", "im nordirakischen Erbil", "nach Syrien", "nördlich von Bagdad";
    false for a government named by its seat ("die Regierung in Ottawa")."""
    view = doc_view(mention.doc)
    texts, lowers, first = view.texts, view.lowers, view.sent_start(mention.start)
    i = mention.start - 1
    if i > first and lowers[i] in COORDINATORS:  # "in Irak und Syrien": both are places
        before = [m for m in actors_in(mention.doc[first:i], ext.COUNTRY) if m.end == i]
        return bool(before) and in_place_phrase(before[-1])
    if i >= first and lowers[i] in _GENITIVE_ARTICLES and i - 1 >= first and texts[i - 1] in _PLACE_NOUNS:
        i -= 1  # "im Norden des Irak"
    if i >= first and texts[i] in _PLACE_NOUNS:
        i -= 1  # "im Nordosten Syriens": the region of a state is a place too
    if i >= first and lowers[i] not in _PLACE_PREPOSITIONS and texts[i][:1].islower():
        i -= 1  # one article or adjective in between
    if not (i >= first and lowers[i] in _PLACE_PREPOSITIONS):
        return False
    return not (i - 1 >= first and texts[i - 1] in _GOVERNMENT_NOUNS)


def in_source_phrase(mention: Span) -> bool:
    """True for the source of a report: "nach Angaben der Kommission", "laut Pentagon"."""
    view = doc_view(mention.doc)
    before = view.lowers[max(mention.start - 3, view.sent_start(mention.start)) : mention.start]
    return any(w in _SOURCE_NOUNS for w in before)


def subject_state(sent: Span) -> str | None:
    """The state a sentence (or one of its clauses) opens with: "Auch Neuseeland beteiligt
    sich", "Der Bundestag hat" -- not a state further in ("die Ausbildung irakischer Kräfte")."""
    for mention in actors_in(sent):
        if mention._.iso and not in_place_phrase(mention) and not in_source_phrase(mention) and _opens_clause(mention):
            return mention._.iso
    return None


def clause_subject_state(doc: Doc, clause) -> str | None:
    """The state named in a clause's subject ("Auch Australien will ... schicken")."""
    if clause.subject is None:
        return None
    named = next((m._.iso for m in actors_in(doc[slice(*clause.subject)], ext.COUNTRY) if m._.iso), None)
    if named:
        return named
    # "Das Land ist mit knapp 600 Soldaten vertreten": the state the epithet refers back to
    return next((m._.iso for k in range(*clause.subject) if (m := epithet_mention(doc, k)) is not None), None)


def _opens_clause(mention: Span) -> bool:
    """Whether the mention stands in the subject of its clause ("Auch Neuseeland beteiligt sich")."""
    clause = analysis(mention.doc).at(mention.start)
    return clause.subject is not None and clause.subject[0] <= mention.start < clause.subject[1]


def destinations(sent: Span) -> list[str]:
    """States a sentence names as places things go to or happen in, in text order: by name
    ("in den Irak") or by a city that is a capital ("nach Bagdad")."""
    view, lexicon = doc_view(sent.doc), get_lexicon()
    found = [(m.start, m._.iso) for m in actors_in(sent, ext.COUNTRY) if m._.iso and in_place_phrase(m)]
    found += [
        (i, iso) for i in range(sent.start + 1, sent.end)
        if view.lowers[i - 1] in _PLACE_PREPOSITIONS and (iso := lexicon.country_by_capital(view.texts[i]))
    ]
    return list(dict.fromkeys(iso for _, iso in sorted(found)))


def sender_state(sent: Span, noun=None, numbers: list[Span] = ()) -> tuple[str | None, Span | None]:
    """The state behind a noun phrase (its own adjective or prefix first: "830 kanadische
    Soldaten"), else the sentence's first state that is neither a place nor a source;
    with the person of that state the sentence names, if any."""
    doc = sent.doc
    iso = None
    if noun is not None:
        before = [n.start for n in numbers if n.start < noun.i]
        start = min(before) if before else max(sent.start, noun.i - 3)  # "der kanadischen Ausbilder"
        for i in range(noun.i, start - 1, -1):
            iso = _state_at(doc, i)
            if iso:
                break
    if iso is None:
        for mention in actors_in(sent):
            if not mention._.iso or in_place_phrase(mention) or in_source_phrase(mention) or _names_a_mission(mention):
                continue
            if _in_object(mention):
                continue  # "werden die Irakische Armee weiterbilden": whom they act on, not who sends them
            if mention.text[:1].islower() and not _opens_clause(mention):
                continue  # "irakische Einheiten schulen": an adjective of someone else
            iso = mention._.iso
            break
    persons = [m for m in actors_in(sent, ext.PERSON) if iso and m._.iso == iso]
    return iso, (persons[0] if persons else None)


def _in_object(mention: Span) -> bool:
    clause = analysis(mention.doc).at(mention.start)
    return any(a <= mention.start < b for a, b in clause.objects.values())


def _names_a_mission(mention: Span) -> bool:
    """"ihren Irak-Einsatz": a state inside a compound naming a mission is where it goes."""
    text = mention.text
    return len(mention) == 1 and "-" in text and text.rsplit("-", 1)[1].lower().startswith(_MISSION_HEADS)


class WordSet:
    """Words and multi-word phrases ("im Einsatz") found as whole words in a text, any case."""

    def __init__(self, words: Iterable[str]):
        alternatives = sorted({w.lower() for w in words}, key=len, reverse=True)
        self._pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)", re.IGNORECASE
        ) if alternatives else None

    def find(self, text: str) -> str | None:
        """The first word of the set in ``text``, lower-cased, or None."""
        match = self._pattern.search(text) if self._pattern else None
        return match.group(0).lower() if match else None

    def __contains__(self, text: str) -> bool:
        return self.find(text) is not None


def clause_text(tokens: Iterable) -> str:
    """The text of the clauses the given tokens stand in; a verbless opening that a relative
    clause interrupts with the main clause it resumes in ("Sieben Soldaten, deren Einsatz
    endet, werden heimkehren")."""
    tokens = list(tokens)
    if not tokens:
        return ""
    doc = tokens[0].doc
    found, view = analysis(doc), doc_view(doc)
    wanted = {found.number(t.i) for t in tokens}
    for n, k in list(wanted):
        clauses = found.sentence(n)
        if clauses[k].kind == "main" and clauses[k].finite is None and k + 2 < len(clauses) and (
            clauses[k + 1].kind == "relative" and clauses[k + 2].finite == clauses[k + 2].start
        ):
            wanted.add((n, k + 2))
    return " ".join(" ".join(view.texts[c.start : c.end]) for c in (found.sentence(n)[k] for n, k in sorted(wanted)))


_EPITHETS = {row["epithet"]: frozenset(row["states"].split(",")) for row in load_tsv("state_epithets.tsv")}


def epithet_mention(doc: Doc, i: int, sentences: int = 2) -> Span | None:
    """The mention of the state an epithet at token ``i`` refers back to ("das Land", "der
    Golfstaat"): the nearest state named before it that it can stand for, in its sentence or
    the ones before."""
    view = doc_view(doc)
    states = _EPITHETS.get(view.texts[i])
    if states is None:
        return None
    start = view.sent_start(i)
    for _ in range(sentences):
        if start == 0:
            break
        start = view.sent_start(start - 1)
    if view.lowers[i - 1] in POSSESSIVES:
        # "sein Land": the state of the person named last before it
        persons = [m for m in actor_mentions(doc, ext.PERSON) if start <= m.start < i and m._.iso]
        if persons and ("*" in states or persons[-1]._.iso in states):
            return persons[-1]
    mentions = [m for m in actor_mentions(doc, ext.COUNTRY) if start <= m.start < i and m._.iso]
    if "*" in states:  # "das Land": a state that acts, not one named as a place things go to
        mentions = [m for m in mentions if not in_place_phrase(m) and not in_source_phrase(m)]
    return next((m for m in reversed(mentions) if "*" in states or m._.iso in states), None)

"""Where names stand: after an office title or a word like "Kollege", from a known given
name, after a reporting verb, in a photo credit, before a bracketed state or party, and
office holders' full names; an office over a list of states pairs them with the names that
follow in order."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..holders import name_words, office_holder
from ..lexicon import load_json, load_list, load_tsv
from ..syntax import words as cw
from .countries import NAME
from .person_context import ARTICLE_WORDS, DETERMINERS, PersonContext
from .person_titles import Title, gap_states, title_at
from .view import doc_view

_CONTEXT = load_json("person_context.json")

_CREDITS = frozenset(_CONTEXT["credit_labels"])
_REPORTING = frozenset(load_list("reporting_verbs.txt"))
_PARTIES = {row["form"]: row["party"] for row in load_tsv("parties.tsv")}
_LIST_JOINERS = frozenset({",", "und", "sowie"})
_MAX_PAIRS = 6
_VERB_PARTICLES = frozenset(_CONTEXT["verb_particles"])
_TRIGGER_TEXTS = _REPORTING | _CREDITS | {"("}  # tokens besides given names that vouch for a name
_REGNAL = re.compile(r"^[IVX]{1,5}\.?$")  # a ruler's number after the name
_PLACE_BEFORE = frozenset(load_json("prepositions.json")["surname_places"])
_MAX_WORDS = 4  # "Sabah al-Ahmad al-Jaber al-Sabah", "Anders Fogh Rasmussen"
_MAX_GAP = 4  # "die Sprecherin im US-Außenamt, Jen Psaki"


def names_in(doc: Doc, ctx: PersonContext) -> list[tuple[int, int, Title | None]]:
    """(start, end, the title around it or None) for every name something vouches for."""
    found: list[tuple[int, int, Title | None]] = []
    for start, end in ctx.titles:
        title = title_at(doc, start, end, ctx)
        name = _name_after(doc, end, ctx)
        if name is None or ctx.lex.is_name_particle(ctx.texts[name[0]]):
            # "der Leiter von Caritas international, Oliver Müller": the name is after the comma
            name = _apposition(doc, end, ctx, title) or name
        if name is not None and not _preposition_before_name(name[0], ctx):
            found.append((*name, title))
        elif name is None and (before := _name_before_apposition(start, ctx)) is not None:
            found.append((*before, title))  # "Thamer Muster, der saudische Minister für ..."
    for i, text in enumerate(ctx.texts):
        if not (text in _TRIGGER_TEXTS or ctx.lex.is_given_name(text)):
            continue  # the common case, decided without a Token
        tok = doc[i]
        name = None
        if ctx.lex.is_given_name(text) and ctx.word(i):
            end = _name_end(doc, tok.i, ctx)
            if end and ctx.words(tok.i, end) >= 2:
                name = (tok.i, end)
        elif tok.text in _REPORTING and tok.i + 1 < len(doc):
            name = _after_reporting_verb(doc, tok, ctx)
        elif tok.text in _CREDITS and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":":
            found.extend((s, e, None) for s, e in _credit(doc, tok.i + 2, ctx))
        elif tok.text == "(":
            name = _bracketed(doc, tok.i, ctx)
        if name is not None:
            found.append((*name, None))
    taken = {i for start, end, _ in found for i in range(start, end)}
    found += [(s, e, None) for _, s, e in ctx.finder.known(doc) if taken.isdisjoint(range(s, e))]
    taken = {i for start, end, _ in found for i in range(start, end)}
    found += [(s, e, None) for s, e in _holders_by_surname(doc, ctx) if taken.isdisjoint(range(s, e))]
    found = _paired(doc, ctx, found)
    return [
        (start, end, _bracket(doc, start, end, ctx, title or _trailing_title(doc, end, ctx)))
        for start, end, title in found
        if not ctx.is_thing(start, end)
    ]


def _holders_by_surname(doc: Doc, ctx: PersonContext) -> list[tuple[int, int]]:
    """"Obama will ...", "sagte Erdogan", "von der Leyen reiste": the surname alone of one
    office holder in office on the article's day; never after an article ("im Kern") or "in"
    ("in Austin"); where a sentence or a colon opens only before a finite verb ("Kurz darauf")."""
    published, view = doc._.published, doc_view(doc)
    if not published:
        return []
    lowers, texts, out, known = view.lowers, ctx.texts, [], name_words()
    for i, text in enumerate(texts):
        if text not in known or not (len(text) > 2 and text[:1].isupper() and text[1:].islower() and ctx.word(i)):
            continue
        start = i
        while start > 0 and ctx.lex.is_name_particle(texts[start - 1]):
            start -= 1  # "von der Leyen"
        if start == i and i > 0 and (lowers[i - 1] in cw.DETERMINERS or lowers[i - 1] in cw.CONTRACTIONS
                                     or lowers[i - 1] in _PLACE_BEFORE):
            continue  # "im Kern", "in Austin": a noun or a place
        opens = start == view.sent_start(start) or lowers[start - 1] == ":"
        if opens and not (i + 1 < len(doc) and cw.is_finite(view, i + 1)):
            continue
        name = " ".join(texts[start : i + 1])
        if office_holder(name, published, surname=True):
            out.append((start, i + 1))
        elif start < i and office_holder(text, published, surname=True) and lowers[i - 1] not in cw.DETERMINERS:
            out.append((i, i + 1))
    return out


def _paired(doc: Doc, ctx: PersonContext, found: list) -> list:
    """"die Außenminister Frankreichs und Großbritanniens, Jean-Marc Ayrault und Boris
    Johnson": one office, states and names listed in the same order, paired one by one."""
    by_start = {start: (start, end) for start, end, _ in found}
    titled: dict[tuple[int, int], Title] = {}
    for start, end in ctx.titles:
        states, j = [], end
        while j < len(doc) and len(states) < _MAX_PAIRS:
            if ctx.texts[j].lower() in ARTICLE_WORDS:
                j += 1
            names = [m for m in ctx.country_at.get(j, ()) if m.kind == NAME]
            if not names:
                break
            states.append(names[0].iso)
            j = names[0].span.end
            if j < len(doc) and ctx.texts[j] in _LIST_JOINERS and ctx.texts[j] != ",":
                j += 1
        if len(states) < 2 or j >= len(doc) or ctx.texts[j] != ",":
            continue
        people, j = [], j + 1
        while j in by_start and len(people) < len(states):
            people.append(by_start[j])
            j = by_start[j][1]
            if j < len(doc) and ctx.texts[j] in _LIST_JOINERS:
                j += 1
        if len(people) != len(states):
            continue
        office = ctx.lex.office(doc[start:end].text)
        for person, iso in zip(people, states):
            titled[person] = Title(
                role=office.role if office else None, state_actor=True, iso=iso, anchor=start
            )
    return [(s, e, titled.get((s, e), t)) for s, e, t in found]


def _trailing_title(doc: Doc, end: int, ctx: PersonContext) -> Title | None:
    """ "Brett McGurk, dem US-Sondergesandten für ...", "Jens Stoltenberg, der
    Nato-Generalsekretär": an office in apposition after the name."""
    if end + 2 >= len(doc) or ctx.texts[end] != "," or ctx.texts[end + 1].lower() not in ARTICLE_WORDS:
        return None
    for start, stop in ctx.titles:
        if end + 2 <= start <= end + 3:  # one adjective may stand between: "dem britischen Außenminister"
            return title_at(doc, start, stop, ctx)
    return None


def _bracket(doc: Doc, start: int, end: int, ctx: PersonContext, title: Title | None) -> Title | None:
    """ "(Deutschland)" after a name is the state, "(CDU)" the party."""
    close = _closing_bracket(doc, end) if end < len(doc) and doc[end].text == "(" else None
    if close is None:
        return title
    title = title or Title(anchor=start)
    title.party = title.party or _party(doc, end + 1, close)
    if not title.iso and not title.org and ctx.state_in(end + 1, close):
        gap_states(range(end + 1, close), ctx, title)
    return title


def _name_end(doc: Doc, i: int, ctx: PersonContext) -> int | None:
    """End of the name starting at token ``i``: name words, particles only between them."""
    j, words = i, 0
    while j < len(doc) and words < _MAX_WORDS:
        if ctx.word(j):
            j, words = j + 1, words + 1
            if words >= 2 and ctx.genitive_before(j):
                break  # "Donald Trumps Berater": the name ends at its genitive
            continue
        k = j
        while k < len(doc) and k - j < 3 and ctx.lex.is_name_particle(ctx.texts[k]):
            k += 1
        if k == j or k >= len(doc) or not ctx.word(k):
            break
        j = k
    if words and j < len(doc) and _REGNAL.match(ctx.texts[j]):
        j += 1  # "Abdullah II.", "Benedikt XVI"
    return j if words else None


def _name_before_apposition(title: int, ctx: PersonContext) -> tuple[int, int] | None:
    """"Thamer Muster, der saudische Minister": two or more name words before a comma and an
    article (and one adjective) that open the title; a subject's name, not a list item."""
    texts, k = ctx.texts, title - 1
    if k >= 0 and texts[k][:1].islower() and texts[k] not in ARTICLE_WORDS:
        k -= 1  # one adjective: "der saudische Minister"
    if k < 2 or texts[k] not in ARTICLE_WORDS or texts[k - 1] != ",":
        return None
    end, start = k - 1, k - 1
    while start > 0 and end - start < _MAX_WORDS and (ctx.word(start - 1) or ctx.lex.is_name_particle(texts[start - 1])):
        start -= 1
    while start < end and not ctx.word(start):
        start += 1
    if ctx.words(start, end) < 2 or (start > 0 and texts[start - 1] in (",", "und")):
        return None
    return start, end


def _preposition_before_name(start: int, ctx: PersonContext) -> bool:
    """"der Sprecher von Wladimir Putin": "von" before a given name is a preposition, and the
    name is not the title's ("Ministerin von der Leyen" keeps her particle)."""
    k = start
    while k < len(ctx.texts) and ctx.lex.is_name_particle(ctx.texts[k]):
        k += 1
    return k > start and k < len(ctx.texts) and ctx.lex.is_given_name(ctx.texts[k])


def _name_after(doc: Doc, i: int, ctx: PersonContext) -> tuple[int, int] | None:
    if i >= len(doc) or ctx.texts[i] in DETERMINERS:
        return None  # "den Gesundheitsministern der Länder": a genitive, no name ("von der Leyen" starts with "von")
    end = _name_end(doc, i, ctx)
    return (i, end) if end else None


def _apposition(doc: Doc, i: int, ctx: PersonContext, title: Title) -> tuple[int, int] | None:
    """ "die Sprecherin im US-Außenamt, Jen Psaki, ...": a short phrase, a comma, a closed name."""
    for k in range(i, min(i + _MAX_GAP + 1, len(doc))):
        tok = doc[k]
        if tok.text == ",":
            if k == i or not any(doc[g].text[:1].isupper() for g in range(i, k)):
                return None
            end = _name_end(doc, k + 1, ctx) if k + 1 < len(doc) else None
            if end is None or (end < len(doc) and not doc[end].is_punct):
                return None
            gap_states(range(i, k), ctx, title)
            return (k + 1, end)
        if tok.is_punct or tok.text in _REPORTING or tok.i in ctx.names_blocked_gap:
            return None
    return None


def _after_reporting_verb(doc: Doc, verb: Token, ctx: PersonContext) -> tuple[int, int] | None:
    """ "sagte Kerry", ", so Kerry": one name after the verb, closed by punctuation or a small word."""
    if verb.text == "so" and (verb.i == 0 or doc[verb.i - 1].text != ","):
        return None
    if verb.text.endswith("n"):
        return None  # "sagten Beamte": a plural verb has no one person for its speaker
    start = verb.i + 1
    if ctx.texts[start] in ARTICLE_WORDS if start < len(doc) else True:
        return None  # "bezeichnete den Angaben zufolge", "sagte der Nachrichtenagentur"
    end = _name_end(doc, start, ctx)
    if end is None:
        return None
    if ctx.words(start, end) >= 2 and not ctx.lex.is_given_name(doc[start].text):
        return None  # "sagte Amnesty International": not a name the verb vouches for
    after = doc[end] if end < len(doc) else None
    if after is not None and not (after.is_punct or after.text[:1].islower()):
        return None
    if after is not None and after.text in _VERB_PARTICLES and (end + 1 == len(doc) or doc[end + 1].is_punct):
        return None  # "kündigte Hilfe an": the object of a separable verb, not a speaker
    return (start, end)


def _credit(doc: Doc, i: int, ctx: PersonContext) -> list[tuple[int, int]]:
    names = []
    while i < len(doc) and "\n" not in doc[i].text and doc[i].text not in {".", ";"}:
        end = _name_end(doc, i, ctx) if ctx.word(i) else None
        if end and ctx.words(i, end) >= 2:
            names.append((i, end))
            i = end
        else:
            i += 1
    return names


def _bracketed(doc: Doc, p: int, ctx: PersonContext) -> tuple[int, int] | None:
    """ "Marise Payne (Australien)", "Max Muster (CDU)": a bracketed state or party after a name."""
    close = _closing_bracket(doc, p)
    if close is None or not (ctx.state_in(p + 1, close) or _party(doc, p + 1, close)):
        return None
    start = p
    while start > 0 and (ctx.word(start - 1) or ctx.lex.is_name_particle(doc[start - 1].text)):
        start -= 1
    while start < p and not ctx.word(start):
        start += 1
    given = [k for k in range(start, p) if ctx.lex.is_given_name(doc[k].text) and ctx.word(k)]
    start = given[0] if given else start
    if start >= p or ctx.words(start, p) < 2 or ctx.words(start, p) > _MAX_WORDS:
        return None
    return (start, p)


def _closing_bracket(doc: Doc, p: int) -> int | None:
    for k in range(p + 1, min(p + 6, len(doc))):
        if doc[k].text == ")":
            return k
    return None


def _party(doc: Doc, start: int, end: int) -> str | None:
    return _PARTIES.get(doc[start:end].text)

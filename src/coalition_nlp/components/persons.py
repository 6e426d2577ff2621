"""Persons without a statistical model.

A name is recognised where something vouches for it: an office title or a word like
"Kollege" before it, a known given name, a bracketed state or party after it, a
reporting verb before it, a photo credit. Every later occurrence of a part of a known
name is then a mention of the same person. The state a person acts for comes from the
title (prefix, adjective, genitive, institution), a bracketed state, or, for a state
office with no state in its title, from the sentence context and the dateline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .. import extensions as ext
from ..holders import full_names, office_holder
from ..lexicon import load_json, load_list, load_tsv
from .view import CLOSE_QUOTES, OPEN_QUOTES, TOGGLE_QUOTES, doc_view, quoted_tokens
from .countries import ADJECTIVE, INSTITUTION, LOCATIVE, NAME, STATE_KINDS, CountryMention

_CONTEXT = load_json("person_context.json")
_FUNCTION_WORDS = frozenset(_CONTEXT["function_words"])
_CREDITS = frozenset(_CONTEXT["credit_labels"])
_THING_HEADS = frozenset(_CONTEXT["non_person_heads"])
_NOUN_SUFFIXES = tuple(_CONTEXT["common_noun_suffixes"])
_REPORTING = frozenset(load_list("reporting_verbs.txt"))
_PARTIES = {row["form"]: row["party"] for row in load_tsv("parties.tsv")}
_DOMESTIC_ROLE_ENDINGS = tuple(_CONTEXT["domestic_role_endings"])
_PARTY_STATES = {row["party"]: row["country"] for row in load_tsv("parties.tsv") if row["country"]}
_PARLIAMENTS: dict[str, str] = _CONTEXT["parliaments"]
_DATES = load_json("dates.json")
_CALENDAR = frozenset(_DATES["weekdays"]) | frozenset(_DATES["months"])
INTERLOCUTOR = frozenset(_CONTEXT["interlocutor_words"])
_ARTICLE_WORDS = frozenset({"der", "die", "das", "den", "dem", "des"})
_LIST_JOINERS = frozenset({",", "und", "sowie"})
_MAX_PAIRS = 6
_VERB_PARTICLES = frozenset(_CONTEXT["verb_particles"])
_CLAUSE_OPENERS = frozenset({",", ";", ":", "–", "und", "sowie"})
_TRIGGER_TEXTS = _REPORTING | _CREDITS | {"("}  # tokens besides given names that vouch for a name
_DETERMINERS = frozenset({"der", "des", "dem", "den", "Der", "Des", "Dem", "Den"})
_WORD_PARTS = re.compile(r"[-'’]")
_REGNAL = re.compile(r"^[IVX]{1,5}\.?$")  # a ruler's number after the name
_MAX_WORDS = 4  # "Sabah al-Ahmad al-Jaber al-Sabah", "Anders Fogh Rasmussen"
_MAX_GAP = 4  # "die Sprecherin im US-Außenamt, Jen Psaki"


@dataclass
class _Title:
    """What the words around a name say about its bearer."""

    role: str | None = None
    state_actor: bool = False
    iso: str | None = None  # a state the title or a bracket names explicitly
    org: bool = False  # the title belongs to an organisation: no state by context
    party: str | None = None
    anchor: int = 0  # first token of the title phrase, for the sentence context


@dataclass
class _Person:
    canonical: str
    tokens: tuple[str, ...]
    words: tuple[str, ...]  # case-folded tokens
    titles: list[tuple[int, _Title]] = field(default_factory=list)  # (mention start, title)
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the name stands
    iso: str | None = None


class PersonFinder:
    """Built once per pipeline; the office matcher holds every office form of the lexicon."""

    def __init__(self, nlp: Language, lexicon, make_docs):
        self.lex = lexicon
        self.offices = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.offices.add("OFFICE", make_docs({f for f, _ in lexicon.office_forms()}))
        self.known = PhraseMatcher(nlp.vocab, attr="ORTH")  # office holders' full names
        self.known.add("KNOWN", make_docs(full_names()))

    def __call__(
        self, doc: Doc, countries: list[CountryMention], orgs: list[Span], extra: list[Span] = ()
    ) -> list[Span]:
        ctx = _Context(doc, countries, orgs, self)
        found = self._triggered(doc, ctx)
        taken = {i for start, end, _ in found for i in range(start, end)}
        for ent in extra:  # a model's persons, without titles the rules read themselves
            start, end = ent.start, ent.end
            while start < end and not ctx.word(start):
                start += 1
            while end > start and not ctx.word(end - 1):
                end -= 1
            if start < end and not taken.intersection(range(start, end)):
                found.append((start, end, None))
        persons = self._persons(doc, found)
        spans = self._mentions(doc, persons, found, ctx)
        for person in persons.values():
            person.iso = self._country(doc, person, ctx)
        spans += self._titled_references(doc, persons, ctx, spans)
        for span in spans:
            span._.iso = persons[span._.canonical].iso
        return spans

    # -- where names are -------------------------------------------------------------

    def _triggered(self, doc: Doc, ctx: "_Context") -> list[tuple[int, int, _Title | None]]:
        found: list[tuple[int, int, _Title | None]] = []
        for start, end in ctx.titles:
            title = self._title(doc, start, end, ctx)
            name = self._name_after(doc, end, ctx)
            if name is None or self.lex.is_name_particle(ctx.texts[name[0]]):
                # "der Leiter von Caritas international, Oliver Müller": the name is after the comma
                name = self._apposition(doc, end, ctx, title) or name
            if name is not None:
                found.append((*name, title))
        for i, text in enumerate(ctx.texts):
            if not (text in _TRIGGER_TEXTS or self.lex.is_given_name(text)):
                continue  # the common case, decided without a Token
            tok = doc[i]
            name = None
            if self.lex.is_given_name(text) and ctx.word(i):
                end = self._name_end(doc, tok.i, ctx)
                if end and ctx.words(tok.i, end) >= 2:
                    name = (tok.i, end)
            elif tok.text in _REPORTING and tok.i + 1 < len(doc):
                name = self._after_reporting_verb(doc, tok, ctx)
            elif tok.text in _CREDITS and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":":
                found.extend((s, e, None) for s, e in self._credit(doc, tok.i + 2, ctx))
            elif tok.text == "(":
                name = self._bracketed(doc, tok.i, ctx)
            if name is not None:
                found.append((*name, None))
        taken = {i for start, end, _ in found for i in range(start, end)}
        found += [(s, e, None) for _, s, e in self.known(doc) if taken.isdisjoint(range(s, e))]
        found = self._paired(doc, ctx, found)
        return [
            (start, end, self._bracket(doc, start, end, ctx, title or self._trailing_title(doc, end, ctx)))
            for start, end, title in found
            if not ctx.is_thing(start, end)
        ]

    def _paired(self, doc: Doc, ctx: "_Context", found: list) -> list:
        """"die Außenminister Frankreichs und Großbritanniens, Jean-Marc Ayrault und Boris
        Johnson": one office, states and names listed in the same order, paired one by one."""
        by_start = {start: (start, end) for start, end, _ in found}
        titled: dict[tuple[int, int], _Title] = {}
        for start, end in ctx.titles:
            states, j = [], end
            while j < len(doc) and len(states) < _MAX_PAIRS:
                if ctx.texts[j].lower() in _ARTICLE_WORDS:
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
            office = self.lex.office(doc[start:end].text)
            for person, iso in zip(people, states):
                titled[person] = _Title(
                    role=office.role if office else None, state_actor=True, iso=iso, anchor=start
                )
        return [(s, e, titled.get((s, e), t)) for s, e, t in found]

    def _trailing_title(self, doc: Doc, end: int, ctx: "_Context") -> _Title | None:
        """ "Brett McGurk, dem US-Sondergesandten für ...", "Jens Stoltenberg, der
        Nato-Generalsekretär": an office in apposition after the name."""
        if end + 2 >= len(doc) or ctx.texts[end] != "," or ctx.texts[end + 1].lower() not in _ARTICLE_WORDS:
            return None
        for start, stop in ctx.titles:
            if end + 2 <= start <= end + 3:  # one adjective may stand between: "dem britischen Außenminister"
                return self._title(doc, start, stop, ctx)
        return None

    def _bracket(self, doc: Doc, start: int, end: int, ctx: "_Context", title: _Title | None) -> _Title | None:
        """ "(Deutschland)" after a name is the state, "(CDU)" the party."""
        close = _closing_bracket(doc, end) if end < len(doc) and doc[end].text == "(" else None
        if close is None:
            return title
        title = title or _Title(anchor=start)
        title.party = title.party or _party(doc, end + 1, close)
        if not title.iso and not title.org and ctx.state_in(end + 1, close):
            self._gap_states(range(end + 1, close), ctx, title)
        return title

    def _name_end(self, doc: Doc, i: int, ctx: "_Context") -> int | None:
        """End of the name starting at token ``i``: name words, particles only between them."""
        j, words = i, 0
        while j < len(doc) and words < _MAX_WORDS:
            if ctx.word(j):
                j, words = j + 1, words + 1
                continue
            k = j
            while k < len(doc) and k - j < 3 and self.lex.is_name_particle(ctx.texts[k]):
                k += 1
            if k == j or k >= len(doc) or not ctx.word(k):
                break
            j = k
        if words and j < len(doc) and _REGNAL.match(ctx.texts[j]):
            j += 1  # "Abdullah II.", "Benedikt XVI"
        return j if words else None

    def _name_after(self, doc: Doc, i: int, ctx: "_Context") -> tuple[int, int] | None:
        if i >= len(doc) or ctx.texts[i] in _DETERMINERS:
            return None  # "den Gesundheitsministern der Länder": a genitive, no name ("von der Leyen" starts with "von")
        end = self._name_end(doc, i, ctx)
        return (i, end) if end else None

    def _apposition(self, doc: Doc, i: int, ctx: "_Context", title: _Title) -> tuple[int, int] | None:
        """ "die Sprecherin im US-Außenamt, Jen Psaki, ...": a short phrase, a comma, a closed name."""
        for k in range(i, min(i + _MAX_GAP + 1, len(doc))):
            tok = doc[k]
            if tok.text == ",":
                if k == i or not any(doc[g].text[:1].isupper() for g in range(i, k)):
                    return None
                end = self._name_end(doc, k + 1, ctx) if k + 1 < len(doc) else None
                if end is None or (end < len(doc) and not doc[end].is_punct):
                    return None
                self._gap_states(range(i, k), ctx, title)
                return (k + 1, end)
            if tok.is_punct or tok.text in _REPORTING or tok.i in ctx.names_blocked_gap:
                return None
        return None

    def _after_reporting_verb(self, doc: Doc, verb: Token, ctx: "_Context") -> tuple[int, int] | None:
        """ "sagte Kerry", ", so Kerry": one name after the verb, closed by punctuation or a small word."""
        if verb.text == "so" and (verb.i == 0 or doc[verb.i - 1].text != ","):
            return None
        start = verb.i + 1
        if ctx.texts[start] in _ARTICLE_WORDS if start < len(doc) else True:
            return None  # "bezeichnete den Angaben zufolge", "sagte der Nachrichtenagentur"
        end = self._name_end(doc, start, ctx)
        if end is None:
            return None
        if ctx.words(start, end) >= 2 and not self.lex.is_given_name(doc[start].text):
            return None  # "sagte Amnesty International": not a name the verb vouches for
        after = doc[end] if end < len(doc) else None
        if after is not None and not (after.is_punct or after.text[:1].islower()):
            return None
        if after is not None and after.text in _VERB_PARTICLES and (end + 1 == len(doc) or doc[end + 1].is_punct):
            return None  # "kündigte Hilfe an": the object of a separable verb, not a speaker
        return (start, end)

    def _credit(self, doc: Doc, i: int, ctx: "_Context") -> list[tuple[int, int]]:
        names = []
        while i < len(doc) and "\n" not in doc[i].text and doc[i].text not in {".", ";"}:
            end = self._name_end(doc, i, ctx) if ctx.word(i) else None
            if end and ctx.words(i, end) >= 2:
                names.append((i, end))
                i = end
            else:
                i += 1
        return names

    def _bracketed(self, doc: Doc, p: int, ctx: "_Context") -> tuple[int, int] | None:
        """ "Marise Payne (Australien)", "Max Muster (CDU)": a bracketed state or party after a name."""
        close = _closing_bracket(doc, p)
        if close is None or not (ctx.state_in(p + 1, close) or _party(doc, p + 1, close)):
            return None
        start = p
        while start > 0 and (ctx.word(start - 1) or self.lex.is_name_particle(doc[start - 1].text)):
            start -= 1
        while start < p and not ctx.word(start):
            start += 1
        given = [k for k in range(start, p) if self.lex.is_given_name(doc[k].text) and ctx.word(k)]
        start = given[0] if given else start
        if start >= p or ctx.words(start, p) < 2 or ctx.words(start, p) > _MAX_WORDS:
            return None
        return (start, p)

    # -- what the title says -------------------------------------------------------------

    def _title(self, doc: Doc, start: int, end: int, ctx: "_Context") -> _Title:
        span = doc[start:end]
        office = self.lex.office(span.text)
        title = _Title(anchor=start)
        if office is not None:
            title.role, title.state_actor = office.role, bool(office.state_actor)
        for k in range(start, end):
            self._take_state(k, ctx, title)
        k = start - 1
        while k >= 0 and start - k <= 3 and not title.iso and not title.org:
            tok = doc[k]
            if self._take_state(k, ctx, title, genitive_only=True):
                title.anchor = k
                break
            if not (tok.text.islower() and tok.text.endswith(("e", "en", "er", "es", "em", "s"))):
                break
            k -= 1
        return title

    def _take_state(self, k: int, ctx: "_Context", title: _Title, genitive_only: bool = False) -> bool:
        """The state (or organisation) token ``k`` contributes to a title; True if it did."""
        if k in ctx.org_tokens and not any(m.kind != ADJECTIVE for m in ctx.country_at.get(k, ())):
            title.org = title.org or not title.iso
            return True
        for mention in ctx.country_at.get(k, ()):
            if genitive_only and mention.kind == NAME and not mention.span.text.endswith(("s", "’", "'")):
                continue
            mention.affiliation = True
            title.iso = title.iso or mention.iso
            return True
        return False

    def _gap_states(self, tokens: range, ctx: "_Context", title: _Title) -> None:
        """The state of the body named next to a title ("im US-Außenamt") is the one acted for."""
        for k in tokens:
            if not title.iso and self._take_state(k, ctx, title) and title.iso:
                title.state_actor = True


    # -- who is who ----------------------------------------------------------------------

    def _persons(self, doc: Doc, found) -> dict[str, _Person]:
        """One person per full name; a lone surname joins the full name it ends."""
        persons: dict[str, _Person] = {}
        for start, end, title in sorted(found, key=lambda f: -(f[1] - f[0])):
            words = tuple(_fold(t.text) for t in doc[start:end])
            person = self._owner(persons, words)
            if person is None:
                canonical = doc[start:end].text
                tokens = tuple(t.text for t in doc[start:end])
                person = persons.setdefault(canonical, _Person(canonical, tokens, words))
            person.spans.append((start, end))
            if title is not None:
                person.titles.append((start, title))
        return persons

    def _owner(self, persons: dict[str, _Person], words: tuple[str, ...]) -> _Person | None:
        for candidate in (words, words[:-1] + (words[-1].rstrip("s"),)):
            owners = [p for p in persons.values() if _contains(p.words, candidate)]
            if len(owners) == 1:
                return owners[0]
        return None

    def _mentions(self, doc: Doc, persons: dict[str, _Person], found, ctx: "_Context") -> list[Span]:
        """Every occurrence of a known name part, grown to the longest run of the same name."""
        index: dict[str, set[str]] = {}
        alone: dict[str, set[str]] = {}  # leading given names: a reference only standing alone ("Ban rief")
        for person in persons.values():
            given = 0
            while given < len(person.tokens) - 1 and self.lex.is_given_name(person.tokens[given]):
                given += 1
            for n, (token, word) in enumerate(zip(person.tokens, person.words)):
                if not self.lex.is_name_particle(token):
                    (alone if n < given else index).setdefault(word, set()).add(person.canonical)
        attributes: dict[tuple[int, int], _Title] = {}
        for s, e, t in found:  # an office title wins over a bare bracket on the same name
            if t is not None and (attributes.get((s, e)) is None or t.role):
                attributes[(s, e)] = _merged(t, attributes.get((s, e)))
        spans: list[Span] = []
        texts = ctx.texts
        i = 0
        while i < len(doc):
            text = texts[i]
            key = _fold(text)
            capitalised = text[:1].isupper() or "-" in text
            owners = (index.get(key) or index.get(key.rstrip("s"))) if capitalised else None
            if not owners and key in alone and not _beside_name(doc, i, ctx):
                owners = alone[key]
            if not owners or i in ctx.blocked:
                i += 1
                continue
            # a surname two persons share ("Oliver Müller", "Gerd Müller") belongs to the one
            # whose full name stands here; alone it stays ambiguous and is left out
            runs = sorted(((_grow(texts, i, persons[o].words), o) for o in owners), key=lambda r: r[0][0] - r[0][1])
            (start, end), owner = runs[0]
            if len(runs) > 1 and (end - start < 2 or runs[1][0][1] - runs[1][0][0] == end - start):
                i += 1
                continue
            person = persons[owner]
            span = Span(doc, start, end, label=ext.PERSON)
            span._.canonical = person.canonical
            title = attributes.get((start, end))
            if title is not None:
                span._.role, span._.party = title.role, title.party
            spans.append(span)
            i = end
        return spans

    def _country(self, doc: Doc, person: _Person, ctx: "_Context") -> str | None:
        """The state a person acts for: the title's own, else (state offices only) the context."""
        known = _holder_state(person.canonical, doc._.published)
        if known is not None:
            return known or None  # "" for an official of the UN, Nato or EU: no state
        explicit = [t.iso for _, t in person.titles if t.iso and (t.state_actor or not t.role)]
        if explicit:
            return max(set(explicit), key=explicit.count)
        by_party = next((_PARTY_STATES[t.party] for _, t in person.titles if _PARTY_STATES.get(t.party)), None)
        if by_party:
            return by_party  # "Sigmar Gabriel (SPD)": a German party's politician acts for Germany
        if any(t.org for _, t in person.titles):
            return None
        member = _parliament_state(ctx.texts, person)
        if member:
            return member
        offices = [(start, t) for start, t in person.titles if t.state_actor]
        if not offices:
            spoken_for = (ctx.institution_after(start) for start, t in person.titles if t.role)
            return self._announced(doc, person, ctx) or next((iso for iso in spoken_for if iso), None)
        start, title = min(offices, key=lambda x: x[0])
        if _interlocutor(doc, start):
            # "ein Treffen mit Ministerpräsident X": the other side, not the subject's state
            n = ctx.sent_of[title.anchor]
            return (
                ctx.place_in(n) or (ctx.place_in(n - 1) if n > 0 else None)  # "nach Damaskus reisen und dort mit ..."
                or ctx.place_state() or ctx.previous_state(title.anchor)
                or (self.lex.bundes_country(doc_view(doc).agency) if _domestic(title.role) else None)
            )
        return (
            ctx.subject_state(title.anchor)
            or ctx.previous_state(title.anchor)
            or ctx.paragraph_state(title.anchor)
            or ctx.place_state()
            or (self.lex.bundes_country(doc_view(doc).agency) if _domestic(title.role) else None)
        )

    def _announced(self, doc: Doc, person: _Person, ctx: "_Context") -> str | None:
        """ "Irans oberster Führer sieht ... . «...», sagte Ajatollah Ali Chamenei.": an unnamed
        state office holder in the sentence before is the person the next sentence names."""
        if not person.titles:
            return None
        n = ctx.sent_of[min(start for start, _ in person.titles)]
        if n == 0:
            return None
        sent = ctx.sents[n - 1]
        for start, end in ctx.titles:
            if sent.start <= start < sent.end and not (end < len(doc) and ctx.word(end)):
                title = self._title(doc, start, end, ctx)
                if title.iso and title.state_actor:
                    return title.iso
        return None

    def _titled_references(
        self, doc: Doc, persons: dict[str, _Person], ctx: "_Context", mentions: list[Span]
    ) -> list[Span]:
        """ "der US-Minister": a titled reference without a name, when one person fits it alone
        -- one holding that office, else the one person just named without any ("Gastgeber
        Mike Pompeo begrüßt ... Der US-Außenminister spricht ...")."""
        spans = []
        for start, end in ctx.titles:
            if start == 0 or doc[start - 1].text not in _DETERMINERS and not ctx.country_at.get(start - 1):
                continue
            if end < len(doc) and ctx.word(end):
                continue
            title = self._title(doc, start, end, ctx)
            if not title.iso or not title.role:
                continue
            role = title.role.casefold()
            fits = [
                p for p in persons.values()
                if p.iso == title.iso and any(t.role and t.role.casefold().endswith(role) for _, t in p.titles)
            ]
            if not fits:
                fits = self._untitled_just_named(persons, ctx, mentions, start, title.iso)
                for person in fits:
                    person.iso = title.iso
            if len(fits) == 1:
                # with its article, so that its offsets differ from the country mention in it
                first = title.anchor - 1 if title.anchor and doc[title.anchor - 1].text in _DETERMINERS else title.anchor
                span = Span(doc, first, end, label=ext.PERSON)
                span._.canonical, span._.role = fits[0].canonical, title.role
                spans.append(span)
        return spans


    @staticmethod
    def _untitled_just_named(
        persons: dict[str, _Person], ctx: "_Context", mentions: list[Span], start: int, iso: str | None
    ) -> list:
        """The one person named in this or the previous sentence with no office, and no state
        or the office's (the office-holder table may have given it)."""
        n = ctx.sent_of[start]
        named = {
            m._.canonical for m in mentions
            if m.start < start and ctx.sent_of[m.start] >= n - 1
        }
        bare = [
            persons[c] for c in named
            if persons[c].iso in (None, iso) and not any(t.role for _, t in persons[c].titles)
        ]
        return bare if len(bare) == 1 else []


class _Context:
    """Per-document lookups: what each token is, where quotes and sentences are."""

    def __init__(self, doc: Doc, countries: list[CountryMention], orgs: list[Span], finder: PersonFinder):
        self.doc, self.finder, self.lex = doc, finder, finder.lex
        view = doc_view(doc)
        self.texts = view.texts
        self.countries = countries
        self.country_at: dict[int, list[CountryMention]] = {}
        for m in countries:
            for k in range(m.span.start, m.span.end):
                self.country_at.setdefault(k, []).append(m)
        self.org_tokens = {k for span in orgs for k in range(span.start, span.end)}
        self.titles = _title_spans(doc, finder)
        title_tokens = {k for s, e in self.titles for k in range(s, e)}
        self.blocked = set(self.country_at) | self.org_tokens | title_tokens
        self.names_blocked_gap = title_tokens
        self.quoted = quoted_tokens(doc)
        self._words: dict[int, bool] = {}
        annotated = doc.has_annotation("SENT_START")
        self.sents = list(doc.sents) if annotated else [doc[:]]
        self.sent_of: list[int] = view.sent_of if annotated else [0] * len(doc)

    def word(self, i: int) -> bool:
        """Could token ``i`` be part of a personal name?"""
        known = self._words.get(i)
        if known is None:
            known = self._words[i] = self._word(i)
        return known

    def _word(self, i: int) -> bool:
        text, lex = self.texts[i], self.lex
        if i in self.blocked or text in _FUNCTION_WORDS or text.casefold() in _CALENDAR:
            return False
        if not text[:1].isupper():
            head, _, rest = text.partition("-")
            return bool(rest) and rest[:1].isupper() and lex.is_name_particle(head)
        if (text.isupper() and len(text) > 1) or not all(p.isalpha() for p in _WORD_PARTS.split(text) if p):
            return False
        if len(text) > 7 and text.casefold().endswith(_NOUN_SUFFIXES):
            return False
        return not (lex.country_by_capital(text) or lex.is_region(text) or lex.org(text))

    def words(self, start: int, end: int) -> int:
        return sum(1 for k in range(start, end) if self.word(k))

    def is_thing(self, start: int, end: int) -> bool:
        """A name in quotes on its own or after "Flugzeugträger" names a thing, not a person."""
        doc = self.doc
        while start > 0 and self.lex.office(doc[start - 1].text):
            start -= 1  # «Admiral Kusnezow»: a ship named with a title is still a ship
        before = doc[start - 1].text if start > 0 else ""
        after = doc[end].text if end < len(doc) else ""
        quoted = (before in OPEN_QUOTES or before in TOGGLE_QUOTES) and (after in CLOSE_QUOTES or after in TOGGLE_QUOTES)
        head = doc[start - 2].text if quoted and start > 1 else before
        return quoted or head in _THING_HEADS

    def state_in(self, start: int, end: int) -> bool:
        return any(m.kind == NAME for k in range(start, end) for m in self.country_at.get(k, ()))

    def _candidates(self, sent_no: int, before: int | None = None) -> list[CountryMention]:
        sent = self.sents[sent_no]
        out = []
        for m in self.countries:
            s = m.span.start
            if not (sent.start <= s < sent.end) or (before is not None and s >= before):
                continue
            if m.kind not in STATE_KINDS or m.affiliation or s in self.quoted:
                continue
            if s > 0 and self.doc[s - 1].text in LOCATIVE:
                continue
            out.append(m)
        return sorted(out, key=lambda m: m.span.start)

    def subject_state(self, anchor: int) -> str | None:
        """The state heading the clause nearest before the title ("Großbritannien sagte ...
        zu, Katar 100 Millionen Dollar, wie Außenminister X mitteilte" -> Katar), else the
        sentence's first state."""
        found = self._candidates(self.sent_of[anchor], before=anchor)
        heading = [m for m in found if self._heads_clause(m.span.start)]
        if heading:
            return heading[-1].iso
        # not an adjective of something else ("die Versorgung syrischer Flüchtlinge, sagte X")
        named = [m for m in found if m.kind != ADJECTIVE]
        return named[0].iso if named else None

    def _heads_clause(self, start: int) -> bool:
        i = start - 1
        if i >= 0 and self.doc[i].lower_ in _ARTICLE_WORDS:
            i -= 1
        return i < 0 or self.doc[i].is_sent_end or self.doc[i].text in _CLAUSE_OPENERS or i < self.sents[self.sent_of[start]].start

    def previous_state(self, anchor: int) -> str | None:
        n = self.sent_of[anchor]
        found = self._candidates(n - 1) if n > 0 else []
        return found[0].iso if found else None

    def paragraph_state(self, anchor: int) -> str | None:
        """The state heading the paragraph's first sentence ("Dänemark geht noch weiter. ...")."""
        n = self.sent_of[anchor]
        texts = doc_view(self.doc).texts
        while n > 0 and not (self.sents[n].start > 0 and "\n" in texts[self.sents[n].start - 1]):
            n -= 1
        heading = [m for m in self._candidates(n) if self._heads_clause(m.span.start)]
        return heading[0].iso if heading and n < self.sent_of[anchor] else None

    def institution_after(self, start: int) -> str | None:
        """"Sprecherin Sarah Sanders ... im Weißen Haus": the state body a spokesperson or
        other non-state office speaks from, named later in the same clause."""
        sent = self.sents[self.sent_of[start]]
        texts = doc_view(self.doc).texts
        end = start
        while end < sent.end and texts[end] not in (",", ";", ":"):
            end += 1
        for m in self.countries:
            if m.kind == INSTITUTION and start < m.span.start < end:
                return m.iso
        return None

    def place_in(self, sent_no: int) -> str | None:
        """The state of the last place a sentence names ("in Ankara", "nach Damaskus")."""
        sent, found = self.sents[sent_no], None
        texts = doc_view(self.doc).texts
        for i in range(sent.start + 1, sent.end):
            if texts[i - 1] in LOCATIVE and texts[i][:1].isupper():
                found = self.lex.country_by_capital(texts[i]) or self.lex.country_by_name(texts[i]) or found
        return found

    def place_state(self) -> str | None:
        place = self.doc._.place
        return (self.lex.country_by_capital(place) or self.lex.country_by_name(place)) if place else None


def _title_spans(doc: Doc, finder: PersonFinder) -> list[tuple[int, int]]:
    """Office words (one or more tokens, also "US-Außenminister") and "Kollege"-like words."""
    lex = finder.lex
    spans = {(s, e) for _, s, e in finder.offices(doc)}
    covered = {k for s, e in spans for k in range(s, e)}
    for i, text in enumerate(doc_view(doc).texts):
        if i in covered:
            continue
        if lex.referring_noun(text) or ("-" in text and (lex.office(text) or lex.referring_noun(text.rsplit("-", 1)[1]))):
            spans.add((i, i + 1))
    return sorted(spans)


def _parliament_state(texts: list[str], person: _Person) -> str | None:
    """A member of one state's parliament: "der SPD-Bundestagsabgeordnete X" (a party's
    compound before the name), "sagte X im Bundestag" (the parliament just after it)."""
    for start, end in person.spans:
        before = texts[start - 1] if start else ""
        party, _, head = before.partition("-")
        if head and (_PARTY_STATES.get(party) or _PARLIAMENTS.get(head.lower())):
            return _PARTY_STATES.get(party) or _PARLIAMENTS[head.lower()]
        for word in texts[end : end + 3]:
            if word.lower() in _PARLIAMENTS:
                return _PARLIAMENTS[word.lower()]
    return None


def _holder_state(name: str, published: str | None) -> str | None:
    """The state a person held office for at the article's date (any date if undated), by
    the office-holder table: its ISO code, "" for an international official, None if the
    table does not know the name or its terms disagree. A person named in full who held a
    state's office before or after that date is still of that state ("Ex-Präsident ...")."""
    terms = office_holder(name, published, surname=" " not in name)
    if not terms and " " in name and published:
        terms = [t for t in office_holder(name) if t.iso3]
    states = {t.iso3 or "" for t in terms}
    return states.pop() if len(states) == 1 else None


def _domestic(role: str | None) -> bool:
    """An office a German newspaper names without "Bundes-" only for its own government
    ("Außenminister X" is German; "Präsident X", "Premierminister X" are not)."""
    return bool(role) and role.lower().endswith(_DOMESTIC_ROLE_ENDINGS)


def _interlocutor(doc: Doc, start: int) -> bool:
    """A title governed by "mit"/"gegenüber" names the person met, not the speaker."""
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    return any(w in INTERLOCUTOR for w in before)


def _beside_name(doc: Doc, i: int, ctx: "_Context") -> bool:
    return (i > 0 and ctx.word(i - 1)) or (i + 1 < len(doc) and ctx.word(i + 1))


def _merged(title: _Title, other: _Title | None) -> _Title:
    if other is not None:
        title.party = title.party or other.party
        title.iso = title.iso or other.iso
    return title


def _closing_bracket(doc: Doc, p: int) -> int | None:
    for k in range(p + 1, min(p + 6, len(doc))):
        if doc[k].text == ")":
            return k
    return None


def _party(doc: Doc, start: int, end: int) -> str | None:
    return _PARTIES.get(doc[start:end].text)


def _fold(text: str) -> str:
    return text.casefold()


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Is ``part`` a run of consecutive words of ``words`` (and shorter)?"""
    n = len(part)
    return n < len(words) and any(words[i : i + n] == part for i in range(len(words) - n + 1))


def _grow(texts: list[str], i: int, words: tuple[str, ...]) -> tuple[int, int]:
    """The longest run around token ``i`` that spells consecutive words of the name."""
    key = _fold(texts[i])
    best = (i, i + 1)
    for pos, word in enumerate(words):
        if word not in (key, key.rstrip("s")):
            continue
        start, end = i, i + 1
        while start > 0 and pos - (i - start) - 1 >= 0 and _fold(texts[start - 1]) == words[pos - (i - start) - 1]:
            start -= 1
        while end < len(texts) and pos + (end - i) < len(words) and _fold(texts[end]) == words[pos + (end - i)]:
            end += 1
        if end - start > best[1] - best[0]:
            best = (start, end)
    return best

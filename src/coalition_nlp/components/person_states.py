"""The state a person acts for: the office-holder table, the title's own state, a
bracketed state or party, a parliament; for a state office with no state in its title
the sentence, the sentence before, the paragraph, the dateline. And "der US-Minister"
without a name as a mention of the one person who fits it."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..holders import office_holder
from ..lexicon import load_json, load_tsv
from .person_context import DETERMINERS, PersonContext
from .person_mentions import Person
from .person_titles import title_at
from .view import doc_view

_CONTEXT = load_json("person_context.json")

_PARTY_STATES = {row["party"]: row["country"] for row in load_tsv("parties.tsv") if row["country"]}
_PARLIAMENTS: dict[str, str] = _CONTEXT["parliaments"]
_DOMESTIC_ROLE_ENDINGS = tuple(_CONTEXT["domestic_role_endings"])
_INTERLOCUTOR = frozenset(_CONTEXT["interlocutor_words"])
_PRIVATE_ROLES = frozenset(_CONTEXT["private_roles"])


def acting_state(doc: Doc, person: Person, ctx: PersonContext) -> str | None:
    """The state a person acts for: the title's own, else (state offices only) the context."""
    known = _holder_state(person.canonical, doc._.published)
    if known is not None:
        return known or None  # "" for an official of the UN, Nato or EU: no state
    # "US-Sprecher", "Frankreichs Außenminister"; not a private person's nationality ("US-Journalist")
    explicit = [t.iso for _, t in person.titles if t.iso and t.role not in _PRIVATE_ROLES]
    if explicit:
        return max(set(explicit), key=explicit.count)
    by_party = next((_PARTY_STATES[t.party] for _, t in person.titles if _PARTY_STATES.get(t.party)), None)
    if by_party:
        return by_party  # "Sigmar Gabriel (SPD)": a German party's politician acts for Germany
    if any(t.org for _, t in person.titles):
        return None
    served = next((iso for _, t in person.titles if (iso := _possessor_state(doc, t))), None)
    if served:
        return served  # "Bidens Sicherheitsberater Jake Sullivan"
    member = _parliament_state(ctx.texts, person)
    if member:
        return member
    offices = [(start, t) for start, t in person.titles if t.state_actor]
    if not offices:
        spoken_for = (ctx.institution_after(start) for start, t in person.titles if t.role)
        return _announced(doc, person, ctx) or next((iso for iso in spoken_for if iso), None)
    start, title = min(offices, key=lambda x: x[0])
    if _interlocutor(doc, start):
        # "ein Treffen mit Ministerpräsident X": the other side, not the subject's state
        n = ctx.sent_of[title.anchor]
        return (
            ctx.place_in(n) or (ctx.place_in(n - 1) if n > 0 else None)  # "nach Damaskus reisen und dort mit ..."
            or ctx.place_state() or ctx.previous_state(title.anchor)
            or (ctx.lex.bundes_country(doc_view(doc).agency) if _domestic(title.role) else None)
        )
    return (
        ctx.subject_state(title.anchor)
        or ctx.previous_state(title.anchor)
        or ctx.paragraph_state(title.anchor)
        or ctx.place_state()
        or (ctx.lex.bundes_country(doc_view(doc).agency) if _domestic(title.role) else None)
    )


def _announced(doc: Doc, person: Person, ctx: PersonContext) -> str | None:
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
            title = title_at(doc, start, end, ctx)
            if title.iso and title.state_actor:
                return title.iso
    return None


def titled_references(doc: Doc, persons: dict[str, Person], ctx: PersonContext, mentions: list[Span]
) -> list[Span]:
    """ "der US-Minister": a titled reference without a name, when one person fits it alone
    -- one holding that office, else the one person just named without any ("Gastgeber
    Mike Pompeo begrüßt ... Der US-Außenminister spricht ...")."""
    spans = []
    for start, end in ctx.titles:
        if start == 0 or doc[start - 1].text not in DETERMINERS and not ctx.country_at.get(start - 1):
            continue
        if end < len(doc) and ctx.word(end):
            continue
        title = title_at(doc, start, end, ctx)
        if not title.iso or not title.role:
            continue
        role = title.role.casefold()
        fits = [
            p for p in persons.values()
            if p.iso == title.iso and any(t.role and t.role.casefold().endswith(role) for _, t in p.titles)
        ]
        if not fits:
            fits = _untitled_just_named(persons, ctx, mentions, start, title.iso)
            for person in fits:
                person.iso = title.iso
        if len(fits) == 1:
            # with its article, so that its offsets differ from the country mention in it
            first = title.anchor - 1 if title.anchor and doc[title.anchor - 1].text in DETERMINERS else title.anchor
            span = Span(doc, first, end, label=ext.PERSON)
            span._.canonical, span._.role = fits[0].canonical, title.role
            spans.append(span)
    return spans


def _untitled_just_named(
    persons: dict[str, Person], ctx: PersonContext, mentions: list[Span], start: int, iso: str | None
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


def _parliament_state(texts: list[str], person: Person) -> str | None:
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
    terms = office_holder(name, published, surname=True)  # "Obama", "von der Leyen"
    if not terms and " " in name and published:
        terms = [t for t in office_holder(name) if t.iso3]
    states = {t.iso3 or "" for t in terms}
    return states.pop() if len(states) == 1 else None


def _possessor_state(doc: Doc, title) -> str | None:
    """The state of the office holder whose title-bearer this is, named in the genitive just
    before the title ("Bidens Sicherheitsberater", "Putins Sprecher")."""
    k = title.anchor - 1
    if not title.role or k < 0:
        return None
    word = doc_view(doc).texts[k]
    if not (word[:1].isupper() and word.endswith(("s", "’", "'"))):
        return None
    return _holder_state(word.rstrip("s’'"), doc._.published) or None


def _domestic(role: str | None) -> bool:
    """An office a German newspaper names without "Bundes-" only for its own government
    ("Außenminister X" is German; "Präsident X", "Premierminister X" are not)."""
    return bool(role) and role.lower().endswith(_DOMESTIC_ROLE_ENDINGS)


def _interlocutor(doc: Doc, start: int) -> bool:
    """A title governed by "mit"/"gegenüber" names the person met, not the speaker."""
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    return any(w in _INTERLOCUTOR for w in before)

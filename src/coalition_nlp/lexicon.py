"""Language data from ``resources/``, read once per process.

Components never open files themselves: they ask this module, so that every word list
lives in one data file and is parsed exactly once.
"""
from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from . import cache

_PKG = "coalition_nlp.resources"


def _read_text(name: str) -> str:
    return resources.files(_PKG).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """A JSON resource, e.g. ``load_json("numbers.json")``."""
    return json.loads(_read_text(name))


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """A TSV resource with a header row; blank lines and ``#`` comments are skipped."""
    lines = [ln for ln in _read_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return tuple(dict(zip(header, ln.split("\t"))) for ln in lines[1:])


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """A one-entry-per-line resource; blank lines and ``#`` comments are skipped."""
    return tuple(
        ln.strip() for ln in _read_text(name).splitlines() if ln.strip() and not ln.startswith("#")
    )


# --- German noun-phrase inflection -------------------------------------------------------
# Names are stored in the nominative; text shows them in every case ("des Vereinigten
# Königreichs", "den Vereinigten Arabischen Emiraten"). Only the endings news text uses are
# derived: weak adjective endings after an article, genitive -s/-es, dative plural -n.

_ADJECTIVE = re.compile(
    r"^[^\W\d_][\w-]*(sch|ig|igt|iert|al|iv|ell|eiß|ot|rei|eint|är|erst|ührt)(es|er|en|e)$"
)
_GENDERS = ("m", "n", "f", "pl", "x")


@lru_cache(maxsize=None)
def _heads() -> tuple[tuple[str, str], ...]:
    return tuple((row["suffix"], row["gender"]) for row in load_tsv("name_heads.tsv"))


def head_gender(word: str) -> str | None:
    """Gender of a common head noun ("Bundesrepublik" -> "f"), None for proper names."""
    low = word.lower()
    return next((g for suffix, g in _heads() if low.endswith(suffix)), None)


def phrase_head(tokens: list[str]) -> tuple[int, int]:
    """Number of leading adjectives and index of the word that takes the case ending."""
    n_adj = 0
    while n_adj < len(tokens) - 1 and _ADJECTIVE.match(tokens[n_adj]):
        n_adj += 1
    if n_adj or len(tokens) == 1 or head_gender(tokens[0]):
        return n_adj, n_adj
    return 0, len(tokens) - 1  # "Sri Lanka", "Bosnien und Herzegowina": ending on the last word


def _adjective_stem(token: str) -> str:
    return token[:-2] if token.endswith(("es", "er", "en")) else token[:-1]


def _head_forms(word: str, gender: str, proper: bool) -> list[str]:
    if gender == "f":
        return [word]
    if gender == "pl":
        return [word] if word.endswith(("n", "s")) else [word, word + "n"]
    if word.endswith("nis"):
        return [word, word + "ses"]
    if word.endswith(("s", "ß", "x", "z")):
        return [word] if proper else [word, word + "es"]
    forms = [word, word + "s"]
    if not proper and word[-1] not in "aeiouyäöü" and not word.endswith(("en", "el", "er", "em", "on", "um")):
        forms.append(word + "es")
    return forms


def inflect_phrase(phrase: str, gender: str, proper: bool = False) -> list[str]:
    """Case forms of a nominative noun phrase, as they follow an article or stand alone.

    ``gender`` is that of the head noun (m, n, f, pl; x = invariable). ``proper`` names
    ("Irak") take only -s in the genitive, common nouns also -es ("Amtes").
    """
    if gender not in _GENDERS:
        raise ValueError(f"unknown gender {gender!r} for {phrase!r}")
    if gender == "x" or phrase.isupper():
        return [phrase]
    tokens = phrase.split(" ")
    n_adj, head = phrase_head(tokens)
    proper = proper and head_gender(tokens[head]) is None
    before, rest = tokens[n_adj:head], tokens[head + 1 :]
    adjectives = tokens[:n_adj]
    forms = {phrase}
    oblique = [_adjective_stem(a) + "en" for a in adjectives]
    if adjectives and gender != "pl":
        weak = [_adjective_stem(a) + "e" for a in adjectives]
        forms.add(" ".join([*weak, *before, tokens[head], *rest]))
    for form in _head_forms(tokens[head], gender, proper):
        forms.add(" ".join([*oblique, *before, form, *rest]))
    return sorted(forms)


def _spellings(form: str) -> set[str]:
    """The form and its Swiss spelling ("Aussenminister"), which SDA text uses."""
    return {form, form.replace("ß", "ss")}


def _capitalisations(form: str) -> set[str]:
    """Both first-letter cases: adjectives start sentences and names ("Französische Republik")."""
    variants = {form, form[0].upper() + form[1:]}
    if len(form) > 1 and form[1].islower():
        variants.add(form[0].lower() + form[1:])
    return {spelling for variant in variants for spelling in _spellings(variant)}


def split_field(cell: str) -> list[str]:
    return [part for part in (cell or "").split("|") if part]


# --- the lexicon -----------------------------------------------------------------------

_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
# Organisations of these kinds act for their state ("Bundeswehr-General" acts for DEU).
_STATE_ORG_KINDS = frozenset({"ministry", "military", "intelligence", "parliament", "court"})
_BUNDES = "BUNDES"


@dataclass(frozen=True)
class OfficeInfo:
    """What an office word says about its holder.

    ``country`` is set only when the word itself fixes the state; "Bundes-" offices carry
    DEU, which callers replace with :meth:`Lexicon.bundes_country` for APA/SDA text.
    """

    role: str
    state_actor: bool
    country: str | None


@dataclass(frozen=True)
class OrgInfo:
    """An organisation; ``country`` only for a state's own bodies (Bundeswehr, CIA)."""

    canonical: str
    kind: str
    country: str | None


class Lexicon:
    """All word lists as lookup tables, built once (see :func:`get_lexicon`).

    Lookups are exact on the surface form: the tables already hold every case form, so
    callers never stem or lower-case.
    """

    def __init__(self) -> None:
        self._agencies = {row["agency"].lower(): row["iso3"] for row in load_tsv("agencies.tsv")}
        self._home_marks = {row["mark"]: row["agency"] for row in load_tsv("home_marks.tsv")}
        self._build_regions()
        self._build_countries()
        self._build_adjectives()
        self._build_capitals()
        self._build_offices()
        self._build_institutions()
        self._build_orgs()
        self._given = frozenset(load_list("given_names.txt")) | frozenset(load_list("given_names_extra.txt"))
        self._particles = frozenset(load_list("name_particles.txt"))
        self._cities = {row["city"]: row["iso3"] for row in load_tsv("cities.tsv")}
        self._build_verbs()

    # -- construction --

    def _build_verbs(self) -> None:
        rows = [ln.split("\t") for ln in _read_text("verb_forms.tsv").splitlines()[2:]]
        # one string per form, "tense lemma": a single table reads from the cache in half the time
        self._verbs = {form: f"{tense} {lemma}" for form, lemma, tense in rows}
        for _, lemma, _ in rows:  # the infinitive is also the plural of the present: "Die Minister beraten"
            self._verbs.setdefault(lemma, f"inf {lemma}")
        for row in load_tsv("verb_forms_irregular.tsv"):  # "stand", "fanden", "gegeben"
            self._verbs.setdefault(row["form"], f"{row['tense']} {row['lemma']}")

    def _build_regions(self) -> None:
        forms: set[str] = set()
        adjective_stems: set[str] = set()
        for entry in load_list("regions.txt"):
            if entry[0].islower():
                adjective_stems.add(entry)
                for ending in _ADJECTIVE_ENDINGS:
                    forms |= _capitalisations(entry + ending)
            else:
                forms.update(s for f in inflect_phrase(entry, "n", proper=True) for s in _spellings(f))
        self._regions = frozenset(forms)
        self._region_adjectives = frozenset(adjective_stems)

    def _build_countries(self) -> None:
        info = load_tsv("countries.tsv")
        self._canonical = {row["iso3"]: row["canonical"] for row in info}
        self._un = frozenset(row["iso3"] for row in info if row["status"] == "un")
        rows = load_tsv("country_names.tsv")
        names: dict[str, str] = {}
        for row in rows:
            names.setdefault(row["form"], row["iso3"])
        for row in rows:
            for form in inflect_phrase(row["form"], row["gender"], proper=True):
                names.setdefault(form, row["iso3"])
        prefixes = {row["form"]: row["iso3"] for row in rows if " " not in row["form"]}
        for row in info:
            for prefix in split_field(row["prefixes"]):
                prefixes[prefix] = row["iso3"]
        compass = load_list("compass_prefixes.txt")
        for row in rows:
            form, iso, gender = row["form"], row["iso3"], row["gender"]
            if (
                not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+", form)
                or gender == "pl"
                or head_gender(form)  # "Bundesrepublik"
                or form.startswith(tuple(compass))  # "Nordkorea" is not compounded again
            ):
                continue
            for direction in compass:
                closed = direction + form[0].lower() + form[1:]
                if closed in self._regions:
                    continue
                if closed in names:  # "Südsudan" is a state of its own
                    names.setdefault(f"{direction}-{form}", names[closed])
                    prefixes.setdefault(f"{direction}-{form}", names[closed])
                    continue
                for compound in (closed, f"{direction}-{form}"):
                    prefixes.setdefault(compound, iso)
                    for inflected in inflect_phrase(compound, gender, proper=True):
                        names.setdefault(inflected, iso)
        self._names = names
        self._prefixes = prefixes

    def _build_adjectives(self) -> None:
        adjectives: dict[str, str] = {}
        stems: dict[str, str] = {}
        for row in load_tsv("country_adjectives.tsv"):
            for stem in split_field(row["stems"]):
                stems[stem] = row["iso3"]
        compass = [c.lower() for c in load_list("compass_prefixes.txt")]
        for stem, iso in list(stems.items()):
            if "-" in stem:
                continue
            for direction in compass:
                compound = direction + stem
                if compound not in stems and compound not in self._region_adjectives:
                    stems[compound] = iso
        for stem, iso in stems.items():
            for ending in _ADJECTIVE_ENDINGS:
                for form in _capitalisations(stem + ending):
                    adjectives.setdefault(form, iso)
        for row in load_tsv("demonyms.tsv"):
            singular, plural, feminine = row["singular"], row["plural"], row["feminine"]
            genitive = singular + "s" if plural in (singular, singular + "s") else plural
            forms = [singular, genitive, plural]
            if not plural.endswith(("n", "s")):
                forms.append(plural + "n")
            if feminine != "-":
                forms.append(feminine)
                if feminine.endswith("in"):
                    forms.append(feminine + "nen")
            for form in forms:
                for variant in _capitalisations(form):
                    adjectives.setdefault(variant, row["iso3"])
        self._adjectives = adjectives

    def _build_capitals(self) -> None:
        capitals: dict[str, str] = {}
        self._metonyms: set[str] = set()
        for row in load_tsv("capitals.tsv"):
            for form in inflect_phrase(row["city"], "n", proper=True):
                capitals.setdefault(form, row["iso3"])
                if row["metonym"] == "1":
                    self._metonyms.add(form)
        self._capitals = capitals

    @staticmethod
    def _noun_forms(row: dict[str, str]) -> tuple[list[str], list[str]]:
        """Masculine and feminine surface forms of an office-like noun row."""
        role = row["role"]
        if " " in role:
            masculine = [v for f in inflect_phrase(role, "m") for v in _capitalisations(f)]
        else:
            plurals = split_field(row["plural"]) or [role]
            masculine = [role, *(split_field(row["genitive"]) or [role + "s"]), *plurals]
            masculine += [p + "n" for p in plurals if not p.endswith(("n", "s"))]
        feminine = [] if row["feminine"] in ("", "-") else [row["feminine"]]
        if feminine and feminine[0].endswith("in"):
            feminine.append(feminine[0] + "nen")
        return masculine, feminine

    def _build_offices(self) -> None:
        offices: dict[str, OfficeInfo] = {}
        self._posted: set[str] = set()
        bundes: list[tuple[str, OfficeInfo]] = []
        for row in load_tsv("offices.tsv"):
            state = row["state_actor"] == "1"
            country = "DEU" if row["country"] == _BUNDES else row["country"] or None
            masculine, feminine = self._noun_forms(row)
            for forms, role in ((masculine, row["role"]), (feminine, row["feminine"])):
                info = OfficeInfo(role, state, country)
                if row["posted"] == "1":
                    self._posted.add(role)
                for form in (spelling for f in forms for spelling in _spellings(f)):
                    offices.setdefault(form, info)
                    if row["role"].lower().endswith("minister") and not country:
                        bundes.append(("Bundes" + form[0].lower() + form[1:], OfficeInfo(role, True, "DEU")))
        for form, info in bundes:
            offices.setdefault(form, info)
        self._offices = offices
        referring: dict[str, str] = {}
        for row in load_tsv("referring_nouns.tsv"):
            masculine, feminine = self._noun_forms(row)
            for forms, role in ((masculine, row["role"]), (feminine, row["feminine"])):
                for form in forms:
                    referring.setdefault(form, role)
        self._referring = referring

    def _build_institutions(self) -> None:
        institutions: dict[str, str] = {}
        rows = list(load_tsv("institutions.tsv"))
        ministers = {i.role for i in self._offices.values() if i.role.endswith("minister") and i.role != "Minister"}
        rows += [
            {"phrase": "Bundes" + m[0].lower() + m[1:] + "ium", "gender": "n", "iso3": _BUNDES}
            for m in sorted(ministers)
        ]
        for row in rows:
            for form in inflect_phrase(row["phrase"], row["gender"]):
                for spelling in _spellings(form):
                    institutions.setdefault(spelling, row["iso3"])
        self._institutions = institutions

    def _build_orgs(self) -> None:
        orgs: dict[str, OrgInfo] = {}
        for entry in load_json("organizations.json")["organizations"]:
            info = OrgInfo(entry["canonical"], entry["kind"], entry["country"])
            for alias, gender in entry["aliases"].items():
                for form in inflect_phrase(alias, gender):
                    for spelling in _spellings(form):
                        orgs.setdefault(spelling, info)
        self._orgs = orgs

    # -- lookups --

    def country_by_name(self, form: str) -> str | None:
        """Name in any case form, or a region of the state ("Nordiraks" -> "IRQ")."""
        return self._names.get(form)

    def country_by_adjective(self, word: str) -> str | None:
        """Inflected adjective or demonym ("nordirakischen", "Jordanier")."""
        return self._adjectives.get(word)

    def country_by_prefix(self, prefix: str) -> str | None:
        """First part of a compound ("US" in "US-Außenminister"); organisations give None."""
        return self._prefixes.get(prefix)

    def country_by_capital(self, city: str) -> str | None:
        return self._capitals.get(city)

    def verb(self, form: str) -> tuple[str, str] | None:
        """(lemma, tense) of a verb form: tense "pres", "past", "subj" (Konjunktiv I) or
        "part" for third-person forms and participles, "inf" for an infinitive; from the
        table generated out of the German lemma table."""
        found = self._verbs.get(form)
        if found is not None:
            tense, _, lemma = found.partition(" ")
            return lemma, tense
        # regular forms the table lacks: "stelle" (Konjunktiv I), "stellt", "stellte", "stellten"
        for ending, tense in (("e", "subj"), ("t", "pres"), ("te", "past"), ("ten", "past")):
            lemma = form[: -len(ending)] + "en"
            if form.endswith(ending) and self._verbs.get(lemma, "").startswith("inf "):
                return lemma, tense
        return None

    def is_city(self, name: str) -> bool:
        """A city of the gazetteer (GeoNames, 100 000 inhabitants and more) or a capital."""
        return name in self._cities or name in self._capitals

    def is_metonym_capital(self, city: str) -> bool:
        """Whether the capital is used for its government ("Washington"), unlike "Brüssel"."""
        return city in self._metonyms

    def country_by_institution(self, phrase: str, agency: str | None = None) -> str | None:
        """State an institution stands for; "Bundes-" words depend on the agency."""
        iso = self._institutions.get(phrase)
        return self.bundes_country(agency) if iso == _BUNDES else iso

    def country_name(self, iso3: str) -> str:
        """Canonical German short name; unknown codes are returned unchanged."""
        return self._canonical.get(iso3, iso3)

    def is_region(self, word: str) -> bool:
        return word in self._regions

    def office(self, word: str) -> OfficeInfo | None:
        """Office noun in any form; a prefix ("US-", "Nato-", "Pentagon-") sets who it acts for."""
        info = self._offices.get(word)
        if info is not None or "-" not in word:
            return info
        prefix, tail = word.rsplit("-", 1)
        info = self._offices.get(tail)
        if info is None:
            return None
        iso = self.country_by_institution(prefix)
        if iso:  # "Pentagon-Sprecher" speaks for the state
            return OfficeInfo(info.role, True, iso)
        iso = self.country_by_prefix(prefix)
        if iso:  # "US-Journalist" has a nationality but does not act for the state
            return OfficeInfo(info.role, info.state_actor, iso if info.state_actor else None)
        org = self.org(prefix) or (self.org(prefix[:-1]) if prefix.endswith("s") else None)
        if org is None:
            return info
        if org.country and org.kind in _STATE_ORG_KINDS:
            return OfficeInfo(info.role, True, org.country)
        if info.role in self._posted:  # "UN-Botschafterin": a state's envoy to the UN
            return OfficeInfo(info.role, info.state_actor, None)
        return OfficeInfo(info.role, False, None)

    def referring_noun(self, word: str) -> str | None:
        """Normalised "Amtskollege"-type noun ("US-Kollege" too): refers to an office holder."""
        found = self._referring.get(word)
        return found if found or "-" not in word else self._referring.get(word.rsplit("-", 1)[-1])

    def org(self, phrase: str) -> OrgInfo | None:
        return self._orgs.get(phrase)

    def is_given_name(self, word: str) -> bool:
        """Known given name; hyphenated ones ("Frank-Walter") when every part is."""
        return word in self._given or ("-" in word and all(p in self._given for p in word.split("-")))

    def is_name_particle(self, word: str) -> bool:
        return word in self._particles

    def bundes_country(self, agency: str | None) -> str:
        """State meant by "Bundes-" words: Austria for APA, Switzerland for SDA, else Germany."""
        return self._agencies.get((agency or "").lower(), "DEU")

    def home_agency(self, agency: str | None, text: str) -> str | None:
        """The dateline's agency, else one an APA or SDA text credits elsewhere ("Foto: APA/...",
        "(sda)"), else one its wording marks: whose "Bundes-" words are meant."""
        if agency:
            return agency
        found = _agency_pattern(tuple(self._agencies)).search(text)
        if found:
            return found.group(1)
        # no credit: a Swiss or Austrian wording ("40 Millionen Franken", "Aussenminister", "Jänner")
        return next((home for mark, home in self._home_marks.items() if mark in text), None)

    def country_name_forms(self) -> Iterable[tuple[str, str]]:
        return self._names.items()

    def country_adjective_forms(self) -> Iterable[tuple[str, str]]:
        return self._adjectives.items()

    def capital_forms(self) -> Iterable[tuple[str, str]]:
        return self._capitals.items()

    def institution_forms(self) -> Iterable[tuple[str, str]]:
        """Forms with their state; "Bundes-" words are given as DEU (see bundes_country)."""
        return ((form, "DEU" if iso == _BUNDES else iso) for form, iso in self._institutions.items())

    def office_forms(self) -> Iterable[tuple[str, OfficeInfo]]:
        return self._offices.items()

    def org_forms(self) -> Iterable[tuple[str, OrgInfo]]:
        return self._orgs.items()

    def un_members(self) -> frozenset[str]:
        return self._un

    # -- the compiled tables, for the cache --

    def to_state(self) -> dict[str, list]:
        return {name: _encode(value) for name, value in vars(self).items()}

    @classmethod
    def from_state(cls, state: dict[str, list]) -> Lexicon:
        lexicon = cls.__new__(cls)
        for name, (kind, value) in state.items():
            setattr(lexicon, name, _DECODE[kind](value))
        return lexicon


_RECORDS = {"OfficeInfo": OfficeInfo, "OrgInfo": OrgInfo}


def _records(record: type) -> Any:
    return lambda table: {k: record(*v) for k, v in table.items()}


_DECODE = {"set": set, "frozenset": frozenset, "dict": dict, **{n: _records(r) for n, r in _RECORDS.items()}}


def _encode(value: Any) -> list:
    """A table as [kind, msgpack-ready value]; dictionaries keep their order."""
    if isinstance(value, (set, frozenset)):
        return [type(value).__name__, sorted(value)]
    record = next(iter(value.values()), None)
    if type(record).__name__ in _RECORDS:
        return [type(record).__name__, {k: astuple(v) for k, v in value.items()}]
    return ["dict", value]


@lru_cache(maxsize=1)
def _agency_pattern(agencies: tuple[str, ...]) -> re.Pattern:
    """Agency names as whole words, compiled once ("APA/Archiv", "(sda)")."""
    alternatives = "|".join(map(re.escape, sorted(agencies, key=len, reverse=True)))
    return re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The process-wide lexicon, read from the cache (building it parses every resource).

    Its hundreds of thousands of strings and tuples live as long as the process, so they are
    taken out of the cyclic garbage collector's walks (``gc.freeze``): every full collection
    would otherwise visit them all, which cost a twentieth of a second at each start.
    """
    state = cache.read("lexicon")
    lexicon = None
    if state is not None:
        try:
            lexicon = Lexicon.from_state(state)
        except (KeyError, TypeError, ValueError):  # a damaged file: build and write it again
            pass
    if lexicon is None:
        lexicon = Lexicon()
        cache.write("lexicon", lexicon.to_state())
    del state
    gc.freeze()
    return lexicon

"""Word classes the clause analysis reads: closed classes from ``clauses.json`` and
``tense.json``, verb forms from ``verb_forms.tsv``; and the tense of a clause's words."""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import get_lexicon, load_json

D = load_json("clauses.json")
T = load_json("tense.json")
BREAKS = frozenset(D["breaks"])
BRACKETS: dict[str, str] = D["brackets"]
LABEL_MARKS = frozenset(D["label_marks"])  # "Wellington ·", "Besuch aus Bagdad:": a label, no subject
SUBORDINATORS = frozenset(D["subordinators"])
RELATIVES = frozenset(D["relative_pronouns"])
INFINITIVE_OPENERS = frozenset(D["infinitive_openers"])
COORDINATORS = frozenset(D["coordinators"])
PARTICLES = frozenset(D["separable_particles"])
CLOSING_PARTICLES = frozenset(D["closing_particles"])
NEGATIONS = frozenset(D["negations"])
MODALS: dict[str, str] = D["modals"]
PLAN_VERBS = frozenset(D["plan_verbs"])
PLAN_PARTICIPLES = frozenset(D["plan_participles"])
PASSIVE = frozenset(D["passive_auxiliaries"])
PREP = load_json("prepositions.json")
ROLES: dict[str, str] = PREP["roles"]
PREPOSITIONS = frozenset(PREP["other"]) | ROLES.keys() | {"in"}
DATIVE = frozenset(D["dative_determiners"])
DATIVE_ONLY = frozenset(D["dative_only_determiners"])
ACCUSATIVE = frozenset(D["accusative_determiners"])
NOMINATIVE = frozenset(D["nominative_determiners"])
DETERMINERS = frozenset(D["determiners"])
CONTRACTIONS = frozenset(D["article_contractions"])
POSSESSIVES = frozenset(D["possessive_determiners"])
ADVERBS = frozenset(D["adverbs"])
AUXILIARIES: dict[str, str] = T["auxiliaries"]
PERFECT = frozenset(T["perfect_auxiliaries"])
ANNOUNCE = frozenset(T["future_over_past"])
FINITE = frozenset({"pres", "past", "subj"})
WERDEN = frozenset(D["future_auxiliaries"])
PRONOUNS = frozenset(D["personal_pronouns"])
SUBJUNCTIVE = frozenset(D["subjunctive_auxiliaries"])
DATES = load_json("dates.json")
FUNCTION_WORDS = frozenset().union(
    D["determiners"], D["relative_pronouns"], D["subordinators"], D["coordinators"], D["personal_pronouns"],
    D["negations"], PREP["roles"], D["adverbs"], ["in", "zu", "um", "ohne"],
)
TIME_WORDS = frozenset(w.lower() for w in (*DATES["weekdays"], *DATES["months"]))
MAX_NAME = 4  # "Frank-Walter Steinmeier", "Sabah al-Ahmad al-Sabah": tokens of a head after a preposition



def clause_tense(words: list[str]) -> str | None:
    """The tense of a clause from its finite verbs: "future" (werden, modals of intent, an
    announcement), "past" (Präteritum, or Perfekt: haben/sein with a participle, "beraten"
    being both participle and infinitive), "present", "subj" (Konjunktiv I only), or None
    where no finite verb is known."""
    kinds = {
        AUXILIARIES.get(w) or (found[1] if (found := verb_of(w)) else None)
        for before, w, after in zip(["", *words], words, [*words[1:], ""])
        # "der deutschen" before a noun (a capitalised word, given as ""): an adjective;
        # "Diese soll", "Das teilte die EU mit": a pronoun and its verb
        if before not in DETERMINERS or w in AUXILIARIES or after != ""
    }
    if not WERDEN.isdisjoint(words) and "part" in kinds and "inf" not in kinds and MODALS.keys().isdisjoint(words):
        kinds = (kinds - {"future", "part"}) | {"pres"}  # "wird ... bereitgestellt": a passive, not the future
    if "future" in kinds or not ANNOUNCE.isdisjoint(words):
        return "future"
    if "past" in kinds or kinds & {"part", "inf"} and not PERFECT.isdisjoint(words):
        return "past"
    if "pres" in kinds or "inf" in kinds and "subj" not in kinds:
        return "present"
    return "subj" if "subj" in kinds else None


@lru_cache(maxsize=1 << 16)
def verb_of(form: str) -> tuple[str, str] | None:
    """(lemma, tense) of a lower-case word, looked up once per distinct word; function words,
    a closed class, are never verbs ("eine" is no form of "einen")."""
    return None if form in FUNCTION_WORDS else get_lexicon().verb(form)


def verb_kinds(view) -> list[str | None]:
    """Per token, read once per doc: "aux" for an auxiliary or modal, a verb form's tense, or
    None (capitalised words are nouns: "Treffen")."""
    kinds = getattr(view, "verb_kinds", None)
    if kinds is None:
        kinds = view.verb_kinds = [
            None if not text[:1].islower()
            else "aux" if low in AUXILIARIES  # "Diese soll ...": after a pronoun, never an adjective
            else None if (before in DETERMINERS and _noun_follows(view, k)) or attributive(view, k)  # "der deutschen Kanzlerin": an adjective
            else (found[1] if (found := verb_of(low)) else None)
            for k, (text, low, before) in enumerate(zip(view.texts, view.lowers, ["", *view.lowers]))
        ]
    return kinds


def _noun_follows(view, k: int) -> bool:
    """A capitalised word next: after an article, "deutschen Kanzlerin" is an adjective and its
    noun, "Das teilte die EU mit" a pronoun and its verb."""
    return k + 1 < len(view.texts) and view.texts[k + 1][:1].isupper()


def is_count(word: str) -> bool:
    """A number that counts, not a year ("2015 schickte Frankreich ...") nor an ordinal ("5.")."""
    if word.endswith("."):
        return False
    digits = word.replace(".", "")
    return digits.isdigit() and not (len(digits) == 4 and digits[:2] in ("19", "20") and "." not in word)


def attributive(view, k: int) -> bool:
    """A lower-case word between a count and a noun is an adjective: "500 deutsche Soldaten"."""
    return 0 < k < len(view.texts) - 1 and is_count(view.lowers[k - 1]) and view.texts[k + 1][:1].isupper()


def is_verbal(view, i: int) -> bool:
    """A verb form or auxiliary."""
    return verb_kinds(view)[i] is not None


def is_finite(view, i: int) -> bool:
    kind = verb_kinds(view)[i]
    return kind == "aux" or kind in FINITE


def zu_infinitive(word: str) -> str | None:
    """"bereitzustellen" -> "bereitstellen"."""
    particle, _, rest = word.partition("zu")
    return particle + rest if particle in PARTICLES and rest and verb_of(particle + rest) else None



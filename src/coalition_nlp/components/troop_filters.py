"""Figures beside a personnel noun that are still no deployment: casualties, a state's forces
as a whole, what a camp can hold, and soldiers whom others train or equip."""
from __future__ import annotations

from spacy.tokens import Span

from ..lexicon import load_json
from .context import WordSet, clause_text
from .view import doc_view

_DATA = load_json("troops.json")
_LIST_OPENERS = frozenset(_DATA["casualty_list_openers"])
_NOT_TROOPS = WordSet(_DATA["not_troops"])
_HOUSING = frozenset(_DATA["housing_verbs"])
_ARMED_FORCES = frozenset(_DATA["armed_forces_verbs"])
_EQUIPPED = frozenset(_DATA["equipped_verbs"])


def no_deployment(num: Span, clause, noun: int) -> bool:
    """Whether the figure ``num`` of the personnel noun at ``noun``, in ``clause``, is none."""
    return _casualty_context(num) or _armed_forces(clause) or _equipped(clause, noun)


def _casualty_context(num: Span) -> bool:
    """Casualties in the number's clause, or in the clause a "darunter" list continues."""
    doc, view = num.doc, doc_view(num.doc)
    tokens = [num[0]]
    start = view.sent_start(num.start)
    opener = next((i for i in range(num.start - 1, start - 1, -1) if view.texts[i] == ","), None)
    if opener is not None and opener + 1 < num.start and view.lowers[opener + 1] in _LIST_OPENERS and opener > start:
        tokens.append(doc[opener - 1])
    return clause_text(tokens) in _NOT_TROOPS


def _armed_forces(clause) -> bool:
    """"Die Türkei verfügt über 350.000 Soldaten": a state's forces as a whole, serving nowhere in
    particular; "Das Lager soll 800 Soldaten beherbergen": what a camp holds, not who is there."""
    if clause.verb in _HOUSING:
        return True
    return clause.verb in _ARMED_FORCES and not any(p.role in ("place", "direction") for p in clause.phrases)


def _equipped(clause, noun: int) -> bool:
    """Soldiers that others train or equip: the personnel noun is the subject of such a verb's
    passive, or stands after its active verb, neither its subject nor in a prepositional phrase."""
    if clause.verb not in _EQUIPPED or clause.finite is None:
        return False
    role = clause.role_at(noun)
    if clause.passive:
        return role in (None, "subject", "agent")  # "ein Verband von 4000 Soldaten": no agent
    return role is None and noun > clause.finite

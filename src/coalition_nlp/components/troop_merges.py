"""Troop figures that are told more than once: one record each.

"schickt weitere 440 Soldaten ..., die Truppe wächst damit auf rund 1100" is one change with
its total; "Wir werden 450 ... hinschicken", after the same figure was told, is the same one.
"""
from __future__ import annotations

from spacy.tokens import Span

from ..lexicon import load_json
from ..syntax.analysis import clause_at
from .view import doc_view

_DATA = load_json("troops.json")
_LINKS = frozenset(_DATA["continuation"]) | frozenset(_DATA["total_cues"])


def joined(records: list[Span]) -> list[Span]:
    """One sentence, one state, one kind of personnel: "schickt weitere 440 Soldaten ...,
    die Truppe wächst damit auf rund 1100 Soldaten" is one change with its total."""
    out: list[Span] = []
    for record in records:
        ev = record._.event
        partner = next(
            (r for r in out if (r._.event["country"], r._.event["personnel"]) == (ev["country"], ev["personnel"])
             and (_completes(r._.event, ev) or _completes(ev, r._.event)) and _linked(r, record)),
            None,
        )
        if partner is None:
            out.append(record)
            continue
        merged = partner._.event
        _fill(merged, ev)
        merged["approx"] = merged["approx"] or ev["approx"]
        if record.sent != partner.sent:
            merged.setdefault("evidence", []).append(record)
    return out


def _linked(first: Span, second: Span) -> bool:
    """Both figures in one clause, or the later clause tying its figure to the first one
    ("damit", "insgesamt"): not "470 Soldaten nach Niger, während das 1500 Mann starke
    Kontingent im Irak halbiert wird"."""
    doc = first.doc
    a, b = clause_at(doc, first.start), clause_at(doc, second.start)
    return a is b or not _LINKS.isdisjoint(doc_view(doc).lowers[b.start : b.end])


def _fill(kept: dict, other: dict) -> None:
    """What one telling of a figure leaves out, the other may say."""
    for key in ("change", "total"):
        if kept[key] is None:
            kept[key] = other[key]


def _completes(first: dict, second: dict) -> bool:
    """``second`` adds the total ``first`` lacks, agreeing on the change where both state it."""
    return (
        first["total"] is None and second["total"] is not None
        and (second["change"] is None or second["change"] == first["change"])
        and first["change"] is not None
    )


def once(records: list[Span]) -> list[Span]:
    """The same state and figures told again ("Wir werden 450 ... hinschicken") are one record,
    unless they name different places ("nach Kuwait", then "in die Region" or "nach Kuwait und Irak")."""
    seen: list[tuple[tuple, set]] = []
    out = []
    for r in records:
        event = r._.event
        key, places = (event["country"], event["change"], event["total"]), set(event["destination"])
        same = next((k for k, (figures, p) in enumerate(seen)
                     if _same_figures(figures, key) and (p & places or not p or not places)), None)
        if same is None:
            seen.append((key, places))
            out.append(r)
            continue
        _fill(out[same]._.event, event)
    return out


def _same_figures(a: tuple, b: tuple) -> bool:
    """One state, and one figure told as a change here and a total there, or figures that agree
    where both state them ("400 Soldaten", then "bis zu 400 Soldaten sollen entsendet werden")."""
    (country, change, total), (other, other_change, other_total) = a, b
    if country != other:
        return False
    changes = change is None or other_change is None or change == other_change
    totals = total is None or other_total is None or total == other_total
    # "Sechshundert Soldaten sollen nach Estland" above, "die Verlegung von 600 Soldaten" below: one figure
    shared = ({change, total} & {other_change, other_total}) - {None}
    return changes and totals and bool(shared)

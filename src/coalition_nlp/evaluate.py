"""Scoring against gold annotations, exactly as ``shared/spec/records.md`` §4 fixes it.

Every kind is scored by a maximum one-to-one assignment between predicted and gold
records, so the order of records never matters. A prediction left over that matches an
``optional`` gold record counts neither way.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Iterator, Sequence

from pydantic import ValidationError

from .names import fold, person_matches
from .records import ArticleExtraction, ArticleInfo

KINDS = ("persons", "countries", "meetings", "troop_commitments", "money_pledges")
EVENT_KINDS = ("meetings", "troop_commitments", "money_pledges")


def _close(value: float | None, gold: float, tolerance: float) -> bool:
    return value is not None and abs(value - gold) <= tolerance * abs(gold)


def _accepted(gold_value: Any) -> list:
    return gold_value if isinstance(gold_value, list) else [gold_value]


def max_assignment(n_pred: int, n_gold: int, compatible: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): predicted index -> gold index."""
    edges = [[g for g in range(n_gold) if compatible(p, g)] for p in range(n_pred)]
    gold_of: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_of or augment(gold_of[g], seen):
                gold_of[g] = p
                return True
        return False

    for p in range(n_pred):
        augment(p, set())
    return {p: g for g, p in gold_of.items()}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    country_checked: int = 0
    country_correct: int = 0
    notes: list[str] = field(default_factory=list)  # misses and extras, for --explain

    @property
    def events(self) -> Score:
        total = Score()
        for kind in EVENT_KINDS:
            total.add(self.scores[kind])
        return total

    @property
    def person_country_accuracy(self) -> float:
        return self.country_correct / self.country_checked if self.country_checked else 1.0

    def as_dict(self) -> dict[str, Any]:
        rows = {**self.scores, "events": self.events}
        out: dict[str, Any] = {
            kind: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn}
            for kind, s in rows.items()
        }
        out["person_country_accuracy"] = self.person_country_accuracy
        return out

    def table(self) -> str:
        lines = [f"{'kind':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for kind, s in {**self.scores, "events": self.events}.items():
            lines.append(f"{kind:<20}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6d}{s.fp:6d}{s.fn:6d}")
        lines.append(
            f"person country accuracy {self.person_country_accuracy:.3f} "
            f"({self.country_correct}/{self.country_checked})"
        )
        return "\n".join(lines)


def _score_kind(
    article_id: str,
    kind: str,
    predicted: Sequence[Any],
    gold: Sequence[dict],
    optional: Sequence[dict],
    compatible: Callable[[Any, dict], bool],
    describe: Callable[[Any], str],
    report: Report,
) -> dict[int, int]:
    pairs = max_assignment(len(predicted), len(gold), lambda p, g: compatible(predicted[p], gold[g]))
    score = report.scores[kind]
    score.tp += len(pairs)
    score.fn += len(gold) - len(pairs)
    for g, gold_rec in enumerate(gold):
        if g not in pairs.values():
            report.notes.append(f"{article_id} {kind} MISSED {json.dumps(gold_rec, ensure_ascii=False)}")
    for p, rec in enumerate(predicted):
        if p in pairs:
            continue
        if any(compatible(rec, o) for o in optional):
            continue
        score.fp += 1
        report.notes.append(f"{article_id} {kind} EXTRA {describe(rec)}")
    return pairs


def score_article(pred: ArticleExtraction, gold: dict, report: Report) -> None:
    aid = pred.article.id
    names = {a.id: a.name for a in pred.actors}
    optional = gold.get("optional", {})

    persons = [a for a in pred.actors if a.type == "person"]
    pairs = _score_kind(
        aid, "persons", persons, gold.get("persons", []), [],
        lambda a, g: person_matches(a.name, g["name"]), lambda a: f"{a.name} ({a.country})", report,
    )
    for p, g in pairs.items():
        gold_country = gold["persons"][g].get("country")
        if gold_country is not None:
            report.country_checked += 1
            if persons[p].country == gold_country:
                report.country_correct += 1
            else:
                report.notes.append(
                    f"{aid} persons COUNTRY {persons[p].name}: {persons[p].country} != {gold_country}"
                )

    required = set(gold.get("countries", {}).get("required", []))
    allowed = required | set(gold.get("countries", {}).get("allowed", []))
    found = {a.country for a in pred.actors if a.type == "country" and a.country}
    s = report.scores["countries"]
    s.tp += len(found & required)
    s.fn += len(required - found)
    s.fp += len(found - allowed)
    for iso in sorted(required - found):
        report.notes.append(f"{aid} countries MISSED {iso}")
    for iso in sorted(found - allowed):
        report.notes.append(f"{aid} countries EXTRA {iso}")

    def meeting_ok(m, g) -> bool:
        if m.status != g["status"]:
            return False
        accepted = _accepted(g.get("location"))
        if m.location is not None:
            # A wrong place is an error whatever the participants; only a missing one is forgiven.
            return fold(m.location) in {fold(x) for x in accepted if x is not None}
        required_names = g.get("participants", {}).get("required", [])
        if not required_names:
            return None in accepted
        present = [names.get(pid, "") for pid in m.participants]
        hits = sum(any(person_matches(n, r) for n in present) for r in required_names)
        return hits * 2 >= len(required_names)

    _score_kind(
        aid, "meetings", pred.meetings, gold.get("meetings", []), optional.get("meetings", []),
        meeting_ok, lambda m: f"{m.status} {m.location} {m.date_text} {[names.get(p) for p in m.participants]}",
        report,
    )

    def troop_ok(t, g) -> bool:
        if t.country != g["country"]:
            return False
        changes = [v for v in _accepted(g.get("change")) if v is not None]
        totals = [v for v in _accepted(g.get("total")) if v is not None]
        return any(_close(t.change, v, 0.01) for v in changes) or any(_close(t.total, v, 0.01) for v in totals)

    _score_kind(
        aid, "troop_commitments", pred.troop_commitments, gold.get("troop_commitments", []),
        optional.get("troop_commitments", []), troop_ok,
        lambda t: f"{t.country} {t.personnel} change={t.change} total={t.total} {t.status}", report,
    )

    def money_ok(m, g) -> bool:
        if m.currency != g["currency"] or not _close(m.amount, g["amount"], 0.005):
            return False
        donors = {fold(g.get("donor"))} | {fold(a) for a in g.get("donor_aliases", [])}
        return fold(m.donor) in donors

    _score_kind(
        aid, "money_pledges", pred.money_pledges, gold.get("money_pledges", []),
        optional.get("money_pledges", []), money_ok,
        lambda m: f"{m.donor} {m.amount} {m.currency} purpose={m.purpose}", report,
    )


class InputError(ValueError):
    """A predictions or gold file that cannot be used; the message is one line naming it."""


def _gold(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a gold file ({exc.__class__.__name__})") from None


def evaluate(
    predictions: Iterable[ArticleExtraction], gold_dir: str | Path, ids: Collection[str] | None = None
) -> Report:
    """Score predictions against ``gold_dir/<article id>.json``; predictions without gold are skipped.
    ``ids`` limits the gold to those articles (a set whose texts are only partly at hand).

    Raises :class:`InputError` when there is no gold at all, or when there are predictions
    and not one has gold: scores over nothing would read as perfect.
    """
    report = Report()
    gold_dir = Path(gold_dir)
    gold_files = sorted(p for p in gold_dir.glob("*.json") if ids is None or p.stem in ids)
    if not gold_files:
        raise InputError(f"{gold_dir}: no gold files (*.json) in this folder")
    seen, predicted = set(), 0
    for pred in predictions:
        predicted += 1
        path = gold_dir / f"{pred.article.id}.json"
        if not path.exists():
            report.notes.append(f"{pred.article.id} has no gold file, not scored")
            continue
        seen.add(pred.article.id)
        score_article(pred, _gold(path), report)
    if predicted and not seen:
        raise InputError(f"{gold_dir}: none of the {predicted} predicted articles has a gold file here "
                         f"(gold ids such as {gold_files[0].stem!r})")
    for path in gold_files:
        if path.stem not in seen:
            # A missing article is a loss: all its gold records count as misses.
            report.notes.append(f"{path.stem} has gold but no prediction")
            empty = ArticleExtraction(article=ArticleInfo(id=path.stem, text_sha256=""))
            score_article(empty, _gold(path), report)
    return report


def read_jsonl(path: str | Path) -> Iterator[ArticleExtraction]:
    """The records of a JSONL output, one per line; :class:`InputError` names the first bad line."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    yield _record(path, number, line)
    except UnicodeDecodeError:
        raise InputError(f"{path}: a binary file, not the JSONL output of coalition-nlp extract") from None


def _record(path: Path, number: int, line: str) -> ArticleExtraction:
    try:
        return ArticleExtraction.model_validate_json(line)
    except ValidationError as exc:
        first = exc.errors()[0]
        what = ("not JSON" if first["type"] == "json_invalid" else
                f"not an extraction record ({'.'.join(map(str, first['loc'])) or 'line'}: {first['msg']})")
        raise InputError(f"{path}: line {number} is {what}; expected the JSONL output of coalition-nlp extract") from None

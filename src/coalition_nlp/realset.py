"""The real-article set (``data/real``): sources and gold are committed, the texts are not.

The texts belong to their publishers and live git-ignored in ``data/real/texts``; whoever
re-retrieves them (``sources.json`` says how) can score the extractor on them. This module
says which texts are present and unchanged, and scores those:
``python -m coalition_nlp.realset [data/real]``.
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .evaluate import Report, evaluate


@dataclass
class RealSet:
    root: Path
    present: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # present, but not the text the gold was written on

    @classmethod
    def open(cls, root: str | Path) -> "RealSet":
        root = Path(root)
        found = cls(root)
        for source in json.loads((root / "sources.json").read_text(encoding="utf-8"))["articles"]:
            path = root / "texts" / f"{source['id']}.txt"
            if not path.is_file():
                found.missing.append(source["id"])
            elif hashlib.sha256(path.read_text(encoding="utf-8").encode("utf-8")).hexdigest() != source["sha256"]:
                found.changed.append(source["id"])
            else:
                found.present.append(path)
        return found

    @property
    def complete(self) -> bool:
        return not (self.missing or self.changed)

    def status(self) -> str:
        total = len(self.present) + len(self.missing) + len(self.changed)
        line = f"{self.root}: {len(self.present)} of {total} texts present"
        if self.missing:
            line += f", {len(self.missing)} missing (re-retrieve them as sources.json says)"
        if self.changed:
            line += f", {len(self.changed)} differ from the text the gold was written on ({', '.join(self.changed[:5])})"
        return line

    def score(self) -> Report:
        """Extract the present texts and score them against their gold only."""
        from .api import extract_many

        return evaluate(extract_many(self.present), self.root / "gold", ids={p.stem for p in self.present})


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    found = RealSet.open(args[0] if args else "data/real")
    print(found.status())
    if found.present:
        print(found.score().table())
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m benchmarks``: articles/s, tokens/s and peak RSS of a batch, next to the floor.

The floor is spaCy's bare German tokenizer plus its sentencizer over the same files: no
pipeline can be faster than that. Each measurement runs in a fresh process, so its peak
RSS is its own; the pipeline is loaded before the clock starts, since a long batch pays
for that once.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "data" / "articles"


def make_corpus(folder: Path, n: int, source: Path = SOURCE) -> list[Path]:
    """``n`` copies of the development articles, each under a new name (so a new id)."""
    originals = sorted(source.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        original = originals[i % len(originals)]
        target = folder / f"{i:06d}_{original.name}"
        target.write_bytes(original.read_bytes())
        files.append(target)
    return files


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # Linux reports KiB: the largest single process


def _measure(kind: str, folder: Path, workers: int, model: str | None) -> dict:
    files = sorted(folder.glob("*.txt"))
    if kind == "floor":
        import spacy

        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        start = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(f.read_text(encoding="utf-8") for f in files))
    else:
        from coalition_nlp.batch import run_batch
        from coalition_nlp.pipeline import load_pipeline

        load_pipeline(model)
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            result = run_batch(files, Path(out) / "events.jsonl", model=model, workers=workers)
        assert result.articles == len(files) and not result.failures
        tokens = None
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": len(files), "tokens": tokens, "peak_rss_mb": round(_peak_mb(), 1)}


def measure(kind: str, folder: Path, workers: int = 1, model: str | None = None) -> dict:
    """One measurement in a fresh interpreter."""
    args = [sys.executable, "-m", "benchmarks", "_measure", kind, str(folder), "--workers", str(workers)]
    if model:
        args += ["--model", model]
    done = subprocess.run(args, capture_output=True, text=True, check=True, cwd=Path(__file__).parents[1])
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(n: int, workers: list[int], memory_sizes: list[int], out_json: Path) -> dict:
    import spacy

    models = ["embedded"] + (["de_core_news_lg"] if spacy.util.is_package("de_core_news_lg") else [])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / f"corpus{n}"
        make_corpus(folder, n)
        floor = measure("floor", folder)
        tokens = floor["tokens"]
        rows.append({"run": "floor: blank de + sentencizer", **floor})
        for model in models:
            single = None
            for w in workers:
                r = measure("batch", folder, w, model)
                r["tokens"] = tokens
                single = single or r
                r["speedup"] = round(single["seconds"] / r["seconds"], 2)
                rows.append({"run": f"{model}, --workers {w}", **r})
        memory = []
        for size in memory_sizes:
            mfolder = Path(tmp) / f"mem{size}"
            make_corpus(mfolder, size)
            memory.append({"articles": size, **measure("batch", mfolder, 1, "embedded")})
    for r in rows + memory:
        r["articles_per_s"] = round(r["articles"] / r["seconds"], 1)
        if r.get("tokens"):
            r["tokens_per_s"] = round(r["tokens"] / r["seconds"])
        r["x_floor"] = round(r["seconds"] / floor["seconds"] * floor["articles"] / r["articles"], 1)
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "spacy": spacy.__version__},
        "articles": n,
        "throughput": rows,
        "memory": memory,
    }
    out_json.parent.mkdir(parents=True, exist_ok=True)
    out_json.write_text(json.dumps(report, indent=2) + "\n")
    return report


def table(report: dict) -> str:
    lines = [f"{report['articles']} articles, {report['machine']['cpus']} cores",
             f"{'run':48} {'art/s':>7} {'tok/s':>8} {'peak MB':>8} {'x floor':>8} {'speed-up':>8}"]
    for r in report["throughput"]:
        lines.append(f"{r['run']:48} {r['articles_per_s']:7} {r.get('tokens_per_s', ''):>8} "
                     f"{r['peak_rss_mb']:8} {r['x_floor']:8} {r.get('speedup', ''):>8}")
    for r in report["memory"]:
        lines.append(f"{'memory: embedded, ' + str(r['articles']) + ' articles':48} {r['articles_per_s']:7} "
                     f"{'':>8} {r['peak_rss_mb']:8}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    inner = sub.add_parser("_measure")
    inner.add_argument("kind", choices=["floor", "batch"])
    inner.add_argument("folder", type=Path)
    inner.add_argument("--workers", type=int, default=1)
    inner.add_argument("--model", default=None)
    parser.add_argument("--articles", type=int, default=1000, help="corpus size for throughput")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--memory", type=int, nargs="*", default=[1000, 20000], help="corpus sizes for the memory check")
    parser.add_argument("--json", type=Path, default=Path("out/benchmark.json"))
    args = parser.parse_args(argv)
    if args.command == "_measure":
        print(json.dumps(_measure(args.kind, args.folder, args.workers, args.model)))
        return
    print(table(run(args.articles, args.workers, args.memory, args.json)))


if __name__ == "__main__":
    main()

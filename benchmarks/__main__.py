"""``python -m benchmarks``: throughput, peak RSS, start-up and workers speed-up, next to the floor.

The floor is spaCy's bare German tokenizer plus its sentencizer over the same files: no
pipeline can be faster than that. Each measurement runs in a fresh process, so its peak
RSS is its own. Throughput is measured with the pipeline loaded before the clock starts,
since a long batch pays for that once; start-up and the workers speed-up are wall times
of the command line, start included, as a user sees them. The machine is shared, so the
timed runs are repeated (interleaved, so that load from elsewhere spreads over all of
them) and medians reported. The compiled-data cache lives in a temporary folder: the
first start builds it (reported as the cold start), the others read it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "articles"
CLI = [sys.executable, "-m", "coalition_nlp.cli", "extract", "--quiet", "--force"]
BLANK = (
    "import sys, spacy; nlp = spacy.blank('de'); nlp.add_pipe('sentencizer'); "
    "nlp(open(sys.argv[1], encoding='utf-8').read())"
)
TARGETS = {"x_floor": 2.5, "startup_ratio": 1.6, "workers_speedup": 1.8, "peak_rss_mb": 300}


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


def _measure(kind: str, folder: Path, model: str | None) -> dict:
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
            result = run_batch(files, Path(out) / "events.jsonl", model=model)
        assert result.articles == len(files) and not result.failures
        tokens = None
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": len(files), "tokens": tokens, "peak_rss_mb": round(_peak_mb(), 1)}


def measure(kind: str, folder: Path, model: str | None, env: dict) -> dict:
    """One throughput measurement in a fresh interpreter (clock started after loading)."""
    args = [sys.executable, "-m", "benchmarks", "_measure", kind, str(folder)]
    if model:
        args += ["--model", model]
    done = subprocess.run(args, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def wall(args: list[str], env: dict) -> dict:
    """Wall time and peak RSS (largest process) of one command, start-up included."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {process.stderr.read().decode()[-500:]}")
    process.stderr.close()
    return {"seconds": seconds, "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def _spin(seconds: float, out) -> None:
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        pass
    out.send(time.process_time())


def free_cores(processes: int = 2, seconds: float = 1.0) -> float:
    """CPU seconds that ``processes`` busy processes get per second: the cores free right now.

    The workers' speed-up can be no larger; on a shared machine it is often about one.
    """
    import multiprocessing

    pipes = [multiprocessing.Pipe(duplex=False) for _ in range(processes)]
    spinners = [multiprocessing.Process(target=_spin, args=(seconds, send)) for _, send in pipes]
    for p in spinners:
        p.start()
    cpu = sum(receive.recv() for receive, _ in pipes)
    for p in spinners:
        p.join()
    return round(cpu / seconds, 2)


def _median(runs: list[dict]) -> dict:
    """The run with the median time (its own RSS with it), and every time measured."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    return {**ordered[(len(ordered) - 1) // 2], "all_seconds": [round(r["seconds"], 3) for r in runs]}


def startup(folder: Path, env: dict, repeat: int, out: Path) -> dict:
    """One article from the command line against starting a blank German pipeline on it."""
    article = str(sorted(folder.glob("*.txt"))[0])
    cold = wall([*CLI, article, "-o", str(out / "one.jsonl")], env)  # builds the cache
    blank, cli = [], []
    for _ in range(repeat):
        blank.append(wall([sys.executable, "-c", BLANK, article], env))
        cli.append(wall([*CLI, article, "-o", str(out / "one.jsonl")], env))
    blank_s, cli_s = _median(blank)["seconds"], _median(cli)["seconds"]
    return {
        "blank_spacy_seconds": round(blank_s, 3),
        "cli_one_article_seconds": round(cli_s, 3),
        "ratio": round(cli_s / blank_s, 2),
        "cli_cold_seconds": round(cold["seconds"], 3),
        "blank_all_seconds": _median(blank)["all_seconds"],
        "cli_all_seconds": _median(cli)["all_seconds"],
    }


def run(n: int, workers: list[int], memory_sizes: list[int], repeat: int, out_json: Path) -> dict:
    import spacy

    models = ["embedded"] + (["de_core_news_lg"] if spacy.util.is_package("de_core_news_lg") else [])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "COALITION_NLP_CACHE": str(tmp / "cache")}
        folder = tmp / f"corpus{n}"
        make_corpus(folder, n)
        start = startup(folder, env, max(repeat, 5), tmp)
        runs: dict[str, list[dict]] = {}
        for _ in range(repeat):  # interleaved, so that load from elsewhere spreads over all kinds
            runs.setdefault("floor", []).append(measure("floor", folder, None, env))
            for model in models:
                runs.setdefault(model, []).append(measure("batch", folder, model, env))
            runs.setdefault("free_cores", []).append({"seconds": free_cores(max(workers))})
            for w in workers:
                args = [*CLI, str(folder), "-o", str(tmp / f"workers{w}.jsonl"), "--workers", str(w)]
                runs.setdefault(f"workers{w}", []).append(wall(args, env))
        outputs = [tmp / f"workers{w}.jsonl" for w in workers]
        identical = all(filecmp.cmp(outputs[0], o, shallow=False) for o in outputs[1:])
        floor = _median(runs["floor"])
        tokens = floor["tokens"]
        throughput = [{"run": "floor: blank de + sentencizer", **floor}]
        throughput += [{"run": f"{model}, one process", **_median(runs[model]), "tokens": tokens} for model in models]
        scaling = [{"run": f"command line, --workers {w}", "workers": w, **_median(runs[f"workers{w}"]),
                    "articles": n, "tokens": tokens} for w in workers]
        for r in scaling:
            r["speedup"] = round(scaling[0]["seconds"] / r["seconds"], 2)
        memory = []
        for size in memory_sizes:
            mfolder = tmp / f"mem{size}"
            make_corpus(mfolder, size)
            memory.append({"articles": size, **measure("batch", mfolder, "embedded", env)})
    for r in throughput + scaling + memory:
        r["seconds"] = round(r["seconds"], 3)
        r["articles_per_s"] = round(r["articles"] / r["seconds"], 1)
        if r.get("tokens"):
            r["tokens_per_s"] = round(r["tokens"] / r["seconds"])
        r["x_floor"] = round(r["seconds"] / floor["seconds"] * floor["articles"] / r["articles"], 2)
    single = throughput[1]
    report = {
        "date": dt.date.today().isoformat(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "spacy": spacy.__version__},
        "articles": n,
        "repeat": repeat,
        "throughput": throughput,
        "workers": scaling,
        "workers_identical_output": identical,
        "free_cores": [r["seconds"] for r in runs["free_cores"]],  # measured before each workers pair
        "startup": start,
        "memory": memory,
        "targets": {
            "x_floor <= 2.5": single["x_floor"] <= TARGETS["x_floor"],
            "peak RSS <= 300 MB": max(r["peak_rss_mb"] for r in [single, *memory]) <= TARGETS["peak_rss_mb"],
            "start-up <= 1.6x blank": start["ratio"] <= TARGETS["startup_ratio"],
            "--workers 2 >= 1.8x": bool(scaling[1:]) and scaling[-1]["speedup"] >= TARGETS["workers_speedup"],
        },
    }
    out_json.parent.mkdir(parents=True, exist_ok=True)
    out_json.write_text(json.dumps(report, indent=2) + "\n")
    return report


def table(report: dict) -> str:
    lines = [f"{report['articles']} articles, {report['machine']['cpus']} cores, medians of {report['repeat']} runs",
             f"{'run':48} {'art/s':>7} {'tok/s':>8} {'peak MB':>8} {'x floor':>8} {'speed-up':>8}"]
    for r in report["throughput"] + report["workers"]:
        lines.append(f"{r['run']:48} {r['articles_per_s']:7} {r.get('tokens_per_s', ''):>8} "
                     f"{r['peak_rss_mb']:8} {r['x_floor']:8} {r.get('speedup', ''):>8}")
    for r in report["memory"]:
        lines.append(f"{'memory: embedded, ' + str(r['articles']) + ' articles':48} {r['articles_per_s']:7} "
                     f"{'':>8} {r['peak_rss_mb']:8}")
    s = report["startup"]
    lines.append(f"start-up: one article from the command line {s['cli_one_article_seconds']} s "
                 f"(first run, building the cache: {s['cli_cold_seconds']} s), blank spaCy pipeline "
                 f"{s['blank_spacy_seconds']} s: {s['ratio']}x")
    lines.append(f"workers output identical: {report['workers_identical_output']}; "
                 f"cores free before each pair of runs: {report['free_cores']}")
    lines += [f"target {name}: {'met' if ok else 'NOT met'}" for name, ok in report["targets"].items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    inner = sub.add_parser("_measure")
    inner.add_argument("kind", choices=["floor", "batch"])
    inner.add_argument("folder", type=Path)
    inner.add_argument("--model", default=None)
    parser.add_argument("--articles", type=int, default=2000, help="corpus size for throughput and workers")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--memory", type=int, nargs="*", default=[1000, 20000], help="corpus sizes for the memory check")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement (medians reported)")
    parser.add_argument("--json", type=Path, default=Path("out/benchmark.json"))
    args = parser.parse_args(argv)
    if args.command == "_measure":
        print(json.dumps(_measure(args.kind, args.folder, args.model)))
        return
    print(table(run(args.articles, args.workers, args.memory, args.repeat, args.json)))


if __name__ == "__main__":
    main()

"""The ``coalition-nlp`` command line: parses options and calls the library, nothing more."""
from __future__ import annotations

import json
import logging
import os
import signal
import sys
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Iterator

import click

from .evaluate import InputError
from .ingest import list_files
from .records import ArticleExtraction
from .sinks.targets import OutputRefused, check_target
from .workers import MAX_CHARS, Limits


def _fail(message: str) -> None:
    """A user error: one line, exit status 2, never a traceback."""
    click.echo(f"coalition-nlp: error: {message}", err=True)
    sys.exit(2)


@contextmanager
def _user_errors():
    """A refused output, an unusable input file or a file system error is one line, exit 2."""
    try:
        yield
    except (OutputRefused, InputError, FileExistsError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{exc.filename or 'output'}: {exc.strerror or exc}")


def _predictions(path: Path) -> Iterator[ArticleExtraction]:
    """The records of an output file; one that holds none is an error, not an empty result."""
    from .evaluate import read_jsonl

    count = 0
    for count, result in enumerate(read_jsonl(path), 1):
        yield result
    if not count:
        raise InputError(f"{path}: no extraction lines in this file")


class _OneLineErrors(click.Group):
    """Usage errors as one line, and no traceback ever (``COALITION_NLP_DEBUG=1`` shows it)."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.ClickException as exc:
            click.echo(f"coalition-nlp: error: {exc.format_message()}", err=True)
            sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
        except click.Abort:
            click.echo("coalition-nlp: aborted", err=True)
            sys.exit(1)
        except Exception as exc:  # a bug: still one line, with what to report
            if os.environ.get("COALITION_NLP_DEBUG"):
                raise
            click.echo(f"coalition-nlp: internal error: {exc.__class__.__name__}: {exc} "
                       "(COALITION_NLP_DEBUG=1 shows the traceback)", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _terminate_cleanly() -> None:
    # SIGTERM unwinds like Ctrl-C, so temporary output files are removed.
    def handler(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="coalition-nlp")
def main() -> None:
    """Typed records (actors, meetings, troop numbers, money pledges) from German news."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="File to write.")
@click.option("--model", default=None, help="spaCy model name or path (default: de_core_news_lg if installed, else the embedded default).")
@click.option("--pattern", default="*.txt", show_default=True,
              help="File pattern inside folders; several separated by commas ('*.txt,*.csv').")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet", "duckdb"]), default="jsonl", show_default=True,
              help="jsonl: one line per article; parquet: a folder of tables; duckdb: one database file.")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also merge the articles into one corpus (same persons, meetings, pledges) written to this folder.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes; the output is the same for any number.")
@click.option("--timeout-per-article", "timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds one article may take; a slower one is stopped and reported (runs in a worker process).")
@click.option("--max-chars", type=click.IntRange(min=1), default=MAX_CHARS, show_default=True,
              help="Longer articles are reported as too large instead of extracted.")
@click.option("--resume", is_flag=True, help="Skip articles already in OUTPUT or in OUTPUT.partial (an interrupted run).")
@click.option("--force", is_flag=True, help="Replace an existing OUTPUT (atomically); without it, an existing one is refused.")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Run on the Dask cluster at ADDRESS (tcp://host:8786).")
@click.option("--dask-local", type=click.IntRange(min=1), default=None, metavar="N",
              help="Run on a Dask cluster of N local worker processes.")
@click.option("--published", default=None, metavar="DATE",
              help="Date (YYYY, YYYY-MM or YYYY-MM-DD) of every article that carries none of its own.")
@click.option("--id-col", default=None, help="Table inputs: the id column [default: id].")
@click.option("--text-col", default=None, help="Table inputs: the text column [default: text, else body or content].")
@click.option("--date-col", default=None, help="Table inputs: the date column [default: date, else published].")
@click.option("--headline-col", default=None, help="Table inputs: the headline column [default: headline, else title].")
def extract(paths: tuple[Path, ...], output: Path, model: str | None, pattern: str, quiet: bool,
            fmt: str, corpus_dir: Path | None, workers: int, timeout: float | None, max_chars: int,
            resume: bool, force: bool, scheduler: str | None, dask_local: int | None, published: str | None,
            id_col: str | None, text_col: str | None, date_col: str | None, headline_col: str | None) -> None:
    """Extract records from files and folders into OUTPUT, one JSON line per article.

    Text files are one article each; table files (.jsonl, .csv, .parquet) one article
    per row. Files that cannot be read, bad rows, articles too large or too slow are
    reported on stderr and listed in OUTPUT-stem.errors.jsonl; the exit status is then 1.
    An existing OUTPUT is replaced only with --force (or extended with --resume, for JSONL).
    A date in the text's own header wins over the date column, a date in the file name
    (2016-04-18_..., 20160418-...) and --published, in that order.
    """
    from tqdm import tqdm

    from .batch import run_batch
    from .pipeline import ModelNotFoundError, load_pipeline

    from .archives import ColumnError, Columns, check_published, check_tables, is_table

    _terminate_cleanly()
    if published is not None:
        try:
            check_published(published)
        except ValueError as exc:
            _fail(str(exc))
    on_dask = bool(scheduler or dask_local)
    if on_dask:
        from .distributed import connect, list_paths, require_dask

        try:
            require_dask()
        except ImportError as exc:
            _fail(f"--scheduler/--dask-local: {exc}")
        if timeout is not None:
            _fail("--timeout-per-article works with local workers, not on Dask")
    try:
        files = list_paths(paths, pattern) if on_dask else list_files(paths, pattern)
    except FileNotFoundError as exc:
        _fail(f"no such file or folder: {exc}")
    if not files:
        _fail(f"nothing to read: no files matching {pattern!r} in {', '.join(map(str, paths))}")
    with _user_errors():
        check_target(output, folder=fmt == "parquet", force=force, keep=resume and fmt == "jsonl")
        if corpus_dir is not None:
            check_target(corpus_dir / "corpus.json", force=force)
    columns = Columns(id=id_col, text=text_col, date=date_col, headline=headline_col)
    if on_dask and any(is_table(f) for f in files):
        _fail("table files (.jsonl, .csv, .parquet) are extracted locally: drop --scheduler/--dask-local")
    try:
        check_tables(files, columns)
    except ColumnError as exc:
        _fail(str(exc))
    if not quiet:
        logging.basicConfig(level=logging.INFO, format="%(message)s")
    if fmt != "jsonl":
        from .sinks.tables import require_tables

        try:
            require_tables()
        except ImportError as exc:
            _fail(f"--format {fmt}: {exc}")
    try:
        load_pipeline(model)
    except ModelNotFoundError as exc:
        _fail(str(exc))
    with connect(scheduler, dask_local) if on_dask else nullcontext() as client, _user_errors():
        result = run_batch(
            files,
            output,
            model=model,
            fmt=fmt,
            corpus_dir=corpus_dir,
            progress=not quiet and sys.stderr.isatty(),
            on_failure=lambda f: tqdm.write(f"coalition-nlp: {f}", file=sys.stderr),
            workers=workers,
            limits=Limits(timeout=timeout, max_chars=max_chars),
            resume=resume,
            client=client,
            columns=columns,
            published=published,
        )
    if not quiet:
        click.echo(result.summary(), err=True)
    sys.exit(1 if result.failures else 0)


@main.command()
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--explain", is_flag=True, help="List each miss and each extra record per article.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(predictions: Path, gold_dir: Path, explain: bool, as_json: bool) -> None:
    """Score PREDICTIONS (JSONL) against gold annotations (spec §4)."""
    from .evaluate import evaluate as run_evaluation

    with _user_errors():
        report = run_evaluation(_predictions(predictions), gold_dir)
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else report.table())
    if explain:
        click.echo("\n".join(report.notes))


@main.command()
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def summary(predictions: Path) -> None:
    """A one-screen overview of an output file: the events found per article."""
    from .summary import summarize

    with _user_errors():
        text = summarize(_predictions(predictions))
    click.echo(text)


@main.command()
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="HTML file to write.")
@click.option("--force", is_flag=True, help="Replace an existing OUTPUT (atomically).")
def report(predictions: Path, output: Path, force: bool) -> None:
    """One self-contained HTML page: corpus tables, plots and every article with its highlights."""
    from .sinks.tables import require_tables

    try:
        require_tables()
    except ImportError as exc:
        _fail(f"report: {exc}")
    from .sinks.report import write_report

    with _user_errors():
        check_target(output, force=force)
        write_report(list(_predictions(predictions)), output)
    click.echo(f"report -> {output}", err=True)


@main.command()
def schema() -> None:
    """Print the JSON Schema of one output line."""
    from .records import ArticleExtraction

    click.echo(json.dumps(ArticleExtraction.model_json_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

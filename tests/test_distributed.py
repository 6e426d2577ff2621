"""Dask: the same records as the local run, on a loopback LocalCluster; object-storage paths via fsspec."""
from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import cloudpickle
import fsspec
import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster

from coalition_nlp import distributed
from coalition_nlp.batch import run_batch
from coalition_nlp.cli import main
from coalition_nlp.workers import Limits, outcomes

ARTICLES = sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def test_bag_gives_the_local_outcomes_in_order(client):
    local = list(outcomes(ARTICLES))
    on_dask = list(distributed.outcomes(client, ARTICLES))
    assert on_dask == local and len(local) == 11 and all(o.line for o in local)


def test_cli_on_a_scheduler_writes_the_local_output(client, tmp_path):
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch(ARTICLES, local)
    address = client.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    result = CliRunner().invoke(main, ["extract", str(ARTICLES[0].parent), "-o", str(remote), "-q",
                                       "--scheduler", address])
    assert result.exit_code == 0, result.output
    assert remote.read_bytes() == local.read_bytes()


def test_timeout_is_refused_on_dask(client):
    with pytest.raises(ValueError, match="per-article time limit"):
        next(distributed.outcomes(client, ARTICLES, limits=Limits(timeout=5)))


def test_object_storage_urls_are_listed_sorted_and_read(client, tmp_path):
    fs = fsspec.filesystem("memory")
    for f in ARTICLES[:3]:
        fs.pipe(f"/archive/2015/{f.name}", f.read_bytes())
    fs.pipe("/archive/notes.md", b"not an article")
    urls = distributed.list_paths(["memory://archive"])
    assert urls == [f"memory:///archive/2015/{f.name}" for f in ARTICLES[:3]]
    got = list(distributed.outcomes(client, urls))
    local = list(outcomes(ARTICLES[:3]))
    assert [o.key for o in got] == [o.key for o in local]
    assert got[0].line == local[0].line.replace(str(ARTICLES[0]), urls[0])
    with pytest.raises(FileNotFoundError):
        distributed.list_paths(["memory://nowhere"])


def test_worker_function_travels_by_reference():
    # Pickled by name, so a worker imports it once and its pipeline cache survives between tasks.
    assert len(cloudpickle.dumps(distributed.extract_partition)) < 200
    assert pickle.loads(cloudpickle.dumps(distributed.extract_partition)) is distributed.extract_partition


def test_batch_date_and_file_name_dates_on_dask(client, tmp_path):
    fs = fsspec.filesystem("memory")
    fs.pipe("/dated/2016-04-18_a.txt", "Kanada sagte 20 Millionen Dollar zu.".encode())
    fs.pipe("/dated/b.txt", "Kanada sagte 20 Millionen Dollar zu.".encode())
    urls = distributed.list_paths(["memory://dated"], "*.txt,*.md")
    got = [json.loads(o.line)["article"]["published"] for o in distributed.outcomes(client, urls, published="2017-09")]
    assert got == ["2016-04-18", "2017-09"]

"""examples/quickstart.ipynb runs top to bottom, in a kernel from this venv, so it cannot rot."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOK = Path(__file__).parents[1] / "examples" / "quickstart.ipynb"


def test_quickstart_notebook_runs(tmp_path, monkeypatch):
    # A kernel spec of our own, found only through JUPYTER_PATH: nothing registered globally.
    spec = tmp_path / "kernels" / "coalition-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "coalition-nlp test", "language": "python",
    }))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(
        nb, kernel_name="coalition-test", timeout=120, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    outputs = [c.outputs for c in nb.cells if c.cell_type == "code"]
    text = lambda out: "".join(o.get("data", {}).get("text/plain", "") for o in out)  # noqa: E731
    assert text(outputs[1]) == "500"
    assert text(outputs[2]) == "11"
    assert "cn-pledge" in outputs[3][0]["data"]["text/html"]
    assert outputs[4][0]["text"].startswith("d03_kuwait_geberkonferenz · Kuwait · Geberkonferenz")  # print(result)
    assert "person:john-kerry" in text(outputs[5]) and "d04_london_treffen" in text(outputs[5])
    assert "555000000.0" in text(outputs[7])
    assert all("image/png" in out[0]["data"] for out in outputs[8:11])


def test_committed_notebook_shows_its_outputs():
    """`make notebook` runs it in place; the copy in the repository is that executed one."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert all(c.outputs for c in code[1:])  # the first cell only imports
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    makefile = (NOTEBOOK.parents[1] / "Makefile").read_text()
    assert "jupyter-execute --inplace" in makefile and "examples/quickstart.ipynb" in makefile

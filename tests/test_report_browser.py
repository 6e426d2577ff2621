"""The report and a notebook display in a real browser: headless Chromium takes screenshots
and measures the laid-out page (plots drawn, no horizontal overflow, no word split across
lines, sorting and filtering work). In CI (CI=true) a missing Chromium fails the test:
``.ci/run`` installs it."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("matplotlib")
from PIL import Image, ImageStat  # noqa: E402  (pillow comes with matplotlib)

import coalition_nlp  # noqa: E402
from coalition_nlp.cli import main  # noqa: E402
from coalition_nlp.display import CSS  # noqa: E402

ROOT = Path(__file__).parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Runs after the page's own script; leaves its findings as JSON in <pre id="cn-measure">.
MEASURE = r"""
<script>
(function () {
  var out = {}, de = document.documentElement;
  out.scrollWidth = de.scrollWidth; out.clientWidth = de.clientWidth;
  out.svgs = Array.from(document.querySelectorAll("figure svg")).map(function (s) {
    var r = s.getBoundingClientRect(); return [r.width, r.height, r.right, s.querySelectorAll("path, use").length];
  });
  out.highlights = Array.from(document.querySelectorAll(".cn-hl")).filter(function (h) {
    return h.getBoundingClientRect().width > 0; }).length;
  var ctx = document.createElement("canvas").getContext("2d"), split = [];
  document.querySelectorAll(".cn-table th, .cn-table td").forEach(function (cell) {
    var cs = getComputedStyle(cell), room = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    ctx.font = cs.font;
    cell.textContent.split(/[\s\-]+/).forEach(function (w) { if (w && ctx.measureText(w).width > room + 1) split.push(w); });
  });
  out.split = split;
  var table = Array.from(document.querySelectorAll("table.cn-table")).filter(function (t) {
    return t.caption && t.caption.textContent === "Troop numbers"; })[0];
  if (table && table.previousSibling === null) {
    var heads = Array.from(table.tHead.rows[0].cells), total = heads.map(function (h) { return h.textContent; }).indexOf("total");
    var column = function () { return Array.from(table.tBodies[0].rows).map(function (r) { return r.cells[total].textContent; }); };
    heads[total].click(); out.ascending = column();
    heads[total].click(); out.descending = column();
    var box = table.parentNode.previousElementSibling;
    out.filterBox = box.className;
    box.value = "usa"; box.dispatchEvent(new Event("input"));
    out.shown = Array.from(table.tBodies[0].rows).filter(function (r) { return !r.hidden; }).map(function (r) { return r.cells[1].textContent; });
  }
  var pre = document.createElement("pre"); pre.id = "cn-measure"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


@pytest.fixture(scope="module")
def chromium():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing in CI: .ci/run installs it (apt-get install -y chromium)")
        pytest.skip("no Chromium on this machine")
    return path


def _browse(chromium: str, page: Path, tmp_path: Path, width: int) -> tuple[dict, Image.Image]:
    """A screenshot of ``page`` and the measurements of a copy of it that carries MEASURE."""
    measured = page.with_name(f"measured-{page.name}")
    measured.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    common = [chromium, *FLAGS, f"--window-size={width},1600"]
    png = tmp_path / f"{page.stem}.png"
    subprocess.run([*common, f"--user-data-dir={tmp_path / 'profile-shot'}", f"--screenshot={png}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    dom = subprocess.run([*common, f"--user-data-dir={tmp_path / 'profile-dom'}", "--dump-dom", measured.as_uri()],
                         check=True, capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'<pre id="cn-measure">(.*?)</pre>', dom, re.S)
    assert found, "the measuring script did not run"
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")), Image.open(png)


def _not_blank(image: Image.Image) -> None:
    grey = image.convert("L")
    assert image.size[0] > 500 and ImageStat.Stat(grey).stddev[0] > 20  # text and drawings, not one colour
    dark = sum(grey.histogram()[:128])
    assert dark > 0.01 * grey.size[0] * grey.size[1]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    events, page = folder / "events.jsonl", folder / "report.html"
    assert CliRunner().invoke(main, ["extract", str(ROOT / "data" / "articles"), "-o", str(events), "-q"]).exit_code == 0
    assert CliRunner().invoke(main, ["report", str(events), "-o", str(page)]).exit_code == 0
    return page


@pytest.mark.parametrize("width", [1280, 800])
def test_report_in_chromium(chromium, report, tmp_path, width):
    measure, shot = _browse(chromium, report, tmp_path, width)
    _not_blank(shot)
    assert measure["scrollWidth"] <= measure["clientWidth"]  # no horizontal overflow of the page
    assert len(measure["svgs"]) == 3  # the plots are there, drawn, and inside the window
    for w, h, right, shapes in measure["svgs"]:
        assert w > 300 and h > 100 and right <= measure["clientWidth"] and shapes > 10
    assert measure["split"] == []  # every table column is at least as wide as its longest word
    assert measure["highlights"] > 100
    # sorting by a header (numbers as numbers, empty cells first), filtering by the box
    totals = [int(v) for v in measure["ascending"] if v]
    assert totals == sorted(totals) and len(totals) >= 8
    assert [int(v) for v in measure["descending"] if v] == sorted(totals, reverse=True)
    assert measure["filterBox"] == "cn-filter"
    assert measure["shown"] == ["USA", "USA"]


def test_notebook_display_in_chromium(chromium, tmp_path):
    result = coalition_nlp.extract(ROOT / "data" / "articles" / "d03_kuwait_geberkonferenz.txt")
    page = tmp_path / "display.html"
    # about the width of a notebook's output area
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
                    f'<body style="max-width:880px;margin:1em;font-family:sans-serif">{result._repr_html_()}</body></html>',
                    encoding="utf-8")
    measure, shot = _browse(chromium, page, tmp_path, 940)
    _not_blank(shot)
    assert measure["scrollWidth"] <= measure["clientWidth"]
    assert measure["split"] == [] and measure["highlights"] >= 10
    assert "cn-table" in CSS  # the display carries its own styles

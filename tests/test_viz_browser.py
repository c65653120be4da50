"""The pages in a real browser: headless Chromium (the ``browser`` fixture of
``tests/conftest.py``), every request routed and checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policykg.graph.build import build_graph
from policykg.loaders.batch import Loaded, load_paths
from policykg.queries import downstream_documents, stems_from, workload
from policykg.viz.lineage import lineage_picture
from policykg.viz.page import write_page
from policykg.viz.plan import plan_picture
from policykg.viz.report import write_report
from policykg.viz.workload import workload_picture
from tests.test_viz import hostile_graph, hostile_plan_graph

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def graph(seeds_dir: Path):
    return build_graph([r.plan for r in load_paths(seeds_dir) if isinstance(r, Loaded)])


class Visit:
    """One page opened: what it logged, asked for and showed."""

    def __init__(self, browser, path: Path, shot: Path | None = None):
        self.errors: list[str] = []
        self.remote: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error"
                     else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(path.resolve().as_uri())
        if self.page.evaluate("typeof window.network") != "undefined":
            self.page.wait_for_function("window.vizReady === true", timeout=120_000)
        if shot is not None:
            self.page.screenshot(path=str(shot))

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("file:"):
            route.continue_()
        else:
            self.remote.append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def counts(self) -> tuple[int, int]:
        return tuple(self.page.evaluate(
            "[network.body.data.nodes.length, network.body.data.edges.length]"))

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.remote == [], self.remote
        assert self.dialogs == [], self.dialogs

    def close(self) -> None:
        self.page.close()


def test_lineage_page_renders_offline(browser, graph, tmp_path):
    hits = stems_from(graph, "36-NQ/TW")
    docs = downstream_documents(graph, "36-NQ/TW")
    units = {u for h in hits for u in h.lead_ids + h.support_ids}
    path = write_page(lineage_picture(graph, "36-NQ/TW"), tmp_path / "lineage.html")
    visit = Visit(browser, path, tmp_path / "lineage.png")
    nodes, edges = visit.counts()
    assert nodes == 1 + len(docs) + len(hits) + len(units)
    assert edges >= len(docs) + len(hits) + sum(len(h.lead_ids) for h in hits)
    assert "36-NQ/TW" in visit.page.inner_text("h1")
    visit.clean()
    visit.close()
    assert (tmp_path / "lineage.png").stat().st_size > 10_000


def test_workload_page_renders_and_groups_expand(browser, graph, tmp_path):
    rows = workload(graph)
    tasks = {t for r in rows for t in r.tasks_led + r.tasks_supported}
    links = sum(r.lead + r.support for r in rows)
    full = Visit(browser, write_page(workload_picture(graph), tmp_path / "w.html"))
    assert full.counts() == (len(rows) + len(tasks), links)
    full.clean()
    full.close()
    picture = workload_picture(graph, max_tasks=20)
    grouped = Visit(browser, write_page(picture, tmp_path / "g.html"))
    nodes, _ = grouped.counts()
    assert nodes == len(rows) + len(picture.groups)
    first = sorted(picture.groups)[0]
    size = len(picture.groups[first]["nodes"])
    grouped.page.evaluate(f"window.expandGroup({first!r})")
    grouped.page.wait_for_function("window.vizReady === true", timeout=120_000)
    assert grouped.counts()[0] == nodes - 1 + size
    assert "gộp" in grouped.page.inner_text("header")
    grouped.clean()
    grouped.close()


def test_folded_lineage_opens_a_plan(browser, graph, tmp_path):
    picture = lineage_picture(graph, "36-NQ/TW", max_tasks=5)
    visit = Visit(browser, write_page(picture, tmp_path / "folded.html"))
    nodes, _ = visit.counts()
    assert nodes == len(picture.nodes)
    gid, group = next(iter(picture.groups.items()))
    visit.page.evaluate(f"window.expandGroup({gid!r})")
    assert visit.counts()[0] == nodes - 1 + len(group["nodes"])
    assert "gộp" in visit.page.inner_text("header")
    visit.clean()
    visit.close()


def test_groups_kept_beside_the_page_open_from_disk(browser, examples_dir, tmp_path):
    g = build_graph([r.plan for r in load_paths(examples_dir) if isinstance(r, Loaded)])
    picture = lineage_picture(g, "57-NQ/TW", max_tasks=5)
    assert len(picture.groups) > 1
    path = write_page(picture, tmp_path / "Nghị quyết 57.html", inline_groups=0)
    visit = Visit(browser, path)
    nodes, _ = visit.counts()
    assert nodes == len(picture.nodes)
    for gid, group in sorted(picture.groups.items())[:2]:
        visit.page.evaluate(f"window.expandGroup({gid!r})")
        visit.page.wait_for_function(f"!network.body.data.nodes.get({gid!r})", timeout=60_000)
        visit.page.wait_for_function("window.vizReady === true", timeout=60_000)
        members = {m["id"] for m in group["nodes"]}
        shown = set(visit.page.evaluate("network.body.data.nodes.getIds()"))
        assert members <= shown
    assert visit.counts()[0] > nodes
    visit.clean()
    visit.close()


def test_plan_page_renders(browser, graph, tmp_path):
    plan = next(n for n, d in graph.nodes(data=True) if d.get("key") == "19/KH-SKHCN")
    hits = stems_from(graph, plan, depth=0)
    visit = Visit(browser, write_page(plan_picture(graph, plan, lang="en"), tmp_path / "p.html"),
                  tmp_path / "plan.png")
    nodes, _ = visit.counts()
    assert nodes > len(hits)
    assert "legal bases" in visit.page.inner_text("h1")
    visit.clean()
    visit.close()


def test_overlaps_page_renders(browser, graph, tmp_path):
    from policykg.queries import overlaps
    from policykg.viz.overlaps import overlaps_picture

    report = overlaps(graph, across_provinces=True, top=10)
    visit = Visit(browser, write_page(overlaps_picture(graph, across_provinces=True, top=10,
                                                       lang="en"), tmp_path / "o.html"),
                  tmp_path / "overlaps.png")
    nodes, edges = visit.counts()
    tasks = {t.task for p in report.pairs for t in (p.a, p.b)}
    assert nodes == len(tasks) + len({t.plan for p in report.pairs for t in (p.a, p.b)})
    assert edges == len(report.pairs) + len(tasks)  # each pair, and each task under its plan
    assert "Overlapping duties" in visit.page.inner_text("h1")
    visit.clean()
    visit.close()


def test_hostile_plan_runs_no_script(browser, graph, tmp_path):
    g = hostile_graph(graph)
    root = next(n for n, d in g.nodes(data=True) if str(d.get("key", "")).endswith("61-KL/TW"))
    path = write_page(lineage_picture(g, root), tmp_path / "hostile.html")
    visit = Visit(browser, path)
    assert '<script>alert("x");window.xssRan=1</script>' in visit.page.inner_text("h1")
    assert visit.page.evaluate("document.images.length") == 0
    hovers = visit.page.evaluate("network.body.data.nodes.get().map(n => n.title || '')")
    assert any("<img src=x onerror=alert(1)>" in text for text in hovers)
    assert visit.page.evaluate("window.xssRan === undefined")
    at = visit.page.evaluate(f"""(() => {{
        const p = network.canvasToDOM(network.getPositions([{root!r}])[{root!r}]);
        const box = document.getElementById("network").getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }})()""")
    visit.page.mouse.move(at[0] + 1, at[1] + 1)
    visit.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
    assert "<img src=x" in visit.page.inner_text("div.vis-tooltip")
    assert visit.page.evaluate("document.images.length") == 0
    visit.clean()
    visit.close()


def test_report_opens_from_disk(browser, graph, tmp_path):
    index = write_report(graph, tmp_path / "site")
    visit = Visit(browser, index)
    hrefs = visit.page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert visit.page.evaluate("document.images[0].naturalWidth") > 0  # the matrix loaded
    visit.clean()
    visit.close()
    pages = [h for h in hrefs if re.match(r"(lineage|workload)-", h)]
    assert pages
    for href in pages[:2]:
        page = Visit(browser, index.parent / href)
        assert page.counts()[0] > 0
        page.clean()
        page.close()


def test_hostile_plan_file_pages_run_no_script(browser, tmp_path):
    g = hostile_plan_graph(tmp_path / "plans")
    plan = next(n for n, d in g.nodes(data=True) if d.get("kind") == "Plan")
    pages = [write_page(lineage_picture(g, "57-NQ/TW"), tmp_path / "l.html"),
             write_page(plan_picture(g, plan), tmp_path / "p.html"),
             write_page(workload_picture(g), tmp_path / "w.html")]
    for path in pages:
        visit = Visit(browser, path)
        assert visit.page.evaluate("window.xssRan === undefined")
        assert visit.page.evaluate("document.querySelectorAll('img, b').length") == 0
        assert visit.counts()[0] > 1
        visit.clean()
        visit.close()
    plan_page = Visit(browser, pages[1])
    assert '<script>alert("title")' in plan_page.page.inner_text("header")
    plan_page.close()

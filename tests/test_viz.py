"""Pictures, charts and the report, checked on the seed plans without a browser."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import cli
from policykg.graph.build import build_graph
from policykg.loaders.batch import Loaded, load_paths
from policykg.queries import basis, downstream_documents, stems_from, workload
from policykg.viz.compare import write_compare
from policykg.viz.labels import LANGS, TEXT
from policykg.viz.lineage import lineage_picture
from policykg.viz.page import render_page, script_json, wrap, write_page
from policykg.viz.plan import plan_picture
from policykg.viz.report import write_report
from policykg.viz.workload import workload_picture

# A resource the page would fetch: src/href attributes, CSS url(), @import, fetch().
REMOTE = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import\s+["']?(?:url\()?\s*["']?https?:)"""
    r"""|(?:fetch\(\s*["'`]https?:)|(?:XMLHttpRequest[^;]{0,80}https?:)""",
    re.IGNORECASE,
)
HOSTILE = ('</script><script>alert("x");window.xssRan=1</script>'
           '<img src=x onerror=alert(1)> <!-- \u2028 \'"&')


# A plan of our own wording whose title, units and tasks carry markup and script.
HOSTILE_PLAN = """UBND TỈNH QUẢNG NINH
SỞ KHOA HỌC VÀ CÔNG NGHỆ

Số: 99/KH-SKHCN

Quảng Ninh, ngày 03 tháng 3 năm 2025

KẾ HOẠCH
Triển khai </script><script>alert("title");window.xssRan=1</script> về chuyển đổi số

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về "<img src=x \
onerror=alert(2)>" chuyển đổi số;

II. NHIỆM VỤ CỦA CÁC PHÒNG, ĐƠN VỊ

1. Phòng <b onmouseover=alert(3)>Quản lý</b> khoa học

- Xây dựng cơ sở dữ liệu <script>alert(4)</script> khoa học và công nghệ dùng chung \
của tỉnh; cập nhật hằng quý.

- Tổ chức hội thảo "chuyển đổi số" <!-- cho doanh nghiệp --> vừa và nhỏ trong năm 2025.

2. Văn phòng Sở

- Rà soát thủ tục hành chính ' OR 1=1 -- \u2028 đưa lên dịch vụ công trực tuyến.
"""


def hostile_plan_graph(folder: Path):
    """The knowledge graph of :data:`HOSTILE_PLAN`, read by the loaders like any plan."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.txt").write_text(HOSTILE_PLAN, encoding="utf-8")
    plans = [r.plan for r in load_paths(folder) if isinstance(r, Loaded)]
    assert plans, "the hostile plan was not read as a plan"
    return build_graph(plans)


@pytest.fixture(scope="module")
def graph(seeds_dir: Path):
    plans = [r.plan for r in load_paths(seeds_dir) if isinstance(r, Loaded)]
    return build_graph(plans)


def page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="viz-data">(.*?)</script>', html,
                      re.DOTALL)
    assert match, "page carries no data block"
    return json.loads(match.group(1))


def remote_references(html: str) -> list[str]:
    return [m.group(0) for m in REMOTE.finditer(html)]


def plan_ids(g) -> list[str]:
    return sorted(n for n, d in g.nodes(data=True) if d.get("kind") == "Plan")


# --- lineage ----------------------------------------------------------------------------


def test_lineage_shows_directive_plans_tasks_and_units(graph):
    picture = lineage_picture(graph, "nghi quyet 36")
    hits = stems_from(graph, "36-NQ/TW")
    docs = downstream_documents(graph, "36-NQ/TW")
    ids = {n["id"]: n for n in picture.nodes}
    root = [n for n in picture.nodes if n["kind"] == "directive"]
    assert len(root) == 1 and root[0]["label"].startswith("36-NQ/TW")
    assert {d.id for d in docs} <= set(ids)
    assert {h.task for h in hits} == {n["id"] for n in picture.nodes if n["kind"] == "task"}
    units = {u for h in hits for u in h.lead_ids + h.support_ids}
    assert units == {n["id"] for n in picture.nodes if n["kind"] in ("unit", "collective")}
    # every link of every path the queries give is drawn, named in Vietnamese
    drawn = {(e["from"], e["rel"], e["to"]): e for e in picture.edges}
    links = [link for d in docs for link in d.path] + [link for h in hits for link in h.path]
    assert links and all((k.upstream, k.relation, k.downstream) in drawn for k in links)
    names = {"IMPLEMENTS": "thực hiện", "BASED_ON": "căn cứ"}
    for link in links:
        if link.relation in names:
            assert drawn[(link.upstream, link.relation, link.downstream)]["label"] == \
                names[link.relation]
    assert {"chủ trì", "phối hợp"} <= {e.get("label") for e in picture.edges}
    # top-down: the directive above its plans, plans above their tasks, tasks above units
    plan = next(d.id for d in docs if d.kind == "Plan")
    assert ids[root[0]["id"]]["y"] < ids[plan]["y"] < ids[hits[0].task]["y"]
    assert max(n["y"] for n in picture.nodes if n["kind"] == "task") < min(
        ids[u]["y"] for u in units)
    assert picture.options["physics"]["enabled"] is False


def test_large_lineage_folds_each_plans_tasks(graph):
    full = lineage_picture(graph, "36-NQ/TW")
    folded = lineage_picture(graph, "36-NQ/TW", max_tasks=5)
    hits = stems_from(graph, "36-NQ/TW")
    plans = {h.plan for h in hits}
    groups = [n for n in folded.nodes if n["kind"] == "group"]
    assert len(groups) == len(plans) == len(folded.groups)
    assert not [n for n in folded.nodes if n["kind"] in ("task", "unit")]
    members = {m["id"] for g in folded.groups.values() for m in g["nodes"]}
    assert members == {n["id"] for n in full.nodes if n["kind"] in ("task", "unit", "collective")}
    assert str(len(hits)) in folded.notes[0]
    # opened, a plan's tasks lie below their group
    for group in folded.groups.values():
        tasks = [m for m in group["nodes"] if m["kind"] == "task"]
        assert tasks and all(m["dy"] >= 0 for m in tasks)


def test_hover_lines_wrap_between_words_and_lose_none():
    import policykg.viz.page as page_module

    assert doctest.testmod(page_module).failed == 0
    text = ("Trích nguồn: Hướng dẫn doanh nghiệp kết nối dữ liệu với Cổng thông tin truy xuất "
            "nguồn gốc sản phẩm,\n  hàng hóa quốc gia https://example.invalid/" + "x" * 120)
    lines = wrap(text, 40)
    assert [w for line in lines for w in line.split()] == text.split()
    assert all(line.startswith("    ") for line in lines[1:])
    assert all(len(line) <= 40 or len(line.split()) == 1 for line in lines)
    assert len(lines) > 3 and wrap("", 40) == [] and wrap("  a   b ", 40) == ["a b"]


def _page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="viz-data">(.*?)</script>', text, re.S)
    return json.loads(found.group(1))


def _group_files(folder: Path) -> dict[str, dict]:
    """The groups a page's side files hold, by id (each file calls the page's loader)."""
    found: dict[str, dict] = {}
    for file in sorted(folder.glob("groups-*.js")):
        text = file.read_text(encoding="utf-8")
        assert text.startswith("window.policykgGroups(") and text.endswith(");\n")
        part = json.loads(text[len("window.policykgGroups("):-3])
        assert not found.keys() & part.keys()
        found.update(part)
    return found


@pytest.fixture(scope="module")
def examples_graph(examples_dir: Path):
    return build_graph([r.plan for r in load_paths(examples_dir) if isinstance(r, Loaded)])


def test_large_groups_go_beside_the_page_and_small_ones_stay_inside(examples_graph, tmp_path):
    folded = lineage_picture(examples_graph, "57-NQ/TW", max_tasks=5)
    assert len(folded.groups) > 1
    page = tmp_path / "Nghị quyết 36.html"
    write_page(folded, page, inline_groups=0)
    data = _page_data(page)
    folder = tmp_path / "Nghị quyết 36_files"
    stored = _group_files(folder)
    # the page keeps only where each group is; the files hold exactly the picture's groups
    assert stored == json.loads(script_json(folded.groups))
    assert set(data["groups"]) == set(folded.groups)
    for gid, href in data["groups"].items():
        assert isinstance(href, str) and not href.startswith(("/", "http"))
        assert gid in _group_files_named(tmp_path, href)
    text = page.read_text(encoding="utf-8")
    members = [m["id"] for g in folded.groups.values() for m in g["nodes"] if m["kind"] == "task"]
    assert members and not [m for m in members if script_json(m)[1:-1] in text]
    # written again with room for them, the groups are inline and the old files are gone
    write_page(folded, page)
    assert _page_data(page)["groups"] == json.loads(script_json(folded.groups))
    assert not folder.exists()


def _group_files_named(root: Path, href: str) -> dict[str, dict]:
    from urllib.parse import unquote

    file = root / unquote(href)
    text = file.read_text(encoding="utf-8")
    return json.loads(text[len("window.policykgGroups("):-3])


def test_groups_are_split_into_files_of_bounded_size(examples_graph, tmp_path, monkeypatch):
    import policykg.viz.page as page_module

    monkeypatch.setattr(page_module, "GROUP_FILE_SIZE", 2_000)
    folded = lineage_picture(examples_graph, "57-NQ/TW", max_tasks=5)
    write_page(folded, tmp_path / "l.html", inline_groups=0)
    files = sorted((tmp_path / "l_files").glob("groups-*.js"))
    assert len(files) > 1
    biggest = max(len(script_json(g)) for g in folded.groups.values())
    for file in files:
        assert len(file.read_text(encoding="utf-8")) < 2_000 + biggest + 200
    assert _group_files(tmp_path / "l_files") == json.loads(script_json(folded.groups))


def test_lineage_hover_names_number_date_province_and_quote(graph):
    picture = lineage_picture(graph, "36-NQ/TW")
    doc = next(d for d in downstream_documents(graph, "36-NQ/TW") if d.kind == "Plan")
    plan = next(n for n in picture.nodes if n["id"] == doc.id)
    quote = " ".join(doc.path[-1].quote.split()[:6])
    assert doc.province_name == "Tây Ninh" and "Tây Ninh" in plan["title"]
    assert quote in " ".join(plan["title"].split())
    root = next(n for n in picture.nodes if n["kind"] == "directive")
    assert "2023-01-30" in root["title"] and "36-NQ/TW" in root["title"]
    assert "công nghệ sinh học" in root["title"]


def test_english_switches_titles_legend_and_edge_labels(graph):
    vi = lineage_picture(graph, "36-NQ/TW")
    en = lineage_picture(graph, "36-NQ/TW", lang="en")
    assert en.title.startswith("Tasks stemming from") and vi.title.startswith("Nhiệm vụ")
    assert {"implements", "leads"} <= {e.get("label") for e in en.edges}
    assert {i.label for i in en.legend} >= {"Plan", "Task", "Unit", "implements", "supports"}
    with pytest.raises(ValueError):
        lineage_picture(graph, "36-NQ/TW", lang="fr")


def test_every_label_has_both_languages():
    for key, entry in TEXT.items():
        assert set(LANGS) <= set(entry), key
        assert all(entry[lang].strip() for lang in LANGS), key


# --- workload ---------------------------------------------------------------------------


def test_workload_sizes_units_by_tasks_led_and_dashes_support(graph):
    picture = workload_picture(graph, province="Bắc Giang")
    rows = {r.unit_id: r for r in workload(graph, province="Bắc Giang")}
    units = [n for n in picture.nodes if n["kind"] in ("unit", "collective")]
    assert {n["id"] for n in units} == set(rows)
    by_lead = sorted(units, key=lambda n: rows[n["id"]].lead)
    assert [n["size"] for n in by_lead] == sorted(n["size"] for n in by_lead)
    assert by_lead[-1]["size"] > by_lead[0]["size"]
    lead_edges = [e for e in picture.edges if e["rel"] == "LED_BY"]
    support_edges = [e for e in picture.edges if e["rel"] == "SUPPORTED_BY"]
    assert len(lead_edges) == sum(r.lead for r in rows.values())
    assert len(support_edges) == sum(r.support for r in rows.values())
    assert all(not e["dashes"] for e in lead_edges) and all(e["dashes"] for e in support_edges)
    assert "Bắc Giang" in picture.title


def test_workload_colours_by_topic_or_directive(graph):
    by_topic = workload_picture(graph, province="Gia Lai")
    by_directive = workload_picture(graph, province="Gia Lai", color_by="directive")
    legend = {i.label for i in by_directive.legend}
    assert "61-KL/TW" in legend
    assert {i.label for i in by_topic.legend} & {"Chương trình OCOP", "Sở hữu trí tuệ"}
    with pytest.raises(ValueError):
        workload_picture(graph, color_by="plan")


def test_large_workload_is_aggregated_and_says_so(graph):
    full = workload_picture(graph)
    small = workload_picture(graph, max_tasks=20)
    tasks = [n for n in full.nodes if n["kind"] == "task"]
    groups = [n for n in small.nodes if n["kind"] == "group"]
    assert groups and not [n for n in small.nodes if n["kind"] == "task"]
    members = [m["id"] for g in small.groups.values() for m in g["nodes"]]
    assert sorted(members) == sorted(n["id"] for n in tasks)
    assert len(small.nodes) < len(full.nodes)
    note = small.notes[0]
    assert str(len(tasks)) in note and str(len(groups)) in note and "gộp" in note
    # each group's edges carry the counts of lead and supporting links they stand for
    lead_total = sum(e["count"] for e in small.edges if e["rel"] == "LED_BY")
    assert lead_total == sum(1 for e in full.edges if e["rel"] == "LED_BY")


# --- plan -------------------------------------------------------------------------------


def test_plan_shows_bases_tasks_and_units(graph):
    plan = next(p for p in plan_ids(graph) if "19/KH-SKHCN" in p)
    picture = plan_picture(graph, "19/KH-SKHCN")
    found = basis(graph, plan)
    hits = stems_from(graph, plan, depth=0)
    ids = {n["id"] for n in picture.nodes}
    assert {d.id for d in found.documents} <= ids and found.documents
    assert {h.task for h in hits} == {n["id"] for n in picture.nodes if n["kind"] == "task"}
    top = next(n for n in picture.nodes if n["id"] == found.documents[0].id)
    me = next(n for n in picture.nodes if n["id"] == plan)
    assert top["y"] < me["y"]


# --- compare ----------------------------------------------------------------------------


def test_compare_writes_png_and_svg(graph, tmp_path):
    written = write_compare(graph, ["Gia Lai", "Tây Ninh", "Lạng Sơn"], tmp_path / "cmp")
    assert sorted(p.suffix for p in written) == [".png", ".svg"]
    assert (tmp_path / "cmp.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (tmp_path / "cmp.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and not remote_references(svg)
    only_svg = write_compare(graph, ["Gia Lai", "Bắc Giang"], tmp_path / "two.svg", lang="en")
    assert only_svg == [tmp_path / "two.svg"]
    with pytest.raises(ValueError, match=r"\.pdf"):
        write_compare(graph, ["Gia Lai"], tmp_path / "x.pdf")


# --- offline and safe -------------------------------------------------------------------


def test_pages_reference_nothing_remote(graph):
    plan = plan_ids(graph)[0]
    for picture in (lineage_picture(graph, "61-KL/TW"), workload_picture(graph),
                    plan_picture(graph, plan)):
        html = render_page(picture)
        assert remote_references(html) == []
        assert "vis.Network" in html and "window.network" in html
        assert "Almende" in html  # vis-network's licence header is kept


def test_remote_check_catches_cdn_links():
    assert remote_references('<link href="https://cdn.example/x.css">')
    assert remote_references("<script src='//cdn.example/x.js'></script>")
    assert remote_references("body{background:url(http://x/y.png)}")
    assert remote_references('fetch("https://x/y")')
    assert not remote_references('xmlns="http://www.w3.org/2000/svg"')


def test_script_json_cannot_end_the_script():
    text = script_json({"a": HOSTILE})
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": HOSTILE}


def hostile_graph(graph):
    """The seed graph with every displayed text replaced by markup and script."""
    g = graph.copy()
    for _, data in g.nodes(data=True):
        for key in ("label", "name", "title", "text", "key", "deadline"):
            if data.get(key):
                data[key] = f"{HOSTILE} {data[key]}"
    for *_, data in g.edges(data=True):
        if data.get("quote"):
            data["quote"] = HOSTILE
    return g


def test_hostile_text_is_data_not_markup(graph):
    g = hostile_graph(graph)
    root = next(n for n, d in g.nodes(data=True) if d.get("key", "").endswith("61-KL/TW"))
    plan = plan_ids(g)[0]
    for picture in (lineage_picture(g, root), workload_picture(g, province="Gia Lai"),
                    plan_picture(g, plan), workload_picture(g, max_tasks=5)):
        html = render_page(picture)
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "\u2028" not in html
        assert html.count("</script>") == 3  # library, data, our code: nothing else closes
        assert "&lt;/script&gt;" in html  # the title, escaped
        data = page_data(html)
        shown = [n["label"] for n in data["nodes"]] + [n.get("title", "") for n in data["nodes"]]
        assert any("</script><script>" in s for s in shown)  # kept verbatim as data


# --- overlaps ---------------------------------------------------------------------------


def test_overlaps_page_links_each_pair_under_its_plans(graph):
    from policykg.queries import overlaps
    from policykg.viz.overlaps import overlaps_picture

    report = overlaps(graph, across_provinces=True, top=20)
    assert report.pairs
    html = render_page(overlaps_picture(graph, across_provinces=True, top=20, lang="en"))
    assert remote_references(html) == []
    data = page_data(html)
    nodes = {n["id"]: n for n in data["nodes"]}
    pairs = [e for e in data["edges"] if e["rel"] == "OVERLAPS"]
    assert {frozenset((e["from"], e["to"])) for e in pairs} == {
        frozenset((p.a.task, p.b.task)) for p in report.pairs}
    for pair, edge in zip(report.pairs, pairs, strict=True):
        assert edge["label"] == f"{pair.score:.2f}" and pair.terms[0] in edge["title"]
        assert nodes[edge["from"]]["x"] <= nodes[edge["to"]]["x"]  # arcs bend below the row
    for pair in report.pairs:
        for task in (pair.a, pair.b):
            assert task.text[:40] in nodes[task.task]["title"]
            assert {"from": task.plan, "to": task.task} in [
                {"from": e["from"], "to": e["to"]} for e in data["edges"]
                if e["rel"] == "HAS_TASK"]
            assert nodes[task.plan]["kind"] == "plan"
    assert "Overlapping duties" in html


# --- report and CLI ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(seeds_dir, tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("store") / "store.db")
    result = CliRunner().invoke(cli, ["ingest", "--store", path, str(seeds_dir)])
    assert result.exit_code == 0, result.output
    return path


def test_report_is_a_linked_offline_site(graph, tmp_path):
    index = write_report(graph, tmp_path / "site")
    html = index.read_text(encoding="utf-8")
    links = re.findall(r'(?:href|src)="([^"]+)"', html)
    assert links and all((index.parent / link).is_file() for link in links)
    assert any(link.startswith("lineage-") for link in links)
    assert sum(link.startswith("workload-") for link in links) >= 4  # one per province
    assert sum(link.startswith("plan-") for link in links) == len(plan_ids(graph))
    assert "compare.png" in links and "overlaps.html" in links
    for name in ("36-NQ/TW", "61-KL/TW", "Bắc Giang", "Tây Ninh"):
        assert name in html
    for page in index.parent.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert remote_references(text) == [], page.name
        local = re.findall(r'(?:src|href)="([^"]+)"', text)
        assert all((page.parent / ref).is_file() for ref in local), page.name


def test_report_spreadsheets_hold_the_answers_the_pages_show(graph, tmp_path):
    import csv

    from policykg.queries import overlaps, stems_from, workload

    index = write_report(graph, tmp_path / "site")
    html = index.read_text(encoding="utf-8")
    sheets = [link for link in re.findall(r'href="(csv/[^"]+)"', html)]
    assert sheets and all((index.parent / s).is_file() for s in sheets)

    def rows(name: str) -> list[dict[str, str]]:
        raw = (index.parent / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
        return list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))

    nq36 = rows("csv/tasks-36-nq-tw-2023.csv")
    assert [r["task"] for r in nq36] == [h.task for h in stems_from(graph, "36-NQ/TW")]
    assert {r["province"] for r in nq36} >= {"Tây Ninh"}
    gia_lai = rows("csv/workload-gia-lai.csv")
    totals = {r["unit_id"]: int(r["lead"]) for r in gia_lai if r["split"] == "total"}
    assert totals == {r.unit_id: r.lead for r in workload(graph, province="Gia Lai")}
    pairs = rows("csv/overlaps.csv")
    assert len(pairs) == len(overlaps(graph, top=500, across_plans=True).pairs) > 0
    assert all(r["a_plan"] != r["b_plan"] for r in pairs)  # duties repeated between plans
    assert sum(s.startswith("csv/workload-") for s in sheets) >= 4


def test_cli_viz_commands(store, tmp_path):
    runner = CliRunner()
    cases = [
        (["viz", "lineage", "nghi quyet 36", "-o", str(tmp_path / "l.html")], "l.html"),
        (["viz", "workload", "--province", "gia lai", "--color-by", "directive",
          "-o", str(tmp_path / "w.html")], "w.html"),
        (["viz", "plan", "19/KH-SKHCN", "--lang", "en", "-o", str(tmp_path / "p.html")],
         "p.html"),
        (["viz", "compare", "Gia Lai", "Tay Ninh", "-o", str(tmp_path / "c.png")], "c.png"),
        (["report", "-o", str(tmp_path / "r")], "r/index.html"),
        (["viz", "overlaps", "--province", "gia lai", "--across-plans", "-o",
          str(tmp_path / "o.html")], "o.html"),
    ]
    for args, name in cases:
        result = runner.invoke(cli, [*args, "--store", store])
        assert result.exit_code == 0, (args, result.output)
        assert (tmp_path / name).is_file()
    assert "Legal bases" in (tmp_path / "p.html").read_text(encoding="utf-8") or \
        "legal bases" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_cli_viz_errors_are_messages(store, tmp_path):
    runner = CliRunner()
    unknown = runner.invoke(cli, ["viz", "lineage", "nghi quyet 999", "-o",
                                  str(tmp_path / "x.html"), "--store", store])
    assert unknown.exit_code == 4 and "Traceback" not in unknown.output
    bad = runner.invoke(cli, ["viz", "compare", "Gia Lai", "-o", str(tmp_path / "x.pdf"),
                              "--store", store])
    assert bad.exit_code == 1 and ".pdf" in bad.output
    nostore = runner.invoke(cli, ["viz", "workload", "-o", str(tmp_path / "w.html"),
                                  "--store", str(tmp_path / "none.db")])
    assert nostore.exit_code == 5


def test_hostile_plan_file_shows_as_text(tmp_path):
    g = hostile_plan_graph(tmp_path / "plans")
    plan = plan_ids(g)[0]
    assert "<script>" in str(g.nodes[plan].get("title"))
    pages = [render_page(lineage_picture(g, "57-NQ/TW")), render_page(plan_picture(g, plan)),
             render_page(workload_picture(g))]
    for html in pages:
        assert "<script>alert" not in html and "<b onmouseover" not in html
        assert html.count("</script>") == 3
    assert "&lt;script&gt;alert(&quot;title&quot;)" in pages[1]  # the plan's title, escaped
    index = write_report(g, tmp_path / "site")
    for page in index.parent.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<b onmouseover" not in text, page.name

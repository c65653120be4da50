"""Text is data everywhere: hostile names and references reach queries as values, never
as query code; exports stay valid and HTML escapes whatever the documents hold."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from policykg.cli import cli
from policykg.graph.rdf import to_rdf
from policykg.graph.sparql import QUERIES, SparqlError, run_sparql
from policykg.graph.store import Store
from policykg.queries import (
    UnresolvedReference,
    basis,
    compare,
    downstream_documents,
    due,
    overlaps,
    resolve_document,
    search,
    stems_from,
    workload,
)
from tests.test_hostile_input import plan_text

HOSTILE = [
    "MATCH (n) DETACH DELETE n",
    "'}) MATCH (n) DETACH DELETE n //",
    '"}) DETACH DELETE n RETURN 1 //',
    "x' OR '1'='1",
    '"; DROP TABLE plans; --',
    "} ; DELETE WHERE { ?s ?p ?o } #",
    '" } DROP ALL ; SELECT * WHERE { "',
    "<http://example.org/x> . INSERT DATA { <a> <b> <c> }",
    "{0} {{}} %s %(x)s ${x} \\N \\u0000",
    "`rm -rf /`; $(touch pwned)",
    "<script>alert('policykg')</script>",
    "36-NQ/TW\" UNION { ?s ?p ?o }",
]
SCRIPT = "<script>alert('policykg')</script>"
IMG = '<img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    """A store of one ordinary plan and one whose duties are hostile strings."""
    root = tmp_path_factory.mktemp("injection")
    folder = root / "in"
    folder.mkdir()
    (folder / "binh-thuong.txt").write_text(plan_text(1), encoding="utf-8")
    tasks = [f"Rà soát hồ sơ {text}" for text in HOSTILE] + [f"Đăng tin {IMG} lên cổng"]
    (folder / "doc-hai.txt").write_text(plan_text(2, tasks=tasks), encoding="utf-8")
    path = root / "kg.db"
    report = Store(path).ingest([folder])
    assert not report.skipped, report.skipped
    return path


def snapshot(path: Path) -> dict[str, list]:
    """Every row of every table: what must not change when only reading."""
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                              "WHERE type='table' ORDER BY name")]
        return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}").fetchall()),
                          key=repr) for t in tables}


def graph_dump(g: nx.MultiDiGraph) -> str:
    return json.dumps([sorted(g.nodes(data=True), key=lambda n: n[0]),
                       sorted(g.edges(keys=True, data=True), key=repr)],
                      sort_keys=True, default=str)


def all_text(g: nx.MultiDiGraph) -> str:
    return "\n".join(str(v) for _, d in g.nodes(data=True) for v in d.values())


def test_the_hostile_text_is_stored_as_written(hostile_store):
    text = all_text(Store(hostile_store).graph())
    for hostile in HOSTILE:
        assert hostile.split()[0] in text
    assert "MATCH (n) DETACH DELETE n" in text and SCRIPT in text


# --- the embedded query functions ------------------------------------------------------------


def _asks(g, s: str):
    return [
        lambda: resolve_document(g, s),
        lambda: stems_from(g, s),
        lambda: stems_from(g, "57-NQ/TW", province=s),
        lambda: stems_from(g, "57-NQ/TW", unit=s),
        lambda: downstream_documents(g, s),
        lambda: basis(g, s),
        lambda: workload(g, unit=s),
        lambda: workload(g, province=s),
        lambda: workload(g, kind=s),
        lambda: compare(g, [s, "Gia Lai"]),
        lambda: overlaps(g, within_province=s),
        lambda: search(g, s),
        lambda: due(g, s),
        lambda: due(g, "2025", province=s, unit=s),
    ]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_query_functions_take_hostile_text_as_a_value(hostile_store, hostile):
    store = Store(hostile_store)
    before = snapshot(hostile_store)
    g = store.graph()
    dump = graph_dump(g)
    for ask in _asks(g, hostile):
        try:
            ask()
        except (UnresolvedReference, ValueError) as err:
            assert str(err)
    assert graph_dump(g) == dump
    assert snapshot(hostile_store) == before


def test_search_finds_hostile_text_as_plain_words(hostile_store):
    g = Store(hostile_store).graph()
    hits = search(g, "DETACH DELETE", kinds=["task"])
    assert any("MATCH (n) DETACH DELETE n" in (h.label or "") + str(h.to_dict()) for h in hits)


# --- SPARQL: named queries over hostile literals, hostile query text --------------------------


def test_named_sparql_queries_return_hostile_literals_intact(hostile_store):
    g_rdf = to_rdf(Store(hostile_store).graph())
    for name, query in QUERIES.items():
        result = run_sparql(g_rdf, query)
        assert result.kind == "select", name
        json.loads(result.to_json())
        result.to_table()
    rows = run_sparql(g_rdf, "SELECT ?l WHERE { ?t a pkg:Task ; rdfs:label ?l }").records()
    labels = " ".join(str(r["l"]) for r in rows)
    assert "DETACH DELETE n" in labels and SCRIPT in labels
    # a hostile value bound as a literal is matched as text, never parsed as query
    for hostile in HOSTILE:
        literal = rdflib.Literal(hostile)
        query = "SELECT ?s WHERE { ?s rdfs:label ?v }"
        prepared = rdflib.plugins.sparql.prepareQuery(
            query, initNs={"rdfs": rdflib.RDFS})
        assert list(g_rdf.query(prepared, initBindings={"v": literal})) == []


@pytest.mark.parametrize("text", [
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "LOAD <file:///etc/passwd>",
    "SELECT * WHERE { ?s ?p ?o } ; DELETE WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p \"}) MATCH (n) DETACH DELETE n //\" }",
])
def test_sparql_never_changes_anything(hostile_store, text):
    before = snapshot(hostile_store)
    g_rdf = to_rdf(Store(hostile_store).graph())
    size = len(g_rdf)
    try:
        run_sparql(g_rdf, text)
    except SparqlError as err:
        assert "\n" not in str(err)
    assert len(g_rdf) == size
    result = CliRunner().invoke(cli, ["sparql", text, "--store", str(hostile_store)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert snapshot(hostile_store) == before


# --- the command line ------------------------------------------------------------------------


def _commands(s: str, out: Path) -> list[list[str]]:
    return [
        ["stems-from", s], ["stems-from", "57-NQ/TW", "--unit", s, "--province", s],
        ["basis", s], ["workload", "--unit", s], ["workload", "--province", s, "--kind", s],
        ["compare", s, "Gia Lai"], ["overlaps", "--province", s], ["search", s],
        ["due", s], ["due", "2025", "--unit", s, "--province", s], ["show", s],
        ["tasks", "--plan", s], ["tasks", "--unit", s, "--province", s],
        ["plans", "--province", s], ["forget", s], ["sparql", s],
        ["viz", "lineage", s, "-o", str(out / "l.html")],
        ["viz", "plan", s, "-o", str(out / "p.html")],
        ["viz", "workload", "--unit", s, "-o", str(out / "w.html")],
    ]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_cli_takes_hostile_arguments_as_values(hostile_store, hostile, tmp_path):
    before = snapshot(hostile_store)
    runner = CliRunner()
    for args in _commands(hostile, tmp_path):
        for extra in ([], ["--json"]) if args[0] in ("search", "workload", "basis") else ([],):
            result = runner.invoke(cli, [*args, *extra, "--store", str(hostile_store)])
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                f"{args}: {result.exception!r}")
            assert "Traceback" not in result.output
    assert snapshot(hostile_store) == before


# --- HTML: the report escapes every document text ----------------------------------------------


def test_report_pages_escape_document_text(hostile_store, tmp_path):
    out = tmp_path / "report"
    result = CliRunner().invoke(cli, ["report", "-o", str(out), "--store", str(hostile_store)])
    assert result.exit_code == 0, result.output
    pages = list(out.rglob("*.htm*"))
    assert pages
    # the text is shown (escaped), not dropped
    assert any("alert('policykg')" in page.read_text(encoding="utf-8") for page in pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert SCRIPT not in html, page
        assert IMG not in html and 'onerror="alert' not in html, page


# --- exports of a hostile plan are valid and read back ------------------------------------------


def test_every_export_of_hostile_text_parses_back(hostile_store, tmp_path):
    g = Store(hostile_store).graph()
    wanted = "MATCH (n) DETACH DELETE n"
    for fmt, name in (("ttl", "g.ttl"), ("nt", "g.nt"), ("jsonld", "g.jsonld"),
                      ("graphml", "g.graphml"), ("gexf", "g.gexf"), ("json", "g.json"),
                      ("csv", "csv")):
        target = tmp_path / name
        result = CliRunner().invoke(cli, ["export", "-f", fmt, str(target),
                                          "--store", str(hostile_store)])
        assert result.exit_code == 0, (fmt, result.output)
        if fmt in ("ttl", "nt", "jsonld"):
            back = rdflib.Graph().parse(target, format={"ttl": "turtle", "nt": "nt",
                                                        "jsonld": "json-ld"}[fmt])
            assert any(wanted in str(o) for o in back.objects()), fmt
            assert any(SCRIPT in str(o) for o in back.objects()), fmt
        elif fmt in ("graphml", "gexf"):
            back = nx.read_graphml(target) if fmt == "graphml" else nx.read_gexf(target)
            assert back.number_of_nodes() == g.number_of_nodes(), fmt
            text = " ".join(str(v) for _, d in back.nodes(data=True) for v in d.values())
            assert wanted in text and SCRIPT in text, fmt
        elif fmt == "json":
            data = json.loads(target.read_text(encoding="utf-8"))
            back = nx.node_link_graph(data, multigraph=True, directed=True, edges="links"
                                      if "links" in data else "edges")
            assert back.number_of_nodes() == g.number_of_nodes()
            assert wanted in json.dumps(data, ensure_ascii=False)
        else:
            cells = []
            for file in target.glob("*.csv"):
                with file.open(encoding="utf-8", newline="") as handle:
                    rows = list(csv.reader(handle))
                widths = {len(r) for r in rows}
                assert len(widths) == 1, (file, widths)  # every row has every column
                cells += [c for r in rows for c in r]
            assert any(wanted in c for c in cells)

"""SPARQL over the RDF view: predeclared prefixes, the named queries, the command line."""

from __future__ import annotations

import json
from collections import Counter, defaultdict

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from policykg import cli as cli_module
from policykg.cli import cli
from policykg.graph.rdf import count_nodes, node_id, node_iri, to_rdf
from policykg.graph.sparql import QUERIES, SparqlError, oxigraph_available, run_sparql
from policykg.ontology.schema import LINEAGE_RELS, Kind, Rel
from tests.test_export import ingest_seeds, sample_graph

TN_PLAN = "doc:tay-ninh:KH@2024-03:ab12cd34ef"
GL_PLAN = "doc:gia-lai:19/KH-SKHCN@2024"


@pytest.fixture(scope="module")
def rdf():
    return to_rdf(sample_graph())


def ids(values) -> set[str]:
    return {node_id(v) for v in values}


# --- what the named queries should give, computed on the networkx graph -------


def nx_lineage(g: nx.MultiDiGraph, key: str) -> set[str]:
    """Every node that reaches a document numbered ``key`` along IMPLEMENTS/BASED_ON."""
    lineage = nx.DiGraph()
    lineage.add_edges_from((u, v) for u, v, r in g.edges(data="rel") if r in LINEAGE_RELS)
    found: set[str] = set()
    for root, data in g.nodes(data=True):
        if data.get("key") == key and root in lineage:
            found |= nx.ancestors(lineage, root)
    return found


def nx_workload(g: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    lead, support = Counter(), Counter()
    for _, v, r in set(g.edges(data="rel")):
        if r == Rel.LED_BY:
            lead[v] += 1
        elif r == Rel.SUPPORTED_BY:
            support[v] += 1
    return {unit: (lead[unit], support[unit]) for unit in set(lead) | set(support)}


def nx_topic_province(g: nx.MultiDiGraph) -> dict[tuple[str, str], int]:
    tasks: dict[tuple[str, str], set[str]] = defaultdict(set)
    for task, topic, r in g.edges(data="rel"):
        if r != Rel.ABOUT:
            continue
        plan = g.nodes[task].get("plan")
        if plan not in g:
            continue
        provinces = {v for _, v, rr in g.out_edges(plan, data="rel") if rr == Rel.IN_PROVINCE}
        if g.nodes[plan].get("province"):
            provinces.add(g.nodes[plan]["province"])
        for province in provinces:
            tasks[(topic, province)].add(task)
    return {k: len(v) for k, v in tasks.items()}


def sparql_lineage(rdf) -> set[str]:
    result = run_sparql(rdf, QUERIES["lineage"])
    return {node_id(r[result.columns.index("doc")]) for r in result.rows}


def sparql_workload(rdf) -> dict[str, tuple[int, int]]:
    result = run_sparql(rdf, QUERIES["unit-workload"])
    return {node_id(r[0]): (int(r[2]), int(r[3])) for r in result.rows}


def sparql_topic_province(rdf) -> dict[tuple[str, str], int]:
    result = run_sparql(rdf, QUERIES["topic-province"])
    col = result.columns.index
    return {(node_id(r[col("topic")]), node_id(r[col("province")])): int(r[col("tasks")])
            for r in result.rows}


def test_prefixes_are_predeclared(rdf):
    result = run_sparql(rdf, "SELECT ?d WHERE { ?d a pkg:Plan } ORDER BY ?d")
    assert ids(row[0] for row in result.rows) == {TN_PLAN, GL_PLAN}
    for prefix in ("pkg", "pkgid", "eli", "org", "skos", "prov", "dcterms", "rdfs", "xsd",
                   "p-plan", "schema"):
        run_sparql(rdf, f"ASK {{ ?s a {prefix}:Nothing }}")


def test_lineage_of_36_reaches_every_document_downstream(rdf):
    result = run_sparql(rdf, QUERIES["lineage"])
    docs = ids(r[result.columns.index("doc")] for r in result.rows)
    assert docs == {"doc:tay-ninh:180-CTr/TU@2023", "doc:tay-ninh:3300/KH-UBND@2023", TN_PLAN,
                    "doc:189/NQ-CP@2023", GL_PLAN}
    tasks = {node_id(r[0]): int(r[result.columns.index("tasks")]) for r in result.rows}
    assert tasks[TN_PLAN] == 3 and tasks[GL_PLAN] == 2
    via = {node_id(r[0]): node_id(r[result.columns.index("via")]) for r in result.rows}
    assert via[GL_PLAN] == "doc:189/NQ-CP@2023"
    assert docs == nx_lineage(sample_graph(), "36-NQ/TW")


def test_unit_workload_counts_lead_and_support(rdf):
    result = run_sparql(rdf, QUERIES["unit-workload"])
    rows = {node_id(r[0]): (int(r[2]), int(r[3])) for r in result.rows}
    assert rows["unit:tay-ninh:so-khcn:phong-qlkh"] == (2, 0)
    assert rows["unit:tay-ninh:so-khcn:chi-cuc-tdc"] == (1, 2)
    assert rows["unit:gia-lai:hnd:hoi-nong-dan"] == (0, 1)
    assert rows["unit:gia-lai:so-khcn:phong-qlkh"] == (2, 0)
    assert rows == nx_workload(sample_graph())


def test_tasks_per_topic_and_province(rdf):
    result = run_sparql(rdf, QUERIES["topic-province"])
    col = result.columns.index
    counts = {(node_id(r[col("topic")]), node_id(r[col("province")])): int(r[col("tasks")])
              for r in result.rows}
    assert counts == {("topic:biotech", "province:tay-ninh"): 2,
                      ("topic:biotech", "province:gia-lai"): 1,
                      ("topic:ocop", "province:tay-ninh"): 1,
                      ("topic:ocop", "province:gia-lai"): 1}
    assert counts == nx_topic_province(sample_graph())


def test_syntax_error_is_one_line(rdf):
    with pytest.raises(SparqlError) as info:
        run_sparql(rdf, "SELECT ?x WHERE { ?x ")
    assert "\n" not in str(info.value) and "syntax" in str(info.value)
    with pytest.raises(SparqlError):
        run_sparql(rdf, "SELECT ?x WHERE { ?x nope:thing ?y }")


def test_ask_and_construct(rdf):
    assert run_sparql(rdf, "ASK { ?t pkg:ledBy ?u }").answer is True
    graph = run_sparql(rdf, "CONSTRUCT { ?d rdfs:label ?l } WHERE { ?d a pkg:Plan ; "
                            "rdfs:label ?l }")
    assert graph.kind == "graph" and len(graph.rows) == 2


@pytest.mark.skipif(not oxigraph_available(), reason="pyoxigraph not installed")
@pytest.mark.parametrize("name", sorted(QUERIES))
def test_oxigraph_backend_agrees(rdf, name):
    a = run_sparql(rdf, QUERIES[name])
    b = run_sparql(rdf, QUERIES[name], backend="oxigraph")
    assert a.columns == b.columns
    norm = [sorted(json.dumps(r, sort_keys=True, default=str) for r in x.records())
            for x in (a, b)]
    assert norm[0] == norm[1]
    with pytest.raises(SparqlError):
        run_sparql(rdf, "SELECT ?x WHERE {", backend="oxigraph")


def test_records_are_plain_json(rdf):
    result = run_sparql(rdf, QUERIES["unit-workload"])
    records = result.records()
    assert all(isinstance(r["lead"], int) for r in records)
    assert json.loads(result.to_json())["rows"] == records
    assert Literal(1).toPython() == 1


# --- command line -------------------------------------------------------------


@pytest.fixture()
def stubbed_store(monkeypatch):
    monkeypatch.setattr(cli_module, "_graph_for_export", lambda path: sample_graph())


def test_cli_sparql_table_json_and_file(stubbed_store, tmp_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["sparql", "SELECT ?p WHERE { ?p a pkg:Plan } ORDER BY ?p"])
    assert res.exit_code == 0, res.output
    assert TN_PLAN in res.output and "(2 rows)" in res.output
    res = runner.invoke(cli, ["sparql", "unit-workload", "--json"])
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert data["columns"] == ["unit", "name", "lead", "support"]
    assert str(node_iri("unit:tay-ninh:so-khcn:chi-cuc-tdc")) in {r["unit"] for r in data["rows"]}
    query = tmp_path / "q.rq"
    query.write_text("# count plans\nSELECT (COUNT(?p) AS ?n) WHERE { ?p a pkg:Plan }",
                     encoding="utf-8")
    res = runner.invoke(cli, ["sparql", str(query), "--json"])
    assert json.loads(res.output)["rows"] == [{"n": 2}]


def test_cli_sparql_syntax_error_exits_2_without_traceback(stubbed_store):
    res = CliRunner().invoke(cli, ["sparql", "SELECT ?x WHERE { ?x"])
    assert res.exit_code == 2
    assert "Traceback" not in res.output
    assert res.output.strip().startswith("error:") and res.output.strip().count("\n") == 0


def test_cli_sparql_missing_file_says_so(stubbed_store, tmp_path):
    res = CliRunner().invoke(cli, ["sparql", str(tmp_path / "nope.rq")])
    assert res.exit_code == 2 and "no such file" in res.output


def test_cli_sparql_lists_named_queries():
    res = CliRunner().invoke(cli, ["sparql", "--list"])
    assert res.exit_code == 0
    assert all(name in res.output for name in QUERIES)


def test_cli_export_infers_format_and_writes(stubbed_store, tmp_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["export", str(tmp_path / "g.ttl")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "g.ttl").read_text(encoding="utf-8").count("pkg:Plan") >= 2
    res = runner.invoke(cli, ["export", "--format", "nt", "-"])
    assert res.exit_code == 0 and "<https://" in res.output
    res = runner.invoke(cli, ["export", "--format", "graphml", str(tmp_path / "g.xml")])
    assert res.exit_code == 0 and "<graphml" in (tmp_path / "g.xml").read_text(encoding="utf-8")
    res = runner.invoke(cli, ["export", str(tmp_path / "g.unknown")])
    assert res.exit_code == 2 and "--format" in res.output


def test_cli_export_without_store_says_so(tmp_path):
    res = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "none.db"), "-f", "ttl",
                                   str(tmp_path / "x.ttl")])
    assert res.exit_code == 1
    assert "ingest" in res.output and "Traceback" not in res.output


# --- the seeds, through the store ---------------------------------------------


@pytest.fixture(scope="module")
def seed_store(seeds_dir, tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "store.db"
    return path, ingest_seeds(seeds_dir, path)


def test_named_queries_on_the_seeds_agree_with_the_graph(seed_store):
    seed_graph = seed_store[1]
    rdf = to_rdf(seed_graph)
    lineage = sparql_lineage(rdf)
    assert lineage == nx_lineage(seed_graph, "36-NQ/TW")
    # the Tây Ninh seed carries out 36-NQ/TW through its province's plan
    assert any(seed_graph.nodes[n]["kind"] == Kind.PLAN for n in lineage)
    workload = sparql_workload(rdf)
    assert workload and workload == nx_workload(seed_graph)
    assert sparql_topic_province(rdf) == nx_topic_province(seed_graph)


def test_cli_on_a_seed_store(seed_store):
    path, seed_graph = seed_store
    runner = CliRunner()
    res = runner.invoke(cli, ["sparql", "--store", str(path), "--json", "unit-workload"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)["rows"]
    assert {node_id(r["unit"]) for r in rows} == set(nx_workload(seed_graph))
    res = runner.invoke(cli, ["export", "--store", str(path), "-f", "ttl", "-"])
    assert res.exit_code == 0
    assert count_nodes(Graph().parse(data=res.output, format="turtle")) == \
        seed_graph.number_of_nodes()


def test_cli_on_an_empty_store(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    res = CliRunner().invoke(cli, ["export", "--store", str(path), "-f", "json", "-"])
    assert res.exit_code == 1 and "empty" in res.output

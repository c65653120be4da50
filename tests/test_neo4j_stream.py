"""The streamed push (a store read in batches of plan blocks) against a real Bolt server.

It must leave the database exactly as pushing the whole graph does: the same nodes,
labels, relationships, properties and content hashes, and the same push record, so
either push can follow the other incrementally without writing anything.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from policykg.graph import neo4j as neo
from policykg.graph.build import add_bulk
from policykg.graph.store import open_store
from policykg.ontology.schema import Kind, Rel
from tests.bolt_server import bolt_driver, bolt_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.neo4j


def _query(driver: Any, text: str, **params: Any) -> list[dict[str, Any]]:
    with driver.session() as session:
        return [r.data() for r in session.run(text, params)]


def _content(driver: Any) -> dict[str, Any]:
    """Everything a push leaves: nodes with labels and properties (hashes included),
    relationships with theirs, and the push record's per-plan digests and counts."""
    nodes = sorted((r["id"], sorted(r["labels"]), sorted(r["p"].items())) for r in _query(
        driver, "MATCH (n:PolicykgNode) RETURN n.id AS id, labels(n) AS labels, "
                "properties(n) AS p"))
    rels = sorted((r["a"], r["t"], r["b"], sorted(r["p"].items())) for r in _query(
        driver, "MATCH (a:PolicykgNode)-[r]->(b:PolicykgNode) RETURN a.id AS a, type(r) AS t, "
                "b.id AS b, properties(r) AS p"))
    state = _query(driver, "MATCH (s:PolicykgState) RETURN s.plans AS plans, s.nodes AS n, "
                           "s.relationships AS r")
    return {"nodes": nodes, "relationships": rels,
            "state": [(sorted(s["plans"]), s["n"], s["r"]) for s in state]}


def _empty(driver: Any) -> None:
    _query(driver, "MATCH (n) DETACH DELETE n")


@pytest.fixture()
def db(bolt_driver: Any) -> Any:  # noqa: F811
    _empty(bolt_driver)
    return bolt_driver


@pytest.fixture(scope="module")
def caps(bolt_driver: Any) -> neo.Capabilities:  # noqa: F811
    return neo.probe(bolt_driver)


def _report(report: neo.PushReport) -> dict[str, Any]:
    data = report.to_dict()
    data.pop("requests")
    return data


@pytest.mark.parametrize(("batch", "as_parameters"), [(1, False), (200, False), (2, True)])
def test_streamed_push_leaves_what_the_whole_graph_push_leaves(
        db: Any, store_file: Path, caps: neo.Capabilities, batch: int,
        as_parameters: bool) -> None:
    if as_parameters:  # values sent as parameters in small requests, as before probing
        caps = replace(caps, inline_values=False, max_batch_bytes=neo.LIMITED_BATCH_BYTES)
    store = open_store(store_file)
    graph = store.graph()
    whole = neo.push(graph, db, caps=caps)
    expected = _content(db)
    assert len(expected["nodes"]) == graph.number_of_nodes() > 0
    assert len(expected["relationships"]) == graph.number_of_edges() > 0
    _empty(db)
    streamed = neo.push_store(store, db, caps=caps, batch=batch)
    assert _content(db) == expected
    assert _report(streamed) == _report(whole)
    assert streamed.plans_added and streamed.nodes_written == graph.number_of_nodes()


@pytest.mark.parametrize("page", [neo.STATE_PAGE, 7])
def test_incremental_push_after_either_writes_nothing(
        db: Any, store_file: Path, caps: neo.Capabilities, page: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(neo, "STATE_PAGE", page)  # the state read in many small requests
    monkeypatch.setattr(neo, "STATE_SLICE", 2 if page < 10 else neo.STATE_SLICE)
    store = open_store(store_file)
    neo.push_store(store, db, caps=caps)
    before = _content(db)
    again = neo.push_store(store, db, caps=caps, incremental=True)
    assert (again.nodes_written, again.relationships_written) == (0, 0)
    assert (again.nodes_deleted, again.relationships_deleted) == (0, 0)
    assert again.nodes_unchanged == len(before["nodes"])
    assert again.plans_added == again.plans_changed == again.plans_forgotten == []
    whole = neo.push(store.graph(), db, caps=caps, incremental=True)  # the hashes agree
    assert (whole.nodes_written, whole.relationships_written) == (0, 0)
    assert whole.plans_changed == []
    assert _content(db) == before


def test_streamed_push_removes_a_forgotten_plan(db: Any, store_file: Path, tmp_path: Path,
                                                caps: neo.Capabilities) -> None:
    path = tmp_path / "store.db"
    shutil.copy(store_file, path)
    store = open_store(path)
    neo.push_store(store, db, caps=caps)
    plan = next(d["plan_id"] for _, d in store.graph().nodes(data=True)
                if d["kind"] == Kind.PLAN and d.get("plan_id") and d.get("file"))
    store.forget(plan)
    report = neo.push_store(store, db, caps=caps, incremental=True)
    assert report.plans_forgotten == [plan]
    assert report.nodes_deleted > 0 and report.nodes_unchanged > 0
    expected_db = _content(db)
    _empty(db)
    neo.push(store.graph(), db, caps=caps)
    assert _content(db)["nodes"] == expected_db["nodes"]
    assert _content(db)["relationships"] == expected_db["relationships"]


def test_items_repeated_across_batches_merge_as_in_the_graph(
        db: Any, caps: neo.Capabilities) -> None:
    task, unit, plan = "task:a", "unit:b", "plan:c"
    batches: list[tuple[list[Any], list[Any]]] = [
        ([[plan, {"kind": Kind.PLAN.value, "label": "KH 1", "plan_id": "1/KH"}],
          [unit, {"kind": Kind.UNIT.value, "label": "Sở A", "aliases": ["A"]}]],
         [[task, unit, Rel.LED_BY.value, {"rel": Rel.LED_BY.value, "quote": "first"}]]),
        ([[task, {"kind": Kind.TASK.value, "text": "Làm việc", "plan": plan}],
          [unit, {"label": "Sở A (mới)", "note": None}]],
         [[task, unit, Rel.LED_BY.value, {"line_start": 3}],
          [plan, task, Rel.HAS_TASK.value, {"rel": Rel.HAS_TASK.value}],
          [plan, "doc:nowhere", Rel.IMPLEMENTS.value, {"rel": Rel.IMPLEMENTS.value}]]),
        ([[task, {"deadline": {"text": "2025"}}]],
         [[task, unit, Rel.LED_BY.value, {"quote": "last", "role": "lead"}]]),
    ]
    graph = nx.MultiDiGraph()
    add_bulk(graph, [[n, dict(a)] for nodes, _ in batches for n, a in nodes],
             [[u, v, k, dict(a)] for _, edges in batches for u, v, k, a in edges])
    assert graph.nodes[unit]["label"] == "Sở A (mới)" and "doc:nowhere" in graph
    whole = neo.push(graph, db, caps=caps)
    expected = _content(db)
    _empty(db)
    streamed = neo.push_items(iter(batches), db, caps=caps)
    assert _content(db) == expected
    assert _report(streamed) == _report(whole)
    back = neo.fetch_graph(db)
    assert back.edges[task, unit, Rel.LED_BY.value] == graph.edges[task, unit, Rel.LED_BY.value]
    assert back.nodes[task] == graph.nodes[task]


def test_an_unknown_relation_is_refused_before_anything_is_written(
        db: Any, caps: neo.Capabilities) -> None:
    batches = [([["a", {"kind": Kind.UNIT.value}], ["b", {"kind": Kind.UNIT.value}]],
                [["a", "b", "x", {"rel": "LIKES"}]])]
    with pytest.raises(neo.Neo4jError, match="LIKES"):
        neo.push_items(batches, db, caps=caps)
    assert _query(db, "MATCH (n:PolicykgNode) RETURN count(n) AS n")[0]["n"] == 0


def test_a_node_that_changes_kind_keeps_one_node_with_its_new_labels(
        db: Any, caps: neo.Capabilities) -> None:
    def labels() -> list[list[str]]:
        return [sorted(r["l"]) for r in _query(
            db, "MATCH (n:PolicykgNode {id: 'doc:1'}) RETURN labels(n) AS l")]

    for kind, expected in ((Kind.DOCUMENT.value, Kind.DOCUMENT.value),
                           (Kind.PLAN.value, Kind.PLAN.value), (None, None),
                           (Kind.DOCUMENT.value, Kind.DOCUMENT.value)):
        attrs = {"label": "1/KH"} if kind is None else {"kind": kind, "label": "1/KH"}
        neo.push_items([([["doc:1", attrs]], [])], db, caps=caps)
        assert labels() == [sorted(["PolicykgNode", *([expected] if expected else [])])]

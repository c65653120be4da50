"""Partial graphs of a store: the skeleton, plan blocks loaded on demand and the
index of the nodes each block reaches."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pytest

from policykg.graph.store import Store, StoreError
from policykg.ontology.schema import Kind
from tests.test_graph_build import plan, task, unit
from tests.test_store import (
    corpus,
    json_loader,
    make_store,
    two_spellings_of_one_number,
    write_plan,
    write_two_copies_of_one_document,
)

TASK = Kind.TASK.value


def items(g: nx.MultiDiGraph) -> tuple[list, list]:
    """Every node and edge of ``g`` with its attributes, in a comparable order."""
    nodes = sorted((n, sorted(d.items(), key=repr)) for n, d in g.nodes(data=True))
    edges = sorted((u, v, k, sorted(d.items(), key=repr))
                   for u, v, k, d in g.edges(keys=True, data=True))
    return nodes, edges


def restricted(full: nx.MultiDiGraph, plans: set[str]) -> nx.MultiDiGraph:
    """The full graph without the tasks of plans other than ``plans``."""
    keep = [n for n, d in full.nodes(data=True)
            if d.get("kind") != TASK or d.get("plan") in plans]
    return full.subgraph(keep)


def touching_by_scan(full: nx.MultiDiGraph) -> dict[str, set[str]]:
    """For each node outside the plans' blocks, the plans whose tasks have an edge to it
    (HAS_TASK edges make a plan node reach its own block)."""
    found: dict[str, set[str]] = defaultdict(set)
    for u, v in full.edges():
        for own, other in ((u, v), (v, u)):
            if full.nodes[own].get("kind") == TASK and full.nodes[other].get("kind") != TASK:
                found[other].add(full.nodes[own]["plan"])
    return found


@pytest.fixture(scope="module")
def real_store(seeds_dir, examples_dir, tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("partial") / "kg.db")
    report = store.ingest([seeds_dir, examples_dir])
    assert report.plans >= 10 and not report.skipped
    return store


def plan_nodes(full: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, d in full.nodes(data=True) if d.get("kind") == Kind.PLAN.value)


def test_skeleton_is_the_graph_without_any_plans_tasks(real_store):
    full = real_store.graph()
    skeleton = real_store.skeleton()
    assert items(skeleton) == items(restricted(full, set()))
    assert plan_nodes(skeleton) == plan_nodes(full)
    assert real_store.subgraph() is skeleton


@pytest.mark.parametrize("pick", [slice(0, 1), slice(1, 4), slice(None)])
def test_subgraph_of_plans_is_the_full_graph_restricted_to_their_blocks(
        real_store, seeds_dir, pick):
    full = real_store.graph()
    wanted = set(plan_nodes(full)[pick])
    fresh = Store(real_store.path)  # nothing loaded yet
    part = fresh.subgraph(plans=wanted | {"doc:unknown:1/KH@2020"})
    assert items(part) == items(restricted(full, wanted))
    assert any(d.get("kind") == TASK for _, d in part.nodes(data=True))


def test_blocks_touching_agrees_with_scanning_the_full_graph(real_store):
    full = real_store.graph()
    expected = touching_by_scan(full)
    units = [n for n, d in full.nodes(data=True) if d.get("kind") == Kind.UNIT.value]
    topics = [n for n, d in full.nodes(data=True) if d.get("kind") == Kind.TOPIC.value]
    assert units and topics
    for node in [*units, *topics, *plan_nodes(full)]:
        assert real_store.blocks_touching([node]) == expected.get(node, set()), node
    several = units[:3] + topics[:2]
    assert real_store.blocks_touching(several) == set().union(
        *(expected.get(n, set()) for n in several))
    assert real_store.blocks_touching(["unit:nowhere:none:none"]) == set()
    assert real_store.blocks_touching([]) == set()


def test_subgraph_touching_a_unit_holds_the_blocks_of_every_plan_it_works_on(real_store):
    full = real_store.graph()
    expected = touching_by_scan(full)
    busiest = max((n for n, d in full.nodes(data=True) if d.get("kind") == Kind.UNIT.value),
                  key=lambda n: len(expected.get(n, ())))
    assert len(expected[busiest]) >= 2
    part = Store(real_store.path).subgraph(touching=[busiest])
    assert items(part) == items(restricted(full, expected[busiest]))
    # every task edge to the unit is there, as in the full graph
    assert sorted(part.in_edges(busiest, keys=True)) == sorted(full.in_edges(busiest, keys=True))


def test_subgraph_grows_one_graph_and_leaves_the_skeleton_alone(real_store):
    store = Store(real_store.path)
    full = store.graph()
    first, second = plan_nodes(full)[:2]
    skeleton = store.skeleton()
    before = items(skeleton)
    one = store.subgraph(plans=[first])
    both = store.subgraph(plans=[second])
    assert both is one and one is not skeleton
    assert items(both) == items(restricted(full, {first, second}))
    assert sorted(both.in_edges(keys=True)) == sorted(both.edges(keys=True))
    assert store.subgraph(plans=[first]) is both  # nothing new: the same graph
    assert store.skeleton() is skeleton and items(skeleton) == before
    # no task reached the skeleton by any of its maps
    assert sorted(skeleton.in_edges(keys=True)) == sorted(skeleton.edges(keys=True))
    assert not any(d.get("kind") == TASK for _, d in skeleton.nodes(data=True))


def test_a_new_generation_gives_new_graphs_and_keeps_the_old_ones(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    reader = Store(store.path)  # another reader of the same file
    skeleton = reader.skeleton()
    assert reader.skeleton() is skeleton
    grown = reader.subgraph(plans=reader.plan_nodes().values())
    before = items(skeleton), items(grown)
    extra = plan("bn", number="7/KH-SKHCN", province="Bắc Ninh",
                 tasks=[task("1", "Đánh giá", unit("Văn phòng Sở"))])
    store.ingest([write_plan(tmp_path / "more", "bn", extra)])
    assert reader.skeleton() is not skeleton
    assert (items(skeleton), items(grown)) == before  # what was handed out is unchanged
    node = reader.plan_nodes()[extra.id]
    assert node in reader.skeleton() and node not in skeleton
    part = reader.subgraph(plans=[node])
    assert part is not grown
    assert items(part) == items(restricted(reader.graph(), {node}))


def test_index_follows_node_ids_that_change_and_plans_forgotten(tmp_path):
    """Two spellings of one number: the second plan renames the first plan's node (its
    block is written again); forgetting it renames it back."""
    folder = tmp_path / "plans"
    first, second = two_spellings_of_one_number(second_unit="Phòng Tổ chức")
    store = make_store(tmp_path)
    write_plan(folder, "x", first)
    store.ingest([folder])

    def check() -> None:
        full = Store(store.path).graph()
        expected = touching_by_scan(full)
        for node, data in full.nodes(data=True):
            if data.get("kind") != TASK:
                assert store.blocks_touching([node]) == expected.get(node, set()), node
        nodes = set(store.plan_nodes().values())
        assert items(Store(store.path).subgraph(plans=nodes)) == items(full)

    old_node = store.plan_nodes()[first.id]
    check()
    write_plan(folder, "y", second)
    store.ingest([folder])
    new_node = store.plan_nodes()[first.id]
    assert new_node != old_node
    check()
    office = next(n for n in store.graph() if n.startswith("unit:") and "van-phong" in n)
    assert store.blocks_touching([office]) == {new_node}
    assert store.blocks_touching([old_node]) == set()
    assert items(Store(store.path).subgraph(plans=[old_node])) == items(store.skeleton())
    store.forget(str(folder / "y.json"))
    assert store.plan_nodes()[first.id] == old_node
    check()
    assert store.blocks_touching([office]) == {old_node}
    store.forget(str(folder / "x.json"))
    assert store.blocks_touching([office]) == set()
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT count(*) FROM touches").fetchone()[0] == 0


def test_only_the_kept_copy_of_a_document_is_loaded(tmp_path):
    folder = tmp_path / "plans"
    write_two_copies_of_one_document(folder)
    store = make_store(tmp_path)
    store.ingest([folder])
    full = store.graph()
    (node,) = plan_nodes(full)
    office = next(n for n in full if n.startswith("unit:") and "van-phong" in n)
    assert store.blocks_touching([office]) == {node}
    assert items(store.subgraph(touching=[office])) == items(full)
    assert sum(d.get("kind") == TASK for _, d in store.subgraph().nodes(data=True)) == 1


def test_readers_are_not_blocked_by_a_writer(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    nodes = list(store.plan_nodes().values())
    writer = sqlite3.connect(store.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM touches")
        reader = Store(store.path, timeout=0.1)
        assert reader.skeleton().number_of_nodes() > 0
        assert len(reader.blocks_touching(nodes)) == len(nodes)
        assert reader.subgraph(plans=nodes).number_of_nodes() == store.graph().number_of_nodes()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def _format_2(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE touches")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'format_version'")


def test_a_store_of_format_2_is_refused_until_its_next_write_brings_it_up(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    full = items(store.graph())
    units = [n for n in store.graph() if n.startswith("unit:")]
    touching = {u: store.blocks_touching([u]) for u in units}
    _format_2(store.path)
    old = Store(store.path, loader=json_loader)
    for call in (old.skeleton, old.graph, lambda: old.blocks_touching(units)):
        with pytest.raises(StoreError, match=f"format version 2.*policykg ingest --store "
                                             f"{store.path}"):
            call()
    report = old.ingest([tmp_path / "plans"])  # nothing changed: only the index is built
    assert len(report.unchanged) == 3
    assert items(old.graph()) == full
    assert {u: old.blocks_touching([u]) for u in units} == touching


def test_tampered_blocks_give_an_error_naming_the_store(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    nodes = store.plan_nodes()
    victim = sorted(nodes)[0]
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE edges SET attrs = ? WHERE block = ?", (b"x\x9cnot zlib", victim))
    fresh = Store(store.path)
    assert fresh.skeleton().number_of_nodes() > 0  # the shared block is intact
    with pytest.raises(StoreError, match=f"store {fresh.path} is damaged"):
        fresh.subgraph(plans=[nodes[victim]])
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE nodes SET attrs = zeroblob(40) WHERE block = '*'")
    with pytest.raises(StoreError, match=f"store {fresh.path} is damaged"):
        Store(store.path).skeleton()


def test_a_block_repeating_shared_nodes_merges_as_the_full_graph_does(tmp_path):
    """A block naming a shared node or edge again (not written by policykg, but readable):
    the partial graph merges it as the full graph does and the skeleton stays as it was."""
    from policykg.graph.store import _pack, _unpack

    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    plan_id, node = sorted(store.plan_nodes().items())[0]
    u, v, k, _ = next(iter(store.skeleton().out_edges(node, keys=True, data=True)))
    with sqlite3.connect(store.path) as conn:
        nodes = _unpack(conn.execute("SELECT attrs FROM nodes WHERE block = ?",
                                     (plan_id,)).fetchone()[0])
        edges = _unpack(conn.execute("SELECT attrs FROM edges WHERE block = ?",
                                     (plan_id,)).fetchone()[0])
        nodes.append([node, {"label": "changed", "note": "x"}])
        edges.append([u, v, k, {"note": "y"}])
        conn.execute("UPDATE nodes SET attrs = ? WHERE block = ?", (_pack(nodes), plan_id))
        conn.execute("UPDATE edges SET attrs = ? WHERE block = ?", (_pack(edges), plan_id))
    reader = Store(store.path)
    skeleton = reader.skeleton()
    before = items(skeleton)
    part = reader.subgraph(plans=[node])
    full = Store(store.path).graph()
    assert items(part) == items(restricted(full, {node}))
    assert part.nodes[node]["note"] == "x" and part.edges[u, v, k]["note"] == "y"
    assert items(skeleton) == before and "note" not in skeleton.nodes[node]


# --- lists of plans and tasks read what they show ------------------------------------------


def test_plan_heads_are_the_plans_without_their_tasks_and_count_them(real_store, tmp_path):
    from policykg.graph.store import plan_record

    full, skeleton = real_store.graph(), real_store.skeleton()
    plans = real_store.plans()
    heads = real_store.plan_heads()
    assert [p.id for p, _ in heads] == [p.id for p in plans]
    for (head, count), whole in zip(heads, plans, strict=True):
        assert count == len(whole.tasks) and head.tasks == [] and head.lines == []
        assert plan_record(head, skeleton, tasks=count) == plan_record(whole, full)
    picked = [plans[3].id, plans[0].id, "no-such-plan"]
    assert [p.id for p in real_store.plans(picked)] == [plans[0].id, plans[3].id]
    # a copy whose tasks were taken from the other copy counts its own tasks
    folder = tmp_path / "copies"
    write_two_copies_of_one_document(folder)
    store = make_store(tmp_path)
    store.ingest([folder])
    assert sorted(n for _, n in store.plan_heads()) == [1, 1]


def test_plans_tasks_and_show_read_only_what_they_list(real_store, monkeypatch):
    """The listing commands answer as they would from the whole graph, which they no
    longer read (it is ~330 KB a plan)."""
    import json

    from click.testing import CliRunner

    from policykg.cli import cli
    from policykg.graph.store import plan_record, task_records

    full, path = real_store.graph(), str(real_store.path)
    plans = real_store.plans()
    whole_plans = [plan_record(p, full) for p in plans]
    gia_lai = [p for p, r in zip(plans, whole_plans, strict=True)  # Bình Định merged in
               if "Gia Lai" in (r["province"], r["current_province"])]
    assert {p.province for p in gia_lai} == {"Gia Lai", "Bình Định"}
    whole_tasks = [r for p in gia_lai for r in task_records(p, full)]
    one = real_store.plan(gia_lai[0].id)
    whole_show = plan_record(one, full)
    monkeypatch.setattr(Store, "graph", lambda self: pytest.fail("the whole graph was read"))

    def ask(*args: str):
        result = CliRunner().invoke(cli, [*args, "--json", "--store", path])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    assert ask("plans") == whole_plans
    assert ask("tasks", "--province", "gia lai") == whole_tasks and whole_tasks
    shown = ask("show", gia_lai[0].id)
    assert {k: shown[k] for k in whole_show} == whole_show
    assert shown["task_list"] == task_records(one, full)


def whole_graph_counts(store: Store) -> dict:
    """What stats counts, counted on the whole graph."""
    from collections import Counter

    g = store.graph()
    names = {n: d.get("name") or d.get("label") for n, d in g.nodes(data=True)
             if d.get("kind") == Kind.PROVINCE.value}
    per: dict = defaultdict(Counter)
    for _, d in g.nodes(data=True):
        if d.get("province") and d.get("kind") in ("Plan", "LegalDocument", "Task", "Unit"):
            per[names.get(d["province"], d["province"])][d["kind"]] += 1
    return {"nodes": dict(Counter(d.get("kind") for _, d in g.nodes(data=True))),
            "edges": dict(Counter(d.get("rel") for *_, d in g.edges(data=True))),
            "provinces": {p: dict(c) for p, c in per.items()},
            "total_nodes": g.number_of_nodes(), "total_edges": g.number_of_edges()}


def test_stats_count_what_the_whole_graph_holds_without_building_it(real_store, tmp_path,
                                                                     monkeypatch):
    expected = whole_graph_counts(real_store)
    folder = tmp_path / "copies"
    write_two_copies_of_one_document(folder)  # a node in two blocks, merged once
    copies = make_store(tmp_path)
    copies.ingest([folder])
    expected_copies = whole_graph_counts(copies)
    monkeypatch.setattr(Store, "graph", lambda self: pytest.fail("the whole graph was built"))
    for store, counts in ((real_store, expected), (copies, expected_copies)):
        stats = store.stats()
        assert {k: stats[k] for k in counts} == counts
    assert expected["nodes"]["Task"] > 50 and expected["edges"]["LED_BY"] > 50

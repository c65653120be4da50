"""The store's task rows say what its graph says, whatever happened to the store.

stems-from, workload, compare and search asked of a store read these rows instead of
the plans' graph blocks, so after every kind of write (new plans, a node id that
changes, duplicate files, a file forgotten, a failed ingest, an older store brought up
to date) each plan's rows must list its tasks as the graph does, with the same units,
provinces, deadline buckets and searchable words.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.graph.searchtext import search_text, words_of
from policykg.graph.store import Store, StoreError, open_store
from policykg.graph.taskrows import PackedTaskIds, block_rows
from policykg.ontology.schema import Kind, Rel
from policykg.queries import compare, due, search, stems_from, workload
from policykg.queries.common import (
    deadline_bucket,
    in_rel,
    nodes_of,
    plan_tasks,
    task_topics,
    task_units,
)
from tests.test_graph_build import plan, task, unit
from tests.test_store import (
    corpus,
    json_loader,
    make_store,
    two_spellings_of_one_number,
    write_plan,
    write_two_copies_of_one_document,
)


def rows_match_graph(store: Store) -> int:
    """Assert the rows agree with ``store.graph()``; return how many tasks they hold."""
    g = store.graph()
    plans = list(nodes_of(g, Kind.PLAN))
    rows = store.task_rows(plans)
    counts = store.task_counts(plans)
    total = 0
    for p in plans:
        tasks = plan_tasks(g, p)
        got = rows.get(p, [])
        assert [r.task for r in got] == tasks, p
        assert counts.get(p, 0) == len(tasks)
        for r in got:
            assert (list(r.lead), list(r.support)) == task_units(g, r.task)
            assert r.bucket == deadline_bucket(g, r.task)
            assert r.text == g.nodes[r.task].get("text")
            assert list(r.topics) == task_topics(g, r.task)
            assert (r.targets or []) == (g.nodes[r.task].get("targets") or [])
        total += len(got)
    units = list(nodes_of(g, Kind.UNIT))
    roles = store.unit_roles(units)
    for u in units:
        led = {t for t, _ in in_rel(g, u, [Rel.LED_BY])}
        supported = {t for t, _ in in_rel(g, u, [Rel.SUPPORTED_BY])} - led
        found = roles.get(u)
        if not led and not supported:
            assert found is None, u
            continue
        named = found.plan_names
        assert set(PackedTaskIds((named[p], ts) for _, p, lead, ts in found.plans if lead)
                   ) == led, u
        assert set(PackedTaskIds((named[p], ts) for _, p, lead, ts in found.plans if not lead)
                   ) == supported, u
        assert (PackedTaskIds.of_groups(found.plans, named, True, len(led)) == sorted(led)
                and PackedTaskIds.of_groups(found.plans, named, False, len(supported))
                == sorted(supported)), u
        buckets = Counter((deadline_bucket(g, t), t in led) for t in led | supported)
        assert {(b, lead): n for b, lead, n in found.buckets} == buckets, u
    assert sum(len(PackedTaskIds((found.plan_names[p], ts) for _, p, _, ts in found.plans))
               for found in roles.values()) == sum(
        len(r.lead) + len(r.support) for rs in rows.values() for r in rs)
    unit_totals_match_buckets(store)
    search_rows_match_graph(store)
    return total


def unit_totals_match_buckets(store: Store) -> None:
    """Each unit's deadline buckets summed over its plans, as writes and removals left
    them, are the sums of the plans' rows now (and no emptied total is left)."""
    with sqlite3.connect(store.path) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master").fetchone():
            return  # a first write rolled back leaves an empty file
        totals = conn.execute("SELECT unit, lead, bucket, count FROM unit_totals "
                              "ORDER BY unit, lead, bucket").fetchall()
        summed = conn.execute("SELECT unit, lead, bucket, sum(count) FROM unit_buckets "
                              "GROUP BY unit, lead, bucket ORDER BY unit, lead, bucket").fetchall()
    assert totals == summed


def search_rows_match_graph(store: Store) -> None:
    """Every task of the graph has one search row with its folded text, and the index
    counts each word in as many tasks as hold it."""
    g = store.graph()
    expected = {n: search_text(d) for n, d in g.nodes(data=True) if d.get("kind") == Kind.TASK}
    with sqlite3.connect(store.path) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master").fetchone():
            assert not expected  # a first write rolled back leaves an empty file
            return
        found = [(node, body[:size] if head is None else head, body) for node, size, head, body
                 in conn.execute("SELECT node, head_len, head, body FROM search_rows")]
        vocab = dict(conn.execute("SELECT term, doc FROM search_vocab"))
    assert sorted(found) == sorted((n, *t) for n, t in expected.items())
    held = Counter(w for _, body in expected.values() for w in set(words_of(body)))
    assert {w: n for w, n in vocab.items() if n} == dict(held)
    assert store.search_counts(list(held)[:5]) == (len(expected), {
        w: held[w] for w in list(held)[:5]})


def _questions_agree(store: Store) -> None:
    """stems-from and workload asked of the store equal the answers on its graph."""
    g = store.graph()
    for doc in nodes_of(g, Kind.DOCUMENT, Kind.PLAN):
        assert ([h.to_dict() for h in stems_from(open_store(store.path), doc)]
                == [h.to_dict() for h in stems_from(g, doc)])
    assert ([r.to_dict() for r in workload(open_store(store.path))]
            == [r.to_dict() for r in workload(g)])
    provinces = sorted({d["name"] for n, d in g.nodes(data=True)
                        if d.get("kind") == Kind.PROVINCE and g.in_degree(n)})
    sides = provinces[:3] + [next(iter(nodes_of(g, Kind.PLAN)))]
    assert (compare(open_store(store.path), sides).to_dict()
            == compare(g, sides).to_dict())
    for period in ("2025", "2026-Q2"):
        assert due(open_store(store.path), period).to_dict() == due(g, period).to_dict()
    texts = [d.get("text") or "" for _, d in g.nodes(data=True) if d.get("kind") == Kind.TASK]
    for text in [*texts[:5], *provinces[:2], "ke hoach", "nghi quyet 36"]:
        for kinds in (None, ["task"]):
            assert ([h.to_dict() for h in search(open_store(store.path), text, kinds)]
                    == [h.to_dict() for h in search(g, text, kinds)]), text


def test_rows_of_the_seeds_and_examples(seeds_dir, examples_dir, tmp_path):
    store = open_store(tmp_path / "kg.db")
    assert store.ingest([str(seeds_dir), str(examples_dir)], jobs=1).ok
    assert rows_match_graph(store) > 100
    _questions_agree(store)


def test_rows_follow_new_plans_changes_and_forgetting(tmp_path):
    folder = tmp_path / "plans"
    plans = corpus(folder)
    store = make_store(tmp_path)
    store.ingest([folder])
    assert rows_match_graph(store) == 4
    changed = plans[1]
    changed.tasks = [task("1", "Hỗ trợ OCOP năm 2025", unit("Phòng Quản lý Khoa học")),
                     task("2", "Đào tạo", unit("Văn phòng Sở"), unit("Phòng Quản lý Khoa học",
                                                                     "support"))]
    write_plan(folder, "gl", changed)
    store.ingest([folder])
    assert rows_match_graph(store) == 5
    _questions_agree(store)
    store.forget("12/KH-SKHCN")
    assert rows_match_graph(store) == 3
    _questions_agree(store)


def test_rows_move_with_a_plan_whose_node_id_changes(tmp_path):
    folder = tmp_path / "plans"
    first, second = two_spellings_of_one_number()
    store = make_store(tmp_path)
    store.ingest([write_plan(folder, "x", first)])
    old = store.plan_nodes()[first.id]
    store.ingest([write_plan(folder, "y", second)])
    assert store.plan_nodes()[first.id] != old and not store.task_rows([old])
    assert rows_match_graph(store) == 2
    _questions_agree(store)


def test_only_the_kept_copy_of_a_document_has_rows(tmp_path):
    folder = tmp_path / "plans"
    write_two_copies_of_one_document(folder)
    store = make_store(tmp_path)
    assert len(store.ingest([folder]).duplicates) == 1
    assert rows_match_graph(store) == 1
    kept = next(iter(store.task_rows(store.plan_nodes().values()).values()))[0].text
    store.forget(str(folder / ("word.json" if "word" in kept else "pdf.json")))
    assert rows_match_graph(store) == 1
    assert next(iter(store.task_rows(store.plan_nodes().values()).values()))[0].text != kept


def test_a_failed_ingest_leaves_rows_that_a_later_one_builds_on(tmp_path):
    folder = tmp_path / "plans"
    corpus(folder)
    store = make_store(tmp_path)

    def failing(paths, on_progress=None, jobs=None) -> Iterator:
        yield from json_loader(paths[:1])
        raise KeyboardInterrupt

    broken = Store(store.path, loader=failing)
    with pytest.raises(KeyboardInterrupt):
        broken.ingest([folder])
    assert not store.exists or rows_match_graph(store) == 0
    store.ingest([folder])
    assert rows_match_graph(store) == 4
    write_plan(folder, "more", plan("more", number="8/KH-SKHCN", province="Gia Lai",
                                    tasks=[task("1", "Thêm", unit("Sở Tài chính", "support",
                                                                  "external"))]))
    with pytest.raises(KeyboardInterrupt):  # names numbered in a rolled-back write
        Store(store.path, loader=failing).ingest([folder / "more.json"])
    store.ingest([folder])
    assert rows_match_graph(store) == 5


def _older_format(path: Path, version: int) -> None:
    """Make the store at ``path`` one of format 3 (no task rows), 4 (no search rows) or
    5 (no unit totals)."""
    with sqlite3.connect(path) as conn:
        tables = ["unit_totals"]
        if version <= 4:
            tables += ["search_vocab", "search_words", "search_rows"]
        if version == 3:
            tables += ["names", "task_blocks", "task_rows", "unit_tasks", "unit_buckets"]
        for table in tables:
            conn.execute(f"DROP TABLE {table}")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'format_version'", (str(version),))


@pytest.mark.parametrize("version", [3, 4, 5])
def test_a_store_of_an_older_format_gets_its_rows_on_its_next_write(tmp_path, examples_dir,
                                                                      version):
    store = open_store(tmp_path / "kg.db")
    store.ingest([str(examples_dir)], jobs=1)
    expected = rows_match_graph(store)
    _older_format(store.path, version)
    with pytest.raises(StoreError, match=f"format version {version}.*policykg ingest --store"):
        open_store(store.path).skeleton()
    report = open_store(store.path).ingest([str(examples_dir)], jobs=1)
    assert report.unchanged and not report.ingested  # nothing read again
    assert rows_match_graph(open_store(store.path)) == expected > 0


def test_block_rows_of_a_block_without_tasks():
    assert block_rows([], []) == (None, [], [])
    assert block_rows([["doc:x", {"kind": "Plan"}]], [["doc:x", "province:y", "IN_PROVINCE",
                                                       {"rel": "IN_PROVINCE"}]])[1] == []


def test_a_path_not_read_from_the_tasks_own_lines_is_kept_link_by_link():
    """A block from elsewhere whose sub-task link quotes other lines than the sub-task:
    its row keeps every link as the graph gives it."""
    import networkx as nx

    from policykg.graph.build import add_bulk
    from policykg.graph.taskrows import chain_links
    from policykg.queries.lineage import _task_chain

    where = {"file": "f.txt", "line_start": 4, "line_end": 4}
    nodes = [["task:p#1", {"kind": "Task", "number": "1", "text": "Làm A", "quote": "1. Làm A",
                           "file": "f.txt", "line_start": 3, "line_end": 3}],
             ["task:p#1.1", {"kind": "Task", "number": "1.1", "text": "Làm B",
                             "quote": "a) Làm B", **where}]]
    edges = [["p", "task:p#1", "HAS_TASK", {"rel": "HAS_TASK", "quote": "1. Làm A",
                                            "file": "f.txt", "line_start": 3, "line_end": 3}],
             ["task:p#1", "task:p#1.1", "HAS_SUBTASK", {"rel": "HAS_SUBTASK",
                                                         "quote": "Làm B (trích)", **where}]]
    plan_node, rows, _roles = block_rows(nodes, edges)
    assert plan_node == "p" and rows[0].chain is None and rows[1].chain.startswith("[")
    g = nx.MultiDiGraph()
    add_bulk(g, [["p", {"kind": "Plan", "label": "p"}], *nodes], edges)
    expected = [(k.upstream, k.downstream, k.downstream_label, k.relation, k.quote, k.file,
                 k.line_start, k.line_end) for k in _task_chain(g, "p", "task:p#1.1")]
    got = [(up, down, down_name, rel, quote, file, start, end)
           for up, _name, down, down_name, rel, quote, file, start, end
           in chain_links(rows[1].chain)]
    assert got == expected and got[1][4] == "Làm B (trích)"

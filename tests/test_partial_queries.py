"""Questions asked of a store read only part of its graph, and answer as on the whole graph.

Each answer computed through :func:`policykg.queries.partial.graph_for` (a fresh store
object, so the part read is the least the question asks for, or a shared one that has
grown with earlier questions) is compared, ``to_dict()`` for ``to_dict()``, with the
answer on the whole graph; bad references raise the same error.
"""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from click.testing import CliRunner

import policykg.cli as cli_module
from bench.generate import generate
from policykg.cli import cli
from policykg.graph.store import open_store
from policykg.ontology.schema import Kind
from policykg.queries import (
    UnresolvedReference,
    basis,
    compare,
    downstream_documents,
    due,
    overlaps,
    search,
    stems_from,
    workload,
)
from policykg.queries.common import node_province, nodes_of, plan_tasks
from policykg.queries.partial import blocks_for, graph_for
from policykg.queries.refs import resolve_document


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, seeds_dir, examples_dir) -> str:
    """A store of the seeds, the examples and 200 generated plans."""
    root = tmp_path_factory.mktemp("partial")
    generate(root / "generated", 200, 11)
    path = str(root / "store.db")
    report = open_store(path).ingest([str(seeds_dir), str(examples_dir),
                                      str(root / "generated")])
    assert report.ok, report.to_dict()
    return path


@pytest.fixture(scope="module")
def full(store_path):
    return open_store(store_path).graph()


@pytest.fixture(scope="module")
def shared_store(store_path):
    """One store object for many questions: its partial graph keeps growing."""
    return open_store(store_path)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.to_dict() if hasattr(value, "to_dict") else value


def _outcome(ask) -> Any:
    try:
        return ("answer", _plain(ask()))
    except UnresolvedReference as err:
        return ("error", type(err).__name__, str(err))
    except ValueError as err:
        return ("error", "ValueError", str(err))


_CALLS = [0]


def _same(full_graph, store_path, shared_store, question, *args, **kwargs) -> Any:
    """The answer on the whole graph, checked against a shared store and, every third
    question, a fresh one (opening a store costs a skeleton's decoding)."""
    expected = _outcome(lambda: question(full_graph, *args, **kwargs))
    _CALLS[0] += 1
    if _CALLS[0] % 3 == 1:
        fresh = _outcome(lambda: question(open_store(store_path), *args, **kwargs))
        assert fresh == expected, (question.__name__, args, kwargs)
    grown = _outcome(lambda: question(shared_store, *args, **kwargs))
    assert grown == expected, (question.__name__, args, kwargs)
    return expected


def _directives(g) -> list[str]:
    """Documents something stems from, and a few plans."""
    docs = [d for d in nodes_of(g, Kind.DOCUMENT, Kind.PLAN)
            if any(g.edges[e].get("rel") in ("IMPLEMENTS", "BASED_ON")
                   for e in g.in_edges(d, keys=True))]
    rnd = random.Random(5)
    return sorted(rnd.sample(docs, min(12, len(docs))))


def _provinces(g) -> list[str]:
    with_plans = sorted({node_province(g, p) for p in nodes_of(g, Kind.PLAN)} - {None})
    rnd = random.Random(6)
    names = [g.nodes[p].get("name") for p in rnd.sample(with_plans, min(4, len(with_plans)))]
    # one merged away in 2025: its plans answer for its successor too
    merged = [g.nodes[p]["name"] for p in with_plans if g.nodes[p].get("current") != p]
    return names + merged[:1]


def _units(g) -> list[tuple[str, str | None]]:
    units = list(nodes_of(g, Kind.UNIT))
    rnd = random.Random(7)
    picked = rnd.sample(units, min(6, len(units)))
    picked += [u for u in units if g.nodes[u].get("category") == "collective"][:1]
    return [(u, None) for u in picked[:3]] + [
        (str(g.nodes[u].get("name") or u), g.nodes[node_province(g, u)].get("name")
         if node_province(g, u) else None) for u in picked[3:]]


def test_the_corpus_has_chains_provinces_and_units(full):
    assert len(list(nodes_of(full, Kind.PLAN))) >= 200
    assert len(_directives(full)) >= 5 and len(_provinces(full)) >= 4
    deep = [d for d in _directives(full) if len(stems_from(full, d, depth=None))
            > len(stems_from(full, d, depth=1))]
    assert deep, "no directive reaches tasks through more than one link"


def test_stems_from(full, store_path, shared_store):
    provinces = _provinces(full)
    units = _units(full)
    answers = 0
    for doc in _directives(full):
        for province in [None, *provinces[:3]]:
            for depth in (None, 0, 1):
                got = _same(full, store_path, shared_store, stems_from, doc,
                            province=province, depth=depth)
                answers += bool(got[0] == "answer" and got[1])
        for unit, province in units[:4]:
            _same(full, store_path, shared_store, stems_from, doc, unit=unit,
                  province=province)
        _same(full, store_path, shared_store, stems_from, doc, province=provinces[:2])
    assert answers > 10


def test_stems_from_typed_references_and_years(full, store_path, shared_store):
    for typed in ["nghi quyet 36", "36-NQ/TW", "NQ 57", "quyet dinh 1322", "01", "no such doc",
                  "Nghị quyết 57-NQ/TW"]:
        for year in (None, 2019, 2023):
            _same(full, store_path, shared_store, stems_from, typed, year=year)
            _same(full, store_path, shared_store, stems_from, typed, year=year,
                  province=_provinces(full)[0])


def test_downstream_documents(full, store_path, shared_store):
    for doc in _directives(full):
        for province in [None, *_provinces(full)[:2]]:
            for depth in (None, 1):
                _same(full, store_path, shared_store, downstream_documents, doc,
                      province=province, depth=depth)


def test_basis_of_tasks_plans_and_typed_references(full, store_path, shared_store):
    rnd = random.Random(8)
    plans = list(nodes_of(full, Kind.PLAN))
    for plan in rnd.sample(plans, 8):
        _same(full, store_path, shared_store, basis, plan)
        tasks = plan_tasks(full, plan)
        if tasks:
            _same(full, store_path, shared_store, basis, rnd.choice(tasks))
    for typed in ["nghi quyet 36", "no such task", "task:doc:nowhere#1", "01"]:
        _same(full, store_path, shared_store, basis, typed)


def test_workload(full, store_path, shared_store):
    _same(full, store_path, shared_store, workload)
    _same(full, store_path, shared_store, workload, collective=False)
    for province in _provinces(full):
        _same(full, store_path, shared_store, workload, province=province)
        _same(full, store_path, shared_store, workload, province=province, collective=False)
    for unit, province in _units(full):
        _same(full, store_path, shared_store, workload, unit=unit, province=province)
    kinds = sorted({d.get("label") for _, d in full.nodes(data=True)
                    if d.get("kind") == Kind.UNIT_KIND})
    for kind in kinds[:4] + ["phong quan ly khoa hoc", "no such kind"]:
        _same(full, store_path, shared_store, workload, kind=kind)
        _same(full, store_path, shared_store, workload, kind=kind, province=_provinces(full)[0])
    _same(full, store_path, shared_store, workload, province="no such province")


def test_compare(full, store_path, shared_store):
    provinces = _provinces(full)
    plan = next(iter(nodes_of(full, Kind.PLAN)))
    for sides in ([*provinces[:3]], provinces[-2:], [provinces[0], plan], ["nowhere", plan]):
        for as_of in (None, "2025-07-01", "2024-01-01"):
            _same(full, store_path, shared_store, compare, sides, as_of=as_of)
    _same(full, store_path, shared_store, compare, provinces[:2], as_of="July")


def _search_texts(g) -> list[str]:
    """What users type: words of tasks and plans (one to nine of them, with and without
    diacritics), a unit, a province, references, words found nowhere."""
    from policykg.ontology.normalize import fold

    rnd = random.Random(8)
    texts = [str(d.get("text") or d.get("label") or "") for _, d in g.nodes(data=True)
             if d.get("kind") in (Kind.TASK, Kind.PLAN)]
    typed = []
    for text in rnd.sample(texts, 40):
        words = text.split()
        size = rnd.choice((1, 2, 3, 5, 9))
        start = rnd.randrange(max(1, len(words) - size))
        piece = " ".join(words[start:start + size])
        typed.append(fold(piece) if rnd.random() < 0.5 else piece)
    return typed + ["Sở Khoa học và Công nghệ", "gia lai", "36-NQ/TW", "nghi quyet 36",
                    "ke hoach ke hoach", "r&d", "zzz qqq", "thuc hien zzz qqq"]


def test_search(full, store_path, shared_store):
    for text in _search_texts(full):
        _same(full, store_path, shared_store, search, text)
        _same(full, store_path, shared_store, search, text, kinds=["task"], limit=7)
        _same(full, store_path, shared_store, search, text, kinds=["plan", "unit"])
    _same(full, store_path, shared_store, search, "ke hoach", kinds=["nothing"])


def test_due(full, store_path, shared_store):
    provinces = _provinces(full)
    units = _units(full)
    for period in ("2025", "2026-Q3", "2024-06", "2030"):
        _same(full, store_path, shared_store, due, period)
        for province in provinces[:3]:
            _same(full, store_path, shared_store, due, period, province=province)
        for unit, province in units[3:5]:
            _same(full, store_path, shared_store, due, period, unit=unit, province=province)
    _same(full, store_path, shared_store, due, "someday")
    _same(full, store_path, shared_store, due, "2025", province="no such province")


def test_overlaps_between_chosen_plans_or_provinces(full, store_path):
    """Pairs among chosen plans or provinces read only those plans, and are the pairs
    found on the whole graph (term weights count the chosen tasks either way)."""
    provinces = _provinces(full)
    plans = sorted(nodes_of(full, Kind.PLAN))
    rnd = random.Random(9)
    cases = [
        {"provinces": provinces[:2], "across_provinces": True},
        {"provinces": provinces[:1], "across_plans": True},
        {"provinces": provinces[-1:]},
        {"plans": rnd.sample(plans, 2)},
        {"plans": rnd.sample(plans, 6), "across_plans": False},
        {"plans": rnd.sample(plans, 3), "provinces": provinces[:3]},
        {"directive": _directives(full)[0]},
        {"directive": _directives(full)[1], "provinces": provinces[:1],
         "across_plans": False},
    ]
    found = []
    for case in cases:
        chosen = {"within_province": case.get("provinces"), "plans": case.get("plans"),
                  "directive": case.get("directive"),
                  "across_provinces": case.get("across_provinces", False),
                  "across_plans": case.get("across_plans"), "min_score": 0.2, "top": None}
        part = graph_for(open_store(store_path), "overlaps", provinces=case.get("provinces"),
                         plans=case.get("plans"), directive=case.get("directive"))
        assert part.number_of_nodes() < full.number_of_nodes()
        assert overlaps(part, **chosen).to_dict() == overlaps(full, **chosen).to_dict(), case
        found.append(len(overlaps(full, **chosen).pairs))
    assert sum(1 for n in found if n) >= 6, found  # most cases have pairs to compare
    assert blocks_for(open_store(store_path), "overlaps") is None  # every task


def test_the_part_read_is_small(full, store_path):
    """A province's share of a directive reads that province's plans, not all of them."""
    store = open_store(store_path)
    doc, province = _directives(full)[0], _provinces(full)[0]
    root = resolve_document(full, doc)
    everywhere, _ = blocks_for(store, "stems-from", ref=root)
    here, _ = blocks_for(store, "stems-from", ref=root, province=province)
    assert here <= everywhere and len(here) < len(everywhere) or not everywhere
    part = graph_for(open_store(store_path), "stems-from", ref=root, province=province)
    assert part.number_of_nodes() < full.number_of_nodes()
    assert blocks_for(store, "due") is None  # reads every task


def test_indexes_follow_the_graph(full):
    g = full.copy()
    before = list(nodes_of(g, Kind.PLAN))
    g.add_node("doc:zz-test:1/KH-UBND@2030", kind=Kind.PLAN.value, label="1/KH-UBND")
    assert list(nodes_of(g, Kind.PLAN)) == [*before, "doc:zz-test:1/KH-UBND@2030"]
    plan = before[0]
    tasks = plan_tasks(g, plan)
    g.add_node("task:extra", kind=Kind.TASK.value, plan=plan, file="~", line_start=1)
    g.add_edge(plan, "task:extra", key="HAS_TASK", rel="HAS_TASK")
    assert plan_tasks(g, plan) == [*tasks, "task:extra"]


def _cli_json(store_path: str, *args: str) -> Any:
    result = CliRunner().invoke(cli, [*args, "--json", "--store", store_path])
    return result.exit_code, json.loads(result.output) if result.exit_code == 0 else None


def test_cli_answers_as_on_the_whole_graph(full, store_path, monkeypatch):
    doc, province = _directives(full)[0], _provinces(full)[0]
    unit = _units(full)[3]
    commands = [
        ["stems-from", doc], ["stems-from", doc, "--province", province],
        ["stems-from", doc, "--province", province, "--depth", "1", "--group-by", "unit"],
        ["stems-from", doc, "--unit", unit[0]] + (["--province", unit[1]] if unit[1] else []),
        ["stems-from", doc, "--plans", "--province", province],
        ["basis", next(iter(nodes_of(full, Kind.PLAN)))],
        ["workload", "--province", province], ["workload", "--unit", unit[0]],
        ["compare", *_provinces(full)[:3]], ["compare", province, "--as-of", "2025-07-01"],
        ["search", "ma so ma vach"], ["stems-from", "no such doc"],
        ["due", "2025", "--province", province], ["due", "2026-Q1", "--unit", unit[0]],
        ["overlaps", "--province", province, "--province", _provinces(full)[1],
         "--across-provinces", "--top", "100"],
        ["overlaps", "--plan", sorted(nodes_of(full, Kind.PLAN))[0], "--plan",
         sorted(nodes_of(full, Kind.PLAN))[-1]],
    ]
    partial = [_cli_json(store_path, *c) for c in commands]
    monkeypatch.setattr(cli_module, "_query_graph", lambda store_path: full)
    monkeypatch.setattr(cli_module, "_query_store", lambda store_path: full)
    whole = [_cli_json(store_path, *c) for c in commands]
    assert partial == whole
    assert sum(1 for code, _ in partial if code == 0) >= len(commands) - 1


def test_cli_empty_store_is_still_refused(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("không phải kế hoạch", encoding="utf-8")
    store = str(tmp_path / "empty.db")
    CliRunner().invoke(cli, ["ingest", str(note), "--store", store])
    result = CliRunner().invoke(cli, ["stems-from", "36-NQ/TW", "--store", store])
    assert result.exit_code == 5 and "holds no plan" in result.output


def test_graphs_of_a_dropped_store_are_freed(full, store_path):
    """A server opening a store per request must not keep every skeleton it decoded: the
    indexes the questions build must not hold their graph alive."""
    import gc
    import weakref

    doc, province = _directives(full)[0], _provinces(full)[0]
    questions = [lambda s: stems_from(s, doc, province=province),
                 lambda s: downstream_documents(s, doc), lambda s: workload(s, province=province),
                 lambda s: compare(s, _provinces(full)[:2]), lambda s: basis(s, doc)]
    for question in questions:
        store = open_store(store_path)
        question(store)
        graphs = [weakref.ref(store.skeleton()), weakref.ref(store.subgraph(
            plans=list(nodes_of(full, Kind.PLAN))[:3]))]
        del store
        gc.collect()
        assert all(ref() is None for ref in graphs)

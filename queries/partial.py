"""The part of the stored graph a question reads, so it costs what it answers.

Every question names documents, plans, units and provinces (the store's
*skeleton*, cheap to open) and reads the tasks of a few plans. :func:`graph_for`
resolves the question's references on the skeleton with the resolvers the
questions use (so a bad reference raises the same
:class:`~policykg.queries.refs.UnknownReference` or
:class:`~policykg.queries.refs.AmbiguousReference`), walks lineage there, and
asks the store for the task blocks the answer can come from:

- ``stems-from``: the plans downstream of the directive (down to ``depth``)
  whose tasks can lie in ``province``, and among them those whose tasks reach
  ``unit``; with ``show_plans`` the plans listed (their task counts are shown);
- ``basis``: the task's plan and every plan upstream (their task counts);
- ``workload``: every plan with a task led or supported by a selected unit;
- ``compare``: the plans of the sides;
- ``overlaps`` between chosen plans or provinces: those plans.

Other questions (``due``, ``overlaps`` over everything, ``search``, pictures …) get the
whole graph.
The question then runs unchanged on the returned graph and gives what it gives on
the whole graph.

``stems_from``, ``downstream_documents``, ``workload``, ``compare``, ``due`` and
``search`` asked of a store go further and read the store's indexed rows
(:meth:`~policykg.graph.store.Store.task_rows`,
:meth:`~policykg.graph.store.Store.unit_roles`,
:meth:`~policykg.graph.store.Store.search_tasks`) without any block; the parts here
serve callers that want the graph itself (pages drawn from it, another backend).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import networkx as nx

from policykg.ontology.schema import Kind
from policykg.queries.common import (
    Graph,
    in_provinces_id,
    is_document,
    on_one_skeleton,
    province_id,
    share_skeleton_index,
)

__all__ = ["graph_for", "blocks_for", "reads_whole_graph", "QUESTIONS"]

# What a question needs: (plan node ids, nodes whose plans' tasks reach them), or None
# when it reads the whole graph.
Need = tuple[set[str], set[str]] | None


def graph_for(store: Any, question: str, **options: Any) -> nx.MultiDiGraph:
    """The part of ``store``'s graph ``question`` (a query command's name) reads.

    ``options`` are the question's options, named as the command names them
    (``ref``, ``province``, ``unit``, ``depth``, ``year``, ``show_plans``; ``node``;
    ``province``, ``unit``, ``kind``, ``collective``; ``sides``, ``as_of``); others are
    ignored. The graph is the store's and grows with later questions: do not change it.
    """
    chooser = QUESTIONS.get(question)
    if chooser is None:
        return store.graph()
    def read(skeleton: nx.MultiDiGraph) -> nx.MultiDiGraph | None:
        need = chooser(store, skeleton, **options)
        if need is None:
            return None
        plans, touching = need
        return store.subgraph(plans=sorted(plans), touching=sorted(touching)) \
            if plans or touching else skeleton

    done = on_one_skeleton(store, read)
    if done is None or done[1] is None:
        return store.graph()
    skeleton, graph = done
    share_skeleton_index(graph, skeleton)
    return graph


def reads_whole_graph(question: str, **options: Any) -> bool:
    """Whether ``question`` with ``options`` reads every task (so memory may run short on a
    large store): the questions without a part of their own, and ``overlaps`` over
    everything."""
    if question in ("overlaps", "viz overlaps"):
        return not (options.get("provinces") or options.get("plans")
                    or options.get("directive"))
    return question not in QUESTIONS


def blocks_for(store: Any, question: str, **options: Any) -> Need:
    """What :func:`graph_for` asks the store for: (plans, touching), None for everything."""
    chooser = QUESTIONS.get(question)
    return chooser(store, store.skeleton(), **options) if chooser else None


def _plans_of(g: Graph, nodes: Iterable[str]) -> set[str]:
    return {n for n in nodes if (g.nodes.get(n) or {}).get("kind") == Kind.PLAN}


def _tasks_may_lie_in(g: Graph, plan: str, provinces: set[str] | None) -> bool:
    """Whether ``plan``'s tasks may lie in ``provinces``: a task carries its plan's
    province, so a plan with a province decides for its tasks; one without any is
    kept (its tasks are checked by the question)."""
    if not provinces:
        return True
    written = g.nodes[plan].get("province")
    if not written:
        return True
    return in_provinces_id(g, province_id(g, written), provinces)


def _stems_from(store: Any, g: Graph, ref: str, province: str | list[str] | None = None,
                unit: str | list[str] | None = None, depth: int | None = None,
                year: int | str | None = None, show_plans: bool = False,
                plans: bool = False, **_: Any) -> Need:
    from policykg.queries.lineage import _province_set, _resolve_doc, _tree, _unit_set

    root = _resolve_doc(g, ref, year, province)
    provinces = _province_set(g, province)
    tree = _tree(g, root, down=True, depth=depth)
    if show_plans or plans:
        kept = [n for n in tree if n != root and not (
            provinces and g.nodes[n].get("scope") != "central"
            and not in_provinces_id(g, _province_of(g, n), provinces))]
        return _plans_of(g, kept), set()
    units = _unit_set(g, unit, province if isinstance(province, str) else None)
    wanted = {p for p in _plans_of(g, tree) if _tasks_may_lie_in(g, p, provinces)}
    if units and wanted:
        wanted &= set(store.blocks_touching(sorted(units)))
    return wanted, set()


def _province_of(g: Graph, node: str) -> str | None:
    from policykg.queries.common import node_province

    return node_province(g, node)


def _basis(store: Any, g: Graph, node: str, **_: Any) -> Need:
    from policykg.queries.lineage import upstream_documents
    from policykg.queries.refs import resolve_document

    if node.startswith("task:") and node not in g:
        plan = _plan_of_task(g, node)
        if plan is None:  # a task's id names its plan, and every plan is in the skeleton
            return set(), set()
        return {plan, *_plans_of(g, upstream_documents(g, plan))}, set()
    start = node if node in g and is_document(g, node) else resolve_document(g, node)
    return _plans_of(g, upstream_documents(g, start)), set()


def _plan_of_task(g: Graph, task: str) -> str | None:
    """The plan a task id (``task:<plan node id>#<task id>``) names, when it is one."""
    body = task.removeprefix("task:")
    cut = body.find("#")
    while cut >= 0:
        if (g.nodes.get(body[:cut]) or {}).get("kind") == Kind.PLAN:
            return body[:cut]
        cut = body.find("#", cut + 1)
    return None


def _workload(store: Any, g: Graph, province: str | None = None, unit: str | None = None,
              kind: str | None = None, collective: bool = True, **_: Any) -> Need:
    from policykg.queries.workload import _candidates

    return set(), {node for node, _ in _candidates(g, province, unit, kind, collective)}


def _compare(store: Any, g: Graph, sides: Iterable[str] = (), as_of: str | date | None = None,
             **_: Any) -> Need:
    from policykg.queries.compare import _merged, _side_plans

    merged = _merged(as_of)
    return {p for text in sides for p in _side_plans(g, text, merged)[3]}, set()


def _overlaps(store: Any, g: Graph, provinces: Iterable[str] = (), plans: Iterable[str] = (),
              directive: str | None = None, **_: Any) -> Need:
    """The chosen plans (named, or stemming from the directive), else the plans whose
    tasks may lie in the chosen provinces: the pairs are sought among their tasks only
    (term weights too are counted over them); with none of them, every task."""
    from policykg.queries.lineage import chosen_plans
    from policykg.queries.refs import resolve_province

    provinces, plans = list(provinces or ()), list(plans or ())
    if not provinces and not plans and not directive:
        return None
    if plans or directive:
        province = provinces[0] if len(provinces) == 1 else None
        return chosen_plans(g, directive, plans, province) or set(), set()
    wanted = {resolve_province(g, p) for p in provinces}
    return {p for p in _plans_of(g, g.nodes) if _tasks_may_lie_in(g, p, wanted)}, set()


QUESTIONS: dict[str, Callable[..., Need]] = {
    "stems-from": _stems_from,
    "basis": _basis,
    "workload": _workload,
    "compare": _compare,
    "overlaps": _overlaps,
    "viz overlaps": _overlaps,
}

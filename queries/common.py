"""Reading the knowledge graph: the few accessors every question needs.

The graph contract lives in :mod:`policykg.graph` and :mod:`policykg.ontology.schema`;
these helpers read it tolerantly (an attribute may hold a node id or a name,
a relation may be a :class:`Rel` or its string) so each query module stays short.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar, Union

import networkx as nx

from policykg.graph.taskrows import bucket_of, int_or_none, reachable
from policykg.graph.taskrows import task_order as order_of_task
from policykg.ontology.issuers import local_area
from policykg.ontology.normalize import fold, slug
from policykg.ontology.schema import DOCUMENT_KINDS, Kind, Rel

if TYPE_CHECKING:
    from policykg.graph.store import Store

Graph = nx.MultiDiGraph
# What a question is asked of: a graph, or a store (it then reads the part it needs).
Source = Union[Graph, "Store"]

_LINK_STRENGTH = {Rel.IMPLEMENTS: 0, Rel.BASED_ON: 1, Rel.MENTIONS: 2}

T = TypeVar("T")

# --- per-graph indexes ---------------------------------------------------------------------
#
# A question should cost what it returns, not what the graph holds, so the lookups every
# question repeats (nodes by kind, documents by number, units by words, plans by province,
# a plan's tasks…) are built once per graph and kept until the graph changes. networkx
# empties ``g.__networkx_cache__`` on every change made through its API (and
# :func:`policykg.graph.build.add_bulk` does too), so a token kept there says the graph is
# unchanged since the index was built; counting edges instead would cost a pass over them.
# Attribute values edited in place are not seen: copy a graph before editing it. The
# indexes live beside the graphs (weakly), not in ``g.graph``, so exports never see them.

_INDEX_KEY = "policykg_index"


class _Lookups:
    """Tables built lazily from one state of a graph (``memo(name, build)``)."""

    def __init__(self, g: Graph):
        self._graph = weakref.ref(g)
        self.tables: dict[Any, Any] = {}

    @property
    def graph(self) -> Graph:
        g = self._graph()
        if g is None:
            raise RuntimeError("the graph of this index is gone")
        return g

    def memo(self, name: Any, build: Callable[[], T]) -> T:
        try:
            return self.tables[name]
        except KeyError:
            value = self.tables[name] = build()
            return value


class _StaticLookups(_Lookups):
    """Lookups about nodes other than tasks and the edges among them: documents, plans,
    units, provinces, unit kinds, topics, lineage. A graph grown from a skeleton by adding
    task blocks shares its skeleton's (see :func:`share_skeleton_index`)."""

    def __init__(self, g: Graph):
        super().__init__(g)
        by_kind: dict[str, list[str]] = {}
        for node, data in g.nodes(data=True):
            found = data.get("kind")
            if found != Kind.TASK:
                by_kind.setdefault(found, []).append(node)
        for nodes in by_kind.values():
            nodes.sort()
        self.by_kind = by_kind


class _Token:
    """Kept in ``g.__networkx_cache__`` while the graph is unchanged."""


class _Index:
    """The lookups of one state of one graph: the static part and the per-question memo."""

    def __init__(self, g: Graph, static: _StaticLookups):
        self.size = len(g)
        self.token = _Token()
        self.static = static
        self.dynamic = _Lookups(g)


_INDEXES: weakref.WeakKeyDictionary[Graph, _Index] = weakref.WeakKeyDictionary()
_SKELETONS: weakref.WeakKeyDictionary[Graph, weakref.ref[Graph]] = weakref.WeakKeyDictionary()


def _cache_of(g: Graph) -> dict[str, Any] | None:
    cache = getattr(g, "__networkx_cache__", None)
    return cache if isinstance(cache, dict) else None


def graph_index(g: Graph) -> _Index:
    """The index of ``g``'s current state (built now when the graph changed since)."""
    cache = _cache_of(g)
    try:
        index = _INDEXES.get(g)
    except TypeError:  # a graph that cannot be referenced weakly: nothing is kept
        index, cache = None, None
    if (index is not None and cache is not None and cache.get(_INDEX_KEY) is index.token
            and index.size == len(g)):
        return index
    base = _skeleton_of(g)
    static = graph_index(base).static if base is not None else _StaticLookups(g)
    index = _Index(g, static)
    if cache is not None:
        _INDEXES[g] = index
        cache[_INDEX_KEY] = index.token
    return index


def _skeleton_of(g: Graph) -> Graph | None:
    try:
        ref = _SKELETONS.get(g)
    except TypeError:
        return None
    base = ref() if ref is not None else None
    return base if base is not None and base is not g else None


def share_skeleton_index(g: Graph, skeleton: Graph) -> None:
    """Declare that ``g`` is ``skeleton`` plus task blocks (tasks, the edges leaving them
    and their plans' ``HAS_TASK`` edges) and only ever grows by such blocks, so the
    lookups about everything but tasks are the skeleton's, built once for both."""
    if g is not skeleton:
        _SKELETONS[g] = weakref.ref(skeleton)


def memo(g: Graph, name: Any, build: Callable[[], T]) -> T:
    """``build()`` once per state of ``g`` (it may read tasks)."""
    return graph_index(g).dynamic.memo(name, build)


def static_memo(g: Graph, name: Any, build: Callable[[Graph], T]) -> T:
    """``build(graph)`` once per state of ``g``'s non-task part; ``build`` must read no
    task and is given the graph to read (the skeleton when ``g`` shares one)."""
    static = graph_index(g).static
    return static.memo(name, lambda: build(static.graph))


def on_one_skeleton(store: Store, read: Callable[[Graph], T]) -> tuple[Graph, T] | None:
    """``(skeleton, read(skeleton))`` such that what ``read`` asked of ``store`` saw the
    state of that skeleton: ``read`` runs again when the store changed meanwhile. None
    when it kept changing (the caller then asks the whole graph)."""
    for _attempt in range(3):
        g = store.skeleton()
        found = read(g)
        if store.skeleton() is g:  # the store did not change meanwhile
            return g, found
    return None


def graph_of(source: Source, question: str, **options: Any) -> Graph:
    """``source`` when it is a graph, else the part of a store's graph that ``question``
    (a query command's name, see :func:`policykg.queries.partial.graph_for`) reads."""
    if isinstance(source, nx.Graph):
        return source
    from policykg.queries.partial import graph_for

    return graph_for(source, question, **options)


def _node_data(g: Graph, node: Any) -> dict[str, Any] | None:
    """``g.nodes.get(node)`` read from the node dict itself (no view: this runs per task)."""
    try:
        return g._node.get(node)
    except (AttributeError, TypeError):
        return g.nodes.get(node)


def _attrs(g: Graph, node: Any) -> dict[str, Any]:
    return _node_data(g, node) or {}


def kind(g: Graph, node: str) -> str | None:
    """The node's kind (a :class:`Kind` value) or None for an unknown node."""
    data = _node_data(g, node)
    return data.get("kind") if data else None


def is_document(g: Graph, node: str) -> bool:
    return kind(g, node) in DOCUMENT_KINDS


def is_task(g: Graph, node: str) -> bool:
    return kind(g, node) == Kind.TASK


def nodes_of(g: Graph, *kinds: str) -> Iterator[str]:
    """Node ids of the given kinds, in id order (deterministic output)."""
    return iter(_nodes_of(g, frozenset(str(k) for k in kinds)))


def _nodes_of(g: Graph, wanted: frozenset[str]) -> list[str]:
    if Kind.TASK in wanted:
        return memo(g, ("nodes_of", wanted), lambda: sorted(
            n for n, k in g.nodes(data="kind") if k in wanted))
    index = graph_index(g)
    if len(wanted) == 1:
        return index.static.by_kind.get(next(iter(wanted)), [])
    return index.static.memo(("nodes_of", wanted), lambda: sorted(
        n for k in wanted for n in index.static.by_kind.get(k, [])))


def out_rel(g: Graph, node: str, rels: Iterable[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Targets of ``node``'s outgoing edges whose ``rel`` is one of ``rels``."""
    wanted = set(rels)
    for target, keys in _adjacency(g, g._succ, node):
        for data in keys.values():
            if data.get("rel") in wanted:
                yield target, data


def in_rel(g: Graph, node: str, rels: Iterable[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Sources of ``node``'s incoming edges whose ``rel`` is one of ``rels``."""
    wanted = set(rels)
    for source, keys in _adjacency(g, g._pred, node):
        for data in keys.values():
            if data.get("rel") in wanted:
                yield source, data


def _adjacency(g: Graph, adj: Any, node: str) -> Iterable[tuple[str, dict[str, Any]]]:
    """``node``'s neighbours with their edges by key (none for a node not in ``g``);
    read from the adjacency itself, as ``g.out_edges(node)`` reads it, without views."""
    try:
        found = adj[node]
    except (KeyError, TypeError):
        return ()
    return found.items()


def best_edge(g: Graph, source: str, target: str, rels: Iterable[str]) -> dict[str, Any] | None:
    """The strongest edge ``source → target`` among ``rels`` (IMPLEMENTS before BASED_ON)."""
    wanted = set(rels)
    edges = [d for d in (g.get_edge_data(source, target) or {}).values() if d.get("rel") in wanted]
    if not edges:
        return None
    return min(edges, key=lambda d: (_LINK_STRENGTH.get(d.get("rel"), 9),
                                     d.get("file") or "", d.get("line_start") or 0))


def label(g: Graph, node: str | None) -> str:
    """Display text of a node: its label, name or id."""
    if node is None:
        return ""
    data = _node_data(g, node) or {}
    return str(data.get("label") or data.get("name") or data.get("key") or node)


def doc_label(g: Graph, node: str) -> str:
    """A document as users name it: ``36-NQ/TW (2023)``, or its title when unnumbered.

    A commune's or district's document names its issuer, ``61/KH-UBND (2025, UBND xã Ia
    Grai)``: such bodies number their documents on their own, so the province's 61/KH-UBND
    of that year is another plan. So do a steering committee's and an agency's Party
    committee's (their ids hold the body: ``doc:gia-lai:bcd-389:12-KH/BCĐ@2025``)."""
    data = _node_data(g, node) or {}
    key = data.get("key") or data.get("number")
    year = data.get("year") or (str(data.get("date"))[:4] if data.get("date") else None)
    if key:
        issuer = data.get("issuer")
        area = local_area(issuer) if issuer else None
        own_numbers = area is not None and area[1] is not None or node.count(":") >= 3
        if issuer and own_numbers:
            return f"{key} ({year}, {issuer})" if year else f"{key} ({issuer})"
        return f"{key} ({year})" if year else str(key)
    text = " ".join(label(g, node).split())
    return text if len(text) <= 70 else text[:69] + "…"


# --- provinces ---------------------------------------------------------------------------


def province_id(g: Graph, value: Any) -> str | None:
    """A province node id from an attribute holding an id or a name."""
    if not value:
        return None
    value = str(value)
    if value.startswith("province:"):
        return value
    candidate = f"province:{slug(value)}"
    if candidate in g:
        return candidate
    return _provinces_by_name(g).get(fold(value), candidate)


def _provinces_by_name(g: Graph) -> dict[str, str]:
    """Folded province name → the first province node (in id order) bearing it."""
    def build(base: Graph) -> dict[str, str]:
        names: dict[str, str] = {}
        for node in nodes_of(base, Kind.PROVINCE):
            names.setdefault(fold(str(base.nodes[node].get("name") or "")), node)
        return names
    return static_memo(g, "provinces_by_name", build)


def province_name(g: Graph, pid: str | None) -> str:
    if not pid:
        return ""
    data = _node_data(g, pid) or {}
    return str(data.get("name") or data.get("label") or pid.removeprefix("province:"))


def current_province(g: Graph, pid: str | None) -> str | None:
    """The province ``pid`` belongs to today (after the 2025 merger)."""
    if not pid:
        return None
    seen = {pid}
    while True:
        nxt = next((t for t, _ in out_rel(g, pid, [Rel.MERGED_INTO])), None)
        if nxt is None:
            current = _attrs(g, pid).get("current")
            nxt = province_id(g, current) if current else None
        if nxt is None or nxt in seen:
            return pid
        seen.add(nxt)
        pid = nxt


def node_province(g: Graph, node: str) -> str | None:
    """The province (as written) a plan, document, task or unit belongs to."""
    data = _node_data(g, node) or {}
    pid = province_id(g, data.get("province"))
    if pid:
        return pid
    target = next((t for t, _ in out_rel(g, node, [Rel.IN_PROVINCE])), None)
    if target:
        return target
    if is_task(g, node):
        plan = task_plan(g, node)
        if plan and plan != node:
            return node_province(g, plan)
    return None


def in_provinces(g: Graph, node: str, wanted: set[str] | None) -> bool:
    """Whether ``node`` lies in one of ``wanted`` as written or as merged today."""
    if not wanted:
        return True
    return in_provinces_id(g, node_province(g, node), wanted)


def in_provinces_id(g: Graph, pid: str | None, wanted: set[str]) -> bool:
    """Whether province ``pid`` is one of ``wanted`` as written or as merged today."""
    return bool(pid) and (pid in wanted or current_province(g, pid) in wanted)


# --- tasks and units --------------------------------------------------------------------


def task_plan(g: Graph, task: str) -> str | None:
    """The plan holding ``task`` (walking up sub-tasks)."""
    plan = _attrs(g, task).get("plan")
    if plan and plan in g:
        return str(plan)
    node, seen = task, set()
    while node not in seen:
        seen.add(node)
        parent = next((s for s, _ in in_rel(g, node, [Rel.HAS_TASK])), None)
        if parent:
            return parent
        parent = next((s for s, _ in in_rel(g, node, [Rel.HAS_SUBTASK])), None)
        if not parent:
            return None
        node = parent
    return None


def plan_tasks(g: Graph, plan: str) -> list[str]:
    """Every task of ``plan``, sub-tasks included, in reading order."""
    return list(memo(g, ("plan_tasks", plan), lambda: tuple(_plan_tasks(g, plan))))


def plan_task_provinces(g: Graph, plan: str) -> frozenset[str | None]:
    """The provinces (as written) of ``plan``'s tasks: a plan is skipped at once when
    none of its tasks can be in the provinces a question asks for."""
    return memo(g, ("plan_task_provinces", plan),
                lambda: frozenset(node_province(g, t) for t in _plan_task_set(g, plan)))


def _by_province(g: Graph, kind: Kind) -> dict[str | None, list[str]]:
    """Province (as written) → the nodes of ``kind`` in it, in id order (built once per
    skeleton: plans and units are never added by plan blocks)."""
    def build(base: Graph) -> dict[str | None, list[str]]:
        found: dict[str | None, list[str]] = {}
        for node in nodes_of(base, kind):
            found.setdefault(node_province(base, node), []).append(node)
        return found
    return static_memo(g, f"{kind.value}_by_province", build)


def plans_by_province(g: Graph) -> dict[str | None, list[str]]:
    """Province (as written) → its plans, in id order."""
    return _by_province(g, Kind.PLAN)


def units_by_province(g: Graph) -> dict[str | None, list[str]]:
    """Province (as written) → its units, in id order."""
    return _by_province(g, Kind.UNIT)


def in_province_groups(g: Graph, groups: dict[str | None, list[str]],
                       wanted: set[str] | None) -> list[str]:
    """The members of ``groups`` (province → nodes) lying in ``wanted`` as written or as
    merged today (every member when ``wanted`` is empty), in id order."""
    if not wanted:
        return sorted(n for nodes in groups.values() for n in nodes)
    return sorted(n for pid, nodes in groups.items() if in_provinces_id(g, pid, wanted)
                  for n in nodes)


def _plan_tasks(g: Graph, plan: str) -> list[str]:
    return sorted(_plan_task_set(g, plan), key=lambda t: task_order(g, t))


def _plan_task_set(g: Graph, plan: str) -> list[str]:
    """``plan``'s tasks, sub-tasks included, in no particular order."""
    return reachable((t for t, _ in out_rel(g, plan, [Rel.HAS_TASK])),
                     lambda task: (t for t, _ in out_rel(g, task, [Rel.HAS_SUBTASK])))


def task_order(g: Graph, task: str) -> tuple[Any, ...]:
    """Where ``task`` comes in reading order (the rule the store's task rows follow)."""
    return order_of_task(task, _node_data(g, task) or {})


def task_units(g: Graph, task: str) -> tuple[list[str], list[str]]:
    """(lead unit ids, supporting unit ids) of ``task``, each sorted."""
    lead = sorted({t for t, _ in out_rel(g, task, [Rel.LED_BY])})
    support = sorted({t for t, _ in out_rel(g, task, [Rel.SUPPORTED_BY])} - set(lead))
    return lead, support


def task_topics(g: Graph, task: str) -> list[str]:
    return sorted({t for t, _ in out_rel(g, task, [Rel.ABOUT])})


def is_collective(g: Graph, unit: str) -> bool:
    return _attrs(g, unit).get("category") == "collective"


def unit_kind(g: Graph, unit: str) -> str | None:
    """The unit-kind node id of ``unit`` (``unitkind:…``), when known."""
    static = graph_index(g).static
    kinds: dict[str, str | None] = static.memo("unit_kind", dict)
    if unit in kinds:
        return kinds[unit]
    base = static.graph
    if unit not in base or base.nodes[unit].get("kind") == Kind.TASK:
        return _unit_kind(g, unit)
    kinds[unit] = found = _unit_kind(base, unit)
    return found


def _unit_kind(g: Graph, unit: str) -> str | None:
    target = next((t for t, _ in out_rel(g, unit, [Rel.OF_KIND])), None)
    if target:
        return target
    value = _attrs(g, unit).get("unit_kind")
    if not value:
        return None
    value = str(value)
    return value if value.startswith("unitkind:") else f"unitkind:{slug(value)}"


def kind_label(g: Graph, kind_id: str | None) -> str:
    if not kind_id:
        return ""
    if kind_id in g:
        return label(g, kind_id)
    return kind_id.removeprefix("unitkind:")


def deadline_info(g: Graph, task: str) -> dict[str, Any]:
    """The deadline attributes of ``task`` as one plain dict."""
    data = _node_data(g, task) or {}
    return {
        "text": data.get("deadline"),
        "start": int_or_none(data.get("deadline_start")),
        "end": int_or_none(data.get("deadline_end")),
        "date": data.get("deadline_date"),
        "recurrence": data.get("deadline_recurrence"),
    }


def deadline_bucket(g: Graph, task: str) -> str:
    """``ongoing``, ``yearly`` (or another recurrence), a year such as ``2024``, or ``none``."""
    return bucket_of(_node_data(g, task) or {})

"""What stems from a directive, and which directives a task serves.

A document's effect flows down ``IMPLEMENTS`` and ``BASED_ON`` edges read in
reverse (a plan *based on* a document stems from it as much as one
*implementing* it; ``MENTIONS`` carries nothing). Every hit keeps the shortest
path from the directive to it, each link with its relation and the quoted line
it was read from, so a user can check the chain in the sources.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, overload

import networkx as nx

from policykg.graph.build import gc_paused
from policykg.graph.taskrows import (
    UNIT_SEPARATOR,
    LineageRow,
    MadeOnRead,
    chain_links,
    chain_tasks,
    quote_of,
)
from policykg.ontology.schema import LINEAGE_RELS, Kind, Rel
from policykg.queries.common import (
    Graph,
    Source,
    best_edge,
    doc_label,
    graph_of,
    in_provinces,
    in_provinces_id,
    in_rel,
    is_document,
    is_task,
    kind,
    label,
    node_province,
    nodes_of,
    on_one_skeleton,
    out_rel,
    plan_task_provinces,
    plan_tasks,
    province_id,
    province_name,
    static_memo,
    task_order,
    task_plan,
    task_units,
)
from policykg.queries.refs import (
    resolve_document,
    resolve_plans,
    resolve_province,
    resolve_unit,
)

__all__ = ["Basis", "DocHit", "Link", "TaskHit", "TaskHits", "basis", "downstream_documents",
           "chosen_plans", "downstream_plans", "group_hits", "stems_from"]


@dataclass
class Link:
    """One step of a path: ``downstream`` relates to ``upstream`` by ``relation``.

    For ``IMPLEMENTS``/``BASED_ON`` the downstream document implements or is
    based on the upstream one; for ``HAS_TASK``/``HAS_SUBTASK`` the upstream
    plan or task holds the downstream task.
    """

    upstream: str
    upstream_label: str
    downstream: str
    downstream_label: str
    relation: str
    quote: str | None = None
    file: str | None = None
    line_start: int | None = None
    line_end: int | None = None


@dataclass
class TaskHit:
    """A task that stems from a document, with who does it, by when, and why."""

    task: str
    number: str
    text: str
    plan: str
    plan_label: str
    province: str | None
    province_name: str
    lead: list[str]
    support: list[str]
    lead_ids: list[str]
    support_ids: list[str]
    deadline: str | None
    depth: int
    path: list[Link] = field(default_factory=list)
    file: str | None = None
    line_start: int | None = None
    line_end: int | None = None

    @property
    def path_labels(self) -> list[str]:
        if not self.path:
            return []
        return [self.path[0].upstream_label, *(link.downstream_label for link in self.path)]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["path_labels"] = self.path_labels
        return data


_HITS_BUILT_AT_ONCE = 1024


class TaskHits(MadeOnRead[TaskHit]):
    """The tasks stemming from a directive, in answer order; each :class:`TaskHit` is
    built the first time it is read.

    A province's share of a central directive runs to ten thousand tasks at national
    scale, and building a hit with its path costs more than finding its row. The answer
    knows at once how many tasks it holds and in which order, and a reader that pages
    through it, counts it or takes the first few pays only for what it reads. It equals
    a list of the same hits.

    >>> hits = TaskHits([TaskHit("task:a#1", "1", "Xây dựng kế hoạch", "doc:a", "KH 1",
    ...                          None, "", [], [], [], [], None, 0)])
    >>> len(hits), hits[0].number, hits == [hits[0]]
    (1, '1', True)
    """

    __slots__ = ("_items", "_make", "_left")

    def __init__(self, items: Iterable[Any] = (),
                 make: Callable[[Any], TaskHit] | None = None) -> None:
        """``items``: the hits, or with ``make`` what ``make`` builds each hit from."""
        self._items: list[Any] = list(items)
        self._make = make
        self._left = len(self._items) if make is not None else 0

    def _hit(self, index: int) -> TaskHit:
        item = self._items[index]
        if self._left and type(item) is tuple:
            item = self._items[index] = self._make(item)  # type: ignore[misc]
            self._left -= 1
        return item

    def _all(self) -> list[TaskHit]:
        if self._left:
            with gc_paused():
                for index in range(len(self._items)):
                    self._hit(index)
        return self._items

    def _chunks(self) -> Iterator[TaskHit]:
        """The hits in order, built a chunk at a time with the cycle collector paused:
        building thousands of hits would otherwise start it over a large skeleton."""
        for start in range(0, len(self._items), _HITS_BUILT_AT_ONCE):
            yield from self[start:start + _HITS_BUILT_AT_ONCE]

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> TaskHit: ...
    @overload
    def __getitem__(self, index: slice) -> list[TaskHit]: ...
    def __getitem__(self, index: int | slice) -> TaskHit | list[TaskHit]:
        if isinstance(index, slice):
            with gc_paused():
                return [self._hit(i) for i in range(*index.indices(len(self._items)))]
        return self._hit(index)

    def __iter__(self) -> Iterator[TaskHit]:
        return iter(self._items) if not self._left else self._chunks()

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled (or copied) as its hits: what builds them holds the store's skeleton
        return TaskHits, (self._all(),)


@dataclass
class DocHit:
    """A document on a lineage path, with how far it is and how it is reached."""

    id: str
    label: str
    kind: str
    province: str | None
    province_name: str
    title: str | None
    depth: int
    tasks: int
    is_root: bool = False
    path: list[Link] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Basis:
    """The directives a task or plan serves: every document on the way up, and the roots."""

    node: str
    node_label: str
    plan: str | None
    documents: list[DocHit]
    roots: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _node_text(g: Graph, node: str) -> str:
    if is_document(g, node):
        return doc_label(g, node)
    if is_task(g, node):
        number = g.nodes[node].get("number")
        return f"task {number}" if number else label(g, node)
    return label(g, node)


def _link(g: Graph, upstream: str, downstream: str, data: dict[str, Any] | None,
          relation: str) -> Link:
    data = data or {}
    return Link(upstream, _node_text(g, upstream), downstream, _node_text(g, downstream),
                str(data.get("rel") or relation), data.get("quote"), data.get("file"),
                data.get("line_start"), data.get("line_end"))


def _walk(g: Graph, start: str, *, down: bool, depth: int | None) -> dict[str, list[Link]]:
    """Breadth-first over lineage edges: each reached document → its shortest path.

    Neighbours are visited in id order, so equal-length paths resolve the same way
    on every run.
    """
    tree = _tree(g, start, down=down, depth=depth)
    return _paths(g, tree, list(tree), down=down)


def _paths(g: Graph, tree: dict[str, str | None], nodes: list[str], *, down: bool
           ) -> dict[str, list[Link]]:
    """The path from the tree's start to each of ``nodes`` (only theirs are built)."""
    paths: dict[str, list[Link]] = {}

    def path(node: str) -> list[Link]:
        if node in paths:
            return paths[node]
        chain = [node]
        while tree[chain[-1]] is not None and tree[chain[-1]] not in paths:
            chain.append(tree[chain[-1]])  # type: ignore[arg-type]
        for item in reversed(chain):
            parent = tree[item]
            if parent is None:
                paths[item] = []
                continue
            child, upper = (item, parent) if down else (parent, item)
            step = _link(g, upper, child, best_edge(g, child, upper, LINEAGE_RELS),
                         Rel.IMPLEMENTS)
            paths[item] = [*paths[parent], step] if down else [step, *paths[parent]]
        return paths[node]

    return {node: path(node) for node in nodes}


def _tree(g: Graph, start: str, *, down: bool, depth: int | None) -> dict[str, str | None]:
    """The breadth-first tree of :func:`_walk`: each reached document → the one it was
    reached from (None for ``start``), in visiting order. Lineage links documents only,
    so the tree is kept with the graph's other lookups about documents."""
    return static_memo(g, ("lineage", start, down, depth),
                       lambda base: _build_tree(base, start, down=down, depth=depth))


def _build_tree(g: Graph, start: str, *, down: bool, depth: int | None
                ) -> dict[str, str | None]:
    tree: dict[str, str | None] = {start: None}
    levels = {start: 0}
    queue = deque([start])
    adjacency = g._pred if down else g._succ
    while queue:
        node = queue.popleft()
        if depth is not None and levels[node] >= depth:
            continue
        level = levels[node] + 1
        for other in sorted(_lineage_neighbours(adjacency, node)):
            if other in tree or not is_document(g, other):
                continue
            tree[other] = node
            levels[other] = level
            queue.append(other)
    return tree


_LINEAGE = frozenset(rel.value for rel in LINEAGE_RELS)


def _lineage_neighbours(adjacency: Any, node: str) -> list[str]:
    """The nodes one lineage edge away from ``node`` in ``adjacency`` (a graph's
    successors or predecessors), each once."""
    try:
        near = adjacency[node]
    except (KeyError, TypeError):
        return []
    found = []
    for other, edges in near.items():
        for data in edges.values():
            if data.get("rel") in _LINEAGE:
                found.append(other)
                break
    return found


def _walk_nodes(g: Graph, start: str, *, down: bool, depth: int | None = None) -> list[str]:
    """The documents :func:`_walk` reaches from ``start`` (itself first), without paths."""
    return list(_tree(g, start, down=down, depth=depth))


def _task_chain(g: Graph, plan: str, task: str) -> list[Link]:
    """Links ``plan → task → … → sub-task`` down to ``task``."""
    chain: list[Link] = []
    node, seen = task, set()
    while node != plan and node not in seen:
        seen.add(node)
        parent = next((s for s, _ in in_rel(g, node, [Rel.HAS_SUBTASK])), None)
        rel = Rel.HAS_SUBTASK
        if parent is None:
            parent, rel = plan, Rel.HAS_TASK
        chain.insert(0, _link(g, parent, node, best_edge(g, parent, node, [rel]), rel))
        node = parent
    return chain


def _resolve_doc(g: Graph, doc: str, year: int | str | None = None,
                 province: str | list[str] | None = None) -> str:
    if doc in g and is_document(g, doc):
        return doc
    return resolve_document(g, doc, province=province if isinstance(province, str) else None,
                            year=year)


def _province_set(g: Graph, province: str | list[str] | None) -> set[str] | None:
    if not province:
        return None
    names = [province] if isinstance(province, str) else list(province)
    return {resolve_province(g, p) for p in names}


def _unit_set(g: Graph, unit: str | list[str] | None, province: str | None = None) -> set[str]:
    if not unit:
        return set()
    names = [unit] if isinstance(unit, str) else list(unit)
    found: set[str] = set()
    for name in names:
        found.update(resolve_unit(g, name, province))
    return found


def task_hit(g: Graph, task: str, plan: str, path: list[Link], depth: int = 0) -> TaskHit:
    """A :class:`TaskHit` for ``task`` of ``plan`` reached along ``path``.

    ``depth`` counts the document links between the directive and the plan.
    """
    data = g.nodes[task]
    lead, support = task_units(g, task)
    pid = node_province(g, task)
    return TaskHit(
        task=task, number=str(data.get("number") or ""), text=str(data.get("text") or ""),
        plan=plan, plan_label=doc_label(g, plan), province=pid,
        province_name=province_name(g, pid),
        lead=[label(g, u) for u in lead], support=[label(g, u) for u in support],
        lead_ids=lead, support_ids=support, deadline=data.get("deadline"),
        depth=depth, path=path, file=data.get("file"),
        line_start=data.get("line_start"), line_end=data.get("line_end"),
    )


def stems_from(g: Source, doc: str, province: str | list[str] | None = None,
               unit: str | list[str] | None = None, depth: int | None = None,
               year: int | str | None = None) -> TaskHits:
    """Every task stemming from ``doc`` (an id or a typed reference), at any depth.

    ``province`` keeps tasks of that province as written or as merged today;
    ``unit`` keeps tasks the unit leads or supports; ``depth`` limits how many
    document links may separate ``doc`` from the task's plan. ``g`` is the graph or
    a store (only the plans the answer can come from are then read).
    """
    if not isinstance(g, nx.Graph) and hasattr(g, "task_rows"):
        return _stems_from_rows(g, doc, province, unit, depth, year)
    g = graph_of(g, "stems-from", ref=doc, province=province, unit=unit, depth=depth,
                 year=year)
    root = _resolve_doc(g, doc, year, province)
    provinces = _province_set(g, province)
    units = _unit_set(g, unit, province if isinstance(province, str) else None)
    hits: list[TaskHit] = []
    tree = _tree(g, root, down=True, depth=depth)
    kept = [plan for plan in tree if _may_hold(g, plan, provinces)]
    paths = _paths(g, tree, kept, down=True)
    for plan in kept:
        path = paths[plan]
        for task in plan_tasks(g, plan):
            if not in_provinces(g, task, provinces):
                continue
            hit = task_hit(g, task, plan, [*path, *_task_chain(g, plan, task)], len(path))
            if units and not units & set(hit.lead_ids + hit.support_ids):
                continue
            hits.append(hit)
    hits.sort(key=lambda h: (h.depth, h.plan, task_order(g, h.task)))
    return TaskHits(hits)


@gc_paused()
def _stems_from_rows(store: Any, doc: str, province: str | list[str] | None,
                     unit: str | list[str] | None, depth: int | None,
                     year: int | str | None) -> TaskHits:
    """:func:`stems_from` read from a store's task rows: documents, lineage and units
    come from its skeleton, tasks from indexed rows, so no plan block is decoded."""
    def read(g: Graph) -> tuple[Any, ...]:
        root = _resolve_doc(g, doc, year, province)
        provinces = _province_set(g, province)
        units = _unit_set(g, unit, province if isinstance(province, str) else None)
        places = _Places(g, provinces)
        plans = _tree_plans(g, root, depth)
        if provinces:
            plans = sorted(plans_in_places(store, g, places) & _tree_plan_set(g, root, depth))
        return (_tree(g, root, down=True, depth=depth), plans, units, places,
                store.lineage_rows(plans))

    done = on_one_skeleton(store, read)
    if done is None:
        return stems_from(store.graph(), doc, province, unit, depth, year)
    g, (tree, plans, units, places, rows) = done
    paths = _paths(g, tree, [p for p in plans if p in rows], down=True)
    found: list[tuple[_PlanRows, LineageRow, tuple[str | None, str, bool]]] = []
    append, sep = found.append, UNIT_SEPARATOR
    for plan in sorted(paths, key=lambda p: (len(paths[p]), p)):
        plan_rows = rows[plan]
        context = _PlanRows(plan, doc_label(g, plan), paths[plan], plan_rows)
        own = places.of_plan(plan)
        for row in plan_rows:
            place = places.of_value(row[5]) if row[5] else own
            if not place[2]:
                continue
            if units:
                lead, support = row[12], row[13]
                if not (units.intersection(lead.split(sep) if lead else ())
                        or units.intersection(support.split(sep) if support else ())):
                    continue
            append((context, row, place))
    return TaskHits(found, _HitMaker(g))


class _PlanRows:
    """One answering plan as its hits are built: its label, its path from the directive
    and its rows (a sub-task's links are read from the rows of the tasks above it)."""

    __slots__ = ("plan", "label", "path", "rows", "_by_task")

    def __init__(self, plan: str, label: str, path: list[Link], rows: list[LineageRow]):
        self.plan, self.label, self.path, self.rows = plan, label, path, rows
        self._by_task: dict[str, LineageRow] | None = None

    def by_task(self) -> dict[str, LineageRow]:
        if self._by_task is None:
            self._by_task = {row[2]: row for row in self.rows}
        return self._by_task


class _HitMaker:
    """Builds the :class:`TaskHit` of one ``(plan, row, place)`` of a stored answer."""

    def __init__(self, g: Graph):
        self.names = _LabelLists(g)

    def __call__(self, found: tuple[_PlanRows, LineageRow, tuple[str | None, str, bool]]
                 ) -> TaskHit:
        context, row, place = found
        (_plan, _seq, task, number, text, _province, deadline, file, line_start, line_end,
         quote, name, lead, support, chain) = row
        plan, plan_label, path = context.plan, context.label, context.path
        if chain is None:
            links = [*path, Link(plan, plan_label, task, name, _HAS_TASK,
                                 quote_of(quote, text), file, line_start, line_end)]
        elif (above := chain_tasks(chain)) is not None:
            by_task = context.by_task()
            links = [*path, *_own_links(plan, plan_label, [by_task[t] for t in above] + [row])]
        else:
            links = [*path, *(Link(up, plan_label if up_name is None else up_name, *rest)
                              for up, up_name, *rest in chain_links(chain))]
        names, sep = self.names, UNIT_SEPARATOR
        return TaskHit(
            task, str(number or ""), str(text or ""), plan, plan_label, place[0], place[1],
            list(names[lead]), list(names[support]), lead.split(sep) if lead else [],
            support.split(sep) if support else [], deadline, len(path), links, file,
            line_start, line_end)


_HAS_TASK, _HAS_SUBTASK = Rel.HAS_TASK.value, Rel.HAS_SUBTASK.value


class _Places:
    """Where task rows lie, each province value (and each plan's own province, for rows
    that take it) looked up once: ``(province id, its name, within the asked provinces)``."""

    def __init__(self, g: Graph, provinces: set[str] | None):
        self.graph, self.provinces = g, provinces
        self.values: dict[str, tuple[str | None, str, bool]] = {}
        self.ids: dict[str | None, tuple[str | None, str, bool]] = {}

    def of_id(self, pid: str | None) -> tuple[str | None, str, bool]:
        """The place of rows in province ``pid``."""
        place = self.ids.get(pid)
        if place is None:
            g, provinces = self.graph, self.provinces
            place = self.ids[pid] = (pid, province_name(g, pid),
                                     not provinces or in_provinces_id(g, pid, provinces))
        return place

    def of_value(self, value: str) -> tuple[str | None, str, bool]:
        """The place of a row whose province is ``value`` (an id or a name)."""
        place = self.values.get(value)
        if place is None:
            place = self.values[value] = self.of_id(province_id(self.graph, value))
        return place

    def of_plan(self, plan: str) -> tuple[str | None, str, bool]:
        """The place of ``plan``'s rows without a province of their own."""
        return self.of_id(node_province(self.graph, plan))


def plans_in_places(store: Any, g: Graph, places: _Places) -> set[str]:
    """The plans of skeleton ``g`` some of whose task rows in ``store`` lie in the
    provinces ``places`` asks for."""
    return {plan for pid, held in _plans_by_place(store, g).items() if places.of_id(pid)[2]
            for plan in held}


def _plans_by_place(store: Any, g: Graph) -> dict[str | None, list[str]]:
    """Province id → the plans some of whose task rows lie in it (a row without a
    province lies in its plan's), read from ``store``'s rows once per skeleton ``g``:
    a question in a province then looks at the plans there, not at every plan."""
    def build(base: Graph) -> dict[str | None, list[str]]:
        pids: dict[str, str | None] = {}

        def place(value: str | None, plan: str) -> str | None:
            if not value:
                return node_province(base, plan)
            if value not in pids:
                pids[value] = province_id(base, value)
            return pids[value]

        found: dict[str | None, list[str]] = {}
        for plan, values in store.task_provinces(nodes_of(base, Kind.PLAN)).items():
            if len(values) == 1:  # most plans: all their rows in one province
                pid = pids.get(values[0]) if values[0] in pids else place(values[0], plan)
                found.setdefault(pid, []).append(plan)
                continue
            for pid in {place(value, plan) for value in values}:
                found.setdefault(pid, []).append(plan)
        return found
    return static_memo(g, "plans by row province", build)


def downstream_plans(g: Graph, doc: str, province: str | None = None,
                     year: int | str | None = None) -> frozenset[str]:
    """The plans whose tasks stem from ``doc`` (an id or a typed reference) at any depth:
    those downstream of it, and ``doc`` itself when it is a plan.

    >>> sorted(downstream_plans(g, "nghi quyet 57"))  # doctest: +SKIP
    ['doc:dak-lak:1520/KH-SKHCN@2025', 'doc:phu-yen:318/KH-SKHCN@2025', ...]
    """
    return _tree_plan_set(g, _resolve_doc(g, doc, year, province), None)


def chosen_plans(g: Graph, directive: str | None = None,
                 plans: str | Sequence[str] | None = None,
                 province: str | None = None) -> set[str] | None:
    """The plans a question keeps the tasks of: those stemming from ``directive``, those
    ``plans`` names, both when both are asked; None (every plan) when neither is.
    ``province`` picks among local documents of several provinces sharing a number."""
    kept = resolve_plans(g, plans, province)
    if directive:
        below = downstream_plans(g, directive, province)
        kept = set(below) if kept is None else kept & below
    return kept


def _tree_plan_set(g: Graph, root: str, depth: int | None) -> frozenset[str]:
    """The plans downstream of ``root``, as a set (kept with the graph's other lookups)."""
    return static_memo(g, ("lineage plan set", root, depth),
                       lambda base: frozenset(_tree_plans(base, root, depth)))


def _tree_plans(g: Graph, root: str, depth: int | None) -> list[str]:
    """The plans downstream of ``root`` (kept with the graph's other lookups)."""
    return static_memo(g, ("lineage plans", root, depth), lambda base: [
        n for n in _tree(base, root, down=True, depth=depth) if kind(base, n) == Kind.PLAN])


class _LabelLists(dict):
    """Unit ids joined by UNIT_SEPARATOR (as a row holds them) → their labels (a tuple),
    looked up in ``g`` once per row value."""

    def __init__(self, g: Graph):
        super().__init__()
        self.graph = g

    def __missing__(self, nodes: str | None) -> tuple[str, ...]:
        found = self[nodes] = tuple(label(self.graph, node)
                                    for node in (nodes.split(UNIT_SEPARATOR) if nodes else ()))
        return found


def _own_links(plan: str, plan_label: str, rows: list[LineageRow]) -> list[Link]:
    """The links plan → ``rows[0]`` → … → ``rows[-1]``, each read from its lower task."""
    links, upper, upper_name, rel = [], plan, plan_label, _HAS_TASK
    for (_plan, _seq, task, _number, text, _province, _deadline, file, line_start, line_end,
         quote, name, *_units) in rows:
        links.append(Link(upper, upper_name, task, name, rel, quote_of(quote, text), file,
                          line_start, line_end))
        upper, upper_name, rel = task, name, _HAS_SUBTASK
    return links


def _may_hold(g: Graph, plan: str, provinces: set[str] | None) -> bool:
    """Whether some task of ``plan`` may lie in ``provinces``."""
    if not provinces:
        return True
    found = plan_task_provinces(g, plan)
    return any(in_provinces_id(g, pid, provinces) for pid in found)


def downstream_documents(g: Source, doc: str, province: str | list[str] | None = None,
                         depth: int | None = None,
                         year: int | str | None = None) -> list[DocHit]:
    """Every document (plan or cited document) downstream of ``doc``, nearest first.

    ``g`` is the graph or a store (task counts then come from its indexed rows)."""
    def read(graph: Graph) -> tuple[dict[str, str | None], list[str]]:
        root = _resolve_doc(graph, doc, year, province)
        provinces = _province_set(graph, province)
        tree = _tree(graph, root, down=True, depth=depth)
        return tree, [node for node in tree if node != root and not (
            provinces and graph.nodes[node].get("scope") != "central"
            and not in_provinces(graph, node, provinces))]

    counts: dict[str, int] | None = None
    if isinstance(g, nx.Graph) or not hasattr(g, "task_counts"):
        graph = graph_of(g, "stems-from", ref=doc, province=province, depth=depth, year=year,
                         show_plans=True)
        tree, kept = read(graph)
    else:
        store = g

        def read_counts(graph: Graph) -> tuple[Any, ...]:
            tree, kept = read(graph)
            return tree, kept, store.task_counts(n for n in kept
                                                 if kind(graph, n) == Kind.PLAN)

        done = on_one_skeleton(store, read_counts)
        if done is None:
            return downstream_documents(store.graph(), doc, province, depth, year)
        graph, (tree, kept, counts) = done
    hits = [_doc_hit(graph, node, path, tasks=None if counts is None else counts.get(node, 0))
            for node, path in _paths(graph, tree, kept, down=True).items()]
    hits.sort(key=lambda h: (h.depth, h.id))
    return hits


def _doc_hit(g: Graph, node: str, path: list[Link], is_root: bool = False,
             tasks: int | None = None) -> DocHit:
    """A :class:`DocHit`; ``tasks`` is the document's task count when known already."""
    data = g.nodes[node]
    pid = node_province(g, node)
    return DocHit(node, doc_label(g, node), str(data.get("kind")), pid, province_name(g, pid),
                  data.get("title"), len(path),
                  len(plan_tasks(g, node)) if tasks is None else tasks, is_root, path)


def basis(g: Source, node: str) -> Basis:
    """The documents a task or plan serves, up to the directives with nothing above them.

    ``node`` is a task id, a plan or document id, or a typed document reference.
    Each document comes with its shortest path from ``node``'s plan upward.
    """
    g = graph_of(g, "basis", node=node)
    if node in g and is_task(g, node):
        plan = task_plan(g, node)
        start = plan
    else:
        start = node if node in g and is_document(g, node) else resolve_document(g, node)
        plan = start if g.nodes[start].get("kind") == Kind.PLAN else None
    documents: list[DocHit] = []
    roots: list[str] = []
    if start is not None:
        for doc, path in _walk(g, start, down=False, depth=None).items():
            if doc == start:
                continue
            is_root = not any(is_document(g, t) for t, _ in out_rel(g, doc, LINEAGE_RELS))
            documents.append(_doc_hit(g, doc, path, is_root))
            if is_root:
                roots.append(doc)
    documents.sort(key=lambda h: (h.depth, h.id))
    return Basis(node, _node_text(g, node), plan, documents, sorted(roots))


def root_directives(g: Graph, plan: str, cache: dict[str, list[str]] | None = None) -> list[str]:
    """The documents with nothing further upstream that ``plan`` serves (cached per plan)."""
    if cache is not None and plan in cache:
        return cache[plan]
    roots = static_memo(g, ("roots", plan), lambda base: _roots(base, plan)) \
        if plan in g and is_document(g, plan) else (basis(g, plan).roots if plan in g else [])
    if cache is not None:
        cache[plan] = list(roots)
    return list(roots)


def _roots(g: Graph, start: str) -> list[str]:
    """The documents above ``start`` (itself left out) with no document above them."""
    above = static_memo(g, "documents above", lambda base: {})
    roots: list[str] = []
    seen, stack = {start}, [start]
    while stack:
        for doc in _documents_above(g, stack.pop(), above):
            if doc not in seen:
                seen.add(doc)
                stack.append(doc)
                if not _documents_above(g, doc, above):
                    roots.append(doc)
    return sorted(roots)


def _documents_above(g: Graph, node: str, above: dict[str, tuple[str, ...]]
                     ) -> tuple[str, ...]:
    """The documents ``node`` implements or is based on (kept in ``above``)."""
    found = above.get(node)
    if found is None:
        found = above[node] = tuple(
            {t for t, _ in out_rel(g, node, LINEAGE_RELS) if is_document(g, t)})
    return found


def upstream_documents(g: Graph, doc: str) -> list[str]:
    """Every document ``doc`` (a plan or document id) serves, at any height."""
    return _walk_nodes(g, doc, down=False)[1:]


def group_hits(hits: Iterable[TaskHit], by: str) -> dict[str, list[TaskHit]]:
    """Hits grouped by ``plan``, ``province`` or ``unit`` (lead units; a task may repeat)."""
    groups: dict[str, list[TaskHit]] = {}
    for hit in hits:
        if by == "plan":
            keys = [hit.plan_label]
        elif by == "province":
            keys = [hit.province_name or "—"]
        elif by == "unit":
            keys = hit.lead or ["(no lead unit)"]
        else:
            raise ValueError(f"cannot group by {by!r}: use plan, unit or province")
        for key in keys:
            groups.setdefault(key, []).append(hit)
    return dict(sorted(groups.items()))

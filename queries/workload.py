"""How much each unit carries: tasks it leads and supports, split three ways.

Counts are per unit (scoped to its department and province), split by plan,
by the root directive each task stems from, and by deadline bucket. Collective
groups ("các phòng, đơn vị trực thuộc Sở") are not units; their rows come last
with ``category == "collective"`` so a reader never mistakes them for one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import networkx as nx

from policykg.graph.build import gc_paused
from policykg.graph.taskrows import UNIT_SEPARATOR, PackedTaskIds
from policykg.ontology.schema import Kind, Rel
from policykg.queries.common import (
    Graph,
    Source,
    deadline_bucket,
    doc_label,
    graph_of,
    in_province_groups,
    in_rel,
    is_collective,
    kind_label,
    label,
    node_province,
    nodes_of,
    on_one_skeleton,
    province_name,
    static_memo,
    task_plan,
    unit_kind,
    units_by_province,
)
from policykg.queries.lineage import chosen_plans, root_directives
from policykg.queries.refs import (
    UnknownReference,
    resolve_province,
    resolve_unit,
    unit_words,
)

__all__ = ["WorkloadRow", "workload"]


@dataclass
class WorkloadRow:
    """One unit's load: ``lead`` and ``support`` task counts and their splits.

    Each split maps a plan, directive or deadline bucket to
    ``{"lead": n, "support": m}``. ``tasks_led`` and ``tasks_supported`` are the task
    ids, sorted; read from a store, they are spelled out only when read (a province's
    units hold hundreds of thousands), and :meth:`to_dict` gives them as lists.
    """

    unit: str
    unit_id: str
    kind: str
    kind_id: str | None
    province: str
    province_id: str | None
    category: str
    lead: int = 0
    support: int = 0
    by_plan: dict[str, dict[str, int]] = field(default_factory=dict)
    by_directive: dict[str, dict[str, int]] = field(default_factory=dict)
    by_deadline: dict[str, dict[str, int]] = field(default_factory=dict)
    tasks_led: Sequence[str] = field(default_factory=list)
    tasks_supported: Sequence[str] = field(default_factory=list)

    @property
    def collective(self) -> bool:
        return self.category == "collective"

    def to_dict(self) -> dict[str, Any]:
        return asdict(replace(self, tasks_led=list(self.tasks_led),
                              tasks_supported=list(self.tasks_supported)))


def _kinds_matching(g: Graph, text: str) -> set[str]:
    """Unit-kind ids whose id or label contains the typed words."""
    wanted = unit_words(text)
    found = set()
    for node in nodes_of(g, Kind.UNIT_KIND):
        for name in (node.removeprefix("unitkind:").replace("-", " "), label(g, node)):
            words = unit_words(name)
            if words == wanted or (wanted and all(w in words for w in wanted)):
                found.add(node)
    if not found:
        raise UnknownReference("unit kind", text, [])
    return found


def workload(g: Source, province: str | None = None, unit: str | None = None,
             kind: str | None = None, collective: bool = True, directive: str | None = None,
             plans: str | Sequence[str] | None = None) -> list[WorkloadRow]:
    """Per unit: tasks led and supported, by plan, by directive and by deadline bucket.

    ``province`` keeps units of that province (as written or as merged today),
    ``unit`` the units a typed name resolves to, ``kind`` units of a unit kind
    (``phong-qlkh`` or its words). ``directive`` counts only the tasks stemming from
    that document at any depth (as :func:`~policykg.queries.stems_from` finds them),
    ``plans`` only the tasks of those plans; a unit left with none is left out. Rows
    come sorted by province, then most led; each split is sorted by its key. ``g`` is
    the graph or a store (the selected units' tasks are then read from its indexed
    task rows).

    >>> rows = workload(store, province="dak lak", directive="nghi quyet 57")  # doctest: +SKIP
    >>> [(r.unit, r.lead, r.support) for r in rows][:2]  # doctest: +SKIP
    [('Phòng Quản lý Khoa học', 4, 1), ('Chi cục Tiêu chuẩn Đo lường Chất lượng', 2, 3)]
    """
    if not isinstance(g, nx.Graph) and hasattr(g, "unit_roles"):
        return _workload_rows(g, province, unit, kind, collective, directive, plans)
    g = graph_of(g, "workload", province=province, unit=unit, kind=kind,
                 collective=collective, directive=directive, plans=plans)
    kept = chosen_plans(g, directive, plans, province)
    known = _known_plans(g)
    rows: list[WorkloadRow] = []
    for node, kid in _candidates(g, province, unit, kind, collective):
        row, tally = _row(g, node, kid), _Tally()
        led = {t for t, _ in in_rel(g, node, [Rel.LED_BY])}
        supported = {t for t, _ in in_rel(g, node, [Rel.SUPPORTED_BY])} - led
        if kept is not None:
            led = {t for t in led if task_plan(g, t) in kept}
            supported = {t for t in supported if task_plan(g, t) in kept}
        row.tasks_led, row.tasks_supported = sorted(led), sorted(supported)
        for role, tasks in ((_LEAD, row.tasks_led), (_SUPPORT, row.tasks_supported)):
            by_plan = Counter(task_plan(g, task) for task in tasks)
            tally.add(g, [(plan, role, n) for plan, n in by_plan.items()], known)
            for task in tasks:
                tally.due(deadline_bucket(g, task), role, 1)
        if led or supported:
            rows.append(tally.into(row))
    rows.sort(key=lambda r: (r.collective, r.province, -r.lead, -r.support, r.unit))
    return rows


@gc_paused()
def _workload_rows(store: Any, province: str | None, unit: str | None, kind: str | None,
                   collective: bool, directive: str | None,
                   plans: str | Sequence[str] | None) -> list[WorkloadRow]:
    """:func:`workload` read from a store: units from its skeleton, each unit's tasks
    from indexed rows grouped by plan and deadline bucket (no plan block is decoded)."""
    def read(g: Graph) -> tuple[list[tuple[str, str | None]], dict[str, Any]]:
        candidates = _candidates(g, province, unit, kind, collective)
        return candidates, store.unit_roles([node for node, _ in candidates],
                                            chosen_plans(g, directive, plans, province))

    done = on_one_skeleton(store, read)
    if done is None:
        return workload(store.graph(), province, unit, kind, collective, directive, plans)
    g, (candidates, roles) = done
    # the plans this answer names by number (None: one the store does not name)
    facts: dict[int, _PlanFacts | None] = {}
    known = _known_plans(g)
    rows: list[WorkloadRow] = []
    for node, kid in candidates:
        held = roles.get(node)
        if not held:
            continue
        row, tally = _row(g, node, kid), _Tally()
        tally.add_numbered(g, held.plans, held.plan_names, facts, known)
        row.tasks_led = PackedTaskIds.of_groups(held.plans, held.plan_names, True,
                                                tally.counts[_LEAD])
        row.tasks_supported = PackedTaskIds.of_groups(held.plans, held.plan_names, False,
                                                      tally.counts[_SUPPORT])
        for bucket, leads, count in held.buckets:
            tally.due(bucket, _LEAD if leads else _SUPPORT, count)
        rows.append(tally.into(row))
    rows.sort(key=lambda r: (r.collective, r.province, -r.lead, -r.support, r.unit))
    return rows


def _joined(lead: dict[str, int], support: dict[str, int]) -> dict[str, dict[str, int]]:
    """One split of a row, ``{key: {"lead": n, "support": m}}`` sorted by key, from the
    counts of each role (a key counted in neither is left out)."""
    return {key: {"lead": lead.get(key, 0), "support": support.get(key, 0)}
            for key in sorted(lead.keys() | support.keys())}


def _candidates(g: Graph, province: str | None, unit: str | None, kind: str | None,
                collective: bool) -> list[tuple[str, str | None]]:
    """The units a workload question selects, with their unit kinds, in id order."""
    provinces = {resolve_province(g, province)} if province else None
    units = set(resolve_unit(g, unit, province)) if unit else None
    kinds = _kinds_matching(g, kind) if kind else None
    if provinces:
        nodes = in_province_groups(g, units_by_province(g), provinces)
        if units is not None:
            nodes = [u for u in nodes if u in units]
    elif units is not None:
        nodes = sorted(u for u in units if _is_unit(g, u))
    else:
        nodes = list(nodes_of(g, Kind.UNIT))
    chosen = []
    for node in nodes:
        kid = unit_kind(g, node)
        if kinds is not None and kid not in kinds:
            continue
        if is_collective(g, node) and not collective:
            continue
        chosen.append((node, kid))
    return chosen


def _is_unit(g: Graph, node: str) -> bool:
    return (g.nodes.get(node) or {}).get("kind") == Kind.UNIT


def _row(g: Graph, node: str, kid: str | None) -> WorkloadRow:
    """An empty row for unit ``node``."""
    pid = node_province(g, node)
    data = g.nodes[node]
    return WorkloadRow(unit=label(g, node), unit_id=node, kind=kind_label(g, kid), kind_id=kid,
                       province=province_name(g, pid), province_id=pid,
                       category=str(data.get("category") or "internal"))


_LEAD, _SUPPORT = 0, 1
_UNSEEN: Any = object()
# How a split names a plan's tasks: the plan's label, and its root directives' labels (a key
# of directive sums).
_PlanFacts = tuple[str, tuple[str, ...]]


def _known_plans(g: Graph) -> dict[str | None, _PlanFacts]:
    """The facts of the plans asked about so far, kept with ``g``'s non-task part for every
    question asked of it (:func:`_plan_facts` fills it)."""
    return static_memo(g, "workload plan facts", lambda _: {})


def _plan_facts(g: Graph, plan: str | None, known: dict[str | None, _PlanFacts]) -> _PlanFacts:
    """How a split names ``plan``'s tasks, kept in ``known``: the plan's label, and its root
    directives' labels (``(none)`` when it serves none)."""
    found = known.get(plan)
    if found is None:
        roots = root_directives(g, plan) if plan else []
        found = known[plan] = (
            doc_label(g, plan) if plan else "(no plan)",
            tuple(doc_label(g, r) if r in g else r for r in roots) or ("(none)",))
    return found


class _Tally:
    """One unit's counts while they are added up, per role (``_LEAD``, ``_SUPPORT``): in
    all, and per plan, directive and deadline bucket (each split's ``{"lead",
    "support"}`` dicts are made once, sorted by key, by :meth:`into`)."""

    def __init__(self) -> None:
        self.counts = [0, 0]
        self.by_plan: tuple[dict[str, int], dict[str, int]] = ({}, {})
        self.by_directive: tuple[dict[str, int], dict[str, int]] = ({}, {})
        self.by_deadline: tuple[dict[str, int], dict[str, int]] = ({}, {})

    def add(self, g: Graph, groups: Iterable[tuple[str | None, int, int]],
            known: dict[str | None, _PlanFacts]) -> None:
        """Add ``n`` tasks of ``plan`` in ``role`` for each ``(plan, role, n)`` of
        ``groups``; deadlines are counted by :meth:`due`. ``known`` keeps each plan's
        facts (:func:`_plan_facts`)."""
        counts, by_plans = self.counts, self.by_plan
        by_roots: tuple[dict[tuple[str, ...], int], ...] = ({}, {})
        for plan, role, n in groups:
            facts = _plan_facts(g, plan, known)
            counts[role] += n
            by_plan = by_plans[role]
            by_plan[facts[0]] = by_plan.get(facts[0], 0) + n
            roots = by_roots[role]
            roots[facts[1]] = roots.get(facts[1], 0) + n
        self._spread(by_roots)

    def add_numbered(self, g: Graph, groups: Iterable[tuple[int, int, int, str]],
                     plan_names: dict[int, str], facts: dict[int, _PlanFacts | None],
                     known: dict[str | None, _PlanFacts]) -> None:
        """:meth:`add` for a store's ``(unit number, plan number, leads, local ids)``
        groups (:class:`~policykg.graph.store.UnitRoles`) in one pass, as a province's
        units have ~100,000: each plan is named through ``plan_names`` once per answer
        (``facts`` keeps it by number) and the tasks are counted, not split."""
        counts, by_plans, sep = self.counts, self.by_plan, UNIT_SEPARATOR
        by_roots: tuple[dict[tuple[str, ...], int], ...] = ({}, {})
        for _unit, number, leads, ids in groups:
            plan = facts.get(number, _UNSEEN)
            if plan is _UNSEEN:
                name = plan_names.get(number)
                plan = facts[number] = None if name is None else _plan_facts(g, name, known)
            if plan is None:
                continue
            n, role = ids.count(sep) + 1, _SUPPORT - leads
            counts[role] += n
            by_plan = by_plans[role]
            by_plan[plan[0]] = by_plan.get(plan[0], 0) + n
            roots = by_roots[role]
            roots[plan[1]] = roots.get(plan[1], 0) + n
        self._spread(by_roots)

    def _spread(self, by_roots: tuple[dict[tuple[str, ...], int], ...]) -> None:
        """Count the tasks summed per set of root directives (by role) under each of them."""
        for role, sums in enumerate(by_roots):
            by_directive = self.by_directive[role]
            for names, n in sums.items():
                for root in names:
                    by_directive[root] = by_directive.get(root, 0) + n

    def due(self, bucket: str, role: int, n: int) -> None:
        """Count ``n`` tasks in ``role`` due in ``bucket``."""
        by_deadline = self.by_deadline[role]
        by_deadline[bucket] = by_deadline.get(bucket, 0) + n

    def into(self, row: WorkloadRow) -> WorkloadRow:
        row.lead, row.support = self.counts
        row.by_plan = _joined(*self.by_plan)
        row.by_directive = _joined(*self.by_directive)
        row.by_deadline = _joined(*self.by_deadline)
        return row

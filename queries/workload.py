"""How much each unit carries: tasks it leads and supports, split three ways.

Counts are per unit (scoped to its department and province), split by plan,
by the root directive each task stems from, and by deadline bucket. Collective
groups ("các phòng, đơn vị trực thuộc Sở") are not units; their rows come last
with ``category == "collective"`` so a reader never mistakes them for one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

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
    province_name,
    task_plan,
    unit_kind,
    units_by_province,
)
from policykg.queries.lineage import root_directives
from policykg.queries.refs import UnknownReference, resolve_province, resolve_unit, unit_words

__all__ = ["WorkloadRow", "workload"]


@dataclass
class WorkloadRow:
    """One unit's load: ``lead`` and ``support`` task counts and their splits.

    Each split maps a plan, directive or deadline bucket to
    ``{"lead": n, "support": m}``.
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
    tasks_led: list[str] = field(default_factory=list)
    tasks_supported: list[str] = field(default_factory=list)

    @property
    def collective(self) -> bool:
        return self.category == "collective"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _bump(split: dict[str, dict[str, int]], key: str, role: str) -> None:
    counts = split.setdefault(key, {"lead": 0, "support": 0})
    counts[role] += 1


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
             kind: str | None = None, collective: bool = True) -> list[WorkloadRow]:
    """Per unit: tasks led and supported, by plan, by directive and by deadline bucket.

    ``province`` keeps units of that province (as written or as merged today),
    ``unit`` the units a typed name resolves to, ``kind`` units of a unit kind
    (``phong-qlkh`` or its words). Rows come sorted by province, then most led.
    ``g`` is the graph or a store (only the selected units' tasks are then read).
    """
    g = graph_of(g, "workload", province=province, unit=unit, kind=kind,
                 collective=collective)
    provinces = {resolve_province(g, province)} if province else None
    units = set(resolve_unit(g, unit, province)) if unit else None
    kinds = _kinds_matching(g, kind) if kind else None
    directive_cache: dict[str, list[str]] = {}
    rows: list[WorkloadRow] = []
    if provinces:
        candidates = in_province_groups(g, units_by_province(g), provinces)
        if units is not None:
            candidates = [u for u in candidates if u in units]
    elif units is not None:
        candidates = sorted(u for u in units if _is_unit(g, u))
    else:
        candidates = list(nodes_of(g, Kind.UNIT))
    for node in candidates:
        kid = unit_kind(g, node)
        if kinds is not None and kid not in kinds:
            continue
        if is_collective(g, node) and not collective:
            continue
        row = _row(g, node, kid, directive_cache)
        if row.lead or row.support:
            rows.append(row)
    rows.sort(key=lambda r: (r.collective, r.province, -r.lead, -r.support, r.unit))
    return rows


def _is_unit(g: Graph, node: str) -> bool:
    return (g.nodes.get(node) or {}).get("kind") == Kind.UNIT


def _row(g: Graph, node: str, kid: str | None,
         directive_cache: dict[str, list[str]]) -> WorkloadRow:
    pid = node_province(g, node)
    data = g.nodes[node]
    row = WorkloadRow(unit=label(g, node), unit_id=node, kind=kind_label(g, kid), kind_id=kid,
                      province=province_name(g, pid), province_id=pid,
                      category=str(data.get("category") or "internal"))
    led = {t for t, _ in in_rel(g, node, [Rel.LED_BY])}
    supported = {t for t, _ in in_rel(g, node, [Rel.SUPPORTED_BY])} - led
    for role, tasks in (("lead", sorted(led)), ("support", sorted(supported))):
        for task in tasks:
            setattr(row, role, getattr(row, role) + 1)
            (row.tasks_led if role == "lead" else row.tasks_supported).append(task)
            plan = task_plan(g, task)
            _bump(row.by_plan, doc_label(g, plan) if plan else "(no plan)", role)
            roots = root_directives(g, plan, directive_cache) if plan else []
            for root in roots or ["(none)"]:
                _bump(row.by_directive, doc_label(g, root) if root in g else root, role)
            _bump(row.by_deadline, deadline_bucket(g, task), role)
    return row

"""Reading the knowledge graph: the few accessors every question needs.

The graph contract lives in :mod:`policykg.graph` and :mod:`policykg.ontology.schema`;
these helpers read it tolerantly (an attribute may hold a node id or a name,
a relation may be a :class:`Rel` or its string) so each query module stays short.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from policykg.ontology.normalize import fold, slug
from policykg.ontology.schema import DOCUMENT_KINDS, Kind, Rel

Graph = nx.MultiDiGraph

_LINK_STRENGTH = {Rel.IMPLEMENTS: 0, Rel.BASED_ON: 1, Rel.MENTIONS: 2}


def kind(g: Graph, node: str) -> str | None:
    """The node's kind (a :class:`Kind` value) or None for an unknown node."""
    data = g.nodes.get(node)
    return data.get("kind") if data else None


def is_document(g: Graph, node: str) -> bool:
    return kind(g, node) in DOCUMENT_KINDS


def is_task(g: Graph, node: str) -> bool:
    return kind(g, node) == Kind.TASK


def nodes_of(g: Graph, *kinds: str) -> Iterator[str]:
    """Node ids of the given kinds, in id order (deterministic output)."""
    wanted = set(kinds)
    for node in sorted(g.nodes):
        if g.nodes[node].get("kind") in wanted:
            yield node


def out_rel(g: Graph, node: str, rels: Iterable[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Targets of ``node``'s outgoing edges whose ``rel`` is one of ``rels``."""
    wanted = set(rels)
    for _, target, data in g.out_edges(node, data=True):
        if data.get("rel") in wanted:
            yield target, data


def in_rel(g: Graph, node: str, rels: Iterable[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Sources of ``node``'s incoming edges whose ``rel`` is one of ``rels``."""
    wanted = set(rels)
    for source, _, data in g.in_edges(node, data=True):
        if data.get("rel") in wanted:
            yield source, data


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
    data = g.nodes.get(node) or {}
    return str(data.get("label") or data.get("name") or data.get("key") or node)


def doc_label(g: Graph, node: str) -> str:
    """A document as users name it: ``36-NQ/TW (2023)``, or its title when unnumbered."""
    data = g.nodes.get(node) or {}
    key = data.get("key") or data.get("number")
    year = data.get("year") or (str(data.get("date"))[:4] if data.get("date") else None)
    if key:
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
    folded = fold(value)
    for node in nodes_of(g, Kind.PROVINCE):
        if fold(str(g.nodes[node].get("name") or "")) == folded:
            return node
    return candidate


def province_name(g: Graph, pid: str | None) -> str:
    if not pid:
        return ""
    data = g.nodes.get(pid) or {}
    return str(data.get("name") or data.get("label") or pid.removeprefix("province:"))


def current_province(g: Graph, pid: str | None) -> str | None:
    """The province ``pid`` belongs to today (after the 2025 merger)."""
    if not pid:
        return None
    seen = {pid}
    while True:
        nxt = next((t for t, _ in out_rel(g, pid, [Rel.MERGED_INTO])), None)
        if nxt is None:
            current = (g.nodes.get(pid) or {}).get("current")
            nxt = province_id(g, current) if current else None
        if nxt is None or nxt in seen:
            return pid
        seen.add(nxt)
        pid = nxt


def node_province(g: Graph, node: str) -> str | None:
    """The province (as written) a plan, document, task or unit belongs to."""
    data = g.nodes.get(node) or {}
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
    pid = node_province(g, node)
    return bool(pid) and (pid in wanted or current_province(g, pid) in wanted)


# --- tasks and units --------------------------------------------------------------------


def task_plan(g: Graph, task: str) -> str | None:
    """The plan holding ``task`` (walking up sub-tasks)."""
    plan = (g.nodes.get(task) or {}).get("plan")
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
    found: list[str] = []
    stack = [t for t, _ in out_rel(g, plan, [Rel.HAS_TASK])]
    seen: set[str] = set()
    while stack:
        task = stack.pop()
        if task in seen:
            continue
        seen.add(task)
        found.append(task)
        stack.extend(t for t, _ in out_rel(g, task, [Rel.HAS_SUBTASK]))
    return sorted(found, key=lambda t: task_order(g, t))


def task_order(g: Graph, task: str) -> tuple[Any, ...]:
    data = g.nodes.get(task) or {}
    return (data.get("file") or "", data.get("line_start") or 0, _number_key(data.get("number")),
            task)


def _number_key(number: Any) -> tuple[int, ...]:
    parts = [p for p in str(number or "").replace(":", ".").split(".") if p.strip().isdigit()]
    return tuple(int(p) for p in parts)


def task_units(g: Graph, task: str) -> tuple[list[str], list[str]]:
    """(lead unit ids, supporting unit ids) of ``task``, each sorted."""
    lead = sorted({t for t, _ in out_rel(g, task, [Rel.LED_BY])})
    support = sorted({t for t, _ in out_rel(g, task, [Rel.SUPPORTED_BY])} - set(lead))
    return lead, support


def task_topics(g: Graph, task: str) -> list[str]:
    return sorted({t for t, _ in out_rel(g, task, [Rel.ABOUT])})


def is_collective(g: Graph, unit: str) -> bool:
    return (g.nodes.get(unit) or {}).get("category") == "collective"


def unit_kind(g: Graph, unit: str) -> str | None:
    """The unit-kind node id of ``unit`` (``unitkind:…``), when known."""
    target = next((t for t, _ in out_rel(g, unit, [Rel.OF_KIND])), None)
    if target:
        return target
    value = (g.nodes.get(unit) or {}).get("unit_kind")
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
    data = g.nodes.get(task) or {}
    return {
        "text": data.get("deadline"),
        "start": _int_or_none(data.get("deadline_start")),
        "end": _int_or_none(data.get("deadline_end")),
        "date": data.get("deadline_date"),
        "recurrence": data.get("deadline_recurrence"),
    }


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def deadline_bucket(g: Graph, task: str) -> str:
    """``ongoing``, ``yearly`` (or another recurrence), a year such as ``2024``, or ``none``."""
    info = deadline_info(g, task)
    if info["recurrence"]:
        return str(info["recurrence"])
    if info["date"]:
        return str(info["date"])[:4]
    year = info["end"] or info["start"]
    return str(year) if year else "none"

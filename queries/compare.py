"""Provinces (or plans) side by side.

For each side: the directives its plans respond to (shared by all sides or
unique to one), the topics its tasks cover with task counts, which kind of unit
leads each topic, and the numeric targets it sets. With ``as_of`` on or after
1 July 2025 a province is compared as merged: its side holds every plan of the
provinces that now belong to it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, NamedTuple

import networkx as nx

from policykg.graph.build import gc_paused
from policykg.ontology.schema import Kind
from policykg.queries.common import (
    Graph,
    Source,
    current_province,
    doc_label,
    graph_of,
    is_document,
    kind_label,
    label,
    node_province,
    nodes_of,
    on_one_skeleton,
    plan_tasks,
    plans_by_province,
    province_name,
    task_topics,
    task_units,
    unit_kind,
)
from policykg.queries.lineage import downstream_plans, upstream_documents
from policykg.queries.refs import UnknownReference, resolve_document, resolve_province

__all__ = ["Comparison", "Side", "compare"]

MERGER_DATE = date(2025, 7, 1)
_TARGET = re.compile(r"(\d+(?:[.,]\d+)?)\s*(%|[^\W\d_][^\d;]*)?")


@dataclass
class Side:
    """One province or plan: what it responds to, covers, and aims at."""

    name: str
    kind: str  # "province" or "plan"
    id: str
    provinces: list[str]
    plans: list[str]
    tasks: int
    directives: list[str] = field(default_factory=list)
    unique_directives: list[str] = field(default_factory=list)
    topics: dict[str, int] = field(default_factory=dict)
    topic_leads: dict[str, dict[str, int]] = field(default_factory=dict)
    targets: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Comparison:
    """The sides, the directives all of them share, and the union of topics."""

    sides: list[Side]
    shared_directives: list[str]
    topics: list[str]
    as_of: str | None = None
    directive: str | None = None  # the directive whose plans alone were compared, if any

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def leading_kind(self, side: Side, topic: str) -> str:
        """The unit kind leading most of ``side``'s tasks on ``topic`` ('' when none)."""
        kinds = side.topic_leads.get(topic) or {}
        return max(sorted(kinds), key=lambda k: kinds[k]) if kinds else ""


def _merged(as_of: str | date | None) -> bool:
    if as_of is None:
        return False
    if isinstance(as_of, date):
        return as_of >= MERGER_DATE
    try:
        return date.fromisoformat(str(as_of).strip()[:10]) >= MERGER_DATE
    except ValueError:
        raise ValueError(f"cannot read date {as_of!r}: write YYYY-MM-DD, e.g. 2025-07-01") \
            from None


def _side_plans(g: Graph, text: str, merged: bool) -> tuple[str, str, str, list[str]]:
    """(name, kind, id, plans) for a typed province or plan."""
    try:
        pid = resolve_province(g, text)
    except UnknownReference:
        pid = None
    if pid is not None:
        target = current_province(g, pid) if merged else pid
        plans = sorted(plan for where, group in plans_by_province(g).items()
                       if where and (current_province(g, where) if merged else where) == target
                       for plan in group)
        return province_name(g, target), "province", target, plans
    doc = text if text in g and is_document(g, text) else resolve_document(g, text)
    return doc_label(g, doc), "plan", doc, [doc]


def _targets(task: str, targets: list[Any] | None) -> list[dict[str, Any]]:
    """The numeric targets among a task's ``targets``, read as value and unit."""
    found = []
    for target in targets or []:
        if isinstance(target, dict):
            found.append({"task": task, **target})
            continue
        match = _TARGET.search(str(target))
        value = float(match.group(1).replace(",", ".")) if match else None
        unit = (match.group(2) or "").strip(" ,.;") if match else ""
        found.append({"task": task, "text": str(target), "value": value, "unit": unit})
    return found


def _topic_labels(g: Graph, topics: Iterable[str], text: str | None,
                  fallback: bool) -> list[str]:
    """Labels of a task's topics; with ``fallback`` (a graph without topic nodes) the
    topics its ``text`` is about."""
    found = [label(g, t) for t in topics]
    if found or not fallback:
        return found
    try:
        from policykg.ontology.topics import TOPICS, assign_topics
        ids = assign_topics(str(text or ""))
        return [getattr(TOPICS.get(i), "label_vi", i) or i for i in ids]
    except Exception:  # no topic table: the task simply has no topic
        return []


class _Tally(NamedTuple):
    """What a comparison reads of a side's tasks: how many share each (lead unit ids,
    topic labels) pair; each task's targets, for those that have some."""

    groups: Counter[tuple[tuple[str, ...], tuple[str, ...]]]
    targets: list[tuple[str, list[Any]]]


def _graph_tally(g: Graph, fallback: bool) -> Callable[[list[str]], _Tally]:
    def tally(plans: list[str]) -> _Tally:
        groups: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()
        targets: list[tuple[str, list[Any]]] = []
        for plan in plans:
            for task in plan_tasks(g, plan):
                data = g.nodes[task]
                groups[tuple(task_units(g, task)[0]),
                       tuple(_topic_labels(g, task_topics(g, task), data.get("text"),
                                           fallback))] += 1
                if data.get("targets"):
                    targets.append((task, data["targets"]))
        return _Tally(groups, targets)
    return tally


def _store_tally(store: Any, g: Graph) -> Callable[[list[str]], _Tally]:
    """Tallies read from the store's task rows, grouped there (:meth:`Store.task_tally`)."""
    def tally(plans: list[str]) -> _Tally:
        found = store.task_tally(plans)
        groups: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()
        labels: dict[tuple[str, ...], tuple[str, ...]] = {}
        for lead, topics, count in found.groups:
            named = labels.get(topics)
            if named is None:
                named = labels[topics] = tuple(_topic_labels(g, topics, None, False))
            groups[lead, named] += count
        return _Tally(groups, found.targets)
    return tally


def compare(g: Source, sides: list[str], as_of: str | date | None = None,
            directive: str | None = None) -> Comparison:
    """Compare provinces or plans (typed names, ids or references), in the order given.

    ``directive`` keeps on each side only the plans stemming from it at any depth: how
    the provinces carry out one directive. ``g`` is the graph or a store (its skeleton
    is then read, and the compared plans' task rows counted in the store by lead units
    and topics).

    >>> result = compare(store, ["Quảng Ninh", "Đắk Lắk"], directive="nq 57")  # doctest: +SKIP
    >>> [side.tasks for side in result.sides]  # doctest: +SKIP
    [18, 11]
    """
    if not isinstance(g, nx.Graph) and hasattr(g, "task_tally"):
        return _compare_rows(g, sides, as_of, directive)
    g = graph_of(g, "compare", sides=list(sides), as_of=as_of, directive=directive)
    return _compare(g, sides, as_of, _graph_tally(g, not _has_topics(g)), directive)


@gc_paused()
def _compare_rows(store: Any, sides: list[str], as_of: str | date | None,
                  directive: str | None) -> Comparison:
    done = on_one_skeleton(store, lambda g: _compare(g, sides, as_of, _store_tally(store, g),
                                                     directive))
    return compare(store.graph(), sides, as_of, directive) if done is None else done[1]


def _has_topics(g: Graph) -> bool:
    return any(True for _ in nodes_of(g, Kind.TOPIC))


def _compare(g: Graph, sides: list[str], as_of: str | date | None,
             tally_of: Callable[[list[str]], _Tally],
             directive: str | None = None) -> Comparison:
    merged = _merged(as_of)
    root = resolve_document(g, directive) if directive else None
    kept = downstream_plans(g, root) if root else None
    built: list[Side] = []
    directive_sets: list[set[str]] = []
    kinds_of: dict[str, str] = {}
    for text in sides:
        name, kind, sid, plans = _side_plans(g, text, merged)
        if kept is not None:
            plans = [plan for plan in plans if plan in kept]
        provinces = sorted({province_name(g, node_province(g, p)) for p in plans
                            if node_province(g, p)})
        side = Side(name, kind, sid, provinces, [doc_label(g, p) for p in plans], 0)
        directives: set[str] = set()
        for plan in plans:
            directives.update(doc_label(g, d) for d in upstream_documents(g, plan))
        directive_sets.append(directives)
        side.directives = sorted(directives)
        topics: Counter[str] = Counter()
        leads: dict[str, Counter[str]] = defaultdict(Counter)
        tally = tally_of(plans)
        side.tasks = sum(tally.groups.values())
        for (lead, topic_labels), count in tally.groups.items():
            kinds = set()
            for u in lead:
                found = kinds_of.get(u)
                if found is None:
                    found = kinds_of[u] = kind_label(g, unit_kind(g, u)) or label(g, u)
                kinds.add(found)
            for topic in topic_labels:
                topics[topic] += count
                topic_kinds = leads[topic]
                for found in kinds:
                    topic_kinds[found] += count
        for task, targets in tally.targets:
            side.targets.extend(_targets(task, targets))
        side.topics = dict(sorted(topics.items(), key=lambda kv: (-kv[1], kv[0])))
        side.topic_leads = {t: dict(sorted(c.items())) for t, c in sorted(leads.items())}
        built.append(side)
    shared = set.intersection(*directive_sets) if directive_sets else set()
    for side, directives in zip(built, directive_sets, strict=True):
        others = set().union(*(d for d in directive_sets if d is not directives))
        side.unique_directives = sorted(directives - others)
    topics = sorted({t for s in built for t in s.topics},
                    key=lambda t: (-sum(s.topics.get(t, 0) for s in built), t))
    return Comparison(built, sorted(shared), topics, str(as_of) if as_of else None,
                      doc_label(g, root) if root else None)

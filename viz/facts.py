"""Per-task facts the workload picture needs and no query returns whole.

:func:`~policykg.queries.workload` gives task ids per unit; a picture also needs
each task's number, text, plan, topics and root directives. This adapter asks
the query layer for them (:func:`policykg.queries.lineage.task_hit`,
:func:`~policykg.queries.lineage.root_directives`, the topic accessor of
:mod:`policykg.queries.common`) instead of walking the graph itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policykg.queries.common import Graph, doc_label, label, task_plan, task_topics
from policykg.queries.lineage import TaskHit, root_directives, task_hit


@dataclass
class TaskFacts:
    hit: TaskHit
    topics: list[str] = field(default_factory=list)  # labels
    directives: list[str] = field(default_factory=list)  # labels of root directives


def task_facts(g: Graph, tasks: list[str]) -> dict[str, TaskFacts]:
    """Facts for each task id in ``tasks`` (unknown ids are skipped)."""
    cache: dict[str, list[str]] = {}
    found: dict[str, TaskFacts] = {}
    for task in tasks:
        if task in found or task not in g:
            continue
        plan = task_plan(g, task) or ""
        hit = task_hit(g, task, plan, []) if plan else task_hit(g, task, task, [])
        roots = root_directives(g, plan, cache) if plan else []
        found[task] = TaskFacts(hit, [label(g, t) for t in task_topics(g, task)],
                                [doc_label(g, r) for r in roots])
    return found

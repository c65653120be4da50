"""The users' questions, asked of the knowledge graph.

Each function takes the store (``policykg.open_store()``), then reading only the
part of the graph the question needs (:func:`policykg.queries.partial.graph_for`),
or a graph (``policykg.open_store().graph()``, the whole graph), and returns
plain data (dataclasses with ``to_dict()``). References may be ids or typed the
way people type them:

>>> store = policykg.open_store()                                        # doctest: +SKIP
>>> [h.text for h in stems_from(store, "nghi quyet 36", province="tay ninh")]  # doctest: +SKIP
>>> workload(store, unit="chi cuc tdc")[0].lead                          # doctest: +SKIP
"""

from __future__ import annotations

from policykg.queries.compare import Comparison, Side, compare
from policykg.queries.due import DueReport, Period, due, parse_period
from policykg.queries.lineage import (
    Basis,
    DocHit,
    Link,
    TaskHit,
    TaskHits,
    basis,
    downstream_documents,
    group_hits,
    stems_from,
)
from policykg.queries.overlaps import OverlapPair, OverlapReport, OverlapTask, overlaps
from policykg.queries.refs import (
    AmbiguousReference,
    Candidate,
    UnknownReference,
    UnresolvedReference,
    resolve_document,
    resolve_province,
    resolve_unit,
)
from policykg.queries.search import SearchHit, search
from policykg.queries.workload import WorkloadRow, workload

__all__ = [
    "AmbiguousReference", "Basis", "Candidate", "Comparison", "DocHit", "DueReport", "Link",
    "OverlapPair", "OverlapReport", "OverlapTask", "Period", "SearchHit", "Side", "TaskHit",
    "TaskHits", "UnknownReference", "UnresolvedReference", "WorkloadRow", "basis", "compare",
    "downstream_documents", "due", "group_hits", "overlaps", "parse_period",
    "resolve_document", "resolve_province", "resolve_unit", "search", "stems_from",
    "workload",
]

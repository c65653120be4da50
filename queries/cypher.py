"""The users' questions asked of a Neo4j database (``--backend neo4j``).

Each question reads from the database, in Cypher, the part of the graph it
needs: the documents, places and units every answer names (the *context*), and
for the question itself the tasks it is about — the tasks of every plan
downstream of a directive (``STEMS_FROM_DOWNSTREAM``, ``STEMS_FROM_TASKS``),
the tasks some unit leads or supports (``WORKLOAD_TASKS``), the tasks of the
compared plans (``COMPARE_TASKS``), every task (``OVERLAP_TASKS``), the
searchable nodes (``SEARCH_NODES``). The rows are turned back into a graph with
the embedded graph's attributes, and the embedded question answers it, so
both backends give the same result types, field for field.

All values travel as parameters (``$root``, ``$ids``, ``$kinds`` …); labels and
relationship types in the query text come from :class:`Kind` and :class:`Rel`
only. A list parameter is sent in pieces that fit the server's request size.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

import networkx as nx

from policykg.graph.neo4j import (
    KINDS,
    NODE_LABEL,
    RELS,
    Capabilities,
    _Runner,
    add_edges,
    add_nodes,
)
from policykg.ontology.schema import DOCUMENT_KINDS, LINEAGE_RELS, Kind, Rel

__all__ = [
    "CONTEXT_NODES", "CONTEXT_RELS", "COMPARE_TASKS", "NODES_BY_ID", "OVERLAP_TASKS",
    "RELS_FROM", "RELS_TO", "SEARCH_NODES", "STEMS_FROM_DOWNSTREAM", "STEMS_FROM_TASKS",
    "TASK_RELS", "WORKLOAD_TASKS", "CypherQuestions", "QUESTIONS",
]

_N = NODE_LABEL
_LINEAGE = "|".join(r.value for r in LINEAGE_RELS)

# Node kinds and relations every answer may name (documents, places, units, topics).
CONTEXT_KINDS: tuple[str, ...] = tuple(k.value for k in Kind if k != Kind.TASK)
CONTEXT_REL_TYPES: tuple[str, ...] = (
    Rel.IMPLEMENTS, Rel.BASED_ON, Rel.MENTIONS, Rel.ISSUED_BY, Rel.PART_OF, Rel.OF_KIND,
    Rel.IN_PROVINCE, Rel.MERGED_INTO,
)
# Relations leaving a task or reaching it from its plan.
TASK_REL_TYPES: tuple[str, ...] = (
    Rel.HAS_TASK, Rel.HAS_SUBTASK, Rel.LED_BY, Rel.SUPPORTED_BY, Rel.ABOUT, Rel.IN_PROVINCE,
)

# --- the queries -------------------------------------------------------------------------

CONTEXT_NODES = f"""\
MATCH (n:{_N}) WHERE n.kind IN $kinds
RETURN n.id AS id, properties(n) AS props"""

CONTEXT_RELS = f"""\
MATCH (a:{_N})-[r]->(b:{_N}) WHERE type(r) IN $rels AND a.kind IN $kinds AND b.kind IN $kinds
RETURN a.id AS src, b.id AS dst, type(r) AS rel, properties(r) AS props"""

NODES_BY_ID = f"""\
UNWIND $ids AS wanted
MATCH (n:{_N} {{id: wanted}})
RETURN n.id AS id, properties(n) AS props"""

RELS_FROM = f"""\
UNWIND $ids AS wanted
MATCH (a:{_N} {{id: wanted}})-[r]->(b:{_N}) WHERE type(r) IN $rels
RETURN a.id AS src, b.id AS dst, type(r) AS rel, properties(r) AS props"""

RELS_TO = f"""\
UNWIND $ids AS wanted
MATCH (a:{_N})-[r]->(b:{_N} {{id: wanted}}) WHERE type(r) IN $rels
RETURN a.id AS src, b.id AS dst, type(r) AS rel, properties(r) AS props"""

# Every document downstream of the directive $root (itself included), through
# plans and documents implementing or based on it, at any depth.
STEMS_FROM_DOWNSTREAM = f"""\
MATCH (root:{_N} {{id: $root}})<-[:{_LINEAGE}*0..]-(doc:{_N})
WHERE doc.kind IN $documents
RETURN DISTINCT doc.id AS id"""

# The tasks of the documents $ids, sub-tasks at any depth included.
STEMS_FROM_TASKS = f"""\
UNWIND $ids AS wanted
MATCH (:{_N} {{id: wanted}})-[:{Rel.HAS_TASK}]->(:{_N})-[:{Rel.HAS_SUBTASK}*0..]->(t:{_N})
RETURN DISTINCT t.id AS id, properties(t) AS props"""

# The relationships of every task (when a question reads all or most tasks).
TASK_RELS = f"""\
MATCH (a:{_N})-[r]->(b:{_N})
WHERE type(r) IN $rels AND (a.kind = $task OR b.kind = $task)
RETURN a.id AS src, b.id AS dst, type(r) AS rel, properties(r) AS props"""

# Every task some unit leads or supports.
WORKLOAD_TASKS = f"""\
MATCH (t:{_N})-[:{Rel.LED_BY}|{Rel.SUPPORTED_BY}]->(u:{_N})
WHERE t.kind = $task AND u.kind = $unit
RETURN DISTINCT t.id AS id, properties(t) AS props"""

# The tasks of the plans $ids (the compared sides), sub-tasks included.
COMPARE_TASKS = STEMS_FROM_TASKS

# Every task (overlaps are scored on all of them, or a province's).
OVERLAP_TASKS = f"""\
MATCH (t:{_N}) WHERE t.kind = $task
RETURN t.id AS id, properties(t) AS props"""

# The nodes search looks through.
SEARCH_NODES = CONTEXT_NODES

QUESTIONS: dict[str, str] = {
    "context (nodes)": CONTEXT_NODES, "context (relationships)": CONTEXT_RELS,
    "stems-from: downstream documents": STEMS_FROM_DOWNSTREAM,
    "stems-from: their tasks": STEMS_FROM_TASKS, "workload: tasks": WORKLOAD_TASKS,
    "relationships of every task": TASK_RELS,
    "compare: tasks of the plans": COMPARE_TASKS, "overlaps: tasks": OVERLAP_TASKS,
    "search: nodes": SEARCH_NODES, "relationships from nodes": RELS_FROM,
    "relationships to nodes": RELS_TO,
}


def _id_batches(ids: list[str], limit: int) -> Iterable[list[str]]:
    """``ids`` in pieces whose JSON fits ``limit`` bytes."""
    batch: list[str] = []
    size = 2
    for item in ids:
        item_size = len(json.dumps(item, ensure_ascii=False).encode("utf-8")) + 1
        if batch and size + item_size > limit:
            yield batch
            batch, size = [], 2
        batch.append(item)
        size += item_size
    if batch:
        yield batch


class CypherQuestions:
    """The questions of :mod:`policykg.queries`, answered from a Neo4j database.

    ``graph_for(question, **options)`` gives the part of the graph the question
    reads; the methods named like the embedded functions answer with the same
    result types.
    """

    def __init__(self, driver: Any, database: str | None = None,
                 caps: Capabilities | None = None):
        from policykg.graph.neo4j import probe_limits

        self.caps = caps or probe_limits(driver, database)
        self.runner = _Runner(driver, database, self.caps)

    # --- reading --------------------------------------------------------------------------

    def _list_param_limit(self, query: str) -> int:
        return max(self.caps.max_batch_bytes - len(query.encode("utf-8")) - 200, 256)

    def _run_ids(self, query: str, ids: Iterable[str], **params: Any) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        limit = self._list_param_limit(query) // (2 if self.caps.escape_strings else 1)
        for batch in _id_batches(sorted(set(ids)), limit):
            rows += self.runner.run(query, ids=batch, **params)
        return rows

    def context(self) -> nx.MultiDiGraph:
        """Documents, provinces, organisations, units, unit kinds, topics and their links."""
        graph = nx.MultiDiGraph()
        kinds = list(CONTEXT_KINDS)
        add_nodes(graph, self.runner.run(CONTEXT_NODES, kinds=kinds))
        add_edges(graph, self.runner.run(CONTEXT_RELS, rels=list(CONTEXT_REL_TYPES),
                                         kinds=kinds))
        return graph

    def add_tasks(self, graph: nx.MultiDiGraph, rows: list[dict[str, Any]],
                  every: bool = False) -> nx.MultiDiGraph:
        """Add task rows and every task relationship among the nodes now in ``graph``.

        ``every``: the rows are all or most tasks, so their relationships are read
        in one query rather than by id.
        """
        add_nodes(graph, rows)
        if every:
            add_edges(graph, self.runner.run(TASK_RELS, rels=list(TASK_REL_TYPES),
                                             task=Kind.TASK.value))
            return graph
        ids = [r["id"] for r in rows]
        add_edges(graph, self._run_ids(RELS_FROM, ids, rels=list(TASK_REL_TYPES)))
        add_edges(graph, self._run_ids(RELS_TO, ids, rels=[Rel.HAS_TASK, Rel.HAS_SUBTASK]))
        return graph

    # --- the part of the graph each question reads ---------------------------------------

    def stems_graph(self, ref: str, province: str | None = None,
                    year: int | str | None = None) -> nx.MultiDiGraph:
        from policykg.queries.refs import resolve_document

        graph = self.context()
        root = resolve_document(graph, ref, province=province, year=year)
        docs = [r["id"] for r in self.runner.run(
            STEMS_FROM_DOWNSTREAM, root=root, documents=[k.value for k in DOCUMENT_KINDS])]
        return self.add_tasks(graph, self._run_ids(STEMS_FROM_TASKS, docs))

    def workload_graph(self) -> nx.MultiDiGraph:
        graph = self.context()
        return self.add_tasks(graph, self.runner.run(WORKLOAD_TASKS, task=Kind.TASK.value,
                                                     unit=Kind.UNIT.value), every=True)

    def compare_graph(self, sides: list[str], as_of: str | date | None = None
                      ) -> nx.MultiDiGraph:
        from policykg.queries.compare import _merged, _side_plans

        graph = self.context()
        merged = _merged(as_of)
        plans = [p for text in sides for p in _side_plans(graph, text, merged)[3]]
        return self.add_tasks(graph, self._run_ids(COMPARE_TASKS, plans))

    def overlaps_graph(self) -> nx.MultiDiGraph:
        graph = self.context()
        return self.add_tasks(graph, self.runner.run(OVERLAP_TASKS, task=Kind.TASK.value),
                              every=True)

    def search_graph(self) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        add_nodes(graph, self.runner.run(SEARCH_NODES, kinds=list(KINDS)))
        add_edges(graph, self.runner.run(
            CONTEXT_RELS, kinds=list(KINDS),
            rels=[Rel.IN_PROVINCE, Rel.MERGED_INTO, Rel.HAS_TASK, Rel.HAS_SUBTASK]))
        return graph

    def full_graph(self) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        add_nodes(graph, self.runner.run(CONTEXT_NODES, kinds=list(KINDS)))
        add_edges(graph, self.runner.run(CONTEXT_RELS, kinds=list(KINDS), rels=list(RELS)))
        return graph

    def graph_for(self, question: str, **options: Any) -> nx.MultiDiGraph:
        """The part of the graph ``question`` (a query command's name) reads."""
        with self.runner:
            return self._graph_for(question, **options)

    def _graph_for(self, question: str, **options: Any) -> nx.MultiDiGraph:
        if question == "stems-from":
            return self.stems_graph(options["ref"], options.get("province"),
                                    options.get("year"))
        if question == "workload":
            return self.workload_graph()
        if question == "compare":
            return self.compare_graph(list(options["sides"]), options.get("as_of"))
        if question == "overlaps":
            return self.overlaps_graph()
        if question == "search":
            return self.search_graph()
        return self.full_graph()

    # --- the questions --------------------------------------------------------------------

    def stems_from(self, doc: str, province: str | list[str] | None = None,
                   unit: str | list[str] | None = None, depth: int | None = None,
                   year: int | str | None = None) -> list[Any]:
        from policykg.queries.lineage import stems_from

        graph = self.graph_for("stems-from", ref=doc,
                               province=province if isinstance(province, str) else None,
                               year=year)
        return stems_from(graph, doc, province=province, unit=unit, depth=depth, year=year)

    def downstream_documents(self, doc: str, province: str | list[str] | None = None,
                             depth: int | None = None, year: int | str | None = None
                             ) -> list[Any]:
        from policykg.queries.lineage import downstream_documents

        graph = self.graph_for("stems-from", ref=doc,
                               province=province if isinstance(province, str) else None,
                               year=year)
        return downstream_documents(graph, doc, province=province, depth=depth, year=year)

    def workload(self, **options: Any) -> list[Any]:
        from policykg.queries.workload import workload

        return workload(self.graph_for("workload"), **options)

    def compare(self, sides: list[str], as_of: str | date | None = None) -> Any:
        from policykg.queries.compare import compare

        return compare(self.graph_for("compare", sides=sides, as_of=as_of), sides, as_of=as_of)

    def overlaps(self, **options: Any) -> Any:
        from policykg.queries.overlaps import overlaps

        return overlaps(self.graph_for("overlaps"), **options)

    def search(self, text: str, kinds: list[str] | None = None, limit: int = 20) -> list[Any]:
        from policykg.queries.search import search

        return search(self.graph_for("search"), text, kinds=kinds, limit=limit)

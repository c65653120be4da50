"""The users' questions asked of a Neo4j database (``--backend neo4j``).

Each question reads from the database, in Cypher, only the part of the graph it
needs, so what it reads grows with its answer, not with the database:

- every question: the provinces (with their mergers), unit kinds and topics (the
  *base*, a few hundred nodes);
- stems-from: the documents carrying the typed number (``DOCUMENTS_NUMBERED``; all
  documents only for a reference by title), the documents downstream of the
  directive (``STEMS_FROM_DOWNSTREAM``), which provinces each of their plans has
  tasks in (``PLAN_TASK_PROVINCES``), then the tasks of the plans that can answer
  (``STEMS_FROM_TASKS``) with their relationships and units;
- workload: the units (``UNITS``), the roles of the units asked about
  (``UNIT_ROLES``), and the plans of those tasks with every document above them
  (``UPSTREAM``);
- compare: every plan with its province, the compared plans' tasks with their units,
  and the documents above those plans;
- overlaps and search read the documents and places every answer names (the
  *context*) and every task they score or search.

The rows are turned back into a graph with the embedded graph's attributes, and
the embedded question answers it, so both backends give the same result types,
field for field.

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
    "CONTEXT_NODES", "CONTEXT_RELS", "COMPARE_TASKS", "DOCUMENTS_NUMBERED", "NODES_BY_ID",
    "OVERLAP_TASKS", "PLAN_TASK_PROVINCES", "RELS_FROM", "RELS_TO", "SEARCH_NODES",
    "STEMS_FROM_DOWNSTREAM", "STEMS_FROM_TASKS", "TASK_RELS", "UNIT_ROLES", "UNITS",
    "UPSTREAM", "WORKLOAD_TASKS", "CypherQuestions", "QUESTIONS",
]

_N = NODE_LABEL
_LINEAGE = "|".join(r.value for r in LINEAGE_RELS)

# Node kinds and relations every answer may name (documents, places, units, topics).
CONTEXT_KINDS: tuple[str, ...] = tuple(k.value for k in Kind if k != Kind.TASK)
CONTEXT_REL_TYPES: tuple[str, ...] = (
    Rel.IMPLEMENTS, Rel.BASED_ON, Rel.MENTIONS, Rel.ISSUED_BY, Rel.PART_OF, Rel.OF_KIND,
    Rel.IN_PROVINCE, Rel.MERGED_INTO,
)
# Node kinds every answer may name that stay few whatever the corpus (the base).
BASE_KINDS: tuple[str, ...] = (Kind.PROVINCE.value, Kind.UNIT_KIND.value, Kind.TOPIC.value)
# Relations a document keeps with the documents above it and its province.
_DOCUMENT_LINKS: tuple[str, ...] = (*(r.value for r in LINEAGE_RELS), Rel.IN_PROVINCE.value)
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

# The documents whose number/symbol (or number field) starts with one of $prefixes:
# the candidates for a reference typed with that number.
DOCUMENTS_NUMBERED = f"""\
UNWIND $prefixes AS prefix
MATCH (n:{_N}) WHERE n.kind IN $documents
  AND (n.key STARTS WITH prefix OR n.number STARTS WITH prefix)
RETURN DISTINCT n.id AS id, properties(n) AS props"""

# For each plan of $ids, the provinces its tasks name (their own attribute, or the
# province they are linked to; both null: the plan's own).
PLAN_TASK_PROVINCES = f"""\
UNWIND $ids AS wanted
MATCH (:{_N} {{id: wanted}})-[:{Rel.HAS_TASK}]->(:{_N})-[:{Rel.HAS_SUBTASK}*0..]->(t:{_N})
OPTIONAL MATCH (t)-[:{Rel.IN_PROVINCE}]->(place:{_N})
RETURN DISTINCT wanted AS plan, t.province AS own, place.id AS place"""

# Every unit.
UNITS = f"""\
MATCH (n:{_N}) WHERE n.kind = $unit
RETURN n.id AS id, properties(n) AS props"""

# The tasks the units $ids lead or support, with each role, and of each task what a
# workload reads (its plan and when it falls due), not its text.
UNIT_ROLES = f"""\
UNWIND $ids AS wanted
MATCH (t:{_N})-[r:{Rel.LED_BY}|{Rel.SUPPORTED_BY}]->(:{_N} {{id: wanted}})
RETURN t.id AS id, {{kind: t.kind, plan: t.plan, deadline_recurrence: t.deadline_recurrence,
       deadline_date: t.deadline_date, deadline_start: t.deadline_start,
       deadline_end: t.deadline_end}} AS props,
       wanted AS unit, type(r) AS rel, properties(r) AS rel_props"""

# The documents $ids and every document they implement or are based on, at any depth.
UPSTREAM = f"""\
UNWIND $ids AS wanted
MATCH (:{_N} {{id: wanted}})-[:{_LINEAGE}*0..]->(doc:{_N})
RETURN DISTINCT doc.id AS id, properties(doc) AS props"""

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
    "stems-from: documents of a number": DOCUMENTS_NUMBERED,
    "stems-from: provinces of each plan's tasks": PLAN_TASK_PROVINCES,
    "stems-from: their tasks": STEMS_FROM_TASKS, "workload: units": UNITS,
    "workload: roles of units": UNIT_ROLES, "workload: plans and documents above": UPSTREAM,
    "workload: every task": WORKLOAD_TASKS,
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

    def base(self) -> nx.MultiDiGraph:
        """The provinces (with their mergers), unit kinds and topics: few, whatever the
        corpus, and named by every answer."""
        graph = nx.MultiDiGraph()
        kinds = list(BASE_KINDS)
        add_nodes(graph, self.runner.run(CONTEXT_NODES, kinds=kinds))
        add_edges(graph, self.runner.run(CONTEXT_RELS, rels=[Rel.MERGED_INTO.value],
                                         kinds=kinds))
        return graph

    def add_nodes_by_id(self, graph: nx.MultiDiGraph, ids: Iterable[str]) -> list[str]:
        """Add the nodes ``ids`` that ``graph`` lacks (without relationships); the ids
        asked for that it lacked."""
        missing = sorted({i for i in ids if i not in graph})
        if missing:
            add_nodes(graph, self._run_ids(NODES_BY_ID, missing))
        return missing

    def add_documents(self, graph: nx.MultiDiGraph, ref: str | None) -> None:
        """Add the documents a reference may name (those of its number, all of them for
        a reference by title) with the provinces they belong to."""
        from policykg.queries.refs import reference_number

        number = reference_number(ref or "")
        documents = [k.value for k in DOCUMENT_KINDS]
        if number is None:
            rows = self.runner.run(CONTEXT_NODES, kinds=documents)
        else:
            rows = self.runner.run(DOCUMENTS_NUMBERED, documents=documents,
                                   prefixes=[f"{zeros}{number}" for zeros in ("", "0", "00")])
        ids = [r["id"] for r in rows if r["id"] not in graph]
        add_nodes(graph, [r for r in rows if r["id"] not in graph])
        if ref:
            ids += self.add_nodes_by_id(graph, [ref])  # a node id typed as it is
        add_edges(graph, self._run_ids(RELS_FROM, ids, rels=[Rel.IN_PROVINCE.value]))

    def add_documents_above(self, graph: nx.MultiDiGraph, plans: Iterable[str]) -> None:
        """Add ``plans`` and every document above them (any depth), with the lineage and
        province links of each, so their root directives and labels can be read."""
        rows = self._run_ids(UPSTREAM, plans)
        add_nodes(graph, [r for r in rows if r["id"] not in graph])
        add_edges(graph, self._run_ids(RELS_FROM, [r["id"] for r in rows],
                                       rels=list(_DOCUMENT_LINKS)))

    def add_units(self, graph: nx.MultiDiGraph) -> None:
        """Add every unit with its province and unit kind."""
        rows = self.runner.run(UNITS, unit=Kind.UNIT.value)
        add_nodes(graph, [r for r in rows if r["id"] not in graph])
        add_edges(graph, self.runner.run(  # in one request, not one per few ids
            CONTEXT_RELS, rels=[Rel.IN_PROVINCE.value, Rel.OF_KIND.value],
            kinds=[Kind.UNIT.value, *BASE_KINDS]))

    def add_tasks(self, graph: nx.MultiDiGraph, rows: list[dict[str, Any]],
                  every: bool = False) -> nx.MultiDiGraph:
        """Add task rows, the units and other nodes they name that ``graph`` lacks, and
        every task relationship among the nodes now in ``graph``.

        ``every``: the rows are all or most tasks, so their relationships are read
        in one query rather than by id.
        """
        add_nodes(graph, rows)
        if every:
            add_edges(graph, self.runner.run(TASK_RELS, rels=list(TASK_REL_TYPES),
                                             task=Kind.TASK.value))
            return graph
        ids = [r["id"] for r in rows]
        leaving = self._run_ids(RELS_FROM, ids, rels=list(TASK_REL_TYPES))
        self.add_nodes_by_id(graph, (r["dst"] for r in leaving))
        add_edges(graph, leaving)
        add_edges(graph, self._run_ids(RELS_TO, ids, rels=[Rel.HAS_TASK, Rel.HAS_SUBTASK]))
        return graph

    # --- the part of the graph each question reads ---------------------------------------

    def stems_graph(self, ref: str, province: str | None = None,
                    year: int | str | None = None, unit: str | None = None
                    ) -> nx.MultiDiGraph:
        """What stems-from reads: the directive, the documents downstream of it, and the
        tasks of their plans that can lie in ``province`` (all when None)."""
        from policykg.queries.lineage import _province_set
        from policykg.queries.refs import resolve_document

        graph = self.base()
        root = self._resolved(graph, ref, lambda: resolve_document(
            graph, ref, province=province, year=year))
        if unit:
            self.add_units(graph)
        docs = [r["id"] for r in self.runner.run(
            STEMS_FROM_DOWNSTREAM, root=root, documents=[k.value for k in DOCUMENT_KINDS])]
        self.add_nodes_by_id(graph, docs)
        add_edges(graph, self._run_ids(RELS_FROM, docs, rels=list(_DOCUMENT_LINKS)))
        plans = [d for d in docs if graph.nodes[d].get("kind") == Kind.PLAN]
        wanted = _province_set(graph, province)
        if wanted:
            plans = self._plans_in(graph, plans, wanted)
        return self.add_tasks(graph, self._run_ids(STEMS_FROM_TASKS, plans))

    def _plans_in(self, graph: nx.MultiDiGraph, plans: list[str], wanted: set[str]
                  ) -> list[str]:
        """The ``plans`` some of whose tasks lie in ``wanted`` (as written or as merged
        today), a task lying in its own province, else its plan's."""
        from policykg.queries.common import in_provinces_id, node_province, province_id

        kept = set()
        for row in self._run_ids(PLAN_TASK_PROVINCES, plans):
            plan = row["plan"]
            pid = province_id(graph, row["own"]) or row["place"] or node_province(graph, plan)
            if in_provinces_id(graph, pid, wanted):
                kept.add(plan)
        return sorted(kept)

    def workload_graph(self, province: str | None = None, unit: str | None = None,
                       kind: str | None = None, collective: bool = True
                       ) -> nx.MultiDiGraph:
        """What workload reads: the units, the tasks of those it is asked about, and
        their plans with every document above them."""
        from policykg.queries.workload import _candidates

        graph = self.base()
        self.add_units(graph)
        chosen = [node for node, _ in _candidates(graph, province, unit, kind, collective)]
        roles = self._run_ids(UNIT_ROLES, chosen)
        add_nodes(graph, list({r["id"]: r for r in roles}.values()))
        add_edges(graph, [{"src": r["id"], "dst": r["unit"], "rel": r["rel"],
                           "props": r["rel_props"]} for r in roles])
        plans = {str(graph.nodes[r["id"]].get("plan")) for r in roles
                 if graph.nodes[r["id"]].get("plan")}
        self.add_documents_above(graph, plans)
        return graph

    def compare_graph(self, sides: list[str], as_of: str | date | None = None
                      ) -> nx.MultiDiGraph:
        """What compare reads: the plans (to find each province's), the compared plans'
        tasks with their units, and every document above those plans."""
        from policykg.queries.compare import _merged, _side_plans
        from policykg.queries.refs import UnknownReference, resolve_province

        graph = self.base()
        kinds = [Kind.PLAN.value, *BASE_KINDS]
        add_nodes(graph, self.runner.run(CONTEXT_NODES, kinds=[Kind.PLAN.value]))
        add_edges(graph, self.runner.run(CONTEXT_RELS, rels=[Rel.IN_PROVINCE.value],
                                         kinds=kinds))
        for text in sides:
            try:
                resolve_province(graph, text)
            except UnknownReference:  # a plan or document: its number's documents
                self._resolved(graph, text, lambda text=text: _side_plans(graph, text, False))
        merged = _merged(as_of)
        plans = [p for text in sides for p in _side_plans(graph, text, merged)[3]]
        self.add_documents_above(graph, plans)
        self.add_units(graph)
        return self.add_tasks(graph, self._run_ids(COMPARE_TASKS, plans))

    def _resolved(self, graph: nx.MultiDiGraph, ref: str, resolve: Any) -> Any:
        """``resolve()`` once the documents ``ref`` may name are in ``graph``; when it
        fails, again with every document, so the message lists the same suggestions."""
        from policykg.queries.refs import UnresolvedReference

        self.add_documents(graph, ref)
        try:
            return resolve()
        except UnresolvedReference:
            self.add_documents(graph, None)
            return resolve()

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
                                    options.get("year"), options.get("unit"))
        if question == "workload":
            return self.workload_graph(options.get("province"), options.get("unit"),
                                       options.get("kind"), options.get("collective", True))
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
                               year=year, unit=unit)
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

        return workload(self.graph_for("workload", **options), **options)

    def compare(self, sides: list[str], as_of: str | date | None = None) -> Any:
        from policykg.queries.compare import compare

        return compare(self.graph_for("compare", sides=sides, as_of=as_of), sides, as_of=as_of)

    def overlaps(self, **options: Any) -> Any:
        from policykg.queries.overlaps import overlaps

        return overlaps(self.graph_for("overlaps"), **options)

    def search(self, text: str, kinds: list[str] | None = None, limit: int = 20) -> list[Any]:
        from policykg.queries.search import search

        return search(self.graph_for("search"), text, kinds=kinds, limit=limit)

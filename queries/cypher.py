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
- search: how many nodes hold each query word (``SEARCH_WORD_COUNTS``), the nodes
  holding enough of the words (``SEARCH_HOLDING``; of a task only what search
  compares), the documents a reference in the query may name (as stems-from), then
  the tasks shown with their plans. The server compares the folded words the push
  writes on each node as ``search_words``; a database pushed before that property
  existed is searched by reading every node;
- overlaps reads the documents and places every answer names (the *context*) and
  of every task it scores only what it scores and shows (``OVERLAP_TASKS``: text,
  steps, number, place) and which nodes the task links (``OVERLAP_TASK_LINKS``,
  without the relationships' properties).

The rows are turned back into a graph with the embedded graph's attributes, and
the embedded question answers it, so both backends give the same result types,
field for field.

All values travel as parameters (``$root``, ``$ids``, ``$kinds`` …); labels and
relationship types in the query text come from :class:`Kind` and :class:`Rel`
only. A list parameter is sent in pieces that fit the server's request size.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import networkx as nx

from policykg.graph.neo4j import (
    KINDS,
    NODE_LABEL,
    RELS,
    SEARCH_WORDS,
    Capabilities,
    _Runner,
    add_edges,
    add_nodes,
    decode_properties,
)
from policykg.graph.searchtext import BODY_FIELDS, WORD, search_text
from policykg.graph.store import TaskMatch
from policykg.ontology.normalize import fold
from policykg.ontology.schema import DOCUMENT_KINDS, LINEAGE_RELS, Kind, Rel

__all__ = [
    "CONTEXT_NODES", "CONTEXT_RELS", "COMPARE_TASKS", "DOCUMENTS_NUMBERED", "NODES_BY_ID",
    "OVERLAP_FIELDS", "OVERLAP_TASKS", "OVERLAP_TASK_LINKS", "PLAN_TASK_PROVINCES",
    "RELS_FROM", "RELS_TO", "SEARCH_NODES",
    "SEARCH_HOLDING", "SEARCH_WORD_COUNTS", "SEARCHED_KINDS", "TASK_FIELDS", "DatabaseSearch",
    "STEMS_FROM_DOWNSTREAM", "STEMS_FROM_TASKS", "UNIT_ROLES", "UNITS",
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

# What overlaps reads of a task: its text and steps (scored), where it lies and its
# number (shown), and what decodes them; not its quote, deadlines, outputs or words.
OVERLAP_FIELDS: tuple[str, ...] = ("kind", "plan", "number", "text", "steps", "province",
                                   "_json", "_nulls", "_empty")

# Every task (overlaps are scored on all of them, or a province's), OVERLAP_FIELDS only.
OVERLAP_TASKS = f"""\
MATCH (t:{_N}) WHERE t.kind = $task
RETURN t.id AS id, {{{", ".join(f"{f}: t.{f}" for f in OVERLAP_FIELDS)}}} AS props"""

# The relationships $rels of every task, without their properties (overlaps reads
# only which nodes they link: sub-tasks, plans, places, units and topics).
OVERLAP_TASK_LINKS = f"""\
MATCH (a:{_N})-[r]->(b:{_N})
WHERE type(r) IN $rels AND (a.kind = $task OR b.kind = $task)
RETURN a.id AS src, b.id AS dst, type(r) AS rel, {{rel: r.rel, _nxkey: r._nxkey}} AS props"""

# The nodes search looks through (every one, in a database pushed without their
# search words).
SEARCH_NODES = CONTEXT_NODES

# The kinds search finds (every node of them is counted in ranking its words).
SEARCHED_KINDS: tuple[str, ...] = tuple(k.value for k in (
    Kind.PLAN, Kind.DOCUMENT, Kind.UNIT, Kind.TASK, Kind.TOPIC, Kind.PROVINCE))
# What search compares of a task (and where it belongs), not the whole task.
TASK_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(("plan", "_json", *BODY_FIELDS)))

# How many nodes of the kinds $kinds hold each of the words $words (each word once),
# and, in the row whose word is null, how many there are and how many of them carry
# their search words (a node without any names $derived among its empty lists).
SEARCH_WORD_COUNTS = f"""\
MATCH (n:{_N}) WHERE n.kind IN $kinds
UNWIND [null] + [w IN $words WHERE w IN n.{SEARCH_WORDS}] AS word
RETURN word, count(*) AS nodes,
       count(CASE WHEN n.{SEARCH_WORDS} IS NOT NULL OR $derived IN coalesce(n._empty, [])
             THEN 1 END) AS indexed"""

# The nodes of the kinds $kinds holding at least $need of the words $words (repeats
# counted): which of them each holds, and of a task the values of TASK_FIELDS (a list,
# to send less), of another node all its properties.
SEARCH_HOLDING = f"""\
MATCH (n:{_N}) WHERE n.kind IN $kinds
WITH n, [w IN $words WHERE w IN n.{SEARCH_WORDS}] AS held
WHERE size(held) >= $need
RETURN n.id AS id, n.kind AS kind, held,
       CASE WHEN n.kind = $task THEN [{", ".join(f"n.{f}" for f in TASK_FIELDS)}] END AS fields,
       CASE WHEN n.kind <> $task THEN properties(n) END AS props"""

QUESTIONS: dict[str, str] = {
    "context (nodes)": CONTEXT_NODES, "context (relationships)": CONTEXT_RELS,
    "stems-from: downstream documents": STEMS_FROM_DOWNSTREAM,
    "stems-from: documents of a number": DOCUMENTS_NUMBERED,
    "stems-from: provinces of each plan's tasks": PLAN_TASK_PROVINCES,
    "stems-from: their tasks": STEMS_FROM_TASKS, "workload: units": UNITS,
    "workload: roles of units": UNIT_ROLES, "workload: plans and documents above": UPSTREAM,
    "workload: every task": WORKLOAD_TASKS,
    "compare: tasks of the plans": COMPARE_TASKS, "overlaps: tasks": OVERLAP_TASKS,
    "overlaps: links of every task": OVERLAP_TASK_LINKS,
    "search: nodes": SEARCH_NODES, "search: nodes holding each word": SEARCH_WORD_COUNTS,
    "search: nodes holding the words": SEARCH_HOLDING, "relationships from nodes": RELS_FROM,
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

    def add_tasks(self, graph: nx.MultiDiGraph, rows: list[dict[str, Any]]
                  ) -> nx.MultiDiGraph:
        """Add task rows, the units and other nodes they name that ``graph`` lacks, and
        every task relationship among the nodes now in ``graph``."""
        add_nodes(graph, rows)
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
                       kind: str | None = None, collective: bool = True,
                       directive: str | None = None,
                       plans: str | Iterable[str] | None = None) -> nx.MultiDiGraph:
        """What workload reads: the units, the tasks of those it is asked about, and
        their plans with every document above them (and the documents ``directive`` and
        ``plans`` name, so a name without tasks here is told apart from an unknown one)."""
        from policykg.queries.refs import resolve_document
        from policykg.queries.workload import _candidates

        graph = self.base()
        self.add_units(graph)
        chosen = [node for node, _ in _candidates(graph, province, unit, kind, collective)]
        roles = self._run_ids(UNIT_ROLES, chosen)
        add_nodes(graph, list({r["id"]: r for r in roles}.values()))
        add_edges(graph, [{"src": r["id"], "dst": r["unit"], "rel": r["rel"],
                           "props": r["rel_props"]} for r in roles])
        held = {str(graph.nodes[r["id"]].get("plan")) for r in roles
                if graph.nodes[r["id"]].get("plan")}
        self.add_documents_above(graph, held)
        named = [plans] if isinstance(plans, str) else list(plans or [])
        for ref in filter(None, [directive, *named]):
            self._resolved(graph, ref,
                           lambda ref=ref: resolve_document(graph, ref, province=province))
        return graph

    def compare_graph(self, sides: list[str], as_of: str | date | None = None,
                      directive: str | None = None) -> nx.MultiDiGraph:
        """What compare reads: the plans (to find each province's), the compared plans'
        tasks with their units, and every document above those plans (and the documents
        ``directive`` may name)."""
        from policykg.queries.compare import _merged, _side_plans
        from policykg.queries.refs import UnknownReference, resolve_document, resolve_province

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
        if directive:
            self._resolved(graph, directive, lambda: resolve_document(graph, directive))
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
        """What overlaps reads: the documents, places, units and topics its answer names,
        every task's text, steps, number and place, and which nodes each task links."""
        graph = self.context()
        rows = self.runner.run(OVERLAP_TASKS, task=Kind.TASK.value)
        add_nodes(graph, [{"id": r["id"], "props": _projected(r["props"], OVERLAP_FIELDS)}
                          for r in rows])
        add_edges(graph, self.runner.run(OVERLAP_TASK_LINKS, rels=list(TASK_REL_TYPES),
                                         task=Kind.TASK.value))
        return graph

    def search_source(self, text: str | Iterable[str] = "",
                      kinds: Iterable[str] | None = None, limit: int = 20) -> Any:
        """What search reads for ``text``: a :class:`DatabaseSearch` holding the nodes
        and tasks that hold enough of the query's words, the documents a reference in
        it may name, the places, topics and unit kinds, and how many nodes hold each
        word; or the whole search graph (:meth:`search_graph`) when some nodes lack
        their search words (a database pushed before they were written). Nothing is read
        for a query without words or of an unknown kind (the search then answers or
        refuses it as the embedded one does)."""
        from policykg.queries.search import _kinds, _Ranking, _store_ranking

        text = text if isinstance(text, str) else " ".join(text)
        try:
            wanted = _kinds(list(kinds or ()) or None)
        except ValueError:
            return nx.MultiDiGraph()
        query = fold(text)
        words = WORD.findall(query)
        if not words:
            return nx.MultiDiGraph()
        rows = self.runner.run(SEARCH_WORD_COUNTS, kinds=list(SEARCHED_KINDS),
                               words=list(dict.fromkeys(words)), derived=SEARCH_WORDS)
        every = next((r for r in rows if r["word"] is None), {"nodes": 0, "indexed": 0})
        if every["indexed"] < every["nodes"]:
            return self.search_graph()
        counts = {r["word"]: r["nodes"] for r in rows if r["word"] is not None}
        graph = self.base()
        need = _Ranking(query, words, counts, 1).need
        known = [w for w in words if w in counts]  # a word no node holds finds none
        found: list[TaskMatch] = []
        kinds_read = [k for k in SEARCHED_KINDS if k in wanted and k not in BASE_KINDS]
        if kinds_read and len(known) >= need:
            held = self.runner.run(SEARCH_HOLDING, words=known, need=need,
                                   task=Kind.TASK.value, kinds=kinds_read)
            found = _task_matches([r for r in held if r["kind"] == Kind.TASK], query)
            others = [r for r in held if r["kind"] != Kind.TASK and r["id"] not in graph]
            add_nodes(graph, others)
            add_edges(graph, self._run_ids(RELS_FROM, [r["id"] for r in others],
                                           rels=[Rel.IN_PROVINCE.value]))
        if re.search(r"\d", text):  # the documents a reference may name, ranked first
            self.add_documents(graph, text)
        source = DatabaseSearch(graph, every["nodes"], counts, found)
        ranked = _store_ranking(source, text, wanted, limit)
        if ranked is not None:
            source.shown = self.with_tasks(graph, [n for n in ranked.shown if n not in graph])
        return source

    def with_tasks(self, graph: nx.MultiDiGraph, tasks: list[str]) -> nx.MultiDiGraph:
        """A copy of ``graph`` with the tasks ``tasks`` and what names their place: the
        province they lie in and the plan holding them (through the tasks above a
        sub-task that does not name its plan), with the plan's province."""
        if not tasks:
            return graph
        graph = graph.copy()
        add_nodes(graph, self._run_ids(NODES_BY_ID, tasks))
        plans = self.add_nodes_by_id(graph, (str(graph.nodes[t].get("plan")) for t in tasks
                                             if graph.nodes[t].get("plan")))
        add_edges(graph, self._run_ids(RELS_FROM, [*tasks, *plans],
                                       rels=[Rel.IN_PROVINCE.value]))
        holders = [Rel.HAS_TASK.value, Rel.HAS_SUBTASK.value]
        unplaced = [t for t in tasks if graph.nodes[t].get("plan") not in graph]
        while unplaced:
            rows = self._run_ids(RELS_TO, unplaced, rels=holders)
            above = self.add_nodes_by_id(graph, (r["src"] for r in rows))
            add_edges(graph, self._run_ids(RELS_FROM, above, rels=[Rel.IN_PROVINCE.value]))
            add_edges(graph, rows)
            unplaced = [t for t in above if graph.nodes[t].get("kind") == Kind.TASK
                        and graph.nodes[t].get("plan") not in graph]
        return graph

    def search_graph(self) -> nx.MultiDiGraph:
        """Every node, with the relationships search reads."""
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
                                       options.get("kind"), options.get("collective", True),
                                       options.get("directive"), options.get("plans"))
        if question == "compare":
            return self.compare_graph(list(options["sides"]), options.get("as_of"),
                                      options.get("directive"))
        if question == "overlaps":
            return self.overlaps_graph()
        if question == "search":
            return self.search_source(options.get("text") or "", options.get("kinds"),
                                      options.get("limit") or 20)
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

    def compare(self, sides: list[str], as_of: str | date | None = None,
                directive: str | None = None) -> Any:
        from policykg.queries.compare import compare

        return compare(self.graph_for("compare", sides=sides, as_of=as_of, directive=directive),
                       sides, as_of=as_of, directive=directive)

    def overlaps(self, **options: Any) -> Any:
        from policykg.queries.overlaps import overlaps

        return overlaps(self.graph_for("overlaps"), **options)

    def search(self, text: str, kinds: list[str] | None = None, limit: int = 20) -> list[Any]:
        from policykg.queries.search import search

        return search(self.graph_for("search", text=text, kinds=kinds, limit=limit), text,
                      kinds=kinds, limit=limit)


def _projected(props: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """Properties read as a map of ``fields``: those the node has, its lists of null,
    empty and JSON-encoded properties cut to ``fields`` (so decoding them adds none)."""
    found = {k: v for k, v in props.items() if v is not None}
    for meta in ("_json", "_nulls", "_empty"):
        if meta in found:
            found[meta] = [k for k in found[meta] if k in fields]
    return found


def _task_matches(rows: list[dict[str, Any]], phrase: str) -> list[TaskMatch]:
    """The tasks of ``rows`` (:data:`SEARCH_HOLDING`) as a store's search finds them:
    whether the folded body and head of each hold the whole query ``phrase``."""
    found = []
    for row in rows:
        props = decode_properties({k: v for k, v in zip(TASK_FIELDS, row["fields"], strict=True)
                                   if v is not None})
        head, body = search_text(props)
        found.append(TaskMatch(row["id"], str(props.get("plan") or row["id"]),
                               frozenset(row["held"]), phrase in body, phrase in head))
    return found


class DatabaseSearch:
    """What a search read from the database, answering as a store does for
    :func:`~policykg.queries.search.search` (``skeleton``, ``search_counts``,
    ``search_tasks``, ``subgraph``), for the one query it was read for.

    Its skeleton holds the nodes other than tasks that the query can find or name;
    every other node searched is counted as a store counts its tasks, so words weigh
    what they weigh over the whole graph. It reads nothing itself: the command line
    closes the connection before it answers.
    """

    def __init__(self, graph: nx.MultiDiGraph, nodes: int, counts: dict[str, int],
                 found: list[TaskMatch]):
        self.graph_read = graph
        self.nodes = nodes  # every node searched
        self.counts = counts  # the nodes holding each word
        self.found = found
        self.shown = graph

    def skeleton(self) -> nx.MultiDiGraph:
        return self.graph_read

    def search_counts(self, words: Iterable[str]) -> tuple[int, dict[str, int]]:
        """(how many nodes searched the skeleton lacks, how many of them hold each of
        ``words``)."""
        from policykg.queries.search import _index

        index = _index(self.graph_read)
        inside = index.df(list(words))
        outside = {w: self.counts[w] - inside.get(w, 0) for w in dict.fromkeys(words)
                   if w in self.counts}
        return (self.nodes - len(index.entries),
                {w: count for w, count in outside.items() if count > 0})

    def search_tasks(self, words: list[str], phrase: str, need: int, limit: int,
                     counts: dict[str, int]) -> list[TaskMatch]:
        """Every task holding enough of the query's words: more than the store gives
        (``limit`` per set of words held), among which the same best ones."""
        return self.found if limit > 0 else []

    def subgraph(self, plans: Iterable[str] = ()) -> nx.MultiDiGraph:
        """The skeleton with the tasks shown (whatever ``plans`` they are in)."""
        return self.shown

    def graph(self) -> nx.MultiDiGraph:
        """What was read (asked for only when the skeleton changed meanwhile, which it
        never does here)."""
        return self.shown

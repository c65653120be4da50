"""The embedded persistent store: one SQLite file holding plans, files and the graph.

SQLite ships with Python, gives atomic transactions and keeps everything as data
(JSON text), never as code. The file holds

- ``meta``: the format version (a store of another version is refused with a
  message saying how to rebuild it) and a generation counter;
- ``files``: every file ingested — path, sha256, the plan it gave and its status
  (``ingested``, ``skipped`` with the reason, ``skipped for now`` when the cause lies
  outside the file and the next ingest reads it again, ``superseded`` when another
  file gave the same plan later, or gave it from text when this one was read by OCR;
  the reason of a file read by OCR names the OCR and its confidence);
- ``plans``: each plan as read, in three zlib-compressed JSON parts: ``head``
  (number, dates, issuer, references: what identities are resolved from),
  ``data`` (tasks, units and the rest) and ``lines`` (the text, kept for display);
- ``fragments``: what each plan's tasks add to shared nodes (units, organisations,
  topics), see :class:`policykg.graph.build.Fragment`;
- ``nodes`` / ``edges``: the graph built from all plans, in blocks of compressed
  JSON — one block of shared nodes and edges (``*``) and one block per plan (its
  tasks and their edges) — so opening a store reads the graph back without parsing
  anything, and an ingest rewrites only the shared block and the changed plans'.
  A query may read only part of it: :meth:`Store.skeleton` (the shared block) and
  :meth:`Store.subgraph` (the skeleton plus the blocks of the plans it names);
- ``touches``: for each plan block, the nodes outside it that its edges reach (the
  plan node, units, topics), so the blocks a question needs are found without
  decoding any (:meth:`Store.blocks_touching`);
- ``task_rows`` / ``unit_tasks`` / ``unit_buckets``: one row per task of each live
  plan block, one per (unit, plan, role) with its tasks and one per (unit, plan, role,
  deadline bucket) with their count, read from the block (:mod:`policykg.graph.taskrows`), so
  stems-from, workload, compare and due over thousands of plans read indexed rows instead
  of decoding blocks (:meth:`Store.task_rows`, :meth:`Store.unit_roles`); ``names``
  numbers the plan and unit ids they share, ``task_blocks`` says which blocks have
  their rows; ``unit_totals`` sums ``unit_buckets`` over the plans, kept as plans come
  and go, so a province's deadline buckets are a few thousand rows, not 100,000;
- ``search_rows`` / ``search_words``: each task's folded head and body
  (:mod:`policykg.graph.searchtext`) and a full-text index of its words, so a search
  over millions of tasks reads no block (:meth:`Store.search_tasks`).

A store of format 2, 3, 4 or 5 lacks some of these and is brought to format 6 by its
next write.

Writes are atomic: one ingest (or forget) is one transaction, and the graph is
rebuilt inside it, so a crash, Ctrl-C or kill leaves the previous store intact.
An ingest parses only new and changed files; identities are resolved again over
every plan's head and the shared block is rebuilt from the stored fragments, but
an unchanged plan's fragment and block are reused (recomputed only when its node
id changes).
One writer at a time: a second gets :class:`StoreBusy` ("store is busy …")
after a short wait; readers are never blocked (write-ahead log).

Identity on ingest: a file is known by its absolute path. An unchanged file (same
path, same sha256, same policykg version) is not parsed again; a changed file's
plan replaces the old one. Two files giving the same plan (same :attr:`Plan.id`)
are the same plan: the file ingested last wins and the report says so.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import itertools
import json
import math
import operator
import os
import sqlite3
import stat
import threading
import weakref
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx

from policykg import __version__
from policykg.graph.build import (
    FRAGMENT_VERSION,
    Fragment,
    add_bulk,
    assemble,
    gc_paused,
    plan_fragment,
    with_committee,
)
from policykg.graph.identity import match_key
from policykg.graph.searchtext import block_texts, words_of
from policykg.graph.taskrows import (
    UNIT_SEPARATOR,
    LineageRow,
    RoleRow,
    TaskRow,
    block_rows,
    quote_of,
    stored_quote,
)
from policykg.loaders.model import Plan
from policykg.loaders.ocr import read_by
from policykg.ontology.normalize import fold
from policykg.ontology.schema import Kind

__all__ = [
    "FORMAT_VERSION",
    "DEFAULT_STORE",
    "Store",
    "StoreError",
    "StoreBusy",
    "UnitRoles",
    "IngestReport",
    "PreparedPlan",
    "TaskMatch",
    "prepare_plan",
    "open_store",
    "default_store_path",
    "plan_record",
    "task_records",
]

FORMAT_VERSION = 6
# a store of these formats is brought to FORMAT_VERSION by a write (format 5 lacks only
# ``unit_totals``, summed from its rows; the others have every row read again)
_UPGRADABLE = ("2", "3", "4", "5")
DEFAULT_STORE = os.path.join(".policykg", "store.db")
# a file skipped for a cause outside it (a time bound, OCR not available): read again
_SKIPPED_FOR_NOW = "skipped for now"
_BY_OCR = "read by OCR: "  # how the reason of a file read by OCR begins
# the node attributes stats counts by (kind, and province with its name or label)
_COUNTED = ("kind", "province", "name", "label")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, sha256 TEXT, plan_id TEXT, status TEXT NOT NULL,
    reason TEXT, version TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS plans (
    plan_id TEXT PRIMARY KEY, path TEXT NOT NULL, node_id TEXT,
    head BLOB NOT NULL, data BLOB NOT NULL, lines BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS plans_path ON plans(path);
CREATE INDEX IF NOT EXISTS plans_node ON plans(node_id);
CREATE TABLE IF NOT EXISTS fragments (plan_id TEXT PRIMARY KEY, version TEXT NOT NULL,
    node_id TEXT NOT NULL, ops BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (seq INTEGER PRIMARY KEY, block TEXT UNIQUE NOT NULL,
    live INTEGER NOT NULL, count INTEGER NOT NULL, attrs BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS edges (seq INTEGER PRIMARY KEY, block TEXT UNIQUE NOT NULL,
    live INTEGER NOT NULL, count INTEGER NOT NULL, attrs BLOB NOT NULL);
"""
# the nodes outside a plan's block that its edges reach (plan node, units, topics), so a
# query finds the blocks it needs without decoding any; written and removed with the block
_TOUCHES_SCHEMA = """
CREATE TABLE IF NOT EXISTS touches (block TEXT NOT NULL, node TEXT NOT NULL,
    PRIMARY KEY (block, node)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS touches_node ON touches(node);
"""
# per-task rows of the live plan blocks (see policykg.graph.taskrows); ``plan`` and ``unit``
# are ids in ``names``; a block's rows are written and removed with it. ``unit_tasks``
# joins a unit's tasks in one plan and role (their ids within the plan, sorted). A row's ``file`` is
# NULL when it is its block's (``task_blocks.file``) and '' when it has none; its ``quote``
# is kept as :func:`~policykg.graph.taskrows.stored_quote` gives it.
_ROWS_SCHEMA = """
CREATE TABLE IF NOT EXISTS names (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL);
CREATE TABLE IF NOT EXISTS task_blocks (block TEXT PRIMARY KEY,
    plan INTEGER UNIQUE NOT NULL, provinces TEXT NOT NULL, file TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS task_rows (plan INTEGER NOT NULL, seq INTEGER NOT NULL,
    task TEXT NOT NULL, number TEXT, text TEXT, province TEXT, deadline TEXT,
    bucket TEXT NOT NULL, file TEXT, line_start INTEGER, line_end INTEGER, quote TEXT,
    name TEXT NOT NULL, lead TEXT NOT NULL, support TEXT NOT NULL, chain TEXT,
    topics TEXT NOT NULL, targets TEXT, start INTEGER, end INTEGER, date TEXT,
    recurrence TEXT, PRIMARY KEY (plan, seq));
CREATE TABLE IF NOT EXISTS unit_tasks (unit INTEGER NOT NULL, plan INTEGER NOT NULL,
    lead INTEGER NOT NULL, tasks TEXT NOT NULL, PRIMARY KEY (unit, plan, lead)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS unit_tasks_plan ON unit_tasks(plan);
CREATE TABLE IF NOT EXISTS unit_buckets (unit INTEGER NOT NULL, plan INTEGER NOT NULL,
    lead INTEGER NOT NULL, bucket TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (unit, plan, lead, bucket)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS unit_buckets_plan ON unit_buckets(plan);
CREATE TABLE IF NOT EXISTS unit_totals (unit INTEGER NOT NULL, lead INTEGER NOT NULL,
    bucket TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (unit, lead, bucket)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_rows (id INTEGER PRIMARY KEY, plan INTEGER NOT NULL,
    node TEXT NOT NULL, head_len INTEGER NOT NULL, head TEXT, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS search_rows_plan ON search_rows(plan);
CREATE VIRTUAL TABLE IF NOT EXISTS search_words USING fts5(words, content='', detail=none,
    tokenize="ascii tokenchars '&'");
CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search_words, 'row');
"""
# ``search_rows`` keep each task's folded body, and its head as ``head_len`` leading
# characters of the body when it is one (else in ``head``); ``search_words`` indexes the
# body's words under the row's id and keeps no copy of them (a row's words are read
# again from its body to remove them), so its word rule is part of the format
_ROW_TABLES = {"touches", "names", "task_blocks", "task_rows", "unit_tasks", "unit_buckets",
               "unit_totals", "search_rows", "search_words"}
# The task rows whose deadline may fall in a year (bound six times): a recurring duty not
# ended before it nor started after, a date in it (or not written as ISO), a span meeting
# it. What ``due`` counts, kept by SQLite so the rows of tasks due at other times are not read.
_IN_YEAR = (
    " AND (coalesce(t.recurrence, '') != '' AND (t.start IS NULL OR t.start <= ?)"
    " AND (t.end IS NULL OR t.end >= ?)"
    " OR coalesce(t.recurrence, '') = '' AND coalesce(t.date, '') != ''"
    " AND (substr(t.date, 1, 4) NOT GLOB '[0-9][0-9][0-9][0-9]'"
    " OR CAST(substr(t.date, 1, 4) AS INTEGER) = ?)"
    " OR coalesce(t.recurrence, '') = '' AND coalesce(t.date, '') = ''"
    " AND coalesce(t.start, t.end) <= ? AND coalesce(t.end, 9999) >= ?)")
# The task rows of the plans named in a JSON list (one parameter), without and with their
# blocks (a row's file is its block's when NULL, none when '').
_TASKS_OF_PLANS = ("FROM names n JOIN task_rows t ON t.plan = n.id "
                   "WHERE n.name IN (SELECT value FROM json_each(?))")
_ROWS_OF_PLANS = ("FROM names n JOIN task_blocks b ON b.plan = n.id "
                  "JOIN task_rows t ON t.plan = n.id "
                  "WHERE n.name IN (SELECT value FROM json_each(?))")
_FILE_OF_ROW = "CASE WHEN t.file IS NULL THEN b.file WHEN t.file = '' THEN NULL ELSE t.file END"
_SEQ = operator.itemgetter(0)  # a TaskRow's place in its plan
_LINEAGE_SEQ = operator.itemgetter(1)  # a LineageRow's place in its plan
_TABLES = {"meta", "files", "plans", "fragments", "nodes", "edges"}
# a fragment is reused only by the code (and ontology tables) that computed it
_FRAGMENT_STAMP = f"{FRAGMENT_VERSION}/{__version__}"
SHARED_BLOCK = "*"  # the block of shared nodes and edges; the others are named by plan id
# the parts of a plan identities are resolved from (the rest is in ``data``)
_HEAD_FIELDS = ("id", "source", "doctype", "number", "symbol", "date", "place", "province",
                "province_evidence", "issuer", "parent_issuer", "title", "signer",
                "signer_capacity", "references", "links")


class StoreError(Exception):
    """The store cannot be used as asked; the message says why and what to do."""


class StoreBusy(StoreError):
    """Another process is writing to the store."""


def default_store_path() -> str:
    """``$POLICYKG_STORE`` when set, else ``./.policykg/store.db``."""
    return os.environ.get("POLICYKG_STORE") or DEFAULT_STORE


class TaskTally(NamedTuple):
    """The tasks of some plans as a comparison counts them: how many share each (lead unit
    ids, topic ids) pair; and each task's ``targets``, for the tasks that have some, plan
    by plan (in id order) in reading order."""

    groups: list[tuple[tuple[str, ...], tuple[str, ...], int]]
    targets: list[tuple[str, list[Any]]]


@dataclass
class IngestReport:
    """What one ingest did. ``plans``/``tasks``/``units``/``references`` count what
    was read in this run (unchanged files are not read again)."""

    ingested: list[tuple[str, str]] = field(default_factory=list)  # (path, plan id)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    ocr: list[tuple[str, str]] = field(default_factory=list)  # (path, OCR and confidence)
    replaced: list[tuple[str, str, str]] = field(default_factory=list)  # (plan, old, new path)
    # a plan read by OCR that another file gave from text: (plan, file kept, scan left)
    kept: list[tuple[str, str, str]] = field(default_factory=list)
    # one document given by plans of several files: (node id, file kept, other files)
    duplicates: list[tuple[str, str, list[str]]] = field(default_factory=list)
    plans: int = 0
    tasks: int = 0
    units: int = 0
    references: int = 0
    nodes: int = 0
    edges: int = 0

    @property
    def ok(self) -> bool:
        """True when no file was skipped."""
        return not self.skipped

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": [{"file": p, "plan": i} for p, i in self.ingested],
            "unchanged": list(self.unchanged),
            "skipped": [{"file": p, "reason": r} for p, r in self.skipped],
            "ocr": [{"file": p, "ocr": o} for p, o in self.ocr],
            "replaced": [{"plan": i, "old_file": o, "new_file": n} for i, o, n in self.replaced],
            "kept": [{"plan": i, "kept": k, "scan": n} for i, k, n in self.kept],
            "duplicates": [{"node": n, "kept": k, "also": a} for n, k, a in self.duplicates],
            "read": {"plans": self.plans, "tasks": self.tasks, "units": self.units,
                     "references": self.references},
            "graph": {"nodes": self.nodes, "edges": self.edges},
        }


Loader = Callable[..., Iterable[Any]]


def _default_loader(paths: list[str], on_progress: Callable[..., None] | None = None, *,
                    jobs: int | None = 1) -> Iterable[Any]:
    """Read ``paths`` in ``jobs`` worker processes (None: one per core); each worker
    also turns its plans into stored rows (:func:`prepare_plan`), so the parent only
    writes them."""
    from policykg.loaders.batch import load_paths

    return load_paths(paths, on_progress=on_progress, jobs=jobs, prepare=prepare_plan)


class UnitRoles(NamedTuple):
    """A unit's part in the stored tasks. ``plans`` holds ``(unit number, plan number,
    leads, local ids)`` groups as SQLite gives them: the plan as its number, named in
    ``plan_names`` (one mapping for every unit, so a province's ~100,000 groups are not
    each renamed), the local ids of the plan's tasks joined by UNIT_SEPARATOR
    (:class:`PackedTaskIds` spells them out when they are read); ``buckets`` holds
    ``(deadline bucket, leads, task count)`` ones."""

    plans: list[tuple[int, int, int, str]]
    buckets: list[tuple[str, bool, int]]
    plan_names: dict[int, str]


class TaskMatch(NamedTuple):
    """A task a search finds (:meth:`Store.search_tasks`): which of the query's words
    its body holds, and whether its body and head hold the whole query."""

    task: str
    plan: str
    words: frozenset[str]
    in_body: bool
    in_head: bool


# a query whose word sets (see Store.search_tasks) are more is answered row by row
_MAX_WORD_SETS = 32


def _fts_term(word: str) -> str:
    """``word`` as one quoted term of a full-text query."""
    return '"' + word.replace('"', '""') + '"'


def _by_plan(pairs: Iterable[tuple[str, Any]], seq: Callable[[Any], int]
             ) -> dict[str, list[Any]]:
    """``(plan, row)`` pairs as each plan's rows, sorted by ``seq``: SQLite gives them plan
    by plan and in order already, so each plan's list is found once per run and sorted in
    one pass (sorting them all cost a third of reading them)."""
    found: dict[str, list[Any]] = {}
    current, rows = None, []
    for plan, row in pairs:
        if plan != current:
            rows = found.get(plan)
            if rows is None:
                rows = found[plan] = []
            current = plan
        rows.append(row)
    for rows in found.values():
        rows.sort(key=seq)
    return found


def _real_path(file: str, folders: dict[str, str]) -> str:
    """``file`` as ``os.path.realpath`` gives it, each folder resolved once (in
    ``folders``): resolving every file one path component at a time took ~5 CPU s of
    a re-ingest of 100,000 unchanged files."""
    folder, name = os.path.split(os.path.abspath(file))
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = os.path.realpath(folder)
    path = os.path.join(real, name)
    return os.path.realpath(path) if os.path.islink(path) else path


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class PreparedPlan:
    """A plan turned into the rows the store keeps: compressed documents, its
    fragment and its graph block. It depends on the plan alone, so a loader may
    compute it in a worker process (:func:`prepare_plan`) and hand it to
    :meth:`Store.ingest_plans` or return it as the ``plan`` of a ``Loaded``."""

    plan_id: str
    path: str
    sha256: str
    tasks: int
    units: int
    references: int
    head: bytes
    data: bytes
    lines: bytes
    node: str  # the plan node id the fragment was computed for
    ops: bytes
    nodes: bytes
    edges: bytes
    node_count: int
    edge_count: int
    touches: tuple[str, ...] = ()  # nodes outside the block that its edges reach
    # the block's task and role rows (:func:`policykg.graph.taskrows.block_rows`)
    rows: tuple[str | None, list[TaskRow], list[RoleRow]] | None = None
    # each task's search text (:func:`policykg.graph.searchtext.block_texts`)
    texts: list[tuple[str, str, str]] | None = None
    # how the text was read when not from a text layer: the OCR and its confidence
    ocr: str | None = None


def prepare_plan(plan: Plan) -> PreparedPlan:
    """The stored form of ``plan`` (see :class:`PreparedPlan`), a steering committee's
    plan named by its committee (:func:`~policykg.graph.build.with_committee`)."""
    with gc_paused():
        plan = with_committee(plan)
        head, rest, lines = _split_plan(plan)
        frag = plan_fragment(plan)
        return PreparedPlan(
            plan_id=plan.id, path=plan.source.path, sha256=plan.source.sha256,
            tasks=len(plan.tasks), units=len(plan.units), references=len(plan.references),
            head=_pack(head), data=_pack(rest), lines=_pack(lines), node=frag.node,
            ops=_pack({"scope": frag.scope, "ops": frag.ops}), nodes=_pack(frag.nodes),
            edges=_pack(frag.edges), node_count=len(frag.nodes), edge_count=len(frag.edges),
            touches=_touches(frag.nodes, frag.edges), rows=block_rows(frag.nodes, frag.edges),
            texts=block_texts(frag.nodes), ocr=read_by(plan.source.encoding))


def _touches(nodes: list[list[Any]], edges: list[list[Any]]) -> tuple[str, ...]:
    """The nodes outside a plan's block that the block's edges reach."""
    own = {item[0] for item in nodes}
    return tuple(sorted({end for edge in edges for end in edge[:2] if end not in own}))


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields_of(value: Any) -> dict[str, Any]:
    """A dataclass as a (shallow) dict: the JSON encoder walks the rest in C, giving
    what :func:`dataclasses.asdict` gives without its deep copies."""
    kind = type(value)
    names = _FIELDS.get(kind)
    if names is None:
        if not dataclasses.is_dataclass(value):
            raise TypeError(f"cannot store a {kind.__name__}")
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
    return {name: getattr(value, name) for name in names}


def _pack(value: Any) -> bytes:
    """Compressed JSON: the form every stored document and graph block takes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_fields_of)
    return zlib.compress(text.encode("utf-8"), 1)


def _packed(blob: Any) -> bool:
    """Whether ``blob`` starts like a zlib stream (a cheap check of a row not decoded)."""
    return (isinstance(blob, bytes) and len(blob) > 2 and blob[0] & 0x0F == 8
            and ((blob[0] << 8) | blob[1]) % 31 == 0)


def _unpack_text(blob: Any) -> str:
    if not isinstance(blob, bytes):
        raise ValueError("not a compressed document")
    return zlib.decompress(blob).decode("utf-8")


def _unpack(blob: Any) -> Any:
    return json.loads(_unpack_text(blob))


def _keep(conn: sqlite3.Connection, table: str, names: Iterable[str]) -> None:
    """Fill the temporary table ``table`` with the numbers of the node ids ``names``."""
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY)")
    conn.execute(f"DELETE FROM temp.{table}")
    conn.execute(f"INSERT INTO temp.{table} SELECT id FROM names WHERE name IN "
                 "(SELECT value FROM json_each(?))", (json.dumps(_ids(names)),))


_FIRST = operator.itemgetter(0)


def _ids(values: Iterable[str] | str) -> list[str]:
    """Node ids asked for: one id or many; anything that is not a string is ignored."""
    if isinstance(values, str):
        return [values]
    return sorted({v for v in values if isinstance(v, str)})


def _extend(base: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, tuple[set[str], set[str]]]:
    """A graph holding ``base``'s nodes and edges that grows (:func:`_add_items`) without
    changing ``base``, and the record of what it owns: at first it shares every dict
    with ``base``; a node's adjacency map is copied when an edge is added to it."""
    graph = nx.MultiDiGraph()
    graph._node.update(base._node)
    graph._succ.update(base._succ)
    graph._pred.update(base._pred)
    nx.utils.misc._clear_cache(graph)
    return graph, (set(), set())


def _add_items(graph: nx.MultiDiGraph, nodes: Iterable[Any], edges: Iterable[Any],
               owned: tuple[set[str], set[str]]) -> None:
    """:func:`~policykg.graph.build.add_bulk` for a graph made by :func:`_extend`: the
    same result, but no dict shared with the base graph is changed: a node's adjacency
    map is copied before its first change (``owned`` records those copied or new), and
    a node or edge already present gets a merged copy of its attribute dict."""
    node, succ, pred = graph._node, graph._succ, graph._pred
    own_succ, own_pred = owned
    for n, attrs in nodes:
        if type(attrs) is not dict:
            raise TypeError(f"attributes of node {n!r} are not a mapping")
        old = node.get(n)
        if old is None:
            node[n], succ[n], pred[n] = attrs, {}, {}
            own_succ.add(n)
            own_pred.add(n)
        else:
            node[n] = {**old, **attrs}
    for u, v, key, attrs in edges:
        if type(attrs) is not dict:
            raise TypeError(f"attributes of edge {u!r} → {v!r} are not a mapping")
        for end in (u, v):
            if end not in node:
                node[end], succ[end], pred[end] = {}, {}, {}
                own_succ.add(end)
                own_pred.add(end)
        if u in own_succ:
            out = succ[u]
        else:
            out = succ[u] = dict(succ[u])
            own_succ.add(u)
        if v in own_pred:
            into = pred[v]
        else:
            into = pred[v] = dict(pred[v])
            own_pred.add(v)
        keyed = out.get(v)
        if keyed is None:
            out[v] = into[u] = {key: attrs}
        else:
            keyed = dict(keyed)
            old = keyed.get(key)
            keyed[key] = attrs if old is None else {**old, **attrs}
            out[v] = into[u] = keyed
    nx.utils.misc._clear_cache(graph)


def _lean_head(data: dict[str, Any]) -> dict[str, Any]:
    """A stored head without what identity resolution never reads (each reference's
    list of mentions), so the heads of 100,000 plans fit in memory at once."""
    for ref in data.get("references") or ():
        if isinstance(ref, dict):
            ref.pop("mentions", None)
    return data


def _split_plan(plan: Plan) -> tuple[dict[str, Any], dict[str, Any], list[list[Any]]]:
    """(head, rest, lines) of a plan, each stored once (nested dataclasses are turned
    into objects when packed)."""
    data = _fields_of(plan)
    data.pop("lines", None)
    head = {key: data.pop(key) for key in _HEAD_FIELDS if key in data}
    return head, data, [[ln.text, ln.start, ln.end] for ln in plan.lines]


def _packed_items(blob: Any, size: int) -> Iterator[list[Any]]:
    """The items of one compressed JSON array in lists of at most ``size``, decoded as
    the text is inflated, so a large block is never held whole (text or objects)."""
    if blob is None:
        return
    if not _packed(blob):
        raise ValueError("not a compressed document")
    inflate, text = zlib.decompressobj(), codecs.getincrementaldecoder("utf-8")()
    decode = json.JSONDecoder().raw_decode
    view = memoryview(blob)
    chunks = iter([view[i:i + (1 << 20)] for i in range(0, len(view), 1 << 20)])
    buffer, pos, started, done, part = "", 0, False, False, []
    while True:
        while pos < len(buffer) and buffer[pos] in " \t\r\n,":
            pos += 1
        if pos < len(buffer):
            if not started:
                if buffer[pos] != "[":
                    raise ValueError("a graph block is not a JSON array")
                started, pos = True, pos + 1
                continue
            if buffer[pos] == "]":
                break
            try:
                item, end = decode(buffer, pos)
            except json.JSONDecodeError:
                if done:
                    raise
            else:
                if end < len(buffer) or done:  # else it may go on in the next chunk
                    part.append(item)
                    pos = end
                    if len(part) >= size:
                        yield part
                        part = []
                    continue
        if done:
            raise ValueError("a graph block ends before its array does")
        chunk = next(chunks, None)
        if chunk is None:
            more, done = text.decode(inflate.flush(), final=True), True
        else:
            more = text.decode(inflate.decompress(chunk))
        buffer, pos = buffer[pos:] + more, 0
    if part:
        yield part


class Store:
    """A policykg store at ``path`` (created on the first write).

    ``timeout`` is how long a writer waits for another writer before
    :class:`StoreBusy`. ``loader(paths, on_progress=None, jobs=None)`` reads files
    into plans, yielding a result per file (default: :func:`policykg.loaders.batch.load_paths`
    in ``jobs`` processes).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float = 2.0,
                 loader: Loader | None = None):
        self.path = Path(path if path is not None else default_store_path())
        self.timeout = timeout
        self._loader = loader or _default_loader
        self._graph: nx.MultiDiGraph | None = None
        self._generation: str | None = None
        # skeleton() and subgraph(): the graphs of one generation and the blocks loaded
        self._skeleton: nx.MultiDiGraph | None = None
        self._partial: nx.MultiDiGraph | None = None
        self._partial_generation: str | None = None
        self._partial_blocks: set[str] = set()
        self._partial_owned: tuple[set[str], set[str]] = (set(), set())
        self._skeleton_generation: str | None = None
        self._name_ids: dict[str, int] = {}  # names table ids known in the running write
        # per thread, the connection kept for reads: ((device, inode), connection, generation)
        self._local = threading.local()
        self._places: tuple[str, dict[str, list[str | None]]] | None = None
        self._searchable: tuple[str, int] | None = None
        self._plan_names: tuple[str, dict[int, str]] | None = None

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @property
    def exists(self) -> bool:
        """Whether the store file has been created (by a first ingest)."""
        return self.path.is_file() and self.path.stat().st_size > 0

    # --- connections -------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        except sqlite3.Error as err:
            raise StoreError(f"cannot open store {self.path}: {err}") from err
        return conn

    def _damaged(self, err: Exception) -> StoreError:
        return StoreError(
            f"store {self.path} is damaged or not a policykg store ({err}); move it away and "
            f"rebuild it with `policykg ingest --store {self.path} <your plan folders>`"
        )

    def _check(self, conn: sqlite3.Connection) -> str:
        """Check the format version; return the generation counter."""
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                                  "WHERE type='table'")}
            if not _TABLES <= tables:
                raise self._damaged(ValueError("missing tables"))
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as err:
            raise self._damaged(err) from err
        version = meta.get("format_version")
        if version in _UPGRADABLE:
            raise StoreError(
                f"store {self.path} has format version {version}, this policykg "
                f"({__version__}) reads version {FORMAT_VERSION}: rebuild its index once with "
                f"`policykg ingest --store {self.path} <your plan folders>` (files already "
                "read are not read again)"
            )
        if version != str(FORMAT_VERSION):
            raise StoreError(
                f"store {self.path} has format version {version}, this policykg "
                f"({__version__}) reads version {FORMAT_VERSION}: move it away and rebuild "
                f"it with `policykg ingest --store {self.path} <your plan folders>`"
            )
        if not _ROW_TABLES <= tables:
            raise self._damaged(ValueError("missing tables"))
        return meta.get("generation", "0")

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection | None]:
        """A connection for reading, or None when the store does not exist yet (or its
        first write was rolled back, leaving an empty database).

        One connection per thread is kept for the next reads while the file is the same
        one (a question makes several reads, and opening a connection costs more than
        many a question's answer); the format is checked again when the generation moves.
        A read made inside another gets a connection of its own."""
        if not self.exists:
            yield None
            return
        identity = self._file_identity()
        kept = getattr(self._local, "reader", None)
        if kept is not None and (kept[0] != identity or kept[1].in_transaction):
            if kept[0] != identity:
                self._drop_reader()
            kept = None
        conn = kept[1] if kept is not None else self._connect()
        keep = kept is not None
        try:
            if kept is not None:
                row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
                if not row or row[0] != kept[2]:
                    self._local.reader = (identity, conn, self._check(conn))
            elif not conn.execute("SELECT 1 FROM sqlite_master").fetchone():
                yield None
                return
            else:
                generation = self._check(conn)
                if getattr(self._local, "reader", None) is None:
                    self._local.reader = (identity, conn, generation)
                    keep = True
            yield conn
        except (sqlite3.DatabaseError, StoreError) as err:
            if keep:
                self._drop_reader()
                keep = False
            if isinstance(err, StoreError):
                raise
            raise self._damaged(err) from err
        finally:
            if not keep:
                conn.close()

    def _file_identity(self) -> tuple[int, int]:
        info = self.path.stat()
        return info.st_dev, info.st_ino

    def _drop_reader(self) -> None:
        """Forget this thread's kept reading connection (closed unless a read uses it)."""
        kept = getattr(self._local, "reader", None)
        self._local.reader = None
        if kept is not None and not kept[1].in_transaction:
            kept[1].close()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """The write lock and one transaction: committed on success, else rolled back.

        Raises :class:`StoreBusy` when another process holds the lock longer
        than ``timeout`` seconds.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not self.exists
        conn = self._connect()
        try:
            try:
                if fresh:
                    conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as err:
                if "locked" in str(err) or "busy" in str(err):
                    raise StoreBusy(f"store is busy: another policykg process is writing to "
                                    f"{self.path}; try again when it has finished") from err
                raise self._damaged(err) from err
            except sqlite3.DatabaseError as err:
                raise self._damaged(err) from err
            try:
                if fresh or not conn.execute("SELECT 1 FROM sqlite_master").fetchone():
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute("INSERT OR REPLACE INTO meta VALUES ('format_version', ?)",
                                 (str(FORMAT_VERSION),))
                    conn.execute("INSERT OR REPLACE INTO meta VALUES ('generation', '0')")
                    self._add_tables(conn)
                else:
                    self._upgrade(conn)
                generation = int(self._check(conn))
                self._name_ids = {}
                changes = conn.total_changes
                yield conn
                if conn.total_changes != changes:
                    conn.execute("UPDATE meta SET value = ? WHERE key = 'generation'",
                                 (str(generation + 1),))
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as err:
            raise self._damaged(err) from err
        finally:
            self._name_ids = {}  # ids of a rolled-back write must not be reused
            conn.close()
        self._graph = None
        self._skeleton = self._partial = None
        self._skeleton_generation = self._partial_generation = None

    @staticmethod
    def _add_tables(conn: sqlite3.Connection) -> None:
        """The tables derived from the plan blocks (``touches`` and the task rows)."""
        for statement in (_TOUCHES_SCHEMA + _ROWS_SCHEMA).split(";"):
            if statement.strip():
                conn.execute(statement)

    @staticmethod
    def _put_touches(conn: sqlite3.Connection, block: str, touches: Iterable[str]) -> None:
        """Record the nodes outside ``block`` that its edges reach (replacing the old)."""
        conn.execute("DELETE FROM touches WHERE block = ?", (block,))
        conn.executemany("INSERT OR IGNORE INTO touches VALUES (?, ?)",
                         ((block, node) for node in touches))

    def _upgrade(self, conn: sqlite3.Connection) -> None:
        """Bring a store of an older format to this one, inside the write's transaction:
        format 5 gains its unit totals, older ones every row and ``touches`` computed
        again from the stored blocks."""
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                                  "WHERE type='table'")}
            if not _TABLES <= tables:
                return  # not a store this code knows: _check says so
            row = conn.execute("SELECT value FROM meta WHERE key = 'format_version'").fetchone()
        except sqlite3.DatabaseError:
            return
        if not row or row[0] not in _UPGRADABLE:
            return
        if row[0] == "5":  # only the unit totals are missing: summed from the stored rows
            self._add_tables(conn)
            conn.execute("INSERT INTO unit_totals SELECT unit, lead, bucket, sum(count) "
                         "FROM unit_buckets GROUP BY unit, lead, bucket")
        else:
            self._rows_again(conn, had_touches="touches" in tables)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'format_version'",
                     (str(FORMAT_VERSION),))

    def _rows_again(self, conn: sqlite3.Connection, had_touches: bool) -> None:
        """Every row read from the blocks computed again, and the blocks' ``touches`` when
        the store has none."""
        for table in ("task_blocks", "task_rows", "task_roles", "unit_tasks", "unit_buckets",
                      "unit_totals", "search_rows", "search_vocab", "search_words"):
            # every row read from the blocks is computed again (format 4 lacks search rows)
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        self._add_tables(conn)
        self._name_ids = {}
        blocks = [] if had_touches else [r[0] for r in conn.execute(
            "SELECT block FROM edges WHERE block != ?", (SHARED_BLOCK,))]
        self._each_block(conn, blocks, lambda block, nodes, edges: self._put_touches(
            conn, block, _touches(nodes, edges)))
        self._sync_task_rows(conn)

    # --- ingest and forget -------------------------------------------------------

    def ingest(self, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
               on_progress: Callable[[int, int, Any], None] | None = None, *,
               jobs: int | None = None) -> IngestReport:
        """Read the files named or inside the folders named; store their plans.

        All of it is one transaction. ``on_progress(done, total, result)`` is
        called after each file that is read (unchanged files are not read).
        ``jobs`` worker processes read and parse the files at once (None: one per
        core; 1: one file at a time); results are written in file order, so the
        store is the same whatever ``jobs`` is.
        """
        from policykg.loaders.batch import Loaded, iter_files

        report = IngestReport()
        own = {str(self.path.resolve()) + suffix for suffix in ("", "-wal", "-shm", "-journal")}
        with self.writing() as conn:
            known = {row[0]: row[1:] for row in conn.execute(
                "SELECT path, sha256, version, status, reason FROM files")}
            todo: list[str] = []
            shas: dict[str, str] = {}
            folders: dict[str, str] = {}
            for file in iter_files(paths):
                try:
                    mode = os.stat(file).st_mode
                except OSError:
                    todo.append(str(file))  # the loader reports why it cannot be read
                    continue
                path = _real_path(str(file), folders)
                if path in own:
                    continue
                if not stat.S_ISREG(mode):  # a pipe would block: the loader says why
                    todo.append(path)
                    continue
                try:
                    shas[path] = _sha256(path)
                except OSError:
                    todo.append(path)  # the loader reports why it cannot be read
                    continue
                row = known.get(path)
                if row and row[0] == shas[path] and row[1] == __version__ \
                        and row[2] != _SKIPPED_FOR_NOW:
                    if row[2] == "skipped":
                        report.skipped.append((path, row[3] or "not a plan"))
                    else:
                        report.unchanged.append(path)
                    continue
                todo.append(path)
            for result in self._loader(todo, on_progress=on_progress, jobs=jobs):
                path = str(result.path)
                conn.execute("DELETE FROM plans WHERE path = ?", (path,))
                if isinstance(result, Loaded):
                    self._put_plan(conn, path, shas.get(path), result.plan, report)
                else:
                    conn.execute(
                        "INSERT OR REPLACE INTO files VALUES (?, ?, NULL, ?, ?, ?)",
                        (path, shas.get(path),
                         "skipped" if result.lasting else _SKIPPED_FOR_NOW, result.reason,
                         __version__))
                    report.skipped.append((path, result.reason))
            if todo:
                report.nodes, report.edges, report.duplicates = self._rebuild(conn)
            else:  # nothing read: the graph is as it was
                report.nodes, report.edges = self._counts(conn)
        return report

    def ingest_plans(self, plans: Iterable[Plan | PreparedPlan]) -> IngestReport:
        """Store plans already read (each under its :attr:`SourceFile.path`), as one
        transaction, and rebuild the graph: for callers that parse elsewhere (and may
        have called :func:`prepare_plan` in their worker processes)."""
        report = IngestReport()
        with self.writing() as conn, gc_paused():
            for plan in plans:
                path = plan.path if isinstance(plan, PreparedPlan) else plan.source.path
                conn.execute("DELETE FROM plans WHERE path = ?", (path,))
                self._put_plan(conn, path, None, plan, report)
            report.nodes, report.edges, report.duplicates = self._rebuild(conn)
        return report

    def _put_plan(self, conn: sqlite3.Connection, path: str, sha: str | None,
                  plan: Plan | PreparedPlan, report: IngestReport) -> None:
        ready = plan if isinstance(plan, PreparedPlan) else prepare_plan(plan)
        old = conn.execute("SELECT p.path, f.reason FROM plans p LEFT JOIN files f "
                           "ON f.path = p.path WHERE p.plan_id = ?", (ready.plan_id,)).fetchone()
        if old and old[0] != path:
            if ready.ocr and not (old[1] or "").startswith(_BY_OCR):
                # the same plan read from text stays: OCR misreads letters here and there
                report.kept.append((ready.plan_id, old[0], path))
                conn.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, 'superseded', ?, ?)",
                             (path, sha or ready.sha256, ready.plan_id,
                              f"same plan as {old[0]}, which was read from text", __version__))
                return
            report.replaced.append((ready.plan_id, old[0], path))
            conn.execute("UPDATE files SET status = 'superseded', reason = ? WHERE path = ?",
                         (f"same plan as {path}", old[0]))
        conn.execute("INSERT OR REPLACE INTO plans VALUES (?, ?, NULL, ?, ?, ?)",
                     (ready.plan_id, path, ready.head, ready.data, ready.lines))
        conn.execute("INSERT OR REPLACE INTO fragments VALUES (?, ?, ?, ?)",
                     (ready.plan_id, _FRAGMENT_STAMP, ready.node, ready.ops))
        for table, count, blob in (("nodes", ready.node_count, ready.nodes),
                                   ("edges", ready.edge_count, ready.edges)):
            conn.execute(f"INSERT OR REPLACE INTO {table} (block, live, count, attrs) "
                         "VALUES (?, 1, ?, ?)", (ready.plan_id, count, blob))
        touches, rows, texts = ready.touches, ready.rows, ready.texts
        if rows is None or texts is None or (not touches and ready.edge_count):
            # made by code that did not record them: read them from the block, decoded once
            try:
                nodes, edges = _unpack(ready.nodes), _unpack(ready.edges)
                if not touches and ready.edge_count:
                    touches = _touches(nodes, edges)
                if rows is None:
                    rows = block_rows(nodes, edges)
                if texts is None:
                    texts = block_texts(nodes)
            except Exception as err:
                raise StoreError(f"plan {ready.plan_id} from {path} has a damaged graph "
                                 f"block ({err}); ingest the file again") from err
        self._put_touches(conn, ready.plan_id, touches)
        self._put_task_rows(conn, ready.plan_id, rows, texts)
        conn.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, 'ingested', ?, ?)",
                     (path, sha or ready.sha256, ready.plan_id,
                      f"{_BY_OCR}{ready.ocr}" if ready.ocr else None, __version__))
        report.ingested.append((path, ready.plan_id))
        if ready.ocr:
            report.ocr.append((path, ready.ocr))
        report.plans += 1
        report.tasks += ready.tasks
        report.units += ready.units
        report.references += ready.references

    def forget(self, target: str) -> list[str]:
        """Remove a file's or a plan's facts (file path, plan id, node id or number).

        Returns the ids of the plans removed; raises :class:`StoreError` when
        nothing matches.
        """
        with self.writing() as conn:
            path = str(Path(target).resolve()) if Path(target).exists() else target
            rows = conn.execute("SELECT plan_id, path FROM plans WHERE path = ?",
                                (path,)).fetchall()
            file_known = conn.execute("SELECT 1 FROM files WHERE path = ?", (path,)).fetchone()
            if not rows and not file_known:
                rows = [(p["plan_id"], p["path"]) for p in self._match(conn, target)]
                if not rows:
                    raise StoreError(f"nothing in store {self.path} matches {target!r}")
            for plan_id, plan_path in rows:
                conn.execute("DELETE FROM plans WHERE plan_id = ?", (plan_id,))
                conn.execute("DELETE FROM files WHERE path = ?", (plan_path,))
            conn.execute("DELETE FROM files WHERE path = ?", (path,))
            self._rebuild(conn)
        return [r[0] for r in rows]

    def _put_fragment(self, conn: sqlite3.Connection, plan_id: str, frag: Fragment) -> None:
        """Store a plan's fragment: its shared operations and its own graph block."""
        conn.execute("INSERT OR REPLACE INTO fragments VALUES (?, ?, ?, ?)",
                     (plan_id, _FRAGMENT_STAMP, frag.node,
                      _pack({"scope": frag.scope, "ops": frag.ops})))
        for table, items in (("nodes", frag.nodes), ("edges", frag.edges)):
            conn.execute(f"INSERT OR REPLACE INTO {table} (block, live, count, attrs) "
                         "VALUES (?, 1, ?, ?)", (plan_id, len(items), _pack(items)))
        Store._put_touches(conn, plan_id, _touches(frag.nodes, frag.edges))
        self._put_task_rows(conn, plan_id, block_rows(frag.nodes, frag.edges),
                            block_texts(frag.nodes))

    def _names(self, conn: sqlite3.Connection, values: Iterable[str]) -> dict[str, int]:
        """The ``names`` ids of ``values``, numbering the new ones."""
        known = self._name_ids
        new = sorted({v for v in values if v not in known})
        if new:
            conn.executemany("INSERT OR IGNORE INTO names (name) VALUES (?)",
                             ((v,) for v in new))
            known.update(conn.execute("SELECT name, id FROM names WHERE name IN "
                                      "(SELECT value FROM json_each(?))", (json.dumps(new),)))
        return known

    @staticmethod
    def _drop_task_rows(conn: sqlite3.Connection, blocks: Iterable[str]) -> None:
        """Remove the task, role and search rows of ``blocks``."""
        for block in blocks:
            row = conn.execute("SELECT plan FROM task_blocks WHERE block = ?",
                               (block,)).fetchone()
            if row is None:
                continue
            Store._drop_plan_rows(conn, row[0])
            conn.execute("DELETE FROM task_blocks WHERE block = ?", (block,))

    @staticmethod
    def _drop_plan_rows(conn: sqlite3.Connection, number: int) -> None:
        """Remove the task, role and search rows of the plan ``number`` (a ``names`` id)."""
        conn.execute("DELETE FROM task_rows WHERE plan = ?", (number,))
        conn.execute("DELETE FROM unit_tasks WHERE plan = ?", (number,))
        conn.execute("UPDATE unit_totals SET count = unit_totals.count - b.count "
                     "FROM unit_buckets b WHERE b.plan = ? AND b.unit = unit_totals.unit "
                     "AND b.lead = unit_totals.lead AND b.bucket = unit_totals.bucket",
                     (number,))
        conn.execute("DELETE FROM unit_totals WHERE count <= 0 AND (unit, lead, bucket) IN "
                     "(SELECT unit, lead, bucket FROM unit_buckets WHERE plan = ?)", (number,))
        conn.execute("DELETE FROM unit_buckets WHERE plan = ?", (number,))
        conn.executemany(
            "INSERT INTO search_words (search_words, rowid, words) VALUES ('delete', ?, ?)",
            ((id_, " ".join(words_of(body))) for id_, body in conn.execute(
                "SELECT id, body FROM search_rows WHERE plan = ?", (number,)).fetchall()))
        conn.execute("DELETE FROM search_rows WHERE plan = ?", (number,))

    def _put_task_rows(self, conn: sqlite3.Connection, block: str,
                       rows: tuple[str | None, list[TaskRow], list[RoleRow]],
                       texts: list[tuple[str, str, str]]) -> None:
        """Replace the task, role and search rows of ``block`` (a plan id) with ``rows``
        and ``texts``."""
        self._drop_task_rows(conn, [block])
        plan, tasks, roles = rows
        if plan is None:
            return
        ids = self._names(conn, itertools.chain([plan], (r.unit for r in roles)))
        number = ids[plan]
        # another block of the same plan (a duplicate file) loses its rows; if it is the
        # live one after all, the rebuild's sync computes them again
        self._drop_plan_rows(conn, number)
        provinces = sorted({r.province or "" for r in tasks})  # "": the plan's own
        file = Counter(r.file for r in tasks).most_common(1)[0][0] if tasks else None
        conn.execute("INSERT OR REPLACE INTO task_blocks VALUES (?, ?, ?, ?)",
                     (block, number, UNIT_SEPARATOR.join(provinces), file))
        conn.executemany(
            "INSERT INTO task_rows VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((number, r.seq, r.task, r.number, r.text, r.province, r.deadline, r.bucket,
              None if r.file == file else r.file or "", r.line_start, r.line_end,
              stored_quote(r.quote, r.text),
              r.name, UNIT_SEPARATOR.join(r.lead), UNIT_SEPARATOR.join(r.support), r.chain,
              UNIT_SEPARATOR.join(r.topics),
              None if r.targets is None else json.dumps(r.targets, ensure_ascii=False),
              r.start, r.end, r.date, r.recurrence)
             for r in tasks))
        bucket_of: dict[tuple[int, int, str], str] = {}
        for r in roles:  # a unit's role in a task counts once
            bucket_of.setdefault((ids[r.unit], r.lead, r.task), r.bucket)
        joined: dict[tuple[int, int], list[str]] = defaultdict(list)
        for unit, lead, task in bucket_of:
            joined[unit, lead].append(task)
        conn.executemany("INSERT INTO unit_tasks VALUES (?, ?, ?, ?)", (
            (unit, number, lead, UNIT_SEPARATOR.join(sorted(tasks)))
            for (unit, lead), tasks in joined.items()))
        counted = Counter((unit, lead, bucket) for (unit, lead, _), bucket in bucket_of.items())
        conn.executemany("INSERT INTO unit_buckets VALUES (?, ?, ?, ?, ?)", (
            (unit, number, lead, bucket, n) for (unit, lead, bucket), n in counted.items()))
        conn.executemany("INSERT INTO unit_totals VALUES (?, ?, ?, ?) ON CONFLICT "
                         "(unit, lead, bucket) DO UPDATE SET count = count + excluded.count", (
                             (unit, lead, bucket, n)
                             for (unit, lead, bucket), n in counted.items()))
        if texts:
            first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM search_rows").fetchone()[0]
            conn.executemany("INSERT INTO search_rows VALUES (?, ?, ?, ?, ?, ?)", (
                (first + i, number, node, len(head), None if body.startswith(head) else head,
                 body) for i, (node, head, body) in enumerate(texts)))
            conn.executemany("INSERT INTO search_words (rowid, words) VALUES (?, ?)", (
                (first + i, " ".join(words_of(body))) for i, (_, _, body) in enumerate(texts)))

    def _sync_task_rows(self, conn: sqlite3.Connection) -> None:
        """Rows for exactly the live plan blocks: drop those of blocks gone or no longer
        live (a duplicate plan), compute those of live blocks without any (decoded)."""
        live = "SELECT block FROM edges WHERE live = 1 AND block != ?"
        gone = [r[0] for r in conn.execute(
            f"SELECT block FROM task_blocks WHERE block NOT IN ({live})", (SHARED_BLOCK,))]
        self._drop_task_rows(conn, gone)
        missing = [r[0] for r in conn.execute(
            f"{live} AND block NOT IN (SELECT block FROM task_blocks)", (SHARED_BLOCK,))]
        self._each_block(conn, missing, lambda block, nodes, edges: self._put_task_rows(
            conn, block, block_rows(nodes, edges), block_texts(nodes)))

    def _each_block(self, conn: sqlite3.Connection, blocks: list[str],
                    use: Callable[[str, list[Any], list[Any]], None]) -> None:
        """``use(block, nodes, edges)`` for each of ``blocks`` that is stored, decoded one
        at a time; a block that cannot be decoded or used says the store is damaged."""
        try:
            with gc_paused():
                for block in blocks:
                    found = conn.execute("SELECT n.attrs, e.attrs FROM nodes n JOIN edges e "
                                         "USING (block) WHERE block = ?", (block,)).fetchone()
                    if found:
                        use(block, _unpack(found[0]), _unpack(found[1]))
        except sqlite3.DatabaseError:
            raise
        except Exception as err:
            raise self._damaged(err) from err

    @staticmethod
    def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
        """(nodes, edges) of the stored graph."""
        return tuple(conn.execute(f"SELECT coalesce(sum(count), 0) FROM {table} "
                                  "WHERE live = 1").fetchone()[0]
                     for table in ("nodes", "edges"))  # type: ignore[return-value]

    def _rebuild(self, conn: sqlite3.Connection
                 ) -> tuple[int, int, list[tuple[str, str, list[str]]]]:
        """Resolve identities over every stored plan, merge the fragments and replace
        the shared block (a plan's own block is reused while its node id holds).

        Returns the counts of nodes and edges and the documents given by more than
        one plan: (node id, file kept, other files)."""
        with gc_paused():
            conn.execute("DELETE FROM touches WHERE block IN (SELECT block FROM edges WHERE "
                         "block != ? AND block NOT IN (SELECT plan_id FROM plans))",
                         (SHARED_BLOCK,))
            for table in ("fragments", "nodes", "edges"):
                key = "plan_id" if table == "fragments" else "block"
                conn.execute(f"DELETE FROM {table} WHERE {key} != ? AND {key} NOT IN "
                             "(SELECT plan_id FROM plans)", (SHARED_BLOCK,))
            try:
                heads = [Plan.from_dict(_lean_head(_unpack(row[0])))
                         for row in conn.execute("SELECT head FROM plans")]
            except sqlite3.DatabaseError:
                raise
            except Exception as err:
                raise self._damaged(err) from err

            def fragment_of(plan: Plan, nid: str) -> Fragment:
                # one plan's operations at a time: all of them at once would cost
                # hundreds of MB at 100,000 plans
                row = conn.execute("SELECT version, node_id, ops FROM fragments "
                                   "WHERE plan_id = ?", (plan.id,)).fetchone()
                if row and row[0] == _FRAGMENT_STAMP and row[1] == nid:
                    try:
                        body = _unpack(row[2])
                        return Fragment(nid, body["scope"], body["ops"])
                    except Exception as err:
                        raise self._damaged(err) from err
                found = self._rows(conn, "WHERE plan_id = ?", (plan.id,))
                frag = plan_fragment(self._plan(found[0], None), nid)
                self._put_fragment(conn, plan.id, frag)
                return Fragment(nid, frag.scope, frag.ops)  # its block is stored: let it go

            assembly = assemble(heads, fragment_of)
            shared = assembly.shared
            blocks = (("nodes", [[n, d] for n, d in shared.nodes(data=True)]),
                      ("edges", [[u, v, k, d] for u, v, k, d in shared.edges(keys=True,
                                                                             data=True)]))
            for table, items in blocks:
                conn.execute(f"INSERT OR REPLACE INTO {table} (block, live, count, attrs) "
                             "VALUES (?, 1, ?, ?)", (SHARED_BLOCK, len(items), _pack(items)))
                conn.execute(f"UPDATE {table} SET live = 1 WHERE live = 0")
                conn.executemany(f"UPDATE {table} SET live = 0 WHERE block = ?",
                                 ((p,) for p in assembly.plan_nodes
                                  if p not in assembly.fragments))
            known = dict(conn.execute("SELECT plan_id, node_id FROM plans"))
            conn.executemany("UPDATE plans SET node_id = ? WHERE plan_id = ?",
                             ((n, p) for p, n in assembly.plan_nodes.items()
                              if known.get(p) != n))
            duplicates = [(n, d.get("file", ""), list(d["duplicate_files"]))
                          for n, d in shared.nodes(data=True) if d.get("duplicate_files")]
            self._sync_task_rows(conn)
            nodes, edges = self._counts(conn)
        return nodes, edges, duplicates

    # --- reading -----------------------------------------------------------------

    def graph(self) -> nx.MultiDiGraph:
        """The knowledge graph, read from the cached tables (no parsing).

        The same object is returned until the store changes; copy it before
        changing it.
        """
        with self._snapshot() as (conn, generation):
            if conn is None:
                return nx.MultiDiGraph()
            if self._graph is not None and generation == self._generation:
                return self._graph
            graph = nx.MultiDiGraph()
            self._load(conn, graph, None)  # the shared block first, then the plans' blocks
            self._graph, self._generation = graph, generation
            return graph

    @contextmanager
    def _snapshot(self) -> Iterator[tuple[sqlite3.Connection | None, str]]:
        """A reading connection and the store's generation, inside one read transaction:
        every statement sees the same generation, and writers do not wait for it."""
        with self._reading() as conn:
            if conn is None:
                yield None, ""
                return
            conn.execute("BEGIN")
            try:
                row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
                yield conn, str(row[0]) if row else "0"
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")

    def _load(self, conn: sqlite3.Connection, graph: nx.MultiDiGraph, blocks: list[str] | None,
              add: Callable[..., None] = add_bulk) -> None:
        """Decode the live ``blocks`` (by name; every live block when None) into ``graph``
        with ``add``: the shared block first, then the plans' blocks by plan id."""
        only = "" if blocks is None else "AND block IN (SELECT value FROM json_each(?)) "
        args = (SHARED_BLOCK,) if blocks is None else (json.dumps(blocks), SHARED_BLOCK)
        try:
            with gc_paused():
                parts = []
                for table in ("nodes", "edges"):
                    rows = conn.execute(f"SELECT attrs FROM {table} WHERE live = 1 {only}"
                                        "ORDER BY block != ?, block", args)
                    # one JSON document for all blocks: far faster than one per block
                    texts = [_unpack_text(r[0]) for r in rows]
                    blob = ([json.loads(texts[0])] if len(texts) == 1
                            else json.loads("[" + ",".join(texts) + "]"))
                    del texts
                    parts.append(itertools.chain.from_iterable(blob))
                add(graph, *parts)
        except sqlite3.DatabaseError:
            raise
        except Exception as err:
            raise self._damaged(err) from err

    def iter_block_items(self, batch: int = 200
                         ) -> Iterator[tuple[list[list[Any]], list[list[Any]]]]:
        """The graph's items, ``(nodes, edges)`` per batch of up to ``batch`` live plan
        blocks, in the order :meth:`graph` adds them (the shared block first, then the
        plans' blocks by plan id), so a whole store can be walked holding one batch
        decoded. The shared block, which grows with the store, comes in parts of at most
        ``100 * batch`` items, decoded as its text is inflated.

        Items are as stored: nodes ``[id, attrs]``, edges ``[source, target, key, attrs]``.
        A node or edge may come in more than one block; :meth:`graph` merges its
        attributes in this order (a later value wins). All batches are read inside one
        read transaction: a write meanwhile is not seen.
        """
        size = max(1, int(batch))
        with self._snapshot() as (conn, _generation):
            if conn is None:
                return
            try:
                for table in ("nodes", "edges"):
                    row = conn.execute(f"SELECT attrs FROM {table} WHERE live = 1 AND block = ?",
                                       (SHARED_BLOCK,)).fetchone()
                    for part in _packed_items(row[0] if row else None, 100 * size):
                        yield (part, []) if table == "nodes" else ([], part)
                names = [r[0] for r in conn.execute(
                    "SELECT block FROM (SELECT block FROM nodes WHERE live = 1 UNION "
                    "SELECT block FROM edges WHERE live = 1) WHERE block != ? ORDER BY block",
                    (SHARED_BLOCK,))]
                for start in range(0, len(names), size):
                    chosen = json.dumps(names[start:start + size])
                    with gc_paused():
                        parts: list[list[list[Any]]] = []
                        for table in ("nodes", "edges"):
                            rows = conn.execute(
                                f"SELECT attrs FROM {table} WHERE live = 1 AND block IN "
                                "(SELECT value FROM json_each(?)) ORDER BY block", (chosen,))
                            blob = json.loads("[" + ",".join(_unpack_text(r[0]) for r in rows)
                                              + "]")
                            parts.append(list(itertools.chain.from_iterable(blob)))
                    yield parts[0], parts[1]
            except (sqlite3.DatabaseError, GeneratorExit):
                raise
            except Exception as err:
                raise self._damaged(err) from err

    def _skeleton_of(self, conn: sqlite3.Connection, generation: str) -> nx.MultiDiGraph:
        if self._skeleton is None or self._skeleton_generation != generation:
            graph = nx.MultiDiGraph()
            self._load(conn, graph, [SHARED_BLOCK])
            self._skeleton, self._skeleton_generation = graph, generation
        return self._skeleton

    def skeleton(self) -> nx.MultiDiGraph:
        """The shared part of the graph: every node and edge outside the plans' own
        blocks (documents, plans, units, organisations, unit kinds, provinces, topics
        and the links between them), decoded from one block.

        The same object is returned until the store changes; do not change it.
        """
        with self._snapshot() as (conn, generation):
            if conn is None:
                return nx.MultiDiGraph()
            return self._skeleton_of(conn, generation)

    def subgraph(self, plans: Iterable[str] = (), touching: Iterable[str] = ()
                 ) -> nx.MultiDiGraph:
        """The skeleton plus the blocks (tasks and their edges) of the plans whose plan
        node id is in ``plans`` and of every plan whose block has an edge to a node in
        ``touching`` (a unit, topic or plan node: no task edge reaches an organisation,
        whose units the skeleton lists). Unknown ids are ignored.

        Within one generation of the store every call returns the same graph, grown
        by the blocks asked for that it did not hold yet (no block is decoded twice);
        before any block is asked for that graph is :meth:`skeleton` itself. Use the
        returned object (do not change it); a write gives a new one.
        """
        wanted_plans, wanted_nodes = _ids(plans), _ids(touching)
        with self._snapshot() as (conn, generation):
            if conn is None:
                return nx.MultiDiGraph()
            skeleton = self._skeleton_of(conn, generation)
            if self._partial_generation != generation:
                self._partial, self._partial_generation = None, generation
                self._partial_blocks = set()
            blocks: set[str] = set()
            if wanted_plans:
                blocks.update(r[0] for r in conn.execute(
                    "SELECT e.block FROM plans p JOIN edges e ON e.block = p.plan_id "
                    "WHERE e.live = 1 AND p.node_id IN (SELECT value FROM json_each(?))",
                    (json.dumps(wanted_plans),)))
            if wanted_nodes:
                blocks.update(r[0] for r in conn.execute(
                    "SELECT DISTINCT t.block FROM touches t JOIN edges e ON e.block = t.block "
                    "WHERE e.live = 1 AND t.node IN (SELECT value FROM json_each(?))",
                    (json.dumps(wanted_nodes),)))
            new = sorted(blocks - self._partial_blocks)
            if not new:
                return self._partial if self._partial is not None else skeleton
            graph = self._partial
            if graph is None:
                graph, self._partial_owned = _extend(skeleton)
            owned = self._partial_owned
            self._load(conn, graph, new, lambda g, nodes, edges: _add_items(g, nodes, edges, owned))
            self._partial = graph
            self._partial_blocks.update(new)
            return graph

    def blocks_touching(self, nodes: Iterable[str]) -> set[str]:
        """The plan node ids of the plans whose block has an edge to any of ``nodes``
        (read from the ``touches`` index; no block is decoded)."""
        wanted = _ids(nodes)
        if not wanted:
            return set()
        with self._snapshot() as (conn, _generation):
            if conn is None:
                return set()
            return {r[0] for r in conn.execute(
                "SELECT DISTINCT p.node_id FROM touches t JOIN edges e ON e.block = t.block "
                "JOIN plans p ON p.plan_id = t.block "
                "WHERE e.live = 1 AND p.node_id IS NOT NULL "
                "AND t.node IN (SELECT value FROM json_each(?))", (json.dumps(wanted),))}

    def task_rows(self, plans: Iterable[str], *, full: bool = True,
                  year: int | None = None) -> dict[str, list[TaskRow]]:
        """The tasks of ``plans`` (plan node ids) as :class:`~policykg.graph.taskrows.TaskRow`,
        each plan's in reading order; a plan without tasks, or unknown, is left out.
        Read from indexed rows: no block is decoded. ``full=False`` leaves out what only
        some questions show (each row's ``topics`` are then empty and its ``targets``
        None), so reading many rows costs less. ``year`` keeps only the tasks whose
        deadline may fall in that year (see ``_IN_YEAR``): the caller decides on those."""
        wanted = _ids(plans)
        found: dict[str, list[TaskRow]] = {}
        if not wanted:
            return found
        extra = "t.topics, t.targets" if full else "'', NULL"
        args: tuple[Any, ...] = (json.dumps(wanted),)
        within = ""
        if year is not None:
            within, args = _IN_YEAR, args + (year,) * 5
        with self._snapshot() as (conn, _generation), gc_paused():
            if conn is None:
                return found
            sep, loads = UNIT_SEPARATOR, json.loads
            return _by_plan(((plan, TaskRow(
                seq, task, number, text, province, deadline, bucket, file, line_start,
                line_end, quote_of(quote, text), name, tuple(lead.split(sep)) if lead else (),
                tuple(support.split(sep)) if support else (), chain,
                tuple(topics.split(sep)) if topics else (),
                None if targets is None else loads(targets), *due))
                for (plan, seq, task, number, text, province, deadline, bucket, file, line_start,
                     line_end, quote, name, lead, support, chain, topics, targets,
                     *due) in conn.execute(
                    "SELECT n.name, t.seq, t.task, t.number, t.text, t.province, t.deadline, "
                    f"t.bucket, {_FILE_OF_ROW}, t.line_start, t.line_end, t.quote, t.name, "
                    f"t.lead, t.support, t.chain, {extra}, t.start, t.end, t.date, "
                    f"t.recurrence {_ROWS_OF_PLANS}{within}", args)), _SEQ)

    def lineage_rows(self, plans: Iterable[str]) -> dict[str, list[LineageRow]]:
        """The tasks of ``plans`` (plan node ids) cut to what a lineage answer shows, each
        plan's in reading order, as the plain tuples SQLite gives (:data:`LineageRow`):
        building a :class:`TaskRow` for each cost as much as reading it, and a province's
        share of a central directive is thousands of tasks."""
        wanted = _ids(plans)
        found: dict[str, list[LineageRow]] = {}
        if not wanted:
            return found
        with self._snapshot() as (conn, _generation), gc_paused():
            if conn is None:
                return found
            return _by_plan(((row[0], row) for row in conn.execute(
                "SELECT n.name, t.seq, t.task, t.number, t.text, t.province, t.deadline, "
                f"{_FILE_OF_ROW}, t.line_start, t.line_end, t.quote, t.name, t.lead, "
                f"t.support, t.chain {_ROWS_OF_PLANS}", (json.dumps(wanted),))), _LINEAGE_SEQ)

    def task_tally(self, plans: Iterable[str]) -> TaskTally:
        """What a comparison counts of the tasks of ``plans`` (plan node ids), grouped by
        SQLite rather than read task by task (:class:`TaskTally`): at 100,000 plans five
        provinces hold some 400,000 tasks but only thousands of (lead, topics) pairs."""
        wanted = json.dumps(_ids(plans))
        with self._snapshot() as (conn, _generation), gc_paused():
            if conn is None:
                return TaskTally([], [])
            sep, loads = UNIT_SEPARATOR, json.loads
            groups = [(tuple(lead.split(sep)) if lead else (),
                       tuple(topics.split(sep)) if topics else (), count)
                      for lead, topics, count in conn.execute(
                          f"SELECT t.lead, t.topics, count(*) {_TASKS_OF_PLANS} "
                          "GROUP BY t.lead, t.topics", (wanted,))]
            rows = conn.execute(
                f"SELECT t.task, t.targets {_TASKS_OF_PLANS} "
                "AND t.targets IS NOT NULL ORDER BY n.name, t.seq", (wanted,)).fetchall()
            # one JSON array decoded at once: a third of the tasks have targets
            values = loads("[" + ",".join(value for _, value in rows) + "]")
            targets = [(task, value) for (task, _), value in zip(rows, values, strict=True)]
        return TaskTally(groups, targets)

    def task_provinces(self, plans: Iterable[str]) -> dict[str, list[str | None]]:
        """The provinces the tasks of each of ``plans`` (plan node ids) carry, as written
        in their rows (None: the plan's own), so a question skips a plan none of whose
        tasks can lie where it asks; plans without tasks are left out. Every plan's are
        read at once and kept until the store changes."""
        with self._snapshot() as (conn, generation):
            if conn is None:
                return {}
            if self._places is None or self._places[0] != generation:
                sep = UNIT_SEPARATOR
                with gc_paused():
                    self._places = (generation, {
                        name: [v or None for v in provinces.split(sep)]
                        for name, provinces in conn.execute(
                            "SELECT n.name, b.provinces FROM task_blocks b "
                            "JOIN names n ON n.id = b.plan")})
        places = self._places[1]
        return {p: places[p] for p in plans if isinstance(p, str) and p in places}

    def task_counts(self, plans: Iterable[str]) -> dict[str, int]:
        """How many tasks each of ``plans`` (plan node ids) has (those with none are left
        out), from indexed rows."""
        wanted = _ids(plans)
        if not wanted:
            return {}
        with self._snapshot() as (conn, _generation):
            if conn is None:
                return {}
            return dict(conn.execute(
                "SELECT n.name, count(*) FROM names n JOIN task_rows t ON t.plan = n.id "
                "WHERE n.name IN (SELECT value FROM json_each(?)) GROUP BY t.plan",
                (json.dumps(wanted),)))

    def unit_roles(self, units: Iterable[str], plans: Iterable[str] | None = None
                   ) -> dict[str, UnitRoles]:
        """What each of ``units`` (unit node ids) does, from indexed rows (no block is
        decoded): its tasks by plan and role, and how many fall in each deadline bucket
        (see :class:`UnitRoles`); only the tasks of ``plans`` (plan node ids) when given.
        A task a unit both leads and supports counts as led; a unit with no task is left
        out."""
        found: dict[str, UnitRoles] = {}
        with self._snapshot() as (conn, generation), gc_paused():
            if conn is None:
                return found
            # the units' and plans' numbers kept in temporary tables: a province's units
            # and a directive's plans run to thousands, too many for one statement
            _keep(conn, "asked_units", units)
            within = ""
            if plans is not None:
                _keep(conn, "kept_plans", plans)
                within = " AND plan IN (SELECT id FROM temp.kept_plans)"
            asked = f"unit IN (SELECT id FROM temp.asked_units){within}"
            groups: dict[int, list[tuple[int, int, int, str]]] = {}
            for unit, rows in itertools.groupby(conn.execute(
                    f"SELECT unit, plan, lead, tasks FROM unit_tasks WHERE {asked}"), _FIRST):
                groups.setdefault(unit, []).extend(rows)
            buckets: dict[int, list[tuple[str, bool, int]]] = {}
            for unit, bucket, lead, count in conn.execute(
                    "SELECT unit, bucket, lead, count FROM unit_totals "
                    "WHERE unit IN (SELECT id FROM temp.asked_units)" if plans is None else
                    "SELECT unit, bucket, lead, sum(count) FROM unit_buckets "
                    f"WHERE {asked} GROUP BY unit, bucket, lead"):
                buckets.setdefault(unit, []).append((bucket, bool(lead), count))
            plan_names = self._numbered_plans(conn, generation)
            unit_names = dict(conn.execute(
                "SELECT id, name FROM names WHERE id IN (SELECT id FROM temp.asked_units)"))
            for number, held in groups.items():
                name = unit_names.get(number)
                if name is not None:
                    found[name] = UnitRoles(held, buckets.get(number, []), plan_names)
        return found

    def _numbered_plans(self, conn: sqlite3.Connection, generation: str) -> dict[int, str]:
        """Every stored plan's number in ``names`` → its node id, read once per generation:
        a province's workload names thousands of plans, and looking them up per question
        cost a fifth of it."""
        if self._plan_names is None or self._plan_names[0] != generation:
            self._plan_names = (generation, dict(conn.execute(
                "SELECT b.plan, n.name FROM task_blocks b JOIN names n ON n.id = b.plan")))
        return self._plan_names[1]

    def search_counts(self, words: Iterable[str]) -> tuple[int, dict[str, int]]:
        """(how many tasks are searched, how many of them hold each of ``words``): the
        counts a search ranks words by, read from the full-text index."""
        with self._snapshot() as (conn, generation):
            if conn is None:
                return 0, {}
            if self._searchable is None or self._searchable[0] != generation:
                total = conn.execute("SELECT count(*) FROM search_rows").fetchone()[0]
                self._searchable = (generation, total)
            counts: dict[str, int] = {}
            for word in dict.fromkeys(words):
                row = conn.execute("SELECT doc FROM search_vocab WHERE term = ?",
                                   (word,)).fetchone()
                if row and row[0]:
                    counts[word] = row[0]
            return self._searchable[1], counts

    def search_tasks(self, words: list[str], phrase: str, need: int, limit: int,
                     counts: dict[str, int]) -> list[TaskMatch]:
        """The tasks a query may rank first, from the full-text index.

        ``words`` are the query's words (folded, repeats kept), ``phrase`` the whole
        folded query, ``counts`` how many tasks hold each word (:meth:`search_counts`;
        a word left out is held by none). A task is found when it holds at least
        ``need`` of ``words`` (counted with repeats). For each set of the words a task
        can hold, this gives the ``limit`` first tasks holding exactly that set: those
        whose body and head hold ``phrase`` first, then those whose body does, then by
        id. Within a set a task's rank depends on nothing else, so the caller's
        ``limit`` best are among these whatever weight it gives each set. A long query,
        whose sets are too many to ask one by one, gets every task it finds instead.
        """
        if limit <= 0 or not words:
            return []
        times = Counter(words)
        known = [w for w in times if w in counts]  # a word no task holds finds nothing
        most = sorted((times[w] for w in known), reverse=True)
        smallest = next((size for size in range(1, len(most) + 1)
                         if sum(most[:size]) >= need), None)
        if smallest is None:
            return []
        # the sets to ask are counted before they are listed: a long query has millions
        sizes = range(len(known), smallest - 1, -1)
        listed = sum(math.comb(len(known), size) for size in sizes) <= _MAX_WORD_SETS
        sets = [held for size in sizes for held in itertools.combinations(known, size)
                if sum(times[w] for w in held) >= need] if listed else []
        found: list[TaskMatch] = []
        with self._snapshot() as (conn, _generation):
            if conn is None:
                return found
            if not listed:
                return self._tasks_holding(conn, times, counts, need, phrase)
            for held in sets:
                match = " AND ".join(_fts_term(w) for w in held)
                others = [w for w in known if w not in held]
                if others:
                    match = f"({match}) NOT ({' OR '.join(_fts_term(w) for w in others)})"
                words_held = frozenset(held)
                found.extend(TaskMatch(node, plan, words_held, bool(body), bool(head))
                             for plan, node, body, head in conn.execute(
                    "SELECT n.name, m.node, m.bp, m.hp FROM (SELECT s.node AS node, "
                    "s.plan AS plan, instr(s.body, ?) > 0 AS bp, instr(CASE WHEN s.head IS "
                    "NULL THEN substr(s.body, 1, s.head_len) ELSE s.head END, ?) > 0 AS hp "
                    "FROM search_words f JOIN search_rows s ON s.id = f.rowid "
                    "WHERE f.search_words MATCH ? ORDER BY bp + hp DESC, s.node LIMIT ?) m "
                    "JOIN names n ON n.id = m.plan", (phrase, phrase, match, limit)))
        return found

    @staticmethod
    def _tasks_holding(conn: sqlite3.Connection, times: Counter[str], counts: dict[str, int],
                       need: int, phrase: str) -> list[TaskMatch]:
        """Every task holding at least ``need`` of the words ``times`` counts, read row by
        row: those the index finds holding one of the rarest words (every such task
        holds one: without them too few words are left)."""
        rarest, rest = [], sum(times.values())
        for word in sorted(times, key=lambda w: (counts.get(w, 0), w)):
            if rest < need:
                break
            rarest.append(word)
            rest -= times[word]
        rarest = [w for w in rarest if w in counts]
        if not rarest:
            return []
        found = []
        for plan, node, size, head, body in conn.execute(
                "SELECT n.name, s.node, s.head_len, s.head, s.body FROM search_words f "
                "JOIN search_rows s ON s.id = f.rowid JOIN names n ON n.id = s.plan "
                "WHERE f.search_words MATCH ?", (" OR ".join(_fts_term(w) for w in rarest),)):
            held = frozenset(times).intersection(words_of(body))
            if sum(times[w] for w in held) >= need:
                found.append(TaskMatch(node, plan, held, phrase in body,
                                       phrase in (body[:size] if head is None else head)))
        return found

    def _rows(self, conn: sqlite3.Connection, where: str = "", args: tuple[Any, ...] = ()
              ) -> list[dict[str, Any]]:
        rows = conn.execute(f"SELECT plan_id, path, node_id, head, data FROM plans {where} "
                            "ORDER BY path, plan_id", args).fetchall()
        if not all(_packed(r[3]) and _packed(r[4]) for r in rows):
            raise self._damaged(ValueError("a plan row is not compressed JSON"))
        return [{"plan_id": r[0], "path": r[1], "node_id": r[2], "head": r[3], "data": r[4]}
                for r in rows]

    def _match(self, conn: sqlite3.Connection, ref: str) -> list[dict[str, Any]]:
        """Plans matching ``ref``: plan id, graph node id, number ("19/KH-SKHCN") or file."""
        for where, arg in (("WHERE plan_id = ?", ref), ("WHERE node_id = ?", ref)):
            rows = self._rows(conn, where, (arg,))
            if rows:
                return rows
        if Path(ref).exists():
            rows = self._rows(conn, "WHERE path = ?", (str(Path(ref).resolve()),))
            if rows:
                return rows
        rows = self._rows(conn)
        wanted = match_key(ref)
        found = [r for r in rows
                 if (number := self._head(r).get("number")) and match_key(number) == wanted]
        if found:
            return found
        name = fold(ref)
        return [r for r in rows if fold(Path(r["path"]).name) == name
                or fold(r["path"]).endswith("/" + name)]

    def _head(self, row: dict[str, Any]) -> dict[str, Any]:
        try:
            head = _unpack(row["head"])
            if not isinstance(head, dict):
                raise ValueError("a plan's head is not an object")
            return head
        except Exception as err:
            raise self._damaged(err) from err

    def _plan(self, row: dict[str, Any], lines: bytes | None) -> Plan:
        data = self._head(row)
        try:
            rest = _unpack(row["data"])
            if not isinstance(rest, dict):
                raise ValueError("a plan's data is not an object")
            data.update(rest)
            if lines is not None:
                data["lines"] = [{"text": t, "start": s, "end": e} for t, s, e in _unpack(lines)]
            return Plan.from_dict(data)
        except Exception as err:
            raise self._damaged(err) from err

    def plans(self, ids: Iterable[str] | None = None) -> list[Plan]:
        """Every stored plan, or those whose plan id is in ``ids`` (without their text
        lines; :meth:`plan` gives those)."""
        with self._reading() as conn:
            if conn is None:
                return []
            if ids is None:
                return [self._plan(row, None) for row in self._rows(conn)]
            rows = self._rows(conn, "WHERE plan_id IN (SELECT value FROM json_each(?))",
                              (json.dumps(sorted(set(ids))),))
            return [self._plan(row, None) for row in rows]

    def plan_heads(self) -> list[tuple[Plan, int]]:
        """Every stored plan without its tasks and text lines (what a list of plans
        shows: metadata and references), with its number of tasks.

        Decoding every plan whole costs ~1 ms a plan; a head costs ~0.03 ms, and the
        tasks are counted from the task rows (decoded only for a plan whose tasks were
        taken from another copy of the same document)."""
        with self._reading() as conn:
            if conn is None:
                return []
            rows = self._rows(conn)
            counts = dict(conn.execute(
                "SELECT b.block, COUNT(*) FROM task_rows r JOIN task_blocks b "
                "ON b.plan = r.plan GROUP BY r.plan"))
            heads = []
            for row in rows:
                count = counts.get(row["plan_id"])
                if count is None:
                    count = len(self._plan(row, None).tasks)
                heads.append((Plan.from_dict(self._head(row)), count))
            return heads

    def find_plans(self, ref: str) -> list[Plan]:
        """Plans matching ``ref`` (plan id, node id, number or file), with their lines."""
        with self._reading() as conn:
            if conn is None:
                return []
            plans = []
            for row in self._match(conn, ref):
                lines = conn.execute("SELECT lines FROM plans WHERE plan_id = ?",
                                     (row["plan_id"],)).fetchone()[0]
                plans.append(self._plan(row, lines))
            return plans

    def plan(self, ref: str) -> Plan:
        """The one plan ``ref`` names; :class:`StoreError` when none or several match."""
        found = self.find_plans(ref)
        if not found:
            raise StoreError(f"no plan in store {self.path} matches {ref!r}")
        if len(found) > 1:
            listing = ", ".join(f"{p.id} ({p.source.path})" for p in found)
            raise StoreError(f"{ref!r} matches {len(found)} plans: {listing}; "
                             "give the plan id or file")
        return found[0]

    def plan_nodes(self) -> dict[str, str]:
        """The graph node id of every stored plan, by plan id."""
        with self._reading() as conn:
            if conn is None:
                return {}
            return {p: n for p, n in conn.execute("SELECT plan_id, node_id FROM plans")}

    def files(self) -> list[dict[str, Any]]:
        """Every file the store knows: path, sha256, plan id, status and reason."""
        with self._reading() as conn:
            if conn is None:
                return []
            return [{"path": r[0], "sha256": r[1], "plan": r[2], "status": r[3], "reason": r[4]}
                    for r in conn.execute("SELECT path, sha256, plan_id, status, reason "
                                          "FROM files ORDER BY path")]

    def stats(self) -> dict[str, Any]:
        """Counts: files by status, nodes by kind, edges by relation, and per province.

        The graph's items are walked a batch of blocks at a time (:meth:`iter_block_items`)
        and merged as :meth:`graph` merges them (a later value of an attribute wins), keeping
        only what is counted: a tenth of the whole graph's memory."""
        files = Counter(f["status"] for f in self.files())
        nodes: dict[str, list[Any]] = {}  # id → its _COUNTED attributes
        edges: dict[tuple[str, str, Any], Any] = {}  # (source, target, key) → rel
        with gc_paused():
            self._tally_items(nodes, edges)
        kinds = Counter(facts[0] for facts in nodes.values())
        rels = Counter(edges.values())
        names = {n: facts[2] or facts[3] for n, facts in nodes.items()
                 if facts[0] == Kind.PROVINCE.value}
        per: dict[str, Counter[str]] = defaultdict(Counter)
        placed = (Kind.PLAN.value, Kind.DOCUMENT.value, Kind.TASK.value, Kind.UNIT.value)
        for kind, province, _name, _label in nodes.values():
            if province and kind in placed:
                per[names.get(province, province)][kind] += 1
        return {
            "store": str(self.path),
            "format_version": FORMAT_VERSION,
            "files": dict(sorted(files.items())),
            "nodes": dict(sorted(kinds.items())),
            "edges": dict(sorted(rels.items())),
            "provinces": {p: dict(sorted(c.items())) for p, c in sorted(per.items())},
            "total_nodes": len(nodes),
            "total_edges": len(edges),
        }

    def _tally_items(self, nodes: dict[str, list[Any]],
                     edges: dict[tuple[str, str, Any], Any]) -> None:
        """Merge the graph's items into ``nodes`` (id → the :data:`_COUNTED` attributes) and
        ``edges`` ((source, target, key) → rel), as :meth:`graph` merges them (the cycle
        collector paused by the caller: these are millions of small objects)."""
        for node_items, edge_items in self.iter_block_items():
            for node, attrs in node_items:
                facts = nodes.get(node)
                if facts is None:
                    nodes[node] = [attrs.get(name) for name in _COUNTED]
                    continue
                for i, name in enumerate(_COUNTED):
                    if name in attrs:
                        facts[i] = attrs[name]
            for source, target, key, attrs in edge_items:
                rel = attrs.get("rel")
                if rel is not None or (source, target, key) not in edges:
                    edges[(source, target, key)] = rel
            for source, target, _key, _attrs in edge_items:  # an edge adds its ends
                if source not in nodes:
                    nodes[source] = [None] * len(_COUNTED)
                if target not in nodes:
                    nodes[target] = [None] * len(_COUNTED)


def open_store(path: str | os.PathLike[str] | None = None, **kwargs: Any) -> Store:
    """The store at ``path``, else ``$POLICYKG_STORE``, else ``./.policykg/store.db``."""
    return Store(path, **kwargs)


# --- records: plans and tasks as plain JSON-ready dicts (CLI --json and the API) ---------


_PLAN_INDEX: weakref.WeakKeyDictionary[nx.MultiDiGraph, dict[str, str]] = (
    weakref.WeakKeyDictionary())


def _node_of(plan: Plan, graph: nx.MultiDiGraph) -> str | None:
    """The plan's node, from an index built once per graph."""
    index = _PLAN_INDEX.get(graph)
    if index is None or len(index) > graph.number_of_nodes():
        index = {d["plan_id"]: n for n, d in graph.nodes(data=True)
                 if d.get("kind") == Kind.PLAN.value and d.get("plan_id")}
        _PLAN_INDEX[graph] = index
    return index.get(plan.id)


def plan_record(plan: Plan, graph: nx.MultiDiGraph, tasks: int | None = None
                ) -> dict[str, Any]:
    """A plan as listed: metadata and its references with their graph node ids (the
    skeleton holds them); ``tasks`` counts its tasks when ``plan`` is only its head
    (:meth:`Store.plan_heads`)."""
    node = _node_of(plan, graph)
    data = graph.nodes[node] if node else {}
    ref_nodes = data.get("ref_nodes") or [None] * len(plan.references)
    province = graph.nodes.get(data.get("province")) or {} if data.get("province") else {}
    return {
        "id": plan.id,
        "node": node,
        "file": plan.source.path,
        "province": plan.province,
        "current_province": province.get("current_name"),
        "issuer": plan.issuer,
        "number": plan.number,
        "date": plan.date,
        "title": plan.title,
        "signer": plan.signer,
        "signer_capacity": plan.signer_capacity,
        "tasks": len(plan.tasks) if tasks is None else tasks,
        "references": [
            {"id": target, "key": ref.key, "relation": ref.relation, "date": ref.date,
             "issuer": ref.issuer, "subject": ref.subject,
             "source": {"file": ref.source.file, "line_start": ref.source.line_start,
                        "line_end": ref.source.line_end, "quote": ref.source.quote}}
            for ref, target in zip(plan.references, ref_nodes, strict=False)
        ],
    }


def task_records(plan: Plan, graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Every task of ``plan`` as a dict: units, deadline, outputs and source lines."""
    from policykg.graph.identity import task_id

    node = _node_of(plan, graph) or ""
    local = {t.id for t in plan.tasks}
    records = []
    for task in plan.tasks:
        tid = task_id(node, task.id)
        units = []
        for mention in task.units:
            rel = "LED_BY" if mention.role == "lead" else "SUPPORTED_BY"
            edges = [(v, d) for _, v, d in (graph.out_edges(tid, data=True) if tid in graph
                                            else []) if d.get("rel") == rel]
            target = next((v for v, d in edges if d.get("quote") == mention.source.quote
                           and d.get("line_start") == mention.source.line_start), None) or next(
                (v for v, _ in edges if mention.canonical in graph.nodes[v].get("aliases", [])),
                None)
            units.append({"name": mention.canonical, "as_written": mention.name,
                          "role": mention.role, "category": mention.category, "unit": target})
        deadline = task.deadline
        records.append({
            "id": tid,
            "plan": plan.id,
            "plan_node": node,
            "number": task.number,
            "text": task.text,
            "section": task.section,
            "group": task.group,
            "lead": task.lead,
            "support": task.support,
            "units": units,
            "deadline": deadline.text if deadline else None,
            "deadline_info": ({"start_year": deadline.start_year, "end_year": deadline.end_year,
                               "date": deadline.date, "recurrence": deadline.recurrence}
                              if deadline else None),
            "outputs": list(task.outputs),
            "targets": [t.text for t in task.targets],
            "steps": list(task.steps),
            "parent": task_id(node, task.parent) if task.parent in local else None,
            "source": {"file": task.source.file, "line_start": task.source.line_start,
                       "line_end": task.source.line_end, "quote": task.source.quote},
        })
    return records

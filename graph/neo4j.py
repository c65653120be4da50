"""Push the knowledge graph into a Neo4j database (or any Bolt server speaking Cypher).

Every node becomes ``(:PolicykgNode:<Kind> {id, …})`` and every edge a relationship
of its :class:`~policykg.ontology.schema.Rel` type carrying a stable ``key`` (a hash
of source, relation, target and the edge's key in the graph), so writes ``MERGE``
on ids and keys and pushing twice changes nothing. The shared label
``PolicykgNode`` lets a document change kind (a cited document later ingested as a
plan) without leaving a second node behind, and keeps our nodes apart from
anything else in the database.

Properties: scalars and lists of one scalar type are stored as they are; ``None``
is left out (and named in ``_nulls``); anything else (dicts, lists of dicts or of
mixed types) is stored as JSON text and named in ``_json``, so
:func:`decode_properties` gives back the graph's attributes exactly. ``_hash`` is
a digest of the node's or relationship's content: it is the push state, kept in
the database itself, so ``--incremental`` compares it with the graph and writes
only what changed, and a push cut off half way is finished by the next one.

Servers differ; what this module relies on is probed, not assumed from a name:
uniqueness constraints (else plain indexes), transactions (a rolled-back probe
write must vanish) and, from that, how large one request may be. All values
travel as parameters; labels and relationship types are spliced into query text
only from the :class:`Kind` and :class:`Rel` enums.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from policykg.ontology.schema import Kind, Rel

__all__ = [
    "NODE_LABEL",
    "Capabilities",
    "Neo4jError",
    "PushReport",
    "connect",
    "decode_properties",
    "edge_key",
    "encode_properties",
    "fetch_graph",
    "probe",
    "probe_limits",
    "push",
]

NODE_LABEL = "PolicykgNode"
STATE_LABEL = "PolicykgState"
PROBE_LABEL = "PolicykgProbe"
KINDS: tuple[str, ...] = tuple(k.value for k in Kind)
RELS: tuple[str, ...] = tuple(r.value for r in Rel)

# Request sizes, in bytes of query text plus JSON-encoded parameters.
FULL_BATCH_BYTES = 1 << 20  # a transactional server takes large batches
LIMITED_BATCH_BYTES = 3000  # an endpoint without transactions: small requests only
START_BATCH_BYTES = 2000  # the first batch; later ones grow after each success
RETRIES = 5  # attempts per request when the connection fails
BACKOFF = 0.5  # seconds before the first retry; doubles each time (capped at 8 s)

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_META = ("_hash", "_json", "_nulls", "_nxkey")


class Neo4jError(Exception):
    """The database cannot be used as asked; the message says why."""


def connect(uri: str, user: str | None = None, password: str | None = None,
            **config: Any) -> Any:
    """A driver for ``uri``; no authentication when ``user`` is empty."""
    from neo4j import GraphDatabase

    auth = (user, password or "") if user else None
    config.setdefault("connection_acquisition_timeout", 10)
    config.setdefault("connection_timeout", 10)
    try:
        return GraphDatabase.driver(uri, auth=auth, **config)
    except ValueError as err:  # a malformed URI
        raise Neo4jError(f"cannot use {uri!r}: {err}") from None


# --- properties ----------------------------------------------------------------------------


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) and not (
        isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1 << 63)


def _storable_list(value: list[Any]) -> bool:
    """A list a property can hold: scalars of one type (empty lists too)."""
    if not all(_scalar(v) for v in value):
        return False
    return len({bool if isinstance(v, bool) else type(v) for v in value}) <= 1


def encode_properties(attrs: dict[str, Any]) -> dict[str, Any]:
    """Graph attributes → properties a Bolt server stores (see the module docstring)."""
    props: dict[str, Any] = {}
    encoded: list[str] = []
    nulls: list[str] = []
    for key, value in attrs.items():
        if key in _META:
            continue
        if value is None:
            nulls.append(key)
        elif _scalar(value):
            props[key] = value
        elif isinstance(value, list | tuple) and _storable_list(list(value)):
            props[key] = list(value)
        else:
            props[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            encoded.append(key)
    if encoded:
        props["_json"] = sorted(encoded)
    if nulls:
        props["_nulls"] = sorted(nulls)
    return props


def decode_properties(props: dict[str, Any]) -> dict[str, Any]:
    """Properties read back → the graph attributes they were encoded from."""
    attrs = {k: v for k, v in props.items() if k not in _META}
    for key in props.get("_json") or []:
        if isinstance(attrs.get(key), str):
            attrs[key] = json.loads(attrs[key])
    for key in props.get("_nulls") or []:
        attrs[key] = None
    return attrs


def _digest(*parts: Any) -> str:
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def edge_key(src: str, rel: str, dst: str, key: Any = None) -> str:
    """The stable identity of one edge: parallel edges differ by their graph key."""
    return _digest(src, rel, dst, str(key) if key is not None else rel)


# --- rows ----------------------------------------------------------------------------------


@dataclass
class _NodeRow:
    id: str
    kind: str | None  # a Kind value, else None (the node gets only the shared label)
    props: dict[str, Any]

    def param(self) -> dict[str, Any]:
        return {"id": self.id, "props": self.props}


@dataclass
class _EdgeRow:
    src: str
    dst: str
    rel: str
    key: str
    props: dict[str, Any]

    def param(self) -> dict[str, Any]:
        return {"src": self.src, "dst": self.dst, "key": self.key, "props": self.props}


def _node_rows(graph: nx.MultiDiGraph) -> list[_NodeRow]:
    rows = []
    for node, attrs in graph.nodes(data=True):
        kind = attrs.get("kind")
        kind = str(kind) if kind in KINDS else None
        props = encode_properties(dict(attrs))
        props["id"] = str(node)
        props["_hash"] = _digest(kind, props)
        rows.append(_NodeRow(str(node), kind, props))
    return rows


def _edge_rows(graph: nx.MultiDiGraph) -> list[_EdgeRow]:
    rows = []
    for src, dst, nxkey, attrs in graph.edges(keys=True, data=True):
        rel = attrs.get("rel")
        if rel not in RELS:
            raise Neo4jError(f"edge {src} → {dst} has relation {rel!r}, which is not one of "
                             f"{', '.join(RELS)}")
        key = edge_key(str(src), str(rel), str(dst), nxkey)
        props = encode_properties(dict(attrs))
        if str(nxkey) != str(rel):
            props["_nxkey"] = str(nxkey)
        props["key"] = key
        props["_hash"] = _digest(rel, props)
        rows.append(_EdgeRow(str(src), str(dst), str(rel), key, props))
    return rows


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, default=str).encode("utf-8"))


# --- queries (labels and types from the enums only) ----------------------------------------


def _merge_nodes_query(kind: str | None) -> str:
    others = [k for k in KINDS if k != kind]
    text = (f"UNWIND $rows AS row MERGE (n:{NODE_LABEL} {{id: row.id}}) SET n = row.props")
    if kind:
        text += f" SET n:{kind}"
    return text + " REMOVE n:" + ":".join(others)


def _merge_edges_query(rel: str) -> str:
    return (f"UNWIND $rows AS row MATCH (a:{NODE_LABEL} {{id: row.src}}) "
            f"MATCH (b:{NODE_LABEL} {{id: row.dst}}) "
            f"MERGE (a)-[r:{rel} {{key: row.key}}]->(b) SET r = row.props")


DELETE_NODES = (f"UNWIND $rows AS row MATCH (n:{NODE_LABEL} {{id: row.id}}) "
                "DETACH DELETE n")
DELETE_EDGES = (f"UNWIND $rows AS row MATCH (a:{NODE_LABEL} {{id: row.src}})-[r]->"
                f"(b:{NODE_LABEL} {{id: row.dst}}) WHERE r.key = row.key DELETE r")
STATE_NODES = f"MATCH (n:{NODE_LABEL}) RETURN n.id AS id, n._hash AS hash"
STATE_EDGES = (f"MATCH (a:{NODE_LABEL})-[r]->(b:{NODE_LABEL}) "
               "RETURN a.id AS src, b.id AS dst, r.key AS key, r._hash AS hash")
COUNT_NODES = f"MATCH (n:{NODE_LABEL}) RETURN count(n) AS n"
COUNT_EDGES = f"MATCH (:{NODE_LABEL})-[r]->(:{NODE_LABEL}) RETURN count(r) AS n"
PLAN_STATE = (f"MATCH (n:{NODE_LABEL}) WHERE n.kind = $kind "
              "RETURN n.plan_id AS plan, n._hash AS hash")
WRITE_STATE = (f"MERGE (s:{STATE_LABEL} {{id: 'push'}}) SET s.pushed_at = $at, "
               "s.nodes = $nodes, s.relationships = $relationships, s.plans = $plans")


# --- capabilities --------------------------------------------------------------------------


@dataclass
class Capabilities:
    """What the server was found to support."""

    constraints: bool = False
    relationship_constraints: bool = False
    transactions: bool = False
    max_batch_bytes: int = LIMITED_BATCH_BYTES
    escape_strings: bool = False  # the server reads text parameters as Cypher literals

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _session(driver: Any, database: str | None) -> Any:
    return driver.session(database=database) if database else driver.session()


def _try(session: Any, query: str, **params: Any) -> bool:
    from neo4j.exceptions import ClientError, DatabaseError

    try:
        session.run(query, params).consume()
        return True
    except (ClientError, DatabaseError):
        return False


def _retrying(call: Callable[[], Any], retries: int = RETRIES, backoff: float = BACKOFF,
              sleep: Callable[[float], None] = time.sleep) -> Any:
    """``call()``, tried again with back-off while the connection fails (bounded)."""
    delay = backoff
    for attempt in range(1, retries + 1):
        try:
            return call()
        except Exception as err:
            if not _transient(err) or attempt == retries:
                raise
            sleep(delay)
            delay = min(delay * 2, 8.0)
    raise AssertionError("unreachable")


def probe(driver: Any, database: str | None = None) -> Capabilities:
    """Find what the server supports (retrying a failed connection) and set up the schema."""
    return _retrying(lambda: _probe(driver, database))


def _probe(driver: Any, database: str | None = None) -> Capabilities:
    """Find what the server supports and set up the schema accordingly.

    Uniqueness constraints on node ids (and relationship keys) where the server
    takes them, indexes otherwise. Transactions: a write rolled back must not be
    seen afterwards; a server that keeps it gets small requests only.
    """
    caps = Capabilities()
    with _session(driver, database) as session:
        caps.constraints = _try(
            session, f"CREATE CONSTRAINT policykg_node_id IF NOT EXISTS FOR (n:{NODE_LABEL}) "
                     "REQUIRE n.id IS UNIQUE")
        if not caps.constraints:
            _try(session, f"CREATE INDEX FOR (n:{NODE_LABEL}) ON (n.id)")
        for rel in RELS:
            made = _try(session, f"CREATE CONSTRAINT policykg_{rel.lower()}_key IF NOT EXISTS "
                                 f"FOR ()-[r:{rel}]-() REQUIRE r.key IS UNIQUE")
            caps.relationship_constraints = caps.relationship_constraints or made
            if not made:
                _try(session, f"CREATE INDEX FOR ()-[r:{rel}]-() ON (r.key)")
        caps.transactions = _rollback_works(session)
        caps.escape_strings = _needs_escaping(session)
    caps.max_batch_bytes = FULL_BATCH_BYTES if caps.transactions else LIMITED_BATCH_BYTES
    return caps


def _rollback_works(session: Any) -> bool:
    """Whether a write rolled back is gone afterwards (the probe node is removed either way)."""
    token = uuid.uuid4().hex
    try:
        tx = session.begin_transaction()
        try:
            tx.run(f"CREATE (:{PROBE_LABEL} {{token: $token}})", token=token).consume()
        finally:
            tx.rollback()
        kept = session.run(f"MATCH (p:{PROBE_LABEL} {{token: $token}}) RETURN count(p) AS n",
                           token=token).single()["n"]
        return kept == 0
    except Exception:  # noqa: BLE001 - any failure means no usable transactions
        return False
    finally:
        try:
            session.run(f"MATCH (p:{PROBE_LABEL} {{token: $token}}) DELETE p",
                        token=token).consume()
        except Exception:  # noqa: BLE001 - a read-only user cannot leave one behind
            pass


def probe_limits(driver: Any, database: str | None = None) -> Capabilities:
    """How large a request may be (from whether transactions work) and how text
    travels, without touching the schema: what readers need."""
    def check() -> tuple[bool, bool]:
        with _session(driver, database) as session:
            return _rollback_works(session), _needs_escaping(session)

    transactions, escape = _retrying(check)
    return Capabilities(transactions=transactions, escape_strings=escape,
                        max_batch_bytes=FULL_BATCH_BYTES if transactions
                        else LIMITED_BATCH_BYTES)


_PROBE_TEXT = "it's a \\n \"probe\""


def _escape(value: Any) -> Any:
    """Text values written as Cypher string literal bodies (keys are left alone)."""
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, list):
        return [_escape(v) for v in value]
    if isinstance(value, dict):
        return {k: _escape(v) for k, v in value.items()}
    return value


def _needs_escaping(session: Any) -> bool:
    """Whether text parameters must be escaped to arrive intact.

    A server may read parameters as Cypher literals, so a quote or backslash in a
    value would be taken as syntax; it is found by sending such a value back.
    """
    from neo4j.exceptions import ClientError, DatabaseError

    try:
        if session.run("RETURN $text AS text", text=_PROBE_TEXT).single()["text"] == _PROBE_TEXT:
            return False
    except (ClientError, DatabaseError):
        pass
    try:
        back = session.run("RETURN $text AS text", text=_escape(_PROBE_TEXT)).single()["text"]
    except (ClientError, DatabaseError):
        back = None
    if back != _PROBE_TEXT:
        raise Neo4jError("the server changes text sent to it (quotes and backslashes do not "
                         "arrive intact), so nothing can be written safely")
    return True


# --- running requests: retries and adaptive batches ----------------------------------------


def _transient(err: BaseException) -> bool:
    from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError

    return isinstance(err, ServiceUnavailable | SessionExpired | TransientError | OSError)


@dataclass
class _Runner:
    driver: Any
    database: str | None
    caps: Capabilities
    retries: int = RETRIES
    backoff: float = BACKOFF
    sleep: Callable[[float], None] = time.sleep
    budget: int = START_BATCH_BYTES
    attempts: int = 0
    failures: int = 0
    requests: int = 0

    session: Any = None
    holding: int = 0

    def __enter__(self) -> _Runner:
        """Within ``with runner:`` requests share one session (one connection)."""
        self.holding += 1
        return self

    def __exit__(self, *exc: Any) -> None:
        self.holding -= 1
        if not self.holding:
            self.close()

    def _open(self) -> Any:
        """The runner's session, opened on first use (one session, one connection)."""
        if self.session is None:
            self.session = _session(self.driver, self.database)
        return self.session

    def close(self) -> None:
        if self.session is not None:
            try:
                self.session.close()
            except Exception:  # noqa: BLE001 - a broken session is dropped all the same
                pass
            self.session = None

    def run(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run one request, retrying a lost connection with back-off (bounded)."""
        delay = self.backoff
        if self.caps.escape_strings:
            params = _escape(params)
        for attempt in range(1, self.retries + 1):
            self.attempts += 1
            try:
                session = self._open()
                if self.caps.transactions:
                    rows = session.execute_write(
                        lambda tx: [r.data() for r in tx.run(query, params)])
                else:
                    rows = [r.data() for r in session.run(query, params)]
                self.requests += 1
                if not self.holding:
                    self.close()
                return rows
            except Exception as err:
                self.close()
                if not _transient(err):
                    raise
                self.failures += 1
                if attempt == self.retries:
                    raise Neo4jError(f"the database stopped answering ({_describe(err)}) after "
                                     f"{self.retries} attempts; run the push again to finish "
                                     "it (nothing is written twice)") from None
                self.sleep(delay)
                delay = min(delay * 2, 8.0)
        raise AssertionError("unreachable")

    def size(self, value: Any) -> int:
        """Bytes ``value`` takes on the wire (escaped text is longer)."""
        return _size(_escape(value) if self.caps.escape_strings else value)

    def batches(self, query: str, rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
        """Split ``rows`` into requests within the byte budget, which grows after success."""
        overhead = len(query.encode("utf-8")) + 64
        batch: list[dict[str, Any]] = []
        size = overhead
        for row in rows:
            row_size = self.size(row) + 2
            if batch and size + row_size > self.budget:
                yield batch
                self.budget = min(self.budget * 2, self.caps.max_batch_bytes)
                batch, size = [], overhead
            batch.append(row)
            size += row_size
        if batch:
            yield batch

    def write(self, query: str, rows: list[dict[str, Any]],
              done: Callable[[int], None] | None = None) -> None:
        """Write ``rows`` with ``query`` in batches; a rejected batch is split in halves."""
        from neo4j.exceptions import ClientError, DatabaseError

        for batch in self.batches(query, rows):
            stack = [batch]
            while stack:
                part = stack.pop()
                try:
                    self.run(query, rows=part)
                except (ClientError, DatabaseError) as err:
                    if len(part) == 1:
                        raise Neo4jError(f"the database refused {_row_name(part[0])}: "
                                         f"{_describe(err)}") from None
                    self.budget = max(self.budget // 2, 512)
                    half = len(part) // 2
                    stack += [part[half:], part[:half]]
                    continue
                if done:
                    done(len(part))


def _describe(err: BaseException) -> str:
    message = getattr(err, "message", None) or str(err) or type(err).__name__
    return " ".join(str(message).split())[:300]


def _row_name(row: dict[str, Any]) -> str:
    if "key" in row:
        return f"relationship {row.get('src')} → {row.get('dst')}"
    return f"node {row.get('id')}"


# --- oversized rows: written in pieces -----------------------------------------------------


def _pieces(value: Any, limit: int) -> list[Any]:
    """``value`` (a string or list) cut so each piece's JSON fits ``limit`` bytes."""
    pieces: list[Any] = []
    if isinstance(value, str):
        start, size = 0, 2
        for i, char in enumerate(value):
            width = _size(char) - 2
            if size + width > limit and i > start:
                pieces.append(value[start:i])
                start, size = i, 2
            size += width
        return [*pieces, value[start:]]
    current_list: list[Any] = []
    for item in value:
        if current_list and _size([*current_list, item]) > limit:
            pieces.append(current_list)
            current_list = []
        current_list.append(item)
    return [*pieces, current_list]


def _write_large(runner: _Runner, merge_query: str, row: dict[str, Any], is_edge: bool) -> None:
    """Write one row too large for a request: small properties first, then each large
    one appended piece by piece, and ``_hash`` last (so a cut-off write is redone)."""
    limit = max(runner.caps.max_batch_bytes // (4 if runner.caps.escape_strings else 2), 256)
    props = dict(row["props"])
    final_hash = props.pop("_hash")
    large: dict[str, Any] = {}
    small = dict(props)
    for key in sorted(small, key=lambda k: -_size(small[k])):
        if runner.size({**row, "props": small}) <= limit \
                or not isinstance(small[key], str | list):
            break
        large[key] = small.pop(key)
    runner.run(merge_query, rows=[{**row, "props": small}])
    match = (f"MATCH (:{NODE_LABEL} {{id: $src}})-[n]->(:{NODE_LABEL} {{id: $dst}}) "
             "WHERE n.key = $key" if is_edge else f"MATCH (n:{NODE_LABEL} {{id: $id}})")
    ids = ({"src": row["src"], "dst": row["dst"], "key": row["key"]} if is_edge
           else {"id": row["id"]})
    for key, value in large.items():
        if not _KEY.match(key):
            raise Neo4jError(f"{_row_name(row)}: property name {key!r} cannot be written")
        empty = "''" if isinstance(value, str) else "[]"
        for piece in _pieces(value, limit):
            runner.run(f"{match} SET n.`{key}` = coalesce(n.`{key}`, {empty}) + $piece",
                       piece=piece, **ids)
    runner.run(f"{match} SET n._hash = $hash", hash=final_hash, **ids)


# --- push ----------------------------------------------------------------------------------


@dataclass
class PushReport:
    """What one push did, and what the database holds afterwards."""

    nodes_written: int = 0
    relationships_written: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    nodes_unchanged: int = 0
    relationships_unchanged: int = 0
    nodes: int = 0  # in the database after the push
    relationships: int = 0
    plans_added: list[str] = field(default_factory=list)
    plans_changed: list[str] = field(default_factory=list)
    plans_forgotten: list[str] = field(default_factory=list)
    incremental: bool = False
    requests: int = 0
    retries: int = 0
    capabilities: Capabilities = field(default_factory=Capabilities)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _plan_hashes(graph: nx.MultiDiGraph, rows: list[_NodeRow]) -> dict[str, str]:
    """Per plan: a digest of its node, its tasks and their edges (what a re-push changes)."""
    by_id = {r.id: r.props["_hash"] for r in rows}
    hashes: dict[str, str] = {}
    tasks: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        if data.get("kind") == Kind.TASK.value and data.get("plan"):
            tasks.setdefault(str(data["plan"]), []).append(str(node))
    for node, data in graph.nodes(data=True):
        if data.get("kind") != Kind.PLAN.value:
            continue
        members = [str(node), *sorted(tasks.get(str(node), []))]
        edges = sorted(edge_key(str(u), str(d.get("rel")), str(v), k)
                       for m in members for u, v, k, d in graph.out_edges(m, keys=True, data=True))
        hashes[str(data.get("plan_id") or node)] = _digest([by_id[m] for m in members], edges)
    return hashes


def push(graph: nx.MultiDiGraph, driver: Any, *, database: str | None = None,
         incremental: bool = False, caps: Capabilities | None = None,
         on_progress: Progress | None = None, retries: int = RETRIES,
         backoff: float = BACKOFF, sleep: Callable[[float], None] = time.sleep) -> PushReport:
    """Make the database's policykg nodes and relationships equal to ``graph``.

    Every node and relationship is written with ``MERGE`` on its id or key; ones
    the database holds but the graph no longer has (a forgotten plan's tasks, a
    document nobody cites any more) are deleted. ``incremental`` writes only
    what differs from the content hashes stored at the last push. A lost
    connection is retried with back-off; when it stays lost, :class:`Neo4jError`
    says so and a second push finishes the job.
    """
    caps = caps or probe(driver, database)
    runner = _Runner(driver, database, caps, retries=retries, backoff=backoff, sleep=sleep)
    with runner:
        return _push(graph, runner, caps, incremental, on_progress)


def _push(graph: nx.MultiDiGraph, runner: _Runner, caps: Capabilities, incremental: bool,
          on_progress: Progress | None) -> PushReport:
    report = PushReport(incremental=incremental, capabilities=caps)
    node_rows = _node_rows(graph)
    edge_rows = _edge_rows(graph)
    plan_hashes = _plan_hashes(graph, node_rows)

    stored_nodes = {r["id"]: r["hash"] for r in runner.run(STATE_NODES)}
    stored_edges = {r["key"]: r for r in runner.run(STATE_EDGES)}
    stored_plans = _stored_plan_hashes(runner)
    report.plans_added = sorted(set(plan_hashes) - set(stored_plans))
    report.plans_changed = sorted(p for p in plan_hashes.keys() & stored_plans.keys()
                                  if plan_hashes[p] != stored_plans[p])
    report.plans_forgotten = sorted(set(stored_plans) - set(plan_hashes))

    wanted_nodes = {r.id for r in node_rows}
    wanted_edges = {r.key for r in edge_rows}
    stale_edges = [{"src": r["src"], "dst": r["dst"], "key": r["key"]}
                   for k, r in stored_edges.items() if k not in wanted_edges]
    stale_nodes = [{"id": n} for n in stored_nodes if n not in wanted_nodes]
    if incremental:
        todo_nodes = [r for r in node_rows if stored_nodes.get(r.id) != r.props["_hash"]]
        todo_edges = [r for r in edge_rows
                      if (stored_edges.get(r.key) or {}).get("hash") != r.props["_hash"]]
    else:
        todo_nodes, todo_edges = node_rows, edge_rows
    report.nodes_unchanged = len(node_rows) - len(todo_nodes)
    report.relationships_unchanged = len(edge_rows) - len(todo_edges)

    total = len(stale_edges) + len(stale_nodes) + len(todo_nodes) + len(todo_edges)
    done = 0

    def advance(stage: str) -> Callable[[int], None]:
        def step(count: int) -> None:
            nonlocal done
            done += count
            if on_progress:
                on_progress(stage, done, total)
        return step

    if on_progress:
        on_progress("start", 0, total)
    runner.write(DELETE_EDGES, stale_edges, advance("deleting relationships"))
    runner.write(DELETE_NODES, stale_nodes, advance("deleting nodes"))
    report.relationships_deleted, report.nodes_deleted = len(stale_edges), len(stale_nodes)
    _write_rows(runner, todo_nodes, advance("writing nodes"), edges=False)
    _write_rows(runner, todo_edges, advance("writing relationships"), edges=True)
    report.nodes_written, report.relationships_written = len(todo_nodes), len(todo_edges)

    report.nodes = runner.run(COUNT_NODES)[0]["n"]
    report.relationships = runner.run(COUNT_EDGES)[0]["n"]
    _write_state(runner, report, plan_hashes)
    report.requests, report.retries = runner.requests, runner.failures
    return report


def _stored_plan_hashes(runner: _Runner) -> dict[str, str]:
    rows = runner.run(f"MATCH (s:{STATE_LABEL} {{id: 'push'}}) RETURN s.plans AS plans")
    entries = (rows[0]["plans"] if rows else None) or []
    return dict(e.rsplit("=", 1) for e in entries if isinstance(e, str) and "=" in e)


def _write_state(runner: _Runner, report: PushReport, plan_hashes: dict[str, str]) -> None:
    """The push record: when, the counts, and each plan's content digest.

    The digest list is written in pieces so a request stays within the budget.
    """
    from datetime import UTC, datetime

    entries = [f"{p}={h}" for p, h in sorted(plan_hashes.items())]
    at = datetime.now(UTC).isoformat(timespec="seconds")
    runner.run(WRITE_STATE, at=at, nodes=report.nodes, relationships=report.relationships,
               plans=[])
    limit = max(runner.caps.max_batch_bytes // (4 if runner.caps.escape_strings else 2), 256)
    for piece in _pieces(entries, limit) if entries else []:
        runner.run(f"MATCH (s:{STATE_LABEL} {{id: 'push'}}) SET s.plans = s.plans + $piece",
                   piece=piece)


def _write_rows(runner: _Runner, rows: Iterable[_NodeRow] | Iterable[_EdgeRow],
                done: Callable[[int], None], *, edges: bool) -> None:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        group = row.rel if isinstance(row, _EdgeRow) else (row.kind or "")
        groups.setdefault(group, []).append(row.param())
    for group, params in sorted(groups.items()):
        query = _merge_edges_query(group) if edges else _merge_nodes_query(group or None)
        limit = runner.caps.max_batch_bytes - len(query.encode("utf-8")) - 64
        fitting = [p for p in params if runner.size(p) <= limit]
        runner.write(query, fitting, done)
        for row in (p for p in params if runner.size(p) > limit):
            _write_large(runner, query, row, is_edge=edges)
            done(1)


# --- reading back --------------------------------------------------------------------------

NODES_BY_KIND = (f"MATCH (n:{NODE_LABEL}) WHERE n.kind IN $kinds "
                 "RETURN n.id AS id, properties(n) AS props")
NODES_BY_ID = (f"UNWIND $ids AS wanted MATCH (n:{NODE_LABEL} {{id: wanted}}) "
               "RETURN n.id AS id, properties(n) AS props")
RELS_BY_TYPE = (f"MATCH (a:{NODE_LABEL})-[r]->(b:{NODE_LABEL}) WHERE type(r) IN $rels "
                "RETURN a.id AS src, b.id AS dst, type(r) AS rel, properties(r) AS props")
RELS_FROM = (f"UNWIND $ids AS wanted MATCH (a:{NODE_LABEL} {{id: wanted}})-[r]->"
             f"(b:{NODE_LABEL}) WHERE type(r) IN $rels "
             "RETURN a.id AS src, b.id AS dst, type(r) AS rel, properties(r) AS props")


def add_nodes(graph: nx.MultiDiGraph, rows: Iterable[dict[str, Any]]) -> None:
    """Add nodes read back (``id``, ``props``) to ``graph`` with their attributes decoded."""
    for row in sorted(rows, key=lambda r: r["id"]):
        attrs = decode_properties(row["props"])
        attrs.pop("id", None)
        graph.add_node(row["id"], **attrs)


def add_edges(graph: nx.MultiDiGraph, rows: Iterable[dict[str, Any]]) -> None:
    """Add relationships read back (``src``, ``dst``, ``rel``, ``props``) between known nodes."""
    for row in sorted(rows, key=lambda r: (r["src"], r["rel"], r["dst"])):
        if row["src"] in graph and row["dst"] in graph:
            props = row["props"]
            attrs = decode_properties(props)
            attrs.pop("key", None)
            graph.add_edge(row["src"], row["dst"], key=props.get("_nxkey") or row["rel"],
                           **attrs)


def fetch_graph(driver: Any, database: str | None = None,
                kinds: Iterable[str] | None = None, rels: Iterable[str] | None = None
                ) -> nx.MultiDiGraph:
    """The nodes of ``kinds`` and the relationships of ``rels`` among them (all by default)."""
    graph = nx.MultiDiGraph()
    with _Runner(driver, database, probe_limits(driver, database)) as runner:
        add_nodes(graph, runner.run(NODES_BY_KIND, kinds=list(kinds or KINDS)))
        add_edges(graph, runner.run(RELS_BY_TYPE, rels=list(rels or RELS)))
    return graph

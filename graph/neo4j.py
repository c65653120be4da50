"""Push the knowledge graph into a Neo4j database (or any Bolt server speaking Cypher).

Every node becomes ``(:PolicykgNode:<Kind> {id, …})`` and every edge a relationship
of its :class:`~policykg.ontology.schema.Rel` type carrying a stable ``key`` (a hash
of source, relation, target and the edge's key in the graph), so writes ``MERGE``
on ids and keys and pushing twice changes nothing. The shared label
``PolicykgNode`` lets a document change kind (a cited document later ingested as a
plan) without leaving a second node behind, and keeps our nodes apart from
anything else in the database.

Properties: scalars and lists of one scalar type are stored as they are; ``None``
is left out (and named in ``_nulls``), and so is an empty list (named in ``_empty``);
anything else (dicts, lists of dicts or of mixed types, lists holding an empty
string) is stored as JSON text and named in ``_json``, so :func:`decode_properties`
gives back the graph's attributes exactly. Every value is thus one that a CSV file of
``neo4j-admin database import`` carries too (it imports no empty arrays and cannot
tell an empty item from a missing one), so ``export --format csv``
(:mod:`policykg.graph.export`) writes this very layout: a database imported from it
is one ``--backend neo4j`` reads and ``push --incremental`` continues. ``_hash`` is
a digest of the node's or relationship's content: it is the push state, kept in
the database itself, so ``--incremental`` compares it with the graph and writes
only what changed, and a push cut off half way is finished by the next one.

Each node also gets ``search_words``: the folded words search compares
(:mod:`policykg.graph.searchtext`), sorted, each once. A server cannot fold
Vietnamese, so ``--backend neo4j`` asks it which nodes hold a query's words by this
list (a node without any names it in ``_empty``). It is derived, not an attribute:
reading back leaves it out; it is part of the content digest, so an incremental push
adds it to nodes pushed before it existed.

Servers differ; what this module relies on is probed, not assumed from a name:
uniqueness constraints (else plain indexes), transactions (a rolled-back probe
write must vanish) and, from that, how large one request may be. All values
travel as parameters, except to a server found to write parameters into the query
text itself (FalkorDB's Bolt endpoint, through a 4 KB buffer): there they are
written in front of the query as ``CYPHER name=value``, escaped as that server
needs, which lets one request carry hundreds of rows. Labels and relationship
types are spliced into query text only from the :class:`Kind` and :class:`Rel`
enums.

:func:`push_store` pushes a store of any size: it reads the store in batches of
plans and keeps the rows and the database's push state in a temporary SQLite
file, so memory does not grow with the store.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from policykg.graph.identity import merge_batch
from policykg.graph.searchtext import search_text, words_of
from policykg.ontology.schema import Kind, Rel

if TYPE_CHECKING:
    from policykg.graph.store import Store

__all__ = [
    "NODE_LABEL",
    "Capabilities",
    "Neo4jError",
    "PushReport",
    "SEARCH_WORDS",
    "STATE_LABEL",
    "search_words",
    "connect",
    "decode_properties",
    "edge_key",
    "edge_row",
    "encode_properties",
    "fetch_graph",
    "node_labels",
    "node_row",
    "plan_hashes",
    "probe",
    "probe_limits",
    "push",
    "push_items",
    "push_store",
    "state_properties",
]

NODE_LABEL = "PolicykgNode"
STATE_LABEL = "PolicykgState"
PROBE_LABEL = "PolicykgProbe"
KINDS: tuple[str, ...] = tuple(k.value for k in Kind)
RELS: tuple[str, ...] = tuple(r.value for r in Rel)

# Request sizes, in bytes of query text plus JSON-encoded parameters.
FULL_BATCH_BYTES = 1 << 20  # a transactional server takes large batches
LIMITED_BATCH_BYTES = 3000  # an endpoint without transactions: small requests only
# values written into the query text: no small parameter buffer to fit, but requests
# stay under 64 KB, which a Bolt endpoint counting its buffer in 16 bits may drop
INLINE_BATCH_BYTES = 48 << 10
START_BATCH_BYTES = 2000  # the first batch; later ones grow after each success
RETRIES = 5  # attempts per request when the connection fails
BACKOFF = 0.5  # seconds before the first retry; doubles each time (capped at 8 s)

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_META = ("_hash", "_json", "_nulls", "_empty", "_nxkey")
SEARCH_WORDS = "search_words"  # a node's folded words (see the module docstring)
_DERIVED = (SEARCH_WORDS,)


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
    """A list a property (and a CSV array cell) can hold: scalars of one type, no empty
    string among them (an importer reads an empty item as no item)."""
    if not all(_scalar(v) and v != "" for v in value):
        return False
    return len({bool if isinstance(v, bool) else type(v) for v in value}) <= 1


def encode_properties(attrs: dict[str, Any]) -> dict[str, Any]:
    """Graph attributes → properties a Bolt server stores (see the module docstring)."""
    props: dict[str, Any] = {}
    encoded: list[str] = []
    nulls: list[str] = []
    empty: list[str] = []
    for key, value in attrs.items():
        if key in _META:
            continue
        if value is None:
            nulls.append(key)
        elif _scalar(value):
            props[key] = value
        elif isinstance(value, list | tuple) and not value:
            empty.append(key)
        elif isinstance(value, list | tuple) and _storable_list(list(value)):
            props[key] = list(value)
        else:
            props[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            encoded.append(key)
    if encoded:
        props["_json"] = sorted(encoded)
    if nulls:
        props["_nulls"] = sorted(nulls)
    if empty:
        props["_empty"] = sorted(empty)
    return props


def decode_properties(props: dict[str, Any]) -> dict[str, Any]:
    """Properties read back → the graph attributes they were encoded from."""
    attrs = {k: v for k, v in props.items() if k not in _META and k not in _DERIVED}
    for key in props.get("_json") or []:
        if isinstance(attrs.get(key), str):
            attrs[key] = json.loads(attrs[key])
    for key in props.get("_nulls") or []:
        attrs[key] = None
    for key in props.get("_empty") or []:
        if key not in _DERIVED:
            attrs[key] = []
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


def search_words(attrs: dict[str, Any]) -> list[str]:
    """The folded words a search finds a node by, sorted, each once."""
    return sorted(set(words_of(search_text(attrs)[1])))


def node_labels(kind: str | None) -> list[str]:
    """The labels of a node of ``kind`` (a :class:`Kind` value, else None)."""
    return [NODE_LABEL, kind] if kind else [NODE_LABEL]


def node_row(node: Any, attrs: dict[str, Any]) -> _NodeRow:
    """The node as the database holds it: its kind label (None: the shared label only)
    and its properties, ``id``, ``search_words`` and the content digest ``_hash``
    included."""
    kind = attrs.get("kind")
    kind = str(kind) if kind in KINDS else None
    props = encode_properties(attrs)
    words = search_words(attrs)
    if words:
        props[SEARCH_WORDS] = words
    else:  # written, though there is nothing to hold (see encode_properties)
        props["_empty"] = sorted([*props.get("_empty", []), SEARCH_WORDS])
    props["id"] = str(node)
    props["_hash"] = _digest(kind, props)
    return _NodeRow(str(node), kind, props)


def edge_row(src: Any, dst: Any, nxkey: Any, attrs: dict[str, Any],
             error: type[Exception] | None = None) -> _EdgeRow:
    """The edge as the database holds it: its relationship type and properties, the
    stable ``key`` and the content digest ``_hash`` included. An edge of no known
    relation raises ``error`` (:class:`Neo4jError` by default)."""
    rel = attrs.get("rel")
    if rel not in RELS:
        raise (error or Neo4jError)(f"edge {src} → {dst} has relation {rel!r}, which is "
                                    f"not one of {', '.join(RELS)}")
    key = edge_key(str(src), str(rel), str(dst), nxkey)
    props = encode_properties(attrs)
    if str(nxkey) != str(rel):
        props["_nxkey"] = str(nxkey)
    props["key"] = key
    props["_hash"] = _digest(rel, props)
    return _EdgeRow(str(src), str(dst), str(rel), key, props)


def _node_rows(graph: nx.MultiDiGraph) -> list[_NodeRow]:
    return [node_row(node, attrs) for node, attrs in graph.nodes(data=True)]


def _edge_rows(graph: nx.MultiDiGraph) -> list[_EdgeRow]:
    return [edge_row(src, dst, nxkey, attrs)
            for src, dst, nxkey, attrs in graph.edges(keys=True, data=True)]


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, default=str).encode("utf-8"))


# --- queries (labels and types from the enums only) ----------------------------------------


def _merge_nodes_query(kind: str | None) -> str:
    """Create a missing node with its labels, update an existing one, and change its
    labels only when they differ (a cited document later ingested as a plan): adding a
    label to a node once it exists costs some servers (FalkorDB) several times what
    creating the node does. Each step is a ``FOREACH`` over zero or one item rather than
    a filter: such a server loses updates made before a filter that drops the row."""
    labels = f"{NODE_LABEL}:{kind}" if kind else NODE_LABEL
    right = f"n:{kind} AND size(labels(n)) = 2" if kind else "size(labels(n)) = 1"
    fix = (f"SET n:{kind} " if kind else "") + "REMOVE n:" + ":".join(
        k for k in KINDS if k != kind)
    return (f"UNWIND $rows AS row OPTIONAL MATCH (n:{NODE_LABEL} {{id: row.id}}) "
            f"FOREACH (_ IN CASE WHEN n IS NULL THEN [1] ELSE [] END | "
            f"CREATE (m:{labels}) SET m = row.props) "
            f"FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | SET n = row.props) "
            f"FOREACH (_ IN CASE WHEN n IS NULL OR ({right}) THEN [] ELSE [1] END | {fix})")


def _merge_edges_query(rel: str) -> str:
    return (f"UNWIND $rows AS row MATCH (a:{NODE_LABEL} {{id: row.src}}) "
            f"MATCH (b:{NODE_LABEL} {{id: row.dst}}) "
            f"MERGE (a)-[r:{rel} {{key: row.key}}]->(b) SET r = row.props")


DELETE_NODES = (f"UNWIND $rows AS row MATCH (n:{NODE_LABEL} {{id: row.id}}) "
                "DETACH DELETE n")
DELETE_EDGES = (f"UNWIND $rows AS row MATCH (a:{NODE_LABEL} {{id: row.src}})-[r]->"
                f"(b:{NODE_LABEL} {{id: row.dst}}) WHERE r.key = row.key DELETE r")
STATE_NODES = f"MATCH (n:{NODE_LABEL}) RETURN n.id AS id, n._hash AS hash"
# the push state in ranges of internal node ids, for a server that sends an answer whole
STATE_IDS = f"MATCH (n:{NODE_LABEL}) RETURN min(id(n)) AS low, max(id(n)) AS high"
STATE_NODES_IN = (f"MATCH (n:{NODE_LABEL}) WHERE id(n) >= $low AND id(n) < $high "
                  "RETURN n.id AS id, n._hash AS hash")
STATE_EDGES_IN = (f"MATCH (a:{NODE_LABEL})-[r]->(b:{NODE_LABEL}) WHERE id(a) >= $low "
                  "AND id(a) < $high RETURN a.id AS src, b.id AS dst, r.key AS key, "
                  "r._hash AS hash")
STATE_PAGE = 5000  # node ids per request: answers of tens of thousands of rows at most
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
    # values are sent written into the query text (``CYPHER name=value …``), as such a
    # server itself rewrites parameters, but without its small fixed buffer for them
    inline_values: bool = False

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
        caps.inline_values = caps.escape_strings and _inline_works(session)
    caps.max_batch_bytes = (FULL_BATCH_BYTES if caps.transactions else
                            INLINE_BATCH_BYTES if caps.inline_values else LIMITED_BATCH_BYTES)
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
    def check() -> tuple[bool, bool, bool]:
        with _session(driver, database) as session:
            escape = _needs_escaping(session)
            return _rollback_works(session), escape, escape and _inline_works(session)

    transactions, escape, inline = _retrying(check)
    return Capabilities(transactions=transactions, escape_strings=escape, inline_values=inline,
                        max_batch_bytes=FULL_BATCH_BYTES if transactions
                        else INLINE_BATCH_BYTES if inline else LIMITED_BATCH_BYTES)


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


def _inline_works(session: Any) -> bool:
    """Whether values written into the query text arrive intact, in a request larger
    than the few kilobytes a server that rewrites parameters into text takes."""
    from neo4j.exceptions import ClientError, DatabaseError

    text = _PROBE_TEXT * 400
    try:
        back = session.run(f"RETURN {_literal(text)} AS text").single()["text"]
    except (ClientError, DatabaseError):
        return False
    return back == text


def _literal(value: Any) -> str:
    """``value`` as a Cypher literal: text quoted and escaped as :func:`_escape` does,
    map keys quoted unless plain names."""
    kind = type(value)
    if kind is str:
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is float:
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join([_literal(v) for v in value]) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join([f"{_name(k)}: {_literal(v)}" for k, v in value.items()]) + "}"
    if isinstance(value, bool):  # subclasses (enums) as the plain values they hold
        return _literal(bool(value))
    if isinstance(value, str):
        return _literal(str.__str__(value))
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return repr(float(value))
    raise Neo4jError(f"a value of type {kind.__name__} cannot be written")


_NAMES: dict[str, str] = {}  # property names seen, as written (a few dozen in a graph)


def _name(key: Any) -> str:
    name = _NAMES.get(key) if type(key) is str else None
    if name is None:
        text = str(key)
        name = text if _KEY.match(text) else "`" + text.replace("`", "``") + "`"
        if type(key) is str and len(_NAMES) < 4096:
            _NAMES[key] = name
    return name


def _inline(query: str, params: dict[str, Any]) -> str:
    """``query`` with ``params`` written in front of it as ``CYPHER name=value …``."""
    if not params:
        return query
    return "CYPHER " + " ".join(f"{_name(k)}={_literal(v)}" for k, v in params.items()) \
        + " " + query


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
        if self.caps.inline_values:
            return self.send(_inline(query, params), {})
        return self.send(query, _escape(params) if self.caps.escape_strings else params)

    def send(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run ``query`` with ``params`` as they are (already escaped or written in)."""
        # rows as plain dicts: every query returns values (ids, properties, lists), never
        # nodes, so the driver's conversion of nodes and paths is not needed (it costs
        # ten times as much per row)
        def work(session: Any, pad: str) -> list[dict[str, Any]]:
            if self.caps.transactions:
                return session.execute_write(
                    lambda tx: [dict(r.items()) for r in tx.run(query + pad, params)])
            return [dict(r.items()) for r in session.run(query + pad, params)]

        return self.call(work)

    def read(self, query: str, consume: Callable[[Iterator[Any]], None],
             params: dict[str, Any] | None = None) -> None:
        """Run a reading ``query`` and hand its records to ``consume`` as they arrive (a
        large answer is never held whole); a retried request is consumed again from the
        start, so what ``consume`` does must be safe to repeat."""
        query, params = (_inline(query, params or {}), {}) if self.caps.inline_values else \
            (query, _escape(params or {}) if self.caps.escape_strings else params or {})

        def work(session: Any, pad: str) -> None:
            if self.caps.transactions:
                session.execute_read(lambda tx: consume(iter(tx.run(query + pad, params))))
            else:
                consume(iter(session.run(query + pad, params)))

        self.call(work)

    def call(self, work: Callable[[Any, str], Any]) -> Any:
        """``work(session, pad)``, retried with back-off while the connection fails
        (bounded). ``pad`` is whitespace to end the query with: none at first, one space
        more on each retry, so a retry is never the same bytes. A server can drop the
        connection for a request's exact size (FalkorDB's Bolt endpoint does when the
        bytes a client sends at once fill its 8 KB reads exactly); the same request
        would fail the same way every time, one byte more goes through."""
        delay = self.backoff
        for attempt in range(1, self.retries + 1):
            self.attempts += 1
            try:
                result = work(self._open(), " " * (attempt - 1))
                self.requests += 1
                if not self.holding:
                    self.close()
                return result
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

    def encode(self, value: Any) -> tuple[Any, int]:
        """``value`` as it travels (a literal, escaped or as is) and its bytes on the wire,
        worked out once per row: batching and sending both need them."""
        if self.caps.inline_values:
            text = _literal(value)
            return text, len(text.encode("utf-8"))
        if self.caps.escape_strings:
            value = _escape(value)
        return value, _size(value)

    def size(self, value: Any) -> int:
        """Bytes ``value`` takes on the wire (escaped text is longer)."""
        return self.encode(value)[1]

    def send_rows(self, query: str, rows: list[Any]) -> list[dict[str, Any]]:
        """Run ``query`` with ``$rows`` bound to ``rows`` encoded by :meth:`encode`."""
        if self.caps.inline_values:
            return self.send(f"CYPHER rows=[{', '.join(rows)}] {query}", {})
        return self.send(query, {"rows": rows})

    def write(self, query: str, rows: Iterable[dict[str, Any]],
              done: Callable[[int], None] | None = None,
              large: Callable[[dict[str, Any]], None] | None = None) -> None:
        """Write ``rows`` with ``query`` in requests within the byte budget, which grows
        after each success; a row no request can hold goes to ``large`` when given."""
        self.write_encoded(query, ((row, *self.encode(row)) for row in rows), done, large)

    def write_encoded(self, query: str, rows: Iterable[tuple[dict[str, Any], Any, int]],
                      done: Callable[[int], None] | None = None,
                      large: Callable[[dict[str, Any]], None] | None = None) -> None:
        """:meth:`write` of rows already encoded: ``(row, payload, size)``, payload and
        size as :meth:`encode` gives them; ``row`` is read only when the row is too large
        for one request (it must then be whole) or is refused (its ids name it)."""
        overhead = len(query.encode("utf-8")) + 64
        limit = self.caps.max_batch_bytes - overhead
        batch: list[tuple[dict[str, Any], Any]] = []
        size = overhead
        for row, payload, row_size in rows:
            if large is not None and row_size > limit:
                large(row)
                continue
            row_size += 2
            if batch and size + row_size > self.budget:
                self._write_batch(query, batch, done)
                self.budget = min(self.budget * 2, self.caps.max_batch_bytes)
                batch, size = [], overhead
            batch.append((row, payload))
            size += row_size
        if batch:
            self._write_batch(query, batch, done)

    def _write_batch(self, query: str, batch: list[tuple[dict[str, Any], Any]],
                     done: Callable[[int], None] | None) -> None:
        """One request; a rejected one is split in halves until the refused row is found."""
        from neo4j.exceptions import ClientError, DatabaseError

        stack = [batch]
        while stack:
            part = stack.pop()
            try:
                self.send_rows(query, [payload for _, payload in part])
            except (ClientError, DatabaseError) as err:
                if len(part) == 1:
                    raise Neo4jError(f"the database refused {_row_name(part[0][0])}: "
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


def _plan_changes(report: PushReport, plan_hashes: dict[str, str],
                  stored_plans: dict[str, str]) -> None:
    """Which plans the push adds, changes and removes, by their content digests."""
    report.plans_added = sorted(set(plan_hashes) - set(stored_plans))
    report.plans_changed = sorted(p for p in plan_hashes.keys() & stored_plans.keys()
                                  if plan_hashes[p] != stored_plans[p])
    report.plans_forgotten = sorted(set(stored_plans) - set(plan_hashes))


def _progress(on_progress: Progress | None, total: int
              ) -> Callable[[str], Callable[[int], None]]:
    """``advance(stage)``: a counter of rows written in ``stage`` that reports the rows
    written so far out of ``total`` (said at once as ``start``)."""
    done = 0
    if on_progress:
        on_progress("start", 0, total)

    def advance(stage: str) -> Callable[[int], None]:
        def step(count: int) -> None:
            nonlocal done
            done += count
            if on_progress:
                on_progress(stage, done, total)
        return step
    return advance


def _finish(runner: _Runner, report: PushReport, plan_hashes: dict[str, str]) -> PushReport:
    """The database's counts and the push state written, the requests counted."""
    report.nodes = runner.run(COUNT_NODES)[0]["n"]
    report.relationships = runner.run(COUNT_EDGES)[0]["n"]
    _write_state(runner, report, plan_hashes)
    report.requests, report.retries = runner.requests, runner.failures
    return report


def _push(graph: nx.MultiDiGraph, runner: _Runner, caps: Capabilities, incremental: bool,
          on_progress: Progress | None) -> PushReport:
    report = PushReport(incremental=incremental, capabilities=caps)
    node_rows = _node_rows(graph)
    edge_rows = _edge_rows(graph)
    plan_hashes = _plan_hashes(graph, node_rows)

    node_requests, edge_requests = _state_requests(runner)
    stored_nodes = {r["id"]: r["hash"] for q, p in node_requests for r in runner.run(q, **p)}
    stored_edges = {r["key"]: r for q, p in edge_requests for r in runner.run(q, **p)}
    _plan_changes(report, plan_hashes, _stored_plan_hashes(runner))

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
    advance = _progress(on_progress, total)
    runner.write(DELETE_EDGES, stale_edges, advance("deleting relationships"))
    runner.write(DELETE_NODES, stale_nodes, advance("deleting nodes"))
    report.relationships_deleted, report.nodes_deleted = len(stale_edges), len(stale_nodes)
    _write_rows(runner, todo_nodes, advance("writing nodes"), edges=False)
    _write_rows(runner, todo_edges, advance("writing relationships"), edges=True)
    report.nodes_written, report.relationships_written = len(todo_nodes), len(todo_edges)

    return _finish(runner, report, plan_hashes)


def push_store(store: Store, driver: Any, *, batch: int = 50,
               tmp_dir: str | os.PathLike[str] | None = None, **options: Any) -> PushReport:
    """:func:`push` of ``store.graph()`` without building the graph: the store is read in
    batches of ``batch`` plan blocks (:meth:`Store.iter_block_items
    <policykg.graph.store.Store.iter_block_items>`), so memory holds one batch whatever
    the store's size (200 plans decoded take about 130 MB, 50 about 35 MB).
    ``options`` are :func:`push`'s."""
    return push_items(store.iter_block_items(batch), driver, tmp_dir=tmp_dir, **options)


def push_items(items: Iterable[tuple[Iterable[Any], Iterable[Any]]],
               driver: Any, *, database: str | None = None, incremental: bool = False,
               caps: Capabilities | None = None, on_progress: Progress | None = None,
               retries: int = RETRIES, backoff: float = BACKOFF,
               sleep: Callable[[float], None] = time.sleep,
               tmp_dir: str | os.PathLike[str] | None = None) -> PushReport:
    """:func:`push` of the graph whose items ``items`` gives in batches — ``(nodes,
    edges)``, nodes ``[id, attrs]`` and edges ``[source, target, key, attrs]``, a node or
    edge seen again getting its attributes updated (a later value wins) as the whole
    graph merges them. A generator is read only after the server has been probed, so an
    unreachable one is reported at once.

    The items, their rows and the database's push state go to a temporary SQLite file
    (in ``tmp_dir``, else the system's), which merges repeated items and finds what to
    write and delete; so memory stays bounded and the database ends up exactly as
    :func:`push` leaves it.
    """
    caps = caps or probe(driver, database)
    runner = _Runner(driver, database, caps, retries=retries, backoff=backoff, sleep=sleep)
    with tempfile.TemporaryDirectory(prefix="policykg-push-", dir=tmp_dir) as tmp:
        with _spool_errors(tmp):
            spool = _Spool(os.path.join(tmp, "push.db"))
        try:
            for nodes, edges in items:
                with _spool_errors(tmp):
                    spool.add(nodes, edges)
            with _spool_errors(tmp):
                spool.finish(runner)
                with runner:
                    return _push_spooled(spool, runner, caps, incremental, on_progress)
        finally:
            spool.close()


@contextmanager
def _spool_errors(folder: str) -> Iterator[None]:
    """A failure of the temporary file (a full disk) as a message saying what to do."""
    try:
        yield
    except sqlite3.Error as err:
        raise Neo4jError(f"could not sort the rows in a temporary file in {folder}: {err} "
                         "(set TMPDIR to a disk with more room)") from err


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


_SPOOL_SCHEMA = """
CREATE TABLE items (id TEXT PRIMARY KEY, attrs TEXT NOT NULL);
CREATE TABLE links (u TEXT NOT NULL, v TEXT NOT NULL, k TEXT NOT NULL, nxkey TEXT NOT NULL,
    attrs TEXT NOT NULL, PRIMARY KEY (u, v, k));
CREATE TABLE nodes (id TEXT PRIMARY KEY, grp TEXT NOT NULL, hash TEXT NOT NULL,
    payload TEXT NOT NULL, size INTEGER NOT NULL, param TEXT, plan_of TEXT, plan_key TEXT);
CREATE TABLE edges (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, src TEXT NOT NULL,
    dst TEXT NOT NULL, grp TEXT NOT NULL, hash TEXT NOT NULL, payload TEXT NOT NULL,
    size INTEGER NOT NULL, param TEXT);
CREATE TABLE db_nodes (id TEXT PRIMARY KEY, hash TEXT);
CREATE TABLE db_edges (key TEXT PRIMARY KEY, src TEXT, dst TEXT, hash TEXT);
CREATE TEMP TABLE want_items (id TEXT PRIMARY KEY);
CREATE TEMP TABLE want_links (u TEXT, v TEXT, k TEXT, PRIMARY KEY (u, v, k));
BEGIN;
"""
_SPOOL_INDEXES = ("CREATE INDEX nodes_grp ON nodes (grp, id)",
                  "CREATE INDEX nodes_plan ON nodes (plan_of)",
                  "CREATE INDEX edges_grp ON edges (grp)",
                  "CREATE INDEX edges_key ON edges (key)",
                  "CREATE INDEX edges_src ON edges (src)")


class _Spool:
    """The graph's items merged as the whole graph merges them (``items``, ``links``),
    then their rows as :func:`push` writes them (``nodes``, ``edges``) and the push state
    read from the database (``db_nodes``, ``db_edges``), in a temporary SQLite file."""

    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE",
                       "cache_size = -32000"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.executescript(_SPOOL_SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def add(self, nodes: Iterable[Any], edges: Iterable[Any]) -> None:
        """One batch of items: one seen before gets its attributes updated."""
        conn = self.conn
        batch_nodes, batch_edges = merge_batch(nodes, edges, _dumps, Neo4jError)
        if batch_nodes:
            conn.execute("DELETE FROM want_items")
            conn.executemany("INSERT INTO want_items VALUES (?)", ((n,) for n in batch_nodes))
            for n, blob in conn.execute("SELECT i.id, i.attrs FROM want_items w "
                                        "CROSS JOIN items i ON i.id = w.id").fetchall():
                merged = json.loads(blob)
                merged.update(batch_nodes[n])
                batch_nodes[n] = merged
            conn.executemany("INSERT OR REPLACE INTO items VALUES (?, ?)",
                             ((n, _dumps(d)) for n, d in batch_nodes.items()))
        if batch_edges:
            # an edge's end that is no node (in any batch) is a node without attributes
            conn.executemany("INSERT OR IGNORE INTO items VALUES (?, '{}')",
                             ((end,) for end in {e for u, v, _ in batch_edges for e in (u, v)}))
            conn.execute("DELETE FROM want_links")
            conn.executemany("INSERT INTO want_links VALUES (?, ?, ?)", batch_edges)
            for u, v, k, nxkey, blob in conn.execute(
                    "SELECT l.u, l.v, l.k, l.nxkey, l.attrs FROM want_links w CROSS JOIN "
                    "links l ON l.u = w.u AND l.v = w.v AND l.k = w.k").fetchall():
                merged = json.loads(blob)
                merged.update(batch_edges[u, v, k][1])
                batch_edges[u, v, k] = (nxkey, merged)  # the first key seen stays
            conn.executemany("INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?)",
                             ((u, v, k, nxkey, _dumps(d))
                              for (u, v, k), (nxkey, d) in batch_edges.items()))

    def finish(self, runner: _Runner, chunk: int = 2000) -> None:
        """The rows of every merged item, encoded as ``runner`` sends them (the whole row
        kept only when it may be too large for one request); an edge of no known
        relation is an error here, before anything is written."""
        conn = self.conn
        whole = runner.caps.max_batch_bytes - 8192  # above any query's own length
        text = runner.caps.inline_values

        def encoded(param: dict[str, Any]) -> tuple[str, int, str | None]:
            payload, size = runner.encode(param)
            return (payload if text else _dumps(payload), size,
                    _dumps(param) if size > whole else None)

        read = conn.execute("SELECT id, attrs FROM items")
        while part := read.fetchmany(chunk):
            rows = []
            for n, blob in part:
                attrs = json.loads(blob)
                row = node_row(n, attrs)
                plan_of, plan_key = plan_membership(n, attrs)
                rows.append((row.id, row.kind or "", row.props["_hash"], *encoded(row.param()),
                             plan_of, plan_key))
            conn.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        read = conn.execute("SELECT u, v, nxkey, attrs FROM links")
        while part := read.fetchmany(chunk):
            edge_rows = [edge_row(u, v, json.loads(nxkey), json.loads(blob))
                         for u, v, nxkey, blob in part]
            conn.executemany(
                "INSERT INTO edges (key, src, dst, grp, hash, payload, size, param) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ((r.key, r.src, r.dst, r.rel, r.props["_hash"], *encoded(r.param()))
                 for r in edge_rows))
        for statement in ("DELETE FROM items", "DELETE FROM links", *_SPOOL_INDEXES):
            conn.execute(statement)  # one by one: a script would end the transaction

    def encoded_rows(self, table: str, todo: str, everything: bool, group: str,
                     text: bool) -> Iterator[tuple[dict[str, Any], Any, int]]:
        """The rows of one group still to write, as :meth:`_Runner.write_encoded` takes
        them: the whole row when kept, else its ids (to name it in a message)."""
        alias = table[0]
        ids = f"{alias}.id" if table == "nodes" else f"{alias}.src, {alias}.dst, {alias}.key"
        for payload, size, param, *names in self.conn.execute(
                f"SELECT {alias}.payload, {alias}.size, {alias}.param, {ids} {todo} "
                f"AND {alias}.grp = ?", (everything, group)):
            if param is not None:
                row = json.loads(param)
            elif table == "nodes":
                row = {"id": names[0]}
            else:
                row = {"src": names[0], "dst": names[1], "key": names[2]}
            yield row, payload if text else json.loads(payload), size

    def read_state(self, runner: _Runner) -> None:
        """The ids, keys and content hashes the database holds, read as they arrive."""
        # a retried request inserts its rows again: replacing them changes nothing
        def nodes(records: Iterator[Any]) -> None:
            self.conn.executemany("INSERT OR REPLACE INTO db_nodes VALUES (?, ?)",
                                  ((r["id"], r["hash"]) for r in records))

        def edges(records: Iterator[Any]) -> None:
            self.conn.executemany("INSERT OR REPLACE INTO db_edges VALUES (?, ?, ?, ?)",
                                  ((r["key"], r["src"], r["dst"], r["hash"]) for r in records))

        self.conn.execute("DELETE FROM db_nodes")
        self.conn.execute("DELETE FROM db_edges")
        node_requests, edge_requests = _state_requests(runner)
        for query, params in node_requests:
            runner.read(query, nodes, params)
        for query, params in edge_requests:
            runner.read(query, edges, params)

    def count(self, query: str, *args: Any) -> int:
        return int(self.conn.execute(query, args).fetchone()[0])

    def plan_hashes(self) -> dict[str, str]:
        """What :func:`_plan_hashes` gives for the whole graph."""
        return plan_hashes(self.conn)


def plan_membership(node: str, attrs: dict[str, Any]) -> tuple[str | None, str | None]:
    """(the plan a task belongs to, the key a plan's digest is stored under): what
    :func:`plan_hashes` groups nodes by."""
    kind = attrs.get("kind")
    plan_of = str(attrs["plan"]) if kind == Kind.TASK.value and attrs.get("plan") else None
    plan_key = str(attrs.get("plan_id") or node) if kind == Kind.PLAN.value else None
    return plan_of, plan_key


def plan_hashes(conn: sqlite3.Connection) -> dict[str, str]:
    """Per plan, the digest :func:`_plan_hashes` gives, from rows kept in SQLite: tables
    ``nodes (id, hash, plan_of, plan_key)`` (:func:`plan_membership`) and ``edges (key,
    src)``, indexed on ``plan_of`` and ``src``."""
    hashes: dict[str, str] = {}
    for node, key, own in conn.execute("SELECT id, plan_key, hash FROM nodes "
                                       "WHERE plan_key IS NOT NULL ORDER BY id").fetchall():
        tasks = sorted(conn.execute("SELECT id, hash FROM nodes WHERE plan_of = ?",
                                    (node,)).fetchall())
        edges = sorted(k for (k,) in conn.execute(
            "SELECT key FROM edges WHERE src = ? UNION ALL SELECT e.key FROM nodes n "
            "JOIN edges e ON e.src = n.id WHERE n.plan_of = ?", (node, node)))
        hashes[key] = _digest([own, *(h for _, h in tasks)], edges)
    return hashes


def state_properties(hashes: dict[str, str], nodes: int, relationships: int
                     ) -> dict[str, Any]:
    """The properties of the push record (label ``PolicykgState``) for a database holding
    a graph of ``nodes`` and ``relationships`` whose plans have the digests ``hashes``;
    a push adds ``pushed_at``."""
    return {"id": "push", "nodes": nodes, "relationships": relationships,
            "plans": [f"{p}={h}" for p, h in sorted(hashes.items())]}


_STALE_EDGES = ("FROM db_edges d WHERE d.key IS NOT NULL "
                "AND NOT EXISTS (SELECT 1 FROM edges e WHERE e.key = d.key)")
_STALE_NODES = ("FROM db_nodes d WHERE d.id IS NOT NULL "
                "AND NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = d.id)")
_TODO_NODES = ("FROM nodes n LEFT JOIN db_nodes d ON d.id = n.id "
               "WHERE (? OR d.hash IS NOT n.hash)")
_TODO_EDGES = ("FROM edges e LEFT JOIN db_edges d ON d.key = e.key "
               "WHERE (? OR d.hash IS NOT e.hash)")


def _push_spooled(spool: _Spool, runner: _Runner, caps: Capabilities, incremental: bool,
                  on_progress: Progress | None) -> PushReport:
    """:func:`_push` reading the rows and the database's state from ``spool``."""
    report = PushReport(incremental=incremental, capabilities=caps)
    plan_hashes = spool.plan_hashes()
    spool.read_state(runner)
    _plan_changes(report, plan_hashes, _stored_plan_hashes(runner))

    everything = not incremental
    stale_edges = spool.count(f"SELECT count(*) {_STALE_EDGES}")
    stale_nodes = spool.count(f"SELECT count(*) {_STALE_NODES}")
    todo_nodes = spool.count(f"SELECT count(*) {_TODO_NODES}", everything)
    todo_edges = spool.count(f"SELECT count(*) {_TODO_EDGES}", everything)
    report.nodes_unchanged = spool.count("SELECT count(*) FROM nodes") - todo_nodes
    report.relationships_unchanged = spool.count("SELECT count(*) FROM edges") - todo_edges

    total = stale_edges + stale_nodes + todo_nodes + todo_edges
    advance = _progress(on_progress, total)
    conn = spool.conn
    runner.write(DELETE_EDGES, ({"src": s, "dst": d, "key": k} for s, d, k in conn.execute(
        f"SELECT d.src, d.dst, d.key {_STALE_EDGES}")), advance("deleting relationships"))
    runner.write(DELETE_NODES, ({"id": n} for (n,) in conn.execute(
        f"SELECT d.id {_STALE_NODES}")), advance("deleting nodes"))
    report.relationships_deleted, report.nodes_deleted = stale_edges, stale_nodes
    for table, todo, is_edge, stage in (("nodes", _TODO_NODES, False, "writing nodes"),
                                        ("edges", _TODO_EDGES, True, "writing relationships")):
        groups = [g for (g,) in conn.execute(f"SELECT DISTINCT grp FROM {table} ORDER BY grp")]
        for group in groups:
            rows = spool.encoded_rows(table, todo, everything, group, caps.inline_values)
            _write_group(runner, group, rows, advance(stage), edges=is_edge, encoded=True)
    report.nodes_written, report.relationships_written = todo_nodes, todo_edges

    return _finish(runner, report, plan_hashes)


def _state_requests(runner: _Runner) -> tuple[list[tuple[str, dict[str, Any]]],
                                              list[tuple[str, dict[str, Any]]]]:
    """The requests that read the push state (nodes', then relationships'): one each
    from a server that streams answers (it has transactions); else one per range of
    :data:`STATE_PAGE` internal node ids, as a server that sends an answer whole stalls
    on one of millions of rows."""
    if runner.caps.transactions:
        return [(STATE_NODES, {})], [(STATE_EDGES, {})]
    ids = runner.run(STATE_IDS)
    low, high = (ids[0]["low"], ids[0]["high"]) if ids else (None, None)
    if low is None or high is None:
        return [], []
    ranges = [{"low": start, "high": start + STATE_PAGE}
              for start in range(int(low), int(high) + 1, STATE_PAGE)]
    return [(STATE_NODES_IN, r) for r in ranges], [(STATE_EDGES_IN, r) for r in ranges]


STATE_SLICE = 500  # plan digests per request: a record stays well under 64 KB


def _stored_plan_hashes(runner: _Runner) -> dict[str, str]:
    """The plan digests of the last push, read in slices: a server that sends an answer
    whole (FalkorDB) stalls on one record of thousands of them."""
    state = f"MATCH (s:{STATE_LABEL} {{id: 'push'}})"
    rows = runner.run(f"{state} RETURN size(s.plans) AS n")
    count = (rows[0]["n"] if rows else None) or 0
    entries: list[Any] = []
    for start in range(0, int(count), STATE_SLICE):
        part = runner.run(f"{state} RETURN s.plans[$start..$end] AS plans", start=start,
                          end=start + STATE_SLICE)
        entries += (part[0]["plans"] if part else None) or []
    return dict(e.rsplit("=", 1) for e in entries if isinstance(e, str) and "=" in e)


def _write_state(runner: _Runner, report: PushReport, plan_hashes: dict[str, str]) -> None:
    """The push record: when, the counts, and each plan's content digest.

    The digest list is written in pieces so a request stays within the budget.
    """
    from datetime import UTC, datetime

    entries = state_properties(plan_hashes, report.nodes, report.relationships)["plans"]
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
        _write_group(runner, group, params, done, edges=edges)


def _write_group(runner: _Runner, group: str, params: Iterable[Any],
                 done: Callable[[int], None], *, edges: bool, encoded: bool = False) -> None:
    """Write the rows of one kind (``""``: none) or relation (``encoded``: as
    :meth:`_Runner.write_encoded` takes them); a row too large for one request is
    written in pieces."""
    query = _merge_edges_query(group) if edges else _merge_nodes_query(group or None)

    def large(row: dict[str, Any]) -> None:
        _write_large(runner, query, row, is_edge=edges)
        done(1)

    if encoded:
        runner.write_encoded(query, params, done, large)
    else:
        runner.write(query, params, done, large)


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

"""Standard exports of the knowledge graph, each sorted so that exports diff well.

- ``ttl``, ``jsonld``, ``nt``: the RDF view (:mod:`policykg.graph.rdf`);
- ``graphml``, ``gexf``: for yEd, Gephi, Cytoscape; every attribute scalar (lists and
  dicts as JSON text), text cleaned of characters XML cannot hold, ``kind`` and
  ``label`` on every node (GEXF also carries a colour per kind);
- ``json``: networkx node-link JSON;
- ``csv``: a directory in the layout of ``neo4j-admin database import full`` holding
  the database ``policykg neo4j push`` writes, with the command line in ``import.sh``
  and ``README.txt``.
"""

from __future__ import annotations

import io
import json
import re
import shlex
import sqlite3
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import networkx as nx

from policykg.graph.identity import merge_batch
from policykg.graph.neo4j import (
    SEARCH_WORDS,
    STATE_LABEL,
    edge_row,
    node_labels,
    node_row,
    plan_hashes,
    plan_membership,
    state_properties,
)
from policykg.graph.rdf import clean_text, to_rdf
from policykg.ontology.schema import Kind

__all__ = [
    "FORMATS", "DIR_FORMATS", "CsvExport", "ExportError", "export", "export_text", "scalar_graph",
    "write_csv_dir", "write_csv_dir_streamed",
]

FORMATS = ("ttl", "jsonld", "nt", "graphml", "gexf", "json", "csv")
DIR_FORMATS = frozenset({"csv"})

# GEXF node colours by kind, so Gephi shows kinds apart before any styling.
KIND_COLOURS: dict[str, tuple[int, int, int]] = {
    Kind.PLAN: (31, 119, 180),
    Kind.DOCUMENT: (148, 103, 189),
    Kind.TASK: (255, 127, 14),
    Kind.UNIT: (44, 160, 44),
    Kind.UNIT_KIND: (152, 223, 138),
    Kind.ORGANISATION: (214, 39, 40),
    Kind.PROVINCE: (140, 86, 75),
    Kind.TOPIC: (227, 119, 194),
}
_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')
# Array delimiters for the CSV export, tried in order until one is in no value.
ARRAY_DELIMITERS = (";", "|", "¦", "\u241f")


class ExportError(Exception):
    """The graph could not be written in the asked format; the message says why."""


def export(g: nx.MultiDiGraph, fmt: str, out: str | Path | IO[str]) -> None:
    """Write ``g`` as ``fmt`` to ``out`` (a path, ``"-"`` for stdout, or a text stream).

    ``csv`` writes a directory and needs a path.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "csv":
        if not isinstance(out, str | Path) or str(out) == "-":
            raise ExportError("the csv export writes a directory: give its path")
        write_csv_dir(g, Path(out))
        return
    text = export_text(g, fmt)
    if isinstance(out, str | Path):
        if str(out) == "-":
            sys.stdout.write(text)
            return
        path = Path(out)
        if path.is_dir():
            raise ExportError(f"{path}: is a directory, give a file name")
        path.write_text(text, encoding="utf-8")
    else:
        out.write(text)


def export_text(g: nx.MultiDiGraph, fmt: str) -> str:
    """The text of a single-file export of ``g``."""
    if fmt in ("ttl", "nt", "jsonld"):
        return _rdf_text(g, fmt)
    if fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml_xml(scalar_graph(g), buf, encoding="utf-8", named_key_ids=True)
        return buf.getvalue().decode("utf-8")
    if fmt == "gexf":
        buf = io.BytesIO()
        nx.write_gexf(scalar_graph(g, colours=True), buf, encoding="utf-8")
        # the writer stamps today's date; without it the same graph gives the same file
        return _GEXF_DATE.sub("", buf.getvalue().decode("utf-8"), count=1)
    if fmt == "json":
        return node_link_json(g)
    raise ExportError(f"format {fmt!r} is not a single-file export")


# --- RDF ----------------------------------------------------------------------


def _rdf_text(g: nx.MultiDiGraph, fmt: str) -> str:
    rdf = to_rdf(g)
    if fmt == "nt":
        lines = rdf.serialize(format="nt").split("\n")  # not splitlines(): NEL, U+2028 are text
        return "".join(line + "\n" for line in sorted(set(filter(None, lines))))
    if fmt == "jsonld":
        context = {prefix: str(ns) for prefix, ns in rdf.namespaces() if prefix}
        data = json.loads(rdf.serialize(format="json-ld", context=context, auto_compact=True))
        return json.dumps(_sorted_json(data), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return rdf.serialize(format="turtle")


def _sorted_json(value: Any) -> Any:
    """JSON-LD with every array sorted: RDF values have no order, so a fixed one diffs well."""
    if isinstance(value, dict):
        return {k: (v if k == "@list" else _sorted_json(v)) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


# --- GraphML / GEXF -----------------------------------------------------------


def _scalar(value: Any) -> Any:
    """One value as GraphML/GEXF can hold it: bool, int, float or clean text."""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return clean_text(value)
    return clean_text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))


def _column_types(rows: Iterable[dict[str, Any]]) -> dict[str, type]:
    """One type per attribute name, so a key is declared once whatever the values."""
    seen: dict[str, set[type]] = defaultdict(set)
    for data in rows:
        for key, value in data.items():
            if value is not None:
                seen[key].add(type(_scalar(value)))
    types: dict[str, type] = {}
    for key, kinds in seen.items():
        if kinds == {bool}:
            types[key] = bool
        elif kinds <= {int}:
            types[key] = int
        elif kinds <= {int, float}:
            types[key] = float
        else:
            types[key] = str
    return types


def _coerce(value: Any, typ: type) -> Any:
    value = _scalar(value)
    if typ is str:
        return value if isinstance(value, str) else json.dumps(value)
    return typ(value)


def scalar_graph(g: nx.MultiDiGraph, *, colours: bool = False) -> nx.MultiDiGraph:
    """A sorted copy of ``g`` whose ids and attributes GraphML and GEXF can hold."""
    node_types = _column_types(d for _, d in g.nodes(data=True))
    edge_types = _column_types(d for *_, d in g.edges(data=True))
    ids = {n: clean_text(str(n)) for n in g.nodes}
    if len(set(ids.values())) != len(ids):
        raise ExportError("two node ids differ only in control characters")
    out = nx.MultiDiGraph()
    for n in sorted(g.nodes, key=str):
        data = {
            k: _coerce(v, node_types[k]) for k, v in sorted(g.nodes[n].items()) if v is not None
        }
        data.setdefault("kind", "")
        data.setdefault("label", ids[n])
        if colours:
            r, gr, b = KIND_COLOURS.get(data["kind"], (127, 127, 127))
            data["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}}
        out.add_node(ids[n], **data)
    for u, v, _, d in sorted(g.edges(keys=True, data=True), key=_edge_order):
        data = {k: _coerce(x, edge_types[k]) for k, x in sorted(d.items()) if x is not None}
        out.add_edge(ids[u], ids[v], **data)
    return out


def _edge_order(edge: tuple) -> tuple[str, str, str, str]:
    u, v, key, d = edge
    return (str(u), str(d.get("rel", "")), str(v), str(key))


# --- node-link JSON -----------------------------------------------------------


def node_link_json(g: nx.MultiDiGraph) -> str:
    """networkx node-link JSON with nodes and edges sorted."""
    data = nx.node_link_data(g, edges="edges")
    data["nodes"] = sorted(data["nodes"], key=lambda n: str(n["id"]))
    data["edges"] = sorted(
        data["edges"],
        key=lambda e: (str(e["source"]), str(e.get("rel", "")), str(e["target"]),
                       str(e.get("key", ""))),
    )
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n"


# --- neo4j-admin CSV ----------------------------------------------------------
#
# The files hold the database `policykg neo4j push` writes (:mod:`policykg.graph.neo4j`),
# node for node and property for property: the labels ``PolicykgNode`` and the kind's,
# every property as push encodes it (``kind``, ``search_words``, ``_json``, ``_nulls``,
# ``_empty``, the content digest ``_hash``), relationships with their ``key`` and
# ``_hash``, and the push record (``PolicykgState``) with each plan's digest. So
# ``--backend neo4j`` reads an imported database, and ``neo4j push --incremental`` onto
# it writes only what changed. Columns are typed so each value arrives with the type
# push gives it: integers ``long``, decimals ``double`` (``int`` and ``float`` are 32
# bits), text ``string``, lists ``<type>[]``; a property whose values differ in type
# within a kind puts the rows of each type combination in a file of their own.

_CELL_TYPES: dict[type, str] = {bool: "boolean", int: "long", float: "double", str: "string"}
_QUOTED = re.compile(r'[",\r\n]')
_FLOATS = {"inf": "Infinity", "-inf": "-Infinity", "nan": "NaN"}  # as Java reads them


def _value_type(value: Any) -> str:
    """The neo4j-admin type of one property value as push encodes it."""
    if isinstance(value, list):
        return _CELL_TYPES[type(value[0])] + "[]"
    return _CELL_TYPES[type(value)]


def _item_text(value: Any) -> str:
    """A number or boolean as neo4j-admin reads it."""
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is float:
        text = repr(value)
        return _FLOATS.get(text, text)
    return str(value)


def _field(value: Any, delimiter: str) -> str:
    """One CSV field: empty for a missing value, quoted when text needs it; an empty
    text is quoted (``""``), which neo4j-admin reads as an empty string, not as none."""
    kind = type(value)
    if kind is str:
        text = value
    elif value is None:
        return ""
    elif kind is list:
        text = delimiter.join([v if type(v) is str else _item_text(v) for v in value])
    else:  # a number or boolean: never quoted
        return _item_text(value)
    if text and not _QUOTED.search(text):
        return text
    return '"' + text.replace('"', '""') + '"'


def _csv_line(fields: Iterable[Any], delimiter: str) -> str:
    # RFC 4180 line ends; fields holding line breaks are quoted
    return ",".join(_field(f, delimiter) for f in fields) + "\r\n"


class _Delimiters:
    """Which array delimiters occur in the array items and labels seen, so the first
    free one is chosen after one pass over the rows."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def add(self, props: dict[str, Any]) -> None:
        for key, value in props.items():
            # search words are letters, digits and "&" (WORD): no delimiter among them
            if key != SEARCH_WORDS and type(value) is list and type(value[0]) is str:
                free = [d for d in ARRAY_DELIMITERS if d not in self.used]
                for item in value:
                    self.used.update(d for d in free if d in item)

    def choose(self) -> str:
        for delimiter in ARRAY_DELIMITERS:
            if delimiter not in self.used:
                return delimiter
        raise ExportError("every array delimiter occurs in the list values; cannot write csv")


class _ColumnTypes:
    """The types each property takes over the rows of one file group, seen one row at a
    time, and from them each row's file: one per combination of the types of the
    properties whose type varies (one file when none does)."""

    def __init__(self, skip: tuple[str, ...]) -> None:
        self.skip = skip
        self.seen: dict[str, set[str]] = defaultdict(set)
        self.mixed: list[str] | None = None  # known once every row was added

    def add(self, props: dict[str, Any]) -> None:
        for key, value in props.items():
            if key not in self.skip:
                self.seen[key].add(_value_type(value))

    def variant(self, props: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        """The types of the row's properties whose type varies within the group."""
        if self.mixed is None:
            self.mixed = sorted(k for k, t in self.seen.items() if len(t) > 1)
        return tuple((k, _value_type(props[k])) for k in self.mixed if k in props)

    def columns(self, variant: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
        """``(property, type)`` per column of the file of ``variant``, by name."""
        columns = [(k, next(iter(t))) for k, t in self.seen.items() if len(t) == 1]
        for key, _ in columns + list(variant):
            if ":" in key:  # a header entry is <name>:<type>
                raise ExportError(f"property name {key!r} holds ':', which a neo4j-admin "
                                  "header cannot carry")
        return sorted(columns + list(variant))


def _safe_name(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name) or "_"


class _GroupFiles:
    """The files of one label set or relationship type, opened as their first row comes."""

    def __init__(self, out: Path, prefix: str, name: str, fixed: list[str],
                 types: _ColumnTypes, delimiter: str) -> None:
        self.out, self.prefix, self.name = out, prefix, _safe_name(name)
        self.fixed, self.types, self.delimiter = fixed, types, delimiter
        self.open: dict[tuple[tuple[str, str], ...], tuple[IO[str], list[str]]] = {}
        self.names: list[str] = []

    def write(self, fixed: list[Any], props: dict[str, Any]) -> None:
        variant = self.types.variant(props)
        found = self.open.get(variant)
        if found is None:
            number = len(self.open) + 1
            name = f"{self.prefix}_{self.name}{'' if number == 1 else f'_{number}'}.csv"
            columns = self.types.columns(variant)
            fh = (self.out / name).open("w", encoding="utf-8", newline="")
            fh.write(_csv_line(self.fixed + [f"{k}:{t}" for k, t in columns], self.delimiter))
            found = self.open[variant] = (fh, [k for k, _ in columns])
            self.names.append(name)
        fh, keys = found
        fh.write(_csv_line(fixed + [props.get(k) for k in keys], self.delimiter))

    def close(self) -> list[Path]:
        for fh, _ in self.open.values():
            fh.close()
        return [self.out / name for name in self.names]


def write_csv_dir(g: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write the neo4j-admin import files of ``g`` into directory ``out``."""
    items = ([[n, d] for n, d in g.nodes(data=True)],
             [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)])
    return write_csv_dir_streamed([items], Path(out)).files


def _prepare_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    _clear_previous_export(out)


def _check_dir(out: Path) -> None:
    """Refuse ``out`` as :func:`_prepare_dir` would, changing nothing."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a directory")
    if out.is_dir():
        _export_files(out)


# --- neo4j-admin CSV of a graph read in batches --------------------------------


@dataclass(frozen=True)
class CsvExport:
    """What :func:`write_csv_dir_streamed` wrote: the files and the graph's size."""

    files: list[Path]
    nodes: int
    edges: int


def _spooled(data: dict[str, Any]) -> str:
    # plain JSON: compressing each small row would cost more time than it saves space
    return json.dumps(data, ensure_ascii=False)


def _unspooled(text: str) -> dict[str, Any]:
    return json.loads(text)


_SPOOL_SCHEMA = """
CREATE TABLE items (id TEXT PRIMARY KEY, attrs TEXT NOT NULL);
CREATE TABLE links (seq INTEGER PRIMARY KEY, u TEXT NOT NULL, v TEXT NOT NULL,
    k TEXT NOT NULL, skey TEXT NOT NULL, attrs TEXT NOT NULL, UNIQUE (u, v, k));
CREATE TABLE nodes (id TEXT PRIMARY KEY, grp TEXT NOT NULL, hash TEXT NOT NULL,
    plan_of TEXT, plan_key TEXT, props TEXT NOT NULL);
CREATE TABLE edges (seq INTEGER PRIMARY KEY, grp TEXT NOT NULL, src TEXT NOT NULL,
    dst TEXT NOT NULL, skey TEXT NOT NULL, key TEXT NOT NULL, props TEXT NOT NULL);
CREATE TEMP TABLE want_items (id TEXT PRIMARY KEY);
CREATE TEMP TABLE want_links (u TEXT, v TEXT, k TEXT, PRIMARY KEY (u, v, k));
BEGIN;
"""


class _Spool:
    """The graph's nodes and edges, merged as the whole graph merges them, then as the
    database holds them (:func:`~policykg.graph.neo4j.node_row`,
    :func:`~policykg.graph.neo4j.edge_row`), in a temporary SQLite file: it sorts rows
    (UTF-8 order is code point order, as Python sorts ``str``), finds repeated items and
    each plan's digest without holding the graph in memory."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE",
                       "cache_size = -32000"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.executescript(_SPOOL_SCHEMA)
        self.empty = _spooled({})

    def close(self) -> None:
        self.conn.close()

    def add(self, nodes: Iterable[Any], edges: Iterable[Any]) -> None:
        """Add one batch of items (``[id, attrs]``, ``[source, target, key, attrs]``): a
        node or edge seen before gets its attributes updated, a later value winning."""
        conn = self.conn
        batch_nodes, batch_edges = merge_batch(nodes, edges, str, ExportError)
        if batch_nodes:
            conn.execute("DELETE FROM want_items")
            conn.executemany("INSERT INTO want_items VALUES (?)", ((n,) for n in batch_nodes))
            # CROSS JOIN: look up the batch's ids, never scan the spool
            for n, blob in conn.execute("SELECT i.id, i.attrs FROM want_items w "
                                        "CROSS JOIN items i ON i.id = w.id").fetchall():
                merged = _unspooled(blob)
                merged.update(batch_nodes[n])
                batch_nodes[n] = merged
            conn.executemany("INSERT OR REPLACE INTO items VALUES (?, ?)",
                             ((n, _spooled(d)) for n, d in batch_nodes.items()))
        if batch_edges:
            # an edge's end that is no node yet becomes one without attributes
            ends = {end for u, v, _ in batch_edges for end in (u, v)}
            conn.executemany("INSERT OR IGNORE INTO items VALUES (?, ?)",
                             ((end, self.empty) for end in ends))
            conn.execute("DELETE FROM want_links")
            conn.executemany("INSERT INTO want_links VALUES (?, ?, ?)", batch_edges)
            for u, v, k, blob in conn.execute(
                    "SELECT l.u, l.v, l.k, l.attrs FROM want_links w CROSS JOIN links l "
                    "ON l.u = w.u AND l.v = w.v AND l.k = w.k").fetchall():
                skey, attrs = batch_edges[u, v, k]
                merged = _unspooled(blob)
                merged.update(attrs)
                batch_edges[u, v, k] = (skey, merged)
            conn.executemany(
                "INSERT INTO links (u, v, k, skey, attrs) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (u, v, k) DO UPDATE SET attrs = excluded.attrs",
                ((u, v, k, skey, _spooled(d)) for (u, v, k), (skey, d) in batch_edges.items()))

    def encode(self, chunk: int = 2000) -> tuple[str, dict[str, _ColumnTypes],
                                                 dict[str, _ColumnTypes], dict[str, Any]]:
        """Every item as the database holds it (an edge of no known relation is an
        error here, before any file is written); the array delimiter, the column types
        of each label set and relationship type, and the push record."""
        conn = self.conn
        delimiters = _Delimiters()
        node_types: dict[str, _ColumnTypes] = {}
        edge_types: dict[str, _ColumnTypes] = {}
        # read and dropped a chunk at a time, so the rows written reuse the items' pages
        while part := conn.execute("SELECT rowid, id, attrs FROM items ORDER BY rowid "
                                   "LIMIT ?", (chunk,)).fetchall():
            rows = []
            for _, n, blob in part:
                attrs = _unspooled(blob)
                row = node_row(n, attrs)
                group = row.kind or ""
                delimiters.add(row.props)
                types = node_types.get(group) or node_types.setdefault(
                    group, _ColumnTypes(("id",)))
                types.add(row.props)
                rows.append((n, group, row.props["_hash"], *plan_membership(n, attrs),
                             _spooled(row.props)))
            conn.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?)", rows)
            conn.execute("DELETE FROM items WHERE rowid <= ?", (part[-1][0],))
        while part := conn.execute("SELECT seq, u, v, skey, attrs FROM links ORDER BY seq "
                                   "LIMIT ?", (chunk,)).fetchall():
            edges = []
            for seq, u, v, skey, blob in part:
                row = edge_row(u, v, skey, _unspooled(blob), ExportError)
                delimiters.add(row.props)
                types = edge_types.get(row.rel) or edge_types.setdefault(
                    row.rel, _ColumnTypes(()))
                types.add(row.props)
                edges.append((seq, row.rel, u, v, skey, row.key, _spooled(row.props)))
            conn.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?, ?)", edges)
            conn.execute("DELETE FROM links WHERE seq <= ?", (part[-1][0],))
        for statement in ("CREATE INDEX nodes_order ON nodes (grp, id)",
                          "CREATE INDEX nodes_plan ON nodes (plan_of)",
                          "CREATE INDEX edges_order ON edges (grp, src, dst, skey, seq)",
                          "CREATE INDEX edges_src ON edges (src)"):
            conn.execute(statement)
        state = state_properties(plan_hashes(conn), self.count("nodes"), self.count("edges"))
        state = {k: v for k, v in state.items() if v != []}  # no plans: no list to hold
        delimiters.add(state)
        return delimiters.choose(), node_types, edge_types, state

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def node_rows(self, group: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for n, blob in self.conn.execute("SELECT id, props FROM nodes INDEXED BY nodes_order "
                                         "WHERE grp = ? ORDER BY id", (group,)):
            yield n, _unspooled(blob)

    def edge_rows(self, rel: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """A relationship type's rows by (source, target, key) and, among keys that print
        alike, in the order they came."""
        for u, v, blob in self.conn.execute(
                "SELECT src, dst, props FROM edges INDEXED BY edges_order WHERE grp = ? "
                "ORDER BY src, dst, skey, seq", (rel,)):
            yield u, v, _unspooled(blob)


def _write_spooled(spool: _Spool, out: Path, delimiter: str,
                   node_types: dict[str, _ColumnTypes], edge_types: dict[str, _ColumnTypes],
                   state: dict[str, Any]) -> list[Path]:
    """Write one file per label set (and type combination), one per relationship type,
    the push record, then ``import.sh`` and ``README.txt``."""
    written: list[Path] = []
    node_files: list[str] = []
    for group in sorted(node_types):
        labels = node_labels(group or None)
        files = _GroupFiles(out, "nodes", labels[-1], ["id:ID", ":LABEL"], node_types[group],
                            delimiter)
        try:
            for n, props in spool.node_rows(group):
                files.write([n, labels], props)
        finally:
            paths = files.close()
        written += paths
        node_files += files.names
    state_types = _ColumnTypes(("id",))
    state_types.add(state)
    files = _GroupFiles(out, "nodes", STATE_LABEL, [f"id:ID({STATE_LABEL})", ":LABEL"],
                        state_types, delimiter)
    files.write([state["id"], [STATE_LABEL]], state)
    written += files.close()
    node_files += files.names

    rel_files: list[str] = []
    for rel in sorted(edge_types):
        files = _GroupFiles(out, "rels", rel, [":START_ID", ":END_ID", ":TYPE"],
                            edge_types[rel], delimiter)
        try:
            for u, v, props in spool.edge_rows(rel):
                files.write([u, v, rel], props)
        finally:
            paths = files.close()
        written += paths
        rel_files += files.names

    command = import_command(node_files, rel_files, delimiter)
    script = out / "import.sh"
    script.write_text(
        "#!/bin/sh\n"
        "# Load this directory into an empty Neo4j database (stop the database first).\n"
        "set -e\n"
        'cd "$(dirname "$0")"\n'
        f"{command}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    readme = out / "README.txt"
    readme.write_text(
        "Knowledge graph in the CSV layout of neo4j-admin (Neo4j 5), holding what\n"
        "`policykg neo4j push` writes: `--backend neo4j` reads the imported database and\n"
        "`policykg neo4j push --incremental` then writes only what changed.\n\n"
        "nodes_<Kind>.csv: one file per node kind (labels PolicykgNode and the kind);\n"
        "id:ID is the policykg node id. nodes_PolicykgState.csv: the push record.\n"
        "rels_<REL>.csv: one file per relation type.\n"
        f"Array columns (type <type>[]) and :LABEL separate their items with {delimiter!r}.\n\n"
        "With the database stopped, from this directory run:\n\n"
        f"  {command}\n\n"
        "Add --overwrite-destination to replace an existing database.\n",
        encoding="utf-8",
    )
    return written + [script, readme]


def write_csv_dir_streamed(batches: Iterable[tuple[Iterable[Any], Iterable[Any]]], out: Path,
                           *, tmp_dir: str | Path | None = None) -> CsvExport:
    """Write the neo4j-admin import files of the graph whose items come in ``batches`` —
    ``(nodes, edges)`` as :meth:`Store.iter_block_items
    <policykg.graph.store.Store.iter_block_items>` gives them, merged as
    :func:`~policykg.graph.build.add_bulk` merges them — holding one batch in memory:
    the items are spooled to a temporary file (in ``tmp_dir``, else the system's; it
    takes about twice as much disk as the csv files) that merges and sorts them, then
    read back twice: once to encode them and find the columns and the array delimiter,
    once to write the rows. :func:`write_csv_dir` of the whole graph writes the same
    files."""
    _check_dir(out)  # before the long read; an earlier export stays until it is done
    with tempfile.TemporaryDirectory(prefix="policykg-csv-", dir=tmp_dir) as tmp:
        spool = _Spool(Path(tmp) / "spool.db")
        try:
            for nodes, edges in batches:
                spool.add(nodes, edges)
            delimiter, node_types, edge_types, state = spool.encode()
            _prepare_dir(out)
            files = _write_spooled(spool, out, delimiter, node_types, edge_types, state)
        except sqlite3.Error as err:
            raise ExportError(f"could not sort the rows in a temporary file in {tmp}: {err} "
                              "(set TMPDIR to a disk with more room)") from err
        finally:
            spool.close()
        return CsvExport(files, state["nodes"], state["relationships"])


def _is_export_file(path: Path) -> bool:
    name = path.name
    return path.is_file() and (
        name in ("import.sh", "README.txt")
        or (name.endswith(".csv") and name.startswith(("nodes_", "rels_")))
    )


def _clear_previous_export(out: Path) -> None:
    """Remove an earlier export's files; refuse a directory that holds anything else."""
    for path in _export_files(out):
        path.unlink()


def _export_files(out: Path) -> list[Path]:
    """The files of an earlier export in ``out``; an error when it holds anything else."""
    entries = list(out.iterdir())
    others = [p.name for p in entries if not _is_export_file(p)]
    if others:
        raise ExportError(
            f"{out}: directory holds other files ({', '.join(sorted(others)[:3])}); "
            "give an empty or new directory"
        )
    return entries


def import_command(node_files: list[str], rel_files: list[str], delimiter: str) -> str:
    """The ``neo4j-admin database import full`` command line for these files (the
    database first: an option taking several values would take a name after it)."""
    parts = ["neo4j-admin", "database", "import", "full", "neo4j"]
    parts += [f"--nodes={name}" for name in node_files]
    parts += [f"--relationships={name}" for name in rel_files]
    parts += [
        f"--array-delimiter={_delimiter_arg(delimiter)}",
        "--multiline-fields=true",
        "--id-type=string",
    ]
    return " ".join(shlex.quote(p) for p in parts)


def _delimiter_arg(delimiter: str) -> str:
    """neo4j-admin takes a non-ASCII delimiter as ``U+XXXX``."""
    return delimiter if delimiter.isascii() else f"U+{ord(delimiter):04X}"

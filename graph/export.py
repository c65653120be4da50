"""Standard exports of the knowledge graph, each sorted so that exports diff well.

- ``ttl``, ``jsonld``, ``nt``: the RDF view (:mod:`policykg.graph.rdf`);
- ``graphml``, ``gexf``: for yEd, Gephi, Cytoscape; every attribute scalar (lists and
  dicts as JSON text), text cleaned of characters XML cannot hold, ``kind`` and
  ``label`` on every node (GEXF also carries a colour per kind);
- ``json``: networkx node-link JSON;
- ``csv``: a directory in the layout of ``neo4j-admin database import full``, with
  the command line in ``import.sh`` and ``README.txt``.
"""

from __future__ import annotations

import csv
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

_CSV_TYPES = {bool: "boolean", int: "int", float: "float", str: "string"}


def _csv_text(value: Any) -> str:
    if isinstance(value, str):
        return clean_text(value)
    return clean_text(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))


# the column kind of a value by its exact type (a subclass goes through _csv_kind)
_CSV_KINDS: dict[type, str] = {list: "array", tuple: "array", set: "array", frozenset: "array",
                               bool: "boolean", int: "int", float: "float", str: "string"}


def _csv_kind(value: Any) -> str:
    if isinstance(value, list | tuple | set | frozenset):
        return "array"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return "string"


class _ColumnTypes:
    """The neo4j type of each attribute over rows seen one at a time: ``int``,
    ``float``, ``string[]`` …, so columns are found without holding the rows."""

    def __init__(self, skip: set[str] | frozenset[str]) -> None:
        self.skip = skip
        self.seen: dict[str, set[str]] = defaultdict(set)

    def add(self, data: dict[str, Any]) -> None:
        seen, skip = self.seen, self.skip
        for key, value in data.items():
            if key in skip or value is None:
                continue
            seen[key].add(_CSV_KINDS.get(type(value)) or _csv_kind(value))

    def columns(self) -> list[tuple[str, str]]:
        """``(attribute, neo4j type)`` per column, by attribute name."""
        columns = []
        for key in sorted(self.seen):
            kinds = self.seen[key]
            if "array" in kinds:
                typ = "string[]"
            elif len(kinds) == 1:
                typ = next(iter(kinds))
            elif kinds == {"int", "float"}:
                typ = "float"
            else:
                typ = "string"
            columns.append((key, typ))
        return columns


def _csv_columns(rows: Iterable[dict[str, Any]], skip: set[str]) -> list[tuple[str, str]]:
    """``(attribute, neo4j type)`` per column: ``int``, ``float``, ``string[]`` …"""
    types = _ColumnTypes(skip)
    for data in rows:
        types.add(data)
    return types.columns()


def _array_items(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [_csv_text(v) for v in value if v is not None]
    if isinstance(value, set | frozenset):
        return sorted(_csv_text(v) for v in value)
    return [_csv_text(value)]


def _cell(value: Any, typ: str, delimiter: str) -> str:
    if value is None:
        return ""
    if typ == "string[]":
        return delimiter.join(_array_items(value))
    if typ == "boolean":
        return "true" if value else "false"
    if typ in ("int", "float"):
        return str(value)
    return _csv_text(value)


class _Delimiters:
    """Which array delimiters occur in the list values seen, so the first free one is
    chosen after one pass over the rows."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def add(self, data: dict[str, Any]) -> None:
        for value in data.values():
            if isinstance(value, list | tuple | set | frozenset):
                free = [d for d in ARRAY_DELIMITERS if d not in self.used]
                for item in _array_items(value):
                    self.used.update(d for d in free if d in item)

    def choose(self) -> str:
        for delimiter in ARRAY_DELIMITERS:
            if delimiter not in self.used:
                return delimiter
        raise ExportError("every array delimiter occurs in the list values; cannot write csv")


def _choose_delimiter(g: nx.MultiDiGraph) -> str:
    delimiters = _Delimiters()
    for _, data in g.nodes(data=True):
        delimiters.add(data)
    for *_, data in g.edges(data=True):
        delimiters.add(data)
    return delimiters.choose()


def _safe_name(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name) or "_"


def _node_kind(data: dict[str, Any]) -> str:
    return str(data.get("kind") or "Node")


def _edge_rel(data: dict[str, Any]) -> str:
    return str(data.get("rel") or "RELATED")


# rows of one csv file: (kind or relation, columns, rows sorted as the file holds them);
# node rows are (id, attrs), edge rows (source, target, attrs)
_NodeGroup = tuple[str, list[tuple[str, str]], Iterable[tuple[str, dict[str, Any]]]]
_EdgeGroup = tuple[str, list[tuple[str, str]], Iterable[tuple[str, str, dict[str, Any]]]]


def write_csv_dir(g: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write the neo4j-admin import files of ``g`` into directory ``out``."""
    _prepare_dir(out)
    delimiter = _choose_delimiter(g)

    by_kind: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        by_kind[_node_kind(d)].append((str(n), d))
    node_groups: list[_NodeGroup] = []
    for kind in sorted(by_kind):
        rows = sorted(by_kind[kind])
        node_groups.append((kind, _csv_columns([d for _, d in rows], {"kind", "label"}), rows))

    by_rel: dict[str, list[tuple[str, str, str, dict[str, Any]]]] = defaultdict(list)
    for u, v, key, d in g.edges(keys=True, data=True):
        by_rel[_edge_rel(d)].append((str(u), str(v), str(key), d))
    rel_groups: list[_EdgeGroup] = []
    for rel in sorted(by_rel):
        rows = sorted(by_rel[rel], key=lambda r: r[:3])
        rel_groups.append((rel, _csv_columns([d for *_, d in rows], {"rel"}),
                           [(u, v, d) for u, v, _, d in rows]))
    return _write_csv_files(out, delimiter, node_groups, rel_groups)


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


def _write_csv_files(out: Path, delimiter: str, node_groups: Iterable[_NodeGroup],
                     rel_groups: Iterable[_EdgeGroup]) -> list[Path]:
    """Write one file per node kind and per relation, then ``import.sh`` and
    ``README.txt``; the rows are taken from the groups as they are written."""
    written: list[Path] = []
    node_files: list[str] = []
    for kind, columns, node_rows in node_groups:
        name = f"nodes_{_safe_name(kind)}.csv"
        header = ["id:ID", "label"] + [f"{k}:{t}" for k, t in columns] + [":LABEL"]
        body = (
            [_csv_text(n), _csv_text(d.get("label") or n)]
            + [_cell(d.get(k), t, delimiter) for k, t in columns]
            + [kind]
            for n, d in node_rows
        )
        written.append(_write_csv(out / name, header, body))
        node_files.append(name)

    rel_files: list[str] = []
    for rel, columns, edge_rows in rel_groups:
        name = f"rels_{_safe_name(rel)}.csv"
        header = [":START_ID", ":END_ID", ":TYPE"] + [f"{k}:{t}" for k, t in columns]
        body = (
            [_csv_text(u), _csv_text(v), rel] + [_cell(d.get(k), t, delimiter) for k, t in columns]
            for u, v, d in edge_rows
        )
        written.append(_write_csv(out / name, header, body))
        rel_files.append(name)

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
        "Knowledge graph in the CSV layout of neo4j-admin (Neo4j 5).\n\n"
        "nodes_<Kind>.csv: one file per node kind; id:ID is the policykg node id.\n"
        "rels_<REL>.csv: one file per relation type.\n"
        f"Array columns (type string[]) separate their items with {delimiter!r}.\n\n"
        "With the database stopped, from this directory run:\n\n"
        f"  {command}\n\n"
        "Add --overwrite-destination to replace an existing database.\n",
        encoding="utf-8",
    )
    return written + [script, readme]


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


class _Spool:
    """The graph's nodes and edges, merged as the whole graph merges them, in a
    temporary SQLite file: it sorts rows (UTF-8 order is code point order, as Python
    sorts ``str``) and finds repeated items without holding the graph in memory."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE",
                       "cache_size = -32000"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.executescript("""
            CREATE TABLE nodes (id TEXT PRIMARY KEY, kind TEXT NOT NULL, attrs TEXT NOT NULL);
            CREATE TABLE edges (seq INTEGER PRIMARY KEY, u TEXT NOT NULL, v TEXT NOT NULL,
                k TEXT NOT NULL, skey TEXT NOT NULL, rel TEXT NOT NULL, attrs TEXT NOT NULL,
                UNIQUE (u, v, k));
            CREATE TEMP TABLE want_nodes (id TEXT PRIMARY KEY);
            CREATE TEMP TABLE want_edges (u TEXT, v TEXT, k TEXT, PRIMARY KEY (u, v, k));
            BEGIN;
        """)
        self.empty = _spooled({})

    def close(self) -> None:
        self.conn.close()

    def add(self, nodes: Iterable[Any], edges: Iterable[Any]) -> None:
        """Add one batch of items (``[id, attrs]``, ``[source, target, key, attrs]``): a
        node or edge seen before gets its attributes updated, a later value winning."""
        conn = self.conn
        batch_nodes, batch_edges = merge_batch(nodes, edges, str, ExportError)
        if batch_nodes:
            conn.execute("DELETE FROM want_nodes")
            conn.executemany("INSERT INTO want_nodes VALUES (?)", ((n,) for n in batch_nodes))
            # CROSS JOIN: look up the batch's ids, never scan the spool
            for n, blob in conn.execute("SELECT n.id, n.attrs FROM want_nodes w "
                                        "CROSS JOIN nodes n ON n.id = w.id").fetchall():
                merged = _unspooled(blob)
                merged.update(batch_nodes[n])
                batch_nodes[n] = merged
            conn.executemany(
                "INSERT INTO nodes VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "kind = excluded.kind, attrs = excluded.attrs",
                ((n, _node_kind(d), _spooled(d)) for n, d in batch_nodes.items()))
        if batch_edges:
            # an edge's end that is no node yet becomes one without attributes
            ends = {end for u, v, _ in batch_edges for end in (u, v)}
            conn.executemany("INSERT OR IGNORE INTO nodes VALUES (?, 'Node', ?)",
                             ((end, self.empty) for end in ends))
            conn.execute("DELETE FROM want_edges")
            conn.executemany("INSERT INTO want_edges VALUES (?, ?, ?)", batch_edges)
            for u, v, k, blob in conn.execute(
                    "SELECT e.u, e.v, e.k, e.attrs FROM want_edges w CROSS JOIN edges e "
                    "ON e.u = w.u AND e.v = w.v AND e.k = w.k").fetchall():
                skey, attrs = batch_edges[u, v, k]
                merged = _unspooled(blob)
                merged.update(attrs)
                batch_edges[u, v, k] = (skey, merged)
            conn.executemany(
                "INSERT INTO edges (u, v, k, skey, rel, attrs) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (u, v, k) DO UPDATE SET rel = excluded.rel, attrs = excluded.attrs",
                ((u, v, k, skey, _edge_rel(d), _spooled(d))
                 for (u, v, k), (skey, d) in batch_edges.items()))

    def groups(self) -> tuple[str, list[_NodeGroup], list[_EdgeGroup], int, int]:
        """The array delimiter and the files' groups, read back in the whole graph's
        order: kinds and relations by name, nodes by id, edges by (source, target, key)
        and, among keys that print alike, in the order they came."""
        conn = self.conn
        delimiters = _Delimiters()
        node_types: dict[str, _ColumnTypes] = {}
        edge_types: dict[str, _ColumnTypes] = {}
        # (table, the column naming its file, attributes that are not columns, types by file)
        for table, column, skip, found in (("nodes", "kind", ("kind", "label"), node_types),
                                           ("edges", "rel", ("rel",), edge_types)):
            for name, blob in conn.execute(f"SELECT {column}, attrs FROM {table}"):
                data = _unspooled(blob)
                delimiters.add(data)
                types = found.get(name)
                if types is None:
                    types = found[name] = _ColumnTypes(set(skip))
                types.add(data)
        delimiter = delimiters.choose()
        conn.execute("CREATE INDEX nodes_order ON nodes (kind, id)")
        conn.execute("CREATE INDEX edges_order ON edges (rel, u, v, skey, seq)")

        def node_rows(kind: str) -> Iterator[tuple[str, dict[str, Any]]]:
            for n, blob in conn.execute("SELECT id, attrs FROM nodes INDEXED BY nodes_order "
                                        "WHERE kind = ? ORDER BY id", (kind,)):
                yield n, _unspooled(blob)

        def edge_rows(rel: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
            for u, v, blob in conn.execute(
                    "SELECT u, v, attrs FROM edges INDEXED BY edges_order WHERE rel = ? "
                    "ORDER BY u, v, skey, seq", (rel,)):
                yield u, v, _unspooled(blob)

        nodes = [(kind, node_types[kind].columns(), node_rows(kind))
                 for kind in sorted(node_types)]
        edges = [(rel, edge_types[rel].columns(), edge_rows(rel)) for rel in sorted(edge_types)]
        counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("nodes", "edges")]
        return delimiter, nodes, edges, counts[0], counts[1]


def write_csv_dir_streamed(batches: Iterable[tuple[Iterable[Any], Iterable[Any]]], out: Path,
                           *, tmp_dir: str | Path | None = None) -> CsvExport:
    """Write the files :func:`write_csv_dir` writes for the graph whose items come in
    ``batches`` — ``(nodes, edges)`` as :meth:`Store.iter_block_items
    <policykg.graph.store.Store.iter_block_items>` gives them, merged as
    :func:`~policykg.graph.build.add_bulk` merges them — byte for byte, holding one
    batch in memory: the items are spooled to a temporary file (in ``tmp_dir``, else
    the system's; it takes about as much disk as the csv files) that merges and sorts
    them, then read back twice: once for the columns and the array delimiter, once to
    write the rows."""
    _check_dir(out)  # before the long read; an earlier export stays until it is done
    with tempfile.TemporaryDirectory(prefix="policykg-csv-", dir=tmp_dir) as tmp:
        spool = _Spool(Path(tmp) / "spool.db")
        try:
            for nodes, edges in batches:
                spool.add(nodes, edges)
            delimiter, node_groups, rel_groups, n_nodes, n_edges = spool.groups()
            _prepare_dir(out)
            files = _write_csv_files(out, delimiter, node_groups, rel_groups)
        except sqlite3.Error as err:
            raise ExportError(f"could not sort the rows in a temporary file in {tmp}: {err} "
                              "(set TMPDIR to a disk with more room)") from err
        finally:
            spool.close()
    return CsvExport(files, n_nodes, n_edges)


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
    """The ``neo4j-admin database import full`` command line for these files."""
    parts = ["neo4j-admin", "database", "import", "full"]
    parts += [f"--nodes={name}" for name in node_files]
    parts += [f"--relationships={name}" for name in rel_files]
    parts += [
        f"--array-delimiter={_delimiter_arg(delimiter)}",
        "--multiline-fields=true",
        "--id-type=string",
        "neo4j",
    ]
    return " ".join(shlex.quote(p) for p in parts)


def _delimiter_arg(delimiter: str) -> str:
    """neo4j-admin takes a non-ASCII delimiter as ``U+XXXX``."""
    return delimiter if delimiter.isascii() else f"U+{ord(delimiter):04X}"


def _write_csv(path: Path, header: list[str], rows: Iterable[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        # RFC 4180 line ends: the writer then quotes every field holding \r or \n
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path

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
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import networkx as nx

from policykg.graph.rdf import clean_text, to_rdf
from policykg.ontology.schema import Kind

__all__ = ["FORMATS", "DIR_FORMATS", "ExportError", "export", "export_text", "scalar_graph"]

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


def _csv_columns(rows: list[dict[str, Any]], skip: set[str]) -> list[tuple[str, str]]:
    """``(attribute, neo4j type)`` per column: ``int``, ``float``, ``string[]`` …"""
    seen: dict[str, set[str]] = defaultdict(set)
    for data in rows:
        for key, value in data.items():
            if key in skip or value is None:
                continue
            if isinstance(value, list | tuple | set | frozenset):
                seen[key].add("array")
            elif isinstance(value, bool):
                seen[key].add("boolean")
            elif isinstance(value, int):
                seen[key].add("int")
            elif isinstance(value, float):
                seen[key].add("float")
            else:
                seen[key].add("string")
    columns = []
    for key in sorted(seen):
        kinds = seen[key]
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


def _choose_delimiter(g: nx.MultiDiGraph) -> str:
    items: list[str] = []
    for data in [d for _, d in g.nodes(data=True)] + [d for *_, d in g.edges(data=True)]:
        for value in data.values():
            if isinstance(value, list | tuple | set | frozenset):
                items.extend(_array_items(value))
    for delimiter in ARRAY_DELIMITERS:
        if not any(delimiter in item for item in items):
            return delimiter
    raise ExportError("every array delimiter occurs in the list values; cannot write csv")


def _safe_name(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name) or "_"


def write_csv_dir(g: nx.MultiDiGraph, out: Path) -> list[Path]:
    """Write the neo4j-admin import files of ``g`` into directory ``out``."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    _clear_previous_export(out)
    delimiter = _choose_delimiter(g)
    written: list[Path] = []

    by_kind: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        by_kind[str(d.get("kind") or "Node")].append((str(n), d))
    node_files: list[str] = []
    for kind in sorted(by_kind):
        rows = sorted(by_kind[kind])
        columns = _csv_columns([d for _, d in rows], {"kind", "label"})
        name = f"nodes_{_safe_name(kind)}.csv"
        header = ["id:ID", "label"] + [f"{k}:{t}" for k, t in columns] + [":LABEL"]
        body = [
            [_csv_text(n), _csv_text(d.get("label") or n)]
            + [_cell(d.get(k), t, delimiter) for k, t in columns]
            + [kind]
            for n, d in rows
        ]
        written.append(_write_csv(out / name, header, body))
        node_files.append(name)

    by_rel: dict[str, list[tuple[str, str, str, dict[str, Any]]]] = defaultdict(list)
    for u, v, key, d in g.edges(keys=True, data=True):
        by_rel[str(d.get("rel") or "RELATED")].append((str(u), str(v), str(key), d))
    rel_files: list[str] = []
    for rel in sorted(by_rel):
        rows = sorted(by_rel[rel], key=lambda r: r[:3])
        columns = _csv_columns([d for *_, d in rows], {"rel"})
        name = f"rels_{_safe_name(rel)}.csv"
        header = [":START_ID", ":END_ID", ":TYPE"] + [f"{k}:{t}" for k, t in columns]
        body = [
            [_csv_text(u), _csv_text(v), rel] + [_cell(d.get(k), t, delimiter) for k, t in columns]
            for u, v, _, d in rows
        ]
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


def _is_export_file(path: Path) -> bool:
    name = path.name
    return path.is_file() and (
        name in ("import.sh", "README.txt")
        or (name.endswith(".csv") and name.startswith(("nodes_", "rels_")))
    )


def _clear_previous_export(out: Path) -> None:
    """Remove an earlier export's files; refuse a directory that holds anything else."""
    entries = list(out.iterdir())
    others = [p.name for p in entries if not _is_export_file(p)]
    if others:
        raise ExportError(
            f"{out}: directory holds other files ({', '.join(sorted(others)[:3])}); "
            "give an empty or new directory"
        )
    for path in entries:
        path.unlink()


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


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        # RFC 4180 line ends: the writer then quotes every field holding \r or \n
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path

"""A database loaded from ``export --format csv`` the way ``neo4j-admin database import
full`` loads it is the database ``neo4j push`` writes.

neo4j-admin cannot run here, so :func:`import_csv_dir` stands for it: it reads the
command line of ``import.sh`` and the files it names following the tool's rules (one
ID space unless a header names another, ``:LABEL`` split on the array delimiter, the
typed columns and their arrays, ``:TYPE``; a header the tool refuses is refused), and
creates the nodes and relationships through the driver in batches, on the Bolt
server of the tests (:mod:`tests.bolt_server`). Then the imported database must hold
what a push holds, answer every question as the embedded store does, and take an
incremental push that writes only what changed.
"""

from __future__ import annotations

import math
import re
import shlex
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from policykg.cli import cli
from policykg.graph import neo4j as neo
from policykg.graph.export import write_csv_dir
from policykg.graph.store import open_store
from policykg.ontology.schema import Kind
from tests.bolt_server import bolt_driver, bolt_server  # noqa: F401 - fixtures
from tests.test_neo4j_stream import _content

pytestmark = pytest.mark.neo4j


class ImportRefused(Exception):
    """What neo4j-admin would refuse: the message says which file and why."""


# --- CSV, as neo4j-admin reads it ------------------------------------------------------


def read_csv(path: Path, multiline: bool) -> Iterator[list[tuple[str, bool]]]:
    """The records of ``path``: each field's text and whether it was quoted (an empty
    quoted field is an empty string, an empty unquoted one no value)."""
    text = path.read_bytes().decode("utf-8")
    i, n = 0, len(text)
    while i < n:
        record: list[tuple[str, bool]] = []
        while True:
            if i < n and text[i] == '"':
                i += 1
                chunk: list[str] = []
                while True:
                    end = text.find('"', i)
                    if end < 0:
                        raise ImportRefused(f"{path.name}: a quoted field is not closed")
                    chunk.append(text[i:end])
                    if text.startswith('""', end):
                        chunk.append('"')
                        i = end + 2
                        continue
                    i = end + 1
                    break
                value = "".join(chunk)
                if not multiline and ("\n" in value or "\r" in value):
                    raise ImportRefused(f"{path.name}: a field spans lines, which needs "
                                        "--multiline-fields=true")
                if i < n and text[i] not in ",\r\n":
                    raise ImportRefused(f"{path.name}: text after a closing quote")
                record.append((value, True))
            else:
                end = i
                while end < n and text[end] not in ",\r\n":
                    end += 1
                value = text[i:end]
                if '"' in value:
                    raise ImportRefused(f"{path.name}: a quote inside an unquoted field")
                record.append((value, False))
                i = end
            if i < n and text[i] == ",":
                i += 1
                continue
            break
        if text.startswith("\r\n", i):
            i += 2
        elif i < n:
            i += 1
        yield record


# --- headers ---------------------------------------------------------------------------

# the property types of the header format; the small importer converts the first ones
CONVERTED = ("int", "long", "float", "double", "boolean", "byte", "short", "char", "string")
TYPES = (*CONVERTED, "point", "date", "localtime", "time", "localdatetime", "datetime",
         "duration", "vector")
NODE_FIELDS = ("ID", "LABEL", "IGNORE")
REL_FIELDS = ("START_ID", "END_ID", "TYPE", "IGNORE")
_ENTRY = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>[^(){}]*)(?:\((?P<group>[^()]*)\))?"
                    r"(?P<options>\{.*\})?)?$")
_RANGES = {"byte": 8, "short": 16, "int": 32, "long": 64}


@dataclass
class Column:
    name: str
    kind: str  # a property type ("string", "long[]" …) or a field (ID, LABEL …)
    group: str | None = None


def parse_header(record: list[tuple[str, bool]], path: Path, fields: tuple[str, ...]
                 ) -> list[Column]:
    """The columns of one header, as the tool reads ``<name>:<type>`` entries."""
    columns: list[Column] = []
    for text, _ in record:
        match = _ENTRY.match(text)
        if match is None:
            raise ImportRefused(f"{path.name}: cannot read header entry {text!r}")
        name, kind = match["name"], match["type"]
        if kind is None:
            kind = "string"
        elif kind in (*NODE_FIELDS, *REL_FIELDS):
            if kind not in fields:
                raise ImportRefused(f"{path.name}: {kind} has no place in this file")
        elif kind.removesuffix("[]") not in TYPES:
            raise ImportRefused(f"{path.name}: unknown type {kind!r} in {text!r}")
        if match["options"] and kind != "ID":
            raise ImportRefused(f"{path.name}: options are not taken by {text!r}")
        if match["group"] is not None and kind not in ("ID", "START_ID", "END_ID"):
            raise ImportRefused(f"{path.name}: an ID space is not taken by {text!r}")
        if kind.removesuffix("[]") in TYPES and not name:
            raise ImportRefused(f"{path.name}: a property column without a name")
        columns.append(Column(name, kind, match["group"]))
    names = [c.name for c in columns if c.kind not in ("LABEL", "IGNORE", "START_ID",
                                                       "END_ID", "TYPE") and c.name]
    if len(names) != len(set(names)):
        raise ImportRefused(f"{path.name}: a property named twice in the header")
    kinds = [c.kind for c in columns]
    needed = ("ID",) if "ID" in fields else ("START_ID", "END_ID", "TYPE")
    for kind in needed:
        if kinds.count(kind) != 1:
            raise ImportRefused(f"{path.name}: the header needs one {kind} column")
    return columns


def convert(text: str, quoted: bool, kind: str, delimiter: str, path: Path) -> Any:
    """One field's value of a property column (None: the property is not set)."""
    if kind.endswith("[]"):
        if not text:  # neither an empty nor a missing array is imported
            return None
        return [_scalar(item, kind[:-2], path) for item in text.split(delimiter)]
    if not text and not (quoted and kind == "string"):
        return None
    return _scalar(text, kind, path)


def _scalar(text: str, kind: str, path: Path) -> Any:
    if kind == "string":
        return text
    if kind == "boolean":
        return text == "true"
    if kind == "char":
        if len(text) != 1:
            raise ImportRefused(f"{path.name}: {text!r} is not one character")
        return text
    if kind in _RANGES:
        if not re.fullmatch(r"[+-]?[0-9]+", text):
            raise ImportRefused(f"{path.name}: {text!r} is not an integer")
        value, bits = int(text), _RANGES[kind]
        if not -(1 << (bits - 1)) <= value < 1 << (bits - 1):
            raise ImportRefused(f"{path.name}: {text} does not fit a {kind}")
        return value
    if kind in ("float", "double"):
        if not re.fullmatch(r"[+-]?(Infinity|NaN|([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?)",
                            text):
            raise ImportRefused(f"{path.name}: {text!r} is not a number")
        value = float(text.replace("Infinity", "inf"))
        if kind == "float" and math.isfinite(value):  # 32 bits, then widened
            value = struct.unpack("f", struct.pack("f", value))[0]
        return value
    raise ImportRefused(f"{path.name}: this importer does not convert {kind} values")


# --- the command line and the import -------------------------------------------------------


@dataclass
class Command:
    nodes: list[Path] = field(default_factory=list)
    relationships: list[Path] = field(default_factory=list)
    array_delimiter: str = ";"
    multiline: bool = False
    database: str | None = None


def read_command(folder: Path) -> Command:
    """The neo4j-admin command line of ``import.sh`` (the options it uses)."""
    lines = [line for line in (folder / "import.sh").read_text(encoding="utf-8").splitlines()
             if line.startswith("neo4j-admin ")]
    if len(lines) != 1:
        raise ImportRefused("import.sh: no single neo4j-admin command line")
    words = shlex.split(lines[0])
    if words[:4] != ["neo4j-admin", "database", "import", "full"]:
        raise ImportRefused(f"import.sh: not a full import: {' '.join(words[:4])}")
    command = Command()
    for word in words[4:]:
        option, _, value = word.partition("=")
        if not word.startswith("--"):
            if command.database is not None:
                raise ImportRefused(f"import.sh: a second database name {word!r}")
            command.database = word
        elif option == "--nodes":
            command.nodes.append(folder / value)
        elif option == "--relationships":
            command.relationships.append(folder / value)
        elif option == "--array-delimiter":
            command.array_delimiter = chr(int(value[2:], 16)) if value.startswith("U+") \
                else value
            if len(command.array_delimiter) != 1 or command.array_delimiter in ',"':
                raise ImportRefused(f"import.sh: array delimiter {value!r}")
        elif option == "--multiline-fields":
            command.multiline = value == "true"
        elif option == "--id-type":
            if value != "string":
                raise ImportRefused("import.sh: this importer reads string ids only")
        else:
            raise ImportRefused(f"import.sh: option {option} is not read by this importer")
    if command.database is None:
        raise ImportRefused("import.sh: no database named")
    for path in command.nodes + command.relationships:
        if "," in path.name or "=" in path.name or not path.is_file():
            raise ImportRefused(f"import.sh: {path.name} is not one file of the export")
    return command


_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _quoted(name: str) -> str:
    return name if _PLAIN.match(name) else "`" + name.replace("`", "``") + "`"


@dataclass
class Imported:
    nodes: int = 0
    relationships: int = 0


def _batches(runner: Any, rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    limit = runner.caps.max_batch_bytes // 2
    batch: list[dict[str, Any]] = []
    size = 0
    for row in rows:
        row_size = runner.size(row)
        if batch and size + row_size > limit:
            yield batch
            batch, size = [], 0
        batch.append(row)
        size += row_size
    if batch:
        yield batch


def import_csv_dir(folder: Path, driver: Any) -> Imported:
    """Load the export in ``folder`` into the (empty) database as neo4j-admin would."""
    command = read_command(folder)
    delimiter = command.array_delimiter
    nodes: dict[tuple[str | None, str], int] = {}  # (ID space, id) → internal node id
    seen: set[tuple[str | None, str]] = set()
    done = Imported()
    runner = neo._Runner(driver, None, neo.probe_limits(driver))
    with runner:
        for path in command.nodes:
            records = read_csv(path, command.multiline)
            columns = parse_header(next(records), path, NODE_FIELDS)
            by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for record in records:
                if len(record) != len(columns):
                    raise ImportRefused(f"{path.name}: a row of {len(record)} fields under "
                                        f"a header of {len(columns)}")
                props: dict[str, Any] = {}
                labels: tuple[str, ...] = ()
                key = None
                for column, (text, quoted) in zip(columns, record, strict=True):
                    if column.kind == "ID":
                        key = (column.group, text)
                        if column.name:
                            props[column.name] = text
                    elif column.kind == "LABEL":
                        labels += tuple(x for x in text.split(delimiter) if x)
                    elif column.kind != "IGNORE":
                        value = convert(text, quoted, column.kind, delimiter, path)
                        if value is not None:
                            props[column.name] = value
                if key in seen:
                    raise ImportRefused(f"{path.name}: node id {key[1]!r} is not unique")
                seen.add(key)
                by_labels.setdefault(tuple(sorted(set(labels))), []).append(
                    {"key": list(key), "props": props})
            for labels, rows in by_labels.items():
                text = "".join(f":{_quoted(label)}" for label in labels)
                for batch in _batches(runner, rows):
                    for row in runner.run(f"UNWIND $rows AS row CREATE (n{text}) "
                                          "SET n = row.props RETURN row.key AS key, "
                                          "id(n) AS node", rows=batch):
                        nodes[tuple(row["key"])] = row["node"]
                    done.nodes += len(batch)
        for path in command.relationships:
            records = read_csv(path, command.multiline)
            columns = parse_header(next(records), path, REL_FIELDS)
            by_type: dict[str, list[dict[str, Any]]] = {}
            for record in records:
                if len(record) != len(columns):
                    raise ImportRefused(f"{path.name}: a row of {len(record)} fields under "
                                        f"a header of {len(columns)}")
                row: dict[str, Any] = {"props": {}}
                rel = ""
                for column, (text, quoted) in zip(columns, record, strict=True):
                    if column.kind in ("START_ID", "END_ID"):
                        end = nodes.get((column.group, text))
                        if end is None:
                            raise ImportRefused(f"{path.name}: no node {text!r} in ID space "
                                                f"{column.group or 'global'}")
                        row["a" if column.kind == "START_ID" else "b"] = end
                    elif column.kind == "TYPE":
                        rel = text
                    elif column.kind != "IGNORE":
                        value = convert(text, quoted, column.kind, delimiter, path)
                        if value is not None:
                            row["props"][column.name] = value
                if not rel:
                    raise ImportRefused(f"{path.name}: a relationship without a type")
                by_type.setdefault(rel, []).append(row)
            for rel, rows in by_type.items():
                for batch in _batches(runner, rows):
                    runner.run("UNWIND $rows AS row MATCH (a) WHERE id(a) = row.a "
                               "MATCH (b) WHERE id(b) = row.b "
                               f"CREATE (a)-[r:{_quoted(rel)}]->(b) SET r = row.props",
                               rows=batch)
                    done.relationships += len(batch)
    return done


# --- the importer refuses what neo4j-admin refuses -------------------------------------------


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize(("header", "reason"), [
    ("id:ID,:LABEL,year:integer", "unknown type"),
    ("id:ID,:LABEL,tags:text[]", "unknown type"),
    ("id:ID,:LABEL,name:string,name:long", "named twice"),
    (":LABEL,name", "one ID column"),
    ("id:ID,:LABEL,:TYPE", "no place"),
    ("id:ID,:LABEL,:long", "without a name"),
])
def test_node_headers_the_tool_refuses_are_refused(tmp_path: Path, header: str,
                                                   reason: str) -> None:
    path = _write(tmp_path / "nodes_x.csv", header + "\r\n")
    with pytest.raises(ImportRefused, match=reason):
        parse_header(next(read_csv(path, True)), path, NODE_FIELDS)


@pytest.mark.parametrize(("header", "reason"), [
    (":START_ID,:END_ID,w:long", "one TYPE"),
    (":START_ID,:TYPE", "one END_ID"),
    (":START_ID,:END_ID,:TYPE,:LABEL", "no place"),
])
def test_relationship_headers_the_tool_refuses_are_refused(tmp_path: Path, header: str,
                                                           reason: str) -> None:
    path = _write(tmp_path / "rels_x.csv", header + "\r\n")
    with pytest.raises(ImportRefused, match=reason):
        parse_header(next(read_csv(path, True)), path, REL_FIELDS)


def test_values_are_read_as_their_column_types(tmp_path: Path) -> None:
    path = _write(tmp_path / "nodes_x.csv",
                  'id:ID,:LABEL,a:int,b:float,c:double,d:string,e:string,f:long[],g:boolean\r\n'
                  'x,A;B,7,0.1,0.1,"",,1;2,true\r\n"y\r\nz",A,-3,1e3,-Infinity,"q,""r""",s,,no'
                  '\r\n')
    records = read_csv(path, True)
    columns = parse_header(next(records), path, NODE_FIELDS)
    rows = [[convert(t, q, c.kind, ";", path) if c.kind not in ("ID", "LABEL") else t
             for c, (t, q) in zip(columns, r, strict=True)] for r in records]
    assert rows[0] == ["x", "A;B", 7, pytest.approx(0.1, abs=1e-8), 0.1, "", None, [1, 2], True]
    assert rows[0][3] != 0.1  # a float column keeps 32 bits
    assert rows[1] == ["y\r\nz", "A", -3, 1000.0, -math.inf, 'q,"r"', "s", None, False]
    with pytest.raises(ImportRefused, match="does not fit"):
        convert(str(1 << 31), False, "int", ";", path)
    with pytest.raises(ImportRefused, match="not an integer"):
        convert("2024.0", False, "long", ";", path)
    with pytest.raises(ImportRefused, match="multiline"):
        list(read_csv(path, False))


def test_the_export_is_read_by_the_importer_rules(tmp_path: Path, store_file: Path) -> None:
    """Every file the export writes passes the header rules, with the id, label and
    relationship columns the tool needs and types it knows."""
    write_csv_dir(open_store(store_file).graph(), tmp_path / "csv")
    command = read_command(tmp_path / "csv")
    assert command.database == "neo4j" and command.multiline
    assert len(command.nodes) > len(Kind) // 2 and command.relationships
    for path in command.nodes + command.relationships:
        records = read_csv(path, True)
        columns = parse_header(next(records), path,
                               NODE_FIELDS if path in command.nodes else REL_FIELDS)
        assert all(c.kind.removesuffix("[]") in ("ID", "LABEL", "START_ID", "END_ID", "TYPE",
                                                 "long", "double", "boolean", "string")
                   for c in columns), path.name
        assert all(len(r) == len(columns) for r in records), path.name


# --- imported and pushed databases ---------------------------------------------------------


@pytest.fixture()
def db(bolt_driver: Any) -> Any:  # noqa: F811
    _empty(bolt_driver)
    return bolt_driver


def _export(store: Path, out: Path) -> Path:
    result = CliRunner().invoke(cli, ["export", "--format", "csv", str(out), "--store",
                                      str(store)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def _empty(driver: Any) -> None:
    with driver.session() as session:
        session.run("MATCH (n) DETACH DELETE n").consume()


def test_imported_database_holds_what_a_push_writes(db: Any, store_file: Path,
                                                    tmp_path: Path) -> None:
    graph = open_store(store_file).graph()
    neo.push(graph, db)
    pushed = _content(db)
    _empty(db)
    imported = import_csv_dir(_export(store_file, tmp_path / "csv"), db)
    assert (imported.nodes, imported.relationships) == (graph.number_of_nodes() + 1,
                                                        graph.number_of_edges())
    content = _content(db)
    assert content["nodes"] == pushed["nodes"]
    assert content["relationships"] == pushed["relationships"]
    assert content["state"] == pushed["state"] != []
    # and reading it back gives the graph, empty lists and missing values included
    back = neo.fetch_graph(db)
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted((u, v, k, sorted(d.items())) for u, v, k, d in back.edges(keys=True, data=True)
                  ) == sorted((u, v, k, sorted(d.items()))
                              for u, v, k, d in graph.edges(keys=True, data=True))


def test_incremental_push_onto_an_imported_database_writes_what_changed(
        db: Any, store_file: Path, tmp_path: Path) -> None:
    graph = open_store(store_file).graph()
    import_csv_dir(_export(store_file, tmp_path / "csv"), db)
    quiet = neo.push(graph, db, incremental=True)
    assert (quiet.nodes_written, quiet.relationships_written) == (0, 0)
    assert (quiet.nodes_deleted, quiet.relationships_deleted) == (0, 0)
    assert quiet.plans_added == quiet.plans_changed == quiet.plans_forgotten == []
    assert quiet.nodes_unchanged == graph.number_of_nodes()

    changed = graph.copy()
    plans = sorted(n for n, d in changed.nodes(data=True) if d["kind"] == Kind.PLAN)
    plan = max(plans, key=lambda p: sum(1 for _, t in changed.nodes(data="plan") if t == p))
    tasks = sorted(n for n, d in changed.nodes(data=True) if d.get("plan") == plan)
    changed.nodes[tasks[0]]["text"] += " (sửa đổi)"
    changed.nodes[tasks[-1]]["outputs"] = ["Báo cáo"]
    report = neo.push(changed, db, incremental=True)
    assert report.plans_changed == [changed.nodes[plan].get("plan_id") or plan]
    assert report.plans_added == report.plans_forgotten == []
    assert report.nodes_written == len({tasks[0], tasks[-1]})
    assert (report.relationships_written, report.nodes_deleted) == (0, 0)
    assert (report.nodes, report.relationships) == (changed.number_of_nodes(),
                                                    changed.number_of_edges())
    after = _content(db)
    _empty(db)
    neo.push(changed, db)
    assert _content(db) == after  # as if the changed graph had been pushed from scratch


def _odd_graph() -> Any:
    """The sample graph of the export tests with values of every kind the layout must
    carry: decimals, large integers, booleans, empty texts and lists, a list holding an
    empty text, a property of two types in one kind, parallel edges, hostile text and a
    node without attributes."""
    from tests.test_export import HOSTILE, ODD_ID, sample_graph

    def kept(value: Any) -> Any:  # the test server refuses a NUL character in text
        if isinstance(value, str):
            return value.replace("\x00", "")
        return [kept(v) for v in value] if isinstance(value, list) else value

    g = sample_graph()
    for *_, data in [*g.nodes(data=True), *g.edges(data=True)]:
        data.update({k: kept(v) for k, v in data.items()})
    task = next(n for n, d in g.nodes(data=True) if d["kind"] == Kind.TASK)
    g.nodes[task].update(ratio=0.1, big=2**40, done=True, note="", steps=["", "b"],
                         flags=[True, False], scores=[0.5, 1e-9], deadline_start="quý III")
    g.add_node(ODD_ID, kind=Kind.TOPIC.value, label=kept(HOSTILE),
               label_vi="—", aliases=[])
    g.add_edge(task, ODD_ID, rel="ABOUT", quote='a,"b"\r\nc', line_start=1)
    g.add_edge(task, ODD_ID, key="again", rel="ABOUT", quote="x")
    g.add_edge(task, "ghost:z", rel="ABOUT")  # an end never declared: a bare node
    return g


def test_every_value_type_arrives_as_push_writes_it(db: Any, tmp_path: Path) -> None:
    graph = _odd_graph()
    neo.push(graph, db)
    pushed = _content(db)
    _empty(db)
    write_csv_dir(graph, tmp_path / "csv")
    headers = " ".join(path.read_text(encoding="utf-8").split("\n")[0]
                       for path in (tmp_path / "csv").glob("nodes_Task*.csv"))
    assert "deadline_start:long" in headers and "deadline_start:string" in headers
    import_csv_dir(tmp_path / "csv", db)
    assert _content(db) == pushed
    back = neo.fetch_graph(db)  # nodes of a kind
    assert dict(back.nodes(data=True)) == {n: d for n, d in graph.nodes(data=True) if d}
    assert neo.push(graph, db, incremental=True).nodes_written == 0

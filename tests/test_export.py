"""Exports of the knowledge graph: every format reads back with the same nodes and edges."""

from __future__ import annotations

import csv
import json
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import PROV, RDF, XSD, Graph, Literal

from policykg.graph.export import FORMATS, ExportError, export, export_text
from policykg.graph.rdf import (
    PKGID,
    count_edges,
    count_nodes,
    edge_triples,
    node_id,
    node_iri,
    to_rdf,
)
from policykg.ontology.schema import Kind, Rel
from policykg.ontology.vocab import LITERAL_ATTRIBUTES, ONTOLOGY_FILE, PKG, SHAPES_FILE

HOSTILE = 'Kế hoạch "số 1", <script>alert(1)</script> {x}\n\ttab\x00\x01\x07\x1b\x1f; a|b ¦ end'


def sample_graph() -> nx.MultiDiGraph:
    """A small graph that follows the contract in ``policykg.graph``.

    36-NQ/TW ← 180-CTr/TU (Tây Ninh) ← 3300/KH-UBND ← unnumbered plan of Tây Ninh;
    36-NQ/TW ← 189/NQ-CP ← 19/KH-SKHCN (Gia Lai, based on); 57-NQ/TW stands apart.
    """
    g = nx.MultiDiGraph()
    ev = {"file": "plan.txt", "line_start": 3, "line_end": 4, "quote": "thực hiện Nghị quyết"}
    g.add_node("province:tay-ninh", kind=Kind.PROVINCE.value, label="Tây Ninh", name="Tây Ninh",
               current="province:tay-ninh")
    g.add_node("province:long-an", kind=Kind.PROVINCE.value, label="Long An", name="Long An",
               current="province:tay-ninh")
    g.add_node("province:gia-lai", kind=Kind.PROVINCE.value, label="Gia Lai", name="Gia Lai",
               current="province:gia-lai")
    g.add_edge("province:long-an", "province:tay-ninh", rel=Rel.MERGED_INTO.value)
    g.add_node("org:vn:bo-chinh-tri", kind=Kind.ORGANISATION.value, label="Bộ Chính trị")
    g.add_node("org:tay-ninh:so-khcn", kind=Kind.ORGANISATION.value,
               label="Sở Khoa học và Công nghệ tỉnh Tây Ninh", province="province:tay-ninh")
    g.add_node("org:gia-lai:so-khcn", kind=Kind.ORGANISATION.value,
               label="Sở Khoa học và Công nghệ tỉnh Gia Lai", province="province:gia-lai")
    for org, prov in (("org:tay-ninh:so-khcn", "province:tay-ninh"),
                      ("org:gia-lai:so-khcn", "province:gia-lai")):
        g.add_edge(org, prov, rel=Rel.IN_PROVINCE.value)

    nq36 = "doc:36-NQ/TW@2023"
    g.add_node(nq36, kind=Kind.DOCUMENT.value, label="Nghị quyết 36-NQ/TW", doctype="NQ",
               key="36-NQ/TW", date="2023-01-30", year=2023, scope="central",
               issuer="Bộ Chính trị", title="về phát triển và ứng dụng công nghệ sinh học")
    g.add_edge(nq36, "org:vn:bo-chinh-tri", rel=Rel.ISSUED_BY.value)
    g.add_node("doc:57-NQ/TW@2024", kind=Kind.DOCUMENT.value, label="Nghị quyết 57-NQ/TW",
               doctype="NQ", key="57-NQ/TW", date="2024-12", year=2024, scope="central")
    ctr = "doc:tay-ninh:180-CTr/TU@2023"
    g.add_node(ctr, kind=Kind.DOCUMENT.value, label="Chương trình 180-CTr/TU", doctype="CTr",
               key="180-CTr/TU", date="2023", year=2023, scope="local",
               province="province:tay-ninh")
    kh = "doc:tay-ninh:3300/KH-UBND@2023"
    g.add_node(kh, kind=Kind.DOCUMENT.value, label="Kế hoạch 3300/KH-UBND", doctype="KH",
               key="3300/KH-UBND", year=2023, scope="local", province="province:tay-ninh")
    plan_tn = "doc:tay-ninh:KH@2024-03:ab12cd34ef"
    g.add_node(plan_tn, kind=Kind.PLAN.value, label="Kế hoạch (không số) Sở KH&CN Tây Ninh",
               doctype="KH", date="2024-03", year=2024, scope="local",
               province="province:tay-ninh", file="seeds/tn.txt", sha256="0" * 64,
               plan_id="tn-2024", issuer="Sở KH&CN", title=HOSTILE)
    nqcp = "doc:189/NQ-CP@2023"
    g.add_node(nqcp, kind=Kind.DOCUMENT.value, label="Nghị quyết 189/NQ-CP", doctype="NQ",
               key="189/NQ-CP", year=2023, scope="central")
    plan_gl = "doc:gia-lai:19/KH-SKHCN@2024"
    g.add_node(plan_gl, kind=Kind.PLAN.value, label="Kế hoạch 19/KH-SKHCN", doctype="KH",
               key="19/KH-SKHCN", number="19/KH-SKHCN", date="2024-01-31", year=2024,
               scope="local", province="province:gia-lai", file="seeds/gl.txt",
               sha256="1" * 64, plan_id="gl-2024", signer="Nguyễn Văn A",
               signer_capacity="KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")
    for child, parent, rel in (
        (ctr, nq36, Rel.IMPLEMENTS), (kh, ctr, Rel.IMPLEMENTS), (plan_tn, kh, Rel.IMPLEMENTS),
        (plan_tn, nq36, Rel.MENTIONS), (nqcp, nq36, Rel.IMPLEMENTS),
        (plan_gl, nqcp, Rel.BASED_ON),
    ):
        g.add_edge(child, parent, rel=rel.value, source_plan=plan_tn, **ev)
    # the same link read twice in one plan: a parallel edge
    g.add_edge(plan_tn, kh, rel=Rel.IMPLEMENTS.value, source_plan=plan_tn,
               file="plan.txt", line_start=40, line_end=40, quote="Kế hoạch 3300")
    g.add_edge(plan_tn, "province:tay-ninh", rel=Rel.IN_PROVINCE.value)
    g.add_edge(plan_gl, "province:gia-lai", rel=Rel.IN_PROVINCE.value)
    g.add_edge(plan_tn, "org:tay-ninh:so-khcn", rel=Rel.ISSUED_BY.value)

    g.add_node("unitkind:phong-quan-ly-khoa-hoc", kind=Kind.UNIT_KIND.value,
               label="Phòng Quản lý khoa học")
    units = {
        "qlkh-tn": ("unit:tay-ninh:so-khcn:phong-qlkh", "Phòng Quản lý Khoa học", "tay-ninh"),
        "cc-tn": ("unit:tay-ninh:so-khcn:chi-cuc-tdc", "Chi cục TĐC", "tay-ninh"),
        "qlkh-gl": ("unit:gia-lai:so-khcn:phong-qlkh", "Phòng Quản lý khoa học", "gia-lai"),
        "hnd-gl": ("unit:gia-lai:hnd:hoi-nong-dan", "Hội Nông dân tỉnh", "gia-lai"),
    }
    for uid, name, prov in units.values():
        g.add_node(uid, kind=Kind.UNIT.value, label=name, name=name,
                   category="internal" if "so-khcn" in uid else "external",
                   province=f"province:{prov}", org=f"org:{prov}:so-khcn")
        if "so-khcn" in uid:
            g.add_edge(uid, f"org:{prov}:so-khcn", rel=Rel.PART_OF.value)
    for key in ("qlkh-tn", "qlkh-gl"):
        g.add_edge(units[key][0], "unitkind:phong-quan-ly-khoa-hoc", rel=Rel.OF_KIND.value)
    g.nodes[units["qlkh-tn"][0]]["unit_kind"] = "unitkind:phong-quan-ly-khoa-hoc"

    g.add_node("topic:biotech", kind=Kind.TOPIC.value, label="Công nghệ sinh học",
               label_vi="Công nghệ sinh học", label_en="Biotechnology")
    g.add_node("topic:ocop", kind=Kind.TOPIC.value, label="OCOP", label_vi="Mỗi xã một sản phẩm",
               label_en="One commune one product")

    def task(plan, local, text, prov, lead, support, topic, parent=None, **attrs):
        tid = f"task:{plan}#{local}"
        g.add_node(tid, kind=Kind.TASK.value, label=text[:40], plan=plan, number=local,
                   text=text, province=f"province:{prov}", file="plan.txt", line_start=10,
                   line_end=12, **attrs)
        g.add_edge(parent or plan, tid,
                   rel=(Rel.HAS_SUBTASK if parent else Rel.HAS_TASK).value)
        for u in lead:
            g.add_edge(tid, units[u][0], rel=Rel.LED_BY.value, file="plan.txt", line_start=11,
                       line_end=11, quote="chủ trì")
        for u in support:
            g.add_edge(tid, units[u][0], rel=Rel.SUPPORTED_BY.value, role="support",
                       file="plan.txt", line_start=12, line_end=12, quote="phối hợp")
        g.add_edge(tid, f"topic:{topic}", rel=Rel.ABOUT.value)
        return tid

    t1 = task(plan_tn, "1", "Ứng dụng công nghệ sinh học trong nông nghiệp", "tay-ninh",
              ["qlkh-tn"], ["cc-tn"], "biotech", deadline="Hàng năm",
              deadline_recurrence="yearly", outputs=["Báo cáo; tổng hợp", "Mô hình"],
              targets=[{"text": "05 sản phẩm", "value": 5.0, "unit": "sản phẩm"}],
              steps=[HOSTILE, "bước 2"])
    task(plan_tn, "1.1", HOSTILE, "tay-ninh", ["cc-tn"], [], "biotech", parent=t1)
    task(plan_tn, "2", "Hướng dẫn mã số mã vạch", "tay-ninh", ["qlkh-tn"], ["cc-tn"], "ocop",
         deadline_start=2024, deadline_end=2026)
    task(plan_gl, "1", "Hỗ trợ sản phẩm OCOP", "gia-lai", ["qlkh-gl"], ["hnd-gl"], "ocop")
    task(plan_gl, "2", "Phát triển công nghệ sinh học", "gia-lai", ["qlkh-gl"], [], "biotech")
    return g


def kinds(g: nx.MultiDiGraph) -> Counter:
    return Counter(d.get("kind") for _, d in g.nodes(data=True))


@pytest.fixture()
def g() -> nx.MultiDiGraph:
    return sample_graph()


# --- RDF ----------------------------------------------------------------------


def test_node_iris_are_valid_and_reversible():
    ids = ["doc:36-NQ/TW@2023", "task:doc:tay-ninh:KH@2024-03:ab12#1.2", "unit:bắc-giang:x:y",
           "doc:vn:VB@2021:?:abc", "odd id with space%20 and <>\"{}|^`\\", "topic:a\x00b"]
    for nid in ids:
        iri = node_iri(nid)
        assert node_id(iri) == nid
        assert not set(str(iri)) & set(" <>\"{}|^`\\\x00#")
    assert len({node_iri(n) for n in ids}) == len(ids)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_rdf_exports_parse_back_with_same_counts(g, fmt):
    text = export_text(g, fmt)
    back = Graph().parse(data=text, format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt])
    rdf = to_rdf(g)
    assert count_nodes(back) == g.number_of_nodes()
    assert edge_triples(g) <= set(back)
    assert count_edges(back) == count_edges(rdf) >= len(edge_triples(g))
    assert len(back) == len(rdf)
    assert set(back) == set(rdf)


def test_rdf_typed_values(g):
    rdf = to_rdf(g)
    nq = node_iri("doc:36-NQ/TW@2023")
    assert (nq, LITERAL_ATTRIBUTES["date"], Literal("2023-01-30", datatype=XSD.date)) in rdf
    assert (nq, LITERAL_ATTRIBUTES["year"], Literal(2023, datatype=XSD.integer)) in rdf
    ym = rdf.value(node_iri("doc:57-NQ/TW@2024"), LITERAL_ATTRIBUTES["date"])
    assert ym.datatype == XSD.gYearMonth
    y = rdf.value(node_iri("doc:tay-ninh:180-CTr/TU@2023"), LITERAL_ATTRIBUTES["date"])
    assert y.datatype == XSD.gYear
    labels = list(rdf.objects(nq, LITERAL_ATTRIBUTES["label"]))
    assert labels and all(lbl.language == "vi" for lbl in labels)
    task = node_iri("task:doc:tay-ninh:KH@2024-03:ab12cd34ef#1")
    outputs = {str(o) for o in rdf.objects(task, LITERAL_ATTRIBUTES["outputs"])}
    assert outputs == {"Báo cáo; tổng hợp", "Mô hình"}


def test_edge_provenance_is_kept_per_edge(g):
    rdf = to_rdf(g)
    s = node_iri("doc:tay-ninh:KH@2024-03:ab12cd34ef")
    o = node_iri("doc:tay-ninh:3300/KH-UBND@2023")
    stmts = [st for st in rdf.subjects(RDF.subject, s)
             if (st, RDF.object, o) in rdf and (st, RDF.predicate, PKG.implements) in rdf]
    assert len(stmts) == 2  # two readings of the same link
    lines = sorted(int(rdf.value(st, LITERAL_ATTRIBUTES["line_start"])) for st in stmts)
    assert lines == [3, 40]


def test_unit_roles_and_targets(g):
    rdf = to_rdf(g)
    task = node_iri("task:doc:tay-ninh:KH@2024-03:ab12cd34ef#1")
    roles = {
        node_id(rdf.value(a, PROV.agent)): rdf.value(a, PROV.hadRole)
        for a in rdf.objects(task, PROV.qualifiedAssociation)
    }
    assert roles == {"unit:tay-ninh:so-khcn:phong-qlkh": PKG.LeadRole,
                     "unit:tay-ninh:so-khcn:chi-cuc-tdc": PKG.SupportRole}
    targets = list(rdf.objects(task, PKG.hasTarget))
    assert len(targets) == 1
    assert rdf.value(targets[0], PKG.targetValue).toPython() == 5
    assert str(rdf.value(targets[0], PKG.targetUnit)) == "sản phẩm"
    # a task's plan and province are links, not text
    assert (task, PKG.plan, node_iri("doc:tay-ninh:KH@2024-03:ab12cd34ef")) in rdf
    assert (task, PKG.inProvince, node_iri("province:tay-ninh")) in rdf


def shacl(rdf: Graph) -> tuple[bool, str]:
    import pyshacl

    conforms, _, report = pyshacl.validate(
        rdf, shacl_graph=Graph().parse(SHAPES_FILE), ont_graph=Graph().parse(ONTOLOGY_FILE)
    )
    return conforms, report


def test_rdf_passes_shacl_shapes(g):
    conforms, report = shacl(to_rdf(g))
    assert conforms, report
    # the shapes are really applied: a task without its plan fails them
    broken = sample_graph()
    del broken.nodes["task:doc:gia-lai:19/KH-SKHCN@2024#1"]["plan"]
    assert not shacl(to_rdf(broken))[0]


def test_rdf_export_is_stable(g):
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(g.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    for fmt in ("ttl", "nt", "jsonld", "json", "graphml", "gexf"):
        assert export_text(g, fmt) == export_text(shuffled, fmt), fmt


# --- GraphML, GEXF, JSON ------------------------------------------------------


def test_graphml_reads_back(g, tmp_path):
    path = tmp_path / "g.graphml"
    export(g, "graphml", path)
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert kinds(back) == kinds(g)
    task = back.nodes["task:doc:tay-ninh:KH@2024-03:ab12cd34ef#1"]
    assert json.loads(task["outputs"]) == ["Báo cáo; tổng hợp", "Mô hình"]
    assert back.nodes["doc:36-NQ/TW@2023"]["year"] == 2023
    assert all(d.get("label") for _, d in back.nodes(data=True))


def test_gexf_reads_back(g, tmp_path):
    path = tmp_path / "g.gexf"
    export(g, "gexf", path)
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert kinds(back) == kinds(g)
    assert back.nodes["doc:36-NQ/TW@2023"]["label"] == "Nghị quyết 36-NQ/TW"


def test_node_link_json_reads_back(g, tmp_path):
    path = tmp_path / "g.json"
    export(g, "json", path)
    back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert back.number_of_nodes() == g.number_of_nodes()
    assert back.number_of_edges() == g.number_of_edges()
    assert kinds(back) == kinds(g)
    assert back.nodes["doc:tay-ninh:KH@2024-03:ab12cd34ef"]["title"] == HOSTILE
    assert nx.utils.graphs_equal(back, g)


# --- neo4j-admin CSV ----------------------------------------------------------


def read_csv_dir(path: Path) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """The rows of each node file (but the push record's) and relationship file."""
    nodes, rels = {}, {}
    for file in sorted(path.glob("*.csv")):
        if file.name == "nodes_PolicykgState.csv":
            continue
        with file.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        (nodes if file.name.startswith("nodes_") else rels)[file.name] = rows
    return nodes, rels


def array_delimiter(out: Path) -> str:
    command = (out / "import.sh").read_text(encoding="utf-8")
    delimiter = command.split("--array-delimiter=")[1].split()[0].strip("'")
    return chr(int(delimiter[2:], 16)) if delimiter.startswith("U+") else delimiter


def test_csv_directory_for_neo4j_admin(g, tmp_path):
    out = tmp_path / "csv"
    export(g, "csv", out)
    nodes, rels = read_csv_dir(out)
    assert set(nodes) == {f"nodes_{k}.csv" for k in kinds(g)}
    assert (out / "nodes_PolicykgState.csv").exists()
    ids = [row["id:ID"] for rows in nodes.values() for row in rows]
    assert len(ids) == len(set(ids)) == g.number_of_nodes()
    delimiter = array_delimiter(out)
    for name, rows in nodes.items():
        kind = name[len("nodes_"):-len(".csv")]
        assert {row[":LABEL"] for row in rows} == {f"PolicykgNode{delimiter}{kind}"}
        assert {row["kind:string"] for row in rows} == {kind}
        assert all(row["_hash:string"] and row["search_words:string[]"] for row in rows)
    assert sum(len(rows) for rows in rels.values()) == g.number_of_edges()
    for name, rows in rels.items():
        assert {row[":TYPE"] for row in rows} == {row["rel:string"] for row in rows} == {
            name[len("rels_"):-len(".csv")]}
        keys = [row["key:string"] for row in rows]
        assert len(set(keys)) == len(keys)  # parallel edges keep apart
        for row in rows:
            assert row[":START_ID"] in set(ids) and row[":END_ID"] in set(ids)
    with (out / "nodes_LegalDocument.csv").open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header[:2] == ["id:ID", ":LABEL"]
    assert "year:long" in header and "label:string" in header
    task_header = next(csv.reader((out / "nodes_Task.csv").open(encoding="utf-8")))
    assert "outputs:string[]" in task_header and "line_start:long" in task_header
    command = (out / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full neo4j --nodes=" in command
    for name in list(nodes) + list(rels):
        assert name in command
    assert "--multiline-fields=true" in command


def test_csv_arrays_split_back_to_the_items(g, tmp_path):
    out = tmp_path / "csv"
    export(g, "csv", out)
    delimiter = array_delimiter(out)
    assert delimiter != ";"  # an output item holds ";", so another delimiter is chosen
    nodes, _ = read_csv_dir(out)
    row = next(r for r in nodes["nodes_Task.csv"] if r["id:ID"].endswith("ab12cd34ef#1"))
    assert row["outputs:string[]"].split(delimiter) == ["Báo cáo; tổng hợp", "Mô hình"]
    assert row[":LABEL"].split(delimiter) == ["PolicykgNode", "Task"]


def test_csv_columns_keep_each_value_type(tmp_path):
    """Integers as long and decimals as double (int and float are 32 bits in
    neo4j-admin), and a property of two types in one kind puts the rows of each type
    in a file of their own, so each value arrives with its own type."""
    g = nx.MultiDiGraph()
    g.add_node("task:a#1", kind="Task", label="1", deadline_start=2024, ratio=0.1,
               big=2**40)
    g.add_node("task:a#2", kind="Task", label="2", deadline_start="quý III/2024")
    g.add_node("task:a#3", kind="Task", label="3", deadline_start=2025, flags=[True, False])
    export(g, "csv", tmp_path / "csv")
    nodes, _ = read_csv_dir(tmp_path / "csv")
    assert sorted(nodes) == ["nodes_Task.csv", "nodes_Task_2.csv"]
    by_id = {r["id:ID"]: (name, r) for name, rows in nodes.items() for r in rows}
    assert by_id["task:a#1"][0] == by_id["task:a#3"][0] != by_id["task:a#2"][0]
    first, second = by_id["task:a#1"][1], by_id["task:a#2"][1]
    assert (first["deadline_start:long"], first["ratio:double"], first["big:long"]) == (
        "2024", "0.1", str(2**40))
    assert second["deadline_start:string"] == "quý III/2024"
    assert by_id["task:a#3"][1]["flags:boolean[]"].split(array_delimiter(tmp_path / "csv")
                                                        ) == ["true", "false"]


def test_csv_refuses_what_neo4j_admin_or_push_cannot_hold(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("doc:a", kind="Plan", label="a", **{"note:x": 1})
    with pytest.raises(ExportError, match="holds ':'"):
        export(g, "csv", tmp_path / "one")
    g = nx.MultiDiGraph()
    g.add_edge("doc:a", "doc:b", rel="NEXT")
    with pytest.raises(ExportError, match="relation 'NEXT'"):
        export(g, "csv", tmp_path / "two")


def test_csv_tells_an_empty_text_from_a_missing_one(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("doc:a", kind="Plan", label="", title=None, number="1")
    g.add_node("doc:b", kind="Plan", label="b", outputs=[])
    export(g, "csv", tmp_path / "csv")
    text = (tmp_path / "csv" / "nodes_Plan.csv").read_bytes().decode("utf-8")
    header, first, second = text.split("\r\n")[:3]
    columns = header.split(",")
    cells = dict(zip(columns, first.split(","), strict=True))
    assert cells["label:string"] == '""' and cells["number:string"] == "1"
    assert "title:string" not in columns and cells["_nulls:string[]"] == "title"
    assert dict(zip(columns, second.split(","), strict=True))["_empty:string[]"] == "outputs"


# --- hostile text -------------------------------------------------------------


ODD_ID = 'topic:y "<z>" {w},;|#?% \\ x\ty'


def hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("doc:x", kind="Plan", label=HOSTILE, title=HOSTILE, outputs=[HOSTILE, "a,b"])
    g.add_node(ODD_ID, kind="Topic", label='}{"\'<>&\r\n', label_vi="\x0b\x0c")
    g.add_edge("doc:x", ODD_ID, rel="ABOUT", quote=HOSTILE, file="a,b\"c.txt", line_start=1,
               line_end=2)
    return g


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
def test_hostile_text_gives_valid_files(fmt, tmp_path):
    g = hostile_graph()
    path = tmp_path / f"out.{fmt}"
    export(g, fmt, path)
    text = path.read_text(encoding="utf-8")
    if fmt in ("graphml", "gexf"):
        ET.fromstring(text.encode("utf-8"))
        back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        assert back.number_of_nodes() == 2 and back.number_of_edges() == 1
        label = back.nodes["doc:x"]["label"]
        assert "<script>" in label and "\x00" not in label
        assert ODD_ID in back
    elif fmt == "json":
        back = nx.node_link_graph(json.loads(text), edges="edges")
        assert back.nodes["doc:x"]["label"] == HOSTILE
        assert nx.utils.graphs_equal(back, g)
    else:
        back = Graph().parse(data=text, format={"ttl": "turtle", "nt": "nt",
                                                "jsonld": "json-ld"}[fmt])
        assert count_nodes(back) == 2 and count_edges(back) == 1
        assert any("<script>" in str(o) for o in back.objects())
        assert node_iri(ODD_ID) in set(back.subjects())
        ox = pytest.importorskip("pyoxigraph")  # a second, strict parser agrees
        fmts = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                "jsonld": ox.RdfFormat.JSON_LD}
        assert len(list(ox.parse(text.encode("utf-8"), format=fmts[fmt]))) == len(back)


def test_hostile_text_gives_valid_csv(tmp_path):
    g = hostile_graph()
    export(g, "csv", tmp_path / "csv")
    nodes, rels = read_csv_dir(tmp_path / "csv")
    assert nodes["nodes_Plan.csv"][0]["label:string"] == HOSTILE  # as push stores it
    assert "\n" in nodes["nodes_Plan.csv"][0]["label:string"]
    assert rels["rels_ABOUT.csv"][0]["file:string"] == 'a,b"c.txt'
    assert rels["rels_ABOUT.csv"][0][":END_ID"] == ODD_ID
    for rows in nodes.values():
        assert all(len(r) == len(rows[0]) and None not in r.values() for r in rows)


def test_csv_export_replaces_an_earlier_one_only(g, tmp_path):
    out = tmp_path / "csv"
    export(g, "csv", out)
    (out / "nodes_Gone.csv").write_text("id:ID,:LABEL\nx,Gone\n", encoding="utf-8")
    export(g, "csv", out)
    assert not (out / "nodes_Gone.csv").exists()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="other files"):
        export(g, "csv", out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_bad_targets_give_clear_errors(g, tmp_path):
    with pytest.raises(ExportError, match="directory"):
        export(g, "csv", "-")
    with pytest.raises(ExportError, match="unknown format"):
        export(g, "xlsx", tmp_path / "x")
    with pytest.raises(ExportError, match="is a directory"):
        export(g, "ttl", tmp_path)


def test_iris_live_in_the_data_namespace(g):
    rdf = to_rdf(g)
    typed = set(rdf.subjects(RDF.type, None))
    assert all(str(s).startswith(str(PKGID)) for s in typed)


# --- the seeds, through the store ---------------------------------------------


def ingest_seeds(seeds_dir: Path, store_path: Path) -> nx.MultiDiGraph:
    """The graph of the seed plans, ingested into a fresh store at ``store_path``."""
    from policykg.graph.store import open_store

    store = open_store(store_path)
    store.ingest(seeds_dir)
    graph = store.graph()
    assert any(k == Kind.PLAN for _, k in graph.nodes(data="kind")), "the seeds gave no plan"
    return graph


@pytest.fixture(scope="module")
def seed_graph(seeds_dir, tmp_path_factory):
    return ingest_seeds(seeds_dir, tmp_path_factory.mktemp("store") / "store.db")


def test_seed_rdf_round_trip_and_shapes(seed_graph):
    rdf = to_rdf(seed_graph)
    back = Graph().parse(data=export_text(seed_graph, "ttl"), format="turtle")
    assert count_nodes(back) == seed_graph.number_of_nodes()
    assert edge_triples(seed_graph) <= set(back)
    assert set(back) == set(rdf)
    conforms, report = shacl(rdf)
    assert conforms, report


def test_seed_exports_read_back(seed_graph, tmp_path):
    n, e = seed_graph.number_of_nodes(), seed_graph.number_of_edges()
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        export(seed_graph, fmt, tmp_path / f"g.{fmt}")
        back = read(tmp_path / f"g.{fmt}")
        assert (back.number_of_nodes(), back.number_of_edges()) == (n, e), fmt
        assert kinds(back) == kinds(seed_graph), fmt
    export(seed_graph, "json", tmp_path / "g.json")
    back = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text("utf-8")),
                              edges="edges")
    assert nx.utils.graphs_equal(back, seed_graph)
    export(seed_graph, "csv", tmp_path / "csv")
    nodes, rels = read_csv_dir(tmp_path / "csv")
    ids = {row["id:ID"] for rows in nodes.values() for row in rows}
    assert len(ids) == n and sum(len(r) for r in rels.values()) == e
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids
               for rows in rels.values() for r in rows)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=40), items=st.lists(st.text(max_size=10), max_size=3))
@example(text="0\x85\u2028\x1c", items=["a\u2029b"])
@example(text="\r", items=["\r", ""])
def test_any_text_gives_files_that_read_back(text, items):
    g = nx.MultiDiGraph()
    g.add_node("doc:a", kind="Plan", label=text, title=text, outputs=items)
    g.add_node("topic:b", kind="Topic", label=text + "x")
    g.add_edge("doc:a", "topic:b", rel="ABOUT", quote=text, file="f", line_start=1, line_end=1)
    for fmt, parse in (("ttl", "turtle"), ("nt", "nt")):
        back = Graph().parse(data=export_text(g, fmt), format=parse)
        assert (count_nodes(back), count_edges(back)) == (2, 1)
    for fmt in ("graphml", "gexf"):
        root = ET.fromstring(export_text(g, fmt).encode("utf-8"))
        assert len(root.findall(".//{*}node")) == 2 and len(root.findall(".//{*}edge")) == 1
    back = nx.node_link_graph(json.loads(export_text(g, "json")), edges="edges")
    assert back.nodes["doc:a"]["label"] == text
    with tempfile.TemporaryDirectory() as tmp:
        export(g, "csv", Path(tmp) / "csv")
        nodes, rels = read_csv_dir(Path(tmp) / "csv")
        assert sum(len(rows) for rows in nodes.values()) == 2
        assert [r[":END_ID"] for r in rels["rels_ABOUT.csv"]] == ["topic:b"]

"""Entity resolution: plans → one graph with one node per document, unit and province."""

from __future__ import annotations

import hashlib
import random
from collections import Counter

import networkx as nx

from policykg.graph.build import build_graph
from policykg.loaders.model import (
    Deadline,
    DocLink,
    DocRef,
    Plan,
    SourceFile,
    Span,
    Task,
    Unit,
    UnitMention,
)
from policykg.ontology.normalize import fold
from policykg.ontology.schema import Kind, Rel

# --- hand-built plans -----------------------------------------------------------------


def span(file: str = "plan.txt", line: int = 1, quote: str = "…") -> Span:
    return Span(file, line, line, quote)


def ref(key: str | None, *, date: str | None = None, scope: str = "central",
        province: str | None = None, issuer: str | None = None, doctype: str | None = None,
        relation: str = "basis", subject: str | None = None, line: int = 1) -> DocRef:
    number, symbol = (key.replace("-", "/", 1).split("/", 1) if key else (None, None))
    return DocRef(key=key, doctype=doctype, number=number, symbol=symbol, date=date,
                  issuer=issuer, subject=subject, scope=scope, province=province,
                  relation=relation, source=span(line=line, quote=key or subject or ""))


def unit(name: str, role: str = "lead", category: str = "internal",
         canonical: str | None = None) -> UnitMention:
    return UnitMention(name=name, canonical=canonical or name, role=role, category=category,
                       source=span(quote=name))


def task(tid: str, text: str, *units: UnitMention, parent: str | None = None,
         line: int = 10) -> Task:
    return Task(id=tid, number=tid, text=text, section="II", source=span(line=line, quote=text),
                parent=parent, units=list(units), deadline=Deadline("Thường xuyên",
                                                                    recurrence="ongoing"))


def plan(name: str, *, number: str | None = None, date: str | None = "2024-01-31",
         province: str | None = "Tây Ninh", issuer: str | None = "Sở Khoa học và Công nghệ",
         references: list[DocRef] | None = None, links: list[DocLink] | None = None,
         tasks: list[Task] | None = None, title: str = "Kế hoạch thử") -> Plan:
    pid = hashlib.sha256("|".join([name, number or "", province or "", date or "", title])
                         .encode()).hexdigest()[:12]
    all_units = {}
    for t in tasks or []:
        for m in t.units:
            all_units.setdefault(m.canonical, Unit(m.canonical, m.category, [m.name]))
    return Plan(
        id=pid, source=SourceFile(f"/data/{name}.txt", "0" * 64, "txt"), number=number,
        symbol=number.split("/", 1)[-1] if number else "KH-SKHCN", date=date, province=province,
        issuer=issuer, title=title, references=references or [], links=links or [],
        tasks=tasks or [task("1", "Tuyên truyền", unit("Phòng Quản lý khoa học"))],
        units=list(all_units.values()),
    )


def nodes_of(g: nx.MultiDiGraph, kind: Kind) -> list[str]:
    return sorted(n for n, d in g.nodes(data=True) if d["kind"] == kind.value)


def docs_with_key(g: nx.MultiDiGraph, key: str) -> list[str]:
    return sorted(n for n, d in g.nodes(data=True)
                  if d["kind"] in (Kind.PLAN.value, Kind.DOCUMENT.value) and d.get("key") == key)


def targets(g: nx.MultiDiGraph, node: str, rel: Rel) -> list[str]:
    return sorted(v for _, v, r in g.out_edges(node, data="rel") if r == rel.value)


def plan_node(g: nx.MultiDiGraph, p: Plan) -> str:
    return next(n for n, d in g.nodes(data=True) if d.get("plan_id") == p.id)


# --- documents ------------------------------------------------------------------------


def test_party_number_of_two_terms_is_two_documents():
    p1 = plan("a", references=[ref("36-NQ/TW", date="2014-07-01", issuer="Bộ Chính trị")])
    p2 = plan("b", references=[ref("36-NQ/TW", date="2023-01-30", issuer="Bộ Chính trị")])
    g = build_graph([p1, p2])
    nodes = docs_with_key(g, "36-NQ/TW")
    assert len(nodes) == 2
    assert {g.nodes[n]["year"] for n in nodes} == {2014, 2023}


def test_same_local_number_in_two_provinces_is_two_documents():
    p1 = plan("bg", province="Bắc Giang",
              references=[ref("01/CT-UBND", date="2021-01-21", scope="local",
                              province="Bắc Giang", issuer="Chủ tịch UBND tỉnh")])
    p2 = plan("ls", province="Lạng Sơn",
              references=[ref("01/CT-UBND", date="2021-02-01", scope="local",
                              province="Lạng Sơn", issuer="UBND tỉnh")])
    g = build_graph([p1, p2])
    nodes = docs_with_key(g, "01/CT-UBND")
    assert len(nodes) == 2
    provinces = {g.nodes[n]["province"] for n in nodes}
    assert len(provinces) == 2
    for n in nodes:  # each is in its province and issued by that province's committee
        (prov,) = targets(g, n, Rel.IN_PROVINCE)
        (org,) = targets(g, n, Rel.ISSUED_BY)
        assert prov == g.nodes[n]["province"]
        assert fold(g.nodes[prov]["name"]) in fold(g.nodes[org]["label"])


def test_central_document_is_one_node_nationwide():
    p1 = plan("tn", province="Tây Ninh", references=[ref("189/NQ-CP", date="2023-11-16")])
    p2 = plan("gl", province="Gia Lai", references=[ref("189/NQ-CP", date="2023-11-16")])
    g = build_graph([p1, p2])
    assert len(docs_with_key(g, "189/NQ-CP")) == 1


def test_yearless_reference_resolves_to_the_unique_dated_document():
    dated = plan("a", references=[ref("36-NQ/TW", date="2023-01-30", issuer="Bộ Chính trị")])
    bare = plan("b", references=[ref("36-NQ/TW", relation="implements")])
    g = build_graph([dated, bare])
    (node,) = docs_with_key(g, "36-NQ/TW")
    assert g.nodes[node]["year"] == 2023
    assert targets(g, plan_node(g, bare), Rel.IMPLEMENTS) == [node]


def test_yearless_reference_with_two_candidates_stays_its_own_node():
    p1 = plan("a", references=[ref("36-NQ/TW", date="2014-07-01")])
    p2 = plan("b", references=[ref("36-NQ/TW", date="2023-01-30")])
    bare = plan("c", references=[ref("36-NQ/TW")])
    g = build_graph([p1, p2, bare])
    nodes = docs_with_key(g, "36-NQ/TW")
    assert len(nodes) == 3
    (yearless,) = [n for n in nodes if g.nodes[n].get("year") is None]
    assert len(g.nodes[yearless]["ambiguous"]) == 2


def test_full_citation_then_short_form_in_one_plan_is_one_node():
    p = plan("a", references=[
        ref("3300/KH-UBND", date="2023-10-20", scope="local", province="Tây Ninh",
            issuer="UBND tỉnh", relation="implements"),
        ref("3300/KH-UBND", scope="local", province="Tây Ninh", relation="mentions", line=9),
    ])
    g = build_graph([p])
    (node,) = docs_with_key(g, "3300/KH-UBND")
    # one edge, with the strongest relation
    assert [r for _, v, r in g.out_edges(plan_node(g, p), data="rel") if v == node] == [
        Rel.IMPLEMENTS.value]


def test_local_reference_without_province_name_reaches_its_own_provinces_document():
    cited = plan("ubnd", number="3300/KH-UBND", date="2023-10-20", issuer="UBND tỉnh Tây Ninh",
                 province="Tây Ninh")
    citing = plan("skhcn", province="Tây Ninh", references=[
        ref("3300/KH-UBND", date="2023-10-20", scope="local", province=None, issuer="UBND tỉnh",
            relation="implements")])
    other = plan("gl", province="Gia Lai", references=[
        ref("3300/KH-UBND", date="2023-10-20", scope="local", province=None, issuer="UBND tỉnh")])
    g = build_graph([cited, citing, other])
    tay_ninh = plan_node(g, cited)
    assert g.nodes[tay_ninh]["kind"] == Kind.PLAN.value  # the ingested plan wins
    assert targets(g, plan_node(g, citing), Rel.IMPLEMENTS) == [tay_ninh]
    assert tay_ninh not in targets(g, plan_node(g, other), Rel.BASED_ON)
    assert len(docs_with_key(g, "3300/KH-UBND")) == 2


def test_cited_plan_is_one_node_with_its_tasks():
    cited = plan("lower", number="19/KH-SKHCN", date="2024-01-31", province="Lạng Sơn")
    citing = plan("upper", province="Lạng Sơn", references=[
        ref("19/KH-SKHCN", scope="local", province="Lạng Sơn", relation="implements")])
    g = build_graph([citing, cited])
    (node,) = docs_with_key(g, "19/KH-SKHCN")
    assert g.nodes[node]["kind"] == Kind.PLAN.value
    assert targets(g, plan_node(g, citing), Rel.IMPLEMENTS) == [node]
    assert targets(g, node, Rel.HAS_TASK)


def test_chain_of_documents_and_unnamed_programme():
    """"3300/KH-UBND … thực hiện Chương trình hành động của Tỉnh ủy thực hiện NQ 36"."""
    refs = [
        ref("3300/KH-UBND", date="2023-10-20", scope="local", province="Tây Ninh",
            issuer="UBND tỉnh", relation="implements", doctype="KH"),
        ref(None, scope="local", province="Tây Ninh", issuer="Tỉnh ủy", doctype="CTr",
            subject="Chương trình hành động của Tỉnh ủy"),
        ref("36-NQ/TW", date="2023-01-30", issuer="Bộ Chính trị", doctype="NQ"),
        ref("180-CTr/TU", date="2023-04-20", scope="local", province="Tây Ninh",
            issuer="Ban Thường vụ Tỉnh ủy", doctype="CTr"),
        ref("189/NQ-CP", date="2023-11-16", issuer="Chính phủ", doctype="NQ"),
    ]
    links = [DocLink(0, 1, "implements", span()), DocLink(1, 2, "implements", span()),
             DocLink(3, 2, "implements", span()), DocLink(4, 2, "implements", span())]
    p = plan("tn", references=refs, links=links)
    g = build_graph([p])
    (kh,) = docs_with_key(g, "3300/KH-UBND")
    (ctr,) = docs_with_key(g, "180-CTr/TU")
    (nq,) = docs_with_key(g, "36-NQ/TW")
    (cp,) = docs_with_key(g, "189/NQ-CP")
    assert targets(g, kh, Rel.IMPLEMENTS) == [ctr]
    assert targets(g, ctr, Rel.IMPLEMENTS) == [nq]
    assert targets(g, cp, Rel.IMPLEMENTS) == [nq]
    edge = next(d for _, v, d in g.out_edges(kh, data=True) if v == ctr)
    assert edge["source_plan"] == plan_node(g, p) and "line_start" in edge
    assert g.nodes[ctr]["province"] == g.nodes[kh]["province"]
    assert targets(g, nq, Rel.ISSUED_BY) == ["org:vn:bo-chinh-tri"]


def test_unnumbered_plan_keeps_its_identity():
    def unnumbered() -> Plan:
        return plan("draft", number=None, date="2021-01", province="Bắc Giang",
                    title="Thực hiện Chỉ thị về khoa học và công nghệ")

    g1 = build_graph([unnumbered()])
    g2 = build_graph([unnumbered(), plan("x", number="5/KH-SKHCN")])
    n1, n2 = plan_node(g1, unnumbered()), plan_node(g2, unnumbered())
    assert n1 == n2
    assert "bac-giang" in n1
    other = plan("draft", number=None, date="2021-01", province="Bắc Giang", title="Khác")
    assert plan_node(build_graph([other]), other) != n1


def test_build_is_the_same_whatever_the_order():
    plans = [
        plan("a", references=[ref("36-NQ/TW", date="2023-01-30")]),
        plan("b", references=[ref("36-NQ/TW")]),
        plan("c", number="3300/KH-UBND", date="2023-10-20", issuer="UBND tỉnh"),
        plan("d", references=[ref("3300/KH-UBND", scope="local", province="Tây Ninh")],
             tasks=[task("1", "Hỗ trợ", unit("Trung tâm KH&CN"),
                         unit("Sở Công Thương", "support", "external"))]),
    ]
    graphs = []
    for seed in range(4):
        shuffled = plans[:]
        random.Random(seed).shuffle(shuffled)
        graphs.append(build_graph(shuffled))
    first = graphs[0]
    for g in graphs[1:]:
        assert sorted(g.nodes) == sorted(first.nodes)
        assert sorted(g.edges(keys=True)) == sorted(first.edges(keys=True))
        assert all(g.nodes[n] == first.nodes[n] for n in g.nodes)


# --- tasks and units ------------------------------------------------------------------


def test_tasks_hang_from_plan_and_parent_with_provenance():
    p = plan("a", tasks=[
        task("1", "Tuyên truyền", unit("Phòng Quản lý khoa học")),
        task("1.1", "Phổ biến nghị quyết", unit("Văn phòng Sở"),
             unit("Các phòng, đơn vị trực thuộc Sở", "support", "collective"), parent="1"),
    ])
    g = build_graph([p])
    node = plan_node(g, p)
    (top,) = targets(g, node, Rel.HAS_TASK)
    (sub,) = targets(g, top, Rel.HAS_SUBTASK)
    data = g.nodes[sub]
    assert data["plan"] == node and data["province"] == "province:tay-ninh"
    assert data["file"] == p.tasks[1].source.file and data["line_start"] == 10
    (collective,) = targets(g, sub, Rel.SUPPORTED_BY)
    assert g.nodes[collective]["category"] == "collective"
    edge = next(d for _, v, d in g.out_edges(sub, data=True) if v == collective)
    assert edge["role"] == "support" and edge["quote"]


def test_one_unit_per_organisation_across_plans_of_a_province():
    p1 = plan("gl1", province="Gia Lai", tasks=[
        task("1", "A", unit("Phòng Quản lý Khoa học"), unit("Trung tâm KH&CN", "support"))])
    p2 = plan("gl2", province="Gia Lai", tasks=[
        task("1", "B", unit("Phòng Quản lý khoa học"),
             unit("Trung tâm Khoa học và Công nghệ", "support"))])
    g = build_graph([p1, p2])
    units = nodes_of(g, Kind.UNIT)
    assert len(units) == 2
    for u in units:
        assert len(list(g.in_edges(u))) == 2  # one task of each plan
        (org,) = targets(g, u, Rel.PART_OF)
        assert org.startswith("org:gia-lai:")


def test_same_kind_of_unit_in_two_provinces_is_two_units_of_one_kind():
    p1 = plan("gl", province="Gia Lai", tasks=[task("1", "A", unit("Phòng Quản lý Khoa học"))])
    p2 = plan("tn", province="Tây Ninh", tasks=[task("1", "A", unit("Phòng Quản lý khoa học"))])
    g = build_graph([p1, p2])
    units = nodes_of(g, Kind.UNIT)
    assert len(units) == 2
    kinds = {tuple(targets(g, u, Rel.OF_KIND)) for u in units}
    assert len(kinds) == 1
    assert {g.nodes[u]["province"] for u in units} == {"province:gia-lai", "province:tay-ninh"}


def test_outside_bodies_are_their_own_organisations():
    p = plan("a", province="Gia Lai", tasks=[task(
        "1", "Phối hợp", unit("Phòng Quản lý khoa học"),
        unit("Sở Công Thương", "support", "external"),
        unit("Bộ Văn hóa, Thể thao và Du lịch", "participate", "external"))])
    g = build_graph([p])
    (t,) = targets(g, plan_node(g, p), Rel.HAS_TASK)
    supporters = targets(g, t, Rel.SUPPORTED_BY)
    orgs = {o for u in supporters for o in targets(g, u, Rel.PART_OF)}
    assert any(o.startswith("org:gia-lai:") for o in orgs)
    assert any(o.startswith("org:vn:") for o in orgs)
    roles = Counter(d["role"] for _, _, d in g.out_edges(t, data=True)
                    if d["rel"] == Rel.SUPPORTED_BY.value)
    assert roles == {"support": 1, "participate": 1}


def test_every_node_has_kind_and_label_and_every_edge_a_relation():
    p = plan("a", references=[ref("36-NQ/TW", date="2023-01-30", issuer="Bộ Chính trị")])
    g = build_graph([p])
    kinds = {k.value for k in Kind}
    rels = {r.value for r in Rel}
    assert all(d["kind"] in kinds and d["label"] for _, d in g.nodes(data=True))
    assert all(d["rel"] in rels for _, _, d in g.edges(data=True))


def test_provinces_know_their_province_after_the_merger():
    g = build_graph([plan("a", province="Bắc Giang")])
    data = g.nodes["province:bac-giang"]
    assert data["current"] == "province:bac-ninh"
    assert targets(g, "province:bac-giang", Rel.MERGED_INTO) == ["province:bac-ninh"]
    for node in nodes_of(g, Kind.PROVINCE):
        current = g.nodes[node]["current"]
        assert current in g and g.nodes[current]["current"] == current


def test_central_plan_is_nationwide_with_its_units():
    p = plan("qh", number="3260-KH/ĐĐQH15", date="2025-01-10", province=None,
             issuer="Đảng đoàn Quốc hội",
             tasks=[task("1", "Chủ trì rà soát luật",
                         unit("Ủy ban Khoa học, Công nghệ và Môi trường", category="external"))])
    g = build_graph([p])
    node = plan_node(g, p)
    assert not node.startswith("doc:unknown") and g.nodes[node]["scope"] == "central"
    units = nodes_of(g, Kind.UNIT)
    assert units and all(u.startswith("unit:vn:") for u in units)
    assert all(o.startswith("org:vn:") for o in nodes_of(g, Kind.ORGANISATION))


# --- fragments: a plan's part is computed from that plan alone ------------------------


def _chain_corpus() -> list[Plan]:
    return [
        plan("a", references=[ref("36-NQ/TW", date="2023-01-30", issuer="Bộ Chính trị")],
             tasks=[task("1", "Tuyên truyền mã số mã vạch", unit("Phòng Quản lý khoa học")),
                    task("1.1", "Phổ biến", unit("Trung tâm KH&CN"),
                         unit("Sở Công Thương", "support", "external"), parent="1")]),
        plan("b", references=[ref("36-NQ/TW")], issuer=None,
             tasks=[task("1", "Hỗ trợ doanh nghiệp", unit("Trung tâm Khoa học và Công nghệ"),
                         unit("Các phòng, đơn vị trực thuộc Sở", "support", "collective"))]),
        plan("c", number="3300/KH-UBND", date="2023-10-20", issuer="UBND tỉnh",
             tasks=[task("1", "Chỉ đạo", unit("Sở Khoa học và Công nghệ", category="external"))]),
    ]


def _edges(g: nx.MultiDiGraph) -> list[tuple[str, str, str, list]]:
    return sorted((u, v, k, sorted(d.items(), key=repr))
                  for u, v, k, d in g.edges(keys=True, data=True))


def test_graph_from_plan_heads_and_fragments_is_the_built_graph():
    from dataclasses import replace

    from policykg.graph.build import assemble, plan_fragment, plan_node_ids

    plans = _chain_corpus()
    nodes = plan_node_ids(plans)
    fragments = {p.id: plan_fragment(p, nodes[p.id]) for p in plans}
    heads = [replace(p, tasks=[], units=[]) for p in plans]  # no tasks: fragments carry them
    merged = assemble(heads, lambda p, nid: fragments[p.id]).graph()
    built = build_graph(plans)
    assert sorted(merged.nodes) == sorted(built.nodes)
    assert all(merged.nodes[n] == built.nodes[n] for n in built.nodes)
    assert _edges(merged) == _edges(built)
    assert nodes_of(merged, Kind.TASK)  # the tasks came from the fragments


def test_fragment_holds_only_the_plans_own_tasks_and_edges():
    from policykg.graph.build import plan_fragment

    p = _chain_corpus()[0]
    frag = plan_fragment(p)
    assert [n for n, _ in frag.nodes] == [f"task:{frag.node}#1", f"task:{frag.node}#1.1"]
    assert all(u == frag.node or u.startswith("task:") for u, _, _, _ in frag.edges)
    assert {d["rel"] for *_, d in frag.edges} >= {Rel.HAS_TASK.value, Rel.HAS_SUBTASK.value,
                                                  Rel.LED_BY.value, Rel.SUPPORTED_BY.value}
    # what the tasks add to shared nodes is replayed, not stored as graph
    assert any(op[0] == "unit" for op in frag.ops)


def test_bulk_loading_gives_the_graph_networkx_would_build():
    from policykg.graph.build import add_bulk

    nodes = [["a", {"kind": "Plan", "label": "A"}], ["b", {"kind": "Task"}],
             ["a", {"title": "again"}]]
    edges = [["a", "b", "HAS_TASK", {"rel": "HAS_TASK"}], ["b", "c", "LED_BY", {"rel": "LED_BY"}],
             ["a", "b", "HAS_TASK", {"line_start": 3}], ["a", "b", "ABOUT", {"rel": "ABOUT"}]]
    expected = nx.MultiDiGraph()
    expected.add_nodes_from((n, dict(d)) for n, d in nodes)
    expected.add_edges_from((u, v, k, dict(d)) for u, v, k, d in edges)
    g = nx.MultiDiGraph()
    add_bulk(g, nodes, edges)
    assert dict(g.nodes(data=True)) == dict(expected.nodes(data=True))
    assert (sorted(g.edges(keys=True, data=True), key=repr)
            == sorted(expected.edges(keys=True, data=True), key=repr))
    assert sorted(g.in_edges("b", keys=True)) == sorted(expected.in_edges("b", keys=True))
    assert g.number_of_edges("a", "b") == 2 and list(g.predecessors("c")) == ["b"]
    g.remove_node("b")  # the adjacency is consistent both ways
    assert g.number_of_edges() == 0 and sorted(g) == ["a", "c"]

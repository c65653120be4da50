"""stems_from, downstream_documents and basis on a hand-built chain of documents."""

from __future__ import annotations

import pytest

from policykg.ontology.schema import Rel
from policykg.queries import (
    AmbiguousReference,
    basis,
    downstream_documents,
    group_hits,
    stems_from,
)
from tests.qgraph import GraphKit, lineage_graph


@pytest.fixture(scope="module")
def graph():
    return lineage_graph()


def test_tasks_stem_through_every_level_of_the_chain(graph):
    g, ids = graph
    hits = stems_from(g, ids["nq36"])
    tasks = {h.task for h in hits}
    assert tasks == {ids["a1"], ids["a1.1"], ids["a2"], ids["a3"], ids["a2_1"]}
    # Province B's plan only mentions the resolution: nothing of it stems from it.
    assert not tasks & {ids["b1"], ids["b2"]}


def test_path_names_each_relation_with_its_source(graph):
    g, ids = graph
    hit = next(h for h in stems_from(g, ids["nq36"]) if h.task == ids["a1.1"])
    assert hit.path_labels[:4] == ["36-NQ/TW (2023)", "180-CTr/TU (2023)",
                                   "3300/KH-UBND (2023)", "12/KH-SKHCN (2024)"]
    assert [link.relation for link in hit.path] == [
        Rel.IMPLEMENTS, Rel.IMPLEMENTS, Rel.BASED_ON, Rel.HAS_TASK, Rel.HAS_SUBTASK]
    based_on = hit.path[2]
    assert based_on.file == "a.txt" and based_on.line_start == 3 and based_on.quote
    assert hit.depth == 3
    assert hit.lead == ["Trung tâm Khoa học và Công nghệ"]
    assert hit.province_name == "Tây Ninh"


def test_shortest_path_wins_and_is_stable(graph):
    g, ids = graph
    k = GraphKit()
    k.g = g.copy()
    # A shortcut: the plan also implements the resolution directly.
    k.link(ids["plan_a"], ids["nq36"], Rel.IMPLEMENTS, line=7)
    first = [h.to_dict() for h in stems_from(k.g, ids["nq36"])]
    hit = next(h for h in stems_from(k.g, ids["nq36"]) if h.task == ids["a2"])
    assert hit.depth == 1 and hit.path[0].relation == Rel.IMPLEMENTS
    assert first == [h.to_dict() for h in stems_from(k.g, ids["nq36"])]


def test_typed_reference_and_year(graph):
    g, ids = graph
    with pytest.raises(AmbiguousReference):
        stems_from(g, "nghi quyet 36")
    assert {h.task for h in stems_from(g, "nghi quyet 36", year=2023)} == \
        {h.task for h in stems_from(g, ids["nq36"])}
    assert stems_from(g, "36-NQ/TW", year=2014) == []


def test_province_filter_counts_merged_provinces(graph):
    g, ids = graph
    long_an = {h.task for h in stems_from(g, ids["nq36"], province="long an")}
    assert long_an == {ids["a2_1"]}
    tay_ninh = {h.task for h in stems_from(g, ids["nq36"], province="Tây Ninh")}
    assert ids["a2_1"] in tay_ninh and ids["a1"] in tay_ninh
    assert stems_from(g, ids["nq36"], province="Gia Lai") == []


def test_unit_filter_keeps_lead_and_support(graph):
    g, ids = graph
    hits = stems_from(g, ids["nq36"], unit="Phòng Quản lý khoa học", province="Tây Ninh")
    # Tây Ninh's unit leads a1 and supports a3; Long An's (merged into Tây Ninh) leads a2_1.
    assert {h.task for h in hits} == {ids["a1"], ids["a3"], ids["a2_1"]}
    hits = stems_from(g, ids["nq36"], unit="Chi cuc TDC")
    assert {h.task for h in hits} == {ids["a3"]}


def test_depth_limits_document_links(graph):
    g, ids = graph
    assert {h.task for h in stems_from(g, ids["kh3300"], depth=1)} == \
        {ids["a1"], ids["a1.1"], ids["a2"], ids["a3"]}
    assert {h.task for h in stems_from(g, ids["kh3300"], depth=2)} >= {ids["a2_1"]}
    assert stems_from(g, ids["nq36"], depth=2) == []


def test_other_directives(graph):
    g, ids = graph
    assert {h.task for h in stems_from(g, "QĐ 673")} == {ids["b1"], ids["b2"]}
    assert {h.task for h in stems_from(g, "01/CT-UBND", province="Gia Lai")} == \
        {ids["b1"], ids["b2"]}


def test_downstream_documents(graph):
    g, ids = graph
    docs = downstream_documents(g, ids["nq36"])
    assert [(d.id, d.depth) for d in docs] == [
        (ids["nq189"], 1), (ids["ctr180"], 1), (ids["kh3300"], 2), (ids["plan_a"], 3),
        (ids["plan_a2"], 4)]
    assert next(d for d in docs if d.id == ids["plan_a"]).tasks == 4


def test_basis_of_a_task_reaches_the_root_directives(graph):
    g, ids = graph
    found = basis(g, ids["a2_1"])
    assert found.plan == ids["plan_a2"]
    assert found.roots == [ids["nq36"]]
    assert [d.id for d in found.documents] == [ids["plan_a"], ids["kh3300"], ids["ctr180"],
                                               ids["nq36"]]
    assert found.documents[-1].is_root and not found.documents[0].is_root
    plan_b = basis(g, ids["plan_b"])
    assert set(plan_b.roots) == {ids["kl61"], ids["qd673"], ids["ct01_gl"]}
    assert ids["nq36"] not in {d.id for d in plan_b.documents}  # a mention is no basis


def test_group_hits(graph):
    g, ids = graph
    hits = stems_from(g, ids["nq36"])
    by_plan = group_hits(hits, "plan")
    assert sorted(len(v) for v in by_plan.values()) == [1, 4]
    by_unit = group_hits(hits, "unit")
    assert len(by_unit["Trung tâm Khoa học và Công nghệ"]) == 2
    with pytest.raises(ValueError):
        group_hits(hits, "colour")


# --- on the real seed plans ----------------------------------------------------------------

TAY_NINH_NUMBERS = {"1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
                    "3.7", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3"}


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    from tests.qgraph import seed_graph

    return seed_graph(str(seeds_dir))


def _province_tasks(g, name):
    from policykg.queries.common import node_province, province_name

    return {n for n, d in g.nodes(data=True)
            if d.get("kind") == "Task" and province_name(g, node_province(g, n)) == name}


@pytest.mark.parametrize("typed", ["36-NQ/TW", "NQ 36-NQ/TW", "Nghị quyết số 36-NQ/TW",
                                   "nghi quyet 36", "NQ36"])
def test_seed_resolution_36_reaches_exactly_the_tay_ninh_tasks(seeds, typed):
    hits = stems_from(seeds, typed)
    assert {h.province_name for h in hits} == {"Tây Ninh"}
    assert {h.number for h in hits} >= TAY_NINH_NUMBERS
    assert {h.task for h in hits} == _province_tasks(seeds, "Tây Ninh")
    for hit in hits:
        assert hit.path_labels[0].startswith("36-NQ/TW")
        documents = [link for link in hit.path if link.relation in ("IMPLEMENTS", "BASED_ON")]
        assert documents, hit.task
        for link in documents:
            assert link.quote and link.file and link.line_start, link
        assert "36-NQ/TW" in documents[0].quote
        assert hit.path[-1].downstream == hit.task


def test_seed_decision_673_reaches_only_the_61_kl_plan(seeds):
    hits = stems_from(seeds, "673/QĐ-TTg")
    assert hits and {h.province_name for h in hits} == {"Gia Lai"}
    plans = {h.plan for h in hits}
    assert len(plans) == 1
    plan = plans.pop()
    assert any(d.label.startswith("61-KL/TW") for d in basis(seeds, plan).documents)
    assert {h.task for h in hits} == {h.task for h in stems_from(seeds, "Kết luận 61-KL/TW")}
    # Gia Lai's OCOP plan does not carry out 673/QĐ-TTg.
    others = _province_tasks(seeds, "Gia Lai") - {h.task for h in hits}
    assert others and all(seeds.nodes[t]["plan"] != plan for t in others)


def test_seed_basis_of_a_tay_ninh_task(seeds):
    task = next(h.task for h in stems_from(seeds, "36-NQ/TW") if h.number == "3.5")
    found = basis(seeds, task)
    labels = [d.label for d in found.documents]
    assert any(x.startswith("36-NQ/TW") for x in labels)
    assert any(x.startswith("3300/KH-UBND") for x in labels)
    assert any(seeds.nodes[r].get("key") == "36-NQ/TW" for r in found.roots)


def test_seed_downstream_of_36_includes_the_provincial_chain(seeds):
    labels = [d.label for d in downstream_documents(seeds, "nghi quyet 36")]
    assert any(x.startswith("180-CTr/TU") for x in labels)
    assert any(x.startswith("3300/KH-UBND") for x in labels)

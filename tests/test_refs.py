"""Resolving documents, provinces and units the way users type them."""

from __future__ import annotations

import pytest

from policykg.queries import (
    AmbiguousReference,
    UnknownReference,
    resolve_document,
    resolve_province,
    resolve_unit,
)
from tests.qgraph import lineage_graph


@pytest.fixture(scope="module")
def graph():
    return lineage_graph()


@pytest.mark.parametrize("typed", [
    "36-NQ/TW", "NQ 36-NQ/TW", "Nghị quyết số 36-NQ/TW", "nghi quyet 36", "NQ36",
    "Nghị quyết 36/NQ-TW", "nghị quyết số 36 - NQ/TW", "Nghi\u0323 quyê\u0301t 36",
])
def test_every_spelling_of_a_recurring_number_is_ambiguous_without_a_year(graph, typed):
    g, ids = graph
    with pytest.raises(AmbiguousReference) as err:
        resolve_document(g, typed)
    assert {c.id for c in err.value.candidates} == {ids["nq36"], ids["nq36_2014"]}
    assert "2014" in str(err.value) and "2023" in str(err.value)


@pytest.mark.parametrize("typed", ["36-NQ/TW", "NQ 36-NQ/TW", "Nghị quyết số 36-NQ/TW",
                                   "nghi quyet 36", "NQ36"])
def test_a_year_picks_one_of_the_recurring_numbers(graph, typed):
    g, ids = graph
    assert resolve_document(g, typed, year=2023) == ids["nq36"]
    assert resolve_document(g, typed, year="2014") == ids["nq36_2014"]


def test_a_date_in_the_text_picks_the_document(graph):
    g, ids = graph
    assert resolve_document(g, "Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị") \
        == ids["nq36"]
    assert resolve_document(g, "36-NQ/TW ngày 01 tháng 7 năm 2014") == ids["nq36_2014"]


@pytest.mark.parametrize("typed,key", [
    ("QĐ 673", "qd673"), ("qd 673", "qd673"), ("Quyết định số 673/QĐ-TTg", "qd673"),
    ("673/QD-TTg", "qd673"), ("Kế hoạch 3300", "kh3300"), ("ke hoach 3300/KH-UBND", "kh3300"),
    ("KL 61", "kl61"), ("Kết luận 61-KL/TW", "kl61"), ("189/NQ-CP", "nq189"),
])
def test_type_word_and_number(graph, typed, key):
    g, ids = graph
    assert resolve_document(g, typed) == ids[key]


def test_a_label_as_candidates_list_it_names_that_document(graph):
    """What an ambiguous reference lists ("36-NQ/TW (2014)") can be typed back."""
    from policykg.queries.common import doc_label

    g, ids = graph
    with pytest.raises(AmbiguousReference) as err:
        resolve_document(g, "36-NQ/TW")
    for candidate in err.value.candidates:
        assert resolve_document(g, candidate.label) == candidate.id
        assert resolve_document(g, candidate.label.lower()) == candidate.id
    assert doc_label(g, ids["nq36_2014"]) == "36-NQ/TW (2014)"


def test_local_numbers_need_their_province(graph):
    g, ids = graph
    with pytest.raises(AmbiguousReference) as err:
        resolve_document(g, "Chỉ thị 01/CT-UBND")
    details = " ".join(c.detail for c in err.value.candidates)
    assert "Gia Lai" in details and "Long An" in details
    assert resolve_document(g, "Chỉ thị 01/CT-UBND", province="gia lai") == ids["ct01_gl"]
    assert resolve_document(g, "chi thi 01", province="Long An") == ids["ct01_bg"]


def test_a_merged_province_reaches_its_old_provinces_documents(graph):
    g, ids = graph
    # Long An belongs to Tây Ninh since July 2025.
    assert resolve_document(g, "01/CT-UBND", province="Tây Ninh") == ids["ct01_bg"]


def test_node_ids_pass_through(graph):
    g, ids = graph
    assert resolve_document(g, ids["kh3300"]) == ids["kh3300"]


def test_unknown_reference_suggests_near_ones(graph):
    g, _ = graph
    with pytest.raises(UnknownReference) as err:
        resolve_document(g, "3330/KH-UBND")
    assert any("3300/KH-UBND" in c.label for c in err.value.suggestions)
    with pytest.raises(UnknownReference):
        resolve_document(g, "Nghị quyết 999")


@pytest.mark.parametrize("typed", ["tay ninh", "Tây Ninh", "tỉnh Tây Ninh", "TÂY NINH",
                                   "Ta\u0302y Ninh"])
def test_province_spellings(graph, typed):
    g, _ = graph
    assert resolve_province(g, typed) == "province:tay-ninh"


def test_unknown_province_suggests(graph):
    g, _ = graph
    with pytest.raises(UnknownReference) as err:
        resolve_province(g, "Tay Ninhh")
    assert "province:tay-ninh" in [c.id for c in err.value.suggestions]


def test_units_by_abbreviation_and_without_diacritics(graph):
    g, ids = graph
    assert resolve_unit(g, "chi cuc tdc", province="Tây Ninh") == [ids["tn_tdc"]]
    assert set(resolve_unit(g, "Chi cục TĐC")) == {ids["tn_tdc"], ids["gl_tdc"]}
    assert resolve_unit(g, "Trung tâm KH&CN") == [ids["tn_center"]]
    assert resolve_unit(g, "trung tam khcn") == [ids["tn_center"]]


def test_one_unit_kind_in_several_provinces_gives_several_units(graph):
    g, ids = graph
    found = resolve_unit(g, "phong quan ly khoa hoc")
    assert set(found) == {ids["tn_qlkh"], ids["gl_qlkh"], ids["la_qlkh"]}
    assert resolve_unit(g, "phong quan ly khoa hoc", province="gia lai") == [ids["gl_qlkh"]]


def test_unknown_unit(graph):
    g, _ = graph
    with pytest.raises(UnknownReference) as err:
        resolve_unit(g, "Phong Quan ly khoa hocc")
    assert err.value.suggestions


# --- on the real seed plans ----------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(seeds_dir):
    from tests.qgraph import seed_graph

    return seed_graph(str(seeds_dir))


@pytest.mark.parametrize("typed,key", [
    ("36-NQ/TW", "36-NQ/TW"), ("NQ 36-NQ/TW", "36-NQ/TW"), ("nghi quyet 36", "36-NQ/TW"),
    ("NQ36", "36-NQ/TW"), ("QĐ 673", "673/QĐ-TTg"), ("Kế hoạch 3300", "3300/KH-UBND"),
    ("Kết luận 61-KL/TW", "61-KL/TW"), ("qd 351", "351/QĐ-UBND"),
])
def test_seed_references(seeds, typed, key):
    assert seeds.nodes[resolve_document(seeds, typed)]["key"] == key


def test_seed_local_directive_with_its_province(seeds):
    node = resolve_document(seeds, "Chỉ thị 01/CT-UBND", province="bac giang")
    assert seeds.nodes[node]["key"] == "01/CT-UBND"
    with pytest.raises(AmbiguousReference):
        resolve_document(seeds, "01")
    with pytest.raises(UnknownReference):
        resolve_document(seeds, "Chỉ thị 01/CT-UBND", province="Gia Lai")


def test_seed_units(seeds):
    (center,) = resolve_unit(seeds, "Trung tâm KH&CN", province="Tây Ninh")
    assert "Khoa học và Công nghệ" in seeds.nodes[center]["name"]
    tdc = resolve_unit(seeds, "chi cuc tdc")
    assert len(tdc) >= 3  # one per province that names it
    assert len(resolve_unit(seeds, "phong quan ly khoa hoc")) >= 3


def test_a_label_tells_apart_a_provinces_plan_and_a_communes_of_one_number(examples_dir,
                                                                           tmp_path):
    """Quảng Ninh's 28/KH-UBND and the commune of Đầm Hà's 28/KH-UBND, both of 2025: the
    number is ambiguous, and each label as listed names one of them."""
    from policykg import open_store
    from policykg.queries.common import doc_label

    store = open_store(tmp_path / "kg.db")
    store.ingest([examples_dir])
    g = store.skeleton()
    with pytest.raises(AmbiguousReference) as err:
        resolve_document(g, "28/KH-UBND ngày 2025")
    labels = {c.label: c.id for c in err.value.candidates}
    assert set(labels) == {"28/KH-UBND (2025)", "28/KH-UBND (2025, UBND xã Đầm Hà)"}
    for label, node in labels.items():
        assert resolve_document(g, label) == node
        assert doc_label(g, node) == label
    assert resolve_document(g, "28/kh-ubnd (2025, ubnd xa dam ha)") == labels[
        "28/KH-UBND (2025, UBND xã Đầm Hà)"]
    assert resolve_document(g, "28/KH-UBND (2025)", province="Quảng Ninh") == labels[
        "28/KH-UBND (2025)"]

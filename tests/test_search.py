"""Search by words, diacritics optional."""

from __future__ import annotations

import pytest

from policykg.queries import search
from tests.qgraph import lineage_graph


@pytest.fixture(scope="module")
def graph():
    return lineage_graph()


def test_words_without_diacritics_find_tasks(graph):
    g, ids = graph
    hits = search(g, "ma so ma vach")
    assert hits[0].id == ids["b2"]
    assert hits[0].province == "Gia Lai" and "mã vạch" in hits[0].snippet


def test_phrase_beats_scattered_words(graph):
    g, ids = graph
    hits = search(g, "công nghệ sinh học", kinds=["task"])
    assert hits and all(h.kind == "Task" for h in hits)
    assert {h.id for h in hits} >= {ids["a1"], ids["a2"], ids["a2_1"]}


def test_kinds_and_references(graph):
    g, ids = graph
    units = search(g, "quan ly khoa hoc", kinds=["unit"])
    assert {h.id for h in units} == {ids["tn_qlkh"], ids["la_qlkh"], ids["gl_qlkh"]}
    assert search(g, "ke hoach 3300")[0].id == ids["kh3300"]
    docs = {h.id for h in search(g, "nghi quyet 36", kinds=["document"])}
    assert {ids["nq36"], ids["nq36_2014"]} <= docs
    with pytest.raises(ValueError, match="unknown kind"):
        search(g, "x", kinds=["colour"])


def test_limit_and_nothing_found(graph):
    g, _ = graph
    assert len(search(g, "công nghệ", limit=2)) == 2
    assert search(g, "zzzz qqqq") == []
    assert search(g, "  ") == []


# --- on the real seed plans ----------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(seeds_dir):
    from tests.qgraph import seed_graph

    return seed_graph(str(seeds_dir))


def test_seed_search(seeds):
    hits = search(seeds, "truy xuat nguon goc", kinds=["task"])
    assert len(hits) >= 3 and {h.province for h in hits} >= {"Gia Lai", "Bắc Giang"}
    assert search(seeds, "nghi quyet 36")[0].label.startswith("36-NQ/TW")
    assert search(seeds, "chi cuc tieu chuan", kinds=["unit"])[0].kind == "Unit"

# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Every Party cell (chi bộ) numbers its documents on its own.

Two villages' cells each issue a "05-KH/CB" in the same year: two plans, not one read
twice. They were kept as one, the second file replacing the first.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from policykg.graph.store import open_store
from policykg.loaders.batch import load_file
from policykg.ontology.issuers import own_book
from policykg.queries import stems_from

CELL_PLAN = """ĐẢNG BỘ XÃ MỸ AN
CHI BỘ ẤP {village_upper}
*
Số 05-KH/CB
ĐẢNG CỘNG SẢN VIỆT NAM
Mỹ An, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị

1. Tổ chức quán triệt Nghị quyết đến toàn thể đảng viên của chi bộ ấp {village}. Ban ấp chủ trì; thời gian: Quý II/2026.
2. Vận động hộ dân ấp {village} sử dụng dịch vụ công trực tuyến. Ban ấp chủ trì; thời gian: năm 2026.

T/M CHI BỘ
BÍ THƯ
"""

VILLAGES = {"my-hoa": ("Mỹ Hòa", "MỸ HÒA"), "my-loi": ("Mỹ Lợi", "MỸ LỢI")}


@pytest.fixture(params=["NFC", "NFD"])
def plans(request, tmp_path: Path) -> dict[str, Path]:
    out = {}
    for key, (village, upper) in VILLAGES.items():
        path = tmp_path / f"chi-bo-{key}.txt"
        text = CELL_PLAN.format(village=village, village_upper=upper)
        path.write_text(unicodedata.normalize(request.param, text), encoding="utf-8")
        out[key] = path
    return out


def test_two_cells_plans_of_one_number_are_two_plans(plans):
    read = {key: load_file(path) for key, path in plans.items()}
    assert read["my-hoa"].id != read["my-loi"].id
    for key, plan in read.items():
        assert plan.number == "05-KH/CB"
        assert "chi-bo-ap-" + key in plan.id  # the cell, after its commune
        assert "xa-my-an" in plan.id


def test_a_store_keeps_both_and_each_carries_out_the_resolution(plans, tmp_path):
    store = open_store(tmp_path / "store.db")
    report = store.ingest([str(p) for p in plans.values()])
    assert report.ok and report.plans == 2
    assert report.replaced == [] and report.duplicates == []
    g = store.graph()
    files = {d["file"] for _, d in g.nodes(data=True) if d.get("kind") == "Plan"}
    assert files == {str(p) for p in plans.values()}
    for source in (g, store):
        hits = stems_from(source, "nghi quyet 57")
        assert len(hits) == 4
        assert len({h.plan for h in hits}) == 2


@pytest.mark.parametrize(("issuer", "book"), [
    ("Chi bộ ấp Mỹ Hòa", "chi bo ap my hoa"),
    ("CHI BỘ KHU PHỐ 2", "chi bo khu pho 2"),
    (unicodedata.normalize("NFD", "Chi bộ Sở Tư pháp"), "chi bo so tu phap"),
    ("Đảng ủy Sở Tư pháp", "dang uy so tu phap"),
    ("Chi bộ", None),  # no cell named
    ("Đảng ủy xã Mỹ An", None),  # a commune: local_area keeps it apart
    ("UBND tỉnh Gia Lai", None),
])
def test_the_bodies_that_number_on_their_own(issuer, book):
    assert own_book(issuer) == book


CELL_DUTIES = """ĐẢNG BỘ XÃ TÂN PHÚ
CHI BỘ THÔN {village_upper}
*
Số 12-KH/CB
ĐẢNG CỘNG SẢN VIỆT NAM
Tân Phú, ngày 05 tháng 4 năm 2026

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị

1. Chi ủy chủ trì tổ chức quán triệt Nghị quyết đến toàn thể đảng viên. Thời gian: Quý II/2026.
2. Ban nhân dân thôn chủ trì, Chi hội Phụ nữ, Chi đoàn thanh niên phối hợp hướng dẫn người dân cài đặt ứng dụng VNeID. Thời gian: năm 2026.
3. Chi hội Nông dân chủ trì vận động hội viên bán nông sản trên sàn thương mại điện tử; Tổ dân phố số 2 phối hợp. Thời gian: năm 2026.

T/M CHI BỘ
BÍ THƯ
"""


@pytest.fixture(params=["NFC", "NFD"])
def village_plans(request, tmp_path: Path) -> dict[str, Path]:
    out = {}
    for key, upper in {"an-loc": "AN LỘC", "an-hoa": "AN HÒA"}.items():
        path = tmp_path / f"chi-bo-thon-{key}.txt"
        path.write_text(unicodedata.normalize(request.param, CELL_DUTIES.format(
            village_upper=upper)), encoding="utf-8")
        out[key] = path
    return out


def test_a_cells_own_bodies_lead_and_support(village_plans):
    from tests.layouts import assert_units, find

    plan = load_file(village_plans["an-loc"])
    assert_units(find(plan, "quán triệt Nghị quyết"), {"Chi ủy"}, set())
    assert_units(find(plan, "VNeID"), {"Ban nhân dân thôn"},
                 {"Chi hội Phụ nữ", "Chi đoàn thanh niên"})
    assert_units(find(plan, "sàn thương mại điện tử"), {"Chi hội Nông dân"},
                 {"Tổ dân phố số 2"})


def test_each_cells_bodies_are_its_own(village_plans, tmp_path):
    """Two villages' "Chi ủy" are two committees: each carries its own cell's load."""
    store = open_store(tmp_path / "store.db")
    assert store.ingest([str(p) for p in village_plans.values()]).ok
    from policykg.queries import workload

    for source in (store.graph(), store):
        loads = [row for row in workload(source) if row.unit == "Chi ủy"]
        assert len(loads) == 2 and all(row.lead == 1 for row in loads)

# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Communes and districts number their documents on their own.

A commune's "61/KH-UBND" of 2025 is not its province's 61/KH-UBND of 2025: each
body below the province (xã, phường, đặc khu; huyện, thị xã, thành phố before July
2025) keeps its own number book. Plans, citations and labels must keep them apart,
and a commune's plan carrying out its province's plan of the same number is a link
between two plans, not a plan citing itself.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from policykg.graph.store import open_store
from policykg.loaders.batch import load_file
from policykg.ontology.issuers import local_area
from policykg.queries import downstream_documents, stems_from

PROVINCE_PLAN = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 61/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lai, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị

I. NHIỆM VỤ
1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính xây dựng cơ sở dữ liệu khoa học của tỉnh. Thời gian hoàn thành: năm 2025.
2. Sở Nội vụ chủ trì rà soát chức năng, nhiệm vụ của các phòng chuyên môn. Thời gian: Quý III/2025.

Trên đây là Kế hoạch số 61/KH-UBND của UBND tỉnh Gia Lai.
"""

COMMUNE_PLAN = """ỦY BAN NHÂN DÂN
XÃ IA GRAI
Số: 61/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Ia Grai, ngày 20 tháng 8 năm 2025

KẾ HOẠCH
Thực hiện Kế hoạch số 61/KH-UBND ngày 10/3/2025 của UBND tỉnh Gia Lai thực hiện Nghị quyết số 57-NQ/TW

Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND xã về chuyển đổi số năm 2025;

I. NHIỆM VỤ
1. Phòng Kinh tế chủ trì, phối hợp với Văn phòng HĐND và UBND xã tuyên truyền về chuyển đổi số cho người dân. Thời gian: năm 2025.
2. Phòng Văn hóa - Xã hội chủ trì tổ chức tập huấn kỹ năng số cho thanh niên. Thời gian: Quý IV/2025.

Trên đây là Kế hoạch số 61/KH-UBND của UBND xã Ia Grai.
"""

COMMUNE_EARLIER_PLAN = """ỦY BAN NHÂN DÂN
XÃ IA GRAI
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Ia Grai, ngày 05 tháng 01 năm 2025

KẾ HOẠCH
Chuyển đổi số năm 2025 trên địa bàn xã Ia Grai

I. NHIỆM VỤ
1. Văn phòng HĐND và UBND xã chủ trì số hóa hồ sơ thủ tục hành chính. Thời gian: năm 2025.
"""

NEXT_YEAR_PLAN = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 61/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lai, ngày 02 tháng 4 năm 2026

KẾ HOẠCH
Tiếp tục thực hiện Kế hoạch số 61/KH-UBND ngày 10/3/2025 của UBND tỉnh

I. NHIỆM VỤ
1. Sở Khoa học và Công nghệ chủ trì đánh giá kết quả năm 2025. Thời gian: Quý II/2026.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def plans(tmp_path: Path) -> dict[str, Path]:
    return {"province": _write(tmp_path, "tinh.txt", PROVINCE_PLAN),
            "commune": _write(tmp_path, "xa.txt",
                              unicodedata.normalize("NFD", COMMUNE_PLAN)),
            "earlier": _write(tmp_path, "xa-12.txt", COMMUNE_EARLIER_PLAN),
            "next": _write(tmp_path, "tinh-2026.txt", NEXT_YEAR_PLAN)}


def test_a_communes_plan_is_not_its_provinces_plan_of_the_same_number(plans):
    province, commune = load_file(plans["province"]), load_file(plans["commune"])
    assert province.number == commune.number == "61/KH-UBND"
    assert province.id != commune.id
    assert commune.issuer == "UBND xã Ia Grai"
    assert province.province == commune.province == "Gia Lai"


def test_a_commune_carrying_out_its_provinces_plan_of_that_number_cites_it(plans):
    commune = load_file(plans["commune"])
    cited = {r.key: r for r in commune.references}
    assert cited["61/KH-UBND"].relation == "implements"
    assert "UBND tỉnh Gia Lai" in (cited["61/KH-UBND"].issuer or "")
    chain = {(commune.references[lk.child].key, commune.references[lk.parent].key)
             for lk in commune.links}
    assert ("61/KH-UBND", "57-NQ/TW") in chain
    # its own number in the closing is the plan itself, not a citation
    province = load_file(plans["province"])
    assert "61/KH-UBND" not in {r.key for r in province.references}


def test_the_same_number_of_another_year_is_another_plan(plans):
    later = load_file(plans["next"])
    cited = {r.key: r for r in later.references}
    assert cited["61/KH-UBND"].relation == "implements"
    assert (cited["61/KH-UBND"].date or "").startswith("2025")


def test_a_store_keeps_both_plans_and_the_chain_runs_through_them(plans, tmp_path):
    store = open_store(tmp_path / "store.db")
    report = store.ingest([str(p) for p in plans.values()])
    assert report.ok and report.plans == 4
    assert report.replaced == [] and report.duplicates == []  # no plan replaced another
    g = store.graph()
    planned = {d["file"]: n for n, d in g.nodes(data=True) if d.get("kind") == "Plan"}
    assert len(set(planned.values())) == 4
    for source in (g, store):
        docs = {d.label: d for d in downstream_documents(source, "nghi quyet 57")}
        assert set(docs) >= {"61/KH-UBND (2025)", "61/KH-UBND (2025, UBND xã Ia Grai)",
                             "61/KH-UBND (2026)"}
        assert docs["61/KH-UBND (2025, UBND xã Ia Grai)"].depth == 2
        assert docs["61/KH-UBND (2026)"].depth == 2
        hits = stems_from(source, "57-NQ/TW", province="gia lai")
        assert len({h.task for h in hits}) == 5
        commune_tasks = [h for h in hits if h.plan == planned[str(plans["commune"])]]
        assert len(commune_tasks) == 2


def test_a_citation_of_ubnd_xa_alone_is_the_communes_own_document(plans, tmp_path):
    store = open_store(tmp_path / "store.db")
    assert store.ingest([str(plans["commune"]), str(plans["earlier"])]).ok
    g = store.graph()
    commune = next(n for n, d in g.nodes(data=True)
                   if d.get("kind") == "Plan" and d.get("key") == "61/KH-UBND")
    earlier = next(n for n, d in g.nodes(data=True)
                   if d.get("kind") == "Plan" and d.get("key") == "12/KH-UBND")
    assert g.has_edge(commune, earlier)  # the citation resolved to the commune's own plan


@pytest.mark.parametrize(("issuer", "area"), [
    ("UBND xã Ia Grai", ("xa", "ia grai")),
    ("ỦY BAN NHÂN DÂN XÃ IA GRAI", ("xa", "ia grai")),
    (unicodedata.normalize("NFD", "Ủy ban nhân dân xã Ia Grai"), ("xa", "ia grai")),
    ("UBND phường 3", ("phuong", "3")),
    ("Đảng ủy đặc khu Phú Quốc", ("dac khu", "phu quoc")),
    ("UBND huyện Tuy Phước, tỉnh Bình Định", ("huyen", "tuy phuoc")),
    ("Huyện ủy Tuy Phước", ("huyen", "tuy phuoc")),
    ("UBND TP. Pleiku", ("thanh pho", "pleiku")),
    ("Hội đồng nhân dân thị xã An Khê", ("thi xa", "an khe")),
    ("UBND xã", ("xa", None)),
    ("UBND tỉnh Gia Lai", None),
    ("UBND thành phố Hà Nội", None),
    ("Thành ủy Huế", None),
    ("Sở Lao động - Thương binh và Xã hội", None),
    ("Đảng ủy các cơ quan Đảng tỉnh", None),
    ("Bộ Khoa học và Công nghệ", None),
])
def test_the_body_below_a_province_an_issuer_names(issuer, area):
    assert local_area(issuer) == area


JOINT_HEADER = """{header}
Số: {number}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{place}, ngày 02 tháng 10 năm 2025

{title}
Triển khai thực hiện Kế hoạch số 120/KH-UBND ngày 15/8/2025 của UBND tỉnh Đồng Nai về chuyển đổi số

I. NHIỆM VỤ
1. Văn phòng HĐND và UBND xã chủ trì số hóa hồ sơ, kết quả giải quyết thủ tục hành chính. Thời gian: Quý IV/2025.
"""


@pytest.mark.parametrize(("header", "number", "place", "title", "issuer", "scope"), [
    ("HĐND - UBND XÃ TÂN LẬP", "45/KH-UBND", "Tân Lập", "KẾ HOẠCH", "UBND xã Tân Lập",
     "xa-tan-lap"),
    ("HĐND VÀ UBND\nPHƯỜNG 3", "12/KH-UBND", "Phường 3", "KẾ HOẠCH", "UBND phường 3",
     "phuong-3"),
    ("HĐND - UBND XÃ TÂN LẬP", "08/NQ-HĐND", "Tân Lập", "NGHỊ QUYẾT", "HĐND xã Tân Lập",
     "xa-tan-lap"),
])
def test_a_joint_office_header_names_the_body_whose_document_it_is(
        tmp_path, header, number, place, title, issuer, scope):
    """The office a commune's council and committee share heads both their papers; the
    symbol says whose this one is."""
    path = _write(tmp_path, "plan.txt", JOINT_HEADER.format(
        header=header, number=number, place=place, title=title))
    plan = load_file(path)
    assert plan.issuer == issuer
    assert plan.province == "Đồng Nai"
    assert plan.id == f"dong-nai:{scope}:{number}@2025"  # numbered on its own


def test_a_communes_own_offices_are_of_a_kind_that_says_so(examples_dir, tmp_path):
    """Kinds that span levels say so: a commune's Phòng Kinh tế and Đoàn Thanh niên are not
    labelled as district or provincial bodies only."""
    from policykg.queries import workload

    store = open_store(tmp_path / "store.db")
    assert store.ingest([str(examples_dir / "quang-ninh_xa_57_dam-ha.txt")]).ok
    kinds = {r.unit: r.kind for r in workload(store)}
    assert "cấp xã" in kinds["Phòng Kinh tế"]
    assert "cấp xã" in kinds["Đoàn Thanh niên xã"]

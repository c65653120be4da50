# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""A plan's header and citations, fifth sweep: issuers below the province before July 2025
(provincial cities, towns, districts and urban districts) read as their own body inside
their province and numbering on their own, while a centrally governed city stays a
province; and the bodies of a People's Council (its standing body, its committees and the
Party committee of the council as an agency).

Each test is what an analyst checks on one plan: who issued it, under which body, its number,
date and province, and which document a citation names: a city's 15/KH-UBND is not its
province's. Every fixture is read both in NFC and in NFD, as files arrive either way.
"""

from __future__ import annotations

import pytest

from policykg.graph.build import build_graph, plan_node_ids
from tests.layouts import PARTY_SIGNATURE, header_plan, nfc, refs_of

FORMS = ("NFC", "NFD")

PROVINCE = "UBND TỈNH LÂM ĐỒNG\nSố: 15/KH-UBND\nLâm Đồng, ngày 05 tháng 3 năm 2024"
CITY = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ LẠT\nSố: 15/KH-UBND\nĐà Lạt, ngày 10 tháng 01 năm 2024"
PROVINCE_ANNOUNCE = "UBND tỉnh ban hành Kế hoạch như sau:"
CITY_ANNOUNCE = "UBND thành phố ban hành Kế hoạch như sau:"


def cited_from(header: str, opening: str, form: str, **kwargs) -> dict:
    return refs_of(header_plan(header, form, opening=opening, **kwargs))


def cited_nodes(citing, *others) -> dict[str, str]:
    """The graph node each numbered citation of ``citing`` points to, by its key (NFC)."""
    nodes = plan_node_ids([citing, *others])
    graph = build_graph([citing, *others])
    own = nodes[citing.id]
    return {nfc(graph.nodes[v].get("key") or v): nfc(v) for _, v in graph.out_edges(own)
            if str(v).startswith("doc:") and v != own}


# --- councils below the province before July 2025 ---------------------------------------------

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header,issuer,province,scope", [
    # a provincial city, its council's name on the line below "ỦY BAN NHÂN DÂN"
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ LẠT\nSố: 61/KH-UBND\nĐà Lạt, ngày 05 tháng 3 năm 2024",
     "UBND thành phố Đà Lạt", "Lâm Đồng", "lam-dong:thanh-pho-da-lat:61/KH-UBND@2024"),
    # abbreviated, with no place before the date: the city tells the province
    ("UBND TP. BUÔN MA THUỘT\nSố: 61/KH-UBND\nngày 05 tháng 3 năm 2024",
     "UBND thành phố Buôn Ma Thuột", "Đắk Lắk", "dak-lak:thanh-pho-buon-ma-thuot:61/KH-UBND@2024"),
    ("ỦY BAN NHÂN DÂN\nTHỊ XÃ BUÔN HỒ\nSố: 61/KH-UBND\nngày 05 tháng 3 năm 2024",
     "UBND thị xã Buôn Hồ", "Đắk Lắk", "dak-lak:thi-xa-buon-ho:61/KH-UBND@2024"),
    ("ỦY BAN NHÂN DÂN\nHUYỆN ĐỨC TRỌNG\nSố: 61/KH-UBND\nĐức Trọng, ngày 05 tháng 3 năm 2024",
     "UBND huyện Đức Trọng", "Lâm Đồng", "lam-dong:huyen-duc-trong:61/KH-UBND@2024"),
    # a city inside a centrally governed city
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THỦ ĐỨC\nSố: 61/KH-UBND\nThủ Đức, ngày 05 tháng 3 năm 2024",
     "UBND thành phố Thủ Đức", "Hồ Chí Minh", "ho-chi-minh:thanh-pho-thu-duc:61/KH-UBND@2024"),
    # a hyphenated city, its name in capitals
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ PHAN RANG-THÁP CHÀM\nSố: 61/KH-UBND\nPhan Rang-Tháp Chàm, ngày 05 tháng 3 năm 2024",
     "UBND thành phố Phan Rang-Tháp Chàm", "Ninh Thuận", "ninh-thuan:thanh-pho-phan-rang-thap-cham:61/KH-UBND@2024"),
    ("HĐND THÀNH PHỐ BẢO LỘC\nSố: 12/NQ-HĐND\nBảo Lộc, ngày 05 tháng 3 năm 2024",
     "HĐND thành phố Bảo Lộc", "Lâm Đồng", "lam-dong:thanh-pho-bao-loc:12/NQ-HĐND@2024"),
])
def test_a_city_town_or_district_below_the_province_is_its_own_issuer(header, issuer, province, scope, form):
    plan = header_plan(header, form)
    assert (nfc(plan.issuer), nfc(plan.province), nfc(plan.id)) == (issuer, province, scope)


@pytest.mark.parametrize("form", FORMS)
def test_a_city_under_its_provinces_committee_is_issuer_and_the_province_above(form):
    plan = header_plan("UBND TỈNH LÂM ĐỒNG\nUBND THÀNH PHỐ ĐÀ LẠT\nSố: 61/KH-UBND\n"
                       "Đà Lạt, ngày 05 tháng 3 năm 2024", form)
    assert (nfc(plan.issuer), nfc(plan.parent_issuer)) == ("UBND thành phố Đà Lạt", "UBND tỉnh Lâm Đồng")
    assert nfc(plan.id) == "lam-dong:thanh-pho-da-lat:61/KH-UBND@2024"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header,issuer,province,scope", [
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nSố: 61/KH-UBND\nĐà Nẵng, ngày 05 tháng 3 năm 2024",
     "UBND thành phố Đà Nẵng", "Đà Nẵng", "da-nang:61/KH-UBND@2024"),
    ("UBND TP. CẦN THƠ\nSố: 61/KH-UBND\nCần Thơ, ngày 05 tháng 3 năm 2024",
     "UBND thành phố Cần Thơ", "Cần Thơ", "can-tho:61/KH-UBND@2024"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 61/KH-UBND\nngày 05 tháng 3 năm 2024",
     "UBND thành phố Hải Phòng", "Hải Phòng", "hai-phong:61/KH-UBND@2024"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ\nSố: 61/KH-UBND\nHuế, ngày 05 tháng 3 năm 2026",
     "UBND thành phố Huế", "Huế", "hue:61/KH-UBND@2026"),
    ("HĐND THÀNH PHỐ HÀ NỘI\nSố: 12/NQ-HĐND\nHà Nội, ngày 05 tháng 3 năm 2024",
     "HĐND thành phố Hà Nội", "Hà Nội", "ha-noi:12/NQ-HĐND@2024"),
])
def test_a_centrally_governed_city_is_a_province(header, issuer, province, scope, form):
    plan = header_plan(header, form)
    assert (nfc(plan.issuer), nfc(plan.province), nfc(plan.id)) == (issuer, province, scope)


# --- their plans cited ------------------------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
def test_a_citys_plan_cited_by_its_province_is_not_the_provinces_own_number(form):
    opening = ("Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND thành phố Đà Lạt; Kế hoạch "
               "số 20/KH-UBND ngày 11/01/2024 của UBND TP. Bảo Lộc; Kế hoạch số 21/KH-UBND ngày "
               f"12/01/2024 của UBND huyện Đức Trọng, {PROVINCE_ANNOUNCE}")
    province = header_plan(PROVINCE, form, opening=opening)
    city = header_plan(CITY, form)
    refs = refs_of(province)
    assert {k: (r.scope, nfc(r.province)) for k, r in refs.items()} == {
        k: ("local", "Lâm Đồng") for k in ("15/KH-UBND", "20/KH-UBND", "21/KH-UBND")}
    nodes = plan_node_ids([province, city])
    assert nodes[province.id] != nodes[city.id]
    # the citation is the city's plan, each of the others in its own area
    assert set(cited_nodes(province, city).values()) == {
        nodes[city.id], "doc:lam-dong:thanh-pho-bao-loc:20/KH-UBND@2024",
        "doc:lam-dong:huyen-duc-trong:21/KH-UBND@2024"}


@pytest.mark.parametrize("form", FORMS)
def test_a_towns_plan_cited_with_its_number_in_the_town(form):
    opening = (f"Thực hiện Kế hoạch số 15/KH-UBND ngày 08/01/2024 của UBND thị xã Buôn Hồ, tỉnh Đắk Lắk, "
               f"{PROVINCE_ANNOUNCE}")
    province = header_plan(PROVINCE, form, opening=opening)
    town = refs_of(province)["15/KH-UBND"]
    assert (town.relation, nfc(town.province)) == ("implements", "Đắk Lắk")
    assert set(cited_nodes(province).values()) == {"doc:dak-lak:thi-xa-buon-ho:15/KH-UBND@2024"}


@pytest.mark.parametrize("form", FORMS)
def test_a_city_cites_its_province_and_itself_by_level_alone(form):
    opening = ("Thực hiện Kế hoạch số 15/KH-UBND ngày 02/01/2024 của UBND tỉnh; Kế hoạch số "
               f"3/KH-UBND ngày 03/01/2024 của UBND thành phố, {CITY_ANNOUNCE}")
    city = header_plan(CITY, form, opening=opening)
    province = header_plan(PROVINCE, form)
    refs = refs_of(city)
    assert {k: r.relation for k, r in refs.items()} == {"15/KH-UBND": "implements", "3/KH-UBND": "implements"}
    nodes = plan_node_ids([city, province])
    # the city's own 15/KH-UBND carries out the province's 15/KH-UBND, not itself
    assert set(cited_nodes(city, province).values()) == {
        nodes[province.id], "doc:lam-dong:thanh-pho-da-lat:3/KH-UBND@2024"}


# --- the People's Council and its bodies ------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header,issuer", [
    ("HĐND TỈNH LÂM ĐỒNG\nTHƯỜNG TRỰC HĐND\nSố: 12/KH-TTHĐND\nLâm Đồng, ngày 05 tháng 3 năm 2024",
     "Thường trực HĐND tỉnh Lâm Đồng"),
    ("HĐND TỈNH LÂM ĐỒNG\nBAN KINH TẾ - NGÂN SÁCH\nSố: 12/KH-BKTNS\nLâm Đồng, ngày 05 tháng 3 năm 2024",
     "Ban Kinh tế - Ngân sách HĐND tỉnh Lâm Đồng"),
    ("HĐND TỈNH LÂM ĐỒNG\nBAN VĂN HÓA – XÃ HỘI\nSố: 12/KH-BVHXH\nLâm Đồng, ngày 05 tháng 3 năm 2024",
     "Ban Văn hóa - Xã hội HĐND tỉnh Lâm Đồng"),
    ("HỘI ĐỒNG NHÂN DÂN\nTỈNH LÂM ĐỒNG\nBAN PHÁP CHẾ\nSố: 12/KH-BPC\nLâm Đồng, ngày 05 tháng 3 năm 2024",
     "Ban Pháp chế HĐND tỉnh Lâm Đồng"),
])
def test_a_body_of_the_provincial_council_signs_under_the_council(header, issuer, form):
    plan = header_plan(header, form)
    assert (nfc(plan.issuer), nfc(plan.parent_issuer), nfc(plan.province)) == (
        issuer, "HĐND tỉnh Lâm Đồng", "Lâm Đồng")


@pytest.mark.parametrize("form", FORMS)
def test_council_documents_cited_by_the_council_its_standing_body_and_committees(form):
    opening = ("Căn cứ Nghị quyết số 12/2025/NQ-HĐND ngày 10/01/2025 của HĐND tỉnh; Thông báo số "
               "5/TB-HĐND ngày 02/02/2025 của Thường trực HĐND tỉnh; Báo cáo số 7/BC-HĐND ngày "
               "03/02/2025 của Ban Kinh tế – Ngân sách HĐND tỉnh; Nghị quyết số 3/NQ-HĐND ngày "
               f"08/01/2025 của Hội đồng nhân dân thành phố Đà Lạt, {PROVINCE_ANNOUNCE}")
    plan = header_plan(PROVINCE.replace("2024", "2025"), form, opening=opening)
    refs = refs_of(plan)
    assert {k: (nfc(r.issuer), nfc(r.province), r.scope, r.date) for k, r in refs.items()} == {
        "12/2025/NQ-HĐND": ("HĐND tỉnh", "Lâm Đồng", "local", "2025-01-10"),
        "5/TB-HĐND": ("Thường trực HĐND tỉnh", "Lâm Đồng", "local", "2025-02-02"),
        "7/BC-HĐND": ("Ban Kinh tế – Ngân sách HĐND tỉnh", "Lâm Đồng", "local", "2025-02-03"),
        "3/NQ-HĐND": ("Hội đồng nhân dân thành phố Đà Lạt", "Lâm Đồng", "local", "2025-01-08")}
    # the city council's resolution numbers in the city
    assert "doc:lam-dong:thanh-pho-da-lat:3/NQ-HĐND@2025" in set(cited_nodes(plan).values())


@pytest.mark.parametrize("form", FORMS)
def test_the_party_committee_of_the_council_numbers_on_its_own(form):
    header = ("ĐẢNG BỘ TỈNH LÂM ĐỒNG\nĐẢNG ỦY HĐND TỈNH\n*\nSố 15-KH/ĐU\n"
              "Lâm Đồng, ngày 05 tháng 3 năm 2025")
    plan = header_plan(header, form, signature=PARTY_SIGNATURE)
    assert (nfc(plan.issuer), nfc(plan.parent_issuer)) == ("Đảng ủy HĐND tỉnh", "Đảng bộ tỉnh Lâm Đồng")
    assert nfc(plan.id) == "lam-dong:dang-uy-hdnd-tinh:15-KH/ĐU@2025"


@pytest.mark.parametrize("form", FORMS)
def test_party_committees_of_the_council_and_the_committee_cited_apart(form):
    opening = ("Thực hiện Kế hoạch số 05-KH/ĐU ngày 10/01/2025 của Đảng ủy HĐND tỉnh; Kế hoạch số "
               f"06-KH/ĐU ngày 11/01/2025 của Đảng ủy Hội đồng nhân dân tỉnh, {PROVINCE_ANNOUNCE}")
    plan = header_plan(PROVINCE.replace("2024", "2025"), form, opening=opening)
    assert {k: (r.relation, nfc(r.province)) for k, r in refs_of(plan).items()} == {
        "05-KH/ĐU": ("implements", "Lâm Đồng"), "06-KH/ĐU": ("implements", "Lâm Đồng")}
    # both spellings name the one committee, apart from the province's own "…/ĐU" numbers
    assert set(cited_nodes(plan).values()) == {"doc:lam-dong:dang-uy-hdnd-tinh:05-KH/ĐU@2025",
                                               "doc:lam-dong:dang-uy-hdnd-tinh:06-KH/ĐU@2025"}

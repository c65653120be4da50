# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""A plan's header and citations, fourth sweep: the Party's Quy định numbered "QĐ" like its
Quyết định, Party committees of districts and communes named bare, citations wrapped over
lines, listed after "các", read "in the spirit of" a resolution or made jointly "giữa" two
bodies, a portal page's table of properties, the boards of a provincial Party committee under
its name, and a commune's header with its province on the line below or in the place-line.

Each test is what an analyst checks on one plan: who issued it, under which body, its number,
date and province, and which documents it carries out rather than only cites. Every fixture
is read both in NFC and in NFD, as files arrive either way.
"""

from __future__ import annotations

import pytest

from tests.layouts import PARTY_SIGNATURE, header_plan, nfc, refs_of

FORMS = ("NFC", "NFD")

COMMITTEE_SIGNATURE = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐinh Văn Hòa"
BOARD_SIGNATURE = "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nHà Văn Thắng"
PARTY_DATE = "ĐẢNG CỘNG SẢN VIỆT NAM\nHạ Long, ngày 05 tháng 3 năm 2026"
DEPARTMENT = "UBND TỈNH TUYÊN QUANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 125/KH-SKHCN\nTuyên Quang, ngày 05 tháng 3 năm 2026"
ANNOUNCE = "Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:"


def cited(opening: str, form: str, header: str = DEPARTMENT, **kwargs) -> dict:
    return refs_of(header_plan(header, form, opening=opening, **kwargs))


# --- the Party's Quy định and Quyết định share "QĐ" ------------------------------------------

@pytest.mark.parametrize("form", FORMS)
def test_the_word_before_a_party_qd_number_tells_a_regulation_from_a_decision(form):
    refs = cited("Căn cứ Quy định số 232-QĐ/TW ngày 20/01/2025 của Ban Chấp hành Trung ương về "
                 "thi hành Điều lệ Đảng; thực hiện Quyết định số 99-QĐ/TW ngày 03/10/2022 của Ban "
                 f"Bí thư, {ANNOUNCE}", form)
    regulation, decision = refs["232-QĐ/TW"], refs["99-QĐ/TW"]
    # the number keeps the symbol as printed; the type is the one the text names
    assert (regulation.doctype, nfc(regulation.symbol), regulation.relation) == ("QyĐ", "QĐ/TW", "basis")
    assert (decision.doctype, nfc(decision.issuer), decision.relation) == ("QĐ", "Ban Bí thư", "implements")
    assert {regulation.scope, decision.scope} == {"central"}


@pytest.mark.parametrize("form", FORMS)
def test_a_party_regulation_cited_by_its_bare_number_gets_the_printed_symbol(form):
    refs = cited(f"Căn cứ Quy định 232 ngày 20/01/2025 của Ban Chấp hành Trung ương, {ANNOUNCE}", form)
    assert set(refs) == {"232-QĐ/TW"}
    assert (refs["232-QĐ/TW"].doctype, refs["232-QĐ/TW"].date) == ("QyĐ", "2025-01-20")


@pytest.mark.parametrize("form", FORMS)
def test_a_state_decision_stays_a_decision(form):
    refs = cited(f"Thực hiện Quyết định số 1131/QĐ-TTg ngày 12/6/2025 của Thủ tướng Chính phủ ban hành "
                 f"Danh mục công nghệ chiến lược, {ANNOUNCE}", form)
    assert refs["1131/QĐ-TTg"].doctype == "QĐ"


# --- Party committees of districts and communes -----------------------------------------------

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header,issuer,parent,scope", [
    ("ĐẢNG BỘ TỈNH LÂM ĐỒNG\nBAN THƯỜNG VỤ HUYỆN ỦY ĐỨC TRỌNG\n*\nSố 15-KH/HU\nĐức Trọng, ngày 05 tháng 3 năm 2024",
     "Ban Thường vụ Huyện ủy Đức Trọng", "Đảng bộ tỉnh Lâm Đồng", "lam-dong:huyen-duc-trong:15-KH/HU@2024"),
    ("HUYỆN ỦY ĐỨC TRỌNG\nBAN THƯỜNG VỤ\n*\nSố 15-KH/HU\nĐức Trọng, ngày 05 tháng 3 năm 2024",
     "Ban Thường vụ Huyện ủy Đức Trọng", "Huyện ủy Đức Trọng", "lam-dong:huyen-duc-trong:15-KH/HU@2024"),
    # a commune's committee under its district's Party organisation, dated in the commune
    ("ĐẢNG BỘ HUYỆN ĐỨC TRỌNG\nĐẢNG ỦY XÃ HIỆP THẠNH\n*\nSố 15-KH/ĐU\nHiệp Thạnh, ngày 05 tháng 3 năm 2024",
     "Đảng ủy xã Hiệp Thạnh", "Đảng bộ huyện Đức Trọng", "lam-dong:xa-hiep-thanh:15-KH/ĐU@2024"),
    ("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH\nĐẢNG ỦY PHƯỜNG TÂN ĐỊNH\n*\nSố 15-KH/ĐU\nTân Định, ngày 05 tháng 3 năm 2026",
     "Đảng ủy phường Tân Định", "Đảng bộ thành phố Hồ Chí Minh", "ho-chi-minh:phuong-tan-dinh:15-KH/ĐU@2026"),
])
def test_a_party_committee_below_the_province_numbers_in_its_area(header, issuer, parent, scope, form):
    plan = header_plan(header, form, signature=PARTY_SIGNATURE)
    assert (nfc(plan.issuer), nfc(plan.parent_issuer)) == (issuer, parent)
    assert nfc(plan.id) == scope


@pytest.mark.parametrize("form", FORMS)
def test_district_and_commune_committees_cited_bare_or_by_name(form):
    commune = "ĐẢNG BỘ TỈNH LÂM ĐỒNG\nĐẢNG ỦY XÃ ĐỨC TRỌNG\n*\nSố 15-KH/ĐU\nĐức Trọng, ngày 05 tháng 3 năm 2026"
    refs = cited("Thực hiện Nghị quyết số 05-NQ/ĐU ngày 10/01/2026 của Ban Chấp hành Đảng bộ xã; Kết "
                 "luận số 03-KL/ĐU ngày 12/01/2026 của Đảng ủy xã; Kế hoạch số 12-KH/TU ngày 05/01/2026 "
                 "của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy xã ban hành Kế hoạch như sau:",
                 form, commune, signature=PARTY_SIGNATURE)
    assert {k: (nfc(r.issuer), nfc(r.province), r.relation) for k, r in refs.items()} == {
        "05-NQ/ĐU": ("Ban Chấp hành Đảng bộ xã", "Lâm Đồng", "implements"),
        "03-KL/ĐU": ("Đảng ủy xã", "Lâm Đồng", "implements"),
        "12-KH/TU": ("Ban Thường vụ Tỉnh ủy", "Lâm Đồng", "implements")}


@pytest.mark.parametrize("form", FORMS)
def test_a_district_committee_named_in_full_keeps_its_district_and_province(form):
    # cited by a department of another province: the district says where the document is from
    refs = cited("Thực hiện Kế hoạch số 05-KH/HU ngày 10/01/2024 của Ban Thường vụ Huyện ủy Đức Trọng; "
                 f"Chỉ thị số 02-CT/HU ngày 15/01/2024 của Huyện ủy Tiên Yên, {ANNOUNCE}", form)
    assert (nfc(refs["05-KH/HU"].issuer), nfc(refs["05-KH/HU"].province)) == (
        "Ban Thường vụ Huyện ủy Đức Trọng", "Lâm Đồng")
    assert (nfc(refs["02-CT/HU"].issuer), nfc(refs["02-CT/HU"].province)) == (
        "Huyện ủy Tiên Yên", "Quảng Ninh")


@pytest.mark.parametrize("form", FORMS)
def test_a_communes_plan_cited_with_its_province_after_a_comma(form):
    refs = cited(f"Thực hiện Kế hoạch số 15/KH-UBND ngày 12/3/2026 của UBND xã Hiệp Thạnh, tỉnh Lâm Đồng, {ANNOUNCE}", form)
    commune = refs["15/KH-UBND"]
    assert (commune.relation, commune.scope, nfc(commune.province)) == ("implements", "local", "Lâm Đồng")
    assert nfc(commune.issuer).startswith("UBND xã Hiệp Thạnh")


# --- citations --------------------------------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("written", [
    "Kế hoạch số\n45/KH-UBND ngày 12/3/2026 của UBND tỉnh về việc triển khai chuyển đổi số",
    "Kế hoạch số 45/KH-UBND\nngày 12/3/2026 của UBND tỉnh về việc triển khai chuyển đổi số",
    "Kế hoạch số 45/KH-UBND ngày 12/3/2026 của\nUBND tỉnh về việc triển khai chuyển đổi số",
    "Kế hoạch số 45/KH-UBND ngày 12 tháng 3 năm 2026 của UBND tỉnh về việc triển khai chuyển đổi số",
])
def test_a_provincial_plan_cited_over_two_lines_or_dated_in_words(written, form):
    refs = cited(f"Thực hiện {written}, {ANNOUNCE}", form)
    plan = refs["45/KH-UBND"]
    assert (plan.relation, plan.date, nfc(plan.issuer), nfc(plan.province)) == (
        "implements", "2026-03-12", "UBND tỉnh", "Tuyên Quang")
    assert nfc(plan.subject) == "về việc triển khai chuyển đổi số"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("lead", ["Theo tinh thần", "Quán triệt tinh thần", "Quán triệt",
                                  "Thực hiện tinh thần"])
def test_a_resolution_read_in_its_spirit_is_carried_out(lead, form):
    refs = cited(f"{lead} Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị, {ANNOUNCE}", form)
    resolution = refs["57-NQ/TW"]
    assert (resolution.relation, resolution.date, nfc(resolution.issuer)) == (
        "implements", "2024-12-22", "Bộ Chính trị")


@pytest.mark.parametrize("form", FORMS)
def test_according_to_a_document_is_still_only_a_basis(form):
    refs = cited(f"Theo Quyết định số 10/QĐ-UBND ngày 05/01/2026 của UBND tỉnh, {ANNOUNCE}", form)
    assert refs["10/QĐ-UBND"].relation == "basis"


@pytest.mark.parametrize("form", FORMS)
def test_an_action_programme_made_concrete_and_a_notice_of_conclusions(form):
    refs = cited("Nhằm cụ thể hóa Chương trình hành động số 15-CTr/TU ngày 10/02/2025 của Tỉnh ủy; "
                 "Thông báo kết luận số 12-TB/TU ngày 20/02/2025 của Ban Thường vụ Tỉnh ủy, " + ANNOUNCE, form)
    assert {k: (r.doctype, nfc(r.issuer), r.relation) for k, r in refs.items()} == {
        "15-CTr/TU": ("CTr", "Tỉnh ủy", "implements"),
        "12-TB/TU": ("TB", "Ban Thường vụ Tỉnh ủy", "implements")}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("listed", [
    "các Nghị quyết số 57-NQ/TW, 66-NQ/TW, 68-NQ/TW của Bộ Chính trị",
    "các Nghị quyết số 57-NQ/TW ngày 22/12/2024, số 66-NQ/TW ngày 30/4/2025 và số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị",
    "Nghị quyết số 57-NQ/TW, Nghị quyết số 66-NQ/TW và Nghị quyết số 68-NQ/TW của Bộ Chính trị",
])
def test_each_resolution_of_a_list_is_carried_out_and_the_politburos(listed, form):
    refs = cited(f"Thực hiện {listed}, {ANNOUNCE}", form)
    assert {k: (r.relation, nfc(r.issuer), r.scope) for k, r in refs.items()} == {
        key: ("implements", "Bộ Chính trị", "central") for key in ("57-NQ/TW", "66-NQ/TW", "68-NQ/TW")}


@pytest.mark.parametrize("form", FORMS)
def test_a_basis_list_then_plans_listed_after_cac_are_carried_out(form):
    refs = cited("Căn cứ các Nghị quyết số 57-NQ/TW, 66-NQ/TW của Bộ Chính trị; thực hiện các Kế hoạch "
                 f"số 40/KH-UBND, 41/KH-UBND của UBND tỉnh, {ANNOUNCE}", form)
    assert {k: r.relation for k, r in refs.items()} == {
        "57-NQ/TW": "basis", "66-NQ/TW": "basis", "40/KH-UBND": "implements", "41/KH-UBND": "implements"}
    assert {nfc(refs[k].issuer) for k in ("40/KH-UBND", "41/KH-UBND")} == {"UBND tỉnh"}


@pytest.mark.parametrize("form", FORMS)
def test_the_resolution_named_by_its_number_alone_right_after_is_the_same_one(form):
    plan = header_plan(DEPARTMENT, form, opening=(
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển "
        "khoa học, công nghệ; để đưa Nghị quyết 57 vào cuộc sống, " + ANNOUNCE))
    refs = refs_of(plan)
    assert set(refs) == {"57-NQ/TW"}
    assert (refs["57-NQ/TW"].relation, len(refs["57-NQ/TW"].mentions)) == ("implements", 2)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("between", ["giữa Sở Khoa học và Công nghệ và Hội Nông dân tỉnh",
                                     "của Sở Khoa học và Công nghệ và Hội Nông dân tỉnh"])
def test_a_joint_plan_cited_between_its_two_bodies(between, form):
    refs = cited(f"Thực hiện Kế hoạch liên tịch số 12/KHLT-SKHCN-HND ngày 10/02/2026 {between}, {ANNOUNCE}", form)
    joint = refs["12/KHLT-SKHCN-HND"]
    assert (joint.doctype, nfc(joint.issuer), joint.relation) == (
        "KH", "Sở Khoa học và Công nghệ và Hội Nông dân tỉnh", "implements")
    assert (joint.scope, nfc(joint.province)) == ("local", "Tuyên Quang")


# --- headers ----------------------------------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("table", [
    "| Số ký hiệu | 45/KH-UBND |\n|---|---|\n| Ngày ban hành | 12/03/2026 |\n| Loại văn bản | Kế hoạch |\n"
    "| Cơ quan ban hành | UBND tỉnh Lào Cai |\n| Người ký | Đinh Văn Hòa |\n| Trích yếu | Triển khai chuyển đổi số năm 2026 |",
    "Số ký hiệu\t45/KH-UBND\nNgày ban hành\t12/03/2026\nCơ quan ban hành\tỦy ban nhân dân tỉnh Lào Cai\n"
    "Trích yếu\tTriển khai chuyển đổi số năm 2026",
    "Số, ký hiệu: 45/KH-UBND\nNgày ký: 12/3/2026\nCơ quan ban hành: UBND tỉnh Lào Cai",
])
def test_a_portal_pages_table_of_properties_above_the_body(table, form):
    plan = header_plan(table, form, signature=COMMITTEE_SIGNATURE)
    assert (nfc(plan.number), plan.date, nfc(plan.province)) == ("45/KH-UBND", "2026-03-12", "Lào Cai")
    assert nfc(plan.issuer) == "UBND tỉnh Lào Cai"
    assert nfc(plan.id) == "lao-cai:45/KH-UBND@2026"
    assert nfc(plan.title) == "Triển khai chuyển đổi số năm 2026"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header,issuer,parent,number", [
    ("TỈNH ỦY QUẢNG NINH\nBAN TUYÊN GIÁO VÀ DÂN VẬN", "Ban Tuyên giáo và Dân vận Tỉnh ủy Quảng Ninh",
     "Tỉnh ủy Quảng Ninh", "12-KH/BTGDVTU"),
    # the two header lines a copy joined into one
    ("TỈNH ỦY QUẢNG NINH BAN TUYÊN GIÁO VÀ DÂN VẬN", "Ban Tuyên giáo và Dân vận Tỉnh ủy Quảng Ninh",
     "Tỉnh ủy Quảng Ninh", "12-KH/BTGDVTU"),
    ("TỈNH ỦY QUẢNG NINH\nBAN TỔ CHỨC", "Ban Tổ chức Tỉnh ủy Quảng Ninh", "Tỉnh ủy Quảng Ninh", "12-KH/BTCTU"),
    ("TỈNH ỦY QUẢNG NINH\nỦY BAN KIỂM TRA", "Ủy ban Kiểm tra Tỉnh ủy Quảng Ninh", "Tỉnh ủy Quảng Ninh", "12-KH/UBKTTU"),
    ("TỈNH ỦY QUẢNG NINH\nVĂN PHÒNG", "Văn phòng Tỉnh ủy Quảng Ninh", "Tỉnh ủy Quảng Ninh", "12-KH/VPTU"),
    # a centrally governed city's board serves its Thành ủy
    ("THÀNH ỦY HẢI PHÒNG\nBAN TUYÊN GIÁO VÀ DÂN VẬN", "Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng",
     "Thành ủy Hải Phòng", "12-KH/BTGDVTU"),
    # a district's board before July 2025, in its capitals
    ("HUYỆN ỦY TIÊN YÊN\nBAN TUYÊN GIÁO", "Ban Tuyên giáo Huyện ủy Tiên Yên", "Huyện ủy Tiên Yên", "12-KH/BTGHU"),
])
def test_a_board_under_its_party_committees_name(header, issuer, parent, number, form):
    plan = header_plan(f"{header}\n*\nSố {number}\n{PARTY_DATE}", form, signature=BOARD_SIGNATURE)
    assert (nfc(plan.issuer), nfc(plan.parent_issuer)) == (issuer, parent)
    assert (nfc(plan.number), plan.date, nfc(plan.province)) == (
        number, "2026-03-05", "Hải Phòng" if "HẢI PHÒNG" in header else "Quảng Ninh")


@pytest.mark.parametrize("form", FORMS)
def test_the_party_committee_of_the_provinces_peoples_committee_in_full(form):
    plan = header_plan(f"ĐẢNG BỘ TỈNH QUẢNG NINH\nĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH\n*\nSố 05-KH/ĐU\n{PARTY_DATE}",
                   form, signature=PARTY_SIGNATURE)
    short = header_plan(f"ĐẢNG BỘ TỈNH QUẢNG NINH\nĐẢNG ỦY UBND TỈNH\n*\nSố 05-KH/ĐU\n{PARTY_DATE}",
                    form, signature=PARTY_SIGNATURE)
    assert nfc(plan.parent_issuer) == "Đảng bộ tỉnh Quảng Ninh"
    assert nfc(plan.id) == nfc(short.id) == "quang-ninh:dang-uy-ubnd-tinh:05-KH/ĐU@2026"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header", [
    # the province on the line under the commune's committee
    "UBND XÃ HIỆP THẠNH\nTỈNH LÂM ĐỒNG\nSố: 15/KH-UBND\nHiệp Thạnh, ngày 05 tháng 3 năm 2026",
    "ỦY BAN NHÂN DÂN\nXÃ HIỆP THẠNH\nTỈNH LÂM ĐỒNG\nSố: 15/KH-UBND\nHiệp Thạnh, ngày 05 tháng 3 năm 2026",
    "UBND XÃ HIỆP THẠNH\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÂM ĐỒNG\t\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 15/KH-UBND\t\tHiệp Thạnh, ngày 05 tháng 3 năm 2026",
    # both on one line
    "UBND XÃ HIỆP THẠNH TỈNH LÂM ĐỒNG\nSố: 15/KH-UBND\nHiệp Thạnh, ngày 05 tháng 3 năm 2026",
    # the province only in the place-line
    "ỦY BAN NHÂN DÂN\nXÃ HIỆP THẠNH\nSố: 15/KH-UBND\nLâm Đồng, ngày 05 tháng 3 năm 2026",
])
def test_a_communes_header_after_july_2025(header, form):
    plan = header_plan(header, form, signature=COMMITTEE_SIGNATURE)
    assert (nfc(plan.issuer), plan.parent_issuer, nfc(plan.province)) == (
        "UBND xã Hiệp Thạnh", None, "Lâm Đồng")
    assert nfc(plan.id) == "lam-dong:xa-hiep-thanh:15/KH-UBND@2026"


@pytest.mark.parametrize("form", FORMS)
def test_a_communes_party_committee_with_its_province_below(form):
    plan = header_plan("ĐẢNG ỦY XÃ HIỆP THẠNH\nTỈNH LÂM ĐỒNG\n*\nSố 15-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
                   "Hiệp Thạnh, ngày 05 tháng 3 năm 2026", form, signature=PARTY_SIGNATURE)
    assert (nfc(plan.issuer), nfc(plan.province)) == ("Đảng ủy xã Hiệp Thạnh", "Lâm Đồng")
    assert nfc(plan.id) == "lam-dong:xa-hiep-thanh:15-KH/ĐU@2026"

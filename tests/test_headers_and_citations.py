# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""A plan's header and citations in styles the layout tests do not cover.

Each test is what an analyst checks on one plan: who issued it and where, when, who
signed, and which documents it carries out with their issuers. Every fixture is read
both in NFC and in NFD, as files arrive either way.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.model import Plan
from policykg.ontology.issuers import local_area
from tests.layouts import parse

FORMS = ("NFC", "NFD")

BODY = """
KẾ HOẠCH
{title}

{opening}

I. NHIỆM VỤ
1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu khoa học. Thời gian: năm 2025.
2. Sở Nội vụ chủ trì rà soát tổ chức bộ máy. Thời gian: Quý III/2025.

Nơi nhận:
- Như trên;
- Lưu: VT.
{signature}
"""
SIGNATURE = "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn Minh"


def plan_of(header: str, form: str, *, title: str = "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
            opening: str = "Căn cứ tình hình thực tế của địa phương,",
            signature: str = SIGNATURE) -> Plan:
    text = header.strip("\n") + "\n" + BODY.format(title=title, opening=opening,
                                                   signature=signature)
    return parse(unicodedata.normalize(form, text))


def ref(plan: Plan, key: str):
    return next(r for r in plan.references if r.key == key)


# --- header ------------------------------------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header,issuer,province", [
    ("BAN THƯỜNG VỤ TỈNH ỦY\nBÌNH ĐỊNH\n*\nSố 45-KH/TU\nQuy Nhơn, ngày 12 tháng 3 năm 2025",
     "Ban Thường vụ Tỉnh ủy Bình Định", "Bình Định"),
    ("TỈNH ỦY\nĐỒNG NAI\n*\nSố 45-KH/TU\nBiên Hòa, ngày 12 tháng 3 năm 2025",
     "Tỉnh ủy Đồng Nai", "Đồng Nai"),
    ("ĐẢNG BỘ TỈNH\nGIA LAI\nTỈNH ỦY\n*\nSố 45-KH/TU\nGia Lai, ngày 12 tháng 3 năm 2025",
     "Tỉnh ủy Gia Lai", "Gia Lai"),
    ("UBND TỈNH\nGIA LAI\nSố: 45/KH-UBND\nGia Lai, ngày 12 tháng 3 năm 2025",
     "UBND tỉnh Gia Lai", "Gia Lai"),
])
def test_a_header_with_its_province_bare_on_the_next_line(header, issuer, province, form):
    plan = plan_of(header, form)
    assert plan.issuer == issuer
    assert plan.province == province
    assert plan.parent_issuer in (None, f"Đảng bộ tỉnh {province}")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header", [
    "BAN THƯỜNG VỤ\nTỈNH ỦY ĐỒNG NAI\n*\nSố 45-KH/TU\nĐồng Nai, ngày 12 tháng 8 năm 2025",
    "TỈNH ỦY ĐỒNG NAI\nBAN THƯỜNG VỤ\n*\nSố 45-KH/TU\nĐồng Nai, ngày 12 tháng 8 năm 2025",
])
def test_the_standing_board_and_its_committee_on_two_lines_are_one_issuer(header, form):
    plan = plan_of(header, form)
    assert plan.issuer == "Ban Thường vụ Tỉnh ủy Đồng Nai"
    assert plan.id == "dong-nai:45-KH/TU@2025"


@pytest.mark.parametrize("form", FORMS)
def test_a_communes_party_committee_under_its_party_organisation(form):
    header = "ĐẢNG BỘ XÃ TÂN PHÚ\nĐẢNG ỦY\n*\nSố 07-KH/ĐU\nĐồng Nai, ngày 20 tháng 9 năm 2025"
    plan = plan_of(header, form, signature="T/M ĐẢNG ỦY\nBÍ THƯ\nĐỗ Minh Tâm")
    assert plan.issuer == "Đảng ủy xã Tân Phú"
    # The commune's committee numbers on its own: not the 07-KH/ĐU of another commune.
    assert plan.id == "dong-nai:xa-tan-phu:07-KH/ĐU@2025"
    other = plan_of(header.replace("TÂN PHÚ", "PHÚ LỘC"), form)
    assert other.id != plan.id
    board = plan_of(header.replace("\nĐẢNG ỦY\n", "\nBAN THƯỜNG VỤ ĐẢNG ỦY\n"), form)
    assert board.issuer == "Ban Thường vụ Đảng ủy xã Tân Phú"


@pytest.mark.parametrize("form", FORMS)
def test_a_ward_with_a_hyphenated_name_numbers_on_its_own(form):
    ward = plan_of("ỦY BAN NHÂN DÂN\nPHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT\nSố: 15/KH-UBND\n"
                   "Lâm Đồng, ngày 15 tháng 7 năm 2025", form, signature="CHỦ TỊCH\nLê Văn An")
    province = plan_of("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 15/KH-UBND\n"
                       "Lâm Đồng, ngày 15 tháng 7 năm 2025", form, signature="CHỦ TỊCH\nLê Văn An")
    assert ward.issuer == "UBND phường Xuân Hương - Đà Lạt"
    assert ward.id != province.id
    assert local_area(ward.issuer) == local_area("Ủy ban nhân dân phường Xuân Hương-Đà Lạt")
    party = plan_of("ĐẢNG BỘ TỈNH LÂM ĐỒNG\nĐẢNG ỦY PHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT\n*\nSố 07-KH/ĐU\n"
                    "Đà Lạt, ngày 12 tháng 8 năm 2025", form)
    assert party.issuer == "Đảng ủy phường Xuân Hương - Đà Lạt"
    assert party.id == "lam-dong:phuong-xuan-huong-da-lat:07-KH/ĐU@2025"


@pytest.mark.parametrize("form", FORMS)
def test_a_date_line_in_another_provinces_town_keeps_the_headers_province(form):
    # Bắc Ninh's seat is in the former Bắc Giang since the 2025 merger.
    header = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 1234/KH-UBND\nBắc Giang, ngày 03 tháng 8 năm 2025"
    plan = plan_of(header, form, signature="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Thị Lan")
    assert plan.province == "Bắc Ninh"
    assert plan.id == "bac-ninh:1234/KH-UBND@2025"
    assert plan.place == "Bắc Giang"  # the place stays as written
    assert plan.date == "2025-08-03"


@pytest.mark.parametrize("form", FORMS)
def test_an_acting_head_signs_with_q(form):
    header = "ỦY BAN NHÂN DÂN\nXÃ ĐỨC PHỔ\nSố: 15/KH-UBND\nQuảng Ngãi, ngày 11 tháng 11 năm 2025"
    plan = plan_of(header, form, signature="Q. CHỦ TỊCH\nNguyễn Văn An")
    assert plan.signer == "Nguyễn Văn An"
    assert plan.signer_capacity == "Q. CHỦ TỊCH"


@pytest.mark.parametrize("form", FORMS)
def test_recipients_written_on_the_line_of_noi_nhan(form):
    header = "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 61/KH-UBND\nGia Lai, ngày 10 tháng 3 năm 2025"
    text = unicodedata.normalize(form, header + BODY.format(
        title="Chuyển đổi số năm 2025", opening="Căn cứ tình hình thực tế,", signature=""
    ).replace("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n",
              "Nơi nhận: Sở Tài chính; Kho bạc Nhà nước; Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
              "Lê Văn Minh"))
    plan = parse(text)
    assert plan.recipients == ["Sở Tài chính", "Kho bạc Nhà nước", "Lưu: VT"]
    assert plan.signer == "Lê Văn Minh"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("label", ["Số hiệu", "Số, ký hiệu", "Số ký hiệu"])
def test_a_web_pages_number_label(label, form):
    header = f"ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\n{label}: 1234/KH-UBND\nGia Lai, ngày 10 tháng 3 năm 2025"
    plan = plan_of(header, form, signature="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Minh")
    assert (plan.number, plan.id) == ("1234/KH-UBND", "gia-lai:1234/KH-UBND@2025")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("date_line,expected", [
    ("Gia Lai, ngày ..... tháng 3 năm 2025", "2025-03"),
    ("Gia Lai, ngày … tháng 3 năm 2025", "2025-03"),
    ("Gia Lai, ngày    tháng 3 năm 2025", "2025-03"),
    ("Gia Lai, ngày .../3/2025", "2025-03"),
    ("ngày ..... tháng 3 năm 2025", "2025-03"),
])
def test_an_unsigned_copy_with_the_day_left_blank(date_line, expected, form):
    header = f"ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố:      /KH-UBND\n{date_line}"
    plan = plan_of(header, form, signature="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    assert plan.date == expected
    assert plan.number is None  # never invented


@pytest.mark.parametrize("form", FORMS)
def test_a_departments_name_inside_a_party_committees_keeps_its_capitals(form):
    header = ("ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH\nĐẢNG ỦY SỞ KHOA HỌC VÀ CÔNG NGHỆ\n*\n"
              "Số 15-KH/ĐU\nGia Lai, ngày 15 tháng 7 năm 2025")
    plan = plan_of(header, form)
    assert plan.issuer == "Đảng ủy Sở Khoa học và Công nghệ"


@pytest.mark.parametrize("form", FORMS)
def test_an_associations_provincial_committee_under_the_national_name(form):
    header = ("HỘI NÔNG DÂN VIỆT NAM\nBCH TỈNH GIA LAI\nSố: 15-KH/HNDT\n"
              "Gia Lai, ngày 15 tháng 7 năm 2025")
    plan = plan_of(header, form)
    assert plan.issuer == "Hội Nông dân tỉnh Gia Lai"
    assert plan.province == "Gia Lai"


# --- citations ---------------------------------------------------------------------------------

PROVINCE_HEADER = "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 61/KH-UBND\nGia Lai, ngày 10 tháng 3 năm 2025"
PROVINCE_SIGNATURE = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Minh"


def cited(opening: str, form: str, title: str = "Chuyển đổi số năm 2025") -> Plan:
    return plan_of(PROVINCE_HEADER, form, title=title, opening=opening,
                   signature=PROVINCE_SIGNATURE)


@pytest.mark.parametrize("form", FORMS)
def test_a_chain_of_plans_in_one_sentence(form):
    plan = cited("Thực hiện Kế hoạch số 40/KH-UBND ngày 21/02/2025 của UBND tỉnh thực hiện "
                 "Chương trình hành động số 20-CTr/TU của Tỉnh ủy thực hiện Nghị quyết số "
                 "57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\nCăn cứ Nghị định số 13/2023/NĐ-CP "
                 "ngày 17/4/2023 của Chính phủ; Công văn số 123/UBND-KT ngày 02/3/2025 của UBND tỉnh,",
                 form)
    keys = [r.key for r in plan.references]
    assert {k: ref(plan, k).relation for k in keys} == {
        "40/KH-UBND": "implements", "20-CTr/TU": "mentions", "57-NQ/TW": "mentions",
        "13/2023/NĐ-CP": "basis", "123/UBND-KT": "basis"}
    links = {(keys[link.child], keys[link.parent]) for link in plan.links}
    assert links == {("40/KH-UBND", "20-CTr/TU"), ("20-CTr/TU", "57-NQ/TW")}
    assert ref(plan, "40/KH-UBND").date == "2025-02-21"


@pytest.mark.parametrize("form", FORMS)
def test_a_guidance_joined_by_and_in_a_later_clause_is_carried_out_too(form):
    plan = cited("Thực hiện Kết luận số 123-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương; "
                 "Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị và Hướng dẫn số "
                 "25-HD/BTGTW ngày 02/02/2025 của Ban Tuyên giáo Trung ương,", form)
    assert {r.key: r.relation for r in plan.references} == {
        "123-KL/TW": "implements", "45-CT/TW": "implements", "25-HD/BTGTW": "implements"}
    assert ref(plan, "25-HD/BTGTW").issuer == "Ban Tuyên giáo Trung ương"


@pytest.mark.parametrize("form", FORMS)
def test_an_issuer_broken_over_a_line_keeps_its_province(form):
    plan = cited("Thực hiện Kế hoạch số 46/KH-UBND ngày 12/8/2025 của UBND tỉnh\n"
                 "Đồng Nai về chuyển đổi số; Kế hoạch số 45-KH/TU ngày 12/8/2025 của Ban Thường vụ Tỉnh ủy\n"
                 "Đồng Nai; Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ\nChính trị,", form)
    state, party, central = (ref(plan, k) for k in ("46/KH-UBND", "45-KH/TU", "45-CT/TW"))
    assert (state.issuer, state.province) == ("UBND tỉnh Đồng Nai", "Đồng Nai")
    assert state.subject == "về chuyển đổi số"
    assert (party.issuer, party.province) == ("Ban Thường vụ Tỉnh ủy Đồng Nai", "Đồng Nai")
    assert central.issuer == "Bộ Chính trị"


@pytest.mark.parametrize("form", FORMS)
def test_a_law_cited_by_its_name_and_year(form):
    plan = cited("Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo năm 2025; Luật Tổ chức "
                 "chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ Luật sửa đổi, bổ sung "
                 "một số điều của Luật Đầu tư và Luật Đấu thầu ngày 29/11/2024;\nTheo đề nghị "
                 "trình dự án Luật có liên quan trong năm 2025,", form)
    laws = {unicodedata.normalize("NFC", r.subject or ""): r for r in plan.references
            if r.doctype == "L"}
    assert set(laws) == {"Luật Khoa học, công nghệ và đổi mới sáng tạo",
                         "Luật Tổ chức chính quyền địa phương"}
    science = laws["Luật Khoa học, công nghệ và đổi mới sáng tạo"]
    assert (science.date, science.relation, science.scope) == ("2025", "basis", "central")
    assert laws["Luật Tổ chức chính quyền địa phương"].date == "2025-06-16"


@pytest.mark.parametrize("form", FORMS)
def test_a_provincial_document_cited_by_type_and_number_only(form):
    plan = cited("Thực hiện Chương trình hành động số 20 của Ban Thường vụ Tỉnh ủy; Kế hoạch 40 "
                 "của UBND tỉnh Đồng Nai; Kế hoạch 2025 của UBND tỉnh,", form)
    assert {r.key: (r.issuer, r.province) for r in plan.references} == {
        "20-CTr/TU": ("Ban Thường vụ Tỉnh ủy", "Gia Lai"),
        "40/KH-UBND": ("UBND tỉnh Đồng Nai", "Đồng Nai"),
    }


@pytest.mark.parametrize("form", FORMS)
def test_a_numbered_law_keeps_its_name(form):
    plan = cited("Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15 ngày "
                 "27/6/2025; Bộ luật Lao động số 45/2019/QH14;", form)
    assert {r.key: (r.doctype, r.subject) for r in plan.references} == {
        "93/2025/QH15": ("L", "Luật Khoa học, công nghệ và đổi mới sáng tạo"),
        "45/2019/QH14": ("L", "Bộ luật Lao động"),
    }
    assert ref(plan, "93/2025/QH15").date == "2025-06-27"

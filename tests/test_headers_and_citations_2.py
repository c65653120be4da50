# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""A plan's header and citations, second sweep: councils' boards, the Youth Union, central
Party committees, joint plans, draft numbers and joint documents cited.

Each test is what an analyst checks on one plan: who issued it, under which body, in which
province, and who issued the documents it carries out. Every fixture is read both in NFC
and in NFD, as files arrive either way.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.model import Plan
from tests.layouts import parse

FORMS = ("NFC", "NFD")

BODY = """
{title}
Hỗ trợ doanh nghiệp nhỏ đổi mới công nghệ năm 2026

{opening}

I. NHIỆM VỤ
1. Sở Tài chính chủ trì bố trí kinh phí hỗ trợ. Thời gian: năm 2026.
2. Sở Công Thương chủ trì tổ chức kết nối cung cầu công nghệ. Thời gian: Quý II/2026.

Nơi nhận:
- Các Sở: Tài chính, Công Thương;
- Lưu: VT.
KT. TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Hoàng Minh Đức
"""


def plan_of(header: str, form: str, *, opening: str = "Căn cứ tình hình thực tế của địa phương,",
            title: str = "KẾ HOẠCH") -> Plan:
    text = header + "\n" + BODY.format(title=title, opening=opening)
    return parse(unicodedata.normalize(form, text))


def nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text is not None else None


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("number_line", ["Số:…../KH-UBND", "Số: ......./KH-UBND", "Số: ___/KH-UBND"])
def test_a_draft_number_written_as_dots_keeps_its_symbol(number_line, form):
    header = f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n{number_line}\nQuảng Trị, ngày…..tháng…..năm 2026"
    plan = plan_of(header, form)
    assert (plan.number, plan.symbol, plan.date) == (None, "KH-UBND", "2026")
    assert any("number is blank" in w for w in plan.warnings)


@pytest.mark.parametrize("form", FORMS)
def test_the_standing_office_of_a_peoples_council_under_the_councils_name(form):
    header = "HĐND TỈNH NGHỆ AN\nTHƯỜNG TRỰC\nSố: 20/KH-TTHĐND\nNghệ An, ngày 01 tháng 10 năm 2025"
    plan = plan_of(header, form)
    assert nfc(plan.issuer) == "Thường trực HĐND tỉnh Nghệ An"
    assert nfc(plan.province) == "Nghệ An"


@pytest.mark.parametrize("form", FORMS)
def test_a_youth_unions_committee_under_the_unions_name(form):
    # "ĐOÀN TNCS HỒ CHÍ MINH" / "BCH TỈNH CÀ MAU" is the body "BCH ĐOÀN TNCS HỒ CHÍ MINH" /
    # "TỈNH CÀ MAU" writes: one issuer, not "BCH tỉnh Cà Mau".
    plans = [plan_of(h + "\nSố: 45-KH/TĐTN\nCà Mau, ngày 02 tháng 9 năm 2025", form)
             for h in ("ĐOÀN TNCS HỒ CHÍ MINH\nBCH TỈNH CÀ MAU\n***",
                       "BCH ĐOÀN TNCS HỒ CHÍ MINH\nTỈNH CÀ MAU\n***")]
    assert {nfc(p.issuer) for p in plans} == {"BCH Đoàn TNCS Hồ Chí Minh tỉnh Cà Mau"}
    assert {nfc(p.id) for p in plans} == {"ca-mau:45-KH/TĐTN@2025"}


@pytest.mark.parametrize("form", FORMS)
def test_the_governments_party_committee_is_central(form):
    # Dated in Hà Nội, but the Government's Party committee is nationwide, not Hà Nội's.
    header = "ĐẢNG ỦY CHÍNH PHỦ\n*\nSố 07-KH/ĐU\nHà Nội, ngày 01 tháng 10 năm 2025"
    plan = plan_of(header, form)
    assert nfc(plan.issuer) == "Đảng ủy Chính phủ"
    assert plan.province is None
    assert nfc(plan.id) == "vn:07-KH/ĐU@2025"


@pytest.mark.parametrize("form", FORMS)
def test_the_fatherland_fronts_name_keeps_viet_nam_in_capitals(form):
    header = "ỦY BAN MTTQ VIỆT NAM\nTỈNH PHÚ THỌ\nSố: 33/KH-MTTQ-BTT\nPhú Thọ, ngày 01 tháng 10 năm 2025"
    plan = plan_of(header, form)
    assert nfc(plan.issuer) == "Ủy ban MTTQ Việt Nam tỉnh Phú Thọ"


@pytest.mark.parametrize("form", FORMS)
def test_a_central_steering_committee_keeps_its_remit(form):
    header = ("BAN CHỈ ĐẠO TRUNG ƯƠNG\nVỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ "
              "CHUYỂN ĐỔI SỐ\n*\nSố 01-KH/BCĐTW\nHà Nội, ngày 01 tháng 10 năm 2025")
    plan = plan_of(header, form)
    assert nfc(plan.issuer) == ("Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, "
                                "đổi mới sáng tạo và chuyển đổi số")
    assert plan.province is None


JOINT = "Sở Khoa học và Công nghệ tỉnh Đắk Lắk – Hội Nông dân tỉnh Đắk Lắk"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header,parent", [
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ – HỘI NÔNG DÂN TỈNH", None),
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ - HỘI NÔNG DÂN TỈNH ĐẮK LẮK", None),
    ("UBND TỈNH ĐẮK LẮK\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nHỘI NÔNG DÂN TỈNH", "UBND tỉnh Đắk Lắk"),
])
def test_a_joint_plan_is_issued_by_both_bodies(header, parent, form):
    plan = plan_of(header + "\nSố: 169/KH-SKHCN-HND\nĐắk Lắk, ngày 10 tháng 9 năm 2025", form,
                   title="KẾ HOẠCH LIÊN TỊCH")
    assert nfc(plan.issuer) == JOINT
    assert nfc(plan.parent_issuer) == parent
    assert (plan.doctype, nfc(plan.province)) == ("KH", "Đắk Lắk")


@pytest.mark.parametrize("form", FORMS)
def test_a_ward_with_a_dash_in_its_name_is_not_a_joint_plan(form):
    header = "ỦY BAN NHÂN DÂN\nPHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT\nSố: 15/KH-UBND\nLâm Đồng, ngày 15 tháng 7 năm 2025"
    plan = plan_of(header, form)
    assert nfc(plan.issuer) == "UBND phường Xuân Hương - Đà Lạt"


PROVINCE = "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 61/KH-UBND\nGia Lai, ngày 10 tháng 3 năm 2025"


@pytest.mark.parametrize("form", FORMS)
def test_a_cited_joint_document_keeps_both_issuers(form):
    plan = plan_of(PROVINCE, form, opening=(
        "Thực hiện Kế hoạch liên tịch số 169/KH-SKHCN-HND ngày 10/9/2025 của Sở Khoa học và "
        "Công nghệ và Hội Nông dân tỉnh; Công văn số 1855/SNNPTNT-VPNTM ngày 02/3/2025 của Sở "
        "Nông nghiệp và Phát triển nông thôn, UBND tỉnh chỉ đạo như sau:"))
    refs = {r.key: r for r in plan.references}
    assert nfc(refs["169/KH-SKHCN-HND"].issuer) == "Sở Khoa học và Công nghệ và Hội Nông dân tỉnh"
    # A letter's second part is its drafting office: one issuer, nothing after it taken in.
    assert nfc(refs["1855/SNNPTNT-VPNTM"].issuer) == "Sở Nông nghiệp và Phát triển nông thôn"


@pytest.mark.parametrize("form", FORMS)
def test_a_basis_list_with_misformatted_numbers_and_a_merged_province(form):
    plan = plan_of(PROVINCE, form, opening=(
        "Căn cứ:\n- Nghị quyết số 36/NQ-TW ngày 30/01/2023 của Bộ Chính trị;\n"
        "- Chương trình hành động số 10- Ctr/TU ngày 05/3/2024 của Tỉnh ủy Bình Định (cũ);\n"
        "- Quyết định số 1131/QĐ-TTg ngày 12/6/2025 của Thủ tướng Chính phủ."))
    refs = {r.key: r for r in plan.references}
    assert set(refs) == {"36-NQ/TW", "10-CTr/TU", "1131/QĐ-TTg"}
    assert {r.relation for r in refs.values()} == {"basis"}
    assert (refs["36-NQ/TW"].date, refs["36-NQ/TW"].scope) == ("2023-01-30", "central")
    assert nfc(refs["10-CTr/TU"].province) == "Bình Định"


@pytest.mark.parametrize("form", FORMS)
def test_a_joint_plan_keeps_each_bodys_signature(form):
    text = (PROVINCE.replace("61/KH-UBND", "169/KH-SKHCN-HND") + "\n"
            + BODY.format(title="KẾ HOẠCH LIÊN TỊCH", opening="Căn cứ tình hình thực tế,")
            .replace("KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nHoàng Minh Đức\n",
                     "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ\nNguyễn Văn An\n"
                     "KT. CHỦ TỊCH HỘI NÔNG DÂN TỈNH\nPHÓ CHỦ TỊCH\nLê Thị Bình\n"))
    plan = parse(unicodedata.normalize(form, text))
    assert nfc(plan.signer) == "Nguyễn Văn An; Lê Thị Bình"
    assert nfc(plan.signer_capacity) == ("GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ; "
                                         "KT. CHỦ TỊCH HỘI NÔNG DÂN TỈNH / PHÓ CHỦ TỊCH")
    assert [nfc(r) for r in plan.recipients] == ["Các Sở: Tài chính, Công Thương", "Lưu: VT"]


@pytest.mark.parametrize("form", FORMS)
def test_documents_joined_by_and_before_one_issuer_are_its_documents(form):
    plan = plan_of(PROVINCE, form, opening=(
        "Thực hiện Chương trình số 30-Ctr/TU ngày 05/3/2025 và Kế hoạch số 45-KH/TU ngày "
        "10/3/2025 của Ban Thường vụ Tỉnh ủy Đồng Nai; Quyết định số 1131/QĐ-TTg ngày 12/6/2025 "
        "và Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ,"))
    refs = {r.key: r for r in plan.references}
    for key in ("30-CTr/TU", "45-KH/TU"):
        assert (nfc(refs[key].issuer), nfc(refs[key].province)) == (
            "Ban Thường vụ Tỉnh ủy Đồng Nai", "Đồng Nai")
    # The Prime Minister's decision is not the Government's: its symbol says another body.
    assert nfc(refs["1131/QĐ-TTg"].issuer) != "Chính phủ"
    assert nfc(refs["71/NQ-CP"].issuer) == "Chính phủ"


@pytest.mark.parametrize("form", FORMS)
def test_a_cited_plan_of_a_central_party_committee_is_nationwide(form):
    plan = plan_of(PROVINCE, form, opening=(
        "Thực hiện Kế hoạch số 07-KH/ĐU ngày 10/01/2025 của Đảng ủy Chính phủ; Kế hoạch số "
        "08-KH/ĐU ngày 12/01/2025 của Đảng ủy xã Ia Grai,"))
    refs = {r.key: r for r in plan.references}
    assert (refs["07-KH/ĐU"].scope, refs["07-KH/ĐU"].province) == ("central", None)
    assert (refs["08-KH/ĐU"].scope, nfc(refs["08-KH/ĐU"].province)) == ("local", "Gia Lai")


@pytest.mark.parametrize("form", FORMS)
def test_a_drafting_office_in_the_symbol_is_not_a_second_issuer(form):
    plan = plan_of(PROVINCE, form, opening=(
        "Thực hiện Chương trình số 12-CTr/TWĐTN-VP ngày 10/01/2026 của Ban Thường vụ Trung ương "
        "Đoàn, Ban Thường vụ Tỉnh đoàn xây dựng kế hoạch như sau:"))
    programme = next(r for r in plan.references if r.key == "12-CTr/TWĐTN-VP")
    assert nfc(programme.issuer) == "Ban Thường vụ Trung ương Đoàn"


@pytest.mark.parametrize("form", FORMS)
def test_an_amending_documents_subject_is_read(form):
    plan = plan_of(PROVINCE, form, opening=(
        "Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, bổ sung, cập nhật "
        "Chương trình hành động của Chính phủ;"))
    resolution = next(r for r in plan.references if r.key == "71/NQ-CP")
    assert nfc(resolution.subject) == ("sửa đổi, bổ sung, cập nhật Chương trình hành động "
                                       "của Chính phủ")
    assert nfc(resolution.issuer) == "Chính phủ"

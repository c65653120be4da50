# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""A plan's header and citations, third sweep: the Party committees of a province's agencies
after 2025, Party headers with the motto and date on the right, header columns a copy joined
into one line, a number or date printed where the header has none, and citations of
dispatches, of glued numbers and of several documents in one "Căn cứ …, thực hiện …" sentence.

Each test is what an analyst checks on one plan: who issued it, under which body, its number,
date and province, and which documents it carries out rather than only cites. Every fixture
is read both in NFC and in NFD, as files arrive either way.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.model import Plan
from tests.layouts import (
    HEADER_BODY,
    PARTY_SIGNATURE,
    STATE_SIGNATURE,
    header_plan,
    nfc,
    parse,
    refs_of,
)

FORMS = ("NFC", "NFD")

# --- Party headers ----------------------------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header", [
    # the left column, then the motto and the place and date of the right one
    "ĐẢNG BỘ TỈNH QUẢNG TRỊ\nĐẢNG ỦY UBND TỈNH\n*\nSố 05-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Trị, ngày 05 tháng 3 năm 2026",
    # both columns on each line, parted by tabs: the "*" under the body's name opens the date line
    "ĐẢNG BỘ TỈNH QUẢNG TRỊ\t\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY UBND TỈNH\n*\t\tQuảng Trị, ngày 05 tháng 3 năm 2026\nSố 05-KH/ĐU",
    # a web page's table, with the motto in a row of its own
    "| ĐẢNG BỘ TỈNH QUẢNG TRỊ | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n| ĐẢNG ỦY UBND TỈNH | |\n| * | Quảng Trị, ngày 05 tháng 3 năm 2026 |\n| Số 05-KH/ĐU | |",
    # the label "Số" left out
    "ĐẢNG BỘ TỈNH QUẢNG TRỊ\nĐẢNG ỦY UBND TỈNH\n*\n05-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nQuảng Trị, ngày 05 tháng 3 năm 2026",
])
def test_a_party_header_with_the_motto_and_date_on_the_right(header, form):
    plan = header_plan(header, form, signature=PARTY_SIGNATURE)
    assert (nfc(plan.issuer), nfc(plan.parent_issuer)) == ("Đảng ủy UBND tỉnh", "Đảng bộ tỉnh Quảng Trị")
    assert (nfc(plan.number), plan.date, nfc(plan.place), nfc(plan.province)) == (
        "05-KH/ĐU", "2026-03-05", "Quảng Trị", "Quảng Trị")
    assert nfc(plan.signer) == "Hà Văn Thắng"


def _party(body: str, form: str) -> Plan:
    return header_plan(f"ĐẢNG BỘ TỈNH CÀ MAU\n{body}\n*\nSố 05-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
                   "Cà Mau, ngày 12 tháng 01 năm 2026", form, signature=PARTY_SIGNATURE)


@pytest.mark.parametrize("form", FORMS)
def test_the_party_committees_of_a_provinces_agencies_number_on_their_own(form):
    # Each of these committees issues its own 05-KH/ĐU in 2026: three plans, not one.
    plans = {body: _party(body, form) for body in (
        "ĐẢNG ỦY UBND TỈNH", "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "ĐẢNG ỦY CÔNG AN TỈNH")}
    assert {nfc(p.issuer) for p in plans.values()} == {
        "Đảng ủy UBND tỉnh", "Đảng ủy các cơ quan Đảng tỉnh", "Đảng ủy Công an tỉnh"}
    assert {nfc(p.id) for p in plans.values()} == {
        "ca-mau:dang-uy-ubnd-tinh:05-KH/ĐU@2026",
        "ca-mau:dang-uy-cac-co-quan-dang-tinh:05-KH/ĐU@2026",
        "ca-mau:dang-uy-cong-an-tinh:05-KH/ĐU@2026"}
    # Its standing board signs the committee's plans: the same numbering.
    board = _party("BAN THƯỜNG VỤ ĐẢNG ỦY UBND TỈNH", form)
    assert board.id == plans["ĐẢNG ỦY UBND TỈNH"].id
    # A commune's committee keeps numbering in its commune.
    commune = _party("ĐẢNG ỦY XÃ KHÁNH BÌNH", form)
    assert nfc(commune.id) == "ca-mau:xa-khanh-binh:05-KH/ĐU@2026"


@pytest.mark.parametrize("form", FORMS)
def test_a_party_cell_of_a_village_keeps_the_villages_name(form):
    header = ("ĐẢNG BỘ XÃ MỸ HÒA HƯNG\nCHI BỘ ẤP MỸ AN\n*\nSố 03-KH/CB\nĐẢNG CỘNG SẢN VIỆT NAM\n"
              "Mỹ Hòa Hưng, ngày 20 tháng 01 năm 2026")
    plan = header_plan(header, form, signature="T/M CHI BỘ\nBÍ THƯ\nTrần Văn Nghĩa")
    assert (nfc(plan.issuer), nfc(plan.parent_issuer)) == ("Chi bộ ấp Mỹ An", "Đảng bộ xã Mỹ Hòa Hưng")
    assert (nfc(plan.number), plan.date) == ("03-KH/CB", "2026-01-20")


# --- state headers --------------------------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header", [
    # the number on the department's line after tabs, or after wide spaces
    "UBND TỈNH LÀO CAI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\t\tSố: 125/KH-SKHCN\nLào Cai, ngày 05 tháng 3 năm 2026",
    "UBND TỈNH LÀO CAI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ        Số 125/KH-SKHCN\nLào Cai, ngày 05 tháng 3 năm 2026",
    # the committee and its department joined on one line
    "UBND TỈNH LÀO CAI SỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 125/KH-SKHCN\nLào Cai, ngày 05 tháng 3 năm 2026",
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI SỞ KHOA HỌC VÀ CÔNG NGHỆ Số: 125/KH-SKHCN\nLào Cai, ngày 05 tháng 3 năm 2026",
    # the number without its label, stray spaces in the number and the date
    "UBND TỈNH LÀO CAI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\n125/KH-SKHCN\nLào Cai, ngày 05 tháng 3 năm 2026",
    "UBND TỈNH LÀO CAI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố 125 /KH-SKHCN\nLào Cai, ngày  05  tháng 3  năm 2026",
    "UBND TỈNH LÀO CAI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố : 125 / KH - SKHCN\nLào Cai, ngày 5/3/2026",
])
def test_a_departments_header_however_the_copy_laid_it_out(header, form):
    plan = header_plan(header, form)
    assert (nfc(plan.issuer), nfc(plan.parent_issuer)) == (
        "Sở Khoa học và Công nghệ tỉnh Lào Cai", "UBND tỉnh Lào Cai")
    assert (nfc(plan.number), plan.date, nfc(plan.province)) == ("125/KH-SKHCN", "2026-03-05", "Lào Cai")
    assert nfc(plan.id) == "lao-cai:125/KH-SKHCN@2026"


@pytest.mark.parametrize("form", FORMS)
def test_a_sub_units_code_stays_in_the_number(form):
    header = "UBND TỈNH AN GIANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 125/KH-SKHCN-QLKH\nRạch Giá, ngày 05 tháng 3 năm 2026"
    plan = header_plan(header, form)
    assert (nfc(plan.number), nfc(plan.symbol)) == ("125/KH-SKHCN-QLKH", "KH-SKHCN-QLKH")
    assert (nfc(plan.issuer), nfc(plan.province)) == ("Sở Khoa học và Công nghệ tỉnh An Giang", "An Giang")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("signature", [
    "Lào Cai, ngày 05 tháng 3 năm 2026\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLò Thị Mai",
    "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLò Thị Mai\nLào Cai, ngày 05 tháng 3 năm 2026",
])
def test_a_date_printed_by_the_signature_when_the_header_has_none(signature, form):
    plan = header_plan("UBND TỈNH LÀO CAI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 125/KH-SKHCN", form,
                   signature=signature)
    assert (plan.date, nfc(plan.place), nfc(plan.id)) == (
        "2026-03-05", "Lào Cai", "lao-cai:125/KH-SKHCN@2026")
    assert (nfc(plan.signer), nfc(plan.signer_capacity)) == ("Lò Thị Mai", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("header,issuer,province,scope", [
    # a department of the merged province, dated in its new seat (Bình Định's former capital)
    ("UBND TỈNH GIA LAI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 125/KH-SKHCN\nQuy Nhơn, ngày 05 tháng 3 năm 2026",
     "Sở Khoa học và Công nghệ tỉnh Gia Lai", "Gia Lai", "gia-lai"),
    ("ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC\nSố: 45/KH-UBND\nPhú Quốc, ngày 5/3/2026",
     "UBND đặc khu Phú Quốc", "An Giang", "an-giang:dac-khu-phu-quoc"),
    ("ỦY BAN NHÂN DÂN\nPHƯỜNG QUY NHƠN\nSố: 45/KH-UBND\nQuy Nhơn, ngày 05 tháng 3 năm 2026",
     "UBND phường Quy Nhơn", "Gia Lai", "gia-lai:phuong-quy-nhon"),
])
def test_bodies_of_the_provinces_since_july_2025(header, issuer, province, scope, form):
    plan = header_plan(header, form, signature="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLò Thị Mai")
    assert (nfc(plan.issuer), nfc(plan.province)) == (issuer, province)
    assert nfc(plan.id) == f"{scope}:{nfc(plan.number)}@2026"


# --- citations --------------------------------------------------------------------------------

DEPARTMENT = "UBND TỈNH TUYÊN QUANG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 125/KH-SKHCN\nTuyên Quang, ngày 05 tháng 3 năm 2026"
PARTY = ("ĐẢNG BỘ TỈNH TUYÊN QUANG\nĐẢNG ỦY UBND TỈNH\n*\nSố 05-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
         "Tuyên Quang, ngày 05 tháng 3 năm 2026")


def cited(opening: str, form: str, header: str = DEPARTMENT) -> Plan:
    return header_plan(header, form, opening=opening)


@pytest.mark.parametrize("form", FORMS)
def test_a_prime_ministers_dispatch_is_nationwide_and_carried_out(form):
    plan = cited("Thực hiện Công điện số 12/CĐ-TTg ngày 20/02/2026 của Thủ tướng Chính phủ và Văn bản "
                 "số 250/UBND-KT ngày 25/02/2026 của UBND tỉnh Tuyên Quang, Sở Khoa học và Công nghệ "
                 "ban hành Kế hoạch như sau:", form)
    refs = refs_of(plan)
    dispatch = refs["12/CĐ-TTg"]
    assert (dispatch.doctype, dispatch.scope, dispatch.province) == ("CĐ", "central", None)
    assert {k: r.relation for k, r in refs.items()} == {
        "12/CĐ-TTg": "implements", "250/UBND-KT": "implements"}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("joint", [", thực hiện", " và để triển khai", ", để triển khai thực hiện có hiệu quả"])
def test_a_basis_and_a_plan_carried_out_in_one_sentence(joint, form):
    plan = cited("Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá "
                 f"nhân{joint} Kế hoạch số 40/KH-UBND ngày 21/02/2026 của UBND tỉnh Tuyên Quang, Sở "
                 "Khoa học và Công nghệ ban hành Kế hoạch như sau:", form)
    refs = refs_of(plan)
    assert {k: r.relation for k, r in refs.items()} == {
        "13/2023/NĐ-CP": "basis", "40/KH-UBND": "implements"}
    # The Government's decree carries out no plan of a province.
    assert plan.links == []


@pytest.mark.parametrize("form", FORMS)
def test_a_chain_without_a_comma_is_still_read(form):
    plan = cited("Thực hiện Kế hoạch số 40/KH-UBND ngày 21/02/2026 của UBND tỉnh thực hiện Nghị quyết "
                 "số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Sở Khoa học và Công nghệ ban hành Kế "
                 "hoạch như sau:", form)
    keys = [nfc(r.key) for r in plan.references]
    assert {(keys[link.child], keys[link.parent]) for link in plan.links} == {("40/KH-UBND", "57-NQ/TW")}
    assert refs_of(plan)["40/KH-UBND"].relation == "implements"


@pytest.mark.parametrize("form", FORMS)
def test_the_party_committees_of_agencies_cited_by_name(form):
    plan = cited("Thực hiện Kế hoạch số 03-KH/ĐU ngày 10/02/2026 của Đảng ủy các cơ quan Đảng tỉnh; Chỉ "
                 "thị số 07-CT/ĐU ngày 12/01/2026 của Ban Thường vụ Đảng ủy UBND tỉnh; Nghị quyết số "
                 "71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, bổ sung Chương trình hành động của "
                 "Chính phủ, Ban Thường vụ Đảng ủy UBND tỉnh ban hành Kế hoạch như sau:", form, PARTY)
    refs = refs_of(plan)
    assert (nfc(refs["03-KH/ĐU"].issuer), nfc(refs["03-KH/ĐU"].province)) == (
        "Đảng ủy các cơ quan Đảng tỉnh", "Tuyên Quang")
    assert nfc(refs["07-CT/ĐU"].issuer) == "Ban Thường vụ Đảng ủy UBND tỉnh"
    # The subject ends where the plan's own sentence begins.
    assert nfc(refs["71/NQ-CP"].subject) == ("sửa đổi, bổ sung Chương trình hành động của Chính phủ")
    assert {r.relation for r in refs.values()} == {"implements"}


@pytest.mark.parametrize("form", FORMS)
def test_another_committees_document_of_the_plans_own_number(form):
    # 05-KH/ĐU of the Party committee of the Party agencies is not the plan's own 05-KH/ĐU.
    plan = cited("Thực hiện Kế hoạch số 05-KH/ĐU ngày 20/01/2026 của Đảng ủy các cơ quan Đảng tỉnh "
                 "Tuyên Quang, Ban Thường vụ Đảng ủy UBND tỉnh ban hành Kế hoạch như sau:", form, PARTY)
    assert nfc(plan.number) == "05-KH/ĐU"
    assert {k: r.relation for k, r in refs_of(plan).items()} == {"05-KH/ĐU": "implements"}
    own = cited("Thực hiện Kế hoạch số 05-KH/ĐU ngày 20/01/2026 của Ban Thường vụ Đảng ủy UBND tỉnh,",
                form, PARTY)
    assert refs_of(own) == {}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("written", [
    "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
    "Nghi quyet 57-NQ/TW ngay 22/12/2024 cua Bo Chinh tri",
    "Nghị quyết số: 57/NQ-TW ngày 22/12/2024 của Bộ Chính trị",
    "Nghị quyết 57 - NQ/ TW ngày 22/12/2024 của Bộ Chính trị",
    "NQ số 57 ngày 22/12/2024 của Bộ Chính trị",
    "NQ57 ngày 22/12/2024 của Bộ Chính trị",
])
def test_the_politburos_resolution_however_a_portal_typed_it(written, form):
    plan = cited(f"Thực hiện {written}, Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:", form)
    refs = refs_of(plan)
    assert set(refs) == {"57-NQ/TW"}
    resolution = refs["57-NQ/TW"]
    assert (resolution.relation, resolution.date, resolution.scope) == ("implements", "2024-12-22", "central")


@pytest.mark.parametrize("form", FORMS)
def test_a_resolution_cited_later_by_its_number_alone_is_the_one_cited_in_full(form):
    text = (DEPARTMENT + "\n" + HEADER_BODY.format(
        title="Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị năm 2026",
        opening="Căn cứ Nghị quyết 193/2025/QH15 ngày 19/02/2025 của Quốc hội; Thực hiện Kế hoạch số "
                "40/KH-UBND ngày 21/02/2026 của UBND tỉnh, Sở Khoa học và Công nghệ ban hành Kế hoạch:",
        signature=STATE_SIGNATURE).replace(
        "rà soát nhiệm vụ khoa học và công nghệ cấp tỉnh",
        "rà soát nhiệm vụ khoa học theo Nghị quyết 57 và Kế hoạch 40 của UBND tỉnh"))
    plan = parse(unicodedata.normalize(form, text))
    refs = refs_of(plan)
    assert {k: r.relation for k, r in refs.items()} == {
        "57-NQ/TW": "implements", "193/2025/QH15": "basis", "40/KH-UBND": "implements"}
    assert len(refs["57-NQ/TW"].mentions) == 2
    assert len(refs["40/KH-UBND"].mentions) == 2


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("opening,key,issuer", [
    ("Thực hiện ý kiến chỉ đạo của UBND tỉnh tại Văn bản số 250/UBND-KT ngày 25/02/2026,",
     "250/UBND-KT", "UBND tỉnh"),
    ("Thực hiện chỉ đạo của Chủ tịch UBND tỉnh Tuyên Quang tại Công văn số 250/UBND-KT ngày 25/02/2026 về triển khai Nghị quyết số 57-NQ/TW,",
     "250/UBND-KT", "Chủ tịch UBND tỉnh Tuyên Quang"),
    ("Triển khai nhiệm vụ được giao tại Quyết định số 125/QĐ-UBND ngày 10/01/2026 của UBND tỉnh,",
     "125/QĐ-UBND", "UBND tỉnh"),
])
def test_a_directive_carried_out_at_the_document_that_gives_it(opening, key, issuer, form):
    plan = cited(opening + " Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:", form)
    letter = refs_of(plan)[key]
    assert (letter.relation, nfc(letter.issuer), letter.scope) == ("implements", issuer, "local")
    assert nfc(letter.province) == "Tuyên Quang"


@pytest.mark.parametrize("form", FORMS)
def test_checking_a_directive_given_at_a_document_is_not_carrying_it_out(form):
    plan = cited("Căn cứ Quyết định số 125/QĐ-UBND ngày 10/01/2026 của UBND tỉnh; để kiểm tra việc "
                 "thực hiện nhiệm vụ được giao tại Kế hoạch số 40/KH-UBND ngày 21/02/2026 của UBND "
                 "tỉnh, Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:", form)
    assert {k: r.relation for k, r in refs_of(plan).items()} == {
        "125/QĐ-UBND": "basis", "40/KH-UBND": "basis"}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("gap", ["\t\t\t", " " * 20])
def test_a_date_laid_beside_noi_nhan_is_the_plans_not_a_recipient(gap, form):
    closing = (f"Nơi nhận:{gap}Lào Cai, ngày 05 tháng 3 năm 2026\n- Như trên;{gap}KT. GIÁM ĐỐC\n"
               f"- Lưu: VT.{gap}PHÓ GIÁM ĐỐC\n\n{gap}Lò Thị Mai\n")
    text = ("UBND TỈNH LÀO CAI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 125/KH-SKHCN\n"
            + HEADER_BODY.format(title="Triển khai chuyển đổi số năm 2026", opening="Căn cứ tình hình thực tế,",
                          signature="").split("Nơi nhận:")[0] + closing)
    plan = parse(unicodedata.normalize(form, text))
    assert (plan.date, nfc(plan.place)) == ("2026-03-05", "Lào Cai")
    assert [nfc(r) for r in plan.recipients] == ["Như trên", "Lưu: VT"]
    assert (nfc(plan.signer), nfc(plan.signer_capacity)) == ("Lò Thị Mai", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")

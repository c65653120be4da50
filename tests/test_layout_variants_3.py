# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Plans in layouts and wordings the other layout test files do not cover, read as a careful reader would.

Our own writing in the Vietnamese administrative style: a department's yearly work programme
("CHƯƠNG TRÌNH CÔNG TÁC …") whose tables mark quarters under one "Quý" header and months under a
time header numbered 1 … 12; a department plan numbered three levels deep, its labels alone on
their line with the units below, lettered labels and a plan carrying out two Party documents; a
provincial plan in prose with abbreviated and lower-case unit names, roles noted in brackets and
an assignment after ";"; a commune's plan after July 2025; a Word copy with tabs after bullets
and labels, invisible characters and a page break inside a list of units; a health department's
plan whose district centres are its own; a department's plan with other wordings of its labels,
two fields on one line and roles written inside a label's value.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.ontology.normalize import fold
from tests.layouts import (
    assert_same_reading_in_any_form,
    find,
    parse,
    ref_keys,
    relations,
    units_of,
)

# --- 1. A department's work programme: "CHƯƠNG TRÌNH CÔNG TÁC …", quarters under "Quý" ------

CTR_CONG_TAC = """UBND TỈNH HÀ GIANG
SỞ TƯ PHÁP
Số: 12/CTr-STP

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Giang, ngày 08 tháng 01 năm 2026

CHƯƠNG TRÌNH CÔNG TÁC TƯ PHÁP NĂM 2026

Căn cứ Quyết định số 20/QĐ-UBND ngày 05/01/2026 của UBND tỉnh ban hành Chương trình công tác năm 2026, Sở Tư pháp ban hành Chương trình công tác như sau:

I. NHIỆM VỤ TRỌNG TÂM

| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Quý | | | |
|---|---|---|---|---|---|---|---|
| | | | | I | II | III | IV |
| 1 | Thẩm định dự thảo văn bản quy phạm pháp luật do UBND tỉnh ban hành | Phòng Xây dựng và Kiểm tra văn bản | Văn phòng Sở | x | x | x | x |
| 2 | Kiểm tra công tác đăng ký hộ tịch tại các xã, phường | Phòng Hành chính tư pháp | UBND các xã, phường | | x | | |
| 3 | Tổng kết công tác tư pháp năm 2026 | Văn phòng Sở | Các phòng, đơn vị thuộc Sở | | | | x |

II. PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT

| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan tham gia | Tiến độ thực hiện | | | | | | | | | | | |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| | | | | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 |
| 1 | Tổ chức Ngày Pháp luật Việt Nam tại các trường học | Phòng Phổ biến, giáo dục pháp luật | Sở Giáo dục và Đào tạo | | | | | | | | | | | x | |
| 2 | Cập nhật văn bản pháp luật lên Cổng thông tin điện tử của Sở | Văn phòng Sở | | x | x | x | x | x | x | x | x | x | x | x | x |

III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, đôn đốc việc thực hiện Chương trình.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.

GIÁM ĐỐC

Hoàng Minh Đức
"""


def test_programme_of_work_keeps_its_whole_name_as_title():
    plan = parse(CTR_CONG_TAC)
    assert plan.doctype == "CTr" and plan.number == "12/CTr-STP"
    assert plan.title == "CHƯƠNG TRÌNH CÔNG TÁC TƯ PHÁP NĂM 2026"
    assert relations(plan) == {"20/QĐ-UBND": "basis"}


@pytest.mark.parametrize(("heading", "doctype", "title"), [
    ("CHƯƠNG TRÌNH CÔNG TÁC\nNĂM 2026", "CTr", "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026"),
    ("KẾ HOẠCH CÔNG TÁC NĂM 2026", "KH", "KẾ HOẠCH CÔNG TÁC NĂM 2026"),
    ("CHƯƠNG TRÌNH\nCông tác tư pháp năm 2026", "CTr", "Công tác tư pháp năm 2026"),
    ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết số 57-NQ/TW", "CTr",
     "Thực hiện Nghị quyết số 57-NQ/TW"),
    ("KẾ HOẠCH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW", "KH",
     "THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW"),
])
def test_type_names_of_several_words(heading, doctype, title):
    plan = parse(CTR_CONG_TAC.replace("CHƯƠNG TRÌNH CÔNG TÁC TƯ PHÁP NĂM 2026", heading))
    assert (plan.doctype, plan.title) == (doctype, title)


def test_quarters_numbered_under_one_quy_header():
    plan = parse(CTR_CONG_TAC)
    review = find(plan, "Thẩm định dự thảo văn bản")
    assert review.deadline is not None and review.deadline.text == "Quý I - Quý IV"
    assert (review.deadline.start_year, review.deadline.end_year) == (2026, 2026)
    civil = find(plan, "đăng ký hộ tịch")
    assert civil.deadline is not None and civil.deadline.text == "Quý II"
    assert units_of(civil, "lead") == {"phong hanh chinh tu phap"}
    assert units_of(civil, "support") == {"ubnd cac xa, phuong"}
    closing = find(plan, "Tổng kết công tác tư pháp")
    assert closing.deadline is not None and closing.deadline.text == "Quý IV"
    # The numerals are neither tasks nor units.
    assert not [t for t in plan.tasks if fold(t.text) in ("i", "ii", "x", "quy")]


def test_months_numbered_under_a_time_header():
    plan = parse(CTR_CONG_TAC)
    day = find(plan, "Ngày Pháp luật Việt Nam")
    assert day.deadline is not None and day.deadline.text == "Tháng 11"
    assert day.deadline.date == "2026-11"
    assert units_of(day, "lead") == {"phong pho bien, giao duc phap luat"}
    assert units_of(day, "participate") == {"so giao duc va dao tao"}
    portal = find(plan, "Cổng thông tin điện tử của Sở")
    assert portal.deadline is not None and portal.deadline.text == "Tháng 1 - Tháng 12"
    assert (portal.deadline.start_year, portal.deadline.end_year) == (2026, 2026)


def test_numbers_under_a_time_header_that_could_be_quarters_or_months():
    # "1 | 2 | 3 | 4" under "Thời gian thực hiện": no reader can tell; the mark is no deadline.
    text = CTR_CONG_TAC.replace("| Quý | | | |", "| Thời gian thực hiện | | | |").replace(
        "| I | II | III | IV |", "| 1 | 2 | 3 | 4 |")
    review = find(parse(text), "Thẩm định dự thảo văn bản")
    assert review.deadline is None or review.deadline.text not in ("x", "X")


# --- 2. Department plan: three-level numbers, labels alone on their line, two Party documents --

SO_NNMT_BA_CAP = """UBND TỈNH SƠN LA
SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 305/KH-SNNMT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Sơn La, ngày 14 tháng 3 năm 2026

KẾ HOẠCH
Thực hiện Nghị quyết số 19-NQ/TW và Kết luận số 54-KL/TW về nông nghiệp, nông dân, nông thôn

Thực hiện Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương về nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045 và Kết luận số 54-KL/TW ngày 07/8/2019 của Ban Bí thư; Quyết định số 150/QĐ-TTg ngày 28/01/2022 của Thủ tướng Chính phủ, Sở Nông nghiệp và Môi trường xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Cụ thể hóa các nhiệm vụ của ngành trong giai đoạn mới.

II. NHIỆM VỤ CỤ THỂ
1. Phát triển sản xuất nông nghiệp hàng hóa
1.1. Chi cục Trồng trọt và Bảo vệ thực vật
1.1.1. Xây dựng vùng nguyên liệu cà phê đạt chứng nhận hữu cơ.
1.1.2. Hướng dẫn nông dân ghi chép nhật ký đồng ruộng điện tử.
1.2. Chi cục Chăn nuôi, Thủy sản và Thú y
1.2.1. Giám sát dịch tả lợn châu Phi tại các xã biên giới.
2. Ứng dụng khoa học công nghệ
2.1. Chuyển giao giống ngô chịu hạn cho các xã vùng cao.
Đơn vị thực hiện:
Trung tâm Khuyến nông
Đơn vị phối hợp:
UBND các xã, phường
Hội Nông dân tỉnh
Tiến độ: 6 tháng đầu năm 2026
2.2. Xây dựng cơ sở dữ liệu đất trồng trọt của tỉnh.
Cơ quan chủ trì: Phòng Kế hoạch - Tài chính
Thời hạn: trước ngày 15/12 hằng năm
2.3. Tổng kết mô hình liên kết chuỗi giá trị.
a) Đơn vị chủ trì: Văn phòng Sở
b) Đơn vị phối hợp: Chi cục Phát triển nông thôn
c) Thời gian hoàn thành: năm 2026 - 2030
2.4. Duy trì cơ sở dữ liệu giống cây trồng.
- Đơn vị thực hiện: Trung tâm Giống cây trồng
- Thời gian: thường xuyên

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở báo cáo kết quả về Văn phòng Sở trước ngày 10/12 hằng năm.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, KHTC.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Cầm Văn Chung
"""


def test_plan_carrying_out_two_party_documents_at_once():
    plan = parse(SO_NNMT_BA_CAP)
    assert {"19-NQ/TW", "54-KL/TW", "150/QĐ-TTg"} <= ref_keys(plan)
    # "Thực hiện A … về <its subject> và B …": B is carried out as well as A.
    rel = relations(plan)
    assert rel["19-NQ/TW"] == "implements" and rel["54-KL/TW"] == "implements"
    assert rel["150/QĐ-TTg"] == "implements"


def test_three_level_numbers_take_the_unit_of_their_heading():
    plan = parse(SO_NNMT_BA_CAP)
    coffee = find(plan, "cà phê đạt chứng nhận hữu cơ")
    assert coffee.number == "1.1.1"
    assert units_of(coffee, "lead") == {"chi cuc trong trot va bao ve thuc vat"}
    diary = find(plan, "nhật ký đồng ruộng điện tử")
    assert units_of(diary, "lead") == {"chi cuc trong trot va bao ve thuc vat"}
    swine = find(plan, "dịch tả lợn châu Phi")
    assert units_of(swine, "lead") == {"chi cuc chan nuoi, thuy san va thu y"}
    # The unit headings are groups, not tasks.
    assert not [t for t in plan.tasks if fold(t.text).startswith("chi cuc")]


def test_labels_alone_on_their_line_with_units_below():
    plan = parse(SO_NNMT_BA_CAP)
    maize = find(plan, "giống ngô chịu hạn")
    assert maize.text == "Chuyển giao giống ngô chịu hạn cho các xã vùng cao."
    assert units_of(maize, "lead") == {"trung tam khuyen nong"}
    assert units_of(maize, "support") == {"ubnd cac xa, phuong", "hoi nong dan tinh"}
    assert maize.deadline is not None and maize.deadline.text == "6 tháng đầu năm 2026"
    assert (maize.deadline.start_year, maize.deadline.end_year) == (2026, 2026)
    assert not maize.steps  # the units are not steps of the task


def test_label_variants_and_their_deadlines():
    plan = parse(SO_NNMT_BA_CAP)
    soil = find(plan, "cơ sở dữ liệu đất trồng trọt")
    assert units_of(soil, "lead") == {fold("Phòng Kế hoạch – Tài chính")}
    assert soil.deadline is not None and soil.deadline.recurrence == "yearly"
    assert soil.deadline.date == "--12-15"
    seeds = find(plan, "cơ sở dữ liệu giống cây trồng")
    assert units_of(seeds, "lead") == {"trung tam giong cay trong"}
    assert seeds.deadline is not None and seeds.deadline.recurrence == "ongoing"


def test_lettered_labels_are_the_tasks_fields():
    plan = parse(SO_NNMT_BA_CAP)
    chain = find(plan, "liên kết chuỗi giá trị")
    assert units_of(chain, "lead") == {"van phong so"}
    assert units_of(chain, "support") == {"chi cuc phat trien nong thon"}
    assert chain.deadline is not None and chain.deadline.text == "năm 2026 - 2030"
    assert (chain.deadline.start_year, chain.deadline.end_year) == (2026, 2030)
    # No task is only a label.
    assert all(t.text.strip() for t in plan.tasks)
    assert not [t for t in plan.tasks if fold(t.text).startswith(("don vi", "thoi gian"))]


# --- 3. Provincial plan in prose: abbreviations, lower case, roles in brackets, ";" ------------

UBND_VAN_XUOI = """ỦY BAN NHÂN DÂN
TỈNH YÊN BÁI
Số: 118/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Yên Bái, ngày 20 tháng 5 năm 2024

KẾ HOẠCH
Triển khai NQ số 36-NQ/TW về phát triển và ứng dụng công nghệ sinh học

Thực hiện NQ số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị; Nghị quyết 189/NQ-CP ngày 16/11/2023 của Chính phủ; Quyết định số 673/QĐ-TTg ngày 10/5/2023 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Quán triệt sâu rộng Nghị quyết 36 trong cán bộ, đảng viên và Nhân dân.

II. NHIỆM VỤ, GIẢI PHÁP
1. Giao Sở KH&ĐT chủ trì, phối hợp với Sở Tài chính và các đơn vị liên quan tổ chức thực hiện việc bố trí vốn đầu tư cho các dự án công nghệ sinh học.
2. Sở NN&PTNT chủ trì, phối hợp với Sở TN&MT, Sở KH&CN xây dựng vùng sản xuất giống cây trồng ứng dụng công nghệ sinh học.
3. Xây dựng phòng thí nghiệm công nghệ sinh học cấp tỉnh: Sở Khoa học và Công nghệ (chủ trì); Sở Y tế, Sở GD&ĐT (phối hợp).
4. Sở VHTTDL (chủ trì), Sở Thông tin và Truyền thông (phối hợp) tuyên truyền về ứng dụng công nghệ sinh học trong đời sống.
5. Hỗ trợ doanh nghiệp đăng ký bảo hộ giống cây trồng mới; Sở Khoa học và Công nghệ chủ trì, phối hợp với sở nông nghiệp và phát triển nông thôn, công an tỉnh thực hiện.
6. Tập huấn an toàn sinh học cho người lao động (BHXH tỉnh, LĐLĐ tỉnh, Sở Y tế phối hợp).
7. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ chủ động triển khai thực hiện Kế hoạch.
8. Sở Khoa học và Công nghệ chủ trì thẩm định công nghệ các dự án đầu tư, phối hợp với các sở: Tài chính, Xây dựng, Văn hóa, Thể thao và Du lịch.

III. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ theo dõi, tổng hợp, báo cáo UBND tỉnh trước ngày 15/12 hằng năm.

Nơi nhận:
- Bộ KH&CN;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Văn Bình
"""


def test_short_reference_forms_are_one_document_each():
    plan = parse(UBND_VAN_XUOI)
    assert {"36-NQ/TW", "189/NQ-CP", "673/QĐ-TTg"} <= ref_keys(plan)
    rel = relations(plan)
    assert rel["36-NQ/TW"] == rel["189/NQ-CP"] == rel["673/QĐ-TTg"] == "implements"
    ttg = next(r for r in plan.references if r.key == "673/QĐ-TTg")
    assert ttg.date == "2023-05-10" and fold(ttg.issuer or "") == "thu tuong chinh phu"
    # "Nghị quyết 36" without its symbol is the 36-NQ/TW the plan cites in full.
    nq36 = next(r for r in plan.references if r.key == "36-NQ/TW")
    assert any("Nghị quyết 36 trong" in m.quote for m in nq36.mentions)
    assert not [r for r in plan.references if r.key is None and r.doctype == "NQ"]


def test_giao_with_partners_and_abbreviated_departments():
    plan = parse(UBND_VAN_XUOI)
    capital = find(plan, "bố trí vốn đầu tư")
    assert units_of(capital, "lead") == {"so ke hoach va dau tu"}
    assert units_of(capital, "support") == {"so tai chinh", "cac don vi lien quan"}
    seeds = find(plan, "vùng sản xuất giống cây trồng")
    assert units_of(seeds, "lead") == {"so nong nghiep va phat trien nong thon"}
    assert units_of(seeds, "support") == {"so tai nguyen va moi truong", "so khoa hoc va cong nghe"}


def test_roles_noted_in_brackets_after_the_names():
    plan = parse(UBND_VAN_XUOI)
    lab = find(plan, "phòng thí nghiệm công nghệ sinh học")
    assert lab.text == "Xây dựng phòng thí nghiệm công nghệ sinh học cấp tỉnh"
    assert units_of(lab, "lead") == {"so khoa hoc va cong nghe"}
    assert units_of(lab, "support") == {"so y te", "so giao duc va dao tao"}
    # The same notes on the sentence's subject.
    media = find(plan, "trong đời sống")
    assert units_of(media, "lead") == {"so van hoa, the thao va du lich"}
    assert units_of(media, "support") == {"so thong tin va truyen thong"}


def test_assignment_after_a_semicolon_with_lower_case_partners():
    plan = parse(UBND_VAN_XUOI)
    pvp = find(plan, "bảo hộ giống cây trồng mới")
    assert units_of(pvp, "lead") == {"so khoa hoc va cong nghe"}
    assert units_of(pvp, "support") == {"so nong nghiep va phat trien nong thon", "cong an tinh"}
    # Written in lower case, resolved to the official spelling.
    names = {u.canonical for u in pvp.units}
    assert "Sở Nông nghiệp và Phát triển nông thôn" in names and "Công an tỉnh" in names


def test_abbreviated_bodies_in_a_bracket_are_each_a_partner():
    plan = parse(UBND_VAN_XUOI)
    safety = find(plan, "an toàn sinh học")
    assert units_of(safety, "support") == {
        "bao hiem xa hoi tinh", "lien doan lao dong tinh", "so y te"}


def test_departments_listed_after_one_shared_head():
    plan = parse(UBND_VAN_XUOI)
    appraisal = find(plan, "thẩm định công nghệ các dự án đầu tư")
    assert units_of(appraisal, "lead") == {"so khoa hoc va cong nghe"}
    assert units_of(appraisal, "support") == {
        "so tai chinh", "so xay dung", "so van hoa, the thao va du lich"}


def test_collective_and_district_bodies_lead_together():
    plan = parse(UBND_VAN_XUOI)
    every = find(plan, "căn cứ chức năng, nhiệm vụ chủ động")
    assert units_of(every, "lead") == {"cac so, ban, nganh", "ubnd cac huyen, thi xa, thanh pho"}
    kinds = {fold(u.canonical): u.category for u in every.units}
    assert kinds["cac so, ban, nganh"] == "collective"


# --- 4. A commune's plan after July 2025: its own offices, two resolutions in the title -------

UBND_XA_SAP_NHAP = """ỦY BAN NHÂN DÂN
XÃ MƯỜNG LA
Số: 27/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Mường La, ngày 10 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện Nghị quyết 57 và Nghị quyết 66 trên địa bàn xã năm 2025 - 2026

Thực hiện Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia và Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác xây dựng và thi hành pháp luật; Kế hoạch số 150/KH-UBND ngày 20/8/2025 của UBND tỉnh Sơn La, UBND xã xây dựng Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Triển khai kịp thời, đồng bộ các nhiệm vụ được giao.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Văn phòng HĐND và UBND xã
- Tham mưu UBND xã kiện toàn Tổ công nghệ số cộng đồng tại các bản; hoàn thành trong tháng 10/2025.
- Theo dõi, tổng hợp báo cáo kết quả thực hiện Kế hoạch định kỳ hằng quý.
2. Trung tâm Phục vụ hành chính công xã: tiếp nhận, giải quyết hồ sơ thủ tục hành chính trên môi trường điện tử; thời gian thực hiện: thường xuyên.
3. Công an xã chủ trì, phối hợp với Đoàn Thanh niên xã, Hội Liên hiệp Phụ nữ xã tuyên truyền phòng, chống lừa đảo trên không gian mạng.

III. TỔ CHỨC THỰC HIỆN
Các ban, ngành, đoàn thể xã căn cứ Kế hoạch tổ chức thực hiện.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Lò Văn Tòng
"""


def test_commune_plan_after_the_merger_metadata():
    plan = parse(UBND_XA_SAP_NHAP)
    assert plan.number == "27/KH-UBND" and plan.date == "2025-09-10"
    assert fold(plan.issuer or "") == "ubnd xa muong la"
    assert fold(plan.province or "") == "son la"
    rel = relations(plan)
    assert rel["57-NQ/TW"] == rel["66-NQ/TW"] == rel["150/KH-UBND"] == "implements"


def test_commune_offices_are_the_communes_own_units():
    plan = parse(UBND_XA_SAP_NHAP)
    team = find(plan, "Tổ công nghệ số cộng đồng")
    assert units_of(team, "lead") == {"van phong hdnd va ubnd xa"}
    assert team.deadline is not None and team.deadline.date == "2025-10"
    assert team.units[0].category == "internal"
    desk = find(plan, "trên môi trường điện tử")
    assert units_of(desk, "lead") == {"trung tam phuc vu hanh chinh cong xa"}
    assert desk.units[0].category == "internal"
    assert desk.deadline is not None and desk.deadline.recurrence == "ongoing"
    police = find(plan, "lừa đảo trên không gian mạng")
    assert units_of(police, "lead") == {"cong an xa"}
    assert units_of(police, "support") == {"doan thanh nien xa", "hoi lien hiep phu nu xa"}


# --- 5. A Word copy: tabs after bullets and labels, invisible characters, page breaks ----------

WORD_COPY = (
    "UBND TỈNH BÌNH THUẬN\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố:\u00a045/KH-SKHCN\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Bình Thuận,\u00a0ngày 03 tháng 4 năm 2025\n\n"
    "KẾ HOẠCH\nHỗ trợ doanh nghiệp đổi mới công nghệ năm 2025\n\n"
    "Thực hiện Kế hoạch số 2210/KH-UBND ngày 12/3/2025 của UBND tỉnh về phát triển thị trường "
    "khoa học và công nghệ, Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n-\tNâng cao năng lực công nghệ của doanh nghiệp.\n\n"
    "II. NHIỆM VỤ\n"
    "1.\tHỗ trợ doanh nghiệp xây dựng \u201cbản đồ công nghệ\u201d cho ngành chế biến thủy sản.\n"
    "-\tĐơn vị chủ trì:\tPhòng Quản\u00ad lý công nghệ\u200b\n"
    "-\tĐơn vị phối hợp:\u00a0Trung tâm Ứng dụng khoa học và công nghệ; Hiệp hội\u00a0Thủy sản tỉnh\n"
    "-\tThời gian thực hiện:\tQuý II/2025\n"
    "2.\tĐánh giá trình độ công nghệ của 20 doanh nghiệp chế biến nông sản, hoàn thành\n\n"
    "trước ngày 30/9/2025.\n"
    "-\tĐơn vị chủ trì:\tChi cục Tiêu chuẩn Đo lường Chất lượng\n"
    "-\tĐơn vị phối hợp:\tSở Công Thương, Sở Nông nghiệp và\n\n"
    "Môi trường\n"
    "3.\tThanh tra Sở chủ trì kiểm tra việc chấp hành pháp luật về chuyển giao công nghệ, "
    "phối hợp với Công an tỉnh và\n\n"
    "các đơn vị liên quan.\n\n"
    "III. TỔ CHỨC THỰC HIỆN\nVăn phòng Sở tổng hợp kết quả, báo cáo Giám đốc Sở.\n\n"
    "Nơi nhận:\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nPhan Văn Hoà\n"
)


def test_tabs_after_bullets_and_labels_are_not_table_cells():
    plan = parse(WORD_COPY)
    assert plan.number == "45/KH-SKHCN" and plan.date == "2025-04-03"
    assert relations(plan) == {"2210/KH-UBND": "implements"}
    techmap = find(plan, "bản đồ công nghệ")
    assert techmap.text == "Hỗ trợ doanh nghiệp xây dựng \u201cbản đồ công nghệ\u201d cho ngành chế biến thủy sản."
    assert units_of(techmap, "lead") == {"phong quan ly cong nghe"}
    assert units_of(techmap, "support") == {
        "trung tam ung dung khoa hoc va cong nghe", "hiep hoi thuy san tinh"}
    assert techmap.deadline is not None and techmap.deadline.text == "Quý II/2025"
    assert not [t for t in plan.tasks if t.id.count(".T")]  # no table was read


def test_page_breaks_inside_a_sentence_and_inside_a_list_of_units():
    plan = parse(WORD_COPY)
    audit = find(plan, "trình độ công nghệ của 20 doanh nghiệp")
    assert audit.text.endswith("hoàn thành trước ngày 30/9/2025.")
    assert audit.deadline is not None and audit.deadline.date == "2025-09-30"
    assert units_of(audit, "lead") == {"chi cuc tieu chuan do luong chat luong"}
    assert units_of(audit, "support") == {"so cong thuong", "so nong nghiep va moi truong"}
    inspect = find(plan, "chuyển giao công nghệ")
    assert units_of(inspect, "lead") == {"thanh tra so"}
    assert units_of(inspect, "support") == {"cong an tinh", "cac don vi lien quan"}


def test_word_copy_reads_the_same_in_nfd_and_old_tone_placement():
    assert_same_reading_in_any_form(WORD_COPY)


# --- 6. A health department: district medical centres are its own -------------------------------

SO_Y_TE_BA_CAP = """UBND TỈNH TRÀ VINH
SỞ Y TẾ
Số: 1502/KH-SYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Trà Vinh, ngày 18 tháng 6 năm 2024

KẾ HOẠCH
Chuyển đổi số ngành y tế năm 2024

I. MỤC ĐÍCH
Nâng cao chất lượng khám, chữa bệnh cho Nhân dân.

II. NHIỆM VỤ
1. Nhóm nhiệm vụ về hạ tầng số
1.1. Phòng Kế hoạch - Tài chính chủ trì các nhiệm vụ sau:
1.1.1 Rà soát nhu cầu trang thiết bị công nghệ thông tin của các bệnh viện tuyến tỉnh.
1.1.2 Lập dự toán kinh phí nâng cấp hệ thống mạng nội bộ; hoàn thành trước 30/9/2024.
1.2. Nhiệm vụ của Trung tâm Kiểm soát bệnh tật tỉnh
1.2.1. Triển khai phần mềm quản lý tiêm chủng.
2. Nhóm nhiệm vụ về dữ liệu
2.1. Xây dựng kho dữ liệu y tế dùng chung của tỉnh.
a) Đơn vị thực hiện: Văn phòng Sở
b) Đơn vị phối hợp: Bệnh viện Đa khoa tỉnh, Trung tâm Y tế các huyện
c) Thời gian: Quý IV/2024

III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở định kỳ 6 tháng, hằng năm.

Nơi nhận:
- Lưu: VT.

GIÁM ĐỐC

Kim Ngọc Thạch
"""


def test_tasks_under_an_introduction_naming_their_unit():
    plan = parse(SO_Y_TE_BA_CAP)
    survey = find(plan, "trang thiết bị công nghệ thông tin")
    assert units_of(survey, "lead") == {fold("Phòng Kế hoạch – Tài chính")}
    budget = find(plan, "hệ thống mạng nội bộ")
    assert units_of(budget, "lead") == {fold("Phòng Kế hoạch – Tài chính")}
    assert budget.deadline is not None and budget.deadline.date == "2024-09-30"
    vaccine = find(plan, "phần mềm quản lý tiêm chủng")
    assert units_of(vaccine, "lead") == {"trung tam kiem soat benh tat tinh"}


def test_health_departments_district_centres_are_its_own():
    plan = parse(SO_Y_TE_BA_CAP)
    store = find(plan, "kho dữ liệu y tế dùng chung")
    assert units_of(store, "lead") == {"van phong so"}
    assert units_of(store, "support") == {"benh vien da khoa tinh", "trung tam y te cac huyen"}
    assert {u.category for u in store.units} == {"internal"}
    assert store.deadline is not None and store.deadline.text == "Quý IV/2024"


# --- 7. Other label wordings: two fields parted by a full stop, roles inside the value ----------

SO_CONG_THUONG_NHAN = """UBND TỈNH QUẢNG BÌNH
SỞ CÔNG THƯƠNG
Số: 88/KH-SCT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Bình, ngày 05 tháng 02 năm 2025

KẾ HOẠCH
Phát triển công nghiệp hỗ trợ năm 2025

I. MỤC ĐÍCH
Từng bước hình thành mạng lưới doanh nghiệp công nghiệp hỗ trợ của tỉnh.

II. NHIỆM VỤ
1. Khảo sát năng lực sản xuất của doanh nghiệp cơ khí.
- Chủ trì: Phòng Quản lý công nghiệp. Phối hợp: Trung tâm Khuyến công, Sở Tài chính.
- Thời điểm hoàn thành: tháng 6/2025
2. Xây dựng cơ sở dữ liệu doanh nghiệp công nghiệp hỗ trợ.
- Đơn vị được giao: Văn phòng Sở
- Dự kiến sản phẩm: Cơ sở dữ liệu được vận hành trên Cổng thông tin của Sở
- Hoàn thành: Quý III/2025
3. Ban hành quy chế phối hợp quản lý cụm công nghiệp.
- Cơ quan chủ trì, phối hợp: Phòng Quản lý công nghiệp chủ trì; Thanh tra Sở, UBND các xã phối hợp
- Hình thức văn bản: Quyết định của UBND tỉnh
- Mốc thời gian: trước 30/11/2025
4. Kiểm tra an toàn điện tại các cụm công nghiệp, phối hợp với Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an tỉnh.
- Đơn vị chủ trì: Phòng Kỹ thuật an toàn - Môi trường
5. Tuyên truyền chính sách khuyến công đến các hợp tác xã.
- Đơn vị chủ trì/phối hợp: Trung tâm Khuyến công/Phòng Quản lý thương mại

III. TỔ CHỨC THỰC HIỆN

| STT | Nội dung | Đơn vị đầu mối | Đơn vị tham gia | Thời gian |
|---|---|---|---|---|
| 1 | Tổng hợp báo cáo tình hình thực hiện Kế hoạch | Văn phòng Sở | Các phòng, đơn vị thuộc Sở | Hằng quý |

Nơi nhận:
- Lưu: VT.

GIÁM ĐỐC

Trương An Ninh
"""


def test_two_fields_on_one_line_parted_by_a_full_stop():
    plan = parse(SO_CONG_THUONG_NHAN)
    survey = find(plan, "năng lực sản xuất của doanh nghiệp cơ khí")
    assert units_of(survey, "lead") == {"phong quan ly cong nghiep"}
    assert units_of(survey, "support") == {"trung tam khuyen cong", "so tai chinh"}
    assert survey.deadline is not None and survey.deadline.date == "2025-06"


def test_other_wordings_of_unit_product_and_time_labels():
    plan = parse(SO_CONG_THUONG_NHAN)
    data = find(plan, "cơ sở dữ liệu doanh nghiệp")
    assert units_of(data, "lead") == {"van phong so"}
    assert data.outputs == ["Cơ sở dữ liệu được vận hành trên Cổng thông tin của Sở"]
    assert data.deadline is not None and data.deadline.text == "Quý III/2025"
    rules = find(plan, "quy chế phối hợp quản lý cụm công nghiệp")
    assert rules.outputs == ["Quyết định của UBND tỉnh"]
    assert rules.deadline is not None and rules.deadline.date == "2025-11-30"


def test_roles_written_inside_the_value_of_one_label():
    plan = parse(SO_CONG_THUONG_NHAN)
    rules = find(plan, "quy chế phối hợp quản lý cụm công nghiệp")
    assert units_of(rules, "lead") == {"phong quan ly cong nghiep"}
    assert units_of(rules, "support") == {"thanh tra so", "ubnd cac xa"}
    promo = find(plan, "chính sách khuyến công")
    assert units_of(promo, "lead") == {"trung tam khuyen cong"}
    assert units_of(promo, "support") == {"phong quan ly thuong mai"}


def test_partner_in_the_task_sentence_under_a_labelled_lead():
    plan = parse(SO_CONG_THUONG_NHAN)
    safety = find(plan, "an toàn điện tại các cụm công nghiệp")
    assert units_of(safety, "lead") == {fold("Phòng Kỹ thuật an toàn - Môi trường")}
    police = [u for u in safety.units if u.role == "support"]
    assert [fold(u.canonical) for u in police] == [
        "phong canh sat phong chay, chua chay va cuu nan, cuu ho cong an tinh"]
    # A section of the provincial police is not the department's own unit.
    assert police[0].category == "external"


def test_table_with_focal_and_participating_columns():
    plan = parse(SO_CONG_THUONG_NHAN)
    report = find(plan, "Tổng hợp báo cáo tình hình thực hiện")
    assert units_of(report, "lead") == {"van phong so"}
    assert units_of(report, "participate") == {"cac phong, don vi thuoc so"}
    assert report.deadline is not None and report.deadline.recurrence == "quarterly"


# --- every fixture: the same reading whatever the Unicode form and tone placement ----------------

FIXTURES = {
    "ctr_cong_tac": CTR_CONG_TAC, "so_nnmt": SO_NNMT_BA_CAP, "ubnd_van_xuoi": UBND_VAN_XUOI,
    "ubnd_xa": UBND_XA_SAP_NHAP, "word": WORD_COPY, "so_y_te": SO_Y_TE_BA_CAP,
    "so_cong_thuong": SO_CONG_THUONG_NHAN,
}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_same_reading_in_nfd_and_old_tone_placement(name):
    assert_same_reading_in_any_form(FIXTURES[name])


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_same_references_in_nfd(name):
    text = FIXTURES[name]
    assert relations(parse(unicodedata.normalize("NFD", text))) == relations(parse(text))

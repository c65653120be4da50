# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Plans from bodies and layouts the other layout test files do not cover, read as a careful reader
would.

Our own writing in the Vietnamese administrative style: a provincial Farmers' Union plan with
labels in capitals, "Chủ trì:" / "Phối hợp:" on their own lines and one label naming both roles
("Cơ quan chủ trì, phối hợp: X chủ trì, phối hợp với Y, Z"); a commune's plan after the 2025
reform; a ministry's plan whose tasks are in an appendix table after the signature; a provincial
Party standing board's plan with duties as bullets under each body; a department's plan whose
appendix lists tasks with labelled lines marked "-", "•" and "+"; a ministry's plan with duties
under its Vụ, Cục and Viện and a group of them; a provincial Youth Union's plan with labels in
markdown emphasis; a health department's plan whose labels end with a dash; a ward's plan whose
bullets each have their own labelled lines; a steering committee's plan whose body only says
"(có Phụ lục kèm theo)"; a Party committee's plan in markdown; a commune's plan whose bullets straight
under a section have their labelled lines; a justice department's plan naming a council whose
name holds "phối hợp"; a plan carrying out a plan whose number was left blank.
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

# --- 1. A Farmers' Union plan: labels in capitals, roles on their own lines --------------------

HOI_NONG_DAN = """HỘI NÔNG DÂN VIỆT NAM
BCH HỘI NÔNG DÂN TỈNH NGHỆ AN
Số: 142-KH/HND
ĐẢNG CỘNG SẢN VIỆT NAM
Nghệ An, ngày 12 tháng 02 năm 2026

KẾ HOẠCH
Thực hiện Kết luận số 91-KL/TW của Bộ Chính trị và Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026

Căn cứ Kế hoạch số 27/KH-BCĐ ngày 05/01/2026 của Ban Chỉ đạo tỉnh về chuyển đổi số, Ban Thường vụ Hội Nông dân tỉnh xây dựng Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao vai trò của tổ chức Hội trong phát triển kinh tế nông nghiệp.

II. NHIỆM VỤ CỤ THỂ
1. Tuyên truyền, phổ biến Kết luận số 91-KL/TW đến cán bộ, hội viên nông dân
Chủ trì: Ban Tuyên huấn
Phối hợp: Văn phòng Hội, Hội Nông dân các huyện, thành phố
THỜI GIAN HOÀN THÀNH: Trước 15/12 hằng năm
SẢN PHẨM: Báo cáo kết quả tuyên truyền

2. Hỗ trợ hội viên xây dựng mô hình kinh tế tập thể
Chủ trì: Ban Kinh tế - Xã hội
Phối hợp: Trung tâm Hỗ trợ nông dân; Quỹ Hỗ trợ nông dân
THỜI GIAN HOÀN THÀNH: Năm 2026 và các năm tiếp theo
SẢN PHẨM: 20 tổ hợp tác, hợp tác xã được thành lập mới

3. Tổ chức đối thoại giữa nông dân với lãnh đạo tỉnh
- Đơn vị chủ trì: Văn phòng Hội
- Đơn vị phối hợp: Sở Nông nghiệp và Môi trường, Sở Công Thương
- Thời gian hoàn thành: Hoàn thành trước ngày 30/9/2026
- Sản phẩm: Hội nghị đối thoại được tổ chức

4. Sơ kết việc thực hiện Chỉ thị 05-CT/TW
ĐƠN VỊ CHỦ TRÌ: Ban Tổ chức - Kiểm tra
ĐƠN VỊ PHỐI HỢP: Các ban, đơn vị thuộc Hội Nông dân tỉnh
THỜI GIAN: Định kỳ 6 tháng
SẢN PHẨM: Báo cáo sơ kết

5. Triển khai các nhiệm vụ chuyển đổi số trong tổ chức Hội theo hướng dẫn tại Công văn số 1972-CV/HNDTW ngày 10/01/2026 của Trung ương Hội Nông dân Việt Nam
Cơ quan chủ trì, phối hợp: Văn phòng Hội chủ trì, phối hợp với Ban Tuyên huấn, Ban Kinh tế - Xã hội
Thời gian: Theo tiến độ của Trung ương

III. TỔ CHỨC THỰC HIỆN
Các ban, đơn vị thuộc Hội Nông dân tỉnh căn cứ Kế hoạch này triển khai thực hiện; báo cáo kết quả về Văn phòng Hội.

Nơi nhận:
- Trung ương Hội NDVN;
- Lưu: VP.
TM. BAN THƯỜNG VỤ
CHỦ TỊCH
Lê Văn Hòa
"""


@pytest.fixture(scope="module")
def hoi_nong_dan():
    return parse(HOI_NONG_DAN)


def test_one_label_naming_both_roles_parts_lead_from_partners(hoi_nong_dan):
    digital = find(hoi_nong_dan, "chuyển đổi số trong tổ chức Hội")
    assert units_of(digital, "lead") == {"van phong hoi"}
    assert units_of(digital, "support") == {"ban tuyen huan", "ban kinh te - xa hoi"}
    assert digital.deadline is not None and digital.deadline.text == "Theo tiến độ của Trung ương"


def test_capital_labels_and_roles_on_their_own_lines(hoi_nong_dan):
    spread = find(hoi_nong_dan, "Tuyên truyền, phổ biến Kết luận")
    assert units_of(spread, "lead") == {"ban tuyen huan"}
    # "Hội Nông dân các huyện, thành phố" is one group of bodies, not "Hội Nông dân" and a city
    assert units_of(spread, "support") == {"van phong hoi", "hoi nong dan cac huyen, thanh pho"}
    assert spread.outputs == ["Báo cáo kết quả tuyên truyền"]
    assert (spread.deadline.date, spread.deadline.recurrence) == ("--12-15", "yearly")
    review = find(hoi_nong_dan, "Sơ kết việc thực hiện")
    assert units_of(review, "lead") == {"ban to chuc - kiem tra"}
    assert review.deadline is not None and review.deadline.text == "Định kỳ 6 tháng"
    coop = find(hoi_nong_dan, "kinh tế tập thể")
    assert coop.deadline.start_year == 2026 and coop.deadline.end_year is None
    assert [t.value for t in coop.targets] == [20]


def test_the_associations_boards_are_its_own_units(hoi_nong_dan):
    assert hoi_nong_dan.issuer == "Hội Nông dân tỉnh Nghệ An"
    category = {fold(u.name): u.category for u in hoi_nong_dan.units}
    assert category["ban tuyen huan"] == "internal"
    assert category["van phong hoi"] == "internal"
    assert category["ban kinh te - xa hoi"] == "internal"
    assert category["so cong thuong"] == "external"
    assert category["hoi nong dan cac huyen, thanh pho"] == "external"


def test_a_letter_named_in_a_duty_is_cited_not_carried_out(hoi_nong_dan):
    assert relations(hoi_nong_dan) == {
        "91-KL/TW": "implements", "05-CT/TW": "implements", "27-KH/BCĐ": "basis",
        "1972-CV/HNDTW": "mentions"}
    board = next(r for r in hoi_nong_dan.references if r.key == "27-KH/BCĐ")
    assert (board.scope, board.province) == ("local", "Nghệ An")


# --- 2. A commune's plan after the 2025 reform -------------------------------------------------

XA = """ỦY BAN NHÂN DÂN
XÃ QUỲNH PHÚ
Số: 45/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quỳnh Phú, ngày 08 tháng 10 năm 2025

KẾ HOẠCH
Phát triển văn hóa, du lịch cộng đồng trên địa bàn xã giai đoạn 2025 - 2030

Căn cứ Kế hoạch số 210/KH-UBND ngày 15/8/2025 của UBND tỉnh Hưng Yên; thực hiện Nghị quyết số 05-NQ/ĐU ngày 20/9/2025 của Đảng ủy xã, UBND xã xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Phát huy giá trị di sản văn hóa của địa phương.

II. NHIỆM VỤ, GIẢI PHÁP
1. Kiểm kê, phân loại di tích lịch sử - văn hóa trên địa bàn xã.
Cơ quan chủ trì, phối hợp: Phòng Văn hóa - Xã hội chủ trì, phối hợp với Phòng Kinh tế, Công an xã
Thời gian thực hiện: Năm 2026

2. Xây dựng sản phẩm du lịch cộng đồng gắn với làng nghề truyền thống.
Cơ quan chủ trì: Phòng Kinh tế
Cơ quan phối hợp: Phòng Văn hóa - Xã hội; Trung tâm Phục vụ hành chính công xã; các thôn, tổ dân phố
Thời gian thực hiện: Năm 2026 và các năm tiếp theo
Sản phẩm: 02 sản phẩm du lịch được công nhận

3. Tuyên truyền về bảo vệ di sản trên hệ thống thông tin cơ sở.
- Chủ trì: Phòng Văn hóa - Xã hội
- Phối hợp: Ủy ban Mặt trận Tổ quốc Việt Nam xã, Đoàn Thanh niên Cộng sản Hồ Chí Minh xã, Hội Liên hiệp Phụ nữ xã
- Thời gian: Thường xuyên

III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội là cơ quan thường trực, theo dõi, tổng hợp kết quả thực hiện, báo cáo UBND xã định kỳ 6 tháng, hằng năm.
2. Văn phòng HĐND và UBND xã bố trí kinh phí thực hiện theo quy định.
3. Đề nghị Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội xã phối hợp tuyên truyền, vận động Nhân dân tham gia.

Nơi nhận:
- UBND tỉnh (b/c);
- TT Đảng ủy, HĐND xã;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Phạm Thị Lan
"""


@pytest.fixture(scope="module")
def xa():
    return parse(XA)


def test_commune_label_naming_both_roles(xa):
    survey = find(xa, "Kiểm kê, phân loại di tích")
    assert units_of(survey, "lead") == {"phong van hoa - xa hoi"}
    assert units_of(survey, "support") == {"phong kinh te", "cong an xa"}
    assert survey.deadline is not None and survey.deadline.end_year == 2026


def test_commune_offices_and_organisations(xa):
    assert xa.issuer == "UBND xã Quỳnh Phú"
    tourism = find(xa, "du lịch cộng đồng gắn với làng nghề")
    assert units_of(tourism, "lead") == {"phong kinh te"}
    assert units_of(tourism, "support") == {"phong van hoa - xa hoi",
                                            "trung tam phuc vu hanh chinh cong xa",
                                            "cac thon, to dan pho"}
    assert tourism.outputs == ["02 sản phẩm du lịch được công nhận"]
    spread = find(xa, "bảo vệ di sản")
    assert units_of(spread, "support") == {
        "uy ban mat tran to quoc viet nam xa", "doan thanh nien cong san ho chi minh xa",
        "hoi lien hiep phu nu xa"}
    assert relations(xa) == {"210/KH-UBND": "basis", "05-NQ/ĐU": "implements"}


# --- 3. A ministry's plan whose tasks are in an appendix table ---------------------------------

BO_APPENDIX = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 318/KH-BKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 20 tháng 3 năm 2026

KẾ HOẠCH
Triển khai Quyết định số 1131/QĐ-TTg của Thủ tướng Chính phủ về danh mục công nghệ chiến lược

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia và Quyết định số 1131/QĐ-TTg ngày 12/6/2025 của Thủ tướng Chính phủ, Bộ Khoa học và Công nghệ ban hành Kế hoạch triển khai như sau:

I. MỤC ĐÍCH, YÊU CẦU
Xác định rõ nhiệm vụ của các đơn vị thuộc Bộ trong phát triển công nghệ chiến lược.

II. NHIỆM VỤ
Các nhiệm vụ cụ thể, đơn vị chủ trì, phối hợp và thời gian hoàn thành (có Phụ lục kèm theo).

III. TỔ CHỨC THỰC HIỆN
1. Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm tổ chức thực hiện các nhiệm vụ được giao.
2. Vụ Kế hoạch - Tài chính chủ trì, phối hợp với Văn phòng Bộ theo dõi, đôn đốc việc thực hiện Kế hoạch, tổng hợp báo cáo Bộ trưởng trước ngày 15/12/2026.

Nơi nhận:
- Thủ tướng Chính phủ (để b/c);
- Các đơn vị thuộc Bộ;
- Lưu: VT, KHTC.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Minh Tuấn

Phụ lục
DANH MỤC NHIỆM VỤ TRIỂN KHAI QUYẾT ĐỊNH SỐ 1131/QĐ-TTg
(Kèm theo Kế hoạch số 318/KH-BKHCN ngày 20/3/2026 của Bộ Khoa học và Công nghệ)

| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Xây dựng tiêu chí đánh giá sản phẩm công nghệ chiến lược | Vụ Công nghệ cao | Vụ Pháp chế; Viện Đánh giá khoa học và Định giá công nghệ | Quý III/2026 | Thông tư được ban hành |
| 2 | Tổ chức đặt hàng nhiệm vụ khoa học và công nghệ cấp quốc gia về công nghệ chiến lược | Cục Đổi mới sáng tạo | Các đơn vị thuộc Bộ | Năm 2026 và các năm tiếp theo | Danh mục nhiệm vụ được phê duyệt |
| 3 | Xây dựng cơ sở dữ liệu chuyên gia công nghệ chiến lược | Cục Thông tin, Thống kê | Viện Chiến lược, Chính sách khoa học và công nghệ | Hoàn thành trước ngày 30/9/2026 | Cơ sở dữ liệu vận hành |
| 4 | Báo cáo tình hình thực hiện Kế hoạch | Vụ Kế hoạch - Tài chính | Các đơn vị thuộc Bộ | Trước 15/12 hằng năm | Báo cáo Bộ trưởng |
"""


@pytest.fixture(scope="module")
def bo_appendix():
    return parse(BO_APPENDIX)


def test_appendix_table_after_the_signature_holds_the_tasks(bo_appendix):
    assert bo_appendix.signer == "Trần Minh Tuấn"
    criteria = find(bo_appendix, "tiêu chí đánh giá sản phẩm")
    assert units_of(criteria, "lead") == {"vu cong nghe cao"}
    assert units_of(criteria, "support") == {"vu phap che",
                                             "vien danh gia khoa hoc va dinh gia cong nghe"}
    assert criteria.deadline.date == "2026-09"
    assert criteria.outputs == ["Thông tư được ban hành"]
    experts = find(bo_appendix, "cơ sở dữ liệu chuyên gia")
    assert units_of(experts, "lead") == {"cuc thong tin, thong ke"}
    assert experts.deadline.date == "2026-09-30"
    assert {u.category for t in bo_appendix.tasks for u in t.units} <= {"internal", "collective"}
    assert relations(bo_appendix) == {"1131/QĐ-TTg": "implements", "57-NQ/TW": "implements"}


# --- 4. A provincial Party standing board's plan: duties under each body -----------------------

TINH_UY = """ĐẢNG BỘ TỈNH QUẢNG TRỊ
BAN THƯỜNG VỤ TỈNH ỦY
*
Số 112-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Trị, ngày 05 tháng 11 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia

Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị và Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Quán triệt sâu sắc các quan điểm, mục tiêu của Nghị quyết.

II. NHIỆM VỤ TRỌNG TÂM
1. Ban Tuyên giáo và Dân vận Tỉnh ủy
- Chủ trì tham mưu tổ chức quán triệt, tuyên truyền Nghị quyết số 57-NQ/TW; hoàn thành trong quý I/2026.
- Phối hợp với Sở Khoa học và Công nghệ định hướng thông tin trên báo chí về chuyển đổi số.

2. Đảng ủy Ủy ban nhân dân tỉnh
- Lãnh đạo Ủy ban nhân dân tỉnh xây dựng chương trình hành động thực hiện Nghị quyết, trình Ban Thường vụ Tỉnh ủy trước ngày 30/12/2025.
- Chỉ đạo bố trí ngân sách tối thiểu 3% tổng chi ngân sách hằng năm cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.

3. Đảng ủy các cơ quan Đảng tỉnh
- Chỉ đạo các tổ chức đảng trực thuộc đưa nội dung Nghị quyết vào sinh hoạt chuyên đề; thời gian: định kỳ 6 tháng.

4. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh
- Tham gia giám sát, phản biện xã hội việc thực hiện chính sách về khoa học, công nghệ.

5. Ban Tổ chức Tỉnh ủy
- Chủ trì, phối hợp với Sở Nội vụ tham mưu cơ chế thu hút chuyên gia, nhà khoa học; hoàn thành trước ngày 30/6/2026.

III. TỔ CHỨC THỰC HIỆN
Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Ban Thường vụ Tỉnh ủy trước 15/12 hằng năm.

Nơi nhận:
- Ban Bí thư (để b/c);
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Hoàng Văn Nam
"""


@pytest.fixture(scope="module")
def tinh_uy():
    return parse(TINH_UY)


def test_standing_board_of_the_provincial_party_committee(tinh_uy):
    assert tinh_uy.issuer == "Ban Thường vụ Tỉnh ủy Quảng Trị"
    assert tinh_uy.province == "Quảng Trị"
    assert ref_keys(tinh_uy) == {"57-NQ/TW", "91-KL/TW", "02-KH/BCĐTW"}


def test_a_party_body_steering_a_state_body_keeps_the_duty(tinh_uy):
    # "Lãnh đạo Ủy ban nhân dân tỉnh xây dựng …" under "Đảng ủy Ủy ban nhân dân tỉnh": the
    # Party committee steers; the committee stays the unit of the next duty too.
    steer = find(tinh_uy, "xây dựng chương trình hành động")
    assert units_of(steer) == {"dang uy ubnd tinh"}
    assert steer.deadline.date == "2025-12-30"
    budget = find(tinh_uy, "bố trí ngân sách")
    assert units_of(budget) == {"dang uy ubnd tinh"}
    assert [(t.value, t.unit) for t in budget.targets] == [(3, "%")]


def test_duties_under_each_party_body(tinh_uy):
    experts = find(tinh_uy, "thu hút chuyên gia")
    assert units_of(experts, "lead") == {"ban to chuc tinh uy"}
    assert units_of(experts, "support") == {"so noi vu"}
    watch = find(tinh_uy, "giám sát, phản biện")
    assert {u.role for u in watch.units} == {"participate"}
    # "… báo cáo Ban Thường vụ Tỉnh ủy trước 15/12 hằng năm": a yearly date without "ngày"
    follow = find(tinh_uy, "theo dõi, đôn đốc")
    assert units_of(follow, "lead") == {"van phong tinh uy"}
    assert (follow.deadline.date, follow.deadline.recurrence) == ("--12-15", "yearly")


# --- 5. A department's plan listing its tasks in an appendix with marked labels ----------------

SO_APPENDIX = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 77/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lào Cai, ngày 14 tháng 4 năm 2026

KẾ HOẠCH
Triển khai Chỉ thị số 05-CT/TW và Kế hoạch số 15-KH/BCĐ của Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo năm 2026

Thực hiện Kế hoạch số 15-KH/BCĐ ngày 02/3/2026 của Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, Sở Khoa học và Công nghệ ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
Cụ thể hóa các nhiệm vụ được giao tại Kế hoạch số 15-KH/BCĐ.

II. NHIỆM VỤ VÀ GIẢI PHÁP
Các nhiệm vụ cụ thể, đơn vị chủ trì và thời gian hoàn thành tại Phụ lục kèm theo.

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở triển khai thực hiện; báo cáo kết quả về Văn phòng Sở trước ngày 10/12/2026.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, QLKH.
GIÁM ĐỐC
Đỗ Văn Tâm

PHỤ LỤC
DANH MỤC NHIỆM VỤ TRIỂN KHAI NĂM 2026
(Kèm theo Kế hoạch số 77/KH-SKHCN ngày 14/4/2026 của Sở Khoa học và Công nghệ)

1. Xây dựng cơ sở dữ liệu tổ chức khoa học và công nghệ của tỉnh
- CHỦ TRÌ: Phòng Quản lý khoa học
- PHỐI HỢP: Trung tâm Ứng dụng khoa học và công nghệ
- SẢN PHẨM: Cơ sở dữ liệu được cập nhật trên cổng thông tin
- THỜI GIAN HOÀN THÀNH: Quý IV/2026

2. Hỗ trợ doanh nghiệp xây dựng hệ thống truy xuất nguồn gốc
• Đơn vị chủ trì: Chi cục Tiêu chuẩn Đo lường Chất lượng
• Đơn vị phối hợp: Sở Công Thương; UBND các xã, phường
• Sản phẩm: 15 doanh nghiệp được hỗ trợ
• Thời gian: Trước 15/12 hằng năm

3. Tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo
+ Chủ trì: Phòng Quản lý công nghệ và Đổi mới sáng tạo
+ Phối hợp: Tỉnh Đoàn, Hội Doanh nhân trẻ tỉnh
+ Thời gian: Theo tiến độ của Trung ương
"""


@pytest.fixture(scope="module")
def so_appendix():
    return parse(SO_APPENDIX)


def test_appendix_tasks_with_labels_after_plus_marks(so_appendix):
    fair = find(so_appendix, "Ngày hội khởi nghiệp")
    assert units_of(fair, "lead") == {"phong quan ly cong nghe va doi moi sang tao"}
    assert units_of(fair, "support") == {"tinh doan", "hoi doanh nhan tre tinh"}
    assert fair.deadline is not None and fair.deadline.text == "Theo tiến độ của Trung ương"
    assert not fair.steps
    # the labelled lines are the task's fields, not tasks of their own
    assert not [t for t in so_appendix.tasks if t.parent == fair.id]


def test_appendix_tasks_with_labels_after_dashes_and_dots(so_appendix):
    data = find(so_appendix, "cơ sở dữ liệu tổ chức")
    assert units_of(data, "lead") == {"phong quan ly khoa hoc"}
    assert data.outputs == ["Cơ sở dữ liệu được cập nhật trên cổng thông tin"]
    assert data.deadline.date == "2026-12"
    trace = find(so_appendix, "truy xuất nguồn gốc")
    assert units_of(trace, "support") == {"so cong thuong", "ubnd cac xa, phuong"}
    assert trace.deadline.recurrence == "yearly"
    assert relations(so_appendix) == {"05-CT/TW": "implements", "15-KH/BCĐ": "implements"}


# --- 6. A ministry's plan with duties under its Vụ, Cục, Viện ----------------------------------

BO_UNITS = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 1520/KH-BNNMT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 02 tháng 6 năm 2026

KẾ HOẠCH
Thực hiện Chỉ thị 05-CT/TW của Ban Bí thư trong các đơn vị thuộc Bộ

Căn cứ Quyết định số 1131/QĐ-TTg ngày 12/6/2025 của Thủ tướng Chính phủ; thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị, Bộ Nông nghiệp và Môi trường ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm thực hiện nghiêm túc, hiệu quả.

II. NHIỆM VỤ CỤ THỂ
1. Vụ Tổ chức cán bộ
a) Chủ trì xây dựng đề án sắp xếp đơn vị sự nghiệp công lập thuộc Bộ; trình Bộ trưởng trong Quý III/2026.
b) Phối hợp với Vụ Pháp chế rà soát quy chế làm việc của Bộ.

2. Cục Chuyển đổi số
- Chủ trì xây dựng nền tảng dữ liệu số ngành nông nghiệp và môi trường; hoàn thành trước ngày 30/9/2026.
- Hướng dẫn các đơn vị thuộc Bộ kết nối, chia sẻ dữ liệu; thời gian: Năm 2026 và các năm tiếp theo.

3. Viện Chiến lược, Chính sách nông nghiệp và môi trường
Nghiên cứu, đề xuất cơ chế thí điểm sandbox trong lĩnh vực nông nghiệp công nghệ cao; Vụ Khoa học và Công nghệ, Vụ Kế hoạch - Tài chính phối hợp. Thời gian: Định kỳ 6 tháng báo cáo kết quả.

4. Các Tổng cục, Cục, Vụ, Viện thuộc Bộ
Căn cứ chức năng, nhiệm vụ, xây dựng kế hoạch thực hiện của đơn vị, gửi Văn phòng Bộ trước 15/12 hằng năm.

III. TỔ CHỨC THỰC HIỆN
Văn phòng Bộ chủ trì, phối hợp với Vụ Kế hoạch - Tài chính theo dõi, đôn đốc; báo cáo Bộ trưởng theo tiến độ của Trung ương.

Nơi nhận:
- Ban Bí thư (để b/c);
- Các đơn vị thuộc Bộ;
- Lưu: VT, TCCB.
BỘ TRƯỞNG
Nguyễn Hoàng Hiệp
"""


@pytest.fixture(scope="module")
def bo_units():
    return parse(BO_UNITS)


def test_a_group_of_the_ministrys_units_as_a_heading(bo_units):
    plans = find(bo_units, "xây dựng kế hoạch thực hiện của đơn vị")
    assert units_of(plans, "lead") == {"cac tong cuc, cuc, vu, vien thuoc bo"}
    assert plans.deadline.recurrence == "yearly"
    assert not [t for t in bo_units.tasks if t.text.startswith("Các Tổng cục")]


def test_duties_under_the_ministrys_vu_cuc_and_vien(bo_units):
    platform = find(bo_units, "nền tảng dữ liệu số")
    assert units_of(platform, "lead") == {"cuc chuyen doi so"}
    assert platform.deadline.date == "2026-09-30"
    sandbox = find(bo_units, "sandbox")
    assert units_of(sandbox, "lead") == {"vien chien luoc, chinh sach nong nghiep va moi truong"}
    assert units_of(sandbox, "support") == {"vu khoa hoc va cong nghe", "vu ke hoach - tai chinh"}
    assert {u.category for t in bo_units.tasks for u in t.units} <= {"internal", "collective"}
    assert relations(bo_units) == {"05-CT/TW": "implements", "1131/QĐ-TTg": "basis",
                                   "91-KL/TW": "implements"}


# --- 7. A provincial Youth Union's plan with labels in markdown emphasis -----------------------

TINH_DOAN = """BCH ĐOÀN TNCS HỒ CHÍ MINH
TỈNH THÁI NGUYÊN
***
Số: 36-KH/TĐTN-PT
ĐOÀN TNCS HỒ CHÍ MINH
Thái Nguyên, ngày 20 tháng 01 năm 2026

KẾ HOẠCH
Tuổi trẻ Thái Nguyên tiên phong trong chuyển đổi số năm 2026

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Chương trình số 12-CTr/TWĐTN-VP ngày 05/01/2026 của Ban Thường vụ Trung ương Đoàn, Ban Thường vụ Tỉnh Đoàn xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Phát huy vai trò xung kích của đoàn viên, thanh niên.

II. NỘI DUNG THỰC HIỆN
NHIỆM VỤ 1: Tổ chức chiến dịch "Bình dân học vụ số" cho đoàn viên, thanh niên
- **Đơn vị chủ trì**: Ban Phong trào
- **Đơn vị phối hợp**: Ban Tuyên giáo; các huyện, thành đoàn, đoàn trực thuộc
- **Thời gian**: Quý II/2026
- **Sản phẩm**: 10.000 lượt đoàn viên được tập huấn kỹ năng số

NHIỆM VỤ 2: Xây dựng mô hình "Chi đoàn số" tại khu dân cư
- *Chủ trì:* Ban Tổ chức - Kiểm tra
- *Phối hợp:* Hội Liên hiệp Thanh niên Việt Nam tỉnh, Trung tâm Hoạt động thanh thiếu nhi tỉnh
- *Thời gian:* Năm 2026 và các năm tiếp theo
- *Kết quả:* Mỗi xã, phường có ít nhất 01 mô hình

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Tỉnh Đoàn tham mưu bố trí kinh phí thực hiện Kế hoạch.
2. Đề nghị các cơ sở Đoàn trực thuộc căn cứ Kế hoạch triển khai thực hiện, báo cáo kết quả về Ban Thường vụ Tỉnh Đoàn (qua Ban Phong trào) trước 15/12 hằng năm.

Nơi nhận:
- TW Đoàn (b/c);
- Lưu VP, PT.
TM. BAN THƯỜNG VỤ TỈNH ĐOÀN
PHÓ BÍ THƯ
Vũ Thị Mai
"""


@pytest.fixture(scope="module")
def tinh_doan():
    return parse(TINH_DOAN)


def test_youth_union_header_and_its_own_boards(tinh_doan):
    # "BCH ĐOÀN TNCS HỒ CHÍ MINH" / "TỈNH THÁI NGUYÊN" is one body, not the city of Hồ Chí Minh
    assert tinh_doan.issuer == "BCH Đoàn TNCS Hồ Chí Minh tỉnh Thái Nguyên"
    assert tinh_doan.province == "Thái Nguyên"
    campaign = find(tinh_doan, "Bình dân học vụ số")
    assert units_of(campaign, "lead") == {"ban phong trao"}
    assert {u.category for u in campaign.units if u.role == "lead"} == {"internal"}
    assert campaign.outputs == ["10.000 lượt đoàn viên được tập huấn kỹ năng số"]
    office = find(tinh_doan, "bố trí kinh phí")
    assert [u.category for u in office.units] == ["internal"]


def test_central_youth_union_programme_is_central(tinh_doan):
    programme = next(r for r in tinh_doan.references if r.key == "12-CTr/TWĐTN-VP")
    assert programme.scope == "central"
    assert fold(programme.issuer) == "ban thuong vu trung uong doan"
    model = find(tinh_doan, "Chi đoàn số")
    assert units_of(model, "lead") == {"ban to chuc - kiem tra"}
    assert units_of(model, "support") == {"hoi lien hiep thanh nien viet nam tinh",
                                          "trung tam hoat dong thanh thieu nhi tinh"}


# --- 8. A health department's plan: labels ending with a dash, capitals in a table ----------

SO_Y_TE = """ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ
SỞ Y TẾ
Số: 902/KH-SYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Phú Thọ, ngày 11 tháng 5 năm 2026

KẾ HOẠCH
Triển khai chuyển đổi số ngành y tế năm 2026

Thực hiện Công văn số 2345/UBND-KGVX ngày 20/4/2026 của UBND tỉnh về triển khai bệnh án điện tử; Kế hoạch số 15/KH-BCĐ ngày 02/3/2026 của Ban Chỉ đạo tỉnh, Sở Y tế xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng khám chữa bệnh.

II. NHIỆM VỤ
1. Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh
Đơn vị chủ trì – Phòng Nghiệp vụ Y
Đơn vị phối hợp – Bệnh viện Đa khoa tỉnh, Bệnh viện Sản - Nhi tỉnh
Thời gian hoàn thành – Trước 31/12/2026

2. Kết nối dữ liệu tiêm chủng với cơ sở dữ liệu quốc gia về dân cư
CƠ QUAN THỰC HIỆN: Trung tâm Kiểm soát bệnh tật tỉnh
CƠ QUAN PHỐI HỢP: Công an tỉnh
THỜI HẠN: Hoàn thành trước ngày 30/9/2026
KẾT QUẢ: 100% trạm y tế xã kết nối dữ liệu

3. Các nhiệm vụ khác
| STT | NỘI DUNG CÔNG VIỆC | CƠ QUAN CHỦ TRÌ | CƠ QUAN PHỐI HỢP | THỜI HẠN | SẢN PHẨM |
|---|---|---|---|---|---|
| 1 | Tập huấn kỹ năng số cho nhân viên y tế | Trung tâm Y tế các xã | Phòng Tổ chức cán bộ | Định kỳ 6 tháng | 500 lượt người được tập huấn |
| 2 | Đánh giá mức độ chuyển đổi số bệnh viện | Phòng Kế hoạch - Tài chính | Các bệnh viện | Trước 15/12 hằng năm | Báo cáo đánh giá |

III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở.

Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Lò Văn Sơn
"""


@pytest.fixture(scope="module")
def so_y_te():
    return parse(SO_Y_TE)


def test_labels_ending_with_a_dash(so_y_te):
    records = find(so_y_te, "bệnh án điện tử tại các bệnh viện")
    assert units_of(records, "lead") == {"phong nghiep vu y"}
    assert units_of(records, "support") == {"benh vien da khoa tinh", "benh vien san - nhi tinh"}
    assert records.deadline is not None and records.deadline.text == "Trước 31/12/2026"
    assert records.deadline.date == "2026-12-31"
    # the labelled lines are the task's fields, not duties of their own
    assert not [t for t in so_y_te.tasks if t.parent == records.id]


def test_capital_labels_and_a_table_with_capital_headers(so_y_te):
    vaccines = find(so_y_te, "dữ liệu tiêm chủng")
    assert units_of(vaccines, "lead") == {"trung tam kiem soat benh tat tinh"}
    assert units_of(vaccines, "support") == {"cong an tinh"}
    assert vaccines.outputs == ["100% trạm y tế xã kết nối dữ liệu"]
    training = find(so_y_te, "Tập huấn kỹ năng số")
    assert units_of(training, "lead") == {"trung tam y te cac xa"}
    assert training.outputs == ["500 lượt người được tập huấn"]
    review = find(so_y_te, "mức độ chuyển đổi số bệnh viện")
    assert review.deadline.recurrence == "yearly"


# --- 9. A ward's plan: each bullet of a heading followed by its own labelled lines ----------

PHUONG = """ỦY BAN NHÂN DÂN
PHƯỜNG HÀ ĐÔNG
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Đông, ngày 03 tháng 11 năm 2025

KẾ HOẠCH
Thực hiện phong trào "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số" trên địa bàn phường

Thực hiện Kế hoạch số 301/KH-UBND ngày 10/10/2025 của UBND thành phố Hà Nội, UBND phường ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Huy động sự tham gia của Nhân dân.

II. NHIỆM VỤ CỤ THỂ
1. Công tác tuyên truyền
- Tuyên truyền trên hệ thống loa truyền thanh và trang thông tin điện tử phường.
Chủ trì: Phòng Văn hóa - Xã hội
Phối hợp: Ủy ban MTTQ Việt Nam phường
Thời gian: Quý I hằng năm
- Tổ chức cuộc thi tìm hiểu về chuyển đổi số cho học sinh.
Chủ trì: Phòng Văn hóa - Xã hội
Phối hợp: Các trường học trên địa bàn phường
Thời gian: Tháng 12 hằng năm

2. Phát triển dịch vụ công trực tuyến
a) Hướng dẫn người dân sử dụng dịch vụ công trực tuyến toàn trình.
Chủ trì: Trung tâm Phục vụ hành chính công phường
Thời gian: Giai đoạn 2026 - 2030
b) Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.
Chủ trì: Văn phòng HĐND và UBND phường
Phối hợp: Phòng Kinh tế, Hạ tầng và Đô thị
Thời gian: Hằng năm (trước ngày 20/12)

III. TỔ CHỨC THỰC HIỆN
Phòng Văn hóa - Xã hội là cơ quan thường trực, tổng hợp kết quả báo cáo UBND phường.

Nơi nhận:
- UBND Thành phố;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Ngô Thị Hạnh
"""


@pytest.fixture(scope="module")
def phuong():
    return parse(PHUONG)


def test_each_duty_under_a_heading_keeps_its_own_labelled_lines(phuong):
    loudspeakers = find(phuong, "loa truyền thanh")
    assert units_of(loudspeakers, "lead") == {"phong van hoa - xa hoi"}
    assert units_of(loudspeakers, "support") == {"uy ban mat tran to quoc viet nam phuong"}
    assert loudspeakers.deadline.text == "Quý I hằng năm"
    contest = find(phuong, "cuộc thi tìm hiểu")
    assert units_of(contest, "support") == {"cac truong hoc tren dia ban phuong"}
    assert contest.deadline.text == "Tháng 12 hằng năm"
    heading = next(t for t in phuong.tasks if t.text == "Công tác tuyên truyền")
    assert loudspeakers.parent == contest.parent == heading.id
    assert not heading.units and not heading.steps


def test_lettered_duties_with_their_labelled_lines(phuong):
    records = find(phuong, "Số hóa hồ sơ")
    assert units_of(records, "lead") == {"van phong hdnd va ubnd phuong"}
    assert units_of(records, "support") == {"phong kinh te, ha tang va do thi"}
    assert (records.deadline.date, records.deadline.recurrence) == ("--12-20", "yearly")
    online = find(phuong, "dịch vụ công trực tuyến toàn trình")
    assert (online.deadline.start_year, online.deadline.end_year) == (2026, 2030)


# --- 10. A steering committee's plan: "(có Phụ lục kèm theo)", the tasks after the signature --

BAN_CHI_DAO = """TỈNH ỦY ĐỒNG NAI
BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ
Số: 08-KH/BCĐ
ĐẢNG CỘNG SẢN VIỆT NAM
Đồng Nai, ngày 15 tháng 7 năm 2025

KẾ HOẠCH
hoạt động của Ban Chỉ đạo năm 2025

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Quyết định số 36-QĐ/TU ngày 10/3/2025 của Ban Thường vụ Tỉnh ủy về thành lập Ban Chỉ đạo, Ban Chỉ đạo ban hành Kế hoạch hoạt động năm 2025 như sau:

I. MỤC ĐÍCH, YÊU CẦU
Xác định rõ nhiệm vụ của các thành viên Ban Chỉ đạo.

II. NHIỆM VỤ
(có Phụ lục kèm theo)

III. TỔ CHỨC THỰC HIỆN
Các thành viên Ban Chỉ đạo chủ động triển khai nhiệm vụ được phân công.

Nơi nhận:
- Ban Chỉ đạo Trung ương;
- Lưu VPTU.
T/M BAN CHỈ ĐẠO
TRƯỞNG BAN
BÍ THƯ TỈNH ỦY
Vũ Hồng Văn

PHỤ LỤC
DANH MỤC NHIỆM VỤ CỦA BAN CHỈ ĐẠO NĂM 2025
(Kèm theo Kế hoạch số 08-KH/BCĐ ngày 15/7/2025 của Ban Chỉ đạo)

| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| I | NHIỆM VỤ VỀ THỂ CHẾ | | | |
| 1 | Rà soát, sửa đổi các quy định của tỉnh không còn phù hợp | Sở Tư pháp | Các sở, ban, ngành | Quý IV/2025 |
| 2 | Ban hành cơ chế hỗ trợ doanh nghiệp đổi mới sáng tạo | Sở Khoa học và Công nghệ | Sở Tài chính | Năm 2025 và các năm tiếp theo |
| II | NHIỆM VỤ VỀ HẠ TẦNG SỐ | | | |
| 3 | Phủ sóng 5G tại các khu công nghiệp | Sở Khoa học và Công nghệ | Các doanh nghiệp viễn thông | Theo tiến độ của Trung ương |
| 4 | Báo cáo kết quả thực hiện Kế hoạch | Văn phòng Tỉnh ủy | Các thành viên Ban Chỉ đạo | Trước 15/12 hằng năm |
"""


def test_steering_committee_tasks_only_in_the_appendix():
    plan = parse(BAN_CHI_DAO)
    assert plan.issuer == "Ban Chỉ đạo tỉnh Đồng Nai"
    assert plan.signer == "Vũ Hồng Văn"
    rules = find(plan, "Rà soát, sửa đổi các quy định")
    assert units_of(rules, "lead") == {"so tu phap"}
    assert units_of(rules, "support") == {"cac so, ban, nganh"}
    assert rules.deadline.date == "2025-12"
    support = find(plan, "cơ chế hỗ trợ doanh nghiệp")
    assert (support.deadline.start_year, support.deadline.end_year) == (2025, None)
    five_g = find(plan, "Phủ sóng 5G")
    assert five_g.deadline.text == "Theo tiến độ của Trung ương"
    assert (five_g.deadline.start_year, five_g.deadline.end_year, five_g.deadline.date) == (
        None, None, None)
    assert relations(plan) == {"57-NQ/TW": "implements", "36-QĐ/TU": "implements"}


# --- 11. A Party committee's plan in markdown: bold headings, duties per body ---------------

DANG_UY = """**ĐẢNG BỘ TỈNH HÀ TĨNH**
**ĐẢNG ỦY UBND TỈNH**

Số 45-KH/ĐU

*Hà Tĩnh, ngày 02 tháng 12 năm 2025*

**KẾ HOẠCH**
**thực hiện Kết luận số 91-KL/TW của Bộ Chính trị**

Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 29-NQ/TW, Đảng ủy UBND tỉnh xây dựng Kế hoạch như sau:

**I. MỤC ĐÍCH, YÊU CẦU**

*   Nâng cao nhận thức của cấp ủy, chính quyền.

**II. NHIỆM VỤ, GIẢI PHÁP**

**1. Ban cán sự đảng Sở Giáo dục và Đào tạo**

*   Chủ trì tham mưu Đề án phát triển đội ngũ nhà giáo giai đoạn 2026 - 2030; trình Đảng ủy UBND tỉnh trong Quý II/2026.
*   Lãnh đạo Sở Giáo dục và Đào tạo phối hợp với Sở Nội vụ rà soát biên chế giáo viên.

**2. Các chi bộ, đảng bộ trực thuộc**

*   Quán triệt Kết luận đến cán bộ, đảng viên; hoàn thành trước ngày 31/12/2025.
*   Định kỳ 6 tháng báo cáo kết quả về Đảng ủy UBND tỉnh (qua Văn phòng Đảng ủy).

**III. TỔ CHỨC THỰC HIỆN**

Văn phòng Đảng ủy theo dõi, đôn đốc việc thực hiện Kế hoạch.

**Nơi nhận:**
- Lưu VPĐU.

**T/M ĐẢNG ỦY**
**BÍ THƯ**
**Nguyễn Văn Khánh**
"""


@pytest.fixture(scope="module")
def dang_uy():
    return parse(DANG_UY)


def test_party_committee_of_the_provincial_peoples_committee(dang_uy):
    assert dang_uy.issuer == "Đảng ủy UBND tỉnh"
    assert dang_uy.province == "Hà Tĩnh"
    office = find(dang_uy, "theo dõi, đôn đốc việc thực hiện")
    assert [(fold(u.canonical), u.category) for u in office.units] == [
        ("van phong dang uy", "internal")]


def test_party_bodies_steer_and_report_every_six_months(dang_uy):
    staff = find(dang_uy, "rà soát biên chế giáo viên")
    assert units_of(staff, "lead") == {"ban can su dang so giao duc va dao tao"}
    assert units_of(staff, "support") == {"so noi vu"}
    report = find(dang_uy, "báo cáo kết quả về Đảng ủy")
    assert units_of(report, "lead") == {"cac chi bo, dang bo truc thuoc"}
    assert report.deadline is not None and report.deadline.text == "Định kỳ 6 tháng"


# --- 12. A commune's plan: bullets straight under a section, each with its labelled lines --

XA_MOI_TRUONG = """ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
Số: 30/KH-UBND
Tân Lập, ngày 09 tháng 9 năm 2025

KẾ HOẠCH
Bảo vệ môi trường trên địa bàn xã năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Giữ gìn cảnh quan sạch đẹp.

II. NHIỆM VỤ
- Tổ chức ra quân vệ sinh môi trường vào Chủ nhật cuối tháng.
Chủ trì: Phòng Kinh tế
Phối hợp: Đoàn Thanh niên xã
Thời gian: Hằng tháng
- Kiểm tra việc thu gom, xử lý rác thải tại các thôn.
Chủ trì: Phòng Kinh tế
Phối hợp: Công an xã
Thời gian: Quý II/2026

III. TỔ CHỨC THỰC HIỆN
Phòng Kinh tế tổng hợp, báo cáo UBND xã.

Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Hà Văn Đông
"""


def test_bullets_under_a_section_keep_their_labelled_lines():
    plan = parse(XA_MOI_TRUONG)
    clean_up = find(plan, "ra quân vệ sinh môi trường")
    assert units_of(clean_up, "lead") == {"phong kinh te"}
    assert units_of(clean_up, "support") == {"doan thanh nien xa"}
    assert clean_up.deadline.recurrence == "monthly"
    waste = find(plan, "thu gom, xử lý rác thải")
    assert units_of(waste, "support") == {"cong an xa"}
    assert waste.deadline.date == "2026-06"
    # the labelled lines are read into the duty above them, not dropped
    assert waste.source.line_end - waste.source.line_start == 3


# --- 13. A justice department's plan: a council whose name holds "phối hợp" ----------------

SO_TU_PHAP = """ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
SỞ TƯ PHÁP
Số: 88/KH-STP
Ninh Bình, ngày 06 tháng 8 năm 2025

KẾ HOẠCH
Triển khai Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác xây dựng và thi hành pháp luật

Thực hiện Kế hoạch số 45-KH/TU ngày 20/6/2025 của Ban Thường vụ Tỉnh ủy; Chương trình hành động số 140/NQ-CP của Chính phủ; Chỉ thị 05-CT/TW; NQ 57-NQ/TW, Sở Tư pháp xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Cụ thể hóa Nghị quyết số 66-NQ/TW.

II. NHIỆM VỤ
1. Rà soát văn bản quy phạm pháp luật của tỉnh theo Công văn số 1520/BTP-KTrVB ngày 02/7/2025 của Bộ Tư pháp.
Đơn vị chủ trì: Phòng Xây dựng và Kiểm tra văn bản
Thời gian: Quý IV/2025

2. Tổ chức phổ biến Luật Ban hành văn bản quy phạm pháp luật năm 2025.
Đơn vị chủ trì: Phòng Phổ biến, giáo dục pháp luật
Đơn vị phối hợp: Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh
Thời gian: Năm 2025 và các năm tiếp theo

III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở tổng hợp, báo cáo theo Kế hoạch số 45-KH/TU.

Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Đinh Văn Hùng
"""


def test_a_council_named_for_coordination_is_one_partner():
    plan = parse(SO_TU_PHAP)
    law = find(plan, "Luật Ban hành văn bản")
    assert units_of(law, "lead") == {"phong pho bien, giao duc phap luat"}
    assert units_of(law, "support") == {"hoi dong phoi hop pho bien, giao duc phap luat tinh"}
    review = find(plan, "Rà soát văn bản quy phạm")
    assert units_of(review, "lead") == {"phong xay dung va kiem tra van ban"}
    # the letter the duty follows is cited, the plans and resolutions above are carried out
    assert relations(plan) == {
        "66-NQ/TW": "implements", "45-KH/TU": "implements", "140/NQ-CP": "implements",
        "05-CT/TW": "implements", "57-NQ/TW": "implements", "1520/BTP-KTrVB": "mentions"}


# --- 14. A plan carrying out a steering committee's plan whose number was left blank --------

BLANK_NUMBER = """UBND TỈNH GIA LAI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 141/KH-SKHCN
Gia Lai, ngày 20 tháng 10 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số năm 2026

Thực hiện Kế hoạch số     /KH-BCĐ ngày 15/10/2025 của Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ; Kết luận số 91-KL/TW ngày 12 tháng 8 năm 2024 của Bộ Chính trị; Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị (sau đây gọi tắt là Nghị quyết 57), Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:

II. NHIỆM VỤ
1. Tuyên truyền Nghị quyết 57 đến công chức, viên chức.
Đơn vị chủ trì: Văn phòng Sở
Thời gian: Quý I/2026

Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Lê Văn Sơn
"""


def test_a_cited_plan_with_a_blank_number_is_carried_out():
    plan = parse(BLANK_NUMBER)
    board = [r for r in plan.references if r.key is None]
    assert [(r.doctype, r.symbol, r.date, r.relation) for r in board] == [
        ("KH", "KH/BCĐ", "2025-10-15", "implements")]
    assert fold(board[0].issuer) == "ban chi dao tinh"
    assert board[0].province == "Gia Lai"
    # the documents listed after it under the same "Thực hiện" are carried out too
    assert relations(plan) == {"91-KL/TW": "implements", "57-NQ/TW": "implements"}


def test_the_plans_own_blank_number_over_its_appendix_is_not_a_citation():
    plan = parse(BLANK_NUMBER.replace("Số: 141/KH-SKHCN", "Số:     /KH-SKHCN") + (
        "\nPhụ lục\n(Kèm theo Kế hoạch số     /KH-SKHCN ngày 20/10/2025 của Sở Khoa học và "
        "Công nghệ)\n"))
    assert plan.number is None and plan.symbol == "KH-SKHCN"
    assert [r.symbol for r in plan.references if r.key is None] == ["KH/BCĐ"]


# --- every fixture: the same reading whatever the Unicode form and tone placement -----------

FIXTURES = {"hoi_nong_dan": HOI_NONG_DAN, "xa": XA, "bo_appendix": BO_APPENDIX,
            "tinh_uy": TINH_UY, "so_appendix": SO_APPENDIX, "bo_units": BO_UNITS,
            "tinh_doan": TINH_DOAN, "so_y_te": SO_Y_TE, "phuong": PHUONG,
            "ban_chi_dao": BAN_CHI_DAO, "dang_uy": DANG_UY, "xa_moi_truong": XA_MOI_TRUONG,
            "so_tu_phap": SO_TU_PHAP, "blank_number": BLANK_NUMBER}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_same_reading_in_nfd_and_old_tone_placement(name):
    assert_same_reading_in_any_form(FIXTURES[name])


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_same_metadata_and_references_in_nfd(name):
    base = parse(FIXTURES[name])
    nfd = parse(unicodedata.normalize("NFD", FIXTURES[name]))
    assert (nfd.issuer, nfd.province) == (base.issuer, base.province)
    assert relations(nfd) == relations(base)

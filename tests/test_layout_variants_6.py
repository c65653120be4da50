# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Plans from bodies and layouts the other layout test files do not cover, read as a careful reader
would.

Our own writing in the Vietnamese administrative style: a ministry's plan whose departments
carry "địa phương", "quản trị" or "tổ chức nhà nước" in their names and which assigns duties to
the ministries and to every province's department; a ward's plan after the 2025 reform citing the
plans of its old province and old city, with an appendix table whose columns are "Nội dung | Đơn
vị chủ trì | Đơn vị phối hợp | Thời gian | Kinh phí | Ghi chú"; a merged province's Party
committee citing the old provinces' Party plans; a department's table cut by a page break inside
a row and inside a unit's name; a ministry's appendix with notes naming units, a line pointing to
the appendix and a national programmes' office; a commune Party committee's plan with its own
boards; a province's closing clauses that assign the follow-up and a duty under a condition; a
commune's table naming civil servants by post; a merged province's department citing the plans
of an old province, an old district and a new commune; the Party committee of the provincial
Party bodies.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.ontology.normalize import fold
from tests.layouts import (
    assert_same_reading_in_any_form,
    find,
    parse,
    relations,
    units_of,
)

# --- 1. A ministry's plan: its Vụ, Viện and Học viện, the ministries and the provinces -----------

BO_NOI_VU = """BỘ NỘI VỤ
Số: 2417/KH-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 08 tháng 9 năm 2026

KẾ HOẠCH
Triển khai thi hành Luật Tổ chức chính quyền địa phương năm 2025

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025; thực hiện Quyết định số 1280/QĐ-TTg ngày 26/6/2025 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai thi hành Luật, Bộ Nội vụ ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Xác định cụ thể nội dung công việc, thời hạn và trách nhiệm của các cơ quan, đơn vị.
2. Bảo đảm sự phối hợp chặt chẽ giữa Bộ Nội vụ với các Bộ, ngành và địa phương.

II. NỘI DUNG
1. Tổ chức quán triệt, phổ biến nội dung Luật
a) Biên soạn tài liệu giới thiệu những nội dung mới của Luật.
Đơn vị chủ trì: Vụ Chính quyền địa phương.
Đơn vị phối hợp: Vụ Pháp chế, Viện Khoa học tổ chức nhà nước và lao động.
Thời hạn: Quý IV/2026.
b) Tổ chức hội nghị tập huấn cho cán bộ, công chức cấp xã.
Đơn vị chủ trì: Vụ Chính quyền địa phương.
Đơn vị phối hợp: Học viện Hành chính và Quản trị công; Sở Nội vụ các tỉnh, thành phố trực thuộc Trung ương.
Thời hạn: Năm 2026 - 2027.
c) Xây dựng Nghị định quy định chế độ phụ cấp đối với người hoạt động không chuyên trách ở cấp xã.
Đơn vị chủ trì: Vụ Tiền lương.
Đơn vị phối hợp: Các Bộ: Tư pháp, Tài chính; UBND các tỉnh, thành phố trực thuộc Trung ương.
Thời hạn: Quý II/2027.
2. Rà soát văn bản quy phạm pháp luật
Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ rà soát văn bản quy phạm pháp luật thuộc phạm vi quản lý, gửi kết quả về Bộ Nội vụ (qua Vụ Pháp chế) trước ngày 31/12/2026.
3. Kiện toàn tổ chức bộ máy chính quyền cấp xã
UBND các tỉnh, thành phố trực thuộc Trung ương chỉ đạo rà soát, sắp xếp các phòng chuyên môn thuộc UBND cấp xã; Vụ Tổ chức - Biên chế, Cục Văn thư và Lưu trữ nhà nước phối hợp hướng dẫn.
4. Thanh tra, kiểm tra việc thi hành Luật
Thanh tra Bộ chủ trì, phối hợp với Vụ Chính quyền địa phương và các cơ quan có liên quan xây dựng kế hoạch thanh tra chuyên ngành; thời hạn: hằng năm.

III. TỔ CHỨC THỰC HIỆN
1. Giao Vụ Chính quyền địa phương làm đầu mối theo dõi, đôn đốc, tổng hợp tình hình thực hiện Kế hoạch, báo cáo Bộ trưởng trước ngày 15/12 hằng năm.
2. Văn phòng Bộ bảo đảm kinh phí, điều kiện thực hiện Kế hoạch; Vụ Kế hoạch - Tài chính thẩm định dự toán.
3. Đề nghị các Bộ, ngành, UBND các tỉnh, thành phố trực thuộc Trung ương căn cứ Kế hoạch này xây dựng kế hoạch triển khai tại Bộ, ngành, địa phương mình.

Nơi nhận:
- Thủ tướng Chính phủ (để b/c);
- Các Bộ, cơ quan ngang Bộ;
- UBND các tỉnh, thành phố trực thuộc Trung ương;
- Lưu: VT, CQĐP.
BỘ TRƯỞNG
Đỗ Thị Minh Hạnh
"""


@pytest.fixture(scope="module")
def bo_noi_vu():
    return parse(BO_NOI_VU)


def test_ministry_departments_named_after_local_government_are_its_own(bo_noi_vu):
    # "địa phương" is not a ward ("phường"), "Quản trị" not a district ("quận"): these are
    # the ministry's own Vụ, Viện and Học viện.
    brochure = find(bo_noi_vu, "Biên soạn tài liệu giới thiệu")
    assert units_of(brochure, "lead") == {"vu chinh quyen dia phuong"}
    assert units_of(brochure, "support") == {
        "vu phap che", "vien khoa hoc to chuc nha nuoc va lao dong"}
    assert brochure.deadline.date == "2026-12"
    categories = {fold(u.name): u.category for u in bo_noi_vu.units}
    assert categories["vu chinh quyen dia phuong"] == "internal"
    assert categories["hoc vien hanh chinh va quan tri cong"] == "internal"
    assert categories["vien khoa hoc to chuc nha nuoc va lao dong"] == "internal"


def test_every_provinces_department_is_one_partner(bo_noi_vu):
    training = find(bo_noi_vu, "tập huấn cho cán bộ, công chức cấp xã")
    assert units_of(training, "support") == {
        "hoc vien hanh chinh va quan tri cong",
        "so noi vu cac tinh, thanh pho truc thuoc trung uong"}
    assert (training.deadline.start_year, training.deadline.end_year) == (2026, 2027)


def test_shared_head_ends_where_a_name_has_its_own(bo_noi_vu):
    decree = find(bo_noi_vu, "phụ cấp đối với người hoạt động không chuyên trách")
    assert units_of(decree, "lead") == {"vu tien luong"}
    assert units_of(decree, "support") == {
        "bo tu phap", "bo tai chinh", "ubnd cac tinh, thanh pho truc thuoc trung uong"}


def test_ministries_and_provinces_as_leads(bo_noi_vu):
    review = find(bo_noi_vu, "Rà soát văn bản quy phạm pháp luật thuộc phạm vi")
    assert units_of(review, "lead") == {"cac bo, co quan ngang bo, co quan thuoc chinh phu"}
    assert review.deadline.date == "2026-12-31"
    communes = find(bo_noi_vu, "sắp xếp các phòng chuyên môn")
    assert units_of(communes, "lead") == {"ubnd cac tinh, thanh pho truc thuoc trung uong"}
    assert units_of(communes, "support") == {"vu to chuc - bien che",
                                             "cuc van thu va luu tru nha nuoc"}
    asked = find(bo_noi_vu, "xây dựng kế hoạch triển khai tại Bộ, ngành")
    assert units_of(asked, "lead") == {"cac bo, nganh",
                                       "ubnd cac tinh, thanh pho truc thuoc trung uong"}


def test_focal_unit_of_the_follow_up(bo_noi_vu):
    follow = find(bo_noi_vu, "làm đầu mối theo dõi, đôn đốc")
    assert units_of(follow, "lead") == {"vu chinh quyen dia phuong"}
    assert follow.deadline.recurrence == "yearly"
    assert relations(bo_noi_vu) == {"72/2025/QH15": "basis", "1280/QĐ-TTg": "implements"}


# --- 2. A ward's plan after the reform: old province's and old city's plans, table with notes ----

PHUONG = """ỦY BAN NHÂN DÂN
PHƯỜNG QUY NHƠN NAM
Số: 112/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quy Nhơn Nam, ngày 14 tháng 11 năm 2025

KẾ HOẠCH
Chuyển đổi số và phát triển chính quyền số trên địa bàn phường năm 2026

Căn cứ Kế hoạch số 95/KH-UBND ngày 18/4/2025 của UBND tỉnh Bình Định (cũ) về chuyển đổi số năm 2025; Kế hoạch số 61/KH-UBND ngày 02/4/2025 của UBND thành phố Quy Nhơn (cũ);
Thực hiện Kế hoạch số 410/KH-UBND ngày 29/9/2025 của UBND tỉnh Gia Lai về chuyển đổi số giai đoạn 2025 - 2030, UBND phường ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng phục vụ người dân, doanh nghiệp trên môi trường số.

II. NHIỆM VỤ CỤ THỂ
(Chi tiết tại Phụ lục kèm theo)

III. KINH PHÍ
Từ nguồn ngân sách phường và các nguồn hợp pháp khác.

IV. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội là cơ quan thường trực, làm đầu mối theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Kế hoạch; tổng hợp, báo cáo UBND phường trước ngày 05/12 hằng năm.
2. Phòng Kinh tế, Hạ tầng và Đô thị chủ trì, phối hợp với Văn phòng HĐND và UBND phường tham mưu bố trí kinh phí thực hiện.
3. Công an phường, Ban Chỉ huy Quân sự phường căn cứ chức năng, nhiệm vụ phối hợp triển khai các nhiệm vụ có liên quan.
4. Các cơ quan, đơn vị căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết, gửi Phòng Văn hóa - Xã hội trước ngày 15/01/2026.

Nơi nhận:
- UBND tỉnh (b/c);
- Sở Khoa học và Công nghệ;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Võ Thị Ngọc Hà

Phụ lục
NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026
(Kèm theo Kế hoạch số 112/KH-UBND ngày 14/11/2025 của UBND phường Quy Nhơn Nam)

| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Kinh phí | Ghi chú |
|---|---|---|---|---|---|---|
| 1 | Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực | Trung tâm Phục vụ hành chính công phường | Văn phòng HĐND và UBND phường | Quý I - Quý III/2026 | 120 triệu đồng | Phòng Kinh tế, Hạ tầng và Đô thị thẩm định dự toán |
| 2 | Triển khai nền tảng "Bình dân học vụ số" cho người dân các khu phố | Phòng Văn hóa - Xã hội | Đoàn Thanh niên phường; Hội Liên hiệp Phụ nữ phường | Năm 2026 | Lồng ghép | |
| 3 | Lắp đặt camera giám sát an ninh trật tự tại các tuyến đường chính | Công an phường | Phòng Kinh tế, Hạ tầng và Đô thị; Ban Chỉ huy Quân sự phường | Quý II/2026 | 850 triệu đồng | Sở Tài chính thẩm định |
| 4 | Duy trì Tổ công nghệ số cộng đồng tại các khu phố, hỗ trợ người dân sử dụng dịch vụ công trực | Phòng Văn hóa - Xã hội | Ủy ban MTTQ Việt Nam phường; các khu phố | Thường xuyên | Không | |
| | tuyến toàn trình | | | | | |
| 5 | Xây dựng cơ sở dữ liệu đất đai phường | Phòng Kinh tế, Hạ tầng và Đô thị | Chi nhánh Văn phòng Đăng ký đất đai | 2026-2027 | 1,2 tỷ đồng | Ngân sách tỉnh hỗ trợ |
"""


@pytest.fixture(scope="module")
def phuong():
    return parse(PHUONG)


def test_ward_cites_the_plans_of_its_old_province_and_old_city(phuong):
    assert phuong.issuer == "UBND phường Quy Nhơn Nam"
    assert phuong.province == "Gia Lai"
    refs = {r.key: r for r in phuong.references}
    assert (refs["95/KH-UBND"].issuer, refs["95/KH-UBND"].province) == (
        "UBND tỉnh Bình Định", "Bình Định")
    # The old city's plan is the old city's, in the province the city belonged to.
    assert (refs["61/KH-UBND"].issuer, refs["61/KH-UBND"].province) == (
        "UBND thành phố Quy Nhơn", "Bình Định")
    assert (refs["410/KH-UBND"].province, refs["410/KH-UBND"].relation) == (
        "Gia Lai", "implements")


def test_units_a_note_gives_a_part_support_the_task(phuong):
    records = find(phuong, "Số hóa hồ sơ")
    assert units_of(records, "lead") == {"trung tam phuc vu hanh chinh cong phuong"}
    assert units_of(records, "support") == {"van phong hdnd va ubnd phuong",
                                            "phong kinh te, ha tang va do thi"}
    cameras = find(phuong, "Lắp đặt camera")
    assert units_of(cameras, "lead") == {"cong an phuong"}
    assert units_of(cameras, "support") == {"phong kinh te, ha tang va do thi",
                                            "ban chi huy quan su phuong", "so tai chinh"}
    # A note that names no unit with a duty adds none; the budget column is not a product.
    land = find(phuong, "cơ sở dữ liệu đất đai")
    assert units_of(land, "support") == {"chi nhanh van phong dang ky dat dai"}
    assert land.outputs == []


def test_row_going_on_below_the_page_break(phuong):
    team = find(phuong, "Tổ công nghệ số cộng đồng")
    assert team.text.endswith("dịch vụ công trực tuyến toàn trình")
    assert units_of(team, "support") == {"uy ban mat tran to quoc viet nam phuong", "cac khu pho"}
    assert team.deadline.recurrence == "ongoing"


def test_closing_clauses_of_the_ward(phuong):
    focal = find(phuong, "cơ quan thường trực, làm đầu mối")
    assert units_of(focal, "lead") == {"phong van hoa - xa hoi"}
    assert focal.units[0].category == "internal"
    police = find(phuong, "căn cứ chức năng, nhiệm vụ phối hợp triển khai")
    assert units_of(police) == {"cong an phuong", "ban chi huy quan su phuong"}
    plans = find(phuong, "xây dựng kế hoạch chi tiết")
    assert units_of(plans, "lead") == {"cac co quan, don vi"}
    assert plans.deadline.date == "2026-01-15"


# --- 3. A merged province's Party committee citing the old provinces' Party plans ----------------

TINH_UY = """ĐẢNG BỘ TỈNH ĐẮK LẮK
TỈNH ỦY
*
Số 27-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Đắk Lắk, ngày 05 tháng 12 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo

Thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị (sau đây gọi tắt là Nghị quyết 71); tiếp tục thực hiện Chương trình hành động số 58-CTr/TU ngày 10/3/2025 của Tỉnh ủy Phú Yên (cũ) và Kế hoạch số 301-KH/TU ngày 14/4/2025 của Tỉnh ủy Đắk Lắk (trước hợp nhất), Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt sâu sắc quan điểm, mục tiêu của Nghị quyết 71 đến cán bộ, đảng viên.
2. Xác định nhiệm vụ cụ thể, phân công rõ trách nhiệm của các cấp ủy, tổ chức đảng.

II. NHIỆM VỤ, GIẢI PHÁP
1. Tổ chức học tập, quán triệt Nghị quyết 71 trong toàn Đảng bộ, hoàn thành trong Quý I/2026.
2. Rà soát, sắp xếp mạng lưới cơ sở giáo dục phổ thông trên địa bàn tỉnh sau hợp nhất.
3. Xây dựng đội ngũ nhà giáo và cán bộ quản lý giáo dục đủ số lượng, bảo đảm chất lượng.

III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy hướng dẫn các cấp ủy tổ chức học tập, quán triệt Nghị quyết; theo dõi, đôn đốc, định kỳ hằng năm báo cáo Ban Thường vụ Tỉnh ủy.
2. Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo UBND tỉnh xây dựng kế hoạch thực hiện Nghị quyết trước ngày 31/01/2026; chỉ đạo Sở Giáo dục và Đào tạo chủ trì rà soát mạng lưới trường, lớp.
3. Đảng ủy các cơ quan Đảng tỉnh, Đảng ủy Công an tỉnh, Đảng ủy Quân sự tỉnh lãnh đạo cấp ủy trực thuộc tổ chức quán triệt, triển khai thực hiện.
4. Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy theo chức năng, nhiệm vụ tham mưu Ban Thường vụ Tỉnh ủy kiểm tra, giám sát việc thực hiện Kế hoạch.
5. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền, vận động đoàn viên, hội viên và Nhân dân tham gia xã hội hóa giáo dục.
6. Các đảng ủy trực thuộc Tỉnh ủy căn cứ Kế hoạch này xây dựng kế hoạch thực hiện phù hợp với tình hình thực tế của địa phương, đơn vị; gửi về Ban Tuyên giáo và Dân vận Tỉnh ủy trước ngày 15/01/2026.

Nơi nhận:
- Ban Bí thư Trung ương Đảng (b/c),
- Các đảng ủy trực thuộc Tỉnh ủy,
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC

Nguyễn Đình Khang
"""


@pytest.fixture(scope="module")
def tinh_uy():
    return parse(TINH_UY)


def test_party_plans_of_the_old_provinces_keep_their_province(tinh_uy):
    assert tinh_uy.issuer == "Tỉnh ủy Đắk Lắk" and tinh_uy.number == "27-KH/TU"
    refs = {r.key: r for r in tinh_uy.references}
    assert (refs["58-CTr/TU"].issuer, refs["58-CTr/TU"].province) == ("Tỉnh ủy Phú Yên", "Phú Yên")
    assert (refs["301-KH/TU"].issuer, refs["301-KH/TU"].province) == ("Tỉnh ủy Đắk Lắk", "Đắk Lắk")
    assert relations(tinh_uy) == {"71-NQ/TW": "implements", "58-CTr/TU": "implements",
                                  "301-KH/TU": "implements"}


def test_party_boards_and_committees_in_the_closing_clauses(tinh_uy):
    study = find(tinh_uy, "hướng dẫn các cấp ủy tổ chức học tập")
    assert units_of(study, "lead") == {"ban tuyen giao va dan van tinh uy"}
    assert units_of(study, "support") == {"van phong tinh uy"}
    committees = find(tinh_uy, "lãnh đạo cấp ủy trực thuộc")
    assert units_of(committees, "lead") == {"dang uy cac co quan dang tinh", "dang uy cong an tinh",
                                            "dang uy quan su tinh"}
    front = find(tinh_uy, "xã hội hóa giáo dục")
    assert units_of(front, "lead") == {"uy ban mat tran to quoc viet nam tinh",
                                       "cac to chuc chinh tri - xa hoi tinh"}
    below = find(tinh_uy, "Các đảng ủy trực thuộc Tỉnh ủy căn cứ")
    assert units_of(below, "lead") == {"cac dang uy truc thuoc tinh uy"}
    assert below.deadline.date == "2026-01-15"


# --- 4. A department's table cut by a page break inside a row and inside a unit's name -----------

SO_BANG_NGAT_TRANG = """UBND TỈNH BẮC NINH
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 77/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Ninh, ngày 10 tháng 01 năm 2026

KẾ HOẠCH
Triển khai nhiệm vụ tiêu chuẩn, đo lường, chất lượng năm 2026

Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh Bắc Ninh, Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao năng suất, chất lượng sản phẩm, hàng hóa của doanh nghiệp.

II. NHIỆM VỤ CỤ THỂ
| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Kinh phí (triệu đồng) |
|---|---|---|---|---|---|
| 1 | Kiểm tra nhà nước về đo lường đối với phương tiện đo nhóm 2 tại các cửa hàng xăng dầu | Phòng Tiêu chuẩn Đo lường Chất lượng | Công an tỉnh; Chi cục Quản lý thị trường | Quý II, Quý III/2026 | 150 |
| 2 | Hỗ trợ doanh nghiệp áp dụng hệ thống quản lý chất lượng tiên tiến, công cụ cải tiến năng suất | Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng | Sở Công Thương; Hiệp hội Doanh nghiệp tỉnh; Ban Quản lý các Khu công | Năm 2026 | 1.200 |

2

| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Kinh phí (triệu đồng) |
|---|---|---|---|---|---|
| | và xây dựng mô hình điểm | | nghiệp tỉnh | | |
| 3 | Tổ chức Giải thưởng Chất lượng quốc gia cấp tỉnh | Phòng Tiêu chuẩn Đo lường Chất lượng | Sở Nội vụ (Ban Thi đua - Khen thưởng) | Quý IV/2026 | 80 |
| 4 | Khảo sát nhu cầu kiểm định phương tiện đo tại các chợ | Chi cục Tiêu chuẩn Đo lường Chất lượng | Sở Công Thương, Phòng Kinh tế, Hạ tầng và | Quý III/2026 | 40 |
| | | | Đô thị các phường | | |
| 5 | Hướng dẫn áp dụng mã số, mã vạch | Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng | Sở Công Thương | Năm 2026 | 30 |
| | | | các cơ quan liên quan | | |

III. TỔ CHỨC THỰC HIỆN
1. Giao Phòng Kế hoạch - Tài chính làm đầu mối theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch; tổng hợp báo cáo Giám đốc Sở trước ngày 10/12/2026.
2. Các phòng, đơn vị thuộc Sở căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết, chủ động phối hợp với các cơ quan liên quan tổ chức thực hiện.

Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Văn Phúc
"""


@pytest.fixture(scope="module")
def so_bang():
    return parse(SO_BANG_NGAT_TRANG)


def test_unit_name_cut_by_the_page_break_is_one_partner(so_bang):
    quality = find(so_bang, "công cụ cải tiến năng suất")
    assert quality.text.endswith("và xây dựng mô hình điểm")
    assert units_of(quality, "support") == {"so cong thuong", "hiep hoi doanh nghiep tinh",
                                            "ban quan ly cac khu cong nghiep tinh"}
    assert "ban quan ly cac khu cong" not in {fold(u.name) for u in so_bang.units}
    survey = find(so_bang, "kiểm định phương tiện đo tại các chợ")
    assert units_of(survey, "support") == {"so cong thuong",
                                           "phong kinh te, ha tang va do thi cac phuong"}


def test_units_of_their_own_below_a_row_are_more_partners(so_bang):
    barcode = find(so_bang, "mã số, mã vạch")
    assert units_of(barcode, "support") == {"so cong thuong", "cac co quan lien quan"}


def test_table_after_the_page_break_and_its_budget_column(so_bang):
    award = find(so_bang, "Giải thưởng Chất lượng quốc gia")
    assert units_of(award, "lead") == {"phong tieu chuan do luong chat luong"}
    assert award.deadline.date == "2026-12"
    assert award.outputs == []
    follow = find(so_bang, "làm đầu mối theo dõi, đôn đốc")
    assert units_of(follow, "lead") == {"phong ke hoach – tai chinh"}


# --- 5. A ministry's appendix with notes naming units and a line pointing to the appendix --------

BO_KHCN_PHU_LUC = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 3105/KH-BKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 25 tháng 8 năm 2026

KẾ HOẠCH
Triển khai Chiến lược sở hữu trí tuệ đến năm 2030 giai đoạn 2026 - 2028

Thực hiện Quyết định số 1068/QĐ-TTg ngày 22/8/2019 của Thủ tướng Chính phủ phê duyệt Chiến lược sở hữu trí tuệ đến năm 2030, Bộ Khoa học và Công nghệ ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Tạo chuyển biến rõ nét trong tạo ra, khai thác và bảo vệ tài sản trí tuệ.

II. NHIỆM VỤ
1. Các Bộ, cơ quan ngang Bộ
a) Rà soát, đề xuất sửa đổi quy định về quản lý tài sản trí tuệ hình thành từ nhiệm vụ sử dụng ngân sách nhà nước thuộc phạm vi quản lý; gửi Bộ Khoa học và Công nghệ trước ngày 30/6/2027.
b) Phối hợp với Bộ Khoa học và Công nghệ xây dựng cơ sở dữ liệu về tài sản trí tuệ của ngành.
2. UBND các tỉnh, thành phố trực thuộc Trung ương
a) Chỉ đạo Sở Khoa học và Công nghệ xây dựng chương trình phát triển tài sản trí tuệ của địa phương.
b) Bố trí kinh phí từ ngân sách địa phương để hỗ trợ bảo hộ chỉ dẫn địa lý, nhãn hiệu chứng nhận cho đặc sản địa phương.
3. Các đơn vị thuộc Bộ
Chi tiết tại Phụ lục kèm theo.

III. TỔ CHỨC THỰC HIỆN
1. Cục Sở hữu trí tuệ là đầu mối giúp Bộ trưởng theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; chủ trì tổng hợp, báo cáo Thủ tướng Chính phủ định kỳ hằng năm.
2. Vụ Kế hoạch - Tài chính chủ trì, phối hợp với Cục Sở hữu trí tuệ cân đối, bố trí kinh phí thực hiện Kế hoạch.

Nơi nhận:
- Thủ tướng Chính phủ (để b/c);
- Các Bộ, cơ quan ngang Bộ;
- UBND các tỉnh, thành phố trực thuộc TW;
- Lưu: VT, SHTT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Hoàng Minh Đức

Phụ lục
NHIỆM VỤ CỦA CÁC ĐƠN VỊ THUỘC BỘ
(Kèm theo Kế hoạch số 3105/KH-BKHCN ngày 25/8/2026 của Bộ Khoa học và Công nghệ)

| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Kinh phí | Ghi chú |
|---|---|---|---|---|---|---|
| 1 | Xây dựng Nghị định hướng dẫn Luật Sở hữu trí tuệ (sửa đổi) | Cục Sở hữu trí tuệ | Vụ Pháp chế; Bộ Tư pháp | Quý IV/2026 | Ngân sách nhà nước | Vụ Pháp chế thẩm định trước khi trình Bộ trưởng |
| 2 | Nâng cấp hệ thống quản trị đơn sở hữu công nghiệp trực tuyến | Cục Sở hữu trí tuệ | Trung tâm Công nghệ thông tin | 2026 - 2027 | 15 tỷ đồng | |
| 3 | Hỗ trợ các địa phương phát triển tài sản trí tuệ cho sản phẩm OCOP | Văn phòng các Chương trình khoa học và công nghệ quốc gia | Cục Sở hữu trí tuệ; UBND các tỉnh, thành phố trực thuộc Trung ương | Hằng năm | Chương trình phát triển tài sản trí tuệ | Phối hợp với Bộ Nông nghiệp và Môi trường |
| 4 | Thanh tra, kiểm tra việc thực thi quyền sở hữu trí tuệ | Thanh tra Bộ | Cục Sở hữu trí tuệ | Hằng năm | Thường xuyên | |
"""


@pytest.fixture(scope="module")
def bo_khcn():
    return parse(BO_KHCN_PHU_LUC)


def test_a_line_pointing_to_the_appendix_is_not_a_duty(bo_khcn):
    assert not [t for t in bo_khcn.tasks if "Phụ lục" in t.text]
    assert not [u for u in bo_khcn.units if fold(u.name) == "cac don vi thuoc bo"]


def test_verbs_after_a_partner_end_its_name(bo_khcn):
    budget = find(bo_khcn, "cân đối, bố trí kinh phí")
    assert units_of(budget, "lead") == {"vu ke hoach - tai chinh"}
    assert units_of(budget, "support") == {"cuc so huu tri tue"}


def test_notes_and_national_bodies_of_the_ministry(bo_khcn):
    ocop = find(bo_khcn, "sản phẩm OCOP")
    assert units_of(ocop, "lead") == {
        "van phong cac chuong trinh khoa hoc va cong nghe quoc gia"}
    assert units_of(ocop, "support") == {
        "cuc so huu tri tue", "ubnd cac tinh, thanh pho truc thuoc trung uong",
        "bo nong nghiep va moi truong"}
    # The ministry's offices and national bodies are its own; other ministries are not.
    categories = {fold(u.name): u.category for u in bo_khcn.units}
    assert categories["van phong cac chuong trinh khoa hoc va cong nghe quoc gia"] == "internal"
    assert categories["bo tu phap"] == categories["bo nong nghiep va moi truong"] == "external"
    decree = find(bo_khcn, "Nghị định hướng dẫn Luật Sở hữu trí tuệ")
    assert units_of(decree, "support") == {"vu phap che", "bo tu phap"}
    provinces = find(bo_khcn, "bảo hộ chỉ dẫn địa lý")
    assert units_of(provinces, "lead") == {"ubnd cac tinh, thanh pho truc thuoc trung uong"}


# --- 6. A commune Party committee's plan: its own boards and office ------------------------------

DANG_UY_XA = """ĐẢNG BỘ TỈNH LÂM ĐỒNG
ĐẢNG ỦY XÃ ĐẠ HUOAI
*
Số 42-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Đạ Huoai, ngày 16 tháng 01 năm 2026

KẾ HOẠCH
thực hiện Chương trình hành động số 08-CTr/TU ngày 20/11/2025 của Tỉnh ủy Lâm Đồng về phát triển kinh tế tập thể

Thực hiện Chương trình hành động số 08-CTr/TU ngày 20/11/2025 của Tỉnh ủy Lâm Đồng; Kết luận số 18-KL/ĐU ngày 05/01/2026 của Ban Thường vụ Đảng ủy xã, Ban Thường vụ Đảng ủy xã xây dựng Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cán bộ, đảng viên về vai trò của kinh tế tập thể.

II. NHIỆM VỤ TRỌNG TÂM
1. Ban Xây dựng Đảng Đảng ủy xã
- Tham mưu tổ chức quán triệt Chương trình hành động đến các chi bộ; hoàn thành trong tháng 3/2026.
- Chủ trì, phối hợp với Văn phòng Đảng ủy xã hướng dẫn các chi bộ đưa nội dung phát triển hợp tác xã vào sinh hoạt chuyên đề.
2. Đảng ủy UBND xã
- Lãnh đạo UBND xã xây dựng kế hoạch hỗ trợ thành lập mới ít nhất 02 hợp tác xã nông nghiệp năm 2026.
- Chỉ đạo Phòng Kinh tế phối hợp với Trung tâm Phục vụ hành chính công xã hướng dẫn thủ tục đăng ký hợp tác xã.
3. Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội xã
- Tuyên truyền, vận động hội viên, đoàn viên tham gia hợp tác xã, tổ hợp tác.
- Hội Nông dân xã phối hợp với Chi nhánh Ngân hàng Chính sách xã hội khu vực hỗ trợ vốn vay cho thành viên hợp tác xã.
4. Các chi bộ trực thuộc
Xây dựng kế hoạch thực hiện phù hợp với đặc điểm của thôn, cơ quan, đơn vị; báo cáo kết quả về Đảng ủy xã (qua Văn phòng Đảng ủy) trước ngày 10/12 hằng năm.

III. TỔ CHỨC THỰC HIỆN
Ủy ban Kiểm tra Đảng ủy xã chủ trì, phối hợp với Ban Xây dựng Đảng Đảng ủy xã kiểm tra, giám sát việc thực hiện Kế hoạch.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy (b/c),
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Lê Văn Hùng
"""


@pytest.fixture(scope="module")
def dang_uy_xa():
    return parse(DANG_UY_XA)


def test_commune_party_committees_own_boards(dang_uy_xa):
    assert dang_uy_xa.issuer == "Đảng ủy xã Đạ Huoai"
    assert dang_uy_xa.province == "Lâm Đồng"
    categories = {fold(u.name): u.category for u in dang_uy_xa.units}
    assert categories["ban xay dung dang dang uy xa"] == "internal"
    assert categories["van phong dang uy xa"] == "internal"
    assert categories["uy ban kiem tra dang uy xa"] == "internal"
    assert categories["dang uy ubnd xa"] == "external"
    guide = find(dang_uy_xa, "sinh hoạt chuyên đề")
    assert units_of(guide, "lead") == {"ban xay dung dang dang uy xa"}
    assert units_of(guide, "support") == {"van phong dang uy xa"}
    loans = find(dang_uy_xa, "hỗ trợ vốn vay")
    assert units_of(loans, "lead") == {"hoi nong dan xa"}
    assert units_of(loans, "support") == {"chi nhanh ngan hang chinh sach xa hoi khu vuc"}


# --- 7. A province's closing clauses: follow-up, budget and a duty under a condition -------------

UBND_TINH = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 205/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Gia Lai, ngày 03 tháng 11 năm 2025

KẾ HOẠCH
Triển khai Đề án phát triển kinh tế tư nhân trên địa bàn tỉnh năm 2026

Thực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế tư nhân và Nghị quyết số 138/NQ-CP ngày 16/5/2025 của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Tạo chuyển biến mạnh mẽ về môi trường đầu tư kinh doanh.

II. NHIỆM VỤ, GIẢI PHÁP
1. Cải thiện môi trường đầu tư kinh doanh, nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI).
Sở Tài chính chủ trì, phối hợp với Sở Tư pháp, Văn phòng UBND tỉnh, Hiệp hội Doanh nghiệp tỉnh tham mưu triển khai; thời gian thực hiện: năm 2026.
2. Hỗ trợ doanh nghiệp nhỏ và vừa tiếp cận tín dụng.
Ngân hàng Nhà nước Khu vực 10 chủ trì; các tổ chức tín dụng trên địa bàn, Quỹ Bảo lãnh tín dụng cho doanh nghiệp nhỏ và vừa tỉnh phối hợp; thời gian: thường xuyên.
3. Đào tạo, bồi dưỡng kiến thức quản trị cho 500 chủ doanh nghiệp, hộ kinh doanh.
Giao Sở Công Thương, Sở Khoa học và Công nghệ theo chức năng, nhiệm vụ được giao chủ động triển khai; UBND các xã, phường phối hợp lựa chọn đối tượng.

III. TỔ CHỨC THỰC HIỆN
Giao Sở Tài chính làm đầu mối theo dõi, đôn đốc các sở, ngành, địa phương triển khai Kế hoạch; định kỳ 6 tháng, hằng năm tổng hợp kết quả, báo cáo UBND tỉnh.
Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã, phường, đặc khu căn cứ nhiệm vụ được giao xây dựng kế hoạch cụ thể, triển khai thực hiện hiệu quả.
Sở Tài chính tham mưu cân đối, bố trí kinh phí; Sở Nội vụ hướng dẫn khen thưởng tổ chức, cá nhân có thành tích.
Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này.
Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành, địa phương kịp thời báo cáo UBND tỉnh (qua Sở Tài chính) để xem xét, điều chỉnh.

Nơi nhận:
- Như trên;
- Lưu: VT, KTTH.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Phạm Quốc Tuấn
"""


@pytest.fixture(scope="module")
def ubnd_tinh():
    return parse(UBND_TINH)


def test_partners_named_before_their_verb_include_a_fund(ubnd_tinh):
    credit = find(ubnd_tinh, "Ngân hàng Nhà nước Khu vực 10 chủ trì")
    assert units_of(credit, "lead") == {"ngan hang nha nuoc khu vuc 10"}
    assert units_of(credit, "support") == {
        "cac to chuc tin dung tren dia ban",
        "quy bao lanh tin dung cho doanh nghiep nho va vua tinh"}
    kinds = {fold(u.name): u.kind for u in ubnd_tinh.units}
    assert kinds["ngan hang nha nuoc khu vuc 10"] == "ngan-hang-nha-nuoc"


def test_heads_of_bodies_name_their_bodies(ubnd_tinh):
    every = find(ubnd_tinh, "xây dựng kế hoạch cụ thể")
    assert units_of(every, "lead") == {"cac so, ban, nganh", "ubnd cac xa, phuong, dac khu"}


def test_duty_after_a_condition_holding_commas(ubnd_tinh):
    # "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành … báo cáo …"
    report = find(ubnd_tinh, "nếu có khó khăn, vướng mắc")
    assert units_of(report, "lead") == {"cac so, nganh, dia phuong"}


def test_follow_up_clauses(ubnd_tinh):
    focal = find(ubnd_tinh, "làm đầu mối theo dõi")
    assert units_of(focal, "lead") == {"so tai chinh"}
    office = find(ubnd_tinh, "Văn phòng UBND tỉnh theo dõi")
    assert units_of(office, "lead") == {"van phong ubnd tinh"}
    training = find(ubnd_tinh, "theo chức năng, nhiệm vụ được giao chủ động triển khai")
    assert units_of(training, "lead") == {"so cong thuong", "so khoa hoc va cong nghe"}
    # "UBND các xã, phường" and "… đặc khu" of the closing clause are one group of communes
    assert units_of(training, "support") == {"ubnd cac xa, phuong, dac khu"}


# --- 8. A commune's table naming civil servants by post, in its cells and notes ------------

XA_CONG_CHUC = """ỦY BAN NHÂN DÂN
XÃ TÂN PHÚ
Số: 88/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Phú, ngày 12 tháng 12 năm 2025

KẾ HOẠCH
Cải cách hành chính xã Tân Phú năm 2026

Thực hiện Kế hoạch số 520/KH-UBND ngày 28/11/2025 của UBND tỉnh Đồng Nai về cải cách hành chính năm 2026, UBND xã ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao mức độ hài lòng của người dân, doanh nghiệp.

II. NHIỆM VỤ
| STT | Nội dung công việc | Bộ phận chủ trì | Bộ phận phối hợp | Thời gian hoàn thành | Ghi chú |
|---|---|---|---|---|---|
| I | CẢI CÁCH THỂ CHẾ | | | | |
| 1 | Rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành | Văn phòng HĐND và UBND xã | Phòng Kinh tế; Phòng Văn hóa - Xã hội | Quý II/2026 | Công chức Tư pháp - Hộ tịch thẩm định |
| II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH | | | | |
| 1 | Công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã | Trung tâm Phục vụ hành chính công xã | Công an xã | Thường xuyên | |
| 2 | Số hóa kết quả giải quyết thủ tục hành chính | Trung tâm Phục vụ hành chính công xã | Công chức Văn phòng - Thống kê | Tháng 6/2026 | |
| III | CẢI CÁCH TỔ CHỨC BỘ MÁY | | | | |
| 1 | Rà soát vị trí việc làm của cán bộ, công chức xã | Phòng Văn hóa - Xã hội | Văn phòng HĐND và UBND xã | Quý III/2026 | Báo cáo UBND tỉnh qua Sở Nội vụ |

III. TỔ CHỨC THỰC HIỆN
1. Giao Văn phòng HĐND và UBND xã làm đầu mối theo dõi, đôn đốc; tổng hợp báo cáo UBND xã hằng quý (trước ngày 15 tháng cuối quý).
2. Các phòng, ban, đơn vị thuộc UBND xã căn cứ nhiệm vụ được phân công chủ động triển khai thực hiện.
3. Ban Chỉ huy Quân sự xã, Công an xã phối hợp thực hiện các nhiệm vụ liên quan.

Nơi nhận:
- UBND tỉnh;
- Sở Nội vụ;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Bình
"""


def test_civil_servants_by_post_are_the_communes_own_units():
    plan = parse(XA_CONG_CHUC)
    review = find(plan, "Rà soát văn bản quy phạm pháp luật")
    assert units_of(review, "lead") == {"van phong hdnd va ubnd xa"}
    assert units_of(review, "support") == {"phong kinh te", "phong van hoa - xa hoi",
                                            "cong chuc tu phap - ho tich"}
    records = find(plan, "Số hóa kết quả")
    assert units_of(records, "support") == {"cong chuc van phong - thong ke"}
    assert {u.category for u in records.units} == {"internal"}
    # "cán bộ, công chức xã" in a duty's words is not a unit; a note naming no duty adds none.
    posts = find(plan, "vị trí việc làm")
    assert units_of(posts) == {"phong van hoa - xa hoi", "van phong hdnd va ubnd xa"}


# --- 9. A merged province's department citing the old province's, district's and commune's plans

CAN_CU_CU = """UBND TỈNH GIA LAI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 310/KH-SKHCN
Gia Lai, ngày 10 tháng 10 năm 2025

KẾ HOẠCH
Chuyển đổi số ngành khoa học và công nghệ năm 2026

Căn cứ Kế hoạch số 45/KH-SKHCN ngày 10/02/2025 của Sở Khoa học và Công nghệ tỉnh Bình Định (cũ); Kế hoạch số 120/KH-STTTT ngày 03/3/2024 của Sở Thông tin và Truyền thông tỉnh Bình Định (trước đây); Kế hoạch số 77/KH-UBND ngày 05/5/2025 của UBND huyện Tuy Phước (cũ) và Kế hoạch số 15/KH-UBND ngày 20/8/2025 của UBND xã Tuy Phước;
Thực hiện Kế hoạch số 410/KH-UBND ngày 29/9/2025 của UBND tỉnh, Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:

II. NHIỆM VỤ
1. Phòng Kế hoạch - Tài chính chủ trì xây dựng cơ sở dữ liệu ngành; hoàn thành trong năm 2026.
"""


def test_plans_of_old_departments_districts_and_new_communes():
    refs = {r.key: (r.issuer, r.province) for r in parse(CAN_CU_CU).references}
    assert refs["45/KH-SKHCN"] == ("Sở Khoa học và Công nghệ tỉnh Bình Định", "Bình Định")
    assert refs["120/KH-STTTT"] == ("Sở Thông tin và Truyền thông tỉnh Bình Định", "Bình Định")
    # A district's plan is of the province the district was in; a commune formed in 2025 may
    # bear an old district's name and is in the province of today.
    assert refs["77/KH-UBND"] == ("UBND huyện Tuy Phước", "Bình Định")
    assert refs["15/KH-UBND"] == ("UBND xã Tuy Phước", "Gia Lai")
    assert refs["410/KH-UBND"][1] == "Gia Lai"


# --- 10. The Party committee of the provincial Party bodies (formed in 2025) ----------------------

DANG_UY_CO_QUAN = """ĐẢNG BỘ TỈNH NGHỆ AN
ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH
*
Số 09-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Nghệ An, ngày 20 tháng 10 năm 2025

KẾ HOẠCH
học tập, quán triệt và triển khai thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX

Thực hiện Kế hoạch số 03-KH/TU ngày 10/10/2025 của Ban Thường vụ Tỉnh ủy Nghệ An, Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Tạo sự thống nhất về nhận thức và hành động trong Đảng bộ.

II. NHIỆM VỤ
1. Văn phòng Đảng ủy chủ trì, phối hợp với Ban Xây dựng Đảng Đảng ủy chuẩn bị tài liệu, điều kiện tổ chức hội nghị; hoàn thành trước ngày 30/10/2025.
2. Ủy ban Kiểm tra Đảng ủy kiểm tra, giám sát việc học tập, quán triệt ở các tổ chức cơ sở đảng.
3. Các chi bộ, đảng bộ cơ sở trực thuộc tổ chức học tập cho 100% cán bộ, đảng viên; báo cáo kết quả về Đảng ủy (qua Ban Xây dựng Đảng) trước ngày 15/12/2025.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy (b/c),
- Lưu Văn phòng Đảng ủy.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn Thông
"""


def test_party_committee_of_the_party_bodies_and_its_own_boards():
    plan = parse(DANG_UY_CO_QUAN)
    assert plan.issuer == "Đảng ủy các cơ quan Đảng tỉnh" and plan.province == "Nghệ An"
    assert relations(plan) == {"03-KH/TU": "implements"}
    papers = find(plan, "chuẩn bị tài liệu")
    assert units_of(papers, "lead") == {"van phong dang uy"}
    assert units_of(papers, "support") == {"ban xay dung dang dang uy"}
    assert {u.category for u in papers.units} == {"internal"}
    assert papers.deadline.date == "2025-10-30"


FIXTURES = {"bo_noi_vu": BO_NOI_VU, "phuong": PHUONG, "tinh_uy": TINH_UY,
            "so_bang": SO_BANG_NGAT_TRANG, "bo_khcn": BO_KHCN_PHU_LUC, "dang_uy_xa": DANG_UY_XA,
            "ubnd_tinh": UBND_TINH,
            "xa_cong_chuc": XA_CONG_CHUC, "can_cu_cu": CAN_CU_CU,
            "dang_uy_co_quan": DANG_UY_CO_QUAN}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_same_reading_in_nfd_and_old_tone_placement(name):
    assert_same_reading_in_any_form(FIXTURES[name])


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_same_metadata_and_references_in_nfd(name):
    base = parse(FIXTURES[name])
    nfd = parse(unicodedata.normalize("NFD", FIXTURES[name]))
    assert (nfd.issuer, nfd.province) == (base.issuer, base.province)
    assert [(r.key, r.issuer, r.province) for r in nfd.references] == [
        (r.key, r.issuer, r.province) for r in base.references]

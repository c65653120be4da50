# ruff: noqa: E501  (fixture table rows are as long as real plans print them)
"""More plans in layouts and wordings the seeds and tests/test_unseen_layouts.py do not show.

Every fixture below is our own writing in the Vietnamese administrative style, read as a
careful reader would: a ministry's plan assigning its departments (Vụ, Cục, Viện) and citing
a law; a provincial Party committee's action programme; a joint plan of two issuers signed in
two columns; an appendix table whose merged cells are written as continuation or repeated
rows (and the same in a Word table and a web page's rowspan); text extracted from a PDF with
page numbers, running headers and a digital signature's stamp; a web portal's markdown
export (property table, header and closing as ``<br>`` layout tables, page links) and HTML
page; a Word copy in NFD with old tone placement and abbreviated unit names; a table pasted
with tabs, "1/", "a/" and "III-" numbering, recipients and signature side by side; a
steering committee whose name runs over several header lines; a ward's plan after the July
2025 merger; duties assigned in brackets after the task or by role notes inside a table
cell; a ward Party committee's plan.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.deadlines import find_deadline, read_deadline, read_targets
from policykg.loaders.parse import parse_text
from policykg.loaders.readers import read_document
from policykg.loaders.units import leading_subject, split_units
from policykg.ontology.normalize import fold
from tests.layouts import assert_same_reading_in_any_form, find, parse, relations, units_of

# --- 1. A ministry's plan: its departments (Vụ, Cục, Viện) and the provinces -------------

BO_KHCN = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 123/KH-BKHCN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 14 tháng 02 năm 2025

KẾ HOẠCH
Triển khai Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW
của Bộ Chính trị trong ngành khoa học và công nghệ năm 2025

Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15 ngày 27/6/2025;
Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động
thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học,
công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Bộ Khoa học và Công nghệ ban hành Kế hoạch
triển khai như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa các nhiệm vụ được Chính phủ giao cho Bộ Khoa học và Công nghệ.
2. Phân công rõ đơn vị chủ trì, thời hạn hoàn thành và sản phẩm của từng nhiệm vụ.

II. NHIỆM VỤ CỤ THỂ
1. Xây dựng Thông tư hướng dẫn cơ chế khoán chi đến sản phẩm cuối cùng đối với nhiệm vụ khoa học
và công nghệ sử dụng ngân sách nhà nước.
- Cơ quan chủ trì: Vụ Kế hoạch - Tài chính
- Cơ quan phối hợp: Vụ Pháp chế, Cục Đổi mới sáng tạo, Bộ Tài chính
- Thời hạn hoàn thành: Quý II/2025
- Sản phẩm: Thông tư của Bộ trưởng Bộ Khoa học và Công nghệ
2. Xây dựng cơ sở dữ liệu quốc gia về khoa học, công nghệ và đổi mới sáng tạo.
- Cơ quan chủ trì: Cục Thông tin, Thống kê
- Cơ quan phối hợp: Trung tâm Công nghệ thông tin; các Sở Khoa học và Công nghệ
- Thời hạn hoàn thành: Giai đoạn 2025-2030
- Sản phẩm: Cơ sở dữ liệu được vận hành, kết nối với 100% Sở Khoa học và Công nghệ
3. Tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo quốc gia (Techfest).
- Cơ quan chủ trì: Cục Phát triển thị trường và doanh nghiệp khoa học và công nghệ
- Cơ quan phối hợp: UBND các tỉnh, thành phố trực thuộc Trung ương
- Thời hạn hoàn thành: Hằng năm
- Sản phẩm: Ngày hội được tổ chức, ít nhất 200 dự án khởi nghiệp tham gia
4. Đánh giá, công bố Chỉ số đổi mới sáng tạo cấp địa phương (PII).
- Cơ quan chủ trì: Viện Chiến lược, Chính sách khoa học và công nghệ
- Cơ quan phối hợp: Văn phòng Bộ, Vụ Khoa học xã hội, nhân văn và tự nhiên
- Thời hạn hoàn thành: Trước ngày 15/12/2025
- Sản phẩm: Báo cáo Chỉ số PII năm 2025

III. TỔ CHỨC THỰC HIỆN
1. Thủ trưởng các đơn vị thuộc Bộ căn cứ nhiệm vụ được giao chủ động xây dựng kế hoạch chi
tiết, bảo đảm tiến độ và chất lượng; báo cáo kết quả về Vụ Kế hoạch - Tài chính trước ngày 10
của tháng cuối quý.
2. Đề nghị UBND các tỉnh, thành phố trực thuộc Trung ương chỉ đạo Sở Khoa học và Công nghệ
phối hợp với các đơn vị thuộc Bộ triển khai các nhiệm vụ liên quan tại địa phương.
3. Vụ Kế hoạch - Tài chính chủ trì, phối hợp với Văn phòng Bộ theo dõi, đôn đốc, tổng hợp kết
quả thực hiện, báo cáo Bộ trưởng thường xuyên.

Nơi nhận:
- Văn phòng Chính phủ;
- Bộ trưởng (để b/c);
- UBND các tỉnh, thành phố trực thuộc Trung ương;
- Lưu: VT, KHTC.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Lê Xuân Định
"""


def test_ministry_metadata_is_central():
    plan = parse(BO_KHCN)
    assert plan.number == "123/KH-BKHCN"
    assert plan.date == "2025-02-14"
    assert plan.province is None
    assert fold(plan.issuer or "") == "bo khoa hoc va cong nghe"
    assert plan.signer == "Lê Xuân Định"
    assert relations(plan)["03/NQ-CP"] == "implements"
    assert "57-NQ/TW" in relations(plan)
    # A law's number carries no type code; the word "Luật" before its name gives it.
    law = next(r for r in plan.references if r.key == "93/2025/QH15")
    assert (law.doctype, law.relation, law.scope) == ("L", "basis", "central")


def test_ministry_departments_vu_and_cuc():
    plan = parse(BO_KHCN)
    circular = find(plan, "khoán chi đến sản phẩm cuối cùng")
    assert units_of(circular, "lead") == {"vu ke hoach - tai chinh"}
    assert units_of(circular, "support") == {"vu phap che", "cuc doi moi sang tao", "bo tai chinh"}
    pii = find(plan, "Chỉ số đổi mới sáng tạo cấp địa phương")
    assert units_of(pii, "lead") == {"vien chien luoc, chinh sach khoa hoc va cong nghe"}
    assert units_of(pii, "support") == {"van phong bo", "vu khoa hoc xa hoi, nhan van va tu nhien"}
    follow = find(plan, "theo dõi, đôn đốc, tổng hợp kết quả thực hiện")
    assert units_of(follow, "lead") == {"vu ke hoach - tai chinh"}
    assert units_of(follow, "support") == {"van phong bo"}


def test_ministry_provinces_and_own_deadlines():
    plan = parse(BO_KHCN)
    fest = find(plan, "Techfest")
    assert units_of(fest, "support") == {"ubnd cac tinh, thanh pho truc thuoc trung uong"}
    assert fest.deadline is not None and fest.deadline.recurrence == "yearly"
    db = find(plan, "cơ sở dữ liệu quốc gia")
    assert units_of(db, "lead") == {"cuc thong tin, thong ke"}
    assert (db.deadline.start_year, db.deadline.end_year) == (2025, 2030)
    # The purposes under "I. MỤC ĐÍCH" are not duties.
    assert not [t for t in plan.tasks if t.section == "I"]


def test_vu_heads_a_department_name_but_not_a_crop_season():
    assert split_units("Vụ Pháp chế, Vụ An toàn giao thông; Cục Đổi mới sáng tạo") == [
        "Vụ Pháp chế", "Vụ An toàn giao thông", "Cục Đổi mới sáng tạo"]
    assert leading_subject("Vụ Đông Xuân 2025-2026 tập trung gieo sạ đúng lịch.") is None
    assert leading_subject("Vụ mùa năm 2025 chuyển đổi 500 ha lúa kém hiệu quả.") is None


# --- 2. A provincial Party committee's action programme ---------------------------------

TINH_UY_CTR = """ĐẢNG BỘ TỈNH THANH HÓA
TỈNH ỦY
*
Số 15-CTr/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Thanh Hóa, ngày 18 tháng 3 năm 2025

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị
về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia

-----

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị (sau đây gọi tắt là Nghị
quyết 57) và Kế hoạch số 01-KH/BCĐTW ngày 15/01/2025 của Ban Chỉ đạo Trung ương về phát triển
khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, Ban Thường vụ Tỉnh ủy ban hành Chương
trình hành động như sau:

I. MỤC TIÊU
Đến năm 2030, kinh tế số đạt tối thiểu 30% GRDP của tỉnh.

II. NHIỆM VỤ, GIẢI PHÁP
1. Nâng cao nhận thức, đổi mới tư duy về phát triển khoa học, công nghệ trong toàn Đảng bộ.
2. Hoàn thiện cơ chế, chính sách của tỉnh để thúc đẩy đổi mới sáng tạo.

III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn
tuyên truyền, quán triệt Nghị quyết 57 trong toàn Đảng bộ; hoàn thành trong Quý II/2025.
2. Đảng ủy UBND tỉnh lãnh đạo UBND tỉnh xây dựng Kế hoạch thực hiện Chương trình hành động,
trình Ban Thường vụ Tỉnh ủy trước ngày 30/4/2025.
3. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tăng cường
giám sát, phản biện xã hội việc thực hiện Chương trình hành động.
4. Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch thực hiện
Chương trình hành động phù hợp với địa phương, đơn vị, hoàn thành trước ngày 15/5/2025.
5. Ủy ban Kiểm tra Tỉnh ủy phối hợp với Văn phòng Tỉnh ủy theo dõi, kiểm tra, giám sát việc
thực hiện, định kỳ hằng năm báo cáo Ban Thường vụ Tỉnh ủy.

Nơi nhận:
- Ban Bí thư Trung ương Đảng (để b/c),
- Các đồng chí Tỉnh ủy viên,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Doãn Anh
"""


def test_party_programme_metadata():
    plan = parse(TINH_UY_CTR)
    assert (plan.doctype, plan.number, plan.date) == ("CTr", "15-CTr/TU", "2025-03-18")
    assert fold(plan.province or "") == "thanh hoa"
    assert fold(plan.issuer or "").startswith("tinh uy")
    assert plan.signer == "Nguyễn Doãn Anh"


def test_documents_joined_past_a_short_name_are_all_implemented():
    # "Thực hiện A (sau đây gọi tắt là …) và B, Ban Thường vụ ban hành": both are carried out.
    plan = parse(TINH_UY_CTR)
    assert relations(plan)["57-NQ/TW"] == "implements"
    assert relations(plan)["01-KH/BCĐTW"] == "implements"


def test_wrapped_line_opening_with_a_document_name_continues_the_duty():
    plan = parse(TINH_UY_CTR)
    local = find(plan, "Các huyện ủy, thị ủy")
    assert "phù hợp với địa phương" in local.text
    assert local.deadline is not None and local.deadline.date == "2025-05-15"
    assert units_of(local, "lead") == {"cac huyen uy, thi uy, thanh uy, dang uy truc thuoc tinh uy"}
    assert not [t for t in plan.tasks if fold(t.text).startswith("chuong trinh hanh dong")]


def test_party_bodies_and_yearly_report():
    plan = parse(TINH_UY_CTR)
    assert units_of(find(plan, "quán triệt Nghị quyết 57"), "lead") == {
        "ban tuyen giao va dan van tinh uy"}
    check = find(plan, "giám sát việc thực hiện, định kỳ")
    assert units_of(check, "lead") == {"uy ban kiem tra tinh uy"}
    assert units_of(check, "support") == {"van phong tinh uy"}
    assert check.deadline is not None and check.deadline.recurrence == "yearly"


# --- 3. A joint plan of two issuers, signed in two columns before the recipients ----------

LIEN_TICH = """UBND TỈNH GIA LAI                          BCH HỘI NÔNG DÂN TỈNH GIA LAI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 169/KH-SKHCN-HND                       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                           Độc lập - Tự do - Hạnh phúc
                                           Gia Lai, ngày 13 tháng 3 năm 2022

KẾ HOẠCH LIÊN TỊCH
Phối hợp hỗ trợ nông dân ứng dụng khoa học và công nghệ năm 2022

Thực hiện Chương trình phối hợp số 1473/CTrPHKH-SKHCN-HND ngày 07/12/2021 giữa Sở Khoa học
và Công nghệ và Ban Chấp hành Hội Nông dân tỉnh, hai cơ quan thống nhất ban hành Kế hoạch liên
tịch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả phối hợp giữa hai cơ quan trong hỗ trợ hội viên nông dân.

II. NỘI DUNG PHỐI HỢP
1. Tập huấn chuyển giao tiến bộ khoa học kỹ thuật cho hội viên nông dân.
Chủ trì: Sở KH&CN; phối hợp: Hội Nông dân tỉnh.
Thời gian: Quý II và Quý III năm 2022.
2. Hỗ trợ xây dựng nhãn hiệu tập thể cho sản phẩm nông nghiệp của các chi hội nghề nghiệp.
Chủ trì: Hội Nông dân tỉnh; phối hợp: Phòng Quản lý Công nghệ và Sở hữu trí tuệ.
Thời gian: Năm 2022.
3. Tổ chức Hội thi sáng tạo kỹ thuật nhà nông cấp tỉnh.
Chủ trì: Hội Nông dân tỉnh; phối hợp: Sở KH&CN, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh.
Thời gian: Tháng 10/2022.

III. TỔ CHỨC THỰC HIỆN
Giao Văn phòng Sở Khoa học và Công nghệ và Ban Kinh tế - Xã hội Hội Nông dân tỉnh là đầu mối
theo dõi, tổng hợp kết quả thực hiện, báo cáo lãnh đạo hai cơ quan trước ngày 15/12/2022.

TM. BAN THƯỜNG VỤ                          GIÁM ĐỐC
HỘI NÔNG DÂN TỈNH                          SỞ KHOA HỌC VÀ CÔNG NGHỆ
CHỦ TỊCH

Nguyễn Văn Hùng                            Trần Văn Minh

Nơi nhận:
- UBND tỉnh (b/c);
- TW Hội Nông dân Việt Nam (b/c);
- Lưu: VT SKHCN, VT HND.
"""


def test_joint_plan_metadata_and_reference():
    plan = parse(LIEN_TICH)
    assert plan.number == "169/KH-SKHCN-HND"
    assert plan.date == "2022-03-13"
    assert fold(plan.province or "") == "gia lai"
    # "KẾ HOẠCH LIÊN TỊCH": the kind of plan, not the first words of its title.
    assert fold(plan.title or "").startswith("phoi hop ho tro nong dan")
    assert relations(plan) == {"1473/CTrPHKH-SKHCN-HND": "implements"}


def test_two_labelled_fields_on_one_line():
    plan = parse(LIEN_TICH)
    training = find(plan, "Tập huấn chuyển giao")
    assert units_of(training, "lead") == {"so khoa hoc va cong nghe"}
    assert units_of(training, "support") == {"hoi nong dan tinh"}
    brand = find(plan, "nhãn hiệu tập thể")
    assert units_of(brand, "lead") == {"hoi nong dan tinh"}
    assert len(units_of(brand, "support")) == 1
    contest = find(plan, "Hội thi sáng tạo")
    assert units_of(contest, "support") == {
        "so khoa hoc va cong nghe", "lien hiep cac hoi khoa hoc va ky thuat tinh"}
    assert contest.deadline is not None and contest.deadline.date == "2022-10"


def test_office_named_after_its_department_and_signatures_are_not_tasks():
    plan = parse(LIEN_TICH)
    focal = find(plan, "là đầu mối theo dõi")
    assert units_of(focal, "lead") == {"van phong so khoa hoc va cong nghe",
                                       "ban kinh te - xa hoi hoi nong dan tinh"}
    assert focal.deadline is not None and focal.deadline.date == "2022-12-15"
    # The two-column signature block before "Nơi nhận" holds no duty.
    assert len(plan.tasks) == 4
    assert not [t for t in plan.tasks if "GIÁM ĐỐC" in t.text or t.text.isupper()]


# --- 4. An appendix table: a cell split over two rows, merged cells written as rows ------

PHU_LUC_GOP_O = """UBND TỈNH TÂY NINH
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 245/KH-SKHCN                      Tây Ninh, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh Tây Ninh giai đoạn 2025 - 2030

Căn cứ Quyết định số 844/QĐ-TTg ngày 18/5/2016 của Thủ tướng Chính phủ; thực hiện Kế hoạch số
310/KH-UBND ngày 20/8/2025 của UBND tỉnh, Sở Khoa học và Công nghệ ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Hỗ trợ ít nhất 50 dự án khởi nghiệp đổi mới sáng tạo đến năm 2030.

II. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo.

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở căn cứ Phụ lục triển khai thực hiện; định kỳ 6 tháng báo cáo kết quả
về Phòng Quản lý Công nghệ và Đổi mới sáng tạo.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
GIÁM ĐỐC

Phan Thanh Tùng

PHỤ LỤC
PHÂN CÔNG NHIỆM VỤ
(Kèm theo Kế hoạch số 245/KH-SKHCN ngày 05/9/2025 của Sở Khoa học và Công nghệ)

| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Khảo sát, đánh giá thực trạng hệ sinh thái khởi nghiệp đổi mới sáng tạo của tỉnh, đề xuất giải pháp | Phòng Quản lý Công nghệ và Đổi mới sáng tạo | Trung tâm Ứng dụng khoa học và công nghệ | Quý IV/2025 | Báo cáo đánh giá |
| 2 | Xây dựng Cổng thông tin khởi nghiệp đổi mới sáng tạo của tỉnh | Trung tâm Ứng dụng khoa học và công nghệ | Văn phòng Sở | 2026 | Cổng thông tin được vận hành |
| | và kết nối với Cổng thông tin khởi nghiệp quốc gia | | | | |
| 3 | Tổ chức Cuộc thi ý tưởng khởi nghiệp đổi mới sáng tạo cấp tỉnh | Phòng Quản lý Công nghệ và Đổi mới sáng tạo | Tỉnh Đoàn | Hằng năm | 01 cuộc thi/năm |
| | | | Sở Giáo dục và Đào tạo | | |
| | | | Các trường đại học, cao đẳng trên địa bàn tỉnh | | |
| 4 | Hỗ trợ doanh nghiệp khởi nghiệp đăng ký bảo hộ quyền sở hữu trí tuệ | Phòng Quản lý Công nghệ và Đổi mới sáng tạo | Hiệp hội Doanh nghiệp tỉnh | Giai đoạn 2025-2030 | Ít nhất 20 đơn đăng ký |
| 5 | Kiểm tra hoạt động của các cơ sở ươm tạo | Thanh tra Sở | Phòng Quản lý Công nghệ và Đổi mới sáng tạo | Thường xuyên | Báo cáo kiểm tra |
| 5 | Kiểm tra hoạt động của các cơ sở ươm tạo | Thanh tra Sở | Công an tỉnh | Thường xuyên | Báo cáo kiểm tra |
"""


def test_appendix_rows_without_number_continue_the_task_above():
    plan = parse(PHU_LUC_GOP_O)
    rows = [t for t in plan.tasks if t.section == "PL"]
    assert [t.number for t in rows] == ["1", "2", "3", "4", "5"]
    assert all(t.parent is None for t in rows)
    portal = find(plan, "Cổng thông tin khởi nghiệp đổi mới sáng tạo của tỉnh")
    assert portal.text.endswith("kết nối với Cổng thông tin khởi nghiệp quốc gia")
    assert units_of(portal, "lead") == {"trung tam ung dung khoa hoc va cong nghe"}
    contest = find(plan, "Cuộc thi ý tưởng")
    assert units_of(contest, "support") == {
        "tinh doan", "so giao duc va dao tao",
        "cac truong dai hoc, cao dang tren dia ban tinh"}
    assert contest.source.line_end > contest.source.line_start


def test_repeated_row_is_one_task_with_both_partners():
    plan = parse(PHU_LUC_GOP_O)
    audit = find(plan, "cơ sở ươm tạo")
    assert units_of(audit, "lead") == {"thanh tra so"}
    assert units_of(audit, "support") == {"phong quan ly cong nghe va doi moi sang tao",
                                          "cong an tinh"}
    assert audit.outputs == ["Báo cáo kiểm tra"]


def test_merged_cells_of_a_word_table(tmp_path):
    # Word keeps a vertically merged cell once: the rows below it read as empty cells.
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for line in ("UBND TỈNH TÂY NINH", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 246/KH-SKHCN",
                 "Tây Ninh, ngày 05 tháng 9 năm 2025", "KẾ HOẠCH",
                 "Phát triển khởi nghiệp năm 2026", "I. NHIỆM VỤ"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=4, cols=5)
    rows = [("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"),
            ("1", "Tổ chức Cuộc thi ý tưởng khởi nghiệp", "Phòng Quản lý khoa học", "Tỉnh Đoàn",
             "Hằng năm"),
            ("", "", "", "Sở Giáo dục và Đào tạo", ""),
            ("2", "Kiểm tra cơ sở ươm tạo", "Thanh tra Sở", "Công an tỉnh", "Thường xuyên")]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    for c in (0, 1, 2, 4):
        merged = table.cell(1, c).merge(table.cell(2, c))
        merged.text = rows[1][c]
    path = tmp_path / "merged.docx"
    doc.save(str(path))
    plan = parse_text(*read_document(str(path)))
    contest = find(plan, "Cuộc thi ý tưởng")
    assert units_of(contest, "support") == {"tinh doan", "so giao duc va dao tao"}
    assert [t.number for t in plan.tasks] == ["1", "2"]


def test_row_without_task_text_in_a_table_without_numbers():
    table = """| Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |
|---|---|---|---|
| Giám sát chủ động tại cửa khẩu | Trung tâm Kiểm soát bệnh tật | Công an thành phố | Tháng 9/2026 |
| | | Bộ đội Biên phòng thành phố | |
| Xây dựng phần mềm báo cáo ca bệnh | Sở Y tế | Sở Khoa học và Công nghệ | Năm 2026 |
"""
    plan = parse("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 65/KH-UBND\n"
                  "Cần Thơ, ngày 03 tháng 11 năm 2025\n\nKẾ HOẠCH\nPhòng, chống dịch năm 2026\n\n"
                  "I. NHIỆM VỤ\n" + table)
    border = find(plan, "cửa khẩu")
    assert units_of(border, "support") == {"cong an thanh pho", "bo doi bien phong thanh pho"}
    assert len(plan.tasks) == 2


# --- 5. Text extracted from a PDF: page numbers, running headers, split sentences --------

PDF_TEXT = """UBND TỈNH QUẢNG NINH
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 58/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ninh, ngày 21 tháng 4 năm 2025
KẾ HOẠCH
Triển khai ứng dụng trí tuệ nhân tạo trong hoạt động quản lý nhà nước
của Sở Khoa học và Công nghệ năm 2025
Thực hiện Kế hoạch số 95/KH-UBND ngày 11/3/2025 của UBND tỉnh Quảng Ninh về chuyển đổi số
năm 2025, Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Từng bước ứng dụng trí tuệ nhân tạo để nâng cao hiệu quả công tác tham mưu, quản lý.
2. Yêu cầu
Bảo đảm an toàn thông tin, bảo vệ dữ liệu cá nhân trong quá trình triển khai.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Văn phòng Sở
- Chủ trì triển khai trợ lý ảo hỗ trợ tra cứu văn bản, thủ tục hành chính cho cán bộ, công
chức của Sở; hoàn thành trong Quý III/2025.
- Phối hợp với Trung tâm Thông tin và Thống kê khoa học và công nghệ tổ chức tập huấn kỹ
năng sử dụng công cụ trí tuệ nhân tạo cho toàn thể cán bộ, công chức, viên chức, người lao
2
Kế hoạch số 58/KH-SKHCN ngày 21/4/2025 của Sở Khoa học và Công nghệ tỉnh Quảng Ninh
động của Sở; thực hiện hằng năm.
2. Phòng Quản lý Khoa học
- Chủ trì rà soát, đề xuất danh mục nhiệm vụ khoa học và công nghệ về trí tuệ nhân tạo đặt
hàng năm 2026; hoàn thành trước ngày 30/9/2025.
3. Trung tâm Thông tin và Thống kê khoa học và công nghệ
- Chủ trì xây dựng kho dữ liệu dùng chung phục vụ huấn luyện, thử nghiệm mô hình trí tuệ nhân
tạo của ngành; phối hợp với Công an tỉnh bảo đảm an ninh mạng; thời gian: năm 2025-2026.
Trang 2/3

- Chủ trì vận hành hệ thống giám sát an toàn thông tin của Sở theo mô hình 4 lớp.
3
Kế hoạch số 58/KH-SKHCN ngày 21/4/2025 của Sở Khoa học và Công nghệ tỉnh Quảng Ninh
4. Phòng Kế hoạch - Tài chính
- Tham mưu bố trí kinh phí thực hiện Kế hoạch từ nguồn chi sự nghiệp khoa học và công nghệ
năm 2025.
III. TỔ CHỨC THỰC HIỆN
Thủ trưởng các phòng, đơn vị thuộc Sở tổ chức thực hiện; báo cáo kết quả về Văn phòng Sở
trước ngày 05/12/2025 để tổng hợp.
Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, VP.
GIÁM ĐỐC
Đặng Huy Hậu
"""


def test_running_header_is_neither_a_task_nor_inside_one():
    plan = parse(PDF_TEXT)
    assert not [t for t in plan.tasks if "58/KH-SKHCN" in t.text]
    training = find(plan, "tập huấn kỹ năng sử dụng công cụ trí tuệ nhân tạo")
    assert "người lao động của Sở" in training.text
    assert training.deadline is not None and training.deadline.recurrence == "yearly"


def test_draft_stamp_in_header_is_not_a_body():
    draft = PDF_TEXT.replace("SỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố:", "SỞ KHOA HỌC VÀ CÔNG NGHỆ\nDỰ THẢO\nSố:")
    plan = parse(draft)
    assert fold(plan.issuer or "") == "so khoa hoc va cong nghe tinh quang ninh"
    assert fold(plan.parent_issuer or "") == "ubnd tinh quang ninh"


def test_digital_signature_stamp_after_the_name():
    stamp = ("Ký bởi: Sở Khoa học và Công nghệ\nEmail: skhcn@quangninh.gov.vn\n"
             "Cơ quan: Tỉnh Quảng Ninh\nThời gian ký: 21.04.2025 10:15:23 +07:00\n")
    plan = parse(PDF_TEXT + stamp)
    assert plan.signer == "Đặng Huy Hậu" and plan.signer_capacity == "GIÁM ĐỐC"
    assert len(plan.tasks) == 7


def test_duty_between_two_page_numbers_is_kept():
    plan = parse(PDF_TEXT)
    soc = find(plan, "giám sát an toàn thông tin")
    assert units_of(soc, "lead") == {"trung tam thong tin va thong ke khoa hoc va cong nghe"}
    assert len(plan.tasks) == 7
    assert plan.number == "58/KH-SKHCN" and plan.signer == "Đặng Huy Hậu"


# --- 6. A web portal's markdown export ----------------------------------------------------

PORTAL_MD = """[Trang chủ](/) > [Văn bản chỉ đạo điều hành](/van-ban) > Kế hoạch

# Kế hoạch triển khai Đề án 06 trong ngành y tế tỉnh Lào Cai năm 2025

| Số ký hiệu | 318/KH-SYT |
|---|---|
| Ngày ban hành | 15/07/2025 |
| Cơ quan ban hành | Sở Y tế |
| Người ký | Hoàng Văn Sử |

Lượt xem: 1.245 | Ngày đăng: 16/07/2025

| UBND TỈNH LÀO CAI<br>**SỞ Y TẾ**<br>-------<br>Số: 318/KH-SYT | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>---------------<br>*Lào Cai, ngày 15 tháng 7 năm 2025* |
|---|---|

## KẾ HOẠCH

**Triển khai Đề án 06 trong ngành y tế tỉnh Lào Cai năm 2025**

Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030; Kế hoạch số 201/KH-UBND ngày 02/7/2025 của UBND tỉnh Lào Cai, Sở Y tế ban hành Kế hoạch như sau:

### I. MỤC ĐÍCH, YÊU CẦU

- Khai thác hiệu quả dữ liệu dân cư trong khám bệnh, chữa bệnh.

### II. NHIỆM VỤ CỤ THỂ

**1. Sử dụng căn cước công dân gắn chíp thay thẻ bảo hiểm y tế khi khám chữa bệnh**

- **Đơn vị chủ trì:** Phòng Nghiệp vụ Y - Dược
- **Đơn vị phối hợp:** Bảo hiểm xã hội tỉnh, Công an tỉnh
- **Thời gian hoàn thành:** Thường xuyên

**2. Triển khai sổ sức khỏe điện tử trên ứng dụng VNeID**

- **Đơn vị chủ trì:** Trung tâm Kiểm soát bệnh tật tỉnh
- **Đơn vị phối hợp:** Các bệnh viện, trung tâm y tế
- **Thời gian hoàn thành:** Trước ngày 31/12/2025
- **Sản phẩm:** 90% người dân có sổ sức khỏe điện tử

### III. TỔ CHỨC THỰC HIỆN

**Văn phòng Sở** chủ trì theo dõi, tổng hợp, báo cáo Giám đốc Sở định kỳ hằng tháng.

| **Nơi nhận:**<br>- Như mục III;<br>- Lưu: VT. | **GIÁM ĐỐC**<br><br><br>**Hoàng Văn Sử** |
|---|---|

---
[Tải về (PDF)](/files/318-kh-syt.pdf) | [In trang](#)
"""


def test_portal_header_in_a_layout_table():
    plan = parse(PORTAL_MD, "318-kh-syt.md")
    assert plan.number == "318/KH-SYT"
    # The plan's date, not the day the page was posted ("Ngày đăng").
    assert plan.date == "2025-07-15"
    assert plan.place == "Lào Cai" and fold(plan.province or "") == "lao cai"
    assert fold(plan.issuer or "").startswith("so y te")
    assert fold(plan.title or "") == fold("Triển khai Đề án 06 trong ngành y tế tỉnh Lào Cai năm 2025")


def test_portal_closing_in_a_layout_table_and_page_links():
    plan = parse(PORTAL_MD, "318-kh-syt.md")
    assert plan.signer == "Hoàng Văn Sử"
    assert plan.recipients == ["Như mục III", "Lưu: VT"]
    assert not [t for t in plan.tasks if "tai ve" in fold(t.text)]
    office = find(plan, "Văn phòng Sở chủ trì theo dõi")
    assert units_of(office, "lead") == {"van phong so"}
    assert office.deadline is not None and office.deadline.recurrence == "monthly"
    assert len(plan.tasks) == 3


PORTAL_HTML = """<html><head><meta charset="utf-8"><title>Kế hoạch 318/KH-SYT</title></head><body>
<nav><a href="/">Trang chủ</a> &gt; <a href="/van-ban">Văn bản</a></nav>
<div class="content">
<table><tr><td><p>UBND TỈNH LÀO CAI</p><p><b>SỞ Y TẾ</b></p><p>-------</p><p>Số: 318/KH-SYT</p></td>
<td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p><b>Độc lập - Tự do - Hạnh phúc</b></p>
<p><i>Lào Cai, ngày 15 tháng 7 năm 2025</i></p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Triển khai Đề án 06 trong ngành y tế tỉnh Lào Cai năm 2025</b></p>
<p>Căn cứ Kế hoạch số 201/KH-UBND ngày 02/7/2025 của UBND tỉnh Lào Cai, Sở Y tế ban hành Kế hoạch như sau:</p>
<p><b>I. NHIỆM VỤ CỤ THỂ</b></p>
<table border="1">
<tr><td>STT</td><td>Nhiệm vụ</td><td>Đơn vị chủ trì</td><td>Đơn vị phối hợp</td><td>Thời gian</td></tr>
<tr><td rowspan="2">1</td><td rowspan="2">Liên thông giấy chứng sinh điện tử</td>
<td rowspan="2">Phòng Nghiệp vụ Y - Dược</td><td>Công an tỉnh</td><td rowspan="2">Quý III/2025</td></tr>
<tr><td>Bảo hiểm xã hội tỉnh</td></tr>
<tr><td>2</td><td>Cấp phiếu lý lịch tư pháp trên VNeID</td><td>Phòng Tổ chức cán bộ</td>
<td>Sở Tư pháp</td><td>Hằng năm</td></tr>
</table>
<table><tr><td><p><b>Nơi nhận:</b></p><p>- Như trên;</p><p>- Lưu: VT.</p></td>
<td><p><b>GIÁM ĐỐC</b></p><p><b>Hoàng Văn Sử</b></p></td></tr></table>
</div></body></html>
"""


def test_web_page_layout_tables_and_merged_rows(tmp_path):
    page = tmp_path / "318-kh-syt.html"
    page.write_text(PORTAL_HTML, encoding="utf-8")
    plan = parse_text(*read_document(str(page)))
    assert (plan.number, plan.date, plan.place) == ("318/KH-SYT", "2025-07-15", "Lào Cai")
    assert plan.signer == "Hoàng Văn Sử" and plan.recipients == ["Như trên", "Lưu: VT"]
    assert not [t for t in plan.tasks if "noi nhan" in fold(t.text)]
    birth = find(plan, "giấy chứng sinh")
    assert units_of(birth, "lead") == {"phong nghiep vu y - duoc"}
    assert units_of(birth, "support") == {"cong an tinh", "bao hiem xa hoi tinh"}
    assert birth.deadline is not None and birth.deadline.end_year == 2025
    assert len(plan.tasks) == 2


# --- 7. A Word copy in NFD with old tone placement and abbreviated unit names --------------

_TT_TT_OLD_TONES = """UBND TỈNH BÌNH ĐỊNH
SỞ THÔNG TIN VÀ TRUYỀN THÔNG
Số: 72/KH-STTTT                          Bình Định, ngày 06 tháng 5 năm 2024

KẾ HOẠCH
Chuyển đổi số trong lĩnh vực nông nghiệp, nông thôn năm 2024

Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương
trình Chuyển đổi số quốc gia; Thông báo số 05-TB/BCĐ ngày 10/01/2024 của BCĐ chuyển đổi số tỉnh,
Sở TT&TT xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Thúc đẩy ứng dụng công nghệ số trong sản xuất, kinh doanh nông sản; đảm bảo an toàn thông tin.

II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
1. Phòng Bưu chính, Viễn thông và Công nghệ thông tin chủ trì, phối hợp với Sở NN&PTNT, Sở
KH&CN hướng dẫn hợp tác xã đưa sản phẩm lên sàn thương mại điện tử; hoàn thành trong năm 2024.
2. Phối hợp với Sở KH&ĐT, Liên minh HTX tỉnh hỗ trợ ít nhất 30 HTX ứng dụng phần mềm quản lý.
3. Trung tâm CNTT&TT chủ trì xây dựng bản đồ số vùng nguyên liệu; phối hợp: Sở NN&PTNT, UBND
cấp huyện; thời gian: Quý III/2024.
4. Văn phòng Sở phối hợp với Uỷ ban nhân dân cấp xã tuyên truyền về thanh toán không dùng tiền
mặt tại các chợ nông thôn; thực hiện thường xuyên.
5. Thanh tra Sở chủ trì kiểm tra việc bảo đảm an toàn, an ninh thông tin tại các Tổ công nghệ
số cộng đồng; phối hợp Công an tỉnh, Sở Văn hoá, Thể thao và Du lịch; trước ngày 30/11/2024.

III. TỔ CHỨC THỰC HIỆN
Giao Phòng Kế hoạch – Tài chính tham mưu bố trí kinh phí; tổng hợp, báo cáo BCĐ chuyển đổi số
tỉnh theo quy định.

Nơi nhận:
- Sở NN&PTNT;
- Lưu: VT, BCVT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Nguyễn Thị Thuỷ Hoà
"""
TT_TT_NFD = unicodedata.normalize("NFD", _TT_TT_OLD_TONES)


def test_abbreviation_then_comma_starts_a_new_unit():
    # "Sở NN&PTNT, UBND cấp huyện": the "&" abbreviation does not swallow the next name.
    plan = parse(TT_TT_NFD)
    atlas = find(plan, "bản đồ số vùng nguyên liệu")
    assert units_of(atlas, "support") == {"so nong nghiep va phat trien nong thon",
                                          "ubnd cap huyen"}
    assert units_of(atlas, "lead") == {"trung tam cong nghe thong tin va truyen thong"}
    assert atlas.deadline is not None and atlas.deadline.end_year == 2024
    ecommerce = find(plan, "sàn thương mại điện tử")
    assert units_of(ecommerce, "support") == {"so nong nghiep va phat trien nong thon",
                                              "so khoa hoc va cong nghe"}


def test_numbered_item_opening_with_phoi_hop_names_its_partners():
    plan = parse(TT_TT_NFD)
    software = find(plan, "phần mềm quản lý")
    assert units_of(software, "support") == {"so ke hoach va dau tu", "lien minh hop tac xa tinh"}
    assert [t.value for t in software.targets] == [30.0]


def test_old_tones_and_nfd_in_unit_names():
    plan = parse(TT_TT_NFD)
    assert plan.number == "72/KH-STTTT" and fold(plan.province or "") == "binh dinh"
    market = find(plan, "thanh toán không dùng tiền mặt")
    assert units_of(market, "support") == {"ubnd cap xa"}
    audit = find(plan, "Tổ công nghệ số cộng đồng")
    assert units_of(audit, "support") == {"cong an tinh", "so van hoa, the thao va du lich"}
    assert audit.deadline is not None and audit.deadline.date == "2024-11-30"


# --- 8. A table pasted from Word or a spreadsheet: cells parted by tabs -------------------

TAB_TABLE = """UBND TỈNH ĐỒNG THÁP
SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 530/KH-SNNMT
Đồng Tháp, ngày 10 tháng 10 năm 2025

KẾ HOẠCH
Giảm phát thải khí nhà kính trong canh tác lúa năm 2026

Thực hiện Quyết định số 1490/QĐ-TTg ngày 27/11/2023 của Thủ tướng Chính phủ phê duyệt Đề án
phát triển bền vững vùng chuyên canh lúa chất lượng cao và phát thải thấp, Sở Nông nghiệp và
Môi trường xây dựng Kế hoạch như sau:

I. MỤC TIÊU
Giảm ít nhất 10% lượng phát thải khí nhà kính trên diện tích tham gia Đề án.

II. NHIỆM VỤ
STT\tNội dung\tChủ trì\tPhối hợp\tThời gian
1\tXây dựng quy trình canh tác lúa giảm phát thải\tChi cục Trồng trọt và Bảo vệ thực vật\tTrung tâm Khuyến nông\tQuý I/2026
2\tTập huấn kỹ thuật tưới ngập khô xen kẽ cho nông dân\tTrung tâm Khuyến nông\tUBND các xã, phường\t6 tháng đầu năm 2026
3\tĐo đạc, báo cáo, thẩm định (MRV) lượng phát thải\tChi cục Thủy lợi\tSở Khoa học và Công nghệ, Viện Lúa đồng bằng sông Cửu Long\tNăm 2026 và các năm tiếp theo

III- TỔ CHỨC THỰC HIỆN
1/ Phòng Quản lý Chất lượng nông sản:
a/ Chủ trì kiểm tra chất lượng lúa gạo của vùng tham gia Đề án; thời gian: Quý III/2026.
b/ Phối hợp với Trung tâm Khuyến nông xây dựng 05 mô hình liên kết tiêu thụ; thời gian: năm 2026.
2/ Văn phòng Sở: tổng hợp báo cáo kết quả trước ngày 20/12/2026.

Nơi nhận:
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Lê Hoàng Nam
"""


def test_tab_separated_table_rows_are_tasks():
    plan = parse(TAB_TABLE)
    rows = [t for t in plan.tasks if t.section == "II"]
    assert [t.number for t in rows] == ["1", "2", "3"]
    rule = find(plan, "quy trình canh tác lúa")
    assert units_of(rule, "lead") == {"chi cuc trong trot va bao ve thuc vat"}
    assert units_of(rule, "support") == {"trung tam khuyen nong"}
    mrv = find(plan, "MRV")
    assert units_of(mrv, "support") == {"so khoa hoc va cong nghe",
                                        "vien lua dong bang song cuu long"}
    # "Năm 2026 và các năm tiếp theo" starts in 2026 and has no end.
    assert (mrv.deadline.start_year, mrv.deadline.end_year) == (2026, None)
    assert plan.date == "2025-10-10"


def test_slash_and_hyphen_enumerators():
    # "III- TỔ CHỨC …", "1/ Unit:", "a/ duty": the numbering of older Word templates.
    plan = parse(TAB_TABLE)
    quality = find(plan, "kiểm tra chất lượng lúa gạo")
    assert quality.section == "III" and quality.number == "1.a"
    assert units_of(quality, "lead") == {"phong quan ly chat luong nong san"}
    assert quality.deadline is not None and quality.deadline.end_year == 2026
    # "Phối hợp với X …" under a unit of the department: X leads, the unit supports.
    chain = find(plan, "mô hình liên kết tiêu thụ")
    assert units_of(chain, "lead") == {"trung tam khuyen nong"}
    assert units_of(chain, "support") == {"phong quan ly chat luong nong san"}
    assert [t.value for t in chain.targets] == [5.0]
    report = find(plan, "tổng hợp báo cáo kết quả")
    assert units_of(report, "lead") == {"van phong so"}
    assert report.deadline is not None and report.deadline.date == "2026-12-20"


def test_recipients_and_signature_side_by_side():
    # A Word copy saved as text: "Nơi nhận" on the left, the signature on the right.
    closing = ("Nơi nhận:                                        KT. GIÁM ĐỐC\n"
               "- UBND tỉnh (b/c);                               PHÓ GIÁM ĐỐC\n"
               "- Lưu: VT, KHTC.\n\n"
               "                                                 Lê Hoàng Nam\n")
    plan = parse(TAB_TABLE[:TAB_TABLE.index("Nơi nhận:")] + closing)
    assert plan.recipients == ["UBND tỉnh (b/c)", "Lưu: VT, KHTC"]
    assert plan.signer == "Lê Hoàng Nam"
    assert plan.signer_capacity == "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    assert len(plan.tasks) == len(parse(TAB_TABLE).tasks)


def test_recipients_and_signature_side_by_side_with_tabs():
    # The same closing as Word's tab stops give it when saved as text; a list's tab after
    # its mark is no gap between blocks, whatever follows it.
    closing = ("Nơi nhận:\t\tKT. GIÁM ĐỐC\n"
               "- UBND tỉnh (b/c);\t\tPHÓ GIÁM ĐỐC\n"
               "-\tTT HĐND, UBND;\n"
               "- Lưu: VT, KHTC.\n\n"
               "\t\t\tLê Hoàng Nam\n")
    plan = parse(TAB_TABLE[:TAB_TABLE.index("Nơi nhận:")] + closing)
    assert plan.recipients == ["UBND tỉnh (b/c)", "TT HĐND, UBND", "Lưu: VT, KHTC"]
    assert plan.signer == "Lê Hoàng Nam"
    assert plan.signer_capacity == "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"


# --- 9. A steering committee: a name over several header lines, "Cơ quan tham mưu" --------

BAN_CHI_DAO = """TỈNH ỦY LẠNG SƠN
BAN CHỈ ĐẠO VỀ PHÁT TRIỂN
KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO
VÀ CHUYỂN ĐỔI SỐ
*
Số 05-KH/BCĐ

ĐẢNG CỘNG SẢN VIỆT NAM

Lạng Sơn, ngày 26 tháng 02 năm 2025

KẾ HOẠCH
hoạt động của Ban Chỉ đạo năm 2025

Căn cứ Quyết định số 1520-QĐ/TU ngày 10/02/2025 của Ban Thường vụ Tỉnh ủy về thành lập Ban
Chỉ đạo; Chương trình hành động số 12-CTr/TU ngày 14/02/2025 của Tỉnh ủy thực hiện Nghị quyết
số 57-NQ/TW, Ban Chỉ đạo ban hành Kế hoạch hoạt động năm 2025 như sau:

I. MỤC ĐÍCH, YÊU CẦU
Xác định rõ nhiệm vụ của thành viên Ban Chỉ đạo, Tổ giúp việc.

II. NHIỆM VỤ TRỌNG TÂM
1. Ban hành Quy chế hoạt động của Ban Chỉ đạo.
Cơ quan tham mưu: Sở Khoa học và Công nghệ (cơ quan thường trực).
Thời gian: Tháng 3/2025.
2. Tổ chức hội nghị sơ kết 6 tháng thực hiện Nghị quyết số 57-NQ/TW.
Cơ quan tham mưu: Văn phòng Tỉnh ủy, Sở Khoa học và Công nghệ.
Thời gian: Tháng 7/2025.
3. Kiểm tra việc thực hiện Nghị quyết số 57-NQ/TW tại một số địa phương, đơn vị.
Cơ quan tham mưu: Tổ giúp việc Ban Chỉ đạo.
Cơ quan phối hợp: Ủy ban Kiểm tra Tỉnh ủy, Sở Nội vụ.
Thời gian: Quý III, Quý IV năm 2025.

III. PHÂN CÔNG CƠ QUAN THÀNH VIÊN
| STT | Cơ quan, đơn vị | Nhiệm vụ được giao | Thời hạn |
|---|---|---|---|
| 1 | Sở Nội vụ | Tham mưu kiện toàn Tổ giúp việc Ban Chỉ đạo | Tháng 4/2025 |
| 2 | Công an tỉnh | Bảo đảm an ninh mạng cho hệ thống thông tin của tỉnh | Thường xuyên |

IV. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ là cơ quan thường trực, tổng hợp tình hình, báo cáo Trưởng Ban Chỉ
đạo trước ngày 25 hằng tháng.

Nơi nhận:
- Ban Chỉ đạo Trung ương (b/c),
- Các thành viên BCĐ,
- Lưu VP Tỉnh ủy.

T/M BAN CHỈ ĐẠO
TRƯỞNG BAN

Đoàn Thị Hậu
"""


def test_issuer_name_over_several_header_lines():
    plan = parse(BAN_CHI_DAO)
    assert plan.number == "05-KH/BCĐ"
    assert fold(plan.issuer or "").startswith("ban chi dao")
    assert fold(plan.parent_issuer or "").startswith("tinh uy lang son")
    assert fold(plan.province or "") == "lang son"


def test_advising_body_label_leads():
    plan = parse(BAN_CHI_DAO)
    rules = find(plan, "Quy chế hoạt động")
    assert units_of(rules, "lead") == {"so khoa hoc va cong nghe"}
    review = find(plan, "hội nghị sơ kết")
    assert units_of(review, "lead") == {"van phong tinh uy", "so khoa hoc va cong nghe"}
    audit = find(plan, "tại một số địa phương")
    assert units_of(audit, "lead") == {"to giup viec ban chi dao"}
    assert units_of(audit, "support") == {"uy ban kiem tra tinh uy", "so noi vu"}


def test_table_whose_unit_column_is_named_co_quan_don_vi():
    plan = parse(BAN_CHI_DAO)
    staff = find(plan, "kiện toàn Tổ giúp việc")
    assert units_of(staff, "lead") == {"so noi vu"}
    assert staff.deadline is not None and staff.deadline.date == "2025-04"
    cyber = find(plan, "an ninh mạng")
    assert units_of(cyber, "lead") == {"cong an tinh"}
    assert cyber.deadline is not None and cyber.deadline.recurrence == "ongoing"


# --- 10. A ward's plan after the merger of July 2025 --------------------------------------

UBND_PHUONG = """ỦY BAN NHÂN DÂN
PHƯỜNG QUY NHƠN NAM
Số: 08/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quy Nhơn Nam, ngày 12 tháng 8 năm 2025

KẾ HOẠCH
Phát triển sản phẩm OCOP trên địa bàn phường giai đoạn 2025 - 2027

Thực hiện Kế hoạch số 142/KH-UBND ngày 25/7/2025 của UBND tỉnh Gia Lai về thực hiện Chương
trình Mỗi xã một sản phẩm năm 2025, UBND phường Quy Nhơn Nam xây dựng Kế hoạch như sau:

I. MỤC TIÊU
Đến năm 2027, phường có ít nhất 05 sản phẩm OCOP đạt 3 sao trở lên.

II. NHIỆM VỤ VÀ PHÂN CÔNG
1. Rà soát, lựa chọn sản phẩm tiềm năng tham gia Chương trình OCOP.
Chủ trì thực hiện: Phòng Kinh tế, Hạ tầng và Đô thị.
Phối hợp thực hiện: Hội Nông dân phường, Hội Liên hiệp Phụ nữ phường, các khu phố.
Thời hạn: Hằng năm, trước ngày 31/3.
2. Quảng bá sản phẩm OCOP tại các hội chợ, trên nền tảng số.
Chủ trì thực hiện: Phòng Văn hóa - Xã hội.
Phối hợp thực hiện: Đoàn Thanh niên Cộng sản Hồ Chí Minh phường.
Thời hạn: Thường xuyên.

Nơi nhận:
- UBND tỉnh Gia Lai;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Trần Văn Lâm
"""


def test_ward_after_merger_belongs_to_todays_province():
    plan = parse(UBND_PHUONG)
    assert plan.place == "Quy Nhơn Nam"
    assert fold(plan.province or "") == "gia lai"
    assert fold(plan.issuer or "") == "ubnd phuong quy nhon nam"
    pick = find(plan, "lựa chọn sản phẩm tiềm năng")
    assert units_of(pick, "lead") == {"phong kinh te, ha tang va do thi"}
    assert len(units_of(pick, "support")) == 3
    assert pick.deadline is not None and pick.deadline.recurrence == "yearly"


def test_place_of_an_old_district_before_the_merger_keeps_its_province():
    before = UBND_PHUONG.replace("ngày 12 tháng 8 năm 2025", "ngày 12 tháng 8 năm 2024")
    assert fold(parse(before).province or "") == "binh dinh"


# --- 11. Duties assigned in brackets after the task ---------------------------------------

NGOAC_PHAN_CONG = """ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN
Số: 204/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hưng Yên, ngày 22 tháng 9 năm 2025

KẾ HOẠCH
Phát triển kinh tế số tỉnh Hưng Yên năm 2026

Thực hiện Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ phê duyệt Chiến
lược quốc gia phát triển kinh tế số và xã hội số, UBND tỉnh ban hành Kế hoạch như sau:

I. MỤC TIÊU
Tỷ trọng kinh tế số đạt 20% GRDP của tỉnh.

II. NHIỆM VỤ, GIẢI PHÁP
1. Phát triển hạ tầng số
1.1. Phủ sóng 5G đến 100% trung tâm xã, phường (Sở Khoa học và Công nghệ chủ trì, phối hợp với
các doanh nghiệp viễn thông; thời gian: năm 2026).
1.2. Xây dựng Trung tâm dữ liệu dùng chung của tỉnh (Sở Khoa học và Công nghệ chủ trì; Sở Tài
chính, Công an tỉnh phối hợp; hoàn thành trước ngày 30/11/2026).
2. Phát triển doanh nghiệp số
2.1. Hỗ trợ 500 doanh nghiệp nhỏ và vừa chuyển đổi số (Sở Công Thương chủ trì; Hiệp hội Doanh
nghiệp tỉnh, Ngân hàng Nhà nước khu vực 4 phối hợp; thời gian: cả năm 2026).
2.2. Tổ chức Diễn đàn kinh tế số tỉnh (Trách nhiệm thực hiện: Sở Văn hóa, Thể thao và Du lịch;
thời gian: Quý III/2026).
3. Nông nghiệp số
| TT | Nội dung công việc | Đơn vị thực hiện | Thời gian | Ghi chú |
|---|---|---|---|---|
| 1 | Truy xuất nguồn gốc sản phẩm nuôi trồng thủy sản | Chủ trì: Sở Nông nghiệp và Môi trường; Phối hợp: UBND các xã ven biển | Năm 2026 | |
| 2 | Chuyển giao quy trình nuôi tôm tuần hoàn | Trung tâm Khuyến nông (chủ trì); Viện Nghiên cứu Nuôi trồng thủy sản I (phối hợp) | Trước 15/12 hằng năm | |
| 3 | Sàn giao dịch nông sản trực tuyến | Sở Công Thương (chủ trì), Sở Tài chính (phối hợp) | Quý IV/2026 | |

III. TỔ CHỨC THỰC HIỆN
Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định.
"""


def test_units_in_brackets_after_the_task():
    plan = parse(NGOAC_PHAN_CONG)
    fiveg = find(plan, "Phủ sóng 5G")
    assert units_of(fiveg, "lead") == {"so khoa hoc va cong nghe"}
    assert units_of(fiveg, "support") == {"cac doanh nghiep vien thong"}
    assert fiveg.deadline is not None and fiveg.deadline.end_year == 2026
    assert not fiveg.text.rstrip(".").endswith("; )")
    dc = find(plan, "Trung tâm dữ liệu dùng chung")
    assert units_of(dc, "lead") == {"so khoa hoc va cong nghe"}
    assert units_of(dc, "support") == {"so tai chinh", "cong an tinh"}
    assert dc.deadline is not None and dc.deadline.date == "2026-11-30"
    sme = find(plan, "500 doanh nghiệp nhỏ và vừa")
    assert units_of(sme, "lead") == {"so cong thuong"}
    assert units_of(sme, "support") == {"hiep hoi doanh nghiep tinh",
                                        "ngan hang nha nuoc khu vuc 4"}
    assert [t.value for t in sme.targets] == [500.0]


def test_roles_written_inside_a_table_cell():
    plan = parse(NGOAC_PHAN_CONG)
    trace = find(plan, "Truy xuất nguồn gốc")
    assert units_of(trace, "lead") == {"so nong nghiep va moi truong"}
    assert units_of(trace, "support") == {"ubnd cac xa ven bien"}
    shrimp = find(plan, "nuôi tôm tuần hoàn")
    assert units_of(shrimp, "lead") == {"trung tam khuyen nong"}
    # "Nuôi trồng" is part of the name: "trồng" is not the word "trong".
    assert units_of(shrimp, "support") == {"vien nghien cuu nuoi trong thuy san i"}
    assert shrimp.deadline is not None and shrimp.deadline.recurrence == "yearly"
    market = find(plan, "Sàn giao dịch nông sản")
    assert units_of(market, "lead") == {"so cong thuong"}
    assert units_of(market, "support") == {"so tai chinh"}


def test_trach_nhiem_thuc_hien_label():
    plan = parse(NGOAC_PHAN_CONG)
    forum = find(plan, "Diễn đàn kinh tế số")
    assert units_of(forum, "lead") == {"so van hoa, the thao va du lich"}
    assert forum.deadline is not None and forum.deadline.end_year == 2026
    # The group headings assign no one.
    assert not find(plan, "Phát triển hạ tầng số").units


# --- 12. A ward Party committee's plan ----------------------------------------------------

DANG_UY_PHUONG = """ĐẢNG BỘ TỈNH NINH BÌNH
ĐẢNG ỦY PHƯỜNG HOA LƯ
*
Số 12-KH/ĐU

ĐẢNG CỘNG SẢN VIỆT NAM

Hoa Lư, ngày 09 tháng 9 năm 2025

KẾ HOẠCH
thực hiện Chương trình hành động số 08-CTr/TU của Tỉnh ủy
về đột phá phát triển khoa học, công nghệ và chuyển đổi số

Thực hiện Chương trình hành động số 08-CTr/TU ngày 20/8/2025 của Ban Chấp hành Đảng bộ tỉnh
thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị, Ban Thường vụ Đảng ủy phường ban hành Kế
hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số.

II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
1. Các chi bộ trực thuộc tổ chức quán triệt Chương trình hành động số 08-CTr/TU đến 100% đảng
viên; hoàn thành trong tháng 10/2025.
2. Đảng ủy UBND phường lãnh đạo UBND phường xây dựng kế hoạch chuyển đổi số giai đoạn
2025 - 2030; trình Ban Thường vụ Đảng ủy phường trong Quý IV/2025.
3. Ủy ban Kiểm tra Đảng ủy phường chủ trì, phối hợp với Văn phòng Đảng ủy kiểm tra, giám sát
việc thực hiện Kế hoạch; thực hiện hằng năm.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy (b/c),
- Lưu Văn phòng Đảng ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Phạm Quang Ngọc
"""


def test_party_cells_as_a_group_and_a_year_range_over_a_line_break():
    plan = parse(DANG_UY_PHUONG)
    assert plan.number == "12-KH/ĐU" and fold(plan.province or "") == "ninh binh"
    cells = find(plan, "quán triệt Chương trình hành động")
    assert units_of(cells, "lead") == {"cac chi bo truc thuoc"}
    assert cells.deadline is not None and cells.deadline.date == "2025-10"
    digital = find(plan, "kế hoạch chuyển đổi số giai đoạn")
    assert "2025 - 2030" in digital.text
    assert digital.deadline is not None and digital.deadline.end_year == 2025
    assert len(plan.tasks) == 3
    chain = {(plan.references[lk.child].key, plan.references[lk.parent].key) for lk in plan.links}
    assert ("08-CTr/TU", "57-NQ/TW") in chain
    assert relations(plan)["08-CTr/TU"] == "implements"


# --- deadlines and targets read the same way in any layout --------------------------------

def test_open_ended_and_periodic_deadlines():
    later = read_deadline("Năm 2026 và những năm tiếp theo")
    assert later is not None and (later.start_year, later.end_year) == (2026, None)
    assert read_deadline("2025-2030").end_year == 2030
    monthly = find_deadline("Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở định kỳ hằng tháng.")
    assert monthly is not None and monthly.recurrence == "monthly"
    yearly = find_deadline("Định kỳ hằng năm báo cáo UBND tỉnh kết quả thực hiện.")
    assert yearly is not None and yearly.recurrence == "yearly"


def test_numbers_inside_names_are_not_targets():
    found = read_targets("Ngân hàng Nhà nước khu vực 4 phối hợp hỗ trợ 500 hộ kinh doanh")
    assert [t.value for t in found] == [500.0]


# --- every fixture: the same reading whatever the Unicode form and tone placement ----------

FIXTURES = {
    "bo_khcn": BO_KHCN, "tinh_uy_ctr": TINH_UY_CTR, "lien_tich": LIEN_TICH,
    "phu_luc_gop_o": PHU_LUC_GOP_O, "pdf_text": PDF_TEXT, "portal_md": PORTAL_MD,
    "tt_tt": _TT_TT_OLD_TONES, "tab_table": TAB_TABLE, "ban_chi_dao": BAN_CHI_DAO,
    "ubnd_phuong": UBND_PHUONG, "ngoac_phan_cong": NGOAC_PHAN_CONG,
    "dang_uy_phuong": DANG_UY_PHUONG,
}





@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_same_reading_in_nfd_and_old_tone_placement(name):
    assert_same_reading_in_any_form(FIXTURES[name])


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_task_quotes_its_own_lines(name):
    plan = parse(FIXTURES[name])
    physical = unicodedata.normalize("NFC", FIXTURES[name]).splitlines()
    for task in plan.tasks:
        span = "\n".join(physical[task.source.line_start - 1:task.source.line_end])
        span = span.replace("*", "")  # markdown emphasis is not part of the quoted words
        assert fold(task.text[:25]) in fold(" ".join(span.split())), task.id

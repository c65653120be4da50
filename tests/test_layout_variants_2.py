# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Plans in styles neither the seeds nor the other layout test files show, read as a careful reader would.

Our own writing in the Vietnamese administrative style: a provincial decision that issues a plan
as its attachment (and the attached plan alone, known by its decision's number); a Department
of Education plan whose tasks end "(Giao: X chủ trì, Y phối hợp)"; a Department of Health's
yearly work programme grouped by quarter; a district plan from before July 2025 with a table of
quarter columns; a plan amending another, with a "Căn cứ" list that implements only some of
its documents and units named in a second sentence; a Department of Finance plan in
Windows-1258 style decomposed tone marks with zero-width and non-breaking spaces; a provincial
Party board citing the Central Propaganda and Mass Mobilisation Commission and a minister; a
ministry's plan whose Vụ, Cục and Viện are its own units.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.model import Plan
from policykg.ontology.issuers import display_issuer, match_issuer
from policykg.ontology.normalize import fold
from tests.layouts import find, parse, relations, units_of

QD_KEM_KE_HOACH = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ

Số: 1520/QĐ-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quảng Trị, ngày 12 tháng 6 năm 2024

QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Chỉ thị số 07/CT-TTg ngày 14/3/2024 của Thủ tướng
Chính phủ về đẩy mạnh công tác phát triển thị trường khoa học và công nghệ

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Chỉ thị số 07/CT-TTg ngày 14/3/2024 của Thủ tướng Chính phủ;
Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 45/TTr-SKHCN ngày 05/6/2024.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chỉ thị số 07/CT-TTg ngày 14/3/2024 của Thủ tướng Chính phủ về đẩy mạnh công tác phát triển thị trường khoa học và công nghệ trên địa bàn tỉnh.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Khoa học và Công nghệ, Tài chính, Công Thương; Chủ tịch UBND các huyện, thị xã, thành phố và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Bộ Khoa học và Công nghệ;
- CT, các PCT UBND tỉnh;
- Lưu: VT, KGVX.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Hoàng Nam

ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ

KẾ HOẠCH
Thực hiện Chỉ thị số 07/CT-TTg ngày 14/3/2024 của Thủ tướng Chính phủ về đẩy mạnh
công tác phát triển thị trường khoa học và công nghệ
(Ban hành kèm theo Quyết định số 1520/QĐ-UBND ngày 12/6/2024 của UBND tỉnh)

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Tạo chuyển biến rõ nét trong kết nối cung - cầu công nghệ trên địa bàn tỉnh.
2. Yêu cầu
Các sở, ngành, địa phương xác định cụ thể nhiệm vụ, tiến độ và sản phẩm.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Hoàn thiện cơ chế, chính sách
a) Rà soát, sửa đổi chính sách hỗ trợ doanh nghiệp đổi mới công nghệ trên địa bàn tỉnh.
Đơn vị chủ trì: Sở Khoa học và Công nghệ; đơn vị phối hợp: Sở Tài chính, Sở Tư pháp.
Thời gian hoàn thành: Tháng 6/2025.
b) Xây dựng danh mục công nghệ ưu tiên chuyển giao cho khu vực nông thôn, miền núi.
Đơn vị chủ trì: Sở Nông nghiệp và Phát triển nông thôn; đơn vị phối hợp: Sở Khoa học và Công nghệ, UBND các huyện, thị xã, thành phố.
Thời gian hoàn thành: 6 tháng đầu năm 2025.
2. Phát triển các tổ chức trung gian của thị trường khoa học và công nghệ
a) Thành lập Sàn giao dịch công nghệ trực tuyến của tỉnh, kết nối với mạng lưới sàn giao dịch quốc gia; phấn đấu đến năm 2025 có ít nhất 50 công nghệ được chào bán.
Đơn vị chủ trì: Trung tâm Ứng dụng tiến bộ khoa học và công nghệ; đơn vị phối hợp: Sở Thông tin và Truyền thông.
Thời gian hoàn thành: Quý IV/2024.
b) Hỗ trợ 10 doanh nghiệp xây dựng hồ sơ tài sản trí tuệ để thương mại hóa.
Đơn vị chủ trì: Sở Khoa học và Công nghệ; đơn vị phối hợp: Hiệp hội Doanh nghiệp tỉnh.
Thời gian hoàn thành: Hằng năm.

III. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo UBND tỉnh trước ngày 15/12 hằng năm.
2. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định.
"""


def test_decision_issuing_a_plan_keeps_the_plans_tasks():
    plan = parse(QD_KEM_KE_HOACH)
    assert plan.number == "1520/QĐ-UBND" and plan.date == "2024-06-12"
    assert fold(plan.issuer or "") == "ubnd tinh quang tri"
    # The decision's articles and recipients are not tasks; the attached plan's duties are.
    assert not [t for t in plan.tasks if "dieu" in fold(t.text)[:6]]
    policy = find(plan, "Rà soát, sửa đổi chính sách hỗ trợ doanh nghiệp")
    assert units_of(policy, "lead") == {"so khoa hoc va cong nghe"}
    assert units_of(policy, "support") == {"so tai chinh", "so tu phap"}
    assert policy.deadline is not None and policy.deadline.date == "2025-06"
    assert len([t for t in plan.tasks if t.units]) == 6
    # The decision's signature, not the attached plan's header, closes the decision.
    assert plan.signer == "Hoàng Nam" and plan.signer_capacity == "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    assert relations(plan)["07/CT-TTg"] == "implements"
    assert "1520/QĐ-UBND" not in relations(plan)


def test_attached_plan_alone_is_known_by_its_decision():
    attached = QD_KEM_KE_HOACH[QD_KEM_KE_HOACH.index("Hoàng Nam") + len("Hoàng Nam"):]
    plan = parse(attached)
    assert plan.number == "1520/QĐ-UBND" and plan.date == "2024-06-12"
    assert "kèm theo" not in (plan.title or "")
    # The decision that issues the plan is the plan itself, not a document it carries out.
    assert "1520/QĐ-UBND" not in relations(plan)
    assert relations(plan)["07/CT-TTg"] == "implements"


SO_GDDT_GIAO = """UBND TỈNH ĐIỆN BIÊN
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 1873/KH-SGDĐT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Điện Biên, ngày 20 tháng 8 năm 2025

KẾ HOẠCH
Triển khai nhiệm vụ chuyển đổi số ngành Giáo dục và Đào tạo năm học 2025 - 2026

Căn cứ Quyết định số 131/QĐ-TTg ngày 25/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án "Tăng cường ứng dụng công nghệ thông tin và chuyển đổi số trong giáo dục và đào tạo giai đoạn 2022 - 2025, định hướng đến năm 2030";
Thực hiện Kế hoạch số 2650/KH-UBND ngày 15/7/2025 của UBND tỉnh về chuyển đổi số tỉnh Điện Biên năm 2025, Sở Giáo dục và Đào tạo xây dựng Kế hoạch như sau:

I. MỤC TIÊU
1. 100% cơ sở giáo dục sử dụng hồ sơ điện tử, học bạ số.
2. Tối thiểu 80% giáo viên được bồi dưỡng kỹ năng số.

II. NHIỆM VỤ
1. Hoàn thiện cơ sở dữ liệu ngành giáo dục, kết nối với cơ sở dữ liệu quốc gia về dân cư (Giao: Văn phòng Sở chủ trì, Phòng Giáo dục phổ thông, Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố phối hợp). Thời gian: Trước 30/6 hằng năm.
2. Triển khai học bạ số đối với học sinh tiểu học và trung học cơ sở (Giao: Phòng Giáo dục phổ thông chủ trì; các phòng Giáo dục và Đào tạo phối hợp). Thời gian: Quý I-II/2026.
3. Bồi dưỡng kỹ năng số cho cán bộ quản lý, giáo viên; phấn đấu 3.500 lượt giáo viên được bồi dưỡng (Giao: Phòng Tổ chức cán bộ chủ trì, Trung tâm Giáo dục thường xuyên tỉnh phối hợp). Thời gian: Năm 2025 - 2030.
4. Kiểm tra việc ứng dụng công nghệ thông tin tại các trường trung học phổ thông (Giao: Thanh tra Sở chủ trì, Phòng Quản lý chất lượng và Giáo dục chuyên nghiệp phối hợp). Thời gian: 6 tháng đầu năm 2026.

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở làm đầu mối theo dõi, tổng hợp tình hình thực hiện Kế hoạch, báo cáo Giám đốc Sở trước ngày 25 tháng cuối mỗi quý.
2. Các trường trung học phổ thông, trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên xây dựng kế hoạch của đơn vị, hoàn thành trong tháng 9/2025.

Trên đây là Kế hoạch triển khai nhiệm vụ chuyển đổi số năm học 2025 - 2026 của Sở Giáo dục và Đào tạo./.

Nơi nhận:
- UBND tỉnh (b/c);
- Các phòng, ban thuộc Sở;
- Lưu: VT, VP.

GIÁM ĐỐC

Lò Văn Tiến
"""


def test_giao_in_brackets_names_lead_and_partners():
    plan = parse(SO_GDDT_GIAO)
    db = find(plan, "Hoàn thiện cơ sở dữ liệu ngành giáo dục")
    assert units_of(db, "lead") == {"van phong so"}
    assert units_of(db, "support") == {
        "phong giao duc pho thong", "phong giao duc va dao tao cac huyen, thi xa, thanh pho"}
    assert db.deadline is not None and db.deadline.recurrence == "yearly"
    teachers = find(plan, "Bồi dưỡng kỹ năng số")
    assert units_of(teachers, "lead") == {"phong to chuc can bo"}
    assert units_of(teachers, "support") == {"trung tam giao duc thuong xuyen tinh"}
    check = find(plan, "Kiểm tra việc ứng dụng")
    assert units_of(check, "lead") == {"thanh tra so"}
    assert check.deadline is not None and check.deadline.end_year == 2026


def test_name_with_a_stop_word_inside_stays_whole():
    plan = parse(SO_GDDT_GIAO)
    schools = find(plan, "xây dựng kế hoạch của đơn vị")
    assert any("giao duc thuong xuyen" in name for name in units_of(schools, "lead"))


SO_Y_TE_CONG_TAC = """UBND TỈNH CÀ MAU
SỞ Y TẾ
Số: 215/CTr-SYT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Cà Mau, ngày 10 tháng 01 năm 2025

CHƯƠNG TRÌNH CÔNG TÁC NĂM 2025

Thực hiện Quyết định số 45/QĐ-UBND ngày 06/01/2025 của UBND tỉnh ban hành Chương trình công tác năm 2025 của UBND tỉnh, Sở Y tế ban hành Chương trình công tác năm 2025 như sau:

I. NHIỆM VỤ TRỌNG TÂM
1. Quý I
- Phòng Nghiệp vụ Y chủ trì, phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh (CDC) xây dựng kế hoạch phòng, chống dịch bệnh mùa hè.
- Phòng Kế hoạch - Tài chính tham mưu phân bổ dự toán ngân sách năm 2025 cho các đơn vị trực thuộc.
2. Quý II
- Phòng Nghiệp vụ Dược chủ trì kiểm tra chất lượng thuốc tại các nhà thuốc trên địa bàn tỉnh.
- Trung tâm Kiểm soát bệnh tật tỉnh tổ chức chiến dịch tiêm chủng bổ sung vắc xin sởi cho trẻ từ 1 đến 5 tuổi; phấn đấu tỷ lệ tiêm đạt trên 95%.
3. Quý III
- Văn phòng Sở phối hợp với Phòng Nghiệp vụ Y tổ chức sơ kết 9 tháng thực hiện Chương trình.
- Bệnh viện Đa khoa tỉnh Cà Mau triển khai bệnh án điện tử toàn viện.
4. Quý IV
- Thanh tra Sở chủ trì thanh tra việc chấp hành quy định về hành nghề khám bệnh, chữa bệnh tư nhân.
- Trung tâm Y tế các huyện, thành phố hoàn thành rà soát hồ sơ sức khỏe điện tử của người dân.

II. NHIỆM VỤ THƯỜNG XUYÊN
1. Văn phòng Sở tổng hợp báo cáo tình hình hoạt động của ngành gửi UBND tỉnh định kỳ hằng tháng.
2. Phòng Tổ chức cán bộ thực hiện công tác tuyển dụng viên chức theo kế hoạch được duyệt.

III. TỔ CHỨC THỰC HIỆN
Thủ trưởng các phòng, đơn vị trực thuộc Sở căn cứ Chương trình công tác này xây dựng kế hoạch của đơn vị mình.

Nơi nhận:
- UBND tỉnh (b/c);
- Các đơn vị trực thuộc;
- Lưu: VT, VP.

GIÁM ĐỐC

Trần Văn Hùng
"""


def test_quarter_headings_are_deadlines_not_tasks():
    plan = parse(SO_Y_TE_CONG_TAC)
    assert plan.doctype == "CTr" and plan.number == "215/CTr-SYT"
    assert not [t for t in plan.tasks if fold(t.text).startswith("quy ")]
    vaccine = find(plan, "tiêm chủng bổ sung vắc xin sởi")
    assert vaccine.deadline is not None and vaccine.deadline.text == "Quý II"
    assert vaccine.group == "Quý II"
    # An age range is not a target; the rate is.
    assert [t.value for t in vaccine.targets] == [95.0]
    # A task with its own deadline keeps it.
    monthly = find(plan, "định kỳ hằng tháng")
    assert monthly.deadline is not None and monthly.deadline.recurrence == "monthly"


def test_health_departments_own_units():
    plan = parse(SO_Y_TE_CONG_TAC)
    cats = {fold(u.name): u.category for u in plan.units}
    assert cats["benh vien da khoa tinh ca mau"] == "internal"
    assert cats["trung tam kiem soat benh tat tinh"] == "internal"


HUYEN_THEO_QUY = """ỦY BAN NHÂN DÂN
HUYỆN ĐẦM HÀ
Số: 88/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đầm Hà, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Tuyên truyền, phổ biến kiến thức khoa học và công nghệ trên địa bàn huyện năm 2024

Thực hiện Kế hoạch số 46/KH-UBND ngày 20/02/2024 của UBND tỉnh Quảng Ninh về phổ biến kiến thức khoa học và công nghệ năm 2024, UBND huyện ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức của người dân về vai trò của khoa học và công nghệ.
- Bảo đảm thiết thực, tiết kiệm, phù hợp điều kiện của từng xã, thị trấn.

II. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN

| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Quý I | Quý II | Quý III | Quý IV |
|---|---|---|---|---|---|---|---|
| 1 | Xây dựng chuyên mục "Khoa học với nhà nông" trên Trang thông tin điện tử huyện | Trung tâm Truyền thông và Văn hóa huyện | Phòng Nông nghiệp và Phát triển nông thôn | x | x | x | x |
| 2 | Tổ chức 04 lớp tập huấn ứng dụng kỹ thuật nuôi trồng thủy sản | Phòng Nông nghiệp và Phát triển nông thôn | UBND các xã, thị trấn | | x | x | |
| 3 | Tuyên truyền về sở hữu trí tuệ, nhãn hiệu tập thể "Hàu Đầm Hà" | Phòng Văn hóa và Thông tin | Phòng Kinh tế và Hạ tầng; Hội Nông dân huyện | | | x | |
| 4 | Tổng kết, đánh giá kết quả thực hiện Kế hoạch | Phòng Văn hóa và Thông tin | Các cơ quan, đơn vị liên quan | | | | x |

III. KINH PHÍ
Kinh phí thực hiện từ nguồn ngân sách huyện năm 2024 đã giao cho các đơn vị.

IV. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin là cơ quan thường trực, hướng dẫn, đôn đốc các đơn vị thực hiện Kế hoạch; báo cáo UBND huyện trước ngày 10/12/2024.
2. Phòng Tài chính - Kế hoạch tham mưu bố trí kinh phí thực hiện Kế hoạch.
3. UBND các xã, thị trấn căn cứ Kế hoạch này chủ động triển khai tại địa phương.

Nơi nhận:
- UBND tỉnh (b/c);
- TT Huyện ủy, TT HĐND huyện;
- Các xã, thị trấn;
- Lưu: VT, VHTT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Thị Hà
"""


def test_district_plan_before_the_merger():
    plan = parse(HUYEN_THEO_QUY)
    assert fold(plan.issuer or "") == "ubnd huyen dam ha"
    assert fold(plan.province or "") == "quang ninh"
    assert len([t for t in plan.tasks if t.section == "II"]) == 4
    hau = find(plan, "nhãn hiệu tập thể")
    assert units_of(hau, "support") == {"phong kinh te va ha tang", "hoi nong dan huyen"}
    # A district's own offices and centres are its internal units, whatever their kind.
    cats = {fold(u.name): u.category for u in plan.units}
    assert cats["phong kinh te va ha tang"] == "internal"
    assert cats["trung tam truyen thong va van hoa huyen"] == "internal"
    # the communes of the district named as one are a group of many bodies
    assert cats["ubnd cac xa, thi tran"] == "collective"


SUA_DOI_BO_SUNG = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN
Số: 402/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Kạn, ngày 18 tháng 5 năm 2025

KẾ HOẠCH
Sửa đổi, bổ sung Kế hoạch số 85/KH-UBND ngày 10/02/2025 của UBND tỉnh thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị

Căn cứ Nghị định số 73/2024/NĐ-CP ngày 30/6/2024 của Chính phủ;
Căn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW;
Căn cứ Quyết định số 1131/QĐ-TTg ngày 12/10/2020 của Thủ tướng Chính phủ về việc ban hành Danh mục công nghệ chiến lược;
Thực hiện Công văn số 1015/BKHCN-VP ngày 08/4/2025 của Bộ Khoa học và Công nghệ về việc rà soát kế hoạch thực hiện Nghị quyết số 57-NQ/TW;
Xét đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 60/TTr-SKHCN ngày 12/5/2025, UBND tỉnh ban hành Kế hoạch sửa đổi, bổ sung như sau:

I. SỬA ĐỔI, BỔ SUNG MỘT SỐ NHIỆM VỤ
1. Sửa đổi nhiệm vụ tại điểm 2, Mục II như sau: Xây dựng Trung tâm dữ liệu tỉnh theo mô hình điện toán đám mây, hoàn thành trong năm 2026. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Công an tỉnh tổ chức thực hiện.
2. Bổ sung nhiệm vụ: Phủ sóng 5G đến trung tâm các xã trên địa bàn tỉnh. Sở Khoa học và Công nghệ chủ trì; các doanh nghiệp viễn thông trên địa bàn tỉnh phối hợp. Thời gian hoàn thành: Quý IV/2026.
3. Bổ sung nhiệm vụ: Đào tạo, bồi dưỡng kỹ năng số cho 100% cán bộ, công chức cấp xã. Sở Nội vụ chủ trì, phối hợp với UBND các xã, phường thực hiện trong năm 2025 - 2026.

II. TỔ CHỨC THỰC HIỆN
Các nội dung khác giữ nguyên theo Kế hoạch số 85/KH-UBND ngày 10/02/2025 của UBND tỉnh. Các sở, ban, ngành, UBND các xã, phường căn cứ chức năng, nhiệm vụ tổ chức thực hiện.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- TT Tỉnh ủy, TT HĐND tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Hà Văn Lâm
"""


def test_amending_plan_implements_only_what_it_says():
    plan = parse(SUA_DOI_BO_SUNG)
    rel = relations(plan)
    assert rel["85/KH-UBND"] == "implements"
    assert rel["1015/BKHCN-VP"] == "implements"
    assert {rel["73/2024/NĐ-CP"], rel["03/NQ-CP"], rel["1131/QĐ-TTg"], rel["60/TTr-SKHCN"]} == {
        "basis"}
    chain = {(plan.references[lk.child].key, plan.references[lk.parent].key) for lk in plan.links}
    assert ("85/KH-UBND", "57-NQ/TW") in chain


def test_unit_named_in_a_later_sentence_of_the_task():
    plan = parse(SUA_DOI_BO_SUNG)
    data = find(plan, "Trung tâm dữ liệu tỉnh")
    assert units_of(data, "lead") == {"so khoa hoc va cong nghe"}
    assert units_of(data, "support") == {"so tai chinh", "cong an tinh"}
    g5 = find(plan, "Phủ sóng 5G")
    assert units_of(g5, "lead") == {"so khoa hoc va cong nghe"}
    assert len(units_of(g5, "support")) == 1
    training = find(plan, "kỹ năng số cho 100% cán bộ")
    assert units_of(training, "lead") == {"so noi vu"}
    assert units_of(training, "support") == {"ubnd cac xa, phuong"}


SO_TAI_CHINH = """UBND TỈNH LÂM ĐỒNG
SỞ TÀI CHÍNH
Số: 2310/KH-STC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lâm Đồng, ngày 28 tháng 8 năm 2025

KẾ HOẠCH
Thực hiện công tác thực hành tiết kiệm, chống lãng phí năm 2025

Căn cứ Luật Thực hành tiết kiệm, chống lãng phí ngày 26/11/2013;
Thực hiện Chỉ thị số 27-CT/TW ngày 25/01/2024 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với công tác thực hành tiết kiệm, chống lãng phí, Sở Tài chính xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao ý thức trách nhiệm của công chức, người lao động trong việc sử dụng tài sản công.

II. NHIỆM VỤ CỤ THỂ
1. Phòng Quản lý ngân sách chủ trì, phối hợp với Phòng Tin học và Thống kê, Kho bạc Nhà nước khu vực XIV tham mưu cắt giảm tối thiểu 10% chi thường xuyên năm 2025 của các đơn vị dự toán cấp tỉnh; hoàn thành trong Quý III/2025.
2. Phòng Quản lý giá và Công sản phối hợp với Thuế tỉnh Lâm Đồng, Sở Nông nghiệp và Môi trường rà soát, đề xuất phương án xử lý 120 cơ sở nhà, đất dôi dư sau sắp xếp đơn vị hành chính.
3. Phòng Tài chính doanh nghiệp chủ trì giám sát việc quản lý vốn nhà nước tại doanh nghiệp; Phòng Quản lý ngân sách và Văn phòng Sở phối hợp thực hiện. Thời gian thực hiện: Cả năm 2025.
4. Giao Thanh tra Sở chủ trì, phối hợp với Văn phòng Sở kiểm tra việc sử dụng xe ô tô công tại 05 đơn vị sự nghiệp; báo cáo kết quả trước ngày 15/11/2025.

III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở tổng hợp kết quả thực hiện, báo cáo Giám đốc Sở trước ngày 05/12/2025.

Nơi nhận:
- UBND tỉnh (b/c);
- Các phòng, đơn vị thuộc Sở;
- Lưu: VT, VP.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Đinh Thị Lan
"""

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258_style(text: str) -> str:
    """Tone marks written after their letter (as Windows-1258 keeps them), a zero-width space
    inside some names and non-breaking spaces between words."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + tones)
    text = "".join(out)
    return text.replace("Phòng ".replace("ò", "o\u0300"), "Phòng\u00a0".replace("ò", "o\u0300")) \
        .replace("Sở ".replace("ở", "ơ\u0309"), "Sở\u200b ".replace("ở", "ơ\u0309"))


def _read(plan: Plan) -> list[tuple[str, frozenset[str], frozenset[str]]]:
    return [(t.id, frozenset(units_of(t, "lead")), frozenset(units_of(t, "support")))
            for t in plan.tasks]


def test_partners_before_their_verb_and_tax_office():
    plan = parse(SO_TAI_CHINH)
    assets = find(plan, "nhà, đất dôi dư")
    assert units_of(assets, "lead") == {"phong quan ly gia va cong san"}
    assert units_of(assets, "support") == {"thue tinh lam dong", "so nong nghiep va moi truong"}
    enterprises = find(plan, "quản lý vốn nhà nước")
    assert units_of(enterprises, "lead") == {"phong tai chinh doanh nghiep"}
    assert units_of(enterprises, "support") == {"phong quan ly ngan sach", "van phong so"}


def test_windows_1258_tones_and_invisible_spaces_read_the_same():
    odd = _cp1258_style(SO_TAI_CHINH)
    assert odd != SO_TAI_CHINH and "\u200b" in odd and "\u00a0" in odd
    plain, styled = parse(SO_TAI_CHINH), parse(odd)
    assert _read(styled) == _read(plain)
    assert (styled.number, styled.issuer, styled.date) == (plain.number, plain.issuer, plain.date)
    assert relations(styled) == relations(plain)


BAN_TUYEN_GIAO_DAN_VAN = """ĐẢNG BỘ TỈNH HƯNG YÊN
BAN TUYÊN GIÁO VÀ DÂN VẬN
*
Số 38-KH/BTGDVTU

ĐẢNG CỘNG SẢN VIỆT NAM

Hưng Yên, ngày 14 tháng 10 năm 2025

KẾ HOẠCH
tuyên truyền kỷ niệm 80 năm Ngày truyền thống ngành Tuyên giáo
và Dân vận của Đảng

Thực hiện Hướng dẫn số 12-HD/BTGDVTW ngày 02/9/2025 của Ban Tuyên giáo và Dân vận Trung ương về tuyên truyền các ngày lễ lớn năm 2025; Kế hoạch số 45-KH/TU ngày 10/9/2025 của Ban Thường vụ Tỉnh ủy; căn cứ Quyết định số 2544/QĐ-BVHTTDL ngày 25/8/2025 của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch, Ban Tuyên giáo và Dân vận Tỉnh ủy ban hành Kế hoạch tuyên truyền như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Giáo dục truyền thống, bồi đắp niềm tự hào của cán bộ làm công tác tuyên giáo và dân vận.
2. Công tác tuyên truyền bảo đảm thiết thực, tiết kiệm.

II. NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN
1. Phòng Tuyên truyền, báo chí, xuất bản
- Chủ trì định hướng Báo và Phát thanh, Truyền hình Hưng Yên mở chuyên trang, chuyên mục tuyên truyền; thời gian từ tháng 10 đến tháng 12/2025.
- Phối hợp với Sở Văn hóa, Thể thao và Du lịch tổ chức triển lãm ảnh "80 năm ngành Tuyên giáo và Dân vận".
2. Phòng Dân vận, dân tộc, tôn giáo
- Hướng dẫn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể chính trị - xã hội tỉnh tổ chức gặp mặt các thế hệ cán bộ dân vận.
3. Văn phòng Ban
- Bảo đảm kinh phí, cơ sở vật chất phục vụ các hoạt động kỷ niệm; hoàn thành trước ngày 25/10/2025.

III. TỔ CHỨC THỰC HIỆN
Đề nghị các đảng ủy trực thuộc Tỉnh ủy chỉ đạo tổ chức tuyên truyền phù hợp với điều kiện thực tế.

Nơi nhận:
- Ban Tuyên giáo và Dân vận Trung ương (b/c),
- Thường trực Tỉnh ủy (b/c),
- Lưu Văn phòng Ban.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN

Nguyễn Văn Phong
"""


def test_party_board_issuer_and_central_commission_references():
    plan = parse(BAN_TUYEN_GIAO_DAN_VAN)
    assert plan.issuer == "Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên"
    refs = {r.key: r for r in plan.references}
    guide = refs["12-HD/BTGDVTW"]
    assert guide.issuer == "Ban Tuyên giáo và Dân vận Trung ương" and guide.scope == "central"
    decision = refs["2544/QĐ-BVHTTDL"]
    assert match_issuer(decision.issuer or "").name == "Bộ Văn hóa, Thể thao và Du lịch"
    assert (decision.relation, refs["45-KH/TU"].relation) == ("basis", "implements")
    office = find(plan, "Bảo đảm kinh phí")
    assert [(u.canonical, u.category) for u in office.units] == [("Văn phòng Ban", "internal")]


def test_issuer_names_in_capitals_keep_their_proper_names():
    assert display_issuer("ĐẢNG ỦY PHƯỜNG HOA LƯ", "Ninh Bình") == "Đảng ủy phường Hoa Lư"
    assert display_issuer("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Ninh Bình") == \
        "Đảng ủy khối các cơ quan tỉnh"
    assert display_issuer("HUYỆN ỦY ĐẦM HÀ", "Quảng Ninh") == "Huyện ủy Đầm Hà"
    assert display_issuer("Bộ trưởng Bộ Tài chính") == "Bộ Tài chính"


BO_NN_MT = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 512/KH-BNNMT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 03 tháng 4 năm 2025

KẾ HOẠCH
Triển khai Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW
trong lĩnh vực nông nghiệp và môi trường

Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Bộ Nông nghiệp và Môi trường ban hành Kế hoạch triển khai như sau:

I. MỤC TIÊU
Đến năm 2030, khoa học và công nghệ đóng góp trên 50% giá trị gia tăng của ngành.

II. NHIỆM VỤ CỤ THỂ
1. Xây dựng cơ sở dữ liệu đất đai, tài nguyên nước và môi trường quốc gia, kết nối liên thông với các bộ, ngành, địa phương (Giao: Cục Chuyển đổi số chủ trì; Cục Quản lý đất đai, Cục Quản lý tài nguyên nước phối hợp). Hoàn thành trong năm 2026.
2. Ứng dụng công nghệ sinh học trong chọn tạo giống cây trồng, vật nuôi chủ lực (Giao: Vụ Khoa học và Công nghệ chủ trì; Viện Khoa học Nông nghiệp Việt Nam, Cục Trồng trọt và Bảo vệ thực vật phối hợp). Thời gian: Giai đoạn 2025 - 2030.
3. Hoàn thiện cơ chế đặt hàng nhiệm vụ khoa học và công nghệ của Bộ (Giao: Vụ Kế hoạch - Tài chính chủ trì; Vụ Pháp chế, Văn phòng Bộ phối hợp). Thời gian: Quý III/2025.
4. Vụ Hợp tác quốc tế chủ trì, phối hợp với Bộ Ngoại giao, Bộ Khoa học và Công nghệ thu hút chuyên gia người Việt Nam ở nước ngoài tham gia các nhiệm vụ của ngành; thực hiện hằng năm.

III. TỔ CHỨC THỰC HIỆN
1. Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm tổ chức thực hiện nhiệm vụ được giao.
2. Vụ Khoa học và Công nghệ theo dõi, tổng hợp, báo cáo Bộ trưởng trước ngày 15/12 hằng năm.

Nơi nhận:
- Văn phòng Chính phủ;
- Bộ trưởng (để b/c);
- Các đơn vị thuộc Bộ;
- Lưu: VT, KHCN.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Phùng Đức Tiến
"""


def test_ministrys_own_departments_are_internal():
    plan = parse(BO_NN_MT)
    assert plan.province is None and fold(plan.issuer or "") == "bo nong nghiep va moi truong"
    cats = {fold(u.name): u.category for u in plan.units}
    for own in ("vu phap che", "van phong bo", "cuc quan ly dat dai",
                "vien khoa hoc nong nghiep viet nam"):
        assert cats[own] == "internal", own
    assert cats["bo ngoai giao"] == "external"
    db = find(plan, "cơ sở dữ liệu đất đai")
    assert units_of(db, "lead") == {"cuc chuyen doi so"}
    assert units_of(db, "support") == {"cuc quan ly dat dai", "cuc quan ly tai nguyen nuoc"}
    assert db.deadline is not None and db.deadline.end_year == 2026
    units = find(plan, "Thủ trưởng các đơn vị thuộc Bộ")
    assert units_of(units, "lead") == {"cac don vi thuoc bo"}


def test_government_programme_in_the_title_is_its_numbered_resolution():
    plan = parse(BO_NN_MT)
    assert [r.key for r in plan.references if r.doctype in ("CTr", "NQ") and r.issuer
            and fold(r.issuer) == "chinh phu"] == ["03/NQ-CP"]
    assert relations(plan)["03/NQ-CP"] == "implements"


# --- every fixture: the same reading whatever the Unicode form --------------------------------

FIXTURES = {
    "qd_kem": QD_KEM_KE_HOACH, "gddt": SO_GDDT_GIAO, "syt": SO_Y_TE_CONG_TAC,
    "huyen": HUYEN_THEO_QUY, "sua_doi": SUA_DOI_BO_SUNG, "stc": SO_TAI_CHINH,
    "btgdv": BAN_TUYEN_GIAO_DAN_VAN, "bo_nnmt": BO_NN_MT,
}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_same_reading_in_nfd(name):
    text = FIXTURES[name]
    plain, nfd = parse(text), parse(unicodedata.normalize("NFD", text))
    assert _read(nfd) == _read(plain)
    assert relations(nfd) == relations(plain)
    assert plain.tasks and all(t.source.line_start >= 1 for t in plain.tasks)


# --- deadlines marked in period columns --------------------------------------------------------


def test_quarter_marks_are_the_tasks_deadline_in_the_plans_year():
    plan = parse(HUYEN_THEO_QUY)  # "… năm 2024": the quarters are 2024's
    training = find(plan, "lớp tập huấn ứng dụng kỹ thuật nuôi trồng")
    assert training.deadline is not None and training.deadline.text == "Quý II, Quý III"
    assert (training.deadline.start_year, training.deadline.end_year) == (2024, 2024)
    hau = find(plan, "nhãn hiệu tập thể")
    assert hau.deadline is not None and hau.deadline.text == "Quý III"
    every = find(plan, "Khoa học với nhà nông")
    assert every.deadline is not None and every.deadline.text == "Quý I - Quý IV"
    assert every.deadline.end_year == 2024
    # The period columns are neither units nor part of the task.
    assert units_of(training) == {"phong nong nghiep va phat trien nong thon",
                                  "ubnd cac xa, thi tran"}
    assert not any("quy" in fold(u.name) for t in plan.tasks for u in t.units)
    assert training.text == "Tổ chức 04 lớp tập huấn ứng dụng kỹ thuật nuôi trồng thủy sản"


SO_NN_THANG = """UBND TỈNH TUYÊN QUANG
SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 174/KH-SNNMT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tuyên Quang, ngày 20 tháng 12 năm 2024

KẾ HOẠCH
Chuyển giao tiến bộ kỹ thuật trong trồng trọt và chăn nuôi

I. MỤC ĐÍCH, YÊU CẦU
Đưa nhanh tiến bộ kỹ thuật đến hộ nông dân, hợp tác xã.

II. NỘI DUNG THỰC HIỆN

| TT | Nội dung công việc | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện năm 2025 | | | | | |
|---|---|---|---|---|---|---|---|---|---|
| | | | | Tháng 3 | Tháng 4 | Tháng 5 | Tháng 6 | Tháng 9 | Tháng 10 |
| 1 | Tập huấn kỹ thuật thâm canh cam sành cho hộ nông dân | Trung tâm Khuyến nông | UBND các xã | ✓ | ✓ | | | | |
| 2 | Xây dựng mô hình nuôi cá lồng trên hồ thủy điện | Chi cục Thủy sản | Hợp tác xã Thủy sản Na Hang | | x | X | x | | |
| 3 | Đánh giá, nhân rộng mô hình chè hữu cơ, hoàn thành trước ngày 30/11/2025 | Phòng Trồng trọt | Hội Nông dân tỉnh | | | | | | |
| 4 | Kiểm tra tình hình dịch bệnh trên đàn gia súc | Chi cục Chăn nuôi và Thú y | | | | | | | ✓ |

III. TỔ CHỨC THỰC HIỆN
Các đơn vị được giao chủ trì triển khai và báo cáo kết quả về Văn phòng Sở.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.

GIÁM ĐỐC

Ma Văn Thành
"""


def test_month_marks_under_a_header_spanning_two_rows():
    plan = parse(SO_NN_THANG)
    assert len([t for t in plan.tasks if t.section == "II"]) == 4
    citrus = find(plan, "thâm canh cam sành")
    assert citrus.deadline is not None and citrus.deadline.text == "Tháng 3, Tháng 4"
    # The year is the one the time header names (the plan's title names none).
    assert (citrus.deadline.start_year, citrus.deadline.end_year) == (2025, 2025)
    assert citrus.deadline.date == "2025-04"
    cage = find(plan, "nuôi cá lồng")
    assert cage.deadline is not None and cage.deadline.text == "Tháng 4 - Tháng 6"
    assert cage.deadline.date == "2025-06"
    assert units_of(cage, "lead") == {"chi cuc thuy san"}
    assert units_of(cage, "support") == {"hop tac xa thuy san na hang"}
    # A row with no mark keeps the deadline its text gives.
    tea = find(plan, "chè hữu cơ")
    assert tea.deadline is not None and tea.deadline.date == "2025-11-30"
    check = find(plan, "dịch bệnh trên đàn gia súc")
    assert check.deadline is not None and check.deadline.text == "Tháng 10"
    assert check.deadline.date == "2025-10"


SO_KHCN_NAM = """UBND TỈNH PHÚ THỌ
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 2105/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú Thọ, ngày 15 tháng 01 năm 2026

KẾ HOẠCH
Phát triển tài sản trí tuệ năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả bảo hộ, khai thác tài sản trí tuệ của doanh nghiệp.

II. NHIỆM VỤ TRỌNG TÂM

| STT | Nội dung công việc | 6 tháng đầu năm | 6 tháng cuối năm |
|---|---|---|---|
| 1 | Rà soát các sản phẩm đặc sản có tiềm năng đăng ký chỉ dẫn địa lý | x | |
| 2 | Tổ chức hội chợ sản phẩm OCOP gắn nhãn hiệu tập thể | | x |

III. DỰ ÁN NHIỀU NĂM

| STT | Tên nhiệm vụ | Cơ quan chủ trì | 2026 | 2027 | 2028 |
|---|---|---|---|---|---|
| 1 | Xây dựng cơ sở dữ liệu sáng chế phục vụ doanh nghiệp | Phòng Quản lý công nghệ và Sở hữu trí tuệ | X | X | |
| 2 | Hỗ trợ bảo hộ nhãn hiệu chứng nhận bưởi Đoan Hùng | Trung tâm Ứng dụng khoa học và công nghệ | | | X |

IV. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, tổng hợp kết quả thực hiện Kế hoạch.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.

GIÁM ĐỐC

Nguyễn Văn Hải
"""


def test_half_year_and_year_columns():
    plan = parse(SO_KHCN_NAM)
    # A table with only content and period columns is still a table of tasks.
    survey = find(plan, "chỉ dẫn địa lý")
    assert survey.deadline is not None and survey.deadline.text == "6 tháng đầu năm"
    assert (survey.deadline.start_year, survey.deadline.end_year) == (2026, 2026)
    fair = find(plan, "hội chợ sản phẩm OCOP")
    assert fair.deadline is not None and fair.deadline.text == "6 tháng cuối năm"
    # Year columns give the years themselves, whatever the plan's year.
    patents = find(plan, "cơ sở dữ liệu sáng chế")
    assert patents.deadline is not None and patents.deadline.text == "2026, 2027"
    assert (patents.deadline.start_year, patents.deadline.end_year) == (2026, 2027)
    assert units_of(patents, "lead") == {"phong quan ly cong nghe va so huu tri tue"}
    pomelo = find(plan, "bưởi Đoan Hùng")
    assert pomelo.deadline is not None and pomelo.deadline.text == "2028"
    assert (pomelo.deadline.start_year, pomelo.deadline.end_year) == (2028, 2028)
    assert not [t for t in plan.tasks if fold(t.text) in ("2026", "x", "6 thang dau nam")]


def test_period_marks_read_the_same_in_nfd():
    for text in (HUYEN_THEO_QUY, SO_NN_THANG, SO_KHCN_NAM):
        plain, nfd = parse(text), parse(unicodedata.normalize("NFD", text))
        read = [(t.id, vars(t.deadline) if t.deadline else None) for t in plain.tasks]
        assert [(t.id, vars(t.deadline) if t.deadline else None) for t in nfd.tasks] == read


# --- deadlines written in prose without a label ------------------------------------------------


def test_time_span_in_a_bullet_is_its_deadline():
    plan = parse(BAN_TUYEN_GIAO_DAN_VAN)
    press = find(plan, "mở chuyên trang, chuyên mục")
    assert press.deadline is not None and press.deadline.text == "từ tháng 10 đến tháng 12/2025"
    assert (press.deadline.start_year, press.deadline.end_year) == (2025, 2025)
    plan = parse(SUA_DOI_BO_SUNG)
    training = find(plan, "kỹ năng số cho 100% cán bộ")
    assert training.deadline is not None
    assert (training.deadline.start_year, training.deadline.end_year) == (2025, 2026)


SO_CT_VAN_XUOI = """UBND TỈNH NGHỆ AN
SỞ CÔNG THƯƠNG
Số: 1440/KH-SCT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 02 tháng 6 năm 2025

KẾ HOẠCH
Phát triển thương mại điện tử giai đoạn 2025 - 2030

I. MỤC ĐÍCH, YÊU CẦU
Đưa thương mại điện tử thành kênh phân phối chủ lực của doanh nghiệp trong tỉnh.

II. NHIỆM VỤ
1. Phòng Quản lý thương mại
- Tổ chức chuỗi hội thảo kết nối sàn thương mại điện tử với doanh nghiệp trong thời gian từ quý III/2025 đến quý I/2026.
- Rà soát danh mục sản phẩm chủ lực đưa lên sàn, hoàn thành trong tháng 9/2025.
- Hỗ trợ doanh nghiệp nhỏ và vừa mở gian hàng trực tuyến từ năm 2025 đến năm 2030, mỗi năm ít nhất 50 doanh nghiệp.
- Triển khai các nội dung được giao tại Quyết định số 12/QĐ-UBND ngày 10/3/2025 của UBND tỉnh về phát triển kinh tế số.
2. Trung tâm Khuyến công và Xúc tiến thương mại
- Duy trì Cổng thông tin xúc tiến thương mại của tỉnh; năm 2024 đạt 120 nghìn lượt truy cập.
- Tiếp tục thực hiện Chương trình xúc tiến thương mại giai đoạn từ năm 2021 đến năm 2030 của tỉnh.
- Tổ chức Tuần lễ mua sắm trực tuyến vào mùa cao điểm, từ tháng 11 đến tháng 2/2026.
3. Xây dựng bộ chỉ số đánh giá mức độ ứng dụng thương mại điện tử, từ tháng 3 đến tháng 6/2026.
Đơn vị chủ trì: Phòng Quản lý thương mại.
Thời gian thực hiện: Quý II/2026.

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị báo cáo kết quả về Văn phòng Sở trước ngày 15/12 hằng năm.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.

GIÁM ĐỐC

Phạm Văn Tâm
"""


def test_prose_time_spans_and_months_are_deadlines():
    plan = parse(SO_CT_VAN_XUOI)
    seminars = find(plan, "chuỗi hội thảo")
    assert seminars.deadline is not None
    assert seminars.deadline.text == "từ quý III/2025 đến quý I/2026"
    assert (seminars.deadline.start_year, seminars.deadline.end_year) == (2025, 2026)
    review = find(plan, "danh mục sản phẩm chủ lực")
    assert review.deadline is not None and review.deadline.text == "hoàn thành trong tháng 9/2025"
    assert review.deadline.end_year == 2025 and review.deadline.date == "2025-09"
    shops = find(plan, "gian hàng trực tuyến")
    assert shops.deadline is not None and shops.deadline.text == "từ năm 2025 đến năm 2030"
    assert (shops.deadline.start_year, shops.deadline.end_year) == (2025, 2030)
    # A span over the new year starts in the year before the one it names.
    week = find(plan, "Tuần lễ mua sắm")
    assert week.deadline is not None and week.deadline.text == "từ tháng 11 đến tháng 2/2026"
    assert (week.deadline.start_year, week.deadline.end_year) == (2025, 2026)


def test_dates_that_are_not_deadlines_are_left_alone():
    plan = parse(SO_CT_VAN_XUOI)
    assert find(plan, "Quyết định số 12/QĐ-UBND").deadline is None  # a cited decision's date
    assert find(plan, "Cổng thông tin xúc tiến").deadline is None  # a past result
    assert find(plan, "Chương trình xúc tiến thương mại").deadline is None  # a programme's name
    # A labelled deadline wins over a span in the task's sentence.
    index = find(plan, "bộ chỉ số đánh giá")
    assert index.deadline is not None and index.deadline.text == "Quý II/2026"


def test_quarter_headings_fall_in_the_plans_year():
    plan = parse(SO_Y_TE_CONG_TAC)  # a work programme for 2025
    vaccine = find(plan, "tiêm chủng bổ sung vắc xin sởi")
    assert vaccine.deadline is not None and vaccine.deadline.text == "Quý II"
    assert (vaccine.deadline.start_year, vaccine.deadline.end_year) == (2025, 2025)
    # A plan whose title names no single year leaves a bare quarter without one.
    undated = SO_Y_TE_CONG_TAC.replace("CHƯƠNG TRÌNH CÔNG TÁC NĂM 2025", "CHƯƠNG TRÌNH CÔNG TÁC")
    vaccine = find(parse(undated), "tiêm chủng bổ sung vắc xin sởi")
    assert vaccine.deadline is not None and vaccine.deadline.text == "Quý II"
    assert (vaccine.deadline.start_year, vaccine.deadline.end_year) == (None, None)

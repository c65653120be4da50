# ruff: noqa: E501  (fixture table rows are as long as real plans print them)
"""Plans in layouts and wordings the seed corpus does not show, read as a careful reader would.

Every fixture below is our own writing in the Vietnamese administrative style: other
provinces, other issuers (provincial and commune People's Committees, departments of
agriculture and health), tasks in an appendix table, units followed by a colon,
lettered duties, labelled lines with other wordings, quarter deadlines and references
written in short forms.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.ontology.normalize import fold
from tests.layouts import assert_same_reading_in_any_form, find, parse, ref_keys, units_of

# --- 1. Provincial People's Committee, duties by department under "IV. TỔ CHỨC THỰC HIỆN" ---

UBND_TINH = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 87/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Trị, ngày 12 tháng 3 năm 2025

KẾ HOẠCH
Triển khai thực hiện Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ,
đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn tỉnh năm 2025

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Nghị quyết số 03/NQ-CP
ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết 57-NQ/TW;
Quyết định 1131/QĐ-TTg ngày 12/10/2020 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch
thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Cụ thể hóa các nhiệm vụ của Nghị quyết phù hợp với điều kiện của tỉnh.

II. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện thể chế, chính sách phát triển khoa học, công nghệ trên địa bàn tỉnh.
2. Phát triển hạ tầng số phục vụ chính quyền số.

III. KINH PHÍ THỰC HIỆN
Kinh phí thực hiện từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác.

IV. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
a) Chủ trì, phối hợp với các sở, ngành, địa phương tham mưu UBND tỉnh ban hành cơ chế
khuyến khích doanh nghiệp đầu tư cho đổi mới sáng tạo; hoàn thành trong Quý III/2025.
b) Theo dõi, tổng hợp, báo cáo UBND tỉnh kết quả thực hiện Kế hoạch trước ngày 15/12 hằng năm.
2. Sở Tài chính: chủ trì, phối hợp với Sở Khoa học và Công nghệ tham mưu bố trí kinh phí
thực hiện Kế hoạch theo phân cấp ngân sách hiện hành.
3. Sở Nội vụ: chủ trì tham mưu sắp xếp, kiện toàn tổ chức bộ máy làm công tác khoa học,
công nghệ; hoàn thành trước 30/6/2025.
4. Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Giáo dục và Đào tạo, Bộ
Chỉ huy Quân sự tỉnh tổ chức tuyên truyền về chuyển đổi số trong các thiết chế văn hóa.
5. Các sở, ban, ngành; UBND các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ xây dựng
kế hoạch triển khai thực hiện tại cơ quan, địa phương mình.

Trên đây là Kế hoạch triển khai thực hiện Nghị quyết số 57-NQ/TW của UBND tỉnh.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- TT Tỉnh ủy, TT HĐND tỉnh;
- Lưu: VT, KGVX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Hoàng Nam Phong
"""


def test_ubnd_tinh_metadata_and_references():
    plan = parse(UBND_TINH)
    assert plan.number == "87/KH-UBND"
    assert plan.date == "2025-03-12"
    assert fold(plan.province or "") == "quang tri"
    keys = ref_keys(plan)
    assert {"57-NQ/TW", "03/NQ-CP", "1131/QĐ-TTg"} <= keys
    # "Thực hiện A; B; C, UBND tỉnh ban hành …": the whole list is carried out.
    relation = {r.key: r.relation for r in plan.references}
    assert relation["03/NQ-CP"] == "implements" and relation["1131/QĐ-TTg"] == "implements"


def test_ubnd_tinh_lettered_duties_under_department():
    plan = parse(UBND_TINH)
    a = find(plan, "ban hành cơ chế khuyến khích doanh nghiệp")
    assert units_of(a, "lead") == {"so khoa hoc va cong nghe"}
    assert a.deadline is not None and a.deadline.end_year == 2025
    b = find(plan, "tổng hợp, báo cáo UBND tỉnh kết quả")
    assert units_of(b, "lead") == {"so khoa hoc va cong nghe"}
    assert b.deadline is not None and b.deadline.recurrence == "yearly"


def test_ubnd_tinh_unit_with_colon():
    plan = parse(UBND_TINH)
    fin = find(plan, "bố trí kinh phí thực hiện Kế hoạch")
    assert units_of(fin, "lead") == {"so tai chinh"}
    assert "so khoa hoc va cong nghe" in units_of(fin, "support")
    home = find(plan, "kiện toàn tổ chức bộ máy")
    assert units_of(home, "lead") == {"so noi vu"}
    assert home.deadline is not None and home.deadline.date == "2025-06-30"


def test_ubnd_tinh_giao_with_comma_names():
    plan = parse(UBND_TINH)
    t = find(plan, "tuyên truyền về chuyển đổi số")
    assert units_of(t, "lead") == {"so van hoa, the thao va du lich"}
    support = units_of(t, "support")
    assert "so giao duc va dao tao" in support
    assert any("chi huy quan su" in s for s in support)


# --- 2. Commune People's Committee after July 2025 ----------------------------------------

UBND_XA = """ỦY BAN NHÂN DÂN
XÃ TÂN PHÚ
Số: 15/KH-UBND                    Tân Phú, ngày 20 tháng 8 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số trên địa bàn xã năm 2025

Căn cứ Kế hoạch số 123/KH-UBND ngày 5/3/2025 của UBND tỉnh về chuyển đổi số năm 2025;
UBND xã xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao hiệu quả cung cấp dịch vụ công trực tuyến cho người dân.

II. NHIỆM VỤ CỤ THỂ
1. Rà soát, chuẩn hóa dữ liệu dân cư phục vụ giải quyết thủ tục hành chính.
- Đơn vị thực hiện: Văn phòng HĐND và UBND xã
- Phối hợp: Công an xã, Trưởng các thôn
- Thời hạn: Quý III/2025
2. Tuyên truyền, hướng dẫn người dân sử dụng ứng dụng định danh điện tử.
- Cơ quan chủ trì: Phòng Văn hóa - Xã hội
- Cơ quan phối hợp: Đoàn Thanh niên xã, Hội Liên hiệp Phụ nữ xã
- Thời gian hoàn thành: Thường xuyên
3. Triển khai chữ ký số cho cán bộ, công chức xã.
- Cơ quan chủ trì: Phòng Kinh tế
- Thời hạn: Hoàn thành trước 31/10/2025
- Sản phẩm: 100% cán bộ, công chức được cấp chữ ký số

III. TỔ CHỨC THỰC HIỆN
Giao Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả, báo cáo Chủ tịch UBND xã.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Lê Văn Hòa
"""


def test_ubnd_xa_header_on_one_line():
    plan = parse(UBND_XA)
    assert plan.number == "15/KH-UBND"
    assert plan.date == "2025-08-20"


def test_ubnd_xa_labelled_lines():
    plan = parse(UBND_XA)
    t1 = find(plan, "chuẩn hóa dữ liệu dân cư")
    assert any("van phong" in u for u in units_of(t1, "lead"))
    assert any("cong an" in u for u in units_of(t1, "support"))
    assert t1.deadline is not None and t1.deadline.end_year == 2025
    t2 = find(plan, "định danh điện tử")
    assert units_of(t2, "lead") == {"phong van hoa - xa hoi"} or \
        any("van hoa" in u for u in units_of(t2, "lead"))
    assert len(units_of(t2, "support")) == 2
    assert t2.deadline is not None and t2.deadline.recurrence == "ongoing"
    t3 = find(plan, "chữ ký số cho cán bộ")
    assert t3.deadline is not None and t3.deadline.date == "2025-10-31"
    assert t3.outputs


def test_ubnd_xa_references_provincial_plan():
    plan = parse(UBND_XA)
    assert "123/KH-UBND" in ref_keys(plan)


# --- 3. Department of Agriculture: tasks only in an appendix table with group rows --------

SO_NN_PHU_LUC = """UBND TỈNH NGHỆ AN
SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 412/KH-SNNMT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 02 tháng 4 năm 2025

KẾ HOẠCH
Ứng dụng khoa học công nghệ trong sản xuất nông nghiệp giai đoạn 2025 - 2027

Thực hiện Kế hoạch số 123/KH-UBND ngày 5/3/2025 của UBND tỉnh về triển khai NQ số 57
trên địa bàn tỉnh, Sở Nông nghiệp và Môi trường ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Đẩy mạnh chuyển giao tiến bộ kỹ thuật cho nông dân.

II. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị trực thuộc Sở căn cứ nhiệm vụ được giao tại Phụ lục triển khai thực hiện.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, KHTC.
GIÁM ĐỐC

Trần Thị Mai

PHỤ LỤC
DANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH
(Kèm theo Kế hoạch số 412/KH-SNNMT ngày 02/4/2025 của Sở Nông nghiệp và Môi trường)

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| I | Chuyển giao tiến bộ kỹ thuật | | | | |
| 1 | Xây dựng mô hình trồng lúa chất lượng cao ứng dụng cơ giới hóa đồng bộ | Chi cục Trồng trọt và Bảo vệ thực vật | Trung tâm Khuyến nông; UBND các xã | Quý III/2025 | 03 mô hình trình diễn |
| 2 | Tập huấn kỹ thuật chăn nuôi an toàn sinh học cho hộ chăn nuôi | Chi cục Chăn nuôi và Thú y | Hội Nông dân tỉnh | Hàng năm | Ít nhất 20 lớp tập huấn |
| II | Chuyển đổi số trong nông nghiệp | | | | |
| 1 | Xây dựng cơ sở dữ liệu mã số vùng trồng | Văn phòng Sở | Sở Khoa học và Công nghệ, Sở Tài chính | 2025-2026 | Cơ sở dữ liệu được cập nhật |
| 2 | Hướng dẫn hợp tác xã truy xuất nguồn gốc nông sản | Chi cục Phát triển nông thôn | Liên minh Hợp tác xã tỉnh | Hoàn thành trước 30/11/2025 | 15 hợp tác xã áp dụng |
"""


def test_appendix_table_tasks_and_groups():
    plan = parse(SO_NN_PHU_LUC)
    rows = [t for t in plan.tasks if t.units and t.section == "PL"]
    assert len(rows) == 4
    assert all(not t.units for t in plan.tasks if t.section == "PL" and t not in rows)
    model = find(plan, "mô hình trồng lúa")
    assert units_of(model, "lead") == {"chi cuc trong trot va bao ve thuc vat"}
    assert units_of(model, "support") == {"trung tam khuyen nong", "ubnd cac xa"} or \
        len(units_of(model, "support")) == 2
    assert model.deadline is not None and model.deadline.end_year == 2025
    assert model.outputs == ["03 mô hình trình diễn"]
    group = next(t for t in plan.tasks if t.id == model.parent)
    assert "chuyen giao tien bo" in fold(group.text)
    db = find(plan, "mã số vùng trồng")
    assert db.parent != model.parent
    assert units_of(db, "support") == {"so khoa hoc va cong nghe", "so tai chinh"}
    assert (db.deadline.start_year, db.deadline.end_year) == (2025, 2026)
    coop = find(plan, "truy xuất nguồn gốc nông sản")
    assert coop.deadline.date == "2025-11-30"
    assert [t.value for t in coop.targets] == [15.0]


def test_appendix_table_metadata():
    plan = parse(SO_NN_PHU_LUC)
    assert plan.number == "412/KH-SNNMT"
    assert plan.date == "2025-04-02"
    assert fold(plan.province or "") == "nghe an"
    assert plan.signer == "Trần Thị Mai"
    assert "123/KH-UBND" in ref_keys(plan)


# --- 4. Department of Health: a table whose header spans two rows -------------------------

SO_Y_TE = """UBND TỈNH KHÁNH HÒA
SỞ Y TẾ
Số: 1520/KH-SYT                         Khánh Hòa, ngày 18 tháng 6 năm 2025

KẾ HOẠCH
Chuyển đổi số ngành y tế năm 2025

Căn cứ Quyết định số 5316/QĐ-BYT ngày 22/12/2020 của Bộ Y tế; thực hiện Kế hoạch
số 95/KH-UBND ngày 10/02/2025 của UBND tỉnh, Sở Y tế xây dựng Kế hoạch như sau:

I. MỤC TIÊU
- 100% bệnh viện triển khai bệnh án điện tử.

II. NHIỆM VỤ VÀ GIẢI PHÁP
| STT | Nội dung | Phân công | | Thời gian |
| | | Chủ trì | Phối hợp | |
|---|---|---|---|---|
| 1 | Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh | Phòng Nghiệp vụ Y | Các bệnh viện tuyến tỉnh | Quý IV/2025 |
| 2 | Kết nối liên thông dữ liệu khám chữa bệnh với Bảo hiểm xã hội tỉnh | Trung tâm Kiểm soát bệnh tật | Bảo hiểm xã hội tỉnh; Sở Khoa học và Công nghệ | Trước 30/9/2025 |
| 3 | Đào tạo nhân lực công nghệ thông tin cho các cơ sở y tế | Phòng Tổ chức cán bộ | Bộ Lao động - Thương binh và Xã hội, Sở Văn hóa, Thể thao và Du lịch | Năm 2025 |

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở
a) Theo dõi, đôn đốc các đơn vị triển khai Kế hoạch.
b) Tổng hợp báo cáo Giám đốc Sở trước ngày 20 của tháng cuối quý.
2. Các đơn vị trực thuộc Sở: căn cứ Kế hoạch xây dựng kế hoạch chi tiết của đơn vị, hoàn
thành trong tháng 7/2025.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Nguyễn Văn Bình
"""


def test_two_row_table_header():
    plan = parse(SO_Y_TE)
    emr = find(plan, "bệnh án điện tử tại các bệnh viện")
    assert units_of(emr, "lead") == {"phong nghiep vu y"}
    assert units_of(emr, "support") == {"cac benh vien tuyen tinh"}
    assert emr.deadline is not None and emr.deadline.end_year == 2025
    link = find(plan, "liên thông dữ liệu")
    assert units_of(link, "lead") == {"trung tam kiem soat benh tat"}
    assert units_of(link, "support") == {"bao hiem xa hoi tinh", "so khoa hoc va cong nghe"}
    assert link.deadline.date == "2025-09-30"


def test_comma_and_hyphen_names_in_table():
    plan = parse(SO_Y_TE)
    t = find(plan, "nhân lực công nghệ thông tin")
    assert units_of(t, "support") == {"bo lao dong - thuong binh va xa hoi",
                                      "so van hoa, the thao va du lich"}


def test_health_lettered_and_colon_duties():
    plan = parse(SO_Y_TE)
    a = find(plan, "đôn đốc các đơn vị triển khai")
    assert units_of(a, "lead") == {"van phong so"}
    b = find(plan, "tháng cuối quý")
    assert units_of(b, "lead") == {"van phong so"}
    c = find(plan, "kế hoạch chi tiết của đơn vị")
    assert units_of(c, "lead") == {"cac don vi truc thuoc so"}
    assert c.deadline is not None and c.deadline.end_year == 2025


def test_health_metadata():
    plan = parse(SO_Y_TE)
    assert plan.number == "1520/KH-SYT"
    assert plan.date == "2025-06-18"
    assert plan.signer == "Nguyễn Văn Bình"
    assert {"5316/QĐ-BYT", "95/KH-UBND"} <= ref_keys(plan)


# --- 5. A plan carrying out a provincial Party programme: "Nhiệm vụ N" and a page break -----

SO_CT_NHIEM_VU = """UBND TỈNH BẮC NINH
SỞ CÔNG THƯƠNG
Số: 77/KH-SCT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Ninh, ngày 25 tháng 9 năm 2025

KẾ HOẠCH
Thực hiện Chương trình hành động số 45-CTr/TU của Ban Chấp hành Đảng bộ tỉnh

Thực hiện Chương trình hành động số 45-CTr/TU ngày 10/5/2025 của Tỉnh ủy thực hiện
Nghị quyết 57-NQ/TW của Bộ Chính trị; Kế hoạch số 200/KH-UBND ngày 02/6/2025 của UBND tỉnh,
Sở Công Thương ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Xác định rõ nhiệm vụ, trách nhiệm của các phòng, đơn vị.

II. NHIỆM VỤ CỤ THỂ
Nhiệm vụ 1: Phát triển thương mại điện tử cho doanh nghiệp nhỏ và vừa
- Bộ phận chủ trì: Phòng Quản lý Thương mại
- Đơn vị phối hợp: Trung tâm Khuyến công và Xúc tiến thương mại
- Thời hạn: Quý I, II năm 2026
- Kết quả: ít nhất 50 doanh nghiệp tham gia sàn thương mại điện tử
Nhiệm vụ 2: Hỗ trợ doanh nghiệp công nghiệp hỗ trợ đổi mới công nghệ, nâng cao năng suất,
chất

lượng sản phẩm và sức cạnh tranh trên thị trường quốc tế
- Bộ phận chủ trì: Phòng Quản lý Công nghiệp
- Thời hạn: Dự kiến 2025-2027

III. TỔ CHỨC THỰC HIỆN
Phòng Kế hoạch - Tài chính chủ trì, phối hợp với Văn phòng Sở tham mưu bố trí kinh phí.
Văn phòng Sở phối hợp với Phòng Kế hoạch - Tài chính tổng hợp, báo cáo kết quả định kỳ.

Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC

Đỗ Minh Quân
"""


def test_nhiem_vu_with_thoi_han():
    plan = parse(SO_CT_NHIEM_VU)
    nv1 = find(plan, "thương mại điện tử cho doanh nghiệp")
    assert nv1.number == "Nhiệm vụ 1"
    assert units_of(nv1, "lead") == {"phong quan ly thuong mai"}
    assert units_of(nv1, "support") == {"trung tam khuyen cong va xuc tien thuong mai"}
    assert nv1.deadline is not None and nv1.deadline.end_year == 2026
    assert [t.value for t in nv1.targets] == [50.0]


def test_page_break_inside_task():
    plan = parse(SO_CT_NHIEM_VU)
    nv2 = find(plan, "đổi mới công nghệ")
    assert "chất lượng sản phẩm" in nv2.text
    assert units_of(nv2, "lead") == {"phong quan ly cong nghiep"}
    assert (nv2.deadline.start_year, nv2.deadline.end_year) == (2025, 2027)


def test_chain_through_party_programme():
    plan = parse(SO_CT_NHIEM_VU)
    keys = ref_keys(plan)
    assert {"45-CTr/TU", "57-NQ/TW", "200/KH-UBND"} <= keys
    by_index = {i: r.key for i, r in enumerate(plan.references)}
    links = {(by_index[lk.child], by_index[lk.parent]) for lk in plan.links}
    assert ("45-CTr/TU", "57-NQ/TW") in links


def test_internal_partner_rule():
    plan = parse(SO_CT_NHIEM_VU)
    report = find(plan, "tổng hợp, báo cáo kết quả định kỳ")
    assert units_of(report, "lead") == {"phong ke hoach - tai chinh"} or \
        units_of(report, "lead") == {"phong ke hoach – tai chinh"}
    assert units_of(report, "support") == {"van phong so"}


# --- 6. A district-level office plan (before July 2025) with prose and labelled variants ----

UBND_HUYEN = """UỶ BAN NHÂN DÂN
HUYỆN ĐỨC TRỌNG
Số: 301/KH-UBND   Đức Trọng, ngày 07 tháng 01 năm 2025

KẾ HOẠCH
Cải cách hành chính năm 2025

Thực hiện Quyết định số 25/QĐ-UBND ngày 03/01/2025 của UBND tỉnh Lâm Đồng về Kế hoạch
cải cách hành chính năm 2025, UBND huyện ban hành Kế hoạch như sau:

I. NHIỆM VỤ TRỌNG TÂM
1. Cải cách thể chế
- Rà soát, kiến nghị sửa đổi văn bản quy phạm pháp luật không còn phù hợp.
Cơ quan chủ trì: Phòng Tư pháp
Thời hạn: trước ngày 30/11/2025
2. Cải cách thủ tục hành chính
- Đơn vị thực hiện: Văn phòng HĐND và UBND huyện; UBND các xã, thị trấn
- Thời gian: Thường xuyên
3. Hiện đại hóa nền hành chính
Phòng Văn hoá và Thông tin chủ trì, phối hợp với Trung tâm Văn hóa - Thông tin và Thể thao
huyện triển khai hệ thống quản lý văn bản điện tử liên thông đến cấp xã.

II. TỔ CHỨC THỰC HIỆN
1. Phòng Nội vụ: tham mưu UBND huyện theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch;
tổng hợp báo cáo trước ngày 05/12/2025.
2. Phòng Tài chính - Kế hoạch: tham mưu bố trí kinh phí thực hiện.

Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Phạm Đức Long
"""


def test_district_labelled_variants():
    plan = parse(UBND_HUYEN)
    law = find(plan, "văn bản quy phạm pháp luật")
    assert units_of(law, "lead") == {"phong tu phap"}
    assert law.deadline is not None and law.deadline.date == "2025-11-30"
    tthc = next(t for t in plan.tasks if fold(t.text).startswith("cai cach thu tuc hanh chinh"))
    leads = units_of(tthc, "lead")
    assert any("van phong" in u for u in leads) and any("ubnd cac xa" in u for u in leads)
    assert tthc.deadline is not None and tthc.deadline.recurrence == "ongoing"


def test_district_prose_and_colon():
    plan = parse(UBND_HUYEN)
    edoc = find(plan, "quản lý văn bản điện tử")
    assert units_of(edoc, "lead") == {"phong van hoa va thong tin"}
    assert any("trung tam van hoa" in u for u in units_of(edoc, "support"))
    home = find(plan, "theo dõi, đôn đốc, kiểm tra việc thực hiện")
    assert units_of(home, "lead") == {"phong noi vu"}
    assert home.deadline is not None and home.deadline.date == "2025-12-05"
    fin = find(plan, "bố trí kinh phí thực hiện")
    assert units_of(fin, "lead") == {"phong tai chinh - ke hoach"}


def test_district_metadata():
    plan = parse(UBND_HUYEN)
    assert plan.number == "301/KH-UBND"
    assert plan.date == "2025-01-07"
    assert "25/QĐ-UBND" in ref_keys(plan)


# --- 7. Word copy in NFD, pre-merger province, unit headings with lettered duties ---------

SO_NNPTNT_NFD = unicodedata.normalize("NFD", """UBND TỈNH PHÚ YÊN
SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
Số: 58/KH-SNN\tPhú Yên, ngày 14 tháng 02 năm 2024

KẾ HOẠCH
Thực hiện Chương trình OCOP tỉnh Phú Yên năm 2024

Căn cứ Quyết định 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ phê duyệt Chương trình
Mỗi xã một sản phẩm giai đoạn 2021-2025; Kế hoạch số 20/KH-UBND ngày 25/01/2024 của UBND
tỉnh, Sở Nông nghiệp và Phát triển nông thôn xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Phấn đấu có thêm ít nhất 30 sản phẩm đạt chuẩn OCOP 3 sao trở lên.

II. PHÂN CÔNG NHIỆM VỤ
1. Chi cục Phát triển nông thôn
a) Hướng dẫn các chủ thể hoàn thiện hồ sơ đánh giá, phân hạng sản phẩm OCOP.
- Thời hạn: trước ngày 30/9/2024
b) Tổ chức Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh; Quý IV năm 2024.
2. Trung tâm Khuyến nông
a) Tập huấn nâng cao năng lực cho chủ thể OCOP, tối thiểu 05 lớp.
b) Phối hợp với Chi cục Phát triển nông thôn xây dựng mô hình điểm.
3. Văn phòng Sở, Phòng Kế hoạch - Tài chính
Tham mưu bố trí kinh phí, theo dõi tổng hợp báo cáo định kỳ 6 tháng, năm.

Nơi nhận:
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Võ Thị Hoà
""")


def test_nfd_word_header():
    plan = parse(SO_NNPTNT_NFD)
    assert plan.number == "58/KH-SNN"
    assert plan.date == "2024-02-14"
    assert fold(plan.province or "") == "phu yen"
    assert {"919/QĐ-TTg", "20/KH-UBND"} <= ref_keys(plan)
    # "Căn cứ A; B": a basis list stays a basis list.
    assert {r.relation for r in plan.references} == {"basis"}


def test_nfd_unit_headings_with_letters():
    plan = parse(SO_NNPTNT_NFD)
    a = find(plan, "hoàn thiện hồ sơ đánh giá")
    assert units_of(a, "lead") == {"chi cuc phat trien nong thon"}
    assert a.deadline is not None and a.deadline.date == "2024-09-30"
    b = find(plan, "Hội đồng đánh giá, phân hạng")
    assert units_of(b, "lead") == {"chi cuc phat trien nong thon"}
    assert b.deadline is not None and b.deadline.end_year == 2024
    train = find(plan, "Tập huấn nâng cao năng lực")
    assert units_of(train, "lead") == {"trung tam khuyen nong"}
    assert [t.value for t in train.targets] == [5.0]
    model = find(plan, "mô hình điểm")
    assert units_of(model, "lead") == {"chi cuc phat trien nong thon"}
    assert units_of(model, "support") == {"trung tam khuyen nong"}
    money = find(plan, "bố trí kinh phí")
    assert {"van phong so"} <= units_of(money, "lead")
    assert len(units_of(money, "lead")) == 2


# --- 8. Provincial plan: appendix table, two-row header, Roman and Arabic group rows ------

UBND_PHU_LUC = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK
Số: 215/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đắk Lắk, ngày 30 tháng 7 năm 2025

KẾ HOẠCH
Triển khai NQ số 57 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ

Thực hiện Nghị quyết 57-NQ/TW; Kế hoạch số 01-KH/TU ngày 15/3/2025 của Ban Thường vụ Tỉnh ủy
(sau đây gọi tắt là Kế hoạch 01), UBND tỉnh ban hành Kế hoạch triển khai như sau:

I. MỤC TIÊU
Đến năm 2030, tỷ lệ dân số trưởng thành sử dụng dịch vụ công trực tuyến đạt trên 80%.

II. NHIỆM VỤ, GIẢI PHÁP
(Có Phụ lục nhiệm vụ cụ thể kèm theo)

III. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành, UBND các xã, phường căn cứ nhiệm vụ được giao tại Phụ lục xây dựng kế
hoạch chi tiết, gửi Sở Khoa học và Công nghệ trước ngày 15/8/2025.
2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ theo dõi, đôn
đốc, tổng hợp báo cáo UBND tỉnh định kỳ hằng quý.

Nơi nhận:
- Lưu: VT, KT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Thiên Văn

Phụ lục
NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH
| TT | Nội dung nhiệm vụ | Cơ quan, đơn vị | | Thời gian | Sản phẩm |
| | | Chủ trì | Phối hợp | | |
|---|---|---|---|---|---|
| I | Hoàn thiện thể chế | | | | |
| 1 | Rà soát, đề xuất sửa đổi quy định về quản lý nhiệm vụ khoa học và công nghệ | Sở Khoa học và Công nghệ | Sở Tư pháp | Quý III/2025 | Quyết định của UBND tỉnh |
| II | Phát triển hạ tầng số | | | | |
| 1 | Hạ tầng viễn thông | | | | |
| 1.1 | Phủ sóng di động 5G tại các khu công nghiệp | Sở Khoa học và Công nghệ | Các doanh nghiệp viễn thông; UBND các xã, phường | 2025-2026 | 100% khu công nghiệp có sóng 5G |
| 1.2 | Nâng cấp Trung tâm dữ liệu tỉnh | Sở Khoa học và Công nghệ | Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh | Năm 2026 | Trung tâm dữ liệu đạt cấp độ 3 |
| 2 | Nhân lực số | | | | |
| 2.1 | Đào tạo kỹ năng số cho cán bộ, công chức cấp xã | Sở Nội vụ | Sở Giáo dục và Đào tạo | Hàng năm | Tối thiểu 2.000 lượt người |
"""


def test_appendix_two_row_header_and_nested_groups():
    plan = parse(UBND_PHU_LUC)
    fiveg = find(plan, "Phủ sóng di động 5G")
    assert units_of(fiveg, "lead") == {"so khoa hoc va cong nghe"}
    support = units_of(fiveg, "support")
    assert "ubnd cac xa, phuong" in support or any("ubnd cac xa" in s for s in support)
    assert (fiveg.deadline.start_year, fiveg.deadline.end_year) == (2025, 2026)
    infra = next(t for t in plan.tasks if t.id == fiveg.parent)
    assert fold(infra.text) == "ha tang vien thong"
    top = next(t for t in plan.tasks if t.id == infra.parent)
    assert "ha tang so" in fold(top.text)
    dc = find(plan, "Trung tâm dữ liệu tỉnh")
    assert units_of(dc, "support") == {"cong an tinh", "bo chi huy quan su tinh"}
    skills = find(plan, "kỹ năng số cho cán bộ")
    assert units_of(skills, "lead") == {"so noi vu"}
    assert skills.deadline.recurrence == "yearly"
    assert [t.value for t in skills.targets] == [2000.0]


def test_provincial_closing_duties():
    plan = parse(UBND_PHU_LUC)
    report = find(plan, "đốc, tổng hợp báo cáo UBND tỉnh")
    assert units_of(report, "lead") == {"so khoa hoc va cong nghe"}
    assert units_of(report, "support") == {"so tai chinh", "so noi vu"}
    detail = find(plan, "xây dựng kế hoạch chi tiết")
    assert detail.deadline is not None and detail.deadline.date == "2025-08-15"
    assert len(units_of(detail, "lead")) == 2


def test_provincial_party_reference_and_short_name():
    plan = parse(UBND_PHU_LUC)
    assert {"57-NQ/TW", "01-KH/TU"} <= ref_keys(plan)
    tu = next(r for r in plan.references if r.key == "01-KH/TU")
    assert tu.date == "2025-03-15"
    assert tu.scope == "local" and fold(tu.province or "") == "dak lak"


# --- 9. Department of Labour plan in prose: "Giao … chủ trì", inline fields, odd numbers ---

SO_NOI_VU_PROSE = """UBND TỈNH QUẢNG NGÃI
**SỞ NỘI VỤ**
Số: 932/KH-SNV

Quảng Ngãi, ngày 09 tháng 10 năm 2025

**KẾ HOẠCH**
Phát triển thị trường lao động và việc làm bền vững năm 2026

Thực hiện NQ 57-NQ/TW; Nghị quyết số
50/NQ-CP ngày 20/5/2021 của Chính phủ; Chỉ thị 36 - NQ/TW của Bộ Chính trị về xây dựng nguồn
nhân lực, Sở Nội vụ ban hành Kế hoạch như sau:

I. NHIỆM VỤ, GIẢI PHÁP
1. Phát triển thông tin thị trường lao động
- Giao Trung tâm Dịch vụ việc làm chủ trì, phối hợp với Bộ Lao động - Thương binh và Xã hội,
Sở Văn hoá, Thể thao và Du lịch và Liên đoàn Lao động tỉnh tổ chức các phiên giao dịch việc làm.
- Cập nhật cơ sở dữ liệu cung - cầu lao động (cơ quan chủ trì: Phòng Lao động - Việc làm;
thời hạn: Quý II/2026).
2. Hỗ trợ người lao động
- Đơn vị thực hiện: UBND các xã, phường, đặc khu
- Thời gian thực hiện: cả năm 2026
Hỗ trợ vay vốn tạo việc làm cho ít nhất 1.500 lao động.

II. TỔ CHỨC THỰC HIỆN
Phòng Lao động - Việc làm là đơn vị đầu mối, tham mưu Giám đốc Sở theo dõi, đôn đốc thực hiện
Kế hoạch này; báo cáo kết quả trước ngày 10/12/2026.

Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC

Lê Quang Vinh
"""


def test_prose_giao_with_hyphen_and_comma_names():
    plan = parse(SO_NOI_VU_PROSE)
    fair = find(plan, "phiên giao dịch việc làm")
    assert units_of(fair, "lead") == {"trung tam dich vu viec lam"}
    support = units_of(fair, "support")
    assert "bo lao dong - thuong binh va xa hoi" in support
    assert "so van hoa, the thao va du lich" in support
    assert any("lien doan lao dong" in s for s in support)
    assert len(support) == 3


def test_prose_inline_fields():
    plan = parse(SO_NOI_VU_PROSE)
    db = find(plan, "cơ sở dữ liệu cung - cầu lao động")
    assert units_of(db, "lead") == {"phong lao dong - viec lam"}
    assert db.deadline is not None and db.deadline.end_year == 2026


def test_prose_labelled_commune_units():
    plan = parse(SO_NOI_VU_PROSE)
    loans = next(t for t in plan.tasks if fold(t.text).startswith("ho tro nguoi lao dong"))
    assert any("ubnd cac xa" in u for u in units_of(loans, "lead"))
    assert loans.deadline is not None and loans.deadline.end_year == 2026
    assert 1500.0 in [t.value for t in loans.targets]


def test_prose_focal_unit():
    plan = parse(SO_NOI_VU_PROSE)
    focal = find(plan, "đôn đốc thực hiện")
    assert units_of(focal, "lead") == {"phong lao dong - viec lam"}
    assert focal.deadline is not None and focal.deadline.date == "2026-12-10"


def test_prose_references_misformatted():
    plan = parse(SO_NOI_VU_PROSE)
    assert plan.number == "932/KH-SNV"
    assert plan.date == "2025-10-09"
    assert {"57-NQ/TW", "50/NQ-CP", "36-NQ/TW"} <= ref_keys(plan)


# --- 10. Provincial plan: bare "Unit:" paragraphs with bullets, bold table rows, <br> cells --

UBND_THANH_PHO = """ỦY BAN NHÂN DÂN
THÀNH PHỐ CẦN THƠ
Số: 64/KH-UBND
Cần Thơ, ngày 03 tháng 11 năm 2025

KẾ HOẠCH
Phòng, chống dịch bệnh truyền nhiễm năm 2026

Căn cứ Kế hoạch số 1205/KH-BYT ngày 10/10/2025 của Bộ Y tế, UBND thành phố ban hành Kế hoạch:

I. NHIỆM VỤ TRỌNG TÂM
| Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |
|---|---|---|---|
| **Giám sát dịch bệnh** | | | |
| Giám sát chủ động tại cửa khẩu, cảng biển | Trung tâm Kiểm soát bệnh tật thành phố | Công an thành phố<br>Bộ đội Biên phòng thành phố | Tháng 9/2026 |
| Xây dựng phần mềm báo cáo ca bệnh | Sở Y tế | Sở Khoa học và Công nghệ | Bắt đầu từ năm 2026 |

II. TỔ CHỨC THỰC HIỆN
Sở Y tế:
- Là cơ quan thường trực, hướng dẫn các đơn vị triển khai Kế hoạch.
- Tổng hợp, báo cáo UBND thành phố trước ngày 25 hằng tháng.
Sở Giáo dục và Đào tạo:
- Chỉ đạo các trường học thực hiện vệ sinh phòng bệnh.

Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Việt Trường
"""


def test_table_without_stt_and_br_cells():
    plan = parse(UBND_THANH_PHO)
    border = find(plan, "cửa khẩu, cảng biển")
    assert units_of(border, "lead") == {"trung tam kiem soat benh tat thanh pho"}
    assert border.deadline is not None and border.deadline.date == "2026-09"
    group = next(t for t in plan.tasks if t.id == border.parent)
    assert "giam sat dich benh" in fold(group.text)
    app = find(plan, "phần mềm báo cáo ca bệnh")
    assert app.deadline is not None and app.deadline.start_year == 2026


def test_units_separated_by_br_in_a_cell():
    plan = parse(UBND_THANH_PHO)
    border = find(plan, "cửa khẩu, cảng biển")
    assert units_of(border, "support") == {"cong an thanh pho", "bo doi bien phong thanh pho"}


def test_bare_unit_colon_paragraphs():
    plan = parse(UBND_THANH_PHO)
    guide = find(plan, "cơ quan thường trực")
    assert units_of(guide, "lead") == {"so y te"}
    monthly = find(plan, "trước ngày 25 hằng tháng")
    assert units_of(monthly, "lead") == {"so y te"}
    assert monthly.deadline is not None and monthly.deadline.recurrence == "monthly"
    school = find(plan, "vệ sinh phòng bệnh")
    assert units_of(school, "lead") == {"so giao duc va dao tao"}


def test_city_metadata():
    plan = parse(UBND_THANH_PHO)
    assert plan.number == "64/KH-UBND"
    assert plan.date == "2025-11-03"
    assert fold(plan.province or "") == "can tho"
    assert "1205/KH-BYT" in ref_keys(plan)


# --- 11. Provincial plan: letter group rows, "Đề nghị" requests, multi-unit headings --------

UBND_HA_TINH = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 12/KH-UBND
Hà Tĩnh, ngày 02 tháng 01 năm 2025

KẾ HOẠCH
Thực hiện chuyển đổi số năm 2025

I. NHIỆM VỤ
| STT | Nhiệm vụ | Cơ quan thực hiện | Thời gian |
|---|---|---|---|
| A | NHIỆM VỤ CHUNG | | |
| 1 | Tuyên truyền về chuyển đổi số | Sở Văn hóa, Thể thao và Du lịch | Thường xuyên |
| B | NHIỆM VỤ CỤ THỂ | | |
| 1 | Số hóa hồ sơ đất đai | Sở Nông nghiệp và Môi trường | Quý IV/2025 |

II. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính:
- Tham mưu bố trí kinh phí thực hiện Kế hoạch.
2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp tuyên truyền, vận động Nhân dân tham gia.
3. Giao UBND các xã, phường chủ động triển khai trên địa bàn.
4. Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh, Bảo hiểm xã hội tỉnh: phối hợp thực hiện các nhiệm vụ liên quan.
5. Sở Y tế, Sở Giáo dục và Đào tạo:
a) Triển khai hồ sơ sức khỏe điện tử cho học sinh;
b) Kết nối dữ liệu y tế học đường, hoàn thành trong năm 2025.
"""


def test_letter_group_rows_are_top_groups():
    plan = parse(UBND_HA_TINH)
    land = find(plan, "Số hóa hồ sơ đất đai")
    group = next(t for t in plan.tasks if t.id == land.parent)
    assert fold(group.text) == "nhiem vu cu the"
    assert group.parent is None or "nhiem vu chung" not in fold(
        next(t.text for t in plan.tasks if t.id == group.parent))
    assert units_of(land, "lead") == {"so nong nghiep va moi truong"}
    ads = find(plan, "Tuyên truyền về chuyển đổi số")
    assert units_of(ads, "lead") == {"so van hoa, the thao va du lich"}


def test_requests_and_multi_unit_headings():
    plan = parse(UBND_HA_TINH)
    front = find(plan, "vận động Nhân dân tham gia")
    assert any("mat tran to quoc" in u for u in units_of(front))
    assert not units_of(front, "lead")
    money = find(plan, "bố trí kinh phí thực hiện Kế hoạch")
    assert units_of(money, "lead") == {"so tai chinh"}
    partners = find(plan, "phối hợp thực hiện các nhiệm vụ liên quan")
    assert units_of(partners, "support") == {"bo chi huy quan su tinh", "cong an tinh",
                                             "bao hiem xa hoi tinh"}
    for words in ("hồ sơ sức khỏe điện tử", "dữ liệu y tế học đường"):
        assert units_of(find(plan, words), "lead") == {"so y te", "so giao duc va dao tao"}
    assert find(plan, "dữ liệu y tế học đường").deadline.end_year == 2025


# --- 12. References with the symbol left out: "NQ số 57 … của Bộ Chính trị" ------------------

SO_TP_BARE_REFS = """UBND TỈNH LẠNG SƠN
SỞ TƯ PHÁP
Số: 41/KH-STP                     Lạng Sơn, ngày 16 tháng 5 năm 2025

KẾ HOẠCH
Chuyển đổi số trong công tác tư pháp

Thực hiện NQ số 57 ngày 22/12/2024 của Bộ Chính trị; Kế hoạch 3300/KH-UBND của UBND tỉnh,
Sở Tư pháp ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. Phòng Hành chính tư pháp chủ trì số hóa sổ hộ tịch theo Nghị quyết 12 của Chính phủ, hoàn
thành trong năm 2025.
2. Văn phòng Sở xây dựng Đề án 61 về lưu trữ điện tử, triển khai trong 3 năm.
"""


def test_bare_numbers_completed_by_their_central_issuer():
    plan = parse(SO_TP_BARE_REFS)
    by_key = {r.key: r for r in plan.references if r.key}
    assert set(by_key) == {"57-NQ/TW", "3300/KH-UBND", "12/NQ-CP"}
    assert by_key["57-NQ/TW"].relation == "implements"
    assert by_key["57-NQ/TW"].date == "2024-12-22"
    assert by_key["3300/KH-UBND"].relation == "implements"
    assert by_key["12/NQ-CP"].relation == "mentions"
    registry = find(plan, "số hóa sổ hộ tịch")
    assert units_of(registry, "lead") == {"phong hanh chinh tu phap"}
    assert registry.deadline is not None and registry.deadline.end_year == 2025


# --- every fixture: the same reading whatever the Unicode form and tone placement ----------

FIXTURES = {
    "ubnd_tinh": UBND_TINH, "ubnd_xa": UBND_XA, "so_nn_phu_luc": SO_NN_PHU_LUC,
    "so_y_te": SO_Y_TE, "so_ct_nhiem_vu": SO_CT_NHIEM_VU, "ubnd_huyen": UBND_HUYEN,
    "so_nnptnt_nfd": SO_NNPTNT_NFD, "ubnd_phu_luc": UBND_PHU_LUC,
    "so_noi_vu_prose": SO_NOI_VU_PROSE, "ubnd_thanh_pho": UBND_THANH_PHO,
    "ubnd_ha_tinh": UBND_HA_TINH, "so_tp_bare_refs": SO_TP_BARE_REFS,
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
        assert fold(task.text[:25]) in fold(" ".join(span.split())), task.id

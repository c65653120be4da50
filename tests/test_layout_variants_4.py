# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Plans in wordings the other layout test files do not cover, read as a careful reader would.

Our own writing in the Vietnamese administrative style: a department's plan whose numbered tasks
say their units in a paragraph under the heading ("Giao X chủ trì thực hiện, Y hướng dẫn, kiểm
tra"), with a product line and a time in a trailing bracket; a plan whose table has both a focal
column ("Đơn vị đầu mối", "Cơ quan chủ trì") and a "Trách nhiệm thực hiện" column, and the same
pair as labelled lines; a plan with
roles noted in brackets inside a label's value and periods in brackets after the duty; a unit's
duties naming their products inside the sentence; a copy from Word or a PDF with soft hyphens and zero-width marks between and inside syllables.
"""

from __future__ import annotations

import pytest

from policykg.loaders.text import clean_lines
from policykg.ontology.normalize import fold
from tests.layouts import assert_same_reading_in_any_form, find, parse, units_of

# --- 1. Units said in a paragraph under the heading; guiding units; product lines -----------

SO_NNMT = """UBND TỈNH KHÁNH HÒA
SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 215/KH-SNNMT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Khánh Hòa, ngày 03 tháng 3 năm 2026

KẾ HOẠCH
Triển khai xây dựng nông thôn mới năm 2026

Thực hiện Chỉ thị của Thủ tướng Chính phủ về tăng cường quản lý giống cây trồng; Kế hoạch của Ủy ban nhân dân tỉnh về phát triển nông nghiệp sinh thái, Sở Nông nghiệp và Môi trường xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao thu nhập của người dân nông thôn.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Rà soát bộ tiêu chí xã nông thôn mới nâng cao
Chi cục Phát triển nông thôn chủ trì, phối hợp với các cơ quan, đơn vị liên quan rà soát, đánh giá mức độ đạt chuẩn của các xã (hoàn thành trong Quý II/2026).
Sản phẩm: Báo cáo kết quả rà soát trình UBND tỉnh.

2. Xây dựng mô hình sản xuất theo chuỗi giá trị
Giao Trung tâm Khuyến nông chủ trì thực hiện, Chi cục Trồng trọt và Bảo vệ thực vật hướng dẫn, kiểm tra; các cơ quan, đơn vị liên quan phối hợp thực hiện. Hoàn thành trong năm 2026.
Sản phẩm: 05 mô hình liên kết sản xuất được nghiệm thu.

3. Kiểm tra an toàn thực phẩm nông sản
Chi cục Quản lý chất lượng nông lâm sản và thủy sản thực hiện, Thanh tra Sở giám sát; thời gian thực hiện từ quý III/2026 đến quý I/2027.
Kết quả: Thông báo kết quả kiểm tra tới các cơ sở.

4. Nhân rộng mô hình tưới tiết kiệm nước
- Giao Phòng Thủy lợi thực hiện, Phòng Kế hoạch – Tài chính hướng dẫn, kiểm tra việc sử dụng kinh phí.
- Giao Trung tâm Nước sạch và Vệ sinh môi trường nông thôn chủ trì thực hiện, Sở Tài chính thẩm định dự toán.

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở căn cứ nhiệm vụ được giao triển khai thực hiện; định kỳ báo cáo kết quả về Văn phòng Sở trước ngày 15/12/2026.
Đề nghị UBND các huyện, thị xã, thành phố và các cơ quan, đơn vị liên quan phối hợp tuyên truyền, vận động người dân tham gia.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn Bình
"""


@pytest.fixture(scope="module")
def so_nnmt():
    return parse(SO_NNMT)


def test_guiding_unit_after_the_one_doing_the_work_supports_it(so_nnmt):
    water = find(so_nnmt, "Giao Phòng Thủy lợi thực hiện")
    assert units_of(water, "lead") == {"phong thuy loi"}
    assert units_of(water, "support") == {"phong ke hoach – tai chinh"}
    clean = find(so_nnmt, "Trung tâm Nước sạch")
    assert units_of(clean, "lead") == {"trung tam nuoc sach va ve sinh moi truong nong thon"}
    assert units_of(clean, "support") == {"so tai chinh"}


def test_units_in_the_paragraph_under_a_heading_with_a_product_line(so_nnmt):
    review = find(so_nnmt, "Rà soát bộ tiêu chí")
    assert units_of(review, "lead") == {"chi cuc phat trien nong thon"}
    assert units_of(review, "support") == {"cac co quan, don vi lien quan"}
    assert review.outputs == ["Báo cáo kết quả rà soát trình UBND tỉnh."]
    # the time in the trailing bracket of that paragraph
    assert review.deadline is not None and review.deadline.date == "2026-06"
    chain = find(so_nnmt, "chuỗi giá trị")
    assert units_of(chain, "lead") == {"trung tam khuyen nong"}
    assert units_of(chain, "support") == {"chi cuc trong trot va bao ve thuc vat",
                                          "cac co quan, don vi lien quan"}
    assert chain.deadline is not None and chain.deadline.end_year == 2026
    assert [t.value for t in chain.targets] == [5]


def test_overseeing_unit_and_a_quarter_span_in_the_paragraph(so_nnmt):
    food = find(so_nnmt, "an toàn thực phẩm nông sản")
    assert units_of(food, "lead") == {"chi cuc quan ly chat luong nong lam san va thuy san"}
    assert units_of(food, "support") == {"thanh tra so"}
    assert (food.deadline.start_year, food.deadline.end_year, food.deadline.date) == (
        2026, 2027, "2027-03")
    assert food.outputs == ["Thông báo kết quả kiểm tra tới các cơ sở."]


def test_a_second_group_after_the_bare_nouns_of_the_first(so_nnmt):
    asked = find(so_nnmt, "vận động người dân")
    assert units_of(asked) == {"ubnd cac huyen, thi xa, thanh pho",
                               "cac co quan, don vi lien quan"}
    assert {u.role for u in asked.units} == {"support"}


def test_documents_without_numbers_listed_after_one_verb_are_both_implemented(so_nnmt):
    cited = {(r.doctype, r.relation, r.key) for r in so_nnmt.references}
    assert cited == {("CT", "implements", None), ("KH", "implements", None)}
    plan = next(r for r in so_nnmt.references if r.doctype == "KH")
    assert fold(plan.issuer) == "uy ban nhan dan tinh"


# --- 2. A table with a focal column and a "Trách nhiệm thực hiện" column --------------------

SO_GDDT = """UBND TỈNH NGHỆ AN
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 1502/KH-SGDĐT
Nghệ An, ngày 20 tháng 02 năm 2026

KẾ HOẠCH
Ứng dụng trí tuệ nhân tạo trong dạy học năm 2026

Thực hiện Kế hoạch số 88/KH-UBND ngày 10/01/2026 của UBND tỉnh, Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao năng lực số của giáo viên.

II. NHIỆM VỤ CỤ THỂ
| TT | Nhiệm vụ | Đơn vị đầu mối | Trách nhiệm thực hiện | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Xây dựng khung năng lực số cho giáo viên phổ thông | Phòng Giáo dục phổ thông | Phòng Giáo dục thường xuyên; các trường trung học phổ thông | Quý II/2026 | Khung năng lực được ban hành |
| 2 | Bồi dưỡng giáo viên cốt cán về sử dụng công cụ trí tuệ nhân tạo | Phòng Tổ chức cán bộ | Trường Cao đẳng Sư phạm Nghệ An, Trường Đại học Vinh | Quý III, IV/2026 | 500 giáo viên được bồi dưỡng |

III. PHỤ LỤC NHIỆM VỤ BỔ SUNG
| STT | Nội dung | Trách nhiệm thực hiện | Cơ quan chủ trì | Thời gian |
|---|---|---|---|---|
| 1 | Số hóa học bạ điện tử cấp trung học cơ sở | Các phòng thuộc Sở | Văn phòng Sở | Tháng 9/2026 |
| 2 | Kiểm tra việc bảo đảm an toàn thông tin tại các trường | Phòng Giáo dục phổ thông | Thanh tra Sở | Quý IV |
"""


@pytest.fixture(scope="module")
def so_gddt():
    return parse(SO_GDDT)


def test_focal_column_leads_and_the_column_of_those_carrying_out_supports(so_gddt):
    frame = find(so_gddt, "khung năng lực số")
    assert units_of(frame, "lead") == {"phong giao duc pho thong"}
    # "thường xuyên" ends the name of the continuing-education office, not a predicate
    assert units_of(frame, "support") == {"phong giao duc thuong xuyen",
                                          "cac truong trung hoc pho thong"}
    train = find(so_gddt, "giáo viên cốt cán")
    assert units_of(train, "lead") == {"phong to chuc can bo"}
    assert units_of(train, "support") == {"truong cao dang su pham nghe an", "truong dai hoc vinh"}
    assert train.deadline.date == "2026-12"  # "Quý III, IV/2026": the last quarter


def test_focal_column_after_the_column_of_those_carrying_out(so_gddt):
    records = find(so_gddt, "học bạ điện tử")
    assert units_of(records, "lead") == {"van phong so"}
    assert units_of(records, "support") == {"cac phong thuoc so"}
    assert records.deadline.date == "2026-09"
    # a quarter written without its year falls in the year of the plan
    safety = find(so_gddt, "an toàn thông tin")
    assert units_of(safety, "lead") == {"thanh tra so"}
    assert (safety.deadline.text, safety.deadline.date) == ("Quý IV", "2026-12")


SO_VHTTDL = """UBND TỈNH LÂM ĐỒNG
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH
Số: 19/KH-SVHTTDL
Lâm Đồng, ngày 08 tháng 01 năm 2026

KẾ HOẠCH
Chuyển đổi số ngành văn hóa, thể thao và du lịch năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Hiện đại hóa công tác quản lý.

II. NHIỆM VỤ
Nhiệm vụ 1: Số hóa hiện vật của Bảo tàng tỉnh
- Đơn vị đầu mối: Bảo tàng tỉnh.
- Trách nhiệm thực hiện: Phòng Quản lý di sản văn hóa, Trung tâm Văn hóa tỉnh.
- Thời gian thực hiện: Quý III.
- Kết quả thực hiện: 3.000 hiện vật được số hóa.

Nhiệm vụ 2: Xây dựng bản đồ du lịch số
- Cơ quan chủ trì: Phòng Quản lý du lịch.
- Cơ quan phối hợp: Sở Khoa học và Công nghệ; các doanh nghiệp lữ hành.
- Thời gian thực hiện: 6 tháng đầu năm.
"""


def test_focal_label_leads_and_the_label_of_those_carrying_out_supports():
    plan = parse(SO_VHTTDL)
    museum = find(plan, "hiện vật của Bảo tàng")
    assert units_of(museum, "lead") == {"bao tang tinh"}
    assert units_of(museum, "support") == {"phong quan ly di san van hoa", "trung tam van hoa tinh"}
    # periods without their year fall in the plan's year
    assert (museum.deadline.text, museum.deadline.date) == ("Quý III", "2026-09")
    atlas = find(plan, "bản đồ du lịch số")
    assert (atlas.deadline.end_year, atlas.deadline.date) == (2026, "2026-06")


# --- 3. Roles noted in brackets inside a label; a period in brackets after the duty ---------

SO_TU_PHAP = """UBND TỈNH THANH HÓA
SỞ TƯ PHÁP
Số: 77/KH-STP
Thanh Hóa, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Công tác phổ biến, giáo dục pháp luật năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm thiết thực, hiệu quả.

II. NỘI DUNG
1. Tổ chức hội nghị sơ kết công tác hòa giải ở cơ sở (Quý II/2026).
Đơn vị thực hiện: Phòng Phổ biến, giáo dục pháp luật (chủ trì); các cơ quan, đơn vị liên quan (phối hợp).

2. Biên soạn tài liệu pháp luật cho đồng bào dân tộc thiểu số
Cơ quan chủ trì: Phòng Phổ biến, giáo dục pháp luật; cơ quan phối hợp: Ban Dân tộc tỉnh.
Thời gian: Quý II và Quý III năm 2026.
Sản phẩm: 2.000 cuốn tài liệu song ngữ.

3. Kiểm tra việc thực hiện pháp luật về hòa giải ở cơ sở tại một số xã (tháng 9/2026).

4. Cập nhật văn bản trên Cổng thông tin điện tử của Sở
Văn phòng Sở thực hiện thường xuyên; Phòng Xây dựng và Kiểm tra văn bản theo dõi, đôn đốc.
"""


@pytest.fixture(scope="module")
def so_tu_phap():
    return parse(SO_TU_PHAP)


def test_roles_noted_in_brackets_inside_a_labels_value(so_tu_phap):
    meeting = find(so_tu_phap, "hội nghị sơ kết")
    assert units_of(meeting, "lead") == {"phong pho bien, giao duc phap luat"}
    assert units_of(meeting, "support") == {"cac co quan, don vi lien quan"}


def test_a_period_in_brackets_after_the_duty_is_its_deadline(so_tu_phap):
    meeting = find(so_tu_phap, "hội nghị sơ kết")
    assert (meeting.deadline.text, meeting.deadline.date) == ("Quý II/2026", "2026-06")
    check = find(so_tu_phap, "Kiểm tra việc thực hiện pháp luật")
    assert (check.deadline.text, check.deadline.date) == ("tháng 9/2026", "2026-09")
    books = find(so_tu_phap, "đồng bào dân tộc thiểu số")
    assert books.deadline.date == "2026-09"  # "Quý II và Quý III năm 2026"


def test_a_name_ending_in_a_capitalised_verb_is_not_cut_before_it(so_tu_phap):
    site = find(so_tu_phap, "Văn phòng Sở thực hiện thường xuyên")
    assert units_of(site, "lead") == {"van phong so"}
    assert units_of(site, "support") == {"phong xay dung va kiem tra van ban"}


# --- 4. Products and times named inside the duty's sentence, under a unit heading ---------

SO_CONG_THUONG = """UBND TỈNH BÌNH THUẬN
SỞ CÔNG THƯƠNG
Số: 45/KH-SCT
Bình Thuận, ngày 15 tháng 01 năm 2026

KẾ HOẠCH
Phát triển thương mại điện tử năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Thúc đẩy doanh nghiệp ứng dụng thương mại điện tử.

II. NHIỆM VỤ
1. Phòng Quản lý thương mại
- Xây dựng sàn giao dịch nông sản của tỉnh; sản phẩm: sàn giao dịch được vận hành; thời gian: Quý IV/2026.
- Hỗ trợ ít nhất 50 doanh nghiệp đưa hàng hóa lên sàn thương mại điện tử (Sản phẩm: danh sách doanh nghiệp được hỗ trợ).
- Phối hợp với Sở Khoa học và Công nghệ, các cơ quan, đơn vị liên quan tổ chức tập huấn kỹ năng bán hàng trực tuyến (quý III/2026).

2. Trung tâm Khuyến công và Xúc tiến thương mại
Tổ chức Hội chợ thương mại điện tử (thời gian: tháng 10/2026); sản phẩm: báo cáo kết quả hội chợ.

3. Đánh giá chỉ số thương mại điện tử cấp tỉnh
Đơn vị chủ trì: Phòng Quản lý thương mại.
Đơn vị phối hợp: Các cơ quan, đơn vị liên quan.
Thời gian hoàn thành: 6 tháng cuối năm.
Sản phẩm: Báo cáo đánh giá.
"""


@pytest.fixture(scope="module")
def so_cong_thuong():
    return parse(SO_CONG_THUONG)


def test_products_named_inside_the_duty(so_cong_thuong):
    market = find(so_cong_thuong, "sàn giao dịch nông sản")
    assert market.outputs == ["sàn giao dịch được vận hành"]
    assert market.deadline.date == "2026-12"
    support = find(so_cong_thuong, "ít nhất 50 doanh nghiệp")
    assert support.outputs == ["danh sách doanh nghiệp được hỗ trợ"]
    assert [t.value for t in support.targets] == [50]
    fair = find(so_cong_thuong, "Hội chợ thương mại điện tử")
    assert units_of(fair, "lead") == {"trung tam khuyen cong va xuc tien thuong mai"}
    assert fair.outputs == ["báo cáo kết quả hội chợ"]
    assert fair.deadline.date == "2026-10"


def test_bracketed_quarter_and_a_half_year_in_the_plans_year(so_cong_thuong):
    training = find(so_cong_thuong, "bán hàng trực tuyến")
    assert units_of(training, "lead") == {"phong quan ly thuong mai"}
    assert units_of(training, "support") == {"so khoa hoc va cong nghe",
                                             "cac co quan, don vi lien quan"}
    assert training.deadline.date == "2026-09"
    index = find(so_cong_thuong, "chỉ số thương mại điện tử")
    assert index.deadline.text == "6 tháng cuối năm"
    assert (index.deadline.end_year, index.deadline.date) == (2026, "2026-12")


# --- 5. Soft hyphens and zero-width marks from Word or a PDF --------------------------------

WORD_COPY = (
    "UBND TỈNH QUẢNG NGÃI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 31/KH-SKHCN\n\n"
    "KẾ HOẠCH\nPhát triển thị trường khoa học và công nghệ năm 2026\n\n"
    "II. NHIỆM VỤ\n"
    "1. Tổ chức chợ công nghệ và thiết bị trực tuyến\n"
    "- Đơn vị chủ trì: Trung tâm Ứng dụng khoa\u00adhọc và công\u200bnghệ.\n"
    "- Đơn vị phối hợp: Phòng Quản lý công\u00adnghệ và Thị trường công nghệ; Sở Công\u200dThương.\n"
    "2. Hỗ trợ doanh nghiệp đăng ký nhãn hiệu\n"
    "- Đơn vị chủ trì: Phòng Quản lý chuyên ngà\u00adnh.\n"
    "- Đơn vị phối hợp: Sở Khoa học và Công ngh\u00ad\nệ tỉnh Kon Tum.\n"
    "3. Kiểm định phương tiện đo nhóm 2\n"
    "Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì, phối hợp với Sở Nông nghiệp và Môi\u00ad\n"
    "trường thực hiện.\n"
)


def test_a_soft_hyphen_or_zero_width_mark_between_syllables_is_a_space():
    plan = parse(WORD_COPY)
    fair = find(plan, "chợ công nghệ")
    assert units_of(fair, "lead") == {"trung tam ung dung khoa hoc va cong nghe"}
    assert units_of(fair, "support") == {"phong quan ly cong nghe va thi truong cong nghe",
                                         "so cong thuong"}


def test_a_soft_hyphen_inside_a_syllable_joins_it():
    plan = parse(WORD_COPY)
    brand = find(plan, "nhãn hiệu")
    assert units_of(brand, "lead") == {"phong quan ly chuyen nganh"}
    # at a line's end: "ngh\u00ad" / "ệ" is one word, "Môi\u00ad" / "trường" two
    assert units_of(brand, "support") == {"so khoa hoc va cong nghe tinh kon tum"}
    meter = find(plan, "phối hợp với Sở Nông nghiệp")
    assert units_of(meter, "support") == {"so nong nghiep va moi truong"}


@pytest.mark.parametrize("raw, clean", [
    ("Sở Khoa\u00adhọc", "Sở Khoa học"),
    ("Sở Kho\u00ada học", "Sở Khoa học"),
    ("Sở KHOA\u200bHỌC", "Sở KHOA HỌC"),
    ("Sở Công\u200dThương", "Sở Công Thương"),
    ("Đo\u00ad lường", "Đo lường"),  # a mark before a space: only the space stays
])
def test_clean_lines_reads_invisible_marks_as_a_reader_would(raw, clean):
    assert [line.text for line in clean_lines(raw)] == [clean]


# --- every fixture: the same reading whatever the Unicode form and tone placement -----------

FIXTURES = {"so_nnmt": SO_NNMT, "so_gddt": SO_GDDT, "so_vhttdl": SO_VHTTDL, "so_tu_phap": SO_TU_PHAP,
            "so_cong_thuong": SO_CONG_THUONG, "word": WORD_COPY}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_same_reading_in_nfd_and_old_tone_placement(name):
    assert_same_reading_in_any_form(FIXTURES[name])

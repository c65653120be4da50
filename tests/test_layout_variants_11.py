# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Word field tables pasted as tab lines, appendix tables whose columns come in another order
or hold both roles in one cell, tables set one right under another, lettered parts under a
heading that names their units, units named after the duty, and a commune's offices, read as
a careful reader would.

Our own writing in the Vietnamese administrative style: a department's tasks each followed by
the rows of a Word field table copied into a text file ("Đơn vị chủ trì<TAB>Phòng …"), also
as a .docx whose paragraphs keep the tab; a province's two appendices, the first with "Đơn vị
phối hợp" before "Đơn vị chủ trì" and "Thời gian" before "Sản phẩm", the second with one
"Cơ quan thực hiện" column ("Chủ trì: X; phối hợp: Y", "X (chủ trì), Y", a cell whose lines
"- Chủ trì: …" / "- Phối hợp: …" a converter joined); a legislative programme table ("Hình
thức văn bản", "Thời điểm hoàn thành") with a second table right under it; a province's
groups "1." with their parts "a)" … "đ)" and "3.1.1." and the units given once on the group;
duties whose unit comes after a comma or a colon; a commune's plan after July 2025; a unit
heading that notes its lead ("Sở Tài chính (chủ trì), Sở Nông nghiệp và Môi trường:") and a
"Trách nhiệm thực hiện:" line whose partner says "phối hợp cung cấp thông tin".
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from policykg.loaders.text import clean_lines
from tests.layouts import assert_same_reading_in_any_form, find, forms, roles, units_of


def nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text is not None else None



# --- 1. A Word field table pasted into a text file: label TAB value, the colon gone -----------------

HA_TINH = """UBND TỈNH HÀ TĨNH
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 75/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Tĩnh, ngày 18 tháng 02 năm 2026

KẾ HOẠCH
Triển khai Đề án phát triển hệ sinh thái đổi mới sáng tạo năm 2026

II. NHIỆM VỤ
1. Xây dựng cơ sở dữ liệu chuyên gia khoa học và công nghệ của tỉnh
Đơn vị chủ trì\tPhòng Quản lý khoa học
Đơn vị phối hợp\tSở Tài chính, Sở Nội vụ
Thời gian thực hiện\tQuý III năm 2026
Sản phẩm\tCơ sở dữ liệu chuyên gia được vận hành
2. Hỗ trợ doanh nghiệp thành lập tổ chức khoa học và công nghệ
Cơ quan chủ trì\t\tVăn phòng Sở
Cơ quan phối hợp\t\tSở Công Thương; UBND các xã, phường
Thời hạn hoàn thành\t\tThường xuyên
3. Tổ chức Chợ công nghệ và thiết bị tỉnh Hà Tĩnh
-\tĐơn vị chủ trì\tTrung tâm Ứng dụng khoa học và công nghệ
-\tĐơn vị phối hợp\tTỉnh Đoàn; Hội Liên hiệp Phụ nữ tỉnh
-\tThời gian thực hiện\tTháng 10/2026

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, QLKH.
GIÁM ĐỐC
Nguyễn Văn Hải
"""


@pytest.mark.parametrize("plan", forms(HA_TINH), ids=["nfc", "nfd"])
def test_a_field_table_pasted_as_tab_lines_keeps_its_labels(plan):
    experts = find(plan, "cơ sở dữ liệu chuyên gia khoa học")
    assert roles(experts) == ({"phong quan ly khoa hoc"}, {"so tai chinh", "so noi vu"})
    assert experts.deadline is not None and experts.deadline.date == "2026-09"
    assert [nfc(o) for o in experts.outputs] == ["Cơ sở dữ liệu chuyên gia được vận hành"]
    # The label rows are the task's fields, not tasks of their own.
    assert not [t for t in plan.tasks if t.parent == experts.id]
    firms = find(plan, "thành lập tổ chức khoa học")
    assert roles(firms) == ({"van phong so"}, {"so cong thuong", "ubnd cac xa, phuong"})
    assert firms.deadline is not None and firms.deadline.recurrence == "ongoing"


@pytest.mark.parametrize("plan", forms(HA_TINH), ids=["nfc", "nfd"])
def test_a_bullet_then_a_tabbed_label_is_a_labelled_line(plan):
    fair = find(plan, "Chợ công nghệ")
    assert roles(fair) == ({"trung tam ung dung khoa hoc va cong nghe"},
                           {"tinh doan", "hoi lien hiep phu nu tinh"})
    assert fair.deadline is not None and fair.deadline.date == "2026-10"


@pytest.mark.parametrize("line, text", [
    ("Đơn vị chủ trì\tPhòng Quản lý khoa học", "Đơn vị chủ trì: Phòng Quản lý khoa học"),
    ("Thời gian thực hiện\t\tQuý III năm 2026", "Thời gian thực hiện: Quý III năm 2026"),
    ("-\tĐơn vị phối hợp\tSở Tài chính", "- Đơn vị phối hợp: Sở Tài chính"),
    # already with its colon, or no label at all: the tab is only a space
    ("Chủ trì:\tVăn phòng Sở", "Chủ trì: Văn phòng Sở"),
    ("UBND TỈNH HÀ TĨNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND TỈNH HÀ TĨNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("1)\tNâng cao chất lượng dịch vụ công", "1) Nâng cao chất lượng dịch vụ công"),
    ("Sở Tài chính\tbố trí kinh phí thực hiện", "Sở Tài chính bố trí kinh phí thực hiện"),
])
def test_a_known_label_before_a_tab_gets_its_colon_back(line, text):
    for form in ("NFC", "NFD"):
        assert [nfc(ln.text) for ln in clean_lines(unicodedata.normalize(form, line))] == [text]


def test_a_docx_whose_paragraphs_part_label_and_value_by_a_tab(tmp_path: Path):
    docx = pytest.importorskip("docx")
    import policykg

    document = docx.Document()
    for line in HA_TINH.splitlines():
        if line.strip():
            document.add_paragraph(line)
    path = tmp_path / "ke-hoach-75.docx"
    document.save(str(path))
    (plan,) = policykg.load([path])
    experts = find(plan, "cơ sở dữ liệu chuyên gia khoa học")
    assert roles(experts) == ({"phong quan ly khoa hoc"}, {"so tai chinh", "so noi vu"})
    assert experts.deadline is not None and experts.deadline.date == "2026-09"
    assert roles(find(plan, "Chợ công nghệ"))[0] == {"trung tam ung dung khoa hoc va cong nghe"}


# --- 2. Two appendices: partners before the lead; one column holding both roles ------------------

TUYEN_QUANG = """ỦY BAN NHÂN DÂN
TỈNH TUYÊN QUANG
Số: 215/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tuyên Quang, ngày 06 tháng 3 năm 2026

KẾ HOẠCH
Phát triển du lịch cộng đồng gắn với xây dựng nông thôn mới năm 2026

II. NHIỆM VỤ VÀ GIẢI PHÁP
Nhiệm vụ cụ thể tại Phụ lục I và Phụ lục II kèm theo Kế hoạch này.

Nơi nhận:
- Bộ Văn hóa, Thể thao và Du lịch;
- Lưu: VT, KGVX.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Văn Sơn

PHỤ LỤC I
CÁC NHIỆM VỤ XÂY DỰNG CƠ CHẾ, CHÍNH SÁCH
(Kèm theo Kế hoạch số 215/KH-UBND ngày 06/3/2026 của UBND tỉnh)

| STT | Nội dung nhiệm vụ | Đơn vị phối hợp | Đơn vị chủ trì | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Xây dựng bộ tiêu chí homestay đạt chuẩn phục vụ khách du lịch | Sở Công Thương; UBND các xã | Sở Văn hóa, Thể thao và Du lịch | Quý II/2026 | Quyết định ban hành bộ tiêu chí |
| 2 | Bố trí kinh phí hỗ trợ các làng văn hóa du lịch | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính | Tháng 8/2026 | Quyết định phân bổ kinh phí |

PHỤ LỤC II
CÁC NHIỆM VỤ TỔ CHỨC THỰC HIỆN
(Kèm theo Kế hoạch số 215/KH-UBND ngày 06/3/2026 của UBND tỉnh)

| TT | Nhiệm vụ | Thời gian | Sản phẩm | Cơ quan thực hiện |
|---|---|---|---|---|
| 1 | Tập huấn kỹ năng làm du lịch cho người dân | Quý III/2026 | 05 lớp tập huấn | Chủ trì: Sở Văn hóa, Thể thao và Du lịch; phối hợp: UBND các xã, Hội Nông dân tỉnh |
| 2 | Quảng bá sản phẩm du lịch trên nền tảng số | Thường xuyên | Trang thông tin du lịch | Trung tâm Thông tin Xúc tiến du lịch (chủ trì), Sở Khoa học và Công nghệ |
| 3 | Bảo đảm an ninh trật tự tại các điểm du lịch | Năm 2026 | Báo cáo | Công an tỉnh chủ trì; Bộ Chỉ huy Quân sự tỉnh, UBND các xã phối hợp |
| 4 | Kiểm tra chất lượng dịch vụ lưu trú | Quý IV/2026 | Thông báo kết quả kiểm tra | - Chủ trì: Sở Văn hóa, Thể thao và Du lịch<br>- Phối hợp: Công an tỉnh, Sở Y tế |
| 5 | Xây dựng sản phẩm du lịch nông nghiệp | Tháng 9/2026 | 03 sản phẩm du lịch | • Chủ trì: Sở Nông nghiệp và Môi trường<br>• Phối hợp: Sở Văn hóa, Thể thao và Du lịch |
"""


@pytest.mark.parametrize("plan", forms(TUYEN_QUANG), ids=["nfc", "nfd"])
def test_partners_column_before_the_lead_column(plan):
    homestay = find(plan, "homestay đạt chuẩn")
    assert roles(homestay) == ({"so van hoa, the thao va du lich"},
                               {"so cong thuong", "ubnd cac xa"})
    assert homestay.deadline is not None and homestay.deadline.date == "2026-06"
    assert [nfc(o) for o in homestay.outputs] == ["Quyết định ban hành bộ tiêu chí"]
    funds = find(plan, "kinh phí hỗ trợ các làng")
    assert roles(funds) == ({"so tai chinh"}, {"so van hoa, the thao va du lich"})


@pytest.mark.parametrize("plan", forms(TUYEN_QUANG), ids=["nfc", "nfd"])
def test_one_unit_column_after_the_time_and_product(plan):
    training = find(plan, "kỹ năng làm du lịch")
    assert roles(training) == ({"so van hoa, the thao va du lich"},
                               {"ubnd cac xa", "hoi nong dan tinh"})
    assert training.deadline is not None and training.deadline.date == "2026-09"
    assert [nfc(o) for o in training.outputs] == ["05 lớp tập huấn"]
    promo = find(plan, "nền tảng số")
    assert roles(promo) == ({"trung tam thong tin xuc tien du lich"},
                            {"so khoa hoc va cong nghe"})
    security = find(plan, "an ninh trật tự tại các điểm")
    assert roles(security) == ({"cong an tinh"}, {"bo chi huy quan su tinh", "ubnd cac xa"})


@pytest.mark.parametrize("plan", forms(TUYEN_QUANG), ids=["nfc", "nfd"])
def test_a_cell_listing_its_roles_line_by_line(plan):
    lodging = find(plan, "chất lượng dịch vụ lưu trú")
    assert roles(lodging) == ({"so van hoa, the thao va du lich"}, {"cong an tinh", "so y te"})
    farm = find(plan, "du lịch nông nghiệp")
    assert roles(farm) == ({"so nong nghiep va moi truong"},
                           {"so van hoa, the thao va du lich"})


@pytest.mark.parametrize("plan", forms(TUYEN_QUANG), ids=["nfc", "nfd"])
def test_each_appendix_numbers_its_own_rows(plan):
    ids = [t.id for t in plan.tasks]
    assert len(ids) == 7 and not any("-" in i for i in ids)
    first, second = find(plan, "homestay đạt chuẩn"), find(plan, "kỹ năng làm du lịch")
    assert first.number == second.number == "1"
    assert first.id.split(".")[0] != second.id.split(".")[0]


TUYEN_QUANG_HTML = """<html><body>
<p>ỦY BAN NHÂN DÂN</p><p>TỈNH TUYÊN QUANG</p><p>Số: 216/KH-UBND</p>
<p>Tuyên Quang, ngày 06 tháng 3 năm 2026</p>
<p><b>KẾ HOẠCH</b></p><p><b>Quảng bá du lịch cộng đồng năm 2026</b></p>
<p><b>II. NHIỆM VỤ</b></p>
<table border="1">
<tr><td>TT</td><td>Nhiệm vụ</td><td>Thời gian</td><td>Sản phẩm</td><td>Cơ quan thực hiện</td></tr>
<tr><td>1</td><td>Kiểm tra chất lượng dịch vụ lưu trú</td><td>Quý IV/2026</td><td>Thông báo kết quả</td>
<td><p>- Chủ trì: Sở Văn hóa, Thể thao và Du lịch</p><p>- Phối hợp: Công an tỉnh, Sở Y tế</p></td></tr>
<tr><td>2</td><td>Quảng bá du lịch trên mạng xã hội</td><td>Năm 2026</td><td>Video quảng bá</td>
<td><p>Chủ trì: Trung tâm Thông tin Xúc tiến du lịch</p><p>Phối hợp: Sở Khoa học và Công nghệ</p></td></tr>
</table>
<p>Nơi nhận:</p><p>- Lưu: VT.</p><p>TM. ỦY BAN NHÂN DÂN</p><p>CHỦ TỊCH</p><p>Hoàng Văn Sơn</p>
</body></html>
"""


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_cell_lines_a_converter_joined_with_a_space(tmp_path: Path, form: str):
    import policykg

    path = tmp_path / "ke-hoach-216.html"
    path.write_text(unicodedata.normalize(form, TUYEN_QUANG_HTML), encoding="utf-8")
    (plan,) = policykg.load([path])
    lodging = find(plan, "chất lượng dịch vụ lưu trú")
    assert roles(lodging) == ({"so van hoa, the thao va du lich"}, {"cong an tinh", "so y te"})
    media = find(plan, "mạng xã hội")
    assert roles(media) == ({"trung tam thong tin xuc tien du lich"},
                            {"so khoa hoc va cong nghe"})


# --- 3. A legislative programme table, a second table right under it -------------------------------

CAO_BANG = """ỦY BAN NHÂN DÂN
TỈNH CAO BẰNG
Số: 77/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Cao Bằng, ngày 06 tháng 3 năm 2026

KẾ HOẠCH
Xây dựng văn bản quy phạm pháp luật và cắt giảm thủ tục hành chính năm 2026

II. NHIỆM VỤ
1. Danh mục văn bản quy phạm pháp luật ban hành năm 2026
| STT | Tên văn bản | Hình thức văn bản | Cơ quan chủ trì soạn thảo | Cơ quan phối hợp | Thời điểm hoàn thành |
|---|---|---|---|---|---|
| 1 | Quy định phân cấp quản lý đường giao thông nông thôn | Quyết định của UBND tỉnh | Sở Xây dựng | Sở Tài chính | Tháng 6/2026 |
| 2 | Quy chế phối hợp quản lý cụm công nghiệp | Quyết định của UBND tỉnh | Sở Công Thương | Sở Nông nghiệp và Môi trường | Quý III/2026 |
| 3 | Quy định nội dung chi bảo đảm tiến độ thực hiện nhiệm vụ khoa học và công nghệ | Nghị quyết của HĐND tỉnh | Sở Khoa học và Công nghệ | Sở Tài chính | Tháng 7/2026 |
| TT | Nội dung | Cơ quan thực hiện | Lộ trình thực hiện |
|---|---|---|---|
| 1 | Công bố danh mục thủ tục hành chính nội bộ | Văn phòng UBND tỉnh | Tháng 3/2026 |
| 2 | Rà soát quy trình nội bộ giải quyết thủ tục hành chính | Các sở, ban, ngành | Tháng 5/2026 |

Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Hoàng Xuân Ánh
"""


@pytest.mark.parametrize("plan", forms(CAO_BANG), ids=["nfc", "nfd"])
def test_form_of_document_is_the_product_and_time_of_completion_the_deadline(plan):
    roads = find(plan, "đường giao thông nông thôn")
    assert roles(roads) == ({"so xay dung"}, {"so tai chinh"})
    assert [nfc(o) for o in roads.outputs] == ["Quyết định của UBND tỉnh"]
    assert roads.deadline is not None and roads.deadline.date == "2026-06"
    # A row whose words name columns ("tiến độ", "nhiệm vụ") is still a row of the table.
    science = find(plan, "bảo đảm tiến độ")
    assert roles(science) == ({"so khoa hoc va cong nghe"}, {"so tai chinh"})
    assert [nfc(o) for o in science.outputs] == ["Nghị quyết của HĐND tỉnh"]
    assert science.deadline is not None and science.deadline.date == "2026-07"


@pytest.mark.parametrize("plan", forms(CAO_BANG), ids=["nfc", "nfd"])
def test_a_table_right_under_another_reads_by_its_own_header(plan):
    listing = find(plan, "danh mục thủ tục hành chính nội bộ")
    assert roles(listing) == ({"van phong ubnd tinh"}, set())
    assert listing.outputs == []
    assert listing.deadline is not None and listing.deadline.date == "2026-03"
    review = find(plan, "quy trình nội bộ")
    assert units_of(review, "lead") == {"cac so, ban, nganh"}
    assert review.deadline is not None and review.deadline.date == "2026-05"
    assert len({t.id for t in plan.tasks}) == len(plan.tasks)
    assert not any("-" in t.id for t in plan.tasks)


# --- 4. Parts "a)" … "đ)" and "3.1.1." under a group that names their units once ------------------

DIEN_BIEN = """ỦY BAN NHÂN DÂN
TỈNH ĐIỆN BIÊN
Số: 140/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Điện Biên, ngày 22 tháng 01 năm 2026

KẾ HOẠCH
Thực hiện công tác bảo vệ môi trường năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Kiểm soát các nguồn gây ô nhiễm môi trường trên địa bàn tỉnh.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Kiểm soát ô nhiễm môi trường (Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Công an tỉnh)
a) Kiểm tra các cơ sở sản xuất có nguy cơ gây ô nhiễm môi trường cao; hoàn thành trong quý II/2026.
b) Quan trắc chất lượng nước sông Nậm Rốm.
c) Rà soát các điểm tồn lưu hóa chất bảo vệ thực vật.
d) Xử lý dứt điểm các cơ sở gây ô nhiễm môi trường nghiêm trọng, phối hợp với UBND các xã, phường.
đ) Công khai thông tin các cơ sở vi phạm trên Cổng thông tin điện tử tỉnh.
e) Sở Khoa học và Công nghệ chủ trì đánh giá công nghệ xử lý chất thải của các cơ sở; thời gian: tháng 12/2026.
2. Quản lý chất thải rắn sinh hoạt
Đơn vị chủ trì: UBND các xã, phường
Đơn vị phối hợp: Sở Xây dựng
a) Phân loại chất thải rắn sinh hoạt tại nguồn.
b) Xây dựng điểm tập kết rác thải tại các thôn, bản; thời gian: Quý III/2026.
3. Bảo tồn đa dạng sinh học
3.1. Bảo vệ rừng đặc dụng (Chi cục Kiểm lâm chủ trì)
3.1.1. Tuần tra, kiểm soát lâm phận rừng đặc dụng Mường Phăng.
3.1.2. Trồng bổ sung cây bản địa tại khu vực rừng bị suy thoái; Ban Quản lý rừng đặc dụng Mường Phăng chủ trì, Công an tỉnh phối hợp.
3.2. Điều tra hiện trạng loài nguy cấp, quý hiếm; thời gian: Năm 2026 - 2027.

Nơi nhận:
- Bộ Nông nghiệp và Môi trường;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lò Văn Mừng
"""


@pytest.mark.parametrize("plan", forms(DIEN_BIEN), ids=["nfc", "nfd"])
def test_lettered_parts_take_the_units_noted_on_their_group(plan):
    inspect = find(plan, "nguy cơ gây ô nhiễm môi trường cao")
    assert roles(inspect) == ({"so nong nghiep va moi truong"}, {"cong an tinh"})
    assert inspect.deadline is not None and inspect.deadline.date == "2026-06"
    publish = find(plan, "Công khai thông tin")
    assert publish.id == "II.1.đ"
    assert roles(publish) == ({"so nong nghiep va moi truong"}, {"cong an tinh"})
    # A part naming partners of its own keeps them; one naming its own lead keeps it.
    assert roles(find(plan, "Xử lý dứt điểm")) == ({"so nong nghiep va moi truong"},
                                                   {"ubnd cac xa, phuong"})
    assert units_of(find(plan, "đánh giá công nghệ xử lý"), "lead") == {"so khoa hoc va cong nghe"}


@pytest.mark.parametrize("plan", forms(DIEN_BIEN), ids=["nfc", "nfd"])
def test_labelled_lines_of_a_group_hold_for_its_parts(plan):
    sorting = find(plan, "Phân loại chất thải")
    assert roles(sorting) == ({"ubnd cac xa, phuong"}, {"so xay dung"})
    points = find(plan, "điểm tập kết rác thải")
    assert roles(points) == ({"ubnd cac xa, phuong"}, {"so xay dung"})
    assert points.deadline is not None and points.deadline.date == "2026-09"


@pytest.mark.parametrize("plan", forms(DIEN_BIEN), ids=["nfc", "nfd"])
def test_three_level_items_under_a_second_level_that_names_the_unit(plan):
    patrol = find(plan, "lâm phận rừng đặc dụng")
    assert patrol.id == "II.3.1.1"
    assert units_of(patrol, "lead") == {"chi cuc kiem lam"}
    planting = find(plan, "cây bản địa")
    assert roles(planting) == ({"ban quan ly rung dac dung muong phang"}, {"cong an tinh"})
    # Nothing is handed down where the group names no unit.
    assert units_of(find(plan, "loài nguy cấp")) == set()


# --- 5. The unit named after the duty, after a comma or a colon -----------------------------------

SON_LA = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
Số: 301/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Sơn La, ngày 02 tháng 4 năm 2026

KẾ HOẠCH
Phát triển thương mại điện tử năm 2026

II. NHIỆM VỤ
1. Đào tạo kỹ năng bán hàng trực tuyến cho hợp tác xã: Sở Công Thương chủ trì, Liên minh Hợp tác xã tỉnh phối hợp thực hiện; thời gian: Quý II/2026.
2. Hỗ trợ đưa sản phẩm OCOP lên sàn thương mại điện tử, Sở Nông nghiệp và Môi trường chủ trì thực hiện; Sở Công Thương phối hợp.
3. Xây dựng sàn thương mại điện tử của tỉnh do Sở Tài chính chủ trì, các sở, ngành liên quan phối hợp; hoàn thành trong quý IV/2026.
4. Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan rà soát vị trí việc làm về thương mại điện tử, hoàn thành trong quý III/2026.
5. Phối hợp với Công an tỉnh, Sở Khoa học và Công nghệ chủ trì bảo đảm an toàn thông tin cho sàn thương mại điện tử.
6. Tổng kết, đánh giá việc thực hiện Kế hoạch, Văn phòng UBND tỉnh có trách nhiệm tổng hợp, báo cáo Chủ tịch UBND tỉnh trước ngày 15/12/2026.

Nơi nhận:
- Bộ Công Thương;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Cầm Ngọc Minh
"""


@pytest.mark.parametrize("plan", forms(SON_LA), ids=["nfc", "nfd"])
def test_a_unit_after_the_colon_that_ends_the_duty_leads_it(plan):
    training = find(plan, "bán hàng trực tuyến")
    assert roles(training) == ({"so cong thuong"}, {"lien minh hop tac xa tinh"})
    assert training.deadline is not None and training.deadline.date == "2026-06"


@pytest.mark.parametrize("plan", forms(SON_LA), ids=["nfc", "nfd"])
def test_a_unit_after_a_comma_leads_and_the_partners_before_it_stay(plan):
    ocop = find(plan, "sản phẩm OCOP")
    assert roles(ocop) == ({"so nong nghiep va moi truong"}, {"so cong thuong"})
    security = find(plan, "an toàn thông tin")
    assert roles(security) == ({"so khoa hoc va cong nghe"}, {"cong an tinh"})
    report = find(plan, "Tổng kết, đánh giá")
    assert units_of(report, "lead") == {"van phong ubnd tinh"}
    assert report.deadline is not None and report.deadline.date == "2026-12-15"


@pytest.mark.parametrize("plan", forms(SON_LA), ids=["nfc", "nfd"])
def test_do_and_giao_still_name_the_lead(plan):
    platform = find(plan, "sàn thương mại điện tử của tỉnh")
    assert roles(platform) == ({"so tai chinh"}, {"cac so, nganh lien quan"})
    jobs = find(plan, "vị trí việc làm")
    assert roles(jobs) == ({"so noi vu"}, {"cac co quan lien quan"})
    assert jobs.deadline is not None and jobs.deadline.date == "2026-09"


# --- 6. A commune's plan after July 2025: its Phòng, Trung tâm, Công an and Ban Chỉ huy Quân sự ---

MUONG_LAY = """ỦY BAN NHÂN DÂN
XÃ MƯỜNG LAY
Số: 32/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Mường Lay, ngày 14 tháng 01 năm 2026

KẾ HOẠCH
Bảo đảm an ninh, trật tự và phục vụ người dân trên địa bàn xã năm 2026

Thực hiện Kế hoạch số 20/KH-UBND ngày 05/01/2026 của UBND tỉnh Điện Biên, UBND xã ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao chất lượng phục vụ người dân, doanh nghiệp.

II. NHIỆM VỤ CỤ THỂ
1. Phòng Kinh tế
a) Chủ trì, phối hợp với Trung tâm Phục vụ hành chính công xã hướng dẫn hộ kinh doanh đăng ký kinh doanh trực tuyến; thời gian: Thường xuyên.
b) Tham mưu UBND xã quản lý đất đai, trật tự xây dựng trên địa bàn, báo cáo trước ngày 15/6/2026.
2. Phòng Văn hóa - Xã hội
a) Chủ trì tuyên truyền các tiện ích số cho người dân trên hệ thống truyền thanh cơ sở.
b) Phối hợp với Công an xã hướng dẫn người dân kích hoạt tài khoản định danh điện tử mức độ 2; hoàn thành trong quý II/2026.

IV. TỔ CHỨC THỰC HIỆN
1. Trung tâm Phục vụ hành chính công xã: tiếp nhận, giải quyết thủ tục hành chính đúng hạn; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.
2. Công an xã: chủ trì bảo đảm an ninh, trật tự trên địa bàn; phối hợp với Ban Chỉ huy Quân sự xã tuần tra, kiểm soát vào các dịp lễ, Tết.
3. Ban Chỉ huy Quân sự xã: chủ trì, phối hợp với Công an xã xây dựng lực lượng dân quân vững mạnh - tham mưu tổ chức tuyển quân năm 2027, hoàn thành trước ngày 31/12/2026.
4. Văn phòng HĐND và UBND xã: theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch; tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 20/11/2026.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lò Văn Thanh
"""


@pytest.mark.parametrize("plan", forms(MUONG_LAY), ids=["nfc", "nfd"])
def test_a_partner_named_before_its_duty_ends_before_the_verb(plan):
    patrol = find(plan, "an ninh, trật tự trên địa bàn")
    assert roles(patrol) == ({"cong an xa"}, {"ban chi huy quan su xa"})


@pytest.mark.parametrize("plan", forms(MUONG_LAY), ids=["nfc", "nfd"])
def test_each_unit_as_a_numbered_paragraph_with_its_duties(plan):
    desk = find(plan, "tiếp nhận, giải quyết thủ tục")
    assert roles(desk) == ({"trung tam phuc vu hanh chinh cong xa"}, set())
    militia = find(plan, "lực lượng dân quân")
    assert roles(militia) == ({"ban chi huy quan su xa"}, {"cong an xa"})
    assert militia.deadline is not None and militia.deadline.date == "2026-12-31"
    office = find(plan, "theo dõi, đôn đốc các phòng")
    assert units_of(office, "lead") == {"van phong hdnd va ubnd xa"}
    assert office.deadline is not None and office.deadline.date == "2026-11-20"
    online = find(plan, "đăng ký kinh doanh trực tuyến")
    assert roles(online) == ({"phong kinh te"}, {"trung tam phuc vu hanh chinh cong xa"})


# --- 7. A unit heading that notes its lead; a partner's verb inside a labelled line ---------------

BAC_KAN = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN
Số: 55/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Kạn, ngày 10 tháng 02 năm 2026

KẾ HOẠCH
Phát triển nông nghiệp ứng dụng công nghệ cao năm 2026

II. NHIỆM VỤ
1. Sở Tài chính (chủ trì), Sở Nông nghiệp và Môi trường:
- Tham mưu bố trí kinh phí hỗ trợ vùng sản xuất cam, quýt ứng dụng công nghệ cao.
- Hướng dẫn thanh quyết toán kinh phí hỗ trợ; hoàn thành trước ngày 30/9/2026.
2. Tuyên truyền về nông nghiệp ứng dụng công nghệ cao
Trách nhiệm thực hiện: Báo và Phát thanh, Truyền hình Bắc Kạn chủ trì; Sở Nông nghiệp và Môi trường phối hợp cung cấp thông tin.
Thời gian: Quý III/2026.

III. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ (chủ trì), Liên minh Hợp tác xã tỉnh:
- Hướng dẫn hợp tác xã đăng ký nhãn hiệu chứng nhận cho sản phẩm chủ lực.

Nơi nhận:
- Bộ Nông nghiệp và Môi trường;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nông Văn Chí
"""


@pytest.mark.parametrize("plan", forms(BAC_KAN), ids=["nfc", "nfd"])
def test_a_unit_heading_noting_its_lead_gives_the_duties_both_roles(plan):
    budget = find(plan, "vùng sản xuất cam, quýt")
    assert roles(budget) == ({"so tai chinh"}, {"so nong nghiep va moi truong"})
    settle = find(plan, "thanh quyết toán")
    assert roles(settle) == ({"so tai chinh"}, {"so nong nghiep va moi truong"})
    assert settle.deadline is not None and settle.deadline.date == "2026-09-30"
    # The heading is the duties' group, not a task of its own.
    assert nfc(budget.group) == "Sở Tài chính (chủ trì), Sở Nông nghiệp và Môi trường"
    assert budget.parent is None
    brands = find(plan, "nhãn hiệu chứng nhận")
    assert roles(brands) == ({"so khoa hoc va cong nghe"}, {"lien minh hop tac xa tinh"})


@pytest.mark.parametrize("plan", forms(BAC_KAN), ids=["nfc", "nfd"])
def test_a_partners_verb_in_a_labelled_line_makes_it_a_partner(plan):
    media = find(plan, "Tuyên truyền về nông nghiệp")
    assert roles(media) == ({"bao va phat thanh, truyen hinh bac kan"},
                            {"so nong nghiep va moi truong"})
    assert media.deadline is not None and media.deadline.date == "2026-09"


@pytest.mark.parametrize("text", [HA_TINH, TUYEN_QUANG, CAO_BANG, DIEN_BIEN, SON_LA, MUONG_LAY,
                                  BAC_KAN],
                         ids=["ha_tinh", "tuyen_quang", "cao_bang", "dien_bien", "son_la",
                              "muong_lay", "bac_kan"])
def test_same_reading_in_any_form(text):
    assert_same_reading_in_any_form(text)

# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Appendix tables with groups three deep and a merged unit column, the same table as plain
text, a special zone's offices, a department's units as headings with lines left without their
marks, and the times a portal writes, read as a careful reader would.

Our own writing in the Vietnamese administrative style: a province's appendix whose header
spans two rows ("Đơn vị thực hiện" over "Chủ trì | Phối hợp"), with "A."/"I." group rows,
"1.1" rows under the row "1", and "Sản phẩm", "Kinh phí" and "Thời gian hoàn thành" columns,
also copied as plain pipe text and as Word's tabs; a special zone's plan after July 2025 with
"1)", "a)", "(1)", "•" and "–" marks, tabs and emphasis around unit names; a department's plan
under the headings of its Phòng, Chi cục and Trung tâm with "Hình thức văn bản:" and "+ Thời
gian:" lines under a duty; a department's markdown plan whose heading a page break cut; a
commune's Word copy with symbol-font bullets and a form feed inside a heading; a department's
numbered tasks each followed by the line that assigns it; abbreviated units under bold
headings and a product in brackets; a ward's table whose one unit column reads "X chủ trì,
phối hợp các phòng, …" and whose times span months ("tháng 12/2026 - tháng 01/2027"); a
province's table grouped by the bodies named in its group rows, and a table under a unit's
heading; a department's tasks each followed by a two-column table of its fields ("| Đơn vị chủ
trì | … |").
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.deadlines import find_deadline, read_deadline
from policykg.loaders.text import clean_lines
from policykg.ontology.normalize import fold
from tests.layouts import (
    assert_same_reading_in_any_form,
    by_id,
    find,
    forms,
    parse,
    reading,
    units_of,
)


def nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text is not None else None


# --- 1. An appendix: groups "A." over "I.", rows "1.1" under "1", a two-row header ------------------

HEAD = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 412/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 16 tháng 01 năm 2026

KẾ HOẠCH
Thực hiện đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2026

Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, UBND tỉnh ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa các nhiệm vụ của tỉnh năm 2026.

II. NHIỆM VỤ
Chi tiết tại Phụ lục kèm theo.

Nơi nhận:
- Bộ Khoa học và Công nghệ;
- Lưu: VT, KGVX.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Hoàng Giang

PHỤ LỤC
NHIỆM VỤ CỤ THỂ NĂM 2026
(Kèm theo Kế hoạch số 412/KH-UBND ngày 16/01/2026 của UBND tỉnh Quảng Ngãi)

"""

ROWS = [
    ["STT", "Nhiệm vụ", "Đơn vị thực hiện", "", "Sản phẩm", "Kinh phí", "Thời gian hoàn thành"],
    ["", "", "Chủ trì", "Phối hợp", "", "", ""],
    ["A.", "NHIỆM VỤ VỀ THỂ CHẾ", "", "", "", "", ""],
    ["I.", "Rà soát, hoàn thiện quy định", "", "", "", "", ""],
    ["1", "Rà soát các quy định về quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh", "Sở Khoa học và Công nghệ", "Sở Tư pháp; các sở, ban, ngành", "Quyết định của UBND tỉnh", "Ngân sách tỉnh", "Quý IV năm 2026"],
    ["1.1", "Ban hành quy định về khoán chi nhiệm vụ khoa học", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Quyết định", "Ngân sách tỉnh", "Trước 30/6/2026"],
    ["1.2", "Báo cáo đánh giá tình hình thực hiện cơ chế tài chính", "Sở Tài chính", "Các cơ quan, đơn vị có liên quan", "Báo cáo", "", "Trước ngày 15/12 hằng năm"],
    ["B.", "NHIỆM VỤ VỀ HẠ TẦNG", "", "", "", "", ""],
    ["I.", "Hạ tầng số", "", "", "", "", ""],
    ["2", "Xây dựng Trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "Công an tỉnh", "Trung tâm dữ liệu được đưa vào vận hành", "120 tỷ đồng", "Năm 2026 - 2027"],
    ["3", "Phổ cập kỹ năng số cho người dân", "Sở Khoa học và Công nghệ", "UBND các xã, phường, đặc khu; các tổ chức chính trị - xã hội", "10.000 lượt người", "Ngân sách tỉnh", "Thường xuyên, hằng năm"],
    ["4", "Tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh", "Sở Khoa học và Công nghệ", "Tỉnh Đoàn; Hội Liên hiệp Phụ nữ tỉnh", "Ngày hội", "500 triệu đồng", "tháng 9 - 10/2026"],
    ["5", "Sơ kết 6 tháng thực hiện Kế hoạch", "Sở Khoa học và Công nghệ", "Các sở, ban, ngành", "Báo cáo", "", "6 tháng đầu năm 2026"],
    ["6", "Triển khai Chương trình chuyển đổi số tỉnh", "Sở Khoa học và Công nghệ", "Các sở, ban, ngành; UBND các xã, phường, đặc khu", "Chương trình", "Ngân sách tỉnh", "Giai đoạn 2026-2030"],
    ["7", "Hoàn thành số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Văn phòng UBND tỉnh", "Các sở, ban, ngành", "100% hồ sơ được số hóa", "", "Đến hết năm 2026"],
]


def markdown_table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    lines.insert(2, "|" + "---|" * len(rows[0]))
    return "\n".join(lines) + "\n"


PHU_LUC = HEAD + markdown_table(ROWS)
# The same appendix as a portal's plain-text export (cells parted by "|", no borders) and as
# a Word table pasted into a text file (cells parted by tabs, empty cells kept).
PHU_LUC_PIPES = HEAD + "\n".join(" | ".join(r) for r in ROWS) + "\n"
PHU_LUC_TABS = HEAD + "\n".join("\t".join(r) for r in ROWS) + "\n"


@pytest.mark.parametrize("plan", forms(PHU_LUC), ids=["nfc", "nfd"])
def test_letter_groups_hold_roman_groups_and_rows_hold_their_sub_rows(plan):
    rules = find(plan, "khoán chi nhiệm vụ khoa học")
    row = by_id(plan, rules.parent)
    assert row.number == "1" and "quản lý nhiệm vụ khoa học" in nfc(row.text)
    roman = by_id(plan, row.parent)
    assert (roman.number, nfc(roman.text)) == ("I", "Rà soát, hoàn thiện quy định")
    letter = by_id(plan, roman.parent)
    assert (letter.number, letter.parent) == ("A", None)
    assert by_id(plan, find(plan, "tình hình thực hiện cơ chế").parent) is row
    # The second "I." opens under "B.", not under "A.".
    centre = find(plan, "Trung tâm dữ liệu tỉnh")
    infra = by_id(plan, centre.parent)
    assert nfc(infra.text) == "Hạ tầng số"
    assert nfc(by_id(plan, infra.parent).text) == "NHIỆM VỤ VỀ HẠ TẦNG"
    assert not any(t.units for t in (roman, letter, infra))


@pytest.mark.parametrize("plan", forms(PHU_LUC), ids=["nfc", "nfd"])
def test_merged_unit_column_over_lead_and_partners_and_its_products(plan):
    centre = find(plan, "Trung tâm dữ liệu tỉnh")
    assert units_of(centre, "lead") == {"so khoa hoc va cong nghe"}
    assert units_of(centre, "support") == {"cong an tinh"}
    # The "Kinh phí" column is the money, not the product.
    assert [nfc(o) for o in centre.outputs] == ["Trung tâm dữ liệu được đưa vào vận hành"]
    skills = find(plan, "kỹ năng số cho người dân")
    assert units_of(skills, "support") == {"ubnd cac xa, phuong, dac khu",
                                           "cac to chuc chinh tri - xa hoi"}
    assert [t.value for t in skills.targets] == [10000.0]
    report = find(plan, "tình hình thực hiện cơ chế")
    assert units_of(report, "lead") == {"so tai chinh"}
    assert units_of(report, "support") == {"cac co quan, don vi co lien quan"}


@pytest.mark.parametrize("words, text, start, end, date, recurrence", [
    ("quản lý nhiệm vụ khoa học", "Quý IV năm 2026", 2026, 2026, "2026-12", None),
    ("khoán chi", "Trước 30/6/2026", None, 2026, "2026-06-30", None),
    ("tình hình thực hiện cơ chế", "Trước ngày 15/12 hằng năm", None, None, "--12-15", "yearly"),
    ("Trung tâm dữ liệu tỉnh", "Năm 2026 - 2027", 2026, 2027, None, None),
    ("kỹ năng số cho người dân", "Thường xuyên, hằng năm", None, None, None, "yearly"),
    ("Ngày hội khởi nghiệp", "tháng 9 - 10/2026", 2026, 2026, "2026-10", None),
    ("Sơ kết 6 tháng", "6 tháng đầu năm 2026", 2026, 2026, "2026-06", None),
    # In a time column a period is the time, though in prose it names a programme.
    ("Chương trình chuyển đổi số", "Giai đoạn 2026-2030", 2026, 2030, None, None),
    ("số hóa hồ sơ", "Đến hết năm 2026", None, 2026, None, None),
])
def test_times_as_a_portal_writes_them_in_the_time_column(words, text, start, end, date,
                                                          recurrence):
    for plan in forms(PHU_LUC):
        found = find(plan, words).deadline
        assert found is not None
        assert (nfc(found.text), found.start_year, found.end_year, found.date,
                found.recurrence) == (text, start, end, date, recurrence)


@pytest.mark.parametrize("copy", [PHU_LUC_PIPES, PHU_LUC_TABS], ids=["pipes", "tabs"])
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_the_table_as_plain_text_reads_as_the_markdown_one(copy, form):
    expected = parse(unicodedata.normalize(form, PHU_LUC))
    plan = parse(unicodedata.normalize(form, copy))
    assert reading(plan) == reading(expected)
    assert [(t.id, t.parent, t.outputs) for t in plan.tasks] == \
        [(t.id, t.parent, t.outputs) for t in expected.tasks]


def cells(text: str) -> list[list[str]]:
    """The cells of each line of ``text`` once cleaned, for the lines that are table rows."""
    return [[c.strip() for c in ln.text.strip()[1:-1].split("|")]
            for ln in clean_lines(text) if ln.text.startswith("|")]


def test_cells_left_empty_at_the_start_of_a_row_keep_their_places():
    header = "STT\tNhiệm vụ\tĐơn vị thực hiện\t\tThời gian"
    assert cells(f"{header}\n\t\tChủ trì\tPhối hợp\t\nB.\tNhóm nhiệm vụ\t\t\t\n") == [
        ["STT", "Nhiệm vụ", "Đơn vị thực hiện", "", "Thời gian"],
        ["", "", "Chủ trì", "Phối hợp", ""],
        ["B.", "Nhóm nhiệm vụ", "", "", ""]]
    # A row cut short at its end is filled up to the header's cells.
    assert cells("STT | Nhiệm vụ | Chủ trì | Thời gian\n | | Phối hợp\nII | Nhóm\n") == [
        ["STT", "Nhiệm vụ", "Chủ trì", "Thời gian"], ["", "", "Phối hợp", ""],
        ["II", "Nhóm", "", ""]]


@pytest.mark.parametrize("line", [
    "Số: 45/KH-UBND\t\tTân Lập, ngày 05 tháng 01 năm 2026",
    "III.\tTỔ CHỨC THỰC HIỆN",
    "Chia sẻ: Facebook | Zalo | Email",
    "Số ký hiệu: 412/KH-UBND | Ngày ban hành: 16/01/2026 | Cơ quan ban hành: UBND tỉnh",
])
def test_lines_with_a_tab_or_a_bar_that_are_no_table_row(line):
    assert not any(ln.text.startswith("|") for ln in clean_lines(line))


# --- 2. A special zone's plan after July 2025: its own offices, Word's marks and emphasis -----------

DAC_KHU = """ỦY BAN NHÂN DÂN
ĐẶC KHU PHÚ QUÝ
Số: 27/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú Quý, ngày 09 tháng 02 năm 2026

KẾ HOẠCH
Cải cách hành chính và chuyển đổi số trên địa bàn đặc khu năm 2026

Căn cứ Kế hoạch số 150/KH-UBND ngày 20/01/2026 của UBND tỉnh Lâm Đồng về cải cách hành chính năm 2026, UBND đặc khu xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1)\tNâng cao chỉ số hài lòng của người dân, doanh nghiệp.

II. NHIỆM VỤ CỤ THỂ
1)\tCải cách thủ tục hành chính
a)\t**Trung tâm Phục vụ hành chính công đặc khu** chủ trì tiếp nhận, giải quyết hồ sơ trực tuyến toàn trình; phối hợp với Phòng Kinh tế rà soát quy trình nội bộ. Thời gian: Thường xuyên.
b)\tRà soát, công bố danh mục thủ tục hành chính thuộc thẩm quyền của đặc khu.
•\tĐơn vị chủ trì: *Văn phòng HĐND và UBND đặc khu*
•\tĐơn vị phối hợp: các cơ quan, đơn vị có liên quan
•\tThời gian hoàn thành: Quý II năm 2026
•\tSản phẩm: Quyết định công bố danh mục
2)\tChuyển đổi số
(1) Phòng Văn hóa - Xã hội chủ trì, phối hợp với Công an đặc khu triển khai các tiện ích của ứng dụng VNeID cho người dân; hoàn thành trước ngày 30/9/2026.
(2) Phòng Kinh tế phối hợp với Phòng Văn hóa - Xã hội xây dựng bản đồ số các điểm du lịch trên địa bàn; thời gian: tháng 9 - 10/2026.
3)\tCông tác quốc phòng, an ninh
\tBan Chỉ huy Quân sự đặc khu chủ trì tuyên truyền Luật Nghĩa vụ quân sự; các tổ chức chính trị - xã hội phối hợp thực hiện.
\tCông an đặc khu bảo đảm an ninh trật tự tại Trung tâm Phục vụ hành chính công; thời gian: Năm 2026.

III. TỔ CHỨC THỰC HIỆN
1.\tVăn phòng HĐND và UBND đặc khu
–\tTheo dõi, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch;
–\tTổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12 hằng năm.
2.\tĐề nghị Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu và các tổ chức chính trị - xã hội giám sát việc thực hiện Kế hoạch.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Đặng Văn Hòa
"""


@pytest.mark.parametrize("plan", forms(DAC_KHU), ids=["nfc", "nfd"])
def test_items_numbered_in_brackets_are_duties_with_their_units(plan):
    vneid = find(plan, "ứng dụng VNeID")
    assert nfc(vneid.text).startswith("Phòng Văn hóa - Xã hội chủ trì")
    assert units_of(vneid, "lead") == {"phong van hoa - xa hoi"}
    assert units_of(vneid, "support") == {"cong an dac khu"}
    assert vneid.deadline is not None and vneid.deadline.date == "2026-09-30"
    assert nfc(by_id(plan, vneid.parent).text) == "Chuyển đổi số"
    tourism = find(plan, "bản đồ số")
    assert units_of(tourism) == {"phong kinh te", "phong van hoa - xa hoi"}
    assert tourism.deadline is not None and tourism.deadline.date == "2026-10"


@pytest.mark.parametrize("plan", forms(DAC_KHU), ids=["nfc", "nfd"])
def test_the_special_zones_offices_keep_the_zone_in_their_names(plan):
    listing = find(plan, "công bố danh mục thủ tục")
    assert units_of(listing, "lead") == {"van phong hdnd va ubnd dac khu"}
    assert units_of(listing, "support") == {"cac co quan, don vi co lien quan"}
    assert [u.category for u in listing.units] == ["internal", "collective"]
    assert [nfc(o) for o in listing.outputs] == ["Quyết định công bố danh mục"]
    assert listing.deadline is not None and listing.deadline.date == "2026-06"
    follow = find(plan, "Theo dõi, đôn đốc")
    assert units_of(follow, "lead") == {"van phong hdnd va ubnd dac khu"}


@pytest.mark.parametrize("plan", forms(DAC_KHU), ids=["nfc", "nfd"])
def test_emphasis_and_tabs_around_the_units_of_a_special_zone(plan):
    desk = find(plan, "hồ sơ trực tuyến toàn trình")
    assert units_of(desk, "lead") == {"trung tam phuc vu hanh chinh cong dac khu"}
    assert units_of(desk, "support") == {"phong kinh te"}
    assert {u.category for u in desk.units} == {"internal"}
    assert desk.deadline is not None and desk.deadline.recurrence == "ongoing"
    army = find(plan, "Luật Nghĩa vụ quân sự")
    assert units_of(army, "lead") == {"ban chi huy quan su dac khu"}
    assert units_of(army, "support") == {"cac to chuc chinh tri - xa hoi"}


# --- 3. A department's Phòng, Chi cục and Trung tâm as headings; lines left without marks ----------

SO_PHONG = """UBND TỈNH ĐỒNG THÁP
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 96/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đồng Tháp, ngày 03 tháng 3 năm 2026

KẾ HOẠCH
Phát triển thị trường khoa học và công nghệ năm 2026

Thực hiện Kế hoạch số 75/KH-UBND ngày 10/02/2026 của UBND tỉnh Đồng Tháp, Sở Khoa học và Công nghệ xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Thúc đẩy giao dịch công nghệ trên địa bàn tỉnh.

II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
1. Phòng Quản lý khoa học
- Tổ chức tuyển chọn nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng năm 2027. Phòng Quản lý khoa học chủ trì; các phòng, đơn vị liên quan phối hợp. Thời gian: Trước ngày 15/12 hằng năm.
- Đánh giá, nghiệm thu các nhiệm vụ khoa học và công nghệ đã kết thúc; Kết quả/ Sản phẩm dự kiến: 15 nhiệm vụ được nghiệm thu.
2. Phòng Quản lý công nghệ và Thị trường công nghệ
- Xây dựng sàn giao dịch công nghệ trực tuyến của tỉnh, phối hợp với Trung tâm Ứng dụng tiến bộ khoa học và công nghệ; thời gian: 6 tháng đầu năm 2026.
Hình thức văn bản: Báo cáo
- Hỗ trợ ít nhất 10 doanh nghiệp đổi mới công nghệ; Phòng Quản lý công nghệ và Thị trường công nghệ chủ trì, Phòng Kế hoạch - Tài chính phối hợp; thời gian: Năm 2026 - 2027.
3. Chi cục Tiêu chuẩn Đo lường Chất lượng
- Hướng dẫn doanh nghiệp áp dụng hệ thống quản lý chất lượng tiên tiến.
+ Sản phẩm: 20 doanh nghiệp được hướng dẫn
+ Thời gian: Quý IV năm 2026
4. Trung tâm Ứng dụng tiến bộ khoa học và công nghệ
- Chuyển giao 05 quy trình công nghệ cho các hợp tác xã; các phòng chuyên môn thuộc Sở phối hợp; thời gian: Thường xuyên, hằng năm.
5. Truyền thông khoa học và công nghệ
- Xây dựng chuyên mục khoa học trên Cổng thông tin điện tử của Sở.
+ Chủ trì: Văn phòng Sở
+ Phối hợp: Phòng Quản lý khoa học
+ Thời gian: Quý IV năm 2026
- Phát hành bản tin khoa học và công nghệ.
+ Nội dung: giới thiệu kết quả nghiên cứu tiêu biểu
+ Sản phẩm: 04 số bản tin
+ Thời gian: Thường xuyên, hằng năm

III. TỔ CHỨC THỰC HIỆN
Phòng Kế hoạch - Tài chính chủ trì tham mưu bố trí kinh phí; các phòng, đơn vị trực thuộc Sở phối hợp thực hiện.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT, QLKH.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Thành Tâm
"""


@pytest.mark.parametrize("plan", forms(SO_PHONG), ids=["nfc", "nfd"])
def test_a_labelled_line_after_a_duty_under_a_unit_heading_is_that_duties(plan):
    market = find(plan, "sàn giao dịch công nghệ")
    assert units_of(market, "lead") == {"phong quan ly cong nghe va thi truong cong nghe"}
    assert units_of(market, "support") == {"trung tam ung dung tien bo khoa hoc va cong nghe"}
    assert market.outputs == ["Báo cáo"]
    assert market.deadline is not None and market.deadline.date == "2026-06"
    # The duty after it is a task of its own, with its own units and no product.
    firms = find(plan, "ít nhất 10 doanh nghiệp")
    assert firms.parent is None and firms.outputs == []
    assert units_of(firms, "support") == {"phong ke hoach – tai chinh"}
    assert not any(fold(t.text).startswith("phong quan ly cong nghe") for t in plan.tasks)


@pytest.mark.parametrize("plan", forms(SO_PHONG), ids=["nfc", "nfd"])
def test_labelled_plus_lines_under_a_duty_are_its_fields(plan):
    quality = find(plan, "quản lý chất lượng tiên tiến")
    assert units_of(quality, "lead") == {"chi cuc tieu chuan do luong chat luong"}
    assert [nfc(o) for o in quality.outputs] == ["20 doanh nghiệp được hướng dẫn"]
    assert quality.deadline is not None and quality.deadline.date == "2026-12"
    assert quality.steps == []
    page = find(plan, "chuyên mục khoa học")
    assert units_of(page, "lead") == {"van phong so"}
    assert units_of(page, "support") == {"phong quan ly khoa hoc"}
    assert page.deadline is not None and page.deadline.date == "2026-12"
    # A "+" line that gives no unit, time or product stays a step.
    news = find(plan, "bản tin khoa học")
    assert [nfc(s) for s in news.steps] == ["Nội dung: giới thiệu kết quả nghiên cứu tiêu biểu"]
    assert [nfc(o) for o in news.outputs] == ["04 số bản tin"]
    assert news.deadline is not None and news.deadline.recurrence == "yearly"


@pytest.mark.parametrize("plan", forms(SO_PHONG), ids=["nfc", "nfd"])
def test_result_or_product_label_and_collective_partners(plan):
    review = find(plan, "nghiệm thu các nhiệm vụ")
    assert [nfc(o) for o in review.outputs] == ["15 nhiệm vụ được nghiệm thu"]
    assert units_of(review, "lead") == {"phong quan ly khoa hoc"}
    calls = find(plan, "tuyển chọn nhiệm vụ")
    assert units_of(calls, "lead") == {"phong quan ly khoa hoc"}
    assert units_of(calls, "support") == {"cac phong, don vi lien quan"}
    assert calls.deadline is not None and calls.deadline.date == "--12-15"
    transfer = find(plan, "Chuyển giao 05 quy trình")
    assert units_of(transfer, "support") == {"cac phong chuyen mon thuoc so"}


# --- 4. A department's markdown plan: a bold heading cut by a page break, labelled lines ------------

SO_NOI_VU = """**UBND TỈNH HƯNG YÊN**
**SỞ NỘI VỤ**
Số: 210/KH-SNV

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
*Độc lập - Tự do - Hạnh phúc*
*Hưng Yên, ngày 14 tháng 4 năm 2026*

# KẾ HOẠCH
## Chuyển đổi số công tác văn thư, lưu trữ năm 2026

Thực hiện Kế hoạch số 130/KH-UBND ngày 02/3/2026 của UBND tỉnh Hưng Yên, Sở Nội vụ ban hành Kế hoạch như sau:

### I. MỤC ĐÍCH, YÊU CẦU
1. Số hóa tài liệu lưu trữ lịch sử của tỉnh.

### II. NHIỆM VỤ CỤ THỂ

**1. Số hóa tài liệu lưu trữ tại Lưu trữ lịch sử**
- Đơn vị chủ trì: ***Trung tâm Lưu trữ lịch sử***
- Đơn vị phối hợp: *Phòng Công tác văn thư, lưu trữ*; các sở, ban, ngành
- Thời gian thực hiện: Năm 2026 - 2027
- Sản phẩm: 500.000 trang tài liệu được số hóa

**2. Xây dựng cơ sở dữ liệu hồ sơ cán bộ, công chức, viên chức của tỉnh và cập nhật**

**vào Cơ sở dữ liệu quốc gia**
- Đơn vị chủ trì: **Phòng Tổ chức, biên chế và tổ chức phi chính phủ**
- Đơn vị phối hợp: UBND các xã, phường
- Thời gian thực hiện: Trước 30/6/2026
- Hình thức văn bản: Báo cáo

**3. Hướng dẫn, kiểm tra công tác văn thư, lưu trữ**
– Đơn vị chủ trì: Phòng Công tác văn thư, lưu trữ
– Đơn vị phối hợp: Thanh tra Sở
– Thời gian thực hiện: Quý IV năm 2026
– Kết quả/ Sản phẩm dự kiến: Thông báo kết quả kiểm tra

**4. Tập huấn nghiệp vụ**
• Đơn vị chủ trì: Văn phòng Sở
• Thời gian thực hiện: tháng 9 - 10/2026
• Sản phẩm: 03 lớp tập huấn

### III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở theo dõi, tổng hợp báo cáo Giám đốc Sở trước ngày 15/12 hằng năm.

**Nơi nhận:**
- UBND tỉnh;
- Lưu: VT, VP.

**GIÁM ĐỐC**

**Đỗ Văn Hưng**
"""


@pytest.mark.parametrize("plan", forms(SO_NOI_VU), ids=["nfc", "nfd"])
def test_a_bold_heading_cut_by_a_page_break_is_one_task(plan):
    records = find(plan, "hồ sơ cán bộ")
    assert nfc(records.text) == ("Xây dựng cơ sở dữ liệu hồ sơ cán bộ, công chức, viên chức của "
                                 "tỉnh và cập nhật vào Cơ sở dữ liệu quốc gia")
    assert units_of(records, "lead") == {"phong to chuc, bien che va to chuc phi chinh phu"}
    assert units_of(records, "support") == {"ubnd cac xa, phuong"}
    assert records.outputs == ["Báo cáo"]
    assert records.deadline is not None and records.deadline.date == "2026-06-30"


@pytest.mark.parametrize("plan", forms(SO_NOI_VU), ids=["nfc", "nfd"])
def test_labelled_lines_marked_in_three_ways_and_units_in_emphasis(plan):
    scans = find(plan, "Số hóa tài liệu lưu trữ tại")
    assert units_of(scans, "lead") == {"trung tam luu tru lich su"}
    assert units_of(scans, "support") == {"phong cong tac van thu, luu tru", "cac so, ban, nganh"}
    assert [t.value for t in scans.targets] == [500000.0]
    audit = find(plan, "Hướng dẫn, kiểm tra công tác")
    assert [nfc(o) for o in audit.outputs] == ["Thông báo kết quả kiểm tra"]
    assert units_of(audit, "support") == {"thanh tra so"}
    course = find(plan, "Tập huấn nghiệp vụ")
    assert units_of(course, "lead") == {"van phong so"}
    assert course.deadline is not None and course.deadline.date == "2026-10"


# --- 5. A commune's Word copy: symbol-font bullets, tabs, a form feed inside a heading --------------

XA_HTX = "\n".join([
    "ỦY BAN NHÂN DÂN",
    "XÃ HÒA AN",
    "Số: 19/KH-UBND\t\tHòa An, ngày 20 tháng 01 năm 2026",
    "",
    "KẾ HOẠCH",
    "Phát triển kinh tế tập thể, hợp tác xã trên địa bàn xã năm 2026",
    "",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "\uf0b7\tPhấn đấu thành lập mới ít nhất 02 hợp tác xã.",
    "",
    "II. NHIỆM VỤ VÀ GIẢI PHÁP",
    "1)\tTuyên truyền, phổ biến Luật Hợp tác xã năm 2023",
    "\uf0b7\t**Phòng Văn hóa - Xã hội** chủ trì, phối hợp với các tổ chức chính trị - xã hội của xã tuyên truyền trên hệ thống truyền thanh cơ sở; thời gian: Quý I năm 2026.",
    "\uf0b7\t_Ủy ban Mặt trận Tổ quốc Việt Nam xã_ vận động hội viên tham gia hợp tác xã.",
    "2)\tHỗ trợ thành lập mới và củng cố hợp tác xã",
    "–\tPhòng Kinh tế chủ trì hướng dẫn thủ tục thành lập hợp tác xã; Trung tâm Phục vụ hành chính công xã phối hợp giải quyết hồ sơ đăng ký.",
    "+\tThời gian: Thường xuyên",
    "+\tSản phẩm: 02 hợp tác xã được thành lập mới",
    "–\tRà soát, phân loại hợp tác xã theo quy định, báo cáo UBND tỉnh.",
    "+\tĐơn vị chủ trì: Phòng Kinh tế",
    "+\tĐơn vị phối hợp: UBND các xã, phường, đặc khu lân cận; các cơ quan, đơn vị có liên quan",
    "+\tThời gian hoàn thành: Trước 30/6/2026",
    "3)\tXây dựng mô hình hợp tác xã ứng dụng công nghệ cao trong sản xuất",
    "\f",
    "nông nghiệp",
    "a)\tPhòng Kinh tế tham mưu lựa chọn 01 mô hình điểm; thời gian: Năm 2026 - 2027.",
    "b)\tVăn phòng HĐND và UBND xã bố trí kinh phí thực hiện; thời gian: 6 tháng đầu năm 2026.",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "1.\tCác cơ quan, đơn vị căn cứ nhiệm vụ được giao tổ chức thực hiện; báo cáo kết quả về Phòng Kinh tế trước ngày 15/12 hằng năm.",
    "",
    "Nơi nhận:\t\tTM. ỦY BAN NHÂN DÂN",
    "- UBND tỉnh;\t\tCHỦ TỊCH",
    "- Lưu: VT.",
    "\t\tTrần Minh Tuấn",
]) + "\n"


@pytest.mark.parametrize("plan", forms(XA_HTX), ids=["nfc", "nfd"])
def test_labelled_lines_after_a_dash_duty_in_a_word_copy(plan):
    sort = find(plan, "phân loại hợp tác xã")
    assert units_of(sort, "lead") == {"phong kinh te"}
    assert units_of(sort, "support") == {"ubnd cac xa, phuong, dac khu lan can",
                                         "cac co quan, don vi co lien quan"}
    assert sort.deadline is not None and sort.deadline.date == "2026-06-30"
    assert sort.steps == []
    found = find(plan, "thủ tục thành lập hợp tác xã")
    assert units_of(found, "lead") == {"phong kinh te"}
    assert units_of(found, "support") == {"trung tam phuc vu hanh chinh cong xa"}
    assert found.deadline is not None and found.deadline.recurrence == "ongoing"
    assert [nfc(o) for o in found.outputs] == ["02 hợp tác xã được thành lập mới"]


@pytest.mark.parametrize("plan", forms(XA_HTX), ids=["nfc", "nfd"])
def test_symbol_font_bullets_and_a_form_feed_inside_a_heading(plan):
    radio = find(plan, "truyền thanh cơ sở")
    assert units_of(radio, "lead") == {"phong van hoa - xa hoi"}
    assert units_of(radio, "support") == {"cac to chuc chinh tri - xa hoi cua xa"}
    assert radio.deadline is not None and radio.deadline.date == "2026-03"
    model = find(plan, "01 mô hình điểm")
    heading = by_id(plan, model.parent)
    assert nfc(heading.text) == "Xây dựng mô hình hợp tác xã ứng dụng công nghệ cao trong sản xuất nông nghiệp"
    assert (model.deadline.start_year, model.deadline.end_year) == (2026, 2027)
    assert units_of(find(plan, "bố trí kinh phí"), "lead") == {"van phong hdnd va ubnd xa"}
    assert not any("Trần Minh Tuấn" in t.text or "CHỦ TỊCH" in t.text for t in plan.tasks)


# --- 6. A department's numbered tasks, each followed by the line that assigns it -------------------

SO_NGHE_AN = """UBND TỈNH NGHỆ AN
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 120/KH-SKHCN
Nghệ An, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo năm 2026

II. NHIỆM VỤ TRỌNG TÂM
1. Hoàn thiện cơ chế, chính sách
1.1. Rà soát, đề xuất sửa đổi chính sách hỗ trợ khởi nghiệp đổi mới sáng tạo của tỉnh.
Phòng Quản lý khoa học chủ trì; các phòng, đơn vị liên quan phối hợp.
Thời gian: Quý IV năm 2026.
Sản phẩm: Tờ trình UBND tỉnh
1.2. Xây dựng bộ tiêu chí đánh giá dự án khởi nghiệp.
Phòng Quản lý công nghệ và Đổi mới sáng tạo chủ trì, phối hợp với Thanh tra Sở.
2. Phát triển hạ tầng hỗ trợ khởi nghiệp
2.1. Vận hành Trung tâm hỗ trợ khởi nghiệp đổi mới sáng tạo tỉnh.
Trung tâm Ứng dụng khoa học và công nghệ chủ trì; Văn phòng Sở, Phòng Kế hoạch - Tài chính phối hợp; thời gian: Thường xuyên, hằng năm.
2.2. Kết nối các quỹ đầu tư với dự án khởi nghiệp.
Giao Phòng Quản lý công nghệ và Đổi mới sáng tạo chủ trì, phối hợp thực hiện.
2.3. Tổ chức cuộc thi ý tưởng khởi nghiệp.
Tỉnh Đoàn chủ trì tổ chức vòng chung kết cuộc thi tại thành phố Vinh.

Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Quốc Việt
"""


@pytest.mark.parametrize("plan", forms(SO_NGHE_AN), ids=["nfc", "nfd"])
def test_a_line_that_only_assigns_gives_the_heading_above_its_units(plan):
    hub = find(plan, "Vận hành Trung tâm hỗ trợ")
    assert units_of(hub, "lead") == {"trung tam ung dung khoa hoc va cong nghe"}
    assert units_of(hub, "support") == {"van phong so", "phong ke hoach – tai chinh"}
    assert hub.deadline is not None and hub.deadline.recurrence == "yearly"
    assert not [t for t in plan.tasks if t.parent == hub.id]
    funds = find(plan, "Kết nối các quỹ")
    assert units_of(funds, "lead") == {"phong quan ly cong nghe va doi moi sang tao"}
    criteria = find(plan, "bộ tiêu chí đánh giá")
    assert units_of(criteria, "lead") == {"phong quan ly cong nghe va doi moi sang tao"}
    assert units_of(criteria, "support") == {"thanh tra so"}
    assert not [t for t in plan.tasks if t.parent == criteria.id]


@pytest.mark.parametrize("plan", forms(SO_NGHE_AN), ids=["nfc", "nfd"])
def test_a_line_with_a_duty_of_its_own_stays_a_task_under_its_heading(plan):
    final = find(plan, "vòng chung kết")
    assert units_of(final, "lead") == {"tinh doan"}
    contest = by_id(plan, final.parent)
    assert nfc(contest.text) == "Tổ chức cuộc thi ý tưởng khởi nghiệp."
    assert not contest.units
    policy = find(plan, "Rà soát, đề xuất sửa đổi chính sách")
    assert units_of(policy, "support") == {"cac phong, don vi lien quan"}
    assert policy.outputs == ["Tờ trình UBND tỉnh"]


# --- 7. Abbreviated units under bold headings with tabs; a product in brackets ----------------------

SO_GIA_LAI = """UBND TỈNH GIA LAI
**SỞ KHOA HỌC VÀ CÔNG NGHỆ**
Số: 58/KH-SKHCN

Gia Lai, ngày 05 tháng 02 năm 2026

**KẾ HOẠCH**
**Triển khai hoạt động tiêu chuẩn, đo lường, chất lượng năm 2026**

**I. MỤC ĐÍCH, YÊU CẦU**
1. Nâng cao năng suất, chất lượng sản phẩm, hàng hóa.

**II. NHIỆM VỤ CỤ THỂ**
**1.\tChi cục TĐC:**
a)\tKiểm tra nhà nước về đo lường đối với phương tiện đo nhóm 2; phối hợp với Công an tỉnh, Sở Công Thương (Kết quả/ Sản phẩm dự kiến: Báo cáo kết quả kiểm tra).
b)\tHướng dẫn 20 doanh nghiệp xây dựng, áp dụng tiêu chuẩn cơ sở; thời gian: tháng 9 - 10/2026.
**2.\tTrung tâm KH&CN:**
a)\tThử nghiệm, hiệu chuẩn phương tiện đo phục vụ quản lý nhà nước. Thời gian: Thường xuyên, hằng năm.
b)\tPhối hợp với Phòng QLKH triển khai đề tài nghiên cứu về chỉ dẫn địa lý cà phê; thời gian: Giai đoạn 2026-2028.
**3.\tVăn phòng Sở:** tổng hợp, báo cáo kết quả thực hiện về UBND tỉnh trước ngày 15/12 hằng năm.

**III. TỔ CHỨC THỰC HIỆN**
Các phòng, đơn vị thuộc Sở triển khai thực hiện.

**Nơi nhận:**
- UBND tỉnh;
- Lưu: VT, TĐC.

**KT. GIÁM ĐỐC**
**PHÓ GIÁM ĐỐC**

**Lê Văn Hùng**
"""


@pytest.mark.parametrize("plan", forms(SO_GIA_LAI), ids=["nfc", "nfd"])
def test_abbreviated_units_under_bold_headings_and_a_product_in_brackets(plan):
    meters = find(plan, "phương tiện đo nhóm 2")
    assert units_of(meters, "lead") == {"chi cuc tieu chuan do luong chat luong"}
    assert units_of(meters, "support") == {"cong an tinh", "so cong thuong"}
    assert [nfc(o) for o in meters.outputs] == ["Báo cáo kết quả kiểm tra"]
    standards = find(plan, "tiêu chuẩn cơ sở")
    assert standards.deadline is not None and standards.deadline.date == "2026-10"
    coffee = find(plan, "chỉ dẫn địa lý cà phê")
    # "Phối hợp với X …" under a unit's heading: X leads, the heading's unit supports.
    assert units_of(coffee, "lead") == {"phong quan ly khoa hoc"}
    assert units_of(coffee, "support") == {"trung tam khoa hoc va cong nghe"}
    assert (coffee.deadline.start_year, coffee.deadline.end_year) == (2026, 2028)


# --- 8. A ward's table: one unit column in sentences, bold and italic names, a span of months ------

PHUONG = """ỦY BAN NHÂN DÂN
PHƯỜNG HẢI CHÂU
Số: 88/KH-UBND
Đà Nẵng, ngày 12 tháng 01 năm 2026

KẾ HOẠCH
Thực hiện công tác chuyển đổi số năm 2026

II. NHIỆM VỤ
| TT | Nội dung công việc | Cơ quan thực hiện | Thời gian | Ghi chú |
|---|---|---|---|---|
| **I** | **Phát triển chính quyền số** | | | |
| 1. | Duy trì hệ thống quản lý văn bản và điều hành | **Văn phòng HĐND và UBND phường** chủ trì, phối hợp các phòng, đơn vị thuộc UBND phường | Thường xuyên | |
| 2. | Cập nhật dữ liệu dân cư vào hệ thống | *Công an phường* chủ trì; các tổ dân phố phối hợp | Tháng 9/2026 - Tháng 10/2026 | Phối hợp với Trung tâm Phục vụ hành chính công phường |
| **II** | **Phát triển xã hội số** | | | |
| 1. | Tổ chức tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng | Phòng Văn hóa - Xã hội chủ trì, phối hợp Ủy ban Mặt trận Tổ quốc Việt Nam phường và các tổ chức chính trị - xã hội | tháng 12/2026 - tháng 01/2027 | |
| 2. | Báo cáo kết quả thực hiện | Phòng Văn hóa - Xã hội | Trước 15/12 hằng năm | Gửi UBND thành phố |

Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Nam
"""


@pytest.mark.parametrize("plan", forms(PHUONG), ids=["nfc", "nfd"])
def test_one_unit_column_where_the_lead_cooperates_with_bare_partners(plan):
    office = find(plan, "quản lý văn bản và điều hành")
    assert units_of(office, "lead") == {"van phong hdnd va ubnd phuong"}
    assert units_of(office, "support") == {"cac phong, don vi thuoc ubnd phuong"}
    skills = find(plan, "Tổ công nghệ số cộng đồng")
    assert units_of(skills, "lead") == {"phong van hoa - xa hoi"}
    assert units_of(skills, "support") == {"uy ban mat tran to quoc viet nam phuong",
                                           "cac to chuc chinh tri - xa hoi"}
    residents = find(plan, "dữ liệu dân cư")
    assert units_of(residents, "lead") == {"cong an phuong"}
    assert units_of(residents, "support") == {"cac to dan pho",
                                              "trung tam phuc vu hanh chinh cong phuong"}


@pytest.mark.parametrize("plan", forms(PHUONG), ids=["nfc", "nfd"])
def test_a_span_of_months_falls_due_in_its_last(plan):
    residents = find(plan, "dữ liệu dân cư").deadline
    assert residents is not None and residents.date == "2026-10"
    skills = find(plan, "Tổ công nghệ số cộng đồng").deadline
    assert skills is not None
    assert (skills.start_year, skills.end_year, skills.date) == (2026, 2027, "2027-01")


# --- 9. A table grouped by unit: group rows name the bodies, the rows only their duties -------------

CA_MAU = """ỦY BAN NHÂN DÂN
TỈNH CÀ MAU
Số: 35/KH-UBND
Cà Mau, ngày 15 tháng 01 năm 2026

KẾ HOẠCH
Thực hiện Chương trình hành động của Tỉnh ủy năm 2026

II. NHIỆM VỤ CỤ THỂ
| STT | Nội dung nhiệm vụ | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|
| I | Sở Tài chính | | |
| 1 | Tham mưu bố trí kinh phí thực hiện Kế hoạch | Quý I/2026 | Quyết định giao dự toán |
| 2 | Hướng dẫn thanh quyết toán kinh phí | Trước 30/6/2026 | Văn bản hướng dẫn |
| II | Sở Nội vụ | | |
| 1 | Rà soát, sắp xếp tổ chức bộ máy | Quý IV năm 2026 | Đề án |
| III | UBND các xã, phường | | |
| 1 | Triển khai thực hiện trên địa bàn, phối hợp với Sở Nội vụ | Thường xuyên | Báo cáo |

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng UBND tỉnh
| STT | Nội dung | Thời gian | Sản phẩm |
|---|---|---|---|
| 1 | Theo dõi, đôn đốc việc thực hiện Kế hoạch | Thường xuyên | |
| 2 | Tổng hợp kết quả, báo cáo Tỉnh ủy | Trước ngày 15/12 hằng năm | Báo cáo |
2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh giám sát việc thực hiện.

Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""


@pytest.mark.parametrize("plan", forms(CA_MAU), ids=["nfc", "nfd"])
def test_group_rows_that_name_a_body_give_it_the_rows_below(plan):
    budget = find(plan, "bố trí kinh phí")
    assert units_of(budget, "lead") == {"so tai chinh"}
    assert units_of(find(plan, "thanh quyết toán"), "lead") == {"so tai chinh"}
    assert units_of(find(plan, "sắp xếp tổ chức bộ máy"), "lead") == {"so noi vu"}
    local = find(plan, "Triển khai thực hiện trên địa bàn")
    assert units_of(local, "lead") == {"ubnd cac xa, phuong"}
    assert units_of(local, "support") == {"so noi vu"}
    group = by_id(plan, budget.parent)
    assert nfc(group.text) == "Sở Tài chính" and not group.units
    assert [nfc(o) for o in budget.outputs] == ["Quyết định giao dự toán"]


@pytest.mark.parametrize("plan", forms(CA_MAU), ids=["nfc", "nfd"])
def test_a_table_under_a_units_heading_is_that_units(plan):
    follow = find(plan, "Theo dõi, đôn đốc việc thực hiện")
    assert units_of(follow, "lead") == {"van phong ubnd tinh"}
    report = find(plan, "báo cáo Tỉnh ủy")
    assert units_of(report, "lead") == {"van phong ubnd tinh"}
    assert report.deadline is not None and report.deadline.date == "--12-15"


# --- 10. Each task with a two-column table of its fields, as a Word template lays it out ------------

BAC_NINH = """UBND TỈNH BẮC NINH
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 44/KH-SKHCN
Bắc Ninh, ngày 20 tháng 01 năm 2026

KẾ HOẠCH
Thực hiện nhiệm vụ sở hữu trí tuệ năm 2026

II. NHIỆM VỤ
Nhiệm vụ 1: Hỗ trợ đăng ký bảo hộ nhãn hiệu cho sản phẩm OCOP
| Đơn vị chủ trì | Phòng Quản lý công nghệ và Sở hữu trí tuệ |
| Đơn vị phối hợp | Sở Nông nghiệp và Môi trường; UBND các xã, phường |
| Thời gian thực hiện | Quý III năm 2026 |
| Sản phẩm | 10 nhãn hiệu được bảo hộ |
Nhiệm vụ 2: Tuyên truyền, phổ biến pháp luật về sở hữu trí tuệ
| Nội dung | Đăng tải tin, bài trên Cổng thông tin điện tử của Sở; in tờ gấp phát cho doanh nghiệp |
| Đơn vị chủ trì | Văn phòng Sở |
| Đơn vị phối hợp | Các phòng, đơn vị thuộc Sở |
| Thời gian thực hiện | Thường xuyên |
Nhiệm vụ 3: Kiểm tra việc sử dụng chỉ dẫn địa lý
| Nội dung | Thời gian |
|---|---|
| Kiểm tra tại các cơ sở sản xuất | Quý IV/2026 |

Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Trần Văn B
"""


@pytest.mark.parametrize("plan", forms(BAC_NINH), ids=["nfc", "nfd"])
def test_two_cell_rows_under_a_task_are_its_labelled_lines(plan):
    brands = find(plan, "bảo hộ nhãn hiệu")
    assert units_of(brands, "lead") == {"phong quan ly cong nghe va so huu tri tue"}
    assert units_of(brands, "support") == {"so nong nghiep va moi truong", "ubnd cac xa, phuong"}
    assert brands.deadline is not None and brands.deadline.date == "2026-09"
    assert [nfc(o) for o in brands.outputs] == ["10 nhãn hiệu được bảo hộ"]
    # The fields are the task's own, not rows of a table of tasks.
    assert not [t for t in plan.tasks if t.parent == brands.id]


@pytest.mark.parametrize("plan", forms(BAC_NINH), ids=["nfc", "nfd"])
def test_a_content_row_above_the_fields_is_the_tasks_step(plan):
    media = find(plan, "phổ biến pháp luật về sở hữu trí tuệ")
    assert [nfc(s) for s in media.steps] == [
        "Đăng tải tin, bài trên Cổng thông tin điện tử của Sở; in tờ gấp phát cho doanh nghiệp"]
    assert units_of(media, "lead") == {"van phong so"}
    assert units_of(media, "support") == {"cac phong, don vi thuoc so"}
    assert not [t for t in plan.tasks if t.parent == media.id]
    # A table whose header names its columns stays a table of tasks.
    visit = find(plan, "Kiểm tra tại các cơ sở sản xuất")
    assert nfc(by_id(plan, visit.parent).text) == "Kiểm tra việc sử dụng chỉ dẫn địa lý"
    assert visit.deadline is not None and visit.deadline.date == "2026-12"


# --- Times written as a list of months, in a cell and in prose --------------------------------------

@pytest.mark.parametrize("text, date", [
    ("tháng 9 - 10/2026", "2026-10"),
    ("Tháng 9-10/2026", "2026-10"),
    ("tháng 9, 10/2026", "2026-10"),
    ("tháng 11 - 12 năm 2026", "2026-12"),
    ("tháng 9 và tháng 10 năm 2026", "2026-10"),
    ("Tháng 10/2026", "2026-10"),
    ("Tháng 9/2026 - Tháng 10/2026", "2026-10"),
    ("từ tháng 3/2026 đến tháng 5/2026", "2026-05"),
    # two times, not a span: due by the last, as "Quý I, II năm 2024" is
    ("Tháng 6/2026 và tháng 12/2026", "2026-12"),
])
def test_months_listed_before_their_year_are_due_by_the_last(text, date):
    found = read_deadline(unicodedata.normalize("NFD", text))
    assert found is not None and (found.date, found.end_year) == (date, 2026)


@pytest.mark.parametrize("sentence, text", [
    ("Tổ chức hội thi trong tháng 9 - 10/2026 tại các xã.", "trong tháng 9 - 10/2026"),
    ("Tổ chức hội thi vào tháng 9, tháng 10 năm 2026.", "vào tháng 9, tháng 10 năm 2026"),
])
def test_months_listed_in_prose_are_the_duties_time(sentence, text):
    for form in ("NFC", "NFD"):
        found = find_deadline(unicodedata.normalize(form, sentence))
        assert found is not None and nfc(found.text) == text and found.date[:4] == "2026"


@pytest.mark.parametrize("text, recurrence, date", [
    ("Tháng 3, 6, 9, 12 hằng năm", "quarterly", "--03"),
    ("Tháng 6 và tháng 12 hằng năm", "half-yearly", "--06"),
    ("Trước ngày 15 tháng 6 và tháng 12 hằng năm", "half-yearly", "--06-15"),
    ("tháng 9 - 10 hằng năm", "yearly", "--10"),
    ("Tháng 12 hằng năm", "yearly", "--12"),
])
def test_months_of_every_year_say_how_often(text, recurrence, date):
    for form in ("NFC", "NFD"):
        found = read_deadline(unicodedata.normalize(form, text))
        assert found is not None and (found.recurrence, found.date) == (recurrence, date)


def test_months_of_every_year_in_prose():
    sentence = "Các xã báo cáo kết quả về Phòng Kinh tế trong tháng 6 và tháng 12 hằng năm."
    for form in ("NFC", "NFD"):
        found = find_deadline(unicodedata.normalize(form, sentence))
        assert found is not None and found.recurrence == "half-yearly"
        assert nfc(found.text) == "trong tháng 6 và tháng 12 hằng năm"


@pytest.mark.parametrize("text", [PHU_LUC, PHU_LUC_PIPES, PHU_LUC_TABS, DAC_KHU, SO_PHONG,
                                  SO_NOI_VU, XA_HTX, SO_NGHE_AN, SO_GIA_LAI, PHUONG, CA_MAU,
                                  BAC_NINH],
                         ids=["phu_luc", "pipes", "tabs", "dac_khu", "so_phong", "so_noi_vu",
                              "xa_htx", "so_nghe_an", "so_gia_lai", "phuong", "ca_mau",
                              "bac_ninh"])
def test_same_reading_in_any_form(text):
    assert_same_reading_in_any_form(text)

# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Deadlines that leave their year to the plan, duties that start on a day, and times that name
no day at all, read as an analyst reads them.

A sitting of the People's Council written without its year ("Trước kỳ họp cuối năm", "Trước kỳ
họp giữa năm", "Kỳ họp thường lệ cuối năm") is the sitting of the plan's year, in a table's time
cell as in prose: before it is due by that year, at the year-end sitting in its December. A duty
kept "đến hết năm 2030" (a cell "Đến hết năm 2030", prose "thực hiện đến hết năm 2030") runs
from the plan's year to 2030, so ``due`` lists it in every year between, not only in 2030. The
plan's year is the one its title names, or else the year it was issued.

"Từ ngày 01/7/2026", "Kể từ ngày 01/7/2026" and "Bắt đầu từ tháng 7/2026" say when a duty starts,
not when it is due: they are read as "Từ quý II/2026" and "Bắt đầu từ năm 2025" already are, from
that year on with no due date and no recurrence the text does not name (``due`` lists such a duty
in every period from its year, as the open spans it documents). A law's effect ("có hiệu lực từ
ngày …") starts no duty.

Times already read and kept: "Hằng năm, trước ngày 15/12" (yearly on 15 December, now in prose
too), "Quý I hằng năm" (yearly in March), "Định kỳ 6 tháng, năm" (half-yearly), "2026-2030",
"Năm 2026, các năm tiếp theo thực hiện thường xuyên" (ongoing from 2026, in prose too), and times
that name no day ("Trong thời gian diễn ra Đại hội", "Sau khi Đề án được phê duyệt"), which get
no date and are listed in no period.

Our own writing in the administrative style: a department's appendix table (Gia Lai, Sở Khoa học
và Công nghệ, a plan of 2026), a commune's plan giving its times in prose (xã Hòa Hội, Tây Ninh),
and a department's plan for a period, whose year is the year it was issued (Lạng Sơn).
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.graph.build import build_graph
from policykg.loaders.deadlines import find_deadline, in_plans_year, read_deadline
from policykg.loaders.model import Plan
from policykg.ontology.normalize import nfc
from policykg.queries import due
from tests.layouts import assert_same_reading_in_any_form, find, forms, parse, units_of

FORMS = ("NFC", "NFD")



def reading(plan: Plan, words: str) -> tuple | None:
    """(deadline as written, start year, end year, date, recurrence) of the task holding
    ``words``, or None when it has no deadline."""
    d = find(plan, words).deadline
    return None if d is None else (nfc(d.text), d.start_year, d.end_year, d.date, d.recurrence)


# --- 1. A department's appendix table --------------------------------------------------------------

SO_KHCN = """ỦY BAN NHÂN DÂN TỈNH GIA LAI
SỞ KHOA HỌC VÀ CÔNG NGHỆ

Số: 112/KH-SKHCN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Gia Lai, ngày 20 tháng 01 năm 2026

KẾ HOẠCH
Thực hiện nhiệm vụ khoa học, công nghệ và đổi mới sáng tạo năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Triển khai đồng bộ, hiệu quả các nhiệm vụ của ngành trong năm 2026.

II. NHIỆM VỤ CỤ THỂ
(Chi tiết tại Phụ lục kèm theo)

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị trực thuộc Sở căn cứ nhiệm vụ được giao triển khai thực hiện.

PHỤ LỤC
DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH
| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Tham mưu dự thảo Nghị quyết quy định chính sách hỗ trợ doanh nghiệp đổi mới công nghệ | Phòng Quản lý khoa học | Văn phòng Sở | Trước kỳ họp cuối năm |
| 2 | Tham mưu báo cáo kết quả thực hiện chính sách hỗ trợ khởi nghiệp | Phòng Quản lý công nghệ và Đổi mới sáng tạo | | Trước kỳ họp giữa năm |
| 3 | Tham mưu trình danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh | Phòng Quản lý khoa học | Phòng Kế hoạch - Tài chính | Kỳ họp thường lệ cuối năm |
| 4 | Vận hành Cổng thông tin đổi mới sáng tạo của tỉnh | Trung tâm Ứng dụng khoa học và công nghệ | Văn phòng Sở | Từ ngày 01/7/2026 |
| 5 | Áp dụng quy trình xử lý hồ sơ trực tuyến toàn trình | Văn phòng Sở | | Kể từ ngày 01/7/2026 |
| 6 | Cập nhật cơ sở dữ liệu chuyên gia khoa học và công nghệ | Trung tâm Ứng dụng khoa học và công nghệ | | Bắt đầu từ tháng 7/2026 |
| 7 | Duy trì hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 | Chi cục Tiêu chuẩn Đo lường Chất lượng | | Đến hết năm 2030 |
| 8 | Tổng hợp, báo cáo kết quả thực hiện Kế hoạch | Văn phòng Sở | Các phòng, đơn vị trực thuộc Sở | Hằng năm, trước ngày 15/12 |
| 9 | Kiểm tra đo lường đối với hàng đóng gói sẵn | Chi cục Tiêu chuẩn Đo lường Chất lượng | Công an tỉnh | Quý I hằng năm |
| 10 | Báo cáo tình hình thực hiện Nghị quyết số 57-NQ/TW | Văn phòng Sở | | Định kỳ 6 tháng, năm |
| 11 | Tuyên truyền, cổ động chào mừng Đại hội | Văn phòng Sở | Phòng Quản lý khoa học | Trong thời gian diễn ra Đại hội |
| 12 | Tổ chức triển khai Đề án phát triển thị trường khoa học và công nghệ | Phòng Quản lý công nghệ và Đổi mới sáng tạo | | Sau khi Đề án được phê duyệt |
| 13 | Hỗ trợ doanh nghiệp xác lập quyền sở hữu trí tuệ | Phòng Quản lý công nghệ và Đổi mới sáng tạo | Sở Công Thương | 2026-2030 |
| 14 | Đào tạo, bồi dưỡng nguồn nhân lực đổi mới sáng tạo | Văn phòng Sở | | Năm 2026, các năm tiếp theo thực hiện thường xuyên |

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, VP.
GIÁM ĐỐC
Nguyễn Văn An
"""

# Words of each task → (cell as written, start year, end year, date, recurrence).
_CELLS = {
    # sittings of the plan's year (2026)
    "hỗ trợ doanh nghiệp đổi mới công nghệ": ("Trước kỳ họp cuối năm", None, 2026, None, None),
    "hỗ trợ khởi nghiệp": ("Trước kỳ họp giữa năm", None, 2026, None, None),
    "danh mục nhiệm vụ": ("Kỳ họp thường lệ cuối năm", 2026, 2026, "2026-12", None),
    # a start, not a due date
    "Cổng thông tin": ("Từ ngày 01/7/2026", 2026, None, None, None),
    "toàn trình": ("Kể từ ngày 01/7/2026", 2026, None, None, None),
    "chuyên gia": ("Bắt đầu từ tháng 7/2026", 2026, None, None, None),
    # kept from the plan's year
    "ISO 9001": ("Đến hết năm 2030", 2026, 2030, None, None),
    # recurring
    "kết quả thực hiện Kế hoạch": ("Hằng năm, trước ngày 15/12", None, None, "--12-15", "yearly"),
    "hàng đóng gói sẵn": ("Quý I hằng năm", None, None, "--03", "yearly"),
    "57-NQ/TW": ("Định kỳ 6 tháng, năm", None, None, None, "half-yearly"),
    # no day named: none invented
    "chào mừng Đại hội": ("Trong thời gian diễn ra Đại hội", None, None, None, None),
    "thị trường khoa học": ("Sau khi Đề án được phê duyệt", None, None, None, None),
    # a span, and a first year kept up after
    "sở hữu trí tuệ": ("2026-2030", 2026, 2030, None, None),
    "nguồn nhân lực": ("Năm 2026, các năm tiếp theo thực hiện thường xuyên", 2026, None, None, "ongoing"),
}


@pytest.mark.parametrize("plan", forms(SO_KHCN, "gia-lai_kh112-skhcn.txt"), ids=FORMS)
def test_every_time_cell_of_the_table(plan):
    assert {words: reading(plan, words) for words in _CELLS} == _CELLS
    assert (plan.province, plan.number) == ("Gia Lai", "112/KH-SKHCN")


@pytest.mark.parametrize("plan", forms(SO_KHCN, "gia-lai_kh112-skhcn.txt"), ids=FORMS)
def test_who_leads_and_partners(plan):
    sitting = find(plan, "danh mục nhiệm vụ")
    assert units_of(sitting, "lead") == {"phong quan ly khoa hoc"}
    assert units_of(sitting, "support") == {"phong ke hoach – tai chinh"}
    portal = find(plan, "Cổng thông tin")
    assert units_of(portal, "lead") == {"trung tam ung dung khoa hoc va cong nghe"}
    assert units_of(portal, "support") == {"van phong so"}
    packed = find(plan, "hàng đóng gói sẵn")
    assert units_of(packed, "lead") == {"chi cuc tieu chuan do luong chat luong"}
    assert units_of(packed, "support") == {"cong an tinh"}


# --- 2. A commune's plan: the same times in prose ---------------------------------------------------

XA = """ỦY BAN NHÂN DÂN
XÃ HÒA HỘI

Số: 15/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hòa Hội, ngày 03 tháng 02 năm 2026

KẾ HOẠCH
Thực hiện chuyển đổi số và cải cách hành chính năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng phục vụ người dân, doanh nghiệp trên địa bàn xã.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Phòng Kinh tế chủ trì, phối hợp với Văn phòng HĐND và UBND xã xây dựng Đề án phát triển chợ nông thôn, trình trước kỳ họp cuối năm.
2. Phòng Văn hóa - Xã hội tham mưu báo cáo kết quả thực hiện chính sách giảm nghèo trước kỳ họp giữa năm.
3. Trung tâm Phục vụ hành chính công xã vận hành Hệ thống thông tin giải quyết thủ tục hành chính từ ngày 01/7/2026.
4. Văn phòng HĐND và UBND xã áp dụng chữ ký số trong xử lý văn bản kể từ ngày 01/7/2026.
5. Công an xã cập nhật dữ liệu dân cư trên địa bàn, bắt đầu từ tháng 7/2026.
6. Trạm Y tế xã duy trì quản lý hồ sơ sức khỏe điện tử, thực hiện đến hết năm 2030.
7. Văn phòng HĐND và UBND xã tổng hợp, báo cáo kết quả thực hiện Kế hoạch hằng năm, trước ngày 15/12.
8. Phòng Kinh tế kiểm tra an toàn thực phẩm trong quý I hằng năm.
9. Phòng Văn hóa - Xã hội tuyên truyền, cổ động trong thời gian diễn ra Đại hội.
10. Phòng Kinh tế tổ chức triển khai Đề án phát triển kinh tế ban đêm sau khi Đề án được phê duyệt.
11. Phòng Văn hóa - Xã hội bồi dưỡng kỹ năng số cho cán bộ, thực hiện trong năm 2026, các năm tiếp theo thực hiện thường xuyên.
12. Phòng Kinh tế hướng dẫn hộ kinh doanh thực hiện Luật Thuế giá trị gia tăng có hiệu lực từ ngày 01/7/2025.

III. TỔ CHỨC THỰC HIỆN
Văn phòng HĐND và UBND xã theo dõi, đôn đốc việc thực hiện Kế hoạch.

Nơi nhận:
- UBND tỉnh Tây Ninh (b/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Hùng
"""

# Words of each duty → (deadline as written, start year, end year, date, recurrence).
_SENTENCES = {
    "chợ nông thôn": ("trước kỳ họp cuối năm", None, 2026, None, None),
    "chính sách giảm nghèo": ("trước kỳ họp giữa năm", None, 2026, None, None),
    "giải quyết thủ tục hành chính": ("từ ngày 01/7/2026", 2026, None, None, None),
    "chữ ký số": ("kể từ ngày 01/7/2026", 2026, None, None, None),
    "dữ liệu dân cư": ("bắt đầu từ tháng 7/2026", 2026, None, None, None),
    "sức khỏe điện tử": ("thực hiện đến hết năm 2030", 2026, 2030, None, None),
    "kết quả thực hiện Kế hoạch": ("hằng năm, trước ngày 15/12", None, None, "--12-15", "yearly"),
    "an toàn thực phẩm": ("trong quý I hằng năm", None, None, "--03", "yearly"),
    "kỹ năng số": ("thực hiện trong năm 2026, các năm tiếp theo thực hiện thường xuyên",
                   2026, None, None, "ongoing"),
}


@pytest.mark.parametrize("plan", forms(XA, "tay-ninh_hoa-hoi_kh15.txt"), ids=FORMS)
def test_the_communes_times_in_prose(plan):
    assert {words: reading(plan, words) for words in _SENTENCES} == _SENTENCES
    # no day is named: none is invented
    assert reading(plan, "cổ động") is None
    assert reading(plan, "kinh tế ban đêm") is None
    # a law's effect is not when the duty starts
    assert reading(plan, "Thuế giá trị gia tăng") is None
    assert units_of(find(plan, "chợ nông thôn"), "lead") == {"phong kinh te"}
    assert units_of(find(plan, "chữ ký số"), "lead") == {"van phong hdnd va ubnd xa"}


# --- 3. A plan for a period: its year is the year it was issued -----------------------------------

SO_LS = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG

Số: 48/KH-SNNMT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Lạng Sơn, ngày 10 tháng 3 năm 2027

KẾ HOẠCH
Phát triển nông nghiệp hữu cơ giai đoạn 2027 - 2030

I. MỤC ĐÍCH, YÊU CẦU
Phát triển sản xuất nông nghiệp hữu cơ gắn với chuỗi giá trị.

II. NHIỆM VỤ
Nhiệm vụ 1: Duy trì mã số vùng trồng
- Bộ phận chủ trì tham mưu: Chi cục Trồng trọt và Bảo vệ thực vật.
- Đơn vị phối hợp: Trung tâm Khuyến nông.
- Thời gian thực hiện: Đến hết năm 2030.
Nhiệm vụ 2: Tham mưu chính sách hỗ trợ sản xuất hữu cơ
- Bộ phận chủ trì tham mưu: Phòng Kế hoạch - Tài chính.
- Thời gian thực hiện: Trước kỳ họp cuối năm.

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở triển khai thực hiện.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Hoàng Văn Bình
"""


@pytest.mark.parametrize("plan", forms(SO_LS, "lang-son_kh48-snnmt.txt"), ids=FORMS)
def test_a_period_plan_reads_in_the_year_it_was_issued(plan):
    assert reading(plan, "mã số vùng trồng") == ("Đến hết năm 2030", 2027, 2030, None, None)
    assert reading(plan, "sản xuất hữu cơ") == ("Trước kỳ họp cuối năm", None, 2027, None, None)
    assert units_of(find(plan, "mã số vùng trồng"), "support") == {"trung tam khuyen nong"}


@pytest.mark.parametrize("text", [SO_KHCN, XA, SO_LS], ids=["so_khcn", "xa", "so_ls"])
def test_same_reading_in_any_form(text):
    assert_same_reading_in_any_form(text)


# --- 4. What ``due`` lists ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def graph():
    return build_graph([parse(SO_KHCN, "gia-lai_kh112-skhcn.txt"),
                        parse(XA, "tay-ninh_hoa-hoi_kh15.txt"),
                        parse(SO_LS, "lang-son_kh48-snnmt.txt")])


def buckets(graph, period: str, words: str) -> set[str]:
    """The sections of ``due`` for ``period`` listing the one task holding ``words``."""
    found = set()
    for bucket in ("dated", "yearly", "ongoing"):
        hits = [h for h in getattr(due(graph, period), bucket) if words in nfc(h.text)]
        assert len(hits) <= 1, words
        found |= {bucket} if hits else set()
    return found


@pytest.mark.parametrize("words", ["hỗ trợ doanh nghiệp đổi mới công nghệ", "chợ nông thôn"])
def test_a_sitting_is_due_in_the_plans_year(graph, words):
    assert buckets(graph, "2026", words) == {"dated"}
    assert buckets(graph, "2027", words) == set()


def test_the_year_end_sitting_falls_in_december(graph):
    assert buckets(graph, "2026-12", "danh mục nhiệm vụ") == {"dated"}
    assert buckets(graph, "2026-06", "danh mục nhiệm vụ") == set()


@pytest.mark.parametrize("words", [
    "Cổng thông tin", "toàn trình", "chuyên gia", "giải quyết thủ tục hành chính", "chữ ký số",
    "dữ liệu dân cư"])
def test_a_duty_from_a_day_on_is_listed_from_its_year_on(graph, words):
    # not only in July 2026, when it starts
    assert buckets(graph, "2026-07", words) == {"dated"}
    assert buckets(graph, "2027-Q2", words) == {"dated"}
    assert buckets(graph, "2029", words) == {"dated"}
    assert buckets(graph, "2025", words) == set()


@pytest.mark.parametrize("words", ["ISO 9001", "sức khỏe điện tử"])
def test_a_duty_until_the_end_of_2030_runs_from_the_plans_year(graph, words):
    for period in ("2026", "2028-Q3", "2030"):
        assert buckets(graph, period, words) == {"dated"}, period
    assert buckets(graph, "2025", words) == set()
    assert buckets(graph, "2031", words) == set()


def test_a_period_plans_duty_until_2030_runs_from_its_issue(graph):
    assert buckets(graph, "2027", "mã số vùng trồng") == {"dated"}
    assert buckets(graph, "2026", "mã số vùng trồng") == set()


@pytest.mark.parametrize("words", ["kết quả thực hiện Kế hoạch"])
def test_a_yearly_report_day_recurs_in_december(graph, words):
    hits = [h for h in due(graph, "2027-12").yearly if words in nfc(h.text)]
    assert len(hits) == 2  # the department's table and the commune's prose
    assert not [h for h in due(graph, "2027-11").yearly if words in nfc(h.text)]


def test_parts_of_every_year(graph):
    assert buckets(graph, "2027-Q1", "hàng đóng gói sẵn") == {"yearly"}
    assert buckets(graph, "2027-Q2", "hàng đóng gói sẵn") == set()
    assert buckets(graph, "2027-03", "an toàn thực phẩm") == {"yearly"}
    assert buckets(graph, "2027-04", "an toàn thực phẩm") == set()
    assert buckets(graph, "2026-Q2", "57-NQ/TW") == {"yearly"}


def test_a_span_and_a_duty_kept_up(graph):
    assert buckets(graph, "2030", "sở hữu trí tuệ") == {"dated"}
    assert buckets(graph, "2031", "sở hữu trí tuệ") == set()
    for words in ("nguồn nhân lực", "kỹ năng số"):
        assert buckets(graph, "2029-Q4", words) == {"ongoing"}
        assert buckets(graph, "2025", words) == set()


@pytest.mark.parametrize("period", ["2026", "2026-07", "2027-Q1", "2030"])
def test_times_naming_no_day_are_listed_nowhere(graph, period):
    for words in ("chào mừng Đại hội", "thị trường khoa học", "cổ động trong", "kinh tế ban đêm"):
        assert buckets(graph, period, words) == set(), words


def test_a_store_lists_what_the_graph_lists(tmp_path):
    from policykg.graph.store import open_store

    folder = tmp_path / "plans"
    folder.mkdir()
    for name, text in (("gia-lai_kh112-skhcn.txt", SO_KHCN), ("tay-ninh_hoa-hoi_kh15.txt", XA),
                       ("lang-son_kh48-snnmt.txt", SO_LS)):
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(tmp_path / "kg.db")
    store.ingest([folder])
    graph = store.graph()
    for period in ("2026", "2026-07", "2026-12", "2027-Q1", "2029", "2031"):
        assert due(open_store(store.path), period).to_dict() == due(graph, period).to_dict()
    assert buckets(open_store(store.path), "2028", "sức khỏe điện tử") == {"dated"}


# --- 5. Cells and sentences read alone -------------------------------------------------------------

def reads(text: str, year: int | None = None) -> tuple:
    """(start year, end year, date, recurrence) of ``text`` (read in ``year``, the plan's, when
    given) in NFC and NFD, which must agree."""
    got = []
    for form in FORMS:
        found = read_deadline(unicodedata.normalize(form, text))
        found = in_plans_year(found, year)
        got.append((found.start_year, found.end_year, found.date, found.recurrence))
    assert got[0] == got[1], text
    return got[0]


@pytest.mark.parametrize("text, expected", [
    ("Trước kỳ họp cuối năm", (None, 2026, None, None)),
    ("Trước kỳ họp HĐND tỉnh cuối năm", (None, 2026, None, None)),
    ("Tại kỳ họp thường lệ cuối năm", (2026, 2026, "2026-12", None)),
    ("Đến hết năm 2030", (2026, 2030, None, None)),
    # a year written stays as written
    ("Trước kỳ họp cuối năm 2027", (None, 2027, None, None)),
    # an end in or before the plan's year is no span: due by it
    ("Đến hết năm 2026", (None, 2026, None, None)),
    ("Đến hết năm 2025", (None, 2025, None, None)),
    # a horizon without "hết", and a finish by the end of a year, are due by it
    ("Hoàn thành trước hết năm 2030", (None, 2030, None, None)),
])
def test_cells_read_in_the_plans_year(text, expected):
    assert reads(text, 2026) == expected


def test_without_a_plans_year_nothing_is_added():
    assert reads("Trước kỳ họp cuối năm") == (None, None, None, None)
    assert reads("Đến hết năm 2030") == (None, 2030, None, None)


@pytest.mark.parametrize("text, expected", [
    ("Từ ngày 01/7/2026", (2026, None, None, None)),
    ("Kể từ ngày 01/7/2026", (2026, None, None, None)),
    ("Bắt đầu từ tháng 7/2026", (2026, None, None, None)),
    ("Từ tháng 7/2026, thường xuyên", (2026, None, None, "ongoing")),
    # a span from a day is due by its last day
    ("Từ ngày 01/7/2026 đến ngày 31/12/2026", (2026, 2026, "2026-12-31", None)),
    ("Hằng năm, trước ngày 15/12", (None, None, "--12-15", "yearly")),
    ("Quý I hằng năm", (None, None, "--03", "yearly")),
    ("Định kỳ 6 tháng, năm", (None, None, None, "half-yearly")),
    ("2026-2030", (2026, 2030, None, None)),
    ("Trong thời gian diễn ra Đại hội", (None, None, None, None)),
    ("Sau khi Đề án được phê duyệt", (None, None, None, None)),
])
def test_cells(text, expected):
    assert reads(text) == expected


@pytest.mark.parametrize("sentence, text, expected", [
    ("Sở Tư pháp thẩm định dự thảo Nghị quyết, trình trước kỳ họp cuối năm.",
     "trước kỳ họp cuối năm", (None, None, None, None)),
    ("Văn phòng Sở vận hành phần mềm quản lý văn bản từ ngày 01/7/2026.",
     "từ ngày 01/7/2026", (2026, None, None, None)),
    ("Gửi báo cáo về Văn phòng Sở hằng năm, trước ngày 15/12.",
     "hằng năm, trước ngày 15/12", (None, None, "--12-15", "yearly")),
])
def test_sentences(sentence, text, expected):
    for form in FORMS:
        found = find_deadline(unicodedata.normalize(form, sentence))
        assert found is not None, form
        assert nfc(found.text) == text
        assert (found.start_year, found.end_year, found.date, found.recurrence) == expected


@pytest.mark.parametrize("sentence", [
    "Hướng dẫn thực hiện Luật Khoa học, Công nghệ và Đổi mới sáng tạo có hiệu lực từ ngày 01/10/2025.",
    "Tuyên truyền, cổ động trong thời gian diễn ra Đại hội.",
    "Tổ chức triển khai Đề án sau khi Đề án được phê duyệt.",
])
def test_no_deadline_in(sentence):
    for form in FORMS:
        assert find_deadline(unicodedata.normalize(form, sentence)) is None

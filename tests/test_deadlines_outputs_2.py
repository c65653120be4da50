# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Deadlines, outputs and numeric targets as plans of provinces we have not read write them.

Two times in one deadline ("Tháng 6/2026 và tháng 12/2026", "Quý II và Quý IV năm 2026",
"30/6/2026 và 31/12/2026") fall due by the last, as "Quý I, II năm 2024" does: the deadline
spans the year and ``due 2026-12`` finds the task; a duty recurring on several days ("30/6 và
31/12 hằng năm") recurs instead. Days written with dots or dashes ("30.6.2026", "30-6-2026")
are days, and so are months named in words ("ngày 10 tháng Giêng năm 2027"); a year written
in two digits ("Quý IV/26") is left unread rather than guessed, and not read in the plan's year
either. A dated report called "định kỳ" falls due on its day.
Targets count their noun, not the verb after it ("20 doanh nghiệp xây dựng thương hiệu"),
read ranges from their first number ("từ 3 - 5 sản phẩm") and decimal commas ("1,5% GRDP").

Our own writing in the administrative style: a province department's appendix table (Lai
Châu, Sở Công Thương) with a time and a product column, and a ward's plan (Đồng Nai) giving
its times in prose.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.deadlines import find_deadline, read_deadline, read_deadline_in, read_targets
from policykg.ontology.normalize import nfc
from policykg.queries import due
from tests.layouts import assert_same_reading_in_any_form, find, forms, parse, units_of

FORMS = ("NFC", "NFD")



def reads(text: str) -> tuple:
    """(start year, end year, date, recurrence) of ``text`` read in NFC and in NFD (which
    must agree)."""
    found = [read_deadline(unicodedata.normalize(f, text)) for f in FORMS]
    got = [(d.start_year, d.end_year, d.date, d.recurrence) for d in found]
    assert got[0] == got[1], text
    assert nfc(found[1].text) == found[0].text == text.strip(" .")
    return got[0]


# --- 1. Deadline cells ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end, date", [
    # two times listed: the deadline spans them and falls due by the last
    ("Tháng 6/2026, tháng 12/2026", 2026, 2026, "2026-12"),
    ("Tháng 12/2026 và tháng 6/2027", 2026, 2027, "2027-06"),
    ("ngày 30/6/2026 và ngày 31/12/2026", 2026, 2026, "2026-12-31"),
    ("30/6 và 31/12/2026", 2026, 2026, "2026-12-31"),
    ("Trước ngày 30/6/2026 và 31/12/2026", 2026, 2026, "2026-12-31"),
    ("Quý IV/2026 và Quý II/2027", 2026, 2027, "2027-06"),
])
def test_two_times_fall_due_by_the_last(text, start, end, date):
    assert reads(text) == (start, end, date, None)


@pytest.mark.parametrize("text", [
    "Trước 30/6/2026 (theo Công văn số 15/BCT-KH ngày 10/5/2026)",
    "Theo Kế hoạch số 12/KH-UBND ngày 10/3/2026, hoàn thành trước 30/6/2026",
    "Theo Kế hoạch số 12/KH-UBND ngày 10 tháng 3 năm 2026, hoàn thành trước 30/6/2026",
])
def test_the_day_a_cited_document_was_signed_is_no_deadline(text):
    assert reads(text) == (None, 2026, "2026-06-30", None)


@pytest.mark.parametrize("text, start, end, date", [
    ("30.6.2026", 2026, 2026, "2026-06-30"),
    ("30-6-2026", 2026, 2026, "2026-06-30"),
    ("trước ngày 31.12.2026", None, 2026, "2026-12-31"),
    ("Hoàn thành trước ngày 5-11-2026", None, 2026, "2026-11-05"),
    # a dash between months is a list of months, not a day
    ("Tháng 10-12/2026", 2026, 2026, "2026-12"),
])
def test_days_written_with_dots_or_dashes(text, start, end, date):
    assert reads(text) == (start, end, date, None)


@pytest.mark.parametrize("text, start, end, date, recurrence", [
    ("trước ngày 15 tháng Mười hai năm 2026", None, 2026, "2026-12-15", None),
    ("Trước ngày 10 tháng Giêng năm 2027", None, 2027, "2027-01-10", None),
    ("Tháng Chạp năm 2026", 2026, 2026, "2026-12", None),
    ("Tháng Mười một/2026", 2026, 2026, "2026-11", None),
    ("tháng Năm năm 2026", 2026, 2026, "2026-05", None),
    ("tháng Tư hằng năm", None, None, "--04", "yearly"),
    # "tháng một lần" is how often, not January
    ("6 tháng một lần", None, None, None, "half-yearly"),
])
def test_months_named_in_words(text, start, end, date, recurrence):
    assert reads(text) == (start, end, date, recurrence)


@pytest.mark.parametrize("text", ["Quý IV/26", "Q1/26", "tháng 6/26", "15/12/26"])
def test_a_two_digit_year_is_left_unread(text):
    assert reads(text) == (None, None, None, None)
    for form in FORMS:
        found = read_deadline_in(unicodedata.normalize(form, text), 2025)
        assert (found.start_year, found.end_year, found.date) == (None, None, None)


def test_a_day_without_its_year_is_read_in_the_plans_year():
    assert read_deadline_in("30/6", 2026).date == "2026-06-30"
    assert read_deadline_in("30/6 và 31/12", 2026).date == "2026-12-31"
    # a day of every year stays one
    found = read_deadline_in("trước ngày 30/11 hằng năm", 2026)
    assert (found.date, found.recurrence) == ("--11-30", "yearly")


@pytest.mark.parametrize("text, recurrence, date", [
    ("Trước 31/12/2026 (báo cáo định kỳ)", None, "2026-12-31"),
    ("Định kỳ, chậm nhất ngày 15/12/2026", None, "2026-12-15"),
    # ongoing whatever day it names, and "định kỳ" alone says no day
    ("Thường xuyên; trước 31/12/2026", "ongoing", "2026-12-31"),
    ("Báo cáo định kỳ", "ongoing", None),
])
def test_a_periodic_report_with_its_day_falls_due_on_it(text, recurrence, date):
    _, end, got_date, got_recurrence = reads(text)
    assert (got_recurrence, got_date) == (recurrence, date)


# --- 2. Times in prose ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, text, start, end, date", [
    ("Sở Tư pháp tổng hợp, báo cáo UBND tỉnh chậm nhất ngày 20/11/2026.",
     "chậm nhất ngày 20/11/2026", None, 2026, "2026-11-20"),
    ("Phòng Tư pháp báo cáo Chủ tịch UBND xã trước ngày 15 tháng 12 năm 2026.",
     "trước ngày 15 tháng 12 năm 2026", None, 2026, "2026-12-15"),
    ("Ban Chỉ đạo Tết tổng kết trước ngày 10 tháng Giêng năm 2027.",
     "trước ngày 10 tháng Giêng năm 2027", None, 2027, "2027-01-10"),
    ("Các tổ dân phố gửi báo cáo trước ngày 30/6/2026 và 31/12/2026.",
     "trước ngày 30/6/2026 và 31/12/2026", 2026, 2026, "2026-12-31"),
    ("Trung tâm số hóa hồ sơ lưu trữ, hoàn thành trước ngày 30.6.2026.",
     "trước ngày 30.6.2026", None, 2026, "2026-06-30"),
    ("Tổ chức sơ kết phong trào thi đua trong 6 tháng đầu năm 2026.",
     "trong 6 tháng đầu năm 2026", 2026, 2026, "2026-06"),
    ("Tổ chức khảo sát sự hài lòng vào Quý II và Quý IV năm 2026.",
     "vào Quý II và Quý IV năm 2026", 2026, 2026, "2026-12"),
    ("Công an xã cập nhật dữ liệu dân cư, thực hiện trong năm 2026 và những năm tiếp theo.",
     "thực hiện trong năm 2026 và những năm tiếp theo", 2026, None, None),
])
def test_times_in_prose(sentence, text, start, end, date):
    for form in FORMS:
        found = find_deadline(unicodedata.normalize(form, sentence))
        assert found is not None, form
        assert nfc(found.text) == text
        assert (found.start_year, found.end_year, found.date) == (start, end, date)


def test_a_two_digit_year_in_prose_is_no_deadline():
    assert find_deadline("Tổ chức đánh giá vào quý IV/26.") is None


# --- 3. Targets ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, quote, value, unit", [
    # the counted noun stops at the verb after it
    ("Hỗ trợ 15 hợp tác xã chuyển đổi số.", "15 hợp tác xã", 15, "hợp tác xã"),
    ("Hỗ trợ 20 doanh nghiệp đổi mới công nghệ.", "20 doanh nghiệp", 20, "doanh nghiệp"),
    ("Đào tạo 200 học viên sử dụng thành thạo kỹ năng số.", "200 học viên", 200, "học viên"),
    ("Hướng dẫn 100 hộ kinh doanh chuyển đổi sang doanh nghiệp.", "100 hộ kinh doanh", 100,
     "hộ kinh doanh"),
    # ... but a noun made with a verb stays whole
    ("Tiếp nhận 34 đơn đăng ký nhãn hiệu.", "34 đơn đăng ký nhãn hiệu", 34, "đơn đăng ký nhãn hiệu"),
    # a range counts from its first number
    ("Phát triển từ 3 - 5 sản phẩm OCOP mới.", "từ 3 - 5 sản phẩm OCOP", 3, "sản phẩm OCOP"),
    ("Phát triển từ 3-5 sản phẩm OCOP mới.", "từ 3-5 sản phẩm OCOP", 3, "sản phẩm OCOP"),
    ("Tổ chức 2 – 3 hội thảo khoa học.", "2 – 3 hội thảo khoa học", 2, "hội thảo khoa học"),
    ("Giảm tỷ lệ hộ nghèo từ 3 - 5%/năm.", "từ 3 - 5%/năm", 3, "%/năm"),
    ("Doanh thu tăng từ 3-5% so với năm trước.", "tăng từ 3-5%", 3, "%"),
    # a per-year count keeps its "/năm", as "%/năm" does
    ("Tổ chức tối thiểu 02 lớp tập huấn/năm.", "tối thiểu 02 lớp tập huấn/năm", 2, "lớp tập huấn/năm"),
    # decimal commas and what a share is of
    ("Tỷ trọng kinh tế số đạt 1,5% GRDP.", "đạt 1,5% GRDP", 1.5, "%"),
    ("100% cơ quan nhà nước cấp tỉnh sử dụng chữ ký số.", "100% cơ quan nhà nước", 100, "%"),
    ("Tỷ lệ hồ sơ trực tuyến đạt trên 70%.", "đạt trên 70%", 70, "%"),
    ("Phấn đấu tối thiểu 80% hồ sơ nộp trực tuyến toàn trình.", "Phấn đấu tối thiểu 80% hồ sơ",
     80, "%"),
])
def test_one_target(text, quote, value, unit):
    for form in FORMS:
        (target,) = read_targets(unicodedata.normalize(form, text))
        assert (nfc(target.text), target.value, nfc(target.unit)) == (quote, value, unit)


@pytest.mark.parametrize("text", [
    "Tổ chức 1 - 2 năm một lần.",  # a time, not a count
    "Hoàn thành trước ngày 30-6-2026.",
    "Số hóa hồ sơ trước ngày 30.6.2026.",
])
def test_no_target(text):
    assert read_targets(text) == []


# --- 4. A department's appendix table: time and product columns ---------------------------------

SO_CONG_THUONG = """ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
SỞ CÔNG THƯƠNG

Số: 58/KH-SCT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Lai Châu, ngày 20 tháng 01 năm 2026

KẾ HOẠCH
Phát triển thương mại và xúc tiến tiêu thụ sản phẩm năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Cụ thể hóa các nhiệm vụ của ngành Công Thương trong năm 2026.

II. NHIỆM VỤ CỤ THỂ
(Chi tiết tại Phụ lục kèm theo)

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở căn cứ nhiệm vụ được giao triển khai thực hiện.

PHỤ LỤC
NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH NĂM 2026
| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Tổ chức hội chợ hàng nông sản đặc trưng của tỉnh | Phòng Quản lý thương mại | Trung tâm Khuyến công và Xúc tiến thương mại | Tháng 6/2026 và tháng 12/2026 | Hỗ trợ 20 doanh nghiệp xây dựng thương hiệu |
| 2 | Đánh giá tình hình thực hiện chỉ tiêu thương mại điện tử | Phòng Kế hoạch - Tài chính | Văn phòng Sở | Quý II và Quý IV năm 2026 | Tỷ trọng thương mại điện tử đạt 1,5% GRDP |
| 3 | Báo cáo tình hình cung ứng xăng dầu trên địa bàn | Phòng Quản lý năng lượng | Phòng Quản lý thương mại | 30/6 và 31/12 hằng năm | Báo cáo định kỳ |
| 4 | Phát triển sản phẩm công nghiệp nông thôn tiêu biểu | Trung tâm Khuyến công và Xúc tiến thương mại | Phòng Quản lý công nghiệp | trước ngày 15 tháng 12 năm 2026 | Có từ 3 - 5 sản phẩm được công nhận |
| 5 | Tập huấn kỹ năng bán hàng trên sàn thương mại điện tử | Trung tâm Khuyến công và Xúc tiến thương mại | Phòng Quản lý thương mại | Giai đoạn 2026 - 2030, hằng năm | Tối thiểu 02 lớp tập huấn/năm |
| 6 | Triển khai hệ thống quản lý văn bản và điều hành | Văn phòng Sở | Các phòng, đơn vị thuộc Sở | 30.6.2026 | 100% cơ quan, đơn vị trực thuộc sử dụng văn bản điện tử |
| 7 | Cung cấp dịch vụ công trực tuyến toàn trình | Văn phòng Sở | Phòng Quản lý thương mại | 30-6-2026 | Tỷ lệ hồ sơ trực tuyến đạt trên 70% |
| 8 | Kiểm tra an toàn hóa chất tại cơ sở sản xuất | Thanh tra Sở | Phòng Quản lý công nghiệp | Trong quý III/2026 | |
| 9 | Rà soát quy hoạch mạng lưới chợ | Phòng Quản lý thương mại | | Tháng 10-12/2026 | |
| 10 | Phối hợp điều tra thống kê ngành Công Thương | Phòng Kế hoạch - Tài chính | | Theo tiến độ của Bộ | |
| 11 | Cung cấp thông tin thị trường cho doanh nghiệp | Trung tâm Khuyến công và Xúc tiến thương mại | | Khi có yêu cầu | |
| 12 | Tổng hợp báo cáo kết quả năm | Văn phòng Sở | Các phòng, đơn vị thuộc Sở | Chậm nhất ngày 20/11/2026 | |
| 13 | Báo cáo công tác phòng, chống buôn lậu | Phòng Quản lý thương mại | | Trước 31/12/2026 (báo cáo định kỳ) | |
| 14 | Duy trì mô hình chợ an toàn thực phẩm | Phòng Quản lý thương mại | | Năm 2026; các năm tiếp theo thực hiện thường xuyên | |
| 15 | Khảo sát nhu cầu điện cho sản xuất nông nghiệp | Phòng Quản lý năng lượng | | Quý IV/26 | |
| 16 | Báo cáo tiến độ các dự án điện gió | Phòng Quản lý năng lượng | | Định kỳ 6 tháng | |
| 17 | Sơ kết công tác xúc tiến thương mại | Văn phòng Sở | | 6 tháng đầu năm 2026 | |
| 18 | Xây dựng cơ sở dữ liệu doanh nghiệp công nghiệp | Phòng Quản lý công nghiệp | | Năm 2026 và những năm tiếp theo | |

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, VP.
GIÁM ĐỐC
Lò Văn Hùng
"""

# Words of each task → (start year, end year, date, recurrence) of its time cell.
_TIMES = {
    "hội chợ hàng nông sản": (2026, 2026, "2026-12", None),
    "chỉ tiêu thương mại điện tử": (2026, 2026, "2026-12", None),
    "cung ứng xăng dầu": (None, None, "--06-30", "half-yearly"),
    "công nghiệp nông thôn tiêu biểu": (None, 2026, "2026-12-15", None),
    "kỹ năng bán hàng": (2026, 2030, None, "yearly"),
    "quản lý văn bản và điều hành": (2026, 2026, "2026-06-30", None),
    "dịch vụ công trực tuyến toàn trình": (2026, 2026, "2026-06-30", None),
    "an toàn hóa chất": (2026, 2026, "2026-09", None),
    "mạng lưới chợ": (2026, 2026, "2026-12", None),
    "điều tra thống kê": (None, None, None, None),
    "thông tin thị trường": (None, None, None, None),
    "kết quả năm": (None, 2026, "2026-11-20", None),
    "buôn lậu": (None, 2026, "2026-12-31", None),
    "chợ an toàn thực phẩm": (2026, None, None, "ongoing"),
    "nhu cầu điện": (None, None, None, None),
    "dự án điện gió": (None, None, None, "half-yearly"),
    "xúc tiến thương mại": (2026, 2026, "2026-06", None),
    "cơ sở dữ liệu doanh nghiệp": (2026, None, None, None),
}


@pytest.fixture(scope="module", params=FORMS)
def so_ct(request):
    return parse(unicodedata.normalize(request.param, SO_CONG_THUONG), "lai-chau_kh58-sct.txt")


def test_every_time_cell_is_read_and_kept_as_written(so_ct):
    got = {}
    for words in _TIMES:
        d = find(so_ct, words).deadline
        got[words] = (d.start_year, d.end_year, d.date, d.recurrence)
    assert got == _TIMES
    assert nfc(find(so_ct, "hội chợ hàng nông sản").deadline.text) == "Tháng 6/2026 và tháng 12/2026"
    assert nfc(find(so_ct, "nhu cầu điện").deadline.text) == "Quý IV/26"
    assert nfc(find(so_ct, "buôn lậu").deadline.text) == "Trước 31/12/2026 (báo cáo định kỳ)"


def test_the_lead_and_partner_of_a_two_time_task(so_ct):
    fair = find(so_ct, "hội chợ hàng nông sản")
    assert units_of(fair, "lead") == {"phong quan ly thuong mai"}
    assert units_of(fair, "support") == {"trung tam khuyen cong va xuc tien thuong mai"}
    assert so_ct.province == "Lai Châu"


# Words of each task → (quote, value, unit) of the targets its product cell names.
_TARGETS = {
    "hội chợ hàng nông sản": [("20 doanh nghiệp", 20, "doanh nghiệp")],
    "chỉ tiêu thương mại điện tử": [("đạt 1,5% GRDP", 1.5, "%")],
    "công nghiệp nông thôn tiêu biểu": [("từ 3 - 5 sản phẩm", 3, "sản phẩm")],
    "kỹ năng bán hàng": [("Tối thiểu 02 lớp tập huấn/năm", 2, "lớp tập huấn/năm")],
    "quản lý văn bản và điều hành": [("100% cơ quan", 100, "%")],
    "dịch vụ công trực tuyến toàn trình": [("đạt trên 70%", 70, "%")],
    "cung ứng xăng dầu": [],
    "dự án điện gió": [],
}


def test_products_and_their_targets(so_ct):
    got = {words: [(nfc(t.text), t.value, nfc(t.unit)) for t in find(so_ct, words).targets]
           for words in _TARGETS}
    assert got == _TARGETS
    fair = find(so_ct, "hội chợ hàng nông sản")
    assert [nfc(o) for o in fair.outputs] == ["Hỗ trợ 20 doanh nghiệp xây dựng thương hiệu"]


@pytest.fixture(scope="module")
def so_ct_graph():
    from policykg.graph.build import build_graph

    return build_graph([parse(SO_CONG_THUONG, "lai-chau_kh58-sct.txt")])


def _due_words(graph, period: str, bucket: str = "dated") -> set[str]:
    """The words of :data:`_TIMES` whose task ``due`` lists in ``period`` under ``bucket``."""
    hits = getattr(due(graph, period), bucket)
    return {words for words in _TIMES for h in hits if unicodedata.normalize("NFC", words)
            in nfc(h.text)}


def test_due_in_december_finds_the_tasks_due_by_then(so_ct_graph):
    # (a duty from 2026 on is in every period from then)
    assert _due_words(so_ct_graph, "2026-12") == {
        "hội chợ hàng nông sản", "chỉ tiêu thương mại điện tử",
        "công nghiệp nông thôn tiêu biểu", "mạng lưới chợ", "buôn lậu",
        "cơ sở dữ liệu doanh nghiệp"}
    june = _due_words(so_ct_graph, "2026-06")
    assert june == {"quản lý văn bản và điều hành", "dịch vụ công trực tuyến toàn trình",
                    "xúc tiến thương mại", "cơ sở dữ liệu doanh nghiệp"}
    # a dated report is no ongoing duty; the cell with a two-digit year is in no period
    assert "buôn lậu" not in _due_words(so_ct_graph, "2026-03", "ongoing")
    assert not any("nhu cầu điện" in nfc(h.text) for bucket in ("dated", "yearly", "ongoing")
                   for h in getattr(due(so_ct_graph, "2026"), bucket))


# --- 5. A ward's plan: times and targets in prose ------------------------------------------------

PHUONG = """ỦY BAN NHÂN DÂN
PHƯỜNG TÂN PHONG

Số: 112/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Tân Phong, ngày 05 tháng 02 năm 2026

KẾ HOẠCH
Thực hiện công tác cải cách hành chính năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng phục vụ người dân, doanh nghiệp.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Văn phòng HĐND và UBND phường chủ trì rà soát, công bố thủ tục hành chính; hoàn thành chậm nhất ngày 20/11/2026.
2. Trung tâm Phục vụ hành chính công phường số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, hoàn thành trước ngày 30.6.2026.
3. Phòng Văn hóa - Xã hội tổ chức sơ kết phong trào thi đua trong 6 tháng đầu năm 2026.
4. Phòng Kinh tế, Hạ tầng và Đô thị tổ chức đánh giá mức độ hài lòng của người dân vào Quý II và Quý IV năm 2026.
5. Công an phường phối hợp cập nhật dữ liệu dân cư, thực hiện trong năm 2026 và những năm tiếp theo.
6. Các tổ dân phố gửi báo cáo kết quả về Văn phòng HĐND và UBND phường trước ngày 30/6/2026 và 31/12/2026.
7. Phòng Kinh tế, Hạ tầng và Đô thị hỗ trợ 15 hợp tác xã chuyển đổi số, phấn đấu 100% cơ quan nhà nước cấp phường sử dụng chữ ký số.
8. Phòng Văn hóa - Xã hội tổ chức từ 2 - 3 hội nghị đối thoại với Nhân dân.
9. Phòng Văn hóa - Xã hội tổng hợp, báo cáo kết quả trước ngày 15 tháng 12 năm 2026.

III. TỔ CHỨC THỰC HIỆN
Văn phòng HĐND và UBND phường theo dõi, đôn đốc việc thực hiện Kế hoạch.

Nơi nhận:
- UBND tỉnh Đồng Nai (b/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Bình
"""


@pytest.mark.parametrize("plan", forms(PHUONG, "dong-nai_tan-phong_kh112.txt"), ids=FORMS)
def test_the_wards_times_and_targets(plan):
    times = {words: (d.start_year, d.end_year, d.date, d.recurrence) if (d := find(plan, words).deadline) else None
             for words in ("công bố thủ tục", "số hóa hồ sơ", "phong trào thi đua", "mức độ hài lòng",
                           "dữ liệu dân cư", "các tổ dân phố gửi", "chuyển đổi số", "báo cáo kết quả trước")}
    assert times == {
        "công bố thủ tục": (None, 2026, "2026-11-20", None),
        "số hóa hồ sơ": (None, 2026, "2026-06-30", None),
        "phong trào thi đua": (2026, 2026, "2026-06", None),
        "mức độ hài lòng": (2026, 2026, "2026-12", None),
        "dữ liệu dân cư": (2026, None, None, None),
        "các tổ dân phố gửi": (2026, 2026, "2026-12-31", None),
        "chuyển đổi số": None,
        "báo cáo kết quả trước": (None, 2026, "2026-12-15", None),
    }
    assert units_of(find(plan, "mức độ hài lòng"), "lead") == {"phong kinh te, ha tang va do thi"}
    digital = find(plan, "chuyển đổi số")
    assert sorted((t.value, nfc(t.unit)) for t in digital.targets) == [(15, "hợp tác xã"), (100, "%")]
    (talks,) = find(plan, "hội nghị đối thoại").targets
    assert (nfc(talks.text), talks.value) == ("từ 2 - 3 hội nghị đối thoại", 2)


@pytest.mark.parametrize("text", [SO_CONG_THUONG, PHUONG], ids=["so_cong_thuong", "phuong"])
def test_same_reading_in_any_form(text):
    assert_same_reading_in_any_form(text)

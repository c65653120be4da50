# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Deadlines naming several times, days counted from the plan, Tết, school years and days typed
with dashes, read as an analyst reads them.

Several times of one duty ("Hoàn thành trong quý II/2026 và Quý IV/2026", "tháng 6 và tháng
12/2026", "Quý I, Quý III năm 2027", "sơ kết vào tháng 6/2027 và tổng kết vào tháng 12/2030")
are one deadline, as the model holds one date: it starts in the year of the first time and falls
due by the last, so ``due`` lists the task in the last time's period (as recurring days, "15/6
và 15/12 hằng năm", recur from the first). Years listed ("năm 2026 và năm 2028") are a span, as
"năm 2026, 2027" already is; "Hoàn thành trong năm 2026 và năm 2028" is due by the last year.
A day counted from the plan ("trong vòng 30 ngày kể từ ngày ban hành Kế hoạch") and a duty done
at once ("Thực hiện ngay") take their day from the plan's date. "Trước Tết Nguyên đán Bính Ngọ"
is due by that Tết's day (17/02/2026). A bare "cuối năm 2026" keeps no month.

Our own writing in the administrative style: a department's appendix table (Hà Tĩnh, Sở Giáo
dục và Đào tạo), a commune's plan giving its times in prose (xã Thạch Hà), and a department's
"Nhiệm vụ N" fields written with the old tone placement (Quảng Ninh, "Văn hoá", "Uỷ ban").
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.graph.build import build_graph
from policykg.loaders.deadlines import find_deadline, read_deadline, read_deadline_in
from policykg.loaders.model import Plan
from policykg.ontology.normalize import nfc
from policykg.queries import due
from tests.layouts import assert_same_reading_in_any_form, find, forms, parse, units_of

FORMS = ("NFC", "NFD")



def reading(plan: Plan, words: str) -> tuple | None:
    """(start year, end year, date, recurrence) of the deadline of the task holding ``words``."""
    d = find(plan, words).deadline
    return None if d is None else (d.start_year, d.end_year, d.date, d.recurrence)


def quoted(plan: Plan, words: str) -> str:
    """The deadline of the task holding ``words`` as written (composed)."""
    return nfc(find(plan, words).deadline.text)


# --- 1. A department's appendix table: one time cell per task --------------------------------------

SO_GD = """ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
SỞ GIÁO DỤC VÀ ĐÀO TẠO

Số: 27/KH-SGDĐT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hà Tĩnh, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Triển khai chuyển đổi số trong ngành Giáo dục năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Cụ thể hóa các nhiệm vụ chuyển đổi số của ngành trong năm 2026.

II. NHIỆM VỤ CỤ THỂ
(Chi tiết tại Phụ lục kèm theo)

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở căn cứ nhiệm vụ được giao triển khai thực hiện.

PHỤ LỤC
NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH NĂM 2026
| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Kiểm tra công tác quản lý hồ sơ học sinh | Thanh tra Sở | Phòng Giáo dục phổ thông | Hoàn thành trong quý II/2026 và Quý IV/2026 |
| 2 | Tổ chức hội thảo chia sẻ học liệu số | Phòng Giáo dục phổ thông | Trung tâm Công nghệ thông tin | tháng 6 và tháng 12/2026 |
| 3 | Điều tra hiện trạng hạ tầng số các trường học | Phòng Kế hoạch - Tài chính | Văn phòng Sở | Năm 2026 và năm 2028 |
| 4 | Đánh giá mức độ chuyển đổi số của cơ sở giáo dục | Trung tâm Công nghệ thông tin | Phòng Giáo dục phổ thông | Quý I, Quý III năm 2027 |
| 5 | Báo cáo tiến độ thực hiện Kế hoạch | Văn phòng Sở | Các phòng, đơn vị thuộc Sở | trước ngày 20 của tháng cuối quý |
| 6 | Tổng hợp kết quả thi đua chuyển đổi số | Văn phòng Sở | | chậm nhất ngày 15/11 hằng năm |
| 7 | Sơ kết việc dạy học trực tuyến | Phòng Giáo dục phổ thông | | 6 tháng cuối năm |
| 8 | Triển khai sổ điểm điện tử | Phòng Giáo dục phổ thông | Trung tâm Công nghệ thông tin | Trong năm học 2026-2027 |
| 9 | Tham mưu ban hành chính sách hỗ trợ thiết bị học tập | Phòng Kế hoạch - Tài chính | | Trước kỳ họp cuối năm |
| 10 | Thăm, tặng quà học sinh có hoàn cảnh khó khăn | Văn phòng Sở | Công đoàn ngành | Trước Tết Nguyên đán Bính Ngọ |
| 11 | Duy trì hệ thống thư viện số | Trung tâm Công nghệ thông tin | | Đến hết năm 2030 |
| 12 | Xây dựng Đề án phát triển giáo dục số | Phòng Giáo dục phổ thông | | Giai đoạn 2026 - 2030, định hướng đến năm 2035 |
| 13 | Ban hành quy chế quản lý tài khoản số | Văn phòng Sở | Trung tâm Công nghệ thông tin | Trong vòng 30 ngày kể từ ngày ban hành Kế hoạch |
| 14 | Rà soát dữ liệu ngành trên cơ sở dữ liệu quốc gia | Trung tâm Công nghệ thông tin | | Thực hiện ngay |
| 15 | Bồi dưỡng kỹ năng số cho giáo viên | Phòng Tổ chức cán bộ | | Năm 2026 và các năm tiếp theo |
| 16 | Đánh giá giữa kỳ việc thực hiện Kế hoạch | Văn phòng Sở | | Tháng 10/2026 (báo cáo sơ kết) |
| 17 | Cập nhật phần mềm quản lý trường học | Trung tâm Công nghệ thông tin | | 15-6-2026 |
| 18 | Tổ chức thi giáo viên dạy giỏi ứng dụng công nghệ | Phòng Giáo dục phổ thông | | 15.6.2026 |
| 19 | Tổng kết năm học | Phòng Giáo dục phổ thông | Văn phòng Sở | ngày 15 tháng 6 năm 2026 |
| 20 | Bảo đảm an toàn thông tin mạng | Trung tâm Công nghệ thông tin | | Thường xuyên |
| 21 | Tập huấn sử dụng học liệu số | Phòng Giáo dục phổ thông | | Hằng năm |
| 22 | Tổng kết việc thực hiện Kế hoạch | Văn phòng Sở | | cuối năm 2026 |

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT, VP.
GIÁM ĐỐC
Nguyễn Văn Hoà
"""

# Words of each task → (start year, end year, date, recurrence) of its time cell.
_TABLE_TIMES = {
    # several times: from the first, due by the last
    "hồ sơ học sinh": (None, 2026, "2026-12", None),
    "chia sẻ học liệu": (2026, 2026, "2026-12", None),
    "hạ tầng số": (2026, 2028, None, None),
    "mức độ chuyển đổi số": (2027, 2027, "2027-09", None),
    # report days of every quarter and year
    "tiến độ thực hiện Kế hoạch": (None, None, None, "quarterly"),
    "kết quả thi đua": (None, None, "--11-15", "yearly"),
    # periods of the plan's year, and a school year
    "dạy học trực tuyến": (2026, 2026, "2026-12", None),
    "sổ điểm điện tử": (2026, 2027, None, None),
    "thiết bị học tập": (None, 2026, None, None),  # the sitting at the end of the plan's year
    "hoàn cảnh khó khăn": (None, 2026, "2026-02-17", None),
    "thư viện số": (2026, 2030, None, None),  # kept from the plan's year to the end of 2030
    "Đề án phát triển giáo dục số": (2026, 2030, None, None),
    # counted from the plan's date (05/01/2026)
    "tài khoản số": (None, 2026, "2026-02-04", None),
    "cơ sở dữ liệu quốc gia": (None, 2026, "2026-01-05", None),
    "kỹ năng số cho giáo viên": (2026, None, None, None),
    "giữa kỳ": (2026, 2026, "2026-10", None),
    # days typed with dashes, dots and words
    "phần mềm quản lý trường học": (2026, 2026, "2026-06-15", None),
    "giáo viên dạy giỏi": (2026, 2026, "2026-06-15", None),
    "Tổng kết năm học": (2026, 2026, "2026-06-15", None),
    "an toàn thông tin mạng": (None, None, None, "ongoing"),
    "sử dụng học liệu số": (None, None, None, "yearly"),
    "Tổng kết việc thực hiện": (2026, 2026, None, None),
}


@pytest.mark.parametrize("plan", forms(SO_GD, "ha-tinh_kh27-sgddt.txt"), ids=FORMS)
def test_every_time_cell_of_the_table(plan):
    assert {words: reading(plan, words) for words in _TABLE_TIMES} == _TABLE_TIMES
    assert quoted(plan, "hồ sơ học sinh") == "Hoàn thành trong quý II/2026 và Quý IV/2026"
    assert quoted(plan, "hoàn cảnh khó khăn") == "Trước Tết Nguyên đán Bính Ngọ"
    assert quoted(plan, "tài khoản số") == "Trong vòng 30 ngày kể từ ngày ban hành Kế hoạch"
    assert (plan.province, plan.number) == ("Hà Tĩnh", "27/KH-SGDĐT")


@pytest.mark.parametrize("plan", forms(SO_GD, "ha-tinh_kh27-sgddt.txt"), ids=FORMS)
def test_who_leads_and_partners_the_two_time_tasks(plan):
    check = find(plan, "hồ sơ học sinh")
    assert units_of(check, "lead") == {"thanh tra so"}
    assert units_of(check, "support") == {"phong giao duc pho thong"}
    fair = find(plan, "chia sẻ học liệu")
    assert units_of(fair, "lead") == {"phong giao duc pho thong"}
    assert units_of(fair, "support") == {"trung tam cong nghe thong tin"}


# --- 2. A commune's plan: times in prose ----------------------------------------------------------

XA = """ỦY BAN NHÂN DÂN
XÃ THẠCH HÀ

Số: 09/KH-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Thạch Hà, ngày 10 tháng 02 năm 2026

KẾ HOẠCH
Thực hiện công tác văn hóa, xã hội năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm các nhiệm vụ văn hóa, xã hội được thực hiện đúng tiến độ.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Phòng Văn hóa - Xã hội chủ trì kiểm tra hoạt động các thiết chế văn hóa, hoàn thành trong quý II/2026 và Quý IV/2026.
2. Phòng Kinh tế tổ chức phiên chợ nông sản vào tháng 6 và tháng 12/2026.
3. Phòng Văn hóa - Xã hội phối hợp Trạm Y tế xã điều tra dân số, hoàn thành trong năm 2026 và năm 2028.
4. Văn phòng HĐND và UBND xã đánh giá sự hài lòng của người dân vào Quý I, Quý III năm 2027.
5. Các trường trên địa bàn xã triển khai giáo dục kỹ năng sống trong năm học 2026-2027.
6. Phòng Văn hóa - Xã hội thăm, tặng quà gia đình chính sách trước Tết Nguyên đán Đinh Mùi năm 2027.
7. Trạm Y tế xã duy trì khám sàng lọc cho người cao tuổi, thực hiện đến hết năm 2030.
8. Văn phòng HĐND và UBND xã xây dựng quy chế phối hợp, hoàn thành trong vòng 30 ngày kể từ ngày ban hành Kế hoạch.
9. Phòng Kinh tế hoàn thành số hóa hồ sơ đất đai trước ngày 15 - 6 - 2026.
10. Công an xã hoàn thành làm sạch dữ liệu dân cư trước ngày 15 tháng 6 năm 2026.
11. Phòng Kinh tế hỗ trợ phát triển sản phẩm OCOP; phấn đấu đến hết năm 2030, 100% thôn có sản phẩm tiêu biểu.
12. Phòng Văn hóa - Xã hội tổng hợp, báo cáo UBND xã chậm nhất ngày 15/11 hằng năm.
13. Các thôn báo cáo tình hình an ninh trật tự trước ngày 20 của tháng cuối quý.
14. Phòng Văn hóa - Xã hội tổ chức sơ kết phong trào thi đua trong 6 tháng cuối năm 2026.
15. Phòng Văn hóa - Xã hội tổ chức sơ kết vào tháng 6/2027 và tổng kết vào tháng 12/2030.
16. Phòng Kinh tế tổ chức kiểm tra an toàn thực phẩm trong Quý II/2026, Quý IV/2026.

III. TỔ CHỨC THỰC HIỆN
Văn phòng HĐND và UBND xã theo dõi, đôn đốc việc thực hiện Kế hoạch.

Nơi nhận:
- UBND tỉnh Hà Tĩnh (b/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Thị Thuỷ
"""

# Words of each duty → (deadline as written, start year, end year, date, recurrence).
_PROSE_TIMES = {
    "thiết chế văn hóa": ("hoàn thành trong quý II/2026 và Quý IV/2026", None, 2026, "2026-12", None),
    "phiên chợ nông sản": ("vào tháng 6 và tháng 12/2026", 2026, 2026, "2026-12", None),
    "điều tra dân số": ("hoàn thành trong năm 2026 và năm 2028", None, 2028, None, None),
    "sự hài lòng": ("vào Quý I, Quý III năm 2027", 2027, 2027, "2027-09", None),
    "kỹ năng sống": ("trong năm học 2026-2027", 2026, 2027, None, None),
    "gia đình chính sách": ("trước Tết Nguyên đán Đinh Mùi năm 2027", None, 2027, "2027-02-06", None),
    "khám sàng lọc": ("thực hiện đến hết năm 2030", 2026, 2030, None, None),
    # 10/02/2026 + 30 days
    "quy chế phối hợp": ("trong vòng 30 ngày kể từ ngày ban hành Kế hoạch", None, 2026, "2026-03-12", None),
    "hồ sơ đất đai": ("hoàn thành số hóa hồ sơ đất đai trước ngày 15 - 6 - 2026", None, 2026, "2026-06-15", None),
    "dữ liệu dân cư": ("hoàn thành làm sạch dữ liệu dân cư trước ngày 15 tháng 6 năm 2026", None, 2026, "2026-06-15", None),
    "báo cáo UBND xã": ("chậm nhất ngày 15/11 hằng năm", None, None, "--11-15", "yearly"),
    "an ninh trật tự": ("trước ngày 20 của tháng cuối quý", None, None, None, "quarterly"),
    "phong trào thi đua": ("trong 6 tháng cuối năm 2026", 2026, 2026, "2026-12", None),
    "tổng kết vào": ("vào tháng 6/2027 và tổng kết vào tháng 12/2030", 2027, 2030, "2030-12", None),
    "an toàn thực phẩm": ("trong Quý II/2026, Quý IV/2026", 2026, 2026, "2026-12", None),
}


@pytest.mark.parametrize("plan", forms(XA, "ha-tinh_thach-ha_kh09.txt"), ids=FORMS)
def test_the_communes_times_in_prose(plan):
    got = {}
    for words in _PROSE_TIMES:
        d = find(plan, words).deadline
        got[words] = (nfc(d.text), d.start_year, d.end_year, d.date, d.recurrence)
    assert got == _PROSE_TIMES
    # a target's horizon is no deadline
    assert find(plan, "sản phẩm OCOP").deadline is None
    assert units_of(find(plan, "điều tra dân số"), "support") == {"tram y te xa"}
    assert units_of(find(plan, "hồ sơ đất đai"), "lead") == {"phong kinh te"}


# --- 3. "Nhiệm vụ N" fields in the old tone placement ----------------------------------------------

SO_VH = """UỶ BAN NHÂN DÂN TỈNH QUẢNG NINH
SỞ VĂN HOÁ VÀ THỂ THAO

Số: 140/KH-SVHTT

CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quảng Ninh, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Phát triển văn hoá đọc giai đoạn 2026 - 2030

I. MỤC ĐÍCH, YÊU CẦU
Phát triển văn hoá đọc trong cộng đồng.

II. NHIỆM VỤ TRỌNG TÂM
Nhiệm vụ 1: Tổ chức Ngày Sách và Văn hoá đọc Việt Nam
- Bộ phận chủ trì tham mưu: Thư viện tỉnh.
- Đơn vị phối hợp: Phòng Quản lý văn hoá.
- Thời gian thực hiện: Quý II/2026, Quý IV/2026.
Nhiệm vụ 2: Kiểm tra hoạt động thư viện cơ sở
- Bộ phận chủ trì tham mưu: Phòng Quản lý văn hoá.
- Đơn vị phối hợp: Thanh tra Sở.
- Thời gian thực hiện: Tháng 6 và tháng 12 năm 2027.
Nhiệm vụ 3: Điều tra nhu cầu đọc của người dân
- Bộ phận chủ trì tham mưu: Thư viện tỉnh.
- Thời gian thực hiện: năm 2026 và năm 2028.
Nhiệm vụ 4: Trưng bày sách mừng Xuân
- Bộ phận chủ trì tham mưu: Thư viện tỉnh.
- Đơn vị phối hợp: Phòng Quản lý văn hoá.
- Thời gian thực hiện: trước Tết Nguyên đán Đinh Mùi năm 2027.
Nhiệm vụ 5: Ban hành quy chế phối hợp luân chuyển sách
- Bộ phận chủ trì tham mưu: Phòng Quản lý văn hoá.
- Thời gian thực hiện: trong vòng 30 ngày kể từ ngày ban hành Kế hoạch.

III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở triển khai thực hiện.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Phạm Thị Hoà
"""

_FIELD_TIMES = {
    "Ngày Sách": ("Quý II/2026, Quý IV/2026", 2026, 2026, "2026-12", None),
    "thư viện cơ sở": ("Tháng 6 và tháng 12 năm 2027", 2027, 2027, "2027-12", None),
    "nhu cầu đọc": ("năm 2026 và năm 2028", 2026, 2028, None, None),
    "mừng Xuân": ("trước Tết Nguyên đán Đinh Mùi năm 2027", None, 2027, "2027-02-06", None),
    # 12/03/2026 + 30 days
    "luân chuyển sách": ("trong vòng 30 ngày kể từ ngày ban hành Kế hoạch", None, 2026, "2026-04-11", None),
}


@pytest.mark.parametrize("plan", forms(SO_VH, "quang-ninh_kh140-svhtt.txt"), ids=FORMS)
def test_labelled_times_in_the_old_tone_placement(plan):
    got = {}
    for words in _FIELD_TIMES:
        d = find(plan, words).deadline
        got[words] = (nfc(d.text), d.start_year, d.end_year, d.date, d.recurrence)
    assert got == _FIELD_TIMES
    books = find(plan, "Ngày Sách")
    assert units_of(books, "lead") == {"thu vien tinh"}
    assert units_of(books, "support") == {"phong quan ly van hoa"}
    assert plan.province == "Quảng Ninh"


@pytest.mark.parametrize("text", [SO_GD, XA, SO_VH], ids=["so_gd", "xa", "so_vh"])
def test_same_reading_in_any_form(text):
    assert_same_reading_in_any_form(text)


# --- 4. What ``due`` lists ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def graph():
    return build_graph([parse(SO_GD, "ha-tinh_kh27-sgddt.txt"),
                        parse(XA, "ha-tinh_thach-ha_kh09.txt"),
                        parse(SO_VH, "quang-ninh_kh140-svhtt.txt")])


def listed(graph, period: str, words: str, bucket: str = "dated") -> bool:
    """Whether ``due`` lists in ``period``, under ``bucket``, the one task holding ``words``."""
    hits = [h for h in getattr(due(graph, period), bucket) if words in nfc(h.text)]
    assert len(hits) <= 1, words
    return bool(hits)


@pytest.mark.parametrize("words", [
    "hồ sơ học sinh", "chia sẻ học liệu", "thiết chế văn hóa", "phiên chợ nông sản",
    "an toàn thực phẩm", "Ngày Sách"])
def test_a_task_of_several_times_is_due_by_the_last(graph, words):
    # Quý II và Quý IV, tháng 6 và tháng 12: listed in December, not in another year
    assert listed(graph, "2026-12", words)
    assert listed(graph, "2026-Q4", words)
    assert not listed(graph, "2027", words)


def test_the_last_time_of_a_later_year(graph):
    for words in ("mức độ chuyển đổi số", "sự hài lòng"):  # Quý I, Quý III năm 2027
        assert listed(graph, "2027-Q3", words)
        assert not listed(graph, "2026", words)
    assert listed(graph, "2027-12", "thư viện cơ sở")  # tháng 6 và tháng 12 năm 2027
    # sơ kết 6/2027, tổng kết 12/2030: due at the close
    assert listed(graph, "2030-12", "tổng kết vào")


def test_years_listed(graph):
    # "Năm 2026 và năm 2028" spans them, as "năm 2026, 2027" does; "hoàn thành trong năm 2026
    # và năm 2028" is due by the last
    assert listed(graph, "2026", "hạ tầng số") and listed(graph, "2028", "hạ tầng số")
    assert not listed(graph, "2029", "hạ tầng số")
    assert listed(graph, "2028", "điều tra dân số")
    assert not listed(graph, "2029", "điều tra dân số")


def test_days_from_the_plan_and_before_tet(graph):
    assert listed(graph, "2026-02", "tài khoản số")  # 05/01/2026 + 30 days
    assert not listed(graph, "2026-03", "tài khoản số")
    assert listed(graph, "2026-01", "cơ sở dữ liệu quốc gia")  # "Thực hiện ngay"
    assert not listed(graph, "2026-03", "cơ sở dữ liệu quốc gia")
    assert listed(graph, "2026-02", "hoàn cảnh khó khăn")  # Tết Bính Ngọ, 17/02/2026
    assert not listed(graph, "2026-06", "hoàn cảnh khó khăn")
    assert listed(graph, "2027-02", "mừng Xuân")  # Tết Đinh Mùi, 06/02/2027


def test_report_days_recur_in_their_periods(graph):
    assert listed(graph, "2026-11", "kết quả thi đua", "yearly")
    assert not listed(graph, "2026-10", "kết quả thi đua", "yearly")
    assert listed(graph, "2026-10", "tiến độ thực hiện Kế hoạch", "yearly")
    assert listed(graph, "2026-10", "an toàn thông tin mạng", "ongoing")


def test_a_store_lists_what_the_graph_lists(tmp_path):
    from policykg.graph.store import open_store

    folder = tmp_path / "plans"
    folder.mkdir()
    for name, text in (("ha-tinh_kh27-sgddt.txt", SO_GD), ("ha-tinh_thach-ha_kh09.txt", XA),
                       ("quang-ninh_kh140-svhtt.txt", SO_VH)):
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(tmp_path / "kg.db")
    store.ingest([folder])
    graph = store.graph()
    for period in ("2026-01", "2026-02", "2026-Q2", "2026-12", "2027-Q3", "2028"):
        assert due(open_store(store.path), period).to_dict() == due(graph, period).to_dict()
    assert listed(open_store(store.path), "2026-12", "hồ sơ học sinh")


# --- 5. Cells and sentences read alone -------------------------------------------------------------

def reads(text: str) -> tuple:
    """(start year, end year, date, recurrence) of ``text`` in NFC and NFD (which must agree)."""
    found = [read_deadline(unicodedata.normalize(f, text)) for f in FORMS]
    got = [(d.start_year, d.end_year, d.date, d.recurrence) for d in found]
    assert got[0] == got[1], text
    return got[0]


@pytest.mark.parametrize("text, expected", [
    ("15 - 6 - 2026", (2026, 2026, "2026-06-15", None)),
    ("Hoàn thành trước ngày 15 - 6 - 2026", (None, 2026, "2026-06-15", None)),
    ("ngày 15 tháng 6 năm 2026", (2026, 2026, "2026-06-15", None)),
    ("Quý II/2026, Quý IV/2026", (2026, 2026, "2026-12", None)),
    # Vietnam's Tết Canh Tuất is a day before the Chinese new year
    ("Trước Tết Nguyên đán Canh Tuất", (None, 2030, "2030-02-02", None)),
    ("Trước Tết Nguyên Đán Ất Tị", (None, 2025, "2025-01-29", None)),
    # a Tết named by no year's name gives no day
    ("trước Tết Nguyên đán năm 2027", (None, 2027, None, None)),
    ("cuối năm 2026", (2026, 2026, None, None)),
])
def test_cells(text, expected):
    assert reads(text) == expected


def test_days_counted_from_an_event_start_nothing():
    # read in the plan's year, a time counted from its issue stays in that year
    found = read_deadline_in("Trong vòng 30 ngày kể từ ngày ban hành Kế hoạch", 2026)
    assert (found.start_year, found.end_year, found.date) == (2026, 2026, None)
    assert read_deadline("Kể từ năm 2027").start_year == 2027


@pytest.mark.parametrize("sentence, text, expected", [
    ("Thanh tra Sở kiểm tra, hoàn thành trong quý II/2026 và Quý IV/2026.",
     "hoàn thành trong quý II/2026 và Quý IV/2026", (None, 2026, "2026-12")),
    ("Tổ chức điều tra vào năm 2026 và năm 2028.", "vào năm 2026 và năm 2028", (2026, 2028, None)),
    ("Các trường tổ chức hội thi trong năm học 2026 - 2027.", "trong năm học 2026 - 2027",
     (2026, 2027, None)),
    ("Tặng quà trước Tết Nguyên đán Bính Ngọ.", "trước Tết Nguyên đán Bính Ngọ",
     (None, 2026, "2026-02-17")),
    ("Chi cục hoàn thành kiểm định trước ngày 15.6.2026.", "trước ngày 15.6.2026",
     (None, 2026, "2026-06-15")),
])
def test_sentences(sentence, text, expected):
    for form in FORMS:
        found = find_deadline(unicodedata.normalize(form, sentence))
        assert found is not None, form
        assert nfc(found.text) == text
        assert (found.start_year, found.end_year, found.date) == expected


@pytest.mark.parametrize("sentence", [
    "Phấn đấu đến hết năm 2030, 100% xã đạt chuẩn nông thôn mới nâng cao.",
    "Tổ chức thăm hỏi, tặng quà trước Tết Nguyên đán.",
])
def test_no_deadline_in(sentence):
    for form in FORMS:
        assert find_deadline(unicodedata.normalize(form, sentence)) is None

"""A duty naming a unit written with a dash is a duty, not a labelled field.

"Phối hợp với Phòng Kinh tế - Hạ tầng rà soát …" has a label's first words ("Phối hợp") and
a dash within its first words, as "Đơn vị phối hợp – Sở Y" has; read as a field, the duty was
lost. A field's label holds only its own words; a unit named after it makes a duty.
"""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.tasks import _dash_field_of
from policykg.ontology.normalize import fold
from tests.layouts import assert_same_reading_in_any_form, find, parse, units_of

FORMS = ("NFC", "NFD")


def named(*names: str) -> set[str]:
    """Unit names as :func:`units_of` gives them (folded)."""
    return {fold(n) for n in names}

COMMUNE_PLAN = """ỦY BAN NHÂN DÂN
XÃ IA GRAI
Số: 15/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Ia Grai, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Thực hiện chuyển đổi số năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Triển khai hiệu quả các nhiệm vụ chuyển đổi số trên địa bàn xã.

II. NHIỆM VỤ VÀ PHÂN CÔNG
1. Phòng Văn hóa - Xã hội
- Chủ trì tuyên truyền về chuyển đổi số trên loa truyền thanh, hoàn thành trong Quý II/2026.
- Phối hợp với Phòng Kinh tế - Hạ tầng rà soát hạ tầng mạng viễn thông tại các thôn.
- Phối hợp với Văn phòng HĐND và UBND xã xây dựng cơ sở dữ liệu dân cư.
2. Phòng Kinh tế
- Chủ trì hỗ trợ hộ kinh doanh mở tài khoản thanh toán điện tử.
- Phối hợp với Phòng Văn hóa - Xã hội tổ chức tập huấn kỹ năng số cho người dân.
- Chủ trì, phối hợp với Trạm Y tế xã triển khai sổ sức khỏe điện tử - hoàn thành trong năm 2026.

III. TỔ CHỨC THỰC HIỆN
Các phòng chuyên môn căn cứ nhiệm vụ được giao triển khai thực hiện.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""

DEPARTMENT_PLAN = """UBND TỈNH ĐẮK LẮK
SỞ Y TẾ
Số: 45/KH-SYT
Đắk Lắk, ngày 02 tháng 4 năm 2026

KẾ HOẠCH
Ứng dụng công nghệ thông tin trong khám chữa bệnh năm 2026

II. NHIỆM VỤ CỤ THỂ
1. Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh
Đơn vị chủ trì – Phòng Nghiệp vụ Y
Đơn vị phối hợp – Bệnh viện Đa khoa tỉnh, Bệnh viện Sản - Nhi tỉnh
Thời gian hoàn thành - Quý IV/2026
2. Kết nối liên thông dữ liệu khám chữa bệnh với cơ sở dữ liệu bảo hiểm y tế
Đơn vị chủ trì - Văn phòng Sở
Phối hợp với Bảo hiểm xã hội tỉnh - Trung tâm Kiểm soát bệnh tật tỉnh theo dõi kết quả kết nối.
Thời gian hoàn thành - Quý III/2026

GIÁM ĐỐC
Trần Văn B
"""


@pytest.mark.parametrize("form", FORMS)
def test_duties_naming_a_dashed_unit_are_kept(form):
    plan = parse(unicodedata.normalize(form, COMMUNE_PLAN))
    survey = find(plan, "rà soát hạ tầng mạng viễn thông")
    assert units_of(survey, "lead") == named("Phòng Kinh tế - Hạ tầng")
    assert units_of(survey, "support") == named("Phòng Văn hóa - Xã hội")
    training = find(plan, "tập huấn kỹ năng số")
    assert units_of(training, "lead") == named("Phòng Văn hóa - Xã hội")
    assert units_of(training, "support") == named("Phòng Kinh tế")
    records = find(plan, "sổ sức khỏe điện tử")
    assert units_of(records, "lead") == named("Phòng Kinh tế")
    bullets = [t for t in plan.tasks if t.number.startswith(("1.", "2."))]
    assert len(bullets) == 6


@pytest.mark.parametrize("form", FORMS)
def test_labels_with_a_dash_are_still_fields(form):
    plan = parse(unicodedata.normalize(form, DEPARTMENT_PLAN))
    records = find(plan, "bệnh án điện tử")
    assert units_of(records, "lead") == named("Phòng Nghiệp vụ Y")
    assert units_of(records, "support") == named("Bệnh viện Đa khoa tỉnh",
                                                 "Bệnh viện Sản - Nhi tỉnh")
    assert records.deadline is not None and records.deadline.date == "2026-12"
    link = find(plan, "liên thông dữ liệu khám chữa bệnh")
    assert units_of(link, "lead") == named("Văn phòng Sở")
    assert link.deadline is not None and link.deadline.date == "2026-09"


@pytest.mark.parametrize(("line", "field"), [
    ("Đơn vị chủ trì – Phòng Nghiệp vụ Y", ("lead", "Phòng Nghiệp vụ Y")),
    ("Cơ quan phối hợp - Sở Tài chính", ("support", "Sở Tài chính")),
    ("Đơn vị chủ trì thực hiện - Sở Nội vụ", ("lead", "Sở Nội vụ")),
    ("Thời gian hoàn thành - Quý IV/2026", ("deadline", "Quý IV/2026")),
    ("Sản phẩm - Báo cáo tổng kết", ("output", "Báo cáo tổng kết")),
    ("Phối hợp với Phòng Kinh tế - Hạ tầng rà soát hạ tầng", None),
    ("Phối hợp với Sở Nông nghiệp - Môi trường xây dựng mô hình", None),
    ("Chủ trì xây dựng kế hoạch - hoàn thành trong Quý II", None),
])
def test_a_dash_label_is_the_labels_own_words(line, field):
    assert _dash_field_of(line) == field


def test_the_plans_read_alike_in_any_form():
    assert_same_reading_in_any_form(COMMUNE_PLAN)
    assert_same_reading_in_any_form(DEPARTMENT_PLAN)

"""Units are found however users type them: with the vocabulary's abbreviations ("mttq",
"Bộ CHQS", "bch quan su") and without diacritics; a province's military command is the
province's, not a ministry."""

from __future__ import annotations

import pytest

from policykg.graph.build import build_graph
from policykg.loaders.model import SourceFile
from policykg.loaders.parse import parse_text
from policykg.queries import workload

PLAN = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
Số: 90/KH-UBND
Gia Lai, ngày 22 tháng 3 năm 2025
KẾ HOẠCH
Tuyên truyền chuyển đổi số năm 2025
I. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với MTTQ tỉnh tổ chức tuyên truyền \
trong quý II năm 2025.
2. Ủy ban MTTQ Việt Nam tỉnh chủ trì vận động nhân dân tham gia nền tảng số, hoàn thành \
trong năm 2025.
3. BCH Quân sự tỉnh chủ trì diễn tập phòng thủ dân sự trong quý III năm 2025.
II. TỔ CHỨC THỰC HIỆN
Văn phòng UBND tỉnh theo dõi, tổng hợp.
"""


@pytest.fixture(scope="module")
def graph():
    return build_graph([parse_text(PLAN, SourceFile(path="kh-90.txt", sha256="",
                                                   format="txt"))])


@pytest.mark.parametrize(("typed", "unit", "lead", "support"), [
    ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", 1, 1),
    ("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", 1, 1),
    ("mat tran to quoc", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", 1, 1),
    ("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh", 1, 0),
    ("bch quan su", "Bộ Chỉ huy Quân sự tỉnh", 1, 0),
])
def test_a_unit_is_found_by_its_abbreviations(graph, typed, unit, lead, support):
    rows = workload(graph, unit=typed)
    assert [(r.unit, r.lead, r.support) for r in rows] == [(unit, lead, support)]


def test_a_provinces_military_command_is_the_provinces(graph):
    row, = workload(graph, unit="Bộ Chỉ huy Quân sự tỉnh")
    assert row.province == "Gia Lai" and row.unit_id.startswith("unit:gia-lai:")


YOUTH = """UBND TỈNH {upper}
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 12/KH-SKHCN
{name}, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Triển khai phong trào thanh niên sáng tạo năm 2026
I. NHIỆM VỤ
1. Tổ chức cuộc thi sáng tạo trẻ.
- Đơn vị chủ trì: {youth}.
- Thời gian: năm 2026.
"""


@pytest.mark.parametrize("typed", ["Tỉnh Đoàn", "tinh doan", "Tỉnh Đoàn TNCS Hồ Chí Minh"])
def test_one_name_finds_a_body_in_every_province_however_each_plan_writes_it(typed):
    """Gia Lai's plan writes "Tỉnh Đoàn", Lạng Sơn's the long name: asked without a province,
    the short name finds both (each plan's own spelling is what the rows show)."""
    plans = [parse_text(YOUTH.format(upper=upper, name=name, youth=youth),
                        SourceFile(path=f"{name}.txt", sha256="", format="txt"))
             for upper, name, youth in (("GIA LAI", "Gia Lai", "Tỉnh Đoàn"),
                                        ("LẠNG SƠN", "Lạng Sơn", "Tỉnh Đoàn TNCS Hồ Chí Minh"))]
    rows = workload(build_graph(plans), unit=typed)
    assert [(r.province, r.unit, r.lead) for r in rows] == [
        ("Gia Lai", "Tỉnh Đoàn", 1), ("Lạng Sơn", "Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh", 1)]

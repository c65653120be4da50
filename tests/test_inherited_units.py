"""A duty under "X chủ trì, phối hợp với Y thực hiện các nội dung sau:" is led by X and
supported by Y, whether the duties below are lettered parts, bullets or numbered items,
unless a duty names partners of its own."""

from __future__ import annotations

import unicodedata

import pytest

from policykg.loaders.model import SourceFile
from policykg.loaders.parse import parse_text

PLAN = """UBND TỈNH NINH BÌNH
SỞ Y TẾ
Số: 12/KH-SYT
Ninh Bình, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Phòng, chống dịch bệnh trong trường học năm 2026
I. NHIỆM VỤ
1. Trung tâm Kiểm soát bệnh tật tỉnh chủ trì, phối hợp với Sở Giáo dục và Đào tạo thực \
hiện các nội dung sau:
a) Tổ chức tiêm chủng mở rộng cho học sinh trong quý II năm 2026.
b) Truyền thông phòng bệnh trong trường học, phối hợp với Đài Phát thanh và Truyền hình \
tỉnh.
2. Phòng Nghiệp vụ Y chủ trì các nhiệm vụ sau:
a) Hướng dẫn chuyên môn cho các cơ sở y tế trong tháng 4 năm 2026.
II. PHÂN CÔNG KHÁC
Bệnh viện Đa khoa tỉnh chủ trì, phối hợp với Sở Tài chính thực hiện các nhiệm vụ sau:
- Bảo đảm thuốc, vật tư phòng dịch trong năm 2026.
- Tập huấn điều trị cho y tế cơ sở trong quý III năm 2026.
III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở trước ngày 15/12/2026.
"""


def units(form: str) -> dict[str, tuple[list[str], list[str]]]:
    plan = parse_text(unicodedata.normalize(form, PLAN),
                      SourceFile(path="ke-hoach.txt", sha256="", format="txt"))
    return {t.id: (t.lead, t.support) for t in plan.tasks}


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_lettered_parts_take_the_lead_and_its_partners(form):
    got = units(form)
    centre, schools = ["Trung tâm Kiểm soát bệnh tật tỉnh"], "Sở Giáo dục và Đào tạo"
    assert got["I.1.a"] == (centre, [schools])
    assert got["I.1.b"][0] == centre  # its own partner instead
    assert got["I.1.b"][1] == ["Đài Phát thanh và Truyền hình tỉnh"]
    assert got["I.2.a"] == (["Phòng Nghiệp vụ Y"], [])  # no partner above: none given


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_bullets_under_an_introduction_take_its_lead_and_partners(form):
    got = units(form)
    bullets = [units for tid, units in got.items() if tid.startswith("II.b")]
    assert bullets == [(["Bệnh viện Đa khoa tỉnh"], ["Sở Tài chính"])] * 2

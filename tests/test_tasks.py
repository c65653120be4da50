"""Tasks, units, deadlines and targets read from the real plans, layout by layout."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.loaders.model import Plan, SourceFile, Task
from policykg.loaders.tasks import read_tasks
from policykg.loaders.text import clean_lines
from policykg.ontology.normalize import fold
from tests.conftest import EXTRA, seed


def read(text: str, path: str = "plan.txt"):
    plan = Plan(id="t", source=SourceFile(path=path, sha256="", format="txt"))
    return read_tasks(clean_lines(text), plan)


def read_file(path: Path):
    return read(path.read_text(encoding="utf-8"), str(path))


def by_number(tasks: list[Task], number: str) -> Task:
    found = [t for t in tasks if t.number == number]
    assert len(found) == 1, f"{number}: {[t.id for t in found]}"
    return found[0]


def unit_keys(tasks: list[Task]) -> set[str]:
    return {fold(u.canonical) for t in tasks for u in t.units}


# --- seed 001, Tây Ninh: numbered tasks with labelled lines ---------------------------

@pytest.fixture(scope="module")
def tay_ninh():
    return read_file(seed("001"))


def test_001_numbered_tasks(tay_ninh):
    tasks, _ = tay_ninh
    numbered = [t.number for t in tasks if re.fullmatch(r"\d+\.\d+", t.number)]
    # 1.1–1.3, 2.1–2.2, 3.1–3.7, 4.1–4.3, 5.1–5.3: eighteen numbered tasks in the text
    assert numbered == ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5",
                        "3.6", "3.7", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3"]
    for t in tasks:
        if t.number in numbered:
            assert t.lead, t.number
            assert t.deadline is not None, t.number
            assert t.parent == "II." + t.number.split(".")[0]


def test_001_workload(tay_ninh):
    tasks, _ = tay_ninh
    numbered = [t for t in tasks if re.fullmatch(r"\d+\.\d+", t.number)]
    lead = Counter(name for t in numbered for name in t.lead)
    assert lead["Trung tâm Khoa học và Công nghệ"] == 9
    assert lead["Văn phòng Sở"] == 3
    assert by_number(tasks, "3.6").support == ["Phòng Thanh tra"]
    assert set(by_number(tasks, "3.5").lead) == {
        "Phòng Quản lý chuyên ngành", "Chi cục Tiêu chuẩn Đo lường Chất lượng"}


def test_001_deadlines(tay_ninh):
    tasks, _ = tay_ninh
    assert by_number(tasks, "1.1").deadline.recurrence == "ongoing"
    assert by_number(tasks, "2.1").deadline.recurrence == "yearly"
    d41 = by_number(tasks, "4.1").deadline
    assert (d41.text, d41.start_year, d41.end_year) == ("Dự kiến 2024-2026", 2024, 2026)
    d52 = by_number(tasks, "5.2").deadline
    assert (d52.start_year, d52.end_year) == (2025, None)


def test_001_organisation_duties_are_tasks(tay_ninh):
    tasks, _ = tay_ninh
    section_iv = [t for t in tasks if t.section == "IV"]
    yearly = [t for t in section_iv if t.deadline and t.deadline.date == "--11-30"]
    assert len(yearly) == 1 and yearly[0].deadline.recurrence == "yearly"
    assert yearly[0].lead == ["Các phòng, đơn vị trực thuộc Sở"]
    assert yearly[0].units[0].category == "collective"
    qlkh = [t for t in section_iv if t.lead == ["Phòng Quản lý khoa học"]]
    assert len(qlkh) == 2 and all(t.group for t in qlkh)


def test_001_units_resolved(tay_ninh):
    tasks, units = tay_ninh
    qlkh = [u for u in units if u.kind == "phong-quan-ly-khoa-hoc"]
    assert len(qlkh) == 1
    assert {"Phòng Quản lý khoa học", "Phòng Quản lý Khoa học"} <= set(qlkh[0].aliases)
    centre = next(u for u in units if u.kind == "trung-tam-khcn")
    assert centre.aliases == ["Trung tâm KH&CN"] and centre.category == "internal"
    collective = {u.name for u in units if u.category == "collective"}
    assert "Các phòng, đơn vị trực thuộc Sở" in collective
    assert "Các sở, ban, ngành tỉnh" in collective
    assert not any("xây dựng đề xuất" in u.name for u in units)


def test_001_no_tasks_outside_duty_sections(tay_ninh):
    tasks, _ = tay_ninh
    assert {t.section for t in tasks} == {"II", "IV"}
    assert not any(fold(t.text).startswith(("tren day la", "nguon kinh phi", "quan triet"))
                   for t in tasks)


def test_001_source_span(tay_ninh):
    tasks, _ = tay_ninh
    t36 = by_number(tasks, "3.6")
    assert t36.source.quote.startswith("Rà soát các quy định")
    assert t36.source.line_end > t36.source.line_start
    lines = seed("001").read_text(encoding="utf-8").splitlines()
    covered = "\n".join(lines[t36.source.line_start - 1:t36.source.line_end])
    assert "Phòng Thanh tra" in covered


# --- seed 000, Gia Lai: units as headings ------------------------------------------

@pytest.fixture(scope="module")
def gia_lai():
    return read_file(seed("000"))


def test_000_unit_headings(gia_lai):
    tasks, _ = gia_lai
    groups = Counter(t.group for t in tasks if t.section == "III")
    assert groups == {
        "Văn phòng Sở": 1,
        "Phòng Quản lý Khoa học": 2,
        "Phòng Quản lý Công nghệ và Sở hữu trí tuệ": 1,
        "Chi cục Tiêu chuẩn Đo lường Chất lượng": 2,
        "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ": 2,
        "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng": 1,
    }
    for t in tasks:
        if t.group and t.group != "Văn phòng Sở":
            assert fold(t.lead[0]) == fold(t.group), t.id


def test_000_office_cooperates_with_science_division(gia_lai):
    tasks, _ = gia_lai
    (office,) = [t for t in tasks if t.group == "Văn phòng Sở"]
    assert office.lead == ["Phòng Quản lý khoa học"]
    assert office.support == ["Văn phòng Sở"]


def test_000_beneficiaries_places_and_leaders_are_not_units(gia_lai):
    tasks, units = gia_lai
    names = " | ".join(fold(u.name) for u in units)
    assert "hoi nong dan" not in names
    assert "ia grai" not in names
    assert "lanh dao" not in names and "giam doc" not in names


def test_000_unassigned_content_items(gia_lai):
    tasks, _ = gia_lai
    content = [t for t in tasks if t.section == "II"]
    assert [t.number for t in content] == ["1", "2", "3", "4", "5", "6"]
    assert all(not t.units for t in content)
    # the page break inside item 3 is re-joined
    assert "năng suất cao, chất lượng tốt" in by_number(content, "3").text


# --- seed 002, Gia Lai OCOP: unit headings under III ----------------------------------

def test_002_unit_headings():
    tasks, _ = read_file(seed("002"))
    groups = Counter(t.group for t in tasks if t.section == "III")
    assert groups["Phòng Quản lý Khoa học"] == 2
    assert groups["Phòng Quản lý Công nghệ và Sở hữu trí tuệ"] == 3
    assert groups["Chi cục Tiêu chuẩn Đo lường Chất lượng"] == 4
    assert groups["Văn phòng Sở"] == 1
    collective = [t for t in tasks if t.group and t.group.startswith("Các đơn vị sự nghiệp")]
    assert len(collective) == 4
    assert all(t.units[0].category == "collective" for t in collective)
    assert not [t for t in tasks if t.section == "I"]


# --- seed 003, Lạng Sơn: "Nhiệm vụ N" with labelled fields -------------------------------

def test_003_key_tasks():
    tasks, _ = read_file(seed("003"))
    key = [t for t in tasks if t.number.startswith("Nhiệm vụ")]
    assert [t.number for t in key] == [f"Nhiệm vụ {n}" for n in range(1, 6)]
    assert [t.lead for t in key] == [
        ["Phòng Kế hoạch và Quản lý chuyên ngành"],
        ["Phòng Kế hoạch và Quản lý chuyên ngành"],
        ["Phòng Quản lý công nghệ và Đổi mới sáng tạo"],
        ["Phòng Quản lý công nghệ và Đổi mới sáng tạo"],
        ["Phòng Quản lý khoa học"],
    ]
    for t in key:
        assert t.deadline.text == "cả năm 2024"
        assert (t.deadline.start_year, t.deadline.end_year) == (2024, 2024)
        assert t.outputs and t.steps
    assert len(key[0].steps) == 4
    assert any("Quý I, II năm 2024" in s for s in key[3].steps)
    targets = {t.number: {(x.value, fold(x.unit)) for x in t.targets} for t in key}
    assert (15, "doanh nghiep, hop tac xa") in targets["Nhiệm vụ 2"]
    assert any(v == 3 and u.startswith("du an") for v, u in targets["Nhiệm vụ 3"])
    assert (5, "san pham") in targets["Nhiệm vụ 4"]
    assert (25, "mo hinh") in targets["Nhiệm vụ 5"]
    assert all(x.value not in (2024, 2018, 2023) for t in key for x in t.targets)


# --- seed 004, Bắc Giang: prose with the unit as subject ---------------------------------

@pytest.fixture(scope="module")
def bac_giang():
    return read_file(seed("004"))


def test_004_leads(bac_giang):
    tasks, _ = bac_giang
    leads = {name for t in tasks for name in t.lead}
    assert {
        "Phòng Kế hoạch – Tài chính", "Văn phòng Sở", "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "Thanh tra Sở", "Phòng Quản lý chuyên ngành",
        "Phòng Quản lý công nghệ và Thị trường công nghệ",
        "Trung tâm Ứng dụng khoa học và công nghệ", "Phòng Quản lý khoa học",
    } <= leads


def test_004_cooperating_bodies(bac_giang):
    tasks, units = bac_giang
    support = {name for t in tasks for name in t.support}
    assert {"Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Công an tỉnh",
            "Sở Văn hóa, Thể thao và Du lịch", "Sở Nông nghiệp và Phát triển nông thôn",
            "Tỉnh Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Cục Thống kê tỉnh"} <= support
    assert not any(fold(u.name).startswith(("the thao", "du lich")) for u in units)
    assert all(u.category == "external" for u in units if u.name.startswith("Sở "))


def test_004_subject_carries_over(bac_giang):
    tasks, _ = bac_giang
    carried = [t for t in tasks if t.text.startswith("Phối hợp với Sở Nông nghiệp")]
    assert len(carried) == 1
    assert carried[0].lead == ["Chi cục Tiêu chuẩn Đo lường Chất lượng"]
    assert set(carried[0].support) == {"Sở Nông nghiệp và Phát triển nông thôn", "Công an tỉnh"}
    inspect = next(t for t in tasks if t.text.startswith("Thanh tra Sở"))
    assert inspect.lead == ["Thanh tra Sở"]
    assert "Sở Công Thương" in inspect.support


def test_004_prose_deadlines_and_targets(bac_giang):
    tasks, _ = bac_giang
    finance = next(t for t in tasks if t.lead == ["Phòng Kế hoạch – Tài chính"])
    assert any(x.value == 1.5 and x.unit == "%" for x in finance.targets)
    info = next(t for t in tasks if t.text.startswith("Giao Trung tâm"))
    assert info.deadline.end_year == 2021
    closing = [t for t in tasks if t.section == "III"]
    assert len(closing) == 1 and closing[0].deadline.date == "--12-20"


# --- the national plan: bodies with chủ trì / phối hợp / tham gia ---------------------

@pytest.fixture(scope="module")
def national():
    return read_file(next(EXTRA.glob("3260-*")))


def test_extra_bodies_and_roles(national):
    tasks, _ = national
    committee = [t for t in tasks if t.group == "Tổ đảng ở Thường trực Ủy ban KH,CN&MT"]
    assert len(committee) == 6
    assert all(t.lead == ["Tổ đảng ở Thường trực Ủy ban Khoa học, Công nghệ và Môi trường"]
               for t in committee)
    ethnic = [t for t in tasks if t.group == "Tổ đảng ở Thường trực Hội đồng Dân tộc"]
    assert ethnic[0].units[0].role == "participate"
    office = [t for t in tasks if t.group == "Đảng ủy cơ quan Văn phòng Quốc hội"]
    assert office[0].units[0].role == "support" and len(office) == 4
    delegation = next(t for t in tasks if t.text.startswith("Đảng đoàn Quốc hội phối hợp"))
    assert delegation.lead == ["Đảng đoàn Quốc hội"]
    assert delegation.support == ["Đảng ủy cơ quan Văn phòng Quốc hội"]
    letters = {t.group for t in tasks if t.group}
    assert len(letters) == 14
    assert {u.role for t in tasks for u in t.units} == {"lead", "support", "participate"}


def test_extra_intro_subject_passes_to_bullets(national):
    tasks, _ = national
    intro = by_number(tasks, "2.1")
    children = [t for t in tasks if t.parent == intro.id]
    assert len(children) == 3 and not intro.units
    assert all(t.lead == ["Đảng đoàn Quốc hội"] for t in children)
    assert children[0].deadline.end_year == 2025


# --- robustness: encodings of the same text ----------------------------------------------

def _summary(tasks):
    return [(t.id, sorted((u.role, u.canonical) for u in t.units)) for t in tasks]


def test_nfd_and_old_tone_placement_read_the_same():
    text = seed("004").read_text(encoding="utf-8")
    base = _summary(read(text)[0])
    assert _summary(read(unicodedata.normalize("NFD", text))[0]) == base
    old = text.replace("hóa", "hoá").replace("Hóa", "Hoá").replace("thủy", "thuỷ")
    assert _summary(read(old)[0]) == base


# --- layouts on text of our own ----------------------------------------------------------

TABLE_PLAN = """KẾ HOẠCH
Hỗ trợ doanh nghiệp đổi mới công nghệ năm 2025

I. MỤC ĐÍCH, YÊU CẦU
- Phối hợp với Sở Y tế nâng cao nhận thức.

II. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo.

III. TỔ CHỨC THỰC HIỆN
Văn phòng Sở có trách nhiệm theo dõi, báo cáo Giám đốc Sở trước ngày 15/12 hàng năm.

Nơi nhận:
- Như trên;

GIÁM ĐỐC

PHỤ LỤC
"""
_ROWS = [
    ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
     "Sản phẩm"),
    ("---",) * 6,
    ("I", "**Tuyên truyền**", "", "", "", ""),
    ("1", "Tổ chức hội thảo chuyển đổi số", "Văn phòng Sở",
     "Sở Thông tin và Truyền thông, Sở Văn hoá, Thể thao và Du lịch", "Quý III năm 2025",
     "02 hội thảo"),
    ("2", "Xây dựng cơ sở dữ liệu", "Trung tâm KH&CN", "Các phòng, đơn vị thuộc Sở", "2025-2026",
     "Cơ sở dữ liệu"),
    ("II", "Hỗ trợ doanh nghiệp", "", "", "", ""),
    ("1", "Hỗ trợ 20 doanh nghiệp áp dụng ISO", "Chi cục TĐC", "Sở Công Thương", "Hàng năm",
     "Báo cáo"),
]
TABLE_PLAN += "\n".join("| " + " | ".join(row) + " |" for row in _ROWS) + "\n"


def test_pipe_table_plan():
    tasks, units = read(TABLE_PLAN, "table.md")
    rows = [t for t in tasks if t.parent is not None]
    assert len(rows) == 3
    first = rows[0]
    assert first.text == "Tổ chức hội thảo chuyển đổi số"
    assert first.lead == ["Văn phòng Sở"]
    assert first.support == ["Sở Thông tin và Truyền thông", "Sở Văn hóa, Thể thao và Du lịch"]
    assert first.deadline.start_year == 2025 and first.outputs == ["02 hội thảo"]
    assert by_number(tasks, "I").text == "Tuyên truyền" and first.parent.endswith("T1.I")
    assert [t.number for t in rows] == ["1", "2", "1"]
    assert rows[1].lead == ["Trung tâm Khoa học và Công nghệ"]
    assert rows[1].deadline.end_year == 2026
    assert rows[2].parent.endswith("T1.II") and rows[2].targets[0].value == 20
    assert rows[2].lead == ["Chi cục Tiêu chuẩn Đo lường Chất lượng"]
    assert not any("Sở Y tế" in t.support for t in tasks)
    assert not any(t.text.startswith("Các nhiệm vụ cụ thể") for t in tasks)
    report = next(t for t in tasks if t.section == "III")
    assert report.lead == ["Văn phòng Sở"] and report.deadline.date == "--12-15"
    assert {u.category for u in units} == {"internal", "external", "collective"}


MIXED_PLAN = """KẾ HOẠCH
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Phát triển thị trường công nghệ
Phòng Quản lý công nghệ chủ trì tổ chức kết nối cung cầu công nghệ.
Phối hợp với Sở Kế hoạch và Đầu tư, Hội Nông dân tỉnh thẩm định công nghệ.
2. Trung tâm Ứng dụng KH&CN
- Hỗ trợ Hội Nông dân xây dựng mô hình.
- Tham gia các hội chợ công nghệ.
3. Chi cục TĐC
Hỗ trợ 10 doanh nghiệp áp dụng truy xuất nguồn gốc. Thời gian: năm 2026.
4. Đối với Văn phòng Sở (đầu mối):
- Tổng hợp, báo cáo kết quả.
III. KINH PHÍ
Phòng Kế hoạch – Tài chính chủ trì bố trí kinh phí.
"""


def test_layouts_mixed_in_one_plan():
    tasks, _ = read(MIXED_PLAN)
    market = [t for t in tasks if t.parent and t.parent.endswith(".1")]
    assert [t.lead for t in market] == [["Phòng Quản lý công nghệ"]] * 2
    assert market[1].support == ["Sở Kế hoạch và Đầu tư", "Hội Nông dân tỉnh"]
    centre = [t for t in tasks if t.group == "Trung tâm Ứng dụng KH&CN"]
    assert len(centre) == 2
    assert centre[0].lead == ["Trung tâm Ứng dụng khoa học và công nghệ"]
    assert centre[0].support == []  # the farmers' association is helped, not a partner
    assert centre[1].units[0].role == "participate"
    (tdc,) = [t for t in tasks if t.group == "Chi cục TĐC"]
    assert tdc.lead == ["Chi cục Tiêu chuẩn Đo lường Chất lượng"]
    assert tdc.deadline.start_year == 2026 and tdc.targets[0].value == 10
    (office,) = [t for t in tasks if t.group and "Văn phòng Sở" in t.group]
    assert office.lead == ["Văn phòng Sở"]
    assert not any(t.section == "III" for t in tasks)


INLINE_PLAN = """KẾ HOẠCH
II. NHIỆM VỤ CỤ THỂ
1. Xây dựng bản đồ công nghệ ngành chế biến (Đơn vị chủ trì: Phòng Quản lý công nghệ; \
phối hợp: Sở Công Thương, Sở Nông nghiệp và PTNT; thời gian: năm 2025).
2. Tổ chức 02 hội chợ công nghệ (Cơ quan chủ trì: Trung tâm KH&CN; thời gian hoàn thành: \
Quý IV năm 2025)
III. TỔ CHỨC THỰC HIỆN
Các phòng, đơn vị thuộc Sở báo cáo kết quả trước ngày 15/12 hàng năm.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn A
"""


def test_fields_written_inside_the_task_sentence():
    tasks, _ = read(INLINE_PLAN)
    first, second = by_number(tasks, "1"), by_number(tasks, "2")
    assert first.text == "Xây dựng bản đồ công nghệ ngành chế biến"
    assert first.lead == ["Phòng Quản lý công nghệ"]
    assert first.support == ["Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn"]
    assert (first.deadline.start_year, first.deadline.end_year) == (2025, 2025)
    assert second.lead == ["Trung tâm Khoa học và Công nghệ"]
    assert second.deadline.text == "Quý IV năm 2025"
    assert any(t.value == 2 for t in second.targets)
    assert not any("GIÁM ĐỐC" in t.text or "Nguyễn Văn A" in t.text for t in tasks)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "II. NHIỆM VỤ", "1. Phòng Quản lý khoa học", "1.1. Hỗ trợ doanh nghiệp", "a) Sở Y tế",
    "- Đơn vị chủ trì: Văn phòng Sở, Sở Công Thương;", "- Thời gian thực hiện: 2024-2026",
    "+ Bước một", "| STT | Nội dung | Chủ trì | Phối hợp |", "| 1 | Việc | Chi cục TĐC | |",
    "Phối hợp với Công an tỉnh, các sở, ban, ngành", "Trên đây là kế hoạch", "PHỤ LỤC", "",
    "Giao Phòng X chủ trì", "Nhiệm vụ 2:", "III. KINH PHÍ", "- Kết quả: 05 sản phẩm", "|",
]) | st.text(max_size=40), max_size=25))
def test_any_text_gives_tasks_with_spans_inside_it(parts):
    text = "\n".join(parts)
    tasks, units = read(text)
    last = len(text.splitlines()) or 1
    ids = [t.id for t in tasks]
    assert len(ids) == len(set(ids))
    for t in tasks:
        assert 1 <= t.source.line_start <= t.source.line_end <= last
        assert all(u.canonical for u in t.units)
    assert len({u.name for u in units}) == len(units)

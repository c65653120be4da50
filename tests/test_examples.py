"""The sample plans in ``examples/`` read as ``docs/examples.md`` says.

Each sample was written for the project, so every fact asserted here is read off its own
text: numbers, dates, provinces, signers, the documents cited and the chains between
them, and each task's lead and cooperating units, deadline and outputs. Unit names are
compared on :func:`fold` (case, diacritics and tone placement do not matter), documents
on their folded number/symbol.
"""

from __future__ import annotations

import shutil
import unicodedata
import warnings
from pathlib import Path

import pytest

import policykg
from policykg.loaders.batch import Loaded, Skipped, load_paths
from policykg.loaders.model import DocRef, Plan, Task
from policykg.ontology.normalize import canon, fold

QN_SKHCN = "quang-ninh_skhcn_57_don-vi.txt"
QN_UBND = "quang-ninh_ubnd_57_so-nganh.txt"
DAK_LAK = "dak-lak_skhcn_57_chu-tri.md"
LANG_SON = "lang-son_skhcn_txng_nhiem-vu.txt"
LONG_AN = "long-an_skhcn_36_van-xuoi.txt"
BINH_DINH = "binh-dinh_skhcn_txng_phu-luc.md"
PHU_YEN = "phu-yen_skhcn_57_bang.docx"
HA_TINH = "ha-tinh_skhcn_36_nfd.txt"
QN_XA = "quang-ninh_xa_57_dam-ha.txt"
PLAN_FILES = (QN_SKHCN, QN_UBND, DAK_LAK, LANG_SON, LONG_AN, BINH_DINH, PHU_YEN, HA_TINH, QN_XA)
DEPARTMENT_PLANS = (QN_SKHCN, DAK_LAK, LANG_SON, LONG_AN, BINH_DINH, PHU_YEN, HA_TINH)
BAD_FILES = ("hong.docx", "tin-tuc_hoi-thao.txt", "trong.txt")
BAD_DIR = Path(__file__).resolve().parent / "data" / "bad"

CHI_CUC_TDC = "Chi cục Tiêu chuẩn Đo lường Chất lượng"


# --- loading -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results(examples_dir: Path) -> dict[str, Loaded | Skipped]:
    """One load of the whole ``examples/`` folder, keyed by file name."""
    out: dict[str, Loaded | Skipped] = {}
    for result in load_paths([examples_dir, BAD_DIR]):
        out[result.path.name] = result
    return out


@pytest.fixture(scope="module")
def plans(results: dict[str, Loaded | Skipped]) -> dict[str, Plan]:
    missing = {
        name: str(results.get(name, "not found by load_paths"))
        for name in PLAN_FILES
        if not isinstance(results.get(name), Loaded)
    }
    assert not missing, f"sample plans not loaded: {missing}"
    return {name: results[name].plan for name in PLAN_FILES}


# --- helpers -------------------------------------------------------------------------------


def same(a: str | None, b: str) -> bool:
    """Names equal up to case, diacritics, tone placement and spacing."""
    return a is not None and fold(a) == fold(b)


def task(plan: Plan, words: str) -> Task:
    """The one task of ``plan`` whose text contains ``words``."""
    hits = [t for t in plan.tasks if fold(words) in fold(t.text)]
    assert len(hits) == 1, (
        f"{plan.source.path}: expected one task containing {words!r}, got "
        f"{[t.number + ' ' + t.text[:60] for t in hits]}"
    )
    return hits[0]


def numbers(plan: Plan, phrases: list[str]) -> list[str]:
    """The printed numbers of the tasks found by ``phrases``, without a trailing dot."""
    return [task(plan, words).number.rstrip(".") for words in phrases]


def ref(plan: Plan, key: str) -> DocRef:
    """The reference of ``plan`` to the document numbered ``key``."""
    hits = [r for r in plan.references if r.key and fold(r.key) == fold(key)]
    keys = [r.key for r in plan.references]
    assert hits, f"{plan.source.path}: no reference to {key}; got {keys}"
    assert len(hits) == 1, f"{plan.source.path}: {key} listed {len(hits)} times"
    return hits[0]


def has_link(plan: Plan, child: str, parent: str, relation: str = "implements") -> bool:
    for link in plan.links:
        c, p = plan.references[link.child], plan.references[link.parent]
        if (c.key and p.key and fold(c.key) == fold(child) and fold(p.key) == fold(parent)
                and link.relation == relation):
            return True
    return False


def links_of(plan: Plan) -> list[tuple[str | None, str | None, str]]:
    return [(plan.references[k.child].key, plan.references[k.parent].key, k.relation)
            for k in plan.links]


def lead_is(t: Task, name: str) -> bool:
    return len(t.lead) == 1 and same(t.lead[0], name)


def supports(t: Task, *names: str) -> bool:
    folded = {fold(n) for n in t.support}
    return all(fold(n) in folded for n in names)


def check_task(t: Task, lead: str, support: tuple[str, ...] = (), deadline: str | None = None,
               output: str | None = None) -> None:
    assert lead_is(t, lead), f"task {t.number}: lead {t.lead}, expected {lead}"
    assert supports(t, *support), f"task {t.number}: support {t.support}, expected {support}"
    if deadline is not None:
        assert t.deadline is not None, f"task {t.number}: no deadline, expected {deadline!r}"
        assert fold(deadline) in fold(t.deadline.text), (t.number, t.deadline.text)
    if output is not None:
        assert any(fold(output) in fold(o) for o in t.outputs), (t.number, t.outputs)


def check_header(plan: Plan, number: str | None, symbol: str, date: str, province: str,
                 signer: str, deputy: bool) -> None:
    assert plan.number == number
    assert plan.symbol == symbol
    assert plan.date == date
    assert plan.province == province
    assert plan.signer is not None and canon(plan.signer) == canon(signer)
    capacity = fold(plan.signer_capacity or "")
    assert ("pho" in capacity) == deputy, plan.signer_capacity
    assert plan.recipients, "the Nơi nhận block lists recipients"


# --- the folder as a whole -----------------------------------------------------------------


def test_every_sample_plan_loads_with_tasks(plans: dict[str, Plan]) -> None:
    for name, plan in plans.items():
        assert plan.tasks, name
        assert any(t.lead for t in plan.tasks), name


def test_bad_files_are_skipped_with_a_reason(results: dict[str, Loaded | Skipped]) -> None:
    for name in BAD_FILES:
        result = results.get(name)
        assert isinstance(result, Skipped), f"{name}: {result}"
        assert result.path.parent.name == "bad"
        assert result.reason.strip(), name
        assert "Traceback" not in result.reason and "unexpected error" not in result.reason
        assert name in str(result), "the message names the file"


def test_the_examples_folder_holds_only_plans(examples_dir: Path) -> None:
    results = list(load_paths([examples_dir]))
    assert results and all(isinstance(r, Loaded) for r in results), [
        str(r) for r in results if isinstance(r, Skipped)]


def test_policykg_load_warns_about_skipped_files(examples_dir: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = policykg.load(BAD_DIR)
    assert loaded == []
    messages = " ".join(str(w.message) for w in caught)
    for name in BAD_FILES:
        assert name in messages


# --- Quảng Ninh: the chain 57-NQ/TW → 46-CTr/TU → 28/KH-UBND → 245/KH-SKHCN --------------


def test_quang_ninh_department_plan_header(plans: dict[str, Plan]) -> None:
    plan = plans[QN_SKHCN]
    check_header(plan, "245/KH-SKHCN", "KH-SKHCN", "2025-03-03", "Quảng Ninh",
                 "Phạm Văn Thành", deputy=True)
    assert plan.issuer and "so khoa hoc va cong nghe" in fold(plan.issuer)
    assert plan.source.format == "txt"


def test_quang_ninh_department_plan_chain(plans: dict[str, Plan]) -> None:
    plan = plans[QN_SKHCN]
    ubnd = ref(plan, "28/KH-UBND")
    assert ubnd.relation == "implements"
    assert ubnd.scope == "local" and ubnd.province == "Quảng Ninh"
    assert ubnd.date == "2025-02-05"
    party = ref(plan, "46-CTr/TU")
    assert party.scope == "local" and party.province == "Quảng Ninh"
    nq57 = ref(plan, "57-NQ/TW")
    assert nq57.scope == "central" and nq57.province is None
    assert nq57.date == "2024-12-22"
    assert ref(plan, "03/NQ-CP").relation == "basis"
    assert has_link(plan, "28/KH-UBND", "46-CTr/TU"), links_of(plan)
    assert has_link(plan, "46-CTr/TU", "57-NQ/TW"), links_of(plan)
    assert has_link(plan, "03/NQ-CP", "57-NQ/TW"), links_of(plan)


def test_quang_ninh_department_plan_unit_headings(plans: dict[str, Plan]) -> None:
    plan = plans[QN_SKHCN]
    check_task(task(plan, "mã số mã vạch"), CHI_CUC_TDC)
    check_task(task(plan, "Cổng thông tin truy xuất nguồn gốc"), CHI_CUC_TDC)
    check_task(task(plan, "ít nhất 10 dự án khởi nghiệp"),
               "Phòng Quản lý công nghệ và Đổi mới sáng tạo")
    check_task(task(plan, "nhãn hiệu tập thể"), "Phòng Quản lý công nghệ và Đổi mới sáng tạo")
    check_task(task(plan, "ba kích tím"), "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ")
    check_task(task(plan, "cơ sở dữ liệu dùng chung"), "Phòng Chuyển đổi số")
    budget = task(plan, "3% tổng chi ngân sách")
    check_task(budget, "Phòng Kế hoạch – Tài chính")
    assert any(t.value == 3 for t in budget.targets), budget.targets
    office = [t for t in plan.tasks if lead_is(t, "Văn phòng Sở")]
    assert len(office) >= 2, "Văn phòng Sở has two bullet duties"
    tdc = next(u for u in plan.units if same(u.name, CHI_CUC_TDC))
    assert tdc.category == "internal"


def test_quang_ninh_people_committee_plan(plans: dict[str, Plan]) -> None:
    plan = plans[QN_UBND]
    check_header(plan, "28/KH-UBND", "KH-UBND", "2025-02-05", "Quảng Ninh",
                 "Nguyễn Thị Hạnh", deputy=True)
    assert plan.issuer and ("uy ban nhan dan" in fold(plan.issuer) or "ubnd" in fold(plan.issuer))
    assert "chu tich" in fold(plan.signer_capacity or ""), plan.signer_capacity
    assert ref(plan, "46-CTr/TU").relation == "implements"
    assert ref(plan, "57-NQ/TW").scope == "central"
    assert has_link(plan, "46-CTr/TU", "57-NQ/TW"), links_of(plan)
    check_task(task(plan, "3% tổng chi ngân sách tỉnh"), "Sở Tài chính")
    check_task(task(plan, "an ninh mạng"), "Công an tỉnh")
    check_task(task(plan, "Trung tâm đổi mới sáng tạo"), "Sở Khoa học và Công nghệ")
    check_task(task(plan, "thu hút chuyên gia"), "Sở Nội vụ")
    police = next(u for u in plan.units if same(u.name, "Công an tỉnh"))
    assert police.category == "external"


def test_department_plan_cites_the_ingested_committee_plan(plans: dict[str, Plan]) -> None:
    """The department plan's 28/KH-UBND is the committee plan in the same folder."""
    cited = ref(plans[QN_SKHCN], "28/KH-UBND")
    committee = plans[QN_UBND]
    assert fold(cited.key or "") == fold(committee.number or "")
    assert cited.province == committee.province
    assert cited.year == int(committee.date[:4])


# --- Quảng Ninh: a commune's plan with the province plan's number -------------------------


def test_commune_plan_header(plans: dict[str, Plan]) -> None:
    plan = plans[QN_XA]
    check_header(plan, "28/KH-UBND", "KH-UBND", "2025-08-12", "Quảng Ninh",
                 "Nguyễn Văn Hưng", deputy=False)
    assert same(plan.issuer, "UBND xã Đầm Hà")
    assert plan.id != plans[QN_UBND].id  # the province's 28/KH-UBND is another plan


def test_commune_plan_carries_out_the_province_plan_of_its_number(
        plans: dict[str, Plan]) -> None:
    plan = plans[QN_XA]
    province = ref(plan, "28/KH-UBND")
    assert province.relation == "implements"
    assert same(province.issuer, "UBND tỉnh Quảng Ninh") and province.date == "2025-02-05"
    assert has_link(plan, "28/KH-UBND", "46-CTr/TU"), links_of(plan)
    assert ref(plan, "15/KH-UBND").relation == "basis"


def test_commune_plan_tasks(plans: dict[str, Plan]) -> None:
    plan = plans[QN_XA]
    check_task(task(plan, "mã số, mã vạch"), "Phòng Kinh tế", ("Hội Nông dân xã",),
               "Quý IV/2025", "danh sách sản phẩm")
    check_task(task(plan, "nhãn hiệu tập thể"), "Phòng Kinh tế", ("Văn phòng HĐND và UBND xã",))
    online = task(plan, "trực tuyến toàn trình")
    check_task(online, "Trung tâm Phục vụ hành chính công xã", (), "thường xuyên")
    assert [t.value for t in online.targets] == [80]
    training = task(plan, "kỹ năng số")
    check_task(training, "Phòng Văn hóa - Xã hội", ("Đoàn Thanh niên xã",), "hằng năm")
    assert [t.value for t in training.targets] == [10]
    report = task(plan, "tổng hợp, báo cáo kết quả")
    assert report.deadline is not None and report.deadline.recurrence == "half-yearly"
    own = {fold(u.name): u.category for u in plan.units}
    assert own["phong kinh te"] == own["trung tam phuc vu hanh chinh cong xa"] == "internal"


# --- Đắk Lắk: labelled lines in markdown ---------------------------------------------------


def test_dak_lak_header_and_chain(plans: dict[str, Plan]) -> None:
    plan = plans[DAK_LAK]
    check_header(plan, "1520/KH-SKHCN", "KH-SKHCN", "2025-08-15", "Đắk Lắk",
                 "Trần Quốc Huy", deputy=False)
    assert plan.source.format == "md"
    assert plan.title and "57-NQ/TW" in plan.title and "**" not in plan.title
    assert ref(plan, "95/KH-UBND").relation == "implements"
    assert ref(plan, "95/KH-UBND").province == "Đắk Lắk"
    assert ref(plan, "57-NQ/TW").relation == "implements"  # the title says so
    assert ref(plan, "03/NQ-CP").relation == "basis"
    assert has_link(plan, "95/KH-UBND", "05-CTr/TU"), links_of(plan)
    assert has_link(plan, "05-CTr/TU", "57-NQ/TW"), links_of(plan)


def test_dak_lak_labelled_tasks(plans: dict[str, Plan]) -> None:
    plan = plans[DAK_LAK]
    numbers = {t.number.rstrip(".") for t in plan.tasks}
    assert {"1.1", "2.1", "2.2", "2.3", "3.1", "4.1"} <= numbers, numbers
    news = task(plan, "Mở chuyên mục")
    check_task(news, "Trung tâm Khoa học và Công nghệ",
               ("Văn phòng Sở", "Sở Văn hóa, Thể thao và Du lịch",
                "Báo và Phát thanh, Truyền hình Đắk Lắk"), "Thường xuyên",
               "tối thiểu 48 tin, bài")
    assert news.deadline.recurrence == "ongoing"
    assert not any(same(s, "Thể thao và Du lịch") for s in news.support), news.support
    check_task(task(plan, "mã số, mã vạch"), CHI_CUC_TDC,
               ("Sở Công Thương", "Liên minh Hợp tác xã tỉnh"), "Thường xuyên",
               "100% hồ sơ đề nghị")
    ip = task(plan, "Buôn Ma Thuột")
    check_task(ip, "Phòng Quản lý công nghệ và Sở hữu trí tuệ", ("Sở Nông nghiệp và Môi trường",),
               "2025-2026", "06 nhãn hiệu")
    assert (ip.deadline.start_year, ip.deadline.end_year) == (2025, 2026)
    trace = task(plan, "tem truy xuất trên bao bì")
    check_task(trace, CHI_CUC_TDC, ("Sở Nông nghiệp và Môi trường", "Sở Công Thương"),
               "Quý IV năm 2025", "30 cơ sở")
    assert trace.deadline.end_year == 2025
    startup = task(plan, "Ngày hội khởi nghiệp")
    check_task(startup, "Trung tâm Khoa học và Công nghệ",
               ("Tỉnh Đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "Trường Đại học Tây Nguyên"),
               "Hằng năm", "01 Ngày hội")
    assert startup.deadline.recurrence == "yearly"
    db = task(plan, "Hợp nhất cơ sở dữ liệu")
    check_task(db, "Phòng Chuyển đổi số", ("Phòng Quản lý khoa học",), "31/12/2025")
    assert db.deadline.date == "2025-12-31"


def test_dak_lak_abbreviated_unit_is_one_unit(plans: dict[str, Plan]) -> None:
    """"Trung tâm KH&CN" and "Trung tâm Khoa học và Công nghệ" are one organisation."""
    plan = plans[DAK_LAK]
    short = task(plan, "Mở chuyên mục").lead
    full = task(plan, "Ngày hội khởi nghiệp").lead
    assert short == full
    centres = [u for u in plan.units if "trung tam" in fold(u.name)]
    assert len(centres) == 1, [u.name for u in centres]
    assert any("KH&CN" in a for a in centres[0].aliases), centres[0].aliases


# --- Lạng Sơn: "Nhiệm vụ N:" with fields and "+" steps -------------------------------------


def test_lang_son_header_and_chain(plans: dict[str, Plan]) -> None:
    plan = plans[LANG_SON]
    check_header(plan, "87/KH-SKHCN", "KH-SKHCN", "2025-03-20", "Lạng Sơn",
                 "Hoàng Văn Lợi", deputy=False)
    committee = ref(plan, "64/KH-UBND")
    assert committee.relation == "implements" and committee.province == "Lạng Sơn"
    decision = ref(plan, "100/QĐ-TTg")
    assert decision.scope == "central" and decision.date == "2019-01-19"
    assert has_link(plan, "64/KH-UBND", "100/QĐ-TTg"), links_of(plan)


def test_lang_son_key_tasks(plans: dict[str, Plan]) -> None:
    plan = plans[LANG_SON]
    one = task(plan, "12 cơ sở sản xuất nông sản")
    check_task(one, CHI_CUC_TDC, ("Sở Nông nghiệp và Môi trường",), "Quý II - Quý IV năm 2025",
               "gắn tem truy xuất nguồn gốc")
    assert len(one.steps) == 3 and "Khảo sát" in one.steps[0]
    assert (one.deadline.start_year, one.deadline.end_year) == (2025, 2025)
    two = task(plan, "tập huấn thủ tục cấp mã số")
    check_task(two, CHI_CUC_TDC, ("Liên minh Hợp tác xã tỉnh",), "Quý II năm 2025",
               "02 lớp tập huấn")
    assert len(two.steps) == 2
    three = task(plan, "04 sản phẩm đặc sản")
    check_task(three, "Phòng Quản lý công nghệ và Đổi mới sáng tạo", (), "Cả năm 2025",
               "04 đơn đăng ký nhãn hiệu")
    assert len(three.steps) == 3
    four = task(plan, "Ươm tạo 05 ý tưởng")
    check_task(four, "Trung tâm Ứng dụng khoa học và công nghệ", ("Tỉnh Đoàn",),
               "tháng 11 năm 2025")
    five = task(plan, "cân ô tô")
    check_task(five, "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
               ("Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn",), "30/11/2025",
               "100% cân ô tô")
    assert five.deadline.date == "2025-11-30"
    assert len({t.id for t in (one, two, three, four, five)}) == 5


# --- Long An: prose, blank number ----------------------------------------------------------


def test_long_an_blank_number_and_partial_date(plans: dict[str, Plan]) -> None:
    plan = plans[LONG_AN]
    check_header(plan, None, "KH-SKHCN", "2024-04", "Long An", "Lê Minh Tâm", deputy=False)


def test_long_an_chain_to_36(plans: dict[str, Plan]) -> None:
    plan = plans[LONG_AN]
    committee = ref(plan, "95/KH-UBND")
    assert committee.relation == "implements"
    assert committee.province == "Long An" and committee.year == 2024
    nq36 = ref(plan, "36-NQ/TW")
    assert nq36.scope == "central" and nq36.date == "2023-01-30"
    assert ref(plan, "189/NQ-CP").relation == "basis"
    assert has_link(plan, "95/KH-UBND", "38-CTr/TU"), links_of(plan)
    assert has_link(plan, "38-CTr/TU", "36-NQ/TW"), links_of(plan)


def test_long_an_prose_tasks(plans: dict[str, Plan]) -> None:
    plan = plans[LONG_AN]
    check_task(task(plan, "giống lúa chịu mặn"), "Phòng Quản lý khoa học",
               ("Sở Nông nghiệp và Phát triển nông thôn",))
    banana = task(plan, "chuối cấy mô")
    check_task(banana, "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ")
    assert banana.deadline is not None and banana.deadline.end_year == 2025
    barcode = task(plan, "mã số mã vạch")
    check_task(barcode, CHI_CUC_TDC)
    assert barcode.deadline is not None and barcode.deadline.recurrence == "ongoing"
    check_task(task(plan, "phân bón sinh học"), "Thanh tra Sở",
               ("Sở Công Thương", "Công an tỉnh", "Quản lý thị trường tỉnh"))
    marks = task(plan, "nhãn hiệu tập thể")
    check_task(marks, "Phòng Quản lý công nghệ và Sở hữu trí tuệ")
    assert any(t.value == 5 for t in marks.targets), marks.targets
    check_task(task(plan, "vườn ươm"), "Phòng Quản lý công nghệ và Sở hữu trí tuệ",
               ("Tỉnh Đoàn", "Hội Doanh nhân trẻ tỉnh"))
    check_task(task(plan, "đăng tải tin, bài"), "Văn phòng Sở")


def test_same_committee_number_in_two_provinces(plans: dict[str, Plan]) -> None:
    """95/KH-UBND of Long An (2024) and of Đắk Lắk (2025) are different documents."""
    long_an = ref(plans[LONG_AN], "95/KH-UBND")
    dak_lak = ref(plans[DAK_LAK], "95/KH-UBND")
    assert (long_an.province, long_an.year) == ("Long An", 2024)
    assert (dak_lak.province, dak_lak.year) == ("Đắk Lắk", 2025)


# --- Bình Định: markdown table in the appendix ---------------------------------------------


def test_binh_dinh_header_and_chain(plans: dict[str, Plan]) -> None:
    plan = plans[BINH_DINH]
    check_header(plan, "412/KH-SKHCN", "KH-SKHCN", "2024-04-10", "Bình Định",
                 "Võ Thị Ngọc Lan", deputy=True)
    assert ref(plan, "45/KH-UBND").relation == "implements"
    assert ref(plan, "45/KH-UBND").province == "Bình Định"
    assert ref(plan, "100/QĐ-TTg").scope == "central"
    assert has_link(plan, "45/KH-UBND", "100/QĐ-TTg"), links_of(plan)
    own = fold(plan.number or "")
    assert all(fold(r.key or "") != own for r in plan.references), "a plan does not cite itself"


def test_binh_dinh_table_tasks(plans: dict[str, Plan]) -> None:
    plan = plans[BINH_DINH]
    rows = ["mã số, mã vạch", "dừa Tam Quan", "Rượu Bàu Đá", "Ngày hội khởi nghiệp Quy Nhơn",
            "chợ, siêu thị", "kết nối với Cổng quốc gia"]
    assert numbers(plan, rows) == ["1", "2", "3", "4", "5", "6"]
    barcode = task(plan, "mã số, mã vạch")
    check_task(barcode, CHI_CUC_TDC, ("Sở Công Thương", "Liên minh Hợp tác xã tỉnh"),
               "Thường xuyên", "Danh sách doanh nghiệp")
    model = task(plan, "dừa Tam Quan")
    check_task(model, CHI_CUC_TDC, ("Sở Nông nghiệp và Phát triển nông thôn",),
               "Quý III năm 2024", "02 mô hình")
    assert model.lead == barcode.lead, "Chi cục TĐC is the Chi cục spelled in full"
    mark = task(plan, "Rượu Bàu Đá")
    check_task(mark, "Phòng Quản lý công nghệ và Sở hữu trí tuệ", ("UBND thị xã An Nhơn",),
               "2024-2025", "Quy chế quản lý nhãn hiệu")
    assert (mark.deadline.start_year, mark.deadline.end_year) == (2024, 2025)
    startup = task(plan, "Ngày hội khởi nghiệp Quy Nhơn")
    check_task(startup, "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
               ("Sở Kế hoạch và Đầu tư", "Tỉnh Đoàn"), "Hằng năm", "10 dự án")
    assert startup.deadline.recurrence == "yearly"
    check_task(task(plan, "chợ, siêu thị"), "Thanh tra Sở",
               ("Sở Công Thương", "Công an tỉnh", "Cục Quản lý thị trường tỉnh"),
               "Quý IV năm 2024", "Báo cáo kết quả kiểm tra")
    portal = task(plan, "kết nối với Cổng quốc gia")
    check_task(portal, CHI_CUC_TDC, ("Sở Thông tin và Truyền thông",), "31/12/2024")
    assert portal.deadline.date == "2024-12-31"


# --- Phú Yên: a Word table -----------------------------------------------------------------


def test_phu_yen_docx_header_and_chain(plans: dict[str, Plan]) -> None:
    plan = plans[PHU_YEN]
    assert plan.source.format == "docx"
    check_header(plan, "318/KH-SKHCN", "KH-SKHCN", "2025-03-14", "Phú Yên",
                 "Nguyễn Văn Phúc", deputy=True)
    assert ref(plan, "40/KH-UBND").relation == "implements"
    assert ref(plan, "40/KH-UBND").province == "Phú Yên"
    assert has_link(plan, "40/KH-UBND", "20-CTr/TU"), links_of(plan)
    assert has_link(plan, "20-CTr/TU", "57-NQ/TW"), links_of(plan)


def test_phu_yen_docx_table_tasks(plans: dict[str, Plan]) -> None:
    plan = plans[PHU_YEN]
    rows = ["Quán triệt", "mã số mã vạch", "từ tàu cá đến cảng cá", "chỉ dẫn địa lý",
            "Câu lạc bộ khởi nghiệp", "nền tảng số"]
    assert numbers(plan, rows) == ["1", "2", "3", "4", "5", "6"]
    check_task(task(plan, "Quán triệt"), "Văn phòng Sở", (), "Quý I năm 2025",
               "Hội nghị quán triệt")
    barcode = task(plan, "mã số mã vạch")
    check_task(barcode, CHI_CUC_TDC, (), "Thường xuyên", "100% chủ thể OCOP")
    tuna = task(plan, "từ tàu cá đến cảng cá")
    check_task(tuna, CHI_CUC_TDC,
               ("Sở Nông nghiệp và Phát triển nông thôn", "Ban Quản lý Cảng cá tỉnh"),
               "Năm 2025", "50 tàu cá")
    check_task(task(plan, "chỉ dẫn địa lý"), "Phòng Quản lý công nghệ và Sở hữu trí tuệ",
               ("Hội Nghề cá tỉnh",), "2025-2026", "03 nhãn hiệu")
    check_task(task(plan, "Câu lạc bộ khởi nghiệp"),
               "Trung tâm Thông tin và Ứng dụng khoa học và công nghệ",
               ("Tỉnh Đoàn", "Trường Đại học Phú Yên"), "Quý III năm 2025")
    platforms = task(plan, "nền tảng số")
    check_task(platforms, "Phòng Bưu chính, Viễn thông và Chuyển đổi số", ("Văn phòng Sở",),
               "30/6/2025", "vận hành ổn định")
    assert platforms.deadline.date == "2025-06-30"


# --- Hà Tĩnh: NFD, old tone placement, a page-break split ----------------------------------


def test_ha_tinh_file_is_really_nfd_with_old_tones(examples_dir: Path) -> None:
    raw = (examples_dir / HA_TINH).read_text(encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", raw)
    composed = unicodedata.normalize("NFC", raw)
    assert "Tỉnh uỷ" in composed and "thuỷ sản" in composed and "hài hoà" in composed


def test_ha_tinh_header_and_chain(plans: dict[str, Plan]) -> None:
    plan = plans[HA_TINH]
    check_header(plan, "156/KH-SKHCN", "KH-SKHCN", "2024-01-15", "Hà Tĩnh",
                 "Trần Thị Thủy", deputy=True)
    assert ref(plan, "18/KH-UBND").relation == "implements"
    assert ref(plan, "18/KH-UBND").province == "Hà Tĩnh"
    assert ref(plan, "36-NQ/TW").date == "2023-01-30"
    assert has_link(plan, "18/KH-UBND", "25-CTr/TU"), links_of(plan)
    assert has_link(plan, "25-CTr/TU", "36-NQ/TW"), links_of(plan)


def test_ha_tinh_page_break_is_rejoined(plans: dict[str, Plan]) -> None:
    shrimp = task(plans[HA_TINH], "tôm thẻ chân trắng")
    assert "an toàn sinh học, giảm sử dụng kháng sinh" in canon(shrimp.text)
    assert shrimp.source.line_end > shrimp.source.line_start
    check_task(shrimp, "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
               ("Chi cục Thủy sản",), "Năm 2024-2025", "02 mô hình")


def test_ha_tinh_tasks(plans: dict[str, Plan]) -> None:
    plan = plans[HA_TINH]
    rows = ["tôm thẻ chân trắng", "Phúc Trạch", "mã số mã vạch", "khởi nghiệp",
            "đạo đức trong nghiên cứu"]
    assert numbers(plan, rows) == ["1", "2", "3", "4", "5"]
    pomelo = task(plan, "Phúc Trạch")
    check_task(pomelo, "Phòng Quản lý chuyên ngành",
               ("UBND huyện Hương Khê", "Sở Văn hóa, Thể thao và Du lịch"), "Hàng năm",
               "03 nhãn hiệu chứng nhận")
    assert pomelo.deadline.recurrence == "yearly"
    check_task(task(plan, "mã số mã vạch"), CHI_CUC_TDC,
               ("Văn phòng Điều phối nông thôn mới tỉnh",), "Thường xuyên", "60 cơ sở")
    startup = task(plan, "khởi nghiệp")
    check_task(startup, "Phòng Quản lý khoa học", ("Tỉnh Đoàn", "Trường Đại học Hà Tĩnh"),
               "2024-2026", "05 dự án")
    assert (startup.deadline.start_year, startup.deadline.end_year) == (2024, 2026)
    check_task(task(plan, "đạo đức trong nghiên cứu"), "Văn phòng Sở",
               ("Phòng Quản lý khoa học",), "Quý III năm 2024", "01 lớp bồi dưỡng")


def test_ha_tinh_names_are_composed(plans: dict[str, Plan]) -> None:
    plan = plans[HA_TINH]
    names = [u.canonical for t in plan.tasks for u in t.units] + [u.name for u in plan.units]
    assert names
    for name in names:
        assert unicodedata.is_normalized("NFC", name), repr(name)


def test_nfd_file_gives_the_same_names_as_nfc(examples_dir: Path,
                                              tmp_path: Path) -> None:
    """The same plan saved NFC with new tone placement reads to the same canonical units."""
    raw = (examples_dir / HA_TINH).read_text(encoding="utf-8")
    copy = tmp_path / "ha-tinh_nfc.txt"
    copy.write_text(canon(raw), encoding="utf-8")
    plain = tmp_path / "ha-tinh_plain.txt"
    shutil.copyfile(examples_dir / HA_TINH, plain)
    (from_nfc,) = policykg.load(copy)
    (from_nfd,) = policykg.load(plain)

    def units(plan: Plan) -> list[tuple[str, str, str]]:
        return [(t.number, u.role, canon(u.canonical)) for t in plan.tasks for u in t.units]

    assert units(from_nfd), "the plan has units"
    assert units(from_nfd) == units(from_nfc)
    assert [canon(t.text) for t in from_nfd.tasks] == [canon(t.text) for t in from_nfc.tasks]
    assert from_nfd.province == from_nfc.province == "Hà Tĩnh"


# --- across provinces ----------------------------------------------------------------------


def _citing(plans: dict[str, Plan], key: str) -> set[str]:
    return {p.province for p in plans.values()
            if any(r.key and fold(r.key) == fold(key) for r in p.references)}


def test_same_central_resolution_in_several_provinces(plans: dict[str, Plan]) -> None:
    assert _citing(plans, "57-NQ/TW") == {"Quảng Ninh", "Đắk Lắk", "Phú Yên"}
    assert _citing(plans, "36-NQ/TW") == {"Long An", "Hà Tĩnh"}
    assert _citing(plans, "100/QĐ-TTg") == {"Lạng Sơn", "Bình Định"}
    dates = {ref(p, "57-NQ/TW").date for p in plans.values()
             if any(r.key and fold(r.key) == fold("57-NQ/TW") for r in p.references)}
    assert dates == {"2024-12-22"}, "one Politburo resolution everywhere"


def test_barcode_guidance_is_a_shared_duty(plans: dict[str, Plan]) -> None:
    """Every department plan gives barcode guidance to its Chi cục, worded its own way."""
    wordings: set[str] = set()
    for name in DEPARTMENT_PLANS:
        plan = plans[name]
        hits = [t for t in plan.tasks if "ma vach" in fold(t.text)]
        assert hits, name
        assert any(any("chi cuc" in fold(lead) for lead in t.lead) for t in hits), name
        wordings.add(fold(hits[0].text))
    assert len(wordings) == len(DEPARTMENT_PLANS), "each plan words the duty its own way"


def test_trademark_support_is_a_shared_duty(plans: dict[str, Plan]) -> None:
    for name in DEPARTMENT_PLANS:
        plan = plans[name]
        assert any("nhan hieu" in fold(t.text) or "chi dan dia ly" in fold(t.text)
                   for t in plan.tasks), name


def test_merged_provinces_keep_the_name_written(plans: dict[str, Plan]) -> None:
    """Pre-2025 provinces stay as written on the plan (Phú Yên, Bình Định, Long An)."""
    assert plans[PHU_YEN].province == "Phú Yên"
    assert plans[BINH_DINH].province == "Bình Định"
    assert plans[LONG_AN].province == "Long An"

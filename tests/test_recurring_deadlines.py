"""Recurring deadlines: half-yearly duties, and yearly duties due in one part of the year.

"Định kỳ 6 tháng/lần" is ``half-yearly`` (a duty both half-yearly and yearly is half-yearly:
the shorter period is the one a unit plans for); "Quý I hằng năm" is yearly with the month its
quarter ends in (``--03``), so ``due`` lists it in every year's first quarter and in no other.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from policykg.loaders.deadlines import find_deadline, read_deadline, read_deadline_in
from policykg.queries import due
from tests.layouts import find, parse


@pytest.mark.parametrize("text, recurrence, date", [
    ("Định kỳ 6 tháng", "half-yearly", None),
    ("định kỳ 6 tháng/lần", "half-yearly", None),
    ("6 tháng một lần", "half-yearly", None),
    ("hằng 6 tháng", "half-yearly", None),
    ("Mỗi 6 tháng", "half-yearly", None),
    ("định kỳ sáu tháng một lần", "half-yearly", None),
    ("Định kỳ nửa năm", "half-yearly", None),
    ("báo cáo 6 tháng và năm", "half-yearly", None),
    ("Báo cáo định kỳ 6 tháng, năm", "half-yearly", None),
    ("Định kỳ 6 tháng, hằng năm", "half-yearly", None),
    ("Hằng năm, báo cáo 6 tháng một lần", "half-yearly", None),
    ("Định kỳ 6 tháng, trước ngày 20/6 và 20/12", "half-yearly", "--06-20"),
    ("Quý I hằng năm", "yearly", "--03"),
    ("trong quý IV hằng năm", "yearly", "--12"),
    ("Quý 2 hàng năm", "yearly", "--06"),
    ("Quý I, II hằng năm", "yearly", "--06"),
    ("tháng 12 hằng năm", "yearly", "--12"),
    ("Tháng 3 hàng năm", "yearly", "--03"),
    ("trước ngày 15/12 hằng năm", "yearly", "--12-15"),
    ("6 tháng đầu năm hằng năm", "yearly", "--06"),
    ("6 tháng cuối năm hàng năm", "yearly", "--12"),
    ("Hằng năm", "yearly", None),
    ("Định kỳ", "ongoing", None),
    ("Thường xuyên", "ongoing", None),
    ("Hằng quý", "quarterly", None),
])
def test_recurrence_and_month(text, recurrence, date):
    for form in ("NFC", "NFD"):
        found = read_deadline(unicodedata.normalize(form, text))
        assert (found.recurrence, found.date) == (recurrence, date), form
        assert found.text == text  # kept as written
        assert (found.start_year, found.end_year) == (None, None)  # every year


@pytest.mark.parametrize("text", [
    "6 tháng đầu năm 2026",  # a period of one year, not a recurrence
    "Sơ kết 6 tháng đầu năm 2026",
    "Quý IV năm 2026",
    "Trong 6 tháng",
])
def test_a_period_of_one_year_does_not_recur(text):
    assert read_deadline(text).recurrence is None


def test_a_recurring_period_keeps_its_month_in_a_plan_of_one_year():
    found = read_deadline_in("Quý I hằng năm", 2026)
    assert (found.recurrence, found.date) == ("yearly", "--03")


@pytest.mark.parametrize("sentence, recurrence, date", [
    ("Tổ chức ngày hội sáng kiến trong quý IV hằng năm.", "yearly", "--12"),
    ("Kiểm tra an toàn bức xạ tại cơ sở y tế vào quý III hàng năm.", "yearly", "--09"),
    ("Cập nhật cơ sở dữ liệu chuyên gia vào tháng 12 hằng năm.", "yearly", "--12"),
    ("Theo dõi việc tuyển dụng, hằng 6 tháng báo cáo Ủy ban nhân dân tỉnh.",
     "half-yearly", None),
    ("Tổng hợp kết quả, báo cáo 6 tháng và năm gửi Sở Nội vụ.", "half-yearly", None),
    ("Theo dõi tiến độ, định kỳ 6 tháng một lần báo cáo Giám đốc Sở.", "half-yearly", None),
])
def test_recurring_deadline_inside_prose(sentence, recurrence, date):
    for form in ("NFC", "NFD"):
        found = find_deadline(unicodedata.normalize(form, sentence))
        assert found is not None, form
        assert (found.recurrence, found.date) == (recurrence, date), form


# A plan of our own over several years: labelled lines, a table with a "Thời gian hoàn thành"
# column and prose duties, each recurring.
_PLAN = """ỦY BAN NHÂN DÂN TỈNH KON TUM
SỞ KHOA HỌC VÀ CÔNG NGHỆ

Số: 27/KH-SKHCN

Kon Tum, ngày 20 tháng 02 năm 2026

KẾ HOẠCH
Phát triển thị trường khoa học và công nghệ giai đoạn 2026 - 2030

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm các nhiệm vụ được thực hiện đều đặn qua các năm.

II. NHIỆM VỤ CỤ THỂ
1. Tổng hợp tình hình hỗ trợ doanh nghiệp khởi nghiệp sáng tạo
- Đơn vị chủ trì: Văn phòng Sở.
- Thời gian thực hiện: Định kỳ 6 tháng/lần.

2. Xây dựng kế hoạch kiểm tra phương tiện đo trong thương mại
- Đơn vị chủ trì: Chi cục Tiêu chuẩn Đo lường Chất lượng.
- Thời gian thực hiện: Quý I hằng năm.

3. Tổ chức ngày hội trình diễn kết quả nghiên cứu
- Đơn vị chủ trì: Trung tâm Ứng dụng khoa học và công nghệ.
- Thời gian thực hiện: trong quý IV hàng năm.

4. Đánh giá mức độ hài lòng của tổ chức khoa học
- Đơn vị chủ trì: Phòng Quản lý khoa học.
- Thời gian thực hiện: Định kỳ 6 tháng, hằng năm.

5. Sơ kết chương trình hỗ trợ phát triển tài sản trí tuệ
- Đơn vị chủ trì: Phòng Quản lý công nghệ.
- Thời gian thực hiện: 6 tháng đầu năm hằng năm.

6. Sở Nội vụ chủ trì theo dõi việc thu hút chuyên gia, hằng 6 tháng báo cáo UBND tỉnh.

7. Phòng Quản lý chuyên ngành chủ trì kiểm tra an toàn bức xạ trong quý III hằng năm.

8. Biên soạn tài liệu hướng dẫn chuyển giao công nghệ
- Đơn vị chủ trì: Phòng Quản lý công nghệ.
- Thời gian thực hiện: Quý II/2027.

III. DANH MỤC NHIỆM VỤ THƯỜNG KỲ
| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Cập nhật cơ sở dữ liệu chuyên gia | Phòng Quản lý khoa học | Văn phòng Sở | tháng 12 hằng năm|
| 2 | Rà soát quy chế quản lý đề tài | Phòng Quản lý khoa học | | trước ngày 15/12 hằng năm |
| 3 | Thống kê chỉ số đổi mới sáng tạo | Phòng Kế hoạch – Tài chính | | Báo cáo 6 tháng và năm |
| 4 | Hướng dẫn đăng ký nhãn hiệu tập thể | Phòng Quản lý công nghệ | | 6 tháng một lần |
| 5 | Kiểm định phương tiện đo taximet | Chi cục Tiêu chuẩn Đo lường Chất lượng | | Hằng năm |
| 6 | Báo cáo quyền sở hữu công nghiệp | Văn phòng Sở || Định kỳ 6 tháng, trước ngày 20/6 và 20/12 |
"""

# Words of each task → (recurrence, the quarters of any year in which it falls due).
_EVERY = {1, 2, 3, 4}
_DUE = {
    "khởi nghiệp sáng tạo": ("half-yearly", _EVERY),
    "phương tiện đo trong thương mại": ("yearly", {1}),
    "ngày hội trình diễn": ("yearly", {4}),
    "mức độ hài lòng": ("half-yearly", _EVERY),
    "tài sản trí tuệ": ("yearly", {2}),
    "thu hút chuyên gia": ("half-yearly", _EVERY),
    "an toàn bức xạ": ("yearly", {3}),
    "cơ sở dữ liệu chuyên gia": ("yearly", {4}),
    "quy chế quản lý đề tài": ("yearly", {4}),
    "chỉ số đổi mới sáng tạo": ("half-yearly", _EVERY),
    "nhãn hiệu tập thể": ("half-yearly", _EVERY),
    "phương tiện đo taximet": ("yearly", _EVERY),
    "quyền sở hữu công nghiệp": ("half-yearly", {2, 4}),
}


@pytest.fixture(scope="module", params=["NFC", "NFD"])
def plan(request):
    return parse(unicodedata.normalize(request.param, _PLAN), "kon-tum_kh27.txt")


def test_every_layout_reads_its_recurrence(plan):
    read = {words: find(plan, words).deadline.recurrence for words in _DUE}
    assert read == {words: recurrence for words, (recurrence, _) in _DUE.items()}
    dated = find(plan, "chuyển giao công nghệ").deadline
    assert (dated.recurrence, dated.date) == (None, "2027-06")
    # the text stays as written
    assert find(plan, "phương tiện đo trong thương mại").deadline.text == "Quý I hằng năm"
    assert find(plan, "chỉ số đổi mới").deadline.text == "Báo cáo 6 tháng và năm"


def _texts(hits) -> list[str]:
    return [h.text for h in hits]


def _quarters_of(source, words: str, year: int) -> set[int]:
    """The quarters of ``year`` in which ``due`` lists the recurring task with ``words``."""
    found = set()
    for quarter in (1, 2, 3, 4):
        report = due(source, f"{year}-Q{quarter}")
        assert not [t for t in _texts(report.dated) if words in t]
        hits = [t for t in _texts(report.yearly) if words in t]
        assert len(hits) <= 1
        if hits:
            found.add(quarter)
    return found


def _check_due(source) -> None:
    for year in (2027, 2029):
        for words, (_, quarters) in _DUE.items():
            assert _quarters_of(source, words, year) == quarters, (words, year)
        whole = _texts(due(source, str(year)).yearly)
        assert all(any(words in t for t in whole) for words in _DUE)
    december = " ".join(_texts(due(source, "2028-12").yearly))
    assert "cơ sở dữ liệu chuyên gia" in december and "quy chế quản lý đề tài" in december
    assert "ngày hội trình diễn" in december and "phương tiện đo trong thương mại" not in december
    march = " ".join(_texts(due(source, "2028-03").yearly))
    assert "phương tiện đo trong thương mại" in march and "tài sản trí tuệ" not in march
    assert "tài sản trí tuệ" in " ".join(_texts(due(source, "2028-06").yearly))
    july = " ".join(_texts(due(source, "2028-07").yearly))
    assert "khởi nghiệp sáng tạo" in july and "phương tiện đo taximet" in july
    assert "an toàn bức xạ" not in july and "quyền sở hữu công nghiệp" not in july
    # a dated duty stays where it was
    assert [t for t in _texts(due(source, "2027-Q2").dated) if "chuyển giao" in t]
    assert not [t for t in _texts(due(source, "2027-Q1").dated) if "chuyển giao" in t]


def test_due_through_the_graph(plan):
    from policykg.graph.build import build_graph

    _check_due(build_graph([plan]))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    from policykg.graph.store import open_store

    folder = tmp_path_factory.mktemp("recurring")
    (folder / "plans").mkdir()
    (folder / "plans" / "kon-tum_kh27.txt").write_text(_PLAN, encoding="utf-8")
    store = open_store(folder / "kg.db")
    store.ingest([folder / "plans"])
    return store.path


def test_due_through_a_store_answers_as_the_graph(store_path):
    from policykg.graph.store import open_store

    _check_due(open_store(store_path))
    graph = open_store(store_path).graph()
    for period in ("2027", "2027-Q1", "2027-Q3", "2027-03", "2027-06", "2027-07", "2027-12"):
        asked = due(open_store(store_path), period).to_dict()
        assert asked == due(graph, period).to_dict(), period
    unit = due(open_store(store_path), "2027-Q4", unit="phong quan ly khoa hoc").to_dict()
    assert unit == due(graph, "2027-Q4", unit="Phòng Quản lý khoa học").to_dict()
    assert {h["text"] for h in unit["yearly"]} >= {
        "Cập nhật cơ sở dữ liệu chuyên gia", "Rà soát quy chế quản lý đề tài"}


def test_the_cli_lists_a_first_quarter_duty_in_the_first_quarter_only(store_path):
    from click.testing import CliRunner

    from policykg.cli import cli

    def asked(period: str) -> str:
        result = CliRunner().invoke(cli, ["due", period, "--json", "--store", str(store_path),
                                          "--unit", "chi cuc tieu chuan do luong chat luong"])
        assert result.exit_code == 0, result.output
        return " ".join(h["text"] for h in json.loads(result.output)["yearly"])

    assert "phương tiện đo trong thương mại" in asked("2030-Q1")
    assert "phương tiện đo trong thương mại" not in asked("2030-Q3")
    assert "phương tiện đo taximet" in asked("2030-Q3")


def test_a_half_yearly_duty_conforms_to_the_shapes(store_path):
    import pyshacl
    from rdflib import Graph, Literal

    from policykg.graph.rdf import to_rdf
    from policykg.graph.store import open_store
    from policykg.ontology import vocab

    data = to_rdf(open_store(store_path).graph())
    assert (None, vocab.PKG.recurrence, Literal("half-yearly")) in data
    shapes = Graph().parse(vocab.SHAPES_FILE, format="turtle")
    owl = Graph().parse(vocab.ONTOLOGY_FILE, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=owl)
    assert conforms, text


@pytest.mark.parametrize("sentence, recurrence", [
    ("Giám sát dịch bệnh tại các trường học hằng tháng.", "monthly"),
    ("Kiểm tra, giám sát việc thực hiện Nghị quyết hằng năm.", "yearly"),
    ("Xây dựng dự toán kinh phí thực hiện Kế hoạch hàng năm", "yearly"),
    ("Rà soát danh mục thủ tục hành chính hằng quý;", "quarterly"),
])
def test_a_duty_that_ends_on_how_often_it_recurs_recurs(sentence, recurrence):
    for form in ("NFC", "NFD"):
        found = find_deadline(unicodedata.normalize(form, sentence))
        assert found is not None and found.recurrence == recurrence, (form, found)


def test_how_often_inside_a_duty_is_no_deadline():
    # the yearly plan is what is made; when the duty falls due is not said
    assert find_deadline("Xây dựng kế hoạch hằng năm của Sở và tổ chức thực hiện.") is None


@pytest.mark.parametrize("text, date, start", [
    ("từ ngày 15/01/2026 đến ngày 30/3/2026", "2026-03-30", 2026),
    ("Từ 01/4/2026 - 30/4/2026", "2026-04-30", 2026),
    ("01/4/2026-30/4/2026", "2026-04-30", 2026),
    ("từ ngày 05 tháng 3 năm 2026 đến ngày 20 tháng 4 năm 2026", "2026-04-20", 2026),
    ("trước ngày 30/6/2026", "2026-06-30", None),
])
def test_a_span_of_days_falls_due_on_its_last_day(text, date, start):
    found = read_deadline(text)
    assert (found.date, found.start_year, found.end_year) == (date, start, 2026)


PLAN_HEAD = """UBND TỈNH NINH BÌNH
SỞ Y TẾ
Số: 12/KH-SYT
Ninh Bình, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Phòng, chống dịch năm 2026
I. NHIỆM VỤ
"""


def test_days_counted_from_the_plans_date_give_a_day():
    text = (PLAN_HEAD + "1. Văn phòng Sở chủ trì xây dựng quy chế phối hợp, trong 30 ngày kể "
            "từ ngày Kế hoạch được ban hành.\n2. Phòng Nghiệp vụ Y chủ trì tổng kết trong 15 "
            "ngày kể từ ngày kết thúc đợt cao điểm.\n")
    first, second = parse(text).tasks
    assert first.deadline.date == "2026-04-04"  # 5 March 2026 + 30 days
    assert second.deadline is not None and second.deadline.date is None  # another day

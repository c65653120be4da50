"""Tasks due in a period, with yearly and ongoing duties apart."""

from __future__ import annotations

from datetime import date

import pytest

from policykg.queries import due, parse_period
from tests.qgraph import lineage_graph


@pytest.fixture(scope="module")
def graph():
    return lineage_graph()


@pytest.mark.parametrize("text,start,end", [
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30)),
    ("2024-q1", date(2024, 1, 1), date(2024, 3, 31)),
    ("2025-06", date(2025, 6, 1), date(2025, 6, 30)),
    ("2024-2", date(2024, 2, 1), date(2024, 2, 29)),
])
def test_periods(text, start, end):
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("bad", ["", "next year", "2025-13", "2025-Q5", "25"])
def test_bad_periods_say_how_to_write_one(bad):
    with pytest.raises(ValueError, match="2025-Q3"):
        parse_period(bad)


def test_dated_tasks_in_a_year(graph):
    g, ids = graph
    report = due(g, "2025")
    assert {h.task for h in report.dated} == {ids["a2"], ids["a3"], ids["a2_1"], ids["b2"]}
    assert {h.task for h in report.yearly} == {ids["a1.1"]}
    assert {h.task for h in report.ongoing} == {ids["a1"]}


def test_a_month_and_a_quarter_use_the_date(graph):
    g, ids = graph
    june = {h.task for h in due(g, "2025-06").dated}
    assert ids["b2"] in june and ids["a2_1"] not in june
    q3 = {h.task for h in due(g, "2025-Q3").dated}
    assert ids["a2_1"] in q3 and ids["b2"] not in q3
    # a year-long span covers every month of it
    assert ids["a3"] in june and ids["a3"] in q3


def test_spans_and_filters(graph):
    g, ids = graph
    assert {h.task for h in due(g, "2026").dated} == {ids["a2"]}
    assert due(g, "2023").dated == []
    report = due(g, "2025", province="Gia Lai")
    assert {h.task for h in report.dated} == {ids["b2"]} and not report.ongoing
    report = due(g, "2025", unit="Trung tâm KH&CN")
    assert {h.task for h in report.dated} == {ids["a2"]}
    assert {h.task for h in report.yearly} == {ids["a1.1"]}
    assert set(report.to_dict()) >= {"period", "dated", "yearly", "ongoing"}


# --- on the real seed plans ----------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(seeds_dir):
    from tests.qgraph import seed_graph

    return seed_graph(str(seeds_dir))


def test_seed_due(seeds):
    report = due(seeds, "2024")
    assert {h.province_name for h in report.dated} >= {"Lạng Sơn"}
    assert any(h.province_name == "Tây Ninh" for h in report.ongoing)
    assert not ({h.task for h in report.dated} & {h.task for h in report.ongoing})
    later = due(seeds, "2026", province="Tây Ninh")
    assert any(h.number == "4.1" for h in later.dated)  # "Dự kiến 2024-2026"


_DEADLINES = [
    "Năm 2024-2025.", "Hằng năm, giai đoạn 2025-2027.", "Hằng năm.", "Thường xuyên.",
    "Từ năm 2026.", "Trước ngày 30/6/2025.", "Tháng 3 năm 2027.", "Quý IV năm 2026.",
    "Năm 2028.", "Dự kiến 2023-2030.", "Khi có yêu cầu.",
]


def _plan_with_every_kind_of_deadline() -> str:
    tasks = "\n\n".join(
        f"{n}. Triển khai nội dung số {n} của kế hoạch.\n\n"
        f"- Đơn vị chủ trì: Phòng Quản lý khoa học.\n"
        f"- Đơn vị phối hợp: Văn phòng Sở.\n"
        f"- Thời gian thực hiện: {deadline}"
        for n, deadline in enumerate(_DEADLINES, start=1))
    return ("UBND TỈNH HÀ TĨNH\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\n\nSố: 9/KH-SKHCN\n\n"
            "Hà Tĩnh, ngày 15 tháng 01 năm 2024\n\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2024\n\n"
            "II. NHIỆM VỤ\n\n" + tasks + "\n")


def test_a_store_reads_only_tasks_due_in_the_year_and_answers_as_the_graph(tmp_path):
    from policykg.graph.store import open_store

    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "kh.txt").write_text(_plan_with_every_kind_of_deadline(),
                                               encoding="utf-8")
    store = open_store(tmp_path / "kg.db")
    store.ingest([tmp_path / "plans"])
    g = store.graph()
    assert sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "Task") == len(_DEADLINES)
    seen = set()
    for year in range(2022, 2032):
        for period in (str(year), f"{year}-Q2", f"{year}-Q4", f"{year}-03", f"{year}-06"):
            asked = due(open_store(store.path), period).to_dict()
            assert asked == due(g, period).to_dict(), period
            seen.update(h["task"] for kind in ("dated", "yearly", "ongoing")
                        for h in asked[kind])
    assert len(seen) == len(_DEADLINES) - 1  # every task falls due some time but one


# --- what falls due of one directive, or of chosen plans ------------------------------------

def test_a_directive_or_chosen_plans_keep_their_tasks_only(graph):
    from policykg.queries import stems_from

    g, ids = graph
    stemming = {h.task for h in stems_from(g, "673/QĐ-TTg")}
    report = due(g, "2025", directive="673/QĐ-TTg")
    assert {h.task for h in report.dated} == {ids["b2"]} <= stemming
    assert not report.yearly and not report.ongoing  # Tây Ninh's duties are not 673's
    plan_a = {h.task for kind in ("dated", "yearly", "ongoing")
              for h in getattr(due(g, "2025", plans=["12/KH-SKHCN"]), kind)}
    assert plan_a == {ids["a2"], ids["a3"], ids["a1.1"], ids["a1"]}
    assert {h.task for h in due(g, "2025", plans=["40/KH-SKHCN"]).dated} == {ids["a2_1"]}
    assert due(g, "2025", plans=["12/KH-SKHCN"], directive="673/QĐ-TTg").dated == []
    with pytest.raises(ValueError, match="not a plan"):
        due(g, "2025", plans=["3300/KH-UBND"])


def test_a_store_keeps_a_directives_tasks_as_the_graph_does(examples_dir, tmp_path):
    from policykg.graph.store import open_store

    store = open_store(tmp_path / "kg.db")
    assert store.ingest([str(examples_dir)]).ok
    g = store.graph()
    kept = 0
    for options in ({"directive": "nghi quyet 57"}, {"directive": "QĐ 100"},
                    {"directive": "nghi quyet 57", "province": "quang ninh"},
                    {"plans": ["245/KH-SKHCN"]}):
        for period in ("2025", "2026", "2025-Q4"):
            asked = due(store, period, **options).to_dict()
            assert asked == due(g, period, **options).to_dict(), (options, period)
            kept += sum(len(asked[kind]) for kind in ("dated", "yearly", "ongoing"))
        whole = due(g, "2025").to_dict()
        assert len(due(g, "2025", **options).dated) <= len(whole["dated"])
    assert kept > 0

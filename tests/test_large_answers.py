"""An answer of thousands of tasks prints counts a reader can take in, and says how to get
every task; a small answer still lists each task."""

from __future__ import annotations

from rich.console import Console

from policykg.queries.due import DueReport
from policykg.queries.lineage import Link, TaskHit
from policykg.queries.render import TASKS_SHOWN, print_due, print_stems


def hits(count: int) -> list[TaskHit]:
    """``count`` tasks over three plans of two provinces, led by four units in turn."""
    plans = [("doc:gl:1", "1/KH-SKHCN (2025)", "Gia Lai"),
             ("doc:gl:2", "2/KH-UBND (2025)", "Gia Lai"),
             ("doc:tn:3", "3/KH-SKHCN (2025)", "Tây Ninh")]
    units = ["Văn phòng Sở", "Phòng Quản lý khoa học", "Chi cục TĐC", "Trung tâm KH&CN"]
    found = []
    for i in range(count):
        plan, label, province = plans[i % 7 % 3]
        link = Link("doc:57-NQ/TW@2024", "57-NQ/TW (2024)", plan, label, "IMPLEMENTS")
        found.append(TaskHit(
            task=f"task:{plan}#{i}", number=str(i), text=f"Nhiệm vụ số {i} về chuyển đổi số",
            plan=plan, plan_label=label, province=None, province_name=province,
            lead=[units[i % 4]], support=[], lead_ids=[], support_ids=[], deadline="2026",
            depth=1, path=[link]))
    return found


def printed(draw) -> str:
    console = Console(record=True, width=120)
    draw(console)
    return console.export_text()


def test_a_large_answer_prints_counts_per_plan_and_how_to_get_every_task():
    many = hits(TASKS_SHOWN + 1)
    text = printed(lambda c: print_stems(c, "57-NQ/TW (2024)", many))
    assert f"{TASKS_SHOWN + 1} task(s) stem from" in text and "3 plan(s)" in text
    assert "Nhiệm vụ số" not in text and "--all" in text and "--csv" in text
    for label in ("1/KH-SKHCN (2025)", "2/KH-UBND (2025)", "3/KH-SKHCN (2025)"):
        count = sum(h.plan_label == label for h in many)
        row = next(line for line in text.splitlines() if label in line and "·" in line)
        assert f" {count} " in row, row
    assert "Văn phòng Sở" in text  # the units leading most of each plan's tasks
    by_unit = printed(lambda c: print_stems(c, "57-NQ/TW (2024)", many, group_by="unit"))
    assert "4 unit(s)" in by_unit and "Most from" in by_unit


def test_every_task_on_request_and_for_a_small_answer():
    many = hits(TASKS_SHOWN + 1)
    text = printed(lambda c: print_stems(c, "57-NQ/TW (2024)", many, every_task=True))
    assert all(f"Nhiệm vụ số {i} " in text for i in range(0, TASKS_SHOWN + 1, 37))
    few = printed(lambda c: print_stems(c, "57-NQ/TW (2024)", hits(TASKS_SHOWN)))
    assert "Nhiệm vụ số 0 " in few and "--all" not in few


def test_due_counts_each_part_when_large():
    many = hits(TASKS_SHOWN)
    report = DueReport("2026", "2026-01-01", "2026-12-31", dated=many[:200],
                       yearly=many[200:], ongoing=hits(5))
    text = printed(lambda c: print_due(c, report))
    assert "Due in 2026: 200" in text and "Ongoing duties: 5" in text
    assert "Nhiệm vụ số" not in text and "--all" in text
    every = printed(lambda c: print_due(c, report, every_task=True))
    assert "Nhiệm vụ số 299 " in every


def test_tasks_command_counts_per_plan_when_large(tmp_path):
    import json
    from collections import Counter

    from click.testing import CliRunner

    from bench.generate import generate
    from policykg.cli import cli

    generate(tmp_path / "plans", 20, 3)
    store = str(tmp_path / "store.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(tmp_path / "plans"), "--store", store]).exit_code == 0
    every = json.loads(runner.invoke(cli, ["tasks", "--json", "--store", store]).output)
    assert len(every) > TASKS_SHOWN
    counted = runner.invoke(cli, ["tasks", "--store", store], env={"COLUMNS": "200"}).output
    assert f"{len(every)} tasks in 20 plans" in counted and "--all" in counted
    plan = every[0]["plan"]
    row = next(line for line in counted.splitlines() if plan in line)
    assert f" {sum(r['plan'] == plan for r in every)} " in row
    # beside each plan's count, the unit leading most of its tasks
    leads = Counter(name for r in every if r["plan"] == plan for name in r["lead"])
    top, n = leads.most_common(1)[0]
    assert f"{top} ({n})" in " ".join(counted.split())
    listed = runner.invoke(cli, ["tasks", "--all", "--store", store], env={"COLUMNS": "400"})
    assert listed.exit_code == 0 and every[-1]["text"][:40] in listed.output


def test_a_comparison_prints_a_few_targets_a_side_and_says_how_many_more():
    from policykg.queries.compare import Comparison, Side
    from policykg.queries.render import TARGETS_SHOWN, print_comparison

    many = Side("Gia Lai", "province", "province:gia-lai", ["Gia Lai"], ["1/KH"], 40,
                targets=[{"text": f"Đạt {i} doanh nghiệp khoa học và công nghệ"}
                         for i in range(TARGETS_SHOWN + 5)])
    few = Side("Tây Ninh", "province", "province:tay-ninh", ["Tây Ninh"], ["2/KH"], 3,
               targets=[{"text": "Đạt 90% hồ sơ trực tuyến"}])
    text = printed(lambda c: print_comparison(c, Comparison([many, few], [], [])))
    assert f"Đạt {TARGETS_SHOWN - 1} doanh nghiệp" in text
    assert f"Đạt {TARGETS_SHOWN} doanh nghiệp" not in text
    assert "… and 5 more" in text and "Đạt 90% hồ sơ trực tuyến" in text

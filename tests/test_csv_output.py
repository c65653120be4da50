"""``--csv`` on the commands that answer with a list: the rows a spreadsheet gets are the
items ``--json`` gives, in the same order, with the same names, leads and deadlines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import cli
from policykg.queries.tables import BOM, Table, to_csv

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    store = str(tmp_path_factory.mktemp("csv") / "store.db")
    runner = CliRunner()
    ingested = runner.invoke(cli, ["ingest", str(EXAMPLES), "--store", store])
    assert ingested.exit_code == 0, ingested.output

    def invoke(*args: str, code: int = 0) -> str:
        result = runner.invoke(cli, [*args, "--store", store])
        assert result.exit_code == code, result.output
        return result.output

    return invoke


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def joined(names: list[str]) -> str:
    return "; ".join(names)


def test_stems_from_gives_a_row_per_task_with_its_path_and_source(ask):
    tasks = json.loads(ask("stems-from", "nghi quyet 57", "--json"))["tasks"]
    rows = rows_of(ask("stems-from", "nghi quyet 57", "--csv"))
    assert len(rows) == len(tasks) > 20
    assert [r["task"] for r in rows] == [t["task"] for t in tasks]
    for row, task in zip(rows, tasks, strict=True):
        assert row["directive"] == "57-NQ/TW (2024)"
        assert row["text"] == task["text"]  # commas, quotes and line ends survive
        assert row["lead"] == joined(task["lead"]) and row["support"] == joined(task["support"])
        assert row["deadline"] == (task["deadline"] or "")
        assert row["line_start"] == str(task["line_start"])
        assert row["path"].startswith("57-NQ/TW (2024)")
        assert row["path"].endswith(task["plan_label"])
    assert any("," in r["text"] for r in rows) and any(";" in r["support"] for r in rows)


def test_stems_from_plans_and_basis_give_a_row_per_document(ask):
    docs = json.loads(ask("stems-from", "57-NQ/TW", "--plans", "--json"))["documents"]
    rows = rows_of(ask("stems-from", "57-NQ/TW", "--plans", "--csv"))
    assert [r["id"] for r in rows] == [d["id"] for d in docs]
    assert [r["tasks"] for r in rows] == [str(d["tasks"]) for d in docs]
    plan = next(d["id"] for d in docs if d["kind"] == "Plan" and d["depth"] == 2)
    above = json.loads(ask("basis", plan, "--json"))["documents"]
    rows = rows_of(ask("basis", plan, "--csv"))
    assert [r["id"] for r in rows] == [d["id"] for d in above]
    assert {r["id"] for r in rows if r["is_root"] == "true"} >= {"doc:57-NQ/TW@2024"}


def test_workload_in_long_form_sums_to_each_units_totals(ask):
    units = json.loads(ask("workload", "--province", "quang ninh", "--json"))
    everyone = units["units"] + units["collective"]
    rows = rows_of(ask("workload", "--province", "quang ninh", "--csv"))
    totals = [r for r in rows if r["split"] == "total"]
    assert [r["unit_id"] for r in totals] == [u["unit_id"] for u in everyone]
    for unit in everyone:
        mine = [r for r in rows if r["unit_id"] == unit["unit_id"]]
        total = next(r for r in mine if r["split"] == "total")
        assert (int(total["lead"]), int(total["support"])) == (unit["lead"], unit["support"])
        for split, counts in (("plan", unit["by_plan"]), ("directive", unit["by_directive"]),
                              ("deadline", unit["by_deadline"])):
            got = {r["key"]: {"lead": int(r["lead"]), "support": int(r["support"])}
                   for r in mine if r["split"] == split}
            assert got == counts
        deadlines = [r for r in mine if r["split"] == "deadline"]
        assert sum(int(r["lead"]) for r in deadlines) == unit["lead"]


def test_due_overlaps_search_plans_and_tasks_match_their_json(ask):
    report = json.loads(ask("due", "2025", "--json"))
    rows = rows_of(ask("due", "2025", "--csv"))
    sections = [(s, t["task"]) for s in ("dated", "yearly", "ongoing") for t in report[s]]
    assert [(r["section"], r["task"]) for r in rows] == sections and sections

    pairs = json.loads(ask("overlaps", "--top", "5", "--json"))["pairs"]
    rows = rows_of(ask("overlaps", "--top", "5", "--csv"))
    assert [(r["a_task"], r["b_task"]) for r in rows] == [(p["a"]["task"], p["b"]["task"])
                                                         for p in pairs]
    assert rows[0]["terms"] == joined(pairs[0]["terms"])

    hits = json.loads(ask("search", "truy xuat nguon goc", "--json"))
    rows = rows_of(ask("search", "truy xuat nguon goc", "--csv"))
    assert [(r["kind"], r["id"]) for r in rows] == [(h["kind"], h["id"]) for h in hits]

    plans = json.loads(ask("plans", "--json"))
    rows = rows_of(ask("plans", "--csv"))
    assert [r["id"] for r in rows] == [p["id"] for p in plans] and len(rows) == 9
    assert all(r["references"] == joined([x["key"] or x["subject"] or "" for x in p["references"]])
               for r, p in zip(rows, plans, strict=True))

    tasks = json.loads(ask("tasks", "--unit", "chi cuc tieu chuan", "--json"))
    rows = rows_of(ask("tasks", "--unit", "chi cuc tieu chuan", "--csv"))
    assert [r["id"] for r in rows] == [t["id"] for t in tasks] and rows
    assert [r["lead"] for r in rows] == [joined(t["lead"]) for t in tasks]


def test_compare_gives_a_column_per_side(ask):
    result = json.loads(ask("compare", "Quảng Ninh", "Dak Lak", "--json"))
    rows = rows_of(ask("compare", "Quảng Ninh", "Dak Lak", "--csv"))
    names = [side["name"] for side in result["sides"]]
    assert list(rows[0]) == ["section", "item", *names]
    tasks = next(r for r in rows if r["section"] == "tasks")
    assert [int(tasks[n]) for n in names] == [side["tasks"] for side in result["sides"]]
    for side in result["sides"]:
        shown = {r["item"] for r in rows if r["section"] == "directive" and r[side["name"]] == "1"}
        assert shown == set(side["directives"])
        topics = {r["item"]: int(r[side["name"]]) for r in rows if r["section"] == "topic"}
        assert {t: n for t, n in topics.items() if n} == side["topics"]


def test_sparql_rows_as_csv(ask):
    data = json.loads(ask("sparql", "unit-workload", "--json"))
    rows = rows_of(ask("sparql", "unit-workload", "--csv"))
    assert list(rows[0]) == data["columns"] and len(rows) == len(data["rows"])


def test_excel_gets_a_byte_order_mark_and_the_same_rows(ask):
    text = ask("workload", "--province", "Đắk Lắk", "--excel")
    assert text.startswith(BOM) and not text.startswith(BOM * 2)
    plain = ask("workload", "--province", "Đắk Lắk", "--csv")
    assert text[len(BOM):] == plain  # nothing there looks like a formula
    assert "Đắk Lắk" in text.encode("utf-8").decode("utf-8-sig")
    assert ask("workload", "--province", "Đắk Lắk", "--csv", "--excel") == text


def test_json_with_csv_or_excel_is_a_usage_error(ask):
    assert "not both" in ask("stems-from", "57-NQ/TW", "--csv", "--json", code=2)
    assert "not both" in ask("due", "2025", "--excel", "--json", code=2)


def test_every_list_command_offers_csv():
    for name in ("plans", "tasks", "stems-from", "basis", "workload", "compare", "overlaps",
                 "search", "due", "sparql"):
        help_text = CliRunner().invoke(cli, [name, "--help"]).output
        assert "--csv" in help_text and "--excel" in help_text, name


def test_cells_are_written_as_rfc_4180_and_read_back():
    table = Table(("text", "units", "n", "ok"),
                  [{"text": 'Sở "A", dòng 1\ndòng 2', "units": ["Sở Y tế", "Sở Tài chính"],
                    "n": 3, "ok": True}, {"text": None}])
    rows = rows_of(to_csv(table))
    assert rows == [{"text": 'Sở "A", dòng 1\ndòng 2', "units": "Sở Y tế; Sở Tài chính",
                     "n": "3", "ok": "true"}, {"text": "", "units": "", "n": "", "ok": ""}]


def test_excel_never_runs_a_cell_as_a_formula():
    """Plan text comes off the web: a cell Excel would run gets an apostrophe first."""
    table = Table(("text",), [{"text": t} for t in (
        '=HYPERLINK("http://x","bấm")', "+84 912", "-1+2", "@SUM(A1)", "\tx", "Sở Y tế")])
    rows = rows_of(to_csv(table, excel=True).removeprefix(BOM))
    assert [r["text"] for r in rows] == ["'=HYPERLINK(\"http://x\",\"bấm\")", "'+84 912",
                                         "'-1+2", "'@SUM(A1)", "'\tx", "Sở Y tế"]
    assert [r["text"] for r in rows_of(to_csv(table))][0].startswith("=")  # --csv: as is


@pytest.mark.parametrize("legacy", ["cp1252", "cp1258"])
def test_output_sent_to_a_file_is_utf8_on_a_legacy_code_page(tmp_path, legacy):
    """Windows encodes redirected output in its ANSI code page, which holds neither the BOM
    nor every Vietnamese letter: the table, the JSON and the CSV are written in UTF-8."""
    import os
    import subprocess
    import sys

    store = tmp_path / "kg.db"
    env = {**os.environ, "PYTHONIOENCODING": legacy}
    command = [sys.executable, "-c", "from policykg.cli import main; main()"]

    def run(*args: str, given: bytes | None = None) -> bytes:
        done = subprocess.run([*command, *args, "--store", str(store)], env=env, input=given,
                              capture_output=True, timeout=300)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        return done.stdout

    run("ingest", str(EXAMPLES))
    sheet = run("workload", "--province", "Đắk Lắk", "--excel").decode("utf-8")
    assert sheet.startswith(BOM) and "Trung tâm Khoa học và Công nghệ" in sheet
    answer = json.loads(run("stems-from", "nghi quyet 57", "--json").decode("utf-8"))
    assert any(t["province_name"] == "Đắk Lắk" for t in answer["tasks"])
    assert "Đắk Lắk" in run("stems-from", "nghi quyet 57").decode("utf-8")
    # a query piped in is read as UTF-8 too, not in the code page
    query = ('SELECT ?l WHERE { ?p a pkg:Province ; rdfs:label ?l . '
             'FILTER(CONTAINS(STR(?l), "Đắk")) }')
    rows = run("sparql", "-", "--csv", given=query.encode("utf-8")).decode("utf-8")
    assert "Đắk Lắk" in rows.splitlines()

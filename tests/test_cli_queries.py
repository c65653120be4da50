"""The query commands through click's CliRunner, on a hand-built graph."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import policykg.cli as cli_module
from policykg.cli import cli
from tests.qgraph import lineage_graph

COMMANDS = ["stems-from", "basis", "workload", "compare", "overlaps", "search", "due"]


@pytest.fixture()
def run(monkeypatch):
    g, ids = lineage_graph()
    monkeypatch.setattr(cli_module, "_query_graph", lambda store_path: g)
    monkeypatch.setattr(cli_module, "_query_store", lambda store_path: g)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    invoke.ids = ids
    return invoke


@pytest.mark.parametrize("command", COMMANDS)
def test_help_documents_exit_codes(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "3 the reference is ambiguous" in result.output
    assert "4 the reference is" in result.output and "--json" in result.output


def test_stems_from_json(run):
    result = run("stems-from", "nghi quyet 36", "--year", "2023", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["directive"] == run.ids["nq36"]
    assert len(data["tasks"]) == 5
    first = data["tasks"][0]
    assert first["path"][0]["relation"] == "IMPLEMENTS" and first["path"][0]["quote"]
    assert first["path_labels"][0] == "36-NQ/TW (2023)"


def test_stems_from_table_and_groups(run):
    result = run("stems-from", "36-NQ/TW", "--year", "2023", "--group-by", "province")
    assert result.exit_code == 0
    assert "Tây Ninh" in result.output and "Long An" in result.output
    assert "Traceback" not in result.output
    plans = run("stems-from", "36-NQ/TW ngày 30/01/2023", "--plans", "--json")
    assert [d["id"] for d in json.loads(plans.output)["documents"]][-1] == run.ids["plan_a2"]


def test_ambiguous_reference_exits_3_with_candidates(run):
    result = run("stems-from", "NQ36")
    assert result.exit_code == 3
    assert "ambiguous" in result.output
    assert "2014" in result.output and "2023" in result.output
    assert "Traceback" not in result.output
    local = run("stems-from", "Chỉ thị 01/CT-UBND")
    assert local.exit_code == 3 and "Gia Lai" in local.output
    assert run("stems-from", "Chỉ thị 01/CT-UBND", "--province", "gia lai").exit_code == 0


def test_unknown_reference_exits_4_with_suggestions(run):
    result = run("stems-from", "3330/KH-UBND")
    assert result.exit_code == 4
    assert "unknown document" in result.output and "3300/KH-UBND" in result.output
    assert run("workload", "--province", "Atlantis").exit_code == 4
    assert run("workload", "--unit", "Phong khong ton tai").exit_code == 4


def test_basis(run):
    result = run("basis", run.ids["a2_1"], "--json")
    assert json.loads(result.output)["roots"] == [run.ids["nq36"]]
    assert "36-NQ/TW" in run("basis", run.ids["a2_1"]).output


def test_workload_keeps_collective_groups_apart(run):
    data = json.loads(run("workload", "--province", "tay ninh", "--json").output)
    center = next(r for r in data["units"] if r["unit_id"] == run.ids["tn_center"])
    assert (center["lead"], center["support"]) == (2, 0)
    assert [r["unit_id"] for r in data["collective"]] == [run.ids["tn_all"]]
    table = run("workload", "--province", "tay ninh").output
    assert "Collective groups" in table


def test_compare_search_due_overlaps(run):
    data = json.loads(run("compare", "Tây Ninh", "Gia Lai", "--json").output)
    assert [s["name"] for s in data["sides"]] == ["Tây Ninh", "Gia Lai"]
    assert "Directives" in run("compare", "Tây Ninh", "Gia Lai").output
    hits = json.loads(run("search", "ma so ma vach", "--json").output)
    assert hits[0]["id"] == run.ids["b2"]
    due = json.loads(run("due", "2025-06", "--json").output)
    assert run.ids["b2"] in [h["task"] for h in due["dated"]]
    assert run("overlaps", "--json").exit_code == 0


def test_bad_period_is_a_plain_error(run):
    result = run("due", "sometime")
    assert result.exit_code == 1 and "2025-Q3" in result.output
    assert "Traceback" not in result.output


def test_missing_or_empty_store_exits_5(tmp_path):
    result = CliRunner().invoke(cli, ["workload", "--store", str(tmp_path / "none.db")])
    assert result.exit_code == 5 and "ingest" in result.output
    (tmp_path / "note.txt").write_text("not a plan", encoding="utf-8")
    store = str(tmp_path / "empty.db")
    CliRunner().invoke(cli, ["ingest", str(tmp_path / "note.txt"), "--store", store])
    result = CliRunner().invoke(cli, ["stems-from", "36-NQ/TW", "--store", store])
    assert result.exit_code == 5 and "no plan" in result.output


# --- end to end on the real seed plans: ingest, then ask -----------------------------------

@pytest.fixture(scope="module")
def seed_store(seeds_dir, tmp_path_factory):
    store = tmp_path_factory.mktemp("store") / "seeds.db"
    result = CliRunner().invoke(cli, ["ingest", str(seeds_dir), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return str(store)


def _ask(store, *args):
    return CliRunner().invoke(cli, [*args, "--store", store], env={"COLUMNS": "250"})


@pytest.mark.parametrize("typed", ["36-NQ/TW", "NQ 36-NQ/TW", "Nghị quyết số 36-NQ/TW",
                                   "nghi quyet 36", "NQ36"])
def test_seed_stems_from_any_spelling(seed_store, typed):
    result = _ask(seed_store, "stems-from", typed, "--json")
    assert result.exit_code == 0, result.output
    tasks = json.loads(result.output)["tasks"]
    assert tasks and {t["province_name"] for t in tasks} == {"Tây Ninh"}
    assert all(t["path"] and t["path"][0]["quote"] for t in tasks)


def test_seed_table_output_names_units_and_path(seed_store):
    result = _ask(seed_store, "stems-from", "nghi quyet 36", "--evidence")
    assert result.exit_code == 0
    assert "Trung tâm Khoa học và Công nghệ" in result.output
    assert "BASED_ON" in result.output or "IMPLEMENTS" in result.output


def test_seed_ambiguous_and_unknown_exit_codes(seed_store):
    ambiguous = _ask(seed_store, "stems-from", "01")
    assert ambiguous.exit_code == 3
    assert "01/CT-UBND" in ambiguous.output and "Traceback" not in ambiguous.output
    unknown = _ask(seed_store, "stems-from", "Nghị quyết 57-NQ/TW")
    assert unknown.exit_code == 4 and "unknown document" in unknown.output
    assert _ask(seed_store, "basis", "no such task").exit_code == 4


def test_seed_workload_compare_overlaps_search_due(seed_store):
    data = json.loads(_ask(seed_store, "workload", "--province", "Tây Ninh", "--json").output)
    leads = {r["unit"]: r["lead"] for r in data["units"]}
    assert leads["Trung tâm Khoa học và Công nghệ"] == 9 and leads["Văn phòng Sở"] == 3
    assert data["collective"]
    compared = json.loads(_ask(seed_store, "compare", "Gia Lai", "Bắc Giang", "Lạng Sơn",
                               "--json").output)
    assert [s["name"] for s in compared["sides"]] == ["Gia Lai", "Bắc Giang", "Lạng Sơn"]
    merged = json.loads(_ask(seed_store, "compare", "Bắc Giang", "--as-of", "2025-07-01",
                             "--json").output)
    assert merged["sides"][0]["name"] == "Bắc Ninh"
    pairs = json.loads(_ask(seed_store, "overlaps", "--across-provinces", "--json").output)
    assert pairs["pairs"] and all(p["a"]["province"] != p["b"]["province"]
                                  for p in pairs["pairs"])
    hits = json.loads(_ask(seed_store, "search", "ma so ma vach", "--json").output)
    assert hits and "mã vạch" in hits[0]["snippet"].lower()
    due = json.loads(_ask(seed_store, "due", "2024", "--province", "lang son", "--json").output)
    assert due["dated"] and all(h["province_name"] == "Lạng Sơn" for h in due["dated"])


def test_a_command_reading_the_whole_graph_warns_when_memory_looks_short(seed_store,
                                                                          monkeypatch):
    """On a machine too small for the whole graph, the user is told before the wait, and
    told which commands answer from the store; on one large enough, nothing is said."""
    plans = 5  # the seeds
    small = plans * cli_module.GRAPH_BYTES_PER_PLAN  # bytes: less than 1/0.7 of the need
    sizes = {"SC_PAGE_SIZE": 1, "SC_PHYS_PAGES": small}
    monkeypatch.setattr(cli_module.os, "sysconf", lambda name: sizes[name])
    warned = CliRunner().invoke(cli, ["overlaps", "--store", str(seed_store), "--top", "1"])
    assert warned.exit_code == 0, warned.output
    assert "warning: `policykg overlaps` reads the whole graph of 5 plans" in warned.stderr
    assert "answer from the store" in warned.stderr and "warning" not in warned.stdout
    exported = CliRunner().invoke(cli, ["export", "--format", "graphml", "-",
                                        "--store", str(seed_store)])
    assert exported.exit_code == 0 and "`policykg export` reads" in exported.stderr
    sizes["SC_PHYS_PAGES"] = small * 2
    quiet = CliRunner().invoke(cli, ["overlaps", "--store", str(seed_store), "--top", "1"])
    assert quiet.exit_code == 0 and "warning" not in quiet.stderr
    # a question answered from the store never warns
    sizes["SC_PHYS_PAGES"] = 1
    asked = CliRunner().invoke(cli, ["workload", "--store", str(seed_store)])
    assert asked.exit_code == 0 and "warning" not in asked.stderr
    # nor do overlaps among chosen plans or provinces: only those plans are read
    chosen = CliRunner().invoke(cli, ["overlaps", "--province", "gia lai", "--store",
                                      str(seed_store)])
    assert chosen.exit_code == 0 and "warning" not in chosen.stderr, chosen.output

"""The store commands: ingest, plans, tasks, show, forget, stats (and the seeds through them)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import cli
from policykg.graph import store as store_module
from policykg.graph.store import Store
from policykg.ontology.normalize import fold
from policykg.ontology.schema import Kind, Rel
from tests.conftest import ROOT
from tests.test_store import corpus, json_loader


@pytest.fixture()
def json_plans(tmp_path, monkeypatch):
    """A folder of hand-made plans and a loader that reads them (no parser needed)."""
    monkeypatch.setattr(store_module, "_default_loader", json_loader)
    plans = corpus(tmp_path / "plans")
    return tmp_path / "plans", plans


def run(*args: str, store: Path, env: dict[str, str] | None = None):
    result = CliRunner().invoke(cli, [*args, "--store", str(store)], env=env)
    return result


def as_json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_ingest_summary_and_exit_codes(json_plans, tmp_path):
    folder, _ = json_plans
    db = tmp_path / "kg.db"
    first = run("ingest", str(folder), store=db)
    assert first.exit_code == 0, first.output
    assert "3 file(s) ingested" in first.output and "4 tasks" in first.output
    again = run("ingest", str(folder), store=db)
    assert again.exit_code == 0 and "3 unchanged" in again.output
    (folder / "broken.json").write_text("{", encoding="utf-8")
    skipped = run("ingest", str(folder), store=db)
    assert skipped.exit_code == 1
    assert "broken.json" in skipped.output and "not a plan" in skipped.output
    missing = run("ingest", str(tmp_path / "no-such-folder"), store=db)
    assert missing.exit_code == 2


def test_ingest_json_report(json_plans, tmp_path):
    folder, plans = json_plans
    report = as_json(run("ingest", str(folder), "--json", store=tmp_path / "kg.db"))
    assert sorted(i["plan"] for i in report["ingested"]) == sorted(p.id for p in plans)
    assert report["read"]["tasks"] == 4 and report["skipped"] == []


def test_store_path_from_environment(json_plans, tmp_path):
    folder, _ = json_plans
    db = tmp_path / "env" / "kg.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder)], env={"POLICYKG_STORE": str(db)})
    assert result.exit_code == 0, result.output
    assert db.is_file()


def test_plans_json_and_province_filter(json_plans, tmp_path):
    folder, plans = json_plans
    db = tmp_path / "kg.db"
    run("ingest", str(folder), store=db)
    listed = as_json(run("plans", "--json", store=db))
    assert sorted(p["id"] for p in listed) == sorted(p.id for p in plans)
    for record in listed:
        for key in ("id", "file", "province", "issuer", "number", "date", "title", "signer",
                    "references"):
            assert key in record
    tay_ninh = next(p for p in listed if p["province"] == "Tây Ninh")
    assert [r["relation"] for r in tay_ninh["references"]] == ["implements"]
    assert tay_ninh["references"][0]["id"] == "doc:36-NQ/TW@2023"
    assert [p["province"] for p in as_json(run("plans", "--province", "tay ninh", "--json",
                                               store=db))] == ["Tây Ninh"]
    # Bình Định and Gia Lai are one province since 2025: asking for Gia Lai finds Gia Lai's
    gia_lai = as_json(run("plans", "--province", "Gia Lai", "--json", store=db))
    assert [p["number"] for p in gia_lai] == ["12/KH-SKHCN"]


def test_tasks_filters_and_shape(json_plans, tmp_path):
    folder, _ = json_plans
    db = tmp_path / "kg.db"
    run("ingest", str(folder), store=db)
    everything = as_json(run("tasks", "--json", store=db))
    assert len(everything) == 4
    for record in everything:
        for key in ("id", "plan", "number", "text", "lead", "support", "deadline", "outputs",
                    "parent", "source"):
            assert key in record
        assert set(record["source"]) >= {"file", "line_start", "line_end"}
    by_unit = as_json(run("tasks", "--unit", "phong quan ly khoa hoc", "--json", store=db))
    assert sorted(t["text"] for t in by_unit) == ["Hỗ trợ OCOP", "Tuyên truyền"]
    sub = as_json(run("tasks", "--plan", "12/KH-SKHCN", "--json", store=db))
    assert [t["text"] for t in sub] == ["Hỗ trợ OCOP"] and sub[0]["support"] == ["Sở Công Thương"]
    child = next(t for t in everything if t["text"] == "Phổ biến")
    parent = next(t for t in everything if t["text"] == "Tuyên truyền")
    assert child["parent"] == parent["id"]
    assert as_json(run("tasks", "--province", "lang son", "--json", store=db))[0]["text"] == (
        "Xác định TFP")
    assert run("tasks", "--plan", "nothing-like-this", store=db).exit_code == 2


def test_show_plan_by_number_node_and_file(json_plans, tmp_path):
    folder, plans = json_plans
    db = tmp_path / "kg.db"
    run("ingest", str(folder), store=db)
    shown = as_json(run("show", "19/KH-SKHCN", "--json", store=db))
    assert shown["id"] == plans[2].id and shown["task_list"][0]["text"] == "Xác định TFP"
    assert shown["task_list"][0]["lead"] == ["Phòng Kế hoạch - Tài chính"]
    assert as_json(run("show", shown["node"], "--json", store=db))["id"] == shown["id"]
    assert as_json(run("show", str(folder / "ls.json"), "--json", store=db))["id"] == shown["id"]
    text = run("show", "19/KH-SKHCN", store=db)
    assert text.exit_code == 0 and "Xác định TFP" in text.output
    assert run("show", "1/KH-NONE", store=db).exit_code == 2


def test_forget_and_stats(json_plans, tmp_path):
    folder, _ = json_plans
    db = tmp_path / "kg.db"
    run("ingest", str(folder), store=db)
    stats = as_json(run("stats", "--json", store=db))
    assert stats["nodes"]["Plan"] == 3 and stats["nodes"]["Task"] == 4
    forgot = run("forget", "19/KH-SKHCN", store=db)
    assert forgot.exit_code == 0 and "forgot 1 plan" in forgot.output
    stats = as_json(run("stats", "--json", store=db))
    assert stats["nodes"]["Plan"] == 2 and stats["nodes"]["Task"] == 3
    assert run("forget", "19/KH-SKHCN", store=db).exit_code == 2
    assert run("stats", store=db).exit_code == 0


def test_commands_on_a_missing_store_say_what_to_do(tmp_path):
    result = run("plans", store=tmp_path / "none.db")
    assert result.exit_code == 5 and "ingest" in result.output
    assert not (tmp_path / "none.db").exists()


def test_damaged_store_is_reported_not_a_traceback(tmp_path):
    db = tmp_path / "kg.db"
    db.write_bytes(b"garbage" * 1000)
    result = run("stats", store=db)
    assert result.exit_code == 5 and "damaged" in result.output
    assert "Traceback" not in result.output


def test_second_writer_is_told_the_store_is_busy(json_plans, tmp_path):
    folder, _ = json_plans
    db = tmp_path / "kg.db"
    run("ingest", str(folder), store=db)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    script = ("import sys\nfrom policykg.graph.store import Store\n"
              f"with Store({str(db)!r}).writing():\n"
              "    print('locked', flush=True)\n    sys.stdin.readline()\n")
    holder = subprocess.Popen([sys.executable, "-c", script], env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == "locked"
        busy = run("forget", "19/KH-SKHCN", store=db)
        assert busy.exit_code == 5
        assert "store is busy: another policykg process is writing to" in busy.output
        assert run("plans", "--json", store=db).exit_code == 0  # reading still works
    finally:
        holder.communicate("done\n", timeout=30)
    assert run("forget", "19/KH-SKHCN", store=db).exit_code == 0


# --- on the seeds (needs the parser) ----------------------------------------------------


@pytest.fixture(scope="module")
def seed_graph(seeds_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "kg.db"
    result = CliRunner().invoke(cli, ["ingest", str(seeds_dir), "--store", str(db)])
    assert result.exit_code == 0, result.output
    return Store(db).graph()


def _docs(g, key: str) -> list[str]:
    return [n for n, d in g.nodes(data=True)
            if d["kind"] in (Kind.PLAN.value, Kind.DOCUMENT.value) and d.get("key") == key]


def _out(g, node: str, rel: Rel) -> set[str]:
    return {v for _, v, r in g.out_edges(node, data="rel") if r == rel.value}


def test_seed_tay_ninh_chain(seed_graph):
    g = seed_graph
    (kh,) = _docs(g, "3300/KH-UBND")
    (ctr,) = _docs(g, "180-CTr/TU")
    nq = [n for n in _docs(g, "36-NQ/TW") if g.nodes[n].get("year") == 2023]
    (cp,) = _docs(g, "189/NQ-CP")
    assert g.nodes[kh]["province"] == g.nodes[ctr]["province"] == "province:tay-ninh"
    assert ctr in _out(g, kh, Rel.IMPLEMENTS)
    assert set(nq) & _out(g, ctr, Rel.IMPLEMENTS)
    assert set(nq) & _out(g, cp, Rel.IMPLEMENTS)


def test_seed_gia_lai_plans_share_units(seed_graph):
    g = seed_graph
    plans = [n for n, d in g.nodes(data=True)
             if d["kind"] == Kind.PLAN.value and d.get("province") == "province:gia-lai"]
    assert len(plans) == 2

    def units_of(plan: str) -> set[str]:
        tasks, stack = set(), list(_out(g, plan, Rel.HAS_TASK))
        while stack:
            t = stack.pop()
            tasks.add(t)
            stack.extend(_out(g, t, Rel.HAS_SUBTASK))
        return {u for t in tasks for u in _out(g, t, Rel.LED_BY) | _out(g, t, Rel.SUPPORTED_BY)}

    first, second = (units_of(p) for p in plans)
    common = first & second
    assert common, "the two Gia Lai plans share no unit"
    names = [fold(g.nodes[u]["name"]) for u in first | second]
    assert len(names) == len(set(names)), "one organisation has two unit nodes"


def test_seed_tay_ninh_centre_is_one_unit(seed_graph):
    g = seed_graph
    centres = [u for u, d in g.nodes(data=True) if d["kind"] == Kind.UNIT.value
               and d.get("province") == "province:tay-ninh"
               and fold(d["name"]).startswith("trung tam")
               and ("khoa hoc va cong nghe" in fold(d["name"]) or "kh&cn" in fold(d["name"]))]
    assert len(centres) == 1


def test_seed_directive_01_is_bac_giangs(seed_graph):
    (node,) = _docs(seed_graph, "01/CT-UBND")
    assert seed_graph.nodes[node]["province"] == "province:bac-giang"


def test_seed_provinces_know_their_current_province(seed_graph):
    g = seed_graph
    provinces = [n for n, d in g.nodes(data=True) if d["kind"] == Kind.PROVINCE.value]
    assert len(provinces) >= 63
    for node in provinces:
        current = g.nodes[node]["current"]
        assert current in g and g.nodes[current]["current"] == current
    assert g.nodes["province:bac-giang"]["current"] == "province:bac-ninh"
    assert g.nodes["province:lang-son"]["current"] == "province:lang-son"


def test_killed_cli_ingest_leaves_previous_store_intact(seeds_dir, tmp_path):
    db = tmp_path / "kg.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-c", "from policykg.cli import main; main()"]
    first = subprocess.run([*cmd, "ingest", str(seeds_dir), "--store", str(db)], env=env,
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stdout + first.stderr
    before = Store(db)
    nodes, edges = sorted(before.graph().nodes), sorted(before.graph().edges(keys=True))
    many = tmp_path / "many"
    for i in range(6):
        for seed in sorted(seeds_dir.iterdir()):
            target = many / f"{i:03}" / seed.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(seed, target)
    proc = subprocess.Popen([*cmd, "ingest", "-v", str(many), "--store", str(db)], env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        for _ in range(8):  # eight of thirty files read: well inside the run
            assert proc.stderr.readline(), "ingest ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    after = Store(db)
    assert sorted(after.graph().nodes) == nodes
    assert sorted(after.graph().edges(keys=True)) == edges
    rerun = subprocess.run([*cmd, "ingest", str(many), "--store", str(db)], env=env,
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert len(Store(db).files()) == 5 + 30

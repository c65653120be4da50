"""The store survives kills, rivals, old versions and tampering; it is data, never code."""

from __future__ import annotations

import ast
import os
import pickle
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import StoreProblem, cli
from policykg.graph.store import FORMAT_VERSION, Store, StoreError
from tests.conftest import ROOT
from tests.test_hostile_input import plan_text

STORE_EXIT = StoreProblem.exit_code  # the store is busy, damaged or of another format


def plan_folder(folder: Path, numbers: range) -> Path:
    folder.mkdir(parents=True)
    for n in numbers:
        (folder / f"ke-hoach-{n:03}.txt").write_text(
            plan_text(n, tasks=[f"Nhiệm vụ {k} của kế hoạch {n}" for k in range(1, 4)]),
            encoding="utf-8")
    return folder


def facts(store: Store) -> dict[str, list[str]]:
    """Every plan with its tasks: what a user reads back."""
    return {p.id: [t.text for t in p.tasks] for p in store.plans()}


def graph_size(store: Store) -> tuple[int, int]:
    graph = store.graph()
    return graph.number_of_nodes(), graph.number_of_edges()


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _command(*args: str) -> list[str]:
    return [sys.executable, "-c", "from policykg.cli import main; main()", *args]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


# --- a crash at any point of an ingest ------------------------------------------------------


def _kill_ingests(tmp_path: Path, fractions: tuple[float, ...], count: int) -> None:
    """Kill a real ``policykg ingest`` at these fractions of its run time; after each kill
    the store holds the earlier plans exactly (or, past the commit, all of the run);
    a last run completes the work."""
    earlier = plan_folder(tmp_path / "truoc", range(1, 4))
    later = plan_folder(tmp_path / "sau", range(100, 100 + count))
    # a full run on a scratch store: how long an ingest takes, and what it ends with
    scratch = tmp_path / "scratch.db"
    Store(scratch).ingest([earlier])
    start = time.monotonic()
    subprocess.run(_command("ingest", str(later), "--store", str(scratch)), env=_env(),
                   check=True, capture_output=True, timeout=300)
    full = time.monotonic() - start
    complete = facts(Store(scratch))

    path = tmp_path / "kg.db"
    store = Store(path)
    store.ingest([earlier])
    before = facts(store)
    outcomes = set()
    for fraction in fractions:
        run = subprocess.Popen(_command("ingest", str(later), "--store", str(path)),
                               env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(full * fraction)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=60)
        reopened = Store(path)
        now = facts(reopened)
        assert now in (before, complete)  # all of the run or none of it
        assert integrity(path) == "ok"
        outcomes.add("none" if now == before else "all")
        if now == complete:  # the run had committed: start over from the earlier plans
            for plan_id in set(complete) - set(before):
                reopened.forget(plan_id)
            assert facts(reopened) == before
    report = Store(path).ingest([later])
    assert not report.skipped
    assert facts(Store(path)) == complete
    assert graph_size(Store(path)) == graph_size(Store(scratch))
    assert "none" in outcomes


def test_ingest_killed_at_several_moments_leaves_the_earlier_plans_and_the_next_run_finishes(
        tmp_path):
    _kill_ingests(tmp_path, (0.3, 0.75, 0.95), count=20)


@pytest.mark.slow
def test_ingest_killed_at_many_moments_of_a_long_run(tmp_path):
    _kill_ingests(tmp_path, tuple(k / 20 for k in range(1, 21)), count=150)


# --- two ingests at once ---------------------------------------------------------------------


def test_two_concurrent_ingests_wait_or_fail_clearly_and_never_corrupt(tmp_path):
    first = plan_folder(tmp_path / "mot", range(1, 31))
    second = plan_folder(tmp_path / "hai", range(200, 231))
    path = tmp_path / "kg.db"
    runs = [subprocess.Popen(_command("ingest", str(folder), "--store", str(path)),
                             env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
            for folder in (first, second)]
    outputs = [run.communicate(timeout=300) for run in runs]
    codes = [run.returncode for run in runs]
    expected: set[str] = set()
    for code, (out, err), folder in zip(codes, outputs, (first, second), strict=True):
        assert "Traceback" not in out + err
        assert code in (0, STORE_EXIT), (code, out, err)
        if code == STORE_EXIT:
            assert "store is busy" in err and str(path) in err
        else:
            expected |= {str(p.resolve()) for p in folder.iterdir()}
    assert 0 in codes
    assert integrity(path) == "ok"
    store = Store(path)
    assert {p.source.path for p in store.plans()} == expected
    store.ingest([first, second])  # whichever lost can simply run again
    assert len(store.plans()) == 61


# --- stores of other versions ---------------------------------------------------------------


def _stored(tmp_path: Path) -> Path:
    path = tmp_path / "kg.db"
    Store(path).ingest([plan_folder(tmp_path / "in", range(1, 3))])
    return path


def _cli(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{args}: {result.exception!r}\n{result.output}")
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("version", ["0", None, "policykg 0.0.1"])
def test_a_store_of_an_older_format_is_refused_with_how_to_rebuild(tmp_path, version):
    path = _stored(tmp_path)
    with sqlite3.connect(path) as conn:
        if version is None:
            conn.execute("DELETE FROM meta WHERE key = 'format_version'")
        else:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'format_version'", (version,))
    data = path.read_bytes()
    for args in (["plans"], ["stats"], ["search", "hội thảo"], ["workload"],
                 ["ingest", str(tmp_path / "in")]):
        result = _cli(*args, "--store", str(path))
        assert result.exit_code in (STORE_EXIT, 5), (args, result.output)
        assert "rebuild" in result.output and f"policykg ingest --store {path}" in result.output
    assert path.read_bytes() == data  # refused, not overwritten
    assert FORMAT_VERSION >= 1


# --- a store is data, never code ------------------------------------------------------------


def test_the_store_module_runs_no_code_from_the_file():
    tree = ast.parse((ROOT / "graph" / "store.py").read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in getattr(node, "names", [])}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert not imported & {"pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib"}
    called = {node.func.id for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert not called & {"eval", "exec", "compile", "__import__"}
    assert "enable_load_extension" not in (ROOT / "graph" / "store.py").read_text()


class _Boom:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_pickle_planted_in_the_store_is_never_run(tmp_path):
    path = _stored(tmp_path)
    marker = tmp_path / "ran"
    payload = pickle.dumps(_Boom(str(marker)))
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE nodes SET attrs = ?", (payload,))
        conn.execute("UPDATE plans SET data = ?, lines = ?", (payload, payload))
    for call in (lambda s: s.graph(), lambda s: s.plans(), lambda s: s.stats(),
                 lambda s: s.find_plans("12/KH-SKHCN")):
        with pytest.raises(StoreError, match="damaged"):
            call(Store(path))
    for args in (["plans"], ["stats"], ["show", "1/KH-SKHCN"], ["search", "x"]):
        assert _cli(*args, "--store", str(path)).exit_code != 0
    assert not marker.exists()


# --- tampered files -----------------------------------------------------------------------------


def _api_calls(path: Path) -> None:
    """Every read (and a write) either answers or raises StoreError, never anything else."""
    for call in (lambda s: s.graph(), lambda s: s.plans(), lambda s: s.files(),
                 lambda s: s.stats(), lambda s: s.plan_nodes(),
                 lambda s: s.find_plans("1/KH-SKHCN"), lambda s: s.plan("1/KH-SKHCN")):
        try:
            call(Store(path))
        except StoreError as err:
            assert str(err) and "\n" not in str(err)


def _cli_calls(path: Path) -> None:
    for args in (["plans"], ["tasks"], ["stats"], ["show", "1/KH-SKHCN"], ["search", "nhiệm vụ"],
                 ["workload"], ["due", "2025"], ["stems-from", "57-NQ/TW"]):
        _cli(*args, "--store", str(path))


def test_random_bytes_overwritten_in_the_store_give_a_clear_error_or_an_answer(tmp_path):
    path = _stored(tmp_path)
    good = path.read_bytes()
    rng = random.Random(20251122)
    for _ in range(12):
        data = bytearray(good)
        at = rng.randrange(0, len(data) - 64)
        data[at:at + rng.choice((1, 16, 64))] = rng.randbytes(64)[: len(data[at:at + 64])]
        path.write_bytes(bytes(data))
        _api_calls(path)
        _cli_calls(path)


@pytest.mark.parametrize("keep", [0.01, 0.3, 0.6, 0.95])
def test_a_truncated_store_gives_a_clear_error_or_an_answer(tmp_path, keep):
    path = _stored(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: max(1, int(len(data) * keep))])
    _api_calls(path)
    _cli_calls(path)


SCHEMAS = {
    "other tables": "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('x');",
    "same names, other columns": (
        "CREATE TABLE meta (k TEXT); CREATE TABLE files (x); CREATE TABLE plans (y);"
        "CREATE TABLE nodes (z); CREATE TABLE edges (w); INSERT INTO meta VALUES ('a');"),
    "right tables, wrong columns": (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        f"INSERT INTO meta VALUES ('format_version', '{FORMAT_VERSION}');"
        "INSERT INTO meta VALUES ('generation', '1');"
        "CREATE TABLE files (path TEXT); CREATE TABLE plans (plan_id TEXT);"
        "CREATE TABLE nodes (id TEXT); CREATE TABLE edges (src TEXT);"
        "INSERT INTO nodes VALUES ('a'); INSERT INTO plans VALUES ('p');"),
}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_a_sqlite_file_with_a_wrong_schema_gives_a_clear_error(tmp_path, name):
    path = tmp_path / "kg.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(SCHEMAS[name])
    before = path.read_bytes()
    with pytest.raises(StoreError):
        Store(path).graph()
    with pytest.raises(StoreError):
        Store(path).plans()
    _cli_calls(path)
    result = _cli("ingest", str(plan_folder(tmp_path / "in", range(1, 2))), "--store", str(path))
    assert result.exit_code == STORE_EXIT
    with sqlite3.connect(path) as conn:  # the other program's data is left alone
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] >= 1
    assert path.read_bytes() == before or name != "other tables"


GARBAGE = ["{broken", "[]", "null", '"text"', "123", '{"source": "x", "tasks": 5}',
           '{"id": 1, "tasks": [{"units": "x"}]}', "[[1, 2]]"]


@pytest.mark.parametrize("column", ["nodes.attrs", "edges.attrs", "plans.data", "plans.lines"])
def test_json_rows_edited_to_garbage_give_a_clear_error(tmp_path, column):
    path = _stored(tmp_path)
    table, field = column.split(".")
    good = path.read_bytes()
    for garbage in GARBAGE:
        path.write_bytes(good)
        with sqlite3.connect(path) as conn:
            conn.execute(f"UPDATE {table} SET {field} = ?", (garbage,))
        _api_calls(path)
        _cli_calls(path)

"""The embedded store: idempotent ingest, replacement, forgetting, atomicity, locking."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from policykg.graph.build import build_graph
from policykg.graph.store import FORMAT_VERSION, Store, StoreBusy, StoreError
from policykg.loaders.batch import Loaded, Skipped
from policykg.loaders.model import Line, Plan
from policykg.ontology.schema import Kind
from tests.conftest import ROOT
from tests.test_graph_build import plan, ref, task, unit

# --- plans written as JSON files, read back by a stand-in loader -----------------------


def json_loader(paths: list[str], on_progress: Callable[..., None] | None = None,
                jobs: int | None = None) -> Iterator[Loaded | Skipped]:
    """Reads files holding ``Plan.to_dict()`` JSON; anything else is skipped."""
    for done, path in enumerate(paths, start=1):
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            result: Loaded | Skipped = Loaded(Path(path), _with_source(Plan.from_dict(data), path))
        except (OSError, ValueError, TypeError) as err:
            result = Skipped(Path(path), f"not a plan: {type(err).__name__}")
        if on_progress:
            on_progress(done, len(paths), result)
        yield result


def _with_source(p: Plan, path: str) -> Plan:
    p.source.path = path
    for t in p.tasks:
        t.source.file = path
    return p


def write_plan(folder: Path, name: str, p: Plan) -> Path:
    p.lines = [Line("KẾ HOẠCH", 1, 1), Line(p.title or "", 2, 2)]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(p.to_dict(), ensure_ascii=False), encoding="utf-8")
    return path


def corpus(folder: Path) -> list[Plan]:
    folder.mkdir(parents=True, exist_ok=True)
    plans = [
        plan("tn", province="Tây Ninh", references=[
            ref("36-NQ/TW", date="2023-01-30", issuer="Bộ Chính trị", relation="implements")],
            tasks=[task("1", "Tuyên truyền", unit("Phòng Quản lý khoa học")),
                   task("1.1", "Phổ biến", unit("Trung tâm KH&CN"), parent="1")]),
        plan("gl", number="12/KH-SKHCN", province="Gia Lai", references=[ref("36-NQ/TW")],
             tasks=[task("1", "Hỗ trợ OCOP", unit("Phòng Quản lý Khoa học"),
                         unit("Sở Công Thương", "support", "external"))]),
        plan("ls", number="19/KH-SKHCN", province="Lạng Sơn",
             tasks=[task("1", "Xác định TFP", unit("Phòng Kế hoạch - Tài chính"))]),
    ]
    for p in plans:
        write_plan(folder, p.source.path.rsplit("/", 1)[-1].removesuffix(".txt"), p)
    return plans


def make_store(tmp_path: Path, **kwargs) -> Store:
    return Store(tmp_path / "store" / "kg.db", loader=json_loader, **kwargs)


def snapshot(store: Store) -> tuple[list[str], list[tuple[str, str, str]]]:
    g = store.graph()
    return sorted(g.nodes), sorted(g.edges(keys=True))


def tasks_of(store: Store) -> list[str]:
    g = store.graph()
    return sorted(d["text"] for _, d in g.nodes(data=True) if d["kind"] == Kind.TASK.value)


# --- tests ------------------------------------------------------------------------------


def test_ingest_stores_plans_and_graph(tmp_path):
    plans = corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    report = store.ingest([tmp_path / "plans"])
    assert len(report.ingested) == 3 and report.ok
    assert report.tasks == 4 and report.references == 2
    assert sorted(p.id for p in store.plans()) == sorted(p.id for p in plans)
    # the cached graph is the graph the plans build
    built = build_graph(store.plans())
    g = store.graph()
    assert sorted(g.nodes) == sorted(built.nodes)
    assert all(g.nodes[n] == built.nodes[n] for n in g.nodes)
    assert sorted(g.edges(keys=True, data="rel")) == sorted(built.edges(keys=True, data="rel"))


def test_reopened_store_answers_without_parsing(tmp_path):
    corpus(tmp_path / "plans")
    make_store(tmp_path).ingest([tmp_path / "plans"])

    def no_parsing(*args, **kwargs):
        raise AssertionError("the store parsed a file to answer a query")

    reopened = Store(tmp_path / "store" / "kg.db", loader=no_parsing)
    assert reopened.graph().number_of_nodes() > 0
    assert len(reopened.plans()) == 3
    assert reopened.plan("19/KH-SKHCN").lines  # lines are kept for display


def test_ingesting_twice_changes_nothing(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    before = snapshot(store)
    again = store.ingest([tmp_path / "plans"])
    assert again.ingested == [] and len(again.unchanged) == 3
    assert snapshot(Store(store.path)) == before


def test_a_new_policykg_reads_unchanged_files_again(tmp_path, monkeypatch):
    """A store keeps what the policykg that read each file made of it; a newer one (whose
    parser may read more) reads the files again on the next ingest."""
    import policykg.graph.store as store_module

    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    monkeypatch.setattr(store_module, "__version__", "99.0.0")
    again = store.ingest([tmp_path / "plans"])
    assert len(again.ingested) == 3 and again.unchanged == []
    assert store.ingest([tmp_path / "plans"]).ingested == []


def test_the_version_is_stated_once_everywhere():
    import tomllib

    import policykg

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    ontology = (ROOT / "ontology" / "policykg.ttl").read_text(encoding="utf-8")
    assert project["version"] == policykg.__version__
    assert f'owl:versionInfo "{policykg.__version__}"' in ontology


def test_a_file_reached_by_links_or_relative_paths_is_stored_once_by_its_real_path(
        tmp_path, monkeypatch):
    corpus(tmp_path / "plans")
    (tmp_path / "shortcut").symlink_to(tmp_path / "plans", target_is_directory=True)
    (tmp_path / "linked").mkdir()
    first = sorted((tmp_path / "plans").iterdir())[0]
    (tmp_path / "linked" / "alias.txt").symlink_to(first)
    store = make_store(tmp_path)
    store.ingest([tmp_path / "shortcut"])
    real = {str(path.resolve()) for path in (tmp_path / "plans").iterdir()}
    assert {row["path"] for row in store.files()} == real
    through_link = store.ingest([tmp_path / "linked"])
    assert through_link.ingested == [] and through_link.unchanged == [str(first.resolve())]
    monkeypatch.chdir(tmp_path / "plans")
    again = store.ingest(["."])
    assert again.ingested == [] and sorted(again.unchanged) == sorted(real)


def test_changed_file_replaces_its_old_facts(tmp_path):
    plans = corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    assert "Tuyên truyền" in tasks_of(store)
    changed = plans[0]
    changed.tasks = [task("1", "Đào tạo nguồn nhân lực", unit("Văn phòng Sở"))]
    write_plan(tmp_path / "plans", "tn", changed)
    report = store.ingest([tmp_path / "plans"])
    assert len(report.ingested) == 1 and len(report.unchanged) == 2
    texts = tasks_of(store)
    assert "Đào tạo nguồn nhân lực" in texts
    assert "Tuyên truyền" not in texts and "Phổ biến" not in texts


def test_same_plan_from_another_file_is_replaced_and_reported(tmp_path):
    plans = corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    copy = write_plan(tmp_path / "copies", "ls-copy", plans[2])
    report = store.ingest([copy])
    assert [(pid, Path(new).name) for pid, _, new in report.replaced] == [
        (plans[2].id, "ls-copy.json")]
    assert len(store.plans()) == 3
    assert store.plan(plans[2].id).source.path == str(copy.resolve())


def test_unreadable_file_is_skipped_with_reason(tmp_path):
    corpus(tmp_path / "plans")
    (tmp_path / "plans" / "notes.json").write_text("not json", encoding="utf-8")
    store = make_store(tmp_path)
    report = store.ingest([tmp_path / "plans"])
    assert [Path(p).name for p, _ in report.skipped] == ["notes.json"]
    assert "not a plan" in report.skipped[0][1]
    assert len(store.plans()) == 3


def test_forget_removes_a_plans_tasks(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    assert "Xác định TFP" in tasks_of(store)
    removed = store.forget("19/KH-SKHCN")
    assert len(removed) == 1
    assert "Xác định TFP" not in tasks_of(store)
    assert len(store.plans()) == 2
    store.forget(str(tmp_path / "plans" / "tn.json"))  # by file
    assert "Tuyên truyền" not in tasks_of(store)
    with pytest.raises(StoreError, match="nothing in store"):
        store.forget("no-such-plan")
    # a forgotten file comes back on the next ingest
    report = store.ingest([tmp_path / "plans"])
    assert len(report.ingested) == 2 and len(store.plans()) == 3


def test_plan_lookup_by_id_node_number_and_file(tmp_path):
    plans = corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    gl = plans[1]
    node = store.plan_nodes()[gl.id]
    for key in (gl.id, node, "12/KH-SKHCN", "12/kh-skhcn", str(tmp_path / "plans" / "gl.json")):
        assert store.plan(key).id == gl.id, key
    with pytest.raises(StoreError, match="no plan"):
        store.plan("99/KH-XYZ")


def test_stats_count_kinds_relations_and_provinces(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    stats = store.stats()
    assert stats["nodes"]["Plan"] == 3 and stats["nodes"]["Task"] == 4
    assert stats["edges"]["HAS_TASK"] == 3 and stats["edges"]["HAS_SUBTASK"] == 1
    assert stats["provinces"]["Tây Ninh"]["Task"] == 2
    assert stats["files"] == {"ingested": 3}


def test_store_of_another_format_version_is_refused(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'format_version'",
                     (str(FORMAT_VERSION + 1),))
    fresh = Store(store.path)
    with pytest.raises(StoreError, match="format version .* rebuild"):
        fresh.graph()
    with pytest.raises(StoreError, match="rebuild"):
        fresh.ingest([tmp_path / "plans"])


def test_damaged_store_gives_a_clear_error(tmp_path):
    path = tmp_path / "kg.db"
    path.write_bytes(b"this is not a database, just some bytes " * 200)
    with pytest.raises(StoreError, match="damaged or not a policykg store"):
        Store(path).plans()
    with pytest.raises(StoreError, match="damaged"):
        Store(path, loader=json_loader).ingest([tmp_path])


def test_tampered_graph_rows_give_a_clear_error(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE nodes SET attrs = '{broken' WHERE seq = 1")
    with pytest.raises(StoreError, match="damaged"):
        Store(store.path).graph()


def _python(script: str, tmp_path: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def test_second_writer_gets_store_is_busy(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path, timeout=0.2)
    store.ingest([tmp_path / "plans"])
    holder = _python(f"""
        import sys
        from policykg.graph.store import Store
        with Store({str(store.path)!r}).writing():
            print("locked", flush=True)
            sys.stdin.readline()
    """, tmp_path)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreBusy, match="store is busy: another policykg process is "
                                            "writing to"):
            store.forget("19/KH-SKHCN")
        assert len(store.plans()) == 3  # readers are not blocked
    finally:
        holder.communicate("done\n", timeout=30)
    assert holder.returncode == 0
    store.forget("19/KH-SKHCN")  # the lock is free again
    assert len(store.plans()) == 2


def test_killed_ingest_leaves_the_previous_store_intact(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    before = snapshot(store)
    many = tmp_path / "many"
    many.mkdir()
    for i in range(40):
        p = plan(f"m{i}", number=f"{i + 100}/KH-SKHCN", province="Gia Lai",
                 tasks=[task("1", f"Nhiệm vụ {i}", unit("Văn phòng Sở"))])
        write_plan(many, f"m{i:03}", p)
    killed = _python(f"""
        import sys
        from policykg.graph.store import Store
        from tests.test_store import json_loader

        def slow_loader(paths, on_progress=None, jobs=None):
            for done, result in enumerate(json_loader(paths, on_progress), start=1):
                yield result
                if done == 20:
                    print("half way", flush=True)
                    sys.stdin.readline()  # wait here until killed

        Store({str(store.path)!r}, loader=slow_loader).ingest([{str(many)!r}])
    """, tmp_path)
    try:
        assert killed.stdout.readline().strip() == "half way"
        killed.send_signal(signal.SIGKILL)
    finally:
        killed.wait(timeout=30)
    assert killed.returncode == -signal.SIGKILL
    reopened = make_store(tmp_path)
    assert snapshot(reopened) == before
    assert len(reopened.plans()) == 3
    report = reopened.ingest([many])
    assert len(report.ingested) == 40
    assert len(reopened.plans()) == 43


def test_empty_store_reads_as_empty_and_is_not_created_by_reading(tmp_path):
    store = Store(tmp_path / "nothing" / "kg.db")
    assert store.plans() == [] and store.graph().number_of_nodes() == 0
    assert not store.exists and not (tmp_path / "nothing").exists()


# --- the seeds (needs the parser) -------------------------------------------------------


def test_seeds_ingest_into_a_store(seeds_dir, tmp_path):
    store = Store(tmp_path / "kg.db")
    report = store.ingest([seeds_dir])
    assert report.ok, report.skipped
    assert len(store.plans()) == 5
    again = store.ingest([seeds_dir])
    assert len(again.unchanged) == 5 and (again.nodes, again.edges) == (report.nodes,
                                                                          report.edges)


def test_another_programs_database_is_not_written_to(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (name TEXT)")
    corpus(tmp_path / "plans")
    with pytest.raises(StoreError, match="not a policykg store"):
        Store(path, loader=json_loader).ingest([tmp_path / "plans"])
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert tables == {"accounts"}


# --- incremental ingest: only changed plans are recomputed ------------------------------


def same_graph(store: Store) -> None:
    """The stored graph is the graph built from every stored plan at once."""
    built = build_graph(store.plans())
    g = store.graph()
    assert sorted(g.nodes) == sorted(built.nodes)
    assert all(g.nodes[n] == built.nodes[n] for n in g.nodes)
    assert (sorted((u, v, k, sorted(d.items(), key=repr))
                   for u, v, k, d in g.edges(keys=True, data=True))
            == sorted((u, v, k, sorted(d.items(), key=repr))
                      for u, v, k, d in built.edges(keys=True, data=True)))


def count_fragments(monkeypatch) -> list[str]:
    """The plan ids whose fragment the store computes from here on."""
    import policykg.graph.store as store_module

    computed: list[str] = []
    real = store_module.plan_fragment

    def counting(p, *args, **kwargs):
        computed.append(p.id)
        return real(p, *args, **kwargs)

    monkeypatch.setattr(store_module, "plan_fragment", counting)
    return computed


def test_changed_file_recomputes_only_its_own_plan(tmp_path, monkeypatch):
    plans = corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    computed = count_fragments(monkeypatch)
    changed = plans[1]
    changed.tasks = [task("1", "Hỗ trợ OCOP năm 2025", unit("Phòng Quản lý Khoa học"))]
    write_plan(tmp_path / "plans", "gl", changed)
    store.ingest([tmp_path / "plans"])
    assert computed == [changed.id]
    assert "Hỗ trợ OCOP năm 2025" in tasks_of(store) and "Hỗ trợ OCOP" not in tasks_of(store)
    same_graph(store)


def write_two_copies_of_one_document(folder: Path) -> None:
    """A Word and a PDF file of plan 12/KH-SKHCN (Gia Lai), each with a task of its own."""
    for name in ("word", "pdf"):
        write_plan(folder, name, plan(name, number="12/KH-SKHCN", province="Gia Lai",
                                      tasks=[task("1", f"Nhiệm vụ bản {name}",
                                                  unit("Văn phòng Sở"))]))


def two_spellings_of_one_number(second_unit: str = "Văn phòng Sở"):
    """Plans numbered 5/KH-BĐH (2023) and 5/KH-BDH (2024): one number spelled two ways, so
    ingesting the second renames the first plan's node."""
    first = plan("x", number="5/KH-BĐH", date="2023-03-01",
                 tasks=[task("1", "Nhiệm vụ năm 2023", unit("Văn phòng Sở"))])
    second = plan("y", number="5/KH-BDH", date="2024-03-01",
                  tasks=[task("1", "Nhiệm vụ năm 2024", unit(second_unit))])
    return first, second


def test_plan_whose_node_id_changes_gets_its_tasks_moved(tmp_path, monkeypatch):
    """Two spellings of one number: the node id takes the first spelling in order, so
    ingesting the second plan renames the first plan's node and its tasks follow."""
    folder = tmp_path / "plans"
    first, second = two_spellings_of_one_number()
    store = make_store(tmp_path)
    write_plan(folder, "x", first)
    store.ingest([folder])
    old_node = store.plan_nodes()[first.id]
    computed = count_fragments(monkeypatch)
    write_plan(folder, "y", second)
    store.ingest([folder])
    new_node = store.plan_nodes()[first.id]
    assert new_node != old_node and first.id in computed
    g = store.graph()
    assert f"task:{new_node}#1" in g and f"task:{old_node}#1" not in g
    same_graph(store)


def test_ingests_in_any_order_give_the_graph_of_all_plans(tmp_path):
    plans = corpus(tmp_path / "all")
    for order in ([0, 1, 2], [2, 0, 1]):
        store = Store(tmp_path / f"store{order[0]}" / "kg.db", loader=json_loader)
        for i in order:
            p = plans[i]
            store.ingest([tmp_path / "all" / Path(p.source.path).name.replace(".txt", ".json")])
        assert len(store.plans()) == 3
        same_graph(store)
    store.forget("12/KH-SKHCN")
    same_graph(store)


def test_ingest_plans_already_read(tmp_path):
    plans = corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    report = store.ingest_plans(plans)
    assert report.plans == 3 and report.tasks == 4
    assert (report.nodes, report.edges) == (store.graph().number_of_nodes(),
                                            store.graph().number_of_edges())
    same_graph(store)


def test_store_of_the_previous_format_is_refused(tmp_path):
    corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'format_version'")
    with pytest.raises(StoreError, match="format version 1, .* rebuild it with"):
        Store(store.path).plans()



def test_fragments_of_another_version_are_recomputed(tmp_path, monkeypatch):
    plans = corpus(tmp_path / "plans")
    store = make_store(tmp_path)
    store.ingest([tmp_path / "plans"])
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE fragments SET version = '0/0.0.0'")
    computed = count_fragments(monkeypatch)
    extra = plan("bn", number="7/KH-SKHCN", province="Bắc Ninh")
    store.ingest([write_plan(tmp_path / "more", "bn", extra)])
    assert sorted(computed) == sorted([p.id for p in plans] + [extra.id])
    same_graph(store)


def test_two_files_of_one_document_give_one_plan_node_until_one_is_forgotten(tmp_path):
    folder = tmp_path / "plans"
    word = plan("word", number="12/KH-SKHCN", province="Gia Lai", title="Bản Word",
                tasks=[task("1", "Nhiệm vụ bản Word", unit("Văn phòng Sở"))])
    pdf = plan("pdf", number="12/KH-SKHCN", province="Gia Lai", title="Bản PDF",
               tasks=[task("1", "Nhiệm vụ bản PDF", unit("Văn phòng Sở"))])
    write_plan(folder, "word", word)
    write_plan(folder, "pdf", pdf)
    store = make_store(tmp_path)
    report = store.ingest([folder])
    assert len(report.duplicates) == 1
    assert len(tasks_of(store)) == 1  # one document: the tasks of the copy kept
    same_graph(store)
    kept = tasks_of(store)[0]
    store.forget(str(folder / ("word.json" if "Word" in kept else "pdf.json")))
    assert tasks_of(store) == ["Nhiệm vụ bản PDF" if "Word" in kept else "Nhiệm vụ bản Word"]
    same_graph(store)


def test_plans_prepared_in_another_process_store_the_same_graph(tmp_path):
    from concurrent.futures import ProcessPoolExecutor

    from policykg.graph.store import prepare_plan

    plans = corpus(tmp_path / "plans")
    with ProcessPoolExecutor(max_workers=2) as pool:
        prepared = list(pool.map(prepare_plan, plans))
    store = make_store(tmp_path)
    report = store.ingest_plans(prepared)
    assert report.plans == 3 and report.tasks == 4 and report.references == 2
    direct = Store(tmp_path / "direct" / "kg.db")
    direct.ingest_plans(plans)
    assert snapshot(store) == snapshot(direct)
    same_graph(store)

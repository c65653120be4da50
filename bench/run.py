"""The national-scale benchmark: one table of ingest, floor, re-ingest, queries, overlaps,
export and store-opening figures for synthetic corpora of given sizes.

``python -m bench.run --plans 1000 [--sizes 1000,10000] [--jobs 2] [--out bench/results.json]``

Each measurement that reports memory runs in a fresh process (peak resident set size is
per process), so one row's memory never includes another's. Times are given by wall
clock and by CPU time of the measuring process: on a shared machine the CPU figure is
the one that says what the code costs. Corpora are written once into ``--work`` and
reused (plan ``i`` of a seed is the same in every corpus size).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import click

from bench import floor, generate

REPO = Path(__file__).resolve().parents[1]
QUERY_SAMPLES = 100
NEO4J_SAMPLES = 20  # questions per set asked of the database (each costs round trips)
CHANGED_SHARE = 0.01
NEO4J_PLANS = 200  # plans pushed by the Neo4j row (with every shared node and link)

# The targets, checked against the figures in the table.
TARGETS = {
    "ingest_plans_per_cpu_s": 1000.0,
    "floor_ratio": 10.0,
    "stems_p95_ms": 50.0,
    "workload_p95_ms": 200.0,
    "open_s_10k": 2.0,
    "overlaps_s_100k_tasks": 60.0,
}


# --- processes and clocks --------------------------------------------------------------


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _run_measured(name: str, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Run ``JOBS[name]`` in this (fresh) process and add its peak memory."""
    result = JOBS[name](**kwargs)
    result["peak_rss_mb"] = _peak_mb()
    # the largest of its ended child processes (pool workers, per-file readers)
    result["children_peak_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    return result


def in_child(name: str, **kwargs: Any) -> dict[str, Any]:
    """Run job ``name`` in a fresh process; its peak memory is the job's alone."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(_run_measured, name, kwargs).result()


class Clock:
    """Wall and CPU seconds of a block: ``with Clock() as c: …; c.wall, c.cpu``."""

    def __enter__(self) -> Clock:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu


def _spread(samples: list[float]) -> dict[str, float]:
    """Median and 95th percentile, in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return {"median_ms": round(1000 * statistics.median(ordered), 2),
            "p95_ms": round(1000 * p95, 2), "max_ms": round(1000 * ordered[-1], 2)}


# --- corpora ---------------------------------------------------------------------------


def corpus(work: Path, plans: int, seed: int) -> Path:
    """The corpus of ``plans`` plans of ``seed`` under ``work``, written when missing."""
    folder = work / f"corpus-s{seed}-{plans}"
    manifest = folder / ".manifest.jsonl"
    if manifest.is_file() and sum(1 for _ in manifest.open(encoding="utf-8")) == plans:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    generate.generate(folder, plans, seed)
    return folder


# --- jobs (each runs in its own process) -----------------------------------------------


_ACTIVE: set[str] = set()


def _timed(fn: Callable[..., Any], wall: dict[str, float], cpu: dict[str, float],
           name: str) -> Callable[..., Any]:
    """``fn`` adding its time to ``name``; a call inside another of the same name counts once."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if name in _ACTIVE:
            return fn(*args, **kwargs)
        _ACTIVE.add(name)
        w, c = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            _ACTIVE.discard(name)
            wall[name] += time.perf_counter() - w
            cpu[name] += time.process_time() - c
    return wrapper


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the per-file reader)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def job_ingest(folder: str, store: str, jobs: int = 1, profile: str | None = None,
               in_process: bool = True) -> dict[str, Any]:
    """Ingest ``folder`` into a new store; time read, parse, resolve (graph build) and store.

    "store" is what is left: walking and hashing files, JSON, SQLite writes.
    ``in_process`` reads the files in this process (``POLICYKG_FILE_TIMEOUT=0``) so the
    read and parse phases can be timed; otherwise the loader's per-file reader process
    is used, as ``policykg ingest`` does, and its CPU time is counted.
    """
    if in_process:
        os.environ["POLICYKG_FILE_TIMEOUT"] = "0"
    import inspect

    import policykg.graph.build as build
    import policykg.graph.store as store_module
    import policykg.loaders.batch as batch
    import policykg.loaders.parse as parse
    from policykg.graph.store import open_store

    wall: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)
    batch.read_document = _timed(batch.read_document, wall, cpu, "read")
    parse.parse_text = _timed(parse.parse_text, wall, cpu, "parse")
    # Resolving identities and building the graph, wherever the store calls it from.
    build.build_graph = _timed(build.build_graph, wall, cpu, "resolve")
    for name in ("build_graph", "assemble", "plan_fragment"):
        if callable(getattr(store_module, name, None)):
            setattr(store_module, name, _timed(getattr(store_module, name), wall, cpu,
                                               "resolve"))
    target = open_store(store)
    kwargs: dict[str, Any] = {}
    parallel = "jobs" in inspect.signature(target.ingest).parameters
    if parallel:
        kwargs["jobs"] = jobs
    elif jobs > 1:
        return {"supported": False}
    profiler = None
    if profile:
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()
    cpu_before = _cpu()
    with Clock() as clock:
        report = target.ingest([folder], **kwargs)
    clock.cpu = _cpu() - cpu_before
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    plans = report.plans
    phases = {}
    if in_process:
        for name in ("read", "parse", "resolve"):
            phases[name] = {"wall_s": round(wall[name], 3), "cpu_s": round(cpu[name], 3)}
        phases["store"] = {"wall_s": round(clock.wall - sum(wall.values()), 3),
                           "cpu_s": round(clock.cpu - sum(cpu.values()), 3)}
    return {"supported": True, "jobs": jobs, "in_process": in_process, "plans": plans,
            "tasks": report.tasks,
            "skipped": len(report.skipped), "nodes": report.nodes, "edges": report.edges,
            "wall_s": round(clock.wall, 3), "cpu_s": round(clock.cpu, 3),
            "plans_per_s": round(plans / clock.wall, 1),
            "plans_per_cpu_s": round(plans / max(clock.cpu, 1e-9), 1), "phases": phases,
            "store_mb": round(os.path.getsize(store) / 1e6, 1)}


def _load_plan(path: str) -> Any:
    from policykg.loaders.batch import _load_one

    return _load_one(Path(path))


def job_pool_parse(folder: str, jobs: int) -> dict[str, Any]:
    """Read and parse every file in a pool of ``jobs`` processes, plans sent back whole.

    What a parallel ingest would do before writing in the parent; the store has no
    ``jobs`` yet when this row is measured instead.
    """
    files = [str(p) for p in floor.corpus_files(Path(folder))]
    with Clock() as clock, ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(_load_plan, files, chunksize=32))
    plans = sum(1 for r in results if hasattr(r, "plan"))
    return {"jobs": jobs, "plans": plans, "wall_s": round(clock.wall, 3),
            "plans_per_s": round(plans / clock.wall, 1)}


def job_open(store: str) -> dict[str, Any]:
    """Import, open the store and read its skeleton (documents, plans, units, links):
    what a query command pays before its question loads the plan blocks it reads."""
    with Clock() as imports:
        from policykg.graph.store import open_store
    with Clock() as clock:
        skeleton = open_store(store).skeleton()
    return {"import_s": round(imports.wall, 3), "wall_s": round(clock.wall, 3),
            "cpu_s": round(clock.cpu, 3), "nodes": skeleton.number_of_nodes(),
            "edges": skeleton.number_of_edges()}


def job_open_full(store: str) -> dict[str, Any]:
    """Open the store and decode the whole graph (what exports, pages and overlaps read)."""
    from policykg.graph.store import open_store

    with Clock() as clock:
        graph = open_store(store).graph()
    return {"wall_s": round(clock.wall, 3), "cpu_s": round(clock.cpu, 3),
            "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


def _query_sets(g: Any, sample: Any, rng: random.Random) -> dict[str, list[tuple[Any, ...]]]:
    """Arguments for each query: 100 different references, units or provinces.

    ``g`` is the store's skeleton; ``sample`` holds the tasks of some plans (search words).
    """
    from policykg.ontology.normalize import fold
    from policykg.ontology.schema import Kind, Rel

    lineage = {Rel.IMPLEMENTS.value, Rel.BASED_ON.value}
    central = []
    for node, data in g.nodes(data=True):
        if data.get("kind") in (Kind.PLAN.value, Kind.DOCUMENT.value) \
                and data.get("scope") == "central":
            fan = sum(1 for _, _, d in g.in_edges(node, data=True) if d.get("rel") in lineage)
            if fan:
                central.append((fan, node, data.get("key") or node))
    central.sort(reverse=True)
    provinces = sorted({g.nodes[p].get("name") for u, p, d in g.edges(data=True)
                        if d.get("rel") == Rel.IN_PROVINCE.value
                        and g.nodes[u].get("kind") == Kind.PLAN.value and g.nodes[p].get("name")})
    typed_provinces = sorted(set(provinces) | {fold(p) for p in provinces})
    units = sorted(n for n, d in g.nodes(data=True)
                   if d.get("kind") == Kind.UNIT.value and d.get("category") != "collective")
    tasks = [d.get("text") or "" for _, d in sample.nodes(data=True)
             if d.get("kind") == Kind.TASK.value]
    names = {n: g.nodes[n] for n in units}

    def province_of(unit: str) -> str | None:
        pid = names[unit].get("province")
        return g.nodes[pid].get("name") if pid in g else None

    keys = [key for _, _, key in central]
    whole = [(key, None) for key in keys]
    by_province = [(key, p) for p in provinces for key in keys]
    rng.shuffle(by_province)
    words = []
    for text in rng.sample(tasks, min(len(tasks), 4 * QUERY_SAMPLES)):
        folded = fold(text).split()
        if len(folded) >= 4:
            start = rng.randrange(len(folded) - 2)
            words.append(" ".join(folded[start:start + rng.choice((2, 3))]))
    picked_units = rng.sample(units, min(len(units), QUERY_SAMPLES))
    return {
        "stems_from_country": whole,
        "stems_from_province": by_province[:QUERY_SAMPLES],
        "workload_province": [(p,) for p in rng.sample(typed_provinces,
                                                       min(len(typed_provinces),
                                                           QUERY_SAMPLES))],
        "workload_unit": [(names[u].get("name"), province_of(u)) for u in picked_units],
        "compare_5": [tuple(rng.sample(provinces, 5)) for _ in range(QUERY_SAMPLES)]
        if len(provinces) >= 5 else [],
        "search": [(w,) for w in list(dict.fromkeys(words))[:QUERY_SAMPLES]],
        "due_province": [(period, p) for p, period in zip(
            rng.sample(typed_provinces, min(len(typed_provinces), QUERY_SAMPLES)),
            itertools.cycle(("2025", "2026-Q3", "2027-06")))],
    }


def _answer_size(result: Any) -> int:
    """How much an answer holds: compared sides, tasks due, or items."""
    if hasattr(result, "sides"):
        return len(result.sides)
    if hasattr(result, "dated"):
        return len(result.dated) + len(result.yearly) + len(result.ongoing)
    return len(result)


def _plan_nodes(skeleton: Any) -> list[str]:
    from policykg.ontology.schema import Kind

    return sorted(n for n, k in skeleton.nodes(data="kind") if k == Kind.PLAN.value)


def job_queries(store: str, seed: int, budget_s: float = 120.0) -> dict[str, Any]:
    """Median and p95 latency of each query over 100 different arguments, asked of the
    store (each question loads the plan blocks it reads).

    "warm" asks every question of one open store, as a notebook session or a server
    does (blocks loaded by one question serve the next); "cold" opens the store anew
    for each question, as one ``policykg`` command does (imports aside). A query set
    stops after ``budget_s`` seconds; the row says how many were asked.
    """
    from policykg.graph.store import open_store
    from policykg.queries import compare, due, search, stems_from, workload

    skeleton = open_store(store).skeleton()
    rng = random.Random(seed)
    plans = _plan_nodes(skeleton)
    sample = open_store(store).subgraph(plans=rng.sample(plans, min(len(plans), 200)))
    calls: dict[str, Callable[..., Any]] = {
        "stems_from_country": lambda s, ref, _p: stems_from(s, ref),
        "stems_from_province": lambda s, ref, p: stems_from(s, ref, province=p),
        # the same answers with every hit built (a stored answer builds a hit when read)
        "stems_from_province_built": lambda s, ref, p: list(stems_from(s, ref, province=p)),
        "workload_province": lambda s, p: workload(s, province=p),
        "workload_unit": lambda s, u, p: workload(s, unit=u, province=p),
        "compare_5": lambda s, *sides: compare(s, list(sides)),
        "search": lambda s, text: search(s, text),
        "due_province": lambda s, period, p: due(s, period, province=p),
    }
    out: dict[str, Any] = {}
    sets = _query_sets(skeleton, sample, rng)
    sets = {**sets, "stems_from_province_built": sets["stems_from_province"]}
    del skeleton, sample
    for mode in ("cold", "warm"):
        shared = open_store(store)
        for name, args in sets.items():
            def ask(*arg: Any, name: str = name, shared: Any = shared, mode: str = mode) -> Any:
                return calls[name](open_store(store) if mode == "cold" else shared, *arg)

            out[f"{name}_{mode}"] = _latency(ask, args, budget_s)
        del shared
    return out


def _latency(ask: Callable[..., Any], args: list[tuple[Any, ...]], budget_s: float
           ) -> dict[str, Any]:
    """``ask(*arg)`` for each of ``args`` until ``budget_s`` seconds have passed: how
    many were answered, their latency (median, p95) and median answer size."""
    from policykg.queries.refs import UnresolvedReference

    walls, cpus, sizes, failed = [], [], [], []
    started = time.perf_counter()
    for arg in args:
        if time.perf_counter() - started > budget_s:
            break
        try:
            with Clock() as clock:
                result = ask(*arg)
        except UnresolvedReference as err:
            failed.append(f"{arg}: {err}")
            continue
        walls.append(clock.wall)
        cpus.append(clock.cpu)
        sizes.append(_answer_size(result))
    row: dict[str, Any] = {"queries": len(walls), "unresolved": len(failed),
                           "unresolved_examples": failed[:3]}
    if walls:
        row.update({"wall": _spread(walls), "cpu": _spread(cpus),
                    "median_results": statistics.median(sizes)})
    return row


def _tasks_subgraph(g: Any, tasks: int) -> Any:
    """``g`` with only the tasks of the first plans (in id order) up to ``tasks`` tasks."""
    from policykg.ontology.schema import Kind

    by_plan: dict[str, list[str]] = defaultdict(list)
    others = []
    for node, data in g.nodes(data=True):
        if data.get("kind") == Kind.TASK.value:
            by_plan[data.get("plan") or ""].append(node)
        else:
            others.append(node)
    keep: list[str] = []
    for plan in sorted(by_plan):
        if len(keep) >= tasks:
            break
        keep += by_plan[plan]
    return g.subgraph(others + keep).copy(), len(keep)


def _first_tasks(store: Any, want: int) -> Any:
    """The store's skeleton with the blocks of its first plans (in id order) holding at
    least ``want`` tasks (or all of them)."""
    plans = _plan_nodes(store.skeleton())
    graph, taken = store.skeleton(), 0
    while taken < len(plans) and _count_tasks(graph) < want:
        taken += max(50, (want - _count_tasks(graph)) // 30)
        graph = store.subgraph(plans=plans[:taken])
    return graph


def _count_tasks(graph: Any) -> int:
    from policykg.ontology.schema import Kind

    return sum(1 for _, k in graph.nodes(data="kind") if k == Kind.TASK.value)


def job_overlaps(store: str, ladder: list[int]) -> dict[str, Any]:
    """Overlaps on growing task counts: time, memory growth and the growth exponent."""
    from policykg.graph.store import open_store
    from policykg.queries import overlaps

    g = _first_tasks(open_store(store), ladder[-1])
    steps = []
    for want in ladder:
        sub, tasks = _tasks_subgraph(g, want)
        before = _peak_mb()
        with Clock() as clock:
            report = overlaps(sub)
        steps.append({"tasks": tasks, "wall_s": round(clock.wall, 3),
                      "cpu_s": round(clock.cpu, 3), "pairs": len(report.pairs),
                      "peak_rss_mb": _peak_mb(), "rss_growth_mb": round(_peak_mb() - before, 1)})
        del sub
    exponent = None
    if len(steps) >= 2 and steps[0]["cpu_s"] > 0 and steps[-1]["tasks"] > steps[0]["tasks"]:
        exponent = round(math.log(steps[-1]["cpu_s"] / steps[0]["cpu_s"])
                         / math.log(steps[-1]["tasks"] / steps[0]["tasks"]), 2)
    return {"steps": steps, "exponent": exponent}


def job_export(store: str, out: str) -> dict[str, Any]:
    """Export the graph to Turtle and GraphML: time and size of each."""
    from policykg.graph.export import export
    from policykg.graph.store import open_store

    g = open_store(store).graph()
    rows = {}
    for fmt, suffix in (("ttl", "ttl"), ("graphml", "graphml")):
        path = Path(out) / f"graph.{suffix}"
        with Clock() as clock:
            export(g, fmt, path)
        rows[fmt] = {"wall_s": round(clock.wall, 3), "cpu_s": round(clock.cpu, 3),
                     "mb": round(path.stat().st_size / 1e6, 1), "peak_rss_mb": _peak_mb()}
        path.unlink()
    return rows


def job_neo4j(store: str, plans: int, work: str, seed: int = 1,
              budget_s: float = 60.0) -> dict[str, Any]:
    """Push a store of the first ``plans`` plans' files to the Bolt server the tests use
    (FalkorDB) as ``policykg neo4j push`` does (streamed: the store read in batches of
    plans), then push again incrementally with nothing changed, then ask the questions
    of :func:`job_queries` as ``--backend neo4j`` does (``budget_s`` seconds per set).
    The smaller store is ingested by a child process first, so this process's peak
    memory is the push's."""
    import subprocess
    import sys

    from policykg.graph.neo4j import push_store
    from policykg.graph.store import open_store
    from tests.bolt_server import connect, start_server

    files = [f["path"] for f in open_store(store).files() if f["plan"]][:plans]
    path = Path(work) / "neo4j-store.db"
    leftovers = [path, *(path.with_name(path.name + end) for end in ("-wal", "-shm"))]
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-c", "import sys; from policykg.graph.store import "
                    "open_store; sys.exit(not open_store(sys.argv[1]).ingest(sys.argv[2:]).ok)",
                    str(path), *files], check=True)
    source = open_store(path)
    server = start_server(Path(work) / "bolt")
    try:
        driver = connect(server)
        try:
            with Clock() as first:
                report = push_store(source, driver)
            with Clock() as again:
                second = push_store(source, driver, incremental=True)
            asked = _neo4j_questions(driver, source, seed, budget_s)
        finally:
            driver.close()
    finally:
        server.stop()
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    rows = report.nodes_written + report.relationships_written
    return {"plans": len(files), "nodes": report.nodes, "edges": report.relationships,
            "rows": rows, "wall_s": round(first.wall, 3), "cpu_s": round(first.cpu, 3),
            "rows_per_s": round(rows / max(first.wall, 1e-9), 1), "requests": report.requests,
            "incremental_wall_s": round(again.wall, 3),
            "incremental_written": second.nodes_written + second.relationships_written,
            "questions": asked}


# The questions asked of the database, as ``--backend neo4j`` asks them.
NEO4J_QUESTIONS: dict[str, Callable[..., Any]] = {
    "stems_from_province": lambda q, ref, p: q.stems_from(ref, province=p),
    "workload_province": lambda q, p: q.workload(province=p),
    "workload_unit": lambda q, u, p: q.workload(unit=u, province=p),
    "compare_5": lambda q, *sides: q.compare(list(sides)),
    "search": lambda q, text: q.search(text),
}


def _neo4j_questions(driver: Any, source: Any, seed: int, budget_s: float
                     ) -> dict[str, Any]:
    """Latency of the questions of :data:`NEO4J_QUESTIONS` asked of the database
    (wall time: most of the work is the server's)."""
    from policykg.queries.cypher import CypherQuestions

    questions = CypherQuestions(driver)
    skeleton = source.skeleton()
    rng = random.Random(seed)
    plans = _plan_nodes(skeleton)
    sample = source.subgraph(plans=rng.sample(plans, min(len(plans), 200)))
    sets = _query_sets(skeleton, sample, rng)
    return {name: _latency(lambda *arg, call=call: call(questions, *arg),
                           sets[name][:NEO4J_SAMPLES], budget_s)
            for name, call in NEO4J_QUESTIONS.items()}


def _change(files: list[Path], share: float, rng: random.Random) -> list[Path]:
    """Edit ``share`` of ``files`` the way a revised plan differs: one duty reworded."""
    chosen = rng.sample(files, max(1, round(share * len(files))))
    for path in chosen:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Thời gian", "Thời hạn", 1) + "\n", encoding="utf-8")
    return chosen


def job_reingest(folder: str, store: str, seed: int) -> dict[str, Any]:
    """Re-ingest with nothing changed, then with 1% of the files changed."""
    from policykg.graph.store import open_store

    target = open_store(store)
    with Clock() as same:
        unchanged = target.ingest([folder])
    files = floor.corpus_files(Path(folder))
    changed = _change(files, CHANGED_SHARE, random.Random(seed))
    with Clock() as clock:
        report = target.ingest([folder])
    return {"unchanged": {"wall_s": round(same.wall, 3), "cpu_s": round(same.cpu, 3),
                          "files_unchanged": len(unchanged.unchanged)},
            "changed": {"files": len(changed), "parsed": len(report.ingested),
                        "wall_s": round(clock.wall, 3), "cpu_s": round(clock.cpu, 3)}}


JOBS: dict[str, Callable[..., dict[str, Any]]] = {
    "ingest": job_ingest, "pool_parse": job_pool_parse, "open": job_open,
    "open_full": job_open_full, "neo4j": job_neo4j,
    "queries": job_queries, "overlaps": job_overlaps, "export": job_export,
    "reingest": job_reingest,
}


# --- one corpus size -------------------------------------------------------------------


OPTIONAL = ("ingest-one", "ingest-worker", "full-graph", "export", "neo4j", "reingest")


def overlap_ladder(tasks: int, cap: int) -> list[int]:
    """Task counts for the overlaps row: doubling from 1,000 up to ``min(tasks, cap)``."""
    top = min(tasks, cap)
    ladder = [n for n in (1000 * 2 ** k for k in range(20)) if n < top]
    return [*ladder[-5:], top]


def measure_size(work: Path, plans: int, seed: int, jobs: int, profile: bool,
                 skip: set[str], overlap_cap: int, log: Callable[[str], None],
                 query_budget: float = 120.0,
                 out: dict[str, Any] | None = None, save: Callable[[], None] = lambda: None
                 ) -> dict[str, Any]:
    """Every row of the table for a corpus of ``plans`` plans (less the ``skip``ped ones).

    Figures go into ``out`` as they are taken and ``save`` is called after each, so a
    long run that is stopped keeps what it measured.
    """
    source = corpus(work, plans, seed)
    run = work / f"run-{plans}"
    if run.exists():
        shutil.rmtree(run)
    run.mkdir(parents=True)
    folder = run / "corpus"
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".*"))
    store = str(run / "store.db")
    out = {} if out is None else out
    out["plans"] = plans
    log(f"[{plans}] floor")
    out["floor"] = floor.measure(folder, repeat=3)
    save()
    if "ingest-one" not in skip:
        log(f"[{plans}] ingest, one process")
        out["ingest"] = in_child("ingest", folder=str(folder), store=store)
        save()
    if profile:
        log(f"[{plans}] ingest under cProfile (not timed) → {run / 'ingest.prof'}")
        in_child("ingest", folder=str(folder), store=str(run / "store-profile.db"),
                 profile=str(run / "ingest.prof"))
    if "ingest-worker" not in skip:
        log(f"[{plans}] ingest as the CLI does (per-file reader process)")
        out["ingest_worker"] = in_child("ingest", folder=str(folder),
                                        store=str(run / "store-worker.db"), in_process=False)
        save()
    if jobs > 1:
        log(f"[{plans}] ingest, {jobs} processes")
        jobs_store = store if "ingest-one" in skip else str(run / "store-jobs.db")
        parallel = in_child("ingest", folder=str(folder), store=jobs_store, jobs=jobs)
        if not parallel.get("supported"):
            parallel = in_child("pool_parse", folder=str(folder), jobs=jobs)
            parallel["store_has_jobs"] = False
        out["ingest_jobs"] = parallel
        save()
    log(f"[{plans}] open store")
    out["open"] = in_child("open", store=store)
    save()
    if "full-graph" not in skip:
        log(f"[{plans}] open store, whole graph")
        out["open_full"] = in_child("open_full", store=store)
        save()
    log(f"[{plans}] queries")
    out["queries"] = in_child("queries", store=store, seed=seed, budget_s=query_budget)
    save()
    tasks = (out.get("ingest") or out["ingest_jobs"])["tasks"]
    ladder = overlap_ladder(tasks, overlap_cap)
    log(f"[{plans}] overlaps on {ladder} tasks")
    out["overlaps"] = in_child("overlaps", store=store, ladder=ladder)
    save()
    if "export" not in skip and "full-graph" not in skip:
        log(f"[{plans}] export")
        out["export"] = in_child("export", store=store, out=str(run))
        save()
    if "neo4j" not in skip:
        pushed = min(plans, NEO4J_PLANS)
        log(f"[{plans}] Neo4j push of {pushed} plans (FalkorDB Bolt server)")
        out["neo4j"] = in_child("neo4j", store=store, plans=pushed, work=str(run), seed=seed,
                                budget_s=query_budget / 2)
        save()
    if "reingest" not in skip:
        log(f"[{plans}] re-ingest")
        out["reingest"] = in_child("reingest", folder=str(folder), store=store, seed=seed)
        save()
    return out


# --- the table -------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """Machine, date and commit the figures were taken on."""
    model = platform.processor()
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True,
                                  text=True).stdout.strip()
        except OSError:
            return ""

    return {"cpu": model, "cores": os.cpu_count(), "python": platform.python_version(),
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": git("rev-parse", "--short", "HEAD"),
            "uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
            "load_average": [round(x, 1) for x in os.getloadavg()]}


# (row title, query set); each is asked "cold" (a fresh store per question) and "warm"
QUERY_ROWS = (
    ("stems-from, central, whole country", "stems_from_country"),
    ("stems-from, central, 1 province", "stems_from_province"),
    ("stems-from, central, 1 province, every hit built", "stems_from_province_built"),
    ("workload of a province", "workload_province"),
    ("workload of a unit", "workload_unit"),
    ("compare 5 provinces", "compare_5"),
    ("search", "search"),
    ("due in a period, 1 province", "due_province"),
)
ROWS = (
    "ingest, 1 process", "ingest phases (CPU s)", "ingest as the CLI does", "ingest, all cores",
    "floor (read + NFC)",
    "ingest / floor", "re-ingest, nothing changed", "re-ingest, 1% changed",
    "open store (skeleton)", "open store, whole graph",
    *(f"{title} ({mode})" for title, _ in QUERY_ROWS for mode in ("cold", "warm")),
    "overlaps", "export Turtle", "export GraphML", "Neo4j push",
    *(f"{title} (Neo4j)" for title, key in QUERY_ROWS if key in NEO4J_QUESTIONS),
)


def _ms(row: dict[str, Any]) -> str:
    if row.get("not_run"):
        return f"not run: {row['not_run']}"
    if not row.get("queries"):
        return f"no query answered ({row.get('unresolved', 0)} unresolved)"
    wall, cpu = row["wall"], row["cpu"]
    text = (f"median {wall['median_ms']} ms, p95 {wall['p95_ms']} ms "
            f"(CPU {cpu['median_ms']} / {cpu['p95_ms']} ms) over {row['queries']}")
    return text + (f"; {row['unresolved']} unresolved" if row["unresolved"] else "")


def _safe(fn: Callable[[], str]) -> str:
    """A row's figures, or "not measured" when the run stopped before that row."""
    try:
        return fn()
    except (KeyError, TypeError, IndexError):
        return "not measured"


def rows_for(m: dict[str, Any]) -> list[tuple[str, str]]:
    """The table's rows for one corpus size: (what, figures)."""
    ing, fl = m.get("ingest", {}), m.get("floor", {})
    ph = ing.get("phases", {})  # read, parse, resolve, store
    par = m.get("ingest_jobs") or {}
    if not par:
        parallel = "not measured (--jobs 1)"
    elif par.get("store_has_jobs") is False:
        parallel = (f"store has no parallel ingest; read + parse alone in {par['jobs']} "
                    f"processes: {par['plans_per_s']} plans/s ({par['wall_s']} s)")
    else:
        parallel = (f"{par['plans_per_s']} plans/s ({par['wall_s']} s, {par['jobs']} jobs; "
                    f"{par['plans_per_cpu_s']} plans per CPU s of all processes), peak "
                    f"{par['peak_rss_mb']} MB (writer) + {par['children_peak_rss_mb']} MB "
                    "(largest worker)")
    q = m.get("queries", {})
    ov = m.get("overlaps", {})

    def ratio() -> float:
        return ing["cpu_s"] / max(fl["cpu_seconds"], 1e-9)

    def ov_text() -> str:
        return "; ".join(f"{s['tasks']} tasks {s['wall_s']} s (CPU {s['cpu_s']} s, "
                         f"+{s['rss_growth_mb']} MB)" for s in ov["steps"])
    ex = m.get("export")
    re_ = m.get("reingest")
    nj = m.get("neo4j")
    cli = m.get("ingest_worker")
    skipped = "skipped (--skip)"

    def export_row(fmt: str) -> str:
        if not ex:
            return skipped
        return (f"{ex[fmt]['wall_s']} s (CPU {ex[fmt]['cpu_s']} s), {ex[fmt]['mb']} MB, "
                f"peak {ex[fmt]['peak_rss_mb']} MB")

    rows: list[tuple[str, Callable[[], str]]] = [
        ("ingest, 1 process",
         lambda: f"{ing['plans']} plans ({ing['tasks']} tasks) in {ing['wall_s']} s = "
         f"{ing['plans_per_s']} plans/s; {ing['plans_per_cpu_s']} plans per CPU s; "
         f"peak {ing['peak_rss_mb']} MB; store {ing['store_mb']} MB"),
        ("ingest phases (CPU s)",
         lambda: ", ".join(f"{k} {v['cpu_s']}" for k, v in ph.items())),
        ("ingest as the CLI does",
         lambda: f"{cli['plans_per_s']} plans/s ({cli['wall_s']} s; CPU {cli['cpu_s']} s with the "
         f"reader process), peak {cli['peak_rss_mb']} MB" if cli else skipped),
        ("ingest, all cores", lambda: parallel),
        ("floor (read + NFC)",
         lambda: f"{fl['plans_per_s']} plans/s, {fl['plans_per_cpu_s']} plans per CPU s"),
        ("ingest / floor", lambda: f"{ratio():.0f}× (CPU time)"),
        ("re-ingest, nothing changed",
         lambda: f"{re_['unchanged']['wall_s']} s (CPU {re_['unchanged']['cpu_s']} s)"
         if re_ else skipped),
        ("re-ingest, 1% changed",
         lambda: f"{re_['changed']['files']} files: {re_['changed']['wall_s']} s "
         f"(CPU {re_['changed']['cpu_s']} s)" if re_ else skipped),
        ("open store (skeleton)",
         lambda: f"{m['open']['wall_s']} s (CPU {m['open']['cpu_s']} s; imports "
         f"{m['open']['import_s']} s), {m['open']['nodes']} nodes, {m['open']['edges']} edges, "
         f"peak {m['open']['peak_rss_mb']} MB"),
        ("open store, whole graph",
         lambda: f"{m['open_full']['wall_s']} s (CPU {m['open_full']['cpu_s']} s), "
         f"{m['open_full']['nodes']} nodes, {m['open_full']['edges']} edges, "
         f"peak {m['open_full']['peak_rss_mb']} MB" if m.get("open_full") else skipped),
        *((f"{title} ({mode})", lambda key=f"{key}_{mode}": _ms(q[key]))
          for title, key in QUERY_ROWS for mode in ("cold", "warm")),
        ("overlaps", lambda: f"{ov_text()}; growth exponent {ov['exponent']}"),
        ("export Turtle", lambda: export_row("ttl")),
        ("export GraphML", lambda: export_row("graphml")),
        ("Neo4j push", lambda: (
            f"{nj['plans']} plans ({nj['nodes']} nodes, {nj['edges']} edges): {nj['rows']} rows "
            f"in {nj['wall_s']} s = {nj['rows_per_s']} rows/s ({nj['requests']} requests); "
            f"again, incremental: {nj['incremental_wall_s']} s, {nj['incremental_written']} "
            "written") if nj else skipped),
        *((f"{title} (Neo4j)", lambda key=key: _ms(nj["questions"][key]) if nj else skipped)
          for title, key in QUERY_ROWS if key in NEO4J_QUESTIONS),
    ]
    return [(name, _safe(fn)) for name, fn in rows]


def table(results: dict[str, Any]) -> str:
    """The results as one markdown table: a row per measure, a column per corpus size."""
    sizes = results["sizes"]
    columns = [dict(rows_for(m)) for m in sizes]
    head = "| measure | " + " | ".join(f"{m['plans']:,} plans" for m in sizes) + " |"
    lines = [head, "|---" * (len(sizes) + 1) + "|"]
    for row in ROWS:
        lines.append(f"| {row} | " + " | ".join(c[row] for c in columns) + " |")
    info = results["machine"]
    lines.append("")
    lines.append(f"{info['cpu']}, {info['cores']} cores, Python {info['python']}, "
                 f"{info['date']}, commit {info['commit']}"
                 + (" + uncommitted changes" if info["uncommitted_changes"] else "")
                 + f", load average {info['load_average']}")
    return "\n".join(lines)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--plans", type=click.IntRange(min=10), default=1000, show_default=True,
              help="Corpus size when --sizes is not given.")
@click.option("--sizes", default=None,
              help="Comma-separated corpus sizes, e.g. 1000,10000,100000.")
@click.option("--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default=True, help="Processes for the all-cores ingest row.")
@click.option("--seed", type=int, default=1, show_default=True, help="Corpus seed.")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path),
              default=Path("/tmp/policykg-bench"), show_default=True,
              help="Folder for corpora and stores (reused between runs).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write every figure as JSON here.")
@click.option("--profile", is_flag=True,
              help="Also ingest once more under cProfile (run-N/ingest.prof), untimed.")
@click.option("--skip", type=click.Choice(OPTIONAL), multiple=True,
              help="Leave out a slow row (repeatable).")
@click.option("--query-budget", type=click.FloatRange(min=1), default=120.0, show_default=True,
              help="Seconds each query row may take; it reports how many queries it asked.")
@click.option("--overlaps-max-tasks", type=click.IntRange(min=100), default=20000,
              show_default=True, help="Largest task count the overlaps row runs on.")
def main(plans: int, sizes: str | None, jobs: int, seed: int, work: Path, out: Path | None,
         profile: bool, skip: tuple[str, ...], query_budget: float,
         overlaps_max_tasks: int) -> None:
    """Measure ingest, floor, re-ingest, queries, overlaps, export and store opening."""
    try:
        counts = [int(s) for s in sizes.split(",")] if sizes else [plans]
    except ValueError as err:
        raise click.BadParameter(f"--sizes wants numbers separated by commas: {err}") from err
    if any(c < 10 for c in counts):
        raise click.BadParameter("every size must be at least 10 plans")
    work.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        click.echo(f"{time.strftime('%H:%M:%S')} {message}", err=True)

    results: dict[str, Any] = {"machine": machine(), "targets": TARGETS, "sizes": []}
    def save() -> None:
        if out:
            out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")

    for count in counts:
        results["sizes"].append({})
        measure_size(work, count, seed, jobs, profile, set(skip), overlaps_max_tasks, log,
                     query_budget, results["sizes"][-1], save)
    click.echo(table(results))


if __name__ == "__main__":
    sys.exit(main())

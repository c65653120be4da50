"""Ingest with several reader processes: the same store as one, the same skipped files."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench import generate
from policykg.cli import cli
from policykg.graph.store import Store
from policykg.loaders import parse
from policykg.loaders.batch import TIMEOUT_ENV, iter_files
from policykg.loaders.model import SourceFile
from policykg.loaders.readers import MAX_MB_ENV
from tests.test_hostile_input import hanging_parser

CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds_dir, examples_dir) -> Path:
    """Generated plans (shared units, chains of documents), the seeds and the examples."""
    root = tmp_path_factory.mktemp("parallel") / "corpus"
    generate.generate(root / "generated", 40, seed=3)
    shutil.copytree(seeds_dir, root / "seeds")
    shutil.copytree(examples_dir, root / "examples")
    return root


def graph_facts(store: Store) -> tuple[list[str], list[str]]:
    """Every node and every edge with all its attributes, in a comparable form."""
    g = store.graph()

    def text(value) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)

    return (sorted(text([n, d]) for n, d in g.nodes(data=True)),
            sorted(text([u, v, k, d]) for u, v, k, d in g.edges(keys=True, data=True)))


def plan_rows(store: Store) -> list[str]:
    return sorted(json.dumps(p.to_dict(), sort_keys=True, ensure_ascii=False)
                  for p in store.plans())


def test_two_readers_build_the_same_store_as_one(corpus, tmp_path):
    one = Store(tmp_path / "one.db")
    two = Store(tmp_path / "two.db")
    report_one = one.ingest([corpus], jobs=1)
    report_two = two.ingest([corpus], jobs=2)
    assert report_two.to_dict() == report_one.to_dict()
    assert len(report_two.ingested) >= 45
    assert graph_facts(two) == graph_facts(one)
    assert plan_rows(two) == plan_rows(one)
    assert two.files() == one.files()
    some = report_one.ingested[-1][1]
    assert [p.lines for p in two.find_plans(some)] == [p.lines for p in one.find_plans(some)]


def test_progress_is_reported_for_every_file_in_order(corpus, tmp_path):
    seen: list[tuple[int, int, str]] = []
    store = Store(tmp_path / "kg.db")
    store.ingest([corpus], lambda done, total, r: seen.append((done, total, str(r.path))),
                 jobs=2)
    files = [str(p.resolve()) for p in iter_files(corpus)]
    assert seen == [(k, len(files), path) for k, path in enumerate(files, start=1)]
    seen.clear()
    again = store.ingest([corpus], lambda *args: seen.append(args), jobs=2)
    assert seen == [] and len(again.unchanged) == len(files) - len(again.skipped)


def _hostile_parser(real):
    """The hanging and dying parser of the time-bound tests that also fails on a third
    file: what a reader bug on a strange document looks like."""
    hanging = hanging_parser(real)

    def parse_text(text: str, src: SourceFile):
        if "LOI" in text:
            raise RuntimeError("parser bug")
        return hanging(text, src)

    return parse_text


@pytest.mark.skipif(not CAN_FORK, reason="the parser is replaced in forked readers only")
def test_bad_files_among_good_ones_are_skipped_alike_with_one_or_two_readers(
        corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(parse, "parse_text", _hostile_parser(parse.parse_text))
    monkeypatch.setenv(TIMEOUT_ENV, "3")
    monkeypatch.setenv(MAX_MB_ENV, "1")
    folder = tmp_path / "in"
    shutil.copytree(corpus / "generated", folder)
    good = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    plan = good[0].read_text(encoding="utf-8")
    bad = {"000003a_treo.txt": plan + "\nTREO\n", "000005a_chet.txt": plan + "\nCHET\n",
           "000007a_loi.txt": plan + "\nLOI\n", "000009a_rong.txt": "",
           "000011a_lon.txt": plan * (1_200_000 // len(plan.encode()) + 1)}
    for name, text in bad.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "000013a_nhi_phan.txt").write_bytes(b"\x00\x01\x02PK\x00" * 200)

    reports = {jobs: Store(tmp_path / f"kg{jobs}.db").ingest([folder], jobs=jobs)
               for jobs in (1, 2)}
    assert reports[2].skipped == reports[1].skipped
    assert reports[2].ingested == reports[1].ingested
    reasons = {Path(p).name: r for p, r in reports[2].skipped}
    assert set(reasons) == set(bad) | {"000013a_nhi_phan.txt"}
    assert reasons["000003a_treo.txt"].startswith("took longer than 3 s")
    assert "exit status 9" in reasons["000005a_chet.txt"]
    assert "RuntimeError: parser bug" in reasons["000007a_loi.txt"]
    assert reasons["000009a_rong.txt"] == "empty file"
    assert "above the 1 MB limit" in reasons["000011a_lon.txt"]
    assert reasons["000013a_nhi_phan.txt"] == "binary file, not text"
    assert len(reports[2].ingested) == len(good)  # every file after a bad one was read
    assert graph_facts(Store(tmp_path / "kg2.db")) == graph_facts(Store(tmp_path / "kg1.db"))


def test_an_interrupted_parallel_ingest_leaves_the_store_and_no_reader_behind(corpus, tmp_path):
    store = Store(tmp_path / "kg.db")
    store.ingest([corpus / "seeds"], jobs=2)
    before = (graph_facts(store), plan_rows(store), store.files())

    def stop_at_the_fifth(done, total, result):
        if done == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.ingest([corpus], stop_at_the_fifth, jobs=2)
    assert multiprocessing.active_children() == []
    assert (graph_facts(store), plan_rows(store), store.files()) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_among_the_files_is_skipped_without_waiting_for_a_writer(
        corpus, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(corpus / "seeds", folder)
    pipe = folder / "ong.txt"
    os.mkfifo(pipe)
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(
        report=Store(tmp_path / "kg.db").ingest([folder], jobs=2)), daemon=True)
    worker.start()
    worker.join(120)
    if worker.is_alive():
        with open(pipe, "w"):  # let the blocked reader go
            pass
        worker.join(30)
        pytest.fail("ingest waited for someone to write into a named pipe")
    assert (str(pipe), "not a regular file") in outcome["report"].skipped


def test_cli_jobs_option(corpus, tmp_path):
    runner = CliRunner()
    results = {}
    for jobs in ("1", "2"):
        db = tmp_path / f"kg{jobs}.db"
        result = runner.invoke(cli, ["ingest", "--jobs", jobs, "--json", str(corpus / "seeds"),
                                     str(corpus / "examples"), "--store", str(db)])
        assert result.exit_code in (0, 1), result.output
        results[jobs] = (result.exit_code, json.loads(result.output), graph_facts(Store(db)))
    assert results["2"] == results["1"]
    assert results["2"][1]["ingested"]
    short = runner.invoke(cli, ["ingest", "-j", "2", str(corpus / "seeds"),
                                "--store", str(tmp_path / "short.db")])
    assert "file(s) ingested" in short.output
    refused = runner.invoke(cli, ["ingest", "--jobs", "0", str(corpus / "seeds"),
                                  "--store", str(tmp_path / "zero.db")])
    assert refused.exit_code == 2 and "--jobs" in refused.output
    assert "one per CPU core" in runner.invoke(cli, ["ingest", "--help"]).output

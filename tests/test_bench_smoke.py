"""The benchmark corpus generator writes realistic, reproducible plans the parser can read."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

import policykg
from bench import floor, generate
from policykg.ontology.normalize import fold, nfc

N = 100


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _manifest(folder: Path) -> list[dict]:
    lines = (folder / ".manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate.generate(out, N, seed=7)
    return out


def test_same_seed_same_bytes(corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate.generate(again, N, seed=7)
    assert _files(again) == _files(corpus)


def test_other_seed_other_plans(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    generate.generate(other, 10, seed=8)
    first = _files(corpus)
    assert not any(first.get(name) == data for name, data in _files(other).items())


def test_a_plan_does_not_depend_on_corpus_size(corpus: Path, tmp_path: Path) -> None:
    small = tmp_path / "small"
    generate.generate(small, 20, seed=7)
    big = _files(corpus)
    plans = {name: data for name, data in _files(small).items() if not name.startswith(".")}
    assert len(plans) == 20
    for name, data in plans.items():
        assert big[name] == data, name


def test_sizes_and_task_counts(corpus: Path) -> None:
    plans = [p for p in corpus.iterdir() if not p.name.startswith(".")]
    assert len(plans) == N
    for path in plans:
        size = path.stat().st_size
        assert 5 * 1024 <= size <= 20 * 1024, (path.name, size)
    for row in _manifest(corpus):
        assert 5 <= len(row["tasks"]) <= 60, row["file"]


def test_layout_and_noise_mix(corpus: Path) -> None:
    rows = _manifest(corpus)
    assert len(rows) == N
    layouts = {row["layout"] for row in rows}
    assert layouts == set(generate.LAYOUTS)
    suffixes = {Path(row["file"]).suffix for row in rows}
    assert suffixes == {".txt", ".md"}
    noise = {n for row in rows for n in row["noise"]}
    assert {"page-break", "nfd", "old-tones"} <= noise
    assert len({row["province"] for row in rows}) >= 30
    assert any(len(row["chain"]) >= 3 for row in rows), "multi-level chains"
    assert any(row["date"] >= "2025-07-01" for row in rows)
    assert any(row["date"] < "2025-07-01" for row in rows)


def test_provinces_match_the_date(corpus: Path) -> None:
    """After 1 July 2025 only the 34 current provinces issue plans."""
    for row in _manifest(corpus):
        if row["date"] >= "2025-07-01":
            assert row["province"] == row["province_now"], row["file"]


def test_text_shows_each_layout(corpus: Path) -> None:
    markers = {
        "units": "NHIỆM VỤ CỦA CÁC",
        "labelled": "Thời gian thực hiện:",
        "nhiemvu": "Nhiệm vụ 1:",
        "prose": "chủ trì",
        "table": "| STT |",
    }
    for row in _manifest(corpus):
        text = nfc((corpus / row["file"]).read_text(encoding="utf-8"))
        assert markers[row["layout"]] in text, row["file"]
        assert "KẾ HOẠCH" in text and "Nơi nhận:" in text


def test_with_seeds_copies_the_real_plans(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "mixed"
    result = CliRunner().invoke(generate.main, ["--plans", "3", "--seed", "1", "--out", str(out),
                                                "--with-seeds", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert summary["plans"] == 3 and summary["seeds"] == len(seeds)
    for seed in seeds:
        assert (out / f"seed_{seed.name}").read_bytes() == seed.read_bytes()


def test_floor_reads_every_plan(corpus: Path) -> None:
    result = floor.measure(corpus, repeat=1)
    sizes = [p.stat().st_size for p in corpus.iterdir() if not p.name.startswith(".")]
    assert result["files"] == N
    assert result["bytes"] == sum(sizes)
    assert result["lines"] > N * 20


def test_parser_reads_the_synthetic_plans(corpus: Path) -> None:
    """Three plans of each layout load as plans with their province, number, chain and tasks."""
    truth = {row["file"]: row for row in _manifest(corpus)}
    sample: list[str] = []
    for layout in generate.LAYOUTS:
        sample += [name for name, row in truth.items() if row["layout"] == layout][:3]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plans = policykg.load([corpus / name for name in sample])
    skipped = [str(w.message) for w in caught]
    assert not skipped, skipped[:5]
    assert len(plans) == len(sample)
    found = expected = 0
    for plan in plans:
        row = truth[Path(plan.source.path).name]
        led = [t for t in plan.tasks if t.lead]
        assert led, row["file"]
        assert plan.province == row["province"], (row["file"], plan.province)
        if row["number"]:
            assert plan.number == row["number"], (row["file"], plan.number)
        else:
            assert plan.number is None and plan.symbol == row["symbol"], row["file"]
        keys = {fold(r.key) for r in plan.references if r.key}
        assert fold(row["chain"][0]) in keys, (row["file"], keys)
        found += len(led)
        expected += len(row["tasks"])
    assert 0.9 * expected <= found <= 1.1 * expected, (found, expected)


def test_harness_produces_every_row(tmp_path: Path) -> None:
    """The national-scale harness runs end to end on 100 plans and fills its whole table."""
    from bench import run

    out = tmp_path / "results.json"
    result = CliRunner().invoke(run.main, [
        "--plans", str(N), "--seed", "7", "--jobs", "2", "--work", str(tmp_path / "work"),
        "--overlaps-max-tasks", "1000", "--query-budget", "20", "--out", str(out)])
    assert result.exit_code == 0, result.output
    table = [line for line in result.output.splitlines() if line.startswith("| ")]
    rows = {line.split(" | ")[0].removeprefix("| "): line for line in table[1:]}
    assert list(rows) == list(run.ROWS)
    unfilled = [name for name, line in rows.items() if "not measured" in line]
    assert not unfilled, unfilled
    size = json.loads(out.read_text(encoding="utf-8"))["sizes"][0]
    assert size["ingest"]["plans"] == N and size["ingest"]["skipped"] == 0
    assert set(size["ingest"]["phases"]) == {"read", "parse", "resolve", "store"}
    assert size["reingest"]["changed"]["parsed"] == size["reingest"]["changed"]["files"] == 1
    assert size["reingest"]["unchanged"]["files_unchanged"] == N
    for _, name in run.QUERY_ROWS:
        for mode in ("cold", "warm"):
            row = size["queries"][f"{name}_{mode}"]
            assert row["queries"] > 0, (name, mode, row.get("unresolved_examples"))
    assert size["neo4j"]["rows"] > 0 and size["neo4j"]["incremental_written"] == 0
    for name, row in size["neo4j"]["questions"].items():  # the same questions, in Cypher
        assert row["queries"] > 0, (name, row.get("unresolved_examples"))
    steps = [s["tasks"] for s in size["overlaps"]["steps"]]
    assert steps and steps == sorted(steps) and steps[-1] >= 1000, steps

"""The csv export read from the store in batches gives the very files of the whole-graph
export: same files, same bytes, whatever the batch size and however items repeat."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from policykg.cli import cli
from policykg.graph.build import add_bulk
from policykg.graph.export import ExportError, write_csv_dir, write_csv_dir_streamed
from policykg.graph.store import open_store

from .test_export import HOSTILE, ODD_ID, hostile_graph, read_csv_dir


def files_of(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def assert_same_export(whole: Path, streamed: Path) -> None:
    left, right = files_of(whole), files_of(streamed)
    assert sorted(left) == sorted(right)
    for name in left:
        assert left[name] == right[name], f"{name} differs"


def batches_of(items: list[tuple[list, list]]) -> list[tuple[list, list]]:
    """Fresh copies of ``items`` (the writer may change the dicts it is given)."""
    return [([[n, dict(d)] for n, d in nodes], [[u, v, k, dict(d)] for u, v, k, d in edges])
            for nodes, edges in items]


def graph_of(items: list[tuple[list, list]]) -> nx.MultiDiGraph:
    """The graph the store builds from these blocks: every node, then every edge."""
    g = nx.MultiDiGraph()
    copies = batches_of(items)
    add_bulk(g, [n for nodes, _ in copies for n in nodes],
             [e for _, edges in copies for e in edges])
    return g


def compare_items(items: list[tuple[list, list]], tmp: Path) -> None:
    write_csv_dir(graph_of(items), tmp / "whole")
    result = write_csv_dir_streamed(batches_of(items), tmp / "streamed")
    assert_same_export(tmp / "whole", tmp / "streamed")
    g = graph_of(items)
    assert (result.nodes, result.edges) == (g.number_of_nodes(), g.number_of_edges())


def split(g: nx.MultiDiGraph, size: int) -> list[tuple[list, list]]:
    """``g``'s nodes and edges cut into batches of ``size`` items."""
    nodes = [[n, d] for n, d in g.nodes(data=True)]
    edges = [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)]
    out = [(nodes[i:i + size], []) for i in range(0, len(nodes), size)]
    out += [([], edges[i:i + size]) for i in range(0, len(edges), size)]
    return out


# --- graphs given in batches ----------------------------------------------------


def test_hostile_text_streams_to_the_same_files(tmp_path):
    compare_items(split(hostile_graph(), 1), tmp_path)
    nodes, rels = read_csv_dir(tmp_path / "streamed")
    assert nodes["nodes_Plan.csv"][0]["label:string"] == HOSTILE
    assert rels["rels_ABOUT.csv"][0][":END_ID"] == ODD_ID


def test_repeated_items_merge_as_the_graph_merges_them(tmp_path):
    shared = [["doc:a", {"kind": "Plan", "label": "A", "n": 1, "tags": ["x"]}],
              ["unit:b", {"kind": "Unit", "label": "B"}]]
    items = [
        (shared, [["doc:a", "unit:b", "0", {"rel": "LED_BY", "quote": "q"}]]),
        # a later block changes a shared node (int → text, new column) and an edge
        ([["task:1", {"kind": "Task", "label": "t1", "n": 2}],
          ["doc:a", {"n": "một", "extra": True}]],
         [["task:1", "doc:a", "0", {"rel": "PART_OF"}],
          ["doc:a", "unit:b", "0", {"quote": HOSTILE}],
          # keys that print alike but are different keys
          ["task:1", "unit:b", 0, {"rel": "LED_BY", "w": 1}],
          ["task:1", "unit:b", "0", {"rel": "LED_BY", "w": 2.5}],
          # an end that is declared only in a later block, and one never declared
          ["task:1", "task:2", "k", {"rel": "HAS_SUBTASK"}],
          ["task:1", "ghost:z", "k", {"rel": "HAS_SUBTASK"}]]),
        ([["task:2", {"kind": "Task", "label": "t2", "tags": ["a;b", "c|d"]}],
          # a node that changes kind, and one repeated inside its block
          ["unit:b", {"kind": "Organisation"}],
          ["task:2", {"n": 3.5}]],
         [["task:1", "unit:b", 0, {"rel": "SUPPORTED_BY"}]]),
    ]
    compare_items(items, tmp_path)
    nodes, rels = read_csv_dir(tmp_path / "streamed")
    assert [r["id:ID"] for r in nodes["nodes_Organisation.csv"]] == ["unit:b"]
    assert [r["id:ID"] for r in nodes["nodes_PolicykgNode.csv"]] == ["ghost:z"]
    assert nodes["nodes_Plan.csv"][0]["n:string"] == "một"
    assert (tmp_path / "streamed" / "import.sh").read_text().count("--array-delimiter=¦") == 0


def test_an_empty_graph_streams_to_the_same_files(tmp_path):
    compare_items([], tmp_path)
    assert sorted(files_of(tmp_path / "streamed")) == ["README.txt", "import.sh",
                                                       "nodes_PolicykgState.csv"]


def test_streamed_export_refuses_what_the_whole_one_refuses(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", kind="Plan", tags=[";|¦\u241f"])
    with pytest.raises(ExportError, match="array delimiter"):
        write_csv_dir_streamed(split(g, 1), tmp_path / "csv")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="other files"):
        write_csv_dir_streamed([], tmp_path / "other")
    assert (tmp_path / "other" / "notes.txt").read_text() == "mine"


def test_a_failed_read_leaves_the_earlier_export(tmp_path):
    items = split(hostile_graph(), 1)
    write_csv_dir_streamed(batches_of(items), tmp_path / "csv")
    before = files_of(tmp_path / "csv")

    def broken():
        yield from batches_of(items)[:1]
        raise OSError("disk gone")

    with pytest.raises(OSError):
        write_csv_dir_streamed(broken(), tmp_path / "csv")
    assert files_of(tmp_path / "csv") == before


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ids=st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=6),
       text=st.text(max_size=20), items=st.lists(st.text(max_size=6), max_size=3),
       size=st.integers(1, 4))
@example(ids=["b", "a\x00", "a", "é", "\U0001f600", "z"], text="\r\n", items=["\u2028"], size=2)
def test_any_ids_and_text_stream_to_the_same_files(ids, text, items, size):
    g = nx.MultiDiGraph()
    for i, n in enumerate(ids):
        g.add_node(n, kind=("Plan", "Task", "")[i % 3], label=text, tags=items, i=i)
    for i, (u, v) in enumerate(zip(ids, ids[1:] + ids[:1], strict=True)):
        g.add_edge(u, v, key=str(i % 2), rel=("ABOUT", "HAS_SUBTASK")[i % 2], quote=text)
    with tempfile.TemporaryDirectory() as tmp:
        compare_items(split(g, size), Path(tmp))


# --- stores ---------------------------------------------------------------------


def stream_store(store_path: Path, out: Path, batch: int) -> None:
    write_csv_dir_streamed(open_store(store_path).iter_block_items(batch), out)


def assert_store_exports_agree(store_path: Path, tmp: Path, batches: tuple[int, ...]) -> None:
    store = open_store(store_path)
    write_csv_dir(store.graph(), tmp / "whole")
    for batch in batches:
        stream_store(store_path, tmp / f"streamed-{batch}", batch)
        assert_same_export(tmp / "whole", tmp / f"streamed-{batch}")


def test_blocks_rebuild_the_stored_graph(seeds_dir, examples_dir, tmp_path):
    store = open_store(tmp_path / "store.db")
    store.ingest([seeds_dir, examples_dir])
    batches = list(store.iter_block_items(2))
    assert len(batches) > 2
    rebuilt = nx.MultiDiGraph()
    add_bulk(rebuilt, [n for nodes, _ in batches for n in nodes],
             [e for _, edges in batches for e in edges])
    whole = store.graph()
    assert dict(rebuilt.nodes(data=True)) == dict(whole.nodes(data=True))
    assert sorted(rebuilt.edges(keys=True, data=True), key=repr) == sorted(
        whole.edges(keys=True, data=True), key=repr)
    # the shared block comes first, in parts: its nodes are the skeleton's
    items = [item for nodes, _ in batches for item in nodes]
    first_task = next(i for i, (_, d) in enumerate(items) if d.get("kind") == "Task")
    skeleton = store.skeleton()
    assert {n for n, _ in items[:first_task]} == {n for n, d in skeleton.nodes(data=True) if d}
    assert max(len(nodes) + len(edges) for nodes, edges in batches) < len(items)


def test_seeds_and_examples_stream_to_the_same_files(seeds_dir, examples_dir, tmp_path):
    store_path = tmp_path / "store.db"
    open_store(store_path).ingest([seeds_dir, examples_dir])
    assert_store_exports_agree(store_path, tmp_path, (1, 3, 200))


def test_hostile_plan_text_in_a_store_streams_to_the_same_files(examples_dir, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(examples_dir.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        lines.insert(len(lines) // 2, f"- Nhiệm vụ {HOSTILE} \"a,b\" ; | ¦ \u2028 \x85 end.")
        (corpus / path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    store_path = tmp_path / "store.db"
    open_store(store_path).ingest(corpus)
    assert_store_exports_agree(store_path, tmp_path, (2,))


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory):
    from bench.generate import generate

    root = tmp_path_factory.mktemp("generated")
    generate(root / "corpus", 100, 11)
    store = open_store(root / "store.db")
    store.ingest(root / "corpus")
    return root / "store.db"


def test_generated_corpus_streams_to_the_same_files(generated_store, tmp_path):
    assert_store_exports_agree(generated_store, tmp_path, (7, 200))


def test_streamed_export_reads_one_snapshot(generated_store, tmp_path, examples_dir):
    store_path = tmp_path / "store.db"
    shutil.copy(generated_store, store_path)
    before = tmp_path / "before"
    write_csv_dir(open_store(store_path).graph(), before)
    batches = open_store(store_path).iter_block_items(10)
    first = next(batches)
    open_store(store_path).ingest(examples_dir)  # a write while the export is reading

    def rest():
        yield first
        yield from batches

    write_csv_dir_streamed(rest(), tmp_path / "during")
    assert_same_export(before, tmp_path / "during")


def test_cli_csv_export_streams_the_store(generated_store, tmp_path):
    write_csv_dir(open_store(generated_store).graph(), tmp_path / "whole")
    result = CliRunner().invoke(cli, ["export", "--format", "csv", str(tmp_path / "cli"),
                                      "--store", str(generated_store)])
    assert result.exit_code == 0, result.output
    assert_same_export(tmp_path / "whole", tmp_path / "cli")
    g = open_store(generated_store).graph()
    assert f"wrote {g.number_of_nodes()} nodes and {g.number_of_edges()} edges" in result.output


def test_cli_csv_export_of_a_missing_or_empty_store(examples_dir, tmp_path):
    runner = CliRunner()
    missing = runner.invoke(cli, ["export", "-f", "csv", str(tmp_path / "out"),
                                  "--store", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no store at" in missing.output
    store = open_store(tmp_path / "empty.db")
    example = sorted(examples_dir.glob("*.txt"))[0]
    store.ingest(example)
    store.forget(str(example))
    assert store.exists and not store.plan_nodes()
    empty = runner.invoke(cli, ["export", "-f", "csv", str(tmp_path / "out"),
                                "--store", str(tmp_path / "empty.db")])
    assert empty.exit_code == 1 and "is empty" in empty.output
    to_stdout = runner.invoke(cli, ["export", "-f", "csv", "-", "--store", str(tmp_path / "x")])
    assert to_stdout.exit_code == 1 and "writes a directory" in to_stdout.output


def test_a_large_block_is_decoded_in_parts_that_give_its_items():
    import random

    from policykg.graph.store import _pack, _packed_items

    rng = random.Random(5)
    items = [[f"task:{i}é\U0001f600", {"quote": "a,]\"[\\" * rng.randint(0, 9), "x": rng.random()}]
             for i in range(60_000)]
    blob = _pack(items)
    assert len(blob) > 1 << 20  # inflated in more than one chunk
    parts = list(_packed_items(blob, 1000))
    assert [len(p) for p in parts] == [1000] * 60
    assert [item for part in parts for item in part] == items
    with pytest.raises(ValueError):
        list(_packed_items(blob[:-50], 1000))

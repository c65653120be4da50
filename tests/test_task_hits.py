"""A stems-from answer read from a store builds each hit when it is read.

The answer's length, order and hits must be those of the whole graph's answer however
it is read: by index, by slice, by iterating, compared with a list, or as JSON.
"""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from policykg.graph.store import open_store
from policykg.queries import TaskHits, stems_from
from policykg.queries import lineage as lineage_module
from policykg.queries.render import plain


@pytest.fixture(scope="module")
def example_store(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hits") / "store.db"
    open_store(path).ingest([str(examples_dir)], jobs=1)
    return path


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The task ids of the hits built from stored rows, in the order they are built."""
    made: list[str] = []
    make = lineage_module._HitMaker.__call__

    def counted(self: lineage_module._HitMaker, found: tuple) -> lineage_module.TaskHit:
        hit = make(self, found)
        made.append(hit.task)
        return hit
    monkeypatch.setattr(lineage_module._HitMaker, "__call__", counted)
    return made


def test_store_answer_equals_the_graphs_however_read(example_store: Path) -> None:
    store = open_store(example_store)
    whole = stems_from(store.graph(), "36-NQ/TW")
    assert len(whole) > 10
    assert stems_from(open_store(example_store), "36-NQ/TW") == whole
    assert whole == stems_from(open_store(example_store), "36-NQ/TW")
    assert list(stems_from(open_store(example_store), "36-NQ/TW")) == list(whole)
    hits = stems_from(open_store(example_store), "36-NQ/TW")
    assert [hits[i].task for i in (-1, 0, 3)] == [whole[-1].task, whole[0].task, whole[3].task]
    assert hits[2:7] == whole[2:7] and hits[::-3] == whole[::-3]
    assert [h.to_dict() for h in hits] == [h.to_dict() for h in whole]
    assert plain(hits) == plain(whole) == [h.to_dict() for h in whole]
    assert stems_from(open_store(example_store), "36-NQ/TW") != whole[1:]


def test_hits_are_built_once_and_only_when_read(example_store: Path, built: list[str]
                                                ) -> None:
    hits = stems_from(open_store(example_store), "36-NQ/TW")
    assert isinstance(hits, TaskHits) and len(hits) > 10 and built == []
    third = hits[2]
    assert built == [third.task] and hits[2] is third
    assert [h.task for h in hits[:4]] == [hits[i].task for i in range(4)]
    assert len(built) == 4
    tasks = [h.task for h in hits]
    assert sorted(built) == sorted(tasks) and len(set(tasks)) == len(tasks)


def test_filters_count_before_any_hit_is_built(example_store: Path, built: list[str]
                                               ) -> None:
    store = open_store(example_store)
    whole = store.graph()
    for ref, province, unit in (("36-NQ/TW", "long an", None),
                                ("36-NQ/TW", "Hà Tĩnh", None),
                                ("57-NQ/TW", "quang ninh", None),
                                ("57-NQ/TW", "quang ninh", "so khoa hoc va cong nghe")):
        hits = stems_from(open_store(example_store), ref, province=province, unit=unit)
        expected = stems_from(whole, ref, province=province, unit=unit)
        assert 0 < len(expected) and len(hits) == len(expected) and built == []
        assert hits == expected
        built.clear()


def test_a_graph_answer_is_the_same_kind_of_sequence(example_store: Path) -> None:
    hits = stems_from(open_store(example_store).graph(), "36-NQ/TW")
    assert isinstance(hits, TaskHits)
    assert hits + [] == list(hits) and [] + hits == list(hits)
    with pytest.raises(TypeError):
        hash(hits)


def test_an_answer_pickles_and_copies_as_its_hits(example_store: Path) -> None:
    hits = stems_from(open_store(example_store), "36-NQ/TW")
    again = pickle.loads(pickle.dumps(hits))
    assert isinstance(again, TaskHits) and again == hits
    # the hits alone, not the store's skeleton that built them
    assert len(pickle.dumps(hits)) < 2 * len(pickle.dumps(list(hits)))
    assert copy.deepcopy(hits) == hits and copy.copy(hits) == list(hits)

"""Workload per unit on a hand-built graph."""

from __future__ import annotations

import pytest

from policykg.queries import UnknownReference, workload
from tests.qgraph import lineage_graph


@pytest.fixture(scope="module")
def graph():
    return lineage_graph()


def _row(rows, unit_id):
    return next(r for r in rows if r.unit_id == unit_id)


def test_lead_and_support_counts(graph):
    g, ids = graph
    rows = workload(g, province="Tây Ninh")
    center = _row(rows, ids["tn_center"])
    assert (center.lead, center.support) == (2, 0)  # a1.1 and a2
    qlkh = _row(rows, ids["tn_qlkh"])
    assert (qlkh.lead, qlkh.support) == (1, 1)
    assert center.kind and center.province == "Tây Ninh"


def test_splits_by_plan_directive_and_deadline(graph):
    g, ids = graph
    center = _row(workload(g, province="Tây Ninh"), ids["tn_center"])
    assert center.by_plan == {"12/KH-SKHCN (2024)": {"lead": 2, "support": 0}}
    assert center.by_directive == {"36-NQ/TW (2023)": {"lead": 2, "support": 0}}
    assert center.by_deadline == {"yearly": {"lead": 1, "support": 0},
                                  "2026": {"lead": 1, "support": 0}}
    gl = _row(workload(g, province="Gia Lai"), ids["gl_tdc"])
    assert set(gl.by_directive) == {"61-KL/TW (2019)", "673/QĐ-TTg (2011)", "01/CT-UBND (2021)"}
    assert gl.by_deadline == {"2025": {"lead": 1, "support": 0}}


def test_collective_groups_come_apart_after_units(graph):
    g, ids = graph
    rows = workload(g, province="Tây Ninh")
    group = _row(rows, ids["tn_all"])
    assert group.collective and group.support == 2
    assert rows[-1].unit_id == ids["tn_all"]
    assert all(not r.collective for r in rows[:-1])
    assert ids["tn_all"] not in {r.unit_id for r in workload(g, collective=False)}


def test_filters(graph):
    g, ids = graph
    assert [r.unit_id for r in workload(g, unit="chi cuc tdc", province="gia lai")] == \
        [ids["gl_tdc"]]
    kinds = {r.unit_id for r in workload(g, kind="phong qlkh")}
    assert kinds == {ids["tn_qlkh"], ids["la_qlkh"], ids["gl_qlkh"]}
    with pytest.raises(UnknownReference):
        workload(g, kind="no such kind")


def test_rows_sorted_by_most_led_and_serialisable(graph):
    g, _ = graph
    rows = [r for r in workload(g, province="Tây Ninh") if not r.collective]
    # Long An (merged into Tây Ninh) comes first, then Tây Ninh's units by most led.
    assert [r.province for r in rows] == sorted(r.province for r in rows)
    own = [r.lead for r in rows if r.province == "Tây Ninh"]
    assert own == sorted(own, reverse=True) and own[0] == 2
    data = rows[0].to_dict()
    assert {"unit", "kind", "province", "lead", "support", "by_plan", "by_directive",
            "by_deadline"} <= set(data)


# --- on the real seed plans ----------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(seeds_dir):
    from tests.qgraph import seed_graph

    return seed_graph(str(seeds_dir))


def test_seed_tay_ninh_workload(seeds):
    from policykg.ontology.units import level_group
    from policykg.queries import resolve_unit

    rows = {r.unit_id: r for r in workload(seeds, province="Tây Ninh")}
    (center,) = resolve_unit(seeds, "Trung tâm KH&CN", province="tay ninh")
    (office,) = resolve_unit(seeds, "Văn phòng Sở", province="tay ninh")
    assert rows[center].lead == 9
    assert rows[office].lead == 3
    assert all(r.province == "Tây Ninh" for r in rows.values())
    groups = [r for r in rows.values() if r.collective]
    # "các …" groups, and every district's committee named as one ("UBND cấp huyện")
    assert groups and all(r.unit.lower().startswith("các") or level_group(r.unit) for r in groups)
    assert any(d.startswith("36-NQ/TW") for d in rows[center].by_directive)
    assert rows[center].by_deadline.get("ongoing", {}).get("lead", 0) >= 5


def test_task_ids_read_from_a_store_behave_as_the_graphs_lists(seeds_dir, tmp_path):
    """A store's rows give the task ids as sequences spelled out on reading: the same ids,
    sorted, as the graph's lists, and everything a list offers a reader."""
    import doctest
    import json

    from policykg.graph import taskrows
    from policykg.graph.store import open_store

    assert doctest.testmod(taskrows).failed == 0
    store = open_store(tmp_path / "store.db")
    assert store.ingest([str(seeds_dir)]).ok
    expected = {r.unit_id: r for r in workload(store.graph(), province="Tây Ninh")}
    rows = workload(store, province="Tây Ninh")
    assert [r.unit_id for r in rows] == list(expected)
    busiest = max(rows, key=lambda r: r.lead)
    for row in rows:
        graph_row = expected[row.unit_id]
        for ids, want in ((row.tasks_led, graph_row.tasks_led),
                          (row.tasks_supported, graph_row.tasks_supported)):
            assert len(ids) == len(want)
            assert ids == want and want == ids and list(ids) == sorted(want)
        assert row.to_dict() == graph_row.to_dict()
        json.dumps(row.to_dict())  # the ids are plain lists there
    led = busiest.tasks_led
    assert busiest.lead == len(led) > 1
    assert led[0] in led and led[-1] == sorted(led)[-1] and led[:2] == sorted(led)[:2]
    assert led + busiest.tasks_supported == [*led, *busiest.tasks_supported]
    assert "task:nothing#1" not in led and led != led[:-1]


def test_the_table_lists_a_units_largest_plans_and_counts_the_rest(monkeypatch):
    from rich.console import Console

    from policykg.queries import render
    from policykg.queries.workload import WorkloadRow

    plans = {f"{n}/KH-SKHCN (2025)": {"lead": n, "support": 0} for n in (3, 9, 5, 1)}
    row = WorkloadRow(unit="Văn phòng Sở", unit_id="unit:x", kind="", kind_id=None,
                      province="Gia Lai", province_id=None, category="internal", lead=18,
                      by_plan=dict(sorted(plans.items())))
    monkeypatch.setattr(render, "SPLIT_SHOWN", 2)
    console = Console(width=400, record=True)
    render.print_workload(console, [row])
    shown = console.export_text()
    assert "9/KH-SKHCN (2025) 9/0" in shown and "5/KH-SKHCN (2025) 5/0" in shown
    assert "3/KH-SKHCN" not in shown and "1/KH-SKHCN" not in shown
    assert "… 2 more (--json lists all)" in shown


# --- the tasks of one directive or of chosen plans ------------------------------------------

def _counted_from_hits(hits):
    """Per unit id: (tasks led, tasks supported) among stems-from hits, a task a unit
    both leads and supports counted as led."""
    counts: dict[str, list[int]] = {}
    for hit in hits:
        for unit in set(hit.lead_ids):
            counts.setdefault(unit, [0, 0])[0] += 1
        for unit in set(hit.support_ids) - set(hit.lead_ids):
            counts.setdefault(unit, [0, 0])[1] += 1
    return {unit: tuple(pair) for unit, pair in counts.items()}


def test_a_directive_counts_only_the_tasks_stemming_from_it(graph):
    from policykg.queries import stems_from

    g, ids = graph
    for ref in ("nghi quyet 36 ngay 30/01/2023", "673/QĐ-TTg", "3300/KH-UBND"):
        rows = workload(g, directive=ref)
        assert {r.unit_id: (r.lead, r.support) for r in rows} == \
            _counted_from_hits(stems_from(g, ref)), ref
    rows = workload(g, directive="36-NQ/TW (2023)")
    # Gia Lai's plan only mentions 36-NQ/TW: its units carry none of it
    assert {r.province for r in rows} == {"Tây Ninh", "Long An"}
    center = _row(rows, ids["tn_center"])
    assert center.by_plan == {"12/KH-SKHCN (2024)": {"lead": 2, "support": 0}}
    assert center.by_deadline == {"yearly": {"lead": 1, "support": 0},
                                  "2026": {"lead": 1, "support": 0}}
    gl = workload(g, directive="673/QĐ-TTg", province="gia lai", unit="chi cuc tdc")
    assert [(r.unit_id, r.lead, r.support) for r in gl] == [(ids["gl_tdc"], 1, 0)]
    with pytest.raises(UnknownReference):
        workload(g, directive="99-NQ/TW")


def test_chosen_plans_count_only_their_tasks(graph):
    g, ids = graph
    rows = workload(g, plans=["7/KH-SKHCN"])
    assert {r.unit_id: (r.lead, r.support) for r in rows} == {
        ids["gl_tdc"]: (1, 0), ids["gl_qlkh"]: (1, 0), ids["gl_farmers"]: (0, 1)}
    both = workload(g, plans=["7/KH-SKHCN", "40/KH-SKHCN"])
    assert {r.province for r in both} == {"Gia Lai", "Long An"}
    # a plan outside the directive's lineage leaves nothing to count
    assert workload(g, plans=["7/KH-SKHCN"], directive="36-NQ/TW (2023)") == []
    with pytest.raises(ValueError, match="not a plan"):
        workload(g, plans=["3300/KH-UBND"])


def test_a_store_filters_as_its_graph_does(examples_dir, tmp_path):
    """Asked of a store, the directive's and the plans' tasks are counted from the indexed
    rows; the answers are the graph's, splits and task ids included."""
    from policykg.graph.store import open_store
    from policykg.ontology.schema import Kind
    from policykg.queries.common import nodes_of

    store = open_store(tmp_path / "store.db")
    assert store.ingest([str(examples_dir)]).ok
    g = store.graph()
    some_plans = sorted(nodes_of(g, Kind.PLAN))[:2]
    asked = [{"directive": "nghi quyet 57"}, {"directive": "NQ 57-NQ/TW", "province": "dak lak"},
             {"directive": "QĐ 100", "collective": False}, {"plans": some_plans},
             {"plans": some_plans[:1], "directive": "nghi quyet 57"}]
    found = 0
    for options in asked:
        expected = [r.to_dict() for r in workload(g, **options)]
        assert [r.to_dict() for r in workload(store, **options)] == expected, options
        found += bool(expected)
    assert found >= 3
    everything = {r.unit_id: r for r in workload(g)}
    for row in workload(store, directive="nghi quyet 57"):
        whole = everything[row.unit_id]
        assert row.lead <= whole.lead and row.support <= whole.support
        assert set(row.tasks_led) <= set(whole.tasks_led)


def test_the_command_line_filters_by_directive_and_plan(examples_dir, tmp_path):
    import json

    from click.testing import CliRunner

    from policykg.cli import cli

    store = str(tmp_path / "store.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(examples_dir), "--store", store]).exit_code == 0
    stems = json.loads(runner.invoke(cli, ["stems-from", "nghi quyet 57", "--all", "--json",
                                           "--store", store]).output)
    led = sum(1 for task in stems["tasks"] if task["lead_ids"])
    result = runner.invoke(cli, ["workload", "--directive", "nghi quyet 57", "--json",
                                 "--store", store])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # every task with a lead is led by at least one unit or group listed
    rows = data["units"] + data["collective"]
    assert rows and sum(r["lead"] for r in rows) >= led > 0
    # each counted task stems from 57-NQ/TW, a root: every row's split names it
    assert all("57-NQ/TW (2024)" in r["by_directive"] for r in rows)
    plan = stems["tasks"][0]["plan"]
    one = json.loads(runner.invoke(cli, ["workload", "--plan", plan, "--json",
                                         "--store", store]).output)
    assert {p for r in one["units"] + one["collective"] for p in r["by_plan"]} == \
        {stems["tasks"][0]["plan_label"]}
    unknown = runner.invoke(cli, ["workload", "--directive", "99-NQ/TW", "--store", store])
    assert unknown.exit_code == 4


def test_the_workload_page_draws_the_directives_tasks_only(graph):
    from policykg.queries import stems_from
    from policykg.viz.workload import workload_picture

    g, ids = graph
    picture = workload_picture(g, directive="673/QĐ-TTg")
    drawn = {node["id"] for node in picture.nodes}
    assert {h.task for h in stems_from(g, "673/QĐ-TTg")} <= drawn
    assert ids["gl_tdc"] in drawn and ids["tn_center"] not in drawn
    assert not any(node.startswith("task:") and "12/KH-SKHCN" in node for node in drawn)

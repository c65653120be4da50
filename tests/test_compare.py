"""Provinces and plans side by side."""

from __future__ import annotations

import pytest

from policykg.queries import UnknownReference, compare
from tests.qgraph import lineage_graph


@pytest.fixture(scope="module")
def graph():
    return lineage_graph()


def test_directives_shared_and_unique(graph):
    g, ids = graph
    result = compare(g, ["Tây Ninh", "Gia Lai"])
    tn, gl = result.sides
    assert tn.kind == gl.kind == "province"
    assert "36-NQ/TW (2023)" in tn.unique_directives
    assert {"61-KL/TW (2019)", "673/QĐ-TTg (2011)"} <= set(gl.unique_directives)
    assert result.shared_directives == []
    # a mention is not a directive the plan responds to
    assert "36-NQ/TW (2023)" not in gl.directives


def test_topics_with_counts_and_leading_kind(graph):
    g, ids = graph
    result = compare(g, ["tay ninh", "gia lai"])
    tn, gl = result.sides
    assert tn.topics["Công nghệ sinh học"] == 3
    assert gl.topics == {"Sở hữu trí tuệ": 1, "Tiêu chuẩn đo lường chất lượng": 1}
    assert result.leading_kind(gl, "Tiêu chuẩn đo lường chất lượng") == "chi cuc tdc"
    assert result.leading_kind(tn, "Công nghệ sinh học") in {"trung tam khcn", "phong qlkh",
                                                             "van phong so", "chi cuc tdc"}
    assert result.topics[0] == "Công nghệ sinh học"


def test_targets_keep_number_and_unit(graph):
    g, ids = graph
    gl = compare(g, ["Gia Lai"]).sides[0]
    assert gl.targets[0]["value"] == 30 and gl.targets[0]["unit"] == "doanh nghiệp"


def test_as_of_the_merger_compares_merged_provinces(graph):
    g, ids = graph
    before = compare(g, ["Tây Ninh", "Long An"], as_of="2025-06-30")
    assert [s.tasks for s in before.sides] == [4, 1]
    after = compare(g, ["Tây Ninh", "Long An"], as_of="2025-07-01")
    assert [s.name for s in after.sides] == ["Tây Ninh", "Tây Ninh"]
    assert [s.tasks for s in after.sides] == [5, 5]
    assert set(after.sides[0].provinces) == {"Tây Ninh", "Long An"}


def test_plans_compare_too(graph):
    g, ids = graph
    result = compare(g, ["12/KH-SKHCN", ids["plan_b"]])
    assert [s.kind for s in result.sides] == ["plan", "plan"]
    assert result.sides[0].tasks == 4
    assert "3300/KH-UBND (2023)" in result.sides[0].unique_directives
    with pytest.raises(UnknownReference):
        compare(g, ["Atlantis"])


# --- on the real seed plans ----------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(seeds_dir):
    from tests.qgraph import seed_graph

    return seed_graph(str(seeds_dir))


def test_seed_compare(seeds):
    result = compare(seeds, ["Gia Lai", "Tây Ninh", "Lạng Sơn"])
    gl, tn, ls = result.sides
    assert any(d.startswith("673/QĐ-TTg") for d in gl.unique_directives)
    assert any(d.startswith("36-NQ/TW") for d in tn.unique_directives)
    assert gl.topics and tn.topics and ls.topics
    assert any(t["value"] == 15 for t in ls.targets)
    merged = compare(seeds, ["Bắc Giang"], as_of="2025-07-01").sides[0]
    assert merged.name == "Bắc Ninh" and merged.provinces == ["Bắc Giang"]


def test_a_bad_date_says_how_to_write_one(graph):
    g, _ = graph
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        compare(g, ["Tây Ninh"], as_of="1/7/2025")


def test_a_comparison_names_the_overlaps_command_for_its_sides(examples_dir, tmp_path):
    """The command printed under a comparison runs, and pairs duties of different sides."""
    import json
    import shlex

    from click.testing import CliRunner

    from policykg.cli import cli

    store = str(tmp_path / "kg.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(examples_dir), "--store", store]).exit_code == 0
    for sides, between in ((["Quảng Ninh", "dak lak"], "province_name"),
                           (["245/KH-SKHCN", "1520/KH-SKHCN"], "plan_label"),
                           (["Quảng Ninh", "1520/KH-SKHCN"], "plan_label"),
                           (["Quảng Ninh", "dak lak", "--directive", "nghi quyet 57"],
                            "province_name")):
        shown = runner.invoke(cli, ["compare", *sides, "--store", store],
                              env={"COLUMNS": "300"})
        assert shown.exit_code == 0, shown.output
        line = next(x for x in shown.output.splitlines() if x.startswith("Duties the sides"))
        args = shlex.split(line.split(": ", 1)[1])
        assert args[:2] == ["policykg", "overlaps"]
        ran = runner.invoke(cli, [*args[1:], "--json", "--min-score", "0.2", "--store", store])
        assert ran.exit_code == 0, (line, ran.output)
        pairs = json.loads(ran.output)["pairs"]
        assert pairs and all(p["a"][between] != p["b"][between] for p in pairs), line



def test_a_directive_compares_only_the_plans_carrying_it_out(graph, examples_dir, tmp_path):
    from policykg.graph.store import open_store
    from policykg.queries import stems_from

    g, _ = graph
    # Gia Lai's plan only mentions 36-NQ/TW: it has nothing of it to compare
    result = compare(g, ["Tây Ninh", "Gia Lai"], directive="36-NQ/TW (2023)")
    tn, gl = result.sides
    assert result.directive == "36-NQ/TW (2023)"
    assert (gl.plans, gl.tasks) == ([], 0)
    # Tây Ninh as written: Long An's plan (merged into it in 2025) is not on this side
    assert tn.tasks == sum(1 for h in stems_from(g, "36-NQ/TW (2023)")
                           if h.plan_label in tn.plans) == 4
    store = open_store(tmp_path / "kg.db")
    assert store.ingest([str(examples_dir)]).ok
    whole = store.graph()
    counted = []
    for sides in (["Quảng Ninh", "dak lak"], ["Phú Yên", "Lạng Sơn"]):
        for ref in ("nghi quyet 57", "QĐ 100"):
            asked = compare(store, sides, directive=ref)
            counted.append([side.tasks for side in asked.sides])
            assert asked.to_dict() == compare(whole, sides, directive=ref).to_dict()
            hits = stems_from(whole, ref)
            for side in asked.sides:
                assert side.tasks == sum(1 for h in hits if h.plan_label in side.plans)
                assert side.tasks <= compare(whole, [side.name]).sides[0].tasks
    # Lạng Sơn's plan carries out 100/QĐ-TTg only, Phú Yên's 57-NQ/TW only
    assert counted[2][1] == 0 < counted[2][0] and counted[3][0] == 0 < counted[3][1]

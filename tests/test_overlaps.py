"""Overlapping duties on hand-written tasks (our own wording)."""

from __future__ import annotations

import random

import pytest

from policykg.ontology.schema import Rel
from policykg.queries import overlaps
from policykg.queries.terms import content_terms
from tests.qgraph import GraphKit


def _graph():
    k = GraphKit()
    ids: dict[str, str] = {}
    plans = {
        "gl": k.doc("5/KH-SKHCN", doctype="KH", date="2022-01-01", province="Gia Lai",
                    plan=True, file="gl.txt"),
        "gl2": k.doc("9/KH-SKHCN", doctype="KH", date="2022-06-01", province="Gia Lai",
                     plan=True, file="gl2.txt"),
        "bg": k.doc("3/KH-KHCN", doctype="KH", date="2021-01-01", province="Bắc Giang",
                    plan=True, file="bg.txt"),
        "ls": k.doc("19/KH-SKHCN", doctype="KH", date="2024-01-31", province="Lạng Sơn",
                    plan=True, file="ls.txt"),
    }
    tdc = k.unit("Gia Lai", "Chi cục Tiêu chuẩn Đo lường Chất lượng")
    farmers = k.unit("Gia Lai", "Hội Nông dân tỉnh", category="external", org="hnd")
    tasks = {
        "gl_barcode": ("gl", "Hỗ trợ hợp tác xã tư vấn, hướng dẫn đăng ký mã số mã vạch "
                             "để truy xuất nguồn gốc nông sản"),
        "bg_barcode": ("bg", "Tư vấn thủ tục đăng ký mã số, mã vạch cho hàng hóa chủ lực "
                             "của tỉnh Bắc Giang"),
        "gl_ip": ("gl", "Hỗ trợ xác lập, bảo hộ quyền sở hữu trí tuệ và nhãn hiệu cho "
                        "sản phẩm OCOP"),
        "ls_ip": ("ls", "Đăng ký bảo hộ quyền SHTT, nhãn hiệu tập thể cho 05 đặc sản "
                        "của tỉnh Lạng Sơn"),
        "ls_seminar": ("ls", "Tổ chức hội thảo về công nghệ sinh học trong chăn nuôi"),
        "gl_trap": ("gl", "Phối hợp với Hội Nông dân tỉnh Gia Lai triển khai thực hiện "
                          "kế hoạch tại huyện Ia Grai"),
        "gl2_trap": ("gl2", "Phối hợp Hội Nông dân tỉnh Gia Lai tổ chức triển khai tại "
                            "huyện Ia Grai"),
        "bg_trap": ("bg", "Phối hợp với Sở Công Thương, Công an tỉnh tăng cường triển khai "
                          "trên địa bàn tỉnh"),
        "ls_trap": ("ls", "Phối hợp với Sở Công Thương, Công an tỉnh triển khai thực hiện "
                          "trên địa bàn tỉnh"),
        "gl2_vietgap": ("gl2", "Tư vấn cho đơn vị sản xuất trồng trọt phù hợp tiêu chuẩn "
                               "TCVN 11892-1:2017 VietGAP"),
        "gl_vietgap": ("gl", "Thông tin chức năng chứng nhận sản phẩm trồng trọt sản xuất "
                             "theo TCVN 11892-1:2017 Thực hành nông nghiệp tốt (VietGAP)"),
    }
    for n, (key, (plan, text)) in enumerate(sorted(tasks.items())):
        ids[key] = k.task(plans[plan], str(n + 1), text, lead=(tdc,), support=(farmers,),
                          line=10 * n)
    ids["gl_barcode_step"] = k.task(plans["gl"], "99", "Hướng dẫn đăng ký mã số mã vạch "
                                    "cho nông sản", parent=str(sorted(tasks).index(
                                        "gl_barcode") + 1), lead=(tdc,))
    return k.g, ids


@pytest.fixture(scope="module")
def graph():
    return _graph()


def _pairs(report):
    return {frozenset((p.a.task, p.b.task)) for p in report.pairs}


def test_same_work_in_other_words_is_found_across_provinces(graph):
    g, ids = graph
    found = _pairs(overlaps(g, across_provinces=True, min_score=0.1))
    assert frozenset((ids["gl_barcode"], ids["bg_barcode"])) in found
    assert frozenset((ids["gl_ip"], ids["ls_ip"])) in found  # SHTT spelt out


def test_places_units_and_boilerplate_make_no_overlap(graph):
    g, ids = graph
    found = _pairs(overlaps(g, min_score=0.05, top=None))
    assert frozenset((ids["gl_trap"], ids["gl2_trap"])) not in found
    assert frozenset((ids["bg_trap"], ids["ls_trap"])) not in found
    for pair in overlaps(g, min_score=0.05, top=None).pairs:
        shown = " ".join(pair.terms).lower()
        for name in ("gia lai", "bắc giang", "lạng sơn", "ia grai", "nông dân", "công thương",
                     "công an", "phối hợp", "triển khai"):
            assert name not in shown, (name, pair.terms)


def test_unrelated_duties_score_low(graph):
    g, ids = graph
    for pair in overlaps(g, min_score=0.05, top=None).pairs:
        assert ids["ls_seminar"] not in (pair.a.task, pair.b.task) or pair.score < 0.2


def test_within_a_province_and_explanations(graph):
    g, ids = graph
    report = overlaps(g, within_province="gia lai", min_score=0.1)
    assert frozenset((ids["gl_vietgap"], ids["gl2_vietgap"])) in _pairs(report)
    for pair in report.pairs:
        assert pair.a.province_name == pair.b.province_name == "Gia Lai"
        assert pair.terms and pair.a.lead == ["Chi cục Tiêu chuẩn Đo lường Chất lượng"]
    pair = next(p for p in report.pairs
                if {p.a.task, p.b.task} == {ids["gl_vietgap"], ids["gl2_vietgap"]})
    assert any("11892" in t or "vietgap" in t for t in pair.terms)


def test_a_task_is_not_paired_with_its_own_subtask(graph):
    g, ids = graph
    found = _pairs(overlaps(g, min_score=0.01, top=None))
    assert frozenset((ids["gl_barcode"], ids["gl_barcode_step"])) not in found
    assert frozenset((ids["bg_barcode"], ids["gl_barcode_step"])) in found


def test_across_provinces_drops_same_province_pairs(graph):
    g, ids = graph
    report = overlaps(g, across_provinces=True, min_score=0.01, top=None)
    assert all(p.a.province != p.b.province for p in report.pairs)
    assert report.pairs == sorted(report.pairs, key=lambda p: -p.score)


def test_clusters_join_pairs(graph):
    g, ids = graph
    report = overlaps(g, min_score=0.1, top=None)
    cluster = next(c for c in report.clusters if ids["bg_barcode"] in c)
    assert {ids["gl_barcode"], ids["gl_barcode_step"]} <= set(cluster)


def test_abbreviations_and_tone_placement_give_the_same_terms():
    a = content_terms("Hỗ trợ đăng ký quyền SHTT cho hàng hoá")
    b = content_terms("Hỗ trợ đăng ký quyền sở hữu trí tuệ cho hàng hóa")
    assert set(a.counts) == set(b.counts)
    assert "sở hữu" in a.counts and "trí tuệ" in a.counts


def test_blocking_scores_far_fewer_pairs_than_all():
    rng = random.Random(7)
    syllables = [f"t{i}" for i in range(3000)]
    k = GraphKit()
    plan = k.doc("1/KH-X", doctype="KH", date="2024-01-01", province="Gia Lai", plan=True)
    n = 400
    for i in range(n):
        words = " ".join(rng.sample(syllables, 8))
        k.task(plan, str(i), f"đăng ký {words}")
    k.task(plan, "dup", "đăng ký " + k.g.nodes[f"task:{plan}#5"]["text"].split(" ", 2)[2])
    report = overlaps(k.g, min_score=0.5, top=None)
    assert report.candidates < n * (n - 1) / 2 / 20
    assert {frozenset((p.a.task, p.b.task)) for p in report.pairs} == {
        frozenset((f"task:{plan}#5", f"task:{plan}#dup"))}


# --- on the real seed plans ----------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds(seeds_dir):
    from tests.qgraph import seed_graph

    return seed_graph(str(seeds_dir))


def _about(pair, *words):
    from policykg.ontology.normalize import fold

    texts = [fold(pair.a.text), fold(pair.b.text)]
    return all(any(fold(w) in t for w in words) for t in texts)


def test_seed_overlaps_across_provinces(seeds):
    pairs = overlaps(seeds, across_provinces=True, top=40).pairs
    assert all(p.a.province != p.b.province for p in pairs)
    barcode = [p for p in pairs if _about(p, "mã vạch")]
    assert any({p.a.province_name, p.b.province_name} == {"Gia Lai", "Bắc Giang"}
               for p in barcode)
    ip = [p for p in pairs if _about(p, "sở hữu trí tuệ", "SHTT", "nhãn hiệu")]
    assert len({n for p in ip for n in (p.a.province_name, p.b.province_name)}) >= 3
    assert any(_about(p, "truy xuất nguồn gốc") for p in pairs)
    assert any(_about(p, "khởi nghiệp") for p in pairs)


def test_seed_overlaps_within_gia_lai(seeds):
    pairs = overlaps(seeds, within_province="Gia Lai", top=10).pairs
    assert all(p.a.province_name == p.b.province_name == "Gia Lai" for p in pairs)
    vietgap = [p for p in pairs if _about(p, "11892")]
    assert vietgap and vietgap[0].a.plan != vietgap[0].b.plan
    assert any("11892" in t for t in vietgap[0].terms)


def test_seed_top_overlaps_are_not_explained_by_places_or_units(seeds):
    from policykg.ontology.normalize import fold
    from policykg.queries.common import label, nodes_of, province_name

    names = {fold(label(seeds, u)) for u in nodes_of(seeds, "Unit")}
    names |= {fold(province_name(seeds, p)) for p in nodes_of(seeds, "Province")}
    names |= {"ia grai", "duc co", "hoi nong dan"}
    for pair in overlaps(seeds, top=20).pairs:
        own = [t for t in pair.terms if not any(fold(t) in n for n in names)]
        assert own, (pair.terms, pair.a.text[:60], pair.b.text[:60])
        assert not any(fold(t) in {"gia lai", "tay ninh", "bac giang", "lang son"}
                       for t in pair.terms)


# --- which pairs: between plans, within a plan, between chosen provinces -------------


def _plans_graph():
    """Two plans of Gia Lai and one of Lạng Sơn; plan A repeats one duty in two sections
    (the second time with a date), the other plans carry it once in their own words."""
    k = GraphKit()
    docs = {
        "A": k.doc("12/KH-SKHCN", doctype="KH", date="2025-03-01", province="Gia Lai",
                   plan=True, file="a.txt"),
        "B": k.doc("40/KH-UBND", doctype="KH", date="2025-05-01", province="Gia Lai",
                   plan=True, file="b.txt"),
        "C": k.doc("7/KH-SKHCN", doctype="KH", date="2025-04-01", province="Lạng Sơn",
                   plan=True, file="c.txt"),
    }
    nq57 = k.doc("57-NQ/TW", doctype="NQ", date="2024-12-22")  # cited by the plans, no tasks
    for plan in ("A", "C"):  # B carries out something else
        k.link(docs[plan], nq57, Rel.IMPLEMENTS, line=2)
    duties = [
        ("A", "1", "Tập huấn đăng ký mã số mã vạch và truy xuất nguồn gốc cho hợp tác xã"),
        ("A", "7", "Tổ chức tập huấn về đăng ký mã số mã vạch, truy xuất nguồn gốc cho các "
                   "hợp tác xã trong quý III"),
        ("A", "2", "Xây dựng cơ sở dữ liệu chuyên gia khoa học và công nghệ"),
        ("B", "3", "Tập huấn cho hợp tác xã về mã số mã vạch và truy xuất nguồn gốc nông sản"),
        ("B", "4", "Hỗ trợ đăng ký bảo hộ nhãn hiệu tập thể cho sản phẩm OCOP"),
        ("C", "5", "Tập huấn mã số mã vạch, truy xuất nguồn gốc cho hợp tác xã nông nghiệp"),
        ("C", "6", "Hỗ trợ bảo hộ nhãn hiệu tập thể cho đặc sản OCOP của tỉnh"),
    ]
    ids = {}
    for plan, number, text in duties:
        lead = k.unit("Gia Lai" if plan != "C" else "Lạng Sơn", "Chi cục Tiêu chuẩn Đo lường")
        ids[plan + number] = k.task(docs[plan], number, text, lead=(lead,), line=int(number))
    return k.g, ids


@pytest.fixture(scope="module")
def plans_graph():
    return _plans_graph()


def _plan_pairs(report):
    return {frozenset((p.a.plan_label.split()[0], p.b.plan_label.split()[0]))
            for p in report.pairs}


def test_a_plan_repeating_its_own_duty_is_found_and_across_plans_drops_it(plans_graph):
    g, ids = plans_graph
    everything = _pairs(overlaps(g, min_score=0.2, top=None))
    assert frozenset((ids["A1"], ids["A7"])) in everything
    across = overlaps(g, min_score=0.2, top=None, across_plans=True)
    assert frozenset((ids["A1"], ids["A7"])) not in _pairs(across)
    assert all(p.a.plan != p.b.plan for p in across.pairs)
    assert frozenset((ids["A1"], ids["B3"])) in _pairs(across)


def test_two_plans_give_only_the_pairs_between_them(plans_graph):
    g, ids = plans_graph
    report = overlaps(g, plans=["12/KH-SKHCN", "40/KH-UBND"], min_score=0.2, top=None)
    assert _plan_pairs(report) == {frozenset(("12/KH-SKHCN", "40/KH-UBND"))}
    assert frozenset((ids["A1"], ids["B3"])) in _pairs(report)
    one = overlaps(g, plans="12/KH-SKHCN", min_score=0.2, top=None)  # within one plan
    assert _pairs(one) == {frozenset((ids["A1"], ids["A7"]))}


def test_chosen_provinces_across_provinces_gives_the_duties_they_share(plans_graph):
    g, ids = plans_graph
    report = overlaps(g, within_province=["gia lai", "Lạng Sơn"], across_provinces=True,
                      min_score=0.2, top=None)
    assert report.pairs and all({p.a.province_name, p.b.province_name} == {"Gia Lai", "Lạng Sơn"}
                                for p in report.pairs)
    assert frozenset((ids["B4"], ids["C6"])) in _pairs(report)
    alone = overlaps(g, within_province=["Lạng Sơn"], min_score=0.2, top=None)
    assert not alone.pairs  # Lạng Sơn's two duties differ


def test_overlaps_command_takes_plans_and_provinces(plans_graph, monkeypatch):
    import json

    from click.testing import CliRunner

    import policykg.cli as cli_module

    g, ids = plans_graph
    monkeypatch.setattr(cli_module, "_query_graph", lambda store_path: g)
    runner = CliRunner()
    result = runner.invoke(cli_module.cli, ["overlaps", "--plan", "12/KH-SKHCN", "--plan",
                                            "7/KH-SKHCN", "--min-score", "0.2", "--json"])
    assert result.exit_code == 0, result.output
    pairs = json.loads(result.output)["pairs"]
    assert {frozenset((p["a"]["task"], p["b"]["task"])) for p in pairs} == {
        frozenset((ids["A1"], ids["C5"])), frozenset((ids["A7"], ids["C5"]))}
    result = runner.invoke(cli_module.cli, ["overlaps", "--province", "gia lai", "--province",
                                            "lang son", "--across-provinces", "--min-score",
                                            "0.2", "--json"])
    assert result.exit_code == 0, result.output
    assert all(p["a"]["province_name"] != p["b"]["province_name"]
               for p in json.loads(result.output)["pairs"])
    unknown = runner.invoke(cli_module.cli, ["overlaps", "--plan", "999/KH-XYZ"])
    assert unknown.exit_code == 4
    cited = runner.invoke(cli_module.cli, ["overlaps", "--plan", "57-NQ/TW"])
    assert cited.exit_code == 1 and "not a plan" in cited.output


def test_a_directive_gives_the_pairs_between_the_plans_carrying_it_out(plans_graph):
    g, ids = plans_graph
    report = overlaps(g, directive="nghi quyet 57", min_score=0.2, top=None)
    # A and C carry out 57-NQ/TW; B does not, and A's repeat within itself is left out
    assert _pairs(report) == {frozenset((ids["A1"], ids["C5"])), frozenset((ids["A7"], ids["C5"]))}
    within = overlaps(g, directive="nghi quyet 57", across_plans=False, min_score=0.2, top=None)
    assert frozenset((ids["A1"], ids["A7"])) in _pairs(within)
    assert not {ids["B3"], ids["B4"]} & {t for pair in _pairs(within) for t in pair}
    both = overlaps(g, directive="nghi quyet 57", plans=["12/KH-SKHCN", "40/KH-UBND"],
                    min_score=0.2, top=None)
    # B's tasks do not stem from it: plan A is left alone, with its own repeated duty
    assert _pairs(both) == {frozenset((ids["A1"], ids["A7"]))}


def test_overlaps_command_takes_a_directive(plans_graph, monkeypatch):
    import json

    from click.testing import CliRunner

    import policykg.cli as cli_module

    g, ids = plans_graph
    monkeypatch.setattr(cli_module, "_query_graph", lambda store_path: g)
    result = CliRunner().invoke(cli_module.cli, ["overlaps", "--directive", "57-NQ/TW",
                                                 "--min-score", "0.2", "--json"])
    assert result.exit_code == 0, result.output
    assert {frozenset((p["a"]["task"], p["b"]["task"]))
            for p in json.loads(result.output)["pairs"]} == {
        frozenset((ids["A1"], ids["C5"])), frozenset((ids["A7"], ids["C5"]))}
    unknown = CliRunner().invoke(cli_module.cli, ["overlaps", "--directive", "99-NQ/TW"])
    assert unknown.exit_code == 4


def test_the_best_pairs_of_a_longer_answer_are_the_shorter_answer(plans_graph):
    """A report drawing its top pairs, listing fewer and writing more searches once."""
    g, _ = plans_graph
    everything = overlaps(g, min_score=0.2, top=None)
    assert len(everything.pairs) > 2
    for n in (1, 2, len(everything.pairs)):
        assert everything.best(n).to_dict() == overlaps(g, min_score=0.2, top=n).to_dict()


def test_the_overlaps_page_names_what_the_pairs_were_sought_in(plans_graph):
    from policykg.viz.overlaps import overlaps_picture

    g, _ = plans_graph
    page = overlaps_picture(g, directive="57-NQ/TW", min_score=0.2, lang="en")
    assert "57-NQ/TW" in page.title and "whole corpus" not in page.title
    assert "whole corpus" in overlaps_picture(g, min_score=0.2, lang="en").title

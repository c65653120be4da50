"""Duties assigned twice: the plans, their overlapping tasks, and a link for each pair.

Drawn from :func:`~policykg.queries.overlaps` between chosen plans or provinces (or
across everything): each plan is a box on top, its tasks that overlap another's hang
below it, and each pair is a purple link as thick as its score, the shared words and
topics on hover. A task's own text, lead and source show on hover, as on the other
pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policykg.queries import Link, OverlapReport, overlaps
from policykg.queries.common import Graph
from policykg.queries.overlaps import OverlapTask
from policykg.viz.labels import check_lang, t
from policykg.viz.layout import fixed_options
from policykg.viz.lineage import place_tree
from policykg.viz.page import KIND_COLORS, LegendItem, Picture, tooltip, write_page
from policykg.viz.parts import doc_node, link_edge, short, task_box

PAIR_COLOR = "#8e44ad"


def _task_node(task: OverlapTask, lang: str) -> dict[str, Any]:
    """A task box labelled with its number; its text, plan, province and lead on hover."""
    lines: list[tuple[str, Any]] = [
        (t("f.number", lang), task.number), (t("f.plan", lang), task.plan_label),
        (t("f.province", lang), task.province_name), (t("f.lead", lang), task.lead),
        (t("f.support", lang), task.support)]
    return task_box(task.task, task.number, task.text, lines)


def _pair_edge(score: float, a: str, b: str, terms: list[str], topics: list[str],
               lang: str) -> dict[str, Any]:
    hover = [(t("r.shared_words", lang), ", ".join(terms)),
             (t("f.topics", lang), ", ".join(topics))]
    return {"id": f"{a}|OVERLAPS|{b}", "from": a, "to": b, "rel": "OVERLAPS",
            "label": f"{score:.2f}", "width": 1 + 6 * score, "dashes": [6, 4],
            "color": {"color": PAIR_COLOR, "highlight": "#000000"},
            "smooth": {"enabled": True, "type": "curvedCCW", "roundness": 0.3},
            "title": tooltip(hover, head=t("rel.OVERLAPS", lang, score=f"{score:.2f}"))}


def overlaps_picture(g: Graph, *, plans: list[str] | None = None,
                     provinces: list[str] | None = None, across_provinces: bool = False,
                     across_plans: bool | None = None, min_score: float = 0.25,
                     top: int | None = 60, lang: str = "vi", back_href: str | None = None,
                     directive: str | None = None) -> Picture:
    """The picture of the overlapping duties :func:`~policykg.queries.overlaps` finds with
    these options (``provinces`` is its ``within_province``)."""
    check_lang(lang)
    report = overlaps(g, across_provinces=across_provinces, within_province=provinces,
                      plans=plans, directive=directive, across_plans=across_plans,
                      min_score=min_score, top=top)
    chosen = [*(plans or []), *(provinces or []), *([directive] if directive else [])]
    return pairs_picture(g, report, ", ".join(chosen) if chosen else None, lang, back_href)


def pairs_picture(g: Graph, report: OverlapReport, where: str | None = None,
                  lang: str = "vi", back_href: str | None = None) -> Picture:
    """The picture of ``report``'s pairs, titled by ``where`` they were sought (the
    whole corpus when None)."""
    nodes: dict[str, dict[str, Any]] = {}
    tree: list[dict[str, Any]] = []
    for pair in report.pairs:
        for task in (pair.a, pair.b):
            if task.plan and task.plan not in nodes:
                nodes[task.plan] = doc_node(g, task.plan, "plan", lang)
            if task.task not in nodes:
                nodes[task.task] = _task_node(task, lang)
                if task.plan:
                    tree.append(link_edge(Link(task.plan, task.plan_label, task.task,
                                               task.number, "HAS_TASK"), lang))
    shown = list(nodes.values())
    place_tree(shown, tree, [n for n in nodes if not n.startswith("task:")])
    x = {node["id"]: node.get("x", 0) for node in shown}
    # each link drawn left to right, so every arc bends below the row of tasks
    pairs = [_pair_edge(p.score, *sorted((p.a.task, p.b.task), key=lambda n: x[n]), p.terms,
                        p.topics, lang) for p in report.pairs]
    where = where or t("where.everything", lang)
    notes = [] if report.pairs else [t("r.none", lang)]
    legend = [LegendItem(t("kind.plan", lang), KIND_COLORS["plan"]),
              LegendItem(t("kind.task", lang), KIND_COLORS["task"]),
              LegendItem(t("rel.OVERLAPS", lang, score="0–1"), PAIR_COLOR, "dashed")]
    return Picture(title=t("title.overlaps", lang, where=short(where, 120)),
                   subtitle=t("sub.overlaps", lang, pairs=len(report.pairs),
                              tasks=report.tasks),
                   nodes=shown, edges=tree + pairs, legend=legend, notes=notes,
                   options=fixed_options(), lang=lang, back_href=back_href)


def write_overlaps(g: Graph, out: str | Path, **kwargs: Any) -> Path:
    return write_page(overlaps_picture(g, **kwargs), out)

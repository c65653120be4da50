"""Workload picture: units sized by the tasks they lead, linked to those tasks.

Drawn from :func:`~policykg.queries.workload` rows. Lead links are solid,
supporting links dashed; tasks take the colour of their topic or root
directive. Past :data:`MAX_TASKS` tasks the page stays readable by drawing one
node per topic or directive instead (double-click expands it) and says so.
The layout is a force layout that freezes once stabilised.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from policykg.queries import WorkloadRow, workload
from policykg.queries.common import Graph
from policykg.viz.facts import TaskFacts, task_facts
from policykg.viz.labels import check_lang, t
from policykg.viz.page import (
    KIND_COLORS,
    PALETTE,
    LegendItem,
    Picture,
    force_options,
    node_color,
    text_color,
    tooltip,
    write_page,
)
from policykg.viz.parts import REL_STYLE, short, topic_names, unit_node, where

MAX_TASKS = 150  # beyond this many tasks, tasks are drawn as groups
OTHER_COLOR = "#cfcfcf"
COLOR_BY = ("topic", "directive")
SUBTITLE_PLANS = 8  # plans named under the title; the rest are counted


def unit_size(lead: int) -> float:
    return 10 + 7 * math.sqrt(lead)


def _color_key(facts: TaskFacts, color_by: str, rarity: Counter[str], lang: str) -> str:
    """The topic (the rarest of the task's, so the most specific) or the first root directive."""
    values = facts.topics if color_by == "topic" else facts.directives
    if not values:
        return t("no_topic" if color_by == "topic" else "no_directive", lang)
    return min(values, key=lambda v: (rarity[v], v)) if color_by == "topic" else values[0]


def _task_node(facts: TaskFacts, color: str, lang: str) -> dict[str, Any]:
    hit = facts.hit
    lines = [
        (t("f.number", lang), hit.number), (t("f.plan", lang), hit.plan_label),
        (t("f.province", lang), hit.province_name), (t("f.deadline", lang), hit.deadline),
        (t("f.topics", lang), facts.topics), (t("by.directive", lang), facts.directives),
        (t("f.lead", lang), hit.lead), (t("f.support", lang), hit.support),
        (t("f.source", lang), where(hit.file, hit.line_start, hit.line_end)),
    ]
    return {"id": hit.task, "label": hit.number or "•", "shape": "dot", "size": 8,
            "color": node_color(color), "font": {"size": 11, "color": "#333"},
            "title": tooltip(lines, head=short(hit.text, 600)), "kind": "task"}


def _edge(source: str, target: str, rel: str, lang: str, count: int | None = None
          ) -> dict[str, Any]:
    style = REL_STYLE[rel]
    edge = {"id": f"{source}|{rel}|{target}", "from": source, "to": target, "rel": rel,
            "dashes": style.get("dashes", False), "color": {"color": style["color"]},
            "width": style["width"] if count is None else min(1 + count, 8)}
    if count is not None:
        edge["count"] = count
        edge["title"] = f"{t('rel.' + rel, lang)}: {t('tasks_count', lang, n=count)}"
    return edge


def workload_picture(g: Graph, province: str | None = None, unit: str | None = None,
                     color_by: str = "topic", lang: str = "vi", max_tasks: int = MAX_TASKS,
                     back_href: str | None = None, directive: str | None = None,
                     plans: list[str] | None = None) -> Picture:
    """The workload network of the units ``workload(g, province, unit, directive=…,
    plans=…)`` returns, with the tasks it counts."""
    check_lang(lang)
    if color_by not in COLOR_BY:
        raise ValueError(f"cannot colour by {color_by!r}: use topic or directive")
    rows = workload(g, province=province, unit=unit, directive=directive, plans=plans)
    led = {r.unit_id: set(r.tasks_led) for r in rows}
    supported = {r.unit_id: set(r.tasks_supported) for r in rows}
    all_tasks = sorted({tk for s in (*led.values(), *supported.values()) for tk in s})
    facts = task_facts(g, all_tasks)
    if lang != "vi":
        names = topic_names(g, lang)
        for fact in facts.values():
            fact.topics = [names.get(x, x) for x in fact.topics]
    rarity = Counter(topic for f in facts.values() for topic in f.topics)
    key_of = {tk: _color_key(f, color_by, rarity, lang) for tk, f in facts.items()}
    keys = [k for k, _ in Counter(key_of.values()).most_common()]
    colors = {k: PALETTE[i] if i < len(PALETTE) else OTHER_COLOR for i, k in enumerate(keys)}
    nodes = [_unit(r, lang) for r in rows]
    aggregate = len(facts) > max_tasks
    task_nodes = {tk: _task_node(f, colors[key_of[tk]], lang) for tk, f in facts.items()}
    edges: list[dict[str, Any]] = []
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
    notes = [t(f"color_by.{color_by}", lang), t("size_note", lang)]
    if not aggregate:
        nodes.extend(task_nodes.values())
        for row in rows:
            edges += [_edge(tk, row.unit_id, "LED_BY", lang) for tk in sorted(led[row.unit_id])]
            edges += [_edge(tk, row.unit_id, "SUPPORTED_BY", lang)
                      for tk in sorted(supported[row.unit_id])]
    else:
        members: dict[str, list[str]] = defaultdict(list)
        for tk in facts:
            members[key_of[tk]].append(tk)
        for index, key in enumerate(keys):
            gid = f"group:{index}"
            tasks = sorted(members[key])
            nodes.append(_group_node(gid, key, len(tasks), colors[key], lang))
            inner: list[dict[str, Any]] = []
            for row in rows:
                lead_n = len(led[row.unit_id] & set(tasks))
                support_n = len(supported[row.unit_id] & set(tasks))
                if lead_n:
                    edges.append(_edge(gid, row.unit_id, "LED_BY", lang, lead_n))
                if support_n:
                    edges.append(_edge(gid, row.unit_id, "SUPPORTED_BY", lang, support_n))
                inner += [_edge(tk, row.unit_id, "LED_BY", lang)
                          for tk in tasks if tk in led[row.unit_id]]
                inner += [_edge(tk, row.unit_id, "SUPPORTED_BY", lang)
                          for tk in tasks if tk in supported[row.unit_id]]
            groups[gid] = {"nodes": [task_nodes[tk] for tk in tasks], "edges": inner}
        notes.insert(0, t("aggregated", lang, tasks=len(facts), groups=len(keys),
                          by=t(f"by.{color_by}", lang)))
    where_text = t("where.all", lang)
    if province:
        where_text = t("where.province", lang, name=rows[0].province if rows else province)
    elif unit:
        where_text = t("where.unit", lang, name=unit)
    plans = sorted({p for r in rows for p in r.by_plan})
    named = "; ".join(short(p, 70) for p in plans[:SUBTITLE_PLANS])
    if len(plans) > SUBTITLE_PLANS:
        named += f" … (+{len(plans) - SUBTITLE_PLANS})"
    subtitle = t("from_plans", lang, plans=named) if plans else t("no_plans", lang)
    legend = [LegendItem(t("kind.unit", lang), KIND_COLORS["unit"], "dot"),
              LegendItem(t("kind.collective", lang), KIND_COLORS["collective"], "dot")]
    if aggregate:
        legend.append(LegendItem(t("kind.group", lang), KIND_COLORS["group"], "box"))
    legend += [LegendItem(t("edge.lead", lang), REL_STYLE["LED_BY"]["color"], "line"),
               LegendItem(t("edge.support", lang), REL_STYLE["SUPPORTED_BY"]["color"], "dashed")]
    shown = keys[:len(PALETTE)]
    legend += [LegendItem(short(k, 60), colors[k], "dot") for k in shown]
    if len(keys) > len(shown):
        legend.append(LegendItem(f"… (+{len(keys) - len(shown)})", OTHER_COLOR, "dot"))
    iterations = 150 if len(nodes) > 400 else 250
    return Picture(title=t("title.workload", lang, where=where_text), subtitle=subtitle,
                   nodes=nodes, edges=edges, legend=legend, notes=notes,
                   options=force_options(iterations), groups=groups, lang=lang,
                   back_href=back_href)


def _unit(row: WorkloadRow, lang: str) -> dict[str, Any]:
    extra = [(t("f.province", lang), row.province), (t("f.kind", lang), row.kind),
             (t("f.lead", lang), row.lead), (t("f.support", lang), row.support)]
    extra += [(short(plan, 60), f"{c['lead']} / {c['support']}")
              for plan, c in sorted(row.by_plan.items())]
    node = unit_node(row.unit_id, row.unit, lang, row.collective, size=unit_size(row.lead),
                     extra=extra, shape="dot")
    node["font"] = {"size": 16, "color": "#1a1a1a", "strokeWidth": 3, "strokeColor": "#ffffff"}
    node.pop("widthConstraint", None)
    node.pop("shapeProperties", None)
    node["mass"] = 1 + row.lead / 5
    return node


def _group_node(gid: str, key: str, count: int, color: str, lang: str) -> dict[str, Any]:
    text = f"{short(key, 40)}\n{t('tasks_count', lang, n=count)}"
    return {"id": gid, "label": text, "shape": "box", "margin": 6 + min(count, 40) // 4,
            "color": node_color(color, "#333333"), "borderWidth": 2,
            "shapeProperties": {"borderDashes": [4, 2]},
            "font": {"size": 22, "color": text_color(color)}, "mass": 1 + count / 10,
            "title": tooltip([], head=f"{key}\n{t('tasks_count', lang, n=count)}\n"
                                      f"{t('kind.group', lang)}"),
            "kind": "group"}


def write_workload(g: Graph, out: str | Path, **kwargs: Any) -> Path:
    return write_page(workload_picture(g, **kwargs), out)

"""Lineage picture: a directive at the top, the documents and plans carrying it out,
their tasks and the units leading or supporting them, laid out top-down.

Drawn from :func:`~policykg.queries.downstream_documents` and
:func:`~policykg.queries.stems_from` (each hit's path gives the edges) and, for
the extra links between documents of the chain (a plan implementing the
provincial plan as well as the directive), :func:`~policykg.queries.basis`.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from policykg.ontology.schema import Kind
from policykg.queries import (
    TaskHit,
    basis,
    downstream_documents,
    resolve_document,
    stems_from,
)
from policykg.queries.common import Graph, doc_label
from policykg.viz.labels import check_lang, t
from policykg.viz.layout import fixed_options, layered, levels_from_edges
from policykg.viz.page import KIND_COLORS, LegendItem, Picture, node_color, write_page
from policykg.viz.parts import (
    REL_STYLE,
    dedupe,
    doc_node,
    link_edge,
    short,
    task_node,
    unit_edges,
    unit_node,
)

DOC_RELS = {"IMPLEMENTS", "BASED_ON"}
MAX_TASKS = 200  # beyond this many tasks, each plan's tasks fold into one node
SUBTITLE_PLANS = 8  # plans named under the title; the rest are counted


def resolve_root(g: Graph, ref: str, year: int | None = None,
                 province: str | None = None) -> str:
    """The document node a typed reference or id names (raises the queries' errors)."""
    if ref in g and g.nodes[ref].get("kind") in (Kind.PLAN, Kind.DOCUMENT):
        return ref
    return resolve_document(g, ref, province=province, year=year)


def lineage_picture(g: Graph, ref: str, lang: str = "vi", depth: int | None = None,
                    year: int | None = None, province: str | None = None,
                    back_href: str | None = None, max_tasks: int = MAX_TASKS) -> Picture:
    """The picture of what stems from ``ref`` (documents, plans, tasks, units).

    Past ``max_tasks`` tasks each plan's tasks and units fold into one node that
    a double-click opens, and the page says so.
    """
    check_lang(lang)
    root = resolve_root(g, ref, year, province)
    docs = downstream_documents(g, root, depth=depth)
    hits = stems_from(g, root, depth=depth)
    nodes: list[dict[str, Any]] = [doc_node(g, root, "directive", lang)]
    edges: list[dict[str, Any]] = []
    in_chain = {root} | {d.id for d in docs}
    for doc in docs:
        role = "plan" if doc.kind == Kind.PLAN else "document"
        nodes.append(doc_node(g, doc.id, role, lang, via=doc.path[-1] if doc.path else None))
        edges.extend(link_edge(link, lang) for link in doc.path)
    for doc in docs:
        for up in basis(g, doc.id).documents:
            edges.extend(link_edge(link, lang) for link in up.path
                         if link.upstream in in_chain and link.downstream in in_chain
                         and link.relation in DOC_RELS)
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
    notes: list[str] = []
    if len(hits) <= max_tasks:
        task_nodes, task_edges = tasks_and_units(g, hits, lang)
        nodes += task_nodes
        edges += task_edges
    else:
        by_plan: dict[str, list[TaskHit]] = defaultdict(list)
        for hit in hits:
            by_plan[hit.plan].append(hit)
        for plan, plan_hits in by_plan.items():
            gid = f"tasks:{plan}"
            nodes.append(task_group_node(gid, len(plan_hits), lang))
            edges.append({"id": f"{plan}|HAS_TASK|{gid}", "from": plan, "to": gid,
                          "rel": "HAS_TASK", **REL_STYLE["HAS_TASK"]})
            inner_nodes, inner_edges = tasks_and_units(g, plan_hits, lang)
            groups[gid] = {"nodes": relative_tree(inner_nodes, inner_edges, plan),
                           "edges": inner_edges}
        notes.append(t("aggregated", lang, tasks=len(hits), groups=len(groups),
                       by=t("by.plan", lang)))
    edges = [e for e in dedupe(edges) if e["from"] != e["to"]]
    nodes = dedupe(nodes)
    place_tree(nodes, edges, [root])
    plans = [d.label for d in docs if d.kind == Kind.PLAN]
    named = "; ".join(short(p, 80) for p in plans[:SUBTITLE_PLANS])
    if len(plans) > SUBTITLE_PLANS:
        named += f" … (+{len(plans) - SUBTITLE_PLANS})"
    subtitle = t("from_plans", lang, plans=named) if plans else t("no_plans", lang)
    legend = lineage_legend(lang)
    if groups:
        legend.insert(4, LegendItem(t("kind.group", lang), KIND_COLORS["group"], "box"))
    return Picture(
        title=t("title.lineage", lang, ref=doc_label(g, root)), subtitle=subtitle,
        nodes=nodes, edges=edges, legend=legend, notes=notes, groups=groups,
        options=fixed_options(), lang=lang, back_href=back_href,
    )


def tasks_and_units(g: Graph, hits: list[TaskHit], lang: str
                    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Task boxes, unit boxes and their edges (containment, lead, support) for ``hits``."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    units: dict[str, str] = {}
    for hit in hits:
        nodes.append(task_node(hit, lang))
        edges.extend(link_edge(link, lang) for link in hit.path if link.relation not in DOC_RELS)
        edges.extend(unit_edges(hit, lang))
        units.update(zip(hit.lead_ids, hit.lead, strict=True))
        units.update(zip(hit.support_ids, hit.support, strict=True))
    for unit_id, name in sorted(units.items()):
        collective = (g.nodes.get(unit_id) or {}).get("category") == "collective"
        nodes.append(unit_node(unit_id, name, lang, collective))
    return dedupe(nodes), [e for e in dedupe(edges) if e["from"] != e["to"]]


def task_group_node(gid: str, count: int, lang: str) -> dict[str, Any]:
    """One box standing for a plan's tasks and their units, opened by a double-click."""
    fill = KIND_COLORS["group"]
    text = t("tasks_count", lang, n=count)
    return {"id": gid, "label": f"{text} ⊕", "shape": "box", "kind": "group",
            "color": node_color(fill, "#8a6d00"), "borderWidth": 2,
            "shapeProperties": {"borderDashes": [4, 2]}, "font": {"size": 15},
            "title": f"{text}\n{t('kind.group', lang)}"}


def relative_tree(nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
                  parent: str) -> list[dict[str, Any]]:
    """Lay a plan's tasks and units out below their group (offsets ``dx``/``dy``)."""
    place_tree(nodes, edges, [parent])
    if nodes:
        top = min(n["y"] for n in nodes)
        for node in nodes:
            node["dx"], node["dy"] = node.pop("x"), node.pop("y") - top
    return nodes


def place_tree(nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
               roots: list[str]) -> None:
    """Top-down positions: documents by chain depth, tasks below, all units in the last band."""
    level = levels_from_edges(roots, edges, [n["id"] for n in nodes])
    is_unit = {n["id"] for n in nodes if n.get("kind") in ("unit", "collective")}
    bottom = max((v for k, v in level.items() if k not in is_unit), default=0) + 1
    for unit in is_unit:
        level[unit] = bottom
    layered(nodes, edges, level)
    for edge in edges:  # a link skipping levels bends, so it is not hidden behind the chain
        if edge["from"] not in is_unit and edge["to"] not in is_unit \
                and abs(level.get(edge["from"], 0) - level.get(edge["to"], 0)) > 1:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.35}


def lineage_legend(lang: str) -> list[LegendItem]:
    kinds = ["directive", "document", "plan", "task", "unit", "collective"]
    items = [LegendItem(t(f"kind.{k}", lang), KIND_COLORS[k],
                        "dot" if k in ("unit", "collective") else "box") for k in kinds]
    for rel in ("IMPLEMENTS", "BASED_ON", "LED_BY", "SUPPORTED_BY"):
        style = REL_STYLE[rel]
        items.append(LegendItem(t(f"rel.{rel}", lang), style["color"],
                                "dashed" if style.get("dashes") else "line"))
    return items


def write_lineage(g: Graph, ref: str, out: str | Path, **kwargs: Any) -> Path:
    return write_page(lineage_picture(g, ref, **kwargs), out)

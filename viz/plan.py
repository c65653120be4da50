"""One plan's picture: its legal bases above it, its tasks and their units below.

Drawn from :func:`~policykg.queries.basis` (the documents the plan serves, each
with its path) and :func:`~policykg.queries.stems_from` at depth 0 (the plan's
own tasks with their lead and supporting units).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policykg.queries import basis, stems_from
from policykg.queries.common import Graph, doc_label
from policykg.viz.labels import check_lang, t
from policykg.viz.layout import fixed_options
from policykg.viz.lineage import DOC_RELS, lineage_legend, place_tree, resolve_root
from policykg.viz.page import KIND_COLORS, LegendItem, Picture, write_page
from policykg.viz.parts import (
    dedupe,
    doc_node,
    link_edge,
    short,
    task_node,
    unit_edges,
    unit_node,
)


def plan_picture(g: Graph, ref: str, lang: str = "vi", year: int | None = None,
                 province: str | None = None, back_href: str | None = None) -> Picture:
    """The picture of plan ``ref`` (an id or a typed reference)."""
    check_lang(lang)
    plan = resolve_root(g, ref, year, province)
    found = basis(g, plan)
    hits = stems_from(g, plan, depth=0)
    nodes: list[dict[str, Any]] = [doc_node(g, plan, "plan", lang)]
    edges: list[dict[str, Any]] = []
    roots = set(found.roots)
    for doc in found.documents:
        role = "directive" if doc.id in roots else "basis"
        via = next((link for link in doc.path if link.upstream == doc.id), None)
        nodes.append(doc_node(g, doc.id, role, lang, via=via))
        edges.extend(link_edge(link, lang) for link in doc.path)
    shown = {plan} | {d.id for d in found.documents}
    for doc in found.documents:  # links among the bases themselves (3300 → 180 → 36)
        edges.extend(link_edge(link, lang) for up in basis(g, doc.id).documents
                     for link in up.path
                     if link.upstream in shown and link.downstream in shown
                     and link.relation in DOC_RELS)
    units: dict[str, str] = {}
    for hit in hits:
        nodes.append(task_node(hit, lang))
        edges.extend(link_edge(link, lang) for link in hit.path)
        edges.extend(unit_edges(hit, lang))
        units.update(zip(hit.lead_ids, hit.lead, strict=True))
        units.update(zip(hit.support_ids, hit.support, strict=True))
    for unit_id, name in sorted(units.items()):
        collective = (g.nodes.get(unit_id) or {}).get("category") == "collective"
        nodes.append(unit_node(unit_id, name, lang, collective))
    nodes = dedupe(nodes)
    edges = [e for e in dedupe(edges) if e["from"] != e["to"]]
    top = sorted(roots) or [plan]
    place_tree(nodes, edges, top)
    title = t("title.plan", lang, ref=short(doc_label(g, plan), 80))
    full = (g.nodes[plan].get("title") or "") if plan in g else ""
    legend = lineage_legend(lang)
    legend.insert(1, LegendItem(t("kind.basis", lang), KIND_COLORS["basis"], "box"))
    return Picture(title=title, subtitle=str(full) or doc_label(g, plan), nodes=nodes,
                   edges=edges, legend=legend, options=fixed_options(), lang=lang,
                   back_href=back_href)


def write_plan(g: Graph, ref: str, out: str | Path, **kwargs: Any) -> Path:
    return write_page(plan_picture(g, ref, **kwargs), out)

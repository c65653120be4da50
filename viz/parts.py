"""Nodes and edges of the pictures, built from query results (hits, links, rows).

The lineage and plan pictures share the same node looks: a document box, a task
box, a unit dot. Each carries a plain-text hover with the facts a reader checks
against the source (full name, number, date, province, quoted line).
"""

from __future__ import annotations

from typing import Any

from policykg.ontology.schema import Kind
from policykg.queries import Link, TaskHit
from policykg.queries.common import Graph, doc_label, province_name
from policykg.viz.labels import t
from policykg.viz.page import KIND_COLORS, node_color, text_color, tooltip

REL_STYLE: dict[str, dict[str, Any]] = {
    "IMPLEMENTS": {"color": "#c0392b", "width": 2.5, "arrows": "from"},
    "BASED_ON": {"color": "#e08a3c", "width": 2, "arrows": "from", "dashes": [8, 4]},
    "HAS_TASK": {"color": "#9a9a9a", "width": 1, "arrows": "to"},
    "HAS_SUBTASK": {"color": "#b5b5b5", "width": 1, "arrows": "to"},
    "LED_BY": {"color": "#2e7d32", "width": 2, "arrows": "from"},
    "SUPPORTED_BY": {"color": "#7cb342", "width": 1.2, "arrows": "from", "dashes": [5, 5]},
}
# Relations whose edge shows its name; containment edges stay unlabelled (less clutter).
LABELLED = {"IMPLEMENTS", "BASED_ON", "LED_BY", "SUPPORTED_BY"}


def short(text: str, limit: int) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def where(file: str | None, start: int | None, end: int | None = None) -> str:
    if not file:
        return ""
    name = str(file).replace("\\", "/").rsplit("/", 1)[-1]
    if start is None:
        return name
    return f"{name}:{start}" + (f"-{end}" if end and end != start else "")


def doc_node(g: Graph, doc: str, role: str, lang: str, via: Link | None = None,
             level: int | None = None) -> dict[str, Any]:
    """A document box: ``role`` is directive, plan, document or basis (its colour)."""
    data = g.nodes.get(doc) or {}
    fill = KIND_COLORS[role]
    pid = data.get("province")
    name = data.get("title") or data.get("label") or doc
    lines: list[tuple[str, Any]] = [
        (t("f.kind", lang), t(f"kind.{role}", lang)),
        (t("f.number", lang), data.get("key") or data.get("number")),
        (t("f.date", lang), data.get("date")),
        (t("f.province", lang), province_name(g, pid) if pid else None),
    ]
    if via is not None:
        lines.append((t("f.quote", lang), via.quote))
        lines.append((t("f.source", lang), where(via.file, via.line_start, via.line_end)))
    elif data.get("file"):
        lines.append((t("f.source", lang), where(data.get("file"), None)))
    node = {
        "id": doc, "label": short(doc_label(g, doc), 60), "shape": "box",
        "color": node_color(fill), "font": {"color": text_color(fill), "size": 15},
        "widthConstraint": {"maximum": 230}, "margin": 8,
        "title": tooltip(lines, head=short(str(name), 400)),
        "kind": role,
    }
    if role == "directive":
        node["font"]["size"] = 18
        node["borderWidth"] = 2
    if level is not None:
        node["level"] = level
    return node


def task_node(hit: TaskHit, lang: str, fill: str | None = None,
              level: int | None = None) -> dict[str, Any]:
    """A task box labelled with its number; the whole text shows on hover."""
    fill = fill or KIND_COLORS["task"]
    via = hit.path[-1] if hit.path else None
    lines: list[tuple[str, Any]] = [
        (t("f.number", lang), hit.number),
        (t("f.plan", lang), hit.plan_label),
        (t("f.province", lang), hit.province_name),
        (t("f.deadline", lang), hit.deadline),
        (t("f.lead", lang), hit.lead),
        (t("f.support", lang), hit.support),
        (t("f.quote", lang), via.quote if via else None),
        (t("f.source", lang), where(hit.file, hit.line_start, hit.line_end)),
    ]
    node = task_box(hit.task, hit.number, hit.text, lines, fill)
    if level is not None:
        node["level"] = level
    return node


def task_box(task: str, number: str, text: str, lines: list[tuple[str, Any]],
             fill: str | None = None) -> dict[str, Any]:
    """A task's box: its number (else the start of its text) as label, the text and
    ``lines`` on hover."""
    fill = fill or KIND_COLORS["task"]
    return {
        "id": task, "label": number or short(text, 16), "shape": "box",
        "color": node_color(fill), "font": {"color": text_color(fill), "size": 14},
        "widthConstraint": {"maximum": 110}, "title": tooltip(lines, head=short(text, 600)),
        "kind": "task",
    }


def unit_node(unit_id: str, name: str, lang: str, collective: bool = False,
              size: float | None = None, extra: list[tuple[str, Any]] | None = None,
              level: int | None = None, shape: str = "box") -> dict[str, Any]:
    """A unit: a rounded box holding its name (trees), or a dot sized by its load (networks)."""
    role = "collective" if collective else "unit"
    fill = KIND_COLORS[role]
    node = {
        "id": unit_id, "label": short(name, 60), "shape": shape, "size": size or 12,
        "color": node_color(fill), "font": {"size": 13, "color": text_color(fill)},
        "widthConstraint": {"maximum": 130}, "shapeProperties": {"borderRadius": 12},
        "title": tooltip([(t("f.kind", lang), t(f"kind.{role}", lang)), *(extra or [])],
                         head=name),
        "kind": role,
    }
    if level is not None:
        node["level"] = level
    return node


def link_edge(link: Link, lang: str) -> dict[str, Any]:
    """An edge ``upstream → downstream`` styled by relation, its quote on hover."""
    rel = str(link.relation)
    style = dict(REL_STYLE.get(rel, {"color": "#999999", "width": 1}))
    edge: dict[str, Any] = {
        "id": f"{link.upstream}|{rel}|{link.downstream}", "from": link.upstream,
        "to": link.downstream, "rel": rel, **style,
    }
    edge["color"] = {"color": style["color"], "highlight": "#000000"}
    if rel in LABELLED:
        edge["label"] = t(f"rel.{rel}", lang)
    hover = [(t("f.quote", lang), link.quote),
             (t("f.source", lang), where(link.file, link.line_start, link.line_end))]
    if link.quote or link.file:
        edge["title"] = tooltip(hover, head=t(f"rel.{rel}", lang))
    return edge


def unit_edges(hit: TaskHit, lang: str) -> list[dict[str, Any]]:
    """Edges task → lead units (solid) and → supporting units (dashed)."""
    edges = []
    for rel, ids in (("LED_BY", hit.lead_ids), ("SUPPORTED_BY", hit.support_ids)):
        for unit in ids:
            style = REL_STYLE[rel]
            edges.append({"id": f"{hit.task}|{rel}|{unit}", "from": hit.task, "to": unit,
                          "rel": rel, "label": t(f"rel.{rel}", lang), **style,
                          "color": {"color": style["color"], "highlight": "#000000"}})
    return edges


def dedupe(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep the first item of each id (nodes or edges), in order."""
    seen: set[str] = set()
    kept = []
    for item in items:
        if item["id"] in seen:
            continue
        seen.add(item["id"])
        kept.append(item)
    return kept


def topic_names(g: Graph, lang: str) -> dict[str, str]:
    """Topic label (as the comparison gives it) → its label in ``lang``, from the topic nodes."""
    found: dict[str, str] = {}
    for _, data in g.nodes(data=True):
        if data.get("kind") == Kind.TOPIC and data.get(f"label_{lang}"):
            for key in ("label", "label_vi"):
                if data.get(key):
                    found[str(data[key])] = str(data[f"label_{lang}"])
    return found

"""A top-down layered layout computed here, so pages draw at once with physics off.

vis-network's own hierarchical layout keeps a fixed gap between node centres and
lets wide labels overlap, and puts a whole level on one line (fifty tasks side by
side). This one sizes each node by its label, orders a level by the mean position
of the nodes above it (fewer crossings), and wraps a level into several rows when
it grows wider than the page.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

CHAR_WIDTH = 0.56  # average glyph width relative to the font size
ROW_GAP = 70
LEVEL_GAP = 150
NODE_GAP = 26


def label_width(node: dict[str, Any]) -> float:
    """Estimated drawn width of a node in pixels (wrapped at its width constraint)."""
    font = (node.get("font") or {}).get("size", 14)
    text = str(node.get("label") or "")
    longest = max((len(line) for line in text.split("\n")), default=0)
    width = longest * font * CHAR_WIDTH + 2 * node.get("margin", 6) + 4
    limit = (node.get("widthConstraint") or {}).get("maximum")
    if limit:
        width = min(width, limit + 2 * node.get("margin", 6))
    if node.get("shape") == "dot":
        width = max(2 * node.get("size", 12), min(width, 160))
    return width


def levels_from_edges(roots: list[str], edges: list[dict[str, Any]],
                      nodes: list[str]) -> dict[str, int]:
    """Level of each node: one below the deepest node with an edge into it.

    ``roots`` and every node nothing points to start at level 0.
    """
    parents: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        parents[edge["to"]].add(edge["from"])
    level = {r: 0 for r in roots}
    level.update({n: 0 for n in nodes if not parents.get(n)})
    for _ in range(len(nodes) + 1):
        changed = False
        for node in nodes:
            if node in roots or not parents.get(node):
                continue
            above = [level[p] for p in parents.get(node, ()) if p in level]
            if above and level.get(node) != max(above) + 1:
                level[node] = max(above) + 1
                changed = True
        if not changed:
            break
    return level


def layered(nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
            level: dict[str, int], max_width: float = 1700.0) -> None:
    """Set ``x``/``y`` on every node (physics then stays off); rows wrap at ``max_width``."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        neighbours[edge["from"]].add(edge["to"])
        neighbours[edge["to"]].add(edge["from"])
    by_level: dict[int, list[dict[str, Any]]] = defaultdict(list)
    fallback = max(level.values(), default=0) + 1
    for index, node in enumerate(nodes):
        node.setdefault("_order", index)
        by_level[level.get(node["id"], fallback)].append(node)
    placed: dict[str, float] = {}
    y = 0.0
    for lvl in sorted(by_level):
        row_nodes = by_level[lvl]

        def centre(node: dict[str, Any]) -> tuple[float, int]:
            xs = [placed[n] for n in neighbours[node["id"]] if n in placed]
            return (sum(xs) / len(xs) if xs else 0.0, node["_order"])

        row_nodes.sort(key=centre)
        rows: list[list[dict[str, Any]]] = [[]]
        width = 0.0
        for node in row_nodes:
            w = label_width(node) + NODE_GAP
            if rows[-1] and width + w > max_width:
                rows.append([])
                width = 0.0
            rows[-1].append(node)
            width += w
        for row in rows:
            total = sum(label_width(n) + NODE_GAP for n in row)
            x = -total / 2
            tallest = 0.0
            for node in row:
                w = label_width(node) + NODE_GAP
                node["x"], node["y"] = round(x + w / 2, 1), round(y, 1)
                placed[node["id"]] = x + w / 2
                x += w
                lines = max(1, int(len(str(node.get("label") or "")) * 8 /
                                   max(label_width(node), 1)) + 1)
                tallest = max(tallest, lines * 18)
            y += ROW_GAP + tallest
        y += LEVEL_GAP - ROW_GAP
    for node in nodes:
        node.pop("_order", None)


def fixed_options() -> dict[str, Any]:
    """Options for a page whose positions are computed: no physics, vertical curves."""
    return {
        "layout": {"hierarchical": {"enabled": False}},
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "dragNodes": True},
        "edges": {"smooth": {"enabled": True, "type": "cubicBezier",
                             "forceDirection": "vertical", "roundness": 0.45},
                  "font": {"size": 11, "align": "middle", "color": "#333",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "arrows": {"to": {"enabled": False, "scaleFactor": 0.5}}},
        "nodes": {"font": {"size": 14, "face": "Segoe UI, Roboto, Noto Sans, Arial"}},
    }

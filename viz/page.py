"""One HTML page per picture: our template, vis-network inlined.

Nothing on the page comes from the network: the library is read from ``viz/assets``
and written into the page (or, in a report, shared beside its pages), the data
travel as JSON inside a ``<script>`` with ``<``, ``>``, ``&`` and the line
separators escaped, and every piece of text from a document reaches the HTML only
through :func:`html.escape`. Tooltips are plain strings, which vis-network shows
with ``innerText`` (never as HTML). A page folding very many tasks keeps its groups
in script files beside it, read from disk when a group is opened (:func:`write_page`).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from policykg.viz.labels import t

# Colours per node kind: distinct in hue and lightness, readable with dark text.
KIND_COLORS: dict[str, str] = {
    "directive": "#c0392b",
    "document": "#f5b7a8",
    "plan": "#2e6fb5",
    "basis": "#e8a33d",
    "task": "#f7e08a",
    "unit": "#3f9b5a",
    "collective": "#b8b8b8",
    "group": "#fbeec1",
}

# Categorical colours for topics or directives (colour-blind friendly first).
# Greens and greys are left out: they belong to units and groups of units.
PALETTE: tuple[str, ...] = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#1f77b4", "#aec7e8", "#ffbb78", "#17becf", "#ff9896", "#c5b0d5",
    "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5", "#8c564b", "#e377c2",
)

# Groups (folded tasks) of a page past this many characters of data go into files beside it.
INLINE_GROUPS = 2_000_000
GROUP_FILE_SIZE = 500_000

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass
class LegendItem:
    """One legend line: a swatch (fill colour, shape) or a line style, and its words."""

    label: str
    color: str
    shape: str = "box"  # box, dot, line, dashed


@dataclass
class Picture:
    """What one page shows: the network, its words, and groups that expand on demand."""

    title: str
    subtitle: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: list[LegendItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    groups: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    lang: str = "vi"
    back_href: str | None = None
    lib_href: str | None = None  # a local copy of vis-network beside the page, else inlined


def script_json(value: Any) -> str:
    """JSON safe to place inside ``<script>``: no ``</script>``, ``<!--`` or line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _JSON_ESCAPES.items():
        text = text.replace(char, escaped)
    return text


def esc(text: Any) -> str:
    """HTML text (also safe inside a quoted attribute); line separators as references."""
    text = html.escape(str(text if text is not None else ""), quote=True)
    return text.replace("\u2028", "&#8232;").replace("\u2029", "&#8233;")


@lru_cache(maxsize=1)
def vis_js() -> str:
    """vis-network's JavaScript (with its licence header), for inlining."""
    source = resources.files("policykg.viz").joinpath("assets/vis-network.min.js")
    text = source.read_text(encoding="utf-8")
    if "</script" in text.lower():  # cannot happen with the vendored file; guards an update
        raise RuntimeError("vis-network.min.js contains '</script' and cannot be inlined")
    return text


def text_color(fill: str) -> str:
    """White on dark fills, near-black on light ones (by relative luminance)."""
    value = fill.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return "#ffffff" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.55 else "#1a1a1a"


def node_color(fill: str, border: str | None = None) -> dict[str, Any]:
    border = border or _darker(fill)
    return {"background": fill, "border": border,
            "highlight": {"background": fill, "border": "#000000"},
            "hover": {"background": fill, "border": "#000000"}}


def _darker(color: str, factor: float = 0.7) -> str:
    value = color.lstrip("#")
    rgb = [int(value[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{int(c * factor):02x}" for c in rgb)


def tooltip(lines: list[tuple[str, Any]], head: str | None = None, width: int = 90) -> str:
    """Plain-text hover: a head line, then ``field: value`` lines (long values wrapped).

    >>> print(tooltip([("Chủ trì", "Sở Khoa học và Công nghệ"), ("Số", None)], head="1.1",
    ...               width=20))
    1.1
    Chủ trì: Sở Khoa học
        và Công nghệ
    """
    out = [head] if head else []
    for name, value in lines:
        if value in (None, "", []):
            continue
        if isinstance(value, list | tuple):
            value = "; ".join(str(v) for v in value)
        out.extend(wrap(f"{name}: {value}", width) or [f"{name}:"])
    return "\n".join(out)


def wrap(text: str, width: int, indent: str = "    ") -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words (a longer
    word keeps a line of its own), the lines after the first indented; runs of spaces
    and line breaks become one space. A page holds thousands of hovers, so this is a
    plain greedy fill rather than :mod:`textwrap`, which is many times slower."""
    words = text.split()
    if not words:
        return []
    lines: list[str] = []
    line = words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = indent + word
    lines.append(line)
    return lines


def _legend_html(items: list[LegendItem], lang: str) -> str:
    if not items:
        return ""
    rows = []
    for item in items:
        if item.shape in ("line", "dashed"):
            style = "dashed" if item.shape == "dashed" else "solid"
            swatch = (f'<span class="sw line" style="border-top:3px {style} '
                      f'{esc(item.color)}"></span>')
        else:
            radius = "50%" if item.shape == "dot" else "3px"
            swatch = (f'<span class="sw" style="background:{esc(item.color)};'
                      f'border-radius:{radius}"></span>')
        rows.append(f"<li>{swatch}{esc(item.label)}</li>")
    return (f'<section class="legend"><h2>{esc(t("legend", lang))}</h2>'
            f'<ul>{"".join(rows)}</ul></section>')


_STYLE = """
*{box-sizing:border-box}
body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:0;color:#1a1a1a;
background:#fafafa}
header{padding:10px 16px 4px 16px}
h1{font-size:20px;margin:0 0 4px 0}
.sub{margin:0;color:#444;font-size:13px}
.notes{margin:6px 0 0 0;padding-left:18px;font-size:13px;color:#5a3d00}
main{display:flex;gap:10px;padding:6px 16px 16px 16px}
#network{flex:1;height:82vh;min-height:480px;border:1px solid #ccc;background:#fff}
.legend{width:250px;font-size:13px}
.legend h2{font-size:14px;margin:0 0 6px 0}
.legend ul{list-style:none;margin:0;padding:0}
.legend li{margin:0 0 6px 0;display:flex;align-items:center;gap:8px}
.sw{display:inline-block;width:18px;height:14px;border:1px solid #555;flex:none}
.sw.line{height:0;border-left:none;border-right:none;border-bottom:none;width:26px}
.hint{font-size:12px;color:#666;margin-top:10px}
a{color:#1f5fa8}
div.vis-tooltip{position:absolute;visibility:hidden;padding:6px 8px;white-space:pre-wrap;
max-width:640px;font-size:13px;font-family:inherit;color:#000;background:#fffef5;
border:1px solid #888;border-radius:3px;box-shadow:2px 2px 8px rgba(0,0,0,.2);
pointer-events:none;z-index:5}
"""

_SCRIPT = """
(function(){
  var DATA = JSON.parse(document.getElementById("viz-data").textContent);
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var container = document.getElementById("network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, DATA.options);
  window.network = network;
  window.vizReady = false;
  function settle(){
    network.setOptions({physics: {enabled: false}});
    window.vizReady = true;
  }
  var physics = DATA.options.physics && DATA.options.physics.enabled !== false
    && DATA.nodes.length > 0;
  if (physics) {
    network.once("stabilizationIterationsDone", settle);
  } else {
    network.once("afterDrawing", function(){ window.vizReady = true; });
  }
  var loading = {};
  window.policykgGroups = function(found){
    var id;
    for (id in found) { DATA.groups[id] = found[id]; }
    for (id in found) {
      if (loading[id]) { delete loading[id]; expand(id); }
    }
  };
  function load(id, src){
    if (loading[id]) { return; }
    loading[id] = true;
    window.vizReady = false;
    var tag = document.createElement("script");
    tag.src = src;
    tag.onerror = function(){ delete loading[id]; window.vizReady = true; };
    document.head.appendChild(tag);
  }
  function expand(id){
    var group = DATA.groups[id];
    if (!group || !nodes.get(id)) { return; }
    if (typeof group === "string") { load(id, group); return; }
    var at = network.getPositions([id])[id] || {x: 0, y: 0};
    var around = edges.getIds({filter: function(e){ return e.from === id || e.to === id; }});
    edges.remove(around);
    nodes.remove(id);
    var fresh = group.nodes.filter(function(node){ return !nodes.get(node.id); });
    var n = fresh.length;
    nodes.add(fresh.map(function(node, i){
      var copy = Object.assign({}, node);
      if (node.dx !== undefined) {
        copy.x = at.x + node.dx;
        copy.y = at.y + node.dy;
      } else {
        var angle = 2 * Math.PI * i / Math.max(n, 1);
        copy.x = at.x + 60 * Math.cos(angle);
        copy.y = at.y + 60 * Math.sin(angle);
      }
      return copy;
    }));
    edges.add(group.edges.filter(function(edge){ return !edges.get(edge.id); }));
    if (physics) {
      window.vizReady = false;
      network.setOptions({physics: {enabled: true}});
      network.once("stabilizationIterationsDone", settle);
      network.stabilize(120);
    } else {
      window.vizReady = true;
    }
  }
  window.expandGroup = expand;
  network.on("doubleClick", function(params){
    if (params.nodes.length) { expand(params.nodes[0]); }
  });
})();
"""


def render_page(picture: Picture, groups: dict[str, str] | None = None) -> str:
    """The page's HTML: title, what it shows, notes, legend, network. ``groups`` gives
    each group as the page carries it, already as :func:`script_json` text: its data, or
    the file (relative to the page) holding them, which the page loads when the group is
    opened (by default, every group's data)."""
    lang = picture.lang
    if groups is None:
        groups = _group_texts(picture)
    rest = script_json({"nodes": picture.nodes, "edges": picture.edges,
                        "options": picture.options})
    data = rest[:-1] + ',"groups":{' + ",".join(
        f"{script_json(gid)}:{text}" for gid, text in groups.items()) + "}}"
    notes = "".join(f"<li>{esc(n)}</li>" for n in picture.notes)
    back = (f'<p class="sub"><a href="{esc(picture.back_href)}">{esc(t("back", lang))}</a></p>'
            if picture.back_href else "")
    return "".join([
        "<!DOCTYPE html>\n",
        f'<html lang="{esc(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(picture.title)}</title><style>{_STYLE}</style>",
        (f'<script src="{esc(picture.lib_href)}"></script>' if picture.lib_href
         else f"<script>{vis_js()}</script>"),
        "</head><body>",
        f"<header>{back}<h1>{esc(picture.title)}</h1>",
        f'<p class="sub">{esc(picture.subtitle)}</p>',
        f'<ul class="notes">{notes}</ul>' if notes else "",
        "</header><main>",
        '<div id="network"></div>',
        '<aside class="legend-box">',
        _legend_html(picture.legend, lang),
        f'<p class="hint">{esc(t("hover_hint", lang))}</p></aside></main>',
        f'<script type="application/json" id="viz-data">{data}</script>',
        f"<script>{_SCRIPT}</script></body></html>\n",
    ])


def write_lib(folder: str | Path, name: str = "vis-network.min.js") -> str:
    """Copy vis-network into ``folder`` once, for pages of one site to share; its file name."""
    target = Path(folder) / name
    if not target.is_file() or target.read_text(encoding="utf-8") != vis_js():
        target.write_text(vis_js(), encoding="utf-8")
    return name


def write_page(picture: Picture, path: str | Path,
               inline_groups: int = INLINE_GROUPS) -> Path:
    """Write the page to ``path`` (folders created) and return the path.

    Groups whose data pass ``inline_groups`` characters in all are written beside the
    page, in files of about :data:`GROUP_FILE_SIZE` characters in a folder named like it
    (``lineage_files/`` for ``lineage.html``), and read when a group is opened: the page
    itself then stays small enough to open at once, however many tasks it folds.
    """
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = group_folder(out)
    if folder.is_dir():  # what an earlier page of this name left
        for old in folder.glob("groups-*.js"):
            old.unlink()
        if not any(folder.iterdir()):
            folder.rmdir()
    texts = _group_texts(picture)
    if sum(len(text) for text in texts.values()) <= inline_groups:
        out.write_text(render_page(picture, texts), encoding="utf-8")
        return out
    folder.mkdir(exist_ok=True)
    files: dict[str, str] = {}
    chunks: list[list[str]] = [[]]
    size = 0
    for gid in texts:
        if size >= GROUP_FILE_SIZE:
            chunks.append([])
            size = 0
        chunks[-1].append(gid)
        size += len(texts[gid])
    for number, chunk in enumerate(chunks, 1):
        name = f"groups-{number}.js"
        body = ",".join(f"{script_json(gid)}:{texts[gid]}" for gid in chunk)
        (folder / name).write_text(f"window.policykgGroups({{{body}}});\n", encoding="utf-8")
        files.update(dict.fromkeys(chunk, script_json(f"{quote(folder.name)}/{name}")))
    out.write_text(render_page(picture, files), encoding="utf-8")
    return out


def group_folder(page: str | Path) -> Path:
    """The folder beside ``page`` that holds the groups kept out of it."""
    page = Path(page)
    return page.with_name(f"{page.stem}_files")


def _group_texts(picture: Picture) -> dict[str, str]:
    """Each group's data as :func:`script_json` text, by group id."""
    return {gid: script_json(group) for gid, group in picture.groups.items()}


def force_options(iterations: int = 200) -> dict[str, Any]:
    """A force layout that stops after ``iterations`` steps of stabilisation, then freezes."""
    return {
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.02,
                                         "springLength": 80, "springConstant": 0.08,
                                         "avoidOverlap": 0.5},
                    "stabilization": {"enabled": True, "iterations": iterations,
                                      "updateInterval": 50, "fit": True},
                    "maxVelocity": 60, "minVelocity": 1.0},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True},
        "edges": {"smooth": False,
                  "font": {"size": 10, "align": "middle", "color": "#333",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "arrows": {"to": {"enabled": False}},
                  "color": {"color": "#9a9a9a", "highlight": "#000000", "opacity": 0.8}},
        "nodes": {"font": {"size": 13, "face": "Segoe UI, Roboto, Noto Sans, Arial"}},
    }

"""Comparison chart: a topic × province heatmap of task counts, and which directives
the sides share or answer alone. Drawn from :func:`~policykg.queries.compare`.

matplotlib is used through its object API with the Agg canvas (no pyplot, no
global backend switch), so it runs headless and leaves the caller's state alone.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from policykg.queries import Comparison, compare
from policykg.queries.common import Graph
from policykg.viz.labels import check_lang, t
from policykg.viz.parts import short, topic_names

FORMATS = ("png", "svg")
MAX_DIRECTIVES = 40  # rows of the directive panel; shared ones come first
STATUS_COLORS = {"shared": "#2e6fb5", "partly": "#e8a33d", "unique": "#c0392b"}


def comparison_figure(result: Comparison, lang: str = "vi",
                      topic_names: dict[str, str] | None = None) -> Figure:
    """Two panels: task counts per topic and side; directives shared, partly shared, unique.

    ``topic_names`` maps the topic labels of ``result`` to the words shown (English ones).
    """
    check_lang(lang)
    names = topic_names or {}
    sides = [short(s.name, 28) for s in result.sides]
    topics = result.topics or [t("no_topic", lang)]
    counts = [[s.topics.get(topic, 0) for s in result.sides] for topic in topics]
    directives = _directive_rows(result)
    rows = max(len(topics), min(len(directives), MAX_DIRECTIVES), 4)
    width = 8 + 1.3 * len(sides) * 2
    fig = Figure(figsize=(width, 1.6 + 0.34 * rows), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    left, right = fig.subplots(1, 2, width_ratios=[1.15, 1])
    peak = max((c for row in counts for c in row), default=0) or 1
    image = left.imshow(counts, cmap="YlOrRd", aspect="auto", vmin=0, vmax=peak)
    left.set_xticks(range(len(sides)), sides, rotation=30, ha="right")
    left.set_yticks(range(len(topics)), [short(names.get(x, x), 45) for x in topics])
    for i, row in enumerate(counts):
        for j, value in enumerate(row):
            if value:
                left.text(j, i, str(value), ha="center", va="center", fontsize=9,
                          color="white" if value > 0.6 * peak else "black")
    left.set_title(t("title.compare", lang), fontsize=12)
    left.set_xlabel(t("axis.side", lang))
    fig.colorbar(image, ax=left, shrink=0.6, label=t("cbar", lang))
    fig.suptitle(" · ".join(t("side_summary", lang, name=short(s.name, 28), plans=len(s.plans),
                              tasks=s.tasks) for s in result.sides), fontsize=10)
    _directive_panel(right, directives[:MAX_DIRECTIVES], result, sides, lang)
    return fig


def _directive_rows(result: Comparison) -> list[tuple[str, str, list[bool]]]:
    """(directive, status, present per side), shared first, then partly, then unique."""
    everything = sorted({d for s in result.sides for d in s.directives})
    rows = []
    for directive in everything:
        present = [directive in s.directives for s in result.sides]
        if directive in result.shared_directives and len(result.sides) > 1:
            status = "shared"
        elif sum(present) == 1:
            status = "unique"
        else:
            status = "partly"
        rows.append((directive, status, present))
    order = {"shared": 0, "partly": 1, "unique": 2}
    return sorted(rows, key=lambda r: (order[r[1]], r[0]))


def _directive_panel(ax, rows, result: Comparison, sides: list[str], lang: str) -> None:
    ax.set_title(t("title.compare_directives", lang), fontsize=12)
    if not rows:
        ax.axis("off")
        return
    for i, (_, status, present) in enumerate(rows):
        for j, here in enumerate(present):
            if here:
                ax.scatter(j, i, s=90, color=STATUS_COLORS[status], edgecolors="black",
                           linewidths=0.5)
    ax.set_xlim(-0.5, len(sides) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xticks(range(len(sides)), sides, rotation=30, ha="right")
    ax.set_yticks(range(len(rows)), [short(r[0], 40) for r in rows])
    for tick, (_, status, _) in zip(ax.get_yticklabels(), rows, strict=True):
        tick.set_color(STATUS_COLORS[status])
    ax.grid(True, color="#e5e5e5")
    ax.set_axisbelow(True)
    handles = [ax.scatter([], [], s=60, color=color, label=t(status, lang))
               for status, color in STATUS_COLORS.items()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9,
              frameon=False)


def write_compare(g: Graph, sides: list[str], out: str | Path, lang: str = "vi",
                  as_of: str | date | None = None, directive: str | None = None) -> list[Path]:
    """Write the chart to ``out``: .png or .svg by its suffix, both when it has neither."""
    out = Path(out)
    suffix = out.suffix.lower().lstrip(".")
    if suffix and suffix not in FORMATS:
        raise ValueError(f"{out}: cannot write .{suffix}; use .png or .svg")
    targets = [out] if suffix else [out.with_suffix(f".{f}") for f in FORMATS]
    fig = comparison_figure(compare(g, sides, as_of=as_of, directive=directive), lang,
                            topic_names(g, lang))
    written = []
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        metadata = {"Date": None} if target.suffix.lower() == ".svg" else {}
        fig.savefig(target, metadata=metadata)
        written.append(target)
    return written

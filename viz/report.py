"""The report: one folder of pages that open from disk, linked from ``index.html``.

The index holds the corpus summary, the duties repeated between plans and the
comparison chart; it links one lineage page per central directive the plans serve, one
workload page per province, one page per plan (the largest, up to a cap) and a page
drawing the top pairs of duties between plans (a plan's own duties alike, such as one
paragraph repeated for each committee it names, are not what the report is asked). The pages
share one local copy of vis-network in the folder, so the folder is the
self-contained unit: nothing is fetched from the network, links are relative.
The same answers go to ``csv/`` as spreadsheets written for Excel: the tasks stemming
from each directive, each province's workload, and the overlapping duties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from policykg.ontology.normalize import fold, slug
from policykg.ontology.schema import Kind
from policykg.queries import OverlapReport, basis, overlaps, stems_from, workload
from policykg.queries.common import Graph, doc_label, nodes_of, province_name
from policykg.queries.tables import Table, overlaps_table, stems_table, to_csv, workload_table
from policykg.viz.compare import write_compare
from policykg.viz.labels import check_lang, t
from policykg.viz.lineage import lineage_picture
from policykg.viz.overlaps import pairs_picture
from policykg.viz.page import Picture, esc, write_lib, write_page
from policykg.viz.parts import short
from policykg.viz.plan import plan_picture
from policykg.viz.workload import workload_picture

TOP_OVERLAPS = 15
CSV_OVERLAPS = 500  # pairs in csv/overlaps.csv
PAGE_OVERLAPS = 60  # pairs drawn on overlaps.html
MAX_PLAN_PAGES = 100  # plans with most tasks get a page; `policykg viz plan` draws any other


@dataclass
class Corpus:
    """What the report is about, read through the queries."""

    plans: list[str]
    provinces: dict[str, str]  # province id -> name, of the plans
    directives: list[str]  # central root directives the plans serve
    units: int
    tasks: int
    plan_tasks: dict[str, int] = field(default_factory=dict)


def survey(g: Graph) -> Corpus:
    plans = list(nodes_of(g, Kind.PLAN))
    provinces: dict[str, str] = {}
    directives: set[str] = set()
    plan_tasks: dict[str, int] = {}
    for plan in plans:
        pid = g.nodes[plan].get("province")
        if pid:
            provinces[str(pid)] = province_name(g, str(pid))
        found = basis(g, plan)
        directives.update(d.id for d in found.documents
                          if d.id in found.roots and g.nodes[d.id].get("scope") == "central")
        plan_tasks[plan] = len(stems_from(g, plan, depth=0))
    units = sum(1 for r in workload(g) if not r.collective)
    ordered = sorted(provinces.items(), key=lambda kv: fold(kv[1]))
    return Corpus(plans, dict(ordered), sorted(directives, key=lambda d: doc_label(g, d)),
                  units, sum(plan_tasks.values()), plan_tasks)


class _Names:
    """File names from labels: readable, ASCII, unique."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, prefix: str, text: str, ext: str = "html") -> str:
        base = f"{prefix}-{slug(text)[:60] or 'x'}"
        name, n = base, 2
        while name in self.used:
            name, n = f"{base}-{n}", n + 1
        self.used.add(name)
        return f"{name}.{ext}"


_STYLE = """
body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:0 auto;max-width:1100px;
padding:16px;color:#1a1a1a;background:#fafafa}
h1{font-size:24px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:13px;background:#fff}
th,td{border:1px solid #ddd;padding:5px 7px;text-align:left;vertical-align:top}
th{background:#f0f0f0}.num{text-align:right}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 16px;min-width:130px}
.card b{display:block;font-size:26px}
img{max-width:100%;border:1px solid #ddd;background:#fff}
"""


def write_report(g: Graph, out_dir: str | Path, lang: str = "vi") -> Path:
    """Write the report into ``out_dir`` and return its ``index.html``."""
    check_lang(lang)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    corpus = survey(g)
    name = _Names()
    back = "index.html"
    lib = write_lib(out)

    def page(picture: Picture, file: str) -> None:
        picture.lib_href = lib  # one shared local copy instead of 0.5 MB in every page
        write_page(picture, out / file)

    sections = [_summary(g, corpus, lang)]

    links = []
    for directive in corpus.directives:
        file = name("lineage", doc_label(g, directive))
        page(lineage_picture(g, directive, lang=lang, back_href=back), file)
        links.append((file, doc_label(g, directive), g.nodes[directive].get("title")))
    sections.append(_link_list(t("r.lineage", lang), links, lang, t("r.no_central", lang)))

    links = []
    for pid, pname in corpus.provinces.items():
        file = name("workload", pname)
        page(workload_picture(g, province=pid, lang=lang, back_href=back), file)
        links.append((file, pname, None))
    if any(not r.province_id for r in workload(g)):
        file = name("workload", "all")
        page(workload_picture(g, lang=lang, back_href=back), file)
        links.append((file, t("where.all", lang).strip(" ()"), None))
    sections.append(_link_list(t("r.workload", lang), links, lang, t("r.none", lang)))

    links = []
    drawn = sorted(corpus.plans, key=lambda p: -corpus.plan_tasks[p])[:MAX_PLAN_PAGES]
    for plan in sorted(drawn, key=lambda p: doc_label(g, p)):
        file = name("plan", doc_label(g, plan))
        page(plan_picture(g, plan, lang=lang, back_href=back), file)
        pid = g.nodes[plan].get("province")
        detail = province_name(g, str(pid)) if pid else t("r.national", lang)
        links.append((file, doc_label(g, plan),
                      f"{detail} · {t('tasks_count', lang, n=corpus.plan_tasks[plan])}"))
    sections.append(_link_list(t("r.plan_pages", lang), links, lang, t("r.none", lang)))
    if len(corpus.plans) > len(drawn):
        sections.append(f"<p>{esc(t('r.more_plans', lang, n=len(corpus.plans) - len(drawn)))}"
                        "</p>")

    # one search for pairs between plans serves the index's table, the page and the
    # spreadsheet
    found = overlaps(g, top=max(TOP_OVERLAPS, PAGE_OVERLAPS, CSV_OVERLAPS), across_plans=True)
    if found.pairs:  # the top pairs drawn: plans, their duties, a link per pair
        page(pairs_picture(g, found.best(PAGE_OVERLAPS), lang=lang, back_href=back),
             "overlaps.html")
    sections.append(_overlaps(found.best(TOP_OVERLAPS), lang,
                              "overlaps.html" if found.pairs else None))
    sections.append(_comparison(g, corpus, out, lang))
    sections.append(_spreadsheets(g, corpus, found.best(CSV_OVERLAPS), out, lang))
    index = out / "index.html"
    title = t("title.report", lang)
    index.write_text(
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{esc(title)}</h1>{''.join(sections)}</body></html>\n", encoding="utf-8")
    return index


def _summary(g: Graph, corpus: Corpus, lang: str) -> str:
    cards = [("r.plans", len(corpus.plans)), ("r.provinces", len(corpus.provinces)),
             ("r.directives", len(corpus.directives)), ("r.units", corpus.units),
             ("r.tasks", corpus.tasks)]
    html = "".join(f'<div class="card"><b>{n}</b>{esc(t(k, lang))}</div>' for k, n in cards)
    names = ", ".join(corpus.provinces.values())
    return (f"<h2>{esc(t('r.summary', lang))}</h2><div class=\"cards\">{html}</div>"
            f"<p>{esc(t('r.provinces', lang))}: {esc(names)}</p>")


def _link_list(heading: str, links: list[tuple[str, str, str | None]], lang: str,
               empty: str) -> str:
    if not links:
        return f"<h2>{esc(heading)}</h2><p>{esc(empty)}</p>"
    items = "".join(
        f'<li><a href="{esc(file)}">{esc(label)}</a>'
        + (f" — {esc(short(detail, 160))}" if detail else "") + "</li>"
        for file, label, detail in links)
    return f"<h2>{esc(heading)}</h2><ul>{items}</ul>"


def _overlaps(report: OverlapReport, lang: str, picture: str | None) -> str:
    """The top pairs as a table, and a link to their ``picture`` page."""
    heading = f"<h2>{esc(t('r.overlaps', lang))}</h2>"
    if picture:
        heading += (f'<p><a href="{esc(picture)}">'
                    f'{esc(t("r.overlaps_page", lang, n=PAGE_OVERLAPS))}</a></p>')
    if not report.pairs:
        return heading + f"<p>{esc(t('r.none', lang))}</p>"
    rows = []
    for pair in report.pairs:
        cells = [f'<td class="num">{pair.score:.2f}</td>']
        for side in (pair.a, pair.b):
            where = " · ".join(x for x in (side.province_name, short(side.plan_label, 50),
                                           side.number) if x)
            lead = ", ".join(side.lead)
            cells.append(f"<td>{esc(short(side.text, 220))}<br><small>{esc(where)}"
                         + (f" — {esc(lead)}" if lead else "") + "</small></td>")
        cells.append(f"<td>{esc(', '.join(pair.terms))}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(f"<th>{esc(t(k, lang))}</th>"
                   for k in ("r.score", "r.task_a", "r.task_b", "r.shared_words"))
    return heading + f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _comparison(g: Graph, corpus: Corpus, out: Path, lang: str) -> str:
    heading = f"<h2>{esc(t('r.compare', lang))}</h2>"
    sides = list(corpus.provinces.values())
    if not sides:
        return heading + f"<p>{esc(t('r.none', lang))}</p>"
    write_compare(g, sides, out / "compare", lang=lang)
    return (heading + f'<p><img src="compare.png" alt="{esc(t("title.compare", lang))}"></p>'
            f'<p><a href="compare.svg">{esc(t("r.svg", lang))}</a></p>')


def _spreadsheets(g: Graph, corpus: Corpus, pairs: OverlapReport, out: Path, lang: str) -> str:
    """Write ``csv/``: per central directive its tasks, per province its workload (long
    form), and the overlapping ``pairs``; return the section linking them."""
    folder = out / "csv"
    folder.mkdir(exist_ok=True)
    name = _Names()
    links: list[tuple[str, str, str | None]] = []

    def write(file: str, table: Table, label: str, detail: str | None) -> None:
        (folder / file).write_text(to_csv(table, excel=True), encoding="utf-8", newline="")
        links.append((f"csv/{file}", label, detail))

    for directive in corpus.directives:
        label = doc_label(g, directive)
        hits = stems_from(g, directive)
        write(name("tasks", label, "csv"), stems_table(label, hits), label,
              t("tasks_count", lang, n=len(hits)))
    for pid, pname in corpus.provinces.items():
        write(name("workload", pname, "csv"), workload_table(workload(g, province=pid)),
              f"{t('r.workload_of', lang)} {pname}", None)
    write("overlaps.csv", overlaps_table(pairs), t("r.overlaps", lang),
          t("r.pairs_count", lang, n=len(pairs.pairs)))
    return _link_list(t("r.spreadsheets", lang), links, lang, t("r.none", lang))

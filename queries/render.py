"""Readable tables of the query results, for the command line (rich)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from rich.console import Console
from rich.table import Table

from policykg.graph.taskrows import MadeOnRead
from policykg.queries.compare import Comparison
from policykg.queries.due import DueReport
from policykg.queries.lineage import Basis, DocHit, TaskHit, group_hits
from policykg.queries.overlaps import OverlapReport, OverlapTask
from policykg.queries.search import SearchHit
from policykg.queries.workload import WorkloadRow

T = TypeVar("T")

_ARROW = {"IMPLEMENTS": "→", "BASED_ON": "⇢", "HAS_TASK": "›", "HAS_SUBTASK": "›"}


def _short(text: str, width: int = 110) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def path_text(hit: TaskHit | DocHit) -> str:
    """``36-NQ/TW → 180-CTr/TU → 3300/KH-UBND ⇢ plan``: documents only, arrows by relation."""
    docs = [link for link in hit.path if link.relation in ("IMPLEMENTS", "BASED_ON")]
    if not docs:
        return ""
    parts = [docs[0].upstream_label]
    for link in docs:
        parts.append(f"{_ARROW.get(link.relation, '→')} {link.downstream_label}")
    return " ".join(parts)


def _task_table(title: str, hits: list[TaskHit], *, plan_column: bool = True) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column("Task", overflow="fold", ratio=5)
    if plan_column:
        table.add_column("Plan", overflow="fold", ratio=2)
        table.add_column("Province", ratio=1)
    table.add_column("Lead", overflow="fold", ratio=2)
    table.add_column("Support", overflow="fold", ratio=2)
    table.add_column("Deadline", overflow="fold", ratio=1)
    for hit in hits:
        where = [hit.plan_label, hit.province_name] if plan_column else []
        table.add_row(f"{hit.number} {_short(hit.text)}".strip(), *where,
                      ", ".join(hit.lead), ", ".join(hit.support), hit.deadline or "")
    return table


# targets a comparison prints per side; --json gives every one
TARGETS_SHOWN = 15
# an answer with more tasks than this prints its counts per group, not every task: a
# terminal of tens of thousands of rows helps no one (and rich takes ~0.1 ms a line)
TASKS_SHOWN = 300
MORE_HINT = "--all lists every task; --csv or --json gives them to a spreadsheet or a program."


def _counts_table(title: str, groups: dict[str, list[T]], by: str,
                  named: Callable[[T], Iterable[str]]) -> Table:
    """A row per group (``by`` plan, province or unit), largest first: its tasks and the
    three names ``named`` gives most often over them (the units leading most; for a
    group of one lead unit, the plans they come from)."""
    table = Table(title=title, title_justify="left")
    table.add_column(by.capitalize(), overflow="fold", ratio=3)
    table.add_column("Tasks", justify="right", ratio=1)
    table.add_column("Most from" if by == "unit" else "Most led by", overflow="fold", ratio=3)
    for key, group in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        most = Counter(name for item in group for name in named(item))
        table.add_row(key, str(len(group)),
                      ", ".join(f"{name} ({n})" for name, n in most.most_common(3)))
    return table


def _hit_names(by: str) -> Callable[[TaskHit], Iterable[str]]:
    """What a counts table names for a task hit grouped ``by``: its plan in a unit's
    group, else its lead units."""
    return (lambda hit: (hit.plan_label,)) if by == "unit" else (lambda hit: hit.lead)


def print_stems(console: Console, directive: str, hits: Sequence[TaskHit],
                group_by: str | None = None, evidence: bool = False,
                every_task: bool = False) -> None:
    """One table per plan under its path from the directive, or per ``group_by`` key;
    above :data:`TASKS_SHOWN` tasks (unless ``every_task``), a row of counts per group."""
    if not hits:
        console.print(f"No task stems from {directive}.")
        return
    console.print(f"{len(hits)} task(s) stem from {directive}.")
    if len(hits) > TASKS_SHOWN and not every_task:
        by = group_by or "plan"
        groups = group_hits(hits, by)
        if by == "plan":
            groups = {f"{g[0].plan_label} · {g[0].province_name}\n{path_text(g[0])}": g
                      for g in groups.values()}
        console.print(_counts_table(f"{len(groups)} {by}(s)", groups, by, _hit_names(by)))
        console.print(MORE_HINT)
        return
    if group_by and group_by != "plan":
        for key, group in group_hits(hits, group_by).items():
            console.print(_task_table(f"{key} — {len(group)} task(s)", group))
    else:
        for group in group_hits(hits, "plan").values():
            first = group[0]
            title = (f"{first.plan_label} · {first.province_name} — {len(group)} task(s)\n"
                     f"{path_text(first)}")
            console.print(_task_table(title, group, plan_column=False))
    if evidence:
        _print_evidence(console, hits)


def _print_evidence(console: Console, hits: Sequence[TaskHit]) -> None:
    """Each plan's chain of links once, then where each of its tasks was read."""
    for group in group_hits(hits, "plan").values():
        first = group[0]
        console.print(f"\n{first.plan_label} · {first.province_name}", style="bold",
                      markup=False)
        for link in first.path[:first.depth]:
            where = f"{link.file}:{link.line_start}" if link.file else ""
            console.print(f"  {link.downstream_label} {link.relation} {link.upstream_label}"
                          f"  {where}", markup=False)
            if link.quote:
                console.print(f"    “{_short(link.quote, 160)}”", markup=False)
        for hit in group:
            where = f"{hit.file}:{hit.line_start}" if hit.file else ""
            console.print(f"  task {hit.number}  {where}", markup=False)


def print_documents(console: Console, directive: str, docs: list[DocHit]) -> None:
    if not docs:
        console.print(f"No document stems from {directive}.")
        return
    table = Table(title=f"{len(docs)} document(s) downstream of {directive}",
                  title_justify="left")
    for name in ("Document", "Kind", "Province", "Depth", "Tasks", "Path"):
        table.add_column(name, overflow="fold")
    for doc in docs:
        table.add_row(doc.label, doc.kind, doc.province_name, str(doc.depth), str(doc.tasks),
                      path_text(doc))
    console.print(table)


def print_basis(console: Console, found: Basis) -> None:
    if not found.documents:
        console.print(f"{found.node_label}: no document above it.")
        return
    table = Table(title=f"{found.node_label} serves", title_justify="left")
    for name in ("Document", "Root", "Province", "Depth", "Title", "Link"):
        table.add_column(name, overflow="fold")
    for doc in found.documents:
        link = doc.path[-1] if doc.path else None
        how = f"{link.relation} ({link.file}:{link.line_start})" if link and link.file else (
            link.relation if link else "")
        table.add_row(doc.label, "yes" if doc.is_root else "", doc.province_name,
                      str(doc.depth), _short(doc.title or "", 60), how)
    console.print(table)


# a table cell lists a unit's largest plans and directives; --json gives every one
SPLIT_SHOWN = 12


def _split(split: dict[str, dict[str, int]], shown: int | None = None) -> str:
    """``key lead/support`` for each entry; past ``shown`` entries, the largest that
    many (in key order) and how many more there are."""
    items = list(split.items())
    if shown is not None and len(items) > shown:
        largest = sorted(items, key=lambda kv: -(kv[1]["lead"] + kv[1]["support"]))[:shown]
        kept = {key for key, _ in largest}
        text = ", ".join(f"{k} {v['lead']}/{v['support']}" for k, v in items if k in kept)
        return f"{text}, … {len(items) - shown} more (--json lists all)"
    return ", ".join(f"{k} {v['lead']}/{v['support']}" for k, v in items)


def print_workload(console: Console, rows: list[WorkloadRow]) -> None:
    units = [r for r in rows if not r.collective]
    groups = [r for r in rows if r.collective]
    if not rows:
        console.print("No unit has a task here.")
        return
    for title, chosen in (("Units (lead/support)", units),
                          ("Collective groups, not units (lead/support)", groups)):
        if not chosen:
            continue
        table = Table(title=title, title_justify="left")
        for name in ("Unit", "Kind", "Province", "Lead", "Support", "By deadline",
                     "By directive", "By plan"):
            table.add_column(name, overflow="fold")
        for r in chosen:
            table.add_row(r.unit, r.kind, r.province, str(r.lead), str(r.support),
                          _split(r.by_deadline), _split(r.by_directive, SPLIT_SHOWN),
                          _split(r.by_plan, SPLIT_SHOWN))
        console.print(table)


def print_comparison(console: Console, result: Comparison) -> None:
    names = [s.name if s.kind == "province" else s.name for s in result.sides]
    if result.directive:
        console.print(f"Only the plans carrying out {result.directive}, at any depth.",
                      markup=False, highlight=False)
    table = Table(title="Directives responded to", title_justify="left")
    table.add_column("Directive", overflow="fold")
    for name in names:
        table.add_column(name, justify="center")
    directives = sorted({d for s in result.sides for d in s.directives})
    for d in directives:
        table.add_row(d + (" (shared)" if d in result.shared_directives else ""),
                      *("✓" if d in s.directives else "" for s in result.sides))
    console.print(table)
    table = Table(title="Topics: tasks (leading unit kind)", title_justify="left")
    table.add_column("Topic", overflow="fold")
    for name in names:
        table.add_column(name, overflow="fold")
    for topic in result.topics:
        cells = []
        for side in result.sides:
            count = side.topics.get(topic, 0)
            kind = result.leading_kind(side, topic)
            cells.append((f"{count} ({kind})" if kind else str(count)) if count else "")
        table.add_row(topic, *cells)
    console.print(table)
    table = Table(title="Targets", title_justify="left")
    table.add_column("Side")
    table.add_column("Target", overflow="fold")
    for side in result.sides:
        for target in side.targets[:TARGETS_SHOWN]:
            table.add_row(side.name, _short(str(target.get("text") or ""), 100))
        if len(side.targets) > TARGETS_SHOWN:
            table.add_row(side.name, f"… and {len(side.targets) - TARGETS_SHOWN} more "
                          "(--json lists every one)")
    if table.row_count:
        console.print(table)
    for side in result.sides:
        console.print(f"{side.name}: {len(side.plans)} plan(s), {side.tasks} task(s)"
                      + (f" — provinces {', '.join(side.provinces)}" if side.provinces else ""))
    console.print(f"Duties the sides share: {overlaps_command(result)}", markup=False,
                  highlight=False)


def overlaps_command(result: Comparison) -> str:
    """The ``policykg overlaps`` command giving the duties a comparison's sides share."""
    directive = f" --directive {_quoted(result.directive)}" if result.directive else ""
    if all(side.kind == "province" for side in result.sides):
        names = list(dict.fromkeys(side.name for side in result.sides))
        wanted = " ".join(f"--province {_quoted(name)}" for name in names)
        # provinces as merged hold several as written: their duties are paired across plans
        across = (" --across-provinces" if len(names) > 1 and result.as_of is None
                  else " --across-plans")
        return f"policykg overlaps {wanted}{directive}{across}"
    plans = dict.fromkeys(p for side in result.sides
                          for p in ([side.id] if side.kind == "plan" else side.plans))
    return "policykg overlaps " + " ".join(f"--plan {_quoted(p)}" for p in plans) + directive


def _quoted(text: str) -> str:
    return f'"{text}"' if any(ch in text for ch in ' ()"') else text


def _side(task: OverlapTask) -> str:
    return f"{task.province_name} · {task.plan_label} · {task.number} {_short(task.text, 90)}"


def print_overlaps(console: Console, report: OverlapReport) -> None:
    if not report.pairs:
        console.print(f"No overlapping duties among {report.tasks} task(s).")
        return
    table = Table(title=f"{len(report.pairs)} overlapping pair(s) among {report.tasks} "
                        f"task(s)", title_justify="left")
    table.add_column("Score", justify="right")
    table.add_column("Task A", overflow="fold", ratio=3)
    table.add_column("Task B", overflow="fold", ratio=3)
    table.add_column("Shared", overflow="fold", ratio=2)
    for pair in report.pairs:
        shared = ", ".join(pair.terms)
        if pair.topics:
            shared += f" [topic: {', '.join(pair.topics)}]"
        table.add_row(f"{pair.score:.2f}", _side(pair.a), _side(pair.b), shared)
    console.print(table)
    big = [c for c in report.clusters if len(c) > 2]
    if big:
        console.print(f"{len(big)} cluster(s) of three or more duties; the largest has "
                      f"{len(big[0])}.")


def print_search(console: Console, hits: list[SearchHit]) -> None:
    if not hits:
        console.print("Nothing found.")
        return
    table = Table(title_justify="left")
    for name in ("Kind", "Name", "Province", "Text", "Id"):
        table.add_column(name, overflow="fold")
    for hit in hits:
        table.add_row(hit.kind, _short(hit.label, 60), hit.province, _short(hit.snippet, 90),
                      hit.id)
    console.print(table)


def print_due(console: Console, report: DueReport, every_task: bool = False) -> None:
    """The tasks due, then the yearly and the ongoing ones; above :data:`TASKS_SHOWN`
    tasks (unless ``every_task``), a row of counts per plan in each part."""
    sections = [(f"Due in {report.period}", report.dated),
                ("Yearly and other recurring duties", report.yearly),
                ("Ongoing duties", report.ongoing)]
    if not any(hits for _, hits in sections):
        console.print(f"Nothing due in {report.period}.")
        return
    counts_only = sum(len(hits) for _, hits in sections) > TASKS_SHOWN and not every_task
    for title, hits in sections:
        if not hits:
            continue
        if counts_only:
            groups = {f"{g[0].plan_label} · {g[0].province_name}": g
                      for g in group_hits(hits, "plan").values()}
            console.print(_counts_table(f"{title}: {len(hits)}", groups, "plan",
                                        _hit_names("plan")))
        else:
            console.print(_task_table(f"{title}: {len(hits)}", hits))
    if counts_only:
        console.print(MORE_HINT)


def plain(value: Any) -> Any:
    """A result as JSON-ready data (dataclasses through ``to_dict``)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list | tuple | MadeOnRead):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def print_task_records(console: Console, rows: list[dict[str, Any]],
                       every_task: bool = False) -> None:
    """The ``tasks`` command's rows (task records of stored plans): a row per task, or
    above :data:`TASKS_SHOWN` (unless ``every_task``) a row of counts per plan."""
    if len(rows) > TASKS_SHOWN and not every_task:
        groups: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(row["plan"], []).append(row)
        console.print(_counts_table(f"{len(rows)} tasks in {len(groups)} plans", groups,
                                    "plan", lambda row: row["lead"]))
        console.print(MORE_HINT)
        return
    table = Table("plan", "task", "text", "lead", "support", "deadline", "lines")
    for row in rows:
        src = row["source"]
        text = row["text"] if len(row["text"]) <= 100 else row["text"][:99] + "…"
        table.add_row(row["plan"], row["number"], text, "; ".join(row["lead"]),
                      "; ".join(row["support"]), row["deadline"] or "",
                      f"{src['line_start']}-{src['line_end']}")
    console.print(table)

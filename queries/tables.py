"""Answers as flat rows, for CSV files and spreadsheets.

Each answer becomes a header and one row per item (a task, a unit's count, a pair of
duties …), the columns named as in the ``--json`` output. Lists of names are joined by
``"; "``; a path by ``" → "``. Counts split by plan, directive or deadline come in long
form (one row per unit and key), which a pivot table turns into any cross-tab.

For Excel (``excel=True``) the text starts with a byte-order mark, without which Excel
reads the file in the machine's legacy code page and garbles the Vietnamese, and a cell
that Excel would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return: plan text comes from documents off the web) gets an apostrophe first.

>>> rows = [{"unit": "Sở Y tế", "lead": 3}]
>>> print(to_csv(Table(("unit", "lead"), rows)), end="")
unit,lead
Sở Y tế,3
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from policykg.queries.compare import Comparison
from policykg.queries.due import DueReport
from policykg.queries.lineage import DocHit, TaskHit
from policykg.queries.overlaps import OverlapReport, OverlapTask
from policykg.queries.render import path_text
from policykg.queries.search import SearchHit
from policykg.queries.workload import WorkloadRow

__all__ = [
    "BOM", "Table", "comparison_table", "documents_table", "due_table", "overlaps_table",
    "plans_table", "search_table", "stems_table", "task_records_table", "to_csv",
    "workload_table",
]

# Excel opens a CSV file as UTF-8 (and shows Vietnamese) only when it starts with this.
BOM = "\ufeff"
JOIN = "; "


@dataclass
class Table:
    """A header and rows (mappings from column name to value; missing columns are empty)."""

    columns: Sequence[str]
    rows: Iterable[Mapping[str, Any]]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return JOIN.join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _inert(text: str) -> str:
    """``text`` as Excel shows it but never runs it."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def to_csv(table: Table, *, excel: bool = False) -> str:
    """``table`` as CSV text (RFC 4180, ``\\n`` line ends); ``excel``: with :data:`BOM`
    first and formula-like cells made inert."""
    out = io.StringIO()
    if excel:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        cells = [_cell(row.get(name)) for name in table.columns]
        writer.writerow([_inert(c) for c in cells] if excel else cells)
    return out.getvalue()


# --- tasks ------------------------------------------------------------------------

_HIT_COLUMNS = ("depth", "path", "province", "plan", "number", "text", "lead", "support",
                "deadline", "file", "line_start", "line_end", "task", "plan_id",
                "lead_ids", "support_ids")


def _hit_row(hit: TaskHit) -> dict[str, Any]:
    return {"depth": hit.depth, "path": path_text(hit), "province": hit.province_name,
            "plan": hit.plan_label, "number": hit.number, "text": hit.text,
            "lead": hit.lead, "support": hit.support, "deadline": hit.deadline,
            "file": hit.file, "line_start": hit.line_start, "line_end": hit.line_end,
            "task": hit.task, "plan_id": hit.plan, "lead_ids": hit.lead_ids,
            "support_ids": hit.support_ids}


def stems_table(directive: str, hits: Iterable[TaskHit]) -> Table:
    """``stems-from``: a row per task, with the directive and the path of documents."""
    return Table(("directive", *_HIT_COLUMNS),
                 ({"directive": directive, **_hit_row(hit)} for hit in hits))


def documents_table(directive: str, docs: Iterable[DocHit], *, asked: str = "directive"
                    ) -> Table:
    """``stems-from --plans`` (a row per downstream document) and ``basis`` (a row per
    document above the task or plan; ``asked="node"`` names the first column)."""
    columns = (asked, "depth", "path", "label", "kind", "province", "title", "tasks",
               "is_root", "id")
    return Table(columns, ({asked: directive, "depth": d.depth, "path": path_text(d),
                            "label": d.label, "kind": d.kind, "province": d.province_name,
                            "title": d.title, "tasks": d.tasks, "is_root": d.is_root,
                            "id": d.id} for d in docs))


def due_table(report: DueReport) -> Table:
    """``due``: a row per task, ``section`` saying dated, yearly or ongoing."""
    def rows() -> Iterable[dict[str, Any]]:
        for section in ("dated", "yearly", "ongoing"):
            for hit in getattr(report, section):
                yield {"period": report.period, "section": section, **_hit_row(hit)}
    return Table(("period", "section", *_HIT_COLUMNS), rows())


def task_records_table(records: Iterable[Mapping[str, Any]]) -> Table:
    """``tasks``: a row per task record (:func:`policykg.graph.store.task_records`)."""
    columns = ("plan", "number", "section", "group", "text", "lead", "support", "deadline",
               "outputs", "targets", "file", "line_start", "line_end", "id", "parent")

    def row(record: Mapping[str, Any]) -> dict[str, Any]:
        source = record.get("source") or {}
        return {**record, "file": source.get("file"), "line_start": source.get("line_start"),
                "line_end": source.get("line_end")}
    return Table(columns, (row(r) for r in records))


def plans_table(records: Iterable[Mapping[str, Any]]) -> Table:
    """``plans``: a row per plan record (:func:`policykg.graph.store.plan_record`)."""
    columns = ("number", "date", "province", "current_province", "issuer", "title", "tasks",
               "references", "signer", "file", "id", "node")

    def row(record: Mapping[str, Any]) -> dict[str, Any]:
        keys = [ref.get("key") or ref.get("subject") or "" for ref in record["references"]]
        return {**record, "references": keys}
    return Table(columns, (row(r) for r in records))


# --- units ------------------------------------------------------------------------


def workload_table(rows: Iterable[WorkloadRow]) -> Table:
    """``workload`` in long form: per unit a ``total`` row, then a row per plan, directive
    and deadline bucket (``split`` and ``key``), each with its lead and support counts."""
    columns = ("province", "unit", "kind", "category", "split", "key", "lead", "support",
               "unit_id")

    def lines() -> Iterable[dict[str, Any]]:
        for row in rows:
            head = {"province": row.province, "unit": row.unit, "kind": row.kind,
                    "category": row.category, "unit_id": row.unit_id}
            yield {**head, "split": "total", "key": "", "lead": row.lead,
                   "support": row.support}
            for split, counts in (("deadline", row.by_deadline), ("plan", row.by_plan),
                                  ("directive", row.by_directive)):
                for key, both in counts.items():
                    yield {**head, "split": split, "key": key, **both}
    return Table(columns, lines())


# --- pairs, hits and sides ----------------------------------------------------------


def _side(prefix: str, task: OverlapTask) -> dict[str, Any]:
    return {f"{prefix}_{name}": value for name, value in (
        ("province", task.province_name), ("plan", task.plan_label), ("number", task.number),
        ("text", task.text), ("lead", task.lead), ("task", task.task))}


def overlaps_table(report: OverlapReport) -> Table:
    """``overlaps``: a row per pair of duties, each side's plan, text and lead."""
    sides = [f"{p}_{n}" for p in "ab" for n in ("province", "plan", "number", "text", "lead",
                                                "task")]
    return Table(("score", "terms", "topics", *sides),
                 ({"score": pair.score, "terms": pair.terms, "topics": pair.topics,
                   **_side("a", pair.a), **_side("b", pair.b)} for pair in report.pairs))


def search_table(hits: Iterable[SearchHit]) -> Table:
    """``search``: a row per hit."""
    return Table(("score", "kind", "label", "province", "snippet", "id"),
                 (vars(hit) for hit in hits))


def comparison_table(result: Comparison) -> Table:
    """``compare``: a row per measure (``tasks``, each directive, each topic, each topic's
    leading unit kind) and a column per side."""
    names: list[str] = []
    for side in result.sides:  # a side asked twice gets a column of its own
        names.append(side.name if side.name not in names else f"{side.name} ({len(names) + 1})")

    def row(section: str, item: str, values: Iterable[Any]) -> dict[str, Any]:
        return {"section": section, "item": item, **dict(zip(names, values, strict=True))}

    def rows() -> Iterable[dict[str, Any]]:
        yield row("plans", "", (len(side.plans) for side in result.sides))
        yield row("tasks", "", (side.tasks for side in result.sides))
        directives = sorted({d for side in result.sides for d in side.directives})
        for directive in directives:
            yield row("directive", directive,
                      (int(directive in side.directives) for side in result.sides))
        for topic in result.topics:
            yield row("topic", topic, (side.topics.get(topic, 0) for side in result.sides))
        for topic in result.topics:
            yield row("topic lead", topic,
                      (result.leading_kind(side, topic) for side in result.sides))
    return Table(("section", "item", *names), rows())

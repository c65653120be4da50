"""What falls due in a period: ``2025``, ``2025-Q3``, ``2025-06``.

A task is due in the period when its deadline (a date, or a span of years)
overlaps it. Recurring duties ("Hàng năm", "Định kỳ 6 tháng") and ongoing ones
("Thường xuyên") are listed apart: every period carries them, except that one
due in a part of the year ("Quý I hằng năm", read as ``--03``) falls in the
periods holding that month (every six months from it when half-yearly).

Asked of a store, the tasks are read from its task rows (only the plans of the
provinces asked for, when a province is given); no plan block is decoded.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from policykg.graph.build import gc_paused
from policykg.graph.taskrows import task_order as order_of_task
from policykg.ontology.schema import Kind
from policykg.queries.common import (
    Graph,
    Source,
    deadline_info,
    doc_label,
    in_provinces,
    label,
    nodes_of,
    on_one_skeleton,
    task_order,
    task_plan,
)
from policykg.queries.lineage import (
    TaskHit,
    _Places,
    _province_set,
    _unit_set,
    chosen_plans,
    plans_in_places,
    task_hit,
)

__all__ = ["DueReport", "Period", "due", "parse_period"]


@dataclass(frozen=True)
class Period:
    """A closed range of days with the text it was read from."""

    text: str
    start: date
    end: date


_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_period(text: str) -> Period:
    """``2025`` → the year, ``2025-Q3`` → July–September, ``2025-06`` → June."""
    raw = (text or "").strip()
    if m := _YEAR.match(raw):
        year = int(m.group(1))
        return Period(raw, date(year, 1, 1), date(year, 12, 31))
    if m := _QUARTER.match(raw):
        year, quarter = int(m.group(1)), int(m.group(2))
        first = 3 * quarter - 2
        last = first + 2
        return Period(raw, date(year, first, 1),
                      date(year, last, calendar.monthrange(year, last)[1]))
    if (m := _MONTH.match(raw)) and 1 <= int(m.group(2)) <= 12:
        year, month = int(m.group(1)), int(m.group(2))
        return Period(raw, date(year, month, 1),
                      date(year, month, calendar.monthrange(year, month)[1]))
    raise ValueError(f"cannot read period {raw!r}: write 2025, 2025-Q3 or 2025-06")


def _date_range(iso: str) -> tuple[date, date] | None:
    """The days an ISO date covers: ``2025-06-30``, ``2025-06`` or ``2025``."""
    parts = [int(p) for p in re.findall(r"\d+", str(iso))[:3]]
    try:
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            year, month = parts
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


@dataclass
class DueReport:
    """Tasks due in ``period``, and the recurring and ongoing ones listed apart."""

    period: str
    start: str
    end: str
    dated: list[TaskHit] = field(default_factory=list)
    yearly: list[TaskHit] = field(default_factory=list)
    ongoing: list[TaskHit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("dated", "yearly", "ongoing"):
            data[key] = [h.to_dict() for h in getattr(self, key)]
        return data


def due(g: Source, period: str, province: str | None = None, unit: str | None = None,
        directive: str | None = None, plans: str | Sequence[str] | None = None) -> DueReport:
    """Tasks whose deadline falls in ``period``; yearly and ongoing duties apart.

    A span deadline ("Dự kiến 2024-2026") falls in every period it overlaps; an
    open one ("Bắt đầu từ năm 2025") in every period from its start. A
    recurring duty counts unless it starts after the period. ``directive`` keeps the
    tasks stemming from it at any depth, ``plans`` those plans' tasks. ``g`` is the
    graph or a store (its task rows are then read).

    >>> report = due(store, "2026-Q4", province="quang ninh", directive="nq 57")  # doctest: +SKIP
    >>> [h.plan_label for h in report.dated][:1]  # doctest: +SKIP
    ['245/KH-SKHCN (2025)']
    """
    if not isinstance(g, nx.Graph) and hasattr(g, "task_rows"):
        return _due_rows(g, period, province, unit, directive, plans)
    span = parse_period(period)
    provinces = _province_set(g, province)
    units = _unit_set(g, unit, province)
    kept = chosen_plans(g, directive, plans, province)
    report = DueReport(span.text, span.start.isoformat(), span.end.isoformat())
    for task in sorted(nodes_of(g, Kind.TASK), key=lambda t: task_order(g, t)):
        if not in_provinces(g, task, provinces):
            continue
        if kept is not None and task_plan(g, task) not in kept:
            continue
        bucket = _bucket(deadline_info(g, task), span)
        if bucket is None:
            continue
        plan = task_plan(g, task) or task
        hit = task_hit(g, task, plan, [])
        if units and not units & set(hit.lead_ids + hit.support_ids):
            continue
        getattr(report, bucket).append(hit)
    return report


@gc_paused()
def _due_rows(store: Any, period: str, province: str | None, unit: str | None,
              directive: str | None, plans: str | Sequence[str] | None) -> DueReport:
    """:func:`due` read from a store's task rows (with the skeleton for names and places)."""
    span = parse_period(period)

    def read(g: Graph) -> tuple[Any, ...]:
        provinces = _province_set(g, province)
        places = _Places(g, provinces)
        asked = sorted(plans_in_places(store, g, places)) if provinces \
            else list(nodes_of(g, Kind.PLAN))
        kept = chosen_plans(g, directive, plans, province)
        if kept is not None:
            asked = [plan for plan in asked if plan in kept]
        return _unit_set(g, unit, province), places, store.task_rows(
            asked, full=False, year=span.start.year)  # a period lies in one year

    done = on_one_skeleton(store, read)
    if done is None:
        return due(store.graph(), period, province, unit, directive, plans)
    g, (units, places, rows) = done
    report = DueReport(span.text, span.start.isoformat(), span.end.isoformat())
    found: list[tuple[tuple[Any, ...], str, TaskHit]] = []
    labels: dict[str, str] = {}
    for plan, plan_rows in rows.items():
        plan_label, own = doc_label(g, plan), places.of_plan(plan)
        for row in plan_rows:
            place = places.of_value(row.province) if row.province else own
            if not place[2]:
                continue
            bucket = _bucket({"text": row.deadline, "start": row.start, "end": row.end,
                              "date": row.date, "recurrence": row.recurrence}, span)
            if bucket is None:
                continue
            if units and not (units.intersection(row.lead) or units.intersection(row.support)):
                continue
            for node in (*row.lead, *row.support):
                if node not in labels:
                    labels[node] = label(g, node)
            hit = TaskHit(row.task, str(row.number or ""), str(row.text or ""), plan,
                          plan_label, place[0], place[1], [labels[u] for u in row.lead],
                          [labels[u] for u in row.support], list(row.lead), list(row.support),
                          row.deadline, 0, [], row.file, row.line_start, row.line_end)
            order = order_of_task(row.task, {"file": row.file, "line_start": row.line_start,
                                             "number": row.number})
            found.append((order, bucket, hit))
    found.sort(key=lambda item: item[0])
    for _order, bucket, hit in found:
        getattr(report, bucket).append(hit)
    return report


# Months between two times a recurring duty falls due.
_MONTHS_APART = {"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}


def _recurs_in(recurrence: str, iso: str | None, span: Period) -> bool:
    """Whether a duty recurring every :data:`_MONTHS_APART` months from the month of its
    partial date (``--03`` for "Quý I hằng năm", ``--12-15``) falls due in ``span``. One
    without such a date falls due in every period, as does an ongoing one."""
    every = _MONTHS_APART.get(recurrence)
    if every is None or not iso or not str(iso).startswith("--") or not str(iso)[2:4].isdigit():
        return True
    month = int(str(iso)[2:4])
    first = span.start.month
    last = span.end.month if span.end.year == span.start.year else 12
    return any((m - month) % every == 0 for m in range(first, last + 1))


def _bucket(info: dict[str, Any], span: Period) -> str | None:
    recurrence = info["recurrence"]
    if recurrence:
        if info["start"] and info["start"] > span.end.year:
            return None
        if info["end"] and info["end"] < span.start.year:
            return None
        if not _recurs_in(recurrence, info["date"], span):
            return None
        return "ongoing" if recurrence == "ongoing" else "yearly"
    if info["date"]:
        covered = _date_range(info["date"])
        if covered and covered[0] <= span.end and covered[1] >= span.start:
            return "dated"
        return None
    start, end = info["start"], info["end"]
    if start is None and end is None:
        return None
    first = start if start is not None else end
    last = end if end is not None else 9999
    if first <= span.end.year and last >= span.start.year:
        return "dated"
    return None

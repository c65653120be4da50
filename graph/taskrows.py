"""One flat row per task, and one per (unit, task), read from a plan's graph block.

A question over thousands of plans ("what stems from 36-NQ/TW in Gia Lai?", "what
does this province's every unit carry?") should cost what it returns, not what
decoding those plans' graph blocks costs. So the store keeps, beside each plan's
block, the few facts of each task these questions show (:class:`TaskRow`) and each
unit's role in each task (:class:`RoleRow`), as indexed SQLite rows. Both are read
from the block itself, with the graph's own rules (reading order, lead before
support, the deadline bucket, the chain of links from the plan down to the task),
so an answer read from rows equals the answer read from the graph.

>>> nodes = [["task:p#1", {"kind": "Task", "number": "1", "text": "Làm A",
...            "file": "f.txt", "line_start": 3, "line_end": 3, "quote": "1. Làm A",
...            "deadline_recurrence": "yearly"}]]
>>> edges = [["p", "task:p#1", "HAS_TASK", {"rel": "HAS_TASK", "file": "f.txt",
...            "line_start": 3, "line_end": 3, "quote": "1. Làm A"}],
...          ["task:p#1", "unit:x", "LED_BY", {"rel": "LED_BY"}]]
>>> plan, tasks, roles = block_rows(nodes, edges)
>>> plan, tasks[0].task, tasks[0].bucket, tasks[0].chain, roles
('p', 'task:p#1', 'yearly', None, [RoleRow(unit='unit:x', bucket='yearly', lead=1, task='1')])
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar, overload

from policykg.ontology.schema import Kind, Rel

__all__ = ["LineageRow", "MadeOnRead", "NO_QUOTE", "PackedTaskIds", "TaskRow", "RoleRow",
           "block_rows", "bucket_of", "chain_links", "chain_tasks", "int_or_none", "local_id",
           "quote_of", "reachable", "stored_quote", "task_order"]

_TASK = Kind.TASK.value
_HAS_TASK, _HAS_SUBTASK = Rel.HAS_TASK.value, Rel.HAS_SUBTASK.value
_LED_BY, _SUPPORTED_BY = Rel.LED_BY.value, Rel.SUPPORTED_BY.value
_IN_PROVINCE = Rel.IN_PROVINCE.value
_ABOUT = Rel.ABOUT.value
UNIT_SEPARATOR = "\x1f"  # between unit ids in a row's ``lead`` and ``support``
NO_QUOTE = "\x1e"  # a stored ``quote`` saying the task has none (NULL: it is the text)


def stored_quote(quote: str | None, text: str | None) -> str | None:
    """A task's ``quote`` as the store keeps it: None when it is the text, NO_QUOTE when
    the task has none (most quotes are the text: it is not written twice)."""
    return None if quote == text else NO_QUOTE if quote is None else quote


def quote_of(stored: str | None, text: str | None) -> str | None:
    """A task's ``quote`` from the form :func:`stored_quote` keeps."""
    return text if stored is None else None if stored == NO_QUOTE else stored


# A task as :meth:`policykg.graph.store.Store.lineage_rows` reads it: (plan, seq, task,
# number, text, province, deadline, file, line_start, line_end, quote, name, lead, support,
# chain), the columns of :class:`TaskRow` of those names, but ``quote`` as stored (None: the
# text; NO_QUOTE: none) and ``lead`` and ``support`` joined by UNIT_SEPARATOR.
LineageRow = tuple[Any, ...]
T = TypeVar("T")


class MadeOnRead(Sequence[T]):
    """A read-only sequence whose items are made when first read (:meth:`_all` makes
    them all): it equals a list of the same items, and adds to lists as one does. An
    answer that runs to hundreds of thousands of items knows how many it holds without
    making them, so its reader pays for what it reads."""

    __slots__ = ()

    def _all(self) -> list[T]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MadeOnRead | list | tuple):
            return len(self) == len(other) and self._all() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, so unhashable like one

    def __add__(self, other: Iterable[T]) -> list[T]:
        return [*self._all(), *other]

    def __radd__(self, other: Iterable[T]) -> list[T]:
        return [*other, *self._all()]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._all()!r})"


class PackedTaskIds(MadeOnRead[str]):
    """Task ids, sorted, kept as the store packs them (each plan's name and its tasks'
    local ids joined by UNIT_SEPARATOR) and spelled out the first time they are read.

    A province's workload counts hundreds of thousands of task ids and its table shows
    only how many there are: their number is known without spelling them out, and
    answering costs what is shown. Reading, iterating or comparing the sequence gives
    the ids; it equals a list of the same ids.

    >>> ids = PackedTaskIds([("doc:p", "2\x1f10"), ("doc:a", "1")])
    >>> len(ids), ids == ["task:doc:a#1", "task:doc:p#10", "task:doc:p#2"], ids[0]
    (3, True, 'task:doc:a#1')
    """

    __slots__ = ("_parts", "_count", "_ids")

    def __init__(self, parts: Iterable[tuple[str, str]] | Callable[[], Iterable[tuple[
                 str, str]]] = (), count: int | None = None) -> None:
        """``parts``: ``(plan node id, local ids joined by UNIT_SEPARATOR)``, or what
        gives them when the ids are first read; ``count``: how many ids they hold, when
        the caller has counted them already (it must, when ``parts`` is given later)."""
        if callable(parts):
            if count is None:
                raise TypeError("ids given later need their count now")
            self._parts: list[tuple[str, str]] | Callable[[], Iterable[tuple[str, str]]] = parts
        else:
            self._parts = listed = list(parts)
            if count is None:
                count = sum(packed.count(UNIT_SEPARATOR) + 1 for _, packed in listed)
        self._count = count
        self._ids: list[str] | None = None

    @classmethod
    def of_groups(cls, groups: list[tuple[int, int, int, str]], plan_names: dict[int, str],
                  leads: bool, count: int) -> PackedTaskIds:
        """The ``count`` ids of the ``(unit number, plan number, leads, local ids)`` groups
        of a store's :class:`~policykg.graph.store.UnitRoles` in one role, plans named by
        ``plan_names``; the groups are only looked at when the ids are read."""
        def parts() -> list[tuple[str, str]]:
            return [(plan_names[number], packed) for _, number, lead, packed in groups
                    if bool(lead) == leads and number in plan_names]
        return cls(parts, count)

    def _all(self) -> list[str]:
        if self._ids is None:
            sep = UNIT_SEPARATOR
            ids: list[str] = []
            parts = self._parts() if callable(self._parts) else self._parts
            for plan, packed in parts:
                ids.extend(f"task:{plan}#{packed}".replace(sep, f"{sep}task:{plan}#")
                           .split(sep))
            ids.sort()
            self._ids = ids
        return self._ids

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        return self._all()[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __contains__(self, value: object) -> bool:
        return value in self._all()



class TaskRow(NamedTuple):
    """A task as the store's ``task_rows`` table keeps it.

    ``topics`` are the sorted topic ids the task is ``ABOUT``; ``targets`` its
    ``targets`` attribute as the graph holds it (None when it has none).
    ``province`` is the task's own province attribute (or its ``IN_PROVINCE``
    target), None when it takes its plan's; ``name`` is how a path names the task
    ("task 2.1"); ``lead`` and ``support`` are sorted unit ids (a unit both leading
    and supporting only leads). ``chain`` is how the path runs from the plan down to
    the task: None for one ``HAS_TASK`` link read from the task's own lines; for a
    sub-task whose every link was read from its lower task's lines, the ids of the
    tasks above it, top first (:func:`chain_tasks`); else the links as JSON
    (:func:`chain_links`). ``start``, ``end``, ``date`` and ``recurrence`` are the
    deadline's first and last years, its date and its recurrence, as the graph holds them
    (what falls due in a period is read from them).
    """

    seq: int
    task: str
    number: str | None
    text: str | None
    province: str | None
    deadline: str | None
    bucket: str
    file: str | None
    line_start: int | None
    line_end: int | None
    quote: str | None
    name: str
    lead: tuple[str, ...]
    support: tuple[str, ...]
    chain: str | None
    topics: tuple[str, ...] = ()
    targets: list[Any] | None = None
    start: int | None = None
    end: int | None = None
    date: str | None = None
    recurrence: str | None = None


class RoleRow(NamedTuple):
    """One unit's part in one task: ``lead`` 1 (chủ trì) or 0 (phối hợp); ``task`` is
    the task's id within its plan (see :func:`local_id`)."""

    unit: str
    bucket: str
    lead: int
    task: str


def local_id(plan: str, task: str) -> str:
    """The part of a task node id after ``task:<plan node id>#``."""
    return task[len(plan) + 6:]


def int_or_none(value: Any) -> int | None:
    """An attribute read as a whole number, None when empty or not one."""
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def bucket_of(attrs: dict[str, Any]) -> str:
    """A task's deadline bucket, from its attributes: ``ongoing``, ``yearly`` (or another
    recurrence), a year such as ``2024``, or ``none``."""
    recurrence = attrs.get("deadline_recurrence")
    if recurrence:
        return str(recurrence)
    if attrs.get("deadline_date"):
        return str(attrs["deadline_date"])[:4]
    year = int_or_none(attrs.get("deadline_end")) or int_or_none(attrs.get("deadline_start"))
    return str(year) if year else "none"


def _number_key(number: Any) -> tuple[int, ...]:
    parts = [p for p in str(number or "").replace(":", ".").split(".") if p.strip().isdigit()]
    return tuple(int(p) for p in parts)


def reachable(starts: Iterable[str], children: Callable[[str], Iterable[str]]) -> list[str]:
    """``starts`` and everything below them through ``children``, each once (depth first):
    a plan's tasks from its top-level ones, sub-tasks included, even in a cycle."""
    found: list[str] = []
    seen: set[str] = set()
    stack = list(starts)
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        found.append(node)
        stack.extend(children(node))
    return found


def task_order(task: str, attrs: dict[str, Any]) -> tuple[Any, ...]:
    """Where a task comes in reading order: file, first line, number, id."""
    return (attrs.get("file") or "", attrs.get("line_start") or 0,
            _number_key(attrs.get("number")), task)


def _name(task: str, attrs: dict[str, Any]) -> str:
    number = attrs.get("number")
    if number:
        return f"task {number}"
    return str(attrs.get("label") or attrs.get("name") or attrs.get("key") or task)


def _link(upstream: str, up_name: str | None, downstream: str, down_name: str,
          data: dict[str, Any] | None, relation: str) -> list[Any]:
    data = data or {}
    return [upstream, up_name, downstream, down_name, str(data.get("rel") or relation),
            data.get("quote"), data.get("file"), data.get("line_start"), data.get("line_end")]


def chain_tasks(chain: str) -> list[str] | None:
    """The tasks above a sub-task, top first, when ``chain`` names them (each link
    then has its lower task's lines as evidence); None when it holds links."""
    return None if chain.startswith("[") else chain.split(UNIT_SEPARATOR)


def chain_links(chain: str) -> list[list[Any]]:
    """The links of a chain stored as JSON, plan first: ``[upstream, upstream name
    (None for the plan), downstream, downstream name, relation, quote, file,
    line_start, line_end]``."""
    return json.loads(chain)


def block_rows(nodes: Iterable[list[Any]], edges: Iterable[list[Any]]
               ) -> tuple[str | None, list[TaskRow], list[RoleRow]]:
    """(plan node id, task rows in reading order, role rows) of one plan's block.

    Only tasks reachable from the plan (``HAS_TASK``, then ``HAS_SUBTASK``) count,
    as in the graph's questions; a block without tasks gives ``(None, [], [])``.
    """
    tasks: dict[str, dict[str, Any]] = {}
    for node, attrs in nodes:
        if attrs.get("kind") == _TASK:
            tasks[node] = attrs
    down: dict[str, list[str]] = {}
    parents: dict[str, str] = {}  # a task's first HAS_SUBTASK parent, as the graph finds it
    edge_data: dict[tuple[str, str, str], dict[str, Any]] = {}
    lead: dict[str, set[str]] = {}
    support: dict[str, set[str]] = {}
    placed: dict[str, str] = {}
    about: dict[str, set[str]] = {}
    plan: str | None = None
    for u, v, _key, data in edges:
        rel = data.get("rel")
        if rel == _HAS_TASK and u not in tasks:
            plan = plan or u
            down.setdefault(u, []).append(v)
        elif rel == _HAS_SUBTASK:
            down.setdefault(u, []).append(v)
            parents.setdefault(v, u)
        elif rel == _LED_BY:
            lead.setdefault(u, set()).add(v)
            continue
        elif rel == _SUPPORTED_BY:
            support.setdefault(u, set()).add(v)
            continue
        elif rel == _IN_PROVINCE:
            placed.setdefault(u, v)
            continue
        elif rel == _ABOUT:
            about.setdefault(u, set()).add(v)
            continue
        else:
            continue
        edge_data.setdefault((u, v, rel), data)
    if plan is None:
        return None, [], []
    reached = reachable(down.get(plan, ()), lambda task: down.get(task, ()))
    seen = set(reached)

    reached.sort(key=lambda task: task_order(task, tasks.get(task) or {}))
    rows: list[TaskRow] = []
    roles: list[RoleRow] = []
    for seq, task in enumerate(reached):
        data = tasks.get(task) or {}
        leads = sorted(lead.get(task, ()))
        supports = sorted(support.get(task, set()).difference(leads))
        bucket = bucket_of(data)
        province = data.get("province") or placed.get(task)
        rows.append(TaskRow(
            seq, task, data.get("number"), data.get("text"),
            str(province) if province else None, data.get("deadline"), bucket,
            data.get("file"), data.get("line_start"), data.get("line_end"), data.get("quote"),
            _name(task, data), tuple(leads), tuple(supports),
            _chain(plan, task, tasks, parents, edge_data, seen),
            tuple(sorted(about.get(task, ()))), data.get("targets") or None,
            int_or_none(data.get("deadline_start")), int_or_none(data.get("deadline_end")),
            data.get("deadline_date"), data.get("deadline_recurrence")))
        local = local_id(plan, task) if task.startswith(f"task:{plan}#") else task
        roles.extend(RoleRow(unit, bucket, 1, local) for unit in leads)
        roles.extend(RoleRow(unit, bucket, 0, local) for unit in supports)
    return plan, rows, roles


def _chain(plan: str, task: str, tasks: dict[str, dict[str, Any]], parents: dict[str, str],
           edge_data: dict[tuple[str, str, str], dict[str, Any]], reached: set[str]
           ) -> str | None:
    """The links ``plan → task → … → task`` as JSON, or None for the common case of one
    ``HAS_TASK`` link whose evidence is the task's own (rebuilt from the row)."""
    links: list[list[Any]] = []
    node, seen = task, set()
    while node != plan and node not in seen:
        seen.add(node)
        parent = parents.get(node)
        rel = _HAS_SUBTASK
        if parent is None:
            parent, rel = plan, _HAS_TASK
        up_name = None if parent == plan else _name(parent, tasks.get(parent) or {})
        links.insert(0, _link(parent, up_name, node, _name(node, tasks.get(node) or {}),
                              edge_data.get((parent, node, rel)), rel))
        node = parent
    if all(_own_evidence(link, tasks.get(link[2]) or {}) and link[2] in reached
           and link[4] == (_HAS_TASK if i == 0 else _HAS_SUBTASK)
           for i, link in enumerate(links)):
        return UNIT_SEPARATOR.join(link[2] for link in links[:-1]) or None
    return json.dumps(links, ensure_ascii=False, separators=(",", ":"))


def _own_evidence(link: list[Any], lower: dict[str, Any]) -> bool:
    """Whether ``link`` was read from the lines of its lower task, with its name."""
    return link[3] == _name(link[2], lower) and link[5:] == [
        lower.get("quote"), lower.get("file"), lower.get("line_start"), lower.get("line_end")]

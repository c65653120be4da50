"""Tasks and their units, in every layout plans use."""

from __future__ import annotations

from policykg.loaders.model import Line, Plan, Task, Unit


def read_tasks(lines: list[Line], plan: Plan) -> tuple[list[Task], list[Unit]]:
    """The plan's tasks (with units, deadlines, outputs) and its resolved units."""
    return [], []

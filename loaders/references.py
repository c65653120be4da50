"""References to other documents and the implements-chains between them."""

from __future__ import annotations

from policykg.loaders.model import DocLink, DocRef, Line, Plan


def read_references(lines: list[Line], plan: Plan) -> tuple[list[DocRef], list[DocLink]]:
    """Every document the plan cites, with its relation, and the links between them."""
    return [], []

"""Reading a fixture plan the way the layout tests check it: parsed from text, tasks found
by their words, units compared without diacritics, and one reading whatever the Unicode
form or tone placement."""

from __future__ import annotations

import unicodedata

from policykg.loaders.model import Plan, SourceFile, Task
from policykg.loaders.parse import parse_text
from policykg.ontology.normalize import fold

# New tone placement → old ("hòa" → "hoà"), as older documents write it.
OLD_TONES = (("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("ủy", "uỷ"), ("Ủy", "Uỷ"), ("ùy", "uỳ"))


def parse(text: str, name: str = "fixture.txt") -> Plan:
    return parse_text(text, SourceFile(path=name, sha256="", format="txt"))


def units_of(task: Task, role: str | None = None) -> set[str]:
    """The folded names of ``task``'s units (of ``role`` only, when given)."""
    return {fold(u.canonical) for u in task.units if role is None or u.role == role}


def find(plan: Plan, words: str) -> Task:
    """The one task whose text or steps contain ``words`` (compared without diacritics)."""
    hits = [t for t in plan.tasks if fold(words) in fold(" ".join([t.text, *t.steps]))]
    assert len(hits) == 1, f"{words!r}: {[(t.id, t.text[:60]) for t in hits]}"
    return hits[0]


def ref_keys(plan: Plan) -> set[str]:
    return {r.key for r in plan.references if r.key}


def relations(plan: Plan) -> dict[str, str]:
    """Each referenced document's key → how the plan relates to it."""
    return {r.key: r.relation for r in plan.references if r.key}


def reading(plan: Plan) -> list[tuple[str, frozenset[tuple[str, str]], str | None]]:
    """Each task's id, units with their roles, and deadline as written."""
    return [(t.id, frozenset((fold(u.canonical), u.role) for u in t.units),
             t.deadline.text if t.deadline else None) for t in plan.tasks]


def assert_same_reading_in_any_form(text: str) -> None:
    """``text`` reads the same in NFC and NFD, and with old tone placement the same tasks
    and units (a deadline's text keeps the spelling it was written in)."""
    text = unicodedata.normalize("NFC", text)
    old = text
    for new_form, old_form in OLD_TONES:
        old = old.replace(new_form, old_form)
    base = reading(parse(text))
    assert base and any(units for _, units, _ in base)
    assert reading(parse(unicodedata.normalize("NFD", text))) == base
    assert [(i, u) for i, u, _ in reading(parse(old))] == [(i, u) for i, u, _ in base]

# ruff: noqa: E501  (fixture lines are as long as real plans print them)
"""Reading a fixture plan the way the layout tests check it: parsed from text, tasks found
by their words, units compared without diacritics, and one reading whatever the Unicode
form or tone placement."""

from __future__ import annotations

import unicodedata

from policykg.loaders.model import Plan, SourceFile, Task, Unit
from policykg.loaders.parse import parse_text
from policykg.ontology.normalize import fold

# New tone placement → old ("hòa" → "hoà"), as older documents write it.
OLD_TONES = (("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("ủy", "uỷ"), ("Ủy", "Uỷ"), ("ùy", "uỳ"))


def parse(text: str, name: str = "fixture.txt") -> Plan:
    return parse_text(text, SourceFile(path=name, sha256="", format="txt"))


def units_of(task: Task, role: str | None = None) -> set[str]:
    """The folded names of ``task``'s units (of ``role`` only, when given)."""
    return {fold(u.canonical) for u in task.units if role is None or u.role == role}


def assert_units(task: Task, lead: set[str], support: set[str]) -> None:
    """``task`` is led by the units named ``lead`` and supported by those named ``support``
    (names compared folded)."""
    assert units_of(task, "lead") == {fold(n) for n in lead}, task.text
    assert units_of(task, "support") == {fold(n) for n in support}, task.text


def find(plan: Plan, words: str) -> Task:
    """The one task whose text or steps contain ``words`` (compared without diacritics)."""
    hits = [t for t in plan.tasks if fold(words) in fold(" ".join([t.text, *t.steps]))]
    assert len(hits) == 1, f"{words!r}: {[(t.id, t.text[:60]) for t in hits]}"
    return hits[0]


def roles(task: Task) -> tuple[set[str], set[str]]:
    """A task's lead and supporting units, folded."""
    return units_of(task, "lead"), units_of(task, "support")


def by_id(plan: Plan, tid: str | None) -> Task:
    """The one task of ``plan`` with id ``tid``."""
    hits = [t for t in plan.tasks if t.id == tid]
    assert len(hits) == 1, [t.id for t in plan.tasks]
    return hits[0]


def line_no(text: str, words: str) -> int:
    """The 1-based number of the line of ``text`` holding ``words``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if words in line)


def read_in(text: str, form: str) -> Plan:
    """``text`` parsed in Unicode form ``form`` ("NFC", "NFD")."""
    return parse(unicodedata.normalize(form, text))


def forms(text: str, name: str = "fixture.txt") -> list[Plan]:
    """``text`` parsed as written (NFC) and decomposed (NFD)."""
    return [parse(unicodedata.normalize(f, text), name) for f in ("NFC", "NFD")]


def unit_named(plan: Plan, name: str) -> Unit:
    """The one unit of ``plan`` called ``name`` (compared without diacritics)."""
    found = [u for u in plan.units if fold(u.name) == fold(name)]
    assert len(found) == 1, [u.name for u in plan.units]
    return found[0]


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


# A plan around a header under test: a title, an opening sentence (where citations go), two
# tasks and a signature, as the header-and-citation sweeps read them.
HEADER_BODY = """
KẾ HOẠCH
{title}

{opening}

I. NHIỆM VỤ
1. Phòng Quản lý khoa học chủ trì rà soát nhiệm vụ khoa học và công nghệ cấp tỉnh. Thời gian: Quý II/2026.
2. Văn phòng Sở chủ trì bảo đảm kinh phí thực hiện. Thời gian: năm 2026.

Nơi nhận:
- Như trên;
- Lưu: VT.
{signature}
"""
STATE_SIGNATURE = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLò Thị Mai"
PARTY_SIGNATURE = "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nHà Văn Thắng"


def header_plan(header: str, form: str, *,
                opening: str = "Căn cứ tình hình thực tế của đơn vị,",
                title: str = "Triển khai chuyển đổi số năm 2026",
                signature: str = STATE_SIGNATURE) -> Plan:
    """``header`` above :data:`HEADER_BODY`, read in Unicode ``form`` (NFC or NFD)."""
    text = header + "\n" + HEADER_BODY.format(title=title, opening=opening, signature=signature)
    return parse(unicodedata.normalize(form, text))


def nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text is not None else None


def refs_of(plan: Plan) -> dict:
    """A plan's numbered citations by their key (in NFC)."""
    return {nfc(r.key): r for r in plan.references if r.key}

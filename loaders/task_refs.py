"""Duties a plan gives by the numbers of its own tasks.

A unit's paragraph may name the plan's own tasks by their numbers ("Chủ trì thực hiện các
nhiệm vụ tại mục 1, 2 phần II Kế hoạch này; phối hợp thực hiện nhiệm vụ tại điểm a khoản 3 Mục
II", "nhiệm vụ số 3 tại Phụ lục I"): those tasks, and the parts under them without a lead of
their own, take the unit in the role the words before the reference give, quoted from the
paragraph's line. A number is matched within the section named (or named before it in the
paragraph, or else the one other section holding that number); a reference into another
document, or one that only oversees ("theo dõi, đôn đốc …"), assigns nothing. A task with a
lead of its own keeps it beside the one the paragraph names.

The pass runs once the outline is read (:func:`policykg.loaders.tasks.read_tasks`) and adds
units to tasks already read; it never adds or removes a task.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Protocol

from policykg.loaders.charmap import char_fold
from policykg.loaders.model import Line, Role, Span, Task
from policykg.loaders.units import leading_subject, looks_like_unit, split_units, unit_identity
from policykg.ontology.normalize import fold, nfc

__all__ = ["TaskReader", "appendix_section", "assign_by_number"]


class TaskReader(Protocol):
    """What the pass needs of the tasks reader: the tasks read, and how it adds a unit to a
    task and quotes a line."""

    tasks: list[Task]

    def add_unit(self, task: Task, name: str, role: Role, line: Line) -> None: ...

    def span(self, lines: list[Line], text: str) -> Span: ...


# "Sở Tài chính: Chủ trì thực hiện nhiệm vụ tại điểm a, b khoản 2 Mục II Kế hoạch này; phối hợp
# thực hiện nhiệm vụ tại mục 3." The words are folded; each level word says what its numbers
# are: a section of the plan (Roman), an appendix, a numbered item or a lettered point.
_REF_LEVELS: tuple[tuple[str, str], ...] = (
    ("phu luc", "appendix"),
    ("phan", "section"),
    ("tieu muc", "item"),
    ("muc", "item"),  # "Mục II" is a section: its number decides (see _level_of)
    ("khoan", "item"),
    ("nhiem vu so", "item"),
    ("noi dung so", "item"),
    ("nhiem vu thu", "item"),
    ("tu so", "item"),  # "các nhiệm vụ từ số 2 đến số 4"
    ("stt", "item"),
    ("diem", "letter"),
)
# Words that may stand between the levels of one reference ("điểm a khoản 2 của Mục II").
_REF_JOINERS = ("cua", "tai", "thuoc", "o")
# The words that give a role: the first of them since the reference before, in its clause.
_REF_ROLES: tuple[tuple[str, Role], ...] = (
    ("chu tri", "lead"),
    ("phoi hop", "support"),
    ("tham gia", "participate"),
)
# Words of overseeing others' work: with no role word, a reference after them ("theo dõi, đôn
# đốc việc thực hiện nhiệm vụ tại mục 2") gives no duty of its own.
_REF_OVERSEES = re.compile(r"\b(?:theo doi|don doc|kiem tra|giam sat|tong hop|huong dan|bao cao)\b")
# Words after a reference that name another document than this plan ("Kế hoạch này" is not one).
_OTHER_DOCUMENT = ("ke hoach so", "nghi quyet", "quyet dinh", "chi thi", "thong tu", "nghi dinh",
                   "ket luan", "chuong trinh so", "de an so", "cong van", "huong dan", "luat",
                   "thong bao", "van ban so", "ke hoach cua", "ke hoach thuc hien", "dieu",
                   "chuong")
_NUMERAL = r"(?:\d{1,2}(?:\.\d{1,2}){0,2}|[ivxl]{1,5}|[a-z])(?![\w/])"
_NUMERALS = rf"{_NUMERAL}(?:\s*(?:,|\bva\b|\bden(?:\s+so)?\b|-|–)\s*{_NUMERAL})*"
_LEVEL_WORD = "|".join(w.replace(" ", r"\s+")
                       for w, _ in sorted(_REF_LEVELS, key=lambda p: -len(p[0])))
_ONE_LEVEL = re.compile(rf"\b(?P<word>{_LEVEL_WORD})\s+(?P<nums>{_NUMERALS})(?!\w)")
_REF_CHAIN = re.compile(rf"\b(?:cac\s+)?(?:{_LEVEL_WORD})\s+{_NUMERALS}(?!\w)"
                        rf"(?:\s*,?\s*(?:(?:{'|'.join(_REF_JOINERS)})\s+)?(?:{_LEVEL_WORD})\s+{_NUMERAL}(?!\w))*")
_NUMERAL_SPLIT = re.compile(r"\s*(?:,|;|\bva\b)\s*")
_RANGE_CUT = re.compile(r"\s*(?:-|–|\bden(?:\s+so)?\b)\s*")
_ROMAN_ONLY = re.compile(r"^[ivxl]+$")
_LEVEL_KIND = dict(_REF_LEVELS)
_ROMAN_SECTION_WORDS = frozenset({"muc", "phan"})  # "Mục II", "phần III"


@dataclass
class _TaskRef:
    """One reference to tasks of this plan: its section (None when unnamed) and the numbers
    of each level inside it, outer first ("khoản 2", "điểm a, b" → [["2"], ["a", "b"]])."""

    section: str | None
    path: list[list[str]]
    start: int
    end: int


def _level_of(word: str, number: str) -> str:
    """What a level's number names: a Roman "Mục II" is a section, "mục 2" an item."""
    word = re.sub(r"\s+", " ", word)
    if word in _ROMAN_SECTION_WORDS and _ROMAN_ONLY.match(number):
        return "section"
    return _LEVEL_KIND[word]


def appendix_section(rank: int) -> str:
    """The section id of a plan's ``rank``-th appendix, as the outline names it and a
    reference finds it ("PHỤ LỤC I" → "PL", "PHỤ LỤC II" → "PL2")."""
    return "PL" if rank <= 1 else f"PL{rank}"


def _appendix_section(number: str) -> str | None:
    """The section id of appendix ``number`` as a reference writes it ("I", "II", "2")."""
    if _ROMAN_ONLY.match(number):
        return appendix_section(_roman_value(number.upper()))
    return appendix_section(int(number)) if number.isdigit() else None


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for here, after in zip(text, [*text[1:], ""], strict=True):
        total += -values[here] if after and values[after] > values[here] else values[here]
    return total


def _numbers(text: str) -> list[str]:
    """The numbers of one level: "1, 2 và 5", "a, b", "3.1, 3.2"; a range "1-3" in full."""
    found: list[str] = []
    for piece in _NUMERAL_SPLIT.split(text.strip()):
        ends = [p.strip() for p in _RANGE_CUT.split(piece) if p.strip()]
        if len(ends) == 2 and ends[0].isdigit() and ends[1].isdigit() \
                and int(ends[0]) < int(ends[1]) <= int(ends[0]) + 20:
            found.extend(str(n) for n in range(int(ends[0]), int(ends[1]) + 1))
        else:
            found.extend(ends)
    return found


# Words between a reference and the document it names ("… tại Phụ lục kèm theo Quyết định …").
_REF_TAIL = re.compile(r"[\s,]*(?:(?:cua|tai|theo|thuoc|ban hanh|kem theo|phu luc(?:\s+[ivxl\d]+)?)"
                       r"(?:\s+|$))*")
_BARE_APPENDIX = re.compile(r"[\s,]*(?:(?:cua|tai|thuoc)\s+)?phu luc(?!\s+(?:[ivxl]+|\d+)\b)")


def _in_another_document(folded: str, end: int) -> bool:
    """Whether the words after a reference name another document ("mục 3 Quyết định số …",
    "điểm b khoản 1 Điều 5 Nghị định …", "… Phụ lục kèm theo Quyết định …")."""
    tail = folded[end:end + 120]
    after = tail[_REF_TAIL.match(tail).end():]  # type: ignore[union-attr]
    return after.startswith(_OTHER_DOCUMENT)


def _task_refs(folded: str) -> list[_TaskRef]:
    """The references to numbered tasks of this plan in one folded clause."""
    refs: list[_TaskRef] = []
    for chain in _REF_CHAIN.finditer(folded):
        if _in_another_document(folded, chain.end()):
            continue
        section: str | None = None
        path: list[list[str]] = []
        for level in _ONE_LEVEL.finditer(chain.group(0)):
            numbers = _numbers(level.group("nums"))
            kind = _level_of(level.group("word"), numbers[0])
            if kind == "section" and len(numbers) == 1:
                section = numbers[0].upper()
            elif kind == "appendix" and len(numbers) == 1:
                section = _appendix_section(numbers[0]) or section
            elif kind in ("item", "letter"):
                path.insert(0, numbers)
        if section is None and _BARE_APPENDIX.match(folded, chain.end()):
            section = "PL"  # "nhiệm vụ số 3 tại Phụ lục kèm theo": the plan's one appendix
        if path:
            refs.append(_TaskRef(section, path, chain.start(), chain.end()))
    return refs


def _role_between(folded: str, start: int, end: int) -> Role | None:
    """The role the words before a reference give it: the first role word since the reference
    before ("Chủ trì, phối hợp với … thực hiện mục 1" leads; "…; phối hợp thực hiện mục 3")."""
    found = [(at, role) for word, role in _REF_ROLES
             if (at := folded.find(word, start, end)) >= 0]
    return min(found)[1] if found else None


def _task_key(number: str) -> str:
    """A task's number as a reference writes it ("Nhiệm vụ 3" → "3", "2.a")."""
    return re.sub(r"^nhiem vu\s+", "", fold(number))


def _referred(tasks: list[Task], ref: _TaskRef, own: Task) -> list[Task]:
    """The tasks ``ref`` names, each matched within its section; none when ambiguous."""
    wanted = [".".join(parts) for parts in _product(ref.path)]
    sections = {ref.section} if ref.section else \
        {t.section for t in tasks if t.section != own.section and _task_key(t.number) in wanted}
    if len(sections) != 1:
        return []
    section = sections.pop()
    found: list[Task] = []
    for key in wanted:
        hits = [t for t in tasks if t.section == section and t is not own
                and _task_key(t.number) == key]
        if len(hits) == 1:
            found.append(hits[0])
    return found


def _product(path: list[list[str]]) -> list[list[str]]:
    combos: list[list[str]] = [[]]
    for numbers in path:
        combos = [[*c, n] for c in combos for n in numbers]
    return combos


_CLAUSE_CUT = re.compile(r";\s+|(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])")


def _descendants(tasks: list[Task], parent: Task) -> list[Task]:
    below, ids = [], {parent.id}
    for task in tasks:
        if task.parent in ids:
            below.append(task)
            ids.add(task.id)
    return below


_REF_HINT = re.compile(rf"\b(?:{_LEVEL_WORD})\s+\d|\bdiem\s+[a-z]\b|\bphu\s+luc\b")


def assign_by_number(reader: TaskReader, lines: list[Line]) -> None:
    """Give the tasks a unit's paragraph names by their numbers ("Chủ trì thực hiện các nhiệm
    vụ tại mục 1, 2 phần II Kế hoạch này") that unit, in the role the paragraph says."""
    for own in list(reader.tasks):
        if own.units and _REF_HINT.search(fold(own.text)):
            _paragraph_refs(reader, lines, own)


def _paragraph_refs(reader: TaskReader, lines: list[Line], own: Task) -> None:
    """The references of one unit's paragraph, clause by clause: a clause opening with a
    unit, or steering one ("lãnh đạo, chỉ đạo UBND tỉnh chủ trì …"), names who is meant; a
    reference naming no section is in the one named before it."""
    subject = [u.name for u in own.units if u.role == "lead"] or [u.name for u in own.units]
    section: str | None = None
    for clause in _CLAUSE_CUT.split(own.text):
        opening = leading_subject(clause)
        if opening is not None and opening.names:
            subject = opening.names
        who = _steered(clause) or subject
        folded = fold(clause)
        role: Role = "lead"
        last = 0
        for ref in _task_refs(folded):
            said = _role_between(folded, last, ref.start)
            oversees = said is None and _REF_OVERSEES.search(folded, last, ref.start)
            role, last = said or role, ref.end
            ref.section = ref.section or section
            section = ref.section
            targets = _referred(reader.tasks, ref, own)
            if targets and who and not oversees:
                _give_all(reader, targets, who, role, _line_saying(lines, own, clause))


def _give_all(reader: TaskReader, targets: list[Task], names: list[str], role: Role,
              line: Line) -> None:
    """``names`` in ``role`` on each target and the parts under it (a part with a lead of its
    own keeps it)."""
    for target in targets:
        _give(reader, target, names, role, line)
        for below in _descendants(reader.tasks, target):
            if role != "lead" or not any(u.role == "lead" for u in below.units):
                _give(reader, below, names, role, line)


def _give(reader: TaskReader, task: Task, names: list[str], role: Role, line: Line) -> None:
    """A partner the paragraph makes the lead is quoted from the paragraph that says so."""
    for name in names:
        key = unit_identity(name)
        before = next((u for u in task.units if unit_identity(u.name) == key), None)
        promoted = before is not None and role == "lead" and before.role != "lead"
        reader.add_unit(task, name, role, line)
        if promoted and before is not None:
            before.source = reader.span([line], line.text)


# A clause where one unit steers another to a duty: "Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo
# UBND tỉnh chủ trì …" (folded); the steered unit is the one doing it.
_STEERING = re.compile(r"\b(?:lanh dao,? chi dao|chi dao|de nghi|yeu cau)\s+")


def _steered(clause: str) -> list[str] | None:
    """The units a clause steers to its duty, named between the steering verb and a role."""
    text = nfc(clause)
    folded = char_fold(text)
    steer = _STEERING.search(folded)
    if steer is None:
        return None
    roles = [at for word, _ in _REF_ROLES if (at := folded.find(word, steer.end())) > 0]
    if not roles:
        return None
    named = text[steer.end():min(roles)].strip(" ,")
    if not named or not looks_like_unit(named, strict=True):
        return None
    return split_units(named, strict=True) or None


def _line_saying(lines: list[Line], task: Task, clause: str) -> Line:
    """The line of ``task`` that holds ``clause`` (the paragraph's first line otherwise)."""
    starts = [line.start for line in lines]
    first = bisect_left(starts, task.source.line_start)
    mine = lines[first:bisect_right(starts, task.source.line_end)]
    probe = fold(clause)[:40]
    for line in mine:
        if probe in fold(line.text):
            return line
    return mine[0] if mine else Line(task.source.quote, task.source.line_start,
                                     task.source.line_end)

"""Duties a plan gives by the numbers of its own tasks.

A unit's paragraph may name the plan's own tasks by their numbers ("Chủ trì thực hiện các
nhiệm vụ tại mục 1, 2 phần II Kế hoạch này; phối hợp thực hiện nhiệm vụ tại điểm a khoản 3 Mục
II", "nhiệm vụ số 3 tại Phụ lục I", "nhiệm vụ 1.3", "Mục III.2", "từ điểm a đến điểm d"): those
tasks, and the parts under them without a lead of their own, take the unit in the role the
words before the reference give, quoted from the paragraph's line. A unit it works with
("phối hợp với Sở X thực hiện nhiệm vụ tại mục 3") takes the other role: it leads where the
paragraph's unit supports, and supports where that unit leads. A number is matched within the
section named ("Phần thứ hai", "phần 2" and "Mục II" all name the section the outline calls
"II", whether headed "II." or "PHẦN THỨ HAI"), or named before it in the paragraph, or else
the one other section holding that number. In a plan whose sections restart inside its parts
("P2.II", see :func:`part_section`), "mục 1 phần II Phần thứ hai" and "khoản 3 Phần thứ hai Mục
II" name section II of part two, "mục 2 Phần thứ hai" the one section of part two holding item
2, and "khoản 2 Mục II" the section II of the paragraph's own part. A reference into another
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
from policykg.loaders.numbering import roman
from policykg.loaders.units import (
    leading_subject,
    looks_like_unit,
    partners,
    split_units,
    unit_identity,
)
from policykg.ontology.normalize import fold, nfc, squash_spaces
from policykg.ontology.units import is_collective

__all__ = ["TaskReader", "appendix_section", "assign_by_number", "part_heading", "part_section"]


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
    ("nhiem vu", "item"),  # "nhiệm vụ 1.3": only before a number (see _DIGITS_ONLY)
    ("tu so", "item"),  # "các nhiệm vụ từ số 2 đến số 4"
    ("stt", "item"),
    ("diem", "letter"),
)
# Level words that are everyday words before anything but a number ("nhiệm vụ ở mục 3").
_DIGITS_ONLY = frozenset({"nhiem vu"})
# Ordinal words as a section's number is written out ("Phần thứ hai", "Mục thứ tư"; folded).
_ORDINALS: dict[str, int] = {
    "nhat": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10,
}
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
                   "chuong", "quy che")
_ORDINAL = rf"thu\s+(?:{'|'.join(_ORDINALS)}|\d{{1,2}})(?!\s+\d{{4}})"
_NUMERAL = (rf"(?:{_ORDINAL}|[ivxl]{{1,5}}(?:\.\d{{1,2}}){{1,2}}|\d{{1,2}}(?:\.\d{{1,2}}){{0,2}}"
            r"|[ivxl]{1,5}|[a-z])(?![\w/])")
# What must follow such a word: a number that counts no time ("nhiệm vụ 6 tháng cuối năm").
_NUMBER_NEXT = (r"(?=\s+(?:thu\s|\d{1,2}(?:\.\d{1,2}){0,2}(?![\w/.])"
                r"(?!\s+(?:thang|nam|ngay|tuan|quy|lan)\b)))")
_LEVEL_WORD = "|".join(w.replace(" ", r"\s+") + (_NUMBER_NEXT if w in _DIGITS_ONLY else "")
                       for w, _ in sorted(_REF_LEVELS, key=lambda p: -len(p[0])))
# "1 đến 5", "từ mục 1 đến mục 5", "a - d": the end of a range, its level word said again or not.
_RANGE_WORD = rf"\bden(?:\s+(?:so|{_LEVEL_WORD}))?\b"
_NUMERALS = rf"{_NUMERAL}(?:\s*(?:,|\bva\b|{_RANGE_WORD}|-|–)\s*{_NUMERAL})*"
_ONE_LEVEL = re.compile(rf"\b(?P<word>{_LEVEL_WORD})\s+(?P<nums>{_NUMERALS})(?!\w)")
_REF_CHAIN = re.compile(rf"\b(?:cac\s+)?(?:{_LEVEL_WORD})\s+{_NUMERALS}(?!\w)"
                        rf"(?:\s*,?\s*(?:(?:{'|'.join(_REF_JOINERS)})\s+)?(?:{_LEVEL_WORD})\s+{_NUMERAL}(?!\w))*")
_NUMERAL_SPLIT = re.compile(r"\s*(?:,|;|\bva\b)\s*")
_RANGE_CUT = re.compile(rf"\s*(?:-|–|{_RANGE_WORD})\s*")
_ROMAN_ONLY = re.compile(r"^[ivxl]+$")
_ROMAN_ITEM = re.compile(r"^(?P<section>[ivxl]+)\.(?P<item>\d.*)$")  # "Mục III.2"
_LEVEL_KIND = dict(_REF_LEVELS)
_LEVEL_NAME = re.compile(r" (?:so|thu)$")  # "nhiệm vụ số 2" is a "nhiệm vụ" as "nhiệm vụ 1" is
_SECTION_WORDS = frozenset({"muc", "phan"})  # "Mục II", "phần III", "Mục thứ hai"
# Points are lettered in the Vietnamese alphabet (folded: "đ" reads as "d"); a range of them
# ("từ điểm a đến điểm d") runs in this order.
_POINT_LETTERS = "abcdeghiklmnopqrstuvxy"
_RANGE_MAX = 20
# A part's heading, folded: "phan thu hai", "phan ii. nhiem vu …", "phan 3: to chuc thuc hien".
_PART_HEADING = re.compile(rf"^phan\s+(?P<n>{_ORDINAL}|[ivxl]{{1,5}}|\d{{1,2}})(?!\w|\.\d)"
                           r"(?P<mark>\s*[.:\-–]\s*|\s+|$)")


@dataclass
class _TaskRef:
    """One reference to tasks of this plan: its section and the part holding it (None when
    unnamed; Roman, "II" for "Phần thứ hai") and the numbers of each level inside it, outer
    first ("khoản 2", "điểm a, b" → [["2"], ["a", "b"]])."""

    section: str | None
    path: list[list[str]]
    start: int
    end: int
    part: str | None = None


def _level_of(word: str, numbers: str) -> str:
    """What a level's numbers name: "Mục II", "Mục III.2", "Mục thứ hai" and "phần 2" a
    section (with an item, for "III.2"); "mục 2" an item."""
    word = re.sub(r"\s+", " ", word)
    first = _NUMERAL_SPLIT.split(numbers.strip(), maxsplit=1)[0]
    if word in _SECTION_WORDS and (_ROMAN_ONLY.match(first) or _ROMAN_ITEM.match(first)
                                   or first.startswith("thu")):
        return "section"
    return _LEVEL_KIND[word]


def _section_id(number: str) -> str | None:
    """The id the outline gives the section a reference numbers ``number`` ("ii", "2" as
    "phần 2" writes it): its Roman numeral ("II")."""
    if _ROMAN_ONLY.match(number):
        return number.upper()
    return roman(int(number)).upper() if number.isdigit() and 0 < int(number) <= _RANGE_MAX \
        else None


def _section_and_items(numbers: list[str]) -> tuple[str | None, list[str]]:
    """The one section ``numbers`` name and the items in it they add ("III.2", "III.3" →
    ("III", ["2", "3"])); no section when they name several."""
    found = [(m.group("section"), m.group("item")) if (m := _ROMAN_ITEM.match(n)) else (n, None)
             for n in numbers]
    sections = {_section_id(here) for here, _ in found}
    if len(sections) != 1:
        return None, []
    items = [item for _, item in found if item is not None]
    return sections.pop(), items if len(items) == len(found) else []


def part_heading(text: str) -> tuple[str, str] | None:
    """A part's heading ("PHẦN THỨ HAI", "Phần II. NHIỆM VỤ, GIẢI PHÁP", "PHẦN 3: TỔ CHỨC
    THỰC HIỆN") as the section id a reference finds it by ("II" for "Phần thứ hai", "phần 2",
    "Mục II") and its title ("" when the title is on the line below)."""
    m = _PART_HEADING.match(char_fold(text))
    if m is None:
        return None
    title = text[m.end():].strip()
    if title and not m.group("mark").strip() and not title.isupper():
        return None  # "Phần 2 của Kế hoạch …" is prose, not a heading
    numbers = _numbers(m.group("n"))
    section = _section_id(numbers[0]) if len(numbers) == 1 else None
    return (section, title) if section else None


def part_section(number: str) -> str:
    """The section id of the part numbered ``number`` (Roman) in a plan whose sections restart
    in each part, as the outline names it and a reference finds it ("PHẦN THỨ HAI" → "P2");
    its sections are "P2.I", "P2.II"."""
    return f"P{_roman_value(number)}"


_PART_SCOPE = re.compile(r"^P\d+(?:\.|$)")


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


def _plain_number(piece: str) -> str:
    """A number as written ("thứ hai", "thứ 3", "2") as its digits or letters ("2", "3")."""
    if not piece.startswith("thu"):
        return piece
    word = piece[3:].strip()
    return str(_ORDINALS[word]) if word in _ORDINALS else word


def _numbers(text: str) -> list[str]:
    """The numbers of one level: "1, 2 và 5", "a, b", "3.1, 3.2", "thứ hai"; a range ("1-3",
    "từ điểm a đến điểm d", "2.1 đến 2.3") in full."""
    found: list[str] = []
    for piece in _NUMERAL_SPLIT.split(text.strip()):
        ends = [_plain_number(p.strip()) for p in _RANGE_CUT.split(piece) if p.strip()]
        run = _run(ends[0], ends[1]) if len(ends) == 2 else None
        found.extend(run or ends)
    return found


def _run(first: str, last: str) -> list[str] | None:
    """Every number from ``first`` to ``last``: "1"–"3", "2.1"–"2.3", "a"–"d"; None when the
    two are no range of one kind."""
    head, _, low = first.rpartition(".")
    last_head, _, high = last.rpartition(".")
    if head == last_head and low.isdigit() and high.isdigit() \
            and int(low) < int(high) <= int(low) + _RANGE_MAX:
        return [f"{head}.{n}" if head else str(n) for n in range(int(low), int(high) + 1)]
    if len(first) == len(last) == 1 and first in _POINT_LETTERS and last in _POINT_LETTERS \
            and _POINT_LETTERS.index(first) < _POINT_LETTERS.index(last):
        return list(_POINT_LETTERS[_POINT_LETTERS.index(first):_POINT_LETTERS.index(last) + 1])
    return None


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
        named: list[tuple[str, str, bool]] = []  # (word, section, written as "thứ …")
        path: list[list[str]] = []
        outer = ""  # the word of path[0]: "nhiệm vụ 1, nhiệm vụ số 2" lists, never nests
        for level in _ONE_LEVEL.finditer(chain.group(0)):
            numbers = _numbers(level.group("nums"))
            word = _LEVEL_NAME.sub("", re.sub(r"\s+", " ", level.group("word")))
            kind = _level_of(level.group("word"), level.group("nums"))
            if kind == "section":
                here, items = _section_and_items(numbers)
                if here is not None:
                    named.append((word, here, level.group("nums").startswith("thu")))
                if items:
                    path.insert(0, items)
            elif kind == "appendix" and len(numbers) == 1:
                section = _appendix_section(numbers[0]) or section
            elif kind in ("item", "letter") and path and word == outer:
                path[0].extend(numbers)
            elif kind in ("item", "letter"):
                path.insert(0, numbers)
                outer = word
        part: str | None = None
        if section is None:
            section, part = _section_and_part(named)
        if section is None and part is None and _BARE_APPENDIX.match(folded, chain.end()):
            section = "PL"  # "nhiệm vụ số 3 tại Phụ lục kèm theo": the plan's one appendix
        if path:
            refs.append(_TaskRef(section, path, chain.start(), chain.end(), part))
    return refs


def _section_and_part(named: list[tuple[str, str, bool]]) -> tuple[str | None, str | None]:
    """The section and the part a reference's section words name: "mục 1 phần II Phần thứ
    hai", "Mục thứ hai Phần thứ hai", "Phần thứ hai Mục II" → ("II", "II"), section II of part
    two. Of two, a "phần" beside a "mục" is the part, else the one written "thứ …", else the
    outer (the later); one "phần" alone may be either, one "mục" is a section."""
    if not named:
        return None, None
    if len(named) == 1:
        word, here, _ = named[0]
        return (None, here) if word == "phan" else (here, None)
    first, second = named[0], named[1]
    if (first[0] == "phan") != (second[0] == "phan"):
        part = first if first[0] == "phan" else second
    elif first[2] != second[2]:
        part = first if first[2] else second
    elif first[0] == "muc":
        return first[1], None  # "Mục II, Mục III": the first
    else:
        part = second
    inner = second if part is first else first
    return inner[1], part[1]


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
    if any(t.section and _PART_SCOPE.match(t.section) for t in tasks):
        section = _section_in_parts(tasks, ref, own, wanted)
    else:
        named = ref.section or ref.part
        sections = {named} if named else {t.section for t in tasks if t.section != own.section
                                          and _task_key(t.number) in wanted}
        section = sections.pop() if len(sections) == 1 else None
    if section is None:
        return []
    found: list[Task] = []
    for key in wanted:
        hits = [t for t in tasks if t.section == section and t is not own
                and _task_key(t.number) == key]
        if len(hits) == 1:
            found.append(hits[0])
    return found


def _section_in_parts(tasks: list[Task], ref: _TaskRef, own: Task,
                      wanted: list[str]) -> str | None:
    """The one section ``ref`` names in a plan whose sections restart in each part ("P2.II"):
    section and part named; a part alone (the section of it holding the numbers; else, as
    "phần II" may name a section, read as a section); a section alone (that of the paragraph's
    own part first, else the one holding the numbers); neither (the one other section holding
    them). None when ambiguous."""
    if ref.part and ref.section:
        return f"{part_section(ref.part)}.{ref.section}"
    holders = {t.section for t in tasks if t.section and _task_key(t.number) in wanted}
    if ref.part:
        scope = part_section(ref.part)
        found = {s for s in holders if s == scope or s.startswith(f"{scope}.")}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    named = ref.section or ref.part
    if named:
        found = {s for s in holders if s.endswith(f".{named}") or s == named}
        mine = {s for s in found if own.section and s.split(".")[0] == own.section.split(".")[0]}
        found = mine or found
    else:
        found = holders - {own.section}
    return found.pop() if len(found) == 1 else None


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


_REF_HINT = re.compile(rf"\b(?:{_LEVEL_WORD})\s+(?:\d|thu\s|[ivxl]+\.\d)|\bdiem\s+[a-z]\b"
                       r"|\bphu\s+luc\b")


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
    part: str | None = None
    for clause in _CLAUSE_CUT.split(own.text):
        opening = leading_subject(clause)
        if opening is not None and opening.names:
            subject = opening.names
        who = _steered(clause) or subject
        text = squash_spaces(nfc(clause))
        folded = char_fold(text)
        role: Role = "lead"
        named: list[str] = []
        last = 0
        for ref in _task_refs(folded):
            said = _role_between(folded, last, ref.start)
            oversees = said is None and _REF_OVERSEES.search(folded, last, ref.start)
            if said is not None:
                named = _worked_with(text, folded, last, ref.start, who)
            role, last = said or role, ref.end
            if ref.section is None and ref.part is None:
                ref.section, ref.part = section, part
            elif ref.part is None and ref.section is not None:
                ref.part = part
            section, part = ref.section, ref.part
            targets = _referred(reader.tasks, ref, own)
            if targets and who and not oversees:
                line = _line_saying(lines, own, clause)
                _give_all(reader, targets, who, role, line)
                if named:
                    _give_all(reader, targets, named, _ROLE_OF_NAMED[role], line)


# "Phối hợp với Sở X thực hiện nhiệm vụ tại mục 3": Sở X does the task and the paragraph's unit
# supports it; "Chủ trì, phối hợp với Sở Y thực hiện …": Sở Y supports the paragraph's unit.
_ROLE_OF_NAMED: dict[Role, Role] = {"lead": "support", "support": "lead", "participate": "lead"}
_WORKING_WITH = re.compile(r"\bphoi hop(?:\s+chat che)?\s+(?:voi|cung)\s+")


def _worked_with(text: str, folded: str, start: int, end: int, who: list[str]) -> list[str]:
    """The units the words before a reference name to work with ("phối hợp với Sở Công
    Thương triển khai …"), other than the paragraph's own and groups of bodies ("các đơn vị
    liên quan"), who are no one in particular."""
    m = _WORKING_WITH.search(folded, start, end)
    if m is None:
        return []
    own = {unit_identity(name) for name in who}
    return [name for name in partners(text[m.start():end])
            if not is_collective(name) and unit_identity(name) not in own]


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

"""Tasks and their units, in every layout plans use.

The lines are first arranged into an outline (Roman sections, numbered items,
"Nhiệm vụ N", lettered headings, bullets, "+" steps, paragraphs, pipe tables);
then each heading is read by what it holds, so one plan can mix layouts
(domain notes §3):

1. a heading that names a unit ("3. Chi cục Tiêu chuẩn Đo lường Chất lượng",
   "a) Tổ đảng ở Thường trực Ủy ban …"): each bullet or paragraph under it is a
   task of that unit; the heading is the tasks' ``group``, not a task;
2. and 3. a numbered item or "Nhiệm vụ N" with labelled lines ("Đơn vị chủ trì
   tham mưu:", "Đơn vị phối hợp:", "Thời gian thực hiện:", "Nội dung thực hiện:"
   with "+" steps, "Kết quả thực hiện:"/"Sản phẩm:"), lettered or not; a label alone
   on its line ("Đơn vị phối hợp:") takes the units on the lines below; the lead and
   partners a heading names (in its lines, a bracket or its sentence) hold for the parts
   under it ("a)" … "đ)", "3.1.1.") that name no unit of their own;
4. prose whose subject is a unit ("Chi cục … chủ trì …", "Giao Phòng … chủ
   trì …", "…; Sở Y tế chủ trì, phối hợp với …"); the subject carries over to the next
   paragraphs of the same item ("Phối hợp với Sở Công Thương …" adds cooperating
   units); roles may be noted after the names ("…: Sở X (chủ trì); Sở Y (phối hợp).");
   a sentence whose clauses each name a unit doing a duty of its own ("Sở Tài chính bố trí
   kinh phí; Sở Nội vụ hướng dẫn …; UBND các xã tổ chức thực hiện.") is a task with a
   sub-task per clause, each quoting the whole sentence; so is a paragraph whose sentences
   each open with a unit and its verb ("Sở Y tế chủ trì …. Sở Giáo dục và Đào tạo phối hợp
   …."), a sentence without a unit of its own going on with the duty before it and a closing
   time or product line ("Thời gian hoàn thành: quý IV/2026.") holding for every duty;
5. pipe tables whose header names the columns (STT, nội dung, chủ trì, phối
   hợp, tham gia, thời gian, sản phẩm); a row with only STT and content is a group. A
   column per period ("Quý I" … "Quý IV", "Tháng 1" …, "6 tháng đầu năm", "2025", or
   "I" … "IV" under a "Quý" header, "1" … "12" under a time header) marked "x" or "✓"
   in a row gives that task's deadline: the marked periods, in the year the time header
   or the plan's title names. A header naming other columns right under a table opens a
   table of its own; a row with a number in its STT column is a task even when its words
   name columns ("… bảo đảm tiến độ"). A group row merged across the table holds its number
   and title in one cell ("I. CÔNG TÁC TUYÊN TRUYỀN"). Under the header repeated on a new
   page (a running head "Kế hoạch số …" above it or not), a row without a number is the rest
   of the row the page break cut. A table whose one unit column names no partners reads its
   first unit as the lead where the header or the line above says so ("(đơn vị đầu tiên là
   đơn vị chủ trì)"), else a unit in bold among others ("**Sở Tài chính**, Sở Nội vụ").

Purpose, requirement and budget sections and the closing block hold no tasks, nor does a
part that reports on the past ("PHẦN THỨ NHẤT / KẾT QUẢ THỰC HIỆN NĂM 2025") or any section of
it, nor a part's section whose own title reports so ("II. HẠN CHẾ").
Numbered items without a unit (content a plan lists without assigning it) are
tasks with no units: duties of the plan as a whole. A heading that has tasks
under it is itself a task (their ``parent``).

Task ids are stable within a plan: the Roman section then the printed number
("II.3.5", "IV.1", "II.NV2" for "Nhiệm vụ 2"), a lettered heading under its item
("II.2.2.a"), bullets and paragraphs by position under their heading ("III.4.b2",
"II.1.p1"), the clauses or sentences of such a paragraph by position ("II.4.p1.c2"), table
rows under their table and group row ("PL.T1.I.1"; "PL2.T1.1" in a second appendix);
in a plan whose Roman sections restart inside its parts ("PHẦN THỨ HAI" / "I. …"), each
part is a scope of its own: "P2.I.1", "P2.II.1", "P3.1" for an item right under part three
(a plan whose parts are its only sections keeps "II.1");
``number`` is the number as printed ("3.5", "Nhiệm vụ 2", the table's STT) or the id's tail.

"X phối hợp với Y" gives X the duty with Y cooperating, except when the
partners are all named units of the same department as X and X is carried by a
heading, written as a label, or an office ("Văn phòng Sở: Phối hợp với Phòng Quản
lý Khoa học theo dõi, báo cáo"): then the partner leads the work and X supports it.
A unit named as its sentence's subject otherwise keeps its duty ("Ủy ban Kiểm tra
Tỉnh ủy phối hợp với Văn phòng Tỉnh ủy kiểm tra, giám sát").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from policykg.loaders.charmap import char_fold
from policykg.loaders.deadlines import (
    find_deadline,
    in_plans_year,
    read_deadline,
    read_deadline_in,
    read_targets,
    single_year,
)
from policykg.loaders.model import Deadline, Line, Plan, Role, Span, Task, Unit
from policykg.loaders.task_refs import (
    appendix_section,
    assign_by_number,
    part_heading,
    part_section,
)
from policykg.loaders.units import (
    Subject,
    UnitBook,
    clean_piece,
    leading_subject,
    looks_like_unit,
    partners,
    role_and_partners,
    sentence_end,
    split_units,
    subject_end,
    unit_identity,
)
from policykg.ontology.normalize import fold, squash_spaces
from policykg.ontology.units import is_collective, is_internal

_ROMAN = re.compile(r"^(?P<n>[IVXL]{1,6})\s*[.):\-–]\s+(?P<t>\S.*)$")
_NUM = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<t>\S.*)$"
                  r"|^(?P<n1>\d{1,2})[.)/]\s+(?P<t1>\S.*)$")
_NV = re.compile(r"^nhiệm vụ\s+(?P<n>\d{1,2})\s*[:.\-–]\s*(?P<t>.*)$", re.IGNORECASE)
# "a)"; some plans write "a/" or "a." (and "1/" for "1.").
_LETTER = re.compile(r"^(?P<n>[a-zđ])[)/.]\s+(?P<t>\S.*)$")
_LETTER_MARKS = (")", "/", ".")
_BULLET_MARKS = "-–—•·"
_BULLET = re.compile(rf"^[{_BULLET_MARKS}]\s*(?P<t>\S.*)$")
_PLUS = re.compile(r"^\+\s*(?P<t>\S.*)$")
# "(1) Phòng Kinh tế chủ trì …": an item numbered in brackets, read as a bullet.
_BRACKETED_NUMBER = re.compile(r"^\(\d{1,2}\)\s*(?P<t>\S.*)$")
_FIELD = re.compile(r"^(?P<label>[^:]{2,70}?)\s*:\s*(?P<value>.*)$")
_FIELDS = (
    ("lead", re.compile(r"^(?:(?:don vi|co quan|bo phan|phong|co quan, don vi|co quan don vi)\s+)?"
                        r"(?:chu tri|chiu trach nhiem chinh)\b"
                        r"|^(?:don vi|co quan|bo phan|co quan, don vi|co quan don vi)"
                        r"\s+(?:thuc hien|chiu trach nhiem|phu trach|tham muu|dau moi|duoc giao)\b"
                        r"|^trach nhiem (?:thuc hien|chinh)\b|^dau moi\b")),
    ("support", re.compile(r"^(?:(?:cac )?(?:don vi|co quan|bo phan|co quan, don vi"
                           r"|co quan don vi)\s+)?phoi hop\b")),
    ("participate", re.compile(r"^(?:(?:don vi|co quan|bo phan)\s+)?tham gia\b")),
    ("deadline", re.compile(r"^(?:thoi gian|thoi han|tien do|thoi diem hoan thanh|moc thoi gian"
                            r"|lo trinh)\b"
                            r"|^hoan thanh$")),
    ("output", re.compile(r"^(?:(?:du kien|hinh thuc) )?(?:san pham|ket qua)\b"
                          r"|^hinh thuc van ban\b")),
    ("content", re.compile(r"^noi dung\b")),
    ("other", re.compile(r"^(?:kinh phi|nguon kinh phi|ghi chu|dia diem|doi tuong)\b")),
)
_NO_TASKS = re.compile(r"\b(muc dich|yeu cau|muc tieu|quan diem|can cu|kinh phi|nguon von)\b")
_HAS_TASKS = re.compile(r"\b(nhiem vu|giai phap|noi dung|phan cong|to chuc thuc hien|hoat dong)\b")
# A part's title that opens by assessing the past ("KẾT QUẢ THỰC HIỆN NĂM 2025", "ĐÁNH GIÁ TÌNH
# HÌNH …", "HẠN CHẾ, NGUYÊN NHÂN", "BÀI HỌC KINH NGHIỆM"; folded), unless it also looks ahead
# ("… VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026").
_ASSESSING_WORDS = ("ket qua", "danh gia", "tinh hinh", "thuc trang", "han che", "ton tai",
                    "nguyen nhan", "bai hoc")
_ASSESSES = re.compile(rf"^(?:(?:nhung|mot so|cac)\s+)?(?:{'|'.join(_ASSESSING_WORDS)})\b")
_LOOKS_AHEAD = re.compile(r"\b(?:phuong huong|giai phap|nhiem vu trong tam"
                          r"|(?:va|,) (?:cac )?nhiem vu|to chuc thuc hien)\b")
_CLOSING = re.compile(r"^(tren day la|noi nhan\b)")
_SIGNATURE = re.compile(
    r"^(?:(?:KT|TM|TL|Q|TUQ)\.\s*)?(?:PHÓ\s+)?(?:GIÁM ĐỐC|CHỦ TỊCH|BÍ THƯ|TRƯỞNG BAN|"
    r"THỦ TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG)\b[^a-zà-ỹ]*$"
    # "TM. BAN THƯỜNG VỤ", "T/M BAN CHỈ ĐẠO": signing for a body, whatever it is named.
    r"|^(?:KT|TM|T/M|TL|TUQ)\s*[./]?\s+(?:BAN|ỦY BAN|UỶ BAN|UBND|HỘI|ĐẢNG|TỈNH|SỞ|BỘ)\b")
# Labelled fields written inside the task's own sentence:
# "… (Đơn vị chủ trì: Phòng X; phối hợp: Sở Y; thời gian: năm 2025)".
_INLINE_FIELD = re.compile(
    r"(?P<label>(?:(?:đơn vị|cơ quan|bộ phận)\s+)?(?:chủ trì|phối hợp)"
    r"(?:\s+(?:tham mưu|thực hiện))?|trách nhiệm thực hiện"
    r"|thời gian(?:\s+(?:thực hiện|hoàn thành))?|thời hạn|sản phẩm|kết quả(?:\s+thực hiện)?)"
    r"\s*:\s*(?P<value>[^;()]+?)\s*(?=;|\)|$|\.\s)", re.IGNORECASE)
# A product named inside the duty's sentence: "…; sản phẩm: sàn giao dịch được vận hành; …",
# "… (Sản phẩm: danh sách doanh nghiệp được hỗ trợ)", "…; Kết quả/ Sản phẩm dự kiến: …".
_INLINE_OUTPUT = re.compile(
    r"(?:[;(]\s*|\.\s+)(?:(?:sản phẩm|kết quả)\s*/\s*)?(?:sản phẩm|kết quả)"
    r"(?:\s+(?:thực hiện|dự kiến|đầu ra))?\s*:\s*(?P<value>[^;()]+?)"
    r"\s*(?=;|\)|\.?$|\.\s)", re.IGNORECASE)
# The longest label _INLINE_FIELD reads, when its words are one space apart.
_INLINE_LABEL_MAX = len("cơ quan phối hợp thực hiện")
# What is left of "(chủ trì: …; thời hạn: …)" once the fields are cut out.
_EMPTY_PARENS = re.compile(r"\(\s*[;,.\s]*\)?\s*\.?$|\(\s*[;,.\s]*\)")
_APPENDIX = re.compile(r"^phu luc\b")
# A line that only points to the appendix holding the duties (folded): "(Chi tiết tại Phụ lục
# kèm theo)", "Danh mục nhiệm vụ theo Phụ lục đính kèm."
_POINTER = re.compile(r"^\(?(?:chi tiet|noi dung(?: chi tiet| cu the)?|danh muc[a-z ,]{0,40}|cu the"
                      r"|co)\s+(?:(?:tai|theo|nhu|o)\s+)?phu luc\b[^.;()]{0,80}\)?\.?$")
_POINTER_MAX = 200  # longer than any line _POINTER matches
_FOLDED_OPENERS = "tTnNpP"  # first letters of _CLOSING and _APPENDIX, in either case
_SIGNATURE_OPENERS = "KTQPGCB"  # first letters _SIGNATURE allows
_TABLE_COLUMNS = (
    ("lead", re.compile(r"chu tri"
                        r"|(?:don vi|co quan|bo phan) (?:thuc hien|chiu trach nhiem|phu trach"
                        r"|tham muu|dau moi)|trach nhiem thuc hien"
                        # a column of bare "Đơn vị", "Cơ quan, đơn vị" (not "Đơn vị tính")
                        r"|^(?:co quan|don vi|bo phan)(?:\s*[,/]\s*(?:don vi|dia phuong))*"
                        r"(?: duoc giao)?$")),
    ("support", re.compile(r"phoi hop")),
    ("participate", re.compile(r"tham gia")),
    ("stt", re.compile(r"^(stt|tt|so tt|so thu tu)$")),
    # a time in two columns: "Bắt đầu | Kết thúc", "Thời gian bắt đầu | Thời gian hoàn thành"
    ("start", re.compile(r"^(?:(?:thoi gian|thoi diem|ngay) )?bat dau$|^tu (?:ngay|thang)$")),
    ("end", re.compile(r"^(?:(?:thoi gian|thoi diem|ngay) )?ket thuc$|^den (?:ngay|thang)$")),
    ("deadline", re.compile(r"thoi gian|thoi han|tien do|^thoi diem|^lo trinh")),
    ("output", re.compile(r"san pham|ket qua|^hinh thuc van ban")),
    ("content", re.compile(r"noi dung|nhiem vu|hoat dong|ten")),
    ("note", re.compile(r"^ghi chu$")),
)
_ANY_COLUMN = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in _TABLE_COLUMNS))
# A column per period, marked in the rows of the tasks due then: "Quý I" … "Quý IV", "Tháng 1"
# … "Tháng 12", "6 tháng đầu năm", "2025" or "Năm 2025", with or without the year (folded).
_PERIOD_COLUMN = re.compile(
    r"^(?:(?:quy\s+(?:i{1,3}|iv|[1-4])|q[1-4]|thang\s+(?:0?[1-9]|1[0-2]))"
    r"(?:\s*(?:nam\s+|/\s*)(?:19|20)\d{2})?"
    r"|(?:\d{1,2}\s+thang\s+(?:dau|cuoi)(?:\s+nam)?)(?:\s+(?:19|20)\d{2})?"
    r"|(?:nam\s+)?(?:19|20)\d{2})$")
# A header cell over period columns that are numbered beneath it: "Quý" above "I | II | III |
# IV", "Thời gian thực hiện (tháng)" above "1 | 2 | … | 12" (folded; group: the period word).
_PERIOD_PARENT = re.compile(
    r"^(?:(?:thoi gian|tien do)(?: thuc hien| hoan thanh| trien khai)?\s*)?"
    r"(?:nam\s+(?:19|20)\d{2}\s*)?\(?(?:theo|cac)?\s*(quy|thang)\)?"
    r"(?:\s*(?:thuc hien|trien khai))?(?:\s*(?:nam\s+)?(?:19|20)\d{2})?$")
# A time column's header that names no period: numbered periods may stand beneath it.
_TIME_HEADER = re.compile(r"^(?:thoi gian|tien do|thoi han)(?: thuc hien| hoan thanh| trien khai)?"
                          r"(?: nam (?:19|20)\d{2})?$")
_PERIOD_WORDS = {"quy": "Quý", "thang": "Tháng"}
# The numbers a period column beneath such a cell may bear, by period word; under a time
# header that names no period ("Tiến độ thực hiện") Roman numerals are quarters and numbers
# up to 12 months.
_QUARTER_NUMBERS = frozenset({"I", "II", "III", "IV"})
_MONTH_NUMBERS = frozenset(str(n) for n in range(1, 13)) | frozenset(f"0{n}" for n in range(1, 10))
_PERIOD_NUMBERS = {
    "quy": _QUARTER_NUMBERS | {"1", "2", "3", "4"},
    "thang": _MONTH_NUMBERS,
    "time": _QUARTER_NUMBERS | _MONTH_NUMBERS,
}
# What a cell of such a column holds when the task falls in that period.
_MARKS = frozenset({"x", "X", "✓", "✔", "√", "☑", "●"})
# Marked periods next to each other from this many on are written as one run: "Tháng 1 -
# Tháng 12" rather than twelve months.
_RUN = 3
_QUOTE = 300
# A line cannot end on these (folded): a list, a name or a phrase goes on below.
_OPEN_END = re.compile(r"(?:(?<![a-z])(?:va|voi|cua|cac|giai doan)"
                       r"|(?:,|\bva|\bvoi)\s+(?:bo|so|ban|phong|"
                       r"chi cuc|trung tam|uy ban|hoi|cong an)|,)\s*$")


@dataclass
class Node:
    """One item of the outline: a heading, bullet, step, paragraph or table."""

    kind: str  # section, num, letter, bullet, plus, para, table
    label: str
    text: str
    lines: list[Line]
    level: int = 0
    children: list[Node] = field(default_factory=list)
    labelled: tuple[str, str] | None = None  # (field kind, value) for a labelled line
    rows: list[list[str]] = field(default_factory=list)  # table rows (cells)
    holds_tasks: bool = True
    is_part: bool = False  # "PHẦN THỨ HAI": a part, read as a section unless sections restart in it
    within: Node | None = None  # the part a Roman section is written in


@dataclass
class Context:
    section: str | None
    prefix: str
    parent: str | None = None
    group: str | None = None
    subject: list[str] | None = None
    period: str | None = None  # "Quý I": a heading that says when its tasks are due
    # the subject's partners: "X chủ trì, phối hợp với Y thực hiện các nội dung sau:"
    partners: list[str] | None = None

    def but(self, **changes: Any) -> Context:
        """A copy with ``changes``: :func:`dataclasses.replace` without its per-call
        inspection of the fields, as every heading and table row derives one. A new
        subject comes without the old one's partners unless they are given."""
        return Context(changes.get("section", self.section), changes.get("prefix", self.prefix),
                       changes.get("parent", self.parent), changes.get("group", self.group),
                       changes.get("subject", self.subject), changes.get("period", self.period),
                       changes.get("partners", None if "subject" in changes else self.partners))

    def with_partners(self, role: Role, named: list[str]) -> tuple[Role, list[str]]:
        """A duty's role and partners under this context's subject: its own partners, or
        when it names none, those the subject was given ("… phối hợp với Y thực hiện các
        nội dung sau:" / "a) …")."""
        return role, named or list(self.partners or [])


def _field_of(text: str) -> tuple[str, str] | None:
    """(field kind, value) of a labelled line such as "Đơn vị phối hợp: Sở Y tế", else None."""
    if ":" not in text:  # most lines are prose: no label to read
        # a dash after a short label: "Đơn vị chủ trì – Phòng X"
        return _dash_field_of(text) if text.find(" – ", 0, 44) >= 0 \
            or text.find(" - ", 0, 44) >= 0 else None
    m = _FIELD.match(text)
    if not m:
        return None
    kind = field_kind(m.group("label"))
    return (kind, m.group("value").strip()) if kind else None


# "Đơn vị chủ trì – Phòng Nghiệp vụ Y", "Thời gian hoàn thành - Quý IV/2026": a dash for a colon.
_DASH_FIELD = re.compile(r"^(?P<label>[^\-–]{2,40}?)\s+[-–]\s+(?P<value>\S.*)$")


def _dash_field_of(text: str) -> tuple[str, str] | None:
    """:func:`_field_of` of a line whose label ends with a dash: only the labels of units,
    times and products, whose words no name or sentence opens with, and nothing after the
    label's own words: "Phối hợp với Phòng Kinh tế - Hạ tầng rà soát …" is a duty naming a
    unit with a dash, not a field."""
    m = _DASH_FIELD.match(text)
    if not m:
        return None
    kind = field_kind(m.group("label"))
    if kind not in _VALUE_BELOW or not _label_alone(m.group("label"), kind):
        return None
    return kind, m.group("value").strip()


# Words a label may add after its field's own words ("Đơn vị chủ trì thực hiện", "Thời gian
# hoàn thành"), folded.
_LABEL_TAIL = re.compile(r"^(?:\s*(?:thuc hien|hoan thanh|trien khai|tham muu|chinh|du kien"
                         r"|cong viec|nhiem vu|chiu trach nhiem))*\s*$")


def _label_alone(label: str, kind: str) -> bool:
    """Whether ``label`` is only the words of a ``kind`` field's label."""
    key = _label_key(label)
    found = next((m for k, rx in _FIELDS if k == kind and (m := rx.match(key))), None)
    return found is not None and _LABEL_TAIL.match(key[found.end():]) is not None


def _label_key(label: str) -> str:
    """A label as :data:`_FIELDS` reads it: folded, without brackets, spaces squashed."""
    return squash_spaces(_PARENS.sub(" ", fold(label)))


_PARENS = re.compile(r"[()]")


@lru_cache(maxsize=4096)
def field_kind(label: str) -> str | None:
    """The field a task's label names ("Đơn vị phối hợp" → "support"), or None; plans repeat
    a handful of labels on every task. Also tells a line that lost the colon after its
    label from one that never had one."""
    key = _label_key(label)
    for kind, rx in _FIELDS:
        if rx.match(key):
            return kind
    return None


def _section_holds_tasks(title: str) -> bool:
    key = fold(title)
    if _HAS_TASKS.search(key):
        return True
    return not _NO_TASKS.search(key)


def _assesses(title: str) -> bool:
    """Whether a part's or its section's title reports on the past: its lines are results,
    shortcomings and lessons, not duties ("KẾT QUẢ THỰC HIỆN NĂM 2025", "II. HẠN CHẾ")."""
    key = fold(title).strip()
    return bool(_ASSESSES.match(key)) and not _LOOKS_AHEAD.search(key)


def _holds_tasks(node: Node) -> bool:
    """Whether a section holds tasks by its title; a part that assesses holds none."""
    if node.is_part and _assesses(node.text):
        return False
    return _section_holds_tasks(node.text)


_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _cells(text: str, marked: bool = False) -> list[str]:
    """A pipe row's cells; the lead marks the line cleaner kept ("**Sở Tài chính**") are
    read by the table (see :func:`_bold_leads`) and dropped elsewhere, unless ``marked``."""
    inner = text.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    if _LEAD_MARK in inner and not marked:
        inner = inner.replace(_LEAD_MARK, "")
    return [squash_spaces(_HTML_BREAK.sub(", ", c) if "<" in c else c) for c in inner.split("|")]


_LEAD_MARK = "**"
_MARKED_UNIT = re.compile(r"\*\*([^*]+)\*\*")


def _bold_leads(found: list[tuple[str, Role]], marked: str) -> list[tuple[str, Role]]:
    """The units of a cell of a table's one unit column that names no role, as its bold
    marks tell them: a bold unit ("**Sở Tài chính**, Sở Nội vụ") leads, the others partner.
    A cell with no mark, or all units marked, is left as it is."""
    bold = {unit_identity(n) for m in _MARKED_UNIT.finditer(marked)
            for n in split_units(m.group(1), strict=False)}
    roles = [unit_identity(name) in bold for name, _ in found]
    if not any(roles) or all(roles):
        return found
    return [(name, "lead" if lead else "support") for (name, _), lead in zip(found, roles,
                                                                              strict=True)]


def _shape(text: str) -> tuple[str, str, str]:
    """What a line opens with: (kind, label, body), read once per line.

    Kinds, tried in this order: table (a pipe row), closing ("Trên đây là …",
    "Nơi nhận", a signer's title), appendix, section (Roman, or a part: "PHẦN THỨ HAI"),
    num ("2.", "2.1"), nv ("Nhiệm vụ 2:"), letter ("a)"), plus, bullet ("-", "(1)"), para.
    Each pattern is tried only when the first characters could open it, so a line of prose
    costs a few string tests instead of a dozen regex calls.
    """
    first = text[:1]
    if first == "|":
        return "table", "", ""
    # Enough for "tren day la", "noi nhan", "phu luc" and a boundary; only a "t", "n" or "p"
    # (or a letter with marks) folds to their first letter.
    key = char_fold(text[:12]) if first in _FOLDED_OPENERS or not first.isascii() else ""
    if _CLOSING.match(key) or (
            len(text) < 60 and first in _SIGNATURE_OPENERS and _SIGNATURE.match(text)):
        return "closing", "", ""
    if _APPENDIX.match(key) and len(text) < 120:
        return "appendix", "", text
    if first == "P" and (part := part_heading(text)) is not None:
        return "part", *part  # "PHẦN THỨ HAI", "Phần II. NHIỆM VỤ": as section "II"
    if first in "IVXL":
        m = _ROMAN.match(text)
        if m and _valid_roman(m.group("n")):
            return "section", m.group("n"), m.group("t")
    if first.isdecimal():  # what \d matches
        m = _NUM.match(text)
        if m:
            return "num", m.group("n") or m.group("n1"), m.group("t") or m.group("t1")
    if first in "nN":
        m = _NV.match(text)
        if m:
            return "nv", m.group("n"), m.group("t")
    if text[1:2] in _LETTER_MARKS:
        m = _LETTER.match(text)
        if m:
            return "letter", m.group("n"), m.group("t")
    if first == "+":
        m = _PLUS.match(text)
        if m:
            return "plus", "", m.group("t")
    if first in _BULLET_MARKS:
        m = _BULLET.match(text)
        if m:
            return "bullet", "", m.group("t")
    if first == "(":
        m = _BRACKETED_NUMBER.match(text)
        if m:
            return "bullet", "", m.group("t")
    return "para", "", text


# The items a line may sit under, by what the line is.
_UP_TO_SECTION = frozenset({"section"})
_UP_TO_NUM = frozenset({"section", "num"})
_UP_TO_LETTER = frozenset({"section", "num", "letter"})


def build_outline(lines: list[Line]) -> list[Node]:
    """Arrange lines into sections → headings → bullets → steps; drop the closing block."""
    roots: list[Node] = []
    stack: list[Node] = []
    closed = False
    seen_section = False
    appendices = 0
    part: Node | None = None  # the part the sections below are written in

    def attach(node: Node) -> None:
        if stack:
            stack[-1].children.append(node)
        else:
            roots.append(node)

    def pop_to(kinds: frozenset[str]) -> None:
        """Close the open items above the innermost one of ``kinds``."""
        while stack and stack[-1].kind not in kinds:
            stack.pop()

    for line in lines:
        text = line.text.strip()
        kind, label, body = _shape(text)
        if kind == "table":
            cells = _cells(text)
            if closed and not _looks_like_header(cells):
                continue
            closed = False
            pop_to(_UP_TO_LETTER)
            parent = stack[-1] if stack else None
            last = parent.children[-1] if parent and parent.children else (
                roots[-1] if not parent and roots else None)
            labelled = _labelled_row(cells)
            if labelled is not None and last is not None and last.kind == "table" \
                    and (content := _content_row(last)) is not None:
                # "| Nội dung | … |" then "| Đơn vị chủ trì | … |": the task's lines, no table.
                siblings = parent.children if parent else roots
                siblings[-1] = content
                last = content
            siblings = parent.children if parent else roots
            if last is not None and last.kind == "para" and _running_head(siblings, cells):
                # The table's header again under a page's running head ("Kế hoạch số 88/KH-
                # UBND …"): the table goes on, the head is no line of the plan.
                siblings.pop()
                last = siblings[-1]
            if last is not None and last.kind == "table" and not _another_header(last, cells):
                last.rows.append(cells)
                last.lines.append(line)
            elif labelled is not None:
                # "| Đơn vị chủ trì | Phòng X |": a task's labelled line, as a two-cell row.
                attach(Node("para", "", f"{cells[0]}: {cells[1]}", [line], labelled=labelled))
            else:
                attach(Node("table", "", "", [line], rows=[cells]))
            continue
        if kind == "closing":
            closed = True
            continue
        if kind == "appendix":
            closed = False
            seen_section = True
            appendices += 1
            # "PHỤ LỤC I", "PHỤ LỤC II": each its own ids ("PL.T1.1", "PL2.T1.1").
            node = Node("section", appendix_section(appendices), text, [line], holds_tasks=True)
            part = None
            roots.append(node)
            stack[:] = [node]
            continue
        if closed:
            if kind == "para" and _attached_title(text):
                # A decision's closing, then the plan it issues ("KẾ HOẠCH … (Ban hành
                # kèm theo Quyết định số …)"): the plan's own sections follow.
                closed, seen_section, part = False, False, None
                stack.clear()
            continue
        if kind == "para" and stack and stack[-1].kind == "section" and stack[-1].lines \
                and not stack[-1].text and not stack[-1].children:
            # "PHẦN THỨ HAI" alone on its line: the line below is its title.
            stack[-1].text = body
            stack[-1].holds_tasks = _holds_tasks(stack[-1])
            stack[-1].lines.append(line)
            continue
        if kind in ("section", "part"):
            seen_section = True
            node = Node("section", label, body, [line], is_part=kind == "part",
                        within=None if kind == "part" else part)
            node.holds_tasks = _holds_tasks(node)
            part = node if kind == "part" else part
            roots.append(node)
            stack[:] = [node]
            continue
        if kind == "num":
            level = label.count(".") + 1
            nv = _NV.match(body)
            node = Node("num", label, body, [line], level=level)
            if nv:
                node.label, node.text = f"NV{nv.group('n')}", nv.group("t")
                node.labelled = ("nv", label)
            if not seen_section and not stack:
                seen_section = True
                root = Node("section", "", "", [], holds_tasks=True)
                roots.append(root)
                stack[:] = [root]
            while stack and stack[-1].kind != "section" and not (
                    stack[-1].kind == "num" and stack[-1].level < level):
                stack.pop()
            attach(node)
            stack.append(node)
            continue
        if not seen_section:
            continue
        if kind == "nv":
            node = Node("num", f"NV{label}", body, [line], level=1, labelled=("nv", label))
            pop_to(_UP_TO_SECTION)
            attach(node)
            stack.append(node)
            continue
        if kind == "letter" and (labelled := _field_of(body)) is not None \
                and labelled[0] in _VALUE_BELOW and _short_label(body):
            # "a) Đơn vị thực hiện: Văn phòng Sở", "b) Thời gian: Quý IV/2024": the task's
            # labelled lines, lettered.
            pop_to(_UP_TO_NUM)
            attach(Node("para", "", body, [line], labelled=labelled))
            continue
        if kind == "letter":
            node = Node("letter", label, body, [line], level=99)
            pop_to(_UP_TO_NUM)
            attach(node)
            stack.append(node)
            continue
        if kind == "plus":
            node = Node("plus", "", body, [line])
            pop_to(_UP_TO_LETTER)
            host = stack[-1] if stack else None
            last = host.children[-1] if host and host.children else None
            field = _field_of(body) if ":" in body else None
            if field is not None and field[0] not in _VALUE_BELOW:
                field = None
            if last is not None and last.kind in ("bullet", "para") and not (
                    field and last.labelled is not None and last.labelled[0] in _VALUE_BELOW):
                last.children.append(node)
            elif field is not None:
                # "+ Chủ trì: Phòng X", "+ Thời gian: Quý IV": the item's labelled lines.
                attach(Node("bullet", "", body, [line], labelled=field))
            else:
                attach(node)
            continue
        pop_to(_UP_TO_LETTER)
        if kind in ("para", "bullet") and stack and stack[-1].children \
                and stack[-1].children[-1].labelled is not None \
                and _value_below(stack[-1].children[-1], body):
            # "Đơn vị phối hợp:" alone on its line, its units on the lines below.
            host = stack[-1].children[-1]
            joiner = " " if host.labelled and not host.labelled[1] else "; "
            host.text = f"{host.text.rstrip()}{joiner}{body}"
            host.lines.append(line)
            host.labelled = _field_of(host.text)
            continue
        if kind == "para" and stack and (stack[-1].kind != "section" or stack[-1].children):
            # A line in lower case goes on with the item above it ("…;" / "tổng hợp …"),
            # as does any line after one that stops mid-phrase ("… phối hợp với Sở Y tế, Bộ")
            # or a long wrapped line with no closing stop.
            host = stack[-1].children[-1] if stack[-1].children else stack[-1]
            if host.kind != "table" and (body[:1].islower() or _OPEN_END.search(
                    char_fold(host.text[-20:])) or _wrapped(host, body)
                    or _assigns_the_duty_above(host, body)):
                host.text = f"{host.text} {body}"
                host.lines.append(line)
                if host.kind in ("bullet", "para"):
                    host.labelled = _field_of(host.text)
                continue
        node = Node(kind, "", body, [line], labelled=_field_of(body))
        attach(node)
    _scope_to_parts(roots)
    return roots


def _scope_to_parts(roots: list[Node]) -> None:
    """Sections written inside parts ("PHẦN THỨ HAI" / "I. NHIỆM VỤ CHUNG"): a section of a
    part that holds no tasks, or that assesses, holds none; and as their numbers restart in
    each part, each part is its own scope ("P2", "P2.I"), so that the ids of part one's and
    part two's sections "I" never meet. Parts with no sections inside keep their numbers."""
    inside = [(node, node.within) for node in roots if node.within is not None]
    if not inside:
        return
    scopes = {id(node): part_section(node.label) for node in roots if node.is_part}
    for node, part in inside:
        if not part.holds_tasks or _assesses(node.text):
            node.holds_tasks = False
        node.label = f"{scopes[id(part)]}.{node.label}"
    for node in roots:
        if node.is_part:
            node.label = scopes[id(node)]


_VALUE_BELOW = frozenset({"lead", "support", "participate", "deadline", "output"})
_UNIT_FIELDS = frozenset({"lead", "support", "participate"})


def _short_label(text: str) -> bool:
    """True when the label before the ":" of ``text`` is a label and not a duty that names
    its time after it ("Chủ trì kiểm tra …; thời gian: Quý III/2026")."""
    label = text.split(":", 1)[0]
    return ";" not in label and len(label.split()) <= 6


def _value_below(host: Node, body: str) -> bool:
    """True when ``body`` is the value of the labelled line ``host`` written alone ("Đơn vị
    thực hiện:" then "Trung tâm Khuyến nông"), or one more unit below such a label."""
    kind, value = host.labelled  # type: ignore[misc]
    if kind not in _VALUE_BELOW:
        return False
    if value:
        if kind not in _UNIT_FIELDS or not host.lines[0].text.rstrip().endswith(":") \
                or not looks_like_unit(body.rstrip(" ;.,"), strict=True):
            return False
    elif host.kind not in ("para", "bullet") or host.children:
        return False
    return ":" not in body[:70] or _field_of(body) is None


# A heading that is only a time: "Quý I", "Quý III năm 2025", "Tháng 6/2025", "6 tháng đầu
# năm", "Tháng 1 - Tháng 3".
_PERIOD_HEADING = re.compile(
    r"^\s*(?:(?:quý|tháng)\s+[IVX\d]{1,4}(?:\s*(?:,|-|–|và|đến)\s*(?:(?:quý|tháng)\s+)?"
    r"[IVX\d]{1,4})*|\d{1,2}\s+tháng\s+(?:đầu|cuối)(?:\s+năm)?)"
    r"(?:\s*(?:năm\s+|/)\s*(?:19|20)\d{2})?\s*[:.]?\s*$", re.IGNORECASE)
_ATTACHED_TITLES = ("ke hoach", "chuong trinh", "de an")


def _attached_title(text: str) -> bool:
    """True for the title word of a document attached after another's closing block."""
    return text[:1] in "KCĐ" and text.isupper() and char_fold(text).startswith(_ATTACHED_TITLES)


# Capitalised words that go on a sentence rather than open a duty: a cited document.
_DOC_WORD = re.compile(r"^(?:ke hoach|nghi quyet|quyet dinh|chi thi|chuong trinh|ket luan|"
                       r"thong tu|nghi dinh|luat|de an|thong bao|cong van)(?![a-z0-9])")


# What may follow "Giao X chủ trì" in a line that only assigns the duty above it: partners
# (cut out before), "thực hiện", a report to a body, a time (folded).
_BARE_ASSIGNMENT = re.compile(
    r"^(?:chu tri|phu trach|lam dau moi)(?:[\s,;]*phoi hop(?: voi| cung)?[\s,;va]*)?"
    r"(?:[\s,]*(?:to chuc )?thuc hien)?(?:[\s,]*bao cao [^.;:]{0,60})?"
    r"(?:[\s.;,]*(?:thoi gian|thoi han)[^:]{0,25}:[^;]*)?[\s.;]*$")


def _only_assigns(text: str) -> bool:
    """True when ``text`` names units, their roles and perhaps a time, and no duty: "Phòng X
    chủ trì; các phòng, đơn vị liên quan phối hợp.", "Giao Cục X chủ trì, phối hợp với Vụ Y
    thực hiện; thời gian: Quý III/2026."."""
    subj = leading_subject(text)
    if subj is None or subj.role != "lead":
        return False
    rest = char_fold(text[subj.end:])
    for name in subj.partners:
        rest = rest.replace(char_fold(name), " ")
    return _BARE_ASSIGNMENT.match(rest.strip(" ,")) is not None


def _assignments_below(node: Node) -> list[Node]:
    """The lines straight under a heading that only assign it (see :func:`_only_assigns`),
    when they come before anything else under it."""
    found: list[Node] = []
    for child in node.children:
        if child.kind not in ("para", "bullet") or child.children or child.labelled is not None \
                or not _only_assigns(child.text):
            break
        found.append(child)
    return found


def _assigns_the_duty_above(host: Node, body: str) -> bool:
    """True when ``body`` only gives the paragraph above a unit: "Sửa đổi Thông tư …" then
    "Giao Cục X chủ trì, phối hợp với Vụ Y thực hiện; thời gian: Quý III/2026."."""
    if host.kind != "para" or host.labelled is not None or not body.startswith("Giao "):
        return False
    return leading_subject(host.text) is None and _only_assigns(body)


def _wrapped(node: Node, body: str) -> bool:
    """A long wrapped line that stops without punctuation before "Kế hoạch này …"."""
    last = node.lines[-1].text.rstrip() if node.lines else ""
    return node.kind in ("para", "bullet", "num", "letter") and node.labelled is None \
        and len(last) >= 80 \
        and not last.endswith((".", ";", ":", "!", "?", "…", ")")) \
        and bool(_DOC_WORD.match(char_fold(body[:20])))


_ROMAN_NUMBER = re.compile(r"X{0,3}(IX|IV|V?I{0,3})")
_CAPITAL = re.compile(r"[A-Z]")
_TABLE_RULE = re.compile(r":?-{2,}:?")


def _valid_roman(text: str) -> bool:
    return bool(_ROMAN_NUMBER.fullmatch(text)) and text != ""


def _group_numbering(stt: str) -> str:
    """How a table's group row is numbered: "roman" ("II"), "letter" ("B"), "a" ("b"), "1" or
    "2" … for numbers with that many parts ("1", "1.2"), else "other"; each is one level."""
    if _valid_roman(stt):
        return "roman"
    if _CAPITAL.fullmatch(stt):
        return "letter"
    if stt[:1].isdigit():
        return str(stt.count(".") + 1)
    return "a" if len(stt) == 1 and stt.islower() else "other"


_ROW_KINDS = frozenset({"lead", "support", "participate", "deadline", "output"})


def _looks_like_header(cells: list[str]) -> bool:
    """A header names the content column and a role or time column, or two period columns
    ("| STT | Nội dung | Quý I | Quý II |")."""
    kinds = {_column_kind(c) for c in cells}
    if "content" not in kinds:
        return False
    return bool(kinds & _ROW_KINDS) or len({c for c in cells if _is_period_column(c)}) >= 2


def _labelled_row(cells: list[str]) -> tuple[str, str] | None:
    """(field kind, value) of a two-cell row that gives a task's unit, time or product ("|
    Thời gian thực hiện | Quý III/2026 |"), as Word templates lay out each task."""
    if len(cells) != 2 or not all(cells) or _looks_like_header(cells):
        return None
    labelled = _field_of(f"{cells[0]}: {cells[1]}")
    return labelled if labelled is not None and labelled[0] in _VALUE_BELOW else None


def _another_header(table: Node, cells: list[str]) -> bool:
    """True when ``cells`` head other columns than the header of ``table``: a new table
    right below it (the blank line between them is gone), not its header again on a new
    page."""
    if not _names_columns(cells):
        return False
    header = next((row for row in table.rows if _looks_like_header(row)), None)
    return header is not None and [_column_kind(c) for c in header] != [
        _column_kind(c) for c in cells]


_HEADER_WORD_MAX = 40  # a header cell naming no known column is a short label ("Kinh phí")


def _names_columns(cells: list[str]) -> bool:
    """True for a header whose every cell names a column: not a row of a task whose words
    happen to name some ("Đặt hàng nhiệm vụ … bảo đảm tiến độ" | "23 nhiệm vụ …")."""
    return _looks_like_header(cells) and all(
        _column_kind(c) is not None or _is_period_column(c)
        or (len(c) <= _HEADER_WORD_MAX and not any(ch.isdigit() for ch in c))
        for c in cells if c)


_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXL]{1,6}|[A-Z])\.?$")


def _numbered_row(cells: list[str], columns: dict[str, int]) -> bool:
    """True when the row bears a number in the STT column: a task's row, however many of
    its words name columns; a header never has one."""
    i = columns.get("stt")
    return i is not None and i < len(cells) and bool(_ROW_NUMBER.match(cells[i].strip()))


# A unit column's header noting that the unit named first leads: "Cơ quan thực hiện (đơn vị
# đầu tiên là đơn vị chủ trì)", "Đơn vị thực hiện (cơ quan đứng đầu chủ trì)" (folded).
_NOTE_MAX = 120  # longer than a note on how a table's units read
_FIRST_LEADS = re.compile(r"(?:don vi|co quan)\s+(?:dau tien|dung dau|dung truoc|thu nhat|ghi dau"
                          r"|ghi truoc|neu dau|dau)\b[^()]{0,30}\bchu tri")


def _one_column_roles(found: list[tuple[str, Role]], row: str, column: int, first_leads: bool
                      ) -> list[tuple[str, Role]]:
    """The roles of the units of a table's one unit column (no partner column), cell
    ``column`` of ``row``: the first leads where its header says so, else the bold ones
    where the cell names no role of its own; else as the cell reads."""
    if first_leads:
        return _first_leads(found)
    if _LEAD_MARK not in row:
        return found
    marked = _cells(row, marked=True)
    if column >= len(marked) or _ROLE_WORDS.search(char_fold(marked[column])):
        return found
    return _bold_leads(found, marked[column])


def _first_leads(found: list[tuple[str, Role]]) -> list[tuple[str, Role]]:
    """The units of a cell under a header noting that the first leads: the first leads, the
    rest partner; a cell that gives roles of its own ("Sở X (phối hợp)") keeps them."""
    if any(role != "lead" for _, role in found):
        return found
    return [(name, "lead" if k == 0 else "support") for k, (name, _) in enumerate(found)]


# A group row merged across the whole table, its number and title in one cell: "I. CÔNG TÁC
# TUYÊN TRUYỀN", "II - HỖ TRỢ TÀI CHÍNH", "B) NHIỆM VỤ CỤ THỂ".
_MERGED_GROUP = re.compile(
    r"^(?P<n>[IVXL]{1,6}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)\s*[.):\-–]?\s+(?P<t>\S.*)$")


def _merged_group(cells: list[str], columns: dict[str, int]) -> list[str] | None:
    """A row whose one cell holds a group's number and title (a row merged across the table)
    laid out as the table's columns: the number under STT, the title under the content."""
    filled = [c for c in cells if c.strip()]
    if len(filled) != 1 or not cells[0].strip() or "content" not in columns:
        return None
    m = _MERGED_GROUP.match(cells[0].strip())
    if m is None or (m.group("n").isalpha() and not (
            _valid_roman(m.group("n")) or len(m.group("n")) == 1)):
        return None
    width = max(len(cells), *(i + 1 for i in columns.values()))
    row = [""] * width
    if "stt" in columns:
        row[columns["stt"]] = m.group("n")
        row[columns["content"]] = m.group("t")
    else:
        row[columns["content"]] = cells[0].strip()
    return row


# A page's running head: a short line citing the document by its number ("Kế hoạch số 88/KH-UBND
# ngày 12/3/2026 của UBND tỉnh", "Phụ lục Kế hoạch 88/KH-UBND").
_CITES_NUMBER = re.compile(r"\b\d{1,5}/(?:\d{4}/)?[A-ZĐ]{2,}(?:-[A-ZĐ]{2,})*\b")
_RUNNING_HEAD_MAX = 160


def _running_head(siblings: list[Node], cells: list[str]) -> bool:
    """True when the last of ``siblings`` is a running head standing between a table and its
    header repeated on the next page (``cells``)."""
    if len(siblings) < 2 or siblings[-2].kind != "table" or not _looks_like_header(cells):
        return False
    head = siblings[-1]
    return (not head.children and head.labelled is None and len(head.text) <= _RUNNING_HEAD_MAX
            and _CITES_NUMBER.search(head.text) is not None
            and not _another_header(siblings[-2], cells))


def _content_row(table: Node) -> Node | None:
    """A table of one two-cell row that labels a task's content ("| Nội dung | Hỗ trợ … |"),
    as a labelled line, when the rows after it label its other fields; else None."""
    if len(table.rows) != 1 or len(table.rows[0]) != 2 or not all(table.rows[0]):
        return None
    label, value = table.rows[0]
    labelled = _field_of(f"{label}: {value}")
    if labelled is None or labelled[0] != "content":
        return None
    return Node("para", "", f"{label}: {value}", table.lines, labelled=labelled)


def _header_continues(cells: list[str]) -> bool:
    """True for the second row of a two-row header: only role, time or period column names
    ("Phân công" above "Chủ trì | Phối hợp", "Thời gian thực hiện" above "Quý I | Quý II")."""
    named = [c for c in cells if c.strip()]
    periods = [c for c in named if _is_period_column(c)]
    kinds = {_column_kind(c) for c in named if not _is_period_column(c)}
    return bool(named) and kinds <= _ROW_KINDS and bool(periods or {"lead", "support"} & kinds)


def _numbered_periods(cells: list[str], parents: dict[int, str]) -> dict[int, str]:
    """The period columns of a header row whose cells only number them ("I", "II" or "1" …
    "12"), named after the cell above that spans them: "Quý" over "II" is "Quý II"."""
    found: dict[int, str] = {}
    order = sorted(parents)
    for i, cell in enumerate(cells):
        if not cell:
            continue
        above = [k for k in order if k <= i]
        word = parents[above[-1]] if above else None
        number = cell.strip(" .").upper()
        if word is None or number not in _PERIOD_NUMBERS[word]:
            return {}
        if word == "time":
            word = "quy" if number in _QUARTER_NUMBERS else "thang"
        found[i] = f"{_PERIOD_WORDS[word]} {number.lstrip('0')}"
    if any(name.startswith("Tháng") for name in found.values()) and len(found) < 5 \
            and "thang" not in parents.values():
        return {}  # "1 | 2 | 3 | 4" under "Thời gian": quarters or months, no one can tell
    return found


@lru_cache(maxsize=1024)
def _period_parent(cell: str) -> str | None:
    """"quy" or "thang" for a header cell spanning numbered period columns ("Quý", "Tiến độ
    (tháng)"), "time" for a time column that may (or may not) span some ("Tiến độ thực
    hiện"), else None."""
    if not cell or len(cell) > 60:
        return None
    folded = squash_spaces(re.sub(r"[():,]", " ", fold(cell)))
    m = _PERIOD_PARENT.match(folded)
    if m:
        return m.group(1)
    return "time" if _TIME_HEADER.match(folded) else None


@lru_cache(maxsize=1024)
def _is_period_column(cell: str) -> bool:
    """True for a header cell naming one period ("Quý II", "Tháng 3", "6 tháng đầu năm",
    "2025"): a column whose marks say when a task is due, not a unit or a task's text."""
    return bool(cell) and len(cell) < 24 and bool(_PERIOD_COLUMN.match(fold(cell)))


def _marked_periods(cells: list[str], periods: dict[int, str]) -> str:
    """The periods a row marks, as their headers read ("Quý II, Quý III"); a run of
    :data:`_RUN` or more neighbouring periods is written "Quý I - Quý IV"."""
    order = sorted(periods)
    marked = [k for k, i in enumerate(order) if i < len(cells) and cells[i] in _MARKS]
    if not marked:
        return ""
    runs: list[list[int]] = []
    for k in marked:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    parts = []
    for run in runs:
        names = [periods[order[k]] for k in run]
        parts.append(f"{names[0]} - {names[-1]}" if len(run) >= _RUN else ", ".join(names))
    return ", ".join(parts)


@lru_cache(maxsize=4096)
def _column_kind(cell: str) -> str | None:
    """The column a header cell names; remembered, as tables repeat their headers and units."""
    key = fold(cell)
    if _ANY_COLUMN.search(key) is None:  # most cells: a task's text, a unit, a date
        return None
    for kind, rx in _TABLE_COLUMNS:
        if rx.search(key):
            return kind
    return None


# The id letter of a task read from a bullet, paragraph or "+" step: "III.4.b2", "II.1.p1".
_ID_MARKS = {"bullet": "b", "para": "p", "plus": "s"}


class _Reader:
    """Walks the outline of one plan and collects its tasks."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.path = plan.source.path
        self.book = UnitBook(plan.issuer)
        self.tasks: list[Task] = []
        self.ids: set[str] = set()
        self.periods: dict[str, str] = {}  # task id → the period heading it sits under
        self.year = single_year(plan.title)  # the year of a plan about one ("… năm 2024")
        self.unit_cells: dict[str, str] = {}  # the unit cells of the last table row, by column
        self.split: set[str] = set()  # ids of sentences read as clauses (see clause_tasks)
        self.by_sentence: set[str] = set()  # ids of paragraphs read as a duty per sentence

    # --- helpers ---------------------------------------------------------------

    def span(self, lines: list[Line], text: str) -> Span:
        return self.quoted_span(lines, _quote(text))

    def quoted_span(self, lines: list[Line], quote: str) -> Span:
        """The span of ``lines`` quoting ``quote`` (already squashed and cut)."""
        if len(lines) == 1:
            line = lines[0]
            return Span(self.path, line.start, line.end, quote)
        return Span(self.path, min([line.start for line in lines]),
                    max([line.end for line in lines]), quote)

    def new_id(self, wanted: str) -> str:
        candidate, n = wanted, 2
        while candidate in self.ids:
            candidate = f"{wanted}-{n}"
            n += 1
        self.ids.add(candidate)
        return candidate

    def make_task(self, tid: str, text: str, lines: list[Line], ctx: Context) -> Task:
        tid = self.new_id(tid)
        number = tid[len(ctx.section) + 1:] if ctx.section and tid.startswith(
            ctx.section + ".") else tid
        text = squash_spaces(text)
        task = Task(id=tid, number=number, text=text, section=ctx.section,
                    source=self.quoted_span(lines, text[:_QUOTE]), parent=ctx.parent,
                    group=ctx.group)
        self.tasks.append(task)
        if ctx.period is not None:
            self.periods[task.id] = ctx.period
        return task

    def add_unit(self, task: Task, name: str, role: Role, line: Line) -> None:
        key = unit_identity(name)
        for existing in task.units:
            if unit_identity(existing.name) == key:
                if role == "lead" and existing.role != "lead":
                    existing.role = "lead"
                return
        quote = line.text
        task.units.append(self.book.mention(name, role, self.span([line], quote)))

    def drop_unit(self, task: Task, name: str) -> None:
        """Take back a unit read from a cell whose name goes on in the next row."""
        key = unit_identity(name)
        for found in [u for u in task.units if unit_identity(u.name) == key]:
            task.units.remove(found)
            self.book.forget(found)

    def assign_prose(self, task: Task, subject: list[str] | None, role: Role,
                     partner_names: list[str], line: Line, *, said: str | None = None) -> None:
        """Units of a duty read from prose, with the "phối hợp với" rule of the module doc.
        ``said`` is the text when the subject is named in it ("Ủy ban Kiểm tra phối hợp với
        Văn phòng … kiểm tra, giám sát"): the subject keeps its duty then, unless it is an
        office ("Văn phòng Sở phối hợp với Phòng X tổng hợp …") or a label ("Phòng X: Phối
        hợp với …")."""
        subject = subject or []
        named_partners = [p for p in partner_names if not is_collective(p)]
        flip = (role == "support" and subject and named_partners
                and (said is None or _hands_over(said, subject))
                and len(named_partners) == len(partner_names)
                and all(is_internal(p, self.book.rule) for p in partner_names)
                and all(is_internal(s, self.book.rule) and not is_collective(s)
                        for s in subject))
        if flip:
            for name in partner_names:
                self.add_unit(task, name, "lead", line)
            for name in subject:
                self.add_unit(task, name, "support", line)
            return
        subject_role: Role = "lead" if (role == "support" and partner_names) else role
        for name in subject:
            self.add_unit(task, name, subject_role, line)
        for name in partner_names:
            self.add_unit(task, name, "support", line)

    def finish(self, task: Task, extra_text: list[str] | None = None) -> None:
        if ")" in task.text and task.id not in self.split and not self.noted_units(task) \
                and not any(u.role == "lead" for u in task.units):
            self.bracketed_units(task)
        if task.deadline is None and task.id not in self.by_sentence:
            task.deadline = find_deadline(task.text)
        if not task.outputs and task.id not in self.by_sentence and ":" in task.text \
                and ("ản phẩm" in task.text or "ết quả" in task.text):
            task.outputs.extend(squash_spaces(m.group("value"))
                                for m in _INLINE_OUTPUT.finditer(task.text))
        seen = {(t.value, fold(t.unit)) for t in task.targets}
        for text in [task.text, *task.outputs, *(extra_text or [])]:
            for target in read_targets(text):
                if (target.value, fold(target.unit)) not in seen:
                    seen.add((target.value, fold(target.unit)))
                    task.targets.append(target)

    # --- walking ---------------------------------------------------------------

    def read(self, roots: list[Node]) -> None:
        for node in roots:
            if node.kind != "section" or not node.holds_tasks:
                continue
            sid = node.label or None
            ctx = Context(section=sid, prefix=sid or "")
            self.children(node, ctx)
        for task in self.tasks if self.periods else ():
            if task.deadline is None and task.id in self.periods:
                task.deadline = read_deadline_in(self.periods[task.id], self.year)

    def children(self, node: Node, ctx: Context) -> None:
        """Tasks from the headings, bullets, paragraphs and tables under ``node``."""
        carried = ctx.subject
        counters = {"bullet": 0, "para": 0, "table": 0, "plus": 0}
        # A unit heading's labelled lines follow its duties (see heading()): they are theirs.
        below = _fields_below_duties(node.children, need_lead=node.kind == "section")
        for k, child in enumerate(node.children):
            if child.kind in ("num", "letter"):
                self.heading(child, ctx)
                continue
            if child.kind == "table":
                counters["table"] += 1
                above = node.children[k - 1] if k else None
                self.table(child, ctx, counters["table"],
                           above.text if above is not None and above.kind == "para" else "")
                continue
            if child.labelled is not None and child.labelled[0] != "nv":
                continue  # labelled lines belong to the heading (see heading())
            if child.kind == "para" and child.text.rstrip().endswith(":") and not child.children:
                # An introduction: "… các nhiệm vụ sau:"; one naming a unit ("Sở Y tế:",
                # "Sở Y tế chủ trì các nhiệm vụ sau:") hands its duties to the lines below.
                names, partnered = _noted_heading(child.text) or (_heading_units(child.text), None)
                if names is None:
                    subj = leading_subject(child.text)
                    names = subj.names if subj is not None and subj.role == "lead" else None
                    partnered = subj.partners if names else None
                if names:
                    carried = names
                    ctx = ctx.but(group=squash_spaces(child.text).rstrip(" :."), subject=names,
                                  partners=partnered)
                continue
            if not child.children and len(child.text) < _POINTER_MAX \
                    and _POINTER.match(char_fold(child.text)):
                continue  # "Chi tiết tại Phụ lục kèm theo.": the duties are in the appendix
            counters[child.kind] += 1
            mark = _ID_MARKS[child.kind]
            tid = f"{ctx.prefix}.{mark}{counters[child.kind]}" if ctx.prefix else \
                f"{mark}{counters[child.kind]}"
            carried = self.prose_task(child, tid, ctx, carried, below.get(id(child)))
            if node.kind == "section" and child.kind == "para" and not self.tasks[-1].units:
                # Prose straight under a section that assigns no one is an introduction
                # ("Các nhiệm vụ cụ thể tại Phụ lục kèm theo"), not a duty.
                self.ids.discard(self.tasks.pop().id)
                counters[child.kind] -= 1

    def prose_task(self, node: Node, tid: str, ctx: Context, carried: list[str] | None,
                   labelled: list[Node] | None = None) -> list[str] | None:
        """A bullet or paragraph read as one duty, with the labelled lines below it if any;
        returns the subject to carry on."""
        line = node.lines[0]
        task = self.make_task(tid, node.text, node.lines + _all_lines(node.children), ctx)
        task.steps, own_fields = _steps_and_fields(node.children)
        labelled = [*(labelled or []), *own_fields]
        if labelled:
            # "- Tổ chức ra quân …" / "Chủ trì: Phòng X" / "Thời gian: Hằng tháng"
            self.fields(task, Node(node.kind, "", node.text, node.lines), labelled, ctx)
            task.source = self.span(node.lines + _all_lines(node.children)
                                    + _field_lines(labelled), task.text)
            self.finish(task, task.steps)
            return carried
        inline = _inline_fields(node.text, node.lines)
        if any(n.labelled and n.labelled[0] == "lead" for n in inline):
            # "… (cơ quan chủ trì: Phòng X; thời hạn: Quý II/2026)": the fields decide.
            task.text = _tidied(_without_inline(node.text))
            self.fields(task, Node(node.kind, "", node.text, node.lines), inline, ctx)
            task.source = self.span(node.lines + _all_lines(node.children), task.text)
        elif (subj := leading_subject(node.text)) is not None and not (
                carried and _STEERS.match(node.text) and _PARTY_BODY.match(fold(carried[0]))):
            clauses = _clause_duties(node.text)
            if clauses is not None:
                self.clause_tasks(task, clauses, ctx)
            else:
                self.assign_prose(task, subj.names, subj.role, subj.partners, line,
                                  said=node.text)
            carried = subj.names
        elif carried is ctx.subject:
            self.assign_prose(task, carried, *ctx.with_partners(*role_and_partners(node.text)),
                              line)
        else:
            self.assign_prose(task, carried, *role_and_partners(node.text), line)
        self.finish(task, task.steps)
        return carried

    def heading(self, node: Node, ctx: Context) -> None:
        """A numbered item, "Nhiệm vụ N" or lettered heading and what it holds."""
        if _is_aside(node.text):
            return
        label = node.label
        if "." in label and ctx.section is not None:
            tid = f"{ctx.section}.{label}" if ctx.section else label
        else:
            tid = f"{ctx.prefix}.{label}" if ctx.prefix else label
        fields = _split_fields(
            [c for c in node.children if c.labelled is not None and c.labelled[0] != "nv"])
        if fields and (duties := _duties_with_fields(node.children)) is not None:
            self.duties_with_fields(node, tid, ctx, duties)
            return
        if not fields and (noted := _noted_heading(node.text)) is not None \
                and _has_tasks_below(node):
            # "4. Sở Tài chính (chủ trì), Sở Y tế:": a unit heading that notes who leads.
            group = squash_spaces(node.text).rstrip(" :.")
            self.children(node, ctx.but(prefix=tid, group=group, subject=noted[0],
                                        partners=noted[1]))
            return
        unit_names = _heading_units(node.text)
        if not unit_names and not fields and _PERIOD_HEADING.match(node.text) \
                and _has_tasks_below(node):
            # "1. Quý I", "Tháng 6/2025": a programme's tasks grouped by when they are due.
            period = squash_spaces(node.text).rstrip(" :.")
            self.children(node, ctx.but(prefix=tid, group=period, period=period))
            return
        if unit_names and (not fields or _fields_follow_duties(node.children)):
            group = squash_spaces(node.text).rstrip(" :.")
            sub = ctx.but(prefix=tid, group=group, subject=unit_names)
            self.children(node, sub)
            return
        task = self.make_task(tid, node.text, node.lines + _field_lines(fields), ctx)
        if node.labelled and node.labelled[0] == "nv":
            task.number = f"Nhiệm vụ {node.label[2:]}"
        inline = _inline_fields(node.text, node.lines) if not fields else []
        if inline:
            fields = inline
            task.text = _tidied(_without_inline(node.text))
        if fields:
            self.fields(task, node, fields, ctx)
        else:
            intro = node.text.rstrip().endswith(":")
            subj = leading_subject(node.text)
            inherited, partnered = ctx.subject, ctx.partners
            if subj is not None and intro:
                inherited = subj.names
                partnered = subj.partners if subj.role == "lead" else None
            elif subj is not None and (clauses := _clause_duties(node.text)) is not None:
                self.clause_tasks(task, clauses, ctx)
            elif subj is not None:
                self.assign_prose(task, subj.names, subj.role, subj.partners, node.lines[0],
                                  said=node.text)
            elif assigned := _assignments_below(node):
                # "1.1. Rà soát …" / "Phòng X chủ trì; các phòng liên quan phối hợp.": the
                # line under the heading gives it its units: a step of it, as beside labelled
                # lines, not a duty of its own.
                self.said_below(task, assigned)
                task.steps.extend(squash_spaces(a.text) for a in assigned)
                task.source = self.span(node.lines + _all_lines(assigned), task.text)
                node = Node(node.kind, node.label, node.text, node.lines, node.level,
                            [c for c in node.children if not any(c is a for a in assigned)])
            elif not _has_tasks_below(node) and (ctx.subject or "ợp" in node.text):
                # The heading's own unit, or none ("2. Phối hợp với Sở Y tế …": the
                # partners are still named, as in a bullet).
                self.assign_prose(task, ctx.subject,
                                  *ctx.with_partners(*role_and_partners(node.text)),
                                  node.lines[0])
            self.finish(task)
            if inherited is ctx.subject and (own := _units_handed_down(task)) is not None:
                inherited, partnered = own
            sub = ctx.but(prefix=tid, parent=task.id, subject=inherited, partners=partnered)
            self.children(node, sub)
            return
        self.finish(task, task.steps)
        inherited, partnered = _units_handed_down(task) or (None, None)
        sub = ctx.but(prefix=tid, parent=task.id, subject=inherited, partners=partnered)
        sub_node = Node(node.kind, node.label, node.text, node.lines, node.level,
                        [c for c in node.children if c.kind in ("num", "letter", "table")])
        self.children(sub_node, sub)

    def clause_tasks(self, task: Task, duties: _Duties, ctx: Context) -> None:
        """A sub-task per clause of a sentence, or per sentence of a paragraph, that gives
        several units each their own duty ("Sở Tài chính bố trí kinh phí; Sở Nội vụ hướng dẫn
        …; UBND các xã tổ chức thực hiện."): ids ``….c1``, ``….c2``; each quotes the whole
        sentence and takes its own time or else its sentence's; closing sentences naming a
        time or product ("Thời gian hoàn thành: quý IV/2026.") hold for every duty."""
        self.split.add(task.id)  # its units are its clauses
        sub = ctx.but(prefix=task.id, parent=task.id)
        line = Line(task.text, task.source.line_start, task.source.line_end)
        shared_time, shared_outputs = _shared_fields(duties.shared)
        if duties.by_sentence:
            # The paragraph's own time and product are those its duties share, no one's own.
            self.by_sentence.add(task.id)
            task.deadline = task.deadline or shared_time
            task.outputs.extend(o for o in shared_outputs if o not in task.outputs)
            whole = task.deadline
        else:
            whole = task.deadline or find_deadline(task.text)
        for n, clause in enumerate(duties.clauses, 1):
            subj = clause.subject
            child = self.make_task(f"{task.id}.c{n}", clause.text, [line], sub)
            child.source = Span(task.source.file, task.source.line_start, task.source.line_end,
                                task.source.quote)
            self.assign_prose(child, subj.names, subj.role, subj.partners, line,
                              said=clause.text)
            child.deadline = find_deadline(clause.text)
            if child.deadline is None and clause.context != clause.text:
                child.deadline = find_deadline(clause.context)
            if child.deadline is None:  # the sentence's time, for each clause
                child.deadline = Deadline(**vars(whole)) if whole is not None else None
            child.outputs.extend(shared_outputs)
            self.finish(child)

    def duties_with_fields(self, node: Node, tid: str, ctx: Context,
                           duties: list[tuple[Node, list[Node]]]) -> None:
        """A heading over duties that each have their labelled lines ("- Tuyên truyền …" /
        "Chủ trì: …" / "Thời gian: …", then the next duty): a task per duty under it."""
        task = self.make_task(tid, node.text, node.lines, ctx)
        self.finish(task)
        sub = ctx.but(prefix=tid, parent=task.id, subject=None)
        counters = {"bullet": 0, "para": 0}
        for duty, labelled in duties:
            counters[duty.kind] += 1
            child = self.make_task(f"{tid}.{_ID_MARKS[duty.kind]}{counters[duty.kind]}",
                                   duty.text, duty.lines + _field_lines(labelled), sub)
            self.fields(child, duty, _split_fields(labelled), sub)
            self.finish(child, child.steps)

    def fields(self, task: Task, node: Node, fields: list[Node], ctx: Context) -> None:
        """Layouts 2 and 3: the labelled lines of a task."""
        has_lead = False
        focal = _focal_fields(fields)
        for item in fields:
            kind, value = item.labelled  # type: ignore[misc]
            line = item.lines[0]
            if focal and kind == "lead" and not any(item is f for f in focal):
                kind = "support"  # "Trách nhiệm thực hiện:" beside "Đơn vị đầu mối:"
            if kind in ("lead", "support", "participate"):
                for name, role in _field_units(item.text, kind, value):
                    self.add_unit(task, name, role, line)
                    has_lead = has_lead or role == "lead"
            elif kind == "deadline" and value:
                task.deadline = self.deadline_in(value)
            elif kind == "output" and value:
                task.outputs.append(squash_spaces(value))
            elif kind == "content":
                if value:
                    task.steps.append(squash_spaces(value))
                task.steps.extend(squash_spaces(c.text) for c in item.children)
        for child in node.children:
            plain = child.kind in ("bullet", "para") and child.labelled is None
            if child.kind == "plus" or plain:
                task.steps.append(squash_spaces(child.text))
                task.steps.extend(squash_spaces(c.text) for c in child.children)
        lines = node.lines + _field_lines(fields) + [
            ln for c in node.children if c.kind in ("plus", "bullet", "para")
            for ln in c.lines + _all_lines(c.children)]
        task.source = self.span(lines, task.text)
        if has_lead and ("phối hợp" in task.text or "Phối hợp" in task.text) \
                and not any(u.role == "support" for u in task.units):
            # "Kiểm tra …, phối hợp với Công an tỉnh." under "Đơn vị chủ trì: Phòng X".
            for name in partners(task.text):
                self.add_unit(task, name, "support", node.lines[0])
        if not has_lead:
            plain = [c for c in node.children
                     if c.kind in ("bullet", "para") and c.labelled is None]
            subj = leading_subject(task.text)
            if subj is not None and (clauses := _clause_duties(task.text)) is not None:
                self.clause_tasks(task, clauses, ctx)
            elif subj is not None:
                self.assign_prose(task, subj.names, subj.role, subj.partners, node.lines[0],
                                  said=task.text)
            elif not self.said_below(task, plain) and ctx.subject:
                # The heading's unit; "Phối hợp với X …" makes X the lead, as in a bullet.
                self.assign_prose(task, ctx.subject,
                                  *ctx.with_partners(*role_and_partners(task.text)),
                                  node.lines[0])

    def said_below(self, task: Task, plain: list[Node]) -> bool:
        """Units and time a task with labelled lines but no lead label says in the prose
        under its heading: "1. Rà soát …" / "Chi cục X chủ trì, phối hợp với … (hoàn thành
        trong Quý II/2026)." / "Sản phẩm: …". True when a paragraph named its units."""
        named = False
        for child in plain:
            subj = leading_subject(child.text)
            if subj is not None:
                # "Văn phòng … tổng hợp; Phòng Kinh tế cung cấp số liệu": each clause's unit
                # leads its part of the heading's task.
                duties = _clause_duties(child.text)
                for said in [c.subject for c in duties.clauses] if duties else [subj]:
                    self.assign_prose(task, said.names, said.role, said.partners, child.lines[0],
                                      said=child.text)
                named = True
            if task.deadline is None and (found := find_deadline(child.text)) is not None:
                task.deadline = found
        return named

    def table(self, node: Node, ctx: Context, number: int, above: str = "") -> None:
        """Layout 5: one task per data row, groups from rows with only STT and content;
        ``above``: the line right above the table, which may note how its units read
        ("(Đơn vị đứng đầu là đơn vị chủ trì)")."""
        columns: dict[str, int] = {}
        periods: dict[int, str] = {}  # index → header of a period column (see _marked_periods)
        heads: list[str] = []  # the header cells that name a time: the table's year
        parents: dict[int, str] = {}  # index → "quy"/"thang" of a cell over numbered periods
        first_leads: set[int] = set()  # unit columns whose header says the first unit leads

        def take_header(cells: list[str]) -> None:
            for i, cell in enumerate(cells):
                if _is_period_column(cell):
                    periods.setdefault(i, cell)
                    continue
                kind = _column_kind(cell)
                if kind == "lead" and _FIRST_LEADS.search(fold(cell)):
                    first_leads.add(i)
                if kind == "deadline":
                    heads.append(cell)
                parent = _period_parent(cell)
                if parent is not None:
                    parents[i] = parent
                    if parent != "time":  # "Quý": the numbered columns below are its own
                        if single_year(cell) is not None:
                            heads.append(cell)
                        continue
                if kind == "lead" and "lead" in columns and "support" not in columns \
                        and columns["lead"] != i:
                    # "Đơn vị đầu mối | Trách nhiệm thực hiện": the lead is the column that
                    # says so; the bodies that carry the work out with it support it.
                    first = cells[columns["lead"]] if columns["lead"] < len(cells) else ""
                    if _names_lead(cell) and not _names_lead(first):
                        columns["support"], columns["lead"] = columns["lead"], i
                    elif _names_lead(first) and not _names_lead(cell):
                        columns["support"] = i
                if kind and kind not in columns:
                    columns[kind] = i

        noted_first = bool(above) and len(above) <= _NOTE_MAX \
            and _FIRST_LEADS.search(fold(above)) is not None
        prefix = f"{ctx.prefix}.T{number}" if ctx.prefix else f"T{number}"
        groups: list[tuple[int, Task]] = []  # the open group rows, outermost first, by rank
        order: list[str] = []  # the group numberings in the order the table first uses them
        numbered: dict[str, Task] = {}  # the data rows since the last group row, by number
        named: dict[str, list[str]] = {}  # group rows that name units ("I | Sở Tài chính"), by id
        last: Task | None = None  # the task of the last data row
        page_break = False  # the header was just repeated: a row cut by the page may go on
        row_no = 0
        for cells, line in zip(node.rows, node.lines, strict=False):
            if all(not c or _TABLE_RULE.fullmatch(c) for c in cells):
                continue
            if not columns:
                if _looks_like_header(cells):
                    take_header(cells)
                continue
            if _looks_like_header(cells) and not _numbered_row(cells, columns):
                page_break = last is not None  # the header again, on a new page
                continue
            if row_no == 0 and _header_continues(cells):
                # A header spanning two rows: "Phân công" above "Chủ trì | Phối hợp".
                take_header(cells)
                continue
            if row_no == 0 and parents and (numbered := _numbered_periods(cells, parents)):
                # "Quý" above "I | II | III | IV": each numbered column is a period.
                for i, name in numbered.items():
                    periods.setdefault(i, name)
                continue
            if periods and columns.get("deadline") in periods:
                del columns["deadline"]  # "Thời gian thực hiện" spanning the period columns

            cells = _merged_group(cells, columns) or cells

            def cell(kind: str, cells: list[str] = cells) -> str:
                i = columns.get(kind)
                return cells[i].strip() if i is not None and i < len(cells) else ""

            content = cell("content")
            stt = cell("stt").rstrip(".")
            marked = _marked_periods(cells, periods) if periods else ""
            # After the header repeated, a row without a number is the rest of the row the page
            # break cut, whatever case it opens with; a title in capitals is a group of its own.
            cut = page_break and not stt and "stt" in columns and not content.isupper()
            page_break = False
            if last is not None and (cut or _continues_row(last, content, stt, "stt" in columns)):
                if marked and last.deadline is None and not cell("deadline"):
                    last.deadline = self.period_deadline(marked, heads)
                self.continue_row(last, content, [cell(k) for k in _ROW_FIELDS], line, cut=cut)
                continue
            if not content:
                continue
            row_no += 1
            others = [cell(k) for k in _ROW_FIELDS]
            is_group = not any(others) and not marked and not (cell("start") or cell("end"))
            if is_group:
                # "A" over "I" over "1" over "1.1": a group row closes the groups of its own
                # numbering and of those the table opened after it.
                kind = _group_numbering(stt)
                if kind not in order:
                    order.append(kind)
                rank = order.index(kind)
                while groups and groups[-1][0] >= rank:
                    groups.pop()
                host = groups[-1][1] if groups else None
                gctx = ctx.but(parent=host.id if host else ctx.parent)
                gid = f"{host.id}.{stt or row_no}" if host else f"{prefix}.{stt or row_no}"
                task = self.make_task(gid, content, [line], gctx)
                task.number = stt or task.number
                self.finish(task)
                if (names := _heading_units(content)) is not None:
                    named[task.id] = names
                groups.append((rank, task))
                numbered.clear()
                last = None
                continue
            # "1.1" below the data row "1": a part of that row's task.
            host = numbered.get(stt.rpartition(".")[0]) if "." in stt else None
            host = host or (groups[-1][1] if groups else None)
            rctx = ctx.but(parent=host.id if host else ctx.parent)
            base = host.id if host else prefix
            tail = stt or f"r{row_no}"
            if host is not None and tail.startswith(host.number + "."):
                tail = tail[len(host.number) + 1:]  # "1.1" under group "1" → "….1.1"
            task = self.make_task(f"{base}.{tail}", content, [line], rctx)
            task.number = stt or task.number
            if stt:
                numbered[stt] = task
            self.unit_cells = {kind: cell(kind) for kind in _UNIT_COLUMNS}
            for kind in _UNIT_COLUMNS:
                found = _cell_units(cell(kind), kind)
                if kind == "lead" and "lead" in columns \
                        and not columns.keys() & {"support", "participate"}:
                    found = _one_column_roles(found, line.text, columns["lead"],
                                              noted_first or columns["lead"] in first_leads)
                for name, role in found:
                    self.add_unit(task, name, role, line)
            if cell("note"):
                self.noted_duties(task, cell("note"), line)
            if cell("deadline") and cell("deadline") not in _MARKS:
                task.deadline = self.deadline_in(cell("deadline"), heads)
            elif cell("start") or cell("end"):
                task.deadline = _start_to_end(cell("start"), cell("end"))
            elif marked:
                task.deadline = self.period_deadline(marked, heads)
            if cell("output"):
                task.outputs.append(cell("output"))
            if not any(u.role == "lead" for u in task.units):
                subj = leading_subject(content)
                if subj is not None:
                    self.assign_prose(task, subj.names, subj.role, subj.partners, line)
                elif names := next((named[g.id] for _, g in reversed(groups) if g.id in named),
                                   ctx.subject):
                    # The unit of the group row above, or of the heading over the table.
                    self.assign_prose(task, names, *role_and_partners(content), line)
            self.finish(task)
            last = task

    def noted_duties(self, task: Task, note: str, line: Line) -> None:
        """Units a row's "Ghi chú" gives a part in its task ("Sở Tài chính thẩm định",
        "Phối hợp với Công an tỉnh"): they support the units of the role columns."""
        for clause in _NOTE_CLAUSES.split(note):
            subj = leading_subject(clause)
            if subj is not None and clause[subj.end:].strip(" .,;"):
                role: Role = "participate" if subj.role == "participate" else "support"
                names = [*subj.names, *subj.partners]
            else:
                role, names = "support", partners(clause)
            for name in names:
                self.add_unit(task, name, role, line)

    def period_deadline(self, marked: str, heads: list[str]) -> Deadline | None:
        """The deadline of a row marked in period columns, in the year its table's time
        header names ("Thời gian thực hiện năm 2025") or else the plan's."""
        return read_deadline_in(marked, self.table_year(heads))

    def table_year(self, heads: list[str]) -> int | None:
        """The year a table's time header names, or else the plan's."""
        return next((y for y in map(single_year, heads) if y is not None), self.year)

    def deadline_in(self, text: str, heads: list[str] | None = None) -> Deadline | None:
        """A deadline as written; a bare period ("Quý II", "Tháng 6", "6 tháng đầu năm") is
        read in the year of its table (``heads``: the table's time headers) or plan."""
        if _PERIOD_HEADING.match(text):
            year = self.table_year(heads) if heads else self.year
            if year is not None:
                return read_deadline_in(text, year)
        return read_deadline(text)

    def noted_units(self, task: Task) -> bool:
        """Units whose roles are noted after their names at the end of the duty: "…: Sở Khoa
        học và Công nghệ (chủ trì); Sở Y tế, Sở Giáo dục và Đào tạo (phối hợp)." The list
        is cut from the text; True when it named units."""
        notes = list(_ROLE_NOTE.finditer(task.text))
        if not notes:
            return False
        end = notes[-1].end()
        tail = task.text[end:].strip(" .;,")
        if tail and task.text[end:end + 1] in ",;" and _all_units(tail) \
                and any(task.text.rfind(m, 0, notes[0].start()) >= 0 for m in _LIST_OPENERS):
            # "…: Sở X (chủ trì), Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh.": the list runs on.
            end = len(task.text)
            tail = ""
        if tail:
            # "Sở X (chủ trì), Sở Y (phối hợp) xây dựng …": the list is the sentence's subject.
            cut = (-1, 0)
            listed = task.text[:notes[-1].end()]
            named = _cell_units(listed, "lead")
            covered = sum(len(name) for name, _ in named) + sum(len(n.group(0)) for n in notes)
            if covered < 0.8 * len(listed.strip()):
                return False
        else:
            first = notes[0].start()
            cut = max((task.text.rfind(mark, 0, first), len(mark)) for mark in _LIST_OPENERS)
            start = cut[0] + cut[1] if cut[0] >= 0 else 0
            named = _cell_units(task.text[start:end].rstrip(" ."), "lead")
        if not named or not any(role == "lead" for _, role in named):
            return False
        line = Line(task.text, task.source.line_start, task.source.line_end)
        for name, role in named:
            self.add_unit(task, name, role, line)
        if cut[0] > 0:
            task.text = task.text[:cut[0]].rstrip(" :-–.,")
        return True

    def bracketed_units(self, task: Task) -> None:
        """Units assigned in brackets after the duty: "Phủ sóng 5G … (Sở Khoa học và Công
        nghệ chủ trì; Sở Tài chính, Công an tỉnh phối hợp; thời gian: năm 2026)"."""
        m = _LAST_BRACKET.search(task.text)
        if m is None:
            # "… (Giao: Cục X chủ trì; Vụ Y phối hợp). Hoàn thành trong năm 2026.": the
            # last bracket that assigns, wherever it stands.
            m = next((b for b in reversed(list(_BRACKET.finditer(task.text)))
                      if _ASSIGNS.search(char_fold(b.group(1)))), None)
            if m is None:
                return
        line = Line(task.text, task.source.line_start, task.source.line_end)
        for clause in m.group(1).split(";"):
            subj = leading_subject(clause.strip())
            if subj is not None:
                self.assign_prose(task, subj.names, subj.role, subj.partners, line)

    def continue_row(self, task: Task, content: str, others: list[str], line: Line, *,
                     cut: bool = False) -> None:
        """A row that goes on with the task above it: the rest of a cell split over two
        rows, or one more unit of a merged cell (an empty STT, or the same row repeated)."""
        lead, support, deadline, output, participate = others
        if content and fold(content) != fold(task.text):
            task.text = squash_spaces(f"{task.text} {content}")
        for kind, value in (("lead", lead), ("support", support), ("participate", participate)):
            above = self.unit_cells.get(kind, "")
            if above and value and _name_goes_on(above, value, cut):
                # "Ban Quản lý các Khu công" / "nghiệp tỉnh": a name cut by the page break.
                self.unit_cells[kind] = value = f"{above} {value}"
                named = {unit_identity(n) for n, _ in _cell_units(value, kind)}
                for name, _ in _cell_units(above, kind):
                    if unit_identity(name) not in named:
                        self.drop_unit(task, name)
            elif value:
                self.unit_cells[kind] = f"{above}; {value}" if above else value
            for name, role in _cell_units(value, kind):
                self.add_unit(task, name, role, line)
        if deadline and task.deadline is None and deadline not in _MARKS:
            task.deadline = read_deadline(deadline)
        elif deadline[:1].islower() and task.deadline is not None:
            # "Quý II" / "năm 2026": the rest of a time cell split over two rows.
            task.deadline = read_deadline(f"{task.deadline.text} {deadline}")
        if output and output[:1].islower() and task.outputs:
            # "Báo cáo đánh giá" / "tiềm năng": the rest of a product cell split over two rows.
            task.outputs[-1] = squash_spaces(f"{task.outputs[-1]} {output}")
        elif output and output not in task.outputs:
            task.outputs.append(output)
        task.source = Span(task.source.file, min(task.source.line_start, line.start),
                           max(task.source.line_end, line.end), _quote(task.text))
        self.finish(task)


_NOTE_CLAUSES = re.compile(r"\s*[;.]\s+|\s*;\s*")  # the clauses of a "Ghi chú" cell
_ROLE_WORDS = re.compile(r"chu tri|phoi hop|tham gia")
# A syllable of each role word as NFC text writes it: a cheap test before folding.
_ROLE_SYLLABLES = re.compile("trì|hợp|gia|TRÌ|HỢP|GIA|Trì|Hợp|Gia")
_ROLE_ONLY = re.compile(r"^(?:chu tri|phoi hop|tham gia)(?: thuc hien)?$")
# "Đơn vị chủ trì/phối hợp: Trung tâm X/Phòng Y": one name per role, in the label's order.
_PAIRED_LABEL = re.compile(r"chu tri\s*/\s*phoi hop")
# A value that is a whole assignment: "X chủ trì, phối hợp với Y, Z" (nothing but the units).
_LEADS_WITH_PARTNERS = re.compile(
    r"chu tri\s*(?:[,;]|va)?\s*phoi hop(?: chat che)?(?: voi| cung)?\s")


# Where a sentence's next clause starts: "; " before a capital, outside brackets.
_CLAUSE_BREAK = re.compile(r"(?<=\S);\s+(?=[A-ZĐÀ-Ỹ]|(?:các|giao)\s)")
_OVERSEES = re.compile(r"(?:huong dan|kiem tra|theo doi|don doc|giam sat|tham dinh)\b")
_CLAUSE_GIAO = re.compile(r"^(?:[Gg]iao|[Đđ]ề nghị)\s+")


@dataclass
class _Clause:
    """One unit's duty inside a sentence or paragraph that gives several units each their own:
    its words, its subject, and the words whose time it takes when it names none."""

    text: str
    subject: Subject
    context: str


@dataclass
class _Duties:
    """The duties of a sentence or paragraph (see :func:`_clause_duties`); ``shared`` holds the
    closing sentences that time or name the product of every duty ("Thời gian hoàn thành: quý
    IV/2026.") when the duties are whole sentences."""

    clauses: list[_Clause]
    by_sentence: bool = False
    shared: str = ""


# A closing sentence naming the time or product of every duty before it (folded).
_SHARED_FIELD = re.compile(r"^(?:(?:thoi gian|thoi han|tien do|thoi diem)\b|hoan thanh\s"
                           r"|(?:du kien )?(?:san pham|ket qua)[^:]{0,30}:)")
# "căn cứ chức năng, nhiệm vụ (được giao)": words before the verb that give no duty (folded).
_DUTY_LEAD_IN = re.compile(r"^(?:can cu|theo|trong pham vi)\s+chuc nang,?\s*(?:va\s+)?nhiem vu"
                           r"(?:,?\s*(?:va\s+)?quyen han)?(?:\s+(?:duoc giao|cua minh))?\s*,?\s*")
_OUTPUT_FIELD = re.compile(r"^(?:du kien )?(?:san pham|ket qua)[^:]{0,30}:")


def _sentences(text: str) -> list[str]:
    """The sentences of a paragraph; a period inside brackets or after an abbreviation
    ("UBND TP. Hồ Chí Minh") ends none (see :func:`~policykg.loaders.units.sentence_end`)."""
    out: list[str] = []
    rest = text
    while rest:
        end = sentence_end(rest)
        out.append(rest[:end + 1].strip())
        rest = rest[end + 1:].lstrip()
    return [s for s in out if s]


def _may_open_with_unit(sentence: str) -> bool:
    """Whether a sentence's first words read as a unit: what :func:`_opening_subject` needs."""
    return looks_like_unit(clean_piece(_CLAUSE_GIAO.sub("", sentence, count=1)[:60]), strict=True)


def _opening_subject(sentence: str) -> Subject | None:
    """The unit(s) a sentence opens with ("Sở Y tế chủ trì …", "Giao Sở Y tế …"), not a
    unit named further on."""
    opens = _CLAUSE_GIAO.sub("", sentence, count=1)
    if not looks_like_unit(clean_piece(opens[:60]), strict=True):
        return None
    subj = leading_subject(sentence)
    if subj is None or subj.end != len(sentence) - len(opens) + subject_end(opens):
        return None
    if len(sentence[subj.end:].split()) < 2 and subj.names:
        # A verb the subject's end does not know ("Trung tâm X lấy mẫu xét nghiệm."): the
        # subject ends where its last name does.
        last = sentence.find(subj.names[-1], len(sentence) - len(opens))
        end = last + len(subj.names[-1]) if last >= 0 else -1
        if end > 0 and sentence[end:end + 2].strip()[:1].islower():
            role, partner_names = role_and_partners(sentence[end:])
            return Subject(subj.names, role, end, partner_names)
    return subj


def _clause_duties(text: str) -> _Duties | None:
    """The duties of a sentence or paragraph naming two or more units each as the subject of a
    duty of its own, with their subjects: clauses ("Sở Tài chính tham mưu bố trí kinh phí; Sở
    Nội vụ hướng dẫn …; UBND các xã tổ chức thực hiện.") or whole sentences ("Sở Y tế chủ trì
    … . Sở Giáo dục và Đào tạo phối hợp tuyên truyền … . UBND các xã bố trí địa điểm."). A
    sentence or clause without a unit of its own goes on with the one before ("Đồng thời,
    hướng dẫn …", "Định kỳ báo cáo UBND tỉnh …"). None for one duty."""
    if ". " in text:
        sentences = _sentences(text)
        if len(sentences) > 1:
            found = _sentence_duties(sentences)
            if found is not None:
                return found
    clauses = _semicolon_duties(text)
    return _Duties([_Clause(t, subj, text) for t, subj in clauses]) if clauses else None


def _sentence_duties(sentences: list[str]) -> _Duties | None:
    """:func:`_clause_duties` of a paragraph of several sentences: a duty per sentence whose
    subject is a unit followed by its verb, or None when fewer than two units have one."""
    if not any(_may_open_with_unit(s) for s in sentences[1:]):
        return None  # most paragraphs: no later sentence opens with a unit
    first = _opening_subject(sentences[0])
    if first is None:
        return None
    groups: list[tuple[list[str], list[str]]] = []  # sentences, partners named on their own
    subjects: list[tuple[str, ...]] = []
    for sentence in sentences:
        subj = first if not groups else _opening_subject(sentence)
        if subj is not None:
            predicate = char_fold(sentence[subj.end:]).strip(" .,;")
            bare = _DUTY_LEAD_IN.sub("", predicate, count=1)
            if groups and _ROLE_ONLY.match(bare) and not bare.startswith("chu tri"):
                # "Sở A chủ trì …. Sở B, Sở C phối hợp.", "Các cơ quan, đơn vị căn cứ chức
                # năng, nhiệm vụ phối hợp thực hiện.": partners of the duty before.
                groups[-1][1].extend(subj.names)
                groups[-1][0].append(sentence)
                continue
            if len(predicate.split()) >= 2 and not _ROLE_ONLY.match(predicate):
                groups.append(([sentence], []))
                subjects.append(tuple(unit_identity(n) for n in subj.names))
                continue
        if not groups:
            return None
        groups[-1][0].append(sentence)
    if len(set(subjects)) < 2:
        return None
    shared: list[str] = []
    last = groups[-1][0]
    while len(last) > 1 and _SHARED_FIELD.match(char_fold(last[-1])):
        shared.insert(0, last.pop())
    clauses: list[_Clause] = []
    for group, extra in groups:
        words = " ".join(group)
        inner = _semicolon_duties(words)
        if inner is not None:
            clauses.extend(_Clause(t, subj, words) for t, subj in inner)
            continue
        subj = leading_subject(words)
        if subj is None:  # cannot happen: the group opens with its subject
            return None
        subj.partners.extend(n for n in extra if n not in subj.partners)
        clauses.append(_Clause(words, subj, words))
    return _Duties(clauses, by_sentence=True, shared=" ".join(shared))


def _shared_fields(shared: str) -> tuple[Deadline | None, list[str]]:
    """The time and products named by closing sentences every duty shares."""
    if not shared:
        return None, []
    outputs = []
    for sentence in _sentences(shared):
        if _OUTPUT_FIELD.match(char_fold(sentence)):
            value = sentence.split(":", 1)[1].strip(" .;")
            if value:
                outputs.append(squash_spaces(value))
    return find_deadline(shared), outputs


def _semicolon_duties(text: str) -> list[tuple[str, Subject]] | None:
    """The clauses of a sentence naming two or more units each as the subject of its own duty,
    with their subjects ("Sở Tài chính tham mưu bố trí kinh phí; Sở Nội vụ hướng dẫn …; UBND
    các xã tổ chức thực hiện."); a clause without a unit of its own goes on with the one before.
    None for one duty: a list of units ("Sở A, Sở B; UBND các xã thực hiện"), roles after the
    names ("X chủ trì; Y, Z phối hợp") or one unit throughout."""
    if "; " not in text:
        return None
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(text)
            if text.count("(", 0, m.start()) <= text.count(")", 0, m.start())]
    if not cuts:
        return None
    # "X thực hiện; Y theo dõi, đôn đốc": the units that oversee X's duty support it.
    whole = leading_subject(text)
    overseers = {unit_identity(n) for n in whole.partners} if whole is not None else set()
    found: list[tuple[str, Subject]] = []
    start = 0
    for end in [*cuts, len(text)]:
        clause = text[start:end].strip(" ;")
        start = end + 1
        opens = _CLAUSE_GIAO.sub("", clause, count=1)
        subj = leading_subject(clause) if not found or looks_like_unit(
            clean_piece(opens[:60]), strict=True) else None
        if subj is None or (found and subj.end != len(clause) - len(opens) + subject_end(opens)) \
                or (found and any(unit_identity(n) in overseers for n in subj.names)
                    and _OVERSEES.match(char_fold(clause[subj.end:]).lstrip(" ,"))):
            if not found:
                return None
            prev, psubj = found[-1]
            glued = f"{prev}; {clause}"
            found[-1] = (glued, leading_subject(glued) or psubj)  # its partners may be here
            continue
        predicate = char_fold(clause[subj.end:]).strip(" .,;")
        if subj.role != "lead" or len(predicate.split()) < 2 or _ROLE_ONLY.match(predicate):
            return None
        found.append((clause, subj))
    subjects = {tuple(unit_identity(n) for n in subj.names) for _, subj in found}
    return found if len(subjects) >= 2 else None


def _field_units(text: str, kind: str, value: str) -> list[tuple[str, Role]]:
    """The units of a labelled line with their roles: the label's role, unless the value
    gives each its own ("Phòng X chủ trì; Thanh tra Sở, UBND các xã phối hợp") or the label
    pairs two roles ("Đơn vị chủ trì/phối hợp: Trung tâm X/Phòng Y")."""
    default: Role = kind  # type: ignore[assignment]
    if "/" not in value and _ROLE_SYLLABLES.search(value) is None:
        return [(name, default) for name in split_units(value, strict=False)]
    folded_value = char_fold(value)
    if "/" in value and _PAIRED_LABEL.search(char_fold(text.split(":", 1)[0])):
        first, _, rest = value.partition("/")
        return [(name, "lead") for name in split_units(first, strict=False)] + [
            (name, "support") for name in split_units(rest.replace("/", ";"), strict=False)]
    if not _ROLE_WORDS.search(folded_value):
        return [(name, default) for name in split_units(value, strict=False)]
    if "(" in value and _ROLE_NOTE.search(value):
        # "Phòng X (chủ trì); các cơ quan, đơn vị liên quan (phối hợp)": each noted role.
        return _cell_units(value, kind)
    out: list[tuple[str, Role]] = []
    for piece in value.split(";"):
        piece = piece.strip()
        subj = leading_subject(piece)
        if subj is None:
            out.extend((name, default) for name in split_units(piece, strict=False))
            continue
        predicate = char_fold(piece[subj.end:]).strip(" .,")
        if _ROLE_ONLY.match(predicate) or subj.role != "lead":
            # "…; Sở Y tế phối hợp cung cấp thông tin": the verb's role, whatever follows it
            out.extend((name, subj.role) for name in subj.names)
        elif subj.partners and _LEADS_WITH_PARTNERS.match(predicate):
            # "Cơ quan chủ trì, phối hợp: Phòng X chủ trì, phối hợp với Phòng Y, Công an xã"
            out.extend((name, "lead") for name in subj.names)
            out.extend((name, "support") for name in subj.partners)
        else:
            out.extend((name, default) for name in split_units(piece, strict=False))
    return out


_ROLE_NOTE = re.compile(r"\(\s*(chủ trì|phối hợp|tham gia)\s*\)", re.IGNORECASE)
# A role word ending one clause of a cell before the next unit: "Sở Y tế chủ trì, Sở Tài chính …"
_ROLE_THEN_COMMA = re.compile(r"([Cc]hủ trì|[Pp]hối hợp|[Tt]ham gia)\s*,\s+(?=[A-ZĐÀ-Ỹ])")
_ROLE_OF_NOTE = {"chu tri": "lead", "phoi hop": "support", "tham gia": "participate"}
# The mark of a list item in a cell, at its start or after the "; " a line break became.
_CELL_MARKS = "-–—+•·●"
_CELL_ITEM = re.compile(rf"(^|;\s*)[{_CELL_MARKS}]\s+")
# A role's label opening a cell's next clause, once its lines are joined with a space or a
# comma: after a list mark, a comma or a period, or straight after the last name ("… - Phối
# hợp: Sở Y", "Chủ trì: Sở X, phối hợp: Sở Y", "Chủ trì: Sở X phối hợp: Sở Y"); not inside a
# label of its own ("Đơn vị phối hợp:").
_ROLE_LABEL = r"(?:(?:các\s+)?(?:đơn vị|cơ quan|bộ phận)\s+)?(?:chủ trì|phối hợp|tham gia)\s*:"
_NEXT_ROLE_LABEL = re.compile(
    rf"(?<=[^\s,;/])(?<!đơn vị)(?<!cơ quan)(?<!bộ phận)(?<!các)"
    rf"(?:\s+[{_CELL_MARKS}]\s+|[,.]?\s+)(?={_ROLE_LABEL})",
    re.IGNORECASE)


def _all_units(text: str) -> bool:
    """True when ``text`` is nothing but a list of units: "Công an tỉnh, Bộ Chỉ huy Quân sự"."""
    names = split_units(text, strict=True)
    return bool(names) and sum(map(len, names)) >= 0.8 * len(text.replace(",", "").replace(";", ""))


def _cell_units(value: str, column: str) -> list[tuple[str, Role]]:
    """The units of a table cell with their roles: the column's role, unless the cell says
    otherwise ("Chủ trì: Chi cục Thủy sản; Phối hợp: UBND các xã", "Trung tâm Khuyến
    nông (chủ trì); Viện … (phối hợp)")."""
    if not value:
        return []
    default: Role = column  # type: ignore[assignment]
    if ":" in value and _NEXT_ROLE_LABEL.search(value):
        # "Chủ trì: Sở X Phối hợp: Sở Y": a cell's lines joined with a space.
        value = _NEXT_ROLE_LABEL.sub("; ", value)
    if value[0] in _CELL_MARKS or "; " in value:
        # "- Chủ trì: Sở X<br>- Phối hợp: Sở Y": a list in the cell, one line per role.
        value = _CELL_ITEM.sub(r"\1", value)
    if ":" not in value and "(" not in value:
        if _ROLE_WORDS.search(char_fold(value)):
            # "Sở Y tế chủ trì; Trường Cao đẳng Y tế phối hợp" (or ", "): each clause's verb.
            return _field_units("", column, _ROLE_THEN_COMMA.sub(r"\1; ", value))
        return [(name, default) for name in split_units(value, strict=False)]
    out: list[tuple[str, Role]] = []
    for piece in value.split(";"):
        if default == "lead" and any(role == "lead" for _, role in out):
            default = "support"  # "Sở Y tế (chủ trì); Sở Tài chính, Sở Nội vụ": the rest partner
        role = default
        labelled = _field_of(piece.strip())
        if labelled is not None and labelled[0] in _ROLE_OF_NOTE.values():
            role, piece = labelled[0], labelled[1]  # type: ignore[assignment]
        start = 0
        for note in _ROLE_NOTE.finditer(piece):  # each note gives the names before it a role
            noted: Role = _ROLE_OF_NOTE[fold(note.group(1))]  # type: ignore[assignment]
            out.extend((name, noted) for name in split_units(piece[start:note.start()]))
            start = note.end()
            if noted == "lead" == role:
                role = "support"  # "Sở X (chủ trì), Công an tỉnh": the names after partner
        out.extend((name, role) for name in split_units(piece[start:], strict=False))
    return out


# What stands between a duty and the units noted with their roles after it.
_LIST_OPENERS = (": ", ". ", " - ", " – ")
_LAST_BRACKET = re.compile(r"\(([^()]+)\)[.;]?$")
_BRACKET = re.compile(r"\(([^()]+)\)")
_ASSIGNS = re.compile(r"^\s*giao\b|chu tri|phoi hop")
_ROW_FIELDS = ("lead", "support", "deadline", "output", "participate")
_UNIT_COLUMNS = ("lead", "support", "participate")
_LETTER_ITEM = re.compile(r"^[a-zđ][.)/]\s")  # "a) …": an item of its own, not a continuation


def _name_goes_on(above: str, value: str, cut: bool = False) -> bool:
    """True when a unit cell of a continuation row ends the last name of the cell above:
    "Ban Quản lý các Khu công" / "nghiệp tỉnh", "Phòng Kinh tế, Hạ tầng và" / "Đô thị", or
    any words that name no unit of their own in a row a page break cut (``cut``); not when
    it names units of its own ("các cơ quan liên quan")."""
    first = clean_piece(re.split(r"[,;]", value, maxsplit=1)[0])
    if looks_like_unit(first, strict=False):
        return False
    return cut or value[:1].islower() or bool(_OPEN_END.search(char_fold(above)))


def _continues_row(last: Task, content: str, stt: str, numbered: bool) -> bool:
    """True for a table row that belongs to the task of the row above.

    A row with no task text holds only units, dates or products: a merged cell written
    as rows. In a numbered table a row without a number whose text opens in lower case
    is a cell split over two rows. A row that repeats the task's number and content is
    the same task with one more unit.
    """
    if not content and not stt:
        return True
    if numbered and not stt and content[:1].islower() and not _LETTER_ITEM.match(content):
        return True
    return bool(content) and stt == last.number and fold(content) == fold(last.text)


def _start_to_end(start: str, end: str) -> Deadline | None:
    """The deadline of a row that gives its time in a start and an end column: due at the
    end ("03/2026" → March 2026), running from the start's year."""
    first, last = read_deadline(start), read_deadline(end)
    if first is None or last is None:
        return first or last
    return Deadline(text=f"{first.text} - {last.text}",
                    start_year=first.start_year or first.end_year,
                    end_year=last.end_year or last.start_year, date=last.date,
                    recurrence=last.recurrence)


def _hands_over(text: str, subject: list[str]) -> bool:
    """Whether a subject named in ``text`` that "phối hợp với" a unit of its own body hands
    the duty to it: an office does ("Văn phòng Sở phối hợp với Phòng X tổng hợp …"), and so
    does a unit written as a label over its duty ("Phòng X: phối hợp với Trung tâm Y …")."""
    if all(fold(name).startswith("van phong") for name in subject):
        return True
    head = text[:text.find(subject[-1]) + len(subject[-1]) + 3] if subject[-1] in text else ""
    return ":" in head[-4:]


# Headings of purpose and budget inside a section of tasks (folded, without end marks).
_ASIDES = frozenset({"muc dich", "yeu cau", "muc tieu", "kinh phi"})
_ASIDE_LEN = max(map(len, _ASIDES))


def _is_aside(title: str) -> bool:
    """True for "Mục đích:", "Kinh phí." …: folding keeps length, so longer titles are not."""
    bare = title.rstrip(" :.")
    return len(bare) <= _ASIDE_LEN and char_fold(bare) in _ASIDES


@lru_cache(maxsize=4096)
def _quote(text: str) -> str:
    """The words a span quotes; a line naming several units is quoted once per unit."""
    return squash_spaces(text)[:_QUOTE]


def _all_lines(nodes: list[Node]) -> list[Line]:
    out: list[Line] = []
    for n in nodes:
        out.extend(n.lines)
        out.extend(_all_lines(n.children))
    return out


def _duties_with_fields(children: list[Node]) -> list[tuple[Node, list[Node]]] | None:
    """Two or more duties, each followed by labelled lines naming its lead, and nothing else:
    the (duty, its labelled lines) pairs; else None (the lines are the heading's own)."""
    duties: list[tuple[Node, list[Node]]] = []
    for child in children:
        if child.kind in ("bullet", "para") and child.labelled is None:
            duties.append((child, []))
        elif child.labelled is not None and child.labelled[0] != "nv" and duties:
            duties[-1][1].append(child)
        else:
            return None
    if len(duties) < 2 or not all(
            any(f.labelled is not None and f.labelled[0] == "lead" for f in labelled)
            for _, labelled in duties):
        return None
    return duties


def _fields_follow_duties(children: list[Node]) -> bool:
    """True when a duty comes before the first labelled line: "2. Phòng X" / "- Xây dựng …" /
    "Hình thức văn bản: Báo cáo" gives the line to the duty, not to the heading."""
    for child in children:
        if child.labelled is not None and child.labelled[0] != "nv":
            return False
        if child.kind in ("bullet", "para"):
            return True
    return False


def _fields_below_duties(children: list[Node], *, need_lead: bool = True) -> dict[int, list[Node]]:
    """The labelled lines written under each duty, by the duty's ``id``: a bullet or
    paragraph, then lines of units, time and products; under a section only those that name
    the duty's lead (``need_lead``), as other lines there may be the section's own."""
    found: dict[int, list[Node]] = {}
    duty: Node | None = None
    labelled: list[Node] = []
    for child in [*children, None]:
        if child is not None and duty is not None and child.labelled is not None \
                and child.labelled[0] in _VALUE_BELOW:
            labelled.append(child)
            continue
        if duty is not None and labelled and (not need_lead or any(
                f.labelled is not None and f.labelled[0] == "lead" for f in labelled)):
            found[id(duty)] = _split_fields(labelled)
        plain = child is not None and child.kind in ("bullet", "para") and child.labelled is None
        duty, labelled = (child if plain else None), []
    return found


def _steps_and_fields(children: list[Node]) -> tuple[list[str], list[Node]]:
    """The "+" lines under a bullet: its steps, and the labelled lines that give its units, time
    or product ("+ Chủ trì: Văn phòng Sở", "+ Thời gian: Quý IV/2026"), one per field."""
    steps: list[str] = []
    fields: list[Node] = []
    for child in children:
        if child.kind != "plus":
            continue
        labelled = _field_of(child.text)
        if labelled is not None and labelled[0] in _VALUE_BELOW:
            fields.append(Node("plus", "", child.text, child.lines + _all_lines(child.children),
                               labelled=labelled))
        else:
            steps.append(squash_spaces(child.text))
    return steps, _split_fields(fields)


def _field_lines(fields: list[Node]) -> list[Line]:
    return [ln for f in fields for ln in f.lines + _all_lines(f.children)]


def _inline_fields(text: str, lines: list[Line]) -> list[Node]:
    """Labelled fields inside a heading's sentence, as if they were labelled lines."""
    found = []
    for start, end, label, value in _inline_matches(text):
        labelled = _field_of(f"{label}: {value}")
        if labelled is not None:
            found.append(Node("bullet", "", text[start:end], lines[:1], labelled=labelled))
    kinds = {n.labelled[0] for n in found if n.labelled}
    return found if kinds & {"lead", "support", "deadline"} else []


def _inline_matches(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, label, value)`` of each labelled field inside a sentence. A unit
    field's value runs on past a ";" over the units listed after it ("Đơn vị phối hợp: Sở
    Tư pháp; UBND các xã, phường. Thời gian: …"), but not over a clause with a role or a
    label of its own ("Chủ trì: Phòng X; Sở Y phối hợp")."""
    if ":" not in text:  # every field is "label: value"
        return []
    start = 0
    if text.isprintable() and "  " not in text:
        # Only single spaces: a label and the space before its ":" end within reach of
        # the first ":", so the pattern need not be tried at every position before it.
        start = max(0, text.index(":") - _INLINE_LABEL_MAX - 1)
    found = []
    for m in _INLINE_FIELD.finditer(text, start):
        end, value = m.end(), m.group("value")
        if _UNIT_LABEL.search(fold(m.group("label"))):
            while (more := _MORE_UNITS.match(text, end)) is not None \
                    and _only_units(more.group("units")):
                value, end = f"{value}; {more.group('units')}", more.end()
        found.append((m.start(), end, m.group("label"), value))
    return found


def _without_inline(text: str) -> str:
    """``text`` with its labelled fields (:func:`_inline_matches`) cut out."""
    kept, at = [], 0
    for start, end, _label, _value in _inline_matches(text):
        kept.append(text[at:start])
        at = end
    return "".join(kept) + text[at:]


_UNIT_LABEL = re.compile(r"\b(?:chu tri|phoi hop|trach nhiem thuc hien)\b")
# The full stops cutting fields out of a sentence leaves: "… trên địa bàn tỉnh. . ."
_STOPS_LEFT = re.compile(r"\.(?:\s*\.)+$")
# The separators cutting fields out of a bracket leaves: "(; ; hoàn thành …)", "(x; ; y)"
_SEPARATORS_LEFT = re.compile(r"(?<=\()\s*(?:[;,]\s*)+|\s*(?:[;,]\s*)+(?=\))|(?<=;)(?:\s*;)+")


def _tidied(rest: str) -> str:
    """A task's text once its inline fields are cut out: no separators left in a bracket
    ("(Sở Y tế chủ trì; )"), no empty bracket, one full stop."""
    rest = _EMPTY_PARENS.sub("", _SEPARATORS_LEFT.sub("", squash_spaces(rest)))
    return _STOPS_LEFT.sub(".", squash_spaces(rest).rstrip(" (;,-"))
# More of a unit field's list after a ";": up to the next ";", ")", or sentence end.
_MORE_UNITS = re.compile(r"\s*;\s*(?P<units>[^;:()]+?)\s*(?=;|\)|$|\.\s|\.$)")
# Words of a clause that says more than which units: a role or a time ("Sở Y phối hợp").
_NOT_ONLY_UNITS = re.compile(r"\b(?:chu tri|phoi hop|tham gia|thoi gian|thoi han|hoan thanh"
                             r"|san pham|ket qua|thuc hien)\b")


def _only_units(piece: str) -> bool:
    """Whether ``piece`` names units and nothing more."""
    return _NOT_ONLY_UNITS.search(fold(piece)) is None and looks_like_unit(piece, strict=True)


def _split_fields(fields: list[Node]) -> list[Node]:
    """Labelled lines, one per field: "Chủ trì: Sở Y tế; phối hợp: Công an tỉnh." is two."""
    out: list[Node] = []
    for item in fields:
        # A second field needs a second "label:" after a ";" or a full stop.
        inner = _inline_fields(item.text, item.lines) \
            if (";" in item.text or ". " in item.text) and item.text.count(":") > 1 else []
        if len(inner) > 1:
            inner[0].children = item.children
            out.extend(inner)
        else:
            out.append(item)
    return out


# A role column that names the lead outright ("Cơ quan chủ trì", "Đơn vị đầu mối"), folded.
_LEAD_COLUMN = re.compile(r"chu tri|dau moi|trach nhiem chinh")


def _names_lead(cell: str) -> bool:
    return bool(_LEAD_COLUMN.search(fold(cell)))


def _focal_fields(fields: list[Node]) -> list[Node]:
    """Of a task's lead labels, those that name the lead outright ("Đơn vị đầu mối:", "Cơ quan
    chủ trì:") when another does not ("Trách nhiệm thực hiện:"): that one's units support."""
    leads = [f for f in fields if f.labelled is not None and f.labelled[0] == "lead"]
    if len(leads) < 2:
        return []
    focal = [f for f in leads if _names_lead(f.text.split(":", 1)[0])]
    return focal if 0 < len(focal) < len(leads) else []


def _units_handed_down(task: Task) -> tuple[list[str], list[str]] | None:
    """The leads and partners a heading gives the parts below it that name no unit ("1.
    Kiểm soát ô nhiễm (Sở X chủ trì, phối hợp với Công an tỉnh)" / "a) …", or the heading
    with "Đơn vị chủ trì:" lines), or None when it names no lead."""
    leads = [u.name for u in task.units if u.role == "lead"]
    if not leads:
        return None
    return leads, [u.name for u in task.units if u.role == "support"]


def _has_tasks_below(node: Node) -> bool:
    return any(c.kind in ("num", "letter", "bullet", "para", "table") for c in node.children)


_HEADING_LEAD_IN = re.compile(
    r"^(?:đối với|giao cho|giao|trách nhiệm của|nhiệm vụ của|phân công)\s+", re.IGNORECASE)


_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")


# A Party body's duty to steer a state body ("Lãnh đạo Ủy ban nhân dân tỉnh xây dựng …" under
# "Đảng ủy Ủy ban nhân dân tỉnh"): the verb, not the title of the body's leaders.
_STEERS = re.compile(r"(?:[Ll]ãnh đạo|[Cc]hỉ đạo)\s")
_PARTY_BODY = re.compile(r"(?:dang uy|dang doan|ban can su dang|chi bo|dang bo|to dang)\b")


def _noted_heading(text: str) -> tuple[list[str], list[str]] | None:
    """The leads and partners of a heading that is only units with their roles noted ("Sở
    Tài chính (chủ trì), Sở Y tế:"), or None."""
    body = squash_spaces(text).rstrip(" :.")
    if "(" not in body or _ROLE_NOTE.search(body) is None \
            or _heading_units(_ROLE_NOTE.sub("", body)) is None:
        return None
    named = _cell_units(body, "lead")
    leads = [name for name, role in named if role == "lead"]
    return (leads, [name for name, role in named if role == "support"]) if leads else None


def _heading_units(text: str) -> list[str] | None:
    """The units a heading consists of ("Văn phòng Sở"), or None for a content heading."""
    names = _heading_unit_names(text)
    return list(names) if names is not None else None


@lru_cache(maxsize=4096)
def _heading_unit_names(text: str) -> tuple[str, ...] | None:
    """:func:`_heading_units`, remembered: plans of one layout repeat their unit headings."""
    text = _HEADING_LEAD_IN.sub("", squash_spaces(text)).rstrip(" :.")
    text = _TRAILING_NOTE.sub("", text).rstrip(" :.")
    if not text or len(text) > 150 or not looks_like_unit(text[:60], strict=True):
        return None
    if subject_end(text) < len(text):
        return None
    names = split_units(text, strict=True)
    covered = sum(len(n) for n in names)
    return tuple(names) if names and covered >= 0.6 * len(text) else None


def read_tasks(lines: list[Line], plan: Plan) -> tuple[list[Task], list[Unit]]:
    """The plan's tasks (with units, deadlines, outputs) and its resolved units."""
    reader = _Reader(plan)
    reader.read(build_outline(lines))
    assign_by_number(reader, lines)
    units = reader.book.units()
    # Deadlines that leave their day or year to the plan: "trong 30 ngày kể từ ngày ban hành
    # Kế hoạch" from its date, "Trước kỳ họp cuối năm" in the year it is about or was issued.
    issued = plan.date if plan.date and len(plan.date) == 10 else None
    year = reader.year or _year_of(plan.date)
    for task in reader.tasks:
        if issued is not None:
            _date_from_issue(task, issued)
        if task.deadline is not None:
            in_plans_year(task.deadline, year)
    return reader.tasks, units


def _year_of(day: str | None) -> int | None:
    """The year of an ISO day ("2026-01-20" → 2026), or None."""
    return int(day[:4]) if day and day[:4].isdigit() else None


# A time counted from the plan's own date: "trong 30 ngày kể từ ngày Kế hoạch được ban
# hành", "kể từ ngày ban hành Kế hoạch", "15 ngày kể từ ngày ký" (not from another event: "…
# kể từ ngày kết thúc đợt").
_FROM_ISSUE = re.compile(
    r"(\d{1,3})\s+ngày\s+(?:làm việc\s+)?kể\s+từ\s+ngày\s+(?:(?:kế hoạch|văn bản|quyết"
    r" định)(?:\s+này)?\s+(?:được\s+)?(?:ban hành|ký)|ký(?:\s+ban hành)?"
    r"|ban hành\s+(?:kế hoạch|văn bản|quyết định)(?!\s+(?:số|của))(?!\w))", re.IGNORECASE)


# A duty to be done at once, from the plan's own date: "Thực hiện ngay", "Ngay sau khi Kế hoạch
# được ban hành".
_AT_ONCE = re.compile(
    r"(?:(?:thực hiện|triển khai)\s+)?ngay(?:\s+sau\s+khi\s+(?:kế hoạch|văn bản|quyết định)"
    r"(?:\s+này)?\s+(?:được\s+)?(?:ban hành|ký))?", re.IGNORECASE)


def _days_after_issue(text: str) -> int | None:
    """How many days after the plan's date a deadline counted from it falls: "trong 30 ngày kể
    từ ngày ban hành Kế hoạch" → 30, "Thực hiện ngay" → 0; None for any other deadline."""
    if "kể từ" in text:
        m = _FROM_ISSUE.search(text)
        return int(m.group(1)) if m else None
    return 0 if _AT_ONCE.fullmatch(text) else None


def _date_from_issue(task: Task, issued: str) -> None:
    """A deadline counted in days from the plan's date is given its day."""
    deadline = task.deadline
    if deadline is None or deadline.date is not None:
        return
    days = _days_after_issue(deadline.text)
    if days is None:
        return
    try:
        due = date.fromisoformat(issued) + timedelta(days=days)
    except ValueError:
        return
    deadline.date, deadline.end_year = due.isoformat(), due.year


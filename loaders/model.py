"""The structured plan: what the loaders read out of one file.

Every fact keeps a :class:`Span` pointing back to the lines it came from, so a
user can always see the words a task, unit or link was read from. All classes
are plain dataclasses that round-trip through JSON (:meth:`Plan.to_dict`,
:meth:`Plan.from_dict`); nothing here depends on the graph.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

Relation = Literal["implements", "basis", "mentions"]
Role = Literal["lead", "support", "participate"]
Category = Literal["internal", "external", "collective"]
Scope = Literal["central", "local"]


@dataclass
class Line:
    """One logical line of a document: a paragraph, heading or bullet.

    ``start``/``end`` are 1-based line numbers in the extracted text, so a
    paragraph re-joined across a page break spans several physical lines.
    """

    text: str
    start: int
    end: int


@dataclass
class Span:
    """Where a fact was read: file, line span and the quoted words."""

    file: str
    line_start: int
    line_end: int
    quote: str


@dataclass
class SourceFile:
    """The file a plan came from and how it was decoded."""

    path: str
    sha256: str
    format: str  # "txt", "md", "doc", "docx", "pdf", "html", "image"
    # for text formats: "utf-8", "utf-16", "cp1258" …; for a scanned PDF, the OCR and
    # its mean confidence (see policykg.loaders.ocr.NOTE)
    encoding: str | None = None


@dataclass
class DocRef:
    """A reference from the plan to another document.

    ``key`` is the normalised number/symbol (``"36-NQ/TW"``, ``"3300/KH-UBND"``,
    ``"1855/SNNPTNT-VPNTM"``); a reference without a number (``"Chương trình hành
    động của Tỉnh ủy"``) has ``key=None`` and is identified by ``doctype``,
    ``issuer`` and ``subject``. ``scope`` says whether the issuer is central
    (one document nationwide) or local (scoped to ``province``).
    ``relation`` is the strongest relation the plan has to it; ``mentions`` keeps
    every place it was cited.
    """

    key: str | None
    doctype: str | None  # type code from ontology.doctypes: "NQ", "KL", "QĐ", "KH", "CTr" …
    number: str | None  # "36", "3300"; None when the copy has none
    symbol: str | None  # "NQ/TW", "KH-UBND"
    date: str | None  # ISO, possibly partial: "2023-01-30", "2021-01", "2021"
    issuer: str | None  # as named in the text: "Bộ Chính trị", "UBND tỉnh"
    subject: str | None  # "về phát triển và ứng dụng công nghệ sinh học …"
    scope: Scope
    province: str | None  # canonical province name for local documents
    relation: Relation
    source: Span  # the first (strongest) citation
    mentions: list[Span] = field(default_factory=list)
    short_name: str | None = None  # "(sau đây gọi tắt là Chỉ thị số 01/CT-UBND)"

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


@dataclass
class DocLink:
    """A document-to-document link read in the text.

    ``"Kế hoạch 3300/KH-UBND … thực hiện Chương trình hành động … thực hiện
    Nghị quyết 36-NQ/TW"`` gives two links. ``child`` and ``parent`` are indexes
    into :attr:`Plan.references`.
    """

    child: int
    parent: int
    relation: Relation
    source: Span


@dataclass
class UnitMention:
    """A unit named on a task, with its role.

    ``name`` is as written; ``canonical`` is the name resolved within the plan
    (case, KH&CN-style abbreviations) and is what the graph resolves further.
    """

    name: str
    canonical: str
    role: Role
    category: Category
    source: Span


@dataclass
class Deadline:
    """A deadline as written plus what could be read from it."""

    text: str
    start_year: int | None = None
    end_year: int | None = None
    date: str | None = None  # ISO (possibly partial) for a dated deadline
    recurrence: Literal["ongoing", "yearly", "half-yearly", "quarterly", "monthly"] | None = None


@dataclass
class Target:
    """A numeric target: ``"15 Doanh nghiệp, Hợp tác xã"``, ``"tối thiểu đạt 1,5%"``."""

    text: str
    value: float
    unit: str


@dataclass
class Task:
    """One duty of the plan.

    ``id`` is unique within the plan and stable across re-reads (it derives
    from the printed number or position). ``parent`` is the id of the enclosing
    task or heading-task; ``group`` is the heading it sits under when that
    heading is not itself a task (a unit heading, a section title).
    """

    id: str
    number: str
    text: str
    section: str | None
    source: Span
    parent: str | None = None
    group: str | None = None
    units: list[UnitMention] = field(default_factory=list)
    deadline: Deadline | None = None
    outputs: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)

    @property
    def lead(self) -> list[str]:
        return [u.canonical for u in self.units if u.role == "lead"]

    @property
    def support(self) -> list[str]:
        return [u.canonical for u in self.units if u.role != "lead"]


@dataclass
class Unit:
    """A unit as resolved within one plan: one entry per organisation."""

    name: str  # canonical display name
    category: Category
    aliases: list[str] = field(default_factory=list)  # every spelling seen
    kind: str | None = None  # unit-kind id from ontology.units, when known


@dataclass
class Plan:
    """A plan read from one file, with provenance for every fact."""

    id: str
    source: SourceFile
    doctype: str = "KH"
    number: str | None = None  # full number/symbol "19/KH-SKHCN"; None when blank
    symbol: str | None = None  # "KH-SKHCN", also kept when the number is blank
    date: str | None = None  # ISO, possibly partial ("2021-01")
    place: str | None = None
    province: str | None = None  # canonical province name as written on the plan
    province_evidence: str | None = None  # "header", "issuer", "text: tỉnh Gia Lai" …
    issuer: str | None = None
    parent_issuer: str | None = None  # the body above the issuer in the header
    title: str | None = None
    signer: str | None = None  # a joint plan's signers joined by "; "
    # "GIÁM ĐỐC", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"; a joint plan's capacities joined by "; "
    signer_capacity: str | None = None
    recipients: list[str] = field(default_factory=list)
    references: list[DocRef] = field(default_factory=list)
    links: list[DocLink] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    def to_dict(self, *, with_lines: bool = True) -> dict[str, Any]:
        """What :func:`dataclasses.asdict` gives (a deep copy as plain dicts and lists)."""
        if with_lines:
            return _as_dict(self)
        names = _field_names(Plan)
        return {name: _plain(getattr(self, name)) for name in names if name != "lines"}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Plan:
        return _build(cls, data)


_NESTED: dict[tuple[type, str], type] = {}

# Values :func:`dataclasses.asdict` returns as they are (it deep-copies them, which
# for these immutable types is the value itself).
_ATOMIC = frozenset({str, int, float, bool, type(None)})
_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _as_dict(obj: Any) -> dict[str, Any]:
    """:func:`dataclasses.asdict` of a dataclass instance, without its per-call
    :func:`~dataclasses.fields` lookups and deep copies of strings and numbers."""
    return {name: value if type(value := getattr(obj, name)) in _ATOMIC else _plain(value)
            for name in _field_names(type(obj))}


def _plain(value: Any) -> Any:
    """One value as :func:`dataclasses.asdict` turns it (its rules, in its order)."""
    kind = type(value)
    if kind in _ATOMIC:
        return value
    if kind is list:
        return [v if type(v) in _ATOMIC else _plain(v) for v in value]
    if kind in _NAMES or (is_dataclass(value) and not isinstance(value, type)):
        return _as_dict(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
        return kind(*[_plain(v) for v in value])
    if isinstance(value, (list, tuple)):
        return kind(_plain(v) for v in value)
    if isinstance(value, dict):
        return kind((_plain(k), _plain(v)) for k, v in value.items())
    return copy.deepcopy(value)


# Per class: the fields whose value (or items) is built as another dataclass.
_SUBS: dict[type, tuple[tuple[str, type], ...]] = {}


def _subs(cls: type) -> tuple[tuple[str, type], ...]:
    subs = _SUBS.get(cls)
    if subs is None:
        subs = _SUBS[cls] = tuple((name, _NESTED[(cls, name)]) for name in _field_names(cls)
                                  if (cls, name) in _NESTED)
    return subs


def _build(cls: type, data: Any) -> Any:
    """Rebuild a dataclass tree from :func:`dataclasses.asdict` output (keys that are
    not fields are ignored; missing ones take their defaults)."""
    if not isinstance(data, dict):
        return data
    subs = _subs(cls)
    if subs:
        data = dict(data)
        for name, sub in subs:
            if name in data:
                value = data[name]
                if isinstance(value, list):
                    data[name] = [_build(sub, v) for v in value]
                elif value is not None:
                    data[name] = _build(sub, value)
    try:
        return cls(**data)
    except TypeError:  # keys that are not fields (or a field missing: raised again)
        names = _field_names(cls)
        return cls(**{name: data[name] for name in names if name in data})


_NESTED.update({
    (Plan, "source"): SourceFile,
    (Plan, "references"): DocRef,
    (Plan, "links"): DocLink,
    (Plan, "tasks"): Task,
    (Plan, "units"): Unit,
    (Plan, "lines"): Line,
    (DocRef, "source"): Span,
    (DocRef, "mentions"): Span,
    (DocLink, "source"): Span,
    (Task, "source"): Span,
    (Task, "units"): UnitMention,
    (Task, "deadline"): Deadline,
    (Task, "targets"): Target,
    (UnitMention, "source"): Span,
})


class LoadError(Exception):
    """A file could not be read as a plan; the message says why. ``lasting`` is False
    when the cause lies outside the file (OCR turned off or not installed), so a store
    reads the file again next time."""

    def __init__(self, path: str, reason: str, *, lasting: bool = True):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.lasting = lasting

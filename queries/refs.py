"""References the way people type them: documents, provinces and units.

Users write ``36-NQ/TW``, ``NQ 36-NQ/TW``, ``Nghị quyết số 36-NQ/TW ngày 30/01/2023``,
``nghi quyet 36``, ``NQ36``, ``QĐ 673``, ``tay ninh``, ``chi cuc tdc``. Every form is
compared on :func:`~policykg.ontology.normalize.fold` forms; a reference that fits
several nodes raises :class:`AmbiguousReference`, one that fits none raises
:class:`UnknownReference` with the nearest known names.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from policykg.ontology.doctypes import DOCTYPES, SHARED_CODES
from policykg.ontology.normalize import fold, slug
from policykg.ontology.schema import DOCUMENT_KINDS, Kind
from policykg.ontology.units import ABBREVIATIONS, identity_name
from policykg.queries.common import (
    Graph,
    _Lookups,
    current_province,
    doc_label,
    is_document,
    label,
    node_province,
    nodes_of,
    province_id,
    province_name,
    static_memo,
)

__all__ = [
    "AmbiguousReference",
    "Candidate",
    "UnknownReference",
    "UnresolvedReference",
    "reference_number",
    "resolve_document",
    "resolve_plans",
    "resolve_province",
    "resolve_unit",
]


@dataclass
class Candidate:
    """A node a reference could mean, described so a user can pick one."""

    id: str
    label: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class UnresolvedReference(LookupError):
    """A typed reference that does not name exactly one node."""

    def __init__(self, what: str, text: str, message: str, options: list[Candidate]):
        super().__init__(message)
        self.what = what
        self.text = text
        self.options = options


class AmbiguousReference(UnresolvedReference):
    """The reference fits several nodes; ``candidates`` lists them."""

    def __init__(self, what: str, text: str, candidates: list[Candidate]):
        names = "; ".join(f"{c.label} [{c.detail}]" if c.detail else c.label for c in candidates)
        super().__init__(what, text, f"{what} '{text}' is ambiguous: {names}", candidates)
        self.candidates = candidates


class UnknownReference(UnresolvedReference):
    """The reference fits no node; ``suggestions`` holds the nearest known ones."""

    def __init__(self, what: str, text: str, suggestions: list[Candidate]):
        hint = ", ".join(c.label for c in suggestions)
        message = f"unknown {what} '{text}'" + (f"; did you mean: {hint}" if hint else "")
        super().__init__(what, text, message, suggestions)
        self.suggestions = suggestions


# --- documents ---------------------------------------------------------------------------

# Type words as users type them (folded) → type code. ontology.doctypes is asked first.
_TYPE_WORDS: dict[str, str] = {
    "nghi quyet": "NQ", "ket luan": "KL", "quyet dinh": "QĐ", "chi thi": "CT",
    "ke hoach": "KH", "chuong trinh hanh dong": "CTr", "chuong trinh": "CTr",
    "thong bao": "TB", "huong dan": "HD", "cong van": "CV", "van ban": "CV",
    "nghi dinh": "NĐ", "thong tu": "TT", "bao cao": "BC", "to trinh": "TTr", "de an": "ĐA",
    "nq": "NQ", "kl": "KL", "qd": "QĐ", "ct": "CT", "kh": "KH", "ctr": "CTr", "tb": "TB",
    "hd": "HD", "cv": "CV", "nd": "NĐ", "tt": "TT", "bc": "BC", "ttr": "TTr", "da": "ĐA",
}


def _typed_type_words() -> list[str]:
    """Every type word a user may type before a number: those above and the ontology's
    introducing words ("quy dinh" for the Party's Quy định)."""
    return list({*_TYPE_WORDS, *(fold(w) for dt in DOCTYPES for w in dt.words)})


_TYPE_ALT = "|".join(sorted((re.escape(w) for w in _typed_type_words()), key=len,
                            reverse=True))
_TYPED_NUMBER = re.compile(rf"(?<![a-z0-9])({_TYPE_ALT})\s*(?:so\s*)?(\d{{1,6}})(?![\d/-])")
_FULL_KEY = re.compile(
    r"(?<![a-z0-9])(\d{1,6})\s*(?:/\s*\d{4}\s*)?[-/]\s*[a-z][a-z&]*(?:\s*[-/]\s*[a-z][a-z0-9&]*)*"
)
_DATE = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_DATE_WORDS = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_YEAR = re.compile(r"(?:nam|@|\()\s*((?:19|20)\d{2})\b")


def _type_code(word: str) -> str | None:
    """Type code for a typed word, asking ontology.doctypes first."""
    try:
        from policykg.ontology.doctypes import doctype_from_word
    except ImportError:
        doctype_from_word = None
    if doctype_from_word is not None:
        try:
            code = doctype_from_word(word)
        except Exception:  # an upstream table's failure must not stop resolution
            code = None
        if isinstance(code, str) and code:
            return code
    return _TYPE_WORDS.get(fold(word))


_NOT_KEY_CHAR = re.compile(r"[^a-z0-9&]")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")
_LEADING_NUMBER = re.compile(r"\s*(\d+)")


def key_form(key: str) -> str:
    """``36-NQ/TW``, ``36/NQ-TW``, ``36 - nq/tw`` → ``36nqtw``: one form to compare."""
    plain = key.lower() if key.isascii() else fold(key)  # the same once spaces are dropped
    return _LEADING_ZEROS.sub("", _NOT_KEY_CHAR.sub("", plain))


def _doc_number(g: Graph, node: str) -> int | None:
    data = g.nodes[node]
    match = _LEADING_NUMBER.match(str(data.get("key") or data.get("number") or ""))
    return int(match.group(1)) if match else None


def _doc_year(g: Graph, node: str) -> int | None:
    data = g.nodes[node]
    for value in (data.get("year"), str(data.get("date") or "")[:4]):
        try:
            if value:
                return int(value)
        except (TypeError, ValueError):
            continue
    match = re.search(r"@(\d{4})", node)
    return int(match.group(1)) if match else None


def _describe_doc(g: Graph, node: str) -> Candidate:
    data = g.nodes[node]
    bits = [str(data.get("date") or data.get("year") or "")]
    pid = node_province(g, node)
    if pid:
        bits.append(province_name(g, pid))
    if data.get("issuer"):
        bits.append(str(data["issuer"]))
    title = data.get("title") or ""
    if title:
        title = " ".join(str(title).split())
        bits.append(title if len(title) <= 60 else title[:59].rstrip() + "…")
    return Candidate(node, doc_label(g, node), ", ".join(b for b in bits if b))


def resolve_document(g: Graph, text: str, province: str | None = None,
                     year: int | str | None = None) -> str:
    """The document node ``text`` names.

    ``province`` picks among provinces' local documents sharing a number
    (``01/CT-UBND``); ``year`` or a date in the text picks among documents
    sharing a number across years (``36-NQ/TW`` of 2014 and of 2023).
    """
    raw = (text or "").strip()
    if raw in g and is_document(g, raw):
        return raw
    folded = fold(raw)
    docs = _documents(g)
    # a label as lists show it, "28/KH-UBND (2025, UBND xã Đầm Hà)" (a numbered one has "(")
    shown = docs.by_shown_label(folded) if "(" in raw else []
    if len(shown) == 1 and (not province or _scope_fits(g, shown[0],
                                                        resolve_province(g, province))):
        return shown[0]
    date = _typed_date(folded)
    wanted_year = int(year) if year else (int(date[:4]) if date else _typed_year(folded))
    candidates = _by_full_key(g, docs, folded)
    if candidates is None:
        candidates = _by_type_and_number(g, docs, folded)
    if candidates is None:
        candidates = _by_label(g, docs, folded)
    if province:
        pid = resolve_province(g, province)
        candidates = [c for c in candidates if _scope_fits(g, c, pid)]
    if date:
        dated = [c for c in candidates if str(g.nodes[c].get("date") or "").startswith(date)]
        candidates = dated or [c for c in candidates if _doc_year(g, c) == wanted_year]
    elif wanted_year:
        candidates = [c for c in candidates if _doc_year(g, c) == wanted_year]
    candidates = _prefer_dated(g, candidates)
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        raise AmbiguousReference("document", raw, [_describe_doc(g, c) for c in candidates])
    raise UnknownReference("document", raw, _doc_suggestions(g, docs.ids, folded))


def resolve_plans(g: Graph, plans: str | Iterable[str] | None,
                  province: str | None = None) -> set[str] | None:
    """The plan nodes ``plans`` name (each an id, a number or a node id), or None when
    none is named; ``province`` picks among plans of several provinces sharing a number.
    A cited document that is not a plan is a ``ValueError``: it has no tasks to keep.
    """
    if not plans:
        return None
    chosen = set()
    for typed in [plans] if isinstance(plans, str) else plans:
        node = resolve_document(g, typed, province=province)
        if g.nodes[node].get("kind") != Kind.PLAN:
            raise ValueError(f"{doc_label(g, node)} is a document the plans cite, not a plan "
                             "with tasks: name plans (policykg plans lists them)")
        chosen.add(node)
    return chosen


def reference_number(text: str) -> int | None:
    """The number every document :func:`resolve_document` may find for ``text`` carries
    (at the start of its number/symbol), or None when ``text`` names a document by its
    title or id: a database can then be asked for the documents of that number only.

    >>> reference_number("nghi quyet 36"), reference_number("36-NQ/TW ngày 30/01/2023")
    (36, 36)
    >>> reference_number("Kế hoạch chuyển đổi số") is None
    True
    """
    folded = fold((text or "").strip())
    match = _FULL_KEY.search(_DATE.sub(" ", folded))
    if match:
        return int(match.group(1))
    match = _TYPED_NUMBER.search(folded)
    if match:
        return int(match.group(2))
    bare = re.fullmatch(r"(?:so\s*)?(\d{1,6})", folded)
    return int(bare.group(1)) if bare else None


class _Documents(_Lookups):
    """Every document of a graph, with the forms references are compared on indexed,
    each table built the first time a reference needs it. It is kept in the graph's own
    index, so like the index it holds the graph weakly."""

    def __init__(self, g: Graph):
        super().__init__(g)
        self.ids = list(nodes_of(g, *DOCUMENT_KINDS))

    def _table(self, name: str, value: Any) -> dict[Any, list[str]]:
        def build() -> dict[Any, list[str]]:
            table: dict[Any, list[str]] = {}
            for d in self.ids:
                table.setdefault(value(d), []).append(d)
            return table
        return self.memo(name, build)

    def by_shown_label(self, typed: str) -> list[str]:
        """Documents whose label, as lists and candidates show it, is ``typed`` (folded)."""
        return list(self._table("shown", lambda d: fold(doc_label(self.graph, d))
                                ).get(typed, ()))

    def by_key(self, typed: str) -> list[str]:
        nodes = self.graph.nodes
        return list(self._table("key", lambda d: _key_form_of(nodes[d].get("key"))
                                ).get(typed, ()))

    def by_number_field(self, typed: str) -> list[str]:
        nodes = self.graph.nodes
        return list(self._table("number", lambda d: _key_form_of(nodes[d].get("number"))
                                ).get(typed, ()))

    def by_number(self, number: int) -> list[str]:
        return list(self._table("n", lambda d: _doc_number(self.graph, d)).get(number, ()))

    def by_type_number(self, number: int, doctype: str) -> list[str]:
        nodes = self.graph.nodes
        table = self._table("type n", lambda d: (
            _doc_number(self.graph, d), fold(str(nodes[d].get("doctype") or ""))))
        return list(table.get((number, doctype), ()))

    @property
    def names(self) -> list[tuple[str, tuple[str, ...]]]:
        nodes = self.graph.nodes
        return self.memo("names", lambda: [
            (d, tuple(fold(str(n)) for n in (nodes[d].get("label"), nodes[d].get("title"),
                                             nodes[d].get("short_name")) if n))
            for d in self.ids])


def _key_form_of(value: Any) -> str:
    return key_form(str(value)) if value else ""


def _documents(g: Graph) -> _Documents:
    return static_memo(g, "documents", _Documents)


def _typed_date(folded: str) -> str | None:
    match = _DATE.search(folded) or _DATE_WORDS.search(folded)
    if not match:
        return None
    day, month, year = (int(x) for x in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def _typed_year(folded: str) -> int | None:
    match = _YEAR.search(folded)
    return int(match.group(1)) if match else None


def _by_full_key(g: Graph, docs: _Documents, folded: str) -> list[str] | None:
    """Documents whose number/symbol equals a full key in the text, or None when none typed."""
    without_dates = _DATE.sub(" ", folded)
    match = _FULL_KEY.search(without_dates)
    if not match:
        return None
    typed = key_form(match.group(0))
    found = docs.by_key(typed)
    if found:
        return found
    return docs.by_number_field(typed)


def _by_type_and_number(g: Graph, docs: _Documents, folded: str) -> list[str] | None:
    """``nghi quyet 36``, ``NQ36``, ``QĐ 673``; a bare number matches any type."""
    match = _TYPED_NUMBER.search(folded)
    if match:
        number = int(match.group(2))
        return [d for code in _typed_codes(match.group(1))
                for d in docs.by_type_number(number, fold(code))]
    bare = re.fullmatch(r"(?:so\s*)?(\d{1,6})", folded)
    if bare:
        number = int(bare.group(1))
        return docs.by_number(number)
    return None


def _typed_codes(word: str) -> list[str]:
    """The types a typed word may stand for: its own, and when the user typed a code that
    other types are numbered under too ("QĐ" for the Party's Quy định "232-QĐ/TW"), those."""
    code = _type_code(word)
    if not code:
        return [""]
    shared = SHARED_CODES.get(code, ()) if fold(word) == fold(code) else ()
    return [code, *shared]


def _by_label(g: Graph, docs: _Documents, folded: str) -> list[str]:
    """Documents whose label or title is (else contains) the text: an unnumbered plan."""
    if not folded:
        return []
    exact, partial = [], []
    for d, names in docs.names:
        if folded in names:
            exact.append(d)
        elif len(folded) >= 8 and any(folded in n for n in names):
            partial.append(d)
    return exact or partial


def _scope_fits(g: Graph, doc: str, pid: str) -> bool:
    """Central documents fit every province; local ones only their own (or its successor)."""
    if g.nodes[doc].get("scope") == "central":
        return True
    where = node_province(g, doc)
    if where is None:
        return True
    return where == pid or current_province(g, where) == pid


def _prefer_dated(g: Graph, candidates: list[str]) -> list[str]:
    """An undated copy of a key adds nothing when exactly one dated document has it."""
    by_key: dict[str, list[str]] = {}
    for c in candidates:
        by_key.setdefault(key_form(str(g.nodes[c].get("key") or c)), []).append(c)
    kept: list[str] = []
    for group in by_key.values():
        dated = [c for c in group if _doc_year(g, c)]
        kept.extend(dated if len(dated) == 1 else group)
    return sorted(kept)


def _doc_suggestions(g: Graph, docs: list[str], folded: str, limit: int = 5) -> list[Candidate]:
    names: dict[str, str] = {}
    for d in docs:
        data = g.nodes[d]
        for name in (data.get("key"), data.get("number"), data.get("label")):
            if name:
                names.setdefault(fold(str(name)), d)
    close = difflib.get_close_matches(folded, list(names), n=limit * 2, cutoff=0.4)
    if not close:
        digits = re.findall(r"\d+", folded)
        close = [n for n in names if digits and any(x in n for x in digits)]
    seen: list[str] = []
    for name in close:
        if names[name] not in seen:
            seen.append(names[name])
    return [_describe_doc(g, d) for d in seen[:limit]]


# --- provinces ---------------------------------------------------------------------------

_PROVINCE_PREFIX = re.compile(r"^(?:tinh|thanh pho|tp\.?|t\.)\s+")


def resolve_province(g: Graph, text: str) -> str:
    """The province node id for ``tay ninh``, ``Tây Ninh``, ``tỉnh Tây Ninh``."""
    raw = (text or "").strip()
    if raw in g and g.nodes[raw].get("kind") == Kind.PROVINCE:
        return raw
    folded = _PROVINCE_PREFIX.sub("", fold(raw))
    names = static_memo(g, "province_names", lambda base: {
        fold(province_name(base, p)): p for p in nodes_of(base, Kind.PROVINCE)})
    if folded in names:
        return names[folded]
    if f"province:{slug(folded)}" in g:
        return f"province:{slug(folded)}"
    known = _ontology_province(raw)
    if known:
        return province_id(g, known) or f"province:{slug(known)}"
    close = difflib.get_close_matches(folded, list(names), n=5, cutoff=0.5)
    raise UnknownReference("province", raw, [Candidate(names[c], label(g, names[c]))
                                             for c in close])


def _ontology_province(text: str) -> str | None:
    """The province's name from ontology.provinces, when that table knows it."""
    try:
        from policykg.ontology.provinces import province
    except ImportError:
        return None
    try:
        found = province(text)
    except Exception:  # an upstream table's failure must not stop resolution
        return None
    name = getattr(found, "name", None)
    return name if isinstance(name, str) else None


# --- units -------------------------------------------------------------------------------

# Abbreviations users type for units (folded) → their words, beyond the vocabulary's
# (:data:`~policykg.ontology.units.ABBREVIATIONS`). Applied to both sides of a match.
_TYPED_ABBREVIATIONS: dict[str, str] = {
    "kh&cn": "khoa hoc va cong nghe", "khcn": "khoa hoc va cong nghe",
    "tdc": "tieu chuan do luong chat luong", "shtt": "so huu tri tue",
    "dmst": "doi moi sang tao", "qlkh": "quan ly khoa hoc", "qlcn": "quan ly cong nghe",
    "kh-tc": "ke hoach tai chinh", "khtc": "ke hoach tai chinh",
    "p.": "phong", "vp": "van phong", "cc": "chi cuc", "tt": "trung tam",
    "ubnd": "uy ban nhan dan", "hnd": "hoi nong dan",
    "nn&ptnt": "nong nghiep va phat trien nong thon",
    "kh&dt": "ke hoach va dau tu", "tt&tt": "thong tin va truyen thong", "htx": "hop tac xa",
}
_UNIT_TOKEN = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*\.?|[&]")
_UNIT_FILLER = {"-", "–", ","}


def _folded_abbreviations() -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]]]:
    """The vocabulary's abbreviations and the typed ones, folded: one-word ones by token
    ("mttq", "chqs"), the others as phrases ("bch quan su", "nn va ptnt")."""
    words: dict[str, str] = {}
    phrases: list[tuple[re.Pattern[str], str]] = []
    for short, full in ABBREVIATIONS:
        key, value = fold(short), fold(full)
        if _UNIT_TOKEN.fullmatch(key):
            words.setdefault(key, value)
        else:
            phrases.append((re.compile(rf"(?<![a-z0-9&]){re.escape(key)}(?![a-z0-9&])"), value))
    words.update(_TYPED_ABBREVIATIONS)
    return words, phrases


UNIT_ABBREVIATIONS, _ABBREVIATED_PHRASES = _folded_abbreviations()


def unit_words(text: str) -> list[str]:
    """Folded words of a unit name with abbreviations spelt out and hyphens dropped."""
    words: list[str] = []
    folded = fold(text).replace("–", " ")
    for pattern, full in _ABBREVIATED_PHRASES:
        if pattern.search(folded):
            folded = pattern.sub(full, folded)
    for token in _UNIT_TOKEN.findall(folded):
        expansion = UNIT_ABBREVIATIONS.get(token) or UNIT_ABBREVIATIONS.get(token.rstrip("."))
        if expansion:
            words.extend(expansion.split())
        elif token not in _UNIT_FILLER:
            words.extend(token.rstrip(".").split("&"))
    return [w for w in words if w]


def resolve_unit(g: Graph, text: str, province: str | None = None) -> list[str]:
    """The unit ids ``text`` names (one per province when the same kind exists in several).

    Exact names win over names containing the typed words in order, which win
    over names containing them anywhere.
    """
    raw = (text or "").strip()
    if raw in g and g.nodes[raw].get("kind") == Kind.UNIT:
        return [raw]
    wanted = unit_words(identity_name(raw))  # a long name typed stands for its body too
    pid = resolve_province(g, province) if province else None
    table = static_memo(g, "unit_words", _UnitWords)
    tiers: list[list[str]] = [[], [], []]
    for unit in table.candidates(wanted):
        if pid is not None and not _scope_fits_unit(g, unit, pid):
            continue
        best = 3
        for words in table.names[unit]:
            if words == wanted:
                best = 0
            elif wanted and _contiguous(wanted, words):
                best = min(best, 1)
            elif wanted and _in_order(wanted, words):
                best = min(best, 2)
        if best < 3:
            tiers[best].append(unit)
    for tier in tiers:
        if tier:
            return tier
    units = [u for u in nodes_of(g, Kind.UNIT) if pid is None or _scope_fits_unit(g, u, pid)]
    names = {" ".join(unit_words(label(g, u))): u for u in units}
    close = difflib.get_close_matches(" ".join(wanted), list(names), n=5, cutoff=0.5)
    raise UnknownReference("unit", raw, [Candidate(names[c], label(g, names[c]),
                                                   province_name(g, node_province(g, names[c])))
                                         for c in close])


class _UnitWords:
    """The words of every unit's names, and which units use each word."""

    def __init__(self, g: Graph):
        self.ids = list(nodes_of(g, Kind.UNIT))
        self.names: dict[str, list[list[str]]] = {}
        self.postings: dict[str, set[str]] = {}
        for unit in self.ids:
            self.names[unit] = [unit_words(name) for name in _unit_names(g, unit)]
            for words in self.names[unit]:
                for word in words:
                    self.postings.setdefault(word, set()).add(unit)

    def candidates(self, wanted: list[str]) -> list[str]:
        """Units having every one of ``wanted`` in some name (all units when none), in
        id order."""
        if not wanted:
            return self.ids
        found: set[str] | None = None
        for word in sorted(set(wanted), key=lambda w: len(self.postings.get(w, ()))):
            units = self.postings.get(word, set())
            found = set(units) if found is None else found & units
            if not found:
                return []
        return sorted(found or ())


def _unit_names(g: Graph, unit: str) -> list[str]:
    """The names a unit answers to: its own, its aliases, and the short name its identity
    goes by ("Tỉnh Đoàn" for "Tỉnh Đoàn TNCS Hồ Chí Minh"), so one typed name finds the
    same body in every province however each plan writes it."""
    data = g.nodes[unit]
    names = [data.get("name"), data.get("label")]
    aliases = data.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    found = [str(n) for n in [*names, *aliases] if n]
    return list(dict.fromkeys([*found, *(identity_name(n) for n in found)]))


def _scope_fits_unit(g: Graph, unit: str, pid: str) -> bool:
    where = node_province(g, unit)
    return where is not None and (where == pid or current_province(g, where) == pid)


def _contiguous(needle: list[str], hay: list[str]) -> bool:
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


def _in_order(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(word in it for word in needle)

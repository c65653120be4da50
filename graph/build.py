"""Plans → one knowledge graph (:class:`networkx.MultiDiGraph`), resolving identities.

The node ids and attributes follow the contract in :mod:`policykg.graph`. Building
is deterministic: plans are read in a fixed order (by id) and every choice between
spellings is made on all of them at once, so the same plans give the same ids and
counts whatever order they arrive in.

Documents are resolved in two passes. The first collects every numbered document
(ingested plans and references) by scope (nationwide or province) and key, with the
years the texts give; the second names each one: a dated citation by key and year, a
citation without a year by the one dated document with that key in the same plan,
else the one known anywhere in its scope, else its own year-less node (marked
``ambiguous`` when several dated ones exist).

A province's steering committees (Ban Chỉ đạo) all number their documents "…/KH-BCĐ"
from 1 each year, so a committee's number is unique within the committee
(:func:`with_committee`, :func:`~policykg.graph.identity.committee_key`). A citation
naming the committee ("… của Ban Chỉ đạo 389 tỉnh") goes to that committee's document.
One that does not ("… của Ban Chỉ đạo", "… của Ban Chỉ đạo tỉnh") is, in a committee's
own plan, that committee's; elsewhere it goes to the one document of that number and
year any committee of the province is known to have, to the province-wide node when none
is known, and when several are, to a node of its own (``doc:<province>:bcd:<key>``) whose
``ambiguous`` lists them: an analyst decides, the graph does not pick one. "… của Ban
Chỉ đạo tỉnh về <X>" names the committee whose remit is X when the province has one,
else X is the document's subject.

Most of the graph belongs to one plan: its tasks and the edges leaving them. That
part is a pure function of the plan and its node id (:func:`plan_fragment`), so the
store computes it once per plan and keeps it; :func:`assemble` does the cross-plan
part (documents, plans, units, organisations, topics) from the plans' headers and
the fragments' shared operations, in the same order as a build from scratch, so
both give the same graph.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import networkx as nx

from policykg.graph import identity as ident
from policykg.loaders.metadata import header_bodies
from policykg.loaders.model import DocRef, Plan, Span, Task
from policykg.ontology import topics, units
from policykg.ontology.normalize import fold, slug, squash_spaces
from policykg.ontology.provinces import committee_pattern, find_province
from policykg.ontology.schema import Kind, Rel
from policykg.ontology.units import party_committee_of

__all__ = ["build_graph", "plan_node_ids", "RELATION_TO_REL", "Fragment", "Assembly",
           "plan_fragment", "assemble", "plan_scope", "gc_paused", "add_bulk",
           "FRAGMENT_VERSION", "with_committee"]

RELATION_TO_REL: dict[str, Rel] = {
    "implements": Rel.IMPLEMENTS,
    "basis": Rel.BASED_ON,
    "mentions": Rel.MENTIONS,
}
_STRENGTH = {Rel.IMPLEMENTS: 3, Rel.BASED_ON: 2, Rel.MENTIONS: 1}
_ROLE = {"support": "support", "participate": "participate"}
# relation and kind names as plain strings (an enum member's ``.value`` costs a lookup)
_HAS_TASK, _HAS_SUBTASK = Rel.HAS_TASK.value, Rel.HAS_SUBTASK.value
_LED_BY, _SUPPORTED_BY, _ABOUT = Rel.LED_BY.value, Rel.SUPPORTED_BY.value, Rel.ABOUT.value
_TASK = Kind.TASK.value
_NO_ADJ: dict[str, Any] = {}  # an empty adjacency, never written to


def _span_attrs(span: Span | None) -> dict[str, Any]:
    if span is None:
        return {}
    return {"file": span.file, "line_start": span.line_start, "line_end": span.line_end,
            "quote": span.quote}


def _better_date(old: str | None, new: str | None) -> str | None:
    """The more specific of two ISO dates; the smaller when equally specific."""
    if not new:
        return old
    if not old:
        return new
    if len(new) != len(old):
        return new if len(new) > len(old) else old
    return min(old, new)


def _pick_label(candidates: Iterable[str]) -> str:
    """One display name from every spelling seen: the fullest, then alphabetical."""
    names = sorted({squash_spaces(c) for c in candidates if c and c.strip()})
    return max(names, key=len) if names else ""


@dataclass
class _DocGroup:
    """Every numbered mention of one key in one scope."""

    keys: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)  # full ISO dates the texts give
    plan_key: str | None = None  # the number as printed on an ingested plan, if any

    def display_key(self) -> str:
        if self.plan_key:
            return ident.norm_key(self.plan_key)
        return min(sorted(ident.norm_key(k) for k in self.keys), key=len)


def _plan_scope(plan: Plan) -> str:
    """``vn`` for a plan of a central body, else its province's slug."""
    scope = ident.key_scope(plan.number) if plan.number else None
    if scope is None and plan.issuer:
        _, _, org_scope = ident.issuer_org(plan.issuer, None, plan.province)
        scope = "central" if org_scope == ident.NATIONWIDE else "local"
    if scope == "central" and not plan.province:
        return ident.NATIONWIDE
    return ident.province_slug(plan.province)


def _ref_scope(ref: DocRef, plan: Plan) -> str:
    if ref.scope == "central":
        return ident.NATIONWIDE
    return ident.province_slug(ref.province or plan.province)


def _plan_number_scope(plan: Plan, scope: str) -> str:
    """Where ``plan``'s number is unique: its province, or the commune or district issuing
    it (see :func:`~policykg.graph.identity.document_scope`)."""
    return ident.document_scope(scope, plan.issuer, _own_area(plan))


def _ref_number_scope(ref: DocRef, plan: Plan) -> str:
    """Where a cited number is unique: the scope of :func:`_ref_scope`, narrowed to the
    commune or district its issuer names ("UBND xã" alone: the citing plan's own)."""
    return ident.document_scope(_ref_scope(ref, plan), ref.issuer, _own_area(plan))


def _own_area(plan: Plan) -> tuple[str, str | None] | None:
    """The commune or district of ``plan``'s issuer, or of the body above a Party cell."""
    area = ident.local_area(plan.issuer, plan.province)
    if area is None and ident.party_cell(plan.issuer):
        area = ident.local_area(plan.parent_issuer, plan.province)
    return area


_BOARD = re.compile(r"^(?:ban chi dao|bcd)\b")


def _names_board(issuer: str | None) -> bool:
    """Whether ``issuer`` is a steering committee ("Ban Chỉ đạo …", "BCĐ …")."""
    return bool(issuer) and _BOARD.match(_fold(issuer)) is not None


def _board_number(number: str | None, issuer: str | None) -> bool:
    """Whether a number is in a steering committee's book: its symbol says so ("12/KH-BCĐ"),
    or, when it has no issuer code, its issuer is a committee."""
    code = ident.symbol_parts(number)[1] if number else None
    return _fold(code).startswith("bcd") if code else _names_board(issuer)


def _board_document(ref: DocRef) -> bool:
    """Whether a local citation is of a steering committee's document."""
    return _board_number(ref.key, ref.issuer)


def _cited_board(ref: DocRef) -> tuple[str, str | None] | None:
    """The steering committee a citation names, as :func:`~policykg.graph.identity.
    cited_committee` reads it from the quoted words."""
    quote = ref.source.quote if ref.source else ""
    return ident.cited_committee(quote, ref.key) if quote else None


def _cited_board_name(ref: DocRef, plan: Plan) -> str | None:
    """The committee a citation names by its remit ("BCĐ 389 tỉnh"), else its issuer."""
    cited = _cited_board(ref)
    if cited is not None and ident.committee_key(cited[0], plan.province):
        return cited[0]
    return ref.issuer


def _board_scope(scope: str) -> bool:
    """Whether a number scope is a steering committee's (``gia-lai:bcd-389``)."""
    return ":bcd-" in scope


def _header_committee(plan: Plan) -> str | None:
    """The steering committee ``plan``'s header names with its remit ("BAN CHỈ ĐẠO 389"
    under "UBND TỈNH GIA LAI"), else the one its title names ("hoạt động của Ban Chỉ đạo
    389 tỉnh năm 2025"), else None."""
    if plan.lines:
        named = [text for text in header_bodies(plan.lines)
                 if ident.committee_key(text, plan.province) is not None]
        if named:
            return named[-1]
    cited = ident.cited_committee(plan.title) if plan.title else None
    if cited is not None and ident.committee_key(cited[0], plan.province) is not None:
        return cited[0]
    return None


def with_committee(plan: Plan) -> Plan:
    """``plan`` as its steering committee's, when a province's committee issues it: the
    issuer is the committee by its remit ("Ban Chỉ đạo tỉnh Gia Lai" read from "BAN CHỈ
    ĐẠO 389" → "Ban Chỉ đạo 389 tỉnh Gia Lai") and the id holds the committee
    (``gia-lai:bcd-389:12-KH/BCĐ@2025``), as a commune's does its commune: each committee
    numbers its documents on its own. The header is read from ``plan.lines``; a plan
    already named so (or any other plan) is returned as it is."""
    issuer = plan.issuer
    if not _names_board(issuer) or ident.local_area(issuer) is not None \
            or not _board_number(plan.number, issuer) or _plan_scope(plan) == ident.NATIONWIDE:
        return plan
    name = issuer if ident.committee_key(issuer, plan.province) else _header_committee(plan)
    key = ident.committee_key(name, plan.province) if name else None
    if name is None or key is None:
        return plan
    segment = f"bcd-{key}"
    head, _, tail = plan.id.partition(":")
    plan_id = plan.id if tail.startswith(f"{segment}:") else f"{head}:{segment}:{tail}"
    label = issuer if name is issuer else ident.committee_label(name, plan.province)
    if plan_id == plan.id and label == issuer:
        return plan
    return dataclasses.replace(plan, id=plan_id, issuer=label)


def _ref_year(ref: DocRef) -> int | None:
    year = ident.year_of(ref.date)
    if year is None and ref.key:
        match = re.search(r"/((?:19|20)\d{2})/", ref.key)  # 40/2024/QĐ-UBND
        year = int(match.group(1)) if match else None
    return year


def _plan_year(plan: Plan) -> int | None:
    return ident.year_of(plan.date)


class _Resolver:
    """Names every document node from all plans at once (see module docstring)."""

    def __init__(self, plans: list[Plan]):
        self.groups: dict[tuple[str, str], _DocGroup] = defaultdict(_DocGroup)
        self.plan_scope: dict[str, str] = {}
        self.number_scope: dict[str, str] = {}  # plan id → where its number is unique
        # province scope → remits of its steering committees that texts name
        self.boards: dict[str, set[str]] = defaultdict(set)
        # (province scope, key) → committee scopes with a document of that number; the
        # province scope itself when a committee plan there names no remit (with its years)
        self.board_docs: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.unnamed_board_plans: dict[tuple[str, str], set[int | None]] = defaultdict(set)
        for plan in plans:
            scope = _plan_scope(plan)
            self.plan_scope[plan.id] = scope
            self.number_scope[plan.id] = _plan_number_scope(plan, scope)
            self._learn_boards(plan)
        for plan in plans:
            if plan.number:
                self._add(self.number_scope[plan.id], self.plan_scope[plan.id], plan.number,
                          _plan_year(plan), plan.date, plan_key=plan.number)
                if _names_board(plan.issuer) and self.number_scope[plan.id] == \
                        self.plan_scope[plan.id] != ident.NATIONWIDE:
                    self.unnamed_board_plans[(self.plan_scope[plan.id],
                                              ident.match_key(plan.number))].add(
                        _plan_year(plan))
            for ref in plan.references:
                if ref.key:
                    place, unnamed = self.ref_place(ref, plan)
                    # an unnamed committee's day tells no committee's document apart
                    self._add(place, _ref_scope(ref, plan), ref.key, _ref_year(ref),
                              None if unnamed else ref.date)

    def _learn_boards(self, plan: Plan) -> None:
        """Record the steering committees ``plan`` and its citations name for sure."""
        own = self.number_scope[plan.id]
        if _board_scope(own):
            self.boards[self.plan_scope[plan.id]].add(own.rsplit(":bcd-", 1)[1])
        for ref in plan.references:
            if not ref.key or not _board_document(ref):
                continue
            scope = _ref_scope(ref, plan)
            cited = _cited_board(ref) if scope != ident.NATIONWIDE else None
            key = ident.committee_key(cited[0], plan.province) if cited else None
            if key:
                self.boards[scope].add(key)

    def _add(self, scope: str, province: str, key: str, year: int | None, date: str | None,
             plan_key: str | None = None) -> None:
        """Count a mention of ``key`` in number scope ``scope`` (of ``province``)."""
        mkey = ident.match_key(key)
        group = self.groups[(scope, mkey)]
        group.keys.add(key)
        if plan_key:
            group.plan_key = min(filter(None, [group.plan_key, plan_key]))
        if year is not None:
            group.years.add(year)
        if date and len(date) == 10:
            group.dates.add(date)
        if _board_scope(scope):
            self.board_docs[(province, mkey)].add(scope)

    def ref_place(self, ref: DocRef, plan: Plan) -> tuple[str, bool]:
        """(number scope, unnamed) of a numbered citation; ``unnamed`` is True for a
        steering committee's document whose committee the citation does not tell, whose
        scope is then its province's (see module docstring)."""
        scope = _ref_scope(ref, plan)
        if scope == ident.NATIONWIDE or not _board_document(ref) \
                or ident.local_area(ref.issuer) is not None:
            return _ref_number_scope(ref, plan), False
        cited = _cited_board(ref)
        if cited is not None and ident.local_area(cited[0]) is not None:
            return ident.document_scope(scope, cited[0]), False  # a commune's committee
        key = ident.committee_key(cited[0], plan.province) if cited else None
        if key is None and cited is not None and cited[1]:
            key = self._board_of_remit(scope, cited[1], plan.province)
        if key is not None:
            return ident.committee_scope(scope, key), False
        own = self.number_scope.get(plan.id, scope)
        if _board_scope(own) and own.startswith(f"{scope}:"):
            return own, False  # "của Ban Chỉ đạo" in a committee's own plan
        return scope, True

    def _board_of_remit(self, scope: str, remit: str, province: str | None) -> str | None:
        """The one committee of ``scope`` whose remit "về <remit>" names, if any."""
        wanted = ident.committee_key(f"Ban Chỉ đạo {remit}", province)
        if not wanted:
            return None
        found = [k for k in self.boards.get(scope, ()) if wanted == k
                 or wanted.startswith(f"{k}-")]
        return found[0] if len(found) == 1 else None

    def numbered(self, scope: str, key: str, year: int | None,
                 plan_years: set[int] | None = None) -> tuple[str, list[str]]:
        """(node id, ambiguous candidates) of a numbered document."""
        group = self.groups[(scope, ident.match_key(key))]
        display = group.display_key() if group.keys else ident.norm_key(key)
        if year is None:
            if plan_years and len(plan_years) == 1:
                year = next(iter(plan_years))
            elif len(group.years) == 1:
                year = next(iter(group.years))
            elif len(group.years) > 1:
                return ident.document_id(display, scope, None), [
                    ident.document_id(display, scope, y) for y in sorted(group.years)]
        return ident.document_id(display, scope, year), []

    def unnamed_board(self, scope: str, key: str, year: int | None,
                      plan_years: set[int] | None = None,
                      date: str | None = None) -> tuple[str, list[str]]:
        """(node id, ambiguous candidates) of a committee's document cited without its
        committee: the one document of that number and year (of that day, when the
        citation gives it and the texts give theirs) of a committee of the province, else
        the province-wide one, else (several) a node listing them."""
        mkey = ident.match_key(key)
        wanted = year if year is not None else (
            next(iter(plan_years)) if plan_years and len(plan_years) == 1 else None)
        places = [s for s in sorted(self.board_docs.get((scope, mkey), ()))
                  if wanted is None or not self.groups[(s, mkey)].years
                  or wanted in self.groups[(s, mkey)].years]
        years = self.unnamed_board_plans.get((scope, mkey), set())
        if wanted is None and years or wanted in years or None in years:
            places.append(scope)  # a committee plan naming no remit has that number
        same_day = [s for s in places if date in self.groups[(s, mkey)].dates]
        if len(same_day) == 1:
            places = same_day
        if len(places) == 1:
            return self.numbered(places[0], key, year, plan_years)
        if not places:
            return self.numbered(scope, key, year, plan_years)
        candidates = [self.numbered(s, key, wanted, plan_years)[0] for s in places]
        display = self.groups[(places[0], mkey)].display_key()
        return ident.document_id(display, f"{scope}:bcd", wanted), candidates

    def plan_node(self, plan: Plan) -> str:
        if plan.number:
            return self.numbered(self.number_scope[plan.id], plan.number, _plan_year(plan))[0]
        return ident.unnumbered_plan_id(self.plan_scope[plan.id], plan.doctype, plan.date,
                                        plan.id)

    def references(self, plan: Plan) -> list[tuple[str, list[str]]]:
        """The node id (and ambiguity) of each of ``plan.references``, in order."""
        places = [self.ref_place(ref, plan) if ref.key else None for ref in plan.references]
        dated: dict[tuple[str, str], set[int]] = defaultdict(set)
        for ref, place in zip(plan.references, places, strict=True):
            if place is not None and (year := _ref_year(ref)) is not None:
                dated[(place[0], ident.match_key(ref.key or ""))].add(year)
        resolved: list[tuple[str, list[str]] | None] = []
        for ref, place in zip(plan.references, places, strict=True):
            if place is None or not ref.key:
                resolved.append(None)
                continue
            scope, unnamed = place
            years = dated.get((scope, ident.match_key(ref.key)))
            if unnamed:
                resolved.append(self.unnamed_board(scope, ref.key, _ref_year(ref), years,
                                                   ref.date))
            else:
                resolved.append(self.numbered(scope, ref.key, _ref_year(ref), years))
        return [r if r is not None else (self._keyless(plan, i, resolved), [])
                for i, r in enumerate(resolved)]

    def _keyless(self, plan: Plan, index: int,
                 resolved: list[tuple[str, list[str]] | None]) -> str:
        """A reference without a number: the one numbered reference of the same plan
        with the same type and issuer ("Chương trình hành động của Tỉnh ủy" = the
        plan's 180-CTr/TU), else its own node."""
        ref = plan.references[index]
        scope = _ref_scope(ref, plan)
        code = ident.issuer_code(ref.issuer, plan.province)
        org = ident.issuer_org(ref.issuer, ref.scope, ref.province or plan.province)[0] \
            if ref.issuer else None
        matches = set()
        for other, res in zip(plan.references, resolved, strict=True):
            if res is None or _ref_scope(other, plan) != scope:
                continue
            other_type, other_code = ident.symbol_parts(other.key or "")
            other_type = other.doctype or other_type
            if not ref.doctype or not other_type or fold(other_type) != fold(ref.doctype):
                continue
            if code and other_code and fold(code) == fold(other_code):
                matches.add(res[0])
            elif org and other.issuer and org == ident.issuer_org(
                    other.issuer, other.scope, other.province or plan.province)[0]:
                matches.add(res[0])
        if len(matches) == 1:
            return matches.pop()
        return ident.keyless_document_id(ref.doctype, ref.issuer, ref.subject, scope, ref.date)


def plan_node_ids(plans: Iterable[Plan]) -> dict[str, str]:
    """The graph node id of each plan (by :attr:`Plan.id`) among ``plans``."""
    named = [(plan.id, with_committee(plan)) for plan in plans]
    named.sort(key=lambda pair: (pair[1].id, pair[1].source.path))
    resolver = _Resolver([plan for _, plan in named])
    return {given: resolver.plan_node(plan) for given, plan in named}


class _Builder:
    def __init__(self) -> None:
        self.g = nx.MultiDiGraph()
        self.doc_issuers: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        self.org_labels: dict[str, set[str]] = defaultdict(set)
        self.unit_names: dict[str, set[str]] = defaultdict(set)
        self.provinces: set[str] = set()
        self.orgs_done: set[tuple[str, str | None, str | None]] = set()

    # --- nodes -------------------------------------------------------------------

    def node(self, nid: str, kind: Kind, **attrs: Any) -> dict[str, Any]:
        data = self.g._node.get(nid)  # the graph's own attribute dict (a lookup, no view)
        if data is None:
            self.g.add_node(nid, kind=kind.value, label=attrs.pop("label", nid))
            data = self.g._node[nid]
        for key, value in attrs.items():
            if value is not None and data.get(key) in (None, "", []):
                data[key] = value
        return data

    def edge(self, u: str, v: str, rel: Rel, key: str | None = None, **attrs: Any) -> None:
        if u == v:
            return
        key = key or rel.value
        if key in self.g._succ.get(u, _NO_ADJ).get(v, _NO_ADJ):  # has_edge, without a call
            return
        self.g.add_edge(u, v, key=key, rel=rel.value,
                        **{k: val for k, val in attrs.items() if val is not None})

    def province(self, name: str | None) -> str | None:
        """The province node for ``name`` (created with its post-merger province)."""
        canonical = ident.province_name(name)
        if not canonical:
            return None
        pid = ident.province_id(canonical)
        if pid not in self.g:
            current = ident.province_name(ident.current_province_name(canonical)) or canonical
            self.node(pid, Kind.PROVINCE, label=canonical, name=canonical,
                      current=ident.province_id(current), current_name=current)
            self.provinces.add(canonical)
            if fold(current) != fold(canonical):
                self.province(current)
                self.edge(pid, ident.province_id(current), Rel.MERGED_INTO)
        return pid

    def organisation(self, name: str, scope: str | None, province: str | None) -> str:
        oid, label, org_scope = ident.issuer_org(name, scope, province)
        self.org_labels[oid].add(label)
        local = org_scope != ident.NATIONWIDE
        pid = self.province(province) if local else None
        self.node(oid, Kind.ORGANISATION, label=label,
                  scope="central" if not local else "local", province=pid)
        if pid:
            self.edge(oid, pid, Rel.IN_PROVINCE)
        return oid

    # --- plans and documents -----------------------------------------------------

    def plan(self, plan: Plan, nid: str, scope: str) -> None:
        pid = self.province(plan.province)
        doctype = plan.doctype
        if plan.number:
            doctype = ident.symbol_parts(plan.number)[0] or doctype
        label = plan.number or squash_spaces(plan.title or "") or nid
        data = self.node(
            nid, Kind.PLAN, label=label, doctype=doctype,
            key=ident.norm_key(plan.number) if plan.number else None,
            date=plan.date, year=_plan_year(plan),
            scope="central" if scope == ident.NATIONWIDE else "local",
            province=pid, issuer=plan.issuer, title=plan.title, file=plan.source.path,
            sha256=plan.source.sha256, format=plan.source.format, number=plan.number,
            signer=plan.signer, signer_capacity=plan.signer_capacity, plan_id=plan.id,
        )
        data["kind"] = Kind.PLAN.value  # an ingested plan wins over a citation of it
        data["label"] = label
        if pid:
            self.edge(nid, pid, Rel.IN_PROVINCE)
        if plan.issuer:
            org_scope = "central" if scope == ident.NATIONWIDE else "local" if pid else None
            org = self.organisation(plan.issuer, org_scope, plan.province)
            self.edge(nid, org, Rel.ISSUED_BY)

    def document(self, ref: DocRef, plan: Plan, nid: str, ambiguous: list[str]) -> None:
        scope = _ref_scope(ref, plan)
        province = ref.province or plan.province if scope != ident.NATIONWIDE else None
        pid = self.province(province) if province else None
        doctype = ref.doctype or (ident.symbol_parts(ref.key)[0] if ref.key else None)
        if ref.key:
            label = ident.norm_key(ref.key)
        else:
            label = squash_spaces(" ".join(filter(None, [doctype, "của", ref.issuer or "?"])))
        existed = nid in self.g
        issuer = _cited_board_name(ref, plan) if _board_scope(nid) else ref.issuer
        data = self.node(
            nid, Kind.DOCUMENT, label=label, doctype=doctype,
            key=ident.norm_key(ref.key) if ref.key else None,
            year=ident.year_of(ref.date) or (_ref_year(ref) if ref.key else None),
            scope=ref.scope, province=pid, issuer=issuer, title=ref.subject,
        )
        data["date"] = _better_date(data.get("date"), ref.date)
        if data.get("year") is None and data.get("date"):
            data["year"] = ident.year_of(data["date"])
        if ambiguous:
            data["ambiguous"] = sorted(set(data.get("ambiguous", [])) | set(ambiguous))
        if not existed and pid:
            self.edge(nid, pid, Rel.IN_PROVINCE)
        if issuer:
            self.doc_issuers[nid].add((issuer, ref.scope, province or ""))

    def issuers(self) -> None:
        """One ISSUED_BY per document: the most specific issuer any text names."""
        for nid, candidates in sorted(self.doc_issuers.items()):
            if self.g.nodes[nid].get("kind") == Kind.PLAN.value:
                if any(r == Rel.ISSUED_BY.value for _, _, r in self.g.out_edges(nid, data="rel")):
                    continue
            issuer, scope, province = max(
                sorted(candidates), key=lambda c: len(ident.compact(c[0])))
            org = self.organisation(issuer, scope, province or None)
            self.edge(nid, org, Rel.ISSUED_BY)
            self.g.nodes[nid]["issuer"] = self.g.nodes[nid].get("issuer") or issuer

    def references(self, plan: Plan, nid: str, refs: list[tuple[str, list[str]]]) -> None:
        strongest: dict[str, tuple[int, int]] = {}
        for index, (ref, (target, ambiguous)) in enumerate(zip(plan.references, refs,
                                                               strict=True)):
            if target != nid:
                self.document(ref, plan, target, ambiguous)
            rel = RELATION_TO_REL.get(ref.relation, Rel.MENTIONS)
            best = strongest.get(target)
            if best is None or _STRENGTH[rel] > best[0]:
                strongest[target] = (_STRENGTH[rel], index)
        for target, (_, index) in sorted(strongest.items()):
            ref = plan.references[index]
            rel = RELATION_TO_REL.get(ref.relation, Rel.MENTIONS)
            self.edge(nid, target, rel, source_plan=nid, **_span_attrs(ref.source))
        self.g.nodes[nid]["ref_nodes"] = [target for target, _ in refs]
        for link in plan.links:
            if not (0 <= link.child < len(refs) and 0 <= link.parent < len(refs)):
                continue
            child, parent = refs[link.child][0], refs[link.parent][0]
            rel = RELATION_TO_REL.get(link.relation, Rel.IMPLEMENTS)
            if self.g.has_edge(child, parent, rel.value):
                sources = self.g.edges[child, parent, rel.value].setdefault("source_plans", [])
                if nid not in sources:
                    sources.append(nid)
                continue
            self.edge(child, parent, rel, source_plan=nid, source_plans=[nid],
                      **_span_attrs(link.source))

    # --- what tasks add to shared nodes (replayed from fragments) -------------------

    def replay(self, ops: list[list[Any]]) -> None:
        """Apply a fragment's shared operations (units, organisations, topics)."""
        nodes = self.g._node
        for op in ops:
            tag = op[0]
            if tag == "unit":
                _, uid, name, kid, kind_label, category, pid, part_of = op
                self.unit_names[uid].add(name)
                if kid not in nodes:
                    self.node(kid, Kind.UNIT_KIND, label=kind_label, category=category)
                if uid not in nodes:
                    self.node(uid, Kind.UNIT, label=name, name=name, category=category,
                              province=pid, org=part_of, unit_kind=kid)
                    self.edge(uid, kid, Rel.OF_KIND)
                    if part_of:
                        self.edge(uid, part_of, Rel.PART_OF)
            elif tag == "org":
                key = (op[1], op[2], op[3])
                if key not in self.orgs_done:  # the same call again changes nothing
                    self.orgs_done.add(key)
                    self.organisation(op[1], op[2], op[3])
            elif tag == "topic":
                if op[1] not in nodes:
                    self.node(op[1], Kind.TOPIC, **op[2])
            elif tag == "node":
                self.node(op[1], Kind(op[2]), **op[3])
            elif tag == "province":
                self.province(op[1])

    # --- final touches -----------------------------------------------------------

    def finish(self) -> None:
        for name in ident.all_provinces():
            self.province(name)
        for oid, labels in self.org_labels.items():
            self.g.nodes[oid]["label"] = _pick_label(labels)
        for uid, names in self.unit_names.items():
            data = self.g.nodes[uid]
            data["name"] = data["label"] = _pick_label(names)
            data["aliases"] = sorted({squash_spaces(n) for n in names})
        for _, _, data in self.g.edges(data=True):
            if "source_plans" in data:
                data["source_plans"] = sorted(data["source_plans"])
                data["source_plan"] = data["source_plans"][0]


_fold = lru_cache(maxsize=65536)(fold)


@lru_cache(maxsize=65536)
def _unit_facts(name: str, category: str) -> tuple[str, bool, str | None, str | None]:
    """(id slug, belongs to the issuing department, kind id, kind label) of a unit name."""
    # a group is named by its identity: "UBND các xã, phường" and "UBND cấp xã" are one
    usl = ident.unit_slug(units.identity_name(name) if category == "collective" else name)
    internal = category == "internal" or (category == "collective" and _internal(name))
    if internal and category == "collective":  # "các phòng, đơn vị (trực) thuộc Sở"
        usl = re.sub(r"-(truc-)?thuoc-so$", "", usl)
    kind = _unit_kind(name)
    return usl, internal, kind, _unit_kind_label(kind) if kind else None


def _internal(name: str) -> bool:
    """Whether a collective names the issuer's own units ("các phòng, đơn vị thuộc Sở")."""
    return units.is_internal(name)


def _unit_kind(name: str) -> str | None:
    return units.unit_kind(name) or None


def _unit_kind_label(kind: str) -> str | None:
    label = units.unit_kind_label(kind)
    return label if label and label != kind else None


@lru_cache(maxsize=65536)
def _topic_nodes(text: str) -> tuple[tuple[str, str], ...]:
    """(topic id, node id) of each topic of a task's text, by topic id (cached: the
    same duties recur across plans)."""
    return tuple((topic, ident.topic_id(topic))
                 for topic in sorted(set(topics.assign_topics(text))))


def _topic_labels(topic: str) -> dict[str, Any]:
    """``label``, ``label_vi``, ``label_en`` from the topic table when it has the topic."""
    return dict(_topic_label_items(topic))


@lru_cache(maxsize=1024)
def _topic_label_items(topic: str) -> tuple[tuple[str, Any], ...]:
    record = topics.TOPICS.get(topic) or topics.TOPICS.get(topic.removeprefix("topic:"))
    label_vi = record.label_vi if record else None
    label_en = record.label_en if record else None
    return (("label", label_vi or topic), ("label_vi", label_vi or topic),
            ("label_en", label_en))


# --- per-plan fragments ------------------------------------------------------------

FRAGMENT_VERSION = 2  # bump when a fragment's content or meaning changes

def _fill(data: dict[str, Any], attrs: dict[str, Any]) -> None:
    """Set each attribute that is still empty (the rule of :meth:`_Builder.node`)."""
    for key, value in attrs.items():
        if value is not None and data.get(key) in (None, "", []):
            data[key] = value


@dataclass
class Fragment:
    """What one plan's tasks add to the graph, computed from that plan alone.

    ``nodes`` and ``edges`` are the plan's own part (its tasks and every edge
    leaving them or its HAS_TASK edges): no other plan touches them. ``ops`` are
    what the tasks add to shared nodes (units, unit kinds, organisations,
    topics), replayed in plan order by :func:`assemble`. ``node`` and ``scope``
    are the plan node id and scope the fragment was computed for: a fragment is
    valid for a plan exactly while the plan's node id is the same.
    """

    node: str
    scope: str
    ops: list[list[Any]] = field(default_factory=list)
    nodes: list[list[Any]] = field(default_factory=list)  # [id, attrs]
    edges: list[list[Any]] = field(default_factory=list)  # [source, target, key, attrs]


class _Fragmenter:
    """Computes one plan's :class:`Fragment` (mirrors what the builder did inline)."""

    def __init__(self, plan: Plan, nid: str, scope: str):
        self.plan, self.nid, self.scope = plan, nid, scope
        self.frag = Fragment(nid, scope)
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.topics: set[str] = set()
        self.ops_seen: set[tuple[Any, ...]] = set()

    def op(self, op: tuple[Any, ...]) -> None:
        """Record a shared operation; a repeat of one already recorded changes nothing
        when replayed, so it is left out."""
        if op not in self.ops_seen:
            self.ops_seen.add(op)
            self.frag.ops.append(list(op))

    def edge(self, u: str, v: str, data: dict[str, Any]) -> None:
        """Add an edge (``data`` holds its ``rel``, the edge key); the first one stays."""
        key = (u, v, data["rel"])
        if u != v and key not in self.edges:
            self.edges[key] = data

    def run(self) -> Fragment:
        plan, scope = self.plan, self.scope
        if plan.issuer:
            org_scope = ("central" if scope == ident.NATIONWIDE
                         else "local" if ident.province_name(plan.province) else None)
            org = ident.issuer_org(plan.issuer, org_scope, plan.province)[0]
        else:
            org = f"org:{scope}:{_issuer_fallback(plan)}"
            canonical = ident.province_name(plan.province)
            self.frag.ops.append(["province", plan.province])
            self.frag.ops.append(["node", org, Kind.ORGANISATION.value, {
                "label": plan.issuer or org, "scope": "local",
                "province": ident.province_id(canonical) if canonical else None}])
        self.tasks(org)
        self.frag.nodes = [[n, d] for n, d in self.nodes.items()]
        self.frag.edges = [[u, v, k, d] for (u, v, k), d in self.edges.items()]
        return self.frag

    def tasks(self, org: str) -> None:
        plan, nid, scope, edge = self.plan, self.nid, self.scope, self.edge
        local_ids = {task.id for task in plan.tasks}
        pid = ident.province_id(plan.province) if plan.province else None
        kinds = {_fold(u.name): u.kind for u in plan.units if u.kind}
        for alias_unit in plan.units:
            for alias in alias_unit.aliases:
                if alias_unit.kind:
                    kinds.setdefault(_fold(alias), alias_unit.kind)
        for task in plan.tasks:
            tid = f"task:{nid}#{task.id}"
            parent = f"task:{nid}#{task.parent}" if task.parent in local_ids else None
            self.task(task, tid, pid, parent)
            if parent and parent != tid:
                edge(parent, tid, _edge_data(_HAS_SUBTASK, task.source))
            else:
                edge(nid, tid, _edge_data(_HAS_TASK, task.source))
            for mention in task.units:
                name = mention.canonical or mention.name
                plan_kind = (kinds.get(_fold(name)) or kinds.get(_fold(mention.name))
                             if kinds else None)
                placed = (units.placed_unit_name(name, plan.issuer)
                          if mention.category == "external" else None)
                org_op, unit_op = _unit_ops(name, mention.category, org, scope,
                                            plan.province, plan_kind, placed)
                if org_op is not None:
                    self.op(org_op)
                self.op(unit_op)
                if mention.role == "lead":
                    edge(tid, unit_op[1], _edge_data(_LED_BY, mention.source))
                else:
                    edge(tid, unit_op[1], _edge_data(_SUPPORTED_BY, mention.source,
                                                     _ROLE.get(mention.role, "support")))
            text = " ".join([task.text, *task.steps, *task.outputs]) \
                if task.steps or task.outputs else task.text
            for topic, topic_node in _topic_nodes(text):
                if topic_node not in self.topics:
                    self.topics.add(topic_node)
                    self.frag.ops.append(["topic", topic_node, _topic_labels(topic)])
                edge(tid, topic_node, {"rel": _ABOUT})

    def task(self, task: Task, tid: str, pid: str | None, parent: str | None) -> None:
        deadline = task.deadline
        source = task.source
        attrs = {
            "plan": self.nid, "plan_id": self.plan.id, "task_id": task.id,
            "number": task.number, "text": task.text, "section": task.section,
            "group": task.group, "parent": parent,
            "deadline": deadline.text if deadline else None,
            "deadline_start": deadline.start_year if deadline else None,
            "deadline_end": deadline.end_year if deadline else None,
            "deadline_date": deadline.date if deadline else None,
            "deadline_recurrence": deadline.recurrence if deadline else None,
            "outputs": list(task.outputs), "targets": [t.text for t in task.targets],
            "steps": list(task.steps), "province": pid,
        }
        if source is not None:
            attrs.update(file=source.file, line_start=source.line_start,
                         line_end=source.line_end, quote=source.quote)
        data = self.nodes.get(tid)
        if data is None:  # a new node takes every attribute that is set
            data = {"kind": _TASK, "label": f"{task.number} {task.text}".strip()[:120]}
            data.update((key, value) for key, value in attrs.items() if value is not None)
            self.nodes[tid] = data
        else:
            _fill(data, attrs)


def _edge_data(rel: str, span: Span | None, role: str | None = None) -> dict[str, Any]:
    """An edge's attributes: ``rel``, ``role`` when given, then where it was read."""
    data: dict[str, Any] = {"rel": rel}
    if role is not None:
        data["role"] = role
    if span is not None:
        data["file"] = span.file
        data["line_start"] = span.line_start
        data["line_end"] = span.line_end
        data["quote"] = span.quote
        if None in (span.file, span.line_start, span.line_end, span.quote):
            return {key: value for key, value in data.items() if value is not None}
    return data


# A provincial Party committee, by the slug of its organisation or of its standing board
_PROVINCIAL_COMMITTEES = {"tinh-uy": "Tỉnh ủy", "ban-thuong-vu-tinh-uy": "Tỉnh ủy",
                          "thuong-truc-tinh-uy": "Tỉnh ủy", "thanh-uy": "Thành ủy",
                          "ban-thuong-vu-thanh-uy": "Thành ủy",
                          "thuong-truc-thanh-uy": "Thành ủy"}


# A district's Party committee named without its district ("Huyện ủy"): every district's.
_BARE_DISTRICT_COMMITTEE = re.compile(rf"^{committee_pattern('district', only=True)}$")


@lru_cache(maxsize=16384)
def _unit_ops(name: str, category: str, org: str | None, scope: str, province: str | None,
              plan_kind: str | None, placed: str | None = None
              ) -> tuple[tuple[Any, ...] | None, tuple[Any, ...]]:
    """The shared operations a unit mention adds: (``org`` op or None, ``unit`` op).

    The unit node is scoped to the plan's province (or ``vn`` for a central plan)
    and organisation; ``plan_kind`` is the kind the plan itself gives the unit; ``placed``
    the name with the commune or district a local plan means ("Công an xã Ia Grai")."""
    usl, internal, known_kind, kind_label = _unit_facts(name, category)
    pid = ident.province_id(province) if province else None
    part_of: str | None
    org_op = None
    board = party_committee_of(name) if category != "collective" else None
    if board is None and internal and org:
        # "Ban Tổ chức" in its own committee's plan is "Ban Tổ chức Tỉnh ủy"
        committee = _PROVINCIAL_COMMITTEES.get(org.rsplit(":", 1)[-1])
        board = party_committee_of(f"{name} {committee}") if committee else None
    if board is not None:
        # a Party committee's board: one node under the committee, in its own plans
        # (internal) and in others' (external) alike
        board_name, committee = board
        named = find_province(committee)
        home = named.province.name if named else province
        org_op = ("org", committee, None, home)
        part_of = ident.issuer_org(committee, None, home)[0]
        if internal and org and _BARE_DISTRICT_COMMITTEE.match(_fold(committee)):
            # "Văn phòng Huyện ủy" in a district committee's own plan is that district's
            org_op, part_of = None, org
        if known_kind is None:  # "Ban Tổ chức" in its own committee's plan
            known_kind = _unit_kind(board_name)
            kind_label = _unit_kind_label(known_kind) if known_kind else None
        org_scope, org_slug = part_of.split(":")[1:3]
        uid = ident.unit_id(org_scope, org_slug, ident.unit_slug(board_name))
    elif internal:
        part_of = org
        org_slug = org.rsplit(":", 1)[-1] if org else "unknown"
        uid = ident.unit_id(scope, org_slug, usl)
    elif category == "collective":
        part_of = None
        if units.nationwide_group(name):
            scope, pid = ident.NATIONWIDE, None
        uid = ident.unit_id(scope, "all", usl)
    else:
        central = "central" if scope == ident.NATIONWIDE else None
        body = units.identity_name(placed or name)
        org_op = ("org", body, central, province)
        part_of = ident.issuer_org(body, central, province)[0]
        org_scope, org_slug = part_of.split(":")[1:3]
        uid = ident.unit_id(org_scope, org_slug, org_slug)
        if org_scope == ident.NATIONWIDE:
            pid = None
    kind = plan_kind or known_kind or usl
    kid = ident.unitkind_id(kind)
    label = kind_label if kind == known_kind else _unit_kind_label(kind)
    return org_op, ("unit", uid, name, kid, label or name, category, pid, part_of)


def plan_scope(plan: Plan) -> str:
    """``vn`` for a plan of a central body, else its province's slug."""
    return _plan_scope(plan)


def plan_fragment(plan: Plan, node: str | None = None) -> Fragment:
    """The :class:`Fragment` of ``plan`` for plan node id ``node`` (by default the
    id the plan has on its own, which is its id among other plans but for rare
    spelling choices that :func:`assemble` detects)."""
    plan = with_committee(plan)
    if node is None:
        node = plan_node_ids([plan])[plan.id]
    return _Fragmenter(plan, node, _plan_scope(plan)).run()


@dataclass
class Assembly:
    """The graph of many plans in two parts: ``shared`` (plans, documents, units,
    organisations, kinds, topics, provinces) and each owning plan's
    :class:`Fragment` (its nodes and edges; its ``ops`` are already in ``shared``
    and are not kept); ``plan_nodes`` maps every plan id to its node id."""

    shared: nx.MultiDiGraph
    fragments: dict[str, Fragment]
    plan_nodes: dict[str, str]

    def graph(self) -> nx.MultiDiGraph:
        """The whole graph (the shared part with every fragment added to it)."""
        g = self.shared
        with gc_paused():
            for frag in self.fragments.values():
                add_bulk(g, frag.nodes, frag.edges)
        return g


def add_bulk(g: nx.MultiDiGraph, nodes: Iterable[Any], edges: Iterable[Any]) -> None:
    """``g.add_nodes_from(nodes)`` then ``g.add_edges_from(edges)`` (items ``[id, attrs]``
    and ``[source, target, key, attrs]``), three times faster: the attribute dicts are
    taken as they are (not copied) and put straight into the graph's adjacency.
    Raises :class:`TypeError` on an item of another shape."""
    node, succ, pred = g._node, g._succ, g._pred
    for n, attrs in nodes:
        if type(attrs) is not dict:
            raise TypeError(f"attributes of node {n!r} are not a mapping")
        if n in node:
            node[n].update(attrs)
        else:
            node[n] = attrs
            succ[n] = {}
            pred[n] = {}
    for u, v, key, attrs in edges:
        if type(attrs) is not dict:
            raise TypeError(f"attributes of edge {u!r} → {v!r} are not a mapping")
        out = succ.get(u)
        if out is None or v not in node:
            g.add_edge(u, v, key, **attrs)
            continue
        keydict = out.get(v)
        if keydict is None:
            out[v] = pred[v][u] = {key: attrs}
        elif key in keydict:
            keydict[key].update(attrs)
        else:
            keydict[key] = attrs
    nx.utils.misc._clear_cache(g)


FragmentSource = Callable[[Plan, str], Fragment]


def assemble(plans: Iterable[Plan],
             fragment_of: FragmentSource | None = None) -> Assembly:
    """Resolve identities across ``plans`` and merge their fragments.

    ``plans`` need only their header and references (tasks and units are read
    through ``fragment_of(plan, node id)``, which by default computes the
    fragment from the plan: the store passes cached fragments instead).
    """
    fragment_of = fragment_of or (lambda plan, nid: plan_fragment(plan, nid))
    with gc_paused():
        ordered = sorted(map(with_committee, plans), key=lambda p: (p.id, p.source.path))
        unique: dict[str, Plan] = {}
        for plan in ordered:
            unique.setdefault(plan.id, plan)
        ordered = list(unique.values())
        resolver = _Resolver(ordered)
        builder = _Builder()
        taken: dict[str, Plan] = {}
        plan_nodes: list[tuple[Plan, str]] = []
        all_nodes: dict[str, str] = {}
        for plan in ordered:
            nid = resolver.plan_node(plan)
            all_nodes[plan.id] = nid
            if nid in taken:
                data = builder.g.nodes[nid]
                data["duplicate_files"] = sorted({*data.get("duplicate_files", []),
                                                  plan.source.path})
                continue
            taken[nid] = plan
            builder.plan(plan, nid, resolver.plan_scope[plan.id])
            plan_nodes.append((plan, nid))
        for plan, nid in plan_nodes:
            builder.references(plan, nid, resolver.references(plan))
        fragments: dict[str, Fragment] = {}
        for plan, nid in plan_nodes:
            frag = fragment_of(plan, nid)
            builder.replay(frag.ops)
            # the ops are in the shared part now: keep only the plan's own block
            fragments[plan.id] = Fragment(frag.node, frag.scope, [], frag.nodes, frag.edges)
        builder.issuers()
        builder.finish()
    return Assembly(builder.g, fragments, all_nodes)


def build_graph(plans: Iterable[Plan]) -> nx.MultiDiGraph:
    """The knowledge graph of ``plans`` (see :mod:`policykg.graph` for ids and attributes).

    Two plans that are the same document (same node id, e.g. a Word and a PDF copy)
    give one node; the plan read first by id keeps it and the others' files are
    listed in its ``duplicate_files`` attribute.
    """
    return assemble(plans).graph()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector: building millions of small dicts otherwise triggers
    it over and over (3-4x slower); graph data holds no cycles to collect."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _issuer_fallback(plan: Plan) -> str:
    """An organisation slug for a plan whose header names no issuer: its symbol's issuer."""
    if plan.symbol:
        parts = re.split(r"[-/]", plan.symbol)
        if len(parts) > 1 and parts[-1]:
            return slug(parts[-1])
    return "unknown-issuer"

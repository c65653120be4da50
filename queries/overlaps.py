"""Duties that are the same work, within a province or across provinces.

Each task becomes a TF-IDF vector over its informative terms
(:mod:`policykg.queries.terms`: syllable bigrams and unigrams, place and unit
names and boilerplate cut). Pairs are not all compared: every task is indexed
under its few highest-weighted terms that are neither unique nor common
(postings of common terms are capped), and only tasks sharing such a key are
scored. The score mixes the cosine of the term vectors with the Dice overlap
of character trigrams of the kept words, which forgives spelling variants
("năng xuất" / "năng suất") that syllable terms miss.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from policykg.ontology.schema import Kind, Rel
from policykg.queries.common import (
    Graph,
    current_province,
    doc_label,
    in_provinces,
    in_rel,
    label,
    node_province,
    nodes_of,
    province_name,
    task_plan,
    task_topics,
    task_units,
)
from policykg.queries.refs import resolve_province
from policykg.queries.terms import TermBag, content_terms, lexicon_for, term_factor

__all__ = ["OverlapPair", "OverlapReport", "OverlapTask", "overlaps", "task_vectors"]

TERM_WEIGHT = 0.7  # share of the score from term cosine; the rest from character trigrams
KEYS_PER_TASK = 12  # index keys per task (its highest-weighted terms)
MIN_TERMS = 2  # tasks with fewer informative terms are left out


@dataclass
class OverlapTask:
    """One side of a pair: the task and where it sits."""

    task: str
    number: str
    text: str
    plan: str | None
    plan_label: str
    province: str | None
    province_name: str
    lead: list[str]
    support: list[str]


@dataclass
class OverlapPair:
    """Two duties, how alike they are, and the shared words and topics saying why."""

    score: float
    a: OverlapTask
    b: OverlapTask
    terms: list[str]
    topics: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class OverlapReport:
    """Pairs, best first, and the clusters they form (tasks linked by any pair)."""

    pairs: list[OverlapPair] = field(default_factory=list)
    clusters: list[list[str]] = field(default_factory=list)
    tasks: int = 0
    candidates: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Vectors:
    weights: dict[str, dict[str, float]]
    bags: dict[str, TermBag]
    df: dict[str, int]


def task_vectors(g: Graph, tasks: list[str]) -> _Vectors:
    """Unit-length TF-IDF vectors of ``tasks`` (text and steps), on this graph's lexicon."""
    units = [label(g, u) for u in nodes_of(g, Kind.UNIT)]
    units += [str(g.nodes[u].get("name") or "") for u in nodes_of(g, Kind.ORGANISATION)]
    places = [province_name(g, p) for p in nodes_of(g, Kind.PROVINCE)]
    lexicon = lexicon_for(units, places)
    bags: dict[str, TermBag] = {}
    for task in tasks:
        data = g.nodes[task]
        steps = data.get("steps") or []
        text = " . ".join([str(data.get("text") or ""), *(str(s) for s in steps)])
        bag = content_terms(text, lexicon)
        if len(bag.counts) >= MIN_TERMS:
            bags[task] = bag
    df: dict[str, int] = defaultdict(int)
    for bag in bags.values():
        for term in bag.counts:
            df[term] += 1
    n = len(bags)
    weights: dict[str, dict[str, float]] = {}
    for task, bag in bags.items():
        vec = {t: (1 + math.log(c)) * math.log(1 + n / df[t]) * term_factor(t)
               for t, c in bag.counts.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        weights[task] = {t: w / norm for t, w in vec.items()}
    return _Vectors(weights, bags, dict(df))


def _trigrams(text: str) -> set[str]:
    grams: set[str] = set()
    for part in text.split(" | "):
        padded = f" {part} "
        grams.update(padded[i:i + 3] for i in range(len(padded) - 2))
    return grams


def _ancestors(g: Graph, task: str) -> set[str]:
    found: set[str] = set()
    node = task
    while True:
        parent = next((s for s, _ in in_rel(g, node, [Rel.HAS_SUBTASK])), None)
        if parent is None or parent in found:
            return found
        found.add(parent)
        node = parent


def overlaps(g: Graph, across_provinces: bool = False, within_province: str | None = None,
             min_score: float = 0.25, top: int | None = 50,
             postings_cap: int | None = None) -> OverlapReport:
    """Pairs of tasks doing the same work, best first.

    ``across_provinces`` keeps pairs whose tasks lie in different provinces (as
    written on the plans); ``within_province`` keeps pairs whose tasks both lie
    in that province (as written or as merged today). A task and its own
    sub-task are never paired. ``postings_cap`` bounds the tasks indexed under
    one term (default: grows with the corpus, at least 50).
    """
    wanted = {resolve_province(g, within_province)} if within_province else None
    tasks = [t for t in nodes_of(g, Kind.TASK) if in_provinces(g, t, wanted)]
    vectors = task_vectors(g, tasks)
    n = len(vectors.weights)
    cap = postings_cap or max(50, int(4 * math.sqrt(n)))
    index: dict[str, list[str]] = defaultdict(list)
    for task, vec in vectors.weights.items():
        keys = [t for t in vec if 2 <= vectors.df[t] <= cap]
        keys.sort(key=lambda t: (-vec[t], t))
        for term in keys[:KEYS_PER_TASK]:
            index[term].append(task)
    where = {t: node_province(g, t) for t in vectors.weights}
    lineage = {t: _ancestors(g, t) for t in vectors.weights}
    seen: set[tuple[str, str]] = set()
    trigram_cache: dict[str, set[str]] = {}
    scored: list[tuple[float, str, str]] = []
    for term in sorted(index):
        posting = sorted(index[term])
        for i, a in enumerate(posting):
            for b in posting[i + 1:]:
                pair = (a, b)
                if pair in seen:
                    continue
                seen.add(pair)
                if a in lineage[b] or b in lineage[a]:
                    continue
                if across_provinces and (not where[a] or not where[b] or where[a] == where[b]):
                    continue
                score = _score(vectors, a, b, trigram_cache)
                if score >= min_score:
                    scored.append((score, a, b))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    clusters = _clusters([(a, b) for _, a, b in scored])
    chosen = scored if top is None else scored[:top]
    pairs = [_pair(g, vectors, score, a, b) for score, a, b in chosen]
    return OverlapReport(pairs, clusters, n, len(seen))


def _score(vectors: _Vectors, a: str, b: str, cache: dict[str, set[str]]) -> float:
    va, vb = vectors.weights[a], vectors.weights[b]
    if len(va) > len(vb):
        va, vb = vb, va
    cosine = sum(w * vb[t] for t, w in va.items() if t in vb)
    if cosine <= 0:
        return 0.0
    ga = cache.get(a) or cache.setdefault(a, _trigrams(vectors.bags[a].content))
    gb = cache.get(b) or cache.setdefault(b, _trigrams(vectors.bags[b].content))
    dice = 2 * len(ga & gb) / ((len(ga) + len(gb)) or 1)
    return round(TERM_WEIGHT * cosine + (1 - TERM_WEIGHT) * dice, 4)


def _explain(vectors: _Vectors, a: str, b: str, limit: int = 6) -> list[str]:
    """Shared wording as phrases of ``a``, by contribution to the score.

    Consecutive shared bigrams join into one phrase ("bảo hộ quyền sở hữu trí
    tuệ"); a shared word outside every such phrase is shown alone.
    """
    va, vb = vectors.weights[a], vectors.weights[b]
    gain = {t: va[t] * vb[t] for t in va if t in vb}
    phrases: dict[str, float] = {}
    covered: set[str] = set()
    for run in vectors.bags[a].runs:
        i = 0
        while i < len(run) - 1:
            j = i
            while j < len(run) - 1 and f"{run[j][0]} {run[j + 1][0]}" in gain:
                j += 1
            if j > i:
                shown = " ".join(display for _, display in run[i:j + 1])
                weight = sum(gain[f"{run[m][0]} {run[m + 1][0]}"] for m in range(i, j))
                phrases[shown] = max(phrases.get(shown, 0.0), weight)
                covered.update(word for word, _ in run[i:j + 1])
                i = j
            i += 1
    surface = vectors.bags[a].surface
    for term, weight in gain.items():
        if " " not in term and term not in covered:
            shown = surface.get(term, term)
            phrases[shown] = max(phrases.get(shown, 0.0), weight)
    return sorted(phrases, key=lambda p: (-phrases[p], p))[:limit]


def _side(g: Graph, task: str) -> OverlapTask:
    data = g.nodes[task]
    plan = task_plan(g, task)
    lead, support = task_units(g, task)
    pid = node_province(g, task)
    return OverlapTask(task, str(data.get("number") or ""), str(data.get("text") or ""), plan,
                       doc_label(g, plan) if plan else "", pid, province_name(g, pid),
                       [label(g, u) for u in lead], [label(g, u) for u in support])


def _pair(g: Graph, vectors: _Vectors, score: float, a: str, b: str) -> OverlapPair:
    topics = sorted(set(task_topics(g, a)) & set(task_topics(g, b)))
    return OverlapPair(score, _side(g, a), _side(g, b), _explain(vectors, a, b),
                       [label(g, t) for t in topics])


def _clusters(pairs: list[tuple[str, str]]) -> list[list[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for node in parent:
        groups[find(node)].append(node)
    return sorted((sorted(m) for m in groups.values() if len(m) > 1),
                  key=lambda m: (-len(m), m))


def provinces_differ(g: Graph, a: str, b: str, *, today: bool = False) -> bool:
    """Whether two tasks lie in different provinces (as written, or as merged today)."""
    pa, pb = node_province(g, a), node_province(g, b)
    if today:
        pa, pb = current_province(g, pa), current_province(g, pb)
    return bool(pa and pb and pa != pb)

"""Duties that are the same work, within a province or across provinces.

Each task becomes a TF-IDF vector over its informative terms
(:mod:`policykg.queries.terms`: syllable bigrams and unigrams, place and unit
names and boilerplate cut). Pairs are not all compared (blocking): every task
is indexed under its few highest-weighted terms that are neither unique nor
common (a term in more than ``postings_cap`` tasks is no key; the cap shrinks
when the postings would pair too many tasks), and only tasks sharing such a
key become candidates; when candidates are many, only those sharing two keys
are scored. The score mixes the cosine of the term vectors
with the Dice overlap of character trigrams of the kept words, which forgives
spelling variants ("năng xuất" / "năng suất") that syllable terms miss.
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
    label,
    node_province,
    nodes_of,
    province_name,
    task_plan,
    task_topics,
    task_units,
)
from policykg.queries.lineage import chosen_plans
from policykg.queries.refs import resolve_province
from policykg.queries.terms import WEAK_SYLLABLES, TermBag, content_terms, lexicon_for, term_factor

__all__ = ["OverlapPair", "OverlapReport", "OverlapTask", "overlaps", "task_vectors"]

TERM_WEIGHT = 0.7  # share of the score from term cosine; the rest from character trigrams
KEYS_PER_TASK = 12  # index keys per task (its highest-weighted terms)
PAIR_BUDGET = 5_000_000  # most (task, task) key co-occurrences enumerated
SCORE_BUDGET = 200_000  # above this many candidates, only pairs sharing two keys are scored
MIN_WORDS = 3  # tasks with fewer distinct informative (not weak) words are left out


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
    """Pairs, best first, and the clusters they form (tasks linked by any reported pair)."""

    pairs: list[OverlapPair] = field(default_factory=list)
    clusters: list[list[str]] = field(default_factory=list)
    tasks: int = 0
    candidates: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def best(self, n: int) -> OverlapReport:
        """The ``n`` best pairs and the clusters they form: what asking with ``top=n``
        gives, without searching the pairs again."""
        pairs = self.pairs[:n]
        return OverlapReport(pairs, _clusters([(p.a.task, p.b.task) for p in pairs]),
                             self.tasks, self.candidates)


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
    by_text: dict[str, TermBag] = {}  # plans copy duties word for word: read each text once
    for task in tasks:
        data = g.nodes[task]
        steps = data.get("steps") or []
        text = " . ".join([str(data.get("text") or ""), *(str(s) for s in steps)])
        bag = by_text.get(text) or by_text.setdefault(text, content_terms(text, lexicon))
        if sum(1 for t in bag.counts if " " not in t and t not in WEAK_SYLLABLES) >= MIN_WORDS:
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


def _ancestors(parents: dict[str, str], task: str) -> set[str]:
    found: set[str] = set()
    node = task
    while node in parents and parents[node] not in found:
        node = parents[node]
        found.add(node)
    return found


def overlaps(g: Graph, across_provinces: bool = False,
             within_province: str | list[str] | None = None,
             min_score: float = 0.25, top: int | None = 50,
             postings_cap: int | None = None, plans: str | list[str] | None = None,
             across_plans: bool | None = None, directive: str | None = None) -> OverlapReport:
    """Pairs of tasks doing the same work, best first.

    ``across_provinces`` keeps pairs whose tasks lie in different provinces (as
    written on the plans); ``within_province`` keeps pairs whose tasks both lie
    in that province, or in those provinces (as written or as merged today): with
    two provinces and ``across_provinces``, the duties one shares with the other.
    ``plans`` (ids, numbers or node ids) keeps pairs whose tasks both lie in those
    plans; ``across_plans`` keeps pairs from two different plans, which is the
    default when two or more ``plans`` are given (do these plans assign the same
    duty twice?); ``directive`` keeps the tasks stemming from it at any depth, pairs
    between plans by default (where do the plans carrying it out repeat each other?).
    A task and its own sub-task are never paired. ``postings_cap``
    bounds the tasks indexed under one term (default: grows with the corpus, at
    least 50).

    >>> report = overlaps(g, plans=["245/KH-SKHCN", "28/KH-UBND"])  # doctest: +SKIP
    >>> [(p.a.plan_label, p.b.plan_label) for p in report.pairs]  # doctest: +SKIP
    [('245/KH-SKHCN (2025)', '28/KH-UBND (2025)'), ...]
    """
    provinces = [within_province] if isinstance(within_province, str) else within_province
    wanted = {resolve_province(g, p) for p in provinces} if provinces else None
    chosen = chosen_plans(g, directive, plans,
                          provinces[0] if provinces and len(provinces) == 1 else None)
    if across_plans is None:
        across_plans = chosen is not None and len(chosen) > 1
    tasks = [t for t in nodes_of(g, Kind.TASK) if in_provinces(g, t, wanted)
             and (chosen is None or task_plan(g, t) in chosen)]
    vectors = task_vectors(g, tasks)
    n = len(vectors.weights)
    ids = sorted(vectors.weights)
    index = _key_index(vectors, ids, postings_cap or max(50, int(4 * math.sqrt(n))))
    # pairs must differ in province, or else in plan; with both asked, plans are
    # compared again below (a plan may hold tasks of several provinces)
    region = ([(node_province(g, t) if across_provinces else task_plan(g, t)) for t in ids]
              if across_provinces or across_plans else [None] * len(ids))
    parents = {child: parent for parent, child, rel in g.edges(data="rel")
               if rel == Rel.HAS_SUBTASK}
    shared = _shared_keys(ids, index, region, across_provinces or across_plans)
    recheck_plans = across_provinces and across_plans
    floor = 1 if len(shared) <= SCORE_BUDGET else 2
    trigram_cache: dict[str, set[str]] = {}
    scored: list[tuple[float, str, str]] = []
    for code, count in shared.items():
        if count < floor:
            continue
        a, b = ids[code // n], ids[code % n]
        if a in _ancestors(parents, b) or b in _ancestors(parents, a):
            continue
        if recheck_plans and task_plan(g, a) == task_plan(g, b):
            continue
        score = _score(vectors, a, b, trigram_cache, min_score)
        if score >= min_score:
            scored.append((score, a, b))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    chosen = scored if top is None else scored[:top]
    clusters = _clusters([(a, b) for _, a, b in chosen])
    pairs = [_pair(g, vectors, score, a, b) for score, a, b in chosen]
    return OverlapReport(pairs, clusters, n, len(shared))


def _key_index(vectors: _Vectors, ids: list[str], cap: int) -> dict[str, list[int]]:
    """Each task under its highest-weighted terms found in 2 to ``cap`` tasks.

    When the postings would pair more than :data:`PAIR_BUDGET` tasks, the cap
    shrinks (common keys go first) until they fit, bounding time and memory.
    """
    while True:
        index: dict[str, list[int]] = defaultdict(list)
        for i, task in enumerate(ids):
            vec = vectors.weights[task]
            keys = [t for t in vec if 2 <= vectors.df[t] <= cap]
            keys.sort(key=lambda t: (-vec[t], t))
            for term in keys[:KEYS_PER_TASK]:
                index[term].append(i)
        load = sum(len(p) * (len(p) - 1) // 2 for p in index.values())
        if load <= PAIR_BUDGET or cap <= 2:
            return index
        cap = max(2, int(cap * 0.7))


def _shared_keys(ids: list[str], index: dict[str, list[int]], region: list[str | None],
                 across: bool) -> dict[int, int]:
    """Candidate pairs (coded ``i * n + j``, i < j) → how many index keys they share."""
    n = len(ids)
    shared: dict[int, int] = defaultdict(int)
    for posting in index.values():
        if len(posting) < 2:
            continue
        for x, i in enumerate(posting):
            ri, base = region[i], i * n
            for j in posting[x + 1:]:
                if across and (ri is None or ri == region[j]):
                    continue
                shared[base + j] += 1
    return shared


def _score(vectors: _Vectors, a: str, b: str, cache: dict[str, set[str]],
           min_score: float = 0.0) -> float:
    va, vb = vectors.weights[a], vectors.weights[b]
    if len(va) > len(vb):
        va, vb = vb, va
    cosine = sum(va[t] * vb[t] for t in va.keys() & vb.keys())
    if cosine <= 0 or TERM_WEIGHT * cosine + (1 - TERM_WEIGHT) < min_score:
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
    strongest = max(gain.values(), default=0.0)
    for term, weight in gain.items():
        if " " not in term and term not in covered and weight >= 0.3 * strongest:
            shown = vectors.bags[a].shown(term)
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

"""Find plans, tasks, units and documents by words, with or without diacritics.

Every searchable node is indexed once per graph by the folded words of its
label, title, name, key and text (:mod:`policykg.graph.searchtext`). A hit must
contain the query's words (all of a short query, most of a long one); whole-phrase
matches and matches in the label rank higher. A query that is a document reference
(``nghi quyet 36``) puts the document it names first.

Asked of a store, the tasks are searched in its full-text index and only the
blocks of the tasks shown are read; the answer equals the whole graph's.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

import networkx as nx

from policykg.graph.build import gc_paused
from policykg.graph.searchtext import WORD, search_text
from policykg.ontology.normalize import fold
from policykg.ontology.schema import Kind
from policykg.queries.common import (
    Graph,
    Source,
    doc_label,
    label,
    memo,
    node_province,
    on_one_skeleton,
    province_name,
)
from policykg.queries.refs import UnresolvedReference, resolve_document

__all__ = ["SearchHit", "search", "KIND_NAMES"]

# What users type for --kind → node kinds.
KIND_NAMES: dict[str, tuple[str, ...]] = {
    "plan": (Kind.PLAN,), "task": (Kind.TASK,), "unit": (Kind.UNIT,),
    "document": (Kind.DOCUMENT, Kind.PLAN), "doc": (Kind.DOCUMENT, Kind.PLAN),
    "topic": (Kind.TOPIC,), "province": (Kind.PROVINCE,),
}
_DEFAULT_KINDS = (Kind.PLAN, Kind.DOCUMENT, Kind.TASK, Kind.UNIT)
_KIND_ORDER = {Kind.PLAN: 0, Kind.DOCUMENT: 1, Kind.UNIT: 2, Kind.TASK: 3, Kind.TOPIC: 4,
               Kind.PROVINCE: 5}


@dataclass
class SearchHit:
    """A node matching the query, with its score and the words shown for it."""

    id: str
    kind: str
    label: str
    snippet: str
    province: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Entry:
    head: str  # folded label / name / key
    body: str  # folded everything
    words: frozenset[str]


@dataclass
class _Index:
    """A graph's searchable nodes: each one's entry, and the nodes holding each word."""

    entries: dict[str, _Entry]
    postings: dict[str, list[str]]

    def df(self, words: list[str]) -> dict[str, int]:
        """How many nodes hold each of ``words`` (held by some)."""
        return {word: len(self.postings[word]) for word in words if word in self.postings}


def _index(g: Graph) -> _Index:
    """The search index of ``g``, built once per graph state."""
    return memo(g, "search_index", lambda: _build_index(g))


def _build_index(g: Graph) -> _Index:
    entries: dict[str, _Entry] = {}
    postings: dict[str, list[str]] = defaultdict(list)
    for node, data in g.nodes(data=True):
        if data.get("kind") not in _KIND_ORDER:
            continue
        head, body = search_text(data)
        words = frozenset(WORD.findall(body))
        entries[node] = _Entry(head, body, words)
        for word in words:
            postings[word].append(node)
    return _Index(entries, dict(postings))


def _snippet(g: Graph, node: str, words: list[str], width: int = 90) -> str:
    data = g.nodes[node]
    text = str(data.get("text") or data.get("title") or data.get("label") or "")
    folded = fold(text)
    at = min((folded.find(w) for w in words if folded.find(w) >= 0), default=0)
    start = max(0, at - 20)
    piece = text[start:start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


class _Ranking:
    """How a query ranks what it finds: a hit holds at least ``need`` of the query's
    words (repeats counted); its score is the share of the words' weight it holds
    (rarer words weigh more), plus 1 when its body holds the whole query and 1 more
    when its head (label, name, key, number) does."""

    def __init__(self, query: str, words: list[str], df: dict[str, int], n: int):
        self.query, self.words = query, words
        self.need = len(words) if len(words) <= 2 else math.ceil(0.6 * len(words))
        self.weights = [math.log(1 + n / df.get(w, 1)) for w in words]
        self.scale = sum(math.log(1 + n / max(df.get(w, 1), 1)) for w in words) or 1

    def score(self, held: Callable[[str], bool], in_body: bool, in_head: bool
              ) -> float | None:
        """The score of a hit holding the words ``held`` says it holds (None: too few)."""
        present = [weight for w, weight in zip(self.words, self.weights, strict=True) if held(w)]
        if len(present) < self.need:
            return None
        score = sum(present) / self.scale
        if in_body:
            score += 1.0
        if in_head:
            score += 1.0
        return round(score, 4)


def search(g: Source, text: str, kinds: list[str] | tuple[str, ...] | None = None,
           limit: int = 20) -> list[SearchHit]:
    """Nodes matching ``text``, best first; ``kinds`` limits them (``plan``, ``task`` …).

    ``g`` is the graph or a store (its tasks are then searched in its full-text index).
    """
    wanted = _kinds(kinds)
    if not isinstance(g, nx.Graph) and hasattr(g, "search_tasks"):
        return _search_store(g, text, wanted, limit)
    return _search_graph(g, text, wanted, limit)


def _search_graph(g: Graph, text: str, wanted: set[str], limit: int) -> list[SearchHit]:
    index = _index(g)
    query = fold(text)
    words = WORD.findall(query)
    if not words:
        return []
    ranking = _Ranking(query, words, index.df(words), max(len(index.entries), 1))
    scores = _scores(g, index, ranking, wanted)
    return [_hit(g, node, words, scores[node])
            for node in _ranked(g, scores, text, wanted)[:limit]]


def _scores(g: Graph, index: _Index, ranking: _Ranking, wanted: set[str]
            ) -> dict[str, float]:
    """The score of each node of ``index`` of a kind in ``wanted`` that the query finds
    (only nodes holding enough of its words are looked at)."""
    held: dict[str, int] = defaultdict(int)
    for word, times in Counter(ranking.words).items():
        for node in index.postings.get(word, ()):
            held[node] += times
    scores: dict[str, float] = {}
    query, need, entries, nodes = ranking.query, ranking.need, index.entries, g._node
    for node, count in held.items():
        if count < need or nodes[node].get("kind") not in wanted:
            continue
        entry = entries[node]
        score = ranking.score(entry.words.__contains__, query in entry.body,
                              query in entry.head)
        if score is not None:
            scores[node] = score
    return scores


def _ranked(g: Graph, scores: dict[str, float], text: str, wanted: set[str],
            tasks: Iterable[str] = ()) -> list[str]:
    """The nodes of ``scores`` best first, after raising the documents ``text`` names;
    ``tasks`` are scored tasks that ``g`` does not hold."""
    for node in _referenced(g, text):
        if g.nodes[node].get("kind") in wanted:
            scores[node] = max(scores.get(node, 0.0), 10.0)
    outside = set(tasks)

    def rank(node: str) -> tuple[float, int, str]:
        kind = Kind.TASK if node in outside else g.nodes[node]["kind"]
        return -scores[node], _KIND_ORDER.get(kind, 9), node

    return sorted(scores, key=rank)


@gc_paused()
def _search_store(store: Any, text: str, wanted: set[str], limit: int) -> list[SearchHit]:
    """:func:`search` asked of a store: plans, documents and units are searched in its
    skeleton, tasks in its full-text index; only the blocks of the tasks shown are read."""
    ranked = _store_ranking(store, text, wanted, limit)
    if ranked is None:
        return _search_graph(store.graph(), text, wanted, limit)
    if not ranked.words:
        return []
    sub = store.subgraph(plans=ranked.plans) if ranked.plans else ranked.skeleton
    return [_hit(sub, node, ranked.words, ranked.scores[node]) for node in ranked.shown]


class _StoreRanking(NamedTuple):
    """What a store's search shows before any task is read: the nodes shown, best
    first, with the scores of all it found, and the plans of the tasks shown."""

    skeleton: Graph | None
    words: list[str]
    scores: dict[str, float]
    shown: list[str]
    plans: list[str]


def _store_ranking(store: Any, text: str, wanted: set[str], limit: int
                   ) -> _StoreRanking | None:
    """The ranking :func:`_search_store` shows, from the store's skeleton, its task
    counts and the tasks its index finds (None: the store kept changing meanwhile)."""
    query = fold(text)
    words = WORD.findall(query)
    if not words:
        return _StoreRanking(None, [], {}, [], [])
    def read(g: Graph) -> tuple[_Ranking, dict[str, float], list[Any]]:
        index = _index(g)
        tasks, task_df = store.search_counts(words)
        every = index.df(words)
        for word, count in task_df.items():
            every[word] = every.get(word, 0) + count
        ranking = _Ranking(query, words, every, max(len(index.entries) + tasks, 1))
        found = store.search_tasks(words, query, ranking.need, limit, task_df) \
            if Kind.TASK in wanted else []
        return ranking, _scores(g, index, ranking, wanted), found

    done = on_one_skeleton(store, read)
    if done is None:
        return None
    g, (ranking, scores, found) = done
    plan_of = {}
    for match in found:
        score = ranking.score(match.words.__contains__, match.in_body, match.in_head)
        if score is not None:
            scores[match.task] = score
            plan_of[match.task] = match.plan
    shown = _ranked(g, scores, text, wanted, plan_of)[:limit]
    plans = sorted({plan_of[node] for node in shown if node in plan_of})
    return _StoreRanking(g, words, scores, shown, plans)


def _kinds(kinds: list[str] | tuple[str, ...] | None) -> set[str]:
    if not kinds:
        return set(_DEFAULT_KINDS)
    found: set[str] = set()
    for name in kinds:
        key = fold(str(name)).rstrip("s")
        if key not in KIND_NAMES:
            raise ValueError(f"unknown kind {name!r}: use one of {', '.join(KIND_NAMES)}")
        found.update(KIND_NAMES[key])
    return found


def _referenced(g: Graph, text: str) -> list[str]:
    """Documents a reference-like query names (all candidates when ambiguous)."""
    if not re.search(r"\d", text):
        return []
    try:
        return [resolve_document(g, text)]
    except UnresolvedReference as err:
        return [c.id for c in err.options] if hasattr(err, "candidates") else []


def _hit(g: Graph, node: str, words: list[str], score: float) -> SearchHit:
    data = g.nodes[node]
    kind = str(data.get("kind"))
    shown = doc_label(g, node) if kind in (Kind.PLAN, Kind.DOCUMENT) else label(g, node)
    pid = node_province(g, node) if kind != Kind.PROVINCE else node
    return SearchHit(node, kind, shown, _snippet(g, node, words), province_name(g, pid), score)

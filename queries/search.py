"""Find plans, tasks, units and documents by words, with or without diacritics.

Every searchable node is indexed once per graph by the folded words of its
label, title, name, key and text. A hit must contain the query's words (all of
a short query, most of a long one); whole-phrase matches and matches in the
label rank higher. A query that is a document reference (``nghi quyet 36``)
puts the document it names first.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from policykg.ontology.normalize import fold
from policykg.ontology.schema import Kind
from policykg.queries.common import (
    Graph,
    doc_label,
    label,
    memo,
    node_province,
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
_WORD = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*")
_FIELDS = ("label", "name", "key", "number", "title", "text", "label_vi", "label_en")


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


def _index(g: Graph) -> tuple[dict[str, _Entry], dict[str, int]]:
    """The entries and word document-frequencies of ``g``, built once per graph state."""
    return memo(g, "search_index", lambda: _build_index(g))


def _build_index(g: Graph) -> tuple[dict[str, _Entry], dict[str, int]]:
    entries: dict[str, _Entry] = {}
    df: dict[str, int] = defaultdict(int)
    for node, data in g.nodes(data=True):
        if data.get("kind") not in _KIND_ORDER:
            continue
        head = fold(" ".join(str(data[f]) for f in ("label", "name", "key", "number")
                             if data.get(f)))
        body = fold(" ".join(str(data[f]) for f in _FIELDS if data.get(f)))
        words = frozenset(_WORD.findall(body))
        entries[node] = _Entry(head, body, words)
        for word in words:
            df[word] += 1
    return entries, dict(df)


def _snippet(g: Graph, node: str, words: list[str], width: int = 90) -> str:
    data = g.nodes[node]
    text = str(data.get("text") or data.get("title") or data.get("label") or "")
    folded = fold(text)
    at = min((folded.find(w) for w in words if folded.find(w) >= 0), default=0)
    start = max(0, at - 20)
    piece = text[start:start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def search(g: Graph, text: str, kinds: list[str] | tuple[str, ...] | None = None,
           limit: int = 20) -> list[SearchHit]:
    """Nodes matching ``text``, best first; ``kinds`` limits them (``plan``, ``task`` …)."""
    wanted = _kinds(kinds)
    entries, df = _index(g)
    query = fold(text)
    words = _WORD.findall(query)
    if not words:
        return []
    n = max(len(entries), 1)
    need = len(words) if len(words) <= 2 else math.ceil(0.6 * len(words))
    scores: dict[str, float] = {}
    for node, entry in entries.items():
        if g.nodes[node].get("kind") not in wanted:
            continue
        present = [w for w in words if w in entry.words]
        if len(present) < need:
            continue
        score = sum(math.log(1 + n / df.get(w, 1)) for w in present)
        score /= sum(math.log(1 + n / max(df.get(w, 1), 1)) for w in words) or 1
        if query in entry.body:
            score += 1.0
        if query in entry.head:
            score += 1.0
        scores[node] = round(score, 4)
    for node in _referenced(g, text):
        if g.nodes[node].get("kind") in wanted:
            scores[node] = max(scores.get(node, 0.0), 10.0)
    ranked = sorted(scores, key=lambda v: (-scores[v], _KIND_ORDER.get(g.nodes[v]["kind"], 9),
                                           v))
    return [_hit(g, node, words, scores[node]) for node in ranked[:limit]]


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

"""Duty topics of tasks, assigned by the keywords of ``topics.ttl``.

The topic scheme (labels, keywords, stop phrases) is data in ``topics.ttl``;
this module reads it once, on import, and matches task text against it:

- text and phrases are compared as whole words on :func:`fold` forms, so
  diacritics, NFD input and old/new tone placement do not matter, and a few
  spellings of one term are made equal first (``KHCN``, ``khoa học và công
  nghệ``, ``KH&CN`` are one);
- a phrase inside a longer one found in the text does not count, so
  ``kiểm tra tiến độ`` counts for monitoring and its ``kiểm tra`` does not
  count again for inspection (phrases that only overlap both count); stop
  phrases (unit names such as ``Chi cục Tiêu chuẩn Đo lường Chất lượng``,
  boilerplate such as ``theo quy định của pháp luật``) take their words out;
- a topic is assigned by one ``pkg:keyword`` or by two different
  ``pkg:weakKeyword`` phrases; its strength is 2 per keyword hit plus 1 per
  weak hit.

>>> assign_topics("Hướng dẫn doanh nghiệp đăng ký bảo hộ nhãn hiệu")
['ip']
>>> assign_topics("kiem tra tien do thuc hien ke hoach")
['monitoring']

Topic ids are the concepts' local names (``"ip"``); the graph node of a topic
is ``f"topic:{id}"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from policykg.ontology.normalize import fold
from policykg.ontology.vocab import ID, PKG, TOPIC_SCHEME, TOPICS_FILE

__all__ = ["Topic", "TopicMatch", "assign_topics", "match_topics", "load_topics", "TOPICS"]

STRONG_WEIGHT = 2
WEAK_WEIGHT = 1

# Spellings of one term made equal before matching (folded token sequences).
# "&" is read as "và" first, so "KH&CN", "KH & CN" and "KH và CN" are one.
_SAME_AS: dict[str, str] = {
    "khoa hoc va cong nghe": "khcn",
    "khoa hoc cong nghe": "khcn",
    "kh va cn": "khcn",
    "kh cn": "khcn",
}
_SAME_AS_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(_SAME_AS, key=len, reverse=True)) + r")\b"
)

# Punctuation that ends a phrase: nothing matches across it. Commas and
# hyphens do not ("mã số, mã vạch" is "mã số mã vạch").
_BARRIER = re.compile(r"[.;:!?()\[\]{}\"“”«»\n]+")
_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Topic:
    """One duty area of the scheme."""

    id: str
    label_vi: str
    label_en: str
    alt_labels: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    weak_keywords: tuple[str, ...] = ()
    definition: str = ""

    @property
    def node_id(self) -> str:
        return f"topic:{self.id}"


@dataclass
class TopicMatch:
    """A topic found in a text: its strength and the phrases that gave it."""

    topic: str
    score: int
    first: int  # token position of the first hit, to order equal scores
    keywords: list[str] = field(default_factory=list)
    weak_keywords: list[str] = field(default_factory=list)

    @property
    def assigned(self) -> bool:
        return bool(self.keywords) or len(set(self.weak_keywords)) >= 2


@dataclass(frozen=True)
class _Phrase:
    text: str  # as written in topics.ttl
    topics: tuple[tuple[str, bool], ...]  # (topic id, strong?)


@dataclass(frozen=True)
class _Matcher:
    topics: dict[str, Topic]
    # Phrases by their first word: the lengths they come in, longest first, and the
    # phrases by their words. A phrase without topics is a stop phrase.
    by_first: dict[str, tuple[tuple[int, ...], dict[tuple[str, ...], _Phrase]]]


def _segments(text: str) -> Iterator[list[str]]:
    """Folded word lists of ``text``, one per stretch between barriers."""
    folded = fold(text).replace("&", " va ")
    for part in _BARRIER.split(folded):
        words = " ".join(_TOKEN.findall(part))
        if words:
            yield _SAME_AS_RE.sub(lambda m: _SAME_AS[m.group(0)], words).split()


def _phrase_key(phrase: str) -> tuple[str, ...]:
    tokens = [t for segment in _segments(phrase) for t in segment]
    return tuple(tokens)


def _local_name(iri: str) -> str:
    return str(iri).rsplit("/", 1)[-1]


@cache
def _matcher() -> _Matcher:
    from rdflib import Graph
    from rdflib.namespace import SKOS

    graph = Graph()
    try:
        graph.parse(TOPICS_FILE, format="turtle")
    except (OSError, SyntaxError, ValueError) as err:  # rdflib raises BadSyntax (SyntaxError)
        raise RuntimeError(f"{TOPICS_FILE}: cannot read the topic scheme: {err}") from err

    def labels(concept, prop, lang: str | None = None) -> list[str]:
        values = [str(o) for o in graph.objects(concept, prop)
                  if lang is None or getattr(o, "language", None) == lang]
        return sorted(values)

    topics: dict[str, Topic] = {}
    for concept in graph.objects(TOPIC_SCHEME, SKOS.hasTopConcept):
        if not str(concept).startswith(str(ID["topic/"])):
            continue
        topic_id = _local_name(concept)
        vi = labels(concept, SKOS.prefLabel, "vi")
        en = labels(concept, SKOS.prefLabel, "en")
        definition = labels(concept, SKOS.definition, "en")
        topics[topic_id] = Topic(
            id=topic_id,
            label_vi=vi[0] if vi else topic_id,
            label_en=en[0] if en else topic_id,
            alt_labels=tuple(labels(concept, SKOS.altLabel)),
            keywords=tuple(labels(concept, PKG.keyword)),
            weak_keywords=tuple(labels(concept, PKG.weakKeyword)),
            definition=definition[0] if definition else "",
        )
    topics = dict(sorted(topics.items()))

    entries: dict[tuple[str, ...], tuple[str, list[tuple[str, bool]]]] = {}

    def add(phrase: str, topic_id: str | None, strong: bool) -> None:
        key = _phrase_key(phrase)
        if not key:
            return
        text, owners = entries.setdefault(key, (phrase, []))
        if topic_id is not None and (topic_id, strong) not in owners:
            owners.append((topic_id, strong))

    for topic in topics.values():
        for phrase in topic.keywords:
            add(phrase, topic.id, True)
        for phrase in topic.weak_keywords:
            add(phrase, topic.id, False)
    for phrase in labels(TOPIC_SCHEME, PKG.stopPhrase):
        add(phrase, None, False)

    phrases: dict[str, dict[tuple[str, ...], _Phrase]] = {}
    for key, (text, owners) in entries.items():
        phrases.setdefault(key[0], {})[key] = _Phrase(text, tuple(owners))
    by_first = {first: (tuple(sorted({len(k) for k in keys}, reverse=True)), keys)
                for first, keys in phrases.items()}
    return _Matcher(topics, by_first)


def load_topics() -> dict[str, Topic]:
    """The topics of ``topics.ttl`` by id, read once."""
    return _matcher().topics


def match_topics(text: str) -> list[TopicMatch]:
    """Every topic with at least one hit in ``text``, strongest first (assigned or not)."""
    matcher = _matcher()
    matches: dict[str, TopicMatch] = {}
    offset = 0
    by_first = matcher.by_first
    for segment in _segments(text):
        tokens = tuple(segment)
        found: list[tuple[int, int, _Phrase]] = []
        for start, token in enumerate(tokens):
            candidates = by_first.get(token)
            if candidates is None:
                continue
            sizes, keys = candidates
            left = len(tokens) - start
            for size in sizes:
                if size <= left:  # a shorter slice would pass for a shorter phrase
                    phrase = keys.get(tokens[start:start + size])
                    if phrase is not None:
                        found.append((start, size, phrase))
        # Longest phrases first; a phrase inside one already kept does not
        # count (phrases that merely overlap both count).
        hits: list[tuple[int, int, _Phrase]] = []
        for start, size, phrase in sorted(found, key=lambda h: (-h[1], h[0])):
            if not any(s <= start and start + size <= s + n for s, n, _ in hits):
                hits.append((start, size, phrase))
        for start, _size, phrase in sorted(hits, key=lambda h: h[0]):
            for topic_id, strong in phrase.topics:
                match = matches.setdefault(topic_id, TopicMatch(topic_id, 0, offset + start))
                if strong:
                    match.score += STRONG_WEIGHT
                    match.keywords.append(phrase.text)
                else:
                    match.score += WEAK_WEIGHT
                    match.weak_keywords.append(phrase.text)
        offset += len(tokens)
    return sorted(matches.values(), key=lambda m: (-m.score, m.first, m.topic))


def assign_topics(text: str) -> list[str]:
    """Ids of the topics ``text`` is about, strongest first."""
    return list(_assigned_topics(text))


@lru_cache(maxsize=1 << 14)
def _assigned_topics(text: str) -> tuple[str, ...]:
    """:func:`assign_topics`, remembered: the same duties recur across plans."""
    return tuple(m.topic for m in match_topics(text) if m.assigned)


# The topics by id, read from topics.ttl when this module is imported.
TOPICS: dict[str, Topic] = load_topics()

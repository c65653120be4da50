"""The words a node is found by: one rule for the graph's search and the store's.

A node is searched by the folded text of its label, name, key and number (its
*head*) and of those plus its title and text (its *body*), and by the words of the
body. Users type without diacritics, so both are folded (:func:`fold`). The whole
graph's search (:mod:`policykg.queries.search`) reads these from each node; the
store keeps them for every task in indexed rows, so a search over millions of tasks
reads no graph block.

>>> head, body = search_text({"kind": "Task", "label": "1 Xây dựng Đề án",
...                           "number": "1", "text": "Xây dựng Đề án"})
>>> head, body, words_of(body)
('1 xay dung de an 1', '1 xay dung de an 1 xay dung de an', ['1', 'xay', 'dung', 'de', \
'an', '1', 'xay', 'dung', 'de', 'an'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from policykg.ontology.normalize import fold
from policykg.ontology.schema import Kind

__all__ = ["HEAD_FIELDS", "BODY_FIELDS", "WORD", "search_text", "words_of", "block_texts"]

HEAD_FIELDS = ("label", "name", "key", "number")
BODY_FIELDS = ("label", "name", "key", "number", "title", "text", "label_vi", "label_en")
# a word: letters and digits, "&" inside ("r&d"); folded text is lower-case ASCII mostly
WORD = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*")
_TASK = Kind.TASK.value


def search_text(data: dict[str, Any]) -> tuple[str, str]:
    """(head, body) of a node's attributes, folded."""
    head = fold(" ".join(str(data[f]) for f in HEAD_FIELDS if data.get(f)))
    body = fold(" ".join(str(data[f]) for f in BODY_FIELDS if data.get(f)))
    return head, body


def words_of(body: str) -> list[str]:
    """The words of a folded body, in order (repeats kept)."""
    return WORD.findall(body)


def block_texts(nodes: Iterable[list[Any]]) -> list[tuple[str, str, str]]:
    """(task id, head, body) of each task of a plan's graph block, in id order."""
    found = []
    for node, data in nodes:
        if data.get("kind") == _TASK:
            head, body = search_text(data)
            found.append((node, head, body))
    found.sort()
    return found

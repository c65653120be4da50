"""Word's automatic numbering, replayed: the "1.", "a)", "-" a paragraph shows.

Plans number their sections and tasks with Word's lists as often as by hand, and the
parser reads structure from those labels, so a reader writes them out. Both Word
formats come down to the same model: lists of up to nine levels, each level with its
first number, its number format and its label text (``%1.%2.`` names the numbers of
levels 1 and 2), and list instances that point at a list and may restart some levels.

>>> numbering = ListNumbering({"7": {0: (1, "upperRoman", "%1."), 1: (1, "decimal", "%2.")}},
...                           {"1": ("7", {})})
>>> [numbering.label_for("1", level) for level in (0, 1, 1, 0, 1)]
['I. ', '1. ', '2. ', 'II. ', '1. ']
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["ListNumbering", "Level", "roman"]

Level = tuple[int, str, str]  # (first number, format name, label text with %1 … %9)


def _letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def roman(n: int) -> str:
    """1 → i, 4 → iv, 39 → xxxix: a number in lower-case Roman numerals."""
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                          (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                          (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


# number formats by their .docx names (``w:numFmt``); a .doc's codes are mapped to these
FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": roman,
    "upperRoman": lambda n: roman(n).upper(),
    "none": lambda n: "",
}
_PLACEHOLDER = re.compile(r"%([1-9])")


class ListNumbering:
    """Counters of a document's lists while its paragraphs are read in order.

    ``levels`` maps a list to its levels (:data:`Level` by level number); ``instances``
    maps a list instance (what a paragraph names) to its list and the levels it
    restarts at a given number. Counters are kept per list and level; a deeper level
    restarts when a shallower one advances; an instance's restart applies the first
    time the instance is used.
    """

    def __init__(self, levels: dict[str, dict[int, Level]] | None = None,
                 instances: dict[str, tuple[str, dict[int, int]]] | None = None) -> None:
        self.levels: dict[str, dict[int, Level]] = dict(levels or {})
        self.instances: dict[str, tuple[str, dict[int, int]]] = dict(instances or {})
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()

    def label_for(self, num_id: str | None, ilvl: int) -> str:
        """The label (with its trailing space) Word draws before the next paragraph of
        list instance ``num_id`` at level ``ilvl``, or ``""`` when it has none."""
        if not num_id or num_id == "0" or num_id not in self.instances:
            return ""
        abstract_id, overrides = self.instances[num_id]
        levels = self.levels.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        start = overrides.get(ilvl, levels[ilvl][0])
        if ilvl in overrides and (num_id, ilvl) not in self.started:
            counters[ilvl] = start
        else:
            counters[ilvl] = counters.get(ilvl, start - 1) + 1
        self.started.add((num_id, ilvl))
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        _, fmt, text = levels[ilvl]
        if fmt == "bullet":  # symbol-font glyphs (, o, §) read as the plan's own marks
            glyph = text.strip()
            if glyph in ("-", "+"):
                return glyph + " "
            first_bullet = min(k for k, level in levels.items() if level[1] == "bullet")
            return ("- " if ilvl == first_bullet else "+ ")

        def number(m: re.Match[str]) -> str:
            level = int(m.group(1)) - 1
            value = counters.get(level, levels.get(level, (1, "", ""))[0])
            return FORMATS.get(levels.get(level, (1, "decimal", ""))[1], str)(value)

        label = _PLACEHOLDER.sub(number, text).strip()
        return label + " " if label else ""

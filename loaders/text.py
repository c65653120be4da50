"""From decoded text to logical lines: page-break joins, markdown and Word debris.

The readers turn a file into text; this module turns text into the
:class:`~policykg.loaders.model.Line` list the parser works on. Line numbers
always refer to the extracted text, so provenance can quote the source.
"""

from __future__ import annotations

import re

from policykg.loaders.model import Line
from policykg.ontology.normalize import nfc

_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_HEADING_HASHES = re.compile(r"^\s{0,3}#{1,6}\s+")
_LIST_MARK = re.compile(r"^\s*[*•●▪◦]\s+")
_RULE = re.compile(r"^\s*([-*_=])\1{2,}\s*$")


def strip_markdown(text: str) -> str:
    """Remove markdown emphasis and heading marks; keep the words."""
    text = _HEADING_HASHES.sub("", text)
    prev = None
    while prev != text:
        prev = text
        text = _EMPHASIS.sub(r"\2", text)
    return text.replace("**", "").strip()


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` continues the paragraph ``previous`` after a break."""
    if not previous or not line:
        return False
    first = line[0]
    if not first.islower():
        return False
    return not previous.rstrip().endswith((".", ":", ";", "!", "?", "./."))


def clean_lines(text: str) -> list[Line]:
    """Split ``text`` into logical lines with their physical line numbers.

    Blank lines are dropped; a line beginning in lower case after a blank
    line re-joins the paragraph a page break split. Markdown emphasis and
    bullets written as ``*`` are normalised (``*`` → ``-``).
    """
    out: list[Line] = []
    blank_before = False
    for number, raw in enumerate(nfc(text).splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or _RULE.match(stripped):
            blank_before = True
            continue
        stripped = _LIST_MARK.sub("- ", stripped)
        cleaned = strip_markdown(stripped)
        if not cleaned:
            blank_before = True
            continue
        if out and blank_before and _continues(out[-1].text, cleaned):
            prev = out[-1]
            out[-1] = Line(prev.text.rstrip() + " " + cleaned, prev.start, number)
        else:
            out.append(Line(cleaned, number, number))
        blank_before = False
    return out

"""Text → structured plan: the parser's entry point.

The work is split by what is read: :mod:`.metadata` (header, title, signer,
recipients, province), :mod:`.references` (cited documents and the chains
between them) and :mod:`.tasks` (tasks, their units, deadlines and outputs).
"""

from __future__ import annotations

from pathlib import Path

from policykg.loaders.metadata import appendix_start, find_title, read_metadata
from policykg.loaders.model import LoadError, Plan, SourceFile
from policykg.loaders.readers import read_document
from policykg.loaders.references import read_references
from policykg.loaders.tasks import read_tasks
from policykg.loaders.text import clean_lines


def parse_text(text: str, source: SourceFile) -> Plan:
    """Parse the text of one document into a :class:`Plan`.

    Raises :class:`LoadError` when the text is not a plan (empty, no
    recognisable structure, no tasks).
    """
    lines = clean_lines(text)
    if not lines:
        raise LoadError(source.path, "no text")
    # Where the title and the appendix are: read once, used by metadata and references.
    title, appendix = find_title(lines), appendix_start(lines)
    plan = read_metadata(lines, source, title=title, appendix=appendix)
    plan.lines = lines
    plan.references, plan.links = read_references(lines, plan, title=title, appendix=appendix)
    plan.tasks, plan.units = read_tasks(lines, plan)
    if not plan.tasks:
        raise LoadError(source.path, "not a plan: no tasks or assigned duties found")
    return plan


def parse_file(path: str | Path, *, max_mb: float | None = None) -> Plan:
    """Read and parse one file (text, Markdown, Word, PDF or web page) into a :class:`Plan`.

    Raises :class:`LoadError` naming the file and the reason when it cannot be read or holds
    no plan.
    """
    text, source = read_document(path, max_mb=max_mb)
    return parse_text(text, source)

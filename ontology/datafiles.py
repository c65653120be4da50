"""The vocabulary's tables in ``ontology/data/``: tab-separated rows, one header row, lines
starting with "#" for notes. Kept as data so that a new unit kind or a city that changes
level is a row, not code."""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_rows"]

_DATA = Path(__file__).with_name("data")


def data_rows(name: str) -> list[list[str]]:
    """The rows of ``data/<name>``, each as its cells, without notes, blank lines and the
    header row (the first row that is not a note).

    >>> data_rows("city_levels.tsv")[0][:3]
    ['Huế', 'Thừa Thiên Huế', '2025-01-01']
    """
    rows: list[list[str]] = []
    header_seen = False
    for raw in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append(raw.split("\t"))
    return rows

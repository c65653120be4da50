"""Many files at once: walk folders, read and parse each, never stop on one.

:func:`load_paths` yields one result per file — :class:`Loaded` with the plan,
or :class:`Skipped` with a one-line reason — so a corpus with a broken file, a
scanned PDF or a stray spreadsheet still loads everything else.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from policykg.loaders.model import LoadError, Plan
from policykg.loaders.readers import read_document

__all__ = ["Loaded", "Skipped", "iter_files", "load_paths", "load_file"]

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class Loaded:
    """A file read as a plan."""

    path: Path
    plan: Plan


@dataclass(frozen=True)
class Skipped:
    """A file that gave no plan, and why (one line)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


Result = Loaded | Skipped


def _as_list(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def _hidden(name: str) -> bool:
    return name.startswith(".")


def iter_files(paths: PathLike | Iterable[PathLike]) -> Iterator[Path]:
    """Every file named or inside the folders named, in sorted order.

    Folders are walked recursively, following symbolic links but never into a
    folder already visited (no loops); hidden files and folders (``.git``,
    ``.~lock…``) are skipped inside folders. A path named explicitly is yielded
    even when hidden or missing, so the caller can report it. No file is
    yielded twice.
    """
    seen_files: set[tuple[int, int]] = set()
    for root in _as_list(paths):
        if not root.is_dir():
            key = _file_key(root)
            if key is None or key not in seen_files:
                if key is not None:
                    seen_files.add(key)
                yield root
            continue
        yield from _walk(root, set(), seen_files)


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _walk(
    folder: Path, visiting: set[tuple[int, int]], seen_files: set[tuple[int, int]]
) -> Iterator[Path]:
    key = _file_key(folder)
    if key is None or key in visiting:
        return
    visiting.add(key)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        yield folder  # unreadable folder: reported by the reader with the OS reason
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, visiting, seen_files)
            continue
        file_key = _file_key(path)
        if file_key is not None:
            if file_key in seen_files:
                continue
            seen_files.add(file_key)
        yield path
    visiting.discard(key)


def load_file(path: PathLike) -> Plan:
    """Read and parse one file; raises :class:`LoadError` when it is not a plan."""
    from policykg.loaders.parse import parse_text

    text, source = read_document(path)
    return parse_text(text, source)


def _one_line(err: BaseException) -> str:
    message = " ".join(str(err).split())
    return f"{type(err).__name__}: {message}" if message else type(err).__name__


def _load_one(path: Path) -> Result:
    try:
        return Loaded(path, load_file(path))
    except LoadError as err:
        return Skipped(path, " ".join(err.reason.split()))
    except Exception as err:  # a parser bug on one file must not stop the batch
        return Skipped(path, f"unexpected error: {_one_line(err)}")


def load_paths(
    paths: PathLike | Iterable[PathLike],
    *,
    on_progress: Callable[[int, int, Result], None] | None = None,
) -> Iterator[Result]:
    """Read every file under ``paths``; yield :class:`Loaded` or :class:`Skipped` for each.

    Unsupported kinds, unreadable, empty, binary and non-plan files are
    :class:`Skipped` with the reason. ``on_progress(done, total, result)`` is
    called after each file (``total`` counts the files found before starting).
    """
    files = list(iter_files(paths))
    total = len(files)
    for done, path in enumerate(files, start=1):
        result = _load_one(path)
        if on_progress is not None:
            on_progress(done, total, result)
        yield result

"""Many files at once: walk folders, read and parse each, never stop on one.

:func:`load_paths` yields one result per file — :class:`Loaded` with the plan,
or :class:`Skipped` with a one-line reason — so a corpus with a broken file, a
scanned PDF or a stray spreadsheet still loads everything else. Each file is read
in a worker process under a time bound, so one that never ends (or crashes the
reader) is skipped with the reason too; files above a size limit are refused
before they are read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from policykg.loaders.model import LoadError, Plan
from policykg.loaders.readers import read_document

__all__ = [
    "Loaded", "Skipped", "iter_files", "load_paths", "load_file", "file_timeout",
    "DEFAULT_TIMEOUT", "TIMEOUT_ENV",
]

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


def load_file(path: PathLike, *, max_mb: float | None = None) -> Plan:
    """Read and parse one file; raises :class:`LoadError` when it is not a plan.

    ``max_mb`` is the size limit for text files (see :func:`~.readers.max_file_mb`).
    """
    from policykg.loaders.parse import parse_text

    text, source = read_document(path, max_mb=max_mb)
    return parse_text(text, source)


def _one_line(err: BaseException) -> str:
    message = " ".join(str(err).split())
    return f"{type(err).__name__}: {message}" if message else type(err).__name__


def _load_one(path: Path, max_mb: float | None = None) -> Result:
    if path.is_dir():  # only an unreadable folder is yielded as a path
        try:
            os.scandir(path).close()
        except OSError as err:
            return Skipped(path, f"cannot open folder: {err.strerror or err}")
        return Skipped(path, "is a folder, not a file")
    try:
        return Loaded(path, load_file(path, max_mb=max_mb))
    except LoadError as err:
        return Skipped(path, " ".join(err.reason.split()))
    except RecursionError:
        return Skipped(path, "nested too deeply to read")
    except MemoryError:
        return Skipped(path, "ran out of memory reading it")
    except Exception as err:  # a parser bug on one file must not stop the batch
        return Skipped(path, f"unexpected error: {_one_line(err)}")


# --- a time bound per file ------------------------------------------------------

DEFAULT_TIMEOUT = 60.0
TIMEOUT_ENV = "POLICYKG_FILE_TIMEOUT"


def file_timeout(timeout: float | None = None) -> float | None:
    """Seconds one file may take: ``timeout``, else ``$POLICYKG_FILE_TIMEOUT``, else 60.

    ``0`` (or a negative value) means no bound: files are read in this process.
    """
    if timeout is None:
        raw = os.environ.get(TIMEOUT_ENV, "").strip()
        try:
            timeout = float(raw) if raw else DEFAULT_TIMEOUT
        except ValueError:
            timeout = DEFAULT_TIMEOUT
    return timeout if timeout > 0 else None


def _die_with_parent() -> None:
    """Linux: the worker is killed when the process that started it dies."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _serve(conn, parent_end) -> None:
    """Worker loop: read ``(path, max_mb)`` requests, answer each with a result."""
    parent_end.close()
    _die_with_parent()
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        path, max_mb = request
        result = _load_one(Path(path), max_mb)
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return
        except Exception as err:  # a plan that cannot be sent back
            conn.send(Skipped(Path(path), f"unexpected error: {_one_line(err)}"))


class _Worker:
    """A forked process that reads one file at a time, so a file that never ends
    (or eats the memory) is stopped and reported without stopping the batch."""

    def __init__(self, timeout: float) -> None:
        import multiprocessing

        self.timeout = timeout
        self._context = multiprocessing.get_context("fork")
        self._process = None
        self._conn = None

    def _start(self) -> None:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child_end, parent_end),
                                        daemon=True)
        process.start()
        child_end.close()
        self._process, self._conn = process, parent_end

    def load(self, path: Path, max_mb: float | None) -> Result:
        if self._process is None:
            self._start()
        try:
            self._conn.send((str(path), max_mb))
            if self._conn.poll(self.timeout):
                return self._conn.recv()
        except (EOFError, OSError):
            self._process.join(1)
            code = self._process.exitcode
            self.stop()
            return Skipped(path, f"reading it stopped the reader (exit status {code})")
        self.stop()
        return Skipped(path, f"took longer than {self.timeout:g} s to read; skipped "
                             f"(set {TIMEOUT_ENV} to allow more time)")

    def stop(self) -> None:
        """End the worker at once (it may be stuck in a file)."""
        if self._process is None:
            return
        self._process.kill()
        self._process.join()
        self._conn.close()
        self._process = self._conn = None

    def close(self) -> None:
        """Let an idle worker finish; kill it if it does not."""
        if self._process is None:
            return
        try:
            self._conn.send(None)
        except OSError:
            pass
        self._process.join(2)
        self.stop()


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def load_paths(
    paths: PathLike | Iterable[PathLike],
    *,
    on_progress: Callable[[int, int, Result], None] | None = None,
    timeout: float | None = None,
    max_mb: float | None = None,
) -> Iterator[Result]:
    """Read every file under ``paths``; yield :class:`Loaded` or :class:`Skipped` for each.

    Unsupported kinds, unreadable, empty, binary, too large and non-plan files
    are :class:`Skipped` with the reason. ``on_progress(done, total, result)`` is
    called after each file (``total`` counts the files found before starting).

    Each file is read in a worker process and skipped ("took longer than N s")
    when it takes more than ``timeout`` seconds (:func:`file_timeout`: default
    60, ``$POLICYKG_FILE_TIMEOUT``; 0 reads in this process with no bound).
    ``max_mb`` is the size limit for text files (``$POLICYKG_MAX_FILE_MB``, 50).
    """
    files = list(iter_files(paths))
    total = len(files)
    bound = file_timeout(timeout)
    worker = _Worker(bound) if bound is not None and files and _can_fork() else None
    try:
        for done, path in enumerate(files, start=1):
            result = worker.load(path, max_mb) if worker else _load_one(path, max_mb)
            if on_progress is not None:
                on_progress(done, total, result)
            yield result
    finally:
        if worker is not None:
            worker.close()

"""Many files at once: walk folders, read and parse each, never stop on one.

:func:`load_paths` yields one result per file — :class:`Loaded` with the plan,
or :class:`Skipped` with a one-line reason — so a corpus with a broken file, a
scanned PDF or a stray spreadsheet still loads everything else. Each file is read
in a worker process under a time bound, so one that never ends (or crashes the
reader) is skipped with the reason too; files above a size limit are refused
before they are read. Several workers may read at once (``jobs``): the results
still come in file order, so what is built from them does not depend on it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from policykg.loaders import ocr
from policykg.loaders.model import LoadError, Plan
from policykg.loaders.readers import read_document

__all__ = [
    "Loaded", "Skipped", "iter_files", "load_paths", "load_file", "file_timeout",
    "DEFAULT_TIMEOUT", "TIMEOUT_ENV",
]

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class Loaded:
    """A file read as a plan (or as what :func:`load_paths`' ``prepare`` made of it)."""

    path: Path
    plan: Plan


@dataclass(frozen=True)
class Skipped:
    """A file that gave no plan, and why (one line). ``lasting`` is False when the
    cause may pass (a time bound, a reader that crashed, OCR not available): a store
    tries the file again on its next ingest."""

    path: Path
    reason: str
    lasting: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


Result = Loaded | Skipped
# what a worker does with each plan it read before sending it back (e.g. turn it into
# the rows a store keeps): must be a module-level function, it may be pickled
Prepare = Callable[[Plan], Any]


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


def _load_one(path: Path, max_mb: float | None = None, prepare: Prepare | None = None
              ) -> Result:
    if path.is_dir():  # only an unreadable folder is yielded as a path
        try:
            os.scandir(path).close()
        except OSError as err:
            return Skipped(path, f"cannot open folder: {err.strerror or err}")
        return Skipped(path, "is a folder, not a file")
    try:
        plan = load_file(path, max_mb=max_mb)
        return Loaded(path, prepare(plan) if prepare is not None else plan)
    except LoadError as err:
        return Skipped(path, " ".join(err.reason.split()), err.lasting)
    except RecursionError:
        return Skipped(path, "nested too deeply to read")
    except MemoryError:
        return Skipped(path, "ran out of memory reading it", lasting=False)
    except Exception as err:  # a parser bug on one file must not stop the batch
        return Skipped(path, f"unexpected error: {_one_line(err)}")


# --- a time bound per file ------------------------------------------------------

DEFAULT_TIMEOUT = 60.0
TIMEOUT_ENV = "POLICYKG_FILE_TIMEOUT"
_STILL_READING = "still reading"  # what a worker sends while a long file goes on


def file_timeout(timeout: float | None = None) -> float | None:
    """Seconds one file may take: ``timeout``, else ``$POLICYKG_FILE_TIMEOUT``, else 60.

    ``0`` (or a negative value) means no bound: files are read in this process. A
    scanned PDF read by OCR has this long for each page.
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


def _forget_parent_state() -> None:
    """In a forked worker: never touch what the parent had open.

    Everything inherited is frozen out of the garbage collector, so no object the
    parent left unreachable (an SQLite connection, a file) is finalised here; the
    worker ends with ``os._exit`` (multiprocessing), which runs no finalisers. The
    parent's SQLite locks are its own (POSIX locks are not inherited), and this
    process never calls SQLite, so an open store transaction in the parent is safe.
    Output goes through fresh writers, since a parent thread (a progress bar) may
    have held the old ones' locks at the fork.
    """
    import gc
    import sys

    gc.freeze()
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            fresh = open(stream.fileno(), "w", encoding=stream.encoding,
                         errors=stream.errors, buffering=1, closefd=False)
        except (AttributeError, OSError, ValueError):
            continue  # no real file behind it (a test's capture): leave it
        setattr(sys, name, fresh)


def _serve(conn, parent_end, prepare: Prepare | None = None) -> None:
    """Worker loop: read ``(path, max_mb)`` requests, answer each with a result."""
    import signal

    parent_end.close()
    _die_with_parent()
    _forget_parent_state()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it ends the workers
    ocr.on_page = lambda: conn.send(_STILL_READING)  # each OCR'd page renews the time bound
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        path, max_mb = request
        result = _load_one(Path(path), max_mb, prepare)
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return
        except Exception as err:  # a plan that cannot be sent back
            conn.send(Skipped(Path(path), f"unexpected error: {_one_line(err)}"))


def _context():
    """How workers are started: ``fork`` where there is one (Linux), else ``spawn``.

    Forking costs about a millisecond and carries the parent's settings (environment,
    patched functions) into the worker; what makes it safe inside a store
    transaction is :func:`_forget_parent_state`.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _Worker:
    """A process that reads one file at a time, so a file that never ends (or eats
    the memory, or crashes the reader) is stopped and reported without stopping
    the batch; the next file starts a new process."""

    def __init__(self, timeout: float | None, prepare: Prepare | None = None) -> None:
        self.timeout = timeout
        self.prepare = prepare
        self._context = _context()
        self._process = None
        self.conn = None
        self.path: Path | None = None  # the file being read
        self.deadline = float("inf")

    def _start(self) -> None:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child_end, parent_end,
                                                             self.prepare), daemon=True)
        process.start()
        child_end.close()
        self._process, self.conn = process, parent_end

    def send(self, path: Path, max_mb: float | None) -> Result | None:
        """Give the worker ``path``; a result at once when the worker cannot take it."""
        if self._process is None:
            self._start()
        self.path = path
        self._renew_deadline()
        try:
            self.conn.send((str(path), max_mb))
        except OSError:
            return self._died()
        return None

    def _renew_deadline(self) -> None:
        """The file being read has the whole time bound from now."""
        import time

        self.deadline = time.monotonic() + self.timeout if self.timeout else float("inf")

    def receive(self) -> Result | None:
        """The result for the file sent (the worker has answered or ended), or None when
        the worker only says it is still reading (a scanned page was read by OCR): its
        time bound starts again."""
        try:
            result = self.conn.recv()
        except (EOFError, OSError):
            return self._died()
        if isinstance(result, str) and result == _STILL_READING:
            self._renew_deadline()
            return None
        self.path = None
        return result

    def _died(self) -> Result:
        path = self.path
        self._process.join(1)
        code = self._process.exitcode
        self.stop()
        return Skipped(path, f"reading it stopped the reader (exit status {code})",
                       lasting=False)

    def expire(self) -> Result:
        """Stop a worker past its deadline: the file is skipped with the bound."""
        path = self.path
        self.stop()
        return Skipped(path, f"took longer than {self.timeout:g} s to read; skipped "
                             f"(set {TIMEOUT_ENV} to allow more time)", lasting=False)

    def load(self, path: Path, max_mb: float | None) -> Result:
        """Read one file and wait for it (at most the time bound)."""
        import time

        failed = self.send(path, max_mb)
        if failed is not None:
            return failed
        while self.conn.poll(max(0.0, self.deadline - time.monotonic())
                             if self.timeout else None):
            result = self.receive()
            if result is not None:
                return result
        return self.expire()

    def stop(self) -> None:
        """End the worker at once (it may be stuck in a file)."""
        self.path = None
        if self._process is None:
            return
        self._process.kill()
        self._process.join()
        self.conn.close()
        self._process = self.conn = None

    def close(self) -> None:
        """Let an idle worker finish; kill it if it does not (or is busy)."""
        if self._process is None:
            return
        if self.path is None:
            try:
                self.conn.send(None)
            except OSError:
                pass
            self._process.join(2)
        self.stop()


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


# results read ahead of the one the caller waits for, per worker: bounds the memory
# a slow file can make the others fill while it is read
READ_AHEAD = 8


def _load_pooled(files: list[Path], jobs: int, timeout: float | None, max_mb: float | None,
                 prepare: Prepare | None) -> Iterator[Result]:
    """Read ``files`` in ``jobs`` workers at once; yield the results in file order.

    Each worker holds one file at a time, under its own time bound; at most
    ``READ_AHEAD * jobs`` results wait for an earlier file, so memory stays bounded
    whatever the number of files.
    """
    import time
    from multiprocessing.connection import wait

    workers = [_Worker(timeout, prepare) for _ in range(min(jobs, len(files)))]
    ahead = READ_AHEAD * len(workers)
    ready: dict[int, Result] = {}  # results waiting for an earlier file
    busy: dict[_Worker, int] = {}  # worker -> index of the file it reads
    sent = given = 0
    try:
        while given < len(files):
            for worker in workers:
                if worker in busy or sent >= len(files) or sent >= given + ahead:
                    continue
                failed = worker.send(files[sent], max_mb)
                if failed is None:
                    busy[worker] = sent
                else:
                    ready[sent] = failed
                sent += 1
            if given in ready:
                yield ready.pop(given)
                given += 1
                continue
            first = min(w.deadline for w in busy)
            answered = set(wait([w.conn for w in busy],
                                None if first == float("inf")
                                else max(0.0, first - time.monotonic())))
            now = time.monotonic()
            for worker, index in list(busy.items()):
                if worker.conn in answered:
                    result = worker.receive()
                    if result is None:  # still reading
                        continue
                    ready[index] = result
                elif now >= worker.deadline:
                    ready[index] = worker.expire()
                else:
                    continue
                del busy[worker]
    finally:
        for worker in workers:
            worker.close()


def load_paths(
    paths: PathLike | Iterable[PathLike],
    *,
    on_progress: Callable[[int, int, Result], None] | None = None,
    timeout: float | None = None,
    max_mb: float | None = None,
    jobs: int | None = 1,
    prepare: Prepare | None = None,
) -> Iterator[Result]:
    """Read every file under ``paths``; yield :class:`Loaded` or :class:`Skipped` for each.

    Unsupported kinds, unreadable, empty, binary, too large and non-plan files
    are :class:`Skipped` with the reason. ``on_progress(done, total, result)`` is
    called after each file (``total`` counts the files found before starting).

    Each file is read in a worker process and skipped ("took longer than N s")
    when it takes more than ``timeout`` seconds (:func:`file_timeout`: default
    60, ``$POLICYKG_FILE_TIMEOUT``; 0 reads in this process with no bound, unless
    ``jobs`` asks for several workers).
    ``max_mb`` is the size limit for text files (``$POLICYKG_MAX_FILE_MB``, 50).

    ``jobs`` workers read files at the same time (``None``: one per core); the
    results come in file order whatever ``jobs`` is. ``prepare(plan)``, when given,
    runs in the worker on each plan read and its value is the ``plan`` of the
    :class:`Loaded` result: the work a caller would do next on every plan is shared
    by the workers too, and what is sent back may be far smaller than a plan.
    """
    from policykg.loaders.readers import max_file_mb

    files = list(iter_files(paths))
    total = len(files)
    bound = file_timeout(timeout)
    limit = max_file_mb(max_mb)  # read here: a worker started elsewhere sees the same
    jobs = max(1, os.cpu_count() or 1) if jobs is None else max(1, jobs)
    if files:  # loaded once here, so a forked reader does not spend its first file's time on it
        import_module("policykg.loaders.parse")
    if jobs > 1 and len(files) > 1:
        results = _load_pooled(files, jobs, bound, limit, prepare)
    else:
        results = _load_serial(files, bound, limit, prepare)
    try:
        for done, result in enumerate(results, start=1):
            if on_progress is not None:
                on_progress(done, total, result)
            yield result
    finally:
        results.close()


def _load_serial(files: list[Path], bound: float | None, max_mb: float | None,
                 prepare: Prepare | None) -> Iterator[Result]:
    """One file at a time, in one worker (or in this process when there is no bound)."""
    worker = _Worker(bound, prepare) if bound is not None and files and _can_fork() else None
    try:
        for path in files:
            yield worker.load(path, max_mb) if worker else _load_one(path, max_mb, prepare)
    finally:
        if worker is not None:
            worker.close()

"""policykg: Vietnamese government plans as a knowledge graph.

>>> import policykg
>>> plans = policykg.load("examples/")          # doctest: +SKIP

:func:`load` returns the plans and warns about each file it skipped;
:func:`load_paths` yields a :class:`Loaded` or :class:`Skipped` result per file
for callers who want the details.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

__version__ = "0.8.0"

if TYPE_CHECKING:
    from policykg.loaders.model import Plan

__all__ = [
    "__version__", "open_store", "load", "load_paths", "load_file", "Loaded", "Skipped",
    "LoadError",
]


class SkippedFileWarning(UserWarning):
    """A file given to :func:`load` was not read as a plan."""


def load(
    path_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> list[Plan]:
    """Load plans from files and folders (recursively).

    Returns the plans read; each file that gave none (unsupported kind, scanned
    PDF, not a plan …) is reported with :class:`SkippedFileWarning`, naming the
    file and the reason.
    """
    from policykg.loaders.batch import Loaded, load_paths

    plans: list[Plan] = []
    for result in load_paths(path_or_paths):
        if isinstance(result, Loaded):
            plans.append(result.plan)
        else:
            warnings.warn(str(result), SkippedFileWarning, stacklevel=2)
    return plans


def open_store(path: str | os.PathLike[str] | None = None, **kwargs: Any) -> Any:
    """The persistent store (:class:`policykg.graph.store.Store`) at ``path``.

    Without ``path``: ``$POLICYKG_STORE``, else ``./.policykg/store.db``. The file
    is created by the first :meth:`~policykg.graph.store.Store.ingest`.

    >>> store = policykg.open_store("kg.db")          # doctest: +SKIP
    >>> store.ingest(["plans/"]); graph = store.graph()  # doctest: +SKIP
    """
    from policykg.graph.store import open_store as _open

    return _open(path, **kwargs)


def __getattr__(name: str) -> Any:
    """Load the batch API on first use, so ``import policykg`` stays light."""
    if name in ("load_paths", "load_file", "Loaded", "Skipped"):
        from policykg.loaders import batch

        return getattr(batch, name)
    if name == "LoadError":
        from policykg.loaders.model import LoadError

        return LoadError
    raise AttributeError(f"module 'policykg' has no attribute {name!r}")

"""policykg: Vietnamese government plans as a knowledge graph.

>>> import policykg
>>> plans = policykg.load("examples/")          # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

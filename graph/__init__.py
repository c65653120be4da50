"""The knowledge graph: identities, the embedded store, exports and Neo4j.

Node ids and attributes (every layer relies on these):

``doc:…``        Plan (an ingested plan) or LegalDocument (known from references).
                 Central documents ``doc:36-NQ/TW@2023``; local ones carry their
                 province ``doc:tay-ninh:3300/KH-UBND@2023``, and a commune's or
                 district's that body too ``doc:gia-lai:xa-ia-grai:61/KH-UBND@2025``
                 (:func:`~policykg.graph.identity.document_scope`); an unnumbered one
                 ``doc:<province>:<TYPE>@<date>:<hash>``. Attributes: ``doctype``,
                 ``key``, ``date``, ``year``, ``scope``, ``province`` (node id),
                 ``issuer``, ``title``; a Plan also ``file``, ``sha256``, ``number``,
                 ``signer``, ``signer_capacity``, ``plan_id``, ``format``, ``ref_nodes``
                 (the node id of each of the plan's references, in order) and
                 ``duplicate_files`` when other files gave the same document.
                 A year-less citation resolves to the one dated node of its key in
                 the same plan, else in its scope; with several it keeps its own
                 ``doc:36-NQ/TW`` node whose ``ambiguous`` lists the candidates.
                 A reference without a number (``doc:<province>:CTr:<issuer>:<hash>``)
                 resolves to the plan's one numbered reference of the same type and
                 issuer code when there is exactly one.
``task:<doc id>#<task id>``  Task: ``plan`` (plan node id), ``plan_id``, ``task_id``,
                 ``number``, ``text``, ``section``, ``group``, ``parent`` (task node id),
                 ``deadline``, ``deadline_start``, ``deadline_end``, ``deadline_date``,
                 ``deadline_recurrence``, ``outputs``, ``targets`` (texts), ``steps``,
                 ``province`` (node id), ``file``, ``line_start``, ``line_end``, ``quote``.
``unit:<province>:<org>:<unit>``  Unit: ``name``, ``aliases``, ``category`` (internal,
                 external, collective), ``province`` (node id; None for national bodies),
                 ``org`` (node id), ``unit_kind`` (node id). Internal units sit under the
                 issuing department (``unit:tay-ninh:so-khcn:trung-tam-khcn``); an outside
                 body is its own organisation (``unit:gia-lai:so-cong-thuong:so-cong-thuong``,
                 ``unit:vn:bo-…:bo-…``); a collective of outside bodies has the org id
                 ``org:<province>:all``.
                 Slugs fold spelling and abbreviations (KH&CN = Khoa học và Công nghệ).
``unitkind:<slug>``  UnitKind: ``label``, ``category``.
``org:<province|vn>:<slug>``  Organisation: ``label``, ``scope`` (central, local),
                 ``province`` (node id, local ones).
``province:<slug>``  Province: ``name``, ``current`` (node id of its province after the
                 2025 merger; itself when unchanged), ``current_name``.
                 Every province of :mod:`policykg.ontology.provinces` is a node.
``topic:<id>``   Topic: ``label_vi``, ``label_en``.

Every node has ``kind`` (:class:`policykg.ontology.schema.Kind`) and ``label``;
every edge has ``rel`` (:class:`policykg.ontology.schema.Rel`) and, when read
from text, ``file``, ``line_start``, ``line_end``, ``quote``; links between
documents also carry ``source_plan`` (and ``source_plans``, every plan stating the
link); ``SUPPORTED_BY`` carries ``role`` (support, participate). Edge keys are the
relation's name: at most one edge per (source, target, relation). A plan has one
edge to each document it cites, with its strongest relation.

Modules: :mod:`.identity` (id rules), :mod:`.build` (plans → graph), :mod:`.store`
(the SQLite store the CLI reads and writes).
"""

"""The policykg RDF vocabulary as code, and how the graph is written as RDF.

``PKG`` lists every class, property and individual of ``policykg.ttl``
(namespace ``https://w3id.org/policykg/ontology#``, prefix ``pkg:``); asking it
for a term the ontology lacks raises ``AttributeError``. Instances live under
``ID`` (``https://w3id.org/policykg/id/``, prefix ``pkgid:``).

Writing the networkx graph as RDF
=================================

Node ids → IRIs
    :func:`node_iri` maps a node id to ``ID + <prefix> + "/" + <rest>``, the
    rest percent-encoded as UTF-8 with only ``A-Z a-z 0-9 - . _ ~ : @`` left
    as they are, so a slash, ``#``, space or Vietnamese letter never breaks
    the IRI and :func:`node_id` gives the id back exactly::

        doc:36-NQ/TW@2023          → pkgid:doc/36-NQ%2FTW@2023
        doc:gia-lai:673/QĐ-TTg@2022 → pkgid:doc/gia-lai:673%2FQ%C4%90-TTg@2022
        task:doc:x:19/KH-SKHCN@2024#1.2 → pkgid:task/doc:x:19%2FKH-SKHCN@2024%231.2
        topic:ip                   → pkgid:topic/ip (the concept of topics.ttl)

    The ids are not slugged: slugging would merge ``36-NQ/TW`` with
    ``36/NQ-TW``. Topic IRIs are those of ``topics.ttl``. A document may also
    link its type concept of ``doctypes.ttl``: ``pkg:documentType``
    :func:`doctype_iri` ``(doctype)``, beside the code in ``pkg:doctype``.

Node kinds → classes
    ``rdf:type`` :data:`KIND_CLASS` ``[kind]``; ``label`` → ``rdfs:label``.
    A Plan is typed ``pkg:Plan`` only (it is a subclass of ``pkg:LegalDocument``).

Node attributes → properties
    :data:`LITERAL_ATTRIBUTES` gives the property of each literal-valued
    attribute; :func:`attribute_literal` makes the literal with the right
    datatype (``year``, ``line_start``, ``deadline_start`` … are ``xsd:integer``;
    ``date`` is ``xsd:date``/``xsd:gYearMonth``/``xsd:gYear`` by precision, see
    :func:`date_literal`; the rest plain strings). List-valued ``outputs`` and
    ``steps`` give one ``pkg:output``/``pkg:step`` per item. ``label_vi`` and
    ``label_en`` become ``skos:prefLabel`` with language tags ``vi``/``en``, a
    unit's ``aliases`` ``skos:altLabel`` tagged ``vi``.
    :data:`REFERENCE_ATTRIBUTES` gives the object property of attributes that
    hold another node's id (``province`` → ``pkg:inProvince``, ``plan`` →
    ``pkg:plan``, ``org`` → ``pkg:partOf``, ``unit_kind`` → ``pkg:ofKind``,
    ``current`` → ``pkg:currentProvince``); write them even when the matching
    edge exists, the triple is the same. A target (``{"text", "value", "unit"}``)
    becomes a ``pkg:Target`` node (IRI ``<task iri>/target/<n>``, n from 1) linked
    by ``pkg:hasTarget`` with ``pkg:text``, ``pkg:targetValue`` (``xsd:decimal``)
    and ``pkg:targetUnit``. ``None`` and empty values are left out. Write
    ``pkg:scope "central"`` on central documents, organisations and units: the
    shapes want every unit to have ``pkg:inProvince`` or central scope, and a
    ``pkg:partOf`` unless its ``pkg:category`` is ``"collective"``.

Edges → triples
    Each edge gives ``<source> REL_PROPERTY[rel] <target>``.

Edge provenance (one pattern for every edge read from text)
    An edge with ``file``/``line_start``/``line_end``/``quote`` also gets a
    ``pkg:Evidence`` node, a reified statement, IRI :func:`statement_iri`::

        <st> a pkg:Evidence ;
             rdf:subject <source> ; rdf:predicate pkg:ledBy ; rdf:object <target> ;
             pkg:sourceFile "seeds/001.txt" ; pkg:lineStart 40 ; pkg:lineEnd 41 ;
             pkg:quote "Đơn vị chủ trì tham mưu: …" ;
             pkg:sourcePlan <plan> .                   # edge attr source_plan

    For ``LED_BY`` and ``SUPPORTED_BY`` the same node is also the PROV
    qualified association of the task::

        <task> prov:qualifiedAssociation <st> .
        <st> a prov:Association ; prov:agent <unit> ; prov:hadRole pkg:LeadRole .

    with the role from :data:`ROLE` (``LED_BY`` → ``"lead"``; ``SUPPORTED_BY``
    uses the edge's ``role``, ``"support"`` when absent). Task nodes carry their
    own provenance directly: ``pkg:sourceFile``, ``pkg:lineStart``,
    ``pkg:lineEnd`` and ``pkg:plan``.

Validation
    ``shapes.ttl`` (:data:`SHAPES_FILE`) holds SHACL shapes; validate with
    ``pyshacl.validate(data, shacl_graph=…, ont_graph=…)`` passing
    :data:`ONTOLOGY_FILE` as the ontology so subclasses are seen.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import quote, unquote

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDFS, SDO, SKOS, XSD, DefinedNamespace

from policykg.ontology.normalize import slug
from policykg.ontology.schema import Kind, Rel

__all__ = [
    "PKG", "ID", "ELI", "CV", "PPLAN", "ORG", "PROV", "SKOS", "DCTERMS", "SDO",
    "ONTOLOGY_FILE", "SHAPES_FILE", "TOPICS_FILE", "DOCTYPES_FILE",
    "TOPIC_SCHEME", "DOCTYPE_SCHEME", "PREFIXES",
    "KIND_CLASS", "REL_PROPERTY", "ROLE", "LITERAL_ATTRIBUTES", "REFERENCE_ATTRIBUTES",
    "INTEGER_ATTRIBUTES", "EVIDENCE_ATTRIBUTES",
    "node_iri", "node_id", "statement_iri", "doctype_iri", "date_literal", "attribute_literal",
    "bind_prefixes",
]

_HERE = Path(__file__).resolve().parent
ONTOLOGY_FILE = _HERE / "policykg.ttl"
SHAPES_FILE = _HERE / "shapes.ttl"
TOPICS_FILE = _HERE / "topics.ttl"
DOCTYPES_FILE = _HERE / "doctypes.ttl"

ID = Namespace("https://w3id.org/policykg/id/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
CV = Namespace("http://data.europa.eu/m8g/")
PPLAN = Namespace("http://purl.org/net/p-plan#")

TOPIC_SCHEME = ID["scheme/topics"]
DOCTYPE_SCHEME = ID["scheme/doctypes"]


class PKG(DefinedNamespace):
    """Terms of the policykg ontology (``policykg.ttl``)."""

    _NS = Namespace("https://w3id.org/policykg/ontology#")
    _fail = True

    # Classes: one per graph node kind.
    Plan: URIRef  # an ingested plan (Kế hoạch); subclass of LegalDocument
    LegalDocument: URIRef  # a document (Văn bản) identified by number/symbol and date
    Task: URIRef  # one duty of a plan (Nhiệm vụ)
    Unit: URIRef  # a unit scoped to organisation and province (Đơn vị)
    UnitKind: URIRef  # the kind of a unit, for comparing provinces
    Organisation: URIRef  # issuing body or a unit's organisation
    Province: URIRef  # province or centrally governed city
    Topic: URIRef  # a duty area of topics.ttl
    # Supporting classes.
    PublicBody: URIRef  # a state organisation (CPOV PublicOrganisation)
    Evidence: URIRef  # reified statement with file, lines and quote
    Role: URIRef  # lead / support / participant
    Target: URIRef  # numeric target of a task
    ProvinceMerger: URIRef  # the 2025 merger of provinces (org:ChangeEvent)
    DocumentType: URIRef  # concept of doctypes.ttl
    # Role individuals.
    LeadRole: URIRef  # chủ trì
    SupportRole: URIRef  # phối hợp
    ParticipantRole: URIRef  # tham gia

    # Object properties: one per graph relation.
    implements: URIRef  # thực hiện / triển khai (⊑ eli:applies)
    basedOn: URIRef  # căn cứ / trên cơ sở (⊑ eli:based_on)
    mentions: URIRef  # cited elsewhere (⊑ eli:cites)
    issuedBy: URIRef  # document → organisation (⊑ eli:passed_by)
    hasTask: URIRef  # plan → top-level task
    hasSubtask: URIRef  # task → task
    ledBy: URIRef  # task → unit, chủ trì
    supportedBy: URIRef  # task → unit, phối hợp / tham gia
    partOf: URIRef  # unit → organisation (⊑ org:unitOf)
    ofKind: URIRef  # unit → unit kind
    inProvince: URIRef  # → province
    about: URIRef  # task → topic
    mergedInto: URIRef  # province → province
    # Further object properties.
    plan: URIRef  # task (any depth) → its plan (⊑ p-plan:isStepOfPlan)
    currentProvince: URIRef  # province → its province today
    documentType: URIRef  # document → type concept (⊑ eli:type_document)
    sourcePlan: URIRef  # evidence → plan it was read from (⊑ prov:wasDerivedFrom)
    ambiguousWith: URIRef  # year-less citation → each dated document it may mean
    hasTarget: URIRef  # task → target
    mergedProvince: URIRef  # merger → old province
    resultingProvince: URIRef  # merger → new province

    # Datatype properties.
    key: URIRef  # "36-NQ/TW" (⊑ eli:id_local, dcterms:identifier)
    doctype: URIRef  # type code "NQ", "KH", "QĐ"
    date: URIRef  # xsd:date / gYearMonth / gYear (⊑ eli:date_document)
    year: URIRef  # xsd:integer
    scope: URIRef  # "central" | "local"
    number: URIRef  # plan's printed number/symbol; task's printed number
    title: URIRef  # ⊑ dcterms:title
    issuerName: URIRef  # issuer as written
    planId: URIRef  # loader's plan id
    taskId: URIRef  # task id within its plan
    sourceFormat: URIRef  # "txt", "docx", "pdf" …
    sha256: URIRef  # of the source file
    duplicateFile: URIRef  # another file that gave the same document
    signer: URIRef
    signerCapacity: URIRef
    sourceFile: URIRef  # provenance: path of the file
    lineStart: URIRef  # provenance: first line, 1-based
    lineEnd: URIRef  # provenance: last line, inclusive
    quote: URIRef  # provenance: words as written
    text: URIRef  # task text as written; target text
    section: URIRef
    group: URIRef
    deadlineText: URIRef  # deadline as written
    deadlineStart: URIRef  # xsd:integer year
    deadlineEnd: URIRef  # xsd:integer year
    deadlineDate: URIRef  # dated deadline (⊑ schema:endTime)
    recurrence: URIRef  # "ongoing" | "yearly" | "half-yearly" | "quarterly" | "monthly"
    output: URIRef  # one per output
    step: URIRef  # one per step
    targetValue: URIRef  # xsd:decimal
    targetUnit: URIRef
    name: URIRef  # canonical name (⊑ rdfs:label)
    category: URIRef  # "internal" | "external" | "collective"
    keyword: URIRef  # topic keyword (strong)
    weakKeyword: URIRef  # topic keyword that needs company
    stopPhrase: URIRef  # scheme-level phrase that never assigns a topic
    effectiveDate: URIRef  # of a province merger


PREFIXES: dict[str, Namespace | str] = {
    "pkg": PKG._NS,
    "pkgid": ID,
    "eli": ELI,
    "org": ORG._NS,
    "cv": CV,
    "p-plan": PPLAN,
    "prov": PROV._NS,
    "skos": SKOS._NS,
    "dcterms": DCTERMS._NS,
    "schema": SDO._NS,
}


def bind_prefixes(graph) -> None:
    """Bind the usual prefixes on an rdflib graph, for readable Turtle."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)


KIND_CLASS: dict[Kind, URIRef] = {
    Kind.PLAN: PKG.Plan,
    Kind.DOCUMENT: PKG.LegalDocument,
    Kind.TASK: PKG.Task,
    Kind.UNIT: PKG.Unit,
    Kind.UNIT_KIND: PKG.UnitKind,
    Kind.ORGANISATION: PKG.Organisation,
    Kind.PROVINCE: PKG.Province,
    Kind.TOPIC: PKG.Topic,
}

REL_PROPERTY: dict[Rel, URIRef] = {
    Rel.IMPLEMENTS: PKG.implements,
    Rel.BASED_ON: PKG.basedOn,
    Rel.MENTIONS: PKG.mentions,
    Rel.ISSUED_BY: PKG.issuedBy,
    Rel.HAS_TASK: PKG.hasTask,
    Rel.HAS_SUBTASK: PKG.hasSubtask,
    Rel.LED_BY: PKG.ledBy,
    Rel.SUPPORTED_BY: PKG.supportedBy,
    Rel.PART_OF: PKG.partOf,
    Rel.OF_KIND: PKG.ofKind,
    Rel.IN_PROVINCE: PKG.inProvince,
    Rel.ABOUT: PKG.about,
    Rel.MERGED_INTO: PKG.mergedInto,
}

# Unit roles (loaders.model.Role, edge attribute ``role``) → role individuals.
ROLE: dict[str, URIRef] = {
    "lead": PKG.LeadRole,
    "support": PKG.SupportRole,
    "participate": PKG.ParticipantRole,
}

# Node attributes holding a literal → the property that carries it.
LITERAL_ATTRIBUTES: dict[str, URIRef] = {
    "label": RDFS.label,
    "key": PKG.key,
    "doctype": PKG.doctype,
    "date": PKG.date,
    "year": PKG.year,
    "scope": PKG.scope,
    "issuer": PKG.issuerName,
    "title": PKG.title,
    "file": PKG.sourceFile,
    "sha256": PKG.sha256,
    "number": PKG.number,
    "signer": PKG.signer,
    "signer_capacity": PKG.signerCapacity,
    "plan_id": PKG.planId,
    "task_id": PKG.taskId,
    "format": PKG.sourceFormat,
    "quote": PKG.quote,
    "text": PKG.text,
    "section": PKG.section,
    "group": PKG.group,
    "deadline": PKG.deadlineText,
    "deadline_start": PKG.deadlineStart,
    "deadline_end": PKG.deadlineEnd,
    "deadline_date": PKG.deadlineDate,
    "deadline_recurrence": PKG.recurrence,
    "outputs": PKG.output,
    "steps": PKG.step,
    "line_start": PKG.lineStart,
    "line_end": PKG.lineEnd,
    "name": PKG.name,
    "category": PKG.category,
    "label_vi": SKOS.prefLabel,
    "label_en": SKOS.prefLabel,
    "aliases": SKOS.altLabel,  # every spelling of a unit's name seen in plans
    "duplicate_files": PKG.duplicateFile,
}

# Node attributes holding another node's id → the object property.
REFERENCE_ATTRIBUTES: dict[str, URIRef] = {
    "province": PKG.inProvince,
    "plan": PKG.plan,
    "org": PKG.partOf,
    "unit_kind": PKG.ofKind,
    "current": PKG.currentProvince,
    "ambiguous": PKG.ambiguousWith,
}

# Edge attributes written on the pkg:Evidence node.
EVIDENCE_ATTRIBUTES: dict[str, URIRef] = {
    "file": PKG.sourceFile,
    "line_start": PKG.lineStart,
    "line_end": PKG.lineEnd,
    "quote": PKG.quote,
    "source_plan": PKG.sourcePlan,  # a node id: write node_iri(value)
    "source_plans": PKG.sourcePlan,  # every plan stating the link (node ids)
}

INTEGER_ATTRIBUTES: frozenset[str] = frozenset(
    {"year", "line_start", "line_end", "deadline_start", "deadline_end"}
)
_DATE_ATTRIBUTES = frozenset({"date", "deadline_date"})
_LANGUAGE = {"label_vi": "vi", "label_en": "en", "aliases": "vi"}

# Characters kept as they are in the local part of an instance IRI.
_SAFE = "-._~:@"
_PREFIX = re.compile(r"[a-z][a-z0-9_]*")


def node_iri(node_id: str) -> URIRef:
    """The IRI of a graph node: ``doc:36-NQ/TW@2023`` → ``pkgid:doc/36-NQ%2FTW@2023``."""
    prefix, sep, rest = node_id.partition(":")
    if sep and _PREFIX.fullmatch(prefix):
        return ID[f"{prefix}/{quote(rest, safe=_SAFE)}"]
    return ID[quote(node_id, safe=_SAFE)]


def node_id(iri: str) -> str:
    """The graph node id of an IRI made by :func:`node_iri` (its exact inverse)."""
    base = str(ID)
    if not str(iri).startswith(base):
        raise ValueError(f"not a policykg instance IRI: {iri}")
    path = str(iri)[len(base):]
    prefix, sep, rest = path.partition("/")
    if sep:
        return f"{prefix}:{unquote(rest)}"
    return unquote(path)


def statement_iri(source: str, rel: str, target: str, *, file: str | None = None,
                  line_start: int | None = None) -> URIRef:
    """A stable IRI for the evidence of one edge (same edge, same place → same IRI)."""
    parts = [source, str(rel), target, file or "", "" if line_start is None else str(line_start)]
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
    return ID[f"statement/{digest}"]


def doctype_iri(code: str) -> URIRef:
    """The concept of a document type code in ``doctypes.ttl``: ``"QĐ"`` → ``pkgid:doctype/qd``."""
    return ID[f"doctype/{slug(code)}"]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")
_ISO_YEAR = re.compile(r"\d{4}")


def date_literal(iso: str) -> Literal:
    """A typed literal for an ISO date of any precision (``2023-01-30``, ``2021-01``, ``2021``).

    Text that is no ISO date stays a plain string, so nothing is lost.
    """
    value = str(iso).strip()
    if _ISO_DATE.fullmatch(value):
        return Literal(value, datatype=XSD.date)
    if _ISO_MONTH.fullmatch(value):
        return Literal(value, datatype=XSD.gYearMonth)
    if _ISO_YEAR.fullmatch(value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


def attribute_literal(attribute: str, value: object) -> Literal:
    """The literal for one value of a node attribute listed in :data:`LITERAL_ATTRIBUTES`."""
    if attribute in INTEGER_ATTRIBUTES:
        return Literal(int(value), datatype=XSD.integer)
    if attribute in _DATE_ATTRIBUTES:
        return date_literal(str(value))
    if attribute in _LANGUAGE:
        return Literal(str(value), lang=_LANGUAGE[attribute])
    return Literal(str(value))

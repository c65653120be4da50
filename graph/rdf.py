"""The RDF view of the knowledge graph, for SPARQL, SHACL and the RDF exports.

The mapping is the one :mod:`policykg.ontology.vocab` documents: node ids become
IRIs under ``pkgid:`` (:func:`node_iri`, reversible with :func:`node_id`), kinds
become classes, attributes datatype properties (a list gives one triple per item,
integers ``xsd:integer``, dates ``xsd:date``/``gYearMonth``/``gYear`` by precision,
labels tagged ``@vi``), attributes holding node ids object properties, targets
``pkg:Target`` nodes, and edges object properties. An edge read from text keeps its
provenance on a ``pkg:Evidence`` node (a reified statement); a lead or support
edge's evidence is also the task's PROV qualified association with the unit's role.
Attributes the ontology has no property for are left out of the RDF view.

Counting, for checks: every graph node is one subject typed with a kind's class
(:func:`count_nodes`); every distinct ``(source, rel, target)`` of the graph is one
triple with a relation property (:func:`edge_triples`). Attributes that name another
node add triples with the same properties (a task's ``province`` gives
``pkg:inProvince``), so :func:`count_edges` counts those too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

import networkx as nx
from rdflib import OWL, PROV, RDF, RDFS, XSD, Graph, Literal, URIRef

from policykg.ontology import vocab
from policykg.ontology.schema import Kind, Rel
from policykg.ontology.vocab import (
    ID,
    KIND_CLASS,
    LITERAL_ATTRIBUTES,
    PKG,
    REFERENCE_ATTRIBUTES,
    REL_PROPERTY,
    ROLE,
    attribute_literal,
    node_id,
    node_iri,
)

__all__ = [
    "PKGID",
    "PREFIXES",
    "node_iri",
    "node_id",
    "to_rdf",
    "clean_text",
    "count_nodes",
    "count_edges",
    "edge_triples",
]

PKGID = ID
# Prefixes bound on exports and predeclared for SPARQL.
PREFIXES: dict[str, str] = {
    **{prefix: str(ns) for prefix, ns in vocab.PREFIXES.items()},
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
}

# Attributes shown as Vietnamese text: the label (as the brief for exports asks).
_VIETNAMESE = frozenset({"label"})
# Kinds whose nodes carry a scope; ``vn`` as the id's scope segment means central.
_SCOPED = frozenset({Kind.ORGANISATION.value, Kind.UNIT.value})
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EVIDENCE_KEYS = ("file", "line_start", "line_end", "quote")
_ROLE_RELS = {Rel.LED_BY.value: "lead", Rel.SUPPORTED_BY.value: "support"}


def clean_text(text: str) -> str:
    """``text`` without the control characters XML 1.0 (GraphML, GEXF) cannot hold."""
    return _XML_BAD.sub("", text)


def _items(value: Any) -> list[Any]:
    """One value or a list of them, without ``None`` and empty strings."""
    if value is None:
        return []
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
    else:
        items = [value]
    return [v for v in items if v is not None and not (isinstance(v, str) and not v.strip())]


def _literal(attr: str, value: Any) -> Literal | None:
    if isinstance(value, str):
        value = clean_text(value)
    try:
        lit = attribute_literal(attr, value)
    except (TypeError, ValueError):  # an integer attribute holding text: keep the text
        lit = Literal(str(value))
    if attr in _VIETNAMESE and lit.datatype is None and lit.language is None:
        lit = Literal(str(lit), lang="vi")
    return lit


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _rel(value: Any) -> Rel | None:
    try:
        return Rel(str(value))
    except ValueError:
        return None


def _scope_of(nid: str, data: dict[str, Any]) -> str | None:
    """``central`` for an organisation or unit of a nationwide body (``org:vn:…``)."""
    if data.get("scope") or data.get("kind") not in _SCOPED or data.get("province"):
        return None
    parts = nid.split(":")
    return "central" if len(parts) > 1 and parts[1] == "vn" else None


def _add_targets(out: Graph, task: URIRef, targets: Any) -> None:
    for n, target in enumerate(_items(targets), start=1):
        if not isinstance(target, dict):
            continue
        node = URIRef(f"{task}/target/{n}")
        out.add((task, PKG.hasTarget, node))
        out.add((node, RDF.type, PKG.Target))
        if target.get("text"):
            out.add((node, PKG.text, Literal(clean_text(str(target["text"])))))
        if target.get("value") is not None:
            try:
                number = Decimal(str(target["value"]))
                out.add((node, PKG.targetValue, Literal(number, datatype=XSD.decimal)))
            except InvalidOperation:
                pass
        if target.get("unit"):
            out.add((node, PKG.targetUnit, Literal(clean_text(str(target["unit"])))))


def _add_node(out: Graph, nid: str, data: dict[str, Any]) -> None:
    subject = node_iri(nid)
    cls = KIND_CLASS.get(data.get("kind"))  # type: ignore[call-overload]
    if cls is not None:
        out.add((subject, RDF.type, cls))
    for attr, value in data.items():
        if attr in LITERAL_ATTRIBUTES:
            prop = LITERAL_ATTRIBUTES[attr]
            for item in _items(value):
                lit = _literal(attr, item)
                if lit is not None:
                    out.add((subject, prop, lit))
        elif attr in REFERENCE_ATTRIBUTES:
            for item in _items(value):
                out.add((subject, REFERENCE_ATTRIBUTES[attr], node_iri(str(item))))
        elif attr == "targets":
            _add_targets(out, subject, value)
    scope = _scope_of(nid, data)
    if scope:
        out.add((subject, PKG.scope, Literal(scope)))


def _add_edge(out: Graph, u: str, v: str, data: dict[str, Any]) -> None:
    rel = _rel(data.get("rel"))
    if rel is None:
        return
    s, p, o = node_iri(u), REL_PROPERTY[rel], node_iri(v)
    out.add((s, p, o))
    has_evidence = any(data.get(k) is not None for k in _EVIDENCE_KEYS)
    role = _ROLE_RELS.get(rel.value)
    if not has_evidence and role is None:
        return
    file = data.get("file")
    st = vocab.statement_iri(u, rel.value, v, file=str(file) if file is not None else None,
                             line_start=_int(data.get("line_start")))
    if has_evidence:
        out.add((st, RDF.type, PKG.Evidence))
        out.add((st, RDF.subject, s))
        out.add((st, RDF.predicate, p))
        out.add((st, RDF.object, o))
        for attr, prop in vocab.EVIDENCE_ATTRIBUTES.items():
            for item in _items(data.get(attr)):
                if attr in ("source_plan", "source_plans"):
                    out.add((st, prop, node_iri(str(item))))
                elif attr in ("line_start", "line_end"):
                    if _int(item) is not None:
                        out.add((st, prop, Literal(_int(item), datatype=XSD.integer)))
                else:
                    out.add((st, prop, Literal(clean_text(str(item)))))
    if role is not None:
        if rel is Rel.SUPPORTED_BY:
            role = str(data.get("role") or "support")
        out.add((s, PROV.qualifiedAssociation, st))
        out.add((st, RDF.type, PROV.Association))
        out.add((st, PROV.agent, o))
        out.add((st, PROV.hadRole, ROLE.get(role, PKG.SupportRole)))


def to_rdf(g: nx.MultiDiGraph) -> Graph:
    """The RDF graph of ``g`` (see the module docstring for the mapping)."""
    out = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns, override=True)
    for nid, data in g.nodes(data=True):
        _add_node(out, str(nid), data)
    edges: Iterable[tuple[Any, Any, dict[str, Any]]] = g.edges(data=True)
    for u, v, data in edges:
        _add_edge(out, str(u), str(v), data)
    return out


def kind_classes() -> dict[URIRef, str]:
    """Class IRI → kind, for every node kind."""
    return {cls: kind.value for kind, cls in KIND_CLASS.items()}


def relation_properties() -> dict[URIRef, str]:
    """Object property IRI → relation, for every relation."""
    return {prop: rel.value for rel, prop in REL_PROPERTY.items()}


def count_nodes(rdf: Graph) -> int:
    """Subjects typed with a node kind's class: the node count of the graph."""
    classes = set(kind_classes())
    return len({s for s, o in rdf.subject_objects(RDF.type) if o in classes})


def count_edges(rdf: Graph) -> int:
    """Triples whose predicate is a relation property (see the module docstring)."""
    props = set(relation_properties())
    return sum(1 for _, p, o in rdf if p in props and isinstance(o, URIRef))


def edge_triples(g: nx.MultiDiGraph) -> set[tuple[URIRef, URIRef, URIRef]]:
    """The relation triple of every edge of ``g`` (parallel edges give one)."""
    found = set()
    for u, v, data in g.edges(data=True):
        rel = _rel(data.get("rel"))
        if rel is not None:
            found.add((node_iri(str(u)), REL_PROPERTY[rel], node_iri(str(v))))
    return found

"""The RDF vocabulary: OWL terms, SHACL shapes, schemes and the id → IRI mapping."""

from __future__ import annotations

import re

import pyshacl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, SKOS, XSD

import policykg.graph
from policykg.ontology import vocab
from policykg.ontology.doctypes import DOCTYPES
from policykg.ontology.schema import Kind, Rel
from policykg.ontology.vocab import (
    ID,
    PKG,
    doctype_iri,
    node_id,
    node_iri,
    statement_iri,
)

PKG_NS = str(PKG._NS)


@pytest.fixture(scope="module")
def owl() -> Graph:
    return Graph().parse(vocab.ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(vocab.SHAPES_FILE, format="turtle")


@pytest.fixture(scope="module")
def topics_graph() -> Graph:
    return Graph().parse(vocab.TOPICS_FILE, format="turtle")


@pytest.fixture(scope="module")
def doctypes_graph() -> Graph:
    return Graph().parse(vocab.DOCTYPES_FILE, format="turtle")


def _pkg_terms_used(graph: Graph) -> set[str]:
    """Local names of every pkg: IRI appearing anywhere in ``graph``."""
    names = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(PKG_NS):
                names.add(str(term)[len(PKG_NS):])
    return names


def _defined_terms(owl: Graph) -> set[str]:
    return {str(s)[len(PKG_NS):] for s in owl.subjects(RDF.type, None)
            if isinstance(s, URIRef) and str(s).startswith(PKG_NS)}


def _langs(graph: Graph, subject: URIRef, prop: URIRef) -> set[str | None]:
    return {getattr(o, "language", None) for o in graph.objects(subject, prop)}


# --- OWL ---------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_is_a_class_with_vi_and_en_labels(owl: Graph, kind: Kind) -> None:
    cls = vocab.KIND_CLASS[kind]
    assert cls == PKG[kind.value], "the Kind's value is the OWL class name"
    assert (cls, RDF.type, OWL.Class) in owl
    assert {"vi", "en"} <= _langs(owl, cls, RDFS.label)


@pytest.mark.parametrize("rel", list(Rel))
def test_every_relation_is_an_object_property_with_vi_and_en_labels(owl: Graph, rel: Rel) -> None:
    prop = vocab.REL_PROPERTY[rel]
    assert (prop, RDF.type, OWL.ObjectProperty) in owl
    assert {"vi", "en"} <= _langs(owl, prop, RDFS.label)
    assert list(owl.objects(prop, RDFS.subPropertyOf)), f"{prop} links out to no public property"


def test_every_term_has_vi_and_en_labels_and_a_comment(owl: Graph) -> None:
    for name in sorted(_defined_terms(owl)):
        term = PKG[name]
        assert {"vi", "en"} <= _langs(owl, term, RDFS.label), name
        assert list(owl.objects(term, RDFS.comment)), name


def test_vocab_module_and_ontology_list_the_same_terms(owl: Graph) -> None:
    in_code = {name for name in PKG.__annotations__ if not name.startswith("_")}
    assert in_code == _defined_terms(owl)


def test_unknown_term_is_refused() -> None:
    with pytest.raises(AttributeError):
        PKG.implementedBy  # noqa: B018


def test_alignments_use_current_public_terms(owl: Graph) -> None:
    eli = "http://data.europa.eu/eli/ontology#"
    parents = {str(o) for o in owl.objects(None, RDFS.subPropertyOf)}
    assert eli + "implements" not in parents, "eli:implements is deprecated"
    assert (PKG.implements, RDFS.subPropertyOf, URIRef(eli + "applies")) in owl
    assert (PKG.basedOn, RDFS.subPropertyOf, URIRef(eli + "based_on")) in owl
    assert (PKG.LegalDocument, RDFS.subClassOf, URIRef(eli + "LegalResource")) in owl
    assert (PKG.Task, RDFS.subClassOf, URIRef("http://purl.org/net/p-plan#Step")) in owl
    assert (PKG.LeadRole, RDF.type, PKG.Role) in owl
    assert (PKG.Role, RDFS.subClassOf, PROV.Role) in owl


def test_every_role_of_the_model_has_an_individual(owl: Graph) -> None:
    from typing import get_args

    from policykg.loaders.model import Role

    assert set(vocab.ROLE) == set(get_args(Role))
    for individual in vocab.ROLE.values():
        assert (individual, RDF.type, PKG.Role) in owl


def test_other_files_use_only_defined_terms(owl: Graph, shapes: Graph, topics_graph: Graph,
                                            doctypes_graph: Graph) -> None:
    defined = _defined_terms(owl)
    for graph in (shapes, topics_graph, doctypes_graph):
        assert _pkg_terms_used(graph) <= defined


def _documented_attributes() -> set[str]:
    """Attribute names the graph package documents (````name```` in its docstring)."""
    doc = policykg.graph.__doc__ or ""
    return set(re.findall(r"``([a-z_]+)``", doc))


def test_every_documented_graph_attribute_has_a_property() -> None:
    documented = _documented_attributes()
    assert {"doctype", "line_start", "category"} <= documented, "graph docstring changed shape"
    mapped = (set(vocab.LITERAL_ATTRIBUTES) | set(vocab.REFERENCE_ATTRIBUTES)
              | set(vocab.EVIDENCE_ATTRIBUTES))
    # Written structurally: kind → rdf:type, rel → the property, role → prov:hadRole,
    # targets → pkg:Target nodes; parent → pkg:hasSubtask, ref_nodes → the plan's citation
    # properties, current_name → the label of the pkg:currentProvince node.
    structural = {"kind", "rel", "role", "targets", "parent", "ref_nodes", "current_name"}
    assert documented - mapped - structural == set()


# --- node ids → IRIs -----------------------------------------------------------

_IRI_SAFE = re.compile(r"[A-Za-z0-9\-._~:@%/]+")


@pytest.mark.parametrize("node", [
    "doc:36-NQ/TW@2023",
    "doc:tay-ninh:3300/KH-UBND@2023",
    "doc:gia-lai:673/QĐ-TTg@2022",
    "task:doc:lang-son:19/KH-SKHCN@2024#Nhiệm vụ 1",
    "unit:tay-ninh:so-khcn:phong-quan-ly-khoa-hoc",
    "doc:bac-giang:KH@2021-01:ab12cd",
    "topic:ip",
])
def test_node_ids_become_valid_iris_and_back(node: str) -> None:
    iri = node_iri(node)
    assert str(iri).startswith(str(ID))
    assert _IRI_SAFE.fullmatch(str(iri)[len("https://"):]), iri
    assert node_id(iri) == node


@given(st.text(min_size=1, max_size=40))
def test_any_node_id_round_trips(node: str) -> None:
    iri = node_iri(node)
    assert _IRI_SAFE.fullmatch(str(iri)[len("https://"):])
    assert node_id(iri) == node


def test_ids_that_differ_only_by_slash_stay_apart() -> None:
    assert node_iri("doc:36-NQ/TW@2023") != node_iri("doc:36/NQ-TW@2023")


def test_foreign_iri_is_refused() -> None:
    with pytest.raises(ValueError, match="not a policykg instance IRI"):
        node_id("http://example.org/doc/1")


def test_iris_survive_turtle_and_ntriples() -> None:
    graph = Graph()
    vocab.bind_prefixes(graph)
    doc = node_iri("doc:gia-lai:673/QĐ-TTg@2022")
    task = node_iri("task:doc:x:1/KH-SKHCN@2024#1.2")
    graph.add((task, PKG.plan, doc))
    for fmt in ("turtle", "nt"):
        again = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
        assert set(again) == set(graph)


def test_statement_iri_is_stable_and_distinguishes_places() -> None:
    a = statement_iri("task:1", Rel.LED_BY, "unit:1", file="a.txt", line_start=3)
    assert a == statement_iri("task:1", Rel.LED_BY, "unit:1", file="a.txt", line_start=3)
    assert a != statement_iri("task:1", Rel.LED_BY, "unit:1", file="a.txt", line_start=4)
    assert a != statement_iri("task:1", Rel.SUPPORTED_BY, "unit:1", file="a.txt", line_start=3)


@pytest.mark.parametrize("iso, datatype", [
    ("2023-01-30", XSD.date), ("2021-01", XSD.gYearMonth), ("2021", XSD.gYear),
])
def test_dates_keep_their_precision(iso: str, datatype: URIRef) -> None:
    literal = vocab.date_literal(iso)
    assert literal.datatype == datatype and str(literal) == iso


def test_text_that_is_no_date_is_kept_as_text() -> None:
    assert vocab.date_literal("quý I/2024") == Literal("quý I/2024")


def test_attribute_literals_are_typed() -> None:
    assert vocab.attribute_literal("line_start", "12") == Literal(12)
    assert vocab.attribute_literal("label_vi", "Sở hữu trí tuệ").language == "vi"
    assert vocab.attribute_literal("key", "36-NQ/TW") == Literal("36-NQ/TW")


# --- schemes -------------------------------------------------------------------

def test_topic_iris_are_the_topic_scheme_concepts(topics_graph: Graph) -> None:
    from policykg.ontology.topics import TOPICS

    assert TOPICS
    for topic in TOPICS.values():
        iri = node_iri(topic.node_id)
        assert (iri, RDF.type, PKG.Topic) in topics_graph
        assert (iri, SKOS.inScheme, vocab.TOPIC_SCHEME) in topics_graph


def test_every_document_type_code_has_a_concept(doctypes_graph: Graph) -> None:
    iris = [doctype_iri(dt.code) for dt in DOCTYPES]
    assert len(set(iris)) == len(iris), "two type codes share a concept IRI"
    for dt, iri in zip(DOCTYPES, iris, strict=True):
        assert (iri, SKOS.notation, Literal(dt.code)) in doctypes_graph, dt.code
        assert {"vi", "en"} <= _langs(doctypes_graph, iri, SKOS.prefLabel), dt.code


# --- SHACL -----------------------------------------------------------------------

PLAN = "doc:tay-ninh:19/KH-SKHCN@2024"
TASK = f"task:{PLAN}#1"


def _conforming_graph() -> Graph:
    """A small plan with one task, a lead unit and edge evidence, as the graph writes it."""
    g = Graph()
    plan, task = node_iri(PLAN), node_iri(TASK)
    unit = node_iri("unit:tay-ninh:so-khcn:phong-quan-ly-khoa-hoc")
    central_unit = node_iri("unit:vn:bo-khcn:cuc-so-huu-tri-tue")
    group = node_iri("unit:tay-ninh:all:cac-so-ban-nganh-tinh")
    org, central_org = node_iri("org:tay-ninh:so-khcn"), node_iri("org:vn:bo-khcn")
    province = node_iri("province:tay-ninh")
    parent = node_iri("doc:36-NQ/TW@2023")
    topic = node_iri("topic:biotech")
    lit = vocab.attribute_literal
    triples = [
        (plan, RDF.type, PKG.Plan), (plan, PKG.doctype, lit("doctype", "KH")),
        (plan, PKG.key, lit("key", "19/KH-SKHCN")), (plan, PKG.year, lit("year", 2024)),
        (plan, PKG.date, lit("date", "2024-01-31")), (plan, PKG.sourceFile, lit("file", "a.txt")),
        (plan, PKG.sha256, lit("sha256", "0f" * 32)), (plan, PKG.hasTask, task),
        (plan, PKG.inProvince, province), (plan, PKG.implements, parent),
        (plan, PKG.issuedBy, org),
        (parent, RDF.type, PKG.LegalDocument), (parent, PKG.doctype, lit("doctype", "NQ")),
        (parent, PKG.key, lit("key", "36-NQ/TW")), (parent, PKG.scope, lit("scope", "central")),
        (task, RDF.type, PKG.Task), (task, PKG.text, lit("text", "Tuyên truyền Nghị quyết")),
        (task, PKG.plan, plan), (task, PKG.sourceFile, lit("file", "a.txt")),
        (task, PKG.lineStart, lit("line_start", 40)), (task, PKG.lineEnd, lit("line_end", 41)),
        (task, PKG.ledBy, unit), (task, PKG.supportedBy, central_unit), (task, PKG.about, topic),
        (task, PKG.recurrence, lit("deadline_recurrence", "ongoing")),
        (unit, RDF.type, PKG.Unit), (unit, PKG.name, lit("name", "Phòng Quản lý khoa học")),
        (unit, PKG.category, lit("category", "internal")), (unit, PKG.partOf, org),
        (unit, PKG.inProvince, province),
        (central_unit, RDF.type, PKG.Unit), (central_unit, PKG.name, lit("name", "Cục SHTT")),
        (central_unit, PKG.category, lit("category", "external")),
        (central_unit, PKG.partOf, central_org), (central_unit, PKG.scope, Literal("central")),
        # A collective group spans organisations: no pkg:partOf.
        (group, RDF.type, PKG.Unit), (group, PKG.name, lit("name", "Các sở, ban, ngành tỉnh")),
        (group, PKG.category, lit("category", "collective")), (group, PKG.inProvince, province),
        (task, PKG.supportedBy, group),
        (org, RDF.type, PKG.PublicBody), (org, RDFS.label, Literal("Sở KH&CN Tây Ninh")),
        (central_org, RDF.type, PKG.Organisation), (central_org, RDFS.label, Literal("Bộ KH&CN")),
        (province, RDF.type, PKG.Province), (province, PKG.name, lit("name", "Tây Ninh")),
        (topic, RDF.type, PKG.Topic),
        (topic, SKOS.prefLabel, lit("label_vi", "Công nghệ sinh học")),
        (topic, SKOS.prefLabel, lit("label_en", "Biotechnology")),
    ]
    for triple in triples:
        g.add(triple)
    evidence = statement_iri(TASK, Rel.LED_BY, "unit:…", file="a.txt", line_start=40)
    for p, o in [
        (RDF.type, PKG.Evidence), (RDF.type, PROV.Association),
        (RDF.subject, task), (RDF.predicate, PKG.ledBy), (RDF.object, unit),
        (PKG.sourceFile, Literal("a.txt")), (PKG.lineStart, Literal(41)),
        (PKG.lineEnd, Literal(41)), (PKG.quote, Literal("Đơn vị chủ trì: Phòng Quản lý khoa học")),
        (PKG.sourcePlan, plan), (PROV.agent, unit), (PROV.hadRole, PKG.LeadRole),
    ]:
        g.add((evidence, p, o))
    g.add((task, PROV.qualifiedAssociation, evidence))
    return g


def _validate(data: Graph, shapes: Graph, owl: Graph) -> tuple[bool, Graph, str]:
    conforms, report, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=owl)
    return conforms, report, text


def _violations(report: Graph) -> list[tuple[URIRef, URIRef | None, str]]:
    """(focus node, path, message) of every result."""
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = " ".join(str(m) for m in report.objects(result, SH.resultMessage))
        out.append((focus, path, message))
    return out


def test_conforming_graph_passes(shapes: Graph, owl: Graph) -> None:
    conforms, _, text = _validate(_conforming_graph(), shapes, owl)
    assert conforms, text


def test_domains_and_ranges_give_no_node_a_second_kind(shapes: Graph, owl: Graph) -> None:
    # Under RDFS entailment a too-narrow rdfs:domain would make, say, a task a
    # pkg:Plan too, and the plan shape would then reject it.
    conforms, _, text = pyshacl.validate(_conforming_graph(), shacl_graph=shapes, ont_graph=owl,
                                         inference="rdfs")
    assert conforms, text


# Each case removes one required fact from a different node of the same graph.
_REMOVALS = [
    (TASK, PKG.text),
    (TASK, PKG.plan),
    (TASK, PKG.lineStart),
    (PLAN, PKG.sha256),
    (PLAN, PKG.sourceFile),
    (PLAN, PKG.hasTask),
    ("unit:tay-ninh:so-khcn:phong-quan-ly-khoa-hoc", PKG.category),
    ("unit:tay-ninh:so-khcn:phong-quan-ly-khoa-hoc", PKG.partOf),
    ("province:tay-ninh", PKG.name),
    ("doc:36-NQ/TW@2023", PKG.doctype),
]


def test_each_missing_required_property_is_reported_by_name(shapes: Graph, owl: Graph) -> None:
    data = _conforming_graph()
    for node, prop in _REMOVALS:
        data.remove((node_iri(node), prop, None))
    conforms, report, _ = _validate(data, shapes, owl)
    assert not conforms
    found = _violations(report)
    for node, prop in _REMOVALS:
        name = "pkg:" + str(prop)[len(PKG_NS):]
        # A property shape reports the path; an alternative (sh:or) only the node.
        hits = [m for focus, path, m in found
                if focus == node_iri(node) and path in (prop, None)]
        assert hits, f"no violation for {node} missing {name}"
        assert any(name in m for m in hits), f"message does not name {name}: {hits}"


def test_identity_and_place_alternatives(shapes: Graph, owl: Graph) -> None:
    data = _conforming_graph()
    doc = node_iri("doc:36-NQ/TW@2023")
    central_unit = node_iri("unit:vn:bo-khcn:cuc-so-huu-tri-tue")
    data.remove((doc, PKG.key, None))  # no key and no title
    data.remove((central_unit, PKG.scope, None))  # neither province nor central scope
    conforms, report, _ = _validate(data, shapes, owl)
    assert not conforms
    messages: dict[URIRef, str] = {}
    for focus, _, message in _violations(report):
        messages[focus] = messages.get(focus, "") + " " + message
    assert "pkg:key" in messages[doc] and "pkg:title" in messages[doc]
    assert "pkg:inProvince" in messages[central_unit]

    data.add((doc, PKG.title, Literal("về phát triển và ứng dụng công nghệ sinh học")))
    data.add((central_unit, PKG.scope, Literal("central")))
    assert _validate(data, shapes, owl)[0]


def test_bad_values_are_reported(shapes: Graph, owl: Graph) -> None:
    data = _conforming_graph()
    unit = node_iri("unit:tay-ninh:so-khcn:phong-quan-ly-khoa-hoc")
    task = node_iri(TASK)
    data.set((unit, PKG.category, Literal("partner")))
    data.set((task, PKG.lineStart, Literal(50)))  # after lineEnd 41
    data.add((task, PKG.ledBy, BNode()))  # not a Unit
    conforms, report, _ = _validate(data, shapes, owl)
    assert not conforms
    paths = {(focus, path) for focus, path, _ in _violations(report)}
    assert (unit, PKG.category) in paths
    assert (task, PKG.lineStart) in paths
    assert (task, PKG.ledBy) in paths


def test_topic_scheme_conforms_to_the_topic_shape(shapes: Graph, owl: Graph,
                                                  topics_graph: Graph) -> None:
    conforms, _, text = _validate(topics_graph, shapes, owl)
    assert conforms, text


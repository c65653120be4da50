"""SPARQL over the RDF view of the graph, with the ontology's prefixes predeclared.

rdflib answers in memory, which is enough for a few thousand plans; when
pyoxigraph is installed, ``backend="oxigraph"`` loads the triples into an
Oxigraph store first, which answers large corpora much faster.

:data:`QUERIES` holds named queries that the command line accepts by name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from policykg.graph.rdf import PKGID, PREFIXES, node_id

__all__ = ["QUERIES", "SparqlError", "SparqlResult", "run_sparql", "prefix_block"]


class SparqlError(Exception):
    """A query that cannot be parsed or answered; the message is one line."""


@dataclass
class SparqlResult:
    """Rows of a SELECT (``columns``/``rows``), an ASK (``answer``) or triples of a
    CONSTRUCT/DESCRIBE (``columns`` ``subject predicate object``)."""

    kind: str  # "select", "ask" or "graph"
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    answer: bool | None = None

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of plain JSON values (IRIs as text, numbers as numbers)."""
        return [
            {col: _plain(val) for col, val in zip(self.columns, row, strict=True)}
            for row in self.rows
        ]

    def to_json(self) -> str:
        if self.kind == "ask":
            return json.dumps({"answer": self.answer})
        data = {"columns": self.columns, "rows": self.records()}
        return json.dumps(data, ensure_ascii=False, indent=1)

    def to_table(self) -> str:
        """An aligned text table: node IRIs as node ids, other IRIs with their prefixes,
        long cells clipped."""
        if self.kind == "ask":
            return "yes" if self.answer else "no"
        cells = [[_clip(_show(v)) for v in row] for row in self.rows]
        widths = [len(c) for c in self.columns]
        for row in cells:
            widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(self.columns, widths, strict=True))]
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
        lines.append(f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})")
        return "\n".join(line.rstrip() for line in lines)


def prefix_block() -> str:
    """``PREFIX`` lines for every predeclared prefix."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def run_sparql(g_rdf: Graph, query: str, *, backend: str = "rdflib") -> SparqlResult:
    """Answer ``query`` over ``g_rdf``; raises :class:`SparqlError` with a one-line reason."""
    if backend == "oxigraph":
        return _run_oxigraph(g_rdf, query)
    if backend != "rdflib":
        raise SparqlError(f"unknown SPARQL backend {backend!r} (rdflib or oxigraph)")
    try:
        prepared = prepareQuery(query, initNs=PREFIXES)
    except Exception as exc:  # pyparsing and rdflib raise many kinds
        raise SparqlError(f"syntax error: {_one_line(exc)}") from None
    try:  # rdflib evaluates lazily: read every row inside the guard
        result = g_rdf.query(prepared)
        if result.type == "ASK":
            return SparqlResult("ask", answer=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            triples = sorted(result.graph or [], key=lambda t: tuple(str(x) for x in t))
            return SparqlResult("graph", ["subject", "predicate", "object"], triples)
        columns = [str(v) for v in (result.vars or [])]
        return SparqlResult("select", columns, [tuple(row) for row in result])
    except Exception as exc:
        raise SparqlError(f"query failed: {_one_line(exc)}") from None


def oxigraph_available() -> bool:
    try:
        import pyoxigraph  # noqa: F401
    except ImportError:
        return False
    return True


def _run_oxigraph(g_rdf: Graph, query: str) -> SparqlResult:
    try:
        import pyoxigraph as ox
    except ImportError:
        raise SparqlError("the oxigraph backend needs pyoxigraph (pip install pyoxigraph)") \
            from None
    store = ox.Store()
    data = g_rdf.serialize(format="nt", encoding="utf-8")
    store.load(data, format=ox.RdfFormat.N_TRIPLES)
    try:
        result = store.query(prefix_block() + query)
    except SyntaxError as exc:
        raise SparqlError(f"syntax error: {_one_line(exc)}") from None
    except Exception as exc:
        raise SparqlError(f"query failed: {_one_line(exc)}") from None
    if isinstance(result, ox.QueryBoolean):
        return SparqlResult("ask", answer=bool(result))
    if isinstance(result, ox.QueryTriples):
        triples = sorted(
            (tuple(_from_ox(t) for t in (tr.subject, tr.predicate, tr.object)) for tr in result),
            key=lambda t: tuple(str(x) for x in t),
        )
        return SparqlResult("graph", ["subject", "predicate", "object"], triples)
    columns = [v.value for v in result.variables]
    rows = [tuple(_from_ox(sol[c]) for c in columns) for sol in result]
    return SparqlResult("select", columns, rows)


def _from_ox(term: Any) -> Any:
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return URIRef(term.value)
    if kind == "BlankNode":
        return BNode(term.value)
    if kind == "Literal":
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return Literal(str(term))


def _one_line(exc: BaseException) -> str:
    return re.sub(r"\s+", " ", str(exc)).strip() or type(exc).__name__


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Literal):
        py = value.toPython()
        if isinstance(py, bool | int | float | str):
            return py
        return str(value)
    return str(value)


TABLE_CELL = 80  # longest cell shown in a table; --json gives every value whole


def _clip(text: str) -> str:
    return text if len(text) <= TABLE_CELL else text[: TABLE_CELL - 1] + "…"


_SHORT = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef):
        text = str(value)
        if text.startswith(str(PKGID)):
            try:
                return node_id(text)
            except ValueError:
                return text
        for prefix, ns in _SHORT:
            if text.startswith(ns):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"
    if isinstance(value, BNode):
        return f"_:{value}"
    return re.sub(r"\s+", " ", str(value)).strip()


LINEAGE = """\
# The lineage of 36-NQ/TW: every document implementing it or based on it, transitively.
# Each row gives the document, the one it cites on the way and the number of its tasks;
# change the key in VALUES for another directive.
SELECT ?doc ?class ?label ?via (COUNT(DISTINCT ?task) AS ?tasks)
WHERE {
  VALUES ?key { "36-NQ/TW" }
  ?root pkg:key ?key .
  ?doc (pkg:implements|pkg:basedOn)+ ?root ;
       a ?class ;
       rdfs:label ?label .
  ?doc (pkg:implements|pkg:basedOn) ?via .
  ?via (pkg:implements|pkg:basedOn)* ?root .
  OPTIONAL { ?task pkg:plan ?doc }
}
GROUP BY ?doc ?class ?label ?via
ORDER BY ?label ?via
"""

UNIT_WORKLOAD = """\
# Tasks per unit: how many it leads and how many it supports.
SELECT ?unit ?name (SUM(?led) AS ?lead) (SUM(?supported) AS ?support)
WHERE {
  { ?task pkg:ledBy ?unit . BIND (1 AS ?led) BIND (0 AS ?supported) }
  UNION
  { ?task pkg:supportedBy ?unit . BIND (0 AS ?led) BIND (1 AS ?supported) }
  ?unit a pkg:Unit ;
        rdfs:label ?name .
}
GROUP BY ?unit ?name
ORDER BY DESC(?lead + ?support) DESC(?lead) ?name
"""

TOPIC_PROVINCE = """\
# Tasks per topic and province (the province of the plan that sets the task).
SELECT ?topic ?topicLabel ?province ?provinceLabel (COUNT(DISTINCT ?task) AS ?tasks)
WHERE {
  ?task a pkg:Task ;
        pkg:about ?topic .
  ?task pkg:plan ?plan .
  ?plan pkg:inProvince ?province .
  OPTIONAL { ?topic rdfs:label ?topicLabel }
  OPTIONAL { ?province rdfs:label ?provinceLabel }
}
GROUP BY ?topic ?topicLabel ?province ?provinceLabel
ORDER BY ?topicLabel DESC(?tasks) ?provinceLabel
"""

QUERIES: dict[str, str] = {
    "lineage": LINEAGE,
    "unit-workload": UNIT_WORKLOAD,
    "topic-province": TOPIC_PROVINCE,
}

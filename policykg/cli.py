"""The ``policykg`` command line: a thin shell over the Python API."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import click

from policykg import __version__


def default_store_path() -> str:
    """The store used when ``--store`` is not given: ``$POLICYKG_STORE`` or ``./.policykg``."""
    return os.environ.get("POLICYKG_STORE") or os.path.join(".policykg", "store.db")


def store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--store`` option every command that reads or writes the store takes."""
    return click.option(
        "--store",
        "store_path",
        type=click.Path(dir_okay=False),
        default=default_store_path,
        show_default="$POLICYKG_STORE or .policykg/store.db",
        help="Store file to read and write.",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policykg")
def cli() -> None:
    """Turn Vietnamese government plans into a knowledge graph and ask it questions."""


# --- ingest, plans, tasks, show, forget, stats, export, sparql (graph/store) ---


class StoreProblem(click.ClickException):
    """The store cannot be used (busy, damaged, another format): exit status 3."""

    exit_code = 3


def _open_store(store_path: str, *, must_exist: bool = True) -> Any:
    """The store at ``store_path``; exit 3 with a message when there is none yet."""
    from policykg.graph.store import open_store

    store = open_store(store_path)
    if must_exist and not store.exists:
        raise StoreProblem(f"no store at {store_path}: ingest plans first "
                           "(policykg ingest FOLDER_OR_FILE...)")
    return store


def _store_call(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a store operation, turning its errors into a message and exit status 3."""
    from policykg.graph.store import StoreError

    try:
        return func(*args, **kwargs)
    except StoreError as exc:
        raise StoreProblem(str(exc)) from None


def _echo_json(value: Any) -> None:
    import json

    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False)


def _matches_province(record: dict[str, Any], wanted: str | None) -> bool:
    """``wanted`` names the province as written or the one it belongs to since 2025."""
    from policykg.ontology.normalize import fold

    if not wanted:
        return True
    names = {fold(record.get("province") or ""), fold(record.get("current_province") or "")}
    query = fold(wanted)
    for prefix in ("tinh ", "thanh pho "):
        query = query.removeprefix(prefix)
    return query in names


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="Name each file as it is read (on stderr).")
@store_option
def ingest_command(paths: tuple[str, ...], as_json: bool, verbose: bool, store_path: str) -> None:
    """Read plans from files and folders (recursively) into the store.

    Files unchanged since the last ingest are not read again; a changed file's
    plan replaces the old one. Everything of one run is written at once, so an
    interrupted run leaves the store as it was.

    Exit status: 0 every file ingested (or unchanged), 1 some files skipped (each
    is listed with the reason), 2 usage error, 3 the store could not be used
    (busy with another writer, damaged, or of another format version).
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from policykg.loaders.batch import Loaded

    store = _open_store(store_path, must_exist=False)
    errors = Console(stderr=True, highlight=False)
    progress: Any = None

    def on_progress(done: int, total: int, result: Any) -> None:
        nonlocal progress
        if verbose:
            state = "read" if isinstance(result, Loaded) else f"skipped ({result.reason})"
            click.echo(f"{state}: {result.path}", err=True)
        if progress is None and not verbose and (errors.is_terminal or total >= 200):
            progress = Progress(TextColumn("reading plans"), BarColumn(), MofNCompleteColumn(),
                                console=errors, transient=True)
            progress.start()
            progress.add_task("read", total=total)
        if progress is not None:
            progress.update(progress.task_ids[0], completed=done)

    try:
        report = _store_call(store.ingest, list(paths), on_progress=on_progress)
    finally:
        if progress is not None:
            progress.stop()
    if as_json:
        _echo_json(report.to_dict())
    else:
        click.echo(
            f"{len(report.ingested)} file(s) ingested: {report.plans} plans, {report.tasks} "
            f"tasks, {report.units} units, {report.references} references read; "
            f"{len(report.unchanged)} unchanged; {len(report.skipped)} skipped."
        )
        for plan_id, old, new in report.replaced:
            click.echo(f"  plan {plan_id}: {new} replaces {old} (same plan)")
        for path, reason in report.skipped:
            click.echo(f"  skipped {path}: {reason}")
        click.echo(f"store {store.path}: {report.nodes} nodes, {report.edges} edges")
    if report.skipped:
        raise SystemExit(1)


@cli.command("plans")
@click.option("--province", help="Province as written on the plan or as merged in 2025 "
              "(diacritics optional).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@store_option
def plans_command(province: str | None, as_json: bool, store_path: str) -> None:
    """List the plans in the store."""
    from policykg.graph.store import plan_record

    store = _open_store(store_path)
    graph = _store_call(store.graph)
    records = [plan_record(p, graph) for p in _store_call(store.plans)]
    records = [r for r in records if _matches_province(r, province)]
    if as_json:
        _echo_json(records)
        return
    from rich.table import Table

    table = Table("id", "number", "date", "province", "issuer", "title", "tasks", "refs")
    for r in records:
        table.add_row(r["id"], r["number"] or "—", r["date"] or "", r["province"] or "",
                      r["issuer"] or "", r["title"] or "", str(r["tasks"]),
                      str(len(r["references"])))
    _console().print(table)


@cli.command("tasks")
@click.option("--plan", "plan_ref", help="Plan id, graph node id, number or file.")
@click.option("--unit", help="Part of a unit's name (diacritics optional).")
@click.option("--province", help="Province as written or as merged in 2025.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@store_option
def tasks_command(plan_ref: str | None, unit: str | None, province: str | None, as_json: bool,
                  store_path: str) -> None:
    """List tasks with their lead and supporting units, deadline and source lines."""
    from policykg.graph.store import plan_record, task_records
    from policykg.ontology.normalize import fold

    store = _open_store(store_path)
    graph = _store_call(store.graph)
    plans = (_store_call(store.find_plans, plan_ref) if plan_ref
             else _store_call(store.plans))
    if plan_ref and not plans:
        raise click.UsageError(f"no plan matches {plan_ref!r}")
    wanted = fold(unit) if unit else None
    rows = []
    for plan in plans:
        if not _matches_province(plan_record(plan, graph), province):
            continue
        for record in task_records(plan, graph):
            names = [fold(n) for u in record["units"] for n in (u["name"], u["as_written"])]
            if wanted and not any(wanted in n for n in names):
                continue
            rows.append(record)
    if as_json:
        _echo_json(rows)
        return
    from rich.table import Table

    table = Table("plan", "task", "text", "lead", "support", "deadline", "lines")
    for r in rows:
        src = r["source"]
        table.add_row(r["plan"], r["number"], r["text"], "; ".join(r["lead"]),
                      "; ".join(r["support"]), r["deadline"] or "",
                      f"{src['line_start']}-{src['line_end']}")
    _console().print(table)


@cli.command("show")
@click.argument("plan_ref", metavar="PLAN")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@store_option
def show_command(plan_ref: str, as_json: bool, store_path: str) -> None:
    """Show one plan as read: metadata, references, tasks, units and source lines.

    PLAN is the plan id, its graph node id, its number ("19/KH-SKHCN") or its file.
    """
    from policykg.graph.store import StoreError, plan_record, task_records

    store = _open_store(store_path)
    try:
        plan = store.plan(plan_ref)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from None
    graph = _store_call(store.graph)
    record = plan_record(plan, graph)
    tasks = task_records(plan, graph)
    links = [{"child": record["references"][link.child]["id"],
              "parent": record["references"][link.parent]["id"], "relation": link.relation,
              "source": {"file": link.source.file, "line_start": link.source.line_start,
                         "line_end": link.source.line_end, "quote": link.source.quote}}
             for link in plan.links
             if 0 <= link.child < len(plan.references) and 0 <= link.parent < len(plan.references)]
    if as_json:
        _echo_json({**record, "links": links, "task_list": tasks, "warnings": plan.warnings,
                    "units": [{"name": u.name, "category": u.category, "aliases": u.aliases,
                               "kind": u.kind} for u in plan.units]})
        return
    from rich.table import Table

    console = _console()
    console.print(f"[bold]{plan.number or '(no number)'}[/bold]  {plan.title or ''}")
    for label, value in (("id", plan.id), ("node", record["node"]), ("file", plan.source.path),
                         ("date", plan.date), ("province", plan.province),
                         ("issuer", plan.issuer), ("signer", " ".join(
                             filter(None, [plan.signer_capacity, plan.signer])))):
        console.print(f"  {label}: {value or '—'}")
    refs = Table("reference", "relation", "date", "issuer", "node", "line", title="References")
    for r in record["references"]:
        refs.add_row(r["key"] or (r["subject"] or "")[:60], r["relation"], r["date"] or "",
                     r["issuer"] or "", r["id"] or "", str(r["source"]["line_start"]))
    console.print(refs)
    for link in links:
        console.print(f"  {link['child']} —{link['relation']}→ {link['parent']} "
                      f"(line {link['source']['line_start']})")
    table = Table("task", "text", "lead", "support", "deadline", "outputs", "lines",
                  title="Tasks")
    for t in tasks:
        src = t["source"]
        table.add_row(t["number"], t["text"], "; ".join(t["lead"]), "; ".join(t["support"]),
                      t["deadline"] or "", "; ".join(t["outputs"]),
                      f"{src['line_start']}-{src['line_end']}")
    console.print(table)
    for warning in plan.warnings:
        console.print(f"  warning: {warning}")


@cli.command("forget")
@click.argument("target", metavar="FILE|PLAN")
@store_option
def forget_command(target: str, store_path: str) -> None:
    """Remove a file's plan (or a plan by id, node id or number) from the store."""
    from policykg.graph.store import StoreBusy, StoreError

    store = _open_store(store_path)
    try:
        removed = store.forget(target)
    except StoreBusy as exc:
        raise StoreProblem(str(exc)) from None
    except StoreError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"forgot {len(removed)} plan(s){': ' if removed else ''}{', '.join(removed)}")


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@store_option
def stats_command(as_json: bool, store_path: str) -> None:
    """Count files, nodes by kind, edges by relation, and what each province holds."""
    store = _open_store(store_path)
    stats = _store_call(store.stats)
    if as_json:
        _echo_json(stats)
        return
    from rich.table import Table

    console = _console()
    console.print(f"store {stats['store']}: {stats['total_nodes']} nodes, "
                  f"{stats['total_edges']} edges; files {stats['files']}")
    for title, counts in (("Nodes", stats["nodes"]), ("Edges", stats["edges"])):
        table = Table(title, "count")
        for name, count in counts.items():
            table.add_row(name, str(count))
        console.print(table)
    kinds = sorted({k for c in stats["provinces"].values() for k in c})
    table = Table("province", *kinds, title="By province")
    for province, counts in stats["provinces"].items():
        table.add_row(province, *(str(counts.get(k, 0)) for k in kinds))
    console.print(table)


_EXPORT_SUFFIXES = {".ttl": "ttl", ".jsonld": "jsonld", ".nt": "nt", ".graphml": "graphml",
                    ".gexf": "gexf", ".json": "json"}


def _graph_for_export(store_path: str) -> Any:
    """The stored graph, or a clear error when there is no store or it holds nothing."""
    from policykg.graph.store import StoreError, open_store

    if not os.path.exists(store_path):
        raise click.ClickException(
            f"no store at {store_path}: ingest plans first (policykg ingest FILE...)"
        )
    try:
        graph = open_store(store_path).graph()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if not any(kind == "Plan" for _, kind in graph.nodes(data="kind")):
        raise click.ClickException(
            f"the store {store_path} is empty (no plans): ingest plans first "
            "(policykg ingest FILE...)"
        )
    return graph


@cli.command("export")
@click.option("--format", "-f", "fmt",
              type=click.Choice(["ttl", "jsonld", "nt", "graphml", "gexf", "json", "csv"]),
              help="Output format; by default taken from OUT's suffix.")
@click.argument("out", type=click.Path(allow_dash=True))
@store_option
def export_command(fmt: str | None, out: str, store_path: str) -> None:
    """Write the whole graph to OUT (a file, '-' for stdout, a directory for csv).

    Formats: ttl, jsonld, nt (RDF); graphml and gexf (yEd, Gephi); json (networkx
    node-link); csv (a directory for neo4j-admin import, with the command in import.sh).
    """
    from policykg.graph.export import ExportError, export

    if fmt is None:
        fmt = _EXPORT_SUFFIXES.get(os.path.splitext(out)[1].lower())
        if fmt is None:
            raise click.UsageError(f"cannot tell the format of {out!r}: give --format")
    graph = _graph_for_export(store_path)
    try:
        export(graph, fmt, out)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"{out}: {exc.strerror or exc}") from None
    if out != "-":
        click.echo(
            f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges "
            f"as {fmt} to {out}",
            err=True,
        )


@cli.command("sparql")
@click.argument("query", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print rows as JSON.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@click.option("--backend", type=click.Choice(["rdflib", "oxigraph"]), default="rdflib",
              show_default=True, help="oxigraph answers large stores faster (needs pyoxigraph).")
@store_option
def sparql_command(query: str | None, as_json: bool, list_queries: bool, backend: str,
                   store_path: str) -> None:
    """Run a SPARQL query over the RDF view of the graph.

    QUERY is the query text, a file holding it, '-' for standard input, or the name
    of a built-in query (see --list). The prefixes pkg:, pkgid:, eli:, org:, skos:,
    prov:, dcterms:, rdfs:, xsd:, p-plan: and schema: are declared already.
    """
    import sys

    from policykg.graph.rdf import to_rdf
    from policykg.graph.sparql import QUERIES, SparqlError, run_sparql

    if list_queries:
        for name, text in QUERIES.items():
            click.echo(f"{name}: {text.splitlines()[0].lstrip('# ')}")
        return
    if not query:
        raise click.UsageError("give a query, a file holding one, or a name from --list")
    if query == "-":
        text = sys.stdin.read()
    elif query in QUERIES:
        text = QUERIES[query]
    elif os.path.isfile(query):
        try:
            with open(query, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            click.echo(f"error: {query}: cannot read the query ({exc})", err=True)
            sys.exit(2)
    else:
        text = query
    graph = _graph_for_export(store_path)
    try:
        result = run_sparql(to_rdf(graph), text, backend=backend)
    except SparqlError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(result.to_json() if as_json else result.to_table())


# --- queries: stems-from, basis, workload, compare, overlaps, search, due ---


# --- viz and report ---


# --- neo4j ---


def main() -> None:
    cli()

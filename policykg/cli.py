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
    """No store, or one that cannot be used (busy, damaged, another format): exit status 5."""

    exit_code = 5


def _open_store(store_path: str, *, must_exist: bool = True) -> Any:
    """The store at ``store_path``; exit 5 with a message when there is none yet."""
    from policykg.graph.store import open_store

    store = open_store(store_path)
    if must_exist and not store.exists:
        raise StoreProblem(f"no store at {store_path}: ingest plans first "
                           "(policykg ingest FOLDER_OR_FILE...)")
    return store


def _store_call(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a store operation, turning its errors into a message and exit status 5."""
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


class Output:
    """How a command prints its answer: a readable table, JSON, or CSV (``excel``: CSV as
    Excel opens it, see :func:`policykg.queries.tables.to_csv`)."""

    def __init__(self, as_json: bool, as_csv: bool, excel: bool):
        if as_json and (as_csv or excel):
            raise click.UsageError("give --json or --csv/--excel, not both")
        self.json, self.csv, self.excel = as_json, as_csv or excel, excel

    def write_csv(self, table: Any) -> None:
        from policykg.queries.tables import to_csv

        click.echo(to_csv(table, excel=self.excel), nl=False)

    def show(self, data: Any, rows: Callable[[], Any], draw: Callable[[], None]) -> None:
        """Print ``data`` as JSON, the table ``rows()`` builds (:mod:`policykg.queries.
        tables`) as CSV, or ``draw()`` it for reading."""
        if self.json:
            _query_json(data)
        elif self.csv:
            self.write_csv(rows())
        else:
            draw()


def all_tasks_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--all``: a table of every task even when there are many (see ``TASKS_SHOWN``)."""
    return click.option("--all", "every_task", is_flag=True,
                        help="List every task even when there are many (above 300 the "
                        "table gives counts per plan or group).")(func)


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--json``, ``--csv`` and ``--excel``, handed to the command as one ``out``."""
    import functools

    @functools.wraps(func)
    def command(*args: Any, as_json: bool, as_csv: bool, excel: bool, **kwargs: Any) -> Any:
        return func(*args, out=Output(as_json, as_csv, excel), **kwargs)

    for option in (
        click.option("--excel", is_flag=True,
                     help="Print CSV for Excel: with a byte-order mark, so the Vietnamese "
                     "shows, and no cell Excel would run as a formula."),
        click.option("--csv", "as_csv", is_flag=True,
                     help="Print CSV: a header, then a row per item."),
        click.option("--json", "as_json", is_flag=True, help="Print JSON."),
    ):
        command = option(command)
    return command


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


def _set_for_this_command(name: str, value: str) -> None:
    """Set an environment variable until the running command ends (the CLI may run inside
    another program, a notebook or a test, which keeps its own environment)."""
    before = os.environ.get(name)
    os.environ[name] = value

    def restore() -> None:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before

    click.get_current_context().call_on_close(restore)


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("-v", "--verbose", is_flag=True, help="Name each file as it is read (on stderr).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Read and parse this many files at once, each in its own process "
                   "[default: one per CPU core; 1 reads one file at a time].")
@click.option("--no-ocr", is_flag=True,
              help="Skip scanned PDFs instead of reading them by OCR (which needs tesseract "
                   "with Vietnamese data installed).")
@store_option
def ingest_command(paths: tuple[str, ...], as_json: bool, verbose: bool, jobs: int | None,
                   no_ocr: bool, store_path: str) -> None:
    """Read plans from files and folders (recursively) into the store.

    Files unchanged since the last ingest (by this version of policykg) are not read
    again; a changed file's plan replaces the old one. Everything of one run is
    written at once, so an interrupted run leaves the store as it was. Files are
    read by several processes at once (--jobs); the store is the same whatever
    their number.

    Scanned PDFs are read by OCR when tesseract and its Vietnamese data are installed
    (tesseract-ocr, tesseract-ocr-vie); their plans carry a warning to check names and
    numbers against the original.

    Exit status: 0 every file ingested (or unchanged), 1 some files skipped (each
    is listed with the reason), 2 usage error, 5 the store could not be used
    (busy with another writer, damaged, or of another format version).
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from policykg.loaders.batch import Loaded

    if no_ocr:  # read where the files are read: here and in the workers
        from policykg.loaders.ocr import OCR_ENV

        _set_for_this_command(OCR_ENV, "0")
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
        report = _store_call(store.ingest, list(paths), on_progress=on_progress, jobs=jobs)
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
        for plan_id, kept, scan in report.kept:
            click.echo(f"  plan {plan_id}: {kept} is kept; {scan} is the same plan read by OCR")
        for node, kept, others in report.duplicates:
            click.echo(f"  {node}: the same document as {kept} is also in {', '.join(others)}; "
                       f"tasks are taken from {kept}")
        for path, reason in report.skipped:
            click.echo(f"  skipped {path}: {reason}")
        for path, how in report.ocr:
            click.echo(f"  read by OCR, check names and numbers: {path} ({how})")
        click.echo(f"store {store.path}: {report.nodes} nodes, {report.edges} edges")
    if report.skipped:
        raise SystemExit(1)


@cli.command("plans")
@click.option("--province", help="Province as written on the plan or as merged in 2025 "
              "(diacritics optional).")
@output_options
@store_option
def plans_command(province: str | None, out: Output, store_path: str) -> None:
    """List the plans in the store."""
    from policykg.graph.store import plan_record
    from policykg.queries import tables

    store = _open_store(store_path)
    skeleton = _store_call(store.skeleton)  # plan nodes and provinces: no task is read
    records = [plan_record(p, skeleton, tasks=n) for p, n in _store_call(store.plan_heads)]
    records = [r for r in records if _matches_province(r, province)]
    out.show(records, lambda: tables.plans_table(records), lambda: _print_plans(records))


def _print_plans(records: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table("date", "province", "title", "tasks", "refs")
    table.add_column("id (for show, tasks --plan)", overflow="fold")
    for r in records:
        title = r["title"] or ""
        table.add_row(r["date"] or "", r["province"] or "",
                      title if len(title) <= 70 else title[:69] + "…", str(r["tasks"]),
                      str(len(r["references"])), r["id"])
    _console().print(table)


@cli.command("tasks")
@click.option("--plan", "plan_ref", help="Plan id, graph node id, number or file.")
@click.option("--unit", help="Part of a unit's name (diacritics optional).")
@click.option("--province", help="Province as written or as merged in 2025.")
@all_tasks_option
@output_options
@store_option
def tasks_command(plan_ref: str | None, unit: str | None, province: str | None,
                  every_task: bool, out: Output, store_path: str) -> None:
    """List tasks with their lead and supporting units, deadline and source lines."""
    from policykg.graph.store import plan_record, task_records
    from policykg.ontology.normalize import fold
    from policykg.queries import tables
    from policykg.queries.render import print_task_records

    store = _open_store(store_path)
    skeleton = _store_call(store.skeleton)
    if plan_ref:
        plans = _store_call(store.find_plans, plan_ref)
        if not plans:
            raise click.UsageError(f"no plan matches {plan_ref!r}")
    elif province:  # only the province's plans are decoded
        heads = [p for p, _ in _store_call(store.plan_heads)
                 if _matches_province(plan_record(p, skeleton, tasks=0), province)]
        plans = _store_call(store.plans, [p.id for p in heads])
    else:
        plans = _store_call(store.plans)
    records = [(plan, plan_record(plan, skeleton)) for plan in plans]
    plans = [plan for plan, record in records if _matches_province(record, province)]
    graph = _store_call(store.subgraph, plans=[r["node"] for _, r in records if r["node"]])
    wanted = fold(unit) if unit else None
    rows = []
    for plan in plans:
        for record in task_records(plan, graph):
            names = [fold(n) for u in record["units"] for n in (u["name"], u["as_written"])]
            if wanted and not any(wanted in n for n in names):
                continue
            rows.append(record)
    out.show(rows, lambda: tables.task_records_table(rows),
             lambda: print_task_records(_console(), rows, every_task))


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
    record = plan_record(plan, _store_call(store.skeleton))
    graph = _store_call(store.subgraph, plans=[record["node"]] if record["node"] else [])
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
    refs = Table("reference", "relation", "date", "issuer", "line", title="References")
    refs.add_column("node", overflow="fold")
    for r in record["references"]:
        refs.add_row(r["key"] or (r["subject"] or "")[:60], r["relation"], r["date"] or "",
                     r["issuer"] or "", str(r["source"]["line_start"]), r["id"] or "")
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
        store = open_store(store_path)
        _warn_if_whole_graph_is_large(store, "export")
        graph = store.graph()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if not any(kind == "Plan" for _, kind in graph.nodes(data="kind")):
        raise click.ClickException(
            f"the store {store_path} is empty (no plans): ingest plans first "
            "(policykg ingest FILE...)"
        )
    return graph


def _export_csv_streamed(store_path: str, out: str) -> None:
    """The csv export read from the store a batch of blocks at a time, so a store of
    any size is written without building its whole graph in memory."""
    from pathlib import Path

    from policykg.graph.export import ExportError, write_csv_dir_streamed
    from policykg.graph.store import StoreError, open_store

    if out == "-":
        raise click.ClickException("the csv export writes a directory: give its path")
    if not os.path.exists(store_path):
        raise click.ClickException(
            f"no store at {store_path}: ingest plans first (policykg ingest FILE...)"
        )
    store = open_store(store_path)
    try:
        if not store.plan_nodes():
            raise click.ClickException(
                f"the store {store_path} is empty (no plans): ingest plans first "
                "(policykg ingest FILE...)"
            )
        result = write_csv_dir_streamed(store.iter_block_items(), Path(out))
    except (StoreError, ExportError) as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"{out}: {exc.strerror or exc}") from None
    click.echo(f"wrote {result.nodes} nodes and {result.edges} edges as csv to {out}", err=True)


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
    if fmt == "csv":
        _export_csv_streamed(store_path, out)
        return
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
@output_options
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@click.option("--backend", type=click.Choice(["rdflib", "oxigraph"]), default="rdflib",
              show_default=True, help="oxigraph answers large stores faster (needs pyoxigraph).")
@store_option
def sparql_command(query: str | None, out: Output, list_queries: bool, backend: str,
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
        text = sys.stdin.buffer.read().decode("utf-8-sig", errors="replace")  # not the locale's
    elif query in QUERIES:
        text = QUERIES[query]
    elif os.path.isfile(query):
        try:
            with open(query, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            click.echo(f"error: {query}: cannot read the query ({exc})", err=True)
            sys.exit(2)
    elif not any(ch.isspace() or ch in "{}" for ch in query.strip()):
        # a single word is no query: a mistyped file or query name
        click.echo(f"error: {query}: no such file, and not a named query (see --list)", err=True)
        sys.exit(2)
    else:
        text = query
    graph = _graph_for_export(store_path)
    try:
        result = run_sparql(to_rdf(graph), text, backend=backend)
    except SparqlError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if out.csv:
        from policykg.queries.tables import Table

        records = ([{"answer": result.answer}] if result.kind == "ask" else result.records())
        out.write_csv(Table(["answer"] if result.kind == "ask" else result.columns, records))
        return
    click.echo(result.to_json() if out.json else result.to_table())


# --- queries: stems-from, basis, workload, compare, overlaps, search, due ---

QUERY_EXIT_CODES = """\b
Exit codes: 0 answered (possibly with nothing found); 1 bad value (a period
that cannot be read); 2 usage error; 3 the reference is ambiguous (the
candidates are listed; add --year, a date or --province); 4 the reference is
unknown (the nearest known ones are suggested); 5 no usable store (ingest first)."""


class ReferenceProblem(click.ClickException):
    """A typed reference names several nodes (exit 3) or none (exit 4)."""

    def __init__(self, err: Any):
        from policykg.queries import AmbiguousReference

        ambiguous = isinstance(err, AmbiguousReference)
        self.exit_code = 3 if ambiguous else 4
        lines = [f"{err.what} '{err.text}' is ambiguous" if ambiguous
                 else f"unknown {err.what} '{err.text}'"]
        if err.options:
            lines.append("candidates:" if ambiguous else "did you mean:")
            lines += [f"  {c.label}" + (f"  [{c.detail}]" if c.detail else "") + f"  ({c.id})"
                      for c in err.options]
        if ambiguous:
            lines.append("add --year, a date (\"ngày 30/01/2023\") or --province to pick one")
        super().__init__("\n".join(lines))



def _query_graph(store_path: str) -> Any:
    """The part of the knowledge graph the running query command reads (the whole graph
    for the commands that read every task)."""
    import networkx as nx

    from policykg.queries.partial import graph_for, reads_whole_graph

    store = _query_store(store_path)
    if isinstance(store, nx.Graph):  # --backend neo4j
        return store
    ctx = click.get_current_context(silent=True)
    options = dict(ctx.params) if ctx is not None else {}
    names: list[str] = []  # "stems-from"; "viz workload" (reads the whole graph) …
    while ctx is not None and ctx.parent is not None:
        names.insert(0, str(ctx.command.name))
        ctx = ctx.parent
    question = " ".join(names)
    if reads_whole_graph(question, **options):
        _warn_if_whole_graph_is_large(store, question)
    return _answer(lambda: _store_call(graph_for, store, question, **options))


# Memory the whole graph takes per plan (bench/README: ~330 KB per plan at 10,000 plans).
GRAPH_BYTES_PER_PLAN = 340_000


def _warn_if_whole_graph_is_large(store: Any, question: str) -> None:
    """Warn (on stderr) before a command reads the whole graph into more memory than this
    machine is likely to have, naming the commands that answer from the store instead."""
    from policykg.graph.store import StoreError

    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        plans = len(store.plan_nodes())
    except (AttributeError, ValueError, OSError, StoreError):
        return  # no way to tell here (Windows has no sysconf): go on without a word
    need = plans * GRAPH_BYTES_PER_PLAN
    if memory > 0 and need > 0.7 * memory:
        click.echo(f"warning: `policykg {question}` reads the whole graph of {plans:,} plans, "
                   f"about {need / 1e9:.1f} GB of memory, and this machine has "
                   f"{memory / 1e9:.1f} GB. stems-from, workload, compare, search and due "
                   "answer from the store at any size; `export --format csv` streams it.",
                   err=True)


def _query_store(store_path: str) -> Any:
    """What a question that reads a store's indexed rows is asked of: the store (checked
    to hold plans), or the graph read from the database with ``--backend neo4j``."""
    from policykg.graph.store import open_store

    from_database = _database_graph()  # --backend neo4j
    if from_database is not None:
        return from_database
    if not os.path.exists(store_path):
        raise StoreProblem(f"no store at {store_path}: ingest plans first "
                           "(policykg ingest FOLDER_OR_FILE...)")
    store = open_store(store_path)
    skeleton = _store_call(store.skeleton)
    if not any(kind == "Plan" for _, kind in skeleton.nodes(data="kind")):
        raise StoreProblem(f"the store {store_path} holds no plan: ingest plans first "
                           "(policykg ingest FOLDER_OR_FILE...)")
    return store


def _names_of(source: Any) -> Any:
    """The graph naming what ``source`` holds: a store's skeleton, or the graph itself."""
    return _store_call(source.skeleton) if hasattr(source, "skeleton") else source


def _answer(ask: Callable[[], Any]) -> Any:
    """Run a query, turning reference problems and bad values into plain messages."""
    from policykg.queries import UnresolvedReference

    try:
        return ask()
    except UnresolvedReference as err:
        raise ReferenceProblem(err) from None
    except ValueError as err:
        raise click.ClickException(str(err)) from None


def _query_json(value: Any) -> None:
    from policykg.queries.render import plain

    _echo_json(plain(value))


@cli.command("stems-from", epilog=QUERY_EXIT_CODES)
@click.argument("ref", metavar="REF")
@click.option("--province", help="Only tasks of this province (as written or merged in 2025).")
@click.option("--unit", help="Only tasks this unit leads or supports (diacritics optional).")
@click.option("--depth", type=click.IntRange(min=0), help="At most this many document links.")
@click.option("--group-by", type=click.Choice(["plan", "unit", "province"]),
              help="One table per plan, lead unit or province.")
@click.option("--plans", "show_plans", is_flag=True,
              help="List the downstream documents instead of tasks.")
@click.option("--year", type=int, help="Year of REF when its number recurs (36-NQ/TW).")
@click.option("--evidence", is_flag=True, help="Print each link's source line and quote.")
@all_tasks_option
@output_options
@store_option
def stems_from_command(ref: str, province: str | None, unit: str | None, depth: int | None,
                       group_by: str | None, show_plans: bool, year: int | None,
                       evidence: bool, every_task: bool, out: Output, store_path: str
                       ) -> None:
    """Tasks stemming from REF at any depth: 36-NQ/TW, "nghi quyet 36", "QĐ 673" …

    Follows every plan or document implementing or based on REF, and those
    implementing them, down to the tasks; each comes with its path and sources.
    """
    from policykg.queries import (
        downstream_documents,
        group_hits,
        resolve_document,
        stems_from,
        tables,
    )
    from policykg.queries.common import doc_label
    from policykg.queries.render import print_documents, print_stems

    source = _query_store(store_path)
    g = _names_of(source)
    root = _answer(lambda: resolve_document(g, ref, province=province, year=year))
    name = doc_label(g, root)
    if show_plans:
        docs = _answer(lambda: _store_call(downstream_documents, source, root,
                                           province=province, depth=depth))
        out.show({"directive": root, "label": name, "documents": docs},
                 lambda: tables.documents_table(name, docs),
                 lambda: print_documents(_console(), name, docs))
        return
    hits = _answer(lambda: _store_call(stems_from, source, root, province=province, unit=unit,
                                       depth=depth))
    data: dict[str, Any] = {"directive": root, "label": name, "tasks": hits}
    if group_by and out.json:
        data["groups"] = {k: [h.task for h in v] for k, v in group_hits(hits, group_by).items()}
    out.show(data, lambda: tables.stems_table(name, hits),
             lambda: print_stems(_console(), name, hits, group_by, evidence, every_task))


@cli.command("basis", epilog=QUERY_EXIT_CODES)
@click.argument("node", metavar="TASK|PLAN")
@output_options
@store_option
def basis_command(node: str, out: Output, store_path: str) -> None:
    """The directives a task or plan ultimately serves, and every document on the way."""
    from policykg.queries import basis, tables
    from policykg.queries.render import print_basis

    g = _query_graph(store_path)
    found = _answer(lambda: basis(g, node))
    out.show(found, lambda: tables.documents_table(found.node_label, found.documents,
                                                   asked="node"),
             lambda: print_basis(_console(), found))


_directive_option = click.option(
    "--directive", metavar="REF",
    help="Only tasks stemming from REF at any depth, as stems-from finds them "
         "(\"nghi quyet 57\").")
_plans_option = click.option("--plan", "plans", multiple=True, metavar="PLAN",
                             help="Only tasks of this plan (repeatable).")


@cli.command("workload", epilog=QUERY_EXIT_CODES)
@click.option("--province", help="Units of this province (as written or merged in 2025).")
@click.option("--unit", help="Units this name resolves to (\"chi cuc tdc\").")
@click.option("--kind", help="Units of this kind (\"phong quan ly khoa hoc\").")
@_directive_option
@_plans_option
@output_options
@store_option
def workload_command(province: str | None, unit: str | None, kind: str | None,
                     directive: str | None, plans: tuple[str, ...], out: Output,
                     store_path: str) -> None:
    """Tasks each unit leads and supports, by deadline, directive and plan.

    Collective groups ("các phòng, đơn vị trực thuộc Sở") are listed apart. With
    --directive or --plan only those tasks count, and units with none are left out.
    """
    from policykg.queries import tables, workload
    from policykg.queries.render import print_workload

    source = _query_store(store_path)
    rows = _answer(lambda: _store_call(workload, source, province=province, unit=unit,
                                       kind=kind, directive=directive,
                                       plans=list(plans) or None))
    out.show({"units": [r for r in rows if not r.collective],
              "collective": [r for r in rows if r.collective]},
             lambda: tables.workload_table(rows), lambda: print_workload(_console(), rows))


@cli.command("compare", epilog=QUERY_EXIT_CODES)
@click.argument("sides", nargs=-1, required=True, metavar="PROVINCE|PLAN...")
@click.option("--as-of", help="Date (YYYY-MM-DD); from 2025-07-01 provinces compare as merged.")
@_directive_option
@output_options
@store_option
def compare_command(sides: tuple[str, ...], as_of: str | None, directive: str | None,
                    out: Output, store_path: str) -> None:
    """Provinces or plans side by side: directives, topics, leading units, targets."""
    from policykg.queries import compare, tables
    from policykg.queries.render import print_comparison

    source = _query_store(store_path)
    result = _answer(lambda: _store_call(compare, source, list(sides), as_of=as_of,
                                         directive=directive))
    out.show(result, lambda: tables.comparison_table(result),
             lambda: print_comparison(_console(), result))


def _pair_options(top: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Which pairs ``overlaps`` and ``viz overlaps`` look for, and how many they keep."""
    options = (
        click.option("--across-provinces", is_flag=True,
                     help="Only pairs from different provinces."),
        click.option("--province", "provinces", multiple=True,
                     help="Only pairs within this province (repeatable: within these "
                     "provinces; with --across-provinces, between them)."),
        click.option("--plan", "plans", multiple=True,
                     help="Only pairs within this plan (number or id; repeatable: with two "
                     "or more, pairs between different plans)."),
        click.option("--directive", metavar="REF",
                     help="Only pairs of tasks stemming from REF at any depth (by default "
                     "between different plans: where do the plans carrying it out repeat "
                     "each other?)."),
        click.option("--across-plans", is_flag=True, help="Only pairs from different plans."),
        click.option("--min-score", type=click.FloatRange(0, 1), default=0.25,
                     show_default=True),
        click.option("--top", type=click.IntRange(min=1), default=top, show_default=True),
    )

    def add(func: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            func = option(func)
        return func
    return add


@cli.command("overlaps", epilog=QUERY_EXIT_CODES)
@_pair_options(top=30)
@output_options
@store_option
def overlaps_command(across_provinces: bool, provinces: tuple[str, ...], plans: tuple[str, ...],
                     directive: str | None, across_plans: bool, min_score: float, top: int,
                     out: Output, store_path: str) -> None:
    """Pairs of duties that are the same work, with the shared words explaining each.

    \b
    policykg overlaps --province "quang ninh" --across-plans   # one province's plans
    policykg overlaps --plan 245/KH-SKHCN --plan 28/KH-UBND     # two plans
    policykg overlaps --province "dak lak" --province "phu yen" --across-provinces
    policykg overlaps --directive "nghi quyet 57" --across-provinces
    """
    from policykg.queries import overlaps, tables
    from policykg.queries.render import print_overlaps

    g = _query_graph(store_path)
    report = _answer(lambda: overlaps(g, across_provinces=across_provinces,
                                      within_province=list(provinces) or None,
                                      plans=list(plans) or None, directive=directive,
                                      across_plans=across_plans or None,
                                      min_score=min_score, top=top))
    out.show(report, lambda: tables.overlaps_table(report),
             lambda: print_overlaps(_console(), report))


@cli.command("search", epilog=QUERY_EXIT_CODES)
@click.argument("text", nargs=-1, required=True)
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(["plan", "task", "unit", "document", "topic", "province"]),
              help="Only this kind (repeatable).")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@output_options
@store_option
def search_command(text: tuple[str, ...], kinds: tuple[str, ...], limit: int, out: Output,
                   store_path: str) -> None:
    """Plans, tasks, units and documents by words (diacritics optional)."""
    from policykg.queries import search, tables
    from policykg.queries.render import print_search

    source = _query_store(store_path)
    hits = _answer(lambda: _store_call(search, source, " ".join(text),
                                       kinds=list(kinds) or None, limit=limit))
    out.show(hits, lambda: tables.search_table(hits), lambda: print_search(_console(), hits))


@cli.command("due", epilog=QUERY_EXIT_CODES)
@click.argument("period", metavar="PERIOD")
@click.option("--province", help="Only tasks of this province (as written or merged in 2025).")
@click.option("--unit", help="Only tasks this unit leads or supports.")
@_directive_option
@_plans_option
@all_tasks_option
@output_options
@store_option
def due_command(period: str, province: str | None, unit: str | None, directive: str | None,
                plans: tuple[str, ...], every_task: bool, out: Output, store_path: str) -> None:
    """Tasks due in PERIOD (2025, 2025-Q3, 2025-06); yearly and ongoing duties apart."""
    from policykg.queries import due, tables
    from policykg.queries.render import print_due

    source = _query_store(store_path)
    report = _answer(lambda: _store_call(due, source, period, province=province, unit=unit,
                                         directive=directive, plans=list(plans) or None))
    out.show(report, lambda: tables.due_table(report),
             lambda: print_due(_console(), report, every_task))



# --- viz and report ---

VIZ_NOTE = """\b
Pages open from disk and load nothing from the network. Exit codes as for the
query commands; 1 when the output cannot be written."""


def _lang_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--lang", type=click.Choice(["vi", "en"]), default="vi",
                        show_default=True, help="Language of titles and legend.")(func)


def _out_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-o", "--out", required=True, type=click.Path(dir_okay=False),
                        help="File to write.")(func)


def _write(make: Callable[[], Any]) -> Any:
    """Run a picture writer: reference problems as for queries, file problems exit 1."""
    try:
        return _answer(make)
    except OSError as err:
        raise click.ClickException(f"cannot write {err.filename or 'output'}: "
                                   f"{err.strerror or err}") from None


def _echo_page(path: os.PathLike[str]) -> None:
    """Say where a page went, and the folder of folded tasks it reads, if it has one."""
    from policykg.viz.page import group_folder

    click.echo(os.fspath(path))
    folder = group_folder(path)
    if folder.is_dir():
        click.echo(f"{folder}{os.sep} (the folded tasks the page opens: keep it beside the page)")


@cli.group("viz", epilog=VIZ_NOTE)
def viz_group() -> None:
    """Interactive pages (lineage, workload, plan, overlaps) and the comparison chart."""


@viz_group.command("lineage", epilog=QUERY_EXIT_CODES)
@click.argument("ref", metavar="REF")
@_out_option
@click.option("--depth", type=click.IntRange(min=0), help="At most this many document links.")
@click.option("--year", type=int, help="Year of REF when its number recurs.")
@click.option("--province", help="Province of REF when it is a local document.")
@click.option("--max-tasks", type=click.IntRange(min=1), default=200, show_default=True,
              help="Above this many tasks, draw one expandable node per plan.")
@_lang_option
@store_option
def viz_lineage_command(ref: str, out: str, depth: int | None, year: int | None,
                        province: str | None, max_tasks: int, lang: str,
                        store_path: str) -> None:
    """Page: REF at the top, the plans carrying it out, their tasks and units."""
    from policykg.viz.lineage import write_lineage

    g = _query_graph(store_path)
    path = _write(lambda: write_lineage(g, ref, out, lang=lang, depth=depth, year=year,
                                        province=province, max_tasks=max_tasks))
    _echo_page(path)


@viz_group.command("workload", epilog=QUERY_EXIT_CODES)
@_out_option
@click.option("--province", help="Units of this province (as written or merged in 2025).")
@click.option("--unit", help="Units this name resolves to.")
@click.option("--color-by", type=click.Choice(["topic", "directive"]), default="topic",
              show_default=True, help="Colour tasks by topic or by root directive.")
@click.option("--max-tasks", type=click.IntRange(min=1), default=150, show_default=True,
              help="Above this many tasks, draw one expandable node per topic or directive.")
@_directive_option
@_plans_option
@_lang_option
@store_option
def viz_workload_command(out: str, province: str | None, unit: str | None, color_by: str,
                         max_tasks: int, directive: str | None, plans: tuple[str, ...],
                         lang: str, store_path: str) -> None:
    """Page: units sized by the tasks they lead, linked to their tasks."""
    from policykg.viz.workload import write_workload

    g = _query_graph(store_path)
    path = _write(lambda: write_workload(g, out, province=province, unit=unit,
                                         color_by=color_by, max_tasks=max_tasks, lang=lang,
                                         directive=directive, plans=list(plans) or None))
    _echo_page(path)


@viz_group.command("plan", epilog=QUERY_EXIT_CODES)
@click.argument("plan", metavar="PLAN")
@_out_option
@click.option("--year", type=int, help="Year of PLAN when its number recurs.")
@click.option("--province", help="Province of PLAN.")
@_lang_option
@store_option
def viz_plan_command(plan: str, out: str, year: int | None, province: str | None, lang: str,
                     store_path: str) -> None:
    """Page: one plan's legal bases, tasks and units."""
    from policykg.viz.plan import write_plan

    g = _query_graph(store_path)
    path = _write(lambda: write_plan(g, plan, out, lang=lang, year=year, province=province))
    click.echo(str(path))


@viz_group.command("compare", epilog=QUERY_EXIT_CODES)
@click.argument("sides", nargs=-1, required=True, metavar="PROVINCE|PLAN...")
@click.option("-o", "--out", required=True, type=click.Path(dir_okay=False),
              help="FILE.png or FILE.svg; without a suffix both are written.")
@click.option("--as-of", help="Date (YYYY-MM-DD); from 2025-07-01 provinces compare as merged.")
@_directive_option
@_lang_option
@store_option
def viz_compare_command(sides: tuple[str, ...], out: str, as_of: str | None,
                        directive: str | None, lang: str, store_path: str) -> None:
    """Chart: topic × province task counts, and shared or unique directives."""
    from policykg.viz.compare import write_compare

    g = _query_graph(store_path)
    for path in _write(lambda: write_compare(g, list(sides), out, lang=lang, as_of=as_of,
                                             directive=directive)):
        click.echo(str(path))


@viz_group.command("overlaps", epilog=QUERY_EXIT_CODES)
@_out_option
@_pair_options(top=60)
@_lang_option
@store_option
def viz_overlaps_command(out: str, plans: tuple[str, ...], provinces: tuple[str, ...],
                         directive: str | None, across_provinces: bool, across_plans: bool,
                         min_score: float, top: int, lang: str, store_path: str) -> None:
    """Page: the plans, their duties that overlap, and a link for each pair (as overlaps)."""
    from policykg.viz.overlaps import write_overlaps

    g = _query_graph(store_path)
    path = _write(lambda: write_overlaps(
        g, out, plans=list(plans) or None, provinces=list(provinces) or None,
        directive=directive, across_provinces=across_provinces,
        across_plans=across_plans or None,
        min_score=min_score, top=top, lang=lang))
    _echo_page(path)


@cli.command("report", epilog=VIZ_NOTE)
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False),
              help="Folder to write the report into (created if needed).")
@_lang_option
@store_option
def report_command(out: str, lang: str, store_path: str) -> None:
    """A folder of pages: summary, lineages, workloads, plans, overlaps, comparison."""
    from policykg.viz.report import write_report

    g = _query_graph(store_path)
    click.echo(str(_write(lambda: write_report(g, out, lang=lang))))


# --- neo4j ---

NEO4J_NOTE = """\b
Connection: --uri (or $NEO4J_URI), --user and --password (or $NEO4J_USER and
$NEO4J_PASSWORD; give no user for a server without authentication), --database
(or $NEO4J_DATABASE; the server's default database otherwise). The password is
never printed."""

BACKEND_COMMANDS = ("stems-from", "workload", "compare", "overlaps", "search")
_CONNECTION_KEYS = ("neo4j_uri", "neo4j_user", "neo4j_password", "neo4j_database")


def _connection_params() -> list[click.Option]:
    """The options naming a Neo4j database (push and ``--backend neo4j`` share them)."""
    return [
        click.Option(["--uri", "neo4j_uri"], envvar="NEO4J_URI", default="bolt://localhost:7687",
                     show_default=True, show_envvar=True, help="Neo4j (Bolt) address."),
        click.Option(["--user", "neo4j_user"], envvar="NEO4J_USER", show_envvar=True,
                     help="User name; none for a server without authentication."),
        click.Option(["--password", "neo4j_password"], envvar="NEO4J_PASSWORD",
                     show_envvar=True, help="Password (better given as $NEO4J_PASSWORD)."),
        click.Option(["--database", "neo4j_database"], envvar="NEO4J_DATABASE",
                     show_envvar=True, help="Database name; the server's default otherwise."),
    ]


def _connection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    params = getattr(func, "__click_params__", [])
    params.extend(reversed(_connection_params()))
    func.__click_params__ = params  # type: ignore[attr-defined]
    return func


class DatabaseProblem(click.ClickException):
    """The Neo4j database cannot be reached or refused the work: exit status 1."""

    exit_code = 1


def _shown_uri(uri: str) -> str:
    """``uri`` without any user name or password written into it."""
    scheme, sep, rest = uri.partition("://")
    return f"{scheme}{sep}{rest.rsplit('@', 1)[-1]}" if sep else uri


def _database_call(uri: str, func: Callable[[], Any], problem: type[click.ClickException]
                   ) -> Any:
    """Run ``func``, turning connection and database errors into a plain message."""
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    from policykg.graph.neo4j import Neo4jError as PushError

    where = _shown_uri(uri)
    try:
        return func()
    except AuthError:
        raise problem(f"{where} refused the user name or password") from None
    except PushError as exc:
        raise problem(f"{where}: {exc}") from None
    except (DriverError, Neo4jError, OSError) as exc:
        message = " ".join((getattr(exc, "message", None) or str(exc) or
                            type(exc).__name__).split())
        raise problem(f"cannot use the database at {where}: {message}") from None


def _driver(params: dict[str, Any], problem: type[click.ClickException]) -> Any:
    from policykg.graph import neo4j

    uri = params["neo4j_uri"]
    return _database_call(uri, lambda: neo4j.connect(uri, params.get("neo4j_user"),
                                                     params.get("neo4j_password")), problem)


@cli.group("neo4j", epilog=NEO4J_NOTE)
def neo4j_group() -> None:
    """Copy the graph into a Neo4j database and keep it up to date."""


@neo4j_group.command("push", epilog=NEO4J_NOTE)
@click.option("--incremental", is_flag=True,
              help="Write only what changed since the last push (forgotten plans' tasks "
                   "are removed either way).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@_connection_options
@store_option
def neo4j_push_command(incremental: bool, as_json: bool, store_path: str,
                       **connection: Any) -> None:
    """Write the store's graph to Neo4j: one node per graph node, labelled by kind, one
    relationship per edge, with every property and its provenance.

    Pushing again changes nothing; nodes and relationships the store no longer
    has are deleted. A lost connection is retried; if the push still stops, run
    it again to finish it.

    Exit status: 0 pushed, 1 the database could not be reached or refused the
    work, 2 usage error, 5 the store could not be used.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from policykg.graph.neo4j import push_store

    store = _open_store(store_path)
    _store_call(store.files)  # an unreadable store is reported before connecting
    errors = Console(stderr=True, highlight=False)
    progress: Any = None

    def on_progress(stage: str, done: int, total: int) -> None:
        nonlocal progress
        if progress is None and errors.is_terminal and total:
            progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                MofNCompleteColumn(), console=errors, transient=True)
            progress.start()
            progress.add_task(stage, total=total)
        if progress is not None:
            progress.update(progress.task_ids[0], completed=done, description=stage)

    driver = _driver(connection, DatabaseProblem)
    try:
        # read in batches of plans: memory stays bounded whatever the store's size
        report = _store_call(
            _database_call, connection["neo4j_uri"],
            lambda: push_store(store, driver, database=connection.get("neo4j_database"),
                               incremental=incremental, on_progress=on_progress),
            DatabaseProblem)
    finally:
        if progress is not None:
            progress.stop()
        driver.close()
    if as_json:
        _echo_json({"database": _shown_uri(connection["neo4j_uri"]), **report.to_dict()})
        return
    click.echo(
        f"{_shown_uri(connection['neo4j_uri'])}: {report.nodes_written} nodes and "
        f"{report.relationships_written} relationships written, {report.nodes_deleted} nodes "
        f"and {report.relationships_deleted} relationships deleted, {report.nodes_unchanged} "
        f"nodes and {report.relationships_unchanged} relationships unchanged; the database "
        f"holds {report.nodes} nodes and {report.relationships} relationships."
    )
    for title, plans in (("added", report.plans_added), ("changed", report.plans_changed),
                         ("forgotten", report.plans_forgotten)):
        if plans:
            click.echo(f"  plans {title}: {', '.join(plans)}")
    if report.retries:
        click.echo(f"  {report.retries} request(s) retried after a lost connection", err=True)


def _with_backend(command: click.Command) -> None:
    """Give a query command ``--backend neo4j`` and the connection options."""
    import functools

    command.params += [
        click.Option(["--backend"], type=click.Choice(["embedded", "neo4j"]),
                     default="embedded", show_default=True,
                     help="Answer from the store, or from the Neo4j database the graph was "
                          "pushed to (policykg neo4j push)."),
        *_connection_params(),
    ]
    callback = command.callback
    if callback is None:
        return

    @functools.wraps(callback)
    def run(**kwargs: Any) -> Any:
        for key in ("backend", *_CONNECTION_KEYS):
            kwargs.pop(key, None)
        return callback(**kwargs)

    command.callback = run


def _database_graph() -> Any:
    """With ``--backend neo4j``: the part of the database's graph the running question
    reads (fetched in Cypher); otherwise None."""
    from policykg.graph.neo4j import NODE_LABEL
    from policykg.queries.cypher import CypherQuestions

    ctx = click.get_current_context(silent=True)
    if ctx is None or ctx.params.get("backend") != "neo4j" or ctx.command.name is None:
        return None
    params = ctx.params
    driver = _driver(params, StoreProblem)
    database = params.get("neo4j_database")
    uri = params["neo4j_uri"]
    try:
        questions = _database_call(uri, lambda: CypherQuestions(driver, database),
                                   StoreProblem)
        empty = _database_call(uri, lambda: not questions.runner.run(
            f"MATCH (n:{NODE_LABEL}) RETURN n.id AS id LIMIT 1"), StoreProblem)
        if empty:
            raise StoreProblem(f"the database at {_shown_uri(uri)} holds no policykg "
                                    "graph: push one (policykg neo4j push) or import an export "
                                    "(policykg export --format csv DIR, then DIR/import.sh)")
        return _answer(lambda: _database_call(
            uri, lambda: questions.graph_for(ctx.command.name, **params), StoreProblem))
    finally:
        driver.close()


for _name in BACKEND_COMMANDS:
    if _name in cli.commands:
        _with_backend(cli.commands[_name])


def _utf8_output() -> None:
    """Write UTF-8 whatever the locale says. Redirected to a file on Windows, standard
    output is encoded in the ANSI code page (cp1252, or cp1258 on a Vietnamese system),
    which holds neither every Vietnamese letter nor the byte-order mark ``--excel`` writes:
    a table, JSON or CSV sent to a file would stop on the first such letter. A Windows
    console is written in UTF-16 by Python whatever this says."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def main() -> None:
    _utf8_output()
    cli()

"""The ``policykg`` command line: a thin shell over the Python API."""

from __future__ import annotations

import click

from policykg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policykg")
def cli() -> None:
    """Turn Vietnamese government plans into a knowledge graph and ask it questions."""


# --- ingest, plans, tasks, show, forget, stats, export, sparql (graph/store) ---


# --- queries: stems-from, basis, workload, compare, overlaps, search, due ---


# --- viz and report ---


# --- neo4j ---


def main() -> None:
    cli()

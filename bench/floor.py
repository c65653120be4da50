"""The ingest floor: read, decode, NFC-normalise and split lines, nothing else.

``python -m bench.floor DIR [--repeat 3] [--json]``

No parser can ingest a corpus faster than it can read the files and split their lines, so
this number is the floor to compare ``policykg ingest`` against (plans/s and MB/s). Files
that are not text (.docx, .pdf …) are read but not decoded.
"""

from __future__ import annotations

import json
import os
import time
import unicodedata
from pathlib import Path

import click

TEXT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})


def corpus_files(folder: Path) -> list[Path]:
    """Every visible file under ``folder``, sorted (hidden files such as the manifest skipped)."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(root, f) for f in sorted(files) if not f.startswith("."))
    return out


def read_all(files: list[Path]) -> tuple[int, int]:
    """Read every file; decode, NFC-normalise and split the text ones. Returns (bytes, lines)."""
    total = lines = 0
    for path in files:
        data = path.read_bytes()
        total += len(data)
        if path.suffix.lower() in TEXT_SUFFIXES:
            text = unicodedata.normalize("NFC", data.decode("utf-8", errors="replace"))
            lines += len(text.splitlines())
    return total, lines


def measure(folder: Path, repeat: int = 3) -> dict:
    """Best of ``repeat`` passes over ``folder`` (the first pass also warms the page cache).

    Wall-clock and CPU time are both reported: on a shared machine the CPU figure is the
    one that says what the code costs.
    """
    files = corpus_files(folder)
    if not files:
        raise click.ClickException(f"no files in {folder}")
    best = best_cpu = float("inf")
    size = lines = 0
    for _ in range(max(1, repeat)):
        started, cpu_started = time.perf_counter(), time.process_time()
        size, lines = read_all(files)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu_started)
    best_cpu = max(best_cpu, 1e-9)
    return {"files": len(files), "bytes": size, "lines": lines, "seconds": round(best, 4),
            "cpu_seconds": round(best_cpu, 4),
            "plans_per_s": round(len(files) / best, 1), "mb_per_s": round(size / 1e6 / best, 1),
            "plans_per_cpu_s": round(len(files) / best_cpu, 1)}


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--repeat", type=click.IntRange(min=1), default=3, show_default=True,
              help="Passes over the corpus; the fastest is reported.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def main(folder: Path, repeat: int, as_json: bool) -> None:
    """Measure the read-NFC-split floor over FOLDER (plans/s, MB/s)."""
    result = measure(folder, repeat)
    if as_json:
        click.echo(json.dumps(result))
    else:
        click.echo(f"{result['files']} files, {result['bytes'] / 1e6:.1f} MB, "
                   f"{result['lines']} lines in {result['seconds']} s: "
                   f"{result['plans_per_s']} plans/s, {result['mb_per_s']} MB/s "
                   f"({result['plans_per_cpu_s']} plans per CPU second)")


if __name__ == "__main__":
    main()

"""Every CLI command is documented in the README and has --help."""

from __future__ import annotations

import click
from click.testing import CliRunner

from policykg.cli import cli
from tests.conftest import ROOT


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        found.append((full, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, full + " "))
    return found


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name, _ in _commands(cli) if f"policykg {name}" not in readme]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_every_command_has_help():
    runner = CliRunner()
    for name, _ in _commands(cli):
        result = runner.invoke(cli, [*name.split(), "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Usage:" in result.output


def test_query_commands_offer_json():
    queries = {"plans", "tasks", "show", "stats", "stems-from", "basis", "workload", "compare",
               "overlaps", "search", "due", "sparql"}
    commands = dict(_commands(cli))
    for name in sorted(queries & set(commands)):
        options = {opt for p in commands[name].params for opt in getattr(p, "opts", [])}
        assert "--json" in options, f"{name} has no --json"

"""Docs that cannot rot: every CLI command is documented in the README and has --help."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import _register, cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix=""):
    for name, cmd in sorted(group.commands.items()):
        yield f"{prefix}{name}", cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, f"{prefix}{name} ")


def test_every_command_is_documented_and_has_help():
    _register()
    runner = CliRunner()
    names = list(_commands(cli))
    assert {"articles", "article", "rejects"} <= {n for n, _ in names}
    for name, _cmd in names:
        assert f"eventwire {name}" in README, f"`eventwire {name}` is not documented in README.md"
        result = runner.invoke(cli, [*name.split(), "--help"])
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.output


def test_missing_store_is_a_usage_error(tmp_path):
    _register()
    result = CliRunner().invoke(cli, ["articles", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no store at" in result.output

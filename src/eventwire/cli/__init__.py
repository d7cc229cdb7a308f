"""The ``eventwire`` command: a thin shell over the library, one module per concern.

Each module in :data:`COMMAND_MODULES` defines click commands and a ``register(group)``
function; a capability adds its own module here instead of editing the others.
"""

from __future__ import annotations

import importlib

import click

COMMAND_MODULES = [
    "eventwire.cli.ingest",
    "eventwire.cli.articles",
    "eventwire.cli.events",
    "eventwire.cli.evaluate",
    "eventwire.cli.quotes",
    "eventwire.cli.geo",
    "eventwire.cli.cluster",
    "eventwire.cli.serve",
    "eventwire.cli.load",
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def cli() -> None:
    """eventwire: news in, evidence-backed event data out (offline)."""


def _register() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(cli)


def main() -> None:
    """Console entry point."""
    _register()
    cli(prog_name="eventwire")

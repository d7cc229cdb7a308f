"""``eventwire eval SUITE [--data PATH]``: run one evaluation suite, summary line last."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EventwireError


@click.command("eval")
@click.argument("suite")
@click.option("--data", type=click.Path(exists=True, path_type=Path), default=None,
              help="Gold data folder in the suite's format (default: the suite's folder under ../shared/data).")
def eval_cmd(suite: str, data: Path | None) -> None:
    """Score one stage on gold data; the last line is `suite=NAME key=value ...`."""
    from ..eval import run_suite, summary_line

    try:
        numbers = run_suite(suite, data, click.echo)
    except EventwireError as exc:
        from ._common import fail

        fail(exc)
        return
    click.echo(summary_line(suite, numbers))


def register(group: click.Group) -> None:
    group.add_command(eval_cmd)

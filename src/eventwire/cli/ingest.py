"""``eventwire ingest INPUTS...``: a thin shell over :func:`eventwire.ingest.ingest`.

Rejects are printed as they happen (one line each, on stderr), a progress bar runs on stderr
when it is a terminal, and the run ends with the one-line summary. Exit code 0 when anything
was ingested or already known, 1 when nothing could be, 2 for usage errors.
"""

from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from ..config import load_settings
from ..errors import EventwireError, UsageError
from ..ingest.fetch import is_url
from ..ingest.runner import REJECTED, IngestSummary, Outcome
from ._common import db_option, fail, format_option, open_store


@click.command("ingest")
@db_option
@click.option("--allow-private", is_flag=True,
              help="Allow fetching loopback, private and link-local addresses (refused by default).")
@click.option("--ignore-robots", is_flag=True,
              help="Fetch pages even where the host's robots.txt disallows it (obeyed by default).")
@click.option("--per-host-delay", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Seconds between two requests to the same host (default 1.0).")
@click.option("-v", "--verbose", is_flag=True, help="Log each step (and tracebacks of internal errors) on stderr.")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Processes analysing articles (default: all cores); one process writes the store.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="ray: run the stages on Ray Data (pip install eventwire[ray]), write Parquet shards, load them.")
@click.option("--shards", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="With --engine ray: where the Parquet shards go (default: DB file name + .shards).")
@format_option("table", "json")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUTS...")
def ingest_cmd(db: str | None, allow_private: bool, ignore_robots: bool, per_host_delay: float | None, verbose: bool,
               workers: int | None, engine: str, shards: str | None, fmt: str, inputs: tuple[str, ...]) -> None:
    """Ingest files, directories, URLs, URL lists, RSS/Atom feeds, WARC(.gz) and JSON Lines.

    The kind of each input is read from its content. `-` reads standard input. With
    `--format json` every input part is one JSON line (status, source, article_id, stage,
    reason) and the last line is the summary (status "summary").
    """
    if verbose:
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
        logging.getLogger("eventwire").setLevel(logging.DEBUG)
    reporter = _Reporter(fmt)
    try:
        _check_inputs(inputs)
        overrides: dict[str, Any] = {"allow_private": allow_private, "respect_robots": not ignore_robots}
        if per_host_delay is not None:
            overrides["per_host_interval_s"] = per_host_delay
        settings = load_settings(db, **overrides)
        stdin = sys.stdin.buffer if "-" in inputs else None
        if engine == "ray":
            from ..scale.ray_engine import ingest_ray

            with open_store(db) as store, reporter:
                summary = ingest_ray(store, inputs, settings, shards=shards, workers=workers, progress=reporter)
        else:
            from ..scale.workers import ingest_parallel

            with open_store(db) as store, reporter:
                summary = ingest_parallel(store, inputs, settings, workers=workers, progress=reporter, stdin=stdin)
    except EventwireError as exc:
        fail(exc)
        return
    except KeyboardInterrupt:  # every stored article is complete (one transaction each): say so, stop
        done = ", ".join(f"{n} {status}" for status, n in reporter.counts.items()) or "nothing"
        click.echo(f"interrupted after: {done}; run the same command again to continue", err=True)
        raise SystemExit(130) from None
    _print_summary(summary, fmt)
    raise SystemExit(0 if summary.ok else 1)


def _check_inputs(inputs: tuple[str, ...]) -> None:
    """Usage errors before any work: a path that does not exist is a typo, not a bad document."""
    missing = [i for i in inputs if i != "-" and not is_url(i) and not Path(i).exists()]
    if missing:
        raise UsageError(f"[E576] no such file or directory: {', '.join(missing)}")


def _print_summary(summary: IngestSummary, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps({"status": "summary", **summary.as_dict()}))
    else:
        click.echo(summary.line())


class _Reporter:
    """Progress callback: reject lines on stderr, JSON lines on stdout, a live bar on a terminal."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.counts: Counter[str] = Counter()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> _Reporter:
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                      console=Console(stderr=True), transient=True)
            self._progress.start()
            self._task = self._progress.add_task("ingesting", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __call__(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        if self.fmt == "json":
            click.echo(json.dumps({"status": outcome.status, "source": outcome.source,
                                   "article_id": outcome.article_id, "stage": outcome.stage,
                                   "reason": outcome.reason}, ensure_ascii=False))
        if outcome.status == REJECTED:
            self._say(outcome.line())
        if self._progress is not None:
            done = ", ".join(f"{n} {status}" for status, n in self.counts.items())
            self._progress.update(self._task, description=f"{done} | last: {outcome.source[-50:]}")

    def _say(self, line: str) -> None:
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False)
        else:
            click.echo(line, err=True)


def register(group: click.Group) -> None:
    group.add_command(ingest_cmd)

"""Evaluation suites: ``eventwire eval SUITE [--data PATH]`` scores one stage on gold data.

A suite is a module in this package with

* ``DEFAULT_DATA``: path relative to the shared data folder (``../shared/data``), or an absolute
  path for gold that lives in the repository, and
* ``evaluate(data: Path, echo: Callable[[str], None]) -> dict[str, float]``: prints its report
  with ``echo`` and returns the headline numbers, which the CLI prints last as one
  ``name=value`` line.

Register a suite by adding its module name to :data:`SUITES`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path

from ..errors import UsageError

SUITES: dict[str, str] = {
    "quotes": "eventwire.eval.quotes",
    "headlines": "eventwire.eval.headlines",
    "events": "eventwire.eval.events",
    "geo": "eventwire.eval.geo",
    "extraction": "eventwire.eval.extraction",
    "triage": "eventwire.eval.triage",
    "cluster": "eventwire.eval.cluster",
    "scope": "eventwire.eval.scope",
}


def shared_data_dir() -> Path:
    """``$EVENTWIRE_SHARED_DATA``, else the nearest ``shared/data`` beside a parent folder."""
    env = os.environ.get("EVENTWIRE_SHARED_DATA")
    if env:
        return Path(env)
    for base in (Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parents[3]):
        candidate = base / ".." / "shared" / "data"
        if candidate.is_dir():
            return candidate.resolve()
    raise UsageError("[E401] cannot find ../shared/data; set EVENTWIRE_SHARED_DATA or pass --data")


def run_suite(name: str, data: Path | None, echo: Callable[[str], None]) -> dict[str, float]:
    """Run one suite and return its headline numbers."""
    if name not in SUITES:
        raise UsageError(f"[E402] unknown suite {name!r}; choose from {', '.join(sorted(SUITES))}")
    module = importlib.import_module(SUITES[name])
    default = Path(module.DEFAULT_DATA)  # absolute: the suite's own gold in the repository (cluster, scope)
    path = data or (default if default.is_absolute() else shared_data_dir() / default)
    if not path.exists():
        raise UsageError(f"[E403] no data at {path}")
    return module.evaluate(Path(path), echo)


def summary_line(name: str, numbers: dict[str, float]) -> str:
    """The last line of every eval run: ``suite=NAME key=value ...``."""
    parts = [f"suite={name}"] + [f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in numbers.items()]
    return " ".join(parts)

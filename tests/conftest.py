"""Shared fixtures: paths to the repository's and the shared folder's real data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "belgorod-raid.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_text: str):
    """The seed run once through the whole pipeline (real spaCy model)."""
    import eventwire

    return eventwire.process(seed_text, published="2023-05-23T10:00:00")


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"

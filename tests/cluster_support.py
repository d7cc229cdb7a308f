"""Helpers for the clustering tests: the seed and the two video-message reports as raw inputs."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.model import RawDocument

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "cluster"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "belgorod-raid.txt"
SEED_URL = "https://www.example-blog.net/2023/05/russians-invade-belgorod"
SEED_PUBLISHED = "2023-05-23T10:00:00"


def record_raw(rec: dict[str, str], source: str | None = None) -> RawDocument:
    """A JSON Lines record as the ingest runner would hand it to the pipeline."""
    return RawDocument(source or rec["url"], "record", rec["text"].encode(), url=rec.get("url"),
                       title=rec.get("title"), published=rec.get("published"), text=rec["text"],
                       outlet=rec.get("outlet"))


def video_raws() -> list[RawDocument]:
    """The seed blog post, a syndicated copy of the Newsweek story, and a wire report."""
    seed = {"url": SEED_URL, "published": SEED_PUBLISHED, "text": SEED.read_text(encoding="utf-8")}
    recs = [json.loads(line) for line in (FIXTURES / "video-message.jsonl").read_text(encoding="utf-8").splitlines()]
    return [record_raw(seed, "belgorod-raid.txt"), *(record_raw(r) for r in recs)]


def video_jsonl(path: Path) -> Path:
    """The three inputs as one JSON Lines file, for the ingest runner."""
    seed = {"url": SEED_URL, "published": SEED_PUBLISHED, "text": SEED.read_text(encoding="utf-8")}
    lines = [json.dumps(seed, ensure_ascii=False), *(FIXTURES / "video-message.jsonl").read_text().splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path

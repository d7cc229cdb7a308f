"""The Ray path gives the same store as the local path (Ray local mode, no network)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest_support import IRGC_HTML, run_cli, warc_gz
from parallel_support import store_content

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_ray_shards_loaded_equal_the_local_ingest(tmp_path):
    pytest.importorskip("ray")
    pages = [(f"https://wire.example.org/{p.stem}", p.read_bytes())
             for p in (FIXTURES / "wire-story.html", IRGC_HTML, FIXTURES / "no-article.html")]
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_gz(pages))
    jsonl = FIXTURES / "articles.jsonl"
    local, ray_db, shards = tmp_path / "local.duckdb", tmp_path / "ray.duckdb", tmp_path / "shards"
    first = run_cli("ingest", "--db", str(local), "--workers", "1", str(warc), str(jsonl))
    second = run_cli("ingest", "--db", str(ray_db), "--engine", "ray", "--workers", "1", "--shards", str(shards),
                     str(warc), str(jsonl))
    summary = first.output.strip().splitlines()[-1]
    assert summary.startswith("ingested ") and "rejected" in summary
    assert second.output.strip().splitlines()[-1] == summary
    assert store_content(local) == store_content(ray_db)
    assert any(shards.rglob("event_reports.parquet")) and any(shards.rglob("spans.parquet"))
    again = run_cli("load", "--db", str(ray_db), str(shards))  # loading again replaces, never duplicates
    assert "ingested 0" in again.output and "already known" in again.output
    before, after = store_content(local), store_content(ray_db)
    assert len(after.pop("rejects")) == len(before.pop("rejects"))  # a reject loaded again counts one more attempt
    assert before == after

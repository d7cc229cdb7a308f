"""Benchmark: ingest throughput with and without the events stage, same pages, same run.

Run: ``.venv/bin/python benchmarks/events.py [--data ../shared/data/extraction/naeb] [--pages 80]``.
Both passes run ``pipeline.run_raw`` (extraction + language + cited + NLP [+ events]) over the
same NAEB HTML pages after a warm-up; the events-only time is also measured on the parses.
Target: with events >= 70% of the throughput without.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/data/extraction/naeb")
    parser.add_argument("--pages", type=int, default=80)
    args = parser.parse_args()

    from eventwire.events import code_article
    from eventwire.model import RawDocument
    from eventwire.pipeline import DEFAULT_STAGES, Work, run_raw

    root = Path(args.data)
    pages = sorted((root / "html").glob("*.html") if (root / "html").is_dir() else root.glob("*.html"))[: args.pages]
    raws = [RawDocument(source=str(p), kind="html", content=p.read_bytes()) for p in pages]
    base_stages = tuple(s for s in DEFAULT_STAGES if s.name in {"language", "cited", "nlp"})
    with_events = (*base_stages, next(s for s in DEFAULT_STAGES if s.name == "events"))
    run_raw(raws[0], with_events)  # warm-up: model and lexicon loaded once

    def timed(stages: tuple) -> tuple[float, list]:
        t0 = time.perf_counter()
        out = [run_raw(r, stages) for r in raws]
        return time.perf_counter() - t0, out

    t_without, works = timed(base_stages)
    t_with, coded = timed(with_events)
    done = [w for w in works if isinstance(w, Work) and w.base is not None]
    t0 = time.perf_counter()
    n_events = sum(len(code_article(w.article, w.base)) for w in done)
    t_events = time.perf_counter() - t0
    n = len(raws)
    words = sum(len(w.article.text.split()) for w in done)
    print(f"pages {n} ({len(done)} analysed, {words} words), event reports {n_events}")
    print(f"ingest without events: {n / t_without:.2f} articles/s ({t_without:.1f} s)")
    print(f"ingest with events:    {n / t_with:.2f} articles/s ({t_with:.1f} s)")
    print(f"events stage alone:    {len(done) / t_events:.1f} articles/s ({t_events:.2f} s, "
          f"{100 * t_events / t_without:.1f}% of ingest time)")
    print(f"ratio with/without: {t_without / t_with:.3f} (target >= 0.70)")
    del coded


if __name__ == "__main__":
    main()

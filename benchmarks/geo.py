"""Benchmark: gazetteer load time and memory, mentions resolved per second, beside the NLP stage.

Run: ``.venv/bin/python benchmarks/geo.py [--data ../shared/data/geo/TR-News.xml] [--docs 60]``.
Resolution must stay a small fraction of spaCy's time on the same articles.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/data/geo/TR-News.xml")
    parser.add_argument("--docs", type=int, default=60)
    args = parser.parse_args()

    from eventwire.eval.geo import load_docs
    from eventwire.geo.gazetteer import Gazetteer, ensure_gazetteer
    from eventwire.geo.mentions import find_mentions
    from eventwire.geo.outlet import outlet_hint
    from eventwire.geo.resolve import resolve
    from eventwire.nlp.base import analyse, load_model

    path = ensure_gazetteer()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    gaz = Gazetteer(path)
    gaz.lookup("Kharkiv")
    load_s = time.perf_counter() - t0
    docs = load_docs(Path(args.data))[: args.docs]
    load_model()
    t0 = time.perf_counter()
    bases = [analyse(d.text) for d in docs]
    nlp_s = time.perf_counter() - t0
    words = sum(len(d.text.split()) for d in docs)
    t0 = time.perf_counter()
    n = 0
    for d, base in zip(docs, bases, strict=True):
        mentions = find_mentions(d.text, base.entities, base.tokens, gaz)
        n += len(resolve(d.text, mentions, gaz, outlet=outlet_hint(gaz, url=d.url)))
    geo_s = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"gazetteer: {path} ({path.stat().st_size / 1e6:.1f} MB) opened + first lookup in {load_s * 1000:.0f} ms")
    print(f"nlp base layer: {len(docs)} docs, {words} words in {nlp_s:.2f} s ({words / nlp_s:.0f} words/s)")
    print(f"places (detect + outlet hint + dateline + resolve, cold lookup cache): {n} mentions in {geo_s:.2f} s "
          f"({n / max(geo_s, 1e-9):.0f} mentions/s) = {100 * geo_s / nlp_s:.1f}% of NLP time")
    print(f"max RSS after run: {rss1 / 1024:.0f} MB (before gazetteer: {rss0 / 1024:.0f} MB)")


if __name__ == "__main__":
    main()

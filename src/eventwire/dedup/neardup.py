"""Near-duplicates by MinHash + LSH banding, kept in the store (no pairwise comparison).

Each article's text becomes a set of word 4-gram shingles and a 128-permutation MinHash
(``datasketch``). The signature is cut into 32 bands of 4 rows; each band is hashed to a
bucket key stored in ``article_lsh``. A new article is compared only with the articles that
share at least one bucket (an index lookup), and linked when the signatures agree on at least
:data:`THRESHOLD` of their values (estimated Jaccard). The *origin* of a group is its earliest
published article (then earliest ingested); every other member links to it, so later stages
can count independent sources.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from ..store.bulk import insert_rows

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 4
THRESHOLD = 0.5
SEED = 20261127
METHOD = "dedup.minhash_lsh.v1"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """``article_id`` is a near-copy of ``origin_id`` (estimated Jaccard ``similarity``)."""

    article_id: str
    origin_id: str
    similarity: float
    method: str = METHOD
    reason: str = ""


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature (unsigned 32-bit values, as datasketch makes them)."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    mh.update_batch(list(shingles(text)))
    return [int(v) for v in mh.hashvalues]


def band_keys(sig: list[int]) -> list[int]:
    """One signed 64-bit bucket key per band."""
    keys = []
    for b in range(BANDS):
        chunk = ",".join(str(v) for v in sig[b * ROWS : (b + 1) * ROWS]).encode()
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8, person=b"ewlsh").digest(), "big", signed=True))
    return keys


def similarity(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def index_article(con: Any, article_id: str, text: str) -> list[DuplicateLink]:
    """Store the article's signature and buckets, link it and its near-copies to one origin."""
    sig = signature(text)
    keys = band_keys(sig)
    con.execute("INSERT INTO article_minhash VALUES (?, ?)", [article_id, sig])
    insert_rows(con, "article_lsh", [(article_id, b, k) for b, k in enumerate(keys)])
    rows = con.execute(
        """SELECT DISTINCT m.article_id, m.signature FROM article_lsh l
           JOIN article_lsh c ON c.band = l.band AND c.bucket = l.bucket AND c.article_id <> l.article_id
           JOIN article_minhash m ON m.article_id = c.article_id
           WHERE l.article_id = ?""", [article_id]).fetchall()
    matches = {other: similarity(sig, list(other_sig)) for other, other_sig in rows}
    matches = {k: v for k, v in matches.items() if v >= THRESHOLD}
    if not matches:
        return []
    return _link_group(con, article_id, matches)


def marks(items: set[str]) -> str:
    return ",".join("?" * len(items))


def _link_group(con: Any, article_id: str, matches: dict[str, float]) -> list[DuplicateLink]:
    members = {article_id, *matches}
    existing = con.execute(f"SELECT origin_id FROM near_duplicates WHERE article_id IN ({marks(members)})",
                           list(members)).fetchall()
    members |= {r[0] for r in existing}
    ordered = con.execute(
        f"""SELECT a.id, m.signature FROM articles a JOIN article_minhash m ON m.article_id = a.id
            WHERE a.id IN ({marks(members)}) ORDER BY a.published NULLS LAST, a.ingested_at, a.id""",
        list(members)).fetchall()
    origin, origin_sig = ordered[0][0], list(ordered[0][1])
    links = []
    for member, sig in ordered[1:]:
        sim = similarity(list(sig), origin_sig)
        reason = (f"MinHash Jaccard ~{sim:.2f} with the origin (shared LSH bucket; {NUM_PERM} perms, "
                  f"{BANDS} bands); origin = earliest published of {len(ordered)} near-copies")
        links.append(DuplicateLink(member, origin, round(sim, 3), METHOD, reason))
    con.execute(f"DELETE FROM near_duplicates WHERE article_id IN ({marks(members)})", list(members))
    insert_rows(con, "near_duplicates",
                [(lk.article_id, lk.origin_id, lk.similarity, lk.method, lk.reason) for lk in links])
    return links

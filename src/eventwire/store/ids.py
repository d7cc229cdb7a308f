"""Article ids as people type them: a unique prefix stands for the whole id.

One place for the rule (and its one error, E301) so ``eventwire article``, ``places`` and the
attribution view cannot drift apart in what they accept or how they refuse.
"""

from __future__ import annotations

from typing import Any

from ..errors import NotFound


def unique_article_id(con: Any, prefix: str) -> str:
    """The stored article id that ``prefix`` starts, or NotFound when none or several do."""
    ids = con.execute("SELECT id FROM articles WHERE id LIKE ? || '%' LIMIT 2", [prefix]).fetchall()
    if len(ids) != 1:
        raise NotFound(f"[E301] no article {'matches' if not ids else 'is unique for'} {prefix!r}")
    return ids[0][0]

"""``eventwire articles``, ``article ID`` and ``rejects``: browse what is stored."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import click

from ..errors import EventwireError
from ..model import Article
from ._common import db_option, emit, fail, format_option, jsonable, open_store

ARTICLE_COLUMNS = ("id", "published", "outlet", "title", "language", "words", "cited_outlets", "url")
REJECT_COLUMNS = ("at", "stage", "source", "reason")


@click.command("articles")
@db_option
@click.option("--since", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]), help="Published on/after DATE.")
@click.option("--outlet", help="Outlet name or URL contains this.")
@click.option("--search", help="Words that must all appear in title or text.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N articles.")
@format_option()
def articles_cmd(db: str | None, since: datetime | None, outlet: str | None, search: str | None,
                 limit: int | None, fmt: str) -> None:
    """List stored articles, newest first."""
    try:
        with open_store(db, read_only=True) as store:
            rows = (dataclasses.asdict(r) for r in store.articles(since=since, outlet=outlet, search=search,
                                                                  limit=limit))
            emit(rows, fmt, ARTICLE_COLUMNS)
    except EventwireError as exc:
        fail(exc)


@click.command("article")
@db_option
@click.argument("article_id")
@format_option("text", "json")
def article_cmd(db: str | None, article_id: str, fmt: str) -> None:
    """Show one article: metadata, cited outlets, and the text with entities marked."""
    try:
        with open_store(db, read_only=True) as store:
            art = store.article(article_id)
            attribution = _attribution(store, art.id)
    except EventwireError as exc:
        fail(exc)
        return
    if fmt == "json":
        click.echo(_article_json(art, attribution))
        return
    render_article(art)
    _render_attribution(art, attribution)


def _article_json(art: Article, attribution: object = None) -> str:
    import json

    data = jsonable(art)
    if attribution is not None:
        data["attribution"] = jsonable(attribution)
    data["tokens"] = len(art.tokens)
    return json.dumps(data, ensure_ascii=False)


def render_article(art: Article) -> None:
    """Human view: header, cited outlets, then paragraphs with [entities|LABEL] marked."""
    from rich.console import Console
    from rich.text import Text

    console = Console()
    console.print(Text(art.title or "(untitled)", style="bold"))
    meta = [f"id {art.id}", f"outlet {art.outlet or '?'}",
            f"published {art.published:%Y-%m-%d %H:%M}" if art.published else "published ?",
            f"language {art.language}", f"authors {', '.join(art.authors) or '?'}"]
    console.print(" · ".join(meta), style="dim")
    if art.url or art.canonical_url:
        console.print(art.canonical_url or art.url, style="dim")
    for c in art.cited_outlets:
        console.print(f"cites {c.name} ({c.cue}: “{art.span_text(c)}” at {c.start}-{c.end})", style="cyan")
    for note in art.notes:
        console.print(f"note: {note}", style="yellow")
    console.print()
    for para in art.paragraphs or ():
        console.print(_marked(art, para.start, para.end))
        console.print()
    if not art.paragraphs:
        console.print(art.text)


_STYLES = {"PERSON": "bold magenta", "ORG": "bold blue", "GPE": "bold green", "LOC": "green",
           "NORP": "yellow", "DATE": "cyan", "FAC": "green"}


def _marked(art: Article, start: int, end: int) -> object:
    from rich.text import Text

    text = Text(art.text[start:end])
    for ent in art.entities:
        if start <= ent.start and ent.end <= end:
            text.stylize(_STYLES.get(ent.label, "underline"), ent.start - start, ent.end - start)
    return text


@click.command("rejects")
@db_option
@format_option()
def rejects_cmd(db: str | None, fmt: str) -> None:
    """List inputs that failed: when, at which stage, and why."""
    try:
        with open_store(db, read_only=True) as store:
            rows = ({"at": r.at, "stage": r.stage, "source": r.source, "reason": r.reason,
                     "raw_sha256": r.raw_sha256} for r in store.rejects())
            emit(rows, fmt, REJECT_COLUMNS)
    except EventwireError as exc:
        fail(exc)


def register(group: click.Group) -> None:
    group.add_command(articles_cmd)
    group.add_command(article_cmd)
    group.add_command(rejects_cmd)


# --- attribution block (issue 5): quotes, statement kinds, cited material, headline flags ---
def _attribution(store: object, article_id: str) -> object:
    from ..store.attribution import article_attribution

    return article_attribution(store, article_id)  # type: ignore[arg-type]


def _render_attribution(art: Article, view: object) -> None:
    """Quotes with resolved speakers, whose words each paragraph is, statement kinds, flags."""
    from rich.console import Console

    from ..store.attribution import AttributionView

    if not isinstance(view, AttributionView):
        return
    console = Console()
    title = art.title or ""
    for f in view.headline_flags:
        head = f"“{title[f.headline.start:f.headline.end]}”" if f.headline else "headline"
        body = "; ".join(f"“{art.text[b.start:b.end]}”" for b in f.body)
        console.print(f"headline flag [{f.kind}] {head} vs {body or '-'}: {f.reason}", style="red", markup=False)
    for q in view.quotes:
        who = (q.speaker_name or "?") + (f" ({q.affiliation_name})" if q.affiliation_name else "")
        content = " … ".join(art.text[c.start:c.end] for c in q.content)
        console.print(f"quote [{q.kind}] {who}: {content}", style="magenta", markup=False)
    for p in view.source_paragraphs:
        console.print(f"¶ {p.start}-{p.end} {p.origin}/{p.role} {p.outlet}: {art.text[p.start:p.end][:60]}…",
                      style="dim", markup=False)
    for s in view.statements:
        if s.kind != "fact":
            cue = f" cue “{art.text[s.cue.start:s.cue.end]}”" if s.cue else ""
            console.print(f"{s.kind} ({s.source}){cue}: {art.text[s.start:s.end][:70]}…", style="dim", markup=False)
    if view.origin_id:
        console.print(f"near-copy of {view.origin_id}", style="yellow")
    if view.copies:
        console.print(f"near-copies: {', '.join(view.copies)}", style="yellow")

"""Human view of one event report: every field, its evidence sentence, the span marked."""

from __future__ import annotations

from ..model import Article, EventReport


def render_event(event: EventReport, article: Article) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console()
    head = f"{event.plover_type}{':' + event.plover_mode if event.plover_mode else ''}"
    acled = f"{event.acled_type} / {event.acled_subtype}" if event.acled_type else "not an ACLED event"
    console.print(Text(f"{head}  ·  ACLED {acled}  ·  CAMEO {event.cameo_root or '-'}", style="bold"))
    console.print(f"event {event.id} · article {article.id} · {article.title or '(untitled)'}", style="dim")
    console.print(f"confidence {event.confidence:.2f} — {event.reason}", style="dim")
    console.print(f"mapping — {event.mapping_reason}", style="dim")

    def field(label: str, start: int | None, end: int | None, value: str, why: str) -> None:
        console.print(Text(f"\n{label}: ", style="bold cyan") + Text(value) + Text(f"   ({why})", style="dim"))
        if start is None or end is None:
            return
        sent = next((s for s in article.sentences if s.start <= start < s.end), event.sentence)
        lo, hi = min(sent.start, start), max(sent.end, end)
        line = Text(article.text[lo:hi])
        line.stylize("bold reverse", start - lo, end - lo)
        console.print(Text("  ") + line)

    t = event.trigger
    field("trigger", t.start, t.end, article.text[t.start:t.end], t.reason)
    for ref in event.actors + event.recipients:
        who = ref.canonical or "(unresolved)"
        extra = ", ".join(x for x in (ref.sector, ref.country, f"aligned {ref.aligned}" if ref.aligned else "") if x)
        field(ref.role, ref.start, ref.end, f"{ref.text!r} -> {who} [{extra}]", ref.reason)
    for p in event.places:
        field(p.label, p.start, p.end, article.text[p.start:p.end], p.reason)
    d = event.date
    field("date", d.start, d.end, f"{d.value or '?'} ({d.precision})", d.reason)
    for n in event.numbers:
        value = f"{n.low}" if n.low == n.high else f"{n.low}-{n.high}"
        field(n.kind, n.start, n.end, f"{value} ({n.qualifier})", n.reason)
    s = event.status
    quals = f" + {', '.join(s.qualifiers)}" if s.qualifiers else ""
    field("status", s.cue_start, s.cue_end, f"{s.status}{quals}; source {s.source or '?'}", s.reason)

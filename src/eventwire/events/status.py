"""Who vouches for an event and how firmly: the status of one event mention.

Statuses, strongest first: denied, hypothetical (future, planned, conditional), hedged
("likely", "reportedly"), historical (background, long before publication), attributed (a
named speaker, "according to X", or a cited outlet's excerpt), asserted (the publisher's own
statement). The first that applies is the status; the others are kept as qualifiers.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..model import Article, EventDate, EventStatus, Statement

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

METHOD = "events.status.v1"
ORDER = ("denied", "hypothetical", "hedged", "historical", "attributed", "asserted")
HEDGES = re.compile(r"\b(likely|unlikely|reportedly|allegedly|apparently|possibly|probably|perhaps|suspected|"
                    r"believed to|appears? to|appeared to|seems? to|seemed to|assuming|rumou?red|unconfirmed|"
                    r"purportedly|suggesting that|may have|might have|could have|is said to|are said to|"
                    r"was said to|were said to)\b", re.I)
HISTORY = re.compile(r"\b(a reference to|refers to|referring to|previously|in the past|years ago|back in|"
                     r"an incident|the incident|earlier incident|at the time|had been|long before|"
                     r"decades ago|months ago)\b", re.I)
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "should", "could", "can"})
HEDGE_AUX = frozenset({"may", "might"})
PLAN_HEADS = frozenset({"plan", "intend", "threaten", "vow", "want", "hope", "aim", "prepare", "consider",
                        "propose", "pledge", "promise", "seek", "try", "attempt", "expect", "refuse"})
DENY_HEADS = frozenset({"deny", "reject", "dismiss", "refute"})
PRONOUN_SPEAKERS = frozenset("he she they we i it".split())
SAY_VERBS = frozenset({"say", "tell", "claim", "report", "state", "announce", "add", "confirm", "allege",
                       "insist", "write", "tweet", "post", "note", "declare", "assert", "accord", "quote"})


_NOBODY = frozenset({"nobody", "none", "nothing", "noone"})
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _no_one(trigger: Token) -> Token | None:
    """'nobody was killed', 'no one was hurt', 'no civilians were wounded': the negative
    quantifier on the trigger's subject or object (the negation sits on the party, not the verb)."""
    for child in trigger.children:
        if child.dep_ not in _PARTY_DEPS:
            continue
        if child.lower_ in _NOBODY:
            return child
        det = next((d for d in child.children if d.dep_ == "det" and d.lower_ == "no"), None)
        if det is not None:
            return det
    return None


def event_status(sent: SpacySpan, trigger: Token, article: Article, sent_start: int, date: EventDate,
                 excerpt_of: str | None, *, refusal: bool = False, speech: bool = False) -> EventStatus:
    """Status of the event whose trigger is ``trigger`` in sentence ``sent`` (at ``sent_start``).

    ``refusal``: the negation is the event itself ("will not meet" coded REJECT), not a denial.
    ``speech``: the event is itself a statement ("X called for ..."), so the attribution stage's
    speaker for the sentence is the event's actor, not a source vouching for it.
    """
    found: dict[str, tuple[str, int | None, int | None, str | None]] = {}
    text = sent.text
    chain = [trigger, *trigger.ancestors]
    if refusal:
        pass
    elif any(c.dep_ == "neg" for c in trigger.children):
        neg = next(c for c in trigger.children if c.dep_ == "neg")
        found["denied"] = (f"negation {neg.text!r} on the trigger", *_span(neg, sent_start, sent), None)
    elif (none := _no_one(trigger)) is not None:
        found["denied"] = (f"{none.text!r}: nobody underwent it", *_span(none, sent_start, sent), None)
    elif any(a.lemma_.lower() in DENY_HEADS for a in chain[1:3]):
        head = next(a for a in chain[1:3] if a.lemma_.lower() in DENY_HEADS)
        found["denied"] = (f"under {head.text!r}", *_span(head, sent_start, sent), None)
    aux = [c for c in trigger.children if c.dep_ in {"aux", "auxpass"}]
    fut = next((a for a in aux if a.lower_ in FUTURE_AUX), None)
    plan = next((a for a in chain[1:3] if a.lemma_.lower() in PLAN_HEADS and trigger.dep_ in {"xcomp", "ccomp"}),
                None)
    cond = next((c for c in trigger.children if c.dep_ == "mark" and c.lower_ in {"if", "unless"}), None)
    if fut is not None or plan is not None or cond is not None:
        cue = fut or plan or cond
        found["hypothetical"] = (f"{cue.text!r}: future, planned or conditional", *_span(cue, sent_start, sent), None)
    hedge_aux = next((a for a in aux if a.lower_ in HEDGE_AUX), None)
    hedge = HEDGES.search(text)
    if hedge_aux is not None:
        found["hedged"] = (f"modal {hedge_aux.text!r}", *_span(hedge_aux, sent_start, sent), None)
    elif hedge:
        found["hedged"] = (f"hedge {hedge[0]!r}", sent_start + hedge.start(), sent_start + hedge.end(), None)
    hist = HISTORY.search(text)
    old = _long_before(date, article.published)
    if hist:
        found["historical"] = (f"background cue {hist[0]!r}", sent_start + hist.start(), sent_start + hist.end(), None)
    elif old:
        found["historical"] = (old, date.start, date.end, None)
    speaker = _speaker(sent, trigger, sent_start)
    stated = None if speech else _statement(article, sent_start)
    if speaker and stated is not None and stated.kind == "attributed" and stated.source and \
            speaker[3].lower() in PRONOUN_SPEAKERS:  # "he said": the attribution stage knows who "he" is
        found["attributed"] = (f"{speaker[0]}, resolved to {stated.source!r} by the attribution stage",
                               speaker[1], speaker[2], stated.source)
    elif speaker:
        found["attributed"] = speaker
    elif stated is not None and stated.kind == "attributed" and stated.source:
        cue = stated.cue
        found["attributed"] = (f"the attribution stage attributes the sentence to {stated.source} ({stated.method})",
                               cue.start if cue else None, cue.end if cue else None, stated.source)
    elif excerpt_of:
        found["attributed"] = (f"in the excerpt the article cites from {excerpt_of}", None, None, excerpt_of)
    if "hedged" not in found and stated is not None and stated.kind == "hedged":
        cue = stated.cue
        found["hedged"] = (f"the attribution stage finds a hedge ({stated.reason})", cue.start if cue else None,
                           cue.end if cue else None, None)
    publisher = article.outlet or "the publisher"
    if not found:
        return EventStatus("asserted", (), publisher, None, None, METHOD,
                           f"stated by {publisher} with no attribution, hedge, negation or future cue")
    kinds = [k for k in ORDER if k in found]
    why, cs, ce, _ = found[kinds[0]]
    source = found["attributed"][3] if "attributed" in found else publisher
    extra = "; ".join(f"{k}: {found[k][0]}" for k in kinds[1:])
    return EventStatus(kinds[0], tuple(kinds[1:]), source, cs, ce, METHOD, why + (f" (also {extra})" if extra else ""))


def _statement(article: Article, sent_start: int) -> Statement | None:
    """The attribution stage's statement kind for the sentence starting at ``sent_start``, if any."""
    return next((st for st in article.statements if st.start <= sent_start < st.end), None)


def _span(tok: Token, sent_start: int, sent: SpacySpan) -> tuple[int, int]:
    base = sent_start - sent.start_char
    return base + tok.idx, base + tok.idx + len(tok.text)


def _long_before(date: EventDate, published: datetime | None) -> str | None:
    if date.value is None or published is None:
        return None
    if published.date() - date.value > timedelta(days=62):
        return f"dated {date.value} ({date.precision}), long before publication {published.date()}"
    return None


def _speaker(sent: SpacySpan, trigger: Token, sent_start: int) -> tuple[str, int, int, str] | None:
    """'X said (that) ...', '..., X said', 'according to X' -> (reason, cue span, speaker text)."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma == "accord" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            objs = [g for c in tok.children for g in c.children if g.dep_ == "pobj"] or \
                   [g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"]
            if objs:
                who = " ".join(t.text for t in objs[0].subtree)
                s, e = _span(tok, sent_start, sent)
                return f"'according to {who}'", s, e, who
        if lemma in SAY_VERBS and tok.pos_ == "VERB" and tok is not trigger and (
                trigger in tok.subtree or tok in trigger.ancestors or tok.head is trigger):
            subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and subj.lower_ not in {"it", "this"}:
                who = " ".join(t.text for t in subj.subtree if t.dep_ != "punct" or t.text == "'s")
                s, e = _span(tok, sent_start, sent)
                return f"reporting verb {tok.text!r} with speaker {who!r}", s, e, who
    return None

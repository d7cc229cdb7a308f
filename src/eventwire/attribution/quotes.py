"""Quotes and attributions: content, cue and speaker spans from the dependency parse.

Two passes over each paragraph's parse:

1. **Cues**: reporting verbs ("said", "told", "claimed", "describes", "according to") outside
   quotation marks, with their speaker (the subject, or the subject of the clause they hang
   from: "He starts by *saying*") and their syntactic content (the ``ccomp`` clause, an
   ``xcomp``, an object for verbs like "announce", the rest of the sentence for "according to").
2. **Quoted regions** (“…”, «…», "…") attach to the nearest cue in the same sentence, or in
   the sentence before that ends with a colon, or after ("…," he said). A quote with no cue of
   its own continues the previous quote in its paragraph or the one before (multi-paragraph
   quotes). Several regions on one cue make one quote with several parts (split quotes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import Entity, Quote, Span
from . import lexicon
from .quotemarks import QuoteRegion, quote_regions
from .speakers import SpeakerResolver

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..nlp.base import ParsedParagraph

METHOD_CUE = "attribution.cue.v1"
METHOD_DIRECT = "attribution.direct.v1"
METHOD_CONTINUED = "attribution.continued.v1"
METHOD_STANCE = "attribution.stance_cue.v1"
METHOD_COLON = "attribution.colon.v1"
_EDGE_PUNCT = " ,;:—–-\n\t"
_MIN_UNCUED_WORDS = 4
_NOT_CONTENT_ENTS = {"DATE", "TIME", "CARDINAL", "GPE", "LOC", "FAC"}  # "spoke on Monday", "in Iowa"


@dataclass
class _Cue:
    """A reporting verb with its speaker and syntactic content (char offsets in the article)."""

    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    content: list[tuple[int, int]]
    sentence: tuple[int, int]
    colon: bool
    lemma: str
    regions: list[QuoteRegion] = field(default_factory=list)
    stance: bool = False  # a stance verb ("endorsed", "plans to"): never a claim of its own


def find_quotes(text: str, parsed: Sequence[ParsedParagraph], entities: Sequence[Entity] = (),
                excluded_orgs: Sequence[str] = ()) -> tuple[Quote, ...]:
    """All quotes and attributions of an article, in text order, speakers resolved."""
    regions_by_para = [quote_regions(text, pp.offset, pp.offset + len(pp.doc.text)) for pp in parsed]
    all_regions = [r for rs in regions_by_para for r in rs]
    resolver = SpeakerResolver(text, parsed, entities, all_regions, excluded_orgs)
    quotes: list[Quote] = []
    last_direct: Quote | None = None
    last_para = -10
    colon_cue: _Cue | None = None  # the previous paragraph ends "... he said:"
    for pi, (pp, regions) in enumerate(zip(parsed, regions_by_para, strict=True)):
        sents = [(pp.offset + s.start_char, pp.offset + s.end_char) for s in pp.doc.sents]
        if _signs_previous_quote(text, pp, quotes, resolver):
            colon_cue = None
            continue
        cues = [c for s in pp.doc.sents for c in _cues_in(s, pp.offset, regions)]
        uncued = _attach_regions(regions, cues, sents, text)
        items: list[tuple[int, Quote]] = []
        if colon_cue is not None:
            q = _block_quote(colon_cue, pp, regions, uncued, text, resolver)
            if q is not None:
                uncued = [r for r in uncued if not (q.content[0].start <= r.start < q.content[-1].end)]
                items.append((q.content[0].start, q))
        colon_cue = _colon_cue(pp, cues, text)
        for c in cues:
            q = _quote_from_cue(c, text, resolver)
            if q is not None:
                items.append((q.content[0].start, q))
        for r in uncued:
            prev = _previous_direct(items, r.start) or (last_direct if pi - last_para <= 1 else None)
            q = _continued(r, prev, text)
            if q is not None:
                items.append((r.start, q))
        items.sort(key=lambda x: x[0])
        for _, q in items:
            quotes.append(q)
            if q.kind in ("direct", "mixed"):
                last_direct, last_para = q, pi
    return tuple(quotes)


# -- colons and signatures across paragraphs ------------------------------------------------
_SIGNATURE = re.compile(r"^\s*[-—–]{1,2}\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*$")


def _colon_cue(pp: ParsedParagraph, cues: Sequence[_Cue], text: str) -> _Cue | None:
    """A paragraph ending in a colon introduces the next one: its last cue ("he said:"), or the
    colon itself with the last sentence's subject as the speaker ("The report reads:")."""
    end = pp.offset + len(pp.doc.text.rstrip())
    if end == pp.offset or text[end - 1] != ":":
        return None
    last = list(pp.doc.sents)[-1]
    own = [c for c in cues if c.sentence[0] == pp.offset + last.start_char]
    if own:
        return own[-1]
    subj = next((t for t in last.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = _chars(sorted(subj.subtree, key=lambda t: t.i), pp.offset) if subj is not None \
        and subj.pos_ in ("PROPN", "NOUN") else None
    return _Cue((end - 1, end), speaker, [], (pp.offset + last.start_char, end), True, ":")


def _block_quote(c: _Cue, pp: ParsedParagraph, regions: Sequence[QuoteRegion], uncued: Sequence[QuoteRegion],
                 text: str, resolver: SpeakerResolver) -> Quote | None:
    """The paragraph after "... said:": its opening quotation, or the whole paragraph when it is
    set off without quotation marks (a block quote)."""
    if c.speaker is None:
        return None
    first = uncued[0] if uncued and uncued[0].start - pp.offset <= 2 else None
    if first is None and regions:
        return None  # quoted material further in: not the announced quotation
    start, end = (first.start, first.end) if first else _trim(text, pp.offset, pp.offset + len(pp.doc.text))
    if end <= start:
        return None
    sp, resolved, aff, name, aff_name, why = _speaker_fields(c.speaker, resolver, text)
    cue = Span(c.cue[0], c.cue[1], "cue", METHOD_CUE, f"introduced by {text[c.cue[0]:c.cue[1]]!r} and a colon")
    return Quote((Span(start, end, "content", METHOD_COLON),), "direct", cue, sp, resolved, aff, name, aff_name,
                 METHOD_COLON, f"paragraph announced by a colon after {text[c.cue[0]:c.cue[1]]!r}; {why}")


def _signs_previous_quote(text: str, pp: ParsedParagraph, quotes: list[Quote], resolver: SpeakerResolver) -> bool:
    """A line "- Bernie Sanders" under a quotation names who said it."""
    line = pp.doc.text
    m = _SIGNATURE.match(line) if len(line) < 60 else None
    if m is None or not quotes or quotes[-1].kind != "direct" or \
            (quotes[-1].speaker is not None and quotes[-1].method != METHOD_CONTINUED):
        return False  # only an unattributed quotation, or one merely continuing the last speaker's
    start, end = pp.offset + m.start(1), pp.offset + m.end(1)
    sp, resolved, aff, name, aff_name, why = _speaker_fields((start, end), resolver, text)
    dash = pp.offset + line.index(m.group(0).strip()[0])
    cue = Span(dash, dash + 1, "cue", METHOD_CUE, "signature line under the quotation")
    quotes[-1] = replace(quotes[-1], cue=cue, speaker=sp, resolved=resolved, affiliation=aff, speaker_name=name,
                         affiliation_name=aff_name, reason=f"signed by the next line; {why}")
    return True


# -- cues ---------------------------------------------------------------------------------
def _in_regions(pos: int, regions: Iterable[QuoteRegion]) -> bool:
    return any(r.start <= pos < r.end for r in regions)


def _cues_in(sent: SpacySpan, off: int, regions: Sequence[QuoteRegion]) -> list[_Cue]:
    found: list[_Cue] = []
    for tok in sent:
        if _in_regions(off + tok.idx, regions):
            continue
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            cue = _according_to(tok, sent, off)
        elif tok.pos_ in ("VERB", "AUX") and _is_cue_lemma(tok.lemma_.lower()):
            cue = _verb_cue(tok, sent, off, regions)
        elif tok.dep_ == "prep" and tok.lower_ == "in":
            cue = _source_noun_cue(tok, sent, off)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon.CLAIM_NOUNS:
            cue = _noun_cue(tok, sent, off)
        elif tok.text == ":" and 0 < tok.i - sent.start <= 4:
            cue = _name_colon_cue(tok, sent, off)
        else:
            cue = None
        if cue is not None:
            found.append(cue)
    return found


def _is_cue_lemma(lemma: str) -> bool:
    return lemma in lexicon.CUE_VERBS or lemma in lexicon.STANCE_VERBS or lemma in lexicon.QUOTE_ONLY_VERBS


def _source_noun_cue(prep: Token, sent: SpacySpan, off: int) -> _Cue | None:
    """ "In a statement, ..." / "... in a CNN poll": the noun phrase is the source, the rest of
    the sentence the content, unless a reporting verb of the sentence already carries it."""
    objs = [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in lexicon.SOURCE_NOUNS]
    if not objs:
        return None
    head = prep.head
    if head.pos_ in ("VERB", "AUX") and _is_cue_lemma(head.lemma_.lower()):
        return None  # "said in a statement": the verb is the cue
    if head.pos_ not in ("VERB", "AUX"):
        return None  # "the rise in the poll numbers": not a frame over the clause
    src = sorted(objs[0].subtree, key=lambda t: t.i)
    excluded = {t.i for t in prep.subtree}
    content = _subtree_segments(sent, excluded, off)
    return _Cue(_chars([prep], off), _chars(src, off), content,
                (off + sent.start_char, off + sent.end_char), False, "in")


def _noun_cue(noun: Token, sent: SpacySpan, off: int) -> _Cue | None:
    """ "Trump's assertion that ...", "her warning about ...": the possessor holds the claim; the
    that-clause, to-clause or of/about phrase is its content."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if not poss:
        return None
    content = None
    for c in noun.children:
        if (c.dep_ in ("acl", "ccomp", "relcl") and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)) \
                or (c.dep_ == "acl" and c.tag_ == "VB") \
                or (c.dep_ == "prep" and c.lower_ in ("of", "about", "for", "on", "against", "to")):
            content = sorted(c.subtree, key=lambda t: t.i)
            break
    if content is None:
        return None
    src = sorted(poss[0].subtree, key=lambda t: t.i)
    return _Cue(_chars([noun], off), _chars(src, off), [_chars(content, off)],
                (off + sent.start_char, off + sent.end_char), False, noun.lemma_.lower())


def _name_colon_cue(colon: Token, sent: SpacySpan, off: int) -> _Cue | None:
    """ "Trump: Cruz has 'to come a long way'": a name and a colon open a sentence."""
    name = list(sent.doc[sent.start:colon.i])
    if not all(t.ent_type_ in ("PERSON", "ORG") for t in name) or colon.i + 3 >= sent.end:
        return None
    rest = list(sent.doc[colon.i + 1:sent.end])
    return _Cue(_chars([colon], off), _chars(name, off), [_chars(rest, off)],
                (off + sent.start_char, off + sent.end_char), False, ":")


def _chars(tokens: Sequence[Token], off: int) -> tuple[int, int]:
    return off + tokens[0].idx, off + tokens[-1].idx + len(tokens[-1].text)


def _subtree_segments(tokens: Iterable[Token], exclude: set[int], off: int) -> list[tuple[int, int]]:
    """Contiguous runs of ``tokens`` (by index) minus ``exclude``, as char ranges."""
    keep = sorted((t for t in tokens if t.i not in exclude), key=lambda t: t.i)
    runs: list[list[Token]] = []
    for t in keep:
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return [_chars(run, off) for run in runs]


def _according_to(tok: Token, sent: SpacySpan, off: int) -> _Cue | None:
    to = next(c for c in tok.children if c.lower_ == "to")
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    src = list(objs[0].subtree)
    excluded = {t.i for t in tok.subtree}
    content = _subtree_segments(sent, excluded, off)
    return _Cue(_chars([tok, to], off), _chars(src, off), content,
                (off + sent.start_char, off + sent.end_char), False, "according to")


def _speaker_tokens(verb: Token) -> list[Token] | None:
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return None
        subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            toks = [t for t in subj[0].subtree if t.i < verb.i or subj[0].i > verb.i]
            return toks or None
        if node.dep_ in ("advcl", "xcomp", "pcomp", "conj", "prep") and node.head is not node:
            node = node.head
        else:
            return None
    return None


def _verb_cue(verb: Token, sent: SpacySpan, off: int, regions: Sequence[QuoteRegion]) -> _Cue | None:
    lemma = verb.lemma_.lower()
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and lemma in lexicon.INFERENCE_VERBS:
        return None  # "..., suggesting that ...": the writer's inference, not a quote
    if lemma in ("think", "believe", "want", "hope", "expect", "find", "show") and verb.dep_ in ("amod", "acl"):
        return None
    speaker = _speaker_tokens(verb)
    quote_only = lemma not in lexicon.CUE_VERBS and lemma not in lexicon.STANCE_VERBS
    content = [] if quote_only else _syntactic_content(verb, off)
    agent = _agent_tokens(verb)
    if agent is not None:  # "a sentiment endorsed by the crowd": the agent speaks, the subject is said
        subj = speaker
        speaker = agent
        if subj and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            content = [_chars(subj, off)]
    colon = verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text == ":"
    if speaker is None and not content and not colon:
        return None
    if speaker is not None and _in_regions(off + speaker[0].idx, regions):
        speaker = None
    if speaker is not None and speaker[-1].lower_ in lexicon.SECOND_PERSON and len(speaker) == 1:
        return None  # "just when you thought ...": rhetorical address, nobody is quoted
    return _Cue(_cue_span(verb, off), _chars(speaker, off) if speaker else None, content,
                (off + sent.start_char, off + sent.end_char), colon, lemma,
                stance=lemma in lexicon.STANCE_VERBS and lemma not in lexicon.CUE_VERBS)


def _agent_tokens(verb: Token) -> list[Token] | None:
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return sorted(objs[0].subtree, key=lambda t: t.i)
    return None


def _cue_span(verb: Token, off: int) -> tuple[int, int]:
    left = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg") and verb.i - c.i <= 3]
    right = [c for c in verb.rights if c.dep_ == "prt"]
    toks = sorted([verb, *left, *right], key=lambda t: t.i)
    toks = [t for t in toks if toks[0].i <= t.i <= toks[-1].i]
    return _chars([toks[0], toks[-1]], off)


def _syntactic_content(verb: Token, off: int) -> list[tuple[int, int]]:
    lemma = verb.lemma_.lower()
    for dep in ("ccomp", "xcomp"):
        kids = [c for c in verb.children if c.dep_ == dep]
        if kids:
            return [_chars(sorted(kids[0].subtree, key=lambda t: t.i), off)]
    if verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.i > verb.head.i and _comma_between(verb)):
        head = verb.head
        return _subtree_segments(head.subtree, {t.i for t in verb.subtree}, off)
    if lemma in lexicon.PREP_CONTENT:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in lexicon.PREP_CONTENT[lemma]:
                return [_chars(sorted(c.subtree, key=lambda t: t.i), off)]
    if lemma not in lexicon.LISTENER_VERBS:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
        if objs:
            return [_chars(sorted(objs[0].subtree, key=lambda t: t.i), off)]
    for c in verb.children:  # "talked about the wall", "referred to the attack"
        if c.dep_ == "prep" and c.lower_ in lexicon.CONTENT_PREPS and any(
                g.dep_ == "pobj" and g.ent_type_ not in _NOT_CONTENT_ENTS for g in c.children):
            return [_chars(sorted(c.subtree, key=lambda t: t.i), off)]
    return []


def _comma_between(verb: Token) -> bool:
    return any(t.text == "," for t in verb.doc[verb.head.i : verb.i])


# -- attaching quoted regions -------------------------------------------------------------
def _attach_regions(regions: Sequence[QuoteRegion], cues: list[_Cue], sents: list[tuple[int, int]],
                    text: str) -> list[QuoteRegion]:
    """Give each region to its nearest cue; return the regions no cue took."""
    uncued: list[QuoteRegion] = []
    for r in regions:
        touching = [s for s in sents if s[0] < r.end and s[1] > r.start]
        first, last = touching[0], touching[-1]
        idx_first, idx_last = sents.index(first), sents.index(last)
        candidates = [c for c in cues if first[0] <= c.cue[0] < last[1]]
        if not candidates and idx_last + 1 < len(sents):
            nxt = sents[idx_last + 1]
            candidates = [c for c in cues if nxt[0] <= c.cue[0] < nxt[1] and c.cue[0] - r.end < 40]
        if not candidates and idx_first > 0:
            prev = sents[idx_first - 1]
            candidates = [c for c in cues if prev[0] <= c.cue[0] < prev[1] and c.colon]
        if not candidates:
            uncued.append(r)
            continue
        best = min(candidates, key=lambda c: min(abs(c.cue[0] - r.end), abs(c.cue[0] - r.start)))
        best.regions.append(r)
    return uncued


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    if end > start and text[end - 1] == "." and text[start] not in "“\"«‘":
        end -= 1
    return start, end


def _merge(parts: list[tuple[int, int]], extra: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quoted parts plus the paraphrase around them ("says there's a “long road ahead” but ..."):
    the syntactic content segments that touch a quoted part join it."""
    touching = [seg for seg in extra if any(seg[0] < e and s < seg[1] for s, e in parts)]
    merged: list[tuple[int, int]] = []
    for s, e in sorted([*parts, *touching]):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _outside_words(text: str, merged: list[tuple[int, int]], parts: list[tuple[int, int]]) -> int:
    """Words of ``merged`` outside the quoted ``parts``."""
    chars = list(text[merged[0][0]:merged[-1][1]]) if merged else []
    base = merged[0][0] if merged else 0
    keep = [False] * len(chars)
    for s, e in merged:
        for i in range(s - base, e - base):
            keep[i] = True
    for s, e in parts:
        for i in range(max(s - base, 0), min(e - base, len(chars))):
            keep[i] = False
    return len("".join(ch if k else " " for ch, k in zip(chars, keep, strict=True)).split())


def _speaker_fields(speaker: tuple[int, int] | None, resolver: SpeakerResolver,
                    text: str) -> tuple[Span | None, Span | None, Span | None, str, str, str]:
    if speaker is None:
        return None, None, None, "", "", "no speaker"
    res = resolver.resolve(*speaker)
    sp = Span(speaker[0], speaker[1], "speaker", "attribution.speaker.v1")
    resolved = Span(res.resolved.start, res.resolved.end, "resolved speaker", "attribution.coref.v1",
                    res.reason) if res.resolved else None
    aff = Span(res.affiliation.start, res.affiliation.end, "affiliation", "attribution.coref.v1",
               res.reason) if res.affiliation else None
    name = text[resolved.start:resolved.end] if resolved else text[speaker[0]:speaker[1]]
    return sp, resolved, aff, name, text[aff.start:aff.end] if aff else "", res.reason


def _quote_from_cue(c: _Cue, text: str, resolver: SpeakerResolver) -> Quote | None:
    if c.regions:
        parts = [(r.start, r.end) for r in sorted(c.regions, key=lambda r: r.start)]
        kind, method = "direct", METHOD_DIRECT
        merged = _merge(parts, [_trim(text, *seg) for seg in c.content])
        outside = _outside_words(text, merged, parts)
        if outside >= 2 and outside > sum(len(text[s:e].split()) for s, e in parts):
            kind, parts = "mixed", merged  # mostly paraphrase around quoted fragments
    elif c.content:
        parts = [seg for seg in (_trim(text, *s) for s in c.content) if seg[1] > seg[0]]
        kind, method = ("stance", METHOD_STANCE) if c.stance else ("indirect", METHOD_CUE)
        if not parts:
            return None
    else:
        return None
    if c.speaker is None and kind == "stance":  # "to support X": a stance needs its holder
        return None
    sp, resolved, aff, name, aff_name, why = _speaker_fields(c.speaker, resolver, text)
    content = tuple(Span(s, e, "content", method) for s, e in parts)
    cue = Span(c.cue[0], c.cue[1], "cue", METHOD_CUE, f"reporting verb {c.lemma!r}")
    return Quote(content, kind, cue, sp, resolved, aff, name, aff_name, method,
                 f"{kind} quote on cue {text[c.cue[0]:c.cue[1]]!r}; {why}")


def _previous_direct(items: list[tuple[int, Quote]], before: int) -> Quote | None:
    earlier = [q for pos, q in items if pos < before and q.kind in ("direct", "mixed") and q.speaker is not None]
    return earlier[-1] if earlier else None


def _continued(r: QuoteRegion, prev: Quote | None, text: str) -> Quote | None:
    words = len(text[r.start:r.end].split())
    if prev is None:
        if words < _MIN_UNCUED_WORDS:
            return None  # a scare-quoted phrase with nobody to attribute it to
        return Quote((Span(r.start, r.end, "content", METHOD_DIRECT),), "direct", method=METHOD_DIRECT,
                     reason="quoted text with no reporting verb and no earlier quote to continue")
    return Quote((Span(r.start, r.end, "content", METHOD_CONTINUED),), "direct", None, prev.speaker,
                 prev.resolved, prev.affiliation, prev.speaker_name, prev.affiliation_name, METHOD_CONTINUED,
                 f"no cue of its own: continues the quote by {prev.speaker_name!r}")

"""The event coder: every sentence of an analysed article -> zero or more EventReports.

Steps per sentence: find trigger candidates in the lexicon (in their syntactic frame), drop
mentions that are not reports (inside direct quotes, questions, time anchors like "after the
invasion", anaphoric "their raid"), keep the outermost trigger of each clause, then fill roles,
places, date, numbers and status, and map the PLOVER code to ACLED and CAMEO. "No event" is
the default: a sentence without a trigger in a reporting frame yields nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import ActorRef, Article, EventDate, EventReport, Span
from . import actors as actor_dict
from . import cues, dates, mapping, numbers, places, roles, status
from .lexicon import OBJECT_CLASSES, Trigger, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..nlp.base import BaseLayer

METHOD = "events.coder.v1"
TIME_PREPS = frozenset({"after", "before", "since", "until", "following", "despite", "ahead"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "such"})
ANAPHORIC_DETS = frozenset({"their", "its", "his", "her", "our"})
TOPIC_PREPS = frozenset({"to", "against", "about", "over", "on", "for", "with"})
MESSAGE_NOUNS = frozenset("message video statement announcement speech address appeal letter post clip "
                          "recording broadcast communique declaration".split())
VERBAL = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE", "CONSULT"})
EFFORT_NOUNS = frozenset("mission effort bid attempt campaign operation process initiative programme program "
                         "drive".split())
MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION"})
COOPERATIVE = frozenset({"SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})
OBLIGATION_AUX = frozenset({"must", "should"})
INTENT_HEADS = frozenset("ready willing prepared plan intend vow pledge promise offer commit determined "
                         "going set decide swear".split())
REFUSAL_HEADS = frozenset("refuse decline reluctant unwilling fail".split())
RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})
BLAST_WORDS = frozenset("explosion blast explode blow fire".split())
HAZARD_VERBS = frozenset("kill injure wound hit strike destroy damage claim die death".split())
_QUOTE = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»")
# "MOSCOW, May 23 (Reuters) -", "KYIV (AP) —": a wire dateline names where the story was filed
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3}(?:\s*,\s*[A-Za-z.\s]{0,25}?\d{1,2})?"
                       r"\s*(?:\([^()]{1,40}\))?\s*[-–—]+\s+")
_PROMO = re.compile(r"^\s*(?:WATCH|READ|SEE|LISTEN|RELATED)(?:\s+(?:MORE|ALSO|NEXT))?\s*:", re.I)
# things a source gives or withholds that are no aid ("gave no details", "whose name was not given")
INFO_NOUNS = frozenset("name detail information reason figure number breakdown account comment timeline "
                       "date evidence indication estimate explanation answer identity source".split())
PRESS_ASKS = frozenset("comment response interview clarification statement reaction".split())
REPLY_VERBS = frozenset("respond reply answer return".split())
RELATIVES = frozenset({"which", "who", "whom", "that", "whose"})


@dataclass(frozen=True, slots=True)
class Candidate:
    token: Token
    trigger: Trigger
    why: str
    intent: str | None = None  # "future" | "must" | "negated-future" when the act is only announced


def code_article(article: Article, base: BaseLayer) -> tuple[EventReport, ...]:
    """All event reports of one article (base = the NLP layer with spaCy parses)."""
    named = actor_dict.named_in(article.text)
    excerpts = _excerpt_starts(article)
    reports: list[EventReport] = []
    sents = [(pp.offset, s) for pp in base.parsed for s in pp.doc.sents]
    for i, (offset, sent) in enumerate(sents):
        excerpt_of = next((name for start, name in reversed(excerpts) if offset >= start), None)
        for cand in candidates(sent, offset):
            nxt = sents[i + 1] if i + 1 < len(sents) else None
            reports.append(_report(article, cand, sent, offset, named, excerpt_of, nxt, len(reports)))
    return tuple(reports)


def _excerpt_starts(article: Article) -> list[tuple[int, str]]:
    """Where each cited outlet's material begins ("Source: X" line, or a dateline at the top)."""
    return sorted((c.end if "source" in c.cue else 0, c.name) for c in article.cited_outlets)


def candidates(sent: SpacySpan, offset: int) -> list[Candidate]:
    """Trigger tokens of one sentence that report an event, outermost per clause."""
    text = sent.text.strip()
    if text.endswith("?"):
        return []  # a question reports nothing (and "what of this invasion?" refers back)
    if _PROMO.match(text) or _crosshead(text):
        return []  # a link teaser or an all-caps crosshead repeats the story and parses badly
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(sent.text)]
    line_end = dateline_end(sent)
    found: list[Candidate] = []
    for tok in sent:
        trig = match_trigger(tok)
        if trig is None:
            continue
        rel = tok.idx - sent.start_char
        if rel < line_end:
            continue  # "TBILISI, March 8 (Wire) -": the dateline reports nothing
        if any(s <= rel < e for s, e in quoted):
            continue  # a speaker's words: the quotes stage attributes them
        if _not_a_report(tok):
            continue
        if trig.plover_type == "ASSAULT" and _caused_by_hazard(tok, sent):
            continue
        found.append(Candidate(tok, trig, f"trigger {trig.describe()}"))
    found += _demands(sent, found, quoted)
    ids = {c.token.i for c in found}
    outer = [c for c in found if not any(a.i in ids for a in c.token.ancestors)]
    return [_threat_of(_as_intent(_with_instrument(_with_inner_mode(c, found), sent)), found) for c in outer]


def dateline_end(sent: SpacySpan) -> int:
    """Chars of a wire dateline at the start of a sentence that opens its paragraph (0 if none)."""
    if sent.start != 0:
        return 0
    m = _DATELINE.match(sent.text)
    return m.end() if m else 0


def _crosshead(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    return len(words) >= 3 and all(w.isupper() for w in words if len(w) > 1)


def _threat_of(cand: Candidate, found: list[Candidate]) -> Candidate:
    """'threatened to institute a curfew': THREATEN takes its mode from the act threatened below it."""
    if cand.trigger.plover_type != "THREATEN" or cand.trigger.mode:
        return cand
    inner = next((c for c in found if c is not cand and cand.token in c.token.ancestors), None)
    if inner is None:
        return cand
    mode = threat_mode(inner.trigger.plover_type, inner.trigger.mode)
    return Candidate(cand.token, replace(cand.trigger, mode=mode),
                     f"{cand.why}; threat mode {mode!r} from {inner.token.text!r}", cand.intent)


def _with_inner_mode(cand: Candidate, found: list[Candidate]) -> Candidate:
    """'killed in a bomb blast': the outer trigger takes the weapon mode of a same-type trigger below it."""
    if cand.trigger.mode or cand.trigger.plover_type != "ASSAULT":
        return cand
    inner = next((c for c in found if c is not cand and cand.token in c.token.ancestors
                  and c.trigger.plover_type == "ASSAULT" and c.trigger.mode), None)
    if inner is None:
        return cand
    trig = replace(cand.trigger, mode=inner.trigger.mode)
    return Candidate(cand.token, trig, f"{cand.why}; mode {inner.trigger.mode!r} from {inner.token.text!r} below it")


DEMAND_TRIGGER = Trigger("must", None, "V", None, "REQUEST", None, 0.6)


def _demands(sent: SpacySpan, found: list[Candidate], quoted: list[tuple[int, int]]) -> list[Candidate]:
    """'X declared that China must drop barriers': a demand even when the act has no trigger word."""
    have = {c.token.i for c in found}
    out = []
    for tok in sent:
        if tok.i in have or tok.pos_ != "VERB" or tok.dep_ != "ccomp":
            continue
        if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children):
            continue
        if tok.head.lemma_.lower() not in status.SAY_VERBS | {"conclude", "reiterate", "warn", "stress"}:
            continue
        if any(s <= tok.idx - sent.start_char < e for s, e in quoted):
            continue
        out.append(Candidate(tok, DEMAND_TRIGGER, f"'must {tok.text}' in what {tok.head.text!r} reports: a demand",
                             "must"))
    return out


def _intent_cue(tok: Token) -> tuple[str, Token] | None:
    """('future' | 'must' | 'negated-future', cue) when the trigger is announced, not done.

    A nominal trigger takes the cue of its light verb ('would tighten the blockade'); 'may' and
    'could' count only with a condition ('may halt ... if ...')."""
    if tok.pos_ != "VERB" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        tok = tok.head
    aux = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    neg = any(c.dep_ == "neg" for c in tok.children)
    if any(c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children) for c in tok.children):
        fut_cond = next((a for a in aux if a.lower_ in {"may", "might", "could"}), None)
        if fut_cond is not None:
            return ("negated-future" if neg else "future"), fut_cond
    must = next((a for a in aux if a.lower_ in OBLIGATION_AUX), None)
    if must is not None and not neg:
        return "must", must
    fut = next((a for a in aux if a.lower_ in FUTURE_AUX), None)
    head = tok.head if tok.dep_ == "xcomp" else None
    if fut is None and head is not None and head.lemma_.lower() in INTENT_HEADS:
        fut = head
        neg = neg or any(c.dep_ == "neg" for c in head.children)
    if fut is None and head is not None and head.lemma_.lower() in REFUSAL_HEADS:
        return "negated-future", head
    if fut is None:
        return None
    return ("negated-future" if neg else "future"), fut


def _as_intent(cand: Candidate) -> Candidate:
    """An announced act is a verbal event (PLOVER/CAMEO "express intent"): 'X will send aid' is
    AGREE, 'X will impose a blockade' THREATEN, 'Y must withdraw' REQUEST, 'X will not accept'
    REJECT. The original act is kept in the reason; the status stage marks it hypothetical."""
    trig = cand.trigger
    if trig.plover_type in {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}:
        return cand
    found = _intent_cue(cand.token)
    if found is None:
        return cand
    kind, cue = found
    conditional = any(c.dep_ == "advcl" and any(m.lower_ in {"unless", "if"} for m in c.children)
                      for c in cand.token.children)
    if kind == "must":
        new = "REQUEST"
    elif kind == "negated-future":
        new = "REJECT" if trig.plover_type in COOPERATIVE else "AGREE"
    elif trig.plover_type in COOPERATIVE and not (conditional and trig.plover_type == "RETREAT"):
        new = "AGREE"
    else:
        new = "THREATEN"
    if new == trig.plover_type:
        return Candidate(cand.token, trig, cand.why, kind)
    why = f"{cand.why}; announced with {cue.text!r} ({kind}): {new}, not the act itself"
    mode = threat_mode(trig.plover_type, trig.mode) if new == "THREATEN" else None
    return Candidate(cand.token, replace(trig, plover_type=new, mode=mode), why, kind)


def threat_mode(ptype: str, mode: str | None) -> str:
    """PLOVER THREATEN mode from the act threatened: violence, curfew, martial law, restrictions..."""
    if ptype == "ASSAULT":
        return "violence"
    if ptype == "COERCE" and mode in {"curfew", "martial-law"}:
        return mode
    if ptype in {"COERCE", "PROTEST"}:
        return "restrict"
    if ptype in {"SANCTION", "RETREAT", "CONSULT", "COOPERATE", "AID"}:
        return "relations"
    return "political"


def _speaker_subject(tok: Token) -> roles.Role | None:
    """The subject of the reporting verb above ``tok`` ('Britain said Libya must ...')."""
    for anc in tok.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in status.SAY_VERBS | {"reiterate", "insist", "warn"}:
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return roles.Role(roles.phrase(subj), "speaker who says the recipient must act")
    return None


def _not_a_report(tok: Token) -> bool:
    if tok.pos_ == "PROPN" and tok.ent_type_ in {"ORG", "PERSON", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}:
        return True  # "Shell", "Strike Group": a name that looks like an event word
    if tok.ent_type_ in {"DATE", "TIME"}:
        return True  # "March 8"
    if _light_or_press(tok) or _description(tok):
        return True
    if tok.dep_ in {"compound", "amod", "nmod"} and tok.pos_ in {"NOUN", "PROPN", "ADJ"} \
            and tok.head.lemma_.lower() not in EFFORT_NOUNS:
        return True  # "protest leaders", "attack helicopter" (but "mediation mission" is a mediation)
    if tok.pos_ in {"NOUN", "PROPN"}:
        if any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in tok.children) or (
                tok.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "poss" and c.lower_ in ANAPHORIC_DETS
                                                           for c in tok.children)):
            return True  # "this invasion", "their raid ... is meant as": refers back to a reported event
        if tok.dep_ == "pobj":
            prep = tok.head
            if prep.lower_ in TIME_PREPS:
                return True  # "set up after the invasion": a time anchor
            if prep.head.pos_ in {"NOUN", "PROPN"} and prep.lower_ in TOPIC_PREPS and not match_trigger(prep.head):
                return True  # "opposition to the invasion": a topic, not a report
    return False


def _description(tok: Token) -> bool:
    """'citizens who fight on Ukraine's side', 'fighters who say they are battling for Ukraine',
    'volunteers fighting for Ukraine': a present-tense relative clause (or a bare participle)
    says who an actor is, not what happened."""
    clause = tok.head if tok.dep_ == "ccomp" and tok.head.dep_ == "relcl" else tok
    present = clause.tag_ in {"VBP", "VBZ"} and not any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "MD"}
                                                        for c in clause.children)
    if clause.dep_ == "relcl" and present and roles.is_actor_like(clause.head):
        return True
    allegiance = any(c.dep_ == "prep" and c.lower_ in {"for", "alongside"} for c in tok.children)
    return (tok.dep_ == "acl" and tok.tag_ == "VBG" and allegiance and roles.is_actor_like(tok.head)
            and not any(c.dep_ in {"dobj", "prt"} for c in tok.children))


def _light_or_press(tok: Token) -> bool:
    """'took place' (a light verb), 'did not respond to a request for comment' (the reporter's
    request), 'gave no details' / 'whose name was not given' (information, not aid)."""
    lemma = tok.lemma_.lower()
    objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    if lemma == "take" and any(o.lemma_.lower() == "place" for o in objs):
        return True
    if tok.pos_ == "VERB" and any(o.lemma_.lower() in INFO_NOUNS for o in objs) and \
            lemma in {"give", "provide", "offer", "grant", "release", "withhold", "back"}:
        return True
    if tok.pos_ == "NOUN":
        asks = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children]
        if any(g.lemma_.lower() in PRESS_ASKS for g in asks):
            return True
        trig = match_trigger(tok)
        if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in REPLY_VERBS and trig and trig.plover_type in VERBAL:
            return True  # "responded to calls for ...": the reply, not the request, is the news
    return False


def _frame_lemmas(tok: Token) -> set[str]:
    """Words of the trigger's frame: its dependents, their prepositional objects, and the
    conjuncts and 'of X' of its object ('seized a lot of weapons and ammunition')."""
    out = set()
    for c in tok.children:
        out.add(c.lemma_.lower())
        out.add(c.lower_)
        if c.dep_ in {"prep", "agent", "prt"}:
            out.update(g.lemma_.lower() for g in c.children)
        if c.dep_ in {"dobj", "nsubjpass"}:
            for g in (*c.conjuncts, *(p for p in c.children if p.dep_ in {"prep", "compound"})):
                out.add(g.lemma_.lower())
                out.update(x.lemma_.lower() for x in g.children if x.dep_ in {"pobj", "conj"})
    if tok.dep_ in {"dobj", "pobj", "nsubj"} or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        out.add(tok.head.lemma_.lower())  # "a stash of weapons found in Mosul": the participle's object
    return out


def match_trigger(tok: Token) -> Trigger | None:
    """The first lexicon row whose frame ``tok`` fits, or None."""
    entries = load_lexicon().get(tok.lemma_.lower()) or load_lexicon().get(tok.lower_)
    if not entries:
        return None
    is_verb = tok.pos_ in {"VERB"}
    is_noun = tok.pos_ in {"NOUN", "PROPN"}
    frame: set[str] | None = None
    for entry in entries:
        if (entry.pos == "V" and not is_verb) or (entry.pos == "N" and not is_noun) or not (is_verb or is_noun):
            continue
        if entry.child or entry.obj:
            frame = frame if frame is not None else _frame_lemmas(tok)
            if entry.child and entry.child not in frame:
                continue
            if entry.obj and not (OBJECT_CLASSES[entry.obj] & frame):
                continue
        return entry
    return None


def _report(article: Article, cand: Candidate, sent: SpacySpan, offset: int, named: frozenset[str],
            excerpt_of: str | None, nxt: tuple[int, SpacySpan] | None, index: int) -> EventReport:
    tok, trig = cand.token, cand.trigger
    sent_start = offset + sent.start_char
    sent_span = Span(sent_start, offset + sent.end_char, "sentence", METHOD, "sentence of the trigger")
    trigger_span = Span(offset + tok.idx, offset + tok.idx + len(tok.text), trig.plover_type, METHOD, cand.why)
    if trig.child:  # include the particle ("took over", "called for") in the trigger span
        part = next((c for c in tok.children if c.lower_ == trig.child or c.lemma_.lower() == trig.child), None)
        if part is not None and part.i == tok.i + 1:
            trigger_span = Span(trigger_span.start, offset + part.idx + len(part.text), trig.plover_type, METHOD,
                                cand.why)
    actor_roles, recipient_roles = (roles.verb_roles(tok) if tok.pos_ == "VERB" else roles.noun_roles(tok))
    line_end = sent.start_char + dateline_end(sent)
    actor_roles = _clean_roles(actor_roles, line_end, actor=True)
    recipient_roles = _clean_roles(recipient_roles, line_end, actor=False)
    if trig.mode == "seize" and not recipient_roles:
        owner = roles.territory_owner(tok)
        if owner is not None:
            recipient_roles = [roles.Role(roles.phrase(owner), "country the seized places are in")]
    if not recipient_roles and len(actor_roles) > 1 and trig.plover_type in RECIPROCAL:
        recipient_roles = [roles.Role(r.tokens, "reciprocal: joint subject of a mutual act") for r in actor_roles]
    if not recipient_roles and len(actor_roles) == 1 and trig.plover_type in RECIPROCAL:
        recipient_roles = roles.joint_modifiers(actor_roles[0])  # "Hungarian and Romanian officials agreed"
    if not recipient_roles and tok.pos_ == "VERB" and trig.plover_type in MATERIAL:
        recipient_roles = roles.thing_object(tok)
    if cand.intent == "must":  # "X said Libya must hand over ...": Libya is asked, X asks
        speaker = _speaker_subject(tok)
        recipient_roles, actor_roles = actor_roles, ([speaker] if speaker else [])
    if not recipient_roles and tok.pos_ == "VERB":
        recipient_roles = roles.purpose_objects(tok)
    if not recipient_roles:
        recipient_roles = roles.place_object(tok, frozenset(t.i for r in actor_roles for t in r.tokens))
    if not recipient_roles and trig.plover_type == "THREATEN":
        recipient_roles = roles.condition_subject(tok)
    actor_refs = tuple(_actor_ref(article, r, "actor", offset, named) for r in actor_roles)
    recipient_refs = tuple(_actor_ref(article, r, "recipient", offset, named) for r in recipient_roles)
    event_places = [p for p in _places(article, sent, offset, tok, nxt) if p.start >= offset + line_end]
    date = dates.resolve_date(sent.text, sent_start, article.published, tok.idx - sent.start_char)
    if date.value is None and trig.plover_type in VERBAL and nxt is not None:
        date = _date_from_elaboration(article, nxt, date)
    nums = numbers.find_numbers(sent.text, sent_start)
    st = status.event_status(sent, tok, article, sent_start, date, excerpt_of,
                             refusal=cand.intent == "negated-future" and trig.plover_type == "REJECT",
                             speech=trig.plover_type in VERBAL)
    if date.value is None and st.status in {"asserted", "attributed"}:
        date = _publication_week(article, date)
    context = _context(sent.text)
    parties = tuple(r for r, role in zip(recipient_refs, recipient_roles, strict=True)
                    if not role.rule.startswith("place"))  # a place acted on is no party
    mapped = mapping.map_event(
        trig.plover_type, trig.mode,
        actor_sectors=frozenset(a.sector for a in actor_refs if a.sector),
        recipient_sectors=frozenset(r.sector for r in parties if r.sector),
        trigger_lemma=tok.lemma_.lower(), context=context)
    conf, conf_why = _confidence(trig, actor_refs, parties, st.status)
    digest = hashlib.sha1(f"{article.id}:{trigger_span.start}:{trig.plover_type}".encode()).hexdigest()[:16]
    return EventReport(
        id=digest, article_id=article.id, plover_type=trig.plover_type, plover_mode=trig.mode,
        acled_type=mapped.acled_type, acled_subtype=mapped.acled_subtype, cameo_root=mapped.cameo_root,
        trigger=trigger_span, sentence=sent_span, actors=actor_refs, recipients=recipient_refs,
        places=tuple(event_places), date=date, numbers=nums, status=st, confidence=conf,
        method=METHOD, reason=f"{cand.why}; {conf_why}", mapping_reason=f"{mapping.METHOD}: {mapped.reason}")


def _clean_roles(found: list[roles.Role], line_end: int, *, actor: bool) -> list[roles.Role]:
    """Parties as coders mark them: none from the wire dateline, a relative pronoun replaced by
    the noun it stands for ("the resolution, which calls for"), and an event noun as the subject
    ("Fighting between X and Y killed") replaced by its own parties (or dropped)."""
    out: list[roles.Role] = []
    for role in found:
        toks = [t for t in role.tokens if t.idx >= line_end]
        if not toks:
            continue
        role = roles.Role(tuple(toks), role.rule) if len(toks) < len(role.tokens) else role
        head = min(toks, key=lambda t: len(list(t.ancestors)))
        if len(toks) == 1 and head.lower_ in RELATIVES:
            ante = head.head.head if head.head.dep_ == "relcl" else None
            if ante is None or ante.pos_ not in {"NOUN", "PROPN"} or ante.ent_type_ in {"DATE", "TIME"}:
                continue
            head = ante
            role = roles.Role(roles.phrase(ante), f"{role.rule}; relative {toks[0].text!r} = its noun")
        if len(toks) == 1 and head.dep_ == "poss" and head.lower_ in roles.OWN_POSSESSIVES:
            continue  # an unresolved "its" names nobody
        nominal = head.pos_ == "NOUN" or (head.tag_ == "VBG" and head.dep_ in {"nsubj", "nsubjpass"})
        inner = match_trigger(head) if actor and nominal and not roles.is_actor_like(head) else None
        if inner is not None and inner.plover_type != "PROTEST":  # "a mob lynched": the crowd acts
            inner_actors, inner_recipients = roles.noun_roles(head)
            sides = inner_actors + [r for r in inner_recipients if r.rule == "'between X and Y'"]
            out += [roles.Role(r.tokens, f"{r.rule} of the event noun {head.text!r}")
                    for r in sides if not any(t.i == head.i for t in r.tokens)]
            continue
        out.append(role)
    return out


def _actor_ref(article: Article, role: roles.Role, kind: str, offset: int, named: frozenset[str]) -> ActorRef:
    toks = role.tokens
    start, end = offset + role.start_char, offset + role.end_char
    if len(toks) == 1 and roles.is_pronoun(toks[0]):
        linked = _antecedent(article, toks[0], start, end, offset)
        if linked is not None:
            (a_start, a_end), why = linked
            text = article.text[a_start:a_end]
            res = actor_dict.resolve(text, tuple(text.split()), named=named)
            return ActorRef(a_start, a_end, text, kind, res.canonical, res.sector, res.country, res.aligned,
                            actor_dict.METHOD, f"{role.rule}; {why}; {res.reason}")
    text = article.text[start:end]
    res = actor_dict.resolve(text, tuple(t.lemma_ for t in toks), named=named)
    if res.canonical is None:  # a description may say more than its trimmed head ("defectors from X")
        head = max(toks, key=lambda t: -len(list(t.ancestors)))
        sub = list(head.head.subtree) if head.head.lemma_.lower() in roles.COLLECTIVE or head.dep_ == "pobj" \
            else list(head.subtree)
        wide = actor_dict.resolve(" ".join(t.text for t in sub), tuple(t.lemma_ for t in sub), named=named)
        if wide.canonical and wide.reason.startswith("description"):
            res = wide
    return ActorRef(start, end, text, kind, res.canonical, res.sector, res.country, res.aligned,
                    actor_dict.METHOD, f"{role.rule}; {res.reason}")


def _antecedent(article: Article, pron: Token, start: int, end: int,
                offset: int) -> tuple[tuple[int, int], str] | None:
    """Who 'he'/'it'/'they' is: the attribution stage's resolved speaker for this pronoun (same
    span, or the same pronoun as a quote's speaker in this sentence), else the named subject of
    the reporting verb the pronoun's clause depends on ('Syria says it is willing ...')."""
    sent = pron.sent
    s_lo, s_hi = offset + sent.start_char, offset + sent.end_char
    for q in article.quotes:
        if q.speaker is None or q.resolved is None:
            continue
        same = (q.speaker.start, q.speaker.end) == (start, end)
        near = s_lo <= q.speaker.start < s_hi and article.text[q.speaker.start:q.speaker.end].lower() == pron.lower_
        if same or near:
            return (q.resolved.start, q.resolved.end), (
                f"pronoun {pron.text!r} resolved by the attribution stage ({q.resolved.method})")
    if pron.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    for anc in pron.head.ancestors:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in status.SAY_VERBS:
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if subj is not None and not roles.is_pronoun(subj) and roles.is_actor_like(subj):
                ph = roles.phrase(subj)
                return (offset + ph[0].idx, offset + ph[-1].idx + len(ph[-1].text)), (
                    f"pronoun {pron.text!r} is the subject of what {subj.text!r} says")
            break
    return None


def _clause_tokens(tok: Token) -> list[Token]:
    """The trigger's subtree without nested clauses that have their own subject."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"advcl", "ccomp", "relcl", "csubj", "parataxis"})
    return out


def _places(article: Article, sent: SpacySpan, offset: int, tok: Token,
            nxt: tuple[int, SpacySpan] | None) -> list[Span]:
    clause = _clause_tokens(tok)
    lo = offset + min(t.idx for t in clause)
    hi = offset + max(t.idx + len(t.text) for t in clause)
    inside = {offset + t.idx for t in clause if t.dep_ not in {"poss", "case"}}  # "Ukraine's military": actor
    found = [p for p in places.entity_places(article.entities, lo, hi) if p.start in inside]
    found += [p for p in places.phrase_places(sent, offset) if lo <= p.start < hi]
    if not found:
        found = _where_antecedent(article, sent, offset, tok)
    if not found:  # "the student from Yefremov ... her father's arrest": the sentence's places
        poss = {offset + t.idx for t in sent if t.dep_ == "poss"}
        found = [p for p in places.entity_places(article.entities, offset + sent.start_char, offset + sent.end_char)
                 if p.start not in poss]
    if nxt is not None:
        n_off, n_sent = nxt
        subj = next((t for t in n_sent if t.dep_ == "nsubj"), None)
        ent = next((e for e in article.entities if subj is not None and e.start == n_off + subj.idx
                    and e.label in places.PLACE_LABELS), None)
        if ent is not None and not candidates(n_sent, n_off):
            found.append(Span(ent.start, ent.end, "context_place", places.METHOD,
                              f"{ent.label} subject of the next sentence, which describes this place and "
                              "reports no event"))
    return sorted(set(found), key=lambda p: (p.start, p.end))


def _where_antecedent(article: Article, sent: SpacySpan, offset: int, tok: Token) -> list[Span]:
    """'Graivoron district, where the fighting took place': the place a 'where' clause hangs on."""
    clause = next((t for t in (tok, *tok.ancestors) if t.dep_ == "relcl"), None)
    if clause is None or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
        return []
    head = clause.head
    span = [t for t in head.subtree if t.i < clause.left_edge.i or t == head]
    lo = offset + min(t.idx for t in span)
    hi = offset + max(t.idx + len(t.text) for t in span)
    found = places.entity_places(article.entities, lo, hi)
    found += [p for p in places.phrase_places(sent, offset) if lo <= p.start < hi]
    if not found and head.lower_ in places.PLACE_NOUNS:  # "Graivoron district" (tagged PROPN)
        first = min([head, *(c for c in head.lefts if c.dep_ in {"compound", "amod"})], key=lambda t: t.i)
        found = [Span(offset + first.idx, offset + head.idx + len(head.text), "place", places.METHOD,
                      f"place noun {head.lower_!r}")]
    return [replace(p, reason=f"{p.reason}; the place its 'where' clause describes") for p in found]


def _publication_week(article: Article, fallback: EventDate) -> EventDate:
    """An undated event stated as fact happened on or before publication, but ACLED codes a
    date (and its time precision) only from what the source says about the event, and the
    clusterer must not merge reports on the publication date alone (a feature story dates
    nothing). So the date stays unknown; the reason records the publication date as its bound."""
    if article.published is None:
        return fallback
    pub = article.published.date()
    return replace(fallback, reason=f"{fallback.reason}; publication date {pub} bounds it (on or before), "
                                    "not used as the event date")


def _date_from_elaboration(article: Article, nxt: tuple[int, SpacySpan], fallback: EventDate) -> EventDate:
    """'X called for ... . The video message was released on Monday': the message's date."""
    n_off, n_sent = nxt
    subj = next((t for t in n_sent if t.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.lemma_.lower() not in MESSAGE_NOUNS:
        return fallback
    if not any(c.lower_ == "the" for c in subj.children):
        return fallback
    found = dates.resolve_date(n_sent.text, n_off + n_sent.start_char, article.published)
    if found.value is None:
        return fallback
    head = " ".join(t.text for t in subj.subtree)
    return EventDate(found.value, found.precision, found.start, found.end, dates.METHOD,
                     f"{found.reason}; from the next sentence, where {head!r} names the same statement")


def _context(text: str) -> frozenset[str]:
    """Sentence facts the ACLED sub-type needs (protest, violent, intervention, excessive)."""
    return cues.protest_context(text)


WEAPON_MODES = ("sexual", "cbrn", "suicide-attack", "grenade", "aerial", "heavy-weapons", "explosives", "firearms")
REFINABLE = frozenset({None, "firearms", "explosives", "heavy-weapons", "aerial", "beat"})


def _with_instrument(cand: Candidate, sent: SpacySpan) -> Candidate:
    """'an attack ... with hand grenades': the weapon named in the clause (or sentence) sets the mode.

    Only generic or weaker weapon modes are refined, and never for clash words (a clash with
    mortars is still a clash between armed sides).
    """
    trig = cand.trigger
    if trig.plover_type != "ASSAULT" or trig.mode not in REFINABLE or cand.token.lemma_.lower() in cues.CLASH_LEMMAS:
        return cand
    clause = sorted(_clause_tokens(cand.token), key=lambda t: t.i)
    found, where = None, ""
    for scope, text in (("clause", " ".join(t.text for t in clause)), ("sentence", sent.text)):
        found = cues.weapon(text)
        if found is not None:
            where = scope
            break
    if found is None or found.value == trig.mode:
        return cand
    rank = {m: i for i, m in enumerate(WEAPON_MODES)}
    if trig.mode == "beat" and found.value != "sexual":
        return cand
    if trig.mode is not None and trig.mode in rank and rank[found.value] >= rank[trig.mode]:
        return cand
    return Candidate(cand.token, replace(trig, mode=found.value),
                     f"{cand.why}; mode {found.value!r} from the instrument {found.word!r} in the {where} "
                     f"({cues.METHOD})")


def _caused_by_hazard(tok: Token, sent: SpacySpan) -> bool:
    """'An earthquake killed eight people': deaths with a natural or accidental cause are no assault.

    The hazard must be in the trigger's clause, or in its sentence when the trigger has no
    actor-like doer (a person, group or force) and no weapon is named.
    """
    if tok.lemma_.lower() in BLAST_WORDS | HAZARD_VERBS and cues.industrial(sent.text) is not None:
        return True  # "a chemical plant exploded", "a gas cylinder explosion killed two"
    if tok.lemma_.lower() not in HAZARD_VERBS or cues.weapon(sent.text) is not None:
        return False
    clause = " ".join(t.text for t in sorted(_clause_tokens(tok), key=lambda t: t.i))
    if cues.hazard(clause) is not None:
        return True
    if cues.hazard(sent.text) is None:
        return False
    doers = roles.verb_roles(tok)[0] if tok.pos_ == "VERB" else roles.noun_roles(tok)[0]
    return not any(roles.is_actor_like(t) and t.lemma_.lower() not in roles.PRONOUNS for r in doers for t in r.tokens)


def _confidence(trig: Trigger, actors: tuple[ActorRef, ...], recipients: tuple[ActorRef, ...],
                state: str) -> tuple[float, str]:
    score = trig.weight
    parts = [f"trigger prior {trig.weight:.2f}"]
    if not actors:
        score *= 0.85
        parts.append("no actor x0.85")
    elif any(a.canonical for a in actors):
        score = min(1.0, score * 1.05)
        parts.append("resolved actor x1.05")
    if not recipients and trig.plover_type not in {"PROTEST", "MOBILIZE"}:
        score *= 0.95
        parts.append("no recipient x0.95")
    return round(score, 3), "confidence " + ", ".join(parts)

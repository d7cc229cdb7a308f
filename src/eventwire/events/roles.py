"""Who did it and to whom, read off spaCy's dependency parse of the trigger's sentence.

Verbs: the subject acts, the object (or "against/on/at X") receives; in the passive the
"by" agent acts and the subject receives. Nouns: "X's attack on Y", "the arrest of Y" /
"Y's arrest" (arrest-like nouns take their possessor as the patient). Phrases are trimmed the
way coders mark them: no determiners, no lower-case evaluative adjectives, and "a group of X"
is X.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

METHOD = "events.roles.v1"

COLLECTIVE = frozenset("group number member dozen hundred thousand score band contingent crowd team "
                       "third half quarter majority ten million".split())
PATIENT_NOUNS = frozenset("arrest detention deportation execution abduction kidnapping assassination "
                          "release torture killing murder rape imprisonment".split())
RECIPIENT_PREPS = frozenset({"against", "on", "at", "upon", "into", "with", "to", "toward", "towards", "from",
                             "between"})
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
OBJECT_PREPS = frozenset({"by", "from", "of", "against", "to", "with", "on", "for"})
KEEP_LEFT = frozenset({"compound", "poss", "nmod", "case", "amod", "punct"})
PRONOUNS = frozenset("he she they it we i you him her them us who which that this".split())
ADDRESS_VERBS = frozenset("summon urge order ask call invite tell press pressure encourage persuade allow permit "
                          "instruct direct request authorize authorise compel".split())
STANCE_NOUNS = frozenset("protest defiance support solidarity opposition retaliation".split())
PLACE_OF_PREPS = frozenset({"of", "in", "at", "from"})
PARTY_PREPS = frozenset({"of", "by", "from", "against", "on", "to", "toward", "towards", "with"})


@dataclass(frozen=True, slots=True)
class Role:
    """One actor or recipient phrase: its tokens and which rule found it."""

    tokens: tuple[Token, ...]
    rule: str

    @property
    def start_char(self) -> int:
        return self.tokens[0].idx

    @property
    def end_char(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last.text)


def phrase(head: Token) -> tuple[Token, ...]:
    """The trimmed noun phrase headed by ``head`` (see module docstring)."""
    if head.lemma_.lower() in COLLECTIVE or head.like_num or head.ent_type_ == "CARDINAL":  # "139 of its soldiers"
        inner = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [g for p in inner for g in p.children if g.dep_ == "pobj"]
        if objs:
            return phrase(objs[0])
        acl = [c for c in head.rights if c.dep_ == "acl"]  # "a group comprised of defectors"
        for a in acl:
            objs = [g for p in a.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            if objs:
                return phrase(objs[0])
    keep = {head.i}
    for child in head.lefts:
        if child.dep_ in KEEP_LEFT and _keep_modifier(child):
            keep.update(_modifier_tokens(child))
    for child in head.rights:  # "Freedom of Russia Legion" style names, "the ministry of defence"
        if child.dep_ == "prep" and child.lower_ == "of" and (head.pos_ == "PROPN" or head.ent_type_) and any(
                g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_) for g in child.children):
            keep.update(t.i for t in child.subtree)  # not "accused Ahmed Salem of corruption"
        elif child.dep_ == "prep" and child.lower_ in PLACE_OF_PREPS and child.i == max(keep) + 1 \
                and head.ent_type_ != "PERSON" and _names_place_or_body(child):
            keep.update(_pp_tokens(child))  # "president of Armenia", "security forces in Guinea"
    doc = head.doc
    if head.ent_type_:  # never cut a name: "National Union for the Total Independence of Angola"
        for ent in doc.ents:
            if ent.start <= head.i < ent.end and ent.label_ in {"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC"}:
                keep.update(range(ent.start, ent.end))
    lo, hi = min(keep), max(keep)
    toks = [doc[i] for i in range(lo, hi + 1)]
    while toks and (toks[0].dep_ in {"det", "punct", "case"} or toks[0].is_punct):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "case"):  # "North Korea's" -> North Korea
        toks.pop()
    return tuple(toks) or (head,)


def _pp_tokens(prep: Token) -> set[int]:
    """The prepositional phrase without what follows its name ("in Bam, Iran" -> "in Bam")."""
    out, stack = {prep.i}, [g for g in prep.children if g.dep_ == "pobj"]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in {"appos", "punct", "conj", "cc", "relcl", "acl"})
    return out


def _names_place_or_body(prep: Token) -> bool:
    """'of Armenia', 'in Northern Ireland', 'at Cumhuriyet University': a prepositional phrase
    whose object is a named place or body (it says which actor; a bare 'in the city' does not)."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return any(o.ent_type_ in {"GPE", "LOC", "ORG", "FAC"} and o.pos_ == "PROPN" and len(list(o.subtree)) <= 6
               for o in objs)


def _modifier_tokens(mod: Token) -> set[int]:
    """A kept modifier's subtree without its own evaluative adjectives ("outgoing Prime Minister")."""
    out, stack = set(), [mod]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ != "amod" or _keep_modifier(c)
                     or (c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == "-"))  # "same-sex" stays whole
    return out


def _keep_modifier(tok: Token) -> bool:
    if tok.dep_ != "amod":
        return tok.dep_ != "punct" or tok.text in {"-", "'"}
    from .actors import SECTOR_WORDS

    return (tok.text[:1].isupper() or bool(tok.ent_type_) or tok.lower_ in {"former", "armed", "local", "ethnic"}
            or tok.lemma_.lower() in SECTOR_WORDS)  # "military bases", "police officers"


def joint_modifiers(role: Role) -> list[Role]:
    """'Hungarian and Romanian officials', 'French and Egyptian warships': the two named sides
    of one joint actor phrase (for mutual acts, each side is also the other's recipient)."""
    head = min(role.tokens, key=lambda t: len(list(t.ancestors)))
    for mod in (c for c in head.children if c.dep_ in {"amod", "compound", "nmod"} and _named_party(c)):
        sides = [mod, *(c for c in mod.conjuncts if _named_party(c))]
        if len(sides) > 1:
            return [Role((t,), "reciprocal: one side of a joint actor phrase") for t in sides]
    return []


def with_conjuncts(head: Token) -> list[Token]:
    out = [head]
    for c in head.conjuncts:
        if c.pos_ in {"NOUN", "PROPN", "PRON"} and c.i > head.i:
            out.append(c)
    return out


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """(subject, passive?) of a verb, climbing through xcomp/conj/relcl/advcl when it has none."""
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "csubj", "nsubjpass"}]
        if len(subjects) > 1 and subjects[0].text.isupper() and len(subjects[0].text) > 1:
            subjects = subjects[1:]  # "KYIV, June 4 (Reuters) - Zelenskiy urged": the dateline is no subject
        if subjects:
            return subjects[0], subjects[0].dep_ == "nsubjpass"
        if node.dep_ == "relcl" and node.head.pos_ in {"NOUN", "PROPN"}:
            return node.head, False
        if node.dep_ in {"xcomp", "conj", "advcl", "ccomp", "acomp"} and node.head is not node:
            node = node.head
            continue
        break
    return None, False


def verb_roles(verb: Token) -> tuple[list[Role], list[Role]]:
    """Actors and recipients of a verbal trigger."""
    actors: list[Role] = []
    recipients: list[Role] = []
    subj, passive = _subject(verb)
    agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if passive:
        actors += [Role(phrase(t), "passive agent 'by X'") for a in agent for t in with_conjuncts(a)]
        if subj is not None:
            recipients += [Role(phrase(t), "passive subject") for t in with_conjuncts(subj)]
    elif subj is not None:
        actors += [Role(phrase(t), "subject") for t in with_conjuncts(_event_noun_agent(subj))]
    if not recipients:  # a passive subject is the one acted on ("activists were detained ... against X")
        recipients += _objects(verb)
    if not recipients:
        recipients += complement_subject(verb)
    for noun in (c for c in verb.children if c.dep_ == "dobj" and not recipients):  # "repeated its call that X ..."
        recipients += complement_subject(noun, {"acl", "ccomp"})
    for noun in (g for c in verb.children if c.dep_ == "prep" and not recipients for g in c.children
                 if g.dep_ == "pobj"):  # "insisted on its demands that X ..."
        recipients += complement_subject(noun, {"acl", "ccomp"})
    if not recipients and verb.head.lemma_.lower() in ADDRESS_VERBS and (verb.dep_ == "xcomp" or (
            verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))) and not any(
            c.dep_ == "nsubj" for c in verb.children):
        recipients += [Role(phrase(t), "object of the governing verb ('summoned X to complain')")
                       for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i and is_actor_like(c)
                       and not is_pronoun(c) and not _own_thing(c) for t in with_conjuncts(c)]
    for sub in (c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}):
        if recipients:
            break
        recipients += _objects(sub, "in the complement clause: ")  # "agreed to set up a centre in Tokyo"
        if not recipients and sub.dep_ == "xcomp":  # "refused to allow UN planes to land"
            recipients += complement_subject(sub)
    return actors, recipients


def _stance_verb(tok: Token) -> bool:
    """A participle that says what is demanded or opposed ("calling for", "demanding", "protesting")."""
    from .lexicon import load_lexicon

    return any(t.plover_type in {"REQUEST", "PROTEST", "ACCUSE", "REJECT"}
               for t in load_lexicon().get(tok.lemma_.lower(), ()))


def purpose_objects(verb: Token) -> list[Role]:
    """'staged demonstrations to demand reforms by X's government', 'demonstrated ... calling for
    independence from Iraq', 'rioted in protest against X': whom a protest or act is aimed at,
    read from its purpose clause (a to-infinitive or participle with no subject of its own) or
    an "in protest against / in support of / in defiance of X" phrase."""
    for sub in verb.children:
        if sub.dep_ not in {"advcl", "acl"} or sub.pos_ != "VERB":
            continue  # (acl: "an attack to capture the army's positions")
        if any(g.dep_ in {"nsubj", "nsubjpass", "mark"} for g in sub.children):
            continue  # "when they blew themselves up": a clause of its own
        if not any(g.dep_ == "aux" and g.lower_ == "to" for g in sub.children) and not _stance_verb(sub):
            continue  # "..., killing five" / "leading to ...": a result, not what the act aims at
        found = _objects(sub, "in the purpose clause: ")
        if found:
            return found
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for stance in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in STANCE_NOUNS):
            for inner in (p for p in stance.children if p.dep_ == "prep"):
                for obj in (g for g in inner.children if g.dep_ == "pobj"):
                    found_party = party_in(obj)
                    if found_party is not None:
                        return [Role(found_party[0], f"'in {stance.lower_} {inner.lower_} X': {found_party[1]}")]
    return []


def _objects(verb: Token, prefix: str = "") -> list[Role]:
    """Recipient phrases of one verb, first rule that finds one wins:
    an actor-like object; the owner or named modifier of a thing object ("praised Haiti's
    efforts", "rejected a US offer"); an actor after the object ("calls by Kofi Annan",
    "the withdrawal of Serbian forces"); "to/with/against/on/from X" on the verb."""
    for c in verb.children:
        if c.dep_ not in {"dobj", "dative"}:
            continue
        if is_actor_like(c) and not _own_thing(c):
            return [Role(phrase(t), prefix + "direct object") for t in with_conjuncts(c)]
        owner = next((g for g in c.children if g.dep_ in {"poss", "compound", "amod"} and _named_party(g)), None)
        if owner is not None:
            return [Role(phrase(owner) if owner.dep_ == "poss" else _modifier_phrase(owner),
                         prefix + "owner of the direct object")]
        for p in (g for g in c.children if g.dep_ == "prep" and g.lower_ in OBJECT_PREPS):
            objs = [g for g in p.children if g.dep_ == "pobj" and is_actor_like(g) and not _own_thing(g)]
            if objs:
                return [Role(phrase(t), f"{prefix}'{p.lower_} X' after the direct object")
                        for t in with_conjuncts(objs[0])]
            for obj in (g for g in p.children if g.dep_ == "pobj"):  # "sanctions on the Taliban faction"
                found = party_in(obj)
                if found is not None:
                    return [Role(found[0], f"{prefix}'{p.lower_} <thing>' after the direct object: {found[1]}")]
    shared = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                   and any(g.dep_ == "dobj" for g in c.children)), None)
    if shared is not None and not any(c.dep_ == "dobj" for c in verb.children):
        return _objects(shared, prefix + "object shared with the conjoined verb: ")  # "killed and wounded X"
    preps = [c for c in verb.children if c.dep_ in {"prep", "prt"} and c.lower_ in RECIPIENT_PREPS]
    preps += [g for c in verb.children if c.dep_ == "dobj" for g in c.children
              if g.dep_ == "prep" and g.lower_ in {"to", "with"}]  # "offered its troops to X"
    for c in preps:
        objs = [g for g in c.children if g.dep_ == "pobj" and is_actor_like(g)]
        if objs:
            return [Role(phrase(t), f"{prefix}'{c.lower_} X'") for t in with_conjuncts(objs[0])]
    preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]  # "called for sanctions against X"
    for c in preps:  # "conceded to demands from UNITA", "imposed sanctions on the Taliban faction"
        for thing in (g for g in c.children if g.dep_ == "pobj"):
            found = party_in(thing)
            if found is not None:
                return [Role(found[0], f"{prefix}'{c.lower_} <thing>': {found[1]}")]
    return []


def party_in(thing: Token, depth: int = 0) -> tuple[tuple[Token, ...], str] | None:
    """The party a thing phrase names, for recipients found through a thing: the thing itself
    when it is actor-like; else its owner or named modifier ("Sweden's decision" -> Sweden, "the
    Taliban religious faction" -> Taliban); else, one or two levels down, the party after "of, by,
    from, against, on, to" ("violations by the Israeli military", "the government of X")."""
    if is_actor_like(thing) and not is_pronoun(thing) and not _own_thing(thing):
        return phrase(thing), "actor"
    for p in (c for c in thing.children if c.dep_ == "prep" and c.lower_ in {"of", "by", "from"}):
        for obj in (g for g in p.children if g.dep_ == "pobj" and is_actor_like(g) and not is_pronoun(g)):
            return phrase(obj), f"'{thing.text} {p.lower_} X'"
    for acl in (c for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"):  # "crimes committed by X"
        for obj in (g for a in acl.children if a.dep_ == "agent" for g in a.children
                    if g.dep_ == "pobj" and is_actor_like(g) and not is_pronoun(g)):
            return phrase(obj), f"'{thing.text} {acl.text} by X'"
    owner = next((g for g in thing.children if g.dep_ in {"poss", "compound", "amod", "nmod"} and _named_party(g)),
                 None)
    if owner is not None:
        return (phrase(owner) if owner.dep_ == "poss" else _modifier_phrase(owner)), f"named owner of {thing.text!r}"
    if depth >= 2:
        return None
    for p in (c for c in thing.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS):
        for obj in (g for g in p.children if g.dep_ == "pobj"):
            found = party_in(obj, depth + 1)
            if found is not None:
                return found[0], f"'{thing.text} {p.lower_} X'" + ("" if found[1] == "actor" else f", {found[1]}")
    return None


def is_pronoun(tok: Token) -> bool:
    """'he', 'them', 'its' -- but not 'US' (the country, upper case)."""
    return tok.pos_ == "PRON" or (tok.lower_ in PRONOUNS and not (tok.text.isupper() and len(tok.text) > 1))


def _own_thing(tok: Token) -> bool:
    """'withdraw its troops': the actor's own forces are what it moves, not whom it acts on."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in tok.children)


def _named_party(tok: Token) -> bool:
    """A modifier that names a party (a country, people, organisation or person), not a pronoun."""
    if is_pronoun(tok):
        return False
    return tok.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"} or (tok.dep_ == "poss" and is_actor_like(tok))


def _modifier_phrase(tok: Token) -> tuple[Token, ...]:
    """'a US offer' -> 'US'; 'Karen guerrilla stronghold' -> 'Karen guerrilla' (the modifier run)."""
    run = [t for t in tok.head.lefts if t.dep_ in {"compound", "amod"} and t.i >= tok.i
           and (t.dep_ == "compound" or t is tok or _keep_modifier(t))]  # not "Taliban religious"
    ids = sorted({t.i for r in run for t in r.subtree} | {t.i for t in tok.subtree})
    toks = [tok.doc[i] for i in range(ids[0], ids[-1] + 1)]
    while toks and (toks[0].dep_ in {"det", "punct"} or toks[0].like_num):
        toks.pop(0)
    return tuple(toks) or (tok,)


def complement_subject(verb: Token, deps: frozenset[str] | set[str] = frozenset({"ccomp"})) -> list[Role]:
    """'demanded that the Turkish government provide ...': the one asked is the clause's subject."""
    for c in verb.children:
        if c.dep_ in deps:
            subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is None or is_pronoun(subj):
                continue
            if is_actor_like(subj):
                return [Role(phrase(t), "subject of the demanded/accused clause") for t in with_conjuncts(subj)]
            found = party_in(subj)  # "demanded that its European Community partners refuse"
            if found is not None:
                return [Role(found[0], f"subject of the demanded/accused clause: {found[1]}")]
    return []


def _frame_nouns() -> frozenset[str]:
    from .lexicon import OBJECT_CLASSES

    return frozenset().union(*(OBJECT_CLASSES[k] for k in ("curfew", "restriction", "sanctions", "talks", "aid",
                                                           "agreement", "demands", "statement")))


def condition_subject(trigger: Token) -> list[Role]:
    """'threatened to strike unless Israel rescinded ...', '... if the United States goes ahead':
    the one threatened is whoever must act to avert it, the subject of the if/unless clause."""
    for tok in trigger.subtree:
        if tok.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in tok.children):
            continue
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and is_actor_like(subj) and not is_pronoun(subj):
            return [Role(phrase(t), "subject of the 'if/unless' condition of a threat") for t in with_conjuncts(subj)]
    return []


def thing_object(verb: Token) -> list[Role]:
    """The direct object of a material act even when it is a thing ('demolished Palestinian homes')."""
    from .lexicon import load_lexicon

    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"} and not is_pronoun(c):
            if c.pos_ == "NOUN" and (c.lemma_.lower() in load_lexicon() or c.lemma_.lower() in _frame_nouns()):
                return []  # "opened fire", "imposed a curfew": the act itself, not what it targets
            return [Role(phrase(t), "object of the act") for t in with_conjuncts(c)]
    return []


PLACE_PREPS = frozenset({"in", "on", "from", "to", "into", "inside", "at", "across", "throughout", "within"})
PLACE_SKIP = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "advcl", "ccomp", "relcl", "parataxis", "acl",
                        "punct", "appos", "npadvmod"})


def place_object(trigger: Token, exclude: frozenset[int] = frozenset()) -> list[Role]:
    """'demonstrated in Serbia', 'threatened to institute a curfew in Algiers', 'reimposed
    blockades in the West Bank': the named place acted on, when no party is named. The nearest
    "in/on/from/to/into/at X" place (GPE or LOC) below the trigger -- through its objects,
    complements and prepositions, not into clauses of their own -- and, for a noun trigger, below
    its light verb ("rioted at a jail in northern Israel": the jail's place)."""
    starts = [trigger]
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"dobj", "attr", "nsubj", "nsubjpass"}:
        starts.append(trigger.head)  # "reimposed blockades in X", "the deployment ... arrived in X"
    elif trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ == "pobj" and trigger.head.head.pos_ == "VERB":
        starts.append(trigger.head.head)  # "arrived in Amman on a visit", "remained on alert in X"
    for start in starts:
        queue, seen = [(start, 0)], {start.i}
        while queue:
            node, depth = queue.pop(0)
            for c in node.children:
                if c.dep_ in PLACE_SKIP or c.i in seen or c.i in exclude or (c.dep_ == "prep" and c.lower_ == "by"):
                    continue  # not the actor's own phrase ("a raid by armed groups from Ukraine")
                seen.add(c.i)
                if c.dep_ in {"prep", "dative"} and c.lower_ in PLACE_PREPS:
                    for obj in (g for g in c.children if g.dep_ == "pobj"):
                        place = _named_place(obj)
                        if place is not None:
                            return [Role(phrase(place), f"place '{c.lower_} X' the act targets")]
                if depth < 6:
                    queue.append((c, depth + 1))
    return []


def _named_place(tok: Token) -> Token | None:
    """The place a prepositional object names: itself, or 'the capital Kabul' / 'the town of Cizre'."""
    if tok.ent_type_ in {"GPE", "LOC"} and tok.pos_ == "PROPN":
        return tok
    if tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ in {"appos", "compound"} and c.ent_type_ in {"GPE", "LOC"}:  # "the capital Kabul", "X province"
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            inner = next((g for g in c.children if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC"}), None)
            if inner is not None:
                return inner
    return None


def _event_noun_agent(subj: Token) -> Token:
    """'US Predator attacks killed ...': the actor is the attack's owner, not the attack."""
    from .lexicon import load_lexicon

    if subj.lemma_.lower() in load_lexicon() and subj.pos_ == "NOUN":
        owners = [c for c in subj.children if c.dep_ in {"compound", "poss"}]
        if owners:
            return owners[0]
    return subj


def is_actor_like(tok: Token) -> bool:
    """Could this noun be a party to an event (not a thing, a place or a topic)?"""
    from .actors import SECTOR_WORDS, countries

    if tok.ent_type_ in {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}:
        return False
    if tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or tok.pos_ in {"PRON", "PROPN"}:
        return True
    lemma = tok.lemma_.lower()
    return lemma in SECTOR_WORDS or lemma in COLLECTIVE or lemma in countries()


def territory_owner(verb: Token) -> Token | None:
    """For 'took over towns inside Russia': the country the seized places belong to."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for prep in (c for c in obj.subtree if c.dep_ == "prep" and c.lower_ in {"in", "inside", "within", "of"}):
            for g in prep.children:
                if g.dep_ == "pobj" and g.ent_type_ == "GPE":
                    return g
    return None


def noun_roles(noun: Token) -> tuple[list[Role], list[Role]]:
    """Actors and recipients of a nominal trigger ("Y's arrest", "an attack by X on Y")."""
    actors: list[Role] = []
    recipients: list[Role] = []
    patient_noun = noun.lemma_.lower() in PATIENT_NOUNS
    own = list(noun.children)
    if noun.dep_ == "compound":  # "mediation mission between X and Y", "artillery fire against X": the
        own += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS]  # head's
    for c in own:
        if c.dep_ == "poss" and c.lower_ not in PRONOUNS - {"her", "his", "their"}:
            (recipients if patient_noun else actors).append(Role(phrase(c), "possessor of the event noun"))
        elif c.dep_ == "compound" and (c.ent_type_ in {"NORP", "GPE", "ORG"}):
            actors.append(Role(phrase(c), "modifier of the event noun"))
        elif c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if not objs:
                continue
            if c.lower_ == "by":
                actors.append(Role(phrase(objs[0]), "'by X'"))
            elif c.lower_ in {"of"} and patient_noun:
                recipients.append(Role(phrase(objs[0]), "'of X' after a patient noun"))
            elif c.lower_ == "of" and not is_actor_like(objs[0]) and (found := party_in(objs[0])) is not None:
                recipients.append(Role(found[0], f"'of <thing>': {found[1]}"))  # "suspension of links with X"
            elif c.lower_ == "between" and is_actor_like(objs[0]):  # "mediation between X and Y"
                recipients += [Role(phrase(t), "'between X and Y'") for t in with_conjuncts(objs[0])]
            elif c.lower_ in RECIPIENT_PREPS and is_actor_like(objs[0]):
                recipients.append(Role(phrase(objs[0]), f"'{c.lower_} X'"))
            elif c.lower_ in RECIPIENT_PREPS - {"with", "from"} and (found := party_in(objs[0])) is not None:
                recipients.append(Role(found[0], f"'{c.lower_} <thing>': {found[1]}"))  # "riots against X's policies"
    if not recipients:
        recipients = complement_subject(noun, {"acl", "ccomp"})  # "its demand that Israel ease ..."
    if not recipients and noun.dep_ == "dobj":  # the parser hangs the clause on the verb: "repeated its demand
        recipients = complement_subject(noun.head)  # today that Israel ease ..."
    verb = noun.head if noun.dep_ in {"dobj", "attr"} else noun.head.head if noun.dep_ == "pobj" else None
    if verb is not None and verb.pos_ in {"VERB", "AUX"}:
        subj, passive = _subject(verb)  # "X launched an attack", "held their first meeting", "on a visit"
        if subj is not None and not passive and (
                not actors or all(len(a.tokens) == 1 and is_pronoun(a.tokens[0]) for a in actors)):
            actors = [Role(phrase(subj), "subject of the light verb")]
        if subj is not None and passive and not recipients:  # "X was put under investigation"
            recipients = [Role(phrase(subj), "passive subject of the light verb")]
        if not recipients:  # "opened investigations against X" (the parser attaches 'against X' to the verb)
            mine = {t.i for a in actors for t in a.tokens}  # not "ended a raid by X": X is the raid's actor
            recipients = [r for r in _objects(verb) if noun not in r.tokens and not mine & {t.i for t in r.tokens}]
        if not recipients:  # "began a hunger strike to protest against Sweden's decision"
            recipients = purpose_objects(noun) or purpose_objects(verb)
    return actors, recipients

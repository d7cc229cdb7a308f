"""Word lists behind attribution decisions, kept in one place so reasons can name them.

Cue verbs were chosen from the reporting verbs most frequent in attribution corpora of
political news (say, tell, according to, write, add, announce, ...); hedges and opinion
markers follow the usual hedging/subjectivity cue lists of news-analysis work.
"""

from __future__ import annotations

# Verbs (lemmas) that introduce what somebody said, wrote, believes or wants.
CUE_VERBS = frozenset("""
say tell claim state announce report add note argue insist warn deny accuse write explain
suggest acknowledge admit confirm declare describe recall respond reply ask call urge tweet
post assert contend maintain allege stress emphasize emphasise point comment predict vow promise
pledge threaten reveal disclose testify complain concede agree criticize criticise praise
blame believe think hope fear want expect estimate conclude find show indicate learn
mention remark observe announce caution question demand propose recommend repeat reiterate
quip joke boast brag charge counter dismiss reject defend cite quote telling
describe express know refer mention speculate imply assure answer talk speak discuss highlight
tout portray depict characterize characterise label dub brand doubt dispute forecast calculate
suspect guess reckon realize realise understand feel deem view consider recognize
recognise confess divulge unveil signal apologize apologise lament plead appeal advise advocate
reaffirm
""".split())

# Verbs that give a source's stance towards something rather than a claim ("Carson endorsed
# Trump", "the campaign plans to appeal", "she declined to comment"). They make attributions
# of kind "stance" (as attribution corpora annotate them) but never turn the outlet's sentence
# into somebody's claim: "the governor ordered a quarantine" is still the outlet's fact.
STANCE_VERBS = frozenset("""
see support endorse back oppose favor favour prefer like seek plan intend decide decline refuse
order request release list nominate promote champion lobby push offer attack blast slam assail
denounce condemn decry mock ridicule lambaste chide scold rebuke applaud welcome hail herald
thank congratulate challenge worry focus remember wish pitch press beg implore
""".split())

# Cue verbs that only introduce quotation marks (“...,” he continued), never a clause of
# their own: "prices continued to rise" is no attribution.
QUOTE_ONLY_VERBS = frozenset("continue go begin start conclude finish laugh shout scream yell chant".split())

# Verbs whose direct object is the listener, not what was said ("told reporters that ...").
LISTENER_VERBS = frozenset(
    "tell ask assure warn urge remind inform notify advise brief convince persuade caution implore beg "
    "thank congratulate".split())

# Participial clause verbs ("..., suggesting that ...") that are the writer's inference.
INFERENCE_VERBS = frozenset("suggest indicate mean show imply signal".split())

# Verbs whose direct object is the content ("announced his resignation").
OBJECT_CONTENT_VERBS = frozenset(
    "announce deny confirm reveal disclose predict promise pledge vow demand propose recommend "
    "criticize criticise praise dismiss reject question defend threaten want".split())

# Verbs whose prepositional phrase is the content ("called for an end to ...").
PREP_CONTENT = {"call": {"for", "on"}, "urge": {"on"}, "push": {"for"}, "argue": {"for", "against"},
                "warn": {"of", "about", "against"}, "complain": {"about", "of"}, "refer": {"to"},
                "respond": {"to"}, "reply": {"to"}, "object": {"to"}, "agree": {"with", "on", "to"},
                "disagree": {"with", "on"}}

# Prepositions whose phrase is what a cue verb is about ("talked about the wall", "referred to").
CONTENT_PREPS = frozenset("about on of for against over".split())

# Nouns that carry a statement ("in a statement", "in an interview", "a CNN poll"): the noun
# phrase is the source, the rest of the sentence the content.
SOURCE_NOUNS = frozenset("""
statement interview poll survey report letter speech tweet post memo filing study analysis remarks
email release video op-ed editorial column essay testimony briefing interview memoir book
broadcast podcast announcement message note documents document complaint lawsuit
""".split())

HEDGES = (
    "likely", "unlikely", "probably", "possibly", "perhaps", "maybe", "may", "might", "could",
    "reportedly", "allegedly", "apparently", "appears to", "appear to", "appeared to", "seems",
    "seem to", "seemed", "assuming", "presumably", "supposedly", "rumoured", "rumored",
    "believed to", "thought to", "said to be", "unconfirmed", "unverified", "it is unclear",
    "not clear", "suspected", "purportedly", "would appear", "in all likelihood",
)

OPINION_WORDS = frozenset("""
insane crazy brazen brazenly absurd ridiculous outrageous shameful disgraceful disgusting
pathetic stupid idiotic shocking appalling horrible terrible awful amazing incredible
wonderful brilliant fantastic ludicrous laughable embarrassing embarrassment deathwish
evil heroic cowardly hypocritical hypocrisy scandalous farce disaster disastrous
unbelievable obviously clearly sadly unfortunately thankfully hopefully frankly honestly
""".split())

FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves".split())
SECOND_PERSON = frozenset("you your yours yourself yourselves".split())

# Nouns that name a person (speaker descriptions such as "an unnamed soldier").
PERSON_NOUNS = frozenset("""
soldier man woman official spokesman spokeswoman spokesperson minister president leader
commander general officer source sources witness resident residents student father mother
journalist reporter activist lawyer senator governor mayor analyst expert adviser advisor
aide diplomat ambassador member members volunteer volunteers fighter fighters defector
defectors blogger author chief head director secretary candidate voter voters supporter
supporters critic critics official officials people person someone doctor nurse police
policeman officer prosecutor judge lawmaker lawmakers representative representatives agent
""".split())

# Nouns that name an organisation or group ("the ministry", "the group").
GROUP_NOUNS = frozenset("""
group ministry government army military legion party campaign committee council agency
office department administration kremlin company organization organisation movement
militia unit brigade battalion police force forces service team coalition alliance court
""".split())

PRONOUNS_PERSON = frozenset("he she him her".split())
PRONOUNS_PLURAL = frozenset("they them".split())

# Nouns that carry a claim of their possessor ("Trump's assertion that ...", "her warning about").
CLAIM_NOUNS = frozenset("""
assertion claim claims statement remarks comments comment suggestion view views warning argument
accusation allegation allegations denial promise pledge call demand insistence contention belief
prediction announcement admission message assessment description characterization
""".split())

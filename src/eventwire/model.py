"""Typed records shared by every stage: the article and the span layers over its main text.

Every extracted thing is a span (character offsets into ``Article.text``) that carries the
component that produced it (``method``) and why (``reason``). Records are frozen: stages
return new records with ``dataclasses.replace`` instead of mutating shared state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character range of an article's main text, with its provenance."""

    start: int
    end: int
    label: str = ""
    method: str = ""
    reason: str = ""

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention (spaCy label set), possibly corrected by rules."""

    start: int
    end: int
    label: str
    text: str
    method: str = "nlp.spacy.v1"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class CitedOutlet:
    """An outlet the article says its material comes from ("Source: Newsweek", "(Reuters) -")."""

    name: str
    start: int
    end: int
    cue: str
    method: str = "extract.cited.v1"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as received, before extraction: bytes plus what the source told us."""

    source: str  # file path, URL, "stdin", "crawl.warc.gz#1234"
    kind: str  # "html" | "text" | "record" (JSONL / feed item with its own text)
    content: bytes
    url: str | None = None
    title: str | None = None
    published: str | None = None
    text: str | None = None  # ready-made text (JSON Lines, feed item content)
    outlet: str | None = None
    fetched_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input or stage that failed: what, where, why. Nothing disappears silently."""

    source: str
    stage: str
    reason: str
    raw_sha256: str | None = None
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: metadata, main text and the span layers computed over it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    language: str = "und"
    language_score: float = 0.0
    source: str = ""
    raw_sha256: str | None = None
    extraction_method: str = ""
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    tokens: tuple[tuple[int, int], ...] = ()
    entities: tuple[Entity, ...] = ()
    cited_outlets: tuple[CitedOutlet, ...] = ()
    events: tuple[EventReport, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statements: tuple[Statement, ...] = ()
    source_paragraphs: tuple[SourceParagraph, ...] = ()
    headline_flags: tuple[HeadlineFlag, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def is_english(self) -> bool:
        return self.language == "en"

    def span_text(self, span: Span | Entity | CitedOutlet) -> str:
        return self.text[span.start : span.end]


# --- Ingestion (issue 2: inputs, fetching, bad input) ------------------------------------


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input part deliberately not ingested (a WARC request record, an image): counted, not an error."""

    source: str
    reason: str


# --- Places (issue 4: gazetteer, toponym resolution, event location) ---------------------


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry (GeoNames id and what it lies in); admin names are for display."""

    geonameid: int
    name: str
    kind: str  # "continent" | "country" | "admin1" | "admin2" | "city"
    feature_code: str  # PCLI, ADM1, ADM2, PPLC, PPLA, PPLA2, PPL, CONT
    country: str | None  # ISO 3166-1 alpha-2
    country_iso3: str | None
    admin1: str | None
    admin1_id: int | None
    admin2: str | None
    admin2_id: int | None
    lat: float | None
    lon: float | None
    population: int = 0
    coord_source: str = "geonames"  # "geonames" | "countryinfo" | "cities-bbox" | "parent:<id>"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text and what it resolves to, with precision, confidence and why.

    ``precision`` is the level the answer stands for: "exact" (a populated place), "district"
    (admin-2), "admin1", "country", "continent", or "none" when nothing could be resolved.
    A village missing from the gazetteer resolves to its district/region with that precision.
    """

    start: int
    end: int
    text: str
    label: str  # spaCy label (GPE/LOC/FAC/NORP) or "GAZ" for a gazetteer match the model missed
    place: Place | None = None
    precision: str = "none"
    confidence: float = 0.0
    cue: str = ""  # cue words seen next to the name ("Oblast", "city of", "near", ...)
    method: str = ""
    reason: str = ""


# --- Attribution (issue 5: quotes, statement kinds, cited-source paragraphs, headline checks) ---


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: content part(s), the cue, the speaker mention and who that resolves to.

    ``content`` has several parts for split quotes ("…," he said, "…"). ``speaker`` is the
    mention next to the cue (often "he"); ``resolved`` the mention it links back to ("an
    unnamed soldier"); ``affiliation`` the organisation behind that description (the Legion).
    """

    content: tuple[Span, ...]
    kind: str  # "direct" | "indirect" | "mixed" | "stance" (X endorsed/plans/declined ...: not a claim)
    cue: Span | None = None
    speaker: Span | None = None
    resolved: Span | None = None
    affiliation: Span | None = None
    speaker_name: str = ""  # text of ``resolved`` (or ``speaker``), for display and search
    affiliation_name: str = ""
    method: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Statement:
    """The kind of one sentence: fact by the outlet, attributed claim, hedged, or opinion."""

    start: int
    end: int
    kind: str  # "fact" | "attributed" | "hedged" | "opinion"
    source: str = ""  # whose statement: the outlet, the cited outlet, or the speaker
    cue: Span | None = None
    method: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SourceParagraph:
    """Whose words a paragraph is: the publisher's own, or material of a cited outlet."""

    start: int
    end: int
    origin: str  # "own" | "cited"
    outlet: str  # cited outlet name, or the publisher ("" when unknown)
    role: str  # "commentary" | "reporting" | "excerpt" | "source line"
    method: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class HeadlineFlag:
    """A headline problem: unrelated, contradicted, or overstated (place, wording, actor, number).

    ``headline`` offsets point into ``Article.title``; ``body`` offsets into ``Article.text``.
    """

    kind: str  # "unrelated" | "contradicted" | "place scope" | "wording" | "actor" | "number"
    headline: Span | None
    body: tuple[Span, ...] = ()
    method: str = ""
    reason: str = ""


# --- Events (issue 3: event coding with evidence) ----------------------------------------


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor or recipient: its span, and the canonical actor it resolves to (if any)."""

    start: int
    end: int
    text: str
    role: str  # "actor" | "recipient"
    canonical: str | None = None
    sector: str | None = None  # military, government, police, armed group, civilians, ...
    country: str | None = None  # ISO 3166-1 alpha-3
    aligned: str | None = None  # ISO3 of the side a non-state group fights for, when known
    method: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, how precisely we know it, and how that was worked out."""

    value: date | None
    precision: str  # "day" | "week" | "month" | "year" | "unknown"
    start: int | None = None  # span of the date expression, when there is one
    end: int | None = None
    method: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class EventNumber:
    """A count attached to an event (dead, injured, arrested, size) with its evidence span."""

    kind: str  # "dead" | "injured" | "arrested" | "size"
    low: int
    high: int
    qualifier: str  # "exact" | "at least" | "about" | "at most" | "vague" | "range"
    start: int
    end: int
    method: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class EventStatus:
    """Who vouches for an event and how firmly: asserted, attributed, hedged, denied, ..."""

    status: str  # asserted | attributed | hedged | denied | hypothetical | historical
    qualifiers: tuple[str, ...] = ()  # further statuses that also apply (e.g. "historical")
    source: str | None = None  # whose statement it is (outlet, cited outlet, named speaker)
    cue_start: int | None = None
    cue_end: int | None = None
    method: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class EventReport:
    """One article's account of one event, every field backed by a span and a reason."""

    id: str
    article_id: str
    plover_type: str
    plover_mode: str | None
    acled_type: str | None
    acled_subtype: str | None
    cameo_root: str | None
    trigger: Span
    sentence: Span
    actors: tuple[ActorRef, ...] = ()
    recipients: tuple[ActorRef, ...] = ()
    places: tuple[Span, ...] = ()
    date: EventDate = EventDate(None, "unknown")
    numbers: tuple[EventNumber, ...] = ()
    status: EventStatus = EventStatus("asserted")
    confidence: float = 0.0
    method: str = ""
    reason: str = ""
    mapping_reason: str = ""
    location: PlaceMention | None = None  # where it happened (set by the places stage)


# --- Event clustering (issue 6: one event, many reports; corroboration, independent origins) ---


@dataclass(frozen=True, slots=True)
class EventMember:
    """One event report inside a clustered event: who published it, whose material it is, why it joined."""

    report_id: str
    article_id: str
    outlet: str | None  # the publishing outlet (or web domain) of the article
    published: datetime | None
    status: str  # the report's own status: asserted, attributed, hedged, denied, ...
    origin: str  # the independent origin it counts for (outlet, cited outlet, or article)
    asserts: bool  # the report states the event as fact (its own, or its origin outlet's, statement)
    origin_reason: str = ""
    method: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """Many reports of one real event: consensus fields, kept disagreements, independent origins."""

    id: str
    family: str  # PLOVER type family used for blocking and compatibility (violence, statement, ...)
    plover_type: str
    plover_mode: str | None
    date: EventDate
    place: PlaceMention | None  # the most specific place its reports agree on
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    numbers: tuple[EventNumber, ...] = ()  # consensus ranges across reports (low = min, high = max)
    disagreements: tuple[str, ...] = ()  # "dead: 5–7 across 4 reports", "actor disputed: ..."
    reports: int = 0  # articles that report it
    mentions: int = 0  # event-report rows (an article may mention it twice)
    outlets: int = 0
    origins: tuple[str, ...] = ()  # independent origins (syndicated copies and cited material count once)
    first_published: datetime | None = None
    first_outlet: str | None = None
    first_article_id: str | None = None
    any_asserted: bool = False
    corroboration: str = "single-source"  # single-source | multi-source | attributed-only | contested
    members: tuple[EventMember, ...] = ()
    method: str = ""
    reason: str = ""

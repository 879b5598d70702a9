""""Lijkt op": earlier motions and corpus passages that resemble a draft.

Before submitting, a griffier should see whether the topic doubles existing VNG inzet (sjabloon advice, ALV
26-06-2024 package L578): earlier motions with their preadvies, outcome and follow-up (afgedaan/aangehouden), and
the passages of the VNG documents on the same subject.

Two signals, fused by reciprocal rank (as the hybrid search does for chunks):

1. the draft's words against each motion record's title, summary and follow-up text (stemmed Dutch terms,
   weighted by how rare a term is among the records, so "jeugdzorg" counts more than "gemeenten");
2. the hybrid search (``assistant.search.HybridSearch``: Dutch BM25 + dense) over all chunks with the draft as
   the query; a record scores when one of its source passages is among the hits.

The passages shown are the top hits of that same search.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from assistant.corpus.model import Chunk, MotionRecord
from assistant.errors import InputError
from assistant.motions import template
from assistant.motions.model import Amendment, Motion

RRF_C = 60
SEARCH_POOL = 40  # chunks taken from the hybrid search
MIN_SHARED_TERMS = 2  # a record needs this many shared content terms (or a passage hit) to be shown
PASSAGE_CHARS = 700
# Words every motion (or every ALV text) uses; they say nothing about the topic. Stemmed on first use.
GENERIC_WORDS = (
    "motie moties vng bestuur gemeente gemeenten rijk kabinet minister ministerie oproep roept oproepen inspannen "
    "spannen alv leden ledenvergadering constaterende overwegende orde dag bepleiten dringen aandringen vraagt "
    "verzoekt nieuwe nieuw kleine grote extra voldoende structureel structurele"
)

_search_cache: dict[tuple[str, str], object] = {}
_search_lock = threading.Lock()


@dataclass(frozen=True)
class SimilarMotion:
    record: MotionRecord
    score: float
    shared_terms: tuple[str, ...]
    passage_hit: bool  # one of its source passages was among the search hits

    def to_dict(self) -> dict:
        record = self.record
        return {
            "record_id": record.record_id,
            "kind": record.kind,
            "title": record.title,
            "gemeenten": list(record.gemeenten),
            "meeting": record.meeting,
            "meeting_date": record.meeting_date,
            "agenda_item": record.agenda_item,
            "preadvies": record.preadvies,
            "outcome": record.outcome,
            "vote": record.vote,
            "follow_up": record.follow_up,
            "follow_up_text": record.follow_up_text,
            "summary": record.summary,
            "score": round(self.score, 5),
            "shared_terms": list(self.shared_terms),
            "passage_hit": self.passage_hit,
            "sources": list(record.spans),
        }


@dataclass(frozen=True)
class SimilarPassage:
    chunk: Chunk
    score: float
    record_ids: tuple[str, ...]  # motion records this passage belongs to

    def to_dict(self) -> dict:
        chunk = self.chunk
        text = chunk.text if len(chunk.text) <= PASSAGE_CHARS else chunk.text[:PASSAGE_CHARS].rsplit(" ", 1)[0] + " …"
        return {
            "doc_title": chunk.doc_title,
            "section": chunk.section,
            "doc_type": chunk.doc_type,
            "meeting": chunk.meeting,
            "path": chunk.source_path,
            "line_start": chunk.line_start,
            "line_end": chunk.line_end,
            "page": chunk.page,
            "text": text,
            "score": round(self.score, 5),
            "record_ids": list(self.record_ids),
        }


@dataclass(frozen=True)
class Resemblance:
    query: str
    motions: tuple[SimilarMotion, ...]
    passages: tuple[SimilarPassage, ...]
    generation: str | None

    def to_dict(self) -> dict:
        return {
            "query": self.query,
            "index_generation": self.generation,
            "motions": [m.to_dict() for m in self.motions],
            "passages": [p.to_dict() for p in self.passages],
        }


def draft_query(item: Motion | Amendment) -> str:
    """The draft's own words (title, aanleiding, clauses, calls; for amendments title, changes and toelichting),
    without template placeholders."""
    if isinstance(item, Motion):
        texts = [item.titel, item.aanleiding, *item.constateringen, *item.overwegingen, *(o.text for o in item.oproepen)]
    else:
        texts = [item.titel, item.target_proposal, item.toelichting]
        texts += [t for c in item.changes for t in (c.schrappen, c.vervangen_door, c.invoegen_na)]
    return "\n".join(t.strip() for t in texts if t and t.strip() and not template.is_placeholder(t))


def resemblance(item: Motion | Amendment, reader, *, k_motions: int = 5, k_passages: int = 5) -> Resemblance:
    """Earlier motions (``reader.motion_records``) and passages (hybrid search) that resemble the draft."""
    query = draft_query(item)
    if len(query.split()) < 3:
        raise InputError(
            "Er staat nog te weinig tekst in het concept om te zoeken naar vergelijkbare moties.",
            hint="Vul eerst de titel en de aanleiding in.",
        )
    hits = _search(reader).search(query, k=SEARCH_POOL)
    passage_ranks = _record_passage_ranks(reader.motion_records, hits)
    motions = _rank_records(reader.motion_records, query, passage_ranks)[:k_motions]
    passages = tuple(
        SimilarPassage(hit.chunk, hit.score, tuple(_records_of(hit.chunk, reader.motion_records)))
        for hit in hits[:k_passages]
    )
    return Resemblance(query, tuple(motions), passages, getattr(reader, "generation", None))


def _search(reader):
    """One ``HybridSearch`` per index generation (it builds a vocabulary over all chunks once)."""
    from assistant.search import HybridSearch

    key = (str(getattr(reader, "directory", id(reader))), str(getattr(reader, "generation", "")))
    with _search_lock:
        search = _search_cache.get(key)
        if search is None:
            search = _search_cache[key] = HybridSearch(reader)
        return search


def _overlaps(chunk: Chunk, span: dict) -> bool:
    if span.get("source_path") != chunk.source_path or chunk.line_start is None:
        return False
    start, end = span.get("line_start"), span.get("line_end") or span.get("line_start")
    return start is not None and start <= chunk.line_end and chunk.line_start <= end


def _records_of(chunk: Chunk, records: list[MotionRecord]) -> list[str]:
    return [r.record_id for r in records if any(_overlaps(chunk, span) for span in r.spans)]


def _record_passage_ranks(records: list[MotionRecord], hits) -> dict[str, int]:
    """For each record, the best (1-based) rank among the search hits of a chunk overlapping its spans."""
    ranks: dict[str, int] = {}
    for rank, hit in enumerate(hits, start=1):
        for record_id in _records_of(hit.chunk, records):
            ranks.setdefault(record_id, rank)
    return ranks


@lru_cache(maxsize=1)
def _generic_terms() -> frozenset[str]:
    from assistant.search import stem

    return frozenset(stem(word) for word in GENERIC_WORDS.split())


def topic_terms(text: str) -> set[str]:
    """Stemmed content words of ``text`` (Dutch stemmer and stop words of ``assistant.search``), minus the words
    every motion uses."""
    from assistant.search import STOPWORDS, stem, tokens

    generic = _generic_terms()
    terms = {stem(t) for t in tokens(text) if t not in STOPWORDS and len(t) > 2 and not t.isdigit()}
    return terms - generic


def _record_terms(record: MotionRecord) -> set[str]:
    return topic_terms(" ".join(t for t in (record.title, record.summary, record.follow_up_text) if t))


def _rank_records(records: list[MotionRecord], query: str, passage_ranks: dict[str, int]) -> list[SimilarMotion]:
    query_terms = topic_terms(query)
    terms = {record.record_id: _record_terms(record) for record in records}
    document_frequency = Counter(t for record_terms in terms.values() for t in record_terms)
    total = max(len(records), 1)

    def lexical(record: MotionRecord) -> float:
        shared = query_terms & terms[record.record_id]
        weight = sum(math.log(1 + total / document_frequency[t]) for t in shared)
        return weight / math.sqrt(len(terms[record.record_id]) or 1)

    lexical_scores = {r.record_id: lexical(r) for r in records}
    lexical_order = sorted((r for r in records if lexical_scores[r.record_id] > 0),
                           key=lambda r: lexical_scores[r.record_id], reverse=True)
    lexical_ranks = {r.record_id: rank for rank, r in enumerate(lexical_order, start=1)}
    found = []
    for record in records:
        shared = tuple(sorted(query_terms & terms[record.record_id]))
        in_passages = record.record_id in passage_ranks
        # A passage hit alone is not enough (a notulen chunk covers several motions): the topic must show in the
        # record's own words too.
        if not shared or (len(shared) < MIN_SHARED_TERMS and not in_passages):
            continue
        score = sum(1 / (RRF_C + ranks[record.record_id])
                    for ranks in (lexical_ranks, passage_ranks) if record.record_id in ranks)
        found.append(SimilarMotion(record, score, shared, in_passages))
    return sorted(found, key=lambda m: m.score, reverse=True)

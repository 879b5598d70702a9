"""The data that ingest produces and everything downstream consumes.

Contract between the corpus structure code (loaders, splitting, chunking, motion records) and the index
(Chroma + BM25), retrieval, answers, drafting ("lijkt op") and review (grouping). Change with care: citations
(``line_start``/``line_end``/``page``/``paragraph``) are shown to users and checked by tests.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Section:
    """A section of a constituent document: its heading path and physical span in the source file."""

    heading_path: list[str]
    line_start: int | None = None  # 1-based physical lines (txt/md)
    line_end: int | None = None
    page: int | None = None  # 1-based page (pdf)
    paragraph: int | None = None  # 0-based paragraph index (docx)


@dataclass
class Document:
    """One constituent document of a source file (a ledenbrief, the agenda, notulen, a resolutie, ...)."""

    doc_id: str  # stable, e.g. "2024-06-26-alv-vergaderstukken.txt#D1-06"
    source_path: str  # relative to the repository root, posix
    title: str
    doc_type: str  # ledenbrief | agenda | notulen | verantwoording_moties | resolutie | voorstel | ...
    date: str | None = None  # ISO date from the letterhead
    meeting_date: str | None = None  # ISO date of the meeting this package is for
    meeting_kind: str | None = None  # "ALV" | "BALV" | "Najaars-ALV"
    agenda_item: str | None = None  # "5b"
    kenmerk: str | None = None
    lbr: str | None = None  # "19/087"
    line_start: int | None = None
    line_end: int | None = None
    sections: list[Section] = field(default_factory=list)
    # Optional (added by the structure work): the doc_id of the kept copy when this document is a dropped
    # duplicate (it then has no chunks), and the first page (pdf) / paragraph (docx) of the document.
    duplicate_of: str | None = None
    page: int | None = None
    paragraph: int | None = None

    @property
    def meeting(self) -> str | None:
        """Human label, e.g. "BALV 29-11-2019"."""
        if not self.meeting_date:
            return None
        y, m, d = self.meeting_date.split("-")
        return f"{self.meeting_kind or 'ALV'} {d}-{m}-{y}"


@dataclass
class Chunk:
    """A retrievable passage. ``text`` is the verbatim source span; ``embed_text`` adds the heading context."""

    chunk_id: str
    text: str
    embed_text: str
    source_path: str
    source_sha256: str
    doc_id: str
    doc_title: str
    doc_type: str
    section: str  # heading path joined with " > "
    date: str | None = None
    meeting: str | None = None
    meeting_date: str | None = None
    meeting_kind: str | None = None
    agenda_item: str | None = None
    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None
    paragraph: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    def chroma_metadata(self) -> dict:
        """Metadata for Chroma: scalar values only, ``None`` left out (Chroma rejects it)."""
        data = asdict(self)
        for key in ("text", "embed_text"):
            data.pop(key)
        return {k: v for k, v in data.items() if v is not None}


@dataclass
class MotionRecord:
    """An earlier motion, amendment or resolution as recorded in notulen and verantwoording documents."""

    record_id: str  # stable, e.g. "2019-06-05-M07"
    kind: str  # motie | amendement | resolutie
    title: str
    gemeenten: list[str]
    meeting_date: str  # ISO date of the meeting where it was dealt with
    meeting: str  # label, e.g. "ALV 05-06-2019"
    agenda_item: str | None = None
    preadvies: str | None = None  # overnemen | ontraden | aanhouden | ... as stated in the notulen
    outcome: str | None = None  # aangenomen | verworpen | ingetrokken | aangehouden | ...
    vote: str | None = None  # e.g. "aangenomen met 97,02% voor"
    follow_up: str | None = None  # afgedaan | aangehouden | ... (verantwoording)
    follow_up_text: str | None = None
    summary: str | None = None  # a short text describing the motion's content (for "lijkt op")
    spans: list[dict] = field(default_factory=list)  # [{"source_path", "line_start", "line_end", "role"}]

    def to_dict(self) -> dict:
        return asdict(self)
